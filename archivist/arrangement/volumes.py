"""Filing items into volumes (立卷 / 组卷).

A volume holds items of one year, one class and one retention period, in time order,
made by month, quarter or year as the agency chooses, and never across years (不能跨年
组卷). Its code is 全宗号-目录号-案卷号 with a 3-digit case number, issued gap-free per
catalogue. Volumes of records kept 30 years or longer are page-numbered from 1 through
their items (cover, contents list and notes sheet unpaged).

Every change goes through the unit of work (`archive.change`): one audit event per
action, its before and after the complete state of every volume it changed (a change of
several volumes keys them by code under "volumes"). Results are frozen dataclasses:
`VolumeSummary` (a row of the list), `VolumeView` (a volume with its `VolumeEntry`
items), `VolumePlan` / `PlannedVolume` (what filing would make).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session, selectinload

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.changes import audit, states
from archivist.changes.actions import Action, action_named
from archivist.changes.states import HandoverResult, HandoverState, VolumeState
from archivist.db.models import (
    ArchiveClass,
    AuditEvent,
    BoxItem,
    Item,
    Material,
    Volume,
    VolumeItem,
)
from archivist.errors import InputError, NotFound
from archivist.rules.retention import Retention

PERIODS = ("month", "quarter", "year")
PERIOD_WORDS = {  # how "filed by ..." reads: (zh, en)
    "month": ("按月", "by month"),
    "quarter": ("按季度", "by quarter"),
    "year": ("按年", "by year"),
}
PAGED_FROM_YEARS = 30  # records kept this long or longer are page-numbered
PERIOD_LABELS = {
    "month": "{year}年{month}月",
    "quarter": "{year}年第{quarter}季度",
    "year": "{year}年",
}
QUARTER_NAMES = "一二三四"
# the changes after a volume was made that its notes sheet (卷内备考表) lists
CHANGE_ACTIONS = (
    Action.VOLUME_ADD_ITEMS,
    Action.VOLUME_REMOVE_ITEMS,
    Action.VOLUME_MOVE_ITEMS,
    Action.VOLUME_TITLE,
)


# -- results -----------------------------------------------------------------------------


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class VolumeSummary:
    """A volume as the list shows it (`list_volumes`, `build`)."""

    code: str
    catalogue: str
    case_no: int
    title: str
    class_code: str
    year: int
    retention: str
    period: str
    period_key: str
    start: dt.date | None  # the earliest completion date of its items
    end: dt.date | None
    items: int
    pages: int
    paged: bool
    status: VolumeState
    note: str

    @property
    def dissolved(self) -> bool:
        return self.status == VolumeState.DISSOLVED

    @property
    def frozen(self) -> bool:
        """Handed over to the archive: nothing in it changes any more."""
        return states.frozen(self.status)

    @property
    def editable(self) -> bool:
        """May still change: neither handed over nor dissolved."""
        return not self.frozen and not self.dissolved

    def to_json(self) -> dict[str, Any]:
        """The command line's `--json` shape."""
        return {
            "code": self.code,
            "catalogue": self.catalogue,
            "case_no": self.case_no,
            "title": self.title,
            "class": self.class_code,
            "year": self.year,
            "retention": self.retention,
            "period": self.period,
            "period_key": self.period_key,
            "start": _day(self.start),
            "end": _day(self.end),
            "items": self.items,
            "pages": self.pages,
            "paged": self.paged,
            "status": self.status.value,
            "note": self.note,
        }


@dataclass(frozen=True)
class VolumeEntry:
    """An item's place in a volume."""

    seq: int  # 顺序号
    number: str
    archival_code: str
    title: str
    completed_on: dt.date
    pages: int
    first_page: int | None  # page numbers in a paged volume, else None
    last_page: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "number": self.number,
            "archival_code": self.archival_code,
            "title": self.title,
            "completed_on": self.completed_on.isoformat(),
            "pages": self.pages,
            "first_page": self.first_page,
            "last_page": self.last_page,
        }


