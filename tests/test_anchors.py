"""Anchors (issue 16, point 2): the chains' heads outside the database catch what the
hash chain alone cannot — the newest events deleted, an event rewritten with the chain
re-hashed after it, a forged event appended with a valid hash — and a head read off a
printed register is checked with `archivist verify --anchor SEQ:HASH`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes import anchor, audit
from archivist.changes.chain import digest
from archivist.db.models import AuditEvent, Item
from archivist.errors import InputError
from archivist.integrity.anchors import parse_anchor
from archivist.integrity.verify import VerifyReport, verify
from archivist.registers.forms import Selection, generate

from .conftest import run_cli, write_manifest


@pytest.fixture
def filled(archive: Archive, tmp_path: Path) -> Archive:
    for index in range(2):
        capture_from_manifest(archive, write_manifest(tmp_path / f"m{index}"))
    return archive


def raw(archive: Archive) -> sqlite3.Connection:
    """Direct SQL past the application and its triggers."""
    archive.db.dispose()
    conn = sqlite3.connect(archive.layout.database, isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    conn.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
    return conn


def head(archive: Archive) -> anchor.Mark:
    found = anchor.current_head(archive)
    assert found is not None
    return found


def anchor_findings(report: VerifyReport) -> list[tuple[str, str]]:
    return [
        (f.code, str(f.params.get("source", "")))
        for f in report.findings
        if f.code.startswith("anchor.")
    ]


def chain_codes(report: VerifyReport) -> set[str]:
    return {f.code for f in report.findings if f.code == "verify.audit_broken"}


def test_every_commit_is_anchored_beside_the_database_and_in_the_seat(filled: Archive) -> None:
    now = head(filled)
    checkpoint = anchor.read_checkpoint(anchor.checkpoint_path(filled.root))
    assert checkpoint.audit == now and checkpoint.pending is None
    assert checkpoint.identity and checkpoint.access is not None
    seats = anchor.per_user_checkpoints(filled.root)
    assert [c.audit for _p, c in seats] == [now]
    report = verify(filled)
    assert report.ok, [f.message() for f in report.findings]
    assert anchor_findings(report) == []
    assert report.anchors_checked >= 4  # both chains, beside the database and the seat's copy


@pytest.mark.parametrize("deleted", [1, 2])
def test_deleting_the_newest_events_is_found(filled: Archive, deleted: int) -> None:
    top = head(filled).seq
    with raw(filled) as conn:
        conn.execute("DELETE FROM audit_events WHERE seq > ?", (top - deleted,))
    report = verify(filled)
    assert chain_codes(report) == set()  # the chain itself still verifies
    truncated = [f for f in report.findings if f.code == "anchor.truncated"]
    beside = str(anchor.checkpoint_path(filled.root))
    assert beside in {f.params["source"] for f in truncated}
    assert all(f.params["seq"] == top and f.params["head"] == top - deleted for f in truncated)
    assert not report.ok and f"第 {top} 条" in truncated[0].message()


def test_a_commit_after_a_cut_does_not_hide_it(filled: Archive, tmp_path: Path) -> None:
    """The newest event deleted, then the program commits again (a capture, a
    four-property report): the checkpoint beside the database keeps the head the chain
    lost, so verify still reports it there (not only in this seat's copy)."""
    top = head(filled)
    with raw(filled) as conn:
        conn.execute("DELETE FROM audit_events WHERE seq = ?", (top.seq,))
    capture_from_manifest(filled, write_manifest(tmp_path / "after"))
    checkpoint = anchor.read_checkpoint(anchor.checkpoint_path(filled.root))
    assert top in checkpoint.lost and checkpoint.audit is not None
    report = verify(filled)
    beside = str(anchor.checkpoint_path(filled.root))
    kept = [(c, s) for c, s in anchor_findings(report) if s == beside]
    assert kept and kept[0][0] in ("anchor.truncated", "anchor.rewritten")
    # a later commit keeps it too
    capture_from_manifest(filled, write_manifest(tmp_path / "later"))
    assert top in anchor.read_checkpoint(anchor.checkpoint_path(filled.root)).lost


def test_the_seats_copy_catches_a_cut_with_the_checkpoint_rewritten_too(filled: Archive) -> None:
    top = head(filled)
    path = anchor.checkpoint_path(filled.root)
    with raw(filled) as conn:
        conn.execute("DELETE FROM audit_events WHERE seq > ?", (top.seq - 2,))
        seq, digest_ = conn.execute(
            "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["audit"] = {"seq": seq, "hash": digest_}
    path.write_text(json.dumps(data), encoding="utf-8")
    report = verify(filled)
    sources = {s for code, s in anchor_findings(report) if code == "anchor.truncated"}
    seat = [str(p) for p, _c in anchor.per_user_checkpoints(filled.root)]
    assert sources == set(seat) and seat


def rewrite_and_rehash(archive: Archive, seq: int) -> None:
    """Change event `seq` and re-hash every event after it: a chain that verifies."""
    raw(archive).close()
    with Session(archive.db.engine) as session, session.begin():
        prev = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == seq - 1))
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.seq >= seq).order_by(AuditEvent.seq)
        ).all()
        events[0].actor = "mallory"
        for event in events:
            event.prev_hash = prev
            event.hash = digest(audit._fields(event))
            prev = event.hash


