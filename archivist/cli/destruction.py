"""Destruction registers (销毁清册): make from a signed appraisal batch, approve or
withdraw, sign (supervisors; the accounting register's duties), show, list, execute
(`archivist destruction ...`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archivist.cli.common import _open, _print_json, command_adder, joined, print_result, say, text

if TYPE_CHECKING:
    from archivist.disposition.register_views import RegisterView, SignatureView

DUTIES = (
    "supervisor",
    "archives_head",
    "accounting_head",
    "archives_handler",
    "accounting_handler",
)
UNITS = ("archives", "accounting", "it", "other")


def _kind(view: RegisterView) -> str:
    return text("cli.destruction.kind." + ("accounting" if view.accounting else "ordinary"))


def _date_arg(value: str | None) -> Any:
    from archivist.capture.manifest import parse_date

    return parse_date(value, "--on") if value else None


def _say_signature(signature: SignatureView) -> None:
    unit = (
        text("cli.destruction.unit", unit=text(f"destruction.unit.{signature.unit.value}"))
        if signature.unit
        else ""
    )
    say(
        "cli.destruction.signature",
        duty=text(f"destruction.duty.{signature.duty.value}"),
        unit=unit,
        name=signature.display_name,
        user=signature.user_name,
        at=signature.signed_at[:19].replace("T", " "),
    )


def _say_register(view: RegisterView) -> None:
    """A register as on paper: the cover's facts, the rows, the signatures."""
    from archivist.changes.states import state_label
    from archivist.cli.common import retention_text

    say(
        "cli.destruction.header",
        number=view.number,
        kind=_kind(view),
        state=state_label(view.state),
        batch=view.batch,
        fonds=f"{view.fonds_code} {view.fonds_name}".strip(),
    )
    say(
        "cli.destruction.people",
        proposer=view.proposer_name or view.proposed_by,
        proposed_at=view.proposed_at[:10],
        leader=view.group_leader or "-",
        approver=view.approver_name or "-",
        approved_at=(view.approved_at or "")[:10],
    )
    if view.withdrawn_by:
        say(
            "cli.destruction.withdrawn_by",
            by=view.withdrawn_by,
            at=(view.withdrawn_at or "")[:10],
            reason=view.withdraw_reason or "-",
        )
    if view.executed_on is not None:
        say(
            "cli.destruction.execution",
            on=view.executed_on.isoformat(),
            method=view.method,
            place=view.place,
            by=view.executed_by or "-",
        )
    for row in view.rows:
        line = text(
            "cli.destruction.row",
            seq=row.seq,
            code=row.archival_code,
            title=row.title,
            year=row.year,
            retention=retention_text(row.retention),
            kept=row.kept_years,
            pages=row.pages,
            note=row.note,
        )
        print(line.rstrip())
    for signature in view.signatures:
        _say_signature(signature)
    say("cli.destruction.total", count=len(view.rows), pages=view.pages)


def _registers_json(views: list[RegisterView]) -> list[dict[str, Any]]:
    from archivist.disposition.register_views import register_json

    return [register_json(view) for view in views]


def _say_created(views: list[RegisterView]) -> None:
    for view in views:
        say(
            "cli.destruction.created",
            number=view.number,
            kind=_kind(view),
            count=len(view.rows),
            pages=view.pages,
        )


def cmd_create(args: argparse.Namespace) -> int:
    from archivist.disposition.destruction import create_registers

    return print_result(
        args,
        lambda archive: create_registers(archive, args.batch, on=_date_arg(args.on)),
        _registers_json,
        _say_created,
    )


def cmd_approve(args: argparse.Namespace) -> int:
    from archivist.disposition.destruction import approve_register
    from archivist.disposition.register_views import register_json

    return print_result(
        args,
        lambda archive: approve_register(archive, args.register),
        register_json,
        lambda view: say("cli.destruction.approved", number=view.number),
    )


def cmd_withdraw(args: argparse.Namespace) -> int:
    from archivist.disposition.destruction import withdraw_register
    from archivist.disposition.register_views import register_json

    return print_result(
        args,
        lambda archive: withdraw_register(archive, args.register, args.reason),
        register_json,
        lambda view: say("cli.destruction.withdrawn", number=view.number, count=len(view.rows)),
    )


def _signer_password(args: argparse.Namespace) -> str | None:
    """The countersigner's password: the first line of --password-file (None without)."""
    from archivist.errors import InputError

    path: Path | None = args.signer_password_file
    if path is None:
        return None
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        raise InputError("cli.destruction.password_file", path=str(path)[:200]) from None
    if not lines or not lines[0]:
        raise InputError("cli.destruction.password_file", path=str(path)[:200])
    return lines[0]


def _say_signed(view: RegisterView) -> None:
    last = view.signatures[-1]
    say(
        "cli.destruction.signed",
        name=last.display_name,
        user=last.user_name,
        duty=text(f"destruction.duty.{last.duty.value}"),
        number=view.number,
    )


