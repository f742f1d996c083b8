"""The printed registers of issue 5, filled from the archive (archivist.registers writes
them). Where the archive does not know a value (文号, 密级, 归档号) the cell stays blank:
a register never shows a made-up value.

    generate(archive, "volume-contents", out, volume="J023-SY-001")
    generate(archive, "item-list", out, year=2023, class_code="SY")

Generating a volume's cover, contents list or notes sheet is recorded as a row
(`volume_registers`: the volume's revision it was generated from, when, by whom),
through the unit of work (`register.generate` on the volume); the handover quality
check compares that revision with the volume's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.changes import audit
from archivist.changes.actions import Action
from archivist.changes.anchor import register_footer
from archivist.db.models import (
    Box,
    Item,
    Material,
    Volume,
    VolumeItem,
    VolumeRegister,
)
from archivist.errors import InputError
from archivist.registers import DocumentData, get_layout, use_registers, write_docx, write_xlsx
from archivist.rules.retention import Retention
from archivist.storage.filestore import check_export_path

KINDS = (
    "item-list",
    "box-notes",
    "volume-cover",
    "volume-contents",
    "volume-notes",
    "volume-list",
    "spine-labels",
    "handover",
    "loans",
    "overdue-notice",
    "use-effect",
    "benefit-events",
    "person-file",
)
VOLUME_KINDS = ("volume-cover", "volume-contents", "volume-notes")


@dataclass(frozen=True)
class Selection:
    """What a register covers; which parts are needed depends on the kind."""

    volume: str | None = None
    year: int | None = None
    class_code: str | None = None
    box: str | None = None
    handover: str | None = None
    boxes: tuple[str, ...] = ()  # spine labels of several boxes, in this order
    start: dt.date | None = None  # the registers of use: the period covered
    end: dt.date | None = None
    request: str | None = None  # an overdue notice: the request (LY-年度-流水号)
    as_of: dt.date | None = None  # an overdue notice: overdue as of this day (today)
    query: str | None = None  # a person file: ID number, name, unit code or "@12"


def _day(value: Any) -> str:
    return value.strftime("%Y%m%d") if value else ""


def _pages(session: Session, item_ids: Sequence[int]) -> dict[int, int]:
    if not item_ids:
        return {}
    rows = session.execute(
        select(Material.item_id, func.sum(Material.pages))
        .where(Material.item_id.in_(item_ids))
        .group_by(Material.item_id)
    )
    return {item_id: int(pages or 0) for item_id, pages in rows}


def _need(value: Any, option: str, kind: str) -> Any:
    if value in (None, ""):
        raise InputError(
            "register.needs", kind=kind, register=get_layout(kind).title, option=option
        )
    return value


def _empty(kind: str) -> InputError:
    return InputError("register.empty_selection", kind=kind, register=get_layout(kind).title)


def _volume(session: Session, code: str) -> Volume:
    from archivist.arrangement.volumes import load

    return load(session, code)


def _retention_label(codes: set[str]) -> str | None:
    return Retention(next(iter(codes))).label if len(codes) == 1 else None


# -- the data of each register ------------------------------------------------------------


def item_list(session: Session, selection: Selection, fonds: dict[str, str]) -> DocumentData:
    """归档文件目录: the items of a year and class, or of a box, in number order."""
    from archivist.custody.boxes import find_box

    stmt = select(Item).options(selectinload(Item.archive_class)).order_by(Item.year, Item.serial)
    if selection.box:
        box = find_box(session, selection.box)
        if box is None:
            raise InputError("register.box_not_found", code=selection.box)
        from archivist.db.models import BoxItem

        stmt = stmt.join(BoxItem, BoxItem.item_id == Item.id).where(BoxItem.box_id == box.id)
    else:
        year = _need(selection.year, "--year", "item-list")
        stmt = stmt.where(Item.year == year)
        if selection.class_code:
            stmt = stmt.where(Item.archive_class.has(code=selection.class_code.upper()))
    items = list(session.scalars(stmt))
    if not items:
        raise _empty("item-list")
    pages = _pages(session, [i.id for i in items])
    rows = [
        [
            seq,
            i.archival_code,
            None,
            fonds["name"],
            i.title,
            _day(i.completed_on),
            None,
            pages.get(i.id, 0),
            None,
        ]
        for seq, i in enumerate(items, start=1)
    ]
    classes = {i.archive_class.name for i in items}
    return DocumentData(
        fields={
            "fonds_code": fonds["code"],
            "fonds_name": fonds["name"],
            "year": items[0].year if len({i.year for i in items}) == 1 else None,
            "retention": _retention_label({i.retention for i in items}),
            "organisation": next(iter(classes)) if len(classes) == 1 else None,
        },
        rows=rows,
    )


def volume_cover(session: Session, volume: Volume, fonds: dict[str, str]) -> DocumentData:
    """案卷封面."""
    entries = volume.entries
    if not entries:
        raise _empty("volume-cover")
    dates = [e.item.completed_on for e in entries]
    pages = _pages(session, [e.item_id for e in entries])
    return DocumentData(
        fields={
            "fonds_name": fonds["name"],
            "category": volume.archive_class.name,
            "title": volume.title,
            "period": f"{_day(min(dates))}—{_day(max(dates))}",
            "retention": Retention(volume.retention).label,
            "filing_number": None,  # 归档号: not kept by the archive
            "items": len(entries),
            "pages": sum(pages.values()),
            "code": volume.code,
        }
    )


def volume_contents(session: Session, volume: Volume, fonds: dict[str, str]) -> DocumentData:
    """卷内文件目录: one row per item; 页号 is the item's first page in a paged volume
    (the last item's row shows its range end too, as the list's closing page)."""
    entries = volume.entries
    if not entries:
        raise _empty("volume-contents")
    rows: list[list[Any]] = []
    for entry in entries:
        item = entry.item
        page: str | None = None
        if volume.paged and entry.first_page is not None:
            page = str(entry.first_page)
            if entry is entries[-1] and entry.last_page and entry.last_page != entry.first_page:
                page = f"{entry.first_page}-{entry.last_page}"
        rows.append(
            [entry.seq, None, fonds["name"], item.title, _day(item.completed_on), page, None]
        )
    return DocumentData(fields={"code": volume.code, "title": volume.title}, rows=rows)


def volume_notes(session: Session, volume: Volume) -> DocumentData:
    """卷内备考表: counts, and the volume's recorded changes after it was made."""
    from archivist.arrangement.volumes import recorded_changes

    pages = _pages(session, [e.item_id for e in volume.entries])
    # its own events, and the moves that took items out of it (one event per move)
    changes = recorded_changes(session, volume.code)
    described = "；".join(
        f"{c.at[:10]} {CHANGE_LABELS.get(c.action.code, c.action.code)}（{c.reason}）"
        for c in changes
    )
    return DocumentData(
        fields={
            "items": len(volume.entries),
            "pages": sum(pages.values()),
            "damage": None,
            "changes": described or None,
            "notes": None,
            "filer": volume.created_by,
            "filed_on": volume.created_at[:10].replace("-", ""),
            "checker": None,
        }
    )


