"""Removing every copy of records' content from the archive folder (destruction).

The records' rows are purged in one database transaction (the caller's, with
`secure_delete` on); the file work comes after the commit and is described first in
an intent journal of kind "removal", so that a crash after the commit is finished on
the next open (`Archive.recover` calls `complete`) and a crash before it leaves
everything as it was (nothing outside the database was touched yet):

1. the stored files (each item's folder), the searchable copies and the assembled
   volume PDFs named in the journal are deleted;
2. the full-text index is built anew without them (tantivy and Whoosh only mark a
   deleted document; its terms stay in its segment until the segment is merged, so a
   deletion alone leaves the words on disk) — recovery removes the index folder
   instead, and it is rebuilt before the next search;
3. the migration backups (backups/*.db, SQLite copies of the database) lose the same
   rows: page texts, OCR jobs, materials;
4. the database file is compacted (VACUUM: no free page or slack space keeps an old
   copy of a row) and its write-ahead log checkpointed and truncated to nothing.

This module knows no appraisal or register: it is the kernel's generic part, which
`archivist.disposition.execution` drives.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text

from archivist.db.engine import Database
from archivist.faults import crash_point
from archivist.storage.filestore import remove_empty_parents

log = logging.getLogger(__name__)

KIND = "removal"
INDEX_FOLDER = "index"
BACKUP_SUFFIXES = (".db", ".sqlite", ".sqlite3")
# journal phases after the commit, in order
PHASE_FILES, PHASE_INDEX, PHASE_BACKUPS, PHASE_DATABASE = "files", "index", "backups", "database"


@dataclass
class Removed:
    """What the file work removed."""

    files: int = 0  # stored files (originals)
    derived: int = 0  # searchable copies and volume PDFs
    bytes: int = 0  # bytes of those files
    backups: int = 0  # backup databases scrubbed
    database_bytes: int = 0  # how much smaller the database file (and its log) became
    compacted: bool = True  # False: VACUUM failed; the journal stays for the next open


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def remove_paths(
    root: Path,
    folders: Iterable[str],
    files: Iterable[str],
    progress: Callable[[int, int], None] | None = None,
) -> Removed:
    """Delete the item folders (`folders`, relative to `root`, under files/) and the
    single derived files (`files`); missing ones are already gone. Empty parents of
    the item folders are removed up to files/."""
    removed = Removed()
    folder_list, file_list = list(folders), list(files)
    total = len(folder_list) + len(file_list)
    stop = root / "files"
    for done, rel in enumerate(folder_list, start=1):
        folder = root / rel
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    removed.files += 1
                    removed.bytes += _size(path)
            shutil.rmtree(folder)
            remove_empty_parents(folder.parent, stop)
        if progress:
            progress(done, total)
        if done == 1:
            crash_point("removal.files_started")
    for done, rel in enumerate(file_list, start=len(folder_list) + 1):
        path = root / rel
        size = _size(path)
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        else:
            removed.derived += 1
            removed.bytes += size
        if progress:
            progress(done, total)
    return removed


def drop_index(root: Path) -> None:
    """Remove the full-text index (derived data: rebuilt before the next search)."""
    folder = root / INDEX_FOLDER
    for path in folder.iterdir() if folder.is_dir() else ():
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()


def _tables(connection: sqlite3.Connection) -> dict[str, set[str]]:
    names = [
        r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    return {
        name: {c[1] for c in connection.execute(f'PRAGMA table_info("{name}")')} for name in names
    }


def scrub_database_file(path: Path, numbers: Iterable[str]) -> bool:
    """Purge the content rows of the items `numbers` from a SQLite copy of the archive's
    database (a migration backup, of whatever revision): their page texts, OCR jobs and
    materials; then VACUUM it. False when the file is no such copy (left alone)."""
    wanted = sorted(set(numbers))
    try:
        connection = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        tables = _tables(connection)
        if "items" not in tables or "materials" not in tables:
            return False
        connection.execute("PRAGMA secure_delete=ON")
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("CREATE TEMP TABLE gone_items (id INTEGER PRIMARY KEY)")
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            connection.execute(
                f"INSERT OR IGNORE INTO gone_items SELECT id FROM items WHERE number IN ({marks})",
                chunk,
            )
        gone_materials = "SELECT id FROM materials WHERE item_id IN (SELECT id FROM gone_items)"
        for table in ("page_texts", "ocr_jobs"):
            if "material_id" in tables.get(table, set()):
                connection.execute(f"DELETE FROM {table} WHERE material_id IN ({gone_materials})")
        if "form_material_id" in tables.get("roster_entries", set()):
            connection.execute(
                "UPDATE roster_entries SET form_material_id = NULL "
                f"WHERE form_material_id IN ({gone_materials})"
            )
        connection.execute("DELETE FROM materials WHERE item_id IN (SELECT id FROM gone_items)")
        connection.execute("DROP TABLE gone_items")
        connection.execute("COMMIT")
        connection.execute("VACUUM")
        with contextlib.suppress(sqlite3.Error):
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return True
    except sqlite3.Error:
        log.warning("backup %s could not be scrubbed", path, exc_info=True)
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        return False
    finally:
        connection.close()


def scrub_backups(folder: Path, numbers: Iterable[str]) -> int:
    """Scrub every SQLite backup in `folder`; the number scrubbed."""
    wanted = list(numbers)
    count = 0
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        backup = path.is_file() and path.suffix.lower() in BACKUP_SUFFIXES
        if backup and scrub_database_file(path, wanted):
            count += 1
    return count


def compact_database(db: Database, path: Path | None) -> int:
    """VACUUM the SQLite database and truncate its write-ahead log: no free page, slack
    space or logged page keeps an old copy of a purged row. Returns the bytes saved.
    (A PostgreSQL archive is left to its own VACUUM.)"""
    if not db.is_sqlite or path is None:
        return 0
    wal = path.with_name(path.name + "-wal")
    before = _size(path) + _size(wal)
    with db.engine.connect() as connection:
        raw: Any = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("VACUUM")
        for _attempt in range(20):
            busy = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy or not busy[0]:
                break
            time.sleep(0.05)
    return max(0, before - (_size(path) + _size(wal)))


def secure_delete(session: Any, on: bool = True) -> None:
    """Zero what the transaction deletes (SQLite), instead of leaving it in free space."""
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        session.execute(text(f"PRAGMA secure_delete={'ON' if on else 'OFF'}"))


def complete(root: Path, db: Database, data: dict[str, Any]) -> Removed:
    """Finish a committed removal from the journal's `data` (recovery: the index is
    dropped and rebuilt before the next search)."""
    phase = str(data.get("phase") or "")
    done = _phases_done(phase)
    removed = Removed()
    if PHASE_FILES not in done:
        removed = remove_paths(root, data.get("folders", []), data.get("files", []))
    if PHASE_INDEX not in done:
        drop_index(root)
    if PHASE_BACKUPS not in done:
        removed.backups = scrub_backups(root / "backups", data.get("numbers", []))
    database = root / "archive.db"
    removed.database_bytes = compact_database(db, database if database.exists() else None)
    return removed


def _phases_done(phase: str) -> set[str]:
    order = [PHASE_FILES, PHASE_INDEX, PHASE_BACKUPS, PHASE_DATABASE]
    if phase not in order:
        return set()
    return set(order[: order.index(phase) + 1])


def file_size(path: Path) -> int:
    """A file's size, 0 if it is gone."""
    return _size(path)


def folder_size(path: Path) -> int:
    total = 0
    for dirpath, _dirs, names in os.walk(path):
        for name in names:
            total += _size(Path(dirpath) / name)
    return total
