"""Check digits of Chinese identity codes.

- Citizen ID numbers, GB 11643-1999: 17 digits + ISO 7064 MOD 11-2 check character.
- Unified social credit codes of units, GB 32100-2015: 18 characters + MOD 31 check.
"""

from __future__ import annotations

import datetime as dt

from archivist.errors import InputError
from archivist.rules.limits import EARLIEST_BIRTH, clip

_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_check_character(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def normalise_id_number(value: object) -> str:
    """Validate a resident ID number and return it upper-cased; raise InputError if bad.

    It must be text (a number loses a leading zero and the X), 18 characters, with a
    real birth date between EARLIEST_BIRTH and today and the right check character."""
    if not isinstance(value, str):
        raise InputError(
            "id_number.invalid", value=clip(value), reason="应为文字 / must be text, not a number"
        )
    text = value.strip().upper()
    if len(text) != 18:
        raise InputError(
            "id_number.invalid", value=clip(value), reason="应为18位 / must be 18 characters"
        )
    if not text[:17].isascii() or not text[:17].isdigit() or text[17] not in "0123456789X":
        raise InputError(
            "id_number.invalid", value=clip(value), reason="含非法字符 / bad characters"
        )
    try:
        born = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise InputError(
            "id_number.invalid", value=value, reason="出生日期无效 / bad birth date"
        ) from None
    if not EARLIEST_BIRTH <= born <= dt.date.today():
        raise InputError(
            "id_number.invalid",
            value=value,
            reason=f"出生日期 {born.isoformat()} 不合理 / implausible birth date {born.isoformat()}",
        )
    if id_check_character(text[:17]) != text[17]:
        raise InputError("id_number.invalid", value=value, reason="校验码错误 / wrong check digit")
    return text


def uscc_check_character(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a credit code."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def normalise_unit_code(value: object) -> str:
    """Validate an 18-character unified social credit code; raise InputError if bad."""
    if not isinstance(value, str):
        raise InputError(
            "unit_code.invalid", value=clip(value), reason="应为文字 / must be text, not a number"
        )
    text = value.strip().upper()
    if len(text) != 18 or any(c not in _USCC_CHARS for c in text):
        raise InputError(
            "unit_code.invalid",
            value=clip(value),
            reason="应为18位代码 / must be 18 code characters",
        )
    if uscc_check_character(text[:17]) != text[17]:
        raise InputError("unit_code.invalid", value=value, reason="校验码错误 / wrong check digit")
    return text


def mask_id_number(value: str) -> str:
    """Show an ID number only to those who need it: keep the region and the last four."""
    if len(value) < 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]
