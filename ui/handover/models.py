"""The handover view's tables: the batches, and the volumes of the one chosen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QObject,
)
from PySide6.QtGui import QColor

from archivist.changes.states import HandoverResult, HandoverState
from archivist.handover.handovers import HandoverRow, HandoverSummary
from archivist.handover.handovers import HandoverView as BatchView
from ui.rows_model import Column, RowsModel
from ui.texts import batch_status_text, reasons_text, result_text

PASS_COLOUR = QColor("#1b6e2a")
FAIL_COLOUR = QColor("#a11d1d")
MUTED_COLOUR = QColor("#777777")


# -- models ------------------------------------------------------------------------------

BATCH_COLUMNS: list[Column] = [
    Column("number", QT_TRANSLATE_NOOP("BatchListModel", "交接单号"), lambda b: b.number),
    Column(
        "from_department",
        QT_TRANSLATE_NOOP("BatchListModel", "移交部门"),
        lambda b: b.from_department,
    ),
    Column(
        "to_department", QT_TRANSLATE_NOOP("BatchListModel", "接收部门"), lambda b: b.to_department
    ),
    Column(
        "status", QT_TRANSLATE_NOOP("BatchListModel", "状态"), lambda b: batch_status_text(b.status)
    ),
    Column("volumes", QT_TRANSLATE_NOOP("BatchListModel", "卷数"), lambda b: str(b.volumes), True),
    Column("checked", QT_TRANSLATE_NOOP("BatchListModel", "检查结果"), lambda b: ""),
    Column(
        "signed_on", QT_TRANSLATE_NOOP("BatchListModel", "签收日期"), lambda b: b.signed_on or ""
    ),
]
ENTRY_COLUMNS: list[Column] = [
    Column(
        "seq",
        QT_TRANSLATE_NOOP("BatchVolumesModel", "序号"),
        lambda e: "" if e.seq is None else str(e.seq),
        True,
    ),
    Column("code", QT_TRANSLATE_NOOP("BatchVolumesModel", "档号"), lambda e: e.code),
    Column(
        "title",
        QT_TRANSLATE_NOOP("BatchVolumesModel", "案卷题名"),
        lambda e: e.title,
        tooltip=lambda e: e.title,
    ),
    Column("items", QT_TRANSLATE_NOOP("BatchVolumesModel", "件数"), lambda e: str(e.items), True),
    Column("pages", QT_TRANSLATE_NOOP("BatchVolumesModel", "页数"), lambda e: str(e.pages), True),
    Column(
        "result",
        QT_TRANSLATE_NOOP("BatchVolumesModel", "质量检查"),
        lambda e: result_text(e.result),
    ),
    Column(
        "reasons",
        QT_TRANSLATE_NOOP("BatchVolumesModel", "原因"),
        lambda e: reasons_text(e.reasons),
        tooltip=lambda e: "\n".join(r.text() for r in e.reasons) or None,
    ),
]


class BatchListModel(RowsModel):
    """The batches (as `handover.list_batches` gives them)."""

    columns = BATCH_COLUMNS
    rows: list[HandoverSummary]

    def key_of(self, row: Any) -> str:
        return str(row.number)

    def batch(self, row: int) -> HandoverSummary | None:
        found: HandoverSummary | None = self.row(row)
        return found

    def checked_text(self, batch: HandoverSummary) -> str:
        parts = []
        if batch.passed:
            parts.append(self.tr("{n} 合格").format(n=batch.passed))
        if batch.failed:
            parts.append(self.tr("{n} 不合格").format(n=batch.failed))
        if batch.unchecked:
            parts.append(self.tr("{n} 未检查").format(n=batch.unchecked))
        if batch.returned:
            parts.append(self.tr("{n} 已退回").format(n=batch.returned))
        return "　".join(parts)

    def display(self, row: Any, column: Column) -> str:
        if column.key == "checked":
            return self.checked_text(row)
        return super().display(row, column)

    def foreground(self, row: Any, column: Column) -> Any:
        if column.key == "status" and row.status == HandoverState.SIGNED:
            return PASS_COLOUR
        return None


class BatchVolumesModel(RowsModel):
    """The volumes of one batch (`handover.show`): those still in it, then the ones
    returned (greyed, without a 序号)."""

    columns = ENTRY_COLUMNS
    rows: list[HandoverRow]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view: BatchView | None = None

    def set_batch(self, view: BatchView | None) -> None:
        self.view = view
        self.set_rows([*view.rows, *view.returned] if view else [])

    @property
    def entries(self) -> list[HandoverRow]:
        return self.rows

    def key_of(self, row: Any) -> str:
        return str(row.code)

    def entry(self, row: int) -> HandoverRow | None:
        found: HandoverRow | None = self.row(row)
        return found

    def tooltip(self, row: Any, column: Column) -> str | None:
        # only the reasons (in full) and the title (when cut off) have a tool tip
        return column.tooltip(row) if column.tooltip is not None else None

    def foreground(self, row: Any, column: Column) -> Any:
        if row.result == HandoverResult.RETURNED:
            return MUTED_COLOUR
        if column.key == "result" and row.result == HandoverResult.PASS:
            return PASS_COLOUR
        if column.key in ("result", "reasons") and row.result == HandoverResult.FAIL:
            return FAIL_COLOUR
        return None
