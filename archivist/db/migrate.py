"""Bring an archive's database to the current schema, backing it up first."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from archivist.db.engine import Database, translated_errors
from archivist.errors import ArchiveError

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def _config(db: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return config


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with translated_errors(db.url), db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, target: str = "head") -> None:
    config = _config(db)
    with translated_errors(db.url), db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)


def ensure_current(db: Database, sqlite_path: Path | None, backup_dir: Path) -> Path | None:
    """Migrate an older archive to the current schema; return the backup made, if any.

    The database file is copied aside (with SQLite's online backup, so the copy is
    consistent) before any migration touches it.
    """
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return None
    known = {rev.revision for rev in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}
    if current is not None and current not in known:
        raise ArchiveError("archive.newer", revision=current)
    backup: Path | None = None
    if current is not None and sqlite_path is not None:
        backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_dir / f"{sqlite_path.stem}-before-{head}-from-{current}-{stamp}.db"
        with sqlite3.connect(sqlite_path) as source, sqlite3.connect(backup) as copy:
            source.backup(copy)
        from archivist.changes.anchor import write_backup_anchor

        # the chains' heads the backup holds, beside it (verify compares them)
        write_backup_anchor(backup, backup_dir.parent)
    upgrade(db)
    return backup
