"""The storage view's dialogs: a new location, a new box, shelving, putting into a box
(each saved through the core, with a reason where it changes boxes) and the inventory."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.access import browse
from archivist.archive import Archive
from archivist.custody import boxes, locations
from archivist.custody.boxes import BoxCandidate, BoxSummary
from archivist.custody.inventory import InventoryReport, inventory, read_lines
from archivist.custody.locations import LocationView
from archivist.errors import ArchivistError
from ui import errors
from ui.change_dialog import ChangeDialog, FormDialog
from ui.tasks import TaskContext, TaskRunner
from ui.texts import bold as _bold
from ui.texts import kind_text, retention_text


class _FormDialog(FormDialog):
    """A form saved through the runner (a core call on the write thread); the core's
    refusal is said in the dialog, under the form, and the dialog stays open with what
    was typed (only an internal error comes up in the error dialog)."""

    changed = Signal(str)

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(archive, runner, parent, problem_name="storageProblem")
        self.problem.setVisible(False)
        self.setMinimumWidth(520)

    def refused(self, message: str) -> None:
        """The core's refusal (or "" to clear it), under the form."""
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def run(self) -> str:
        raise NotImplementedError

    def save(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.save_button.setEnabled(False)

        def work(_ctx: TaskContext) -> str:
            return self.run()

        def done(code: object) -> None:
            self.busy = False
            self.changed.emit(str(code))
            self.accept()

        def failed(exc: BaseException, details: str) -> None:
            self.busy = False
            self.save_button.setEnabled(True)
            if isinstance(exc, ArchivistError):
                self.refused(exc.message())
            else:
                errors.show_error(self, exc, details)

        self.refused("")
        self.runner.submit(self.windowTitle(), work, write=True, on_done=done, on_error=failed)


class LocationDialog(_FormDialog):
    """新建位置: 库房, 架, 列, 层 (the core refuses one registered already)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        start: tuple[str, int, int, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("locationDialog")
        self.room = QLineEdit(start[0])
        self.room.setObjectName("locationRoom")
        self.room.setMaxLength(8)
        self.room.textChanged.connect(lambda _t: self.check())
        self.numbers: dict[str, QSpinBox] = {}
        for key, value in zip(("shelf", "column", "layer"), start[1:], strict=True):
            spin = QSpinBox()
            spin.setObjectName(f"location_{key}")
            spin.setRange(1, locations.MAX_PLACE_NUMBER)
            spin.setValue(value)
            spin.valueChanged.connect(lambda _v: self.check())
            self.numbers[key] = spin
        self._row("room", self.room)
        for key in ("shelf", "column", "layer"):
            self._row(key, self.numbers[key])
        self.code = QLabel()
        self.code.setObjectName("locationCode")
        _bold(self.code, 1.0)
        self._row("code", self.code)
        self.retranslate()

    def values(self) -> tuple[str, int, int, int]:
        return (
            self.room.text().strip(),
            self.numbers["shelf"].value(),
            self.numbers["column"].value(),
            self.numbers["layer"].value(),
        )

    def check(self) -> None:
        self.refused("")
        room, shelf, column, layer = self.values()
        try:
            name = locations.normalise_room(room)
        except ArchivistError as exc:
            self.code.setText(exc.message() if room else self.tr("请填写库房号"))
            self.save_button.setEnabled(False)
            return
        code = locations.location_code(name, shelf, column, layer)
        barcode = locations.location_barcode(name, shelf, column, layer)
        self.code.setText(f"{code}　{barcode}")
        self.save_button.setEnabled(not self.busy)

    def run(self) -> str:
        room, shelf, column, layer = self.values()
        return locations.add_location(self.archive, room, shelf, column, layer).code

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("新建位置"))
        self.heading.setText(
            self.tr("库房中的一个位置：库房-架-列-层。库房号只用字母和数字（写入条码）。")
        )
        for key, text in (
            ("room", self.tr("库房")),
            ("shelf", self.tr("架")),
            ("column", self.tr("列")),
            ("layer", self.tr("层")),
            ("code", self.tr("位置代码")),
        ):
            self.labels[key].setText(text)
        self.retranslate_buttons()
        self.check()


class BoxDialog(_FormDialog):
    """新建档案盒: year, class, retention period and what it holds; the core gives
    the next box number of the year and class."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        *,
        year: int | None = None,
        class_code: str | None = None,
        retention: str | None = None,
        kind: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("boxDialog")
        self.scheme = browse.scheme_table(archive)
        self.year = QSpinBox()
        self.year.setObjectName("boxYear")
        self.year.setRange(1949, dt.date.today().year)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(year or dt.date.today().year)
        self.klass = QComboBox()
        self.klass.setObjectName("boxClass")
        for row in self.scheme:
            self.klass.addItem(f"{row['code']} {row['name']}", row["code"])
        if class_code:
            self.klass.setCurrentIndex(max(0, self.klass.findData(class_code)))
        self.retention = QComboBox()
        self.retention.setObjectName("boxRetention")
        self.kind = QComboBox()
        self.kind.setObjectName("boxKind")
        for key in boxes.KINDS:
            self.kind.addItem("", key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind or "items")))
        self.klass.currentIndexChanged.connect(lambda _i: self._fill_retentions())
        self._fill_retentions(retention)
        self._row("year", self.year)
        self._row("class", self.klass)
        self._row("retention", self.retention)
        self._row("kind", self.kind)
        self.retranslate()

    def _fill_retentions(self, wanted: str | None = None) -> None:
        """The retention periods of the class's business types, longest first."""
        wanted = wanted or self.retention.currentData()
        code = self.klass.currentData()
        row = next((r for r in self.scheme if r["code"] == code), None)
        found = {str(b["retention"]) for b in (row or {}).get("business_types", [])}
        if row is not None and row.get("default_retention"):
            found.add(str(row["default_retention"]))

        def order(value: str) -> tuple[int, str]:
            if value == "Y":
                return (0, value)
            years = value[1:]
            return (1, f"{999 - int(years):04d}") if years.isdigit() else (2, value)

        self.retention.clear()
        for value in sorted(found or {"Y", "D30", "D10"}, key=order):
            self.retention.addItem(retention_text(value), value)
        if wanted and self.retention.findData(wanted) < 0:
            self.retention.addItem(retention_text(str(wanted)), wanted)
        index = self.retention.findData(wanted) if wanted else 0
        self.retention.setCurrentIndex(max(0, index))

    def choose(self, year: int, class_code: str, retention: str, kind: str = "items") -> None:
        self.year.setValue(year)
        self.klass.setCurrentIndex(max(0, self.klass.findData(class_code)))
        self._fill_retentions(retention)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def run(self) -> str:
        box = boxes.create_box(
            self.archive,
            self.year.value(),
            str(self.klass.currentData()),
            str(self.retention.currentData()),
            str(self.kind.currentData()),
        )
        return box.code

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("新建档案盒"))
        self.heading.setText(
            self.tr(
                "不同年度、不同类别、不同保管期限的档案不能装入同一盒；盒号按年度、类别连续编号。"
            )
        )
        for key, text in (
            ("year", self.tr("年度")),
            ("class", self.tr("类别")),
            ("retention", self.tr("保管期限")),
            ("kind", self.tr("装入")),
        ):
            self.labels[key].setText(text)
        for index in range(self.kind.count()):
            self.kind.setItemText(index, kind_text(str(self.kind.itemData(index))))
        for index in range(self.retention.count()):
            self.retention.setItemText(index, retention_text(str(self.retention.itemData(index))))
        self.retranslate_buttons()


