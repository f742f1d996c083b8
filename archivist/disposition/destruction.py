"""Destruction registers (销毁清册, XH-年度-NN): made from a signed appraisal batch's
destroy opinions (the accounting archives' records in a register of their own, Order
79), approved by a head who did not propose it (its list then frozen), signed by the
supervisors (监销人; and for an accounting register by the five people Order 79 names),
then executed: the records become stubs and every copy of their content leaves the
archive folder (archivist/disposition/execution.py). Registers are kept for ever."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from archivist.changes.states import DestructionState

if TYPE_CHECKING:
    from archivist.archive import Archive

PREFIX = "XH"


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


ACCOUNTING_DUTIES = (
    Duty.UNIT_HEAD,
    Duty.ARCHIVES_HEAD,
    Duty.ACCOUNTING_HEAD,
    Duty.ARCHIVES_HANDLER,
    Duty.ACCOUNTING_HANDLER,
)
ACCOUNTING_SUPERVISOR_UNITS = (Unit.ARCHIVES, Unit.ACCOUNTING, Unit.IT)


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

    @property
    def pages(self) -> int:
        return sum(r.pages for r in self.rows)

    @property
    def supervisors(self) -> tuple[SignatureView, ...]:
        return tuple(s for s in self.signatures if s.duty is Duty.SUPERVISOR)


@dataclass(frozen=True)
class StubView:
    """What is left of a destroyed record."""

    number: str
    archival_code: str
    title: str
    class_code: str
    year: int
    retention: str
    register: str
    batch: str
    executed_on: dt.date
    approved_by: str
    supervisors: tuple[str, ...]


def register_number(year: int, serial: int) -> str:
    return f"{PREFIX}-{year}-{serial:02d}"


def create_registers(archive: Archive, batch: str) -> list[RegisterView]:
    """The register(s) of a signed batch's destroy opinions: one for the ordinary
    records, one for the accounting archives' (class KJ), as needed."""
    raise NotImplementedError


def approve_register(archive: Archive, number: str) -> RegisterView:
    """A head (APPROVE) who did not propose it approves; the list is frozen. For an
    accounting register the approval is the unit head's signature."""
    raise NotImplementedError


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
    raise NotImplementedError


def show_register(archive: Archive, number: str) -> RegisterView:
    raise NotImplementedError


def list_registers(archive: Archive) -> list[RegisterView]:
    raise NotImplementedError


def stub_of(archive: Archive, number: str) -> StubView | None:
    """The stub of a destroyed item (None when it was not destroyed)."""
    raise NotImplementedError
