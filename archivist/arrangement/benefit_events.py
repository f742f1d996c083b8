"""Benefit events added to an item after its capture, under audit with a reason; refused
once the item's volume is handed over, like every other change of an item. The checks,
rows and views are archivist.capture.benefit_events (a manifest's events are stored in the
capture's own transaction)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.arrangement.items import _not_handed_over, _target, load_item
from archivist.capture.benefit_events import (
    KIND_LABELS,
    BenefitEventInput,
    BenefitEventView,
    BenefitKind,
    add_rows,
    check_event,
    events_between,
    events_of,
    row_json,
    view_of,
)
from archivist.changes.actions import Action
from archivist.db.models import Item


def add_benefit_event(
    archive: Archive,
    number: str,
    event: BenefitEventInput,
    reason: str,
    *,
    fields: Mapping[str, str] | None = None,
) -> BenefitEventView:
    """Attach a benefit event to item `number` (BENEFIT_EVENT_ADD: EDIT right, a reason,
    one audit event); refused once the item's volume is handed over. `fields` names the
    event's fields in messages as the caller calls them ({"amount": "--amount"})."""
    checked = check_event(event, file=number, fields=fields)
    target = _target(archive, number)
    with archive.change(Action.BENEFIT_EVENT_ADD, target, reason=reason) as work:
        session = work.session
        item = load_item(session, number)
        _not_handed_over(session, item)
        row = add_rows(session, item, [checked])[0]
        work.after = {"number": item.number, "event": row_json(row)}
        item_number = item.number
        row_id = row.id
    reveal = archive.person is not None and archive.person.sees_id_numbers
    with archive.db.reading() as session:
        stored = events_of(session, [_item_id(session, item_number)], reveal_ids=reveal)
    return next(e for e in stored if e.id == row_id)


def _item_id(session: Session, number: str) -> int:
    return int(session.scalar(select(Item.id).where(Item.number == number)) or 0)


def item_events(archive: Archive, number: str) -> list[BenefitEventView]:
    """The benefit events of one item for the signed-in person (READ; ID numbers by need)."""
    person = require(archive, Right.READ, f"item:{number}"[:200])
    with archive.db.reading() as session:
        item = load_item(session, number)
        return events_of(session, [item.id], reveal_ids=person.sees_id_numbers)


__all__ = [
    "KIND_LABELS",
    "BenefitEventInput",
    "BenefitEventView",
    "BenefitKind",
    "add_benefit_event",
    "events_between",
    "events_of",
    "item_events",
    "view_of",
]
