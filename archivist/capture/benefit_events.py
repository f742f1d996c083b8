"""Benefit events (IM-UI 56): 待遇审核变更 review_change, 二次发放 reissue, 追回待遇
recovery — structured facts attached to an item: who, how much (exact to the fen), for
which period, a bank-account change, when.

They come with a capture (the manifest's `"events": [...]`, stored in the capture's
transaction) or are added later under audit (archivist.arrangement.benefit_events). This
module checks them and writes their rows inside an open session; it reads them back for
the item detail, the person file and the registers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.changes import audit
from archivist.db.models import BenefitEvent, Entity, Item, Material, RosterEntry
from archivist.errors import InputError
from archivist.rules.identity import mask_id_number, normalise_id_number
from archivist.rules.limits import MAX_NAME, check_day, check_text, clip, parse_day

MAX_EVENTS = 200  # events in one manifest
MAX_BANK_CHANGE = 200
MAX_NOTE = 500
MAX_AMOUNT_FEN = 10**12  # ten billion yuan: far beyond any benefit
_AMOUNT = re.compile(r"^\d{1,11}(\.\d{1,2})?$")


class BenefitKind(StrEnum):
    REVIEW_CHANGE = "review_change"  # 待遇审核变更
    REISSUE = "reissue"  # 二次发放
    RECOVERY = "recovery"  # 追回待遇


KIND_LABELS: dict[str, tuple[str, str]] = {
    BenefitKind.REVIEW_CHANGE: ("待遇审核变更", "benefit review change"),
    BenefitKind.REISSUE: ("二次发放", "reissue"),
    BenefitKind.RECOVERY: ("追回待遇", "recovery"),
}
# kinds that always move money: their amount is required
NEEDS_AMOUNT = frozenset({BenefitKind.REISSUE, BenefitKind.RECOVERY})


@dataclass(frozen=True)
class BenefitEventInput:
    """A benefit event as given (texts or dates); `check_event` returns it checked, with
    dates as dates, the ID number normalised and the amount as "1234.56"."""

    kind: str
    person: str
    happened_on: dt.date | str
    id_number: str | None = None
    amount: str | int | None = None  # yuan, exact to the fen: "1234.56" (never a float)
    period_from: dt.date | str | None = None
    period_to: dt.date | str | None = None
    bank_change: str = ""
    note: str = ""


@dataclass(frozen=True)
class BenefitEventView:
    """A stored event as people see it (the ID number masked unless they need it)."""

    id: int
    item_number: str
    kind: str
    kind_label: str
    person: str
    id_number: str | None
    amount: str | None  # "1234.56"
    period_from: dt.date | None
    period_to: dt.date | None
    bank_change: str
    happened_on: dt.date
    note: str
    created_at: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "item": self.item_number,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "person": self.person,
            "id_number": self.id_number,
            "amount": self.amount,
            "period_from": self.period_from.isoformat() if self.period_from else None,
            "period_to": self.period_to.isoformat() if self.period_to else None,
            "bank_change": self.bank_change,
            "date": self.happened_on.isoformat(),
            "note": self.note,
            "created_at": self.created_at,
        }


def amount_fen(value: Any, field: str, file: str = "") -> int:
    """An amount in yuan as text ("1234.56", at most two decimals) or a whole number ->
    fen. A float (a JSON number with a point) is refused: money is never rounded."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError("benefit.bad_amount", field=field, value=clip(value), file=file or "-")
    text = str(value).strip()
    if not _AMOUNT.match(text):
        raise InputError("benefit.bad_amount", field=field, value=clip(value), file=file or "-")
    fen = int(Decimal(text) * 100)
    if fen > MAX_AMOUNT_FEN:
        raise InputError("benefit.bad_amount", field=field, value=clip(value), file=file or "-")
    return fen


def yuan(fen: int | None) -> str | None:
    """Fen -> "1234.56"."""
    if fen is None:
        return None
    return f"{fen // 100}.{fen % 100:02d}"


def _day(value: dt.date | str | None, field: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.date):
        return check_day(value, field)
    return parse_day(value, field)


