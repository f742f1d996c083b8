"""Executing a destruction register: the records become stubs (number, archival code,
title, class, year, retention, the register and batch, when and by whose decision) and
every copy of their content leaves the archive folder — stored files, searchable copies,
OCR text, index entries, volume PDFs — crash-safe through an intent journal (finished
or rolled back on the next open). Numbers are never reused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from archivist.disposition.destruction import RegisterView

if TYPE_CHECKING:
    from archivist.archive import Archive

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class ExecutionResult:
    register: RegisterView
    items: int
    files_removed: int
    bytes_freed: int
    derived_removed: int  # searchable copies, volume PDFs, OCR pages, index entries


def execute_register(
    archive: Archive,
    number: str,
    *,
    supervisors: tuple[str, ...],
    method: str,
    place: str,
    on: dt.date | None = None,
    progress: Progress | None = None,
) -> ExecutionResult:
    """Carry out an approved register whose named supervisors (two or more accounts
    that signed it as supervisors; never the approver) are all present; an accounting
    register also needs its five duties signed and supervisors from archives,
    accounting and IT."""
    raise NotImplementedError