class _StorageChangeDialog(ChangeDialog):
    """A change with a reason whose refusal by the core is said on the dialog's problem
    line (the dialog stays open with what was typed) instead of in the error dialog."""

    refusal_in_place = True


class ShelveDialog(_StorageChangeDialog):
    """上架/移架: the boxes chosen go to one location, with a reason (audited)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        codes: list[str],
        locations: list[LocationView],
        place: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("shelveDialog")
        self.codes = codes
        self.place = QComboBox()
        self.place.setObjectName("shelvePlace")
        for location in locations:
            self.place.addItem(f"{location.code}　{location.barcode}", location.code)
        if place:
            self.place.setCurrentIndex(max(0, self.place.findData(place)))
        self.place.currentIndexChanged.connect(lambda _i: self.changed_input())
        shown = codes[:8] + (
            [self.tr("……共 {n} 盒").format(n=len(codes))] if len(codes) > 8 else []
        )
        boxes = QLabel("\n".join(shown))
        boxes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._row("boxes", boxes)
        self._row("place", self.place)
        self._row("reason", self.reason)
        self.retranslate()

    def choose(self, code: str) -> None:
        self.place.setCurrentIndex(max(0, self.place.findData(code)))

    def problem_text(self) -> str:
        if not self.place.count():
            return self.tr("还没有位置：先点“新建位置…”")
        return super().problem_text()

    def run(self, reason: str) -> str:
        place = str(self.place.currentData())
        boxes.shelve_boxes(self.archive, self.codes, place, reason)  # one change
        return place

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("上架/移架"))
        self.heading.setText(
            self.tr("把 {n} 个档案盒放到所选位置；原来在架上的盒即移到新位置。").format(
                n=len(self.codes)
            )
        )
        self.labels["boxes"].setText(self.tr("档案盒"))
        self.labels["place"].setText(self.tr("位置"))
        self.retranslate_common()


CODE_ROLE = Qt.ItemDataRole.UserRole


class PutDialog(_StorageChangeDialog):
    """装盒: unboxed volumes (a volume box) or items (an item box) of the box's year,
    class and retention, ticked in a list."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        box: BoxSummary,
        candidates: list[BoxCandidate],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("putDialog")
        self.box = box
        self.code = box.code
        self.list = QListWidget()
        self.list.setObjectName("putCandidates")
        self.list.setMinimumHeight(240)
        for candidate in candidates:
            item = QListWidgetItem(f"{candidate.code}　{candidate.title}")
            item.setData(CODE_ROLE, candidate.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(lambda _i: self.changed_input())
        self._row("box", QLabel(self.code))
        self._row("items", self.list)
        self._row("reason", self.reason)
        self.setMinimumWidth(680)
        self.retranslate()

    def candidates(self) -> list[QListWidgetItem]:
        return [i for i in (self.list.item(r) for r in range(self.list.count())) if i is not None]

    def tick(self, code: str, checked: bool = True) -> None:
        for item in self.candidates():
            if item.data(CODE_ROLE) == code:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [
            str(i.data(CODE_ROLE))
            for i in self.candidates()
            if i.checkState() == Qt.CheckState.Checked
        ]

    def problem_text(self) -> str:
        if not self.list.count():
            return self.tr("没有可装入本盒的未装盒档案（同年度、同类别、同保管期限）")
        if not self.chosen():
            return self.tr("请勾选要装入的档案")
        return super().problem_text()

    def run(self, reason: str) -> str:
        if self.box.kind == "volumes":
            boxes.put(self.archive, self.code, volumes=self.chosen(), reason=reason)
        else:
            boxes.put(self.archive, self.code, items=self.chosen(), reason=reason)
        return self.code

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("装盒"))
        volumes_box = self.box.kind == "volumes"
        self.heading.setText(
            self.tr("{year}年　{klass}类　保管期限 {retention}：未装盒的{what}").format(
                year=self.box.year,
                klass=self.box.class_code,
                retention=retention_text(self.box.retention),
                what=self.tr("案卷") if volumes_box else self.tr("档案件（不在案卷中的）"),
            )
        )
        self.labels["box"].setText(self.tr("档案盒"))
        self.labels["items"].setText(self.tr("案卷") if volumes_box else self.tr("档案件"))
        self.retranslate_common()


