"""Copies (复制) and screen views (电子调阅) under an approved request.

A copy is a PDF of the chosen pages of the request's records with a visible watermark
laid over every page — the borrower, the request number, the time the copy was made
and 仅供查阅 / for reference only — made only under an approved copy request and within
its period (from the approval until `valid_until`, inclusive).

The pages are counted from 1 through the request's records in order, every page of
every material, as the page viewer counts an item's pages and carries on into the next
item: the items named in the request in its order, a volume's items in volume order, a
box's items in box order and then its volumes'. `pages` is a spec like "1-3,5" (commas
may be Chinese ，or 、); None copies every page. A page that does not exist is refused
with the number of pages there are, and nothing is written.

The originals are never modified: each stored file is read once and checked against
the SHA-256 recorded at capture (a changed or damaged file stops the copy, named), its
pages copied into a new PDF (scans at their real size, as the volume PDF places them;
PDF pages as they are) and the watermark, typeset for each page size, laid over each
page as a form XObject. The file is written beside its target and moved into place in
one step, so a failure (a full disk, a cancel) leaves no half file behind.

Each copy is one USE_COPY change (audited: the request, the pages, the items, the
file's SHA-256) and an EXPORT access event of the request. Each screen view of an item
is a VIEW_ITEM access event carrying the request number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.arrangement.volume_pdf import PDF_MEDIA_TYPE, Cancellable
from archivist.changes.actions import Action
from archivist.changes.states import LoanState, state_label
from archivist.db.models import BoxItem, Item, Material, UseRequest, Volume, VolumeItem
from archivist.errors import ArchiveError, ArchivistError, FileRejected, InputError, NotFound
from archivist.formats import typeset
from archivist.formats.images import embeddable_frame
from archivist.formats.pdf import PdfAssembler, ShownSize
from archivist.messages import render
from archivist.storage.filestore import check_export_path, translate_os_error
from archivist.use.requests import (
    RequestView,
    TargetKind,
    UseKind,
    items_of,
    load_request,
    view_of,
)

if TYPE_CHECKING:
    from archivist.archive import Archive

Progress = Callable[[int, int, str], None]
MOTTO = "仅供查阅 / for reference only"
MAX_SPEC = 20_000  # characters of a page spec (every other page of 4,000 pages)
USABLE = frozenset({LoanState.APPROVED, LoanState.OUT})
# the refusals of a request of another kind, not approved (or over), past its period
REFUSALS = {
    UseKind.COPY: ("use.copy_wrong_kind", "use.copy_not_approved", "use.copy_period_over"),
    UseKind.VIEW: ("use.view_wrong_kind", "use.view_not_approved", "use.view_period_over"),
}


class CopyCancelled(ArchivistError):
    """The copy was cancelled; no file was written."""

    code = "use.copy_cancelled"


@dataclass(frozen=True)
class SourcePage:
    """One page of the request's records: its item, its place, its stored file."""

    item_number: str
    item_page: int  # 1-based through the item's materials
    material_id: int
    material_seq: int
    material_title: str
    file: str  # relative to the archive root
    media_type: str
    size: int
    sha256: str
    page: int  # 1-based within the material
    pages_in_material: int


@dataclass(frozen=True)
class CopyPlan:
    """A copy about to be made: the request, all its pages and those chosen."""

    request: RequestView
    pages: tuple[SourcePage, ...]
    chosen: tuple[int, ...]  # 1-based over `pages`, ascending

    @property
    def total(self) -> int:
        return len(self.pages)

    @property
    def spec(self) -> str:
        return page_spec(self.chosen)

    @property
    def items(self) -> tuple[str, ...]:
        """The items with a page in the copy, in order."""
        return tuple(dict.fromkeys(self.pages[n - 1].item_number for n in self.chosen))


