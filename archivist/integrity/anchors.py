"""Verify's comparison of the chains with every anchor it can see.

Anchors (archivist.changes.anchor): the checkpoint beside the database, this seat's
copies, the copies beside the backups, and heads read off paper (`--anchor SEQ:HASH`,
printed in every register's footer). Each says "the chain had event N with hash H":

- event N is not in the chain any more (the chain ends before it): the newest events
  were deleted — `anchor.truncated` (`anchor.access_truncated` for the access log);
- event N is there with another hash: it, or one before it, was rewritten and the
  chain re-hashed after it — `anchor.rewritten` (`anchor.access_rewritten`);
- the chain goes on past the head the checkpoint beside the database holds (and past
  the event it was committing): events appended without the program, which writes
  that file with every commit — `anchor.unanchored`.

What this cannot catch: someone who can write both the database and the archive folder
appends forged events and rewrites the checkpoint beside the database to match — the
older anchors (this seat's copy, backups, paper) only fix what came before them, so
the forged events can only follow the newest anchor, where the trail shows them (who,
when, what) to the people they name. And it cannot tell which anchor is true when all
of them are rewritten together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archivist.archive import Archive
from archivist.changes import anchor
from archivist.changes.anchor import BACKUP_SUFFIX, Checkpoint, Mark
from archivist.db.models import AccessEvent, AuditEvent
from archivist.errors import InputError
from archivist.findings import Finding

MIN_HASH_DIGITS = 16  # as printed on paper
SHOWN_EVENTS = 3
AUDIT = ("anchor.truncated", "anchor.rewritten")
ACCESS = ("anchor.access_truncated", "anchor.access_rewritten")
_ANCHOR = re.compile(r"^\s*(\d{1,12})\s*[:：]\s*([0-9a-fA-F]+)\s*$")
# the footer as printed on a register: 审计链 第 87 条 eb808b650a158f64
_FOOTER = re.compile(r"第\s*(\d{1,12})\s*条\s*[:：]?\s*([0-9a-fA-F]+)\s*$")


@dataclass(frozen=True)
class PaperAnchor:
    """A head read off a printed register: the sequence number and at least the first
    16 hex digits of the hash."""

    seq: int
    prefix: str

    @property
    def text(self) -> str:
        return f"{self.seq}:{self.prefix}"


def parse_anchor(value: str) -> PaperAnchor:
    """`SEQ:HASH` (the hash as printed: its first 16 hex digits or more), or the
    footer's words as printed (审计链 第 SEQ 条 HASH)."""
    found = _ANCHOR.match(value or "") or _FOOTER.search(value or "")
    if found is None or not MIN_HASH_DIGITS <= len(found.group(2)) <= 64:
        raise InputError("anchor.bad_argument", value=value)
    seq = int(found.group(1))
    if seq < 1:
        raise InputError("anchor.bad_argument", value=value)
    return PaperAnchor(seq, found.group(2).lower())


@dataclass
class AnchorResult:
    findings: list[Finding]
    checked: int  # anchors compared


def check_anchors(archive: Archive, paper: Sequence[PaperAnchor] = ()) -> AnchorResult:
    """Compare both chains with every anchor found (and with `paper`)."""
    result = AnchorResult([], 0)
    with archive.db.reading() as session:
        chains = _Chains(session)
        _beside_database(archive, chains, result)
        for path, checkpoint in anchor.per_user_checkpoints(archive.root):
            _compare(chains, str(path), checkpoint, result)
        _backups(archive.layout.backups, chains, result)
        for mark in paper:
            _paper(chains, mark, result)
    return result


