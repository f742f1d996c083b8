"""The copy dialog (issue 14 point 11): pages chosen, the watermark previewed, the copy
saved where the person chose, made off the UI thread with its progress."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from archivist.archive import Archive
from archivist.use.requests import Borrower, approve, create_request
from ui.tasks import TaskRunner
from ui.use.copy_dialog import CopyDialog, open_copy_dialog

from ..conftest import ID_LI, PASSWORD, add_person
from .conftest import capture_sample


def _approved_copy(archive: Archive, items: list[str]) -> str:
    number = create_request(
        archive, "copy", Borrower("李四", id_number=ID_LI), "核对待遇", items=items
    ).number
    add_person(archive, "fuzeren", "head")
    archive.sign_in("fuzeren", PASSWORD)
    approve(archive, number)
    archive.sign_in("tester", PASSWORD)
    return number


def test_the_copy_dialog_previews_and_saves_a_watermarked_copy(
    qtbot: Any, archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = [capture_sample(archive, tmp_path / "a"), capture_sample(archive, tmp_path / "b")]
    number = _approved_copy(archive, items)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.runner = TaskRunner(parent)  # type: ignore[attr-defined]
    open_copy_dialog(parent, archive, number)
    dialog = parent.findChild(CopyDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert dialog.plan is not None and dialog.plan.total == 8
    assert "8" in dialog.summary.text() and "李四" in dialog.summary.text()
    qtbot.waitUntil(lambda: dialog.preview_image is not None, timeout=10000)
    assert not dialog.preview.pixmap().isNull()

    dialog.pages.setText("9")  # there is no page 9
    assert not dialog.make_button.isEnabled()
    assert "8" in dialog.pages_note.text()
    dialog.pages.setText("2-3,8")
    assert dialog.make_button.isEnabled() and "3" in dialog.pages_note.text()

    target = tmp_path / "saved" / "copy"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF 文件 (*.pdf)")
    )
    dialog.browse_button.click()
    assert dialog.file.text() == str(target) + ".pdf"
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.make_button.click()
    assert not dialog.make_button.isEnabled()  # one copy at a time
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=20000)
    assert dialog.made is not None and dialog.made.pages == 3
    assert Path(str(target) + ".pdf").is_file()
    assert "3" in dialog.status.text() and seen and seen[-1] == 3
    dialog.reject()
    assert parent.runner.wait()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not parent.runner.busy(), timeout=10000)  # type: ignore[attr-defined]


def test_a_request_not_approved_is_refused_in_the_dialog(
    qtbot: Any, archive: Archive, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    item = capture_sample(archive, tmp_path / "a")
    number = create_request(archive, "copy", Borrower("李四"), "核对", items=[item]).number
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    dialog = CopyDialog(archive, runner, number, parent)
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=10000)
    assert "未获批准" in shown_errors[0][0]
    assert dialog.plan is None and not dialog.make_button.isEnabled()
    assert runner.wait()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10000)


def test_closing_at_once_drops_the_late_answers(
    qtbot: Any, archive: Archive, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    number = _approved_copy(archive, [capture_sample(archive, tmp_path / "a")])
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.runner = TaskRunner(parent)  # type: ignore[attr-defined]
    open_copy_dialog(parent, archive, number)
    dialog = parent.findChild(CopyDialog)
    assert dialog is not None
    dialog.reject()  # before the request and the preview are read
    assert parent.runner.wait()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not parent.runner.busy(), timeout=10000)  # type: ignore[attr-defined]
    assert shown_errors == []
