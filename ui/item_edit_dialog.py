"""Correct an item from the window, through the core's audited services.

- 编辑条目: title, handler and completion date within the same year
  (`archivist.arrangement.items.edit`; a date in another month moves the item's folder);
- 重新编号: class, business type (and so retention) or a completion date in another
  year (`archivist.arrangement.items.renumber`; the old serial stays vacant with the reason).

Both need a reason, recorded in the audit trail; the core moves the files and updates
the search index. Errors come up in the error dialog and change nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archivist.access import browse
from archivist.archive import Archive
from archivist.arrangement import items
from archivist.errors import ArchivistError
from archivist.rules.retention import Retention
from ui import errors
from ui.tasks import TaskContext, TaskRunner


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(_qdate(dt.date.today()))
    return edit


class _ItemDialog(QDialog):
    """What both dialogs share: the item, a reason, save through the runner."""

    changed = Signal(str)  # the item's number after the change

    def __init__(
        self, archive: Archive, runner: TaskRunner, number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self.number = number
        self.view: dict[str, Any] = items.show(archive, number)
        self.busy = False
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.reason = QLineEdit()
        self.reason.setObjectName("editReason")
        self.reason.textChanged.connect(self.check)
        self.problem = QLabel()
        self.problem.setObjectName("editProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a11d1d;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.notes = QVBoxLayout()  # wrapped text below the form (heights follow width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addLayout(self.notes)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

    def _row(self, key: str, field: Any) -> None:
        label = QLabel()
        self.labels[key] = label
        self.form.addRow(label, field)

    @property
    def save_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert button is not None
        return button

    def problem_text(self) -> str:
        """Why saving is not possible yet ("" when it is)."""
        raise NotImplementedError

    def locked_text(self) -> str:
        """Why the item may not change at all (the core says, e.g. handed over)."""
        change = self.view.get("change") or {}
        if change.get("allowed", True):
            return ""
        return self.tr("不能修改：{reason}").format(reason=change.get("reason") or "")

    def check(self) -> None:
        problem = self.locked_text() or self.problem_text()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.save_button.setEnabled(not problem and not self.busy)

    def run(self) -> dict[str, Any]:
        """The core call (on a worker thread); returns the item's view after it."""
        raise NotImplementedError

    def save(self) -> None:
        if self.locked_text() or self.problem_text() or self.busy:
            return
        self.busy = True
        self.check()

        def work(_ctx: TaskContext) -> str:
            return str(self.run()["number"])

        def done(number: object) -> None:
            self.busy = False
            self.changed.emit(str(number))
            self.accept()

        def failed(exc: BaseException, details: str) -> None:
            self.busy = False
            self.check()
            errors.show_error(self, exc, details)

        self.runner.submit(self.windowTitle(), work, write=True, on_done=done, on_error=failed)

    def retranslate_common(self) -> None:
        self.reason.setPlaceholderText(self.tr("必须填写（记入审计记录）"))
        for which, text in (
            (QDialogButtonBox.StandardButton.Save, self.tr("保存")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("取消")),
        ):
            button = self.buttons.button(which)
            if button is not None:
                button.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class ItemEditDialog(_ItemDialog):
    """Title, handler and completion date (same year) of an item."""

    renumber_instead = Signal(str)  # the person wants another year: renumbering

    def __init__(
        self, archive: Archive, runner: TaskRunner, number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(archive, runner, number, parent)
        self.setObjectName("itemEditDialog")
        view = self.view
        self.title = QLineEdit(view["title"])
        self.title.setObjectName("editTitle")
        self.handler = QLineEdit(view.get("handler") or "")
        self.handler.setObjectName("editHandler")
        self.completed = _date_edit(dt.date.fromisoformat(view["completed_on"]))
        self.completed.setObjectName("editCompletedOn")
        self.fixed = QLabel()
        self.fixed.setWordWrap(True)
        self.fixed.setStyleSheet("color: #555;")
        self.to_renumber = QPushButton()
        self.to_renumber.clicked.connect(self._to_renumber)
        self.to_entity = QPushButton()
        self.to_entity.setObjectName("correctEntity")
        self.to_entity.clicked.connect(self.correct_entity)
        self.entity_dialog: EntityCorrectDialog | None = None
        self._row("title", self.title)
        self._row("handler", self.handler)
        self._row("completed", self.completed)
        self._row("reason", self.reason)
        self.notes.addWidget(self.fixed)
        self.notes.addWidget(self.to_renumber, 0, Qt.AlignmentFlag.AlignLeft)
        self.notes.addWidget(self.to_entity, 0, Qt.AlignmentFlag.AlignLeft)
        for edit in (self.title, self.handler):
            edit.textChanged.connect(self.check)
        self.completed.dateChanged.connect(self.check)
        self.retranslate()

    def changes(self) -> dict[str, Any]:
        """The fields changed, as the core's edit takes them."""
        view = self.view
        found: dict[str, Any] = {}
        if self.title.text().strip() != view["title"]:
            found["title"] = self.title.text().strip()
        if self.handler.text().strip() != (view.get("handler") or ""):
            found["handler"] = self.handler.text().strip()
        day = _date(self.completed.date())
        if day.isoformat() != view["completed_on"]:
            found["completed_on"] = day
        return found

    def problem_text(self) -> str:
        changes = self.changes()
        if not self.title.text().strip():
            return self.tr("题名不能为空")
        day = changes.get("completed_on")
        if isinstance(day, dt.date) and day.year != self.view["year"]:
            return self.tr("办结日期换到 {year} 年会改变件号：请用“重新编号…”").format(
                year=day.year
            )
        if not changes:
            return self.tr("尚未修改任何内容")
        if not self.reason.text().strip():
            return self.tr("请填写修改理由")
        return ""

    def check(self) -> None:
        super().check()
        if hasattr(self, "to_renumber"):
            day = _date(self.completed.date())
            self.to_renumber.setVisible(day.year != self.view["year"])

    def run(self) -> dict[str, Any]:
        return items.edit(
            self.archive, self.number, reason=self.reason.text().strip(), **self.changes()
        )

    def _to_renumber(self) -> None:
        self.renumber_instead.emit(self.number)
        self.reject()

    def correct_entity(self) -> EntityCorrectDialog:
        """更正单位/个人…: its own dialog (with its own reason); this one closes, and
        a correction made there is reported as a change of this item."""
        dialog = EntityCorrectDialog(self.archive, self.runner, self.number, self.parentWidget())
        dialog.changed.connect(self.changed.emit)
        self.entity_dialog = dialog
        self.reject()
        dialog.open()
        return dialog

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("编辑条目 — {number}").format(number=self.number))
        self.heading.setText(
            self.tr("{number}　{archival_code}").format(
                number=self.number, archival_code=self.view["archival_code"]
            )
        )
        for key, text in (
            ("title", self.tr("题名")),
            ("handler", self.tr("经办人")),
            ("completed", self.tr("办结日期")),
            ("reason", self.tr("修改理由")),
        ):
            self.labels[key].setText(text)
        self.fixed.setText(
            self.tr(
                "类别、业务类型、保管期限和年度决定件号与档号，要改请用“重新编号…”；"
                "单位/个人的名称或证件号码录错，请用“更正单位/个人…”。"
                "办结月份改变时，件的文件夹随之移动。"
            )
        )
        self.to_renumber.setText(self.tr("改用重新编号…"))
        self.to_entity.setText(self.tr("更正单位/个人…"))
        self.to_entity.setEnabled(not self.locked_text())
        self.retranslate_common()
        self.check()


