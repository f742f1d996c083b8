"""The hot folder: scanner stations drop one folder per item, with a `manifest.json`
(the manifest format of `archivist capture --manifest`) and the files it lists.

A drop is taken once it has stopped changing (its names, sizes and times are the
same on two looks in a row), so a station still copying is never read half-way.
A captured drop moves to the done folder under its item number; a bad drop moves
to the quarantine folder with a `原因.txt` saying why. Nothing is ever deleted:
every move is a rename, and a name already taken gets a suffix.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.messages import render

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
DONE_NAME = "已采集"
QUARANTINE_NAME = "隔离"
REASON_FILE = "原因.txt"
# A folder without a manifest (or a loose file) is a bad drop once it has stayed
# unchanged this long: the station may still be copying the files before the manifest.
DEFAULT_GRACE_SECONDS = 300.0

Signature = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class HotFolder:
    inbox: Path
    done: Path
    quarantine: Path

    @classmethod
    def at(cls, inbox: Path, done: Path | None = None, quarantine: Path | None = None) -> HotFolder:
        return cls(inbox, done or inbox / DONE_NAME, quarantine or inbox / QUARANTINE_NAME)

    def prepare(self) -> None:
        for folder in (self.inbox, self.done, self.quarantine):
            folder.mkdir(parents=True, exist_ok=True)


@dataclass(frozen=True)
class DropOutcome:
    drop: str  # the drop's name in the inbox
    status: str  # captured | quarantined
    moved_to: Path
    number: str | None = None
    code: str | None = None
    message: str = ""
    warnings: list[str] = field(default_factory=list)


def signature(path: Path) -> Signature:
    """What changes while a drop is still being written."""
    entries: list[tuple[str, int, int]] = []
    try:
        if path.is_file():
            stat = path.stat()
            return (("", stat.st_size, stat.st_mtime_ns),)
        for root, _dirs, files in os.walk(path):
            for name in files:
                full = Path(root) / name
                try:
                    stat = full.stat()
                except OSError:
                    continue
                entries.append((full.relative_to(path).as_posix(), stat.st_size, stat.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(entries))


class DropWatch:
    """Tells which drops are ready: looked at twice without a change. Call `ready`
    on every look (a timer, a file-system notification)."""

    def __init__(self, folder: HotFolder, grace_seconds: float = DEFAULT_GRACE_SECONDS) -> None:
        self.folder = folder
        self.grace = grace_seconds
        self._seen: dict[str, tuple[Signature, float]] = {}
        self.in_progress: set[str] = set()

    def candidates(self) -> list[Path]:
        skip = {self.folder.done.resolve(), self.folder.quarantine.resolve()}
        try:
            entries = sorted(self.folder.inbox.iterdir())
        except OSError:
            return []
        return [
            entry
            for entry in entries
            if not entry.name.startswith((".", "~"))
            and not entry.name.endswith((".tmp", ".part", ".crdownload"))
            and entry.resolve() not in skip
        ]

    def ready(self, now: float) -> list[Path]:
        """Drops that did not change since the last look (and are not being handled).
        A drop without a manifest is ready only after the grace period."""
        found: list[Path] = []
        current: dict[str, tuple[Signature, float]] = {}
        for entry in self.candidates():
            if entry.name in self.in_progress:
                continue
            sig = signature(entry)
            previous = self._seen.get(entry.name)
            since = previous[1] if previous and previous[0] == sig else now
            current[entry.name] = (sig, since)
            if previous is None or previous[0] != sig or not sig:
                continue
            has_manifest = entry.is_dir() and (entry / MANIFEST).is_file()
            if has_manifest or now - since >= self.grace:
                found.append(entry)
        self._seen = current
        return found


def process_drop(
    archive: Archive,
    folder: HotFolder,
    drop: Path,
    *,
    capture: Callable[[Archive, Path], tuple[str, list[str]]] | None = None,
) -> DropOutcome:
    """Capture one drop through the core, then move it to done or to quarantine."""
    folder.prepare()
    manifest = drop / MANIFEST
    if not drop.is_dir():
        return _quarantine(folder, drop, "hotfolder.not_a_folder", {"file": drop.name}, "")
    if not manifest.is_file():
        return _quarantine(folder, drop, "hotfolder.no_manifest", {"file": drop.name}, "")
    run = capture or _capture
    try:
        number, warnings = run(archive, manifest)
    except ArchivistError as exc:
        return _quarantine(folder, drop, exc.code, exc.params, "")
    except Exception as exc:  # a bug must not lose the drop: it waits in quarantine
        log.exception("hot folder: capturing %s failed; the drop waits in quarantine", drop.name)
        details = "".join(traceback.format_exception(exc))
        return _quarantine(
            folder, drop, "error", {"detail": f"{type(exc).__name__}: {exc}"}, details
        )
    target = _move(drop, folder.done, f"{number} {drop.name}")
    return DropOutcome(drop.name, "captured", target, number=number, warnings=warnings)


def _capture(archive: Archive, manifest: Path) -> tuple[str, list[str]]:
    from archivist.capture.pipeline import capture_from_manifest

    result = capture_from_manifest(archive, manifest)
    warnings = list(result.warnings)
    warnings += [
        render(
            "hotfolder.duplicate",
            {"file": Path(d.file).name, "number": d.number, "stored": d.stored_as},
        )
        for d in result.duplicates
    ]
    return result.number, warnings


def _quarantine(
    folder: HotFolder, drop: Path, code: str, params: dict[str, object], details: str
) -> DropOutcome:
    message_zh = render(code, params, "zh")
    message_en = render(code, params, "en")
    target = _move(drop, folder.quarantine, drop.name)
    text = "\n".join(
        [
            f"隔离原因：{message_zh}",
            f"Reason: {message_en}",
            "",
            f"错误代码 Code: {code}",
            f"原位置 From: {drop}",
            f"时间 At: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
            "处理办法：改正后把整个文件夹放回热文件夹，即会重新采集。",
            "To retry: fix the drop and move the whole folder back into the hot folder.",
        ]
        + (["", details] if details else [])
    )
    reason_path = (target if target.is_dir() else target.parent) / (
        REASON_FILE if target.is_dir() else f"{target.name}.{REASON_FILE}"
    )
    reason_path.write_text(text + "\n", encoding="utf-8")
    return DropOutcome(drop.name, "quarantined", target, code=code, message=render(code, params))


def _move(source: Path, parent: Path, name: str) -> Path:
    """Rename into `parent` under a free name (`name`, `name (2)`, ...); never overwrite."""
    parent.mkdir(parents=True, exist_ok=True)
    target = parent / name
    counter = 2
    while target.exists():
        stem, suffix = (name, "") if source.is_dir() else (Path(name).stem, Path(name).suffix)
        target = parent / f"{stem} ({counter}){suffix}"
        counter += 1
    try:
        os.replace(source, target)
    except OSError:
        shutil.move(str(source), str(target))  # another drive: copy, then remove the source
    return target
