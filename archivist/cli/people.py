"""People and rights: login, logout, whoami, user ..., security, access-log."""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import asdict
from typing import Any

from archivist.accounts import directory, session_file, signing
from archivist.accounts.access_log import AccessKind
from archivist.accounts.directory import AccountView, Administrators, NewAccount
from archivist.accounts.roles import Right
from archivist.accounts.signing import shown
from archivist.archive import Archive
from archivist.cli.common import _open, _open_unsigned, _print_json, command_adder, say, text
from archivist.errors import ArchivistError, InputError


class PasswordSource:
    """Passwords from stdin (one a line, --password-stdin) or asked on the terminal."""

    def __init__(self, from_stdin: bool) -> None:
        self.from_stdin = from_stdin
        self._lines: list[str] | None = None

    def next(self, prompt: str, *, confirm: bool = False) -> str:
        if self.from_stdin:
            if self._lines is None:
                raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else None
                try:
                    content = raw.decode("utf-8") if raw is not None else sys.stdin.read()
                except UnicodeDecodeError:
                    raise InputError("password.not_text") from None
                self._lines = content.splitlines()
            if not self._lines:
                raise InputError("password.missing")
            return self._lines.pop(0)
        if not sys.stdin.isatty():
            raise InputError("password.needs_terminal")
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass(text("cli.password.again")) != first:
            raise InputError("password.mismatch")
        return first


def _person_json(archive: Archive) -> dict[str, Any]:
    person = archive.person
    assert person is not None
    return {
        "user": person.user_name,
        "display_name": person.display_name,
        "roles": sorted(r.value for r in person.roles),
        "rights": sorted(str(r) for r in person.rights),
        "must_change_password": person.must_change_password,
        "seat": person.seat,
    }


def cmd_login(args: argparse.Namespace) -> int:
    with _open_unsigned(args) as archive:
        password = PasswordSource(args.password_stdin).next(text("cli.password.prompt"))
        archive.sign_in(args.name, password)
        previous = session_file.load(archive.root)
        if previous is not None:  # one session per OS user and archive: end the old one
            signing.end_session(archive, previous[1], quietly=True)
        token = signing.start_session(archive)
        session_file.save(archive.root, args.name, token)
        data = _person_json(archive)
    if args.json:
        _print_json(data)
    else:
        say("cli.login.done", user=data["user"], name=data["display_name"])
        if data["must_change_password"]:
            say("cli.login.must_change", err=True)
    return 0


def cmd_logout(args: argparse.Namespace) -> int:
    stored = session_file.load(args.archive)
    if stored is not None:
        with _open_unsigned(args) as archive:
            try:
                signing.resume_session(archive, stored[1])
            except ArchivistError:  # expired or foreign: nothing to end but the file
                archive.person = None
            else:
                signing.end_session(archive, stored[1])
    session_file.remove(args.archive)
    if args.json:
        _print_json({"signed_out": stored is not None})
    else:
        say("cli.logout.done")
    return 0


def cmd_whoami(args: argparse.Namespace) -> int:
    with _open(args, allow_password_change=True) as archive:
        data = _person_json(archive)
    if args.json:
        _print_json(data)
    else:
        say(
            "cli.whoami",
            user=data["user"],
            name=data["display_name"],
            roles=", ".join(data["roles"]) or "—",
        )
    return 0


def _account_json(view: AccountView) -> dict[str, Any]:
    data = asdict(view)
    data["roles"] = [r.value for r in view.roles]
    return data


def _print_account(args: argparse.Namespace, view: AccountView) -> None:
    if args.json:
        _print_json(_account_json(view))
    else:
        say(
            "cli.user.line",
            user=view.user_name,
            name=view.display_name,
            roles=", ".join(r.value for r in view.roles) or "—",
            state=text("cli.user.active" if view.active else "cli.user.disabled"),
        )


def cmd_user_setup(args: argparse.Namespace) -> int:
    admins = _administrators(args)
    with _open_unsigned(args) as archive:
        archive.set_up_administrators(admins)
    say("cli.user.setup.done", admin=args.admin, security=args.security, auditor=args.auditor)
    return 0


def _administrators(args: argparse.Namespace) -> Administrators:
    source = PasswordSource(args.password_stdin)
    made = []
    for name, label in (
        (args.admin, "sysadmin"),
        (args.security, "security"),
        (args.auditor, "auditor"),
    ):
        signing.check_user_name(name)
        password = source.next(text("cli.password.for", user=name, role=label), confirm=True)
        made.append(NewAccount(name, name, password))
    return Administrators(*made)


def cmd_user_add(args: argparse.Namespace) -> int:
    signing.check_user_name(args.name)
    with _open(args) as archive:
        from archivist.accounts.rights import require

        require(archive, Right.ACCOUNTS, "account.add")
        password = PasswordSource(args.password_stdin).next(
            text("cli.password.for", user=args.name, role="-"), confirm=True
        )
        view = directory.add_account(
            archive, args.name, args.display_name or args.name, password, service=args.service
        )
    _print_account(args, view)
    return 0


def cmd_user_grant(args: argparse.Namespace) -> int:
    with _open(args) as archive:
        view = directory.grant_role(archive, args.name, args.role, args.reason)
    _print_account(args, view)
    return 0


def cmd_user_revoke(args: argparse.Namespace) -> int:
    with _open(args) as archive:
        view = directory.revoke_role(archive, args.name, args.role, args.reason)
    _print_account(args, view)
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    with _open(args) as archive:
        view = directory.disable_account(archive, args.name, args.reason)
    _print_account(args, view)
    return 0


def cmd_user_enable(args: argparse.Namespace) -> int:
    with _open(args) as archive:
        view = directory.enable_account(archive, args.name, args.reason)
    _print_account(args, view)
    return 0


