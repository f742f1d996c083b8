"""One table model over a list of typed rows, for the window's lists (volumes, a volume's
items, boxes, handover batches and their volumes).

A model names its columns once — `Column(key, heading, value, right, tooltip)` — and
gets rows, headers, alignment, tool tips and retranslation from `RowsModel`. The heading
is the Chinese source marked with `QT_TRANSLATE_NOOP("<model class>", ...)`; it is
translated in the model's own class context, so lupdate's keys stay as they were.
What differs between the lists (a colour, a tool tip on every cell, drag and drop) is
a small override: `foreground`, `tooltip`, `display`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Getter = Callable[[Any], str]


@dataclass(frozen=True)
class Column:
    """One column: its key, its heading (source text, translated in the model's context),
    how a row shows in it, whether it is a number (right-aligned) and, where it differs
    from the text, its tool tip (None: the cell's text)."""

    key: str
    heading: object  # QT_TRANSLATE_NOOP(...) gives back the source string
    value: Getter
    right: bool = False
    tooltip: Callable[[Any], str | None] | None = None


class RowsModel(QAbstractTableModel):
    """A read-only table over `rows` with the columns `columns`; `key_of` gives a row's
    identity for `row_of`."""

    columns: Sequence[Column] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    # -- rows ----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> Any:
        """The row at `row`, or None."""
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def key_of(self, row: Any) -> str:
        """A row's identity (its code or number)."""
        raise NotImplementedError

    def row_of(self, key: str) -> int | None:
        return next((r for r, row in enumerate(self.rows) if self.key_of(row) == key), None)

    def column_key(self, column: int) -> str:
        return self.columns[column].key

    # -- what a cell shows ---------------------------------------------------------------

    def display(self, row: Any, column: Column) -> str:
        return column.value(row)

    def tooltip(self, row: Any, column: Column) -> str | None:
        if column.tooltip is not None:
            return column.tooltip(row)
        return self.display(row, column)

    def foreground(self, row: Any, column: Column) -> Any:
        """A colour for the cell's text (None: the usual)."""
        return None

    def heading(self, column: Column) -> str:
        return QCoreApplication.translate(type(self).__name__, str(column.heading))

    # -- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.heading(self.columns[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT) if column.right else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        return None

    def retranslate(self) -> None:
        """Headings and texts again, in the language now installed."""
        last = len(self.columns) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, last))


def table_look(table: QTableView, *, interactive: bool = False) -> None:
    """How the views' tables look: whole rows chosen, nothing edited in place, no row
    numbers, rows a line high, alternating colours, no wrapping (`interactive`: the
    columns are sized by hand)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    if interactive:
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