@dataclass(frozen=True)
class CopyResult:
    path: Path
    number: str
    pages: int
    page_spec: str
    items: tuple[str, ...]
    watermark: str
    sha256: str
    seconds: float

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "request": self.number,
            "pages": self.pages,
            "page_spec": self.page_spec,
            "items": list(self.items),
            "watermark": self.watermark,
            "sha256": self.sha256,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class ViewPage:
    """One page as the page viewer shows it (the fields of archivist.access.browse's
    PageRef, in its order: `PageRef(*astuple(page))`)."""

    item_page: int
    material_id: int
    material_seq: int
    material_title: str
    page: int
    pages_in_material: int
    path: Path
    media_type: str


@dataclass(frozen=True)
class ScreenView:
    """An item shown on screen under an approved electronic view."""

    number: str
    item_number: str
    title: str
    valid_until: dt.date | None
    pages: tuple[ViewPage, ...]


# -- the pages ----------------------------------------------------------------------------

_RANGE = re.compile(r"^(\d{1,7})(?:[-–—~～至](\d{1,7}))?$")


def parse_pages(spec: str | None, total: int, number: str = "") -> list[int]:
    """The pages a spec names ("1-3,5"), 1-based, ascending, each once; every page when
    `spec` is None. Refused: a spec that cannot be read, a range backwards, a page
    outside 1..total."""
    if spec is None:
        return list(range(1, total + 1))
    text = spec.strip()
    if not text or len(text) > MAX_SPEC:
        raise InputError("use.copy_bad_pages", pages=text[:40])
    chosen: set[int] = set()
    missing: list[str] = []
    text = re.sub(r"\s*([-–—~～至])\s*", r"\1", text)  # "1 - 3" is "1-3"
    for part in re.split(r"[,，、;；\s]+", text):
        if not part:
            continue
        found = _RANGE.match(part)
        if found is None:
            raise InputError("use.copy_bad_pages", pages=part[:40])
        low = int(found.group(1))
        high = int(found.group(2)) if found.group(2) else low
        if high < low:
            raise InputError("use.copy_bad_pages", pages=part[:40])
        if low < 1 or high > total:
            missing.append(part)
            continue
        chosen.update(range(low, high + 1))
    if missing:
        raise InputError(
            "use.copy_no_such_pages", number=number, total=total, pages="、".join(missing)[:80]
        )
    if not chosen:
        raise InputError("use.copy_bad_pages", pages=text[:40])
    return sorted(chosen)


def page_spec(pages: Sequence[int]) -> str:
    """The shortest spec for ascending pages: [1, 2, 3, 5] -> "1-3,5"."""
    parts: list[str] = []
    start = previous = None
    for page in pages:
        if previous is not None and page == previous + 1:
            previous = page
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}-{previous}")
        start = previous = page
    if start is not None:
        parts.append(str(start) if start == previous else f"{start}-{previous}")
    return ",".join(parts)


def _ordered_items(session: Session, request: UseRequest) -> list[int]:
    """The ids of the items a request covers, in the request's order."""
    order: list[int] = []
    for target in request.targets:
        if target.kind == TargetKind.ITEM and target.item_id is not None:
            order.append(target.item_id)
        elif target.kind == TargetKind.VOLUME and target.volume_id is not None:
            order += _volume_items(session, [target.volume_id])
        elif target.kind == TargetKind.BOX and target.box_id is not None:
            order += session.scalars(
                select(BoxItem.item_id).where(BoxItem.box_id == target.box_id).order_by(BoxItem.seq)
            )
            volumes = session.scalars(
                select(Volume.id).where(Volume.box_id == target.box_id).order_by(Volume.code)
            )
            order += _volume_items(session, list(volumes))
    covered = items_of(session, request.targets)
    return [i for i in dict.fromkeys(order) if i in covered]


def _volume_items(session: Session, volume_ids: list[int]) -> list[int]:
    found: list[int] = []
    for volume_id in volume_ids:
        found += session.scalars(
            select(VolumeItem.item_id)
            .where(VolumeItem.volume_id == volume_id)
            .order_by(VolumeItem.seq)
        )
    return found


