"""Registers as Word documents (.docx): the only module that imports python-docx.

The layout (`layouts.Layout`) says what to print; this module only knows how: A4 in
the layout's orientation, the title in 黑体, body text in 宋体 with the East Asian font
named on every run (so Word on Windows never falls back to a Western font), tables
with borders on every cell, a header row repeated on every page and rows that never
split across a page, column widths that fill the page, signature lines, and
"第 X 页 共 Y 页" in the footer.

Tables are written as WordprocessingML text. A register's data rows never become a
tree of elements: python-docx saves the document with one placeholder row, and the
rows' text is spliced into word/document.xml in its place, which keeps a 10,000-row
catalogue to about a second.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt

from archivist.formats.barcode import encode_code128
from archivist.formats.images import barcode_png
from archivist.registers.layouts import (
    Align,
    DocumentData,
    Field,
    Heading,
    Layout,
    Orientation,
    Style,
    check,
    column_weights,
    field_value,
    headings,
    text,
    totals,
)
from archivist.registers.output import save

# (Western name, East Asian name): Word matches either; both are set on every run.
BODY_FONT = ("SimSun", "宋体")
HEADING_FONT = ("SimHei", "黑体")

A4 = (210.0, 297.0)  # mm
MARGINS = {"top": 20.0, "bottom": 20.0, "left": 25.0, "right": 20.0}  # binding on the left
LABEL_MARGIN = 10.0
TWIPS_PER_MM = 1440 / 25.4
CELL_PADDING = 57  # twips (1 mm) left and right inside a cell

TITLE_PT = 18.0  # 小二
COVER_TITLE_PT = 26.0  # 一号
FORM_PT = 12.0  # 小四
TABLE_PT = 10.5  # 五号
LABEL_NAME_PT = 10.5
LABEL_VALUE_PT = 22.0
FORM_LINE_MM = 9.0  # height of one line of a form field
CAPTION_LINES = 6  # a form field this tall gets its label as a caption above it
COVER_LINE_MM = 14.0
BARCODE_MODULE_MM = 0.33
BARCODE_HEIGHT_MM = 15.0

STYLE_CELL = "RegisterCell"
ROWS_PLACEHOLDER = "ARCHIVIST-REGISTER-ROWS-9F3C"
STYLE_BARCODE = "RegisterBarcode"

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_docx(
    layout: Layout, data: DocumentData, out_path: Path | str, *, chain: str = ""
) -> Path:
    """Print `data` on the register `layout` as a .docx at `out_path`, atomically.
    `chain`: the audit chain's head, printed beside the page number (see
    archivist.changes.anchor.footer_text: "审计链 第 N 条 <hash's first 16 digits>").

    Raises RegisterError if the data does not fit the layout (nothing written) or the
    file cannot be saved (no file left behind)."""
    check(layout, data)
    doc = _new_document(layout)
    rows_xml = ""
    if layout.style is Style.LABELS:
        _labels(doc, layout, data)
    else:
        if layout.fields_on_cover:
            _cover(doc, layout, data)
        _append(doc, _para(layout.title, size=TITLE_PT, heading=True, after_pt=10))
        if layout.style is Style.FORM:
            _append(doc, _form_grid(layout, data, _usable_width(layout)))
        else:
            rows_xml = _register(doc, layout, data)
        _page_numbers(doc, chain)
    buffer = io.BytesIO()
    doc.save(buffer)
    package = buffer.getvalue()
    if rows_xml:
        package = _splice_rows(package, rows_xml)
    out = Path(out_path)
    save(package, out)
    return out


# --- document, styles, page ---------------------------------------------------------


def _new_document(layout: Layout) -> DocxDocument:
    doc = Document()
    doc.core_properties.title = layout.title
    doc.core_properties.subject = layout.source
    doc.core_properties.language = "zh-CN"
    doc.core_properties.author = doc.core_properties.last_modified_by = "档案室 Archivist"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    doc.core_properties.created = doc.core_properties.modified = now
    doc.core_properties.revision = 1
    doc.core_properties.comments = ""
    section = doc.sections[0]
    portrait = layout.orientation is not Orientation.LANDSCAPE
    width, height = A4 if portrait else (A4[1], A4[0])
    section.orientation = WD_ORIENT.PORTRAIT if portrait else WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(width), Mm(height)
    if layout.style is Style.LABELS:
        section.top_margin = section.bottom_margin = Mm(LABEL_MARGIN)
        section.left_margin = section.right_margin = Mm(LABEL_MARGIN)
    else:
        section.top_margin, section.bottom_margin = Mm(MARGINS["top"]), Mm(MARGINS["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS["left"]), Mm(MARGINS["right"])
        section.footer_distance = Mm(10)
    defaults = _defaults_rpr(doc)
    _set_fonts(defaults, BODY_FONT)
    for lang in defaults.findall(qn("w:lang")):
        defaults.remove(lang)
    defaults.append(_lang())
    normal = doc.styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.element.get_or_add_rPr().append(_lang())
    pf = normal.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    normal.font.size = Pt(FORM_PT)
    for style_id in (STYLE_CELL, STYLE_BARCODE):
        style = doc.styles.add_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(TABLE_PT)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(0)
    return doc


def _defaults_rpr(doc: DocxDocument) -> BaseOxmlElement:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f"<w:rPrDefault {nsdecls('w')}/>")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        rpr_default.append(rpr)
    return rpr  # type: ignore[no-any-return]


def _set_fonts(rpr: BaseOxmlElement, font: tuple[str, str]) -> None:
    """Name the font for Western and East Asian text on an rPr, dropping theme fonts
    (which would otherwise win over the names)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    fonts.set(qn("w:ascii"), font[0])
    fonts.set(qn("w:hAnsi"), font[0])
    fonts.set(qn("w:cs"), font[0])
    fonts.set(qn("w:eastAsia"), font[1])
    fonts.set(qn("w:hint"), "eastAsia")


