"""Statistics of use (利用统计) for a period: 人次 and 卷次/件次 by kind and by purpose.

A use is an approved request that was used: a loan on the day it went out, a
consultation, copy or screen view on the day it was approved (or lent, where it was).
The counting rules:
- 人次: one borrower counts once a day, however many requests they made that day
  (the borrower is their staff account, else their ID number, else name and unit);
- 卷次 / 件次: each volume / item used, once per borrower and day; a box counts its
  volumes as 卷次 and the items boxed directly as 件次;
- a loan over many days is counted once, on the day it went out;
- 页次 of copies: the distinct pages of the originals copied (not the number of copies
  made); a copy made outside the program counts the pages of the originals asked for.

`use_date` and `uses_between` are shared with the use registers (archivist.registers).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.changes.states import LoanState
from archivist.db.models import (
    AuditEvent,
    BoxItem,
    Material,
    UseRequest,
    UseTarget,
    Volume,
    VolumeItem,
)
from archivist.errors import InputError
from archivist.use.requests import UseKind

if TYPE_CHECKING:
    from archivist.archive import Archive

# the states of a request that was (or is being) used
USED = (LoanState.APPROVED, LoanState.OUT, LoanState.RETURNED, LoanState.CLOSED)
KIND_LABELS = {
    UseKind.CONSULT: "查阅",
    UseKind.LEND: "借出",
    UseKind.COPY: "复制",
    UseKind.VIEW: "电子调阅",
}


def local_day(moment: str | None) -> dt.date | None:
    """The local calendar day of a stored UTC moment (ISO text)."""
    if not moment:
        return None
    try:
        return dt.datetime.fromisoformat(moment).astimezone().date()
    except ValueError:
        return None


def use_date(request: UseRequest) -> dt.date | None:
    """The day a request was used, or None if it was not (yet): the day it was lent out;
    for a consultation, copy or view not lent, the day it was approved."""
    if request.status not in USED:
        return None
    if request.lent_on is not None:
        return request.lent_on
    if request.kind == UseKind.LEND:
        return None  # approved, not lent yet: nothing left the room
    return local_day(request.decided_at)


def check_period(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise InputError("use.bad_period", start=start.isoformat(), end=end.isoformat())


def uses_between(session: Session, start: dt.date, end: dt.date) -> list[UseRequest]:
    """The requests used in the period (both days included), by use date and number,
    with their targets and extensions loaded."""
    check_period(start, end)
    # approval moments are UTC text: a day of slack either side, then the exact day
    low = (start - dt.timedelta(days=1)).isoformat()
    high = (end + dt.timedelta(days=2)).isoformat()
    stmt = (
        select(UseRequest)
        .where(
            UseRequest.status.in_([s.value for s in USED]),
            or_(
                UseRequest.lent_on.between(start, end),
                and_(
                    UseRequest.lent_on.is_(None),
                    UseRequest.kind != UseKind.LEND.value,
                    UseRequest.decided_at >= low,
                    UseRequest.decided_at < high,
                ),
            ),
        )
        .options(selectinload(UseRequest.targets), selectinload(UseRequest.extensions))
    )
    found = []
    for request in session.scalars(stmt):
        day = use_date(request)
        if day is not None and start <= day <= end:
            found.append((day, request.year, request.serial, request))
    found.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in found]


def borrower_key(request: UseRequest) -> tuple[str, ...]:
    """Who used the records, as one key: the staff account, else the ID number, else the
    name and unit."""
    if request.borrower_account:
        return ("account", request.borrower_account)
    if request.borrower_id_number:
        return ("id", request.borrower_id_number)
    return ("name", request.borrower_name.strip(), request.borrower_unit.strip())


@dataclass(frozen=True)
class UseCount:
    """人次, 卷次, 件次, 页次 (pages of originals copied) and the requests counted."""

    persons: int = 0
    volumes: int = 0
    items: int = 0
    pages: int = 0
    requests: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "persons": self.persons,
            "volumes": self.volumes,
            "items": self.items,
            "pages": self.pages,
            "requests": self.requests,
        }


@dataclass(frozen=True)
class UseStatistics:
    """The use of a period: the totals, by kind (consult/lend/copy/view, each with its
    Chinese name) and by purpose (the purpose as written)."""

    start: dt.date
    end: dt.date
    total: UseCount
    by_kind: tuple[tuple[UseKind, UseCount], ...]
    by_purpose: tuple[tuple[str, UseCount], ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "total": self.total.as_dict(),
            "by_kind": [
                {"kind": kind.value, "label": KIND_LABELS[kind], **count.as_dict()}
                for kind, count in self.by_kind
            ],
            "by_purpose": [
                {"purpose": purpose, **count.as_dict()} for purpose, count in self.by_purpose
            ],
        }


@dataclass(frozen=True)
class _Use:
    """One request's use, flattened for counting."""

    who: tuple[str, ...]
    day: dt.date
    kind: UseKind
    purpose: str
    volumes: frozenset[int]
    items: frozenset[int]
    pages: int


