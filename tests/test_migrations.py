"""Opening an older archive migrates it, after copying the database aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.db import migrate
from archivist.errors import ArchiveError, InputError

from .conftest import give_accounts, write_manifest


def test_older_archive_is_backed_up_and_migrated(archive: Archive, tmp_path: Path) -> None:
    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    config = migrate._config(archive.db)
    with archive.db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    assert migrate.current_revision(archive.db) == "0001"
    archive.close()

    reopened = Archive.open(archive.root)
    try:
        assert migrate.current_revision(reopened.db) == migrate.head_revision()
        give_accounts(reopened)
        backup = reopened.migration_backup
        assert backup is not None and backup.parent == reopened.layout.backups
        with sqlite3.connect(backup) as old:
            assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
            assert old.execute("SELECT number FROM items").fetchone()[0] == number
        assert reopened.summary()["items"] == 1
        reopened.db.dispose()
        with (
            sqlite3.connect(reopened.layout.database) as conn,
            pytest.raises(sqlite3.DatabaseError),
        ):
            conn.execute("DELETE FROM audit_events")
    finally:
        reopened.close()


def test_archive_from_a_newer_version_is_refused(archive: Archive) -> None:
    archive.db.dispose()
    with sqlite3.connect(archive.layout.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    archive.close()
    with pytest.raises(ArchiveError) as info:
        Archive.open(archive.root)
    assert info.value.code == "archive.newer"


def test_opening_a_folder_that_is_no_archive(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError) as info:
        Archive.open(tmp_path)
    assert info.value.code == "archive.missing"


def test_registers_and_checks_before_0007_are_taken_from_the_audit_trail(
    archive: Archive, tmp_path: Path
) -> None:
    """Before 0007 the handover check read the audit trail for registers generated and
    changes since; 0007 turns that history into rows once: a register generated before a
    later change is stale, one generated after is not, and a batch checked before a
    change must be checked again."""
    from archivist.arrangement import volumes
    from archivist.handover import handovers
    from archivist.registers import forms

    codes = {}
    for year in (2022, 2023, 2024):
        manifest = write_manifest(tmp_path / str(year), completed_on=f"{year}-05-12")
        capture_from_manifest(archive, manifest)
        [made] = volumes.build(archive, year, "SY", "year")
        codes[year] = made.code
    # 2023: the contents list generated before the title changed, the cover after
    forms.record_generated(archive, codes[2023], "volume-contents")
    volumes.set_title(archive, codes[2023], "2023年失业保险金申领", "规范题名")
    forms.record_generated(archive, codes[2023], "volume-cover")
    # 2024 checked and left alone; 2022 checked, then changed
    batches = {}
    for year in (2022, 2024):
        for kind in handovers.REQUIRED_REGISTERS:
            forms.record_generated(archive, codes[year], kind)
        batches[year] = handovers.create(archive, "失业保险科", "王五").number
        handovers.add_volumes(archive, batches[year], [codes[year]])
        assert handovers.check(archive, batches[year]).ok
    volumes.set_title(archive, codes[2022], "2022年失业保险金申领", "规范题名")

    config = migrate._config(archive.db)
    with archive.db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0006")
    archive.close()
    reopened = Archive.open(archive.root)
    try:
        assert migrate.current_revision(reopened.db) == migrate.head_revision()
        give_accounts(reopened)
        third = handovers.create(reopened, "失业保险科", "王五").number
        handovers.add_volumes(reopened, third, [codes[2023]])
        [volume] = handovers.check(reopened, third).volumes
        assert [(r.code, r.params["kind"]) for r in volume.reasons] == [
            ("handover.register_stale", "volume-contents")
        ]
        with pytest.raises(InputError) as info:
            handovers.sign(reopened, batches[2022], "赵六")
        assert info.value.code == "handover.changed_since_check"
        assert handovers.sign(reopened, batches[2024], "赵六").status == "signed"
    finally:
        reopened.close()