# -- inventory (盘点) -------------------------------------------------------------------------


class InventoryDialog(QDialog):
    """盘点: the barcodes read at the shelves (typed, pasted or loaded from a file; one
    a line, `@库房-架-列-层` sections as the core reads them) against the register.
    The run is on the write thread (the core audits it); the result can be saved as text."""

    finished_run = Signal()

    def __init__(
        self, archive: Archive, runner: TaskRunner, place: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inventoryDialog")
        self.archive = archive
        self.runner = runner
        self.busy = False
        self.report: InventoryReport | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.scans = QPlainTextEdit()
        self.scans.setObjectName("inventoryScans")
        self.scans.textChanged.connect(self._check)
        self.scope_label = QLabel()
        self.scope = QLineEdit(place)
        self.scope.setObjectName("inventoryScope")
        self.load_button = QPushButton()
        self.load_button.setObjectName("inventoryLoad")
        self.load_button.clicked.connect(lambda: self.load_file())
        self.run_button = QPushButton()
        self.run_button.setObjectName("inventoryRun")
        self.run_button.clicked.connect(self.run)
        self.export_button = QPushButton()
        self.export_button.setObjectName("inventoryExport")
        self.export_button.clicked.connect(lambda: self.export_text())
        self.summary = QLabel()
        self.summary.setObjectName("inventorySummary")
        self.summary.setWordWrap(True)
        _bold(self.summary, 1.0)
        self.result_tree = QTreeWidget()
        self.result_tree.setObjectName("inventoryResult")
        self.result_tree.setHeaderHidden(True)
        self.result_tree.setColumnCount(1)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.scope_label)
        row.addWidget(self.scope, 1)
        row.addWidget(self.load_button)
        row.addWidget(self.run_button)
        left = QWidget()
        llayout = QVBoxLayout(left)
        llayout.setContentsMargins(0, 0, 0, 0)
        llayout.addWidget(self.scans, 1)
        llayout.addLayout(row)
        right = QWidget()
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(0, 0, 0, 0)
        rlayout.addWidget(self.summary)
        rlayout.addWidget(self.result_tree, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setSizes([420, 640])
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.resize(1100, 620)
        self.retranslate()

    def _check(self) -> None:
        self.run_button.setEnabled(bool(self.scans.toPlainText().strip()) and not self.busy)
        self.export_button.setEnabled(self.report is not None)

    def load_file(self, path: Path | None = None) -> None:
        """Put a scan file's lines in the text (UTF-8, else GB18030, as the core reads)."""
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("载入扫描文件"),
                str(Path.home()),
                self.tr("文本文件 (*.txt *.csv);;所有文件 (*)"),
            )
            if not name:
                return
            path = Path(name)
        try:
            lines, _name = read_lines(path)
        except ArchivistError as exc:
            errors.show_error(self, exc)
            return
        self.scans.setPlainText("\n".join(lines))

    def run(self) -> None:
        text = self.scans.toPlainText()
        if not text.strip() or self.busy:
            return
        scope = self.scope.text().strip() or None
        self.busy = True
        self._check()
        self.summary.setText(self.tr("正在盘点…"))

        def work(_ctx: TaskContext) -> InventoryReport:
            return inventory(self.archive, text, location=scope)

        def done(report: Any) -> None:
            self.busy = False
            assert isinstance(report, InventoryReport)
            self.report = report
            self._show_report()
            self._check()
            self.finished_run.emit()

        def failed(exc: BaseException, details: str) -> None:
            self.busy = False
            self.summary.setText("")
            self._check()
            errors.show_error(self, exc, details)

        self.runner.submit(self.tr("盘点"), work, write=True, on_done=done, on_error=failed)

    def sections(self) -> list[tuple[str, list[str]]]:
        """The differences: (heading, lines) for missing, misplaced, unexpected, read twice,
        and the boxes out on loan (not read, not missing)."""
        report = self.report
        missing = [
            self.tr("{box}　应在 {location}，未扫到").format(box=m.box, location=m.location or "—")
            for m in (report.missing if report else ())
        ]
        misplaced = [
            self.tr("{box}　登记在 {registered}，扫描于 {at}（第 {line} 行）").format(
                box=m.box,
                registered=m.registered or self.tr("未上架"),
                at=m.scanned_at or self.tr("未注明位置"),
                line=m.line,
            )
            for m in (report.misplaced if report else ())
        ]
        unexpected = [u.message for u in (report.unexpected if report else ())]
        duplicates = list(report.duplicates if report else ())
        lent = [
            self.tr("{box}　借出 {request}，{borrower}，应还 {due}").format(
                box=b.box, request=b.request, borrower=b.borrower, due=b.due_on or "—"
            )
            for b in (report.on_loan if report else ())
        ]
        return [
            (self.tr("缺失（登记在架，未扫到）：{n}").format(n=len(missing)), missing),
            (self.tr("错位（扫到的位置与登记不符）：{n}").format(n=len(misplaced)), misplaced),
            (self.tr("无法识别（不是档案盒条码）：{n}").format(n=len(unexpected)), unexpected),
            (self.tr("重复扫描：{n}").format(n=len(duplicates)), duplicates),
            (self.tr("借出（未在架，不是缺失）：{n}").format(n=len(lent)), lent),
        ]

    def summary_text(self) -> str:
        report = self.report
        if report is None:
            return ""
        scope = self.tr("全部库房") if report.whole else "、".join(report.scope)
        verdict = self.tr("账物相符") if report.consistent else self.tr("账物不符")
        return self.tr("{verdict}：扫描 {scanned} 条，相符 {matched} 盒；范围：{scope}").format(
            verdict=verdict, scanned=report.scanned, matched=report.matched, scope=scope
        )

    def _show_report(self) -> None:
        self.result_tree.clear()
        if self.report is None:
            self.summary.setText("")
            return
        self.summary.setText(self.summary_text())
        self.summary.setStyleSheet("" if self.report.consistent else "color: #a11d1d;")
        for heading, lines in self.sections():
            node = QTreeWidgetItem([heading])
            for line in lines:
                child = QTreeWidgetItem([line])
                child.setToolTip(0, line)
                node.addChild(child)
            self.result_tree.addTopLevelItem(node)
            node.setExpanded(bool(lines))

    def report_text(self) -> str:
        lines = [self.tr("盘点结果"), self.summary_text(), ""]
        for heading, entries in self.sections():
            lines.append(heading)
            lines.extend(f"  {entry}" for entry in entries)
            lines.append("")
        return "\n".join(lines)

    def export_text(self, path: Path | None = None) -> None:
        if self.report is None:
            return
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("导出盘点结果"),
                str(Path.home() / self.tr("盘点结果.txt")),
                self.tr("文本文件 (*.txt)"),
            )
            if not name:
                return
            path = Path(name)
        try:
            path.write_text(self.report_text(), encoding="utf-8")
        except OSError as exc:
            errors.show_error(self, exc)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("盘点"))
        self.heading.setText(
            self.tr(
                "扫描枪读到的盒脊条码，一行一个；“@1库-03架-2列-4层”或位置条码 LOC-1-03-2-4 "
                "一行，表示以下各行在该位置扫到。范围可不填：默认为文中出现的位置，都没有时为全部库房。"
            )
        )
        self.scans.setPlaceholderText(
            "@1库-03架-2列-4层\nJ023-2023-SY-D10-B0001\nJ023-2023-SY-D10-B0002"
        )
        self.scope_label.setText(self.tr("范围"))
        self.scope.setPlaceholderText(self.tr("如 1库 或 1库-03架（可不填）"))
        self.load_button.setText(self.tr("载入文件…"))
        self.run_button.setText(self.tr("盘点"))
        self.export_button.setText(self.tr("导出结果…"))
        close = self.close_buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("关闭"))
        if self.report is not None:
            self._show_report()
        self._check()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
