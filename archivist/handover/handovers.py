"""Handing volumes over to the archive (归档交接), with a quality check per volume.

A business department gathers volumes into a batch (交接单, numbered JJ-年度-流水号
gap-free per year). The archive checks each volume: materials complete (every item has
its business form; every stored file is there and unchanged), order valid (the rules'
order, or a change made by a person with a reason), the volume's own numbering
gap-free (顺序号 1..n; in page-numbered volumes 页号 1..N matching the materials' pages),
page counts matching, a title and at least one item, and the 卷内文件目录 and 案卷封面
generated from the volume as it is now. Volumes that fail go back with their reasons
(status "returned"; they can be fixed and put in a new batch). When every volume left
passed, and none changed since its check, both sides sign: the batch is "signed" and
its volumes "handed_over" (after which `volumes` refuses to change them).

Whether a volume changed is state in rows, never read back from the audit trail: every
volume carries a revision that moves on whenever the volume, its entries or its items'
rows change (archivist.db.engine), each generated register records the revision it was
generated from (`volume_registers`), and each volume of a batch the revision it was
checked at. Every change goes through the unit of work: one audit event per action.

Reasons are stored as {"code", "params"} (item-level ones carry params["item"]) so the
window and the printed record can say them in Chinese or English (`Reason.text`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.arrangement.check import check_item
from archivist.changes import audit, states
from archivist.changes.actions import Action
from archivist.changes.states import HandoverResult, HandoverState, VolumeState
from archivist.db.models import (
    Handover,
    HandoverVolume,
    Item,
    Material,
    Volume,
    VolumeItem,
    VolumeRegister,
)
from archivist.errors import InputError, NotFound
from archivist.formats.usability import StoredFile, usability_findings
from archivist.messages import render
from archivist.storage.filestore import check_stored_file

NUMBER_PREFIX = "JJ"
DEFAULT_TO_DEPARTMENT = "档案室"
TO_DEPARTMENT_SETTING = "archive_department"

# The registers a volume must have had generated from its current revision, and their names.
REQUIRED_REGISTERS: dict[str, tuple[str, str]] = {
    "volume-contents": ("卷内文件目录", "volume contents list"),
    "volume-cover": ("案卷封面", "volume cover"),
}

# The 归档交接单's table, in order (registers.md); `show` gives rows keyed like
# archivist.registers.layouts.HANDOVER's columns.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("seq", "序号"),
    ("code", "档号"),
    ("title", "案卷题名"),
    ("items", "件数"),
    ("pages", "页数"),
    ("check", "质量检查结果"),
    ("remarks", "备注"),
)


# -- typed results ----------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """Why a volume failed its check: a message code and its values (an item-level
    reason names the item's number in params["item"])."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, stored: Mapping[str, Any]) -> Reason:
        return cls(str(stored["code"]), dict(stored.get("params") or {}))

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params)}

    def text(self, lang: str | None = None) -> str:
        """The reason as a sentence, prefixed with its item's number if it has one."""
        params = dict(self.params)
        message = render(self.code, params, lang)
        if params.get("item"):
            return render(
                "handover.item_reason", {"item": params["item"], "message": message}, lang
            )
        return message


def _reasons(stored: Sequence[Mapping[str, Any]] | None) -> tuple[Reason, ...]:
    return tuple(Reason.of(r) for r in stored or ())


def _stored(reasons: Sequence[Reason]) -> list[dict[str, Any]]:
    return [r.to_json() for r in reasons]


@dataclass(frozen=True)
class HandoverVolumeResult:
    """One volume's quality check."""

    code: str
    title: str
    result: HandoverResult
    reasons: tuple[Reason, ...]
    messages: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "result": self.result.value,
            "reasons": _stored(self.reasons),
            "messages": list(self.messages),
        }


@dataclass(frozen=True)
class CheckReport:
    """The quality check of a batch: every volume still to be handed over."""

    number: str
    ok: bool
    passed: int
    failed: int
    volumes: tuple[HandoverVolumeResult, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "ok": self.ok,
            "passed": self.passed,
            "failed": self.failed,
            "volumes": [v.to_json() for v in self.volumes],
        }