def check_event(
    event: BenefitEventInput,
    prefix: str = "",
    file: str = "",
    *,
    fields: Mapping[str, str] | None = None,
) -> BenefitEventInput:
    """The event checked, every problem one InputError naming its field (`prefix` +
    the key: "events[0].amount"; or as `fields` names it: {"amount": "--amount"})."""
    names = dict(fields or {})

    def label(key: str) -> str:
        return names.get(key, prefix + key)

    kind = event.kind.strip() if isinstance(event.kind, str) else event.kind
    if kind not in tuple(BenefitKind):
        raise InputError(
            "benefit.bad_kind",
            field=label("kind"),
            value=clip(event.kind),
            kinds=" | ".join(BenefitKind),
            file=file or "-",
        )
    person = check_text(event.person, label("person"), MAX_NAME, file=file, required=True)
    id_number: str | None = None
    if event.id_number is not None and not (
        isinstance(event.id_number, str) and not event.id_number.strip()
    ):
        try:
            id_number = normalise_id_number(event.id_number)
        except InputError as exc:
            raise InputError(
                "benefit.bad_id_number",
                field=label("id_number"),
                file=file or "-",
                problem=exc.message(),
            ) from None
    amount = None
    if event.amount is not None and event.amount != "":
        fen = amount_fen(event.amount, label("amount"), file)
        if fen == 0 and kind in NEEDS_AMOUNT:  # a reissue or recovery of nothing
            raise InputError(
                "benefit.amount_required", field=label("amount"), kind=kind, file=file or "-"
            )
        amount = yuan(fen)
    elif kind in NEEDS_AMOUNT:
        raise InputError(
            "benefit.amount_required", field=label("amount"), kind=kind, file=file or "-"
        )
    if event.happened_on is None or event.happened_on == "":
        raise InputError("manifest.missing_field", field=label("date"), file=file or "-")
    happened_on = _day(event.happened_on, label("date"))
    period_from = _day(event.period_from, label("period_from"))
    period_to = _day(event.period_to, label("period_to"))
    if period_from and period_to and period_to < period_from:
        raise InputError(
            "benefit.bad_period",
            field=label("period_to"),
            start=period_from.isoformat(),
            end=period_to.isoformat(),
            file=file or "-",
        )
    return BenefitEventInput(
        kind=str(kind),
        person=person,
        happened_on=happened_on or dt.date.min,
        id_number=id_number,
        amount=amount,
        period_from=period_from,
        period_to=period_to,
        bank_change=check_text(
            event.bank_change or None, label("bank_change"), MAX_BANK_CHANGE, file=file
        ),
        note=check_text(event.note or None, label("note"), MAX_NOTE, file=file),
    )


def events_from_manifest(value: Any, label: str) -> list[BenefitEventInput]:
    """The manifest's `"events"`: absent, or a list of objects, each checked."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError("manifest.not_a_list", field="events", file=label)
    if len(value) > MAX_EVENTS:
        raise InputError(
            "value.too_many", field="events", count=len(value), limit=MAX_EVENTS, file=label
        )
    events: list[BenefitEventInput] = []
    for index, entry in enumerate(value):
        prefix = f"events[{index}]."
        if not isinstance(entry, dict):
            raise InputError("manifest.not_an_object", field=f"events[{index}]", file=label)
        kind = entry.get("kind")
        if not isinstance(kind, str):
            raise InputError(
                "benefit.bad_kind",
                field=prefix + "kind",
                value=clip(kind),
                kinds=" | ".join(BenefitKind),
                file=label,
            )
        for key in ("date", "period_from", "period_to"):
            if entry.get(key) is not None and not isinstance(entry.get(key), str):
                raise InputError("date.invalid", value=clip(entry.get(key)), field=prefix + key)
        for key in ("person", "bank_change", "note"):
            if entry.get(key) is not None and not isinstance(entry.get(key), str):
                raise InputError(
                    "value.not_text", field=prefix + key, value=clip(entry.get(key)), file=label
                )
        if entry.get("id_number") is not None and not isinstance(entry.get("id_number"), str):
            raise InputError(
                "value.not_text",
                field=prefix + "id_number",
                value=clip(entry.get("id_number")),
                file=label,
            )
        events.append(
            check_event(
                BenefitEventInput(
                    kind=kind,
                    person=entry.get("person") or "",
                    happened_on=entry.get("date") or "",
                    id_number=entry.get("id_number"),
                    amount=entry.get("amount"),
                    period_from=entry.get("period_from"),
                    period_to=entry.get("period_to"),
                    bank_change=entry.get("bank_change") or "",
                    note=entry.get("note") or "",
                ),
                prefix,
                label,
            )
        )
    return events


def _entity_for(session: Session, item: Item, event: BenefitEventInput) -> int | None:
    """The person the event concerns: by ID number (whatever name the event spells), else
    the item's own person or a roster person of that name."""
    if event.id_number:
        found = session.execute(
            select(Entity.id, Entity.name).where(Entity.id_number == event.id_number)
        ).first()
        if found is None:
            return None
        # A name spelt otherwise under the ID number of someone on this item is that person
        # (a typo); under the ID number of someone this item does not concern, it would
        # merge two people in the person file: refused, as capture refuses it.
        if found.name != event.person and found.id not in _people_of(session, item):
            raise InputError(
                "entity.conflict",
                id_number=mask_id_number(event.id_number),
                existing=found.name,
                name=event.person,
            )
        return int(found.id)
    entity = session.get(Entity, item.entity_id)
    if entity is not None and entity.kind == "person" and entity.name == event.person:
        return entity.id
    on_roster = session.scalar(
        select(RosterEntry.entity_id)
        .where(RosterEntry.item_id == item.id, RosterEntry.name == event.person)
        .where(RosterEntry.entity_id.is_not(None))
        .order_by(RosterEntry.position)
    )
    return int(on_roster) if on_roster is not None else None


