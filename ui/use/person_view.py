"""The person file (一人一档) window: a name, ID number or unit credit code in the search
box; the person or unit found (every name seen, the ID number as the signed-in person may
see it); every item that concerns them — as their own, on a roster, as a voucher's
person — with where it is or who has it on loan; their benefit events below. A
double-click on an item opens it in the main window.

What the core refuses (nothing found, a bad ID number, a name several people share) is
said on the dialog's problem line; only an internal error comes up in the error dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archivist.access.person_file import PersonFile, PersonFileEntry, person_file
from archivist.archive import Archive
from archivist.capture.benefit_events import BenefitEventView
from archivist.errors import ArchivistError
from archivist.rules.retention import Retention
from ui import errors
from ui.rows_model import Column, RowsModel, table_look
from ui.screen import fit_to_screen

OpenItem = Callable[[str], None]


def how_text(how: str) -> str:
    texts = {
        "entity": QCoreApplication.translate("PersonFileView", "本人/本单位"),
        "roster": QCoreApplication.translate("PersonFileView", "名册"),
        "voucher": QCoreApplication.translate("PersonFileView", "凭证"),
    }
    return texts.get(how, how)


def kind_text(kind: str) -> str:
    texts = {
        "review_change": QCoreApplication.translate("PersonFileView", "待遇审核变更"),
        "reissue": QCoreApplication.translate("PersonFileView", "二次发放"),
        "recovery": QCoreApplication.translate("PersonFileView", "追回待遇"),
    }
    return texts.get(kind, kind)


def _retention(code: str) -> str:
    period = Retention(code)
    if period.is_permanent:
        return QCoreApplication.translate("PersonFileView", "永久")
    if period.years is None:
        return period.label
    return QCoreApplication.translate("PersonFileView", "{n}年").format(n=period.years)


def place_text(entry: PersonFileEntry) -> str:
    if entry.on_loan:
        return QCoreApplication.translate("PersonFileView", "借出：{loan}").format(
            loan=entry.on_loan
        )
    if entry.location:
        return entry.location
    if entry.box:
        return QCoreApplication.translate("PersonFileView", "已装盒，未上架")
    return QCoreApplication.translate("PersonFileView", "未装盒")


def _period(event: BenefitEventView) -> str:
    if not (event.period_from or event.period_to):
        return ""
    start = event.period_from.isoformat() if event.period_from else "…"
    end = event.period_to.isoformat() if event.period_to else "…"
    return f"{start} – {end}"


class PersonEntriesModel(RowsModel):
    columns = (
        Column("number", QT_TRANSLATE_NOOP("PersonEntriesModel", "件号"), lambda e: e.number),
        Column(
            "completed_on",
            QT_TRANSLATE_NOOP("PersonEntriesModel", "办结日期"),
            lambda e: e.completed_on.isoformat(),
        ),
        Column(
            "class",
            QT_TRANSLATE_NOOP("PersonEntriesModel", "类别"),
            lambda e: f"{e.class_code} {e.class_name}",
        ),
        Column(
            "business_type",
            QT_TRANSLATE_NOOP("PersonEntriesModel", "业务类型"),
            lambda e: e.business_type,
        ),
        Column("title", QT_TRANSLATE_NOOP("PersonEntriesModel", "题名"), lambda e: e.title),
        Column(
            "retention",
            QT_TRANSLATE_NOOP("PersonEntriesModel", "保管期限"),
            lambda e: _retention(e.retention),
        ),
        Column("how", QT_TRANSLATE_NOOP("PersonEntriesModel", "关联"), lambda e: how_text(e.how)),
        Column("volume", QT_TRANSLATE_NOOP("PersonEntriesModel", "案卷"), lambda e: e.volume or ""),
        Column("box", QT_TRANSLATE_NOOP("PersonEntriesModel", "盒"), lambda e: e.box or ""),
        Column("place", QT_TRANSLATE_NOOP("PersonEntriesModel", "位置/借出"), place_text),
    )

    def key_of(self, row: Any) -> str:
        return str(row.number)

    def foreground(self, row: Any, column: Column) -> Any:
        if column.key == "place" and row.on_loan:
            from PySide6.QtGui import QColor

            return QColor("#a11d1d")
        return None


class BenefitEventsModel(RowsModel):
    columns = (
        Column(
            "date",
            QT_TRANSLATE_NOOP("BenefitEventsModel", "日期"),
            lambda e: e.happened_on.isoformat(),
        ),
        Column(
            "kind", QT_TRANSLATE_NOOP("BenefitEventsModel", "事项"), lambda e: kind_text(e.kind)
        ),
        Column("person", QT_TRANSLATE_NOOP("BenefitEventsModel", "姓名"), lambda e: e.person),
        Column(
            "id_number",
            QT_TRANSLATE_NOOP("BenefitEventsModel", "身份证号"),
            lambda e: e.id_number or "",
        ),
        Column(
            "amount",
            QT_TRANSLATE_NOOP("BenefitEventsModel", "金额（元）"),
            lambda e: e.amount or "",
            right=True,
        ),
        Column("period", QT_TRANSLATE_NOOP("BenefitEventsModel", "期间"), _period),
        Column(
            "bank_change",
            QT_TRANSLATE_NOOP("BenefitEventsModel", "银行账户变更"),
            lambda e: e.bank_change,
        ),
        Column("item", QT_TRANSLATE_NOOP("BenefitEventsModel", "件号"), lambda e: e.item_number),
        Column("note", QT_TRANSLATE_NOOP("BenefitEventsModel", "备注"), lambda e: e.note),
    )

    def key_of(self, row: Any) -> str:
        return str(row.id)


class PersonFileDialog(QDialog):
    """一人一档: search, the person or unit found, their items and benefit events."""

    def __init__(
        self,
        parent: QWidget | None,
        archive: Archive,
        query: str = "",
        open_item: OpenItem | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personFileDialog")
        self.archive = archive
        self.open_item = open_item
        self.found: PersonFile | None = None
        self.query = QLineEdit(query)
        self.query.setObjectName("personQuery")
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run)
        self.go = QPushButton()
        self.go.setObjectName("personSearch")
        self.go.clicked.connect(self.run)
        self.problem = QLabel()
        self.problem.setObjectName("personProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a11d1d;")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.who = QLabel()
        self.who.setObjectName("personWho")
        self.who.setWordWrap(True)
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.entries = PersonEntriesModel(self)
        self.table = QTableView()
        self.table.setObjectName("personEntries")
        self.table.setModel(self.entries)
        table_look(self.table, interactive=True)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open)
        self.events = BenefitEventsModel(self)
        self.events_table = QTableView()
        self.events_table.setObjectName("personEvents")
        self.events_table.setModel(self.events)
        table_look(self.events_table, interactive=True)
        self.events_table.doubleClicked.connect(self._open_event)
        self.items_box = QGroupBox()
        QVBoxLayout(self.items_box).addWidget(self.table)
        self.events_box = QGroupBox()
        QVBoxLayout(self.events_box).addWidget(self.events_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.items_box)
        split.addWidget(self.events_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.print_list = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_list.setObjectName("personPrintList")
        self.print_list.clicked.connect(self.save_list)
        self.print_list.setEnabled(False)
        self.saved = QLabel()
        self.saved.setObjectName("personSaved")
        self.saved.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.go)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.problem)
        layout.addWidget(self.who)
        layout.addWidget(split, 1)
        layout.addWidget(self.saved)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1100, 680)
        self.retranslate()
        self.problem.setVisible(False)
        if query.strip():
            self.run()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("一人一档"))
        self.query.setPlaceholderText(self.tr("姓名、身份证号或统一社会信用代码"))
        self.go.setText(self.tr("查询"))
        self.print_list.setText(self.tr("打印清单…"))
        self.print_list.setToolTip(
            self.tr("把这份一人一档的档案清单存为 Word 文件（.docx）以便打印")
        )
        self.items_box.setTitle(self.tr("相关档案（双击打开）"))
        self.events_box.setTitle(self.tr("待遇事项"))
        self.entries.retranslate()
        self.events.retranslate()
        self._show_who()

    def run(self) -> None:
        """Ask the core for the person file of what the box says."""
        text = self.query.text().strip()
        if not text:
            self._say(self.tr("请输入姓名、身份证号或统一社会信用代码"))
            return
        try:
            found = person_file(self.archive, text)
        except ArchivistError as exc:
            self.found = None
            self.print_list.setEnabled(False)
            self.entries.set_rows([])
            self.events.set_rows([])
            self._show_who()
            self._say(exc.message())
            return
        except Exception as exc:  # a defect: the error dialog with its details
            errors.show_error(self, exc)
            return
        self._say("")
        self.saved.setText("")
        self.found = found
        self.print_list.setEnabled(bool(found.entries))
        self.entries.set_rows(found.entries)
        self.events.set_rows(found.events)
        self.table.resizeColumnsToContents()
        self.events_table.resizeColumnsToContents()
        self._show_who()

    def save_list(self) -> None:
        """打印清单…: the person file as a printable list (the `person-file` register)."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from archivist.registers.forms import Selection, generate

        found = self.found
        if found is None:
            return
        name = (found.who.names[0] if found.who.names else "person") + "-一人一档.docx"
        out, _filter = QFileDialog.getSaveFileName(
            self, self.tr("保存档案清单"), name, self.tr("Word 文件 (*.docx)")
        )
        if not out:
            return
        query = found.who.ref or self.query.text().strip()
        try:
            made = generate(self.archive, "person-file", Path(out), Selection(query=query))
        except ArchivistError as exc:
            self._say(exc.message())
            return
        except Exception as exc:  # a defect: the error dialog with its details
            errors.show_error(self, exc)
            return
        self.saved.setText(self.tr("已保存：{path}").format(path=made.get("file", out)))

    def _say(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _show_who(self) -> None:
        found = self.found
        if found is None:
            self.who.setText("")
            return
        who = found.who
        kind = self.tr("个人") if who.kind == "person" else self.tr("单位")
        ident = who.id_number or who.unit_code or self.tr("（无证件号码）")
        self.who.setText(
            self.tr("{kind}：{names}　{ident}　共 {items} 件，待遇事项 {events} 条").format(
                kind=kind,
                names="、".join(who.names),
                ident=ident,
                items=len(found.entries),
                events=len(found.events),
            )
        )

    def _open(self, index: QModelIndex) -> None:
        entry = self.entries.row(index.row())
        if entry is not None:
            self.open_number(entry.number)

    def _open_event(self, index: QModelIndex) -> None:
        event = self.events.row(index.row())
        if event is not None:
            self.open_number(event.item_number)

    def open_number(self, number: str) -> None:
        """Open item `number` in the main window (the callback given), if any."""
        if self.open_item is not None:
            self.open_item(number)


def window_opener(widget: QWidget) -> OpenItem | None:
    """How `widget`'s main window opens an item in its items view, if it can."""
    opener = getattr(widget.window(), "open_item_from_volume", None)
    return opener if callable(opener) else None


def open_person_file(
    parent: QWidget,
    archive: Archive,
    query: str = "",
    open_item: OpenItem | None = None,
) -> None:
    """Show the person file window for `query` (empty: the search box waits). It stays
    open beside the main window (not modal); a double-click opens an item there."""
    dialog = PersonFileDialog(parent, archive, query, open_item or window_opener(parent))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda *_: _forget(dialog))
    dialog.show()


_open_dialogs: list[PersonFileDialog] = []


def _forget(dialog: PersonFileDialog) -> None:
    if dialog in _open_dialogs:
        _open_dialogs.remove(dialog)


def open_dialogs() -> list[PersonFileDialog]:
    """The person file windows open now (for the window and its tests)."""
    return list(_open_dialogs)
