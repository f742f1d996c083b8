"""A crash at any point leaves the complete item or nothing, files and rows alike."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from archivist.arrangement.items import show
from archivist.faults import CRASH_EXIT_CODE
from archivist.integrity.verify import verify

from .conftest import (
    ROOT,
    cli_init,
    leftovers,
    open_archive,
    run_cli,
    run_cli_process,
    stored_files,
    write_manifest,
)


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    path = tmp_path / "archive"
    cli_init(path, "J1", "测试")
    return path


@pytest.mark.parametrize(
    "point", ["capture.after_copy", "capture.after_move", "capture.before_commit"]
)
def test_crash_before_commit_leaves_nothing(archive_dir: Path, tmp_path: Path, point: str) -> None:
    manifest = write_manifest(tmp_path / "in")
    # A real process: the crash point ends it at once, as a power cut would.
    crashed = run_cli_process(
        "--archive",
        str(archive_dir),
        "capture",
        "--manifest",
        str(manifest),
        env={"ARCHIVIST_CRASH_AT": point},
    )
    assert crashed.returncode == CRASH_EXIT_CODE
    assert leftovers(_LayoutOnly(archive_dir)) != []  # type: ignore[arg-type]  # debris exists
    with open_archive(archive_dir) as archive:
        assert archive.recovered and "rolled back" in archive.recovered[0]
        assert archive.summary()["items"] == 0
        assert stored_files(archive) == []
        assert leftovers(archive) == []
        assert verify(archive).ok
    # The serial was not consumed: the next capture gets 000001, gap-free.
    again = run_cli(
        "--archive", str(archive_dir), "capture", "--manifest", str(manifest), check=True
    )
    assert again.stdout.strip() == "2023-SY-000001"


def test_crash_after_commit_keeps_the_item(archive_dir: Path, tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in")
    # A real process: the crash point ends it at once, as a power cut would.
    crashed = run_cli_process(
        "--archive",
        str(archive_dir),
        "capture",
        "--manifest",
        str(manifest),
        env={"ARCHIVIST_CRASH_AT": "capture.after_commit"},
    )
    assert crashed.returncode == CRASH_EXIT_CODE
    with open_archive(archive_dir) as archive:
        assert "committed" in archive.recovered[0]
        assert archive.summary()["items"] == 1
        assert len(stored_files(archive)) == 3
        assert leftovers(archive) == []
        assert verify(archive).ok


@pytest.mark.parametrize("point", ["moves.between_phases", "item.reorder.after_moves"])
def test_crash_during_reorder_restores_the_old_order(
    archive_dir: Path, tmp_path: Path, point: str
) -> None:
    manifest = write_manifest(tmp_path / "in")
    number = run_cli(
        "--archive", str(archive_dir), "capture", "--manifest", str(manifest), check=True
    ).stdout.strip()
    with open_archive(archive_dir) as archive:
        before = show(archive, number)["materials"]
    # A real process: the crash point ends it at once, as a power cut would.
    crashed = run_cli_process(
        "--archive",
        str(archive_dir),
        "item",
        "reorder",
        number,
        "--order",
        "3,2,1",
        "--reason",
        "测试",
        env={"ARCHIVIST_CRASH_AT": point},
    )
    assert crashed.returncode == CRASH_EXIT_CODE
    with open_archive(archive_dir) as archive:
        after = show(archive, number)["materials"]
        assert [(m["seq"], m["file"], m["sha256"]) for m in after] == [
            (m["seq"], m["file"], m["sha256"]) for m in before
        ]
        assert verify(archive).ok
        assert leftovers(archive) == []


def test_reorder_renames_files_and_is_audited(archive_dir: Path, tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in")
    number = run_cli(
        "--archive", str(archive_dir), "capture", "--manifest", str(manifest), check=True
    ).stdout.strip()
    run_cli(
        "--archive",
        str(archive_dir),
        "item",
        "reorder",
        number,
        "--order",
        "1,3,2",
        "--reason",
        "李四为主申请人",
        check=True,
    )
    with open_archive(archive_dir) as archive:
        view = show(archive, number)
        assert [m["title"] for m in view["materials"]] == [
            "失业保险金申领登记表",
            "身份证复印件",
            "解除劳动合同证明",
        ]
        assert [Path(m["file"]).name for m in view["materials"]] == [
            "01-表单-a.pdf",
            "02-凭证-b.jpg",
            "03-凭证-c.jpg",
        ]
        assert "人工调整：李四为主申请人" in view["materials"][1]["order_reason"]
        assert view["history"][-1]["action"] == "item.reorder"
        assert view["history"][-1]["reason"] == "李四为主申请人"
        assert verify(archive).ok


# Another process, alive, half-way through writing its journal: it holds the lock.
LIVE_OPERATION = """
import sys, time
from pathlib import Path
from archivist.storage.journal import lock_on_disk

folder = Path(sys.argv[1])
lock = lock_on_disk(folder / "live-op.lock")
(folder / "live-op.json.tmp").write_text("{", encoding="utf-8")
print("holding", flush=True)
time.sleep(120)
"""


def test_leftover_locks_and_half_written_journals_are_removed_but_not_live_ones(
    archive_dir: Path, tmp_path: Path
) -> None:
    journals = archive_dir / ".work" / "journal"
    # A real process: the crash point ends it at once, as a power cut would.
    crashed = run_cli_process(
        "--archive",
        str(archive_dir),
        "capture",
        "--manifest",
        str(write_manifest(tmp_path / "in")),
        env={"ARCHIVIST_CRASH_AT": "journal.after_lock"},
    )
    assert crashed.returncode == CRASH_EXIT_CODE
    dead = sorted(journals.glob("*.lock"))
    assert len(dead) == 1 and not list(journals.glob("*.json"))
    # And one killed while writing its journal: the temporary file, never renamed.
    (journals / "killed-op.json.tmp").write_text('{"op_id": "kil', encoding="utf-8")
    (journals / "killed-op.lock").touch()
    live = subprocess.Popen(
        [sys.executable, "-c", LIVE_OPERATION, str(journals)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert live.stdout is not None and live.stdout.readline().strip() == "holding"
        with open_archive(archive_dir) as archive:
            assert archive.recovered == []
            assert [p.name for p in leftovers(archive)] == ["live-op.json.tmp", "live-op.lock"]
    finally:
        live.kill()
        live.wait()
    with open_archive(archive_dir) as archive:
        assert leftovers(archive) == []
        assert verify(archive).ok
    # The archive works as before: the next capture gets the first number.
    again = run_cli(
        "--archive",
        str(archive_dir),
        "capture",
        "--manifest",
        str(write_manifest(tmp_path / "in")),
        check=True,
    )
    assert again.stdout.strip() == "2023-SY-000001"


class _LayoutOnly:
    """Just enough of an archive for `leftovers` without opening (and so recovering) it."""

    def __init__(self, root: Path) -> None:
        from archivist.archive import Layout

        self.layout = Layout(root)
