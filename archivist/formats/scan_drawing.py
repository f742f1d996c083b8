"""Drawing synthetic scan-like pages (the demo archive, the OCR quality corpus, test
fixtures) through Pillow: forms on a canvas in millimetres and points, then degraded
like a scan (noise, tilt, fading, dust) and saved as JPEG, PNG, TIFF or an image PDF.

It imports Pillow itself, beside `archivist.formats.images` (intake checks, OCR work
copies, the clean-up's pixel operations): drawing text, seals and tables is Pillow's
ImageDraw and ImageFont through and through, and passing each stroke through another
module would only hide where the drawing is done. Both stay in `archivist.formats`.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import (
    Image,
    ImageChops,
    ImageDraw,
    ImageFilter,
    ImageFont,
)

from archivist.formats.fonts import find_cjk_font, preferred_face_index

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
