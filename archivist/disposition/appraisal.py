"""Appraisal batches (鉴定, JD-年度-NN): the appraisal group (at least three members with
the appraiser role, one of them a head) takes the records due on a day, gives each an
opinion — destroy, extend (a longer period and the new expiry) or keep permanently —
with a reason, and every member signs as themselves. When the last member signs, the
extensions and permanent opinions are applied to the records (audited) and the destroy
opinions wait for a destruction register (archivist/disposition/destruction.py). What a
batch reads as is built in archivist/disposition/batch_views.py."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import require
from archivist.accounts.roles import Right, Role
from archivist.accounts.signing import normal_user_name, shown
from archivist.changes.actions import Action
from archivist.changes.audit import now_text
from archivist.changes.states import (
    AppraisalState,
    DestructionState,
    ItemState,
    move,
    state_label,
)
from archivist.db.models import (
    Account,
    AppraisalBatch,
    AppraisalEntry,
    AppraisalMember,
    ArchiveClass,
    DestructionEntry,
    DestructionRegister,
    Item,
)
from archivist.disposition.batch_views import (
    BatchView,
    EntryView,
    Opinion,
    batch_target,
    batch_view,
    batch_views,
    cancellations,
    entry_views,
)
from archivist.disposition.due import EARLIEST_YEAR, LATEST_YEAR, in_appraisal_item_ids
from archivist.disposition.holds import held_item_ids
from archivist.disposition.records import (
    item_by_code,
    items_by_code,
    pages_by_item,
)
from archivist.disposition.words import check_words
from archivist.errors import AccessRefused, InputError, NotFound
from archivist.rules.limits import check_day
from archivist.rules.retention import Retention, parse_retention

if TYPE_CHECKING:
    from archivist.archive import Archive

PREFIX = "JD"
MIN_MEMBERS = 3


def batch_number(year: int, serial: int) -> str:
    return f"{PREFIX}-{year}-{serial:02d}"


MAX_MEMBERS = 20
MAX_REASON = 500
MAX_PERIOD_YEARS = 100  # the longest fixed term (archive-rules §4); longer: 永久
_PERIOD = re.compile(r"^(?:D)?(\d{1,3})(?:年)?$")


def _opinion(value: Opinion | str) -> Opinion:
    try:
        return Opinion(str(value).strip().lower())
    except ValueError:
        raise InputError("appraisal.unknown_opinion", opinion=shown(str(value), 20)) from None


def parse_period(value: str) -> Retention:
    """A retention period as people write it: D30, d30, 30年, 30, 永久, Y."""
    text = str(value or "").strip().upper()
    if text in ("永久", "Y"):
        return Retention("Y")
    match = _PERIOD.match(text)
    if match is None:
        raise InputError("appraisal.bad_period", value=shown(str(value), 20))
    if int(match.group(1)) > MAX_PERIOD_YEARS:
        raise InputError(
            "appraisal.period_too_long", value=shown(str(value), 20), max=MAX_PERIOD_YEARS
        )
    try:
        return parse_retention(f"D{int(match.group(1))}")
    except InputError:
        raise InputError("appraisal.bad_period", value=shown(str(value), 20)) from None


def _years(period: Retention) -> int:
    return period.years if period.years is not None else 0


# -- reading -----------------------------------------------------------------------------


def load_batch(session: Session, number: str) -> AppraisalBatch:
    wanted = str(number or "").strip().upper()
    batch = session.scalars(select(AppraisalBatch).where(AppraisalBatch.number == wanted)).first()
    if batch is None:
        raise NotFound("appraisal.unknown", number=shown(str(number), 40))
    return batch


def _members(session: Session, batch: AppraisalBatch) -> list[AppraisalMember]:
    return list(
        session.scalars(
            select(AppraisalMember)
            .where(AppraisalMember.batch_id == batch.id)
            .order_by(AppraisalMember.seq)
        )
    )


def _read(archive: Archive, number: str) -> BatchView:
    with archive.db.reading() as session:
        return batch_view(session, load_batch(session, number))


def signed_members(archive: Archive, batch: str) -> tuple[str, ...]:
    """Who has signed the batch so far (an unknown batch: nobody), for a caller about to
    change it (READ; an access event)."""
    number = str(batch or "").strip().upper()
    require(archive, Right.READ, batch_target(number))
    with archive.db.reading() as session:
        signed = tuple(
            session.scalars(
                select(AppraisalMember.user_name)
                .join(AppraisalBatch, AppraisalBatch.id == AppraisalMember.batch_id)
                .where(AppraisalBatch.number == number, AppraisalMember.signed_at.is_not(None))
                .order_by(AppraisalMember.seq)
            )
        )
    record(archive, AccessKind.VIEW_LIST, batch_target(number), {"signed": len(signed)})
    return signed


# -- creating ----------------------------------------------------------------------------


def _group(session: Session, members: Sequence[str]) -> list[tuple[Account, bool]]:
    """The members' accounts in the order given, with `head` for those holding the head
    role: at least MIN_MEMBERS different active people with the appraiser role, one a head."""
    names: list[str] = []
    for raw in members:
        name = normal_user_name(str(raw).strip())
        if name and name not in names:
            names.append(name)
    if len(names) < MIN_MEMBERS:
        raise InputError("appraisal.too_few_members", min=MIN_MEMBERS, count=len(names))
    if len(names) > MAX_MEMBERS:
        raise InputError("appraisal.too_many_members", max=MAX_MEMBERS, count=len(names))
    found: list[tuple[Account, bool]] = []
    for name in names:
        account = session.scalars(select(Account).where(Account.user_name == name)).first()
        if account is None or account.kind != "person":
            raise InputError("appraisal.unknown_member", user=shown(name))
        if not account.active:
            raise InputError("appraisal.member_inactive", user=account.user_name)
        roles = {r.role for r in account.roles}
        if Role.APPRAISER.value not in roles:
            raise InputError("appraisal.member_not_appraiser", user=account.user_name)
        found.append((account, Role.HEAD.value in roles))
    if not any(head for _account, head in found):
        raise InputError("appraisal.no_head")
    return found


def _not_captured(item: Item) -> InputError:
    return InputError(
        "appraisal.not_captured", number=item.number, state=state_label(ItemState(item.status))
    )


def _taken_by(session: Session, item_id: int, number: str) -> InputError:
    """Why an item already being appraised may not be taken again (or None)."""
    batch = session.scalars(
        select(AppraisalBatch.number)
        .join(AppraisalEntry, AppraisalEntry.batch_id == AppraisalBatch.id)
        .where(
            AppraisalEntry.item_id == item_id,
            AppraisalBatch.state == AppraisalState.DRAFT.value,
        )
    ).first()
    if batch is not None:
        return InputError("appraisal.in_batch", number=number, batch=batch)
    register = session.scalars(
        select(DestructionRegister.number)
        .join(DestructionEntry, DestructionEntry.register_id == DestructionRegister.id)
        .where(
            DestructionEntry.item_id == item_id,
            DestructionRegister.state.not_in(
                (DestructionState.EXECUTED.value, DestructionState.WITHDRAWN.value)
            ),
        )
        .order_by(DestructionRegister.id.desc())
    ).first()
    if register is not None:
        return InputError("appraisal.in_register", number=number, register=register)
    signed = session.scalars(
        select(AppraisalBatch.number)
        .join(AppraisalEntry, AppraisalEntry.batch_id == AppraisalBatch.id)
        .where(AppraisalEntry.item_id == item_id, AppraisalEntry.opinion == Opinion.DESTROY.value)
        .order_by(AppraisalBatch.id.desc())
    ).first()
    return InputError("appraisal.awaiting_register", number=number, batch=signed or "-")


def _chosen(
    session: Session,
    codes: list[str],
    as_of: dt.date,
    class_code: str | None,
    year: int | None,
) -> list[Item]:
    """The items named, each due on `as_of`, captured, not held, not already taken."""
    items: list[Item] = []
    seen: set[int] = set()
    found = items_by_code(session, codes)  # one IN query per 900 codes
    for code in codes:
        item = found.get(code)
        if item is None:
            raise NotFound("item.not_found", number=shown(code, 60))
        if item.id in seen:
            continue
        seen.add(item.id)
        items.append(item)
    taken = in_appraisal_item_ids(session)
    held = held_item_ids(session, seen)
    for item in items:
        if item.status != ItemState.CAPTURED.value:
            raise _not_captured(item)
        if item.expires_on is None:
            raise InputError("appraisal.permanent", number=item.number)
        if item.expires_on > as_of:
            raise InputError(
                "appraisal.not_due",
                number=item.number,
                expires=item.expires_on.isoformat(),
                as_of=as_of.isoformat(),
            )
        if class_code is not None and item.archive_class.code != class_code:
            raise InputError("appraisal.out_of_scope", number=item.number, scope=class_code)
        if year is not None and item.year != year:
            raise InputError("appraisal.out_of_scope", number=item.number, scope=str(year))
        if item.id in held:
            raise InputError(
                "appraisal.held_out", number=item.number, holds=", ".join(held[item.id][:5])
            )
        if item.id in taken:
            raise _taken_by(session, item.id, item.number)
    return items


def _in_scope(
    session: Session, as_of: dt.date, class_code: str | None, year: int | None
) -> list[Item]:
    """The due list's rows on `as_of`: due, captured, not held, not already taken."""
    stmt = select(Item).where(
        Item.expires_on.is_not(None),
        Item.expires_on <= as_of,
        Item.status == ItemState.CAPTURED.value,
    )
    if class_code is not None:
        stmt = stmt.join(ArchiveClass, ArchiveClass.id == Item.class_id).where(
            ArchiveClass.code == class_code
        )
    if year is not None:
        stmt = stmt.where(Item.year == year)
    found = list(session.scalars(stmt.order_by(Item.number)))
    held = held_item_ids(session, [i.id for i in found])
    taken = in_appraisal_item_ids(session)
    return [i for i in found if i.id not in held and i.id not in taken]


