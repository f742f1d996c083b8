"""The optional second OCR engine: RapidOCR (PaddleOCR's PP-OCR detector and
recogniser on onnxruntime), the only module that imports it.

Its models ship inside the `rapidocr` wheel, so it runs offline; it is installed with
`pip install "archivist[rapidocr]"` and chosen in the OCR settings. On poor scans it
reads far more characters correctly than Tesseract, at about three times the CPU time
(docs/benchmarks.md). Like Tesseract it runs on one thread per worker process.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archivist.errors import ArchiveError
from archivist.ocr.engine import OcrFailure, OcrLine, OcrResult
from archivist.ocr.text import normalise_line

# From a source checkout, scripts/setup installs it with the development tools.
INSTALL_HINT = 'pip install "archivist[rapidocr]" (= pip install rapidocr onnxruntime)'
MODEL = "PP-OCRv6"


@dataclass(frozen=True)
class _Box:
    """A detected text box: its upright bounds, and where its ends sit (a tilted
    line's bounds are taller than the line, so joining goes by the ends)."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    score: float
    start_middle: float  # y of the middle of the left edge
    end_middle: float  # y of the middle of the right edge
    line_height: float  # length of the left edge


class RapidOcrEngine:
    """Recognises page images with RapidOCR; the same interface as TesseractEngine."""

    name = "rapidocr"

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        self._ocr: Any = None  # loaded on first use: model loading takes about a second

    @property
    def label(self) -> str:
        return f"rapidocr:{MODEL}"

    def check(self) -> None:
        """Raise a clear error when the package (or onnxruntime) is not installed."""
        self._load()

    def _load(self) -> Any:
        if self._ocr is None:
            try:
                from rapidocr import RapidOCR
            except ImportError as exc:
                raise ArchiveError(
                    "ocr.rapidocr_missing", reason=str(exc), hint=INSTALL_HINT
                ) from None
            try:
                self._ocr = RapidOCR(
                    params={
                        "Global.log_level": "error",
                        "EngineConfig.onnxruntime.intra_op_num_threads": self.threads,
                        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                    }
                )
            except Exception as exc:  # onnxruntime missing or broken, a model unreadable
                raise ArchiveError(
                    "ocr.rapidocr_missing", reason=str(exc)[:200], hint=INSTALL_HINT
                ) from None
        return self._ocr

    def recognise(self, image: Path) -> OcrResult:
        """OCR one page image file; raises OcrFailure with the reason."""
        try:
            ocr = self._load()
        except ArchiveError as exc:
            raise OcrFailure("ocr.engine_failed", reason=exc.message()) from None
        started = time.perf_counter()
        try:
            output = ocr(str(image))
        except Exception as exc:  # the library raises plain exceptions of many kinds
            raise OcrFailure(
                "ocr.engine_failed", reason=f"{type(exc).__name__}: {exc}"[:200]
            ) from exc
        seconds = time.perf_counter() - started
        boxes = _boxes(output)
        height, width = (int(n) for n in output.img.shape[:2]) if output.img is not None else (0, 0)
        return _assemble(boxes, seconds, width, height)


def _boxes(output: Any) -> list[_Box]:
    if output.txts is None or output.boxes is None:
        return []
    boxes: list[_Box] = []
    scores = output.scores or [0.0] * len(output.txts)
    for text, corners, score in zip(output.txts, output.boxes.tolist(), scores, strict=True):
        # Corners run clockwise from the top left: top left, top right, bottom right,
        # bottom left.
        (x1, y1), (x2, y2), (x3, y3), (x4, y4) = corners
        xs, ys = (x1, x2, x3, x4), (y1, y2, y3, y4)
        boxes.append(
            _Box(
                str(text),
                round(min(xs)),
                round(min(ys)),
                round(max(xs)),
                round(max(ys)),
                float(score),
                start_middle=(y1 + y4) / 2,
                end_middle=(y2 + y3) / 2,
                line_height=max(1.0, ((x4 - x1) ** 2 + (y4 - y1) ** 2) ** 0.5),
            )
        )
    return boxes


def _assemble(boxes: list[_Box], seconds: float, width: int, height: int) -> OcrResult:
    """Join the detector's text boxes, in its reading order, into printed lines.

    The detector cuts a line at wide gaps (between a form's label and its value): a box
    that starts to the right of the previous one, at the height where that one ends,
    continues its line. Comparing ends rather than bounds keeps the lines of a tilted
    page apart.
    """
    rows: list[list[_Box]] = []
    for box in boxes:
        if rows:
            last = rows[-1][-1]
            same_height = abs(box.start_middle - last.end_middle) <= last.line_height / 2
            if box.left >= last.right - last.line_height / 2 and same_height:
                rows[-1].append(box)
                continue
        rows.append([box])
    lines: list[OcrLine] = []
    for row in rows:
        text = normalise_line(" ".join(b.text for b in row))
        if not text:
            continue
        left, top = min(b.left for b in row), min(b.top for b in row)
        lines.append(
            OcrLine(
                text=text,
                left=left,
                top=top,
                width=max(b.right for b in row) - left,
                height=max(b.bottom for b in row) - top,
                confidence=100.0 * sum(b.score for b in row) / len(row),
            )
        )
    confidence = (
        100.0 * sum(b.score for b in boxes) / len(boxes) if boxes else None
    )  # Tesseract's scale: 0-100
    return OcrResult(
        text="\n".join(line.text for line in lines),
        lines=lines,
        confidence=confidence,
        seconds=seconds,
        width=width,
        height=height,
    )