@dataclass(frozen=True)
class ReturnedVolume:
    """A volume sent back to its department, with the reasons it failed."""

    code: str
    title: str
    reasons: tuple[Reason, ...]
    messages: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "reasons": _stored(self.reasons),
            "messages": list(self.messages),
        }


@dataclass(frozen=True)
class ReturnReport:
    number: str
    returned: tuple[ReturnedVolume, ...]

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "returned": [r.to_json() for r in self.returned]}


@dataclass(frozen=True)
class HandoverRow:
    """A volume on the 归档交接单 (keyed like its columns), with its check and state.
    A returned volume has no 序号."""

    seq: int | None
    code: str
    title: str
    items: int
    pages: int
    check: str
    remarks: str | None
    result: HandoverResult | None
    reasons: tuple[Reason, ...]
    volume_status: VolumeState

    def cell(self, key: str) -> Any:
        return getattr(self, key)

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "code": self.code,
            "title": self.title,
            "items": self.items,
            "pages": self.pages,
            "check": self.check,
            "remarks": self.remarks,
            "result": None if self.result is None else self.result.value,
            "reasons": _stored(self.reasons),
            "volume_status": self.volume_status.value,
        }


@dataclass(frozen=True)
class HandoverTotals:
    volumes: int
    items: int
    pages: int


@dataclass(frozen=True)
class HandoverView:
    """Everything the 归档交接单 prints, plus the batch's state.

    `fields` carries the header, signature and total values under the keys of
    archivist.registers.layouts.HANDOVER (None where unknown: printed blank); `rows` the
    volumes still in the batch in order; `returned` the volumes sent back.
    """

    number: str
    status: HandoverState
    from_department: str
    to_department: str
    handed_by: str
    received_by: str | None
    created_at: str
    signed_on: str | None
    fields: Mapping[str, Any]
    columns: tuple[str, ...]
    rows: tuple[HandoverRow, ...]
    totals: HandoverTotals
    returned: tuple[HandoverRow, ...]

    @property
    def signed(self) -> bool:
        return self.status == HandoverState.SIGNED

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "status": self.status.value,
            "from_department": self.from_department,
            "to_department": self.to_department,
            "handed_by": self.handed_by,
            "received_by": self.received_by,
            "created_at": self.created_at,
            "signed_on": self.signed_on,
            "fields": dict(self.fields),
            "columns": list(self.columns),
            "rows": [r.to_json() for r in self.rows],
            "totals": {
                "volumes": self.totals.volumes,
                "items": self.totals.items,
                "pages": self.totals.pages,
            },
            "returned": [r.to_json() for r in self.returned],
        }


@dataclass(frozen=True)
class HandoverSummary:
    """A batch in the list: its state and counts."""

    number: str
    status: HandoverState
    from_department: str
    to_department: str
    handed_by: str
    received_by: str | None
    created_at: str
    signed_on: str | None
    volumes: int
    items: int
    pages: int
    passed: int
    failed: int
    unchecked: int
    returned: int

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "status": self.status.value,
            "from_department": self.from_department,
            "to_department": self.to_department,
            "handed_by": self.handed_by,
            "received_by": self.received_by,
            "created_at": self.created_at,
            "signed_on": self.signed_on,
            "volumes": self.volumes,
            "items": self.items,
            "pages": self.pages,
            "passed": self.passed,
            "failed": self.failed,
            "unchecked": self.unchecked,
            "returned": self.returned,
        }


@dataclass(frozen=True)
class VolumeBatch:
    """The latest batch a volume was put in: its number, the batch's state and the
    volume's result there (None while unchecked)."""

    batch: str
    batch_status: HandoverState
    result: HandoverResult | None

    def to_json(self) -> dict[str, Any]:
        return {
            "batch": self.batch,
            "batch_status": self.batch_status.value,
            "result": None if self.result is None else self.result.value,
        }


