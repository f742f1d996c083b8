"""Anchors: the heads of the audit trail and the access log, kept outside the database.

A hash chain proves that nothing in its middle changed, not that its end is where it
was: whoever can write the database can delete the newest events, or rewrite one and
re-hash every event after it, and the chain verifies again. So the head (the sequence
number and hash of the newest event) is written where a person editing the database
does not silently follow:

- the checkpoint file beside the database (`chain-head.json`), written with every
  commit of every seat. Before a transaction that adds audit events commits, the file
  holds the committed head and the event being committed as `pending` (flushed to
  disk first, so a crash or power cut never leaves events the file does not know);
  after the commit the pending event becomes the head. The access log's head moves on
  after the commit, with every change and otherwise at most every
  `ACCESS_EVERY_SECONDS` (the log is appended by every read).
- a copy in the seat's per-user folder (beside the preferences), one per archive (its
  identity: the hash of its first event, and its folder); it only ever moves forward.
- a copy beside every backup the program makes (`<backup>.anchor.json`).
- the head printed in the footer of every register (`footer_text`).

`archivist.integrity.anchors` compares the chains with every checkpoint it can see.
The hooks run on the write sessions of an opened archive (`attach`), so every commit
is anchored whoever writes it. Writing a checkpoint never fails the change: a file
that cannot be written is logged, and verify then names what was left unanchored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from archivist.db.models import AccessEvent, AuditEvent
from archivist.storage.filestore import write_bytes_atomic

if TYPE_CHECKING:
    from archivist.archive import Archive

log = logging.getLogger(__name__)

CHECKPOINT_NAME = "chain-head.json"
BACKUP_SUFFIX = ".anchor.json"
PER_USER_FOLDER = "anchors"
FORMAT = "archivist-chain-head"
HASH_SHOWN = 16  # hex digits of the hash printed on paper
# the access log is appended by every read: its head is written at most this often
ACCESS_EVERY_SECONDS = 2.0

_BEGIN = "anchor.begin"  # session.info: the heads when the transaction began
_ENDED = "anchor.ended"  # session.info: the heads about to be committed
_OWN = "anchor.own"  # session.info: the transaction adds audit events


@dataclass(frozen=True)
class Mark:
    """One point of a chain: the event's sequence number and hash."""

    seq: int
    hash: str

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}

    @classmethod
    def load(cls, value: Any) -> Mark | None:
        if not isinstance(value, dict):
            return None
        seq, digest = value.get("seq"), value.get("hash")
        if isinstance(seq, int) and not isinstance(seq, bool) and isinstance(digest, str):
            return cls(seq, digest)
        return None


@dataclass(frozen=True)
class Heads:
    audit: Mark | None
    access: Mark | None


@dataclass(frozen=True)
class Checkpoint:
    """What one checkpoint file says."""

    identity: str  # the hash of the archive's first audit event
    archive: str  # the archive's folder, as the writer saw it
    audit: Mark | None
    access: Mark | None
    pending: Mark | None = None  # an audit event being committed when written
    at: str = ""
    # audit events found in the chain that the program did not write: (first, last)
    gaps: tuple[tuple[int, int], ...] = ()
    # heads this file once held that the chain no longer has (cut short or rewritten
    # behind the program): kept, so that a later commit does not hide them
    lost: tuple[Mark, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": 1,
            "identity": self.identity,
            "archive": self.archive,
            "audit": self.audit.to_dict() if self.audit else None,
            "access": self.access.to_dict() if self.access else None,
            "pending": self.pending.to_dict() if self.pending else None,
            "at": self.at,
            "gaps": [list(gap) for gap in self.gaps],
            "lost": [mark.to_dict() for mark in self.lost],
        }

    @classmethod
    def from_dict(cls, data: Any) -> Checkpoint:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a chain-head checkpoint")
        return cls(
            identity=str(data.get("identity") or ""),
            archive=str(data.get("archive") or ""),
            audit=Mark.load(data.get("audit")),
            access=Mark.load(data.get("access")),
            pending=Mark.load(data.get("pending")),
            at=str(data.get("at") or ""),
            gaps=_gaps(data.get("gaps")),
            lost=tuple(
                m for m in (Mark.load(v) for v in data.get("lost") or []) if m is not None
            ),
        )


