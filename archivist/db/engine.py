"""Engines and sessions: one short transaction per user action or job step.

SQLite is the embedded default. Writers take the database lock when their transaction
starts (BEGIN IMMEDIATE), so two processes capturing at once serialise on number
allocation instead of failing half-way; readers never block writers (WAL).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from archivist.errors import ArchiveError

BUSY_TIMEOUT_SECONDS = 60


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
        )
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """Owns the engine; hands out read sessions and serialised write transactions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = url.startswith("sqlite")
        writer_engine = (
            self.engine.execution_options(sqlite_begin="IMMEDIATE")
            if self.is_sqlite
            else self.engine
        )
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(writer_engine, expire_on_commit=False)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with translated_errors(self.url), self._reader() as session, session.begin():
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction holding the database's write lock from the start."""
        with translated_errors(self.url), self._writer() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


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