def _count(uses: Iterable[_Use]) -> UseCount:
    persons: set[tuple[Any, ...]] = set()
    volumes: set[tuple[Any, ...]] = set()
    items: set[tuple[Any, ...]] = set()
    pages = requests = 0
    for use in uses:
        persons.add((use.who, use.day))
        volumes.update((use.who, use.day, v) for v in use.volumes)
        items.update((use.who, use.day, i) for i in use.items)
        pages += use.pages
        requests += 1
    return UseCount(len(persons), len(volumes), len(items), pages, requests)


def _units(session: Session, targets: Sequence[UseTarget]) -> tuple[frozenset[int], frozenset[int]]:
    """(volume ids, item ids) a request's targets count as: a volume as a volume; an
    item as an item; a box as its volumes and its directly boxed items."""
    volumes = {t.volume_id for t in targets if t.volume_id is not None}
    items = {t.item_id for t in targets if t.item_id is not None}
    boxes = {t.box_id for t in targets if t.box_id is not None}
    if boxes:
        volumes |= set(session.scalars(select(Volume.id).where(Volume.box_id.in_(boxes))))
        items |= set(session.scalars(select(BoxItem.item_id).where(BoxItem.box_id.in_(boxes))))
    return frozenset(volumes), frozenset(items)


def original_pages(session: Session, volumes: Iterable[int], items: Iterable[int]) -> int:
    """The pages of the originals: the items' materials, and those of the volumes' items."""
    ids = set(items)
    volume_ids = set(volumes)
    if volume_ids:
        ids |= set(
            session.scalars(select(VolumeItem.item_id).where(VolumeItem.volume_id.in_(volume_ids)))
        )
    if not ids:
        return 0
    total = session.scalar(select(func.sum(Material.pages)).where(Material.item_id.in_(ids)))
    return int(total or 0)


_PAGE_RANGE = re.compile(r"(\d+)(?:-(\d+))?")


def copied_pages(session: Session, number: str) -> int | None:
    """The distinct original pages the copies of request `number` were made of (the
    page specs of its `use.copy` events, a page copied twice counted once), or None
    when no copy was made here (a copy on paper: count the originals instead)."""
    specs = session.scalars(
        select(AuditEvent.after).where(
            AuditEvent.action == "use.copy", AuditEvent.target == f"use:{number}"
        )
    ).all()
    pages: set[int] = set()
    made = False
    for after in specs:
        if not isinstance(after, dict):
            continue
        made = True
        spec = after.get("page_spec")
        if isinstance(spec, str) and spec:
            for low, high in _PAGE_RANGE.findall(spec):
                pages.update(range(int(low), int(high or low) + 1))
        elif isinstance(after.get("pages"), int):
            pages.update(range(1, int(after["pages"]) + 1))
    return len(pages) if made else None


def use_statistics(archive: Archive, start: dt.date, end: dt.date) -> UseStatistics:
    """The use of the archive from `start` to `end` (both included). READ."""
    require(archive, Right.READ, "use.statistics")
    check_period(start, end)
    uses: list[_Use] = []
    with archive.db.reading() as session:
        for request in uses_between(session, start, end):
            day = use_date(request)
            assert day is not None  # uses_between keeps only the used
            volumes, items = _units(session, request.targets)
            kind = UseKind(request.kind)
            pages = 0
            if kind is UseKind.COPY:
                copied = copied_pages(session, request.number)
                pages = original_pages(session, volumes, items) if copied is None else copied
            uses.append(
                _Use(
                    borrower_key(request),
                    day,
                    kind,
                    request.purpose.strip(),
                    volumes,
                    items,
                    pages,
                )
            )
    by_kind: dict[UseKind, list[_Use]] = defaultdict(list)
    by_purpose: dict[str, list[_Use]] = defaultdict(list)
    for use in uses:
        by_kind[use.kind].append(use)
        by_purpose[use.purpose].append(use)
    return UseStatistics(
        start=start,
        end=end,
        total=_count(uses),
        by_kind=tuple((kind, _count(by_kind[kind])) for kind in UseKind),
        by_purpose=tuple(
            (purpose, _count(group))
            for purpose, group in sorted(by_purpose.items(), key=lambda p: (-len(p[1]), p[0]))
        ),
    )
