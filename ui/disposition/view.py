"""The appraisal view (鉴定): the records whose retention has run out, the appraisal
group's batches with an opinion per record, the destruction registers made from them,
and the holds.

- 到期档案 tab: the due list as of a day (class, year, and the next N years for
  planning), grouped by class, year and retention; choosing a group selects its records;
  建立鉴定批次… takes the records chosen, or the class and year of the filters, with the
  group ticked from the accounts holding the appraiser role;
- 鉴定批次 tab: the batches; the one chosen shows its group with who has signed and its
  records with their opinions; 销毁… / 延期… / 改为永久… give one opinion with a reason
  to the records chosen (or every undecided one), 签字 signs as the person signed in,
  生成销毁清册 makes the register(s) of a signed batch's destroy opinions;
- 销毁清册 tab: the registers; the one chosen shows its cover, its frozen rows and the
  signatures; 批准 (a head who did not propose it), 签字… (the person signed in) and
  他人签字… (another person at the same desk, with their password), 销毁… (the
  supervisors present, method, place and date; a confirmation that names what goes;
  progress off the UI thread);
- 保全 tab: every hold (the 保全登记簿), 设置保全… and 解除保全….

A command the person may not use is greyed with the reason in its tool tip (their
roles, the state of the batch or register); the core checks everything again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archivist.accounts import directory
from archivist.accounts.rights import permits
from archivist.accounts.roles import Right, holders_of
from archivist.archive import Archive
from archivist.changes.states import AppraisalState, DestructionState, HoldState
from archivist.disposition import appraisal, destruction, due, holds
from archivist.disposition.appraisal import BatchView, Opinion
from archivist.disposition.appraisers import appraisers
from archivist.disposition.destruction import Duty, RegisterView
from archivist.disposition.holds import HoldView
from ui import errors
from ui.changes_hub import ChangesHub
from ui.disposition.dialogs import (
    CancelBatchDialog,
    ExecuteDialog,
    LiftHoldDialog,
    NewBatchDialog,
    OpinionDialog,
    PlaceHoldDialog,
    SignDialog,
    WithdrawRegisterDialog,
)
from ui.disposition.models import (
    ENTRY_COLUMNS,
    SHOWN_TABLES,
    TOUCHED_TABLES,
    BatchListModel,
    DueGroupsModel,
    DueRowsModel,
    EntriesModel,
    HoldListModel,
    RegisterListModel,
    RegisterRowsModel,
    SignaturesModel,
    batch_state_text,
    day_text,
    duty_text,
    opinion_text,
    register_state_text,
    scope_text,
    time_text,
    unit_text,
)
from ui.files import open_file
from ui.people.labels import roles_text
from ui.rows_model import table_look
from ui.tasks import TaskContext, TaskRunner
from ui.texts import bold, retention_text

DUE, BATCHES, REGISTERS, HOLDS = range(4)
BATCH_BUTTONS = ("destroy", "extend", "permanent", "sign", "register", "cancel_batch")
REGISTER_BUTTONS = ("approve", "withdraw", "sign_self", "countersign", "execute")
HOLD_STATES = (None, HoldState.PLACED, HoldState.LIFTED)
MAX_PLANNING_YEARS = due.MAX_WITHIN_YEARS
ENTRY_NEW_COLUMN = next(i for i, c in enumerate(ENTRY_COLUMNS) if c.key == "new")  # 延期至


def _chosen_rows(table: QTableView) -> list[int]:
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
    if not rows and table.currentIndex().isValid():
        rows = [table.currentIndex().row()]
    return rows


def _select(table: QTableView, row: int) -> None:
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    table.scrollTo(index)


def _table(name: str, model: Any, widths: tuple[int, ...], *, many: bool = False) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table_look(table, interactive=True)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if many
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _heading(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    bold(label)
    return label


def _facts(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _page(*parts: Any) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 4, 0, 0)
    for part in parts:
        if isinstance(part, QWidget):
            layout.addWidget(part, 1 if isinstance(part, (QTableView, QTabWidget)) else 0)
        else:
            layout.addLayout(part)
    return page


def _split(top: QWidget, bottom: QWidget, sizes: tuple[int, int] = (2, 3)) -> QSplitter:
    split = QSplitter(Qt.Orientation.Vertical)
    split.addWidget(top)
    split.addWidget(bottom)
    split.setStretchFactor(0, sizes[0])
    split.setStretchFactor(1, sizes[1])
    split.setChildrenCollapsible(False)
    split.setSizes([200, 500])
    return split


class DispositionView(QWidget):
    message = Signal(str)  # a sentence for the status bar
    changed = Signal()
    item_opened = Signal(str)  # an item to show in the items view
    SHOWS = SHOWN_TABLES
    TOUCHES = TOUCHED_TABLES
    hub: ChangesHub | None = None

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
        self.tips: dict[str, str] = {}
        self.buttons: dict[str, QPushButton] = {}
        self._stale = {DUE, BATCHES, REGISTERS, HOLDS}
        self._generation = [0, 0, 0, 0]
        self.loading = [False, False, False, False]
        self.due_result: due.DueList | None = None
        self.batch: BatchView | None = None
        self.register: RegisterView | None = None
        self._wanted: dict[int, str] = {}
        self.classes: list[tuple[str, str]] = []

        # -- the due list ---------------------------------------------------------------
        day = self.day()
        self.as_of = QDateEdit(QDate(day.year, day.month, day.day))
        self.as_of.setObjectName("dueAsOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.dateChanged.connect(lambda _d: self.reload_page(DUE))
        self.klass = QComboBox()
        self.klass.setObjectName("dueClass")
        self.klass.setMinimumContentsLength(12)
        self.klass.addItem("", None)
        self.klass.currentIndexChanged.connect(lambda _i: self.reload_page(DUE))
        self.year = QSpinBox()
        self.year.setObjectName("dueYear")
        self.year.setRange(0, due.LATEST_YEAR)
        self.year.valueChanged.connect(lambda _v: self.reload_page(DUE))
        self.year.setMinimumWidth(self.fontMetrics().horizontalAdvance("全部年度") + 40)
        self.within = QSpinBox()
        self.within.setObjectName("dueWithin")
        self.within.setRange(0, MAX_PLANNING_YEARS)
        self.within.valueChanged.connect(lambda _v: self.reload_page(DUE))
        self.within.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 年内") + 40)
        self.due_count = QLabel()
        self.due_count.setObjectName("dueCount")
        self.new_batch_button = QPushButton()
        self.new_batch_button.setObjectName("dueNewBatch")
        self.new_batch_button.clicked.connect(lambda: self.new_batch())
        self.due_labels = [QLabel() for _ in range(4)]
        bar = QHBoxLayout()
        for label, field in zip(
            self.due_labels, (self.as_of, self.klass, self.year, self.within), strict=True
        ):
            bar.addWidget(label)
            bar.addWidget(field)
            bar.addSpacing(8)
        bar.addWidget(self.due_count)
        bar.addStretch(1)
        bar.addWidget(self.new_batch_button)
        self.groups = DueGroupsModel(self)
        self.group_table = _table("dueGroups", self.groups, (40, 46, 62, 50, 50))
        self.group_table.selectionModel().currentRowChanged.connect(self._group_chosen)
        self.due_rows = DueRowsModel(self)
        self.due_table = _table(
            "dueTable", self.due_rows, (112, 186, 176, 40, 46, 62, 86, 72, 110), many=True
        )
        self.due_table.doubleClicked.connect(lambda i: self._open_item(self.due_rows.row(i.row())))
        self.due_table.selectionModel().selectionChanged.connect(
            lambda _s, _d: self._show_due_buttons()
        )
        due_split = QSplitter(Qt.Orientation.Horizontal)
        due_split.addWidget(self.group_table)
        due_split.addWidget(self.due_table)
        due_split.setStretchFactor(0, 1)
        due_split.setStretchFactor(1, 3)
        due_split.setSizes([320, 1000])
        due_split.setChildrenCollapsible(False)
        self.due_hint = QLabel()
        self.due_hint.setObjectName("dueHint")
        self.due_hint.setWordWrap(True)
        self.due_hint.setStyleSheet("color: #555;")
        due_page = QWidget()
        dlayout = QVBoxLayout(due_page)
        dlayout.setContentsMargins(0, 0, 0, 0)
        dlayout.addLayout(bar)
        dlayout.addWidget(due_split, 1)
        dlayout.addWidget(self.due_hint)

        # -- batches --------------------------------------------------------------------
        self.batch_count = QLabel()
        self.batches = BatchListModel(self)
        self.batch_table = _table("batchTable", self.batches, (110, 260, 72, 56, 56, 56))
        self.batch_table.selectionModel().currentRowChanged.connect(self._batch_chosen)
        self.batch_heading = _heading("batchHeading")
        self.batch_facts = _facts("batchFacts")
        self.members_label = _facts("batchMembers")
        actions = QHBoxLayout()
        for key, slot in (
            ("destroy", lambda: self.give_opinion(Opinion.DESTROY)),
            ("extend", lambda: self.give_opinion(Opinion.EXTEND)),
            ("permanent", lambda: self.give_opinion(Opinion.PERMANENT)),
            ("sign", lambda: self.sign_batch()),
            ("register", lambda: self.make_registers()),
            ("cancel_batch", lambda: self.cancel_batch()),
        ):
            if key == "cancel_batch":
                actions.addSpacing(16)
            actions.addWidget(self._button(key, slot))
            if key == "permanent":
                actions.addSpacing(16)
        actions.addStretch(1)
        actions.addWidget(self._button("list_docx", lambda: self.write_register("appraisal-list")))
        actions.addWidget(
            self._button("opinion_docx", lambda: self.write_register("appraisal-opinion"))
        )
        self.entries = EntriesModel(self)
        self.entry_table = _table(
            "entryTable",
            self.entries,
            (116, 184, 180, 48, 72, 88, 64, 110, 160),
            many=True,
        )
        self.entry_table.doubleClicked.connect(lambda i: self._open_item(self.entries.row(i.row())))
        self.entry_table.selectionModel().selectionChanged.connect(
            lambda _s, _d: self._show_batch_buttons()
        )
        batch_bar = QHBoxLayout()
        batch_bar.addWidget(self.batch_count)
        batch_bar.addStretch(1)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(batch_bar)
        tl.addWidget(self.batch_table, 1)
        bottom = _page(
            self.batch_heading, self.batch_facts, self.members_label, actions, self.entry_table
        )
        self.batch_table.setMinimumHeight(5 * (self.fontMetrics().height() + 10))
        batch_page = _split(top, bottom, (1, 3))

        # -- registers ------------------------------------------------------------------
        self.register_count = QLabel()
        self.registers = RegisterListModel(self)
        self.register_table = _table("registerTable", self.registers, (110, 110, 80, 72, 56, 56))
        self.register_table.selectionModel().currentRowChanged.connect(self._register_chosen)
        self.register_heading = _heading("registerHeading")
        self.register_facts = _facts("registerFacts")
        ractions = QHBoxLayout()
        register_actions: list[tuple[str, Callable[[], Any]]] = [
            ("approve", self.approve),
            ("withdraw", lambda: self.withdraw_register()),
            ("sign_self", self.sign_register),
            ("countersign", lambda: self.sign_register(countersign=True)),
            ("execute", self.execute),
        ]
        for key, slot in register_actions:
            ractions.addWidget(self._button(key, slot))
            if key == "countersign":
                ractions.addSpacing(16)
        ractions.addStretch(1)
        ractions.addWidget(
            self._button("register_docx", lambda: self.write_register("destruction"))
        )
        self.register_rows = RegisterRowsModel(self)
        self.row_table = _table(
            "registerRows", self.register_rows, (48, 240, 48, 200, 80, 80, 48, 110)
        )
        self.row_table.doubleClicked.connect(
            lambda i: self._open_item(self.register_rows.row(i.row()))
        )
        self.signatures = SignaturesModel(self)
        self.signature_table = _table("registerSignatures", self.signatures, (130, 110, 200))
        self.register_tabs = QTabWidget()
        self.register_tabs.setObjectName("registerTabs")
        self.register_tabs.addTab(self.row_table, "")
        self.register_tabs.addTab(self.signature_table, "")
        rbar = QHBoxLayout()
        rbar.addWidget(self.register_count)
        rbar.addStretch(1)
        rtop = QWidget()
        rl = QVBoxLayout(rtop)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(rbar)
        rl.addWidget(self.register_table, 1)
        rbottom = _page(self.register_heading, self.register_facts, ractions, self.register_tabs)
        self.register_table.setMinimumHeight(5 * (self.fontMetrics().height() + 10))
        register_page = _split(rtop, rbottom, (1, 3))

        # -- holds ----------------------------------------------------------------------
        self.hold_filter = QComboBox()
        self.hold_filter.setObjectName("holdFilter")
        for state in HOLD_STATES:
            self.hold_filter.addItem("", state.value if state else "")
        self.hold_filter.currentIndexChanged.connect(lambda _i: self.reload_page(HOLDS))
        self.hold_filter_label = QLabel()
        self.hold_count = QLabel()
        hbar = QHBoxLayout()
        hbar.addWidget(self.hold_filter_label)
        hbar.addWidget(self.hold_filter)
        hbar.addWidget(self.hold_count)
        hbar.addStretch(1)
        hbar.addWidget(self._button("place_hold", lambda: self.place_hold()))
        hbar.addWidget(self._button("lift_hold", lambda: self.lift_hold()))
        hbar.addSpacing(16)
        hbar.addWidget(self._button("holds_docx", lambda: self.write_register("holds")))
        self.hold_rows = HoldListModel(self)
        self.hold_table = _table("holdTable", self.hold_rows, (110, 190, 110, 260, 64, 190))
        self.hold_table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._show_hold_buttons()
        )
        hold_page = QWidget()
        hl = QVBoxLayout(hold_page)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addLayout(hbar)
        hl.addWidget(self.hold_table, 1)

        self.pages = QTabWidget()
        self.pages.setObjectName("dispositionPages")
        for page in (due_page, batch_page, register_page, hold_page):
            self.pages.addTab(page, "")
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        self.retranslate()

    def _button(self, key: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(f"disposition_{key}")
        button.clicked.connect(lambda _c=False: slot())
        self.buttons[key] = button
        return button

    def day(self) -> dt.date:
        return self.today or dt.date.today()

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

    def reload_page(self, page: int, select: str | None = None) -> None:
        """Read one page's list again (on a worker thread), keeping or choosing a row."""
        if select:
            self._wanted[page] = select
        if not self.isVisible() or self.pages.currentIndex() != page:
            self._stale.add(page)
            return
        self._stale.discard(page)
        self._generation[page] += 1
        generation = self._generation[page]
        self.loading[page] = True
        self._show_counts()
        work, show, name = self._reader(page)

        def done(result: Any) -> None:
            if generation == self._generation[page]:
                self.loading[page] = False
                show(result)
                self._show_counts()

        def failed(exc: BaseException, details: str) -> None:
            if generation == self._generation[page]:
                self.loading[page] = False
                self._show_counts()
                errors.show_error(self, exc, details)

        self.runner.submit(name, work, on_done=done, on_error=failed, quiet=True)

    def _reader(self, page: int) -> tuple[Callable[[TaskContext], Any], Callable[[Any], None], str]:
        archive = self.archive
        if page == DUE:
            as_of, code = self.as_of_date(), self.klass.currentData()
            year, within = self.year.value() or None, self.within.value()
            load_classes = not self.classes

            def read_due(_ctx: TaskContext) -> tuple[due.DueList, list[tuple[str, str]]]:
                classes: list[tuple[str, str]] = []
                if load_classes:
                    from archivist.access import browse

                    classes = [
                        (str(n.scope.class_code), n.label) for n in browse.nav_children(archive)
                    ]
                found = due.due_list(
                    archive,
                    as_of,
                    class_code=str(code) if code else None,
                    year=year,
                    within_years=within,
                )
                return found, classes

            return read_due, self._set_due, self.tr("读取到期档案")
        if page == BATCHES:

            def read_batches(_ctx: TaskContext) -> list[BatchView]:
                names = directory.display_names(archive)
                return [
                    replace(b, created_by=names.get(b.created_by, b.created_by))
                    for b in appraisal.list_batches(archive)
                ]

            return (
                read_batches,
                self._set_batches,
                self.tr("读取鉴定批次"),
            )
        if page == REGISTERS:

            def read_registers(_ctx: TaskContext) -> list[RegisterView]:
                # who executed or withdrew it by name (the user names stay for the checks)
                names = directory.display_names(archive)
                return [
                    replace(
                        r,
                        executed_by=names.get(r.executed_by, r.executed_by)
                        if r.executed_by
                        else None,
                        withdrawn_by=names.get(r.withdrawn_by, r.withdrawn_by)
                        if r.withdrawn_by
                        else None,
                    )
                    for r in destruction.list_registers(archive)
                ]

            return (
                read_registers,
                self._set_registers,
                self.tr("读取销毁清册"),
            )
        state = self.hold_filter.currentData()

        def read_holds(_ctx: TaskContext) -> list[HoldView]:
            names = directory.display_names(archive)
            return [
                replace(
                    h,
                    placed_by=names.get(h.placed_by, h.placed_by),
                    lifted_by=names.get(h.lifted_by, h.lifted_by) if h.lifted_by else None,
                )
                for h in holds.list_holds(archive, state=str(state) if state else None)
            ]

        return (
            read_holds,
            self._set_holds,
            self.tr("读取保全"),
        )

    def as_of_date(self) -> dt.date:
        value = self.as_of.date()
        return dt.date(value.year(), value.month(), value.day())

    # -- the due list ---------------------------------------------------------------------
    def _set_due(self, result: Any) -> None:
        found, classes = result
        if classes:
            self.classes = list(classes)
            code = self.klass.currentData()
            self.klass.blockSignals(True)
            for klass, label in self.classes:
                if self.klass.findData(klass) < 0:
                    self.klass.addItem(
                        label if label.startswith(klass) else f"{klass} {label}", klass
                    )
            self.klass.setCurrentIndex(max(0, self.klass.findData(code)) if code else 0)
            self.klass.blockSignals(False)
        self.due_result = found
        self.groups.set_rows(list(found.groups))
        self.due_rows.set_rows(list(found.rows))
        self._show_due_buttons()

    def _group_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A group chosen: its records (due now) selected in the list beside it."""
        group = self.groups.row(current.row()) if current.isValid() else None
        if group is None:
            return
        selection = self.due_table.selectionModel()
        selection.clearSelection()
        first: int | None = None
        for row, item in enumerate(self.due_rows.rows):
            if (item.class_code, item.year, item.retention) == (
                group.class_code,
                group.year,
                group.retention,
            ) and item.due:
                selection.select(
                    self.due_rows.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                first = row if first is None else first
        if first is not None:
            self.due_table.scrollTo(self.due_rows.index(first, 0))
        self._show_due_buttons()

    def chosen_due_numbers(self) -> list[str]:
        """The records chosen in the due list that are due now."""
        rows = sorted({i.row() for i in self.due_table.selectionModel().selectedRows()})
        found = [self.due_rows.row(r) for r in rows]
        return [r.number for r in found if r is not None and r.due]

    def _show_due_buttons(self) -> None:
        why = self.why_not("new_batch")
        self.new_batch_button.setEnabled(not why)
        chosen = self.chosen_due_numbers()
        self.new_batch_button.setToolTip(
            why
            or (
                self.tr("把所选的 {n} 件到期档案建成一个鉴定批次").format(n=len(chosen))
                if chosen
                else self.tr("按截至日期、类别和年度把到期档案建成一个鉴定批次")
            )
        )

    def new_batch(self, numbers: list[str] | None = None) -> None:
        """建立鉴定批次…: the accounts with the appraiser role are read first."""
        if self.why_not("new_batch"):
            return
        chosen = self.chosen_due_numbers() if numbers is None else numbers
        as_of, code = self.as_of_date(), self.klass.currentData()
        year = self.year.value() or None

        def opened(candidates: Any) -> None:
            dialog = NewBatchDialog(
                self.archive,
                self.runner,
                self,
                candidates=list(candidates),
                as_of=as_of,
                class_code=str(code) if code else None,
                year=year,
                classes=self.classes,
                numbers=chosen,
            )
            dialog.done_with.connect(self._batch_made)
            self._open(dialog)

        self.runner.submit(
            self.tr("读取鉴定小组成员"),
            lambda _ctx: appraisers(self.archive),
            on_done=opened,
            on_error=lambda e, d: errors.show_error(self, e, d),
            quiet=True,
        )

    def _batch_made(self, number: str) -> None:
        self._stale.add(DUE)
        self.pages.setCurrentIndex(BATCHES)
        self._done(BATCHES, number, self.tr("已建立鉴定批次 {number}").format(number=number))

    # -- batches -------------------------------------------------------------------------
    def _set_batches(self, rows: Any) -> None:
        self._set_list(BATCHES, self.batches, self.batch_table, list(rows))
        if not self.batches.rowCount():
            self._show_batch(None)

    def _set_list(self, page: int, model: Any, table: QTableView, rows: list[Any]) -> None:
        wanted = self._wanted.pop(page, None)
        current = {BATCHES: self.batch, REGISTERS: self.register}.get(page)
        keep = wanted or (current.number if current is not None else None)
        model.set_rows(rows)
        row = model.row_of(keep) if keep else None
        if row is None and rows:
            row = 0
        if row is not None:
            _select(table, row)
            # the list's view is current: shown again even when the same row stays chosen
            if page == BATCHES:
                self._show_batch(model.row(row))
            elif page == REGISTERS:
                self._show_register(model.row(row))

    def _batch_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_batch(self.batches.row(current.row()) if current.isValid() else None)

    def _show_batch(self, view: BatchView | None) -> None:
        same = view is not None and self.batch is not None and view.number == self.batch.number
        keep = self.chosen_entries() if same else []
        self.batch = view
        self.entries.set_rows(list(view.entries) if view else [])
        if keep:
            selection = self.entry_table.selectionModel()
            for number in keep:
                row = self.entries.row_of(number)
                if row is not None:
                    selection.select(
                        self.entries.index(row, 0),
                        QItemSelectionModel.SelectionFlag.Select
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
        self._show_batch_heading()

    def chosen_entries(self) -> list[str]:
        rows = sorted({i.row() for i in self.entry_table.selectionModel().selectedRows()})
        found = [self.entries.row(r) for r in rows]
        return [e.number for e in found if e is not None]

    def _show_batch_heading(self) -> None:
        view = self.batch
        self._show_batch_buttons()
        if view is None:
            self.batch_heading.setText(
                self.tr("没有鉴定批次：在“到期档案”中选择档案，点“建立鉴定批次…”")
                if not self.batches.rowCount() and not self.loading[BATCHES]
                else self.tr("未选鉴定批次")
            )
            self.batch_facts.setText("")
            self.members_label.setText("")
            return
        self.batch_heading.setText(
            self.tr("{number}　{scope}　{state}").format(
                number=view.number, scope=scope_text(view), state=batch_state_text(view.state)
            )
        )
        counts = self.tr(
            "共 {n} 件：销毁 {d} 件，延期 {e} 件，改为永久 {p} 件，未定 {u} 件"
        ).format(
            n=len(view.entries),
            d=view.count(Opinion.DESTROY),
            e=view.count(Opinion.EXTEND),
            p=view.count(Opinion.PERMANENT),
            u=view.undecided,
        )
        made = self.tr("{who} 建立于 {at}").format(
            who=view.created_by, at=time_text(view.created_at)
        )
        lines = [f"{counts}　{made}"]
        if view.destruction_registers:
            lines.append(
                self.tr("销毁清册：{numbers}").format(
                    numbers="、".join(
                        self.tr("{number}（已撤回）").format(number=n)
                        if n in view.withdrawn_registers
                        else n
                        for n in view.destruction_registers
                    )
                )
            )
        if view.state == AppraisalState.CANCELLED:
            lines.append(
                self.tr("已由 {who} 于 {at} 撤销，理由：{reason}").format(
                    who=view.cancelled_by or "",
                    at=time_text(view.cancelled_at),
                    reason=view.cancel_reason,
                )
            )
        self.batch_facts.setText("\n".join(lines))
        members = []
        for m in view.members:
            name = m.display_name + (self.tr("（负责人）") if m.head else "")
            signed = (
                self.tr("已签 {at}").format(at=time_text(m.signed_at))
                if m.signed_at
                else self.tr("未签")
            )
            members.append(f"{name} {signed}")
        self.members_label.setText(
            self.tr("鉴定小组：{members}").format(members="；".join(members))
        )

    def _show_batch_buttons(self) -> None:
        for key in (*BATCH_BUTTONS, "list_docx", "opinion_docx"):
            why = self.why_not(key)
            self.buttons[key].setEnabled(not why)
            self.buttons[key].setToolTip(why or self.tips.get(key, ""))

    def give_opinion(self, opinion: Opinion) -> OpinionDialog | None:
        """销毁… / 延期… / 改为永久…: the records chosen (or every undecided one)."""
        view = self.batch
        key = {Opinion.DESTROY: "destroy", Opinion.EXTEND: "extend"}.get(opinion, "permanent")
        if view is None or self.why_not(key):
            return None
        dialog = OpinionDialog(
            self.archive, self.runner, view, self, chosen=self.chosen_entries(), opinion=opinion
        )
        dialog.done_with.connect(
            lambda number: self._done(
                BATCHES,
                number,
                self.tr("{number}：已填写鉴定意见（{opinion}）").format(
                    number=number, opinion=opinion_text(dialog.current_opinion())
                ),
            )
        )
        self._open(dialog)
        return dialog

    def sign_batch(self) -> None:
        """签字: the member signed in signs the batch as themselves."""
        view = self.batch
        if view is None or self.why_not("sign"):
            return
        number = view.number

        def done(signed: Any) -> None:
            text = (
                self.tr("{number} 全体成员已签字，延期和改为永久的意见已生效").format(number=number)
                if getattr(signed, "state", None) == AppraisalState.SIGNED
                else self.tr("已在 {number} 上签字").format(number=number)
            )
            self._stale.add(DUE)
            self._done(BATCHES, number, text)

        self.runner.submit(
            self.tr("签字 {number}").format(number=number),
            lambda _ctx: appraisal.sign_batch(self.archive, number),
            write=True,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
        )

    def cancel_batch(self) -> CancelBatchDialog | None:
        """撤销批次…: a batch not yet signed, by a member or its maker, with a reason."""
        view = self.batch
        if view is None or self.why_not("cancel_batch"):
            return None
        dialog = CancelBatchDialog(self.archive, self.runner, view, self)
        dialog.done_with.connect(self._batch_cancelled)
        self._open(dialog)
        return dialog

    def _batch_cancelled(self, number: str) -> None:
        self._stale.add(DUE)
        self._done(
            BATCHES,
            number,
            self.tr("已撤销鉴定批次 {number}，其中的档案回到到期档案").format(number=number),
        )

    def make_registers(self) -> None:
        """生成销毁清册: the register(s) of the signed batch's destroy opinions."""
        view = self.batch
        if view is None or self.why_not("register"):
            return
        number = view.number

        def done(made: Any) -> None:
            numbers = [r.number for r in made]
            self._stale.add(BATCHES)
            self.pages.setCurrentIndex(REGISTERS)
            self._done(
                REGISTERS,
                numbers[0] if numbers else "",
                self.tr("已由 {batch} 生成销毁清册 {numbers}").format(
                    batch=number, numbers="、".join(numbers)
                ),
            )

        self.runner.submit(
            self.tr("生成销毁清册 {number}").format(number=number),
            lambda _ctx: destruction.create_registers(self.archive, number),
            write=True,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
        )

    # -- registers -----------------------------------------------------------------------
    def _set_registers(self, rows: Any) -> None:
        self._set_list(REGISTERS, self.registers, self.register_table, list(rows))
        if not self.registers.rowCount():
            self._show_register(None)

    def _register_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_register(self.registers.row(current.row()) if current.isValid() else None)

    def _show_register(self, view: RegisterView | None) -> None:
        self.register = view
        self.register_rows.set_rows(list(view.rows) if view else [])
        self.signatures.set_rows(list(view.signatures) if view else [])
        self._show_register_heading()

    def _show_register_heading(self) -> None:
        view = self.register
        for key in (*REGISTER_BUTTONS, "register_docx"):
            why = self.why_not(key)
            self.buttons[key].setEnabled(not why)
            self.buttons[key].setToolTip(why or self.tips.get(key, ""))
        if view is None:
            self.register_heading.setText(
                self.tr("没有销毁清册：鉴定批次全体签字后，在“鉴定批次”中点“生成销毁清册”")
                if not self.registers.rowCount() and not self.loading[REGISTERS]
                else self.tr("未选销毁清册")
            )
            self.register_facts.setText("")
            return
        kind = self.tr("会计档案销毁清册") if view.accounting else self.tr("档案销毁清册")
        self.register_heading.setText(
            self.tr("{number}　{kind}　{state}").format(
                number=view.number, kind=kind, state=register_state_text(view.state)
            )
        )
        lines = [
            self.tr("全宗 {code} {name}　鉴定批次 {batch}　销毁数量 {n} 件 {pages} 页").format(
                code=view.fonds_code,
                name=view.fonds_name,
                batch=view.batch,
                n=len(view.rows),
                pages=view.pages,
            ),
            self.tr("鉴定小组负责人 {leader} {day}　拟制 {who} {at}").format(
                leader=view.group_leader,
                day=day_text(view.group_signed_at),
                who=view.proposer_name or view.proposed_by,
                at=time_text(view.proposed_at),
            ),
        ]
        if view.approved_by:
            lines.append(
                self.tr("批准人 {who} {at}").format(
                    who=view.approver_name or view.approved_by, at=time_text(view.approved_at)
                )
            )
        supervisors = [
            f"{s.display_name}（{unit_text(s.unit)}）" if s.unit else s.display_name
            for s in view.supervisors
        ]
        if supervisors:
            lines.append(self.tr("监销人 {names}").format(names="、".join(supervisors)))
        if view.accounting:
            duties = {s.duty: s.display_name for s in view.signatures}
            lines.append(
                "　".join(
                    f"{duty_text(d)} {duties.get(d, self.tr('未签'))}"
                    for d in destruction.ACCOUNTING_DUTIES
                )
            )
        if view.state == DestructionState.WITHDRAWN:
            lines.append(
                self.tr("已由 {who} 于 {at} 撤回，理由：{reason}").format(
                    who=view.withdrawn_by or "",
                    at=time_text(view.withdrawn_at),
                    reason=view.withdraw_reason,
                )
            )
        if view.state == DestructionState.EXECUTED:
            lines.append(
                self.tr("销毁日期 {day}　方式 {method}　地点 {place}　执行 {who}").format(
                    day=day_text(view.executed_on),
                    method=view.method,
                    place=view.place,
                    who=view.executed_by or "",
                )
            )
        self.register_facts.setText("\n".join(lines))

    def approve(self) -> None:
        """批准: a head who did not propose the register; its list is then frozen."""
        view = self.register
        if view is None or self.why_not("approve"):
            return
        number = view.number
        self.runner.submit(
            self.tr("批准 {number}").format(number=number),
            lambda _ctx: destruction.approve_register(self.archive, number),
            write=True,
            on_done=lambda _v: self._done(
                REGISTERS, number, self.tr("已批准销毁清册 {number}").format(number=number)
            ),
            on_error=lambda e, d: errors.show_error(self, e, d),
        )

    def withdraw_register(self) -> WithdrawRegisterDialog | None:
        """撤回清册…: a proposed register, by its proposer or a head who refuses it."""
        view = self.register
        if view is None or self.why_not("withdraw"):
            return None
        dialog = WithdrawRegisterDialog(self.archive, self.runner, view, self)
        dialog.done_with.connect(self._register_withdrawn)
        self._open(dialog)
        return dialog

    def _register_withdrawn(self, number: str) -> None:
        self._stale.update({DUE, BATCHES})
        self._done(REGISTERS, number, self.tr("已撤回销毁清册 {number}").format(number=number))

    def sign_register(self, *, countersign: bool = False) -> SignDialog | None:
        """签字… as the person signed in, or 他人签字… by another person at this desk."""
        view = self.register
        if view is None or self.why_not("countersign" if countersign else "sign_self"):
            return None
        dialog = SignDialog(self.archive, self.runner, view, self, countersign=countersign)
        dialog.done_with.connect(
            lambda number: self._done(
                REGISTERS,
                number,
                self.tr("已在销毁清册 {number} 上签字（{duty}）").format(
                    number=number, duty=duty_text(dialog.current_duty())
                ),
            )
        )
        self._open(dialog)
        return dialog

    def execute(self) -> ExecuteDialog | None:
        """销毁…: the supervisors present, method, place and date; confirmed by name."""
        view = self.register
        if view is None or self.why_not("execute"):
            return None
        dialog = ExecuteDialog(self.archive, self.runner, view, self, today=self.today)
        dialog.done_with.connect(lambda number: self._executed(number, view))
        self._open(dialog)
        return dialog

    def _executed(self, number: str, view: RegisterView) -> None:
        self._stale.update({DUE, BATCHES})
        self._done(
            REGISTERS,
            number,
            self.tr("已按 {number} 销毁 {n} 件档案（{pages} 页），只保留目录信息").format(
                number=number, n=len(view.rows), pages=view.pages
            ),
        )

    # -- holds ---------------------------------------------------------------------------
    def _set_holds(self, rows: Any) -> None:
        wanted = self._wanted.pop(HOLDS, None)
        current = self.current_hold()
        keep = wanted or (current.number if current else None)
        self.hold_rows.set_rows(list(rows))
        row = self.hold_rows.row_of(keep) if keep else None
        if row is None and self.hold_rows.rowCount():
            row = 0
        if row is not None:
            _select(self.hold_table, row)
        self._show_hold_buttons()

    def current_hold(self) -> HoldView | None:
        index = self.hold_table.selectionModel().currentIndex()
        found: HoldView | None = self.hold_rows.row(index.row()) if index.isValid() else None
        return found

    def _show_hold_buttons(self) -> None:
        for key in ("place_hold", "lift_hold", "holds_docx"):
            why = self.why_not(key)
            self.buttons[key].setEnabled(not why)
            self.buttons[key].setToolTip(why or self.tips.get(key, ""))

    def place_hold(
        self, items: list[str] | None = None, volume: str | None = None
    ) -> PlaceHoldDialog | None:
        """设置保全…: on items (those chosen in the due list unless given) or a volume."""
        if self.why_not("place_hold"):
            return None
        if items is None and volume is None:
            items = self.chosen_due_numbers() if self.pages.currentIndex() == DUE else []
        dialog = PlaceHoldDialog(self.archive, self.runner, self, items=items or [], volume=volume)
        dialog.done_with.connect(
            lambda number: self._hold_changed(number, self.tr("已设置保全 {number}"))
        )
        self._open(dialog)
        return dialog

    def lift_hold(self) -> LiftHoldDialog | None:
        hold = self.current_hold()
        if hold is None or self.why_not("lift_hold"):
            return None
        dialog = LiftHoldDialog(self.archive, self.runner, hold, self)
        dialog.done_with.connect(
            lambda number: self._hold_changed(number, self.tr("已解除保全 {number}"))
        )
        self._open(dialog)
        return dialog

    def _hold_changed(self, number: str, text: str) -> None:
        self._stale.update({DUE, BATCHES})
        self.pages.setCurrentIndex(HOLDS)
        self._done(HOLDS, number, text.format(number=number))

    # -- the registers (.docx) -------------------------------------------------------------
    last_file: Path | None = None

    def write_register(self, kind: str, out: Path | None = None) -> None:
        """到期档案鉴定清单 / 鉴定意见书 of the batch chosen, the 销毁清册 of the register
        chosen (the accounting one for an accounting register), or the 保全登记簿:
        saved where the person says (.docx), then opened."""
        batch = self.batch.number if self.batch and kind.startswith("appraisal") else None
        register = self.register.number if self.register and kind == "destruction" else None
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

    # -- what the person may do ------------------------------------------------------------
    def _refusal(self, right: Right) -> str:
        person = self.archive.person
        return self.tr("您的角色（{roles}）不能做这件事；需要：{holders}").format(
            roles=roles_text(person.roles) if person else self.tr("未登录"),
            holders=roles_text(holders_of(right)),
        )

    def _member(self, view: BatchView) -> Any:
        person = self.archive.person
        user = person.user_name if person else None
        return next((m for m in view.members if m.user_name == user), None)

    def why_not(self, key: str) -> str:
        """Why a command is not offered now ("" when it is)."""
        person = self.archive.person
        if key in ("list_docx", "opinion_docx"):
            return "" if self.batch is not None else self.tr("未选鉴定批次")
        if key == "register_docx":
            return "" if self.register is not None else self.tr("未选销毁清册")
        if key == "holds_docx":
            return ""
        if key == "new_batch":
            return "" if permits(person, Right.APPRAISE) else self._refusal(Right.APPRAISE)
        if key in ("place_hold", "lift_hold"):
            if not permits(person, Right.HOLD):
                return self._refusal(Right.HOLD)
            if key == "lift_hold":
                hold = self.current_hold()
                if hold is None:
                    return self.tr("未选保全")
                if hold.state != HoldState.PLACED:
                    return self.tr("保全 {number} 已解除").format(number=hold.number)
            return ""
        if key in BATCH_BUTTONS:
            return self._why_not_batch(key)
        return self._why_not_register(key)

    def _why_not_batch(self, key: str) -> str:
        view = self.batch
        person = self.archive.person
        if view is None:
            return self.tr("未选鉴定批次")
        if view.state == AppraisalState.CANCELLED:
            return self.tr("鉴定批次已撤销（{at}）").format(at=time_text(view.cancelled_at))
        if key == "cancel_batch":
            if view.state == AppraisalState.SIGNED:
                return self.tr("鉴定批次已经全体成员签字，不能撤销；未批准的销毁清册可以撤回")
            if not permits(person, Right.APPRAISE):
                return self._refusal(Right.APPRAISE)
            user = person.user_name if person else None
            if self._member(view) is None and user != view.created_by:
                return self.tr("只有鉴定小组成员或建立人才能撤销本批次")
            return ""
        if key == "register":
            if view.state != AppraisalState.SIGNED:
                return self.tr("鉴定批次须经全体成员签字后才能生成销毁清册")
            active = [n for n in view.destruction_registers if n not in view.withdrawn_registers]
            if active:
                return self.tr("已生成销毁清册：{numbers}").format(numbers="、".join(active))
            if not view.count(Opinion.DESTROY):
                return self.tr("本批次没有销毁意见")
            return "" if permits(person, Right.DISPOSE) else self._refusal(Right.DISPOSE)
        if view.state == AppraisalState.SIGNED:
            return self.tr("鉴定批次已签字，意见不能再改")
        if not permits(person, Right.APPRAISE):
            return self._refusal(Right.APPRAISE)
        member = self._member(view)
        if member is None:
            return self.tr("只有鉴定小组成员才能填写意见和签字")
        if key == "sign":
            if member.signed_at:
                return self.tr("您已签字（{at}）").format(at=time_text(member.signed_at))
            if view.undecided:
                return self.tr("还有 {n} 件未给出意见，不能签字").format(n=view.undecided)
            return ""
        if not view.entries:
            return self.tr("本批次没有档案")
        return ""

    def _why_not_register(self, key: str) -> str:
        view = self.register
        person = self.archive.person
        if view is None:
            return self.tr("未选销毁清册")
        if view.state == DestructionState.EXECUTED:
            return self.tr("已按本清册销毁（{day}）").format(day=day_text(view.executed_on))
        if view.state == DestructionState.WITHDRAWN:
            return self.tr("清册已撤回（{at}）").format(at=time_text(view.withdrawn_at))
        user = person.user_name if person else None
        if key == "withdraw":
            if view.state != DestructionState.PROPOSED:
                return self.tr("清册已批准，不能撤回")
            if permits(person, Right.APPROVE):
                return ""
            if user == view.proposed_by and permits(person, Right.DISPOSE):
                return ""
            return self.tr("只有清册的拟制人或负责人（审批人）才能撤回清册")
        if key == "approve":
            if view.state != DestructionState.PROPOSED:
                return self.tr("清册已批准")
            if not permits(person, Right.APPROVE):
                return self._refusal(Right.APPROVE)
            if user == view.proposed_by:
                return self.tr("拟制清册的人不能批准本清册，须由另一位负责人批准")
            return ""
        if key in ("sign_self", "countersign"):
            if view.state != DestructionState.APPROVED and not view.accounting:
                return self.tr("清册须经批准后，监销人才能签字")
            if not permits(person, Right.WITNESS):
                return self._refusal(Right.WITNESS)
            if key == "sign_self" and user == view.approved_by and not view.accounting:
                return self.tr("批准人不能担任监销人")
            if key == "sign_self" and not view.accounting:
                signed = next((s for s in view.supervisors if s.user_name == user), None)
                if signed is not None:
                    return self.tr("您已作为监销人签字（{at}）").format(
                        at=time_text(signed.signed_at)
                    )
            return ""
        # execute
        if view.state != DestructionState.APPROVED:
            return self.tr("清册须经批准后才能销毁")
        if not permits(person, Right.DISPOSE):
            return self._refusal(Right.DISPOSE)
        names = {s.user_name for s in view.supervisors if s.user_name != view.approved_by}
        if len(names) < 2:
            return self.tr("须有两名以上监销人签字（现有 {n} 名）").format(n=len(names))
        if view.accounting:
            missing = [
                duty_text(d)
                for d in destruction.ACCOUNTING_DUTIES
                if d is not Duty.UNIT_HEAD and d not in {s.duty for s in view.signatures}
            ]
            if missing:
                return self.tr("会计档案销毁清册还须签字：{duties}").format(
                    duties="、".join(missing)
                )
        return ""

    # -- after a change --------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        dialog.open()
        self.dialog = dialog

    def _done(self, page: int, number: str, text: str) -> None:
        self.reload_page(page, select=number or None)
        if self.hub is not None:
            self.hub.announce(self.TOUCHES, source=self)
        self.changed.emit()
        self.message.emit(text)

    def _open_item(self, row: Any) -> None:
        if row is not None:
            self.item_opened.emit(str(row.number))

    def show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)

    def _show_counts(self) -> None:
        reading = self.tr("读取中…")
        found = self.due_result
        if self.loading[DUE]:
            self.due_count.setText(reading)
        elif found is not None:
            text = self.tr("已到期 {n} 件").format(n=len(found.due_rows))
            if found.until:
                text += self.tr("，至 {day} 到期 {m} 件").format(
                    day=day_text(found.until), m=len(found.planned_rows)
                )
            whole = [v.code for v in found.volumes if v.due]
            if whole:
                text += self.tr("，其中整卷到期 {v} 卷").format(v=len(whole))
                self.due_count.setToolTip("、".join(whole))
            if found.held:
                text += self.tr("（另有 {h} 件保全中，不列入）").format(h=found.held)
            self.due_count.setText(text)
        else:
            self.due_count.setText("")
        self.batch_count.setText(
            reading
            if self.loading[BATCHES]
            else self.tr("{n} 个鉴定批次").format(n=self.batches.rowCount())
        )
        self.register_count.setText(
            reading
            if self.loading[REGISTERS]
            else self.tr("{n} 份销毁清册").format(n=self.registers.rowCount())
        )
        placed = sum(1 for h in self.hold_rows.rows if h.state == HoldState.PLACED)
        self.hold_count.setText(
            reading
            if self.loading[HOLDS]
            else self.tr("{n} 项，保全中 {p} 项").format(n=self.hold_rows.rowCount(), p=placed)
        )

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        for label, text in zip(
            self.due_labels,
            (self.tr("截至"), self.tr("类别"), self.tr("年度"), self.tr("规划")),
            strict=True,
        ):
            label.setText(text)
        self.klass.setItemText(0, self.tr("全部类别"))
        self.year.setSpecialValueText(self.tr("全部年度"))
        self.within.setSpecialValueText(self.tr("仅已到期"))
        self.within.setSuffix(self.tr(" 年内"))
        self.within.setToolTip(self.tr("同时列出今后若干年内到期的档案，供制定鉴定计划"))
        self.new_batch_button.setText(self.tr("建立鉴定批次…"))
        self.due_hint.setText(
            self.tr(
                "保管期限从形成年度的次年1月1日起算；保全中的、已在鉴定批次或销毁清册中的档案不列入。"
                "点左侧分组即选中该组已到期的档案；双击一件查看详情。"
            )
        )
        for key, text in (
            ("destroy", self.tr("销毁…")),
            ("extend", self.tr("延期…")),
            ("permanent", self.tr("改为永久…")),
            ("sign", self.tr("签字")),
            ("register", self.tr("生成销毁清册")),
            ("cancel_batch", self.tr("撤销批次…")),
            ("approve", self.tr("批准")),
            ("withdraw", self.tr("撤回清册…")),
            ("sign_self", self.tr("签字…")),
            ("countersign", self.tr("他人签字…")),
            ("execute", self.tr("销毁…")),
            ("place_hold", self.tr("设置保全…")),
            ("lift_hold", self.tr("解除保全…")),
            ("list_docx", self.tr("鉴定清单…")),
            ("opinion_docx", self.tr("鉴定意见书…")),
            ("register_docx", self.tr("打印清册…")),
            ("holds_docx", self.tr("保全登记簿…")),
        ):
            self.buttons[key].setText(text)
        self.tips = {
            "destroy": self.tr("所选档案（或全部未定的）鉴定为销毁，须填写理由"),
            "extend": self.tr("所选档案延长保管期限（须比原期限长），须填写理由"),
            "permanent": self.tr("所选档案改为永久保管，须填写理由"),
            "sign": self.tr("以本人名义在鉴定清单上签字；全体签字后意见生效"),
            "register": self.tr("把销毁意见的档案列入销毁清册（会计档案单独成册）"),
            "approve": self.tr("批准销毁清册；批准后清册内容不能再改"),
            "cancel_batch": self.tr(
                "撤销尚未签署的鉴定批次（如小组成员调离），须填写理由；其中的档案回到到期档案"
            ),
            "withdraw": self.tr(
                "拟制人撤回或负责人退回尚未批准的销毁清册，须填写理由；清册保留备查"
            ),
            "sign_self": self.tr("以本人名义签字（监销人或会计档案的签字身份）"),
            "countersign": self.tr("另一人在本机输入自己的用户名和密码签字"),
            "execute": self.tr("在监销人监督下销毁：删除电子文件及其全部副本，只保留目录"),
            "place_hold": self.tr("对档案件或整个案卷设置保全：保全期间不能销毁、移交"),
            "lift_hold": self.tr("解除所选保全，须填写理由"),
            "list_docx": self.tr("生成本批次的到期档案鉴定清单（.docx），供打印签字"),
            "opinion_docx": self.tr("生成本批次的鉴定意见书（.docx）"),
            "register_docx": self.tr("生成销毁清册（.docx；会计档案用会计档案销毁清册）"),
            "holds_docx": self.tr("生成保全登记簿（.docx）：全部保全及其解除"),
        }
        # 件号 whole, a three-letter class too (2019-SYU-000001)
        for table in (self.due_table, self.entry_table):
            table.setColumnWidth(0, table.fontMetrics().horizontalAdvance("0000-SYU-000000") + 16)
        # 延期至 whole: the longest period and the day the record falls due again
        longest = retention_text("D100") + self.tr("（{day}起可鉴定）").format(day="2099-12-31")
        self.entry_table.setColumnWidth(
            ENTRY_NEW_COLUMN, self.entry_table.fontMetrics().horizontalAdvance(longest) + 16
        )
        self.register_tabs.setTabText(0, self.tr("清册条目"))
        self.register_tabs.setTabText(1, self.tr("签字"))
        self.hold_filter_label.setText(self.tr("状态："))
        for index, state in enumerate(HOLD_STATES):
            self.hold_filter.setItemText(
                index,
                self.tr("全部")
                if state is None
                else self.tr("保全中")
                if state == HoldState.PLACED
                else self.tr("已解除"),
            )
        for index, text in enumerate(
            (self.tr("到期档案"), self.tr("鉴定批次"), self.tr("销毁清册"), self.tr("保全"))
        ):
            self.pages.setTabText(index, text)
        for model in (
            self.groups,
            self.due_rows,
            self.batches,
            self.entries,
            self.registers,
            self.register_rows,
            self.signatures,
            self.hold_rows,
        ):
            model.retranslate()
        self._show_counts()
        self._show_due_buttons()
        self._show_batch_heading()
        self._show_register_heading()
        self._show_hold_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
