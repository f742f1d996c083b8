"""The first start: with no archive the window offers to create one, open another or
open the demo archive (never a dead end), and the File menu remembers recent archives."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from archivist.archive import Archive
from archivist.preferences import RECENT_LIMIT, Preferences
from ui.app import Launcher, main
from ui.main_window import MainWindow
from ui.people.signed_in_window import RestrictedWindow
from ui.welcome_dialog import WelcomeDialog

from ..conftest import PASSWORD, init_archive
from .conftest import capture_sample

SCREEN = (1280, 720)


@pytest.fixture
def launcher(prefs: Preferences, tmp_path: Path) -> Iterator[Launcher]:
    chosen = Launcher(prefs, watch_hot_folder=False, auto_ocr=False)
    chosen.demo_folder = tmp_path / "user-data" / "demo"
    chosen.demo_items = 3
    yield chosen
    if chosen.window is not None:
        chosen.window.close()
        chosen.window.archive.close()


def drive(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, script: Callable[[WelcomeDialog], None]
) -> None:
    """The welcome dialog's exec(): shown, worked by `script` as a person would, and
    waited for until it closes."""

    def exec_(self: WelcomeDialog) -> int:
        self.show()
        qtbot.waitExposed(self)
        script(self)
        qtbot.waitUntil(lambda: not self.isVisible(), timeout=60000)
        return self.result()

    monkeypatch.setattr(WelcomeDialog, "exec", exec_)


def visible_texts(widget: Any) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = [*widget.findChildren(QAbstractButton), *widget.findChildren(QLabel)]
    return [w.text() for w in found if w.isVisible() and w.text()]


def fill_administrators(dialog: WelcomeDialog) -> None:
    """The three administrator accounts of the new-archive form."""
    from archivist.accounts.roles import Role

    for role, user in (
        (Role.SYSADMIN, "admin"),
        (Role.SECURITY, "security"),
        (Role.AUDITOR, "auditor"),
    ):
        dialog.admin_form.edit(role, "user").setText(user)
        dialog.admin_form.edit(role, "display").setText(f"{user} 的姓名")
        dialog.admin_form.edit(role, "password").setText(PASSWORD)
        dialog.admin_form.edit(role, "again").setText(PASSWORD)


def fits_screen(dialog: QDialog) -> None:
    hint = dialog.sizeHint()
    assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1] - 40, hint
    assert dialog.width() <= SCREEN[0] and dialog.height() <= SCREEN[1] - 40, dialog.size()


def test_first_start_offers_three_choices_and_creates_the_archive_there(
    launcher: Launcher,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
    tmp_path: Path,
    shown_errors: list[tuple[str, str]],
    sign_ins: list[str],
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    seen: dict[str, Any] = {}

    def script(dialog: WelcomeDialog) -> None:
        seen["choices"] = visible_texts(dialog)
        fits_screen(dialog)
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        assert dialog.fonds_code.isVisible() and dialog.new_folder.isVisible()
        assert dialog.new_folder.text() == str(empty)  # the chosen folder is the default
        fits_screen(dialog)
        # nothing filled in: each problem is shown next to its field, no modal box
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert dialog.fonds_code_problem.isVisible()
        assert "全宗号" in dialog.fonds_code_problem.text()
        assert dialog.fonds_name_problem.isVisible()
        assert not dialog.new_folder_problem.isVisible()
        dialog.fonds_code.setText("J-023")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert "字母和数字" in dialog.fonds_code_problem.text()
        assert dialog.isVisible() and not (empty / "archive.json").exists()
        dialog.fonds_code.setText("J023")
        qtbot.keyClicks(dialog.fonds_name, "x")  # (QTest types Latin-1 only)
        assert not dialog.fonds_name_problem.isVisible()  # cleared on typing
        dialog.fonds_name.setText("测试市社会保险事业服务中心")
        fill_administrators(dialog)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    drive(monkeypatch, qtbot, script)
    assert launcher.start(empty)
    texts = seen["choices"]
    assert {"新建档案库", "打开已有档案库", "打开示例档案库"} <= set(texts)
    assert any(str(empty) in t for t in texts)  # says where no archive was found
    assert shown_errors == []
    window = launcher.window
    # the system administrator created signs in first: no archive content for them
    assert sign_ins == ["admin"]
    assert isinstance(window, RestrictedWindow) and window.isVisible()
    assert window.archive.root == empty.resolve()
    assert window.archive.fonds()["code"] == "J023"
    assert (empty / "archive.json").is_file()
    # the created archive is opened next time, and listed as recent
    saved = Preferences.load()
    assert saved.archive == str(empty.resolve())
    assert saved.recent == [str(empty.resolve())]
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=20000)


def test_leaving_the_welcome_dialog_quits_cleanly_and_creates_nothing(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, tmp_path: Path
) -> None:
    empty = tmp_path / "nothing"

    def script(dialog: WelcomeDialog) -> None:
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        dialog.fonds_code.setText("J023")
        qtbot.keyClick(dialog.fonds_code, Qt.Key.Key_Escape)  # back to the choices
        assert dialog.isVisible() and dialog.new_button.isVisible()
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)

    drive(monkeypatch, qtbot, script)
    assert main(["--archive", str(empty), "--no-hot-folder"]) == 0
    assert not empty.exists()
    assert not Preferences.load().recent


def test_opening_a_folder_without_an_archive_is_refused_next_to_the_field(
    prefs: Preferences,
    archive: Archive,
    qtbot: Any,
    tmp_path: Path,
    shown_errors: list[tuple[str, str]],
) -> None:
    stray = tmp_path / "stray"
    stray.mkdir()
    (stray / "notes.txt").write_text("not an archive", encoding="utf-8")
    dialog = WelcomeDialog(prefs, folder=tmp_path / "none", first_start=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.open_folder.isVisible()
    fits_screen(dialog)
    dialog.open_folder.setText(str(stray))
    qtbot.mouseClick(dialog.open_confirm, Qt.MouseButton.LeftButton)
    assert dialog.open_folder_problem.isVisible()
    assert "没有档案库" in dialog.open_folder_problem.text()
    # the folder above an archive: the archive's folder is named
    dialog.open_folder.setText(str(archive.root.parent))
    qtbot.mouseClick(dialog.open_confirm, Qt.MouseButton.LeftButton)
    assert f"“{archive.root.name}”是一个档案库" in dialog.open_folder_problem.text()
    dialog.open_folder.setText(str(tmp_path / "missing"))
    qtbot.mouseClick(dialog.open_confirm, Qt.MouseButton.LeftButton)
    assert "文件夹不存在" in dialog.open_folder_problem.text()
    assert dialog.isVisible() and dialog.archive is None and shown_errors == []
    # a real archive opens
    qtbot.keyClicks(dialog.open_folder, "x")  # typing clears the problem
    assert not dialog.open_folder_problem.isVisible()
    dialog.open_folder.setText(str(archive.root))
    qtbot.mouseClick(dialog.open_confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.archive is not None and dialog.archive.root == archive.root
    dialog.archive.close()


def test_a_new_archive_is_not_made_in_a_folder_with_other_things(
    prefs: Preferences, archive: Archive, qtbot: Any, tmp_path: Path
) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "a.txt").write_text("x", encoding="utf-8")
    dialog = WelcomeDialog(prefs, folder=busy, page="new")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.new_folder.text() == str(tmp_path / "busy-2")  # a free folder is offered
    dialog.fonds_code.setText("J023")
    dialog.fonds_name.setText("测试")
    dialog.new_folder.setText(str(busy))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "不是空的" in dialog.new_folder_problem.text()
    dialog.new_folder.setText(str(archive.root))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "已经有档案库" in dialog.new_folder_problem.text()
    dialog.new_folder.setText("relative/folder")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "完整的文件夹路径" in dialog.new_folder_problem.text()
    assert dialog.new_folder_problem.isVisible() and dialog.isVisible()
    assert not Path("relative").exists()


def file_menu_entry(window: MainWindow, text: str) -> Any:
    return next(a for a in window.menus["file"].actions() if a.text() == text)


def popup(qtbot: Any, menu: QMenu) -> list[Any]:
    menu.popup(QPoint(10, 10))
    qtbot.waitUntil(menu.isVisible, timeout=5000)
    actions = [a for a in menu.actions() if not a.isSeparator()]
    menu.hide()
    return actions


def test_recent_archives_are_listed_in_the_file_menu_and_reopen(
    launcher: Launcher,
    archive: Archive,
    qtbot: Any,
    tmp_path: Path,
    shown_errors: list[tuple[str, str]],
    sign_ins: list[str],
) -> None:
    second = init_archive(tmp_path / "second", ("J024", "第二全宗"))
    second.close()
    capture_sample(archive, tmp_path / "drop")
    gone = init_archive(tmp_path / "gone", ("J025", "已删除"))
    gone.close()
    assert launcher.start(archive.root)
    first_window = launcher.window
    launcher.reopen(str(gone.root))
    launcher.reopen(str(second.root))
    assert not first_window.isVisible()
    window = launcher.window
    assert window.isVisible() and window.archive.root == second.root
    import shutil

    shutil.rmtree(gone.root)
    assert launcher.prefs.recent == [str(second.root), str(gone.root), str(archive.root)]
    assert Preferences.load().recent == launcher.prefs.recent

    assert file_menu_entry(window, "新建档案库…").isEnabled()
    assert file_menu_entry(window, "打开档案库…").isEnabled()
    recent = file_menu_entry(window, "最近打开的档案库")
    assert recent.menu() is window.recent_menu
    actions = popup(qtbot, window.recent_menu)
    by_text = {a.text(): a for a in actions}
    assert not by_text[f"{second.root}（当前）"].isEnabled()
    assert not by_text[f"{gone.root}（已不存在）"].isEnabled()  # greyed, no crash
    assert by_text[str(archive.root)].isEnabled()
    assert by_text["清除列表"].isEnabled()

    by_text[str(archive.root)].trigger()  # reopens the window on the first archive
    assert launcher.window is not window and not window.isVisible()
    reopened = launcher.window
    assert reopened.isVisible() and reopened.archive.root == archive.root
    qtbot.waitUntil(lambda: reopened.model.rowCount() == 1, timeout=20000)
    assert launcher.prefs.recent[0] == str(archive.root)
    assert shown_errors == []

    # an archive that disappears after the menu was drawn: a message, and it is dropped
    launcher.reopen(str(gone.root))
    assert launcher.window is reopened and reopened.isVisible()
    assert len(shown_errors) == 1 and "档案库不存在" in shown_errors[0][0]
    assert str(gone.root) not in launcher.prefs.recent
    # 清除列表 keeps only the archive open now
    clear = {a.text(): a for a in popup(qtbot, reopened.recent_menu)}["清除列表"]
    clear.trigger()
    assert Preferences.load().recent == [str(archive.root)]
    assert not {a.text(): a for a in popup(qtbot, reopened.recent_menu)}["清除列表"].isEnabled()
    qtbot.waitUntil(lambda: not reopened.runner.busy(), timeout=20000)


def test_the_recent_list_is_bounded_and_survives_bad_preferences(tmp_path: Path) -> None:
    prefs = Preferences()
    for n in range(RECENT_LIMIT + 3):
        prefs.remember_archive(tmp_path / f"a{n}")
    prefs.remember_archive(tmp_path / "a5")
    assert len(prefs.recent) == RECENT_LIMIT and prefs.recent[0] == str(tmp_path / "a5")
    assert prefs.recent.count(str(tmp_path / "a5")) == 1
    prefs.save()
    assert Preferences.load().recent == prefs.recent
    from archivist.preferences import preferences_file

    preferences_file().write_text('{"recent": "not a list", "language": "zh"}', encoding="utf-8")
    assert Preferences.load().recent == []
    preferences_file().write_text('{"recent": [1, null, "D:/档案"]}', encoding="utf-8")
    assert Preferences.load().recent == ["D:/档案"]
    preferences_file().write_text("[1, 2]", encoding="utf-8")
    assert Preferences.load() == Preferences()


def test_file_menu_new_archive_opens_the_window_on_it(
    launcher: Launcher,
    archive: Archive,
    qtbot: Any,
    tmp_path: Path,
    shown_errors: list[tuple[str, str]],
    sign_ins: list[str],
) -> None:
    assert launcher.start(archive.root)
    window = launcher.window
    # 打开档案库… shows the welcome dialog on its open page; a plain folder is refused there
    file_menu_entry(window, "打开档案库…").trigger()
    dialog = window.welcome_dialog
    qtbot.waitExposed(dialog)
    dialog.open_folder.setText(str(tmp_path))
    qtbot.mouseClick(dialog.open_confirm, Qt.MouseButton.LeftButton)
    assert dialog.open_folder_problem.isVisible()
    assert dialog.recent_list.isVisible() and dialog.recent_list.count() == 1
    dialog.reject()
    file_menu_entry(window, "新建档案库…").trigger()
    dialog = window.welcome_dialog
    qtbot.waitExposed(dialog)
    assert dialog.fonds_code.isVisible() and dialog.create_button.isVisible()
    fits_screen(dialog)
    dialog.new_folder.setText(str(tmp_path / "另一个全宗"))
    dialog.fonds_code.setText("J030")
    dialog.fonds_name.setText("另一个全宗")
    fill_administrators(dialog)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: launcher.window is not window, timeout=20000)
    # the new archive's system administrator signs in (the name is suggested)
    assert sign_ins == ["tester", "admin"]
    assert isinstance(launcher.window, RestrictedWindow)
    assert launcher.window.archive.root == (tmp_path / "另一个全宗").resolve()
    assert launcher.window.isVisible() and not window.isVisible()
    assert launcher.prefs.recent[:2] == [
        str((tmp_path / "另一个全宗").resolve()),
        str(archive.root),
    ]
    assert shown_errors == []
    qtbot.waitUntil(lambda: not launcher.window.runner.busy(), timeout=20000)


def test_the_demo_choice_builds_with_progress_and_opens(
    launcher: Launcher,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
    tmp_path: Path,
    shown_errors: list[tuple[str, str]],
) -> None:
    seen: dict[str, Any] = {}

    def script(dialog: WelcomeDialog) -> None:
        qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
        # the build runs off the UI thread: the dialog shows its progress meanwhile
        assert dialog.demo_progress.isVisible() and dialog.demo_cancel.isVisible()
        qtbot.waitUntil(lambda: dialog.demo_progress.value() > 0 or not dialog.isVisible())
        seen["status"] = dialog.demo_status.text()
        fits_screen(dialog)

    drive(monkeypatch, qtbot, script)
    assert launcher.start(tmp_path / "no-archive-here")
    assert "示例" in seen["status"] or "正在" in seen["status"]
    window = launcher.window
    assert window.isVisible() and window.archive.root == launcher.demo_folder.resolve()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=20000)
    assert not (tmp_path / "no-archive-here").exists()
    assert shown_errors == []
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=20000)


def test_cancelling_the_demo_build_leaves_nothing(
    prefs: Preferences, qtbot: Any, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    demo = tmp_path / "demo"
    dialog = WelcomeDialog(prefs, folder=tmp_path / "x", demo_folder=demo, demo_items=3)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.demo_cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page() == "choices", timeout=60000)
    assert "已取消" in dialog.note.text() and dialog.note.isVisible()
    assert not demo.exists() and dialog.archive is None and dialog.isVisible()
    assert shown_errors == []
    QApplication.processEvents()