def test_a_rewritten_and_rehashed_chain_is_found(filled: Archive) -> None:
    top = head(filled)
    rewrite_and_rehash(filled, top.seq - 3)
    report = verify(filled)
    assert chain_codes(report) == set()  # re-hashed: the chain alone sees nothing
    rewritten = [f for f in report.findings if f.code == "anchor.rewritten"]
    assert rewritten and all(f.params["seq"] == top.seq for f in rewritten)
    assert rewritten[0].params["expected"] == top.hash[:16]
    assert not report.ok


def test_a_forged_event_appended_with_a_valid_hash_is_found(filled: Archive) -> None:
    top = head(filled)
    raw(filled).close()
    with Session(filled.db.engine) as session, session.begin():  # no hooks: not the program
        audit.record(session, actor="mallory", action="item.edit", target="item:1")
    report = verify(filled)
    assert chain_codes(report) == set()
    unanchored = [f for f in report.findings if f.code == "anchor.unanchored"]
    assert len(unanchored) == 1
    assert unanchored[0].params["first"] == top.seq + 1 and unanchored[0].params["count"] == 1
    assert "mallory" in unanchored[0].message()


def test_a_forged_event_stays_found_after_the_program_commits_again(
    filled: Archive, tmp_path: Path
) -> None:
    """The next change (and the reads in between) do not make the forged event look
    like the program's: the checkpoint keeps it as a gap."""
    top = head(filled)
    raw(filled).close()
    with Session(filled.db.engine) as session, session.begin():
        audit.record(session, actor="mallory", action="item.edit", target="item:1")
    verify(filled)  # a read: its access event is committed too
    capture_from_manifest(filled, write_manifest(tmp_path / "later"))
    report = verify(filled)
    unanchored = [f for f in report.findings if f.code == "anchor.unanchored"]
    assert [(f.params["first"], f.params["last"]) for f in unanchored] == [
        (top.seq + 1, top.seq + 1)
    ]


def test_an_event_being_committed_or_rolled_back_is_no_finding(filled: Archive) -> None:
    """The file as a crash leaves it: the event committed but the file not yet moved
    on (pending), or the commit failed (pending beyond the chain)."""
    top = head(filled)
    path = anchor.checkpoint_path(filled.root)
    data = json.loads(path.read_text(encoding="utf-8"))
    with filled.db.reading() as session:
        before = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == top.seq - 1))
    data["audit"] = {"seq": top.seq - 1, "hash": before}
    data["pending"] = {"seq": top.seq, "hash": top.hash}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert anchor_findings(verify(filled)) == []
    data["audit"] = {"seq": top.seq, "hash": top.hash}
    data["pending"] = {"seq": top.seq + 1, "hash": "f" * 64}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert anchor_findings(verify(filled)) == []


def test_a_backup_keeps_its_head(filled: Archive) -> None:
    backups = filled.layout.backups
    backups.mkdir(exist_ok=True)
    with (
        sqlite3.connect(filled.layout.database) as source,
        sqlite3.connect(backups / "archive-before-x.db") as copy,
    ):
        source.backup(copy)
    copy.close()
    source.close()
    written = anchor.write_backup_anchor(backups / "archive-before-x.db", filled.root)
    assert written is not None and written.name == "archive-before-x.db.anchor.json"
    top = head(filled)
    with raw(filled) as conn:
        conn.execute("DELETE FROM audit_events WHERE seq = ?", (top.seq,))
    (filled.root / anchor.CHECKPOINT_NAME).unlink()  # the attacker removes what they can see
    for path, _c in anchor.per_user_checkpoints(filled.root):
        path.unlink()
    report = verify(filled)
    found = anchor_findings(report)
    assert ("anchor.truncated", str(written)) in found
    assert ("anchor.missing", "") in found