def _source_pages(session: Session, item_ids: Sequence[int]) -> list[SourcePage]:
    """Every page of the items, in the items' order and their materials' order."""
    numbers = dict(session.execute(select(Item.id, Item.number).where(Item.id.in_(item_ids))).all())
    materials: dict[int, list[Material]] = {}
    for material in session.scalars(
        select(Material).where(Material.item_id.in_(item_ids)).order_by(Material.seq)
    ):
        materials.setdefault(material.item_id, []).append(material)
    pages: list[SourcePage] = []
    for item_id in item_ids:
        item_page = 0
        for m in materials.get(item_id, []):
            for page in range(1, m.pages + 1):
                item_page += 1
                pages.append(
                    SourcePage(
                        numbers[item_id],
                        item_page,
                        m.id,
                        m.seq,
                        m.title,
                        m.file,
                        m.media_type,
                        m.size,
                        m.sha256,
                        page,
                        m.pages,
                    )
                )
    return pages


# -- the request's rules ------------------------------------------------------------------


def _usable(request: UseRequest, kind: UseKind, on: dt.date | None) -> None:
    """Refuse a request of another kind, not approved (or over), or past its period."""
    wrong_kind, not_approved, period_over = REFUSALS[kind]
    actual = UseKind(request.kind)
    if actual is not kind:
        raise InputError(wrong_kind, number=request.number, kind=render(f"cli.use.kind.{actual}"))
    status = LoanState(request.status)
    if status not in USABLE:
        raise InputError(not_approved, number=request.number, status=state_label(status))
    day = on or dt.date.today()
    if request.valid_until is not None and day > request.valid_until:
        raise InputError(period_over, number=request.number, until=f"{request.valid_until}")


def copy_plan(
    archive: Archive, number: str, pages: str | None = None, *, on: dt.date | None = None
) -> CopyPlan:
    """What a copy under request `number` would hold (READ): refused like `make_copy`
    (not a copy request, not approved, past its period, pages that do not exist)."""
    person = require(archive, Right.READ, f"use:{number}"[:200])
    with archive.db.reading() as session:
        request = load_request(session, number)
        _usable(request, UseKind.COPY, on)
        view = view_of(request, sees_ids=person.sees_id_numbers)
        every = _source_pages(session, _ordered_items(session, request))
    if not every:
        raise InputError("use.copy_no_pages", number=view.number)
    chosen = parse_pages(pages, len(every), view.number)
    return CopyPlan(view, tuple(every), tuple(chosen))


def watermark_text(request: RequestView, moment: dt.datetime) -> str:
    """The line every page of a copy carries: borrower, request, time, 仅供查阅."""
    who = request.borrower_name
    if request.borrower_unit and request.borrower_unit != who:
        who = f"{who}（{request.borrower_unit}）"
    return f"{who} · 申请 {request.number} · {moment:%Y-%m-%d %H:%M} · {MOTTO}"


def _watermark_lines(request: RequestView, moment: dt.datetime) -> list[str]:
    """The diagonal lines repeated across the page."""
    return [
        "仅供查阅  FOR REFERENCE ONLY",
        f"{request.borrower_name}  {request.number}",
        f"{moment:%Y-%m-%d %H:%M}",
    ]


# -- making the copy ------------------------------------------------------------------------


