"""Filing items into volumes (立卷 / 组卷).

A volume holds items of one year, one class and one retention period, in time order,
made by month, quarter or year as the agency chooses, and never across years (不能跨年
组卷). Its code is 全宗号-目录号-案卷号 with a 3-digit case number, issued gap-free per
catalogue. Volumes of records kept 30 years or longer are page-numbered from 1 through
their items (cover, contents list and notes sheet unpaged). Every change is audited.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from archivist import audit
from archivist.archive import Archive
from archivist.db.models import ArchiveClass, BoxItem, Item, Material, Volume, VolumeItem
from archivist.errors import InputError, NotFound
from archivist.retention import Retention

PERIODS = ("month", "quarter", "year")
PERIOD_WORDS = {  # how "filed by ..." reads: (zh, en)
    "month": ("按月", "by month"),
    "quarter": ("按季度", "by quarter"),
    "year": ("按年", "by year"),
}
DISSOLVED = "dissolved"  # an empty volume dissolved: its row and case number stay
PAGED_FROM_YEARS = 30  # records kept this long or longer are page-numbered
PERIOD_LABELS = {
    "month": "{year}年{month}月",
    "quarter": "{year}年第{quarter}季度",
    "year": "{year}年",
}
QUARTER_NAMES = "一二三四"


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


@dataclass(frozen=True)
class PlannedVolume:
    year: int
    class_code: str
    retention: str
    period: str
    period_key: str
    item_ids: tuple[int, ...]
    title: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "class": self.class_code,
            "retention": self.retention,
            "period": self.period,
            "period_key": self.period_key,
            "items": len(self.item_ids),
            "title": self.title,
        }


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


def other_periods(
    session: Session, year: int, class_code: str, period: str
) -> list[dict[str, Any]]:
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
            Volume.status != DISSOLVED,
        )
        .order_by(Volume.catalogue, Volume.case_no)
    )
    return [
        {"code": v.code, "period": v.period, "period_key": v.period_key, "title": v.title}
        for v in rows
    ]


def mixed_periods_error(
    year: int, class_code: str, period: str, others: Sequence[dict[str, Any]]
) -> InputError:
    """The refusal (or warning) naming the volumes of another period."""
    existing = sorted({str(v["period"]) for v in others}, key=PERIODS.index)
    codes = [str(v["code"]) for v in others]
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


def keep_time_order(session: Session, item: Item, *, actor: str, reason: str) -> None:
    """After an item's completion date was corrected (inside the caller's transaction):
    its volume, if any, puts it back in time order and renumbers pages, audited."""
    entry = session.scalar(select(VolumeItem).where(VolumeItem.item_id == item.id))
    if entry is None:
        return
    volume = entry.volume
    before = _snapshot(volume)
    _renumber_entries(session, volume)
    session.flush()
    after = _snapshot(volume)
    if after != before:
        audit.record(
            session,
            actor=actor,
            action="volume.reorder",
            target=f"volume:{volume.code}",
            before=before,
            after=after,
            reason=reason,
        )


def _next_case(session: Session, catalogue: str) -> int:
    last = session.scalar(select(func.max(Volume.case_no)).where(Volume.catalogue == catalogue))
    return int(last or 0) + 1


def build(
    archive: Archive,
    year: int,
    class_code: str,
    period: str,
    *,
    catalogue: str | None = None,
    dry_run: bool = False,
    mixed_ok: bool = False,
    actor: str | None = None,
) -> list[dict[str, Any]]:
    """File the year's unfiled items of a class into new volumes, one transaction.

    Volumes of another period already made for the year and class (say a year volume
    before month volumes) are refused unless `mixed_ok` (the person confirmed)."""
    check_period(period)
    actor = actor or archive.actor
    with archive.db.writing() as session:
        planned = plan_volumes(session, year, class_code, period)
        if not planned:
            raise InputError("volume.nothing_to_file", year=year, klass=class_code.upper())
        if dry_run:
            return [p.to_dict() for p in planned]
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
        for plan in planned:
            volume = Volume(
                code=volume_code(fonds, book, case_no),
                fonds_id=items[plan.item_ids[0]].fonds_id,
                catalogue=book,
                case_no=case_no,
                class_id=klass.id,
                year=year,
                retention=plan.retention,
                period=period,
                period_key=plan.period_key,
                title=plan.title,
                paged=is_paged(plan.retention),
                status="open",
                created_at=now,
                created_by=actor,
                note="",
            )
            volume.entries = [
                VolumeItem(item_id=item_id, item=items[item_id], seq=0) for item_id in plan.item_ids
            ]
            session.add(volume)
            _renumber_entries(session, volume)
            session.flush()
            made.append(volume)
            case_no += 1
            audit.record(
                session,
                actor=actor,
                action="volume.build",
                target=f"volume:{volume.code}",
                after=_snapshot(volume),
            )
        return [_summary(session, v) for v in made]


def _snapshot(volume: Volume) -> dict[str, Any]:
    return {
        "code": volume.code,
        "title": volume.title,
        "year": volume.year,
        "retention": volume.retention,
        "period_key": volume.period_key,
        "items": [e.item.number for e in volume.entries],
    }


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


def _summary(session: Session, volume: Volume) -> dict[str, Any]:
    dates = [e.item.completed_on for e in volume.entries]
    pages = _item_pages(session, [e.item_id for e in volume.entries])
    return {
        "code": volume.code,
        "catalogue": volume.catalogue,
        "case_no": volume.case_no,
        "title": volume.title,
        "class": volume.archive_class.code,
        "year": volume.year,
        "retention": volume.retention,
        "period": volume.period,
        "period_key": volume.period_key,
        "start": min(dates).isoformat() if dates else None,
        "end": max(dates).isoformat() if dates else None,
        "items": len(volume.entries),
        "pages": sum(pages.values()),
        "paged": volume.paged,
        "status": volume.status,
        "note": volume.note,
    }


def show(archive: Archive, code: str) -> dict[str, Any]:
    with archive.db.reading() as session:
        volume = load(session, code)
        pages = _item_pages(session, [e.item_id for e in volume.entries])
        summary = _summary(session, volume)
        summary["entries"] = [
            {
                "seq": e.seq,
                "number": e.item.number,
                "archival_code": e.item.archival_code,
                "title": e.item.title,
                "completed_on": e.item.completed_on.isoformat(),
                "pages": pages.get(e.item_id, 0),
                "first_page": e.first_page,
                "last_page": e.last_page,
            }
            for e in volume.entries
        ]
        return summary


def list_volumes(
    archive: Archive, year: int | None = None, class_code: str | None = None
) -> list[dict[str, Any]]:
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
    if volume.status == "handed_over":
        raise InputError("volume.handed_over", code=volume.code)
    if volume.status == DISSOLVED:
        raise InputError("volume.dissolved", code=volume.code)


def dissolve(archive: Archive, code: str, reason: str, actor: str | None = None) -> dict[str, Any]:
    """Dissolve an empty volume (撤销案卷), with a reason, audited.

    The volume's row stays, status "dissolved", the reason in its note (printed in the
    案卷目录's 备注): its case number stays explained and is never issued again."""
    from archivist.db.models import Box, Handover, HandoverVolume

    why = _reason(reason)
    with archive.db.writing() as session:
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
                Handover.status != "signed",
                (HandoverVolume.result.is_(None)) | (HandoverVolume.result != "returned"),
            )
        )
        if waiting is not None:
            raise InputError("volume.in_handover", code=volume.code, number=waiting)
        before = {"status": volume.status, "note": volume.note}
        today = dt.date.today().isoformat()
        note = f"案卷已撤销（{today}）：{why}"
        volume.status = DISSOLVED
        volume.note = f"{volume.note}；{note}" if volume.note else note
        audit.record(
            session,
            actor=actor or archive.actor,
            action="volume.dissolve",
            target=f"volume:{volume.code}",
            before=before,
            after={"status": volume.status, "note": volume.note},
            reason=why,
        )
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