def _gaps(value: Any) -> tuple[tuple[int, int], ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        (int(gap[0]), int(gap[1]))
        for gap in value
        if isinstance(gap, list) and len(gap) == 2 and all(isinstance(v, int) for v in gap)
    )


# -- reading heads ---------------------------------------------------------------------


def heads(connection: Any) -> Heads:
    """The newest event of each chain (two indexed look-ups)."""
    audit = connection.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    access = connection.execute(
        select(AccessEvent.seq, AccessEvent.hash).order_by(AccessEvent.seq.desc()).limit(1)
    ).first()
    return Heads(
        Mark(audit[0], audit[1]) if audit else None,
        Mark(access[0], access[1]) if access else None,
    )


def _hash_at(connection: Any, seq: int) -> str | None:
    found = connection.execute(select(AuditEvent.hash).where(AuditEvent.seq == seq)).first()
    return str(found[0]) if found else None


def identity_of(connection: Any) -> str:
    """The archive's identity: the hash of its first audit event ("" before it)."""
    found = connection.execute(select(AuditEvent.hash).where(AuditEvent.seq == 1)).first()
    return str(found[0]) if found else ""


def current_head(archive: Archive) -> Mark | None:
    """The audit trail's head as the database has it now."""
    with archive.db.reading() as session:
        return heads(session).audit


def footer_text(head: Mark | None) -> str:
    """The head as a register prints it beside the page number (read back with
    `archivist verify --anchor SEQ:HASH`)."""
    if head is None:
        return ""
    return f"审计链 第 {head.seq} 条 {head.hash[:HASH_SHOWN]}"


def register_footer(archive: Archive) -> str:
    """`footer_text` of the archive's head now ("" if it cannot be read)."""
    try:
        return footer_text(current_head(archive))
    except Exception:  # a register is still printed without it
        log.warning("chain head not read for a register's footer", exc_info=True)
        return ""


# -- files -----------------------------------------------------------------------------


def checkpoint_path(root: Path) -> Path:
    """The checkpoint beside the database (in the archive folder)."""
    return root / CHECKPOINT_NAME


def per_user_folder() -> Path:
    """This seat's copies: beside the per-user preferences."""
    from archivist.preferences import preferences_file

    return preferences_file().parent / PER_USER_FOLDER


def per_user_path(identity: str, root: Path) -> Path:
    key = hashlib.sha256(f"{identity}\n{_folder(root)}".encode()).hexdigest()[:32]
    return per_user_folder() / f"{key}.json"


def _folder(root: Path) -> str:
    return os.path.normcase(os.path.normpath(str(root)))


def same_folder(a: str, root: Path) -> bool:
    return bool(a) and _folder(Path(a)) == _folder(root)


def read_checkpoint(path: Path) -> Checkpoint:
    """Raises OSError or ValueError for a file that is missing or not a checkpoint."""
    return Checkpoint.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _read_or_none(path: Path) -> Checkpoint | None:
    try:
        return read_checkpoint(path)
    except (OSError, ValueError):
        return None


