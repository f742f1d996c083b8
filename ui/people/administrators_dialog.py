"""The three administrator accounts (三员: 系统管理员, 安全保密员, 安全审计员), each with a
user name, a display name and a password typed twice. `AdministratorsForm` is part of
the welcome dialog's new-archive page; `AdministratorsDialog` asks for them when an
archive from before accounts is opened (its history keeps the names it has).

Problems are shown next to the field they concern, with the core's messages
(archivist.accounts.signing.check_user_name, passwords.check_policy,
directory.check_administrators)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from archivist.accounts import passwords
from archivist.accounts.directory import (
    MAX_DISPLAY_NAME,
    Administrators,
    NewAccount,
    check_administrators,
)
from archivist.accounts.roles import Role
from archivist.accounts.signing import check_user_name
from archivist.archive import Archive
from archivist.errors import ArchivistError, InputError
from ui.people.labels import role_label

PROBLEM_STYLE = "color: #a11d1d;"
ROLES = (Role.SYSADMIN, Role.SECURITY, Role.AUDITOR)
FIELDS = ("user", "display", "password", "again")


class AdministratorsForm(QWidget):
    """A row per administrator role: 用户名 | 姓名 | 密码 | 再输入一次."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("administratorsForm")
        self.edits: dict[tuple[Role, str], QLineEdit] = {}
        self.problems: dict[tuple[Role, str], QLabel] = {}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.headers = [QLabel() for _ in range(len(FIELDS) + 1)]
        self.role_labels: dict[Role, QLabel] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for column, header in enumerate(self.headers):
            grid.addWidget(header, 0, column)
        for row, role in enumerate(ROLES, start=1):
            label = QLabel()
            self.role_labels[role] = label
            grid.addWidget(label, row * 2 - 1, 0)
            for column, name in enumerate(FIELDS, start=1):
                edit = QLineEdit()
                edit.setObjectName(f"admin_{role.value}_{name}")
                if name in ("password", "again"):
                    edit.setEchoMode(QLineEdit.EchoMode.Password)
                    edit.setMaxLength(passwords.MAX_LENGTH + 1)
                else:
                    edit.setMaxLength(64)
                problem = QLabel()
                problem.setObjectName(f"admin_{role.value}_{name}_problem")
                problem.setWordWrap(True)
                problem.setStyleSheet(PROBLEM_STYLE)
                problem.setVisible(False)
                problem.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                edit.textEdited.connect(lambda _t, p=problem: _show(p, ""))
                self.edits[(role, name)] = edit
                self.problems[(role, name)] = problem
                grid.addWidget(edit, row * 2 - 1, column)
                grid.addWidget(problem, row * 2, column)
        for column in range(1, len(FIELDS) + 1):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        self.retranslate()

    def edit(self, role: Role, name: str) -> QLineEdit:
        return self.edits[(role, name)]

    def problem(self, role: Role, name: str) -> QLabel:
        return self.problems[(role, name)]

    def set_enabled(self, enabled: bool) -> None:
        for edit in self.edits.values():
            edit.setEnabled(enabled)

    def clear_problems(self) -> None:
        for label in self.problems.values():
            _show(label, "")

    def show_problem(self, error: ArchivistError) -> None:
        """A problem the core found when creating: under the first user name field."""
        _show(self.problem(Role.SYSADMIN, "user"), error.message())

    def administrators(self, min_length: int = passwords.MIN_LENGTH) -> Administrators | None:
        """The three accounts when every field is usable; else each problem is shown
        next to its field and None returned."""
        self.clear_problems()
        problems: dict[tuple[Role, str], str] = {}
        seen: dict[str, Role] = {}
        accounts: list[NewAccount] = []
        for role in ROLES:
            user = self.edit(role, "user").text().strip()
            display = self.edit(role, "display").text().strip()
            password = self.edit(role, "password").text()
            again = self.edit(role, "again").text()
            try:
                check_user_name(user)
            except InputError as exc:
                problems[(role, "user")] = exc.message() if user else self.tr("请填写用户名")
            else:
                if user.lower() in seen:
                    problems[(role, "user")] = InputError(
                        "accounts.same_person_twice", user=user
                    ).message()
                seen.setdefault(user.lower(), role)
            if not display:
                problems[(role, "display")] = self.tr("请填写姓名")
            elif len(display) > MAX_DISPLAY_NAME or any(ord(c) < 32 for c in display):
                problems[(role, "display")] = InputError(
                    "accounts.bad_display_name", length=MAX_DISPLAY_NAME
                ).message()
            try:
                passwords.check_policy(user, password, min_length)
            except InputError as exc:
                problems[(role, "password")] = exc.message()
            else:
                if password != again:
                    problems[(role, "again")] = InputError("password.mismatch").message()
            accounts.append(NewAccount(user, display, password))
        admins = Administrators(*accounts)
        if not problems:
            try:
                check_administrators(admins, min_length)
            except InputError as exc:  # anything the fields above did not catch
                problems[(Role.SYSADMIN, "user")] = exc.message()
        for key, text in problems.items():
            _show(self.problems[key], text)
        if problems:
            first = next(k for k in self.edits if k in problems)
            self.edits[first].setFocus()
            return None
        return admins

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "三员分立：系统管理员、安全保密员和安全审计员须是三个不同的人，"
                "各自设置自己的密码（至少 {n} 位，有字母和数字，不含用户名）。"
                "他们不能查看档案内容；档案管理员等账户由系统管理员添加、安全保密员授予角色。"
            ).format(n=passwords.MIN_LENGTH)
        )
        texts = ("", self.tr("用户名"), self.tr("姓名"), self.tr("密码"), self.tr("再输入一次"))
        for header, text in zip(self.headers, texts, strict=True):
            header.setText(text)
        for role, label in self.role_labels.items():
            label.setText(role_label(role) + self.tr("："))
        for role in ROLES:
            self.edit(role, "user").setPlaceholderText(self.tr("如 {name}").format(name=role.value))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AdministratorsDialog(QDialog):
    """An archive from before accounts: its three administrators, then signing in."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("administratorsDialog")
        self.archive = archive
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.form = AdministratorsForm()
        self.problem = QLabel()
        self.problem.setObjectName("administratorsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("createAdministrators")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.create_accounts)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(720)
        self.retranslate()

    def create_accounts(self) -> None:
        _show(self.problem, "")
        admins = self.form.administrators()
        if admins is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.archive.set_up_administrators(admins)
        except ArchivistError as exc:
            _show(self.problem, exc.message())
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.created_user = admins.sysadmin.user_name
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("设置管理员账户 — 档案室"))
        self.heading.setText(self.tr("这个档案库还没有账户"))
        self.explanation.setText(
            self.tr(
                "档案库 {path} 建于档案室有账户之前。从现在起，每个人都用自己的账户登录，"
                "每项操作都记在本人名下。请先设置三个管理员账户；"
                "档案库以往的历史记录保留原来的操作人名字，不会改动。"
            ).format(path=self.archive.root)
        )
        self.ok_button.setText(self.tr("创建账户"))
        self.cancel_button.setText(self.tr("取消"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
