"""Put an item's materials in another order, with the reason (audited)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.arrangement import items
from ui import errors
from ui.tasks import TaskContext, TaskRunner

SEQ_ROLE = 256


class ReorderDialog(QDialog):
    reordered = Signal(str)

    def __init__(
        self, archive: Archive, runner: TaskRunner, number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reorderDialog")
        self.archive = archive
        self.runner = runner
        self.number = number
        view = items.show(archive, number)
        self.setWindowTitle(self.tr("调整件内顺序 — {number}").format(number=number))
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for m in view["materials"]:
            item = QListWidgetItem(f"{m['seq']}. {m['title']}")
            item.setData(SEQ_ROLE, m["seq"])
            item.setToolTip(m["order_reason"])
            self.list.addItem(item)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("必须填写理由（记入审计记录）"))
        # what is missing is said under the field, not in an error dialog
        self.reason_hint = QLabel()
        self.reason_hint.setObjectName("reasonHint")
        self.reason_hint.setStyleSheet("color: #a11d1d;")
        self.reason_hint.setWordWrap(True)
        self.reason_hint.setVisible(False)
        self.reason.textChanged.connect(lambda _t: self.show_hint(""))
        self.list.model().rowsMoved.connect(lambda *_a: self.show_hint(""))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("拖动材料调整顺序：")))
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel(self.tr("理由：")))
        layout.addWidget(self.reason)
        layout.addWidget(self.reason_hint)
        layout.addWidget(self.buttons)
        self.resize(560, 420)

    def order(self) -> list[int]:
        return [int(self.list.item(r).data(SEQ_ROLE)) for r in range(self.list.count())]

    def show_hint(self, message: str) -> None:
        self.reason_hint.setText(message)
        self.reason_hint.setVisible(bool(message))

    def save(self) -> None:
        order, reason = self.order(), self.reason.text()
        if order == sorted(order):
            self.show_hint(self.tr("顺序没有改变：请先拖动材料"))
            return
        if not reason.strip():
            self.show_hint(self.tr("必须填写理由（记入审计记录）"))
            self.reason.setFocus()
            return

        def work(_ctx: TaskContext) -> str:
            items.reorder(self.archive, self.number, order, reason)
            return self.number

        def done(_result: object) -> None:
            self.reordered.emit(self.number)
            self.accept()

        self.runner.submit(
            self.tr("调整顺序"),
            work,
            write=True,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
        )
