"""Integrity: the four-property tests (四性检测) as one command, `archivist check-four`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archivist.cli.common import EXIT_FINDINGS, _open, _print_json, command_adder, say


def cmd_check_four(args: argparse.Namespace) -> int:
    from archivist.integrity.four_properties import check_four, export_four_report

    scope = " ".join(args.scope) if args.scope else "all"
    with _open(args) as archive:
        report = check_four(archive, scope, workers=args.workers)
        if args.out is not None:
            export_four_report(archive, report, args.out)
    if args.json:
        _print_json(report.to_json())
    else:
        for group in report.groups:
            print(group.label())
            for row in group.items:
                mark = "✓" if row.ok else "✗"
                print(
                    f"  {mark} {row.label()}: {row.objects} / {row.passed} / {row.failed}"
                    f"  {row.explanation()}"
                )
        say(
            "cli.four.done" if report.ok else "cli.four.problems",
            count=len(report.findings),
            files=", ".join(report.kept) or "-",
        )
    return 0 if report.ok else EXIT_FINDINGS


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)
    p = add(
        "check-four",
        cmd_check_four,
        "the four-property tests (四性检测, DA/T 70-2018): authenticity, integrity, "
        "usability, security; the report kept under reports/ with its audit event",
    )
    p.add_argument(
        "--scope",
        nargs="+",
        metavar="SCOPE",
        default=None,
        help="all (default) | handover BATCH | volume CODE | year YYYY",
    )
    p.add_argument("--out", type=Path, default=None, help="also print the report to this .docx")
    p.add_argument("--workers", type=int, default=None)
