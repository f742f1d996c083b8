"""The classification scheme as an editable table (a tab of the settings).

One row per class (its default retention) followed by its business types (their own
retention, or the class default when they have none). The retention cells are edited
in place; every edit, confirmation and new business type goes through the core's
scheme service with a reason, and so into the audit trail. Rows the agency still has
to decide are marked: classes whose rows were not found in the retention schedule,
business types mapped to a schedule row by the product (to be confirmed), and types
without any retention period (items of that type cannot be captured yet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.access import browse
from archivist.archive import Archive
from archivist.changes.unit_of_work import Changes
from archivist.errors import ArchivistError
from archivist.rules import scheme
from archivist.rules.retention import ACCOUNTING, Retention, parse_retention
from ui import errors
from ui.reason_dialog import ask_reason
from ui.tasks import TaskContext, TaskRunner

KEY_ROLE = Qt.ItemDataRole.UserRole
RETENTION_COLUMN = 3
AGENCY_EDIT = "agency edit: "
# row states, each with its colour in the table
TODO, CONFIRM, OK, INHERITED = "todo", "confirm", "ok", "inherited"
COLOURS = {TODO: "#fbe3e1", CONFIRM: "#fff3d6"}


@dataclass(frozen=True)
class SchemeRow:
    """What one row of the table stands for."""

    kind: str  # class | type
    code: str
    name: str  # the business type; "" for a class row
    retention: str | None  # the row's own value (what its cell edits)
    state: str  # todo | confirm | ok | inherited


def parse_retention_text(text: str) -> str | None:
    """What a person typed in a retention cell, as a period code for the core (which
    checks it): Y or 永久, D10 or 10年 or 10, ACCOUNTING or 会计档案; empty is none."""
    value = text.strip().upper().replace(" ", "")
    if not value:
        return None
    if value in ("永久", "PERMANENT"):
        return "Y"
    if value in ("会计档案", "按会计档案"):
        return ACCOUNTING
    found = re.fullmatch(r"D?(\d+)(年|Y|YEARS?)?", value)
    if found:
        return f"D{int(found.group(1))}"
    return value


def retention_problem(text: str) -> str:
    """The core's sentence when what was typed in a retention cell is not a period."""
    value = parse_retention_text(text)
    if value is None or value == ACCOUNTING:
        return ""
    try:
        parse_retention(value)
    except ArchivistError as exc:
        return exc.message()
    return ""