CHANGE_LABELS = {
    "volume.add_items": "加入档案件",
    "volume.remove_items": "移出档案件",
    "volume.move_items": "调整档案件",
    "volume.title": "修改题名",
}


def volume_list(session: Session, selection: Selection, fonds: dict[str, str]) -> DocumentData:
    """案卷目录: the volumes of a year (and class), in catalogue order."""
    year = _need(selection.year, "--year", "volume-list")
    stmt = (
        select(Volume)
        .where(Volume.year == year)
        .options(
            selectinload(Volume.entries).selectinload(VolumeItem.item),
            selectinload(Volume.archive_class),
        )
        .order_by(Volume.catalogue, Volume.case_no)
    )
    if selection.class_code:
        stmt = stmt.where(Volume.archive_class.has(code=selection.class_code.upper()))
    volumes = list(session.scalars(stmt))
    if not volumes:
        raise _empty("volume-list")
    pages = _pages(session, [e.item_id for v in volumes for e in v.entries])
    rows: list[list[Any]] = []
    for volume in volumes:
        dates = [e.item.completed_on for e in volume.entries]
        span = f"{_day(min(dates))}-{_day(max(dates))}" if dates else None
        place = None
        if volume.box_id is not None:
            box = session.get(Box, volume.box_id)
            if box is not None:
                place = f"{box.location.code}-{box.number}盒" if box.location else f"{box.number}盒"
        rows.append(
            [
                f"{volume.case_no:03d}",
                volume.code,
                volume.title,
                span,
                len(volume.entries),
                sum(pages.get(e.item_id, 0) for e in volume.entries),
                Retention(volume.retention).label,
                place,
                volume.note or None,
            ]
        )
    classes = {v.archive_class.name for v in volumes}
    return DocumentData(
        fields={
            "fonds": f"{fonds['code']} {fonds['name']}",
            "year": year,
            "category": next(iter(classes)) if len(classes) == 1 else None,
        },
        rows=rows,
    )


