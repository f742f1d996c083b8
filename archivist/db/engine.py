"""Engines and sessions: one short transaction per user action or job step.

SQLite is the embedded default. Writers take the database lock when their transaction
starts (BEGIN IMMEDIATE), so two processes capturing at once serialise on number
allocation instead of failing half-way; readers never block writers (WAL).

Every write transaction that changes what the search index holds (items, their
materials, roster, page texts, entities, classes) also bumps a change counter and
notes the items it changed (settings `search.generation` and `search.pending`), in the
same transaction: the index is reconciled from that note if a process dies between
its commit and its index update (archivist.search.service.reconcile).

Every write transaction that changes a volume, its entries or its items' rows also
moves the volume's revision on, in the same transaction (`_bump_volume_revisions`):
the handover check compares revisions, never the audit trail.

An archive that cannot be written (a read-only copy, a write-protected disc) is opened
read-only: SQLite in `mode=ro` (or `immutable=1` when not even the WAL's shared-memory
file can be created), and every write transaction refused with a clear message.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, inspect, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from archivist.errors import ArchiveError

BUSY_TIMEOUT_SECONDS = 60


GENERATION_KEY = "search.generation"
PENDING_KEY = "search.pending"


def make_engine(url: str, read_only: bool = False) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
        )
        _configure_sqlite(engine, read_only)
        return engine
    if read_only:
        return create_engine(
            url, pool_pre_ping=True, execution_options={"postgresql_readonly": True}
        )
    return create_engine(url, pool_pre_ping=True)


def read_only_sqlite_url(path: Path) -> str:
    """A URL that opens the file read-only. `mode=ro` still needs to create the WAL's
    shared-memory file beside it; where the folder is read-only too and that file is
    absent, `immutable=1` (nobody can be writing a file in a read-only folder)."""
    shm = path.with_name(path.name + "-shm")
    folder_writable = _writable(path.parent)
    mode = "mode=ro" if folder_writable or shm.exists() else "immutable=1"
    return f"sqlite:///file:{quote(path.as_posix())}?{mode}&uri=true"


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK)


def _configure_sqlite(engine: Engine, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if read_only:
            cursor.execute("PRAGMA query_only=ON")
        else:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """Owns the engine; hands out read sessions and serialised write transactions."""

    def __init__(self, url: str, read_only: bool = False, where: str = "") -> None:
        self.url = url
        self.read_only = read_only
        self.where = where or url.split("///")[-1]
        self.engine = make_engine(url, read_only)
        self.is_sqlite = url.startswith("sqlite")
        writer_engine = (
            self.engine.execution_options(sqlite_begin="IMMEDIATE")
            if self.is_sqlite
            else self.engine
        )
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(writer_engine, expire_on_commit=False)
        event.listen(self._writer, "after_flush", _note_index_changes)
        event.listen(self._writer, "after_flush", _bump_volume_revisions)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with translated_errors(self.url), self._reader() as session, session.begin():
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction holding the database's write lock from the start."""
        if self.read_only:
            raise ArchiveError("archive.read_only", path=self.where)
        with translated_errors(self.url), self._writer() as session, session.begin():
            yield session

    @property
    def writer_sessions(self) -> sessionmaker[Session]:
        """The factory of write sessions (for hooks on every write transaction, e.g.
        archivist.changes.anchor)."""
        return self._writer

    def dispose(self) -> None:
        self.engine.dispose()


