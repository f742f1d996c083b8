"""The volumes view (案卷): the volumes of a year and class, and the items of the volume
chosen in their order (顺序号, page numbers where the volume is paged).

- 组卷…: a year's unfiled items of a class are filed by month, quarter or year; the
  plan (`archivist.arrangement.volumes.plan_volumes`) shows live, building runs off the UI thread
  and the new volumes are selected;
- items are moved by dragging them onto another volume, or from the context menu
  (移到其他案卷…, 移出案卷), unfiled items of the same year and class are added
  (加入案卷…) and a title corrected (修改题名…).

Every change goes through the core's audited services with a reason; the core decides
what may go where (same year, class and retention) and its refusal is shown in the
error dialog. Lists are read on worker threads.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.access import browse
from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.arrangement.volumes import (
    PlannedVolume,
    VolumeEntry,
    VolumeRef,
    VolumeSummary,
    VolumeView,
)
from archivist.changes.states import VolumeState
from archivist.errors import ArchivistError
from archivist.registers import forms
from archivist.rules.retention import Retention
from ui import errors
from ui.registers_dialog import RegistersDialog, VolumePdfJob
from ui.tasks import TaskContext, TaskRunner

MIME = "application/x-archivist-volume-items"  # {"volume": code, "numbers": [...]}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
QUARTERS_CN = "一二三四"


# -- labels ------------------------------------------------------------------------------


def retention_text(code: str) -> str:
    if code == "Y":
        return QCoreApplication.translate("VolumesView", "永久")
    if code.startswith("D") and code[1:].isdigit():
        return QCoreApplication.translate("VolumesView", "{n}年").format(n=int(code[1:]))
    return Retention(code).label


def period_text(key: str) -> str:
    """2023-05, 2023-Q2, 2023 in the interface language."""
    year, _, rest = key.partition("-")
    if not rest:
        return QCoreApplication.translate("VolumesView", "{year}年").format(year=year)
    if rest.startswith("Q"):
        quarter = int(rest[1:])
        return QCoreApplication.translate("VolumesView", "{year}年第{quarter_cn}季度").format(
            year=year, quarter=quarter, quarter_cn=QUARTERS_CN[quarter - 1]
        )
    month = int(rest)
    return QCoreApplication.translate("VolumesView", "{year}年{month}月").format(
        year=year, month=month, month_name=calendar.month_name[month]
    )


def status_text(status: VolumeState) -> str:
    texts = {
        VolumeState.OPEN: QCoreApplication.translate("VolumesView", "整理中"),
        VolumeState.RETURNED: QCoreApplication.translate("VolumesView", "已退回"),
        VolumeState.HANDED_OVER: QCoreApplication.translate("VolumesView", "已移交"),
        VolumeState.DISSOLVED: QCoreApplication.translate("VolumesView", "已撤销"),
    }
    return texts.get(status, str(status))


def editable(volume: VolumeSummary | None) -> bool:
    """A volume may still change (the core's rule: neither handed over nor dissolved)."""
    return volume is not None and volume.editable


def dates_text(start: dt.date | None, end: dt.date | None) -> str:
    """2023-05-02～05-20 (a volume never spans years, so the end drops its year)."""
    if start is None or end is None:
        return ""
    first, last = start.isoformat(), end.isoformat()
    if start == end:
        return first
    return f"{first}～{last[5:]}" if start.year == end.year else f"{first}～{last}"


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def pages_text(first: int | None, last: int | None) -> str:
    if first is None or last is None:
        return ""
    return str(first) if first == last else f"{first}–{last}"


def _bold(label: QLabel, scale: float = 1.15) -> None:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)


# -- models ------------------------------------------------------------------------------

VOLUME_COLUMNS: list[tuple[str, object]] = [
    ("code", QT_TRANSLATE_NOOP("VolumeListModel", "档号")),
    ("title", QT_TRANSLATE_NOOP("VolumeListModel", "题名")),
    ("year", QT_TRANSLATE_NOOP("VolumeListModel", "年度")),
    ("class", QT_TRANSLATE_NOOP("VolumeListModel", "类别")),
    ("retention", QT_TRANSLATE_NOOP("VolumeListModel", "保管期限")),
    ("dates", QT_TRANSLATE_NOOP("VolumeListModel", "起止日期")),
    ("items", QT_TRANSLATE_NOOP("VolumeListModel", "件数")),
    ("pages", QT_TRANSLATE_NOOP("VolumeListModel", "页数")),
    ("status", QT_TRANSLATE_NOOP("VolumeListModel", "状态")),
]
ITEM_COLUMNS: list[tuple[str, object]] = [
    ("seq", QT_TRANSLATE_NOOP("VolumeItemsModel", "顺序号")),
    ("number", QT_TRANSLATE_NOOP("VolumeItemsModel", "件号")),
    ("title", QT_TRANSLATE_NOOP("VolumeItemsModel", "题名")),
    ("completed_on", QT_TRANSLATE_NOOP("VolumeItemsModel", "日期")),
    ("pages", QT_TRANSLATE_NOOP("VolumeItemsModel", "页数")),
    ("page_range", QT_TRANSLATE_NOOP("VolumeItemsModel", "页号")),
]


def dragged(data: QMimeData) -> tuple[str, list[str]] | None:
    """(the volume the items come from, their numbers) of a drag, if it is one."""
    if not data.hasFormat(MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(MIME).data()).decode("utf-8"))
        return str(payload["volume"]), [str(n) for n in payload["numbers"]]
    except (ValueError, KeyError, TypeError):
        return None


