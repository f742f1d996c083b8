"""Benchmark: replay of the audit trail against the records (issue 16).

    .venv/bin/python bench/replay.py [--items 10000] [--edits 8] [--keep]

Creates a fresh archive, captures one real item through the pipeline, then adds
`--items` items (each with two materials) as the capture would leave them: the rows
bulk-inserted with SQLAlchemy core and, for each item, one hash-chained audit event
carrying the after-state of its item and material rows (what the unit of work records),
followed by `--edits` title edits per item (one event each, carrying the item row) —
so 10,000 items make about 90,000 events, the ratio of the issue's target (100,000
items, 1,000,000 events). Then it times `replay_findings` (the fold of every event's
state and the field-by-field comparison with every row), with tracemalloc's peak, and
checks the result is clean. Time and memory grow linearly with events and rows; the
folded state holds one entry per record row.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from archive_setup import add_person, new_archive
from corpus import machine
from sqlalchemy import func, select, update

from archivist.archive import Archive
from archivist.changes import audit, replay
from archivist.changes.chain import digest, plain
from archivist.db.models import AuditEvent, Item, Material, NumberCounter
from archivist.integrity.replay import replay_findings

CHUNK = 2000


def _event(seq: int, prev: str, action: str, target: str, state: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "seq": seq,
        "at": audit.now_text(),
        "actor": "bench",
        "action": action,
        "target": target,
        "before": None,
        "after": None,
        "reason": "",
        "op_id": None,
        "prev_hash": prev,
        "state": plain(state),
    }
    fields["hash"] = digest({k: v for k, v in fields.items() if k != "hash"})
    return fields


def fill(archive: Archive, items: int, edits: int, file_bytes: int = 0) -> int:
    """Add `items` items (two materials each) and their events; returns events added.
    With `file_bytes`, each material gets a real stored file of about that size (distinct
    bytes, its SHA-256 and size recorded in its row and its capture event), so that
    `verify` re-hashes as many files as the archive would hold."""
    items_t = replay.TABLES["items"]
    materials_t = replay.TABLES["materials"]
    events_t = AuditEvent.__table__
    with archive.db.writing() as session:
        conn = session.connection()
        item = dict(conn.execute(select(items_t).limit(1)).one()._mapping)
        material = dict(conn.execute(select(materials_t).limit(1)).one()._mapping)
        seq, prev = conn.execute(
            select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
        ).one()
        next_item = int(conn.scalar(select(func.max(Item.id))) or 0) + 1
        next_material = int(conn.scalar(select(func.max(Material.id))) or 0) + 1
        added = 0
        for start in range(0, items, CHUNK):
            item_rows: list[dict[str, Any]] = []
            material_rows: list[dict[str, Any]] = []
            event_rows: list[dict[str, Any]] = []
            for n in range(start, min(items, start + CHUNK)):
                item_id = next_item + n
                row = {
                    **item,
                    "id": item_id,
                    "capture_id": f"bench-{item_id:08d}",
                    "serial": item["serial"] + 1 + n,  # gap-free after the real one
                    "number": f"B-{item_id:08d}",
                    "archival_code": f"B001-BENCH-{item_id:08d}",
                    "folder": f"files/bench/{item_id}",
                }
                mats = []
                for k in range(2):
                    mid = next_material + 2 * n + k
                    stored = {
                        **material,
                        "id": mid,
                        "item_id": item_id,
                        "seq": k + 1,
                        "file": f"files/bench/{mid // 1000:04d}/{mid}.pdf",
                    }
                    if file_bytes:
                        stored.update(_stored_file(archive.root, stored["file"], mid, file_bytes))
                    mats.append(stored)
                item_rows.append(row)
                material_rows.extend(mats)
                counter = {"year": row["year"], "class_id": row["class_id"]}
                counter["last_serial"] = row["serial"]
                state = {
                    "items": {str(item_id): replay.row_state("items", _Row(row))},
                    "number_counters": {
                        replay.key_text((row["year"], row["class_id"])): counter,
                    },
                    "materials": {
                        str(m["id"]): replay.row_state("materials", _Row(m)) for m in mats
                    },
                }
                seq += 1
                event = _event(seq, prev, "item.capture", f"item:{row['capture_id']}", state)
                prev = event["hash"]
                event_rows.append(event)
                for e in range(edits):
                    row = {**row, "title": f"{item['title']} ({e + 1})"}
                    seq += 1
                    event = _event(
                        seq,
                        prev,
                        "item.edit",
                        f"item:{row['number']}",
                        {"items": {str(item_id): replay.row_state("items", _Row(row))}},
                    )
                    prev = event["hash"]
                    event_rows.append(event)
                item_rows[-1] = row
            conn.execute(items_t.insert(), item_rows)
            conn.execute(materials_t.insert(), material_rows)
            conn.execute(events_t.insert(), event_rows)  # type: ignore[attr-defined]
            added += len(event_rows)
        if items:
            conn.execute(
                update(NumberCounter)
                .where(
                    NumberCounter.year == item["year"], NumberCounter.class_id == item["class_id"]
                )
                .values(last_serial=item["serial"] + items)
            )
    return added


def _stored_file(root: Path, rel: str, seed: int, size: int) -> dict[str, Any]:
    """Write a file of distinct bytes; its recorded SHA-256 and size."""
    block = hashlib.sha512(str(seed).encode()).digest()
    data = (block * (size // len(block) + 1))[:size]
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def build(base: Path, items: int, edits: int, file_bytes: int = 0) -> tuple[Archive, int, float]:
    """A fresh archive under `base` with one real captured item and `items` more (see
    `fill`); returns it (signed in as the clerk), the events added and the seconds."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from archivist.capture.pipeline import capture_from_manifest
    from tests.conftest import write_manifest

    archive = new_archive(base / "archive")
    add_person(archive, "clerk", "档案员", ["archivist"])
    capture_from_manifest(archive, write_manifest(base / "m"))
    started = time.perf_counter()
    events = fill(archive, items, edits, file_bytes)
    return archive, events, time.perf_counter() - started


class _Row:
    """A dict standing in for a result row (what `replay.row_state` reads)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._mapping = values


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=8)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument(
        "--no-trace",
        action="store_true",
        help="time replay without tracemalloc (its overhead); report the process's peak RSS",
    )
    args = parser.parse_args()

    base = Path(tempfile.mkdtemp(prefix="bench-replay-"))
    try:
        archive, events, built = build(base, args.items, args.edits)
        with archive.db.reading() as session:
            total = audit.count_events(session)
            if not args.no_trace:
                tracemalloc.start()
            started = time.perf_counter()
            replayed, findings = replay_findings(session)
            seconds = time.perf_counter() - started
            if args.no_trace:
                import resource

                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            else:
                _current, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
        print(machine())
        print(
            f"items {args.items + 1}, events {total} ({events} added in {built:.1f} s); "
            f"replay {replayed} events in {seconds:.1f} s "
            f"({replayed / seconds:,.0f} events/s), peak {peak / 2**20:.0f} MiB "
            f"({'process RSS, whole run' if args.no_trace else 'tracemalloc'}), "
            f"findings {len(findings)}"
        )
        archive.close()
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