def _reason(reason: str) -> str:
    if not reason or not reason.strip():
        raise InputError("reason.required")
    return reason.strip()


def add_items(
    archive: Archive, code: str, numbers: Sequence[str], reason: str, actor: str | None = None
) -> dict[str, Any]:
    """Put unfiled items into a volume (they take their place in time order)."""
    why = _reason(reason)
    with archive.db.writing() as session:
        volume = load(session, code)
        _editable(volume)
        before = _snapshot(volume)
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
        audit.record(
            session,
            actor=actor or archive.actor,
            action="volume.add_items",
            target=f"volume:{volume.code}",
            before=before,
            after=_snapshot(volume),
            reason=why,
        )
    return show(archive, code)


def remove_items(
    archive: Archive, code: str, numbers: Sequence[str], reason: str, actor: str | None = None
) -> dict[str, Any]:
    why = _reason(reason)
    with archive.db.writing() as session:
        volume = load(session, code)
        _editable(volume)
        before = _snapshot(volume)
        wanted = set(numbers)
        present = {e.item.number for e in volume.entries}
        missing = sorted(wanted - present)
        if missing:
            raise InputError("volume.item_not_in_volume", number=missing[0], code=code)
        volume.entries = [e for e in volume.entries if e.item.number not in wanted]
        _renumber_entries(session, volume)
        session.flush()
        audit.record(
            session,
            actor=actor or archive.actor,
            action="volume.remove_items",
            target=f"volume:{volume.code}",
            before=before,
            after=_snapshot(volume),
            reason=why,
        )
    return show(archive, code)