@dataclass(frozen=True)
class VolumeView(VolumeSummary):
    """A volume with its items in order (`show`, and what every change returns)."""

    entries: tuple[VolumeEntry, ...]

    def to_json(self) -> dict[str, Any]:
        return {**super().to_json(), "entries": [e.to_json() for e in self.entries]}


@dataclass(frozen=True)
class VolumeRef:
    """A volume named in a warning: filed by another period in the same year and class."""

    code: str
    period: str
    period_key: str
    title: str


@dataclass(frozen=True)
class PlannedVolume:
    year: int
    class_code: str
    retention: str
    period: str
    period_key: str
    item_ids: tuple[int, ...]
    title: str

    @property
    def items(self) -> int:
        return len(self.item_ids)

    @property
    def paged(self) -> bool:
        return is_paged(self.retention)

    def to_json(self) -> dict[str, Any]:
        """The command line's `volume build --dry-run --json` shape."""
        return {
            "year": self.year,
            "class": self.class_code,
            "retention": self.retention,
            "period": self.period,
            "period_key": self.period_key,
            "items": self.items,
            "title": self.title,
        }


@dataclass(frozen=True)
class VolumePlan:
    """What filing a year's unfiled items of a class would make (`plan`), and the
    volumes of another period already made for that year and class."""

    year: int
    class_code: str
    period: str
    volumes: tuple[PlannedVolume, ...]
    others: tuple[VolumeRef, ...]

    @property
    def items(self) -> int:
        return sum(v.items for v in self.volumes)

    def mixed_warning(self) -> InputError | None:
        """The warning (a refusal unless confirmed) when volumes of another period exist."""
        if not self.others:
            return None
        return mixed_periods_error(self.year, self.class_code, self.period, self.others)


@dataclass(frozen=True)
class VolumeReorder:
    """A volume put back in time order after one of its items changed date (the
    caller's change records it)."""

    code: str
    before: dict[str, Any]
    after: dict[str, Any]

    @property
    def target(self) -> str:
        return _target(self.code)


@dataclass(frozen=True)
class VolumeChange:
    """A recorded change of a volume after it was made (for its notes sheet)."""

    seq: int
    at: str  # ISO time of the audit event
    action: Action
    reason: str


# -- rules -------------------------------------------------------------------------------


def period_key(day: dt.date, period: str) -> str:
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def period_label(key: str) -> str:
    """2023-05 -> 2023年5月, 2023-Q2 -> 2023年第二季度, 2023 -> 2023年."""
    year, _, rest = key.partition("-")
    if not rest:
        return f"{year}年"
    if rest.startswith("Q"):
        return f"{year}年第{QUARTER_NAMES[int(rest[1:]) - 1]}季度"
    return f"{year}年{int(rest)}月"


def is_paged(retention: str) -> bool:
    parsed = Retention(retention)
    years = parsed.years
    return parsed.is_permanent or (years is not None and years >= PAGED_FROM_YEARS)


def volume_code(fonds: str, catalogue: str, case_no: int) -> str:
    return f"{fonds}-{catalogue}-{case_no:03d}"


def parse_years(text: str) -> int:
    """One year; a range of years is refused with the rule's reason."""
    value = text.strip()
    if "-" in value or "–" in value or "," in value:
        raise InputError("volume.across_years", years=value)
    try:
        return int(value)
    except ValueError:
        raise InputError("volume.bad_year", value=value) from None


def check_period(period: str) -> str:
    if period not in PERIODS:
        raise InputError("volume.bad_period", period=period, allowed=", ".join(PERIODS))
    return period


def _target(code: str) -> str:
    return f"volume:{code}"


def _class(session: Session, code: str) -> ArchiveClass:
    found = session.scalar(select(ArchiveClass).where(ArchiveClass.code == code.upper()))
    if found is None:
        raise InputError("class.unknown", value=code)
    return found


