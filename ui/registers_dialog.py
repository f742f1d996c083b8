"""登记表…: choose a register and what it covers, see it as it will print, export it.

The kinds are those of `archivist.registers.forms.KINDS`; each needs its own selection (a
volume; a year and class; a box; a handover batch; for the registers of use a period, a
loan and the day it is overdue on, or a person) and only those inputs are enabled.
The preview shows the header fields and the table exactly as the writers print them:
headings from the register's layout (`archivist.registers.layouts`), rows from
`registers.collect`, unknown values blank, and the page orientation noted. Exporting
(.docx, or .xlsx for the catalogues) runs `registers.generate` on the write thread; the
core's refusal (an empty selection, a missing volume) comes up in the error dialog.
Once written, 打开 opens the file in its program and 打印 sends it to the printer
through the system's print verb (Windows), or opens it to be printed from there.

`VolumePdfJob` builds a volume's assembled PDF (`archivist.arrangement.volume_pdf.assemble`) in the
background with progress and cancel, and afterwards offers to open it or its folder.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.access import browse
from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.changes.states import LoanState
from archivist.errors import ArchivistError
from archivist.handover import handovers
from archivist.registers import forms, layouts
from archivist.registers.layouts import DocumentData, Field, Heading, Layout, Orientation, Style
from archivist.rules.identity import mask_id_number
from archivist.use import requests
from ui import errors
from ui.files import open_file, print_file
from ui.screen import fit_to_screen
from ui.tasks import TaskContext, TaskRunner

# The kinds in the order of registers.md, with their Chinese names.
KIND_NAMES: list[tuple[str, object]] = [
    ("item-list", QT_TRANSLATE_NOOP("RegistersDialog", "归档文件目录")),
    ("box-notes", QT_TRANSLATE_NOOP("RegistersDialog", "备考表")),
    ("volume-cover", QT_TRANSLATE_NOOP("RegistersDialog", "案卷封面")),
    ("volume-contents", QT_TRANSLATE_NOOP("RegistersDialog", "卷内文件目录")),
    ("volume-notes", QT_TRANSLATE_NOOP("RegistersDialog", "卷内备考表")),
    ("volume-list", QT_TRANSLATE_NOOP("RegistersDialog", "案卷目录")),
    ("spine-labels", QT_TRANSLATE_NOOP("RegistersDialog", "盒脊标签")),
    ("handover", QT_TRANSLATE_NOOP("RegistersDialog", "归档交接单")),
    ("loans", QT_TRANSLATE_NOOP("RegistersDialog", "借阅登记簿")),
    ("use-effect", QT_TRANSLATE_NOOP("RegistersDialog", "利用效果登记")),
    ("benefit-events", QT_TRANSLATE_NOOP("RegistersDialog", "待遇事项登记簿")),
    ("overdue-notice", QT_TRANSLATE_NOOP("RegistersDialog", "催还通知")),
    ("person-file", QT_TRANSLATE_NOOP("RegistersDialog", "一人一档清单")),
]

# The inputs each kind uses. Where a box and a year are both offered, a box given wins.
NEEDS: dict[str, tuple[str, ...]] = {
    "item-list": ("year", "class", "box"),
    "box-notes": ("box",),
    "volume-cover": ("volume",),
    "volume-contents": ("volume",),
    "volume-notes": ("volume",),
    "volume-list": ("year", "class"),
    "spine-labels": ("year", "class", "box"),
    "handover": ("handover",),
    "loans": ("period",),
    "use-effect": ("period",),
    "benefit-events": ("period",),
    "overdue-notice": ("request", "as_of"),
    "person-file": ("query",),
}
INPUTS = ("volume", "year", "class", "box", "handover", "period", "request", "as_of", "query")
# an ID number (15 or 18 characters): never in a file name
ID_NUMBER = re.compile(r"\d{17}[\dXx]|\d{15}")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def kind_name(kind: str) -> str:
    for key, name in KIND_NAMES:
        if key == kind:
            return QCoreApplication.translate("RegistersDialog", str(name))
    return kind


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def this_month(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the month `today` is in."""
    first = today.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def safe_name(text: str) -> str:
    """A file name part without the characters Windows refuses."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_")


class RegistersDialog(QDialog):
    """Kind, selection, preview, export. `export(path)` is what the buttons call after
    the save dialog (the tests call it with a path)."""

    exported = Signal(dict)  # what registers.generate returned

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        kind: str = "volume-contents",
        selection: forms.Selection | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registersDialog")
        self.archive = archive
        self.runner = runner
        self.previewing = False
        self.exporting = False
        self.data: DocumentData | None = None
        self.preview_error = ""
        self.last_export: dict[str, Any] | None = None
        self._generation = 0
        chosen = selection or forms.Selection()

        # -- what ------------------------------------------------------------------------
        self.kind = QComboBox()
        self.kind.setObjectName("registerKind")
        for key, _name in KIND_NAMES:
            self.kind.addItem("", key)
        self.volume = QComboBox()
        self.volume.setObjectName("registerVolume")
        self.volume.setEditable(True)
        self.volume.setMinimumContentsLength(30)
        self.year = QSpinBox()
        self.year.setObjectName("registerYear")
        self.year.setRange(1949, dt.date.today().year + 1)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(chosen.year or dt.date.today().year)
        self.klass = QComboBox()
        self.klass.setObjectName("registerClass")
        self.klass.setMinimumContentsLength(14)
        self.klass.addItem("", None)
        self.box = QLineEdit(chosen.box or "")
        self.box.setObjectName("registerBox")
        self.batch = QComboBox()
        self.batch.setObjectName("registerHandover")
        self.batch.setEditable(True)
        self.batch.setMinimumContentsLength(24)
        if chosen.volume:
            self.volume.addItem(chosen.volume, chosen.volume)
        if chosen.handover:
            self.batch.addItem(chosen.handover, chosen.handover)
        if chosen.class_code:
            self.klass.addItem(chosen.class_code, chosen.class_code)
            self.klass.setCurrentIndex(1)
        # the registers of use: a period (this month), a loan and a day, a person
        first, last = this_month(dt.date.today())
        self.start = self._date_edit("registerFrom", chosen.start or first)
        self.end = self._date_edit("registerTo", chosen.end or last)
        self.to_label = QLabel()
        self.period = QWidget()
        period_row = QHBoxLayout(self.period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(self.start)
        period_row.addWidget(self.to_label)
        period_row.addWidget(self.end)
        period_row.addStretch(1)
        self.request = QComboBox()
        self.request.setObjectName("registerRequest")
        self.request.setEditable(True)
        self.request.setMinimumContentsLength(24)
        if chosen.request:
            self.request.addItem(chosen.request, chosen.request)
        self.as_of = self._date_edit("registerAsOf", chosen.as_of or dt.date.today())
        self.query = QLineEdit(chosen.query or "")
        self.query.setObjectName("registerQuery")
        self.inputs: dict[str, QWidget] = {
            "volume": self.volume,
            "year": self.year,
            "class": self.klass,
            "box": self.box,
            "handover": self.batch,
            "period": self.period,
            "request": self.request,
            "as_of": self.as_of,
            "query": self.query,
        }
        self.labels: dict[str, QLabel] = {key: QLabel() for key in ("kind", *INPUTS)}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.labels["kind"], self.kind)
        form.addRow(self.labels["volume"], self.volume)
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addSpacing(12)
        year_row.addWidget(self.labels["class"])
        year_row.addWidget(self.klass, 1)
        form.addRow(self.labels["year"], year_row)
        form.addRow(self.labels["box"], self.box)
        form.addRow(self.labels["handover"], self.batch)
        form.addRow(self.labels["period"], self.period)
        request_row = QHBoxLayout()
        request_row.addWidget(self.request, 1)
        request_row.addSpacing(12)
        request_row.addWidget(self.labels["as_of"])
        request_row.addWidget(self.as_of)
        form.addRow(self.labels["request"], request_row)
        form.addRow(self.labels["query"], self.query)
        self.hint = QLabel()
        self.hint.setObjectName("registerHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

        # -- the preview -----------------------------------------------------------------
        self.title = QLabel()
        self.title.setObjectName("previewTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.orientation = QLabel()
        self.orientation.setObjectName("previewOrientation")
        self.orientation.setStyleSheet("color: #555;")
        self.fields_box = QWidget()
        self.fields_grid = QGridLayout(self.fields_box)
        self.fields_grid.setContentsMargins(0, 0, 0, 0)
        self.fields_grid.setHorizontalSpacing(8)
        self.field_values: dict[str, QLabel] = {}
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("previewTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.footer = QLabel()
        self.footer.setObjectName("previewFooter")
        self.footer.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("registerStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        paper = QFrame()
        paper.setObjectName("previewPaper")
        paper.setFrameShape(QFrame.Shape.StyledPanel)
        players = QVBoxLayout(paper)
        self.paper_layout = players
        head = QHBoxLayout()
        head.addStretch(1)
        head.addWidget(self.title, 2)
        head.addWidget(self.orientation, 1, Qt.AlignmentFlag.AlignRight)
        players.addLayout(head)
        players.addWidget(self.fields_box)
        players.addWidget(self.table, 1)
        players.addWidget(self.footer)
        players.addStretch(0)  # takes the room a form (no table) leaves

        self.word_button = QPushButton()
        self.word_button.setObjectName("exportWord")
        self.word_button.clicked.connect(self.export_word)
        self.excel_button = QPushButton()
        self.excel_button.setObjectName("exportExcel")
        self.excel_button.clicked.connect(self.export_excel)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        # the register just written: open it, or print it
        self.open_button = QPushButton()
        self.open_button.setObjectName("openExported")
        self.open_button.clicked.connect(self.open_exported)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printExported")
        self.print_button.clicked.connect(self.print_exported)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.word_button)
        buttons.addWidget(self.excel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(paper, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 1180, 760)  # a 1366x768 laptop shows the buttons

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh_preview)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.volume.currentTextChanged.connect(lambda _t: self._changed())
        self.year.valueChanged.connect(lambda _v: self._changed())
        self.klass.currentIndexChanged.connect(lambda _i: self._changed())
        self.box.textChanged.connect(lambda _t: self._changed())
        self.batch.currentTextChanged.connect(lambda _t: self._changed())
        self.start.dateChanged.connect(lambda _d: self._changed())
        self.end.dateChanged.connect(lambda _d: self._changed())
        self.request.currentTextChanged.connect(lambda _t: self._changed())
        self.as_of.dateChanged.connect(lambda _d: self._changed())
        # a person file is looked up (and logged) once typed, not at every key
        self.query.textChanged.connect(lambda _t: self._query_typed())
        self.query.returnPressed.connect(self.refresh_preview)
        self.retranslate()
        self._enable_inputs()
        self._load_choices()
        self.refresh_preview()

    def _date_edit(self, name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(qdate(day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # -- the selection -------------------------------------------------------------------
    def start_date(self) -> dt.date:
        return pydate(self.start)

    def end_date(self) -> dt.date:
        return pydate(self.end)

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def layout_(self) -> Layout:
        return layouts.get_layout(self.current_kind())

    def choose_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def _used(self) -> tuple[str, ...]:
        """The inputs the kind uses now (a box given replaces the year and class)."""
        needs = NEEDS[self.current_kind()]
        if "box" in needs and self.box.text().strip():
            return ("box",)
        return needs

    @staticmethod
    def _combo_value(combo: QComboBox) -> str | None:
        text = combo.currentText().strip()
        if not text:
            return None
        index = combo.findText(text)
        data = combo.itemData(index) if index >= 0 else None
        return str(data) if data else text.split()[0]

    def selection(self) -> forms.Selection:
        used = self._used()
        klass = self.klass.currentData()
        return forms.Selection(
            volume=self._combo_value(self.volume) if "volume" in used else None,
            year=self.year.value() if "year" in used else None,
            class_code=str(klass) if "class" in used and klass else None,
            box=(self.box.text().strip() or None) if "box" in used else None,
            handover=self._combo_value(self.batch) if "handover" in used else None,
            start=self.start_date() if "period" in used else None,
            end=self.end_date() if "period" in used else None,
            request=self._combo_value(self.request) if "request" in used else None,
            as_of=pydate(self.as_of) if "as_of" in used else None,
            query=(self.query.text().strip() or None) if "query" in used else None,
        )

    def _enable_inputs(self) -> None:
        needs = NEEDS[self.current_kind()]
        used = self._used()
        for key in INPUTS:
            on = key in needs
            self.inputs[key].setEnabled(on and (key == "box" or key in used))
            self.labels[key].setEnabled(on)

    def _kind_changed(self) -> None:
        self._enable_inputs()
        self._show_hint()
        self.excel_button.setEnabled(self.layout_().spreadsheet and not self.exporting)
        self._changed()

    def _changed(self) -> None:
        self._enable_inputs()
        self._generation += 1  # a preview asked for before this change is out of date
        self.previewing = True
        self._show_status()
        self._timer.start()

    def _query_typed(self) -> None:
        self._timer.stop()
        self._generation += 1  # a lookup already under way is out of date
        if not self.query.text().strip():
            self.refresh_preview()  # says what is missing
            return
        self.previewing = False
        self.data, self.preview_error = None, self.tr("输入完后按回车键查询")
        self._show_preview()

    def _load_choices(self) -> None:
        """Volumes, classes and handover batches for the inputs (read on a worker)."""

        def work(_ctx: TaskContext) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
            return (
                volumes.list_volumes(self.archive),
                browse.scheme_table(self.archive),
                handovers.list_batches(self.archive),
                requests.list_requests(self.archive, status=LoanState.OUT.value),
            )

        def done(result: Any) -> None:
            rows, classes, batches, loans = result
            self._fill(self.volume, [(v.code, f"{v.code}　{v.title}") for v in rows])
            self._fill(self.batch, [(b.number, b.number) for b in batches])
            self._fill_requests([(r.number, f"{r.number}　{r.borrower_name}") for r in loans])
            klass = self.klass.currentData()
            self.klass.blockSignals(True)
            while self.klass.count() > 1:
                self.klass.removeItem(1)
            for entry in classes:
                self.klass.addItem(f"{entry['code']} {entry['name']}", entry["code"])
            if klass and self.klass.findData(klass) < 0:
                self.klass.addItem(str(klass), klass)
            self.klass.setCurrentIndex(max(0, self.klass.findData(klass)) if klass else 0)
            self.klass.blockSignals(False)

        self.runner.submit(
            self.tr("读取登记范围"),
            work,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
            quiet=True,
        )

    @staticmethod
    def _fill(combo: QComboBox, entries: list[tuple[str, str]]) -> None:
        """Refill an editable combo, keeping the value chosen (also one not listed)."""
        keep = RegistersDialog._combo_value(combo)
        combo.blockSignals(True)
        combo.clear()
        for data, text in entries:
            combo.addItem(text, data)
        index = combo.findData(keep) if keep else -1
        if keep and index < 0:
            combo.insertItem(0, keep, keep)
            index = 0
        combo.setCurrentIndex(index if index >= 0 else (0 if keep is None and entries else -1))
        combo.blockSignals(False)

    def _fill_requests(self, entries: list[tuple[str, str]]) -> None:
        """The loans out, to choose from; the text typed or chosen stays as it is."""
        text = self.request.currentText()
        keep = self._combo_value(self.request)
        self.request.blockSignals(True)
        self.request.clear()
        for data, shown in entries:
            self.request.addItem(shown, data)
        index = self.request.findData(keep) if keep else -1
        self.request.setCurrentIndex(index)
        if index < 0:
            self.request.setEditText(text)
        self.request.blockSignals(False)

    # -- the preview ---------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Collect the register's data (a read, on a worker thread) and show it."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        kind, selection = self.current_kind(), self.selection()
        missing = self._missing(selection)
        if missing:  # said in the window's words, not the command line's option
            self.previewing = False
            self.data, self.preview_error = None, missing
            self._show_preview()
            return
        self.previewing = True
        self._show_status()

        def work(_ctx: TaskContext) -> DocumentData:
            return forms.collect(self.archive, kind, selection)

        def done(data: Any) -> None:
            if generation == self._generation and isinstance(data, DocumentData):
                self.previewing = False
                self.data, self.preview_error = data, ""
                self._show_preview()

        def failed(exc: BaseException, details: str) -> None:
            if generation != self._generation:
                return
            self.previewing = False
            self.data = None
            if isinstance(exc, ArchivistError):
                self.preview_error = exc.message()
                self._show_preview()
            else:
                self.preview_error = ""
                self._show_preview()
                errors.show_error(self, exc, details)

        self.runner.submit(self.tr("登记表预览"), work, on_done=done, on_error=failed, quiet=True)

    def _missing(self, selection: forms.Selection) -> str:
        """What a register of use still needs typed in ("" when nothing)."""
        needs = NEEDS[self.current_kind()]
        if "request" in needs and not selection.request:
            return self.tr("请填写申请编号（借出未还的申请）")
        if "query" in needs and not selection.query:
            return self.tr("请填写要查的姓名、身份证号或统一社会信用代码")
        return ""

    def _clear_fields(self) -> None:
        while self.fields_grid.count():
            entry = self.fields_grid.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.deleteLater()
        self.field_values = {}

    def _value_label(self, key: str, text: str, lines: int = 1) -> QLabel:
        value = QLabel(text)
        value.setObjectName(f"field_{key}")
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setStyleSheet("border-bottom: 1px solid #888; padding: 1px 4px;")
        value.setMinimumHeight((self.fontMetrics().height() + 4) * max(1, min(lines, 3)))
        value.setAlignment(
            Qt.AlignmentFlag.AlignLeft
            | (Qt.AlignmentFlag.AlignVCenter if lines == 1 else Qt.AlignmentFlag.AlignTop)
        )
        self.field_values[key] = value
        return value

    def _show_fields(self, layout: Layout, data: DocumentData | None) -> None:
        """The labelled fields: two to a row for narrow ones, as the form prints them."""
        self._clear_fields()
        row = column = 0
        for entry in layout.fields:
            if isinstance(entry, Heading):
                if column:
                    row, column = row + 1, 0
                caption = QLabel(entry.label)
                caption.setStyleSheet("font-weight: bold;")
                self.fields_grid.addWidget(caption, row, 0, 1, 4)
                row += 1
                continue
            assert isinstance(entry, Field)
            text = layouts.field_value(data, entry.key) if data else ""
            label = QLabel(f"{entry.label}：")
            label.setAlignment(
                Qt.AlignmentFlag.AlignRight
                | (Qt.AlignmentFlag.AlignVCenter if entry.lines == 1 else Qt.AlignmentFlag.AlignTop)
            )
            value = self._value_label(entry.key, text, entry.lines)
            if entry.wide:
                if column:
                    row, column = row + 1, 0
                self.fields_grid.addWidget(label, row, 0)
                self.fields_grid.addWidget(value, row, 1, 1, 3)
                row += 1
            else:
                self.fields_grid.addWidget(label, row, column)
                self.fields_grid.addWidget(value, row, column + 1)
                column += 2
                if column >= 4:
                    row, column = row + 1, 0
        self.fields_grid.setColumnStretch(1, 1)
        self.fields_grid.setColumnStretch(3, 1)
        self.fields_box.setVisible(bool(layout.fields))

    def _show_table(self, layout: Layout, data: DocumentData | None) -> None:
        if not layout.columns:
            self.table.setColumnCount(0)
            self.table.setRowCount(0)
            self.table.hide()
            return
        self.table.show()
        empty = DocumentData()
        headings = layouts.headings(layout, data or empty)
        self.table.setColumnCount(len(headings))
        self.table.setHorizontalHeaderLabels(headings)
        rows = list(data.rows) if data else []
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                text = layouts.text(value)
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                column = layout.columns[c]
                if column.numeric:
                    cell.setTextAlignment(RIGHT)
                elif column.align == layouts.Align.CENTER:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, cell)
        # widths in proportion to the printed columns' weights
        total = sum(layouts.column_weights(layout)) or 1.0
        width = max(600, self.table.viewport().width() - 4)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for c, column in enumerate(layout.columns):
            needed = self.fontMetrics().horizontalAdvance(headings[c]) + 24
            self.table.setColumnWidth(c, max(needed, int(width * column.weight / total)))
        header.setStretchLastSection(True)

    def _footer_text(self, layout: Layout, data: DocumentData | None) -> str:
        parts: list[str] = []
        if layout.totals:
            shown = [
                f"{value} {total.unit}" if value else f"＿＿ {total.unit}"
                for total, value in layouts.totals(layout, data or DocumentData())
            ]
            parts.append(self.tr("合计：{totals}").format(totals="　".join(shown)))
        for signature in layout.signatures:
            name = layouts.field_value(data, signature.key) if data else ""
            line = f"{signature.label}：{name or '＿＿＿＿'}"
            if signature.date_label:
                day = layouts.field_value(data, signature.date_key) if data else ""
                line += f"　{signature.date_label}：{day or '＿＿＿＿'}"
            parts.append(line)
        return "\n".join(parts)

    def _show_preview(self) -> None:
        layout = self.layout_()
        data = self.data
        self.title.setText(layout.title)
        self._show_fields(layout, data)
        self._show_table(layout, data)
        footer = self._footer_text(layout, data)
        self.footer.setText(footer)
        self.footer.setVisible(bool(footer))
        self.paper_layout.setStretch(self.paper_layout.count() - 1, 0 if layout.columns else 1)
        self._show_status()

    def _show_status(self) -> None:
        layout = self.layout_()
        paper = (
            self.tr("A4 横向")
            if layout.orientation is Orientation.LANDSCAPE
            else self.tr("A4 纵向")
        )
        if layout.fields_on_cover:
            paper = self.tr("{paper}；表头各项印在封面上，表格另起一页").format(paper=paper)
        self.orientation.setText(paper)
        if self.exporting:
            text = self.tr("正在导出…")
        elif self.previewing:
            text = self.tr("正在读取预览…")
        elif self.preview_error:
            text = self.preview_error
        elif self.last_export is not None:
            text = self.tr("已导出：{file}").format(file=self.last_export["file"])
        elif self.data is not None and layout.style is not Style.FORM:
            text = self.tr("共 {n} 行").format(n=len(self.data.rows))
        else:
            text = ""
        self.status.setText(text)
        self.status.setStyleSheet("color: #a11d1d;" if self.preview_error else "")
        ready = self.data is not None and not self.previewing and not self.exporting
        self.word_button.setEnabled(ready)
        self.excel_button.setEnabled(ready and layout.spreadsheet)
        written = self.last_export is not None and not self.exporting
        self.open_button.setVisible(written)
        self.print_button.setVisible(written)

    def _show_hint(self) -> None:
        kind = self.current_kind()
        hints = {
            "item-list": self.tr(
                "一个年度（可限定类别）的档案件，或填写盒号只列一盒；按件号排列。"
            ),
            "box-notes": self.tr("一盒的备考表：填写盒号。"),
            "volume-cover": self.tr("选定案卷的封面。生成后记入审计记录，供交接检查。"),
            "volume-contents": self.tr("选定案卷的卷内文件目录。生成后记入审计记录，供交接检查。"),
            "volume-notes": self.tr("选定案卷的卷内备考表。"),
            "volume-list": self.tr("一个年度（可限定类别）的案卷，按目录号、案卷号排列。"),
            "spine-labels": self.tr("一盒，或一个年度（可限定类别）各盒的盒脊标签。"),
            "handover": self.tr("一个交接批次的归档交接单（退回的案卷不列入）。"),
            "loans": self.tr(
                "起止日期内的每次利用（借出、查阅、复制、电子调阅），每份档案一行；证件号码遮蔽。"
            ),
            "use-effect": self.tr("起止日期内每次利用的利用人、目的和登记的利用效果。"),
            "benefit-events": self.tr("起止日期内发生的待遇审核变更、二次发放、追回待遇事项。"),
            "overdue-notice": self.tr("一笔借阅（申请编号）截至某日仍未归还的档案；须已逾期。"),
            "person-file": self.tr(
                "按姓名、身份证号或统一社会信用代码，列出一个人（单位）的全部档案及存放位置。"
            ),
        }
        self.hint.setText(hints.get(kind, ""))

    # -- exporting -----------------------------------------------------------------------
    def default_name(self, suffix: str) -> str:
        selection = self.selection()
        query = selection.query
        if query and ID_NUMBER.fullmatch(query):
            query = mask_id_number(query)
        period = (
            f"{selection.start:%Y%m%d}-{selection.end:%Y%m%d}"
            if selection.start and selection.end
            else None
        )
        scope = (
            selection.volume
            or selection.handover
            or (f"盒{selection.box}" if selection.box else None)
            or selection.request
            or query
            or period
            or "-".join(str(p) for p in (selection.year, selection.class_code) if p)
        )
        return safe_name(f"{self.layout_().title}-{scope}") + suffix

    def _ask_path(self, suffix: str, pattern: str) -> Path | None:
        settings = QSettings()
        folder = str(settings.value("registers/folder", str(Path.home())))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出登记表"), str(Path(folder) / self.default_name(suffix)), pattern
        )
        if not path:
            return None
        chosen = Path(path)
        if chosen.suffix.lower() != suffix:
            chosen = chosen.with_name(chosen.name + suffix)
        settings.setValue("registers/folder", str(chosen.parent))
        return chosen

    def export_word(self) -> None:
        path = self._ask_path(".docx", self.tr("Word 文档 (*.docx)"))
        if path is not None:
            self.export(path)

    def export_excel(self) -> None:
        path = self._ask_path(".xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
        if path is not None:
            self.export(path)

    def export(self, path: Path) -> None:
        """Write the register to `path` (.docx or .xlsx) on the write thread."""
        if self.exporting:
            return
        kind, selection = self.current_kind(), self.selection()
        self.exporting = True
        self._show_status()

        def work(_ctx: TaskContext) -> dict[str, Any]:
            return forms.generate(self.archive, kind, path, selection)

        def done(result: Any) -> None:
            self.exporting = False
            self.last_export = dict(result)
            self._show_status()
            self.exported.emit(dict(result))

        def failed(exc: BaseException, details: str) -> None:
            self.exporting = False
            self._show_status()
            errors.show_error(self, exc, details)

        self.runner.submit(
            self.tr("导出{name}").format(name=kind_name(kind)),
            work,
            write=True,
            on_done=done,
            on_error=failed,
        )

    def exported_path(self) -> Path | None:
        return Path(str(self.last_export["file"])) if self.last_export is not None else None

    def open_exported(self) -> None:
        """打开: the register just written, in the program the system opens it with."""
        path = self.exported_path()
        if path is None:
            return
        if not open_file(path):
            self.status.setText(
                self.tr("无法打开 {file}：系统中没有打开它的程序").format(file=path)
            )

    def print_exported(self) -> None:
        """打印: the system's print verb where there is one, else opened to print from."""
        path = self.exported_path()
        if path is None:
            return
        how = print_file(path)
        if how == "printed":
            self.status.setText(self.tr("已送打印机：{file}").format(file=path))
        elif how == "opened":
            self.status.setText(self.tr("已打开 {file}，请在打开的程序中打印").format(file=path))
        else:
            self.status.setText(
                self.tr("无法打开 {file}：系统中没有打开它的程序").format(file=path)
            )

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("登记表"))
        for index, (_key, name) in enumerate(KIND_NAMES):
            self.kind.setItemText(index, self.tr(str(name)))
        for key, text in (
            ("kind", self.tr("登记表")),
            ("volume", self.tr("案卷")),
            ("year", self.tr("年度")),
            ("class", self.tr("类别")),
            ("box", self.tr("盒号")),
            ("handover", self.tr("交接单号")),
            ("period", self.tr("起止日期")),
            ("request", self.tr("申请编号")),
            ("as_of", self.tr("截至")),
            ("query", self.tr("查询")),
        ):
            self.labels[key].setText(text)
        self.klass.setItemText(0, self.tr("全部类别"))
        self.box.setPlaceholderText(self.tr("盒的编号或条码；填写后按盒登记"))
        self.to_label.setText(self.tr("至"))
        editor = self.request.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("借出未还的申请，如 LY-2026-0001"))
        self.query.setPlaceholderText(self.tr("姓名、身份证号或统一社会信用代码"))
        self.word_button.setText(self.tr("导出 Word…"))
        self.excel_button.setText(self.tr("导出 Excel…"))
        self.excel_button.setToolTip(self.tr("只有目录、登记簿和清单可导出为 Excel"))
        self.close_button.setText(self.tr("关闭"))
        self.open_button.setText(self.tr("打开"))
        self.open_button.setToolTip(self.tr("用系统中的程序打开刚导出的文件"))
        self.print_button.setText(self.tr("打印"))
        self.print_button.setToolTip(self.tr("把刚导出的文件送到打印机（不能直接打印时打开它）"))
        self._show_hint()
        self._show_preview()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def open_registers(
    archive: Archive,
    runner: TaskRunner,
    parent: QWidget,
    kind: str = "volume-contents",
    selection: forms.Selection | None = None,
) -> RegistersDialog:
    dialog = RegistersDialog(archive, runner, parent, kind=kind, selection=selection)
    dialog.open()
    return dialog