# -- numbers, loading, small helpers ----------------------------------------------------


def batch_number(year: int, serial: int) -> str:
    return f"{NUMBER_PREFIX}-{year}-{serial:03d}"


def _next_number(session: Session, year: int) -> str:
    prefix = f"{NUMBER_PREFIX}-{year}-"
    taken = session.scalars(select(Handover.number).where(Handover.number.like(f"{prefix}%")))
    serials = [int(n[len(prefix) :]) for n in taken if n[len(prefix) :].isdigit()]
    return batch_number(year, max(serials, default=0) + 1)


def _canonical(number: str) -> str:
    return number.strip().upper()


def _target(number: str) -> str:
    return f"handover:{_canonical(number)}"


def load(session: Session, number: str, *, deep: bool = False) -> Handover:
    """The batch with its volumes (`deep`: their items, materials and rosters too)."""
    options = (
        _volume_options()
        if deep
        else (selectinload(Handover.entries).selectinload(HandoverVolume.volume),)
    )
    batch = session.scalar(
        select(Handover).where(Handover.number == _canonical(number)).options(*options)
    )
    if batch is None:
        raise NotFound("handover.not_found", number=number)
    return batch


def _required(value: str | None, code: str) -> str:
    if value is None or not value.strip():
        raise InputError(code)
    return value.strip()


def _open(batch: Handover) -> None:
    if batch.status == HandoverState.SIGNED:
        raise InputError("handover.signed", number=batch.number)


def _result(entry: HandoverVolume) -> HandoverResult | None:
    return None if entry.result is None else HandoverResult(entry.result)


def _active(batch: Handover) -> list[HandoverVolume]:
    """The batch's volumes still to be handed over (returned ones are kept, marked)."""
    return [e for e in batch.entries if e.result != HandoverResult.RETURNED]


def _refresh_status(batch: Handover) -> None:
    active = _active(batch)
    checked = bool(active) and all(e.result for e in active)
    target = HandoverState.CHECKED if checked else HandoverState.DRAFT
    batch.status = states.move(batch.status, target, batch.number)


def _volume_states(entries: Sequence[HandoverVolume]) -> dict[str, dict[str, Any]]:
    return {e.volume.code: {"status": e.volume.status} for e in entries}


def volume_batch(session: Session, volume_id: int) -> VolumeBatch | None:
    """The latest handover batch a volume was put in (read only); None if none."""
    entry = session.scalar(
        select(HandoverVolume)
        .where(HandoverVolume.volume_id == volume_id)
        .order_by(HandoverVolume.id.desc())
        .limit(1)
    )
    if entry is None:
        return None
    return VolumeBatch(entry.handover.number, HandoverState(entry.handover.status), _result(entry))


def _volume(session: Session, code: str) -> Volume:
    volume = session.scalar(select(Volume).where(Volume.code == code.strip()))
    if volume is None:
        raise NotFound("volume.not_found", code=code)
    return volume


def reason_text(reason: Reason | Mapping[str, Any], lang: str | None = None) -> str:
    """One reason as a sentence, prefixed with its item's number if it has one."""
    return (reason if isinstance(reason, Reason) else Reason.of(reason)).text(lang)


def result_text(
    result: str | None, reasons: Sequence[Reason | Mapping[str, Any]], lang: str = "zh"
) -> str:
    """质量检查结果 as printed: 合格, 不合格：reasons, or blank when not checked."""
    if result == HandoverResult.PASS:
        return render("handover.result_pass", lang=lang)
    if result in (HandoverResult.FAIL, HandoverResult.RETURNED):
        separator = "；" if lang == "zh" else "; "
        joined = separator.join(reason_text(r, lang) for r in reasons)
        return render("handover.result_fail", {"reasons": joined}, lang)
    return ""


# -- registers generated ----------------------------------------------------------------


