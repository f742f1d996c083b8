"""修改密码: the signed-in person changes their own password (原密码, 新密码, 再输入一次),
through `archivist.accounts.directory.change_own_password`. The core's policy message is
shown under the field it concerns. `forced`: the password was set by someone else and
must be changed before anything else (leaving means signing out)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from archivist.accounts import passwords
from archivist.accounts.directory import change_own_password, security_policy
from archivist.archive import Archive
from archivist.errors import AccessRefused, ArchivistError, InputError
from ui.people.labels import person_text

PROBLEM_STYLE = "color: #a11d1d;"


class PasswordDialog(QDialog):
    def __init__(self, archive: Archive, parent: QWidget | None = None, *, forced: bool = False):
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.archive = archive
        self.forced = forced
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.old = self._edit("oldPassword")
        self.new = self._edit("newPassword")
        self.again = self._edit("againPassword")
        self.old_problem = self._problem("oldPasswordProblem")
        self.new_problem = self._problem("newPasswordProblem")
        self.again_problem = self._problem("againPasswordProblem")
        self.labels = [QLabel() for _ in range(3)]
        form = QFormLayout()
        for label, edit, problem in zip(
            self.labels,
            (self.old, self.new, self.again),
            (self.old_problem, self.new_problem, self.again_problem),
            strict=True,
        ):
            box = QWidget()
            stack = QVBoxLayout(box)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(2)
            stack.addWidget(edit)
            stack.addWidget(problem)
            form.addRow(label, box)
            edit.textEdited.connect(lambda _t, p=problem: self._show(p, ""))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("changePasswordButton")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.retranslate()
        self.old.setFocus()

    def _edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(passwords.MAX_LENGTH + 1)
        return edit

    def _problem(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(PROBLEM_STYLE)
        label.setVisible(False)
        return label

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def change(self) -> None:
        for label in (self.old_problem, self.new_problem, self.again_problem):
            self._show(label, "")
        person = self.archive.person
        old, new, again = self.old.text(), self.new.text(), self.again.text()
        if not old:
            self._show(self.old_problem, self.tr("请填写原密码"))
            self.old.setFocus()
            return
        if person is not None:
            try:
                minimum = security_policy(self.archive).password_min_length
                passwords.check_policy(person.user_name, new, minimum)
            except InputError as exc:
                self._show(self.new_problem, exc.message())
                self.new.setFocus()
                return
        if new != again:
            self._show(self.again_problem, InputError("password.mismatch").message())
            self.again.setFocus()
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            change_own_password(self.archive, old, new)
        except AccessRefused as exc:
            where, edit = (
                (self.old_problem, self.old)
                if exc.code == "password.old_wrong"
                else (self.new_problem, self.new)
            )
            self._show(where, exc.message())
            edit.setFocus()
            return
        except ArchivistError as exc:
            self._show(self.new_problem, exc.message())
            self.new.setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()

    def retranslate(self) -> None:
        person = self.archive.person
        who = person_text(person) if person is not None else ""
        self.setWindowTitle(self.tr("修改密码 — 档案室"))
        if self.forced:
            self.intro.setText(
                self.tr(
                    "{who}：您的密码是别人为您设置的，请先改成只有您自己知道的密码，"
                    "才能继续使用。取消将退出登录。"
                ).format(who=who)
            )
        else:
            self.intro.setText(self.tr("{who}：修改您自己的登录密码。").format(who=who))
        for label, text in zip(
            self.labels,
            (self.tr("原密码："), self.tr("新密码："), self.tr("再输入一次：")),
            strict=True,
        ):
            label.setText(text)
        self.ok_button.setText(self.tr("修改密码"))
        self.cancel_button.setText(self.tr("退出登录") if self.forced else self.tr("取消"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def open_password_dialog(parent: QWidget, archive: Archive) -> bool:
    """修改密码… from a menu: True when the password was changed."""
    dialog = PasswordDialog(archive, parent)
    changed = dialog.exec() == int(QDialog.DialogCode.Accepted)
    dialog.deleteLater()
    return changed
