"""Access: OCR, search, and the fonts synthetic pages are drawn with. Code: (Chinese, English)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    "view.page_unreadable": (
        "第 {page} 页无法显示：文件 {file} 已损坏或格式无法解码（原件未被改动；可运行“校验”检查）",
        "Page {page} cannot be shown: the file {file} is damaged or cannot be decoded (the "
        "original was not changed; run verify to check it)",
    ),
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
    # personal data shown by need (issue 13)
    "access.reveal_needs_reason": (
        '显示件 {number} 的完整身份证号需要填写理由（例如：--reason "核对待遇申请"）',
        "Revealing the full ID number of item {number} needs a reason "
        '(for example --reason "checking a benefit claim")',
    ),
    "access.reveal_reason_too_long": (
        "理由过长：最多 {limit} 个字符",
        "The reason is too long: at most {limit} characters",
    ),
    "access.reveal_no_id_number": (
        "件 {number} 没有记录身份证号（单位档案或未填写）",
        "Item {number} records no ID number (a unit's item, or none was entered)",
    ),
    "access.reason_without_reveal": (
        "--reason 只与 --reveal-ids 一起使用",
        "--reason goes with --reveal-ids only",
    ),
    "access.id_number": ("  身份证号：{id_number}", "  ID number: {id_number}"),
    "access.revealed": (
        "  身份证号（已显示完整号码，已记入访问日志）：{id_number}",
        "  ID number (revealed in full, written to the access log): {id_number}",
    ),
}
