"""A read-only copy of an archive can be read, searched and verified (issue 11, point 18).

Every command used to fail with "档案库文件夹不可写" on a copy that cannot be written (a
disc, a write-protected share, `chmod -R a-w`). Now the archive opens read-only:
reading commands work, writing ones refuse with a clear message, and nothing in the
copy is changed. As root the commands run as an unprivileged user (root may write
anything).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from archivist.errors import ArchiveError

from .conftest import (
    PASSWORD,
    ROOT,
    cli_init,
    init_archive,
    run_cli,
    run_cli_process,
    write_manifest,
)

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture(scope="module")
def base() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="ro-copy-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o700)
        shutil.rmtree(folder)


def make_read_only(folder: Path) -> None:
    """`chmod -R a-w`, and readable by all (the unprivileged user is not the owner)."""
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(
            (mode | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH) & ~0o222
            | (0o111 if path.is_dir() else 0)
        )


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def copy(base: Path) -> dict[str, str]:
    """An archive with two items in a volume, copied and made read-only."""
    original = base / "original"
    root = str(original)
    cli_init(Path(root), "J1", "测试")
    numbers = [
        run_cli(
            "--archive",
            root,
            "capture",
            "--manifest",
            str(write_manifest(base / "in" / word, title=f"张三{word}失业保险金申领")),
            check=True,
        ).stdout.strip()
        for word in ("冬青", "白杨")
    ]
    run_cli("--archive", root, "volume", "build", "--year", "2023", "--class", "SY", check=True)
    volumes = json.loads(run_cli("--archive", root, "volume", "list", "--json", check=True).stdout)
    read_only = base / "copy"
    shutil.copytree(original, read_only)
    make_read_only(read_only)
    out = base / "out"
    out.mkdir()
    out.chmod(0o777)
    home = base / "home"
    home.mkdir()
    home.chmod(0o777)
    return {
        "root": str(read_only),
        "first": numbers[0],
        "second": numbers[1],
        "volume": volumes[0]["code"],
        "out": str(out),
        "home": str(home),
    }


def run_unprivileged(copy: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """As another OS user, signed in for the one command (a read-only copy keeps no
    session): `--user tester --password-file`."""
    prefix = NOBODY if os.geteuid() == 0 else []
    secret = Path(copy["home"]) / "password"
    if not secret.exists():
        secret.write_text(PASSWORD + "\n", encoding="utf-8")
        secret.chmod(0o644)
    sign_in = ["--user", "tester", "--password-file", str(secret)]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "archivist", "--archive", copy["root"], *sign_in, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "HOME": copy["home"]},
        timeout=120,
    )


def test_reading_commands_work_on_a_read_only_copy(copy: dict[str, str]) -> None:
    before = fingerprint(Path(copy["root"]))
    verified = run_unprivileged(copy, "verify", "--json")
    assert verified.returncode == 0, verified.stderr
    report = json.loads(verified.stdout)
    assert report["ok"] and report["files_checked"] == 6

    found = run_unprivileged(copy, "search", "白杨", "--json")
    assert found.returncode == 0, found.stderr
    assert copy["second"] in found.stdout and copy["first"] not in found.stdout

    for args in (
        ("item", "show", copy["first"]),
        ("item", "list"),
        ("summary",),
        ("where", copy["first"]),
        ("volume", "list"),
        ("volume", "show", copy["volume"]),
    ):
        result = run_unprivileged(copy, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert result.stdout.strip(), args
    summary = json.loads(run_unprivileged(copy, "summary", "--json").stdout)
    assert summary["items"] == 2

    register = Path(copy["out"]) / "items.docx"
    made = run_unprivileged(copy, "register", "item-list", "--year", "2023", "--out", str(register))
    assert made.returncode == 0, made.stderr
    assert register.stat().st_size > 0
    # Nothing in the copy was written (no lock, journal, WAL or index file).
    assert fingerprint(Path(copy["root"])) == before


def test_writing_commands_refuse_clearly(copy: dict[str, str]) -> None:
    before = fingerprint(Path(copy["root"]))
    for args in (
        ("item", "edit", copy["first"], "--title", "新题名", "--reason", "更正"),
        ("capture", "--manifest", str(write_manifest(Path(copy["out"]) / "new"))),
        ("reindex",),
    ):
        result = run_unprivileged(copy, *args)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (args, result.stderr)
        assert "不可写" in lines[0] and copy["root"] in lines[0], (args, lines)
        assert "Traceback" not in result.stderr
    assert fingerprint(Path(copy["root"])) == before


def test_a_read_only_copy_that_needs_recovery_is_refused(base: Path, tmp_path: Path) -> None:
    """Recovery would have to write: say so instead of reading half-done work."""
    root = base / "needs-recovery"
    cli_init(root, "J1", "测试")
    # A real process: the crash point ends it at once, as a power cut would.
    crashed = run_cli_process(
        "--archive",
        str(root),
        "capture",
        "--manifest",
        str(write_manifest(tmp_path / "in")),
        env={"ARCHIVIST_CRASH_AT": "capture.after_move"},
    )
    assert crashed.returncode != 0
    make_read_only(root)
    home = base / "home"
    home.mkdir(exist_ok=True)
    home.chmod(0o777)
    result = run_unprivileged({"root": str(root), "home": str(home)}, "verify")
    assert result.returncode == 1
    assert "中断的操作需要恢复" in result.stderr and str(root) in result.stderr
    assert "Traceback" not in result.stderr


def test_writes_through_a_read_only_archive_object_are_refused(tmp_path: Path) -> None:
    """In the process: the database of a read-only archive refuses every write."""
    from archivist.db.engine import Database, read_only_sqlite_url

    root = tmp_path / "archive"
    init_archive(root).close()
    db = Database(read_only_sqlite_url(root / "archive.db"), read_only=True, where=str(root))
    try:
        with pytest.raises(ArchiveError) as raised, db.writing():
            pass
        assert raised.value.code == "archive.read_only"
        assert "不可写" in raised.value.message("zh")
        assert "read-only" in raised.value.message("en")
        with db.reading() as session:
            assert session.execute(text("select count(*) from items")).scalar() == 0
    finally:
        db.dispose()
