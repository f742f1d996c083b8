"""Use (利用): requests, approval, lending and return, extensions, closing, the effect of
use, the overdue list, copies and the statistics of use (`archivist use ...`)."""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archivist.cli.common import _open, _print_json, command_adder, say, text

if TYPE_CHECKING:
    from archivist.use.lending import OverdueLoan
    from archivist.use.requests import RequestView

KINDS = ("consult", "lend", "copy", "view")
CONDITIONS = ("intact", "damaged", "lost")
AHEAD = 3660  # a due date or an as-of day may lie up to ten years ahead


def _day(value: str | None, option: str, *, ahead: int = 0) -> dt.date | None:
    """A date option (YYYY-MM-DD, a real day); up to `ahead` days after today for a day
    that may lie ahead (a due date, an as-of day), else not after tomorrow."""
    from archivist.errors import InputError
    from archivist.rules.limits import parse_day

    if not value:
        return None
    try:
        return parse_day(value, option)
    except InputError as exc:
        if exc.code != "date.future" or not ahead:
            raise
    day = dt.date.fromisoformat(value.strip())
    latest = dt.date.today() + dt.timedelta(days=ahead)
    if day > latest:
        raise InputError(
            "date.future", value=day.isoformat(), field=option, latest=latest.isoformat()
        )
    return day


def _request_json(view: RequestView) -> dict[str, Any]:
    data = asdict(view)
    data["extensions"] = [
        {"days": d, "old_due_on": old, "new_due_on": new, "reason": why, "approved_by": by}
        for d, old, new, why, by in view.extensions
    ]
    return data


def _kind(value: str) -> str:
    return text(f"cli.use.kind.{value}")


def _status(value: str) -> str:
    return text(f"cli.use.status.{value}")


def _say_request(view: RequestView) -> None:
    """A request in one line: number, kind, status, borrower, purpose."""
    say(
        "cli.use.line",
        number=view.number,
        kind=_kind(view.kind),
        status=_status(view.status),
        borrower=view.borrower_name,
        unit=view.borrower_unit or "—",
        purpose=view.purpose,
        due=view.due_on.isoformat() if view.due_on else "—",
    )


def _done(args: argparse.Namespace, view: RequestView, message: str, **params: Any) -> int:
    if args.json:
        _print_json(_request_json(view))
    else:
        say(message, number=view.number, status=_status(view.status), **params)
    return 0


def cmd_request(args: argparse.Namespace) -> int:
    from archivist.errors import InputError
    from archivist.use.requests import Borrower, BorrowerKind, create_request

    if args.staff:
        who = Borrower(
            args.borrower or "",
            BorrowerKind.STAFF,
            unit=args.unit or "",
            phone=args.phone or "",
            account=args.staff,
        )
    else:
        if not args.borrower:
            raise InputError("use.borrower_needed")
        who = Borrower(
            args.borrower,
            BorrowerKind(args.borrower_kind),
            id_number=args.id_number,
            unit=args.unit or "",
            phone=args.phone or "",
        )
    with _open(args) as archive:
        view = create_request(
            archive,
            args.kind,
            who,
            args.purpose,
            items=args.items or (),
            volumes=args.volumes or (),
            boxes=args.boxes or (),
            days=args.days,
        )
    if args.json:
        _print_json(_request_json(view))
    else:
        print(view.number)
    return 0


def cmd_approve(args: argparse.Namespace) -> int:
    from archivist.use.requests import approve

    with _open(args) as archive:
        view = approve(archive, args.request)
    return _done(args, view, "cli.use.approved")


def cmd_refuse(args: argparse.Namespace) -> int:
    from archivist.use.requests import refuse

    with _open(args) as archive:
        view = refuse(archive, args.request, args.reason)
    return _done(args, view, "cli.use.refused")


def cmd_lend(args: argparse.Namespace) -> int:
    from archivist.use.lending import lend

    due = _day(args.due, "--due", ahead=AHEAD)
    on = _day(args.on, "--on")
    with _open(args) as archive:
        view = lend(archive, args.request, due_on=due, note=args.note or "", on=on)
    return _done(args, view, "cli.use.lent", due=view.due_on, lent=view.lent_on)


def cmd_return(args: argparse.Namespace) -> int:
    from archivist.use.lending import condition_of, return_targets

    condition = condition_of(args.condition)
    on = _day(args.on, "--on")
    with _open(args) as archive:
        view = return_targets(
            archive,
            args.request,
            codes=args.items or (),
            condition=condition,
            note=args.note or "",
            on=on,
        )
    out = sum(1 for t in view.targets if t.state == "out")
    return _done(
        args,
        view,
        "cli.use.returned",
        condition=text(f"cli.use.condition.{condition}"),
        out=out,
    )


