"""The registers of use (issue 14), filled from the use requests and benefit events:
借阅登记簿 (loans), 催还通知 (overdue-notice), 利用效果登记 (use-effect) and the benefit
events (benefit-events). What the archive does not know stays blank; ID numbers are
always masked on these registers, whoever prints them.

A request belongs to a period by the day it was used (`archivist.use.statistics.use_date`):
the day a loan went out, the day a consultation, copy or view was approved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.changes.states import LoanEntryState
from archivist.db.models import (
    Account,
    AuditEvent,
    BenefitEvent,
    Box,
    Item,
    UseRequest,
    UseTarget,
    Volume,
)
from archivist.errors import InputError
from archivist.registers.layouts import DocumentData, get_layout
from archivist.rules.identity import mask_id_number
from archivist.rules.retention import Retention
from archivist.use.requests import UseKind, load_request
from archivist.use.statistics import local_day, use_date, uses_between

if TYPE_CHECKING:
    from archivist.access.person_file import PersonFile

T = TypeVar("T")

USE_KINDS = ("loans", "overdue-notice", "use-effect", "benefit-events", "person-file")
PERIOD_KINDS = ("loans", "use-effect", "benefit-events")

# 利用方式 as the loan register names it
WAY_LABELS = {
    UseKind.CONSULT: "查阅",
    UseKind.LEND: "借出",
    UseKind.COPY: "复印",
    UseKind.VIEW: "电子调阅",
}
CONDITION_LABELS = {"intact": "完好", "damaged": "损坏", "lost": "丢失"}
BENEFIT_LABELS = {
    "review_change": "待遇审核变更",
    "reissue": "二次发放",
    "recovery": "追回待遇",
}
HOW_LABELS = {"entity": "档案主体", "roster": "名册", "voucher": "凭证"}


def _day(value: dt.date | None) -> str | None:
    return value.strftime("%Y%m%d") if value else None


def _span(start: dt.date | None, end: dt.date | None) -> str | None:
    if start is None and end is None:
        return None
    return f"{_day(start) or ''}—{_day(end) or ''}"


def _masked(value: str | None) -> str | None:
    return mask_id_number(value) if value else None


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value else None


def _empty(kind: str) -> InputError:
    return InputError("register.empty_selection", kind=kind, register=get_layout(kind).title)


def _chunks(values: Iterable[T], size: int = 900) -> list[list[T]]:
    """Values in lists short enough for one SQL `IN (...)`."""
    listed = list(values)
    return [listed[i : i + size] for i in range(0, len(listed), size)]


def _names(session: Session, users: Iterable[str | None]) -> dict[str, str]:
    """Display names of accounts by user name (a name not found shows as given)."""
    wanted = {u for u in users if u}
    if not wanted:
        return {}
    rows = session.execute(
        select(Account.user_name, Account.display_name).where(Account.user_name.in_(wanted))
    )
    found = {user: display or user for user, display in rows}
    return {user: found.get(user, user) for user in wanted}


def _labels(session: Session, targets: Sequence[UseTarget]) -> dict[int, tuple[str, str | None]]:
    """(档号, 题名) of each target by its id: an item's archival code and title, a volume's
    code and title, a box's code (a box has no title)."""
    item_ids = {t.item_id for t in targets if t.item_id is not None}
    volume_ids = {t.volume_id for t in targets if t.volume_id is not None}
    box_ids = {t.box_id for t in targets if t.box_id is not None}
    items: dict[int, tuple[str, str]] = {}
    volumes: dict[int, tuple[str, str]] = {}
    boxes: dict[int, str] = {}
    for chunk in _chunks(item_ids):
        for i, code, title in session.execute(
            select(Item.id, Item.archival_code, Item.title).where(Item.id.in_(chunk))
        ):
            items[i] = (code, title)
    for chunk in _chunks(volume_ids):
        for v, code, title in session.execute(
            select(Volume.id, Volume.code, Volume.title).where(Volume.id.in_(chunk))
        ):
            volumes[v] = (code, title)
    for chunk in _chunks(box_ids):
        for box_id, code in session.execute(select(Box.id, Box.code).where(Box.id.in_(chunk))):
            boxes[box_id] = code
    labels: dict[int, tuple[str, str | None]] = {}
    for target in targets:
        if target.item_id is not None and target.item_id in items:
            code, title = items[target.item_id]
            labels[target.id] = (code, title)
        elif target.volume_id is not None and target.volume_id in volumes:
            code, title = volumes[target.volume_id]
            labels[target.id] = (code, title)
        elif target.box_id is not None and target.box_id in boxes:
            labels[target.id] = (boxes[target.box_id], None)
        else:
            labels[target.id] = (target.code, None)
    return labels


