"""The access log: who viewed, searched, printed, exported or revealed what, and every
sign-in and refusal. Append-only and hash-chained like the audit trail; `verify` walks
both chains. Each event is written in its own short transaction, so a refused change
still leaves its trace."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from archivist.changes.chain import GENESIS, digest, plain
from archivist.db.models import AccessEvent

if TYPE_CHECKING:
    from archivist.archive import Archive

log = logging.getLogger(__name__)


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


FIELDS = ("seq", "at", "user_name", "seat", "kind", "target", "detail", "prev_hash")


def append(
    session: Session,
    *,
    user_name: str,
    seat: str,
    kind: AccessKind,
    target: str,
    detail: dict[str, Any] | None = None,
) -> AccessEntry:
    """Append one event inside an open write transaction (which serialises the chain).
    In a read-only copy's session the event goes to the log file instead."""
    if session.info.get("read_only"):
        log.warning("access on a read-only archive: %s %s %s %s", user_name, seat, kind, target)
        return AccessEntry(0, "", user_name, seat, str(kind), target, detail)
    last = session.execute(
        select(AccessEvent.seq, AccessEvent.hash).order_by(AccessEvent.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
    fields: dict[str, Any] = {
        "seq": seq,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
        "user_name": user_name[:64],
        "seat": seat[:200],
        "kind": str(kind),
        "target": target[:200],
        "detail": plain(detail),
        "prev_hash": prev_hash,
    }
    fields["hash"] = digest(fields)
    # a plain insert: an access is no change of the archive's rows (no flush hooks)
    session.execute(insert(AccessEvent), [fields])
    return AccessEntry(
        seq, fields["at"], fields["user_name"], fields["seat"], fields["kind"],
        fields["target"], fields["detail"],
    )  # fmt: skip


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
    """Walk the whole log (plain rows, in batches: a million events take seconds)."""
    breaks: list[AccessChainBreak] = []
    expected_seq, expected_prev, count = 1, GENESIS, 0
    columns = [getattr(AccessEvent, name) for name in FIELDS] + [AccessEvent.hash]
    last = 0
    while True:
        batch = session.execute(
            select(*columns).where(AccessEvent.seq > last).order_by(AccessEvent.seq).limit(20000)
        ).all()
        if not batch:
            return count, breaks
        for row in batch:
            fields = dict(zip(FIELDS, row[:-1], strict=True))
            seq, stored = fields["seq"], row[-1]
            count += 1
            if seq != expected_seq:
                breaks.append(AccessChainBreak(seq, "access_log.deleted"))
            elif fields["prev_hash"] != expected_prev:
                breaks.append(AccessChainBreak(seq, "access_log.reordered"))
            if digest(fields) != stored:
                breaks.append(AccessChainBreak(seq, "access_log.edited"))
            expected_seq, expected_prev = seq + 1, stored
        last = batch[-1][0]


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
