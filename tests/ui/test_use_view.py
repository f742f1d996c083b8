"""The use view (利用): a request made from the dialog (prefilled from the item chosen,
the ID number checked as typed, the core's refusal under the field), approval by
someone else (the requester's button disabled, saying why), lending, a return with the
condition, the overdue list and its notice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtCore import QDate

from archivist.capture.pipeline import capture_from_manifest
from archivist.changes.states import LoanEntryState, LoanState
from archivist.use import requests
from archivist.use.requests import Borrower

from ..conftest import ID_LI, PASSWORD, add_person, write_manifest


def idle(qtbot: Any, win: Any) -> None:
    qtbot.waitUntil(
        lambda: (
            not win.runner.busy()
            and not win.model.loading
            and not win.use.loading
            and not win.use.overdue_loading
        ),
        timeout=30000,
    )


def open_use(qtbot: Any, window: Any) -> Any:
    window.show_use()
    idle(qtbot, window)
    assert window.views.tabText(window.views.currentIndex()) == "利用"
    return window.use


def made_request(window: Any, kind: str = "lend") -> str:
    number = window.current_number
    assert number
    return requests.create_request(
        window.archive, kind, Borrower("李四", id_number=ID_LI), "核对待遇", items=[number]
    ).number


def test_a_request_is_made_from_the_dialog(
    qtbot: Any, window: Any, shown_errors: list[tuple[str, str]]
) -> None:
    item = window.current_number
    assert item
    view = open_use(qtbot, window)
    assert view.model.rowCount() == 0
    assert "新建申请" in view.heading.text()
    dialog = view.new_request()  # from the 利用 tab: the item chosen in the window
    qtbot.addWidget(dialog)
    assert dialog.items.text() == item
    dialog.set_kind("lend")
    assert dialog.days.value() == 30
    dialog.name.setText("李四")
    dialog.purpose.setText("核对失业保险待遇")
    # the ID number is checked as it is typed: a wrong check digit is said, OK disabled
    dialog.id_number.setText("110105198001010017")
    assert "身份证" in dialog.problem.text() or "110105198001010017" in dialog.problem.text()
    assert dialog.marked is dialog.id_number
    assert not dialog.ok_button.isEnabled()
    dialog.id_number.setText(ID_LI)
    assert dialog.ok_button.isEnabled() and not dialog.problem.isVisible()
    # an empty selection: the core's sentence under the field, nothing made
    dialog.items.setText("")
    dialog.ok_button.click()
    idle(qtbot, window)
    assert dialog.isVisible()
    assert dialog.problem.text() == "申请没有选择任何档案（件、案卷或盒）"
    assert dialog.marked is dialog.items
    assert requests.list_requests(window.archive) == []
    # an unknown item: said under the field too
    dialog.items.setText("2099-SY-000001")
    dialog.ok_button.click()
    idle(qtbot, window)
    assert "2099-SY-000001" in dialog.problem.text() and dialog.marked is dialog.items
    dialog.items.setText(item)
    dialog.ok_button.click()
    idle(qtbot, window)
    assert not dialog.isVisible()
    assert not shown_errors
    [made] = requests.list_requests(window.archive)
    assert made.kind == "lend" and made.borrower_name == "李四" and made.days == 30
    assert [t.code for t in made.targets] == [item]
    assert view.model.rowCount() == 1 and view.current is not None
    assert view.current.number == made.number
    assert view.model.data(view.model.index(0, 1)) == "借出"
    assert view.model.data(view.model.index(0, 4)) == "待审批"
    assert "提出申请" in view.history.toPlainText()
    # the requester may not approve: disabled, saying why
    approve = view.buttons["approve"]
    assert not approve.isEnabled()
    assert "不能审批自己" in approve.toolTip()
    assert not view.buttons["refuse"].isEnabled()
    assert not view.buttons["lend"].isEnabled()  # not approved yet


def test_a_staff_borrower_and_a_unit(qtbot: Any, window: Any) -> None:
    view = open_use(qtbot, window)
    dialog = view.new_request([window.current_number])
    qtbot.addWidget(dialog)
    dialog.set_borrower_kind("staff")
    assert not dialog.id_number.isVisible()
    assert dialog.labels["name"].text() == "用户名"
    dialog.name.setText("nobody")
    dialog.purpose.setText("查阅")
    dialog.ok_button.click()
    idle(qtbot, window)
    assert "nobody" in dialog.problem.text() and dialog.marked is dialog.name
    dialog.set_borrower_kind("unit")
    assert dialog.labels["name"].text() == "单位名称"
    dialog.name.setText("某某有限公司")
    dialog.ok_button.click()
    idle(qtbot, window)
    assert not dialog.isVisible()
    [made] = requests.list_requests(window.archive)
    assert made.borrower_kind == "unit" and made.kind == "consult"


def test_approve_lend_return_and_the_overdue_notice(
    qtbot: Any,
    window: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_errors: list[tuple[str, str]],
) -> None:
    archive = window.archive
    number = made_request(window)
    add_person(archive, "fuzeren", "head")
    archive.sign_in("fuzeren", PASSWORD)
    view = open_use(qtbot, window)
    view.reload()
    idle(qtbot, window)
    assert view.current is not None and view.current.number == number
    assert view.buttons["approve"].isEnabled()
    view.buttons["approve"].click()
    idle(qtbot, window)
    assert not shown_errors
    assert requests.show_request(archive, number).status is LoanState.APPROVED
    assert view.model.data(view.model.index(0, 4)) == "已批准"
    assert "fuzeren 批准" in view.history.toPlainText()
    # a head approves but does not lend: disabled, saying who may
    assert not view.buttons["lend"].isEnabled()
    assert "需要" in view.buttons["lend"].toolTip()

    # the archivist lends it out, due in ten days
    archive.sign_in("tester", PASSWORD)
    view.reload()
    idle(qtbot, window)
    assert view.buttons["lend"].isEnabled()
    view.buttons["lend"].click()
    lend = view.dialog
    qtbot.addWidget(lend)
    due = dt.date.today() + dt.timedelta(days=10)
    lend.due.setDate(QDate(due.year, due.month, due.day))
    lend.note.setText("完好，共 4 页")
    lend.ok_button.click()
    idle(qtbot, window)
    lent = requests.show_request(archive, number)
    assert lent.status is LoanState.OUT and lent.due_on == due
    assert view.model.data(view.model.index(0, 4)) == "已借出"
    # the requester may not extend it
    assert not view.buttons["extend"].isEnabled()

    # overdue as of a day after the due date: listed, the notice written and opened
    opened: list[str] = []
    monkeypatch.setattr(
        "ui.files.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile())
    )
    view.pages.setCurrentIndex(1)
    idle(qtbot, window)
    assert view.overdue.rowCount() == 0  # not overdue today
    view.which.setCurrentIndex(1)  # the reminders: falling due within a week
    soon = due - dt.timedelta(days=3)
    view.as_of.setDate(QDate(soon.year, soon.month, soon.day))
    idle(qtbot, window)
    assert view.overdue.rowCount() == 1
    assert view.overdue.data(view.overdue.index(0, 6)) == "还有 3 天"
    assert not view.notice_button.isEnabled()  # not overdue: no notice
    view.which.setCurrentIndex(0)
    idle(qtbot, window)
    later = due + dt.timedelta(days=5)
    view.as_of.setDate(QDate(later.year, later.month, later.day))
    idle(qtbot, window)
    assert view.overdue.rowCount() == 1
    assert view.overdue.data(view.overdue.index(0, 0)) == number
    assert view.overdue.data(view.overdue.index(0, 6)) == "5"
    assert view.notice_button.isEnabled()
    out = tmp_path / "notice"
    monkeypatch.setattr("ui.use.view.QFileDialog.getSaveFileName", lambda *_a, **_k: (str(out), ""))
    view.notice_button.click()
    idle(qtbot, window)
    assert not shown_errors
    written = out.with_name("notice.docx")
    assert written.exists() and opened == [str(written)]
    text = "\n".join(p.text for p in Document(str(written)).paragraphs)
    tables = "\n".join(
        c.text for t in Document(str(written)).tables for r in t.rows for c in r.cells
    )
    assert "李四" in text + tables
    # 查看申请: back to the request
    view.show_button.click()
    idle(qtbot, window)
    assert view.pages.currentIndex() == 0 and view.current.number == number

    # returned damaged, with a note
    assert view.buttons["return"].isEnabled()
    view.buttons["return"].click()
    back = view.dialog
    qtbot.addWidget(back)
    assert back.chosen() == [window.current_number]
    back.set_condition("damaged")
    assert not back.ok_button.isEnabled() and back.problem.text() == "损坏或丢失须填写说明"
    back.note.setText("第 3 页撕裂")
    back.ok_button.click()
    idle(qtbot, window)
    assert not shown_errors
    done = requests.show_request(archive, number)
    assert done.status is LoanState.RETURNED
    [target] = done.targets
    assert target.state is LoanEntryState.RETURNED and target.condition == "damaged"
    assert view.targets.data(view.targets.index(0, 4)) == "损坏"
    assert "损坏" in view.history.toPlainText()
    assert not view.buttons["return"].isEnabled()


def test_refuse_with_a_reason_and_the_status_filter(qtbot: Any, window: Any) -> None:
    archive = window.archive
    first = made_request(window, "consult")
    second = made_request(window, "copy")
    add_person(archive, "fuzeren", "head")
    archive.sign_in("fuzeren", PASSWORD)
    view = open_use(qtbot, window)
    view.reload(select=first)
    idle(qtbot, window)
    assert view.current is not None and view.current.number == first
    view.buttons["refuse"].click()
    dialog = view.dialog
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setText("与业务无关")
    dialog.ok_button.click()
    idle(qtbot, window)
    assert requests.show_request(archive, first).refusal == "与业务无关"
    assert "拒绝理由：与业务无关" in view.facts.text()
    view.set_status_filter(LoanState.REQUESTED)
    idle(qtbot, window)
    assert [r.number for r in view.model.rows] == [second]
    view.set_status_filter(None)
    idle(qtbot, window)
    assert view.model.rowCount() == 2


def test_request_use_from_the_item_detail(qtbot: Any, window: Any) -> None:
    item = window.current_number
    assert window.detail.use.isVisible() and window.detail.use.isEnabled()
    window.detail.use.click()
    idle(qtbot, window)
    assert window.views.currentWidget() is window.use
    dialog = window.use.dialog
    qtbot.addWidget(dialog)
    assert dialog.items.text() == item


def test_the_rules_refuse_in_the_dialog(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """An accounting record lent outside and something already out: the core's sentence
    under the field, the dialog open, nothing made."""
    archive = window.archive
    kj = capture_from_manifest(
        archive,
        write_manifest(tmp_path / "kj", **{"class": "KJ", "business_type": "会计凭证"}),
    ).number
    view = open_use(qtbot, window)
    dialog = view.new_request([kj])
    qtbot.addWidget(dialog)
    dialog.set_kind("lend")
    dialog.name.setText("李四")
    dialog.purpose.setText("审计")
    dialog.ok_button.click()
    idle(qtbot, window)
    assert dialog.isVisible() and dialog.marked is dialog.items
    assert dialog.problem.text().startswith("会计档案不外借") and kj in dialog.problem.text()
    assert requests.list_requests(archive) == []
    dialog.set_kind("consult")  # consulted with approval: allowed
    assert not dialog.problem.isVisible() and dialog.marked is None
    dialog.reject()

    # lent out: a second loan of the same item is refused
    number = made_request(window)
    add_person(archive, "fuzeren", "head")
    archive.sign_in("fuzeren", PASSWORD)
    requests.approve(archive, number)
    archive.sign_in("tester", PASSWORD)
    from archivist.use import lending

    lending.lend(archive, number)
    again = view.new_request([window.current_number])
    qtbot.addWidget(again)
    again.set_kind("lend")
    again.name.setText("王五")
    again.purpose.setText("核对")
    again.ok_button.click()
    idle(qtbot, window)
    assert again.problem.text().startswith("已借出，尚未归还") and again.marked is again.items
    assert len(requests.list_requests(archive)) == 1


def test_close_with_the_effect_and_the_copy_dialog(qtbot: Any, window: Any) -> None:
    """办结… a consultation with its effect; 复制… of an approved copy request opens the
    copy dialog (its own part of the window)."""
    archive = window.archive
    consult = made_request(window, "consult")
    copy = made_request(window, "copy")
    add_person(archive, "fuzeren", "head")
    archive.sign_in("fuzeren", PASSWORD)
    requests.approve(archive, consult)
    requests.approve(archive, copy)
    archive.sign_in("tester", PASSWORD)
    view = open_use(qtbot, window)
    view.reload(select=consult)
    idle(qtbot, window)
    assert not view.buttons["copy"].isEnabled()
    assert view.buttons["copy"].toolTip() == "只有复制申请才能复制"
    assert not view.buttons["lend"].isEnabled()
    view.buttons["close"].click()
    dialog = view.dialog
    qtbot.addWidget(dialog)
    dialog.effect.setPlainText("查清缴费年限")
    dialog.ok_button.click()
    idle(qtbot, window)
    done = requests.show_request(archive, consult)
    assert done.status is LoanState.CLOSED and done.effect == "查清缴费年限"
    assert "利用效果：查清缴费年限" in view.facts.text()
    assert "办结" in view.history.toPlainText()

    copy_dialog = pytest.importorskip("ui.use.copy_dialog")
    view.select_request(copy)
    idle(qtbot, window)
    assert view.current is not None and view.current.number == copy
    assert view.buttons["copy"].isEnabled()
    view.buttons["copy"].click()
    idle(qtbot, window)
    [opened] = view.findChildren(copy_dialog.CopyDialog)
    opened.reject()


def test_the_person_file_opens_with_a_way_back_to_items(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """一人一档…: the person file opened (its own search box), with a way back to an
    item."""
    import ui.use.view as use_view

    calls: list[tuple[Any, ...]] = []
    real = use_view._function
    monkeypatch.setattr(
        use_view,
        "_function",
        lambda module, name: (
            (lambda *args: calls.append(args)) if name == "open_person_file" else real(module, name)
        ),
    )
    view = open_use(qtbot, window)
    view.reload()
    idle(qtbot, window)
    assert view.person_button.isEnabled()
    view.person_button.click()
    [(parent, archive, query, open_item)] = calls
    assert parent is view and archive is window.archive and query == ""
    open_item(window.current_number)  # an item of the person file: shown in the items view
    assert window.views.currentWidget() is window.main_split


def test_an_electronic_view_shows_the_chosen_items_pages(
    qtbot: Any,
    window: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_errors: list[tuple[str, str]],
) -> None:
    """调阅… of an approved electronic view: one of its items chosen, the core's
    view_item called (logged with the request), the item's pages shown in the items
    view; past its period the core's sentence; other kinds and states disabled."""
    from archivist.accounts.access_log import AccessKind, query

    archive = window.archive
    first = window.current_number
    second = capture_from_manifest(
        archive, write_manifest(tmp_path / "second", title="第二件")
    ).number
    consult = made_request(window, "consult")
    number = requests.create_request(
        archive, "view", Borrower("李四", id_number=ID_LI), "核对待遇", items=[first, second]
    ).number
    waiting = made_request(window, "view")
    add_person(archive, "fuzeren", "head")
    archive.sign_in("fuzeren", PASSWORD)
    requests.approve(archive, consult)
    requests.approve(archive, number)
    archive.sign_in("tester", PASSWORD)
    view = open_use(qtbot, window)
    button = view.buttons["view"]
    view.select_request(consult)
    idle(qtbot, window)
    assert button.text() == "调阅…"
    assert not button.isEnabled() and button.toolTip() == "只有电子调阅申请才能调阅"
    view.select_request(waiting)
    idle(qtbot, window)
    assert not button.isEnabled() and button.toolTip() == "须经批准才能调阅（现为：待审批）"

    offered: list[list[str]] = []
    answer: list[tuple[str, bool]] = [("", False)]

    def get_item(_parent: Any, _title: str, _label: str, items: list[str], *_a: Any) -> Any:
        offered.append(list(items))
        return answer[-1]

    monkeypatch.setattr("ui.use.view.QInputDialog.getItem", get_item)
    view.select_request(number)
    idle(qtbot, window)
    assert button.isEnabled()
    button.click()  # the chooser cancelled: nothing shown
    idle(qtbot, window)
    assert offered == [[first, second]] and window.views.currentWidget() is window.use
    answer.append((second, True))
    button.click()
    idle(qtbot, window)
    assert not shown_errors
    assert window.views.currentWidget() is window.main_split
    assert window.tabs.currentWidget() is window.viewer and window.viewer.number == second
    assert window.current_number == second
    with archive.db.reading() as session:
        events = query(session, kind=AccessKind.VIEW_ITEM, target=f"item:{second}")
    assert [e for e in events if e.detail and e.detail.get("request") == number]

    # past its approved period: the core refuses, its sentence in the error dialog
    until = requests.show_request(archive, number).valid_until
    assert until is not None
    window.show_use()
    view.view_item(on=until + dt.timedelta(days=1))
    idle(qtbot, window)
    [(message, _details)] = shown_errors
    assert message == f"电子调阅申请 {number} 的有效期已于 {until} 结束，不能再调阅"
    assert window.views.currentWidget() is window.use
