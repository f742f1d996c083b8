"""Errors where they belong (issue 11, point 8): what is wrong is said next to the field,
not in a red modal; the archival-code template is checked before the reason is asked
and shown as a real code; cancelling the reason returns to the dialog with all typed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from archivist.changes import audit
from archivist.db.models import AuditEvent
from ui.people.signed_in_window import RestrictedWindow
from ui.reason_dialog import ReasonDialog, ask_reason

from ..conftest import PASSWORD


class Reasons:
    """The shared reason prompt, answered by the test: each call pops an answer (a
    reason, or None to cancel); what the prompt showed is kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: list[str | None] = []
        self.asked: list[str] = []
        reasons = self

        def exec_(dialog: ReasonDialog) -> int:
            reasons.asked.append(dialog.change.text())
            answer = reasons.answers.pop(0) if reasons.answers else None
            if answer is None:
                return int(QDialog.DialogCode.Rejected)
            dialog.reason.setText(answer)
            return int(QDialog.DialogCode.Accepted)

        monkeypatch.setattr(ReasonDialog, "exec", exec_)


@pytest.fixture
def reasons(monkeypatch: pytest.MonkeyPatch) -> Reasons:
    return Reasons(monkeypatch)


def idle(qtbot: Any, win: Any) -> None:
    qtbot.waitUntil(lambda: not win.runner.busy(), timeout=30000)


def settings_events(archive: Any) -> list[AuditEvent]:
    with archive.db.reading() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == "settings.edit")))


def test_the_reason_prompt_needs_a_reason(qtbot: Any) -> None:
    dialog = ReasonDialog(None, "修改档案库设置", "门类代码：SB → SX")
    qtbot.addWidget(dialog)
    assert dialog.change.text() == "门类代码：SB → SX"
    assert not dialog.ok_button.isEnabled() and dialog.problem.text() == "请填写理由"
    dialog.reason.setText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setText("本馆规定")
    assert dialog.ok_button.isEnabled() and dialog.problem.text() == ""
    assert dialog.value() == "本馆规定"


def test_cancelled_reason_prompt_gives_none(qtbot: Any, reasons: Reasons) -> None:
    reasons.answers = [None, " 本馆规定 "]
    assert ask_reason(None, "t", "change") is None
    assert ask_reason(None, "t", "change") == "本馆规定"
    assert reasons.asked == ["change", "change"]


def test_template_checked_and_previewed_before_the_reason(
    qtbot: Any, window: Any, reasons: Reasons, shown_errors: list[tuple[str, str]]
) -> None:
    archive = window.archive
    before = archive.setting("archival_code_template")
    number = window.current_number
    assert number is not None
    # archive settings are the system administrator's: their window, at this seat
    window.close()
    archive.sign_in("admin", PASSWORD)
    admin = RestrictedWindow(archive, window.prefs)
    qtbot.addWidget(admin)
    assert admin.buttons["settings"].isVisibleTo(admin)
    admin.buttons["settings"].click()
    dialog = admin.settings_dialog
    # the code of the newest real item, as it would read
    assert dialog.template_preview.isVisibleTo(dialog)
    assert dialog.template_preview.text() == (
        f"示例：J023-SB·2023-D10-SY-0001（最新一件 {number} 按此格式的档号）"
    )
    # an unknown field: said next to the field while typing, no preview
    dialog.template.setText("{fonds}-{yaer}-{klass}-{serial:04d}")
    assert dialog.template_problem.isVisibleTo(dialog)
    assert dialog.template_problem.text() == (
        "档号模板无效：没有字段 {yaer}（可用的字段：{category} {fonds} {klass} {retention}"
        " {serial} {year}）"
    )
    assert not dialog.template_preview.isVisibleTo(dialog)
    # saving it: no reason asked, nothing saved, the dialog stays with what was typed
    dialog.accept_changes()
    assert reasons.asked == [] and shown_errors == []
    assert dialog.isVisible() and dialog.template.text() == "{fonds}-{yaer}-{klass}-{serial:04d}"
    assert archive.setting("archival_code_template") == before
    # a template that could give two items one code
    dialog.template.setText("{fonds}-{year}-{klass}")
    assert "缺少 {serial}" in dialog.template_problem.text()
    dialog.template.setText("{fonds}-{year}-{klass}-{serial:04d")
    assert "花括号不成对" in dialog.template_problem.text()
    # a good one: the preview follows the template and the category typed
    dialog.template.setText("{fonds}·{category}·{year}·{klass}·{serial:05d}")
    dialog.category.setText("SX")
    assert not dialog.template_problem.isVisibleTo(dialog)
    assert dialog.template_preview.text().startswith("示例：J023·SX·2023·SY·00001（")
    # cancelling the reason: back in the dialog, everything typed kept, nothing saved
    reasons.answers = [None]
    dialog.accept_changes()
    assert len(reasons.asked) == 1
    assert "档号格式：" in reasons.asked[0] and "{serial:05d}" in reasons.asked[0]
    assert "门类代码：SB → SX" in reasons.asked[0]
    assert dialog.isVisible()
    assert dialog.template.text() == "{fonds}·{category}·{year}·{klass}·{serial:05d}"
    assert dialog.category.text() == "SX"
    assert archive.setting("archival_code_template") == before and not settings_events(archive)
    # with a reason: saved, audited
    reasons.answers = ["本馆档号规则"]
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        dialog.accept_changes()
    assert not dialog.isVisible()
    assert archive.setting("archival_code_template") == (
        "{fonds}·{category}·{year}·{klass}·{serial:05d}"
    )
    assert archive.setting("category_code") == "SX"
    assert {e.reason for e in settings_events(archive)} == {"本馆档号规则"}
    with archive.db.reading() as session:
        assert audit.verify_chain(session)[1] == []
    assert shown_errors == []


def test_template_preview_in_english(qtbot: Any, window: Any) -> None:
    from ui.i18n import translations

    translations.apply("en")
    window.open_settings()
    dialog = window.settings_dialog
    dialog.template.setText("{fonds}-{serial}")
    assert dialog.template_problem.text() == (
        "Invalid archival code template: {year} is missing, so different items could get"
        " the same code"
    )
    dialog.close()


def test_storage_refusal_is_said_in_the_dialog(
    qtbot: Any, window: Any, shown_errors: list[tuple[str, str]]
) -> None:
    window.show_storage()
    view = window.storage
    idle(qtbot, window)
    for attempt in range(2):
        view.new_location()
        dialog = view.dialog
        qtbot.addWidget(dialog)
        dialog.room.setText("1")
        dialog.numbers["shelf"].setValue(3)
        if attempt == 0:
            with qtbot.waitSignal(dialog.changed, timeout=30000):
                dialog.save_button.click()
            idle(qtbot, window)
    # the same place again: the core refuses; said under the form, dialog stays open
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisibleTo(dialog), timeout=30000)
    assert "1库-03架" in dialog.problem.text() and shown_errors == []
    assert dialog.isVisible() and dialog.room.text() == "1"
    # changing the place clears it
    dialog.numbers["shelf"].setValue(4)
    assert not dialog.problem.isVisibleTo(dialog)
    dialog.reject()