class VolumeListModel(QAbstractTableModel):
    """The volumes (as `volumes.list_volumes` gives them); items dragged from a
    volume's item list can be dropped on a volume."""

    items_dropped = Signal(list, str, str)  # numbers, from volume, onto volume

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[VolumeSummary] = []

    def set_rows(self, rows: list[VolumeSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def volume(self, row: int) -> VolumeSummary | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, code: str) -> int | None:
        return next((r for r, v in enumerate(self.rows) if v.code == code), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(VOLUME_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(VOLUME_COLUMNS[section][1]))
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        volume = self.volume(index.row()) if index.isValid() else None
        if volume is None:
            return None
        key = VOLUME_COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT) if key in ("items", "pages") else None
        if role == Qt.ItemDataRole.ToolTipRole and key == "dates":
            return f"{_iso(volume.start)} — {_iso(volume.end)}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#888888") if volume.dissolved else None
        if role == Qt.ItemDataRole.ToolTipRole and volume.dissolved and volume.note:
            return volume.note  # why: its case number stays explained
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = {
            "code": volume.code,
            "title": volume.title,
            "year": str(volume.year),
            "class": volume.class_code,
            "retention": retention_text(volume.retention),
            "dates": dates_text(volume.start, volume.end),
            "items": str(volume.items),
            "pages": str(volume.pages),
            "status": status_text(volume.status),
        }
        return values[key]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDropEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def _target(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> str | None:
        volume = self.volume(parent.row() if parent.isValid() else row)
        return volume.code if volume is not None else None

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        found, target = dragged(data), self._target(row, parent)
        return found is not None and target is not None and target != found[0]

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Dropped items are moved by the view, after it has asked for the reason: the
        model changes nothing here (the drag's own event loop must end first)."""
        found, target = dragged(data), self._target(row, parent)
        if found is None or target is None or target == found[0]:
            return False
        source, numbers = found
        QTimer.singleShot(0, lambda: self.items_dropped.emit(numbers, source, target))
        return True

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(VOLUME_COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(VOLUME_COLUMNS) - 1)
            )


class VolumeItemsModel(QAbstractTableModel):
    """The items of one volume in order (`volumes.show`); rows can be dragged."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view: VolumeView | None = None
        self.entries: list[VolumeEntry] = []

    def set_volume(self, view: VolumeView | None) -> None:
        self.beginResetModel()
        self.view = view
        self.entries = list(view.entries) if view else []
        self.endResetModel()

    @property
    def code(self) -> str | None:
        return self.view.code if self.view else None

    def entry(self, row: int) -> VolumeEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def row_of(self, number: str) -> int | None:
        return next((r for r, e in enumerate(self.entries) if e.number == number), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ITEM_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(ITEM_COLUMNS[section][1]))
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        key = ITEM_COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT) if key in ("seq", "pages", "page_range") else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = {
            "seq": str(entry.seq),
            "number": entry.number,
            "title": entry.title,
            "completed_on": entry.completed_on.isoformat(),
            "pages": str(entry.pages),
            "page_range": pages_text(entry.first_page, entry.last_page),
        }
        return values[key]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        numbers = [self.entries[r].number for r in rows if r < len(self.entries)]
        data = QMimeData()
        payload = json.dumps({"volume": self.code, "numbers": numbers}, ensure_ascii=False)
        data.setData(MIME, QByteArray(payload.encode("utf-8")))
        data.setText("\n".join(numbers))
        return data

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ITEM_COLUMNS) - 1)


# -- the view ----------------------------------------------------------------------------


class VolumesView(QWidget):
    item_opened = Signal(str)  # an item's number: show it in the item detail
    message = Signal(str)  # a sentence for the status bar
    changed = Signal()  # volumes were built or changed

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volumesView")
        self.archive = archive
        self.runner = runner
        self.classes: list[tuple[str, str]] = []  # (code, name) of classes with items
        self.years: list[int] = []  # years with items, latest first
        self.loading = False
        self._stale = True  # reload when next shown
        self._generation = 0
        self._items_generation = 0
        self._wanted: list[str] = []  # volumes to select once the list is in
        self.current_code: str | None = None
        self.change_dialog: QDialog | None = None
        self.build_dialog: VolumeBuildDialog | None = None
        self.pdf_job: VolumePdfJob | None = None

        # -- filters ---------------------------------------------------------------------
        self.year_label = QLabel()
        self.year = QComboBox()
        self.year.setObjectName("volumeYear")
        self.year.setMinimumContentsLength(8)
        self.class_label = QLabel()
        self.klass = QComboBox()
        self.klass.setObjectName("volumeClass")
        self.klass.setMinimumContentsLength(14)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.klass.currentIndexChanged.connect(lambda _i: self.reload())
        self.count_label = QLabel()
        self.build_button = QPushButton()
        self.build_button.setObjectName("volumeBuildButton")
        self.build_button.clicked.connect(self.open_build)
        bar = QHBoxLayout()
        bar.addWidget(self.year_label)
        bar.addWidget(self.year)
        bar.addSpacing(12)
        bar.addWidget(self.class_label)
        bar.addWidget(self.klass)
        bar.addSpacing(12)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.build_button)

        # -- the volume list: a drop target for items ------------------------------------
        self.model = VolumeListModel(self)
        self.model.items_dropped.connect(self._items_dropped)
        self.table = QTableView()
        self.table.setObjectName("volumeTable")
        self.table.setModel(self.model)
        self._table_look(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAcceptDrops(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.table.setDragDropOverwriteMode(True)  # items land on a volume, not between
        self.table.setDropIndicatorShown(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate((120, 420, 56, 56, 80, 160, 56, 56, 72)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(self._volume_chosen)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._volume_menu)

        # -- the chosen volume and its items ---------------------------------------------
        self.heading = QLabel()
        self.heading.setObjectName("volumeHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _bold(self.heading)
        self.facts = QLabel()
        self.facts.setObjectName("volumeFacts")
        self.facts.setWordWrap(True)
        self.title_button = QPushButton()
        self.title_button.setObjectName("volumeTitleButton")
        self.title_button.clicked.connect(self.edit_title)
        self.add_button = QPushButton()
        self.add_button.setObjectName("volumeAddButton")
        self.add_button.clicked.connect(self.add_items)
        self.items = VolumeItemsModel(self)
        self.item_table = QTableView()
        self.item_table.setObjectName("volumeItemTable")
        self.item_table.setModel(self.items)
        self._table_look(self.item_table)
        self.item_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.item_table.setDragEnabled(True)
        self.item_table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.item_table.setDefaultDropAction(Qt.DropAction.MoveAction)
        for column, width in enumerate((64, 140, 460, 100, 56, 90)):
            self.item_table.setColumnWidth(column, width)
        self.item_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.item_table.horizontalHeader().setStretchLastSection(False)
        self.item_table.doubleClicked.connect(lambda index: self.open_item(index.row()))
        self.item_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.item_table.customContextMenuRequested.connect(self._item_menu)
        self.hint = QLabel()
        self.hint.setObjectName("volumeHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

        top = QWidget()
        tlayout = QVBoxLayout(top)
        tlayout.setContentsMargins(0, 0, 0, 0)
        tlayout.addLayout(bar)
        tlayout.addWidget(self.table, 1)
        bottom = QWidget()
        blayout = QVBoxLayout(bottom)
        blayout.setContentsMargins(0, 4, 0, 0)
        head = QHBoxLayout()
        texts = QVBoxLayout()
        texts.addWidget(self.heading)
        texts.addWidget(self.facts)
        head.addLayout(texts, 1)
        head.addWidget(self.title_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        blayout.addLayout(head)
        blayout.addWidget(self.item_table, 1)
        blayout.addWidget(self.hint)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(bottom)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.split)
        self.retranslate()

    def _table_look(self, table: QTableView) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)

    # -- loading -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def filters(self) -> tuple[int | None, str | None]:
        year, klass = self.year.currentData(), self.klass.currentData()
        return (
            int(year) if isinstance(year, int) else None,
            str(klass) if isinstance(klass, str) else None,
        )

    def reload(self, select: Sequence[str] = ()) -> None:
        """Read the volumes again (on a worker thread) and select `select`, else the
        volume shown; a hidden view only notes that it must read them when shown."""
        if select:
            self._wanted = list(select)
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        year, klass = self.filters()
        self.loading = True
        self._show_count()

        def work(
            _ctx: TaskContext,
        ) -> tuple[list[tuple[str, str]], list[int], list[VolumeSummary]]:
            classes = browse.nav_children(self.archive)
            years = {
                node.scope.year
                for c in classes
                for node in browse.nav_children(self.archive, c.scope)
                if node.scope.year is not None
            }
            rows = volumes.list_volumes(self.archive, year, klass)
            return (
                [(str(c.scope.class_code), c.label) for c in classes],
                sorted(years, reverse=True),
                rows,
            )

        def done(result: Any) -> None:
            if generation != self._generation:
                return
            self.loading = False
            classes, years, rows = result
            self._set_filters(classes, years)
            self._set_rows(rows)

        def failed(exc: BaseException, details: str) -> None:
            if generation == self._generation:
                self.loading = False
                self._show_count()
                errors.show_error(self, exc, details)

        self.runner.submit(self.tr("读取案卷"), work, on_done=done, on_error=failed, quiet=True)

    def _set_filters(self, classes: list[tuple[str, str]], years: list[int]) -> None:
        """Refill the filters, keeping what is chosen."""
        year, klass = self.filters()
        self.classes, self.years = classes, years
        self.year.blockSignals(True)
        self.klass.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("全部年度"), None)
        for value in sorted({*years, *([year] if year is not None else [])}, reverse=True):
            self.year.addItem(self.tr("{year}年").format(year=value), value)
        self.year.setCurrentIndex(max(0, self.year.findData(year)) if year is not None else 0)
        self.klass.clear()
        self.klass.addItem(self.tr("全部类别"), None)
        for code, name in classes:
            self.klass.addItem(f"{code} {name}", code)
        if klass is not None and self.klass.findData(klass) < 0:
            self.klass.addItem(klass, klass)
        self.klass.setCurrentIndex(max(0, self.klass.findData(klass)) if klass else 0)
        self.year.blockSignals(False)
        self.klass.blockSignals(False)

    def choose(self, year: int | None, class_code: str | None) -> None:
        """Set the filters (a year or a class not listed yet is added)."""
        self.year.blockSignals(True)
        self.klass.blockSignals(True)
        if year is not None and self.year.findData(year) < 0:
            self.year.addItem(self.tr("{year}年").format(year=year), year)
        if class_code and self.klass.findData(class_code) < 0:
            self.klass.addItem(class_code, class_code)
        self.year.setCurrentIndex(max(0, self.year.findData(year)) if year is not None else 0)
        self.klass.setCurrentIndex(max(0, self.klass.findData(class_code)) if class_code else 0)
        self.year.blockSignals(False)
        self.klass.blockSignals(False)

    def _set_rows(self, rows: list[VolumeSummary]) -> None:
        wanted, self._wanted = self._wanted, []
        keep = wanted or ([self.current_code] if self.current_code else [])
        self.model.set_rows(rows)
        self._show_count()
        found = [r for r in (self.model.row_of(c) for c in keep) if r is not None]
        if not found and rows:
            found = [0]
        if not found:
            self._show_volume(None)
            return
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(
            self.model.index(found[0], 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        for row in found[1:]:
            selection.select(self.model.index(row, 0), flags)
        self.table.scrollTo(self.model.index(found[0], 0))

    def _show_count(self) -> None:
        if self.loading:
            self.count_label.setText(self.tr("读取中…"))
        else:
            self.count_label.setText(self.tr("{n} 卷").format(n=self.model.rowCount()))

    def _volume_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        volume = self.model.volume(current.row()) if current.isValid() else None
        self._show_volume(volume.code if volume else None)

    def _show_volume(self, code: str | None) -> None:
        """Read the volume's items (on a worker thread) and show them."""
        self.current_code = code
        self._items_generation += 1
        generation = self._items_generation
        if code is None:
            self.items.set_volume(None)
            self._show_heading()
            return

        def work(_ctx: TaskContext) -> VolumeView:
            return volumes.show(self.archive, code)

        def done(view: Any) -> None:
            if generation == self._items_generation and isinstance(view, VolumeView):
                self.items.set_volume(view)
                self.item_table.setColumnHidden(5, not view.paged)
                self._show_heading()

        def failed(exc: BaseException, details: str) -> None:
            if generation == self._items_generation:
                errors.show_error(self, exc, details)

        self.runner.submit(self.tr("读取案卷"), work, on_done=done, on_error=failed, quiet=True)

    def _show_heading(self) -> None:
        view = self.items.view
        changeable = editable(view)
        self.title_button.setEnabled(changeable)
        self.add_button.setEnabled(changeable)
        if view is None:
            self.heading.setText(
                self.tr("没有案卷：点“组卷…”把未组卷的档案件组成案卷")
                if not self.model.rowCount() and not self.loading
                else self.tr("未选案卷")
            )
            self.facts.setText("")
            return
        self.heading.setText(f"{view.code}　{view.title}")
        if view.dissolved:
            self.facts.setText(
                self.tr("{status}：{note}").format(status=status_text(view.status), note=view.note)
            )
            return
        paging = self.tr("编页号（保管期限30年以上）") if view.paged else self.tr("不编页号")
        self.facts.setText(
            self.tr(
                "{year}年　{klass}类　保管期限 {retention}　{dates}　{items} 件 {pages} 页　{paging}　{status}"
            ).format(
                year=view.year,
                klass=view.class_code,
                retention=retention_text(view.retention),
                dates=dates_text(view.start, view.end),
                items=view.items,
                pages=view.pages,
                paging=paging,
                status=status_text(view.status),
            )
        )

    def current_volume(self) -> VolumeView | None:
        return self.items.view

    def selected_numbers(self) -> list[str]:
        rows = sorted({i.row() for i in self.item_table.selectionModel().selectedRows()})
        if not rows and self.item_table.currentIndex().isValid():
            rows = [self.item_table.currentIndex().row()]
        return [e.number for e in (self.items.entry(r) for r in rows) if e is not None]

    def select_volume(self, code: str) -> None:
        """Show a volume (listed or not: the filters open to its year and class)."""
        row = self.model.row_of(code)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            return
        self.choose(None, None)
        self.reload(select=[code])

    # -- commands ------------------------------------------------------------------------
    def open_item(self, row: int | None = None) -> None:
        entry = self.items.entry(row if row is not None else self.item_table.currentIndex().row())
        if entry is not None:
            self.item_opened.emit(entry.number)

    def open_build(self) -> None:
        year, klass = self.filters()
        volume = self.current_volume()
        dialog = VolumeBuildDialog(
            self.archive,
            self.runner,
            self.classes,
            self.years,
            year=year or (volume.year if volume else None),
            class_code=klass or (volume.class_code if volume else None),
            parent=self,
        )
        dialog.built.connect(self._built)
        dialog.open()
        self.build_dialog = dialog

    def _built(self, made: list[VolumeSummary]) -> None:
        if not made:
            return
        self.choose(made[0].year, made[0].class_code)
        codes = [v.code for v in made]
        self.reload(select=codes)
        self.changed.emit()
        text = (
            self.tr("已组成 1 卷：{first}").format(first=codes[0])
            if len(codes) == 1
            else self.tr("已组成 {n} 卷：{first} 至 {last}").format(
                n=len(codes), first=codes[0], last=codes[-1]
            )
        )
        self.message.emit(text)

    def _items_dropped(self, numbers: list[str], source: str, target: str) -> None:
        row = self.model.row_of(target)
        volume = self.model.volume(row) if row is not None else None
        if volume is None or not numbers:
            return
        self._open_move(numbers, source, [volume], target)

    def move_items(self) -> None:
        """移到其他案卷…: the volumes of the same year and class are read first."""
        view, numbers = self.current_volume(), self.selected_numbers()
        if view is None or not numbers:
            return
        source = view.code

        def work(_ctx: TaskContext) -> list[VolumeSummary]:
            rows = volumes.list_volumes(self.archive, view.year, view.class_code)
            return [r for r in rows if r.code != source and r.editable]

        def done(targets: Any) -> None:
            self._open_move(numbers, source, list(targets), None)

        self.runner.submit(
            self.tr("读取案卷"),
            work,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
            quiet=True,
        )

    def _open_move(
        self, numbers: list[str], source: str, targets: list[VolumeSummary], target: str | None
    ) -> None:
        titles = self._titles(numbers) if self.items.code == source else {}
        dialog = MoveItemsDialog(
            self.archive, self.runner, numbers, titles, source, targets, target, self
        )
        dialog.changed.connect(
            lambda code: self._changed(
                code,
                self.tr("已将 {n} 件移到 {target}").format(
                    n=len(numbers), target=dialog.target_code() or ""
                ),
            )
        )
        self._open(dialog)

    def remove_items(self) -> None:
        """移出案卷: the items become unfiled again."""
        view, numbers = self.current_volume(), self.selected_numbers()
        if view is None or not numbers:
            return
        dialog = RemoveItemsDialog(
            self.archive, self.runner, numbers, self._titles(numbers), view, self
        )
        dialog.changed.connect(
            lambda code: self._changed(
                code,
                self.tr("已将 {n} 件移出 {code}").format(n=len(numbers), code=code),
            )
        )
        self._open(dialog)

    def add_items(self) -> None:
        """加入案卷…: unfiled items of the volume's year and class (read first)."""
        view = self.current_volume()
        if view is None:
            return

        def work(_ctx: TaskContext) -> list[browse.ItemRow]:
            ids = volumes.unfiled(self.archive, view.year, view.class_code)
            rows = browse.item_rows(self.archive, ids)
            return [rows[i] for i in ids if i in rows]

        def done(candidates: Any) -> None:
            dialog = AddItemsDialog(self.archive, self.runner, view, list(candidates), self)
            dialog.changed.connect(
                lambda code: self._changed(
                    code,
                    self.tr("已将 {n} 件加入 {code}").format(n=len(dialog.chosen()), code=code),
                )
            )
            self._open(dialog)

        self.runner.submit(
            self.tr("读取未组卷的件"),
            work,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
            quiet=True,
        )

    def dissolve(self, volume: VolumeSummary | None = None) -> None:
        """撤销案卷…: an empty volume, with a reason; its row stays, marked 已撤销."""
        volume = volume or self.current_volume()
        if volume is None:
            return
        dialog = VolumeDissolveDialog(self.archive, self.runner, volume, self)
        dialog.changed.connect(
            lambda code: self._changed(
                code, self.tr("已撤销案卷 {code}（案卷号保留不用）").format(code=code)
            )
        )
        self._open(dialog)

    def edit_title(self) -> None:
        view = self.current_volume()
        if view is None:
            return
        dialog = VolumeTitleDialog(self.archive, self.runner, view, self)
        dialog.changed.connect(
            lambda code: self._changed(code, self.tr("已修改 {code} 的题名").format(code=code))
        )
        self._open(dialog)

    def open_registers(self, kind: str | None = None) -> RegistersDialog:
        """登记表…: the volume shown is preselected (its 卷内文件目录), else the year
        and class of the filters (the 归档文件目录)."""
        view = self.current_volume()
        year, klass = self.filters()
        if view is not None:
            selection = forms.Selection(
                volume=view.code, year=view.year, class_code=view.class_code
            )
        else:
            selection = forms.Selection(year=year, class_code=klass)
        chosen = kind or ("volume-contents" if view is not None else "item-list")
        dialog = RegistersDialog(self.archive, self.runner, self, kind=chosen, selection=selection)
        self._open(dialog)
        return dialog

    def assemble_pdf(self, out_path: Path | None = None) -> VolumePdfJob | None:
        """生成组卷 PDF…: the volume shown, built in the background (progress, cancel)."""
        view = self.current_volume()
        if view is None:
            return None
        job = VolumePdfJob(self.archive, self.runner, view.code, self, out_path)
        job.finished.connect(
            lambda path: (
                self.message.emit(self.tr("已生成组卷 PDF：{file}").format(file=path))
                if path
                else None
            )
        )
        self.pdf_job = job
        job.start()
        return job

    def _titles(self, numbers: list[str]) -> dict[str, str]:
        wanted = set(numbers)
        return {e.number: e.title for e in self.items.entries if e.number in wanted}

    def _open(self, dialog: QDialog) -> None:
        dialog.open()
        self.change_dialog = dialog

    def _changed(self, code: str, text: str) -> None:
        self.reload(select=[code])
        self.changed.emit()
        self.message.emit(text)

    # -- menus ---------------------------------------------------------------------------
    def _item_menu(self, point: QPoint) -> None:
        index = self.item_table.indexAt(point)
        if not index.isValid():
            return
        selection = self.item_table.selectionModel()
        if not selection.isRowSelected(index.row(), QModelIndex()):
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        changeable = editable(self.current_volume())
        menu = QMenu(self.item_table)
        menu.setObjectName("volumeItemMenu")
        menu.addAction(self.tr("查看件详情")).triggered.connect(lambda: self.open_item())
        menu.addSeparator()
        for text, slot in (
            (self.tr("移到其他案卷…"), self.move_items),
            (self.tr("移出案卷…"), self.remove_items),
        ):
            action = menu.addAction(text)
            action.setEnabled(changeable)
            action.triggered.connect(slot)
        self.item_menu = menu
        menu.popup(self.item_table.viewport().mapToGlobal(point))

    def _volume_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        menu = QMenu(self.table)
        menu.setObjectName("volumeMenu")
        if index.isValid():
            volume = self.model.volume(index.row())
            if volume is not None and volume.code != self.current_code:
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            changeable = editable(volume)
            for text, slot in (
                (self.tr("修改题名…"), self.edit_title),
                (self.tr("加入案卷…"), self.add_items),
            ):
                action = menu.addAction(text)
                action.setEnabled(changeable)
                action.triggered.connect(slot)
            dissolve = menu.addAction(self.tr("撤销案卷…"))
            dissolve.setObjectName("dissolveVolume")
            dissolve.setEnabled(changeable and volume is not None and not volume.items)
            dissolve.setToolTip(self.tr("只能撤销空卷：案卷号保留不用，撤销理由记入案卷目录备注"))
            dissolve.triggered.connect(lambda: self.dissolve(volume))
            menu.addSeparator()
            menu.addAction(self.tr("登记表…")).triggered.connect(lambda: self.open_registers())
            menu.addAction(self.tr("生成组卷 PDF…")).triggered.connect(lambda: self.assemble_pdf())
            menu.addSeparator()
        menu.addAction(self.tr("组卷…")).triggered.connect(self.open_build)
        self.volume_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(point))

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.year_label.setText(self.tr("年度"))
        self.class_label.setText(self.tr("类别"))
        self.build_button.setText(self.tr("组卷…"))
        self.build_button.setToolTip(
            self.tr("把一个年度、一个类别中未组卷的档案件按月、季度或年组成案卷")
        )
        self.title_button.setText(self.tr("修改题名…"))
        self.add_button.setText(self.tr("加入案卷…"))
        self.add_button.setToolTip(self.tr("把同年度、同类别中未组卷的档案件加入本卷"))
        self.hint.setText(
            self.tr(
                "把件拖到上方另一个案卷上即可移卷（同年度、同类别、同保管期限）；"
                "右键菜单可移出案卷或移到其他案卷；每次修改都须填写理由，记入审计记录。"
            )
        )
        if self.year.count():
            self.year.setItemText(0, self.tr("全部年度"))
            for index in range(1, self.year.count()):
                self.year.setItemText(
                    index, self.tr("{year}年").format(year=self.year.itemData(index))
                )
        if self.klass.count():
            self.klass.setItemText(0, self.tr("全部类别"))
        self.model.retranslate()
        self.items.retranslate()
        self._show_count()
        self._show_heading()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# -- filing into volumes (组卷) ------------------------------------------------------------


