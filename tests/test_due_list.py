"""The appraisal due list (issue 15, point 1) and `archivist appraisal due` (point 8)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.capture.pipeline import capture_from_manifest
from archivist.db.models import AccessEvent, Item
from archivist.disposition.due import DueList, due_list, horizon
from archivist.disposition.holds import lift_hold, place_hold
from archivist.errors import AccessRefused, InputError

from .conftest import PASSWORD, run_cli, write_manifest

PERMANENT_TYPE = "失业保险基金支付年度汇总表"  # SY, kept for ever


def capture(archive: Archive, folder: Path, completed_on: str, **extra: object) -> str:
    path = write_manifest(folder, completed_on=completed_on, **extra)
    return capture_from_manifest(archive, path).number


@pytest.fixture
def records(archive: Archive, tmp_path: Path) -> dict[str, str]:
    """SY claims (10 years): one of 2005 (appraisable from 2016-01-01), one of 2012
    (from 2023-01-01), two of 2006 filed in one volume (from 2017-01-01); and a
    permanent SY record of 2005."""
    made = {
        "old": capture(archive, tmp_path / "old", "2005-05-12"),
        "newer": capture(archive, tmp_path / "newer", "2012-03-01"),
        "vol1": capture(archive, tmp_path / "vol1", "2006-02-01"),
        "vol2": capture(archive, tmp_path / "vol2", "2006-09-01"),
        "permanent": capture(
            archive, tmp_path / "perm", "2005-12-20", business_type=PERMANENT_TYPE
        ),
    }
    [volume] = volumes.build(archive, 2006, "SY", "year")
    made["volume"] = volume.code
    return made


def numbers(found: DueList, *, due: bool | None = None) -> set[str]:
    return {r.number for r in found.rows if due is None or r.due is due}


def test_due_by_date(archive: Archive, records: dict[str, str]) -> None:
    assert numbers(due_list(archive, dt.date(2015, 12, 31))) == set()
    assert numbers(due_list(archive, dt.date(2016, 1, 1))) == {records["old"]}
    found = due_list(archive, dt.date(2023, 1, 1))
    assert numbers(found) == {records[k] for k in ("old", "newer", "vol1", "vol2")}
    row = next(r for r in found.rows if r.number == records["old"])
    assert (row.class_code, row.year, row.retention) == ("SY", 2005, "D10")
    assert row.expires_on == dt.date(2016, 1, 1) and row.due and row.volume is None
    assert row.archival_code and row.title == "张三失业保险金申领"
    assert {r.volume for r in found.rows if r.number in (records["vol1"], records["vol2"])} == {
        records["volume"]
    }


def test_permanent_never_due(archive: Archive, records: dict[str, str]) -> None:
    found = due_list(archive, dt.date(2199, 12, 31), within_years=100)
    assert records["permanent"] not in numbers(found)
    assert records["old"] in numbers(found)


def test_grouping_counts_and_volumes(archive: Archive, records: dict[str, str]) -> None:
    found = due_list(archive, dt.date(2023, 1, 1))
    groups = [(g.class_code, g.year, g.retention, g.due, g.planned) for g in found.groups]
    assert groups == [
        ("SY", 2005, "D10", 1, 0),
        ("SY", 2006, "D10", 2, 0),
        ("SY", 2012, "D10", 1, 0),
    ]
    assert [(v.code, v.items, v.due) for v in found.volumes] == [(records["volume"], 2, True)]
    assert found.volumes[0].expires_on == dt.date(2017, 1, 1)
    by_class = due_list(archive, dt.date(2023, 1, 1), class_code="sy", year=2006)
    assert numbers(by_class) == {records["vol1"], records["vol2"]}
    assert numbers(due_list(archive, dt.date(2023, 1, 1), class_code="GS")) == set()


def test_within_years_plans_ahead(archive: Archive, records: dict[str, str]) -> None:
    found = due_list(archive, dt.date(2016, 1, 1), within_years=7)
    assert found.until == dt.date(2023, 1, 1)
    assert numbers(found, due=True) == {records["old"]}
    assert numbers(found, due=False) == {records[k] for k in ("newer", "vol1", "vol2")}
    assert [(v.code, v.due) for v in found.volumes] == [(records["volume"], False)]
    groups = {(g.year, g.due, g.planned) for g in found.groups}
    assert groups == {(2005, 1, 0), (2006, 0, 2), (2012, 0, 1)}
    shorter = due_list(archive, dt.date(2016, 1, 1), within_years=6)
    assert records["newer"] not in numbers(shorter)
    with pytest.raises(InputError):
        due_list(archive, dt.date(2016, 1, 1), within_years=-1)


def test_held_items_and_volumes_left_out(archive: Archive, records: dict[str, str]) -> None:
    as_of = dt.date(2023, 1, 1)
    [item_hold] = place_hold(archive, items=[records["old"]], kind="dispute", reason="争议未决")
    [volume_hold] = place_hold(archive, volume=records["volume"], kind="audit", reason="审计调阅中")
    found = due_list(archive, as_of)
    assert numbers(found) == {records["newer"]}
    assert found.held == 3 and found.volumes == ()
    lift_hold(archive, volume_hold.number, "审计结束")
    found = due_list(archive, as_of)
    assert numbers(found) == {records[k] for k in ("newer", "vol1", "vol2")}
    assert len(found.volumes) == 1
    lift_hold(archive, item_hold.number, "争议已解决")
    [part] = place_hold(archive, items=[records["vol1"]], kind="other", reason="核查")
    found = due_list(archive, as_of)
    assert records["vol1"] not in numbers(found) and records["vol2"] in numbers(found)
    assert found.volumes == ()  # a volume is due only when all its items are
    assert part.number


def test_destroyed_and_transferred_left_out(archive: Archive, records: dict[str, str]) -> None:
    # No destruction or transfer service exists yet (later points of issue 15): the
    # item's state is set as those services will leave it.
    with archive.db.writing() as session:
        for key, state in (("old", "destroyed"), ("vol1", "transferred")):
            item = session.scalars(select(Item).where(Item.number == records[key])).one()
            item.status = state
    found = due_list(archive, dt.date(2023, 1, 1))
    assert numbers(found) == {records["newer"], records["vol2"]}
    # the volume's only captured item is due: the volume is
    assert [(v.code, v.items) for v in found.volumes] == [(records["volume"], 1)]


def test_read_right_and_access_event(archive: Archive, records: dict[str, str]) -> None:
    due_list(archive, dt.date(2023, 1, 1))
    with archive.db.reading() as session:
        events = list(
            session.scalars(select(AccessEvent).where(AccessEvent.target == "appraisal:due"))
        )
    assert [(e.kind, e.user_name) for e in events] == [("view_list", "tester")]
    archive.sign_in("admin", PASSWORD)
    with pytest.raises(AccessRefused):
        due_list(archive, dt.date(2023, 1, 1))
    with archive.db.reading() as session:
        kinds = list(
            session.scalars(select(AccessEvent.kind).where(AccessEvent.target == "appraisal:due"))
        )
    assert kinds == ["view_list", "refused"]


def test_bad_class_refused(archive: Archive, records: dict[str, str]) -> None:
    with pytest.raises(InputError) as refused:
        due_list(archive, dt.date(2023, 1, 1), class_code="ZZ")
    assert refused.value.code == "class.unknown"


def test_cli_json(archive: Archive, records: dict[str, str]) -> None:
    done = run_cli(
        "--archive", str(archive.root), "appraisal", "due", "--as-of", "2016-01-01",
        "--within", "7", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["due"] == 1 and data["planned"] == 3 and data["until"] == "2023-01-01"
    assert [r["number"] for r in data["rows"] if r["due"]] == [records["old"]]
    assert data["volumes"][0]["code"] == records["volume"]
    assert {(g["year"], g["due"], g["planned"]) for g in data["groups"]} == {
        (2005, 1, 0),
        (2006, 0, 2),
        (2012, 0, 1),
    }
    only = run_cli(
        "--archive", str(archive.root), "appraisal", "due", "--as-of", "2023-01-01",
        "--class", "SY", "--year", "2012", "--json",
    )  # fmt: skip
    assert [r["number"] for r in json.loads(only.stdout)["rows"]] == [records["newer"]]


def test_cli_text_zh_and_en(archive: Archive, records: dict[str, str]) -> None:
    zh = run_cli("--archive", str(archive.root), "appraisal", "due", "--as-of", "2023-01-01")
    assert zh.returncode == 0, zh.stderr
    assert "SY" in zh.stdout and "到期 4 件" in zh.stdout and records["old"] in zh.stdout
    assert f"整卷到期：{records['volume']}" in zh.stdout
    en = run_cli(
        "--archive", str(archive.root), "--lang", "en", "appraisal", "due",
        "--as-of", "2023-01-01",
    )  # fmt: skip
    assert en.returncode == 0, en.stderr
    assert "As of 2023-01-01: 4 items due, 1 whole volumes due" in en.stdout
    assert "retention 10 years" in en.stdout
    assert "appraisable from 2016-01-01" in en.stdout and "Whole volume due" in en.stdout
    for chinese in ("起可鉴定", "整卷", "保管期限", "截至", "案卷"):  # data stays as it is
        assert chinese not in en.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("--as-of", "2023-13-01"), 1),
        (("--as-of", "yesterday"), 1),
        (("--class", "ZZ"), 1),
        (("--within", "1000"), 1),
        (("--year", "abc"), 2),
    ],
)
def test_cli_bad_input(archive: Archive, args: tuple[str, ...], code: int) -> None:
    done = run_cli("--archive", str(archive.root), "appraisal", "due", *args)
    assert done.returncode == code
    assert done.stdout == ""
    if code == 1:
        assert len(done.stderr.strip().splitlines()) == 1
        assert "Traceback" not in done.stderr


def test_planning_horizon_of_a_leap_day() -> None:
    assert horizon(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert horizon(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)
