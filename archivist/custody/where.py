"""Custody (保管): where is it? A box, volume, item (number or archival code) or location
code -> its box and the location chain 库房-架-列-层-盒 (`locate` inside a session,
`where` on its own).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.custody.boxes import box_of_item, chain, find_box, find_item, find_volume, volume_of
from archivist.custody.locations import _location_view, find_location, location_barcode
from archivist.db.models import Box
from archivist.errors import NotFound
from archivist.use.lending import LoanNote, box_out_note, out_note


class WhereStatus(StrEnum):
    SHELVED = "shelved"  # in a box on a shelf
    BOXED = "boxed"  # in a box not shelved yet
    UNBOXED = "unboxed"
    LOCATION = "location"  # the code named a location


@dataclass(frozen=True)
class ShelfPlace:
    room: str
    shelf: int
    column: int
    layer: int
    box: int | None


@dataclass(frozen=True)
class Whereabouts:
    """Where a thing is: for an item, a volume or a box, its volume, box and place
    (`chain` 库房-架-列-层-盒); for a location (`kind` "location"), the boxes on it."""

    code: str  # what was asked
    kind: str  # item | volume | box | location
    status: WhereStatus
    item: str | None = None
    archival_code: str | None = None
    volume: str | None = None
    box: str | None = None
    location: str | None = None
    location_barcode: str | None = None
    place: ShelfPlace | None = None
    chain: str | None = None
    boxes: tuple[str, ...] = ()  # the boxes at a location
    on_loan: LoanNote | None = None  # out on loan now (借出): request, borrower, due date

    def to_json(self) -> dict[str, Any]:
        if self.kind == "location":
            return {
                "code": self.code,
                "kind": self.kind,
                "location": self.location,
                "location_barcode": self.location_barcode,
                "boxes": list(self.boxes),
                "chain": self.chain,
                "status": self.status.value,
            }
        return {
            "code": self.code,
            "kind": self.kind,
            "item": self.item,
            "archival_code": self.archival_code,
            "volume": self.volume,
            "box": self.box,
            "location": self.location,
            "location_barcode": self.location_barcode,
            "place": asdict(self.place) if self.place else None,
            "chain": self.chain,
            "status": self.status.value,
            "on_loan": self.on_loan.to_json() if self.on_loan else None,
        }


def _where_box(
    query: str,
    kind: str,
    box: Box | None,
    *,
    item: str | None = None,
    archival_code: str | None = None,
    volume: str | None = None,
    on_loan: LoanNote | None = None,
) -> Whereabouts:
    location = box.location if box else None
    return Whereabouts(
        code=query,
        kind=kind,
        item=item,
        archival_code=archival_code,
        volume=volume,
        box=box.code if box else None,
        location=location.code if location else None,
        location_barcode=(
            location_barcode(location.room, location.shelf, location.column_no, location.layer)
            if location
            else None
        ),
        place=(
            ShelfPlace(
                room=location.room,
                shelf=location.shelf,
                column=location.column_no,
                layer=location.layer,
                box=box.number if box else None,
            )
            if location
            else None
        ),
        chain=chain(location, box) if box else None,
        status=(
            WhereStatus.SHELVED if location else WhereStatus.BOXED if box else WhereStatus.UNBOXED
        ),
        on_loan=on_loan,
    )


def locate(session: Session, code: str) -> Whereabouts:
    """`where` inside a session: a box, volume, item (number or archival code) or
    location code -> its box and location chain."""
    box = find_box(session, code)
    if box is not None:
        return _where_box(code, "box", box, on_loan=box_out_note(session, box))
    volume = find_volume(session, code)
    if volume is not None:
        holder = session.get(Box, volume.box_id) if volume.box_id else None
        return _where_box(
            code,
            "volume",
            holder,
            volume=volume.code,
            on_loan=out_note(session, volume_id=volume.id),
        )
    item = find_item(session, code)
    if item is not None:
        in_volume = volume_of(session, item.id)
        if in_volume is not None:
            holder = session.get(Box, in_volume.box_id) if in_volume.box_id else None
        else:
            holder = box_of_item(session, item.id)
        return _where_box(
            code,
            "item",
            holder,
            item=item.number,
            archival_code=item.archival_code,
            volume=in_volume.code if in_volume else None,
            on_loan=out_note(session, item_id=item.id),
        )
    location = find_location(session, code)
    if location is not None:
        boxes = list(session.scalars(select(Box).where(Box.location_id == location.id)))
        view = _location_view(location, sorted(boxes, key=lambda b: b.code))
        return Whereabouts(
            code=code,
            kind="location",
            location=location.code,
            location_barcode=view.barcode,
            boxes=view.boxes,
            chain=location.code,
            status=WhereStatus.LOCATION,
        )
    raise NotFound("where.not_found", code=code)


def where(archive: Archive, code: str) -> Whereabouts:
    """Where is it? For an item (number or archival code), a volume or a box: its volume,
    box and place, `chain` 库房-架-列-层-盒; for a location: the boxes on it."""
    require(archive, Right.READ, f"where:{code}"[:200])
    with archive.db.reading() as session:
        return locate(session, code)
