"""Items: look them up, list them; reorder, edit and renumber them, each one audited
change through the archive's unit of work (`archive.change`)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.capture import entities
from archivist.changes import audit, states
from archivist.changes.actions import Action
from archivist.changes.states import ItemState
from archivist.changes.unit_of_work import Change
from archivist.db.models import (
    ArchiveClass,
    BusinessType,
    Entity,
    Hold,
    Item,
    Material,
    NumberVacancy,
    RosterEntry,
    VolumeItem,
)
from archivist.errors import InputError, NotFound
from archivist.faults import crash_point
from archivist.messages import render
from archivist.rules import scheme
from archivist.rules.identity import mask_id_number
from archivist.rules.limits import check_item_values
from archivist.rules.numbering import CodeParts, archival_code, item_number, next_serial
from archivist.rules.ordering import OrderInput, arrange, explain, override_basis
from archivist.rules.retention import Retention
from archivist.storage.filestore import (
    item_folder,
    material_filename,
    seq_width,
    translate_os_error,
)
from archivist.storage.journal import FileMoves, Journal


def load_item(session: Session, number: str) -> Item:
    item = session.scalar(
        select(Item)
        .where(Item.number == number)
        .options(
            selectinload(Item.materials),
            selectinload(Item.roster),
            selectinload(Item.entity),
            selectinload(Item.archive_class),
            selectinload(Item.business_type),
            selectinload(Item.fonds),
        )
    )
    if item is None:
        raise NotFound("item.not_found", number=number)
    return item


def _searchable(root: Path | None, material_id: int) -> str | None:
    if root is None:
        return None
    path = root / "derived" / "searchable" / f"{material_id}.pdf"
    return path.relative_to(root).as_posix() if path.exists() else None


def item_view(
    session: Session,
    item: Item,
    *,
    reveal_ids: bool = False,
    history: bool = True,
    archive_root: Path | None = None,
) -> dict[str, Any]:
    entity = item.entity
    id_number = entity.id_number
    people = {
        e.id: e
        for e in session.scalars(
            select(Entity).where(
                Entity.id.in_([m.person_entity_id for m in item.materials if m.person_entity_id])
            )
        )
    }
    view: dict[str, Any] = {
        "number": item.number,
        "archival_code": item.archival_code,
        "class": item.archive_class.code,
        "class_name": item.archive_class.name,
        "business_type": item.business_type.name,
        "completed_on": item.completed_on.isoformat(),
        "year": item.year,
        "entity": {
            "kind": entity.kind,
            "name": entity.name,
            "id_number": (id_number if reveal_ids else mask_id_number(id_number))
            if id_number
            else None,
            "unit_code": entity.unit_code,
        },
        "title": item.title,
        "handler": item.handler,
        "retention": item.retention,
        "retention_label": Retention(item.retention).label,
        "expires_on": item.expires_on.isoformat() if item.expires_on else None,
        "status": item.status,
        "folder": item.folder,
        "captured_at": item.captured_at,
        "captured_by": item.captured_by,
        "order_override": item.order_override,
        "roster": [r.name for r in item.roster],
        "pages": sum(m.pages for m in item.materials),
        "materials": [
            {
                "seq": m.seq,
                "role": m.role,
                "importance": m.importance,
                "person": m.person_name,
                "person_id_number": _person_id(people.get(m.person_entity_id or -1), reveal_ids),
                "origin": m.origin,
                "title": m.title,
                "file": m.file,
                "original_name": m.original_name,
                "media_type": m.media_type,
                "pages": m.pages,
                "size": m.size,
                "sha256": m.sha256,
                "order_reason": explain(m.order_basis),
                "searchable_copy": _searchable(archive_root, m.id),
                "order_basis": m.order_basis,
                "warnings": [render(c, {"file": m.original_name}) for c in m.warnings or []],
            }
            for m in item.materials
        ],
    }
    view["warnings"] = [w for m in view["materials"] for w in m["warnings"]]
    view["change"] = may_change(session, item)
    if history:
        view["history"] = audit.history(session, f"item:{item.capture_id}")
    return view


def _person_id(entity: Entity | None, reveal: bool) -> str | None:
    if entity is None or not entity.id_number:
        return None
    return entity.id_number if reveal else mask_id_number(entity.id_number)


def show(archive: Archive, number: str) -> dict[str, Any]:
    """The item's view for the signed-in person (READ; ID numbers in full only for those
    who need them), written to the access log as a view of the item."""
    person = require(archive, Right.READ, f"item:{number}"[:200])
    with archive.db.reading() as session:
        view = item_view(
            session,
            load_item(session, number),
            reveal_ids=person.sees_id_numbers,
            archive_root=archive.root,
        )
    record(archive, AccessKind.VIEW_ITEM, f"item:{view['number']}"[:200])
    return view


@dataclass(frozen=True)
class ItemFilter:
    year: int | None = None
    class_code: str | None = None
    entity: str | None = None
    business_type: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class ItemRow:
    """One item as a list shows it."""

    number: str
    archival_code: str
    class_code: str
    business_type: str
    completed_on: dt.date
    entity_kind: str
    entity_name: str
    title: str
    retention: str
    expires_on: dt.date | None
    status: ItemState
    folder: str

    def to_json(self) -> dict[str, Any]:
        """The row as `item list --json` prints it."""
        return {
            "number": self.number,
            "archival_code": self.archival_code,
            "class": self.class_code,
            "business_type": self.business_type,
            "completed_on": self.completed_on.isoformat(),
            "entity": {"kind": self.entity_kind, "name": self.entity_name},
            "title": self.title,
            "retention": self.retention,
            "expires_on": self.expires_on.isoformat() if self.expires_on else None,
            "status": self.status.value,
            "folder": self.folder,
        }


def list_items(archive: Archive, query: ItemFilter) -> list[ItemRow]:
    require(archive, Right.READ, "items")
    record(
        archive,
        AccessKind.VIEW_LIST,
        "items",
        {k: v for k, v in vars(query).items() if v not in (None, 0, "")},
    )
    stmt = (
        select(Item, ArchiveClass.code, BusinessType.name, Entity.name, Entity.kind)
        .join(ArchiveClass, ArchiveClass.id == Item.class_id)
        .join(BusinessType, BusinessType.id == Item.business_type_id)
        .join(Entity, Entity.id == Item.entity_id)
        .order_by(Item.year, ArchiveClass.code, Item.serial)
    )
    if query.year is not None:
        stmt = stmt.where(Item.year == query.year)
    if query.class_code:
        stmt = stmt.where(ArchiveClass.code == query.class_code.upper())
    if query.business_type:
        stmt = stmt.where(BusinessType.name == query.business_type)
    if query.entity:
        stmt = stmt.where(Entity.name.contains(query.entity))
    if query.offset:
        stmt = stmt.offset(query.offset)
    if query.limit:
        stmt = stmt.limit(query.limit)
    with archive.db.reading() as session:
        return [
            ItemRow(
                number=item.number,
                archival_code=item.archival_code,
                class_code=code,
                business_type=bt,
                completed_on=item.completed_on,
                entity_kind=kind,
                entity_name=name,
                title=item.title,
                retention=item.retention,
                expires_on=item.expires_on,
                status=ItemState(item.status),
                folder=item.folder,
            )
            for item, code, bt, name, kind in session.execute(stmt)
        ]


def rule_order(item: Item) -> list[int]:
    """Material ids in the order the rules give, from the stored attributes."""
    positions = {r.name: r.position for r in item.roster}
    by_index = {m.capture_index: m for m in item.materials}
    placements = arrange(
        [
            OrderInput(
                capture_index=m.capture_index,
                role=m.role,
                title=m.title,
                importance=m.importance if m.importance_given else None,
                person_position=positions.get(m.person_name) if m.person_name else None,
                person_name=m.person_name,
                source=m.source,
                nature=m.nature,
                is_copy=m.is_copy,
                is_attachment=m.is_attachment,
            )
            for m in item.materials
        ]
    )
    return [by_index[p.capture_index].id for p in placements]


def _snapshot(item: Item) -> dict[str, Any]:
    return {
        "number": item.number,
        "archival_code": item.archival_code,
        "class": item.archive_class.code,
        "business_type": item.business_type.name,
        "completed_on": item.completed_on.isoformat(),
        "title": item.title,
        "handler": item.handler,
        "retention": item.retention,
        "expires_on": item.expires_on.isoformat() if item.expires_on else None,
        "folder": item.folder,
        "materials": [{"seq": m.seq, "title": m.title, "file": m.file} for m in item.materials],
    }


# A change plan: gets the open change and the item inside its write transaction, changes
# the item's fields, and returns the new seq of each material (by id); files are renamed
# to match.
ChangePlan = Callable[[Change, Item], dict[int, int]]


def _target(archive: Archive, number: str) -> str:
    """The audit target of an item (its capture id never changes), or NotFound."""
    with archive.db.reading() as session:
        capture_id = session.scalar(select(Item.capture_id).where(Item.number == number))
    if capture_id is None:
        raise NotFound("item.not_found", number=number)
    return f"item:{capture_id}"


def _change_with_files(
    archive: Archive,
    number: str,
    action: Action,
    reason: str | None,
    plan: ChangePlan,
) -> str:
    """Apply a change to an item whose stored files must be renamed or moved with it.

    Files move in a journaled two-phase rename inside the change's database transaction
    (the journal's op id is the audit event's), so a crash leaves either the old state
    or the new one, files and rows alike. Returns the item's number after the change.
    """
    target = _target(archive, number)
    try:
        entry = Journal.start(archive.layout.journals, "moves")
    except OSError as exc:
        raise translate_os_error(exc, archive.layout.journals) from None
    work: Change | None = None
    moves = FileMoves(archive.root)
    try:
        with archive.change(action, target, reason=reason, op_id=entry.op_id) as work:
            session = work.session
            item = load_item(session, number)
            _not_handed_over(session, item)
            work.before = _snapshot(item)
            new_seq = plan(work, item)
            width = seq_width(len(item.materials))
            new_files = {
                m.id: f"{item.folder}/"
                + material_filename(new_seq[m.id], m.role, m.original_name, width)
                for m in item.materials
            }
            for m in item.materials:
                moves.add(m.file, new_files[m.id], entry.op_id)
            try:
                moves.apply(entry, crash_point)
            except OSError as exc:
                raise translate_os_error(exc, archive.root / item.folder) from None
            crash_point(f"{action.code}.after_moves")
            # Two steps so unique (item, seq) and file paths never collide mid-flush.
            for m in item.materials:
                m.seq = -m.seq
                m.file = f"{m.file}.{entry.op_id}"
            session.flush()
            for m in item.materials:
                m.seq = new_seq[m.id]
                m.file = new_files[m.id]
            session.flush()
            session.refresh(item, ["materials"])
            work.after = {**(work.after or {}), **_snapshot(item)}
            result = item.number
        moves.prune()  # the old folders, now empty
    except BaseException:
        if work is None or work.changes is None:  # not committed
            with contextlib.suppress(OSError):  # else the journal lets the next open undo it
                moves.undo(int(entry.data.get("phase", 1)))
        raise
    finally:
        entry.finish()
    return result


def _keep_time_order(work: Change, item: Item) -> None:
    """The item's volume, if any, puts it back in time order (the completion date
    changed): the volume's after-state goes into the item's change."""
    reordered = volumes.keep_time_order(work.session, item)
    if reordered is not None:
        work.after = {**(work.after or {}), "volume": reordered.after}


def reorder(archive: Archive, number: str, order: list[int], reason: str) -> dict[str, Any]:
    """Put an item's materials in the order given (current seq numbers), with a reason."""
    with archive.db.reading() as session:
        current = [m.seq for m in load_item(session, number).materials]
    if sorted(order) != sorted(current):
        raise InputError("reorder.bad_sequence", detail=f"{order} vs {current}")

    def plan(work: Change, item: Item) -> dict[int, int]:
        by_seq = {m.seq: m for m in item.materials}
        rules = rule_order(item)
        new_seq = {by_seq[old].id: new for new, old in enumerate(order, start=1)}
        for m in item.materials:
            m.order_basis = override_basis(work.reason, rules.index(m.id) + 1)
        item.order_override = work.reason
        return new_seq

    _change_with_files(archive, number, Action.ITEM_REORDER, reason, plan)
    return show(archive, number)