def cmd_user_reset(args: argparse.Namespace) -> int:
    with _open(args) as archive:
        from archivist.accounts.rights import require

        require(archive, Right.ACCOUNTS, "account.reset_password")
        password = PasswordSource(args.password_stdin).next(
            text("cli.password.for", user=args.name, role="-"), confirm=True
        )
        view = directory.reset_password(archive, args.name, password, args.reason)
    _print_account(args, view)
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    with _open(args, allow_password_change=True) as archive:
        source = PasswordSource(args.password_stdin)
        old = source.next(text("cli.password.old"))
        new = source.next(text("cli.password.new"), confirm=True)
        directory.change_own_password(archive, old, new)
    if args.json:
        _print_json({"changed": True})
    else:
        say("cli.user.passwd.done")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with _open(args) as archive:
        views = directory.list_accounts(archive)
    if args.json:
        _print_json([_account_json(v) for v in views])
    else:
        for view in views:
            _print_account(args, view)
    return 0


def cmd_security(args: argparse.Namespace) -> int:
    with _open(args) as archive:
        if args.key is None:
            from archivist.accounts.rights import require_any

            require_any(archive, (Right.ROLES, Right.ACCOUNTS), "security.show")
            policy = directory.security_policy(archive)
        else:
            if args.value is None:
                raise InputError("security.bad_value", key=args.key, low="-", high="-")
            policy = directory.edit_security_policy(archive, {args.key: args.value}, args.reason)
    if args.json:
        _print_json(policy.as_dict())
    else:
        for key, value in policy.as_dict().items():
            print(f"{key} = {value}")
    return 0


def cmd_access_log(args: argparse.Namespace) -> int:
    from archivist.access.access_review import read_access_log

    with _open(args) as archive:
        entries = read_access_log(
            archive,
            user_name=args.user,
            item=args.item,
            since=args.since,
            until=args.until,
            kind=args.kind,
            limit=args.limit,
        )
    if args.json:
        _print_json([asdict(e) for e in entries])
    else:
        for entry in entries:
            detail = (
                ""
                if not entry.detail
                else " " + ", ".join(f"{k}={v}" for k, v in entry.detail.items())
            )
            fields = (entry.user_name, entry.seat, entry.kind, entry.target + detail)
            # what a person typed is shown with its control characters escaped
            print(f"{entry.seq}\t{entry.at[:19]}\t" + "\t".join(shown(f, 400) for f in fields))
    return 0


def _positive(text: str) -> int:
    """A count for --limit: a whole number from 1 to 100,000 (argparse says so otherwise)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(text[:20]) from None
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError(text[:20])
    return value


def register(sub: Any) -> None:
    add = command_adder(sub)
    p = add("login", cmd_login, "sign in (this OS user's session, ends after idle time)")
    p.add_argument("name")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add("logout", cmd_logout, "sign out")
    add("whoami", cmd_whoami, "who is signed in, with roles and rights")

    user = sub.add_parser("user", help="accounts and roles (三员分立)")
    users = user.add_subparsers(dest="user_command", required=True)
    uadd = command_adder(users)
    p = uadd("setup", cmd_user_setup, "the three administrator accounts of an older archive")
    p.add_argument("--admin", required=True, help="system administrator's user name")
    p.add_argument("--security", required=True, help="security officer's user name")
    p.add_argument("--auditor", required=True, help="security auditor's user name")
    p.add_argument("--password-stdin", action="store_true", help="three passwords, one a line")
    p = uadd("add", cmd_user_add, "add an account (system administrator)")
    p.add_argument("name")
    p.add_argument("--display-name", default=None)
    p.add_argument("--service", action="store_true", help="a scheduled job's account")
    p.add_argument("--password-stdin", action="store_true", help="the first password on stdin")
    for verb, handler, help_text in (
        ("grant", cmd_user_grant, "grant a role (security officer)"),
        ("revoke", cmd_user_revoke, "revoke a role (security officer)"),
    ):
        p = uadd(verb, handler, help_text)
        p.add_argument("name")
        p.add_argument(
            "role",
            help="archivist, handler, appraiser, head, sysadmin, security, auditor, verifier",
        )
        p.add_argument("--reason", required=True)
    for verb, handler, help_text in (
        ("disable", cmd_user_disable, "disable an account (kept, with its history)"),
        ("enable", cmd_user_enable, "enable a disabled account"),
    ):
        p = uadd(verb, handler, help_text)
        p.add_argument("name")
        p.add_argument("--reason", required=True)
    p = uadd("reset-password", cmd_user_reset, "set someone's password (changed at next sign-in)")
    p.add_argument("name")
    p.add_argument("--reason", required=True)
    p.add_argument("--password-stdin", action="store_true")
    p = uadd("passwd", cmd_user_passwd, "change my password (old, then new)")
    p.add_argument("--password-stdin", action="store_true", help="old and new, one a line")
    uadd("list", cmd_user_list, "every account with its roles")

    p = add("security", cmd_security, "show or change the security policy (security officer)")
    p.add_argument("key", nargs="?", default=None)
    p.add_argument("value", nargs="?", default=None)
    p.add_argument("--reason", default=None)

    p = add("access-log", cmd_access_log, "the access log (auditor, security officer)")
    p.add_argument("--user", default=None)
    p.add_argument("--item", default=None, help="an item's number")
    p.add_argument("--since", default=None, help="YYYY-MM-DD")
    p.add_argument("--until", default=None, help="YYYY-MM-DD (exclusive)")
    p.add_argument("--kind", default=None, choices=[k.value for k in AccessKind])
    p.add_argument("--limit", type=_positive, default=1000, help="at most this many (1–100000)")
