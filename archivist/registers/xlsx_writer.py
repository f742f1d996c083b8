"""Catalogue registers as Excel workbooks (.xlsx): the only module that imports openpyxl.

Only catalogues (`Layout.spreadsheet`: 归档文件目录, 案卷目录) export to a sheet: the
title, the header fields one to a row, then the table with a bold header row that is
frozen on screen and repeated on every printed page, on landscape A4 fitted to width.
Counts are stored as numbers (so Excel can add them); everything else as text, so
codes and YYYYMMDD dates keep their leading zeros.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from archivist.errors import RegisterError
from archivist.registers.layouts import (
    LAYOUTS,
    Align,
    DocumentData,
    Field,
    Layout,
    Orientation,
    check,
    column_weights,
    field_value,
    headings,
    text,
)
from archivist.registers.output import save

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
GB2312 = 134  # the font charset byte Excel writes for Simplified Chinese fonts
SHEET_CHARS = 150  # total column width on a landscape page, in Excel character units
MM_PER_INCH = 25.4


def write_xlsx(
    layout: Layout, data: DocumentData, out_path: Path | str, *, chain: str = ""
) -> Path:
    """Export a catalogue register to an .xlsx at `out_path`, atomically. `chain`: the
    audit chain's head, printed in the page footer (as on the .docx).

    Raises RegisterError for a register that is not a catalogue, data that does not fit
    the layout (nothing written) or a file that cannot be saved (no file left behind)."""
    if not layout.spreadsheet:
        raise RegisterError(
            "register.no_spreadsheet",
            register=layout.title,
            choices=", ".join(k for k, v in LAYOUTS.items() if v.spreadsheet),
        )
    check(layout, data)
    book = Workbook()
    sheet = book.active
    sheet.title = layout.title[:31]
    count = len(layout.columns)
    last = get_column_letter(count)
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = NamedStyle(
        name="register_body",
        font=Font(name=BODY_FONT, size=10.5, charset=GB2312),
        border=box,
        alignment=Alignment(vertical="center", wrap_text=True),
    )
    body_centre = NamedStyle(
        name="register_body_centre",
        font=body.font,
        border=box,
        alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
    )
    head = NamedStyle(
        name="register_head",
        font=Font(name=HEADING_FONT, size=10.5, bold=True, charset=GB2312),
        border=box,
        alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
    )
    for style in (body, body_centre, head):
        book.add_named_style(style)

    sheet["A1"] = layout.title
    sheet["A1"].font = Font(name=HEADING_FONT, size=16, bold=True, charset=GB2312)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(f"A1:{last}1")
    sheet.row_dimensions[1].height = 30
    row_number = 2
    label_font = Font(name=HEADING_FONT, size=10.5, bold=True, charset=GB2312)
    value_font = Font(name=BODY_FONT, size=10.5, charset=GB2312)
    for f in layout.fields:
        if not isinstance(f, Field):
            continue
        sheet.cell(row=row_number, column=1, value=f.label).font = label_font
        value = field_value(data, f.key)
        cell = sheet.cell(row=row_number, column=2, value=value or None)
        cell.font = value_font
        if count > 2:
            sheet.merge_cells(
                start_row=row_number, start_column=2, end_row=row_number, end_column=count
            )
        row_number += 1
    header_row = row_number + 1 if layout.fields else row_number

    for index, heading in enumerate(headings(layout, data), 1):
        sheet.cell(row=header_row, column=index, value=heading).style = "register_head"
    sheet.row_dimensions[header_row].height = 24
    styles = [
        "register_body" if c.align is Align.LEFT else "register_body_centre" for c in layout.columns
    ]
    numeric = [c.numeric for c in layout.columns]
    for offset, row in enumerate(data.rows, 1):
        r = header_row + offset
        for index, given in enumerate(row):
            cell = sheet.cell(row=r, column=index + 1, value=_cell_value(given, numeric[index]))
            cell.style = styles[index]

    weights = column_weights(layout)
    scale = SHEET_CHARS / sum(weights)
    if layout.orientation is Orientation.PORTRAIT:
        scale *= 0.7
    for index, (weight, heading) in enumerate(zip(weights, headings(layout, data), strict=True), 1):
        width = max(weight * scale, len(heading) * 2 + 2)
        sheet.column_dimensions[get_column_letter(index)].width = round(width, 1)

    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = (
        "landscape" if layout.orientation is Orientation.LANDSCAPE else "portrait"
    )
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(
        left=20 / MM_PER_INCH, right=20 / MM_PER_INCH, top=20 / MM_PER_INCH, bottom=20 / MM_PER_INCH
    )
    sheet.oddFooter.center.text = "第 &P 页 共 &N 页"
    if chain:
        sheet.oddFooter.right.text = chain.replace("&", "&&")
    book.properties.title = layout.title
    book.properties.subject = layout.source

    buffer = io.BytesIO()
    book.save(buffer)
    out = Path(out_path)
    save(buffer.getvalue(), out)
    return out


def _cell_value(value: str | int | None, numeric: bool) -> str | int | None:
    """A count as a number when it is one; anything else as the text given."""
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value if numeric else str(value)
    if numeric and value.isdecimal() and str(int(value)) == value:
        return int(value)
    return text(value)
