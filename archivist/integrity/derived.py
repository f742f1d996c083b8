"""Derived data reconciled (issue 16, point 5): what the product makes by itself from
the records — the search index, the OCR texts, the searchable copies and the volume
PDFs — checked against the database and the store (`derived_findings`, part of
`verify`), and whatever is stale made again with one call (`rebuild_derived`,
`archivist rebuild-derived`).

What is checked:
- the search index: items it lacks, entries of items that are gone, entries out of date
  by their fields or by the change state (`verify.index_*`, as `verify` has reported
  since issue 3; repaired here too);
- OCR texts: a material whose OCR is done but whose page texts do not cover its pages
  (`derived.ocr_incomplete`), page texts of pages the material does not have
  (`derived.ocr_extra`);
- searchable copies (derived/searchable/<material>.pdf): missing for a scanned material
  whose OCR is done, or older than its newest page text (`derived.searchable_missing`,
  `derived.searchable_stale`), or present for no scanned material
  (`derived.searchable_orphan`);
- volume PDFs (derived/volumes/<code>.pdf, made on request, so a missing one is no
  finding): older than the volume's last recorded change — an event on the volume, on
  one of its items, or a move of items into it (`derived.volume_stale`) —, or of no
  volume (`derived.volume_orphan`).

Derived data is never evidence: a finding here says "make it again", not "tampered".
They are warnings, so a clean record store still verifies `ok`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, select

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.changes.states import OcrJobState
from archivist.db.models import AuditEvent, Item, Material, OcrJob, PageText, Volume, VolumeItem
from archivist.errors import ArchiveError
from archivist.findings import Finding
from archivist.storage.filestore import safe_component

log = logging.getLogger(__name__)

SEVERITY = "warning"
SHOWN = 5


@dataclass(frozen=True)
class DerivedState:
    """What is stale, by kind (ids, codes and file names), before findings are made."""

    ocr_incomplete: list[tuple[int, str]] = field(default_factory=list)  # (material, number)
    ocr_extra: list[tuple[int, str]] = field(default_factory=list)
    searchable_missing: list[tuple[int, str]] = field(default_factory=list)
    searchable_stale: list[tuple[int, str]] = field(default_factory=list)
    searchable_orphan: list[str] = field(default_factory=list)  # files under derived/
    volume_stale: list[str] = field(default_factory=list)  # volume codes
    volume_orphan: list[str] = field(default_factory=list)  # files under derived/

    @property
    def clean(self) -> bool:
        return not any(
            (
                self.ocr_incomplete,
                self.ocr_extra,
                self.searchable_missing,
                self.searchable_stale,
                self.searchable_orphan,
                self.volume_stale,
                self.volume_orphan,
            )
        )


def searchable_folder(archive: Archive) -> Path:
    return archive.root / "derived" / "searchable"


def volumes_folder(archive: Archive) -> Path:
    return archive.root / "derived" / "volumes"


def _mtime(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    except OSError:
        return None


def _when(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


MATERIAL_BATCH = 2000


def derived_state(archive: Archive) -> DerivedState:
    """Compare the OCR texts, searchable copies and volume PDFs with the database (the
    materials read in batches: memory stays the same whatever their number)."""
    state = DerivedState()
    for batch in _material_batches(archive):
        for mid, origin, page_count, number, job, count, inside, newest in batch:
            if count > inside:
                state.ocr_extra.append((mid, number))
            done = job == OcrJobState.DONE.value
            if done and inside < page_count:
                state.ocr_incomplete.append((mid, number))
            if origin != "scan" or not done:
                continue
            made = _mtime(searchable_folder(archive) / f"{mid}.pdf")
            if made is None:
                state.searchable_missing.append((mid, number))
            elif (latest := _when(newest)) is not None and made < latest:
                state.searchable_stale.append((mid, number))
    folder = searchable_folder(archive)
    if folder.is_dir():
        # the folder read as it is listed, in batches: not every path held at once
        with os.scandir(folder) as entries:
            part: list[Path] = []
            for entry in entries:
                if entry.is_file() and entry.name.endswith(".pdf"):
                    part.append(Path(entry.path))
                if len(part) >= MATERIAL_BATCH:
                    _orphans(archive, part, state)
                    part = []
            _orphans(archive, part, state)
        state.searchable_orphan.sort()
    _volumes(archive, state)
    return state


def _orphans(archive: Archive, part: list[Path], state: DerivedState) -> None:
    """Searchable copies in `part` that belong to no scanned material."""
    ids = [int(p.stem) for p in part if p.stem.isdigit()]
    with archive.db.reading() as session:
        scanned = set(
            session.scalars(
                select(Material.id).where(Material.id.in_(ids), Material.origin == "scan")
            )
        )
    state.searchable_orphan.extend(
        path.relative_to(archive.root).as_posix()
        for path in part
        if not (path.stem.isdigit() and int(path.stem) in scanned)
    )


def _material_batches(archive: Archive) -> Iterator[list[tuple[Any, ...]]]:
    """Per material, in batches by id: (id, origin, pages, item number, OCR job state,
    page texts, page texts of its own pages, the newest page text's time)."""
    last = 0
    while True:
        with archive.db.reading() as session:
            rows = session.execute(
                select(Material.id, Material.origin, Material.pages, Item.number)
                .join(Item, Item.id == Material.item_id)
                .where(Material.id > last)
                .order_by(Material.id)
                .limit(MATERIAL_BATCH)
            ).all()
            if not rows:
                return
            ids = [row[0] for row in rows]
            last = ids[-1]
            jobs = dict(
                session.execute(
                    select(OcrJob.material_id, OcrJob.status).where(OcrJob.material_id.in_(ids))
                ).all()
            )
            # pages are unique per material (uq_page_texts_material_page)
            own = case((PageText.page.between(1, Material.pages), 1), else_=0)
            texts = {
                mid: (int(count), int(inside or 0), newest or "")
                for mid, count, inside, newest in session.execute(
                    select(
                        PageText.material_id,
                        func.count(),
                        func.sum(own),
                        func.max(PageText.updated_at),
                    )
                    .join(Material, Material.id == PageText.material_id)
                    .where(PageText.material_id.in_(ids))
                    .group_by(PageText.material_id)
                )
            }
        yield [
            (mid, origin, pages, number, jobs.get(mid), *texts.get(mid, (0, 0, "")))
            for mid, origin, pages, number in rows
        ]


def _volumes(archive: Archive, state: DerivedState) -> None:
    folder = volumes_folder(archive)
    files = (
        {p.name: p for p in folder.iterdir() if p.is_file() and p.suffix == ".pdf"}
        if folder.is_dir()
        else {}
    )
    if not files:
        return
    with archive.db.reading() as session:
        codes = {
            f"{safe_component(code)}.pdf": (vid, code)
            for vid, code in session.execute(select(Volume.id, Volume.code))
        }
        wanted = {vid for name, (vid, _code) in codes.items() if name in files}
        targets: dict[str, set[int]] = defaultdict(set)
        for vid, code in codes.values():
            if vid in wanted:
                targets[f"volume:{code}"].add(vid)
        volume_ids = sorted(wanted)
        for part in _parts(volume_ids):  # bound parameters stay under SQLite's limit
            for vid, capture_id in session.execute(
                select(VolumeItem.volume_id, Item.capture_id)
                .join(Item, Item.id == VolumeItem.item_id)
                .where(VolumeItem.volume_id.in_(part))
            ):
                targets[f"item:{capture_id}"].add(vid)
        last: dict[int, str] = {}
        for part in _parts(sorted(targets)):
            for target, at in session.execute(
                select(AuditEvent.target, func.max(AuditEvent.at))
                .where(AuditEvent.target.in_(part))
                .group_by(AuditEvent.target)
            ):
                for vid in targets[target]:
                    last[vid] = max(last.get(vid, ""), at)
        # moves of items between volumes are one event, on the volume that received them
        from archivist.arrangement.volumes import recorded_changes

        for vid, code in codes.values():
            if vid in wanted:
                for change in recorded_changes(session, code):
                    last[vid] = max(last.get(vid, ""), change.at)
    for name, path in sorted(files.items()):
        if name not in codes:
            state.volume_orphan.append(path.relative_to(archive.root).as_posix())
            continue
        vid, code = codes[name]
        made, changed = _mtime(path), _when(last.get(vid))
        if made is not None and changed is not None and made < changed:
            state.volume_stale.append(code)


def _parts(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _shown(values: list[str]) -> str:
    return "、".join(values[:SHOWN]) + ("…" if len(values) > SHOWN else "")


def derived_findings(archive: Archive, state: DerivedState | None = None) -> list[Finding]:
    """`verify`'s findings on derived data (all warnings: derived data is made again,
    not evidence). The search index is checked by `verify.index_findings`."""
    try:
        state = state or derived_state(archive)
    except Exception:  # derived data: never a reason for verify itself to fail
        log.warning("derived data could not be checked", exc_info=True)
        return []
    findings: list[Finding] = []
    by_material = (
        ("derived.ocr_incomplete", state.ocr_incomplete),
        ("derived.ocr_extra", state.ocr_extra),
        ("derived.searchable_missing", state.searchable_missing),
        ("derived.searchable_stale", state.searchable_stale),
    )
    for code, pairs in by_material:
        if pairs:
            numbers = sorted({number for _mid, number in pairs})
            findings.append(
                Finding(
                    code,
                    SEVERITY,
                    {"count": len(pairs), "numbers": _shown(numbers), "all": numbers},
                )
            )
    for code, files in (
        ("derived.searchable_orphan", state.searchable_orphan),
        ("derived.volume_orphan", state.volume_orphan),
    ):
        findings.extend(Finding(code, SEVERITY, {"file": f}) for f in files)
    findings.extend(
        Finding("derived.volume_stale", SEVERITY, {"code": c}) for c in state.volume_stale
    )
    return findings


@dataclass
class RebuildReport:
    """What `rebuild_derived` did."""

    indexed: int = 0  # items (re)indexed
    ocr_queued: int = 0  # materials put back in the OCR queue (run `archivist ocr`)
    searchable_built: int = 0
    volumes_built: int = 0
    removed: int = 0  # orphan derived files
    failures: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "indexed": self.indexed,
            "ocr_queued": self.ocr_queued,
            "searchable_built": self.searchable_built,
            "volumes_built": self.volumes_built,
            "removed": self.removed,
            "failures": self.failures,
        }


def rebuild_derived(
    archive: Archive, progress: Callable[[int, int, str], None] | None = None
) -> RebuildReport:
    """Make again whatever derived data is stale: the index entries in step, incomplete
    OCR back in the queue, searchable copies and stale volume PDFs rebuilt, orphan
    derived files removed. Changes no record (so no audit event). Like `reindex`: the
    system administrator, or anyone who reads the archive; not a read-only archive."""
    if not (archive.person and archive.person.may(Right.MAINTAIN)):
        require(archive, Right.READ, "rebuild-derived")
    if archive.read_only:
        raise ArchiveError("archive.read_only", path=str(archive.root))
    report = RebuildReport()
    report.indexed = _rebuild_index(archive)
    state = derived_state(archive)
    steps: list[tuple[str, Callable[[], None]]] = []

    if state.ocr_incomplete or state.ocr_extra:
        from archivist.ocr.queue import requeue

        ids = sorted({mid for mid, _n in [*state.ocr_incomplete, *state.ocr_extra]})

        def queue() -> None:
            report.ocr_queued += requeue(archive, ids)

        steps.append(("ocr", queue))
    from archivist.ocr.searchable import build_searchable_copy

    for mid, number in [*state.searchable_missing, *state.searchable_stale]:

        def searchable(mid: int = mid) -> None:
            if build_searchable_copy(archive, mid) is not None:
                report.searchable_built += 1

        steps.append((f"{number} #{mid}", searchable))
    for code in state.volume_stale:

        def volume(code: str = code) -> None:
            from archivist.arrangement.volume_pdf import assemble

            assemble(archive, code)
            report.volumes_built += 1

        steps.append((code, volume))
    for rel in [*state.searchable_orphan, *state.volume_orphan]:

        def remove(rel: str = rel) -> None:
            (archive.root / rel).unlink(missing_ok=True)
            report.removed += 1

        steps.append((rel, remove))
    for done, (what, step) in enumerate(steps, start=1):
        try:
            step()
        except Exception as exc:  # one failure does not stop the rest; each is named
            log.warning("derived data %s not rebuilt", what, exc_info=True)
            reason = exc.message() if hasattr(exc, "message") else f"{type(exc).__name__}: {exc}"
            report.failures.append({"what": what, "reason": str(reason)})
        if progress:
            progress(done, len(steps), what)
    return report


def _rebuild_index(archive: Archive) -> int:
    """Bring the search index in step (the comparison `verify` makes); 0 when there is
    no index yet (it is built before the first search)."""
    from archivist.search.service import STALE_MARK, _bring_in_step, _index, rebuild

    if not (archive.root / "index" / archive.setting("search_engine")).is_dir():
        return 0
    index = _index(archive)
    if (index.folder / STALE_MARK).exists() or index.needs_rebuild():
        return rebuild(archive)
    return _bring_in_step(archive, index, compare=True)
