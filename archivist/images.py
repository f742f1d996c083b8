"""Raster images through Pillow: the only module that imports it.

Inspection (type, page count, damage) for capture lives here; so does the drawing
used to render synthetic scan-like pages for the demo archive and test fixtures.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFile, UnidentifiedImageError

from archivist.errors import FileRejected

# Pixels above which capture only reads the header: a huge scan is a valid record,
# decoding it fully just to look for damage would cost gigabytes of memory.
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
    saved_limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        with Image.open(path) as img:
            fmt = img.format or "unknown"
            width, height = img.size
            frames = getattr(img, "n_frames", 1)
            for index in range(frames):
                img.seek(index)
                if img.width * img.height <= FULL_DECODE_LIMIT:
                    img.load()
            return ImageFacts(format=fmt, pages=frames, width=width, height=height)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        reason = str(exc).strip() or type(exc).__name__
        raise FileRejected("file.image_corrupt", file=display_name, reason=reason[:200]) from None
    finally:
        Image.MAX_IMAGE_PIXELS = saved_limit
