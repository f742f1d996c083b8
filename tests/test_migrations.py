"""Opening an older archive migrates it, after copying the database aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from archivist.archive import Archive
from archivist.capture import capture_from_manifest
from archivist.db import migrate
from archivist.errors import ArchiveError

from .conftest import write_manifest


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
