"""Executing a destruction register (issue 15, point 5): the records become stubs and
every copy of their content leaves the archive folder — crash-safe, refusals tested."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from archivist.archive import Archive
from archivist.arrangement import volume_pdf, volumes
from archivist.capture.pipeline import capture_from_manifest
from archivist.db.models import (
    AuditEvent,
    DestructionRegister,
    Item,
    Material,
    OcrJob,
    PageText,
)
from archivist.disposition.appraisal import create_batch, set_opinion, sign_batch
from archivist.disposition.destruction import (
    approve_register,
    create_registers,
    show_register,
    sign_register,
)
from archivist.disposition.execution import ExecutionResult, execute_register
from archivist.disposition.holds import place_hold
from archivist.disposition.stubs import stub_of
from archivist.errors import InputError
from archivist.faults import CRASH_EXIT_CODE
from archivist.integrity.verify import verify
from archivist.search.index import Filters
from archivist.storage import removal

from .conftest import PASSWORD, ROOT, add_person, render_text_page, write_manifest

MEMBERS = ("zhang", "li", "wang")  # zhang: head; li: archivist; wang: handler
AS_OF = dt.date(2020, 1, 1)
METHOD, PLACE = "粉碎", "档案室销毁间"
LINES = ["失业保险金申领登记表", "申请人因单位解除劳动合同而失业", "现申请领取失业保险金请予审核"]


def as_(archive: Archive, name: str) -> None:
    archive.sign_in(name, PASSWORD)


@pytest.fixture
def group(archive: Archive) -> Archive:
    for name, role in zip(MEMBERS, ("head", "archivist", "handler"), strict=True):
        add_person(archive, name, "appraiser", role)
    return archive


def capture(
    archive: Archive, folder: Path, completed_on: str = "2005-05-12", **extra: object
) -> str:
    path = write_manifest(folder, completed_on=completed_on, **extra)
    return capture_from_manifest(archive, path).number


def approved_register(archive: Archive, numbers: list[str]) -> str:
    """A register of `numbers` (due on AS_OF): appraised for destruction by the group,
    made by tester, approved by zhang, signed by li and wang as supervisors."""
    as_(archive, "li")
    batch = create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=numbers)
    set_opinion(archive, batch.number, numbers, "destroy", reason="保管期满，已无保存价值")
    for name in MEMBERS:
        as_(archive, name)
        sign_batch(archive, batch.number)
    as_(archive, "tester")
    [register] = create_registers(archive, batch.number)
    as_(archive, "zhang")
    approve_register(archive, register.number)
    for name in ("li", "wang"):
        as_(archive, name)
        sign_register(archive, register.number, "supervisor")
    as_(archive, "tester")
    return register.number


def execute(archive: Archive, register: str, **extra: Any) -> ExecutionResult:
    options: dict[str, Any] = {
        "supervisors": ("li", "wang"),
        "method": METHOD,
        "place": PLACE,
        **extra,
    }
    return execute_register(archive, register, **options)


def ocr_manifest(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    render_text_page(folder / "form.png", LINES)
    data = {
        "class": "SY",
        "business_type": "失业保险金申领",
        "completed_on": "2005-05-12",
        "entity": {"kind": "person", "name": "赵六", "id_number": "110105198001010016"},
        "title": "赵六失业保险金申领",
        "materials": [{"file": "form.png", "role": "form", "title": "登记表"}],
    }
    (folder / "manifest.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder / "manifest.json"


def every_file(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def holders(root: Path, phrase: str) -> list[str]:
    """The files under `root` whose bytes hold the phrase (UTF-8, UTF-16, JSON escapes)."""
    forms = [
        phrase.encode("utf-8"),
        phrase.encode("utf-16-le"),
        phrase.encode("utf-16-be"),
        json.dumps(phrase).strip('"').encode("ascii"),
    ]
    found = []
    for path in every_file(root):
        data = path.read_bytes()
        if any(form in data for form in forms):
            found.append(path.relative_to(root).as_posix())
    return found


def segment_files(folder: Path) -> set[str]:
    """The index's segment files (tantivy: <32 hex digits>.<part>)."""
    return {p.name for p in folder.iterdir() if len(p.stem) == 32 and p.suffix}


