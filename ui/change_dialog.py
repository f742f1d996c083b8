"""The bases of the window's form dialogs: `FormDialog`, the frame (heading, form,
problem line, buttons; the handover dialogs build on it), and `ChangeDialog`, the change
dialogs that ask a reason (volumes, storage).

A change dialog has a heading, a form, a reason line (it goes into the audit trail), a
problem line under the form and 保存/取消. 保存 stays disabled while the reason (or
anything `problem_text` names) is missing; saving runs `run(reason)` through the task
runner on the write thread. A refusal by the core is said on the problem line with the
dialog left open and what was typed kept (`refusal_in_place`, the default), or — for the
dialogs that want it — in the error dialog; an internal error always comes up in the
error dialog.

(`ui.reason_dialog.ask_reason` is the stand-alone prompt for a change that has no form
of its own.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.errors import ArchivistError
from ui import errors
from ui.tasks import TaskContext, TaskRunner


class FormDialog(QDialog):
    """The frame of the window's form dialogs: a heading, a form of labelled rows, a
    problem line under it and the buttons (保存 or 确定, 取消); `save` runs the change."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parent: QWidget | None,
        *,
        problem_name: str,
        button: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save,
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self.busy = False
        self.refusal = ""  # the core's last refusal, until the input changes
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.problem = QLabel()
        self.problem.setObjectName(problem_name)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a11d1d;")
        self.buttons = QDialogButtonBox(button | QDialogButtonBox.StandardButton.Cancel)
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

    @property
    def save_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert button is not None
        return button

    def save(self) -> None:
        raise NotImplementedError

    def retranslate_buttons(self) -> None:
        """保存 and 取消 in the language now installed (where the dialog has them)."""
        for which, text in (
            (QDialogButtonBox.StandardButton.Save, self.tr("保存")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("取消")),
        ):
            button = self.buttons.button(which)
            if button is not None:
                button.setText(text)

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class RecordFormDialog(FormDialog):
    """A form dialog that makes or changes one record (a handover batch, a use request)
    on the write thread: what is missing and the core's refusal are said on the problem
    line with the field concerned marked, and the dialog stays open with what was typed;
    only an internal error comes up in the error dialog. `done_with` names the record to
    show afterwards."""

    done_with = Signal(str)
    # mark the field of what is missing too (not only of the core's refusal)
    mark_missing = False

    def __init__(
        self, archive: Archive, runner: TaskRunner, parent: QWidget | None, *, problem_name: str
    ) -> None:
        super().__init__(
            archive,
            runner,
            parent,
            problem_name=problem_name,
            button=QDialogButtonBox.StandardButton.Ok,
        )
        self.marked: QWidget | None = None
        self.refusal_code = ""

    def _line(self, name: str, text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.textChanged.connect(lambda _t: self.typed())
        return edit

    def typed(self) -> None:
        self.refusal = ""
        self.refusal_code = ""
        self.check()

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def problem_text(self) -> str:
        return ""

    def problem_field(self) -> QWidget | None:
        """The field the problem (or the core's refusal) is about, marked in the form."""
        return None

    def check(self) -> None:
        problem = self.problem_text()
        shown = problem or self.refusal
        self.problem.setText(shown)
        self.problem.setVisible(bool(shown))
        field = self.problem_field() if shown else None
        if field is not None and not (self.refusal or self.mark_missing):
            field = None  # what is missing is said, not marked
        if field is not self.marked:
            if self.marked is not None:
                self.marked.setStyleSheet("")
            if field is not None:
                field.setStyleSheet("border: 1px solid #a11d1d;")
            self.marked = field
        self.ok_button.setEnabled(not problem and not self.busy)

    def refused(self, message: str, code: str = "") -> None:
        self.refusal, self.refusal_code = message, code
        self.check()

    def run(self) -> str:
        """The core call (on a worker thread); the record to show afterwards."""
        raise NotImplementedError

    def save(self) -> None:
        if self.problem_text() or self.busy:
            return
        self.busy = True
        self.check()

        def work(_ctx: TaskContext) -> str:
            return self.run()

        def done(number: object) -> None:
            self.busy = False
            self.done_with.emit(str(number))
            self.accept()

        def failed(exc: BaseException, details: str) -> None:
            self.busy = False
            if isinstance(exc, ArchivistError):
                self.refused(exc.message(), exc.code)
                return
            self.check()
            errors.show_error(self, exc, details)

        self.runner.submit(self.windowTitle(), work, write=True, on_done=done, on_error=failed)

    def retranslate_common(self, ok: str) -> None:
        self.ok_button.setText(ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("取消"))
        self.check()


class ChangeDialog(FormDialog):
    """What the change dialogs share: the form dialog's frame with the reason, the
    problem line and save through the runner (the core call on the write thread)."""

    changed = Signal(str)  # what to show afterwards (a volume's or a box's code)

    # the core's refusal on the problem line (True) or in the error dialog (False)
    refusal_in_place = False

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(archive, runner, parent, problem_name="volumeProblem")
        self.reason = QLineEdit()
        self.reason.setObjectName("volumeReason")
        self.reason.textChanged.connect(self.check)

    # -- the form ------------------------------------------------------------------------

    def _numbers_field(self, numbers: list[str], titles: dict[str, str]) -> QLabel:
        shown = [f"{n}　{titles[n]}" if n in titles else n for n in numbers[:8]]
        if len(numbers) > 8:
            shown.append(self.tr("……共 {n} 件").format(n=len(numbers)))
        label = QLabel("\n".join(shown))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- the problem line ----------------------------------------------------------------

    def problem_text(self) -> str:
        """Why saving is not possible yet ("" when it is)."""
        return "" if self.reason.text().strip() else self.tr("请填写理由")

    def check(self) -> None:
        problem = self.problem_text()
        if problem or not self.busy:
            shown = problem or self.refusal
            self.problem.setText(shown)
            self.problem.setVisible(bool(shown))
        self.save_button.setEnabled(not problem and not self.busy)

    def changed_input(self) -> None:
        """Something was typed or chosen: the last refusal no longer holds."""
        self.refusal = ""
        self.check()

    # -- run with the reason -------------------------------------------------------------

    def run(self, reason: str) -> str:
        """The core call (on a worker thread); what to show afterwards."""
        raise NotImplementedError

    def save(self) -> None:
        if self.problem_text() or self.busy:
            return
        self.busy = True
        self.refusal = ""
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
            if self.refusal_in_place and isinstance(exc, ArchivistError):
                self.refusal = exc.message()
                self.check()
                return
            self.check()
            errors.show_error(self, exc, details)

        self.runner.submit(self.windowTitle(), work, write=True, on_done=done, on_error=failed)

    # -- language ------------------------------------------------------------------------

    def retranslate_common(self) -> None:
        self.reason.setPlaceholderText(self.tr("必须填写（记入审计记录）"))
        if "reason" in self.labels:
            self.labels["reason"].setText(self.tr("理由"))
        self.retranslate_buttons()
        self.check()