def _lang() -> BaseOxmlElement:
    return parse_xml(f'<w:lang {nsdecls("w")} w:val="en-US" w:eastAsia="zh-CN"/>')


def _page_size_mm(layout: Layout) -> tuple[float, float]:
    return A4 if layout.orientation is not Orientation.LANDSCAPE else (A4[1], A4[0])


def _usable_width(layout: Layout) -> int:
    """Width between the margins, in twips."""
    width = _page_size_mm(layout)[0] - MARGINS["left"] - MARGINS["right"]
    return int(width * TWIPS_PER_MM)


def _append(doc: DocxDocument, xml: str) -> BaseOxmlElement:
    element = parse_xml(xml)
    body = doc.element.body
    if body.sectPr is not None:
        body.sectPr.addprevious(element)
    else:
        body.append(element)
    return element


def _page_numbers(doc: DocxDocument, chain: str = "") -> None:
    footer = doc.sections[0].footer
    footer.is_linked_to_previous = False
    holder = footer._element  # the w:ftr element
    for p in list(holder):
        holder.remove(p)

    def field(instruction: str) -> str:
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f"{_run('1', size=TABLE_PT)}"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    runs = (
        _run("第 ", size=TABLE_PT)
        + field("PAGE")
        + _run(" 页 共 ", size=TABLE_PT)
        + field("NUMPAGES")
        + _run(" 页", size=TABLE_PT)
        + (_run(f"\u3000\u3000{chain}", size=TABLE_PT) if chain else "")
    )
    holder.append(
        parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:jc w:val="center"/></w:pPr>{runs}</w:p>')
    )


# --- WordprocessingML text ------------------------------------------------------------


def _clean(value: str) -> str:
    return escape(_INVALID_XML.sub("", value.replace("\t", " ")))


def _rpr(size: float | None, heading: bool, bold: bool, underline: bool) -> str:
    ascii_name, east_asian = HEADING_FONT if heading else BODY_FONT
    parts = [
        f'<w:rFonts w:ascii="{ascii_name}" w:hAnsi="{ascii_name}" w:cs="{ascii_name}" '
        f'w:eastAsia="{east_asian}" w:hint="eastAsia"/>'
    ]
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if size is not None:
        half_points = round(size * 2)
        parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    if underline:
        parts.append('<w:u w:val="single"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def _run(
    value: str,
    *,
    size: float | None = None,
    heading: bool = False,
    bold: bool = False,
    underline: bool = False,
) -> str:
    """A run; line breaks in `value` become w:br."""
    if value == "":
        return ""
    rpr = _rpr(size, heading, bold, underline)
    pieces = [f'<w:t xml:space="preserve">{_clean(line)}</w:t>' for line in value.split("\n")]
    return f"<w:r>{rpr}{'<w:br/>'.join(pieces)}</w:r>"


