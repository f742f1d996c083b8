"""Small screens (1366x768 laptops, 1280x720 projectors): the main window does not
grow when a panel opens or a long result is shown, and every dialog fits 1280x720.
(The capture dialog is tested with the capture dialog.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.custody import boxes, locations
from archivist.handover import handovers
from archivist.preferences import Preferences
from archivist.use import requests
from ui.i18n import translations

from ..conftest import init_archive
from .conftest import capture_sample

SMALL = (1280, 720)


def idle(qtbot: Any, win: Any) -> None:
    qtbot.waitUntil(lambda: not win.runner.busy(), timeout=20000)
    QApplication.processEvents()


def fits(widget: QWidget, size: tuple[int, int] = SMALL) -> None:
    """The widget as shown, and the least it can be made, fit the screen."""
    QApplication.processEvents()
    width, height = size
    shown, least = widget.size(), widget.minimumSizeHint()
    assert shown.width() <= width and shown.height() <= height, (
        type(widget).__name__,
        shown.width(),
        shown.height(),
    )
    assert least.width() <= width and least.height() <= height, (
        type(widget).__name__,
        least.width(),
        least.height(),
    )


def filled(archive: Archive, tmp_path: Path) -> dict[str, str]:
    """Items, a volume, a shelf place, a box and a handover batch with the volume."""
    first = capture_sample(archive, tmp_path / "a", title="张三失业保险金申领" * 4)
    capture_sample(archive, tmp_path / "b", completed_on="2023-06-11", title="六月")
    code = volumes.build(archive, 2023, "SY", "year")[0].code
    locations.add_location(archive, "1", 3, 2, 4)
    box = boxes.create_box(archive, 2023, "SY", "D10").code
    batch = handovers.create(archive, "失业保险科", "张三").number
    handovers.add_volumes(archive, batch, [code])
    handovers.check(archive, batch)
    return {"item": first, "volume": code, "box": box, "batch": batch}


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    """An archive in a deep folder, as on a clerk's Windows profile: its path is in
    the status bar."""
    folder = tmp_path / ("某市社会保险事业服务中心业务档案" * 3) / "档案库"
    arch = init_archive(folder)
    yield arch
    arch.close()


@pytest.fixture
def small_window(
    qtbot: Any, archive: Archive, prefs: Preferences, tmp_path: Path, request: Any
) -> Any:
    from ui.main_window import MainWindow

    made = filled(archive, tmp_path)
    size = getattr(request, "param", SMALL)
    win = MainWindow(archive, prefs, watch_hot_folder=False, auto_ocr=False)
    win.remember_layout = False
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    idle(qtbot, win)
    win.made = made
    win.small = size
    yield win
    win.close()


# 1229x655: the first-start size on a 1366x768 screen (nine tenths of its 1366x728)
@pytest.mark.parametrize("small_window", [(1280, 720), (1366, 728), (1229, 655)], indirect=True)
def test_main_window_does_not_grow_when_panels_open(qtbot: Any, small_window: Any) -> None:
    win = small_window
    width, height = win.small
    assert (win.width(), win.height()) == (width, height)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("ocr", win.show_ocr),
        ("hot folder", win.show_hot_folder),
        ("search", win.focus_search),
        ("volumes", win.show_volumes),
        ("storage", win.show_storage),
        ("storage find", lambda: win.storage.find_code(win.made["item"])),
        ("storage find nothing", lambda: win.storage.find_code("J023-" + "9" * 60)),
        ("handover", win.show_handover),
        ("use", win.show_use),
        ("use overdue", lambda: win.use.pages.setCurrentIndex(1)),
        ("items", lambda: win.views.setCurrentIndex(0)),
        ("english", lambda: translations.apply("en")),
        ("english ocr", win.show_ocr),
        ("english storage", win.show_storage),
        ("english handover", win.show_handover),
        ("english use", win.show_use),
        ("english volumes", win.show_volumes),
    ]
    for name, step in steps:
        step()
        idle(qtbot, win)
        qtbot.wait(50)
        assert win.width() <= width and win.height() <= height, (name, win.size())
        fits(win, (width, height))
        bar = win.statusBar()
        assert bar.isVisible() and bar.geometry().bottom() <= win.height(), name


def test_every_dialog_fits_1280x720(qtbot: Any, small_window: Any, monkeypatch: Any) -> None:
    import ui.screen
    from ui.errors import ErrorDialog
    from ui.item_edit_dialog import EntityCorrectDialog, ItemEditDialog, RenumberDialog
    from ui.reason_dialog import ReasonDialog
    from ui.registers_dialog import RegistersDialog
    from ui.reorder_dialog import ReorderDialog
    from ui.scheme_editor import AddTypeDialog
    from ui.settings_dialog import SettingsDialog
    from ui.storage.dialogs import BoxDialog, InventoryDialog, LocationDialog, ShelveDialog
    from ui.use.benefit_dialog import BenefitDialog
    from ui.use.dialogs import (
        CloseDialog,
        ExtendDialog,
        LendDialog,
        NewRequestDialog,
        RefuseDialog,
    )
    from ui.use.dialogs import ReturnDialog as UseReturnDialog
    from ui.use.stats_dialog import UseStatsDialog
    from ui.volumes.dialogs import (
        AddItemsDialog,
        MoveItemsDialog,
        RemoveItemsDialog,
        VolumeBuildDialog,
        VolumeTitleDialog,
    )

    # The screen is 1280x720: dialogs that size themselves to the screen see it.
    monkeypatch.setattr(ui.screen, "available_area", lambda _widget: QRect(0, 0, *SMALL))
    win = small_window
    archive, runner, made = win.archive, win.runner, win.made
    item = made["item"]
    volume = volumes.show(archive, made["volume"])
    long = "解除劳动合同证明" * 30
    use = requests.create_request(
        archive, "lend", requests.Borrower("李四", unit=long[:100]), long, items=[item]
    )
    dialogs: list[Callable[[], QDialog]] = [
        lambda: SettingsDialog(archive, win.prefs, runner, win),
        lambda: ItemEditDialog(archive, runner, item, win),
        lambda: EntityCorrectDialog(archive, runner, item, win),
        lambda: RenumberDialog(archive, runner, item, win),
        lambda: ReorderDialog(archive, runner, item, win),
        lambda: RegistersDialog(archive, runner, win),
        lambda: RegistersDialog(archive, runner, win, kind="handover"),
        lambda: VolumeBuildDialog(archive, runner, [("SY", "失业保险")], [2023], parent=win),
        lambda: VolumeTitleDialog(archive, runner, volume, win),
        lambda: MoveItemsDialog(
            archive, runner, [item], {item: long}, made["volume"], [], None, win
        ),
        lambda: RemoveItemsDialog(archive, runner, [item], {item: long}, volume, win),
        lambda: AddItemsDialog(archive, runner, volume, [], win),
        lambda: LocationDialog(archive, runner, ("1", 3, 2, 4), win),
        lambda: BoxDialog(archive, runner, parent=win),
        lambda: ShelveDialog(
            archive, runner, [made["box"]], locations.list_locations(archive), None, win
        ),
        lambda: InventoryDialog(archive, runner, "", win),
        lambda: ErrorDialog(win, "错误", long, "\n".join([long] * 80)),
        lambda: ReasonDialog(win, "理由", long, ""),
        lambda: AddTypeDialog([("SY", "失业保险"), ("GS", "工伤保险")], win),
        lambda: NewRequestDialog(archive, runner, win, items=[item] * 3, volumes=[long]),
        lambda: RefuseDialog(archive, runner, use, win),
        lambda: LendDialog(archive, runner, use, win),
        lambda: UseReturnDialog(archive, runner, use, win),
        lambda: ExtendDialog(archive, runner, use, win),
        lambda: CloseDialog(archive, runner, use, win),
        lambda: BenefitDialog(archive, runner, item, win, person=long[:50]),
        lambda: UseStatsDialog(archive, runner, win),
    ]
    for make in dialogs:
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        idle(qtbot, win)
        fits(dialog)
        dialog.reject()

    # The dialogs opened from the views with what they read first.
    win.show_storage()
    idle(qtbot, win)
    win.storage.select_box(made["box"], None)
    idle(qtbot, win)
    win.storage.put_into_box()
    idle(qtbot, win)
    fits(win.storage.dialog)
    win.storage.dialog.reject()
    win.show_handover()
    idle(qtbot, win)
    view = win.handover
    view.reload(select=made["batch"])
    idle(qtbot, win)
    for open_dialog in (view.new_button.click, view.add_volumes, view.return_failed, view.sign):
        before = getattr(view, "dialog", None)
        open_dialog()
        idle(qtbot, win)
        assert view.dialog is not before, open_dialog
        fits(view.dialog)
        view.dialog.reject()
    assert (win.width(), win.height()) == SMALL


def test_the_people_dialogs_fit_1280x720(
    qtbot: Any, archive: Archive, monkeypatch: Any, tmp_path: Path
) -> None:
    """账户与角色 (each administrator's view and its forms) and 访问日志 fit the screen."""
    import ui.screen
    from archivist.accounts import directory
    from ui.people.access_log_dialog import AccessLogDialog
    from ui.people.accounts_dialog import (
        AccountsDialog,
        AddAccountDialog,
        ResetPasswordDialog,
        RoleDialog,
    )
    from ui.tasks import TaskRunner

    from ..conftest import PASSWORD

    monkeypatch.setattr(ui.screen, "available_area", lambda _widget: QRect(0, 0, *SMALL))
    filled(archive, tmp_path)
    runner = TaskRunner()
    archive.sign_in("admin", PASSWORD)
    account = directory.account_view(archive, "tester")
    for user in ("admin", "security", "auditor"):
        archive.sign_in(user, PASSWORD)
        made: list[Callable[[], QDialog]] = [
            lambda: AccountsDialog(archive, runner),
            lambda: AccessLogDialog(archive, runner),
            lambda: AddAccountDialog(archive, runner, None),
            lambda: ResetPasswordDialog(archive, runner, account, None),
            lambda: RoleDialog(archive, runner, account, True, None),
        ]
        for make in made:
            dialog = make()
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitUntil(lambda: not runner.busy(), timeout=20000)
            fits(dialog)
            dialog.reject()
