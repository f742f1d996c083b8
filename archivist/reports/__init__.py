"""Printed registers (登记表): layouts described as data, written as .docx and .xlsx.

from archivist.reports import DocumentData, get_layout, write_docx, write_xlsx
layout = get_layout("item-list")
write_docx(layout, DocumentData(fields={...}, rows=[[...], ...]), "归档文件目录.docx")
"""

from __future__ import annotations

from archivist.reports.layouts import (
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
from archivist.reports.sheets import write_xlsx
from archivist.reports.writer import write_docx

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