def _lenders(session: Session, numbers: Sequence[str]) -> dict[str, str]:
    """Who lent each request out (the actor of its `use.lend`), by request number."""
    lenders: dict[str, str] = {}
    for chunk in _chunks([f"use:{n}" for n in numbers]):
        rows = session.execute(
            select(AuditEvent.target, AuditEvent.actor)
            .where(AuditEvent.action == "use.lend", AuditEvent.target.in_(chunk))
            .order_by(AuditEvent.seq)
        )
        lenders.update((target.removeprefix("use:"), actor) for target, actor in rows)
    return lenders


def _return_state(request: UseRequest, target: UseTarget) -> str | None:
    if target.condition:
        return CONDITION_LABELS.get(target.condition, target.condition)
    if target.state == LoanEntryState.OUT:
        return "未还"
    return None


def loans(session: Session, start: dt.date, end: dt.date) -> DocumentData:
    """借阅登记簿: one row per thing asked for in each request used in the period."""
    requests = uses_between(session, start, end)
    if not requests:
        raise _empty("loans")
    targets = [t for r in requests for t in r.targets]
    labels = _labels(session, targets)
    lenders = _lenders(session, [r.number for r in requests])
    names = _names(
        session,
        [r.decided_by for r in requests]
        + [lenders.get(r.number, r.requested_by) for r in requests],
    )
    rows: list[list[Any]] = []
    for request in requests:
        kind = UseKind(request.kind)
        handler = lenders.get(request.number, request.requested_by)
        for target in request.targets:
            code, title = labels[target.id]
            rows.append(
                [
                    len(rows) + 1,
                    _day(use_date(request)),
                    request.borrower_name,
                    _blank(request.borrower_unit),
                    _masked(request.borrower_id_number),
                    request.purpose,
                    code,
                    title,
                    WAY_LABELS[kind],
                    _day(request.due_on) if kind is UseKind.LEND else None,
                    _day(target.returned_on),
                    _return_state(request, target),
                    names.get(request.decided_by or "") if request.decided_by else None,
                    names.get(handler, handler),
                ]
            )
    return DocumentData(fields={"span": _span(start, end)}, rows=rows)


def due_on_day(request: UseRequest, day: dt.date) -> dt.date | None:
    """The due date in force on `day`: an extension approved after it did not yet count."""
    due = request.due_on
    for extension in sorted(request.extensions, key=lambda e: e.id, reverse=True):
        granted = local_day(extension.approved_at)
        if granted is not None and granted > day:
            due = extension.old_due_on
    return due


