"""What an appraisal batch is as read (archivist/disposition/appraisal.py changes it): its
members and signatures, its rows with their opinions, the records of its scope a hold
keeps out, its destruction registers and, once cancelled, who cancelled it and why —
for many batches at once, in a fixed number of queries (no rights check, no access
event: the services that call them check and log)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.changes.actions import Action
from archivist.changes.states import AppraisalState, DestructionState, HoldState, ItemState
from archivist.db.models import (
    AppraisalBatch,
    AppraisalEntry,
    AppraisalMember,
    ArchiveClass,
    DestructionRegister,
    Hold,
    Item,
    VolumeItem,
)
from archivist.disposition.holds import held_item_ids
from archivist.disposition.records import last_events, pages_by_item, volumes_by_item


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
    decided_at: str | None = None  # when the opinion was given


@dataclass(frozen=True)
class PulledOut:
    """A record due in the batch's scope that a hold keeps out of appraisal."""

    number: str
    archival_code: str
    title: str
    class_code: str
    year: int
    retention: str
    expires_on: dt.date
    holds: tuple[str, ...]  # BQ-…
    kinds: tuple[str, ...]  # the holds' kinds (unsettled, dispute, litigation, audit, other)


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
    # the records of the batch's scope kept out of it by a hold placed now (for the
    # 鉴定意见书: "records pulled out"; for KJ the unsettled-matter holds)
    pulled_out: tuple[PulledOut, ...] = ()
    # a cancelled batch: who cancelled it, when and why (from its audit event)
    cancelled_by: str | None = None
    cancelled_at: str | None = None
    cancel_reason: str = ""
    # of destruction_registers, those withdrawn (the batch may make a register again)
    withdrawn_registers: tuple[str, ...] = ()

    @property
    def undecided(self) -> int:
        return sum(1 for e in self.entries if e.opinion is None)

    def count(self, opinion: Opinion) -> int:
        return sum(1 for e in self.entries if e.opinion is opinion)


def batch_target(number: str) -> str:
    """The batch's target in the audit trail and the access log."""
    return f"appraisal:{number}"[:200]


def entry_views(
    session: Session,
    rows: Sequence[tuple[AppraisalEntry, Item, str]],
    pages: dict[int, int],
    volumes: dict[int, tuple[int, str]] | None = None,
) -> list[EntryView]:
    ids = [item.id for _entry, item, _klass in rows]
    holds = held_item_ids(session, ids)
    if volumes is None:
        volumes = volumes_by_item(session, ids)
    return [
        EntryView(
            number=item.number,
            archival_code=item.archival_code,
            title=item.title,
            class_code=klass,
            year=item.year,
            retention=entry.retention,
            expires_on=entry.expires_on,
            volume=volumes[item.id][1] if item.id in volumes else None,
            pages=pages.get(item.id, 0),
            opinion=Opinion(entry.opinion) if entry.opinion else None,
            new_retention=entry.new_retention,
            new_expires_on=entry.new_expires_on,
            reason=entry.reason or "",
            decided_by=entry.decided_by,
            holds=tuple(holds.get(item.id, ())),
            decided_at=entry.decided_at,
        )
        for entry, item, klass in rows
    ]


def _pulled_out(
    session: Session, batches: Sequence[AppraisalBatch], in_batch: dict[int, set[int]]
) -> dict[int, tuple[PulledOut, ...]]:
    """batch id -> the records of its scope a placed hold keeps out of it (`in_batch`:
    each batch's item ids). The placed holds first (they are few), then their items,
    once for all the batches."""
    placed = session.execute(
        select(Hold.number, Hold.kind, Hold.item_id, Hold.volume_id)
        .where(Hold.state == HoldState.PLACED.value)
        .order_by(Hold.year, Hold.serial)
    ).all()
    if not placed or not batches:
        return {}
    by_item: dict[int, list[tuple[str, str]]] = {}
    by_volume: dict[int, list[tuple[str, str]]] = {}
    for number, kind, item_id, volume_id in placed:
        if item_id is not None:
            by_item.setdefault(item_id, []).append((number, kind))
        if volume_id is not None:
            by_volume.setdefault(volume_id, []).append((number, kind))
    if by_volume:
        for item_id, volume_id in session.execute(
            select(VolumeItem.item_id, VolumeItem.volume_id).where(
                VolumeItem.volume_id.in_(list(by_volume))
            )
        ):
            by_item.setdefault(item_id, []).extend(by_volume[volume_id])
    latest = max(b.as_of for b in batches)
    ids = list(by_item)
    due: list[tuple[Item, str]] = []
    for start in range(0, len(ids), 500):
        due.extend(
            (item, klass)
            for item, klass in session.execute(
                select(Item, ArchiveClass.code)
                .join(ArchiveClass, ArchiveClass.id == Item.class_id)
                .where(
                    Item.id.in_(ids[start : start + 500]),
                    Item.expires_on.is_not(None),
                    Item.expires_on <= latest,
                    Item.status == ItemState.CAPTURED.value,
                )
            )
        )
    found: dict[int, tuple[PulledOut, ...]] = {}
    for batch in batches:
        taken = in_batch.get(batch.id, set())
        out = [
            PulledOut(
                number=item.number,
                archival_code=item.archival_code,
                title=item.title,
                class_code=klass,
                year=item.year,
                retention=item.retention,
                expires_on=item.expires_on or batch.as_of,
                holds=tuple(dict.fromkeys(n for n, _k in by_item[item.id])),
                kinds=tuple(dict.fromkeys(k for _n, k in by_item[item.id])),
            )
            for item, klass in due
            if item.id not in taken
            and item.expires_on is not None
            and item.expires_on <= batch.as_of
            and (batch.class_code is None or klass == batch.class_code)
            and (batch.scope_year is None or item.year == batch.scope_year)
        ]
        found[batch.id] = tuple(sorted(out, key=lambda p: (p.class_code, p.year, p.number)))
    return found


