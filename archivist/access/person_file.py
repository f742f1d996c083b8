"""The person file (一人一档): by ID number, name or unit code, every item that concerns a
person or unit across years and classes — as the item's own person or unit, on a form's
roster, or as the person of a voucher — with its class, business type, date, retention
and where it is (volume, box, shelf, or on loan to whom), and the benefit events that
concern them.

One person is one ID number: the same ID number under a mistyped name is the same person
(every name seen is shown). A name shared by several identified people or units is
ambiguous: the answer lists them, each with a reference ("@12") to ask by.

Reads need READ; the file is written to the access log (VIEW_LIST, "person:<masked ID or
name>"); ID numbers are shown in full only to those who need them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.capture.benefit_events import BenefitEventView, view_of
from archivist.db.models import (
    ArchiveClass,
    BenefitEvent,
    Box,
    BoxItem,
    BusinessType,
    Entity,
    Item,
    Location,
    Material,
    RosterEntry,
    Volume,
    VolumeItem,
)
from archivist.errors import InputError, NotFound
from archivist.messages import render
from archivist.rules.identity import mask_id_number, normalise_id_number, normalise_unit_code
from archivist.rules.limits import MAX_NAME, check_text

HOW_ORDER = ("entity", "roster", "voucher")
_REF = re.compile(r"^@(\d{1,12})$")
_ID_LIKE = re.compile(r"^\d{17}[\dXx]$")
_CODE_LIKE = re.compile(r"^[0-9A-Za-z]{18}$")


@dataclass(frozen=True)
class PersonWho:
    """Whom the file is about: every name seen, the ID number (masked unless needed) or
    the unit's credit code, and the reference to ask by ("@12"; None for a name only)."""

    kind: str  # person | unit
    names: tuple[str, ...]
    id_number: str | None = None
    unit_code: str | None = None
    ref: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "names": list(self.names),
            "id_number": self.id_number,
            "unit_code": self.unit_code,
            "ref": self.ref,
        }


@dataclass(frozen=True)
class PersonFileEntry:
    number: str
    title: str
    class_code: str
    class_name: str
    business_type: str
    completed_on: dt.date
    retention: str
    how: str  # entity | roster | voucher (the closest link when several)
    volume: str | None
    box: str | None
    location: str | None
    on_loan: str | None  # "borrower (request, due date)" while out

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "class": self.class_code,
            "class_name": self.class_name,
            "business_type": self.business_type,
            "completed_on": self.completed_on.isoformat(),
            "retention": self.retention,
            "how": self.how,
            "volume": self.volume,
            "box": self.box,
            "location": self.location,
            "on_loan": self.on_loan,
        }


@dataclass(frozen=True)
class PersonFile:
    query: str  # as logged: an ID number masked
    who: PersonWho
    entries: tuple[PersonFileEntry, ...]
    events: tuple[BenefitEventView, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "who": self.who.to_json(),
            "entries": [e.to_json() for e in self.entries],
            "events": [e.to_json() for e in self.events],
        }


@dataclass
class _Found:
    """What a query gathered: items with how they concern the person, names, events."""

    kind: str = "person"
    entity_ids: set[int] = field(default_factory=set)
    id_number: str | None = None
    unit_code: str | None = None
    ref: str | None = None
    names: list[str] = field(default_factory=list)
    items: dict[int, str] = field(default_factory=dict)  # item id -> how
    events: set[int] = field(default_factory=set)

    def name(self, text: str | None) -> None:
        if text and text not in self.names:
            self.names.append(text)

    def link(self, item_id: int, how: str) -> None:
        known = self.items.get(item_id)
        if known is None or HOW_ORDER.index(how) < HOW_ORDER.index(known):
            self.items[item_id] = how