def counts(archive: Archive) -> tuple[int, int, int, int]:
    with archive.db.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
            session.scalar(select(func.count()).select_from(Material)) or 0,
            session.scalar(select(func.count()).select_from(Item).where(Item.status == "destroyed"))
            or 0,
            len(every_file(archive.layout.files)),
        )


# -- THE test: nothing of the content is left anywhere in the archive folder --------------


def test_nothing_of_a_destroyed_page_remains_in_the_archive_folder(
    group: Archive, tmp_path: Path
) -> None:
    from archivist.ocr.queue import run_queue
    from archivist.search.service import ensure_index

    archive = group
    number = capture_from_manifest(archive, ocr_manifest(tmp_path / "ocr")).number
    kept = capture(archive, tmp_path / "kept")  # filed in the same volume, not destroyed
    run_queue(archive, workers=1)
    with archive.db.reading() as session:
        [page] = session.scalars(
            select(PageText)
            .join(Material, Material.id == PageText.material_id)
            .join(Item, Item.id == Material.item_id)
            .where(Item.number == number)
        ).all()
        searchable = archive.root / "derived" / "searchable" / f"{page.material_id}.pdf"
    # the page's own words as recognised: a line of it, found nowhere else
    phrase = max(page.text.split("\n"), key=lambda line: ("解除" in line, len(line))).strip()
    assert len(phrase) >= 8 and "解除" in phrase, page.text
    assert searchable.is_file()
    [volume] = volumes.build(archive, 2005, "SY", "year")
    volume_file = volume_pdf.assemble(archive, volume.code)
    assert volume_file.is_file()
    index = ensure_index(archive)
    assert [h.number for h in index.search(phrase, Filters())[1]] == [number]
    # a migration backup: a SQLite copy of the database, as ensure_current makes one
    archive.layout.backups.mkdir(exist_ok=True)
    backup = archive.layout.backups / "archive-before-test.db"
    with sqlite3.connect(archive.layout.database) as source, sqlite3.connect(backup) as copy:
        source.backup(copy)
    assert holders(archive.root, phrase), "the phrase is in the archive before"
    segments = segment_files(index.folder)
    assert segments

    register = approved_register(archive, [number])
    result = execute(archive, register, on=dt.date.today())

    assert holders(archive.root, phrase) == []
    assert not searchable.exists() and not volume_file.exists()
    assert not (archive.root / "files").joinpath(*number.split("/")).exists()
    assert result.items == 1 and result.files_removed == 1
    assert result.backups_scrubbed == 1
    wal = archive.layout.database.with_name("archive.db-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    index = ensure_index(archive)
    assert index.search(phrase, Filters())[1] == []
    assert not segments & segment_files(index.folder)  # no old segment kept (with its terms)
    # what remains: the stub, the register, the audit chain
    stub = stub_of(archive, number)
    assert stub is not None and stub.register == register and stub.title == "赵六失业保险金申领"
    assert stub.supervisors == ("li", "wang") and stub.approved_by == "zhang"
    shown = show_register(archive, register)
    assert shown.state == "executed" and shown.method == METHOD and shown.place == PLACE
    assert [r.number for r in shown.rows] == [number]
    assert [h.number for h in index.search(number, Filters())[1]] == [number]
    with archive.db.reading() as session:
        item = session.scalars(select(Item).where(Item.number == number)).one()
        assert item.status == "destroyed"
        kept_materials = select(Material.id).join(Item).where(Item.number == kept)
        assert session.scalar(select(func.count()).select_from(Material)) == 3  # kept's
        assert not session.scalars(
            select(PageText.id).where(PageText.material_id.not_in(kept_materials))
        ).all()
        assert not session.scalars(
            select(OcrJob.id).where(OcrJob.material_id.not_in(kept_materials))
        ).all()
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "destruction.execute")
        ).one()
        assert event.after["items"] == [number] and event.after["supervisors"] == ["li", "wang"]
    report = verify(archive)
    assert report.ok, report.findings
    assert stub_of(archive, kept) is None