def _scope(
    session: Session, as_of: dt.date, class_code: str | None, year: int | None
) -> tuple[dt.date, str | None, int | None]:
    if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
        raise InputError("date.invalid", value=shown(str(as_of), 20), field="as_of")
    check_day(as_of, "as_of")
    if as_of > dt.date.today():
        raise InputError("appraisal.future_as_of", day=as_of.isoformat())
    if year is not None and (
        isinstance(year, bool)
        or not isinstance(year, int)
        or not EARLIEST_YEAR <= year <= LATEST_YEAR
    ):
        raise InputError(
            "disposition.bad_year",
            value=str(year)[:20],
            earliest=EARLIEST_YEAR,
            latest=LATEST_YEAR,
        )
    code = None
    if class_code is not None:
        code = str(class_code).strip().upper()
        if (
            not code
            or session.scalar(select(ArchiveClass.id).where(ArchiveClass.code == code)) is None
        ):
            raise InputError("class.unknown", value=str(class_code)[:20])
    return as_of, code, year


def create_batch(
    archive: Archive,
    *,
    as_of: dt.date,
    members: Sequence[str],
    class_code: str | None = None,
    year: int | None = None,
    numbers: Sequence[str] = (),
) -> BatchView:
    """A batch of the records due on `as_of` (the due list's rows: not held, not in
    another open batch or register), optionally of one class and year, or only the
    given item numbers (each must be due). Members are user names."""
    codes = list(dict.fromkeys(str(c).strip() for c in numbers if str(c).strip()))
    with archive.change(Action.APPRAISAL_CREATE, batch_target("new")) as change:
        session = change.session
        day, code, scope_year = _scope(session, as_of, class_code, year)
        group = _group(session, members)
        if codes:
            items = _chosen(session, codes, day, code, scope_year)
        else:
            items = _in_scope(session, day, code, scope_year)
        if not items:
            raise InputError(
                "appraisal.nothing_due",
                as_of=day.isoformat(),
                scope=" ".join(p for p in (code or "", str(scope_year or "")) if p) or "*",
            )
        this_year = dt.date.today().year
        serial = (
            session.scalar(
                select(func.max(AppraisalBatch.serial)).where(AppraisalBatch.year == this_year)
            )
            or 0
        ) + 1
        number = batch_number(this_year, serial)
        batch = AppraisalBatch(
            number=number,
            year=this_year,
            serial=serial,
            as_of=day,
            class_code=code,
            scope_year=scope_year,
            state=AppraisalState.DRAFT.value,
            created_by=change.actor,
            created_at=now_text(),
            signed_at=None,
        )
        session.add(batch)
        session.flush()
        for seq, (account, head) in enumerate(group, start=1):
            session.add(
                AppraisalMember(
                    batch_id=batch.id,
                    seq=seq,
                    user_name=account.user_name,
                    display_name=account.display_name,
                    head=head,
                    signed_at=None,
                )
            )
        for item in items:
            assert item.expires_on is not None  # _chosen and _in_scope ask for an expiry
            session.add(
                AppraisalEntry(
                    batch_id=batch.id,
                    item_id=item.id,
                    retention=item.retention,
                    expires_on=item.expires_on,
                    opinion=None,
                    reason="",
                )
            )
        session.flush()
        change.target = batch_target(number)
        change.after = {
            "batch": number,
            "as_of": day.isoformat(),
            "class": code,
            "year": scope_year,
            "members": [a.user_name for a, _head in group],
            "heads": [a.user_name for a, head in group if head],
            "count": len(items),
            "items": [i.number for i in items],
        }
    return _read(archive, number)