def _time_order(items: Iterable[Item]) -> list[Item]:
    return sorted(items, key=lambda item: (item.completed_on, item.serial, item.id))


def generated_title(
    fonds_name: str, klass: ArchiveClass, key: str, business_types: Sequence[str]
) -> str:
    """全宗名称 + period + class, and the business types it holds (at most three named)."""
    names = list(dict.fromkeys(business_types))
    kinds = "、".join(names[:3]) + ("等" if len(names) > 3 else "")
    return f"{fonds_name}{period_label(key)}{klass.name}（{kinds}）业务档案"


# -- planning ----------------------------------------------------------------------------


def plan_volumes(session: Session, year: int, class_code: str, period: str) -> list[PlannedVolume]:
    """The volumes that filing this year's unfiled items of the class would make."""
    check_period(period)
    klass = _class(session, class_code)
    filed = select(VolumeItem.item_id)
    boxed = select(BoxItem.item_id)  # boxed on their own (item-based filing)
    items = session.scalars(
        select(Item)
        .where(
            Item.year == year,
            Item.class_id == klass.id,
            Item.id.not_in(filed),
            Item.id.not_in(boxed),
        )
        .options(selectinload(Item.business_type), selectinload(Item.fonds))
    ).all()
    groups: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for item in items:
        groups[(item.retention, period_key(item.completed_on, period))].append(item)
    planned: list[PlannedVolume] = []
    for (retention, key), members in sorted(groups.items(), key=lambda g: (g[0][1], g[0][0])):
        ordered = _time_order(members)
        title = generated_title(
            ordered[0].fonds.name, klass, key, [i.business_type.name for i in ordered]
        )
        planned.append(
            PlannedVolume(
                year,
                klass.code,
                retention,
                period,
                key,
                tuple(i.id for i in ordered),
                title
                if len({r for r, _ in groups}) == 1
                else f"{title}（{Retention(retention).label}）",
            )
        )
    return planned


def other_periods(session: Session, year: int, class_code: str, period: str) -> list[VolumeRef]:
    """The year's volumes of the class filed by another period than `period` (dissolved
    ones aside): filing beside them mixes month, quarter and year volumes in one year,
    which is allowed only when confirmed."""
    check_period(period)
    klass = _class(session, class_code)
    rows = session.scalars(
        select(Volume)
        .where(
            Volume.year == year,
            Volume.class_id == klass.id,
            Volume.period != period,
            Volume.status != VolumeState.DISSOLVED,
        )
        .order_by(Volume.catalogue, Volume.case_no)
    )
    return [VolumeRef(v.code, v.period, v.period_key, v.title) for v in rows]


def mixed_periods_error(
    year: int, class_code: str, period: str, others: Sequence[VolumeRef]
) -> InputError:
    """The refusal (or warning) naming the volumes of another period."""
    existing = sorted({v.period for v in others}, key=PERIODS.index)
    codes = [v.code for v in others]
    shown = "、".join(codes[:5]) + (f" … ({len(codes)})" if len(codes) > 5 else "")
    return InputError(
        "volume.mixed_periods",
        year=year,
        klass=class_code.upper(),
        codes=shown,
        existing_zh="、".join(PERIOD_WORDS[p][0] for p in existing),
        existing_en=", ".join(PERIOD_WORDS[p][1] for p in existing),
        period_zh=PERIOD_WORDS[period][0],
        period_en=PERIOD_WORDS[period][1],
    )


def plan(archive: Archive, year: int, class_code: str, period: str) -> VolumePlan:
    """What `build` would make, read in one transaction (nothing to file is refused,
    as `build` refuses it)."""
    check_period(period)
    with archive.db.reading() as session:
        planned = plan_volumes(session, year, class_code, period)
        if not planned:
            raise InputError("volume.nothing_to_file", year=year, klass=class_code.upper())
        others = other_periods(session, year, class_code, period)
    return VolumePlan(year, class_code.upper(), period, tuple(planned), tuple(others))


