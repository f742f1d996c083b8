"""Editing and renumbering an item from the window: through the core's audited
services, with a reason; the table, the detail, the tree and the search index follow."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate

from archivist.arrangement import items
from archivist.errors import ArchiveError
from archivist.search.index import Filters
from archivist.search.service import search


def idle(qtbot: Any, win: Any) -> None:
    qtbot.waitUntil(lambda: not win.runner.busy() and not win.model.loading, timeout=30000)


def _shown_row_number(window: Any) -> str:
    return str(window.model.item(window.table.currentIndex().row()).number)


def test_edit_an_item_from_the_detail(qtbot: Any, window: Any) -> None:
    number = window.current_number
    assert number is not None and window.detail.edit.text() == "编辑条目…"
    window.detail.edit.click()
    dialog = window.edit_dialog
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "张三失业保险金申领" and dialog.handler.text() == "王五"
    assert not dialog.save_button.isEnabled()
    assert dialog.problem.text() == "尚未修改任何内容"
    dialog.title.setText("张三失业保险金申领（更正）")
    dialog.completed.setDate(QDate(2023, 7, 1))
    assert dialog.problem.text() == "请填写修改理由" and not dialog.save_button.isEnabled()
    # another year would change the number: this dialog refuses, and points the way
    dialog.completed.setDate(QDate(2022, 7, 1))
    assert "重新编号" in dialog.problem.text() and not dialog.to_renumber.isHidden()
    dialog.completed.setDate(QDate(2023, 7, 1))
    assert dialog.to_renumber.isHidden()
    dialog.reason.setText("题名漏写更正，日期录错")
    assert dialog.problem.text() == "" and dialog.save_button.isEnabled()
    assert dialog.changes() == {
        "title": "张三失业保险金申领（更正）",
        "completed_on": dt.date(2023, 7, 1),
    }
    with qtbot.waitSignal(dialog.changed, timeout=30000) as signal:
        dialog.save_button.click()
    assert signal.args == [number]
    idle(qtbot, window)

    view = items.show(window.archive, number)
    assert view["title"] == "张三失业保险金申领（更正）" and view["completed_on"] == "2023-07-01"
    assert view["folder"].endswith("/2023-07/张三/" + number)
    assert all((window.archive.root / m["file"]).is_file() for m in view["materials"])
    event = view["history"][-1]
    assert (event["action"], event["reason"]) == ("item.edit", "题名漏写更正，日期录错")
    # every view shows the item as it is now
    assert window.detail.heading.text() == f"{number}　张三失业保险金申领（更正）"
    assert window.detail.fields["completed_on"].text() == "2023-07-01"
    history = window.detail.history
    assert history.item(history.rowCount() - 1, 3).text() == "修改"
    assert history.item(history.rowCount() - 1, 4).text() == "题名漏写更正，日期录错"
    assert _shown_row_number(window) == number
    assert window.model.item(window.table.currentIndex().row()).title.endswith("（更正）")
    total, hits = search(window.archive, "更正")
    assert total == 1 and hits[0].number == number and hits[0].title.endswith("（更正）")


def test_renumber_an_item_from_the_table_menu(qtbot: Any, window: Any) -> None:
    old = window.current_number
    index = window.model.index(0, 1)
    window._table_menu(window.table.visualRect(index).center())
    actions = {a.text(): a for a in window.item_menu.actions() if a.text()}
    assert list(actions) == ["编辑条目…", "重新编号…", "调整顺序…", "查看页面", "设置保全…"]
    window.item_menu.close()
    actions["重新编号…"].trigger()
    dialog = window.renumber_dialog
    qtbot.addWidget(dialog)
    assert dialog.klass.currentData() == "SY"
    assert dialog.business_type.currentData() == "失业保险金申领"
    assert dialog.preview.text() == f"件号不变：{old}\n保管期限不变：10年"
    # an accounting record cannot be filed here: said at once, nothing to save
    dialog.choose("SY", "失业保险付款凭证及会计资料")
    assert "会计档案" in dialog.problem.text() and not dialog.save_button.isEnabled()
    dialog.choose("GS", "工伤认定")
    assert dialog.preview.text() == (
        f"件号：{old} → 2023-GS-（保存时按顺序分配）；原件号留空，理由记入记录\n"
        "保管期限：10年 → 50年"
    )
    assert dialog.problem.text() == "请填写重新编号的理由"
    dialog.reason.setText("误归失业类，应为工伤认定")
    assert dialog.changes() == {"class_code": "GS", "business_type": "工伤认定"}
    with qtbot.waitSignal(dialog.changed, timeout=30000) as signal:
        dialog.save_button.click()
    new = signal.args[0]
    assert new == "2023-GS-000001"
    idle(qtbot, window)

    view = items.show(window.archive, new)
    assert view["retention"] == "D50" and view["archival_code"] == "J023-SB·2023-D50-GS-0001"
    event = view["history"][-1]
    assert event["action"] == "item.renumber" and event["before"]["number"] == old
    assert window.current_number == new and _shown_row_number(window) == new
    assert window.detail.heading.text().startswith(new)
    assert window.detail.fields["retention"].text().startswith("50年")
    assert [window.nav.root.child(i).text(0)[:2] for i in range(window.nav.root.childCount())] == [
        "GS"
    ]
    assert window.statusBar().currentMessage() == f"已重新编号：{old} → {new}"
    # the search index follows: found under the new number and class only
    _total, hits = search(window.archive, "张三", Filters(class_code="GS"))
    assert [h.number for h in hits] == [new]
    assert search(window.archive, "张三", Filters(class_code="SY"))[0] == 0


def test_renumber_to_another_year_and_an_error_from_the_core(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch, shown_errors: list[tuple[str, str]]
) -> None:
    old = window.current_number
    window.detail.renumber.click()
    dialog = window.renumber_dialog
    qtbot.addWidget(dialog)
    assert dialog.completed.maximumDate() == QDate.currentDate()  # no date in the future
    dialog.completed.setDate(QDate(2022, 12, 30))
    dialog.reason.setText("办结日期应为2022年")
    assert "2022-SY-（保存时按顺序分配）" in dialog.preview.text()

    def busy(*_a: Any, **_k: Any) -> None:
        raise ArchiveError("archive.busy", reason="database is locked")

    renumber = items.renumber
    monkeypatch.setattr(items, "renumber", busy)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=10000)
    assert "database is locked" in shown_errors[0][0] + shown_errors[0][1]
    assert dialog.isVisible() and dialog.save_button.isEnabled()  # try again, or cancel
    monkeypatch.setattr(items, "renumber", renumber)  # the error dialog stays patched
    with qtbot.waitSignal(dialog.changed, timeout=30000) as signal:
        dialog.save_button.click()
    assert signal.args[0] == "2022-SY-000001"
    idle(qtbot, window)
    assert items.show(window.archive, "2022-SY-000001")["completed_on"] == "2022-12-30"
    assert window.statusBar().currentMessage() == f"已重新编号：{old} → 2022-SY-000001"


def _file_and_hand_over(window: Any) -> str:
    """The window's item filed into a volume, the volume marked handed over; its code."""
    from sqlalchemy import select

    from archivist.arrangement import volumes
    from archivist.custody import boxes, locations
    from archivist.db.models import Volume

    archive = window.archive
    [made] = volumes.build(archive, 2023, "SY", "year")
    place = locations.add_location(archive, "1", 2, 3, 4).code
    box = boxes.create_box(archive, year=2023, class_code="SY", retention="D10", kind="volumes")
    boxes.put(archive, box.code, volumes=[made.code], reason="装盒")
    boxes.shelve(archive, box.code, place, reason="上架")
    with window.archive.db.writing() as session:
        volume = session.scalar(select(Volume).where(Volume.code == made.code))
        assert volume is not None
        volume.status = "handed_over"
    return made.code


