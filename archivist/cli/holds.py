"""Holds (保全): place on items or a volume, lift with a reason, list (`archivist hold ...`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from archivist.cli.common import _open, _print_json, command_adder, say, text

if TYPE_CHECKING:
    from archivist.disposition.holds import HoldView

KINDS = ("unsettled", "dispute", "litigation", "audit", "other")
STATES = ("placed", "lifted")


def _say_hold(view: HoldView) -> None:
    """A hold in one line: number, kind, state, what it is on, reason, who placed it."""
    say(
        "cli.hold.line",
        number=view.number,
        kind=text(f"cli.hold.kind.{view.kind}"),
        state=text(f"cli.hold.state.{view.state}"),
        target=text(f"cli.hold.target.{view.target_kind}", code=view.code),
        why=view.reason,
        by=view.placed_by,
        at=view.placed_at[:10],
    )
    if view.lifted_by:
        say(
            "cli.hold.lifted_line",
            by=view.lifted_by,
            at=(view.lifted_at or "")[:10],
            why=view.lift_reason,
        )


def cmd_place(args: argparse.Namespace) -> int:
    from archivist.disposition.holds import place_hold

    with _open(args) as archive:
        views = place_hold(
            archive, items=args.items or (), volume=args.volume, kind=args.kind, reason=args.reason
        )
    if args.json:
        _print_json([view.to_json() for view in views])
        return 0
    for view in views:
        say("cli.hold.placed", number=view.number, code=view.code)
    return 0


def cmd_lift(args: argparse.Namespace) -> int:
    from archivist.disposition.holds import lift_hold

    with _open(args) as archive:
        view = lift_hold(archive, args.hold, args.reason)
    if args.json:
        _print_json(view.to_json())
    else:
        say("cli.hold.lifted", number=view.number, code=view.code)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from archivist.disposition.holds import list_holds

    with _open(args) as archive:
        views = list_holds(archive, state=args.state)
    if args.json:
        _print_json([view.to_json() for view in views])
        return 0
    for view in views:
        _say_hold(view)
    say("cli.hold.count", count=len(views))
    return 0


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)
    hold = sub.add_parser("hold", help="holds (保全): records that must not be disposed of")
    hold_sub = hold.add_subparsers(dest="hold_command", required=True)
    p = add("place", cmd_place, "place a hold on items or on one volume", hold_sub)
    p.add_argument("items", nargs="*", metavar="NUMBER", help="item numbers or archival codes")
    p.add_argument("--volume", metavar="V", help="instead: a volume's code (covers its items)")
    p.add_argument("--kind", choices=KINDS, required=True)
    p.add_argument("--reason", required=True)
    p = add("lift", cmd_lift, "lift a hold, with the reason", hold_sub)
    p.add_argument("hold", metavar="HOLD")
    p.add_argument("--reason", required=True)
    p = add("list", cmd_list, "list holds, newest first", hold_sub)
    p.add_argument("--state", choices=STATES)
