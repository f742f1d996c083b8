"""The log: one rotating file in the per-user data folder, and no failure left silent."""

from __future__ import annotations

import logging
import platform
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from platformdirs import user_data_dir

from archivist import __version__, logs
from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.cli import main as cli_main
from archivist.search.service import STALE_MARK, index_folder, refresh_items, search

from .conftest import cli_init, write_manifest


@pytest.fixture
def log_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(folder))
    monkeypatch.delenv(logs.LOG_LEVEL_ENV, raising=False)
    yield folder
    logs.shutdown()


def test_default_folder_is_the_per_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(logs.LOG_DIR_ENV, raising=False)
    expected = Path(user_data_dir("Archivist", appauthor=False)) / "logs"
    assert logs.log_folder() == expected
    assert logs.log_file() == expected / "archivist.log"


def test_the_log_file_is_written_where_promised(log_dir: Path, tmp_path: Path) -> None:
    path = logs.configure("archivist", archive=tmp_path / "库")
    logging.getLogger("archivist.test").warning("身份证 110101199003071234 的档案找不到了")
    logs.flush()
    assert path == log_dir / "archivist.log"
    text = path.read_text(encoding="utf-8")
    # The start line: program, version, platform and archive.
    assert f"archivist {__version__}" in text
    assert platform.platform() in text
    assert str(tmp_path / "库") in text
    # What was logged, in UTF-8, with the full ID number masked.
    assert "的档案找不到了" in text
    assert "110101199003071234" not in text
    assert "110101********1234" in text


def test_the_log_rotates_at_its_size_keeping_five_files(
    log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 4000)
    logs.configure("archivist")
    writer = logging.getLogger("archivist.test")
    for n in range(600):
        writer.warning("第 %d 行：一条足够长的日志记录，让文件很快写满", n)
    logs.flush()
    files = sorted(p.name for p in log_dir.iterdir())
    assert files == [
        "archivist.log",
        "archivist.log.1",
        "archivist.log.2",
        "archivist.log.3",
        "archivist.log.4",
    ]
    assert all((log_dir / name).stat().st_size <= 4000 for name in files)
    assert "第 599 行" in (log_dir / "archivist.log").read_text(encoding="utf-8")


def test_the_level_is_chosen_by_the_environment(
    log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = logging.getLogger("archivist.test")
    path = logs.configure("archivist")
    writer.debug("默认不记调试信息")
    monkeypatch.setenv(logs.LOG_LEVEL_ENV, "debug")
    logs.configure("archivist")  # again: one handler, not two
    writer.debug("现在记调试信息")
    logs.flush()
    text = path.read_text(encoding="utf-8")
    assert "默认不记调试信息" not in text
    assert text.count("现在记调试信息") == 1
    monkeypatch.setenv(logs.LOG_LEVEL_ENV, "loud")  # not a level: the default
    logs.configure("archivist")
    assert logging.getLogger().level == logging.INFO


def test_an_unwritable_log_folder_stops_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(blocker / "logs"))
    try:
        assert logs.configure("archivist") is None
        logging.getLogger("archivist.test").warning("无处可写")
    finally:
        logs.shutdown()
    assert capsys.readouterr().err == ""


def test_the_command_line_logs_its_start_and_its_defects(
    log_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "archive"
    cli_init(root, "J023", "测试")
    text = logs.log_file().read_text(encoding="utf-8")
    assert f"archivist {__version__}" in text and str(root) in text
    # A refusal is noted with its code (the person saw the sentence).
    assert cli_main(["--archive", str(tmp_path / "none"), "item", "list"]) != 0
    logs.flush()
    assert "archive.missing" in logs.log_file().read_text(encoding="utf-8")
    capsys.readouterr()


def _capture(archive: Archive, folder: Path) -> str:
    return capture_from_manifest(archive, write_manifest(folder)).number


def _break_index(archive: Archive) -> Path:
    """A file where the index folder belongs: neither the index nor its stale mark
    can be written there."""
    folder = index_folder(archive)
    archive.search_index = None
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not an index", encoding="utf-8")
    return folder


def test_an_index_failure_leaves_a_log_line(
    archive: Archive, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _capture(archive, tmp_path / "drop")
    folder = _break_index(archive)
    with caplog.at_level(logging.WARNING, logger="archivist"):
        refresh_items(archive, [1])  # derived data: the change itself is not refused
    messages = [r for r in caplog.records if r.name == "archivist.search.service"]
    assert any("index" in r.getMessage() and r.exc_info for r in messages)
    # Nor could it be marked stale: that too is in the log.
    assert any(str(folder) in r.getMessage() for r in messages)


def test_an_index_that_fails_a_search_is_rebuilt_and_logged(
    archive: Archive, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _capture(archive, tmp_path / "drop")
    index = index_folder(archive)
    (index / STALE_MARK).write_text("rebuild\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="archivist"):
        total, _hits = search(archive, "失业")
    assert total == 1
    assert any("rebuil" in r.getMessage() for r in caplog.records)