def _note_index_changes(session: Session, _context: Any) -> None:
    """After each flush of a write transaction: if rows the search index is built from
    changed, bump the change counter once per transaction and add the changed items to
    the pending note, in the same transaction (see archivist.search.service)."""
    from archivist.db import models as m

    item_ids: set[int] = set()
    removed: set[str] = set()
    material_ids: set[int] = set()
    entity_ids: set[int] = set()
    class_ids: set[int] = set()
    type_ids: set[int] = set()
    for state, objects in (
        ("new", session.new),
        ("dirty", session.dirty),
        ("gone", session.deleted),
    ):
        for obj in objects:
            if isinstance(obj, m.Item):
                if state == "gone":
                    removed.add(obj.number)
                else:
                    item_ids.add(obj.id)
                    history = _old_number(obj)
                    if history:
                        removed.add(history)
            elif isinstance(obj, (m.Material, m.RosterEntry)):
                if obj.item_id is not None:
                    item_ids.add(obj.item_id)
            elif isinstance(obj, m.PageText):
                material_ids.add(obj.material_id)
            elif isinstance(obj, m.Entity) and state == "dirty":
                entity_ids.add(obj.id)
            elif isinstance(obj, m.ArchiveClass) and state == "dirty":
                class_ids.add(obj.id)
            elif isinstance(obj, m.BusinessType) and state == "dirty":
                type_ids.add(obj.id)
    if not (item_ids or removed or material_ids or entity_ids or class_ids or type_ids):
        return
    conn = session.connection()
    if material_ids:
        item_ids.update(
            conn.scalars(select(m.Material.item_id).where(m.Material.id.in_(material_ids)))
        )
    if entity_ids:
        item_ids.update(conn.scalars(select(m.Item.id).where(m.Item.entity_id.in_(entity_ids))))
        item_ids.update(
            i
            for i in conn.scalars(
                select(m.RosterEntry.item_id).where(m.RosterEntry.entity_id.in_(entity_ids))
            )
            if i is not None
        )
    if class_ids:
        item_ids.update(conn.scalars(select(m.Item.id).where(m.Item.class_id.in_(class_ids))))
    if type_ids:
        item_ids.update(
            conn.scalars(select(m.Item.id).where(m.Item.business_type_id.in_(type_ids)))
        )
    if not (item_ids or removed):
        return
    rows = dict(
        conn.execute(
            select(m.Setting.key, m.Setting.value).where(
                m.Setting.key.in_((GENERATION_KEY, PENDING_KEY))
            )
        ).all()
    )
    generation = session.info.get("search_generation")
    if generation is None:
        generation = _int(rows.get(GENERATION_KEY)) + 1
        session.info["search_generation"] = generation
        _put(conn, GENERATION_KEY, str(generation), GENERATION_KEY in rows)
    pending = load_pending(rows.get(PENDING_KEY))
    entry = pending.setdefault(str(generation), {"items": [], "removed": []})
    entry["items"] = sorted(set(entry["items"]) | item_ids)
    entry["removed"] = sorted(set(entry["removed"]) | removed)
    _put(conn, PENDING_KEY, json.dumps(_bounded(pending), ensure_ascii=False), PENDING_KEY in rows)


# A volume's columns whose change leaves what its registers print as it was: where it
# is shelved and its handover state (the handover sets that itself).
VOLUME_BOOKKEEPING = frozenset({"status", "box_id", "revision"})


def _bump_volume_revisions(session: Session, context: Any) -> None:
    """After each flush of a write transaction: move on the revision of every volume
    whose row, entries (顺序号, 页号, membership) or items' rows (the item, its materials,
    its roster) changed, in the same transaction. The handover check compares a volume's
    revision with the one its registers were generated from and the one it was checked
    at, so no service has to remember to say that a volume changed."""
    from archivist.db import models as m

    volume_ids: set[int] = set()
    item_ids: set[int] = set()
    new_items = {obj.id for obj in session.new if isinstance(obj, m.Item)}
    # rows deleted, including orphans of a collection (not in `session.deleted`)
    gone = [*session.deleted, *_deleted_in_flush(context)]
    for state, objects in (
        ("new", session.new),
        ("dirty", session.dirty),
        ("gone", gone),
    ):
        for obj in objects:
            if isinstance(obj, m.Volume):
                if state == "dirty" and _changed_columns(obj) - VOLUME_BOOKKEEPING:
                    volume_ids.add(obj.id)
            elif isinstance(obj, m.VolumeItem):
                if state == "dirty" and not _changed_columns(obj):
                    continue
                volume_ids.add(obj.volume_id)
                volume_ids.update(_old_values(obj, "volume_id"))
            elif isinstance(obj, m.Item):
                if state == "gone" or (state == "dirty" and _changed_columns(obj)):
                    item_ids.add(obj.id)
            elif isinstance(obj, (m.Material, m.RosterEntry)):
                if state == "dirty" and not _changed_columns(obj):
                    continue
                if obj.item_id is not None and obj.item_id not in new_items:
                    item_ids.add(obj.item_id)
                item_ids.update(i for i in _old_values(obj, "item_id") if i not in new_items)
    if not (volume_ids or item_ids):
        return
    conn = session.connection()
    if item_ids:
        volume_ids.update(
            conn.scalars(select(m.VolumeItem.volume_id).where(m.VolumeItem.item_id.in_(item_ids)))
        )
    conn.execute(
        update(m.Volume).where(m.Volume.id.in_(volume_ids)).values(revision=m.Volume.revision + 1)
    )
    now: dict[int, int] = {
        volume_id: revision
        for volume_id, revision in conn.execute(
            select(m.Volume.id, m.Volume.revision).where(m.Volume.id.in_(volume_ids))
        )
    }
    # the volumes this session holds learn their new revision without being made dirty
    for obj in session.identity_map.values():
        if isinstance(obj, m.Volume) and obj.id in now:
            set_committed_value(obj, "revision", now[obj.id])


