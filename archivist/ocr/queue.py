"""The OCR queue: a job per material in the database, pages in parallel processes.

Pending, running, done and failed are rows, not memory: a crash or a cancel leaves
the finished pages stored and the rest pending, so the next run resumes where the
last stopped. Only one runner works on an archive at a time (an OS lock); it alone
writes results, in one short transaction per page.

The queue's rows are derived data (the text recognised on stored pages and the work
still to do): they are written in the queue's own transactions, `_derived_write`, the
one named exception to "every write goes through the unit of work" (archivist.changes.unit_of_work).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.changes.audit import now_text
from archivist.changes.states import OcrJobState, OcrPageState, allowed, move
from archivist.db.models import Item, Material, OcrJob, PageText
from archivist.errors import ArchiveError
from archivist.messages import render
from archivist.ocr.pages import (
    EngineSettings,
    PageOutcome,
    PageTask,
    create_engine,
    init_worker,
    process_page,
)
from archivist.ocr.searchable import build_searchable_copy
from archivist.search.service import refresh_items
from archivist.storage.filestore import OperationLock

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
INDEX_BATCH = 50


class CancelToken:
    """Set from any thread to stop a run after the pages in flight."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


@dataclass
class RunReport:
    pages_done: int = 0
    pages_failed: int = 0
    jobs_finished: int = 0
    cancelled: bool = False
    failures: list[dict[str, Any]] = field(default_factory=list)
    items_to_index: set[int] = field(default_factory=set)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages_done": self.pages_done,
            "pages_failed": self.pages_failed,
            "jobs_finished": self.jobs_finished,
            "cancelled": self.cancelled,
            "failures": self.failures,
        }


@contextlib.contextmanager
def _derived_write(archive: Archive) -> Iterator[Session]:
    """A write transaction of the queue's own, outside the unit of work: the one named
    exception to "every write goes through `archive.change`". What it writes is derived
    data the product makes by itself from stored files (a page's recognised text, a
    job's progress and state): no person decides it, so there is no actor, reason or
    audit event; it can always be made again from the files; and one short transaction
    per page keeps a crash or a cancel from losing more than the page in hand. The
    search index is brought in step in batches (`_flush_index`)."""
    with archive.db.writing() as session:
        yield session


def _job_label(job: OcrJob) -> str:
    return f"ocr:{job.material_id}"


def _put_back_running(session: Session) -> None:
    """Jobs taken up by a runner that stopped (cancelled, or died) wait again (a move
    states.py allows: running -> pending)."""
    session.execute(
        update(OcrJob)
        .where(OcrJob.status == OcrJobState.RUNNING)
        .values(status=OcrJobState.PENDING)
    )


def enqueue(session: Session, materials: Iterable[Material]) -> int:
    """Queue materials for OCR (inside the caller's write transaction)."""
    count = 0
    for material in materials:
        exists = session.scalar(select(OcrJob.id).where(OcrJob.material_id == material.id))
        if exists is None:
            session.add(
                OcrJob(
                    material_id=material.id,
                    status=OcrJobState.PENDING,
                    pages_total=material.pages,
                    updated_at=now_text(),
                )
            )
            count += 1
    return count


def queue_status(archive: Archive) -> dict[str, Any]:
    with archive.db.reading() as session:
        by_status = dict(
            session.execute(select(OcrJob.status, func.count()).group_by(OcrJob.status)).all()
        )
        pages = session.execute(
            select(
                func.coalesce(func.sum(OcrJob.pages_total), 0),
                func.coalesce(func.sum(OcrJob.pages_done), 0),
            )
        ).one()
        failed_pages = session.scalar(
            select(func.count()).select_from(PageText).where(PageText.status == OcrPageState.FAILED)
        )
    return {
        "jobs": {k: int(v) for k, v in by_status.items()},
        "pages_total": int(pages[0]),
        "pages_done": int(pages[1]),
        "pages_failed": int(failed_pages or 0),
    }