def unfiled(archive: Archive, year: int, class_code: str) -> list[int]:
    """The ids of the year's items of the class in no volume and no box, grouped by
    retention, each group in time order (what may be added to a volume)."""
    with archive.db.reading() as session:
        planned = plan_volumes(session, year, class_code, "year")
    return [i for p in planned for i in p.item_ids]


# -- numbering inside a volume -----------------------------------------------------------


def _item_pages(session: Session, item_ids: Sequence[int]) -> dict[int, int]:
    rows = session.execute(
        select(Material.item_id, func.sum(Material.pages))
        .where(Material.item_id.in_(item_ids))
        .group_by(Material.item_id)
    )
    return {item_id: int(pages or 0) for item_id, pages in rows}


def _renumber_entries(session: Session, volume: Volume) -> None:
    """Time order, sequence numbers and (for paged volumes) page numbers from 1."""
    entries = sorted(
        volume.entries,
        key=lambda e: (e.item.completed_on, e.item.serial, e.item.id),
    )
    pages = _item_pages(session, [e.item_id for e in entries])
    next_page = 1
    for seq, entry in enumerate(entries, start=1):
        entry.seq = seq
        count = pages.get(entry.item_id, 0)
        if volume.paged and count:
            entry.first_page, entry.last_page = next_page, next_page + count - 1
            next_page += count
        else:
            entry.first_page = entry.last_page = None
    volume.entries = entries


def keep_time_order(session: Session, item: Item) -> VolumeReorder | None:
    """After an item's completion date was corrected (inside the caller's change): its
    volume, if any, puts it back in time order and renumbers pages. Returns the volume's
    state before and after for the caller's audit event, or None when nothing moved."""
    entry = session.scalar(select(VolumeItem).where(VolumeItem.item_id == item.id))
    if entry is None:
        return None
    volume = entry.volume
    before = _snapshot(volume)
    _renumber_entries(session, volume)
    session.flush()
    after = _snapshot(volume)
    return VolumeReorder(volume.code, before, after) if after != before else None


def _next_case(session: Session, catalogue: str) -> int:
    last = session.scalar(select(func.max(Volume.case_no)).where(Volume.catalogue == catalogue))
    return int(last or 0) + 1


def _snapshot(volume: Volume) -> dict[str, Any]:
    """The volume's state as the audit trail records it: enough to check its row and its
    items (in order, with their page numbers) against the trail."""
    return {
        "code": volume.code,
        "title": volume.title,
        "class": volume.archive_class.code,
        "year": volume.year,
        "retention": volume.retention,
        "period": volume.period,
        "period_key": volume.period_key,
        "paged": volume.paged,
        "status": volume.status,
        "note": volume.note,
        "items": [e.item.number for e in volume.entries],
        "pages": [[e.first_page, e.last_page] for e in volume.entries],
    }


def _build_target(codes: Sequence[str]) -> str:
    """volume:<code>, or volume:<first>..<last> for the consecutive volumes of one build."""
    if len(codes) == 1:
        return _target(codes[0])
    return _target(f"{codes[0]}..{codes[-1]}")


# -- changes -----------------------------------------------------------------------------


