"""Printed registers (登记表): layouts described as data, written as .docx and .xlsx.

from archivist.registers import DocumentData, get_layout, write_docx, write_xlsx
layout = get_layout("item-list")
write_docx(layout, DocumentData(fields={...}, rows=[[...], ...]), "归档文件目录.docx")
"""

from __future__ import annotations

from archivist.registers.docx_writer import write_docx
from archivist.registers.layouts import (
    LAYOUTS,
    Cell,
    Column,
    DocumentData,
    Field,
    Heading,
    Layout,
    Orientation,
    Signature,
    Style,
    Total,
    get_layout,
)
from archivist.registers.xlsx_writer import write_xlsx

__all__ = [
    "LAYOUTS",
    "Cell",
    "Column",
    "DocumentData",
    "Field",
    "Heading",
    "Layout",
    "Orientation",
    "Signature",
    "Style",
    "Total",
    "get_layout",
    "write_docx",
    "write_xlsx",
]
