"""Capture: manifests, the values they carry (dates, ID numbers, classes), the hot folder. Code: (Chinese, English)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # manifest
    "manifest.unreadable": (
        "无法读取清单：{file}（文件无法打开，或不是 UTF-8 文本）",
        "Cannot read the manifest: {file} (it cannot be opened, or is not UTF-8 text)",
    ),
    "manifest.invalid_json": (
        "清单不是有效的 JSON：{file}（请检查括号、引号和逗号）",
        "The manifest is not valid JSON: {file} (check its brackets, quotes and commas)",
    ),
    "manifest.missing_field": (
        "清单缺少字段“{field}”：{file}",
        "The manifest lacks the field '{field}': {file}",
    ),
    "manifest.not_a_list": (
        "清单字段“{field}”应为列表：{file}",
        "The manifest field '{field}' must be a list: {file}",
    ),
    "manifest.not_an_object": (
        "清单字段“{field}”应为对象（{{…}}）：{file}",
        "The manifest field '{field}' must be an object ({{…}}): {file}",
    ),
    "manifest.not_text": (
        "清单字段“{field}”应为非空的文字：{file}",
        "The manifest field '{field}' must be non-empty text: {file}",
    ),
    "manifest.bad_field": (
        "清单字段“{field}”的值无效：{file}（{reason}）",
        "Invalid value of '{field}' in {file} ({reason})",
    ),
    "manifest.path_escapes": (
        "清单中的路径超出清单所在文件夹：{file}",
        "A path in the manifest leaves the manifest's folder: {file}",
    ),
    "manifest.no_materials": ("清单中没有材料：{file}", "The manifest lists no materials: {file}"),
    "manifest.no_form": (
        "一件业务材料至少要有一份业务表单：{file}",
        "An item needs at least one business form: {file}",
    ),
    "manifest.duplicate_file": (
        "清单中同一文件出现两次：{file}",
        "The same file is listed twice: {file}",
    ),
    "manifest.person_not_on_roster": (
        "凭证所属人员“{person}”不在业务表单名册中：{file}",
        "The voucher's person '{person}' is not on the form's roster: {file}",
    ),
    "manifest.person_ambiguous": (
        "名册中有多个“{person}”，请用身份证号区分：{file}",
        "Several people named '{person}' on the roster; use the ID number: {file}",
    ),
    # domain values
    "date.invalid": (
        "“{field}”日期无效：{value}（应为 YYYY-MM-DD 格式的真实日期，如 2023-05-12）",
        "Invalid date in '{field}': {value} (expected a real date written YYYY-MM-DD, "
        "e.g. 2023-05-12)",
    ),
    "date.future": (
        "“{field}”不能晚于 {latest}：{value}",
        "'{field}' cannot be later than {latest}: {value}",
    ),
    "date.too_early": (
        "“{field}”不能早于 {earliest}：{value}",
        "'{field}' cannot be earlier than {earliest}: {value}",
    ),
    "value.not_text": (
        "字段“{field}”应为文字，而不是 {value}：{file}",
        "'{field}' must be text, not {value}: {file}",
    ),
    "value.too_long": (
        "字段“{field}”过长：{length} 个字符（最多 {limit} 个）：{file}",
        "'{field}' is too long: {length} characters (at most {limit}): {file}",
    ),
    "value.control_characters": (
        "字段“{field}”含有控制字符：{value}：{file}",
        "'{field}' contains control characters: {value}: {file}",
    ),
    "value.too_many": (
        "“{field}”条目过多：{count} 条（最多 {limit} 条）：{file}",
        "Too many entries in '{field}': {count} (at most {limit}): {file}",
    ),
    "manifest.too_deep": (
        "清单的 JSON 嵌套过深（超过 {limit} 层）：{file}",
        "The manifest's JSON is nested too deeply (more than {limit} levels): {file}",
    ),
    "manifest.too_large": (
        "清单文件过大：{file}（{size}，最多 {limit}）",
        "The manifest is too large: {file} ({size}, at most {limit})",
    ),
    "manifest.bad_file_name": (
        "清单字段“{field}”中的文件名无效：{value}（{reason}）：{file}",
        "Invalid file name in '{field}': {value} ({reason}): {file}",
    ),
    "file.image_too_large": (
        "图像过大：{file}（{width}×{height}，{megapixels} 百万像素，最多 {limit} 百万像素）",
        "The image is too large: {file} ({width}×{height}, {megapixels} MP; at most {limit} MP)",
    ),
    "file.image_incomplete": (
        "图像文件不完整或已损坏（数据没有完整写到结尾）：{file}",
        "The image file is incomplete or damaged (its data does not run to the end): {file}",
    ),
    "warning.pdf_javascript": (
        "PDF 含有 JavaScript 脚本（已按原样保存，请核实来源）：{file}",
        "The PDF contains JavaScript (stored as it is; check where it came from): {file}",
    ),
    "warning.pdf_embedded_files": (
        "PDF 含有嵌入文件（已按原样保存，请核实来源）：{file}",
        "The PDF carries embedded files (stored as it is; check where it came from): {file}",
    ),
    "id_number.invalid": (
        "身份证号码无效：{value}（{reason}）",
        "Invalid ID number: {value} ({reason})",
    ),
    "unit_code.invalid": (
        "统一社会信用代码无效：{value}（{reason}）",
        "Invalid unified social credit code: {value} ({reason})",
    ),
    "class.unknown": (
        "分类方案中没有类别“{value}”",
        "Unknown class '{value}' in the classification scheme",
    ),
    "business_type.unknown": (
        "类别 {klass} 下没有业务类型“{value}”（最相近的：{similar}）",
        "Unknown business type '{value}' in class {klass} (closest: {similar})",
    ),
    "retention.unset": (
        "“{what}”尚未设定保管期限（分类方案中标为待填写），请先在分类方案中填写",
        "No retention period is set for '{what}' (the scheme marks it for the agency to fill); set it first",
    ),
    "retention.invalid": (
        "保管期限无效：{value}（应为 Y、D10、D30、D50、D100）",
        "Invalid retention period: {value} (Y, D10, D30, D50, D100)",
    ),
    "retention.accounting": (
        "“{what}”按会计档案管理（财政部 国家档案局令第79号），请归入会计档案类别 KJ 的相应业务类型",
        "'{what}' is an accounting record (Order 79); file it under the matching KJ business type",
    ),
    "entity.invalid": ("单位或个人信息无效：{reason}", "Invalid unit or person: {reason}"),
    "entity.conflict": (
        "身份证号 {id_number} 已登记为“{existing}”，与“{name}”不符",
        "ID number {id_number} is registered to '{existing}', not '{name}'",
    ),
    "entity.name_empty": ("单位或个人名称不能为空", "A unit's or person's name cannot be empty"),
    "entity.name_too_long": (
        "名称过长：{length} 个字符（最多 {limit} 个）",
        "The name is too long: {length} characters (at most {limit})",
    ),
    "entity.wrong_identifier": (
        "个人只有身份证号，单位只有统一社会信用代码：{field} 不适用",
        "A person has an ID number and a unit a credit code: {field} does not apply",
    ),
    "entity.id_taken": (
        "{value} 已登记为“{existing}”：同一证件号码不能属于两个单位或个人",
        "{value} is registered to '{existing}': one identifier cannot belong to two",
    ),
    # hot folder
    "hotfolder.no_manifest": (
        "投放的文件夹中没有 manifest.json 采集清单：{file}",
        "The dropped folder has no manifest.json: {file}",
    ),
    "hotfolder.not_a_folder": (
        "热文件夹只接收文件夹（每件一个，内含 manifest.json）：{file}",
        "The hot folder takes folders only (one per item, with a manifest.json): {file}",
    ),
    "hotfolder.duplicate": (
        "{file} 与已归档的 {number} 中的文件内容相同（{stored}）",
        "{file} has the same content as a file of {number} ({stored})",
    ),
    "hotfolder.unavailable": (
        "热文件夹无法使用：{file}（文件夹不存在、不可写或无法访问）",
        "The hot folder cannot be used: {file} (missing, not writable or out of reach)",
    ),
}
