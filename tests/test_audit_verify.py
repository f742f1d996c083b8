"""The audit chain detects tampering; verify finds altered, missing and stray files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.integrity.verify import verify

from .conftest import run_cli, write_manifest


def codes(archive: Archive) -> list[str]:
    return [f.code for f in verify(archive).findings]


@pytest.fixture
def filled(archive: Archive, tmp_path: Path) -> Archive:
    for index in range(3):
        capture_from_manifest(archive, write_manifest(tmp_path / f"m{index}"))
    assert verify(archive).ok
    return archive


def raw(archive: Archive) -> sqlite3.Connection:
    """Direct SQL, as somebody going around the application would."""
    archive.db.dispose()
    return sqlite3.connect(archive.layout.database, isolation_level=None)


def test_database_refuses_to_change_or_delete_events(filled: Archive) -> None:
    with raw(filled) as conn:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE audit_events SET actor = 'mallory' WHERE seq = 3")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM audit_events WHERE seq = 3")


def test_edited_event_is_detected(filled: Archive) -> None:
    conn = raw(filled)
    conn.execute("DROP TRIGGER audit_events_no_update")
    conn.execute("UPDATE audit_events SET actor = 'mallory' WHERE seq = 3")
    conn.close()
    report = verify(filled)
    assert not report.ok
    broken = [f for f in report.findings if f.code == "verify.audit_broken"]
    assert broken and broken[0].params["seq"] == 3 and "改动" in broken[0].message()


def test_deleted_event_is_detected(filled: Archive) -> None:
    conn = raw(filled)
    conn.execute("DROP TRIGGER audit_events_no_delete")
    conn.execute(
        "DELETE FROM audit_events WHERE seq = "
        "(SELECT min(seq) FROM audit_events WHERE action = 'item.capture')"
    )
    conn.close()
    found = codes(filled)
    assert "verify.audit_broken" in found and "verify.audit_missing" in found


def test_changed_missing_and_orphan_files(filled: Archive) -> None:
    files = sorted(p for p in filled.layout.files.rglob("*") if p.is_file())
    files[0].write_bytes(files[0].read_bytes() + b"x")
    files[1].unlink()
    (files[2].parent / "stray.jpg").write_bytes(b"not registered")
    report = verify(filled)
    found = {(f.code, f.params.get("file", "")) for f in report.findings}
    rel = [p.relative_to(filled.root).as_posix() for p in files[:3]]
    assert ("verify.changed", rel[0]) in found
    assert ("verify.missing", rel[1]) in found
    assert ("verify.orphan", rel[2].rsplit("/", 1)[0] + "/stray.jpg") in found


def test_a_stored_file_that_is_a_link_is_found(filled: Archive, tmp_path: Path) -> None:
    """A stored file swapped for a link to an identical copy outside the archive hashes
    the same: it is still a finding (issue 16's tampering list). So is a link to a
    folder on the way to it, and a recorded path that leads out of the archive."""
    files = sorted(p for p in filled.layout.files.rglob("*") if p.is_file())
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    copy = outside / files[0].name
    copy.write_bytes(files[0].read_bytes())
    files[0].unlink()
    files[0].symlink_to(copy)
    item_folder = files[-1].parent
    moved = outside / "moved"
    item_folder.rename(moved)
    item_folder.symlink_to(moved, target_is_directory=True)
    report = verify(filled)
    linked = {f.params["file"] for f in report.findings if f.code == "verify.linked"}
    assert files[0].relative_to(filled.root).as_posix() in linked
    assert files[-1].relative_to(filled.root).as_posix() in linked
    assert not any(f.code == "verify.changed" for f in report.findings)
    from archivist.storage.filestore import check_stored_file

    found = check_stored_file(filled.root, ("files/../../etc/passwd", "0" * 64, 1, "x"))
    assert found is not None and found.code == "verify.linked"


def test_numbering_gap_and_duplicate_are_found(filled: Archive) -> None:
    conn = raw(filled)
    conn.execute("PRAGMA foreign_keys=OFF")
    item_id = conn.execute("SELECT id FROM items WHERE serial = 2").fetchone()[0]
    conn.execute("DELETE FROM roster_entries WHERE item_id = ?", (item_id,))
    conn.execute("DELETE FROM materials WHERE item_id = ?", (item_id,))
    conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
    conn.close()
    report = verify(filled)
    gap = next(f for f in report.findings if f.code == "verify.gap")
    assert gap.params["serials"] == "2" and "SY" in gap.message()


def test_cli_verify_exit_codes(filled: Archive) -> None:
    ok = run_cli("--archive", str(filled.root), "verify")
    assert ok.returncode == 0 and "校验通过" in ok.stdout
    next(p for p in filled.layout.files.rglob("*.jpg")).write_bytes(b"tampered")
    bad = run_cli("--archive", str(filled.root), "verify", "--json")
    assert bad.returncode == 3
    assert '"verify.changed"' in bad.stdout


def test_verify_reports_the_replay_and_can_be_cancelled_during_it(
    archive: Archive, tmp_path: Path
) -> None:
    """The replay of the trail reports its progress ("replay") and stops when cancelled,
    like the hashing of files before it."""
    from archivist.integrity.verify import VerifyCancelled

    capture_from_manifest(archive, write_manifest(tmp_path / "m"))
    seen: list[str] = []

    class Token:
        @property
        def cancelled(self) -> bool:
            return "replay" in seen

    def progress(done: int, total: int, what: str) -> None:
        seen.append(what)

    report = verify(archive, progress=progress)
    assert report.ok and "replay" in seen
    seen.clear()
    with pytest.raises(VerifyCancelled):
        verify(archive, progress=progress, cancel=Token())
