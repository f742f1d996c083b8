"""Handing volumes over to the archive (归档交接), with a quality check per volume.

A business department gathers volumes into a batch (交接单, numbered JJ-年度-流水号
gap-free per year). The archive checks each volume: materials complete (every item has
its business form; every stored file is there and unchanged), order valid (the rules'
order, or a change made by a person with a reason), the volume's own numbering
gap-free (顺序号 1..n; in page-numbered volumes 页号 1..N matching the materials' pages),
page counts matching, a title and at least one item, and the 卷内文件目录 and 案卷封面
generated after the volume last changed. Volumes that fail go back with their reasons
(status "returned"; they can be fixed and put in a new batch). When every volume left
passed, both sides sign: the batch is "signed" and its volumes "handed_over" (after
which `volumes` refuses to change them). Every state change is audited.

Reasons are stored as {"code", "params"} (item-level ones carry params["item"]) so the
window and the printed record can say them in Chinese or English (`reason_text`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, selectinload

from archivist import audit
from archivist.archive import Archive
from archivist.check import check_item
from archivist.db.models import (
    AuditEvent,
    Handover,
    HandoverVolume,
    Item,
    Material,
    Volume,
    VolumeItem,
)
from archivist.errors import InputError, NotFound
from archivist.messages import render
from archivist.verify import _hash_one

NUMBER_PREFIX = "JJ"
DEFAULT_TO_DEPARTMENT = "档案室"
TO_DEPARTMENT_SETTING = "archive_department"

# The registers a volume must have had generated after its last change, and their names.
REQUIRED_REGISTERS: dict[str, tuple[str, str]] = {
    "volume-contents": ("卷内文件目录", "volume contents list"),
    "volume-cover": ("案卷封面", "volume cover"),
}
REGISTER_ACTION = "register.generate"

# The 归档交接单's table, in order (registers.md); `show` gives rows keyed like
# archivist.reports.layouts.HANDOVER's columns.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("seq", "序号"),
    ("code", "档号"),
    ("title", "案卷题名"),
    ("items", "件数"),
    ("pages", "页数"),
    ("check", "质量检查结果"),
    ("remarks", "备注"),
)

PASS, FAIL, RETURNED = "pass", "fail", "returned"
DRAFT, CHECKED, SIGNED = "draft", "checked", "signed"


# -- numbers, loading, small helpers ----------------------------------------------------


def batch_number(year: int, serial: int) -> str:
    return f"{NUMBER_PREFIX}-{year}-{serial:03d}"


def _next_number(session: Session, year: int) -> str:
    prefix = f"{NUMBER_PREFIX}-{year}-"
    taken = session.scalars(select(Handover.number).where(Handover.number.like(f"{prefix}%")))
    serials = [int(n[len(prefix) :]) for n in taken if n[len(prefix) :].isdigit()]
    return batch_number(year, max(serials, default=0) + 1)


def load(session: Session, number: str) -> Handover:
    batch = session.scalar(
        select(Handover)
        .where(Handover.number == number.strip().upper())
        .options(selectinload(Handover.entries).selectinload(HandoverVolume.volume))
    )
    if batch is None:
        raise NotFound("handover.not_found", number=number)
    return batch


def _required(value: str | None, code: str) -> str:
    if value is None or not value.strip():
        raise InputError(code)
    return value.strip()


def _reason(reason: str) -> str:
    if not reason or not reason.strip():
        raise InputError("reason.required")
    return reason.strip()


def _open(batch: Handover) -> None:
    if batch.status == SIGNED:
        raise InputError("handover.signed", number=batch.number)


def _active(batch: Handover) -> list[HandoverVolume]:
    """The batch's volumes still to be handed over (returned ones are kept, marked)."""
    return [e for e in batch.entries if e.result != RETURNED]


def _refresh_status(batch: Handover) -> None:
    active = _active(batch)
    batch.status = CHECKED if active and all(e.result for e in active) else DRAFT


