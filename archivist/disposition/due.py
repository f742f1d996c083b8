"""The appraisal due list (到期档案): the items, and the volumes all of whose items are,
whose retention has run out by a day (expires_on <= as_of: 1 January of year formed
+ 1 + N, archivist/rules/retention.py), still captured (not destroyed, not
transferred), not on hold, directly or through their volume, and not yet appraised
(not in an unsigned batch, a destroy opinion awaiting its register, or a register not
yet executed: `in_appraisal_item_ids`). Grouped by class, year
and retention; with `within_years` also what falls due in the next N years, for
planning (rows flagged `due=False`). Permanent records (no expiry) never appear.

One query over the indexed `expires_on`, one for the placed holds and one for the
volumes' sizes: no query per row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.changes.states import AppraisalState, DestructionState, HoldState, ItemState
from archivist.db.models import (
    AppraisalBatch,
    AppraisalEntry,
    ArchiveClass,
    DestructionEntry,
    DestructionRegister,
    Hold,
    Item,
    Volume,
    VolumeItem,
)
from archivist.errors import InputError

if TYPE_CHECKING:
    from archivist.archive import Archive

TARGET = "appraisal:due"
MAX_WITHIN_YEARS = 100
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


@dataclass(frozen=True)
class DueRow:
    """One item: due now (`due`) or falling due within the planning years."""

    number: str
    archival_code: str
    title: str
    class_code: str
    year: int
    retention: str
    expires_on: dt.date
    volume: str | None
    due: bool


@dataclass(frozen=True)
class DueGroup:
    """The items of one class, year and retention: how many are due now, how many
    fall due within the planning years."""

    class_code: str
    class_name: str
    year: int
    retention: str
    due: int
    planned: int


@dataclass(frozen=True)
class DueVolume:
    """A volume all of whose (captured) items are due now or within the planning years;
    `expires_on` is its last item's."""

    code: str
    title: str
    class_code: str
    year: int
    retention: str
    items: int
    expires_on: dt.date
    due: bool


@dataclass(frozen=True)
class DueList:
    as_of: dt.date
    until: dt.date | None  # the planning horizon (within_years > 0), else None
    rows: tuple[DueRow, ...]
    groups: tuple[DueGroup, ...]
    volumes: tuple[DueVolume, ...]
    held: int  # items that would be listed but are on hold
    in_appraisal: int = 0  # items that would be listed but are already being appraised

    @property
    def due_rows(self) -> tuple[DueRow, ...]:
        return tuple(r for r in self.rows if r.due)

    @property
    def planned_rows(self) -> tuple[DueRow, ...]:
        return tuple(r for r in self.rows if not r.due)


def horizon(as_of: dt.date, years: int) -> dt.date:
    """The same day `years` later (28 February for a 29 February without one)."""
    try:
        return as_of.replace(year=as_of.year + years)
    except ValueError:
        return as_of.replace(year=as_of.year + years, day=28)


def _held(session: Session) -> tuple[set[int], set[int]]:
    """The items and the volumes on hold now."""
    items: set[int] = set()
    volumes: set[int] = set()
    rows = session.execute(
        select(Hold.item_id, Hold.volume_id).where(Hold.state == HoldState.PLACED.value)
    )
    for item_id, volume_id in rows:
        if item_id is not None:
            items.add(item_id)
        if volume_id is not None:
            volumes.add(volume_id)
    return items, volumes


def in_appraisal_item_ids(session: Session) -> set[int]:
    """The items already taken by an appraisal (not yet appraised again): in a batch not
    yet signed; with a destroy opinion of a signed batch no destruction register has been
    made from yet; in a destruction register not yet executed. A cancelled batch takes
    nothing; nor does a withdrawn register, and its batch counts as having had one, so
    its records are back on the list for the group to appraise again (a new register
    may still be made from the batch: create_registers refuses a record appraised again
    since). Three small queries over the appraisal tables (no IN over the items)."""
    taken: set[int] = set(
        session.scalars(
            select(AppraisalEntry.item_id)
            .join(AppraisalBatch, AppraisalBatch.id == AppraisalEntry.batch_id)
            .where(AppraisalBatch.state == AppraisalState.DRAFT.value)
        )
    )
    with_register = select(DestructionRegister.batch_id)
    taken.update(
        session.scalars(
            select(AppraisalEntry.item_id)
            .join(AppraisalBatch, AppraisalBatch.id == AppraisalEntry.batch_id)
            .where(
                AppraisalBatch.state == AppraisalState.SIGNED.value,
                AppraisalEntry.opinion == "destroy",
                AppraisalBatch.id.not_in(with_register),
            )
        )
    )
    taken.update(
        session.scalars(
            select(DestructionEntry.item_id)
            .join(DestructionRegister, DestructionRegister.id == DestructionEntry.register_id)
            .where(
                DestructionRegister.state.not_in(
                    (DestructionState.EXECUTED.value, DestructionState.WITHDRAWN.value)
                )
            )
        )
    )
    return taken


