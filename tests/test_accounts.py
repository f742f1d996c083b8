"""People and rights: accounts, roles, 三员分立, signing in, sessions, the rights check
on every action of the registry, and each refusal leaving a trace."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import select, text

from archivist.accounts import directory, session_file, signing
from archivist.accounts.access_log import AccessKind
from archivist.accounts.roles import ROLE_RIGHTS, Right, Role
from archivist.archive import Archive
from archivist.changes.actions import Action
from archivist.db.models import AccessEvent, Account, AuditEvent
from archivist.errors import AccessRefused, InputError
from archivist.integrity.verify import verify

from .conftest import PASSWORD, ROOT, add_person, init_archive, run_cli, sign_in

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _events(archive: Archive, kind: AccessKind | None = None) -> list[AccessEvent]:
    with archive.db.reading() as session:
        stmt = select(AccessEvent).order_by(AccessEvent.seq)
        if kind is not None:
            stmt = stmt.where(AccessEvent.kind == kind.value)
        rows = session.scalars(stmt).all()
        session.expunge_all()
        return list(rows)


def _audit_actions(archive: Archive) -> list[str]:
    with archive.db.reading() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


# -- every action of the registry names a right, and the unit of work enforces it -------


@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.code)
def test_a_person_without_the_actions_right_is_refused(archive: Archive, action: Action) -> None:
    """For every action: someone whose roles lack its right is refused before anything
    is written, with a sentence naming the right, and the refusal is logged."""
    holders = [role for role, rights in ROLE_RIGHTS.items() if action.right in rights]
    lacking = next(
        (
            r
            for r in (Role.AUDITOR, Role.APPRAISER, Role.SECURITY, Role.ARCHIVIST)
            if r not in holders
        ),
    )
    add_person(archive, "outsider", lacking.value)
    archive.sign_in("outsider", PASSWORD)
    nobody = action.right is Right.OWN_ACCOUNT  # everybody's: only nobody lacks it
    if nobody:
        archive.sign_out()
    before = _audit_actions(archive)
    with pytest.raises(AccessRefused) as refused, archive.change(action, "test", reason="测试"):
        raise AssertionError("the block must not run")
    assert _audit_actions(archive) == before
    if nobody:
        assert refused.value.code == "auth.not_signed_in"
        return
    assert archive.person is not None and archive.person.roles == {lacking}
    assert refused.value.code == "rights.refused"
    from archivist.messages import render

    assert render(f"right.{action.right.value}") in refused.value.message()  # as people say it
    last = _events(archive, AccessKind.REFUSED)[-1]
    assert (last.user_name, last.target) == ("outsider", action.code)


def test_every_right_an_action_needs_is_held_by_some_role_or_is_the_products_own() -> None:
    held = set().union(*ROLE_RIGHTS.values()) | {Right.OWN_ACCOUNT}
    for action in Action:
        assert action.right in held or action.right in (Right.FOUND, Right.SYSTEM), action


def test_nobody_signed_in_changes_nothing(archive: Archive) -> None:
    archive.person = None
    with pytest.raises(AccessRefused) as refused:
        archive.set_setting("category_code", "XX", "测试")
    assert refused.value.code == "auth.not_signed_in"
    last = _events(archive, AccessKind.REFUSED)[-1]
    assert (last.user_name, last.target) == ("-", "settings.edit")


def test_a_role_revoked_since_signing_in_counts_at_once(archive: Archive) -> None:
    add_person(archive, "li", "archivist")
    other = Archive.open(archive.root)
    try:
        other.sign_in("li", PASSWORD)
        archive.sign_in("security", PASSWORD)
        directory.revoke_role(archive, "li", "archivist", "调岗")
        with pytest.raises(AccessRefused) as refused:
            from archivist.custody import locations

            locations.add_location(other, "1", 1, 1, 1)
        assert refused.value.code == "rights.refused"
    finally:
        other.close()


# -- accounts and roles ---------------------------------------------------------------


def test_the_three_administrators_hold_no_business_rights(archive: Archive) -> None:
    for name in ("admin", "security", "auditor"):
        person = archive.sign_in(name, PASSWORD)
        assert not person.may(Right.READ) and not person.may(Right.CAPTURE)
    assert archive.sign_in("admin", PASSWORD).roles == {Role.SYSADMIN}


def test_one_person_cannot_hold_two_administrator_roles_or_one_and_a_business_role(
    archive: Archive,
) -> None:
    add_person(archive, "zhao")
    granted = _audit_actions(archive).count("role.grant")
    archive.sign_in("security", PASSWORD)
    directory.grant_role(archive, "zhao", "sysadmin", "第二位系统管理员")
    with pytest.raises(AccessRefused) as two:
        directory.grant_role(archive, "zhao", "auditor", "兼任")
    assert two.value.code == "accounts.two_admin_roles"
    with pytest.raises(AccessRefused) as mixed:
        directory.grant_role(archive, "zhao", "archivist", "兼任")
    assert mixed.value.code == "accounts.admin_and_business"
    assert _audit_actions(archive).count("role.grant") == granted + 1  # the refused: none
    assert [e.kind for e in _events(archive)][-2:] == ["refused", "refused"]


def test_nobody_grants_a_role_to_themselves(archive: Archive) -> None:
    archive.sign_in("security", PASSWORD)
    with pytest.raises(AccessRefused) as refused:
        directory.grant_role(archive, "security", "archivist", "自己")
    assert refused.value.code == "accounts.grant_to_self"
    assert _events(archive, AccessKind.REFUSED)[-1].user_name == "security"


def test_the_last_security_officer_cannot_be_disabled_or_lose_the_role(archive: Archive) -> None:
    archive.sign_in("admin", PASSWORD)
    with pytest.raises(AccessRefused) as refused:
        directory.disable_account(archive, "security", "离职")
    assert refused.value.code == "accounts.last_administrator"
    add_person(archive, "sun")
    archive.sign_in("security", PASSWORD)
    directory.grant_role(archive, "sun", "security", "第二位安全保密员")
    archive.sign_in("admin", PASSWORD)
    assert not directory.disable_account(archive, "security", "离职").active


def test_a_handler_cannot_do_what_only_the_archive_room_does(archive: Archive) -> None:
    add_person(archive, "jingban", "handler")
    archive.sign_in("jingban", PASSWORD)
    from archivist.custody import locations

    with pytest.raises(AccessRefused) as refused:
        locations.add_location(archive, "1", 1, 1, 1)
    assert "库房保管" in refused.value.message() and "档案管理员" in refused.value.message()
    assert "custody" not in refused.value.message("zh")


def test_disabling_keeps_the_account_and_its_history(archive: Archive) -> None:
    archive.sign_in("admin", PASSWORD)
    view = directory.disable_account(archive, "tester", "离职")
    assert not view.active
    assert [v.user_name for v in directory.list_accounts(archive)].count("tester") == 1
    with pytest.raises(AccessRefused) as refused:
        archive.sign_in("tester", PASSWORD)
    assert refused.value.code == "auth.disabled"
    assert "tester" in {e.actor for e in _all_audit(archive)}


def _all_audit(archive: Archive) -> list[AuditEvent]:
    with archive.db.reading() as session:
        rows = list(session.scalars(select(AuditEvent)))
        session.expunge_all()
        return rows


def test_a_password_set_by_someone_else_must_be_changed_first(archive: Archive) -> None:
    archive.sign_in("admin", PASSWORD)
    directory.add_account(archive, "xin", "新人", "Linshi-2024-mima")
    archive.sign_in("security", PASSWORD)
    directory.grant_role(archive, "xin", "archivist", "入职")
    person = archive.sign_in("xin", "Linshi-2024-mima")
    assert person.must_change_password
    from archivist.custody import locations

    with pytest.raises(AccessRefused) as refused:
        locations.add_location(archive, "1", 1, 1, 1)
    assert refused.value.code == "auth.must_change_password"
    directory.change_own_password(archive, "Linshi-2024-mima", PASSWORD)
    locations.add_location(archive, "1", 1, 1, 1)


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short1", "password.too_short"),
        ("xin-2024-abcdef", "password.has_user_name"),
        ("aaaaaaaaaa11", "password.too_simple"),
        ("abcdefghijkl", "password.letters_and_digits"),
    ],
)
def test_the_password_policy(archive: Archive, password: str, code: str) -> None:
    archive.sign_in("admin", PASSWORD)
    with pytest.raises(InputError) as refused:
        directory.add_account(archive, "xin", "新人", password)
    assert refused.value.code == code


@pytest.mark.parametrize(
    "name", ["x' OR '1'='1", "a" * 10_000, "", "管理员", "-admin", "a b", "root;--"]
)
def test_bad_user_names_are_refused_in_one_sentence(archive: Archive, name: str) -> None:
    with pytest.raises(AccessRefused) as refused:
        archive.sign_in(name, PASSWORD)
    assert refused.value.code == "accounts.bad_user_name"
    assert len(refused.value.message()) < 200
    archive.sign_in("admin", PASSWORD)
    with pytest.raises(InputError):
        directory.add_account(archive, name, "x", PASSWORD)
    failed = _events(archive, AccessKind.SIGN_IN_FAILED)[-1]
    assert len(failed.target) <= 200


# -- signing in ------------------------------------------------------------------------


def test_a_wrong_password_is_refused_and_five_lock_the_account(archive: Archive) -> None:
    for left in (4, 3, 2, 1):
        with pytest.raises(AccessRefused) as wrong:
            archive.sign_in("tester", "Wrong-2024-password")
        # the answer an unknown name gets: nobody learns which names exist
        assert wrong.value.code == "auth.wrong_password"
        assert _events(archive, AccessKind.SIGN_IN_FAILED)[-1].detail == {
            "why": "password",
            "left": left,
        }
    with pytest.raises(AccessRefused) as locked:
        archive.sign_in("tester", "Wrong-2024-password")
    assert locked.value.code == "auth.locked"
    with pytest.raises(AccessRefused) as still:
        archive.sign_in("tester", PASSWORD)  # the right password, but locked
    assert still.value.code == "auth.locked"
    kinds = [e.kind for e in _events(archive)]
    assert kinds.count("sign_in_failed") >= 5 and "locked_out" in kinds
    archive.sign_in("admin", PASSWORD)
    directory.reset_password(archive, "tester", "Neue-2024-mima", "锁定后重置")
    assert archive.sign_in("tester", "Neue-2024-mima").must_change_password


def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(archive: Archive) -> None:
    with pytest.raises(AccessRefused) as unknown:
        archive.sign_in("nobody", PASSWORD)
    assert unknown.value.code == "auth.wrong_password"
    assert _events(archive, AccessKind.SIGN_IN_FAILED)[-1].target == "user:nobody"


def test_a_session_idle_too_long_is_refused(archive: Archive) -> None:
    token = signing.start_session(archive)
    with archive.db.writing() as session:
        session.execute(
            text("UPDATE sign_in_sessions SET last_seen_at = '2020-01-01T00:00:00+00:00'")
        )
    with pytest.raises(AccessRefused) as expired:
        signing.resume_session(archive, token)
    assert expired.value.code == "auth.session_expired"


def test_a_session_of_another_os_user_or_an_edited_token_is_refused(archive: Archive) -> None:
    token = signing.start_session(archive)
    with archive.db.writing() as session:
        session.execute(text("UPDATE sign_in_sessions SET os_user = 'someone-else'"))
    with pytest.raises(AccessRefused) as other:
        signing.resume_session(archive, token)
    assert other.value.code == "auth.session_invalid"
    with pytest.raises(AccessRefused) as edited:
        signing.resume_session(archive, token[:-2] + "xx")
    assert edited.value.code == "auth.session_invalid"
    whys = [e.detail["why"] for e in _events(archive, AccessKind.SESSION_REFUSED) if e.detail]
    assert whys[-2:] == ["other_os_user", "unknown"]


def test_the_session_file_is_readable_by_its_os_user_only(archive: Archive) -> None:
    path = session_file.session_path(archive.root)
    assert path.stat().st_mode & 0o077 == 0


# -- the command line --------------------------------------------------------------------


def test_login_whoami_logout(archive: Archive) -> None:
    root = str(archive.root)
    run_cli("--archive", root, "logout", check=True)
    refused = run_cli("--archive", root, "summary")
    assert refused.returncode == 1 and "尚未登录" in refused.stderr
    assert _events(archive, AccessKind.SESSION_REFUSED)[-1].detail == {"why": "none"}
    wrong = run_cli("--archive", root, "login", "tester", "--password-stdin", input="nope\n")
    assert wrong.returncode == 1 and "密码不正确" in wrong.stderr
    run_cli(
        "--archive", root, "login", "tester", "--password-stdin", input=PASSWORD + "\n", check=True
    )
    who = run_cli("--archive", root, "whoami", "--json", check=True)
    data = json.loads(who.stdout)
    assert data["user"] == "tester" and data["roles"] == ["archivist"]
    assert "actor" not in run_cli("--help").stdout


def test_a_forged_session_file_is_refused(archive: Archive) -> None:
    path = session_file.session_path(archive.root)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["user"] = "admin"  # the database, not the file, says whose session it is
    path.write_text(json.dumps(data), encoding="utf-8")
    who = run_cli("--archive", str(archive.root), "whoami", "--json", check=True)
    assert json.loads(who.stdout)["user"] == "tester"
    data["token"] = "forged-" + data["token"][7:]
    path.write_text(json.dumps(data), encoding="utf-8")
    refused = run_cli("--archive", str(archive.root), "whoami")
    assert refused.returncode == 1 and "登录凭据无效" in refused.stderr


def test_init_creates_three_administrators(tmp_path: Path) -> None:
    root = tmp_path / "new"
    passwords = "\n".join([PASSWORD] * 3) + "\n"
    made = run_cli(
        "--archive",
        str(root),
        "init",
        "--fonds-code",
        "J001",
        "--fonds-name",
        "某中心",
        "--admin",
        "a1",
        "--security",
        "s1",
        "--auditor",
        "u1",
        "--password-stdin",
        input=passwords,
    )
    assert made.returncode == 0, made.stderr
    run_cli(
        "--archive", str(root), "login", "s1", "--password-stdin", input=PASSWORD + "\n", check=True
    )
    listed = json.loads(
        run_cli("--archive", str(root), "user", "list", "--json", check=True).stdout
    )
    assert {(a["user_name"], tuple(a["roles"])) for a in listed} == {
        ("a1", ("sysadmin",)),
        ("s1", ("security",)),
        ("u1", ("auditor",)),
    }


def test_init_refuses_one_person_in_two_administrator_roles(tmp_path: Path) -> None:
    made = run_cli(
        "--archive",
        str(tmp_path / "new"),
        "init",
        "--fonds-code",
        "J001",
        "--fonds-name",
        "某中心",
        "--admin",
        "a1",
        "--security",
        "a1",
        "--auditor",
        "u1",
        "--password-stdin",
        input="\n".join([PASSWORD] * 3) + "\n",
    )
    assert made.returncode == 1 and "三个不同的人" in made.stderr
    assert not (tmp_path / "new" / "archive.json").exists()


def test_the_user_commands_of_the_three_administrators(archive: Archive) -> None:
    root = str(archive.root)

    def as_(user: str, *args: str, stdin: str | None = None) -> object:
        sign_in(archive, user)
        return run_cli("--archive", root, *args, input=stdin)

    added = as_(
        "admin",
        "user",
        "add",
        "qian",
        "--display-name",
        "钱七",
        "--password-stdin",
        stdin="Linshi-2024-mima\n",
    )
    assert added.returncode == 0, added.stderr  # type: ignore[attr-defined]
    granted = as_("security", "user", "grant", "qian", "head", "--reason", "任命")
    assert granted.returncode == 0, granted.stderr  # type: ignore[attr-defined]
    self_grant = as_("security", "user", "grant", "security", "head", "--reason", "自己")
    assert self_grant.returncode == 1  # type: ignore[attr-defined]
    handler_grant = as_("tester", "user", "grant", "qian", "archivist", "--reason", "x")
    assert handler_grant.returncode == 1 and "没有“授予角色”的权限" in handler_grant.stderr  # type: ignore[attr-defined]
    log = as_("auditor", "access-log", "--user", "security", "--json")
    assert log.returncode == 0, log.stderr  # type: ignore[attr-defined]
    kinds = {e["kind"] for e in json.loads(log.stdout)}  # type: ignore[attr-defined]
    assert "refused" in kinds and "sign_in" in kinds


def test_an_archive_from_before_accounts_asks_for_its_administrators(
    archive: Archive, tmp_path: Path
) -> None:
    with archive.db.writing() as session:
        session.execute(text("DELETE FROM sign_in_sessions"))
        session.execute(text("DELETE FROM account_roles"))
        session.execute(text("DELETE FROM accounts"))
    refused = run_cli("--archive", str(archive.root), "summary")
    assert refused.returncode == 1 and "user setup" in refused.stderr
    made = run_cli(
        "--archive",
        str(archive.root),
        "user",
        "setup",
        "--admin",
        "a2",
        "--security",
        "s2",
        "--auditor",
        "u2",
        "--password-stdin",
        input="\n".join([PASSWORD] * 3) + "\n",
    )
    assert made.returncode == 0, made.stderr
    assert "tester" in {e.actor for e in _all_audit(archive)}  # old names kept as they were


# -- the access log ----------------------------------------------------------------------


def test_the_access_log_is_chained_and_verify_finds_an_edit(archive: Archive) -> None:
    archive.sign_in("auditor", PASSWORD)
    assert verify(archive).ok
    with archive.db.writing() as session:
        session.execute(text("DROP TRIGGER access_events_no_update"))
        session.execute(text("UPDATE access_events SET user_name = 'x' WHERE seq = 2"))
    report = verify(archive)
    assert not report.ok
    assert any(f.code == "access_log.edited" for f in report.findings)


def test_the_access_log_refuses_updates(archive: Archive) -> None:
    with pytest.raises(Exception, match="append-only"), archive.db.writing() as session:
        session.execute(text("DELETE FROM access_events"))


def test_only_the_auditor_and_the_security_officer_read_the_access_log(archive: Archive) -> None:
    from archivist.access.access_review import read_access_log

    with pytest.raises(AccessRefused):
        read_access_log(archive)
    archive.sign_in("auditor", PASSWORD)
    entries = read_access_log(archive, user_name="tester")
    assert entries and all(e.user_name == "tester" for e in entries)
    assert _events(archive)[-1].kind == AccessKind.READ_ACCESS_LOG.value


def test_the_administrators_accounts_record_nothing_secret(archive: Archive) -> None:
    with archive.db.reading() as session:
        for event in session.scalars(select(AuditEvent)):
            assert "argon2" not in json.dumps(event.after or {})
        hashes = list(session.scalars(select(Account.password_hash)))
    assert all(h.startswith("$argon2id$") for h in hashes)



def test_a_handler_approves_nothing(archive: Archive) -> None:
    """A handler puts a handover together; signing it as the archive is not theirs."""
    add_person(archive, "jingban", "handler")
    archive.sign_in("jingban", PASSWORD)
    for action in Action:
        if action.right in (
            Right.APPROVE,
            Right.APPROVE_USE,
            Right.HANDOVER_RECEIVE,
            Right.APPRAISE,
        ):
            with pytest.raises(AccessRefused) as refused, archive.change(action, "x", reason="r"):
                pass
            assert refused.value.code == "rights.refused"


def test_a_scheduled_job_verifies_with_its_service_account_and_nothing_else(
    archive: Archive, tmp_path: Path
) -> None:
    archive.sign_in("admin", PASSWORD)
    directory.add_account(archive, "nightly", "夜间校验", PASSWORD, service=True)
    archive.sign_in("security", PASSWORD)
    with pytest.raises(AccessRefused) as person_role:
        directory.grant_role(archive, "nightly", "archivist", "不该给")
    assert person_role.value.code == "accounts.person_role_for_service"
    directory.grant_role(archive, "nightly", "verifier", "夜间校验")
    secret = tmp_path / "nightly.pw"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    at = ("--archive", str(archive.root), "--user", "nightly", "--password-file", str(secret))
    checked = run_cli(*at, "verify", "--json")
    assert checked.returncode == 0, checked.stderr
    refused = run_cli(*at, "summary")
    assert refused.returncode == 1 and "没有“查阅档案”的权限" in refused.stderr
    assert _events(archive, AccessKind.VERIFY)[-1].user_name == "nightly"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_session_file_copied_to_another_os_user_is_refused() -> None:
    """The real thing: root's session file, copied into another OS user's configuration
    folder and used by that user (who also claims USER=root), is refused."""
    base = Path(tempfile.mkdtemp(prefix="copied-session-"))
    try:
        base.chmod(0o755)
        with init_archive(base / "archive") as archive:
            source = session_file.session_path(archive.root)
            config = base / "nobody-config"
            (config / "sessions").mkdir(parents=True)
            copied = config / "sessions" / source.name
            copied.write_bytes(source.read_bytes())
            for path in [base, *base.rglob("*")]:
                path.chmod(0o777 if path.is_dir() else 0o666)
            result = subprocess.run(
                [
                    *NOBODY,
                    sys.executable,
                    "-m",
                    "archivist",
                    "--archive",
                    str(archive.root),
                    "whoami",
                ],
                capture_output=True,
                text=True,
                cwd=ROOT,
                env={
                    **os.environ,
                    "ARCHIVIST_CONFIG_DIR": str(config),
                    "USER": "root",
                    "LOGNAME": "root",
                    "HOME": str(base),
                },
                timeout=60,
            )
            assert result.returncode == 1, result.stdout
            assert "登录凭据无效" in result.stderr and "Traceback" not in result.stderr
            why = [e.detail for e in _events(archive, AccessKind.SESSION_REFUSED)]
            assert why and why[-1] == {"why": "other_os_user"}
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_an_archive_folder_the_os_user_may_not_enter_is_refused_in_one_line(
    tmp_path: Path,
) -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root")
    result = subprocess.run(
        [*NOBODY, sys.executable, "-m", "archivist", "--archive", str(tmp_path / "a"), "whoami"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "HOME": "/tmp"},
        timeout=60,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_system_administrator_cannot_take_over_the_security_officer(
    archive: Archive,
) -> None:
    """Resetting the security officer's password would let the system administrator
    sign in as both (三员分立): refused, logged; a second system administrator's may."""
    archive.sign_in("admin", PASSWORD)
    with pytest.raises(AccessRefused) as refused:
        directory.reset_password(archive, "security", "Jieguan-2024-mima", "忘记密码")
    assert refused.value.code == "accounts.reset_administrator"
    assert _events(archive, AccessKind.REFUSED)[-1].target == "account.reset_password"
    add_person(archive, "admin2")
    archive.sign_in("security", PASSWORD)
    directory.grant_role(archive, "admin2", "sysadmin", "第二位系统管理员")
    archive.sign_in("admin2", PASSWORD)
    directory.reset_password(archive, "admin", "Chongzhi-2024-mima", "忘记密码")
    with pytest.raises(AccessRefused) as own:
        directory.disable_account(archive, "admin2", "自己停用")
    assert own.value.code == "accounts.disable_self"


