"""The item detail as the window and `archivist item show` present it: the item's own
view (arrangement) with where it is kept (custody) and its volume's handover state.

It lives here, above the stages it reads, so that arrangement never imports custody or
handover."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from archivist.archive import Archive
from archivist.arrangement.items import item_view, load_item
from archivist.custody import boxes, where
from archivist.db.models import Item
from archivist.handover import handovers

WHERE_KEYS = ("volume", "box", "location", "location_barcode", "place", "chain", "status")


def item_detail(archive: Archive, number: str, *, reveal_ids: bool = False) -> dict[str, Any]:
    """The item's view plus `where` (volume, box, shelf location) and `handover` (its
    volume's status and latest batch)."""
    with archive.db.reading() as session:
        item = load_item(session, number)
        view = item_view(session, item, reveal_ids=reveal_ids, archive_root=archive.root)
        view.update(custody_view(session, item))
        return view


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
