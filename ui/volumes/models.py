"""The volumes view's tables: the volumes, and the items of the one chosen (dragged
onto another volume to move them)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from archivist.arrangement.volumes import (
    VolumeEntry,
    VolumeSummary,
    VolumeView,
)
from ui.rows_model import Column, RowsModel
from ui.texts import (
    dates_text,
    iso_text,
    pages_text,
    retention_text,
    status_text,
)

MIME = "application/x-archivist-volume-items"  # {"volume": code, "numbers": [...]}


# -- models ------------------------------------------------------------------------------

VOLUME_COLUMNS: list[Column] = [
    Column("code", QT_TRANSLATE_NOOP("VolumeListModel", "档号"), lambda v: v.code),
    Column("title", QT_TRANSLATE_NOOP("VolumeListModel", "题名"), lambda v: v.title),
    Column("year", QT_TRANSLATE_NOOP("VolumeListModel", "年度"), lambda v: str(v.year)),
    Column("class", QT_TRANSLATE_NOOP("VolumeListModel", "类别"), lambda v: v.class_code),
    Column(
        "retention",
        QT_TRANSLATE_NOOP("VolumeListModel", "保管期限"),
        lambda v: retention_text(v.retention),
    ),
    Column(
        "dates",
        QT_TRANSLATE_NOOP("VolumeListModel", "起止日期"),
        lambda v: dates_text(v.start, v.end),
        tooltip=lambda v: f"{iso_text(v.start)} — {iso_text(v.end)}",
    ),
    Column("items", QT_TRANSLATE_NOOP("VolumeListModel", "件数"), lambda v: str(v.items), True),
    Column("pages", QT_TRANSLATE_NOOP("VolumeListModel", "页数"), lambda v: str(v.pages), True),
    Column("status", QT_TRANSLATE_NOOP("VolumeListModel", "状态"), lambda v: status_text(v.status)),
]
ITEM_COLUMNS: list[Column] = [
    Column("seq", QT_TRANSLATE_NOOP("VolumeItemsModel", "顺序号"), lambda e: str(e.seq), True),
    Column("number", QT_TRANSLATE_NOOP("VolumeItemsModel", "件号"), lambda e: e.number),
    Column("title", QT_TRANSLATE_NOOP("VolumeItemsModel", "题名"), lambda e: e.title),
    Column(
        "completed_on",
        QT_TRANSLATE_NOOP("VolumeItemsModel", "日期"),
        lambda e: e.completed_on.isoformat(),
    ),
    Column("pages", QT_TRANSLATE_NOOP("VolumeItemsModel", "页数"), lambda e: str(e.pages), True),
    Column(
        "page_range",
        QT_TRANSLATE_NOOP("VolumeItemsModel", "页号"),
        lambda e: pages_text(e.first_page, e.last_page),
        True,
    ),
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


class VolumeListModel(RowsModel):
    """The volumes (as `volumes.list_volumes` gives them); items dragged from a
    volume's item list can be dropped on a volume."""

    items_dropped = Signal(list, str, str)  # numbers, from volume, onto volume
    columns = VOLUME_COLUMNS
    rows: list[VolumeSummary]

    def key_of(self, row: Any) -> str:
        return str(row.code)

    def volume(self, row: int) -> VolumeSummary | None:
        found: VolumeSummary | None = self.row(row)
        return found

    def tooltip(self, row: Any, column: Column) -> str | None:
        if column.key != "dates" and row.dissolved and row.note:
            return str(row.note)  # why: its case number stays explained
        return super().tooltip(row, column)

    def foreground(self, row: Any, column: Column) -> Any:
        return QColor("#888888") if row.dissolved else None

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


class VolumeItemsModel(RowsModel):
    """The items of one volume in order (`volumes.show`); rows can be dragged."""

    columns = ITEM_COLUMNS
    rows: list[VolumeEntry]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view: VolumeView | None = None
        self.gone: dict[str, str] = {}  # a destroyed item's number -> its register

    def display(self, row: Any, column: Column) -> str:
        text = super().display(row, column)
        register = self.gone.get(row.number)
        if column.key == "title" and register:
            return self.tr("{title}（已销毁，{register}）").format(title=text, register=register)
        return text

    def foreground(self, row: Any, column: Column) -> Any:
        return QColor("#777777") if row.number in self.gone else None

    def set_volume(self, view: VolumeView | None) -> None:
        self.view = view
        self.set_rows(list(view.entries) if view else [])

    @property
    def entries(self) -> list[VolumeEntry]:
        return self.rows

    @property
    def code(self) -> str | None:
        return self.view.code if self.view else None

    def key_of(self, row: Any) -> str:
        return str(row.number)

    def entry(self, row: int) -> VolumeEntry | None:
        found: VolumeEntry | None = self.row(row)
        return found

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
