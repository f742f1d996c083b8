"""The audit trail: append-only events, each chained to the one before by SHA-256.

A changed event no longer matches its hash; a deleted one leaves a gap in the
sequence and a broken link. The database also refuses UPDATE/DELETE (migration 0002).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archivist.changes.chain import GENESIS, digest, plain
from archivist.db.models import AuditEvent


def _fields(event: AuditEvent) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "seq": event.seq,
        "at": event.at,
        "actor": event.actor,
        "action": event.action,
        "target": event.target,
        "before": event.before,
        "after": event.after,
        "reason": event.reason,
        "op_id": event.op_id,
        "prev_hash": event.prev_hash,
    }
    if event.state is not None:  # events before issue 16 hash without it
        fields["state"] = event.state
    return fields


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    target: str,
    before: Any = None,
    after: Any = None,
    reason: str = "",
    op_id: str | None = None,
    state: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. Call inside a write transaction (which serialises the chain)."""
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
    event = AuditEvent(
        seq=seq,
        at=now_text(),
        actor=actor,
        action=action,
        target=target,
        before=plain(before),
        after=plain(after),
        reason=reason,
        op_id=op_id,
        state=plain(state if state is not None else {}),
        prev_hash=prev_hash,
    )
    event.hash = digest(_fields(event))
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str  # message code: audit.edited | audit.deleted | audit.reordered


def verify_chain(session: Session) -> tuple[int, list[ChainBreak]]:
    """Walk the whole chain; return the number of events and every break found."""
    breaks: list[ChainBreak] = []
    expected_seq, expected_prev, count = 1, GENESIS, 0
    for event in _events(session):
        count += 1
        if event.seq != expected_seq:
            breaks.append(ChainBreak(event.seq, "audit.deleted"))
        elif event.prev_hash != expected_prev:
            breaks.append(ChainBreak(event.seq, "audit.reordered"))
        if digest(_fields(event)) != event.hash:
            breaks.append(ChainBreak(event.seq, "audit.edited"))
        expected_seq, expected_prev = event.seq + 1, event.hash
    return count, breaks


def _events(session: Session) -> Iterator[AuditEvent]:
    last = 0
    while True:
        batch = session.scalars(
            select(AuditEvent).where(AuditEvent.seq > last).order_by(AuditEvent.seq).limit(2000)
        ).all()
        if not batch:
            return
        yield from batch
        last = batch[-1].seq
        session.expunge_all()


def history(session: Session, target: str) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(AuditEvent).where(AuditEvent.target == target).order_by(AuditEvent.seq)
    ).all()
    return [
        {
            "seq": e.seq,
            "at": e.at,
            "actor": e.actor,
            "action": e.action,
            "reason": e.reason,
            "before": e.before,
            "after": e.after,
        }
        for e in rows
    ]


def count_events(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def committed(session: Session, op_id: str) -> bool:
    """Did the operation `op_id` commit? (Its event is written in the same transaction.)"""
    found = session.scalar(select(AuditEvent.seq).where(AuditEvent.op_id == op_id).limit(1))
    return found is not None
