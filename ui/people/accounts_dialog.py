"""账户与角色: every account of the archive, and what the administrators do with them.

The system administrator adds accounts, disables and enables them and resets passwords;
the security officer grants and revokes roles and sets the security policy; the auditor
sees the list read-only. A button a person may not use is disabled with the reason in its
tooltip, and the core refuses anyway (its refusal comes up in the error dialog). A
refusal of what was typed (a user name taken, a weak password, two administrator roles)
is said under the form, the dialog left open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
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
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archivist.accounts import directory
from archivist.accounts.directory import AccountView
from archivist.accounts.policy import BOUNDS, SecurityPolicy
from archivist.accounts.roles import Right, Role
from archivist.archive import Archive
from archivist.errors import AccessRefused, ArchivistError
from ui import errors
from ui.change_dialog import FormDialog
from ui.people.labels import role_label, roles_text
from ui.reason_dialog import ask_reason
from ui.screen import fit_to_screen
from ui.tasks import TaskContext, TaskRunner

# The policy's settings in the order shown.
POLICY_KEYS = (
    "window_lock_minutes",
    "session_idle_minutes",
    "lockout_attempts",
    "lockout_minutes",
    "password_min_length",
)


def _password_field() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _AccountForm(FormDialog):
    """A form that runs one account change on the write thread: a refusal of what was
    typed on the problem line (the dialog stays open), an access refusal or a defect in
    the error dialog."""

    changed_user = Signal(str)  # the user name changed

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(
            archive,
            runner,
            parent,
            problem_name="accountProblem",
            button=QDialogButtonBox.StandardButton.Ok,
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("确定"))
            ok.setObjectName("accountOk")
        self.retranslate_buttons()
        self.problem.setVisible(False)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def problem_text(self) -> str:
        """What is missing before the change can run ("" when nothing)."""
        return ""

    def save(self) -> None:
        if self.busy:
            return
        missing = self.problem_text()
        if missing:
            self.say(missing)
            return
        self.say("")
        self.busy = True
        self.ok_button.setEnabled(False)
        call = self.call()

        def work(_ctx: TaskContext) -> str:
            return call()

        def done(user_name: object) -> None:
            self.busy = False
            self.ok_button.setEnabled(True)
            self.changed_user.emit(str(user_name))
            self.accept()

        def failed(exc: BaseException, details: str) -> None:
            self.busy = False
            self.ok_button.setEnabled(True)
            if isinstance(exc, ArchivistError) and not isinstance(exc, AccessRefused):
                self.say(exc.message())
                return
            errors.show_error(self, exc, details)

        self.runner.submit(self.windowTitle(), work, write=True, on_done=done, on_error=failed)

    def call(self) -> Callable[[], str]:
        """The core call to run (built on the UI thread from what was typed)."""
        raise NotImplementedError

    def retranslate(self) -> None:
        self.retranslate_buttons()


class AddAccountDialog(_AccountForm):
    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("addAccountDialog")
        self.setWindowTitle(self.tr("添加账户"))
        self.heading.setText(
            self.tr("新账户的主人须在首次登录时修改这个初始密码（服务账户除外）。")
        )
        self.user_name = QLineEdit()
        self.user_name.setObjectName("newUserName")
        self.user_name.setMaxLength(32)
        self.display_name = QLineEdit()
        self.display_name.setObjectName("newDisplayName")
        self.password = _password_field()
        self.password.setObjectName("newPassword")
        self.again = _password_field()
        self.again.setObjectName("newPasswordAgain")
        self.service = QCheckBox(self.tr("服务账户（定时任务使用，如夜间校验）"))
        self.service.setObjectName("newService")
        self._row("user", self.user_name)
        self._row("name", self.display_name)
        self._row("password", self.password)
        self._row("again", self.again)
        self.form.addRow("", self.service)
        self.labels["user"].setText(self.tr("用户名"))
        self.labels["name"].setText(self.tr("姓名"))
        self.labels["password"].setText(self.tr("初始密码"))
        self.labels["again"].setText(self.tr("再次输入"))
        self.user_name.setPlaceholderText(self.tr("字母、数字、. _ -，最多 32 位"))

    def problem_text(self) -> str:
        if not self.user_name.text().strip():
            return self.tr("请填写用户名")
        if not self.password.text():
            return self.tr("请填写初始密码")
        if self.password.text() != self.again.text():
            return self.tr("两次输入的密码不一致")
        return ""

    def call(self) -> Callable[[], str]:
        archive, user = self.archive, self.user_name.text().strip()
        name, password = self.display_name.text().strip(), self.password.text()
        service = self.service.isChecked()

        def run() -> str:
            return directory.add_account(archive, user, name, password, service=service).user_name

        return run


class ResetPasswordDialog(_AccountForm):
    def __init__(
        self, archive: Archive, runner: TaskRunner, account: AccountView, parent: QWidget | None
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("resetPasswordDialog")
        self.account = account
        self.setWindowTitle(self.tr("重置密码"))
        self.heading.setText(
            self.tr(
                "为 {name}（{user}）设置新密码：其会话将结束，锁定解除，下次登录时须修改密码。"
            ).format(name=account.display_name, user=account.user_name)
        )
        self.password = _password_field()
        self.password.setObjectName("resetPassword")
        self.again = _password_field()
        self.again.setObjectName("resetPasswordAgain")
        self.reason = QLineEdit()
        self.reason.setObjectName("resetReason")
        self.reason.setPlaceholderText(self.tr("必须填写（记入审计记录）"))
        self._row("password", self.password)
        self._row("again", self.again)
        self._row("reason", self.reason)
        self.labels["password"].setText(self.tr("新密码"))
        self.labels["again"].setText(self.tr("再次输入"))
        self.labels["reason"].setText(self.tr("理由"))

    def problem_text(self) -> str:
        if not self.password.text():
            return self.tr("请填写新密码")
        if self.password.text() != self.again.text():
            return self.tr("两次输入的密码不一致")
        if not self.reason.text().strip():
            return self.tr("请填写理由")
        return ""

    def call(self) -> Callable[[], str]:
        archive, user = self.archive, self.account.user_name
        password, reason = self.password.text(), self.reason.text().strip()

        def run() -> str:
            return directory.reset_password(archive, user, password, reason).user_name

        return run


class RoleDialog(_AccountForm):
    """Grant a role to an account, or revoke one it holds (the security officer)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        account: AccountView,
        grant: bool,
        parent: QWidget | None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("roleDialog")
        self.account = account
        self.grant = grant
        self.setWindowTitle(self.tr("授予角色") if grant else self.tr("撤销角色"))
        self.heading.setText(
            self.tr("{name}（{user}）现有角色：{roles}").format(
                name=account.display_name, user=account.user_name, roles=roles_text(account.roles)
            )
        )
        self.role = QComboBox()
        self.role.setObjectName("roleChoice")
        choices = [r for r in Role if r not in account.roles] if grant else list(account.roles)
        for role in choices:
            self.role.addItem(role_label(role), role.value)
        self.reason = QLineEdit()
        self.reason.setObjectName("roleReason")
        self.reason.setPlaceholderText(self.tr("必须填写（记入审计记录）"))
        self._row("role", self.role)
        self._row("reason", self.reason)
        self.labels["role"].setText(self.tr("角色"))
        self.labels["reason"].setText(self.tr("理由"))

    def choose(self, role: Role) -> None:
        self.role.setCurrentIndex(self.role.findData(role.value))

    def problem_text(self) -> str:
        if self.role.currentData() is None:
            return self.tr("没有可选的角色")
        if not self.reason.text().strip():
            return self.tr("请填写理由")
        return ""

    def call(self) -> Callable[[], str]:
        archive, user = self.archive, self.account.user_name
        role, reason = str(self.role.currentData()), self.reason.text().strip()
        change = directory.grant_role if self.grant else directory.revoke_role

        def run() -> str:
            return change(archive, user, role, reason).user_name

        return run


