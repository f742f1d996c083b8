"""PDF pages through PDFium (pypdfium2, Apache-2.0/BSD): the only module that imports it.

Used for what pikepdf cannot do: read a page's text layer and render a page to pixels.
"""

from __future__ import annotations

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
