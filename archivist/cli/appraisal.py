"""Appraisal (鉴定): the due list (`archivist appraisal due`)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from archivist.cli.common import _open, _print_json, command_adder, retention_text, say


def cmd_due(args: argparse.Namespace) -> int:
    from archivist.disposition.due import due_list
    from archivist.rules.limits import parse_day

    as_of = parse_day(args.as_of, "--as-of") if args.as_of is not None else None
    with _open(args) as archive:
        found = due_list(
            archive, as_of, class_code=args.klass, year=args.year, within_years=args.within
        )
    if args.json:
        _print_json(
            {
                "as_of": found.as_of.isoformat(),
                "until": found.until.isoformat() if found.until else None,
                "due": len(found.due_rows),
                "planned": len(found.planned_rows),
                "held": found.held,
                "groups": [asdict(g) for g in found.groups],
                "volumes": [asdict(v) for v in found.volumes],
                "rows": [asdict(r) for r in found.rows],
            }
        )
        return 0
    for group in found.groups:
        say(
            "cli.appraisal.due.group",
            klass=group.class_code,
            name=group.class_name,
            year=group.year,
            retention=retention_text(group.retention),
            due=group.due,
            planned=group.planned,
        )
        for row in found.rows:
            if (row.class_code, row.year, row.retention) != (
                group.class_code,
                group.year,
                group.retention,
            ):
                continue
            say(
                "cli.appraisal.due.row" if row.due else "cli.appraisal.due.row_planned",
                number=row.number,
                code=row.archival_code,
                title=row.title,
                expires=row.expires_on.isoformat(),
                volume=row.volume or "-",
            )
    for volume in found.volumes:
        say(
            "cli.appraisal.due.volume" if volume.due else "cli.appraisal.due.volume_planned",
            code=volume.code,
            title=volume.title,
            items=volume.items,
            expires=volume.expires_on.isoformat(),
        )
    say(
        "cli.appraisal.due.count",
        as_of=found.as_of.isoformat(),
        due=len(found.due_rows),
        volumes=sum(1 for v in found.volumes if v.due),
        held=found.held,
    )
    if found.until is not None:
        say(
            "cli.appraisal.due.planned",
            until=found.until.isoformat(),
            planned=len(found.planned_rows),
        )
    return 0


def _years(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value[:20]!r}") from None


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)
    group = sub.add_parser("appraisal", help="appraisal: the due list")
    appraisal_sub = group.add_subparsers(dest="appraisal_command", required=True)

    p = add("due", cmd_due, "records whose retention has run out (and due soon)", appraisal_sub)
    p.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD: due on this day (today)")
    p.add_argument("--class", dest="klass", help="a class code (e.g. SY)")
    p.add_argument("--year", type=_years, help="the year formed")
    p.add_argument(
        "--within",
        type=_years,
        default=0,
        help="also what falls due in the next N years (planning)",
    )
