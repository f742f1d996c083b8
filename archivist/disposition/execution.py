"""Executing a destruction register: the records become stubs (number, archival code,
title, class, year, retention, the register and batch, when and by whose decision) and
every copy of their content leaves the archive folder — stored files, searchable copies,
OCR text, index entries, volume PDFs — crash-safe through an intent journal (finished
or rolled back on the next open). Numbers are never reused.

The order (archivist/storage/removal.py does the generic file work):
1. every rule is checked (nothing is written on a refusal);
2. an intent journal of kind "removal" names the folders and files to go;
3. one transaction (`secure_delete` on): the items move to destroyed, their materials,
   page texts and OCR jobs are purged (a roster entry keeps its name, not its form),
   the register is executed with its supervisors, method, place and date, and one
   audit event says what changed (carrying the journal's operation id);
4. after the commit the files go, the full-text index is built anew without the
   content, the migration backups lose the same rows, and the database is compacted
   (VACUUM) with its write-ahead log truncated. A crash before the commit leaves
   everything; after it, the next open finishes the file work from the journal.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from archivist.accounts.rights import check_action
from archivist.accounts.signing import normal_user_name
from archivist.changes import replay
from archivist.changes.actions import Action
from archivist.changes.audit import committed, now_text
from archivist.changes.states import DestructionState, ItemState, move, state_label
from archivist.db.models import (
    BenefitEvent,
    DestructionEntry,
    DestructionRegister,
    DestructionSignature,
    Item,
    Material,
    OcrJob,
    PageText,
    RosterEntry,
    Volume,
    VolumeItem,
)
from archivist.disposition.destruction import (
    ACCOUNTING_DUTIES,
    ACCOUNTING_SUPERVISOR_UNITS,
    load_register,
)
from archivist.disposition.fitness import Rule, Unfit, unfit
from archivist.disposition.register_views import Duty, RegisterView, view_of
from archivist.disposition.words import check_words
from archivist.errors import InputError, NotFound
from archivist.faults import crash_point
from archivist.storage import journal, removal
from archivist.storage.filestore import safe_component, translate_os_error

if TYPE_CHECKING:
    from archivist.archive import Archive

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (done, total)
MAX_TEXT = 200  # method, place
CHUNK = 500  # ids per IN (…)
SHOWN = 5


@dataclass(frozen=True)
class ExecutionResult:
    register: RegisterView
    items: int
    files_removed: int
    bytes_freed: int
    derived_removed: int  # searchable copies, volume PDFs, OCR pages, index entries
    database_bytes_freed: int = 0  # how much smaller the database became (VACUUM)
    backups_scrubbed: int = 0  # migration backups that lost the same rows
    volumes: tuple[str, ...] = ()  # volumes that lost items (their PDFs removed)
    # seconds of each step: transaction, files, index, backups, database
    seconds: tuple[tuple[str, float], ...] = ()


@dataclass
class _Plan:
    """What the execution removes, read in the transaction that removes it."""

    item_ids: list[int] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)
    material_ids: list[int] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # derived: searchable copies, volume PDFs
    volumes: list[str] = field(default_factory=list)
    pages: int = 0


def _chunks(values: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(values), CHUNK):
        yield list(values[start : start + CHUNK])


def _shown(values: Sequence[str]) -> str:
    return "、".join(values[:SHOWN]) + ("…" if len(values) > SHOWN else "")


# -- the rules ---------------------------------------------------------------------------


def _supervisor_names(supervisors: Iterable[str]) -> tuple[str, ...]:
    names: list[str] = []
    for name in supervisors:
        clean = normal_user_name(str(name).strip())
        if clean and clean not in names:
            names.append(clean)
    if len(names) < 2:
        raise InputError("removal.too_few_supervisors", count=len(names))
    return tuple(names)


def _day(on: dt.date | None) -> dt.date:
    today = dt.date.today()
    day = on or today
    if day > today:
        raise InputError("removal.future_date", date=day.isoformat(), today=today.isoformat())
    return day


def _check(
    session: Session, register: DestructionRegister, names: tuple[str, ...], day: dt.date
) -> list[Item]:
    """Every rule of an execution; the register's items (each refusal: nothing written)."""
    state = DestructionState(register.state)
    if state is DestructionState.EXECUTED:
        raise InputError(
            "removal.executed", number=register.number, on=str(register.executed_on or "")
        )
    if state is not DestructionState.APPROVED:
        raise InputError("removal.unapproved", number=register.number, state=state_label(state))
    approved_on = dt.date.fromisoformat((register.approved_at or "")[:10] or day.isoformat())
    if day < approved_on:
        raise InputError(
            "removal.before_approval",
            number=register.number,
            date=day.isoformat(),
            approved=approved_on.isoformat(),
        )
    signatures = session.scalars(
        select(DestructionSignature).where(DestructionSignature.register_id == register.id)
    ).all()
    supervised = {s.user_name: s for s in signatures if s.duty == Duty.SUPERVISOR.value}
    for name in names:
        if name == register.approved_by:
            raise InputError("removal.approver_supervises", number=register.number, user=name)
        if name not in supervised:
            raise InputError("removal.not_signed", number=register.number, user=name)
    if register.accounting:
        duties = {s.duty: s.user_name for s in signatures if s.duty != Duty.SUPERVISOR.value}
        missing = [d.value for d in ACCOUNTING_DUTIES if d.value not in duties]
        if missing:
            raise InputError(
                "removal.duties_missing", number=register.number, duties=", ".join(missing)
            )
        if len(set(duties.values())) < len(ACCOUNTING_DUTIES):
            raise InputError("removal.duties_not_distinct", number=register.number)
        units = {supervised[n].unit for n in names}
        lacking = [u.value for u in ACCOUNTING_SUPERVISOR_UNITS if u.value not in units]
        if lacking:
            raise InputError(
                "removal.units_missing", number=register.number, units=", ".join(lacking)
            )
    item_ids = list(
        session.scalars(
            select(DestructionEntry.item_id)
            .where(DestructionEntry.register_id == register.id)
            .order_by(DestructionEntry.seq)
        )
    )
    if not item_ids:
        raise InputError("removal.empty", number=register.number)
    items: list[Item] = []
    for chunk in _chunks(item_ids):
        items.extend(session.scalars(select(Item).where(Item.id.in_(chunk))))
    order = {item_id: index for index, item_id in enumerate(item_ids)}
    items.sort(key=lambda i: order[i.id])
    # the rules the register was made under, asked again on the day (fitness.unfit): a
    # record transferred, destroyed, made permanent, no longer due (a period corrected
    # since: renumbered to a later year, a longer business type), held or lent meanwhile
    found = unfit(session, item_ids, on=day)
    if found:
        raise _unfit_error(register, day, found)
    return items


