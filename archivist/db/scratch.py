"""A scratch file for checks that compare two large sets: what a check must remember per
record (a digest of every row the trail vouches for, the stored files registered, the
search index's entries) kept in a temporary SQLite file with a small page cache, so
that the check's memory stays the same whatever the size of the archive. The file goes
when the check ends, whatever happened."""

from __future__ import annotations

import contextlib
import errno
import logging
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from archivist.errors import ArchiveError

log = logging.getLogger(__name__)

CACHE_KIB = 8192  # SQLite's page cache for the scratch file
BATCH = 500  # keys per lookup (well under SQLite's bound on parameters)


class Scratch:
    def __init__(self) -> None:
        self.folder = Path(tempfile.tempdir or "(TMPDIR)")
        made: Path | None = None
        try:
            with self._guard():
                self.folder = Path(tempfile.gettempdir())
                made = self.folder = Path(tempfile.mkdtemp(prefix="archivist-scratch-"))
                self.conn = sqlite3.connect(self.folder / "scratch.sqlite3")
                # a throw-away file: no journal, no syncing
                self.conn.execute("PRAGMA journal_mode=OFF")
                self.conn.execute("PRAGMA synchronous=OFF")
                self.conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
                self.conn.execute("PRAGMA temp_store=FILE")
        except ArchiveError:
            if made is not None:  # nothing left behind in the temporary folder
                shutil.rmtree(made, ignore_errors=True)
            raise

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """A temporary folder that is full or cannot be written: a clear error naming
        it (the archive itself is only read)."""
        try:
            yield
        except (OSError, sqlite3.Error) as exc:
            log.warning("scratch file in %s failed", self.folder, exc_info=True)
            full = (isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)) or (
                isinstance(exc, sqlite3.Error) and "full" in str(exc).lower()
            )
            code = "scratch.disk_full" if full else "scratch.failed"
            raise ArchiveError(code, folder=str(self.folder)) from None

    def __enter__(self) -> Scratch:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._guard():
            return self.conn.execute(sql, params).fetchall()

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._guard():
            self.conn.executemany(sql, rows)

    def lookup(self, sql: str, fixed: Sequence[Any], keys: Sequence[Any]) -> list[Any]:
        """Rows of `sql` (whose last condition is `IN ({keys})`) for many keys, in
        batches; `fixed` are the parameters before the keys."""
        found: list[Any] = []
        for start in range(0, len(keys), BATCH):
            part = keys[start : start + BATCH]
            marks = ",".join("?" * len(part))
            with self._guard():
                found.extend(self.conn.execute(sql.format(keys=marks), [*fixed, *part]))
        return found