# -- refusals: each with its message, nothing changed ---------------------------------------


@pytest.fixture
def ready(group: Archive, tmp_path: Path) -> tuple[Archive, str, list[str]]:
    """Two due records in an approved register signed by two supervisors."""
    numbers = [capture(group, tmp_path / "a"), capture(group, tmp_path / "b")]
    return group, approved_register(group, numbers), numbers


def refused(archive: Archive, register: str, code: str, **extra: object) -> InputError:
    before = counts(archive)
    with pytest.raises(InputError) as caught:
        execute(archive, register, **extra)
    assert caught.value.code == code, caught.value
    assert str(caught.value)  # a sentence, not a bare code
    assert counts(archive) == before
    assert not list(archive.layout.journals.glob("*.json"))
    return caught.value


def test_refusals_of_the_people_and_the_form(ready: tuple[Archive, str, list[str]]) -> None:
    archive, register, _numbers = ready
    refused(archive, register, "removal.too_few_supervisors", supervisors=("li",))
    refused(archive, register, "removal.too_few_supervisors", supervisors=("li", " li "))
    refused(archive, register, "removal.approver_supervises", supervisors=("li", "zhang"))
    refused(archive, register, "removal.not_signed", supervisors=("li", "tester"))
    refused(archive, register, "removal.method_required", method="  ")
    refused(archive, register, "removal.place_required", place="")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    refused(archive, register, "removal.future_date", on=tomorrow)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    refused(archive, register, "removal.before_approval", on=yesterday)


def test_refused_without_the_right(ready: tuple[Archive, str, list[str]]) -> None:
    from archivist.errors import AccessRefused

    archive, register, _numbers = ready
    as_(archive, "wang")  # a handler: witnesses, does not dispose
    before = counts(archive)
    with pytest.raises(AccessRefused):
        execute(archive, register)
    assert counts(archive) == before


def test_a_register_not_approved_is_not_executed(group: Archive, tmp_path: Path) -> None:
    archive = group
    numbers = [capture(archive, tmp_path / "a")]
    as_(archive, "li")
    batch = create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=numbers)
    set_opinion(archive, batch.number, numbers, "destroy", reason="保管期满")
    for name in MEMBERS:
        as_(archive, name)
        sign_batch(archive, batch.number)
    as_(archive, "tester")
    [register] = create_registers(archive, batch.number)
    refused(archive, register.number, "removal.unapproved")


def test_held_record_not_destroyed(ready: tuple[Archive, str, list[str]]) -> None:
    archive, register, numbers = ready
    place_hold(archive, items=[numbers[1]], kind="dispute", reason="争议未决")
    error = refused(archive, register, "removal.held")
    assert numbers[1] in str(error)


def test_executed_once_and_numbers_not_registers(
    ready: tuple[Archive, str, list[str]],
) -> None:
    archive, register, numbers = ready
    execute(archive, register)
    refused(archive, register, "removal.executed")
    refused(archive, numbers[0], "removal.not_a_register")


def test_a_destroyed_record_is_not_lent_or_viewed(
    ready: tuple[Archive, str, list[str]],
) -> None:
    from archivist.use.requests import Borrower, create_request

    archive, register, numbers = ready
    execute(archive, register)
    for kind in ("lend", "view", "consult", "copy"):
        with pytest.raises(InputError) as caught:
            create_request(archive, kind, Borrower("李四"), "查阅", items=numbers[:1])
        assert caught.value.code == "use.gone"


# -- what remains, verify, the volume's notes ------------------------------------------------


def test_stubs_and_verify(ready: tuple[Archive, str, list[str]]) -> None:
    archive, register, numbers = ready
    with archive.db.reading() as session:
        folders = list(session.scalars(select(Item.folder).where(Item.number.in_(numbers))))
    result = execute(archive, register)
    assert result.items == 2 and result.files_removed == 6
    assert result.bytes_freed > 0
    assert all(not (archive.root / f).exists() for f in folders)
    assert every_file(archive.layout.files) == []  # empty folders pruned too
    assert verify(archive).ok
    for number in numbers:
        stub = stub_of(archive, number)
        assert stub is not None and stub.executed_on == dt.date.today()
    # a file put back in a destroyed record's folder is a finding of verify
    back = archive.root / folders[0] / "01-凭证-copy.jpg"
    back.parent.mkdir(parents=True)
    back.write_bytes(b"left over")
    report = verify(archive)
    [finding] = report.findings
    assert finding.code == "removal.content_left" and finding.params["files"] == 1
    assert finding.params["number"] == numbers[0]


