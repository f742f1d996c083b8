"""The use view (利用): requests to consult, borrow, copy or view records on screen
(`archivist.use.requests`), their approval and the loans (`archivist.use.lending`).

- 申请 tab: the requests with a status filter, newest first; a loan past its due date is
  red. The request chosen shows its borrower, purpose, decisions, what it covers (each
  with its loan state and the condition it came back in) and its history.
- 新建申请…: kind, borrower, purpose, period and what — prefilled from the item, volume
  or box chosen in the window;
- 批准 / 拒绝…: disabled, saying why, for the requester (the core refuses them anyway:
  use.own_request) and for those without the right to approve;
- 借出… (due date, condition), 归还… (which, condition 完好/损坏/丢失, note), 续借…
  (days and reason, an approver), 办结… (the effect of use), 复制… (the copy dialog),
  调阅… (an approved electronic view: one of its items, within its period, shown in the
  items view's page viewer), 一人一档… (the person file), 统计… (the statistics of use
  for a period: ui/use/stats_dialog.py);
- 逾期 tab: the loans past due as of a date; 催还通知… writes the overdue notice of the
  loan chosen (.docx) and opens it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Sequence
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
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archivist.accounts.rights import permits
from archivist.accounts.roles import Right, holders_of
from archivist.archive import Archive
from archivist.changes.states import LoanEntryState, LoanState
from archivist.use import requests
from archivist.use.requests import RequestView, UseKind
from ui import errors
from ui.changes_hub import ChangesHub
from ui.files import open_file
from ui.people.labels import roles_text
from ui.rows_model import table_look
from ui.tasks import LatestRead, TaskContext, TaskRunner
from ui.texts import bold
from ui.use.dialogs import (
    CloseDialog,
    ExtendDialog,
    LendDialog,
    NewRequestDialog,
    RefuseDialog,
    ReturnDialog,
)
from ui.use.models import (
    USE_TABLES,
    OverdueModel,
    RequestListModel,
    UseTargetsModel,
    borrower_kind_text,
    borrower_text,
    condition_text,
    day_text,
    is_overdue,
    kind_text,
    status_text,
    target_kind_text,
)

STATUSES = (
    None,
    LoanState.REQUESTED,
    LoanState.APPROVED,
    LoanState.OUT,
    LoanState.RETURNED,
    LoanState.CLOSED,
    LoanState.REFUSED,
)
BUTTONS = ("approve", "refuse", "lend", "return", "extend", "close", "copy", "view")

# the modules of the copy dialog and the person file (other parts of the window)
COPY_MODULE = "ui.use.copy_dialog"
PERSON_MODULE = "ui.use.person_view"

Selection = tuple[list[str], list[str], list[str]]  # items, volumes, boxes


def _function(module: str, name: str) -> Callable[..., Any] | None:
    """A function of a window module that may not be there (yet)."""
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
    return found if callable(found) else None


class UseView(QWidget):
    message = Signal(str)  # a sentence for the status bar
    changed = Signal()
    item_opened = Signal(str)  # an item to show in the items view
    pages_opened = Signal(str, int)  # an item's pages (from this page) in the page viewer
    SHOWS = USE_TABLES
    TOUCHES = USE_TABLES
    hub: ChangesHub | None = None

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        selection: Callable[[], Selection] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("useView")
        self.archive = archive
        self.runner = runner
        self.selection = selection  # what is chosen in the window (a new request's)
        self.loading = False
        self.overdue_loading = False
        self._stale = True
        self._generation = 0
        self._read = LatestRead(self.runner, lambda e, d: errors.show_error(self, e, d))
        self._wanted: str | None = None
        self.current: RequestView | None = None
        self.dialog: QDialog | None = None
        self.tips: dict[str, str] = {}

        # -- the requests -------------------------------------------------------------
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("useStatusFilter")
        for status in STATUSES:
            self.status_filter.addItem("", status.value if status else "")
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.count_label = QLabel()
        self.new_button = QPushButton()
        self.new_button.setObjectName("useNew")
        self.new_button.clicked.connect(lambda: self.new_request())
        self.person_button = QPushButton()
        self.person_button.setObjectName("usePersonFile")
        self.person_button.clicked.connect(lambda: self.open_person_file())
        self.stats_button = QPushButton()
        self.stats_button.setObjectName("useStats")
        self.stats_button.clicked.connect(lambda: self.open_stats())
        bar = QHBoxLayout()
        self.filter_label = QLabel()
        bar.addWidget(self.filter_label)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.stats_button)
        bar.addWidget(self.person_button)
        bar.addWidget(self.new_button)

        self.model = RequestListModel(self)
        self.table = QTableView()
        self.table.setObjectName("useTable")
        self.table.setModel(self.model)
        table_look(self.table, interactive=True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in enumerate((120, 72, 180, 220, 72, 96, 96, 96)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._request_chosen)

        self.heading = QLabel()
        self.heading.setObjectName("useHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold(self.heading)
        self.facts = QLabel()
        self.facts.setObjectName("useFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, slot in (
            ("approve", self.approve),
            ("refuse", self.refuse),
            ("lend", self.lend),
            ("return", self.return_targets),
            ("extend", self.extend),
            ("close", self.close_request),
            ("copy", self.copy),
            ("view", self.view_item),
        ):
            button = QPushButton()
            button.setObjectName(f"use_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.targets = UseTargetsModel(self)
        self.target_table = QTableView()
        self.target_table.setObjectName("useTargets")
        self.target_table.setModel(self.targets)
        table_look(self.target_table, interactive=True)
        for column, width in enumerate((64, 170, 72, 96, 72)):
            self.target_table.setColumnWidth(column, width)
        self.target_table.horizontalHeader().setStretchLastSection(True)
        self.target_table.doubleClicked.connect(self._target_opened)
        self.history = QPlainTextEdit()
        self.history.setObjectName("useHistory")
        self.history.setReadOnly(True)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(self.target_table, "")
        self.detail_tabs.addTab(self.history, "")

        top = QWidget()
        tlayout = QVBoxLayout(top)
        tlayout.setContentsMargins(0, 0, 0, 0)
        tlayout.addLayout(bar)
        tlayout.addWidget(self.table, 1)
        bottom = QWidget()
        blayout = QVBoxLayout(bottom)
        blayout.setContentsMargins(0, 4, 0, 0)
        blayout.addWidget(self.heading)
        blayout.addWidget(self.facts)
        blayout.addLayout(actions)
        blayout.addWidget(self.detail_tabs, 1)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(bottom)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)

        # -- the overdue loans -------------------------------------------------------------
        today = dt.date.today()
        self.as_of = QDateEdit(QDate(today.year, today.month, today.day))
        self.as_of.setObjectName("overdueAsOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.dateChanged.connect(lambda _d: self.reload_overdue())
        self.as_of_label = QLabel()
        self.which = QComboBox()  # overdue, or falling due within a week (the reminders)
        self.which.setObjectName("overdueWhich")
        self.which.addItems(["", ""])
        self.which.currentIndexChanged.connect(lambda _i: self.reload_overdue())
        self.overdue_count = QLabel()
        self.notice_button = QPushButton()
        self.notice_button.setObjectName("overdueNotice")
        self.notice_button.clicked.connect(lambda: self.write_notice())
        self.show_button = QPushButton()
        self.show_button.setObjectName("overdueShow")
        self.show_button.clicked.connect(self._show_overdue_request)
        obar = QHBoxLayout()
        obar.addWidget(self.which)
        obar.addWidget(self.as_of_label)
        obar.addWidget(self.as_of)
        obar.addWidget(self.overdue_count)
        obar.addStretch(1)
        obar.addWidget(self.show_button)
        obar.addWidget(self.notice_button)
        self.overdue = OverdueModel(self)
        self.overdue_table = QTableView()
        self.overdue_table.setObjectName("overdueTable")
        self.overdue_table.setModel(self.overdue)
        table_look(self.overdue_table, interactive=True)
        self.overdue_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in enumerate((120, 100, 160, 110, 96, 96, 72)):
            self.overdue_table.setColumnWidth(column, width)
        self.overdue_table.horizontalHeader().setStretchLastSection(True)
        self.overdue_table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._show_overdue_buttons()
        )
        self.overdue_table.doubleClicked.connect(lambda _i: self.write_notice())
        overdue_page = QWidget()
        olayout = QVBoxLayout(overdue_page)
        olayout.setContentsMargins(0, 0, 0, 0)
        olayout.addLayout(obar)
        olayout.addWidget(self.overdue_table, 1)

        self.pages = QTabWidget()
        self.pages.setObjectName("usePages")
        self.pages.addTab(self.split, "")
        self.pages.addTab(overdue_page, "")
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        self.retranslate()

    # -- loading -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def follow_changes(self, hub: ChangesHub) -> None:
        self.hub = hub
        hub.follow(self, self.SHOWS, self.reload)

    def status_chosen(self) -> str | None:
        value = self.status_filter.currentData()
        return str(value) if value else None

    def set_status_filter(self, status: LoanState | None) -> None:
        self.status_filter.setCurrentIndex(STATUSES.index(status))

    def reload(self, select: str | None = None) -> None:
        """Read the requests again (on a worker thread), keeping or choosing one."""
        if select:
            self._wanted = select
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        self.loading = True
        self._show_count()
        status = self.status_chosen()

        def work(_ctx: TaskContext) -> list[RequestView]:
            return requests.list_requests(self.archive, status=status)

        def done(rows: Any) -> None:
            if generation == self._generation:
                self.loading = False
                self._set_rows(list(rows))

        def failed(exc: BaseException, details: str) -> None:
            if generation == self._generation:
                self.loading = False
                self._show_count()
                errors.show_error(self, exc, details)

        self.runner.submit(self.tr("读取利用申请"), work, on_done=done, on_error=failed, quiet=True)
        if self.pages.currentIndex() == 1:
            self.reload_overdue()
        else:
            self.overdue_stale = True  # read when its tab is shown

    def _set_rows(self, rows: list[RequestView]) -> None:
        wanted, self._wanted = self._wanted, None
        keep = wanted or (self.current.number if self.current else None)
        self.model.set_rows(rows)
        self._show_count()
        row = self.model.row_of(keep) if keep else None
        if row is None and rows:
            row = 0  # the newest
        if row is None:
            self._show_request(None)
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        chosen = self.model.request(row)
        self._show_request(chosen)  # the list's view is current: no second read

    def _show_count(self) -> None:
        if self.loading:
            self.count_label.setText(self.tr("读取中…"))
            return
        late = sum(1 for r in self.model.rows if is_overdue(r))
        text = self.tr("{n} 份申请").format(n=self.model.rowCount())
        if late:
            text += self.tr("，{n} 份逾期未还").format(n=late)
        self.count_label.setText(text)

    def _request_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_request(self.model.request(current.row()) if current.isValid() else None)

    def select_request(self, number: str) -> None:
        """Show one request (the filter cleared if it hides it)."""
        row = self.model.row_of(number)
        if row is None:
            if self.status_chosen() is not None:
                self.status_filter.blockSignals(True)
                self.set_status_filter(None)
                self.status_filter.blockSignals(False)
            self.pages.setCurrentIndex(0)
            self.reload(select=number)
            return
        self.pages.setCurrentIndex(0)
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _show_request(self, view: RequestView | None) -> None:
        self.current = view
        self.targets.set_rows(list(view.targets) if view else [])
        self.history.setPlainText(self.history_text(view) if view else "")
        self._show_heading()

    # -- what the person may do --------------------------------------------------------
    def _refusal(self, right: Right) -> str:
        person = self.archive.person
        return self.tr("您的角色（{roles}）不能做这件事；需要：{holders}").format(
            roles=roles_text(person.roles) if person else self.tr("未登录"),
            holders=roles_text(holders_of(right)),
        )

    def why_not(self, key: str, view: RequestView | None) -> str:
        """Why a command is not offered for the request chosen ("" when it is)."""
        if view is None:
            return self.tr("未选申请")
        person = self.archive.person
        status, kind = view.status, view.kind
        if key in ("approve", "refuse"):
            if status != LoanState.REQUESTED:
                return self.tr("申请已处理（{status}）").format(status=status_text(status))
            if not permits(person, Right.APPROVE_USE):
                return self._refusal(Right.APPROVE_USE)
            if person is not None and person.user_name in (
                view.requested_by,
                view.borrower_account,
            ):
                return self.tr("申请人、借阅人不能审批自己的申请，须由他人审批")
            return ""
        if key == "lend":
            if kind != UseKind.LEND:
                return self.tr("只有借出申请才登记借出")
            if status != LoanState.APPROVED:
                return self.tr("须经批准才能借出（现为：{status}）").format(
                    status=status_text(status)
                )
            return "" if permits(person, Right.LEND) else self._refusal(Right.LEND)
        if key == "return":
            out = any(t.state == LoanEntryState.OUT for t in view.targets)
            if kind != UseKind.LEND or status != LoanState.OUT or not out:
                return self.tr("没有借出未还的档案")
            return "" if permits(person, Right.LEND) else self._refusal(Right.LEND)
        if key == "extend":
            if kind != UseKind.LEND or status != LoanState.OUT:
                return self.tr("只有借出未还的才能续借")
            if not permits(person, Right.APPROVE_USE):
                return self._refusal(Right.APPROVE_USE)
            if person is not None and person.user_name in (
                view.requested_by,
                view.borrower_account,
            ):
                return self.tr("续借须由申请人、借阅人以外的审批人批准")
            return ""
        if key == "close":
            if kind == UseKind.LEND:
                return self.tr("借出的档案归还后自动办结")
            if status not in (LoanState.APPROVED, LoanState.OUT):
                return self.tr("须经批准才能办结（现为：{status}）").format(
                    status=status_text(status)
                )
            return "" if permits(person, Right.LEND) else self._refusal(Right.LEND)
        if key == "copy":
            if kind != UseKind.COPY:
                return self.tr("只有复制申请才能复制")
            if status not in (LoanState.APPROVED, LoanState.OUT):
                return self.tr("须经批准才能复制（现为：{status}）").format(
                    status=status_text(status)
                )
            if _function(COPY_MODULE, "open_copy_dialog") is None:
                return self.tr("复制功能尚未安装")
            return "" if permits(person, Right.LEND) else self._refusal(Right.LEND)
        if key == "view":
            if kind != UseKind.VIEW:
                return self.tr("只有电子调阅申请才能调阅")
            if status not in (LoanState.APPROVED, LoanState.OUT):
                return self.tr("须经批准才能调阅（现为：{status}）").format(
                    status=status_text(status)
                )
            return "" if permits(person, Right.READ) else self._refusal(Right.READ)
        return ""

    def _show_heading(self) -> None:
        view = self.current
        self.new_button.setEnabled(permits(self.archive.person, Right.USE_REQUEST))
        self.new_button.setToolTip(
            "" if self.new_button.isEnabled() else self._refusal(Right.USE_REQUEST)
        )
        person_file = _function(PERSON_MODULE, "open_person_file") is not None
        self.person_button.setEnabled(person_file)
        for key, button in self.buttons.items():
            why = self.why_not(key, view)
            button.setEnabled(not why)
            button.setToolTip(why or self.tips.get(key, ""))
        if view is None:
            self.heading.setText(
                self.tr("没有利用申请：点“新建申请…”登记查阅、借出、复制或电子调阅")
                if not self.model.rowCount() and not self.loading
                else self.tr("未选申请")
            )
            self.facts.setText("")
            return
        late = is_overdue(view)
        self.heading.setText(
            self.tr("{number}　{kind}　{status}").format(
                number=view.number,
                kind=kind_text(view.kind),
                status=status_text(view.status) + (self.tr("（逾期）") if late else ""),
            )
        )
        self.heading.setStyleSheet("color: #a11d1d;" if late else "")
        lines = [
            self.tr("利用人：{name}（{kind}）{ident}　电话 {phone}").format(
                name=borrower_text(view),
                kind=borrower_kind_text(view.borrower_kind),
                ident=view.borrower_id_number or view.borrower_account or "",
                phone=view.borrower_phone or "—",
            ),
            self.tr("目的：{purpose}　期限 {days} 天").format(purpose=view.purpose, days=view.days),
        ]
        if view.lent_on:
            lines.append(
                self.tr("借出 {lent}　应还 {due}").format(
                    lent=day_text(view.lent_on), due=day_text(view.due_on)
                )
            )
        elif view.valid_until:
            lines.append(self.tr("有效期至 {day}").format(day=day_text(view.valid_until)))
        if view.refusal:
            lines.append(self.tr("拒绝理由：{reason}").format(reason=view.refusal))
        if view.effect:
            lines.append(self.tr("利用效果：{effect}").format(effect=view.effect))
        self.facts.setText("\n".join(lines))

    def history_text(self, view: RequestView) -> str:
        """What happened to the request, in order."""
        lines = [
            self.tr("{at}　{who} 提出申请").format(
                at=view.created_at[:19].replace("T", " "), who=view.requested_by
            )
        ]
        if view.decided_at:
            decided = (
                self.tr("{at}　{who} 拒绝：{reason}")
                if view.status == LoanState.REFUSED
                else self.tr("{at}　{who} 批准")
            )
            lines.append(
                decided.format(
                    at=view.decided_at[:19].replace("T", " "),
                    who=view.decided_by or "",
                    reason=view.refusal,
                )
            )
        if view.lent_on:
            lines.append(
                self.tr("{day}　借出，应还 {due}").format(
                    day=day_text(view.lent_on), due=day_text(view.due_on)
                )
            )
        for days, old, new, why, by in view.extensions:
            lines.append(
                self.tr("续借 {days} 天：{old} → {new}，{who} 批准，理由：{why}").format(
                    days=days, old=day_text(old), new=day_text(new), who=by, why=why
                )
            )
        for target in view.targets:
            if target.returned_on:
                lines.append(
                    self.tr("{day}　归还 {kind} {code}（{condition}）").format(
                        day=day_text(target.returned_on),
                        kind=target_kind_text(target.kind),
                        code=target.code,
                        condition=condition_text(target.condition),
                    )
                )
        if view.closed_at:
            lines.append(self.tr("{at}　办结").format(at=view.closed_at[:19].replace("T", " ")))
        return "\n".join(lines)

    # -- commands ------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        dialog.open()
        self.dialog = dialog

    def _done(self, number: str, text: str) -> None:
        self.reload(select=number)
        if self.hub is not None:
            self.hub.announce(self.TOUCHES, source=self)
        self.changed.emit()
        self.message.emit(text)

    def _dialog(self, dialog: Any, text: str) -> None:
        dialog.done_with.connect(lambda number: self._done(number, text.format(number=number)))
        self._open(dialog)

    def new_request(
        self,
        items: Sequence[str] | None = None,
        volumes: Sequence[str] = (),
        boxes: Sequence[str] = (),
    ) -> NewRequestDialog:
        """新建申请…: what is chosen in the window, unless given."""
        if items is None:
            items, volumes, boxes = self.selection() if self.selection else ([], [], [])
        dialog = NewRequestDialog(
            self.archive, self.runner, self, items=items, volumes=volumes, boxes=boxes
        )
        self._dialog(dialog, self.tr("已提交利用申请 {number}"))
        return dialog

    def approve(self) -> None:
        """批准 (on the write thread); the core's refusal in the error dialog."""
        view = self.current
        if view is None or self.why_not("approve", view):
            return
        number = view.number

        def work(_ctx: TaskContext) -> RequestView:
            return requests.approve(self.archive, number)

        self.runner.submit(
            self.tr("批准 {number}").format(number=number),
            work,
            write=True,
            on_done=lambda _v: self._done(number, self.tr("已批准 {number}").format(number=number)),
            on_error=lambda e, d: errors.show_error(self, e, d),
        )

    def _with_view(self, make: Callable[[RequestView], Any], text: str, key: str) -> None:
        view = self.current
        if view is None or self.why_not(key, view):
            return
        self._dialog(make(view), text)

    def refuse(self) -> None:
        self._with_view(
            lambda v: RefuseDialog(self.archive, self.runner, v, self),
            self.tr("已拒绝 {number}"),
            "refuse",
        )

    def lend(self) -> None:
        self._with_view(
            lambda v: LendDialog(self.archive, self.runner, v, self),
            self.tr("{number} 已借出"),
            "lend",
        )

    def return_targets(self) -> None:
        self._with_view(
            lambda v: ReturnDialog(self.archive, self.runner, v, self),
            self.tr("{number} 已登记归还"),
            "return",
        )

    def extend(self) -> None:
        self._with_view(
            lambda v: ExtendDialog(self.archive, self.runner, v, self),
            self.tr("{number} 已续借"),
            "extend",
        )

    def close_request(self) -> None:
        self._with_view(
            lambda v: CloseDialog(self.archive, self.runner, v, self),
            self.tr("{number} 已办结"),
            "close",
        )

    def copy(self) -> None:
        """复制…: the copy dialog (its own part of the window)."""
        view = self.current
        opener = _function(COPY_MODULE, "open_copy_dialog")
        if view is None or opener is None or self.why_not("copy", view):
            return
        made = opener(self, self.archive, view.number)
        if isinstance(made, QDialog):
            self.dialog = made

    def view_item(self, *, on: dt.date | None = None) -> None:
        """调阅…: one item of the approved electronic view chosen (asked which when it
        covers several), shown through the core's `view_item` — refused, in the core's
        words, outside the approved period — then its pages in the page viewer."""
        view = self.current
        if view is None or self.why_not("view", view):
            return
        number = view.number
        from archivist.use import copies

        def chosen(found: Any) -> None:
            numbers = [str(n) for n in found]
            if len(numbers) > 1:
                picked, ok = QInputDialog.getItem(
                    self,
                    self.tr("电子调阅"),
                    self.tr("申请 {number} 包括 {n} 件档案，选择要调阅的一件：").format(
                        number=number, n=len(numbers)
                    ),
                    numbers,
                    0,
                    False,
                )
                if not ok or not picked:
                    return
                numbers = [str(picked)]
            if numbers:
                show(numbers[0])
            else:
                self.message.emit(
                    self.tr("申请 {number} 中没有可调阅的档案件").format(number=number)
                )

        def show(item: str) -> None:
            def work(_ctx: TaskContext) -> Any:
                return copies.view_item(self.archive, number, item, on=on)

            self.runner.submit(
                self.tr("调阅 {item}").format(item=item),
                work,
                write=True,  # an access event with the request
                on_done=shown,
                on_error=lambda e, d: errors.show_error(self, e, d),
            )

        def shown(screen: Any) -> None:
            self.pages_opened.emit(str(screen.item_number), 1)
            self.message.emit(
                self.tr("电子调阅 {item}（申请 {number}，有效期至 {day}）").format(
                    item=screen.item_number, number=number, day=day_text(screen.valid_until)
                )
            )

        self.runner.submit(
            self.tr("读取 {number} 的档案").format(number=number),
            lambda _ctx: copies.view_items(self.archive, number),
            on_done=chosen,
            on_error=lambda e, d: errors.show_error(self, e, d),
            quiet=True,
        )

    def open_person_file(self, query: str = "") -> None:
        """一人一档…: the person file (by name, ID number or unit code; its own search
        box when no query is given); an item of it opens in the items view."""
        opener = _function(PERSON_MODULE, "open_person_file")
        if opener is None:
            return
        made = opener(self, self.archive, query.strip(), self.item_opened.emit)
        if isinstance(made, QDialog):
            self.dialog = made

    def open_stats(self) -> QDialog:
        """统计…: the use of a period (this year unless chosen), by kind and purpose."""
        from ui.use.stats_dialog import open_use_stats

        dialog = open_use_stats(self, self.archive, self.runner)
        self.dialog = dialog
        return dialog

    def _target_opened(self, index: QModelIndex) -> None:
        target = self.targets.row(index.row()) if index.isValid() else None
        if target is not None and target.kind == "item":
            self.item_opened.emit(target.code)

    # -- the overdue loans ------------------------------------------------------------------
    overdue_stale = True
    _overdue_generation = 0

    def _page_changed(self, index: int) -> None:
        if index == 1 and self.overdue_stale:
            self.reload_overdue()

    def as_of_date(self) -> dt.date:
        value = self.as_of.date()
        return dt.date(value.year(), value.month(), value.day())

    def reload_overdue(self) -> None:
        """The loans past due as of the date chosen (on a worker thread)."""
        self.overdue_stale = False
        self.overdue_loading = True
        self._overdue_generation += 1
        generation = self._overdue_generation  # the newest read wins
        self._show_overdue_count()
        day = self.as_of_date()
        soon = self.which.currentIndex() == 1

        def work(_ctx: TaskContext) -> list[Any]:
            from archivist.use import lending

            if soon:
                return list(lending.due_soon(self.archive, day))
            return list(lending.overdue(self.archive, day))

        def done(rows: Any) -> None:
            if generation != self._overdue_generation:
                return
            self.overdue_loading = False
            self.overdue.set_rows(list(rows))
            if rows:
                self.overdue_table.selectRow(0)
            self._show_overdue_count()

        def failed(exc: BaseException, details: str) -> None:
            if generation != self._overdue_generation:
                return
            self.overdue_loading = False
            self._show_overdue_count()
            errors.show_error(self, exc, details)

        self.runner.submit(self.tr("读取逾期清单"), work, on_done=done, on_error=failed, quiet=True)

    def _show_overdue_count(self) -> None:
        if self.overdue_loading:
            self.overdue_count.setText(self.tr("读取中…"))
        else:
            text = (
                self.tr("{n} 笔 7 天内到期")
                if self.which.currentIndex() == 1
                else self.tr("{n} 笔逾期未还")
            )
            self.overdue_count.setText(text.format(n=self.overdue.rowCount()))
        self._show_overdue_buttons()

    def overdue_chosen(self) -> Any:
        index = self.overdue_table.selectionModel().currentIndex()
        return self.overdue.row(index.row()) if index.isValid() else None

    def _show_overdue_buttons(self) -> None:
        loan = self.overdue_chosen()
        chosen = loan is not None
        from archivist.registers import LAYOUTS

        ready = "overdue-notice" in LAYOUTS
        late = chosen and int(loan.days_overdue) > 0
        self.notice_button.setEnabled(late and ready)
        if not ready:
            tip = self.tr("催还通知尚未安装")
        elif chosen and not late:
            tip = self.tr("尚未逾期，不发催还通知")
        else:
            tip = self.tr("生成所选借阅的催还通知（.docx）并打开")
        self.notice_button.setToolTip(tip)
        self.show_button.setEnabled(chosen)

    def _show_overdue_request(self) -> None:
        loan = self.overdue_chosen()
        if loan is not None:
            self.select_request(str(loan.number))

    def write_notice(self, out: Path | None = None) -> None:
        """催还通知…: the overdue notice of the loan chosen, saved where the person says
        (.docx) through the registers, then opened."""
        loan = self.overdue_chosen()
        if loan is None:
            return
        number = str(loan.number)
        if out is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("保存催还通知"),
                str(Path.home() / f"催还通知-{number}.docx"),
                self.tr("Word 文档 (*.docx)"),
            )
            if not chosen:
                return
            out = Path(chosen)
        if out.suffix.lower() != ".docx":
            out = out.with_name(out.name + ".docx")
        target, day = out, self.as_of_date()

        def work(_ctx: TaskContext) -> Path:
            return write_overdue_notice(self.archive, number, target, day)

        def done(path: Any) -> None:
            self.last_notice = Path(path)
            self.message.emit(self.tr("已生成催还通知：{file}").format(file=path))
            open_file(path)

        self.runner.submit(
            self.tr("生成催还通知 {number}").format(number=number),
            work,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
        )

    last_notice: Path | None = None

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("状态："))
        for index, status in enumerate(STATUSES):
            self.status_filter.setItemText(
                index, status_text(status) if status else self.tr("全部")
            )
        self.new_button.setText(self.tr("新建申请…"))
        self.person_button.setText(self.tr("一人一档…"))
        self.stats_button.setText(self.tr("统计…"))
        self.stats_button.setToolTip(
            self.tr("一段时间内的利用人次、卷次、件次和复制页数，按利用方式和利用目的")
        )
        self.person_button.setToolTip(
            self.tr("按姓名、身份证号或单位代码查一个人（单位）的全部档案")
        )
        for key, text in (
            ("approve", self.tr("批准")),
            ("refuse", self.tr("拒绝…")),
            ("lend", self.tr("借出…")),
            ("return", self.tr("归还…")),
            ("extend", self.tr("续借…")),
            ("close", self.tr("办结…")),
            ("copy", self.tr("复制…")),
            ("view", self.tr("调阅…")),
        ):
            self.buttons[key].setText(text)
        self.tips = {
            "approve": self.tr("批准这份申请（记入审计记录）"),
            "refuse": self.tr("拒绝这份申请，须填写理由"),
            "lend": self.tr("登记借出：应还日期、借出时状况"),
            "return": self.tr("登记归还：可部分归还，填写状况（完好/损坏/丢失）"),
            "extend": self.tr("延长应还日期（须由审批人批准）"),
            "close": self.tr("查阅、复制、电子调阅完毕，登记利用效果"),
            "copy": self.tr("按所选页生成带水印的复制件"),
            "view": self.tr("在有效期内于屏幕上调阅申请中的档案（记入访问日志）"),
        }
        self.detail_tabs.setTabText(0, self.tr("申请的档案"))
        self.detail_tabs.setTabText(1, self.tr("办理经过"))
        self.pages.setTabText(0, self.tr("利用申请"))
        self.pages.setTabText(1, self.tr("逾期未还"))
        self.as_of_label.setText(self.tr("截至："))
        self.which.setItemText(0, self.tr("逾期未还"))
        self.which.setItemText(1, self.tr("7 天内到期（催还提醒）"))
        self.notice_button.setText(self.tr("催还通知…"))
        self.show_button.setText(self.tr("查看申请"))
        self.model.retranslate()
        self.targets.retranslate()
        self.overdue.retranslate()
        self._show_count()
        self._show_overdue_count()
        if self.current is not None:
            self.history.setPlainText(self.history_text(self.current))
        self._show_heading()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def write_overdue_notice(
    archive: Archive, number: str, out: Path, as_of: dt.date | None = None
) -> Path:
    """The 催还通知 of one loan through the registers (as `register overdue-notice`)."""
    from archivist.registers import forms

    selection = forms.Selection(request=number, as_of=as_of)
    result = forms.generate(archive, "overdue-notice", out, selection)
    return Path(str(result["file"]))
