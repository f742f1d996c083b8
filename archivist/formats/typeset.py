"""Typeset PDF pages with Chinese text through reportlab: the only module importing it.

Text is drawn as vector glyphs from an embedded TrueType subset of the CJK font that
`archivist.formats.fonts` finds, so it can be searched and copied. reportlab embeds only fonts
with TrueType (`glyf`) outlines; `fonts.find_cjk_font(truetype_outlines=True)` picks one
(WenQuanYi Zen Hei from `fonts-wqy-zenhei` on Linux, SimSun/YaHei on Windows).

Callers draw on the canvas `new_canvas` returns (lines and boxes through its own
methods) and put text with `text`, which knows the font. Used by the demo archive's
electronic records and by the assembled volume PDF (cover, contents list, notes sheet,
page-number stamps).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4 as _A4
from reportlab.lib.units import mm as _mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas

from archivist.formats.fonts import find_cjk_font, preferred_face_index

FONT_NAME = "ArchivistCJK"
MM: float = float(_mm)
A4: tuple[float, float] = (float(_A4[0]), float(_A4[1]))
PAGE_W, PAGE_H = A4
Colour = tuple[float, float, float]
BLACK: Colour = (0.0, 0.0, 0.0)
# Chinese never starts a line with these; they hang at the end of the previous line.
NO_LINE_START = set("，。、；：？！）》」』”’％,.;:?!)%")


@functools.lru_cache(maxsize=1)
def register_font() -> str:
    """Register the CJK font with reportlab once per process (loading it takes ~0.2 s)."""
    path = find_cjk_font(truetype_outlines=True)
    index = preferred_face_index(path, truetype_outlines=True)
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=index))
    return FONT_NAME


def new_canvas(
    path: Path,
    *,
    title: str,
    subject: str = "",
    author: str = "Archivist",
    creator: str = "Archivist",
    on: dt.date | None = None,
    page_size: tuple[float, float] = A4,
) -> Any:
    """A reportlab canvas writing to `path`, the CJK font set. With `on`, the document
    dates are that day and the file is byte-for-byte reproducible (invariant mode)."""
    font = register_font()
    pdf = pdfcanvas.Canvas(
        str(path), pagesize=page_size, invariant=1 if on is not None else 0, pageCompression=1
    )
    if on is not None:
        stamp = f"D:{on:%Y%m%d}093000+08'00'"
        pdf.setDateFormatter(lambda *_parts: stamp)
    pdf.setTitle(title)
    pdf.setSubject(subject)
    pdf.setAuthor(author)
    pdf.setCreator(creator)
    pdf.setFont(font, 10.5)
    return pdf


def width(text: str, size: float) -> float:
    """The advance width of `text` in points at `size`."""
    register_font()
    return float(pdfmetrics.stringWidth(text, FONT_NAME, size))


def fitting_size(text: str, room: float, size: float, smallest: float = 6) -> float:
    """The largest size up to `size` (down to `smallest` pt) at which `text` fits in `room`."""
    while width(text, size) > room and size > smallest:
        size -= 0.5
    return size


def wrap(text: str, room: float, size: float, indent: int = 0) -> list[str]:
    """Break `text` into lines no wider than `room` (character by character, as Chinese
    is set; closing punctuation never starts a line). Newlines force a break."""
    lines: list[str] = []
    for part in text.split("\n"):
        line = "\u3000" * indent
        for char in part:
            if line.strip() and width(line + char, size) > room and char not in NO_LINE_START:
                lines.append(line)
                line = char
            else:
                line += char
        lines.append(line)
    return lines


def text(
    pdf: Any,
    x: float,
    y: float,
    value: str,
    size: float,
    *,
    align: str = "left",
    bold: bool = False,
    colour: Colour = BLACK,
) -> None:
    """Text whose baseline is at y; a thin outline stands in for a bold face."""
    pdf.setFont(FONT_NAME, size)
    pdf.setFillColorRGB(*colour)
    if bold:
        pdf.saveState()
        pdf.setStrokeColorRGB(*colour)
        pdf.setLineWidth(size / 45)
        text_object = pdf.beginText()
        text_object.setTextRenderMode(2)
        text_object.setFont(FONT_NAME, size)
        start = {"left": x, "centre": x - width(value, size) / 2, "right": x - width(value, size)}[
            align
        ]
        text_object.setTextOrigin(start, y)
        text_object.textOut(value)
        pdf.drawText(text_object)
        pdf.restoreState()
    elif align == "centre":
        pdf.drawCentredString(x, y, value)
    elif align == "right":
        pdf.drawRightString(x, y, value)
    else:
        pdf.drawString(x, y, value)


def paragraphs(
    pdf: Any, x: float, y: float, room: float, texts: Sequence[str], size: float
) -> float:
    """Indented paragraphs from baseline y down; returns the next free baseline."""
    leading = size * 1.9
    for value in texts:
        for line in wrap(value, room, size, indent=2):
            text(pdf, x, y, line, size)
            y -= leading
    return y
