"""Custody (保管): locations, boxes, where things are, inventory (盘点)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archivist.cli.common import (
    EXIT_FINDINGS,
    _open,
    _print_json,
    command_adder,
    retention_text,
    say,
    text,
)

if TYPE_CHECKING:
    from archivist.custody.boxes import BoxSummary


def cmd_location_add(args: argparse.Namespace) -> int:
    from archivist.custody import locations

    with _open(args) as archive:
        view = locations.add_location(archive, args.room, args.shelf, args.column, args.layer)
    if args.json:
        _print_json(view.to_json())
    else:
        say("cli.location.added", code=view.code, barcode=view.barcode)
    return 0


def cmd_location_list(args: argparse.Namespace) -> int:
    from archivist.custody import locations

    with _open(args) as archive:
        rows = locations.list_locations(archive)
    if args.json:
        _print_json([row.to_json() for row in rows])
        return 0
    for row in rows:
        say(
            "cli.location.line",
            code=row.code,
            barcode=row.barcode,
            count=len(row.boxes),
            boxes=" ".join(row.boxes),
        )
    say("cli.location.count", count=len(rows))
    return 0


def _print_box(view: BoxSummary) -> None:
    kind = "volumes" if view.kind == "volumes" else "items"
    heading = text(f"cli.box.heading.{kind}")
    span = f"{heading} {view.range}" if view.range else text("cli.box.empty")
    say(
        "cli.box.head",
        code=view.code,
        year=view.year,
        klass=view.class_code,
        retention=retention_text(view.retention),
        kind=text(f"cli.box.kind.{kind}"),
    )
    say(f"cli.box.contents.{kind}", count=view.count, span=span, chain=view.chain)


def cmd_box_create(args: argparse.Namespace) -> int:
    from archivist.custody import boxes

    with _open(args) as archive:
        view = boxes.create_box(archive, args.year, args.klass, args.retention, args.kind)
    if args.json:
        _print_json(view.to_json())
    else:
        _print_box(view)
    return 0


def cmd_box_change(args: argparse.Namespace) -> int:
    from archivist.custody import boxes

    change = {"put": boxes.put, "move": boxes.move, "remove": boxes.take_out}
    with _open(args) as archive:
        view = change[args.box_command](
            archive,
            args.box,
            volumes=args.volumes or (),
            items=args.items or (),
            reason=args.reason,
        )
    if args.json:
        _print_json(view.to_json())
    else:
        _print_box(view)
    return 0


def cmd_box_fill(args: argparse.Namespace) -> int:
    from archivist.custody import boxes

    with _open(args) as archive:
        filled = boxes.fill(archive, args.year, args.klass, args.capacity)
    if args.json:
        _print_json([box.to_json() for box in filled])
        return 0
    for view in filled:
        _print_box(view)
    say("cli.box.filled", count=len(filled))
    return 0


def cmd_box_shelve(args: argparse.Namespace) -> int:
    from archivist.custody import boxes

    with _open(args) as archive:
        view = boxes.shelve(archive, args.box, args.location, args.reason)
    if args.json:
        _print_json(view.to_json())
    else:
        _print_box(view)
    return 0


def cmd_box_list(args: argparse.Namespace) -> int:
    from archivist.custody import boxes

    with _open(args) as archive:
        rows = boxes.list_boxes(archive, args.year, args.klass, args.location)
    if args.json:
        _print_json([row.to_json() for row in rows])
        return 0
    for view in rows:
        _print_box(view)
    say("cli.box.count", count=len(rows))
    return 0


def cmd_box_show(args: argparse.Namespace) -> int:
    from archivist.custody import boxes

    with _open(args) as archive:
        view = boxes.show_box(archive, args.box)
    if args.json:
        _print_json(view.to_json())
        return 0
    _print_box(view)
    for volume in view.volumes:
        say("cli.box.volume", code=volume.code, title=volume.title, items=volume.items)
    for item in view.items:
        print(f"  {item.seq:>3}. {item.number}  {item.archival_code}  {item.title}")
    return 0


def _label_retention(label: str) -> str:
    """The label's printed period (永久, 10年) in the chosen language."""
    if label == "永久":
        return text("cli.retention.permanent")
    years = label.removesuffix("年")
    return text("cli.retention.years", years=years) if years.isdigit() else label


def cmd_box_labels(args: argparse.Namespace) -> int:
    from archivist.custody import labels

    with _open(args) as archive:
        rows = labels.label_rows(archive, args.boxes, year=args.year, class_code=args.klass)
    if args.json:
        _print_json([row.to_json() for row in rows])
        return 0
    for row in rows:
        say(
            "cli.box.label",
            fonds=row.fonds_code,
            year=row.year,
            retention=_label_retention(row.retention),
            heading=text(f"cli.box.heading.{row.kind}")
            if row.kind in ("items", "volumes")
            else row.range_heading,
            range=row.range or "—",
            box=row.box,
            barcode=row.barcode,
        )
    return 0


