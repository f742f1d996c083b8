"""Issue 16's tampering list, case by case: each change made behind the application's
back on a real archive (three captured claims) is caught by `verify`, under the finding
that explains it; the untouched archive verifies clean.

The changes are made as somebody going around the program would: raw SQL past the
triggers, files swapped in the folder, events written with a plain session (none of
the program's hooks). The helpers are those of tests/test_replay.py and
tests/test_anchors.py."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes import audit
from archivist.integrity.verify import VerifyReport, verify

from .conftest import init_archive, open_archive, write_manifest
from .test_anchors import head, rewrite_and_rehash
from .test_anchors import raw as raw_past_triggers
from .test_replay import first
from .test_replay import raw as raw_sql

CLAIMS = 3


@pytest.fixture(scope="module")
def _filled_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An archive with three captured claims, made once for the module (its seat copies
    and logs in folders of its own, never the real user's); each case works on a copy."""
    base = tmp_path_factory.mktemp("tampering")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARCHIVIST_CONFIG_DIR", str(base / "config"))
        patch.setenv("ARCHIVIST_LOG_DIR", str(base / "logs"))
        root = base / "archive"
        archive = init_archive(root)
        try:
            for index in range(CLAIMS):
                capture_from_manifest(archive, write_manifest(base / f"m{index}"))
        finally:
            archive.close()
        yield root


@pytest.fixture
def filled(_filled_template: Path, tmp_path: Path) -> Iterator[Archive]:
    root = tmp_path / "archive"
    shutil.copytree(_filled_template, root, symlinks=True)
    archive = open_archive(root)
    yield archive
    archive.close()


def differs(report: VerifyReport) -> set[tuple[str, str]]:
    """(table, field) of every replay.differs finding."""
    return {
        (str(f.params["record"]).split(" ")[0], str(f.params["field"]))
        for f in report.findings
        if f.code == "replay.differs"
    }


# -- the changes -----------------------------------------------------------------------

FIRST_ITEM = "(SELECT min(id) FROM items)"


def sql(*statements: str) -> Callable[[Archive, Path], None]:
    def tamper(archive: Archive, _outside: Path) -> None:
        with raw_sql(archive) as conn:
            for statement in statements:
                conn.execute(statement)

    return tamper


def swap_two_numbers(archive: Archive, _outside: Path) -> None:
    with raw_sql(archive) as conn:
        (a, na), (b, nb) = conn.execute("SELECT id, number FROM items ORDER BY id LIMIT 2")
        conn.execute("UPDATE items SET number = 'tmp' WHERE id = ?", (a,))
        conn.execute("UPDATE items SET number = ? WHERE id = ?", (na, b))
        conn.execute("UPDATE items SET number = ? WHERE id = ?", (nb, a))


def delete_material_and_file(archive: Archive, _outside: Path) -> None:
    with raw_sql(archive) as conn:
        material_id, file = first(conn, "SELECT id, file FROM materials ORDER BY id DESC LIMIT 1")
        conn.execute("DELETE FROM materials WHERE id = ?", (material_id,))
    (archive.root / str(file)).unlink()


def delete_newest_events(count: int) -> Callable[[Archive, Path], None]:
    def tamper(archive: Archive, _outside: Path) -> None:
        top = head(archive).seq
        with raw_past_triggers(archive) as conn:
            conn.execute("DELETE FROM audit_events WHERE seq > ?", (top - count,))

    return tamper


def rewrite_an_event(archive: Archive, _outside: Path) -> None:
    rewrite_and_rehash(archive, head(archive).seq - 3)


def append_forged_event(archive: Archive, _outside: Path) -> None:
    raw_past_triggers(archive).close()
    with Session(archive.db.engine) as session, session.begin():  # none of the program's hooks
        audit.record(session, actor="mallory", action="item.edit", target="item:1")


def delete_newest_item_and_its_trace(archive: Archive, _outside: Path) -> None:
    """The newest item, its rows and stored files, its capture event, and one taken
    from its counter: as if it had never been captured."""
    with raw_past_triggers(archive) as conn:
        item_id, capture_id, folder = first(
            conn, "SELECT id, capture_id, folder FROM items ORDER BY id DESC LIMIT 1"
        )
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM roster_entries WHERE item_id = ?", (item_id,))
        conn.execute("DELETE FROM materials WHERE item_id = ?", (item_id,))
        conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
        conn.execute(
            "DELETE FROM audit_events WHERE action = 'item.capture' AND target = ?",
            (f"item:{capture_id}",),
        )
        conn.execute(
            "UPDATE number_counters SET last_serial = last_serial - 1 "
            "WHERE last_serial = (SELECT max(last_serial) FROM number_counters)"
        )
    shutil.rmtree(archive.root / str(folder))


def stored_files(archive: Archive) -> list[Path]:
    return sorted(p for p in archive.layout.files.rglob("*") if p.is_file())


def link_to_identical_copy(archive: Archive, outside: Path) -> None:
    stored = stored_files(archive)[0]
    copy = outside / stored.name
    copy.write_bytes(stored.read_bytes())
    stored.unlink()
    stored.symlink_to(copy)


