"""The four-property tests (四性检测, DA/T 70-2018): one check, one report, kept."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import pikepdf
import pytest
from docx import Document
from sqlalchemy import select

from archivist.accounts import directory
from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.capture.pipeline import capture_from_manifest
from archivist.db.models import AuditEvent, Material
from archivist.errors import AccessRefused, InputError, NotFound
from archivist.handover import handovers
from archivist.integrity.four_properties import (
    GROUPS,
    ITEMS,
    FourReport,
    Scope,
    check_four,
    write_four_report,
)
from archivist.registers import forms

from .conftest import (
    PASSWORD,
    acting_as,
    add_person,
    make_encrypted_pdf,
    make_pdf,
    run_cli,
    write_manifest,
)

HEADINGS = ["检测项", "对象数", "通过", "不通过", "说明"]


@pytest.fixture
def filled(archive: Archive, tmp_path: Path) -> Archive:
    for index in range(3):
        capture_from_manifest(archive, write_manifest(tmp_path / f"m{index}"))
    return archive


def raw(archive: Archive) -> sqlite3.Connection:
    archive.db.dispose()
    return sqlite3.connect(archive.layout.database, isolation_level=None)


def stored_pdf(archive: Archive) -> Path:
    with archive.db.reading() as session:
        rel = session.scalars(
            select(Material.file).where(Material.media_type == "application/pdf")
        ).first()
    assert rel is not None
    return archive.root / rel


def failing(report: FourReport) -> set[tuple[str, str]]:
    return {(g.key, i.key) for g in report.groups for i in g.items if not i.ok}


def test_a_clean_archive_passes_and_the_report_is_kept(filled: Archive) -> None:
    report = check_four(filled)
    assert report.ok, [f.message() for f in report.findings]
    assert [g.key for g in report.groups] == list(GROUPS)
    assert report.records == 3 and report.files == 9
    digests = report.group("authenticity").item("digests")
    assert (digests.objects, digests.passed, digests.failed) == (9, 9, 0)
    # kept in the archive: the .docx and the JSON under reports/, their SHA-256 in the event
    assert sorted(Path(p).suffix for p in report.kept) == [".docx", ".json"]
    with filled.db.reading() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "four.check")).one()
        assert event.seq == report.event_seq
        after = json.loads(event.after) if isinstance(event.after, str) else event.after
    for rel in report.kept:
        data = (filled.root / rel).read_bytes()
        assert after["reports"][rel] == hashlib.sha256(data).hexdigest()
    kept_json = json.loads((filled.root / report.kept[1]).read_text(encoding="utf-8"))
    assert kept_json["ok"] is True and kept_json["scope"] == "all"


def test_an_encrypted_pdf_fails_usability(filled: Archive, tmp_path: Path) -> None:
    target = stored_pdf(filled)
    make_encrypted_pdf(tmp_path / "locked.pdf")
    target.write_bytes((tmp_path / "locked.pdf").read_bytes())
    report = check_four(filled, keep=False)
    assert "four.encrypted" in report.codes("usability")
    assert report.group("usability").item("encryption").failed == 1
    assert ("authenticity", "digests") in failing(report)  # the bytes changed too
    assert not report.ok


def capture_with_javascript(archive: Archive, folder: Path) -> str:
    folder.mkdir(parents=True)
    make_pdf(folder / "plain.pdf")
    with pikepdf.open(folder / "plain.pdf") as pdf:
        pdf.Root.OpenAction = pikepdf.Dictionary(
            S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")
        )
        pdf.save(folder / "script.pdf")
    manifest = write_manifest(
        folder,
        materials=[
            {"file": "script.pdf", "role": "form", "title": "登记表"},
            {"file": "b.jpg", "role": "voucher", "person": "李四", "title": "身份证复印件"},
        ],
    )
    return capture_from_manifest(archive, manifest).number


def test_a_pdf_with_javascript_fails_usability(archive: Archive, tmp_path: Path) -> None:
    capture_with_javascript(archive, tmp_path / "in")
    report = check_four(archive, keep=False)
    assert "four.javascript" in report.codes("usability")
    assert failing(report) == {("usability", "active")}


def test_the_handover_check_runs_the_usability_tests(archive: Archive, tmp_path: Path) -> None:
    number = capture_with_javascript(archive, tmp_path / "in")
    [volume] = volumes.build(archive, 2023, "SY", "year")
    for kind in handovers.REQUIRED_REGISTERS:
        forms.record_generated(archive, volume.code, kind)
    batch = handovers.create(archive, "失业保险科", "王五", on_date=dt.date(2026, 3, 2))
    handovers.add_volumes(archive, batch.number, [volume.code])
    checked = handovers.check(archive, batch.number)
    reasons = checked.volumes[0].reasons
    assert [r.code for r in reasons] == ["four.javascript"]
    assert reasons[0].params["item"] == number
    assert "PDF 含 JavaScript" in checked.volumes[0].messages[0]
    # and the four-property check of that batch finds the same
    scoped = check_four(archive, f"handover {batch.number}", keep=False)
    assert scoped.records == 1 and "four.javascript" in scoped.codes("usability")
    assert check_four(archive, f"volume {volume.code}", keep=False).records == 1


def test_a_missing_file_fails_integrity(filled: Archive) -> None:
    stored_pdf(filled).unlink()
    report = check_four(filled, keep=False)
    assert "verify.missing" in report.codes("integrity")
    assert failing(report) == {("integrity", "content")}


def test_a_numbering_gap_fails_integrity(filled: Archive) -> None:
    with raw(filled) as conn:
        conn.execute("UPDATE number_counters SET last_serial = last_serial + 2")
    report = check_four(filled, keep=False)
    assert "verify.gap" in report.codes("integrity")
    assert report.group("integrity").item("numbering").failed == 1
    # the counter was changed outside the product: the replay sees that too
    assert failing(report) == {
        ("integrity", "numbering"),
        ("authenticity", "replay"),
        ("security", "procedures"),
    }


def test_page_counts_and_number_text_are_checked(filled: Archive) -> None:
    with raw(filled) as conn:
        conn.execute(
            "UPDATE materials SET pages = pages + 1 WHERE id = "
            "(SELECT min(id) FROM materials WHERE media_type = 'application/pdf')"
        )
        conn.execute(
            "UPDATE items SET number = number || 'X' WHERE id = (SELECT min(id) FROM items)"
        )
        conn.execute(
            "UPDATE items SET archival_code = 'J023 2023' WHERE id = (SELECT max(id) FROM items)"
        )
        conn.execute("UPDATE items SET title = ' ' WHERE id = (SELECT max(id) FROM items)")
    report = check_four(filled, keep=False)
    assert "four.pages_differ" in report.codes("integrity")
    codes = report.group("authenticity").item("codes")
    assert [f.code for f in codes.findings] == ["four.code_malformed"] * 2
    assert (codes.objects, codes.passed, codes.failed) == (3, 1, 2)
    assert "four.metadata_missing" in report.codes("integrity")
    assert "title" in report.group("integrity").item("metadata").explanation()


def test_a_row_edited_outside_the_product_fails_authenticity_and_security(
    filled: Archive,
) -> None:
    with raw(filled) as conn:
        conn.execute("UPDATE items SET title = '伪造的题名' WHERE id = (SELECT min(id) FROM items)")
    report = check_four(filled, keep=False)
    assert "replay.differs" in report.codes("authenticity")
    assert "replay.differs" in report.codes("security")
    assert failing(report) == {("authenticity", "replay"), ("security", "procedures")}


def test_the_report_reads_back_with_the_spec_columns(filled: Archive, tmp_path: Path) -> None:
    report = check_four(filled, "year 2023", keep=False)
    out = write_four_report(report, tmp_path / "四性检测报告.docx")
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "四性检测报告" in text
    tables = document.tables
    register = next(t for t in tables if [c.text for c in t.rows[0].cells] == HEADINGS)
    labels = [row.cells[0].text.strip() for row in register.rows[1:]]
    for group in ("真实性检测", "完整性检测", "可用性检测", "安全性检测"):
        assert group in labels
    assert "电子文件摘要值（SHA-256）" in labels
    digests = next(
        r for r in register.rows if r.cells[0].text.strip() == "电子文件摘要值（SHA-256）"
    )
    assert [c.text for c in digests.cells[1:4]] == ["9", "9", "0"]
    everything = text + "\n".join(c.text for t in tables for r in t.rows for c in r.cells)
    assert "年度 2023" in everything and "tester" in everything
    assert sum(len(keys) for keys in ITEMS.values()) + len(GROUPS) == len(register.rows) - 1
    assert "J023 测试市社会保险事业服务中心" in everything  # the fonds it is of


def test_the_kept_report_prints_the_chain_head_in_its_footer(filled: Archive) -> None:
    from archivist.changes.anchor import current_head

    before = current_head(filled)
    assert before is not None
    report = check_four(filled, "year 2023")
    [kept] = [filled.root / k for k in report.kept if k.endswith(".docx")]
    footer = "".join(p.text for p in Document(str(kept)).sections[0].footer.paragraphs)
    assert f"审计链 第 {before.seq} 条 {before.hash[:16]}" in footer


def test_scopes(filled: Archive) -> None:
    assert check_four(filled, "year 2023", keep=False).records == 3
    assert check_four(filled, Scope("year", "2020"), keep=False).records == 0
    with pytest.raises(NotFound):
        check_four(filled, "volume NOPE", keep=False)
    with pytest.raises(NotFound):
        check_four(filled, "handover JJ-2099-99", keep=False)
    for bad in ("everything", "year twenty", "all 2023", "volume"):
        with pytest.raises(InputError) as caught:
            Scope.parse(bad)
        assert caught.value.code == "four.bad_scope"


def test_only_who_may_verify_runs_it(filled: Archive) -> None:
    add_person(filled, "clerk", "handler")
    with acting_as(filled, "clerk"), pytest.raises(AccessRefused):
        check_four(filled, keep=False)
    with acting_as(filled, "auditor"):
        assert check_four(filled, keep=False).ok


def test_run_nightly_under_a_service_account(filled: Archive, tmp_path: Path) -> None:
    """What the README's scheduled task runs: `--user nightly --password-file F`."""
    filled.sign_in("admin", PASSWORD)
    directory.add_account(filled, "nightly", "夜间校验", PASSWORD, service=True)
    filled.sign_in("security", PASSWORD)
    directory.grant_role(filled, "nightly", "verifier", "夜间四性检测")
    secret = tmp_path / "nightly.pw"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    filled.db.dispose()
    at = ("--archive", str(filled.root), "--user", "nightly", "--password-file", str(secret))
    done = run_cli(*at, "check-four", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["operator"] == "nightly" and data["ok"] is True
    with filled.db.reading() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "four.check")).one()
    assert event.actor == "nightly"


def test_command_line(filled: Archive, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    root = str(filled.root)
    filled.db.dispose()
    done = run_cli("--archive", root, "check-four", "--scope", "year", "2023", "--out", str(out),
                   "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["ok"] is True and data["scope"] == "year 2023" and len(data["kept"]) == 2
    assert out.exists()
    stored_pdf(filled).unlink()
    filled.db.dispose()
    done = run_cli("--archive", root, "check-four")
    assert done.returncode == 3 and "四性检测发现" in done.stdout
    done = run_cli("--archive", root, "check-four", "--scope", "century", "21")
    assert done.returncode == 1 and "检测范围无法识别" in done.stderr
