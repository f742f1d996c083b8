"""What every command shares: opening the archive, JSON output, progress, exit codes."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from archivist.archive import Archive
from archivist.messages import current_language, render

EXIT_FAILED, EXIT_USAGE, EXIT_FINDINGS, EXIT_INTERNAL = 1, 2, 3, 70

# Every sub-command takes --json (machine-readable output).
JSON_OPTION = argparse.ArgumentParser(add_help=False)
JSON_OPTION.add_argument("--json", action="store_true", help="machine-readable output")

Handler = Callable[[argparse.Namespace], int]
Found = TypeVar("Found")


def command_adder(sub: Any) -> Callable[..., argparse.ArgumentParser]:
    """`add(name, handler, help, parent=sub)`: a sub-command taking --json that runs `handler`."""

    def add(
        name: str, handler: Handler, help_text: str, parent: Any = sub
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, parents=[JSON_OPTION], help=help_text)
        p.set_defaults(handler=handler)
        return p

    return add


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n")


class ProgressLine:
    """A one-line progress bar on stderr (only when stderr is a terminal)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int, what: str) -> None:
        if not self.enabled:
            return
        if total:
            filled = int(30 * done / total)
            bar = "█" * filled + "·" * (30 - filled)
            sys.stderr.write(f"\r{self.label} [{bar}] {done}/{total} ")
        else:
            sys.stderr.write(f"\r{self.label} {done} ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _open_unsigned(args: argparse.Namespace) -> Archive:
    """Open the archive with nobody signed in (login, logout, user setup)."""
    archive = Archive.open(args.archive)
    if archive.migration_backup:
        say("cli.migrated", err=True, path=archive.migration_backup)
    for line in archive.recovered:
        say("cli.recovered", err=True, line=line)
    return archive


def _open(args: argparse.Namespace, *, allow_password_change: bool = False) -> Archive:
    """Open the archive signed in: `--user` with `--password-file` for this command only
    (scheduled jobs), else this OS user's session from `archivist login`. Refused when
    nobody is signed in, and (unless `allow_password_change`) while the person must
    change a password someone else set."""
    from archivist.accounts import session_file, signing
    from archivist.errors import AccessRefused

    archive = _open_unsigned(args)
    try:
        if not archive.has_accounts():
            raise AccessRefused("auth.no_accounts")
        if getattr(args, "sign_in_user", None):
            archive.sign_in(args.sign_in_user, _password_from_file(args))
        else:
            stored = session_file.load(archive.root)
            if stored is None:
                from archivist.accounts.access_log import AccessKind, record

                record(archive, AccessKind.SESSION_REFUSED, "session", {"why": "none"})
                raise AccessRefused("auth.not_signed_in")
            signing.resume_session(archive, stored[1])
        person = archive.person
        if person is not None and person.must_change_password and not allow_password_change:
            from archivist.accounts.access_log import AccessKind, record

            record(archive, AccessKind.REFUSED, args.command, {"code": "must_change_password"})
            raise AccessRefused("auth.must_change_password", user=person.user_name)
    except BaseException:
        archive.close()
        raise
    return archive


def _password_from_file(args: argparse.Namespace) -> str:
    from archivist.errors import InputError

    path = getattr(args, "password_file", None)
    if path is None:
        raise InputError("password.missing")
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        raise InputError("password.missing") from None
    if not lines:
        raise InputError("password.missing")
    return lines[0]


def print_result(
    args: argparse.Namespace,
    read: Callable[[Archive], Found],
    as_json: Callable[[Found], Any],
    as_sentences: Callable[[Found], None],
) -> int:
    """The shape of most commands: `read` (a service's call) with the archive open and
    signed in, then what it gave printed as JSON (--json) or as sentences; exit 0."""
    with _open(args) as archive:
        found = read(archive)
    if args.json:
        _print_json(as_json(found))
    else:
        as_sentences(found)
    return 0


def _confirm(question: str) -> bool:
    """Ask on the terminal (y/N); False when no one is there to answer."""
    if not sys.stdin.isatty():
        return False
    print(question, file=sys.stderr)
    try:
        answer = input("继续？ Continue? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是")


def _date_arg(value: str | None) -> Any:
    from archivist.capture.manifest import parse_date

    return parse_date(value, "--completed-on") if value else None


def text(message: str, /, **params: Any) -> str:
    """The catalogue's sentence `message` (archivist/messages/cli.py) in the chosen language."""
    return render(message, params)


def say(message: str, /, *, err: bool = False, **params: Any) -> None:
    """Print the catalogue's sentence `message` on stdout (stderr with err=True)."""
    print(render(message, params), file=sys.stderr if err else sys.stdout)


def joined(names: Iterable[str]) -> str:
    """Names in a list for people: 张三、李四 / zhang, li."""
    return ("、" if current_language() == "zh" else ", ").join(names)


def retention_text(code: str) -> str:
    """A retention period for people: 永久 / 10年 (permanent / 10 years)."""
    from archivist.rules.retention import Retention

    period = Retention(code)
    if period.is_permanent:
        return text("cli.retention.permanent")
    if period.years is not None:
        return text("cli.retention.years", years=period.years)
    return period.label if current_language() == "zh" else code