def build(
    archive: Archive,
    year: int,
    class_code: str,
    period: str,
    *,
    catalogue: str | None = None,
    mixed_ok: bool = False,
) -> list[VolumeSummary]:
    """File the year's unfiled items of a class into new volumes: one change, one audit
    event holding every volume made (`plan` shows what it would make).

    Volumes of another period already made for the year and class (say a year volume
    before month volumes) are refused unless `mixed_ok` (the person confirmed)."""
    check_period(period)
    with archive.change(Action.VOLUME_BUILD, _target(class_code.upper())) as change:
        session = change.session
        planned = plan_volumes(session, year, class_code, period)
        if not planned:
            raise InputError("volume.nothing_to_file", year=year, klass=class_code.upper())
        if not mixed_ok:
            others = other_periods(session, year, class_code, period)
            if others:
                raise mixed_periods_error(year, class_code, period, others)
        klass = _class(session, class_code)
        fonds = archive.fonds()["code"]
        book = (catalogue or klass.code).strip().upper()
        made: list[Volume] = []
        case_no = _next_case(session, book)
        now = audit.now_text()
        items = {
            i.id: i
            for i in session.scalars(
                select(Item).where(Item.id.in_([x for p in planned for x in p.item_ids]))
            )
        }
        for planned_volume in planned:
            volume = Volume(
                code=volume_code(fonds, book, case_no),
                fonds_id=items[planned_volume.item_ids[0]].fonds_id,
                catalogue=book,
                case_no=case_no,
                class_id=klass.id,
                archive_class=klass,
                year=year,
                retention=planned_volume.retention,
                period=period,
                period_key=planned_volume.period_key,
                title=planned_volume.title,
                paged=is_paged(planned_volume.retention),
                status=VolumeState.OPEN,
                created_at=now,
                created_by=change.actor,
                note="",
            )
            volume.entries = [
                VolumeItem(item_id=item_id, item=items[item_id], seq=0)
                for item_id in planned_volume.item_ids
            ]
            session.add(volume)
            _renumber_entries(session, volume)
            session.flush()
            made.append(volume)
            case_no += 1
        change.target = _build_target([v.code for v in made])
        change.after = {"volumes": {v.code: _snapshot(v) for v in made}}
        summaries = [_summary(session, v) for v in made]
    return summaries


def load(session: Session, code: str) -> Volume:
    volume = session.scalar(
        select(Volume)
        .where(Volume.code == code)
        .options(
            selectinload(Volume.entries).selectinload(VolumeItem.item),
            selectinload(Volume.archive_class),
        )
    )
    if volume is None:
        raise NotFound("volume.not_found", code=code)
    return volume


def _summary(session: Session, volume: Volume) -> VolumeSummary:
    dates = [e.item.completed_on for e in volume.entries]
    pages = _item_pages(session, [e.item_id for e in volume.entries])
    return VolumeSummary(
        code=volume.code,
        catalogue=volume.catalogue,
        case_no=volume.case_no,
        title=volume.title,
        class_code=volume.archive_class.code,
        year=volume.year,
        retention=volume.retention,
        period=volume.period,
        period_key=volume.period_key,
        start=min(dates) if dates else None,
        end=max(dates) if dates else None,
        items=len(volume.entries),
        pages=sum(pages.values()),
        paged=volume.paged,
        status=VolumeState(volume.status),
        note=volume.note,
    )


def _view(session: Session, volume: Volume) -> VolumeView:
    summary = _summary(session, volume)
    pages = _item_pages(session, [e.item_id for e in volume.entries])
    entries = tuple(
        VolumeEntry(
            seq=e.seq,
            number=e.item.number,
            archival_code=e.item.archival_code,
            title=e.item.title,
            completed_on=e.item.completed_on,
            pages=pages.get(e.item_id, 0),
            first_page=e.first_page,
            last_page=e.last_page,
        )
        for e in volume.entries
    )
    return VolumeView(**vars(summary), entries=entries)


def show(archive: Archive, code: str) -> VolumeView:
    require(archive, Right.READ, f"volume:{code}"[:200])
    with archive.db.reading() as session:
        return _view(session, load(session, code))


def list_volumes(
    archive: Archive, year: int | None = None, class_code: str | None = None
) -> list[VolumeSummary]:
    require(archive, Right.READ, "volumes")
    with archive.db.reading() as session:
        stmt = (
            select(Volume)
            .options(
                selectinload(Volume.entries).selectinload(VolumeItem.item),
                selectinload(Volume.archive_class),
            )
            .order_by(Volume.catalogue, Volume.case_no)
        )
        if year is not None:
            stmt = stmt.where(Volume.year == year)
        if class_code:
            stmt = stmt.where(Volume.class_id == _class(session, class_code).id)
        return [_summary(session, v) for v in session.scalars(stmt)]


