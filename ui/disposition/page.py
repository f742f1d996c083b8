"""What the four pages of the 鉴定 view share: the page numbers, the look of their
tables and labels, their command buttons greyed with the reason in the tool tip, and the
signals by which the view (ui.disposition.view) reads a page again after a change.

The pages' texts keep the translation context of the view ("DispositionView"), which
they were written in, through QCoreApplication.translate."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archivist.accounts.roles import Right, holders_of
from archivist.archive import Archive
from ui.people.labels import roles_text
from ui.rows_model import table_look
from ui.tasks import TaskContext, TaskRunner
from ui.texts import bold

DUE, BATCHES, REGISTERS, HOLDS = range(4)

# what a page reads on the worker thread, what shows it, and the task's name
Reader = tuple[Callable[[TaskContext], Any], Callable[[Any], None], str]


def select_row(table: QTableView, row: int) -> None:
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    table.scrollTo(index)


def select_rows(table: QTableView, rows: list[int]) -> None:
    """Add rows to the table's selection."""
    model, selection = table.model(), table.selectionModel()
    for row in rows:
        selection.select(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def chosen_rows(table: QTableView) -> list[int]:
    return sorted({i.row() for i in table.selectionModel().selectedRows()})


def table(name: str, model: Any, widths: tuple[int, ...], *, many: bool = False) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    table_look(view, interactive=True)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if many
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def facts(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def heading(name: str) -> QLabel:
    label = facts(name)
    bold(label)
    return label


def stack(widget: QWidget, *parts: Any, top: int = 0) -> QWidget:
    """Widgets and layouts one under another in the widget; a table, tabs or a splitter
    take the height left."""
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, top, 0, 0)
    for part in parts:
        if isinstance(part, QWidget):
            layout.addWidget(
                part, 1 if isinstance(part, (QTableView, QTabWidget, QSplitter)) else 0
            )
        else:
            layout.addLayout(part)
    return widget


def split(top: QWidget, bottom: QWidget) -> QSplitter:
    """A list above, the one chosen below (three times its height)."""
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(top)
    splitter.addWidget(bottom)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 3)
    splitter.setChildrenCollapsible(False)
    splitter.setSizes([200, 500])
    return splitter


class DispositionPage(QWidget):
    """One page of the 鉴定 view: its list read on the worker thread (`reader`), its
    buttons (`buttons`, greyed with `why_not` in the tool tip) and its commands. After a
    change it says which page to read again (`done`) and which others are out of date."""

    message = Signal(str)  # a sentence for the status bar
    item_opened = Signal(str)  # an item to show in the items view
    done = Signal(int, str, str)  # a change: the page to read again, the row to choose, a sentence
    outdated = Signal(object)  # the pages (a set) to read again when next shown
    turn_to = Signal(int)  # the page to show
    opened = Signal(QDialog)  # a dialog of a command, open
    read_again = Signal()  # the page's filters changed
    document = Signal(str)  # a register (.docx) asked for, by kind (see the view)
    KEYS: tuple[str, ...] = ()  # the commands whose why_not the page answers

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self.loading = False
        self.wanted: str | None = None  # the row to choose when the list is next read
        self.tips: dict[str, str] = {}
        self.buttons: dict[str, QPushButton] = {}

    def reader(self) -> Reader:
        raise NotImplementedError

    def why_not(self, key: str) -> str:
        """Why a command is not offered now ("" when it is)."""
        raise NotImplementedError

    def show_count(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def _button(self, key: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(f"disposition_{key}")
        button.clicked.connect(lambda _c=False: slot())
        self.buttons[key] = button
        return button

    def show_buttons(self) -> None:
        """Each command enabled, or greyed with the reason in its tool tip."""
        for key in self.KEYS:
            why = self.why_not(key)
            self.buttons[key].setEnabled(not why)
            self.buttons[key].setToolTip(why or self.tips.get(key, ""))

    def refusal(self, right: Right) -> str:
        person = self.archive.person
        return QCoreApplication.translate(
            "DispositionView", "您的角色（{roles}）不能做这件事；需要：{holders}"
        ).format(
            roles=roles_text(person.roles)
            if person
            else QCoreApplication.translate("DispositionView", "未登录"),
            holders=roles_text(holders_of(right)),
        )

    def refill(self, model: Any, view: QTableView, rows: list[Any], current: str | None) -> Any:
        """The list read again with the row asked for, or the one chosen before, or the
        first chosen: its view (None when the list is empty)."""
        keep, self.wanted = self.wanted or current, None
        model.set_rows(rows)
        row = model.row_of(keep) if keep else None
        if row is None and rows:
            row = 0
        if row is None:
            return None
        select_row(view, row)
        return model.row(row)

    def open_dialog(self, dialog: QDialog) -> None:
        dialog.open()
        self.opened.emit(dialog)

    def open_item(self, row: Any) -> None:
        if row is not None:
            self.item_opened.emit(str(row.number))
