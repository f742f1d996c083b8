"""Search as the application uses it: documents from the database, an index kept up
to date after every change, and hits with a snippet and the page they were found on."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.changes.states import ItemState, OcrPageState
from archivist.db.engine import GENERATION_KEY, PENDING_KEY, load_pending
from archivist.db.models import Entity, Item, Material, PageText, Setting
from archivist.errors import ArchiveError, InputError
from archivist.search import query as q
from archivist.search.index import ENGINES, Filters, TextIndex, open_index
from archivist.search.masking import mask_id_numbers
from archivist.search.tokens import PAGE_BREAK, join_wrapped, query_words
from archivist.storage.filestore import OperationLock
from archivist.storage.journal import lock_on_disk, try_lock

log = logging.getLogger(__name__)

STALE_MARK = ".stale"
SNIPPET_RADIUS = 30
BATCH = 500
# Beside the index: the database's change counter (settings `search.generation`) the
# index was last brought up to; and the lock that makes "read the changed items, write
# them to the index, note them done" one step across processes.
GENERATION_FILE = "archivist-generation.json"
UPDATE_LOCK = ".update.lock"  # in index/, only while held
UPDATE_WAIT_SECONDS = 10.0
PRUNE_AT = 32  # indexed changes kept in the database's note before it is pruned


def index_folder(archive: Archive) -> Path:
    return _index(archive).folder


def _index(archive: Archive) -> TextIndex:
    """The archive's index in `index/<engine>/`, the engine as the archive's settings say.
    A read-only archive searches a private copy (in a temporary folder) instead: the
    engines write lock files even to read."""
    if archive.search_index is None:
        engine = archive.setting("search_engine")
        folder = archive.root / "index" / engine
        if archive.read_only:
            folder = _scratch_copy(archive, folder)
        archive.search_index = open_index(engine, folder)
    index: TextIndex = archive.search_index
    return index


def _scratch_copy(archive: Archive, folder: Path) -> Path:
    scratch = Path(tempfile.mkdtemp(prefix="archivist-index-"))
    archive.scratch_folders.append(scratch)
    copy = scratch / folder.name
    try:
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("*.lock", STALE_MARK))
        for path in [copy, *copy.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o600 | (0o100 if path.is_dir() else 0))
    except OSError:  # no index, or an unreadable one: built afresh in the copy
        shutil.rmtree(copy, ignore_errors=True)
    if (folder / STALE_MARK).exists():
        copy.mkdir(parents=True, exist_ok=True)
        (copy / STALE_MARK).write_text("rebuild before the next search\n", encoding="utf-8")
    return copy


# -- keeping the index in step with the database ---------------------------------------
@dataclass(frozen=True)
class ChangeState:
    """The database's change counter and the changes not yet known to be indexed."""

    generation: int
    pending: dict[str, dict[str, list[Any]]]

    @property
    def overflow(self) -> bool:
        """Too many changes were noted to list: compare the whole index instead."""
        return any(entry.get("overflow") for entry in self.pending.values())

    def after(self, indexed: int | None) -> ChangeState:
        """Only the changes an index brought up to `indexed` lacks (None: all)."""
        if indexed is None:
            return self
        later = {k: v for k, v in self.pending.items() if _gen(k) > indexed}
        return ChangeState(self.generation, later)

    def changes(self) -> tuple[set[int], set[str]]:
        items: set[int] = set()
        removed: set[str] = set()
        for entry in self.pending.values():
            items.update(int(i) for i in entry.get("items", []))
            removed.update(str(n) for n in entry.get("removed", []))
        return items, removed


def _gen(key: str) -> int:
    try:
        return int(key)
    except ValueError:
        return 0


def change_state(session: Session) -> ChangeState:
    rows = dict(
        session.execute(
            select(Setting.key, Setting.value).where(Setting.key.in_((GENERATION_KEY, PENDING_KEY)))
        ).all()
    )
    try:
        generation = int(rows.get(GENERATION_KEY) or 0)
    except ValueError:
        generation = 0
    return ChangeState(generation, load_pending(rows.get(PENDING_KEY)))