def person_file(archive: Archive, query: str) -> PersonFile:
    """The person file for `query`: an ID number (checked), a unit's credit code, a
    name, or a reference "@12" from an ambiguous answer."""
    text = query.strip() if isinstance(query, str) else ""
    logged = f"person:{_logged(text)}"[:200]
    person = require(archive, Right.READ, logged)
    reveal = person.sees_id_numbers
    with archive.db.reading() as session:
        found = _find(session, text)
        if not found.items and not found.events:
            raise NotFound("person.not_found", query=_logged(text))
        entries = _entries(session, found.items)
        events = tuple(_events(session, found.events, reveal))
    id_number = found.id_number
    who = PersonWho(
        kind=found.kind,
        names=tuple(found.names),
        id_number=(id_number if reveal else mask_id_number(id_number)) if id_number else None,
        unit_code=found.unit_code,
        ref=found.ref,
    )
    # the log names whom the file was about: the masked ID number, the credit code or name
    about = mask_id_number(id_number) if id_number else found.unit_code or found.names[0]
    record(
        archive,
        AccessKind.VIEW_LIST,
        f"person:{about}"[:200],
        {"items": len(entries), "events": len(events), "query": _logged(text)},
    )
    return PersonFile(query=_logged(text), who=who, entries=entries, events=events)


def item_person_query(archive: Archive, number: str) -> str:
    """What to ask the person file for an item's own person or unit: its reference
    ("@12"), which finds them whatever their name and whether or not the asker may see
    their ID number (READ)."""
    require(archive, Right.READ, f"item:{number}"[:200])
    with archive.db.reading() as session:
        entity_id = session.scalar(select(Item.entity_id).where(Item.number == number))
    if entity_id is None:
        raise NotFound("item.not_found", number=number[:40])
    return f"@{entity_id}"


def _logged(text: str) -> str:
    """The query as the access log and messages may show it: an ID number masked."""
    if _ID_LIKE.match(text):
        return mask_id_number(text.upper())
    return text[:MAX_NAME]


# -- finding -----------------------------------------------------------------------------


def _find(session: Session, text: str) -> _Found:
    if not text:
        raise InputError("person.bad_query")
    ref = _REF.match(text)
    if ref:
        entity = session.get(Entity, int(ref.group(1)))
        if entity is None:
            raise NotFound("person.bad_ref", ref=text)
        return _by_entity(session, entity)
    if _ID_LIKE.match(text):
        try:
            id_number = normalise_id_number(text)
        except InputError:
            if _unit_code(text) is None:
                raise
        else:
            return _by_id_number(session, id_number)
    if _CODE_LIKE.match(text) and any(c.isdigit() for c in text):
        code = _unit_code(text)
        if code is None:
            normalise_unit_code(text)  # raises, naming what is wrong
        else:
            entity = session.scalar(select(Entity).where(Entity.unit_code == code))
            if entity is None:
                raise NotFound("person.not_found", query=code)
            return _by_entity(session, entity)
    name = check_text(text, "query", MAX_NAME, required=True)
    return _by_name(session, name)


def _unit_code(text: str) -> str | None:
    try:
        return normalise_unit_code(text)
    except InputError:
        return None


def _by_id_number(session: Session, id_number: str) -> _Found:
    entity = session.scalar(select(Entity).where(Entity.id_number == id_number))
    if entity is not None:
        return _by_entity(session, entity)
    found = _Found(id_number=id_number)  # only benefit events may name it
    _gather_events(session, found)
    return found


def _by_entity(session: Session, entity: Entity) -> _Found:
    found = _Found(
        kind=entity.kind,
        entity_ids={entity.id},
        id_number=entity.id_number,
        unit_code=entity.unit_code,
        ref=f"@{entity.id}",
    )
    found.name(entity.name)
    _gather(session, found)
    return found