def change_file_with_digest_and_size(archive: Archive, _outside: Path) -> None:
    with raw_sql(archive) as conn:
        material_id, file = first(conn, "SELECT id, file FROM materials ORDER BY id LIMIT 1")
        path = archive.root / str(file)
        data = path.read_bytes() + b"forged"
        path.write_bytes(data)
        conn.execute(
            "UPDATE materials SET sha256 = ?, size = ? WHERE id = ?",
            (hashlib.sha256(data).hexdigest(), len(data), material_id),
        )


@dataclass(frozen=True)
class Case:
    tamper: Callable[[Archive, Path], None]
    codes: frozenset[str]  # each must be found
    fields: frozenset[tuple[str, str]] = field(default=frozenset())  # replay.differs


def case(
    tamper: Callable[[Archive, Path], None], *codes: str, fields: Iterable[tuple[str, str]] = ()
) -> Case:
    return Case(tamper, frozenset(codes), frozenset(fields))


DIFFERS = "replay.differs"
CASES: dict[str, Case] = {
    # any direct edit of an item, material or entity row
    "title": case(
        sql(f"UPDATE items SET title = '伪造的题名' WHERE id = {FIRST_ITEM}"),
        DIFFERS,
        fields={("items", "title")},
    ),
    "number-text": case(
        sql(f"UPDATE items SET number = number || 'X' WHERE id = {FIRST_ITEM}"),
        DIFFERS,
        fields={("items", "number")},
    ),
    "two-items-numbers-swapped": case(swap_two_numbers, DIFFERS, fields={("items", "number")}),
    "expires-on-moved-earlier": case(
        sql(f"UPDATE items SET expires_on = '2001-01-01' WHERE id = {FIRST_ITEM}"),
        DIFFERS,
        fields={("items", "expires_on")},
    ),
    "completion-date": case(
        sql(f"UPDATE items SET completed_on = '1999-12-31' WHERE id = {FIRST_ITEM}"),
        DIFFERS,
        fields={("items", "completed_on")},
    ),
    "captured-by": case(
        sql(f"UPDATE items SET captured_by = 'mallory' WHERE id = {FIRST_ITEM}"),
        DIFFERS,
        fields={("items", "captured_by")},
    ),
    "archival-code": case(
        sql(f"UPDATE items SET archival_code = archival_code || '-1' WHERE id = {FIRST_ITEM}"),
        DIFFERS,
        fields={("items", "archival_code")},
    ),
    "entity-id-number": case(
        sql(
            "UPDATE entities SET id_number = '110101199001011234' "
            "WHERE id = (SELECT min(id) FROM entities)"
        ),
        DIFFERS,
        fields={("entities", "id_number")},
    ),
    "material-title": case(
        sql("UPDATE materials SET title = '换过的材料' WHERE id = (SELECT min(id) FROM materials)"),
        DIFFERS,
        fields={("materials", "title")},
    ),
    "material-order": case(
        sql("UPDATE materials SET seq = seq + 10 WHERE id = (SELECT min(id) FROM materials)"),
        DIFFERS,
        fields={("materials", "seq")},
    ),
    "material-row-and-file-deleted-together": case(delete_material_and_file, "replay.missing_row"),
    # the audit trail
    "newest-audit-event-deleted": case(delete_newest_events(1), "anchor.truncated"),
    "newest-two-audit-events-deleted": case(delete_newest_events(2), "anchor.truncated"),
    "event-rewritten-and-chain-rehashed": case(rewrite_an_event, "anchor.rewritten"),
    "forged-event-appended-with-valid-hash": case(append_forged_event, "anchor.unanchored"),
    # a record made to vanish with every trace of it
    "newest-item-deleted-with-files-capture-event-and-counter": case(
        delete_newest_item_and_its_trace, "anchor.truncated"
    ),
    # files
    "file-replaced-by-symlink-to-identical-copy-outside": case(
        link_to_identical_copy, "verify.linked"
    ),
    "file-changed-with-its-sha256-and-size": case(
        change_file_with_digest_and_size,
        DIFFERS,
        fields={("materials", "sha256"), ("materials", "size")},
    ),
}


def test_the_untouched_archive_verifies_clean(filled: Archive) -> None:
    report = verify(filled)
    assert report.ok, [f.message() for f in report.findings]
    assert [f for f in report.findings if f.severity != "info"] == []
    # both chains beside the database, and the access head in this seat's copy (a copied
    # archive: this seat has not written an audit event of it yet)
    assert report.events_replayed > 0 and report.anchors_checked >= 3
    assert report.files_checked == CLAIMS * 3


@pytest.mark.parametrize("name", list(CASES))
def test_tampering_is_found(filled: Archive, tmp_path: Path, name: str) -> None:
    tampering = CASES[name]
    outside = tmp_path / "outside"
    outside.mkdir()
    tampering.tamper(filled, outside)
    report = verify(filled)
    found = {f.code for f in report.findings if f.severity == "error"}
    assert not report.ok
    assert tampering.codes <= found, (found, [f.message() for f in report.findings])
    assert tampering.fields <= differs(report)
