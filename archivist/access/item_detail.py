"""The item detail as the window and `archivist item show` present it: the item's own
view (arrangement) with where it is kept (custody) and its volume's handover state.

It lives here, above the stages it reads, so that arrangement never imports custody or
handover."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import permits, require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.arrangement.items import item_view, load_item
from archivist.capture.benefit_events import events_of
from archivist.custody import boxes, where
from archivist.db.models import Account, Entity, Item
from archivist.disposition.holds import holds_on_item
from archivist.errors import InputError, NotFound
from archivist.handover import handovers

REASON_LIMIT = 500  # characters of a reveal's reason
WHERE_KEYS = ("volume", "box", "location", "location_barcode", "place", "chain", "status")


def item_detail(archive: Archive, number: str) -> dict[str, Any]:
    """The item's view plus `where` (volume, box, shelf location) and `handover` (its
    volume's status and latest batch), for the signed-in person: it needs READ, shows ID
    numbers in full only to those who need them (masked otherwise) and is written to the
    access log as a view of the item."""
    person = require(archive, Right.READ, _target(number))
    with archive.db.reading() as session:
        item = load_item(session, number)
        view = item_view(
            session, item, reveal_ids=person.sees_id_numbers, archive_root=archive.root
        )
        view.update(custody_view(session, item))
        view["entity"]["ref"] = f"@{item.entity_id}"  # the person file's query for them
        view["events"] = [
            e.to_json() for e in events_of(session, [item.id], reveal_ids=person.sees_id_numbers)
        ]
        view["holds"] = [h.to_json() for h in holds_on_item(session, item.id)]  # 保全
        view["destroyed"] = _destroyed(session, item.id)  # the stub's register, or None
        view["appraisals"] = _appraisals(session, item.id)  # every appraisal, oldest first
    # what the person sees of ID numbers, so that the window offers the reveal or not
    view["id_numbers"] = {
        "masked": not person.sees_id_numbers,
        "may_reveal": not person.sees_id_numbers and permits(person, Right.REVEAL),
    }
    record(archive, AccessKind.VIEW_ITEM, _target(item.number))
    return view


def _target(number: str) -> str:
    return f"item:{number}"[:200]


def _destroyed(session: Session, item_id: int) -> dict[str, Any] | None:
    """How a destroyed item went (its register, batch, day, approver, supervisors)."""
    from archivist.disposition.stubs import stub_in

    stub = stub_in(session, item_id)
    if stub is None:
        return None
    people = (stub.approved_by, *stub.supervisors)
    names = {
        user: display
        for user, display in session.execute(
            select(Account.user_name, Account.display_name).where(Account.user_name.in_(people))
        )
    }
    return {  # people by the names they are known by
        "register": stub.register,
        "batch": stub.batch,
        "executed_on": stub.executed_on.isoformat(),
        "approved_by": names.get(stub.approved_by) or stub.approved_by,
        "supervisors": [names.get(s) or s for s in stub.supervisors],
    }


def _appraisals(session: Session, item_id: int) -> list[dict[str, Any]]:
    """The item's appraisals: batch, its state, the opinion (None while undecided), the
    new period and expiry of an extension, the reason."""
    from archivist.db.models import AppraisalBatch, AppraisalEntry

    rows = session.execute(
        select(AppraisalBatch.number, AppraisalBatch.state, AppraisalEntry)
        .join(AppraisalEntry, AppraisalEntry.batch_id == AppraisalBatch.id)
        .where(AppraisalEntry.item_id == item_id)
        .order_by(AppraisalBatch.created_at, AppraisalBatch.id)
    )
    return [
        {
            "batch": number,
            "state": state,
            "opinion": entry.opinion,
            "retention": entry.retention,
            "new_retention": entry.new_retention,
            "new_expires_on": entry.new_expires_on.isoformat() if entry.new_expires_on else None,
            "reason": entry.reason,
        }
        for number, state, entry in rows
    ]


def reveal_id_number(archive: Archive, number: str, reason: str) -> str:
    """The full ID number of the person an item is about, for one who may see it (REVEAL,
    or ID_NUMBERS) and says why; the reveal is written to the access log with its reason."""
    person = archive.person
    if not permits(person, Right.ID_NUMBERS):
        require(archive, Right.REVEAL, _target(number))
    reason = (reason or "").strip()
    if not reason:
        raise InputError("access.reveal_needs_reason", number=number[:40])
    if len(reason) > REASON_LIMIT:
        raise InputError("access.reveal_reason_too_long", limit=REASON_LIMIT)
    with archive.db.reading() as session:
        found = session.execute(
            select(Item.number, Entity.id_number)
            .join(Entity, Entity.id == Item.entity_id)
            .where(Item.number == number)
        ).first()
    if found is None:
        raise NotFound("item.not_found", number=number[:40])
    if not found[1]:
        raise InputError("access.reveal_no_id_number", number=found[0])
    record(archive, AccessKind.REVEAL, _target(found[0]), {"reason": reason})
    return str(found[1])


def custody_view(session: Session, item: Item) -> dict[str, Any]:
    """Where the item is (the core's `where`) and its volume's handover state."""
    found = where.locate(session, item.number).to_json()
    place = {key: found.get(key) for key in WHERE_KEYS}
    volume = boxes.volume_of(session, item.id)
    state: dict[str, Any] | None = None
    if volume is not None:
        state = {"volume_status": volume.status, "batch": None, "batch_status": None}
        batch = handovers.volume_batch(session, volume.id)
        if batch is not None:
            state.update(batch.to_json())
    return {"where": place, "handover": state}