def _gather(session: Session, found: _Found) -> None:
    """Items that concern the found entities: as their person or unit, on a roster, as a
    voucher's person; and the names they are written under there."""
    ids = list(found.entity_ids)
    for (item_id,) in session.execute(select(Item.id).where(Item.entity_id.in_(ids))):
        found.link(item_id, "entity")
    for item_id, name in session.execute(
        select(RosterEntry.item_id, RosterEntry.name).where(RosterEntry.entity_id.in_(ids))
    ):
        found.link(item_id, "roster")
        found.name(name)
    for item_id, person_name in session.execute(
        select(Material.item_id, Material.person_name).where(
            Material.person_entity_id.in_(ids), Material.role == "voucher"
        )
    ):
        found.link(item_id, "voucher")
        found.name(person_name)
    _gather_events(session, found)


def _gather_events(session: Session, found: _Found) -> None:
    terms: list[ColumnElement[bool]] = []
    if found.entity_ids:
        terms.append(BenefitEvent.entity_id.in_(list(found.entity_ids)))
    if found.id_number:
        terms.append(BenefitEvent.person_id_number == found.id_number)
    if not terms:
        return
    for event_id, name in session.execute(
        select(BenefitEvent.id, BenefitEvent.person_name).where(or_(*terms))
    ):
        found.events.add(event_id)
        found.name(name)


def _by_name(session: Session, name: str) -> _Found:
    """A name: the identified people or units of that name (by the entities of that name
    and whoever is written under it on rosters, vouchers and events) — one of them, or
    ambiguous — with what is written under the name without any ID number."""
    identified: dict[int, Entity] = {}
    nameless: set[int] = set()  # entities of that name without ID number or code
    for entity in session.scalars(select(Entity).where(Entity.name == name)):
        if entity.id_number or entity.unit_code:
            identified[entity.id] = entity
        else:
            nameless.add(entity.id)
    linked: set[int] = set()
    unlinked_roster: list[int] = []
    unlinked_voucher: list[int] = []
    for item_id, entity_id in session.execute(
        select(RosterEntry.item_id, RosterEntry.entity_id).where(RosterEntry.name == name)
    ):
        if entity_id is None:
            unlinked_roster.append(item_id)
        else:
            linked.add(entity_id)
    for item_id, entity_id in session.execute(
        select(Material.item_id, Material.person_entity_id).where(
            Material.person_name == name, Material.role == "voucher"
        )
    ):
        if entity_id is None:
            unlinked_voucher.append(item_id)
        else:
            linked.add(entity_id)
    event_ids: list[int] = []
    event_numbers: set[str] = set()
    for event_id, entity_id, id_number in session.execute(
        select(BenefitEvent.id, BenefitEvent.entity_id, BenefitEvent.person_id_number).where(
            BenefitEvent.person_name == name
        )
    ):
        if entity_id is not None:
            linked.add(entity_id)
        elif id_number:
            event_numbers.add(id_number)
        else:
            event_ids.append(event_id)
    for entity in session.scalars(select(Entity).where(Entity.id.in_(list(linked)))):
        if entity.id_number or entity.unit_code:
            identified.setdefault(entity.id, entity)
        else:
            nameless.add(entity.id)
    known_numbers = {e.id_number for e in identified.values() if e.id_number}
    event_numbers -= known_numbers
    if len(identified) + len(event_numbers) > 1:
        choices = [
            f"@{e.id}（{e.name} {mask_id_number(e.id_number) if e.id_number else e.unit_code}）"
            for e in sorted(identified.values(), key=lambda e: e.id)
        ] + [mask_id_number(n) for n in sorted(event_numbers)]
        raise InputError(
            "person.ambiguous",
            query=name,
            count=len(choices),
            choices="；".join(choices),
        )
    if identified:
        found = _by_entity(session, next(iter(identified.values())))
    elif event_numbers:
        found = _Found(id_number=next(iter(event_numbers)))
        _gather_events(session, found)
    else:
        found = _Found()
    found.name(name)
    if nameless:  # the same name without an ID number: shown with it
        extra = _Found(entity_ids=nameless)
        _gather(session, extra)
        for item_id, how in extra.items.items():
            found.link(item_id, how)
        found.events |= extra.events
        if not found.entity_ids:
            found.kind = next(
                iter(session.scalars(select(Entity.kind).where(Entity.id.in_(list(nameless)))))
            )
    for item_id in unlinked_roster:
        found.link(item_id, "roster")
    for item_id in unlinked_voucher:
        found.link(item_id, "voucher")
    found.events.update(event_ids)
    return found