# -- opinions ----------------------------------------------------------------------------


def _member(session: Session, batch: AppraisalBatch, user_name: str, what: str) -> AppraisalMember:
    for member in _members(session, batch):
        if member.user_name == user_name:
            return member
    raise AccessRefused(f"appraisal.not_member_{what}", user=user_name, number=batch.number)


def _still_draft(batch: AppraisalBatch) -> None:
    if batch.state == AppraisalState.CANCELLED.value:
        raise InputError("appraisal.cancelled", number=batch.number, at=_cancelled_on(batch))
    if batch.state != AppraisalState.DRAFT.value:
        raise InputError("appraisal.signed", number=batch.number, at=(batch.signed_at or "")[:10])


def _rows(
    session: Session, batch: AppraisalBatch, codes: Iterable[str] | None = None
) -> list[tuple[AppraisalEntry, Item]]:
    """The batch's rows (entry, item); with `codes` only those (numbers or archival
    codes; each must be in the batch). One query over the batch: no IN over the items."""
    rows = [
        (entry, item)
        for entry, item in session.execute(
            select(AppraisalEntry, Item)
            .join(Item, Item.id == AppraisalEntry.item_id)
            .where(AppraisalEntry.batch_id == batch.id)
            .order_by(Item.number)
        )
    ]
    if codes is None:
        return rows
    by_code: dict[str, tuple[AppraisalEntry, Item]] = {}
    for entry, item in rows:
        by_code[item.number] = (entry, item)
        by_code[item.archival_code] = (entry, item)
    chosen: list[tuple[AppraisalEntry, Item]] = []
    seen: set[int] = set()
    for code in codes:
        row = by_code.get(code)
        if row is None:
            raise InputError("appraisal.not_in_batch", number=shown(code, 60), batch=batch.number)
        if row[0].id not in seen:
            seen.add(row[0].id)
            chosen.append(row)
    return chosen


