"""The item table: a lazy model over a list of ids, sorted and filtered in the
database; rows are fetched in blocks as they scroll into view and cached.

The ids are read on a worker thread (with 100,000 items a sort or a filter takes the
database a few hundred milliseconds on a slow desktop, too long to hold the window);
the table keeps showing the rows it has until the new ids arrive, and an answer to a
query that has since been replaced is dropped."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from archivist.access import browse
from archivist.archive import Archive
from ui.tasks import TaskContext, TaskRunner

BLOCK = 200
CACHE_LIMIT = 5000

# (sort key, header) in display order
COLUMNS: list[tuple[str, object]] = [
    ("number", QT_TRANSLATE_NOOP("ItemTableModel", "件号")),
    ("title", QT_TRANSLATE_NOOP("ItemTableModel", "题名")),
    ("class", QT_TRANSLATE_NOOP("ItemTableModel", "类别")),
    ("business_type", QT_TRANSLATE_NOOP("ItemTableModel", "业务类型")),
    ("entity", QT_TRANSLATE_NOOP("ItemTableModel", "单位/个人")),
    ("completed_on", QT_TRANSLATE_NOOP("ItemTableModel", "办结日期")),
    ("retention", QT_TRANSLATE_NOOP("ItemTableModel", "保管期限")),
    ("pages", QT_TRANSLATE_NOOP("ItemTableModel", "页数")),
    ("archival_code", QT_TRANSLATE_NOOP("ItemTableModel", "档号")),
]


class ItemTableModel(QAbstractTableModel):
    loaded = Signal()  # the ids of the current query are in
    failed = Signal(object, str)  # reading the ids failed (exception, details)

    def __init__(
        self, archive: Archive, parent: QObject | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self.query = browse.ItemQuery()
        self.ids: list[int] = []
        self.cache: dict[int, browse.ItemRow] = {}
        self.fetches = 0  # blocks read from the database (tests and benchmarks look)
        self.loading = False  # ids of a new query are being read
        self._generation = 0

    # -- loading -------------------------------------------------------------------
    def set_query(self, query: browse.ItemQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        """Read the ids of the query again: on a worker thread when the model has a
        runner (`loaded` tells when they are in), else at once."""
        self._generation += 1
        generation, query = self._generation, self.query
        if self.runner is None:
            self._set_ids(browse.item_ids(self.archive, query))
            return
        self.loading = True

        def work(_ctx: TaskContext) -> list[int]:
            return browse.item_ids(self.archive, query)

        def done(ids: object) -> None:
            if generation == self._generation and isinstance(ids, list):
                self.loading = False
                self._set_ids(ids)

        def failed(exc: BaseException, details: str) -> None:
            if generation == self._generation:
                self.loading = False
                self.failed.emit(exc, details)

        self.runner.submit(
            QCoreApplication.translate("ItemTableModel", "读取件目录"),
            work,
            on_done=done,
            on_error=failed,
            quiet=True,
        )

    def _set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = ids
        self.cache.clear()
        self.endResetModel()
        self.loaded.emit()

    def row_of(self, item_id: int) -> int | None:
        try:
            return self.ids.index(item_id)
        except ValueError:
            return None

    def item(self, row: int) -> browse.ItemRow | None:
        if not 0 <= row < len(self.ids):
            return None
        item_id = self.ids[row]
        found = self.cache.get(item_id)
        if found is None:
            self._fetch_block(row)
            found = self.cache.get(item_id)
        return found

    def _fetch_block(self, row: int) -> None:
        start = max(0, row - BLOCK // 4)
        block = [i for i in self.ids[start : start + BLOCK] if i not in self.cache]
        if len(self.cache) + len(block) > CACHE_LIMIT:
            self.cache.clear()
        self.cache.update(browse.item_rows(self.archive, block))
        self.fetches += 1

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(COLUMNS[section][1]))
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()][0] == "pages":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        row = self.item(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        values = {
            "number": row.number,
            "title": row.title,
            "class": row.class_code,
            "business_type": row.business_type,
            "entity": row.entity_name,
            "completed_on": row.completed_on,
            "retention": _retention_label(row),
            "pages": str(row.pages),
            "archival_code": row.archival_code,
        }
        return values[key]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][0]
        if key not in browse.SORT_COLUMNS:
            return
        self.query = browse.ItemQuery(
            self.query.scope, self.query.text, key, order == Qt.SortOrder.DescendingOrder
        )
        self.reload()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(COLUMNS) - 1))


def _retention_label(row: browse.ItemRow) -> str:
    code = row.retention
    if code == "Y":
        return QCoreApplication.translate("ItemTableModel", "永久")
    if code.startswith("D") and code[1:].isdigit():
        return QCoreApplication.translate("ItemTableModel", "{n}年").format(n=int(code[1:]))
    return row.retention_label