def _editable(volume: Volume) -> None:
    """Handed over is frozen (the one guard, `states.frozen`); dissolved is closed."""
    if states.frozen(volume.status):
        raise InputError("volume.handed_over", code=volume.code)
    if volume.status == VolumeState.DISSOLVED:
        raise InputError("volume.dissolved", code=volume.code)


def dissolve(archive: Archive, code: str, reason: str) -> VolumeView:
    """Dissolve an empty volume (撤销案卷), with a reason, audited.

    The volume's row stays, status dissolved, the reason in its note (printed in the
    案卷目录's 备注): its case number stays explained and is never issued again."""
    from archivist.db.models import Box, Handover, HandoverVolume

    with archive.change(Action.VOLUME_DISSOLVE, _target(code), reason=reason) as change:
        session = change.session
        volume = load(session, code)
        _editable(volume)
        if volume.entries:
            raise InputError("volume.not_empty", code=volume.code, count=len(volume.entries))
        if volume.box_id is not None:
            box = session.get(Box, volume.box_id)
            raise InputError(
                "volume.dissolve_boxed", code=volume.code, box=box.code if box else volume.box_id
            )
        waiting = session.scalar(
            select(Handover.number)
            .join(HandoverVolume, HandoverVolume.handover_id == Handover.id)
            .where(
                HandoverVolume.volume_id == volume.id,
                Handover.status != HandoverState.SIGNED,
                (HandoverVolume.result.is_(None))
                | (HandoverVolume.result != HandoverResult.RETURNED),
            )
        )
        if waiting is not None:
            raise InputError("volume.in_handover", code=volume.code, number=waiting)
        change.before = _snapshot(volume)
        today = dt.date.today().isoformat()
        note = f"案卷已撤销（{today}）：{change.reason}"
        volume.status = states.move(volume.status, VolumeState.DISSOLVED, volume.code)
        volume.note = f"{volume.note}；{note}" if volume.note else note
        change.after = _snapshot(volume)
    return show(archive, code)


def _fits(volume: Volume, item: Item) -> None:
    """Same year, class and retention as the volume, or the reason why not."""
    if item.year != volume.year:
        raise InputError("volume.across_years", years=f"{volume.year}, {item.year} ({item.number})")
    if item.class_id != volume.class_id:
        raise InputError("volume.other_class", number=item.number, code=volume.code)
    if item.retention != volume.retention:
        raise InputError(
            "volume.other_retention",
            number=item.number,
            code=volume.code,
            retention=Retention(item.retention).label,
            volume_retention=Retention(volume.retention).label,
        )


def add_items(archive: Archive, code: str, numbers: Sequence[str], reason: str) -> VolumeView:
    """Put unfiled items into a volume (they take their place in time order)."""
    with archive.change(Action.VOLUME_ADD_ITEMS, _target(code), reason=reason) as change:
        session = change.session
        volume = load(session, code)
        _editable(volume)
        change.before = _snapshot(volume)
        for number in numbers:
            item = _item(session, number)
            current = session.scalar(select(VolumeItem).where(VolumeItem.item_id == item.id))
            if current is not None:
                raise InputError(
                    "volume.item_already_filed", number=number, code=current.volume.code
                )
            boxed = session.scalar(select(BoxItem).where(BoxItem.item_id == item.id))
            if boxed is not None:
                raise InputError("volume.item_boxed", number=number)
            _fits(volume, item)
            volume.entries.append(VolumeItem(item_id=item.id, item=item, seq=0))
        _renumber_entries(session, volume)
        session.flush()
        change.after = _snapshot(volume)
    return show(archive, code)


