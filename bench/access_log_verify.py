"""Benchmark: `verify` with an access log of 1,000,000 events.

    .venv/bin/python bench/access_log_verify.py [--events 1000000] [--repeats 3]

Creates a fresh archive in a temporary folder, then appends access events until the log
holds `--events` of them: views, searches, prints and exports by a handful of people,
hash-chained with the product's own digest (`access_log.FIELDS`, `chain.digest`, the
functions `verify_chain` checks with) and bulk-inserted through SQLAlchemy core
(executemany, 50,000 rows a statement, 250,000 a transaction; the table's triggers only
forbid UPDATE and DELETE). Then, signed in as the auditor, it times `--repeats` times:

- `archivist.integrity.verify.verify(archive)`: the whole check (no stored files here, so
  nearly all of it is the audit trail and the access log), and
- `access_log.verify_chain(session)` alone,

and prints seconds and events/s (medians), with the build time and the database size.
The archive is removed at the end (`--keep` keeps it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any, cast

from archive_setup import ADMINISTRATORS, FONDS, PASSWORD
from corpus import machine, table
from sqlalchemy import Table, select

from archivist.accounts import access_log, passwords
from archivist.accounts.access_log import AccessKind
from archivist.archive import Archive
from archivist.changes import chain
from archivist.db.models import AccessEvent
from archivist.integrity.verify import verify

PEOPLE = ["clerk1", "clerk2", "clerk3", "handler1", "handler2", "head", "appraiser"]
SEATS = ["pc-01 (clerk1)", "pc-02 (clerk2)", "pc-03 (handler1)", "archivist@pc-04"]
STATEMENT_ROWS = 50_000
TRANSACTION_ROWS = 250_000
FIELDS = access_log.FIELDS


def event_row(seq: int, at: str, prev_hash: str, rng: random.Random) -> dict[str, Any]:
    """One access event as a table row, its hash made by the product's digest."""
    kind = rng.choice(
        (
            AccessKind.VIEW_ITEM,
            AccessKind.VIEW_ITEM,
            AccessKind.VIEW_LIST,
            AccessKind.SEARCH,
            AccessKind.PRINT,
            AccessKind.EXPORT,
        )
    )
    number = f"B001-SY-{2019 + seq % 7}-{seq % 9973:04d}"
    detail: dict[str, Any] | None = None
    if kind is AccessKind.SEARCH:
        target = f"search:张{seq % 500}"
        detail = {"query": f"张{seq % 500}", "hits": seq % 40, "filters": None}
    elif kind is AccessKind.VIEW_LIST:
        target = f"list:SY/{2019 + seq % 7}"
    else:
        target = f"item:{number}"
        if kind is not AccessKind.VIEW_ITEM:
            detail = {"pages": 1 + seq % 5}
    row: dict[str, Any] = {
        "seq": seq,
        "at": at,
        "user_name": rng.choice(PEOPLE),
        "seat": rng.choice(SEATS),
        "kind": str(kind),
        "target": target,
        "detail": chain.plain(detail),
        "prev_hash": prev_hash,
    }
    row["hash"] = chain.digest(row)
    return row


def fill(archive: Archive, events: int) -> tuple[int, float]:
    """Append events until the log holds `events`; (events added, seconds)."""
    started = time.perf_counter()
    rng = random.Random(13)
    with archive.db.reading() as session:
        last = session.execute(
            select(AccessEvent.seq, AccessEvent.hash, AccessEvent.at)
            .order_by(AccessEvent.seq.desc())
            .limit(1)
        ).one()
    seq, prev_hash = last[0], last[1]
    moment = dt.datetime.fromisoformat(last[2])
    table_ = cast(Table, AccessEvent.__table__)
    added = 0
    while seq < events:
        with archive.db.writing() as session:
            connection = session.connection()
            in_transaction = 0
            while seq < events and in_transaction < TRANSACTION_ROWS:
                batch = []
                for _ in range(min(STATEMENT_ROWS, events - seq)):
                    seq += 1
                    moment += dt.timedelta(milliseconds=1500)
                    row = event_row(seq, moment.isoformat(timespec="microseconds"), prev_hash, rng)
                    prev_hash = row["hash"]
                    batch.append(row)
                connection.execute(table_.insert(), batch)
                in_transaction += len(batch)
                added += len(batch)
        print(f"  {seq:>9,} events, {time.perf_counter() - started:6.1f} s", flush=True)
    return added, time.perf_counter() - started