def edit(
    archive: Archive,
    number: str,
    *,
    reason: str,
    title: str | None = None,
    handler: str | None = None,
    completed_on: dt.date | None = None,
) -> dict[str, Any]:
    """Correct an item's title, handler or completion date (within the same year).

    A date in another month moves the item's folder; a date in another year changes
    the number, which only `renumber` may do.
    """
    if title is None and handler is None and completed_on is None:
        raise InputError("edit.nothing")
    title, handler = check_item_values(
        title=title, handler=handler, completed_on=completed_on, file=number
    )

    def plan(work: Change, item: Item) -> dict[int, int]:
        if completed_on is not None:
            if completed_on.year != item.year:
                raise InputError("edit.needs_renumber", number=item.number)
            item.completed_on = completed_on
            item.expires_on = Retention(item.retention).expires_on(completed_on)
            _keep_time_order(work, item)
        if title is not None:
            item.title = title
        if handler is not None:
            item.handler = handler
        item.folder = item_folder(
            item.business_type.name, item.completed_on, item.entity.name, item.number
        )
        return {m.id: m.seq for m in item.materials}

    _change_with_files(archive, number, Action.ITEM_EDIT, reason, plan)
    return show(archive, number)


def change_refusal(session: Session, item: Item) -> InputError | None:
    """Why the item may not change (as the error a change would raise), or None.

    Items of a volume handed over to the archive are in its custody: no changes. The
    one rule every change of an item (edit, renumber, reorder, correcting its person or
    unit) obeys, and what the window asks before offering those changes."""
    if item.status == ItemState.DESTROYED.value:  # only its stub is left (issue 15)
        return InputError("item.destroyed", number=item.number)
    entry = session.scalar(select(VolumeItem).where(VolumeItem.item_id == item.id))
    if entry is not None and states.frozen(entry.volume.status):
        return InputError("volume.handed_over", code=entry.volume.code)
    return None