def _unfit_error(register: DestructionRegister, day: dt.date, found: list[Unfit]) -> InputError:
    """The execution's sentence for the first rule broken, naming every record that
    breaks it (found: fitness.unfit's list, by rule)."""
    rule = found[0].rule
    these = [u for u in found if u.rule is rule]
    items = _shown([u.number for u in these])
    if rule in (Rule.DESTROYED, Rule.TRANSFERRED):
        code = "removal.item_destroyed" if rule is Rule.DESTROYED else "removal.item_transferred"
        return InputError(code, number=register.number, items=items, count=len(these))
    if rule is Rule.PERMANENT:
        return InputError("removal.permanent", number=register.number, items=items)
    if rule is Rule.NOT_DUE:
        return InputError(
            "removal.not_due",
            number=register.number,
            items=items,
            expires=(these[0].expires_on or day).isoformat(),
            date=day.isoformat(),
        )
    if rule is Rule.HELD:
        holds = sorted({h for u in these for h in u.holds})
        return InputError("removal.held", number=register.number, items=items, holds=_shown(holds))
    loans = sorted({n for u in these for n in u.loans})
    return InputError("removal.on_loan", number=register.number, items=items, loans=_shown(loans))


def _plan(archive: Archive, session: Session, items: list[Item]) -> _Plan:
    from archivist.ocr.searchable import searchable_path

    plan = _Plan()
    for item in items:
        plan.item_ids.append(item.id)
        plan.numbers.append(item.number)
        if item.folder:
            plan.folders.append(item.folder)
    for chunk in _chunks(plan.item_ids):
        for material_id, pages in session.execute(
            select(Material.id, Material.pages).where(Material.item_id.in_(chunk))
        ):
            plan.material_ids.append(material_id)
            plan.pages += pages
        plan.volumes.extend(
            session.scalars(
                select(Volume.code)
                .join(VolumeItem, VolumeItem.volume_id == Volume.id)
                .where(VolumeItem.item_id.in_(chunk))
            )
        )
    plan.volumes = sorted(set(plan.volumes))
    root = archive.root
    for material_id in plan.material_ids:
        copy = searchable_path(archive, material_id)
        # and the half-written copy an interrupted writing left beside it
        for path in (copy, copy.with_suffix(".partial")):
            plan.files.append(path.relative_to(root).as_posix())
    volumes = root / "derived" / "volumes"
    for code in plan.volumes:
        name = f"{safe_component(code)}.pdf"
        plan.files.append(f"derived/volumes/{name}")
        # the work folders of assemblies that were interrupted (their pages inside)
        if volumes.is_dir():
            plan.folders.extend(
                f"derived/volumes/{left.name}"
                for left in volumes.glob(glob.escape(f".{name}.") + "*")
                if left.is_dir()
            )
    return plan