def read_rows(archive: Archive, digest: bool) -> int:
    """Read the log as plain rows through SQLAlchemy core, 5,000 at a time like
    `verify_chain`, and (with `digest`) hash each with the product's digest: what a
    chain check that skips the ORM objects would cost. Returns the rows read."""
    table_ = AccessEvent.__table__
    columns = [table_.c[name] for name in (*FIELDS, "hash")]
    count, last = 0, 0
    with archive.db.reading() as session:
        while True:
            batch = session.execute(
                select(*columns).where(table_.c.seq > last).order_by(table_.c.seq).limit(5000)
            ).all()
            if not batch:
                return count
            for row in batch:
                if digest:
                    fields = dict(zip(FIELDS, row[:-1], strict=True))
                    if chain.digest(fields) != row[-1]:
                        raise SystemExit(f"event {row[0]} does not match its hash")
            count += len(batch)
            last = batch[-1][0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="build the archive here, keep it")
    args = parser.parse_args()

    facts = machine()
    print(f"machine: {facts['cpus']} cores, {facts['cpu']}, Python {facts['python']}")
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    passwords.use_parameters(time_cost=1, memory_kib=8)  # this bench times verify, not sign-in
    work = Path(tempfile.mkdtemp(prefix="bench-access-log-"))
    os.environ["ARCHIVIST_CONFIG_DIR"] = str(work / "config")
    os.environ["ARCHIVIST_LOG_DIR"] = str(work / "logs")
    root = args.keep or work / "archive"
    rows: list[list[object]] = []
    try:
        archive = Archive.init(root, *FONDS, ADMINISTRATORS)
        archive.sign_in("auditor", PASSWORD)
        added, build_seconds = fill(archive, args.events)
        archive.close()
        size = sum(p.stat().st_size for p in root.glob("archive.db*"))
        print(
            f"built: {added:,} events in {build_seconds:.1f} s ({added / build_seconds:,.0f} events/s), "
            f"database {size / 1e6:,.0f} MB"
        )

        archive = Archive.open(root)
        archive.sign_in("auditor", PASSWORD)
        verify_times: list[float] = []
        chain_times: list[float] = []
        rows_times: list[float] = []
        digest_times: list[float] = []
        checked = 0
        for number in range(args.repeats):
            started = time.perf_counter()
            report = verify(archive)
            verify_times.append(time.perf_counter() - started)
            if not report.ok:
                raise SystemExit(f"verify found problems: {report.findings[:5]}")
            checked = report.access_events_checked
            started = time.perf_counter()
            with archive.db.reading() as session:
                count, breaks = access_log.verify_chain(session)
            chain_times.append(time.perf_counter() - started)
            if breaks:
                raise SystemExit(f"the chain is broken: {breaks[:5]}")
            started = time.perf_counter()
            read_rows(archive, digest=False)
            rows_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            read_rows(archive, digest=True)
            digest_times.append(time.perf_counter() - started)
            print(
                f"  run {number + 1}: verify {verify_times[-1]:.1f} s ({checked:,} access events, "
                f"{report.events_checked:,} audit events), verify_chain {chain_times[-1]:.1f} s "
                f"({count:,}), core rows {rows_times[-1]:.1f} s, core rows + digest "
                f"{digest_times[-1]:.1f} s, load {os.getloadavg()[0]:.2f}",
                flush=True,
            )
        archive.close()
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    v, c = statistics.median(verify_times), statistics.median(chain_times)
    rows.append([f"build {added:,} events (hash + insert)", build_seconds, added / build_seconds])
    rows.append([f"verify(archive), median of {len(verify_times)}", v, checked / v])
    rows.append([f"access_log.verify_chain, median of {len(chain_times)}", c, checked / c])
    r, d = statistics.median(rows_times), statistics.median(digest_times)
    rows.append([f"for comparison: read as core rows, median of {len(rows_times)}", r, checked / r])
    rows.append(
        [
            f"for comparison: core rows + product digest, median of {len(digest_times)}",
            d,
            checked / d,
        ]
    )
    print()
    print(table(["Step", "Seconds", "Events/s"], rows))
    print(
        f"verify runs (s): {[round(t, 1) for t in verify_times]}; "
        f"verify_chain runs (s): {[round(t, 1) for t in chain_times]}"
    )
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