# -- reading back --------------------------------------------------------------------------


def _entries(session: Session, items: dict[int, str]) -> tuple[PersonFileEntry, ...]:
    if not items:
        return ()
    loans = _on_loan(session, set(items))
    rows = session.execute(
        select(
            Item.id,
            Item.number,
            Item.title,
            ArchiveClass.code,
            ArchiveClass.name,
            BusinessType.name,
            Item.completed_on,
            Item.retention,
        )
        .join(ArchiveClass, ArchiveClass.id == Item.class_id)
        .join(BusinessType, BusinessType.id == Item.business_type_id)
        .where(Item.id.in_(list(items)))
        .order_by(Item.completed_on, Item.number)
    ).all()
    places = _places(session, list(items))
    entries = []
    for item_id, number, title, class_code, class_name, bt_name, completed_on, retention in rows:
        volume, box, location = places.get(item_id, (None, None, None))
        entries.append(
            PersonFileEntry(
                number=number,
                title=title,
                class_code=class_code,
                class_name=class_name,
                business_type=bt_name,
                completed_on=completed_on,
                retention=retention,
                how=items[item_id],
                volume=volume,
                box=box,
                location=location,
                on_loan=loans.get(item_id),
            )
        )
    return tuple(entries)


Place = tuple[str | None, str | None, str | None]


def _places(session: Session, item_ids: list[int]) -> dict[int, Place]:
    """Item id -> (volume, box, location) codes, for many items in two queries: what
    `where` says of each (an item in a volume is where its volume's box is; an item
    boxed on its own, where its box is)."""
    found: dict[int, Place] = {}
    for item_id, volume, box, location in session.execute(
        select(VolumeItem.item_id, Volume.code, Box.code, Location.code)
        .join(Volume, Volume.id == VolumeItem.volume_id)
        .outerjoin(Box, Box.id == Volume.box_id)
        .outerjoin(Location, Location.id == Box.location_id)
        .where(VolumeItem.item_id.in_(item_ids))
    ):
        found[item_id] = (volume, box, location)
    for item_id, box, location in session.execute(
        select(BoxItem.item_id, Box.code, Location.code)
        .join(Box, Box.id == BoxItem.box_id)
        .outerjoin(Location, Location.id == Box.location_id)
        .where(BoxItem.item_id.in_(item_ids))
    ):
        found.setdefault(item_id, (None, box, location))
    return found


def _on_loan(session: Session, item_ids: set[int]) -> dict[int, str]:
    """Item id -> who has it ("borrower (request, due date)") for those out on loan."""
    try:
        from archivist.use.lending import on_loan
    except ImportError:  # lending not built yet: nothing is out
        return {}
    notes = on_loan(session, item_ids)
    return {item_id: loan_text(note) for item_id, note in notes.items()}


def loan_text(note: Any) -> str:
    borrower = str(getattr(note, "borrower_name", "") or "")
    unit = str(getattr(note, "borrower_unit", "") or "")
    due = getattr(note, "due_on", None)
    return render(
        "person.loan",
        {
            "borrower": f"{borrower}（{unit}）" if unit else borrower,
            "number": getattr(note, "number", ""),
            "due": due.isoformat() if isinstance(due, dt.date) else "—",
        },
    )


def _events(session: Session, ids: Iterable[int], reveal: bool) -> list[BenefitEventView]:
    wanted = list(set(ids))
    if not wanted:
        return []
    rows = session.execute(
        select(BenefitEvent, Item.number)
        .join(Item, Item.id == BenefitEvent.item_id)
        .where(BenefitEvent.id.in_(wanted))
        .order_by(BenefitEvent.happened_on, BenefitEvent.id)
    ).all()
    return [view_of(row, number, reveal_ids=reveal) for row, number in rows]
