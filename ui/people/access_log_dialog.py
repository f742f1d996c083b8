"""访问日志: who signed in, viewed, searched, printed, exported or revealed what, and
every refusal — for the auditor and the security officer.

Filters by person, item number, dates and kind; newest first. The core reads at most
`LIMIT` events (its query is indexed), on a worker thread, so a log of a million events
never holds up the window; when the limit is reached a note asks for narrower filters.
Reading the log is itself an access event (the core writes it), and anybody else is
refused by the core.
"""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.access.access_review import read_access_log
from archivist.accounts import directory
from archivist.accounts.access_log import AccessEntry, AccessKind
from archivist.accounts.roles import Right
from archivist.archive import Archive
from ui import errors
from ui.screen import fit_to_screen
from ui.tasks import TaskContext, TaskRunner

LIMIT = 2000  # events shown at most; the note asks for narrower filters beyond
NO_DATE = QDate(2000, 1, 1)  # the date fields' "not set" (shown as 不限)


def kind_label(kind: str) -> str:
    """An access kind in the interface language (the core's codes are English)."""
    from PySide6.QtCore import QCoreApplication

    labels = {
        AccessKind.SIGN_IN: QCoreApplication.translate("AccessLog", "登录"),
        AccessKind.SIGN_IN_FAILED: QCoreApplication.translate("AccessLog", "登录失败"),
        AccessKind.LOCKED_OUT: QCoreApplication.translate("AccessLog", "账户锁定"),
        AccessKind.SIGN_OUT: QCoreApplication.translate("AccessLog", "退出"),
        AccessKind.SESSION_REFUSED: QCoreApplication.translate("AccessLog", "会话被拒"),
        AccessKind.REFUSED: QCoreApplication.translate("AccessLog", "越权被拒"),
        AccessKind.VIEW_LIST: QCoreApplication.translate("AccessLog", "浏览列表"),
        AccessKind.VIEW_ITEM: QCoreApplication.translate("AccessLog", "查看条目"),
        AccessKind.SEARCH: QCoreApplication.translate("AccessLog", "检索"),
        AccessKind.PRINT: QCoreApplication.translate("AccessLog", "打印"),
        AccessKind.EXPORT: QCoreApplication.translate("AccessLog", "导出"),
        AccessKind.REVEAL: QCoreApplication.translate("AccessLog", "显示完整身份证号"),
        AccessKind.READ_AUDIT: QCoreApplication.translate("AccessLog", "查阅审计日志"),
        AccessKind.READ_ACCESS_LOG: QCoreApplication.translate("AccessLog", "查阅访问日志"),
        AccessKind.VERIFY: QCoreApplication.translate("AccessLog", "校验"),
    }
    try:
        return labels[AccessKind(kind)]
    except ValueError:
        return kind


def local_time(at: str) -> str:
    """An event's UTC stamp as the local time of this computer."""
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def detail_text(detail: dict[str, object] | None) -> str:
    if not detail:
        return ""
    return ", ".join(
        f"{k}={v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)}"
        for k, v in detail.items()
    )


