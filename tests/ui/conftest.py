"""Window tests: offscreen Qt, per-test Qt settings, modal dialogs patched so that
nothing waits for a person; every error dialog is recorded instead of shown."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.preferences import Preferences

from ..conftest import PASSWORD, write_manifest


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture(scope="session")
def qapp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[QApplication]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        str(tmp_path_factory.mktemp("qsettings")),
    )
    from ui.app import make_app

    app = make_app()
    assert isinstance(app, QApplication)
    QSettings().setValue("ocr/auto", False)
    yield app


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> list[tuple[str, str]]:
    """Error dialogs are recorded (message, details), never shown; the language is
    Chinese at the start of every test."""
    from ui import errors
    from ui.i18n import translations

    translations.apply("zh")
    recorded: list[tuple[str, str]] = []

    def exec_(self: errors.ErrorDialog) -> int:
        recorded.append((self.message.text(), self.details.toPlainText()))
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(errors.ErrorDialog, "exec", exec_)
    return recorded


@pytest.fixture
def sign_ins(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every sign-in dialog is answered as a person would: the user name it shows (the
    one remembered or suggested) or "tester", and the test password. The names signed
    in with are listed."""
    from ui.people.sign_in_dialog import SignInDialog

    done: list[str] = []

    def exec_(self: SignInDialog) -> int:
        if not self.user.text():
            self.user.setText("tester")
        self.password.setText(PASSWORD)
        self.try_sign_in()
        done.append(self.user.text())
        return self.result()

    monkeypatch.setattr(SignInDialog, "exec", exec_)
    return done


@pytest.fixture
def prefs() -> Preferences:
    return Preferences(ocr_workers=1)


def capture_sample(archive: Archive, folder: Path, **overrides: Any) -> str:
    return capture_from_manifest(archive, write_manifest(folder, **overrides)).number


@pytest.fixture
def window(qtbot: Any, archive: Archive, prefs: Preferences, tmp_path: Path) -> Iterator[Any]:
    from ui.main_window import MainWindow

    capture_sample(archive, tmp_path / "drop-1")
    win = MainWindow(archive, prefs, watch_hot_folder=False, auto_ocr=False)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: not win.runner.busy(), timeout=20000)
    yield win
    win.close()