def may_change(session: Session, item: Item) -> dict[str, Any]:
    """{"allowed": bool, "code": the refusal's code or None, "reason": its sentence}."""
    refusal = change_refusal(session, item)
    if refusal is None:
        return {"allowed": True, "code": None, "reason": None}
    return {"allowed": False, "code": refusal.code, "reason": refusal.message()}


def _not_handed_over(session: Session, item: Item) -> None:
    refusal = change_refusal(session, item)
    if refusal is not None:
        raise refusal


def _retention_rank(period: Retention) -> float:
    """Longer is larger: permanent longest, then the fixed terms by years; a period that
    runs from a later event is counted as none (it is never taken as a shortening)."""
    if period.is_permanent:
        return float("inf")
    years = period.years
    return float(years) if years is not None else float("-inf")


def _not_shortened_while_held(session: Session, item: Item, new: Retention) -> None:
    """A held record (on hold directly or through its volume) keeps at least its period.
    A small query on the holds table: arrangement does not import disposition."""
    old = Retention(item.retention)
    if new.years is None and not new.is_permanent:
        return
    if _retention_rank(new) >= _retention_rank(old):
        return
    volume_ids = select(VolumeItem.volume_id).where(VolumeItem.item_id == item.id)
    holds = list(
        session.scalars(
            select(Hold.number)
            .where(
                Hold.state == states.HoldState.PLACED.value,
                (Hold.item_id == item.id) | Hold.volume_id.in_(volume_ids),
            )
            .order_by(Hold.number)
        )
    )
    if holds:
        raise InputError(
            "hold.shortens_retention",
            number=item.number,
            holds=", ".join(holds[:5]),
            old=old.label,
            new=new.label,
        )


