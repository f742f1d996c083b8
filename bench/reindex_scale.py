"""The product's full index rebuild and search at 100,000 items, end to end.

    .venv/bin/python bench/reindex_scale.py --items 100000 [--keep DIR] [--engine tantivy]

Builds an archive of synthetic items through the models (bench/browse_scale.py), gives
each item's material one page of OCR text of about 2,000 characters from the corpus of
bench/index_scale.py, then times what `archivist reindex` does (read every item, its
entity, roster and page text from SQLite, and index it) and what `archivist search` does
(query the index, then find the best page and a marked snippet in the database). Prints
items/s, seconds, index size, peak memory, and search latency (median, p95).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.archive_setup import open_as_clerk  # noqa: E402
from bench.index_scale import corpus_file, folder_size, make_queries, read_corpus  # noqa: E402


def add_page_texts(root: Path, corpus: Path) -> None:
    from sqlalchemy import insert, select

    from archivist.changes.audit import now_text
    from archivist.db.models import Material, PageText

    archive = open_as_clerk(root)
    with archive.db.writing() as session:
        ids = list(session.scalars(select(Material.id).order_by(Material.id)))
        stamp = now_text()
        batch: list[dict[str, object]] = []
        for material_id, document in zip(ids, read_corpus(corpus), strict=False):
            batch.append(
                {
                    "material_id": material_id,
                    "page": 1,
                    "status": "done",
                    "source": "ocr",
                    "engine": "bench",
                    "text": document["content"],
                    "width": 0,
                    "height": 0,
                    "seconds": 0.0,
                    "updated_at": stamp,
                }
            )
            if len(batch) >= 5000:
                session.execute(insert(PageText), batch)
                batch.clear()
        if batch:
            session.execute(insert(PageText), batch)
    archive.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=ROOT / "bench" / "out" / "reindex-scale")
    parser.add_argument("--engine", default="tantivy")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--search-only", action="store_true", help="keep the built index")
    args = parser.parse_args()

    from archivist.search.service import index_folder, rebuild, search
    from bench.browse_scale import build

    root = args.keep / f"archive-{args.items}"
    work = ROOT / "bench" / "out" / "index-scale"
    work.mkdir(parents=True, exist_ok=True)
    corpus = corpus_file(work, args.items, 2000, 7)
    if not (root / "archive.json").exists():
        started = time.perf_counter()
        build(root, args.items)
        add_page_texts(root, corpus)
        print(f"archive of {args.items:,} items built in {time.perf_counter() - started:.0f} s")
    archive = open_as_clerk(root)
    if archive.setting("search_engine") != args.engine:
        archive.set_setting("search_engine", args.engine, "bench")
        archive.close()
        archive = open_as_clerk(root)
    if not args.search_only:
        started = time.perf_counter()
        count = rebuild(archive, procs=2)
        seconds = time.perf_counter() - started
        size = folder_size(index_folder(archive)) / 2**20
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{args.engine}: rebuild of {count:,} items {seconds:.0f} s "
            f"({count / seconds:.0f} items/s), index {size:.0f} MiB, peak RSS {peak:.0f} MiB"
        )
    # Names here are the archive's own entities; the terms come from the page texts.
    queries = make_queries(corpus, args.items, 7, args.queries)
    terms = [term for term, _ in queries["mixed"] if not term.isascii()]
    latencies: list[float] = []
    for term in terms:
        t0 = time.perf_counter()
        search(archive, term, limit=20)
        latencies.append(time.perf_counter() - t0)
    latencies.sort()
    print(
        json.dumps(
            {
                "queries": len(latencies),
                "median_ms": round(statistics.median(latencies) * 1000, 1),
                "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1),
            }
        )
    )
    archive.close()


if __name__ == "__main__":
    main()