@pytest.mark.parametrize("name", ["admin\n", "Admin", " admin"])
def test_look_alike_user_names_are_one_account_or_refused(archive: Archive, name: str) -> None:
    archive.sign_in("admin", PASSWORD)
    with pytest.raises((InputError, AccessRefused)) as refused:
        directory.add_account(archive, name, "冒名", PASSWORD)
    assert refused.value.code in ("accounts.bad_user_name", "accounts.exists")


def test_a_case_different_name_signs_in_as_the_same_account(archive: Archive) -> None:
    assert archive.sign_in("TESTER", PASSWORD).user_name == "tester"


def test_undecodable_bytes_and_impossible_dates_are_refused_in_one_line(
    archive: Archive,
) -> None:
    root = str(archive.root)
    bad = b"\xff\xfe".decode("utf-8", "surrogateescape")
    for args in (
        ("login", bad),
        ("access-log", "--user", bad),
        ("user", "disable", bad, "--reason", "x"),
        ("item", "edit", "2023-SY-000001", "--reason", bad),
    ):
        result = run_cli("--archive", root, *args)
        assert result.returncode == 1, (args, result.stderr)
        assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    sign_in(archive, "auditor")
    for day in ("0001-01-01", "9999-12-31", "2023-02-30"):
        result = run_cli("--archive", root, "access-log", "--since", day)
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, day