def cmd_sign(args: argparse.Namespace) -> int:
    from archivist.disposition.destruction import sign_register
    from archivist.disposition.register_views import register_json

    password = _signer_password(args)
    return print_result(
        args,
        lambda archive: sign_register(
            archive,
            args.register,
            args.duty,
            unit=args.unit,
            user_name=args.signer,
            password=password,
        ),
        register_json,
        _say_signed,
    )


def cmd_show(args: argparse.Namespace) -> int:
    from archivist.disposition.destruction import show_register
    from archivist.disposition.register_views import register_json

    return print_result(
        args, lambda archive: show_register(archive, args.register), register_json, _say_register
    )


def _say_list(views: list[RegisterView]) -> None:
    from archivist.changes.states import state_label

    for view in views:
        say(
            "cli.destruction.line",
            number=view.number,
            kind=_kind(view),
            state=state_label(view.state),
            batch=view.batch,
            count=len(view.rows),
            supervisors=joined(s.display_name for s in view.supervisors) or "-",
        )
    say("cli.destruction.count", count=len(views))


def cmd_list(args: argparse.Namespace) -> int:
    from archivist.disposition.destruction import list_registers

    return print_result(args, list_registers, _registers_json, _say_list)


def cmd_execute(args: argparse.Namespace) -> int:
    from archivist.cli.common import ProgressLine
    from archivist.disposition.execution import execute_register
    from archivist.disposition.register_views import register_json

    supervisors = tuple(n.strip() for n in str(args.supervisors).split(",") if n.strip())
    on = None
    if args.date:
        from archivist.capture.manifest import parse_date

        on = parse_date(args.date, "--date")
    line = ProgressLine(text("cli.destruction.executing"))
    with _open(args) as archive:
        try:
            result = execute_register(
                archive,
                args.register,
                supervisors=supervisors,
                method=args.method,
                place=args.place,
                on=on,
                progress=lambda done, total: line(done, total, args.register),
            )
        finally:
            line.close()
    if args.json:
        data = register_json(result.register)
        data["execution"] = {
            "items": result.items,
            "files_removed": result.files_removed,
            "bytes_freed": result.bytes_freed,
            "derived_removed": result.derived_removed,
            "database_bytes_freed": result.database_bytes_freed,
            "backups_scrubbed": result.backups_scrubbed,
            "volumes": list(result.volumes),
        }
        _print_json(data)
        return 0
    from archivist.storage.filestore import human_size

    say(
        "cli.destruction.executed",
        number=result.register.number,
        count=result.items,
        files=result.files_removed,
        size=human_size(result.bytes_freed),
        on=result.register.executed_on.isoformat() if result.register.executed_on else "-",
    )
    return 0


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)
    group = sub.add_parser("destruction", help="destruction registers (销毁清册)")
    group_sub = group.add_subparsers(dest="destruction_command", required=True)
    p = add("create", cmd_create, "make the register(s) of a signed batch's destroy opinions",
            group_sub)  # fmt: skip
    p.add_argument("--batch", required=True, metavar="BATCH", help="appraisal batch (JD-…)")
    p.add_argument("--on", metavar="DATE", help="the day it is made (default: today)")
    p = add("approve", cmd_approve, "approve a register (a head who did not propose it)",
            group_sub)  # fmt: skip
    p.add_argument("register", metavar="REG")
    p = add("withdraw", cmd_withdraw, "withdraw a proposed register (its proposer), or refuse "
            "it (a head), with a reason", group_sub)  # fmt: skip
    p.add_argument("register", metavar="REG")
    p.add_argument("--reason", required=True)
    p = add("sign", cmd_sign, "sign a register: as supervisor (监销人) or an accounting duty",
            group_sub)  # fmt: skip
    p.add_argument("register", metavar="REG")
    p.add_argument("--duty", required=True, choices=DUTIES)
    p.add_argument("--unit", choices=UNITS, help="a supervisor's unit")
    p.add_argument(
        "--user",
        dest="signer",
        metavar="X",
        help="countersign at this desk: the signer's user name (with --password-file)",
    )
    p.add_argument(
        "--password-file",
        dest="signer_password_file",
        type=Path,
        metavar="F",
        help="a file whose first line is the signer's password",
    )
    p = add("show", cmd_show, "show a register: cover, rows, signatures", group_sub)
    p.add_argument("register", metavar="REG")
    add("list", cmd_list, "list the registers, newest first", group_sub)
    # --- `destruction execute` (helper X, archivist/disposition/execution.py) goes here ---
    p = add("execute", cmd_execute, "carry out an approved, signed register: the records "
            "become stubs and every copy of their content is removed", group_sub)  # fmt: skip
    p.add_argument("register", metavar="REG")
    p.add_argument("--supervisors", required=True, metavar="A,B",
                   help="the supervisors present (user names; they signed the register)")  # fmt: skip
    p.add_argument("--method", required=True, metavar="M", help="销毁方式 (e.g. 粉碎)")
    p.add_argument("--place", required=True, metavar="P", help="销毁地点")
    p.add_argument("--date", metavar="D", help="销毁日期 (default: today)")
    # --- end of `destruction execute` ---
