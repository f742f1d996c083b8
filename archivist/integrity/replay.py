"""Replay: rebuild the expected rows of every record table from the audit trail alone
and compare them field by field with the database.

Each event since the trail began to carry state (a fresh archive's first event, or the
baseline events written when an older archive was upgraded) says what its change left
behind: `{table: {key: row | None}}`. Folding them in sequence gives the rows the trail
vouches for; a row that differs (`replay.differs`: record, field, expected, actual), is
gone (`replay.missing_row`) or was never recorded (`replay.unexpected_row`) is a finding.

The events are streamed in chunks; the folded state (a 16-byte digest of each record
row and the event that recorded it last) is kept in a scratch file, not in memory, and
the rows are compared in batches: memory stays the same whatever the size of the archive
and its trail. The few rows that differ are read back from their own events.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archivist.changes import replay
from archivist.db.models import AuditEvent, ReplayBaselineDue
from archivist.db.scratch import Scratch
from archivist.findings import Finding
from archivist.rules.identity import mask_id_number

EVENT_CHUNK = 2000
SHOWN = 60  # characters of a value shown in a finding


def _states(session: Session) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(seq, action, state) of every event that carries state, in order, streamed."""
    last = 0
    while True:
        batch = session.execute(
            select(AuditEvent.seq, AuditEvent.action, AuditEvent.state)
            .where(AuditEvent.seq > last, AuditEvent.state.is_not(None))
            .order_by(AuditEvent.seq)
            .limit(EVENT_CHUNK)
        ).all()
        if not batch:
            return
        for seq, action, state in batch:
            if state:
                yield seq, action, state
        last = batch[-1][0]


class _Baselines:
    """Watches the baseline events while the trail is folded. A baseline is a table's
    starting point, written once in one run; one written after the trail has recorded
    the table's rows, or a second run after other changes, would whitewash rows changed
    behind the trail (replay.rebaselined)."""

    def __init__(self) -> None:
        self.recorded: set[str] = set()  # tables some change has recorded
        self.baselined: dict[str, int] = {}  # table -> seq of its last baseline event
        self.last_change = 0  # seq of the last event that was not a baseline
        self.flagged: dict[str, int] = {}  # table -> seq of the offending baseline

    def see(self, seq: int, action: str, tables: Iterable[str]) -> None:
        if action != replay.BASELINE_ACTION:
            self.last_change = seq
            self.recorded.update(tables)
            return
        for table in tables:
            again = table in self.baselined and self.last_change > self.baselined[table]
            if (table in self.recorded or again) and table not in self.flagged:
                self.flagged[table] = seq
            self.baselined[table] = seq

    def findings(self) -> list[Finding]:
        return [
            Finding("replay.rebaselined", "error", {"table_term": table, "seq": seq})
            for table, seq in sorted(self.flagged.items(), key=lambda kv: kv[1])
        ]


FOLD_BATCH = 5000  # digests written to the scratch file at a time
COMPARE_BATCH = 500  # record rows compared at a time


# (events folded, events in all): called every EVENT_CHUNK events; may raise to stop
Step = Callable[[int, int], None]


def fold(session: Session, scratch: Scratch, watch: _Baselines, step: Step | None) -> int:
    """Fold the trail into `scratch`'s table `expected` (table, key, digest — None when
    the trail says the row was deleted —, the event that recorded it last, and `seen`);
    returns the events folded."""
    scratch.execute(
        "CREATE TABLE expected (tbl TEXT NOT NULL, key TEXT NOT NULL, digest BLOB,"
        " seq INTEGER NOT NULL, seen INTEGER NOT NULL DEFAULT 0,"
        " PRIMARY KEY (tbl, key)) WITHOUT ROWID"
    )
    upsert = (
        "INSERT INTO expected (tbl, key, digest, seq) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (tbl, key) DO UPDATE SET digest = excluded.digest, seq = excluded.seq"
    )
    pending: list[tuple[str, str, bytes | None, int]] = []
    events = 0
    total = 0
    if step is not None:
        total = int(
            session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.state.is_not(None))
            )
            or 0
        )
    for seq, action, state in _states(session):
        events += 1
        if step is not None and events % EVENT_CHUNK == 0:
            step(events, total)
        watch.see(seq, action, state)
        for table, rows in state.items():
            if table in replay.TABLES and isinstance(rows, dict):
                pending.extend(
                    (table, k, None if r is None else _digest(r), seq) for k, r in rows.items()
                )
        if len(pending) >= FOLD_BATCH:
            scratch.executemany(upsert, pending)  # in order: the later state wins
            pending.clear()
    scratch.executemany(upsert, pending)
    if step is not None:
        step(events, total)
    return events


