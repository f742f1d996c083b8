"""Print and integrity from the window (issue 11, point 10): a register just exported is
opened or printed from the registers dialog; 工具 → 校验档案库… runs `verify` on a worker
with progress and cancel and lists its findings."""

from __future__ import annotations

import time
import types
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from sqlalchemy import select

from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.db.models import Material
from archivist.integrity.verify import VerifyCancelled, verify
from archivist.ocr.queue import CancelToken

from .conftest import capture_sample


def idle(qtbot: Any, win: Any) -> None:
    qtbot.waitUntil(
        lambda: not win.runner.busy() and not win.model.loading and not win.volumes.loading,
        timeout=30000,
    )


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Files the system was asked to open (QDesktopServices patched, nothing launched)."""
    urls: list[str] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls


def exported_register(qtbot: Any, window: Any, tmp_path: Path) -> tuple[Any, Path]:
    archive = window.archive
    capture_sample(archive, tmp_path / "second", completed_on="2023-05-02", title="第二件")
    code = volumes.build(archive, 2023, "SY", "year")[0].code
    window.show_volumes()
    idle(qtbot, window)
    window.volumes.select_volume(code)
    idle(qtbot, window)
    dialog = window.volumes.open_registers("volume-contents")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=30000)
    # nothing written yet: nothing to open or print
    assert not dialog.open_button.isVisibleTo(dialog)
    assert not dialog.print_button.isVisibleTo(dialog)
    out = tmp_path / "卷内文件目录.docx"
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.export(out)
    return dialog, out


def test_open_and_print_a_register_just_exported(
    qtbot: Any, window: Any, tmp_path: Path, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.files as module  # where opening and printing a written file live

    dialog, out = exported_register(qtbot, window, tmp_path)
    assert out.is_file()
    assert dialog.open_button.isVisibleTo(dialog) and dialog.open_button.text() == "打开"
    assert dialog.print_button.isVisibleTo(dialog) and dialog.print_button.text() == "打印"
    dialog.open_button.click()
    assert opened == [str(out)]
    # no print verb here (not Windows): opened, to be printed from its program
    monkeypatch.setattr(module, "sys", types.SimpleNamespace(platform="linux"))
    dialog.print_button.click()
    assert opened == [str(out), str(out)]
    assert dialog.status.text() == f"已打开 {out}，请在打开的程序中打印"
    # Windows: the system's print verb
    printed: list[tuple[str, str]] = []
    monkeypatch.setattr(module, "sys", types.SimpleNamespace(platform="win32"))
    monkeypatch.setattr(
        module.os, "startfile", lambda p, verb="open": printed.append((p, verb)), raising=False
    )
    dialog.print_button.click()
    assert printed == [(str(out), "print")] and len(opened) == 2
    assert dialog.status.text() == f"已送打印机：{out}"

    # a type without a print verb: opened instead
    def no_verb(_path: str, _verb: str = "open") -> None:
        raise OSError("no application is associated with the print verb")

    monkeypatch.setattr(module.os, "startfile", no_verb, raising=False)
    dialog.print_button.click()
    assert len(opened) == 3 and "请在打开的程序中打印" in dialog.status.text()
    dialog.reject()


def stored_files(archive: Archive) -> list[Path]:
    with archive.db.reading() as session:
        return [
            archive.root / f for f in session.scalars(select(Material.file).order_by(Material.id))
        ]


def run_verify(qtbot: Any, window: Any) -> Any:
    window.commands["verify"].trigger()
    dialog = window.verify_dialog
    qtbot.addWidget(dialog)
    if dialog.running:
        with qtbot.waitSignal(dialog.finished_run, timeout=60000):
            pass
    return dialog


def test_verify_from_the_tools_menu(
    qtbot: Any, window: Any, shown_errors: list[tuple[str, str]]
) -> None:
    assert window.menus["tools"].title() == "工具(&T)"
    assert window.commands["verify"] in window.menus["tools"].actions()
    assert window.commands["verify"].text() == "校验档案库…"
    dialog = run_verify(qtbot, window)
    assert dialog.report is not None and dialog.report.findings == []
    assert dialog.summary.text().startswith("未发现问题（校验 3 个文件、")
    assert dialog.table.rowCount() == 0
    assert dialog.bar.value() == dialog.bar.maximum()
    dialog.close()

    # one file altered, one gone: both listed, kind, what and the sentence
    archive = window.archive
    changed, missing, _rest = stored_files(archive)
    changed.write_bytes(changed.read_bytes() + b"x")
    missing.unlink()
    dialog = run_verify(qtbot, window)
    rows = dialog.rows()
    changed_rel = changed.relative_to(archive.root).as_posix()
    missing_rel = missing.relative_to(archive.root).as_posix()
    by_kind = {row[0]: row for row in rows}
    assert set(by_kind) == {"文件被改动", "文件缺失"}
    assert changed_rel in by_kind["文件被改动"][1]
    assert by_kind["文件被改动"][2] == f"文件已被改动（SHA-256 不符）：{changed_rel}"
    assert by_kind["文件缺失"][2] == f"文件缺失：{missing_rel}"
    assert window.current_number in by_kind["文件缺失"][1]
    assert dialog.summary.text().startswith("发现 2 个问题，其中错误 2 个")
    assert shown_errors == []

    # the interface language follows: the sentences too
    from ui.i18n import translations

    translations.apply("en")
    qtbot.waitUntil(
        lambda: all(r[2].startswith(("File altered", "File missing")) for r in dialog.rows()),
        timeout=3000,
    )
    dialog.close()


def test_verify_can_be_cancelled(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch, shown_errors: list[tuple[str, str]]
) -> None:
    import ui.verify_dialog as module

    started: list[bool] = []

    def slow_verify(archive: Archive, progress: Any = None, cancel: Any = None) -> Any:
        started.append(True)
        deadline = time.monotonic() + 20
        while not cancel.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)  # the run is "long": until the person cancels
        return verify(archive, progress=progress, cancel=cancel)

    monkeypatch.setattr(module, "verify", slow_verify)
    window.commands["verify"].trigger()
    dialog = window.verify_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(started), timeout=10000)
    assert dialog.running and dialog.cancel_button.isEnabled()
    assert not dialog.start_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_run, timeout=30000) as signal:
        dialog.cancel_button.click()
    assert signal.args[0] is None and dialog.report is None
    assert dialog.summary.text() == "已取消校验，未得出结论"
    assert dialog.start_button.isEnabled() and shown_errors == []
    dialog.close()


def test_core_verify_stops_when_cancelled(archive: Archive, tmp_path: Path) -> None:
    capture_sample(archive, tmp_path / "one")
    token = CancelToken()
    token.cancel()
    with pytest.raises(VerifyCancelled) as caught:
        verify(archive, cancel=token)
    assert caught.value.message("zh") == "校验已取消"
    seen: list[int] = []

    class AfterFirst:
        @property
        def cancelled(self) -> bool:
            seen.append(1)
            return len(seen) > 1

    with pytest.raises(VerifyCancelled):
        verify(archive, cancel=AfterFirst())
    assert verify(archive).ok