class SchemeEditor(QWidget):
    changed = Signal()  # the scheme was changed (each change audited)

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("schemeEditor")
        self.archive = archive
        self.runner = runner
        self.rows: list[SchemeRow] = []
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("schemeTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in (0, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 150)
        self.table.setColumnWidth(2, 190)
        self.table.setColumnWidth(4, 220)
        self.table.itemChanged.connect(self._edited)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.only_open = QCheckBox()
        self.only_open.setObjectName("schemeOnlyOpen")
        self.only_open.toggled.connect(self._filter_rows)
        self.summary = QLabel()
        self.add_button = QPushButton()
        self.add_button.setObjectName("schemeAddType")
        self.add_button.clicked.connect(self.add_type)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("schemeConfirm")
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.problem = QLabel()
        self.problem.setObjectName("schemeProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a11d1d;")
        self.problem.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        bar = QHBoxLayout()
        bar.addWidget(self.only_open)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.confirm_button)
        bar.addWidget(self.add_button)
        layout.addLayout(bar)
        self.retranslate()
        self.load()

    # -- showing ------------------------------------------------------------------------
    def load(self) -> None:
        """Read the scheme from the archive and fill the table."""
        classes = browse.scheme_table(self.archive)
        self.classes = [(c["code"], c["name"]) for c in classes]
        cells: list[tuple[SchemeRow, list[str], list[str]]] = []
        for klass in classes:
            default = klass["default_retention"]
            if default is None and klass["status"] == "not_found":
                state, status = TODO, self.tr("本类条目未查到，待本机构填写")
            elif default is None:
                state, status = (OK if klass["business_types"] else TODO), self.tr("无默认期限")
            else:
                state, status = OK, self.tr("本类默认期限")
            row = SchemeRow("class", klass["code"], "", default, state)
            note = "" if state == TODO else str(klass.get("note") or "")
            cells.append(
                (
                    row,
                    [
                        klass["code"],
                        klass["name"],
                        self.tr("（本类默认）"),
                        self._label(default),
                        status,
                        note,
                    ],
                    ["", "", "", "", status, note],
                )
            )
            for bt in klass["business_types"]:
                state, status, tip = self._type_state(bt, default)
                row = SchemeRow("type", klass["code"], bt["name"], bt["retention"], state)
                basis = self._basis(bt)
                cells.append(
                    (
                        row,
                        [
                            klass["code"],
                            "",  # the class row above names it
                            bt["name"],
                            self._label(bt["retention"]),
                            status,
                            basis,
                        ],
                        ["", klass["name"], "", "", "\n".join(filter(None, (status, tip))), basis],
                    )
                )
        self.table.blockSignals(True)
        self.rows = [row for row, _texts, _tips in cells]
        self.table.setRowCount(len(cells))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for index, (row, texts, tips) in enumerate(cells):
            colour = COLOURS.get(row.state)
            for col, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setData(KEY_ROLE, index)
                if col != RETENTION_COLUMN:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    cell.setToolTip(self._edit_hint(row))
                if tips[col]:
                    cell.setToolTip(tips[col])
                if row.kind == "class":
                    cell.setFont(bold)
                if colour:
                    cell.setBackground(QBrush(QColor(colour)))
                if row.state == INHERITED and col == RETENTION_COLUMN:
                    cell.setForeground(QBrush(QColor("#777")))
                self.table.setItem(index, col, cell)
        self.table.blockSignals(False)
        todo = sum(1 for r in self.rows if r.state == TODO)
        confirm = sum(1 for r in self.rows if r.state == CONFIRM)
        self.summary.setText(
            self.tr("待填写 {todo} 项，待确认 {confirm} 项").format(todo=todo, confirm=confirm)
        )
        self._filter_rows()
        self._selection_changed()

    def _type_state(self, bt: dict[str, Any], default: str | None) -> tuple[str, str, str]:
        own = bt["retention"]
        confidence = str(bt.get("confidence") or "")
        agency = str(bt.get("basis") or "").startswith(AGENCY_EDIT) or confidence == "agency"
        if own is None and default is None:
            return TODO, self.tr("无保管期限，待本机构填写"), ""
        if own is None:
            return (
                INHERITED,
                self.tr("沿用本类默认（{period}）").format(period=self._label(default)),
                "",
            )
        if agency:
            return OK, self.tr("本机构设定"), confidence
        if confidence.startswith("mapped by product"):
            return (
                CONFIRM,
                self.tr("按产品对照 {item}，待本机构确认").format(item=bt["schedule_item"]),
                confidence,
            )
        if confidence.upper().startswith("UNCONFIRMED"):
            return CONFIRM, self.tr("原文不全，待本机构确认"), confidence
        if own == ACCOUNTING:
            return OK, self.tr("按会计档案管理（不在本类采集）"), confidence
        return OK, self.tr("依保管期限表"), confidence

    def _basis(self, bt: dict[str, Any]) -> str:
        basis = str(bt.get("basis") or "")
        if basis.startswith(AGENCY_EDIT):
            return self.tr("本机构修改：{reason}").format(reason=basis[len(AGENCY_EDIT) :])
        item = str(bt.get("schedule_item") or "")
        return " · ".join(part for part in (item, basis) if part)

    def _label(self, code: str | None) -> str:
        if code is None:
            return ""
        if code == "Y":
            return self.tr("永久")
        if code == ACCOUNTING:
            return self.tr("会计档案")
        years = Retention(code).years
        if years is not None:
            return self.tr("{n}年").format(n=years)
        return Retention(code).label

    def _edit_hint(self, row: SchemeRow) -> str:
        if row.kind == "class":
            return self.tr("双击修改本类默认期限：永久（Y）或 10年（D10）、30年、50年、100年")
        return self.tr("双击修改：永久（Y）或 10年（D10）、30年、50年、100年；清空则沿用本类默认")

    def _filter_rows(self) -> None:
        only = self.only_open.isChecked()
        for index, row in enumerate(self.rows):
            self.table.setRowHidden(index, only and row.state not in (TODO, CONFIRM))

    def _selection_changed(self) -> None:
        row = self.selected()
        self.confirm_button.setEnabled(row is not None and row.retention is not None)

    def selected(self) -> SchemeRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def row_index(self, code: str, name: str = "") -> int:
        """The table row of a class (name "") or of a business type; -1 if none."""
        return next((i for i, r in enumerate(self.rows) if (r.code, r.name) == (code, name)), -1)

    # -- editing ------------------------------------------------------------------------
    def _edited(self, cell: QTableWidgetItem) -> None:
        if cell.column() != RETENTION_COLUMN:
            return
        row = self.rows[int(cell.data(KEY_ROLE))]
        self.show_problem("")
        problem = retention_problem(cell.text())
        if problem:  # said under the table; no reason is asked for a value that cannot be
            self.show_problem(problem)
            QTimer.singleShot(0, self.load)
            return
        value = parse_retention_text(cell.text())
        if value == row.retention:
            QTimer.singleShot(0, self.load)  # the same period, written another way
            return
        what = row.code if row.kind == "class" else f"{row.code} {row.name}"
        reason = self._ask_reason(
            self.tr("{what}：{before} → {after}").format(
                what=what,
                before=self._label(row.retention) or self.tr("（无）"),
                after=self._label_or_text(value) or self.tr("（无）"),
            )
        )
        if reason is None:
            QTimer.singleShot(0, self.load)  # not while the cell's editor is closing
            return
        self.set_retention(row, value, reason)

    def _label_or_text(self, code: str | None) -> str:
        try:
            return self._label(code)
        except Exception:  # not a period: the core will say why
            return code or ""

    def _ask_reason(self, change: str) -> str | None:
        return ask_reason(self, self.tr("修改分类方案"), change)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def set_retention(self, row: SchemeRow, retention: str | None, reason: str) -> None:
        """Set a class's default or a business type's own retention (audited)."""

        def work(_ctx: TaskContext) -> Changes:
            return scheme.set_retention(
                self.archive,
                row.code,
                retention,
                business_type=None if row.kind == "class" else row.name,
                reason=reason,
            )

        self._write(self.tr("修改分类方案"), work)

    def confirm_selected(self) -> None:
        """Confirm the selected row's period as it stands (recorded as the agency's)."""
        row = self.selected()
        if row is None or row.retention is None:
            return
        what = row.code if row.kind == "class" else f"{row.code} {row.name}"
        reason = self._ask_reason(
            self.tr("确认 {what} 的保管期限：{period}").format(
                what=what, period=self._label(row.retention)
            )
        )
        if reason is not None:
            self.set_retention(row, row.retention, reason)

    def add_type(self) -> None:
        dialog = AddTypeDialog(self.classes, self)
        row = self.selected()
        if row is not None:
            dialog.choose_class(row.code)
        self.add_dialog = dialog
        dialog.submitted.connect(
            lambda: self.add_business_type(
                dialog.class_code(),
                dialog.name.text().strip(),
                parse_retention_text(dialog.retention.text()),
                dialog.reason.text().strip(),
                dialog,
            )
        )
        dialog.open()

    def add_business_type(
        self,
        code: str,
        name: str,
        retention: str | None,
        reason: str,
        dialog: AddTypeDialog | None = None,
    ) -> None:
        """Add a business type; a refusal is said in `dialog`, which then stays open."""

        def work(_ctx: TaskContext) -> Changes:
            return scheme.add_type(self.archive, code, name, retention, reason=reason)

        def refused(message: str) -> None:
            if dialog is not None:
                dialog.refused(message)
            else:
                self.show_problem(message)

        if dialog is not None:
            dialog.busy = True
            dialog.check()
        self._write(
            self.tr("添加业务类型"),
            work,
            on_done=dialog.accept if dialog is not None else None,
            on_refused=refused,
        )

    def _write(
        self,
        name: str,
        work: Any,
        on_done: Any = None,
        on_refused: Any = None,
    ) -> None:
        """Run a scheme change; the core's refusal is said next to the table (or in the
        dialog that asked), an internal error in the error dialog."""

        def done(_result: object) -> None:
            self.show_problem("")
            self.load()
            self.changed.emit()
            if on_done is not None:
                on_done()

        def failed(exc: BaseException, details: str) -> None:
            self.load()
            if isinstance(exc, ArchivistError):
                (on_refused or self.show_problem)(exc.message())
            else:
                if on_refused is not None:
                    on_refused("")
                errors.show_error(self, exc, details)

        self.runner.submit(name, work, write=True, on_done=done, on_error=failed)

    # -- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.note.setText(
            self.tr(
                "双击“保管期限”一栏修改（可填 永久、10年、30年 或 Y、D10、D30）；每次修改、确认和新增都须填写理由，记入审计记录。"
                "业务类型未填期限的沿用本类默认。红色：尚无期限，须由本机构填写；黄色：按产品对照或原文不全，待本机构确认。"
            )
        )
        self.only_open.setText(self.tr("只显示待填写、待确认的条目"))
        self.add_button.setText(self.tr("添加业务类型…"))
        self.confirm_button.setText(self.tr("确认所选期限…"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("类别"),
                self.tr("类别名称"),
                self.tr("业务类型"),
                self.tr("保管期限"),
                self.tr("状态"),
                self.tr("依据"),
            ]
        )
        if self.rows:
            self.load()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AddTypeDialog(QDialog):
    """A new business type under a class: its name, retention and the reason. What is
    missing or wrong is said in the dialog; a refusal keeps it open with what was typed."""

    submitted = Signal()

    def __init__(self, classes: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addTypeDialog")
        self.klass = QComboBox()
        for code, name in classes:
            self.klass.addItem(f"{code}　{name}", code)
        self.name = QLineEdit()
        self.name.setObjectName("addTypeName")
        self.retention = QLineEdit()
        self.retention.setObjectName("addTypeRetention")
        self.reason = QLineEdit()
        self.reason.setObjectName("addTypeReason")
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, field in zip(
            self.labels, (self.klass, self.name, self.retention, self.reason), strict=True
        ):
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.busy = False
        self.refusal = ""
        self.problem = QLabel()
        self.problem.setObjectName("addTypeProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a11d1d;")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.name, self.retention, self.reason):
            edit.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self.check()

    def choose_class(self, code: str) -> None:
        self.klass.setCurrentIndex(max(0, self.klass.findData(code)))

    def class_code(self) -> str:
        return str(self.klass.currentData())

    def problem_text(self) -> str:
        if self.refusal:
            return self.refusal
        if not self.name.text().strip():
            return self.tr("请填写业务类型名称")
        problem = retention_problem(self.retention.text())
        if problem:
            return problem
        if not self.reason.text().strip():
            return self.tr("请填写理由")
        return ""

    def _typed(self) -> None:
        self.refusal = ""
        self.check()

    def check(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not problem and not self.busy)

    def submit(self) -> None:
        if self.problem_text() or self.busy:
            return
        self.submitted.emit()

    def refused(self, message: str) -> None:
        self.busy = False
        self.refusal = message
        self.check()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("添加业务类型"))
        for label, text in zip(
            self.labels,
            (self.tr("类别"), self.tr("业务类型名称"), self.tr("保管期限"), self.tr("理由")),
            strict=True,
        ):
            label.setText(text)
        self.retention.setPlaceholderText(self.tr("如 永久、10年、30年；留空沿用本类默认"))
        self.reason.setPlaceholderText(self.tr("记入审计记录"))
        for which, text in (
            (QDialogButtonBox.StandardButton.Ok, self.tr("添加")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("取消")),
        ):
            button = self.buttons.button(which)
            if button is not None:
                button.setText(text)
        if hasattr(self, "problem"):
            self.check()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
