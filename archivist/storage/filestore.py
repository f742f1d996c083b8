"""The file store: folder layout, Windows-safe names, hashed copies, and journals.

Layout (IM-UI 56): files/<业务类型>/<YYYY-MM>/<单位或个人>/<item number>/<NN>-<表单|凭证>-<name>.
Paths are stored relative to the archive root in POSIX form so an archive folder can
move between machines and operating systems.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import socket
import sys
import threading
import unicodedata
from pathlib import Path, PurePosixPath
from typing import IO, Any

from archivist.errors import ArchiveError, InputError
from archivist.findings import Finding

CHUNK = 1024 * 1024
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}
ROLE_LABEL = {"form": "表单", "voucher": "凭证"}

# Component lengths keep a whole stored path well inside Windows' 260-character limit
# even below a deep archive folder.
MAX_TYPE, MAX_ENTITY, MAX_FILE = 40, 40, 80


def safe_component(name: str, max_length: int = 80) -> str:
    """A file or folder name valid on Windows, macOS and Linux that keeps Chinese text."""
    text = unicodedata.normalize("NFC", name)
    text = _FORBIDDEN.sub("_", text).strip().rstrip(". ")
    stem, dot, ext = text.rpartition(".")
    if not dot or not stem or len(ext) > 8:
        stem, ext = text, ""
    if stem.split(".")[0].strip().upper() in _RESERVED:
        stem = "_" + stem
    ext = ("." + ext) if ext else ""
    stem = stem[: max(1, max_length - len(ext))].rstrip(". ") or "_"
    return stem + ext


def item_folder(business_type: str, completed_on: dt.date, entity_name: str, number: str) -> str:
    parts = (
        "files",
        safe_component(business_type, MAX_TYPE),
        f"{completed_on.year:04d}-{completed_on.month:02d}",
        safe_component(entity_name, MAX_ENTITY),
        safe_component(number, 40),
    )
    return str(PurePosixPath(*parts))


def material_filename(seq: int, role: str, original_name: str, width: int = 2) -> str:
    return f"{seq:0{width}d}-{ROLE_LABEL[role]}-" + safe_component(original_name, MAX_FILE)


def seq_width(count: int) -> int:
    return max(2, len(str(count)))


def write_chunk(handle: IO[bytes], data: bytes) -> None:
    """One write of a copy (a seam for tests that simulate a full disk)."""
    handle.write(data)


def copy_with_hash(source: Path, target: Path) -> tuple[str, int]:
    """Copy bytes exactly, flush them to disk, and return the copy's SHA-256 and size."""
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as src, target.open("xb") as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            write_chunk(dst, chunk)
            size += len(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    return digest.hexdigest(), size


def place_folder(staging: Path, target: Path) -> None:
    """Move a staged folder to its final place in one rename (same file system)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staging, target)
    fsync_dir(target.parent)


def hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return  # Windows cannot open a directory for fsync; NTFS journals metadata.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_export_path(path: Path, archive_root: Path, suffixes: tuple[str, ...]) -> Path:
    """Where a register or a copy may be written: a file name with one of `suffixes`,
    outside the archive's own folder (never over its database or stored originals), and
    not something that is no ordinary file (a device, a pipe, a folder)."""
    target = Path(path).expanduser().absolute()
    if target.suffix.lower() not in suffixes:
        raise InputError("export.bad_suffix", file=str(target), suffixes=" ".join(suffixes))
    root = Path(archive_root).resolve()
    resolved = target.resolve()
    if resolved == root or root in resolved.parents:
        raise InputError("export.inside_archive", file=str(target), archive=str(root))
    if resolved.exists() and not resolved.is_file():
        raise InputError("export.not_a_file", file=str(target))
    return target


def write_json_atomic(path: Path, data: Any) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def write_bytes_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write a whole file or nothing: a temporary file beside it (one per process and
    thread), flushed to disk unless not `durable`, then renamed over `path`. On any
    failure the temporary file is removed and the error raised; an existing `path` is
    left as it was."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with tmp.open("wb") as handle:
            write_chunk(handle, data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        fsync_dir(path.parent)


def remove_empty_parents(start: Path, stop: Path) -> None:
    """Remove empty folders from `start` upwards, never `stop` or above it."""
    current = start
    while current != stop and stop in current.parents:
        try:
            current.rmdir()
        except OSError:
            return
        current = current.parent


def translate_os_error(exc: OSError, file: Path | str) -> ArchiveError:
    """Name the cause of a failed write in words a user can act on."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ArchiveError("archive.disk_full", file=str(file), needed="?", free="0")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ArchiveError("archive.not_writable", file=str(file), reason=exc.strerror or str(exc))
    return ArchiveError("archive.write_failed", file=str(file), reason=exc.strerror or str(exc))


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TiB"


def free_space(path: Path) -> int:
    return shutil.disk_usage(path).free


class OperationLock:
    """An OS-level lock held for the life of an operation; the OS drops it if the
    process dies, which is how recovery tells an interrupted operation from a live one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def acquire(self, blocking: bool = True) -> bool:
        handle = self.path.open("a+b")
        try:
            _lock(handle, blocking)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                _unlock(self._handle)
            self._handle.close()
            self._handle = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _lock(handle: IO[bytes], blocking: bool) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK if blocking else msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes], blocking: bool) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def owner_info() -> dict[str, Any]:
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": dt.datetime.now(dt.UTC).isoformat(),
    }


def _linked_or_outside(root: Path, rel: str) -> bool:
    """Is the stored path a link, does it pass through one, or does it lead out of the
    archive folder ('..', an absolute path)?"""
    parts = Path(rel).parts
    if Path(rel).is_absolute() or ".." in parts:
        return True
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


def check_stored_file(root: Path, record: tuple[str, str, int, str]) -> Finding | None:
    """Re-hash one stored file (relative path, recorded SHA-256 and size, item number):
    a finding when it is a link or leads outside the archive folder, is missing,
    unreadable or changed, else None."""
    rel, sha256, size, number = record
    path = root / rel
    if _linked_or_outside(root, rel):
        # A link (even to an identical copy) is not the archive's own file: whoever
        # controls the target can change it unseen, and a copy of the folder loses it.
        return Finding("verify.linked", "error", {"file": rel}, number)
    try:
        digest, actual_size = hash_file(path)
    except FileNotFoundError:
        return Finding("verify.missing", "error", {"file": rel}, number)
    except OSError as exc:
        return Finding(
            "verify.unreadable", "error", {"file": rel, "reason": exc.strerror or str(exc)}, number
        )
    if actual_size != size or digest != sha256:
        return Finding("verify.changed", "error", {"file": rel}, number)
    return None