class AccountsDialog(QDialog):
    """账户与角色: the accounts table and, for the security officer, the policy."""

    def __init__(
        self, archive: Archive, runner: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self.archive = archive
        self.runner = runner if runner is not None else TaskRunner(self)
        self.accounts: list[AccountView] = []
        self.dialog: QDialog | None = None  # the form open now (tests reach it here)
        self.policy = SecurityPolicy()

        self.tabs = QTabWidget()
        # -- accounts --------------------------------------------------------------------
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("accountsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addAccount")
        self.add_button.clicked.connect(self.add_account)
        self.disable_button = QPushButton()
        self.disable_button.setObjectName("disableAccount")
        self.disable_button.clicked.connect(lambda: self.set_active(False))
        self.enable_button = QPushButton()
        self.enable_button.setObjectName("enableAccount")
        self.enable_button.clicked.connect(lambda: self.set_active(True))
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("resetPassword")
        self.reset_button.clicked.connect(self.reset_password)
        self.grant_button = QPushButton()
        self.grant_button.setObjectName("grantRole")
        self.grant_button.clicked.connect(lambda: self.change_role(True))
        self.revoke_button = QPushButton()
        self.revoke_button.setObjectName("revokeRole")
        self.revoke_button.clicked.connect(lambda: self.change_role(False))
        self.note = QLabel()
        self.note.setObjectName("accountsNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666;")
        admin_row = QHBoxLayout()
        for button in (self.add_button, self.disable_button, self.enable_button, self.reset_button):
            admin_row.addWidget(button)
        admin_row.addStretch(1)
        role_row = QHBoxLayout()
        role_row.addWidget(self.grant_button)
        role_row.addWidget(self.revoke_button)
        role_row.addStretch(1)
        accounts_tab = QWidget()
        accounts_layout = QVBoxLayout(accounts_tab)
        accounts_layout.addWidget(self.table, 1)
        accounts_layout.addLayout(admin_row)
        accounts_layout.addLayout(role_row)
        accounts_layout.addWidget(self.note)

        # -- security policy -------------------------------------------------------------
        self.policy_fields: dict[str, QSpinBox] = {}
        self.policy_labels: dict[str, QLabel] = {}
        policy_tab = QWidget()
        policy_layout = QVBoxLayout(policy_tab)
        policy_form = QFormLayout()
        for key in POLICY_KEYS:
            spin = QSpinBox()
            spin.setObjectName("policy_" + key)
            spin.setRange(*BOUNDS[key])
            label = QLabel()
            self.policy_fields[key] = spin
            self.policy_labels[key] = label
            policy_form.addRow(label, spin)
        self.policy_save = QPushButton()
        self.policy_save.setObjectName("savePolicy")
        self.policy_save.clicked.connect(self.save_policy)
        self.policy_note = QLabel()
        self.policy_note.setObjectName("policyNote")
        self.policy_note.setWordWrap(True)
        self.policy_problem = QLabel()
        self.policy_problem.setObjectName("policyProblem")
        self.policy_problem.setWordWrap(True)
        self.policy_problem.setStyleSheet("color: #a11d1d;")
        self.policy_problem.setVisible(False)
        save_row = QHBoxLayout()
        save_row.addWidget(self.policy_save)
        save_row.addStretch(1)
        policy_layout.addLayout(policy_form)
        policy_layout.addWidget(self.policy_problem)
        policy_layout.addLayout(save_row)
        policy_layout.addWidget(self.policy_note)
        policy_layout.addStretch(1)

        self.tabs.addTab(accounts_tab, "")
        self.tabs.addTab(policy_tab, "")
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.close_buttons)
        fit_to_screen(self, 900, 600)
        self.retranslate()
        self.reload()

    # -- who may do what -----------------------------------------------------------------

    def may(self, right: Right) -> bool:
        person = self.archive.person
        return bool(person and person.may(right) and not person.must_change_password)

    def selected(self) -> AccountView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.accounts):
            return None
        return self.accounts[rows[0].row()]

    def select(self, user_name: str) -> None:
        for row, account in enumerate(self.accounts):
            if account.user_name == user_name:
                self.table.selectRow(row)
                return

    def _enable(self, button: QPushButton, why_not: str) -> None:
        button.setEnabled(not why_not)
        button.setToolTip(why_not)

    def update_buttons(self) -> None:
        accounts, roles = self.may(Right.ACCOUNTS), self.may(Right.ROLES)
        no_accounts = "" if accounts else self.tr("只有系统管理员可以管理账户")
        no_roles = "" if roles else self.tr("只有安全保密员可以授予或撤销角色")
        account = self.selected()
        choose = self.tr("请先在表中选择一个账户")
        self._enable(self.add_button, no_accounts)
        if no_accounts or account is None:
            for button in (self.disable_button, self.enable_button, self.reset_button):
                self._enable(button, no_accounts or choose)
        else:
            self._enable(self.disable_button, "" if account.active else self.tr("该账户已停用"))
            self._enable(self.enable_button, self.tr("该账户在用") if account.active else "")
            self._enable(self.reset_button, "")
        if no_roles or account is None:
            for button in (self.grant_button, self.revoke_button):
                self._enable(button, no_roles or choose)
        else:
            self._enable(self.grant_button, "")
            self._enable(self.revoke_button, "" if account.roles else self.tr("该账户没有角色"))
        for spin in self.policy_fields.values():
            spin.setReadOnly(not roles)
        self._enable(self.policy_save, "" if roles else self.tr("只有安全保密员可以修改安全策略"))
        if accounts or roles:
            self.note.setText("")
        else:
            self.note.setText(self.tr("只读：您可以查看账户，但不能修改。"))
        self.note.setVisible(bool(self.note.text()))

    # -- reading -------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        current = self.selected()
        chosen = select or (current.user_name if current else None)
        try:
            self.accounts = directory.list_accounts(self.archive)
            self.policy = directory.security_policy(self.archive)
        except Exception as exc:
            self.accounts = []
            errors.show_error(self, exc)
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            cells = [
                account.user_name,
                account.display_name,
                roles_text(account.roles),
                self.state_text(account),
                self.tr("是") if account.must_change_password else "",
                self.tr("是") if account.service else "",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        for key, spin in self.policy_fields.items():
            spin.setValue(int(getattr(self.policy, key)))
        if chosen:
            self.select(chosen)
        self.update_buttons()

    def state_text(self, account: AccountView) -> str:
        if not account.active:
            return self.tr("已停用")
        if account.locked:
            return self.tr("已锁定")
        return self.tr("在用")

    # -- changes -------------------------------------------------------------------------

    def _open(self, dialog: _AccountForm) -> None:
        self.dialog = dialog
        dialog.changed_user.connect(lambda user: self.reload(select=user))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def add_account(self) -> None:
        self._open(AddAccountDialog(self.archive, self.runner, self))

    def reset_password(self) -> None:
        account = self.selected()
        if account is not None:
            self._open(ResetPasswordDialog(self.archive, self.runner, account, self))

    def change_role(self, grant: bool) -> None:
        account = self.selected()
        if account is not None:
            self._open(RoleDialog(self.archive, self.runner, account, grant, self))

    def set_active(self, active: bool) -> None:
        account = self.selected()
        if account is None:
            return
        who = self.tr("{name}（{user}）").format(name=account.display_name, user=account.user_name)
        if active:
            title, change = self.tr("启用账户"), self.tr("启用 {who}").format(who=who)
        else:
            title = self.tr("停用账户")
            change = self.tr("停用 {who}：其会话结束，不能再登录；账户和它的记录都保留。").format(
                who=who
            )
        reason = ask_reason(self, title, change)
        if reason is None:
            return
        change_call = directory.enable_account if active else directory.disable_account
        user = account.user_name
        self._run(title, lambda: change_call(self.archive, user, reason).user_name)

    def _run(self, name: str, call: Callable[[], Any]) -> None:
        def work(_ctx: TaskContext) -> Any:
            return call()

        def done(result: Any) -> None:
            self.reload(select=result if isinstance(result, str) else None)

        def failed(exc: BaseException, details: str) -> None:
            errors.show_error(self, exc, details)
            self.reload()

        self.runner.submit(name, work, write=True, on_done=done, on_error=failed)

    def save_policy(self) -> None:
        edits = {
            key: str(spin.value())
            for key, spin in self.policy_fields.items()
            if spin.value() != getattr(self.policy, key)
        }
        self.policy_problem.setVisible(False)
        if not edits:
            self.policy_problem.setText(self.tr("安全策略没有改动"))
            self.policy_problem.setVisible(True)
            return
        change = "\n".join(
            self.tr("{what}：{before} → {after}").format(
                what=self.policy_labels[key].text(),
                before=getattr(self.policy, key),
                after=value,
            )
            for key, value in edits.items()
        )
        reason = ask_reason(self, self.tr("修改安全策略"), change)
        if reason is None:
            return
        archive = self.archive

        def work(_ctx: TaskContext) -> SecurityPolicy:
            return directory.edit_security_policy(archive, edits, reason)

        def failed(exc: BaseException, details: str) -> None:
            if isinstance(exc, ArchivistError) and not isinstance(exc, AccessRefused):
                self.policy_problem.setText(exc.message())
                self.policy_problem.setVisible(True)
            else:
                errors.show_error(self, exc, details)

        self.runner.submit(
            self.tr("修改安全策略"),
            work,
            write=True,
            on_done=lambda _policy: self.reload(),
            on_error=failed,
        )

    # -- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("账户与角色"))
        self.tabs.setTabText(0, self.tr("账户"))
        self.tabs.setTabText(1, self.tr("安全策略"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("用户名"),
                self.tr("姓名"),
                self.tr("角色"),
                self.tr("状态"),
                self.tr("须改密码"),
                self.tr("服务账户"),
            ]
        )
        self.add_button.setText(self.tr("添加账户…"))
        self.disable_button.setText(self.tr("停用…"))
        self.enable_button.setText(self.tr("启用…"))
        self.reset_button.setText(self.tr("重置密码…"))
        self.grant_button.setText(self.tr("授予角色…"))
        self.revoke_button.setText(self.tr("撤销角色…"))
        names = {
            "window_lock_minutes": self.tr("窗口空闲锁定（分钟）"),
            "session_idle_minutes": self.tr("命令行会话空闲失效（分钟）"),
            "lockout_attempts": self.tr("连续输错密码几次锁定"),
            "lockout_minutes": self.tr("锁定时长（分钟）"),
            "password_min_length": self.tr("密码最短长度"),
        }
        for key, label in self.policy_labels.items():
            label.setText(names[key])
        self.policy_save.setText(self.tr("保存策略…"))
        self.policy_note.setText(self.tr("由安全保密员设置；修改须填写理由，记入审计记录。"))
        close = self.close_buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("关闭"))
        if self.accounts:
            self.reload()
        else:
            self.update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:  # closing: wait for a change still running
        if self.runner.parent() is self:
            self.runner.wait()
        super().done(result)


def open_accounts_dialog(parent: QWidget, archive: Archive) -> None:
    """账户与角色, modal over `parent`. Its changes run on a task runner of its own,
    which it waits for when closed (they take a password hash's time at most)."""
    dialog = AccountsDialog(archive, None, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
