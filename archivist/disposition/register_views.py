"""What a destruction register is as read (archivist/disposition/destruction.py changes
it): its frozen rows, its signatures and the people who proposed and approved it, and,
once withdrawn, who withdrew it and why — for many registers at once, in a fixed number
of queries (no rights check, no access event: the services that call them check and
log)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archivist.changes.actions import Action
from archivist.changes.states import DestructionState
from archivist.db.models import (
    Account,
    AppraisalBatch,
    AppraisalMember,
    DestructionEntry,
    DestructionRegister,
    DestructionSignature,
    Fonds,
    Item,
)
from archivist.disposition.records import last_events


class Duty(StrEnum):
    """What a signature on a register stands for."""

    UNIT_HEAD = "unit_head"  # 单位负责人 (the approver of an accounting register)
    ARCHIVES_HEAD = "archives_head"  # 档案机构负责人
    ACCOUNTING_HEAD = "accounting_head"  # 会计机构负责人
    ARCHIVES_HANDLER = "archives_handler"  # 档案经办人
    ACCOUNTING_HANDLER = "accounting_handler"  # 会计经办人
    SUPERVISOR = "supervisor"  # 监销人


class Unit(StrEnum):
    """A supervisor's unit (an accounting register needs archives, accounting and IT)."""

    ARCHIVES = "archives"
    ACCOUNTING = "accounting"
    IT = "it"
    OTHER = "other"


@dataclass(frozen=True)
class SignatureView:
    duty: Duty
    unit: Unit | None
    user_name: str
    display_name: str
    signed_at: str


@dataclass(frozen=True)
class RegisterRow:
    """A row of the register, frozen when it was made."""

    seq: int  # 序号
    number: str
    archival_code: str  # 档号
    title: str  # 题名
    class_code: str
    year: int  # 年度
    retention: str  # 应保管期限 (code)
    kept_years: int  # 已保管期限 (years)
    pages: int  # 页数
    volume: str | None  # 卷号
    note: str  # 备注 (holds seen, the volume it leaves, …)


@dataclass(frozen=True)
class RegisterView:
    number: str
    batch: str
    accounting: bool
    state: DestructionState
    fonds_code: str
    fonds_name: str
    proposed_by: str
    proposed_at: str
    group_leader: str  # 鉴定小组负责人: the batch's head member (display name)
    group_signed_at: str | None  # when the batch was signed
    approved_by: str | None
    approved_at: str | None
    executed_by: str | None
    executed_at: str | None
    executed_on: dt.date | None  # 销毁日期
    method: str
    place: str
    rows: tuple[RegisterRow, ...]
    signatures: tuple[SignatureView, ...]
    proposer_name: str = ""  # display names, for the printed register
    approver_name: str | None = None
    batch_as_of: dt.date | None = None  # the appraisal batch's day
    # a withdrawn register: who withdrew it (its proposer, or a head refusing it), when
    # and why (from its audit event)
    withdrawn_by: str | None = None
    withdrawn_at: str | None = None
    withdraw_reason: str = ""

    @property
    def pages(self) -> int:
        return sum(r.pages for r in self.rows)

    @property
    def supervisors(self) -> tuple[SignatureView, ...]:
        return tuple(s for s in self.signatures if s.duty is Duty.SUPERVISOR)


def register_target(number: str) -> str:
    """The register's target in the audit trail and the access log."""
    return f"destruction:{number}"[:200]


def register_json(view: RegisterView) -> dict[str, Any]:
    """A register as plain data (the command line's --json)."""

    def plain(value: Any) -> Any:
        if isinstance(value, StrEnum):
            return value.value
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    data: dict[str, Any] = plain(asdict(view))
    data["count"] = len(view.rows)
    data["pages"] = view.pages
    return data


def display_names(session: Session, user_names: Iterable[str | None]) -> dict[str, str]:
    """user name -> display name of each of `user_names` (unknown ones: absent)."""
    wanted = {n for n in user_names if n}
    if not wanted:
        return {}
    rows = session.execute(
        select(Account.user_name, Account.display_name).where(Account.user_name.in_(wanted))
    )
    return {user_name: display_name for user_name, display_name in rows}


def _signature_view(row: DestructionSignature) -> SignatureView:
    return SignatureView(
        duty=Duty(row.duty),
        unit=Unit(row.unit) if row.unit else None,
        user_name=row.user_name,
        display_name=row.display_name,
        signed_at=row.signed_at,
    )


def view_of(session: Session, register: DestructionRegister) -> RegisterView:
    """The register as it stands (no rights check, no access event: for the services
    that already hold a session, e.g. execution)."""
    return register_views(session, [register])[0]


