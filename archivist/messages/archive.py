"""The archive itself, its folder and files, and the errors every part may raise. Code: (Chinese, English)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    "error": ("出错了：{detail}", "Error: {detail}"),
    "not_found": ("找不到{what}：{key}", "{what} not found: {key}"),
    # archive
    "export.bad_suffix": (
        "保存的文件名须以 {suffixes} 结尾：{file}",
        "The file name must end in {suffixes}: {file}",
    ),
    "export.inside_archive": (
        "不能保存到档案库文件夹里（{archive}）：{file}，请另选位置",
        "Cannot save inside the archive's own folder ({archive}): {file}; choose another place",
    ),
    "export.not_a_file": (
        "保存位置不是普通文件（设备或其他特殊文件）：{file}",
        "That place is not an ordinary file (a device or another special file): {file}",
    ),
    "archive.no_access": (
        "没有权限打开档案库文件夹（当前操作系统用户不能进入或读取）：{path}",
        "This OS user may not open the archive folder (cannot enter or read it): {path}",
    ),
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
}
