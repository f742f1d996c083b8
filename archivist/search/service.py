"""Search as the application uses it: documents from the database, an index kept up
to date after every change, and hits with a snippet and the page they were found on."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from archivist.archive import Archive
from archivist.db.models import Entity, Item, Material, PageText
from archivist.errors import InputError
from archivist.search.index import ENGINES, Filters, TextIndex, open_index
from archivist.search.tokens import query_words

STALE_MARK = ".stale"
SNIPPET_RADIUS = 30
BATCH = 500


def index_folder(archive: Archive) -> Path:
    return _index(archive).folder


def _index(archive: Archive) -> TextIndex:
    """The archive's index in `index/<engine>/`, the engine as the archive's settings say."""
    if archive.search_index is None:
        engine = archive.setting("search_engine")
        archive.search_index = open_index(engine, archive.root / "index" / engine)
    index: TextIndex = archive.search_index
    return index


def _remove_other_engines(archive: Archive, keep: Path) -> None:
    """Derived files another engine (or an older layout) left in `index/`."""
    top = archive.root / "index"
    for path in top.iterdir() if top.is_dir() else ():
        if path == keep:
            continue
        if path.is_dir() and path.name in ENGINES:
            shutil.rmtree(path, ignore_errors=True)
        elif path.is_file():  # Whoosh's files, from before engines had folders
            with contextlib.suppress(OSError):
                path.unlink()


@contextlib.contextmanager
def indexing_batch(archive: Archive) -> Iterator[None]:
    """Collect index updates of many changes (a demo, a hot-folder burst, an import)
    and apply them in one index commit at the end."""
    if archive.index_batch is not None:
        yield
        return
    archive.index_batch, archive.index_removals = set(), []
    try:
        yield
    finally:
        ids, removed = archive.index_batch, archive.index_removals
        archive.index_batch, archive.index_removals = None, []
        if ids or removed:
            refresh_items(archive, ids, removed)


def documents(session: Session, item_ids: Iterable[int] | None = None) -> Iterator[dict[str, Any]]:
    """Index documents for items (all when `item_ids` is None), in batches."""
    wanted = sorted(set(item_ids)) if item_ids is not None else None
    last_id = 0
    while True:
        stmt = (
            select(Item)
            .order_by(Item.id)
            .limit(BATCH)
            .options(
                selectinload(Item.entity),
                selectinload(Item.archive_class),
                selectinload(Item.business_type),
                selectinload(Item.roster),
                selectinload(Item.materials),
            )
        )
        if wanted is not None:
            chunk = [i for i in wanted if i > last_id][:BATCH]
            if not chunk:
                return
            stmt = stmt.where(Item.id.in_(chunk))
        else:
            stmt = stmt.where(Item.id > last_id)
        items = session.scalars(stmt).all()
        if not items:
            return
        texts = _page_texts(session, [m.id for item in items for m in item.materials])
        people = _roster_people(session, items)
        for item in items:
            yield _document(item, texts, people)
        last_id = items[-1].id
        session.expunge_all()


def _page_texts(session: Session, material_ids: list[int]) -> dict[int, list[str]]:
    texts: dict[int, list[str]] = defaultdict(list)
    if material_ids:
        rows = session.execute(
            select(PageText.material_id, PageText.text)
            .where(PageText.material_id.in_(material_ids), PageText.status == "done")
            .order_by(PageText.material_id, PageText.page)
        )
        for material_id, text in rows:
            texts[material_id].append(text)
    return texts


def _roster_people(session: Session, items: Sequence[Item]) -> dict[int, Entity]:
    ids = {r.entity_id for item in items for r in item.roster if r.entity_id}
    if not ids:
        return {}
    return {e.id: e for e in session.scalars(select(Entity).where(Entity.id.in_(ids)))}


def _document(item: Item, texts: dict[int, list[str]], people: dict[int, Entity]) -> dict[str, Any]:
    entity = item.entity
    identifiers = [item.number, item.archival_code, entity.id_number or "", entity.unit_code or ""]
    persons = []
    for entry in item.roster:
        persons.append(entry.name)
        person = people.get(entry.entity_id or -1)
        if person and person.id_number:
            identifiers.append(person.id_number)
    content = "\n".join(t for m in item.materials for t in [m.title, *texts.get(m.id, [])])
    return {
        "number": item.number,
        "archival_code": item.archival_code,
        "klass": item.archive_class.code,
        "business_type": item.business_type.name,
        "entity_kind": entity.kind,
        "completed_on": item.completed_on.isoformat(),
        "day": int(item.completed_on.strftime("%Y%m%d")),
        "year": item.year,
        "retention": item.retention,
        "status": item.status,
        "title": item.title,
        "entity": entity.name,
        "persons": " ".join(persons),
        "business": f"{item.business_type.name} {item.archive_class.name}",
        "codes": " ".join(i for i in identifiers if i),
        "content": content,
    }


def rebuild(
    archive: Archive,
    progress: Callable[[int, int, str], None] | None = None,
    procs: int | None = None,
) -> int:
    """Build the index anew from the database."""
    index = _index(archive)
    _remove_other_engines(archive, index.folder)
    index.create_empty()
    index.checked = True
    with archive.db.reading() as session:
        total = session.query(Item).count()

        def counted() -> Iterator[dict[str, Any]]:
            for done, document in enumerate(documents(session), start=1):
                if progress and (done % 200 == 0 or done == total):
                    progress(done, total, document["number"])
                yield document

        count = index.add_many(counted(), procs=procs or 1)
    with contextlib.suppress(FileNotFoundError):
        (index_folder(archive) / STALE_MARK).unlink()
    return count


def ensure_index(archive: Archive) -> TextIndex:
    index = _index(archive)
    if (index_folder(archive) / STALE_MARK).exists() or (
        not index.checked and index.needs_rebuild()
    ):
        rebuild(archive)
    index.checked = True
    return index


def refresh_items(
    archive: Archive, item_ids: Iterable[int], removed_numbers: Iterable[str] = ()
) -> None:
    """Bring the index up to date after a change. The index is derived data: if it
    cannot be updated now, it is marked stale and rebuilt before the next search."""
    if archive.index_batch is not None:
        archive.index_batch.update(item_ids)
        archive.index_removals.extend(removed_numbers)
        return
    folder = index_folder(archive)
    try:
        index = _index(archive)
        if not index.checked:
            if index.needs_rebuild() or (folder / STALE_MARK).exists():
                rebuild(archive)
                return
            index.checked = True
        with archive.db.reading() as session:
            docs = list(documents(session, item_ids))
        index.update(docs, remove=list(removed_numbers))
    except Exception:
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / STALE_MARK).write_text("rebuild before the next search\n", encoding="utf-8")


@dataclass(frozen=True)
class SearchHit:
    number: str
    title: str
    score: float
    material: int | None
    page: int | None
    snippet: str
    fields: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "score": round(self.score, 4),
            "material": self.material,
            "page": self.page,
            "snippet": self.snippet,
            "archival_code": self.fields.get("archival_code"),
            "class": self.fields.get("klass"),
            "business_type": self.fields.get("business_type"),
            "entity": self.fields.get("entity"),
            "completed_on": self.fields.get("completed_on"),
        }


def search(
    archive: Archive,
    text: str,
    filters: Filters | None = None,
    *,
    limit: int = 20,
    sort: str = "score",
) -> tuple[int, list[SearchHit]]:
    index = ensure_index(archive)
    try:
        total, hits = index.search(text, filters or Filters(), limit=limit, sort=sort)
    except InputError:
        raise
    except Exception:
        rebuild(archive)
        total, hits = index.search(text, filters or Filters(), limit=limit, sort=sort)
    words = query_words(text)
    results: list[SearchHit] = []
    with archive.db.reading() as session:
        places = _locate_all(session, [hit.number for hit in hits], words)
    for hit in hits:
        material, page, snippet = places.get(hit.number, (None, None, ""))
        results.append(
            SearchHit(
                hit.number,
                str(hit.fields.get("title", "")),
                hit.score,
                material,
                page,
                snippet,
                hit.fields,
            )
        )
    return total, results


def _locate_all(
    session: Session, numbers: list[str], words: list[str]
) -> dict[str, tuple[int | None, int | None, str]]:
    """For each item, where the query's words occur most: (material seq, page of the
    item counted through all its materials, marked snippet). One query for all hits."""
    if not numbers:
        return {}
    rows = session.execute(
        select(Item.number, Material.seq, Material.pages, PageText.page, PageText.text)
        .join(Item, Item.id == Material.item_id)
        .outerjoin(PageText, (PageText.material_id == Material.id) & (PageText.status == "done"))
        .where(Item.number.in_(numbers))
        .order_by(Item.number, Material.seq, PageText.page)
    ).all()
    by_item: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_item[row[0]].append(row[1:])
    return {number: _locate(item_rows, words) for number, item_rows in by_item.items()}


def _locate(rows: Sequence[Any], words: list[str]) -> tuple[int | None, int | None, str]:
    offsets: dict[int, int] = {}
    running = 0
    for seq, pages, _page, _text in rows:
        if seq not in offsets:
            offsets[seq] = running
            running += pages
    best: tuple[int, int, int, str] | None = None
    for seq, _pages, page, text in rows:
        if text is None:
            continue
        lowered = text.lower()
        score = sum(1 for w in words if w in lowered)
        if score and (best is None or score > best[0]):
            best = (score, seq, offsets[seq] + page, text)
    if best is None:
        return None, None, ""
    _, seq, item_page, text = best
    return seq, item_page, make_snippet(text, words)


def make_snippet(text: str, words: list[str], radius: int = SNIPPET_RADIUS) -> str:
    """About 2×radius characters around the first match, matches marked with 【】."""
    flat = " ".join(text.split())
    lowered = flat.lower()
    positions = [lowered.find(w) for w in words if w and lowered.find(w) >= 0]
    if not positions:
        return flat[: radius * 2]
    first = min(positions)
    start, end = max(0, first - radius), min(len(flat), first + radius * 2)
    window = flat[start:end]
    return ("…" if start > 0 else "") + _mark(window, words) + ("…" if end < len(flat) else "")


def _mark(text: str, words: list[str]) -> str:
    """Wrap every occurrence of any word in 【】, merging overlapping matches."""
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for word in {w for w in words if w}:
        found = lowered.find(word)
        while found >= 0:
            spans.append((found, found + len(word)))
            found = lowered.find(word, found + 1)
    merged: list[list[int]] = []
    for begin, finish in sorted(spans):
        if merged and begin <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], finish)
        else:
            merged.append([begin, finish])
    out, cursor = [], 0
    for begin, finish in merged:
        out.append(text[cursor:begin] + "【" + text[begin:finish] + "】")
        cursor = finish
    return "".join(out) + text[cursor:]


def default_procs() -> int:
    return max(1, (os.cpu_count() or 1))
