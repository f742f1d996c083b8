"""The one place where errors reach a person: a dialog with the sentence in the
interface language, the details (code, parameters, traceback) and a copy button."""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from archivist.errors import ArchivistError

log = logging.getLogger(__name__)


def describe(error: BaseException, details: str = "") -> tuple[str, str]:
    """(the sentence, the details) for any error."""
    if isinstance(error, ArchivistError):
        info = error.to_dict()
        body = [
            f"code: {error.code}",
            "params: " + json.dumps(info["params"], ensure_ascii=False, indent=1),
        ]
        if error.code not in ("error",) and details:
            body += ["", details]
        return error.message(), "\n".join(body)
    message = QCoreApplication.translate("ErrorDialog", "程序内部错误：{error}").format(error=f"{type(error).__name__}: {error}")
    return message, details or f"{type(error).__name__}: {error}"


class ErrorDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, message: str, details: str) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(title or self.tr("出错了"))
        self.setMinimumWidth(520)
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40)
        )
        self.message = QLabel(message)
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon, 0)
        top.addWidget(self.message, 1)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.details.setMinimumHeight(160)
        self.toggle = QPushButton(self.tr("详细信息"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.details.setVisible)
        self.copy = QPushButton(self.tr("复制"))
        self.copy.clicked.connect(self.copy_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.toggle)
        row.addWidget(self.copy)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addLayout(row)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(
            f"{self.message.text()}\n\n{self.details.toPlainText()}"
        )


def show_error(
    parent: QWidget | None, error: BaseException, details: str = "", title: str = ""
) -> None:
    """Show one error. Every failure the window meets comes through here, and leaves a
    line in the log (a refusal its code; a defect its details and traceback)."""
    message, body = describe(error, details)
    if isinstance(error, ArchivistError):
        log.info("shown: %s (%s)", error.code, message)
    else:
        log.error("shown: %s\n%s", message, body)
    dialog = ErrorDialog(parent, title, message, body)
    dialog.exec()
