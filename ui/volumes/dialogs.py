"""The volumes view's dialogs: filing into volumes (组卷) and the changes that ask a
reason (move, remove, add, title, dissolve)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.access import browse
from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.arrangement.volumes import (
    PlannedVolume,
    VolumeRef,
    VolumeSummary,
)
from archivist.errors import ArchivistError
from ui import errors
from ui.change_dialog import ChangeDialog
from ui.rows_model import RIGHT
from ui.tasks import TaskContext, TaskRunner
from ui.texts import (
    period_text,
    retention_text,
)

# -- filing into volumes (组卷) ------------------------------------------------------------


class VolumeBuildDialog(QDialog):
    """组卷…: year, class, by month/quarter/year, optional catalogue; the plan shows
    live; building runs on the write thread and reports the volumes made."""

    built = Signal(list)  # the volumes made (`VolumeSummary`, as `volumes.build` returns them)

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        classes: list[tuple[str, str]],
        years: list[int],
        *,
        year: int | None = None,
        class_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("volumeBuildDialog")
        self.archive = archive
        self.runner = runner
        self.busy = False
        self.plan: list[PlannedVolume] = []
        self.others: list[VolumeRef] = []  # volumes of another period (the core says)
        self.plan_error = ""
        self.planning = False
        self._generation = 0
        self.klass = QComboBox()
        self.klass.setObjectName("buildClass")
        if not classes:
            classes = [(c["code"], c["name"]) for c in browse.scheme_table(archive)]
        for code, name in classes:
            self.klass.addItem(f"{code} {name}", code)
        if class_code:
            if self.klass.findData(class_code) < 0:
                self.klass.addItem(class_code, class_code)
            self.klass.setCurrentIndex(self.klass.findData(class_code))
        self.year = QSpinBox()
        self.year.setObjectName("buildYear")
        self.year.setRange(1949, dt.date.today().year)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(year or (years[0] if years else dt.date.today().year))
        self.period = QComboBox()
        self.period.setObjectName("buildPeriod")
        for key in volumes.PERIODS:
            self.period.addItem("", key)
        self.catalogue = QLineEdit()
        self.catalogue.setObjectName("buildCatalogue")
        self.catalogue.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9A-Za-z]{0,16}"), self)
        )
        self.rule = QLabel()
        self.rule.setObjectName("buildRule")
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #555;")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addWidget(self.rule, 1)
        for key in ("class", "year", "period", "catalogue"):
            self.labels[key] = QLabel()
        self.form.addRow(self.labels["class"], self.klass)
        self.form.addRow(self.labels["year"], year_row)
        self.form.addRow(self.labels["period"], self.period)
        self.form.addRow(self.labels["catalogue"], self.catalogue)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("buildPlan")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        for column, width in enumerate((130, 80, 56, 64)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setObjectName("buildSummary")
        self.summary.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("buildWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5300;")
        self.warning.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.build)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.resize(1060, 520)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_plan)
        self.klass.currentIndexChanged.connect(lambda _i: self._changed())
        self.year.valueChanged.connect(lambda _v: self._changed())
        self.period.currentIndexChanged.connect(lambda _i: self._changed())
        self.catalogue.textChanged.connect(lambda _t: self._show_plan())
        self.retranslate()
        self.refresh_plan()

    @property
    def build_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def choose(self, year: int, class_code: str, period: str = "month") -> None:
        self.klass.setCurrentIndex(max(0, self.klass.findData(class_code)))
        self.year.setValue(year)
        self.period.setCurrentIndex(max(0, self.period.findData(period)))

    def request(self) -> tuple[int, str, str]:
        return self.year.value(), str(self.klass.currentData()), str(self.period.currentData())

    def _changed(self) -> None:
        self._generation += 1  # a plan asked for before this change is out of date
        self.planning = True
        self._show_plan()
        self._timer.start()

    def refresh_plan(self) -> None:
        """Ask the core what filing would make (a read, on a worker thread)."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        year, klass, period = self.request()
        self.planning = True
        self._show_plan()

        def work(_ctx: TaskContext) -> volumes.VolumePlan:
            return volumes.plan(self.archive, year, klass, period)

        def done(result: Any) -> None:
            if generation == self._generation and isinstance(result, volumes.VolumePlan):
                self.planning = False
                self.plan, self.others = list(result.volumes), list(result.others)
                self.plan_error = ""
                self._show_plan()

        def failed(exc: BaseException, details: str) -> None:
            if generation != self._generation:
                return
            self.planning = False
            self.plan, self.others = [], []
            if isinstance(exc, ArchivistError):
                self.plan_error = exc.message()
                self._show_plan()
            else:
                self.plan_error = ""
                self._show_plan()
                errors.show_error(self, exc, details)

        self.runner.submit(self.tr("组卷预览"), work, on_done=done, on_error=failed, quiet=True)

    def _show_plan(self) -> None:
        self.table.setRowCount(len(self.plan))
        for row, plan in enumerate(self.plan):
            cells = (
                period_text(plan.period_key),
                retention_text(plan.retention),
                str(plan.items),
                self.tr("是") if plan.paged else "",
                plan.title,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column == 2:
                    cell.setTextAlignment(RIGHT)
                self.table.setItem(row, column, cell)
        catalogue = self.catalogue.text().strip().upper() or str(self.klass.currentData())
        if self.planning:
            text = self.tr("正在计算组卷方案…")
        elif self.plan_error:
            text = self.plan_error
        else:
            text = self.tr(
                "将组成 {volumes} 卷，共 {items} 件；案卷号在目录号 {catalogue} 下接续编号，"
                "卷内按办结日期排列，保管期限30年以上的案卷编页号。"
            ).format(
                volumes=len(self.plan),
                items=sum(p.items for p in self.plan),
                catalogue=catalogue,
            )
        self.summary.setText(text)
        warning = self.warning_text() if not self.planning and self.plan else ""
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        self.build_button.setEnabled(bool(self.plan) and not self.planning and not self.busy)

    def warning_text(self) -> str:
        """Volumes of another period already made for the year and class ("" if none)."""
        if not self.others:
            return ""
        year, klass, period = self.request()
        return volumes.mixed_periods_error(year, klass, period, self.others).message()

    def confirm_mixed(self) -> bool:
        """Ask before filing beside volumes of another period."""
        answer = QMessageBox.question(
            self,
            self.tr("组卷"),
            self.tr("{warning}\n\n仍然组卷？").format(warning=self.warning_text()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def build(self) -> None:
        if not self.plan or self.planning or self.busy:
            return
        year, klass, period = self.request()
        catalogue = self.catalogue.text().strip() or None
        mixed_ok = bool(self.others)
        if mixed_ok and not self.confirm_mixed():
            return
        self.busy = True
        self._show_plan()
        self.summary.setText(self.tr("正在组卷…"))

        def work(_ctx: TaskContext) -> list[VolumeSummary]:
            return volumes.build(
                self.archive, year, klass, period, catalogue=catalogue, mixed_ok=mixed_ok
            )

        def done(made: Any) -> None:
            self.busy = False
            self.built.emit(list(made))
            self.accept()

        def failed(exc: BaseException, details: str) -> None:
            self.busy = False
            self._show_plan()
            errors.show_error(self, exc, details)
            self.refresh_plan()

        self.runner.submit(self.tr("组卷"), work, write=True, on_done=done, on_error=failed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("组卷"))
        for key, text in (
            ("class", self.tr("类别")),
            ("year", self.tr("年度")),
            ("period", self.tr("组卷方式")),
            ("catalogue", self.tr("目录号")),
        ):
            self.labels[key].setText(text)
        for index, text in enumerate((self.tr("按月"), self.tr("按季度"), self.tr("按年"))):
            self.period.setItemText(index, text)
        self.rule.setText(self.tr("不能跨年组卷：一卷只收同一年度、同一类别、同一保管期限的档案件"))
        self.catalogue.setPlaceholderText(self.tr("可不填：默认用类别代码"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("期间"),
                self.tr("保管期限"),
                self.tr("件数"),
                self.tr("编页号"),
                self.tr("题名（自动生成，组卷后可修改）"),
            ]
        )
        self.build_button.setText(self.tr("组卷"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("取消"))
        self._show_plan()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# -- changes, each with a reason (audited) --------------------------------------------------


class MoveItemsDialog(ChangeDialog):
    """Move items to another volume (dragged onto it, or chosen here)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        numbers: list[str],
        titles: dict[str, str],
        source: str,
        targets: list[VolumeSummary],
        target: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("moveItemsDialog")
        self.numbers = numbers
        self.source = source
        self.target = QComboBox()
        self.target.setObjectName("moveTarget")
        for volume in targets:
            self.target.addItem(f"{volume.code}　{volume.title}", volume.code)
        if target is not None:
            self.target.setCurrentIndex(max(0, self.target.findData(target)))
        self.setMinimumWidth(680)
        self.target.currentIndexChanged.connect(lambda _i: self.check())
        self._row("from", QLabel(source))
        self._row("to", self.target)
        self._row("items", self._numbers_field(numbers, titles))
        self._row("reason", self.reason)
        self.retranslate()

    def target_code(self) -> str | None:
        data = self.target.currentData()
        return str(data) if data else None

    def problem_text(self) -> str:
        if self.target_code() is None:
            return self.tr("同一年度、同一类别没有其他案卷可以移入")
        return super().problem_text()

    def run(self, reason: str) -> str:
        target = self.target_code()
        assert target is not None
        volumes.move_items(self.archive, self.numbers, target, reason)
        return self.source

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("移到其他案卷"))
        self.heading.setText(
            self.tr(
                "把 {n} 件从案卷 {source} 移到另一案卷；两卷须同年度、同类别、同保管期限，卷内顺序号和页号随之重排。"
            ).format(n=len(self.numbers), source=self.source)
        )
        for key, text in (
            ("from", self.tr("原案卷")),
            ("to", self.tr("移到")),
            ("items", self.tr("档案件")),
        ):
            self.labels[key].setText(text)
        self.retranslate_common()


class RemoveItemsDialog(ChangeDialog):
    """Take items out of their volume: they are unfiled again."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        numbers: list[str],
        titles: dict[str, str],
        volume: VolumeSummary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("removeItemsDialog")
        self.numbers = numbers
        self.code = volume.code
        self._row("volume", QLabel(f"{volume.code}　{volume.title}"))
        self._row("items", self._numbers_field(numbers, titles))
        self._row("reason", self.reason)
        self.retranslate()

    def run(self, reason: str) -> str:
        volumes.remove_items(self.archive, self.code, self.numbers, reason)
        return self.code

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("移出案卷"))
        self.heading.setText(
            self.tr(
                "移出的 {n} 件成为未组卷的件，可再加入同年度、同类别的案卷；本卷的顺序号和页号随之重排。"
            ).format(n=len(self.numbers))
        )
        self.labels["volume"].setText(self.tr("案卷"))
        self.labels["items"].setText(self.tr("档案件"))
        self.retranslate_common()


NUMBER_ROLE = Qt.ItemDataRole.UserRole


class AddItemsDialog(ChangeDialog):
    """Put unfiled items of the volume's year and class into it (ticked in a list;
    items kept for another period cannot go in and are shown greyed)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        volume: VolumeSummary,
        candidates: list[browse.ItemRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("addItemsDialog")
        self.volume = volume
        self.code = volume.code
        self.list = QListWidget()
        self.list.setObjectName("addCandidates")
        self.list.setMinimumHeight(220)
        same = [c for c in candidates if c.retention == volume.retention]
        other = [c for c in candidates if c.retention != volume.retention]
        for row in same + other:
            item = QListWidgetItem(
                f"{row.number}　{row.completed_on}　{row.title}　{retention_text(row.retention)}"
            )
            item.setData(NUMBER_ROLE, row.number)
            if row.retention == volume.retention:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        self.list.itemChanged.connect(lambda _i: self.check())
        self._row("volume", QLabel(f"{volume.code}　{volume.title}"))
        self._row("items", self.list)
        self._row("reason", self.reason)
        self.retranslate()

    def candidates(self) -> list[QListWidgetItem]:
        return [i for i in (self.list.item(r) for r in range(self.list.count())) if i is not None]

    def tick(self, number: str, checked: bool = True) -> None:
        for item in self.candidates():
            if item.data(NUMBER_ROLE) == number:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [
            str(i.data(NUMBER_ROLE))
            for i in self.candidates()
            if i.flags() & Qt.ItemFlag.ItemIsEnabled and i.checkState() == Qt.CheckState.Checked
        ]

    def problem_text(self) -> str:
        if not self.list.count():
            return self.tr("{year}年{klass}类没有未组卷的档案件").format(
                year=self.volume.year, klass=self.volume.class_code
            )
        if not self.chosen():
            return self.tr("请勾选要加入的档案件")
        return super().problem_text()

    def run(self, reason: str) -> str:
        volumes.add_items(self.archive, self.code, self.chosen(), reason)
        return self.code

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("加入案卷"))
        self.heading.setText(
            self.tr(
                "同年度、同类别中未组卷的档案件（保管期限不同的不能加入，显示为灰色）；加入后按办结日期排到卷内相应位置。"
            )
        )
        for item in self.candidates():
            if not item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setToolTip(self.tr("保管期限与本卷不同，不能加入"))
        self.labels["volume"].setText(self.tr("案卷"))
        self.labels["items"].setText(self.tr("档案件"))
        self.retranslate_common()


class VolumeTitleDialog(ChangeDialog):
    """Correct a volume's title (the generated one, or an earlier correction)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        volume: VolumeSummary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("volumeTitleDialog")
        self.code = volume.code
        self.old = volume.title
        self.title = QLineEdit(self.old)
        self.title.setObjectName("volumeTitle")
        self.title.setCursorPosition(0)
        self.title.textChanged.connect(lambda _t: self.check())
        self._row("title", self.title)
        self._row("reason", self.reason)
        self.setMinimumWidth(720)
        self.retranslate()

    def problem_text(self) -> str:
        text = self.title.text().strip()
        if not text:
            return self.tr("题名不能为空")
        if text == self.old:
            return self.tr("尚未修改题名")
        return super().problem_text()

    def run(self, reason: str) -> str:
        volumes.set_title(self.archive, self.code, self.title.text().strip(), reason)
        return self.code

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("修改案卷题名 — {code}").format(code=self.code))
        self.heading.setText(self.tr("案卷 {code}").format(code=self.code))
        self.labels["title"].setText(self.tr("题名"))
        self.retranslate_common()


class VolumeDissolveDialog(ChangeDialog):
    """Dissolve an empty volume (撤销案卷): its case number stays, explained by the
    reason (`archivist.arrangement.volumes.dissolve`)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        volume: VolumeSummary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("volumeDissolveDialog")
        self.code = volume.code
        self.volume_title = volume.title
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self._row("reason", self.reason)
        self.form.addRow(self.note)
        self.retranslate()

    def run(self, reason: str) -> str:
        volumes.dissolve(self.archive, self.code, reason)
        return self.code

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("撤销案卷 — {code}").format(code=self.code))
        self.heading.setText(
            self.tr("案卷 {code}　{title}").format(code=self.code, title=self.volume_title)
        )
        self.note.setText(
            self.tr(
                "撤销后案卷号 {code} 保留不用（不会分给下一次组卷），在案卷列表和案卷目录中标为已撤销，"
                "理由记入备注和审计记录。"
            ).format(code=self.code)
        )
        self.retranslate_common()
        self.save_button.setText(self.tr("撤销案卷"))