def volume_batch(session: Session, volume_id: int) -> dict[str, Any] | None:
    """The latest handover batch a volume was put in (read only): its number, the
    batch's status (draft|checked|signed) and the volume's result there; None if none."""
    entry = session.scalar(
        select(HandoverVolume)
        .where(HandoverVolume.volume_id == volume_id)
        .order_by(HandoverVolume.id.desc())
        .limit(1)
    )
    if entry is None:
        return None
    return {
        "batch": entry.handover.number,
        "batch_status": entry.handover.status,
        "result": entry.result,
    }


def _volume(session: Session, code: str) -> Volume:
    volume = session.scalar(select(Volume).where(Volume.code == code.strip()))
    if volume is None:
        raise NotFound("volume.not_found", code=code)
    return volume


def reason_text(reason: Mapping[str, Any], lang: str | None = None) -> str:
    """One stored reason as a sentence, prefixed with its item's number if it has one."""
    params = dict(reason.get("params") or {})
    text = render(str(reason["code"]), params, lang)
    if params.get("item"):
        return render("handover.item_reason", {"item": params["item"], "message": text}, lang)
    return text


def result_text(result: str | None, reasons: Sequence[Mapping[str, Any]], lang: str = "zh") -> str:
    """质量检查结果 as printed: 合格, 不合格：reasons, or blank when not checked."""
    if result == PASS:
        return render("handover.result_pass", lang=lang)
    if result in (FAIL, RETURNED):
        separator = "；" if lang == "zh" else "; "
        joined = separator.join(reason_text(r, lang) for r in reasons)
        return render("handover.result_fail", {"reasons": joined}, lang)
    return ""


# -- registers generated ----------------------------------------------------------------


def record_register_generated(
    session: Session, actor: str, volume_code: str, kind: str
) -> AuditEvent:
    """Record that a register of a volume was generated (the register module calls this
    inside its write transaction; the handover check looks for these events)."""
    return audit.record(
        session,
        actor=actor,
        action=REGISTER_ACTION,
        target=f"volume:{volume_code}",
        after={"kind": kind},
    )


def _last_change(session: Session, volume: Volume) -> int:
    """The audit sequence number of the volume's last change: its own `volume.*` events
    and the `item.*` events of its items (a changed item changes the contents list)."""
    item_targets = [f"item:{e.item.capture_id}" for e in volume.entries]
    condition: ColumnElement[bool] = (
        AuditEvent.target == f"volume:{volume.code}"
    ) & AuditEvent.action.like("volume.%")
    if item_targets:
        condition = or_(
            condition, AuditEvent.target.in_(item_targets) & AuditEvent.action.like("item.%")
        )
    return int(session.scalar(select(func.max(AuditEvent.seq)).where(condition)) or 0)


def _register_reasons(session: Session, volume: Volume) -> list[dict[str, Any]]:
    changed = _last_change(session, volume)
    generated: dict[str, int] = {}
    for seq, after in session.execute(
        select(AuditEvent.seq, AuditEvent.after).where(
            AuditEvent.target == f"volume:{volume.code}", AuditEvent.action == REGISTER_ACTION
        )
    ):
        kind = str((after or {}).get("kind", ""))
        generated[kind] = max(generated.get(kind, 0), int(seq))
    reasons = []
    for kind, (zh, en) in REQUIRED_REGISTERS.items():
        params = {"kind": kind, "register": zh, "register_en": en}
        if kind not in generated:
            reasons.append({"code": "handover.register_missing", "params": params})
        elif generated[kind] < changed:
            reasons.append({"code": "handover.register_stale", "params": params})
    return reasons


# -- the quality check ------------------------------------------------------------------


def _ranges(values: Sequence[int]) -> str:
    return ",".join(str(v) for v in values) if len(values) <= 12 else f"{values[0]}…{values[-1]}"


