"""What an audit event says its change left behind: the after-state of every record row
the transaction inserted, updated or deleted, so the trail alone rebuilds the records.

The unit of work notes the rows from the session's flushes (new, changed, deleted and
orphaned objects); a bulk statement (`session.execute(delete(...))`) that bypasses the
session names its rows with `note_rows` before it runs. Just before the event is written
the noted rows are read back as they now are: `{table: {key: {column: value} | None}}`
(None: the row is gone). Accounts and their roles, settings and the volume registers'
generation records are replayed too — a password's hash as a digest only, so the trail
never holds it — but not what changes without a recorded procedure: the failed sign-ins
and the lockout of an account, the search index's bookkeeping settings.
Derived tables (OCR, page texts), sign-in sessions and the access log (its own chain)
are not replayed.

Archives made before events carried state get baseline events ("replay.baseline") at
their first open: the current rows in chunks, from which replay starts; a table that
became replayed later gets its own baseline once (migration 0014). A table baselined a
second time would whitewash rows changed behind the trail: `verify` reports it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, Table, and_, cast, inspect, or_, select, tuple_
from sqlalchemy.orm import Session

from archivist.changes.chain import plain
from archivist.db import models as m
from archivist.db.engine import GENERATION_KEY, PENDING_KEY

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from archivist.archive import Archive

# The record tables replay rebuilds, in dependency order.
REPLAYED: tuple[type[m.Base], ...] = (
    m.Fonds,
    m.ArchiveClass,
    m.BusinessType,
    m.Entity,
    m.NumberCounter,
    m.NumberVacancy,
    m.Item,
    m.Material,
    m.RosterEntry,
    m.BenefitEvent,
    m.Volume,
    m.VolumeItem,
    m.Location,
    m.Box,
    m.BoxItem,
    m.Handover,
    m.HandoverVolume,
    m.UseRequest,
    m.UseTarget,
    m.UseExtension,
    m.Hold,
    m.AppraisalBatch,
    m.AppraisalMember,
    m.AppraisalEntry,
    m.DestructionRegister,
    m.DestructionEntry,
    m.DestructionSignature,
    m.Setting,
    m.Account,
    m.AccountRole,
    m.VolumeRegister,
)
TABLES: dict[str, Table] = {
    model.__tablename__: model.__table__  # type: ignore[misc]
    for model in REPLAYED
}
# Columns the product keeps in step by itself, outside the services' changes (a
# volume's revision is moved on by a bulk statement inside every flush).
BOOKKEEPING: dict[str, frozenset[str]] = {
    "volumes": frozenset({"revision"}),
    "accounts": frozenset({"failed_attempts", "locked_until"}),
}
# Columns the trail keeps only as a digest: a password's hash is replayed (a hash put
# into the database to sign in as somebody is caught) but never written into the trail.
SEALED: dict[str, frozenset[str]] = {"accounts": frozenset({"password_hash"})}
# Rows the product keeps in step by itself (by key): the search index's bookkeeping.
UNRECORDED: dict[str, frozenset[str]] = {"settings": frozenset({GENERATION_KEY, PENDING_KEY})}

NOTED = "replay_noted"  # session.info: {table: set of primary keys (tuples)}
BASELINE_ACTION = "replay.baseline"
BASELINE_CHUNK = 2000


def noted(session: Session) -> dict[str, set[tuple[Any, ...]]]:
    found: dict[str, set[tuple[Any, ...]]] = session.info.setdefault(NOTED, {})
    return found


def note_flush(session: Session, context: Any) -> None:
    """After a flush: note every replayed row it wrote or deleted (orphans too)."""
    rows = noted(session)
    states = getattr(context, "states", {})
    orphans = (state.obj() for state, (isdelete, _l) in states.items() if isdelete)
    for obj in (*session.new, *session.dirty, *session.deleted, *orphans):
        if obj is None:
            continue
        table = getattr(obj, "__tablename__", None)
        if table not in TABLES:
            continue
        # new objects have no identity key yet inside the flush: read the key columns
        key = tuple(inspect(obj).mapper.primary_key_from_instance(obj))
        if all(part is not None for part in key):
            rows.setdefault(table, set()).add(key)


def note_rows(session: Session, table: str, keys: Iterable[Any]) -> None:
    """Name the rows a bulk statement is about to write or delete (single-column keys)."""
    if table in TABLES:
        noted(session).setdefault(table, set()).update((k,) for k in keys)


def key_text(key: Iterable[Any]) -> str:
    return "/".join(str(part) for part in key)


def row_state(table: str, row: Any) -> dict[str, Any]:
    skip = BOOKKEEPING.get(table, frozenset())
    sealed = SEALED.get(table, frozenset())
    values: dict[str, Any] = plain(
        {k: _seal(v) if k in sealed else v for k, v in row._mapping.items() if k not in skip}
    )
    return values


def _seal(value: Any) -> str | None:
    if value is None:
        return None
    return "sha256:" + hashlib.sha256(str(value).encode("utf-8")).hexdigest()


def _primary(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def collect(session: Session) -> dict[str, Any]:
    """The after-state of every noted row, read back now (call after the last flush)."""
    state: dict[str, Any] = {}
    for name, keys in noted(session).items():
        if not keys:
            continue
        table = TABLES[name]
        pk = _primary(table)
        found: dict[str, Any] = {key_text(k): None for k in keys}
        ordered = sorted(keys, key=key_text)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            if len(pk) == 1:
                where: Any = pk[0].in_([k[0] for k in chunk])
            else:
                where = or_(*(and_(*(c == v for c, v in zip(pk, k, strict=True))) for k in chunk))
            for row in session.execute(select(table).where(where)):
                key = key_text(getattr(row, c.name) for c in pk)
                found[key] = row_state(name, row)
        for key in UNRECORDED.get(name, ()):
            found.pop(key, None)
        if found:
            state[name] = found
    session.info.pop(NOTED, None)
    return state


def rows(session: Session, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every row of a replayed table as (key, state), streamed in key order."""
    table = TABLES[name]
    pk = _primary(table)
    last: tuple[Any, ...] | None = None
    while True:
        query = select(table).order_by(*pk).limit(BASELINE_CHUNK)
        if last is not None:
            query = (
                query.where(tuple_(*pk) > tuple_(*last))
                if len(pk) > 1
                else query.where(pk[0] > last[0])
            )
        batch = session.execute(query).all()
        if not batch:
            return
        skipped = UNRECORDED.get(name, frozenset())
        for row in batch:
            key = key_text(getattr(row, c.name) for c in pk)
            if key not in skipped:
                yield key, row_state(name, row)
        last = tuple(getattr(batch[-1], c.name) for c in pk)