def _write(path: Path, checkpoint: Checkpoint, *, durable: bool) -> None:
    """Whole file or nothing (a temporary file renamed over it); `durable`: on disk
    before returning."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(checkpoint.to_dict(), ensure_ascii=False, indent=1)
    write_bytes_atomic(path, text.encode("utf-8"), durable=durable)


def _lost(connection: Any, old: Checkpoint | None, identity: str) -> tuple[Mark, ...]:
    """The heads `old` held that the chain no longer has, kept from before and added to
    now: a commit after the chain was cut short or rewritten keeps the evidence (not
    for the file of another archive that was in this folder before)."""
    if old is None or (old.identity and identity and old.identity != identity):
        return ()
    lost = list(old.lost)
    head = old.audit
    if head is not None and head not in lost and _hash_at(connection, head.seq) != head.hash:
        lost.append(head)
    return tuple(lost)


def _later(a: Mark | None, b: Mark | None) -> Mark | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if b.seq > a.seq else a


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# -- the hooks on every write transaction ----------------------------------------------


@dataclass
class _Anchoring:
    root: Path
    identity: str = ""
    access_written: float = 0.0  # time.monotonic() of the last access-only write


def attach(archive: Archive) -> None:
    """Anchor every commit of this opened archive (not for a read-only one)."""
    if archive.read_only:
        return
    state = _Anchoring(archive.root)
    maker = archive.db.writer_sessions

    def after_begin(session: Session, transaction: Any, connection: Any) -> None:
        if getattr(transaction, "nested", False) or _BEGIN in session.info:
            return
        session.info[_BEGIN] = heads(connection)

    def before_commit(session: Session) -> None:
        began = session.info.get(_BEGIN)
        if not isinstance(began, Heads):
            return
        session.flush()
        connection = session.connection()
        ended = heads(connection)
        if ended == began:
            return
        if not state.identity:
            state.identity = identity_of(connection)
        session.info[_ENDED] = ended
        if ended.audit != began.audit and ended.audit is not None:
            session.info[_OWN] = True
            _before(state, connection, began, ended.audit)
        elif (
            time.monotonic() - state.access_written < ACCESS_EVERY_SECONDS
            and checkpoint_path(state.root).exists()
        ):
            session.info.pop(_ENDED)  # a read's access event: the head moves on later
            return
        else:
            state.access_written = time.monotonic()

    def after_commit(session: Session) -> None:
        ended = session.info.pop(_ENDED, None)
        own = bool(session.info.pop(_OWN, False))
        session.info.pop(_BEGIN, None)
        if isinstance(ended, Heads):
            _after(state, ended, own=own)

    def after_rollback(session: Session) -> None:
        for key in (_ENDED, _OWN, _BEGIN):
            session.info.pop(key, None)

    event.listen(maker, "after_begin", after_begin)
    event.listen(maker, "before_commit", before_commit)
    event.listen(maker, "after_commit", after_commit)
    event.listen(maker, "after_rollback", after_rollback)


def _before(state: _Anchoring, connection: Any, began: Heads, pending: Mark) -> None:
    """Still holding the database's write lock: the committed head (exact) and the
    event about to be committed, on disk before the commit. Events the chain gained
    since the file's head that the program did not write (appended past it) are kept
    as a gap: anchoring them now would make them look like the program's."""
    path = checkpoint_path(state.root)
    old = _read_or_none(path)
    gaps = old.gaps if old else ()
    lost = _lost(connection, old, state.identity)
    if old is not None and began.audit is not None:
        known = old.audit
        if old.pending is not None and _hash_at(connection, old.pending.seq) == old.pending.hash:
            known = _later(known, old.pending)
        if known is not None and began.audit.seq > known.seq:
            gaps = (*gaps, (known.seq + 1, began.audit.seq))
    checkpoint = Checkpoint(
        identity=state.identity,
        archive=str(state.root),
        audit=began.audit,
        access=_later(old.access if old else None, began.access),
        pending=pending,
        at=_now(),
        gaps=gaps,
        lost=lost,
    )
    try:
        _write(path, checkpoint, durable=True)
    except OSError:
        log.warning("chain head checkpoint not written: %s", path, exc_info=True)


