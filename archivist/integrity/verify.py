"""`verify`: prove nothing was altered (DA/T 70 authenticity and integrity).

Re-hashes every stored file; reports missing, changed and orphan files, numbering
gaps and duplicates, items without their capture trace, a broken audit chain, and a
search index out of step with the database (items it lacks, entries of items that are
gone, entries out of date), which `archivist reindex` repairs.
"""

from __future__ import annotations

import logging
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, literal, select

from archivist.accounts import access_log
from archivist.accounts.access_log import AccessKind
from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.changes import audit
from archivist.changes.states import ItemState
from archivist.db.models import (
    ArchiveClass,
    AuditEvent,
    Item,
    Material,
    NumberCounter,
    NumberVacancy,
)
from archivist.db.scratch import Scratch
from archivist.errors import ArchivistError
from archivist.findings import Finding, FindingsReport
from archivist.integrity.anchors import PaperAnchor, check_anchors
from archivist.integrity.replay import replay_findings
from archivist.storage.filestore import check_stored_file

log = logging.getLogger(__name__)


class Cancellable(Protocol):
    """What `verify` needs of a cancel token (e.g. archivist.ocr.queue.CancelToken)."""

    @property
    def cancelled(self) -> bool: ...


class VerifyCancelled(ArchivistError):
    """Verification was stopped before it finished; nothing was changed."""

    code = "verify.cancelled"


@dataclass
class VerifyReport(FindingsReport):
    files_checked: int = 0
    bytes_checked: int = 0
    events_checked: int = 0
    access_events_checked: int = 0
    anchors_checked: int = 0  # checkpoints and paper heads the chains were compared with
    events_replayed: int = 0
    seconds: float = 0.0

    def counts(self) -> dict[str, Any]:
        return {
            "files_checked": self.files_checked,
            "bytes_checked": self.bytes_checked,
            "events_checked": self.events_checked,
            "access_events_checked": self.access_events_checked,
            "anchors_checked": self.anchors_checked,
            "events_replayed": self.events_replayed,
            "seconds": round(self.seconds, 3),
        }


def verify(
    archive: Archive,
    progress: Callable[[int, int, str], None] | None = None,
    workers: int | None = None,
    cancel: Cancellable | None = None,
    anchors: Sequence[PaperAnchor] = (),
) -> VerifyReport:
    """Check the archive; `progress(done, total, file)` while files are hashed, and
    VerifyCancelled (pending hashes dropped) once `cancel` is set. `anchors`: chain
    heads read off paper (`archivist verify --anchor SEQ:HASH`)."""
    started = time.perf_counter()
    require(archive, Right.VERIFY, "verify")
    report = VerifyReport()
    with archive.db.reading() as session:
        total = int(session.scalar(select(func.count(Material.id))) or 0)
    with Scratch() as scratch:
        # the stored files, remembered in the scratch file for the orphan walk below
        scratch.execute("CREATE TABLE registered (file TEXT PRIMARY KEY) WITHOUT ROWID")
        # hashlib releases the GIL on large buffers, so threads use every core.
        with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2) as pool:
            done = 0
            for records in _stored_files(archive):
                if cancel is not None and cancel.cancelled:
                    raise VerifyCancelled()
                scratch.executemany(
                    "INSERT OR IGNORE INTO registered VALUES (?)", [(r[0],) for r in records]
                )
                checked = pool.map(lambda r: check_stored_file(archive.root, r), records)
                for record, finding in zip(records, checked, strict=True):
                    done += 1
                    if finding:
                        report.findings.append(finding)
                    if finding is None or finding.code == "verify.changed":
                        report.files_checked += 1
                        report.bytes_checked += record[2]
                    if progress and (done % 50 == 0 or done == total):
                        progress(done, total, record[0])
                    if cancel is not None and cancel.cancelled:
                        pool.shutdown(wait=False, cancel_futures=True)
                        raise VerifyCancelled()

        with archive.db.reading() as session:
            destroyed = _destroyed(session)
        # a destroyed item's number -> the files left of it
        left: dict[str, list[str]] = defaultdict(list)
        for rel in _unregistered(archive, scratch):
            owner = _destroyed_owner(rel, destroyed)
            if owner is not None:
                left[owner].append(rel)
            else:
                report.findings.append(Finding("verify.orphan", "error", {"file": rel}))
    report.findings.extend(_content_left(destroyed, left))

    with archive.db.reading() as session:
        report.findings.extend(_numbering(session))
        report.findings.extend(_capture_traces(session))
    with archive.db.reading() as session:
        count, breaks = audit.verify_chain(session)
    report.events_checked = count
    report.findings.extend(
        Finding("verify.audit_broken", "error", {"seq": b.seq, "reason": _reason(b.reason)})
        for b in breaks
    )

    def replay_step(done: int, total: int) -> None:  # the replay's progress; cancel
        if progress:
            progress(done, total, "replay")
        if cancel is not None and cancel.cancelled:
            raise VerifyCancelled()

    with archive.db.reading() as session:  # the rows against what the trail says
        report.events_replayed, replayed = replay_findings(session, replay_step)
    report.findings.extend(replayed)
    with archive.db.reading() as session:
        accesses, access_breaks = access_log.verify_chain(session)
    report.access_events_checked = accesses
    report.findings.extend(Finding(b.reason, "error", {"seq": b.seq}) for b in access_breaks)
    anchored = check_anchors(archive, anchors)  # the chains' heads kept outside the database
    report.anchors_checked = anchored.checked
    report.findings.extend(anchored.findings)
    report.findings.extend(index_findings(archive))
    from archivist.integrity.derived import derived_findings

    report.findings.extend(derived_findings(archive))
    report.seconds = time.perf_counter() - started
    access_log.record(
        archive, AccessKind.VERIFY, "archive", {"ok": report.ok, "findings": len(report.findings)}
    )
    return report