def move_items(
    archive: Archive, numbers: Sequence[str], to_code: str, reason: str, actor: str | None = None
) -> dict[str, Any]:
    """Move filed items to another volume of the same year, class and retention."""
    why = _reason(reason)
    with archive.db.writing() as session:
        target = load(session, to_code)
        _editable(target)
        sources: dict[str, Volume] = {}
        target_before = _snapshot(target)
        for number in numbers:
            item = _item(session, number)
            entry = session.scalar(select(VolumeItem).where(VolumeItem.item_id == item.id))
            if entry is None:
                raise InputError("volume.item_not_filed", number=number)
            if entry.volume_id == target.id:
                continue
            source = load(session, entry.volume.code)
            _editable(source)
            _fits(target, item)
            sources.setdefault(source.code, source)
            source.entries = [e for e in source.entries if e.item_id != item.id]
            session.flush()
            target.entries.append(VolumeItem(item_id=item.id, item=item, seq=0))
        for source in sources.values():
            before = _snapshot(source)
            _renumber_entries(session, source)
            audit.record(
                session,
                actor=actor or archive.actor,
                action="volume.move_items",
                target=f"volume:{source.code}",
                before=before,
                after=_snapshot(source),
                reason=why,
            )
        _renumber_entries(session, target)
        session.flush()
        audit.record(
            session,
            actor=actor or archive.actor,
            action="volume.move_items",
            target=f"volume:{target.code}",
            before=target_before,
            after=_snapshot(target),
            reason=why,
        )
    return show(archive, to_code)


def set_title(
    archive: Archive, code: str, title: str, reason: str, actor: str | None = None
) -> dict[str, Any]:
    why = _reason(reason)
    if not title.strip():
        raise InputError("volume.title_empty")
    with archive.db.writing() as session:
        volume = load(session, code)
        _editable(volume)
        before = volume.title
        volume.title, volume.title_edited = title.strip(), True
        audit.record(
            session,
            actor=actor or archive.actor,
            action="volume.title",
            target=f"volume:{volume.code}",
            before={"title": before},
            after={"title": volume.title},
            reason=why,
        )
    return show(archive, code)


def _item(session: Session, number: str) -> Item:
    item = session.scalar(select(Item).where(Item.number == number))
    if item is None:
        raise NotFound("item.not_found", number=number)
    return item


def volume_of_item(session: Session, item_id: int) -> str | None:
    entry = session.scalar(select(VolumeItem).where(VolumeItem.item_id == item_id))
    return entry.volume.code if entry else None
