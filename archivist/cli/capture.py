"""Capture: take in one item from a manifest or from flags (采集)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archivist.cli.common import (
    ProgressLine,
    _open,
    _print_json,
    command_adder,
    say,
    text,
)
from archivist.errors import InputError


def cmd_capture(args: argparse.Namespace) -> int:
    from archivist.arrangement.items import show
    from archivist.capture.pipeline import capture, capture_from_manifest, recognise_item

    with _open(args) as archive:
        progress = ProgressLine(text("cli.progress.capture"))
        try:
            if args.manifest:
                result = capture_from_manifest(archive, args.manifest, progress=progress)
            else:
                result = capture(archive, _request_from_flags(args), progress=progress)
        finally:
            progress.close()
        for dup in result.duplicates:
            say(
                "cli.capture.duplicate",
                err=True,
                file=dup.file,
                number=dup.number,
                stored_as=dup.stored_as,
            )
        for warning in result.warnings:
            say("cli.note", err=True, text=warning)
        if args.ocr == "now":
            progress = ProgressLine(text("cli.progress.ocr"))
            try:
                run = recognise_item(archive, result.number, progress=progress)
            finally:
                progress.close()
            for failure in run.failures:
                say(
                    "cli.capture.page_failed",
                    err=True,
                    page=failure["page"],
                    reason=failure["reason"],
                )
        if args.json:
            view = show(archive, result.number)
            view["duplicates"] = [d.__dict__ for d in result.duplicates]
            _print_json(view)
        else:
            print(result.number)
    return 0


def _request_from_flags(args: argparse.Namespace) -> Any:
    from archivist.capture.manifest import build_request

    if not (args.klass and args.business_type and args.completed_on):
        raise InputError(
            "manifest.missing_field", field="--class/--business-type/--completed-on", file="<flags>"
        )
    if bool(args.person) == bool(args.unit):
        raise InputError("manifest.missing_field", field="--person | --unit", file="<flags>")
    entity: dict[str, Any] = (
        {"kind": "person", "name": args.person, "id_number": args.id_number}
        if args.person
        else {"kind": "unit", "name": args.unit, "unit_code": args.unit_code}
    )
    materials = []
    for role, specs in (("form", args.form or []), ("voucher", args.voucher or [])):
        for spec in specs:
            parts = spec.split("|")
            entry: dict[str, Any] = {"file": str(Path(parts[0]).resolve()), "role": role}
            if len(parts) > 1 and parts[1]:
                entry["title"] = parts[1]
            if len(parts) > 2 and parts[2]:
                entry["importance"] = parts[2]
            if len(parts) > 3 and parts[3]:
                entry["person"] = parts[3]
            materials.append(entry)
    data: dict[str, Any] = {
        "class": args.klass,
        "business_type": args.business_type,
        "completed_on": args.completed_on,
        "entity": entity,
        "title": args.title,
        "handler": args.handler_name,
        "materials": materials,
    }
    if args.roster:
        data["roster"] = [name.strip() for name in args.roster.split(",") if name.strip()]
    return build_request(data, base=Path.cwd(), label="<flags>", anywhere=True)


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)

    p = add("capture", cmd_capture, "capture one item from a manifest or flags")
    p.add_argument("--manifest", type=Path)
    p.add_argument("--class", dest="klass")
    p.add_argument("--business-type")
    p.add_argument("--completed-on")
    p.add_argument("--person")
    p.add_argument("--id-number")
    p.add_argument("--unit")
    p.add_argument("--unit-code")
    p.add_argument("--title")
    p.add_argument("--handler", dest="handler_name", help="经办人")
    p.add_argument("--roster", help="comma-separated names in roster order")
    p.add_argument("--form", action="append", help="FILE[|title]")
    p.add_argument("--voucher", action="append", help="FILE[|title[|important|secondary[|person]]]")
    p.add_argument(
        "--ocr", choices=("queue", "now"), default="queue", help="OCR now or leave it queued"
    )
