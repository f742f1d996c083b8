"""Custody: boxes, shelf locations, where a thing is, inventory. Code: (Chinese, English)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # boxes, shelf locations, inventory (archivist.custody: locations, boxes, where, inventory)
    "location.bad_room": (
        "库房编号只能由字母和数字组成（它要印进条码）：{room}",
        "A room number may hold only letters and digits (it goes into barcodes): {room}",
    ),
    "location.bad_number": (
        "{field}必须是 1 到 999 的整数：{value}",
        "{field} must be a whole number from 1 to 999: {value}",
    ),
    "location.exists": ("位置已登记：{code}", "The location is already registered: {code}"),
    "location.not_found": (
        "找不到位置：{code}（格式如 1库-03架-2列-4层 或 LOC-1-03-2-4）",
        "Location not found: {code} (write it like 1库-03架-2列-4层 or LOC-1-03-2-4)",
    ),
    "box.not_found": ("找不到盒：{code}", "Box not found: {code}"),
    "box.bad_kind": (
        "装盒方式“{kind}”无效（可用：items 按件装盒，volumes 按卷装盒）",
        "Unknown box kind '{kind}' (use items or volumes)",
    ),
    "box.code_not_ascii": (
        "盒的条码只能包含英文字母、数字和半角符号：{code}（全宗号、类别代码须为字母数字）",
        "A box barcode can hold only ASCII letters, digits and symbols: {code} "
        "(the fonds and class codes must be ASCII)",
    ),
    "box.other_year": (
        "{code} 属 {year} 年度，盒 {box} 装 {box_year} 年度：不同年度的档案不能同盒",
        "{code} is of {year}, box {box} of {box_year}: different years never share a box",
    ),
    "box.other_class": (
        "{code} 属 {klass} 类，盒 {box} 装 {box_klass} 类：不同机构（问题）的档案不能同盒",
        "{code} is of class {klass}, box {box} of {box_klass}: "
        "different organisations (classes) never share a box",
    ),
    "box.other_retention": (
        "{code} 保管期限 {retention}，盒 {box} 为 {box_retention}：不同保管期限的档案不能同盒",
        "{code} is kept {retention}, box {box} {box_retention}: "
        "different retention periods never share a box",
    ),
    "box.other_fonds": (
        "{code} 与盒 {box} 不属同一全宗，不能同盒",
        "{code} is of another fonds than box {box}",
    ),
    "box.items_only": (
        "盒 {box} 按件装盒，只能放入档案件，不能放入案卷 {code}",
        "Box {box} holds items, not volumes: {code} cannot go in",
    ),
    "box.volumes_only": (
        "盒 {box} 按卷装盒，只能放入案卷，不能放入档案件 {code}",
        "Box {box} holds volumes, not items: {code} cannot go in",
    ),
    "box.already_boxed": (
        "{code} 已在盒 {box} 中（换盒请用 box move，须填写理由）",
        "{code} is already in box {box} (use box move, with a reason)",
    ),
    "box.item_in_volume": (
        "档案件 {code} 已组入案卷 {volume}，随案卷装盒，不能单独装盒",
        "Item {code} is in volume {volume}: it is boxed with its volume, not on its own",
    ),
    "box.not_in_box": ("{code} 不在盒 {box} 中", "{code} is not in box {box}"),
    "box.not_boxed": (
        "{code} 尚未装盒（请用 box put）",
        "{code} is in no box yet (use box put)",
    ),
    "box.nothing_given": (
        "请指定要装盒的案卷或档案件",
        "Name the volumes or items to box",
    ),
    "box.nothing_to_box": (
        "{year}年{klass}类没有待装盒的档案件（已组卷的档案件随案卷装盒）",
        "No unboxed items of class {klass} in {year} (items in volumes are boxed with them)",
    ),
    "box.bad_capacity": (
        "每盒件数必须是正整数：{value}",
        "A box's capacity must be a positive whole number: {value}",
    ),
    "where.not_found": (
        "找不到“{code}”：它不是已登记的档案件号、档号、案卷档号、盒条码或位置",
        "Nothing is registered as '{code}' (not an item number, archival code, volume code, "
        "box code or location)",
    ),
    "inventory.unknown_code": (
        "第 {line} 行：条码“{code}”不对应任何已登记的盒、案卷、档案件或位置",
        "Line {line}: the barcode '{code}' matches no registered box, volume, item or location",
    ),
    "inventory.volume_not_box": (
        "第 {line} 行：“{code}”是案卷的条码，不是盒的（它登记在盒 {box}）；盘点请扫描盒脊条码",
        "Line {line}: '{code}' is a volume's barcode, not a box's (registered in box {box}); "
        "scan the box spines",
    ),
    "inventory.item_not_box": (
        "第 {line} 行：“{code}”是档案件的编号，不是盒的（它登记在盒 {box}）；盘点请扫描盒脊条码",
        "Line {line}: '{code}' is an item's number, not a box's (registered in box {box}); "
        "scan the box spines",
    ),
    "inventory.unknown_location": (
        "扫描文件第 {line} 行：位置“{code}”未登记（格式如 1库-03架-2列-4层 或 LOC-1-03-2-4）",
        "Scan file line {line}: the location '{code}' is not registered "
        "(write it like 1库-03架-2列-4层 or LOC-1-03-2-4)",
    ),
    "inventory.bad_line": (
        "扫描文件第 {line} 行格式有误：{text}（每行一个条码，或“位置<Tab>盒条码”，或“@位置”）",
        "Scan file line {line} is malformed: {text} (one code a line, LOCATION<Tab>BOX, "
        "or @LOCATION)",
    ),
    "inventory.empty": (
        "扫描结果中没有条码：{file}",
        "The scans hold no barcodes: {file}",
    ),
    "inventory.unreadable": (
        "无法读取扫描文件：{file}（文件无法打开，或不是文本）",
        "Cannot read the scan file: {file} (it cannot be opened, or is not text)",
    ),
    "edit.nothing": ("没有要修改的内容", "Nothing to change"),
    "edit.needs_renumber": (
        "办结日期跨年度会改变件号：请用 item renumber 重新编号（{number}）",
        "A completion date in another year changes the number: use item renumber ({number})",
    ),
    "scheme.exists": ("分类方案中已有“{value}”", "'{value}' already exists in the scheme"),
    "settings.unknown": ("未知的设置项：{key}", "Unknown setting: {key}"),
    "settings.not_a_switch": (
        "{key} 只能设为 on 或 off（不是“{value}”）",
        "{key} is on or off (not '{value}')",
    ),
    "settings.empty": ("设置项 {key} 不能为空", "The setting {key} cannot be empty"),
}
