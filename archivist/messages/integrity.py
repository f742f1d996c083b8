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
}