def cmd_where(args: argparse.Namespace) -> int:
    from archivist.custody import where

    with _open(args) as archive:
        found = where.where(archive, args.code)
    if args.json:
        _print_json(found.to_json())
        return 0
    if found.kind == "location":
        say(
            "cli.where.location",
            location=found.location,
            barcode=found.location_barcode,
            boxes=" ".join(found.boxes) or text("cli.where.no_boxes"),
        )
        return 0
    what = [found.item, found.volume, found.box]
    print("  ".join(str(w) for w in what if w))
    if found.status == where.WhereStatus.SHELVED:
        print(f"  {found.chain}")
    elif found.status == where.WhereStatus.BOXED:
        say("cli.where.unshelved", chain=found.chain)
    else:
        say("cli.where.unboxed")
    if found.on_loan is not None:
        loan = found.on_loan
        say(
            "cli.where.on_loan",
            number=loan.number,
            borrower=loan.borrower_name,
            unit=loan.borrower_unit or "—",
            due=loan.due_on or "—",
        )
    return 0


def cmd_inventory(args: argparse.Namespace) -> int:
    from archivist.custody.inventory import inventory

    with _open(args) as archive:
        report = inventory(archive, args.scans, args.location)
    if args.json:
        _print_json(report.to_json())
    else:
        for missing in report.missing:
            say("cli.inventory.missing", box=missing.box, location=missing.location)
        for misplaced in report.misplaced:
            say(
                "cli.inventory.misplaced",
                box=misplaced.box,
                registered=misplaced.registered or text("cli.inventory.not_shelved"),
                scanned=misplaced.scanned_at or text("cli.inventory.no_place"),
            )
        for unexpected in report.unexpected:
            say("cli.inventory.unexpected", message=unexpected.message)
        for lent in report.on_loan:
            say(
                "cli.inventory.on_loan",
                box=lent.box,
                location=lent.location or "—",
                request=lent.request,
                borrower=lent.borrower,
                due=lent.due_on or "—",
            )
        total = text(
            "cli.inventory.total",
            scanned=report.scanned,
            matched=report.matched,
            missing=len(report.missing),
            misplaced=len(report.misplaced),
            unexpected=len(report.unexpected),
        )
        print(total + (text("cli.inventory.consistent") if report.consistent else ""))
    return 0 if report.consistent else EXIT_FINDINGS


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)

    loc = sub.add_parser("location", help="shelf locations (库房-架-列-层)")
    loc_sub = loc.add_subparsers(dest="location_command", required=True)
    p = add("add", cmd_location_add, "register a place on the shelves", loc_sub)
    p.add_argument("--room", required=True, help="库房: letters and digits, e.g. 1")
    p.add_argument("--shelf", type=int, required=True, help="架")
    p.add_argument("--column", type=int, required=True, help="列")
    p.add_argument("--layer", type=int, required=True, help="层")
    add("list", cmd_location_list, "list locations and the boxes on them", loc_sub)

    box = sub.add_parser("box", help="boxes (装盒): make, fill, change, shelve, labels")
    box_sub = box.add_subparsers(dest="box_command", required=True)
    p = add("create", cmd_box_create, "make an empty box (next 盒号)", box_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--class", dest="klass", required=True)
    p.add_argument("--retention", required=True, help="Y, D10, D30 ...")
    p.add_argument("--kind", choices=("items", "volumes"), default="items")
    for name, help_text in (
        ("put", "put unboxed volumes or items into a box"),
        ("move", "move boxed volumes or items into this box"),
        ("remove", "take volumes or items out of a box"),
    ):
        p = add(name, cmd_box_change, help_text, box_sub)
        p.add_argument("box", metavar="BOX")
        what = p.add_mutually_exclusive_group(required=True)
        what.add_argument("--volumes", nargs="+", metavar="VOLUME")
        what.add_argument("--items", nargs="+", metavar="ITEM")
        p.add_argument("--reason", required=True)
    p = add("fill", cmd_box_fill, "box a year's unboxed items of a class in number order", box_sub)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--class", dest="klass", required=True)
    p.add_argument("--capacity", type=int, default=20, help="items per box (default 20)")
    p = add("shelve", cmd_box_shelve, "put a box at a location (or move it)", box_sub)
    p.add_argument("box", metavar="BOX")
    p.add_argument("location", metavar="LOCATION")
    p.add_argument("--reason", required=True)
    p = add("list", cmd_box_list, "list boxes", box_sub)
    p.add_argument("--year", type=int)
    p.add_argument("--class", dest="klass")
    p.add_argument("--location", help="a location, or a room/shelf/column such as 1库-03架")
    p = add("show", cmd_box_show, "show a box and what it holds", box_sub)
    p.add_argument("box", metavar="BOX")
    p = add("labels", cmd_box_labels, "spine/box label data (卷脊/盒脊)", box_sub)
    p.add_argument("boxes", nargs="*", metavar="BOX")
    p.add_argument("--year", type=int)
    p.add_argument("--class", dest="klass")

    p = add("where", cmd_where, "where is an item, volume or box (库房-架-列-层-盒)")
    p.add_argument("code", help="item number, archival code, volume code, box or location code")
    p = add("inventory", cmd_inventory, "compare shelf scans with the register (盘点)")
    p.add_argument(
        "--scans",
        type=Path,
        required=True,
        help="barcodes read, one a line; '@LOCATION' sections or 'LOCATION<Tab>BOX' lines",
    )
    p.add_argument("--location", help="the part counted: a location, room, shelf or column")