def register_views(
    session: Session, registers: Sequence[DestructionRegister]
) -> list[RegisterView]:
    """The registers as they stand, in the order given, in a fixed number of queries
    however many registers and rows (no rights check, no access event)."""
    if not registers:
        return []
    ids = [r.id for r in registers]
    batch_ids = list({r.batch_id for r in registers})
    batches = {
        b.id: b
        for b in session.scalars(select(AppraisalBatch).where(AppraisalBatch.id.in_(batch_ids)))
    }
    leaders: dict[int, str] = {}
    for batch_id, name in session.execute(
        select(AppraisalMember.batch_id, AppraisalMember.display_name)
        .where(AppraisalMember.batch_id.in_(batch_ids), AppraisalMember.head.is_(True))
        .order_by(AppraisalMember.seq)
    ):
        leaders.setdefault(batch_id, name)
    # the fonds of the register's records (the archive's first fonds for an empty one)
    every_fonds = {
        fonds_id: (code, name)
        for fonds_id, code, name in session.execute(
            select(Fonds.id, Fonds.code, Fonds.name).order_by(Fonds.id)
        )
    }
    first_fonds = next(iter(every_fonds.values()), None)
    fonds_of = {
        register_id: every_fonds.get(fonds_id)
        for register_id, fonds_id in session.execute(
            select(DestructionEntry.register_id, func.min(Item.fonds_id))
            .join(Item, Item.id == DestructionEntry.item_id)
            .where(DestructionEntry.register_id.in_(ids))
            .group_by(DestructionEntry.register_id)
        )
    }
    rows: dict[int, list[RegisterRow]] = {i: [] for i in ids}
    for e in session.scalars(
        select(DestructionEntry)
        .where(DestructionEntry.register_id.in_(ids))
        .order_by(DestructionEntry.register_id, DestructionEntry.seq)
    ):
        rows[e.register_id].append(
            RegisterRow(
                seq=e.seq,
                number=e.number,
                archival_code=e.archival_code,
                title=e.title,
                class_code=e.class_code,
                year=e.year,
                retention=e.retention,
                kept_years=e.kept_years,
                pages=e.pages,
                volume=e.volume,
                note=e.note,
            )
        )
    signatures: dict[int, list[SignatureView]] = {i: [] for i in ids}
    for s in session.scalars(
        select(DestructionSignature)
        .where(DestructionSignature.register_id.in_(ids))
        .order_by(DestructionSignature.id)
    ):
        signatures[s.register_id].append(_signature_view(s))
    names = display_names(session, [n for r in registers for n in (r.proposed_by, r.approved_by)])
    withdrawn = withdrawals(
        session, [r.number for r in registers if r.state == DestructionState.WITHDRAWN.value]
    )
    views: list[RegisterView] = []
    for register in registers:
        batch = batches.get(register.batch_id)
        fonds = fonds_of.get(register.id) or first_fonds
        withdrawal = withdrawn.get(register.number, (None, None, ""))
        views.append(
            RegisterView(
                number=register.number,
                batch=batch.number if batch else "",
                accounting=bool(register.accounting),
                state=DestructionState(register.state),
                fonds_code=fonds[0] if fonds else "",
                fonds_name=fonds[1] if fonds else "",
                proposed_by=register.proposed_by,
                proposed_at=register.proposed_at,
                group_leader=leaders.get(register.batch_id, ""),
                group_signed_at=batch.signed_at if batch else None,
                approved_by=register.approved_by,
                approved_at=register.approved_at,
                executed_by=register.executed_by,
                executed_at=register.executed_at,
                executed_on=register.executed_on,
                method=register.method or "",
                place=register.place or "",
                rows=tuple(rows[register.id]),
                signatures=tuple(signatures[register.id]),
                proposer_name=names.get(register.proposed_by, register.proposed_by),
                approver_name=(
                    names.get(register.approved_by, register.approved_by)
                    if register.approved_by
                    else None
                ),
                batch_as_of=batch.as_of if batch else None,
                withdrawn_by=withdrawal[0],
                withdrawn_at=withdrawal[1],
                withdraw_reason=withdrawal[2],
            )
        )
    return views


def withdrawals(
    session: Session, numbers: Sequence[str]
) -> dict[str, tuple[str | None, str | None, str]]:
    """register number -> who withdrew it, when and why (its latest `destruction.withdraw`
    event), for the withdrawn registers `numbers`, in one query."""
    found = last_events(
        session, Action.DESTRUCTION_WITHDRAW.code, [register_target(n) for n in numbers]
    )
    return {n: found[register_target(n)] for n in numbers if register_target(n) in found}
