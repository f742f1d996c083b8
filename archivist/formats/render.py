"""PDF pages through PDFium (pypdfium2, Apache-2.0/BSD): the only module that imports it.

Used for what pikepdf cannot do: read a page's text layer and render a page to pixels.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2 as pdfium


def page_text(path: Path, index: int) -> str:
    """The text layer of page `index` (0-based); empty for a scanned page."""
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[index]
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_range())
        finally:
            textpage.close()
            page.close()
    finally:
        document.close()


def render_page(path: Path, index: int, target: Path, dpi: int = 300) -> tuple[int, int]:
    """Render page `index` to a greyscale PNG at `dpi`; returns its pixel size."""
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[index]
        try:
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = bitmap.to_pil()
            image.save(target, "PNG")
            return int(image.width), int(image.height)
        finally:
            page.close()
    finally:
        document.close()


# PDFium is not thread-safe: one page at a time across threads.
_PDFIUM = threading.Lock()


def render_problem(path: Path) -> str | None:
    """Render the first page small (DA/T 70 usability: the file shows); None when it
    renders, else the reason in a few words."""
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(str(path))
        except Exception as exc:  # PdfiumError, OSError: not renderable
            return str(exc)[:120] or type(exc).__name__
        try:
            if len(document) == 0:
                return "no pages"
            page = document[0]
            try:
                bitmap = page.render(scale=24 / 72, grayscale=True)
                bitmap.close()
            finally:
                page.close()
        except Exception as exc:  # any failure to draw is the finding
            return str(exc)[:120] or type(exc).__name__
        finally:
            document.close()
    return None