def test_the_detail_says_where_the_item_is_and_locks_changes_once_handed_over(
    qtbot: Any, window: Any
) -> None:
    from archivist.custody import where

    number = window.current_number
    detail = window.detail
    assert detail.fields["volume"].text() == "未组卷"
    assert detail.fields["location"].text() == "未装盒"
    assert detail.fields["handover"].text() == "未组卷，未移交"
    assert detail.edit.isEnabled() and detail.renumber.isEnabled() and detail.reorder.isEnabled()
    assert detail.locked.isHidden()
    code = _file_and_hand_over(window)
    window.select_item(number)
    idle(qtbot, window)
    assert detail.fields["volume"].text() == code
    found = where.where(window.archive, number)
    assert detail.fields["location"].text() == found.chain
    assert found.chain is not None and found.chain.startswith("1库-02架-3列-4层")
    assert detail.fields["handover"].text() == "已移交"
    for button in (detail.edit, detail.renumber, detail.reorder):
        assert not button.isEnabled()
        assert "已移交" in button.toolTip() and code in button.toolTip()
    assert not detail.locked.isHidden() and code in detail.locked.text()
    # the table's menu offers no change either
    window._table_menu(window.table.visualRect(window.model.index(0, 1)).center())
    actions = {a.text(): a for a in window.item_menu.actions()}
    window.item_menu.close()
    assert not actions["编辑条目…"].isEnabled() and not actions["重新编号…"].isEnabled()
    assert actions["查看页面"].isEnabled()
    # a dialog opened anyway says why at once, before any reason is typed
    window.edit_item(number)
    dialog = window.edit_dialog
    qtbot.addWidget(dialog)
    assert "已移交" in dialog.problem.text() and not dialog.save_button.isEnabled()
    assert not dialog.to_entity.isEnabled()


def test_correct_the_persons_name_and_id_number_from_the_edit_dialog(
    qtbot: Any, window: Any
) -> None:
    number = window.current_number
    window.detail.edit.click()
    edit = window.edit_dialog
    qtbot.addWidget(edit)
    dialog = edit.correct_entity()
    qtbot.addWidget(dialog)
    assert not edit.isVisible() and dialog.isVisible()
    assert dialog.name.text() == "张三" and dialog.labels["code"].text() == "身份证号"
    assert "11010519491231002X" in dialog.code.placeholderText()  # an archivist: in full
    assert dialog.problem.text() == "尚未修改任何内容"
    dialog.code.setText("110105198001010017")  # wrong check digit: said at once
    assert "校验码" in dialog.problem.text() and not dialog.save_button.isEnabled()
    dialog.code.setText("110105198001010016")
    dialog.name.setText("张叁")
    assert dialog.problem.text() == "请填写更正理由"
    dialog.reason.setText("姓名和身份证号录错")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(edit.changed, timeout=30000) as signal:
        dialog.save_button.click()
    assert signal.args == [number]
    idle(qtbot, window)
    view = items.show(window.archive, number)
    assert view["entity"]["name"] == "张叁"
    assert view["history"][-1]["action"] == "entity.correct"
    assert window.detail.fields["entity"].text().startswith("张叁")
    history = window.detail.history
    assert history.item(history.rowCount() - 1, 3).text() == "更正单位/个人"
    total, hits = search(window.archive, "张叁")
    assert total == 1 and hits[0].number == number