def _after(state: _Anchoring, ended: Heads, *, own: bool) -> None:
    """After the commit: the pending head becomes the head (unless another commit has
    moved the file on), here and in this seat's copy. A commit that only added access
    events moves the access head alone."""
    path = checkpoint_path(state.root)
    old = _read_or_none(path)
    # no file yet (an archive from before anchors): the head as first seen is the start
    audit = ended.audit if own or old is None else old.audit
    pending: Mark | None = None if own else (old.pending if old else None)
    if old is not None and own:
        if old.pending is not None and old.pending != ended.audit:
            pending = old.pending if audit is None or old.pending.seq > audit.seq else None
        if old.audit is not None and (audit is None or old.audit.seq > audit.seq):
            audit = old.audit
    checkpoint = Checkpoint(
        identity=state.identity,
        archive=str(state.root),
        audit=audit,
        access=_later(old.access if old else None, ended.access),
        pending=pending,
        at=_now(),
        gaps=old.gaps if old else (),
        lost=old.lost if old else (),
    )
    try:
        _write(path, checkpoint, durable=False)
    except OSError:
        log.warning("chain head checkpoint not written: %s", path, exc_info=True)
    if state.identity:
        _seat_copy(state, ended if own else Heads(None, ended.access))


def _seat_copy(state: _Anchoring, ended: Heads) -> None:
    """This seat's copy only moves forward. The first commit of a new archive in a
    folder drops the seat's copies of an archive that was there before."""
    path = per_user_path(state.identity, state.root)
    try:
        if ended.audit is not None and ended.audit.seq == 1:
            for other in per_user_checkpoints(state.root):
                if other[1].identity != state.identity:
                    other[0].unlink(missing_ok=True)
        old = _read_or_none(path)
        checkpoint = Checkpoint(
            identity=state.identity,
            archive=str(state.root),
            audit=_later(old.audit if old else None, ended.audit),
            access=_later(old.access if old else None, ended.access),
            at=_now(),
        )
        _write(path, checkpoint, durable=False)
    except OSError:
        log.warning("this seat's copy of the chain head not written: %s", path, exc_info=True)


def per_user_checkpoints(root: Path) -> list[tuple[Path, Checkpoint]]:
    """This seat's copies for the archive in `root` (of any identity; a file that
    cannot be read names no folder, so it is skipped)."""
    folder = per_user_folder()
    found: list[tuple[Path, Checkpoint]] = []
    try:
        paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
    except OSError:  # another OS user's folder, say: no copies of this seat to compare
        log.warning("this seat's copies of chain heads not readable: %s", folder, exc_info=True)
        return found
    for path in paths:
        checkpoint = _read_or_none(path)
        if checkpoint is not None and same_folder(checkpoint.archive, root):
            found.append((path, checkpoint))
    return found


# -- backups ---------------------------------------------------------------------------


def backup_anchor_path(backup: Path) -> Path:
    return backup.with_name(backup.name + BACKUP_SUFFIX)


def database_heads(path: Path) -> tuple[str, Heads] | None:
    """The identity and heads of an SQLite database file (a backup), read-only; None
    when it cannot be read."""
    try:
        connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        first = connection.execute("SELECT hash FROM audit_events WHERE seq = 1").fetchone()
        audit = connection.execute(
            "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        try:
            access = connection.execute(
                "SELECT seq, hash FROM access_events ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        except sqlite3.Error:  # a backup from before the access log
            access = None
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return (
        str(first[0]) if first else "",
        Heads(
            Mark(int(audit[0]), str(audit[1])) if audit else None,
            Mark(int(access[0]), str(access[1])) if access else None,
        ),
    )


def write_backup_anchor(backup: Path, root: Path) -> Path | None:
    """Beside a backup the program made: the heads it holds (so the backup, kept or
    copied away, fixes the chain up to the moment it was made)."""
    found = database_heads(backup)
    if found is None:
        return None
    identity, held = found
    path = backup_anchor_path(backup)
    try:
        _write(
            path,
            Checkpoint(identity, str(root), held.audit, held.access, at=_now()),
            durable=True,
        )
    except OSError:
        log.warning("the backup's chain head not written: %s", path, exc_info=True)
        return None
    return path
