"""One way to change the archive: the unit of work.

Every write goes through `unit_of_work`, reached as `Archive.change`:

    with archive.change(Action.VOLUME_TITLE, f"volume:{code}", reason=reason) as change:
        volume = load(change.session, code)
        change.before = {"title": volume.title}
        volume.title = title
        change.after = {"title": volume.title}
    change.changes  # what changed, once committed

The actor is the signed-in person (archive.person). It refuses a missing reason where
the action needs one and a person whose roles do not carry the action's right (checked
again inside the transaction, so a role revoked since the sign-in counts), opens the
one write transaction, writes
exactly one audit event from the before/after the service gives (with the after-state
of every record row the transaction wrote, read back from the session's flushes:
changes/replay.py, which `verify` replays), notes what the
transaction touched (tables and items, from the session's flushes) and, after the
commit, brings the search index in step. The value it leaves in `change.changes` tells
the window what to refresh.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy import event
from sqlalchemy.orm import Session

from archivist.accounts import rights
from archivist.changes import audit, replay
from archivist.changes.actions import Action
from archivist.errors import AccessRefused, InputError

if TYPE_CHECKING:
    from archivist.archive import Archive

log = logging.getLogger(__name__)

# Rows whose change is worth a redraw, by table: an item's own rows count as the item.
ITEM_TABLES = {"items", "materials", "roster_entries", "page_texts"}


@dataclass(frozen=True)
class Changes:
    """What one committed change did."""

    action: Action
    target: str
    seq: int  # the audit event that records it
    tables: frozenset[str] = frozenset()  # tables whose rows changed
    items: frozenset[int] = frozenset()  # ids of items whose rows changed

    def touched(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))


@dataclass
class Change:
    """The open unit of work handed to the service inside the `with` block."""

    session: Session
    action: Action
    actor: str
    reason: str
    target: str
    before: Any = None
    after: Any = None
    op_id: str | None = None
    tables: set[str] = field(default_factory=set)
    items: set[int] = field(default_factory=set)
    changes: Changes | None = None

    def nothing_changed(self) -> NoReturn:
        """End the block here: the request turned out to change nothing, so the
        transaction rolls back, no event is written and `changes` stays None. The code
        after the `with` block goes on (the service returns what it already read)."""
        raise _NothingChanged

    def touch_items(self, ids: Iterable[int]) -> None:
        """Note items concerned beyond those whose own rows changed (e.g. a volume's)."""
        self.items.update(i for i in ids if i is not None)


class _NothingChanged(Exception):
    """Raised by `Change.nothing_changed`; caught by the unit of work, never seen outside."""


def required_reason(action: Action, reason: str | None) -> str:
    """The reason, stripped; refused when the action needs one and none was given."""
    text = (reason or "").strip()
    if action.needs_reason and not text:
        raise InputError("reason.required")
    return text


@contextmanager
def unit_of_work(
    archive: Archive,
    action: Action,
    target: str,
    *,
    reason: str | None = None,
    op_id: str | None = None,
) -> Iterator[Change]:
    person = rights.check_action(archive, action)
    why = required_reason(action, reason)
    who = person.user_name
    refusal: AccessRefused | None = None
    try:
        with archive.db.writing() as session:
            refusal = rights.recheck_in_transaction(archive, session, action, person)
            if refusal is not None:
                raise _NothingChanged
            work = Change(session, action, who, why, target, op_id=op_id)

            def noted(flushed: Session, context: Any) -> None:
                _note(work, flushed)
                replay.note_flush(flushed, context)

            event.listen(session, "after_flush", noted)
            try:
                yield work
                session.flush()  # the last writes, noted before their state is read back
                record = audit.record(
                    session,
                    actor=who,
                    action=action.code,
                    target=work.target,
                    before=work.before,
                    after=work.after,
                    reason=why,
                    op_id=work.op_id,
                    state=replay.collect(session),
                )
                indexed = "search_generation" in session.info
            finally:
                event.remove(session, "after_flush", noted)
    except AccessRefused as exc:  # a rule of duties the service found broken
        rights.log_refusal(archive, action, exc)
        raise
    except _NothingChanged:
        if refusal is not None:
            rights.log_refusal(archive, action, refusal)
            raise refusal from None
        return
    work.changes = Changes(
        action, work.target, record.seq, frozenset(work.tables), frozenset(work.items)
    )
    if indexed:
        _bring_index_in_step(archive, work.changes.items)


def _note(work: Change, session: Session) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table is None or table == "audit_events":
            continue
        work.tables.add(table)
        if table == "items":
            work.items.add(obj.id)
        elif table in ITEM_TABLES or hasattr(obj, "item_id"):
            item_id = getattr(obj, "item_id", None)
            if item_id is not None:
                work.items.add(item_id)


def _bring_index_in_step(archive: Archive, items: Iterable[int]) -> None:
    """The transaction noted its indexed changes in the database (db.engine); index them
    now, or at the end of an open indexing batch (which collects the items touched). The
    index is derived: a failure here is logged and mended at the next open."""
    from archivist.search.service import refresh_items

    try:
        refresh_items(archive, items)
    except Exception:
        log.exception("search index update after a change failed; it catches up on open")