def _registers(session: Session, volume_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    """The revision each volume's registers were last generated from, by kind."""
    found: dict[int, dict[str, int]] = {}
    if not volume_ids:
        return found
    for volume_id, kind, revision in session.execute(
        select(VolumeRegister.volume_id, VolumeRegister.kind, VolumeRegister.revision).where(
            VolumeRegister.volume_id.in_(volume_ids)
        )
    ):
        found.setdefault(volume_id, {})[kind] = revision
    return found


def _register_reasons(volume: Volume, generated: Mapping[str, int]) -> list[Reason]:
    reasons = []
    for kind, (zh, en) in REQUIRED_REGISTERS.items():
        params = {"kind": kind, "register": zh, "register_en": en}
        if kind not in generated:
            reasons.append(Reason("handover.register_missing", params))
        elif generated[kind] != volume.revision:
            reasons.append(Reason("handover.register_stale", params))
    return reasons


# -- the quality check ------------------------------------------------------------------


def _ranges(values: Sequence[int]) -> str:
    return ",".join(str(v) for v in values) if len(values) <= 12 else f"{values[0]}…{values[-1]}"


def _numbering_reasons(volume: Volume, pages: Mapping[int, int]) -> list[Reason]:
    reasons: list[Reason] = []
    entries = sorted(volume.entries, key=lambda e: (e.seq, e.id))
    seqs = [e.seq for e in entries]
    if seqs != list(range(1, len(entries) + 1)):
        reasons.append(
            Reason("handover.seq_gap", {"expected": f"1-{len(entries)}", "actual": _ranges(seqs)})
        )
    if not volume.paged:
        return reasons
    next_page = 1
    for entry in entries:
        number = entry.item.number
        count = pages.get(entry.item_id, 0)
        first, last = entry.first_page, entry.last_page
        if first is None or last is None:
            if count:
                reasons.append(Reason("handover.pages_unnumbered", {"item": number}))
            continue
        if first != next_page:
            reasons.append(
                Reason("handover.page_gap", {"item": number, "expected": next_page, "found": first})
            )
        if last - first + 1 != count:
            reasons.append(
                Reason(
                    "handover.item_pages_mismatch",
                    {"item": number, "first": first, "last": last, "pages": count},
                )
            )
        next_page = last + 1
    total = sum(pages.get(e.item_id, 0) for e in entries)
    if next_page - 1 != total:
        reasons.append(
            Reason("handover.volume_pages_mismatch", {"numbered": next_page - 1, "pages": total})
        )
    return reasons


def _item_reasons(item: Item) -> list[Reason]:
    """The item checks of `archivist check` that are errors (missing form, order broken
    without a recorded reason, voucher person not on the roster, file name mismatch)."""
    return [
        Reason(f.code, {**f.params, "item": item.number})
        for f in check_item(item)
        if f.severity == "error"
    ]


@dataclass
class _Plan:
    """What the check of one volume found, before the file hashes are in."""

    volume_id: int
    code: str
    title: str
    revision: int  # the volume's revision the check saw
    reasons: list[Reason]
    files: list[tuple[str, str, int, str]]  # (file, sha256, size, item number)
    # the same files with their media type and pages, for the usability checks (四性)
    stored: list[StoredFile] = field(default_factory=list)


def _inspect(volume: Volume, generated: Mapping[str, int]) -> _Plan:
    reasons: list[Reason] = []
    if not volume.title.strip():
        reasons.append(Reason("handover.no_title"))
    if not volume.entries:
        reasons.append(Reason("handover.no_items"))
    files: list[tuple[str, str, int, str]] = []
    stored: list[StoredFile] = []
    pages: dict[int, int] = {}
    for entry in sorted(volume.entries, key=lambda e: (e.seq, e.id)):
        item = entry.item
        reasons.extend(_item_reasons(item))
        pages[item.id] = sum(m.pages for m in item.materials)
        files.extend((m.file, m.sha256, m.size, item.number) for m in item.materials)
        stored.extend(
            StoredFile(m.file, m.sha256, m.size, item.number, m.media_type, m.pages)
            for m in item.materials
        )
    reasons.extend(_numbering_reasons(volume, pages))
    reasons.extend(_register_reasons(volume, generated))
    return _Plan(volume.id, volume.code, volume.title, volume.revision, reasons, files, stored)


def _hash_all(root: Path, plans: Sequence[_Plan]) -> None:
    """Re-hash every stored file of the volumes (as `verify` does) and add what differs."""
    records = [(plan, record) for plan in plans for record in plan.files]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        found = pool.map(lambda pair: check_stored_file(root, pair[1]), records)
        for (plan, _record), finding in zip(records, found, strict=True):
            if finding is not None:
                plan.reasons.append(Reason(finding.code, {**finding.params, "item": finding.item}))
    # the four-property usability checks (DA/T 70): opens, format, no encryption, no
    # JavaScript or embedded files, page counts (a missing or changed file is named above)
    for plan in plans:
        for finding in usability_findings(root, plan.stored):
            plan.reasons.append(Reason(finding.code, {**finding.params, "item": finding.item}))


def _volume_options() -> Any:
    """Load a batch with its volumes, their items, materials and rosters."""
    return (
        selectinload(Handover.entries)
        .selectinload(HandoverVolume.volume)
        .selectinload(Volume.entries)
        .selectinload(VolumeItem.item)
        .options(selectinload(Item.materials), selectinload(Item.roster)),
    )


def _check_report(number: str, plans: Sequence[_Plan], lang: str | None) -> CheckReport:
    volumes = tuple(
        HandoverVolumeResult(
            code=plan.code,
            title=plan.title,
            result=HandoverResult.FAIL if plan.reasons else HandoverResult.PASS,
            reasons=tuple(plan.reasons),
            messages=tuple(r.text(lang) for r in plan.reasons),
        )
        for plan in plans
    )
    return CheckReport(
        number=number,
        ok=all(v.result == HandoverResult.PASS for v in volumes),
        passed=sum(v.result == HandoverResult.PASS for v in volumes),
        failed=sum(v.result == HandoverResult.FAIL for v in volumes),
        volumes=volumes,
    )


def check(archive: Archive, number: str, lang: str | None = None) -> CheckReport:
    """Run the quality check on every volume of the batch still to be handed over and
    store each result with its reasons and the volume's revision it saw. Files are
    hashed outside the write lock."""
    with archive.db.reading() as session:
        batch = load(session, number, deep=True)
        _open(batch)
        active = _active(batch)
        if not active:
            raise InputError("handover.empty", number=batch.number)
        generated = _registers(session, [e.volume_id for e in active])
        plans = [_inspect(e.volume, generated.get(e.volume_id, {})) for e in active]
    _hash_all(archive.root, plans)
    by_volume = {plan.volume_id: plan for plan in plans}
    with archive.change(Action.HANDOVER_CHECK, _target(number)) as change:
        batch = load(change.session, number)
        _open(batch)
        change.before = {
            "status": batch.status,
            "results": {e.volume.code: e.result for e in _active(batch)},
        }
        checked: list[_Plan] = []
        for entry in _active(batch):
            plan = by_volume.get(entry.volume_id)
            if plan is not None:
                entry.result = HandoverResult.FAIL if plan.reasons else HandoverResult.PASS
                entry.reasons = _stored(plan.reasons)
                entry.checked_revision = plan.revision
                checked.append(plan)
        _refresh_status(batch)
        report = _check_report(batch.number, plans, lang)
        change.after = {
            "status": batch.status,
            "results": {v.code: v.result.value for v in report.volumes},
            "reasons": {v.code: _stored(v.reasons) for v in report.volumes if v.reasons},
            "revisions": {plan.code: plan.revision for plan in checked},
        }
    return report


# -- creating, filling, returning, signing ----------------------------------------------


def default_to_department(archive: Archive) -> str:
    return archive.setting(TO_DEPARTMENT_SETTING).strip() or DEFAULT_TO_DEPARTMENT


def create(
    archive: Archive,
    from_department: str,
    handed_by: str,
    to_department: str | None = None,
    on_date: dt.date | None = None,
) -> HandoverView:
    """A new batch (status draft) numbered JJ-<year>-<serial>, gap-free per year."""
    source = _required(from_department, "handover.department_required")
    person = _required(handed_by, "handover.handed_by_required")
    target = (to_department or "").strip() or default_to_department(archive)
    year = (on_date or dt.date.today()).year
    with archive.change(Action.HANDOVER_CREATE, "handover:") as change:
        batch = Handover(
            number=_next_number(change.session, year),
            from_department=source,
            to_department=target,
            status=HandoverState.DRAFT,
            handed_by=person,
            received_by="",
            created_at=audit.now_text(),
        )
        change.session.add(batch)
        change.session.flush()
        change.target = _target(batch.number)
        change.after = {
            "number": batch.number,
            "from_department": source,
            "to_department": target,
            "handed_by": person,
            "status": batch.status,
        }
        number = batch.number
    return show(archive, number)


def add_volumes(archive: Archive, number: str, codes: Sequence[str]) -> HandoverView:
    """Put volumes in the batch: never one already handed over or waiting in another
    batch. A returned volume may come back (its status goes from returned to open)."""
    if not codes:
        raise InputError("handover.no_volumes")
    with archive.change(Action.HANDOVER_ADD, _target(number)) as change:
        session = change.session
        batch = load(session, number)
        _open(batch)
        change.before = {"status": batch.status, "volumes": {}}
        added: list[HandoverVolume] = []
        for code in dict.fromkeys(c.strip() for c in codes):
            volume = _volume(session, code)
            if states.frozen(volume.status):
                raise InputError("handover.volume_handed_over", code=volume.code)
            if volume.status == VolumeState.DISSOLVED:
                raise InputError("volume.dissolved", code=volume.code)
            waiting = session.scalar(
                select(Handover.number)
                .join(HandoverVolume, HandoverVolume.handover_id == Handover.id)
                .where(
                    HandoverVolume.volume_id == volume.id,
                    Handover.status != HandoverState.SIGNED,
                    or_(
                        HandoverVolume.result.is_(None),
                        HandoverVolume.result != HandoverResult.RETURNED,
                    ),
                )
            )
            if waiting is not None:
                raise InputError("handover.volume_in_batch", code=volume.code, number=waiting)
            change.before["volumes"][volume.code] = {"status": volume.status}
            entry = next((e for e in batch.entries if e.volume_id == volume.id), None)
            if entry is not None:  # returned from this very batch, fixed, back again
                entry.result, entry.reasons, entry.checked_revision = None, [], None
            else:
                entry = HandoverVolume(
                    volume_id=volume.id,
                    volume=volume,
                    seq=max((e.seq for e in batch.entries), default=0) + 1,
                    result=None,
                    reasons=[],
                )
                batch.entries.append(entry)
            if volume.status == VolumeState.RETURNED:
                volume.status = states.move(volume.status, VolumeState.OPEN, volume.code)
            added.append(entry)
        _refresh_status(batch)
        session.flush()
        change.after = {
            "status": batch.status,
            "volumes": {e.volume.code: {"status": e.volume.status, "seq": e.seq} for e in added},
        }
    return show(archive, number)


def return_failed(
    archive: Archive,
    number: str,
    reason: str,
    codes: Sequence[str] | None = None,
    lang: str | None = None,
) -> ReturnReport:
    """Send the failed volumes (or the named ones, each of which must have failed) back
    to the department: status "returned", kept in the batch marked returned with their
    reasons, which also go into the audit trail."""
    with archive.change(Action.HANDOVER_RETURN, _target(number), reason=reason) as change:
        batch = load(change.session, number)
        _open(batch)
        active = _active(batch)
        if codes:
            by_code = {e.volume.code: e for e in active}
            chosen = []
            for code in dict.fromkeys(c.strip() for c in codes):
                entry = by_code.get(code)
                if entry is None:
                    raise InputError("handover.volume_not_in_batch", code=code, number=batch.number)
                if entry.result != HandoverResult.FAIL:
                    raise InputError("handover.not_failed", code=code)
                chosen.append(entry)
        else:
            chosen = [e for e in active if e.result == HandoverResult.FAIL]
        if not chosen:
            raise InputError("handover.nothing_to_return", number=batch.number)
        change.before = {
            "status": batch.status,
            "volumes": {
                e.volume.code: {"status": e.volume.status, "result": e.result} for e in chosen
            },
        }
        returned = []
        for entry in chosen:
            volume = entry.volume
            entry.result = HandoverResult.RETURNED
            volume.status = states.move(volume.status, VolumeState.RETURNED, volume.code)
            reasons = _reasons(entry.reasons)
            returned.append(
                ReturnedVolume(
                    volume.code, volume.title, reasons, tuple(r.text(lang) for r in reasons)
                )
            )
        _refresh_status(batch)
        change.after = {
            "status": batch.status,
            "returned": [r.code for r in returned],
            "volumes": {
                e.volume.code: {
                    "status": e.volume.status,
                    "result": e.result,
                    "reasons": list(e.reasons),
                }
                for e in chosen
            },
        }
        batch_no = batch.number
    return ReturnReport(batch_no, tuple(returned))


def sign(
    archive: Archive,
    number: str,
    received_by: str,
    handed_by: str | None = None,
    on_date: dt.date | None = None,
) -> HandoverView:
    """Both sides sign: allowed only when every volume left in the batch passed its check
    and none changed since. The batch becomes signed, its volumes handed_over."""
    receiver = _required(received_by, "handover.received_by_required")
    day = on_date or dt.date.today()
    with archive.change(Action.HANDOVER_SIGN, _target(number)) as change:
        batch = load(change.session, number, deep=True)
        _open(batch)
        giver = _required(handed_by or batch.handed_by, "handover.handed_by_required")
        if giver == receiver:
            raise InputError("handover.same_person", name=giver)
        active = _active(batch)
        if not active:
            raise InputError("handover.empty", number=batch.number)
        unchecked = [e.volume.code for e in active if e.result is None]
        if unchecked:
            raise InputError("handover.unchecked", number=batch.number, codes=", ".join(unchecked))
        failed = [e.volume.code for e in active if e.result != HandoverResult.PASS]
        if failed:
            raise InputError("handover.not_passed", number=batch.number, codes=", ".join(failed))
        changed = [e.volume.code for e in active if e.checked_revision != e.volume.revision]
        if changed:
            raise InputError(
                "handover.changed_since_check", number=batch.number, codes=", ".join(changed)
            )
        held = [e.volume.code for e in active if states.frozen(e.volume.status)]
        if held:
            raise InputError("handover.volume_handed_over", code=held[0])
        change.before = {"status": batch.status, "volumes": _volume_states(active)}
        for entry in active:
            volume = entry.volume
            volume.status = states.move(volume.status, VolumeState.HANDED_OVER, volume.code)
        batch.status = states.move(batch.status, HandoverState.SIGNED, batch.number)
        batch.handed_by, batch.received_by, batch.signed_on = giver, receiver, day
        change.after = {
            "status": batch.status,
            "handed_by": giver,
            "received_by": receiver,
            "signed_on": day.isoformat(),
            "volumes": _volume_states(active),
        }
        change.touch_items(e.item_id for entry in active for e in entry.volume.entries)
    return show(archive, number)


# -- reading ----------------------------------------------------------------------------


def _volume_counts(session: Session, volume_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """(items, pages) of each volume, pages from the materials."""
    if not volume_ids:
        return {}
    items = dict(
        session.execute(
            select(VolumeItem.volume_id, func.count())
            .where(VolumeItem.volume_id.in_(volume_ids))
            .group_by(VolumeItem.volume_id)
        ).all()
    )
    pages = dict(
        session.execute(
            select(VolumeItem.volume_id, func.coalesce(func.sum(Material.pages), 0))
            .join(Material, Material.item_id == VolumeItem.item_id)
            .where(VolumeItem.volume_id.in_(volume_ids))
            .group_by(VolumeItem.volume_id)
        ).all()
    )
    return {v: (int(items.get(v, 0)), int(pages.get(v, 0))) for v in volume_ids}


def show(archive: Archive, number: str, lang: str = "zh") -> HandoverView:
    """Everything the 归档交接单 prints, plus the batch's state (see `HandoverView`)."""
    require(archive, Right.READ, f"handover:{number}"[:200])
    with archive.db.reading() as session:
        batch = load(session, number)
        counts = _volume_counts(session, [e.volume_id for e in batch.entries])
        rows: list[HandoverRow] = []
        returned: list[HandoverRow] = []
        for entry in batch.entries:
            volume = entry.volume
            items, pages = counts.get(volume.id, (0, 0))
            result = _result(entry)
            reasons = _reasons(entry.reasons)
            row = HandoverRow(
                seq=None if result == HandoverResult.RETURNED else len(rows) + 1,
                code=volume.code,
                title=volume.title,
                items=items,
                pages=pages,
                check=result_text(result, reasons, lang),
                remarks=volume.note or None,
                result=result,
                reasons=reasons,
                volume_status=VolumeState(volume.status),
            )
            (returned if result == HandoverResult.RETURNED else rows).append(row)
        totals = HandoverTotals(
            volumes=len(rows),
            items=sum(r.items for r in rows),
            pages=sum(r.pages for r in rows),
        )
        signed = batch.signed_on.isoformat() if batch.signed_on else None
        return HandoverView(
            number=batch.number,
            status=HandoverState(batch.status),
            from_department=batch.from_department,
            to_department=batch.to_department,
            handed_by=batch.handed_by,
            received_by=batch.received_by or None,
            created_at=batch.created_at,
            signed_on=signed,
            fields={
                "number": batch.number,
                "from_department": batch.from_department,
                "to_department": batch.to_department,
                "handed_over_by": batch.handed_by or None,
                "handed_over_on": signed,
                "received_by": batch.received_by or None,
                "received_on": signed,
                "total_volumes": totals.volumes,
                "total_items": totals.items,
                "total_pages": totals.pages,
            },
            columns=tuple(heading for _key, heading in COLUMNS),
            rows=tuple(rows),
            totals=totals,
            returned=tuple(returned),
        )


def row_cells(row: HandoverRow) -> list[Any]:
    """A `show` row as the 归档交接单's cells, in column order."""
    return [row.cell(key) for key, _heading in COLUMNS]


def list_batches(archive: Archive, status: str | None = None) -> list[HandoverSummary]:
    require(archive, Right.READ, "handovers")
    with archive.db.reading() as session:
        stmt = (
            select(Handover)
            .options(selectinload(Handover.entries).selectinload(HandoverVolume.volume))
            .order_by(Handover.id)
        )
        if status:
            stmt = stmt.where(Handover.status == status)
        out = []
        for batch in session.scalars(stmt):
            active = _active(batch)
            counts = _volume_counts(session, [e.volume_id for e in active])
            out.append(
                HandoverSummary(
                    number=batch.number,
                    status=HandoverState(batch.status),
                    from_department=batch.from_department,
                    to_department=batch.to_department,
                    handed_by=batch.handed_by,
                    received_by=batch.received_by or None,
                    created_at=batch.created_at,
                    signed_on=batch.signed_on.isoformat() if batch.signed_on else None,
                    volumes=len(active),
                    items=sum(c[0] for c in counts.values()),
                    pages=sum(c[1] for c in counts.values()),
                    passed=sum(e.result == HandoverResult.PASS for e in active),
                    failed=sum(e.result == HandoverResult.FAIL for e in active),
                    unchecked=sum(e.result is None for e in active),
                    returned=len(batch.entries) - len(active),
                )
            )
        return out
