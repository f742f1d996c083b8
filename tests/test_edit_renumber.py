"""Numbers change only through an audited renumbering; edits move folders with the files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.capture import capture_from_manifest
from archivist.errors import InputError
from archivist.items import edit, renumber, show
from archivist.verify import verify

from .conftest import run_cli, stored_files, write_manifest


def test_edit_moves_the_folder_when_the_month_changes(archive: Archive, tmp_path: Path) -> None:
    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    view = edit(
        archive,
        number,
        completed_on=dt.date(2023, 7, 1),
        title="张三失业保险金申领（更正）",
        reason="日期录错",
    )
    assert view["number"] == number
    assert view["folder"] == "files/失业保险金申领/2023-07/张三/2023-SY-000001"
    assert all((archive.root / m["file"]).is_file() for m in view["materials"])
    assert not (archive.layout.files / "失业保险金申领" / "2023-05").exists()
    event = view["history"][-1]
    assert event["action"] == "item.edit" and event["reason"] == "日期录错"
    assert (
        event["before"]["completed_on"] == "2023-05-12"
        and event["after"]["completed_on"] == "2023-07-01"
    )
    assert verify(archive).ok


def test_edit_refuses_a_change_of_year(archive: Archive, tmp_path: Path) -> None:
    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    with pytest.raises(InputError) as info:
        edit(archive, number, completed_on=dt.date(2022, 7, 1), reason="x")
    assert info.value.code == "edit.needs_renumber"
    assert show(archive, number)["completed_on"] == "2023-05-12"


def test_renumber_to_another_class_leaves_an_explained_vacancy(
    archive: Archive, tmp_path: Path
) -> None:
    first = capture_from_manifest(archive, write_manifest(tmp_path / "a")).number
    second = capture_from_manifest(archive, write_manifest(tmp_path / "b")).number
    view = renumber(archive, first, class_code="GS", business_type="工伤认定", reason="误归失业类")
    assert view["number"] == "2023-GS-000001"
    assert view["archival_code"] == "J023-SB·2023-D50-GS-0001"
    assert view["retention"] == "D50" and view["expires_on"] == "2074-01-01"
    assert view["folder"] == "files/工伤认定/2023-05/张三/2023-GS-000001"
    assert view["history"][-1]["before"]["number"] == first
    assert len(stored_files(archive)) == 6
    report = verify(archive)
    assert report.ok, [f.message() for f in report.findings]
    assert show(archive, second)["number"] == second
    # The next SY item still continues after the vacancy.
    third = capture_from_manifest(archive, write_manifest(tmp_path / "c")).number
    assert third == "2023-SY-000003"


def test_renumber_cli(archive: Archive, tmp_path: Path) -> None:
    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    archive.close()
    out = run_cli(
        "--archive",
        str(archive.root),
        "item",
        "renumber",
        number,
        "--completed-on",
        "2022-12-30",
        "--reason",
        "办结日期更正",
        check=True,
    )
    assert out.stdout.strip() == f"{number} → 2022-SY-000001（J023-SB·2022-D10-SY-0001）"
    assert run_cli("--archive", str(archive.root), "verify").returncode == 0
    nothing = run_cli(
        "--archive", str(archive.root), "item", "renumber", "2022-SY-000001", "--reason", "x"
    )
    assert nothing.returncode == 1 and "没有要修改" in nothing.stderr
