"""Destruction registers (销毁清册, XH-年度-NN): made from a signed appraisal batch's
destroy opinions (the accounting archives' records in a register of their own, Order
79), approved by a head who did not propose it (its list then frozen), signed by the
supervisors (监销人; and for an accounting register by the five people Order 79 names),
then executed: the records become stubs and every copy of their content leaves the
archive folder (archivist/disposition/execution.py). Registers are kept for ever. What a
register reads as is built in archivist/disposition/register_views.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import check_action, permits, refusal, require
from archivist.accounts.roles import Right
from archivist.changes.actions import Action
from archivist.changes.audit import now_text
from archivist.changes.states import (
    AppraisalState,
    DestructionState,
    HoldState,
    move,
    state_label,
)
from archivist.db.models import (
    AppraisalBatch,
    AppraisalEntry,
    ArchiveClass,
    DestructionEntry,
    DestructionRegister,
    DestructionSignature,
    Item,
)
from archivist.disposition.appraisal import load_batch
from archivist.disposition.fitness import Rule, Unfit, unfit
from archivist.disposition.records import (
    pages_by_item,
    volumes_by_item,
)
from archivist.disposition.register_views import (
    Duty,
    RegisterView,
    Unit,
    display_names,
    register_target,
    register_views,
    view_of,
    withdrawals,
)
from archivist.errors import AccessRefused, InputError, NotFound

if TYPE_CHECKING:
    from archivist.accounts.people import Person
    from archivist.archive import Archive

PREFIX = "XH"
ACCOUNTING_CLASS = "KJ"  # 会计档案: a register of their own (Order 79)


ACCOUNTING_DUTIES = (
    Duty.UNIT_HEAD,
    Duty.ARCHIVES_HEAD,
    Duty.ACCOUNTING_HEAD,
    Duty.ARCHIVES_HANDLER,
    Duty.ACCOUNTING_HANDLER,
)
ACCOUNTING_SUPERVISOR_UNITS = (Unit.ARCHIVES, Unit.ACCOUNTING, Unit.IT)


def register_number(year: int, serial: int) -> str:
    return f"{PREFIX}-{year}-{serial:02d}"


def kept_years(year: int, on: dt.date) -> int:
    """已保管期限: whole years from the start of the retention (1 January of the year
    after the record's year; for accounting archives the day after the accounting
    year ends, the same day) to `on`."""
    return max(0, on.year - (year + 1))


# -- reading ----------------------------------------------------------------------------


def _normal(number: str) -> str:
    return (number or "").strip().upper()


def load_register(session: Session, number: str) -> DestructionRegister:
    """The register `number` (XH-2026-01; any case), or NotFound."""
    register = session.scalars(
        select(DestructionRegister).where(DestructionRegister.number == _normal(number))
    ).first()
    if register is None:
        raise NotFound("destruction.unknown", number=(number or "").strip()[:40])
    return register


# -- making the registers ---------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    item_id: int
    number: str
    archival_code: str
    title: str
    class_code: str
    year: int
    retention: str
    status: str
    pages: int
    volume_id: int | None
    volume: str | None


def _load_batch(session: Session, number: str) -> AppraisalBatch:
    """appraisal.load_batch, refused in the register's words."""
    try:
        return load_batch(session, number)
    except NotFound:
        raise NotFound("destruction.unknown_batch", batch=(number or "").strip()[:40]) from None


