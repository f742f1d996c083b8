"""补登待遇事项… from the item detail: the dialog prefilled with the item's person, the
ID number checked as typed, the amount checked by the core (its refusal under 金额), the
event saved under audit with the reason and shown in the detail; refused once the item's
volume is handed over; disabled, saying why, for a person who may not edit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate

from archivist.access.item_detail import item_detail
from archivist.archive import Archive
from archivist.arrangement.benefit_events import item_events
from archivist.capture.pipeline import capture_from_manifest
from ui.item_detail import ItemDetail
from ui.tasks import TaskRunner
from ui.use.benefit_dialog import BenefitDialog

from ..conftest import ID_LI, ID_ZHANG, PASSWORD, add_person, write_manifest


def idle(qtbot: Any, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy(), timeout=30000)


def captured(archive: Archive, tmp_path: Path) -> str:
    return capture_from_manifest(archive, write_manifest(tmp_path / "drop")).number


def test_an_event_is_added_from_the_item_detail(
    qtbot: Any, window: Any, shown_errors: list[tuple[str, str]]
) -> None:
    number = window.current_number
    detail = window.detail
    assert number and detail.add_benefit.text() == "补登待遇事项…"
    assert detail.add_benefit.isEnabled()
    assert detail.events_value.isHidden()  # no events yet
    detail.add_benefit.click()
    dialog = detail.benefit_dialog
    assert isinstance(dialog, BenefitDialog)
    qtbot.addWidget(dialog)
    # the item's person, with the ID number the archivist may see
    assert dialog.person.text() == "张三" and dialog.id_number.text() == ID_ZHANG
    assert "校验码正确" in dialog.id_state.text()
    assert not dialog.save_button.isEnabled() and dialog.problem.text() == "请填写理由"
    # the ID number is checked as it is typed
    dialog.id_number.setText("110105198001010017")
    assert dialog.id_state.text().startswith("✗")
    assert dialog.problem.text() and not dialog.save_button.isEnabled()
    dialog.id_number.setText(ID_LI)
    dialog.person.setText("李四")
    dialog.set_kind("reissue")
    dialog.amount.setText("1234.567")  # a third decimal: money is exact to the fen
    dialog.reason.setText("补发 2023 年 3 月失业保险金")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    idle(qtbot, window.runner)
    assert dialog.isVisible() and shown_errors == []
    problems = dialog.field_problems()
    assert list(problems) == ["amount"] and "1234.567" in problems["amount"]
    assert "金额" in problems["amount"]
    assert not dialog.problem.isVisible()  # said under its field, not twice
    assert item_events(window.archive, number) == []
    # typing clears the refusal; a period ending before it starts is said under 期间止
    dialog.amount.setText("1234.56")
    assert dialog.field_problems() == {}
    dialog.period_from.set_value(dt.date(2023, 3, 31))
    dialog.period_to.set_value(dt.date(2023, 3, 1))
    dialog.save_button.click()
    idle(qtbot, window.runner)
    assert list(dialog.field_problems()) == ["period_to"]
    dialog.period_from.set_value(dt.date(2023, 3, 1))
    dialog.period_to.set_value(dt.date(2023, 3, 31))
    dialog.bank_change.setText("原账户 6222，改为 6217")
    dialog.date.setDate(QDate(2023, 6, 2))
    dialog.note.setText("经复核")
    with qtbot.waitSignal(detail.benefit_added, timeout=30000) as signal:
        dialog.save_button.click()
    assert signal.args == [number]
    idle(qtbot, window.runner)
    assert not dialog.isVisible() and shown_errors == []
    [event] = item_events(window.archive, number)
    assert (event.kind, event.person, event.id_number, event.amount) == (
        "reissue",
        "李四",
        ID_LI,
        "1234.56",
    )
    assert (event.period_from, event.period_to) == (dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    assert (event.happened_on, event.bank_change, event.note) == (
        dt.date(2023, 6, 2),
        "原账户 6222，改为 6217",
        "经复核",
    )
    [audited] = [e for e in detail.view["history"] if e["action"] == "benefit.add"]
    assert audited["reason"] == "补发 2023 年 3 月失业保险金"
    # the detail shows the new event, and its history the change
    assert detail.events_value.isVisible()
    shown = detail.events_value.text()
    assert "2023-06-02" in shown and "二次发放" in shown and "1234.56 元" in shown
    history = detail.history
    assert history.item(history.rowCount() - 1, 3).text() == "补登待遇事项"


def test_refused_once_handed_over(
    qtbot: Any, archive: Archive, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    from sqlalchemy import select

    from archivist.arrangement import volumes
    from archivist.db.models import Volume

    number = captured(archive, tmp_path)
    [made] = volumes.build(archive, 2023, "SY", "year")
    with archive.db.writing() as session:
        volume = session.scalar(select(Volume).where(Volume.code == made.code))
        assert volume is not None
        volume.status = "handed_over"
    runner = TaskRunner()
    detail = ItemDetail(archive=archive)
    qtbot.addWidget(detail)
    detail.show_item(item_detail(archive, number))
    # the button is disabled with the core's reason, like 编辑条目…
    assert not detail.add_benefit.isEnabled()
    assert "已移交" in detail.add_benefit.toolTip() and made.code in detail.add_benefit.toolTip()
    assert detail.add_benefit.toolTip() == detail.edit.toolTip()
    # a dialog opened anyway: the core refuses, said on the problem line, nothing added
    dialog = BenefitDialog(archive, runner, number, person="张三")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_kind("review_change")
    dialog.reason.setText("补登")
    dialog.save_button.click()
    idle(qtbot, runner)
    assert dialog.isVisible() and shown_errors == []
    assert "已移交" in dialog.problem.text() and dialog.field_problems() == {}
    assert item_events(archive, number) == []


def test_disabled_for_a_person_who_may_not_edit(
    qtbot: Any, archive: Archive, tmp_path: Path
) -> None:
    number = captured(archive, tmp_path)
    add_person(archive, "jingban", "handler")  # may read and capture, not edit
    archive.sign_in("jingban", PASSWORD)
    detail = ItemDetail(archive=archive)
    qtbot.addWidget(detail)
    detail.show_item(item_detail(archive, number))
    assert not detail.add_benefit.isEnabled()
    tip = detail.add_benefit.toolTip()
    assert tip == "您没有修改档案的权限（档案管理员可以）"
