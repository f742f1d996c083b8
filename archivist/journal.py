"""Intent journals: how file work outside the database survives a crash.

Before an operation touches the file store it writes a journal (what it will do) and
holds an OS lock. Its database transaction writes an audit event carrying the
operation id, so after a crash the archive can tell whether the operation committed:
if it did, the files are made to match; if not, they are put back. Journals whose
lock is still held belong to a live process and are left alone.
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

from archivist.filestore import (
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
        lock = OperationLock(directory / f"{op_id}.lock")
        lock.acquire()
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

    def finish(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self._lock.release()
        with contextlib.suppress(OSError):
            (self.directory / f"{self.op_id}.lock").unlink()


def interrupted(directory: Path) -> list[Journal]:
    """Journals left by processes that died (their lock is free), each now locked by us."""
    found: list[Journal] = []
    if not directory.is_dir():
        return found
    for path in sorted(directory.glob("*.json")):
        lock = OperationLock(directory / f"{path.stem}.lock")
        if not lock.acquire(blocking=False):
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
