"""Benchmark: capturing items into an archive vs. plainly copying the same bytes.

    .venv/bin/python bench/capture_vs_copy.py [--items 1000] [--work bench/out] [--profile]

Builds (once, cached in the work folder) a corpus of scan-like items, then measures in
one run, on the same files:

- copy, no fsync:  shutil.copyfile of every page file into a fresh folder per item;
- copy + fsync:    the same, with an fsync of each copied file;
- capture:         `capture_from_manifest` of every item into a fresh archive, opened once.

All source files are read once before the first measurement so every variant starts
with them in the OS page cache. `os.sync()` runs (untimed) between variants so one
variant's dirty pages are not written back during the next. With --profile, a second
capture into another fresh archive runs under cProfile (not part of the timed figures).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from archive_setup import new_clerks_archive
from corpus import MB, Corpus, build_corpus, machine, read_all, table

from archivist.capture.pipeline import capture_from_manifest

BENCH_DIR = Path(__file__).resolve().parent
FONDS = ("B001", "基准测试全宗")

# Functions whose cumulative time the profile summary names (module suffix, function).
BREAKDOWN: tuple[tuple[str, str, str], ...] = (
    (
        "capture whole (capture_from_manifest)",
        "archivist/capture/pipeline.py",
        "capture_from_manifest",
    ),
    ("  read_manifest", "archivist/capture/manifest.py", "read_manifest"),
    ("  preflight: inspect_file", "archivist/formats/media.py", "inspect_file"),
    ("    inspect_image (decode JPEG)", "archivist/formats/images.py", "inspect_image"),
    ("    inspect_pdf (pikepdf)", "archivist/formats/pdf.py", "inspect_pdf"),
    ("    hash_file (preflight SHA-256)", "archivist/storage/filestore.py", "hash_file"),
    ("  copy_with_hash (copy+hash+fsync)", "archivist/storage/filestore.py", "copy_with_hash"),
    ("  Journal.start", "archivist/storage/journal.py", "start"),
    ("  Journal.update", "archivist/storage/journal.py", "update"),
    ("  Journal.finish", "archivist/storage/journal.py", "finish"),
    ("  fsync_dir", "archivist/storage/filestore.py", "fsync_dir"),
    ("  _record (ORM rows)", "archivist/capture/pipeline.py", "_record"),
    ("  audit.record", "archivist/changes/audit.py", "record"),
    ("  Archive.setting", "archivist/archive.py", "setting"),
    ("os.fsync (all callers)", "~", "<built-in method posix.fsync>"),
    ("sqlite3 commit (all callers)", "~", "<method 'commit' of 'sqlite3.Connection' objects>"),
    ("sqlite3 execute (all callers)", "~", "<method 'execute' of 'sqlite3.Cursor' objects>"),
    ("sha256 update (all callers)", "~", "<method 'update' of '_hashlib.HASH' objects>"),
)


@dataclass(frozen=True)
class Run:
    label: str
    seconds: float
    marks: tuple[float, ...] = ()  # capture: elapsed seconds after each tenth of the items


def copy_all(corpus: Corpus, target: Path, *, fsync: bool) -> Run:
    """Copy every page file into target/<item>/, as capture lays out one folder per item."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    started = time.perf_counter()
    for item in corpus.items:
        folder = target / item.manifest.parent.name
        folder.mkdir()
        for source in item.files:
            destination = folder / source.name
            shutil.copyfile(source, destination)
            if fsync:
                fd = os.open(destination, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
    seconds = time.perf_counter() - started
    label = "copy + fsync per file" if fsync else "copy, no fsync"
    return Run(label, seconds)


def capture_all(corpus: Corpus, root: Path, profiler: cProfile.Profile | None = None) -> Run:
    shutil.rmtree(root, ignore_errors=True)
    archive = new_clerks_archive(root, FONDS)
    try:
        manifests = corpus.manifests
        tenth = max(1, len(manifests) // 10)
        marks: list[float] = []
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        for done, manifest in enumerate(manifests, start=1):
            capture_from_manifest(archive, manifest)
            if done % tenth == 0:
                marks.append(time.perf_counter() - started)
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - started
        summary = archive.summary()
    finally:
        archive.close()
    if summary["items"] != len(corpus.items) or summary["bytes"] != corpus.bytes:
        raise SystemExit(f"capture stored {summary}, expected {len(corpus.items)} items")
    return Run("capture (capture_from_manifest)", seconds, tuple(marks))


def profile_report(profiler: cProfile.Profile, seconds: float, items: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    # pstats' table (undocumented): (file, line, name) -> (cc, calls, own, cumulative, callers)
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, object]]
    raw = getattr(stats, "stats")  # noqa: B009
    rows = []
    for label, module, function in BREAKDOWN:
        found = [
            value
            for (filename, _line, name), value in raw.items()
            if name == function and (filename.replace(os.sep, "/").endswith(module))
        ]
        # Sum over matches; cumulative time of a recursive function is counted once by pstats.
        calls = sum(v[1] for v in found)
        cumulative = sum(v[3] for v in found)
        rows.append(
            [label, calls, cumulative, 100 * cumulative / seconds, 1000 * cumulative / items]
        )
    out.write(
        f"\nProfiled capture of {items} items: {seconds:.1f} s under cProfile "
        "(profiling overhead included)\n\n"
    )
    out.write(table(["function", "calls", "cum s", "% of run", "ms/item"], rows) + "\n")
    out.write("\nTop 15 by cumulative time:\n")
    stats.sort_stats("cumulative").print_stats(15)
    out.write("Top 15 by own (internal) time:\n")
    stats.sort_stats("tottime").print_stats(15)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1000, help="items (default 1000)")
    parser.add_argument(
        "--pages-per-item",
        type=int,
        default=5,
        help="pages per item: a 2-page PDF form + (N-2) JPEG vouchers (default 5)",
    )
    parser.add_argument(
        "--work", type=Path, default=BENCH_DIR / "out", help="work folder (default bench/out)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the copies and the archive after the run"
    )
    parser.add_argument(
        "--profile", action="store_true", help="also run a profiled capture (cProfile)"
    )
    parser.add_argument(
        "--profile-items", type=int, default=None, help="items for the profiled run (default all)"
    )
    args = parser.parse_args(argv)
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)

    corpus = build_corpus(work, args.items, args.pages_per_item)
    files = corpus.files
    info = machine()
    print(f"machine: {info['cpus']} CPUs, {info['cpu']}, Python {info['python']}")
    print(
        f"corpus: {corpus.root} ({len(corpus.items)} items, {len(files)} files, "
        f"{corpus.pages} pages, {corpus.bytes / MB:.1f} MB; "
        + (
            f"generated {corpus.built_now} items in {corpus.build_seconds:.0f} s)"
            if corpus.built_now
            else "from cache)"
        )
    )
    run_dir = work / "capture_vs_copy"
    run_dir.mkdir(exist_ok=True)

    read_all(files)  # warm the page cache: every variant reads warm sources
    os.sync()
    runs: list[Run] = []
    for fsync in (False, True):
        runs.append(copy_all(corpus, run_dir / ("copy-fsync" if fsync else "copy"), fsync=fsync))
        print(f"  {runs[-1].label}: {runs[-1].seconds:.2f} s", file=sys.stderr)
        os.sync()
    runs.append(capture_all(corpus, run_dir / "archive"))
    print(f"  {runs[-1].label}: {runs[-1].seconds:.2f} s", file=sys.stderr)
    os.sync()

    items, pages, size = len(corpus.items), corpus.pages, corpus.bytes
    rows = [
        [
            r.label,
            items,
            pages,
            len(files),
            f"{size / MB:.1f}",
            r.seconds,
            items / r.seconds,
            pages * 60 / r.seconds,
            size / MB / r.seconds,
        ]
        for r in runs
    ]
    no_sync, with_sync, capture = (r.seconds for r in runs)
    print()
    print(
        table(
            ["variant", "items", "pages", "files", "MB", "seconds", "items/s", "pages/min", "MB/s"],
            rows,
        )
    )
    print()
    print(
        table(
            ["ratio", "value"],
            [
                ["capture / copy, no fsync", f"{capture / no_sync:.1f}x"],
                ["capture / copy + fsync per file", f"{capture / with_sync:.1f}x"],
                ["capture per item (ms)", f"{1000 * capture / items:.1f}"],
                ["copy + fsync per item (ms)", f"{1000 * with_sync / items:.1f}"],
            ],
        )
    )
    tenth = max(1, items // 10)
    steps = [b - a for a, b in zip((0.0, *runs[2].marks), runs[2].marks, strict=False)]
    print()
    print(
        f"capture ms/item by successive tenth of the run ({tenth} items each; "
        "does capture slow down as the archive grows?):"
    )
    print("  " + "  ".join(f"{1000 * step / tenth:.0f}" for step in steps))
    print("(MB = 10^6 bytes; sources warm in the page cache; copies and archive on one disk)")

    if args.profile:
        subset = Corpus(
            root=corpus.root,
            items=corpus.items[: args.profile_items or items],
            build_seconds=0.0,
            built_now=0,
        )
        profiler = cProfile.Profile()
        profiled = capture_all(subset, run_dir / "archive-profiled", profiler)
        print(profile_report(profiler, profiled.seconds, len(subset.items)))
        if not args.keep:
            shutil.rmtree(run_dir / "archive-profiled", ignore_errors=True)

    if args.keep:
        print(f"kept: {run_dir}")
    else:
        shutil.rmtree(run_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
