"""The volumes view (案卷): filing into volumes from a live plan, moving items between
volumes (dragged, or from the menu) with a reason, the core's refusal in the error
dialog, taking out and adding items, correcting a title; every change audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QSpinBox
from sqlalchemy import select

from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.db.models import AuditEvent

from .conftest import capture_sample

GS = {"class": "GS", "business_type": "工伤认定"}  # kept 50 years: page-numbered


def idle(qtbot: Any, win: Any) -> None:
    qtbot.waitUntil(
        lambda: not win.runner.busy() and not win.model.loading and not win.volumes.loading,
        timeout=30000,
    )


def add_items(archive: Archive, folder: Path) -> dict[str, str]:
    """Next to the window's own item (SY, 2023-05-12): SY items in May and June 2023,
    one in 2022, and a GS item of 2023."""

    def one(name: str, day: str, **kind: Any) -> str:
        return capture_sample(
            archive, folder / name, completed_on=day, title=f"{name}{day}", **kind
        )

    return {
        "may_early": one("早", "2023-05-02"),
        "june": one("六月", "2023-06-11"),
        "last_year": one("去年", "2022-12-30"),
        "gs": one("工伤", "2023-03-01", **GS),
    }


def open_view(qtbot: Any, window: Any) -> Any:
    window.show_volumes()
    idle(qtbot, window)
    return window.volumes


def codes(view: Any) -> list[str]:
    return [v.code for v in view.model.rows]


def selected_codes(view: Any) -> list[str]:
    rows = sorted(i.row() for i in view.table.selectionModel().selectedRows())
    return [view.model.rows[r].code for r in rows]


def entries(view: Any) -> list[str]:
    return [e.number for e in view.items.entries]


def audit_reasons(archive: Archive, action: str) -> list[str]:
    with archive.db.reading() as session:
        return [
            str(e.reason)
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
            )
        ]


def drag(view: Any, numbers: list[str], onto: str) -> bool:
    """Drag item rows onto a volume row: the item table's own mime data, dropped with
    Qt's drag events on the volume table's viewport (QDrag itself needs a mouse).
    True when the volume table took the drop."""
    selection = view.item_table.selectionModel()
    selection.clearSelection()
    for number in numbers:
        view.item_table.selectRow(view.items.row_of(number))
    rows = [view.items.row_of(n) for n in numbers]
    data = view.items.mimeData([view.items.index(r, 1) for r in rows])
    viewport = view.table.viewport()
    point = view.table.visualRect(view.model.index(view.model.row_of(onto), 1)).center()
    move, left = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, move, data, left, none)
    QApplication.sendEvent(viewport, enter)
    hover = QDragMoveEvent(point, move, data, left, none)
    QApplication.sendEvent(viewport, hover)
    if not hover.isAccepted():
        return False
    drop = QDropEvent(QPointF(point), move, data, left, none)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def test_build_dialog_shows_the_plan_live_and_builds(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    archive = window.archive
    first = window.current_number
    made = add_items(archive, tmp_path)
    window.refresh()
    view = open_view(qtbot, window)
    assert window.views.tabText(1) == "案卷" and view.count_label.text() == "0 卷"
    assert "组卷…" in view.heading.text()
    window.commands["build_volumes"].trigger()
    dialog = view.build_dialog
    qtbot.addWidget(dialog)
    assert isinstance(dialog.year, QSpinBox)  # one year: a range cannot be entered
    assert dialog.rule.text().startswith("不能跨年组卷")

    def plan(year: int, klass: str, period: str) -> list[tuple[str, ...]]:
        dialog = view.build_dialog
        dialog.choose(year, klass, period)
        qtbot.waitUntil(lambda: not dialog.planning, timeout=30000)
        table = dialog.table
        return [
            tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())
        ]

    by_month = plan(2023, "SY", "month")
    assert [row[:4] for row in by_month] == [
        ("2023年5月", "10年", "2", ""),
        ("2023年6月", "10年", "1", ""),
    ]
    assert "2023年5月" in by_month[0][4] and "失业保险金申领" in by_month[0][4]
    assert dialog.summary.text().startswith("将组成 2 卷，共 3 件")
    assert dialog.build_button.isEnabled()
    assert [row[:3] for row in plan(2023, "SY", "quarter")] == [("2023年第二季度", "10年", "3")]
    assert [row[:4] for row in plan(2023, "GS", "year")] == [("2023年", "50年", "1", "是")]
    assert plan(2021, "SY", "month") == []
    assert dialog.summary.text() == "2021年SY类没有未组卷的档案件"  # the core's sentence
    assert not dialog.build_button.isEnabled()

    plan(2023, "SY", "month")
    with qtbot.waitSignal(dialog.built, timeout=30000) as signal:
        dialog.build_button.click()
    assert [v.code for v in signal.args[0]] == ["J023-SY-001", "J023-SY-002"]
    idle(qtbot, window)
    # the new volumes are listed under their year and class, and selected
    assert view.filters() == (2023, "SY")
    assert codes(view) == selected_codes(view) == ["J023-SY-001", "J023-SY-002"]
    assert view.current_code == "J023-SY-001"
    assert entries(view) == [made["may_early"], first]  # time order
    assert view.heading.text().startswith("J023-SY-001　")
    assert "2 件" in view.facts.text() and "不编页号" in view.facts.text()
    assert view.item_table.isColumnHidden(5)  # no page numbers for 10 years
    assert window.statusBar().currentMessage() == "已组成 2 卷：J023-SY-001 至 J023-SY-002"
    assert volumes.show(archive, "J023-SY-002").entries[0].number == made["june"]

    # records kept 50 years: page numbers from 1 through the volume
    window.build_volumes()
    gs = view.build_dialog
    qtbot.addWidget(gs)
    plan(2023, "GS", "year")
    with qtbot.waitSignal(gs.built, timeout=30000):
        gs.build_button.click()
    idle(qtbot, window)
    assert codes(view) == ["J023-GS-001"] and not view.item_table.isColumnHidden(5)
    assert view.items.data(view.items.index(0, 5)) == "1–4"

    # an item row opens the item detail
    view.open_item(0)
    assert window.views.currentWidget() is window.main_split
    assert window.current_number == made["gs"]
    assert window.detail.heading.text().startswith(made["gs"])


def test_drag_items_onto_another_volume_with_a_reason(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    archive = window.archive
    made = add_items(archive, tmp_path)
    volumes.build(archive, 2023, "SY", "month")
    view = open_view(qtbot, window)
    view.select_volume("J023-SY-002")
    idle(qtbot, window)
    assert entries(view) == [made["june"]]
    # not onto the volume the items come from
    assert not drag(view, [made["june"]], "J023-SY-002")
    assert drag(view, [made["june"]], "J023-SY-001")
    qtbot.waitUntil(lambda: view.change_dialog is not None, timeout=5000)
    dialog = view.change_dialog
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "moveItemsDialog"
    assert dialog.target_code() == "J023-SY-001" and dialog.source == "J023-SY-002"
    assert dialog.problem.text() == "请填写理由" and not dialog.save_button.isEnabled()
    dialog.reason.setText("六月这件并入五月卷")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.changed, timeout=30000):
        dialog.save_button.click()
    idle(qtbot, window)
    assert volumes.show(archive, "J023-SY-001").items == 3
    assert [v.items for v in view.model.rows] == [3, 0]
    assert view.current_code == "J023-SY-002" and entries(view) == []
    assert window.statusBar().currentMessage() == "已将 1 件移到 J023-SY-001"
    # one change, one event (it names both volumes)
    assert audit_reasons(archive, "volume.move_items") == ["六月这件并入五月卷"]


def test_a_refused_move_shows_the_core_message(
    qtbot: Any, window: Any, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    archive = window.archive
    made = add_items(archive, tmp_path)
    volumes.build(archive, 2023, "SY", "year")
    volumes.build(archive, 2023, "GS", "year")
    view = open_view(qtbot, window)
    assert codes(view) == ["J023-GS-001", "J023-SY-001"]
    view.select_volume("J023-SY-001")
    idle(qtbot, window)
    june = made["june"]
    assert drag(view, [june], "J023-GS-001")
    qtbot.waitUntil(lambda: view.change_dialog is not None, timeout=5000)
    dialog = view.change_dialog
    qtbot.addWidget(dialog)
    dialog.reason.setText("试移到工伤卷")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=30000)
    assert shown_errors[0][0] == f"档案件 {june} 与案卷 J023-GS-001 不属同一类别，不能放入"
    assert "volume.other_class" in shown_errors[0][1]
    assert dialog.isVisible() and dialog.save_button.isEnabled()  # cancel, or try again
    dialog.reject()
    idle(qtbot, window)
    assert volumes.show(archive, "J023-GS-001").items == 1
    assert june in entries(view)
    assert audit_reasons(archive, "volume.move_items") == []


def test_menu_move_take_out_and_add_back(qtbot: Any, window: Any, tmp_path: Path) -> None:
    archive = window.archive
    first = window.current_number
    made = add_items(archive, tmp_path)
    volumes.build(archive, 2023, "SY", "month")
    view = open_view(qtbot, window)
    view.choose(2023, "SY")
    view.reload()
    idle(qtbot, window)
    assert view.current_code == "J023-SY-001"
    row = view.items.row_of(first)
    view._item_menu(view.item_table.visualRect(view.items.index(row, 1)).center())
    actions = {a.text(): a for a in view.item_menu.actions() if a.text()}
    assert list(actions) == ["查看件详情", "移到其他案卷…", "移出案卷…"]
    view.item_menu.close()
    assert view.selected_numbers() == [first]

    actions["移到其他案卷…"].trigger()  # the volumes of the same year and class
    qtbot.waitUntil(lambda: view.change_dialog is not None, timeout=10000)
    move = view.change_dialog
    qtbot.addWidget(move)
    assert [move.target.itemData(i) for i in range(move.target.count())] == ["J023-SY-002"]
    move.reason.setText("按办结月份归入六月卷")
    with qtbot.waitSignal(move.changed, timeout=30000):
        move.save_button.click()
    idle(qtbot, window)
    assert entries(view) == [made["may_early"]]
    assert volumes.show(archive, "J023-SY-002").items == 2

    # take the remaining May item out: it is unfiled again
    view.item_table.selectRow(0)
    view.remove_items()
    remove = view.change_dialog
    qtbot.addWidget(remove)
    assert remove.objectName() == "removeItemsDialog" and not remove.save_button.isEnabled()
    remove.reason.setText("材料不全，暂不组卷")
    with qtbot.waitSignal(remove.changed, timeout=30000):
        remove.save_button.click()
    idle(qtbot, window)
    assert entries(view) == [] and view.model.rows[0].items == 0

    # add it back: unfiled items of the same year and class are offered
    view.add_button.click()
    qtbot.waitUntil(lambda: view.change_dialog is not remove, timeout=10000)
    add = view.change_dialog
    qtbot.addWidget(add)
    offered = [add.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(add.list.count())]
    assert offered == [made["may_early"]]  # not the 2022 item, not the GS item
    assert add.problem.text() == "请勾选要加入的档案件"
    add.tick(made["may_early"])
    assert add.problem.text() == "请填写理由"
    add.reason.setText("材料已补齐")
    with qtbot.waitSignal(add.changed, timeout=30000):
        add.save_button.click()
    idle(qtbot, window)
    assert entries(view) == [made["may_early"]]
    assert audit_reasons(archive, "volume.remove_items") == ["材料不全，暂不组卷"]
    assert audit_reasons(archive, "volume.add_items") == ["材料已补齐"]


def test_title_edit_with_a_reason_and_english(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from ui.i18n import translations

    archive = window.archive
    volumes.build(archive, 2023, "SY", "year")
    view = open_view(qtbot, window)
    assert view.current_code == "J023-SY-001"
    view._volume_menu(view.table.visualRect(view.model.index(0, 1)).center())
    actions = {a.text(): a for a in view.volume_menu.actions() if a.text()}
    assert list(actions) == [
        "修改题名…",
        "加入案卷…",
        "撤销案卷…",
        "登记表…",
        "生成组卷 PDF…",
        "设置保全…",
        "组卷…",
    ]
    assert not actions["撤销案卷…"].isEnabled()  # it holds items
    view.volume_menu.close()
    actions["修改题名…"].trigger()
    dialog = view.change_dialog
    qtbot.addWidget(dialog)
    assert dialog.title.text() == view.model.rows[0].title
    assert dialog.problem.text() == "尚未修改题名"
    dialog.title.setText("2023年失业保险金申领（张三）")
    assert dialog.problem.text() == "请填写理由"
    dialog.reason.setText("按档案室题名规范改写")
    with qtbot.waitSignal(dialog.changed, timeout=30000):
        dialog.save_button.click()
    idle(qtbot, window)
    assert view.model.data(view.model.index(0, 1)) == "2023年失业保险金申领（张三）"
    assert view.heading.text() == "J023-SY-001　2023年失业保险金申领（张三）"
    assert audit_reasons(archive, "volume.title") == ["按档案室题名规范改写"]
    assert window.statusBar().currentMessage() == "已修改 J023-SY-001 的题名"

    translations.apply("en")
    try:
        qtbot.waitUntil(lambda: window.views.tabText(1) == "Volumes", timeout=3000)
        assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Volume code"
        assert view.items.headerData(0, Qt.Orientation.Horizontal) == "No."
        assert view.build_button.text() == "File into volumes…"
        assert view.model.data(view.model.index(0, 8)) == "Open"
        assert view.model.data(view.model.index(0, 4)) == "10 years"
    finally:
        translations.apply("zh")
    qtbot.waitUntil(lambda: window.views.tabText(1) == "案卷", timeout=3000)


def test_dissolve_an_empty_volume_from_the_menu(qtbot: Any, window: Any, tmp_path: Path) -> None:
    archive = window.archive
    made = add_items(archive, tmp_path)
    may, june = (v.code for v in volumes.build(archive, 2023, "SY", "month"))
    volumes.move_items(archive, [made["june"]], may, "并入五月卷")
    view = open_view(qtbot, window)
    view.select_volume(june)
    idle(qtbot, window)
    row = view.model.row_of(june)
    view._volume_menu(view.table.visualRect(view.model.index(row, 1)).center())
    actions = {a.text(): a for a in view.volume_menu.actions() if a.text()}
    view.volume_menu.close()
    assert actions["撤销案卷…"].isEnabled()
    actions["撤销案卷…"].trigger()
    dialog = view.change_dialog
    qtbot.addWidget(dialog)
    assert june in dialog.note.text() and not dialog.save_button.isEnabled()
    dialog.reason.setText("六月只有一件，并入五月卷")
    with qtbot.waitSignal(dialog.changed, timeout=30000):
        dialog.save_button.click()
    idle(qtbot, window)
    assert audit_reasons(archive, "volume.dissolve") == ["六月只有一件，并入五月卷"]
    row = view.model.row_of(june)
    assert row is not None  # the case number stays listed, explained
    assert view.model.data(view.model.index(row, 8)) == "已撤销"
    tip = view.model.data(view.model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert "六月只有一件，并入五月卷" in tip
    assert view.current_code == june and "六月只有一件" in view.facts.text()
    assert not view.title_button.isEnabled() and not view.add_button.isEnabled()
    assert window.statusBar().currentMessage() == f"已撤销案卷 {june}（案卷号保留不用）"


def test_filing_by_month_beside_a_year_volume_warns_first(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    archive = window.archive
    [year_volume] = volumes.build(archive, 2023, "SY", "year")
    capture_sample(archive, tmp_path / "九月", completed_on="2023-09-01", title="九月件")
    view = open_view(qtbot, window)
    view.open_build()
    dialog = view.build_dialog
    qtbot.addWidget(dialog)
    dialog.choose(2023, "SY", "month")
    qtbot.waitUntil(lambda: not dialog.planning, timeout=30000)
    assert not dialog.warning.isHidden()
    assert year_volume.code in dialog.warning.text() and "按年" in dialog.warning.text()
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(_parent: Any, _title: str, text: str, *_a: Any) -> Any:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.build_button.click()  # asked, and declined: nothing filed
    assert len(asked) == 1 and year_volume.code in asked[0]
    assert dialog.isVisible() and not dialog.busy
    assert [v.code for v in volumes.list_volumes(archive, 2023, "SY")] == [year_volume.code]
    with qtbot.waitSignal(dialog.built, timeout=30000) as signal:
        dialog.build_button.click()
    assert len(asked) == 2
    assert [v.period_key for v in signal.args[0]] == ["2023-09"]
    # the warning follows the choice: by year now meets the month volume, by quarter both
    idle(qtbot, window)
    capture_sample(archive, tmp_path / "十月", completed_on="2023-10-01", title="十月件")
    view.open_build()
    again = view.build_dialog
    qtbot.addWidget(again)
    again.choose(2023, "SY", "year")
    qtbot.waitUntil(lambda: not again.planning, timeout=30000)
    assert not again.warning.isHidden() and "按月" in again.warning.text()
    again.choose(2023, "SY", "quarter")
    qtbot.waitUntil(lambda: not again.planning, timeout=30000)
    assert "按月、按年" in again.warning.text()
    again.reject()


def test_the_volume_pdf_is_offered_to_open_or_its_folder(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    archive = window.archive
    [made] = volumes.build(archive, 2023, "SY", "year")
    view = open_view(qtbot, window)
    view.select_volume(made.code)
    idle(qtbot, window)
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    choices = ["打开 PDF", "打开所在文件夹", "关闭"]
    offered: list[list[str]] = []

    def exec_(box: QMessageBox) -> int:
        buttons = {b.text(): b for b in box.buttons()}
        offered.append(list(buttons))
        buttons[choices.pop(0)].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    for name in ("一.pdf", "二.pdf", "三.pdf"):
        out = tmp_path / name
        job = view.assemble_pdf(out)
        assert job is not None
        with qtbot.waitSignal(job.finished, timeout=60000):
            pass
        qtbot.waitUntil(lambda job=job: job.path is not None and bool(offered), timeout=10000)
    assert all(sorted(o) == sorted(["打开 PDF", "打开所在文件夹", "关闭"]) for o in offered)
    assert opened == [str(tmp_path / "一.pdf"), str(tmp_path)]
