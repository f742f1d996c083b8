"""Boxes, shelf locations, finding things and the inventory: different years, classes or
retention periods never share a box, gap-free box numbers, audited changes, where a
thing is (库房-架-列-层-盒), spine label data, and missing / unexpected / misplaced boxes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.capture.pipeline import capture_from_manifest
from archivist.custody import boxes, labels, locations, where
from archivist.custody.inventory import MisplacedBox, MissingBox, inventory
from archivist.db.models import AuditEvent
from archivist.errors import InputError, NotFound

from .conftest import init_archive, open_archive, run_cli, write_manifest

SY = {"class": "SY", "business_type": "失业保险金申领"}  # D10
GS_D50 = {"class": "GS", "business_type": "工伤认定"}
GS_D10 = {"class": "GS", "business_type": "工伤备案"}
A = "1库-03架-2列-4层"
B = "1库-03架-2列-5层"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """One archive captured once per module; each test works on its own copy."""
    base = tmp_path_factory.mktemp("custody")
    kinds = {
        "sy1": (SY, "2023-05-02"),
        "sy2": (SY, "2023-06-11"),
        "sy3": (SY, "2023-07-20"),
        "sy_2022": (SY, "2022-12-30"),
        "gs_d50": (GS_D50, "2023-03-01"),
        "gs_d10": (GS_D10, "2023-04-01"),
    }
    numbers: dict[str, str] = {}
    with init_archive(base / "archive") as arch:
        for name, (kind, day) in kinds.items():
            manifest = write_manifest(base / name, **kind, completed_on=day, title=f"{name}{day}")
            numbers[name] = capture_from_manifest(arch, manifest).number
    return base / "archive", numbers


@pytest.fixture
def archive(template: tuple[Path, dict[str, str]], tmp_path: Path) -> Iterator[Archive]:
    shutil.copytree(template[0], tmp_path / "archive")
    arch = open_archive(tmp_path / "archive")
    yield arch
    arch.close()


@pytest.fixture
def n(template: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return template[1]


def events(archive: Archive, action: str) -> list[AuditEvent]:
    with archive.db.reading() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def code_of(info: pytest.ExceptionInfo[InputError]) -> str:
    return info.value.code


# -- locations and box codes ---------------------------------------------------------------


def test_locations_codes_barcodes_and_refusals(archive: Archive) -> None:
    view = locations.add_location(archive, "1号库房", 3, 2, 4)
    assert view.code == A and view.barcode == "LOC-1-03-2-4"
    locations.add_location(archive, "1", 3, 2, 5)
    with pytest.raises(InputError) as info:
        locations.add_location(archive, "1库", 3, 2, 4)
    assert code_of(info) == "location.exists" and A in info.value.message()
    with pytest.raises(InputError) as info:
        locations.add_location(archive, "东库房", 1, 1, 1)
    assert code_of(info) == "location.bad_room"
    with pytest.raises(InputError) as info:
        locations.add_location(archive, "2", 0, 1, 1)
    assert code_of(info) == "location.bad_number"
    assert [row.code for row in locations.list_locations(archive)] == [A, B]
    assert locations.parse_place("LOC-1-03-2-4") == locations.Place("1", 3, 2, 4)
    assert locations.parse_place("1库-3架") == locations.Place("1", 3, None, None)
    assert locations.parse_place("J023-2023-SY-D10-B0001") is None
    assert events(archive, "location.add")[0].after["barcode"] == "LOC-1-03-2-4"


def test_box_numbers_are_gap_free_per_year_and_class_and_codes_parse(archive: Archive) -> None:
    first = boxes.create_box(archive, 2023, "SY", "D10")
    assert first.code == "J023-2023-SY-D10-B0001" and first.number == 1
    assert boxes.create_box(archive, 2023, "sy", "Y").code == "J023-2023-SY-Y-B0002"
    assert boxes.create_box(archive, 2023, "GS", "D50", "volumes").number == 1
    assert boxes.create_box(archive, 2022, "SY", "D10").number == 1
    assert boxes.create_box(archive, 2023, "SY", "D10").number == 3
    parts = boxes.parse_box_code("j023-2023-sy-d10-b0003")
    assert parts == boxes.BoxCodeParts("J023", 2023, "SY", "D10", 3)
    assert all(33 <= ord(ch) <= 126 for ch in first.code)  # Code 128 B, no spaces
    with pytest.raises(InputError) as info:
        boxes.create_box(archive, 2023, "SY", "D10", "folders")
    assert code_of(info) == "box.bad_kind"
    with pytest.raises(InputError) as info:
        boxes.create_box(archive, 2023, "SY", "D7x")
    assert code_of(info) == "retention.invalid"
    assert len(events(archive, "box.create")) == 5


# -- the boxing rules ----------------------------------------------------------------------


def test_a_box_never_mixes_years_classes_or_retention_periods(
    archive: Archive, n: dict[str, str]
) -> None:
    sy = boxes.create_box(archive, 2023, "SY", "D10").code
    gs = boxes.create_box(archive, 2023, "GS", "D50").code
    refusals = {
        (sy, n["sy_2022"]): ("box.other_year", "不同年度的档案不能同盒"),
        (sy, n["gs_d10"]): ("box.other_class", "不同机构（问题）的档案不能同盒"),
        (gs, n["gs_d10"]): ("box.other_retention", "不同保管期限的档案不能同盒"),
    }
    for (box, item), (code, sentence) in refusals.items():
        with pytest.raises(InputError) as info:
            boxes.put(archive, box, items=[item], reason="装盒")
        assert code_of(info) == code and sentence in info.value.message("zh")
        assert item in info.value.message("en")
    # a refused request changes nothing, even for the items before the bad one
    with pytest.raises(InputError):
        boxes.put(archive, sy, items=[n["sy1"], n["sy_2022"]], reason="装盒")
    assert boxes.show_box(archive, sy).count == 0
    with pytest.raises(InputError) as info:
        boxes.put(archive, sy, items=[n["sy1"]], reason="  ")
    assert code_of(info) == "reason.required"


def test_put_keeps_number_order_and_refuses_an_item_boxed_elsewhere(
    archive: Archive, n: dict[str, str]
) -> None:
    first = boxes.create_box(archive, 2023, "SY", "D10").code
    second = boxes.create_box(archive, 2023, "SY", "D10").code
    offered = [c.code for c in boxes.unboxed(archive, first)]
    assert offered == sorted([n["sy1"], n["sy2"], n["sy3"]])  # not 2022, not GS
    view = boxes.put(archive, first, items=[n["sy3"], n["sy1"]], reason="装盒")
    assert [c.code for c in boxes.unboxed(archive, second)] == [n["sy2"]]
    assert [(i.seq, i.number) for i in view.items] == [(1, n["sy1"]), (2, n["sy3"])]
    assert view.range == "0001-0003" and view.range_heading == "起止件号"
    with pytest.raises(InputError) as info:
        boxes.put(archive, second, items=[n["sy1"]], reason="装盒")
    assert code_of(info) == "box.already_boxed" and "box move" in info.value.message()
    moved = boxes.move(archive, second, items=[n["sy1"]], reason="第一盒太满")
    assert [i.number for i in moved.items] == [n["sy1"]]
    assert [i.seq for i in boxes.show_box(archive, first).items] == [1]
    [moved_event] = events(archive, "box.move")  # one move, one event for both boxes
    assert moved_event.reason == "第一盒太满" and moved_event.target == f"box:{second}"
    assert moved_event.before["boxes"][first]["items"] == [n["sy1"], n["sy3"]]
    assert moved_event.before["boxes"][second]["items"] == []
    assert moved_event.after["boxes"][first]["items"] == [n["sy3"]]
    assert moved_event.after["boxes"][second]["items"] == [n["sy1"]]
    with pytest.raises(InputError) as info:
        boxes.move(archive, first, items=[n["sy2"]], reason="x")
    assert code_of(info) == "box.not_boxed"
    left = boxes.take_out(archive, second, items=[n["sy1"]], reason="退回补充材料")
    assert left.count == 0 and left.range == ""
    with pytest.raises(InputError) as info:
        boxes.take_out(archive, second, items=[n["sy1"]], reason="x")
    assert code_of(info) == "box.not_in_box"


def test_volumes_go_into_volume_boxes_and_their_items_with_them(
    archive: Archive, n: dict[str, str]
) -> None:
    made = volumes.build(archive, 2023, "SY", "month")
    codes = [v.code for v in made]
    assert codes == ["J023-SY-001", "J023-SY-002", "J023-SY-003"]
    items_box = boxes.create_box(archive, 2023, "SY", "D10").code
    vol_box = boxes.create_box(archive, 2023, "SY", "D10", "volumes").code
    with pytest.raises(InputError) as info:
        boxes.put(archive, items_box, volumes=[codes[0]], reason="装盒")
    assert code_of(info) == "box.items_only"
    with pytest.raises(InputError) as info:
        boxes.put(archive, vol_box, items=[n["sy1"]], reason="装盒")
    assert code_of(info) == "box.volumes_only"
    with pytest.raises(InputError) as info:
        boxes.put(archive, items_box, items=[n["sy1"]], reason="装盒")
    assert code_of(info) == "box.item_in_volume" and "J023-SY-001" in info.value.message()
    assert [c.code for c in boxes.unboxed(archive, vol_box)] == codes
    assert boxes.unboxed(archive, items_box) == []  # the items are in volumes
    view = boxes.put(archive, vol_box, volumes=codes[:2], reason="装盒")
    assert [c.code for c in boxes.unboxed(archive, vol_box)] == codes[2:]
    assert [v.code for v in view.volumes] == codes[:2]
    assert view.range == "001-002" and view.range_heading == "案卷号"
    gs_box = boxes.create_box(archive, 2023, "GS", "D50", "volumes").code
    [gs_volume] = [v for v in volumes.build(archive, 2023, "GS", "year") if v.retention == "D50"]
    with pytest.raises(InputError) as info:
        boxes.put(archive, vol_box, volumes=[gs_volume.code], reason="装盒")
    assert code_of(info) == "box.other_class"
    boxes.put(archive, gs_box, volumes=[gs_volume.code], reason="装盒")
    found = where.where(archive, n["sy2"])  # an item found through its volume
    assert (found.kind, found.volume, found.box) == ("item", codes[1], vol_box)
    assert found.status == "boxed" and found.chain == "0002盒"


def test_fill_boxes_items_in_number_order_by_retention_period(
    archive: Archive, n: dict[str, str]
) -> None:
    made = boxes.fill(archive, 2023, "SY", capacity=2)
    assert [(b.code, b.range) for b in made] == [
        ("J023-2023-SY-D10-B0001", "0001-0002"),
        ("J023-2023-SY-D10-B0002", "0003"),
    ]
    with pytest.raises(InputError) as info:
        boxes.fill(archive, 2023, "SY")
    assert code_of(info) == "box.nothing_to_box"
    gs = boxes.fill(archive, 2023, "GS", capacity=5)  # D50 and D10 never share a box
    assert sorted((b.retention, b.count) for b in gs) == [("D10", 1), ("D50", 1)]
    with pytest.raises(InputError) as info:
        boxes.fill(archive, 2023, "SY", capacity=0)
    assert code_of(info) == "box.bad_capacity"
    # one fill, one event holding every box it filled
    sy_fill, gs_fill = events(archive, "box.fill")
    assert sy_fill.target == "boxes:2023-SY" and sy_fill.before["boxes"] == {
        b.code: None for b in made
    }
    assert {code: state["items"] for code, state in sy_fill.after["boxes"].items()} == {
        "J023-2023-SY-D10-B0001": sorted([n["sy1"], n["sy2"]]),
        "J023-2023-SY-D10-B0002": [n["sy3"]],
    }
    assert sorted(gs_fill.after["boxes"]) == sorted(b.code for b in gs)


def test_fill_tops_up_the_last_box_and_leaves_volumes_alone(
    archive: Archive, n: dict[str, str], tmp_path: Path
) -> None:
    boxes.fill(archive, 2023, "SY", capacity=5)
    later = capture_from_manifest(
        archive, write_manifest(tmp_path / "later", **SY, completed_on="2023-09-01")
    ).number
    volumes.build(archive, 2022, "SY", "year")
    [box] = boxes.fill(archive, 2023, "SY", capacity=5)
    assert box.number == 1 and box.count == 4 and box.range == "0001-0004"
    assert later in [i.number for i in boxes.show_box(archive, box.code).items]
    with pytest.raises(InputError) as info:
        boxes.fill(archive, 2022, "SY")  # the 2022 item is in a volume
    assert code_of(info) == "box.nothing_to_box"


# -- shelves, where, labels -----------------------------------------------------------------


def test_shelve_and_where_for_items_volumes_boxes_and_locations(
    archive: Archive, n: dict[str, str]
) -> None:
    locations.add_location(archive, "1", 3, 2, 4)
    locations.add_location(archive, "1", 3, 2, 5)
    [box] = boxes.fill(archive, 2023, "SY")
    shelved = boxes.shelve(archive, box.code, "LOC-1-03-2-4", "上架")
    assert shelved.location == A and shelved.chain == f"{A}-0001盒"
    for query in (n["sy2"], box.code, box.code.lower()):
        found = where.where(archive, query)
        assert found.box == box.code and found.chain == f"{A}-0001盒"
        assert found.status == "shelved" and found.place is not None and found.place.layer == 4
    with archive.db.reading() as session:
        archival = boxes.find_item(session, n["sy2"])
        assert archival is not None
        archival_code = archival.archival_code
    by_code = where.where(archive, archival_code)
    assert by_code.kind == "item" and by_code.item == n["sy2"]
    place = where.where(archive, A)
    assert place.kind == "location" and place.boxes == (box.code,)
    unboxed = where.where(archive, n["gs_d50"])
    assert unboxed.status == "unboxed" and unboxed.chain is None
    with pytest.raises(NotFound) as missing:
        where.where(archive, "J023-2023-SY-D10-B0099")
    assert missing.value.code == "where.not_found"
    boxes.shelve(archive, box.code, B, "调整库位")
    boxes.shelve(archive, box.code, B, "再次")  # already there: nothing recorded
    moves = events(archive, "box.shelve")
    assert [(e.before["location"], e.after["location"], e.reason) for e in moves] == [
        (None, A, "上架"),
        (A, B, "调整库位"),
    ]
    with pytest.raises(NotFound) as nowhere:
        boxes.shelve(archive, box.code, "9库-01架-1列-1层", "x")
    assert nowhere.value.code == "location.not_found"
    assert [b.code for b in boxes.list_boxes(archive, location="1库-03架")] == [box.code]


def test_label_rows_hold_the_spine_fields(archive: Archive, n: dict[str, str]) -> None:
    locations.add_location(archive, "1", 3, 2, 4)
    [items_box] = boxes.fill(archive, 2023, "SY")
    boxes.shelve(archive, items_box.code, A, "上架")
    [volume] = [v for v in volumes.build(archive, 2023, "GS", "year") if v.retention == "D50"]
    vol_box = boxes.create_box(archive, 2023, "GS", volume.retention, "volumes")
    boxes.put(archive, vol_box.code, volumes=[volume.code], reason="装盒")
    rows = labels.label_rows(archive, year=2023)
    by_code = {row.barcode: row for row in rows}
    assert by_code[items_box.code] == labels.SpineLabel(
        fonds_code="J023",
        year="2023",
        retention="10年",
        range="0001-0003",
        box="0001",
        barcode="J023-2023-SY-D10-B0001",
        range_heading="起止件号",
        kind="items",
        location=A,
    )
    volume_row = by_code[vol_box.code]
    assert volume_row.retention == "50年" and volume_row.range == f"{volume.case_no:03d}"
    assert volume_row.range_heading == "案卷号" and volume_row.location == ""
    assert all(isinstance(v, str) for row in rows for v in row.to_json().values())
    assert labels.label_rows(archive, [vol_box.code]) == [volume_row]


# -- inventory -------------------------------------------------------------------------------


@pytest.fixture
def shelves(archive: Archive) -> dict[str, str]:
    """Four boxes: two at A, one at B, one not shelved."""
    locations.add_location(archive, "1", 3, 2, 4)
    locations.add_location(archive, "1", 3, 2, 5)
    codes = [boxes.create_box(archive, 2023, "SY", "D10").code for _ in range(4)]
    boxes.shelve(archive, codes[0], A, "上架")
    boxes.shelve(archive, codes[1], A, "上架")
    boxes.shelve(archive, codes[2], B, "上架")
    return {"a1": codes[0], "a2": codes[1], "b1": codes[2], "loose": codes[3]}


def test_inventory_reports_missing_unexpected_and_misplaced(
    archive: Archive, shelves: dict[str, str], n: dict[str, str], tmp_path: Path
) -> None:
    scans = tmp_path / "scans.txt"
    scans.write_text(
        "\ufeff@" + A + "\r\n"
        f"  {shelves['a1']}  \r\n"
        "\r\n"
        f"{shelves['b1']}\n"
        "NOPE-0001\n"
        f"{n['sy1']}\n"
        f"{shelves['a1']}\n",
        encoding="utf-8",
    )
    report = inventory(archive, scans)
    assert report.scope == (A,) and not report.whole
    assert report.scanned == 5 and report.matched == 1
    assert report.missing == (MissingBox(shelves["a2"], A),)
    assert report.misplaced == (MisplacedBox(shelves["b1"], registered=B, scanned_at=A, line=4),)
    unknown, item = report.unexpected
    assert unknown.code == "NOPE-0001" and unknown.reason == "inventory.unknown_code"
    assert "第 5 行" in unknown.message and "不对应任何已登记的盒" in unknown.message
    assert item.reason == "inventory.item_not_box" and "盒脊条码" in item.message
    assert report.duplicates == (shelves["a1"],) and report.consistent is False
    [event] = events(archive, "inventory.run")
    assert event.after["missing"] == [shelves["a2"]]
    assert event.after["unexpected"] == ["NOPE-0001", n["sy1"]]


def test_inventory_tab_lines_location_barcodes_and_scope(
    archive: Archive, shelves: dict[str, str]
) -> None:
    lines = [
        f"{A}\t{shelves['a1']}",
        "LOC-1-03-2-4",  # a shelf's own label: a section
        shelves["a2"],
        f"LOC-1-03-2-5 {shelves['b1']}",
        f"{B}\t{shelves['loose']}",  # on a shelf, but not shelved in the register
    ]
    report = inventory(archive, lines)
    assert report.matched == 3 and report.missing == ()
    assert report.misplaced == (
        MisplacedBox(shelves["loose"], registered=None, scanned_at=B, line=5),
    )
    # codes without locations, judged against the part counted
    whole_room = inventory(archive, [shelves["a1"], shelves["b1"]], location="1库")
    assert whole_room.scope == (A, B) and whole_room.matched == 2
    assert [m.box for m in whole_room.missing] == [shelves["a2"]]
    at_b = inventory(archive, [shelves["a1"], shelves["b1"]], location=B)
    assert at_b.matched == 1 and at_b.misplaced[0].registered == A
    everything = inventory(archive, f"{shelves['a1']}\n{shelves['a2']}\n{shelves['b1']}\n")
    assert everything.whole and everything.scope == () and everything.consistent is True


def test_inventory_bad_input(archive: Archive, shelves: dict[str, str], tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        inventory(archive, ["@9库-01架-1列-1层", shelves["a1"]])
    assert code_of(info) == "inventory.unknown_location" and "第 1 行" in info.value.message()
    with pytest.raises(InputError) as info:
        inventory(archive, ["", "  ", "# nothing read"])
    assert code_of(info) == "inventory.empty"
    with pytest.raises(InputError) as info:
        inventory(archive, [f"{A} {shelves['a1']} extra"])
    assert code_of(info) == "inventory.bad_line"
    with pytest.raises(InputError) as info:
        inventory(archive, tmp_path / "no-such-file.txt")
    assert code_of(info) == "inventory.unreadable"
    with pytest.raises(NotFound):
        inventory(archive, [shelves["a1"]], location="7库")
    assert events(archive, "inventory.run") == []


# -- the command line -----------------------------------------------------------------------


def test_cli_round_trip(archive: Archive, n: dict[str, str], tmp_path: Path) -> None:
    root = str(archive.root)
    archive.close()

    def cli(*args: str) -> Any:
        return json.loads(run_cli("--archive", root, *args, "--json", check=True).stdout)

    added = cli("location", "add", "--room", "1", "--shelf", "3", "--column", "2", "--layer", "4")
    assert added["barcode"] == "LOC-1-03-2-4"
    [box] = cli("box", "fill", "--year", "2023", "--class", "SY")
    shelved = cli("box", "shelve", box["code"], A, "--reason", "上架")
    assert shelved["chain"] == f"{A}-0001盒"
    found = cli("where", n["sy3"])
    assert found["box"] == box["code"] and found["location"] == A
    scans = tmp_path / "scans.txt"
    scans.write_text(f"@{A}\n{box['code']}\nGHOST-1\n", encoding="utf-8")
    result = run_cli("--archive", root, "inventory", "--scans", str(scans), "--json")
    assert result.returncode == 3  # differences found, like check and verify
    report = json.loads(result.stdout)
    assert report["matched"] == 1 and report["unexpected"][0]["code"] == "GHOST-1"
    refused = run_cli(
        "--archive", root, "box", "put", box["code"], "--items", n["sy_2022"], "--reason", "x"
    )
    assert refused.returncode == 1 and "不同年度的档案不能同盒" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1


def test_every_message_code_used_has_both_languages() -> None:
    import re

    from archivist.messages import CATALOG

    from .conftest import ROOT

    used = set()
    for name in ("locations.py", "boxes.py", "labels.py", "where.py", "inventory.py"):
        source = (ROOT / "archivist" / "custody" / name).read_text(encoding="utf-8")
        codes = set(re.findall(r'"((?:box|location|inventory|where)\.[a-z_]+)"', source))
        actions = set(re.findall(r'action="([a-z_.]+)"', source))
        used |= codes - actions - {"box.fill", "box.put", "box.move", "box.take_out"}
    assert len(used) > 20
    for code in used:
        zh, en = CATALOG[code]
        assert zh and en, code


def test_cli_json_keeps_its_shape(archive: Archive, n: dict[str, str], tmp_path: Path) -> None:
    """The `--json` output of the custody commands: the same keys, in the same order."""
    root = str(archive.root)
    archive.close()

    def cli(*args: str) -> Any:
        return json.loads(run_cli("--archive", root, *args, "--json", check=True).stdout)

    summary = [
        "code", "number", "year", "class", "retention", "retention_label", "kind", "count",
        "range", "range_heading", "location", "chain", "created_at",
    ]  # fmt: skip
    added = cli("location", "add", "--room", "1", "--shelf", "3", "--column", "2", "--layer", "4")
    assert list(added) == ["code", "barcode", "room", "shelf", "column", "layer", "boxes"]
    [box] = cli("box", "fill", "--year", "2023", "--class", "SY")
    assert list(box) == summary
    assert list(cli("box", "shelve", box["code"], A, "--reason", "上架")) == summary
    made = cli("box", "create", "--year", "2023", "--class", "GS", "--retention", "D50")
    assert list(made) == summary
    shown = cli("box", "show", box["code"])
    assert list(shown) == [*summary, "items"]
    assert list(shown["items"][0]) == ["seq", "number", "archival_code", "title", "completed_on"]
    put = cli("box", "put", made["code"], "--items", n["gs_d50"], "--reason", "装盒")
    assert list(put) == [*summary, "items"]
    [listed] = cli("location", "list")
    assert list(listed) == list(added) and listed["boxes"] == [box["code"]]
    assert [list(b) for b in cli("box", "list")] == [summary, summary]
    [label] = cli("box", "labels", box["code"])
    assert list(label) == [
        "fonds_code", "year", "retention", "range", "box", "barcode", "range_heading", "kind",
        "location",
    ]  # fmt: skip
    found = cli("where", n["sy1"])
    assert list(found) == [
        "code", "kind", "item", "archival_code", "volume", "box", "location",
        "location_barcode", "place", "chain", "status", "on_loan",
    ]  # fmt: skip
    assert found["place"] == {"room": "1", "shelf": 3, "column": 2, "layer": 4, "box": 1}
    assert found["status"] == "shelved"
    place = cli("where", A)
    assert place == {
        "code": A,
        "kind": "location",
        "location": A,
        "location_barcode": "LOC-1-03-2-4",
        "boxes": [box["code"]],
        "chain": A,
        "status": "location",
    }
    scans = tmp_path / "scans.txt"
    scans.write_text(f"@{A}\n{n['sy1']}\n", encoding="utf-8")
    result = run_cli("--archive", root, "inventory", "--scans", str(scans), "--json")
    report = json.loads(result.stdout)
    assert list(report) == [
        "scans", "scope", "scanned", "matched", "missing", "misplaced", "unexpected",
        "duplicates", "on_loan", "consistent",
    ]  # fmt: skip
    assert report["missing"] == [{"box": box["code"], "location": A}]
    assert list(report["unexpected"][0]) == ["code", "line", "location", "reason", "message"]


# -- one change, one event; typed results ------------------------------------------------------


def test_results_are_frozen_dataclasses(archive: Archive, n: dict[str, str]) -> None:
    import dataclasses

    location = locations.add_location(archive, "1", 3, 2, 4)
    box = boxes.create_box(archive, 2023, "SY", "D10")
    results: list[object] = [
        location,
        box,
        boxes.put(archive, box.code, items=[n["sy1"]], reason="装盒"),
        boxes.shelve(archive, box.code, A, "上架"),
        boxes.show_box(archive, box.code),
        *locations.list_locations(archive),
        *boxes.list_boxes(archive),
        *boxes.unboxed(archive, box.code),
        *labels.label_rows(archive, [box.code]),
        where.where(archive, n["sy1"]),
        where.where(archive, A),
        inventory(archive, [box.code, "NOPE-1"]),
    ]
    for result in results:
        assert dataclasses.is_dataclass(result) and not isinstance(result, type), result
        assert type(result).__dataclass_params__.frozen, type(result).__name__  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        box.code = "changed"  # type: ignore[misc]
    assert where.where(archive, n["sy1"]).status is where.WhereStatus.SHELVED


def test_one_user_action_is_one_event_and_nothing_changed_is_none(
    archive: Archive, n: dict[str, str]
) -> None:
    locations.add_location(archive, "1", 3, 2, 4)
    codes = [boxes.create_box(archive, 2023, "SY", "D10").code for _ in range(3)]
    shelved = boxes.shelve_boxes(archive, codes, A, "整批上架")
    assert [b.location for b in shelved] == [A, A, A]
    [event] = events(archive, "box.shelve")
    assert event.target == f"location:{A}" and event.reason == "整批上架"
    assert event.before == {"boxes": {code: {"location": None} for code in codes}}
    assert event.after == {"boxes": {code: {"location": A} for code in codes}}
    boxes.shelve_boxes(archive, codes, A, "再放一次")  # all there already: no event
    assert len(events(archive, "box.shelve")) == 1
    boxes.put(archive, codes[0], items=[n["sy1"]], reason="装盒")
    boxes.put(archive, codes[0], items=[n["sy1"]], reason="再装一次")  # in it already
    boxes.move(archive, codes[0], items=[n["sy1"]], reason="原地不动")
    assert [e.reason for e in events(archive, "box.put")] == ["装盒"]
    assert events(archive, "box.move") == []


def test_box_notes_name_who_made_each_box_of_a_fill(archive: Archive, n: dict[str, str]) -> None:
    from archivist.registers.forms import Selection, collect

    made = boxes.fill(archive, 2023, "SY", capacity=1)
    assert len(made) == 3
    for box in made:
        notes = collect(archive, "box-notes", Selection(box=box.code))
        assert notes.fields["organiser"] == "tester", box.code
        assert notes.fields["organised_on"] == box.created_at[:10].replace("-", "")


def test_custody_writes_only_through_the_unit_of_work() -> None:
    import ast

    from .conftest import ROOT

    for name in ("locations.py", "boxes.py", "labels.py", "where.py", "inventory.py"):
        source = (ROOT / "archivist" / "custody" / name).read_text(encoding="utf-8")
        for written in ("db.writing(", "audit.record(", "def _reason(", "or archive.actor"):
            assert written not in source, (name, written)
        if name in ("locations.py", "boxes.py", "inventory.py"):  # the modules that write
            assert "archive.change(Action." in source, name
        public = [  # the module's functions (a result's to_json() is the --json shape)
            node
            for node in ast.parse(source).body
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
        ]
        returning_dicts = [
            f.name for f in public if f.returns is not None and "dict[" in ast.unparse(f.returns)
        ]
        assert returning_dicts == [], name