def set_opinion(
    archive: Archive,
    batch: str,
    numbers: Sequence[str],
    opinion: Opinion | str,
    *,
    reason: str,
    period: str | None = None,
) -> BatchView:
    """The same opinion for the given records of the batch (`period` for EXTEND: a
    retention code such as D30 or a label 30年)."""
    kind = _opinion(opinion)
    text = check_words(reason, "reason", MAX_REASON, required=True)
    codes = list(dict.fromkeys(str(c).strip() for c in numbers if str(c).strip()))
    if not codes:
        raise InputError("appraisal.no_numbers")
    new_period: Retention | None = None
    if kind is Opinion.EXTEND:
        if period is None or not str(period).strip():
            raise InputError("appraisal.period_required")
        new_period = parse_period(period)
        if new_period.is_permanent:
            raise InputError("appraisal.extend_to_permanent")
    elif period is not None and str(period).strip():
        raise InputError("appraisal.period_only_extend")
    number = str(batch or "").strip().upper()
    with archive.change(Action.APPRAISAL_OPINION, batch_target(number), reason=text) as change:
        session = change.session
        found = load_batch(session, number)
        _still_draft(found)
        _member(session, found, change.actor, "opinion")
        rows = _rows(session, found, codes)
        held = held_item_ids(session, [item.id for _entry, item in rows])
        before: dict[str, Any] = {}  # the rows that had an opinion: what it was
        expiries: dict[str, str] = {}  # for an extension: each record's new expiry
        decided_at = now_text()
        for entry, item in rows:
            if item.status != ItemState.CAPTURED.value:
                raise _not_captured(item)
            if item.expires_on is None:
                raise InputError("appraisal.permanent", number=item.number)
            if item.expires_on > found.as_of:
                raise InputError(
                    "appraisal.not_due",
                    number=item.number,
                    expires=item.expires_on.isoformat(),
                    as_of=found.as_of.isoformat(),
                )
            new_retention: str | None = None
            new_expires: dt.date | None = None
            if kind is Opinion.DESTROY and item.id in held:
                raise InputError(
                    "appraisal.held_destroy", number=item.number, holds=", ".join(held[item.id][:5])
                )
            if kind is Opinion.EXTEND:
                assert new_period is not None
                current = Retention(item.retention)
                if _years(new_period) <= _years(current):
                    raise InputError(
                        "appraisal.not_longer",
                        number=item.number,
                        old=current.label,
                        new=new_period.label,
                    )
                new_expires = new_period.expires_on(item.completed_on)
                if new_expires is None or new_expires <= found.as_of:
                    raise InputError(
                        "appraisal.expiry_not_after",
                        number=item.number,
                        new=new_period.label,
                        expires=new_expires.isoformat() if new_expires else "-",
                        as_of=found.as_of.isoformat(),
                    )
                new_retention = new_period.code
            elif kind is Opinion.PERMANENT:
                new_retention = "Y"
            if entry.opinion is not None:
                before[item.number] = {
                    "opinion": entry.opinion,
                    "retention": entry.new_retention,
                    "reason": entry.reason or "",
                }
            entry.opinion = kind.value
            entry.new_retention = new_retention
            entry.new_expires_on = new_expires
            entry.reason = text
            entry.decided_by = change.actor
            entry.decided_at = decided_at
            if new_expires is not None:
                expiries[item.number] = new_expires.isoformat()
        cleared = []
        for member in _members(session, found):
            if member.signed_at is not None:
                cleared.append(member.user_name)
                member.signed_at = None
        change.before = {"batch": found.number, "opinions": before}
        change.after = {
            "batch": found.number,
            "opinion": kind.value,
            "retention": new_period.code
            if new_period
            else ("Y" if kind is Opinion.PERMANENT else None),
            "numbers": [item.number for _entry, item in rows],
            "expires_on": expiries,
            "signatures_cleared": cleared,
        }
    return _read(archive, number)


