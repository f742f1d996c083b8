"""Named crash points so tests can kill a process half-way through real work."""

from __future__ import annotations

import os

CRASH_EXIT_CODE = 86


def crash_point(name: str) -> None:
    """Exit at once, like a power cut, if ARCHIVIST_CRASH_AT names this point."""
    if os.environ.get("ARCHIVIST_CRASH_AT") == name:
        os._exit(CRASH_EXIT_CODE)
