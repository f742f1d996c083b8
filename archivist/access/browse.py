"""Read-only queries the desktop window needs: the navigation tree with its counts,
the item table as a list of ids (sorted and filtered in the database) with rows
fetched in blocks, an item's pages with their text, page pixels for display, OCR
failures and entity completion. Plain typed data out; no Qt here.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Select, extract, func, or_, select

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.db.models import ArchiveClass, BusinessType, Entity, Item, Material, PageText
from archivist.errors import ArchivistError, InputError
from archivist.rules.identity import mask_id_number
from archivist.rules.retention import Retention
from archivist.search.masking import mask_id_numbers

log = logging.getLogger(__name__)

# PDFium is not thread-safe: one page is rendered at a time in this process.
_RENDER_LOCK = threading.Lock()
# Above this many entities under one month the tree shows the first ones only.
MAX_ENTITY_NODES = 2000


# -- navigation -------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """A place in the navigation tree; also a filter of the item table."""

    class_code: str | None = None
    year: int | None = None
    month: int | None = None
    entity_id: int | None = None

    @property
    def level(self) -> str:
        """The level of the children of this place."""
        if self.class_code is None:
            return "class"
        if self.year is None:
            return "year"
        if self.month is None:
            return "month"
        if self.entity_id is None:
            return "entity"
        return "leaf"


@dataclass(frozen=True)
class NavNode:
    scope: Scope
    level: str  # class | year | month | entity
    label: str  # class name, entity name; empty for years and months
    count: int
    kind: str = ""  # entity kind (unit | person) for entity nodes


def _scoped(stmt: Select[Any], scope: Scope) -> Select[Any]:
    if scope.class_code is not None:
        # by id, so a query needs no join to the classes (and can use the item indexes)
        stmt = stmt.where(
            Item.class_id
            == select(ArchiveClass.id)
            .where(ArchiveClass.code == scope.class_code)
            .scalar_subquery()
        )
    if scope.year is not None:
        stmt = stmt.where(Item.year == scope.year)
        if scope.month is not None:
            first = dt.date(scope.year, scope.month, 1)
            following = (
                dt.date(scope.year + 1, 1, 1)
                if scope.month == 12
                else dt.date(scope.year, scope.month + 1, 1)
            )
            stmt = stmt.where(Item.completed_on >= first, Item.completed_on < following)
    if scope.entity_id is not None:
        stmt = stmt.where(Item.entity_id == scope.entity_id)
    return stmt


def nav_children(archive: Archive, scope: Scope | None = None) -> list[NavNode]:
    """The children of a place in the tree (classes → years → months → units/persons),
    each with the number of items under it."""
    scope = scope or Scope()
    require(archive, Right.READ, "items")
    level = scope.level
    with archive.db.reading() as session:
        if level == "class":
            rows: Sequence[Any] = session.execute(
                select(ArchiveClass.code, ArchiveClass.name, func.count(Item.id))
                .join(Item, Item.class_id == ArchiveClass.id)
                .group_by(ArchiveClass.id, ArchiveClass.code, ArchiveClass.name)
                .order_by(ArchiveClass.code)
            ).all()
            return [NavNode(Scope(class_code=c), "class", n, int(k)) for c, n, k in rows]
        base = select().select_from(Item).join(ArchiveClass, ArchiveClass.id == Item.class_id)
        if level == "year":
            rows = session.execute(
                _scoped(base.add_columns(Item.year, func.count(Item.id)), scope)
                .group_by(Item.year)
                .order_by(Item.year.desc())
            ).all()
            return [NavNode(Scope(scope.class_code, int(y)), "year", "", int(k)) for y, k in rows]
        if level == "month":
            month = extract("month", Item.completed_on)
            rows = session.execute(
                _scoped(base.add_columns(month, func.count(Item.id)), scope)
                .group_by(month)
                .order_by(month)
            ).all()
            return [
                NavNode(Scope(scope.class_code, scope.year, int(m)), "month", "", int(k))
                for m, k in rows
            ]
        if level == "entity":
            rows = session.execute(
                _scoped(
                    base.join(Entity, Entity.id == Item.entity_id).add_columns(
                        Entity.id, Entity.name, Entity.kind, func.count(Item.id)
                    ),
                    scope,
                )
                .group_by(Entity.id, Entity.name, Entity.kind)
                .order_by(Entity.name)
                .limit(MAX_ENTITY_NODES)
            ).all()
            return [
                NavNode(
                    Scope(scope.class_code, scope.year, scope.month, int(eid)),
                    "entity",
                    name,
                    int(k),
                    kind,
                )
                for eid, name, kind, k in rows
            ]
    return []


# -- the item table ---------------------------------------------------------------------

SORT_COLUMNS = (
    "number",
    "title",
    "class",
    "business_type",
    "entity",
    "completed_on",
    "retention",
    "archival_code",
)


@dataclass(frozen=True)
class ItemQuery:
    scope: Scope = field(default_factory=Scope)
    text: str = ""  # part of the number, archival code, title or entity name
    sort: str = "number"
    descending: bool = False


@dataclass(frozen=True)
class ItemRow:
    id: int
    number: str
    archival_code: str
    title: str
    class_code: str
    business_type: str
    entity_name: str
    entity_kind: str
    completed_on: str
    retention: str
    retention_label: str
    materials: int
    pages: int


def _sort_key(sort: str) -> Any:
    return {
        "number": Item.number,
        "title": Item.title,
        "class": ArchiveClass.code,
        "business_type": BusinessType.name,
        "entity": Entity.name,
        "completed_on": Item.completed_on,
        "retention": Item.retention,
        "archival_code": Item.archival_code,
    }.get(sort, Item.number)


def item_ids(archive: Archive, query: ItemQuery) -> list[int]:
    """Ids of the items in the scope matching the text, in the order asked; the
    database sorts and filters, the caller fetches rows for the ids it shows.

    Each sort has an index ending in the number (migration 0004), so SQLite reads the
    ids from an index in order instead of sorting the table. The ids come straight
    from the database cursor: building a result row per id costs more than the query
    (100,000 ids: about 45 ms against 120 ms).

    Needs READ; each query is one VIEW_LIST access event with its filters (the rows
    fetched for it afterwards are not logged again)."""
    require(archive, Right.READ, "items")
    record(archive, AccessKind.VIEW_LIST, "items", _query_detail(query))
    with archive.db.reading() as session:
        result = session.connection().execute(item_ids_statement(query))
        try:
            # row by row: each row tuple is freed at once, so 100,000 of them never pile
            # up and start a full garbage collection (which holds every thread)
            return [row[0] for row in iter(result.cursor.fetchone, None)]
        finally:
            result.close()


def _query_detail(query: ItemQuery) -> dict[str, Any]:
    scope = {k: v for k, v in vars(query.scope).items() if v is not None}
    detail: dict[str, Any] = {"sort": query.sort, "descending": query.descending}
    if scope:
        detail["scope"] = scope
    if query.text.strip():
        detail["text"] = query.text.strip()[:200]
    return detail


def item_ids_statement(query: ItemQuery) -> Select[Any]:
    """The SELECT of `item_ids` (joins only what the sort or the text needs)."""
    stmt = select(Item.id)
    if query.sort == "class":
        stmt = stmt.join(ArchiveClass, ArchiveClass.id == Item.class_id)
    needs_type = query.sort == "business_type"
    needs_entity = query.sort == "entity" or bool(query.text.strip())
    if needs_type:
        stmt = stmt.join(BusinessType, BusinessType.id == Item.business_type_id)
    if needs_entity:
        stmt = stmt.join(Entity, Entity.id == Item.entity_id)
    stmt = _scoped(stmt, query.scope)
    text = query.text.strip()
    if text:
        like = f"%{_escape_like(text)}%"
        stmt = stmt.where(
            or_(
                Item.number.like(like, escape="\\"),
                Item.archival_code.like(like, escape="\\"),
                Item.title.like(like, escape="\\"),
                Entity.name.like(like, escape="\\"),
            )
        )
    keys = [_sort_key(query.sort)]
    if query.sort not in ("number", "archival_code"):  # unique: no tie to break
        keys.append(Item.number)
    return stmt.order_by(*(k.desc() for k in keys) if query.descending else keys)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def item_rows(archive: Archive, ids: Sequence[int]) -> dict[int, ItemRow]:
    """The table rows of these items (a block of what is on screen)."""
    if not ids:
        return {}
    require(archive, Right.READ, "items")
    with archive.db.reading() as session:
        counts = dict(
            (item_id, (int(n), int(p or 0)))
            for item_id, n, p in session.execute(
                select(Material.item_id, func.count(Material.id), func.sum(Material.pages))
                .where(Material.item_id.in_(list(ids)))
                .group_by(Material.item_id)
            )
        )
        rows = session.execute(
            select(
                Item.id,
                Item.number,
                Item.archival_code,
                Item.title,
                ArchiveClass.code,
                BusinessType.name,
                Entity.name,
                Entity.kind,
                Item.completed_on,
                Item.retention,
            )
            .join(ArchiveClass, ArchiveClass.id == Item.class_id)
            .join(BusinessType, BusinessType.id == Item.business_type_id)
            .join(Entity, Entity.id == Item.entity_id)
            .where(Item.id.in_(list(ids)))
        ).all()
    result: dict[int, ItemRow] = {}
    for iid, number, code, title, klass, bt, ename, ekind, done, retention in rows:
        materials, pages = counts.get(iid, (0, 0))
        result[iid] = ItemRow(
            id=iid,
            number=number,
            archival_code=code,
            title=title,
            class_code=klass,
            business_type=bt,
            entity_name=ename,
            entity_kind=ekind,
            completed_on=done.isoformat(),
            retention=retention,
            retention_label=Retention(retention).label,
            materials=materials,
            pages=pages,
        )
    return result


def item_id(archive: Archive, number: str) -> int | None:
    require(archive, Right.READ, f"item:{number}"[:200])
    with archive.db.reading() as session:
        found = session.scalar(select(Item.id).where(Item.number == number))
        return int(found) if found is not None else None


# -- pages ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageRef:
    item_page: int  # 1-based, counted through all the item's materials
    material_id: int
    material_seq: int
    material_title: str
    page: int  # 1-based within the material
    pages_in_material: int
    path: Path
    media_type: str


def item_pages(archive: Archive, number: str) -> list[PageRef]:
    """Every page of an item, materials in their order (READ; the page's text, when it is
    shown, is the access event)."""
    require(archive, Right.READ, f"item:{number}"[:200])
    with archive.db.reading() as session:
        rows = session.execute(
            select(Material.id, Material.seq, Material.title, Material.pages, Material.file)
            .add_columns(Material.media_type)
            .join(Item, Item.id == Material.item_id)
            .where(Item.number == number)
            .order_by(Material.seq)
        ).all()
    pages: list[PageRef] = []
    for mid, seq, title, count, file, media_type in rows:
        for page in range(1, count + 1):
            pages.append(
                PageRef(
                    len(pages) + 1,
                    mid,
                    seq,
                    title,
                    page,
                    count,
                    archive.root / file,
                    media_type,
                )
            )
    return pages


@dataclass(frozen=True)
class TextBox:
    text: str
    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class PageTextView:
    status: str  # done | failed | pending
    source: str  # ocr | text-layer | ""
    text: str
    lines: list[TextBox]
    width: int  # pixel size of the image the boxes refer to
    height: int
    error: str | None = None


def page_text(archive: Archive, material_id: int, page: int) -> PageTextView:
    """One page's text as the page viewer shows it beside the page: READ, one VIEW_ITEM
    access event per page shown, full ID numbers masked unless the person needs them
    (the mask keeps the length, so positions found in the text stay valid)."""
    person = require(archive, Right.READ, f"material:{material_id}")
    with archive.db.reading() as session:
        found = session.execute(
            select(Item.number, Material.seq)
            .join(Item, Item.id == Material.item_id)
            .where(Material.id == material_id)
        ).first()
        row = session.scalar(
            select(PageText).where(PageText.material_id == material_id, PageText.page == page)
        )
        if row is None:
            view = PageTextView("pending", "", "", [], 0, 0)
        else:
            boxes = [
                TextBox(str(entry[0]), int(entry[1]), int(entry[2]), int(entry[3]), int(entry[4]))
                for entry in (row.lines or [])
                if isinstance(entry, list) and len(entry) >= 5
            ]
            view = PageTextView(
                row.status, row.source, row.text, boxes, row.width, row.height, row.error
            )
    if found is not None:
        record(
            archive,
            AccessKind.VIEW_ITEM,
            f"item:{found[0]}"[:200],
            {"material": int(found[1]), "page": page},
        )
    if person.sees_id_numbers:
        return view
    return PageTextView(
        view.status,
        view.source,
        mask_id_numbers(view.text),
        [TextBox(mask_id_numbers(b.text), b.left, b.top, b.width, b.height) for b in view.lines],
        view.width,
        view.height,
        view.error,
    )


@dataclass(frozen=True)
class PagePixels:
    """A page ready to show: packed pixels decoded in the core (`mode` "1", "L" or "RGB";
    rows of a 1-bit page padded to whole bytes, a set bit white)."""

    raw: bytes
    width: int
    height: int
    mode: str


def page_pixels(ref: PageRef, dpi: int = 150, fit: tuple[int, int] | None = None) -> PagePixels:
    """The pixels of one page for display (PDF pages rendered with PDFium at `dpi`;
    `fit` shrinks the page to at most that size, for thumbnails)."""
    from archivist.formats import images, render

    index = ref.page - 1
    try:
        with tempfile.TemporaryDirectory(prefix="archivist-view-") as tmp:
            if ref.media_type == "application/pdf":
                source, frame = Path(tmp) / "page.png", 0
                with _RENDER_LOCK:
                    render.render_page(ref.path, index, source, dpi)
            else:
                source, frame = ref.path, index
            pixels = images.display_frame(source, frame, fit)
    except ArchivistError:
        raise
    except Exception:  # any decoder's failure on a damaged file: named, logged, not fatal
        log.warning("page %d of %s not shown", ref.page, ref.path, exc_info=True)
        raise InputError("view.page_unreadable", page=ref.item_page, file=ref.path.name) from None
    return PagePixels(pixels.data, pixels.width, pixels.height, pixels.mode)


# -- capture helpers ----------------------------------------------------------------------


@dataclass(frozen=True)
class KnownEntity:
    kind: str
    name: str
    id_number: str | None
    unit_code: str | None


def entities_like(archive: Archive, text: str, limit: int = 50) -> list[KnownEntity]:
    """Existing units and persons whose name starts with (or contains) `text` (READ; ID
    numbers masked unless the person needs them)."""
    text = text.strip()
    if not text:
        return []
    person = require(archive, Right.READ, "entities")
    like = f"%{_escape_like(text)}%"
    with archive.db.reading() as session:
        rows = session.execute(
            select(Entity.kind, Entity.name, Entity.id_number, Entity.unit_code)
            .where(Entity.name.like(like, escape="\\"))
            .order_by(Entity.name.like(f"{_escape_like(text)}%", escape="\\").desc(), Entity.name)
            .limit(limit)
        ).all()
    if person.sees_id_numbers:
        return [KnownEntity(k, n, i, u) for k, n, i, u in rows]
    return [KnownEntity(k, n, mask_id_number(i) if i else i, u) for k, n, i, u in rows]


def capture_order(archive: Archive, number: str) -> list[int]:
    """The 0-based capture index of each material, in the item's order (seq)."""
    with archive.db.reading() as session:
        return list(
            session.scalars(
                select(Material.capture_index)
                .join(Item, Item.id == Material.item_id)
                .where(Item.number == number)
                .order_by(Material.seq)
            )
        )


