"""Raster images through Pillow: the only module that imports it.

Inspection (type, page count, damage) for capture lives here; so does the drawing
used to render synthetic scan-like pages for the demo archive and test fixtures.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import math
import random
import re
import statistics
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import (
    Image,
    ImageChops,
    ImageDraw,
    ImageFile,
    ImageFilter,
    ImageFont,
    UnidentifiedImageError,
)

from archivist.errors import FileRejected
from archivist.formats import completeness
from archivist.formats.fonts import find_cjk_font, preferred_face_index

# The largest scan accepted (500 megapixels, e.g. 20000x20000): one fixed, process-wide
# policy instead of toggling Pillow's bomb guard, which other threads rely on too.
MAX_PIXELS = 500_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# Pixels above which capture only reads the header: decoding a huge scan fully just to
# look for damage would cost gigabytes of memory.
FULL_DECODE_LIMIT = 120_000_000

ImageFile.LOAD_TRUNCATED_IMAGES = False


@dataclass(frozen=True)
class ImageFacts:
    format: str
    pages: int
    width: int
    height: int


def inspect_image(path: Path, display_name: str) -> ImageFacts:
    """Count the frames of an image and make sure every frame decodes."""
    try:
        with Image.open(path) as img:
            fmt = img.format or "unknown"
            width, height = img.size
            _check_pixels(width, height, display_name)
            frames = getattr(img, "n_frames", 1)
            for index in range(frames):
                img.seek(index)
                _check_frame(img, path, display_name)
            return ImageFacts(format=fmt, pages=frames, width=width, height=height)
    except Image.DecompressionBombError:
        size = _header_size(path) or (0, 0)
        raise _too_large(size[0], size[1], display_name) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        reason = str(exc).strip() or type(exc).__name__
        raise FileRejected("file.image_corrupt", file=display_name, reason=reason[:200]) from None


def check_embedded_image(data: bytes, display_name: str) -> None:
    """Decode an image stream taken from a PDF page (JPEG, JPEG 2000) to find damage."""
    try:
        with Image.open(io.BytesIO(data)) as img:
            _check_pixels(img.width, img.height, display_name)
            _decode_fully(img)
    except Image.DecompressionBombError:
        raise _too_large(0, 0, display_name) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        reason = str(exc).strip() or type(exc).__name__
        raise FileRejected("file.pdf_corrupt", file=display_name, reason=reason[:200]) from None


def _too_large(width: int, height: int, display_name: str) -> FileRejected:
    """Refuse an image above the pixel limit (its size 0×0 when not even known)."""
    return FileRejected(
        "file.image_too_large",
        file=display_name,
        width=width or "?",
        height=height or "?",
        megapixels=round(width * height / 1_000_000) if width else "?",
        limit=MAX_PIXELS // 1_000_000,
    )


def _check_pixels(width: int, height: int, display_name: str) -> None:
    """The pixel limit, enforced on every format and frame before anything is decoded."""
    if width * height > MAX_PIXELS:
        raise _too_large(width, height, display_name)


def _header_size(path: Path) -> tuple[int, int] | None:
    """An image's size from its header alone, past Pillow's bomb guard (which refuses to
    open it at all): the plugins' readers parse only the header."""
    with path.open("rb") as handle:
        prefix = handle.read(16)
        for name in list(Image.ID):
            factory, accept = Image.OPEN[name]
            if accept is not None and not accept(prefix):
                continue
            handle.seek(0)
            try:
                with factory(handle, str(path)) as img:
                    return img.size
            except (SyntaxError, IndexError, TypeError, ValueError, OSError, struct.error):
                continue
    return None