def _deleted_in_flush(context: Any) -> list[Any]:
    """The objects this flush deleted, orphans too (the unit of work's own record)."""
    states = getattr(context, "states", {})
    found = (state.obj() for state, (isdelete, _listonly) in states.items() if isdelete)
    return [obj for obj in found if obj is not None]


def _changed_columns(obj: Any) -> set[str]:
    """The column attributes of a flushed object whose value changed."""
    state = inspect(obj)
    return {
        attr.key
        for attr in state.mapper.column_attrs
        if state.attrs[attr.key].history.has_changes()
    }


def _old_values(obj: Any, key: str) -> list[Any]:
    return [v for v in inspect(obj).attrs[key].history.deleted if v is not None]


PENDING_ENTRIES = 200
PENDING_ITEMS = 5000


def _bounded(pending: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Keep the note small while many changes wait for one index update (a demo, an
    import, an OCR run): merge its entries under the newest generation, and past a
    limit keep only "compare the whole index" (overflow)."""
    if len(pending) <= PENDING_ENTRIES:
        return pending
    newest = max(pending, key=lambda k: int(k) if k.isdigit() else 0)
    items = {i for e in pending.values() for i in e.get("items", [])}
    removed = {n for e in pending.values() for n in e.get("removed", [])}
    overflow = any(e.get("overflow") for e in pending.values())
    if overflow or len(items) + len(removed) > PENDING_ITEMS:
        return {newest: {"items": [], "removed": [], "overflow": True}}
    return {newest: {"items": sorted(items), "removed": sorted(removed)}}


def _old_number(item: Any) -> str | None:
    from sqlalchemy import inspect

    history = inspect(item).attrs.number.history
    old = [n for n in history.deleted if n and n != item.number]
    return old[0] if old else None


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def load_pending(value: str | None) -> dict[str, dict[str, list[Any]]]:
    """The pending note: generation -> items changed (ids) and numbers to remove."""
    try:
        data = json.loads(value or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _put(conn: Any, key: str, value: str, exists: bool) -> None:
    if exists:
        conn.execute(text("UPDATE settings SET value = :v WHERE key = :k"), {"k": key, "v": value})
    else:
        conn.execute(
            text("INSERT INTO settings (key, value) VALUES (:k, :v)"), {"k": key, "v": value}
        )


@contextmanager
def translated_errors(url: str) -> Iterator[None]:
    """Turn the database's operational failures into errors a user can act on."""
    try:
        yield
    except OperationalError as exc:
        text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
        where = url.split("///")[-1]
        if "locked" in text or "busy" in text:
            raise ArchiveError("archive.busy", reason=str(exc.orig)) from None
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            raise ArchiveError("archive.not_writable", file=where, reason=str(exc.orig)) from None
        if "full" in text or "disk i/o" in text:
            raise ArchiveError("archive.disk_full", file=where, needed="?", free="0") from None
        raise ArchiveError("archive.write_failed", file=where, reason=str(exc.orig)) from None
