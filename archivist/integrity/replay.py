"""Replay: rebuild the expected rows of every record table from the audit trail alone
and compare them field by field with the database.

Each event since the trail began to carry state (a fresh archive's first event, or the
baseline events written when an older archive was upgraded) says what its change left
behind: `{table: {key: row | None}}`. Folding them in sequence gives the rows the trail
vouches for; a row that differs (`replay.differs`: record, field, expected, actual), is
gone (`replay.missing_row`) or was never recorded (`replay.unexpected_row`) is a finding.

The events are streamed in chunks; the folded state holds one entry per record row
as a 16-byte digest of the row (memory grows with the number of rows, not with the
trail); the few rows that differ are looked up again in a second pass.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.changes import replay
from archivist.db.models import AuditEvent
from archivist.findings import Finding

EVENT_CHUNK = 2000
SHOWN = 60  # characters of a value shown in a finding


def _states(session: Session) -> Iterator[dict[str, Any]]:
    last = 0
    while True:
        batch = session.execute(
            select(AuditEvent.seq, AuditEvent.state)
            .where(AuditEvent.seq > last, AuditEvent.state.is_not(None))
            .order_by(AuditEvent.seq)
            .limit(EVENT_CHUNK)
        ).all()
        if not batch:
            return
        for _seq, state in batch:
            if state:
                yield state
        last = batch[-1][0]


def expected_rows(session: Session) -> tuple[dict[str, dict[str, bytes | None]], int]:
    """A digest of each row the trail vouches for (None: deleted), by table and key, and
    the number of events folded."""
    expected: dict[str, dict[str, bytes | None]] = {name: {} for name in replay.TABLES}
    events = 0
    for state in _states(session):
        events += 1
        for table, rows in state.items():
            if table in expected and isinstance(rows, dict):
                # a 16-byte digest per row: memory in step with the rows, not the trail
                expected[table].update(
                    (k, None if r is None else _digest(r)) for k, r in rows.items()
                )
    return expected, events


def _digest(row: dict[str, Any]) -> bytes:
    text = json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _recorded(session: Session, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], Any]:
    """The last recorded state of a few rows (those that differ): a second pass."""
    found: dict[tuple[str, str], Any] = {}
    for state in _states(session):
        for table, rows in state.items():
            if isinstance(rows, dict):
                for key, row in rows.items():
                    if (table, key) in wanted:
                        found[(table, key)] = row
    return found


def _record(table: str, key: str, row: dict[str, Any] | None) -> str:
    """How a finding names a row: its table and key, and its number where it has one."""
    label = f"{table} #{key}"
    for field in ("number", "archival_code", "code", "name"):
        if row and row.get(field):
            return f"{label} ({row[field]})"
    return label


def _shown(value: Any) -> str:
    text = "∅" if value is None else str(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def replay_findings(session: Session) -> tuple[int, list[Finding]]:
    """Replay the trail against the rows: (events replayed, findings)."""
    expected, events = expected_rows(session)
    if events == 0:
        return 0, []
    unexpected: list[tuple[str, str, dict[str, Any]]] = []
    changed: dict[tuple[str, str], dict[str, Any]] = {}  # the actual rows that differ
    missing: list[tuple[str, str]] = []
    for table in replay.TABLES:
        want = expected[table]
        seen: set[str] = set()
        for key, actual in replay.rows(session, table):
            seen.add(key)
            digest = want.get(key)
            if digest is None:
                unexpected.append((table, key, actual))
            elif digest != _digest(actual):
                changed[(table, key)] = actual
        missing.extend((table, key) for key, d in want.items() if d is not None and key not in seen)
        want.clear()  # this table is done: its memory goes back
    recorded = _recorded(session, {*changed, *missing}) if changed or missing else {}
    findings: list[Finding] = [
        Finding("replay.unexpected_row", "error", {"record": _record(t, k, row)})
        for t, k, row in unexpected
    ]
    for (table, key), actual in changed.items():
        row = recorded.get((table, key)) or {}
        for field in sorted(set(row) | set(actual)):
            if row.get(field) != actual.get(field):
                params = {
                    "record": _record(table, key, row),
                    "field": field,
                    "expected": _shown(row.get(field)),
                    "actual": _shown(actual.get(field)),
                }
                findings.append(Finding("replay.differs", "error", params))
    findings.extend(
        Finding("replay.missing_row", "error", {"record": _record(t, k, recorded.get((t, k)))})
        for t, k in missing
    )
    return events, findings
