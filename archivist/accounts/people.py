"""Who is acting: the signed-in person as the core sees them."""

from __future__ import annotations

import getpass
import os
import socket
from dataclasses import dataclass

from archivist.accounts.roles import Right, Role, rights_of


def os_user() -> str:
    """The OS account this process runs as. On POSIX from the process's user id (the
    environment's USER or LOGNAME can be set to anything); on Windows the logon name."""
    if hasattr(os, "geteuid"):
        import pwd

        try:
            return pwd.getpwuid(os.geteuid()).pw_name
        except KeyError:  # no user database entry (containers)
            return f"uid-{os.geteuid()}"
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def this_seat() -> str:
    """The workstation an access comes from: OS user @ host (the access log's 'seat')."""
    return f"{os_user()}@{socket.gethostname()}"[:200]


@dataclass(frozen=True)
class Person:
    """A signed-in account. `rights` follow from the roles (archivist.accounts.roles)."""

    account_id: int | None
    user_name: str
    display_name: str
    roles: frozenset[Role]
    seat: str = ""
    must_change_password: bool = False
    service: bool = False
    # Only while an archive (or its first accounts) is being created: the right FOUND
    # and nothing else, whatever the roles.
    founding: bool = False

    @property
    def rights(self) -> frozenset[Right]:
        if self.founding:
            return frozenset({Right.FOUND})
        return rights_of(self.roles)

    def may(self, right: Right) -> bool:
        return right in self.rights

    @property
    def sees_id_numbers(self) -> bool:
        return self.may(Right.ID_NUMBERS)

    @classmethod
    def founder(cls, user_name: str) -> Person:
        """Who creates an archive (its system administrator) while nobody can sign in yet."""
        return cls(
            None,
            user_name,
            user_name,
            frozenset(),
            seat=this_seat(),
            founding=True,
        )


def seat_from_environment() -> str:
    """The seat: always the real OS user @ host; a scheduled job may add a label of its
    own (ARCHIVIST_SEAT), shown after it, never instead of it."""
    label = "".join(c for c in os.environ.get("ARCHIVIST_SEAT", "") if c.isprintable())[:60]
    return f"{this_seat()} ({label})"[:200] if label else this_seat()
