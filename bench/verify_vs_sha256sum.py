"""Benchmark: `verify(archive)` vs. `sha256sum` over exactly the same stored files.

    .venv/bin/python bench/verify_vs_sha256sum.py [--archive DIR | --items 1000] [--work bench/out]

Without --archive, a fresh archive is built from the cached benchmark corpus (see
bench/corpus.py) under the work folder. The stored files are listed from the archive's
database (the list verify itself hashes) and measured with:

- sha256sum, one process:  xargs -0 -P1 -n 64 sha256sum < list
- sha256sum, parallel:     xargs -0 -P<cores> -n 64 sha256sum < list
- verify(archive, workers=1) and verify(archive) (default workers: one per CPU), in-process;
- verify with hashing stubbed out: what verify costs besides hashing (database queries,
  the orphan walk of files/, numbering and audit-chain checks).

No cache is dropped: every variant runs --runs times (default 2) in rounds, and the
figures reported are those of the last round (warm page cache); the first round's
seconds are shown alongside.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from archive_setup import new_clerks_archive, open_as_clerk
from corpus import MB, build_corpus, machine, table
from sqlalchemy import select

import archivist.storage.filestore as filestore_module
from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.db.models import Material
from archivist.integrity.verify import verify

BENCH_DIR = Path(__file__).resolve().parent
FONDS = ("B001", "基准测试全宗")
XARGS_BATCH = 64


@dataclass(frozen=True)
class Stored:
    path: Path
    sha256: str
    size: int


@dataclass
class Variant:
    label: str
    command: str
    run: Callable[[], None]
    seconds: list[float]


def build_archive(root: Path, work: Path, items: int) -> None:
    corpus = build_corpus(work, items)
    shutil.rmtree(root, ignore_errors=True)
    print(f"capturing {items} items into {root} ...", file=sys.stderr)
    started = time.perf_counter()
    with new_clerks_archive(root, FONDS) as archive:
        for manifest in corpus.manifests:
            capture_from_manifest(archive, manifest)
    print(f"  captured in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def stored_files(archive: Archive) -> list[Stored]:
    with archive.db.reading() as session:
        rows = session.execute(
            select(Material.file, Material.sha256, Material.size).order_by(Material.id)
        ).all()
    return [Stored(archive.root / file, sha, size) for file, sha, size in rows]


def sha256sum(list_file: Path, processes: int, files: list[Stored]) -> None:
    with list_file.open("rb") as stdin:
        result = subprocess.run(
            ["xargs", "-0", "-P", str(processes), "-n", str(XARGS_BATCH), "sha256sum"],
            stdin=stdin,
            capture_output=True,
            check=True,
        )
    # Same work as verify? Every file hashed once, every digest as recorded.
    digests = {}
    for line in result.stdout.decode("utf-8", "surrogateescape").splitlines():
        digest, _, name = line.partition("  ")
        digests[name] = digest
    expected = {str(f.path): f.sha256 for f in files}
    if digests != expected:
        raise SystemExit("sha256sum output does not match the archive's recorded digests")


def run_verify(archive: Archive, files: list[Stored], workers: int | None) -> None:
    report = verify(archive, workers=workers)
    if not report.ok or report.files_checked != len(files):
        raise SystemExit(f"verify did not pass cleanly: {report.to_dict()}")


def run_verify_stubbed(archive: Archive, files: list[Stored]) -> None:
    known = {f.path: (f.sha256, f.size) for f in files}

    def recorded(path: Path) -> tuple[str, int]:
        return known[path]

    with mock.patch.object(filestore_module, "hash_file", recorded):
        run_verify(archive, files, None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", type=Path, help="an existing archive (default: build one)")
    parser.add_argument(
        "--items", type=int, default=1000, help="items of the archive built (default 1000)"
    )
    parser.add_argument(
        "--work", type=Path, default=BENCH_DIR / "out", help="work folder (default bench/out)"
    )
    parser.add_argument("--runs", type=int, default=2, help="runs of each variant (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the built archive")
    args = parser.parse_args(argv)
    work: Path = args.work.resolve()
    run_dir = work / "verify_vs_sha256sum"
    run_dir.mkdir(parents=True, exist_ok=True)
    built = args.archive is None
    root = (run_dir / "archive") if built else args.archive.resolve()
    if built:
        build_archive(root, work, args.items)

    cores = os.cpu_count() or 1
    archive = open_as_clerk(root)
    try:
        files = stored_files(archive)
        size = sum(f.size for f in files)
        list_file = run_dir / "files.lst"
        list_file.write_bytes(b"".join(os.fsencode(f.path) + b"\0" for f in files))
        info = machine()
        print(f"machine: {info['cpus']} CPUs, {info['cpu']}, Python {info['python']}")
        print(f"archive: {root} ({len(files)} files, {size / MB:.1f} MB)")

        xargs = f"xargs -0 -P{{}} -n {XARGS_BATCH} sha256sum < {list_file.name}"
        variants = [
            Variant(
                "sha256sum, 1 process",
                xargs.format(1),
                lambda: sha256sum(list_file, 1, files),
                [],
            ),
            Variant(
                f"sha256sum, {cores} processes",
                xargs.format(cores),
                lambda: sha256sum(list_file, cores, files),
                [],
            ),
            Variant(
                "verify, 1 worker",
                "verify(archive, workers=1)",
                lambda: run_verify(archive, files, 1),
                [],
            ),
            Variant(
                f"verify, default ({cores} workers)",
                "verify(archive)",
                lambda: run_verify(archive, files, None),
                [],
            ),
            Variant(
                "verify, hashing stubbed",
                "verify(archive), hash_file -> recorded values",
                lambda: run_verify_stubbed(archive, files),
                [],
            ),
        ]
        for round_ in range(1, args.runs + 1):
            for variant in variants:
                started = time.perf_counter()
                variant.run()
                variant.seconds.append(time.perf_counter() - started)
                print(
                    f"  round {round_}: {variant.label}: {variant.seconds[-1]:.2f} s",
                    file=sys.stderr,
                )
    finally:
        archive.close()

    rows = [
        [
            v.label,
            len(files),
            f"{size / MB:.1f}",
            v.seconds[0],
            v.seconds[-1],
            size / MB / v.seconds[-1],
        ]
        for v in variants
    ]
    print()
    print(table(["variant", "files", "MB", "1st run s", "warm s", "warm MB/s"], rows))
    single, parallel, verify_one, verify_default, stubbed = (v.seconds[-1] for v in variants)
    print()
    print(
        table(
            ["ratio (warm)", "value"],
            [
                ["verify, 1 worker / sha256sum -P1", f"{verify_one / single:.2f}x"],
                [f"verify, default / sha256sum -P{cores}", f"{verify_default / parallel:.2f}x"],
                ["verify, default / sha256sum -P1", f"{verify_default / single:.2f}x"],
                [
                    "verify non-hashing share (stubbed / default)",
                    f"{100 * stubbed / verify_default:.0f}%",
                ],
            ],
        )
    )
    print()
    print("commands:")
    for v in variants:
        print(f"  {v.label}: {v.command}")
    print(
        f"(MB = 10^6 bytes; no cache dropped; 'warm' = run {args.runs} of {args.runs};"
        " sha256sum output checked against the recorded digests)"
    )
    if built and not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    elif built:
        print(f"kept: {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
