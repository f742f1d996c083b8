"""Signing in in the window (issue 13): the sign-in dialog before the window, a password
set by someone else changed first, who is signed in shown, switching user, the idle
lock, the administrators' window without the archive's content, the three accounts of
a new archive, the upgrade of an archive from before accounts, the demo archivist."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from archivist.accounts import directory
from archivist.accounts.roles import Role
from archivist.archive import Archive
from archivist.preferences import Preferences, preferences_file
from ui.app import Launcher, demo_sign_in, main
from ui.main_window import MainWindow
from ui.people.administrators_dialog import AdministratorsDialog, AdministratorsForm
from ui.people.password_dialog import PasswordDialog
from ui.people.sign_in_dialog import SignInDialog
from ui.people.signed_in_window import RestrictedWindow
from ui.welcome_dialog import WelcomeDialog

from ..conftest import PASSWORD, add_person
from .conftest import capture_sample


@pytest.fixture
def launcher(prefs: Preferences, tmp_path: Path) -> Iterator[Launcher]:
    chosen = Launcher(prefs, watch_hot_folder=False, auto_ocr=False)
    chosen.demo_folder = tmp_path / "user-data" / "demo"
    yield chosen
    if chosen.window is not None:
        chosen.window.close()
        chosen.window.archive.close()


def answer(
    monkeypatch: pytest.MonkeyPatch, kind: type[QDialog], script: Callable[[Any], None]
) -> list[str]:
    """`kind`'s exec(): worked by `script` as a person would; the texts shown listed."""
    seen: list[str] = []

    def exec_(self: Any) -> int:
        script(self)
        seen.append(self.objectName())
        return int(self.result())

    monkeypatch.setattr(kind, "exec", exec_)
    return seen


def reopened(archive: Archive) -> Archive:
    """The same archive opened afresh: nobody signed in."""
    root = archive.root
    archive.close()
    return Archive.open(root)


def test_the_sign_in_dialog_shows_the_refusal_and_remembers_the_name(
    archive: Archive, prefs: Preferences, qtbot: Any, shown_errors: list[tuple[str, str]]
) -> None:
    fresh = reopened(archive)
    try:
        dialog = SignInDialog(fresh, prefs)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.user.text() == "" and not dialog.problem.isVisible()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert "用户名" in dialog.problem.text()  # nothing typed: said under the fields
        dialog.user.setText("tester")
        dialog.password.setText("wrong-password-1")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.problem.isVisible()
        assert "用户名或密码不正确" in dialog.problem.text()
        assert dialog.isVisible() and fresh.person is None
        assert dialog.password.text() == ""  # a wrong password is not kept
        qtbot.keyClicks(dialog.password, "x")
        assert not dialog.problem.isVisible()  # typing clears it
        dialog.password.setText(PASSWORD)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert fresh.person is not None and fresh.person.user_name == "tester"
        # the name is remembered for this archive, never the password
        saved = Preferences.load()
        assert saved.sign_in_name(fresh.root) == "tester"
        assert PASSWORD not in preferences_file().read_text(encoding="utf-8")
        again = SignInDialog(fresh, saved)
        qtbot.addWidget(again)
        assert again.user.text() == "tester" and again.password.text() == ""
        # a disabled account: the core's reason under the fields
        fresh.sign_in("admin", PASSWORD)
        directory.disable_account(fresh, "tester", "测试：离职")
        fresh.person = None
        again.password.setText(PASSWORD)
        again.try_sign_in()
        assert "已停用" in again.problem.text() and fresh.person is None
        assert shown_errors == []
    finally:
        fresh.close()


def test_locked_after_wrong_passwords(archive: Archive, prefs: Preferences, qtbot: Any) -> None:
    fresh = reopened(archive)
    try:
        dialog = SignInDialog(fresh, prefs, user_name="tester")
        qtbot.addWidget(dialog)
        for _ in range(5):
            dialog.password.setText("wrong-password-1")
            dialog.try_sign_in()
        assert "锁定" in dialog.problem.text()
        dialog.password.setText(PASSWORD)  # the right one, too late
        dialog.try_sign_in()
        assert "锁定" in dialog.problem.text() and fresh.person is None
    finally:
        fresh.close()


