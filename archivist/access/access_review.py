"""Reading the access log (the auditor and the security officer): filtered by person,
item and date; reading it is itself an access event."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from archivist.accounts import access_log
from archivist.accounts.access_log import AccessEntry, AccessKind
from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.errors import InputError

if TYPE_CHECKING:
    from archivist.archive import Archive


def _day(value: str | None, field: str) -> str | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value.strip())
        # events are stamped in UTC: a local day starts at local midnight
        start = dt.datetime.combine(day, dt.time()).astimezone(dt.UTC)
    except (ValueError, OverflowError):  # not a date, or a day outside what clocks hold
        raise InputError("date.invalid", field=field, value=value[:40]) from None
    return start.isoformat(timespec="microseconds")


def read_access_log(
    archive: Archive,
    *,
    user_name: str | None = None,
    item: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    limit: int = 1000,
) -> list[AccessEntry]:
    require(archive, Right.ACCESS_REVIEW, "access_log.read")
    start, end = _day(since, "--since"), _day(until, "--until")
    target = f"item:{item.strip()}" if item else None
    with archive.db.reading() as session:
        entries = access_log.query(
            session,
            user_name=user_name,
            target=target,
            since=start,
            until=end,
            kind=kind,
            limit=max(1, min(limit, 100_000)),
        )
    filters = {
        k: v
        for k, v in {"user": user_name, "item": item, "since": since, "until": until}.items()
        if v
    }
    access_log.record(archive, AccessKind.READ_ACCESS_LOG, "access_log", filters or None)
    return entries
