"""Appraisal batches (鉴定, JD-年度-NN): the appraisal group (at least three members with
the appraiser role, one of them a head) takes the records due on a day, gives each an
opinion — destroy, extend (a longer period and the new expiry) or keep permanently —
with a reason, and every member signs as themselves. When the last member signs, the
extensions and permanent opinions are applied to the records (audited) and the destroy
opinions wait for a destruction register (archivist/disposition/destruction.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from archivist.changes.states import AppraisalState

if TYPE_CHECKING:
    from archivist.archive import Archive

PREFIX = "JD"
MIN_MEMBERS = 3


class Opinion(StrEnum):
    DESTROY = "destroy"  # 销毁
    EXTEND = "extend"  # 延期 (a longer period)
    PERMANENT = "permanent"  # 改为永久


@dataclass(frozen=True)
class MemberView:
    user_name: str
    display_name: str
    head: bool
    signed_at: str | None


@dataclass(frozen=True)
class EntryView:
    """One record of a batch (a row of the 到期档案鉴定清单)."""

    number: str
    archival_code: str
    title: str
    class_code: str
    year: int
    retention: str  # 原保管期限 (code: D10, D30, ...)
    expires_on: dt.date  # 到期日期
    volume: str | None
    pages: int
    opinion: Opinion | None  # None: not yet given
    new_retention: str | None  # for EXTEND (and "Y" for PERMANENT)
    new_expires_on: dt.date | None  # for EXTEND
    reason: str
    decided_by: str | None
    holds: tuple[str, ...]  # hold numbers placed on it now (BQ-…)


@dataclass(frozen=True)
class BatchView:
    number: str
    as_of: dt.date
    class_code: str | None
    scope_year: int | None
    state: AppraisalState
    created_by: str
    created_at: str
    signed_at: str | None
    members: tuple[MemberView, ...]
    entries: tuple[EntryView, ...]
    destruction_registers: tuple[str, ...]  # XH-… made from it

    @property
    def undecided(self) -> int:
        return sum(1 for e in self.entries if e.opinion is None)

    def count(self, opinion: Opinion) -> int:
        return sum(1 for e in self.entries if e.opinion is opinion)


def batch_number(year: int, serial: int) -> str:
    return f"{PREFIX}-{year}-{serial:02d}"


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
    raise NotImplementedError


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
    raise NotImplementedError


def sign_batch(archive: Archive, batch: str) -> BatchView:
    """The signed-in member signs; the last signature makes the batch SIGNED and
    applies its extend and permanent opinions to the records."""
    raise NotImplementedError


def show_batch(archive: Archive, batch: str) -> BatchView:
    raise NotImplementedError


def list_batches(archive: Archive) -> list[BatchView]:
    raise NotImplementedError


def appraisal_history(archive: Archive, number: str) -> list[tuple[str, EntryView]]:
    """Every appraisal of one item: (batch number, its entry), oldest first."""
    raise NotImplementedError
