"""One page's text: from the PDF's own text layer, or by OCR of the page image.

`process_page` runs in a worker process and never raises: every failure comes back
as an outcome with a reason, so one bad page never blocks the others.

Before OCR a page is measured (grain, specks, tilt, line height) and only the clean-up
steps that measurably raised accuracy on pages like it are applied (`plan_cleanup`;
the measurements are in docs/benchmarks.md). Line boxes are mapped back to the
page as stored, so the searchable copy's text layer sits on the original image.
"""

from __future__ import annotations

import contextlib
import importlib.util
import math
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from archivist.errors import ArchiveError, ArchivistError
from archivist.messages import render
from archivist.ocr.cleanup import CleanupSteps, PageMeasures
from archivist.ocr.engine import OcrEngine, OcrFailure, OcrLine, TesseractEngine
from archivist.ocr.text import normalise_page

# Fewer characters than this in a PDF's text layer means a scan (or a stamp), not text.
MIN_TEXT_LAYER_CHARS = 10
RENDER_DPI = 300


ENGINES = ("tesseract", "rapidocr")
# The Python packages an engine needs (Tesseract is a program: checked when a run starts).
ENGINE_PACKAGES: dict[str, tuple[str, ...]] = {"rapidocr": ("rapidocr", "onnxruntime")}


@dataclass(frozen=True)
class EngineSettings:
    languages: str = "chi_sim"  # Tesseract only
    tesseract: str | None = None  # Tesseract only
    timeout: float = 120.0  # Tesseract only: RapidOCR runs in-process
    engine: str = "tesseract"  # one of ENGINES
    cleanup: bool = True  # measured clean-up of poor scans before OCR


def create_engine(settings: EngineSettings) -> OcrEngine:
    """The engine the settings choose; ArchiveError for an unknown name. Call `check()`
    on it before a run to fail early with an install hint."""
    if settings.engine == "tesseract":
        return TesseractEngine(settings.languages, settings.tesseract, timeout=settings.timeout)
    if settings.engine == "rapidocr":
        from archivist.ocr.rapid import RapidOcrEngine

        return RapidOcrEngine()
    raise ArchiveError("ocr.unknown_engine", engine=settings.engine, choices=", ".join(ENGINES))


def _installed(package: str) -> bool:
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        return False


def available_engines() -> tuple[str, ...]:
    """The engines whose Python packages are installed, found without importing them
    (loading onnxruntime takes a second)."""
    return tuple(
        name for name in ENGINES if all(_installed(p) for p in ENGINE_PACKAGES.get(name, ()))
    )


def check_engine(name: str, *, installed: bool = False) -> str:
    """`name` if it is one of ENGINES, else ArchiveError listing the choices; with
    `installed`, also ArchiveError with the install hint when its packages are missing."""
    if name not in ENGINES:
        raise ArchiveError("ocr.unknown_engine", engine=name, choices=", ".join(ENGINES))
    missing = [p for p in ENGINE_PACKAGES.get(name, ()) if installed and not _installed(p)]
    if missing:
        from archivist.ocr.rapid import INSTALL_HINT

        raise ArchiveError(
            "ocr.rapidocr_missing",
            reason="No module named " + ", ".join(repr(p) for p in missing),
            hint=INSTALL_HINT,
        )
    return name


@dataclass(frozen=True)
class PageTask:
    material_id: int
    page: int  # 1-based
    path: str
    media_type: str


@dataclass
class PageOutcome:
    material_id: int
    page: int
    status: str  # done | failed
    source: str = "ocr"
    engine: str = ""
    text: str = ""
    lines: list[list[Any]] = field(default_factory=list)
    width: int = 0
    height: int = 0
    confidence: float | None = None
    seconds: float = 0.0
    error_code: str | None = None
    error: str | None = None


_engine: OcrEngine | None = None
_settings = EngineSettings()


def init_worker(settings: EngineSettings) -> None:
    """Process-pool initializer: one single-threaded engine per worker, which dies
    with the process that started it."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    die_with_parent()
    global _settings, _engine
    _settings, _engine = settings, None


def die_with_parent() -> None:
    """A worker must not outlive its runner: when the runner dies (killed, its console
    closed) the worker ends, and on POSIX takes its Tesseract process with it (the
    worker leads its own process group). The parent's sentinel is a pipe (a handle on
    Windows) that becomes ready when the parent is gone, however it died."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        if sys.platform != "win32" and os.getpgid(0) == os.getpid():  # our own group only
            with contextlib.suppress(OSError):
                os.killpg(os.getpid(), signal.SIGKILL)
        os._exit(1)

    threading.Thread(target=watch, name="archivist-parent-watch", daemon=True).start()


def _get_engine() -> OcrEngine:
    global _engine
    if _engine is None:
        _engine = create_engine(_settings)
    return _engine


def process_page(task: PageTask) -> PageOutcome:
    try:
        with tempfile.TemporaryDirectory(prefix="archivist-ocr-") as tmp:
            return _process(task, Path(tmp))
    except OcrFailure as failure:
        return _failed(task, failure.code, failure.params)
    except ArchivistError as exc:
        return _failed(task, exc.code, exc.params)
    except Exception as exc:  # a damaged page must not stop the queue (the queue logs it)
        return _failed(
            task, "ocr.page_unreadable", {"reason": f"{type(exc).__name__}: {exc}"[:300]}
        )