def make_copy(
    archive: Archive,
    number: str,
    out: Path,
    pages: str | None = None,
    *,
    progress: Progress | None = None,
    cancel: Cancellable | None = None,
    on: dt.date | None = None,
) -> CopyResult:
    """Write the watermarked copy of request `number` to `out` (see the module's text).
    Needs the right to hand records out (the USE_COPY action's); `on` is the day it is
    made (today unless given)."""
    started = time.perf_counter()
    require(archive, Action.USE_COPY.right, f"use:{number}"[:200])
    plan = copy_plan(archive, number, pages, on=on)
    target = _target(out, archive.root)
    moment = dt.datetime.now().replace(second=0, microsecond=0)
    text = watermark_text(plan.request, moment)
    try:
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise translate_os_error(exc, target) from None
    report = progress or (lambda _done, _total, _what: None)
    try:
        partial = work / "copy.pdf"
        _write(archive, plan, partial, _watermark_lines(plan.request, moment), text, report, cancel)
        digest = hashlib.sha256(partial.read_bytes()).hexdigest()
        with archive.change(Action.USE_COPY, f"use:{plan.request.number}") as change:
            request = load_request(change.session, plan.request.number)
            _usable(request, UseKind.COPY, on)  # still so, now that it is written
            change.touch_items(
                change.session.scalars(select(Item.id).where(Item.number.in_(plan.items)))
            )
            change.after = {
                "request": request.number,
                "pages": len(plan.chosen),
                "page_spec": plan.spec,
                "items": list(plan.items),
                "file": str(target),
                "sha256": digest,
                "watermark": text,
            }
            try:
                os.replace(partial, target)
            except OSError as exc:
                raise translate_os_error(exc, target) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    record(
        archive,
        AccessKind.EXPORT,
        f"use:{plan.request.number}",
        {
            "request": plan.request.number,
            "format": "pdf",
            "file": str(target),
            "pages": len(plan.chosen),
            "page_spec": plan.spec,
        },
    )
    report(len(plan.chosen), len(plan.chosen), str(target))
    return CopyResult(
        path=target,
        number=plan.request.number,
        pages=len(plan.chosen),
        page_spec=plan.spec,
        items=plan.items,
        watermark=text,
        sha256=digest,
        seconds=time.perf_counter() - started,
    )


def write_preview(archive: Archive, number: str, pages: str | None, target: Path) -> Path:
    """The first chosen page of the copy, watermarked, as a one-page PDF at `target` (a
    work file of the window's preview: nothing leaves the room, nothing is logged but
    the page shown, a VIEW_ITEM event with the request)."""
    require(archive, Action.USE_COPY.right, f"use:{number}"[:200])
    plan = copy_plan(archive, number, pages)
    first = CopyPlan(plan.request, plan.pages, plan.chosen[:1])
    moment = dt.datetime.now().replace(second=0, microsecond=0)
    lines = _watermark_lines(plan.request, moment)
    _write(archive, first, target, lines, watermark_text(plan.request, moment), None, None)
    page = plan.pages[plan.chosen[0] - 1]
    record(
        archive,
        AccessKind.VIEW_ITEM,
        f"item:{page.item_number}"[:200],
        {"request": plan.request.number, "material": page.material_seq, "page": page.page},
    )
    return target


def _target(out: Path, archive_root: Path) -> Path:
    target = Path(out).expanduser().absolute()
    if target.is_dir():
        raise InputError("use.copy_target_is_folder", file=str(target))
    target = check_export_path(target, archive_root, (".pdf",))
    if not target.parent.is_dir():
        raise InputError("use.copy_folder_missing", folder=str(target.parent))
    return target


def _write(
    archive: Archive,
    plan: CopyPlan,
    path: Path,
    lines: Sequence[str],
    footer: str,
    report: Progress | None,
    cancel: Cancellable | None,
) -> None:
    """The chosen pages, each file checked against its digest, watermarked, to `path`."""
    total = len(plan.chosen)
    by_material: dict[int, list[SourcePage]] = {}
    for n in plan.chosen:
        page = plan.pages[n - 1]
        by_material.setdefault(page.material_id, []).append(page)
    done = 0
    if report is not None:
        report(done, total, plan.request.number)
    with PdfAssembler() as book:
        sizes: list[ShownSize] = []
        for chosen in by_material.values():
            if cancel is not None and cancel.cancelled:
                raise CopyCancelled()
            sizes += _append(archive, chosen, book)
            done += len(chosen)
            if report is not None:
                report(done, total, chosen[0].file)
        shapes = list(dict.fromkeys((round(s.width, 1), round(s.height, 1)) for s in sizes))
        marks = path.with_name(path.stem + "-watermark.pdf")
        try:
            typeset.write_watermarks(marks, shapes, lines, footer)
            for index, size in enumerate(sizes):
                book.overlay(
                    index, marks, shapes.index((round(size.width, 1), round(size.height, 1)))
                )
            book.save(path, title=f"{plan.request.number} 复制件", subject=footer)
        except OSError as exc:
            raise translate_os_error(exc, path) from None
        finally:
            marks.unlink(missing_ok=True)


