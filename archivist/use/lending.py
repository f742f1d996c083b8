"""Lending out and back (借出与归还): an approved loan checked out with its condition and a
due date, returned in part or in full (完好 intact / 损坏 damaged / 丢失 lost), extended
by an approver who neither asked nor borrows; consultations, copies and screen views
closed; the effect of use (利用效果) recorded; the overdue, due-soon and damaged-or-lost
lists; and what is out now (`on_loan`, `out_note`) for `where`, the storage view, the
inventory and the person file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.changes.actions import Action
from archivist.changes.audit import now_text
from archivist.changes.states import LoanEntryState, LoanState, move, state_label
from archivist.db.models import (
    Box,
    BoxItem,
    Item,
    UseExtension,
    UseRequest,
    UseTarget,
    Volume,
    VolumeItem,
)
from archivist.errors import InputError
from archivist.rules.limits import check_text
from archivist.use.requests import (
    MAX_DAYS,
    Borrower,
    BorrowerKind,
    RequestView,
    TargetKind,
    UseKind,
    _lendable,
    _not_own,
    items_of,
    load_request,
    show_request,
)

if TYPE_CHECKING:
    from archivist.archive import Archive

MAX_NOTE = 500
MAX_EFFECT = 2000


class Condition(StrEnum):
    """How a thing came back: 完好 intact, 损坏 damaged, 丢失 lost."""

    INTACT = "intact"
    DAMAGED = "damaged"
    LOST = "lost"


CONDITION_WORDS = {"完好": Condition.INTACT, "损坏": Condition.DAMAGED, "丢失": Condition.LOST}


def condition_of(text: str) -> str:
    """intact/damaged/lost (or 完好/损坏/丢失), else refused."""
    word = str(text or "").strip()
    if word in CONDITION_WORDS:
        return CONDITION_WORDS[word].value
    try:
        return Condition(word.lower()).value
    except ValueError:
        raise InputError(
            "use.bad_condition", condition=word[:20], conditions=", ".join(Condition)
        ) from None


@dataclass(frozen=True)
class LoanNote:
    """Who has a thing now: the request, the borrower, the due date."""

    number: str
    borrower_name: str
    borrower_unit: str
    lent_on: dt.date | None
    due_on: dt.date | None

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "borrower": self.borrower_name,
            "unit": self.borrower_unit,
            "lent_on": self.lent_on.isoformat() if self.lent_on else None,
            "due_on": self.due_on.isoformat() if self.due_on else None,
        }


@dataclass(frozen=True)
class OverdueLoan:
    """A loan out past (or near) its due date: `targets` (kind, code, title) still out."""

    number: str
    borrower_name: str
    borrower_unit: str
    borrower_phone: str
    lent_on: dt.date | None
    due_on: dt.date
    days_overdue: int  # negative: days still to go
    targets: tuple[tuple[str, str, str], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "borrower": self.borrower_name,
            "unit": self.borrower_unit,
            "phone": self.borrower_phone,
            "lent_on": self.lent_on.isoformat() if self.lent_on else None,
            "due_on": self.due_on.isoformat(),
            "days_overdue": self.days_overdue,
            "targets": [{"kind": k, "code": c, "title": t} for k, c, t in self.targets],
        }


@dataclass(frozen=True)
class DamagedOrLost:
    """A thing that came back damaged, or was written off as lost."""

    number: str
    borrower_name: str
    kind: str
    code: str
    title: str
    condition: str
    returned_on: dt.date | None
    note: str

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "borrower": self.borrower_name,
            "kind": self.kind,
            "code": self.code,
            "title": self.title,
            "condition": self.condition,
            "returned_on": self.returned_on.isoformat() if self.returned_on else None,
            "note": self.note,
        }


def _target(number: str) -> str:
    return f"use:{number}"


def _status(request: UseRequest) -> LoanState:
    return LoanState(request.status)


def _today(on: dt.date | None) -> dt.date:
    return on if on is not None else dt.date.today()


# -- changes --------------------------------------------------------------------------------


def lend(
    archive: Archive,
    number: str,
    *,
    due_on: dt.date | None = None,
    note: str = "",
    on: dt.date | None = None,
) -> RequestView:
    """Check an approved loan out on `on` (today) with the condition noted; due on
    `due_on`, else the lent day plus the days asked. Refused: not a loan, not approved,
    already out, a due date before the loan, an accounting record to someone outside,
    something another loan has out."""
    day = _today(on)
    text = check_text(note, "note", MAX_NOTE) if note else ""
    with archive.change(Action.USE_LEND, _target(number)) as change:
        session = change.session
        request = load_request(session, number)
        if request.kind != UseKind.LEND:
            raise InputError("use.not_a_loan", number=request.number)
        state = _status(request)
        if state is LoanState.REQUESTED:
            raise InputError("use.not_approved", number=request.number)
        if state is LoanState.OUT:
            raise InputError("use.already_lent", number=request.number)
        due = due_on if due_on is not None else day + dt.timedelta(days=request.days)
        if due < day:
            raise InputError("use.due_before_loan", due=due.isoformat(), lent=day.isoformat())
        if due > day + dt.timedelta(days=request.days):  # longer only by an extension
            raise InputError(
                "use.due_past_period", due=due.isoformat(), days=request.days, lent=day.isoformat()
            )
        request.status = move(request.status, LoanState.OUT, request.number)
        covered = items_of(session, request.targets)
        who = Borrower(
            request.borrower_name,
            BorrowerKind(request.borrower_kind),
            account=request.borrower_account,
        )
        _lendable(session, covered, who)  # still lendable now (another loan, the rules)
        for target in request.targets:
            target.state = move(target.state, LoanEntryState.OUT, target.code)
            target.note = text
        request.lent_on, request.due_on = day, due
        change.touch_items(covered)
        change.before = {"status": state.value}
        change.after = {
            "status": request.status,
            "lent_on": day,
            "due_on": due,
            "note": text,
            "targets": [f"{t.kind}:{t.code}" for t in request.targets],
        }
    return show_request(archive, number, log=False)


def _matches(target: UseTarget, code: str, item_codes: dict[int, tuple[str, str]]) -> bool:
    if target.code == code:
        return True
    return target.item_id is not None and code in item_codes.get(target.item_id, ())


def return_targets(
    archive: Archive,
    number: str,
    *,
    codes: Sequence[str] = (),
    condition: str,
    note: str = "",
    on: dt.date | None = None,
) -> RequestView:
    """Take back what is out (`codes`: item numbers or archival codes, volume or box
    codes of the request; none: everything still out) in `condition` with a note; the
    request is returned once all of it is back. Refused: the request is not out, a code
    it did not lend or that is back already, a return before the loan."""
    state_back = condition_of(condition)
    day = _today(on)
    text = check_text(note, "note", MAX_NOTE) if note else ""
    with archive.change(Action.USE_RETURN, _target(number)) as change:
        session = change.session
        request = load_request(session, number)
        if _status(request) is not LoanState.OUT or request.kind != UseKind.LEND:
            raise InputError("use.not_lent", number=request.number)
        if request.lent_on is not None and day < request.lent_on:
            raise InputError(
                "use.return_before_loan", day=day.isoformat(), lent=request.lent_on.isoformat()
            )
        out = [t for t in request.targets if t.state == LoanEntryState.OUT]
        wanted = [str(c).strip() for c in codes if str(c).strip()]
        if wanted:
            ids = [t.item_id for t in request.targets if t.item_id is not None]
            item_codes = {
                row.id: (row.number, row.archival_code)
                for row in session.execute(
                    select(Item.id, Item.number, Item.archival_code).where(Item.id.in_(ids))
                )
            }
            chosen: list[UseTarget] = []
            for code in dict.fromkeys(wanted):
                hit = next((t for t in request.targets if _matches(t, code, item_codes)), None)
                if hit is None:
                    raise InputError("use.not_in_request", code=code[:60], number=request.number)
                if hit.state != LoanEntryState.OUT:
                    raise InputError("use.not_out", code=hit.code, number=request.number)
                if hit not in chosen:
                    chosen.append(hit)
            out = chosen
        if not out:
            raise InputError("use.not_lent", number=request.number)
        for target in out:
            target.state = move(target.state, LoanEntryState.RETURNED, target.code)
            target.returned_on = day
            target.condition = state_back
            if text:
                target.note = f"{target.note}；{text}" if target.note else text
        change.touch_items(items_of(session, out))
        back = all(t.state == LoanEntryState.RETURNED for t in request.targets)
        if back:
            request.status = move(request.status, LoanState.RETURNED, request.number)
            request.closed_at = now_text()
        change.before = {"status": LoanState.OUT.value}
        change.after = {
            "status": request.status,
            "returned": [f"{t.kind}:{t.code}" for t in out],
            "condition": state_back,
            "returned_on": day,
            "note": text,
        }
    return show_request(archive, number, log=False)


def extend(archive: Archive, number: str, days: int, reason: str) -> RequestView:
    """Move a loan's due date on by `days`, approved by the person acting: someone with
    the right to approve use who neither asked nor borrows. Refused otherwise, and when
    the loan is not out."""
    period = int(days)
    if not 1 <= period <= MAX_DAYS:
        raise InputError("use.bad_days", low=1, high=MAX_DAYS)
    with archive.change(Action.USE_EXTEND, _target(number), reason=reason) as change:
        session = change.session
        request = load_request(session, number)
        _not_own(change.actor, request)
        if _status(request) is not LoanState.OUT or request.due_on is None:
            raise InputError("use.not_lent", number=request.number)
        old = request.due_on
        try:
            new = old + dt.timedelta(days=period)
        except OverflowError:
            raise InputError("use.bad_days", low=1, high=MAX_DAYS) from None
        request.due_on = new
        session.add(
            UseExtension(
                request_id=request.id,
                days=period,
                old_due_on=old,
                new_due_on=new,
                reason=change.reason,
                approved_by=change.actor,
                approved_at=now_text(),
            )
        )
        change.before = {"due_on": old}
        change.after = {"due_on": new, "days": period}
    return show_request(archive, number, log=False)


def close(archive: Archive, number: str, effect: str = "") -> RequestView:
    """A consultation, copy or screen view done (closed), with its effect if given.
    Refused for a loan (it is returned) and a request not approved."""
    text = check_text(effect, "effect", MAX_EFFECT) if effect else ""
    with archive.change(Action.USE_CLOSE, _target(number)) as change:
        request = load_request(change.session, number)
        if request.kind == UseKind.LEND:
            raise InputError("use.close_loan", number=request.number)
        state = _status(request)
        if state is LoanState.REQUESTED:
            raise InputError("use.not_approved", number=request.number)
        request.status = move(request.status, LoanState.CLOSED, request.number)
        request.closed_at = now_text()
        if text:
            request.effect, request.effect_on = text, dt.date.today()
        change.touch_items(items_of(change.session, request.targets))
        change.before = {"status": state.value}
        change.after = {"status": request.status, "effect": text}
    return show_request(archive, number, log=False)


def record_effect(
    archive: Archive, number: str, effect: str, on: dt.date | None = None
) -> RequestView:
    """Record the effect of use (利用效果) on `on` (today): only for a request that was
    used (out, returned or closed)."""
    text = check_text(effect, "effect", MAX_EFFECT, required=True)
    day = _today(on)
    with archive.change(Action.USE_EFFECT, _target(number)) as change:
        request = load_request(change.session, number)
        if _status(request) not in (LoanState.OUT, LoanState.RETURNED, LoanState.CLOSED):
            raise InputError(
                "use.not_used", number=request.number, status=state_label(LoanState(request.status))
            )
        change.before = {"effect": request.effect, "effect_on": request.effect_on}
        request.effect, request.effect_on = text, day
        change.after = {"effect": text, "effect_on": day}
    return show_request(archive, number, log=False)


# -- reading --------------------------------------------------------------------------------


def _titles(session: Session, targets: Sequence[UseTarget]) -> dict[tuple[str, int], str]:
    """The title of each target: an item's or a volume's title; a box has its code."""
    item_ids = {t.item_id for t in targets if t.item_id is not None}
    volume_ids = {t.volume_id for t in targets if t.volume_id is not None}
    titles: dict[tuple[str, int], str] = {}
    for chunk in _chunks(sorted(item_ids)):
        for row in session.execute(select(Item.id, Item.title).where(Item.id.in_(chunk))):
            titles[("item", row.id)] = row.title
    for chunk in _chunks(sorted(volume_ids)):
        for row in session.execute(select(Volume.id, Volume.title).where(Volume.id.in_(chunk))):
            titles[("volume", row.id)] = row.title
    return titles


def _chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    return [ids[at : at + size] for at in range(0, len(ids), size)]


def _title_of(target: UseTarget, titles: dict[tuple[str, int], str]) -> str:
    if target.item_id is not None:
        return titles.get(("item", target.item_id), "")
    if target.volume_id is not None:
        return titles.get(("volume", target.volume_id), "")
    return ""


def _loans(
    archive: Archive,
    what: str,
    low: dt.date | None,
    high: dt.date | None,
    as_of: dt.date,
    *,
    before: dt.date | None = None,
) -> list[OverdueLoan]:
    """Loans out due from `low` to `high` (or before `before`), in due order, with what is still out (one
    query: the requests, their targets out and those targets' titles)."""
    require(archive, Right.READ, what)
    stmt = (
        select(
            UseRequest.id,
            UseRequest.number,
            UseRequest.borrower_name,
            UseRequest.borrower_unit,
            UseRequest.borrower_phone,
            UseRequest.lent_on,
            UseRequest.due_on,
            UseTarget.kind,
            UseTarget.code,
            Item.title,
            Volume.title,
        )
        .join(UseTarget, UseTarget.request_id == UseRequest.id)
        .outerjoin(Item, Item.id == UseTarget.item_id)
        .outerjoin(Volume, Volume.id == UseTarget.volume_id)
        .where(  # out on `as_of`: lent by then, not back by then (a past day sees
            # what came back since as still out)
            UseRequest.status.in_((LoanState.OUT.value, LoanState.RETURNED.value)),
            UseRequest.due_on.is_not(None),
            UseRequest.lent_on <= as_of,
            or_(
                UseTarget.state == LoanEntryState.OUT.value,
                and_(
                    UseTarget.state == LoanEntryState.RETURNED.value,
                    UseTarget.returned_on > as_of,
                ),
            ),
        )
        .order_by(UseRequest.due_on, UseRequest.year, UseRequest.serial, UseTarget.seq)
    )
    if low is not None:
        stmt = stmt.where(UseRequest.due_on >= low)
    if high is not None:
        stmt = stmt.where(UseRequest.due_on <= high)
    if before is not None:
        stmt = stmt.where(UseRequest.due_on < before)
    heads: dict[int, tuple[Any, ...]] = {}
    targets: dict[int, list[tuple[str, str, str]]] = {}
    with archive.db.reading() as session:
        for row in session.execute(stmt):
            request_id = row[0]
            if request_id not in heads:
                heads[request_id] = tuple(row[1:7])
                targets[request_id] = []
            targets[request_id].append((row[7], row[8], row[9] or row[10] or ""))
    found = [
        OverdueLoan(
            number=number,
            borrower_name=name,
            borrower_unit=unit,
            borrower_phone=phone,
            lent_on=lent_on,
            due_on=due,
            days_overdue=(as_of - due).days,
            targets=tuple(targets[request_id]),
        )
        for request_id, (number, name, unit, phone, lent_on, due) in heads.items()
    ]
    from archivist.accounts.access_log import AccessKind, record

    record(archive, AccessKind.VIEW_LIST, what, {"as_of": as_of.isoformat(), "count": len(found)})
    return found


def overdue(archive: Archive, as_of: dt.date | None = None) -> list[OverdueLoan]:
    """Loans out whose due date is before `as_of` (today), the longest overdue first."""
    day = _today(as_of)
    return _loans(archive, "use.overdue", None, None, day, before=day)


def due_soon(
    archive: Archive, as_of: dt.date | None = None, within_days: int = 7
) -> list[OverdueLoan]:
    """Loans out falling due from `as_of` (today) to `within_days` later (the reminder
    list), the soonest first."""
    day = _today(as_of)
    if not 0 <= within_days <= MAX_DAYS:
        raise InputError("use.bad_days", low=0, high=MAX_DAYS)
    return _loans(archive, "use.due_soon", day, day + dt.timedelta(days=within_days), day)


def damaged_and_lost(archive: Archive) -> list[DamagedOrLost]:
    """Everything returned damaged or written off as lost, newest first."""
    require(archive, Right.READ, "use.damaged")
    with archive.db.reading() as session:
        rows = session.execute(
            select(UseTarget, UseRequest)
            .join(UseRequest, UseRequest.id == UseTarget.request_id)
            .where(UseTarget.condition.in_((Condition.DAMAGED, Condition.LOST)))
            .order_by(UseTarget.returned_on.desc(), UseRequest.number, UseTarget.seq)
        ).all()
        titles = _titles(session, [target for target, _ in rows])
        found = [
            DamagedOrLost(
                number=request.number,
                borrower_name=request.borrower_name,
                kind=target.kind,
                code=target.code,
                title=_title_of(target, titles),
                condition=target.condition or "",
                returned_on=target.returned_on,
                note=target.note,
            )
            for target, request in rows
        ]
    from archivist.accounts.access_log import AccessKind, record

    record(archive, AccessKind.VIEW_LIST, "use.damaged", {"count": len(found)})
    return found


def _note(request: UseRequest) -> LoanNote:
    return LoanNote(
        request.number,
        request.borrower_name,
        request.borrower_unit,
        request.lent_on,
        request.due_on,
    )


def _out_targets(session: Session) -> list[tuple[UseTarget, UseRequest]]:
    return [
        (target, request)
        for target, request in session.execute(
            select(UseTarget, UseRequest)
            .join(UseRequest, UseRequest.id == UseTarget.request_id)
            .where(UseTarget.state == LoanEntryState.OUT.value)
        ).all()
    ]


def on_loan(session: Session, item_ids: set[int]) -> dict[int, LoanNote]:
    """Which of `item_ids` are out now (lent themselves, in a volume lent or in a box
    lent), each with its loan."""
    if not item_ids:
        return {}
    found: dict[int, LoanNote] = {}
    by_volume: dict[int, LoanNote] = {}
    by_box: dict[int, LoanNote] = {}
    for target, request in _out_targets(session):
        if target.item_id is not None and target.item_id in item_ids:
            found.setdefault(target.item_id, _note(request))
        elif target.volume_id is not None:
            by_volume.setdefault(target.volume_id, _note(request))
        elif target.box_id is not None:
            by_box.setdefault(target.box_id, _note(request))
    if by_box:
        for box_id, item_id in session.execute(
            select(BoxItem.box_id, BoxItem.item_id).where(BoxItem.box_id.in_(list(by_box)))
        ):
            if item_id in item_ids:
                found.setdefault(item_id, by_box[box_id])
        for volume_id, holder in session.execute(
            select(Volume.id, Volume.box_id).where(Volume.box_id.in_(list(by_box)))
        ):
            if holder is not None:
                by_volume.setdefault(volume_id, by_box[holder])
    if by_volume:
        for volume_id, item_id in session.execute(
            select(VolumeItem.volume_id, VolumeItem.item_id).where(
                VolumeItem.volume_id.in_(list(by_volume))
            )
        ):
            if item_id in item_ids:
                found.setdefault(item_id, by_volume[volume_id])
    return found


def out_note(
    session: Session,
    *,
    item_id: int | None = None,
    volume_id: int | None = None,
    box_id: int | None = None,
) -> LoanNote | None:
    """The loan that has this item, volume or box out now, if any: an item lent itself
    or with its volume or box; a volume lent itself or with its box; a box lent."""
    if item_id is not None:
        return on_loan(session, {item_id}).get(item_id)
    holder = box_id
    if volume_id is not None:
        volume = session.get(Volume, volume_id)
        holder = volume.box_id if volume is not None else None
    for target, request in _out_targets(session):
        if volume_id is not None and target.volume_id == volume_id:
            return _note(request)
        if holder is not None and target.box_id == holder:
            return _note(request)
    return None


def box_out_note(session: Session, box: Box) -> LoanNote | None:
    """The loan that has a box out: the box lent itself, or everything in it lent
    (a box emptied by loans is not missing from the shelf)."""
    direct = out_note(session, box_id=box.id)
    if direct is not None:
        return direct
    probe = UseTarget(kind=TargetKind.BOX.value, code=box.code, box_id=box.id)
    inside = items_of(session, [probe])
    if not inside:
        return None
    lent = on_loan(session, inside)
    if len(lent) < len(inside):
        return None
    return next(iter(lent.values()))


def boxes_on_loan(archive: Archive) -> dict[str, LoanNote]:
    """The boxes out on loan now (the box itself lent), by box code (the storage view)."""
    require(archive, Right.READ, "use.boxes_out")
    with archive.db.reading() as session:
        found: dict[str, LoanNote] = {}
        for target, request in _out_targets(session):
            if target.box_id is not None:
                found.setdefault(target.code, _note(request))
        return found


def loans_in_box(archive: Archive, code: str) -> dict[str, LoanNote]:
    """What of a box is out on loan now, by volume code and item number (the box's
    contents in the storage view): lent itself, with its volume or with the box."""
    require(archive, Right.READ, f"use.box_out:{code}"[:200])
    with archive.db.reading() as session:
        box = session.scalars(select(Box).where(Box.code == code.strip())).first()
        if box is None:
            return {}
        found: dict[str, LoanNote] = {}
        whole = out_note(session, box_id=box.id)
        volumes = list(session.scalars(select(Volume).where(Volume.box_id == box.id)))
        for volume in volumes:
            note = whole or out_note(session, volume_id=volume.id)
            if note is not None:
                found[volume.code] = note
        probe = UseTarget(kind=TargetKind.BOX.value, code=box.code, box_id=box.id)
        inside = items_of(session, [probe])
        lent = on_loan(session, inside)
        if lent:
            for item_id, number in session.execute(
                select(Item.id, Item.number).where(Item.id.in_(list(lent)))
            ):
                found[number] = lent[item_id]
        return found


__all__ = [
    "Condition",
    "DamagedOrLost",
    "LoanNote",
    "OverdueLoan",
    "box_out_note",
    "boxes_on_loan",
    "close",
    "condition_of",
    "damaged_and_lost",
    "due_soon",
    "extend",
    "lend",
    "loans_in_box",
    "on_loan",
    "out_note",
    "overdue",
    "record_effect",
    "return_targets",
]
