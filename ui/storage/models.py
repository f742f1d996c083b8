"""The storage view's table: the boxes at the place chosen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QObject,
)

from archivist.custody.boxes import BoxSummary
from archivist.use.lending import LoanNote
from ui.rows_model import Column, RowsModel
from ui.texts import count_text, heading_text, retention_text

# -- the box list ---------------------------------------------------------------------------

BOX_COLUMNS: list[Column] = [
    Column("number", QT_TRANSLATE_NOOP("BoxListModel", "盒号"), lambda b: f"{b.number:04d}", True),
    Column("code", QT_TRANSLATE_NOOP("BoxListModel", "条码"), lambda b: b.code),
    Column("year", QT_TRANSLATE_NOOP("BoxListModel", "年度"), lambda b: str(b.year)),
    Column("class", QT_TRANSLATE_NOOP("BoxListModel", "类别"), lambda b: b.class_code),
    Column(
        "retention",
        QT_TRANSLATE_NOOP("BoxListModel", "保管期限"),
        lambda b: retention_text(b.retention),
    ),
    Column(
        "range",
        QT_TRANSLATE_NOOP("BoxListModel", "内容（起止件号/案卷号）"),
        lambda b: f"{heading_text(b.range_heading)} {b.range}" if b.range else "",
    ),
    Column(
        "count",
        QT_TRANSLATE_NOOP("BoxListModel", "数量"),
        lambda b: count_text(b.count, b.kind),
        True,
    ),
    Column("location", QT_TRANSLATE_NOOP("BoxListModel", "位置"), lambda b: b.location or ""),
]


class BoxListModel(RowsModel):
    """Boxes as `custody.list_boxes` gives them."""

    columns = BOX_COLUMNS
    rows: list[BoxSummary]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lent: dict[str, LoanNote] = {}  # the boxes out on loan (借出), by code

    def key_of(self, row: Any) -> str:
        return str(row.code)

    def box(self, row: int) -> BoxSummary | None:
        found: BoxSummary | None = self.row(row)
        return found

    def display(self, row: Any, column: Column) -> str:
        loan = self.lent.get(row.code)
        if column.key == "location" and loan is not None:
            place = row.location or self.tr("未上架")
            return self.tr("{place}（借出 {number}）").format(place=place, number=loan.number)
        if column.key == "location" and not row.location:
            return self.tr("未上架")
        return super().display(row, column)


# -- the view -------------------------------------------------------------------------------
