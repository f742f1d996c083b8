"""Volumes (组卷): file items into volumes and change them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archivist.cli.common import (
    ProgressLine,
    _confirm,
    _open,
    _print_json,
    command_adder,
    say,
    text,
)
from archivist.errors import InputError

if TYPE_CHECKING:
    from archivist.arrangement.volumes import VolumeSummary


def _print_volume(view: VolumeSummary) -> None:
    span = f"{view.start or '—'} ~ {view.end or '—'}"
    print(f"{view.code}  {view.title}")
    say(
        "cli.volume.line",
        year=view.year,
        klass=view.class_code,
        retention=view.retention,
        span=span,
        items=view.items,
        pages=view.pages,
        paged=text("cli.volume.paged") if view.paged else "",
        status=view.status,
    )


def cmd_volume_build(args: argparse.Namespace) -> int:
    from archivist.arrangement import volumes

    year = volumes.parse_years(args.year)
    with _open(args) as archive:
        if args.dry_run:
            planned = volumes.plan(archive, year, args.klass, args.by)
            warning = planned.mixed_warning()
            if warning is not None:
                say("cli.note", err=True, text=warning.message())
            if args.json:
                _print_json([p.to_json() for p in planned.volumes])
                return 0
            for plan in planned.volumes:
                say(
                    "cli.volume.plan",
                    period=plan.period_key,
                    retention=plan.retention,
                    items=plan.items,
                    title=plan.title,
                )
            say("cli.volume.plan_total", count=len(planned.volumes))
            return 0
        mixed_ok = bool(args.yes)
        if not mixed_ok:
            warning = volumes.plan(archive, year, args.klass, args.by).mixed_warning()
            mixed_ok = warning is not None and _confirm(warning.message())
        try:
            made = volumes.build(
                archive, year, args.klass, args.by, catalogue=args.catalogue, mixed_ok=mixed_ok
            )
        except InputError as exc:
            if exc.code == "volume.mixed_periods":
                say("cli.volume.confirm_hint", err=True)
            raise
    if args.json:
        _print_json([v.to_json() for v in made])
        return 0
    for view in made:
        _print_volume(view)
    say("cli.volume.built", count=len(made))
    return 0


def cmd_volume_dissolve(args: argparse.Namespace) -> int:
    from archivist.arrangement import volumes

    with _open(args) as archive:
        view = volumes.dissolve(archive, args.code, args.reason)
    if args.json:
        _print_json(view.to_json())
    else:
        say("cli.volume.dissolved", code=view.code, reason=args.reason.strip())
    return 0


def cmd_volume_list(args: argparse.Namespace) -> int:
    from archivist.arrangement import volumes

    with _open(args) as archive:
        rows = volumes.list_volumes(archive, args.year, args.klass)
    if args.json:
        _print_json([v.to_json() for v in rows])
        return 0
    for view in rows:
        _print_volume(view)
    say("cli.volume.count", count=len(rows))
    return 0


def cmd_volume_show(args: argparse.Namespace) -> int:
    from archivist.arrangement import volumes

    with _open(args) as archive:
        view = volumes.show(archive, args.code)
    if args.json:
        _print_json(view.to_json())
        return 0
    _print_volume(view)
    for entry in view.entries:
        pages = (
            text("cli.volume.page_span", first=entry.first_page, last=entry.last_page)
            if entry.first_page
            else text("cli.volume.pages", pages=entry.pages)
        )
        print(f"  {entry.seq:>3}. {entry.number}  {entry.completed_on}  {entry.title}  {pages}")
    return 0


def cmd_volume_pdf(args: argparse.Namespace) -> int:
    from archivist.arrangement import volume_pdf

    progress = ProgressLine(text("cli.progress.volume_pdf"))
    with _open(args) as archive:
        try:
            made = volume_pdf.assemble_volume(archive, args.code, args.out, progress=progress)
        finally:
            progress.close()
    if args.json:
        _print_json(made.to_json())
    else:
        say(
            "cli.volume.pdf",
            code=made.code,
            items=made.items,
            material_pages=made.material_pages,
            paged=text("cli.volume.pdf_paged") if made.paged else "",
            pages=made.pages,
            path=made.path,
        )
    return 0


def cmd_volume_change(args: argparse.Namespace) -> int:
    from archivist.arrangement import volumes

    with _open(args) as archive:
        if args.volume_command == "add":
            view = volumes.add_items(archive, args.code, args.items, args.reason)
        elif args.volume_command == "remove":
            view = volumes.remove_items(archive, args.code, args.items, args.reason)
        elif args.volume_command == "move":
            view = volumes.move_items(archive, args.items, args.to, args.reason)
        else:
            view = volumes.set_title(archive, args.code, args.title, args.reason)
    if args.json:
        _print_json(view.to_json())
    else:
        _print_volume(view)
    return 0


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)

    volume = sub.add_parser("volume", help="file items into volumes (组卷) and change them")
    volume_sub = volume.add_subparsers(dest="volume_command", required=True)
    p = add("build", cmd_volume_build, "file a year's unfiled items of a class", volume_sub)
    p.add_argument("--year", required=True, help="one year (volumes never span years)")
    p.add_argument("--class", dest="klass", required=True)
    p.add_argument("--by", choices=("month", "quarter", "year"), default="month")
    p.add_argument("--catalogue", help="目录号 (default: the class code)")
    p.add_argument("--dry-run", action="store_true", help="show the volumes, make none")
    p.add_argument(
        "--yes",
        action="store_true",
        help="file even beside volumes of another period (month/quarter/year) of the year",
    )
    p = add("list", cmd_volume_list, "list volumes", volume_sub)
    p.add_argument("--year", type=int)
    p.add_argument("--class", dest="klass")
    p = add("show", cmd_volume_show, "show a volume and its items", volume_sub)
    p.add_argument("code")
    p = add("add", cmd_volume_change, "put unfiled items into a volume", volume_sub)
    p.add_argument("code")
    p.add_argument("items", nargs="+", metavar="ITEM")
    p.add_argument("--reason", required=True)
    p = add("remove", cmd_volume_change, "take items out of a volume", volume_sub)
    p.add_argument("code")
    p.add_argument("items", nargs="+", metavar="ITEM")
    p.add_argument("--reason", required=True)
    p = add("move", cmd_volume_change, "move items to another volume", volume_sub)
    p.add_argument("items", nargs="+", metavar="ITEM")
    p.add_argument("--to", required=True, help="the volume's code")
    p.add_argument("--reason", required=True)
    p = add(
        "dissolve", cmd_volume_dissolve, "dissolve an empty volume (its number stays)", volume_sub
    )
    p.add_argument("code")
    p.add_argument("--reason", required=True)
    p = add("title", cmd_volume_change, "change a volume's title", volume_sub)
    p.add_argument("code")
    p.add_argument("title")
    p.add_argument("--reason", required=True)
    p = add("pdf", cmd_volume_pdf, "assemble the volume's PDF (组卷 PDF)", volume_sub)
    p.add_argument("code")
    p.add_argument("--out", type=Path, help="the PDF to write (default: derived/volumes/CODE.pdf)")
