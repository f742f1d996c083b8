"""Holds (保全): placed on items or a volume with a kind and a reason, numbered BQ-年度-流水号,
lifted once with a reason; a held record keeps its retention; shown on the item."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from archivist.access.item_detail import item_detail
from archivist.accounts import access_log
from archivist.accounts.access_log import AccessKind
from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.arrangement.items import renumber, show
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes.states import HoldState
from archivist.disposition.holds import (
    HoldKind,
    held_item_ids,
    holds_of_item,
    lift_hold,
    list_holds,
    place_hold,
)
from archivist.errors import AccessRefused, InputError, NotFound

from .conftest import PASSWORD, add_person, run_cli, write_manifest

YEAR = dt.date.today().year


def _capture(archive: Archive, folder: Path, **overrides: str) -> str:
    return capture_from_manifest(archive, write_manifest(folder, **overrides)).number


def _item_ids(archive: Archive, *numbers: str) -> list[int]:
    from sqlalchemy import select

    from archivist.db.models import Item

    with archive.db.reading() as session:
        return [session.scalars(select(Item.id).where(Item.number == n)).one() for n in numbers]


def test_place_on_items_numbers_without_gaps_and_lists(archive: Archive, tmp_path: Path) -> None:
    first = _capture(archive, tmp_path / "a")
    second = _capture(archive, tmp_path / "b")
    made = place_hold(archive, items=[first, second], kind="dispute", reason="待遇争议复议中")
    assert [h.number for h in made] == [f"BQ-{YEAR}-0001", f"BQ-{YEAR}-0002"]
    assert [h.code for h in made] == [first, second]
    assert all(h.state is HoldState.PLACED and h.kind is HoldKind.DISPUTE for h in made)
    assert made[0].placed_by == "tester" and made[0].reason == "待遇争议复议中"
    [third] = place_hold(archive, items=[first], kind="audit", reason="审计抽查")
    assert third.number == f"BQ-{YEAR}-0003"
    assert [h.number for h in list_holds(archive)] == [third.number, made[1].number, made[0].number]
    with archive.db.reading() as session:
        held = held_item_ids(session, _item_ids(archive, first, second))
    ids = _item_ids(archive, first, second)
    assert held == {ids[0]: [made[0].number, third.number], ids[1]: [made[1].number]}
    events = [e for e in _access(archive) if e.target.startswith("hold:")]
    assert events and events[0].target == "hold:list"


def _access(archive: Archive) -> list[access_log.AccessEntry]:
    with archive.db.reading() as session:
        return access_log.query(session, kind=str(AccessKind.VIEW_LIST))


def test_a_volume_hold_covers_its_items_and_shows_on_the_item(
    archive: Archive, tmp_path: Path
) -> None:
    first = _capture(archive, tmp_path / "a")
    second = _capture(archive, tmp_path / "b", completed_on="2023-05-20")
    [volume] = volumes.build(archive, 2023, "SY", "month")
    [hold] = place_hold(archive, volume=volume.code, kind="litigation", reason="行政诉讼")
    assert hold.target_kind == "volume" and hold.code == volume.code
    with archive.db.reading() as session:
        held = held_item_ids(session, _item_ids(archive, first, second))
    assert sorted(held.values()) == [[hold.number], [hold.number]]
    assert [h.number for h in holds_of_item(archive, second)] == [hold.number]
    detail = item_detail(archive, first)
    assert [h["number"] for h in detail["holds"]] == [hold.number]
    assert detail["holds"][0]["kind"] == "litigation" and detail["holds"][0]["state"] == "placed"
    with pytest.raises(InputError) as info:
        place_hold(archive, volume=volume.code, kind="litigation", reason="再次")
    assert info.value.code == "hold.already_held"
    # the items of the volume are held for that kind too
    with pytest.raises(InputError) as info:
        place_hold(archive, items=[first], kind="litigation", reason="再次")
    assert info.value.code == "hold.already_held"
    lift_hold(archive, hold.number, "诉讼已结案")
    with archive.db.reading() as session:
        assert held_item_ids(session, _item_ids(archive, first, second)) == {}
    assert item_detail(archive, first)["holds"][0]["state"] == "lifted"


def test_lift_with_reason_once(archive: Archive, tmp_path: Path) -> None:
    number = _capture(archive, tmp_path / "a")
    [hold] = place_hold(archive, items=[number], kind="unsettled", reason="往来款未结清")
    lifted = lift_hold(archive, hold.number.lower(), "款项已结清")
    assert lifted.state is HoldState.LIFTED
    assert lifted.lifted_by == "tester" and lifted.lift_reason == "款项已结清"
    with pytest.raises(InputError) as info:
        lift_hold(archive, hold.number, "再次解除")
    assert info.value.code == "hold.already_lifted"
    assert [h.number for h in list_holds(archive, state="lifted")] == [hold.number]
    assert list_holds(archive, state="placed") == []
    # once lifted, the same kind may be placed again
    [again] = place_hold(archive, items=[number], kind="unsettled", reason="新的未结事项")
    assert again.number == f"BQ-{YEAR}-0002"
    with pytest.raises(InputError):
        lift_hold(archive, again.number, "  ")  # a reason is required


def test_bad_input_is_refused_and_nothing_changes(archive: Archive, tmp_path: Path) -> None:
    number = _capture(archive, tmp_path / "a")
    with pytest.raises(InputError) as info:
        place_hold(archive, items=[number], kind="whim", reason="x")
    assert info.value.code == "hold.unknown_kind"
    with pytest.raises(NotFound):
        place_hold(archive, items=[number, "2023-SY-009999"], kind="audit", reason="x")
    with pytest.raises(NotFound):
        place_hold(archive, volume="J023-SY-999", kind="audit", reason="x")
    with pytest.raises(InputError) as info:
        place_hold(archive, kind="audit", reason="x")
    assert info.value.code == "hold.choose_target"
    with pytest.raises(NotFound):
        lift_hold(archive, "BQ-2020-0001", "x")
    with pytest.raises(InputError) as info:
        list_holds(archive, state="gone")
    assert info.value.code == "hold.unknown_state"
    assert list_holds(archive) == []


def test_a_handler_may_not_place_or_lift(archive: Archive, tmp_path: Path) -> None:
    number = _capture(archive, tmp_path / "a")
    [hold] = place_hold(archive, items=[number], kind="other", reason="待查")
    add_person(archive, "jingban", "handler")
    archive.sign_in("jingban", PASSWORD)
    with pytest.raises(AccessRefused):
        place_hold(archive, items=[number], kind="audit", reason="x")
    with pytest.raises(AccessRefused):
        lift_hold(archive, hold.number, "x")
    archive.sign_in("tester", PASSWORD)
    assert [h.state for h in list_holds(archive)] == [HoldState.PLACED]


def test_a_held_item_keeps_its_retention(archive: Archive, tmp_path: Path) -> None:
    number = _capture(archive, tmp_path / "a")  # SY 失业保险金申领: 10 years
    longer = renumber(archive, number, class_code="GS", business_type="工伤认定", reason="误归")
    assert longer["retention"] == "D50"
    [hold] = place_hold(archive, items=[longer["number"]], kind="dispute", reason="争议")
    with pytest.raises(InputError) as info:
        renumber(
            archive,
            longer["number"],
            class_code="SY",
            business_type="失业保险金申领",
            reason="改回失业类",
        )
    assert info.value.code == "hold.shortens_retention"
    assert show(archive, longer["number"])["retention"] == "D50"
    # as long, or longer, is allowed while held
    same = renumber(archive, longer["number"], business_type="伤残工亡待遇核定", reason="类型更正")
    assert same["retention"] == "D50"
    # lifted, the period may be shortened again
    lift_hold(archive, hold.number, "争议已了结")
    back = renumber(
        archive, same["number"], class_code="SY", business_type="失业保险金申领", reason="改回"
    )
    assert back["retention"] == "D10"


def test_cli_place_list_lift(archive: Archive, tmp_path: Path) -> None:
    first = _capture(archive, tmp_path / "a")
    second = _capture(archive, tmp_path / "b")
    root = str(archive.root)
    archive.close()
    placed = run_cli(
        "--archive", root, "hold", "place", first, second,
        "--kind", "audit", "--reason", "审计", "--json", check=True,
    )  # fmt: skip
    data = json.loads(placed.stdout)
    assert [h["number"] for h in data] == [f"BQ-{YEAR}-0001", f"BQ-{YEAR}-0002"]
    assert data[0]["kind"] == "audit" and data[0]["state"] == "placed"
    listed = run_cli("--archive", root, "hold", "list", check=True)
    assert f"BQ-{YEAR}-0002" in listed.stdout and "审计" in listed.stdout
    assert "共 2 项保全" in listed.stdout
    lifted = run_cli(
        "--archive", root, "hold", "lift", f"BQ-{YEAR}-0001", "--reason", "审计结束", check=True
    )
    assert f"已解除 BQ-{YEAR}-0001" in lifted.stdout
    again = run_cli("--archive", root, "--lang", "en", "hold", "lift", f"BQ-{YEAR}-0001",
                    "--reason", "x")  # fmt: skip
    assert again.returncode == 1 and "already lifted" in again.stderr
    bad = run_cli("--archive", root, "hold", "place", first, "--kind", "whim", "--reason", "x")
    assert bad.returncode == 2  # argparse choices
    neither = run_cli("--archive", root, "hold", "place", "--reason", "x", "--kind", "audit")
    assert neither.returncode == 1 and "二者择一" in neither.stderr
    en = run_cli("--archive", root, "--lang", "en", "hold", "list", "--state", "placed")
    assert en.returncode == 0 and "1 holds" in en.stdout and "audit" in en.stdout
    only = run_cli("--archive", root, "hold", "list", "--state", "lifted", "--json", check=True)
    assert [h["number"] for h in json.loads(only.stdout)] == [f"BQ-{YEAR}-0001"]
