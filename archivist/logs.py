"""The program's log: one rotating file in the per-user data folder.

The command line and the window call `configure` once at start; every module logs
through its own `logging.getLogger(__name__)`. The log is for whoever supports the
archive room: what started on which archive, what failed and its traceback. It holds
no passwords, and full ID numbers are masked in every line on the way in.

    <per-user data folder>/Archivist/logs/archivist.log   (+ .1 … .4: 1 MB each)

`ARCHIVIST_LOG_DIR` puts the folder elsewhere; `ARCHIVIST_LOG_LEVEL` (DEBUG, INFO,
WARNING, ERROR) chooses how much is written (INFO by default).
"""

from __future__ import annotations

import logging
import os
import platform
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_data_dir

from archivist import __version__
from archivist.rules.identity import mask_id_number

LOG_DIR_ENV = "ARCHIVIST_LOG_DIR"
LOG_LEVEL_ENV = "ARCHIVIST_LOG_LEVEL"
LOG_NAME = "archivist.log"
MAX_BYTES = 1_000_000  # per file
FILES = 5  # the current file and four older ones
DEFAULT_LEVEL = logging.INFO
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
# Libraries that say much at INFO: only their warnings, unless DEBUG is chosen.
CHATTY = ("PIL", "fontTools", "pikepdf", "rapidocr", "RapidOCR", "onnxruntime", "whoosh")
# Lines Alembic writes on every opening of an archive (its upgrades stay in the log).
ROUTINE = ("Context impl ", "Will assume ")
# 17 digits and a check character, not part of a longer run (as archivist.search.masking).
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")

log = logging.getLogger(__name__)


def log_folder() -> Path:
    env = os.environ.get(LOG_DIR_ENV)
    return Path(env) if env else Path(user_data_dir("Archivist", appauthor=False)) / "logs"


def log_file() -> Path:
    return log_folder() / LOG_NAME


def chosen_level(text: str | None = None) -> int:
    """The level `ARCHIVIST_LOG_LEVEL` (or `text`) names; INFO for none or nonsense."""
    name = (text if text is not None else os.environ.get(LOG_LEVEL_ENV, "")).strip().upper()
    level = logging.getLevelName(name) if name else DEFAULT_LEVEL
    return level if isinstance(level, int) else DEFAULT_LEVEL


class MaskingFormatter(logging.Formatter):
    """Every line, traceback included, with full ID numbers masked (region and last
    four kept, as the item detail shows them)."""

    def format(self, record: logging.LogRecord) -> str:
        return ID_NUMBER.sub(lambda m: mask_id_number(m.group(0)), super().format(record))


def _not_routine(record: logging.LogRecord) -> bool:
    return not (record.name.startswith("alembic") and record.getMessage().startswith(ROUTINE))


class SharedRotatingFileHandler(RotatingFileHandler):
    """The window, a command line and an OCR run may write the one file at once. On
    Windows a file another process holds open cannot be renamed: then this process
    goes on writing where it is and tries the rollover again with a later line."""

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        """Would this line pass the size? Counted in bytes (the standard handler counts
        characters, and a Chinese character is three bytes in UTF-8)."""
        if self.maxBytes <= 0:
            return False
        if self.stream is None:
            self.stream = self._open()
        line = f"{self.format(record)}{self.terminator}".encode(self.encoding or "utf-8")
        self.stream.seek(0, 2)
        return bool(self.stream.tell() + len(line) >= self.maxBytes)

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
                self.stream = self._open()


# The handler `configure` installed (a second call replaces it).
_installed: list[logging.Handler] = []


def configure(program: str, *, archive: Path | str | None = None) -> Path | None:
    """Log to the rotating file from now on and note the start: program, version,
    platform and archive. Returns the log file, or None when its folder cannot be
    written (then nothing is logged and nothing else changes: the work goes on)."""
    root = logging.getLogger()
    shutdown()
    level = chosen_level()
    path = log_file()
    handler: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = SharedRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=FILES - 1, encoding="utf-8"
        )
    except OSError:
        # Nowhere to write: a null handler keeps warnings off the person's console.
        handler, result = logging.NullHandler(), None
    else:
        result = path
    handler.setFormatter(MaskingFormatter(FORMAT))
    handler.addFilter(_not_routine)
    root.addHandler(handler)
    _installed.append(handler)
    root.setLevel(level)
    for name in CHATTY:
        quiet = logging.NOTSET if level <= logging.DEBUG else logging.WARNING
        logging.getLogger(name).setLevel(quiet)
    log.info(
        "%s %s started · Python %s · %s · archive %s",
        program,
        __version__,
        platform.python_version(),
        platform.platform(),
        archive if archive is not None else "-",
    )
    return result


def flush() -> None:
    for handler in _installed:
        handler.flush()


def shutdown() -> None:
    """Undo `configure`: close the log file it opened (tests; a second `configure`)."""
    root = logging.getLogger()
    if _installed:
        root.setLevel(logging.WARNING)  # the default of an unconfigured program
    while _installed:
        handler = _installed.pop()
        root.removeHandler(handler)
        handler.close()