def batch_view(session: Session, batch: AppraisalBatch) -> BatchView:
    """The batch as it stands (no rights check, no access event: for services that read
    it inside their own transaction)."""
    return batch_views(session, [batch])[0]


def batch_views(session: Session, batches: Sequence[AppraisalBatch]) -> list[BatchView]:
    """The batches as they stand, in the order given, in a fixed number of queries
    however many batches and rows (no rights check, no access event)."""
    if not batches:
        return []
    ids = [b.id for b in batches]
    in_these = AppraisalEntry.batch_id.in_(ids)
    rows: dict[int, list[tuple[AppraisalEntry, Item, str]]] = {i: [] for i in ids}
    for entry, item, klass in session.execute(
        select(AppraisalEntry, Item, ArchiveClass.code)
        .join(Item, Item.id == AppraisalEntry.item_id)
        .join(ArchiveClass, ArchiveClass.id == Item.class_id)
        .where(in_these)
        .order_by(ArchiveClass.code, Item.year, Item.number)
    ):
        rows[entry.batch_id].append((entry, item, klass))
    every = [row for i in ids for row in rows[i]]
    scope = select(AppraisalEntry.item_id).where(in_these)
    entries = iter(entry_views(session, every, pages_by_item(session, scope),
                               volumes_by_item(session, scope)))  # fmt: skip
    members: dict[int, list[MemberView]] = {i: [] for i in ids}
    for m in session.scalars(
        select(AppraisalMember)
        .where(AppraisalMember.batch_id.in_(ids))
        .order_by(AppraisalMember.batch_id, AppraisalMember.seq)
    ):
        members[m.batch_id].append(MemberView(m.user_name, m.display_name, m.head, m.signed_at))
    registers: dict[int, list[str]] = {i: [] for i in ids}
    withdrawn: dict[int, list[str]] = {i: [] for i in ids}
    for batch_id, number, state in session.execute(
        select(DestructionRegister.batch_id, DestructionRegister.number, DestructionRegister.state)
        .where(DestructionRegister.batch_id.in_(ids))
        .order_by(DestructionRegister.year, DestructionRegister.serial)
    ):
        registers[batch_id].append(number)
        if state == DestructionState.WITHDRAWN.value:
            withdrawn[batch_id].append(number)
    in_batch = {i: {item.id for _e, item, _k in rows[i]} for i in ids}
    pulled = _pulled_out(session, batches, in_batch)
    cancelled = cancellations(
        session, [b.number for b in batches if b.state == AppraisalState.CANCELLED.value]
    )
    views: list[BatchView] = []
    for batch in batches:
        cancel = cancelled.get(batch.number, (None, None, ""))
        views.append(
            BatchView(
                number=batch.number,
                as_of=batch.as_of,
                class_code=batch.class_code,
                scope_year=batch.scope_year,
                state=AppraisalState(batch.state),
                created_by=batch.created_by,
                created_at=batch.created_at,
                signed_at=batch.signed_at,
                members=tuple(members[batch.id]),
                entries=tuple(next(entries) for _row in rows[batch.id]),
                destruction_registers=tuple(registers[batch.id]),
                pulled_out=pulled.get(batch.id, ()),
                cancelled_by=cancel[0],
                cancelled_at=cancel[1],
                cancel_reason=cancel[2],
                withdrawn_registers=tuple(withdrawn[batch.id]),
            )
        )
    return views


def cancellations(
    session: Session, numbers: Sequence[str]
) -> dict[str, tuple[str | None, str | None, str]]:
    """batch number -> who cancelled it, when and why (its latest `appraisal.cancel`
    event), for the cancelled batches `numbers`, in one query."""
    found = last_events(session, Action.APPRAISAL_CANCEL.code, [batch_target(n) for n in numbers])
    return {n: found[batch_target(n)] for n in numbers if batch_target(n) in found}
