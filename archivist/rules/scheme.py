"""The classification scheme: classes and business types with their retention.

Shipped as resources/classification.json (built from the retention schedule); each
archive keeps its own copy in the database, which the agency edits. Every edit is one
audited change through the archive's unit of work (`archive.change`).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.changes.actions import Action
from archivist.db.models import ArchiveClass, BusinessType
from archivist.errors import InputError
from archivist.resources import resource
from archivist.rules.retention import ACCOUNTING, Retention, parse_retention

if TYPE_CHECKING:
    from archivist.archive import Archive
    from archivist.changes.unit_of_work import Change, Changes

SCHEME_FILE = "classification.json"


def load_default(session: Session) -> dict[str, Any]:
    """Put the shipped scheme into a new archive (inside the caller's change); returns
    what was loaded, for the change's audit event."""
    data = json.loads(resource(SCHEME_FILE).read_text(encoding="utf-8"))
    for entry in data["classes"]:
        klass = ArchiveClass(
            code=entry["code"],
            name=entry["name"],
            insurance_type=entry.get("insurance_type", ""),
            default_retention=entry.get("default_retention"),
            status=entry.get("status", "ok"),
            note=entry.get("note", ""),
        )
        session.add(klass)
        session.flush()
        for bt in entry.get("business_types", []):
            session.add(
                BusinessType(
                    class_id=klass.id,
                    name=bt["name"],
                    retention=bt.get("retention"),
                    schedule_item=bt.get("schedule_item", ""),
                    material=bt.get("material", ""),
                    basis=bt.get("basis", ""),
                    confidence=bt.get("confidence", ""),
                )
            )
    session.flush()
    return {"source": data.get("source"), "classes": [c["code"] for c in data["classes"]]}


@dataclass(frozen=True)
class ResolvedType:
    class_id: int
    class_code: str
    class_name: str
    business_type_id: int
    business_type: str
    retention: Retention


def resolve(session: Session, class_code: str, business_type: str) -> ResolvedType:
    """Find a class and business type and the retention period that applies."""
    klass = session.scalar(select(ArchiveClass).where(ArchiveClass.code == class_code))
    if klass is None:
        raise InputError("class.unknown", value=class_code)
    bt = session.scalar(
        select(BusinessType).where(
            BusinessType.class_id == klass.id, BusinessType.name == business_type
        )
    )
    if bt is None:
        raise unknown_type(session, klass, business_type)
    code = bt.retention or klass.default_retention
    what = f"{klass.code} {bt.name}"
    if code is None:
        raise InputError("retention.unset", what=what)
    if code == ACCOUNTING:
        raise InputError("retention.accounting", what=what)
    return ResolvedType(klass.id, klass.code, klass.name, bt.id, bt.name, parse_retention(code))


def closest_types(names: list[str], wanted: str, limit: int = 3) -> list[str]:
    """The business types most like `wanted`: those containing it (or contained in it)
    first, then by similarity of their characters."""
    wanted = wanted.strip()
    if not wanted:
        return []

    def score(name: str) -> float:
        ratio = difflib.SequenceMatcher(None, wanted, name).ratio()
        if wanted in name or name in wanted:
            ratio += 1.0
        shared = len(set(wanted) & set(name)) / max(1, len(set(wanted)))
        return ratio + 0.5 * shared

    ranked = sorted(names, key=lambda n: (-score(n), n))
    return [n for n in ranked[:limit] if score(n) >= 0.3]


def unknown_type(session: Session, klass: ArchiveClass, name: str) -> InputError:
    """The refusal of an unknown business type, naming the closest types of the class."""
    names = list(
        session.scalars(select(BusinessType.name).where(BusinessType.class_id == klass.id))
    )
    similar = closest_types(names, name)
    return InputError(
        "business_type.unknown",
        value=name[:100],
        klass=klass.code,
        similar="、".join(similar) if similar else "—",
    )


def describe(session: Session) -> list[dict[str, Any]]:
    classes = session.scalars(select(ArchiveClass).order_by(ArchiveClass.id)).all()
    return [
        {
            "code": c.code,
            "name": c.name,
            "insurance_type": c.insurance_type,
            "default_retention": c.default_retention,
            "status": c.status,
            "note": c.note,
            "business_types": [
                {
                    "name": bt.name,
                    "retention": bt.retention,
                    "schedule_item": bt.schedule_item,
                    "basis": bt.basis,
                    "confidence": bt.confidence,
                }
                for bt in c.business_types
            ],
        }
        for c in classes
    ]


def _class(session: Session, code: str) -> ArchiveClass:
    klass = session.scalar(select(ArchiveClass).where(ArchiveClass.code == code))
    if klass is None:
        raise InputError("class.unknown", value=code)
    return klass


def _checked_retention(value: str | None) -> str | None:
    if value is None or value.upper() == ACCOUNTING:
        return value.upper() if value else None
    return parse_retention(value).code


def _done(work: Change) -> Changes:
    assert work.changes is not None  # set by the unit of work once committed
    return work.changes


def set_retention(
    archive: Archive,
    class_code: str,
    retention: str | None,
    *,
    reason: str | None,
    business_type: str | None = None,
) -> Changes:
    """Set a class's default retention, or (with `business_type`) a business type's own,
    with a reason: one audited change. Confirming a period as it stands is setting it."""
    target = (
        f"class:{class_code}"
        if business_type is None
        else f"business_type:{class_code}/{business_type}"
    )
    with archive.change(Action.SCHEME_EDIT, target, reason=reason) as work:
        session = work.session
        klass = _class(session, class_code)
        if business_type is None:
            work.before = {"default_retention": klass.default_retention}
            klass.default_retention = _checked_retention(retention)
            if klass.status == "not_found" and retention:
                klass.status = "ok"
            work.after = {"default_retention": klass.default_retention}
        else:
            bt = session.scalar(
                select(BusinessType).where(
                    BusinessType.class_id == klass.id, BusinessType.name == business_type
                )
            )
            if bt is None:
                raise unknown_type(session, klass, business_type)
            work.before = {"retention": bt.retention}
            bt.retention = _checked_retention(retention)
            bt.basis = f"agency edit: {work.reason}"
            work.after = {"retention": bt.retention}
    return _done(work)


def add_type(
    archive: Archive,
    class_code: str,
    name: str,
    retention: str | None,
    *,
    reason: str | None,
) -> Changes:
    """Add a business type to a class, with a reason: one audited change."""
    target = f"business_type:{class_code}/{name.strip()}"
    with archive.change(Action.SCHEME_ADD, target, reason=reason) as work:
        session = work.session
        klass = _class(session, class_code)
        if not name.strip():
            raise InputError("manifest.not_text", field="business_type", file="scheme")
        exists = session.scalar(
            select(BusinessType).where(BusinessType.class_id == klass.id, BusinessType.name == name)
        )
        if exists is not None:
            raise InputError("scheme.exists", value=f"{class_code} {name}")
        bt = BusinessType(
            class_id=klass.id,
            name=name.strip(),
            retention=_checked_retention(retention),
            basis=f"agency edit: {work.reason}",
            confidence="agency",
        )
        session.add(bt)
        if klass.status == "not_found":
            klass.status = "ok"
        session.flush()
        work.after = {"class": class_code, "name": bt.name, "retention": bt.retention}
    return _done(work)
