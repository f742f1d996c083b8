"""The security policy the security officer sets: idle times, lockout, password length.
Kept in the archive's settings table under `security.*` keys."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.db.models import Setting
from archivist.errors import InputError

PREFIX = "security."

# key: (lowest, highest) accepted
BOUNDS: dict[str, tuple[int, int]] = {
    "session_idle_minutes": (1, 24 * 60),
    "window_lock_minutes": (1, 240),
    "lockout_attempts": (3, 20),
    "lockout_minutes": (1, 24 * 60),
    "password_min_length": (8, 64),
}


@dataclass(frozen=True)
class SecurityPolicy:
    session_idle_minutes: int = 30  # a command-line session ends after this idle time
    window_lock_minutes: int = 10  # the window locks after this idle time
    lockout_attempts: int = 5  # wrong passwords in a row before the account locks
    lockout_minutes: int = 15  # how long it stays locked
    password_min_length: int = 10

    def as_dict(self) -> dict[str, int]:
        return {f.name: int(getattr(self, f.name)) for f in fields(self)}


def read_policy(session: Session) -> SecurityPolicy:
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.like("security.%")))
    values: dict[str, int] = {}
    for key, value in rows:
        name = key[len(PREFIX) :]
        if name in BOUNDS:
            try:
                values[name] = int(value)
            except ValueError:
                continue
    return SecurityPolicy(**values)


def checked_edits(edits: dict[str, str]) -> dict[str, int]:
    """The edits as numbers, each refused if unknown or out of bounds."""
    checked: dict[str, int] = {}
    for key, text in edits.items():
        if key not in BOUNDS:
            raise InputError("security.unknown_setting", key=key[:64], keys=", ".join(BOUNDS))
        low, high = BOUNDS[key]
        try:
            value = int(str(text).strip())
        except ValueError:
            raise InputError("security.bad_value", key=key, low=low, high=high) from None
        if not low <= value <= high:
            raise InputError("security.bad_value", key=key, low=low, high=high)
        checked[key] = value
    if not checked:
        raise InputError("edit.nothing")
    return checked