def _digest(row: dict[str, Any]) -> bytes:
    text = json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _recorded(
    session: Session, scratch: Scratch, wanted: set[tuple[str, str]]
) -> dict[tuple[str, str], Any]:
    """The last recorded state of a few rows (those that differ), read from the very
    events that recorded them (their seq kept in the scratch file), not the whole trail."""
    by_event: dict[int, list[tuple[str, str]]] = {}
    for table in {t for t, _k in wanted}:
        keys = [k for t, k in wanted if t == table]
        for key, seq in scratch.lookup(
            "SELECT key, seq FROM expected WHERE tbl = ? AND key IN ({keys})", [table], keys
        ):
            by_event.setdefault(seq, []).append((table, key))
    found: dict[tuple[str, str], Any] = {}
    seqs = sorted(by_event)
    for start in range(0, len(seqs), EVENT_CHUNK):
        part = seqs[start : start + EVENT_CHUNK]
        for seq, state in session.execute(
            select(AuditEvent.seq, AuditEvent.state).where(AuditEvent.seq.in_(part))
        ):
            for table, key in by_event[seq]:
                rows = state.get(table) if isinstance(state, dict) else None
                if isinstance(rows, dict):
                    found[(table, key)] = rows.get(key)
    return found


def _record(table: str, key: str, row: dict[str, Any] | None) -> dict[str, str]:
    """How a finding names a row: `record` (table, key and its number where it has one:
    for JSON and logs) and, for the message, the table as a term and a label (its number,
    code or name, else its key)."""
    label = f"#{key}"
    for field in ("number", "archival_code", "code", "name", "user_name", "key", "role"):
        if row and row.get(field):
            label = str(row[field])
            break
    record = f"{table} #{key}" + ("" if label.startswith("#") else f" ({label})")
    return {"record": record, "table_term": table, "label": label}


def _shown(value: Any, field: str) -> str:
    """A value as a finding shows it: shortened, an ID number masked (findings are
    printed in the four-property report and seen by the verifier role)."""
    text = "∅" if value is None else str(value)
    if value is not None and "id_number" in field:
        text = mask_id_number(text)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def _awaiting_baseline(session: Session, baselines: _Baselines) -> list[str]:
    """Tables that became replayed after the trail began to carry state and whose
    baseline the next writable open writes (an upgrade interrupted before it): not
    compared yet, said as such. Never a table the trail already records or baselined —
    a due row put in by hand hides nothing."""
    due = set(session.scalars(select(ReplayBaselineDue.table_name)))
    return [
        table
        for table, columns in replay.TABLES.items()
        if table in due
        and table not in baselines.recorded
        and table not in baselines.baselined
        and session.execute(select(columns).limit(1)).first() is not None  # rows to compare
    ]


def replay_findings(session: Session, step: Step | None = None) -> tuple[int, list[Finding]]:
    """Replay the trail against the rows: (events replayed, findings); `step` is told
    how far the fold has got (and may raise to stop it)."""
    baselines = _Baselines()
    with Scratch() as scratch:
        events = fold(session, scratch, baselines, step)
        if events == 0:
            return 0, []
        unexpected: list[tuple[str, str, dict[str, Any]]] = []
        changed: dict[tuple[str, str], dict[str, Any]] = {}  # the actual rows that differ
        waiting = _awaiting_baseline(session, baselines)
        for table in replay.TABLES:
            if table in waiting:
                continue
            batch: list[tuple[str, dict[str, Any]]] = []
            for key, actual in replay.rows(session, table):
                batch.append((key, actual))
                if len(batch) >= COMPARE_BATCH:
                    _compare(scratch, table, batch, unexpected, changed)
                    batch.clear()
            _compare(scratch, table, batch, unexpected, changed)
        missing = [
            (table, key)
            for table, key in scratch.execute(
                "SELECT tbl, key FROM expected WHERE digest IS NOT NULL AND seen = 0"
            )
        ]
        recorded = _recorded(session, scratch, {*changed, *missing})
    findings: list[Finding] = [
        Finding("replay.unexpected_row", "error", _record(t, k, row)) for t, k, row in unexpected
    ]
    findings.extend(
        Finding("replay.baseline_due", "warning", {"table_term": table}) for table in waiting
    )
    for (table, key), actual in changed.items():
        row = recorded.get((table, key)) or {}
        for field in sorted(set(row) | set(actual)):
            if row.get(field) != actual.get(field):
                params = {
                    **_record(table, key, row),
                    "field": field,
                    "field_term": f"{table}.{field}",
                    "expected": _shown(row.get(field), field),
                    "actual": _shown(actual.get(field), field),
                }
                findings.append(Finding("replay.differs", "error", params))
    findings.extend(
        Finding("replay.missing_row", "error", _record(t, k, recorded.get((t, k))))
        for t, k in missing
    )
    findings.extend(baselines.findings())
    return events, findings


def _compare(
    scratch: Scratch,
    table: str,
    batch: list[tuple[str, dict[str, Any]]],
    unexpected: list[tuple[str, str, dict[str, Any]]],
    changed: dict[tuple[str, str], dict[str, Any]],
) -> None:
    """Compare a batch of a table's rows with their folded digests; mark them seen."""
    if not batch:
        return
    keys = [key for key, _ in batch]
    want: dict[str, bytes | None] = dict(
        scratch.lookup(
            "SELECT key, digest FROM expected WHERE tbl = ? AND key IN ({keys})", [table], keys
        )
    )
    for key, actual in batch:
        digest = want.get(key)
        if digest is None:
            unexpected.append((table, key, actual))
        elif digest != _digest(actual):
            changed[(table, key)] = actual
    scratch.lookup("UPDATE expected SET seen = 1 WHERE tbl = ? AND key IN ({keys})", [table], keys)
