"""Cleaning a page image up before OCR: measure it (paper and ink, grain, dust, tilt,
line height) and apply the steps a plan chose (despeckle, denoise, contrast, deskew,
scale, binarise; `archivist.ocr.pages.plan_cleanup` chooses them).

The decisions and the measures' arithmetic live here; the pixel operations are
Pillow's, in `archivist.formats.images`, which hands the page around as an opaque
`PageImage`.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from archivist.formats import images
from archivist.formats.images import PageImage


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


def measure_page(source: Path | PageImage) -> PageMeasures:
    """Measure a page image (a file or decoded pixels, any mode Pillow reads) in a
    fraction of a second."""
    with images.opened_page(source) as img:
        recorded = images.recorded_dpi(img)
        bilevel = images.is_bilevel(img)
        grey = images.loaded_grey(img)  # before a file is closed
    dpi = recorded if recorded is not None and 50 <= recorded <= 1200 else None
    width, height = images.page_size(grey)
    # Tilt, line height and the greys of paper and print from a reduced copy: averaging
    # blocks of pixels takes out the grain and costs little.
    factor = max(1, math.ceil(width / _MEASURE_WIDTH))
    small = images.reduced(grey, factor)
    histogram = images.grey_histogram(small)
    paper, ink = _percentile(histogram, 0.5), _percentile(histogram, 0.005)
    threshold = (paper + ink) // 2
    small_ink = images.ink_mask(small, threshold)
    skew = _estimate_skew(small_ink)
    upright = images.turned_mask(small_ink, skew) if skew else small_ink
    # Grain at full resolution, on the middle of the page (a median filter is costly).
    middle = images.middle_square(grey, _GRAIN_SAMPLE)
    grain = float(_percentile(images.grain_histogram(middle), 0.5))
    return PageMeasures(
        width=width,
        height=height,
        dpi=dpi,
        bilevel=bilevel,
        paper=paper,
        ink=ink,
        grain=grain,
        speckle=_speck_density(
            images.ink_mask(images.middle_square(grey, _SPECK_SAMPLE), threshold)
        ),
        skew_degrees=skew,
        line_height=_median_line_height(upright) * factor,
    )


def clean_page(source: Path | PageImage, target: Path, steps: CleanupSteps) -> CleanedPage:
    """Apply `steps` to the page (a file or decoded pixels) and save it as a work copy
    for the OCR engine at `target` with its suffix chosen (see `save_work_copy`)."""
    with images.opened_page(source) as img:
        image = images.grey_copy(img)
    if steps.despeckle:
        image = _remove_specks(image, steps.speck_area)
    if steps.denoise:
        # Measured against a 3x3 and 5x5 median: a gaussian of radius 1 keeps thin
        # strokes of small characters better at 150-200 dpi.
        image = images.blurred(image)
    if steps.contrast:
        image = _stretch_contrast(image)
    if abs(steps.deskew_degrees) >= 0.05:
        # Bicubic, though it costs 0.1 s a page: bilinear cost 2.5 points of accuracy on
        # 300-dpi office scans (0.990 -> 0.966), and a resampling-free turn by two shears
        # (8 ms) lost 0.6-2.5 points on office, low-150 and poor scans (docs/benchmarks.md).
        image = images.turned_page(image, steps.deskew_degrees)
    if abs(steps.scale - 1.0) > 0.01:
        width, height = images.page_size(image)
        image = images.scaled(image, (round(width * steps.scale), round(height * steps.scale)))
    if steps.binarise:
        image = images.adaptive_threshold(image)
    width, height = images.page_size(image)
    return CleanedPage(images.save_work_copy(image, target), width, height)


def _percentile(histogram: Sequence[int], share: float) -> int:
    """The grey level below which `share` of the pixels lie."""
    wanted = sum(histogram) * share
    seen = 0
    for level, count in enumerate(histogram):
        seen += count
        if seen >= wanted and count:
            return level
    return len(histogram) - 1


def _estimate_skew(ink_mask: PageImage) -> float:
    """The tilt at which the rows of a reduced copy are most sharply text or paper.

    Text lines that run level give a row profile of tall peaks and empty gaps; the
    energy (sum of squares) of the profile is highest at the true angle.
    """
    mask_width = images.page_size(ink_mask)[0]

    def reduced(width: int) -> PageImage:
        return images.reduced(ink_mask, max(1, math.ceil(mask_width / width)))

    def energy(small: PageImage, angle: float) -> float:
        # NEAREST is 9x cheaper than BILINEAR; the fine pass makes up for its coarser
        # sampling with a wider copy (measure+plan went from 0.35 to 0.2 s a page).
        turned = images.turned_mask(small, angle)
        return float(sum(v * v for v in images.row_profile(turned)))

    coarse = reduced(_SKEW_COARSE_WIDTH)
    steps = round(_SKEW_SEARCH_DEGREES / 0.5)
    best = max((k * 0.5 for k in range(-steps, steps + 1)), key=lambda a: energy(coarse, a))
    fine = reduced(_SKEW_FINE_WIDTH)
    angle = max((best + k * 0.1 for k in range(-5, 6)), key=lambda a: energy(fine, a))
    return round(angle, 2) if abs(angle) <= _SKEW_SEARCH_DEGREES else 0.0


def _median_line_height(ink_mask: PageImage) -> float:
    """Median height of the runs of rows that hold ink: the height of a text line."""
    profile = images.row_profile(ink_mask)
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


def _speck_density(ink_mask: PageImage) -> float:
    width, height = images.page_size(ink_mask)
    return images.isolated_speck_count(ink_mask) * 10_000 / max(1, width * height)


def _remove_specks(grey: PageImage, max_area: int) -> PageImage:
    """Paint white every blob of ink (8-connected) of at most `max_area` pixels.

    Blobs are found from the runs of ink in each row: the regular-expression scan of a
    row runs in C, so only the runs, not the pixels, pass through Python.
    """
    histogram = images.grey_histogram(grey)
    paper, ink = _percentile(histogram, 0.5), _percentile(histogram, 0.005)
    threshold = (paper + ink) // 2
    pixels = images.ink_bytes(grey, threshold)
    width, height = images.page_size(grey)
    ink_run = re.compile(b"\x00+")
    parent: list[int] = []
    runs: list[tuple[int, int, int]] = []  # row, first column, column after the last

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    above: list[tuple[int, int, int]] = []  # the previous row's runs: start, end, index
    for y in range(height):
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
    specks = [run for index, run in enumerate(runs) if area[root(index)] <= max_area]
    return images.whitened_runs(grey, specks)


def _stretch_contrast(grey: PageImage) -> PageImage:
    """Paper to white, the darkest print to black, linearly in between."""
    histogram = images.grey_histogram(grey)
    paper, ink = _percentile(histogram, 0.5), _percentile(histogram, 0.005)
    if paper - ink < 16:
        return grey
    return images.mapped_levels(
        grey, [max(0, min(255, round((v - ink) * 255 / (paper - ink)))) for v in range(256)]
    )
