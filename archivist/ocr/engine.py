"""The OCR engine interface, and Tesseract through pytesseract (the only module that
imports it); the optional second engine lives in `archivist.ocr.rapid`.

One Tesseract process per page, single-threaded (OMP_THREAD_LIMIT=1): on a 2-core
machine Tesseract's own OpenMP threads make each page several times slower, so pages
run in parallel across worker processes instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pytesseract

from archivist.errors import ArchiveError
from archivist.ocr.text import normalise_line
from archivist.resources import resource_dir

DEFAULT_LANGUAGES = "chi_sim"
DEFAULT_TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class OcrLine:
    """One line of recognised text with its box in image pixels."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float


@dataclass(frozen=True)
class OcrResult:
    text: str
    lines: list[OcrLine] = field(default_factory=list)
    confidence: float | None = None
    seconds: float = 0.0
    width: int = 0
    height: int = 0


class OcrEngine(Protocol):
    """What the page pipeline needs from an engine."""

    name: str

    @property
    def label(self) -> str:
        """Engine and model or languages, stored with each page's text."""
        ...

    def check(self) -> None:
        """Raise ArchiveError with a clear message when the engine cannot run here."""
        ...

    def recognise(self, image: Path) -> OcrResult:
        """OCR one page image file; raise OcrFailure with the reason."""
        ...


def install_hint() -> str:
    if sys.platform == "win32":
        return "重新运行档案室安装程序（含 Tesseract 与中文语言包） / reinstall Archivist (it bundles Tesseract)"
    return "sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim"


def find_tesseract(configured: str | None = None) -> Path:
    """Tesseract from the settings, else a copy bundled with the program, else PATH."""
    candidates: list[Path] = []
    if configured:
        candidates.append(Path(configured).expanduser())
    env = os.environ.get("ARCHIVIST_TESSERACT")
    if env:
        candidates.append(Path(env).expanduser())
    exe = "tesseract.exe" if sys.platform == "win32" else "tesseract"
    candidates.append(resource_dir().parent / "tesseract" / exe)
    found = shutil.which("tesseract")
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise ArchiveError("ocr.tesseract_missing", hint=install_hint())


class TesseractEngine:
    """Recognises page images with Tesseract."""

    name = "tesseract"

    def __init__(
        self,
        languages: str = DEFAULT_LANGUAGES,
        tesseract: str | None = None,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        psm: int = 3,
    ) -> None:
        self.binary = find_tesseract(tesseract)
        self.languages = languages
        self.timeout = timeout
        self.psm = psm

    @property
    def label(self) -> str:
        return f"tesseract:{self.languages}"

    def version(self) -> str:
        pytesseract.pytesseract.tesseract_cmd = str(self.binary)
        return str(pytesseract.get_tesseract_version())

    def available_languages(self) -> list[str]:
        result = subprocess.run(
            [str(self.binary), "--list-langs"], capture_output=True, text=True, timeout=30
        )
        lines = (result.stdout or result.stderr).splitlines()
        return [line.strip() for line in lines[1:] if line.strip()]

    def check(self) -> None:
        """Raise a clear error when a configured language pack is missing."""
        installed = set(self.available_languages())
        missing = [lang for lang in self.languages.split("+") if lang not in installed]
        if missing:
            raise ArchiveError(
                "ocr.language_missing", languages="+".join(missing), hint=install_hint()
            )

    def recognise(self, image: Path) -> OcrResult:
        """OCR one page image file; raises OcrFailure with the reason."""
        pytesseract.pytesseract.tesseract_cmd = str(self.binary)
        os.environ["OMP_THREAD_LIMIT"] = "1"
        started = time.perf_counter()
        try:
            data = pytesseract.image_to_data(
                str(image),
                lang=self.languages,
                config=f"--psm {self.psm}",
                output_type=pytesseract.Output.DICT,
                timeout=self.timeout,
            )
        except pytesseract.TesseractError as exc:  # a subclass of RuntimeError: first
            raise OcrFailure(
                "ocr.engine_failed", reason=_first_line(exc.message or str(exc))
            ) from exc
        except RuntimeError as exc:  # pytesseract's timeout
            raise OcrFailure("ocr.timeout", seconds=self.timeout) from exc
        except OSError as exc:
            raise OcrFailure("ocr.engine_failed", reason=str(exc)) from exc
        return _assemble(data, time.perf_counter() - started)


class OcrFailure(Exception):
    """A page could not be recognised; `code` and `params` say why (see messages)."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


def _first_line(text: str) -> str:
    lines = [line for line in str(text).splitlines() if line.strip()]
    return lines[0][:200] if lines else "tesseract error"


def _assemble(data: dict[str, Sequence[object]], seconds: float) -> OcrResult:
    """Group Tesseract's words into lines (block, paragraph, line) with boxes."""
    groups: dict[tuple[int, int, int], list[int]] = {}
    width = height = 0
    for index, level in enumerate(data["level"]):
        if int(str(level)) == 1:
            width, height = int(str(data["width"][index])), int(str(data["height"][index]))
        word = str(data["text"][index]).strip()
        if int(str(level)) != 5 or not word:
            continue
        key = (
            int(str(data["block_num"][index])),
            int(str(data["par_num"][index])),
            int(str(data["line_num"][index])),
        )
        groups.setdefault(key, []).append(index)
    lines: list[OcrLine] = []
    confidences: list[float] = []
    for key in sorted(groups):
        members = groups[key]
        words = [str(data["text"][i]).strip() for i in members]
        lefts = [int(str(data["left"][i])) for i in members]
        tops = [int(str(data["top"][i])) for i in members]
        rights = [lefts[n] + int(str(data["width"][i])) for n, i in enumerate(members)]
        bottoms = [tops[n] + int(str(data["height"][i])) for n, i in enumerate(members)]
        conf = [float(str(data["conf"][i])) for i in members if float(str(data["conf"][i])) >= 0]
        confidences.extend(conf)
        text = normalise_line(" ".join(words))
        if not text:
            continue
        lines.append(
            OcrLine(
                text=text,
                left=min(lefts),
                top=min(tops),
                width=max(rights) - min(lefts),
                height=max(bottoms) - min(tops),
                confidence=sum(conf) / len(conf) if conf else 0.0,
            )
        )
    text = "\n".join(line.text for line in lines)
    mean = sum(confidences) / len(confidences) if confidences else None
    return OcrResult(
        text=text, lines=lines, confidence=mean, seconds=seconds, width=width, height=height
    )
