"""Verify's scratch file in the temporary folder: a folder that is full or cannot be
written is a clear error naming it, never a traceback, and the archive is untouched."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.db.scratch import Scratch
from archivist.errors import ArchiveError

from .conftest import run_cli


def test_a_full_scratch_file_is_a_clear_error() -> None:
    with Scratch() as scratch:
        scratch.execute("CREATE TABLE t (v TEXT)")
        scratch.execute("PRAGMA max_page_count = 2")  # SQLite's own "disk full"
        with pytest.raises(ArchiveError) as full:
            scratch.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 50)
        folder = scratch.folder
    assert full.value.code == "scratch.disk_full"
    assert str(folder) in full.value.message("zh") and "临时文件夹已满" in full.value.message("zh")
    assert not folder.exists()  # removed when the check ends, whatever happened


def test_verify_with_an_unusable_temporary_folder(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "temp-is-a-file"
    not_a_folder.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    result = run_cli("--archive", str(archive.root), "verify")
    assert result.returncode not in (0, 70), result.stderr
    assert "Traceback" not in result.stderr
    assert "临时文件夹" in result.stderr and str(not_a_folder) in result.stderr
