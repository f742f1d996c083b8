"""Registers: print the archive's forms as .docx / .xlsx."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from archivist.cli.common import (
    _open,
    _print_json,
    command_adder,
    say,
)


def cmd_register(args: argparse.Namespace) -> int:
    from archivist.registers.forms import Selection, generate
    from archivist.rules.limits import parse_day

    if args.kind in DISPOSITION_KINDS:
        return _disposition_register(args)

    def day(value: str | None, option: str) -> dt.date | None:
        return parse_day(value, option) if value is not None else None

    selection = Selection(
        volume=args.volume,
        year=args.year,
        class_code=args.klass,
        box=args.box,
        handover=args.handover,
        start=day(args.start, "--from"),
        end=day(args.end, "--to"),
        request=args.request,
        as_of=day(args.as_of, "--as-of"),
        query=args.query,
    )
    with _open(args) as archive:
        result = generate(archive, args.kind, args.out, selection)
    if args.json:
        _print_json(result)
    else:
        say("cli.register.done", file=result["file"])
    return 0


# appraisal, holds and destruction (issue 15): archivist/registers/disposition_registers.py
DISPOSITION_KINDS = ("appraisal-list", "appraisal-opinion", "destruction", "holds")


def _disposition_register(args: argparse.Namespace) -> int:
    from archivist.registers import disposition_registers

    with _open(args) as archive:
        result = disposition_registers.generate(
            archive, args.kind, args.out, batch=args.batch, register=args.destruction_register
        )
    if args.json:
        _print_json(result)
    else:
        say("cli.register.done", file=result["file"])
    return 0


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)

    p = add("register", cmd_register, "print a register as .docx (catalogues also .xlsx)")
    p.add_argument(
        "kind",
        choices=(
            "item-list",
            "box-notes",
            "volume-cover",
            "volume-contents",
            "volume-notes",
            "volume-list",
            "spine-labels",
            "handover",
            "loans",
            "overdue-notice",
            "use-effect",
            "benefit-events",
            "person-file",
            *DISPOSITION_KINDS,
        ),
    )
    p.add_argument("--volume", help="a volume's code (volume-cover, -contents, -notes)")
    p.add_argument("--year", type=int)
    p.add_argument("--class", dest="klass")
    p.add_argument("--box", help="a box's code (box-notes, spine-labels, item-list)")
    p.add_argument("--handover", help="a handover batch number (handover)")
    p.add_argument(
        "--from", dest="start", help="YYYY-MM-DD: first day (loans, use-effect, benefit-events)"
    )
    p.add_argument("--to", dest="end", help="YYYY-MM-DD: last day of the period")
    p.add_argument("--request", help="a use request LY-YYYY-NNNN (overdue-notice)")
    p.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD: overdue on this day (today)")
    p.add_argument("--query", help="ID number, name or unit code (person-file)")
    p.add_argument("--batch", help="an appraisal batch JD-YYYY-NN (appraisal-list, -opinion)")
    p.add_argument(
        "--register", dest="destruction_register", help="a register XH-YYYY-NN (destruction)"
    )
    p.add_argument("--out", type=Path, required=True, help="FILE.docx, or FILE.xlsx for lists")