FILE_BATCH = 1000  # stored files read and hashed at a time


def _stored_files(archive: Archive) -> Iterator[list[tuple[str, str, int, str]]]:
    """The stored files (path, SHA-256, size, item number) in batches by material."""
    last = 0
    while True:
        with archive.db.reading() as session:
            rows = session.execute(
                select(Material.id, Material.file, Material.sha256, Material.size, Item.number)
                .join(Item, Item.id == Material.item_id)
                .where(Material.id > last)
                .order_by(Material.id)
                .limit(FILE_BATCH)
            ).all()
        if not rows:
            return
        last = rows[-1][0]
        yield [(f, s, z, n) for _id, f, s, z, n in rows]


def _unregistered(archive: Archive, scratch: Scratch) -> Iterator[str]:
    """Files under the archive's files folder that no material names."""
    files_root = archive.layout.files
    if not files_root.is_dir():
        return
    batch: list[str] = []
    for dirpath, _dirs, names in os.walk(files_root):
        for name in names:
            batch.append((Path(dirpath) / name).relative_to(archive.root).as_posix())
        if len(batch) >= FILE_BATCH:
            yield from _not_in(scratch, batch)
            batch = []
    yield from _not_in(scratch, batch)


def _not_in(scratch: Scratch, files: list[str]) -> list[str]:
    known = {
        row[0]
        for row in scratch.lookup("SELECT file FROM registered WHERE file IN ({keys})", [], files)
    }
    return [rel for rel in files if rel not in known]


SHOWN_NUMBERS = 5


def index_findings(archive: Archive) -> list[Finding]:
    """Where the search index differs from the database. An index that is missing,
    damaged or of an older schema is rebuilt before the next search, so is not drift."""
    from archivist.search.service import STALE_MARK, _index, index_drift

    try:
        index = _index(archive)
        if (index.folder / STALE_MARK).exists() or index.needs_rebuild():
            return []
        drift = index_drift(archive, index)
    except Exception:  # an unreadable index: rebuilt before the next search
        log.warning("search index unreadable for the check: rebuilt later", exc_info=True)
        return []
    findings: list[Finding] = []
    if archive.reindexed:
        findings.append(Finding("verify.index_reconciled", "info", {"count": archive.reindexed}))
    for code, numbers in (
        ("verify.index_missing", drift.missing),
        ("verify.index_orphan", drift.orphans),
        ("verify.index_stale", drift.stale),
    ):
        if numbers:
            shown = "、".join(numbers[:SHOWN_NUMBERS]) + (
                "…" if len(numbers) > SHOWN_NUMBERS else ""
            )
            findings.append(
                Finding(code, "error", {"count": len(numbers), "numbers": shown, "all": numbers})
            )
    return findings


def _reason(code: str) -> str:
    from archivist.messages import render

    return render(code)


Group = tuple[int, int]  # (year, class id): one run of serials


