"""账户与角色 and 访问日志 in the window: the system administrator adds and disables
accounts, the security officer grants roles and sets the policy (and is refused a role
for themselves), the auditor only reads; the access log filters by person and item and
shows the refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from archivist.access.access_review import read_access_log
from archivist.access.item_detail import item_detail
from archivist.accounts import directory
from archivist.accounts.roles import Role
from archivist.archive import Archive
from archivist.errors import AccessRefused
from ui.people import access_log_dialog, accounts_dialog
from ui.people.access_log_dialog import AccessLogDialog
from ui.people.accounts_dialog import (
    AccountsDialog,
    AddAccountDialog,
    ResetPasswordDialog,
    RoleDialog,
)

from ..conftest import PASSWORD, add_person
from .conftest import capture_sample


def idle(qtbot: Any, dialog: Any) -> None:
    qtbot.waitUntil(lambda: not dialog.runner.busy(), timeout=20000)
    QApplication.processEvents()


def opened(qtbot: Any, archive: Archive) -> AccountsDialog:
    dialog = AccountsDialog(archive)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def column(dialog: AccountsDialog, index: int) -> dict[str, str]:
    table = dialog.table
    return {table.item(r, 0).text(): table.item(r, index).text() for r in range(table.rowCount())}


def reasons(monkeypatch: pytest.MonkeyPatch, answer: str | None = "测试：岗位调整") -> list[str]:
    asked: list[str] = []

    def ask(_parent: Any, title: str, change: str = "", text: str = "") -> str | None:
        asked.append(change)
        return answer

    monkeypatch.setattr(accounts_dialog, "ask_reason", ask)
    return asked


def test_sysadmin_adds_an_account_and_disables_one(
    qtbot: Any, archive: Archive, monkeypatch: pytest.MonkeyPatch, shown_errors: list[Any]
) -> None:
    archive.sign_in("admin", PASSWORD)
    dialog = opened(qtbot, archive)
    assert column(dialog, 2)["tester"] == "档案管理员"
    assert column(dialog, 2)["admin"] == "系统管理员"
    assert column(dialog, 3)["tester"] == "在用"
    assert dialog.add_button.isEnabled()
    assert not dialog.grant_button.isEnabled()
    assert "安全保密员" in dialog.grant_button.toolTip()
    assert dialog.policy_fields["lockout_attempts"].isReadOnly()

    # a weak password: the core's sentence under the form, the dialog stays open
    dialog.add_button.click()
    form = dialog.dialog
    assert isinstance(form, AddAccountDialog)
    form.user_name.setText("wangfang")
    form.display_name.setText("王芳")
    form.password.setText("short1")
    form.again.setText("short2")
    form.ok_button.click()
    assert form.problem.text() == "两次输入的密码不一致"
    form.again.setText("short1")
    form.ok_button.click()
    idle(qtbot, dialog)
    assert "密码至少" in form.problem.text() and form.isVisible()
    form.password.setText("Mima-first-2024")
    form.again.setText("Mima-first-2024")
    form.ok_button.click()
    idle(qtbot, dialog)
    assert dialog.dialog is None and shown_errors == []
    assert column(dialog, 1)["wangfang"] == "王芳"
    assert column(dialog, 4)["wangfang"] == "是"  # must change the first password
    assert dialog.selected() is not None and dialog.selected().user_name == "wangfang"

    # disable tester, with a reason
    asked = reasons(monkeypatch)
    dialog.select("tester")
    assert dialog.disable_button.isEnabled() and not dialog.enable_button.isEnabled()
    dialog.disable_button.click()
    idle(qtbot, dialog)
    assert asked and "tester" in asked[0]
    assert column(dialog, 3)["tester"] == "已停用"
    assert not dialog.disable_button.isEnabled() and dialog.enable_button.isEnabled()
    assert not next(a for a in directory.list_accounts(archive) if a.user_name == "tester").active

    # reset a password: new password twice and a reason
    dialog.select("wangfang")
    dialog.reset_button.click()
    reset = dialog.dialog
    assert isinstance(reset, ResetPasswordDialog)
    reset.password.setText("Mima-again-2025")
    reset.again.setText("Mima-again-2025")
    reset.ok_button.click()
    assert reset.problem.text() == "请填写理由"
    reset.reason.setText("测试：忘记密码")
    reset.ok_button.click()
    idle(qtbot, dialog)
    assert dialog.dialog is None and shown_errors == []
    archive.sign_in("wangfang", "Mima-again-2025")


def test_security_grants_a_role_is_refused_for_self_and_edits_the_policy(
    qtbot: Any, archive: Archive, monkeypatch: pytest.MonkeyPatch, shown_errors: list[Any]
) -> None:
    add_person(archive, "lisi")
    archive.sign_in("security", PASSWORD)
    dialog = opened(qtbot, archive)
    assert not dialog.add_button.isEnabled()
    assert "系统管理员" in dialog.add_button.toolTip()
    assert not dialog.grant_button.isEnabled()  # nothing chosen yet
    dialog.select("lisi")
    assert dialog.grant_button.isEnabled()
    assert not dialog.revoke_button.isEnabled()  # lisi holds no role

    dialog.grant_button.click()
    form = dialog.dialog
    assert isinstance(form, RoleDialog)
    labels = [form.role.itemText(i) for i in range(form.role.count())]
    assert "负责人" in labels and "安全审计员" in labels
    form.choose(Role.HEAD)
    form.reason.setText("测试：任命负责人")
    form.ok_button.click()
    idle(qtbot, dialog)
    assert column(dialog, 2)["lisi"] == "负责人"

    # 三员分立: an administrator role on top of a business role, the core's refusal shown
    dialog.select("lisi")
    dialog.grant_button.click()
    form = dialog.dialog
    assert isinstance(form, RoleDialog)
    form.choose(Role.AUDITOR)
    form.reason.setText("测试")
    form.ok_button.click()
    idle(qtbot, dialog)
    assert shown_errors and "auditor" in shown_errors[-1][0] and "head" in shown_errors[-1][0]
    assert form.isVisible()  # what was chosen and typed is kept
    form.reject()
    assert column(dialog, 2)["lisi"] == "负责人"
    shown_errors.clear()

    # a role for oneself: the core's refusal in the error dialog, nothing granted
    dialog.select("security")
    dialog.grant_button.click()
    form = dialog.dialog
    assert isinstance(form, RoleDialog)
    form.choose(Role.HEAD)
    form.reason.setText("测试")
    form.ok_button.click()
    idle(qtbot, dialog)
    assert shown_errors and shown_errors[-1][0] == AccessRefused("accounts.grant_to_self").message()
    assert column(dialog, 2)["security"] == "安全保密员"

    # the policy: edited with a reason
    asked = reasons(monkeypatch)
    dialog.tabs.setCurrentIndex(1)
    assert dialog.policy_save.isEnabled()
    dialog.policy_fields["lockout_attempts"].setValue(7)
    dialog.policy_fields["window_lock_minutes"].setValue(5)
    dialog.policy_save.click()
    idle(qtbot, dialog)
    assert asked and "7" in asked[0]
    policy = directory.security_policy(archive)
    assert (policy.lockout_attempts, policy.window_lock_minutes) == (7, 5)
    assert policy.password_min_length == 10


def test_the_auditor_sees_the_accounts_read_only(
    qtbot: Any, archive: Archive, shown_errors: list[Any]
) -> None:
    archive.sign_in("auditor", PASSWORD)
    dialog = opened(qtbot, archive)
    assert set(column(dialog, 0)) >= {"admin", "security", "auditor", "tester"}
    buttons = (
        dialog.add_button,
        dialog.disable_button,
        dialog.enable_button,
        dialog.reset_button,
        dialog.grant_button,
        dialog.revoke_button,
        dialog.policy_save,
    )
    dialog.select("tester")
    for button in buttons:
        assert not button.isEnabled() and button.toolTip(), button.objectName()
    assert all(spin.isReadOnly() for spin in dialog.policy_fields.values())
    assert dialog.note.text() and shown_errors == []


def test_an_archivist_is_refused_the_accounts_list(
    qtbot: Any, archive: Archive, shown_errors: list[Any]
) -> None:
    dialog = opened(qtbot, archive)  # "tester", an archivist
    assert dialog.table.rowCount() == 0
    assert shown_errors and "tester" in shown_errors[0][0]


def log_rows(dialog: AccessLogDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_access_log_filters_by_person_and_item_and_shows_refusals(
    qtbot: Any, archive: Archive, tmp_path: Path, shown_errors: list[Any]
) -> None:
    first = capture_sample(archive, tmp_path / "a")
    second = capture_sample(archive, tmp_path / "b", title="李四失业保险金申领")
    item_detail(archive, first)
    item_detail(archive, second)
    with pytest.raises(AccessRefused):  # an archivist may not read the access log
        read_access_log(archive)
    archive.sign_in("auditor", PASSWORD)
    dialog = AccessLogDialog(archive)
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, dialog)
    rows = log_rows(dialog)
    assert rows and shown_errors == []
    seqs = [int(r[0]) for r in rows]
    assert seqs == sorted(seqs, reverse=True)  # newest first
    kinds = {r[4] for r in rows}
    assert {"登录", "查看条目", "越权被拒"} <= kinds

    dialog.user.setEditText("tester")
    dialog.reload()
    idle(qtbot, dialog)
    rows = log_rows(dialog)
    assert rows and {r[2] for r in rows} == {"tester"}
    refused = [r for r in rows if r[4] == "越权被拒"]
    assert refused and refused[0][5] == "access_log.read"

    dialog.item.setText(first)
    dialog.reload()
    idle(qtbot, dialog)
    rows = log_rows(dialog)
    assert rows and {r[5] for r in rows} == {f"item:{first}"}
    assert {r[4] for r in rows} == {"查看条目"}
    assert "共" in dialog.note.text()

    # dates: the events are today's; from tomorrow there are none, up to today all
    dialog.item.clear()
    dialog.since.setDate(QDate.currentDate().addDays(1))
    dialog.reload()
    idle(qtbot, dialog)
    assert dialog.table.rowCount() == 0 and dialog.note.text() == "没有符合条件的访问记录"
    dialog.since.setDate(QDate.currentDate())
    dialog.until.setDate(QDate.currentDate())
    dialog.reload()
    idle(qtbot, dialog)
    assert dialog.table.rowCount() > 0

    dialog.clear_filters()
    idle(qtbot, dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findText("越权被拒"))
    dialog.reload()
    idle(qtbot, dialog)
    assert {r[4] for r in log_rows(dialog)} == {"越权被拒"}


def test_the_access_log_says_when_its_limit_is_reached(
    qtbot: Any, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(access_log_dialog, "LIMIT", 3)
    archive.sign_in("security", PASSWORD)
    dialog = AccessLogDialog(archive)
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, dialog)
    assert dialog.table.rowCount() == 3
    assert "3" in dialog.note.text() and "缩小" in dialog.note.text()


def test_the_access_log_refuses_the_archivist_in_the_error_dialog(
    qtbot: Any, archive: Archive, shown_errors: list[Any]
) -> None:
    dialog = AccessLogDialog(archive)
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, dialog)
    assert dialog.table.rowCount() == 0
    assert shown_errors and "tester" in shown_errors[0][0]


def test_the_menus_open_both_dialogs_modally(
    qtbot: Any, archive: Archive, monkeypatch: pytest.MonkeyPatch, shown_errors: list[Any]
) -> None:
    archive.sign_in("security", PASSWORD)
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[str, int]] = []

    def exec_(self: AccountsDialog | AccessLogDialog) -> int:
        qtbot.waitUntil(lambda: not self.runner.busy(), timeout=20000)
        seen.append((self.windowTitle(), self.table.rowCount()))
        assert self.parent() is parent
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(AccountsDialog, "exec", exec_)
    monkeypatch.setattr(AccessLogDialog, "exec", exec_)
    accounts_dialog.open_accounts_dialog(parent, archive)
    access_log_dialog.open_access_log_dialog(parent, archive)
    assert [title for title, _rows in seen] == ["账户与角色", "访问日志"]
    assert all(rows > 0 for _title, rows in seen) and shown_errors == []
