"""Sane bounds on what a person types or a manifest says: one place for capture and edits.

Dates of the agency's records run from the founding of the People's Republic
(1949-10-01; override with the environment variable ARCHIVIST_EARLIEST_DATE) to
tomorrow (one day of slack for clocks and time zones); only YYYY-MM-DD is accepted.
Free texts are bounded so that one field cannot bloat the database, the search index
or the audit trail.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from typing import Any

from archivist.errors import InputError

log = logging.getLogger(__name__)

EARLIEST_DATE = dt.date(1949, 10, 1)
# Birth dates in 18-digit ID numbers: the oldest holders of such a number (issued from
# 1999) were born in the 1880s; nobody is born after today.
EARLIEST_BIRTH = dt.date(1880, 1, 1)

# Longest accepted texts, in characters.
MAX_TITLE = 200
MAX_NAME = 100  # a person's or unit's name; a roster entry
MAX_HANDLER = 50
MAX_MATERIAL_TITLE = 200
MAX_REASON = 500
MAX_FILE_NAME = 1000
# Largest manifest file, roster and material list.
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_ROSTER = 2000
MAX_MATERIALS = 1000
# Nesting of a manifest's JSON (it needs 4 levels).
MAX_JSON_DEPTH = 32

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def earliest_date() -> dt.date:
    """The earliest completion date accepted (ARCHIVIST_EARLIEST_DATE overrides)."""
    value = os.environ.get("ARCHIVIST_EARLIEST_DATE", "").strip()
    if value and _DAY.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass  # not a real day: the default, as for any other malformed value
    if value:
        log.warning("ARCHIVIST_EARLIEST_DATE=%r is not a date: %s used", value, EARLIEST_DATE)
    return EARLIEST_DATE


def latest_date() -> dt.date:
    return dt.date.today() + dt.timedelta(days=1)


def clip(value: Any, limit: int = 60) -> str:
    """A value as it may appear inside a message: one line, at most `limit` characters."""
    text = value if isinstance(value, str) else repr(value)
    text = text.replace("\x00", "\\0").replace("\n", " ").replace("\r", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_day(value: Any, field: str) -> dt.date:
    """A date given as text: exactly YYYY-MM-DD, a real day, within the accepted range."""
    if not isinstance(value, str) or not _DAY.match(value.strip()):
        raise InputError("date.invalid", value=clip(value), field=field)
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError("date.invalid", value=clip(value), field=field) from None
    return check_day(day, field)


def check_day(day: dt.date, field: str) -> dt.date:
    """A date within the agency's plausible range (see module doc)."""
    earliest, latest = earliest_date(), latest_date()
    if day < earliest:
        raise InputError(
            "date.too_early", value=day.isoformat(), field=field, earliest=earliest.isoformat()
        )
    if day > latest:
        raise InputError(
            "date.future", value=day.isoformat(), field=field, latest=latest.isoformat()
        )
    return day


def check_text(
    value: Any, field: str, limit: int, *, file: str = "", required: bool = False
) -> str:
    """Free text: a string without control characters, stripped, at most `limit` long."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InputError("manifest.missing_field", field=field, file=file)
        return ""
    if not isinstance(value, str):
        raise InputError("value.not_text", field=field, value=clip(value), file=file)
    text = value.strip()
    if len(text) > limit:
        raise InputError("value.too_long", field=field, limit=limit, length=len(text), file=file)
    if any(ord(c) < 32 and c not in "\t\n\r" for c in text):
        raise InputError("value.control_characters", field=field, value=clip(text), file=file)
    return text


def check_item_values(
    *,
    title: str | None = None,
    handler: str | None = None,
    completed_on: dt.date | None = None,
    file: str = "",
) -> tuple[str | None, str | None]:
    """The checks an item's own values pass at capture and on every edit; returns the
    cleaned title and handler (None where not given)."""
    clean_title = (
        check_text(title, "title", MAX_TITLE, file=file, required=True)
        if title is not None
        else None
    )
    clean_handler = (
        check_text(handler, "handler", MAX_HANDLER, file=file) if handler is not None else None
    )
    if completed_on is not None:
        check_day(completed_on, "completed_on")
    return clean_title, clean_handler
