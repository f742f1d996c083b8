"""Custody (保管): shelf locations, boxes, finding things, spine labels.

A location is a place on the shelves, 库房-架-列-层 (room, shelf, column, layer), shown as
`1库-03架-2列-4层`; its barcode text `LOC-1-03-2-4` says the same in ASCII. A location
holds any number of boxes. `Place` is a location or a leading part of one (a room, a
shelf, a column): its `code`, its `levels` and what it `covers` are the one reading of
location codes (the window's tree of places asks it too).

A box (盒) holds either volumes (按卷) or items of an item-based archive (按件, in item
number order), all of one year, one class (机构/问题) and one retention period: different
years, organisations or retention periods never share a box (DA/T 22). Box numbers (盒号)
are issued gap-free per fonds, year and class. The box code is also its barcode text,
`全宗号-年度-类别-保管期限-B盒号`, e.g. `J023-2023-SY-D10-B0001`: printable ASCII (Code 128
code set B), unique, and read back by `parse_box_code`. An item that is in a volume is
boxed with its volume, never on its own.

Every change (a location added, a box made, filled, changed or shelved) is one change of
the archive (`Archive.change`) with one audit event; changes to what a box holds or where
it stands need a reason. An event of one box (`box:CODE`) holds the box's state before and
after (`code`, `kind`, `location` and the volumes or items it holds, in order); an event
of several boxes (a move between boxes, a fill, boxes shelved together) holds
`{"boxes": {CODE: state}}` for each box it changed (None before a box it made). A request
that would change nothing changes nothing and records nothing.

The results are frozen dataclasses; `to_json()` gives the command line's `--json` shape.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from archivist.archive import Archive
from archivist.changes import audit
from archivist.changes.actions import Action
from archivist.changes.states import VolumeState
from archivist.db.models import (
    ArchiveClass,
    AuditEvent,
    Box,
    BoxItem,
    Fonds,
    Item,
    Location,
    Volume,
    VolumeItem,
)
from archivist.errors import InputError, NotFound
from archivist.rules.retention import Retention, parse_retention

KINDS = ("items", "volumes")
KIND_LABELS = {"items": "按件", "volumes": "按卷"}
DEFAULT_CAPACITY = 20  # items per box when filling boxes automatically
MAX_PLACE_NUMBER = 999
LEVEL_UNITS = ("库", "架", "列", "层")  # room, shelf, column, layer

_ROOM = re.compile(r"^[A-Za-z0-9]{1,8}$")
_ROOM_SUFFIX = re.compile(r"(号库房|库房|号库|库|号)$")
# 1库 / 1库-03架 / 1库-03架-2列 / 1库-03架-2列-4层 (a whole location, or the part of one)
_PLACE = re.compile(
    r"^(?P<room>[A-Za-z0-9]{1,8})(?:号库房|库房|号库|库)"
    r"(?:-(?P<shelf>\d{1,3})架(?:-(?P<column>\d{1,3})列(?:-(?P<layer>\d{1,3})层)?)?)?$"
)
_PLACE_BARCODE = re.compile(
    r"^LOC-(?P<room>[A-Za-z0-9]{1,8})"
    r"(?:-(?P<shelf>\d{1,3})(?:-(?P<column>\d{1,3})(?:-(?P<layer>\d{1,3}))?)?)?$",
    re.IGNORECASE,
)
_BOX_CODE = re.compile(
    r"^(?P<fonds>.+)-(?P<year>\d{4})-(?P<klass>[A-Z0-9]+)-(?P<retention>[A-Z0-9+]+)"
    r"-B(?P<number>\d{4,})$"
)


# -- codes ------------------------------------------------------------------------------


def normalise_room(room: str) -> str:
    """`1`, `1库`, `1号库房` -> `1`; letters upper case. Rooms go into barcodes: ASCII only."""
    value = _ROOM_SUFFIX.sub("", room.strip()).strip().upper()
    if not _ROOM.match(value):
        raise InputError("location.bad_room", room=room)
    return value


def _level_texts(shelf: int | None, column: int | None, layer: int | None) -> list[str]:
    """The numbers of a place as its code prints them: 03 (shelf), 2 (column), 4 (layer)."""
    texts: list[str] = []
    for value, width in ((shelf, 2), (column, 1), (layer, 1)):
        if value is None:
            break
        texts.append(f"{value:0{width}d}")
    return texts


def location_code(room: str, shelf: int, column: int, layer: int) -> str:
    return Place(room, shelf, column, layer).code


def location_barcode(room: str, shelf: int, column: int, layer: int) -> str:
    return "-".join(["LOC", room, *_level_texts(shelf, column, layer)])


@dataclass(frozen=True)
class PlaceLevel:
    """One level of a place in the tree of places: `key` the code of the place down to
    this level (`1库-03架`), `depth` 0 room … 3 layer, `number` as the code prints it."""

    key: str
    depth: int
    number: str

    @property
    def unit(self) -> str:
        return LEVEL_UNITS[self.depth]


@dataclass(frozen=True)
class Place:
    """A location or part of one (a room, a shelf, a column): None = any."""

    room: str
    shelf: int | None = None
    column: int | None = None
    layer: int | None = None

    @property
    def complete(self) -> bool:
        return self.layer is not None

    @property
    def levels(self) -> tuple[PlaceLevel, ...]:
        """The room, then the shelf, column and layer as far as the place goes."""
        numbers = [self.room, *_level_texts(self.shelf, self.column, self.layer)]
        parts = [f"{number}{unit}" for number, unit in zip(numbers, LEVEL_UNITS, strict=False)]
        return tuple(
            PlaceLevel("-".join(parts[: depth + 1]), depth, number)
            for depth, number in enumerate(numbers)
        )

    @property
    def code(self) -> str:
        """`1库-03架-2列-4层`, or the leading part a room, shelf or column has."""
        return self.levels[-1].key

    def covers(self, other: Place) -> bool:
        """Is `other` this place or inside it (a layer of this shelf, …)?"""
        return (
            self.room == other.room
            and self.shelf in (None, other.shelf)
            and self.column in (None, other.column)
            and self.layer in (None, other.layer)
        )

    def filled(self, start: int = 1) -> Place:
        """The whole location this part starts at (`start` for the levels not given)."""
        return Place(
            self.room,
            start if self.shelf is None else self.shelf,
            start if self.column is None else self.column,
            start if self.layer is None else self.layer,
        )


def parse_place(text: str) -> Place | None:
    """`1库-03架-2列-4层`, `LOC-1-03-2-4` or a leading part of either; None if neither."""
    value = re.sub(r"\s+", "", text).replace("－", "-").replace("—", "-")
    match = _PLACE.match(value) or _PLACE_BARCODE.match(value)
    if match is None:
        return None

    def number(name: str) -> int | None:
        found = match.group(name) if match else None
        return int(found) if found else None

    return Place(match.group("room").upper(), number("shelf"), number("column"), number("layer"))


def place_levels(code: str) -> tuple[PlaceLevel, ...]:
    """The levels of a location code (room → layer); none for a text that is no place."""
    place = parse_place(code)
    return place.levels if place is not None else ()


def place_covers(part: str, location: str | None) -> bool:
    """Is the location `location` (a code) at the place `part` (a code or a leading part)?"""
    if location is None:
        return False
    outer, inner = parse_place(part), parse_place(location)
    return outer is not None and inner is not None and outer.covers(inner)


def box_code(fonds: str, year: int, class_code: str, retention: str, number: int) -> str:
    return f"{fonds}-{year}-{class_code}-{retention}-B{number:04d}"


@dataclass(frozen=True)
class BoxCodeParts:
    fonds: str
    year: int
    class_code: str
    retention: str
    number: int


def parse_box_code(text: str) -> BoxCodeParts | None:
    """The parts of a box code, or None if the text is not one."""
    match = _BOX_CODE.match(text.strip().upper())
    if match is None:
        return None
    return BoxCodeParts(
        match.group("fonds"),
        int(match.group("year")),
        match.group("klass"),
        match.group("retention"),
        int(match.group("number")),
    )


def _printable_ascii(text: str) -> bool:
    """What Code 128 code set B can print, without spaces (scanners type them oddly)."""
    return bool(text) and all(33 <= ord(ch) <= 126 for ch in text)


# -- results ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LocationView:
    """A place on the shelves and the boxes on it (by code)."""

    code: str
    barcode: str
    room: str
    shelf: int
    column: int
    layer: int
    boxes: tuple[str, ...] = ()

    @property
    def place(self) -> Place:
        return Place(self.room, self.shelf, self.column, self.layer)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "boxes": list(self.boxes)}


@dataclass(frozen=True)
class BoxSummary:
    """A box: what it is, how much it holds (`range` under `range_heading`), where it is
    (`chain` 库房-架-列-层-盒, or just the box when not shelved)."""

    code: str
    number: int
    year: int
    class_code: str
    retention: str
    retention_label: str
    kind: str  # items | volumes
    count: int
    range: str
    range_heading: str
    location: str | None
    chain: str
    created_at: str

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "number": self.number,
            "year": self.year,
            "class": self.class_code,
            **{key: getattr(self, key) for key in _SUMMARY_KEYS},
        }


_SUMMARY_KEYS = (
    "retention",
    "retention_label",
    "kind",
    "count",
    "range",
    "range_heading",
    "location",
    "chain",
    "created_at",
)


@dataclass(frozen=True)
class BoxVolume:
    code: str
    case_no: int
    title: str
    items: int
    status: VolumeState


@dataclass(frozen=True)
class BoxEntry:
    """An item in an item box, at its place `seq` in the box."""

    seq: int
    number: str
    archival_code: str
    title: str
    completed_on: str  # ISO date


@dataclass(frozen=True)
class BoxView(BoxSummary):
    """A box and what it holds: `volumes` (a volume box) or `items` (an item box)."""

    volumes: tuple[BoxVolume, ...] = ()
    items: tuple[BoxEntry, ...] = ()

    def to_json(self) -> dict[str, Any]:
        held: Sequence[BoxVolume | BoxEntry] = (
            self.volumes if self.kind == "volumes" else self.items
        )
        return {**super().to_json(), self.kind: [asdict(entry) for entry in held]}


@dataclass(frozen=True)
class BoxCandidate:
    """What could go into a box: an unboxed volume (`count` its items) or item (1)."""

    code: str
    title: str
    count: int


@dataclass(frozen=True)
class SpineLabel:
    """The spine/box label (卷脊/盒脊) of a box as text, in the spine-labels layout's
    column order: 全宗号, 年度, 保管期限 (永久, 30年 …), 起止件号 or 案卷号 (its heading in
    `range_heading`), 盒号, barcode text; also the kind and the location code ("" if none)."""

    fonds_code: str
    year: str
    retention: str
    range: str
    box: str
    barcode: str
    range_heading: str
    kind: str
    location: str

    def to_json(self) -> dict[str, str]:
        return asdict(self)


class WhereStatus(StrEnum):
    SHELVED = "shelved"  # in a box on a shelf
    BOXED = "boxed"  # in a box not shelved yet
    UNBOXED = "unboxed"
    LOCATION = "location"  # the code named a location


@dataclass(frozen=True)
class ShelfPlace:
    room: str
    shelf: int
    column: int
    layer: int
    box: int | None


@dataclass(frozen=True)
class Whereabouts:
    """Where a thing is: for an item, a volume or a box, its volume, box and place
    (`chain` 库房-架-列-层-盒); for a location (`kind` "location"), the boxes on it."""

    code: str  # what was asked
    kind: str  # item | volume | box | location
    status: WhereStatus
    item: str | None = None
    archival_code: str | None = None
    volume: str | None = None
    box: str | None = None
    location: str | None = None
    location_barcode: str | None = None
    place: ShelfPlace | None = None
    chain: str | None = None
    boxes: tuple[str, ...] = ()  # the boxes at a location

    def to_json(self) -> dict[str, Any]:
        if self.kind == "location":
            return {
                "code": self.code,
                "kind": self.kind,
                "location": self.location,
                "location_barcode": self.location_barcode,
                "boxes": list(self.boxes),
                "chain": self.chain,
                "status": self.status.value,
            }
        return {
            "code": self.code,
            "kind": self.kind,
            "item": self.item,
            "archival_code": self.archival_code,
            "volume": self.volume,
            "box": self.box,
            "location": self.location,
            "location_barcode": self.location_barcode,
            "place": asdict(self.place) if self.place else None,
            "chain": self.chain,
            "status": self.status.value,
        }


@dataclass(frozen=True)
class BoxOrigin:
    """Who made a box and when (ISO time), from the change that made it."""

    actor: str
    at: str


# -- lookups ----------------------------------------------------------------------------


def _class(session: Session, code: str) -> ArchiveClass:
    found = session.scalar(select(ArchiveClass).where(ArchiveClass.code == code.strip().upper()))
    if found is None:
        raise InputError("class.unknown", value=code)
    return found


def _places_matching(session: Session, place: Place) -> list[Location]:
    stmt = select(Location).where(Location.room == place.room)
    if place.shelf is not None:
        stmt = stmt.where(Location.shelf == place.shelf)
    if place.column is not None:
        stmt = stmt.where(Location.column_no == place.column)
    if place.layer is not None:
        stmt = stmt.where(Location.layer == place.layer)
    return list(
        session.scalars(
            stmt.order_by(Location.room, Location.shelf, Location.column_no, Location.layer)
        )
    )


def find_location(session: Session, text: str) -> Location | None:
    """The one location named by its code or barcode text; None if there is none."""
    exact = session.scalar(select(Location).where(Location.code == text.strip()))
    if exact is not None:
        return exact
    place = parse_place(text)
    if place is None or not place.complete:
        return None
    found = _places_matching(session, place)
    return found[0] if found else None


def locations_within(session: Session, text: str) -> list[Location]:
    """The locations a code or a leading part of one (a room, shelf, column) covers."""
    exact = find_location(session, text)
    if exact is not None:
        return [exact]
    place = parse_place(text)
    found = _places_matching(session, place) if place is not None else []
    if not found:
        raise NotFound("location.not_found", code=text)
    return found


def _location(session: Session, text: str) -> Location:
    found = find_location(session, text)
    if found is None:
        raise NotFound("location.not_found", code=text)
    return found


def find_box(session: Session, code: str) -> Box | None:
    value = code.strip()
    box = session.scalar(select(Box).where(Box.code == value))
    if box is None and value.upper() != value:
        box = session.scalar(select(Box).where(Box.code == value.upper()))
    return box


def _box(session: Session, code: str) -> Box:
    box = find_box(session, code)
    if box is None:
        raise NotFound("box.not_found", code=code)
    return box


def find_volume(session: Session, code: str) -> Volume | None:
    value = code.strip()
    volume = session.scalar(select(Volume).where(Volume.code == value))
    if volume is None and value.upper() != value:
        volume = session.scalar(select(Volume).where(Volume.code == value.upper()))
    return volume


def find_item(session: Session, code: str) -> Item | None:
    """An item by its number (年度-类别-流水号) or its archival code (档号)."""
    value = code.strip()
    for candidate in dict.fromkeys((value, value.upper())):
        item = session.scalar(
            select(Item).where((Item.number == candidate) | (Item.archival_code == candidate))
        )
        if item is not None:
            return item
    return None


def _volume(session: Session, code: str) -> Volume:
    volume = find_volume(session, code)
    if volume is None:
        raise NotFound("volume.not_found", code=code)
    return volume


def _item(session: Session, code: str) -> Item:
    item = find_item(session, code)
    if item is None:
        raise NotFound("item.not_found", number=code)
    return item


def volume_of(session: Session, item_id: int) -> Volume | None:
    return session.scalar(
        select(Volume)
        .join(VolumeItem, VolumeItem.volume_id == Volume.id)
        .where(VolumeItem.item_id == item_id)
    )


def box_of_item(session: Session, item_id: int) -> Box | None:
    return session.scalar(
        select(Box).join(BoxItem, BoxItem.box_id == Box.id).where(BoxItem.item_id == item_id)
    )


# -- locations --------------------------------------------------------------------------


def _check_place_number(field: str, value: int) -> int:
    if not isinstance(value, int) or not 1 <= value <= MAX_PLACE_NUMBER:
        raise InputError("location.bad_number", field=field, value=value)
    return value


def _location_view(location: Location, boxes: Sequence[Box] = ()) -> LocationView:
    return LocationView(
        code=location.code,
        barcode=location_barcode(location.room, location.shelf, location.column_no, location.layer),
        room=location.room,
        shelf=location.shelf,
        column=location.column_no,
        layer=location.layer,
        boxes=tuple(b.code for b in boxes),
    )


def add_location(
    archive: Archive, room: str, shelf: int, column: int, layer: int, actor: str | None = None
) -> LocationView:
    """Register a place on the shelves (库房-架-列-层)."""
    name = normalise_room(room)
    numbers = (
        _check_place_number("架 shelf", shelf),
        _check_place_number("列 column", column),
        _check_place_number("层 layer", layer),
    )
    code = location_code(name, *numbers)
    with archive.change(Action.LOCATION_ADD, f"location:{code}", actor=actor) as change:
        session = change.session
        existing = session.scalar(
            select(Location).where(
                Location.room == name,
                Location.shelf == numbers[0],
                Location.column_no == numbers[1],
                Location.layer == numbers[2],
            )
        )
        if existing is not None:
            raise InputError("location.exists", code=existing.code)
        location = Location(
            room=name, shelf=numbers[0], column_no=numbers[1], layer=numbers[2], code=code
        )
        session.add(location)
        session.flush()
        view = _location_view(location)
        change.after = {"code": view.code, "barcode": view.barcode}
    return view


def list_locations(archive: Archive) -> list[LocationView]:
    with archive.db.reading() as session:
        boxes: dict[int, list[Box]] = defaultdict(list)
        for box in session.scalars(
            select(Box).where(Box.location_id.is_not(None)).order_by(Box.code)
        ):
            assert box.location_id is not None
            boxes[box.location_id].append(box)
        return [
            _location_view(loc, boxes.get(loc.id, ()))
            for loc in session.scalars(
                select(Location).order_by(
                    Location.room, Location.shelf, Location.column_no, Location.layer
                )
            )
        ]


# -- boxes ------------------------------------------------------------------------------


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise InputError("box.bad_kind", kind=kind)
    return kind


def _next_box_number(session: Session, fonds_id: int, year: int, class_id: int) -> int:
    last = session.scalar(
        select(func.max(Box.number)).where(
            Box.fonds_id == fonds_id, Box.year == year, Box.class_id == class_id
        )
    )
    return int(last or 0) + 1


def _new_box(
    session: Session, fonds: Fonds, year: int, klass: ArchiveClass, retention: str, kind: str
) -> Box:
    number = _next_box_number(session, fonds.id, year, klass.id)
    code = box_code(fonds.code, year, klass.code, retention, number)
    if not _printable_ascii(code):
        raise InputError("box.code_not_ascii", code=code)
    box = Box(
        fonds_id=fonds.id,
        number=number,
        code=code,
        year=year,
        class_id=klass.id,
        retention=retention,
        kind=kind,
        location_id=None,
        created_at=audit.now_text(),
    )
    box.archive_class = klass
    session.add(box)
    session.flush()
    return box


def _main_fonds(session: Session) -> Fonds:
    fonds = session.scalars(select(Fonds).order_by(Fonds.id)).first()
    if fonds is None:  # an archive always has one (Archive.init)
        raise NotFound("not_found", what="全宗 fonds", key="—")
    return fonds


def create_box(
    archive: Archive,
    year: int,
    class_code: str,
    retention: str,
    kind: str = "items",
    actor: str | None = None,
) -> BoxSummary:
    """Make an empty box with the next box number of the year and class."""
    check_kind(kind)
    period = parse_retention(retention).code
    with archive.change(Action.BOX_CREATE, "box:", actor=actor) as change:
        session = change.session
        klass = _class(session, class_code)
        box = _new_box(session, _main_fonds(session), year, klass, period, kind)
        change.target = f"box:{box.code}"
        change.after = _snapshot(session, box)
        summary = _summary(session, box)
    return summary


def _box_items(session: Session, box: Box) -> list[tuple[BoxItem, Item]]:
    return [
        (row[0], row[1])
        for row in session.execute(
            select(BoxItem, Item)
            .join(Item, Item.id == BoxItem.item_id)
            .where(BoxItem.box_id == box.id)
            .order_by(BoxItem.seq)
        )
    ]


def _box_volumes(session: Session, box: Box) -> list[Volume]:
    return list(
        session.scalars(
            select(Volume).where(Volume.box_id == box.id).order_by(Volume.catalogue, Volume.case_no)
        )
    )


def _resequence(session: Session, box: Box) -> None:
    """Items in a box stand in item number order, numbered from 1."""
    entries = sorted(_box_items(session, box), key=lambda pair: pair[1].number)
    for seq, (entry, _item) in enumerate(entries, start=1):
        entry.seq = seq
    session.flush()


def _span(values: Sequence[str]) -> str:
    if not values:
        return ""
    return values[0] if len(values) == 1 else f"{values[0]}-{values[-1]}"


def _contents(session: Session, box: Box) -> tuple[list[str], str]:
    if box.kind == "volumes":
        vols = _box_volumes(session, box)
        return [v.code for v in vols], _span([f"{v.case_no:03d}" for v in vols])
    items = [item for _entry, item in _box_items(session, box)]
    return [i.number for i in items], _span([f"{i.serial:04d}" for i in items])


def _snapshot(session: Session, box: Box) -> dict[str, Any]:
    """A box's state as its audit events keep it."""
    held, _range = _contents(session, box)
    return {
        "code": box.code,
        "kind": box.kind,
        "location": box.location.code if box.location else None,
        box.kind: held,
    }


