"""The hot folder's quarantine folder is a setting: bad drops go where the agency
wants them (by default the hot folder's own 隔离), each with the file explaining why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from archivist.capture.hotfolder import REASON_FILE
from archivist.preferences import Preferences

from ..conftest import write_manifest


def test_quarantine_folder_from_the_settings(qtbot: Any, window: Any, tmp_path: Path) -> None:
    inbox = tmp_path / "热文件夹"
    quarantine = tmp_path / "待处理 共享" / "坏件"
    window.hot.enabled = True  # the fixture's window does not watch until told
    window.open_settings()
    dialog = window.settings_dialog
    assert dialog.hot_quarantine.text() == ""  # default: the hot folder's own 隔离
    assert dialog.hot_quarantine.placeholderText() == "留空：热文件夹中的“隔离”"
    dialog.hot_folder.setText(str(inbox))
    dialog.hot_quarantine.setText(str(quarantine))
    with qtbot.waitSignal(dialog.applied, timeout=5000) as signal:
        dialog.apply()
    assert {"hot_folder", "hot_quarantine"} <= set(signal.args[0])
    assert Preferences.load().hot_quarantine == str(quarantine)
    panel = window.hot
    assert panel.folder is not None and panel.folder.quarantine == quarantine
    assert quarantine.is_dir() and not (inbox / "隔离").exists()
    assert str(quarantine) in panel.state.text()

    # a good drop and a bad one (a completion date in the future)
    panel.timer.setInterval(100)
    panel.timer.start()
    write_manifest(inbox / "站2-001")
    bad = write_manifest(inbox / "站2-002")
    data = json.loads(bad.read_text(encoding="utf-8"))
    data["completed_on"] = "2099-01-01"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with qtbot.waitSignals([panel.captured, panel.quarantined], timeout=30000):
        pass
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=30000)
    reason = (quarantine / "站2-002" / REASON_FILE).read_text(encoding="utf-8")
    assert "2099-01-01" in reason and "隔离原因" in reason and "Reason:" in reason
    assert (quarantine / "站2-002" / "manifest.json").is_file()  # nothing deleted
    assert sorted(p.name for p in inbox.iterdir()) == ["已采集"]
    quarantined = next(o for o in panel.outcomes if o.status == "quarantined")
    assert quarantined.moved_to == quarantine / "站2-002"

    # emptied again, bad drops go back to the default place
    dialog.hot_quarantine.setText("")
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        dialog.apply()
    assert Preferences.load().hot_quarantine is None
    assert panel.folder is not None and panel.folder.quarantine == inbox / "隔离"
    dialog.close()


def test_quarantine_cannot_be_the_hot_folder_itself(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    inbox = tmp_path / "热文件夹"
    window.prefs.hot_folder = str(inbox)
    window.prefs.hot_quarantine = str(inbox)
    window.hot.enabled = True
    window.hot.restart()
    assert window.hot.folder is None and window.hot.watch is None
    assert "隔离文件夹不能是热文件夹本身" in window.hot.state.text()
    assert not window.hot.open_button.isEnabled()
