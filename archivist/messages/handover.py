"""Handover to the archive (归档交接): batches, the quality check, signing. Code: (Chinese, English)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # handover to the archive (归档交接)
    "handover.not_found": ("找不到交接单：{number}", "Handover record not found: {number}"),
    "handover.department_required": ("必须填写移交部门", "The handing-over department is required"),
    "handover.handed_by_required": ("必须填写移交人", "The person handing over is required"),
    "handover.received_by_required": ("必须填写接收人", "The person receiving is required"),
    "handover.same_person": (
        "移交人与接收人不能是同一人：{name}",
        "The same person cannot both hand over and receive: {name}",
    ),
    "handover.no_volumes": ("没有指定案卷", "No volumes given"),
    "handover.signed": (
        "交接单 {number} 已签字，不能再更改",
        "Handover {number} has been signed and cannot change",
    ),
    "handover.volume_handed_over": (
        "案卷 {code} 已移交档案部门",
        "Volume {code} has already been handed over",
    ),
    "handover.volume_in_batch": (
        "案卷 {code} 已在交接单 {number} 中",
        "Volume {code} is already in handover {number}",
    ),
    "handover.volume_not_in_batch": (
        "案卷 {code} 不在交接单 {number} 中",
        "Volume {code} is not in handover {number}",
    ),
    "handover.empty": (
        "交接单 {number} 中没有待移交的案卷",
        "Handover {number} holds no volumes to hand over",
    ),
    "handover.not_failed": (
        "案卷 {code} 未被检查为不合格，不能退回",
        "Volume {code} has not failed its check and cannot be sent back",
    ),
    "handover.nothing_to_return": (
        "交接单 {number} 中没有检查不合格的案卷",
        "Handover {number} holds no volume that failed its check",
    ),
    "handover.unchecked": (
        "交接单 {number} 中有案卷尚未检查：{codes}",
        "Handover {number} has volumes not yet checked: {codes}",
    ),
    "handover.not_passed": (
        "交接单 {number} 中有案卷检查不合格：{codes}（退回后再签字）",
        "Handover {number} has volumes that failed their check: {codes} (send them back first)",
    ),
    "handover.changed_since_check": (
        "案卷在检查后又有变动：{codes}（请重新检查交接单 {number}）",
        "Volumes changed after their check: {codes} (check handover {number} again)",
    ),
    "handover.item_reason": ("{item}：{message}", "{item}: {message}"),
    "handover.result_pass": ("合格", "Passed"),
    "handover.result_fail": ("不合格：{reasons}", "Failed: {reasons}"),
    "handover.no_title": ("案卷没有题名", "The volume has no title"),
    "handover.no_items": ("案卷中没有档案件", "The volume holds no items"),
    "handover.seq_gap": (
        "卷内顺序号不连续：应为 {expected}，实为 {actual}",
        "Sequence numbers in the volume are not contiguous: expected {expected}, found {actual}",
    ),
    "handover.pages_unnumbered": ("未编页号", "Pages not numbered"),
    "handover.page_gap": (
        "页号不连续：应从第 {expected} 页起，实从第 {found} 页起",
        "Page numbers not contiguous: should start at {expected}, start at {found}",
    ),
    "handover.item_pages_mismatch": (
        "页号 {first}–{last} 与材料页数 {pages} 不符",
        "Pages {first}–{last} do not match the materials' {pages} pages",
    ),
    "handover.volume_pages_mismatch": (
        "案卷编至第 {numbered} 页，而材料共 {pages} 页",
        "The volume is numbered to page {numbered} but its materials have {pages} pages",
    ),
    "handover.register_missing": ("未生成{register}", "The {register_en} has not been generated"),
    "handover.register_stale": (
        "{register}生成后案卷又有变动，需重新生成",
        "The volume changed after its {register_en} was generated; generate it again",
    ),
}