def _people_of(session: Session, item: Item) -> set[int]:
    """The entities an item concerns: its own person or unit, its roster, its vouchers."""
    people = {item.entity_id} if item.entity_id is not None else set()
    people |= set(
        session.scalars(
            select(RosterEntry.entity_id).where(
                RosterEntry.item_id == item.id, RosterEntry.entity_id.is_not(None)
            )
        )
    )
    people |= set(
        session.scalars(
            select(Material.person_entity_id).where(
                Material.item_id == item.id, Material.person_entity_id.is_not(None)
            )
        )
    )
    return {p for p in people if p is not None}


def add_rows(
    session: Session, item: Item, events: Iterable[BenefitEventInput]
) -> list[BenefitEvent]:
    """Write checked events of `item` inside the open transaction."""
    rows: list[BenefitEvent] = []
    now = audit.now_text()
    for event in events:
        assert isinstance(event.happened_on, dt.date)
        row = BenefitEvent(
            item_id=item.id,
            kind=event.kind,
            person_name=event.person,
            person_id_number=event.id_number,
            entity_id=_entity_for(session, item, event),
            amount_fen=amount_fen(event.amount, "amount") if event.amount is not None else None,
            period_from=event.period_from if isinstance(event.period_from, dt.date) else None,
            period_to=event.period_to if isinstance(event.period_to, dt.date) else None,
            bank_change=event.bank_change,
            happened_on=event.happened_on,
            note=event.note,
            created_at=now,
        )
        session.add(row)
        rows.append(row)
    session.flush()
    return rows


def row_json(row: BenefitEvent) -> dict[str, Any]:
    """An event's row for the audit trail (in full)."""
    return {
        "kind": row.kind,
        "person": row.person_name,
        "id_number": row.person_id_number,
        "amount": yuan(row.amount_fen),
        "period_from": row.period_from.isoformat() if row.period_from else None,
        "period_to": row.period_to.isoformat() if row.period_to else None,
        "bank_change": row.bank_change,
        "date": row.happened_on.isoformat(),
        "note": row.note,
    }


def kind_label(kind: str, language: str = "zh") -> str:
    labels = KIND_LABELS.get(kind)
    if labels is None:
        return kind
    return labels[0] if language == "zh" else labels[1]


def view_of(row: BenefitEvent, item_number: str, *, reveal_ids: bool) -> BenefitEventView:
    from archivist.messages import current_language

    id_number = row.person_id_number
    if id_number and not reveal_ids:
        id_number = mask_id_number(id_number)
    return BenefitEventView(
        id=row.id,
        item_number=item_number,
        kind=row.kind,
        kind_label=kind_label(row.kind, current_language()),
        person=row.person_name,
        id_number=id_number,
        amount=yuan(row.amount_fen),
        period_from=row.period_from,
        period_to=row.period_to,
        bank_change=row.bank_change,
        happened_on=row.happened_on,
        note=row.note,
        created_at=row.created_at,
    )


def events_of(
    session: Session, item_ids: Iterable[int], *, reveal_ids: bool = False
) -> list[BenefitEventView]:
    """The events of these items, by date."""
    ids = list(set(item_ids))
    if not ids:
        return []
    rows = session.execute(
        select(BenefitEvent, Item.number)
        .join(Item, Item.id == BenefitEvent.item_id)
        .where(BenefitEvent.item_id.in_(ids))
        .order_by(BenefitEvent.happened_on, BenefitEvent.id)
    ).all()
    return [view_of(row, number, reveal_ids=reveal_ids) for row, number in rows]


def events_between(
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    kind: str | None = None,
    reveal_ids: bool = False,
) -> list[BenefitEventView]:
    """Events that happened from `start` to `end` (inclusive; None: open), by date — the
    benefit-event registers' rows."""
    query = select(BenefitEvent, Item.number).join(Item, Item.id == BenefitEvent.item_id)
    if start is not None:
        query = query.where(BenefitEvent.happened_on >= start)
    if end is not None:
        query = query.where(BenefitEvent.happened_on <= end)
    if kind is not None:
        query = query.where(BenefitEvent.kind == kind)
    rows = session.execute(query.order_by(BenefitEvent.happened_on, BenefitEvent.id)).all()
    return [view_of(row, number, reveal_ids=reveal_ids) for row, number in rows]
