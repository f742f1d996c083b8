"""The assembled volume PDF (组卷 PDF): one file per volume, in the order of the rules.

Inside a volume (archive rules §6, GB/T 9705-2008): the cover (案卷封面), the contents
list (卷内文件目录), every material of every item in volume order, and the notes sheet
(卷内备考表). Volumes of records kept 30 years or longer are page-numbered from 1 over
the material pages only; the number is stamped in the top-right corner, where 页号 goes
on the recto, and matches each item's first and last page in the volume exactly. Cover,
contents list and notes sheet carry no page number; volumes kept shorter get none at all.

The originals are never modified: each stored file is read once, its SHA-256 checked
against the digest recorded at capture (a changed or damaged file stops the assembly,
named), and its pages copied into the new PDF (image pages at their real size, PDF
pages as they are). The file is written next to its target and moved into place in one
step, so a failed or cancelled run leaves nothing behind and an earlier copy intact.

What the printed sheets say, where the data does not say it:

* 责任者 (contents list) is the fonds — the agency that handled the business and formed
  the item's file (全宗名称). The item's handler (经办人) is a clerk of that agency, not the
  responsible body, so it is not shown there.
* 文号 and 备注 (contents list) and 归档号 (cover) are blank: the archive records none.
* 页号 (contents list): each item's first page; the last item shows first–last, as the
  contents list is filled in by hand. Blank in volumes that are not page-numbered.
* 立卷人, 检查人, 立卷时间 (notes sheet) are blank lines, signed and dated by hand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.changes.actions import Action
from archivist.changes.states import DestructionState, ItemState
from archivist.db.models import DestructionEntry, DestructionRegister, Material
from archivist.errors import ArchiveError, ArchivistError, FileRejected, InputError
from archivist.formats import typeset
from archivist.formats.images import EmbeddableImage, embeddable_frame
from archivist.formats.pdf import PdfAssembler, ShownSize
from archivist.rules.retention import Retention
from archivist.storage.filestore import safe_component, translate_os_error

Progress = Callable[[int, int, str], None]
PDF_MEDIA_TYPE = "application/pdf"
MM = typeset.MM
PAGE_W, PAGE_H = typeset.A4
MARGIN = 20 * MM

CONTENTS_COLUMNS: tuple[tuple[str, float], ...] = (
    ("顺序号", 14 * MM),
    ("文号", 22 * MM),
    ("责任者", 34 * MM),
    ("题名", 56 * MM),
    ("日期", 18 * MM),
    ("页号", 14 * MM),
    ("备注", 12 * MM),
)
CHANGE_LABELS: dict[Action, str] = {  # the changes after the volume was made, as noted
    Action.VOLUME_ADD_ITEMS: "调入档案件",
    Action.VOLUME_REMOVE_ITEMS: "调出档案件",
    Action.VOLUME_MOVE_ITEMS: "调整卷内档案件",
    Action.VOLUME_TITLE: "修改案卷题名",
}
MAX_CHANGES = 12


class Cancellable(Protocol):
    """What `assemble` needs of a cancel token (e.g. archivist.ocr.queue.CancelToken)."""

    @property
    def cancelled(self) -> bool: ...


class AssemblyCancelled(ArchivistError):
    """The assembly was cancelled; no file was written."""

    code = "volume_pdf.cancelled"


@dataclass(frozen=True)
class SourceFile:
    """One stored material of an item, as the volume PDF uses it."""

    file: str  # relative to the archive root
    title: str
    media_type: str
    pages: int
    size: int
    sha256: str


@dataclass(frozen=True)
class Entry:
    """An item's place in the volume, with its materials in order."""

    seq: int
    number: str
    title: str
    completed_on: dt.date
    first_page: int | None
    last_page: int | None
    materials: tuple[SourceFile, ...]
    destroyed: bool = False  # a stub: its content was destroyed (销毁清册)