# -- OCR failures -----------------------------------------------------------------------


@dataclass(frozen=True)
class OcrFailure:
    number: str
    material_title: str
    material_id: int
    page: int
    code: str | None
    reason: str
    at: str


def ocr_failures(archive: Archive, limit: int = 500) -> list[OcrFailure]:
    """Pages whose OCR failed, newest first, with the reason (READ)."""
    require(archive, Right.READ, "ocr_failures")
    with archive.db.reading() as session:
        rows = session.execute(
            select(
                Item.number,
                Material.title,
                Material.id,
                PageText.page,
                PageText.error_code,
                PageText.error,
                PageText.updated_at,
            )
            .join(Material, Material.id == PageText.material_id)
            .join(Item, Item.id == Material.item_id)
            .where(PageText.status == "failed")
            .order_by(PageText.updated_at.desc(), PageText.id.desc())
            .limit(limit)
        ).all()
    return [OcrFailure(n, t, int(m), int(p), c, e or "", a) for n, t, m, p, c, e, a in rows]


def type_retention(archive: Archive, class_code: str, business_type: str) -> str:
    """The retention period code a class and business type give (the class default
    when the type has none); InputError when none is set or it is kept as accounting
    records, exactly as capture and renumbering would refuse it."""
    from archivist.rules import scheme

    with archive.db.reading() as session:
        return scheme.resolve(session, class_code, business_type).retention.code


def scheme_table(archive: Archive) -> list[dict[str, Any]]:
    """The classification scheme (as `archivist scheme list --json` shows it)."""
    from archivist.rules import scheme

    with archive.db.reading() as session:
        return scheme.describe(session)