def test_cancelling_the_sign_in_opens_no_window(
    launcher: Launcher, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = archive.root
    archive.close()
    seen = answer(monkeypatch, SignInDialog, lambda dialog: dialog.reject())
    assert not launcher.start(root)
    assert seen == ["signInDialog"] and launcher.window is None


def test_a_password_set_by_someone_else_is_changed_before_the_window(
    launcher: Launcher,
    archive: Archive,
    monkeypatch: pytest.MonkeyPatch,
    shown_errors: list[tuple[str, str]],
) -> None:
    archive.sign_in("admin", PASSWORD)
    directory.add_account(archive, "newbie", "新同事", "Chushi-2024-mima")
    archive.sign_in("security", PASSWORD)
    directory.grant_role(archive, "newbie", "archivist", "测试：岗位分配")
    root = archive.root
    archive.close()

    def sign_in(dialog: SignInDialog) -> None:
        dialog.user.setText("newbie")
        dialog.password.setText("Chushi-2024-mima")
        dialog.try_sign_in()

    signed = answer(monkeypatch, SignInDialog, sign_in)
    tries: list[str] = []

    def change(dialog: PasswordDialog) -> None:
        assert "别人为您设置" in dialog.intro.text() and dialog.forced
        assert dialog.cancel_button.text() == "退出登录"
        if not tries:  # first: leaves (signed out, asked again)
            tries.append("left")
            dialog.reject()
            return
        dialog.old.setText("Chushi-2024-mima")
        dialog.new.setText("abc")
        dialog.again.setText("abc")
        dialog.change()
        assert dialog.new_problem.isVisibleTo(dialog) and "至少" in dialog.new_problem.text()
        tries.append(dialog.new_problem.text())
        dialog.new.setText("Xin-mima-2025")
        dialog.again.setText("Xin-mima-2026")
        dialog.change()
        assert "不一致" in dialog.again_problem.text()
        dialog.old.setText("not-the-old-one")
        dialog.again.setText("Xin-mima-2025")
        dialog.change()
        assert "原密码不正确" in dialog.old_problem.text()
        dialog.old.setText("Chushi-2024-mima")
        dialog.change()

    answer(monkeypatch, PasswordDialog, change)
    assert launcher.start(root)
    assert signed == ["signInDialog", "signInDialog"]  # asked again after leaving
    window = launcher.window
    assert isinstance(window, MainWindow)
    person = window.archive.person
    assert person is not None and person.user_name == "newbie"
    assert not person.must_change_password
    assert "新同事（档案管理员）" in window.person_label.text()
    assert "新同事" in window.windowTitle()
    assert shown_errors == []
    window.archive.sign_out()
    assert window.archive.sign_in("newbie", "Xin-mima-2025").user_name == "newbie"


def test_switching_user_rebuilds_the_window_for_the_new_person(
    launcher: Launcher,
    archive: Archive,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
    tmp_path: Path,
    shown_errors: list[tuple[str, str]],
    sign_ins: list[str],
) -> None:
    capture_sample(archive, tmp_path / "drop")
    add_person(archive, "boss", "head")
    root = archive.root
    archive.close()
    assert launcher.start(root)
    first = launcher.window
    assert isinstance(first, MainWindow) and sign_ins == ["tester"]
    assert first.commands["capture"].isEnabled()
    menu = first.account_menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["切换用户…", "修改密码…", "退出登录", "账户与角色…", "访问日志…"]
    assert not first.account_actions["accounts"].isEnabled()  # an archivist manages nobody

    # the head: reads, but captures nothing; the reason is on the greyed action
    def as_boss(dialog: SignInDialog) -> None:
        dialog.user.setText("boss")
        dialog.password.setText(PASSWORD)
        dialog.try_sign_in()

    answer(monkeypatch, SignInDialog, as_boss)
    first.account_actions["switch_user"].trigger()
    qtbot.waitUntil(lambda: launcher.window is not first, timeout=10000)
    second = launcher.window
    assert isinstance(second, MainWindow) and second.isVisible() and not first.isVisible()
    assert "boss（负责人）" in second.person_label.text()
    capture = second.commands["capture"]
    assert not capture.isEnabled() and "负责人" in capture.toolTip()
    assert "档案管理员" in capture.toolTip()
    assert not second.commands["build_volumes"].isEnabled()
    qtbot.waitUntil(lambda: second.model.rowCount() == 1, timeout=10000)

    # the system administrator: the window without the archive's content
    def as_admin(dialog: SignInDialog) -> None:
        dialog.user.setText("admin")
        dialog.password.setText(PASSWORD)
        dialog.try_sign_in()

    answer(monkeypatch, SignInDialog, as_admin)
    second.switch_user()
    qtbot.waitUntil(lambda: isinstance(launcher.window, RestrictedWindow), timeout=10000)
    third = launcher.window
    assert "系统管理员" in third.person_label.text()
    assert shown_errors == []
    qtbot.waitUntil(lambda: not second.runner.busy(), timeout=20000)


def test_the_window_locks_when_idle_and_unlocks_with_the_password(
    window: MainWindow, qtbot: Any, shown_errors: list[tuple[str, str]]
) -> None:
    assert window.idle_timer.interval() == 10 * 60_000  # the security officer's default
    assert "tester（档案管理员）" in window.person_label.text()
    views = window.centralWidget()
    window.search_dock.show()
    window.idle_timer.setInterval(80)
    window.idle_timer.start()
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    panel = window.lock_panel
    assert panel is not None and window.centralWidget() is panel
    assert not views.isVisible() and not window.search_dock.isVisible()
    assert not window.menuBar().isEnabled() and not window.toolbar.isVisible()
    assert "窗口已锁定" in panel.heading.text() and "tester" in panel.text.text()
    panel.password.setText("wrong-password-1")
    qtbot.waitUntil(panel.unlock_button.isVisible, timeout=5000)
    panel.unlock_button.click()  # as a click does, without depending on where it lies
    assert panel.problem.isVisible() and "不正确" in panel.problem.text()
    assert window.locked
    panel.password.setText(PASSWORD)
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    assert not window.locked and window.centralWidget() is views
    assert views.isVisible() and window.search_dock.isVisible() and window.menuBar().isEnabled()
    assert window.idle_timer.isActive()
    assert shown_errors == []


def test_input_keeps_the_window_unlocked(window: MainWindow, qtbot: Any) -> None:
    window.idle_timer.setInterval(400)
    window.idle_timer.start()
    for _ in range(6):
        qtbot.wait(120)
        qtbot.keyClick(window.filter, Qt.Key.Key_A)
    assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=5000)