def _purge(session: Session, plan: _Plan) -> int:
    """Delete the content rows of the plan's items (with secure_delete on): page texts,
    OCR jobs, materials, the roster (the people named in it) and the benefit events
    recorded from it — only the stub's metadata stays (archive-rules §11). Returns the
    number of page-text and OCR-job rows deleted."""
    purged = 0
    for chunk in _chunks(plan.material_ids):
        for table, column in ((PageText, PageText.material_id), (OcrJob, OcrJob.material_id)):
            result: Any = session.execute(delete(table).where(column.in_(chunk)))
            purged += int(result.rowcount or 0)
    for chunk in _chunks(plan.item_ids):
        for model in (BenefitEvent, RosterEntry, Material):  # the trail records them gone
            replay.note_rows(
                session,
                model.__tablename__,
                session.scalars(select(model.id).where(model.item_id.in_(chunk))),
            )
        session.execute(delete(BenefitEvent).where(BenefitEvent.item_id.in_(chunk)))
        session.execute(delete(RosterEntry).where(RosterEntry.item_id.in_(chunk)))
        session.execute(delete(Material).where(Material.item_id.in_(chunk)))
    return purged


# -- the execution -------------------------------------------------------------------------


def execute_register(
    archive: Archive,
    number: str,
    *,
    supervisors: tuple[str, ...],
    method: str,
    place: str,
    on: dt.date | None = None,
    progress: Progress | None = None,
) -> ExecutionResult:
    """Carry out an approved register whose named supervisors (two or more accounts
    that signed it as supervisors; never the approver) are all present; an accounting
    register also needs its five duties signed and supervisors from archives,
    accounting and IT."""
    check_action(archive, Action.DESTRUCTION_EXECUTE)
    names = _supervisor_names(supervisors)
    how = check_words(method, "method", MAX_TEXT)
    if not how:
        raise InputError("removal.method_required")
    where = check_words(place, "place", MAX_TEXT)
    if not where:
        raise InputError("removal.place_required")
    day = _day(on)
    with archive.db.reading() as session:
        register = _register(session, number)
        _check(session, register, names, day)
        code = register.number
    entry = journal.Journal.start(archive.layout.journals, removal.KIND, register=code)
    started = time.perf_counter()
    own_batch = archive.index_batch is None
    if own_batch:
        # The index is built anew after the commit: no item-by-item update first.
        archive.index_batch, archive.index_removals = set(), []
    try:
        with archive.change(
            Action.DESTRUCTION_EXECUTE, f"destruction:{code}", op_id=entry.op_id
        ) as work:
            session = work.session
            register = load_register(session, code)
            items = _check(session, register, names, day)
            plan = _plan(archive, session, items)
            entry.update(folders=plan.folders, files=plan.files, numbers=plan.numbers, phase="")
            removal.secure_delete(session)
            purged = _purge(session, plan)
            for item in items:
                item.status = move(item.status, ItemState.DESTROYED, item.number)
            register.state = move(register.state, DestructionState.EXECUTED, register.number)
            register.executed_by = work.actor
            register.executed_at = now_text()
            register.executed_on = day
            register.method = how
            register.place = where
            session.flush()
            removal.secure_delete(session, on=False)
            work.touch_items(plan.item_ids)
            work.before = {"state": DestructionState.APPROVED.value}
            work.after = {
                "state": DestructionState.EXECUTED.value,
                "executed_on": day.isoformat(),
                "method": how,
                "place": where,
                "supervisors": list(names),
                "items": plan.numbers,
                "materials": len(plan.material_ids),
                "pages": plan.pages,
                "page_texts_and_ocr_jobs": purged,
                "volumes": plan.volumes,
                "removed": "stored files, searchable copies, OCR text, index entries, "
                "volume PDFs, backup rows",
            }
            crash_point("removal.before_commit")
    except BaseException:
        if _committed(archive, entry.op_id):
            entry.release()  # failed after the commit: the next open removes the content
        else:
            entry.finish()  # nothing committed: nothing outside the database was touched
        raise
    finally:
        if own_batch:
            archive.index_batch, archive.index_removals = None, []
    steps: list[tuple[str, float]] = [("transaction", time.perf_counter() - started)]
    try:
        result = _remove_content(archive, entry, plan, progress, steps)
    except OSError as exc:
        # Committed: the journal stays and the next open finishes what is left.
        entry.release()
        raise translate_os_error(exc, archive.root) from None
    except BaseException:
        entry.release()
        raise
    if result.compacted:
        entry.finish()
    else:
        entry.release()  # the database is compacted on the next open
    with archive.db.reading() as session:
        view = view_of(session, load_register(session, code))
    return ExecutionResult(
        register=view,
        items=len(plan.item_ids),
        files_removed=result.files,
        bytes_freed=result.bytes + result.database_bytes,
        derived_removed=result.derived + purged + len(plan.item_ids),
        database_bytes_freed=result.database_bytes,
        backups_scrubbed=result.backups,
        volumes=tuple(plan.volumes),
        seconds=tuple((name, round(took, 3)) for name, took in steps),
    )