class VolumeBuildDialog(QDialog):
    """组卷…: year, class, by month/quarter/year, optional catalogue; the plan shows
    live; building runs on the write thread and reports the volumes made."""

    built = Signal(list)  # the volumes made (`VolumeSummary`, as `volumes.build` returns them)

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        classes: list[tuple[str, str]],
        years: list[int],
        *,
        year: int | None = None,
        class_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("volumeBuildDialog")
        self.archive = archive
        self.runner = runner
        self.busy = False
        self.plan: list[PlannedVolume] = []
        self.others: list[VolumeRef] = []  # volumes of another period (the core says)
        self.plan_error = ""
        self.planning = False
        self._generation = 0
        self.klass = QComboBox()
        self.klass.setObjectName("buildClass")
        if not classes:
            classes = [(c["code"], c["name"]) for c in browse.scheme_table(archive)]
        for code, name in classes:
            self.klass.addItem(f"{code} {name}", code)
        if class_code:
            if self.klass.findData(class_code) < 0:
                self.klass.addItem(class_code, class_code)
            self.klass.setCurrentIndex(self.klass.findData(class_code))
        self.year = QSpinBox()
        self.year.setObjectName("buildYear")
        self.year.setRange(1949, dt.date.today().year)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(year or (years[0] if years else dt.date.today().year))
        self.period = QComboBox()
        self.period.setObjectName("buildPeriod")
        for key in volumes.PERIODS:
            self.period.addItem("", key)
        self.catalogue = QLineEdit()
        self.catalogue.setObjectName("buildCatalogue")
        self.catalogue.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9A-Za-z]{0,16}"), self)
        )
        self.rule = QLabel()
        self.rule.setObjectName("buildRule")
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #555;")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addWidget(self.rule, 1)
        for key in ("class", "year", "period", "catalogue"):
            self.labels[key] = QLabel()
        self.form.addRow(self.labels["class"], self.klass)
        self.form.addRow(self.labels["year"], year_row)
        self.form.addRow(self.labels["period"], self.period)
        self.form.addRow(self.labels["catalogue"], self.catalogue)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("buildPlan")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        for column, width in enumerate((130, 80, 56, 64)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setObjectName("buildSummary")
        self.summary.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("buildWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5300;")
        self.warning.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.build)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.resize(1060, 520)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_plan)
        self.klass.currentIndexChanged.connect(lambda _i: self._changed())
        self.year.valueChanged.connect(lambda _v: self._changed())
        self.period.currentIndexChanged.connect(lambda _i: self._changed())
        self.catalogue.textChanged.connect(lambda _t: self._show_plan())
        self.retranslate()
        self.refresh_plan()

    @property
    def build_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def choose(self, year: int, class_code: str, period: str = "month") -> None:
        self.klass.setCurrentIndex(max(0, self.klass.findData(class_code)))
        self.year.setValue(year)
        self.period.setCurrentIndex(max(0, self.period.findData(period)))

    def request(self) -> tuple[int, str, str]:
        return self.year.value(), str(self.klass.currentData()), str(self.period.currentData())

    def _changed(self) -> None:
        self._generation += 1  # a plan asked for before this change is out of date
        self.planning = True
        self._show_plan()
        self._timer.start()

    def refresh_plan(self) -> None:
        """Ask the core what filing would make (a read, on a worker thread)."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        year, klass, period = self.request()
        self.planning = True
        self._show_plan()

        def work(_ctx: TaskContext) -> volumes.VolumePlan:
            return volumes.plan(self.archive, year, klass, period)

        def done(result: Any) -> None:
            if generation == self._generation and isinstance(result, volumes.VolumePlan):
                self.planning = False
                self.plan, self.others = list(result.volumes), list(result.others)
                self.plan_error = ""
                self._show_plan()

        def failed(exc: BaseException, details: str) -> None:
            if generation != self._generation:
                return
            self.planning = False
            self.plan, self.others = [], []
            if isinstance(exc, ArchivistError):
                self.plan_error = exc.message()
                self._show_plan()
            else:
                self.plan_error = ""
                self._show_plan()
                errors.show_error(self, exc, details)

        self.runner.submit(self.tr("组卷预览"), work, on_done=done, on_error=failed, quiet=True)

    def _show_plan(self) -> None:
        self.table.setRowCount(len(self.plan))
        for row, plan in enumerate(self.plan):
            cells = (
                period_text(plan.period_key),
                retention_text(plan.retention),
                str(plan.items),
                self.tr("是") if plan.paged else "",
                plan.title,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column == 2:
                    cell.setTextAlignment(RIGHT)
                self.table.setItem(row, column, cell)
        catalogue = self.catalogue.text().strip().upper() or str(self.klass.currentData())
        if self.planning:
            text = self.tr("正在计算组卷方案…")
        elif self.plan_error:
            text = self.plan_error
        else:
            text = self.tr(
                "将组成 {volumes} 卷，共 {items} 件；案卷号在目录号 {catalogue} 下接续编号，"
                "卷内按办结日期排列，保管期限30年以上的案卷编页号。"
            ).format(
                volumes=len(self.plan),
                items=sum(p.items for p in self.plan),
                catalogue=catalogue,
            )
        self.summary.setText(text)
        warning = self.warning_text() if not self.planning and self.plan else ""
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        self.build_button.setEnabled(bool(self.plan) and not self.planning and not self.busy)

    def warning_text(self) -> str:
        """Volumes of another period already made for the year and class ("" if none)."""
        if not self.others:
            return ""
        year, klass, period = self.request()
        return volumes.mixed_periods_error(year, klass, period, self.others).message()

    def confirm_mixed(self) -> bool:
        """Ask before filing beside volumes of another period."""
        answer = QMessageBox.question(
            self,
            self.tr("组卷"),
            self.tr("{warning}\n\n仍然组卷？").format(warning=self.warning_text()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def build(self) -> None:
        if not self.plan or self.planning or self.busy:
            return
        year, klass, period = self.request()
        catalogue = self.catalogue.text().strip() or None
        mixed_ok = bool(self.others)
        if mixed_ok and not self.confirm_mixed():
            return
        self.busy = True
        self._show_plan()
        self.summary.setText(self.tr("正在组卷…"))

        def work(_ctx: TaskContext) -> list[VolumeSummary]:
            return volumes.build(
                self.archive, year, klass, period, catalogue=catalogue, mixed_ok=mixed_ok
            )

        def done(made: Any) -> None:
            self.busy = False
            self.built.emit(list(made))
            self.accept()

        def failed(exc: BaseException, details: str) -> None:
            self.busy = False
            self._show_plan()
            errors.show_error(self, exc, details)
            self.refresh_plan()

        self.runner.submit(self.tr("组卷"), work, write=True, on_done=done, on_error=failed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("组卷"))
        for key, text in (
            ("class", self.tr("类别")),
            ("year", self.tr("年度")),
            ("period", self.tr("组卷方式")),
            ("catalogue", self.tr("目录号")),
        ):
            self.labels[key].setText(text)
        for index, text in enumerate((self.tr("按月"), self.tr("按季度"), self.tr("按年"))):
            self.period.setItemText(index, text)
        self.rule.setText(self.tr("不能跨年组卷：一卷只收同一年度、同一类别、同一保管期限的档案件"))
        self.catalogue.setPlaceholderText(self.tr("可不填：默认用类别代码"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("期间"),
                self.tr("保管期限"),
                self.tr("件数"),
                self.tr("编页号"),
                self.tr("题名（自动生成，组卷后可修改）"),
            ]
        )
        self.build_button.setText(self.tr("组卷"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("取消"))
        self._show_plan()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# -- changes, each with a reason (audited) --------------------------------------------------


class _ChangeDialog(QDialog):
    """What the change dialogs share: a heading, a form, the reason, save through the
    runner (the core call on the write thread); a refusal comes up in the error dialog
    and the dialog stays open."""

    changed = Signal(str)  # the volume to show afterwards

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self.busy = False
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.reason = QLineEdit()
        self.reason.setObjectName("volumeReason")
        self.reason.textChanged.connect(self.check)
        self.problem = QLabel()
        self.problem.setObjectName("volumeProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a11d1d;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

    def _row(self, key: str, field: QWidget) -> None:
        label = QLabel()
        self.labels[key] = label
        self.form.addRow(label, field)

    def _numbers_field(self, numbers: list[str], titles: dict[str, str]) -> QLabel:
        shown = [f"{n}　{titles[n]}" if n in titles else n for n in numbers[:8]]
        if len(numbers) > 8:
            shown.append(self.tr("……共 {n} 件").format(n=len(numbers)))
        label = QLabel("\n".join(shown))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def save_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert button is not None
        return button

    def problem_text(self) -> str:
        """Why saving is not possible yet ("" when it is)."""
        return "" if self.reason.text().strip() else self.tr("请填写理由")

    def check(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.save_button.setEnabled(not problem and not self.busy)

    def run(self, reason: str) -> str:
        """The core call (on a worker thread); the volume to show afterwards."""
        raise NotImplementedError

    def save(self) -> None:
        if self.problem_text() or self.busy:
            return
        self.busy = True
        self.check()
        reason = self.reason.text().strip()

        def work(_ctx: TaskContext) -> str:
            return self.run(reason)

        def done(code: object) -> None:
            self.busy = False
            self.changed.emit(str(code))
            self.accept()

        def failed(exc: BaseException, details: str) -> None:
            self.busy = False
            self.check()
            errors.show_error(self, exc, details)

        self.runner.submit(self.windowTitle(), work, write=True, on_done=done, on_error=failed)

    def retranslate_common(self) -> None:
        self.reason.setPlaceholderText(self.tr("必须填写（记入审计记录）"))
        if "reason" in self.labels:
            self.labels["reason"].setText(self.tr("理由"))
        for which, text in (
            (QDialogButtonBox.StandardButton.Save, self.tr("保存")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("取消")),
        ):
            button = self.buttons.button(which)
            if button is not None:
                button.setText(text)
        self.check()

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MoveItemsDialog(_ChangeDialog):
    """Move items to another volume (dragged onto it, or chosen here)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        numbers: list[str],
        titles: dict[str, str],
        source: str,
        targets: list[VolumeSummary],
        target: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("moveItemsDialog")
        self.numbers = numbers
        self.source = source
        self.target = QComboBox()
        self.target.setObjectName("moveTarget")
        for volume in targets:
            self.target.addItem(f"{volume.code}　{volume.title}", volume.code)
        if target is not None:
            self.target.setCurrentIndex(max(0, self.target.findData(target)))
        self.setMinimumWidth(680)
        self.target.currentIndexChanged.connect(lambda _i: self.check())
        self._row("from", QLabel(source))
        self._row("to", self.target)
        self._row("items", self._numbers_field(numbers, titles))
        self._row("reason", self.reason)
        self.retranslate()

    def target_code(self) -> str | None:
        data = self.target.currentData()
        return str(data) if data else None

    def problem_text(self) -> str:
        if self.target_code() is None:
            return self.tr("同一年度、同一类别没有其他案卷可以移入")
        return super().problem_text()

    def run(self, reason: str) -> str:
        target = self.target_code()
        assert target is not None
        volumes.move_items(self.archive, self.numbers, target, reason)
        return self.source

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("移到其他案卷"))
        self.heading.setText(
            self.tr(
                "把 {n} 件从案卷 {source} 移到另一案卷；两卷须同年度、同类别、同保管期限，卷内顺序号和页号随之重排。"
            ).format(n=len(self.numbers), source=self.source)
        )
        for key, text in (
            ("from", self.tr("原案卷")),
            ("to", self.tr("移到")),
            ("items", self.tr("档案件")),
        ):
            self.labels[key].setText(text)
        self.retranslate_common()


