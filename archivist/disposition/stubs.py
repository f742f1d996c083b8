"""Which records of a volume were destroyed, and by which register: the volume's detail
marks them (their stubs stay in the volume's list, their content is gone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.changes.states import DestructionState, ItemState
from archivist.db.models import DestructionEntry, DestructionRegister, Item, Volume, VolumeItem
from archivist.errors import NotFound

if TYPE_CHECKING:
    from archivist.archive import Archive


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
