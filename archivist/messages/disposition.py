"""Disposition (处置): holds, the appraisal due list. Code: (Chinese, English)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # holds (archivist/disposition/holds.py)
    "hold.unknown": ("找不到保全：{number}", "Hold not found: {number}"),
    "hold.unknown_kind": (
        "没有保全类型“{kind}”（可用：{kinds}）",
        "There is no kind of hold '{kind}' (kinds: {kinds})",
    ),
    "hold.unknown_state": (
        "没有保全状态“{state}”（可用：{states}）",
        "There is no hold state '{state}' (states: {states})",
    ),
    "hold.choose_target": (
        "保全须选择档案件或一个案卷（二者择一）",
        "A hold is placed on items or on one volume (one of the two)",
    ),
    "hold.too_many": ("一次最多保全 {limit} 件", "At most {limit} items are held at once"),
    "hold.already_held": (
        "{code} 已有同类保全 {number}，未解除前不能重复设置",
        "{code} is already held for this kind by {number}; lift it before placing another",
    ),
    "hold.already_lifted": (
        "保全 {number} 已由 {by} 解除，不能再次解除",
        "Hold {number} was already lifted by {by}; it cannot be lifted again",
    ),
    "hold.shortens_retention": (
        "{number} 处于保全中（{holds}），不能缩短其保管期限（{old} → {new}）",
        "{number} is on hold ({holds}); its retention cannot be shortened ({old} → {new})",
    ),
}
