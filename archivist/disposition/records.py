"""What the disposition stages read of records, shared by appraisal, the destruction
registers and the stubs: an item by its number or archival code, and each item's pages
and volume — for many items at once, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from archivist.accounts.signing import shown
from archivist.db.models import Item, Material, Volume, VolumeItem
from archivist.errors import NotFound

CHUNK = 900  # values per IN (…), under SQLite's 999 parameters

# the items asked about: their ids, or a query giving them (one IN (SELECT …), however many)
ItemIds = Sequence[int] | Select[Any]


def _parts(items: ItemIds) -> Iterable[Sequence[int] | Select[Any]]:
    if isinstance(items, Select):
        yield items
        return
    ids = list(items)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def item_by_code(session: Session, code: str) -> Item:
    """The item whose number or archival code is `code` (NotFound: item.not_found)."""
    found = items_by_code(session, [code])
    if code not in found:
        raise NotFound("item.not_found", number=shown(code, 60))
    return found[code]


def items_by_code(session: Session, codes: Sequence[str]) -> dict[str, Item]:
    """code -> item for each of `codes` that is an item's number or archival code (a
    number wins over another item's archival code); one query per CHUNK codes."""
    wanted = list(dict.fromkeys(codes))
    by_number: dict[str, Item] = {}
    by_code: dict[str, Item] = {}
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        for item in session.scalars(
            select(Item)
            .where(Item.number.in_(part) | Item.archival_code.in_(part))
            .order_by(Item.id)
        ):
            by_number.setdefault(item.number, item)
            by_code.setdefault(item.archival_code, item)
    out: dict[str, Item] = {}
    for code in wanted:
        found = by_number.get(code) or by_code.get(code)
        if found is not None:
            out[code] = found
    return out


def pages_by_item(session: Session, items: ItemIds) -> dict[int, int]:
    """item id -> its pages (the sum over its materials; items without any: absent)."""
    pages: dict[int, int] = {}
    for part in _parts(items):
        for item_id, total in session.execute(
            select(Material.item_id, func.sum(Material.pages))
            .where(Material.item_id.in_(part))
            .group_by(Material.item_id)
        ):
            pages[item_id] = int(total or 0)
    return pages


def volumes_by_item(session: Session, items: ItemIds) -> dict[int, tuple[int, str]]:
    """item id -> (volume id, volume code) of the volume it is filed in (items in none:
    absent)."""
    volumes: dict[int, tuple[int, str]] = {}
    for part in _parts(items):
        for item_id, volume_id, code in session.execute(
            select(VolumeItem.item_id, Volume.id, Volume.code)
            .join(Volume, Volume.id == VolumeItem.volume_id)
            .where(VolumeItem.item_id.in_(part))
        ):
            volumes[item_id] = (volume_id, code)
    return volumes


def last_events(
    session: Session, action: str, targets: Sequence[str]
) -> dict[str, tuple[str | None, str | None, str]]:
    """target -> (actor, when, reason) of the latest audit event of `action` on each of
    `targets` (those without one: absent), in one query: who cancelled a batch or
    withdrew a register, whose rows keep no columns for it."""
    from archivist.db.models import AuditEvent

    if not targets:
        return {}
    found: dict[str, tuple[str | None, str | None, str]] = {}
    for event in session.scalars(
        select(AuditEvent)
        .where(AuditEvent.target.in_(list(dict.fromkeys(targets))), AuditEvent.action == action)
        .order_by(AuditEvent.seq)
    ):
        found[event.target] = (event.actor, event.at, event.reason or "")
    return found
