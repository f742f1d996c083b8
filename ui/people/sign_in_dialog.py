"""登录: user name and password for an archive. The user name is remembered per archive
in the per-user preferences, never the password. The core's refusal (a wrong password
with the attempts left, locked until, disabled) is shown under the fields.

`sign_in_flow` is what the launcher and the window use: the dialog, then, for a person
whose password someone else set, the change-password dialog they cannot skip (leaving it
signs them out and asks again)."""

from __future__ import annotations

import contextlib

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

from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.preferences import Preferences

PROBLEM_STYLE = "color: #a11d1d;"


class SignInDialog(QDialog):
    """Accepted once `archive.sign_in` succeeded (`archive.person` is the person)."""

    def __init__(
        self,
        archive: Archive,
        prefs: Preferences | None = None,
        parent: QWidget | None = None,
        *,
        user_name: str = "",
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.archive = archive
        self.prefs = prefs
        self.note_text = note
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setStyleSheet("color: #555;")
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        self.user = QLineEdit()
        self.user.setObjectName("signInUser")
        self.user.setMaxLength(64)
        remembered = prefs.sign_in_name(archive.root) if prefs is not None else ""
        self.user.setText(user_name or remembered)
        self.password = QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        self.problem = QLabel()
        self.problem.setObjectName("signInProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("signInButton")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.user_label = QLabel()
        self.password_label = QLabel()
        self.form.addRow(self.user_label, self.user)
        self.form.addRow(self.password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.where)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.user.textEdited.connect(lambda _t: self._show_problem(""))
        self.password.textEdited.connect(lambda _t: self._show_problem(""))
        self.setMinimumWidth(420)
        self.retranslate()
        (self.password if self.user.text() else self.user).setFocus()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def try_sign_in(self) -> None:
        name = self.user.text().strip()
        if not name:
            self._show_problem(self.tr("请填写用户名"))
            self.user.setFocus()
            return
        if not self.password.text():
            self._show_problem(self.tr("请填写密码"))
            self.password.setFocus()
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.archive.sign_in(name, self.password.text())
        except ArchivistError as exc:
            self.password.clear()
            self._show_problem(exc.message())
            self.password.setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        if self.prefs is not None:
            self.prefs.remember_sign_in_name(self.archive.root, name)
            with contextlib.suppress(OSError):  # an unwritable file must not stop the work
                self.prefs.save()
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("登录 — 档案室"))
        self.heading.setText(self.tr("登录"))
        fonds = ""
        with contextlib.suppress(Exception):  # the fonds is a courtesy, not a requirement
            info = self.archive.fonds()
            fonds = f"{info['code']} {info['name']}"
        self.where.setText(
            self.tr("档案库：{path}　{fonds}").format(path=self.archive.root, fonds=fonds)
        )
        self.user_label.setText(self.tr("用户名："))
        self.password_label.setText(self.tr("密码："))
        self.ok_button.setText(self.tr("登录"))
        self.cancel_button.setText(self.tr("取消"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def sign_in_flow(
    parent: QWidget | None,
    archive: Archive,
    prefs: Preferences | None,
    *,
    user_name: str = "",
    note: str = "",
) -> bool:
    """Ask who is signing in until someone has (True) or the person cancels (False,
    `archive.person` as it was). A password set by someone else must be changed first:
    leaving that dialog signs the person out and asks again."""
    from ui.people.password_dialog import PasswordDialog

    before = archive.person
    while True:
        dialog = SignInDialog(archive, prefs, parent, user_name=user_name, note=note)
        accepted = dialog.exec() == int(QDialog.DialogCode.Accepted)
        dialog.deleteLater()
        if not accepted:
            return False
        person = archive.person
        if person is None or not person.must_change_password:
            return True
        change = PasswordDialog(archive, parent, forced=True)
        changed = change.exec() == int(QDialog.DialogCode.Accepted)
        change.deleteLater()
        if changed:
            return True
        archive.sign_out()
        if before is not None:  # switching: the one who was signed in stays until then
            archive.person = before
        user_name = person.user_name