def _candidates(session: Session, batch_id: int) -> list[_Candidate]:
    """The batch's destroy rows with what the register freezes of them (three queries
    on the batch: none per row)."""
    destroy = (AppraisalEntry.batch_id == batch_id) & (AppraisalEntry.opinion == "destroy")
    scope = select(AppraisalEntry.item_id).where(destroy)
    pages = pages_by_item(session, scope)
    volumes = volumes_by_item(session, scope)
    rows = session.execute(
        select(
            Item.id,
            Item.number,
            Item.archival_code,
            Item.title,
            ArchiveClass.code,
            Item.year,
            Item.retention,
            Item.status,
        )
        .join(AppraisalEntry, AppraisalEntry.item_id == Item.id)
        .join(ArchiveClass, ArchiveClass.id == Item.class_id)
        .where(destroy)
        .order_by(Item.year, ArchiveClass.code, Item.archival_code)
    )
    return [
        _Candidate(
            item_id=item_id,
            number=number,
            archival_code=code,
            title=title,
            class_code=class_code,
            year=year,
            retention=retention,
            status=status,
            pages=int(pages.get(item_id) or 0),
            volume_id=volumes[item_id][0] if item_id in volumes else None,
            volume=volumes[item_id][1] if item_id in volumes else None,
        )
        for item_id, number, code, title, class_code, year, retention, status in rows
    ]


# registers that list nothing any more: carried out, or withdrawn (kept for the record)
_CLOSED = (DestructionState.EXECUTED.value, DestructionState.WITHDRAWN.value)


def _refuse_reappraised(session: Session, batch: AppraisalBatch, rows: list[_Candidate]) -> None:
    """A record of a batch whose register was withdrawn may have been taken into a later
    batch (not cancelled) since: the newer appraisal counts, not this batch's opinion."""
    these = select(AppraisalEntry.item_id).where(AppraisalEntry.batch_id == batch.id)
    later = dict(
        session.execute(
            select(AppraisalEntry.item_id, AppraisalBatch.number)
            .join(AppraisalBatch, AppraisalBatch.id == AppraisalEntry.batch_id)
            .where(
                AppraisalBatch.id > batch.id,
                AppraisalBatch.state != AppraisalState.CANCELLED.value,
                AppraisalEntry.item_id.in_(these),
            )
        ).all()
    )
    for row in rows:
        if row.item_id in later:
            raise InputError(
                "destruction.reappraised",
                number=row.number,
                batch=batch.number,
                later=later[row.item_id],
            )


def _unfit_error(found: Unfit, day: dt.date) -> InputError:
    """The register's sentence for a record not fit to destroy (fitness.unfit)."""
    if found.rule in (Rule.DESTROYED, Rule.TRANSFERRED):
        return InputError(
            "destruction.item_gone", number=found.number, state=state_label(found.state)
        )
    if found.rule is Rule.PERMANENT:
        return InputError("destruction.permanent", number=found.number)
    if found.rule is Rule.NOT_DUE:
        return InputError(
            "destruction.not_due",
            number=found.number,
            day=day.isoformat(),
            expires=found.expires_on.isoformat() if found.expires_on else "-",
        )
    if found.rule is Rule.HELD:
        return InputError("destruction.held", number=found.number, holds="、".join(found.holds))
    return InputError("destruction.on_loan", number=found.number, loans="、".join(found.loans))


def _refuse_unfit(session: Session, rows: list[_Candidate], day: dt.date) -> None:
    """Nothing is listed that may not be destroyed on `day` (fitness.unfit: transferred
    or destroyed meanwhile, kept for ever, not due, on hold, on loan — the rules the
    execution asks again), nor what another register already lists."""
    found = unfit(session, [r.item_id for r in rows], on=day)
    if found:
        raise _unfit_error(found[0], day)
    listed = {
        item_id: number
        for item_id, number in session.execute(
            select(DestructionEntry.item_id, DestructionRegister.number)
            .join(DestructionRegister, DestructionRegister.id == DestructionEntry.register_id)
            .where(DestructionRegister.state.not_in(_CLOSED))
        )
    }
    for row in rows:
        if row.item_id in listed:
            raise InputError(
                "destruction.already_listed", number=row.number, register=listed[row.item_id]
            )


