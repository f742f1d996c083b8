"""What is left of destroyed records: each one's stub (what it was, the register that
destroyed it, the day, who approved and who supervised), and which records of a volume
were destroyed, and by which register: the volume's detail marks them (their stubs stay
in the volume's list, their content is gone)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.changes.states import DestructionState, ItemState
from archivist.db.models import (
    AppraisalBatch,
    DestructionEntry,
    DestructionRegister,
    DestructionSignature,
    Item,
    Volume,
    VolumeItem,
)
from archivist.disposition.records import item_by_code
from archivist.disposition.register_views import Duty
from archivist.errors import NotFound

if TYPE_CHECKING:
    from archivist.archive import Archive


@dataclass(frozen=True)
class StubView:
    """What is left of a destroyed record."""

    number: str
    archival_code: str
    title: str
    class_code: str
    year: int
    retention: str
    register: str
    batch: str
    executed_on: dt.date
    approved_by: str
    supervisors: tuple[str, ...]


def stub_in(session: Session, item_id: int) -> StubView | None:
    """The stub of a destroyed item by its id (None when it was not destroyed): for
    services already holding a session."""
    item = session.get(Item, item_id)
    if item is None or item.status != ItemState.DESTROYED.value:
        return None
    found = session.execute(
        select(DestructionEntry, DestructionRegister)
        .join(DestructionRegister, DestructionRegister.id == DestructionEntry.register_id)
        .where(
            DestructionEntry.item_id == item_id,
            DestructionRegister.state == DestructionState.EXECUTED.value,
        )
        .order_by(DestructionRegister.id.desc())
        .limit(1)
    ).first()
    if found is None:
        return None
    entry, register = found
    batch = session.get(AppraisalBatch, register.batch_id)
    supervisors = session.scalars(
        select(DestructionSignature.user_name)
        .where(
            DestructionSignature.register_id == register.id,
            DestructionSignature.duty == Duty.SUPERVISOR.value,
        )
        .order_by(DestructionSignature.id)
    ).all()
    return StubView(
        number=entry.number,
        archival_code=entry.archival_code,
        title=entry.title,
        class_code=entry.class_code,
        year=entry.year,
        retention=entry.retention,
        register=register.number,
        batch=batch.number if batch else "",
        executed_on=register.executed_on or _day_of(register.executed_at),
        approved_by=register.approved_by or "",
        supervisors=tuple(supervisors),
    )


def _day_of(stamp: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat((stamp or "")[:10])
    except ValueError:
        return dt.date.min


def stub_of(archive: Archive, number: str) -> StubView | None:
    """The stub of a destroyed item (None when it was not destroyed)."""
    require(archive, Right.READ, f"item:{number}"[:200])
    code = (number or "").strip()
    with archive.db.reading() as session:
        item = item_by_code(session, code)
        stub = stub_in(session, item.id)
        found = item.number
    record(archive, AccessKind.VIEW_ITEM, f"item:{found}"[:200], {"stub": stub is not None})
    return stub


def destroyed_in_volume(archive: Archive, code: str) -> dict[str, str]:
    """item number -> the executed register that destroyed it, for the items of the
    volume `code` that were destroyed (READ; an access event)."""
    wanted = code.strip()
    target = f"volume:{wanted}"[:200]
    require(archive, Right.READ, target)
    with archive.db.reading() as session:
        volume_id = session.scalar(select(Volume.id).where(Volume.code == wanted))
        if volume_id is None:
            raise NotFound("volume.not_found", code=wanted[:60])
        rows = session.execute(
            select(Item.number, DestructionRegister.number)
            .join(VolumeItem, VolumeItem.item_id == Item.id)
            .join(DestructionEntry, DestructionEntry.item_id == Item.id)
            .join(DestructionRegister, DestructionRegister.id == DestructionEntry.register_id)
            .where(
                VolumeItem.volume_id == volume_id,
                Item.status == ItemState.DESTROYED.value,
                DestructionRegister.state == DestructionState.EXECUTED.value,
            )
        ).all()
    found = {number: register for number, register in rows}
    record(archive, AccessKind.VIEW_LIST, target, {"destroyed": len(found)})
    return found
