"""The archive itself: init, summary, check, verify, demo, scheme and settings."""

from __future__ import annotations

import argparse
from typing import Any

from archivist.archive import Archive
from archivist.cli.common import (
    EXIT_FINDINGS,
    ProgressLine,
    _open,
    _print_json,
    command_adder,
    say,
    text,
)


def cmd_init(args: argparse.Namespace) -> int:
    from archivist.accounts.directory import check_administrators
    from archivist.cli.people import _administrators

    administrators = _administrators(args)
    check_administrators(administrators)
    with Archive.init(args.archive, args.fonds_code, args.fonds_name, administrators) as archive:
        with archive.db.reading() as session:
            from archivist.changes import audit

            events = audit.count_events(session)
        summary = {"archive": str(archive.root), "fonds": archive.fonds(), "audit_events": events}
    if args.json:
        _print_json(summary)
    else:
        say(
            "cli.init.done",
            archive=summary["archive"],
            code=args.fonds_code,
            name=args.fonds_name,
        )
        say("cli.init.next", admin=args.admin, security=args.security)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from archivist.arrangement.check import check

    with _open(args) as archive:
        report = check(archive)
    if args.json:
        _print_json(report.to_dict())
    else:
        for finding in report.findings:
            print(f"{finding.item or ''} {finding.message()}".strip())
        result = text("cli.check.ok" if report.ok else "cli.check.problems")
        say("cli.check.total", count=report.items_checked, result=result)
    return 0 if report.ok else EXIT_FINDINGS


def cmd_verify(args: argparse.Namespace) -> int:
    from archivist.integrity.anchors import parse_anchor
    from archivist.integrity.verify import verify

    paper = [parse_anchor(value) for value in args.anchor or ()]  # refused before opening
    with _open(args) as archive:
        progress = ProgressLine(text("cli.progress.verify"))
        try:
            report = verify(archive, progress=progress, workers=args.workers, anchors=paper)
        finally:
            progress.close()
    if args.json:
        _print_json(report.to_dict())
    else:
        for finding in report.findings:
            print(finding.message())
        if report.ok:
            from archivist.messages import render

            print(
                render(
                    "verify.ok", {"files": report.files_checked, "events": report.events_checked}
                )
            )
        else:
            say("cli.verify.problems", count=len(report.findings))
    return 0 if report.ok else EXIT_FINDINGS


def cmd_demo(args: argparse.Namespace) -> int:
    from archivist.demo.build import build_demo

    progress = ProgressLine(text("cli.progress.demo"))
    try:
        summary = build_demo(args.archive, items=args.items, seed=args.seed, progress=progress)
    finally:
        progress.close()
    if args.json:
        _print_json(summary)
    else:
        from archivist.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

        _print_summary(summary)
        say(
            "cli.demo.accounts",
            users=", ".join(f"{a.user_name} ({a.role.value})" for a in DEMO_ACCOUNTS),
            password=DEMO_PASSWORD,
        )
    return 0


def _print_summary(summary: dict[str, Any]) -> None:
    say("cli.summary.archive", archive=summary["archive"])
    say("cli.summary.fonds", code=summary["fonds"]["code"], name=summary["fonds"]["name"])
    years = summary["years"]
    span = f"{years[0]}–{years[1]}" if years else "—"
    say(
        "cli.summary.counts",
        items=summary["items"],
        materials=summary["materials"],
        pages=summary["pages"],
        years=span,
    )
    for code, count in sorted(summary["by_class"].items()):
        say("cli.summary.class", code=code, count=count)
    say("cli.summary.audit", count=summary["audit_events"])


def cmd_summary(args: argparse.Namespace) -> int:
    with _open(args) as archive:
        summary = archive.summary()
    if args.json:
        _print_json(summary)
    else:
        _print_summary(summary)
    return 0


