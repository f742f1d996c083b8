"""Custody (保管): shelf locations.

A location is a place on the shelves, 库房-架-列-层 (room, shelf, column, layer), shown as
`1库-03架-2列-4层`; its barcode text `LOC-1-03-2-4` says the same in ASCII. A location
holds any number of boxes. `Place` is a location or a leading part of one (a room, a
shelf, a column): its `code`, its `levels` and what it `covers` are the one reading of
location codes (the window's tree of places asks it too).

Adding a location is one change of the archive (`Archive.change`) with one audit event.
The results are frozen dataclasses; `to_json()` gives the command line's `--json` shape.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.changes.actions import Action
from archivist.db.models import Box, Location
from archivist.errors import InputError, NotFound

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


# -- lookups -------------------------------------------------------------------------


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


# -- locations -----------------------------------------------------------------------


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


def add_location(archive: Archive, room: str, shelf: int, column: int, layer: int) -> LocationView:
    """Register a place on the shelves (库房-架-列-层)."""
    name = normalise_room(room)
    numbers = (
        _check_place_number("架 shelf", shelf),
        _check_place_number("列 column", column),
        _check_place_number("层 layer", layer),
    )
    code = location_code(name, *numbers)
    with archive.change(Action.LOCATION_ADD, f"location:{code}") as change:
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
    require(archive, Right.READ, "locations")
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