def read_generation(folder: Path) -> int | None:
    """The change counter the index in `folder` was last brought up to (None: unknown)."""
    try:
        value = json.loads((folder / GENERATION_FILE).read_text(encoding="utf-8"))["generation"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return value if isinstance(value, int) else None


def _write_generation(folder: Path, generation: int) -> None:
    temp = folder / f"{GENERATION_FILE}.tmp"
    temp.write_text(json.dumps({"generation": generation}), encoding="utf-8")
    os.replace(temp, folder / GENERATION_FILE)


@contextlib.contextmanager
def _update_lock(folder: Path, wait: float | None = None) -> Iterator[bool]:
    """One process at a time reads changes, writes them to the index and notes them.
    Yields False if another held it longer than `wait` seconds (None: wait for it)."""
    path = folder.parent / f".{folder.name}{UPDATE_LOCK}"
    lock: OperationLock | None = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        if wait is None:
            lock = lock_on_disk(path)
        else:
            deadline = time.monotonic() + wait
            while (lock := try_lock(path)) is None and time.monotonic() < deadline:
                time.sleep(0.05)
            if lock is None:
                yield False
                return
    except OSError:  # a folder we cannot lock in: go on as before locks
        lock = None
    try:
        yield True
    finally:
        if lock is not None:
            # Removed while held (the next one makes a fresh file): nothing is left over.
            with contextlib.suppress(OSError):
                path.unlink()
            lock.release()


@contextlib.contextmanager
def _derived_write(archive: Archive) -> Iterator[Session]:
    """A write transaction of the search service's own, outside the unit of work: a
    named exception to "every write goes through `archive.change`". It only prunes the
    database's note of changes the index already holds (settings `search.pending`):
    bookkeeping of derived data that no person decides, with nothing to audit, and that
    a rebuild of the index makes again."""
    with archive.db.writing() as session:
        yield session


def _settle(archive: Archive, folder: Path, state: ChangeState, prune: bool = False) -> None:
    """The index now holds every change up to `state.generation`: record that beside
    the index. Changes up to there are dropped from the database's note only now and
    then (not one more write transaction per capture): until then the generation file
    says they are done."""
    _write_generation(folder, state.generation)
    done = [v for k, v in state.pending.items() if _gen(k) <= state.generation]
    # An overflowed note goes at once: later changes would be merged into it.
    prune = prune or len(done) >= PRUNE_AT or any(v.get("overflow") for v in done)
    if archive.read_only or not done or not prune:
        return
    with _derived_write(archive) as session:
        row = session.get(Setting, PENDING_KEY)
        if row is None:
            return
        pending = load_pending(row.value)
        kept = {k: v for k, v in pending.items() if _gen(k) > state.generation}
        if kept != pending:
            row.value = json.dumps(kept, ensure_ascii=False)


def reconcile(archive: Archive) -> int:
    """Bring the index in step with the database after a crash between a commit and its
    index update (or any other drift the change counter shows). Cheap when in step: two
    settings rows and one small file are read. Returns the number of items re-indexed."""
    with archive.db.reading() as session:
        state = change_state(session)
        engine = session.get(Setting, "search_engine")
    name = engine.value if engine is not None else "tantivy"
    folder = archive.root / "index" / name
    if archive.read_only or name not in ENGINES or not folder.is_dir():
        # No index yet (built before the first search), or a read-only archive (searched
        # through a private copy, brought in step there by ensure_index).
        return 0
    indexed = read_generation(folder)
    if indexed == state.generation:
        return 0
    return _catch_up(archive, indexed, state)


def _catch_up(archive: Archive, indexed: int | None, state: ChangeState) -> int:
    index = _index(archive)
    if (index.folder / STALE_MARK).exists() or (not index.checked and index.needs_rebuild()):
        return _rebuild(archive)
    index.checked = True
    if indexed is not None and indexed > state.generation:
        return _rebuild(archive)  # the database is older than the index (a restored backup)
    if indexed is None or (indexed < state.generation and not state.after(indexed).pending):
        # Nothing says which changes the index lacks: compare what it holds.
        return _bring_in_step(archive, index, compare=True)
    return _bring_in_step(archive, index)


def _bring_in_step(
    archive: Archive,
    index: TextIndex,
    item_ids: Iterable[int] = (),
    removed: Iterable[str] = (),
    *,
    compare: bool = False,
) -> int:
    """Index the given items and every change still pending, then note them done.
    With `compare` (or when the note overflowed), also whatever a comparison of the
    index with the database finds missing, gone or out of date."""
    with _update_lock(index.folder, wait=UPDATE_WAIT_SECONDS) as locked:
        if not locked:
            # Another process is rebuilding or updating the index: the changes stay
            # noted in the database and the next update (or opening) indexes them.
            return 0
        with archive.db.reading() as session:
            state = change_state(session)
        later = state.after(read_generation(index.folder))
        wanted, gone = set(item_ids), set(removed)
        pending_items, pending_removed = later.changes()
        wanted |= pending_items
        gone |= pending_removed
        if compare or later.overflow:
            drift = index_drift(archive, index)
            wanted.update(drift.missing_ids + drift.stale_ids)
            gone.update(drift.orphans)
        with archive.db.reading() as session:
            docs = list(documents(session, wanted))
        present = {str(d["number"]) for d in docs}
        index.update(docs, remove=sorted(gone - present))
        _settle(archive, index.folder, state)
    return len(docs)


@dataclass(frozen=True)
class IndexDrift:
    """How the index differs from the database (for `verify` and reconciling)."""

    missing: list[str]  # items in the database the index lacks
    orphans: list[str]  # index entries of items not in the database
    stale: list[str]  # entries that differ from their item, or with a change pending
    missing_ids: list[int]
    stale_ids: list[int]

    @property
    def clean(self) -> bool:
        return not (self.missing or self.orphans or self.stale)


DRIFT_FIELDS = ("archival_code", "status", "title", "klass", "business_type", "completed_on")
DRIFT_BATCH = 2000


def index_drift(archive: Archive, index: TextIndex | None = None) -> IndexDrift:
    """Compare the index's entries with the database's items, by the stored fields. The
    entries go to a scratch file and the items are read in batches: memory stays the same
    whatever the number of items."""
    from archivist.db.models import ArchiveClass, BusinessType
    from archivist.db.scratch import Scratch

    index = index or _index(archive)
    with archive.db.reading() as session:
        indexed = read_generation(index.folder)
        pending_items, _removed = change_state(session).after(indexed).changes()
        classes = dict(session.execute(select(ArchiveClass.id, ArchiveClass.code)).all())
        types = dict(session.execute(select(BusinessType.id, BusinessType.name)).all())
    missing: list[tuple[str, int]] = []
    stale: list[tuple[str, int]] = []
    with Scratch() as scratch:
        scratch.execute(
            "CREATE TABLE entries (number TEXT PRIMARY KEY, fields TEXT NOT NULL,"
            " seen INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"
        )
        put = "INSERT OR REPLACE INTO entries (number, fields) VALUES (?, ?)"
        entries: list[tuple[str, str]] = []
        for document in () if index.needs_rebuild() else index.stored_documents():
            entries.append((str(document.get("number")), _drift_text(document)))
            if len(entries) >= DRIFT_BATCH:
                scratch.executemany(put, entries)
                entries.clear()
        scratch.executemany(put, entries)
        for rows in _drift_rows(archive):
            numbers = [row[1] for row in rows]
            stored = dict(
                scratch.lookup(
                    "SELECT number, fields FROM entries WHERE number IN ({keys})", [], numbers
                )
            )
            for item_id, number, code, status, title, completed, class_id, type_id in rows:
                entry = stored.get(number)
                if entry is None:
                    missing.append((number, item_id))
                    continue
                expected = {
                    "archival_code": code,
                    "status": status,
                    "title": title,
                    "klass": classes.get(class_id),
                    "business_type": types.get(type_id),
                    "completed_on": completed.isoformat(),
                }
                if item_id in pending_items or entry != _drift_text(expected):
                    stale.append((number, item_id))
            scratch.lookup("UPDATE entries SET seen = 1 WHERE number IN ({keys})", [], numbers)
        orphans = [n for (n,) in scratch.execute("SELECT number FROM entries WHERE seen = 0")]
    return IndexDrift(
        missing=sorted(n for n, _ in missing),
        orphans=sorted(orphans),
        stale=sorted(n for n, _ in stale),
        missing_ids=sorted(i for _, i in missing),
        stale_ids=sorted(i for _, i in stale),
    )


def _drift_text(fields: dict[str, Any]) -> str:
    """The compared fields of an entry or an item as one text (empty for none)."""
    return json.dumps([str(fields.get(k) or "") for k in DRIFT_FIELDS], ensure_ascii=False)


def _drift_rows(archive: Archive) -> Iterator[list[Any]]:
    """The items' compared columns, in batches by id."""
    last = 0
    while True:
        with archive.db.reading() as session:
            rows = session.execute(
                select(
                    Item.id,
                    Item.number,
                    Item.archival_code,
                    Item.status,
                    Item.title,
                    Item.completed_on,
                    Item.class_id,
                    Item.business_type_id,
                )
                .where(Item.id > last)
                .order_by(Item.id)
                .limit(DRIFT_BATCH)
            ).all()
        if not rows:
            return
        last = rows[-1][0]
        yield list(rows)


def _remove_other_engines(archive: Archive, keep: Path) -> None:
    """Derived files another engine (or an older layout) left in `index/`."""
    top = archive.root / "index"
    for path in top.iterdir() if top.is_dir() else ():
        if path == keep:
            continue
        if path.is_dir() and path.name in ENGINES:
            shutil.rmtree(path, ignore_errors=True)
        elif path.is_file() and not path.name.endswith(UPDATE_LOCK):
            # Whoosh's files, from before engines had folders
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
            .where(PageText.material_id.in_(material_ids), PageText.status == OcrPageState.DONE)
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
    if item.status == ItemState.DESTROYED:
        # A stub: found by its number, code and title; nothing of its content — no
        # people named in it, no ID numbers, no text (archive-rules §11).
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
            "entity": "",
            "persons": "",
            "business": f"{item.business_type.name} {item.archive_class.name}",
            "codes": " ".join((item.number, item.archival_code)),
            "content": "",
        }
    identifiers = [item.number, item.archival_code, entity.id_number or "", entity.unit_code or ""]
    persons = []
    for entry in item.roster:
        persons.append(entry.name)
        person = people.get(entry.entity_id or -1)
        if person and person.id_number:
            identifiers.append(person.id_number)
    # Pages (and material titles) stay apart: a phrase is never found across two pages.
    content = PAGE_BREAK.join(t for m in item.materials for t in [m.title, *texts.get(m.id, [])])
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
    """Build the index anew from the database (`archivist reindex`): refused for a
    read-only archive, whose index cannot be replaced. The system administrator (index
    upkeep) or anyone who reads the archive may."""
    if not (archive.person and archive.person.may(Right.MAINTAIN)):
        require(archive, Right.READ, "reindex")
    if archive.read_only:
        raise ArchiveError("archive.read_only", path=str(archive.root))
    return _rebuild(archive, progress, procs)


