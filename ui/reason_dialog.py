"""The one reason prompt of the window: what is about to change, a reason line (it goes
into the audit trail), an inline note while it is empty and 确定 disabled until then.

Cancelling returns None and changes nothing: the dialog that asked stays open with all
that was typed in it, so the person can correct it or try again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ReasonDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        change: str = "",
        text: str = "",
        prompt: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self._title = title
        self._prompt = prompt  # e.g. a reason for reading, which goes to the access log
        self.change = QLabel(change)
        self.change.setObjectName("reasonChange")
        self.change.setWordWrap(True)
        self.change.setVisible(bool(change))
        self.prompt = QLabel()
        self.reason = QLineEdit(text)
        self.reason.setObjectName("reasonEdit")
        self.reason.textChanged.connect(lambda _t: self.check())
        self.problem = QLabel()
        self.problem.setObjectName("reasonProblem")
        self.problem.setStyleSheet("color: #a11d1d;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_filled)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.change)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def value(self) -> str:
        return self.reason.text().strip()

    def check(self) -> None:
        empty = not self.value()
        self.problem.setText(self.tr("请填写理由") if empty else "")
        self.problem.setVisible(empty)
        self.ok_button.setEnabled(not empty)

    def _accept_if_filled(self) -> None:
        if self.value():
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self._title or self.tr("填写理由"))
        self.prompt.setText(self._prompt or self.tr("修改理由（记入审计记录）："))
        self.reason.setPlaceholderText(self.tr("必须填写"))
        self.ok_button.setText(self.tr("确定"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("取消"))
        self.check()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def ask_reason(
    parent: QWidget | None, title: str, change: str = "", text: str = "", prompt: str = ""
) -> str | None:
    """The reason typed, or None when the person cancelled (nothing is to change)."""
    dialog = ReasonDialog(parent, title, change, text, prompt)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.value():
            return dialog.value()
        return None
    finally:
        dialog.deleteLater()
