"""What every window on an archive does for the person signed in: who it is (status bar
and title), the 账户 menu (切换用户…, 修改密码…, 退出登录, 账户与角色…, 访问日志…), actions
the person's roles do not carry disabled with the reason, and the idle lock: after the
security officer's `window_lock_minutes` without keyboard or mouse input the content is
hidden behind a lock panel until the same person's password is typed (or someone else
signs in).

`RestrictedWindow` is the window of a person who may not read the archive's content
(the three administrators): a panel saying so, with what they may do, instead of the
item views (the core would refuse every read)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from archivist.accounts.directory import security_policy
from archivist.accounts.rights import permits
from archivist.accounts.roles import Right, holders_of
from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.preferences import Preferences
from ui.people.labels import person_text, roles_text

if TYPE_CHECKING:
    from ui.tasks import TaskRunner

PROBLEM_STYLE = "color: #a11d1d;"
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class SignedInWindow(QMainWindow):
    reopen_requested = Signal(str)
    language_changed = Signal(str)
    person_changed = Signal()  # another person signed in: the owner rebuilds the window
    runner: TaskRunner  # the window's background work
    remember_layout: bool = True  # off for smoke runs: they leave the user's settings alone

    def __init__(self, archive: Archive, prefs: Preferences) -> None:
        super().__init__()
        self.archive = archive
        self.prefs = prefs
        self.locked = False
        self._hidden: list[QWidget] = []
        self._content: QWidget | None = None
        self.lock_panel: LockPanel | None = None
        self.person_label = QLabel()
        self.person_label.setObjectName("personLabel")
        self.account_actions: dict[str, QAction] = {}
        self.gated: dict[QAction, Right] = {}
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        try:
            minutes = security_policy(archive).window_lock_minutes
        except ArchivistError:
            minutes = 10
        self.idle_timer.setInterval(minutes * 60_000)
        self._watching = False

    # -- set up by the window once its menus exist ----------------------------------------
    def setup_people(self, before: QAction | None = None) -> QMenu:
        """The 账户 menu (inserted before `before`), the person in the status bar, and
        the idle lock started."""
        for key, slot in (
            ("switch_user", self.switch_user),
            ("change_password", self.change_password),
            ("sign_out", self.sign_out),
            ("accounts", self.open_accounts),
            ("access_log", self.open_access_log),
        ):
            action = QAction(self)
            action.setObjectName(f"{key}Action")
            action.triggered.connect(slot)
            self.account_actions[key] = action
        menu = QMenu(self)
        menu.setObjectName("accountMenu")
        menu.setToolTipsVisible(True)
        for key in ("switch_user", "change_password", "sign_out"):
            menu.addAction(self.account_actions[key])
        menu.addSeparator()
        menu.addAction(self.account_actions["accounts"])
        menu.addAction(self.account_actions["access_log"])
        self.account_menu = menu
        if before is not None:
            self.menuBar().insertMenu(before, menu)
        else:
            self.menuBar().addMenu(menu)
        self.statusBar().addPermanentWidget(self.person_label)
        self.gate_account_actions()
        self.retranslate_people()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            self._watching = True
        self.idle_timer.start()
        return menu

    def gate_account_actions(self) -> None:
        person = self.archive.person
        manage = self.account_actions["accounts"]
        may_manage = permits(person, Right.ACCOUNTS) or permits(person, Right.ROLES)
        manage.setEnabled(may_manage)
        manage.setToolTip("" if may_manage else self.refusal(Right.ACCOUNTS, Right.ROLES))
        self.gate(self.account_actions["access_log"], Right.ACCESS_REVIEW)

    def refusal(self, *rights: Right) -> str:
        """Why an action is greyed: the person's roles, and the roles that may."""
        person = self.archive.person
        holders = {role for right in rights for role in holders_of(right)}
        return self.tr("您的角色（{roles}）不能做这件事；需要：{holders}").format(
            roles=roles_text(person.roles) if person else self.tr("未登录"),
            holders=roles_text(holders),
        )

    def gate(self, action: QAction, right: Right) -> None:
        """Enabled only for a person whose roles carry `right`; else greyed, with why."""
        self.gated[action] = right
        allowed = permits(self.archive.person, right)
        action.setEnabled(allowed)
        if not allowed:
            action.setToolTip(self.refusal(right))

    def people_title(self) -> str:
        person = self.archive.person
        return f" — {person_text(person)}" if person is not None else ""

    def retranslate_people(self) -> None:
        if not self.account_actions:
            return
        texts = {
            "switch_user": self.tr("切换用户…"),
            "change_password": self.tr("修改密码…"),
            "sign_out": self.tr("退出登录"),
            "accounts": self.tr("账户与角色…"),
            "access_log": self.tr("访问日志…"),
        }
        for key, text in texts.items():
            self.account_actions[key].setText(text)
        self.account_menu.setTitle(self.tr("账户(&A)"))
        person = self.archive.person
        self.person_label.setText(
            self.tr("登录：{person}").format(person=person_text(person)) if person else ""
        )
        for action, right in self.gated.items():
            if not action.isEnabled():
                action.setToolTip(self.refusal(right))
        if self.lock_panel is not None:
            self.lock_panel.retranslate()

    # -- the idle lock ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and not self.locked and self.idle_timer.isActive():
            self.idle_timer.start()  # input: the idle time starts again
        return False

    def lock(self) -> None:
        """Hide the content behind the lock panel (the person stays signed in)."""
        if self.locked or self.archive.person is None:
            return
        self._hide_content(LockPanel(self, signed_out=False))

    def _hide_content(self, panel: LockPanel) -> None:
        """Docks, toolbars and dialogs hidden, the central widget swapped for `panel`.
        A dialog waiting in exec() (a question) ends as cancelled when hidden and is not
        shown again; the window's other dialogs (opened with open()) come back."""
        self.locked = True
        self.idle_timer.stop()
        self._hidden = [
            w
            for w in (
                *self.findChildren(QDockWidget),
                *self.findChildren(QToolBar),
                *self.findChildren(QDialog),
            )
            if w.isVisible()
            # a dialog in exec() (a question): cancelled by hiding, not shown again
            and not (
                isinstance(w, QDialog) and w.windowModality() == Qt.WindowModality.ApplicationModal
            )
        ]
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.hide()
        for widget in self._hidden:
            widget.hide()
        self.menuBar().setEnabled(False)
        self._content = self.takeCentralWidget()
        self.lock_panel = panel
        self.setCentralWidget(panel)
        panel.password.setFocus()

    def unlock(self) -> None:
        """Show the content again (the password was checked by the caller)."""
        if not self.locked:
            return
        panel = self.takeCentralWidget()
        if panel is not None:
            panel.deleteLater()
        self.lock_panel = None
        if self._content is not None:
            self.setCentralWidget(self._content)
            self._content.show()  # taken out, it was hidden
        self._content = None
        self.menuBar().setEnabled(True)
        for widget in self._hidden:
            try:
                widget.show()
            except RuntimeError:  # deleted meanwhile
                continue
        self._hidden = []
        self.locked = False
        self.idle_timer.start()

    # -- the 账户 menu -----------------------------------------------------------------------
    def switch_user(self) -> bool:
        """Someone else signs in: the window is rebuilt for them (person_changed). The
        same person signing in again just unlocks."""
        from ui.people.sign_in_dialog import sign_in_flow

        before = self.archive.person
        if not sign_in_flow(self, self.archive, self.prefs):
            return False
        self.unlock()
        after = self.archive.person
        if before is None or after is None or after.user_name != before.user_name:
            self.person_changed.emit()
        else:
            self.retranslate_people()
        return True

    def change_password(self) -> None:
        from ui.people.password_dialog import open_password_dialog

        if open_password_dialog(self, self.archive):
            self.statusBar().showMessage(self.tr("密码已修改"), 8000)

    def sign_out(self) -> None:
        """退出登录: the content hidden, the sign-in dialog; cancelling it closes the window."""
        from ui.people.sign_in_dialog import sign_in_flow

        if not self.locked:
            self._hide_content(LockPanel(self, signed_out=True))
        elif self.lock_panel is not None:
            self.lock_panel.signed_out = True
            self.lock_panel.retranslate()
        self.archive.sign_out()
        if sign_in_flow(self, self.archive, self.prefs):
            self.unlock()
            self.person_changed.emit()
        else:
            self.close()

    def open_accounts(self) -> None:
        from ui.people.accounts_dialog import open_accounts_dialog

        open_accounts_dialog(self, self.archive)

    def open_access_log(self) -> None:
        from ui.people.access_log_dialog import open_access_log_dialog

        open_access_log_dialog(self, self.archive)

    def stop_watching(self) -> None:
        self.idle_timer.stop()
        app = QApplication.instance()
        if self._watching and app is not None:
            app.removeEventFilter(self)
        self._watching = False

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_watching()
        super().closeEvent(event)