def _rebuild(
    archive: Archive,
    progress: Callable[[int, int, str], None] | None = None,
    procs: int | None = None,
) -> int:
    """Build the index anew from the database (for a read-only archive: its copy)."""
    index = _index(archive)
    if not archive.read_only:
        _remove_other_engines(archive, index.folder)
    with _update_lock(index.folder):
        index.create_empty()
        index.checked = True
        with archive.db.reading() as session:
            state = change_state(session)
            total = session.query(Item).count()

            def counted() -> Iterator[dict[str, Any]]:
                for done, document in enumerate(documents(session), start=1):
                    if progress and (done % 200 == 0 or done == total):
                        progress(done, total, document["number"])
                    yield document

            count = index.add_many(counted(), procs=procs or 1)
        _settle(archive, index.folder, state, prune=True)
    with contextlib.suppress(FileNotFoundError):
        (index_folder(archive) / STALE_MARK).unlink()
    return count


def ensure_index(archive: Archive) -> TextIndex:
    index = _index(archive)
    if (index_folder(archive) / STALE_MARK).exists() or (
        not index.checked and index.needs_rebuild()
    ):
        log.info("search index in %s is stale or unreadable: rebuilding it", index.folder)
        _rebuild(archive)
    elif not index.checked and archive.read_only:
        # A read-only archive's private copy, brought in step with the database here.
        with archive.db.reading() as session:
            state = change_state(session)
        indexed = read_generation(index.folder)
        if indexed != state.generation:
            index.checked = True
            _catch_up(archive, indexed, state)
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
                log.info("search index in %s is stale or unreadable: rebuilding it", folder)
                _rebuild(archive)
                return
            index.checked = True
        _bring_in_step(archive, index, item_ids, removed_numbers)
    except Exception:
        log.exception("search index update failed: marked stale, rebuilt before the next search")
        mark_stale(archive, folder)