def handover_record(archive: Archive, selection: Selection) -> DocumentData:
    """归档交接单 of a handover batch."""
    from archivist.handover.handovers import row_cells, show

    number = _need(selection.handover, "--handover", "handover")
    batch = show(archive, number)
    if not batch.rows:
        raise _empty("handover")
    return DocumentData(
        fields={k: v for k, v in batch.fields.items() if k in get_layout("handover").field_keys()},
        rows=[row_cells(row) for row in batch.rows],
    )


SPINE_KEYS = ("fonds_code", "year", "retention", "range", "box", "barcode")


def box_registers(archive: Archive, kind: str, selection: Selection) -> DocumentData:
    """备考表 of a box, or spine labels of boxes (one box, or a year's)."""
    from archivist.custody import boxes, labels

    if kind == "spine-labels":
        codes = list(selection.boxes) or ([selection.box] if selection.box else [])
        if not codes:
            _need(selection.year, "--box or --year", kind)
        spines = labels.label_rows(
            archive,
            codes or None,
            year=selection.year,
            class_code=selection.class_code,
        )
        if not spines:
            raise _empty(kind)
        headings = {label.range_heading for label in spines}
        heading = "案卷号" if headings == {"案卷号"} else "起止件号"
        return DocumentData(
            rows=[[getattr(label, key) for key in SPINE_KEYS] for label in spines],
            headings={"range": heading} if heading != "起止件号" else {},
        )
    code = _need(selection.box, "--box", kind)
    box = boxes.show_box(archive, code)
    if not (box.volumes or box.items):
        raise _empty(kind)
    with archive.db.reading() as session:
        if box.kind == "items":
            numbers = [entry.number for entry in box.items]
            ids = list(session.scalars(select(Item.id).where(Item.number.in_(numbers))))
            pages = sum(_pages(session, ids).values())
            unit = "件"
        else:
            volume_pages: list[int] = []
            for held_volume in box.volumes:
                volume = _volume(session, held_volume.code)
                volume_pages.extend(_pages(session, [e.item_id for e in volume.entries]).values())
            pages = sum(volume_pages)
            unit = "卷"
        made = boxes.box_origin(session, box.code)
    description = (
        f"本盒共{box.count}{unit}（{box.range_heading} {box.range}），共{pages}页；"
        f"{box.year}年，保管期限{box.retention_label}。"
    )
    return DocumentData(
        fields={
            "description": description,
            "organiser": made.actor if made else None,
            "organised_on": made.at[:10].replace("-", "") if made else None,
            "checker": None,
            "checked_on": None,
        }
    )


def use_register(archive: Archive, kind: str, selection: Selection) -> DocumentData:
    """The registers of use: loans, use effects and benefit events of a period; the
    overdue notice of one request; the person file of one person or unit."""
    if kind == "person-file":
        from archivist.access.person_file import person_file

        query = _need(selection.query, "--query", kind)
        return use_registers.person_file_list(person_file(archive, query))
    with archive.db.reading() as session:
        if kind == "overdue-notice":
            number = _need(selection.request, "--request", kind)
            as_of = selection.as_of or dt.date.today()
            return use_registers.overdue_notice(session, number, as_of)
        start = _need(selection.start, "--from", kind)
        end = _need(selection.end, "--to", kind)
        if kind == "loans":
            return use_registers.loans(session, start, end)
        if kind == "use-effect":
            return use_registers.use_effect(session, start, end)
        return use_registers.benefit_events(session, start, end)


# -- writing ----------------------------------------------------------------------------