def test_volume_keeps_a_note_of_its_destroyed_item(group: Archive, tmp_path: Path) -> None:
    archive = group
    gone = capture(archive, tmp_path / "gone", "2005-03-01")
    kept = capture(archive, tmp_path / "kept", "2005-09-01")
    [volume] = volumes.build(archive, 2005, "SY", "year")
    execute(archive, approved_register(archive, [gone]))
    sheet = volume_pdf.load_sheet(archive, volume.code)
    [stub] = [e for e in sheet.entries if e.destroyed]
    assert stub.number == gone and stub.materials == ()
    notes = "".join(volume_pdf.notes_paragraphs(sheet, dt.date.today()))
    assert gone in notes and "依销毁清册" in notes and kept not in notes
    assert sheet.contents_rows()[stub.seq - 1][-1] == "已销毁"
    made = volume_pdf.assemble_volume(archive, volume.code)
    assert made.items == 2 and made.materials == 3  # the kept item's, checked and copied


def test_leftovers_of_interrupted_copies_go_too(group: Archive, tmp_path: Path) -> None:
    """A searchable copy or a volume PDF whose writing was interrupted (a crash, a full
    disk) leaves its half-written file beside the real one: it holds the same pages."""
    from archivist.storage.filestore import safe_component

    archive = group
    gone = capture(archive, tmp_path / "gone", "2005-03-01")
    [volume] = volumes.build(archive, 2005, "SY", "year")
    with archive.db.reading() as session:
        material_ids = session.scalars(
            select(Material.id).join(Item).where(Item.number == gone)
        ).all()
    secret = "某某某的失业保险金申领登记表内容".encode()
    searchable = archive.root / "derived" / "searchable"
    searchable.mkdir(parents=True, exist_ok=True)
    partials = [searchable / f"{m}.partial" for m in material_ids]
    for path in partials:
        path.write_bytes(secret)
    work = archive.root / "derived" / "volumes" / f".{safe_component(volume.code)}.pdf.x1y2z3"
    work.mkdir(parents=True)
    (work / "volume.pdf").write_bytes(secret)
    execute(archive, approved_register(archive, [gone]))
    assert holders(archive.root, secret.decode()) == []
    assert not work.exists() and not any(p.exists() for p in partials)


def test_an_ocr_page_finished_after_the_destruction_is_dropped(
    ready: tuple[Archive, str, list[str]],
) -> None:
    """An OCR run planned before the execution hands in a page of a material that is
    gone: its text is not stored (and the run does not fail on it)."""
    from archivist.ocr.pages import PageOutcome
    from archivist.ocr.queue import RunReport, _store

    archive, register, numbers = ready
    with archive.db.reading() as session:
        material_id = session.scalars(
            select(Material.id).join(Item).where(Item.number == numbers[0])
        ).first()
    assert material_id is not None
    execute(archive, register)
    page = PageOutcome(material_id, 1, "done", engine="test", text="申请人因单位解除劳动合同")
    _store(archive, page, RunReport())
    with archive.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(PageText)) == 0


# -- a crash half-way: rolled back before the commit, finished after it ----------------------

SCRIPT = """
import sys
from pathlib import Path
from archivist.archive import Archive
from archivist.disposition.execution import ExecutionResult, execute_register
root, register, password = sys.argv[1:4]
archive = Archive.open(Path(root))
archive.sign_in("tester", password)
execute_register(archive, register, supervisors=("li", "wang"), method="粉碎", place="销毁间")
"""


def crash(archive: Archive, register: str, point: str) -> None:
    archive.close()
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(archive.root), register, PASSWORD],
        env={**os.environ, "ARCHIVIST_CRASH_AT": point},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == CRASH_EXIT_CODE, result.stderr