def mark_stale(archive: Archive, folder: Path | None = None) -> None:
    """The index could not be brought up to date: rebuild it before the next search."""
    try:
        folder = folder or index_folder(archive)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / STALE_MARK).write_text("rebuild before the next search\n", encoding="utf-8")
    except Exception:  # the index is checked again when the archive is next opened
        log.exception("search index in %s could not be marked stale", folder)


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
    offset: int = 0,
) -> tuple[int, list[SearchHit]]:
    """The number of items found, and `limit` hits after the first `offset` (for paging
    through all of them). Needs READ; full ID numbers in snippets are masked unless the
    person needs them. A search (its first page) is one SEARCH access event with the query
    and the number of items found; the further pages of it are not logged again."""
    person = require(archive, Right.READ, "search")
    reveal_ids = person.sees_id_numbers
    if limit < 1 or offset < 0:
        raise InputError("search.bad_page", limit=limit, offset=offset)
    q.parse(text)  # a malformed query is refused before the index is touched
    index = ensure_index(archive)
    try:
        total, hits = index.search(
            text, filters or Filters(), limit=limit, sort=sort, offset=offset
        )
    except InputError:
        raise
    except Exception:
        log.warning("search failed on the index in %s: rebuilding it", index.folder, exc_info=True)
        _rebuild(archive)
        total, hits = index.search(
            text, filters or Filters(), limit=limit, sort=sort, offset=offset
        )
    if offset == 0:
        record(
            archive,
            AccessKind.SEARCH,
            f"search:{text}"[:200],
            {"query": text[:1000], "hits": total, "filters": _filters_detail(filters)},
        )
    words = query_words(text)
    results: list[SearchHit] = []
    with archive.db.reading() as session:
        places = _locate_all(session, [hit.number for hit in hits], words, reveal_ids)
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