def _notes(session: Session, rows: list[_Candidate]) -> dict[int, str]:
    """备注 of each row (in Chinese, the register's language): the holds once placed on
    the record (directly or on its volume) and since lifted, and the volume it leaves."""
    from archivist.db.models import Hold
    from archivist.messages import render

    lifted = session.scalars(
        select(Hold).where(Hold.state == HoldState.LIFTED.value).order_by(Hold.year, Hold.serial)
    ).all()
    # each lifted hold's note, indexed by the item and the volume it was placed on (its
    # position in `lifted` keeps the holds' order): no row is matched against every hold
    said: list[str] = []
    by_item: dict[int, list[int]] = {}
    by_volume: dict[int, list[int]] = {}
    for index, hold in enumerate(lifted):
        said.append(
            render(
                "destruction.note.hold_lifted",
                {
                    "number": hold.number,
                    "kind": render(f"cli.hold.kind.{hold.kind}", lang="zh"),
                    "on": (hold.lifted_at or "")[:10],
                    "reason": hold.lift_reason or "",
                },
                "zh",
            )
        )
        if hold.item_id is not None:
            by_item.setdefault(hold.item_id, []).append(index)
        if hold.volume_id is not None:
            by_volume.setdefault(hold.volume_id, []).append(index)
    notes: dict[int, str] = {}
    for row in rows:
        seen = set(by_item.get(row.item_id, ()))
        if row.volume_id is not None:
            seen.update(by_volume.get(row.volume_id, ()))
        parts = [said[index] for index in sorted(seen)]
        if row.volume:
            parts.append(render("destruction.note.volume", {"volume": row.volume}, "zh"))
        notes[row.item_id] = "；".join(parts)
    return notes


def _was_withdrawn(session: Session, batch_id: int) -> bool:
    return (
        session.scalar(
            select(DestructionRegister.id)
            .where(
                DestructionRegister.batch_id == batch_id,
                DestructionRegister.state == DestructionState.WITHDRAWN.value,
            )
            .limit(1)
        )
        is not None
    )


def create_registers(
    archive: Archive, batch: str, *, on: dt.date | None = None
) -> list[RegisterView]:
    """The register(s) of a signed batch's destroy opinions: one for the ordinary
    records, one for the accounting archives' (class KJ), as needed.

    `on` is the day it is made (today by default; not in the future, not before the
    batch's day): its year numbers the register and 已保管期限 is counted to it. Refused:
    an unknown or unsigned batch, one whose registers were already made, one without
    destroy opinions, and any record since transferred or destroyed, kept for ever,
    on hold, or listed in another register not yet executed."""
    today = dt.date.today()
    day = on or today
    if day > today:
        raise InputError("destruction.future_day", day=day.isoformat(), today=today.isoformat())
    numbers: list[str] = []
    with archive.change(
        Action.DESTRUCTION_CREATE, register_target(f"batch:{_normal(batch)}")
    ) as change:
        session = change.session
        found = _load_batch(session, batch)
        if found.state != AppraisalState.SIGNED.value:
            raise InputError("destruction.batch_not_signed", batch=found.number)
        if day < found.as_of:
            raise InputError(
                "destruction.before_batch",
                day=day.isoformat(),
                batch=found.number,
                as_of=found.as_of.isoformat(),
            )
        # a withdrawn register does not use the batch up: its records are listed again
        made = session.scalars(
            select(DestructionRegister.number)
            .where(
                DestructionRegister.batch_id == found.id,
                DestructionRegister.state != DestructionState.WITHDRAWN.value,
            )
            .order_by(DestructionRegister.serial)
        ).all()
        listed = set(
            session.scalars(
                select(DestructionEntry.item_id)
                .join(DestructionRegister, DestructionRegister.id == DestructionEntry.register_id)
                .where(
                    DestructionRegister.batch_id == found.id,
                    DestructionRegister.state != DestructionState.WITHDRAWN.value,
                )
            )
        )
        rows = [r for r in _candidates(session, found.id) if r.item_id not in listed]
        if made and not rows:
            raise InputError(
                "destruction.batch_used", batch=found.number, registers="、".join(made)
            )
        if not rows:
            raise InputError("destruction.nothing_to_destroy", batch=found.number)
        if _was_withdrawn(session, found.id):  # only then may a later batch hold them
            _refuse_reappraised(session, found, rows)
        _refuse_unfit(session, rows, day)
        notes = _notes(session, rows)
        parts = [
            (False, [r for r in rows if r.class_code != ACCOUNTING_CLASS]),
            (True, [r for r in rows if r.class_code == ACCOUNTING_CLASS]),
        ]
        serial = (
            session.scalar(
                select(func.max(DestructionRegister.serial)).where(
                    DestructionRegister.year == day.year
                )
            )
            or 0
        )
        proposed_at = now_text()
        for accounting, part in parts:
            if not part:
                continue
            serial += 1
            register = DestructionRegister(
                number=register_number(day.year, serial),
                year=day.year,
                serial=serial,
                batch_id=found.id,
                accounting=accounting,
                state=DestructionState.PROPOSED.value,
                proposed_by=change.actor,
                proposed_at=proposed_at,
                method="",
                place="",
            )
            session.add(register)
            session.flush()
            session.add_all(
                DestructionEntry(
                    register_id=register.id,
                    item_id=row.item_id,
                    seq=seq,
                    number=row.number,
                    archival_code=row.archival_code,
                    title=row.title,
                    class_code=row.class_code,
                    year=row.year,
                    retention=row.retention,
                    kept_years=kept_years(row.year, day),
                    pages=row.pages,
                    volume=row.volume,
                    note=notes[row.item_id],
                )
                for seq, row in enumerate(part, start=1)
            )
            numbers.append(register.number)
        session.flush()
        change.target = register_target(",".join(numbers))
        change.touch_items(r.item_id for r in rows)
        change.after = {
            "registers": numbers,
            "batch": found.number,
            "on": day.isoformat(),
            "items": [r.number for r in rows],
        }
    with archive.db.reading() as session:
        return [view_of(session, load_register(session, n)) for n in numbers]


