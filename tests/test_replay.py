"""verify replays the audit trail: a record row edited, deleted or added behind the
application's back differs from what the trail says its changes left behind."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.integrity.verify import verify

from .conftest import PASSWORD, open_archive, write_manifest


@pytest.fixture
def filled(archive: Archive, tmp_path: Path) -> Archive:
    for index in range(3):
        capture_from_manifest(archive, write_manifest(tmp_path / f"m{index}"))
    report = verify(archive)
    assert report.ok, [f.message() for f in report.findings]
    assert report.events_replayed > 0
    return archive


def raw(archive: Archive) -> sqlite3.Connection:
    """Direct SQL, as somebody going around the application would."""
    archive.db.dispose()
    return sqlite3.connect(archive.layout.database, isolation_level=None)


def replay_findings(archive: Archive) -> list[tuple[str, dict[str, object]]]:
    return [(f.code, f.params) for f in verify(archive).findings if f.code.startswith("replay.")]


def differs(archive: Archive) -> set[tuple[str, str]]:
    """(record's table, field) of every replay.differs finding."""
    return {
        (str(p["record"]).split(" ")[0], str(p["field"]))
        for code, p in replay_findings(archive)
        if code == "replay.differs"
    }


def first(conn: sqlite3.Connection, sql: str) -> tuple[object, ...]:
    row = conn.execute(sql).fetchone()
    assert row is not None
    return tuple(row)


@pytest.mark.parametrize(
    ("sql", "field"),
    [
        ("UPDATE items SET title = '伪造的题名' WHERE id = (SELECT min(id) FROM items)", "title"),
        (
            "UPDATE items SET number = number || 'X' WHERE id = (SELECT min(id) FROM items)",
            "number",
        ),
        (
            "UPDATE items SET expires_on = '2001-01-01' WHERE id = (SELECT min(id) FROM items)",
            "expires_on",
        ),
        (
            "UPDATE items SET completed_on = '1999-12-31' WHERE id = (SELECT min(id) FROM items)",
            "completed_on",
        ),
        (
            "UPDATE items SET captured_by = 'mallory' WHERE id = (SELECT min(id) FROM items)",
            "captured_by",
        ),
        (
            "UPDATE items SET archival_code = archival_code || '-1' "
            "WHERE id = (SELECT min(id) FROM items)",
            "archival_code",
        ),
        (
            "UPDATE materials SET title = '换过的材料' WHERE id = (SELECT min(id) FROM materials)",
            "title",
        ),
        (
            "UPDATE materials SET seq = seq + 10 WHERE id = (SELECT min(id) FROM materials)",
            "seq",
        ),
    ],
)
def test_an_edited_row_differs_from_the_trail(filled: Archive, sql: str, field: str) -> None:
    with raw(filled) as conn:
        conn.execute(sql)
    table = sql.split()[1]
    assert (table, field) in differs(filled)
    report = verify(filled)
    assert not report.ok
    found = next(f for f in report.findings if f.code == "replay.differs")
    assert "应为" in found.message() and found.params["expected"] != found.params["actual"]


def test_two_numbers_swapped(filled: Archive) -> None:
    with raw(filled) as conn:
        (a, na), (b, nb) = conn.execute("SELECT id, number FROM items ORDER BY id LIMIT 2")
        conn.execute("UPDATE items SET number = 'tmp' WHERE id = ?", (a,))
        conn.execute("UPDATE items SET number = ? WHERE id = ?", (na, b))
        conn.execute("UPDATE items SET number = ? WHERE id = ?", (nb, a))
    numbers = [
        p
        for code, p in replay_findings(filled)
        if code == "replay.differs" and p["field"] == "number"
    ]
    assert {(p["expected"], p["actual"]) for p in numbers} == {(na, nb), (nb, na)}


def test_an_entity_id_number(filled: Archive) -> None:
    with raw(filled) as conn:
        conn.execute(
            "UPDATE entities SET id_number = '110101199001011234' "
            "WHERE id = (SELECT min(id) FROM entities)"
        )
    assert ("entities", "id_number") in differs(filled)
    # the values are masked: findings are printed and read by the verifier role
    [finding] = [f for f in verify(filled).findings if f.code == "replay.differs"]
    assert finding.params["actual"] == "110101********1234"
    assert "110101199001011234" not in finding.message("zh")
    assert "“身份证号”" in finding.message("zh")


def test_a_material_row_and_its_file_deleted_together(filled: Archive) -> None:
    with raw(filled) as conn:
        material_id, file = first(conn, "SELECT id, file FROM materials ORDER BY id DESC LIMIT 1")
        conn.execute("DELETE FROM materials WHERE id = ?", (material_id,))
    (filled.root / str(file)).unlink()
    found = replay_findings(filled)
    assert [code for code, _ in found] == ["replay.missing_row"]
    assert f"materials #{material_id}" in str(found[0][1]["record"])


def test_a_file_changed_with_its_recorded_digest_and_size(filled: Archive) -> None:
    with raw(filled) as conn:
        material_id, file = first(conn, "SELECT id, file FROM materials ORDER BY id LIMIT 1")
        path = filled.root / str(file)
        data = path.read_bytes() + b"forged"
        path.write_bytes(data)
        conn.execute(
            "UPDATE materials SET sha256 = ?, size = ? WHERE id = ?",
            (hashlib.sha256(data).hexdigest(), len(data), material_id),
        )
    report = verify(filled)
    codes = {f.code for f in report.findings}
    assert "verify.changed" not in codes  # the row and the file agree ...
    assert {("materials", "sha256"), ("materials", "size")} <= differs(filled)  # ... not the trail


def test_a_row_added_behind_the_applications_back(filled: Archive) -> None:
    with raw(filled) as conn:
        conn.execute(
            "INSERT INTO entities (kind, name, id_number, unit_code) "
            "VALUES ('person', '冒名者', '110101199001019999', NULL)"
        )
    assert [code for code, _ in replay_findings(filled)] == ["replay.unexpected_row"]


def test_an_item_deleted_with_its_rows(filled: Archive) -> None:
    with raw(filled) as conn:
        (item_id,) = first(conn, "SELECT max(id) FROM items")
        conn.execute("DELETE FROM roster_entries WHERE item_id = ?", (item_id,))
        conn.execute("DELETE FROM materials WHERE item_id = ?", (item_id,))
        conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
    missing = [p["record"] for code, p in replay_findings(filled) if code == "replay.missing_row"]
    assert any(str(r).startswith(f"items #{item_id}") for r in missing)


def test_an_upgraded_archive_replays_from_its_baseline(filled: Archive) -> None:
    """Events written before they carried state: the first open writes baseline events
    (the current rows), from which replay starts."""
    with raw(filled) as conn:
        conn.execute("DROP TRIGGER audit_events_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_events_append_only")
        conn.execute("UPDATE audit_events SET state = NULL")
    root = filled.root
    filled.close()
    reopened = open_archive(root)
    try:
        with raw(reopened) as conn:
            baselines = conn.execute(
                "SELECT count(*) FROM audit_events WHERE action = 'replay.baseline'"
            ).fetchone()[0]
            conn.execute("UPDATE items SET title = '改' WHERE id = (SELECT min(id) FROM items)")
        assert baselines >= 1
        # the chain no longer verifies (the events were rewritten) but replay still works
        assert ("items", "title") in differs(reopened)
    finally:
        reopened.close()


def test_a_counter_moved_back(filled: Archive) -> None:
    with raw(filled) as conn:
        conn.execute("UPDATE number_counters SET last_serial = last_serial - 1")
    assert ("number_counters", "last_serial") in differs(filled)


def test_a_hold_lifted_or_deleted_behind_the_applications_back(filled: Archive) -> None:
    from archivist.disposition.holds import place_hold

    with raw(filled) as conn:
        (number,) = first(conn, "SELECT number FROM items ORDER BY id LIMIT 1")
    filled.sign_in("tester", PASSWORD)
    place_hold(filled, items=[str(number)], kind="dispute", reason="待遇争议复议中")
    place_hold(filled, items=[str(number)], kind="audit", reason="审计检查中")
    assert replay_findings(filled) == []
    with raw(filled) as conn:
        conn.execute("UPDATE holds SET state = 'lifted' WHERE id = 1")
        conn.execute("DELETE FROM holds WHERE id = 2")
    found = replay_findings(filled)
    assert ("holds", "state") in differs(filled)
    assert any(code == "replay.missing_row" and "holds #2" in str(p["record"]) for code, p in found)


def test_a_role_granted_or_an_account_enabled_behind_the_applications_back(
    filled: Archive,
) -> None:
    """The accounts and their roles are replayed: a role given in the database, not by
    the security officer, is a row no recorded change made."""
    with raw(filled) as conn:
        (account,) = first(conn, "SELECT id FROM accounts WHERE user_name = 'tester'")
        conn.execute(
            "INSERT INTO account_roles (account_id, role, granted_at, granted_by) "
            "VALUES (?, 'security', '2026-12-05T00:00:00+00:00', 'mallory')",
            (account,),
        )
        conn.execute("UPDATE accounts SET display_name = '冒名' WHERE id = ?", (account,))
    found = replay_findings(filled)
    assert any(
        code == "replay.unexpected_row" and "account_roles" in str(p["record"]) for code, p in found
    )
    assert ("accounts", "display_name") in differs(filled)


def test_a_setting_changed_behind_the_applications_back(filled: Archive) -> None:
    """Settings are replayed (the search index's own bookkeeping keys are not)."""
    with raw(filled) as conn:
        (key,) = first(conn, "SELECT key FROM settings WHERE key = 'archival_code_template'")
        conn.execute("UPDATE settings SET value = value || '-X' WHERE key = ?", (key,))
        conn.execute("UPDATE settings SET value = '{}' WHERE key = 'search.pending'")
    assert differs(filled) == {("settings", "value")}


def test_sign_in_bookkeeping_is_not_a_finding(filled: Archive) -> None:
    """Failed sign-ins and lockouts change an account without a recorded change: not
    replayed, so not findings."""
    from archivist.errors import ArchivistError

    with pytest.raises(ArchivistError):
        filled.sign_in("tester", "not-the-password")
    filled.sign_in("tester", PASSWORD)
    assert replay_findings(filled) == []


def test_a_table_replayed_later_gets_its_baseline_once(filled: Archive) -> None:
    """An archive whose trail carried state before accounts and settings were replayed:
    at the next open those tables get baseline events; a second baseline of a table,
    after other changes, would whitewash direct edits: verify reports it."""
    with raw(filled) as conn:
        conn.execute("DROP TRIGGER audit_events_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_events_append_only")
        for table in ("settings", "accounts", "account_roles", "volume_registers"):
            conn.execute(
                "UPDATE audit_events SET state = json_remove(state, ?) WHERE state IS NOT NULL",
                (f'$."{table}"',),
            )
            conn.execute("INSERT INTO replay_baselines_due VALUES (?)", (table,))
    # as an upgrade interrupted before the first writable open leaves it: said, not
    # reported as rows nobody made
    waiting = replay_findings(filled)
    assert {code for code, _p in waiting} == {"replay.baseline_due"}
    assert {p["table_term"] for _c, p in waiting} == {"settings", "accounts", "account_roles"}
    root = filled.root
    filled.close()
    reopened = open_archive(root)
    try:
        with raw(reopened) as conn:
            targets = {
                row[0]
                for row in conn.execute(
                    "SELECT target FROM audit_events WHERE action = 'replay.baseline'"
                )
            }
            due = conn.execute("SELECT count(*) FROM replay_baselines_due").fetchone()[0]
        assert {"table:settings", "table:accounts", "table:account_roles"} <= targets
        assert due == 0
        assert replay_findings(reopened) == []
        # a later change; then someone edits an account and puts the due row back by
        # hand, hoping for a new baseline that whitewashes the edit: refused
        reopened.sign_in("tester", PASSWORD)
        capture_from_manifest(reopened, write_manifest(root.parent / "later"))
        with raw(reopened) as conn:
            conn.execute("UPDATE accounts SET display_name = '冒名' WHERE user_name = 'tester'")
            conn.execute("INSERT INTO replay_baselines_due VALUES ('accounts')")
            before = conn.execute(
                "SELECT count(*) FROM audit_events WHERE action = 'replay.baseline'"
            ).fetchone()[0]
    finally:
        reopened.close()
    again = open_archive(root)
    try:
        with raw(again) as conn:
            after = conn.execute(
                "SELECT count(*) FROM audit_events WHERE action = 'replay.baseline'"
            ).fetchone()[0]
            due = conn.execute("SELECT count(*) FROM replay_baselines_due").fetchone()[0]
        assert (after, due) == (before, 0)
        assert ("accounts", "display_name") in differs(again)
    finally:
        again.close()


def test_a_baseline_written_after_the_table_was_recorded_is_a_finding(filled: Archive) -> None:
    """Should a baseline event ever be written for a table the trail already records
    (a patched program, a bug), the rows it vouches for would hide direct edits: verify
    reports it."""
    from archivist.changes import audit, replay

    with raw(filled) as conn:
        conn.execute("UPDATE items SET title = '改过' WHERE id = (SELECT min(id) FROM items)")
    with filled.db.writing() as session:
        rows = dict(replay.rows(session, "items"))
        audit.record(
            session,
            actor="system",
            action=replay.BASELINE_ACTION,
            target="table:items",
            after={"rows": len(rows)},
            state={"items": rows},
        )
    found = replay_findings(filled)
    assert [p["table_term"] for code, p in found if code == "replay.rebaselined"] == ["items"]
    assert not differs(filled)  # the whitewash worked on the rows: hence the finding


def test_a_password_hash_replaced_in_the_database(filled: Archive) -> None:
    """Somebody sets the security officer's password hash to one they know: replay
    catches it (the trail keeps only a digest of each hash, never the hash)."""
    from archivist.accounts import passwords

    forged = passwords.hashed("Mallory-knows-this-1")
    with raw(filled) as conn:
        conn.execute(
            "UPDATE accounts SET password_hash = ? WHERE user_name = 'security'", (forged,)
        )
        trail = " ".join(str(s) for (s,) in conn.execute("SELECT state FROM audit_events"))
    assert ("accounts", "password_hash") in differs(filled)
    assert "$argon2" not in trail and "sha256:" in trail


def test_an_outdated_password_hash_is_stored_again_as_a_recorded_change(
    filled: Archive,
) -> None:
    """A password hashed with older parameters is stored again at its owner's sign-in,
    through the unit of work: replay stays clean."""
    from archivist.accounts import directory, passwords

    filled.sign_in("admin", PASSWORD)
    passwords.use_parameters(1, 16)  # "older" parameters for this one account
    try:
        directory.add_account(filled, "oldtimer", "老用户", "Laoyonghu-2020-x")
    finally:
        passwords.use_parameters(1, 8)  # the test suite's (tests/conftest.py)
    with raw(filled) as conn:
        (old,) = first(conn, "SELECT password_hash FROM accounts WHERE user_name = 'oldtimer'")
    assert passwords.outdated(str(old))
    filled.sign_in("oldtimer", "Laoyonghu-2020-x")
    with raw(filled) as conn:
        (new,) = first(conn, "SELECT password_hash FROM accounts WHERE user_name = 'oldtimer'")
        (action,) = first(conn, "SELECT action FROM audit_events ORDER BY seq DESC LIMIT 1")
    assert new != old and not passwords.outdated(str(new)) and action == "account.rehash"
    filled.sign_in("tester", PASSWORD)
    assert replay_findings(filled) == []