def collect(archive: Archive, kind: str, selection: Selection) -> DocumentData:
    """The register's content (READ: it is read from the archive)."""
    require(archive, Right.READ, f"register:{kind}"[:200])
    if kind not in KINDS:
        raise InputError("register.unknown_kind", kind=kind, choices=", ".join(KINDS))
    if kind == "handover":
        return handover_record(archive, selection)
    if kind in use_registers.USE_KINDS:
        return use_register(archive, kind, selection)
    if kind in ("box-notes", "spine-labels"):
        return box_registers(archive, kind, selection)
    fonds = archive.fonds()
    with archive.db.reading() as session:
        if kind == "item-list":
            return item_list(session, selection, fonds)
        if kind == "volume-list":
            return volume_list(session, selection, fonds)
        volume = _volume(session, _need(selection.volume, "--volume", kind))
        if kind == "volume-cover":
            return volume_cover(session, volume, fonds)
        if kind == "volume-contents":
            return volume_contents(session, volume, fonds)
        return volume_notes(session, volume)


def generate(archive: Archive, kind: str, out: Path, selection: Selection) -> dict[str, Any]:
    """Write the register to `out` (.docx, or .xlsx for the catalogues) and record the
    generation of a volume's registers."""
    # a catalogue also as .xlsx (the writer says which are); never into the archive itself
    out = check_export_path(out, archive.root, (".docx", ".xlsx"))
    revision: int | None = None
    if kind in VOLUME_KINDS and selection.volume:
        # read before the data: a change in between leaves the register marked stale
        with archive.db.reading() as session:
            revision = _volume(session, selection.volume).revision
    data = collect(archive, kind, selection)
    layout = get_layout(kind)
    chain = register_footer(archive)  # the chain's head, fixed on paper
    if out.suffix.lower() == ".xlsx":
        path = write_xlsx(layout, data, out, chain=chain)
    else:
        path = write_docx(layout, data, out, chain=chain)
    if kind in VOLUME_KINDS and selection.volume:
        record_generated(archive, selection.volume, kind, revision=revision)
    record(
        archive,
        AccessKind.PRINT,
        print_target(kind, selection),
        _print_detail(kind, selection, path, len(data.rows)),
    )
    return {"kind": kind, "file": str(path), "rows": len(data.rows)}


def print_target(kind: str, selection: Selection) -> str:
    """What a printed register is of, as the access log names it: the volume, box or
    handover batch it covers, else the kind of register."""
    if selection.volume:
        return f"volume:{selection.volume.strip()}"[:200]
    if selection.handover:
        return f"handover:{selection.handover.strip()}"[:200]
    if selection.box:
        return f"box:{selection.box.strip()}"[:200]
    if selection.request and kind == "overdue-notice":
        return f"use:{selection.request.strip().upper()}"[:200]
    return f"register:{kind}"[:200]


def _print_detail(kind: str, selection: Selection, path: Path, rows: int) -> dict[str, Any]:
    chosen = {k: v for k, v in vars(selection).items() if v not in (None, "", ())}
    chosen.pop("query", None)  # an ID number: the person file's own event names it masked
    return {"kind": kind, "file": str(path), "rows": rows, "selection": chosen}


def record_generated(
    archive: Archive,
    volume_code: str,
    kind: str,
    *,
    revision: int | None = None,
) -> None:
    """Record that a register of a volume was generated from the volume at `revision`
    (default: as it is now): one row per volume and kind, the latest generation."""
    if kind not in VOLUME_KINDS:
        raise InputError("register.unknown_kind", kind=kind, choices=", ".join(VOLUME_KINDS))
    with archive.change(Action.REGISTER_GENERATE, f"volume:{volume_code.strip()}") as change:
        session = change.session
        volume = _volume(session, volume_code)
        change.target = f"volume:{volume.code}"
        generated = volume.revision if revision is None else revision
        row = session.scalar(
            select(VolumeRegister).where(
                VolumeRegister.volume_id == volume.id, VolumeRegister.kind == kind
            )
        )
        change.before = None if row is None else {"kind": kind, "revision": row.revision}
        if row is None:
            row = VolumeRegister(volume_id=volume.id, kind=kind)
            session.add(row)
        row.revision = generated
        row.generated_at = audit.now_text()
        row.generated_by = change.actor
        change.after = {"kind": kind, "revision": generated}