# -- approving and signing --------------------------------------------------------------


def approve_register(archive: Archive, number: str) -> RegisterView:
    """A head (APPROVE) who did not propose it approves; the list is frozen. For an
    accounting register the approval is the unit head's signature."""
    with archive.change(Action.DESTRUCTION_APPROVE, register_target(_normal(number))) as change:
        session = change.session
        register = load_register(session, number)
        if register.state != DestructionState.PROPOSED.value:
            raise InputError(
                "destruction.not_proposed",
                number=register.number,
                state=state_label(DestructionState(register.state)),
            )
        if register.proposed_by == change.actor:
            raise AccessRefused(
                "destruction.own_proposal", number=register.number, user=change.actor
            )
        if register.accounting:  # the unit head is one of five different people
            other = session.scalars(
                select(DestructionSignature.duty).where(
                    DestructionSignature.register_id == register.id,
                    DestructionSignature.user_name == change.actor,
                    DestructionSignature.duty != Duty.SUPERVISOR.value,
                )
            ).first()
            if other is not None:
                raise AccessRefused(
                    "destruction.one_duty_each",
                    number=register.number,
                    user=change.actor,
                    duty=_duty_label(Duty(other)),
                )
        register.state = move(register.state, DestructionState.APPROVED, register.number)
        register.approved_by = change.actor
        register.approved_at = now_text()
        if register.accounting:
            _sign(session, register, Duty.UNIT_HEAD, None, change.actor, register.approved_at)
        change.before = {"state": DestructionState.PROPOSED.value}
        change.after = {
            "state": register.state,
            "approved_by": register.approved_by,
            "accounting": bool(register.accounting),
        }
        change.touch_items(
            session.scalars(
                select(DestructionEntry.item_id).where(DestructionEntry.register_id == register.id)
            )
        )
        view = view_of(session, register)
    return view


def _sign(
    session: Session,
    register: DestructionRegister,
    duty: Duty,
    unit: Unit | None,
    user_name: str,
    at: str,
) -> DestructionSignature:
    names = display_names(session, [user_name])
    row = DestructionSignature(
        register_id=register.id,
        duty=duty.value,
        unit=unit.value if unit else "",
        user_name=user_name,
        display_name=names.get(user_name, user_name),
        signed_at=at,
    )
    session.add(row)
    session.flush()
    return row