def test_an_administrator_gets_what_they_may_do_and_no_errors(
    launcher: Launcher,
    archive: Archive,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
    shown_errors: list[tuple[str, str]],
) -> None:
    for name, role_text, may_accounts, may_log in (
        ("admin", "系统管理员", True, False),
        ("security", "安全保密员", True, True),
        ("auditor", "安全审计员", False, True),
    ):
        archive.sign_in(name, PASSWORD)
        window = launcher.build(archive)
        qtbot.addWidget(window)
        window.show()
        assert isinstance(window, RestrictedWindow)
        assert window.heading.text() == f"您的角色（{role_text}）不能查看档案内容"
        assert window.buttons["accounts"].isVisible() is may_accounts
        assert window.buttons["access_log"].isVisible() is may_log
        assert window.buttons["verify"].isVisible() is (name == "auditor")
        assert window.buttons["change_password"].isVisible()
        log_action = window.account_actions["access_log"]
        assert log_action.isEnabled() is may_log
        if not may_log:
            assert role_text in log_action.toolTip()
        assert role_text in window.windowTitle()
        qtbot.wait(50)
        window.close()
    assert shown_errors == []


def test_menu_entries_open_the_account_dialogs(
    window: MainWindow, archive: Archive, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    import importlib.util

    # 修改密码…: the same dialog, not forced
    seen = answer(monkeypatch, PasswordDialog, lambda d: d.reject())
    window.account_actions["change_password"].trigger()
    assert seen == ["passwordDialog"]
    for module, function, key in (
        ("ui.people.accounts_dialog", "open_accounts_dialog", "accounts"),
        ("ui.people.access_log_dialog", "open_access_log_dialog", "access_log"),
    ):
        if importlib.util.find_spec(module) is None:
            continue  # built by another part of the work
        opened: list[Any] = []
        imported = importlib.import_module(module)
        monkeypatch.setattr(imported, function, lambda parent, arch, o=opened: o.append(arch))
        getattr(window, f"open_{key}")()
        assert opened == [archive]


def test_a_new_archive_needs_three_administrators(
    prefs: Preferences, qtbot: Any, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    dialog = WelcomeDialog(prefs, folder=tmp_path / "new", page="new")
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.admin_form
    dialog.fonds_code.setText("J023")
    dialog.fonds_name.setText("测试")
    for role, user in ((Role.SYSADMIN, "admin"), (Role.SECURITY, "admin"), (Role.AUDITOR, "a b")):
        form.edit(role, "user").setText(user)
        form.edit(role, "display").setText("某人")
        form.edit(role, "password").setText(PASSWORD)
        form.edit(role, "again").setText(PASSWORD)
    form.edit(Role.AUDITOR, "password").setText("short1")
    form.edit(Role.AUDITOR, "again").setText("short1")
    form.edit(Role.SECURITY, "again").setText(PASSWORD + "x")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "三个不同的人" in form.problem(Role.SECURITY, "user").text()
    assert "a b" in form.problem(Role.AUDITOR, "user").text()
    assert "至少" in form.problem(Role.AUDITOR, "password").text()
    assert "不一致" in form.problem(Role.SECURITY, "again").text()
    assert not form.problem(Role.SYSADMIN, "user").isVisible()
    assert not (tmp_path / "new").exists() and dialog.isVisible()
    form.edit(Role.SECURITY, "user").setText("security")
    form.edit(Role.SECURITY, "again").setText(PASSWORD)
    form.edit(Role.AUDITOR, "user").setText("auditor")
    form.edit(Role.AUDITOR, "password").setText("auditor-2024-mima")  # has the user name
    form.edit(Role.AUDITOR, "again").setText("auditor-2024-mima")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "用户名" in form.problem(Role.AUDITOR, "password").text()
    form.edit(Role.AUDITOR, "password").setText(PASSWORD)
    form.edit(Role.AUDITOR, "again").setText(PASSWORD)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    created = dialog.archive
    assert created is not None and created.person is None
    try:
        assert prefs.sign_in_name(created.root) == "admin"  # who signs in first
        for name in ("admin", "security", "auditor"):
            person = created.sign_in(name, PASSWORD)
            assert not person.must_change_password  # each typed their own
    finally:
        created.close()
    assert shown_errors == []


def test_an_archive_from_before_accounts_asks_for_its_administrators(
    launcher: Launcher,
    archive: Archive,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    shown_errors: list[tuple[str, str]],
    sign_ins: list[str],
) -> None:
    from sqlalchemy import delete

    from archivist.db.models import Account, AccountRole, SignInSession

    capture_sample(archive, tmp_path / "drop")
    with archive.db.writing() as session:  # as an archive made before accounts
        session.execute(delete(SignInSession))
        session.execute(delete(AccountRole))
        session.execute(delete(Account))
    root = archive.root
    archive.close()
    seen: dict[str, str] = {}

    def set_up(dialog: AdministratorsDialog) -> None:
        seen["explanation"] = dialog.explanation.text()
        dialog.create_accounts()  # nothing filled in: problems, nothing made
        assert dialog.form.problem(Role.SYSADMIN, "user").isVisibleTo(dialog)
        assert not dialog.archive.has_accounts()
        fill(dialog.form, ("boss-it", "sec", "audit"))
        dialog.create_accounts()

    answer(monkeypatch, AdministratorsDialog, set_up)
    assert launcher.start(root)
    assert "历史记录" in seen["explanation"] and str(root) in seen["explanation"]
    assert sign_ins == ["boss-it"]  # the new system administrator is suggested
    window = launcher.window
    assert isinstance(window, RestrictedWindow)
    assert window.archive.has_accounts()
    assert shown_errors == []


def fill(form: AdministratorsForm, names: tuple[str, str, str]) -> None:
    for role, user in zip((Role.SYSADMIN, Role.SECURITY, Role.AUDITOR), names, strict=True):
        form.edit(role, "user").setText(user)
        form.edit(role, "display").setText(f"{user} 姓名")
        form.edit(role, "password").setText(PASSWORD)
        form.edit(role, "again").setText(PASSWORD)


def test_cancelling_the_upgrade_opens_nothing(
    launcher: Launcher, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import delete

    from archivist.db.models import Account, AccountRole, SignInSession

    with archive.db.writing() as session:
        session.execute(delete(SignInSession))
        session.execute(delete(AccountRole))
        session.execute(delete(Account))
    root = archive.root
    archive.close()
    answer(monkeypatch, AdministratorsDialog, lambda d: d.reject())
    asked = answer(monkeypatch, SignInDialog, lambda d: d.reject())
    assert not launcher.start(root)
    assert asked == [] and launcher.window is None


@pytest.fixture
def demo_like(tmp_path: Path) -> Path:
    """An archive made as the demo's is (its fonds and accounts), without its items."""
    from archivist.demo.accounts import add_demo_staff, demo_administrators
    from archivist.demo.build import DEMO_FONDS

    root = tmp_path / "demo"
    made = Archive.init(root, *DEMO_FONDS, demo_administrators())
    add_demo_staff(made)
    made.close()
    return root


def test_demo_sign_in_opens_the_demo_as_its_archivist_and_nothing_else(
    prefs: Preferences,
    archive: Archive,
    demo_like: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_errors: list[tuple[str, str]],
    sign_ins: list[str],
) -> None:
    launcher = Launcher(prefs, demo_sign_in=True, watch_hot_folder=False, auto_ocr=False)
    try:
        assert launcher.start(demo_like)
        assert sign_ins == []  # no dialog
        window = launcher.window
        assert isinstance(window, MainWindow)
        assert "王芳（档案管理员、鉴定小组成员）" in window.person_label.text()
        window.close()
        window.archive.close()
        # another archive: the dialog, and no demo password tried on it
        other = archive.root
        archive.close()
        with Archive.open(other) as opened:
            assert not demo_sign_in(opened) and opened.person is None
        assert launcher.start(other)
        assert sign_ins == ["tester"]
    finally:
        if launcher.window is not None:
            launcher.window.close()
            launcher.window.archive.close()
    assert shown_errors == []


def test_smoke_runs_as_the_demo_archivist_or_the_command_line_session(
    demo_like: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--archive", str(demo_like), "--smoke", "--demo-sign-in", "--no-hot-folder"]) == 0
    assert "archivist-gui smoke" in capsys.readouterr().out
    # nobody signed in (no session of this OS user, no demo sign-in): refused clearly
    assert main(["--archive", str(demo_like), "--smoke", "--no-hot-folder"]) == 1
    assert "尚未登录" in capsys.readouterr().err


def test_signing_out_hides_the_content_and_asks_who_signs_in(
    window: MainWindow,
    archive: Archive,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
    shown_errors: list[tuple[str, str]],
) -> None:
    views = window.centralWidget()
    changed: list[bool] = []
    window.person_changed.connect(lambda: changed.append(True))
    seen: dict[str, Any] = {}

    def as_tester(dialog: SignInDialog) -> None:
        seen["hidden"] = not views.isVisible() and archive.person is None
        dialog.user.setText("tester")
        dialog.password.setText(PASSWORD)
        dialog.try_sign_in()

    answer(monkeypatch, SignInDialog, as_tester)
    window.account_actions["sign_out"].trigger()
    assert seen["hidden"]  # nobody signed in: the content was hidden meanwhile
    assert changed == [True] and not window.locked and views.isVisible()
    assert archive.person is not None and archive.person.user_name == "tester"
    # signing out and leaving the dialog closes the window
    answer(monkeypatch, SignInDialog, lambda d: d.reject())
    window.sign_out()
    assert not window.isVisible() and archive.person is None
    assert shown_errors == []


def test_dialogs_are_hidden_while_locked(window: MainWindow, qtbot: Any) -> None:
    opened = QDialog(window)
    opened.open()  # a dialog of the window (capture, edit): back after unlocking
    asked = QDialog(window)
    results: list[int] = []
    window.idle_timer.setInterval(60)

    def ask() -> None:
        window.idle_timer.start()
        results.append(asked.exec())  # a question left open: locking cancels it

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, ask)
    qtbot.waitUntil(lambda: results != [], timeout=5000)
    assert window.locked and results == [int(QDialog.DialogCode.Rejected)]
    assert not opened.isVisible() and not asked.isVisible()
    assert window.lock_panel is not None
    window.lock_panel.password.setText(PASSWORD)
    window.lock_panel.try_unlock()
    assert not window.locked and opened.isVisible() and not asked.isVisible()


def test_closing_the_program_signs_out(
    launcher: Launcher, archive: Archive, sign_ins: list[str]
) -> None:
    from archivist.accounts.access_log import AccessKind, query

    def sign_outs() -> int:
        with Archive.open(root) as opened, opened.db.reading() as session:
            return len(query(session, user_name="tester", kind=AccessKind.SIGN_OUT.value))

    root = archive.root
    archive.close()
    before = sign_outs()
    assert launcher.start(root)
    launcher.window.close()
    launcher.close()
    launcher.window = None
    assert sign_outs() == before + 1