def _numbering_reasons(volume: Volume, pages: Mapping[int, int]) -> list[dict[str, Any]]:
    reasons: list[dict[str, Any]] = []
    entries = sorted(volume.entries, key=lambda e: (e.seq, e.id))
    seqs = [e.seq for e in entries]
    if seqs != list(range(1, len(entries) + 1)):
        reasons.append(
            {
                "code": "handover.seq_gap",
                "params": {"expected": f"1-{len(entries)}", "actual": _ranges(seqs)},
            }
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
                reasons.append({"code": "handover.pages_unnumbered", "params": {"item": number}})
            continue
        if first != next_page:
            reasons.append(
                {
                    "code": "handover.page_gap",
                    "params": {"item": number, "expected": next_page, "found": first},
                }
            )
        if last - first + 1 != count:
            reasons.append(
                {
                    "code": "handover.item_pages_mismatch",
                    "params": {"item": number, "first": first, "last": last, "pages": count},
                }
            )
        next_page = last + 1
    total = sum(pages.get(e.item_id, 0) for e in entries)
    if next_page - 1 != total:
        reasons.append(
            {
                "code": "handover.volume_pages_mismatch",
                "params": {"numbered": next_page - 1, "pages": total},
            }
        )
    return reasons


def _item_reasons(item: Item) -> list[dict[str, Any]]:
    """The item checks of `archivist check` that are errors (missing form, order broken
    without a recorded reason, voucher person not on the roster, file name mismatch)."""
    return [
        {"code": f.code, "params": {**f.params, "item": item.number}}
        for f in check_item(item)
        if f.severity == "error"
    ]


@dataclass
class _Plan:
    """What the check of one volume found, before the file hashes are in."""

    volume_id: int
    code: str
    title: str
    reasons: list[dict[str, Any]]
    files: list[tuple[str, str, int, str]]  # (file, sha256, size, item number)


def _inspect(session: Session, volume: Volume) -> _Plan:
    reasons: list[dict[str, Any]] = []
    if not volume.title.strip():
        reasons.append({"code": "handover.no_title", "params": {}})
    if not volume.entries:
        reasons.append({"code": "handover.no_items", "params": {}})
    files: list[tuple[str, str, int, str]] = []
    pages: dict[int, int] = {}
    for entry in sorted(volume.entries, key=lambda e: (e.seq, e.id)):
        item = entry.item
        reasons.extend(_item_reasons(item))
        pages[item.id] = sum(m.pages for m in item.materials)
        files.extend((m.file, m.sha256, m.size, item.number) for m in item.materials)
    reasons.extend(_numbering_reasons(volume, pages))
    reasons.extend(_register_reasons(session, volume))
    return _Plan(volume.id, volume.code, volume.title, reasons, files)


def _hash_all(root: Path, plans: Sequence[_Plan]) -> None:
    """Re-hash every stored file of the volumes (as `verify` does) and add what differs."""
    records = [(plan, record) for plan in plans for record in plan.files]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        found = pool.map(lambda pair: _hash_one(root, pair[1]), records)
        for (plan, _record), finding in zip(records, found, strict=True):
            if finding is not None:
                plan.reasons.append(
                    {"code": finding.code, "params": {**finding.params, "item": finding.item}}
                )


def _volume_options() -> Any:
    """Load a batch with its volumes, their items, materials and rosters."""
    return (
        selectinload(Handover.entries)
        .selectinload(HandoverVolume.volume)
        .selectinload(Volume.entries)
        .selectinload(VolumeItem.item)
        .options(selectinload(Item.materials), selectinload(Item.roster)),
    )


def _check_view(batch_number_: str, plans: Sequence[_Plan], lang: str | None) -> dict[str, Any]:
    volumes = [
        {
            "code": plan.code,
            "title": plan.title,
            "result": FAIL if plan.reasons else PASS,
            "reasons": plan.reasons,
            "messages": [reason_text(r, lang) for r in plan.reasons],
        }
        for plan in plans
    ]
    return {
        "number": batch_number_,
        "ok": all(v["result"] == PASS for v in volumes),
        "passed": sum(v["result"] == PASS for v in volumes),
        "failed": sum(v["result"] == FAIL for v in volumes),
        "volumes": volumes,
    }


def check(
    archive: Archive, number: str, actor: str | None = None, lang: str | None = None
) -> dict[str, Any]:
    """Run the quality check on every volume of the batch still to be handed over and
    store each result with its reasons. Files are hashed outside the write lock."""
    with archive.db.reading() as session:
        batch = session.scalar(
            select(Handover)
            .where(Handover.number == number.strip().upper())
            .options(*_volume_options())
        )
        if batch is None:
            raise NotFound("handover.not_found", number=number)
        _open(batch)
        active = _active(batch)
        if not active:
            raise InputError("handover.empty", number=batch.number)
        as_of = int(session.scalar(select(func.max(AuditEvent.seq))) or 0)
        plans = [_inspect(session, e.volume) for e in active]
    _hash_all(archive.root, plans)
    by_volume = {plan.volume_id: plan for plan in plans}
    with archive.db.writing() as session:
        batch = load(session, number)
        _open(batch)
        for entry in _active(batch):
            plan = by_volume.get(entry.volume_id)
            if plan is not None:
                entry.result = FAIL if plan.reasons else PASS
                entry.reasons = plan.reasons
        _refresh_status(batch)
        view = _check_view(batch.number, plans, lang)
        audit.record(
            session,
            actor=actor or archive.actor,
            action="handover.check",
            target=f"handover:{batch.number}",
            after={
                "as_of": as_of,
                "status": batch.status,
                "results": {v["code"]: v["result"] for v in view["volumes"]},
                "reasons": {v["code"]: v["reasons"] for v in view["volumes"] if v["reasons"]},
            },
        )
    return view


# -- creating, filling, returning, signing ----------------------------------------------


def default_to_department(archive: Archive) -> str:
    return archive.setting(TO_DEPARTMENT_SETTING).strip() or DEFAULT_TO_DEPARTMENT


def create(
    archive: Archive,
    from_department: str,
    handed_by: str,
    to_department: str | None = None,
    on_date: dt.date | None = None,
    actor: str | None = None,
) -> dict[str, Any]:
    """A new batch (status draft) numbered JJ-<year>-<serial>, gap-free per year."""
    source = _required(from_department, "handover.department_required")
    person = _required(handed_by, "handover.handed_by_required")
    target = (to_department or "").strip() or default_to_department(archive)
    year = (on_date or dt.date.today()).year
    with archive.db.writing() as session:
        batch = Handover(
            number=_next_number(session, year),
            from_department=source,
            to_department=target,
            status=DRAFT,
            handed_by=person,
            received_by="",
            created_at=audit.now_text(),
        )
        session.add(batch)
        session.flush()
        audit.record(
            session,
            actor=actor or archive.actor,
            action="handover.create",
            target=f"handover:{batch.number}",
            after={
                "number": batch.number,
                "from_department": source,
                "to_department": target,
                "handed_by": person,
            },
        )
        number = batch.number
    return show(archive, number)


def add_volumes(
    archive: Archive, number: str, codes: Sequence[str], actor: str | None = None
) -> dict[str, Any]:
    """Put volumes in the batch: never one already handed over or waiting in another
    batch. A returned volume may come back (its status goes from returned to open)."""
    if not codes:
        raise InputError("handover.no_volumes")
    actor = actor or archive.actor
    with archive.db.writing() as session:
        batch = load(session, number)
        _open(batch)
        added: list[str] = []
        for code in dict.fromkeys(c.strip() for c in codes):
            volume = _volume(session, code)
            if volume.status == "handed_over":
                raise InputError("handover.volume_handed_over", code=volume.code)
            if volume.status == "dissolved":
                raise InputError("volume.dissolved", code=volume.code)
            waiting = session.scalar(
                select(Handover.number)
                .join(HandoverVolume, HandoverVolume.handover_id == Handover.id)
                .where(
                    HandoverVolume.volume_id == volume.id,
                    Handover.status != SIGNED,
                    or_(HandoverVolume.result.is_(None), HandoverVolume.result != RETURNED),
                )
            )
            if waiting is not None:
                raise InputError("handover.volume_in_batch", code=volume.code, number=waiting)
            again = next((e for e in batch.entries if e.volume_id == volume.id), None)
            if again is not None:  # returned from this very batch, fixed, back again
                again.result, again.reasons = None, []
            else:
                batch.entries.append(
                    HandoverVolume(
                        volume_id=volume.id,
                        volume=volume,
                        seq=max((e.seq for e in batch.entries), default=0) + 1,
                        result=None,
                        reasons=[],
                    )
                )
            if volume.status == "returned":
                volume.status = "open"
                audit.record(
                    session,
                    actor=actor,
                    action="handover.add",
                    target=f"volume:{volume.code}",
                    before={"status": "returned"},
                    after={"status": "open", "handover": batch.number},
                )
            added.append(volume.code)
        _refresh_status(batch)
        session.flush()
        audit.record(
            session,
            actor=actor,
            action="handover.add",
            target=f"handover:{batch.number}",
            after={"volumes": added, "status": batch.status},
        )
    return show(archive, number)


def return_failed(
    archive: Archive,
    number: str,
    reason: str,
    codes: Sequence[str] | None = None,
    actor: str | None = None,
    lang: str | None = None,
) -> dict[str, Any]:
    """Send the failed volumes (or the named ones, each of which must have failed) back
    to the department: status "returned", kept in the batch marked returned with their
    reasons, which also go into the audit trail."""
    why = _reason(reason)
    actor = actor or archive.actor
    with archive.db.writing() as session:
        batch = load(session, number)
        _open(batch)
        active = _active(batch)
        if codes:
            by_code = {e.volume.code: e for e in active}
            chosen = []
            for code in dict.fromkeys(c.strip() for c in codes):
                entry = by_code.get(code)
                if entry is None:
                    raise InputError("handover.volume_not_in_batch", code=code, number=batch.number)
                if entry.result != FAIL:
                    raise InputError("handover.not_failed", code=code)
                chosen.append(entry)
        else:
            chosen = [e for e in active if e.result == FAIL]
        if not chosen:
            raise InputError("handover.nothing_to_return", number=batch.number)
        returned = []
        for entry in chosen:
            volume = entry.volume
            before = volume.status
            entry.result = RETURNED
            volume.status = "returned"
            audit.record(
                session,
                actor=actor,
                action="handover.return",
                target=f"volume:{volume.code}",
                before={"status": before, "handover": batch.number},
                after={"status": "returned", "reasons": list(entry.reasons)},
                reason=why,
            )
            returned.append(
                {
                    "code": volume.code,
                    "title": volume.title,
                    "reasons": list(entry.reasons),
                    "messages": [reason_text(r, lang) for r in entry.reasons],
                }
            )
        _refresh_status(batch)
        audit.record(
            session,
            actor=actor,
            action="handover.return",
            target=f"handover:{batch.number}",
            after={"returned": [r["code"] for r in returned], "status": batch.status},
            reason=why,
        )
    return {"number": number.strip().upper(), "returned": returned}


def _last_check_as_of(session: Session, batch: Handover) -> int:
    after = session.scalar(
        select(AuditEvent.after)
        .where(
            AuditEvent.target == f"handover:{batch.number}", AuditEvent.action == "handover.check"
        )
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    )
    return int((after or {}).get("as_of", 0))


def sign(
    archive: Archive,
    number: str,
    received_by: str,
    handed_by: str | None = None,
    on_date: dt.date | None = None,
    actor: str | None = None,
) -> dict[str, Any]:
    """Both sides sign: allowed only when every volume left in the batch passed its check
    and none changed since. The batch becomes signed, its volumes handed_over."""
    receiver = _required(received_by, "handover.received_by_required")
    actor = actor or archive.actor
    day = on_date or dt.date.today()
    with archive.db.writing() as session:
        batch = session.scalar(
            select(Handover)
            .where(Handover.number == number.strip().upper())
            .options(*_volume_options())
        )
        if batch is None:
            raise NotFound("handover.not_found", number=number)
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
        failed = [e.volume.code for e in active if e.result != PASS]
        if failed:
            raise InputError("handover.not_passed", number=batch.number, codes=", ".join(failed))
        as_of = _last_check_as_of(session, batch)
        changed = [e.volume.code for e in active if _last_change(session, e.volume) > as_of]
        if changed:
            raise InputError(
                "handover.changed_since_check", number=batch.number, codes=", ".join(changed)
            )
        held = [e.volume.code for e in active if e.volume.status == "handed_over"]
        if held:
            raise InputError("handover.volume_handed_over", code=held[0])
        for entry in active:
            volume = entry.volume
            before = volume.status
            volume.status = "handed_over"
            audit.record(
                session,
                actor=actor,
                action="handover.sign",
                target=f"volume:{volume.code}",
                before={"status": before},
                after={"status": "handed_over", "handover": batch.number},
            )
        batch.status = SIGNED
        batch.handed_by, batch.received_by, batch.signed_on = giver, receiver, day
        audit.record(
            session,
            actor=actor,
            action="handover.sign",
            target=f"handover:{batch.number}",
            after={
                "status": SIGNED,
                "handed_by": giver,
                "received_by": receiver,
                "signed_on": day.isoformat(),
                "volumes": [e.volume.code for e in active],
            },
        )
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


def show(archive: Archive, number: str, lang: str = "zh") -> dict[str, Any]:
    """Everything the 归档交接单 prints, plus the batch's state.

    `fields` carries the header, signature and total values under the keys of
    archivist.reports.layouts.HANDOVER (None where unknown: printed blank); `rows` the
    volumes still in the batch in order, each keyed by column (seq, code, title, items,
    pages, check, remarks) plus result and reasons; `returned` the volumes sent back.
    """
    with archive.db.reading() as session:
        batch = load(session, number)
        counts = _volume_counts(session, [e.volume_id for e in batch.entries])
        rows: list[dict[str, Any]] = []
        returned: list[dict[str, Any]] = []
        for entry in batch.entries:
            volume = entry.volume
            items, pages = counts.get(volume.id, (0, 0))
            row = {
                "seq": len(rows) + 1,
                "code": volume.code,
                "title": volume.title,
                "items": items,
                "pages": pages,
                "check": result_text(entry.result, entry.reasons, lang),
                "remarks": volume.note or None,
                "result": entry.result,
                "reasons": list(entry.reasons),
                "volume_status": volume.status,
            }
            if entry.result == RETURNED:
                row["seq"] = None
                returned.append(row)
            else:
                rows.append(row)
        totals = {
            "volumes": len(rows),
            "items": sum(r["items"] for r in rows),
            "pages": sum(r["pages"] for r in rows),
        }
        signed = batch.signed_on.isoformat() if batch.signed_on else None
        return {
            "number": batch.number,
            "status": batch.status,
            "from_department": batch.from_department,
            "to_department": batch.to_department,
            "handed_by": batch.handed_by,
            "received_by": batch.received_by or None,
            "created_at": batch.created_at,
            "signed_on": signed,
            "fields": {
                "number": batch.number,
                "from_department": batch.from_department,
                "to_department": batch.to_department,
                "handed_over_by": batch.handed_by or None,
                "handed_over_on": signed,
                "received_by": batch.received_by or None,
                "received_on": signed,
                "total_volumes": totals["volumes"],
                "total_items": totals["items"],
                "total_pages": totals["pages"],
            },
            "columns": [heading for _key, heading in COLUMNS],
            "rows": rows,
            "totals": totals,
            "returned": returned,
        }


def row_cells(row: Mapping[str, Any]) -> list[Any]:
    """A `show` row as the 归档交接单's cells, in column order."""
    return [row[key] for key, _heading in COLUMNS]


def list_batches(archive: Archive, status: str | None = None) -> list[dict[str, Any]]:
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
                {
                    "number": batch.number,
                    "status": batch.status,
                    "from_department": batch.from_department,
                    "to_department": batch.to_department,
                    "handed_by": batch.handed_by,
                    "received_by": batch.received_by or None,
                    "created_at": batch.created_at,
                    "signed_on": batch.signed_on.isoformat() if batch.signed_on else None,
                    "volumes": len(active),
                    "items": sum(c[0] for c in counts.values()),
                    "pages": sum(c[1] for c in counts.values()),
                    "passed": sum(e.result == PASS for e in active),
                    "failed": sum(e.result == FAIL for e in active),
                    "unchecked": sum(e.result is None for e in active),
                    "returned": len(batch.entries) - len(active),
                }
            )
        return out