# -- signing -----------------------------------------------------------------------------


def sign_batch(archive: Archive, batch: str) -> BatchView:
    """The signed-in member signs; the last signature makes the batch SIGNED and
    applies its extend and permanent opinions to the records."""
    number = str(batch or "").strip().upper()
    with archive.change(Action.APPRAISAL_SIGN, batch_target(number)) as change:
        session = change.session
        found = load_batch(session, number)
        _still_draft(found)
        member = _member(session, found, change.actor, "sign")
        if member.signed_at is not None:
            raise InputError(
                "appraisal.already_signed",
                user=member.user_name,
                number=found.number,
                at=member.signed_at[:10],
            )
        rows = _rows(session, found)
        undecided = [item.number for entry, item in rows if entry.opinion is None]
        if undecided:
            raise InputError(
                "appraisal.undecided",
                number=found.number,
                count=len(undecided),
                numbers=", ".join(undecided[:5]),
            )
        # what the members sign is the period each record had when the batch was made:
        # one corrected since (renumbered, another business type) is appraised again
        for entry, item in rows:
            if item.status != ItemState.CAPTURED.value:
                raise _not_captured(item)
            if (item.retention, item.expires_on) != (entry.retention, entry.expires_on):
                raise InputError(
                    "appraisal.changed_since",
                    number=item.number,
                    batch=found.number,
                    old=Retention(entry.retention).label,
                    new=Retention(item.retention).label,
                )
        destroy = [item for entry, item in rows if entry.opinion == Opinion.DESTROY.value]
        held = held_item_ids(session, [item.id for item in destroy])
        if held:
            first = next(item for item in destroy if item.id in held)
            raise InputError(
                "appraisal.held_destroy", number=first.number, holds=", ".join(held[first.id][:5])
            )
        signed_at = now_text()
        member.signed_at = signed_at
        members = _members(session, found)
        change.after = {"batch": found.number, "signed_by": member.user_name}
        if all(m.signed_at is not None for m in members):
            found.state = move(found.state, AppraisalState.SIGNED, found.number).value
            found.signed_at = signed_at
            applied: dict[str, Any] = {}
            touched: set[int] = set()
            for entry, item in rows:
                if entry.opinion not in (Opinion.EXTEND.value, Opinion.PERMANENT.value):
                    continue
                old = (item.retention, item.expires_on)
                item.retention = entry.new_retention or item.retention
                item.expires_on = None if item.retention == "Y" else entry.new_expires_on
                applied[item.number] = {
                    "retention": [old[0], item.retention],
                    "expires_on": [
                        old[1].isoformat() if old[1] else None,
                        item.expires_on.isoformat() if item.expires_on else None,
                    ],
                }
                touched.add(item.id)
            change.touch_items(touched)
            change.before = {"state": AppraisalState.DRAFT.value}
            change.after.update(
                {
                    "state": found.state,
                    "applied": applied,
                    "destroy": [item.number for item in destroy],
                }
            )
    return _read(archive, number)