class RemoveItemsDialog(_ChangeDialog):
    """Take items out of their volume: they are unfiled again."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        numbers: list[str],
        titles: dict[str, str],
        volume: VolumeSummary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("removeItemsDialog")
        self.numbers = numbers
        self.code = volume.code
        self._row("volume", QLabel(f"{volume.code}　{volume.title}"))
        self._row("items", self._numbers_field(numbers, titles))
        self._row("reason", self.reason)
        self.retranslate()

    def run(self, reason: str) -> str:
        volumes.remove_items(self.archive, self.code, self.numbers, reason)
        return self.code

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("移出案卷"))
        self.heading.setText(
            self.tr(
                "移出的 {n} 件成为未组卷的件，可再加入同年度、同类别的案卷；本卷的顺序号和页号随之重排。"
            ).format(n=len(self.numbers))
        )
        self.labels["volume"].setText(self.tr("案卷"))
        self.labels["items"].setText(self.tr("档案件"))
        self.retranslate_common()


NUMBER_ROLE = Qt.ItemDataRole.UserRole


class AddItemsDialog(_ChangeDialog):
    """Put unfiled items of the volume's year and class into it (ticked in a list;
    items kept for another period cannot go in and are shown greyed)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        volume: VolumeSummary,
        candidates: list[browse.ItemRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("addItemsDialog")
        self.volume = volume
        self.code = volume.code
        self.list = QListWidget()
        self.list.setObjectName("addCandidates")
        self.list.setMinimumHeight(220)
        same = [c for c in candidates if c.retention == volume.retention]
        other = [c for c in candidates if c.retention != volume.retention]
        for row in same + other:
            item = QListWidgetItem(
                f"{row.number}　{row.completed_on}　{row.title}　{retention_text(row.retention)}"
            )
            item.setData(NUMBER_ROLE, row.number)
            if row.retention == volume.retention:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        self.list.itemChanged.connect(lambda _i: self.check())
        self._row("volume", QLabel(f"{volume.code}　{volume.title}"))
        self._row("items", self.list)
        self._row("reason", self.reason)
        self.retranslate()

    def candidates(self) -> list[QListWidgetItem]:
        return [i for i in (self.list.item(r) for r in range(self.list.count())) if i is not None]

    def tick(self, number: str, checked: bool = True) -> None:
        for item in self.candidates():
            if item.data(NUMBER_ROLE) == number:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [
            str(i.data(NUMBER_ROLE))
            for i in self.candidates()
            if i.flags() & Qt.ItemFlag.ItemIsEnabled and i.checkState() == Qt.CheckState.Checked
        ]

    def problem_text(self) -> str:
        if not self.list.count():
            return self.tr("{year}年{klass}类没有未组卷的档案件").format(
                year=self.volume.year, klass=self.volume.class_code
            )
        if not self.chosen():
            return self.tr("请勾选要加入的档案件")
        return super().problem_text()

    def run(self, reason: str) -> str:
        volumes.add_items(self.archive, self.code, self.chosen(), reason)
        return self.code

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("加入案卷"))
        self.heading.setText(
            self.tr(
                "同年度、同类别中未组卷的档案件（保管期限不同的不能加入，显示为灰色）；加入后按办结日期排到卷内相应位置。"
            )
        )
        for item in self.candidates():
            if not item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setToolTip(self.tr("保管期限与本卷不同，不能加入"))
        self.labels["volume"].setText(self.tr("案卷"))
        self.labels["items"].setText(self.tr("档案件"))
        self.retranslate_common()


