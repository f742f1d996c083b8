"""What a file is: its type by content (not by name), its pages, its digest.

Accepted formats follow DA/T 31 and DA/T 70: PDF for fixed-layout documents and
TIFF, JPEG, JPEG 2000 (and PNG) for scans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from archivist.errors import FileRejected
from archivist.formats.images import inspect_image
from archivist.formats.pdf import inspect_pdf
from archivist.storage.filestore import hash_file

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "tiff": "image/tiff",
    "jp2": "image/jp2",
}
EXTENSIONS = {
    ".pdf": "pdf",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".jpe": "jpeg",
    ".png": "png",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".jp2": "jp2",
    ".j2k": "jp2",
    ".jpf": "jp2",
}
_OTHER_SIGNATURES = [
    (b"PK\x03\x04", "zip/docx/ofd"),
    (b"\xd0\xcf\x11\xe0", "ms-office"),
    (b"GIF8", "gif"),
    (b"BM", "bmp"),
    (b"RIFF", "riff/webp"),
]
# Format names as a person knows them (the same in every language).
_FORMAT_NAMES = {
    "pdf": "PDF",
    "jpeg": "JPEG",
    "png": "PNG",
    "tiff": "TIFF",
    "jp2": "JPEG 2000",
    "zip/docx/ofd": "ZIP (DOCX/OFD)",
    "ms-office": "Microsoft Office",
    "gif": "GIF",
    "bmp": "BMP",
    "riff/webp": "WebP",
}


@dataclass(frozen=True)
class FileFacts:
    kind: str
    media_type: str
    pages: int
    size: int
    sha256: str
    has_text: bool
    warnings: list[str] = field(default_factory=list)
    # Message codes stored on the material (e.g. warning.pdf_javascript).
    notices: list[str] = field(default_factory=list)


def sniff(head: bytes) -> str | None:
    """The accepted kind a file's first bytes show, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if head.startswith(b"\x00\x00\x00\x0cjP  \r\n\x87\n") or head.startswith(b"\xff\x4f\xff\x51"):
        return "jp2"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    return None


def _describe_unknown(head: bytes) -> str:
    for signature, name in _OTHER_SIGNATURES:
        if head.startswith(signature):
            return name
    return "unknown"


def inspect_file(path: Path, display: str) -> FileFacts:
    """Check one file before capture; raise FileRejected with the reason if unusable."""
    try:
        if not path.exists():
            raise FileRejected("file.missing", file=display)
        if not path.is_file():
            raise FileRejected("file.not_a_file", file=display)
        size = path.stat().st_size
        if size == 0:
            raise FileRejected("file.empty", file=display)
        with path.open("rb") as handle:
            head = handle.read(1024)
    except PermissionError as exc:
        raise FileRejected(
            "file.unreadable", file=display, reason=exc.strerror or str(exc)
        ) from None
    except OSError as exc:
        raise FileRejected(
            "file.unreadable", file=display, reason=exc.strerror or str(exc)
        ) from None

    actual = sniff(head)
    expected = EXTENSIONS.get(path.suffix.lower())
    if actual is None:
        if expected is not None:
            other = _describe_unknown(head)
            raise FileRejected(
                "file.type_mismatch" if other in _FORMAT_NAMES else "file.content_unknown",
                file=display,
                extension=path.suffix,
                actual=other,
                content=_FORMAT_NAMES.get(other, other),
            )
        raise FileRejected("file.unsupported", file=display)
    if expected != actual:
        raise FileRejected(
            "file.type_mismatch",
            file=display,
            extension=path.suffix or "(none)",
            actual=actual,
            content=_FORMAT_NAMES[actual],
        )

    if actual == "pdf":
        pdf = inspect_pdf(path, display)
        pages, has_text, warnings = pdf.pages, pdf.has_text, pdf.warnings
        notices = pdf.notices
    else:
        image = inspect_image(path, display)
        pages, has_text, warnings = image.pages, False, []
        notices = []
    sha256, hashed_size = hash_file(path)
    if hashed_size != size:
        raise FileRejected("file.changed_during_capture", file=display)
    return FileFacts(
        kind=actual,
        media_type=MEDIA_TYPES[actual],
        pages=pages,
        size=size,
        sha256=sha256,
        has_text=has_text,
        warnings=warnings,
        notices=notices,
    )