def test_a_password_that_is_not_text_is_refused(archive: Archive) -> None:
    import io

    from archivist.cli.people import PasswordSource

    class Stdin(io.StringIO):
        buffer = io.BytesIO(b"\xff\xfe\n")

    saved = sys.stdin
    sys.stdin = Stdin()
    try:
        with pytest.raises(InputError) as refused:
            PasswordSource(True).next("x")
    finally:
        sys.stdin = saved
    assert refused.value.code == "password.not_text"


def test_control_characters_typed_as_a_name_reach_nobodys_terminal(archive: Archive) -> None:
    with pytest.raises(AccessRefused):
        archive.sign_in("\x1b[2Jevil\r", PASSWORD)
    sign_in(archive, "auditor")
    out = run_cli("--archive", str(archive.root), "access-log", "--kind", "sign_in_failed")
    assert out.returncode == 0 and "\x1b" not in out.stdout and "\r" not in out.stdout
    assert "\\x1b[2Jevil" in out.stdout


def test_a_person_who_must_change_the_password_is_refused_with_a_trace(
    archive: Archive,
) -> None:
    archive.sign_in("admin", PASSWORD)
    directory.reset_password(archive, "tester", "Chongzhi-2024-mima", "忘记密码")
    archive.sign_in("tester", "Chongzhi-2024-mima")
    sign_in_file = session_file.session_path(archive.root)
    sign_in_file.unlink()
    session_file.save(archive.root, "tester", signing.start_session(archive))
    refused = run_cli("--archive", str(archive.root), "item", "list")
    assert refused.returncode == 1 and "须先修改密码" in refused.stderr
    assert _events(archive, AccessKind.REFUSED)[-1].detail == {"code": "must_change_password"}


def test_a_read_only_archive_keeps_no_session(archive: Archive) -> None:
    archive.read_only = True
    try:
        with pytest.raises(AccessRefused) as refused:
            signing.start_session(archive)
    finally:
        archive.read_only = False
    assert refused.value.code == "auth.no_session_read_only"


def test_a_second_login_ends_the_first_session(archive: Archive) -> None:
    first = session_file.load(archive.root)
    assert first is not None
    run_cli(
        "--archive",
        str(archive.root),
        "login",
        "tester",
        "--password-stdin",
        input=PASSWORD + "\n",
        check=True,
    )
    with pytest.raises(AccessRefused) as ended:
        signing.resume_session(archive, first[1])
    assert ended.value.code == "auth.session_ended"


def test_display_names_for_showing_who_did_what(archive: Archive) -> None:
    from archivist.accounts.directory import display_names

    names = display_names(archive)
    assert names["admin"] == "系统管理员" and names["tester"]
    archive.sign_out()
    with pytest.raises(AccessRefused):
        display_names(archive)