class VolumeTitleDialog(_ChangeDialog):
    """Correct a volume's title (the generated one, or an earlier correction)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        volume: VolumeSummary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("volumeTitleDialog")
        self.code = volume.code
        self.old = volume.title
        self.title = QLineEdit(self.old)
        self.title.setObjectName("volumeTitle")
        self.title.setCursorPosition(0)
        self.title.textChanged.connect(lambda _t: self.check())
        self._row("title", self.title)
        self._row("reason", self.reason)
        self.setMinimumWidth(720)
        self.retranslate()

    def problem_text(self) -> str:
        text = self.title.text().strip()
        if not text:
            return self.tr("题名不能为空")
        if text == self.old:
            return self.tr("尚未修改题名")
        return super().problem_text()

    def run(self, reason: str) -> str:
        volumes.set_title(self.archive, self.code, self.title.text().strip(), reason)
        return self.code

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("修改案卷题名 — {code}").format(code=self.code))
        self.heading.setText(self.tr("案卷 {code}").format(code=self.code))
        self.labels["title"].setText(self.tr("题名"))
        self.retranslate_common()


class VolumeDissolveDialog(_ChangeDialog):
    """Dissolve an empty volume (撤销案卷): its case number stays, explained by the
    reason (`archivist.arrangement.volumes.dissolve`)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        volume: VolumeSummary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("volumeDissolveDialog")
        self.code = volume.code
        self.volume_title = volume.title
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self._row("reason", self.reason)
        self.form.addRow(self.note)
        self.retranslate()

    def run(self, reason: str) -> str:
        volumes.dissolve(self.archive, self.code, reason)
        return self.code

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("撤销案卷 — {code}").format(code=self.code))
        self.heading.setText(
            self.tr("案卷 {code}　{title}").format(code=self.code, title=self.volume_title)
        )
        self.note.setText(
            self.tr(
                "撤销后案卷号 {code} 保留不用（不会分给下一次组卷），在案卷列表和案卷目录中标为已撤销，"
                "理由记入备注和审计记录。"
            ).format(code=self.code)
        )
        self.retranslate_common()
        self.save_button.setText(self.tr("撤销案卷"))