def _still_fits_volume(
    session: Session, item: Item, year: int, class_id: int, retention: str
) -> None:
    """An item in a volume keeps its volume's year, class and retention: take it out of
    the volume first (volumes never span years or classes)."""
    entry = session.scalar(select(VolumeItem).where(VolumeItem.item_id == item.id))
    if entry is not None and (year, class_id, retention) != (
        entry.volume.year,
        entry.volume.class_id,
        entry.volume.retention,
    ):
        raise InputError("volume.item_would_leave", number=item.number, code=entry.volume.code)


def renumber(
    archive: Archive,
    number: str,
    *,
    reason: str,
    class_code: str | None = None,
    business_type: str | None = None,
    completed_on: dt.date | None = None,
) -> dict[str, Any]:
    """Correct what an item's number and archival code stand on: its class, business
    type (and so retention) or year. The old serial is left vacant with the reason (so
    `verify` can tell the gap is explained), and the change is audited."""
    if class_code is None and business_type is None and completed_on is None:
        raise InputError("edit.nothing")
    check_item_values(completed_on=completed_on, file=number)
    template = archive.setting("archival_code_template")
    category = archive.setting("category_code")

    def plan(work: Change, item: Item) -> dict[int, int]:
        session = work.session
        code = (class_code or item.archive_class.code).upper()
        bt_name = business_type or item.business_type.name
        resolved = scheme.resolve(session, code, bt_name)
        day = completed_on or item.completed_on
        _still_fits_volume(session, item, day.year, resolved.class_id, resolved.retention.code)
        _not_shortened_while_held(session, item, resolved.retention)
        previous_type = item.business_type_id
        old = (item.year, item.class_id, item.serial, item.number, item.archival_code)
        if (day.year, resolved.class_id) != (item.year, item.class_id):
            session.add(
                NumberVacancy(
                    year=item.year,
                    class_id=item.class_id,
                    serial=item.serial,
                    number=item.number,
                    reason=work.reason,
                )
            )
            item.serial = next_serial(session, day.year, resolved.class_id)
        item.year = day.year
        item.class_id = resolved.class_id
        item.business_type_id = resolved.business_type_id
        item.completed_on = day
        item.retention = resolved.retention.code
        item.expires_on = resolved.retention.expires_on(day)
        item.number = item_number(day.year, resolved.class_code, item.serial)
        item.archival_code = archival_code(
            template,
            CodeParts(
                item.fonds.code,
                category,
                day.year,
                resolved.retention.code,
                resolved.class_code,
                item.serial,
            ),
        )
        new = (item.year, item.class_id, item.serial, item.number, item.archival_code)
        if new == old and item.business_type_id == previous_type:
            raise InputError("edit.nothing")
        item.folder = item_folder(resolved.business_type, day, item.entity.name, item.number)
        session.flush()
        session.refresh(item, ["archive_class", "business_type"])
        _keep_time_order(work, item)
        return {m.id: m.seq for m in item.materials}

    new_number = _change_with_files(archive, number, Action.ITEM_RENUMBER, reason, plan)
    return show(archive, new_number)


