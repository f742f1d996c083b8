"""Printed registers (登记表). Code: (Chinese, English)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
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
    # registers of use (issue 14)
    "register.not_overdue": (
        "利用申请 {number} 截至 {date} 没有逾期未还的档案，不生成催还通知",
        "Request {number} has nothing overdue on {date}: no overdue notice written",
    ),
    "register.not_a_loan": (
        "利用申请 {number} 不是借出申请，没有催还通知",
        "Request {number} is not a loan: there is no overdue notice for it",
    ),
}
