"""One page's text: from the PDF's own text layer, or by OCR of the page image.

`process_page` runs in a worker process and never raises: every failure comes back
as an outcome with a reason, so one bad page never blocks the others.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archivist.errors import ArchivistError
from archivist.messages import render
from archivist.ocr.engine import OcrFailure, TesseractEngine
from archivist.ocr.text import normalise_page

# Fewer characters than this in a PDF's text layer means a scan (or a stamp), not text.
MIN_TEXT_LAYER_CHARS = 10
RENDER_DPI = 300


@dataclass(frozen=True)
class EngineSettings:
    languages: str = "chi_sim"
    tesseract: str | None = None
    timeout: float = 120.0


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


_engine: TesseractEngine | None = None
_settings = EngineSettings()


def init_worker(settings: EngineSettings) -> None:
    """Process-pool initializer: one single-threaded Tesseract per worker."""
    import os

    os.environ["OMP_THREAD_LIMIT"] = "1"
    global _settings, _engine
    _settings, _engine = settings, None


def _get_engine() -> TesseractEngine:
    global _engine
    if _engine is None:
        _engine = TesseractEngine(
            _settings.languages, _settings.tesseract, timeout=_settings.timeout
        )
    return _engine


def process_page(task: PageTask) -> PageOutcome:
    try:
        with tempfile.TemporaryDirectory(prefix="archivist-ocr-") as tmp:
            return _process(task, Path(tmp))
    except OcrFailure as failure:
        return _failed(task, failure.code, failure.params)
    except ArchivistError as exc:
        return _failed(task, exc.code, exc.params)
    except Exception as exc:  # a damaged page must not stop the queue
        return _failed(
            task, "ocr.page_unreadable", {"reason": f"{type(exc).__name__}: {exc}"[:300]}
        )


def _failed(task: PageTask, code: str, params: dict[str, Any]) -> PageOutcome:
    return PageOutcome(
        task.material_id, task.page, "failed", error_code=code, error=render(code, params)
    )


def _process(task: PageTask, tmp: Path) -> PageOutcome:
    from archivist import images, pdf, render

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
    result = engine.recognise(prepared.path)
    return PageOutcome(
        task.material_id,
        task.page,
        "done",
        source="ocr",
        engine=f"tesseract:{engine.languages}",
        text=result.text,
        lines=[[ln.text, ln.left, ln.top, ln.width, ln.height] for ln in result.lines],
        width=result.width or prepared.width,
        height=result.height or prepared.height,
        confidence=result.confidence,
        seconds=result.seconds,
    )
