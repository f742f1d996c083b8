"""Benchmark: what anchoring the chain head costs every commit (issue 16).

    .venv/bin/python bench/anchor_cost.py [--edits 200] [--rounds 3]

Builds a small archive (bench/replay.py's set-up: one real captured item), then times
`--edits` small changes (an item's title corrected, one audited transaction each, and
the smallest audited change: one archive setting) in the
archive as the product opens it — the checkpoint beside the database written before the
commit with an fsync, after it without, and this seat's copy — and in the same archive
opened with the anchoring hooks left out. The two alternate `--rounds` times so that the
machine's state is shared fairly; the medians and the ratio are printed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from archive_setup import PASSWORD
from corpus import machine
from replay import build

from archivist.archive import Archive
from archivist.arrangement import items
from archivist.changes import anchor


def timed_edits(
    root: Path, number: str, edits: int, *, anchored: bool, setting: bool = False
) -> list[float]:
    attach = anchor.attach
    if not anchored:
        anchor.attach = lambda archive: None  # type: ignore[assignment]
    try:
        archive = Archive.open(root)
    finally:
        anchor.attach = attach
    archive.sign_in("admin" if setting else "clerk", PASSWORD)
    times: list[float] = []
    try:
        for n in range(edits):
            started = time.perf_counter()
            if setting:  # the smallest audited change: one settings row, no index
                archive.edit_settings({"archive_department": f"档案室{n}"}, "基准测试")
            else:
                items.edit(archive, number, reason="基准测试：更正题名", title=f"基准题名 {n}")
            times.append(time.perf_counter() - started)
    finally:
        archive.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="bench-anchor-"))
    try:
        archive, _events, _seconds = build(base, 0, 0)
        root = archive.root
        with archive.db.reading() as session:
            from sqlalchemy import select

            from archivist.db.models import Item

            number = str(session.scalar(select(Item.number).limit(1)))
        archive.close()
        print(machine())
        for label, setting in (("title edits", False), ("settings edits", True)):
            with_anchor: list[float] = []
            without: list[float] = []
            for _ in range(args.rounds):
                with_anchor += timed_edits(root, number, args.edits, anchored=True, setting=setting)
                without += timed_edits(root, number, args.edits, anchored=False, setting=setting)
            a, b = statistics.median(with_anchor) * 1000, statistics.median(without) * 1000
            print(
                f"{len(with_anchor)} {label} each way: median {a:.1f} ms anchored, "
                f"{b:.1f} ms without anchors; anchoring adds {a - b:.1f} ms a commit "
                f"(ratio {a / b:.2f}); p90 {_p90(with_anchor):.1f} / {_p90(without):.1f} ms"
            )
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _p90(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.9)] * 1000


if __name__ == "__main__":
    main()
