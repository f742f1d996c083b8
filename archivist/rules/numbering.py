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

from archivist.db.models import ArchiveClass, Fonds, Item, NumberCounter
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


class TemplateError(InputError):
    """An archival-code template that cannot number items; the message names what is wrong."""


SAMPLE_PARTS = CodeParts("J001", "SB", 2023, "D10", "SY", 1)
MAX_CODE_LENGTH = 80  # the width of items.archival_code


def validate_template(template: str) -> str:
    """Refuse templates that name unknown fields or could not tell items apart."""
    if not template.strip():
        raise TemplateError("template.empty", template=template)
    try:
        names = {
            field for _, field, _, _ in string.Formatter().parse(template) if field is not None
        }
    except ValueError:
        raise TemplateError("template.braces", template=template) from None
    if "" in names:
        raise TemplateError("template.unnamed", template=template)
    unknown = sorted(names - TEMPLATE_FIELDS)
    if unknown:
        raise TemplateError(
            "template.unknown_field",
            template=template,
            field="、".join("{" + name + "}" for name in unknown),
            known=" ".join("{" + name + "}" for name in sorted(TEMPLATE_FIELDS)),
        )
    for needed in ("serial", "year", "klass"):
        if needed not in names:
            raise TemplateError("template.missing_field", template=template, field=f"{{{needed}}}")
    try:
        sample = archival_code(template, SAMPLE_PARTS)
    except (ValueError, KeyError, IndexError, TypeError):
        raise TemplateError("template.format", template=template) from None
    if len(sample) > MAX_CODE_LENGTH:
        raise TemplateError(
            "template.too_long", template=template, length=len(sample), limit=MAX_CODE_LENGTH
        )
    return template


@dataclass(frozen=True)
class TemplatePreview:
    """A template rendered for a real item (its number in `number`) or, in an archive
    without items, for a sample (`number` is None)."""

    code: str
    parts: CodeParts
    number: str | None


def newest_code_parts(session: Session) -> tuple[CodeParts, str] | None:
    """The code parts and number of the newest item, or None in an empty archive."""
    row = session.execute(
        select(
            Fonds.code,
            Item.year,
            Item.retention,
            ArchiveClass.code,
            Item.serial,
            Item.number,
        )
        .join(Fonds, Fonds.id == Item.fonds_id)
        .join(ArchiveClass, ArchiveClass.id == Item.class_id)
        .order_by(Item.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    fonds, year, retention, klass, serial, number = row
    parts = CodeParts(str(fonds), "", int(year), str(retention), str(klass), int(serial))
    return parts, str(number)


def preview_template(
    template: str,
    *,
    category: str,
    newest: tuple[CodeParts, str] | None = None,
    fonds: str | None = None,
) -> TemplatePreview:
    """Validate `template` (TemplateError when it cannot number items) and render it for
    the newest item (from `newest_code_parts`) with `category`, or for a sample."""
    validate_template(template)
    if newest is not None:
        base, number = newest
    else:
        base, number = SAMPLE_PARTS, None
    parts = CodeParts(
        fonds or base.fonds, category, base.year, base.retention, base.klass, base.serial
    )
    return TemplatePreview(archival_code(template, parts), parts, number)


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
