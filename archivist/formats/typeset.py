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
import math
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


def write_watermarks(
    path: Path,
    sizes: Sequence[tuple[float, float]],
    lines: Sequence[str],
    footer: str,
    *,
    title: str = "水印",
) -> None:
    """One page per (width, height) in points, empty but for a watermark to lay over a
    page of that size: `lines` set diagonally across the page in translucent grey,
    repeated down it, and `footer` once along the foot in small dark type on a pale
    band, so that it stays readable over any page."""
    pdf = new_canvas(path, title=title)
    for page_w, page_h in sizes:
        pdf.setPageSize((page_w, page_h))
        short = min(page_w, page_h)
        size = max(8.0, min(28.0, short / 16))
        leading = size * 1.5
        block = leading * len(lines)
        room = min(page_w, page_h) * 1.1
        pdf.saveState()
        pdf.setFillColorRGB(0.55, 0.55, 0.55)
        pdf.setFillAlpha(0.45)
        pdf.translate(page_w / 2, page_h / 2)
        angle = 35 if page_h >= page_w else 20
        pdf.rotate(angle)
        slope = math.tan(math.radians(angle))  # each line centred on the page's middle
        step = block + size * 3
        rows = max(1, int(page_h * math.cos(math.radians(angle)) / step))
        top = (rows * step - size * 3) / 2
        for row in range(rows):
            for offset, line in enumerate(lines):
                y = top - row * step - offset * leading - size * 0.8
                line_size = fitting_size(line, room, size, smallest=6)
                pdf.setFont(FONT_NAME, line_size)
                pdf.drawCentredString(y * slope, y, line)
        pdf.restoreState()
        foot = max(5.0, min(9.0, short / 60))
        foot = min(foot, (page_w - foot * 2) / max(1.0, width(footer, 1.0)))  # all of it
        pdf.saveState()
        pdf.setFillColorRGB(1, 1, 1)
        pdf.setFillAlpha(0.8)
        pdf.rect(0, 0, page_w, foot * 2.2, stroke=0, fill=1)
        pdf.restoreState()
        text(pdf, page_w / 2, foot * 0.7, footer, foot, align="centre", colour=(0.15, 0.15, 0.15))
        pdf.showPage()
    pdf.save()