@dataclass(frozen=True)
class RunnerState:
    """Who works on an archive's queue and how far it is: what the window shows while
    `archivist ocr` (or another window) runs elsewhere."""

    here: bool  # a run in this process holds the runner lock
    elsewhere: bool  # another process holds it
    pages_total: int
    pages_done: int  # finished, failed pages included
    pages_pending: int  # pages of jobs not yet finished
    pages_failed: int
    jobs_pending: int  # pending, or left 'running' by a runner that died
    jobs_running: int  # taken up by the live runner

    @property
    def busy(self) -> bool:
        return self.here or self.elsewhere


_RUNNING_HERE: dict[str, int] = {}
_RUNNING_GUARD = threading.Lock()


def _runner_lock(archive: Archive) -> OperationLock:
    return OperationLock(archive.layout.work / "ocr-runner.lock")


def _key(archive: Archive) -> str:
    return str(archive.root.resolve())


def runner_busy_elsewhere(archive: Archive) -> bool:
    """Whether another process holds the archive's runner lock (the OS lock a runner
    keeps for its whole run, dropped when it ends or dies)."""
    with _RUNNING_GUARD:
        if _RUNNING_HERE.get(_key(archive)):
            return False  # we hold it: nobody else can
    path = archive.layout.work / "ocr-runner.lock"
    if not path.exists():
        return False
    probe = OperationLock(path)
    try:
        if probe.acquire(blocking=False):
            probe.release()
            return False
    except OSError:  # a read-only copy: nobody runs there
        return False
    return True


def runner_state(archive: Archive) -> RunnerState:
    elsewhere = runner_busy_elsewhere(archive)
    with _RUNNING_GUARD:
        here = bool(_RUNNING_HERE.get(_key(archive)))
    with archive.db.reading() as session:
        rows = session.execute(
            select(
                OcrJob.status,
                func.count(),
                func.coalesce(func.sum(OcrJob.pages_total), 0),
                func.coalesce(func.sum(OcrJob.pages_done), 0),
            ).group_by(OcrJob.status)
        ).all()
        failed_pages = session.scalar(
            select(func.count()).select_from(PageText).where(PageText.status == OcrPageState.FAILED)
        )
    jobs = {str(r[0]): int(r[1]) for r in rows}
    total = sum(int(r[2]) for r in rows)
    done = sum(int(r[3]) for r in rows)
    waiting = (OcrJobState.PENDING, OcrJobState.RUNNING)
    open_pages = sum(int(r[2]) - int(r[3]) for r in rows if r[0] in waiting)
    live = here or elsewhere  # without a live runner, 'running' is left over from a crash
    return RunnerState(
        here=here,
        elsewhere=elsewhere,
        pages_total=total,
        pages_done=done,
        pages_pending=max(0, open_pages),
        pages_failed=int(failed_pages or 0),
        jobs_pending=jobs.get(OcrJobState.PENDING, 0)
        + (0 if live else jobs.get(OcrJobState.RUNNING, 0)),
        jobs_running=jobs.get(OcrJobState.RUNNING, 0) if live else 0,
    )


def retry_failed(archive: Archive) -> int:
    """Put failed pages back in the queue."""
    with _derived_write(archive) as session:
        failed = PageText.status == OcrPageState.FAILED
        material_ids = list(session.scalars(select(PageText.material_id).where(failed).distinct()))
        session.execute(delete(PageText).where(failed))
        for job in session.scalars(select(OcrJob).where(OcrJob.material_id.in_(material_ids))):
            job.status = move(job.status, OcrJobState.PENDING, _job_label(job))
            job.pages_failed = 0
            job.pages_done = (
                session.scalar(
                    select(func.count())
                    .select_from(PageText)
                    .where(PageText.material_id == job.material_id)
                )
                or 0
            )
            job.updated_at = now_text()
        return len(material_ids)