def overdue_notice(session: Session, number: str, as_of: dt.date) -> DocumentData:
    """催还通知 of one loan: what was still out on `as_of` after its due date."""
    request = load_request(session, number)
    if request.kind != UseKind.LEND:
        raise InputError("register.not_a_loan", number=request.number)
    due = due_on_day(request, as_of)
    lent = request.lent_on
    outstanding = [
        t
        for t in request.targets
        if lent is not None
        and lent <= as_of
        and (
            t.state == LoanEntryState.OUT
            or (t.state == LoanEntryState.RETURNED and t.returned_on and t.returned_on > as_of)
        )
    ]
    if due is None or due >= as_of or not outstanding:
        raise InputError("register.not_overdue", number=request.number, date=as_of.isoformat())
    labels = _labels(session, outstanding)
    days = (as_of - due).days
    rows = [[labels[t.id][0], labels[t.id][1], _day(lent), _day(due), days] for t in outstanding]
    return DocumentData(
        fields={
            "borrower": request.borrower_name,
            "unit": _blank(request.borrower_unit),
            "contact": _blank(request.borrower_phone),
            "number": request.number,
            "as_of": _day(as_of),
            "notice": (
                f"您借阅的下列档案应于 {due.isoformat()} 归还，截至 {as_of.isoformat()} "
                f"已逾期 {days} 天，请尽快归还档案室。"
            ),
        },
        rows=rows,
    )


def use_effect(session: Session, start: dt.date, end: dt.date) -> DocumentData:
    """利用效果登记: one row per request used in the period, its effect as recorded."""
    requests = uses_between(session, start, end)
    if not requests:
        raise _empty("use-effect")
    labels = _labels(session, [t for r in requests for t in r.targets])
    rows: list[list[Any]] = []
    for request in requests:
        codes = "\n".join(labels[t.id][0] for t in request.targets)
        rows.append(
            [
                len(rows) + 1,
                _day(use_date(request)),
                request.borrower_name,
                _blank(request.borrower_unit),
                request.purpose,
                codes or None,
                _blank(request.effect),
            ]
        )
    return DocumentData(fields={"span": _span(start, end)}, rows=rows)


def money(fen: int | None) -> str | None:
    """An amount in fen as yuan with two decimals (exact), blank when unknown."""
    if fen is None:
        return None
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def benefit_events(session: Session, start: dt.date, end: dt.date) -> DocumentData:
    """The benefit events (待遇审核变更, 二次发放, 追回待遇) that happened in the period."""
    from archivist.use.statistics import check_period

    check_period(start, end)
    rows_found = session.execute(
        select(BenefitEvent, Item.archival_code)
        .join(Item, Item.id == BenefitEvent.item_id)
        .where(BenefitEvent.happened_on.between(start, end))
        .order_by(BenefitEvent.happened_on, BenefitEvent.id)
    ).all()
    if not rows_found:
        raise _empty("benefit-events")
    rows: list[list[Any]] = []
    for event, code in rows_found:
        rows.append(
            [
                len(rows) + 1,
                _day(event.happened_on),
                BENEFIT_LABELS.get(event.kind, event.kind),
                event.person_name,
                _masked(event.person_id_number),
                money(event.amount_fen),
                _span(event.period_from, event.period_to),
                _blank(event.bank_change),
                code,
                _blank(event.note),
            ]
        )
    return DocumentData(fields={"span": _span(start, end)}, rows=rows)


def person_file_list(file: PersonFile) -> DocumentData:
    """一人一档档案清单: the person file's items, as `person_file` found them (its ID
    number masked unless the person printing needs it)."""
    if not file.entries:
        raise _empty("person-file")
    rows: list[list[Any]] = []
    for entry in file.entries:
        place = " / ".join(p for p in (entry.volume, entry.box, entry.location) if p)
        retention = Retention(entry.retention).label if entry.retention else None
        rows.append(
            [
                len(rows) + 1,
                entry.number,
                entry.title,
                entry.class_name or entry.class_code,
                entry.business_type or None,
                _day(entry.completed_on),
                retention,
                HOW_LABELS.get(entry.how, entry.how),
                place or None,
                entry.on_loan,
            ]
        )
    return DocumentData(
        fields={
            "names": "、".join(file.who.names) or None,
            "id_number": file.who.id_number,
            "unit_code": file.who.unit_code,
        },
        rows=rows,
    )