@dataclass(frozen=True)
class VolumeSheet:
    """Everything the cover, contents list and notes sheet print, and what follows them."""

    code: str
    title: str
    fonds_name: str
    class_name: str
    retention_label: str
    start: dt.date
    end: dt.date
    paged: bool
    entries: tuple[Entry, ...]
    changes: tuple[str, ...] = ()
    archive_number: str = ""  # 归档号: none recorded yet
    destroyed: tuple[str, ...] = ()  # notes on items destroyed since (卷内备考表)

    @property
    def items(self) -> int:
        return len(self.entries)

    @property
    def pages(self) -> int:
        return sum(m.pages for e in self.entries for m in e.materials)

    @property
    def materials(self) -> int:
        return sum(len(e.materials) for e in self.entries)

    def contents_rows(self) -> list[tuple[str, ...]]:
        """顺序号, 文号, 责任者, 题名, 日期, 页号, 备注 — one row per item."""
        rows: list[tuple[str, ...]] = []
        for index, entry in enumerate(self.entries):
            page = ""
            if self.paged and entry.first_page is not None:
                last = index == len(self.entries) - 1
                page = (
                    f"{entry.first_page}-{entry.last_page}"
                    if last and entry.last_page != entry.first_page
                    else str(entry.first_page)
                )
            rows.append(
                (
                    str(entry.seq),
                    "",
                    self.fonds_name,
                    entry.title,
                    f"{entry.completed_on:%Y%m%d}",
                    page,
                    "已销毁" if entry.destroyed else "",
                )
            )
        return rows


