"""Arrangement: numbering, item edits, volumes and their PDF, the order rules and their explanations. Code: (Chinese, English)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
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
    "item.destroyed": (
        "档案 {number} 已销毁（只保留目录信息）",
        "The record {number} was destroyed (only its catalogue entry remains)",
    ),
    "reorder.bad_sequence": (
        "新顺序必须恰好列出现有的每个序号一次：{detail}",
        "The new order must list every current sequence number exactly once: {detail}",
    ),
    "reason.required": ("必须填写理由", "A reason is required"),
    # states, as people name them (archivist.changes.states.state_label)
    "state.ItemState.captured": ("已采集", "captured"),
    "state.ItemState.destroyed": ("已销毁", "destroyed"),
    "state.ItemState.transferred": ("已移交进馆", "transferred"),
    "state.VolumeState.open": ("整理中", "open"),
    "state.VolumeState.returned": ("已退回", "returned"),
    "state.VolumeState.handed_over": ("已移交", "handed over"),
    "state.VolumeState.dissolved": ("已撤销", "dissolved"),
    "state.HandoverState.draft": ("草稿", "draft"),
    "state.HandoverState.checked": ("已检查", "checked"),
    "state.HandoverState.signed": ("已签收", "signed"),
    "state.OcrJobState.pending": ("待识别", "pending"),
    "state.OcrJobState.running": ("识别中", "running"),
    "state.OcrJobState.done": ("已完成", "done"),
    "state.OcrJobState.failed": ("失败", "failed"),
    "state.OcrPageState.done": ("已完成", "done"),
    "state.OcrPageState.failed": ("失败", "failed"),
    "state.LoanState.requested": ("待审批", "requested"),
    "state.LoanState.approved": ("已批准", "approved"),
    "state.LoanState.refused": ("未批准", "refused"),
    "state.LoanState.out": ("已借出", "out"),
    "state.LoanState.returned": ("已归还", "returned"),
    "state.LoanState.closed": ("已办结", "closed"),
    "state.LoanEntryState.waiting": ("未借出", "waiting"),
    "state.LoanEntryState.out": ("已借出", "out"),
    "state.LoanEntryState.returned": ("已归还", "returned"),
    "state.ExtensionState.approved": ("已批准", "approved"),
    "state.HoldState.placed": ("已保全", "placed"),
    "state.HoldState.lifted": ("已解除", "lifted"),
    "state.AppraisalState.draft": ("鉴定中", "draft"),
    "state.AppraisalState.signed": ("已签署", "signed"),
    "state.AppraisalState.canceled": ("已撤销", "cancelled"),
    "state.DestructionState.proposed": ("待批准", "proposed"),
    "state.DestructionState.approved": ("已批准", "approved"),
    "state.DestructionState.executed": ("已销毁", "executed"),
    "state.DestructionState.withdrawn": ("已撤回", "withdrawn"),
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
}