class AccessLogDialog(QDialog):
    def __init__(
        self, archive: Archive, runner: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accessLogDialog")
        self.archive = archive
        self.runner = runner if runner is not None else TaskRunner(self)
        self.entries: list[AccessEntry] = []
        self.generation = 0
        self.reading = False

        self.user = QComboBox()
        self.user.setObjectName("logUser")
        self.user.setEditable(True)
        self.user.addItem("")
        person = archive.person
        if person and any(person.may(r) for r in (Right.ROLES, Right.AUDIT_READ, Right.ACCOUNTS)):
            try:
                for account in directory.list_accounts(archive):
                    self.user.addItem(account.user_name)
            except Exception:  # the names are a convenience; typing one works as well
                pass
        self.user.setCurrentIndex(0)
        self.item = QLineEdit()
        self.item.setObjectName("logItem")
        self.since = self._date_field("logSince")
        self.until = self._date_field("logUntil")
        self.kind = QComboBox()
        self.kind.setObjectName("logKind")
        self.kind.addItem("", None)
        for kind in AccessKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.search_button = QPushButton()
        self.search_button.setObjectName("logSearch")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.reload)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("logClear")
        self.clear_button.clicked.connect(self.clear_filters)
        self.item.returnPressed.connect(self.reload)
        self.labels = {key: QLabel() for key in ("user", "item", "since", "until", "kind")}
        filters = QGridLayout()
        filters.addWidget(self.labels["user"], 0, 0)
        filters.addWidget(self.user, 0, 1)
        filters.addWidget(self.labels["item"], 0, 2)
        filters.addWidget(self.item, 0, 3)
        filters.addWidget(self.labels["kind"], 0, 4)
        filters.addWidget(self.kind, 0, 5)
        filters.addWidget(self.labels["since"], 1, 0)
        filters.addWidget(self.since, 1, 1)
        filters.addWidget(self.labels["until"], 1, 2)
        filters.addWidget(self.until, 1, 3)
        filters.addWidget(self.search_button, 1, 4)
        filters.addWidget(self.clear_button, 1, 5)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(5, 1)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("accessLogTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((70, 150, 90, 160, 110, 160)):
            self.table.setColumnWidth(column, width)
        self.note = QLabel()
        self.note.setObjectName("accessLogNote")
        self.note.setWordWrap(True)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.close_buttons)
        fit_to_screen(self, 1100, 680)
        self.retranslate()
        self.reload()

    def _date_field(self, name: str) -> QDateEdit:
        field = QDateEdit()
        field.setObjectName(name)
        field.setCalendarPopup(True)
        field.setDisplayFormat("yyyy-MM-dd")
        field.setMinimumDate(NO_DATE)
        field.setDate(NO_DATE)
        return field

    @staticmethod
    def _day(field: QDateEdit, after: int = 0) -> str | None:
        day = field.date()
        if day == NO_DATE:
            return None
        return str(day.addDays(after).toString("yyyy-MM-dd"))

    def clear_filters(self) -> None:
        self.user.setCurrentIndex(0)
        self.user.setEditText("")
        self.item.clear()
        self.kind.setCurrentIndex(0)
        self.since.setDate(NO_DATE)
        self.until.setDate(NO_DATE)
        self.reload()

    # -- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the events the filters ask for, off the UI thread; the newest request wins."""
        self.generation += 1
        generation = self.generation
        archive = self.archive
        user = self.user.currentText().strip() or None
        item = self.item.text().strip() or None
        kind = self.kind.currentData()
        since = self._day(self.since)
        until = self._day(self.until, after=1)  # the core's end is exclusive: the day after
        self.reading = True
        self.note.setText(self.tr("正在读取……"))

        def work(_ctx: TaskContext) -> list[AccessEntry]:
            return read_access_log(
                archive,
                user_name=user,
                item=item,
                since=since,
                until=until,
                kind=str(kind) if kind else None,
                limit=LIMIT,
            )

        def done(entries: object) -> None:
            if generation != self.generation:
                return
            self.reading = False
            self.show_entries(entries if isinstance(entries, list) else [])

        def failed(exc: BaseException, details: str) -> None:
            if generation != self.generation:
                return
            self.reading = False
            self.note.setText("")
            errors.show_error(self, exc, details)

        # reading writes its own access event: on the write thread, in order
        self.runner.submit(
            self.tr("读取访问日志"), work, write=True, on_done=done, on_error=failed, quiet=True
        )

    def show_entries(self, entries: list[AccessEntry]) -> None:
        self.entries = entries
        self.table.setUpdatesEnabled(False)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [
                str(entry.seq),
                local_time(entry.at),
                entry.user_name,
                entry.seat,
                kind_label(entry.kind),
                entry.target,
                detail_text(entry.detail),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 6:
                    cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.table.setUpdatesEnabled(True)
        self.show_note()

    def show_note(self) -> None:
        if self.reading:
            return
        if len(self.entries) >= LIMIT:
            self.note.setText(
                self.tr("只显示最新的 {n} 条；请按人员、条目、日期或类型缩小范围。").format(n=LIMIT)
            )
        elif not self.entries:
            self.note.setText(self.tr("没有符合条件的访问记录"))
        else:
            self.note.setText(self.tr("共 {n} 条，最新的在前").format(n=len(self.entries)))

    # -- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("访问日志"))
        for key, text in (
            ("user", self.tr("人员")),
            ("item", self.tr("条目档号")),
            ("since", self.tr("从")),
            ("until", self.tr("到")),
            ("kind", self.tr("类型")),
        ):
            self.labels[key].setText(text)
        user_edit = self.user.lineEdit()
        if user_edit is not None:
            user_edit.setPlaceholderText(self.tr("全部人员（用户名）"))
        self.item.setPlaceholderText(self.tr("全部条目"))
        self.kind.setItemText(0, self.tr("全部类型"))
        for index in range(1, self.kind.count()):
            self.kind.setItemText(index, kind_label(str(self.kind.itemData(index))))
        for field in (self.since, self.until):
            field.setSpecialValueText(self.tr("不限"))
        self.search_button.setText(self.tr("查询"))
        self.clear_button.setText(self.tr("清除筛选"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("序号"),
                self.tr("时间"),
                self.tr("用户"),
                self.tr("席位"),
                self.tr("类型"),
                self.tr("对象"),
                self.tr("详情"),
            ]
        )
        close = self.close_buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("关闭"))
        if self.entries:
            self.show_entries(self.entries)
        else:
            self.show_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:  # closing: wait for a read still running
        self.generation += 1
        if self.runner.parent() is self:
            self.runner.wait()
        super().done(result)


def open_access_log_dialog(parent: QWidget, archive: Archive) -> None:
    """访问日志, modal over `parent`. It reads on a task runner of its own, which it
    waits for when closed (a read is limited to `LIMIT` events)."""
    dialog = AccessLogDialog(archive, None, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
