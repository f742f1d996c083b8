"""The access log: who viewed, searched, printed, exported or revealed what, and every
sign-in and refusal. Append-only and hash-chained like the audit trail; `verify` walks
both chains. Each event is written in its own short transaction, so a refused change
still leaves its trace."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archivist.db.models import AccessEvent

if TYPE_CHECKING:
    from archivist.archive import Archive

log = logging.getLogger(__name__)

GENESIS = "0" * 64


class AccessKind(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    LOCKED_OUT = "locked_out"
    SIGN_OUT = "sign_out"
    SESSION_REFUSED = "session_refused"
    REFUSED = "refused"  # a person asked for something their roles do not allow
    VIEW_LIST = "view_list"
    VIEW_ITEM = "view_item"
    SEARCH = "search"
    PRINT = "print"
    EXPORT = "export"
    REVEAL = "reveal"
    READ_AUDIT = "read_audit"
    READ_ACCESS_LOG = "read_access_log"
    VERIFY = "verify"


@dataclass(frozen=True)
class AccessEntry:
    seq: int
    at: str
    user_name: str
    seat: str
    kind: str
    target: str
    detail: dict[str, Any] | None


def _digest(fields: dict[str, Any]) -> str:
    canonical = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _fields(event: AccessEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "at": event.at,
        "user_name": event.user_name,
        "seat": event.seat,
        "kind": event.kind,
        "target": event.target,
        "detail": event.detail,
        "prev_hash": event.prev_hash,
    }


def _plain(value: Any) -> Any:
    if value is None:
        return None
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def append(
    session: Session,
    *,
    user_name: str,
    seat: str,
    kind: AccessKind,
    target: str,
    detail: dict[str, Any] | None = None,
) -> AccessEvent:
    """Append one event inside an open write transaction (which serialises the chain).
    In a read-only copy's session the event goes to the log file instead."""
    if session.info.get("read_only"):
        log.warning("access on a read-only archive: %s %s %s %s", user_name, seat, kind, target)
        return AccessEvent(seq=0, user_name=user_name, kind=str(kind), target=target)
    last = session.execute(
        select(AccessEvent.seq, AccessEvent.hash).order_by(AccessEvent.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
    event = AccessEvent(
        seq=seq,
        at=dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
        user_name=user_name[:64],
        seat=seat[:200],
        kind=str(kind),
        target=target[:200],
        detail=_plain(detail),
        prev_hash=prev_hash,
    )
    event.hash = _digest(_fields(event))
    session.add(event)
    session.flush()
    return event


def record(
    archive: Archive,
    kind: AccessKind,
    target: str,
    detail: dict[str, Any] | None = None,
    *,
    user_name: str | None = None,
) -> None:
    """Write one access event for the signed-in person (or `user_name`, for sign-ins).
    A read-only copy cannot be written: the event goes to the log file instead."""
    person = archive.person
    who = user_name if user_name is not None else (person.user_name if person else "-")
    from archivist.accounts.people import seat_from_environment

    seat = person.seat if person and person.seat else seat_from_environment()
    if archive.read_only:
        log.warning("access on a read-only archive: %s %s %s %s", who, seat, kind, target)
        return
    with archive.db.writing() as session:
        append(session, user_name=who, seat=seat, kind=kind, target=target, detail=detail)


@dataclass(frozen=True)
class AccessChainBreak:
    seq: int
    reason: str  # access_log.edited | access_log.deleted | access_log.reordered


def verify_chain(session: Session) -> tuple[int, list[AccessChainBreak]]:
    breaks: list[AccessChainBreak] = []
    expected_seq, expected_prev, count = 1, GENESIS, 0
    for event in _events(session):
        count += 1
        if event.seq != expected_seq:
            breaks.append(AccessChainBreak(event.seq, "access_log.deleted"))
        elif event.prev_hash != expected_prev:
            breaks.append(AccessChainBreak(event.seq, "access_log.reordered"))
        if _digest(_fields(event)) != event.hash:
            breaks.append(AccessChainBreak(event.seq, "access_log.edited"))
        expected_seq, expected_prev = event.seq + 1, event.hash
    return count, breaks


def _events(session: Session) -> Iterator[AccessEvent]:
    last = 0
    while True:
        batch = session.scalars(
            select(AccessEvent).where(AccessEvent.seq > last).order_by(AccessEvent.seq).limit(5000)
        ).all()
        if not batch:
            return
        yield from batch
        last = batch[-1].seq
        session.expunge_all()


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AccessEvent)) or 0)


def query(
    session: Session,
    *,
    user_name: str | None = None,
    target: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    limit: int = 1000,
) -> list[AccessEntry]:
    """The newest events first, filtered."""
    stmt = select(AccessEvent)
    if user_name:
        stmt = stmt.where(AccessEvent.user_name == user_name)
    if target:
        stmt = stmt.where(AccessEvent.target == target)
    if since:
        stmt = stmt.where(AccessEvent.at >= since)
    if until:
        stmt = stmt.where(AccessEvent.at < until)
    if kind:
        stmt = stmt.where(AccessEvent.kind == kind)
    rows = session.scalars(stmt.order_by(AccessEvent.seq.desc()).limit(limit)).all()
    return [AccessEntry(e.seq, e.at, e.user_name, e.seat, e.kind, e.target, e.detail) for e in rows]