def _duty(duty: Duty | str) -> Duty:
    try:
        return Duty(str(duty).strip().lower())
    except ValueError:
        raise InputError(
            "destruction.unknown_duty",
            duty=str(duty)[:30],
            duties=", ".join(d.value for d in Duty if d is not Duty.UNIT_HEAD),
        ) from None


def _unit(unit: Unit | str | None) -> Unit | None:
    if unit is None or not str(unit).strip():
        return None
    try:
        return Unit(str(unit).strip().lower())
    except ValueError:
        raise InputError(
            "destruction.unknown_unit", unit=str(unit)[:30], units=", ".join(u.value for u in Unit)
        ) from None


def _signer(archive: Archive, user_name: str | None, password: str | None) -> Person | None:
    """The countersigner whose password was typed at this desk (None: the signed-in
    person signs). The password is checked with the sign-in's rules."""
    from archivist.accounts.signing import verify_person

    if user_name is None or not user_name.strip():
        if password:
            raise InputError("destruction.user_required")
        return None
    if not password:
        raise InputError("destruction.password_required", user=user_name.strip()[:32])
    return verify_person(archive, user_name.strip(), password)


def sign_register(
    archive: Archive,
    number: str,
    duty: Duty | str,
    *,
    unit: Unit | str | None = None,
    user_name: str | None = None,
    password: str | None = None,
) -> RegisterView:
    """A signature as themselves: the signed-in person, or (countersigning at the same
    desk) another person who types their own password. Supervisors sign an approved
    register and are never its approver."""
    wanted = _duty(duty)
    place = _unit(unit)
    check_action(archive, Action.DESTRUCTION_SIGN)  # before a password is asked for
    countersigner = _signer(archive, user_name, password)
    if countersigner is not None and not permits(countersigner, Right.WITNESS):
        error = refusal(countersigner.user_name, Action.DESTRUCTION_SIGN.code, Right.WITNESS)
        record(
            archive,
            AccessKind.REFUSED,
            Action.DESTRUCTION_SIGN.code,
            {"code": error.code, "countersigner": countersigner.user_name},
        )
        raise error
    with archive.change(Action.DESTRUCTION_SIGN, register_target(_normal(number))) as change:
        session = change.session
        register = load_register(session, number)
        signer = countersigner.user_name if countersigner is not None else change.actor
        _check_signature(session, register, wanted, place, signer)
        row = _sign(session, register, wanted, place, signer, now_text())
        change.after = {
            "duty": wanted.value,
            "unit": row.unit or None,
            "signer": signer,
            "display_name": row.display_name,
            **({"countersigned_at_desk_of": change.actor} if signer != change.actor else {}),
        }
        view = view_of(session, register)
    return view


def _check_signature(
    session: Session,
    register: DestructionRegister,
    duty: Duty,
    unit: Unit | None,
    signer: str,
) -> None:
    """The rules of a signature (each refusal: nothing written)."""
    state = DestructionState(register.state)
    if state is DestructionState.EXECUTED:
        raise InputError("destruction.executed", number=register.number)
    if state is DestructionState.WITHDRAWN:
        at = withdrawals(session, [register.number]).get(register.number, (None, None, ""))[1]
        raise InputError("destruction.withdrawn", number=register.number, at=(at or "")[:10] or "-")
    if duty is Duty.UNIT_HEAD:
        raise InputError("destruction.unit_head_by_approval", number=register.number)
    signed = session.scalars(
        select(DestructionSignature).where(DestructionSignature.register_id == register.id)
    ).all()
    if duty is Duty.SUPERVISOR:
        if state is not DestructionState.APPROVED:
            raise InputError("destruction.supervise_unapproved", number=register.number)
        if signer == register.approved_by:
            raise AccessRefused(
                "destruction.approver_supervises", number=register.number, user=signer
            )
        if register.accounting and unit is None:
            raise InputError(
                "destruction.unit_required",
                number=register.number,
                units=", ".join(u.value for u in ACCOUNTING_SUPERVISOR_UNITS),
            )
        if any(s.duty == Duty.SUPERVISOR.value and s.user_name == signer for s in signed):
            raise InputError("destruction.signed_twice", number=register.number, user=signer)
        return
    if not register.accounting:
        raise InputError(
            "destruction.not_accounting", number=register.number, duty=_duty_label(duty)
        )
    if unit is not None:
        raise InputError("destruction.unit_for_supervisors")
    for other in signed:
        if other.duty == duty.value:
            raise InputError(
                "destruction.duty_signed",
                number=register.number,
                duty=_duty_label(duty),
                user=other.user_name,
            )
        if other.duty != Duty.SUPERVISOR.value and other.user_name == signer:
            raise AccessRefused(
                "destruction.one_duty_each",
                number=register.number,
                user=signer,
                duty=_duty_label(Duty(other.duty)),
            )


