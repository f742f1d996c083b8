"""The classification scheme table in the settings: class defaults and business-type
periods edited in place, rows still to be decided by the agency marked, new business
types added; every change through the core's scheme service, audited with its reason."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from archivist.access import browse
from archivist.archive import Archive
from archivist.changes import audit
from ui.reason_dialog import ReasonDialog
from ui.scheme_editor import CONFIRM, INHERITED, OK, TODO, SchemeEditor, parse_retention_text
from ui.tasks import TaskRunner


@pytest.fixture
def editor(qtbot: Any, archive: Archive) -> SchemeEditor:
    widget = SchemeEditor(archive, TaskRunner())
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    return widget


def _reason(monkeypatch: pytest.MonkeyPatch, text: str, ok: bool = True) -> list[str]:
    """The shared reason prompt answers `text` (or is cancelled); what it showed is kept."""
    asked: list[str] = []

    def exec_(self: ReasonDialog) -> int:
        asked.append(self.change.text())
        self.reason.setText(text)
        if ok and not self.ok_button.isEnabled():
            return int(QDialog.DialogCode.Rejected)  # an empty reason cannot be accepted
        return int(QDialog.DialogCode.Accepted if ok else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ReasonDialog, "exec", exec_)
    return asked


def _scheme(archive: Archive) -> dict[str, dict[str, Any]]:
    return {c["code"]: c for c in browse.scheme_table(archive)}


def _history(archive: Archive, target: str) -> list[dict[str, Any]]:
    with archive.db.reading() as session:
        return audit.history(session, target)


def _cell(editor: SchemeEditor, code: str, name: str, col: int) -> str:
    return editor.table.item(editor.row_index(code, name), col).text()


def test_rows_to_decide_are_marked(editor: SchemeEditor) -> None:
    """Classes whose rows the schedule lacks, types mapped by the product and types
    without any period stand out; the rest say where their period comes from."""
    zj = editor.rows[editor.row_index("ZJ")]
    assert zj.kind == "class" and zj.state == TODO and zj.retention is None
    assert _cell(editor, "ZJ", "", 4) == "本类条目未查到，待本机构填写"
    assert _cell(editor, "ZJ", "", 2) == "（本类默认）"
    mapped = editor.rows[editor.row_index("SY", "失业保险金申领")]
    assert mapped.state == CONFIRM
    assert _cell(editor, "SY", "失业保险金申领", 4) == "按产品对照 SY-3，待本机构确认"
    assert _cell(editor, "SY", "失业保险金申领", 3) == "10年"
    assert editor.rows[editor.row_index("SY", "失业登记")].state == OK
    assert _cell(editor, "SY", "失业登记", 4) == "依保管期限表"
    assert editor.rows[editor.row_index("GL", "待遇领取资格认证")].state == CONFIRM
    assert _cell(editor, "YB", "医疗保险付款凭证及会计资料", 3) == "会计档案"
    assert editor.summary.text() == "待填写 2 项，待确认 4 项"
    # only what is open: the two classes and the four types to confirm
    editor.only_open.setChecked(True)
    shown = [r for i, r in enumerate(editor.rows) if not editor.table.isRowHidden(i)]
    assert {(r.code, r.name) for r in shown if r.state == TODO} == {("ZJ", ""), ("YL", "")}
    assert len(shown) == 6
    editor.only_open.setChecked(False)
    assert not any(editor.table.isRowHidden(i) for i in range(len(editor.rows)))


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("永久", "Y"),
        ("y", "Y"),
        ("30年", "D30"),
        ("d10", "D10"),
        ("50", "D50"),
        (" ", None),
        ("会计档案", "ACCOUNTING"),
        ("十年", "十年"),
    ],
)
def test_retention_as_typed(typed: str, code: str | None) -> None:
    assert parse_retention_text(typed) == code


def test_agency_fills_a_class_default_and_edits_a_type(
    qtbot: Any, editor: SchemeEditor, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _reason(monkeypatch, "本市征缴材料按30年保管")
    with qtbot.waitSignal(editor.changed, timeout=10000):
        editor.table.item(editor.row_index("ZJ"), 3).setText("30年")
    assert "ZJ：（无） → 30年" in asked[0]
    assert _scheme(archive)["ZJ"]["default_retention"] == "D30"
    assert _scheme(archive)["ZJ"]["status"] == "ok"
    event = _history(archive, "class:ZJ")[-1]
    assert (event["action"], event["reason"]) == ("scheme.edit", "本市征缴材料按30年保管")
    assert (event["before"], event["after"]) == (
        {"default_retention": None},
        {"default_retention": "D30"},
    )
    assert editor.rows[editor.row_index("ZJ")].state == OK
    assert _cell(editor, "ZJ", "", 3) == "30年"
    # a type's own period emptied: it takes its class's default from then on
    _reason(monkeypatch, "与本类一致")
    with qtbot.waitSignal(editor.changed, timeout=10000):
        editor.table.item(editor.row_index("GS", "工伤认定"), 3).setText("")
    row = editor.rows[editor.row_index("GS", "工伤认定")]
    assert row.state == INHERITED and row.retention is None
    assert _cell(editor, "GS", "工伤认定", 4) == "沿用本类默认（50年）"
    types = {bt["name"]: bt for bt in _scheme(archive)["GS"]["business_types"]}
    assert types["工伤认定"]["retention"] is None
    assert _history(archive, "business_type:GS/工伤认定")[-1]["reason"] == "与本类一致"


def test_confirm_a_mapped_row_and_add_a_type(
    qtbot: Any, editor: SchemeEditor, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor.table.selectRow(editor.row_index("SY", "失业保险金申领"))
    assert editor.confirm_button.isEnabled()
    asked = _reason(monkeypatch, "经办科室确认按10年")
    with qtbot.waitSignal(editor.changed, timeout=10000):
        editor.confirm_selected()
    assert "确认 SY 失业保险金申领 的保管期限：10年" in asked[0]
    row = editor.rows[editor.row_index("SY", "失业保险金申领")]
    assert row.state == OK and _cell(editor, "SY", "失业保险金申领", 4) == "本机构设定"
    assert _cell(editor, "SY", "失业保险金申领", 5) == "本机构修改：经办科室确认按10年"
    event = _history(archive, "business_type:SY/失业保险金申领")[-1]
    assert event["after"] == {"retention": "D10"} and event["reason"] == "经办科室确认按10年"
    assert editor.summary.text() == "待填写 2 项，待确认 3 项"

    # a business type for a class the schedule had no rows for
    editor.table.selectRow(editor.row_index("YL"))
    assert not editor.confirm_button.isEnabled()  # nothing to confirm yet
    editor.add_type()
    dialog = editor.add_dialog
    qtbot.addWidget(dialog)
    assert dialog.class_code() == "YL"
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.name.setText("基本养老金核定")
    assert not ok.isEnabled()  # a reason is required
    dialog.retention.setText("永久")
    dialog.reason.setText("本机构养老待遇档案永久保管")
    assert ok.isEnabled()
    with qtbot.waitSignal(editor.changed, timeout=10000):
        ok.click()
    types = {bt["name"]: bt for bt in _scheme(archive)["YL"]["business_types"]}
    assert types["基本养老金核定"]["retention"] == "Y"
    assert _scheme(archive)["YL"]["status"] == "ok"
    event = _history(archive, "business_type:YL/基本养老金核定")[-1]
    assert event["action"] == "scheme.add" and event["reason"] == "本机构养老待遇档案永久保管"
    assert _cell(editor, "YL", "基本养老金核定", 3) == "永久"
    assert _cell(editor, "YL", "基本养老金核定", 4) == "本机构设定"


def test_bad_period_and_cancelled_reason_change_nothing(
    qtbot: Any,
    editor: SchemeEditor,
    archive: Archive,
    monkeypatch: pytest.MonkeyPatch,
    shown_errors: list[tuple[str, str]],
) -> None:
    before = browse.scheme_table(archive)
    _reason(monkeypatch, "", ok=False)
    editor.table.item(editor.row_index("SY", "失业登记"), 3).setText("D30")
    qtbot.wait(50)
    assert browse.scheme_table(archive) == before
    assert _cell(editor, "SY", "失业登记", 3) == "10年"  # shown as it is again
    # a period that is not one: said under the table at once, no reason asked
    asked = _reason(monkeypatch, "试一下")
    editor.table.item(editor.row_index("SY", "失业登记"), 3).setText("十年")
    qtbot.wait(50)
    assert asked == [] and shown_errors == []
    assert "保管期限无效：十年" in editor.problem.text() and editor.problem.isVisibleTo(editor)
    assert browse.scheme_table(archive) == before
    assert _cell(editor, "SY", "失业登记", 3) == "10年"
    # adding a type that exists already: the core's refusal in the dialog, which stays
    # open with what was typed
    editor.add_type()
    dialog = editor.add_dialog
    qtbot.addWidget(dialog)
    dialog.choose_class("SY")
    dialog.name.setText("失业登记")
    dialog.retention.setText("十年")
    assert "保管期限无效：十年" in dialog.problem.text()  # checked while typing
    dialog.retention.setText("")
    dialog.reason.setText("重复")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "分类方案中已有" in dialog.problem.text(), timeout=10000)
    assert dialog.problem.text() == "分类方案中已有“SY 失业登记”" or (
        "分类方案中已有“SY 失业登记”" in dialog.problem.text()
    )
    assert shown_errors == [] and dialog.name.text() == "失业登记"
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert browse.scheme_table(archive) == before
