"""`archivist`: the command line over the same core services as the window.

Exit codes: 0 success; 1 the operation was refused or failed (one line on stderr
naming the file and the reason); 2 usage error; 3 check/verify found problems.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archivist import __version__, logs
from archivist.archive import Archive, default_archive_dir
from archivist.errors import ArchivistError, InputError
from archivist.messages import set_language

if TYPE_CHECKING:
    from archivist.arrangement.volumes import VolumeSummary
    from archivist.custody.storeroom import BoxSummary
    from archivist.handover.handovers import HandoverView

EXIT_FAILED, EXIT_USAGE, EXIT_FINDINGS, EXIT_INTERNAL = 1, 2, 3, 70
log = logging.getLogger(__name__)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n")


class ProgressLine:
    """A one-line progress bar on stderr (only when stderr is a terminal)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int, what: str) -> None:
        if not self.enabled:
            return
        if total:
            filled = int(30 * done / total)
            bar = "█" * filled + "·" * (30 - filled)
            sys.stderr.write(f"\r{self.label} [{bar}] {done}/{total} ")
        else:
            sys.stderr.write(f"\r{self.label} {done} ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _open(args: argparse.Namespace) -> Archive:
    archive = Archive.open(args.archive, actor=args.actor)
    if archive.migration_backup:
        print(f"已升级档案库结构，原数据库备份于 {archive.migration_backup}", file=sys.stderr)
    for line in archive.recovered:
        print(f"已清理中断的操作：{line}", file=sys.stderr)
    return archive


# -- commands ---------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    with Archive.init(args.archive, args.fonds_code, args.fonds_name, actor=args.actor) as archive:
        summary = archive.summary()
    if args.json:
        _print_json(summary)
    else:
        print(f"已创建档案库：{summary['archive']}（全宗 {args.fonds_code} {args.fonds_name}）")
    return 0


def cmd_capture(args: argparse.Namespace) -> int:
    from archivist.arrangement.items import show
    from archivist.capture.pipeline import capture, capture_from_manifest, recognise_item

    with _open(args) as archive:
        progress = ProgressLine("采集")
        try:
            if args.manifest:
                result = capture_from_manifest(archive, args.manifest, progress=progress)
            else:
                result = capture(archive, _request_from_flags(args), progress=progress)
        finally:
            progress.close()
        for dup in result.duplicates:
            print(
                f"注意：{dup.file} 与已归档的 {dup.number} 中的文件内容相同（{dup.stored_as}）",
                file=sys.stderr,
            )
        for warning in result.warnings:
            print(f"注意：{warning}", file=sys.stderr)
        if args.ocr == "now":
            progress = ProgressLine("识别")
            try:
                run = recognise_item(archive, result.number, progress=progress)
            finally:
                progress.close()
            for failure in run.failures:
                print(
                    f"注意：第 {failure['page']} 页未能识别：{failure['reason']}", file=sys.stderr
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


def cmd_item_show(args: argparse.Namespace) -> int:
    from archivist.access.item_detail import item_detail
    from archivist.rules.ordering import explain

    with _open(args) as archive:
        view = item_detail(archive, args.number, reveal_ids=args.reveal_ids)
    if args.json:
        _print_json(view)
        return 0
    print(f"{view['number']}  {view['archival_code']}  {view['title']}")
    print(
        f"  类别 {view['class']} {view['class_name']} / {view['business_type']}  办结 {view['completed_on']}"
    )
    print(
        f"  {'单位' if view['entity']['kind'] == 'unit' else '个人'}：{view['entity']['name']}  经办人：{view['handler']}"
    )
    print(
        f"  保管期限 {view['retention_label']}  到期 {view['expires_on'] or '—'}  状态 {view['status']}"
    )
    print(f"  文件夹 {view['folder']}")
    for m in view["materials"]:
        role = "表单" if m["role"] == "form" else "凭证"
        print(f"  {m['seq']:>2}. [{role}] {m['title']}  {m['pages']}页  {m['sha256'][:12]}…")
        print(f"      {explain(m['order_basis'])}")
        for warning in m.get("warnings", []):
            print(f"      注意：{warning}")
    return 0


def _print_volume(view: VolumeSummary) -> None:
    span = f"{view.start or '—'} ~ {view.end or '—'}"
    print(f"{view.code}  {view.title}")
    print(
        f"  {view.year}年 {view.class_code} 类  保管期限 {view.retention}  {span}  "
        f"{view.items} 件 {view.pages} 页{'（编页号）' if view.paged else ''}  {view.status}"
    )


def cmd_volume_build(args: argparse.Namespace) -> int:
    from archivist.arrangement import volumes

    year = volumes.parse_years(args.year)
    with _open(args) as archive:
        if args.dry_run:
            planned = volumes.plan(archive, year, args.klass, args.by)
            warning = planned.mixed_warning()
            if warning is not None:
                print(f"注意：{warning.message()}", file=sys.stderr)
            if args.json:
                _print_json([p.to_json() for p in planned.volumes])
                return 0
            for plan in planned.volumes:
                print(f"{plan.period_key}  {plan.retention}  {plan.items} 件  {plan.title}")
            print(f"将组成 {len(planned.volumes)} 卷")
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
                print("（确认按此组卷请加 --yes / add --yes to confirm）", file=sys.stderr)
            raise
    if args.json:
        _print_json([v.to_json() for v in made])
        return 0
    for view in made:
        _print_volume(view)
    print(f"已组成 {len(made)} 卷")
    return 0


def _confirm(question: str) -> bool:
    """Ask on the terminal (y/N); False when no one is there to answer."""
    if not sys.stdin.isatty():
        return False
    print(question, file=sys.stderr)
    try:
        answer = input("继续？ Continue? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是")


def cmd_volume_dissolve(args: argparse.Namespace) -> int:
    from archivist.arrangement import volumes

    with _open(args) as archive:
        view = volumes.dissolve(archive, args.code, args.reason)
    if args.json:
        _print_json(view.to_json())
    else:
        print(f"已撤销案卷 {view.code}（案卷号保留不用）：{args.reason.strip()}")
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
    print(f"共 {len(rows)} 卷")
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
            f"第{entry.first_page}–{entry.last_page}页" if entry.first_page else f"{entry.pages}页"
        )
        print(f"  {entry.seq:>3}. {entry.number}  {entry.completed_on}  {entry.title}  {pages}")
    return 0


def cmd_volume_pdf(args: argparse.Namespace) -> int:
    from archivist.arrangement import volume_pdf

    progress = ProgressLine("组卷 PDF")
    with _open(args) as archive:
        try:
            made = volume_pdf.assemble_volume(archive, args.code, args.out, progress=progress)
        finally:
            progress.close()
    if args.json:
        _print_json(made.to_json())
    else:
        print(
            f"{made.code}：{made.items} 件，{made.material_pages} 页材料"
            f"{'（已编页号）' if made.paged else ''}，共 {made.pages} 页 → {made.path}"
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


def _print_handover(view: HandoverView) -> None:
    print(f"{view.number}  {view.from_department} → {view.to_department}  {view.status}")
    print(
        f"  移交人 {view.handed_by or '—'}  接收人 {view.received_by or '—'}  "
        f"日期 {view.signed_on or '—'}"
    )
    for row in view.rows:
        print(
            f"  {row.seq:>3}. {row.code}  {row.title}  {row.items} 件 {row.pages} 页"
            f"  {row.check or '未检查'}"
        )
    totals = view.totals
    print(f"  共 {totals.volumes} 卷 {totals.items} 件 {totals.pages} 页")
    for row in view.returned:
        print(f"  已退回 {row.code}  {row.check}")


def cmd_handover_create(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        view = handovers.create(archive, args.from_department, args.by, args.to_department)
    if args.json:
        _print_json(view.to_json())
    else:
        _print_handover(view)
    return 0


def cmd_handover_add(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        view = handovers.add_volumes(archive, args.number, args.volumes)
    if args.json:
        _print_json(view.to_json())
    else:
        _print_handover(view)
    return 0


def cmd_handover_check(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        report = handovers.check(archive, args.number)
    if args.json:
        _print_json(report.to_json())
    else:
        for volume in report.volumes:
            print(f"{volume.code}  {'合格' if volume.result == 'pass' else '不合格'}")
            for message in volume.messages:
                print(f"    {message}")
        print(f"检查 {len(report.volumes)} 卷：{report.passed} 卷合格，{report.failed} 卷不合格")
    return 0 if report.ok else EXIT_FINDINGS


def cmd_handover_return(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        done = handovers.return_failed(archive, args.number, args.reason, args.volumes or None)
    if args.json:
        _print_json(done.to_json())
    else:
        for volume in done.returned:
            print(f"已退回 {volume.code}：{'；'.join(volume.messages)}")
    return 0


def cmd_handover_sign(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        view = handovers.sign(
            archive, args.number, args.received_by, args.handed_by, _date_arg(args.date)
        )
    if args.json:
        _print_json(view.to_json())
    else:
        _print_handover(view)
    return 0


def cmd_handover_list(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        rows = handovers.list_batches(archive, args.status)
    if args.json:
        _print_json([b.to_json() for b in rows])
        return 0
    for b in rows:
        print(
            f"{b.number}  {b.from_department} → {b.to_department}  {b.status}  "
            f"{b.volumes} 卷 {b.items} 件 {b.pages} 页"
            + (f"（退回 {b.returned} 卷）" if b.returned else "")
        )
    print(f"共 {len(rows)} 份交接单")
    return 0


def cmd_handover_show(args: argparse.Namespace) -> int:
    from archivist.handover import handovers

    with _open(args) as archive:
        view = handovers.show(archive, args.number)
    if args.json:
        _print_json(view.to_json())
    else:
        _print_handover(view)
    return 0


def cmd_location_add(args: argparse.Namespace) -> int:
    from archivist.custody import storeroom

    with _open(args) as archive:
        view = storeroom.add_location(archive, args.room, args.shelf, args.column, args.layer)
    if args.json:
        _print_json(view.to_json())
    else:
        print(f"已登记位置：{view.code}（条码 {view.barcode}）")
    return 0


def cmd_location_list(args: argparse.Namespace) -> int:
    from archivist.custody import storeroom

    with _open(args) as archive:
        rows = storeroom.list_locations(archive)
    if args.json:
        _print_json([row.to_json() for row in rows])
        return 0
    for row in rows:
        print(f"{row.code}  {row.barcode}  {len(row.boxes)} 盒  {' '.join(row.boxes)}")
    print(f"共 {len(rows)} 个位置")
    return 0


def _print_box(view: BoxSummary) -> None:
    kind = "按卷" if view.kind == "volumes" else "按件"
    span = f"{view.range_heading} {view.range}" if view.range else "空盒"
    print(f"{view.code}  {view.year}年 {view.class_code} 类  {view.retention_label}  {kind}")
    print(f"  {view.count} {'卷' if view.kind == 'volumes' else '件'}  {span}  {view.chain}")


def cmd_box_create(args: argparse.Namespace) -> int:
    from archivist.custody import storeroom

    with _open(args) as archive:
        view = storeroom.create_box(archive, args.year, args.klass, args.retention, args.kind)
    if args.json:
        _print_json(view.to_json())
    else:
        _print_box(view)
    return 0


def cmd_box_change(args: argparse.Namespace) -> int:
    from archivist.custody import storeroom

    change = {"put": storeroom.put, "move": storeroom.move, "remove": storeroom.take_out}
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
    from archivist.custody import storeroom

    with _open(args) as archive:
        boxes = storeroom.fill(archive, args.year, args.klass, args.capacity)
    if args.json:
        _print_json([box.to_json() for box in boxes])
        return 0
    for view in boxes:
        _print_box(view)
    print(f"已装 {len(boxes)} 盒")
    return 0


def cmd_box_shelve(args: argparse.Namespace) -> int:
    from archivist.custody import storeroom

    with _open(args) as archive:
        view = storeroom.shelve(archive, args.box, args.location, args.reason)
    if args.json:
        _print_json(view.to_json())
    else:
        _print_box(view)
    return 0


def cmd_box_list(args: argparse.Namespace) -> int:
    from archivist.custody import storeroom

    with _open(args) as archive:
        rows = storeroom.list_boxes(archive, args.year, args.klass, args.location)
    if args.json:
        _print_json([row.to_json() for row in rows])
        return 0
    for view in rows:
        _print_box(view)
    print(f"共 {len(rows)} 盒")
    return 0


def cmd_box_show(args: argparse.Namespace) -> int:
    from archivist.custody import storeroom

    with _open(args) as archive:
        view = storeroom.show_box(archive, args.box)
    if args.json:
        _print_json(view.to_json())
        return 0
    _print_box(view)
    for volume in view.volumes:
        print(f"  {volume.code}  {volume.title}  {volume.items} 件")
    for item in view.items:
        print(f"  {item.seq:>3}. {item.number}  {item.archival_code}  {item.title}")
    return 0


def cmd_box_labels(args: argparse.Namespace) -> int:
    from archivist.custody import storeroom

    with _open(args) as archive:
        rows = storeroom.label_rows(archive, args.boxes, year=args.year, class_code=args.klass)
    if args.json:
        _print_json([row.to_json() for row in rows])
        return 0
    for row in rows:
        print(
            f"{row.fonds_code}  {row.year}  {row.retention}  "
            f"{row.range_heading} {row.range or '—'}  盒号 {row.box}  {row.barcode}"
        )
    return 0


def cmd_where(args: argparse.Namespace) -> int:
    from archivist.custody import storeroom

    with _open(args) as archive:
        found = storeroom.where(archive, args.code)
    if args.json:
        _print_json(found.to_json())
        return 0
    if found.kind == "location":
        print(f"{found.location}（{found.location_barcode}）：{' '.join(found.boxes) or '无盒'}")
        return 0
    what = [found.item, found.volume, found.box]
    print("  ".join(str(w) for w in what if w))
    if found.status == storeroom.WhereStatus.SHELVED:
        print(f"  {found.chain}")
    elif found.status == storeroom.WhereStatus.BOXED:
        print(f"  {found.chain}（盒未上架）")
    else:
        print("  尚未装盒")
    return 0


def cmd_inventory(args: argparse.Namespace) -> int:
    from archivist.custody.inventory import inventory

    with _open(args) as archive:
        report = inventory(archive, args.scans, args.location)
    if args.json:
        _print_json(report.to_json())
    else:
        for missing in report.missing:
            print(f"缺失  {missing.box}  登记在 {missing.location}")
        for misplaced in report.misplaced:
            print(
                f"错位  {misplaced.box}  登记在 {misplaced.registered or '（未上架）'}"
                f"，扫描于 {misplaced.scanned_at or '（未注明位置）'}"
            )
        for unexpected in report.unexpected:
            print(f"多余  {unexpected.message}")
        print(
            f"扫描 {report.scanned} 条：相符 {report.matched}，缺失 {len(report.missing)}，"
            f"错位 {len(report.misplaced)}，多余 {len(report.unexpected)}"
            f"{'；账物相符' if report.consistent else ''}"
        )
    return 0 if report.consistent else EXIT_FINDINGS


def cmd_register(args: argparse.Namespace) -> int:
    from archivist.registers.forms import Selection, generate

    selection = Selection(
        volume=args.volume,
        year=args.year,
        class_code=args.klass,
        box=args.box,
        handover=args.handover,
    )
    with _open(args) as archive:
        result = generate(archive, args.kind, args.out, selection)
    if args.json:
        _print_json(result)
    else:
        print(f"已生成 {result['file']}")
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
        print(f"共 {len(rows)} 件")
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
        print(f"{view['number']} 已按新顺序排列")
    return 0


def _date_arg(value: str | None) -> Any:
    from archivist.capture.manifest import parse_date

    return parse_date(value, "--completed-on") if value else None


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
    _print_json(view) if args.json else print(f"{view['number']} 已修改")
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
        print(f"{args.number} → {view['number']}（{view['archival_code']}）")
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
        print(f"{view['number']} 的单位/个人已更正：{entity['name']} {ident}".rstrip())
    return 0


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
                print(
                    f"页数 {status['pages_done']}/{status['pages_total']}，失败 {status['pages_failed']}，任务 {status['jobs']}"
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
            print(f"已重新排队 {retry_failed(archive)} 份材料", file=sys.stderr)
        workers = args.workers or prefs.ocr_workers
        progress = ProgressLine("识别")
        try:
            report = run_queue(archive, workers=workers, settings=settings, progress=progress)
        finally:
            progress.close()
    if args.json:
        _print_json(report.to_dict())
    else:
        print(f"已识别 {report.pages_done} 页，失败 {report.pages_failed} 页")
        for failure in report.failures:
            print(f"  材料 {failure['material_id']} 第 {failure['page']} 页：{failure['reason']}")
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
        where = f" 第{hit.material}份材料 第{hit.page}页" if hit.page else ""
        print(f"{hit.number}  {hit.title}{where}")
        if hit.snippet:
            print(f"    {hit.snippet}")
    print(f"共 {total} 件")
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from archivist.search.service import rebuild

    with _open(args) as archive:
        progress = ProgressLine("索引")
        try:
            count = rebuild(archive, progress=progress, procs=args.procs)
        finally:
            progress.close()
    _print_json({"indexed": count}) if args.json else print(f"已重建索引：{count} 件")
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
        print(f"检查 {report.items_checked} 件：{'通过' if report.ok else '发现问题'}")
    return 0 if report.ok else EXIT_FINDINGS


def cmd_verify(args: argparse.Namespace) -> int:
    from archivist.integrity.verify import verify

    with _open(args) as archive:
        progress = ProgressLine("校验")
        try:
            report = verify(archive, progress=progress, workers=args.workers)
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
            print(f"发现 {len(report.findings)} 个问题")
    return 0 if report.ok else EXIT_FINDINGS


def cmd_demo(args: argparse.Namespace) -> int:
    from archivist.demo.build import build_demo

    progress = ProgressLine("生成示例档案")
    try:
        summary = build_demo(
            args.archive, items=args.items, seed=args.seed, actor=args.actor, progress=progress
        )
    finally:
        progress.close()
    if args.json:
        _print_json(summary)
    else:
        _print_summary(summary)
    return 0


def _print_summary(summary: dict[str, Any]) -> None:
    print(f"档案库：{summary['archive']}")
    print(f"全宗：{summary['fonds']['code']} {summary['fonds']['name']}")
    years = summary["years"]
    span = f"{years[0]}–{years[1]}" if years else "—"
    print(
        f"件数 {summary['items']}，材料 {summary['materials']} 份，{summary['pages']} 页，年度 {span}"
    )
    for code, count in sorted(summary["by_class"].items()):
        print(f"  {code}: {count} 件")
    print(f"审计事件 {summary['audit_events']} 条")


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
            mark = "（待填写）" if c["status"] == "not_found" else ""
            print(
                f"{c['code']:<4} {c['name']} [{c['insurance_type']}] 默认 {c['default_retention'] or '—'}{mark}"
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
    print("已修改分类方案")
    return 0


def cmd_scheme_add(args: argparse.Namespace) -> int:
    from archivist.rules import scheme

    with _open(args) as archive:
        scheme.add_type(archive, args.klass.upper(), args.name, args.retention, reason=args.reason)
    print("已添加业务类型")
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


# -- parser -----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable output")

    parser = argparse.ArgumentParser(
        prog="archivist", description="档案室 Archivist: 社会保险业务档案管理"
    )
    parser.add_argument("--version", action="version", version=f"archivist {__version__}")
    parser.add_argument(
        "--archive",
        type=Path,
        default=None,
        help="archive folder (default: $ARCHIVIST_ARCHIVE or the per-user data folder)",
    )
    parser.add_argument(
        "--actor", default=None, help="who is acting (default: $ARCHIVIST_ACTOR or the OS user)"
    )
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="message language")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str, parent: Any = sub
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, parents=[common], help=help_text)
        p.set_defaults(handler=handler)
        return p

    p = add("init", cmd_init, "create an archive")
    p.add_argument("--fonds-code", required=True)
    p.add_argument("--fonds-name", required=True)

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

    item = sub.add_parser("item", help="show, list and reorder items")
    item_sub = item.add_subparsers(dest="item_command", required=True)
    p = add("show", cmd_item_show, "show one item", item_sub)
    p.add_argument("number")
    p.add_argument("--reveal-ids", action="store_true", help="show full ID numbers")
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
    p = add("register", cmd_register, "print a register as .docx (catalogues also .xlsx)")
    p.add_argument(
        "kind",
        choices=(
            "item-list",
            "box-notes",
            "volume-cover",
            "volume-contents",
            "volume-notes",
            "volume-list",
            "spine-labels",
            "handover",
        ),
    )
    p.add_argument("--volume", help="a volume's code (volume-cover, -contents, -notes)")
    p.add_argument("--year", type=int)
    p.add_argument("--class", dest="klass")
    p.add_argument("--box", help="a box's code (box-notes, spine-labels, item-list)")
    p.add_argument("--handover", help="a handover batch number (handover)")
    p.add_argument("--out", type=Path, required=True, help="FILE.docx, or FILE.xlsx for lists")

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

    ho = sub.add_parser("handover", help="hand volumes over to the archive (归档交接)")
    ho_sub = ho.add_subparsers(dest="handover_command", required=True)
    p = add("create", cmd_handover_create, "start a handover batch (交接单)", ho_sub)
    p.add_argument("--from", dest="from_department", required=True, help="移交部门")
    p.add_argument(
        "--to", dest="to_department", help="接收部门 (default: the archive_department setting)"
    )
    p.add_argument("--by", required=True, help="移交人")
    p = add("add", cmd_handover_add, "put volumes in a batch", ho_sub)
    p.add_argument("number", metavar="BATCH")
    p.add_argument("volumes", nargs="+", metavar="VOLUME")
    p = add("check", cmd_handover_check, "quality-check every volume of a batch", ho_sub)
    p.add_argument("number", metavar="BATCH")
    p = add("return", cmd_handover_return, "send failed volumes back with a reason", ho_sub)
    p.add_argument("number", metavar="BATCH")
    p.add_argument("volumes", nargs="*", metavar="VOLUME", help="default: every failed volume")
    p.add_argument("--reason", required=True)
    p = add("sign", cmd_handover_sign, "sign the batch: its volumes are handed over", ho_sub)
    p.add_argument("number", metavar="BATCH")
    p.add_argument("--handed-by", help="移交人 (default: the one named at create)")
    p.add_argument("--received-by", required=True, help="接收人")
    p.add_argument("--date", help="YYYY-MM-DD (default: today)")
    p = add("list", cmd_handover_list, "list handover batches", ho_sub)
    p.add_argument("--status", choices=("draft", "checked", "signed"))
    p = add("show", cmd_handover_show, "show a batch as its 归档交接单", ho_sub)
    p.add_argument("number", metavar="BATCH")

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

    add("check", cmd_check, "flag items whose order breaks the rules")
    p = add("verify", cmd_verify, "re-hash every file and check numbering and the audit chain")
    p.add_argument("--workers", type=int, default=None)
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
    return parser


def _search_words_last(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """`archivist search -工伤 申请`: a word starting with "-" that is no option of the
    search command belongs to the query (it excludes), so the query words are moved
    behind "--" where argparse cannot take them for options."""
    at = 0
    while at < len(argv):  # find the command, skipping the global options and values
        word = argv[at]
        if word in ("--archive", "--actor", "--lang"):
            at += 2
        elif word.startswith("-"):
            at += 1
        else:
            break
    if at >= len(argv) or argv[at] != "search":
        return argv
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    options = commands.choices["search"]._option_string_actions
    kept, query = argv[: at + 1], list[str]()
    rest = iter(argv[at + 1 :])
    for word in rest:
        if word == "--":
            query.extend(rest)
            break
        name = word.split("=", 1)[0]
        known = [o for o in options if o == name] or [
            o for o in options if name.startswith("--") and o.startswith(name)
        ]
        if len(known) == 1:
            value = next(rest, None) if "=" not in word and options[known[0]].nargs != 0 else None
            kept.append(word if value is None else f"{word}={value}")
        elif word.startswith("--") and word != "--":
            kept.append(word)  # argparse names the unknown option
        else:
            query.append(word)
    return kept + (["--", *query] if query else [])


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(
        _search_words_last(parser, list(sys.argv[1:] if argv is None else argv))
    )
    set_language(args.lang)
    if args.archive is None:
        args.archive = default_archive_dir()
    logs.configure("archivist", archive=args.archive)
    log.info("command %s", getattr(args.handler, "__name__", args.command))
    try:
        return int(args.handler(args))
    except ArchivistError as exc:
        log.info("refused: %s (%s)", exc.code, exc.message())
        print(
            f"错误：{exc.message()}" if args.lang != "en" else f"error: {exc.message()}",
            file=sys.stderr,
        )
        if getattr(args, "json", False):
            _print_json({"error": exc.to_dict()})
        return EXIT_FAILED
    except KeyboardInterrupt:
        log.info("cancelled")
        print("已取消", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped listening
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a defect: say so in one line, keep the details for the log
        log.exception("internal error")
        last = Path(args.archive) / ".work" / "last-error.txt" if args.archive else None
        detail = traceback.format_exc()
        if last is not None and last.parent.is_dir():
            last.write_text(detail, encoding="utf-8")
        print(
            f"内部错误：{type(exc).__name__}: {exc}"
            + (f"（详情见 {last}）" if last and last.exists() else ""),
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