def _committed(archive: Archive, op_id: str) -> bool:
    """Did the execution commit (an error after the commit, e.g. Ctrl-C as it returned)?
    When that cannot be told, say so: the journal stays and the next open decides."""
    try:
        with archive.db.reading() as session:
            return committed(session, op_id)
    except Exception:
        return True


def _register(session: Session, number: str) -> DestructionRegister:
    try:
        return load_register(session, number)
    except NotFound:
        code = (number or "").strip()
        if session.scalar(select(Item.id).where(Item.number == code)) is not None:
            raise InputError("removal.not_a_register", number=code[:40]) from None
        raise


def _remove_content(
    archive: Archive,
    entry: journal.Journal,
    plan: _Plan,
    progress: Progress | None,
    steps: list[tuple[str, float]],
) -> removal.Removed:
    crash_point("removal.after_commit")
    clock = time.perf_counter()

    def step(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        steps.append((name, now - clock))
        clock = now

    total = len(plan.folders) + len(plan.files) + 3
    report = progress or (lambda _done, _total: None)
    removed = removal.remove_paths(
        archive.root, plan.folders, plan.files, lambda done, _all: report(done, total)
    )
    entry.update(phase=removal.PHASE_FILES)
    step("files")
    _rebuild_index(archive)
    entry.update(phase=removal.PHASE_INDEX)
    step("index")
    report(total - 2, total)
    crash_point("removal.after_index")
    removed.backups = removal.scrub_backups(archive.layout.backups, plan.numbers)
    entry.update(phase=removal.PHASE_BACKUPS)
    step("backups")
    report(total - 1, total)
    database = archive.layout.database if archive.db.is_sqlite else None
    try:
        removed.database_bytes = removal.compact_database(archive.db, database)
    except Exception:  # busy or short of space: the journal stays for the next open
        log.exception("database not compacted after a destruction: done on the next open")
        removed.compacted = False
    step("database")
    report(total, total)
    return removed


def _rebuild_index(archive: Archive) -> None:
    """The index anew, without the destroyed content (a deleted document's terms stay in
    its segment until a merge); if that fails, no index (rebuilt before the next search)."""
    from archivist.search import service

    folder = archive.root / "index"
    if not folder.is_dir():
        return
    try:
        service.rebuild(archive)
    except Exception:
        log.exception("search index not rebuilt after a destruction: removed instead")
        if archive.search_index is not None:
            with contextlib.suppress(Exception):
                archive.search_index.close()
            archive.search_index = None
        removal.drop_index(archive.root)
