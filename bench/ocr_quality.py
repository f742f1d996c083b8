"""Benchmark: OCR accuracy and speed per engine setting on each kind of scan.

    .venv/bin/python bench/ocr_quality.py [--pages 4] [--seed 2026] [--workers 2]
                                          [--work bench/out/ocr-quality] [--skip-threads]
                                          [--only SETTING ...]

Renders `--pages` A4 record pages per degradation class (archivist/demo/ocr_corpus.py:
clean 300 dpi, office scan, 150-dpi scan, poor 200 and 150 dpi, speckled 1-bit) and
reads every page with every setting below, in `--workers` processes with one thread
each, as the product does. Prints Markdown tables:

- character accuracy = 1 - Levenshtein distance / length of the printed text, after
  NFKC and with all whitespace removed (so full-width and ASCII punctuation agree);
  mean over the class's pages, and the worst page;
- seconds per page: the engine's own time, and measuring + cleaning the page;
- one page with Tesseract's default OpenMP threads vs OMP_THREAD_LIMIT=1, alone and two
  at once, and RapidOCR with one vs two onnxruntime threads.

RapidOCR settings run only when the optional engine is installed
(pip install "archivist[rapidocr]").
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from archivist.demo import ocr_corpus
from archivist.ocr import cleanup
from archivist.ocr.cleanup import CleanupSteps, PageMeasures
from archivist.ocr.engine import OcrEngine, OcrFailure, TesseractEngine, find_tesseract
from archivist.ocr.pages import plan_cleanup

BENCH_DIR = Path(__file__).resolve().parent

Plan = Callable[[PageMeasures], CleanupSteps]
# Upscaled noisy pages can keep Tesseract busy for minutes; a page still unread after
# this counts as read with accuracy 0 (the product's own limit is 120 s).
TESSERACT_TIMEOUT = 60.0


@dataclass(frozen=True)
class Setting:
    name: str
    engine: str  # tesseract | rapidocr
    languages: str
    plan: Plan


def _none(_: PageMeasures) -> CleanupSteps:
    return CleanupSteps()


SETTINGS: tuple[Setting, ...] = (
    Setting("Tesseract chi_sim", "tesseract", "chi_sim", _none),
    Setting("Tesseract chi_sim+eng", "tesseract", "chi_sim+eng", _none),
    Setting(
        "+ denoise (gaussian r=1)", "tesseract", "chi_sim", lambda m: CleanupSteps(denoise=True)
    ),
    Setting("+ contrast stretch", "tesseract", "chi_sim", lambda m: CleanupSteps(contrast=True)),
    Setting(
        "+ denoise + contrast",
        "tesseract",
        "chi_sim",
        lambda m: CleanupSteps(denoise=True, contrast=True),
    ),
    Setting(
        "+ deskew (measured angle)",
        "tesseract",
        "chi_sim",
        lambda m: CleanupSteps(deskew_degrees=m.skew_degrees),
    ),
    Setting("+ upscale x2 (bicubic)", "tesseract", "chi_sim", lambda m: CleanupSteps(scale=2.0)),
    Setting(
        "+ denoise + upscale x2",
        "tesseract",
        "chi_sim",
        lambda m: CleanupSteps(denoise=True, scale=2.0),
    ),
    Setting(
        "+ adaptive binarisation",
        "tesseract",
        "chi_sim",
        lambda m: CleanupSteps(binarise=True),
    ),
    Setting(
        "+ denoise + adaptive binarisation",
        "tesseract",
        "chi_sim",
        lambda m: CleanupSteps(denoise=True, binarise=True),
    ),
    Setting(
        "+ despeckle (blobs <= 16 px)",
        "tesseract",
        "chi_sim",
        lambda m: CleanupSteps(despeckle=True, speck_area=16),
    ),
    Setting(
        "Tesseract chi_sim, product plan",
        "tesseract",
        "chi_sim",
        lambda m: plan_cleanup(m, "tesseract"),
    ),
    Setting("RapidOCR", "rapidocr", "", _none),
    Setting("RapidOCR, product plan", "rapidocr", "", lambda m: plan_cleanup(m, "rapidocr")),
)


@dataclass(frozen=True)
class Reading:
    setting: str
    page: str
    degradation: str
    accuracy: float
    ocr_seconds: float
    cleanup_seconds: float
    steps: str


_engines: dict[tuple[str, str], OcrEngine] = {}


def _engine(setting: Setting) -> OcrEngine:
    key = (setting.engine, setting.languages)
    if key not in _engines:
        os.environ["OMP_THREAD_LIMIT"] = "1"
        engine: OcrEngine
        if setting.engine == "tesseract":
            engine = TesseractEngine(setting.languages, timeout=TESSERACT_TIMEOUT)
        else:
            from archivist.ocr.rapid import RapidOcrEngine

            engine = RapidOcrEngine(threads=1)
        engine.check()  # loads RapidOCR's models outside the timed part
        _engines[key] = engine
    return _engines[key]


def _read(job: tuple[int, str, str, str]) -> Reading:
    """Read one page with one setting (by index: the plans are lambdas, not picklable)."""
    index, page_path, degradation, truth = job
    setting = SETTINGS[index]
    path = Path(page_path)
    started = time.perf_counter()
    steps = (
        setting.plan(cleanup.measure_page(path)) if setting.plan is not _none else CleanupSteps()
    )
    with tempfile.TemporaryDirectory(prefix="ocr-bench-") as tmp:
        target = path
        if steps.any:
            target = cleanup.clean_page(path, Path(tmp) / "cleaned.png", steps).path
        cleanup_seconds = time.perf_counter() - started
        engine_started = time.perf_counter()
        try:
            result = _engine(setting).recognise(target)
        except OcrFailure as failure:  # a timeout on a noisy page: it read nothing
            return Reading(
                setting.name,
                path.stem,
                degradation,
                0.0,
                time.perf_counter() - engine_started,
                cleanup_seconds,
                f"{steps.summary} [{failure.code}]",
            )
    return Reading(
        setting.name,
        path.stem,
        degradation,
        ocr_corpus.character_accuracy(truth, result.text),
        result.seconds,
        cleanup_seconds,
        steps.summary,
    )


def rapidocr_installed() -> bool:
    try:
        from archivist.ocr.rapid import RapidOcrEngine

        RapidOcrEngine().check()
    except Exception:
        return False
    return True


def build_pages(work: Path, seed: int, pages: int) -> list[tuple[str, str, str]]:
    """(path, class name, printed text) of every page, rendered once into `work`."""
    listing = work / f"pages-s{seed}-n{pages}.json"
    if listing.exists():
        return [tuple(row) for row in json.loads(listing.read_text(encoding="utf-8"))]  # type: ignore[misc]
    rows: list[tuple[str, str, str]] = []
    for page in ocr_corpus.corpus(seed, pages):
        rows.append((str(page.save(work / "pages")), page.degradation.name, page.text))
    listing.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return rows


def markdown(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(headers) + " |"]
    lines.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(headers))) + "|")
    lines.extend("| " + " | ".join(cell(v) for v in row) + " |" for row in rows)
    return "\n".join(lines)


def accuracy_tables(readings: list[Reading], classes: list[str]) -> str:
    by: dict[tuple[str, str], list[Reading]] = defaultdict(list)
    for reading in readings:
        by[(reading.setting, reading.degradation)].append(reading)
    settings = list(dict.fromkeys(r.setting for r in readings))
    mean_rows: list[list[object]] = []
    worst_rows: list[list[object]] = []
    time_rows: list[list[object]] = []
    for name in settings:
        mean_rows.append(
            [name, *(statistics.fmean(r.accuracy for r in by[(name, c)]) for c in classes)]
        )
        worst_rows.append([name, *(min(r.accuracy for r in by[(name, c)]) for c in classes)])
        time_rows.append(
            [
                name,
                *(statistics.fmean(r.ocr_seconds for r in by[(name, c)]) for c in classes),
                statistics.fmean(r.cleanup_seconds for r in readings if r.setting == name),
            ]
        )
    return "\n\n".join(
        [
            "Character accuracy, mean over the pages of each class:\n\n"
            + markdown(["Setting", *classes], mean_rows),
            "Character accuracy, worst page of each class:\n\n"
            + markdown(["Setting", *classes], worst_rows),
            "Engine seconds per page (one thread per worker), and measure + clean-up seconds:\n\n"
            + markdown(["Setting", *classes, "clean-up"], time_rows),
        ]
    )


def plan_table(readings: list[Reading], classes: list[str]) -> str:
    """Which steps the product plan took on each class's pages."""
    rows: list[list[object]] = []
    for engine_plan in ("Tesseract chi_sim, product plan", "RapidOCR, product plan"):
        for cls in classes:
            taken = sorted(
                {
                    r.steps or "none"
                    for r in readings
                    if r.setting == engine_plan and r.degradation == cls
                }
            )
            if taken:
                rows.append([engine_plan, cls, "; ".join(taken)])
    return markdown(["Plan", "Class", "Steps taken (rounded angles differ per page)"], rows)


