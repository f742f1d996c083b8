"""Custody (保管): boxes — made, filled, changed and shelved.

A box (盒) holds either volumes (按卷) or items of an item-based archive (按件, in item
number order), all of one year, one class (机构/问题) and one retention period: different
years, organisations or retention periods never share a box (DA/T 22). Box numbers (盒号)
are issued gap-free per fonds, year and class. The box code is also its barcode text,
`全宗号-年度-类别-保管期限-B盒号`, e.g. `J023-2023-SY-D10-B0001`: printable ASCII (Code 128
code set B), unique, and read back by `parse_box_code`. An item that is in a volume is
boxed with its volume, never on its own.

Every change (a box made, filled, changed or shelved) is one change of
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
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.changes import audit
from archivist.changes.actions import Action
from archivist.changes.states import VolumeState
from archivist.custody.locations import _location, locations_within
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

_BOX_CODE = re.compile(
    r"^(?P<fonds>.+)-(?P<year>\d{4})-(?P<klass>[A-Z0-9]+)-(?P<retention>[A-Z0-9+]+)"
    r"-B(?P<number>\d{4,})$"
)


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
class BoxOrigin:
    """Who made a box and when (ISO time), from the change that made it."""

    actor: str
    at: str


# -- lookups -------------------------------------------------------------------------


def _class(session: Session, code: str) -> ArchiveClass:
    found = session.scalar(select(ArchiveClass).where(ArchiveClass.code == code.strip().upper()))
    if found is None:
        raise InputError("class.unknown", value=code)
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


# -- boxes ---------------------------------------------------------------------------


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
) -> BoxSummary:
    """Make an empty box with the next box number of the year and class."""
    check_kind(kind)
    period = parse_retention(retention).code
    with archive.change(Action.BOX_CREATE, "box:") as change:
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
) -> BoxView:
    """Put unboxed volumes (a volume box) or unboxed items (an item box) into a box.

    Refused, with the rule's reason: another year, class or retention period; a volume
    or item already in another box (move it instead); an item that is in a volume."""
    with archive.change(Action.BOX_PUT, f"box:{code}", reason=reason) as change:
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
) -> BoxView:
    """Move boxed volumes or items to another box of the same year, class and retention.
    One event, on the box moved to, holds the states of every box concerned."""
    with archive.change(Action.BOX_MOVE, f"box:{to_code}", reason=reason) as change:
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
) -> BoxView:
    """Take volumes or items out of a box (they are unboxed afterwards)."""
    with archive.change(Action.BOX_TAKE_OUT, f"box:{code}", reason=reason) as change:
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
) -> list[BoxSummary]:
    """Box the year's unboxed items of a class (item-based filing) in number order.

    Items of each retention period go into their own boxes: the last box of that period
    is topped up first when the new items follow its last one, then new boxes are made
    with `capacity` items each. Items in volumes are left to their volumes. One event
    (`boxes:YEAR-CLASS`) holds every box filled."""
    if not isinstance(capacity, int) or capacity < 1:
        raise InputError("box.bad_capacity", value=capacity)
    target = f"boxes:{year}-{class_code.strip().upper()}"
    with archive.change(Action.BOX_FILL, target) as change:
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


def shelve(archive: Archive, code: str, location: str, reason: str) -> BoxSummary:
    """Put a box at a location (or move it to another one), audited with the reason."""
    [summary] = shelve_boxes(archive, [code], location, reason)
    return summary


def shelve_boxes(
    archive: Archive,
    codes: Sequence[str],
    location: str,
    reason: str,
) -> list[BoxSummary]:
    """Put boxes at a location (boxes on a shelf move there): one change, one event.
    One box: the event is the box's (`box:CODE`, its location before and after); several:
    the location's (`location:CODE`, `{"boxes": {CODE: {"location": …}}}`). Boxes there
    already are left out; when all are, nothing is recorded."""
    if not codes:
        raise InputError("box.nothing_given")
    with archive.change(Action.BOX_SHELVE, f"location:{location}", reason=reason) as change:
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
    require(archive, Right.READ, "boxes")
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
    require(archive, Right.READ, f"box:{code}"[:200])
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