def test_registers_print_the_head_and_verify_checks_it(filled: Archive, tmp_path: Path) -> None:
    with filled.db.reading() as session:
        year = session.scalar(select(Item.year))
    chosen = Selection(year=year)
    top = head(filled)
    docx = Path(generate(filled, "item-list", tmp_path / "目录.docx", chosen)["file"])
    footer = "".join(p.text for p in Document(str(docx)).sections[0].footer.paragraphs)
    printed = f"审计链 第 {top.seq} 条 {top.hash[:16]}"
    assert printed in footer
    xlsx = Path(generate(filled, "item-list", tmp_path / "目录.xlsx", chosen)["file"])
    assert printed in load_workbook(xlsx).active.oddFooter.right.text

    root = str(filled.root)
    paper = f"{top.seq}:{top.hash[:16]}"
    ok = run_cli("--archive", root, "verify", "--anchor", paper)
    assert ok.returncode == 0 and "与纸面记录相符" in ok.stdout
    wrong = run_cli("--archive", root, "verify", "--anchor", f"{top.seq}:{'0' * 16}")
    assert wrong.returncode == 3 and "与纸面记录不符" in wrong.stdout
    beyond = run_cli("--archive", root, "verify", "--anchor", f"{top.seq + 5}:{top.hash[:16]}")
    assert beyond.returncode == 3 and f"审计链只到第 {top.seq} 条" in beyond.stdout
    bad = run_cli("--archive", root, "verify", "--anchor", "12:abc")
    assert bad.returncode == 1 and "纸面链头应照登记表页脚填写" in bad.stderr


def test_paper_heads_are_parsed_strictly() -> None:
    assert parse_anchor(" 12：3F9A0C1D2E4B5A69 ") == anchor_paper(12, "3f9a0c1d2e4b5a69")
    for bad in ("", "12", "x:3f9a0c1d2e4b5a69", "0:3f9a0c1d2e4b5a69", "12:3f9a", "12:zz" * 9):
        with pytest.raises(InputError):
            parse_anchor(bad)


def anchor_paper(seq: int, prefix: str) -> object:
    from archivist.integrity.anchors import PaperAnchor

    return PaperAnchor(seq, prefix)


def test_a_new_archive_in_the_same_folder_drops_the_seats_old_copies(
    tmp_path: Path,
) -> None:
    from .conftest import init_archive

    root = tmp_path / "a"
    init_archive(root).close()
    old = anchor.per_user_checkpoints(root)
    assert len(old) == 1
    import shutil

    shutil.rmtree(root)
    renewed = init_archive(root)
    try:
        now = anchor.per_user_checkpoints(root)
        assert len(now) == 1 and now[0][1].identity != old[0][1].identity
        assert anchor_findings(verify(renewed)) == []
    finally:
        renewed.close()


def test_a_migration_backup_gets_its_head_beside_it(filled: Archive) -> None:
    from alembic import command

    from archivist.db import migrate

    top = head(filled)
    config = migrate._config(filled.db)
    with filled.db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "-1")
    filled.close()
    reopened = Archive.open(filled.root)
    try:
        backup = reopened.migration_backup
        assert backup is not None
        kept = anchor.read_checkpoint(anchor.backup_anchor_path(backup))
        assert kept.audit == top and kept.identity
    finally:
        reopened.close()


def test_an_archive_from_before_anchors_starts_at_its_head(filled: Archive) -> None:
    """No checkpoint yet (an upgraded archive): a warning until the first commit, which
    starts the anchors at the head as it finds it; reads alone do not flag every event."""
    anchor.checkpoint_path(filled.root).unlink()
    report = verify(filled)  # its access event is committed (the first write)
    assert [c for c, _s in anchor_findings(report)] == ["anchor.missing"] and report.ok
    assert anchor_findings(verify(filled)) == []
