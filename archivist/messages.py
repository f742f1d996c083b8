"""Every sentence the core shows a person, in Simplified Chinese and English.

Errors and explanations carry a stable code plus parameters; this module is the one
place that turns them into text, so the CLI and the window speak alike.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

DEFAULT_LANGUAGE = "zh"
_language: str | None = None

CATALOG: dict[str, tuple[str, str]] = {
    # code: (zh, en)
    "error": ("出错了：{detail}", "Error: {detail}"),
    "not_found": ("找不到{what}：{key}", "{what} not found: {key}"),
    # archive
    "archive.missing": (
        "档案库不存在：{path}（先运行 archivist init）",
        "No archive at {path} (run archivist init first)",
    ),
    "archive.exists": ("档案库已存在：{path}", "An archive already exists at {path}"),
    "archive.not_writable": (
        "档案库文件夹不可写：{file}（没有写入权限，或文件夹为只读）",
        "The archive folder is not writable: {file} (no permission to write, or read-only)",
    ),
    "archive.disk_full": (
        "磁盘空间不足：{file}（需要 {needed}，可用 {free}）",
        "Not enough disk space: {file} (needs {needed}, {free} free)",
    ),
    "archive.write_failed": (
        "写入失败：{file}（磁盘或网络存储出错），本次操作未保存任何内容",
        "Write failed: {file} (a disk or network storage error); nothing was stored",
    ),
    "archive.newer": (
        "档案库由更新版本的档案室创建（版本 {revision}），请升级程序",
        "The archive was made by a newer Archivist (revision {revision}); please upgrade",
    ),
    "archive.bad_config": (
        "档案库配置文件损坏或不完整：{file}",
        "Archive settings file is damaged or incomplete: {file}",
    ),
    "archive.busy": (
        "档案库正忙（另一个程序或窗口正在写入），请稍后再试",
        "The archive is busy (another program or window is writing to it); try again",
    ),
    "archive.read_only": (
        "档案库文件夹不可写（只读副本或写保护的磁盘），只能查看、检索和校验，不能修改：{path}",
        "The archive is read-only (a read-only copy or a write-protected disk); it can be "
        "viewed, searched and verified, not changed: {path}",
    ),
    "archive.read_only_needs_upgrade": (
        "只读档案库需要先升级数据库（版本 {revision}）才能打开，请在可写的副本上打开一次：{path}",
        "The read-only archive needs its database upgraded (revision {revision}) before it "
        "can be opened; open a writable copy once: {path}",
    ),
    "archive.read_only_needs_recovery": (
        "只读档案库有中断的操作需要恢复（{count} 项），请在可写的副本上打开一次：{path}",
        "The read-only archive has {count} interrupted operation(s) to recover; open a "
        "writable copy once: {path}",
    ),
    # files
    "file.missing": ("文件不存在：{file}", "File not found: {file}"),
    "file.not_a_file": ("不是普通文件：{file}", "Not a regular file: {file}"),
    "file.unreadable": (
        "无法读取文件：{file}（没有读取权限，或文件正被其他程序占用）",
        "Cannot read file: {file} (no permission to read it, or another program holds it)",
    ),
    "file.empty": ("文件为空：{file}", "The file is empty: {file}"),
    "file.unsupported": (
        "不支持的文件类型：{file}（可接收 PDF、TIFF、JPEG、PNG、JPEG 2000）",
        "Unsupported file type: {file} (accepted: PDF, TIFF, JPEG, PNG, JPEG 2000)",
    ),
    "file.type_mismatch": (
        "文件内容与扩展名不符：{file}（扩展名为 {extension}，实际是 {content} 文件）",
        "File content contradicts its extension: {file} (extension {extension}, "
        "but it is a {content} file)",
    ),
    "file.content_unknown": (
        "文件内容不是可接收的格式：{file}（扩展名为 {extension}，但其中不是 PDF、TIFF、JPEG、"
        "PNG 或 JPEG 2000 数据；文件可能已损坏，或是其他类型的文件改了扩展名）",
        "The file's content is in no accepted format: {file} (its extension is {extension}, "
        "but it holds no PDF, TIFF, JPEG, PNG or JPEG 2000 data; it may be damaged, or "
        "another kind of file renamed)",
    ),
    "file.pdf_corrupt": (
        "PDF 文件已损坏或不完整，无法打开：{file}（请重新扫描、导出或复制该文件）",
        "The PDF is damaged or incomplete: {file} (scan, export or copy it again)",
    ),
    "file.pdf_encrypted": (
        "PDF 已加密，不能作为档案保存：{file}（请提供未加密的版本）",
        "The PDF is encrypted and cannot be archived: {file} (provide an unencrypted copy)",
    ),
    "file.pdf_no_pages": ("PDF 没有页面：{file}", "The PDF has no pages: {file}"),
    "file.image_corrupt": (
        "图像文件已损坏或不完整：{file}（请重新扫描或复制该文件）",
        "The image is damaged or incomplete: {file} (scan or copy it again)",
    ),
    "file.changed_during_capture": (
        "采集过程中文件被修改：{file}，请重新采集",
        "The file changed while it was being captured: {file}; capture again",
    ),
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
    # numbering
    "template.invalid": (
        "档号模板无效：{template}（{reason}）",
        "Invalid archival code template: {template} ({reason})",
    ),
    "template.empty": ("档号模板无效：模板为空", "Invalid archival code template: it is empty"),
    "template.braces": (
        "档号模板无效：{template}（花括号不成对；字面的花括号写作 {{{{ 或 }}}}）",
        "Invalid archival code template: {template} (unbalanced braces; write a literal brace"
        " as {{{{ or }}}})",
    ),
    "template.unnamed": (
        "档号模板无效：{template}（花括号中须写字段名，如 {{serial}}）",
        "Invalid archival code template: {template} (name a field inside the braces, such as"
        " {{serial}})",
    ),
    "template.unknown_field": (
        "档号模板无效：没有字段 {field}（可用的字段：{known}）",
        "Invalid archival code template: there is no field {field} (fields: {known})",
    ),
    "template.missing_field": (
        "档号模板无效：缺少 {field}，否则不同的档案会得到相同的档号",
        "Invalid archival code template: {field} is missing, so different items could get"
        " the same code",
    ),
    "template.format": (
        "档号模板无效：{template}（格式说明写错了，如 {{serial:04d}} 才是四位流水号）",
        "Invalid archival code template: {template} (a format spec is wrong; {{serial:04d}}"
        " is a four-digit serial)",
    ),
    "template.too_long": (
        "档号模板无效：生成的档号有 {length} 个字符，超过 {limit} 个",
        "Invalid archival code template: the codes would be {length} characters long, over {limit}",
    ),
    "number.taken": ("编号已被占用：{number}", "The number is already taken: {number}"),
    # items
    "item.not_found": ("找不到档案件：{number}", "Item not found: {number}"),
    "reorder.bad_sequence": (
        "新顺序必须恰好列出现有的每个序号一次：{detail}",
        "The new order must list every current sequence number exactly once: {detail}",
    ),
    "reason.required": ("必须填写理由", "A reason is required"),
    "state.not_allowed": (
        "{what} 当前为“{current}”，不能改为“{target}”",
        "{what} is '{current}' and cannot become '{target}'",
    ),
    "volume.across_years": (
        "不能跨年组卷：{years}（案卷只能由同一年度、同一类别的档案组成）",
        "Volumes never span years: {years} (a volume holds items of one year and one class)",
    ),
    "volume.bad_year": ("年度无效：{value}", "Not a year: {value}"),
    "volume.bad_period": (
        "组卷方式“{period}”无效（可用：{allowed}）",
        "Cannot file by '{period}' (use {allowed})",
    ),
    "volume.nothing_to_file": (
        "{year}年{klass}类没有未组卷的档案件",
        "No unfiled items of class {klass} in {year}",
    ),
    "volume.not_found": ("找不到案卷：{code}", "Volume not found: {code}"),
    "volume.other_class": (
        "档案件 {number} 与案卷 {code} 不属同一类别，不能放入",
        "Item {number} is of another class than volume {code}",
    ),
    "volume.other_retention": (
        "档案件 {number} 的保管期限（{retention}）与案卷 {code}（{volume_retention}）不同，不能放入",
        "Item {number} is kept {retention}, volume {code} {volume_retention}: it cannot go in",
    ),
    "volume.item_already_filed": (
        "档案件 {number} 已在案卷 {code} 中",
        "Item {number} is already in volume {code}",
    ),
    "volume.item_not_in_volume": (
        "档案件 {number} 不在案卷 {code} 中",
        "Item {number} is not in volume {code}",
    ),
    "volume.item_not_filed": ("档案件 {number} 尚未组卷", "Item {number} is in no volume"),
    "volume.handed_over": (
        "案卷 {code} 已移交档案部门，不能再修改",
        "Volume {code} has been handed over and cannot change",
    ),
    "volume.item_would_leave": (
        "档案件 {number} 在案卷 {code} 中；改变其年度、类别或保管期限前，请先将其移出该卷",
        "Item {number} is in volume {code}: take it out before changing its year, class or retention",
    ),
    "volume.item_boxed": (
        "档案件 {number} 已按件装盒，请先从盒中取出再组卷",
        "Item {number} is boxed on its own; take it out of its box before filing it in a volume",
    ),
    "volume.title_empty": ("案卷题名不能为空", "A volume title cannot be empty"),
    "volume.dissolved": (
        "案卷 {code} 已撤销，不能再修改（案卷号保留不用）",
        "Volume {code} was dissolved and cannot change (its case number stays unused)",
    ),
    "volume.not_empty": (
        "案卷 {code} 中还有 {count} 件档案，不能撤销：请先移出或移到其他案卷",
        "Volume {code} still holds {count} items: take them out or move them first",
    ),
    "volume.dissolve_boxed": (
        "案卷 {code} 在盒 {box} 中，请先从盒中取出再撤销",
        "Volume {code} is in box {box}: take it out of the box before dissolving it",
    ),
    "volume.in_handover": (
        "案卷 {code} 在交接单 {number} 中，不能撤销",
        "Volume {code} is in handover batch {number} and cannot be dissolved",
    ),
    "volume.mixed_periods": (
        "{year}年{klass}类已有{existing_zh}组成的案卷（{codes}）；再{period_zh}组卷会使同一年度混用不同的组卷方式，请确认",
        "Class {klass} of {year} already has volumes filed {existing_en} ({codes}); filing "
        "{period_en} would mix ways of filing in one year: confirm first",
    ),
    # the assembled volume PDF (组卷 PDF)
    "volume_pdf.empty": (
        "案卷 {code} 中没有档案件，无法生成案卷 PDF",
        "Volume {code} holds no items; there is no PDF to make",
    ),
    "volume_pdf.file_missing": (
        "无法生成案卷 PDF：档案件 {number} 的存储文件缺失：{file}（未生成任何文件）",
        "Cannot make the volume PDF: a stored file of item {number} is missing: {file} "
        "(no file was written)",
    ),
    "volume_pdf.file_changed": (
        "无法生成案卷 PDF：档案件 {number} 的存储文件与归档时的校验值不符（已损坏或被改动）："
        "{file}（未生成任何文件；请运行 archivist verify）",
        "Cannot make the volume PDF: a stored file of item {number} no longer matches its "
        "digest (damaged or altered): {file} (no file was written; run archivist verify)",
    ),
    "volume_pdf.file_unreadable": (
        "无法生成案卷 PDF：无法读取档案件 {number} 的存储文件：{file}（未生成任何文件；"
        "请运行 archivist verify）",
        "Cannot make the volume PDF: cannot read a stored file of item {number}: {file} "
        "(no file was written; run archivist verify)",
    ),
    "volume_pdf.pages_mismatch": (
        "案卷 {code} 中档案件 {number} 的页号应为 {expected}，实际为 {found}（未生成任何文件）",
        "In volume {code}, item {number} should have pages {expected} but has {found} "
        "(no file was written)",
    ),
    "volume_pdf.folder_missing": (
        "保存案卷 PDF 的文件夹不存在：{folder}",
        "The folder to save the volume PDF in does not exist: {folder}",
    ),
    "volume_pdf.target_is_folder": (
        "保存位置是文件夹，请给出文件名：{file}",
        "That is a folder; give a file name: {file}",
    ),
    "volume_pdf.cancelled": (
        "已取消生成案卷 PDF，未生成任何文件",
        "Making the volume PDF was cancelled; no file was written",
    ),
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
    # boxes, shelf locations, inventory (archivist.custody.storeroom, archivist.custody.inventory)
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
    # OCR
    "ocr.tesseract_missing": (
        "找不到 Tesseract 文字识别程序。安装方法：{hint}",
        "Tesseract OCR was not found. Install it: {hint}",
    ),
    "ocr.language_missing": (
        "Tesseract 缺少语言包 {languages}。安装方法：{hint}",
        "Tesseract lacks the language data {languages}. Install it: {hint}",
    ),
    "ocr.timeout": ("识别超时（超过 {seconds} 秒）", "OCR timed out (over {seconds} s)"),
    "ocr.engine_failed": ("识别程序出错：{reason}", "The OCR engine failed: {reason}"),
    "ocr.page_unreadable": ("无法取出页面图像：{reason}", "Cannot get the page image: {reason}"),
    "ocr.image_too_large": (
        "页面图像过大（{width}×{height} 像素），无法识别",
        "The page image is too large ({width}x{height} pixels) to recognise",
    ),
    "ocr.busy": ("另一个识别任务正在处理此档案库", "Another OCR run is working on this archive"),
    "ocr.blank_page": ("空白页，没有可识别的文字", "Blank page: no text to recognise"),
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
    # search
    "search.empty": ("请输入要查找的内容", "Type something to search for"),
    "search.unbalanced_quotes": (
        "查询语句有误：引号没有成对，请补上或删去一个双引号（{query}）",
        "The search query is malformed: a double quote is not closed; add or remove one ({query})",
    ),
    "search.unbalanced_brackets": (
        "查询语句有误：括号没有成对，请检查“(”与“)”（{query}）",
        "The search query is malformed: the brackets do not pair up; check '(' and ')' ({query})",
    ),
    "search.unexpected": (
        "查询语句有误：“{token}”的位置不对，它应放在两个查询词之间（{query}）",
        "The search query is malformed: '{token}' belongs between two search words ({query})",
    ),
    "search.ends_early": (
        "查询语句有误：末尾缺少查询词（{query}）",
        "The search query is malformed: a search word is missing at the end ({query})",
    ),
    "search.too_deep": (
        "查询语句有误：括号或 NOT 嵌套超过 {limit} 层（{query}）",
        "The search query is malformed: brackets or NOTs are nested more than {limit} deep ({query})",
    ),
    "search.nothing_to_find": (
        "查询中没有可查找的文字或数字：{query}",
        "The query has no letters, digits or Chinese characters to search for: {query}",
    ),
    "search.only_excluded": (
        "查询只有排除条件（NOT 或 -），请再加一个要查找的词：{query}",
        "The query only excludes (NOT or -); add a word to search for: {query}",
    ),
    "search.unknown_field": (
        "没有名为“{field}”的检索字段（可用：{fields}）",
        "There is no search field called '{field}' (use {fields})",
    ),
    "search.bad_year_range": (
        "年度范围无效：{value}（应写作 2019-2023 或 2023）",
        "Not a year range: {value} (write 2019-2023 or 2023)",
    ),
    "search.bad_page": (
        "无法显示这一页检索结果（每页 {limit} 件，从第 {offset} 件之后）：每页至少 1 件，起点不能为负",
        "Cannot show this page of hits ({limit} from after hit {offset}): at least 1, from 0 on",
    ),
    "search.empty_field": (
        "检索字段“{field}:”后面没有要查找的内容（例如 {field}:张三）",
        "Nothing to search for after '{field}:' (e.g. {field}:张三)",
    ),
    "search.bad_sort": (
        "无法按“{sort}”排序（可用：{allowed}）",
        "Cannot sort by '{sort}' (use {allowed})",
    ),
    "search.unknown_engine": (
        "没有名为“{engine}”的检索引擎（可用：{choices}）",
        "There is no search engine called '{engine}' (use {choices})",
    ),
    "search.index_busy": (
        "检索索引正被其他程序更新（{folder}），等待超时，请稍后再试",
        "The search index ({folder}) is being updated by another program; try again later",
    ),
    "search.busy": (
        "检索索引正被其他程序更新，请稍后再试",
        "The search index is being updated; try again",
    ),
    # ordering explanations
    "order.role.form": ("业务表单（表单在前、凭证在后）", "business form (forms before vouchers)"),
    "order.role.voucher": ("审核凭证（排在业务表单之后）", "review voucher (after the forms)"),
    "order.importance.important": ("重要凭证（重要在前）", "important voucher (important first)"),
    "order.importance.secondary": (
        "次要凭证（排在重要凭证之后）",
        "secondary voucher (after important ones)",
    ),
    "order.importance.default": (
        "未标注重要程度，按重要凭证排列",
        "importance not marked, treated as important",
    ),
    "order.person.none": (
        "不涉及名册人员，排在按名册排列的凭证之前",
        "concerns no roster person, before per-person vouchers",
    ),
    "order.person.roster": (
        "名册第{position}人 {name}（凭证按名册顺序）",
        "roster person {position}, {name} (vouchers follow the roster)",
    ),
    "order.source.agency": (
        "经办机构形成（本机构材料在前）",
        "made by the agency (agency's own first)",
    ),
    "order.source.applicant": (
        "申请人提供（排在本机构材料之后）",
        "supplied by the applicant (after the agency's own)",
    ),
    "order.nature.conclusion": ("结论性材料（结论在前、依据在后）", "conclusion (before evidence)"),
    "order.nature.evidence": ("依据性材料（排在结论之后）", "evidence (after conclusions)"),
    "order.nature.reply": ("复文（复文在前、来文在后）", "reply (before the incoming letter)"),
    "order.nature.incoming": ("来文（排在复文之后）", "incoming letter (after the reply)"),
    "order.copy.original": ("原件（原件在前）", "original (before copies)"),
    "order.copy.copy": ("复印件（排在原件之后）", "copy (after the original)"),
    "order.attachment.main": ("正文", "main text"),
    "order.attachment.attachment": ("附件（排在正文之后）", "attachment (after the main text)"),
    "order.capture": ("采集顺序第{position}份", "captured {position}"),
    "order.inferred": ("（由题名“{word}”判断）", "(inferred from '{word}' in the title)"),
    "order.override": (
        "人工调整：{reason}（规则顺序为第{rule_seq}位）",
        "reordered by hand: {reason} (the rules place it {rule_seq})",
    ),
    "order.position": ("第{seq}位：", "position {seq}: "),
    # check
    "check.order_broken": (
        "件内顺序不符合排列规则（规则顺序：{expected}；现顺序：{actual}）",
        "Order breaks the arrangement rules (rules: {expected}; stored: {actual})",
    ),
    "check.order_overridden": ("件内顺序经人工调整：{reason}", "Order changed by hand: {reason}"),
    "check.person_not_on_roster": (
        "第{seq}份凭证的所属人员“{person}”不在名册中",
        "Voucher {seq} concerns '{person}', who is not on the roster",
    ),
    "check.no_form": ("没有业务表单", "The item has no business form"),
    "check.file_name_mismatch": (
        "第{seq}份材料的文件名与顺序不符：{file}",
        "The file name of material {seq} does not match its position: {file}",
    ),
    # verify
    "verify.missing": ("文件缺失：{file}", "File missing: {file}"),
    "verify.changed": (
        "文件已被改动（SHA-256 不符）：{file}",
        "File altered (SHA-256 differs): {file}",
    ),
    "verify.size_changed": (
        "文件大小与记录不符：{file}",
        "File size differs from the record: {file}",
    ),
    "verify.orphan": ("档案库中有未登记的文件：{file}", "Unregistered file in the archive: {file}"),
    "verify.gap": (
        "编号不连续：{klass} {year} 年缺少流水号 {serials}",
        "Numbering gap: {klass} {year} lacks serials {serials}",
    ),
    "verify.duplicate_code": ("档号重复：{code}", "Duplicate archival code: {code}"),
    "verify.audit_broken": (
        "审计链断裂：第 {seq} 条事件{reason}",
        "Audit chain broken at event {seq}: {reason}",
    ),
    "verify.audit_missing": ("缺少审计事件：{reason}", "Missing audit trace: {reason}"),
    "verify.index_missing": (
        "检索索引缺少 {count} 件（如 {numbers}），这些案卷检索不到，请运行 archivist reindex",
        "The search index lacks {count} item(s) (e.g. {numbers}), which cannot be found; "
        "run archivist reindex",
    ),
    "verify.index_orphan": (
        "检索索引中有 {count} 件数据库里没有的案卷（如 {numbers}），请运行 archivist reindex",
        "The search index holds {count} item(s) not in the database (e.g. {numbers}); "
        "run archivist reindex",
    ),
    "verify.index_reconciled": (
        "打开档案库时检索索引落后于数据库（上次操作中断），已重新索引 {count} 件",
        "The search index lagged behind the database (an interrupted operation); "
        "{count} item(s) were re-indexed on opening",
    ),
    "verify.index_stale": (
        "检索索引中有 {count} 件内容过时（如 {numbers}），请运行 archivist reindex",
        "The search index is out of date for {count} item(s) (e.g. {numbers}); "
        "run archivist reindex",
    ),
    "verify.unreadable": (
        "无法读取文件：{file}（没有读取权限，或磁盘读取出错）",
        "Cannot read file: {file} (no permission to read it, or a disk error)",
    ),
    "verify.ok": (
        "全部 {files} 个文件、{events} 条审计事件校验通过",
        "All {files} files and {events} audit events verified",
    ),
    "verify.cancelled": ("校验已取消", "Verification was cancelled"),
    "audit.edited": ("内容被改动", "was altered"),
    "audit.deleted": ("之前的事件被删除", "follows a deleted event"),
    "audit.reordered": ("链接指向错误的前一事件", "links to the wrong predecessor"),
    # fonts for rendering synthetic pages
    "font.missing": (
        "找不到可用的中文字体（需要 {kind} 字体）：请安装文泉驿正黑（fonts-wqy-zenhei），"
        "或设置环境变量 {variable} 指向 .ttf/.ttc 字体文件",
        "No usable Chinese font ({kind} needed): install WenQuanYi Zen Hei (fonts-wqy-zenhei) "
        "or set {variable} to a .ttf/.ttc font file",
    ),
    "font.unusable": (
        "字体文件不可用：{file}（文件不存在、无法读取或不是字体文件）",
        "The font file cannot be used: {file} (missing, unreadable or not a font)",
    ),
    # OCR engines (second engine, chosen in settings)
    "ocr.rapidocr_missing": (
        "RapidOCR 识别引擎未安装或无法加载。安装方法：{hint}",
        "The RapidOCR engine is not installed or cannot load. Install it: {hint}",
    ),
    "ocr.unknown_engine": (
        "未知的识别引擎：{engine}（可选：{choices}）",
        "Unknown OCR engine: {engine} (choose one of: {choices})",
    ),
    # printed registers
    "register.needs": (
        "生成“{register}”需要指定 {option}",
        "The register '{kind}' needs {option}",
    ),
    "register.empty_selection": (
        "所选范围内没有可登记的内容，未生成“{register}”",
        "Nothing in the selection to list; '{kind}' was not written",
    ),
    "register.box_not_found": ("找不到档案盒：{code}", "Box not found: {code}"),
    "register.unknown_kind": (
        "未知的登记表类型：{kind}（可选：{choices}）",
        "Unknown register kind: {kind} (choose one of: {choices})",
    ),
    "register.unknown_field": (
        "{register}没有“{field}”这一项（可填：{choices}）",
        "The {register} has no field '{field}' (fields: {choices})",
    ),
    "register.row_width": (
        "{register}第 {row} 行有 {count} 个值，而表格有 {expected} 列",
        "{register} row {row} has {count} values but the table has {expected} columns",
    ),
    "register.no_rows": (
        "{register}是表单，没有逐行登记的表格",
        "The {register} is a form and has no table rows",
    ),
    "register.bad_value": (
        "{register}第 {row} 行“{column}”的值不符合格式 {expected}：{value}",
        "{register} row {row}, {column}: '{value}' is not in the form {expected}",
    ),
    "register.bad_heading": (
        "{register}的“{column}”列不能改名为“{heading}”（可选：{choices}）",
        "The {register} column {column} cannot be headed '{heading}' (choices: {choices})",
    ),
    "register.no_spreadsheet": (
        "{register}不是目录，不能导出为 Excel 表格（可导出：{choices}）",
        "The {register} is not a catalogue and cannot be exported to Excel (catalogues: {choices})",
    ),
    "register.folder_missing": (
        "保存登记表的文件夹不存在：{folder}",
        "The folder to save the register in does not exist: {folder}",
    ),
    "register.not_a_folder": (
        "保存位置不是文件夹：{folder}（同名的文件已存在）",
        "Not a folder: {folder} (a file has that name)",
    ),
    "register.not_writable": (
        "无法保存登记表：{file}（文件夹不可写，或文件正被其他程序打开），未留下任何文件",
        "Cannot save the register: {file} (the folder is not writable, or the file "
        "is open in another program); nothing was left behind",
    ),
    "register.disk_full": (
        "磁盘空间不足，登记表未保存：{file}，未留下任何文件",
        "Not enough disk space to save the register: {file}; nothing was left behind",
    ),
    "register.write_failed": (
        "登记表保存失败：{file}（磁盘或网络存储出错），未留下任何文件",
        "Saving the register failed: {file} (a disk or network storage error); "
        "nothing was left behind",
    ),
    "barcode.unencodable": (
        "条码只能包含英文字母、数字和半角符号：{text}（“{char}”无法编码）",
        "A barcode can hold only ASCII letters, digits and symbols: {text} ('{char}' cannot be encoded)",
    ),
    "barcode.empty": ("条码内容为空", "The barcode text is empty"),
}


def set_language(lang: str | None) -> None:
    """Choose the language for this process ('zh' or 'en'); None restores the default."""
    global _language
    _language = _normalise(lang) if lang else None


def current_language() -> str:
    if _language:
        return _language
    return _normalise(os.environ.get("ARCHIVIST_LANG", DEFAULT_LANGUAGE))


def _normalise(lang: str) -> str:
    return "en" if lang.lower().startswith("en") else "zh"


def render(code: str, params: Mapping[str, Any] | None = None, lang: str | None = None) -> str:
    """The sentence for `code` in `lang` (default: the current language)."""
    language = _normalise(lang) if lang else current_language()
    entry = CATALOG.get(code)
    values = dict(params or {})
    if entry is None:
        detail = ", ".join(f"{k}={v}" for k, v in values.items())
        return f"{code}: {detail}" if detail else code
    template = entry[0] if language == "zh" else entry[1]
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
