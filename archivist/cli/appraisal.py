"""Appraisal (鉴定): the due list (`archivist appraisal due`), batches (`create`, `opinion`,
`sign`, `cancel`, `show`, `list`) and an item's appraisal history (`history`)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from archivist.cli.common import (
    _open,
    _print_json,
    command_adder,
    joined,
    print_result,
    retention_text,
    say,
    text,
)

if TYPE_CHECKING:
    from archivist.disposition.batch_views import BatchView, EntryView


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


def _opinion_text(entry: EntryView) -> str:
    if entry.opinion is None:
        return text("cli.appraisal.opinion.none")
    if entry.opinion == "extend":
        return text(
            "cli.appraisal.opinion.extend",
            period=retention_text(entry.new_retention or ""),
            expires=entry.new_expires_on.isoformat() if entry.new_expires_on else "-",
        )
    return text(f"cli.appraisal.opinion.{entry.opinion}")


def entry_json(entry: EntryView) -> dict[str, Any]:
    data = asdict(entry)
    data["expires_on"] = entry.expires_on.isoformat()
    data["new_expires_on"] = entry.new_expires_on.isoformat() if entry.new_expires_on else None
    data["opinion"] = entry.opinion.value if entry.opinion else None
    data["holds"] = list(entry.holds)
    return data


def batch_json(view: BatchView) -> dict[str, Any]:
    from archivist.disposition.batch_views import Opinion

    return {
        "number": view.number,
        "as_of": view.as_of.isoformat(),
        "class": view.class_code,
        "year": view.scope_year,
        "state": view.state.value,
        "created_by": view.created_by,
        "created_at": view.created_at,
        "signed_at": view.signed_at,
        "members": [asdict(m) for m in view.members],
        "count": len(view.entries),
        "undecided": view.undecided,
        "opinions": {o.value: view.count(o) for o in Opinion},
        "destruction_registers": list(view.destruction_registers),
        "cancelled_by": view.cancelled_by,
        "cancelled_at": view.cancelled_at,
        "cancel_reason": view.cancel_reason,
        "pulled_out": [
            asdict(p) | {"expires_on": p.expires_on.isoformat()} for p in view.pulled_out
        ],
        "entries": [entry_json(e) for e in view.entries],
    }


def _say_counts(view: BatchView) -> None:
    from archivist.disposition.batch_views import Opinion

    say(
        "cli.appraisal.count",
        total=len(view.entries),
        destroy=view.count(Opinion.DESTROY),
        extend=view.count(Opinion.EXTEND),
        permanent=view.count(Opinion.PERMANENT),
        undecided=view.undecided,
    )


def _say_batch(view: BatchView) -> None:
    scope = " ".join(p for p in (view.class_code or "", str(view.scope_year or "")) if p)
    say(
        "cli.appraisal.head",
        number=view.number,
        state=text(f"cli.appraisal.state.{view.state.value}"),
        as_of=view.as_of.isoformat(),
        scope=scope or "*",
        by=view.created_by,
        at=view.created_at[:10],
    )
    for member in view.members:
        say(
            "cli.appraisal.member_signed" if member.signed_at else "cli.appraisal.member_unsigned",
            name=member.display_name,
            user=member.user_name,
            role=text("cli.appraisal.role.head" if member.head else "cli.appraisal.role.member"),
            at=(member.signed_at or "")[:10],
        )
    for entry in view.entries:
        say(
            "cli.appraisal.row",
            number=entry.number,
            code=entry.archival_code,
            title=entry.title,
            year=entry.year,
            retention=retention_text(entry.retention),
            expires=entry.expires_on.isoformat(),
            opinion=_opinion_text(entry),
            reason=entry.reason or "-",
        )
        if entry.holds:
            say("cli.appraisal.row_held", holds=", ".join(entry.holds))
    _say_counts(view)
    for pulled in view.pulled_out:
        say(
            "cli.appraisal.pulled_out",
            number=pulled.number,
            title=pulled.title,
            holds=", ".join(pulled.holds),
        )
    if view.destruction_registers:
        say("cli.appraisal.registers", registers=", ".join(view.destruction_registers))
    if view.cancelled_by:
        say(
            "cli.appraisal.cancelled_by",
            by=view.cancelled_by,
            at=(view.cancelled_at or "")[:10],
            reason=view.cancel_reason or "-",
        )


def _names(value: str) -> list[str]:
    return [p.strip() for p in value.replace("，", ",").split(",") if p.strip()]


def cmd_create(args: argparse.Namespace) -> int:
    from archivist.disposition.appraisal import create_batch
    from archivist.rules.limits import parse_day

    as_of = parse_day(args.as_of, "--as-of")
    return print_result(
        args,
        lambda archive: create_batch(
            archive,
            as_of=as_of,
            members=_names(args.members),
            class_code=args.klass,
            year=args.year,
            numbers=args.numbers or (),
        ),
        batch_json,
        lambda view: say(
            "cli.appraisal.created",
            number=view.number,
            count=len(view.entries),
            as_of=view.as_of.isoformat(),
            members=joined(m.user_name for m in view.members),
        ),
    )


def cmd_opinion(args: argparse.Namespace) -> int:
    from archivist.disposition.appraisal import set_opinion, show_batch, signed_members
    from archivist.disposition.batch_views import Opinion
    from archivist.errors import InputError

    if bool(args.numbers) == bool(args.all):
        raise InputError("cli.appraisal.choose_rows")
    if args.destroy:
        opinion, period = Opinion.DESTROY, None
    elif args.permanent:
        opinion, period = Opinion.PERMANENT, None
    else:
        opinion, period = Opinion.EXTEND, args.extend
    with _open(args) as archive:
        numbers = list(args.numbers)
        if args.all:
            numbers = [
                e.number for e in show_batch(archive, args.batch).entries if e.opinion is None
            ]
            if not numbers:
                raise InputError("cli.appraisal.none_undecided", batch=args.batch.strip().upper())
        signed = signed_members(archive, args.batch)
        view = set_opinion(archive, args.batch, numbers, opinion, reason=args.reason, period=period)
    if args.json:
        _print_json(batch_json(view) | {"signatures_cleared": list(signed)})
        return 0
    say(
        "cli.appraisal.opinion_set",
        number=view.number,
        count=len(numbers),
        opinion=(
            text("cli.appraisal.opinion.extend_short", period=retention_text(_period_code(period)))
            if period is not None
            else text(f"cli.appraisal.opinion.{opinion.value}")
        ),
    )
    if signed:
        say("cli.appraisal.signatures_cleared", names=joined(signed))
    _say_counts(view)
    return 0


def _period_code(value: str) -> str:
    from archivist.disposition.appraisal import parse_period

    return parse_period(value).code


def cmd_sign(args: argparse.Namespace) -> int:
    from archivist.disposition.appraisal import sign_batch
    from archivist.disposition.batch_views import Opinion

    with _open(args) as archive:
        user = archive.person.user_name if archive.person else "-"
        view = sign_batch(archive, args.batch)
    if args.json:
        _print_json(batch_json(view))
        return 0
    say(
        "cli.appraisal.signed",
        user=user,
        number=view.number,
        signed=sum(1 for m in view.members if m.signed_at),
        members=len(view.members),
    )
    if view.state.value == "signed":
        say(
            "cli.appraisal.completed",
            number=view.number,
            destroy=view.count(Opinion.DESTROY),
            extend=view.count(Opinion.EXTEND),
            permanent=view.count(Opinion.PERMANENT),
        )
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    from archivist.disposition.appraisal import cancel_batch

    return print_result(
        args,
        lambda archive: cancel_batch(archive, args.batch, args.reason),
        batch_json,
        lambda view: say("cli.appraisal.cancelled", number=view.number, count=len(view.entries)),
    )


def cmd_show(args: argparse.Namespace) -> int:
    from archivist.disposition.appraisal import show_batch

    return print_result(
        args, lambda archive: show_batch(archive, args.batch), batch_json, _say_batch
    )


def _say_list(views: list[BatchView]) -> None:
    from archivist.disposition.batch_views import Opinion

    for view in views:
        say(
            "cli.appraisal.list_line",
            number=view.number,
            state=text(f"cli.appraisal.state.{view.state.value}"),
            as_of=view.as_of.isoformat(),
            total=len(view.entries),
            destroy=view.count(Opinion.DESTROY),
            extend=view.count(Opinion.EXTEND),
            permanent=view.count(Opinion.PERMANENT),
            undecided=view.undecided,
        )
    say("cli.appraisal.list_count", count=len(views))


def cmd_list(args: argparse.Namespace) -> int:
    from archivist.disposition.appraisal import list_batches

    def without_entries(views: list[BatchView]) -> list[dict[str, Any]]:
        return [{k: v for k, v in batch_json(view).items() if k != "entries"} for view in views]

    return print_result(args, list_batches, without_entries, _say_list)


def cmd_history(args: argparse.Namespace) -> int:
    from archivist.disposition.appraisal import appraisal_history

    return print_result(
        args,
        lambda archive: appraisal_history(archive, args.number),
        lambda history: [{"batch": batch} | entry_json(entry) for batch, entry in history],
        lambda history: _say_history(history, args.number),
    )


def _say_history(history: list[tuple[str, EntryView]], number: str) -> None:
    for batch, entry in history:
        say(
            "cli.appraisal.history_line",
            batch=batch,
            retention=retention_text(entry.retention),
            expires=entry.expires_on.isoformat(),
            opinion=_opinion_text(entry),
            reason=entry.reason or "-",
            by=entry.decided_by or "-",
        )
    if not history:
        say("cli.appraisal.history_none", number=number.strip())


def _years(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value[:20]!r}") from None


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)
    group = sub.add_parser("appraisal", help="appraisal (鉴定): the due list, batches, opinions")
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

    p = add(
        "create", cmd_create, "a batch of the records due (the appraisal group's)", appraisal_sub
    )
    p.add_argument("--as-of", dest="as_of", required=True, help="YYYY-MM-DD: the appraisal day")
    p.add_argument("--class", dest="klass", help="only this class (e.g. SY)")
    p.add_argument("--year", type=_years, help="only this year formed")
    p.add_argument(
        "--members", required=True, help="user names, comma separated (3 or more, one a head)"
    )
    p.add_argument("numbers", nargs="*", metavar="NUMBER", help="only these items (each due)")

    p = add(
        "opinion", cmd_opinion, "give records of a batch an opinion, with a reason", appraisal_sub
    )
    p.add_argument("batch", metavar="BATCH")
    p.add_argument("numbers", nargs="*", metavar="NUMBER", help="item numbers or archival codes")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--destroy", action="store_true", help="destroy (销毁)")
    choice.add_argument("--extend", metavar="PERIOD", help="extend to a longer period (D30, 30年)")
    choice.add_argument("--permanent", action="store_true", help="keep permanently (永久)")
    p.add_argument("--reason", required=True)
    p.add_argument("--all", action="store_true", help="every row without an opinion yet")

    p = add("sign", cmd_sign, "sign the batch as yourself (a member)", appraisal_sub)
    p.add_argument("batch", metavar="BATCH")

    p = add(
        "cancel",
        cmd_cancel,
        "cancel a batch not yet signed (a member or its maker), with a reason",
        appraisal_sub,
    )
    p.add_argument("batch", metavar="BATCH")
    p.add_argument("--reason", required=True)

    p = add("show", cmd_show, "a batch: its group, rows and opinions", appraisal_sub)
    p.add_argument("batch", metavar="BATCH")

    add("list", cmd_list, "every appraisal batch, newest first", appraisal_sub)

    p = add("history", cmd_history, "every appraisal of one item", appraisal_sub)
    p.add_argument("number", metavar="NUMBER", help="an item number or archival code")
