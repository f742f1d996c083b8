"""Retention periods (保管期限) and the expiry date they give.

Fixed terms are minimums that run from 1 January of the year after the record was
formed: expires_on = date(year_formed + 1 + N, 1, 1). 永久 (Y) never expires.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from archivist.errors import InputError

ACCOUNTING = "ACCOUNTING"
_FIXED = re.compile(r"^D(\d{1,3})$")
# Event-based periods of Order 79 (e.g. fixed-asset cards: 5 years after scrapping).
_EVENT_BASED = {"ASSET+5": "固定资产报废清理后5年"}


@dataclass(frozen=True)
class Retention:
    code: str

    @property
    def years(self) -> int | None:
        match = _FIXED.match(self.code)
        return int(match.group(1)) if match else None

    @property
    def is_permanent(self) -> bool:
        return self.code == "Y"

    @property
    def label(self) -> str:
        if self.is_permanent:
            return "永久"
        if self.years is not None:
            return f"{self.years}年"
        return _EVENT_BASED.get(self.code, self.code)

    def expires_on(self, formed_on: dt.date) -> dt.date | None:
        """The first day the record may be appraised; None when it never expires
        or when the period runs from a later event."""
        years = self.years
        if years is None:
            return None
        return dt.date(formed_on.year + 1 + years, 1, 1)


def parse_retention(value: str) -> Retention:
    code = value.strip().upper()
    if code == "Y" or _FIXED.match(code) or code in _EVENT_BASED:
        if _FIXED.match(code) and int(code[1:]) == 0:
            raise InputError("retention.invalid", value=value)
        return Retention(code)
    raise InputError("retention.invalid", value=value)