def test_a_crash_before_the_commit_leaves_everything(
    ready: tuple[Archive, str, list[str]],
) -> None:
    archive, register, numbers = ready
    files = every_file(archive.layout.files)
    crash(archive, register, "removal.before_commit")
    with Archive.open(archive.root) as again:
        assert again.recovered and again.recovered[0].endswith("rolled back")
        again.sign_in("tester", PASSWORD)
        assert every_file(again.layout.files) == files
        assert stub_of(again, numbers[0]) is None
        with again.db.reading() as session:
            state = session.scalar(
                select(DestructionRegister.state).where(DestructionRegister.number == register)
            )
        assert state == "approved"
        assert not list(again.layout.journals.iterdir())
        assert verify(again).ok
        execute(again, register)  # and it can be carried out afterwards
        assert every_file(again.layout.files) == []


def test_interrupted_just_after_the_commit_the_next_open_finishes(
    ready: tuple[Archive, str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C (or any error) arriving as the commit returns, before the file work: the
    journal must stay, so that the next open removes the content the database let go."""
    from archivist.changes import unit_of_work

    archive, register, numbers = ready

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(unit_of_work, "Changes", interrupted)
        with pytest.raises(KeyboardInterrupt):
            execute(archive, register)
    assert every_file(archive.layout.files)  # committed; the files not yet removed
    archive.close()
    with Archive.open(archive.root) as again:
        assert again.recovered and again.recovered[0].endswith(":committed")
        assert every_file(again.layout.files) == []
        again.sign_in("tester", PASSWORD)
        assert all(stub_of(again, number) is not None for number in numbers)
        assert verify(again).ok


@pytest.mark.parametrize(
    "point", ["removal.after_commit", "removal.files_started", "removal.after_index"]
)
def test_a_crash_after_the_commit_is_finished_on_the_next_open(
    ready: tuple[Archive, str, list[str]], point: str
) -> None:
    from archivist.search.service import ensure_index

    archive, register, numbers = ready
    ensure_index(archive)  # an index exists that holds the records
    crash(archive, register, point)
    with Archive.open(archive.root) as again:
        assert again.recovered and again.recovered[0].endswith(":committed")
        again.sign_in("tester", PASSWORD)
        assert every_file(again.layout.files) == []
        assert not list(again.layout.journals.iterdir())
        for number in numbers:
            assert stub_of(again, number) is not None
        with again.db.reading() as session:
            assert not session.scalars(
                select(Material.id).join(Item).where(Item.number.in_(numbers))
            ).all()
        report = verify(again)
        assert report.ok, report.findings
        index = ensure_index(again)
        assert {h.number for h in index.search(numbers[0], Filters())[1]} == {numbers[0]}


def test_recovery_scrubs_a_backup(ready: tuple[Archive, str, list[str]]) -> None:
    archive, register, numbers = ready
    backup = archive.layout.backups / "archive-before-x.db"
    archive.layout.backups.mkdir(exist_ok=True)
    with sqlite3.connect(archive.layout.database) as source, sqlite3.connect(backup) as copy:
        source.backup(copy)
    crash(archive, register, "removal.after_commit")
    Archive.open(archive.root).close()
    with sqlite3.connect(backup) as copy:
        left = copy.execute(
            "SELECT count(*) FROM materials JOIN items ON items.id = materials.item_id "
            f"WHERE items.number IN ({','.join('?' * len(numbers))})",
            numbers,
        ).fetchone()[0]
    assert left == 0
    assert removal.scrub_database_file(archive.root / "archive.json", numbers) is False


# -- the command line ------------------------------------------------------------------------


def test_cli_destruction_execute(ready: tuple[Archive, str, list[str]]) -> None:
    from .conftest import run_cli

    archive, register, numbers = ready
    root = str(archive.root)
    base = ("--archive", root, "destruction", "execute", register, "--method", "粉碎")
    one = run_cli(*base, "--place", "销毁间", "--supervisors", "li")
    assert one.returncode == 1 and "至少两名" in one.stderr, one.stderr
    assert "Traceback" not in one.stderr
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    future = run_cli(*base, "--place", "销毁间", "--supervisors", "li,wang", "--date", tomorrow)
    assert future.returncode == 1 and "晚于今天" in future.stderr, future.stderr
    done = run_cli(
        *base, "--place", "销毁间", "--supervisors", "li,wang", "--date",
        dt.date.today().isoformat(), "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["state"] == "executed" and data["method"] == "粉碎" and data["place"] == "销毁间"
    assert data["execution"]["items"] == 2 and data["execution"]["files_removed"] == 6
    assert [r["number"] for r in data["rows"]] == numbers
    again = run_cli(*base, "--place", "销毁间", "--supervisors", "li,wang")
    assert again.returncode == 1 and "已于" in again.stderr
    shown = run_cli("--archive", root, "destruction", "show", register)
    assert shown.returncode == 0 and "粉碎" in shown.stdout


# -- an accounting register (Order 79) -------------------------------------------------------


def test_accounting_register_needs_five_signatures_and_three_units(
    group: Archive, tmp_path: Path
) -> None:
    archive = group
    add_person(archive, "kj", "handler")
    add_person(archive, "it1", "handler")
    kj = capture(archive, tmp_path / "kj", "2005-06-30", **{
        "class": "KJ", "business_type": "会计月季度报表", "title": "2005年6月会计报表"})  # fmt: skip
    as_(archive, "li")
    batch = create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[kj])
    set_opinion(archive, batch.number, [kj], "destroy", reason="保管期满")
    for name in MEMBERS:
        as_(archive, name)
        sign_batch(archive, batch.number)
    as_(archive, "tester")
    [register] = create_registers(archive, batch.number)
    assert register.accounting
    code = register.number
    as_(archive, "zhang")
    approve_register(archive, code)  # the unit head's signature
    for name, unit in (("li", "archives"), ("wang", "accounting")):
        as_(archive, name)
        sign_register(archive, code, "supervisor", unit=unit)
    as_(archive, "tester")
    refused(archive, code, "removal.duties_missing")
    sign_register(archive, code, "archives_handler")
    for name, duty in (("li", "archives_head"), ("wang", "accounting_head"),
                       ("kj", "accounting_handler")):  # fmt: skip
        sign_register(archive, code, duty, user_name=name, password=PASSWORD)
    refused(archive, code, "removal.units_missing")
    sign_register(archive, code, "supervisor", unit="it", user_name="it1", password=PASSWORD)
    result = execute(archive, code, supervisors=("li", "wang", "it1"))
    assert result.items == 1
    stub = stub_of(archive, kj)
    assert stub is not None and stub.class_code == "KJ"


def test_a_paged_volume_keeps_its_page_numbers(group: Archive, tmp_path: Path) -> None:
    """Volumes kept 30 years are paged: the pages of a destroyed item leave a gap, the
    others keep the numbers recorded when the volume was made."""
    archive = group
    kind = {"business_type": "失业保险支付明细表和汇总表"}  # SY, 30 years
    gone = capture(archive, tmp_path / "gone", "1980-03-01", **kind)
    kept = capture(archive, tmp_path / "kept", "1980-09-01", **kind)
    [volume] = volumes.build(archive, 1980, "SY", "year")
    before = volume_pdf.assemble_volume(archive, volume.code)
    assert before.paged and before.page_ranges == {gone: (1, 4), kept: (5, 8)}
    execute(archive, approved_register(archive, [gone]))
    after = volume_pdf.assemble_volume(archive, volume.code)
    assert after.page_ranges == {kept: (5, 8)} and after.material_pages == 4
    from archivist.formats.render import page_text

    first = 1 + after.contents_pages  # after the cover and the contents list
    stamped = [page_text(after.path, first + n).strip() for n in range(4)]
    assert stamped == ["5", "6", "7", "8"]


def test_a_record_made_permanent_meanwhile(ready: tuple[Archive, str, list[str]]) -> None:
    """Corrected to a business type kept for ever after the register was approved."""
    from archivist.arrangement.items import renumber

    archive, register, numbers = ready
    renumber(archive, numbers[0], reason="业务类型更正", business_type="失业保险基金支付年度汇总表")
    refused(archive, register, "removal.permanent")


def test_a_record_no_longer_due_meanwhile(ready: tuple[Archive, str, list[str]]) -> None:
    """Renumbered to a later year after the approval: its retention now runs to 2031, so
    it is not due and must not be destroyed (the register's list is frozen, not the
    record's period)."""
    from archivist.arrangement.items import renumber

    archive, register, numbers = ready
    renumber(archive, numbers[0], reason="年度更正", completed_on=dt.date(2020, 3, 1))
    error = refused(archive, register, "removal.not_due")
    assert "2031-01-01" in str(error)


def test_a_record_transferred_meanwhile(ready: tuple[Archive, str, list[str]]) -> None:
    """There is no transfer service yet: the item's state is set as a transfer will."""
    from sqlalchemy import update

    archive, register, numbers = ready
    with archive.db.writing() as session:
        session.execute(update(Item).where(Item.number == numbers[1]).values(status="transferred"))
    error = refused(archive, register, "removal.item_transferred")
    assert numbers[1] in str(error)


def test_a_database_not_compacted_now_is_compacted_on_the_next_open(
    ready: tuple[Archive, str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    archive, register, numbers = ready

    def busy(*_args: object) -> int:
        raise sqlite3.OperationalError("database is locked")

    with monkeypatch.context() as patched:
        patched.setattr(removal, "compact_database", busy)
        result = execute(archive, register)
    assert result.items == 2 and every_file(archive.layout.files) == []
    assert len(list(archive.layout.journals.glob("*.json"))) == 1  # kept for the next open
    archive.close()
    with Archive.open(archive.root) as again:
        assert again.recovered and again.recovered[0].endswith(":committed")
        assert not list(again.layout.journals.iterdir())
        with again.db.reading() as session:
            assert not session.scalars(
                select(Material.id).join(Item).where(Item.number.in_(numbers))
            ).all()


def test_a_record_on_loan_is_not_destroyed(ready: tuple[Archive, str, list[str]]) -> None:
    """A record lent out (by itself or with its volume) at execution time is refused with
    the loan named, nothing changed; once it is back the register is carried out."""
    from archivist.use.lending import lend, return_targets
    from archivist.use.requests import Borrower, approve, create_request

    archive, register, numbers = ready
    loan = create_request(archive, "lend", Borrower("李四"), "查考", items=numbers[1:]).number
    as_(archive, "zhang")
    approve(archive, loan)
    as_(archive, "tester")
    lend(archive, loan)
    error = refused(archive, register, "removal.on_loan")
    assert numbers[1] in str(error) and loan in str(error)
    return_targets(archive, loan, condition="intact")
    assert execute(archive, register).items == 2


def test_supervisors_named_in_any_case(ready: tuple[Archive, str, list[str]]) -> None:
    """User names are not case-sensitive at sign-in: nor when naming the supervisors."""
    archive, register, _numbers = ready
    assert execute(archive, register, supervisors=("LI", " Wang ")).items == 2


def test_method_and_place_refused_in_plain_words(ready: tuple[Archive, str, list[str]]) -> None:
    """A method or place too long or with control characters: a sentence naming the
    field in the reader's language (not the manifest's English field name)."""
    archive, register, _numbers = ready
    error = refused(archive, register, "disposition.text_too_long", method="粉" * 201)
    assert "销毁方式" in str(error) and "method" not in str(error)
    error = refused(archive, register, "disposition.text_control", place="库房\x07")
    assert "销毁地点" in str(error) and "place" not in str(error)


def test_cli_item_show_names_the_destroyed_state(ready: tuple[Archive, str, list[str]]) -> None:
    """`item show` of a stub says 已销毁 in words, not the state's code."""
    from .conftest import run_cli

    archive, register, numbers = ready
    execute(archive, register)
    shown = run_cli("--archive", str(archive.root), "item", "show", numbers[0])
    assert shown.returncode == 0, shown.stderr
    assert "已销毁" in shown.stdout and "destroyed" not in shown.stdout
