"""Registers: print the archive's forms as .docx / .xlsx."""

from __future__ import annotations

import argparse
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

    selection = Selection(
        volume=args.volume,
        year=args.year,
        class_code=args.klass,
        box=args.box,
        handover=args.handover,
    )
    with _open(args) as archive:
        result = generate(archive, args.kind, args.out, selection)
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
        ),
    )
    p.add_argument("--volume", help="a volume's code (volume-cover, -contents, -notes)")
    p.add_argument("--year", type=int)
    p.add_argument("--class", dest="klass")
    p.add_argument("--box", help="a box's code (box-notes, spine-labels, item-list)")
    p.add_argument("--handover", help="a handover batch number (handover)")
    p.add_argument("--out", type=Path, required=True, help="FILE.docx, or FILE.xlsx for lists")
