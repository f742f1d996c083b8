"""Capture: one business transaction becomes one item, stored byte-for-byte.

The pipeline checks everything before it writes anything (Paperless-style preflight):
files, scheme, roster, order, free space. Then it copies the originals into a staging
folder, verifying each copy's SHA-256, and in one database transaction takes the next
serial, moves the staged folder into place and records the item and its audit event.
A failure at any point leaves either the complete item or nothing; a crash leaves a
journal that the next `Archive.open` uses to clean up.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from archivist.archive import Archive
from archivist.capture import benefit_events
from archivist.capture.entities import find_or_create
from archivist.capture.manifest import CaptureRequest, read_manifest
from archivist.changes import audit
from archivist.changes.actions import Action
from archivist.changes.states import ItemState
from archivist.changes.unit_of_work import Change
from archivist.db.models import BenefitEvent, Fonds, Item, Material, RosterEntry
from archivist.errors import ArchiveError, ArchivistError, FileRejected
from archivist.faults import crash_point
from archivist.formats.media import FileFacts, inspect_file
from archivist.messages import render
from archivist.ocr.queue import RunReport
from archivist.ocr.queue import enqueue as enqueue_ocr
from archivist.rules import scheme
from archivist.rules.numbering import CodeParts, archival_code, item_number, next_serial
from archivist.rules.ordering import OrderInput, Placement, arrange
from archivist.storage.filestore import (
    copy_with_hash,
    free_space,
    fsync_dir,
    human_size,
    item_folder,
    material_filename,
    place_folder,
    remove_empty_parents,
    seq_width,
    translate_os_error,
)
from archivist.storage.journal import Journal, discard_tree

# Room kept free beyond the files themselves (database growth, journals, the OS).
SPACE_MARGIN = 32 * 1024 * 1024

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Duplicate:
    file: str
    sha256: str
    number: str
    stored_as: str


@dataclass(frozen=True)
class CaptureResult:
    number: str
    archival_code: str
    duplicates: list[Duplicate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def capture_from_manifest(
    archive: Archive, manifest: Path, *, progress: Progress | None = None
) -> CaptureResult:
    return capture(archive, read_manifest(manifest), progress=progress)


def capture(
    archive: Archive,
    request: CaptureRequest,
    *,
    progress: Progress | None = None,
) -> CaptureResult:
    total = len(request.materials)
    report = progress or (lambda done, all_, what: None)

    # 1. Preflight: nothing is written until every check has passed.
    facts: list[FileFacts] = []
    for index, material in enumerate(request.materials):
        report(index, total * 2, material.display)
        facts.append(inspect_file(material.path, material.display))
    placements = _arrange(request)
    with archive.db.reading() as session:
        resolved = scheme.resolve(session, request.class_code, request.business_type)
        duplicates = _duplicates(session, request, facts)
        fonds = session.scalars(select(Fonds).order_by(Fonds.id)).first()
        if fonds is None:
            raise ArchiveError(
                "archive.bad_config", file=str(archive.layout.database), reason="no fonds"
            )
        fonds_id, fonds_code = fonds.id, fonds.code
    template = archive.setting("archival_code_template")
    category = archive.setting("category_code")
    _check_space(archive, sum(f.size for f in facts))

    # 2. Copy the originals into staging, verifying every byte against the preflight hash.
    try:
        archive.layout.staging.mkdir(parents=True, exist_ok=True)
        entry = Journal.start(archive.layout.journals, "capture")
    except OSError as exc:
        raise translate_os_error(exc, archive.layout.work) from None
    staging = archive.layout.staging / entry.op_id
    width = seq_width(total)
    names: dict[int, str] = {}
    work: Change | None = None
    target: Path | None = None
    try:
        entry.update(staging=staging.relative_to(archive.root).as_posix())
        try:
            staging.mkdir()
            for placement in placements:
                material = request.materials[placement.capture_index]
                name = material_filename(
                    placement.seq, material.role, Path(material.display).name, width
                )
                names[placement.capture_index] = name
                digest, size = copy_with_hash(material.path, staging / name)
                expected = facts[placement.capture_index]
                if digest != expected.sha256 or size != expected.size:
                    raise FileRejected("file.changed_during_capture", file=material.display)
                report(total + placement.seq, total * 2, material.display)
            fsync_dir(staging)
        except OSError as exc:
            raise translate_os_error(exc, staging) from None
        crash_point("capture.after_copy")

        # 3. One change: number, move into place, record (its audit event carries the
        # journal's op id, which is also the item's capture id).
        with archive.change(Action.ITEM_CAPTURE, f"item:{entry.op_id}", op_id=entry.op_id) as work:
            session = work.session
            serial = next_serial(session, request.completed_on.year, resolved.class_id)
            number = item_number(request.completed_on.year, resolved.class_code, serial)
            code = archival_code(
                template,
                CodeParts(
                    fonds=fonds_code,
                    category=category,
                    year=request.completed_on.year,
                    retention=resolved.retention.code,
                    klass=resolved.class_code,
                    serial=serial,
                ),
            )
            folder = item_folder(
                resolved.business_type, request.completed_on, request.entity.name, number
            )
            target = archive.root / folder
            if target.exists():
                raise ArchiveError("archive.busy", reason=f"{folder} exists")
            entry.update(target=folder)
            try:
                place_folder(staging, target)
            except OSError as exc:
                raise translate_os_error(exc, target) from None
            crash_point("capture.after_move")
            item = _record(
                session,
                request,
                resolved,
                placements,
                facts,
                names,
                fonds_id=fonds_id,
                serial=serial,
                number=number,
                code=code,
                folder=folder,
                actor=work.actor,
                capture_id=entry.op_id,
            )
            enqueue_ocr(session, item.materials)
            work.after = _audit_view(item)
            if request.events:
                work.after["events"] = [
                    benefit_events.row_json(row)
                    for row in session.scalars(
                        select(BenefitEvent).where(BenefitEvent.item_id == item.id)
                    )
                ]
            # Right after the commit, before the search index is brought in step.
            event.listen(
                session, "after_commit", lambda _s: crash_point("capture.after_commit"), once=True
            )
            crash_point("capture.before_commit")
    except BaseException:
        committed = work is not None and work.changes is not None
        if not committed and target is not None and target.exists() and not staging.exists():
            try:
                os.replace(target, staging)
                remove_empty_parents(target.parent, archive.layout.files)
            except OSError:
                pass  # the journal lets the next open finish the clean-up
        raise
    finally:
        if work is None or work.changes is None:
            discard_tree(staging, archive.layout.staging)
        entry.finish()
    assert work is not None and work.changes is not None  # committed
    report(total * 2, total * 2, number)
    warnings = [
        render(code, {"file": request.materials[i].display})
        for i, f in enumerate(facts)
        for code in f.notices
    ] + [w for f in facts for w in f.warnings]
    return CaptureResult(
        number=number, archival_code=code, duplicates=duplicates, warnings=warnings
    )


def _arrange(request: CaptureRequest) -> list[Placement]:
    inputs = []
    for index, material in enumerate(request.materials):
        position: int | None = None
        name: str | None = None
        if material.person:
            position, person = request.roster_position(material.person)
            name = person.name
        inputs.append(
            OrderInput(
                capture_index=index,
                role=material.role,
                title=material.title,
                importance=material.importance,
                person_position=position,
                person_name=name,
                source=material.source,
                nature=material.nature,
                is_copy=material.is_copy,
                is_attachment=material.is_attachment,
            )
        )
    return arrange(inputs)


def _duplicates(session: Any, request: CaptureRequest, facts: list[FileFacts]) -> list[Duplicate]:
    hashes = {f.sha256: request.materials[i].display for i, f in enumerate(facts)}
    rows = session.execute(
        select(Material.sha256, Material.file, Item.number)
        .join(Item, Item.id == Material.item_id)
        .where(Material.sha256.in_(list(hashes)))
    ).all()
    return [Duplicate(hashes[sha], sha, number, stored) for sha, stored, number in rows]


def _check_space(archive: Archive, needed: int) -> None:
    try:
        free = free_space(archive.root)
    except OSError as exc:
        raise translate_os_error(exc, archive.root) from None
    if free < needed + SPACE_MARGIN:
        raise ArchiveError(
            "archive.disk_full",
            file=str(archive.root),
            needed=human_size(needed + SPACE_MARGIN),
            free=human_size(free),
        )


def _record(
    session: Any,
    request: CaptureRequest,
    resolved: scheme.ResolvedType,
    placements: list[Placement],
    facts: list[FileFacts],
    names: dict[int, str],
    *,
    fonds_id: int,
    serial: int,
    number: str,
    code: str,
    folder: str,
    actor: str,
    capture_id: str,
) -> Item:
    entity = find_or_create(
        session,
        request.entity.kind,
        request.entity.name,
        id_number=request.entity.id_number,
        unit_code=request.entity.unit_code,
    )
    item = Item(
        capture_id=capture_id,
        fonds_id=fonds_id,
        class_id=resolved.class_id,
        business_type_id=resolved.business_type_id,
        entity_id=entity.id,
        year=request.completed_on.year,
        serial=serial,
        number=number,
        archival_code=code,
        completed_on=request.completed_on,
        title=request.title,
        handler=request.handler,
        retention=resolved.retention.code,
        expires_on=resolved.retention.expires_on(request.completed_on),
        status=ItemState.CAPTURED,
        folder=folder,
        captured_at=audit.now_text(),
        captured_by=actor,
    )
    session.add(item)
    session.flush()
    roster_entities: dict[int, int | None] = {}
    for place, person in enumerate(request.roster, start=1):
        person_entity = None
        if person.id_number:
            person_entity = find_or_create(
                session, "person", person.name, id_number=person.id_number
            )
        elif request.entity.kind == "person" and person.name == request.entity.name:
            person_entity = entity
        roster_entities[place] = person_entity.id if person_entity else None
    first_form: Material | None = None
    for placement in placements:
        material = request.materials[placement.capture_index]
        fact = facts[placement.capture_index]
        person_place: int | None = None
        person_name: str | None = None
        if material.person:
            person_place, roster_person = request.roster_position(material.person)
            person_name = roster_person.name
        row = Material(
            seq=placement.seq,
            capture_index=placement.capture_index,
            role=material.role,
            importance=material.importance or "important",
            importance_given=material.importance is not None,
            person_entity_id=roster_entities.get(person_place) if person_place else None,
            person_name=person_name,
            origin=material.origin or ("electronic" if fact.has_text else "scan"),
            source=material.source,
            nature=material.nature,
            is_copy=material.is_copy,
            is_attachment=material.is_attachment,
            title=material.title,
            file=f"{folder}/{names[placement.capture_index]}",
            original_name=Path(material.display).name,
            media_type=fact.media_type,
            pages=fact.pages,
            size=fact.size,
            sha256=fact.sha256,
            order_basis=placement.basis,
            warnings=list(fact.notices),
        )
        item.materials.append(row)
        if first_form is None and material.role == "form":
            first_form = row
    session.flush()
    for position, person in enumerate(request.roster, start=1):
        item.roster.append(
            RosterEntry(
                form_material_id=first_form.id if first_form else None,
                position=position,
                name=person.name,
                entity_id=roster_entities[position],
            )
        )
    session.flush()
    if request.events:
        benefit_events.add_rows(session, item, request.events)
    return item


def _audit_view(item: Item) -> dict[str, Any]:
    return {
        "number": item.number,
        "archival_code": item.archival_code,
        "folder": item.folder,
        "completed_on": item.completed_on.isoformat(),
        "title": item.title,
        "retention": item.retention,
        "materials": [
            {"seq": m.seq, "file": m.file, "sha256": m.sha256, "role": m.role, "title": m.title}
            for m in sorted(item.materials, key=lambda m: m.seq)
        ],
    }


def recognise_item(archive: Archive, number: str, *, progress: Progress | None = None) -> RunReport:
    """Recognise an item's pages now, with this user's OCR preferences (`capture --ocr
    now`: the item is searchable by its text as soon as the command returns)."""
    from archivist.ocr.queue import run_queue
    from archivist.preferences import Preferences

    prefs = Preferences.load()
    return run_queue(
        archive,
        item_number=number,
        workers=prefs.ocr_workers,
        settings=prefs.engine_settings(),
        progress=progress,
    )


__all__ = [
    "ArchivistError",
    "CaptureResult",
    "Duplicate",
    "capture",
    "capture_from_manifest",
    "recognise_item",
]