def correct_entity(
    archive: Archive,
    number: str,
    *,
    reason: str,
    name: str | None = None,
    id_number: str | None = None,
    unit_code: str | None = None,
) -> dict[str, Any]:
    """Correct a mistyped name, ID number (GB 11643) or unit code (GB 32100) of the
    item's person or unit, with a reason: one audit event with before and after.

    The person or unit is shared by every item done for it (and named on rosters and
    materials); all of them take the correction, so none may be handed over. Stored
    files keep their folders (the database holds the name); the search index follows."""
    target = _target(archive, number)
    with archive.change(Action.ENTITY_CORRECT, target, reason=reason) as work:
        if name is None and id_number is None and unit_code is None:
            raise InputError("edit.nothing")
        session = work.session
        item = load_item(session, number)
        entity = item.entity
        concerned = list(
            session.scalars(
                select(Item)
                .where(
                    (Item.entity_id == entity.id)
                    | Item.id.in_(
                        select(RosterEntry.item_id).where(RosterEntry.entity_id == entity.id)
                    )
                    | Item.id.in_(
                        select(Material.item_id).where(Material.person_entity_id == entity.id)
                    )
                )
                .order_by(Item.id)
            )
        )
        for each in [item, *(i for i in concerned if i.id != item.id)]:
            _not_handed_over(session, each)
        before = entities.snapshot(entity)
        after = entities.corrected(
            session, entity, name=name, id_number=id_number, unit_code=unit_code
        )
        if after == before:
            raise InputError("edit.nothing")
        old_name = entity.name
        entity.name = str(after["name"])
        entity.id_number, entity.unit_code = after["id_number"], after["unit_code"]
        if entity.name != old_name:
            for entry in session.scalars(
                select(RosterEntry).where(
                    RosterEntry.entity_id == entity.id, RosterEntry.name == old_name
                )
            ):
                entry.name = entity.name
            for material in session.scalars(
                select(Material).where(
                    Material.person_entity_id == entity.id, Material.person_name == old_name
                )
            ):
                material.person_name = entity.name
        session.flush()
        work.touch_items(i.id for i in concerned)
        work.before = before
        work.after = {**after, "items": [i.number for i in concerned]}
    return show(archive, number)
