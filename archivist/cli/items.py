"""Items (件): show, list, reorder and correct them."""

from __future__ import annotations

import argparse
from typing import Any

from archivist.cli.common import (
    _date_arg,
    _open,
    _print_json,
    command_adder,
    retention_text,
    say,
    text,
)
from archivist.errors import InputError


def cmd_item_show(args: argparse.Namespace) -> int:
    from archivist.access.item_detail import item_detail, reveal_id_number
    from archivist.changes.states import ItemState, state_label
    from archivist.rules.ordering import explain

    if args.reason is not None and not args.reveal_ids:
        raise InputError("access.reason_without_reveal")
    with _open(args) as archive:
        view = item_detail(archive, args.number)
        revealed = (
            reveal_id_number(archive, args.number, args.reason or "") if args.reveal_ids else None
        )
    if revealed is not None:
        view["entity"]["id_number"] = revealed
        view["revealed"] = True
    if args.json:
        _print_json(view)
        return 0
    print(f"{view['number']}  {view['archival_code']}  {view['title']}")
    say(
        "cli.item.class",
        code=view["class"],
        name=view["class_name"],
        business_type=view["business_type"],
        completed_on=view["completed_on"],
    )
    say(
        "cli.item.unit" if view["entity"]["kind"] == "unit" else "cli.item.person",
        name=view["entity"]["name"],
        handler=view["handler"],
    )
    if view["entity"]["id_number"]:
        say(
            "access.revealed" if revealed is not None else "access.id_number",
            id_number=view["entity"]["id_number"],
        )
    say(
        "cli.item.retention",
        retention=retention_text(view["retention"]),
        expires=view["expires_on"] or "—",
        status=state_label(ItemState(view["status"])),
    )
    say("cli.item.folder", folder=view["folder"])
    for m in view["materials"]:
        say(
            "cli.item.material",
            seq=m["seq"],
            role=text("cli.role.form" if m["role"] == "form" else "cli.role.voucher"),
            title=m["title"],
            pages=m["pages"],
            sha=m["sha256"][:12],
        )
        print(f"      {explain(m['order_basis'])}")
        for warning in m.get("warnings", []):
            print("      " + text("cli.note", text=warning))
    return 0


def cmd_item_list(args: argparse.Namespace) -> int:
    from archivist.arrangement.items import ItemFilter, list_items

    with _open(args) as archive:
        rows = list_items(
            archive,
            ItemFilter(
                year=args.year,
                class_code=args.klass,
                entity=args.entity,
                business_type=args.business_type,
                limit=args.limit,
            ),
        )
    if args.json:
        _print_json([row.to_json() for row in rows])
    else:
        for row in rows:
            print(f"{row.number}  {row.completed_on.isoformat()}  {row.entity_name}  {row.title}")
        say("cli.item.count", count=len(rows))
    return 0


def cmd_item_reorder(args: argparse.Namespace) -> int:
    from archivist.arrangement.items import reorder

    try:
        order = [int(part) for part in args.order.split(",") if part.strip()]
    except ValueError:
        raise InputError("reorder.bad_sequence", detail=args.order) from None
    with _open(args) as archive:
        view = reorder(archive, args.number, order, args.reason)
    if args.json:
        _print_json(view)
    else:
        say("cli.item.reordered", number=view["number"])
    return 0


def cmd_item_edit(args: argparse.Namespace) -> int:
    from archivist.arrangement.items import edit

    with _open(args) as archive:
        view = edit(
            archive,
            args.number,
            reason=args.reason,
            title=args.title,
            handler=args.handler_name,
            completed_on=_date_arg(args.completed_on),
        )
    _print_json(view) if args.json else say("cli.item.edited", number=view["number"])
    return 0


def cmd_item_renumber(args: argparse.Namespace) -> int:
    from archivist.arrangement.items import renumber

    with _open(args) as archive:
        view = renumber(
            archive,
            args.number,
            reason=args.reason,
            class_code=args.klass,
            business_type=args.business_type,
            completed_on=_date_arg(args.completed_on),
        )
    if args.json:
        _print_json(view)
    else:
        say("cli.item.renumbered", old=args.number, new=view["number"], code=view["archival_code"])
    return 0


def cmd_item_correct_entity(args: argparse.Namespace) -> int:
    from archivist.arrangement.items import correct_entity

    with _open(args) as archive:
        view = correct_entity(
            archive,
            args.number,
            reason=args.reason,
            name=args.name,
            id_number=args.id_number,
            unit_code=args.unit_code,
        )
    if args.json:
        _print_json(view)
    else:
        entity = view["entity"]
        ident = entity.get("id_number") or entity.get("unit_code") or ""
        print(
            text(
                "cli.item.entity_corrected", number=view["number"], name=entity["name"], ident=ident
            ).rstrip()
        )
    return 0


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)

    item = sub.add_parser("item", help="show, list and reorder items")
    item_sub = item.add_subparsers(dest="item_command", required=True)
    p = add("show", cmd_item_show, "show one item", item_sub)
    p.add_argument("number")
    p.add_argument(
        "--reveal-ids",
        action="store_true",
        help="show the person's full ID number (needs --reason; written to the access log)",
    )
    p.add_argument("--reason", help="why the full ID number is needed (with --reveal-ids)")
    p = add("list", cmd_item_list, "list items", item_sub)
    p.add_argument("--year", type=int)
    p.add_argument("--class", dest="klass")
    p.add_argument("--entity")
    p.add_argument("--business-type")
    p.add_argument("--limit", type=int)
    p = add("reorder", cmd_item_reorder, "put materials in a new order, with a reason", item_sub)
    p.add_argument("number")
    p.add_argument(
        "--order", required=True, help="current sequence numbers in the new order, e.g. 1,3,2"
    )
    p.add_argument("--reason", required=True)

    p = add("edit", cmd_item_edit, "correct title, handler or completion date (audited)", item_sub)
    p.add_argument("number")
    p.add_argument("--title")
    p.add_argument("--handler", dest="handler_name")
    p.add_argument("--completed-on")
    p.add_argument("--reason", required=True)
    p = add(
        "renumber", cmd_item_renumber, "change class, business type or year (audited)", item_sub
    )
    p.add_argument("number")
    p.add_argument("--class", dest="klass")
    p.add_argument("--business-type")
    p.add_argument("--completed-on")
    p.add_argument("--reason", required=True)
    p = add(
        "correct-entity",
        cmd_item_correct_entity,
        "correct the name, ID number or unit code of the item's person or unit (audited)",
        item_sub,
    )
    p.add_argument("number")
    p.add_argument("--name")
    ident = p.add_mutually_exclusive_group()
    ident.add_argument("--id-number", help="a person's ID number (GB 11643)")
    ident.add_argument("--unit-code", help="a unit's unified social credit code (GB 32100)")
    p.add_argument("--reason", required=True)
    from archivist.cli.person import register_item_event

    register_item_event(item_sub)  # `item event add` (benefit events)