def _filters_detail(filters: Filters | None) -> dict[str, Any]:
    if filters is None:
        return {}
    return {k: v for k, v in vars(filters).items() if v not in (None, "", (), [])}


def _locate_all(
    session: Session, numbers: list[str], words: list[str], reveal_ids: bool = False
) -> dict[str, tuple[int | None, int | None, str]]:
    """For each item, where the query's words occur most: (material seq, page of the
    item counted through all its materials, marked snippet). One query for all hits."""
    if not numbers:
        return {}
    rows = session.execute(
        select(Item.number, Material.seq, Material.pages, PageText.page, PageText.text)
        .join(Item, Item.id == Material.item_id)
        .outerjoin(
            PageText,
            (PageText.material_id == Material.id) & (PageText.status == OcrPageState.DONE),
        )
        .where(Item.number.in_(numbers))
        .order_by(Item.number, Material.seq, PageText.page)
    ).all()
    by_item: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_item[row[0]].append(row[1:])
    return {number: _locate(item_rows, words, reveal_ids) for number, item_rows in by_item.items()}


def _locate(
    rows: Sequence[Any], words: list[str], reveal_ids: bool = False
) -> tuple[int | None, int | None, str]:
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
        lowered = join_wrapped(text).lower()
        score = sum(1 for w in words if w in lowered)
        if score and (best is None or score > best[0]):
            best = (score, seq, offsets[seq] + page, text)
    if best is None:
        return None, None, ""
    _, seq, item_page, text = best
    return seq, item_page, make_snippet(text, words, reveal_ids=reveal_ids)


def make_snippet(
    text: str, words: list[str], radius: int = SNIPPET_RADIUS, *, reveal_ids: bool = False
) -> str:
    """About 2×radius characters around the first match, matches marked with 【】; lines
    wrapped inside Chinese text joined; full ID numbers masked unless `reveal_ids`."""
    flat = " ".join(join_wrapped(text).split())
    shown = flat if reveal_ids else mask_id_numbers(flat)  # same length, same places
    lowered = flat.lower()
    positions = [lowered.find(w) for w in words if w and lowered.find(w) >= 0]
    if not positions:
        return shown[: radius * 2]
    first = min(positions)
    start, end = max(0, first - radius), min(len(flat), first + radius * 2)
    marked = _mark(shown[start:end], words, flat[start:end])
    return ("…" if start > 0 else "") + marked + ("…" if end < len(flat) else "")


def _mark(text: str, words: list[str], found_in: str | None = None) -> str:
    """Wrap every occurrence of any word in 【】, merging overlapping matches. The
    words are looked for in `found_in` (the text before masking) when given."""
    lowered = (text if found_in is None else found_in).lower()
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