def remove_items(archive: Archive, code: str, numbers: Sequence[str], reason: str) -> VolumeView:
    """Take items out of a volume: they are unfiled again."""
    with archive.change(Action.VOLUME_REMOVE_ITEMS, _target(code), reason=reason) as change:
        session = change.session
        volume = load(session, code)
        _editable(volume)
        change.before = _snapshot(volume)
        wanted = set(numbers)
        present = {e.item.number for e in volume.entries}
        missing = sorted(wanted - present)
        if missing:
            raise InputError("volume.item_not_in_volume", number=missing[0], code=code)
        removed = [e.item_id for e in volume.entries if e.item.number in wanted]
        volume.entries = [e for e in volume.entries if e.item.number not in wanted]
        _renumber_entries(session, volume)
        session.flush()
        change.touch_items(removed)
        change.after = _snapshot(volume)
    return show(archive, code)


def move_items(archive: Archive, numbers: Sequence[str], to_code: str, reason: str) -> VolumeView:
    """Move filed items to another volume of the same year, class and retention: one
    event on the receiving volume, its before and after every volume concerned, keyed
    by code under "volumes"."""
    with archive.change(Action.VOLUME_MOVE_ITEMS, _target(to_code), reason=reason) as change:
        session = change.session
        target = load(session, to_code)
        _editable(target)
        sources: dict[str, Volume] = {}
        before = {target.code: _snapshot(target)}
        for number in numbers:
            item = _item(session, number)
            entry = session.scalar(select(VolumeItem).where(VolumeItem.item_id == item.id))
            if entry is None:
                raise InputError("volume.item_not_filed", number=number)
            if entry.volume_id == target.id:
                continue
            source = sources.get(entry.volume.code) or load(session, entry.volume.code)
            _editable(source)
            _fits(target, item)
            if source.code not in sources:
                sources[source.code] = source
                before[source.code] = _snapshot(source)
            source.entries = [e for e in source.entries if e.item_id != item.id]
            session.flush()
            target.entries.append(VolumeItem(item_id=item.id, item=item, seq=0))
        for source in sources.values():
            _renumber_entries(session, source)
        _renumber_entries(session, target)
        session.flush()
        changed = [target, *sources.values()]
        change.before = {"volumes": {v.code: before[v.code] for v in changed}}
        change.after = {"volumes": {v.code: _snapshot(v) for v in changed}}
    return show(archive, to_code)


def set_title(archive: Archive, code: str, title: str, reason: str) -> VolumeView:
    with archive.change(Action.VOLUME_TITLE, _target(code), reason=reason) as change:
        if not title.strip():
            raise InputError("volume.title_empty")
        session = change.session
        volume = load(session, code)
        _editable(volume)
        change.before = _snapshot(volume)
        volume.title, volume.title_edited = title.strip(), True
        change.after = _snapshot(volume)
    return show(archive, code)


def recorded_changes(session: Session, code: str) -> list[VolumeChange]:
    """The volume's recorded changes after it was made (items added, removed, moved;
    title corrected), in order: the events on the volume, and the moves whose state
    after names it (a move is one event, on the volume that received the items)."""
    target = _target(code)
    moved = (AuditEvent.action == Action.VOLUME_MOVE_ITEMS.code) & cast(
        AuditEvent.after, String
    ).contains(json.dumps(code), autoescape=True)
    rows = session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.action.in_([a.code for a in CHANGE_ACTIONS]),
            or_(AuditEvent.target == target, moved),
        )
        .order_by(AuditEvent.seq)
    )
    return [
        VolumeChange(e.seq, e.at, action_named(e.action), e.reason)
        for e in rows
        if e.target == target or code in ((e.after or {}).get("volumes") or {})
    ]


def _item(session: Session, number: str) -> Item:
    item = session.scalar(select(Item).where(Item.number == number))
    if item is None:
        raise NotFound("item.not_found", number=number)
    return item


def volume_of_item(session: Session, item_id: int) -> str | None:
    entry = session.scalar(select(VolumeItem).where(VolumeItem.item_id == item_id))
    return entry.volume.code if entry else None
