"""Raster images through Pillow: the intake checks and everything else that needs
decoded pixels, except drawing synthetic scans (`archivist.formats.scan_drawing`).

- intake: the type, size and completeness of an image file (capture's preflight);
- page images for OCR: a frame as a work copy Tesseract reads, a frame ready for a PDF;
- the pixel operations of the OCR clean-up (`archivist.ocr.cleanup` decides what to do,
  these do it): the page image is handed around as an opaque `PageImage`;
- barcodes as 1-bit PNG.
"""

from __future__ import annotations

import contextlib
import io
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
    UnidentifiedImageError,
)

from archivist.errors import FileRejected
from archivist.formats import completeness

PageImage = Image.Image  # a decoded page: opaque outside this module


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


@dataclass(frozen=True)
class DisplayPixels:
    """One frame decoded for display: packed rows (`mode` "1", "L" or "RGB"; rows of a
    1-bit frame padded to whole bytes, a set bit white)."""

    data: bytes
    width: int
    height: int
    mode: str


def display_frame(source: Path, frame: int, fit: tuple[int, int] | None = None) -> DisplayPixels:
    """Decode a frame to packed pixels here, so that a window never hands image files to
    its own decoders on a worker thread; `fit` shrinks it (a JPEG decoded at reduced
    size, which makes thumbnails of large scans cheap)."""
    with Image.open(source) as img:
        img.seek(frame)
        if fit is not None and img.format == "JPEG":
            img.draft(img.mode, fit)
        converted: Image.Image
        if img.mode in ("1", "L", "RGB"):
            converted = img
        elif img.mode in ("I;16", "I;16B", "I;16L", "I"):
            converted = img.convert("I").point(lambda v: v / 256).convert("L")
        else:
            converted = _flatten(img)
        if fit is not None and (converted.width > fit[0] or converted.height > fit[1]):
            if converted.mode == "1":
                converted = converted.convert("L")
            converted = converted.copy()
            converted.thumbnail(fit)
        return DisplayPixels(converted.tobytes(), converted.width, converted.height, converted.mode)


# -- pixel operations of the OCR clean-up (archivist.ocr.cleanup decides, these do) ------


@contextlib.contextmanager
def opened_page(source: Path | PageImage) -> Iterator[PageImage]:
    """The image at a path (closed afterwards), or pixels already decoded."""
    if isinstance(source, Image.Image):
        yield source
    else:
        with Image.open(source) as img:
            yield img


def page_size(image: PageImage) -> tuple[int, int]:
    return image.width, image.height


def recorded_dpi(image: PageImage) -> float | None:
    """The horizontal resolution the file records, if any."""
    dpi_info = image.info.get("dpi")
    return float(dpi_info[0]) if dpi_info else None


def is_bilevel(image: PageImage) -> bool:
    """Only black and white pixels (mode "1")."""
    return image.mode == "1"


def loaded_grey(image: PageImage) -> PageImage:
    """The page in 8-bit grey (itself if it is already), decoded before a file closes."""
    grey = image if image.mode == "L" else image.convert("L")
    grey.load()
    return grey


def grey_copy(image: PageImage) -> PageImage:
    """A new 8-bit grey copy of the page."""
    return image.convert("L")


def reduced(image: PageImage, factor: int) -> PageImage:
    """A copy averaged over `factor` x `factor` blocks (the image itself for 1)."""
    return image.reduce(factor) if factor > 1 else image


def grey_histogram(image: PageImage) -> list[int]:
    return image.histogram()


def middle_square(image: PageImage, side: int) -> PageImage:
    """The middle `side` x `side` pixels (less on a smaller page)."""
    left = max(0, (image.width - side) // 2)
    top = max(0, (image.height - side) // 2)
    return image.crop((left, top, min(image.width, left + side), min(image.height, top + side)))


def grain_histogram(grey: PageImage) -> list[int]:
    """Histogram of the difference between the page and its 3x3 median: scanner noise."""
    smooth = grey.filter(ImageFilter.MedianFilter(3))
    return ImageChops.difference(grey, smooth).histogram()


def ink_mask(grey: PageImage, threshold: int) -> PageImage:
    """255 where there is ink, 0 on paper."""
    return grey.point(lambda v: 255 if v < threshold else 0)


def ink_bytes(grey: PageImage, threshold: int) -> bytes:
    """The page's pixels row by row: 0 for ink, 255 for paper."""
    return grey.point(lambda v: 0 if v < threshold else 255).tobytes()


def row_profile(mask: PageImage) -> list[int]:
    """Mean ink of each row (0-255), from one BOX resize instead of a Python loop."""
    return list(mask.resize((1, mask.height), Image.Resampling.BOX).tobytes())


def turned_mask(mask: PageImage, degrees: float) -> PageImage:
    """An ink mask turned clockwise by `degrees` (nearest neighbour: cheap)."""
    return mask.rotate(-degrees, resample=Image.Resampling.NEAREST)


def isolated_speck_count(mask: PageImage) -> int:
    """Ink pixels with at most 4 ink pixels in their 5x5 neighbourhood (1-2 pixel dust);
    strokes of characters have far more neighbours."""
    neighbours = mask.filter(ImageFilter.BoxBlur(2))  # mean over 5x5 = count * 255 / 25
    lonely = neighbours.point(lambda v: 255 if v <= 4 * 255 // 25 + 1 else 0)
    return ImageChops.multiply(mask, lonely).histogram()[255]


def whitened_runs(grey: PageImage, runs: Sequence[tuple[int, int, int]]) -> PageImage:
    """A copy with each run (row, first column, column after the last) painted white."""
    cleaned = grey.copy()
    draw = ImageDraw.Draw(cleaned)
    for y, start, end in runs:
        draw.line((start, y, end - 1, y), fill=255)
    return cleaned


def blurred(grey: PageImage) -> PageImage:
    """Gaussian blur of radius 1."""
    return grey.filter(ImageFilter.GaussianBlur(1.0))


def mapped_levels(grey: PageImage, table: Sequence[int]) -> PageImage:
    """Each grey level v replaced by table[v]."""
    return grey.point(list(table))


def turned_page(grey: PageImage, degrees: float) -> PageImage:
    """The page turned clockwise by `degrees`, bicubic, the corners white."""
    return grey.rotate(-degrees, resample=Image.Resampling.BICUBIC, fillcolor=255)


def scaled(grey: PageImage, size: tuple[int, int]) -> PageImage:
    """The page resized to `size`, bicubic."""
    return grey.resize(size, Image.Resampling.BICUBIC)


def adaptive_threshold(grey: PageImage) -> PageImage:
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
