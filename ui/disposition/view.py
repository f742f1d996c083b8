"""The appraisal view (鉴定): the records whose retention has run out (到期档案,
ui.disposition.due_page), the appraisal group's batches with an opinion per record
(鉴定批次, batches_page), the destruction registers made from them (销毁清册,
registers_page), and the holds (保全, holds_page).

The view is the tab widget: it reads a page's list on a worker thread when the page is
shown (again after a change, choosing the row changed), relays the pages' signals and
writes the registers (.docx) they ask for. A command the person may not use is greyed
with the reason in its tool tip (their roles, the state of the batch or register); the
core checks everything again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QTabWidget, QVBoxLayout, QWidget

from archivist.archive import Archive
from ui import errors
from ui.changes_hub import ChangesHub
from ui.disposition.batches_page import BatchesPage
from ui.disposition.dialogs import PlaceHoldDialog
from ui.disposition.due_page import DuePage
from ui.disposition.holds_page import HoldsPage
from ui.disposition.models import SHOWN_TABLES, TOUCHED_TABLES
from ui.disposition.page import BATCHES, DUE, HOLDS, REGISTERS, DispositionPage
from ui.disposition.registers_page import RegistersPage
from ui.files import open_file
from ui.tasks import TaskContext, TaskRunner


class DispositionView(QWidget):
    message = Signal(str)  # a sentence for the status bar
    changed = Signal()
    item_opened = Signal(str)  # an item to show in the items view
    SHOWS = SHOWN_TABLES
    TOUCHES = TOUCHED_TABLES
    hub: ChangesHub | None = None
    last_file: Path | None = None  # the register (.docx) written last

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dispositionView")
        self.archive = archive
        self.runner = runner
        self.today = today  # fixed in tests; None: the day it is
        self.dialog: QDialog | None = None
        self._stale = {DUE, BATCHES, REGISTERS, HOLDS}
        self._generation = [0, 0, 0, 0]
        self.due_page = DuePage(archive, runner, today or dt.date.today())
        self.batches_page = BatchesPage(archive, runner)
        self.registers_page = RegistersPage(archive, runner, today=today)
        self.holds_page = HoldsPage(archive, runner)
        # in the order of DUE, BATCHES, REGISTERS, HOLDS
        self.page_widgets: tuple[DispositionPage, ...] = (
            self.due_page,
            self.batches_page,
            self.registers_page,
            self.holds_page,
        )
        self.buttons = {k: b for page in self.page_widgets for k, b in page.buttons.items()}
        self.pages = QTabWidget()
        self.pages.setObjectName("dispositionPages")
        for index, page in enumerate(self.page_widgets):
            self.pages.addTab(page, "")
            page.message.connect(self.message)
            page.item_opened.connect(self.item_opened)
            page.done.connect(self._done)
            page.outdated.connect(self._outdate)
            page.turn_to.connect(self.pages.setCurrentIndex)
            page.opened.connect(self._opened)
            page.read_again.connect(lambda index=index: self.reload_page(index))
            page.document.connect(lambda kind: self.write_register(kind))
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        self.retranslate()

    # -- loading -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        page = self.pages.currentIndex()
        if page in self._stale:
            self.reload_page(page)

    def follow_changes(self, hub: ChangesHub) -> None:
        self.hub = hub
        hub.follow(self, self.SHOWS, self.reload)

    def reload(self) -> None:
        """Everything again: the page shown now, the others when next shown."""
        self._stale = {DUE, BATCHES, REGISTERS, HOLDS}
        self.reload_page(self.pages.currentIndex())

    def _page_changed(self, index: int) -> None:
        if index in self._stale:
            self.reload_page(index)

    def reload_page(self, index: int, select: str | None = None) -> None:
        """Read one page's list again (on a worker thread), keeping or choosing a row."""
        page = self.page_widgets[index]
        if select:
            page.wanted = select
        if not self.isVisible() or self.pages.currentIndex() != index:
            self._stale.add(index)
            return
        self._stale.discard(index)
        self._generation[index] += 1
        generation = self._generation[index]
        page.loading = True
        page.show_count()
        work, show, name = page.reader()

        def done(result: Any) -> None:
            if generation == self._generation[index]:
                page.loading = False
                show(result)
                page.show_count()

        def failed(exc: BaseException, details: str) -> None:
            if generation == self._generation[index]:
                page.loading = False
                page.show_count()
                errors.show_error(self, exc, details)

        self.runner.submit(name, work, on_done=done, on_error=failed, quiet=True)

    # -- after a change --------------------------------------------------------------------
    def _outdate(self, pages: set[int]) -> None:
        """Pages to read again when next shown."""
        self._stale.update(pages)

    def _opened(self, dialog: QDialog) -> None:
        self.dialog = dialog

    def _done(self, index: int, number: str, text: str) -> None:
        self.reload_page(index, select=number or None)
        if self.hub is not None:
            self.hub.announce(self.TOUCHES, source=self)
        self.changed.emit()
        self.message.emit(text)

    def show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)

    # -- what the person may do ------------------------------------------------------------
    def why_not(self, key: str) -> str:
        """Why a command is not offered now ("" when it is)."""
        page = next(p for p in self.page_widgets if key in p.KEYS)
        return page.why_not(key)

    def place_hold(
        self, items: list[str] | None = None, volume: str | None = None
    ) -> PlaceHoldDialog | None:
        """设置保全…: on items (those chosen in the due list unless given) or a volume."""
        if items is None and volume is None and self.pages.currentIndex() == DUE:
            items = self.due_page.chosen_due_numbers()
        return self.holds_page.place_hold(items, volume)

    # -- the registers (.docx) -------------------------------------------------------------
    def write_register(self, kind: str, out: Path | None = None) -> None:
        """到期档案鉴定清单 / 鉴定意见书 of the batch chosen, the 销毁清册 of the register
        chosen (the accounting one for an accounting register), or the 保全登记簿:
        saved where the person says (.docx), then opened."""
        chosen_batch, chosen_register = self.batches_page.batch, self.registers_page.register
        batch = chosen_batch.number if chosen_batch and kind.startswith("appraisal") else None
        register = chosen_register.number if chosen_register and kind == "destruction" else None
        if kind.startswith("appraisal") and batch is None:
            return
        if kind == "destruction" and register is None:
            return
        names = {
            "appraisal-list": self.tr("到期档案鉴定清单"),
            "appraisal-opinion": self.tr("鉴定意见书"),
            "destruction": self.tr("销毁清册"),
            "holds": self.tr("保全登记簿"),
        }
        title = names.get(kind, kind)
        if out is None:
            suffix = f"-{batch or register}" if batch or register else ""
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("保存{title}").format(title=title),
                str(Path.home() / f"{title}{suffix}.docx"),
                self.tr("Word 文档 (*.docx)"),
            )
            if not chosen:
                return
            out = Path(chosen)
        if out.suffix.lower() != ".docx":
            out = out.with_name(out.name + ".docx")
        target = out

        def work(_ctx: TaskContext) -> Path:
            from archivist.registers import disposition_registers

            made = disposition_registers.generate(
                self.archive, kind, target, batch=batch, register=register
            )
            return Path(str(made["file"]))

        def done(path: Any) -> None:
            self.last_file = Path(path)
            self.message.emit(self.tr("已生成{title}：{file}").format(title=title, file=path))
            open_file(Path(path))

        self.runner.submit(
            self.tr("生成{title}").format(title=title),
            work,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
        )

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        for index, text in enumerate(
            (self.tr("到期档案"), self.tr("鉴定批次"), self.tr("销毁清册"), self.tr("保全"))
        ):
            self.pages.setTabText(index, text)
        for page in self.page_widgets:
            page.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
