"""Whether a stored file is usable for the long term (DA/T 70 usability): it opens and
its first page renders, it is an allowed archival format matching its record, it is not
encrypted, and a PDF carries no JavaScript and no embedded files; its page count matches
the record. Used by the four-property tests (archivist/integrity/four_properties.py) and
the handover quality check, on files already in the archive.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archivist.errors import FileRejected
from archivist.findings import Finding
from archivist.formats.images import inspect_image
from archivist.formats.media import MEDIA_TYPES, sniff
from archivist.formats.pdf import inspect_pdf
from archivist.formats.render import render_problem
from archivist.messages import render
from archivist.storage.filestore import check_stored_file

CHECKS = ("opens", "format", "encryption", "active", "pages")
_ENCRYPTED = "file.pdf_encrypted"
_FORMAT_CODES = {"file.type_mismatch", "file.unsupported", "file.content_unknown"}


@dataclass(frozen=True)
class StoredFile:
    """A material's stored file as recorded (path relative to the archive folder)."""

    file: str
    sha256: str
    size: int
    number: str  # the item's number
    media_type: str
    pages: int


@dataclass
class Examined:
    stored: Finding | None = None  # verify.* from check_stored_file
    rejected: FileRejected | None = None  # does not open (or is encrypted, or of a wrong type)
    kind: str | None = None  # sniffed
    pages: int | None = None  # counted in the file
    notices: list[str] = field(default_factory=list)
    render: str | None = None  # why the first page does not render


def examine(root: Path, f: StoredFile) -> Examined:
    out = Examined(stored=check_stored_file(root, (f.file, f.sha256, f.size, f.number)))
    if out.stored is not None and out.stored.code in ("verify.missing", "verify.linked"):
        return out
    path = root / f.file
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return out  # unreadable: reported by the digest check
    out.kind = sniff(head)
    display = f.file
    try:
        if out.kind is None:
            raise FileRejected("file.content_unknown", file=display, content="?", extension="")
        if out.kind == "pdf":
            facts = inspect_pdf(path, display)
            out.pages, out.notices = facts.pages, list(facts.notices)
            out.render = render_problem(path)
        else:
            out.pages = inspect_image(path, display).pages
    except FileRejected as exc:
        out.rejected = exc
    return out


def problems(f: StoredFile, r: Examined) -> list[tuple[str, Finding]]:
    """(check, finding) of one examined file: check is one of CHECKS ("opens", "format",
    "encryption", "active", "pages"). A missing or linked file gives none (the digest
    check names it)."""
    out: list[tuple[str, Finding]] = []
    params: dict[str, Any] = {"file": f.file}
    if r.stored is not None and r.stored.code in ("verify.missing", "verify.linked"):
        return out
    if r.rejected is not None:
        code = r.rejected.code
        reason = r.rejected.message()
        if code == _ENCRYPTED:
            out.append(("encryption", Finding("four.encrypted", "error", params, f.number)))
        elif code in _FORMAT_CODES:
            out.append(
                ("format", Finding("four.format", "error", {**params, "reason": reason}, f.number))
            )
        else:
            out.append(
                (
                    "opens",
                    Finding("four.unopenable", "error", {**params, "reason": reason}, f.number),
                )
            )
        return out
    allowed = r.kind is not None and MEDIA_TYPES.get(r.kind) == f.media_type
    if not allowed:
        out.append(
            (
                "format",
                Finding(
                    "four.format",
                    "error",
                    {
                        **params,
                        "reason": render("four.format_differs", {"media_type": f.media_type}),
                    },
                    f.number,
                ),
            )
        )
    if r.render is not None:
        out.append(
            (
                "opens",
                Finding("four.unrenderable", "error", {**params, "reason": r.render}, f.number),
            )
        )
    if "warning.pdf_javascript" in r.notices:
        out.append(("active", Finding("four.javascript", "error", params, f.number)))
    if "warning.pdf_embedded_files" in r.notices:
        out.append(("active", Finding("four.embedded_files", "error", params, f.number)))
    if r.pages is not None and r.pages != f.pages:
        out.append(
            (
                "pages",
                Finding(
                    "four.pages_differ",
                    "error",
                    {**params, "recorded": f.pages, "counted": r.pages},
                    f.number,
                ),
            )
        )
    return out


def examine_all(
    root: Path, files: Sequence[StoredFile], workers: int | None = None
) -> list[Examined]:
    """`examine` each file, on threads (PDFium calls are serialised in formats/render)."""
    import os

    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2) as pool:
        return list(pool.map(lambda f: examine(root, f), files))


def usability_findings(root: Path, files: Sequence[StoredFile]) -> list[Finding]:
    """What makes the files unusable (or their page counts wrong); for the handover
    check, which re-hashes the files itself."""
    return [
        finding
        for f, result in zip(files, examine_all(root, files), strict=True)
        for _check, finding in problems(f, result)
    ]