def numbering_gaps(
    session: Any, groups: set[Group] | None = None
) -> dict[Group, list[tuple[int, int]]]:
    """Per (year, class) — all, or those in `groups` —, the runs (first, last) of serials
    neither held by an item nor left vacant by an audited renumbering, up to the counter.
    The serials are read as one ordered stream and gaps kept as runs: a serial or a
    counter tampered up to 10**9 stays one run, and memory follows the gaps."""
    vacant: dict[Group, set[int]] = defaultdict(set)
    for year, class_id, serial in session.execute(
        select(NumberVacancy.year, NumberVacancy.class_id, NumberVacancy.serial)
    ):
        vacant[(year, class_id)].add(serial)
    counters = {(c.year, c.class_id): c.last_serial for c in session.scalars(select(NumberCounter))}
    missing: dict[Group, list[tuple[int, int]]] = defaultdict(list)
    tops: dict[Group, int] = {}
    group: Group | None = None
    previous = 0
    table = Item.__table__.c  # plain rows, streamed (ORM results are fetched whole)
    stream = session.execute(
        select(table.year, table.class_id, table.serial)
        .order_by(table.year, table.class_id, table.serial)
        .execution_options(yield_per=5000)
    )
    for year, class_id, serial in stream:
        if (year, class_id) != group:
            group, previous = (year, class_id), 0
        if serial > previous + 1:
            missing[group].append((previous + 1, serial - 1))
        tops[group] = previous = serial
    for key, last in counters.items():  # numbers given out after the last item kept
        if last > tops.get(key, 0):
            missing[key].append((tops.get(key, 0) + 1, last))
    gaps: dict[Group, list[tuple[int, int]]] = {}
    for key in sorted(missing):
        if groups is None or key in groups:
            runs = _without(missing[key], vacant.get(key, set()))
            if runs:
                gaps[key] = runs
    return gaps


def runs_text(runs: list[tuple[int, int]]) -> str:
    """Runs of serials as a finding shows them: [(1, 3), (7, 7)] -> "1-3,7"."""
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _numbering(session: Any) -> list[Finding]:
    """Gaps (serials neither used nor vacated up to the counter) and duplicate codes."""
    codes = dict(session.execute(select(ArchiveClass.id, ArchiveClass.code)).all())
    findings = [
        Finding(
            "verify.gap",
            "error",
            {"klass": codes.get(key[1], key[1]), "year": key[0], "serials": runs_text(runs)},
        )
        for key, runs in numbering_gaps(session).items()
    ]
    for column in (Item.archival_code, Item.number):
        for value, _count in session.execute(
            select(column, func.count()).group_by(column).having(func.count() > 1)
        ):
            findings.append(Finding("verify.duplicate_code", "error", {"code": value}))
    return findings


def _destroyed(session: Any) -> dict[str, tuple[str, int]]:
    """Destroyed items (stubs): folder -> (number, materials still registered)."""
    rows = session.execute(
        select(Item.folder, Item.number, func.count(Material.id))
        .outerjoin(Material, Material.item_id == Item.id)
        .where(Item.status == ItemState.DESTROYED.value)
        .group_by(Item.id)
    ).all()
    return {folder: (number, int(materials)) for folder, number, materials in rows}


def _destroyed_owner(rel: str, destroyed: dict[str, tuple[str, int]]) -> str | None:
    """The number of the destroyed item whose folder holds the file `rel`, if any."""
    if not destroyed:
        return None
    parent = rel.rsplit("/", 1)[0]
    while parent:
        if parent in destroyed:
            return destroyed[parent][0]
        if "/" not in parent:
            return None
        parent = parent.rsplit("/", 1)[0]
    return None


def _content_left(
    destroyed: dict[str, tuple[str, int]], files: dict[str, list[str]]
) -> list[Finding]:
    """A destroyed item is a stub: no stored file, no material, no page text is expected;
    any found is a finding (the registered files were already checked above)."""
    findings: list[Finding] = []
    for number, materials in sorted(destroyed.values()):
        found = files.get(number, [])
        if materials or found:
            params = {
                "number": number,
                "materials": materials,
                "files": len(found),
                "shown": "、".join(found[:SHOWN_NUMBERS]) or "-",
            }
            findings.append(Finding("removal.content_left", "error", params, number))
    return findings


def _capture_traces(session: Any) -> list[Finding]:
    """Items whose capture event is not in the trail (the database compares the two
    lists: one pass over each, not a lookup per item)."""
    captured = select(AuditEvent.target).where(AuditEvent.action == "item.capture")
    untraced = select(Item.number).where(
        literal("item:").concat(Item.capture_id).not_in(captured.scalar_subquery())
    )
    return [
        Finding("verify.audit_missing", "error", {"reason": f"{number} capture"}, number)
        for (number,) in session.execute(untraced)
    ]


def _without(runs: list[tuple[int, int]], vacant: set[int]) -> list[tuple[int, int]]:
    """Runs of missing serials with the recorded vacancies taken out."""
    out: list[tuple[int, int]] = []
    for first, last in runs:
        start = first
        for hole in sorted(v for v in vacant if first <= v <= last):
            if hole > start:
                out.append((start, hole - 1))
            start = hole + 1
        if start <= last:
            out.append((start, last))
    return out
