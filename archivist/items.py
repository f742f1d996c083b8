"""Items: look them up, list them, and reorder their materials with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from archivist import audit
from archivist.archive import Archive
from archivist.db.models import ArchiveClass, BusinessType, Entity, Item, Material
from archivist.errors import InputError, NotFound
from archivist.faults import crash_point
from archivist.filestore import material_filename, seq_width, translate_os_error
from archivist.identity import mask_id_number
from archivist.journal import FileMoves, Journal
from archivist.ordering import OrderInput, arrange, explain, override_basis
from archivist.retention import Retention


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
        )
    )
    if item is None:
        raise NotFound("item.not_found", number=number)
    return item


def item_view(
    session: Session, item: Item, *, reveal_ids: bool = False, history: bool = True
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
                "order_basis": m.order_basis,
            }
            for m in item.materials
        ],
    }
    if history:
        view["history"] = audit.history(session, f"item:{item.capture_id}")
    return view


def _person_id(entity: Entity | None, reveal: bool) -> str | None:
    if entity is None or not entity.id_number:
        return None
    return entity.id_number if reveal else mask_id_number(entity.id_number)


def show(archive: Archive, number: str, *, reveal_ids: bool = False) -> dict[str, Any]:
    with archive.db.reading() as session:
        return item_view(session, load_item(session, number), reveal_ids=reveal_ids)


@dataclass(frozen=True)
class ItemFilter:
    year: int | None = None
    class_code: str | None = None
    entity: str | None = None
    business_type: str | None = None
    limit: int | None = None
    offset: int = 0


def list_items(archive: Archive, query: ItemFilter) -> list[dict[str, Any]]:
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
            {
                "number": item.number,
                "archival_code": item.archival_code,
                "class": code,
                "business_type": bt,
                "completed_on": item.completed_on.isoformat(),
                "entity": {"kind": kind, "name": name},
                "title": item.title,
                "retention": item.retention,
                "expires_on": item.expires_on.isoformat() if item.expires_on else None,
                "status": item.status,
                "folder": item.folder,
            }
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


def reorder(
    archive: Archive, number: str, order: list[int], reason: str, actor: str | None = None
) -> dict[str, Any]:
    """Put an item's materials in the order given (current seq numbers), with a reason.

    Stored files are renamed to their new position (NN-…) in a journaled two-phase
    move, so a crash leaves either the old order or the new one, files and rows alike.
    """
    actor = actor or archive.actor
    if not reason or not reason.strip():
        raise InputError("reason.required")
    with archive.db.reading() as session:
        item = load_item(session, number)
        current = [m.seq for m in item.materials]
        if sorted(order) != sorted(current) or len(order) != len(set(order)):
            raise InputError("reorder.bad_sequence", detail=f"{order} vs {current}")
    try:
        entry = Journal.start(archive.layout.journals, "moves")
    except OSError as exc:
        raise translate_os_error(exc, archive.layout.journals) from None
    committed = False
    moves = FileMoves(archive.root)
    try:
        with archive.db.writing() as session:
            item = load_item(session, number)
            by_seq = {m.seq: m for m in item.materials}
            rules = rule_order(item)
            width = seq_width(len(order))
            before = [{"seq": m.seq, "title": m.title, "file": m.file} for m in item.materials]
            plan: list[tuple[Material, int, str]] = []
            for new_seq, old_seq in enumerate(order, start=1):
                material = by_seq[old_seq]
                new_file = f"{item.folder}/" + material_filename(
                    new_seq, material.role, material.original_name, width
                )
                moves.add(material.file, new_file, entry.op_id)
                plan.append((material, new_seq, new_file))
            try:
                moves.apply(entry, crash_point)
            except OSError as exc:
                raise translate_os_error(exc, archive.root / item.folder) from None
            crash_point("reorder.after_moves")
            # Two steps so unique (item, seq) and file paths never collide mid-flush.
            for material, _, _ in plan:
                material.seq = -material.seq
                material.file = material.file + f".{entry.op_id}"
            session.flush()
            for material, new_seq, new_file in plan:
                material.seq = new_seq
                material.file = new_file
                material.order_basis = override_basis(reason.strip(), rules.index(material.id) + 1)
            item.order_override = reason.strip()
            session.flush()
            audit.record(
                session,
                actor=actor,
                action="item.reorder",
                target=f"item:{item.capture_id}",
                before={"number": item.number, "materials": before},
                after={
                    "number": item.number,
                    "materials": [{"seq": s, "title": m.title, "file": f} for m, s, f in plan],
                },
                reason=reason.strip(),
                op_id=entry.op_id,
            )
        committed = True
    except BaseException:
        if not committed:
            try:
                moves.undo(int(entry.data.get("phase", 1)))
            except OSError:
                pass  # the journal lets the next open put the files back
        raise
    finally:
        entry.finish()
    return show(archive, number)