def chain(location: Location | None, box: Box) -> str:
    """库房-架-列-层-盒, or just the box when it is not on a shelf yet."""
    tail = f"{box.number:04d}盒"
    return f"{location.code}-{tail}" if location else tail


def _summary(session: Session, box: Box) -> BoxSummary:
    held, span = _contents(session, box)
    location = box.location
    return BoxSummary(
        code=box.code,
        number=box.number,
        year=box.year,
        class_code=box.archive_class.code,
        retention=box.retention,
        retention_label=Retention(box.retention).label,
        kind=box.kind,
        count=len(held),
        range=span,
        range_heading="案卷号" if box.kind == "volumes" else "起止件号",
        location=location.code if location else None,
        chain=chain(location, box),
        created_at=box.created_at,
    )


def _fits(
    session: Session, box: Box, code: str, year: int, class_id: int, retention: str, fonds_id: int
) -> None:
    """Same fonds, year, class and retention as the box, or the rule's reason why not."""
    if fonds_id != box.fonds_id:
        raise InputError("box.other_fonds", code=code, box=box.code)
    if year != box.year:
        raise InputError("box.other_year", code=code, year=year, box=box.code, box_year=box.year)
    if class_id != box.class_id:
        other = session.get(ArchiveClass, class_id)
        raise InputError(
            "box.other_class",
            code=code,
            klass=other.code if other else class_id,
            box=box.code,
            box_klass=box.archive_class.code,
        )
    if retention != box.retention:
        raise InputError(
            "box.other_retention",
            code=code,
            retention=Retention(retention).label,
            box=box.code,
            box_retention=Retention(box.retention).label,
        )