def _failed(task: PageTask, code: str, params: dict[str, Any]) -> PageOutcome:
    return PageOutcome(
        task.material_id, task.page, "failed", error_code=code, error=render(code, params)
    )


def _process(task: PageTask, tmp: Path) -> PageOutcome:
    from archivist.formats import images, pdf, render
    from archivist.ocr import cleanup

    path = Path(task.path)
    index = task.page - 1
    if task.media_type == "application/pdf":
        layer = normalise_page(render.page_text(path, index))
        if len(layer.replace("\n", "").replace(" ", "")) >= MIN_TEXT_LAYER_CHARS:
            return PageOutcome(task.material_id, task.page, "done", source="text-layer", text=layer)
        scan = pdf.extract_scan(path, index, tmp)
        if scan is None:
            scan = tmp / "rendered.png"
            render.render_page(path, index, scan, RENDER_DPI)
        image_path, frame = scan, 0
    else:
        image_path, frame = path, index
    try:
        prepared = images.prepare_for_ocr(image_path, frame, tmp)
    except ValueError as exc:
        if exc.args and exc.args[0] == "too large":
            raise OcrFailure("ocr.image_too_large", width=exc.args[1], height=exc.args[2]) from None
        raise
    if prepared.blank:
        raise OcrFailure("ocr.blank_page")
    engine = _get_engine()
    cleanup_started = time.perf_counter()
    steps = (
        plan_cleanup(cleanup.measure_page(prepared.pixels), engine.name)
        if _settings.cleanup
        else CleanupSteps()
    )
    target = prepared.path
    if steps.any:
        target = cleanup.clean_page(prepared.pixels, tmp / "cleaned", steps).path
    cleanup_seconds = time.perf_counter() - cleanup_started
    result = engine.recognise(target)
    width, height = prepared.width, prepared.height
    lines = [to_original(line, steps, width, height) for line in result.lines]
    return PageOutcome(
        task.material_id,
        task.page,
        "done",
        source="ocr",
        engine=engine.label + (f"+{steps.summary}" if steps.any else ""),
        text=result.text,
        lines=[[ln.text, ln.left, ln.top, ln.width, ln.height] for ln in lines],
        width=width,
        height=height,
        confidence=result.confidence,
        seconds=cleanup_seconds + result.seconds,
    )


# Thresholds from the measurements in docs/benchmarks.md ("OCR and search").
# Grain (median absolute difference from a 3x3 median, grey levels) from which a gaussian
# blur and a contrast stretch raise Tesseract's accuracy: clean and office scans measure
# 0-1, a grainy 150-dpi scan 3, the poor scans that Tesseract reads nothing of 12.
GRAIN_TO_DENOISE = 3.0
# Isolated specks per 10,000 pixels above which a page without grain is dusty: clean
# pages measure under 0.1, speckled bilevel scans 80-90.
SPECKS_TO_CLEAN = 5.0
# Tilt from which turning the page upright raised Tesseract's accuracy on every class
# of tilted scan (by 1-3 points); below it the estimate is mostly noise.
DESKEW_FROM_DEGREES = 0.3


def plan_cleanup(page: PageMeasures, engine: str) -> CleanupSteps:
    """The clean-up steps that measurably raised this engine's accuracy on pages like
    this one; none for a clean page (clean-up costs time and can cost accuracy)."""
    steps = CleanupSteps()
    if page.grain < GRAIN_TO_DENOISE and page.speckle >= SPECKS_TO_CLEAN:
        # Dust is a blob far smaller than a character's smallest stroke; punctuation dots
        # are about (line height / 6) a side.
        area = max(6, round((page.line_height * 0.15) ** 2)) if page.line_height else 16
        steps = replace(steps, despeckle=True, speck_area=area)
    if engine != "tesseract":
        return steps  # RapidOCR reads grainy and tilted lines as they are
    if page.grain >= GRAIN_TO_DENOISE:
        steps = replace(steps, denoise=True, contrast=True)
    if abs(page.skew_degrees) >= DESKEW_FROM_DEGREES:
        steps = replace(steps, deskew_degrees=page.skew_degrees)
    return steps


def to_original(line: OcrLine, steps: CleanupSteps, width: int, height: int) -> OcrLine:
    """A line's box on the cleaned page mapped back onto the page as stored (`width` x
    `height`): undo the enlargement, then the deskew rotation about the centre."""
    if not steps.any:
        return line
    scale = steps.scale if abs(steps.scale - 1.0) > 0.01 else 1.0
    theta = math.radians(steps.deskew_degrees) if abs(steps.deskew_degrees) >= 0.05 else 0.0
    cx, cy = width / 2, height / 2
    xs: list[float] = []
    ys: list[float] = []
    for x, y in (
        (line.left, line.top),
        (line.left + line.width, line.top),
        (line.left, line.top + line.height),
        (line.left + line.width, line.top + line.height),
    ):
        dx, dy = x / scale - cx, y / scale - cy
        # The page was turned by -theta (counter-clockwise positive): turn it back.
        xs.append(cx + dx * math.cos(theta) + dy * math.sin(theta))
        ys.append(cy - dx * math.sin(theta) + dy * math.cos(theta))
    left = max(0, min(width, round(min(xs))))
    top = max(0, min(height, round(min(ys))))
    return OcrLine(
        text=line.text,
        left=left,
        top=top,
        width=max(0, min(width, round(max(xs))) - left),
        height=max(0, min(height, round(max(ys))) - top),
        confidence=line.confidence,
    )