def requeue(archive: Archive, material_ids: Iterable[int]) -> int:
    """Put materials whose page texts do not match their pages back in the queue
    (`archivist rebuild-derived`): texts of pages the material lacks are dropped, the
    job waits again and the next run reads the pages still without text."""
    wanted = list(material_ids)
    with _derived_write(archive) as session:
        count = 0
        for job, material in session.execute(
            select(OcrJob, Material)
            .join(Material, Material.id == OcrJob.material_id)
            .where(OcrJob.material_id.in_(wanted))
        ).all():
            outside = (PageText.material_id == material.id) & (
                (PageText.page < 1) | (PageText.page > material.pages)
            )
            session.execute(delete(PageText).where(outside))
            if job.status != OcrJobState.PENDING and allowed(
                OcrJobState(job.status), OcrJobState.PENDING
            ):
                job.status = move(job.status, OcrJobState.PENDING, _job_label(job))
            job.pages_total = material.pages
            job.pages_done = (
                session.scalar(
                    select(func.count())
                    .select_from(PageText)
                    .where(PageText.material_id == material.id)
                )
                or 0
            )
            job.updated_at = now_text()
            count += 1
        return count


def run_queue(
    archive: Archive,
    *,
    workers: int | None = None,
    settings: EngineSettings | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    item_number: str | None = None,
) -> RunReport:
    """Process pending OCR jobs (all, or one item's) until none is left or cancelled:
    part of capturing, so it needs the right to capture."""
    require(archive, Right.CAPTURE, "ocr")
    settings = settings or EngineSettings()
    create_engine(settings).check()  # the chosen engine, with an install hint if missing
    archive.layout.work.mkdir(parents=True, exist_ok=True)
    lock = _runner_lock(archive)
    if not lock.acquire(blocking=False):
        raise ArchiveError("ocr.busy")
    key = _key(archive)
    with _RUNNING_GUARD:
        _RUNNING_HERE[key] = _RUNNING_HERE.get(key, 0) + 1
    try:
        _reset_stale(archive)
        tasks = _plan(archive, item_number)
        return _execute(archive, tasks, workers or os.cpu_count() or 1, settings, progress, cancel)
    finally:
        with _RUNNING_GUARD:
            _RUNNING_HERE[key] -= 1
            if not _RUNNING_HERE[key]:
                del _RUNNING_HERE[key]
        lock.release()


def _reset_stale(archive: Archive) -> None:
    """Jobs left 'running' by a runner that died go back to pending (we hold the lock)."""
    with _derived_write(archive) as session:
        _put_back_running(session)


def _plan(archive: Archive, item_number: str | None) -> list[PageTask]:
    with _derived_write(archive) as session:
        stmt = (
            select(OcrJob, Material)
            .join(Material, Material.id == OcrJob.material_id)
            .where(OcrJob.status == OcrJobState.PENDING)
            .order_by(OcrJob.id)
        )
        if item_number:
            stmt = stmt.join(Item, Item.id == Material.item_id).where(Item.number == item_number)
        tasks: list[PageTask] = []
        for job, material in session.execute(stmt).all():
            finished = set(
                session.scalars(select(PageText.page).where(PageText.material_id == material.id))
            )
            path = str(archive.root / material.file)
            remaining = [p for p in range(1, material.pages + 1) if p not in finished]
            tasks.extend(
                PageTask(material.id, page, path, material.media_type) for page in remaining
            )
            job.status = move(job.status, OcrJobState.RUNNING, _job_label(job))
            job.attempts += 1
            job.updated_at = now_text()
            if not remaining:
                job.status = move(job.status, OcrJobState.DONE, _job_label(job))
        return tasks