def needs_baseline(session: Session) -> bool:
    """Does the trail end in events written before they carried state, or has a table
    become replayed since (migration 0014)?"""
    newest = session.execute(
        select(m.AuditEvent.seq, m.AuditEvent.state).order_by(m.AuditEvent.seq.desc()).limit(1)
    ).first()
    if newest is not None and newest[1] is None:
        return True
    return session.scalar(select(m.ReplayBaselineDue.table_name).limit(1)) is not None


def _baseline_tables(session: Session) -> list[str]:
    """Every replayed table when the trail ends without state, else the tables due."""
    newest = session.execute(
        select(m.AuditEvent.state).order_by(m.AuditEvent.seq.desc()).limit(1)
    ).first()
    if newest is not None and newest[0] is None:
        return list(TABLES)
    due = set(session.scalars(select(m.ReplayBaselineDue.table_name)))
    return [name for name in TABLES if name in due and not _ever_recorded(session, name)]


def _ever_recorded(session: Session, name: str) -> bool:
    """Has any event recorded rows of table `name`? Then it has its starting point and
    must never get another (a baseline now would whitewash direct edits): a row put
    into replay_baselines_due by hand is ignored. Over-matching only errs that way."""
    text = cast(m.AuditEvent.state, String)
    found = session.scalar(select(m.AuditEvent.seq).where(text.like(f'%"{name}":%')).limit(1))
    if found is not None:
        log.warning("baseline refused for %s: the trail already records its rows", name)
    return found is not None


def write_baseline(archive: Archive) -> int:
    """At the first open after the upgrade: the current rows as baseline events, in
    chunks, so replay starts from them. Returns the number of events written. The
    product's own bookkeeping (action "replay.baseline", derived, right SYSTEM): it
    changes no record row, so it is the one write besides the unit of work that records
    events."""
    from sqlalchemy import delete

    from archivist.changes import audit

    written = 0
    with archive.db.writing() as session:
        if not needs_baseline(session):
            return 0
        tables = _baseline_tables(session)
        for name, chunk in _chunks(session, tables, tables == list(TABLES)):
            audit.record(
                session,
                actor="system",
                action=BASELINE_ACTION,
                target=f"table:{name}" if name else "archive",
                after={"rows": len(chunk)},
                state={name: chunk} if name else {},
            )
            written += 1
        session.execute(delete(m.ReplayBaselineDue))
    return written


def _chunks(
    session: Session, tables: list[str], mark: bool
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, rows) in chunks of BASELINE_CHUNK; with `mark`, ("", {}) when there is no
    row at all (the trail still gets its mark that it carries state from here on)."""
    any_rows = False
    for name in tables:
        chunk: dict[str, Any] = {}
        for key, values in rows(session, name):
            chunk[key] = values
            if len(chunk) >= BASELINE_CHUNK:
                yield name, chunk
                any_rows = True
                chunk = {}
        if chunk:
            yield name, chunk
            any_rows = True
    if mark and not any_rows:
        yield "", {}