def cmd_scheme_list(args: argparse.Namespace) -> int:
    from archivist.access.browse import scheme_table

    with _open(args) as archive:
        data = scheme_table(archive)
    if args.json:
        _print_json(data)
    else:
        for c in data:
            say(
                "cli.scheme.class",
                code=c["code"],
                name=c["name"],
                insurance=c["insurance_type"],
                retention=c["default_retention"] or "—",
                mark=text("cli.scheme.to_fill") if c["status"] == "not_found" else "",
            )
            for bt in c["business_types"]:
                print(
                    f"      {bt['name']}: {bt['retention'] or '—'}  ({bt['schedule_item']} {bt['confidence']})"
                )
    return 0


def cmd_scheme_set(args: argparse.Namespace) -> int:
    from archivist.rules import scheme

    with _open(args) as archive:
        scheme.set_retention(
            archive,
            args.klass.upper(),
            args.retention,
            business_type=args.business_type,
            reason=args.reason,
        )
    say("cli.scheme.retention_set")
    return 0


def cmd_scheme_add(args: argparse.Namespace) -> int:
    from archivist.rules import scheme

    with _open(args) as archive:
        scheme.add_type(archive, args.klass.upper(), args.name, args.retention, reason=args.reason)
    say("cli.scheme.type_added")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    from archivist.preferences import Preferences
    from archivist.settings import (
        is_preference,
        preference_values,
        set_preference,
        setting_values,
    )

    prefs = Preferences.load()
    if is_preference(args.key):
        if args.value is not None:
            set_preference(prefs, args.key, args.value)
            prefs.save()
        values = preference_values(prefs, (args.key,))
    else:
        with _open(args) as archive:
            if args.value is not None:
                archive.set_setting(args.key, args.value, args.reason)
            values = setting_values(archive, prefs, args.key)
    if args.json:
        _print_json(values)
    else:
        for key, value in values.items():
            print(f"{key} = {value}")
    return 0


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)

    p = add("init", cmd_init, "create an archive")
    p.add_argument("--fonds-code", required=True)
    p.add_argument("--fonds-name", required=True)
    p.add_argument("--admin", required=True, help="the system administrator's user name")
    p.add_argument("--security", required=True, help="the security officer's user name")
    p.add_argument("--auditor", required=True, help="the security auditor's user name")
    p.add_argument(
        "--password-stdin", action="store_true", help="their three passwords, one a line"
    )

    add("check", cmd_check, "flag items whose order breaks the rules")
    p = add("verify", cmd_verify, "re-hash every file and check numbering and the audit chain")
    p.add_argument("--workers", type=int, default=None)
    p.add_argument(
        "--anchor",
        action="append",
        metavar="SEQ:HASH",
        help="check the audit chain against a head read off a printed register's footer",
    )
    p = add("demo", cmd_demo, "build a demo archive with synthetic records")
    p.add_argument("--items", type=int, default=60)
    p.add_argument("--seed", type=int, default=2024)
    add("summary", cmd_summary, "counts of the archive")

    sch = sub.add_parser("scheme", help="the classification scheme")
    sch_sub = sch.add_subparsers(dest="scheme_command", required=True)
    add("list", cmd_scheme_list, "show classes and business types", sch_sub)
    p = add("set-retention", cmd_scheme_set, "set a retention period (audited)", sch_sub)
    p.add_argument("klass", metavar="CLASS")
    p.add_argument("retention", help="Y, D10, D30, D50, D100")
    p.add_argument("--business-type")
    p.add_argument("--reason", required=True)
    p = add("add-type", cmd_scheme_add, "add a business type (audited)", sch_sub)
    p.add_argument("klass", metavar="CLASS")
    p.add_argument("name")
    p.add_argument("--retention")
    p.add_argument("--reason", required=True)

    p = add(
        "settings",
        cmd_settings,
        "show or change archive settings (audited) and the OCR engine (ocr_engine: "
        "tesseract or rapidocr, a per-user preference)",
    )
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")
    p.add_argument("--reason")