def _execute(
    archive: Archive,
    tasks: list[PageTask],
    workers: int,
    settings: EngineSettings,
    progress: Progress | None,
    cancel: CancelToken | None,
) -> RunReport:
    report = RunReport()
    total = len(tasks)
    pending = list(reversed(tasks))
    context = multiprocessing.get_context("spawn")
    while pending and not (cancel and cancel.cancelled):
        in_flight: dict[Future[PageOutcome], PageTask] = {}
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=init_worker, initargs=(settings,)
        ) as pool:
            try:
                while pending or in_flight:
                    while (
                        pending
                        and len(in_flight) < workers * 2
                        and not (cancel and cancel.cancelled)
                    ):
                        task = pending.pop()
                        in_flight[pool.submit(process_page, task)] = task
                    if not in_flight:
                        break
                    done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                    for future in done:
                        task = in_flight.pop(future)
                        _store(archive, future.result(), report)
                        if progress:
                            progress(report.pages_done + report.pages_failed, total, task.path)
            except BaseException as exc:
                if not isinstance(exc, BrokenProcessPool):
                    _stop_workers(pool)  # interrupted: the pages in flight stay pending
                    raise
                # A worker died (Tesseract crashed it): the pages it held fail, the rest go on.
                log.warning("an OCR worker process died: %d page(s) in flight fail", len(in_flight))
                for task in in_flight.values():
                    outcome = PageOutcome(
                        task.material_id,
                        task.page,
                        OcrPageState.FAILED,
                        error_code="ocr.engine_failed",
                        error=render("ocr.engine_failed", {"reason": "worker process crashed"}),
                    )
                    _store(archive, outcome, report)
    _flush_index(archive, report)
    report.cancelled = bool(cancel and cancel.cancelled and pending)
    if report.cancelled:
        with _derived_write(archive) as session:
            _put_back_running(session)
    return report


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop the workers at once (and, on POSIX, the Tesseract each leads in its own
    process group) instead of waiting for the pages in flight."""
    processes = list(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=False, cancel_futures=True)
    for pid in processes:
        with contextlib.suppress(OSError):
            if sys.platform == "win32":  # pragma: no cover - exercised on Windows
                os.kill(pid, signal.SIGTERM)
            else:
                os.killpg(pid, signal.SIGKILL)


def _store(archive: Archive, outcome: PageOutcome, report: RunReport) -> None:
    failed = outcome.status == OcrPageState.FAILED
    if failed:
        log.warning(
            "OCR failed: material %s page %s: %s %s",
            outcome.material_id,
            outcome.page,
            outcome.error_code,
            outcome.error,
        )
    with _derived_write(archive) as session:
        if session.get(Material, outcome.material_id) is None:
            # destroyed (or removed) while the page was read: its text is not kept
            log.info("OCR page of material %s dropped: gone meanwhile", outcome.material_id)
            return
        session.add(
            PageText(
                material_id=outcome.material_id,
                page=outcome.page,
                status=outcome.status,
                source=outcome.source,
                engine=outcome.engine,
                text=outcome.text,
                lines=outcome.lines or None,
                width=outcome.width,
                height=outcome.height,
                confidence=outcome.confidence,
                seconds=outcome.seconds,
                error_code=outcome.error_code,
                error=outcome.error,
                updated_at=now_text(),
            )
        )
        job = session.scalar(select(OcrJob).where(OcrJob.material_id == outcome.material_id))
        if job is None:
            return
        finished_item: int | None
        job.pages_done += 1
        if failed:
            job.pages_failed += 1
            job.last_error = f"p{outcome.page}: {outcome.error}"
            report.pages_failed += 1
            report.failures.append(
                {
                    "material_id": outcome.material_id,
                    "page": outcome.page,
                    "code": outcome.error_code,
                    "reason": outcome.error,
                }
            )
        else:
            report.pages_done += 1
        job.updated_at = now_text()
        if job.pages_done >= job.pages_total:
            end = OcrJobState.FAILED if job.pages_failed == job.pages_total else OcrJobState.DONE
            if allowed(OcrJobState(job.status), end):
                job.status = end
            else:  # put back in the queue meanwhile (a retry): the next run finishes it
                log.info("OCR job %s is %s now: left for the next run", job.id, job.status)
            report.jobs_finished += 1
            finished_item = session.scalar(
                select(Material.item_id).where(Material.id == job.material_id)
            )
        else:
            finished_item = None
    if finished_item is not None:
        try:
            build_searchable_copy(archive, outcome.material_id)
        except Exception:  # derived data: a failed copy is rebuilt later
            log.warning(
                "searchable copy of material %s not built; made again later",
                outcome.material_id,
                exc_info=True,
            )
        report.items_to_index.add(finished_item)
        if len(report.items_to_index) >= INDEX_BATCH:
            _flush_index(archive, report)


def _flush_index(archive: Archive, report: RunReport) -> None:
    """Index finished items in batches: one index commit per page would cost more than
    the OCR of a small page."""
    if report.items_to_index:
        refresh_items(archive, sorted(report.items_to_index))
        report.items_to_index.clear()
