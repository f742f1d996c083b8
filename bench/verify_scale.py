"""Benchmark: `archivist verify` end to end at scale (issue 16) — every stored file
re-hashed, the audit and access chains, the anchors, the replay of the whole trail
against every record row, the search index and the derived data — run as the command
a scheduled check runs, in its own process, timed with its peak memory.

    .venv/bin/python bench/verify_scale.py [--items 10000] [--edits 9] [--file-kib 16]
                                            [--workers N] [--keep | --archive DIR]

Builds the archive as bench/replay.py does (one real captured item, then `--items`
items of two materials each, with `--edits` title edits each: 100,000 items make about
1,000,000 events), but with a real stored file of `--file-kib` KiB for every material
(its SHA-256 and size in its row and its capture event), indexes it for search, then
runs `archivist --user auditor --password-file … verify --json` in a child process:
wall time, the child's peak resident memory, and what the report says (it must be
clean). Run it at two sizes to see whether memory stays the same. Time for hashing
grows with the bytes stored: bench/verify_vs_sha256sum.py measures that rate.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from archive_setup import PASSWORD
from corpus import machine
from replay import build

from archivist.search import service


def run_verify(root: Path, workers: int | None) -> None:
    password = root.parent / "auditor.password"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "archivist", "--archive", str(root), "--user", "auditor"]
    command += ["--password-file", str(password), "verify", "--json"]
    if workers:
        command += ["--workers", str(workers)]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = child.communicate()
    seconds = time.perf_counter() - started
    peak = _children_peak()  # the only child: its peak
    if child.returncode not in (0, 1):
        print(err, file=sys.stderr)
        raise SystemExit(f"verify exited with {child.returncode}")
    report = json.loads(out)
    codes: dict[str, int] = {}
    for finding in report.get("findings", []):
        codes[finding["code"]] = codes.get(finding["code"], 0) + 1
    print(
        f"verify: {seconds:.1f} s wall, peak RSS {peak / 1024:.0f} MiB (child process); "
        f"ok={report['ok']}, files {report['files_checked']:,} "
        f"({report['bytes_checked'] / 2**20:,.0f} MiB), "
        f"audit events {report['events_checked']:,}, replayed {report['events_replayed']:,}, "
        f"access events {report.get('access_events_checked', 0):,}, "
        f"anchors {report.get('anchors_checked', 0)}; findings {codes or 'none'}"
    )


def _children_peak() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=9)
    parser.add_argument("--file-kib", type=int, default=16)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the archive built")
    parser.add_argument("--archive", type=Path, help="verify an archive kept by --keep")
    args = parser.parse_args()
    print(machine())
    if args.archive:
        run_verify(args.archive.resolve(), args.workers)
        return
    base = Path(tempfile.mkdtemp(prefix="bench-verify-"))
    try:
        archive, events, built = build(base, args.items, args.edits, args.file_kib * 1024)
        started = time.perf_counter()
        indexed = service.rebuild(archive)
        print(
            f"built: {args.items + 1:,} items, {events:,} events added and "
            f"{2 * args.items:,} files of {args.file_kib} KiB written in {built:.1f} s; "
            f"{indexed:,} items indexed in {time.perf_counter() - started:.1f} s"
        )
        root = archive.root
        archive.close()
        run_verify(root, args.workers)
        if args.keep:
            print(f"kept: {root}")
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
