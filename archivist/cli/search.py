"""Finding things: OCR queue, full-text search, rebuilding the index."""

from __future__ import annotations

import argparse
from typing import Any

from archivist.cli.common import (
    EXIT_FAILED,
    ProgressLine,
    _open,
    _print_json,
    command_adder,
    say,
    text,
)
from archivist.errors import InputError


def cmd_ocr(args: argparse.Namespace) -> int:
    from archivist.ocr.queue import queue_status, retry_failed, run_queue
    from archivist.preferences import Preferences

    prefs = Preferences.load()
    with _open(args) as archive:
        if args.status:
            status = queue_status(archive)
            if args.json:
                _print_json(status)
            else:
                say(
                    "cli.ocr.status",
                    done=status["pages_done"],
                    total=status["pages_total"],
                    failed=status["pages_failed"],
                    jobs=status["jobs"],
                )
            return 0
        # flags override the per-user preferences (the window's settings)
        settings = prefs.engine_settings(
            engine=args.engine,
            languages=args.languages,
            tesseract=args.tesseract,
            timeout=args.timeout,
            cleanup=args.cleanup,
        )
        if args.retry_failed:
            say("cli.ocr.requeued", err=True, count=retry_failed(archive))
        workers = args.workers or prefs.ocr_workers
        progress = ProgressLine(text("cli.progress.ocr"))
        try:
            report = run_queue(archive, workers=workers, settings=settings, progress=progress)
        finally:
            progress.close()
    if args.json:
        _print_json(report.to_dict())
    else:
        say("cli.ocr.done", done=report.pages_done, failed=report.pages_failed)
        for failure in report.failures:
            say(
                "cli.ocr.failure",
                material=failure["material_id"],
                page=failure["page"],
                reason=failure["reason"],
            )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from archivist.search.index import Filters
    from archivist.search.service import search

    year_from = year_to = args.year
    if args.year_range:
        first, _, last = args.year_range.partition("-")
        try:
            year_from, year_to = int(first), int(last or first)
        except ValueError:
            raise InputError("search.bad_year_range", value=args.year_range) from None
    filters = Filters(
        class_code=args.klass,
        year_from=year_from,
        year_to=year_to,
        business_type=args.business_type,
        entity=args.entity,
    )
    with _open(args) as archive:
        total, hits = search(
            archive,
            " ".join(args.query),
            filters,
            limit=args.limit,
            sort=args.sort,
            offset=args.offset,
        )
    if args.json:
        _print_json({"total": total, "hits": [h.to_dict() for h in hits]})
        return 0
    for hit in hits:
        where = text("cli.search.where", material=hit.material, page=hit.page) if hit.page else ""
        print(f"{hit.number}  {hit.title}{where}")
        if hit.snippet:
            print(f"    {hit.snippet}")
    say("cli.search.count", count=total)
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from archivist.search.service import rebuild

    with _open(args) as archive:
        progress = ProgressLine(text("cli.progress.index"))
        try:
            count = rebuild(archive, progress=progress, procs=args.procs)
        finally:
            progress.close()
    if args.json:
        _print_json({"indexed": count})
    else:
        say("cli.reindex.done", count=count)
    return 0


def cmd_rebuild_derived(args: argparse.Namespace) -> int:
    from archivist.integrity.derived import rebuild_derived

    with _open(args) as archive:
        progress = ProgressLine(text("cli.rebuild_derived.progress"))
        try:
            report = rebuild_derived(archive, progress=progress)
        finally:
            progress.close()
    if args.json:
        _print_json(report.to_dict())
    else:
        say(
            "cli.rebuild_derived.done",
            indexed=report.indexed,
            searchable=report.searchable_built,
            volumes=report.volumes_built,
            queued=report.ocr_queued,
            removed=report.removed,
        )
        if report.ocr_queued:
            say("cli.rebuild_derived.ocr")
        for failure in report.failures:
            say("cli.rebuild_derived.failed", err=True, **failure)
    return EXIT_FAILED if report.failures else 0


def register(sub: Any) -> None:
    """Add this group's sub-commands to the top-level `sub`."""
    add = command_adder(sub)

    p = add("ocr", cmd_ocr, "process the OCR queue (resumable)")
    p.add_argument("--workers", type=int, default=None, help="parallel pages (default: cores)")
    p.add_argument(
        "--engine",
        default=None,
        metavar="{tesseract,rapidocr}",
        help="OCR engine (default: the ocr_engine preference, else tesseract)",
    )
    p.add_argument("--languages", default=None, help="Tesseract languages (default chi_sim)")
    p.add_argument("--tesseract", default=None, help="path of the tesseract program")
    p.add_argument("--timeout", type=float, default=None, help="seconds per page (default 120)")
    p.add_argument(
        "--cleanup",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="clean poor scans before OCR where measured to help (default: on)",
    )
    p.add_argument("--status", action="store_true", help="only show the queue")
    p.add_argument("--retry-failed", action="store_true", help="queue failed pages again")

    p = add("search", cmd_search, "full-text search in Chinese")
    p.add_argument(
        "query", nargs="+", help="the query; a word starting with - excludes (also after --)"
    )
    p.add_argument("--class", dest="klass")
    p.add_argument("--year", type=int)
    p.add_argument("--year-range", help="e.g. 2019-2023")
    p.add_argument("--business-type")
    p.add_argument("--entity")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--offset", type=int, default=0, help="skip this many hits (paging)")
    p.add_argument(
        "--sort", default="score", help="score, completed_on, -completed_on, year, -year"
    )
    p = add("reindex", cmd_reindex, "rebuild the search index from the database")
    p.add_argument("--procs", type=int, default=None, help="writer processes")
    add(
        "rebuild-derived",
        cmd_rebuild_derived,
        "rebuild stale derived data: index, searchable copies, volume PDFs, OCR queue",
    )