def _fit_volume(session: Session, box: Box, volume: Volume) -> None:
    if volume.status == VolumeState.DISSOLVED:
        raise InputError("volume.dissolved", code=volume.code)
    if box.kind != "volumes":
        raise InputError("box.items_only", box=box.code, code=volume.code)
    _fits(
        session, box, volume.code, volume.year, volume.class_id, volume.retention, volume.fonds_id
    )


def _fit_item(session: Session, box: Box, item: Item) -> None:
    if box.kind != "items":
        raise InputError("box.volumes_only", box=box.code, code=item.number)
    volume = volume_of(session, item.id)
    if volume is not None:
        raise InputError("box.item_in_volume", code=item.number, volume=volume.code)
    _fits(session, box, item.number, item.year, item.class_id, item.retention, item.fonds_id)


def _given(volumes: Sequence[str], items: Sequence[str]) -> None:
    if not volumes and not items:
        raise InputError("box.nothing_given")


def _states(
    session: Session, boxes: Sequence[Box], before: dict[int, dict[str, Any] | None]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The states before and after of the boxes whose state the change altered, keyed by
    box code: `({"boxes": …}, {"boxes": …})` (both empty when none changed)."""
    was: dict[str, Any] = {}
    now: dict[str, Any] = {}
    for box in sorted(boxes, key=lambda b: b.code):
        after = _snapshot(session, box)
        if after != before.get(box.id):
            was[box.code] = before.get(box.id)
            now[box.code] = after
    return {"boxes": was}, {"boxes": now}


def put(
    archive: Archive,
    code: str,
    *,
    volumes: Sequence[str] = (),
    items: Sequence[str] = (),
    reason: str,
    actor: str | None = None,
) -> BoxView:
    """Put unboxed volumes (a volume box) or unboxed items (an item box) into a box.

    Refused, with the rule's reason: another year, class or retention period; a volume
    or item already in another box (move it instead); an item that is in a volume."""
    with archive.change(Action.BOX_PUT, f"box:{code}", reason=reason, actor=actor) as change:
        _given(volumes, items)
        session = change.session
        box = _box(session, code)
        change.target = f"box:{box.code}"
        change.before = _snapshot(session, box)
        for volume_code in volumes:
            volume = _volume(session, volume_code)
            if volume.box_id == box.id:
                continue
            if volume.box_id is not None:
                other = session.get(Box, volume.box_id)
                raise InputError(
                    "box.already_boxed", code=volume.code, box=other.code if other else "?"
                )
            _fit_volume(session, box, volume)
            volume.box_id = box.id
        for number in items:
            item = _item(session, number)
            current = box_of_item(session, item.id)
            if current is not None and current.id == box.id:
                continue
            if current is not None:
                raise InputError("box.already_boxed", code=item.number, box=current.code)
            _fit_item(session, box, item)
            session.add(BoxItem(box_id=box.id, item_id=item.id, seq=0))
            session.flush()
        _resequence(session, box)
        change.after = _snapshot(session, box)
        view = show_box_in(session, box)
        if change.after == change.before:
            change.nothing_changed()
    return view


def move(
    archive: Archive,
    to_code: str,
    *,
    volumes: Sequence[str] = (),
    items: Sequence[str] = (),
    reason: str,
    actor: str | None = None,
) -> BoxView:
    """Move boxed volumes or items to another box of the same year, class and retention.
    One event, on the box moved to, holds the states of every box concerned."""
    with archive.change(Action.BOX_MOVE, f"box:{to_code}", reason=reason, actor=actor) as change:
        _given(volumes, items)
        session = change.session
        target = _box(session, to_code)
        change.target = f"box:{target.code}"
        touched: dict[int, Box] = {target.id: target}
        before: dict[int, dict[str, Any] | None] = {target.id: _snapshot(session, target)}

        def source(box: Box) -> None:
            if box.id not in touched:
                touched[box.id] = box
                before[box.id] = _snapshot(session, box)

        for volume_code in volumes:
            volume = _volume(session, volume_code)
            if volume.box_id is None:
                raise InputError("box.not_boxed", code=volume.code)
            if volume.box_id == target.id:
                continue
            _fit_volume(session, target, volume)
            old = session.get(Box, volume.box_id)
            assert old is not None
            source(old)
            volume.box_id = target.id
        for number in items:
            item = _item(session, number)
            old_box = box_of_item(session, item.id)
            if old_box is None:
                raise InputError("box.not_boxed", code=item.number)
            if old_box.id == target.id:
                continue
            _fit_item(session, target, item)
            source(old_box)
            entry = session.scalar(select(BoxItem).where(BoxItem.item_id == item.id))
            assert entry is not None
            entry.box_id = target.id
            session.flush()
        for box in touched.values():
            if box.kind == "items":
                _resequence(session, box)
        session.flush()
        change.before, change.after = _states(session, list(touched.values()), before)
        view = show_box_in(session, target)
        if not change.after["boxes"]:
            change.nothing_changed()
    return view


def take_out(
    archive: Archive,
    code: str,
    *,
    volumes: Sequence[str] = (),
    items: Sequence[str] = (),
    reason: str,
    actor: str | None = None,
) -> BoxView:
    """Take volumes or items out of a box (they are unboxed afterwards)."""
    with archive.change(Action.BOX_TAKE_OUT, f"box:{code}", reason=reason, actor=actor) as change:
        _given(volumes, items)
        session = change.session
        box = _box(session, code)
        change.target = f"box:{box.code}"
        change.before = _snapshot(session, box)
        for volume_code in volumes:
            volume = _volume(session, volume_code)
            if volume.box_id != box.id:
                raise InputError("box.not_in_box", code=volume.code, box=box.code)
            volume.box_id = None
        for number in items:
            item = _item(session, number)
            entry = session.scalar(
                select(BoxItem).where(BoxItem.item_id == item.id, BoxItem.box_id == box.id)
            )
            if entry is None:
                raise InputError("box.not_in_box", code=item.number, box=box.code)
            session.delete(entry)
            session.flush()
        _resequence(session, box)
        change.after = _snapshot(session, box)
        view = show_box_in(session, box)
    return view


def fill(
    archive: Archive,
    year: int,
    class_code: str,
    capacity: int = DEFAULT_CAPACITY,
    actor: str | None = None,
) -> list[BoxSummary]:
    """Box the year's unboxed items of a class (item-based filing) in number order.

    Items of each retention period go into their own boxes: the last box of that period
    is topped up first when the new items follow its last one, then new boxes are made
    with `capacity` items each. Items in volumes are left to their volumes. One event
    (`boxes:YEAR-CLASS`) holds every box filled."""
    if not isinstance(capacity, int) or capacity < 1:
        raise InputError("box.bad_capacity", value=capacity)
    target = f"boxes:{year}-{class_code.strip().upper()}"
    with archive.change(Action.BOX_FILL, target, actor=actor) as change:
        session = change.session
        klass = _class(session, class_code)
        change.target = f"boxes:{year}-{klass.code}"
        items = session.scalars(
            select(Item)
            .where(
                Item.year == year,
                Item.class_id == klass.id,
                Item.id.not_in(select(VolumeItem.item_id)),
                Item.id.not_in(select(BoxItem.item_id)),
            )
            .order_by(Item.number)
        ).all()
        if not items:
            raise InputError("box.nothing_to_box", year=year, klass=klass.code)
        groups: dict[tuple[int, str], list[Item]] = defaultdict(list)
        for item in items:
            groups[(item.fonds_id, item.retention)].append(item)
        touched: list[Box] = []
        before: dict[int, dict[str, Any] | None] = {}
        for (fonds_id, retention), members in groups.items():
            last = session.scalar(
                select(Box)
                .where(
                    Box.fonds_id == fonds_id,
                    Box.year == year,
                    Box.class_id == klass.id,
                    Box.retention == retention,
                    Box.kind == "items",
                )
                .order_by(Box.number.desc())
                .limit(1)
            )
            if last is not None:
                held = [item for _entry, item in _box_items(session, last)]
                room = capacity - len(held)
                if room > 0 and (not held or held[-1].number < members[0].number):
                    before[last.id] = _snapshot(session, last)
                    _add_items(session, last, members[:room], len(held))
                    touched.append(last)
                    members = members[room:]
            fonds = session.get(Fonds, fonds_id)
            assert fonds is not None
            while members:
                box = _new_box(session, fonds, year, klass, retention, "items")
                before[box.id] = None  # made by this fill
                _add_items(session, box, members[:capacity], 0)
                touched.append(box)
                members = members[capacity:]
        change.before, change.after = _states(session, touched, before)
        summaries = [_summary(session, box) for box in touched]
    return summaries


def _add_items(session: Session, box: Box, items: Sequence[Item], start: int) -> None:
    for seq, item in enumerate(items, start=start + 1):
        session.add(BoxItem(box_id=box.id, item_id=item.id, seq=seq))
    session.flush()


def shelve(
    archive: Archive, code: str, location: str, reason: str, actor: str | None = None
) -> BoxSummary:
    """Put a box at a location (or move it to another one), audited with the reason."""
    [summary] = shelve_boxes(archive, [code], location, reason, actor=actor)
    return summary


def shelve_boxes(
    archive: Archive,
    codes: Sequence[str],
    location: str,
    reason: str,
    actor: str | None = None,
) -> list[BoxSummary]:
    """Put boxes at a location (boxes on a shelf move there): one change, one event.
    One box: the event is the box's (`box:CODE`, its location before and after); several:
    the location's (`location:CODE`, `{"boxes": {CODE: {"location": …}}}`). Boxes there
    already are left out; when all are, nothing is recorded."""
    if not codes:
        raise InputError("box.nothing_given")
    with archive.change(
        Action.BOX_SHELVE, f"location:{location}", reason=reason, actor=actor
    ) as change:
        session = change.session
        boxes = [_box(session, code) for code in dict.fromkeys(codes)]
        place = _location(session, location)
        was: dict[str, Any] = {}
        for box in boxes:
            if box.location_id != place.id:
                was[box.code] = {"location": box.location.code if box.location else None}
                box.location_id = place.id
                box.location = place
        session.flush()
        summaries = [_summary(session, box) for box in boxes]
        if not was:
            change.nothing_changed()
        if len(boxes) == 1:
            change.target = f"box:{boxes[0].code}"
            change.before, change.after = was[boxes[0].code], {"location": place.code}
        else:
            change.target = f"location:{place.code}"
            change.before = {"boxes": was}
            change.after = {"boxes": {code: {"location": place.code} for code in was}}
    return summaries


def _boxes_stmt(session: Session, year: int | None, class_code: str | None) -> Any:
    stmt = (
        select(Box)
        .options(selectinload(Box.archive_class), selectinload(Box.location))
        .order_by(Box.year, Box.class_id, Box.number)
    )
    if year is not None:
        stmt = stmt.where(Box.year == year)
    if class_code:
        stmt = stmt.where(Box.class_id == _class(session, class_code).id)
    return stmt


def list_boxes(
    archive: Archive,
    year: int | None = None,
    class_code: str | None = None,
    location: str | None = None,
) -> list[BoxSummary]:
    with archive.db.reading() as session:
        stmt = _boxes_stmt(session, year, class_code)
        if location:
            ids = [loc.id for loc in locations_within(session, location)]
            stmt = stmt.where(Box.location_id.in_(ids))
        return [_summary(session, box) for box in session.scalars(stmt)]


def show_box_in(session: Session, box: Box) -> BoxView:
    summary = _summary(session, box)
    if box.kind == "volumes":
        return BoxView(
            **summary.__dict__,
            volumes=tuple(
                BoxVolume(
                    code=v.code,
                    case_no=v.case_no,
                    title=v.title,
                    items=len(v.entries),
                    status=VolumeState(v.status),
                )
                for v in _box_volumes(session, box)
            ),
        )
    return BoxView(
        **summary.__dict__,
        items=tuple(
            BoxEntry(
                seq=entry.seq,
                number=item.number,
                archival_code=item.archival_code,
                title=item.title,
                completed_on=item.completed_on.isoformat(),
            )
            for entry, item in _box_items(session, box)
        ),
    )


def show_box(archive: Archive, code: str) -> BoxView:
    with archive.db.reading() as session:
        return show_box_in(session, _box(session, code))


def box_origin(session: Session, code: str) -> BoxOrigin | None:
    """Who made the box and when: the change that made it (a box made, or a fill that
    made it); for a box older than its events, its first event."""
    events: list[AuditEvent] = []
    first = session.scalars(
        select(AuditEvent).where(AuditEvent.target == f"box:{code}").order_by(AuditEvent.seq)
    ).first()
    if first is not None:
        events.append(first)
    for event in session.scalars(
        select(AuditEvent)
        .where(AuditEvent.action == Action.BOX_FILL.code, AuditEvent.target.like("boxes:%"))
        .order_by(AuditEvent.seq)
    ):
        boxes = (event.after or {}).get("boxes") or {}
        if code in boxes:
            events.append(event)
            break
    if not events:
        return None
    made = min(events, key=lambda e: e.seq)
    return BoxOrigin(made.actor, made.at)


def unboxed(archive: Archive, code: str) -> list[BoxCandidate]:
    """What could go into the box: the unboxed volumes (a volume box) or the unboxed
    items not in a volume (an item box) of its fonds, year, class and retention, in
    order, each with `code` (the volume code or item number) and `title`."""
    with archive.db.reading() as session:
        box = _box(session, code)
        if box.kind == "volumes":
            return [
                BoxCandidate(v.code, v.title, len(v.entries))
                for v in session.scalars(
                    select(Volume)
                    .where(
                        Volume.fonds_id == box.fonds_id,
                        Volume.year == box.year,
                        Volume.class_id == box.class_id,
                        Volume.retention == box.retention,
                        Volume.box_id.is_(None),
                    )
                    .order_by(Volume.catalogue, Volume.case_no)
                )
            ]
        return [
            BoxCandidate(i.number, i.title, 1)
            for i in session.scalars(
                select(Item)
                .where(
                    Item.fonds_id == box.fonds_id,
                    Item.year == box.year,
                    Item.class_id == box.class_id,
                    Item.retention == box.retention,
                    Item.id.not_in(select(VolumeItem.item_id)),
                    Item.id.not_in(select(BoxItem.item_id)),
                )
                .order_by(Item.number)
            )
        ]


# -- spine labels -----------------------------------------------------------------------


def label_rows(
    archive: Archive,
    codes: Sequence[str] | None = None,
    *,
    year: int | None = None,
    class_code: str | None = None,
) -> list[SpineLabel]:
    """The spine/box label (卷脊/盒脊) of each box (`SpineLabel`): boxes named in `codes`
    (in that order), else every box of the year and class."""
    with archive.db.reading() as session:
        if codes:
            boxes = [_box(session, code) for code in codes]
        else:
            boxes = list(session.scalars(_boxes_stmt(session, year, class_code)))
        fonds = {f.id: f.code for f in session.scalars(select(Fonds))}
        rows = []
        for box in boxes:
            _held, span = _contents(session, box)
            rows.append(
                SpineLabel(
                    fonds_code=fonds.get(box.fonds_id, ""),
                    year=str(box.year),
                    retention=Retention(box.retention).label,
                    range=span,
                    box=f"{box.number:04d}",
                    barcode=box.code,
                    range_heading="案卷号" if box.kind == "volumes" else "起止件号",
                    kind=box.kind,
                    location=box.location.code if box.location else "",
                )
            )
        return rows


# -- where is it? -----------------------------------------------------------------------


def _where_box(
    query: str,
    kind: str,
    box: Box | None,
    *,
    item: str | None = None,
    archival_code: str | None = None,
    volume: str | None = None,
) -> Whereabouts:
    location = box.location if box else None
    return Whereabouts(
        code=query,
        kind=kind,
        item=item,
        archival_code=archival_code,
        volume=volume,
        box=box.code if box else None,
        location=location.code if location else None,
        location_barcode=(
            location_barcode(location.room, location.shelf, location.column_no, location.layer)
            if location
            else None
        ),
        place=(
            ShelfPlace(
                room=location.room,
                shelf=location.shelf,
                column=location.column_no,
                layer=location.layer,
                box=box.number if box else None,
            )
            if location
            else None
        ),
        chain=chain(location, box) if box else None,
        status=(
            WhereStatus.SHELVED if location else WhereStatus.BOXED if box else WhereStatus.UNBOXED
        ),
    )


def locate(session: Session, code: str) -> Whereabouts:
    """`where` inside a session: a box, volume, item (number or archival code) or
    location code -> its box and location chain."""
    box = find_box(session, code)
    if box is not None:
        return _where_box(code, "box", box)
    volume = find_volume(session, code)
    if volume is not None:
        holder = session.get(Box, volume.box_id) if volume.box_id else None
        return _where_box(code, "volume", holder, volume=volume.code)
    item = find_item(session, code)
    if item is not None:
        in_volume = volume_of(session, item.id)
        if in_volume is not None:
            holder = session.get(Box, in_volume.box_id) if in_volume.box_id else None
        else:
            holder = box_of_item(session, item.id)
        return _where_box(
            code,
            "item",
            holder,
            item=item.number,
            archival_code=item.archival_code,
            volume=in_volume.code if in_volume else None,
        )
    location = find_location(session, code)
    if location is not None:
        boxes = list(session.scalars(select(Box).where(Box.location_id == location.id)))
        view = _location_view(location, sorted(boxes, key=lambda b: b.code))
        return Whereabouts(
            code=code,
            kind="location",
            location=location.code,
            location_barcode=view.barcode,
            boxes=view.boxes,
            chain=location.code,
            status=WhereStatus.LOCATION,
        )
    raise NotFound("where.not_found", code=code)


def where(archive: Archive, code: str) -> Whereabouts:
    """Where is it? For an item (number or archival code), a volume or a box: its volume,
    box and place, `chain` 库房-架-列-层-盒; for a location: the boxes on it."""
    with archive.db.reading() as session:
        return locate(session, code)