@dataclass(frozen=True)
class AssembledVolume:
    path: Path
    code: str
    items: int
    materials: int
    pages: int  # all pages of the PDF
    material_pages: int
    contents_pages: int
    paged: bool
    seconds: float
    page_ranges: dict[str, tuple[int, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The command line's `volume pdf --json` shape."""
        return {
            "code": self.code,
            "file": str(self.path),
            "items": self.items,
            "materials": self.materials,
            "pages": self.pages,
            "material_pages": self.material_pages,
            "contents_pages": self.contents_pages,
            "paged": self.paged,
            "seconds": round(self.seconds, 3),
        }


def default_path(archive: Archive, code: str) -> Path:
    """derived/volumes/<code>.pdf under the archive (derived data, like searchable copies)."""
    return archive.root / "derived" / "volumes" / f"{safe_component(code)}.pdf"


def load_sheet(archive: Archive, code: str) -> VolumeSheet:
    """The volume's printed facts and its materials in order, read in one transaction."""
    with archive.db.reading() as session:
        volume = volumes.load(session, code)
        entries = sorted(volume.entries, key=lambda e: e.seq)
        if not entries:
            raise InputError("volume_pdf.empty", code=code)
        materials: dict[int, list[Material]] = {}
        for material in session.scalars(
            select(Material)
            .where(Material.item_id.in_([e.item_id for e in entries]))
            .order_by(Material.item_id, Material.seq)
        ):
            materials.setdefault(material.item_id, []).append(material)
        changes = [
            _change_line(change)
            for change in volumes.recorded_changes(session, volume.code)
            if change.action in CHANGE_LABELS
        ]
        dates = [e.item.completed_on for e in entries]
        destroyed = _destroyed_notes(session, entries)
        return VolumeSheet(
            code=volume.code,
            title=volume.title,
            fonds_name=volume.fonds.name,
            class_name=volume.archive_class.name,
            retention_label=Retention(volume.retention).label,
            start=min(dates),
            end=max(dates),
            paged=volume.paged,
            entries=tuple(
                Entry(
                    seq=e.seq,
                    number=e.item.number,
                    title=e.item.title,
                    completed_on=e.item.completed_on,
                    first_page=e.first_page,
                    last_page=e.last_page,
                    materials=tuple(
                        SourceFile(m.file, m.title, m.media_type, m.pages, m.size, m.sha256)
                        for m in materials.get(e.item_id, [])
                    ),
                    destroyed=e.item.status == ItemState.DESTROYED.value,
                )
                for e in entries
            ),
            changes=tuple(changes),
            destroyed=tuple(destroyed),
        )


def _destroyed_notes(session: Session, entries: Sequence[Any]) -> list[str]:
    """One line per item of the volume destroyed under an executed register: its place in
    the volume, number and title, the day and the register."""
    gone = {e.item_id: e for e in entries if e.item.status == ItemState.DESTROYED.value}
    if not gone:
        return []
    rows = session.execute(
        select(
            DestructionEntry.item_id, DestructionRegister.number, DestructionRegister.executed_on
        )
        .join(DestructionRegister, DestructionRegister.id == DestructionEntry.register_id)
        .where(
            DestructionEntry.item_id.in_(list(gone)),
            DestructionRegister.state == DestructionState.EXECUTED.value,
        )
    ).all()
    notes: list[str] = []
    for item_id, register, executed_on in sorted(rows, key=lambda r: gone[r[0]].seq):
        entry = gone[item_id]
        day = f"{executed_on:%Y年%m月%d日}" if executed_on else ""
        notes.append(
            f"第 {entry.seq} 件（{entry.item.number}，{entry.item.title}）已于 {day} "
            f"依销毁清册 {register} 销毁，仅存目录信息"
        )
    return notes


def _change_line(change: volumes.VolumeChange) -> str:
    text = f"{change.at[:10]} {CHANGE_LABELS[change.action]}"
    if change.reason:
        text += f"（{change.reason}）"
    return text


def assemble(
    archive: Archive,
    volume_code: str,
    out_path: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancellable | None = None,
) -> Path:
    """Build the volume's PDF; returns where it was written (default
    derived/volumes/<code>.pdf). Raises AssemblyCancelled when `cancel` is set."""
    return assemble_volume(archive, volume_code, out_path, progress, cancel).path


def assemble_volume(
    archive: Archive,
    volume_code: str,
    out_path: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancellable | None = None,
) -> AssembledVolume:
    """`assemble`, with the counts of what was written. Needs READ; the file written is
    an EXPORT access event of the volume."""
    started = time.perf_counter()
    require(archive, Right.READ, f"volume:{volume_code}"[:200])
    sheet = load_sheet(archive, volume_code)
    target = (out_path or default_path(archive, sheet.code)).expanduser().absolute()
    if target.is_dir():
        raise InputError("volume_pdf.target_is_folder", file=str(target))
    if out_path is None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise translate_os_error(exc, target.parent) from None
    elif not target.parent.is_dir():
        raise InputError("volume_pdf.folder_missing", folder=str(target.parent))
    # The typeset sheets and the file itself are written beside the target, on its disk
    # (a system temp folder may be in memory), and the file moved into place in one step.
    try:
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise translate_os_error(exc, target) from None
    partial = work / "volume.pdf"
    total = sheet.materials
    report = progress or (lambda _done, _total, _what: None)
    try:
        front = work / "front.pdf"
        contents_pages = write_front(sheet, front)
        with _Pages(work, sheet.paged, front) as pages:
            ranges = _append_materials(archive, sheet, pages, report, cancel, total)
            notes = work / "notes.pdf"
            write_notes(sheet, notes, assembled_on=dt.date.today())
            _check_cancel(cancel)
            material_pages = pages.count
            try:
                page_count = pages.finish(notes, partial, title=f"{sheet.code} {sheet.title}")
                os.replace(partial, target)
            except OSError as exc:
                raise translate_os_error(exc, target) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(total, total, str(target))
    record(
        archive,
        AccessKind.EXPORT,
        f"volume:{sheet.code}"[:200],
        {"format": "pdf", "file": str(target), "pages": page_count},
    )
    return AssembledVolume(
        path=target,
        code=sheet.code,
        items=sheet.items,
        materials=total,
        pages=page_count,
        material_pages=material_pages,
        contents_pages=contents_pages,
        paged=sheet.paged,
        seconds=time.perf_counter() - started,
        page_ranges=ranges,
    )


class _Pages:
    """The assembled pages: front matter, then the materials as they are added, then,
    at the end, the page-number stamps (paged volumes) and the notes sheet.

    pikepdf copies page data into the new PDF as pages are added, so a volume's scans
    are held in memory until the file is written: about the size of the volume's files
    (a year volume of 10,000 one-page 113 KB scans peaked at 1.5 GB; see
    bench/volume_build.py). Writing in parts does not help: joining the parts copies
    their data in again."""

    def __init__(self, folder: Path, paged: bool, front: Path) -> None:
        self.folder, self.paged = folder, paged
        self.count = 0  # material pages so far
        self.numbers: list[int] = []  # each material page's number (stamped when paged)
        self._next = 1
        self.book = PdfAssembler()
        self.book.append_pdf(front, front.name)
        self._first = self.book.page_count  # the first material page

    def __enter__(self) -> _Pages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.book.close()

    def add_pdf(self, data: bytes, name: str) -> int:
        added = len(self.book.append_pdf(data, name))
        self._numbered(added)
        return added

    def _numbered(self, added: int) -> None:
        self.count += added
        self.numbers.extend(range(self._next, self._next + added))
        self._next += added

    def skip(self, pages: int) -> None:
        """Numbers left out: the pages of a destroyed item keep their place."""
        self._next += pages

    def add_image(self, image: EmbeddableImage) -> None:
        self.book.append_image(image)
        self._numbered(1)

    def finish(self, notes: Path, target: Path, title: str) -> int:
        """Number the material pages (paged volumes), add the notes sheet and write
        `target`; returns its page count."""
        book, first = self.book, self._first
        if self.paged and self.count:
            stamps = self.folder / "page-numbers.pdf"
            sizes = [book.shown_size(first + n) for n in range(self.count)]
            write_page_numbers(sizes, stamps, numbers=self.numbers)
            for n in range(self.count):
                book.stamp(first + n, stamps, n)
        book.append_pdf(notes, notes.name)
        book.save(target, title=title, subject="案卷")
        return book.page_count


def _check_cancel(cancel: Cancellable | None) -> None:
    if cancel is not None and cancel.cancelled:
        raise AssemblyCancelled()


def _append_materials(
    archive: Archive,
    sheet: VolumeSheet,
    pages: _Pages,
    report: Progress,
    cancel: Cancellable | None,
    total: int,
) -> dict[str, tuple[int, int]]:
    """Every material in volume order; each item's page range, checked against the
    page numbers recorded when the volume was made (paged volumes)."""
    done = 0
    report(done, total, sheet.code)
    ranges: dict[str, tuple[int, int]] = {}
    next_page = 1
    for entry in sheet.entries:
        first = next_page
        for material in entry.materials:
            _check_cancel(cancel)
            next_page += _append_material(archive, entry.number, material, pages)
            done += 1
            report(done, total, material.file)
        count = next_page - first
        if count:
            ranges[entry.number] = (first, next_page - 1)
        if entry.destroyed and not entry.materials:
            # a stub: its pages are gone; the others keep their numbers (see the notes)
            if sheet.paged and entry.first_page is not None and entry.last_page is not None:
                pages.skip(entry.last_page - entry.first_page + 1)
                next_page = entry.last_page + 1
            continue
        if sheet.paged:
            expected = (entry.first_page, entry.last_page)
            found = (first, next_page - 1) if count else (None, None)
            if expected != found:
                raise ArchiveError(
                    "volume_pdf.pages_mismatch",
                    code=sheet.code,
                    number=entry.number,
                    expected=_range_text(expected),
                    found=_range_text(found),
                )
    return ranges


def _range_text(pages: tuple[int | None, int | None]) -> str:
    return f"{pages[0]}-{pages[1]}" if pages[0] is not None else "—"


def _append_material(archive: Archive, number: str, material: SourceFile, pages: _Pages) -> int:
    """Check one stored file against its recorded digest and add its pages."""
    path = archive.root / material.file
    try:
        data = path.read_bytes()  # a PDF is copied from exactly the bytes checked
    except FileNotFoundError:
        raise ArchiveError("volume_pdf.file_missing", file=material.file, number=number) from None
    except OSError as exc:
        raise ArchiveError(
            "volume_pdf.file_unreadable",
            file=material.file,
            number=number,
            reason=exc.strerror or str(exc),
        ) from None
    if len(data) != material.size or hashlib.sha256(data).hexdigest() != material.sha256:
        raise ArchiveError("volume_pdf.file_changed", file=material.file, number=number)
    try:
        if material.media_type == PDF_MEDIA_TYPE:
            added = pages.add_pdf(data, material.file)
        else:
            added = 0
            for frame in range(material.pages):
                pages.add_image(embeddable_frame(path, frame))
                added += 1
    except FileRejected as exc:
        raise ArchiveError(
            "volume_pdf.file_unreadable",
            file=material.file,
            number=number,
            reason=str(exc.params.get("reason", exc.code)),
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:  # Pillow's ways of failing
        raise ArchiveError(
            "volume_pdf.file_unreadable",
            file=material.file,
            number=number,
            reason=(str(exc).strip() or type(exc).__name__)[:200],
        ) from None
    if added != material.pages:
        raise ArchiveError(
            "volume_pdf.file_unreadable",
            file=material.file,
            number=number,
            reason=f"{added} pages, {material.pages} recorded",
        )
    return added


# -- the typeset sheets ---------------------------------------------------------------------


def _underlined(
    pdf: Any, x: float, y: float, label: str, lines: Sequence[str], room: float
) -> float:
    """A cover field: label, then its value on ruled lines; returns the next baseline."""
    size = 14.0
    typeset.text(pdf, x, y, label, size)
    value_x = x + 30 * MM
    leading = 11 * MM
    for line in lines or [""]:
        typeset.text(pdf, value_x + 2 * MM, y, line, size)
        pdf.setLineWidth(0.6)
        pdf.line(value_x, y - 2.2 * MM, x + room, y - 2.2 * MM)
        y -= leading
    return y


def _cover(pdf: Any, sheet: VolumeSheet) -> None:
    width = PAGE_W - 2 * 25 * MM
    # 档号 and 归档号 in a box at the top right, as on printed covers
    box_w, box_h = 80 * MM, 9 * MM
    box_x, box_y = PAGE_W - 25 * MM - box_w, PAGE_H - 22 * MM
    pdf.setLineWidth(0.8)
    for row, (label, value) in enumerate((("档号", sheet.code), ("归档号", sheet.archive_number))):
        top = box_y - row * box_h
        pdf.rect(box_x, top - box_h, 20 * MM, box_h)
        pdf.rect(box_x + 20 * MM, top - box_h, box_w - 20 * MM, box_h)
        typeset.text(pdf, box_x + 10 * MM, top - box_h + 3 * MM, label, 10.5, align="centre")
        size = typeset.fitting_size(value, box_w - 24 * MM, 11)
        typeset.text(pdf, box_x + 22 * MM, top - box_h + 3 * MM, value, size)
    typeset.text(pdf, PAGE_W / 2, PAGE_H - 72 * MM, "案 卷 封 面", 24, align="centre", bold=True)
    x, y = 25 * MM, PAGE_H - 100 * MM
    room = width
    title_size = 14.0
    fields: list[tuple[str, list[str]]] = [
        ("全宗名称", typeset.wrap(sheet.fonds_name, room - 34 * MM, title_size)),
        ("类目名称", [sheet.class_name]),
        ("案卷题名", typeset.wrap(sheet.title, room - 34 * MM, title_size)),
        ("起止时间", [f"{sheet.start:%Y%m%d}—{sheet.end:%Y%m%d}"]),
        ("保管期限", [sheet.retention_label]),
        ("件    数", [f"{sheet.items} 件"]),
        ("页    数", [f"{sheet.pages} 页"]),
        ("归 档 号", [sheet.archive_number]),
        ("档    号", [sheet.code]),
    ]
    for label, lines in fields:
        y = _underlined(pdf, x, y, label, lines, room) - 3 * MM


def _contents_header(pdf: Any, sheet: VolumeSheet, first: bool) -> float:
    """Title, the volume's code and title, and the column headings; returns the top of
    the first row."""
    y = PAGE_H - 24 * MM
    heading = "卷内文件目录" if first else "卷内文件目录（续）"
    typeset.text(pdf, PAGE_W / 2, y, heading, 18, align="centre", bold=True)
    y -= 10 * MM
    typeset.text(pdf, MARGIN, y, f"档号：{sheet.code}", 10.5)
    for line in typeset.wrap(f"案卷题名：{sheet.title}", PAGE_W - 2 * MARGIN, 10.5):
        y -= 6 * MM
        typeset.text(pdf, MARGIN, y, line, 10.5)
    y -= 4 * MM
    header_h = 9 * MM
    x = MARGIN
    pdf.setLineWidth(0.6)
    for name, column_w in CONTENTS_COLUMNS:
        pdf.setFillGray(0.92)
        pdf.rect(x, y - header_h, column_w, header_h, stroke=1, fill=1)
        pdf.setFillGray(0)
        typeset.text(pdf, x + column_w / 2, y - header_h + 3.2 * MM, name, 10, align="centre")
        x += column_w
    return y - header_h


def _contents(pdf: Any, sheet: VolumeSheet) -> int:
    """The contents list over as many pages as it needs, the header on each; returns
    the number of pages."""
    size, leading, pad = 9.0, 4.6 * MM, 2.2 * MM
    bottom = 18 * MM
    pages = 1
    y = _contents_header(pdf, sheet, first=True)
    for row in sheet.contents_rows():
        cells = [
            typeset.wrap(value, column_w - 2.4 * MM, size) if value else [""]
            for value, (_name, column_w) in zip(row, CONTENTS_COLUMNS, strict=True)
        ]
        row_h = max(8 * MM, max(len(c) for c in cells) * leading + 2 * pad - (leading - size))
        if y - row_h < bottom:
            pdf.showPage()
            pages += 1
            y = _contents_header(pdf, sheet, first=False)
        x = MARGIN
        for index, (lines, (_name, column_w)) in enumerate(
            zip(cells, CONTENTS_COLUMNS, strict=True)
        ):
            pdf.rect(x, y - row_h, column_w, row_h, stroke=1, fill=0)
            centred = index in (0, 4, 5)
            baseline = y - pad - size * 0.85
            for line in lines:
                if centred:
                    typeset.text(pdf, x + column_w / 2, baseline, line, size, align="centre")
                else:
                    typeset.text(pdf, x + 1.2 * MM, baseline, line, size)
                baseline -= leading
            x += column_w
        y -= row_h
    return pages


def write_front(sheet: VolumeSheet, path: Path) -> int:
    """Cover and contents list; returns the number of contents-list pages."""
    pdf = typeset.new_canvas(path, title=f"{sheet.code} 案卷封面、卷内文件目录")
    _cover(pdf, sheet)
    pdf.showPage()
    pages = _contents(pdf, sheet)
    pdf.showPage()
    pdf.save()
    return pages


def notes_paragraphs(sheet: VolumeSheet, assembled_on: dt.date) -> list[str]:
    """本卷情况说明: items and pages, paging, changes since the volume was made, and what
    the PDF was made from."""
    texts = [f"本卷共 {sheet.items} 件，{sheet.pages} 页。"]
    if sheet.paged:
        texts.append(
            f"卷内材料自第 1 页至第 {sheet.pages} 页逐页编号，页号在每页右上角；"
            "案卷封面、卷内文件目录和卷内备考表不编页号。"
        )
    else:
        texts.append(f"本卷保管期限为{sheet.retention_label}，按规定不编页号。")
    if sheet.changes:
        shown = list(sheet.changes[:MAX_CHANGES])
        if len(sheet.changes) > MAX_CHANGES:
            shown.append(f"另有 {len(sheet.changes) - MAX_CHANGES} 项调整，见审计记录")
        texts.append("组卷后的调整：" + "；".join(shown) + "。")
    if sheet.destroyed:
        shown = list(sheet.destroyed[:MAX_CHANGES])
        if len(sheet.destroyed) > MAX_CHANGES:
            shown.append(f"另有 {len(sheet.destroyed) - MAX_CHANGES} 件，见销毁清册")
        texts.append("已销毁的档案：" + "；".join(shown) + "。")
    texts.append(
        f"本文件于 {assembled_on:%Y年%m月%d日} 依据存储的原件生成，"
        f"全部 {sheet.materials} 份材料经 SHA-256 校验，与归档时一致。"
    )
    return texts


def write_notes(sheet: VolumeSheet, path: Path, assembled_on: dt.date) -> None:
    """卷内备考表: the state of the volume, then 立卷人, 检查人, 立卷时间 to fill in."""
    pdf = typeset.new_canvas(path, title=f"{sheet.code} 卷内备考表")
    y = PAGE_H - 24 * MM
    typeset.text(pdf, PAGE_W / 2, y, "卷内备考表", 18, align="centre", bold=True)
    y -= 10 * MM
    typeset.text(pdf, PAGE_W - MARGIN, y, f"档号：{sheet.code}", 10.5, align="right")
    top = y - 4 * MM
    bottom = 30 * MM
    pdf.setLineWidth(0.8)
    pdf.rect(MARGIN, bottom, PAGE_W - 2 * MARGIN, top - bottom)
    y = top - 10 * MM
    typeset.text(pdf, MARGIN + 5 * MM, y, "本卷情况说明：", 12)
    y -= 10 * MM
    room = PAGE_W - 2 * MARGIN - 10 * MM
    y = typeset.paragraphs(pdf, MARGIN + 5 * MM, y, room, notes_paragraphs(sheet, assembled_on), 11)
    signature_y = bottom + 40 * MM
    for row, label in enumerate(("立卷人：", "检查人：", "立卷时间：")):
        line_y = signature_y - row * 12 * MM
        x = PAGE_W - MARGIN - 85 * MM
        typeset.text(pdf, x, line_y, label, 12)
        pdf.setLineWidth(0.6)
        pdf.line(x + 24 * MM, line_y - 1.5 * MM, PAGE_W - MARGIN - 8 * MM, line_y - 1.5 * MM)
    pdf.showPage()
    pdf.save()


def stamp_geometry(size: ShownSize) -> tuple[float, float, float]:
    """Font size, and the right edge and baseline of a page number on a page this size:
    near the top-right corner, scaled down on small pages."""
    short = min(size.width, size.height)
    font = max(7.0, min(12.0, short * 0.045))
    margin = max(4 * MM, min(10 * MM, short * 0.05))
    return font, size.width - margin, size.height - margin - font * 0.8


def write_page_numbers(
    sizes: Sequence[ShownSize],
    path: Path,
    first: int = 1,
    numbers: Sequence[int] | None = None,
) -> None:
    """One page per material page, its size, bearing only its number top right (from
    `first` on, or the given `numbers`)."""
    pdf = typeset.new_canvas(path, title="页号")
    for offset, size in enumerate(sizes):
        pdf.setPageSize((size.width, size.height))
        font, right, baseline = stamp_geometry(size)
        label = numbers[offset] if numbers is not None else first + offset
        typeset.text(pdf, right, baseline, str(label), font, align="right")
        pdf.showPage()
    pdf.save()
