"""OCR throughput: `archivist ocr` against the raw `tesseract` command, same pages, same run.

Builds (once) a set of scan-like Chinese pages from the demo generator, captures them
into a fresh archive (one page per material), then times:
- raw: `tesseract PAGE - -l chi_sim` over every page, N at a time (xargs -P N), each
  single-threaded (OMP_THREAD_LIMIT=1) — the best a shell script could do;
- `archivist ocr --workers N` over the same pages (queue, page extraction, normalisation,
  database writes, searchable copies and index updates included), as shipped (measuring
  each page and cleaning it where that measurably helps) and with the clean-up off (the
  queue's own cost).
Prints pages/minute of each and the ratio (target ≥ 0.9).

    .venv/bin/python bench/ocr_speed.py --pages 120
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.archive import Archive  # noqa: E402
from archivist.capture import capture_from_manifest  # noqa: E402
from archivist.demo import generate_batch  # noqa: E402
from archivist.ocr.pages import EngineSettings  # noqa: E402
from archivist.ocr.queue import run_queue  # noqa: E402

ID = "11010519491231002X"


def collect_pages(work: Path, wanted: int) -> list[Path]:
    """Single-page JPEG/PNG scans from generated demo items (TIFF/PDF skipped: the raw
    tesseract command would need them split first)."""
    pages_dir = work / "pages"
    if pages_dir.is_dir() and len(list(pages_dir.iterdir())) >= wanted:
        return sorted(pages_dir.iterdir())[:wanted]
    pages_dir.mkdir(parents=True, exist_ok=True)
    generated = work / "generated"
    shutil.rmtree(generated, ignore_errors=True)
    batch = max(10, wanted // 3)
    found: list[Path] = []
    seed = 99
    while len(found) < wanted:
        for manifest in generate_batch(generated / str(seed), batch, seed=seed):
            for image in sorted(manifest.parent.iterdir()):
                if image.suffix.lower() in (".jpg", ".png") and len(found) < wanted:
                    target = pages_dir / f"{len(found):04d}{image.suffix.lower()}"
                    shutil.copyfile(image, target)
                    found.append(target)
        seed += 1
    shutil.rmtree(generated, ignore_errors=True)
    return found


def raw_tesseract(pages: list[Path], workers: int) -> float:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    listing = "\n".join(str(p) for p in pages).encode()
    started = time.perf_counter()
    subprocess.run(
        [
            "xargs",
            "-P",
            str(workers),
            "-I{}",
            "tesseract",
            "{}",
            "-",
            "-l",
            "chi_sim",
            "--psm",
            "3",
        ],
        input=listing,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        check=True,
    )
    return time.perf_counter() - started


def archivist_ocr(pages: list[Path], workers: int, folder: Path, cleanup: bool = True) -> float:
    archive = Archive.init(folder / "archive", "J1", "基准测试", actor="bench")
    rng = random.Random(1)
    with archive:
        for index, page in enumerate(pages):
            item = folder / f"item{index}"
            item.mkdir()
            shutil.copyfile(page, item / page.name)
            manifest = {
                "class": "SY",
                "business_type": "失业保险金申领",
                "completed_on": f"{rng.randint(2019, 2025)}-05-12",
                "entity": {"kind": "person", "name": "张三", "id_number": ID},
                "materials": [{"file": page.name, "role": "form", "title": f"页{index}"}],
            }
            (item / "manifest.json").write_text(
                json.dumps(manifest, ensure_ascii=False), encoding="utf-8"
            )
            capture_from_manifest(archive, item / "manifest.json")
        started = time.perf_counter()
        report = run_queue(archive, workers=workers, settings=EngineSettings(cleanup=cleanup))
        seconds = time.perf_counter() - started
        print(f"archivist ocr: {report.pages_done} done, {report.pages_failed} failed")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "ocr-speed")
    args = parser.parse_args()
    pages = collect_pages(args.work, args.pages)
    print(f"{len(pages)} pages, {args.workers} workers")
    raw = raw_tesseract(pages, args.workers)
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        ours = archivist_ocr(pages, args.workers, Path(tmp))
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        plain = archivist_ocr(pages, args.workers, Path(tmp), cleanup=False)
    raw_again = raw_tesseract(pages, args.workers)
    raw_best = min(raw, raw_again)
    per_min = lambda seconds: len(pages) * 60 / seconds  # noqa: E731
    print(
        f"raw tesseract   {raw:.1f} s / {raw_again:.1f} s  → {per_min(raw_best):.1f} pages/min (best)"
    )
    print(f"archivist ocr   {ours:.1f} s  → {per_min(ours):.1f} pages/min (with clean-up)")
    print(f"  no clean-up   {plain:.1f} s  → {per_min(plain):.1f} pages/min")
    print(
        f"ratio archivist/raw {per_min(ours) / per_min(raw_best):.2f} with clean-up, "
        f"{per_min(plain) / per_min(raw_best):.2f} without (the queue's own cost); "
        f"load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