class LockPanel(QWidget):
    """窗口已锁定: the same person's password unlocks; 切换用户… lets someone else in."""

    def __init__(self, window: SignedInWindow, *, signed_out: bool) -> None:
        super().__init__()
        self.setObjectName("lockPanel")
        self.window_ = window
        self.signed_out = signed_out
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        self.password.returnPressed.connect(self.try_unlock)
        self.password.textEdited.connect(lambda _t: self._show_problem(""))
        self.problem = QLabel()
        self.problem.setObjectName("unlockProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setVisible(False)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button = QPushButton()
        self.switch_button.setObjectName("lockSwitchUser")
        self.switch_button.clicked.connect(window.switch_user)
        box = QWidget()
        box.setMinimumWidth(420)
        box.setMaximumWidth(520)
        inner = QVBoxLayout(box)
        inner.addWidget(self.heading)
        inner.addWidget(self.text)
        inner.addWidget(self.password)
        inner.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.retranslate()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def try_unlock(self) -> None:
        person = self.window_.archive.person
        if person is None or self.signed_out:
            self.window_.switch_user()
            return
        if not self.password.text():
            self._show_problem(self.tr("请输入密码"))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.window_.archive.sign_in(person.user_name, self.password.text())
        except ArchivistError as exc:
            self.password.clear()
            self._show_problem(exc.message())
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.window_.unlock()

    def retranslate(self) -> None:
        person = self.window_.archive.person
        if self.signed_out or person is None:
            self.heading.setText(self.tr("已退出登录"))
            self.text.setText(self.tr("请登录后继续使用。"))
            self.password.setVisible(False)
            self.unlock_button.setText(self.tr("登录…"))
        else:
            self.heading.setText(self.tr("窗口已锁定"))
            self.text.setText(
                self.tr("一段时间没有操作，窗口已锁定。{person}，请输入密码解锁。").format(
                    person=person_text(person)
                )
            )
            self.password.setVisible(True)
            self.password.setPlaceholderText(self.tr("密码"))
            self.unlock_button.setText(self.tr("解锁"))
        self.switch_button.setText(self.tr("切换用户…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class RestrictedWindow(SignedInWindow):
    """The window of a person whose roles do not read the archive (系统管理员, 安全保密员,
    安全审计员): what they may do, and no item views."""

    def __init__(self, archive: Archive, prefs: Preferences, **_options: Any) -> None:
        from ui.tasks import TaskRunner

        super().__init__(archive, prefs)
        self.setObjectName("restrictedWindow")
        self.runner = TaskRunner(self)
        self.remember_layout = False
        self.heading = QLabel()
        self.heading.setObjectName("noReadHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        panel = QWidget()
        panel.setObjectName("noReadPanel")
        box = QWidget()
        box.setMaximumWidth(640)
        inner = QVBoxLayout(box)
        inner.addWidget(self.heading)
        inner.addWidget(self.explanation)
        inner.addSpacing(8)
        quit_action = QAction(self)
        quit_action.triggered.connect(self.close)
        self.quit_action = quit_action
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(quit_action)
        self.setup_people()
        for key, action in (
            ("accounts", self.account_actions["accounts"]),
            ("access_log", self.account_actions["access_log"]),
            ("verify", None),
            ("settings", None),
            ("change_password", self.account_actions["change_password"]),
            ("switch_user", self.account_actions["switch_user"]),
            ("sign_out", self.account_actions["sign_out"]),
        ):
            button = QPushButton()
            button.setObjectName(f"noRead_{key}")
            if action is not None:
                button.clicked.connect(action.trigger)
                button.setVisible(action.isEnabled())
            elif key == "settings":
                button.clicked.connect(self.open_settings)
                button.setVisible(permits(archive.person, Right.SETTINGS))
            else:
                button.clicked.connect(self.open_verify)
                button.setVisible(permits(archive.person, Right.VERIFY))
            self.buttons[key] = button
            inner.addWidget(button)
        inner.addStretch(1)
        row = QHBoxLayout(panel)
        row.addStretch(1)
        row.addWidget(box, 3)
        row.addStretch(1)
        self.setCentralWidget(panel)
        self.retranslate()
        self.resize(960, 640)

    def open_settings(self) -> None:
        """The archive settings (the system administrator's), with the per-user ones."""
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.archive, self.prefs, self.runner, self)
        dialog.open()
        self.settings_dialog = dialog

    def open_verify(self) -> None:
        """The 校验 view as the main window has it (the last results, verify, a chain
        head read off paper, the four-property check and its report): the auditor's and
        the verifier's work, though their roles do not read the archive."""
        from PySide6.QtWidgets import QDialog

        from ui.integrity.view import IntegrityView
        from ui.screen import fit_to_screen

        dialog = QDialog(self)
        dialog.setObjectName("integrityDialog")
        dialog.setWindowTitle(self.tr("校验"))
        self.integrity = IntegrityView(self.archive, self.runner, dialog)
        layout = QVBoxLayout(dialog)
        layout.addWidget(self.integrity)
        fit_to_screen(dialog, 1100, 720)
        dialog.open()
        self.verify_dialog = dialog

    def retranslate(self) -> None:
        person = self.archive.person
        roles = roles_text(person.roles) if person else self.tr("未登录")
        self.setWindowTitle(
            self.tr("档案室 — {name}").format(name=self.archive.root.name) + self.people_title()
        )
        self.heading.setText(self.tr("您的角色（{roles}）不能查看档案内容").format(roles=roles))
        self.explanation.setText(
            self.tr(
                "按三员分立的规定，管理员不查看、不处理档案。您可以做的工作在下面；"
                "要查看档案，请用档案管理员等业务账户登录。"
            )
        )
        texts = {
            "accounts": self.tr("账户与角色…"),
            "access_log": self.tr("访问日志…"),
            "verify": self.tr("校验档案库…"),
            "settings": self.tr("档案库设置…"),
            "change_password": self.tr("修改密码…"),
            "switch_user": self.tr("切换用户…"),
            "sign_out": self.tr("退出登录"),
        }
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.file_menu.setTitle(self.tr("文件(&F)"))
        self.quit_action.setText(self.tr("退出"))
        self.retranslate_people()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel_all()
        self.runner.wait(60000)
        super().closeEvent(event)
