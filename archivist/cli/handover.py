"""Handover (归档交接): batches of volumes handed to the archive."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from archivist.cli.common import (
    EXIT_FINDINGS,
    _date_arg,
    _open,
    _print_json,
    command_adder,
    say,
    text,
)
from archivist.messages import current_language

if TYPE_CHECKING:
    from archivist.handover.handovers import HandoverRow, HandoverView


def _check(row: HandoverRow) -> str:
    """The row's check result in the chosen language (合格 / 不合格 / 未检查)."""
    from archivist.handover.handovers import result_text

    shown = result_text(row.result, row.reasons, current_language()) if row.result else ""
    return shown or row.check or text("cli.handover.unchecked")


def _print_handover(view: HandoverView) -> None:
    print(f"{view.number}  {view.from_department} → {view.to_department}  {view.status}")
    say(
        "cli.handover.people",
        handed_by=view.handed_by or "—",
        received_by=view.received_by or "—",
        date=view.signed_on or "—",
    )
    for row in view.rows:
        say(
            "cli.handover.row",
            seq=row.seq,
            code=row.code,
            title=row.title,
            items=row.items,
            pages=row.pages,
            check=_check(row),
        )
    totals = view.totals
    say("cli.handover.totals", volumes=totals.volumes, items=totals.items, pages=totals.pages)
    for row in view.returned:
        say("cli.handover.returned_row", code=row.code, check=_check(row))


def cmd_handover_create(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        view = handovers.create(archive, args.from_department, args.by, args.to_department)
    if args.json:
        _print_json(view.to_json())
    else:
        _print_handover(view)
    return 0


def cmd_handover_add(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        view = handovers.add_volumes(archive, args.number, args.volumes)
    if args.json:
        _print_json(view.to_json())
    else:
        _print_handover(view)
    return 0


def cmd_handover_check(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        report = handovers.check(archive, args.number)
    if args.json:
        _print_json(report.to_json())
    else:
        for volume in report.volumes:
            verdict = "cli.handover.pass" if volume.result == "pass" else "cli.handover.fail"
            print(f"{volume.code}  {text(verdict)}")
            for message in volume.messages:
                print(f"    {message}")
        say(
            "cli.handover.checked",
            count=len(report.volumes),
            passed=report.passed,
            failed=report.failed,
        )
    return 0 if report.ok else EXIT_FINDINGS


def cmd_handover_return(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        done = handovers.return_failed(archive, args.number, args.reason, args.volumes or None)
    if args.json:
        _print_json(done.to_json())
    else:
        for volume in done.returned:
            joiner = "；" if current_language() == "zh" else "; "
            say("cli.handover.returned", code=volume.code, messages=joiner.join(volume.messages))
    return 0


def cmd_handover_sign(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        view = handovers.sign(
            archive, args.number, args.received_by, args.handed_by, _date_arg(args.date)
        )
    if args.json:
        _print_json(view.to_json())
    else:
        _print_handover(view)
    return 0


def cmd_handover_list(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        rows = handovers.list_batches(archive, args.status)
    if args.json:
        _print_json([b.to_json() for b in rows])
        return 0
    for b in rows:
        returned = text("cli.handover.list_returned", count=b.returned) if b.returned else ""
        line = text(
            "cli.handover.list_line",
            number=b.number,
            source=b.from_department,
            target=b.to_department,
            status=b.status,
            volumes=b.volumes,
            items=b.items,
            pages=b.pages,
        )
        print(line + returned)
    say("cli.handover.count", count=len(rows))
    return 0


def cmd_handover_show(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        view = handovers.show(archive, args.number)
    if args.json:
        _print_json(view.to_json())
    else:
        _print_handover(view)
    return 0


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)

    ho = sub.add_parser("handover", help="hand volumes over to the archive (归档交接)")
    ho_sub = ho.add_subparsers(dest="handover_command", required=True)
    p = add("create", cmd_handover_create, "start a handover batch (交接单)", ho_sub)
    p.add_argument("--from", dest="from_department", required=True, help="移交部门")
    p.add_argument(
        "--to", dest="to_department", help="接收部门 (default: the archive_department setting)"
    )
    p.add_argument("--by", required=True, help="移交人")
    p = add("add", cmd_handover_add, "put volumes in a batch", ho_sub)
    p.add_argument("number", metavar="BATCH")
    p.add_argument("volumes", nargs="+", metavar="VOLUME")
    p = add("check", cmd_handover_check, "quality-check every volume of a batch", ho_sub)
    p.add_argument("number", metavar="BATCH")
    p = add("return", cmd_handover_return, "send failed volumes back with a reason", ho_sub)
    p.add_argument("number", metavar="BATCH")
    p.add_argument("volumes", nargs="*", metavar="VOLUME", help="default: every failed volume")
    p.add_argument("--reason", required=True)
    p = add("sign", cmd_handover_sign, "sign the batch: its volumes are handed over", ho_sub)
    p.add_argument("number", metavar="BATCH")
    p.add_argument("--handed-by", help="移交人 (default: the one named at create)")
    p.add_argument("--received-by", required=True, help="接收人")
    p.add_argument("--date", help="YYYY-MM-DD (default: today)")
    p = add("list", cmd_handover_list, "list handover batches", ho_sub)
    p.add_argument("--status", choices=("draft", "checked", "signed"))
    p = add("show", cmd_handover_show, "show a batch as its 归档交接单", ho_sub)
    p.add_argument("number", metavar="BATCH")
