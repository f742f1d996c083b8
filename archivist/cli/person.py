"""The person file (一人一档) and benefit events: `archivist person QUERY`, `archivist item
event add NUMBER ...` (the `item` group's `event` sub-command is added by items.py with
`register_item_event`)."""

from __future__ import annotations

import argparse
from typing import Any

from archivist.cli.common import _open, _print_json, command_adder, retention_text, text

# the event's fields as this command names them (messages name the option)
EVENT_OPTIONS = {
    "kind": "--kind",
    "person": "--person",
    "id_number": "--id-number",
    "amount": "--amount",
    "period_from": "--from",
    "period_to": "--to",
    "bank_change": "--bank-change",
    "date": "--date",
    "note": "--note",
}


def cmd_person(args: argparse.Namespace) -> int:
    from archivist.access.person_file import person_file

    with _open(args) as archive:
        found = person_file(archive, args.query)
    if args.json:
        _print_json(found.to_json())
        return 0
    who = found.who
    ident = who.id_number or who.unit_code or ""
    print(
        text(
            "person.cli.who",
            kind=text(f"person.cli.kind.{who.kind}"),
            names="、".join(who.names),
            ident=f"{ident}  {who.ref or ''}".strip(),
        ).rstrip()
    )
    for entry in found.entries:
        if entry.on_loan:
            place = text("person.cli.on_loan", loan=entry.on_loan)
        else:
            parts = [p for p in (entry.volume, entry.box, entry.location) if p]
            place = " / ".join(parts) if parts else text("person.cli.not_boxed")
        print(
            text(
                "person.cli.entry",
                number=entry.number,
                completed_on=entry.completed_on.isoformat(),
                klass=entry.class_code,
                business_type=entry.business_type,
                retention=retention_text(entry.retention),
                how=text(f"person.cli.how.{entry.how}"),
                place=place,
            )
        )
        print(f"      {entry.title}")
    print(text("person.cli.count", count=len(found.entries)))
    if found.events:
        print(text("person.cli.events", count=len(found.events)))
        for event in found.events:
            period = ""
            if event.period_from or event.period_to:
                start = event.period_from.isoformat() if event.period_from else "…"
                end = event.period_to.isoformat() if event.period_to else "…"
                period = f"{start}–{end}"
            person = f"{event.person} {event.id_number}" if event.id_number else event.person
            print(
                text(
                    "person.cli.event",
                    date=event.happened_on.isoformat(),
                    kind=event.kind_label,
                    person=person,
                    amount=event.amount or "",
                    period=period,
                    item=event.item_number,
                    bank_change=event.bank_change,
                ).rstrip()
            )
    return 0


def cmd_item_event_add(args: argparse.Namespace) -> int:
    from archivist.arrangement.benefit_events import BenefitEventInput, add_benefit_event

    event = BenefitEventInput(
        kind=args.kind,
        person=args.person,
        happened_on=args.date,
        id_number=args.id_number,
        amount=args.amount,
        period_from=args.period_from,
        period_to=args.period_to,
        bank_change=args.bank_change or "",
        note=args.note or "",
    )
    with _open(args) as archive:
        view = add_benefit_event(archive, args.number, event, args.reason, fields=EVENT_OPTIONS)
    if args.json:
        _print_json(view.to_json())
    else:
        print(
            text(
                "benefit.cli.added",
                number=view.item_number,
                kind=view.kind_label,
                person=view.person,
                amount=view.amount or "",
            ).rstrip()
        )
    return 0


def register(sub: Any) -> None:
    """`archivist person QUERY [--json]`."""
    add = command_adder(sub)
    p = add(
        "person",
        cmd_person,
        "the person file (一人一档): every item of a person or unit, by ID number, name or "
        "credit code",
    )
    p.add_argument("query", help="ID number, name, unit credit code, or a reference like @12")


def register_item_event(item_sub: Any) -> None:
    """`archivist item event add NUMBER ...` under the `item` group's sub-commands."""
    add = command_adder(item_sub)
    event = item_sub.add_parser("event", help="benefit events of an item (IM-UI 56)")
    event_sub = event.add_subparsers(dest="event_command", required=True)
    p = add(
        "add",
        cmd_item_event_add,
        "attach a benefit event: review_change 待遇审核变更, reissue 二次发放, recovery "
        "追回待遇 (audited)",
        event_sub,
    )
    p.add_argument("number")
    p.add_argument("--kind", required=True, help="review_change | reissue | recovery")
    p.add_argument("--person", required=True, help="the person's name")
    p.add_argument("--id-number", help="the person's ID number (GB 11643)")
    p.add_argument("--amount", help="yuan, exact to the fen: 1234.56")
    p.add_argument("--from", dest="period_from", help="the period's first day YYYY-MM-DD")
    p.add_argument("--to", dest="period_to", help="the period's last day YYYY-MM-DD")
    p.add_argument("--bank-change", help="the bank-account change, if any")
    p.add_argument("--date", required=True, help="the event's date YYYY-MM-DD")
    p.add_argument("--note")
    p.add_argument("--reason", required=True)