# -- cancelling --------------------------------------------------------------------------


def _cancelled_on(batch: AppraisalBatch) -> str:
    """The day a cancelled batch was cancelled (its event's), for a refusal's sentence."""
    from sqlalchemy.orm import object_session

    session = object_session(batch)
    found = cancellations(session, [batch.number]) if session is not None else {}
    return (found.get(batch.number, (None, None, ""))[1] or "")[:10] or "-"


def cancel_batch(archive: Archive, batch: str, reason: str) -> BatchView:
    """A batch not yet signed is cancelled by one of its members or the person who made
    it (APPRAISE), with a reason: a member left, the group cannot agree, the scope was
    wrong. Its rows stay (the history shows them, the batch reads 已撤销) and its records
    return to the due list. A signed batch is not cancelled: its opinions stand."""
    text = check_words(reason, "reason", MAX_REASON, required=True)
    number = str(batch or "").strip().upper()
    with archive.change(Action.APPRAISAL_CANCEL, batch_target(number), reason=text) as change:
        session = change.session
        found = load_batch(session, number)
        if found.state == AppraisalState.SIGNED.value:
            raise InputError(
                "appraisal.signed_not_cancelled",
                number=found.number,
                at=(found.signed_at or "")[:10],
            )
        _still_draft(found)
        members = _members(session, found)
        if change.actor != found.created_by and all(m.user_name != change.actor for m in members):
            raise AccessRefused("appraisal.not_member_cancel", user=change.actor, number=number)
        rows = _rows(session, found)
        found.state = move(found.state, AppraisalState.CANCELLED, found.number).value
        change.before = {
            "state": AppraisalState.DRAFT.value,
            "signed_by": [m.user_name for m in members if m.signed_at is not None],
        }
        change.after = {
            "batch": found.number,
            "state": found.state,
            "numbers": [item.number for _entry, item in rows],
        }
        change.touch_items(item.id for _entry, item in rows)
    return _read(archive, number)


# -- reading, with the rights check -------------------------------------------------------


def show_batch(archive: Archive, batch: str) -> BatchView:
    """One batch with its members and rows (READ; an access event)."""
    number = str(batch or "").strip().upper()
    require(archive, Right.READ, batch_target(number))
    view = _read(archive, number)
    record(archive, AccessKind.VIEW_LIST, batch_target(view.number))
    return view


def list_batches(archive: Archive) -> list[BatchView]:
    """Every batch, newest first (READ; an access event)."""
    require(archive, Right.READ, batch_target("list"))
    with archive.db.reading() as session:
        batches = session.scalars(
            select(AppraisalBatch).order_by(
                AppraisalBatch.year.desc(), AppraisalBatch.serial.desc()
            )
        ).all()
        views = batch_views(session, batches)
    record(archive, AccessKind.VIEW_LIST, batch_target("list"))
    return views


def appraisal_history(archive: Archive, number: str) -> list[tuple[str, EntryView]]:
    """Every appraisal of one item: (batch number, its entry), oldest first."""
    code = str(number or "").strip()
    require(archive, Right.READ, f"item:{code}"[:200])
    with archive.db.reading() as session:
        item = item_by_code(session, code)
        found = list(
            session.execute(
                select(AppraisalBatch, AppraisalEntry, ArchiveClass.code)
                .join(AppraisalEntry, AppraisalEntry.batch_id == AppraisalBatch.id)
                .join(Item, Item.id == AppraisalEntry.item_id)
                .join(ArchiveClass, ArchiveClass.id == Item.class_id)
                .where(AppraisalEntry.item_id == item.id)
                .order_by(AppraisalBatch.created_at, AppraisalBatch.id)
            )
        )
        pages = pages_by_item(session, [item.id])
        views = entry_views(session, [(entry, item, klass) for _b, entry, klass in found], pages)
        history = [(b.number, view) for (b, _entry, _klass), view in zip(found, views, strict=True)]
        item_number = item.number
    record(archive, AccessKind.VIEW_LIST, f"appraisal:item:{item_number}"[:200])
    return history