class _Chains:
    """Look-ups in both chains (one indexed query per anchor)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.identity = anchor.identity_of(session)
        now = anchor.heads(session)
        self.audit_head, self.access_head = now.audit, now.access

    def audit_hash(self, seq: int) -> str | None:
        return self.session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == seq))

    def access_hash(self, seq: int) -> str | None:
        return self.session.scalar(select(AccessEvent.hash).where(AccessEvent.seq == seq))

    def events_after(self, seq: int, last: int) -> tuple[int, str]:
        """How many audit events follow `seq` up to `last`, and the newest few as text."""
        within = (AuditEvent.seq > seq, AuditEvent.seq <= last)
        count = int(
            self.session.scalar(select(func.count()).select_from(AuditEvent).where(*within)) or 0
        )
        rows = self.session.execute(
            select(AuditEvent.seq, AuditEvent.at, AuditEvent.actor, AuditEvent.action)
            .where(*within)
            .order_by(AuditEvent.seq.desc())
            .limit(SHOWN_EVENTS)
        ).all()
        shown = "；".join(f"#{s} {at[:19]} {actor} {action}" for s, at, actor, action in rows)
        return count, shown


def _beside_database(archive: Archive, chains: _Chains, result: AnchorResult) -> None:
    path = anchor.checkpoint_path(archive.root)
    try:
        checkpoint = anchor.read_checkpoint(path)
    except FileNotFoundError:
        if chains.audit_head is not None:
            result.findings.append(Finding("anchor.missing", "warning", {"file": str(path)}))
        return
    except (OSError, ValueError) as exc:
        result.findings.append(
            Finding("anchor.unreadable", "warning", {"file": str(path), "reason": str(exc)})
        )
        return
    _compare(chains, str(path), checkpoint, result)
    for mark in checkpoint.lost:  # heads the chain lost before a later commit
        result.findings.extend(_mark(str(path), mark, chains.audit_hash, chains.audit_head, AUDIT))
    for first, last in checkpoint.gaps:  # appended past the head before a later commit
        _unanchored(chains, str(path), first - 1, last, result)
    # the chain may not go on past what the program noted with its last commit
    anchored = checkpoint.audit
    pending = checkpoint.pending
    if pending is not None and chains.audit_hash(pending.seq) == pending.hash:
        anchored = pending if anchored is None or pending.seq > anchored.seq else anchored
    head = chains.audit_head
    if head is not None and (anchored is None or head.seq > anchored.seq):
        _unanchored(chains, str(path), anchored.seq if anchored else 0, head.seq, result)


def _unanchored(chains: _Chains, source: str, since: int, last: int, result: AnchorResult) -> None:
    """Audit events `since`+1 … `last` are in the chain without the program having
    written them."""
    count, shown = chains.events_after(since, last)
    result.findings.append(
        Finding(
            "anchor.unanchored",
            "error",
            {
                "source": source,
                "seq": since,
                "first": since + 1,
                "last": last,
                "count": count,
                "shown": shown,
            },
        )
    )


def _compare(
    chains: _Chains,
    source: str,
    checkpoint: Checkpoint,
    result: AnchorResult,
) -> None:
    if checkpoint.identity and chains.identity and checkpoint.identity != chains.identity:
        result.checked += 1
        result.findings.append(
            Finding(
                "anchor.identity",
                "error",
                {
                    "source": source,
                    "expected": checkpoint.identity[: anchor.HASH_SHOWN],
                    "actual": chains.identity[: anchor.HASH_SHOWN],
                },
            )
        )
        return
    if checkpoint.audit is not None:
        result.checked += 1
        result.findings.extend(
            _mark(source, checkpoint.audit, chains.audit_hash, chains.audit_head, AUDIT)
        )
    if checkpoint.access is not None:
        result.checked += 1
        result.findings.extend(
            _mark(source, checkpoint.access, chains.access_hash, chains.access_head, ACCESS)
        )


def _mark(
    source: str,
    mark: Mark,
    hash_at: Any,
    head: Mark | None,
    codes: tuple[str, str],
) -> Iterable[Finding]:
    found: str | None = hash_at(mark.seq)
    if found is None:
        yield Finding(
            codes[0],
            "error",
            {
                "source": source,
                "seq": mark.seq,
                "hash": mark.hash[: anchor.HASH_SHOWN],
                "head": head.seq if head else 0,
            },
        )
    elif not found.startswith(mark.hash.lower()):
        yield Finding(
            codes[1],
            "error",
            {
                "source": source,
                "seq": mark.seq,
                "expected": mark.hash[: anchor.HASH_SHOWN],
                "actual": found[: anchor.HASH_SHOWN],
            },
        )


def _backups(folder: Path, chains: _Chains, result: AnchorResult) -> None:
    """The heads beside each backup; a backup without one (made before anchors) gives
    its own (read from the copy itself)."""
    try:
        if not folder.is_dir():
            return
        anchored = sorted(folder.glob("*" + BACKUP_SUFFIX))
        backups = sorted(folder.glob("*.db"))
    except OSError as exc:
        result.findings.append(
            Finding("anchor.unreadable", "warning", {"file": str(folder), "reason": str(exc)})
        )
        return
    noted: set[str] = set()
    for path in anchored:
        noted.add(path.name[: -len(BACKUP_SUFFIX)])
        try:
            checkpoint = anchor.read_checkpoint(path)
        except (OSError, ValueError) as exc:
            result.findings.append(
                Finding("anchor.unreadable", "warning", {"file": str(path), "reason": str(exc)})
            )
            continue
        _compare(chains, str(path), checkpoint, result)
    for backup in backups:
        if backup.name in noted:
            continue
        found = anchor.database_heads(backup)
        if found is not None:
            identity, held = found
            _compare(chains, str(backup), Checkpoint(identity, "", held.audit, held.access), result)


PAPER = ("anchor.paper_beyond", "anchor.paper_differs")


def _paper(chains: _Chains, mark: PaperAnchor, result: AnchorResult) -> None:
    result.checked += 1
    source = mark.text
    # worded for what was typed: a typo is as likely as a rewritten chain
    findings = list(
        _mark(source, Mark(mark.seq, mark.prefix), chains.audit_hash, chains.audit_head, PAPER)
    )
    if findings:
        result.findings.extend(findings)
    else:
        result.findings.append(
            Finding("anchor.matches", "info", {"seq": mark.seq, "hash": mark.prefix})
        )
