"""Does the window stay responsive while OCR runs on all cores?

Builds a demo archive, opens the main window (offscreen unless a display is set),
starts the OCR queue with one worker per core from the OCR panel, and while it runs
moves through the item table every 250 ms (each move loads the item's detail and
renders its first page, as a person clicking through would). A 10 ms timer measures
the event loop: a tick that comes late is a stall. Prints the longest stall, the
99th percentile and the number of stalls over 100 ms (the target is none), with an
idle baseline for comparison.

    .venv/bin/python bench/ui_responsiveness.py --items 16 --seconds 60
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 10


class StallMeter:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(max(0.0, (now - self.last) * 1000 - TICK_MS))
        self.last = now

    def start(self) -> None:
        self.gaps = []
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        return {
            "ticks": len(gaps),
            "max_ms": gaps[-1],
            "p99_ms": gaps[int(len(gaps) * 0.99) - 1] if len(gaps) > 100 else gaps[-1],
            "median_ms": statistics.median(gaps),
            "over_100ms": sum(1 for g in gaps if g > 100),
        }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0, help="longest OCR phase")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from archivist.archive import Archive
    from archivist.demo.build import build_demo
    from archivist.preferences import Preferences
    from ui.app import make_app
    from ui.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="archivist-ui-bench-"))
    os.environ["ARCHIVIST_CONFIG_DIR"] = str(work / "config")
    try:
        print(f"building a demo archive of {args.items} items …", flush=True)
        build_demo(work / "archive", items=args.items, seed=11)
        archive = Archive.open(work / "archive")
        app = make_app()
        assert isinstance(app, QApplication)
        window = MainWindow(
            archive, Preferences(ocr_workers=args.workers), watch_hot_folder=False, auto_ocr=False
        )
        window.resize(1440, 900)
        window.show()
        meter = StallMeter()

        def run_for(seconds: float, browse: bool, until_idle: bool = False) -> None:
            end = time.monotonic() + seconds
            next_move = time.monotonic()
            row = 0
            while time.monotonic() < end:
                app.processEvents()
                if browse and time.monotonic() >= next_move:
                    row = (row + 1) % max(1, window.model.rowCount())
                    window.table.selectRow(row)
                    next_move = time.monotonic() + 0.25
                if until_idle and not window.ocr.running():
                    break
                time.sleep(0.001)

        run_for(1.0, browse=False)
        meter.start()
        run_for(3.0, browse=True)
        idle = meter.stop()

        pages = archive.summary()["pages"]
        window.ocr.run()
        started = time.monotonic()
        meter.start()
        run_for(args.seconds, browse=True, until_idle=True)
        busy = meter.stop()
        elapsed = time.monotonic() - started
        finished = not window.ocr.running()
        if not finished:
            window.ocr.stop()
            run_for(120, browse=False, until_idle=True)
        status = window.ocr.status
        window.close()
        archive.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"cores {os.cpu_count()}, OCR workers {args.workers}, {pages} pages in the archive")
    print(
        f"OCR phase: {elapsed:.1f} s, {'finished' if finished else 'paused at the time limit'}, "
        f"pages done {status.get('pages_done', '?')}/{status.get('pages_total', '?')}"
    )
    for name, figures in (("idle, browsing", idle), ("OCR on all cores, browsing", busy)):
        print(
            f"{name:<28} ticks {figures['ticks']:>6}  longest stall {figures['max_ms']:7.1f} ms  "
            f"p99 {figures['p99_ms']:6.1f} ms  median {figures['median_ms']:5.1f} ms  "
            f"stalls >100 ms: {figures['over_100ms']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