def _para(
    value: str = "",
    *,
    size: float | None = None,
    heading: bool = False,
    align: str = "center",
    style: str | None = None,
    after_pt: float = 0,
    before_pt: float = 0,
    runs: str | None = None,
    keep_next: bool = False,
    page_break_before: bool = False,
) -> str:
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        ppr.append("<w:keepNext/>")
    if page_break_before:
        ppr.append("<w:pageBreakBefore/>")
    if after_pt or before_pt:
        ppr.append(
            f'<w:spacing w:before="{round(before_pt * 20)}" w:after="{round(after_pt * 20)}"/>'
        )
    ppr.append(f'<w:jc w:val="{align}"/>')
    content = runs if runs is not None else _run(value, size=size, heading=heading)
    return f"<w:p {nsdecls('w')}><w:pPr>{''.join(ppr)}</w:pPr>{content}</w:p>"


def _cell(
    content: str,
    width: int,
    *,
    span: int = 1,
    valign: str = "center",
) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}'
        f'<w:vAlign w:val="{valign}"/></w:tcPr>{content}</w:tc>'
    )


def _cell_para(value: str, align: str, *, size: float, heading: bool = False) -> str:
    """A paragraph inside a cell (no namespace declaration: it sits inside a w:tbl)."""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{STYLE_CELL}"/><w:jc w:val="{align}"/></w:pPr>'
        f"{_run(value, size=size, heading=heading)}</w:p>"
    )


def _row(
    cells: Iterable[str],
    *,
    header: bool = False,
    height_mm: float | None = None,
    exact: bool = False,
) -> str:
    props = ["<w:cantSplit/>"]
    if height_mm is not None:
        rule = "exact" if exact else "atLeast"
        props.append(f'<w:trHeight w:val="{round(height_mm * TWIPS_PER_MM)}" w:hRule="{rule}"/>')
    if header:
        props.append("<w:tblHeader/>")
    return f"<w:tr><w:trPr>{''.join(props)}</w:trPr>{''.join(cells)}</w:tr>"