def _check_frame(img: Image.Image, path: Path, display_name: str) -> None:
    """Check the current frame: within the pixel limit, and complete. Small frames are
    decoded; large ones are checked by walking their data (archivist.formats.completeness)."""
    _check_pixels(img.width, img.height, display_name)
    if img.width * img.height <= FULL_DECODE_LIMIT:
        _decode_fully(img)
        return
    problem: str | None
    if img.format == "PNG":
        problem = completeness.png_problem(path)
    elif img.format == "JPEG":
        problem = completeness.jpeg_problem(path)
        if problem is None:
            # At 1/8 scale the bitmap is 64 times smaller, yet every coded byte is read.
            img.draft(img.mode, (max(1, img.width // 8), max(1, img.height // 8)))
            img.load()
    elif img.format == "JPEG2000":
        problem = completeness.jp2_problem(path)
    elif img.format == "TIFF":
        problem = completeness.tiff_problem(_tiff_layout(img), path.stat().st_size)
    else:
        problem = "format not checked"
    if problem is not None:
        raise FileRejected("file.image_incomplete", file=display_name, detail=problem)


def _tiff_layout(img: Image.Image) -> completeness.TiffLayout:
    tags = getattr(img, "tag_v2", {})

    def numbers(tag: int) -> list[int]:
        value = tags.get(tag)
        if value is None:
            return []
        return [int(v) for v in (value if isinstance(value, tuple) else (value,))]

    tiled = 322 in tags and 323 in tags
    samples = int(tags.get(277, 1))
    planes = samples if int(tags.get(284, 1)) == 2 else 1
    bits = numbers(258) or [1]
    uncompressed = None
    if int(tags.get(259, 1)) == 1:
        row_bits = img.width * (bits[0] if planes > 1 else sum(bits[:samples]) or bits[0])
        uncompressed = (row_bits + 7) // 8 * img.height * planes
    return completeness.TiffLayout(
        width=img.width,
        height=img.height,
        offsets=numbers(324 if tiled else 273),
        counts=numbers(325 if tiled else 279),
        rows_per_strip=int(tags[278]) if 278 in tags else None,
        tile_width=int(tags[322]) if tiled else None,
        tile_height=int(tags[323]) if tiled else None,
        planes=planes,
        uncompressed_total=uncompressed,
    )


def _decode_fully(img: Image.Image) -> None:
    """Read every byte of the current frame's pixel data (damage shows up as an error).

    JPEGs decode at 1/8 scale: every entropy-coded byte is still read, at a third of
    the cost of a full decode.
    """
    if img.width * img.height > FULL_DECODE_LIMIT:
        return
    if img.format == "JPEG":
        img.draft(img.mode, (max(1, img.width // 8), max(1, img.height // 8)))
    img.load()


# ---------------------------------------------------------------------------
# Drawing synthetic pages (demo archive, test fixtures)
#
# Layout is in millimetres from the page's top-left corner, font sizes in points, so a
# page looks the same at any dpi. Colours are RGB; a greyscale canvas takes their grey.
# ---------------------------------------------------------------------------

Colour = tuple[int, int, int]
PageImage = Image.Image  # what callers hold between drawing, degrading and saving

A4_MM = (210.0, 297.0)
WHITE: Colour = (255, 255, 255)
INK: Colour = (28, 28, 32)
PEN_BLUE: Colour = (24, 42, 120)
SEAL_RED: Colour = (214, 38, 44)
PALE_GREY: Colour = (236, 236, 236)
MID_GREY: Colour = (150, 150, 150)
BILEVEL_THRESHOLD = 180

# Chinese never starts a line with these; they hang at the end of the previous line.
_NO_LINE_START = set("，。、；：？！）》」』”’％,.;:?!)%")


@dataclass(frozen=True)
class Cell:
    """One bordered box of a table row: its text, width (mm) and alignment."""

    text: str
    width: float
    align: str = "left"  # left | centre | right
    bold: bool = False


@functools.lru_cache(maxsize=128)
def _font(path: str, index: int, size_px: int) -> ImageFont.FreeTypeFont:
    # Basic layout: Chinese needs no shaping, and it is several times faster than raqm.
    return ImageFont.truetype(path, size_px, index=index, layout_engine=ImageFont.Layout.BASIC)


@functools.lru_cache(maxsize=65536)
def _advance(path: str, index: int, size_px: int, token: str) -> float:
    """Advance width of a character or word; cached, since forms repeat the same few."""
    return _font(path, index, size_px).getlength(token)


def _text_mask(
    path: str, index: int, size_px: int, text: str, anchor: str, stroke: int
) -> tuple[Image.Image, tuple[int, int]]:
    """Rendered text as a coverage mask and its offset from the anchor point.

    Forms repeat the same labels on every page, and FreeType rendering is the largest
    cost of drawing one, so each string is rendered once per size.
    """
    font = _font(path, index, size_px)
    box = font.getbbox(text, anchor=anchor, stroke_width=stroke)
    left, top = math.floor(box[0]), math.floor(box[1])
    right, bottom = math.ceil(box[2]), math.ceil(box[3])
    mask = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
    ImageDraw.Draw(mask).text(
        (-left, -top),
        text,
        font=font,
        fill=255,
        anchor=anchor,
        stroke_width=stroke,
        stroke_fill=255,
    )
    return mask, (left, top)


_CACHED_TEXT_LENGTH = 12
_cached_text_mask = functools.lru_cache(maxsize=4096)(_text_mask)


@functools.lru_cache(maxsize=4)
def _default_font() -> tuple[str, int]:
    path = find_cjk_font()
    return str(path), preferred_face_index(path)


class PageCanvas:
    """A blank page to draw a synthetic record on (white A4 at `dpi` by default)."""

    def __init__(
        self,
        *,
        dpi: int = 150,
        colour: bool = True,
        size_mm: tuple[float, float] = A4_MM,
        font: Path | None = None,
    ) -> None:
        self.dpi = dpi
        self.colour = colour
        self.size_mm = size_mm
        if font is None:
            self._font_path, self._font_index = _default_font()
        else:
            self._font_path, self._font_index = str(font), preferred_face_index(font)
        mode = "RGB" if colour else "L"
        self.image: PageImage = Image.new(
            mode, (self.px(size_mm[0]), self.px(size_mm[1])), self._ink(WHITE)
        )
        self.image.info["dpi"] = (dpi, dpi)
        self._draw = ImageDraw.Draw(self.image)

    # -- units --------------------------------------------------------------
    def px(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)

    def font(self, size_pt: float) -> ImageFont.FreeTypeFont:
        return _font(self._font_path, self._font_index, self._size_px(size_pt))

    def _size_px(self, size_pt: float) -> int:
        return max(4, round(size_pt * self.dpi / 72))

    def _length_px(self, text: str, size_pt: float) -> float:
        size_px = self._size_px(size_pt)
        return sum(_advance(self._font_path, self._font_index, size_px, t) for t in _tokens(text))

    def text_width(self, text: str, size_pt: float) -> float:
        """Width of `text` in millimetres."""
        return self._length_px(text, size_pt) * 25.4 / self.dpi

    def _ink(self, colour: Colour) -> Colour | int:
        if self.colour:
            return colour
        red, green, blue = colour
        return (red * 299 + green * 587 + blue * 114) // 1000

    def _xy(self, x: float, y: float) -> tuple[int, int]:
        return self.px(x), self.px(y)

    # -- text ---------------------------------------------------------------
    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float = 10.5,
        align: str = "left",
        bold: bool = False,
        fill: Colour = INK,
    ) -> None:
        """One line of text whose top is at `y`; `x` is its left, centre or right end."""
        # Anchored on the baseline one ascent below `y`: a "top" anchor would align each
        # string by its own ink, so a lone comma or a number would float upward.
        anchor = {"left": "ls", "centre": "ms", "right": "rs"}[align]
        ascent = self.font(size).getmetrics()[0]
        left, top = self._xy(x, y)
        self._text_px((left, top + ascent), text, size, anchor, bold, fill)

    def _text_px(
        self, at: tuple[int, int], text: str, size: float, anchor: str, bold: bool, fill: Colour
    ) -> None:
        size_px = self._size_px(size)
        stroke = max(1, round(size_px / 40)) if bold else 0  # a stroke stands in for a bold face
        # Labels and handwritten characters repeat; long values rarely do.
        render = _cached_text_mask if len(text) <= _CACHED_TEXT_LENGTH else _text_mask
        mask, (dx, dy) = render(self._font_path, self._font_index, size_px, text, anchor, stroke)
        self.image.paste(self._ink(fill), (at[0] + dx, at[1] + dy), mask)

    def wrap(self, text: str, width: float, size: float, *, indent: int = 0) -> list[str]:
        """Break `text` into lines of at most `width` mm; `indent` leading full-width spaces."""
        size_px = self._size_px(size)
        limit = width * self.dpi / 25.4
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = "\u3000" * indent
            used = self._length_px(line, size)
            for token in _tokens(paragraph):
                advance = _advance(self._font_path, self._font_index, size_px, token)
                if not line.strip() or used + advance <= limit:
                    line += token
                    used += advance
                    continue
                if token[0] in _NO_LINE_START:
                    # A closing mark may not start a line: the characters before it go
                    # down with it (past any other closing marks), so no line runs long.
                    kept, moved = _tokens(line), token
                    while len(kept) > 1 and moved[0] in _NO_LINE_START:
                        moved = kept.pop() + moved
                    if moved[0] in _NO_LINE_START:  # nothing to carry: the mark hangs
                        line += token
                        used += advance
                        continue
                    line, token = "".join(kept), moved
                lines.append(line)
                line, used = token, self._length_px(token, size)
            lines.append(line)
        return lines

    def paragraph(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        *,
        size: float = 10.5,
        leading: float = 1.7,
        indent: int = 2,
        fill: Colour = INK,
    ) -> float:
        """Wrapped text, each paragraph first-line indented; returns the y below it."""
        step = size * 25.4 / 72 * leading
        for paragraph in text.split("\n"):
            for line in self.wrap(paragraph, width, size, indent=indent):
                self.text(x, y, line, size=size, fill=fill)
                y += step
        return y

    def handwriting(
        self, x: float, y: float, text: str, *, size: float = 14, seed: int = 0
    ) -> float:
        """Short text written by hand (a signature, a date, a note): uneven baseline, size
        and spacing, in pen ink. Returns the x where the writing ends."""
        rng = random.Random(f"{seed}:{text}")
        cursor = x
        for token in _tokens(text):
            token_size = size * rng.uniform(0.93, 1.07)
            self.text(cursor, y + rng.uniform(-0.4, 0.4), token, size=token_size, fill=PEN_BLUE)
            cursor += self.text_width(token, token_size) * rng.uniform(0.86, 0.97)
        return cursor

    # -- lines and boxes ----------------------------------------------------
    def line(
        self, x1: float, y1: float, x2: float, y2: float, *, weight: float = 0.3, fill: Colour = INK
    ) -> None:
        width = max(1, self.px(weight))
        self._draw.line([self._xy(x1, y1), self._xy(x2, y2)], fill=self._ink(fill), width=width)

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        weight: float = 0.3,
        outline: Colour | None = INK,
        fill: Colour | None = None,
        radius: float = 0.0,
    ) -> None:
        box = (*self._xy(x, y), *self._xy(x + w, y + h))
        self._draw.rounded_rectangle(
            box,
            radius=self.px(radius),
            outline=None if outline is None else self._ink(outline),
            fill=None if fill is None else self._ink(fill),
            width=max(1, self.px(weight)) if outline is not None else 0,
        )

    def cell(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str = "",
        *,
        size: float = 10.0,
        align: str = "left",
        valign: str = "middle",
        bold: bool = False,
        border: bool = True,
        fill: Colour = INK,
    ) -> None:
        """A bordered box with text fitted inside: shrunk, then wrapped if too long."""
        if border:
            self.rect(x, y, w, h)
        if not text:
            return
        pad = 1.6
        inner_w, inner_h = w - 2 * pad, h - 1.2
        fitted = size
        while True:
            line_h = fitted * 25.4 / 72 * 1.3
            lines = self.wrap(text, inner_w, fitted)
            widest = max(self.text_width(line, fitted) for line in lines)
            fits = len(lines) * line_h <= inner_h and widest <= inner_w
            if fits or fitted <= size * 0.55:
                break
            fitted *= 0.92
        block_h = len(lines) * line_h
        top = y + (h - block_h) / 2 if valign == "middle" else y + pad
        anchor_x = {"left": x + pad, "centre": x + w / 2, "right": x + w - pad}[align]
        # Centre the ink, not the font box: a Chinese glyph's middle sits about 0.35 em
        # above the baseline, whatever ascent the font declares.
        em = fitted * 25.4 / 72
        ascent = self.font(fitted).getmetrics()[0] * 25.4 / self.dpi
        for line in lines:
            baseline = top + line_h / 2 + 0.35 * em
            self.text(
                anchor_x, baseline - ascent, line, size=fitted, align=align, bold=bold, fill=fill
            )
            top += line_h

    def row(
        self, x: float, y: float, cells: Sequence[Cell], *, height: float = 9.0, size: float = 10.0
    ) -> float:
        """Cells side by side; returns the y of the row's bottom edge."""
        for cell in cells:
            self.cell(
                x, y, cell.width, height, cell.text, size=size, align=cell.align, bold=cell.bold
            )
            x += cell.width
        return y + height

    def table(
        self,
        x: float,
        y: float,
        widths: Sequence[float],
        rows: Sequence[Sequence[str]],
        *,
        height: float = 8.0,
        size: float = 9.5,
        header: bool = True,
    ) -> float:
        """A grid of centred cells, the first row bold when `header`; returns its bottom y."""
        for index, values in enumerate(rows):
            bold = header and index == 0
            cells = [Cell(v, w, "centre", bold) for v, w in zip(values, widths, strict=True)]
            y = self.row(x, y, cells, height=height, size=size)
        return y

    def checkbox(self, x: float, y: float, *, checked: bool, size: float = 3.2) -> None:
        self.rect(x, y, size, size, weight=0.25)
        if checked:
            points = [
                (x + size * 0.15, y + size * 0.5),
                (x + size * 0.42, y + size * 0.85),
                (x + size * 1.05, y - size * 0.2),
            ]
            self._draw.line(
                [self._xy(px, py) for px, py in points],
                fill=self._ink(PEN_BLUE),
                width=max(1, self.px(0.45)),
            )

    # -- pictures -----------------------------------------------------------
    def photo_placeholder(self, x: float, y: float, w: float, h: float) -> None:
        """A grey portrait silhouette where an ID photo would be."""
        self.rect(x, y, w, h, weight=0.2, fill=PALE_GREY)
        head_r = w * 0.2
        cx = x + w / 2
        head_cy = y + h * 0.38
        self._draw.ellipse(
            (
                *self._xy(cx - head_r, head_cy - head_r * 1.15),
                *self._xy(cx + head_r, head_cy + head_r * 1.15),
            ),
            fill=self._ink(MID_GREY),
        )
        self._draw.pieslice(
            (*self._xy(x + w * 0.12, y + h * 0.62), *self._xy(x + w * 0.88, y + h * 1.25)),
            180,
            360,
            fill=self._ink(MID_GREY),
        )

    def qr_placeholder(self, x: float, y: float, size: float, *, seed: int = 0) -> None:
        """A square of random modules with the three finder patterns, like a QR code."""
        rng = random.Random(seed)
        modules = 25
        step = size / modules
        ink = self._ink(INK)
        finders = ((0, 0), (modules - 7, 0), (0, modules - 7))

        def in_finder(col: int, row: int) -> bool:
            return any(fx - 1 <= col <= fx + 7 and fy - 1 <= row <= fy + 7 for fx, fy in finders)

        for row in range(modules):
            for col in range(modules):
                if not in_finder(col, row) and rng.random() < 0.5:
                    self._draw.rectangle(
                        (
                            *self._xy(x + col * step, y + row * step),
                            *self._xy(x + (col + 1) * step, y + (row + 1) * step),
                        ),
                        fill=ink,
                    )
        for fx, fy in finders:
            fx_mm, fy_mm = x + fx * step, y + fy * step
            self.rect(fx_mm, fy_mm, 7 * step, 7 * step, outline=None, fill=INK)
            self.rect(fx_mm + step, fy_mm + step, 5 * step, 5 * step, outline=None, fill=WHITE)
            self.rect(
                fx_mm + 2 * step, fy_mm + 2 * step, 3 * step, 3 * step, outline=None, fill=INK
            )

    def seal(
        self,
        cx: float,
        cy: float,
        ring_text: str,
        *,
        bottom_text: str = "",
        diameter: float = 40.0,
        rotation: float = 0.0,
        colour: Colour = SEAL_RED,
    ) -> None:
        """A round seal (公章) stamped over whatever is below it, centred at (cx, cy)."""
        mask = _seal_mask(
            self._font_path, self._font_index, ring_text, bottom_text, self.px(diameter)
        )
        if rotation:
            mask = mask.rotate(rotation, resample=Image.Resampling.BILINEAR)
        left, top = self.px(cx) - mask.width // 2, self.px(cy) - mask.height // 2
        box = (left, top, left + mask.width, top + mask.height)
        region = self.image.crop(box)
        # Stamp ink darkens what is under it instead of covering it, as on paper.
        inked = ImageChops.multiply(region, Image.new(region.mode, region.size, self._ink(colour)))
        region.paste(inked, mask=mask)
        self.image.paste(region, box[:2])


def _tokens(text: str) -> list[str]:
    """Split for wrapping: each Chinese character alone, Latin words and numbers whole."""
    tokens: list[str] = []
    for char in text:
        if (
            tokens
            and char.isascii()
            and char.isalnum()
            and tokens[-1][-1].isascii()
            and tokens[-1][-1].isalnum()
        ):
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


@functools.lru_cache(maxsize=64)
def _seal_mask(
    font_path: str, font_index: int, ring_text: str, bottom_text: str, diameter_px: int
) -> Image.Image:
    """The ink of a round seal as an 8-bit mask: ring, text around the top arc, star, bottom line."""
    size = diameter_px + 4
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    centre = size / 2
    radius = diameter_px / 2
    ring = max(2, round(diameter_px * 0.035))
    draw.ellipse(
        (centre - radius, centre - radius, centre + radius, centre + radius),
        outline=255,
        width=ring,
    )

    # Text around the arc, each character upright toward the centre and condensed.
    count = max(1, len(ring_text))
    span = min(260.0, 24.0 * count + 30)
    char_px = max(8, round(min(radius * 0.27, math.radians(span / count) * radius * 1.04)))
    font = _font(font_path, font_index, char_px)
    text_radius = radius * 0.9 - char_px * 0.6
    for index, char in enumerate(ring_text):
        angle = -span / 2 + span * (index + 0.5) / count  # degrees clockwise from the top
        glyph = Image.new("L", (char_px * 2, char_px * 2), 0)
        ImageDraw.Draw(glyph).text((char_px, char_px), char, font=font, fill=255, anchor="mm")
        glyph = glyph.resize((round(char_px * 1.5), char_px * 2), Image.Resampling.BILINEAR)
        glyph = glyph.rotate(-angle, resample=Image.Resampling.BILINEAR, expand=True)
        gx = centre + text_radius * math.sin(math.radians(angle)) - glyph.width / 2
        gy = centre - text_radius * math.cos(math.radians(angle)) - glyph.height / 2
        mask.paste(255, (round(gx), round(gy)), glyph)

    star_r = diameter_px * 0.16
    points = []
    for k in range(10):
        r = star_r if k % 2 == 0 else star_r * 0.38
        a = math.radians(-90 + 36 * k)
        points.append((centre + r * math.cos(a), centre + r * math.sin(a)))
    draw.polygon(points, fill=255)
    if bottom_text:
        bottom_px = max(8, round(min(radius * 0.2, radius * 1.2 / len(bottom_text))))
        bottom_font = _font(font_path, font_index, bottom_px)
        draw.text(
            (centre, centre + radius * 0.56), bottom_text, font=bottom_font, fill=255, anchor="mm"
        )

    # Uneven ink: a stamp never prints solid.
    texture = _uniform_noise(size, size, f"seal:{ring_text}:{bottom_text}").point(
        lambda v: 150 + v // 3 if v < 200 else 255
    )
    return ImageChops.multiply(mask, texture).filter(ImageFilter.GaussianBlur(0.6))


def _uniform_noise(width: int, height: int, seed: str) -> Image.Image:
    """Uniform grey noise from Python's seeded generator (Pillow's own noise is unseeded)."""
    return Image.frombytes("L", (width, height), random.Random(seed).randbytes(width * height))


# ---------------------------------------------------------------------------
# Making a drawn page look scanned, and saving pages
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _noise_field(width: int, height: int, sigma: float) -> Image.Image:
    """Gaussian grey noise around 128, a little larger than a page so pages can differ by crop.

    Uniform bytes mapped through the normal quantile function: as fast as Pillow's own
    noise, but seeded, so a seed gives the same scan in every process.
    """
    normal = statistics.NormalDist(128, sigma)
    to_gaussian = [min(255, max(0, round(normal.inv_cdf((v + 0.5) / 256)))) for v in range(256)]
    return _uniform_noise(width, height, f"scan-noise:{width}x{height}:{sigma}").point(to_gaussian)


def degrade_like_scan(
    page: PageCanvas | PageImage,
    *,
    seed: int,
    skew_degrees: float = 0.6,
    noise: float = 5.0,
    blur: float = 0.6,
    jpeg_quality: int | None = None,
    bits: int = 24,
) -> PageImage:
    """A copy of the page as a scanner would return it.

    Tilted by up to `skew_degrees` either way, softened by a box `blur` of that radius (pixels),
    speckled with gaussian `noise` (standard deviation in grey levels), optionally passed
    through JPEG at `jpeg_quality` once (a re-saved scan), and reduced to `bits` per
    pixel: 24 colour, 8 greyscale, 1 black-and-white.
    """
    if bits not in (1, 8, 24):
        raise ValueError(f"bits must be 1, 8 or 24, not {bits}")
    rng = random.Random(seed)
    image = page.image if isinstance(page, PageCanvas) else page
    dpi = image.info.get("dpi", (150, 150))
    if bits in (1, 8) and image.mode != "L":
        image = image.convert("L")  # early: every later step is then a third of the work
    elif bits == 24 and image.mode != "RGB":
        image = image.convert("RGB")
    angle = rng.uniform(-skew_degrees, skew_degrees) if skew_degrees else 0.0
    if angle:
        white = 255 if image.mode == "L" else WHITE
        # Nearest-neighbour: ten times faster than bilinear on a full page, and its
        # stair-stepped lines are what a low-resolution scan of a tilted page shows.
        image = image.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=white)
    if blur > 0:
        image = image.filter(ImageFilter.BoxBlur(blur))
    if image.mode == "RGB":
        # Paper is never pure white under a scanner lamp: a faint warm grey.
        image = image.point(
            [round(6 + v * 0.965) for v in range(256)] * 2
            + [round(2 + v * 0.955) for v in range(256)]
        )
    if noise > 0:
        margin = 64
        field = _noise_field(image.width + margin, image.height + margin, float(noise))
        dx, dy = rng.randrange(margin), rng.randrange(margin)
        grain = field.crop((dx, dy, dx + image.width, dy + image.height))
        if image.mode == "RGB":
            grain = Image.merge("RGB", (grain, grain, grain))
        image = ImageChops.add(image, grain, scale=1.0, offset=-128)
    if jpeg_quality is not None:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=jpeg_quality)
        buffer.seek(0)
        image = Image.open(buffer)
        image.load()
    if bits == 1:
        # A high threshold, as bilevel scanners use, keeps red seals and grey print.
        image = image.point(lambda v: 255 if v > BILEVEL_THRESHOLD else 0).convert(
            "1", dither=Image.Dither.NONE
        )
    image.info["dpi"] = dpi
    return image


def _as_image(page: PageCanvas | PageImage) -> PageImage:
    return page.image if isinstance(page, PageCanvas) else page


def _dpi(image: PageImage) -> tuple[float, float]:
    dpi = image.info.get("dpi", (150, 150))
    return float(dpi[0]), float(dpi[1])


def save_jpeg(page: PageCanvas | PageImage, path: Path, *, quality: int = 72) -> None:
    image = _as_image(page)
    if image.mode == "1":
        image = image.convert("L")
    image.save(path, "JPEG", quality=quality, dpi=_dpi(image))


def save_png(page: PageCanvas | PageImage, path: Path) -> None:
    image = _as_image(page)
    image.save(path, "PNG", dpi=_dpi(image), compress_level=6)


def save_tiff(
    pages: Sequence[PageCanvas | PageImage], path: Path, *, compression: str | None = None
) -> None:
    """A multi-page TIFF: CCITT Group 4 for black-and-white pages, Deflate otherwise."""
    images = [_as_image(p) for p in pages]
    if not images:
        raise ValueError("no pages to save")
    first, rest = images[0], images[1:]
    chosen = compression or (
        "group4" if all(i.mode == "1" for i in images) else "tiff_adobe_deflate"
    )
    first.save(path, "TIFF", save_all=True, append_images=rest, compression=chosen, dpi=_dpi(first))


def save_image_pdf(
    pages: Sequence[PageCanvas | PageImage],
    path: Path,
    *,
    quality: int = 72,
    title: str = "",
    created: dt.datetime | None = None,
) -> None:
    """A scanned PDF: one full-page image per page (JPEG, or CCITT G4 for black-and-white).

    `created` fixes the document dates, so the same pages always give the same bytes.
    """
    images = [_as_image(p) for p in pages]
    if not images:
        raise ValueError("no pages to save")
    stamp = created or dt.datetime.now()
    # Black-and-white pages go in as CCITT G4, which takes no JPEG quality; in a mixed
    # document they are widened to grey so one quality setting applies to every page.
    extra: dict[str, int] = {}
    if not all(image.mode == "1" for image in images):
        images = [image.convert("L") if image.mode == "1" else image for image in images]
        extra["quality"] = quality
    first, rest = images[0], images[1:]
    first.save(
        path,
        "PDF",
        save_all=True,
        append_images=rest,
        resolution=_dpi(first)[0],
        title=title,
        creationDate=stamp.timetuple(),
        modDate=stamp.timetuple(),
        producer="Archivist demo data",
        **extra,
    )


# -- page images for OCR -----------------------------------------------------------

# Above this a page cannot be a plausible scan for OCR (Tesseract's memory grows with it).
OCR_PIXEL_LIMIT = 150_000_000


# Work copies for the OCR engine up to this many bytes of pixels are written as
# uncompressed TIFF (4 ms for an A4 page at 150 dpi, against 70 ms for the fastest PNG);
# larger ones as PNG, so that a huge page does not fill the temporary folder.
_RAW_COPY_LIMIT = 40_000_000


@dataclass(frozen=True)
class OcrImage:
    """A page ready for the OCR engine: `path` is the file it reads (the source itself
    when the engine reads it as it is), `pixels` the decoded page for measuring."""

    path: Path
    width: int
    height: int
    blank: bool
    pixels: Image.Image


def prepare_for_ocr(source: Path, frame: int, folder: Path) -> OcrImage:
    """Frame `frame` (0-based) of an image file as something Tesseract reads well:
    8-bit grey or RGB. Raises ValueError('too large', w, h) for an implausible size."""
    with Image.open(source) as img:
        img.seek(frame)
        width, height = img.size
        if width * height > OCR_PIXEL_LIMIT:
            raise ValueError("too large", width, height)
        # JPEG and PNG pages in grey or colour are read as they are: no copy to write.
        as_is = (
            img.format in ("JPEG", "PNG")
            and img.mode in ("L", "RGB")
            and "transparency" not in img.info
            and not getattr(img, "is_animated", False)
        )
        if img.mode in ("I;16", "I;16B", "I;16L", "I"):
            # 16-bit greys: scale down to 8 bits rather than clip to white.
            extrema = img.getextrema()
            top = extrema[1] if isinstance(extrema, tuple) else 1
            high = max(1, int(top) if isinstance(top, int | float) else 1)
            converted = img.point(lambda v: v * 255 / high).convert("L")
        elif img.mode in ("1", "L"):
            converted = img.convert("L")
        else:
            converted = _flatten(img)
    target = source if as_is else save_work_copy(converted, folder / f"frame-{frame + 1}")
    return OcrImage(target, width, height, _is_blank(converted), converted)


def save_work_copy(image: Image.Image, stem: Path) -> Path:
    """Save a temporary page for the OCR engine, fast: `stem` plus .tif or .png."""
    if image.width * image.height * len(image.getbands()) <= _RAW_COPY_LIMIT:
        path = stem.with_suffix(".tif")
        # Explicitly uncompressed: Pillow would otherwise reuse the source's compression
        # from image.info, and Group 4 cannot hold the 8-bit grey copy of a bilevel scan.
        image.save(path, "TIFF", compression="raw")
    else:
        path = stem.with_suffix(".png")
        image.save(path, "PNG", compress_level=1)
    return path


def _flatten(img: Image.Image) -> Image.Image:
    """RGB on white: palette, CMYK and transparent images alike."""
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return img.convert("RGB")


def _is_blank(img: Image.Image) -> bool:
    """No ink worth reading: almost every pixel of a small copy is near white."""
    small = img.convert("L")
    small.thumbnail((400, 400))
    histogram = small.histogram()
    dark = sum(histogram[:200])
    return dark <= max(3, small.width * small.height // 2000)


@dataclass(frozen=True)
class EmbeddableImage:
    """A page image ready to place in a PDF without re-encoding JPEGs."""

    encoding: str  # "jpeg" (data is the JPEG file) or "raw" (packed pixels)
    data: bytes
    width: int
    height: int
    mode: str  # "L", "RGB" or "1"
    dpi: float


def embeddable_frame(source: Path, frame: int, default_dpi: float = 200.0) -> EmbeddableImage:
    with Image.open(source) as img:
        img.seek(frame)
        dpi_info = img.info.get("dpi")
        dpi = (
            float(dpi_info[0])
            if dpi_info and dpi_info[0] and float(dpi_info[0]) > 10
            else default_dpi
        )
        if img.format == "JPEG" and img.mode in ("L", "RGB") and getattr(img, "n_frames", 1) == 1:
            return EmbeddableImage(
                "jpeg", source.read_bytes(), img.width, img.height, img.mode, dpi
            )
        converted: Image.Image
        if img.mode == "1":
            converted = img
        elif img.mode in ("L", "I;16", "I;16B", "I;16L", "I"):
            converted = (
                img.convert("L")
                if img.mode == "L"
                else img.convert("I").point(lambda v: v / 256).convert("L")
            )
        else:
            converted = _flatten(img)
        return EmbeddableImage(
            "raw", converted.tobytes(), converted.width, converted.height, converted.mode, dpi
        )


# ---------------------------------------------------------------------------
# Poor scans for the OCR quality corpus, and pre-processing pages before OCR
# ---------------------------------------------------------------------------


def fade(page: PageCanvas | PageImage, *, paper: int, ink: int) -> PageImage:
    """Grey copy with white mapped to `paper` and black to `ink`: yellowed paper and
    worn ribbon or toner, as on old carbon copies and faxes."""
    image = _as_image(page).convert("L")
    faded = image.point([round(ink + (paper - ink) * v / 255) for v in range(256)])
    faded.info["dpi"] = _dpi(_as_image(page))
    return faded


def add_speckle(image: PageImage, *, density: float, seed: int) -> PageImage:
    """A black-and-white copy with dust and toner specks: `density` of the pixels start a
    speck of 1-3 pixels a side, as bilevel scans of dirty glass or photocopies show."""
    rng = random.Random(f"speckle:{seed}")
    speckled = image.convert("1", dither=Image.Dither.NONE).copy()
    draw = ImageDraw.Draw(speckled)
    count = round(image.width * image.height * density)
    for _ in range(count):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        side = rng.choice((1, 1, 1, 2, 2, 3))
        draw.rectangle((x, y, x + side - 1, y + side - 1), fill=0)
    speckled.info["dpi"] = _dpi(image)
    return speckled


@dataclass(frozen=True)
class PageMeasures:
    """Cheap facts about a page image that say which clean-up steps help OCR."""

    width: int
    height: int
    dpi: float | None  # as recorded in the file, when plausible
    bilevel: bool  # only black and white pixels
    paper: int  # grey of the paper (median of a smoothed copy)
    ink: int  # grey of the darkest print (0.5th percentile of a smoothed copy)
    grain: float  # median absolute difference from a 3x3 median: scanner noise
    speckle: float  # isolated ink specks per 10,000 pixels
    skew_degrees: float  # the text lines' tilt, counter-clockwise positive
    line_height: float  # median height of text lines in pixels (0 when none found)


@dataclass(frozen=True)
class CleanupSteps:
    """Which clean-up steps to apply to a page before OCR, in this order."""

    despeckle: bool = False  # remove specks of dust (blobs up to `speck_area` pixels)
    speck_area: int = 12
    denoise: bool = False  # gaussian blur (radius 1) against grain
    contrast: bool = False  # stretch paper to white and ink to black
    deskew_degrees: float = 0.0  # rotate by minus this
    scale: float = 1.0  # enlarge small text (bicubic)
    binarise: bool = False  # adaptive (local mean) threshold

    @property
    def any(self) -> bool:
        return (
            self.despeckle
            or self.denoise
            or self.contrast
            or self.binarise
            or abs(self.deskew_degrees) >= 0.05
            or abs(self.scale - 1.0) > 0.01
        )

    @property
    def summary(self) -> str:
        """The steps taken, for the record: 'despeckle,denoise,deskew(-1.2),scale(2)'."""
        taken = [
            name
            for name, on in (
                ("despeckle", self.despeckle),
                ("denoise", self.denoise),
                ("contrast", self.contrast),
            )
            if on
        ]
        if abs(self.deskew_degrees) >= 0.05:
            taken.append(f"deskew({self.deskew_degrees:g})")
        if abs(self.scale - 1.0) > 0.01:
            taken.append(f"scale({self.scale:g})")
        if self.binarise:
            taken.append("binarise")
        return ",".join(taken)


@dataclass(frozen=True)
class CleanedPage:
    path: Path
    width: int
    height: int


_SKEW_SEARCH_DEGREES = 5.0
# Pixels across the reduced copies the tilt is searched on: a coarse pass over the
# whole range, then a fine pass near its best angle (a tenth of a degree is about
# one pixel across the fine copy).
_SKEW_COARSE_WIDTH = 350
_SKEW_FINE_WIDTH = 1000
_MEASURE_WIDTH = 1000  # pixels across the reduced copy most measures are taken on
# Pixels a side of the middle squares the grain and the dust are measured on. Both are
# shares of the page, so a sample gives the same figure (same plans on the quality
# corpus) at a fraction of the cost: measuring went from 91 to 47 ms on a 150-dpi A4
# page and from 138 to 60 ms at 300 dpi.
_GRAIN_SAMPLE = 400
_SPECK_SAMPLE = 1200


def measure_page(source: Path | Image.Image) -> PageMeasures:
    """Measure a page image (a file or decoded pixels, any mode Pillow reads) in a
    fraction of a second."""
    with _opened(source) as img:
        dpi_info = img.info.get("dpi")
        bilevel = img.mode == "1"
        grey = img if img.mode == "L" else img.convert("L")
        grey.load()  # before a file is closed
    dpi = float(dpi_info[0]) if dpi_info and 50 <= float(dpi_info[0]) <= 1200 else None
    # Tilt, line height and the greys of paper and print from a reduced copy: averaging
    # blocks of pixels takes out the grain and costs little.
    factor = max(1, math.ceil(grey.width / _MEASURE_WIDTH))
    small = grey.reduce(factor) if factor > 1 else grey
    histogram = small.histogram()
    paper, ink = _percentile(histogram, 0.5), _percentile(histogram, 0.005)
    threshold = (paper + ink) // 2
    small_ink = _ink_mask(small, threshold)
    skew = _estimate_skew(small_ink)
    upright = small_ink.rotate(-skew, resample=Image.Resampling.NEAREST) if skew else small_ink
    # Grain at full resolution, on the middle of the page (a median filter is costly).
    middle = _middle(grey, _GRAIN_SAMPLE)
    smooth = middle.filter(ImageFilter.MedianFilter(3))
    grain = float(_percentile(ImageChops.difference(middle, smooth).histogram(), 0.5))
    return PageMeasures(
        width=grey.width,
        height=grey.height,
        dpi=dpi,
        bilevel=bilevel,
        paper=paper,
        ink=ink,
        grain=grain,
        speckle=_speck_density(_ink_mask(_middle(grey, _SPECK_SAMPLE), threshold)),
        skew_degrees=skew,
        line_height=_median_line_height(upright) * factor,
    )


def _middle(image: Image.Image, side: int) -> Image.Image:
    left = max(0, (image.width - side) // 2)
    top = max(0, (image.height - side) // 2)
    return image.crop((left, top, min(image.width, left + side), min(image.height, top + side)))


@contextlib.contextmanager
def _opened(source: Path | Image.Image) -> Iterator[Image.Image]:
    """The image at a path (closed afterwards), or pixels already decoded."""
    if isinstance(source, Image.Image):
        yield source
    else:
        with Image.open(source) as img:
            yield img


def clean_page(source: Path | Image.Image, target: Path, steps: CleanupSteps) -> CleanedPage:
    """Apply `steps` to the page (a file or decoded pixels) and save it as a work copy
    for the OCR engine at `target` with its suffix chosen (see `save_work_copy`)."""
    with _opened(source) as img:
        image = img.convert("L")
    if steps.despeckle:
        image = _remove_specks(image, steps.speck_area)
    if steps.denoise:
        # Measured against a 3x3 and 5x5 median: a gaussian of radius 1 keeps thin
        # strokes of small characters better at 150-200 dpi.
        image = image.filter(ImageFilter.GaussianBlur(1.0))
    if steps.contrast:
        image = _stretch_contrast(image)
    if abs(steps.deskew_degrees) >= 0.05:
        # Bicubic, though it costs 0.1 s a page: bilinear cost 2.5 points of accuracy on
        # 300-dpi office scans (0.990 -> 0.966), and a resampling-free turn by two shears
        # (8 ms) lost 0.6-2.5 points on office, low-150 and poor scans (docs/benchmarks.md).
        image = image.rotate(
            -steps.deskew_degrees, resample=Image.Resampling.BICUBIC, fillcolor=255
        )
    if abs(steps.scale - 1.0) > 0.01:
        size = (round(image.width * steps.scale), round(image.height * steps.scale))
        image = image.resize(size, Image.Resampling.BICUBIC)
    if steps.binarise:
        image = _adaptive_threshold(image)
    return CleanedPage(save_work_copy(image, target), image.width, image.height)


def _percentile(histogram: Sequence[int], share: float) -> int:
    """The grey level below which `share` of the pixels lie."""
    wanted = sum(histogram) * share
    seen = 0
    for level, count in enumerate(histogram):
        seen += count
        if seen >= wanted and count:
            return level
    return len(histogram) - 1


def _ink_mask(grey: Image.Image, threshold: int) -> Image.Image:
    """255 where there is ink, 0 on paper."""
    return grey.point(lambda v: 255 if v < threshold else 0)


def _row_profile(mask: Image.Image) -> list[int]:
    """Mean ink of each row (0-255), from one BOX resize instead of a Python loop."""
    return list(mask.resize((1, mask.height), Image.Resampling.BOX).tobytes())


def _estimate_skew(ink_mask: Image.Image) -> float:
    """The tilt at which the rows of a reduced copy are most sharply text or paper.

    Text lines that run level give a row profile of tall peaks and empty gaps; the
    energy (sum of squares) of the profile is highest at the true angle.
    """

    def reduced(width: int) -> Image.Image:
        factor = max(1, math.ceil(ink_mask.width / width))
        return ink_mask.reduce(factor) if factor > 1 else ink_mask

    def energy(small: Image.Image, angle: float) -> float:
        # NEAREST is 9x cheaper than BILINEAR; the fine pass makes up for its coarser
        # sampling with a wider copy (measure+plan went from 0.35 to 0.2 s a page).
        turned = small.rotate(-angle, resample=Image.Resampling.NEAREST)
        return float(sum(v * v for v in _row_profile(turned)))

    coarse = reduced(_SKEW_COARSE_WIDTH)
    steps = round(_SKEW_SEARCH_DEGREES / 0.5)
    best = max((k * 0.5 for k in range(-steps, steps + 1)), key=lambda a: energy(coarse, a))
    fine = reduced(_SKEW_FINE_WIDTH)
    angle = max((best + k * 0.1 for k in range(-5, 6)), key=lambda a: energy(fine, a))
    return round(angle, 2) if abs(angle) <= _SKEW_SEARCH_DEGREES else 0.0


def _median_line_height(ink_mask: Image.Image) -> float:
    """Median height of the runs of rows that hold ink: the height of a text line."""
    profile = _row_profile(ink_mask)
    peak = max(profile, default=0)
    if peak == 0:
        return 0.0
    # A row belongs to a line when it holds a fair share of the inkiest row's ink.
    threshold = max(1, peak // 8)
    runs: list[int] = []
    run = 0
    for value in profile:
        if value >= threshold:
            run += 1
        elif run:
            runs.append(run)
            run = 0
    if run:
        runs.append(run)
    runs = [r for r in runs if r >= 3]
    return float(statistics.median(runs)) if runs else 0.0


def _isolated_specks(ink_mask: Image.Image) -> Image.Image:
    """255 on ink pixels with at most 4 ink pixels in their 5x5 neighbourhood (1-2
    pixel dust); strokes of characters have far more neighbours."""
    neighbours = ink_mask.filter(ImageFilter.BoxBlur(2))  # mean over 5x5 = count * 255 / 25
    lonely = neighbours.point(lambda v: 255 if v <= 4 * 255 // 25 + 1 else 0)
    return ImageChops.multiply(ink_mask, lonely)


def _speck_density(ink_mask: Image.Image) -> float:
    specks = _isolated_specks(ink_mask).histogram()[255]
    return specks * 10_000 / max(1, ink_mask.width * ink_mask.height)


def _remove_specks(grey: Image.Image, max_area: int) -> Image.Image:
    """Paint white every blob of ink (8-connected) of at most `max_area` pixels.

    Blobs are found from the runs of ink in each row: the regular-expression scan of a
    row runs in C, so only the runs, not the pixels, pass through Python.
    """
    histogram = grey.histogram()
    paper, ink = _percentile(histogram, 0.5), _percentile(histogram, 0.005)
    threshold = (paper + ink) // 2
    pixels = grey.point(lambda v: 0 if v < threshold else 255).tobytes()
    width = grey.width
    ink_run = re.compile(b"\x00+")
    parent: list[int] = []
    runs: list[tuple[int, int, int]] = []  # row, first column, column after the last

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    above: list[tuple[int, int, int]] = []  # the previous row's runs: start, end, index
    for y in range(grey.height):
        row: list[tuple[int, int, int]] = []
        cursor = 0
        for match in ink_run.finditer(pixels, y * width, (y + 1) * width):
            start, end = match.start() - y * width, match.end() - y * width
            index = len(runs)
            runs.append((y, start, end))
            parent.append(index)
            # Runs of the row above that touch this one, diagonals included.
            while cursor < len(above) and above[cursor][1] < start:
                cursor += 1
            probe = cursor
            while probe < len(above) and above[probe][0] <= end:
                mine, theirs = root(index), root(above[probe][2])
                if mine != theirs:
                    parent[theirs] = mine
                probe += 1
            row.append((start, end, index))
        above = row
    area: dict[int, int] = {}
    for index, (_, start, end) in enumerate(runs):
        key = root(index)
        area[key] = area.get(key, 0) + end - start
    cleaned = grey.copy()
    draw = ImageDraw.Draw(cleaned)
    for index, (y, start, end) in enumerate(runs):
        if area[root(index)] <= max_area:
            draw.line((start, y, end - 1, y), fill=255)
    return cleaned


def _stretch_contrast(grey: Image.Image) -> Image.Image:
    """Paper to white, the darkest print to black, linearly in between."""
    histogram = grey.histogram()
    paper, ink = _percentile(histogram, 0.5), _percentile(histogram, 0.005)
    if paper - ink < 16:
        return grey
    return grey.point(
        [max(0, min(255, round((v - ink) * 255 / (paper - ink)))) for v in range(256)]
    )


def _adaptive_threshold(grey: Image.Image) -> Image.Image:
    """Black where a pixel is clearly darker than its surroundings (Bradley's local-mean
    threshold), so faded print and uneven paper both come out black on white."""
    radius = max(8, min(grey.width, grey.height) // 60)
    local_mean = grey.filter(ImageFilter.BoxBlur(radius))
    darker = ImageChops.subtract(local_mean, grey)  # how much darker than around it
    return darker.point(lambda v: 0 if v > 20 else 255)


def barcode_png(modules: str, *, module_px: int = 4, height_px: int = 160, dpi: int = 600) -> bytes:
    """A 1-bit PNG of a linear barcode: one `module_px`-wide stripe per module of
    `modules` ('1' black bar, '0' white space), whole pixels so no bar edge is blurred."""
    if module_px < 1 or height_px < 1 or not modules:
        raise ValueError("a barcode needs modules and a positive size")
    row = bytes(0 if bit == "1" else 255 for bit in modules for _ in range(module_px))
    stripe = Image.frombytes("L", (len(row), 1), row)
    bars = stripe.resize((len(row), height_px), Image.Resampling.NEAREST).convert("1")
    out = io.BytesIO()
    bars.save(out, "PNG", dpi=(dpi, dpi), optimize=True)
    return out.getvalue()