def _append(archive: Archive, pages: list[SourcePage], book: PdfAssembler) -> list[ShownSize]:
    """Check one stored file against its recorded digest and add the pages chosen of it
    (scans as the volume PDF places them, PDF pages as they are)."""
    first = pages[0]
    path = archive.root / first.file
    try:
        data = path.read_bytes()  # a PDF is copied from exactly the bytes checked
    except FileNotFoundError:
        raise ArchiveError(
            "use.copy_file_missing", file=first.file, number=first.item_number
        ) from None
    except OSError as exc:
        raise ArchiveError(
            "use.copy_file_unreadable",
            file=first.file,
            number=first.item_number,
            detail=exc.strerror or str(exc),
        ) from None
    if len(data) != first.size or hashlib.sha256(data).hexdigest() != first.sha256:
        raise ArchiveError("use.copy_file_changed", file=first.file, number=first.item_number)
    try:
        if first.media_type == PDF_MEDIA_TYPE:
            return book.append_pdf_pages(data, first.file, [p.page - 1 for p in pages])
        return [book.append_image(embeddable_frame(path, p.page - 1)) for p in pages]
    except FileRejected as exc:
        reason = str(exc.params.get("reason", exc.code))
    except (OSError, SyntaxError, ValueError, EOFError) as exc:  # Pillow's ways of failing
        reason = (str(exc).strip() or type(exc).__name__)[:200]
    raise ArchiveError(
        "use.copy_file_unreadable", file=first.file, number=first.item_number, detail=reason
    )


# -- screen views ---------------------------------------------------------------------------


def view_items(archive: Archive, number: str) -> tuple[str, ...]:
    """The numbers of the items request `number` covers, in its order (READ): those an
    electronic view may show (`view_item` decides whether it may, now)."""
    require(archive, Right.READ, f"use:{number}"[:200])
    with archive.db.reading() as session:
        request = load_request(session, number)
        ids = _ordered_items(session, request)
        numbers = dict(session.execute(select(Item.id, Item.number).where(Item.id.in_(ids))).all())
    return tuple(numbers[i] for i in ids if i in numbers)


def view_item(
    archive: Archive, number: str, item_number: str, *, on: dt.date | None = None
) -> ScreenView:
    """Show one item of an approved electronic view (电子调阅) within its period (READ):
    refused for a request of another kind, not approved, past its period, or not
    covering the item. Each view is a VIEW_ITEM access event with the request."""
    require(archive, Right.READ, f"item:{item_number}"[:200])
    with archive.db.reading() as session:
        request = load_request(session, number)
        _usable(request, UseKind.VIEW, on)
        code = item_number.strip()
        item = session.scalars(
            select(Item).where((Item.number == code) | (Item.archival_code == code))
        ).first()
        if item is None:
            raise NotFound("item.not_found", number=code[:60])
        if item.id not in items_of(session, request.targets):
            raise InputError("use.view_not_covered", number=request.number, item=item.number)
        shown = ScreenView(
            number=request.number,
            item_number=item.number,
            title=item.title,
            valid_until=request.valid_until,
            pages=tuple(
                ViewPage(
                    p.item_page,
                    p.material_id,
                    p.material_seq,
                    p.material_title,
                    p.page,
                    p.pages_in_material,
                    archive.root / p.file,
                    p.media_type,
                )
                for p in _source_pages(session, [item.id])
            ),
        )
    record(
        archive, AccessKind.VIEW_ITEM, f"item:{shown.item_number}"[:200], {"request": shown.number}
    )
    return shown
