"""The 校验 view (issue 16, point 6): the last verify results (kept for this seat and
shown again when the view is made anew), a button running verify off the UI thread, and
the four-property check with its report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtWidgets import QFileDialog

from archivist.archive import Archive
from archivist.integrity.derived import derived_findings
from ui.integrity.view import IntegrityView, load_last
from ui.tasks import TaskRunner

from ..conftest import sign_in
from .conftest import capture_sample

RUNNERS: list[TaskRunner] = []  # kept past the test: threads may still hold their signals


def made(qtbot: Any, archive: Archive) -> IntegrityView:
    RUNNERS.append(TaskRunner())
    widget = IntegrityView(archive, RUNNERS[-1])
    qtbot.addWidget(widget)
    return widget


def idle(qtbot: Any, widget: IntegrityView) -> None:
    qtbot.waitUntil(lambda: not widget.running and not widget.runner.busy(), timeout=60000)


def test_runs_verify_off_the_ui_thread_and_keeps_the_last_results(
    qtbot: Any, archive: Archive, tmp_path: Path
) -> None:
    capture_sample(archive, tmp_path / "one")
    widget = made(qtbot, archive)
    assert widget.summary.text() == "本机尚无校验结果：点“运行校验”"
    assert widget.rows() == []
    # a stray volume PDF: derived data, reported as a warning
    stray = archive.root / "derived" / "volumes" / "J023-9-9999.pdf"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"%PDF-1.4\n")
    with qtbot.waitSignal(widget.verified, timeout=60000) as blocker:
        widget.run_verify()
        assert widget.running and not widget.verify_button.isEnabled()
    report = blocker.args[0]
    assert report is not None and report.ok
    idle(qtbot, widget)
    assert "发现 1 个问题，其中错误 0 个" in widget.summary.text()
    assert "rebuild-derived" in widget.summary.text()  # what to do about it
    assert "tester" in widget.summary.text()
    [row] = widget.rows()
    assert row[:2] == ["多余的案卷 PDF", "derived/volumes/J023-9-9999.pdf"]
    assert "案卷 PDF 不属于任何案卷" in row[2]
    # the last results are there when the view is made again (the next start)
    assert load_last(archive) is not None
    again = made(qtbot, archive)
    assert again.rows() == widget.rows()
    assert again.summary.text() == widget.summary.text()
    # once the stray file is gone and verify runs again: no problem
    stray.unlink()
    assert derived_findings(archive) == []
    with qtbot.waitSignal(again.verified, timeout=60000):
        again.run_verify()
    idle(qtbot, again)
    assert "未发现问题" in again.summary.text()
    assert again.rows() == []


def test_findings_are_grouped_by_kind_errors_first(
    qtbot: Any, archive: Archive, tmp_path: Path
) -> None:
    """Many findings of one kind make one row with their count, the findings under it;
    a kind met once is the finding itself; errors come before warnings."""
    capture_sample(archive, tmp_path / "one")
    folder = archive.root / "derived" / "volumes"
    folder.mkdir(parents=True)
    for case in (1, 2, 3):
        (folder / f"J023-9-999{case}.pdf").write_bytes(b"%PDF-1.4\n")
    (archive.root / "files" / "stray.bin").write_bytes(b"not the archive's")
    widget = made(qtbot, archive)
    with qtbot.waitSignal(widget.verified, timeout=60000):
        widget.run_verify()
    idle(qtbot, widget)
    assert "请不要继续修改档案" in widget.summary.text()  # an error: what to do now
    tree = widget.findings
    assert tree.topLevelItemCount() == 2
    orphan, strays = tree.topLevelItem(0), tree.topLevelItem(1)
    assert orphan is not None and strays is not None
    assert orphan.childCount() == 0 and orphan.text(1) == "files/stray.bin"
    assert (strays.text(0), strays.text(1), strays.childCount()) == ("多余的案卷 PDF", "3 处", 3)
    rows = widget.rows()
    assert [r[1] for r in rows] == [
        "files/stray.bin",
        *(f"derived/volumes/J023-9-999{c}.pdf" for c in (1, 2, 3)),
    ]
    assert {r[0] for r in rows[1:]} == {"多余的案卷 PDF"}
    # the findings go to the clipboard as lines of tab-separated columns
    from PySide6.QtGui import QGuiApplication

    widget.copy_findings()
    lines = QGuiApplication.clipboard().text().split("\n")
    assert len(lines) == 4 and lines[0].split("\t")[1] == "files/stray.bin"
    assert not widget.bar.isTextVisible()  # no percentage when nothing runs


def test_the_four_property_check_and_its_report(
    qtbot: Any, archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    capture_sample(archive, tmp_path / "one")
    widget = made(qtbot, archive)
    assert widget.four_button.isEnabled() and not widget.save_button.isEnabled()
    with qtbot.waitSignal(widget.four_checked, timeout=60000) as blocker:
        widget.run_four()
    assert blocker.args[0] is not None
    idle(qtbot, widget)
    rows = widget.rows(widget.four_table)
    assert len(rows) >= 8
    groups = " ".join(sorted({r[0] for r in rows}))
    assert all(name in groups for name in ("真实性", "完整性", "可用性", "安全性")), groups
    assert all(r[2].isdigit() and r[3].isdigit() and r[4].isdigit() for r in rows)
    # every row in the window's language, also after a switch (passing rows' notes too)
    from ui.i18n import translations

    translations.apply("en")
    try:
        widget.retranslate()
        english = widget.rows(widget.four_table)
        assert not any("\u4e00" <= ch <= "\u9fff" for r in english for ch in r[5]), english
    finally:
        translations.apply("zh")
        widget.retranslate()
    out = tmp_path / "四性检测报告.docx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(out), ""))
    )
    messages: list[str] = []
    widget.message.connect(messages.append)
    widget.save_four_report()
    assert out.is_file() and messages == [f"已保存四性检测报告：{out}"]
    # the very file kept in the archive, whose SHA-256 its audit event records
    [kept] = [archive.root / k for k in blocker.args[0].kept if k.endswith(".docx")]
    assert out.read_bytes() == kept.read_bytes()
    text = "\n".join(c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells)
    assert "检测项" in text and "不通过" in text
    # a verify afterwards: the earlier four-property result no longer stands beside it
    with qtbot.waitSignal(widget.verified, timeout=60000):
        widget.run_verify()
    idle(qtbot, widget)
    assert widget.rows(widget.four_table) == [] and not widget.save_button.isEnabled()


def test_a_tab_of_the_main_window_and_greyed_without_the_right(
    qtbot: Any, window: Any, archive: Archive
) -> None:
    views = window.views
    assert views.tabText(views.indexOf(window.integrity)) == "校验"
    assert window.integrity.verify_button.isEnabled()
    sign_in(archive, "security")  # no right to verify
    widget = made(qtbot, archive)
    assert not widget.verify_button.isEnabled() and not widget.four_button.isEnabled()
    assert widget.verify_button.toolTip() == "需要“校验”权限"
    # said where they look, not only on hover: who may run it
    assert "运行校验需要“校验”权限（" in widget.summary.text()
    assert "安全审计员" in widget.summary.text()


def test_a_run_from_the_tools_menu_shows_in_the_tab(qtbot: Any, window: Any) -> None:
    assert window.integrity.summary.text() == "本机尚无校验结果：点“运行校验”"
    window.commands["verify"].trigger()
    dialog = window.verify_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30000)
    assert "未发现问题" in window.integrity.summary.text()


def test_a_head_read_off_paper_is_checked_too(
    qtbot: Any, archive: Archive, tmp_path: Path, shown_errors: list[Any]
) -> None:
    """The 校验 tab takes the chain head printed in a register's footer (N:hash) and
    verify checks the chain against it; a malformed one is refused before anything runs."""
    from archivist.changes.anchor import current_head

    capture_sample(archive, tmp_path / "one")
    head = current_head(archive)
    assert head is not None
    widget = made(qtbot, archive)
    widget.paper_anchor.setText(f"{head.seq}:{head.hash[:16]}")
    with qtbot.waitSignal(widget.verified, timeout=60000) as blocker:
        widget.run_verify()
    idle(qtbot, widget)
    report = blocker.args[0]
    assert report.ok and any(f.code == "anchor.matches" for f in report.findings)
    widget.paper_anchor.setText(f"{head.seq}:{'0' * 16}")  # not what the chain says
    with qtbot.waitSignal(widget.verified, timeout=60000) as blocker:
        widget.run_verify()
    idle(qtbot, widget)
    assert not blocker.args[0].ok
    differs = [f for f in blocker.args[0].findings if f.code == "anchor.paper_differs"]
    assert differs and "请先核对所填的序号和哈希" in differs[0].message()
    # the footer as printed on the register is taken as it is
    widget.paper_anchor.setText(f"审计链 第 {head.seq} 条 {head.hash[:16]}")
    with qtbot.waitSignal(widget.verified, timeout=60000) as blocker:
        widget.run_verify()
    idle(qtbot, widget)
    assert any(f.code == "anchor.matches" for f in blocker.args[0].findings)
    # a malformed one: said beside the field, nothing runs, no dialog
    widget.paper_anchor.setText("第三条")
    widget.run_verify()
    assert not widget.running and shown_errors == []
    assert widget.anchor_note.isVisibleTo(widget) and "页脚" in widget.anchor_note.text()


def test_the_auditor_gets_the_whole_integrity_view(
    qtbot: Any, archive: Archive, prefs: Any, tmp_path: Path
) -> None:
    """The auditor's role does not read the archive (a restricted window), yet checking
    the chain against signed paper registers and the four-property check are their work:
    校验档案库… there opens the same 校验 view."""
    from ui.people.signed_in_window import RestrictedWindow

    capture_sample(archive, tmp_path / "one")
    sign_in(archive, "auditor")
    window = RestrictedWindow(archive, prefs)
    qtbot.addWidget(window)
    assert window.buttons["verify"].isVisibleTo(window)
    window.buttons["verify"].click()
    view = window.integrity
    assert view.paper_anchor.isVisibleTo(view) and view.four_button.isEnabled()
    with qtbot.waitSignal(view.verified, timeout=60000) as blocker:
        view.run_verify()
    qtbot.waitUntil(lambda: not view.running, timeout=60000)
    assert blocker.args[0] is not None and blocker.args[0].ok
    with qtbot.waitSignal(view.four_checked, timeout=60000) as four:
        view.run_four()
    assert four.args[0] is not None
    qtbot.waitUntil(lambda: not view.runner.busy(), timeout=60000)
    window.verify_dialog.close()


def test_a_finding_about_an_item_opens_it(qtbot: Any, window: Any, archive: Archive) -> None:
    """Double-clicking a finding that names an item shows that item."""
    import sqlite3

    number = window.model.item(0).number
    archive.db.dispose()
    with sqlite3.connect(archive.layout.database) as conn:
        conn.execute("UPDATE items SET title = '改过的题名' WHERE number = ?", (number,))
    view = window.integrity
    window.views.setCurrentWidget(view)
    with qtbot.waitSignal(view.verified, timeout=60000):
        view.run_verify()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=60000)
    rows = [view.findings.topLevelItem(i) for i in range(view.findings.topLevelItemCount())]
    leaves = [r.child(c) for r in rows if r for c in range(r.childCount())] + rows
    row = next(
        r for r in leaves if r is not None and "改过的题名" in r.text(2) and r.text(1) == number
    )
    with qtbot.waitSignal(view.item_opened, timeout=5000) as opened:
        view.findings.itemDoubleClicked.emit(row, 1)
    assert opened.args == [number]
    qtbot.waitUntil(lambda: window.detail.heading.text().startswith(number), timeout=10000)