def _table(widths: Sequence[int], rows: Iterable[str], *, borders: bool = True) -> str:
    edge = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    nil = '<w:{0} w:val="nil"/>'
    border_xml = "".join(
        (edge if borders else nil).format(side)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{border_xml}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{CELL_PADDING}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_PADDING}" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        f'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def _split(total: int, weights: Sequence[float]) -> list[int]:
    """Integer widths in proportion to `weights` that add up to exactly `total`."""
    whole = sum(weights)
    widths = [int(total * w / whole) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


# --- registers of rows -----------------------------------------------------------------


def _register(doc: DocxDocument, layout: Layout, data: DocumentData) -> str:
    """Header fields, the table, totals and signatures. The table goes in with its
    header row and a placeholder row; the text of the data rows is returned, to be
    spliced in place of the placeholder in the saved package (`_splice_rows`)."""
    usable = _usable_width(layout)
    if layout.fields and not layout.fields_on_cover:
        _append(doc, _fields_grid(layout.fields, data, usable, size=TABLE_PT))
        _append(doc, _para(size=TABLE_PT, after_pt=4))  # keeps the two tables apart
    widths = _split(usable, column_weights(layout))
    header = _row(
        (
            _cell(_cell_para(h, "center", size=TABLE_PT, heading=True), w)
            for h, w in zip(headings(layout, data), widths, strict=True)
        ),
        header=True,
        height_mm=8,
    )
    placeholder = f"<w:tr><w:tc><w:p><w:r><w:t>{ROWS_PLACEHOLDER}</w:t></w:r></w:p></w:tc></w:tr>"
    _append(doc, _table(widths, [header, placeholder] if data.rows else [header]))
    if layout.totals:
        pieces = [_run("合计：", size=FORM_PT, heading=True)]
        for total, value in totals(layout, data):
            pieces.append(
                _run(f" {value} " if value else "\u3000\u3000\u3000", size=FORM_PT, underline=True)
            )
            pieces.append(_run(f" {total.unit}\u3000", size=FORM_PT))
        _append(doc, _para(runs="".join(pieces), align="left", before_pt=8))
    for index, signature in enumerate(layout.signatures):
        pieces = [
            _run(f"{signature.label}：", size=FORM_PT, heading=True),
            _blank_line(field_value(data, signature.key)),
        ]
        if signature.date_label:
            pieces.append(_run(f"\u3000\u3000{signature.date_label}：", size=FORM_PT, heading=True))
            pieces.append(_blank_line(field_value(data, signature.date_key)))
        _append(
            doc,
            _para(
                runs="".join(pieces),
                align="left",
                before_pt=18 if index == 0 else 14,
                keep_next=index < len(layout.signatures) - 1,
            ),
        )

    return _data_rows(layout, data, widths)


def _data_rows(layout: Layout, data: DocumentData, widths: Sequence[int]) -> str:
    """The table's data rows as WordprocessingML text (one string for all rows)."""
    rpr = _rpr(TABLE_PT, heading=False, bold=False, underline=False)
    prefixes = [
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{STYLE_CELL}"/>'
        f'<w:jc w:val="{"left" if column.align is Align.LEFT else "center"}"/></w:pPr>'
        for column, width in zip(layout.columns, widths, strict=True)
    ]
    row_start = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
    parts: list[str] = []
    for row in data.rows:
        parts.append(row_start)
        for prefix, value in zip(prefixes, row, strict=True):
            parts.append(prefix)
            if value is not None and value != "":
                lines = str(value).split("\n")
                parts.append("<w:r>" + rpr)
                parts.append(
                    "<w:br/>".join(
                        f'<w:t xml:space="preserve">{_clean(line)}</w:t>' for line in lines
                    )
                )
                parts.append("</w:r>")
            parts.append("</w:p></w:tc>")
        parts.append("</w:tr>")
    return "".join(parts)


def _splice_rows(package: bytes, rows_xml: str) -> bytes:
    """Put the data rows in place of the placeholder row of the saved document: text
    spliced into word/document.xml, so 10,000 rows are never a tree of elements."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                xml = content.decode("utf-8")
                at = xml.index(f"<w:t>{ROWS_PLACEHOLDER}</w:t>")
                start, end = xml.rindex("<w:tr>", 0, at), xml.index("</w:tr>", at) + len("</w:tr>")
                content = (xml[:start] + rows_xml + xml[end:]).encode("utf-8")
            target.writestr(info, content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _blank_line(value: str) -> str:
    """A signature or date on an underline; blank (a line to write on) when unknown."""
    shown = f" {value} " if value else "\u3000" * 8
    return _run(shown, size=FORM_PT, underline=True)


# --- forms: a labelled grid ---------------------------------------------------------

_GRID = (0.2, 0.3, 0.2, 0.3)  # label, value, label, value


def _fields_grid(
    fields: Sequence[Field | Heading],
    data: DocumentData,
    width: int,
    *,
    size: float,
    line_mm: float = FORM_LINE_MM,
    extra_rows: Sequence[str] = (),
) -> str:
    widths = _split(width, _GRID)
    rows: list[str] = []
    pending: list[Field] = []  # narrow fields waiting for a partner

    def label(name: str, w: int, span: int = 1) -> str:
        return _cell(_cell_para(name, "center", size=size, heading=True), w, span=span)

    def value(v: str, w: int, span: int = 1, lines: int = 1) -> str:
        align = "left" if lines > 1 or span > 1 else "center"
        return _cell(
            _cell_para(v, align, size=size), w, span=span, valign="top" if lines > 1 else "center"
        )

    def flush() -> None:
        if not pending:
            return
        cells = []
        for f in pending:
            cells += [label(f.label, widths[0]), value(field_value(data, f.key), widths[1])]
        if len(pending) == 1:
            cells += [label("", widths[2]), value("", widths[3])]
        rows.append(_row(cells, height_mm=line_mm))
        pending.clear()

    for f in fields:
        if isinstance(f, Heading):
            flush()
            rows.append(_row([label(f.label, width, span=4)], height_mm=line_mm))
        elif not f.wide:
            pending.append(f)
            if len(pending) == 2:
                flush()
        elif f.lines >= CAPTION_LINES:
            # a box to write in: its label as a caption over the full width
            flush()
            caption = _cell_para(f.label, "left", size=size, heading=True)
            rows.append(_row([_cell(caption, width, span=4)], height_mm=line_mm))
            rows.append(
                _row(
                    [value(field_value(data, f.key), width, span=4, lines=f.lines)],
                    height_mm=line_mm * f.lines,
                )
            )
        else:
            flush()
            rows.append(
                _row(
                    [
                        label(f.label, widths[0]),
                        value(field_value(data, f.key), width - widths[0], span=3, lines=f.lines),
                    ],
                    height_mm=line_mm * max(1, f.lines),
                )
            )
    flush()
    return _table(widths, [*rows, *extra_rows])


def _form_grid(layout: Layout, data: DocumentData, width: int) -> str:
    widths = _split(width, _GRID)
    signature_rows = []
    for s in layout.signatures:
        cells = [
            _cell(_cell_para(s.label, "center", size=layout.form_pt, heading=True), widths[0]),
        ]
        if s.date_label:
            cells += [
                _cell(
                    _cell_para(field_value(data, s.key), "center", size=layout.form_pt), widths[1]
                ),
                _cell(
                    _cell_para(s.date_label, "center", size=layout.form_pt, heading=True), widths[2]
                ),
                _cell(
                    _cell_para(field_value(data, s.date_key), "center", size=layout.form_pt),
                    widths[3],
                ),
            ]
        else:
            cells.append(
                _cell(
                    _cell_para(field_value(data, s.key), "left", size=layout.form_pt),
                    width - widths[0],
                    span=3,
                )
            )
        signature_rows.append(_row(cells, height_mm=12))
    return _fields_grid(
        layout.fields,
        data,
        width,
        size=layout.form_pt,
        line_mm=layout.form_line_mm,
        extra_rows=signature_rows,
    )


def _cover(doc: DocxDocument, layout: Layout, data: DocumentData) -> None:
    """A cover page: the register's name large, then its fields, then a new page."""
    _append(doc, _para(layout.title, size=COVER_TITLE_PT, heading=True, before_pt=90, after_pt=60))
    width = int(_usable_width(layout) * 0.7)
    _append(doc, _fields_grid(layout.fields, data, width, size=16, line_mm=COVER_LINE_MM))
    _append(doc, _para(page_break_before=True, size=TABLE_PT))


# --- labels -------------------------------------------------------------------------


def _labels(doc: DocxDocument, layout: Layout, data: DocumentData) -> None:
    """Several labels to an A4 page: a bordered cell each, the fields large, the code as
    a Code 128 barcode with its text underneath."""
    page_w, page_h = A4
    across, down = layout.labels_across, layout.labels_down
    cell_w = int((page_w - 2 * LABEL_MARGIN) * TWIPS_PER_MM / across)
    cell_h_mm = (page_h - 2 * LABEL_MARGIN) / down - 2  # a little slack for rounding
    names = headings(layout, data)
    barcode_index = next((i for i, c in enumerate(layout.columns) if c.barcode), None)
    codes: list[str | None] = []

    def label_cell(row: Sequence[str | int | None] | None) -> str:
        if row is None:
            return _cell(_cell_para("", "center", size=TABLE_PT), cell_w)
        parts = []
        for index, name in enumerate(names):
            if index == barcode_index:
                continue
            parts.append(
                f'<w:p><w:pPr><w:pStyle w:val="{STYLE_CELL}"/><w:spacing w:before="120"/>'
                f'<w:jc w:val="center"/></w:pPr>'
                f"{_run(name, size=LABEL_NAME_PT, heading=True)}</w:p>"
            )
            parts.append(_cell_para(text(row[index]), "center", size=LABEL_VALUE_PT, heading=True))
        code = text(row[barcode_index]) if barcode_index is not None else ""
        codes.append(code or None)
        parts.append(
            f'<w:p><w:pPr><w:pStyle w:val="{STYLE_BARCODE}"/><w:spacing w:before="240"/>'
            '<w:jc w:val="center"/></w:pPr></w:p>'
        )
        parts.append(_cell_para(code, "center", size=TABLE_PT))
        return _cell("".join(parts), cell_w, valign="top")

    rows = []
    for start in range(0, max(1, len(data.rows)), across):
        chunk: list[Sequence[str | int | None] | None] = list(data.rows[start : start + across])
        chunk += [None] * (across - len(chunk))
        rows.append(_row((label_cell(r) for r in chunk), height_mm=cell_h_mm, exact=True))
    table = _append(doc, _table([cell_w] * across, rows))
    max_w_mm = (page_w - 2 * LABEL_MARGIN) / across - 4
    slots = [p for p in table.iter(qn("w:p")) if _style_of(p) == STYLE_BARCODE]
    for slot, code in zip(slots, codes, strict=True):
        if code is None:
            continue
        symbol = encode_code128(code)
        png = barcode_png(symbol.modules)
        width_mm = min(len(symbol.modules) * BARCODE_MODULE_MM, max_w_mm)
        inline = doc.part.new_pic_inline(io.BytesIO(png), Mm(width_mm), Mm(BARCODE_HEIGHT_MM))
        run = parse_xml(f"<w:r {nsdecls('w')}><w:drawing/></w:r>")
        run[0].append(inline)
        slot.append(run)


def _style_of(paragraph: BaseOxmlElement) -> str | None:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))