def _duty_label(duty: Duty) -> str:
    from archivist.messages import render

    return render(f"destruction.duty.{duty.value}")


# -- withdrawing -------------------------------------------------------------------------


def withdraw_register(archive: Archive, number: str, reason: str) -> RegisterView:
    """A proposed register is withdrawn, with a reason, by its proposer (DISPOSE) or by a
    head (APPROVE) who refuses it; the audit event says which. The register and its rows
    stay (kept for ever) and read 已撤回; its records' destroy opinions wait again for a
    register: a new one can be made from the same batch, or the group appraises them
    again (they are back on the due list). An approved register is not withdrawn."""
    from archivist.disposition.words import check_words

    text = check_words(reason, "reason", 500, required=True)
    code = _normal(number)
    with archive.change(Action.DESTRUCTION_WITHDRAW, register_target(code), reason=text) as change:
        session = change.session
        register = load_register(session, number)
        if register.state != DestructionState.PROPOSED.value:
            raise InputError(
                "destruction.not_withdrawable",
                number=register.number,
                state=state_label(DestructionState(register.state)),
            )
        person = archive.person  # as the transaction read the account again
        head = permits(person, Right.APPROVE)
        proposer = register.proposed_by == change.actor and permits(person, Right.DISPOSE)
        if not (head or proposer):
            raise AccessRefused(
                "destruction.withdraw_not_allowed", number=register.number, user=change.actor
            )
        register.state = move(register.state, DestructionState.WITHDRAWN, register.number)
        items = list(
            session.scalars(
                select(DestructionEntry.item_id).where(DestructionEntry.register_id == register.id)
            )
        )
        change.before = {"state": DestructionState.PROPOSED.value}
        change.after = {
            "register": register.number,
            "state": register.state,
            "proposed_by": register.proposed_by,
            "refused_by_head": register.proposed_by != change.actor,
            "count": len(items),
        }
        change.touch_items(items)
    with archive.db.reading() as session:
        return view_of(session, load_register(session, code))


# -- reading for people -----------------------------------------------------------------


def show_register(archive: Archive, number: str) -> RegisterView:
    """One register, its rows and signatures (READ; an access event)."""
    require(archive, Right.READ, register_target(_normal(number)))
    with archive.db.reading() as session:
        view = view_of(session, load_register(session, number))
    record(archive, AccessKind.VIEW_LIST, register_target(view.number), {"rows": len(view.rows)})
    return view


def list_registers(archive: Archive) -> list[RegisterView]:
    """Every register, newest first (READ; an access event)."""
    require(archive, Right.READ, register_target("list"))
    with archive.db.reading() as session:
        registers = session.scalars(
            select(DestructionRegister).order_by(
                DestructionRegister.year.desc(), DestructionRegister.serial.desc()
            )
        ).all()
        views = register_views(session, registers)
    record(archive, AccessKind.VIEW_LIST, register_target("list"), {"count": len(views)})
    return views