def _tesseract_seconds(page: Path, threads: int | None, copies: int = 1) -> float:
    """Wall time of `copies` Tesseract runs on `page` started at once."""
    env = dict(os.environ)
    env.pop("OMP_THREAD_LIMIT", None)
    if threads is not None:
        env["OMP_THREAD_LIMIT"] = str(threads)
    binary = str(find_tesseract())
    started = time.perf_counter()
    runs = [
        subprocess.Popen(
            [binary, str(page), "-", "-l", "chi_sim"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(copies)
    ]
    for run in runs:
        run.wait()
    return time.perf_counter() - started


def thread_tables(pages: list[tuple[str, str, str]], repeats: int) -> str:
    samples = {cls: Path(path) for path, cls, _ in pages if cls in ("clean", "poor-150")}
    rows: list[list[object]] = []
    for cls, page in samples.items():
        for label, threads, copies in (
            ("1 page, default OpenMP threads", None, 1),
            ("1 page, OMP_THREAD_LIMIT=1", 1, 1),
            ("2 pages at once, default threads", None, 2),
            ("2 pages at once, OMP_THREAD_LIMIT=1", 1, 2),
        ):
            times = [_tesseract_seconds(page, threads, copies) for _ in range(repeats)]
            rows.append([f"Tesseract, {cls}", label, statistics.median(times), min(times)])
    if rapidocr_installed():
        from archivist.ocr.rapid import RapidOcrEngine

        for threads in (1, 2):
            engine = RapidOcrEngine(threads=threads)
            engine.check()
            for cls, page in samples.items():
                engine.recognise(page)  # warm-up
                times = [engine.recognise(page).seconds for _ in range(repeats)]
                rows.append(
                    [
                        f"RapidOCR, {cls}",
                        f"1 page, {threads} onnxruntime thread(s)",
                        statistics.median(times),
                        min(times),
                    ]
                )
    return f"Wall seconds (median and best of {repeats}):\n\n" + markdown(
        ["Engine, page", "Run", "median s", "best s"], rows
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=4, help="pages per degradation class")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", type=Path, default=BENCH_DIR / "out" / "ocr-quality")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each thread measurement")
    parser.add_argument("--skip-threads", action="store_true")
    parser.add_argument(
        "--only", nargs="+", metavar="SETTING", help="run only these settings (exact names)"
    )
    args = parser.parse_args(argv)

    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    pages = build_pages(args.work, args.seed, args.pages)
    classes = list(dict.fromkeys(cls for _, cls, _ in pages))
    with_rapidocr = rapidocr_installed()
    settings = [i for i, s in enumerate(SETTINGS) if s.engine == "tesseract" or with_rapidocr]
    if args.only:
        unknown = set(args.only) - {s.name for s in SETTINGS}
        if unknown:
            parser.error(f"unknown settings: {', '.join(sorted(unknown))}")
        settings = [i for i in settings if SETTINGS[i].name in args.only]
    tesseract_version = TesseractEngine().version()
    print(
        f"# OCR quality: {len(pages)} pages ({args.pages} per class), seed {args.seed}, "
        f"{args.workers} workers; Tesseract {tesseract_version}; "
        f"load average before: {os.getloadavg()[0]:.2f}\n",
        flush=True,
    )
    jobs = [(s, path, cls, text) for s in settings for path, cls, text in pages]
    readings: list[Reading] = []
    with ProcessPoolExecutor(args.workers) as pool:
        for reading in pool.map(_read, jobs):
            readings.append(reading)
            print(
                f"  {reading.setting:36s} {reading.page:26s} {reading.accuracy:.3f} "
                f"{reading.ocr_seconds:6.2f}s {reading.steps}",
                file=sys.stderr,
                flush=True,
            )
    (args.work / "readings.json").write_text(
        json.dumps([r.__dict__ for r in readings], ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    print(accuracy_tables(readings, classes) + "\n")
    print("Steps the product plan took:\n\n" + plan_table(readings, classes) + "\n")
    if not args.skip_threads:
        print(thread_tables(pages, args.repeats) + "\n")
    print(
        f"load average after: {os.getloadavg()[0]:.2f}; total {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
