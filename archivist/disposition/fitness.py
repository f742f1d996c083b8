"""Is a record fit to destroy on a day? One set of rules, asked when a destruction
register is made (archivist/disposition/destruction.py) and again when it is carried out
(archivist/disposition/execution.py): each stage words the refusal its own way.

A record is unfit when it is no longer in the archive room (destroyed or transferred
meanwhile), kept for ever, not due on the day (its period corrected since it was
appraised), on hold, or out on loan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.changes.states import ItemState
from archivist.db.models import Item
from archivist.disposition.holds import held_item_ids
from archivist.rules.retention import Retention

CHUNK = 900  # ids per IN (…), under SQLite's 999 parameters


class Rule(StrEnum):
    """Why a record is not fit to destroy (in the order they are reported)."""

    DESTROYED = "destroyed"
    TRANSFERRED = "transferred"
    PERMANENT = "permanent"
    NOT_DUE = "not_due"
    HELD = "held"
    ON_LOAN = "on_loan"


@dataclass(frozen=True)
class Unfit:
    rule: Rule
    item_id: int
    number: str
    state: ItemState
    expires_on: dt.date | None
    holds: tuple[str, ...] = ()  # BQ-… (HELD)
    loans: tuple[str, ...] = ()  # the lending requests (ON_LOAN)


def unfit(session: Session, item_ids: Sequence[int], *, on: dt.date) -> list[Unfit]:
    """Every reason each of `item_ids` may not be destroyed on `on`, by rule (in Rule's
    order), then in the order the ids are given. Empty: all are fit."""
    from archivist.use.lending import on_loan

    ids = list(dict.fromkeys(item_ids))
    found: dict[int, tuple[str, str, str, dt.date | None]] = {}
    for start in range(0, len(ids), CHUNK):
        for item_id, number, status, retention, expires_on in session.execute(
            select(Item.id, Item.number, Item.status, Item.retention, Item.expires_on).where(
                Item.id.in_(ids[start : start + CHUNK])
            )
        ):
            found[item_id] = (number, status, retention, expires_on)
    items = [(i, *found[i]) for i in ids if i in found]
    held = held_item_ids(session, ids)
    lent = on_loan(session, set(ids))
    out: list[Unfit] = []
    for item_id, number, status, retention, expires_on in items:
        state = ItemState(status)
        rules: list[Rule] = []
        if state is ItemState.DESTROYED:
            rules.append(Rule.DESTROYED)
        elif state is ItemState.TRANSFERRED:
            rules.append(Rule.TRANSFERRED)
        if Retention(retention).is_permanent:
            rules.append(Rule.PERMANENT)
        elif expires_on is None or expires_on > on:
            rules.append(Rule.NOT_DUE)
        if item_id in held:
            rules.append(Rule.HELD)
        if item_id in lent:
            rules.append(Rule.ON_LOAN)
        out.extend(
            Unfit(
                rule,
                item_id,
                number,
                state,
                expires_on,
                holds=tuple(held.get(item_id, ())),
                loans=(lent[item_id].number,) if item_id in lent else (),
            )
            for rule in rules
        )
    order = list(Rule)
    return sorted(out, key=lambda u: order.index(u.rule))  # stable: the ids' order kept