def cmd_extend(args: argparse.Namespace) -> int:
    from archivist.use.lending import extend

    with _open(args) as archive:
        view = extend(archive, args.request, args.days, args.reason)
    old = view.extensions[-1][1] if view.extensions else None
    return _done(args, view, "cli.use.extended", old=old, due=view.due_on)


def cmd_close(args: argparse.Namespace) -> int:
    from archivist.use.lending import close

    with _open(args) as archive:
        view = close(archive, args.request, args.effect or "")
    return _done(args, view, "cli.use.closed")


def cmd_effect(args: argparse.Namespace) -> int:
    from archivist.use.lending import record_effect

    on = _day(args.date, "--date")
    with _open(args) as archive:
        view = record_effect(archive, args.request, args.effect, on=on)
    return _done(args, view, "cli.use.effect_done")


def _say_loan(loan: OverdueLoan) -> None:
    say(
        "cli.use.overdue.line",
        number=loan.number,
        borrower=loan.borrower_name,
        unit=loan.borrower_unit or "—",
        phone=loan.borrower_phone or "—",
        lent=loan.lent_on.isoformat() if loan.lent_on else "—",
        due=loan.due_on.isoformat(),
        days=loan.days_overdue,
    )
    for kind, code, title in loan.targets:
        say("cli.use.target", kind=text(f"cli.use.target.{kind}"), code=code, title=title)


def cmd_overdue(args: argparse.Namespace) -> int:
    from archivist.use.lending import due_soon, overdue

    as_of = _day(args.as_of, "--as-of", ahead=AHEAD) or dt.date.today()
    with _open(args) as archive:
        if args.within is not None:
            loans = due_soon(archive, as_of, args.within)
        else:
            loans = overdue(archive, as_of)
    if args.json:
        _print_json([loan.to_json() for loan in loans])
        return 0
    for loan in loans:
        _say_loan(loan)
    say("cli.use.overdue.count", count=len(loans), as_of=as_of.isoformat())
    return 0


def cmd_damaged(args: argparse.Namespace) -> int:
    from archivist.use.lending import damaged_and_lost

    with _open(args) as archive:
        rows = damaged_and_lost(archive)
    if args.json:
        _print_json([row.to_json() for row in rows])
        return 0
    for row in rows:
        say(
            "cli.use.damaged.line",
            number=row.number,
            borrower=row.borrower_name,
            code=row.code,
            title=row.title,
            condition=text(f"cli.use.condition.{row.condition}"),
            day=row.returned_on.isoformat() if row.returned_on else "—",
            note=row.note or "—",
        )
    say("cli.use.damaged.count", count=len(rows))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from archivist.use.requests import list_requests

    with _open(args) as archive:
        views = list_requests(archive, status=args.status, year=args.year)
    if args.json:
        _print_json([_request_json(view) for view in views])
        return 0
    for view in views:
        _say_request(view)
    say("cli.use.count", count=len(views))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from archivist.use.requests import show_request

    with _open(args) as archive:
        view = show_request(archive, args.request)
    if args.json:
        _print_json(_request_json(view))
        return 0
    _say_request(view)
    say(
        "cli.use.show.borrower",
        borrower=view.borrower_name,
        id_number=view.borrower_id_number or "—",
        unit=view.borrower_unit or "—",
        phone=view.borrower_phone or "—",
    )
    say(
        "cli.use.show.asked",
        by=view.requested_by,
        at=view.created_at,
        days=view.days,
    )
    if view.decided_by:
        say("cli.use.show.decided", by=view.decided_by, at=view.decided_at or "—")
    if view.refusal:
        say("cli.use.show.refusal", why=view.refusal)
    if view.lent_on:
        say("cli.use.show.lent", lent=view.lent_on, due=view.due_on or "—")
    if view.valid_until:
        say("cli.use.show.valid", day=view.valid_until)
    for target in view.targets:
        back = ""
        if target.condition:
            back = text(
                "cli.use.show.back",
                day=target.returned_on or "—",
                condition=text(f"cli.use.condition.{target.condition}"),
            )
        say(
            "cli.use.show.target",
            kind=text(f"cli.use.target.{target.kind}"),
            code=target.code,
            state=text(f"cli.use.entry.{target.state}"),
            back=back,
            note=f"  {target.note}" if target.note else "",
        )
    for days, old, new, why, by in view.extensions:
        say("cli.use.show.extension", days=days, old=old, new=new, why=why, by=by)
    if view.effect:
        say("cli.use.show.effect", effect=view.effect)
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    from archivist.cli.common import ProgressLine
    from archivist.use.copies import make_copy

    progress = ProgressLine(text("cli.use.copying"))
    try:
        with _open(args) as archive:
            result = make_copy(archive, args.request, Path(args.out), args.pages, progress=progress)
    finally:
        progress.close()
    if args.json:
        _print_json(result.to_json())
    else:
        say("cli.use.copied", file=result.path, pages=result.pages)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from archivist.use.statistics import use_statistics

    start = _day(args.start, "--from")
    end = _day(args.end, "--to")
    assert start is not None and end is not None  # both options are required
    with _open(args) as archive:
        data = use_statistics(archive, start, end).as_dict()
    if args.json:
        _print_json(data)
        return 0
    say("cli.use.stats.period", start=data["start"], end=data["end"])
    say("cli.use.stats.line", what=text("cli.use.stats.total"), **_counts(data["total"]))
    for row in data["by_kind"]:
        say("cli.use.stats.line", what=_kind(row["kind"]), **_counts(row))
    for row in data["by_purpose"]:
        say("cli.use.stats.line", what=row["purpose"], **_counts(row))
    return 0


