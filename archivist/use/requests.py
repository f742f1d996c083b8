"""Use requests (利用申请): who asks for what and why, numbered LY-年度-流水号 without gaps,
approved or refused by someone with the right who is not the requester (nor the
borrower). Lending, returns and copies build on an approved request (lending.py,
copies.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.changes.actions import Action
from archivist.changes.audit import now_text
from archivist.changes.states import ItemState, LoanEntryState, LoanState, move
from archivist.db.models import (
    Account,
    ArchiveClass,
    Box,
    BoxItem,
    Item,
    UseRequest,
    UseTarget,
    Volume,
    VolumeItem,
)
from archivist.errors import AccessRefused, InputError, NotFound
from archivist.rules.identity import mask_id_number, normalise_id_number
from archivist.rules.limits import MAX_NAME, check_text

if TYPE_CHECKING:
    from archivist.archive import Archive

PREFIX = "LY"
MAX_PURPOSE = 500
MAX_PHONE = 40
MAX_TARGETS = 500
ACCOUNTING_CLASSES = frozenset({"KJ"})  # 会计档案: consulted and copied, never lent outside


class UseKind(StrEnum):
    CONSULT = "consult"  # 查阅 in the reading room
    LEND = "lend"  # 借出
    COPY = "copy"  # 复制 (paper or electronic)
    VIEW = "view"  # 电子调阅 on screen


class BorrowerKind(StrEnum):
    STAFF = "staff"  # an account of this archive
    PERSON = "person"  # an outside person (individual)
    UNIT = "unit"  # an outside unit


class TargetKind(StrEnum):
    ITEM = "item"
    VOLUME = "volume"
    BOX = "box"


# the period asked, in days, when none is given
DEFAULT_DAYS = {UseKind.CONSULT: 1, UseKind.LEND: 30, UseKind.COPY: 7, UseKind.VIEW: 7}
MAX_DAYS = 365


@dataclass(frozen=True)
class Borrower:
    """Who will use the records: a staff account (by user name) or an outside person or
    unit (name; ID number checked for a person; unit, phone)."""

    name: str
    kind: BorrowerKind = BorrowerKind.PERSON
    id_number: str | None = None
    unit: str = ""
    phone: str = ""
    account: str | None = None  # the user name, for a staff borrower


@dataclass(frozen=True)
class TargetView:
    kind: TargetKind
    code: str
    state: LoanEntryState
    returned_on: dt.date | None
    condition: str | None
    note: str


@dataclass(frozen=True)
class RequestView:
    number: str
    kind: UseKind
    status: LoanState
    requested_by: str
    borrower_kind: BorrowerKind
    borrower_name: str
    borrower_id_number: str | None  # masked unless the person sees ID numbers
    borrower_unit: str
    borrower_phone: str
    borrower_account: str | None
    purpose: str
    days: int
    created_at: str
    decided_by: str | None
    decided_at: str | None
    refusal: str
    valid_until: dt.date | None
    lent_on: dt.date | None
    due_on: dt.date | None
    closed_at: str | None
    effect: str
    effect_on: dt.date | None
    targets: tuple[TargetView, ...] = field(default_factory=tuple)
    extensions: tuple[tuple[int, dt.date, dt.date, str, str], ...] = ()  # days, old, new, why, by


def request_number(year: int, serial: int) -> str:
    return f"{PREFIX}-{year}-{serial:04d}"


def _target(number: str) -> str:
    return f"use:{number}"


def load_request(session: Session, number: str) -> UseRequest:
    request = session.scalars(
        select(UseRequest).where(UseRequest.number == number.strip().upper())
    ).first()
    if request is None:
        raise NotFound("use.unknown_request", number=number.strip()[:40])
    return request


def _borrower(session: Session, borrower: Borrower) -> Borrower:
    """The borrower checked: a staff account that exists and is active; a person's ID
    number with its check digit; names and phones bounded."""
    kind = BorrowerKind(borrower.kind)
    phone = check_text(borrower.phone, "phone", MAX_PHONE) if borrower.phone else ""
    unit = check_text(borrower.unit, "unit", 200) if borrower.unit else ""
    if kind is BorrowerKind.STAFF:
        name = (borrower.account or borrower.name or "").strip().lower()
        account = session.scalars(select(Account).where(Account.user_name == name)).first()
        if account is None or not account.active:
            raise InputError("use.unknown_staff", user=name[:32])
        return Borrower(account.display_name, kind, None, unit, phone, account.user_name)
    if not (borrower.name or "").strip():
        raise InputError("use.borrower_missing")
    name = check_text(borrower.name, "borrower", MAX_NAME, required=True)
    id_number = normalise_id_number(borrower.id_number) if borrower.id_number else None
    if kind is BorrowerKind.UNIT and not (unit or name):
        raise InputError("use.unit_needs_name")
    return Borrower(name, kind, id_number, unit, phone, None)


def resolve_targets(
    session: Session,
    items: Sequence[str] = (),
    volumes: Sequence[str] = (),
    boxes: Sequence[str] = (),
) -> list[UseTarget]:
    """New target rows for the codes given, each found (else NotFound), duplicates
    dropped; refused when nothing is asked for."""
    found: list[UseTarget] = []
    seen: set[tuple[str, str]] = set()
    for kind, codes in (
        (TargetKind.ITEM, items),
        (TargetKind.VOLUME, volumes),
        (TargetKind.BOX, boxes),
    ):
        for raw in codes:
            code = str(raw).strip()
            if not code or (kind, code) in seen:
                continue
            seen.add((kind, code))
            row = UseTarget(kind=kind.value, code=code, state=LoanEntryState.WAITING.value, note="")
            if kind is TargetKind.ITEM:
                item = session.scalars(
                    select(Item).where((Item.number == code) | (Item.archival_code == code))
                ).first()
                if item is None:
                    raise NotFound("item.not_found", number=code[:60])
                row.item_id, row.code = item.id, item.number
            elif kind is TargetKind.VOLUME:
                volume = session.scalars(select(Volume).where(Volume.code == code)).first()
                if volume is None:
                    raise NotFound("volume.not_found", code=code[:60])
                row.volume_id = volume.id
            else:
                box = session.scalars(select(Box).where(Box.code == code)).first()
                if box is None:
                    raise NotFound("box.not_found", code=code[:60])
                row.box_id = box.id
            found.append(row)
    if not found:
        raise InputError("use.empty_selection")
    if len(found) > MAX_TARGETS:
        raise InputError("use.too_many", limit=MAX_TARGETS)
    return found


def items_of(session: Session, targets: Sequence[UseTarget]) -> set[int]:
    """The ids of every item the targets cover (a volume's items, a box's items and the
    items of the volumes in it)."""
    ids = {t.item_id for t in targets if t.item_id is not None}
    volume_ids = {t.volume_id for t in targets if t.volume_id is not None}
    box_ids = {t.box_id for t in targets if t.box_id is not None}
    if box_ids:
        ids |= set(session.scalars(select(BoxItem.item_id).where(BoxItem.box_id.in_(box_ids))))
        volume_ids |= set(session.scalars(select(Volume.id).where(Volume.box_id.in_(box_ids))))
    if volume_ids:
        ids |= set(
            session.scalars(select(VolumeItem.item_id).where(VolumeItem.volume_id.in_(volume_ids)))
        )
    return ids


def accounting_items(session: Session, item_ids: set[int]) -> list[str]:
    """The numbers of the accounting records (会计档案) among `item_ids`."""
    if not item_ids:
        return []
    return list(
        session.scalars(
            select(Item.number)
            .join(ArchiveClass, ArchiveClass.id == Item.class_id)
            .where(Item.id.in_(item_ids), ArchiveClass.code.in_(ACCOUNTING_CLASSES))
            .order_by(Item.number)
        )
    )


def out_item_ids(session: Session) -> set[int]:
    """Every item out on loan now (lent directly, in a volume lent, or in a box lent)."""
    out = list(session.scalars(select(UseTarget).where(UseTarget.state == LoanEntryState.OUT)))
    return items_of(session, out)


def create_request(
    archive: Archive,
    kind: UseKind | str,
    borrower: Borrower,
    purpose: str,
    *,
    items: Sequence[str] = (),
    volumes: Sequence[str] = (),
    boxes: Sequence[str] = (),
    days: int | None = None,
) -> RequestView:
    """A new request (status requested). Refused: an empty selection, an unknown record,
    a bad ID number, an accounting record to be lent outside, something already out."""
    use = _kind(kind)
    period = DEFAULT_DAYS[use] if days is None else int(days)
    if not 1 <= period <= MAX_DAYS:
        raise InputError("use.bad_days", low=1, high=MAX_DAYS)
    text = check_text(purpose, "purpose", MAX_PURPOSE, required=True)
    with archive.change(Action.USE_REQUEST, "use:") as change:
        session = change.session
        who = _borrower(session, borrower)
        targets = resolve_targets(session, items, volumes, boxes)
        covered = items_of(session, targets)
        _available(session, covered)
        if use is UseKind.LEND:
            _lendable(session, covered, who)
        year = dt.date.today().year
        serial = (
            session.scalar(select(func.max(UseRequest.serial)).where(UseRequest.year == year)) or 0
        ) + 1
        number = request_number(year, serial)
        request = UseRequest(
            number=number,
            year=year,
            serial=serial,
            kind=use.value,
            status=LoanState.REQUESTED.value,
            requested_by=change.actor,
            borrower_kind=who.kind.value,
            borrower_name=who.name,
            borrower_id_number=who.id_number,
            borrower_unit=who.unit,
            borrower_phone=who.phone,
            borrower_account=who.account,
            purpose=text,
            days=period,
            created_at=now_text(),
            refusal="",
            effect="",
        )
        for seq, target in enumerate(targets, start=1):
            target.seq = seq
            request.targets.append(target)
        session.add(request)
        session.flush()
        change.target = _target(number)
        change.touch_items(covered)
        change.after = {
            "number": number,
            "kind": use.value,
            "borrower": who.name,
            "borrower_kind": who.kind.value,
            "purpose": text,
            "days": period,
            "targets": [f"{t.kind}:{t.code}" for t in targets],
        }
    return show_request(archive, number, log=False)


def _kind(kind: UseKind | str) -> UseKind:
    try:
        return UseKind(str(kind).strip().lower())
    except ValueError:
        raise InputError(
            "use.unknown_kind", kind=str(kind)[:20], kinds=", ".join(k.value for k in UseKind)
        ) from None


def _available(session: Session, covered: set[int]) -> None:
    """Refuse records no longer in the archive room: destroyed, transferred, or written
    off as lost when they came back from a loan."""
    lost_targets = list(session.scalars(select(UseTarget).where(UseTarget.condition == "lost")))
    lost = items_of(session, lost_targets) & covered if lost_targets else set()
    if lost:
        numbers = sorted(session.scalars(select(Item.number).where(Item.id.in_(lost))))
        raise InputError("use.lost", numbers=", ".join(numbers[:5]))
    gone = list(
        session.scalars(
            select(Item.number)
            .where(
                Item.id.in_(covered),
                Item.status.in_((ItemState.DESTROYED.value, ItemState.TRANSFERRED.value)),
            )
            .order_by(Item.number)
        )
    )
    if gone:
        raise InputError("use.gone", numbers=", ".join(gone[:5]))


def _lendable(session: Session, covered: set[int], borrower: Borrower) -> None:
    """Refuse what may not leave the room: destroyed or transferred records, accounting
    records to someone outside the unit, anything already out."""
    _available(session, covered)
    if borrower.kind is not BorrowerKind.STAFF:
        accounting = accounting_items(session, covered)
        if accounting:
            raise InputError("use.accounting_not_lent", numbers=", ".join(accounting[:5]))
    busy = sorted(
        session.scalars(select(Item.number).where(Item.id.in_(covered & out_item_ids(session))))
    )
    if busy:
        raise InputError("use.already_out", numbers=", ".join(busy[:5]))


def approve(archive: Archive, number: str) -> RequestView:
    """Approve a request: by someone with the right who neither asked nor borrows."""
    with archive.change(Action.USE_APPROVE, _target(number)) as change:
        request = load_request(change.session, number)
        _not_own(change.actor, request)
        _undecided(request)
        request.status = move(request.status, LoanState.APPROVED, request.number)
        request.decided_by = change.actor
        request.decided_at = now_text()
        if request.kind in (UseKind.VIEW, UseKind.COPY):
            request.valid_until = dt.date.today() + dt.timedelta(days=request.days)
        if request.kind == UseKind.LEND:  # still lendable now?
            who = Borrower(
                request.borrower_name,
                BorrowerKind(request.borrower_kind),
                account=request.borrower_account,
            )
            _lendable(change.session, items_of(change.session, request.targets), who)
        change.before = {"status": LoanState.REQUESTED.value}
        change.after = {"status": request.status, "valid_until": request.valid_until}
    return show_request(archive, number, log=False)


def refuse(archive: Archive, number: str, reason: str) -> RequestView:
    with archive.change(Action.USE_REFUSE, _target(number), reason=reason) as change:
        request = load_request(change.session, number)
        _not_own(change.actor, request)
        _undecided(request)
        request.status = move(request.status, LoanState.REFUSED, request.number)
        request.decided_by = change.actor
        request.decided_at = now_text()
        request.refusal = change.reason
        change.before = {"status": LoanState.REQUESTED.value}
        change.after = {"status": request.status}
    return show_request(archive, number, log=False)


def _undecided(request: UseRequest) -> None:
    """A request is approved or refused once: a second decision would overwrite the first."""
    if request.status != LoanState.REQUESTED.value:
        raise InputError("use.already_decided", number=request.number, by=request.decided_by or "-")


def _not_own(actor: str, request: UseRequest) -> None:
    """The requester never approves, nor does the staff member who borrows."""
    if actor in (request.requested_by, request.borrower_account):
        raise AccessRefused("use.own_request", number=request.number, user=actor)


def view_of(request: UseRequest, *, sees_ids: bool) -> RequestView:
    id_number = request.borrower_id_number
    if id_number and not sees_ids:
        id_number = mask_id_number(id_number)
    return RequestView(
        number=request.number,
        kind=UseKind(request.kind),
        status=LoanState(request.status),
        requested_by=request.requested_by,
        borrower_kind=BorrowerKind(request.borrower_kind),
        borrower_name=request.borrower_name,
        borrower_id_number=id_number,
        borrower_unit=request.borrower_unit,
        borrower_phone=request.borrower_phone,
        borrower_account=request.borrower_account,
        purpose=request.purpose,
        days=request.days,
        created_at=request.created_at,
        decided_by=request.decided_by,
        decided_at=request.decided_at,
        refusal=request.refusal,
        valid_until=request.valid_until,
        lent_on=request.lent_on,
        due_on=request.due_on,
        closed_at=request.closed_at,
        effect=request.effect,
        effect_on=request.effect_on,
        targets=tuple(
            TargetView(
                TargetKind(t.kind),
                t.code,
                LoanEntryState(t.state),
                t.returned_on,
                t.condition,
                t.note,
            )
            for t in request.targets
        ),
        extensions=tuple(
            (e.days, e.old_due_on, e.new_due_on, e.reason, e.approved_by)
            for e in request.extensions
        ),
    )


def show_request(archive: Archive, number: str, *, log: bool = True) -> RequestView:
    """One request (READ; an access event unless it is the answer to a change)."""
    person = require(archive, Right.READ, "use.show")
    with archive.db.reading() as session:
        view = view_of(load_request(session, number), sees_ids=person.sees_id_numbers)
    if log:
        from archivist.accounts.access_log import AccessKind, record

        record(archive, AccessKind.VIEW_LIST, _target(view.number))
    return view


def list_requests(
    archive: Archive, *, status: str | None = None, year: int | None = None, limit: int = 2000
) -> list[RequestView]:
    """Requests, newest first, optionally of one status or year."""
    person = require(archive, Right.READ, "use.list")
    stmt = select(UseRequest)
    if status:
        try:
            state = LoanState(status.strip().lower())
        except ValueError:
            raise InputError(
                "use.unknown_status",
                status=status[:20],
                states=", ".join(s.value for s in LoanState),
            ) from None
        stmt = stmt.where(UseRequest.status == state.value)
    if year is not None:
        stmt = stmt.where(UseRequest.year == year)
    with archive.db.reading() as session:
        rows = session.scalars(
            stmt.order_by(UseRequest.year.desc(), UseRequest.serial.desc()).limit(limit)
        ).all()
        return [view_of(r, sees_ids=person.sees_id_numbers) for r in rows]