class EntityCorrectDialog(_ItemDialog):
    """Correct a mistyped name, ID number or unit code of the item's person or unit
    (`archivist.arrangement.items.correct_entity`: check digits enforced, audited with the reason;
    every item of that person or unit takes the correction)."""

    def __init__(
        self, archive: Archive, runner: TaskRunner, number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(archive, runner, number, parent)
        self.setObjectName("entityCorrectDialog")
        entity = self.view["entity"]
        self.person = entity["kind"] == "person"
        self.name = QLineEdit(entity["name"])
        self.name.setObjectName("entityName")
        self.code = QLineEdit()
        self.code.setObjectName("entityCode")
        self.code.setMaxLength(18)
        self.current_code = str(
            (entity.get("id_number") if self.person else entity.get("unit_code")) or ""
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self._row("name", self.name)
        self._row("code", self.code)
        self._row("reason", self.reason)
        self.notes.addWidget(self.note)
        self.name.textChanged.connect(self.check)
        self.code.textChanged.connect(self.check)
        self.retranslate()

    def changes(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        name = " ".join(self.name.text().split())
        if name != self.view["entity"]["name"]:
            found["name"] = name
        code = self.code.text().strip()
        if code:
            found["id_number" if self.person else "unit_code"] = code
        return found

    def _code_problem(self) -> str:
        """The core's check of the code (check digit), said as the core says it."""
        from archivist.rules.identity import normalise_id_number, normalise_unit_code

        code = self.code.text().strip()
        if not code:
            return ""
        try:
            (normalise_id_number if self.person else normalise_unit_code)(code)
        except ArchivistError as exc:
            return exc.message()
        return ""

    def problem_text(self) -> str:
        if not self.name.text().strip():
            return self.tr("名称不能为空")
        problem = self._code_problem()
        if problem:
            return problem
        if not self.changes():
            return self.tr("尚未修改任何内容")
        if not self.reason.text().strip():
            return self.tr("请填写更正理由")
        return ""

    def run(self) -> dict[str, Any]:
        return items.correct_entity(
            self.archive, self.number, reason=self.reason.text().strip(), **self.changes()
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("更正单位/个人 — {number}").format(number=self.number))
        self.heading.setText(
            self.tr("{number}　{title}").format(number=self.number, title=self.view["title"])
        )
        self.labels["name"].setText(self.tr("姓名") if self.person else self.tr("单位名称"))
        self.labels["code"].setText(
            self.tr("身份证号") if self.person else self.tr("统一社会信用代码")
        )
        self.code.setPlaceholderText(
            self.tr("当前 {code}；留空则不改").format(code=self.current_code or "—")
        )
        self.labels["reason"].setText(self.tr("更正理由"))
        self.note.setText(
            self.tr(
                "只用于更正录入错误：号码按国家标准核对校验码；同一单位或个人的所有档案件随之更正，"
                "已移交的档案不能更正。"
            )
        )
        self.retranslate_common()
        self.check()


class RenumberDialog(_ItemDialog):
    """Class, business type (and so retention) or year of an item: a new number."""

    def __init__(
        self, archive: Archive, runner: TaskRunner, number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(archive, runner, number, parent)
        self.setObjectName("renumberDialog")
        view = self.view
        self.scheme = [c for c in browse.scheme_table(archive) if c["business_types"]]
        self._periods: dict[tuple[str, str], tuple[str | None, str]] = {}
        self.klass = QComboBox()
        self.klass.setObjectName("renumberClass")
        for c in self.scheme:
            self.klass.addItem(f"{c['code']}　{c['name']}", c["code"])
        self.business_type = QComboBox()
        self.business_type.setObjectName("renumberBusinessType")
        self.completed = _date_edit(dt.date.fromisoformat(view["completed_on"]))
        self.completed.setObjectName("renumberCompletedOn")
        self.preview = QLabel()
        self.preview.setObjectName("renumberPreview")
        self.preview.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self._row("class", self.klass)
        self._row("business_type", self.business_type)
        self._row("completed", self.completed)
        self._row("reason", self.reason)
        self.notes.addWidget(self.preview)
        self.notes.addWidget(self.note)
        self.klass.setCurrentIndex(max(0, self.klass.findData(view["class"])))
        self._fill_types(view["business_type"])
        self.klass.currentIndexChanged.connect(lambda _i: self._fill_types(None))
        self.business_type.currentIndexChanged.connect(lambda _i: self.check())
        self.completed.dateChanged.connect(lambda _d: self.check())
        self.retranslate()

    def _fill_types(self, choose: str | None) -> None:
        code = self.klass.currentData()
        types: list[dict[str, Any]] = next(
            (c["business_types"] for c in self.scheme if c["code"] == code), []
        )
        self.business_type.blockSignals(True)
        self.business_type.clear()
        for bt in types:
            self.business_type.addItem(bt["name"], bt["name"])
        if choose is not None:
            self.business_type.setCurrentIndex(max(0, self.business_type.findData(choose)))
        self.business_type.blockSignals(False)
        self.check()

    def choose(
        self, class_code: str, business_type: str, completed_on: dt.date | None = None
    ) -> None:
        """Set the fields (as a person would pick them)."""
        self.klass.setCurrentIndex(max(0, self.klass.findData(class_code)))
        self.business_type.setCurrentIndex(max(0, self.business_type.findData(business_type)))
        if completed_on is not None:
            self.completed.setDate(_qdate(completed_on))

    def changes(self) -> dict[str, Any]:
        view = self.view
        found: dict[str, Any] = {}
        code, bt = str(self.klass.currentData()), str(self.business_type.currentData())
        if code != view["class"]:
            found["class_code"] = code
        if code != view["class"] or bt != view["business_type"]:
            found["business_type"] = bt
        day = _date(self.completed.date())
        if day.isoformat() != view["completed_on"]:
            found["completed_on"] = day
        return found

    def _retention(self) -> tuple[str | None, str]:
        """The period the chosen class and type give, or why there is none."""
        key = (str(self.klass.currentData()), str(self.business_type.currentData()))
        if key not in self._periods:
            try:
                self._periods[key] = (browse.type_retention(self.archive, *key), "")
            except ArchivistError as exc:
                self._periods[key] = (None, exc.message())
        return self._periods[key]

    def problem_text(self) -> str:
        if self.business_type.count() == 0:
            return self.tr("所选类别下没有业务类型")
        retention, why = self._retention()
        if retention is None:
            return why
        if not self.changes():
            return self.tr("尚未修改任何内容")
        if not self.reason.text().strip():
            return self.tr("请填写重新编号的理由")
        return ""

    def check(self) -> None:
        super().check()
        if hasattr(self, "preview"):
            self._show_preview()

    def _show_preview(self) -> None:
        view = self.view
        code = str(self.klass.currentData())
        year = self.completed.date().year()
        retention, _why = self._retention()
        if (year, code) == (view["year"], view["class"]):
            number = self.tr("件号不变：{number}").format(number=view["number"])
        else:
            number = self.tr(
                "件号：{old} → {year}-{klass}-（保存时按顺序分配）；原件号留空，理由记入记录"
            ).format(old=view["number"], year=year, klass=code)
        before = _period(view["retention"])
        after = _period(retention) if retention else "—"
        period = (
            self.tr("保管期限不变：{period}").format(period=before)
            if retention == view["retention"]
            else self.tr("保管期限：{before} → {after}").format(before=before, after=after)
        )
        self.preview.setText(f"{number}\n{period}")

    def run(self) -> dict[str, Any]:
        return items.renumber(
            self.archive, self.number, reason=self.reason.text().strip(), **self.changes()
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("重新编号 — {number}").format(number=self.number))
        self.heading.setText(
            self.tr("{number}　{title}").format(number=self.number, title=self.view["title"])
        )
        for key, text in (
            ("class", self.tr("类别")),
            ("business_type", self.tr("业务类型")),
            ("completed", self.tr("办结日期")),
            ("reason", self.tr("理由")),
        ):
            self.labels[key].setText(text)
        self.note.setText(
            self.tr(
                "类别、业务类型（保管期限随之而定）或年度改变时，件号、档号和保管期限随之改变，文件移到新的文件夹；"
                "改变类别或年度时重新分配流水号，原号留空并记录理由。"
            )
        )
        self.retranslate_common()
        self.check()


def _period(code: str) -> str:
    from PySide6.QtCore import QCoreApplication

    if code == "Y":
        return QCoreApplication.translate("RenumberDialog", "永久")
    years = Retention(code).years
    if years is None:
        return Retention(code).label
    return QCoreApplication.translate("RenumberDialog", "{n}年").format(n=years)
