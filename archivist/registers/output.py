"""Saving a finished register: all of it or nothing, with a reason a person can act on."""

from __future__ import annotations

import errno
from pathlib import Path

from archivist.errors import RegisterError
from archivist.storage.filestore import write_bytes_atomic


def save(data: bytes, out_path: Path) -> None:
    """Write `data` to `out_path` atomically; a failure leaves no file (and an existing
    file untouched) and raises RegisterError naming the cause."""
    out_path = Path(out_path)
    _check_folder(out_path.parent)
    try:
        write_bytes_atomic(out_path, data)
    except OSError as exc:
        raise _translate(exc, out_path) from exc


def _check_folder(folder: Path) -> None:
    """The folder must exist and be a folder (a file in the way is named)."""
    ancestor = folder
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if ancestor.exists() and not ancestor.is_dir():
        raise RegisterError("register.not_a_folder", folder=str(ancestor))
    if not folder.exists():
        raise RegisterError("register.folder_missing", folder=str(folder))


def _translate(exc: OSError, file: Path) -> RegisterError:
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return RegisterError("register.disk_full", file=str(file))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return RegisterError("register.not_writable", file=str(file), reason=reason)
    if exc.errno == errno.ENOTDIR:
        return RegisterError("register.not_a_folder", folder=str(file.parent))
    return RegisterError("register.write_failed", file=str(file), reason=reason)