def _check(class_code: str | None, year: int | None, within_years: int) -> str | None:
    if not isinstance(within_years, int) or not 0 <= within_years <= MAX_WITHIN_YEARS:
        raise InputError(
            "disposition.bad_within", value=str(within_years)[:20], limit=MAX_WITHIN_YEARS
        )
    if year is not None and not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise InputError(
            "disposition.bad_year",
            value=str(year)[:20],
            earliest=EARLIEST_YEAR,
            latest=LATEST_YEAR,
        )
    if class_code is None:
        return None
    code = class_code.strip().upper()
    if not code:
        raise InputError("class.unknown", value=class_code[:20])
    return code


def due_list(
    archive: Archive,
    as_of: dt.date | None = None,
    *,
    class_code: str | None = None,
    year: int | None = None,
    within_years: int = 0,
) -> DueList:
    """What may be appraised on `as_of` (today when None), and with `within_years` what
    falls due after it up to the same day that many years later. Needs the READ right;
    leaves one access event."""
    day = as_of or dt.date.today()
    code = _check(class_code, year, within_years)
    require(archive, Right.READ, TARGET)
    until = horizon(day, within_years) if within_years else None
    last = until or day
    stmt = (
        select(
            Item.id,
            Item.number,
            Item.archival_code,
            Item.title,
            ArchiveClass.code,
            ArchiveClass.name,
            Item.year,
            Item.retention,
            Item.expires_on,
            VolumeItem.volume_id,
        )
        .join(ArchiveClass, ArchiveClass.id == Item.class_id)
        .outerjoin(VolumeItem, VolumeItem.item_id == Item.id)
        .where(
            Item.expires_on.is_not(None),
            Item.expires_on <= last,
            Item.status == ItemState.CAPTURED.value,
        )
        .order_by(ArchiveClass.code, Item.year, Item.retention, Item.number)
    )
    if year is not None:
        stmt = stmt.where(Item.year == year)
    with archive.db.reading() as session:
        if code is not None:
            if session.scalar(select(ArchiveClass.id).where(ArchiveClass.code == code)) is None:
                raise InputError("class.unknown", value=code[:20])
            stmt = stmt.where(ArchiveClass.code == code)
        held_items, held_volumes = _held(session)
        taken = in_appraisal_item_ids(session)
        found = session.execute(stmt).all()
        volume_ids = {r[9] for r in found if r[9] is not None}
        volumes: dict[int, tuple[str, str, int]] = {}
        if volume_ids:
            sizes = session.execute(
                select(Volume.id, Volume.code, Volume.title, func.count(Item.id))
                .join(VolumeItem, VolumeItem.volume_id == Volume.id)
                .join(Item, Item.id == VolumeItem.item_id)
                .where(Item.status == ItemState.CAPTURED.value)
                .group_by(Volume.id)
            )
            volumes = {v: (c, t, n) for v, c, t, n in sizes if v in volume_ids}
    rows: list[DueRow] = []
    groups: dict[tuple[str, int, str], list[int]] = {}
    names: dict[str, str] = {}
    per_volume: dict[int, list[DueRow]] = {}
    held = in_appraisal = 0
    for item_id, number, archival, title, klass, name, yr, retention, expires, vol in found:
        if expires is None:  # the query asks for an expiry; this keeps the type exact
            continue
        if item_id in held_items or (vol is not None and vol in held_volumes):
            held += 1
            continue
        if item_id in taken:
            in_appraisal += 1
            continue
        row = DueRow(
            number=number,
            archival_code=archival,
            title=title,
            class_code=klass,
            year=yr,
            retention=retention,
            expires_on=expires,
            volume=volumes[vol][0] if vol in volumes else None,
            due=expires <= day,
        )
        rows.append(row)
        names[klass] = name
        counts = groups.setdefault((klass, yr, retention), [0, 0])
        counts[0 if row.due else 1] += 1
        if vol is not None:
            per_volume.setdefault(vol, []).append(row)
    due_volumes = [
        DueVolume(
            code=volumes[vol][0],
            title=volumes[vol][1],
            class_code=members[0].class_code,
            year=members[0].year,
            retention=members[0].retention,
            items=len(members),
            expires_on=max(m.expires_on for m in members),
            due=all(m.due for m in members),
        )
        for vol, members in per_volume.items()
        if vol in volumes and len(members) == volumes[vol][2]
    ]
    due_volumes.sort(key=lambda v: (v.class_code, v.year, v.retention, v.code))
    result = DueList(
        as_of=day,
        until=until,
        rows=tuple(rows),
        groups=tuple(
            DueGroup(k[0], names[k[0]], k[1], k[2], c[0], c[1]) for k, c in groups.items()
        ),
        volumes=tuple(due_volumes),
        held=held,
        in_appraisal=in_appraisal,
    )
    record(
        archive,
        AccessKind.VIEW_LIST,
        TARGET,
        {
            "as_of": day.isoformat(),
            "until": until.isoformat() if until else None,
            "class": code,
            "year": year,
            "due": len(result.due_rows),
            "planned": len(result.planned_rows),
        },
    )
    return result
