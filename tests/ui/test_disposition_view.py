"""The 鉴定 view (issue 15, point 9): from the due list to an executed destruction
register in the window — a batch with its group, opinions set in bulk with a reason,
every member's signature, the register made, approved by a head, signed by two
supervisors (one countersigning at the same desk with their password), executed after
a confirmation naming what goes — and the holds list, the volume detail's holds, and
the commands greyed with the reason for those without the right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from archivist.access.item_detail import item_detail
from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes.states import AppraisalState, DestructionState
from archivist.disposition import appraisal, destruction, holds, stubs
from archivist.disposition.appraisers import appraisers
from archivist.disposition.batch_views import BatchView, Opinion
from archivist.disposition.register_views import Duty
from archivist.errors import AccessRefused
from ui.disposition.dialogs import ExecuteDialog, NewBatchDialog, OpinionDialog, SignDialog
from ui.disposition.page import BATCHES, DUE, HOLDS, REGISTERS
from ui.disposition.view import DispositionView
from ui.tasks import TaskRunner

from ..conftest import PASSWORD, add_person, write_manifest

AS_OF = dt.date(2023, 1, 1)
MEMBERS = ("zhang", "li", "wang")


def capture(archive: Archive, folder: Path, completed_on: str) -> str:
    return capture_from_manifest(archive, write_manifest(folder, completed_on=completed_on)).number


@pytest.fixture
def records(archive: Archive, tmp_path: Path) -> dict[str, str]:
    """SY claims kept 10 years: 2005 and 2006 (two, filed in one volume) due by
    2023-01-01, 2020 not; the group zhang (appraiser, head), li (appraiser, archivist),
    wang (appraiser, handler) and boss (head); "tester" (archivist) signed in."""
    made = {
        "a": capture(archive, tmp_path / "a", "2005-05-12"),
        "b": capture(archive, tmp_path / "b", "2006-02-01"),
        "c": capture(archive, tmp_path / "c", "2006-09-01"),
        "late": capture(archive, tmp_path / "late", "2020-03-01"),
    }
    [volume] = volumes.build(archive, 2006, "SY", "year")
    made["volume"] = volume.code
    add_person(archive, "zhang", "appraiser", "head")
    add_person(archive, "li", "appraiser", "archivist")
    add_person(archive, "wang", "appraiser", "handler")
    add_person(archive, "boss", "head")
    return made


def as_(archive: Archive, name: str) -> None:
    archive.sign_in(name, PASSWORD)


@pytest.fixture
def view(qtbot: Any, archive: Archive) -> Any:
    runner = TaskRunner()
    shown = DispositionView(archive, runner)
    qtbot.addWidget(shown)
    shown.due_page.as_of.setDate(
        shown.due_page.as_of.date().fromString(AS_OF.isoformat(), "yyyy-MM-dd")
    )
    shown.resize(1366, 700)
    shown.show()
    settle(qtbot, shown)
    yield shown
    runner.wait()


def settle(qtbot: Any, view: DispositionView) -> None:
    qtbot.waitUntil(lambda: not view.runner.busy(), timeout=20000)


def reread(qtbot: Any, view: DispositionView, page: int) -> None:
    """After another person signed in: the page read again, its buttons as they are."""
    view.pages.setCurrentIndex(page)
    view.reload_page(page)
    settle(qtbot, view)


def accept(qtbot: Any, view: DispositionView, dialog: Any) -> None:
    assert dialog.ok_button.isEnabled(), dialog.problem.text()
    dialog.ok_button.click()
    settle(qtbot, view)


def make_batch(qtbot: Any, view: DispositionView, archive: Archive) -> BatchView:
    as_(archive, "zhang")
    reread(qtbot, view, DUE)
    view.due_page.group_table.selectRow(1)  # SY 2006 D10: the two records of the volume
    view.due_page.new_batch()
    settle(qtbot, view)
    dialog = view.dialog
    assert isinstance(dialog, NewBatchDialog)
    dialog.set_members(MEMBERS)
    accept(qtbot, view, dialog)
    return appraisal.list_batches(archive)[0]


def test_due_list_grouped_and_a_batch_from_the_selection(
    qtbot: Any, view: DispositionView, archive: Archive, records: dict[str, str]
) -> None:
    reread(qtbot, view, DUE)
    due = [view.due_page.due_rows.row(r).number for r in range(view.due_page.due_rows.rowCount())]
    assert due == [records["a"], records["b"], records["c"]]
    assert [(g.year, g.due) for g in view.due_page.groups.rows] == [(2005, 1), (2006, 2)]
    assert view.due_page.due_count.text() == "已到期 3 件，其中整卷到期 1 卷"
    assert view.due_page.due_count.toolTip() == records["volume"]
    # tester is an archivist: no appraiser role, the command greyed with the reason
    assert not view.due_page.new_batch_button.isEnabled()
    assert "鉴定小组成员" in view.due_page.new_batch_button.toolTip()
    view.due_page.within.setValue(10)  # planning: what falls due up to 2033
    settle(qtbot, view)
    assert records["late"] in {r.number for r in view.due_page.due_rows.rows}
    assert "至 2033-01-01 到期 1 件" in view.due_page.due_count.text()
    view.due_page.within.setValue(0)
    settle(qtbot, view)

    as_(archive, "zhang")
    reread(qtbot, view, DUE)
    view.due_page.group_table.selectRow(1)  # choosing a group selects its records
    assert view.due_page.chosen_due_numbers() == [records["b"], records["c"]]
    view.due_page.new_batch()
    settle(qtbot, view)
    dialog = view.dialog
    assert isinstance(dialog, NewBatchDialog)
    # the accounts with the appraiser role, heads first
    assert [dialog.members.item(r).data(Qt.ItemDataRole.UserRole) for r in range(3)] == [
        "zhang",
        "li",
        "wang",
    ]
    dialog.set_members(["li", "wang"])
    assert dialog.problem.text() == "鉴定小组至少 3 人（已选 2 人）"
    assert not dialog.ok_button.isEnabled()
    dialog.set_members(MEMBERS)
    accept(qtbot, view, dialog)
    assert view.pages.currentIndex() == BATCHES
    batch = view.batches_page.batch
    assert batch is not None and batch.number.startswith("JD-")
    assert [e.number for e in batch.entries] == [records["b"], records["c"]]
    assert "鉴定小组：张" not in view.batches_page.members_label.text()  # display names as made
    assert view.batches_page.members_label.text().count("未签") == 3


def test_opinions_in_bulk_signatures_and_greyed_commands(
    qtbot: Any,
    view: DispositionView,
    archive: Archive,
    records: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    batch = make_batch(qtbot, view, archive)
    assert view.batches_page.batch is not None and view.batches_page.batch.number == batch.number
    assert not view.buttons["sign"].isEnabled()
    assert view.buttons["sign"].toolTip() == "还有 2 件未给出意见，不能签字"
    # one record extended to 30 years, the rest (every undecided one) destroyed
    view.batches_page.entry_table.selectRow(0)
    dialog = view.batches_page.give_opinion(Opinion.EXTEND)
    assert isinstance(dialog, OpinionDialog) and dialog.numbers() == [records["b"]]
    assert not dialog.ok_button.isEnabled()  # the reason is missing
    dialog.period.setCurrentIndex(dialog.period.findData("D30"))
    dialog.reason.setText("涉及未到期的待遇追溯")
    accept(qtbot, view, dialog)
    dialog = view.batches_page.give_opinion(Opinion.DESTROY)
    assert isinstance(dialog, OpinionDialog)
    dialog.which.setCurrentIndex(1)  # every undecided one
    assert dialog.numbers() == [records["c"]]
    dialog.reason.setText("已过保管期限，无继续保存价值")
    accept(qtbot, view, dialog)
    entries = {e.number: e for e in appraisal.show_batch(archive, batch.number).entries}
    assert entries[records["b"]].opinion is Opinion.EXTEND
    assert entries[records["b"]].new_retention == "D30"
    assert entries[records["c"]].opinion is Opinion.DESTROY
    assert entries[records["c"]].reason == "已过保管期限，无继续保存价值"
    shown = {
        view.batches_page.entries.row(r).number: view.batches_page.entries.row(r) for r in range(2)
    }
    assert shown[records["c"]].opinion is Opinion.DESTROY  # the table re-read

    # an extension shorter than the period is refused in the dialog, nothing changed
    view.batches_page.entry_table.selectRow(1)
    dialog = view.batches_page.give_opinion(Opinion.EXTEND)
    assert isinstance(dialog, OpinionDialog)
    dialog.period.setCurrentIndex(dialog.period.findData("D10"))
    dialog.reason.setText("试试")
    dialog.ok_button.click()
    settle(qtbot, view)
    assert dialog.isVisible() and dialog.problem.text()
    dialog.reject()
    assert appraisal.show_batch(archive, batch.number).entries[1].opinion is Opinion.DESTROY

    for name in MEMBERS:
        as_(archive, name)
        reread(qtbot, view, BATCHES)
        assert view.buttons["sign"].isEnabled(), view.buttons["sign"].toolTip()
        view.batches_page.sign_batch()
        settle(qtbot, view)
    signed = appraisal.show_batch(archive, batch.number)
    assert signed.state is AppraisalState.SIGNED
    assert view.batches_page.batches.data(view.batches_page.batches.index(0, 5)) == "3/3"  # 签字
    monkeypatch.setattr("ui.files.QDesktopServices.openUrl", lambda url: True)
    view.write_register("appraisal-list", tmp_path / "清单.docx")
    settle(qtbot, view)
    assert view.last_file == tmp_path / "清单.docx"
    text = docx_text(tmp_path / "清单.docx")
    assert records["b"] in text or batch.number in text
    assert not view.buttons["destroy"].isEnabled()
    assert view.buttons["destroy"].toolTip() == "鉴定批次已签字，意见不能再改"
    # wang (a handler) may not make the register; boss (not a member) no opinion
    assert not view.buttons["register"].isEnabled()
    assert "档案管理员" in view.buttons["register"].toolTip()


def test_from_a_signed_batch_to_an_executed_register(
    qtbot: Any,
    view: DispositionView,
    archive: Archive,
    records: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    batch = make_batch(qtbot, view, archive)
    appraisal.set_opinion(
        archive, batch.number, [records["b"], records["c"]], "destroy", reason="无保存价值"
    )
    for name in MEMBERS:
        as_(archive, name)
        appraisal.sign_batch(archive, batch.number)

    as_(archive, "tester")  # an archivist makes the register
    reread(qtbot, view, BATCHES)
    assert view.buttons["register"].isEnabled(), view.buttons["register"].toolTip()
    view.batches_page.make_registers()
    settle(qtbot, view)
    assert view.pages.currentIndex() == REGISTERS
    register = view.registers_page.register
    assert register is not None and register.state is DestructionState.PROPOSED
    assert [r.number for r in view.registers_page.register_rows.rows] == [
        records["b"],
        records["c"],
    ]
    assert (
        view.registers_page.register_rows.headerData(5, Qt.Orientation.Horizontal) == "已保管期限"
    )
    # the proposer cannot approve, nor can anyone without the head's right
    assert not view.buttons["approve"].isEnabled()
    assert "负责人" in view.buttons["approve"].toolTip()
    assert not view.buttons["execute"].isEnabled()

    as_(archive, "boss")
    reread(qtbot, view, REGISTERS)
    assert view.buttons["approve"].isEnabled(), view.buttons["approve"].toolTip()
    view.registers_page.approve()
    settle(qtbot, view)
    assert destruction.show_register(archive, register.number).state is DestructionState.APPROVED
    # the approver never supervises
    assert not view.buttons["sign_self"].isEnabled()
    assert view.buttons["sign_self"].toolTip() == "批准人不能担任监销人"

    as_(archive, "li")  # li signs as herself, then wang countersigns at her desk
    reread(qtbot, view, REGISTERS)
    dialog = view.registers_page.sign_register()
    assert isinstance(dialog, SignDialog)
    accept(qtbot, view, dialog)
    assert not view.buttons["execute"].isEnabled()
    assert view.buttons["execute"].toolTip() == "须有两名以上监销人签字（现有 1 名）"
    dialog = view.registers_page.sign_register(countersign=True)
    assert isinstance(dialog, SignDialog) and dialog.objectName() == "countersignDialog"
    dialog.user.setText("wang")
    dialog.password.setText("not-his-password")
    dialog.ok_button.click()
    settle(qtbot, view)
    assert dialog.isVisible() and dialog.problem.text()  # refused in place
    assert dialog.password.text() == ""  # a refused password is not kept
    assert len(destruction.show_register(archive, register.number).supervisors) == 1
    dialog.password.setText(PASSWORD)
    accept(qtbot, view, dialog)
    signed = destruction.show_register(archive, register.number)
    assert [s.user_name for s in signed.supervisors] == ["li", "wang"]
    assert archive.person is not None and archive.person.user_name == "li"  # still li
    assert view.registers_page.signatures.rowCount() == 2

    assert view.buttons["execute"].isEnabled(), view.buttons["execute"].toolTip()
    execute = view.registers_page.execute()
    assert isinstance(execute, ExecuteDialog)
    assert not execute.ok_button.isEnabled()
    assert execute.problem.text() == "请填写销毁方式"
    execute.method.setCurrentText("粉碎")
    execute.place.setText("本中心档案室")
    asked: list[str] = []

    def answer(box: QMessageBox, go: bool) -> int:
        asked.append(box.text() + "\n" + box.informativeText())
        wanted = QMessageBox.ButtonRole.DestructiveRole if go else QMessageBox.ButtonRole.RejectRole
        button = next(b for b in box.buttons() if box.buttonRole(b) == wanted)
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, False))
    execute.ok_button.click()  # cancelled at the confirmation: nothing destroyed
    settle(qtbot, view)
    pages = signed.pages
    assert f"2 件、{pages} 页：{records['b']}、{records['c']}" in asked[0]
    assert register.number in asked[0]
    assert destruction.show_register(archive, register.number).state is DestructionState.APPROVED

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, True))
    execute.ok_button.click()
    assert execute.progress is not None and execute.progress.isVisible()  # while it runs
    settle(qtbot, view)
    assert not execute.isVisible() and not execute.progress.isVisible()
    done = destruction.show_register(archive, register.number)
    assert done.state is DestructionState.EXECUTED
    assert (done.method, done.place) == ("粉碎", "本中心档案室")
    assert execute.result_of is not None and execute.result_of.items == 2
    assert view.registers_page.register_heading.text().endswith("已销毁")
    assert "方式 粉碎　地点 本中心档案室" in view.registers_page.register_facts.text()
    assert not view.buttons["execute"].isEnabled()
    stub = stubs.stub_of(archive, records["b"])
    assert stub is not None and stub.register == register.number
    # the volume they were filed in marks them
    from ui.volumes.view import VolumesView

    volumes_view = VolumesView(archive, view.runner)
    qtbot.addWidget(volumes_view)
    volumes_view.show()
    qtbot.waitUntil(lambda: "已销毁" in volumes_view.facts.text(), timeout=20000)
    assert f"其中 2 件已销毁（{register.number}），只保留目录信息" in volumes_view.facts.text()
    title = volumes_view.items.data(volumes_view.items.index(0, 2))
    assert title.endswith(f"（已销毁，{register.number}）")


def docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_holds_listed_placed_and_lifted(
    qtbot: Any,
    view: DispositionView,
    archive: Archive,
    records: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    reread(qtbot, view, HOLDS)
    assert view.holds_page.hold_rows.rowCount() == 0
    assert view.buttons["place_hold"].isEnabled()  # an archivist may
    assert not view.buttons["lift_hold"].isEnabled()
    dialog = view.place_hold(items=[records["a"]])
    assert dialog is not None
    dialog.set_kind("litigation")
    dialog.reason.setText("行政诉讼待判")
    accept(qtbot, view, dialog)
    [hold] = holds.list_holds(archive)
    assert (hold.code, hold.kind, hold.reason) == (records["a"], "litigation", "行政诉讼待判")
    assert view.holds_page.hold_rows.rowCount() == 1
    assert view.holds_page.hold_rows.data(view.holds_page.hold_rows.index(0, 2)) == "诉讼"
    assert view.holds_page.hold_count.text() == "1 项，保全中 1 项"
    # a held record leaves the due list
    reread(qtbot, view, DUE)
    assert records["a"] not in {r.number for r in view.due_page.due_rows.rows}
    assert "另有 1 件保全中" in view.due_page.due_count.text()

    reread(qtbot, view, HOLDS)
    view.holds_page.hold_table.selectRow(0)
    lift = view.holds_page.lift_hold()
    assert lift is not None and not lift.ok_button.isEnabled()
    lift.reason.setText("已判决")
    accept(qtbot, view, lift)
    assert holds.list_holds(archive)[0].state == "lifted"
    assert not view.buttons["lift_hold"].isEnabled()
    assert view.buttons["lift_hold"].toolTip() == f"保全 {hold.number} 已解除"

    # the 保全登记簿 written and opened
    opened: list[str] = []
    monkeypatch.setattr(
        "ui.files.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    view.write_register("holds", tmp_path / "保全登记簿")
    settle(qtbot, view)
    written = tmp_path / "保全登记簿.docx"
    assert opened == [str(written)] and view.last_file == written
    assert hold.number in docx_text(written) and "已判决" in docx_text(written)

    as_(archive, "wang")  # a handler and appraiser: no right to place holds
    reread(qtbot, view, HOLDS)
    assert not view.buttons["place_hold"].isEnabled()
    assert "负责人" in view.buttons["place_hold"].toolTip()
    assert view.place_hold(items=[records["a"]]) is None


def test_the_volume_detail_shows_its_holds(
    qtbot: Any, archive: Archive, records: dict[str, str]
) -> None:
    from ui.volumes.view import VolumesView

    runner = TaskRunner()
    shown = VolumesView(archive, runner)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.current_volume() is not None, timeout=20000)
    assert "保全" not in shown.facts.text()
    dialog = shown.place_hold()
    assert dialog is not None and dialog.on_volume()
    assert dialog.volume.text() == records["volume"]
    dialog.set_kind("audit")
    dialog.reason.setText("审计署专项审计")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "审计署专项审计" in shown.facts.text(), timeout=20000)
    [hold] = holds.list_holds(archive)
    assert f"保全 {hold.number}（本卷，审计）：审计署专项审计" in shown.facts.text()
    # the item detail of a record in it says so too
    detail = item_detail(archive, records["b"])
    assert [h["number"] for h in detail["holds"]] == [hold.number]
    runner.wait()


def test_appraisers_are_listed_for_appraisers_only(
    archive: Archive, records: dict[str, str]
) -> None:
    with pytest.raises(AccessRefused):
        appraisers(archive)  # tester: an archivist
    as_(archive, "wang")
    assert [(a.user_name, a.head) for a in appraisers(archive)] == [
        ("zhang", True),
        ("li", False),
        ("wang", False),
    ]


def test_the_window_has_the_tab(qtbot: Any, window: Any) -> None:
    index = window.views.indexOf(window.disposition)
    assert window.views.tabText(index) == "鉴定"
    window.show_disposition()
    assert window.views.currentWidget() is window.disposition
    assert window.commands["disposition"].text() == "鉴定"
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=20000)
    # the items view's context menu places a hold on the item chosen
    window.views.setCurrentWidget(window.main_split)
    qtbot.waitUntil(lambda: window.current_number is not None, timeout=20000)
    number = window.current_number
    window._table_menu(window.table.visualRect(window.model.index(0, 0)).center())
    [hold] = [a for a in window.item_menu.actions() if a.objectName() == "holdItem"]
    assert hold.isEnabled()  # tester: an archivist
    hold.trigger()
    dialog = window.disposition.dialog
    assert dialog is not None and dialog.objectName() == "placeHoldDialog"
    assert dialog.items.text() == number
    dialog.reason.setText("待遇争议")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "保全中" in window.detail.holds_value.text(), timeout=20000)
    window.item_menu.close()
    # the language switched and back: every text set again, nothing lost
    from ui.i18n import translations

    translations.apply("en")
    translations.apply("zh")
    assert window.disposition.pages.tabText(0) == "到期档案"
    assert window.disposition.buttons["execute"].text() == "销毁…"


def test_a_duty_of_the_accounting_register_is_offered_only_there(
    qtbot: Any, view: DispositionView, archive: Archive, records: dict[str, str]
) -> None:
    batch = make_batch(qtbot, view, archive)
    appraisal.set_opinion(
        archive, batch.number, [records["b"], records["c"]], "destroy", reason="无保存价值"
    )
    for name in MEMBERS:
        as_(archive, name)
        appraisal.sign_batch(archive, batch.number)
    as_(archive, "tester")
    [register] = destruction.create_registers(archive, batch.number)
    as_(archive, "boss")
    destruction.approve_register(archive, register.number)
    as_(archive, "li")
    reread(qtbot, view, REGISTERS)
    dialog = view.registers_page.sign_register()
    assert isinstance(dialog, SignDialog)
    assert dialog.duties == [Duty.SUPERVISOR]  # an ordinary register: supervisors only
    dialog.reject()


def test_the_accounting_register_signed_duty_by_duty(
    qtbot: Any, view: DispositionView, archive: Archive, tmp_path: Path
) -> None:
    """A KJ record's register: the duties of Order 79 are offered in the signing dialog,
    each signed by another person (countersigned at one desk), and execution says which
    duties are still missing."""
    kj = capture_from_manifest(
        archive,
        write_manifest(
            tmp_path / "kj",
            completed_on="2005-06-30",
            **{"class": "KJ", "business_type": "会计月季度报表", "title": "2005年6月会计报表"},
        ),
    ).number
    add_person(archive, "zhang", "appraiser", "head")
    add_person(archive, "li", "appraiser", "archivist")
    add_person(archive, "wang", "appraiser", "handler")
    add_person(archive, "boss", "head")
    add_person(archive, "kjhead", "handler")
    as_(archive, "zhang")
    batch = appraisal.create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[kj])
    appraisal.set_opinion(archive, batch.number, [kj], "destroy", reason="已过保管期限")
    for name in MEMBERS:
        as_(archive, name)
        appraisal.sign_batch(archive, batch.number)
    as_(archive, "tester")
    [register] = destruction.create_registers(archive, batch.number)
    assert register.accounting
    as_(archive, "boss")
    destruction.approve_register(archive, register.number)

    as_(archive, "tester")
    reread(qtbot, view, REGISTERS)
    assert view.registers_page.register_heading.text().startswith(
        f"{register.number}　会计档案销毁清册"
    )
    assert (
        "单位负责人 boss" in view.registers_page.register_facts.text()
    )  # the approval is the unit head's
    assert "档案经办人 未签" in view.registers_page.register_facts.text()
    dialog = view.registers_page.sign_register()
    assert isinstance(dialog, SignDialog)
    assert dialog.duties == [
        Duty.SUPERVISOR,
        Duty.ARCHIVES_HEAD,
        Duty.ACCOUNTING_HEAD,
        Duty.ARCHIVES_HANDLER,
        Duty.ACCOUNTING_HANDLER,
    ]
    dialog.set_duty(Duty.ARCHIVES_HANDLER)
    assert dialog.unit.isHidden()  # a unit only for supervisors
    accept(qtbot, view, dialog)
    dialog = view.registers_page.sign_register(countersign=True)
    assert isinstance(dialog, SignDialog)
    dialog.set_duty(Duty.ACCOUNTING_HEAD)
    dialog.user.setText("kjhead")
    dialog.password.setText(PASSWORD)
    accept(qtbot, view, dialog)
    signed = destruction.show_register(archive, register.number)
    assert [(s.duty, s.user_name) for s in signed.signatures] == [
        (Duty.UNIT_HEAD, "boss"),
        (Duty.ARCHIVES_HANDLER, "tester"),
        (Duty.ACCOUNTING_HEAD, "kjhead"),
    ]
    assert "档案经办人 tester" in view.registers_page.register_facts.text()
    assert not view.buttons["execute"].isEnabled()
    assert view.buttons["execute"].toolTip() == "须有两名以上监销人签字（现有 0 名）"


def test_a_destroyed_record_opens_as_a_stub_in_the_window(
    qtbot: Any, window: Any, archive: Archive, tmp_path: Path, shown_errors: list[Any]
) -> None:
    number = capture(archive, tmp_path / "old", "2005-05-12")
    add_person(archive, "zhang", "appraiser", "head")
    add_person(archive, "li", "appraiser", "archivist")
    add_person(archive, "wang", "appraiser", "handler")
    add_person(archive, "boss", "head")
    as_(archive, "zhang")
    batch = appraisal.create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[number])
    appraisal.set_opinion(archive, batch.number, [number], "destroy", reason="无保存价值")
    for name in MEMBERS:
        as_(archive, name)
        appraisal.sign_batch(archive, batch.number)
    as_(archive, "tester")
    [register] = destruction.create_registers(archive, batch.number)
    as_(archive, "boss")
    destruction.approve_register(archive, register.number)
    for name in ("li", "wang"):
        as_(archive, name)
        destruction.sign_register(archive, register.number, "supervisor", unit="archives")
    as_(archive, "tester")
    from archivist.disposition.execution import execute_register

    execute_register(
        archive, register.number, supervisors=("li", "wang"), method="粉碎", place="档案室"
    )
    window.show_disposition()
    view = window.disposition
    view.pages.setCurrentIndex(REGISTERS)
    qtbot.waitUntil(lambda: view.registers_page.register is not None, timeout=20000)
    assert (
        view.registers_page.register is not None
        and view.registers_page.register.state is DestructionState.EXECUTED
    )
    view.registers_page.row_table.doubleClicked.emit(
        view.registers_page.register_rows.index(0, 0)
    )  # to the items view
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=20000)
    assert window.views.currentWidget() is window.main_split
    assert window.current_number == number
    shown = window.detail.destroyed_value
    assert not shown.isHidden() and shown.text().startswith(
        f"已于 {dt.date.today().isoformat()} 按销毁清册 {register.number} 销毁（鉴定批次 {batch.number}，boss 批准，监销人 li、wang）"
    )
    # its period is shown, no longer when it may be appraised
    assert window.detail.fields["retention"].text() == "10年"
    # its stub cannot change: the edit commands say why, the core refuses
    assert not window.detail.edit.isEnabled()
    assert not window.detail.use.isEnabled()
    assert window.detail.use.toolTip() == "已销毁的档案不能利用"
    assert window.detail.edit.toolTip() == f"不能修改：档案 {number} 已销毁（只保留目录信息）"
    from archivist.arrangement import items
    from archivist.errors import InputError

    with pytest.raises(InputError) as refused:
        items.edit(archive, number, reason="改题名", title="新题名")
    assert refused.value.code == "item.destroyed"
    assert shown_errors == []


def test_a_batch_by_scope_when_nothing_is_chosen(
    qtbot: Any, view: DispositionView, archive: Archive, records: dict[str, str]
) -> None:
    as_(archive, "li")  # an appraiser (and archivist) who sits on the group
    reread(qtbot, view, DUE)
    view.due_page.year.setValue(2005)
    settle(qtbot, view)
    assert [r.number for r in view.due_page.due_rows.rows] == [records["a"]]
    view.due_page.due_table.clearSelection()
    view.due_page.new_batch()
    settle(qtbot, view)
    dialog = view.dialog
    assert isinstance(dialog, NewBatchDialog)
    assert "numbers" not in dialog.labels and dialog.year.value() == 2005
    assert dialog.chosen_members() == ["li"]  # who makes it is ticked
    assert dialog.problem.text() == "鉴定小组至少 3 人（已选 1 人）"
    dialog.set_members(["li", "wang"])
    dialog.set_members(["li", "wang", "zhang"])
    accept(qtbot, view, dialog)
    made = appraisal.list_batches(archive)[0]
    assert (made.scope_year, [e.number for e in made.entries]) == (2005, [records["a"]])
    assert view.batches_page.batch is not None and view.batches_page.batch.number == made.number
    assert view.batches_page.batch_heading.text().endswith("2005年度　鉴定中")


def test_the_item_detail_shows_every_appraisal(
    qtbot: Any, archive: Archive, tmp_path: Path
) -> None:
    """An extended record's detail lists its appraisal: the batch, the new period, the
    reason, signed or not (the history of issue 15 point 7)."""
    from ui.item_detail import ItemDetail

    number = capture(archive, tmp_path / "old", "2005-05-12")
    add_person(archive, "zhang", "appraiser", "head")
    add_person(archive, "li", "appraiser", "archivist")
    add_person(archive, "wang", "appraiser", "handler")
    as_(archive, "zhang")
    batch = appraisal.create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[number])
    appraisal.set_opinion(
        archive, batch.number, [number], "extend", period="D30", reason="涉及长期待遇"
    )
    detail = ItemDetail()
    qtbot.addWidget(detail)
    detail.show_item(item_detail(archive, number))
    shown = detail.appraisals_value
    assert not shown.isHidden()
    assert (
        shown.text() == f"{batch.number}　延期至30年（2036-01-01起可再鉴定）　涉及长期待遇　鉴定中"
    )
    for name in MEMBERS:
        as_(archive, name)
        appraisal.sign_batch(archive, batch.number)
    detail.show_item(item_detail(archive, number))
    assert shown.text().endswith("已签字")
    detail.show_item(item_detail(archive, capture(archive, tmp_path / "new", "2020-05-12")))
    assert shown.isHidden()  # never appraised: no line


def test_a_draft_batch_cancelled_with_a_reason(
    qtbot: Any, view: DispositionView, archive: Archive, records: dict[str, str]
) -> None:
    from ui.disposition.dialogs import CancelBatchDialog

    batch = make_batch(qtbot, view, archive)
    reread(qtbot, view, BATCHES)
    view.batches_page.batch_table.selectRow(0)
    assert view.buttons["cancel_batch"].isEnabled()
    assert view.buttons["cancel_batch"].text() == "撤销批次…"
    as_(archive, "boss")  # a head outside the group, without the appraise right
    reread(qtbot, view, BATCHES)
    assert not view.buttons["cancel_batch"].isEnabled()
    assert "鉴定" in view.buttons["cancel_batch"].toolTip()
    assert view.batches_page.cancel_batch() is None
    as_(archive, "wang")  # a member
    reread(qtbot, view, BATCHES)
    dialog = view.batches_page.cancel_batch()
    assert isinstance(dialog, CancelBatchDialog) and not dialog.ok_button.isEnabled()
    dialog.reason.setText("李四调离，鉴定小组重组")
    accept(qtbot, view, dialog)
    shown = appraisal.show_batch(archive, batch.number)
    assert shown.state is AppraisalState.CANCELLED and shown.cancelled_by == "wang"
    assert "已撤销" in view.batches_page.batch_heading.text()
    assert "李四调离" in view.batches_page.batch_facts.text()
    assert not view.buttons["cancel_batch"].isEnabled()
    assert "已撤销" in view.buttons["cancel_batch"].toolTip()
    assert not view.buttons["sign"].isEnabled()
    reread(qtbot, view, DUE)  # its records are back on the due list
    assert {records["b"], records["c"]} <= {r.number for r in view.due_page.due_rows.rows}


def test_a_register_withdrawn_by_the_head(
    qtbot: Any, view: DispositionView, archive: Archive, records: dict[str, str]
) -> None:
    from ui.disposition.dialogs import WithdrawRegisterDialog

    batch = make_batch(qtbot, view, archive)
    appraisal.set_opinion(archive, batch.number, [records["b"], records["c"]], "destroy",
                          reason="保管期满")  # fmt: skip
    for name in MEMBERS:
        as_(archive, name)
        appraisal.sign_batch(archive, batch.number)
    as_(archive, "tester")
    reread(qtbot, view, BATCHES)
    view.batches_page.batch_table.selectRow(0)
    assert not view.buttons["cancel_batch"].isEnabled()
    assert "签字" in view.buttons["cancel_batch"].toolTip()
    [register] = destruction.create_registers(archive, batch.number)
    as_(archive, "wang")  # a handler: neither its proposer nor a head
    reread(qtbot, view, REGISTERS)
    view.registers_page.register_table.selectRow(0)
    assert not view.buttons["withdraw"].isEnabled()
    assert view.buttons["withdraw"].text() == "撤回清册…"
    assert view.registers_page.withdraw_register() is None
    as_(archive, "boss")
    reread(qtbot, view, REGISTERS)
    view.registers_page.register_table.selectRow(0)
    assert view.buttons["withdraw"].isEnabled()
    dialog = view.registers_page.withdraw_register()
    assert isinstance(dialog, WithdrawRegisterDialog) and not dialog.ok_button.isEnabled()
    dialog.reason.setText("仍有查考价值，不同意销毁")
    accept(qtbot, view, dialog)
    shown = destruction.show_register(archive, register.number)
    assert shown.state is DestructionState.WITHDRAWN and shown.withdrawn_by == "boss"
    assert "已撤回" in view.registers_page.register_heading.text()
    assert "不同意销毁" in view.registers_page.register_facts.text()
    for key in ("withdraw", "approve", "sign_self", "countersign", "execute"):
        assert not view.buttons[key].isEnabled(), key
        assert "撤回" in view.buttons[key].toolTip(), key
    as_(archive, "tester")  # a new register may be made from the same batch
    reread(qtbot, view, BATCHES)
    view.batches_page.batch_table.selectRow(0)
    assert view.buttons["register"].isEnabled(), view.buttons["register"].toolTip()


def test_the_item_detail_says_a_batch_was_cancelled(
    qtbot: Any, archive: Archive, tmp_path: Path
) -> None:
    from ui.item_detail import ItemDetail

    number = capture(archive, tmp_path / "old", "2005-05-12")
    add_person(archive, "zhang", "appraiser", "head")
    add_person(archive, "li", "appraiser", "archivist")
    add_person(archive, "wang", "appraiser", "handler")
    as_(archive, "zhang")
    batch = appraisal.create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[number])
    appraisal.cancel_batch(archive, batch.number, "小组重组")
    detail = ItemDetail()
    qtbot.addWidget(detail)
    detail.show_item(item_detail(archive, number))
    assert detail.appraisals_value.text() == f"{batch.number}　未定　已撤销"


def add_named(archive: Archive, user_name: str, display_name: str, *roles: str) -> None:
    """An account whose display name is not its user name (as in a real archive)."""
    add_person(archive, user_name, *roles, display_name=display_name)


def approved_register(archive: Archive, records: dict[str, str], proposer: str) -> str:
    """A signed batch of b and c (destroy) made into a register by `proposer`,
    approved by boss."""
    batch = appraisal.create_batch(
        archive, as_of=AS_OF, members=list(MEMBERS), numbers=[records["b"], records["c"]]
    )
    appraisal.set_opinion(
        archive, batch.number, [records["b"], records["c"]], "destroy", reason="无保存价值"
    )
    for name in MEMBERS:
        as_(archive, name)
        appraisal.sign_batch(archive, batch.number)
    as_(archive, proposer)
    [register] = destruction.create_registers(archive, batch.number)
    as_(archive, "boss")
    destruction.approve_register(archive, register.number)
    return register.number


def test_a_supervisor_who_signed_is_not_offered_to_sign_again(
    qtbot: Any, view: DispositionView, archive: Archive, records: dict[str, str]
) -> None:
    as_(archive, "zhang")
    number = approved_register(archive, records, "tester")
    as_(archive, "li")
    destruction.sign_register(archive, number, "supervisor")
    reread(qtbot, view, REGISTERS)
    # li has signed as a supervisor: 签字… greyed with the reason, not refused afterwards
    assert not view.buttons["sign_self"].isEnabled()
    assert view.buttons["sign_self"].toolTip().startswith("您已作为监销人签字")
    assert view.buttons["countersign"].isEnabled()  # another person still may
    as_(archive, "wang")
    reread(qtbot, view, REGISTERS)
    assert view.buttons["sign_self"].isEnabled(), view.buttons["sign_self"].toolTip()


def test_who_executed_or_withdrew_a_register_is_shown_by_name(
    qtbot: Any, view: DispositionView, archive: Archive, records: dict[str, str]
) -> None:
    from archivist.disposition import execution

    add_named(archive, "zhao", "赵敏", "archivist")
    as_(archive, "zhang")
    number = approved_register(archive, records, "tester")
    for name in ("li", "wang"):
        as_(archive, name)
        destruction.sign_register(archive, number, "supervisor")
    as_(archive, "zhao")
    execution.execute_register(
        archive, number, supervisors=("li", "wang"), method="粉碎", place="档案室"
    )
    reread(qtbot, view, REGISTERS)
    assert "执行 赵敏" in view.registers_page.register_facts.text()
    assert "zhao" not in view.registers_page.register_facts.text()

    # a register withdrawn by its proposer: the proposer's name, not the account
    as_(archive, "zhang")
    batch = appraisal.create_batch(
        archive, as_of=AS_OF, members=list(MEMBERS), numbers=[records["a"]]
    )
    appraisal.set_opinion(archive, batch.number, [records["a"]], "destroy", reason="无保存价值")
    for name in MEMBERS:
        as_(archive, name)
        appraisal.sign_batch(archive, batch.number)
    as_(archive, "zhao")
    [register] = destruction.create_registers(archive, batch.number)
    destruction.withdraw_register(archive, register.number, "范围有误")
    view.reload_page(REGISTERS, select=register.number)
    settle(qtbot, view)
    assert (
        view.registers_page.register is not None
        and view.registers_page.register.number == register.number
    )
    assert "已由 赵敏 于" in view.registers_page.register_facts.text()


def test_a_short_dialog_keeps_its_form_under_the_heading(
    qtbot: Any, view: DispositionView, archive: Archive, records: dict[str, str]
) -> None:
    """A dialog taller than its form (the problem line empty) does not spread the
    heading and the fields apart with blank bands: the room goes under the form."""
    make_batch(qtbot, view, archive)
    view.batches_page.entry_table.selectRow(0)
    dialog = view.batches_page.give_opinion(Opinion.DESTROY)
    assert isinstance(dialog, OpinionDialog)
    dialog.reason.setText("已过保管期限，无继续保存价值")
    qtbot.waitUntil(lambda: dialog.isVisible())
    qtbot.wait(50)
    heading = dialog.heading.geometry()
    needed = dialog.heading.heightForWidth(heading.width())
    assert heading.height() <= needed + 8, (heading, needed)
    field = dialog.which.mapTo(dialog, dialog.which.rect().topLeft())
    assert field.y() - heading.bottom() <= 24, (heading, field)
    dialog.reject()


def test_the_new_period_of_an_extension_is_not_cut_off(
    qtbot: Any, view: DispositionView, archive: Archive, records: dict[str, str]
) -> None:
    """延期至 shows the new period and the day it falls due again, whole."""
    batch = make_batch(qtbot, view, archive)
    appraisal.set_opinion(
        archive, batch.number, [records["b"]], "extend", period="D30", reason="待遇追溯"
    )
    reread(qtbot, view, BATCHES)
    row = view.batches_page.entries.row_of(records["b"])
    assert row is not None
    column = next(i for i, c in enumerate(view.batches_page.entries.columns) if c.key == "new")
    text = view.batches_page.entries.data(view.batches_page.entries.index(row, column))
    assert text.startswith("30年（") and "起可鉴定" in text
    needed = view.batches_page.entry_table.fontMetrics().horizontalAdvance(text)
    assert view.batches_page.entry_table.columnWidth(column) >= needed + 8, (text, needed)


def test_a_number_with_a_three_letter_class_is_shown_whole(
    qtbot: Any, view: DispositionView
) -> None:
    """件号 of a class like SYU (2019-SYU-000001) fits the due list and the batch."""
    for table in (view.due_page.due_table, view.batches_page.entry_table):
        needed = table.fontMetrics().horizontalAdvance("2019-SYU-000001")
        assert table.columnWidth(0) >= needed + 8, (table.objectName(), needed)
