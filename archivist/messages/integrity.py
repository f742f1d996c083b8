"""Integrity: verify's findings. Code: (Chinese, English)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # verify
    "verify.missing": ("文件缺失：{file}", "File missing: {file}"),
    "verify.changed": (
        "文件已被改动（SHA-256 不符）：{file}",
        "File altered (SHA-256 differs): {file}",
    ),
    "verify.linked": (
        "存储文件是链接或位于档案库文件夹之外：{file}",
        "Stored file is a link or lies outside the archive folder: {file}",
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
    # replay: the rows against what the audit trail says the changes left behind
    "replay.differs": (
        "记录与审计链不符：{table_term} {label} 的“{field_term}”应为“{expected}”，实为“{actual}”",
        "Record differs from the audit trail: {table_term} {label}, {field_term} should be "
        '"{expected}" but is "{actual}"',
    ),
    "replay.missing_row": (
        "记录缺失：审计链记载的{table_term} {label} 在数据库中不存在",
        "Record missing: {table_term} {label}, recorded in the audit trail, is not in the database",
    ),
    "replay.unexpected_row": (
        "来历不明的记录：{table_term} {label} 不是经由记录在案的操作产生的",
        "Unaccounted record: {table_term} {label} was not made by any recorded change",
    ),
    "scratch.disk_full": (
        "临时文件夹已满：{folder}。校验要在那里写一个临时工作文件（每条记录约一百字节，用后即删），"
        "请腾出空间，或用环境变量 TMPDIR（Windows：TEMP）指定另一个文件夹后重试；档案库未被改动",
        "The temporary folder is full: {folder}. The check writes a working file there "
        "(about a hundred bytes a record, deleted afterwards); free some space or point "
        "TMPDIR (Windows: TEMP) at another folder and try again. The archive was not changed",
    ),
    "scratch.failed": (
        "无法在临时文件夹 {folder} 中写入校验用的临时工作文件（没有写权限，或磁盘出错）。"
        "请检查该文件夹，或用环境变量 TMPDIR（Windows：TEMP）指定另一个文件夹后重试；档案库未被改动",
        "Cannot write the check's working file in the temporary folder {folder} (no "
        "permission to write, or a disk error); check the folder or point TMPDIR (Windows: "
        "TEMP) at another folder and try again. The archive was not changed",
    ),
    "replay.baseline_due": (
        "{table_term}表尚未与审计链对照：升级后的基线还没有写入（升级在首次以可写方式打开前中断）。"
        "请以可写方式打开一次档案库，再运行校验",
        "The {table_term} table is not compared with the audit trail yet: its baseline after "
        "the upgrade has not been written (the upgrade stopped before the first writable "
        "open). Open the archive for writing once, then verify again",
    ),
    "replay.rebaselined": (
        "审计链在第 {seq} 条事件处为{table_term}表重新设定了基线：此前对该表的直接改动会被掩盖",
        "The audit trail sets a new baseline for the {table_term} table at event {seq}: "
        "direct changes to it before then would be hidden",
    ),
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
    # derived data (issue 16, point 5): made again by `archivist rebuild-derived`
    "derived.ocr_incomplete": (
        "{count} 份材料已完成识别，但识别文本不全（如 {numbers}），请运行 archivist rebuild-derived",
        "OCR is done for {count} material(s) whose page texts are incomplete (e.g. {numbers}); "
        "run archivist rebuild-derived",
    ),
    "derived.ocr_extra": (
        "{count} 份材料有超出其页数的识别文本（如 {numbers}），请运行 archivist rebuild-derived",
        "{count} material(s) have page texts beyond their pages (e.g. {numbers}); "
        "run archivist rebuild-derived",
    ),
    "derived.searchable_missing": (
        "{count} 份扫描材料缺少可检索副本（如 {numbers}），请运行 archivist rebuild-derived",
        "{count} scanned material(s) lack their searchable copy (e.g. {numbers}); "
        "run archivist rebuild-derived",
    ),
    "derived.searchable_stale": (
        "{count} 份可检索副本早于其识别文本（如 {numbers}），请运行 archivist rebuild-derived",
        "{count} searchable cop(ies) are older than their page texts (e.g. {numbers}); "
        "run archivist rebuild-derived",
    ),
    "derived.searchable_orphan": (
        "可检索副本不属于任何扫描材料：{file}",
        "Searchable copy of no scanned material: {file}",
    ),
    "derived.volume_stale": (
        "案卷 {code} 的 PDF 早于案卷最近一次变更，请运行 archivist rebuild-derived",
        "The PDF of volume {code} is older than the volume's last change; "
        "run archivist rebuild-derived",
    ),
    "derived.volume_orphan": (
        "案卷 PDF 不属于任何案卷：{file}",
        "Volume PDF of no volume: {file}",
    ),
    # the four-property tests (四性检测, archivist/integrity/four_properties.py)
    "four.group.authenticity": ("真实性检测", "Authenticity"),
    "four.group.integrity": ("完整性检测", "Integrity"),
    "four.group.usability": ("可用性检测", "Usability"),
    "four.group.security": ("安全性检测", "Security"),
    "four.item.digests": ("电子文件摘要值（SHA-256）", "Stored digests (SHA-256)"),
    "four.item.replay": ("记录与审计链一致（重放）", "Records match the audit trail (replay)"),
    "four.item.chain": ("审计链", "Audit chain"),
    "four.item.codes": ("档号规范、唯一", "Archival codes well-formed and unique"),
    "four.item.metadata": ("元数据完整", "Metadata complete"),
    "four.item.numbering": ("编号连续（空号有记录）", "Numbering gap-free (vacancies recorded)"),
    "four.item.content": ("档案内容齐全", "Every record has its content"),
    "four.item.pages": ("页数与记录一致", "Page counts match"),
    "four.item.opens": ("文件可打开、可显示", "Files open and render"),
    "four.item.format": ("长期保存格式", "Allowed long-term format"),
    "four.item.encryption": ("未加密", "No encryption"),
    "four.item.active": ("无脚本、无嵌入文件", "No JavaScript or embedded files"),
    "four.item.access_control": ("访问控制（三员账户）", "Access control (administrator accounts)"),
    "four.item.access_log": ("访问日志链", "Access log chain"),
    "four.item.procedures": ("无系统外变更", "No change outside the recorded procedures"),
    "four.note.digests": (
        "重新计算每个文件的摘要值，与登记值比对",
        "Every file re-hashed against its record",
    ),
    "four.note.replay": (
        "按审计事件重建每条记录，与数据库逐字段比对（全库）",
        "Every record rebuilt from the trail and compared field by field (whole archive)",
    ),
    "four.note.chain": (
        "审计事件哈希链逐条校验，并与库外检查点比对",
        "Every audit event's hash link checked, and the chain against its checkpoints",
    ),
    "four.note.codes": (
        "档号、件号格式正确且不重复",
        "Archival codes and numbers well-formed, none twice",
    ),
    "four.note.metadata": (
        "题名、档号、办结日期、保管期限、归档人",
        "Title, code, completion date, retention, captured by",
    ),
    "four.note.numbering": ("按年度、门类统计的流水号", "Serials per year and class"),
    "four.note.content": (
        "每件档案都有电子文件，文件存在",
        "Each record has its files, all present",
    ),
    "four.note.pages": ("文件实际页数与登记页数", "Pages counted in the file against the record"),
    "four.note.opens": ("打开文件并显示首页", "Each file opened and its first page drawn"),
    "four.note.format": (
        "PDF、TIFF、JPEG、JPEG 2000、PNG，且与登记类型一致",
        "PDF, TIFF, JPEG, JPEG 2000, PNG, as recorded",
    ),
    "four.note.encryption": ("文件无密码、未加密", "No password, no encryption"),
    "four.note.active": (
        "PDF 中无 JavaScript、无嵌入文件",
        "No JavaScript or embedded files in PDFs",
    ),
    "four.note.access_control": (
        "系统管理员、安全保密管理员、安全审计员各有在用账户",
        "An active account for each administrator role",
    ),
    "four.note.access_log": ("访问日志哈希链逐条校验", "Every access event's hash link checked"),
    "four.note.procedures": (
        "审计链完整，记录与审计链一致，每件档案都有归档事件",
        "Audit chain intact, records as the trail says, a capture event for each record",
    ),
    "four.more": ("；另有 {count} 项", "; {count} more"),
    "four.bad_scope": (
        "检测范围无法识别：{scope}（可用：{choices}）",
        "Unknown scope: {scope} (use {choices})",
    ),
    "four.no_volume": ("没有案卷 {volume}", "No volume {volume}"),
    "four.no_handover": ("没有交接批次 {batch}", "No handover batch {batch}"),
    "four.code_malformed": (
        "档号或件号格式不规范：{number}（{code}）",
        "Archival code or number malformed: {number} ({code})",
    ),
    "four.metadata_missing": ("{number} 缺少元数据：{fields}", "{number} lacks metadata: {fields}"),
    "four.no_content": ("{number} 没有电子文件", "{number} has no files"),
    "four.pages_differ": (
        "页数不符：{file} 登记 {recorded} 页，实际 {counted} 页",
        "Page count differs: {file} records {recorded}, holds {counted}",
    ),
    "four.encrypted": ("文件已加密：{file}", "File encrypted: {file}"),
    "four.format": (
        "不是允许的长期保存格式：{file}（{reason}）",
        "Not an allowed long-term format: {file} ({reason})",
    ),
    "four.format_differs": (
        "内容与登记类型 {media_type} 不符",
        "content is not the recorded {media_type}",
    ),
    "four.unopenable": (
        "文件无法打开：{file}（{reason}）",
        "File does not open: {file} ({reason})",
    ),
    "four.unrenderable": (
        "文件无法显示：{file}（已损坏或格式不受支持，详见详细信息）",
        "File does not render: {file} (damaged or an unsupported format; see the details)",
    ),
    "four.javascript": ("PDF 含 JavaScript：{file}", "PDF contains JavaScript: {file}"),
    "four.embedded_files": ("PDF 含嵌入文件：{file}", "PDF contains embedded files: {file}"),
    "four.no_administrator": (
        "没有在用的 {role} 账户（三员分立）",
        "No active {role} account (separation of duties)",
    ),
    # anchors: the chains' heads kept outside the database (archivist/changes/anchor.py)
    "anchor.truncated": (
        "审计链被截短：{source} 记载审计链已到第 {seq} 条（{hash}），现在的审计链只到第 {head} 条"
        "——最新的事件被删除了",
        "Audit chain cut short: {source} records event {seq} ({hash}), but the chain now "
        "ends at event {head}: the newest events were deleted",
    ),
    "anchor.rewritten": (
        "审计链被改写：{source} 记载第 {seq} 条事件的哈希为 {expected}，审计链中却是 {actual}"
        "——该事件或其前的事件被改动，其后的链被重新计算",
        "Audit chain rewritten: {source} records event {seq} with hash {expected}, the chain "
        "holds {actual}: it or an earlier event was altered and the chain re-hashed after it",
    ),
    "anchor.access_truncated": (
        "访问日志被截短：{source} 记载访问日志已到第 {seq} 条（{hash}），现在只到第 {head} 条",
        "Access log cut short: {source} records entry {seq} ({hash}), but the log now ends "
        "at entry {head}",
    ),
    "anchor.access_rewritten": (
        "访问日志被改写：{source} 记载第 {seq} 条的哈希为 {expected}，日志中却是 {actual}",
        "Access log rewritten: {source} records entry {seq} with hash {expected}, the log "
        "holds {actual}",
    ),
    "anchor.unanchored": (
        "审计链第 {first}–{last} 条（共 {count} 条）不在本程序提交时记下的检查点 {source} 中"
        "（记到第 {seq} 条）：这些事件是绕过本程序追加的，或本程序在提交后、记下检查点前中断。"
        "最新的：{shown}",
        "Audit events {first}–{last} ({count}) are not in the checkpoint {source} the program "
        "writes with every commit (it stops at event {seq}): they were appended without the "
        "program, or the program stopped between a commit and its checkpoint. Newest: {shown}",
    ),
    "anchor.identity": (
        "检查点 {source} 属于首条事件为 {expected} 的档案库，而此档案库的首条事件为 {actual}"
        "——审计链从头被改写，或此文件夹中换了另一个档案库",
        "The checkpoint {source} belongs to an archive whose first event is {expected}; this "
        "archive's first event is {actual}: the chain was rewritten from its start, or "
        "another archive was put in this folder",
    ),
    "anchor.missing": (
        "档案库文件夹中没有审计链检查点文件 {file}（被删除，或档案库自升级以来尚无变更）",
        "The archive folder lacks the chain checkpoint {file} (deleted, or no change since "
        "the upgrade)",
    ),
    "anchor.unreadable": (
        "审计链检查点文件无法读取：{file}（已损坏，或没有读取权限）",
        "Chain checkpoint unreadable: {file} (damaged, or no permission to read it)",
    ),
    "anchor.paper_differs": (
        "与纸面记录不符：纸面记载第 {seq} 条事件的哈希以 {expected} 开头，审计链中为 {actual}。"
        "请先核对所填的序号和哈希；确认无误，则该事件或其前的事件在纸面记录之后被改动过",
        "Does not match the paper record: it gives event {seq} a hash beginning {expected}, "
        "the chain holds {actual}. Check the number and hash typed first; if they are right, "
        "that event or an earlier one was changed after the paper record was printed",
    ),
    "anchor.paper_beyond": (
        "与纸面记录不符：纸面记载审计链已到第 {seq} 条（{hash}），现在的审计链只到第 {head} 条。"
        "请先核对所填的序号；确认无误，则最新的事件被删除了",
        "Does not match the paper record: it shows the chain at event {seq} ({hash}), the "
        "chain now ends at event {head}. Check the number typed first; if it is right, the "
        "newest events were deleted",
    ),
    "anchor.matches": (
        "与纸面记录相符：审计链第 {seq} 条的哈希以 {hash} 开头",
        "Matches the paper record: audit event {seq}'s hash begins {hash}",
    ),
    "anchor.bad_argument": (
        "纸面链头应照登记表页脚填写：“审计链 第 1234 条 3f9a0c1d2e4b5a69”，或“1234:3f9a0c1d2e4b5a69”"
        "（哈希至少前 16 位）；收到：{value}",
        "The chain head from paper is typed as a register's footer prints it: \"审计链 第 "
        '1234 条 3f9a0c1d2e4b5a69", or 1234:3f9a0c1d2e4b5a69 (at least the first 16 hex '
        "digits of the hash); got: {value}",
    ),
    "audit.edited": ("内容被改动", "was altered"),
    "audit.deleted": ("之前的事件被删除", "follows a deleted event"),
    "audit.reordered": ("链接指向错误的前一事件", "links to the wrong predecessor"),
}


# The record tables and columns replay names in its findings (messages.TERMS).
TERMS: dict[str, tuple[str, str]] = {
    # tables
    "fonds": ("全宗", "fonds"),
    "archive_classes": ("门类", "class"),
    "business_types": ("业务类型", "business type"),
    "entities": ("单位/个人", "unit/person"),
    "number_counters": ("编号计数器", "number counter"),
    "number_vacancies": ("空号", "vacant number"),
    "items": ("档案件", "item"),
    "materials": ("材料", "material"),
    "roster_entries": ("花名册条目", "roster entry"),
    "benefit_events": ("待遇事件", "benefit event"),
    "volumes": ("案卷", "volume"),
    "volume_items": ("卷内件", "item in volume"),
    "volume_registers": ("案卷登记表记录", "volume register record"),
    "locations": ("库房位置", "location"),
    "boxes": ("档案盒", "box"),
    "box_items": ("盒内件", "item in box"),
    "handovers": ("交接批次", "handover"),
    "handover_volumes": ("交接案卷", "handed-over volume"),
    "use_requests": ("利用申请", "use request"),
    "use_targets": ("利用对象", "use target"),
    "use_extensions": ("续借", "loan extension"),
    "holds": ("保全", "hold"),
    "appraisal_batches": ("鉴定批次", "appraisal batch"),
    "appraisal_members": ("鉴定小组成员", "appraisal member"),
    "appraisal_entries": ("鉴定意见", "appraisal entry"),
    "destruction_registers": ("销毁清册", "destruction register"),
    "destruction_entries": ("销毁清册条目", "destruction register row"),
    "destruction_signatures": ("销毁清册签字", "destruction register signature"),
    "settings": ("设置", "setting"),
    "accounts": ("账户", "account"),
    "account_roles": ("账户角色", "account role"),
    # columns named by their table where the word depends on it
    "boxes.number": ("盒号", "box number"),
    "handovers.number": ("交接批次号", "handover number"),
    "use_requests.number": ("申请编号", "request number"),
    "holds.number": ("保全编号", "hold number"),
    "appraisal_batches.number": ("批次号", "batch number"),
    "destruction_registers.number": ("清册号", "register number"),
    "volumes.code": ("案卷档号", "volume code"),
    "volumes.title": ("案卷题名", "volume title"),
    "accounts.user_name": ("用户名", "user name"),
    "settings.key": ("设置项", "setting"),
    # columns
    "title": ("题名", "title"),
    "number": ("件号", "number"),
    "archival_code": ("档号", "archival code"),
    "expires_on": ("到期日期", "expiry date"),
    "completed_on": ("办结日期", "completion date"),
    "captured_by": ("归档人", "captured by"),
    "captured_at": ("归档时间", "captured at"),
    "retention": ("保管期限", "retention"),
    "status": ("状态", "status"),
    "state": ("状态", "state"),
    "year": ("年度", "year"),
    "serial": ("流水号", "serial"),
    "last_serial": ("已用到的流水号", "last serial"),
    "seq": ("顺序号", "order"),
    "name": ("名称", "name"),
    "id_number": ("身份证号", "ID number"),
    "unit_code": ("统一社会信用代码", "unit code"),
    "file": ("文件", "file"),
    "sha256": ("SHA-256 摘要", "SHA-256"),
    "size": ("文件大小", "file size"),
    "pages": ("页数", "pages"),
    "handler": ("经办人", "handler"),
    "reason": ("理由", "reason"),
    "kind": ("种类", "kind"),
    "value": ("值", "value"),
    "role": ("角色", "role"),
    "display_name": ("姓名", "name"),
    "active": ("是否启用", "active"),
    "code": ("编号", "code"),
    "item_id": ("所属档案件", "item"),
    "volume_id": ("所属案卷", "volume"),
    "box_id": ("所属档案盒", "box"),
    "location_id": ("库房位置", "location"),
}
