"""Item numbers (年度-类别-流水号) and archival codes (档号, DA/T 13).

Serials are issued per year and class from a counter row updated in the same
transaction as the item it numbers: a rolled-back capture returns its serial, so the
sequence stays gap-free, and the write lock makes two concurrent captures serialise.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.db.models import NumberCounter
from archivist.errors import InputError

DEFAULT_CODE_TEMPLATE = "{fonds}-{category}·{year}-{retention}-{klass}-{serial:04d}"
DEFAULT_CATEGORY_CODE = "SB"
TEMPLATE_FIELDS = {"fonds", "category", "year", "retention", "klass", "serial"}


@dataclass(frozen=True)
class CodeParts:
    fonds: str
    category: str
    year: int
    retention: str
    klass: str
    serial: int


def item_number(year: int, class_code: str, serial: int) -> str:
    return f"{year}-{class_code}-{serial:06d}"


def validate_template(template: str) -> str:
    """Refuse templates that name unknown fields or could not tell items apart."""
    try:
        names = {
            field for _, field, _, _ in string.Formatter().parse(template) if field is not None
        }
    except ValueError as exc:
        raise InputError("template.invalid", template=template, reason=str(exc)) from None
    unknown = names - TEMPLATE_FIELDS
    if unknown:
        raise InputError("template.invalid", template=template, reason=f"unknown {sorted(unknown)}")
    for needed in ("serial", "year", "klass"):
        if needed not in names:
            raise InputError("template.invalid", template=template, reason=f"missing {{{needed}}}")
    try:
        archival_code(template, CodeParts("J001", "SB", 2023, "D10", "SY", 1))
    except (ValueError, KeyError, IndexError) as exc:
        raise InputError("template.invalid", template=template, reason=str(exc)) from None
    return template


def archival_code(template: str, parts: CodeParts) -> str:
    return template.format(
        fonds=parts.fonds,
        category=parts.category,
        year=parts.year,
        retention=parts.retention,
        klass=parts.klass,
        serial=parts.serial,
    )


def next_serial(session: Session, year: int, class_id: int) -> int:
    """Take the next serial for (year, class). Call inside a write transaction."""
    counter = session.execute(
        select(NumberCounter)
        .where(NumberCounter.year == year, NumberCounter.class_id == class_id)
        .with_for_update()
    ).scalar_one_or_none()
    if counter is None:
        counter = NumberCounter(year=year, class_id=class_id, last_serial=0)
        session.add(counter)
    counter.last_serial += 1
    session.flush()
    return counter.last_serial
