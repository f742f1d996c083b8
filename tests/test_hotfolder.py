"""Hot folder: a drop is taken once stable, captured through the core, and moved to
done; a bad drop goes to quarantine with 原因.txt. Nothing is deleted."""

from __future__ import annotations

import json
from pathlib import Path

from archivist.access import browse
from archivist.archive import Archive
from archivist.capture.hotfolder import REASON_FILE, DropWatch, HotFolder, process_drop

from .conftest import write_manifest


def test_drop_is_taken_when_stable_and_captured(archive: Archive, tmp_path: Path) -> None:
    folder = HotFolder.at(tmp_path / "热 文件夹")
    folder.prepare()
    write_manifest(folder.inbox / "扫描 001")
    watch = DropWatch(folder, grace_seconds=60)
    assert watch.ready(now=0.0) == []  # first look: maybe still copying
    ready = watch.ready(now=1.0)
    assert [p.name for p in ready] == ["扫描 001"]
    outcome = process_drop(archive, folder, ready[0])
    assert outcome.status == "captured" and outcome.number
    assert outcome.moved_to == folder.done / f"{outcome.number} 扫描 001"
    assert (outcome.moved_to / "manifest.json").is_file()
    assert not (folder.inbox / "扫描 001").exists()
    assert browse.item_id(archive, outcome.number) is not None
    assert watch.ready(now=2.0) == []  # done/ and 隔离/ are not drops


def test_changing_drop_waits(tmp_path: Path) -> None:
    folder = HotFolder.at(tmp_path / "inbox")
    folder.prepare()
    drop = folder.inbox / "d"
    write_manifest(drop)
    watch = DropWatch(folder)
    watch.ready(now=0.0)
    (drop / "late.jpg").write_bytes(b"still copying")
    assert watch.ready(now=1.0) == []
    assert [p.name for p in watch.ready(now=2.0)] == ["d"]


def test_bad_drop_is_quarantined_with_reason(archive: Archive, tmp_path: Path) -> None:
    folder = HotFolder.at(tmp_path / "inbox")
    folder.prepare()
    drop = folder.inbox / "bad"
    manifest = write_manifest(drop)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["entity"]["id_number"] = "110105194912310021"  # wrong check digit
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    outcome = process_drop(archive, folder, drop)
    assert outcome.status == "quarantined" and outcome.code == "id_number.invalid"
    assert outcome.moved_to == folder.quarantine / "bad"
    reason = (outcome.moved_to / REASON_FILE).read_text(encoding="utf-8")
    assert "校验码错误" in reason and "id_number.invalid" in reason
    assert sorted(p.name for p in outcome.moved_to.iterdir()) == [
        "a.pdf",
        "b.jpg",
        "c.jpg",
        "manifest.json",
        REASON_FILE,
    ]
    # a second bad drop of the same name does not overwrite the first
    write_manifest(folder.inbox / "bad", materials=[])
    second = process_drop(archive, folder, folder.inbox / "bad")
    assert second.moved_to == folder.quarantine / "bad (2)"
    assert browse.item_ids(archive, browse.ItemQuery()) == []


def test_loose_file_and_folder_without_manifest(archive: Archive, tmp_path: Path) -> None:
    folder = HotFolder.at(tmp_path / "inbox")
    folder.prepare()
    (folder.inbox / "stray.pdf").write_bytes(b"%PDF-1.4")
    (folder.inbox / "nomanifest").mkdir()
    (folder.inbox / "nomanifest" / "a.jpg").write_bytes(b"x")
    watch = DropWatch(folder, grace_seconds=10)
    watch.ready(now=0.0)
    assert watch.ready(now=5.0) == []  # within the grace period
    ready = watch.ready(now=11.0)
    assert sorted(p.name for p in ready) == ["nomanifest", "stray.pdf"]
    outcomes = {p.name: process_drop(archive, folder, p) for p in ready}
    assert outcomes["stray.pdf"].code == "hotfolder.not_a_folder"
    assert (folder.quarantine / "stray.pdf").is_file()
    assert (folder.quarantine / f"stray.pdf.{REASON_FILE}").is_file()
    assert outcomes["nomanifest"].code == "hotfolder.no_manifest"
    assert (folder.quarantine / "nomanifest" / REASON_FILE).is_file()


def test_unexpected_failure_keeps_the_drop(archive: Archive, tmp_path: Path) -> None:
    folder = HotFolder.at(tmp_path / "inbox")
    drop = folder.inbox / "x"
    write_manifest(drop)

    def broken(_archive: Archive, _manifest: Path) -> tuple[str, list[str]]:
        raise RuntimeError("boom")

    outcome = process_drop(archive, folder, drop, capture=broken)
    assert outcome.status == "quarantined" and outcome.code == "error"
    assert "RuntimeError: boom" in (outcome.moved_to / REASON_FILE).read_text(encoding="utf-8")
