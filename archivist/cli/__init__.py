"""`archivist`: the command line over the same core services as the window.

One module per command group (admin, people, capture, items, volumes, custody,
handover, registers, search, use, person, appraisal), each with a `register(sub)` adding its
sub-commands; this module builds the parser and runs a command (`main`), turning errors
into exit codes.

Exit codes: 0 success; 1 the operation was refused or failed (one line on stderr
naming the file and the reason); 2 usage error; 3 check/verify found problems.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from archivist import __version__, logs
from archivist.archive import default_archive_dir
from archivist.cli import (
    admin,
    appraisal,
    capture,
    custody,
    destruction,
    handover,
    holds,
    integrity,
    items,
    people,
    person,
    registers,
    search,
    use,
    volumes,
)
from archivist.cli.common import EXIT_FAILED, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_USAGE, _print_json
from archivist.errors import ArchivistError
from archivist.messages import render, set_language

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archivist", description="档案室 Archivist: 社会保险业务档案管理"
    )
    parser.add_argument("--version", action="version", version=f"archivist {__version__}")
    parser.add_argument(
        "--archive",
        type=Path,
        default=None,
        help="archive folder (default: $ARCHIVIST_ARCHIVE or the per-user data folder)",
    )
    parser.add_argument(
        "--user",
        dest="sign_in_user",
        default=None,
        help="sign in for this command only (scheduled jobs; with --password-file); "
        "otherwise the session of `archivist login` acts",
    )
    parser.add_argument(
        "--password-file",
        type=Path,
        default=None,
        help="a file whose first line is --user's password",
    )
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="message language")
    sub = parser.add_subparsers(dest="command", required=True)

    for group in (admin, people, capture, items, registers, volumes, handover, custody, search):
        group.register(sub)
    person.register(sub)
    use.register(sub)
    appraisal.register(sub)
    holds.register(sub)
    destruction.register(sub)
    integrity.register(sub)
    return parser


def _search_words_last(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """`archivist search -工伤 申请`: a word starting with "-" that is no option of the
    search command belongs to the query (it excludes), so the query words are moved
    behind "--" where argparse cannot take them for options."""
    at = 0
    while at < len(argv):  # find the command, skipping the global options and values
        word = argv[at]
        if word in ("--archive", "--user", "--password-file", "--lang"):
            at += 2
        elif word.startswith("-"):
            at += 1
        else:
            break
    if at >= len(argv) or argv[at] != "search":
        return argv
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    options = commands.choices["search"]._option_string_actions
    kept, query = argv[: at + 1], list[str]()
    rest = iter(argv[at + 1 :])
    for word in rest:
        if word == "--":
            query.extend(rest)
            break
        name = word.split("=", 1)[0]
        known = [o for o in options if o == name] or [
            o for o in options if name.startswith("--") and o.startswith(name)
        ]
        if len(known) == 1:
            value = next(rest, None) if "=" not in word and options[known[0]].nargs != 0 else None
            kept.append(word if value is None else f"{word}={value}")
        elif word.startswith("--") and word != "--":
            kept.append(word)  # argparse names the unknown option
        else:
            query.append(word)
    return kept + (["--", *query] if query else [])


def _undecodable(words: list[str]) -> str | None:
    """The first argument that was not valid text in the system's encoding (Python keeps
    its bytes as lone surrogates, which no later step can store or hash)."""
    for word in words:
        if any("\udc80" <= c <= "\udcff" for c in word):
            return word.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    bad = _undecodable(words)
    if bad is not None:
        print(
            render("cli.error", {"message": render("cli.bad_text", {"text": bad[:60]})}),
            file=sys.stderr,
        )
        return EXIT_FAILED
    args = parser.parse_args(_search_words_last(parser, words))
    set_language(args.lang)
    if args.archive is None:
        args.archive = default_archive_dir()
    logs.configure("archivist", archive=args.archive)
    log.info("command %s", getattr(args.handler, "__name__", args.command))
    try:
        return int(args.handler(args))
    except ArchivistError as exc:
        log.info("refused: %s (%s)", exc.code, exc.message())
        print(render("cli.error", {"message": exc.message()}), file=sys.stderr)
        if getattr(args, "json", False):
            _print_json({"error": exc.to_dict()})
        return EXIT_FAILED
    except KeyboardInterrupt:
        log.info("cancelled")
        print(render("cli.cancelled"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped listening
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a defect: say so in one line, keep the details for the log
        log.exception("internal error")
        last = Path(args.archive) / ".work" / "last-error.txt" if args.archive else None
        detail = traceback.format_exc()
        where = ""
        try:
            if last is not None and last.parent.is_dir():
                last.write_text(detail, encoding="utf-8")
                where = render("cli.internal_error.detail", {"path": last})
        except OSError:  # a folder this process may not write: the log has the details
            log.warning("could not keep the details in %s", last)
        print(
            render("cli.internal_error", {"error": f"{type(exc).__name__}: {exc}"}) + where,
            file=sys.stderr,
        )
        return EXIT_INTERNAL


__all__ = ["EXIT_FAILED", "EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_USAGE", "build_parser", "main"]


if __name__ == "__main__":
    raise SystemExit(main())
