"""利用统计: the use of the archive for a period (`archivist.use.statistics.use_statistics`)
— 人次, 卷次, 件次, the pages of the originals copied and the requests, in total, by kind
(查阅, 借出, 复制, 电子调阅) and by purpose.

The period is this year unless another is chosen; the figures are read on a worker
thread each time the period changes (the newest read wins). A period that ends before it
starts is refused by the core, said under the dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.use.requests import UseKind
from archivist.use.statistics import UseCount, UseStatistics, use_statistics
from ui import errors
from ui.screen import fit_to_screen
from ui.tasks import TaskContext, TaskRunner
from ui.use.models import kind_text

COUNTS = ("persons", "volumes", "items", "pages", "requests")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _table(name: str) -> QTableWidget:
    table = QTableWidget(0, 1 + len(COUNTS))
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, 1 + len(COUNTS)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


class UseStatsDialog(QDialog):
    """利用统计 for a period (default: this year)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("useStatsDialog")
        self.archive = archive
        self.runner = runner
        self.stats: UseStatistics | None = None
        self.loading = False
        self._generation = 0
        today = dt.date.today()
        self.start = _date_edit("statsStart", start or today.replace(month=1, day=1))
        self.end = _date_edit("statsEnd", end or today.replace(month=12, day=31))
        self.start.dateChanged.connect(lambda _d: self.reload())
        self.end.dateChanged.connect(lambda _d: self.reload())
        self.start_label, self.end_label = QLabel(), QLabel()
        self.refresh = QPushButton()
        self.refresh.setObjectName("statsRefresh")
        self.refresh.clicked.connect(lambda: self.reload())
        self.state = QLabel()
        self.state.setObjectName("statsState")
        bar = QHBoxLayout()
        bar.addWidget(self.start_label)
        bar.addWidget(self.start)
        bar.addWidget(self.end_label)
        bar.addWidget(self.end)
        bar.addWidget(self.refresh)
        bar.addStretch(1)
        self.problem = QLabel()
        self.problem.setObjectName("statsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a11d1d;")
        self.problem.setVisible(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.by_kind = _table("statsByKind")
        self.by_purpose = _table("statsByPurpose")
        self.kind_box, self.purpose_box = QGroupBox(), QGroupBox()
        QVBoxLayout(self.kind_box).addWidget(self.by_kind)
        QVBoxLayout(self.purpose_box).addWidget(self.by_purpose)
        self.by_kind.setMinimumHeight(120)
        self.by_purpose.setMinimumHeight(100)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.state)
        layout.addWidget(self.kind_box, 1)
        layout.addWidget(self.purpose_box, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        fit_to_screen(self, 760, 600)
        self.retranslate()
        self.reload()

    # -- reading -------------------------------------------------------------------------
    def period(self) -> tuple[dt.date, dt.date]:
        return _day(self.start), _day(self.end)

    def reload(self) -> None:
        """The figures of the period chosen, read on a worker thread."""
        self._generation += 1
        generation = self._generation
        self.loading = True
        start, end = self.period()
        self._show_state()

        def work(_ctx: TaskContext) -> UseStatistics:
            return use_statistics(self.archive, start, end)

        def done(stats: Any) -> None:
            if generation != self._generation:
                return
            self.loading = False
            self.problem.setVisible(False)
            self.show_stats(stats if isinstance(stats, UseStatistics) else None)

        def failed(exc: BaseException, details: str) -> None:
            if generation != self._generation:
                return
            self.loading = False
            self.show_stats(None)
            if isinstance(exc, ArchivistError):  # a period ending before it starts…
                self.problem.setText(exc.message())
                self.problem.setVisible(True)
                return
            errors.show_error(self, exc, details)

        self.runner.submit(self.tr("利用统计"), work, on_done=done, on_error=failed, quiet=True)

    def show_stats(self, stats: UseStatistics | None) -> None:
        self.stats = stats
        kinds: list[tuple[str, UseCount]] = []
        purposes: list[tuple[str, UseCount]] = []
        if stats is not None:
            kinds = [(self.tr("合计"), stats.total)]
            kinds += [(kind_text(kind), count) for kind, count in stats.by_kind]
            purposes = [(purpose or self.tr("（未填写）"), c) for purpose, c in stats.by_purpose]
        self._fill(self.by_kind, kinds, bold_first=True)
        self._fill(self.by_purpose, purposes)
        self._show_state()

    def _fill(
        self, table: QTableWidget, rows: list[tuple[str, UseCount]], *, bold_first: bool = False
    ) -> None:
        table.setRowCount(len(rows))
        for row, (label, count) in enumerate(rows):
            values = count.as_dict()
            cells = [label, *(str(values[key]) for key in COUNTS)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                else:
                    cell.setToolTip(text)
                if bold_first and row == 0:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                table.setItem(row, column, cell)

    def _show_state(self) -> None:
        if self.loading:
            self.state.setText(self.tr("统计中…"))
        elif self.stats is None:
            self.state.setText("")
        else:
            self.state.setText(
                self.tr("{start} 至 {end}：利用 {persons} 人次，{requests} 份申请").format(
                    start=self.stats.start.isoformat(),
                    end=self.stats.end.isoformat(),
                    persons=self.stats.total.persons,
                    requests=self.stats.total.requests,
                )
            )

    def kind_row(self, kind: UseKind | str) -> dict[str, int]:
        """The figures of one kind as shown (for the tests and a reader)."""
        for index, found in enumerate(UseKind):
            if found == UseKind(kind):
                return self.row_values(self.by_kind, index + 1)
        return {}

    @staticmethod
    def row_values(table: QTableWidget, row: int) -> dict[str, int]:
        values: dict[str, int] = {}
        for column, key in enumerate(COUNTS, start=1):
            cell = table.item(row, column)
            values[key] = int(cell.text()) if cell is not None else 0
        return values

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("利用统计"))
        self.start_label.setText(self.tr("自"))
        self.end_label.setText(self.tr("至"))
        self.refresh.setText(self.tr("统计"))
        self.kind_box.setTitle(self.tr("按利用方式"))
        self.purpose_box.setTitle(self.tr("按利用目的"))
        headers = [
            self.tr("人次"),
            self.tr("卷次"),
            self.tr("件次"),
            self.tr("页数（复制）"),
            self.tr("申请数"),
        ]
        self.by_kind.setHorizontalHeaderLabels([self.tr("利用方式"), *headers])
        self.by_purpose.setHorizontalHeaderLabels([self.tr("利用目的"), *headers])
        self.note.setText(
            self.tr(
                "同一利用人同一天只计一人次；多日的借出只在借出当天计一次；"
                "复制按原件页数计（同一页复制多份计一次）。"
            )
        )
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("关闭"))
        self.show_stats(self.stats)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def open_use_stats(parent: QWidget, archive: Archive, runner: TaskRunner) -> UseStatsDialog:
    """统计…: the dialog, open (not modal to the window's work)."""
    dialog = UseStatsDialog(archive, runner, parent)
    dialog.open()
    return dialog
