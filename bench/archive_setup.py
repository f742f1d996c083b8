"""The benchmarks' archive: one fonds, the three administrators and the people a
benchmark needs, every account with one password (the product's own argon2id
parameters: a benchmark signs in as a user would)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from archivist.accounts import directory
from archivist.accounts.directory import Administrators, NewAccount
from archivist.archive import Archive
from archivist.changes import audit, replay

FONDS = ("B001", "基准测试全宗")
PASSWORD = "Jizhun-2026-mima"
ADMINISTRATORS = Administrators(
    NewAccount("admin", "系统管理员", PASSWORD),
    NewAccount("security", "安全保密员", PASSWORD),
    NewAccount("auditor", "安全审计员", PASSWORD),
)


def new_archive(root: Path, fonds: tuple[str, str] = FONDS) -> Archive:
    """A fresh archive at `root` with the benchmarks' fonds and administrators."""
    return Archive.init(root, *fonds, ADMINISTRATORS)


def new_clerks_archive(root: Path, fonds: tuple[str, str] = FONDS) -> Archive:
    """A fresh archive with an archivist, "clerk", signed in."""
    archive = new_archive(root, fonds)
    add_person(archive, "clerk", "档案员", ["archivist"])
    return archive


def open_as_clerk(root: Path) -> Archive:
    archive = Archive.open(root)
    archive.sign_in("clerk", PASSWORD)
    return archive


def add_person(
    archive: Archive,
    user: str,
    display_name: str,
    roles: Sequence[str],
    *,
    service: bool = False,
) -> None:
    """An account made by the system administrator, its roles granted by the security
    officer; a person then replaces the first password as the product requires (a
    service account keeps it). Leaves the new account signed in."""
    first = PASSWORD if service else PASSWORD + "-first"
    archive.sign_in("admin", PASSWORD)
    directory.add_account(archive, user, display_name, first, service=service)
    archive.sign_in("security", PASSWORD)
    for role in roles:
        directory.grant_role(archive, user, role, "基准测试：岗位分配")
    archive.sign_in(user, first)
    if not service:
        directory.change_own_password(archive, first, PASSWORD)


def vouch_for_rows(
    archive: Archive,
    tables: Sequence[str] = ("entities", "items", "materials", "number_counters"),
    chunk_rows: int = 2000,
) -> None:
    """Rows a benchmark inserted in bulk, carried into the trail as capture would have
    (the after-state replay reads), in events of `chunk_rows` rows."""
    with archive.db.writing() as session:
        for name in tables:
            chunks: list[dict[str, Any]] = [{}]
            for key, values in replay.rows(session, name):
                if len(chunks[-1]) >= chunk_rows:
                    chunks.append({})
                chunks[-1][key] = values
            for chunk in chunks:
                if chunk:
                    audit.record(
                        session,
                        actor="bench",
                        action="item.capture",
                        target=f"bench:{name}",
                        after={"rows": len(chunk)},
                        state={name: chunk},
                    )
