"""Filing items into volumes: same year and class, time order, never across years,
page numbers where the retention requires them, audited changes."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.capture.pipeline import capture_from_manifest
from archivist.db.models import AuditEvent
from archivist.errors import InputError, NotFound

from .conftest import init_archive, open_archive, run_cli, write_manifest

SY = {"class": "SY", "business_type": "失业保险金申领"}
GS = {"class": "GS", "business_type": "工伤认定"}  # D50: page-numbered


def capture(archive: Archive, tmp_path: Path, name: str, day: str, **kind: str) -> str:
    fields = {**SY, **kind, "completed_on": day, "title": f"{name}{day}"}
    return capture_from_manifest(archive, write_manifest(tmp_path / name, **fields)).number


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """SY items in May and June 2023 (captured out of time order), one in 2022, GS items:
    captured once per module; each test works on its own copy (`archive`, `filed`)."""
    base = tmp_path_factory.mktemp("volumes")
    with init_archive(base / "archive") as arch:
        numbers = {
            "may_late": capture(arch, base, "a", "2023-05-20"),
            "may_early": capture(arch, base, "b", "2023-05-02"),
            "june": capture(arch, base, "c", "2023-06-11"),
            "last_year": capture(arch, base, "d", "2022-12-30"),
            "gs1": capture(arch, base, "e", "2023-03-01", **GS),
            "gs2": capture(arch, base, "f", "2023-08-09", **GS),
        }
    return base / "archive", numbers


@pytest.fixture
def archive(template: tuple[Path, dict[str, str]], tmp_path: Path) -> Iterator[Archive]:
    shutil.copytree(template[0], tmp_path / "archive")
    arch = open_archive(tmp_path / "archive")
    yield arch
    arch.close()


@pytest.fixture
def filed(template: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return template[1]


def test_volumes_by_month_hold_one_month_in_time_order(
    archive: Archive, filed: dict[str, str]
) -> None:
    made = volumes.build(archive, 2023, "SY", "month")
    assert [(v.code, v.period_key, v.items) for v in made] == [
        ("J023-SY-001", "2023-05", 2),
        ("J023-SY-002", "2023-06", 1),
    ]
    may = volumes.show(archive, "J023-SY-001")
    assert [e.number for e in may.entries] == [filed["may_early"], filed["may_late"]]
    assert [e.seq for e in may.entries] == [1, 2]
    assert may.start == dt.date(2023, 5, 2) and may.end == dt.date(2023, 5, 20)
    assert may.pages == 8 and may.paged is False  # 10 years: no page numbers
    assert all(e.first_page is None for e in may.entries)
    assert "2023年5月" in may.title and "失业保险金申领" in may.title
    # the 2022 item stays out: volumes never span years
    assert filed["last_year"] not in {e.number for e in may.entries}
    again = volumes.plan_volumes
    with archive.db.reading() as session:
        assert again(session, 2023, "SY", "month") == []  # everything filed


def test_records_kept_30_years_or_longer_are_page_numbered(
    archive: Archive, filed: dict[str, str]
) -> None:
    [volume] = volumes.build(archive, 2023, "GS", "year")
    view = volumes.show(archive, volume.code)
    assert view.paged is True and view.retention == "D50"
    assert [(e.first_page, e.last_page) for e in view.entries] == [(1, 4), (5, 8)]


def test_quarters_and_catalogue(archive: Archive, filed: dict[str, str]) -> None:
    made = volumes.build(archive, 2023, "SY", "quarter", catalogue="3")
    assert [(v.code, v.period_key, v.items) for v in made] == [("J023-3-001", "2023-Q2", 3)]
    assert "第二季度" in made[0].title


def test_never_across_years(archive: Archive, filed: dict[str, str]) -> None:
    with pytest.raises(InputError) as info:
        volumes.parse_years("2022-2023")
    assert info.value.code == "volume.across_years" and "不能跨年组卷" in info.value.message("zh")
    volumes.build(archive, 2023, "SY", "year")
    with pytest.raises(InputError) as info:
        volumes.add_items(archive, "J023-SY-001", [filed["last_year"]], "补充")
    assert info.value.code == "volume.across_years"


def test_add_remove_move_within_year_and_class_audited(
    archive: Archive, filed: dict[str, str]
) -> None:
    volumes.build(archive, 2023, "SY", "month")
    with pytest.raises(InputError) as info:
        volumes.add_items(archive, "J023-SY-001", [filed["june"]], "补充")
    assert info.value.code == "volume.item_already_filed"
    moved = volumes.move_items(archive, [filed["june"]], "J023-SY-001", "合并到五月卷")
    assert [e.number for e in moved.entries] == [
        filed["may_early"],
        filed["may_late"],
        filed["june"],
    ]
    assert volumes.show(archive, "J023-SY-002").items == 0
    removed = volumes.remove_items(archive, "J023-SY-001", [filed["may_early"]], "误组")
    assert removed.items == 2 and removed.entries[0].seq == 1
    volumes.add_items(archive, "J023-SY-002", [filed["may_early"]], "重新组卷")
    with pytest.raises(InputError) as info:
        volumes.move_items(archive, [filed["gs1"]], "J023-SY-001", "x")
    assert info.value.code == "volume.item_not_filed"
    volumes.build(archive, 2023, "GS", "year")
    with pytest.raises(InputError) as info:
        volumes.move_items(archive, [filed["gs1"]], "J023-SY-001", "x")
    assert info.value.code == "volume.other_class"
    with pytest.raises(InputError):
        volumes.move_items(archive, [filed["june"]], "J023-SY-002", "  ")  # reason required
    titled = volumes.set_title(
        archive, "J023-SY-001", "2023年5—6月失业保险金申领", "合卷后更正题名"
    )
    assert titled.title == "2023年5—6月失业保险金申领"
    with archive.db.reading() as session:
        actions = [
            e.action
            for e in session.scalars(
                select(AuditEvent)
                .where(AuditEvent.target.like("volume:%"))
                .order_by(AuditEvent.seq)
            )
        ]
    # one event per build (SY by month made two volumes; GS by year one)
    assert actions[0] == "volume.build" and actions.count("volume.build") == 2
    assert {"volume.move_items", "volume.remove_items", "volume.add_items", "volume.title"} <= set(
        actions
    )


def test_bad_requests(archive: Archive, filed: dict[str, str]) -> None:
    with pytest.raises(InputError) as info:
        volumes.build(archive, 2021, "SY", "month")
    assert info.value.code == "volume.nothing_to_file"
    with pytest.raises(InputError) as info:
        volumes.build(archive, 2023, "SY", "week")
    assert info.value.code == "volume.bad_period"
    with pytest.raises(InputError) as info:
        volumes.build(archive, 2023, "XX", "month")
    assert info.value.code == "class.unknown"
    with pytest.raises(NotFound):
        volumes.show(archive, "J023-SY-999")


def test_volume_cli(archive: Archive, filed: dict[str, str]) -> None:
    root = str(archive.root)
    spanning = run_cli("--archive", root, "volume", "build", "--year", "2022-2023", "--class", "SY")
    assert spanning.returncode == 1 and "不能跨年组卷" in spanning.stderr
    plan = run_cli(
        "--archive",
        root,
        "volume",
        "build",
        "--year",
        "2023",
        "--class",
        "SY",
        "--dry-run",
        "--json",
        check=True,
    )
    assert [v["period_key"] for v in json.loads(plan.stdout)] == ["2023-05", "2023-06"]
    run_cli("--archive", root, "volume", "build", "--year", "2023", "--class", "SY", check=True)
    listed = json.loads(run_cli("--archive", root, "volume", "list", "--json", check=True).stdout)
    assert [v["code"] for v in listed] == ["J023-SY-001", "J023-SY-002"]
    shown = json.loads(
        run_cli("--archive", root, "volume", "show", "J023-SY-001", "--json", check=True).stdout
    )
    assert shown["items"] == 2
    moved = run_cli(
        "--archive",
        root,
        "volume",
        "move",
        filed["june"],
        "--to",
        "J023-SY-001",
        "--reason",
        "合并",
        "--json",
        check=True,
    )
    assert json.loads(moved.stdout)["items"] == 3


def test_an_item_in_a_volume_cannot_be_renumbered_out_of_it(
    archive: Archive, filed: dict[str, str]
) -> None:
    from archivist.arrangement.items import renumber

    volumes.build(archive, 2023, "SY", "year")
    with pytest.raises(InputError) as info:
        renumber(archive, filed["june"], class_code="GS", business_type="工伤认定", reason="误归")
    assert info.value.code == "volume.item_would_leave"
    volumes.remove_items(archive, "J023-SY-001", [filed["june"]], "误归，移出")
    renumber(archive, filed["june"], class_code="GS", business_type="工伤认定", reason="误归")


def test_a_corrected_date_puts_the_item_back_in_time_order(
    archive: Archive, filed: dict[str, str]
) -> None:
    from archivist.arrangement.items import edit

    [volume] = volumes.build(archive, 2023, "GS", "year")  # paged: D50
    code = volume.code
    assert [e.number for e in volumes.show(archive, code).entries] == [
        filed["gs1"],
        filed["gs2"],
    ]
    edit(archive, filed["gs1"], completed_on=dt.date(2023, 9, 30), reason="办结日期录错")
    view = volumes.show(archive, code)
    assert [(e.number, e.seq, e.first_page) for e in view.entries] == [
        (filed["gs2"], 1, 1),
        (filed["gs1"], 2, 5),
    ]
    assert view.start == dt.date(2023, 8, 9) and view.end == dt.date(2023, 9, 30)
    # one change, one event: the item's, holding the volume's state after it
    [event] = _events(archive, "item.edit")
    assert event.reason == "办结日期录错" and event.after["volume"]["code"] == code
    assert event.after["volume"]["items"] == [filed["gs2"], filed["gs1"]]
    assert event.after["volume"]["pages"] == [[1, 4], [5, 8]]
    # a correction that keeps the order changes nothing in the volume
    edit(archive, filed["gs1"], completed_on=dt.date(2023, 10, 8), reason="再次更正")
    assert "volume" not in _events(archive, "item.edit")[-1].after
    assert _events(archive, "volume.reorder") == []


def test_items_of_a_handed_over_volume_cannot_change(
    archive: Archive, filed: dict[str, str]
) -> None:
    from archivist.arrangement.items import edit
    from archivist.db.models import Volume

    volumes.build(archive, 2023, "SY", "year")
    with archive.db.writing() as session:
        volume = session.scalar(select(Volume).where(Volume.code == "J023-SY-001"))
        assert volume is not None
        volume.status = "handed_over"
    with pytest.raises(InputError) as info:
        edit(archive, filed["june"], title="改题名", reason="更正")
    assert info.value.code == "volume.handed_over"


def test_an_item_boxed_on_its_own_is_not_filed_into_a_volume(
    archive: Archive, filed: dict[str, str]
) -> None:
    from archivist.custody import boxes

    box = boxes.create_box(archive, year=2023, class_code="SY", retention="D10")
    boxes.put(archive, box.code, items=[filed["june"]], reason="按件装盒")
    made = volumes.build(archive, 2023, "SY", "year")
    assert made[0].items == 2  # May's two; June's is in its box
    with pytest.raises(InputError) as info:
        volumes.add_items(archive, made[0].code, [filed["june"]], "补充")
    assert info.value.code == "volume.item_boxed"


def test_an_empty_volume_is_dissolved_and_its_case_number_stays_explained(
    archive: Archive, filed: dict[str, str]
) -> None:
    from archivist.db.models import AuditEvent as Event
    from archivist.registers import forms

    made = volumes.build(archive, 2023, "SY", "month")
    june = made[1].code
    with pytest.raises(InputError) as info:
        volumes.dissolve(archive, june, "月份卷合并")
    assert info.value.code == "volume.not_empty"
    volumes.move_items(archive, [filed["june"]], made[0].code, "并入五月卷")
    with pytest.raises(InputError) as info:
        volumes.dissolve(archive, june, "  ")
    assert info.value.code == "reason.required"
    view = volumes.dissolve(archive, june, "月份卷合并")
    assert view.status == "dissolved" and view.items == 0
    assert "月份卷合并" in view.note
    listed = {v.code: v for v in volumes.list_volumes(archive, 2023, "SY")}
    assert listed[june].status == "dissolved"
    with archive.db.reading() as session:
        [event] = session.scalars(select(Event).where(Event.action == "volume.dissolve"))
        assert event.reason == "月份卷合并" and event.target == f"volume:{june}"
        assert event.before["status"] == "open" and event.after["status"] == "dissolved"
        # the 案卷目录 keeps the case number with the explanation in 备注
        doc = forms.volume_list(
            session, forms.Selection(year=2023, class_code="SY"), archive.fonds()
        )
    [row] = [r for r in doc.rows if r[1] == june]
    assert "已撤销" in str(row[-1]) and "月份卷合并" in str(row[-1])
    # the case number is never reused, nor the volume changed again
    for change in (
        lambda: volumes.add_items(archive, june, [filed["june"]], "放回"),
        lambda: volumes.set_title(archive, june, "新题名", "改"),
        lambda: volumes.dissolve(archive, june, "再撤"),
    ):
        with pytest.raises(InputError) as info:
            change()
        assert info.value.code == "volume.dissolved"
    volumes.remove_items(archive, made[0].code, [filed["june"]], "重新组卷")
    [again] = volumes.build(archive, 2023, "SY", "month", mixed_ok=True)
    assert again.code == "J023-SY-003"
    # nor does a dissolved volume go into a handover batch or a box
    from archivist.custody import boxes
    from archivist.handover import handovers

    batch = handovers.create(archive, "失业保险科", "王五").number
    box = boxes.create_box(archive, 2023, "SY", "D10", kind="volumes").code
    for refused in (
        lambda: handovers.add_volumes(archive, batch, [june]),
        lambda: boxes.put(archive, box, volumes=[june], reason="装盒"),
    ):
        with pytest.raises(InputError) as info:
            refused()
        assert info.value.code == "volume.dissolved"


def test_a_handed_over_volume_is_not_dissolved(archive: Archive, filed: dict[str, str]) -> None:
    from archivist.db.models import Volume

    [made] = volumes.build(archive, 2023, "GS", "year")
    volumes.remove_items(archive, made.code, [filed["gs1"], filed["gs2"]], "拆卷")
    with archive.db.writing() as session:
        volume = session.scalar(select(Volume).where(Volume.code == made.code))
        assert volume is not None
        volume.status = "handed_over"
    with pytest.raises(InputError) as info:
        volumes.dissolve(archive, made.code, "撤销")
    assert info.value.code == "volume.handed_over"


def test_month_volumes_beside_a_year_volume_warn_first(
    archive: Archive, filed: dict[str, str], tmp_path: Path
) -> None:
    [year_volume] = volumes.build(archive, 2023, "SY", "year")
    capture(archive, tmp_path, "g", "2023-09-01")
    with archive.db.reading() as session:
        others = volumes.other_periods(session, 2023, "SY", "month")
        assert [(v.code, v.period) for v in others] == [(year_volume.code, "year")]
        assert volumes.other_periods(session, 2023, "SY", "year") == []
        assert volumes.other_periods(session, 2023, "GS", "month") == []
    with pytest.raises(InputError) as info:
        volumes.build(archive, 2023, "SY", "month")
    assert info.value.code == "volume.mixed_periods"
    assert year_volume.code in info.value.message()
    # a dry run shows the plan whatever the mix
    assert len(volumes.plan(archive, 2023, "SY", "month").volumes) == 1
    [made] = volumes.build(archive, 2023, "SY", "month", mixed_ok=True)
    assert made.period_key == "2023-09"


def test_volume_dissolve_and_mixed_build_cli(archive: Archive, filed: dict[str, str]) -> None:
    made = volumes.build(archive, 2023, "SY", "year")
    volumes.remove_items(
        archive, made[0].code, [filed["may_early"], filed["may_late"], filed["june"]], "拆"
    )
    [gs] = volumes.build(archive, 2023, "GS", "year")
    volumes.remove_items(archive, gs.code, [filed["gs2"]], "拆")
    archive.close()
    root = str(archive.root)
    code = made[0].code
    gone = run_cli("--archive", root, "volume", "dissolve", code, "--reason", "空卷", check=True)
    assert code in gone.stdout and "已撤销" in gone.stdout
    again = run_cli("--archive", root, "volume", "dissolve", code, "--reason", "空卷")
    assert again.returncode == 1 and "已撤销" in again.stderr
    # the dissolved year volume no longer counts: month volumes build without a warning
    warned = run_cli(
        "--archive", root, "volume", "build", "--year", "2023", "--class", "GS", "--by", "month"
    )
    assert warned.returncode == 1 and "--yes" in warned.stderr
    month = run_cli(
        "--archive", root, "volume", "build", "--year", "2023", "--class", "SY", "--by", "month",
        check=True,
    )  # fmt: skip
    assert "已组成 2 卷" in month.stdout


# -- the unit of work, states and typed results (issue 12) ------------------------------


def _events(archive: Archive, action: str) -> list[AuditEvent]:
    with archive.db.reading() as session:
        found = session.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
        ).all()
        session.expunge_all()
        return list(found)


def test_one_build_is_one_event_holding_every_volume_it_made(
    archive: Archive, filed: dict[str, str]
) -> None:
    made = volumes.build(archive, 2023, "SY", "month")
    [event] = _events(archive, "volume.build")
    assert event.actor == "tester" and event.target == "volume:J023-SY-001..J023-SY-002"
    # the after-state replays against the rows: every volume, its items in order
    recorded = event.after["volumes"]
    assert list(recorded) == [v.code for v in made]
    for summary in made:
        view = volumes.show(archive, summary.code)
        state = recorded[view.code]
        assert state["items"] == [e.number for e in view.entries]
        assert state["status"] == view.status == "open" and state["title"] == view.title
        assert state["pages"] == [[e.first_page, e.last_page] for e in view.entries]
    [single] = volumes.build(archive, 2023, "GS", "year")
    assert _events(archive, "volume.build")[-1].target == f"volume:{single.code}"


def test_a_move_is_one_event_naming_both_volumes(archive: Archive, filed: dict[str, str]) -> None:
    may, june = volumes.build(archive, 2023, "SY", "month")
    volumes.move_items(archive, [filed["june"]], may.code, "并入五月卷")
    [event] = _events(archive, "volume.move_items")
    assert event.target == f"volume:{may.code}" and event.actor == "tester"
    assert event.before["volumes"][june.code]["items"] == [filed["june"]]
    assert event.after["volumes"][june.code]["items"] == []
    assert event.after["volumes"][may.code]["items"] == [
        filed["may_early"],
        filed["may_late"],
        filed["june"],
    ]
    # both volumes' notes sheets still list the move
    with archive.db.reading() as session:
        for code in (may.code, june.code):
            [change] = volumes.recorded_changes(session, code)
            assert change.reason == "并入五月卷" and change.action.code == "volume.move_items"


def test_results_are_typed_and_states_are_enums(archive: Archive, filed: dict[str, str]) -> None:
    from archivist.changes.states import VolumeState

    made = volumes.build(archive, 2023, "SY", "month")
    assert all(isinstance(v, volumes.VolumeSummary) for v in made)
    view = volumes.show(archive, made[0].code)
    assert isinstance(view, volumes.VolumeView) and view.status is VolumeState.OPEN
    assert view.editable and not view.frozen and not view.dissolved
    assert view.start == dt.date(2023, 5, 2)
    assert isinstance(view.entries[0], volumes.VolumeEntry)
    moved = volumes.move_items(archive, [filed["june"]], made[0].code, "并卷")
    gone = volumes.dissolve(archive, made[1].code, "空卷")
    assert gone.status is VolumeState.DISSOLVED and gone.dissolved and not gone.editable
    assert moved.items == 3
    # the command line's --json keeps its shape
    assert list(view.to_json()) == [
        "code", "catalogue", "case_no", "title", "class", "year", "retention", "period",
        "period_key", "start", "end", "items", "pages", "paged", "status", "note", "entries",
    ]  # fmt: skip
    assert view.to_json()["status"] == "open" and view.to_json()["start"] == "2023-05-02"
    planned = volumes.plan(archive, 2023, "GS", "year")
    assert isinstance(planned, volumes.VolumePlan) and planned.items == 2
    assert planned.volumes[0].paged and planned.mixed_warning() is None


def test_volume_modules_write_only_through_the_unit_of_work() -> None:
    """No hand-made transaction, audit event, reason check or actor default left."""
    root = Path(volumes.__file__).parent
    for name in ("volumes.py", "volume_pdf.py"):
        text = (root / name).read_text(encoding="utf-8")
        for banned in (
            "db.writing(",
            "audit.record(",
            "_reason(",
            "or archive.actor",
            "refresh_items(",
            "DISSOLVED =",
            '"handed_over"',
            '"open"',
        ):
            assert banned not in text, f"{name}: {banned}"
    # the volumes view asks the core, never the database, and re-implements no rule
    from .conftest import ROOT

    for path in sorted((ROOT / "ui" / "volumes").glob("*.py")):
        view = path.read_text(encoding="utf-8")
        for banned in (
            "db.reading(",
            "db.writing(",
            "session",
            '"handed_over"',
            "volumes.DISSOLVED",
        ):
            assert banned not in view, f"ui/volumes/{path.name}: {banned}"
