"""Where the command line keeps its session: one small file per archive in the OS
user's configuration folder, readable by that user only. The file holds the token; the
archive's database decides whose session it is (archivist.accounts.signing), so an
edited file or one copied to another OS user is refused there."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from platformdirs import user_config_dir


def sessions_folder() -> Path:
    env = os.environ.get("ARCHIVIST_CONFIG_DIR")
    folder = Path(env) if env else Path(user_config_dir("Archivist", appauthor=False))
    return folder / "sessions"


def session_path(root: Path) -> Path:
    key = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:24]
    return sessions_folder() / f"{key}.json"


def save(root: Path, user_name: str, token: str) -> Path:
    path = session_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # a folder not ours: the file's own mode applies
        os.chmod(path.parent, 0o700)
    data = {"archive": str(root.resolve()), "user": user_name, "token": token}
    tmp = path.with_name(path.name + ".tmp")
    with contextlib.suppress(FileNotFoundError):  # a leftover (or planted) one
        tmp.unlink()
    # created anew, readable by this OS user only, before the token is written into it;
    # never through a link someone put there
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    handle = os.open(tmp, flags, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    return path


def load(root: Path) -> tuple[str, str] | None:
    """(user name, token) of the stored session, or None (none, or unreadable)."""
    try:
        data = json.loads(session_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    user, token = data.get("user"), data.get("token")
    if not isinstance(user, str) or not isinstance(token, str):
        return None
    return user, token


def remove(root: Path) -> bool:
    try:
        session_path(root).unlink()
    except FileNotFoundError:
        return False
    return True
