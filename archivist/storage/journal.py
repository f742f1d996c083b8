"""Intent journals: how file work outside the database survives a crash.

Before an operation touches the file store it writes a journal (what it will do) and
holds an OS lock. Its database transaction writes an audit event carrying the
operation id, so after a crash the archive can tell whether the operation committed:
if it did, the files are made to match; if not, they are put back. Journals whose
lock is still held belong to a live process and are left alone.

A process killed while starting or finishing a journal can leave a lock file with no
journal, or a half-written `.json.tmp`. Recovery removes those too, but only while it
holds their lock itself (so never a live process's); a starting process checks that the
lock it got is still the file on disk, so removing a free lock file never splits a lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archivist.faults import crash_point
from archivist.storage.filestore import (
    OperationLock,
    fsync_dir,
    owner_info,
    remove_empty_parents,
    write_json_atomic,
)


class Journal:
    def __init__(self, directory: Path, op_id: str, data: dict[str, Any], lock: OperationLock):
        self.directory = directory
        self.op_id = op_id
        self.data = data
        self._lock = lock

    @property
    def path(self) -> Path:
        return self.directory / f"{self.op_id}.json"

    @classmethod
    def start(cls, directory: Path, kind: str, **data: Any) -> Journal:
        directory.mkdir(parents=True, exist_ok=True)
        op_id = str(uuid.uuid4())
        lock = lock_on_disk(directory / f"{op_id}.lock")
        crash_point("journal.after_lock")
        journal = cls(
            directory, op_id, {"op_id": op_id, "kind": kind, **owner_info(), **data}, lock
        )
        journal.save()
        return journal

    def save(self) -> None:
        write_json_atomic(self.path, self.data)

    def update(self, **data: Any) -> None:
        self.data.update(data)
        self.save()

    def release(self) -> None:
        """Let go of the lock but keep the journal: the operation failed half-way and
        the next open (recovery) finishes it."""
        self._lock.release()

    def finish(self) -> None:
        for leftover in (self.path, self.path.with_name(f"{self.path.name}.tmp")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        # Removed while still held: whoever opens the name next gets a fresh file.
        with contextlib.suppress(OSError):
            (self.directory / f"{self.op_id}.lock").unlink()
        self._lock.release()


def _same_file(lock: OperationLock, path: Path) -> bool:
    handle = lock._handle
    if handle is None:
        return False
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False


def lock_on_disk(path: Path) -> OperationLock:
    """Take the lock file at `path`, making sure the file locked is still the one there
    (recovery may have removed a free lock file between our open and our lock)."""
    while True:
        lock = OperationLock(path)
        lock.acquire()
        if _same_file(lock, path):
            return lock
        lock.release()


def try_lock(path: Path) -> OperationLock | None:
    """The lock at `path` if no live process holds it (and it is still the file there)."""
    lock = OperationLock(path)
    try:
        if not lock.acquire(blocking=False):
            return None
    except OSError:
        return None
    if not _same_file(lock, path):
        lock.release()
        return None
    return lock


def pending(directory: Path) -> list[Path]:
    """Journals waiting in `directory` (read-only: nothing is locked or changed)."""
    return sorted(directory.glob("*.json")) if directory.is_dir() else []


def remove_leftovers(directory: Path) -> list[str]:
    """Lock files without a journal and half-written journals (`.json.tmp`) of
    processes that died; return their names. Live processes' files are left alone."""
    removed: list[str] = []
    if not directory.is_dir():
        return removed
    for tmp in sorted(directory.glob("*.json.tmp")):
        op_id = tmp.name[: -len(".json.tmp")]
        if (directory / f"{op_id}.json").exists():
            continue  # its journal is recovered (and the leftover removed) by interrupted()
        lock = try_lock(directory / f"{op_id}.lock")
        if lock is None:
            continue
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp.name)
        with contextlib.suppress(OSError):
            (directory / f"{op_id}.lock").unlink()
        lock.release()
    for lock_path in sorted(directory.glob("*.lock")):
        if (directory / f"{lock_path.stem}.json").exists():
            continue
        lock = try_lock(lock_path)
        if lock is None:
            continue
        if not (directory / f"{lock_path.stem}.json").exists():
            with contextlib.suppress(OSError):
                lock_path.unlink()
                removed.append(lock_path.name)
        lock.release()
    return removed


def interrupted(directory: Path) -> list[Journal]:
    """Journals left by processes that died (their lock is free), each now locked by us."""
    found: list[Journal] = []
    if not directory.is_dir():
        return found
    for path in sorted(directory.glob("*.json")):
        lock = try_lock(directory / f"{path.stem}.lock")
        if lock is None:
            continue
        if not path.exists():  # finished between our listing and our lock
            lock.release()
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {"op_id": path.stem, "kind": "unknown"}
        found.append(Journal(directory, path.stem, data, lock))
    return found


@dataclass
class FileMoves:
    """Renames of stored files done in two phases (to temporary names, then to the
    final ones) so that swapped names never collide and every step can be undone."""

    root: Path
    moves: list[dict[str, str]] = field(default_factory=list)  # source, temp, target

    def add(self, source: str, target: str, op_id: str) -> None:
        if source == target:
            return
        temp_name = f".moving-{op_id[:8]}-{len(self.moves)}"
        temp = str(Path(source).parent.as_posix() + "/" + temp_name)
        self.moves.append({"source": source, "temp": temp, "target": target})

    def apply(self, journal: Journal, crash: Callable[[str], None] | None = None) -> None:
        journal.update(moves=self.moves, phase=1)
        for move in self.moves:
            os.replace(self.root / move["source"], self.root / move["temp"])
        journal.update(phase=2)
        if crash:
            crash("moves.between_phases")
        for move in self.moves:
            target = self.root / move["target"]
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.root / move["temp"], target)
        for folder in {(self.root / m["target"]).parent for m in self.moves}:
            fsync_dir(folder)

    def undo(self, phase: int) -> None:
        if phase >= 2:
            for move in self.moves:
                target = self.root / move["target"]
                if target.exists() and not (self.root / move["temp"]).exists():
                    os.replace(target, self.root / move["temp"])
        for move in self.moves:
            temp = self.root / move["temp"]
            if temp.exists():
                source = self.root / move["source"]
                source.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temp, source)
        self.prune()

    def prune(self) -> None:
        files = self.root / "files"
        for move in self.moves:
            for key in ("source", "target"):
                remove_empty_parents((self.root / move[key]).parent, files)


def discard_tree(path: Path, stop: Path) -> None:
    """Remove a folder of our own copies (never an original) and empty parents."""
    if path.exists():
        shutil.rmtree(path, ignore_errors=True)
    remove_empty_parents(path.parent, stop)