def _counts(row: dict[str, Any]) -> dict[str, Any]:
    return {key: row.get(key, 0) for key in ("persons", "volumes", "items", "pages", "requests")}


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)
    use = sub.add_parser("use", help="use of the archive (利用): requests, loans, copies")
    use_sub = use.add_subparsers(dest="use_command", required=True)

    p = add(
        "request", cmd_request, "ask to consult, borrow, copy or view (prints the number)", use_sub
    )
    p.add_argument("--kind", choices=KINDS, required=True)
    p.add_argument("--borrower", help="the borrower's name (a person or a unit)")
    p.add_argument(
        "--borrower-kind", choices=("person", "unit"), default="person", help="default person"
    )
    p.add_argument("--id-number", help="the borrower's ID number (checked)")
    p.add_argument("--unit")
    p.add_argument("--phone")
    p.add_argument("--staff", metavar="USER", help="a staff borrower: their user name")
    p.add_argument("--purpose", required=True)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--items", nargs="+", metavar="N")
    what.add_argument("--volumes", nargs="+", metavar="V")
    what.add_argument("--boxes", nargs="+", metavar="B")
    p.add_argument("--days", type=int, help="the period asked, in days")

    p = add("approve", cmd_approve, "approve a request (never one's own)", use_sub)
    p.add_argument("request", metavar="REQ")
    p = add("refuse", cmd_refuse, "refuse a request, with the reason", use_sub)
    p.add_argument("request", metavar="REQ")
    p.add_argument("--reason", required=True)
    p = add("lend", cmd_lend, "check an approved loan out", use_sub)
    p.add_argument("request", metavar="REQ")
    p.add_argument("--due", metavar="YYYY-MM-DD", help="due date (default: the days asked)")
    p.add_argument("--note", help="the condition when lent")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the day lent (default today)")
    p = add("return", cmd_return, "take back all or part of a loan", use_sub)
    p.add_argument("request", metavar="REQ")
    p.add_argument("--items", nargs="+", metavar="N", help="what came back (default: all out)")
    p.add_argument("--condition", required=True, help="intact|damaged|lost (完好/损坏/丢失)")
    p.add_argument("--note")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the day returned (default today)")
    p = add("extend", cmd_extend, "extend a loan (approved by the one acting)", use_sub)
    p.add_argument("request", metavar="REQ")
    p.add_argument("--days", type=int, required=True)
    p.add_argument("--reason", required=True)
    p = add("close", cmd_close, "close a consultation, copy or view", use_sub)
    p.add_argument("request", metavar="REQ")
    p.add_argument("--effect", help="the effect of use (利用效果)")
    p = add("effect", cmd_effect, "record the effect of use (利用效果)", use_sub)
    p.add_argument("request", metavar="REQ")
    p.add_argument("--effect", required=True)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="default today")
    p = add("overdue", cmd_overdue, "loans overdue as of a day (or due soon)", use_sub)
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="default today")
    p.add_argument(
        "--within", type=int, metavar="DAYS", help="instead: loans falling due within DAYS"
    )
    add("damaged", cmd_damaged, "what came back damaged or was lost", use_sub)
    p = add("list", cmd_list, "list requests, newest first", use_sub)
    p.add_argument("--status", help="requested|approved|refused|out|returned|closed")
    p.add_argument("--year", type=int)
    p = add("show", cmd_show, "show one request", use_sub)
    p.add_argument("request", metavar="REQ")
    p = add("copy", cmd_copy, "make the watermarked copy of an approved request (PDF)", use_sub)
    p.add_argument("request", metavar="REQ")
    p.add_argument("--pages", help="pages to copy, e.g. 1-3,5 (default all)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    p = add("stats", cmd_stats, "statistics of use for a period", use_sub)
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
