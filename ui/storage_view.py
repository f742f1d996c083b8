"""The storage view (库房): the shelf locations as a tree (库房 → 架 → 列 → 层, with
their box counts), the boxes at the place chosen, and what the box chosen holds.

- 新建位置…, 新建档案盒…: a place on the shelves, an empty box (the core gives the
  next box number of the year and class);
- 上架/移架…: the boxes chosen go to a location; 装盒…: unboxed volumes or items of
  the box's year, class and retention go in (both with a reason, audited);
- 打印盒脊标签…: spine labels (.docx) of the boxes chosen, else of those shown;
- 查找位置: an item number, archival code, volume code or box code gives its chain
  库房-架-列-层-盒 and selects the box;
- 盘点…: the barcodes read at the shelves against the register (账物相符).

Every read and change goes through the core on worker threads (`ui.tasks`); the core
decides what may go where and its refusal is shown in the error dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.access import browse
from archivist.archive import Archive
from archivist.custody import boxes, locations, where
from archivist.custody.boxes import BoxCandidate, BoxSummary, BoxView
from archivist.custody.inventory import InventoryReport, inventory, read_lines
from archivist.custody.locations import LocationView
from archivist.custody.where import Whereabouts
from archivist.errors import ArchivistError
from archivist.registers import forms
from ui import errors
from ui.change_dialog import ChangeDialog
from ui.changes_hub import STORAGE_TABLES, VOLUME_TABLES, ChangesHub
from ui.rows_model import RIGHT, Column, RowsModel
from ui.tasks import TaskContext, TaskRunner
from ui.texts import bold as _bold
from ui.texts import retention_text

KEY_ROLE = Qt.ItemDataRole.UserRole
ALL = ""  # the tree's node for every box
UNSHELVED = "-"  # the tree's node for boxes not on a shelf yet


def heading_text(heading: str) -> str:
    """起止件号 / 案卷号 (the core's range heading) in the interface language."""
    if heading == "案卷号":
        return QCoreApplication.translate("StorageView", "案卷号")
    return QCoreApplication.translate("StorageView", "起止件号")


def count_text(count: int, kind: str) -> str:
    if kind == "volumes":
        return QCoreApplication.translate("StorageView", "{n} 卷").format(n=count)
    return QCoreApplication.translate("StorageView", "{n} 件").format(n=count)


def kind_text(kind: str) -> str:
    if kind == "volumes":
        return QCoreApplication.translate("StorageView", "按卷（装案卷）")
    return QCoreApplication.translate("StorageView", "按件（装档案件）")


def within(location: str | None, key: str) -> bool:
    """Is a box at `location` under the tree node `key`? (A place: the core says.)"""
    if key == ALL:
        return True
    if key == UNSHELVED:
        return location is None
    return locations.place_covers(key, location)


# -- the box list ---------------------------------------------------------------------------

BOX_COLUMNS: list[Column] = [
    Column("number", QT_TRANSLATE_NOOP("BoxListModel", "盒号"), lambda b: f"{b.number:04d}", True),
    Column("code", QT_TRANSLATE_NOOP("BoxListModel", "条码"), lambda b: b.code),
    Column("year", QT_TRANSLATE_NOOP("BoxListModel", "年度"), lambda b: str(b.year)),
    Column("class", QT_TRANSLATE_NOOP("BoxListModel", "类别"), lambda b: b.class_code),
    Column(
        "retention",
        QT_TRANSLATE_NOOP("BoxListModel", "保管期限"),
        lambda b: retention_text(b.retention),
    ),
    Column(
        "range",
        QT_TRANSLATE_NOOP("BoxListModel", "内容（起止件号/案卷号）"),
        lambda b: f"{heading_text(b.range_heading)} {b.range}" if b.range else "",
    ),
    Column(
        "count",
        QT_TRANSLATE_NOOP("BoxListModel", "数量"),
        lambda b: count_text(b.count, b.kind),
        True,
    ),
    Column("location", QT_TRANSLATE_NOOP("BoxListModel", "位置"), lambda b: b.location or ""),
]


class BoxListModel(RowsModel):
    """Boxes as `custody.list_boxes` gives them."""

    columns = BOX_COLUMNS
    rows: list[BoxSummary]

    def key_of(self, row: Any) -> str:
        return str(row.code)

    def box(self, row: int) -> BoxSummary | None:
        found: BoxSummary | None = self.row(row)
        return found

    def display(self, row: Any, column: Column) -> str:
        if column.key == "location" and not row.location:
            return self.tr("未上架")
        return super().display(row, column)


# -- the view -------------------------------------------------------------------------------


class StorageView(QWidget):
    message = Signal(str)  # a sentence for the status bar
    changed = Signal()  # boxes or locations changed
    # what it shows (boxes hold items and volumes) and what its changes touch
    SHOWS = STORAGE_TABLES | VOLUME_TABLES | {"items"}
    TOUCHES = STORAGE_TABLES
    hub: ChangesHub | None = None

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storageView")
        self.archive = archive
        self.runner = runner
        self.loading = False
        self.finding = False
        self._stale = True
        self._generation = 0
        self._box_generation = 0
        self.locations: list[LocationView] = []
        self.boxes: list[BoxSummary] = []  # every box; the list shows those at the node
        self.current_key = ALL
        self.current_box: BoxSummary | None = None  # the box chosen (a BoxView once read)
        self._wanted_key: str | None = None
        self._wanted_boxes: list[str] = []
        self.found: Whereabouts | None = None
        self.nodes: dict[str, QTreeWidgetItem] = {}
        self.dialog: QDialog | None = None
        self.inventory_dialog: InventoryDialog | None = None
        self.last_export: Path | None = None

        # -- commands ------------------------------------------------------------------
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, slot in (
            ("location", self.new_location),
            ("box", self.new_box),
            ("shelve", self.shelve_boxes),
            ("put", self.put_into_box),
            ("labels", lambda: self.export_spine_labels()),
            ("inventory", self.open_inventory),
        ):
            button = QPushButton()
            button.setObjectName(f"storage_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
            if key in ("box", "put", "labels"):
                bar.addSpacing(10)
        bar.addStretch(1)
        # 打印盒脊标签…: the boxes chosen, or every box of a year
        self.labels_menu = QMenu(self.buttons["labels"])
        self.labels_menu.setObjectName("spineLabelsMenu")
        self.labels_menu.aboutToShow.connect(self._fill_labels_menu)
        self.buttons["labels"].setMenu(self.labels_menu)

        # -- find ----------------------------------------------------------------------
        self.find_label = QLabel()
        self.find_field = QLineEdit()
        self.find_field.setObjectName("storageFind")
        self.find_field.setClearButtonEnabled(True)
        self.find_field.setMinimumWidth(320)
        self.find_field.returnPressed.connect(lambda: self.find_code())
        self.find_button = QPushButton()
        self.find_button.setObjectName("storageFindButton")
        self.find_button.clicked.connect(lambda: self.find_code())
        self.found_label = QLabel()
        self.found_label.setObjectName("storageFound")
        self.found_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long chain wraps instead of widening the main window beyond the screen
        self.found_label.setWordWrap(True)
        self.found_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        find_row = QHBoxLayout()
        find_row.addWidget(self.find_label)
        find_row.addWidget(self.find_field)
        find_row.addWidget(self.find_button)
        find_row.addSpacing(8)
        find_row.addWidget(self.found_label, 1)

        # -- the tree of places -------------------------------------------------------
        self.tree = QTreeWidget()
        self.tree.setObjectName("storageTree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._node_chosen)

        # -- boxes at the place ---------------------------------------------------------
        self.place_label = QLabel()
        self.place_label.setObjectName("storagePlace")
        _bold(self.place_label, 1.05)
        self.count_label = QLabel()
        self.model = BoxListModel(self)
        self.table = QTableView()
        self.table.setObjectName("boxTable")
        self.table.setModel(self.model)
        self._table_look(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for column, width in enumerate((56, 230, 56, 56, 76, 200, 72, 160)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(self._box_chosen)

        # -- what the box holds -------------------------------------------------------------
        self.box_heading = QLabel()
        self.box_heading.setObjectName("boxHeading")
        self.box_heading.setWordWrap(True)
        self.box_heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _bold(self.box_heading)
        self.box_facts = QLabel()
        self.box_facts.setObjectName("boxFacts")
        self.box_facts.setWordWrap(True)
        self.contents = QTableWidget(0, 0)
        self.contents.setObjectName("boxContents")
        self._table_look(self.contents)

        top = QWidget()
        tlayout = QVBoxLayout(top)
        tlayout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.place_label)
        head.addStretch(1)
        head.addWidget(self.count_label)
        tlayout.addLayout(head)
        tlayout.addWidget(self.table, 1)
        bottom = QWidget()
        blayout = QVBoxLayout(bottom)
        blayout.setContentsMargins(0, 4, 0, 0)
        blayout.addWidget(self.box_heading)
        blayout.addWidget(self.box_facts)
        blayout.addWidget(self.contents, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(top)
        right.addWidget(bottom)
        right.setChildrenCollapsible(False)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.tree)
        self.split.addWidget(right)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([280, 1000])
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addLayout(find_row)
        layout.addWidget(self.split, 1)
        self.retranslate()

    def _table_look(self, table: QTableView) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)

    # -- loading -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self, key: str | None = None, select: Sequence[str] = ()) -> None:
        """Read the locations and boxes again (on a worker thread), then show the node
        `key` (else the one shown) and select the boxes `select`; a hidden view only
        notes that it must read them when shown."""
        if key is not None:
            self._wanted_key = key
        if select:
            self._wanted_boxes = list(select)
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        self.loading = True
        self._show_count()

        def work(_ctx: TaskContext) -> tuple[list[LocationView], list[BoxSummary]]:
            return locations.list_locations(self.archive), boxes.list_boxes(self.archive)

        def done(result: Any) -> None:
            if generation != self._generation:
                return
            self.loading = False
            self.locations, self.boxes = result
            wanted, self._wanted_key = self._wanted_key, None
            self._fill_tree(wanted if wanted is not None else self.current_key)

        def failed(exc: BaseException, details: str) -> None:
            if generation == self._generation:
                self.loading = False
                self._show_count()
                errors.show_error(self, exc, details)

        self.runner.submit(self.tr("读取库房"), work, on_done=done, on_error=failed, quiet=True)

    def _fill_tree(self, key: str) -> None:
        """The tree: every box, the boxes not shelved, then 库房 → 架 → 列 → 层."""
        counts: dict[str, int] = {}
        for box in self.boxes:
            if box.location is None:
                counts[UNSHELVED] = counts.get(UNSHELVED, 0) + 1
        nodes: dict[str, QTreeWidgetItem] = {}
        self.tree.blockSignals(True)
        self.tree.clear()
        everything = QTreeWidgetItem([self.tr("全部档案盒"), str(len(self.boxes))])
        everything.setData(0, KEY_ROLE, ALL)
        unshelved = QTreeWidgetItem([self.tr("未上架"), str(counts.get(UNSHELVED, 0))])
        unshelved.setData(0, KEY_ROLE, UNSHELVED)
        self.tree.addTopLevelItem(everything)
        self.tree.addTopLevelItem(unshelved)
        nodes[ALL], nodes[UNSHELVED] = everything, unshelved
        for location in self.locations:
            boxes = len(location.boxes)
            parent: QTreeWidgetItem | None = None
            for level in location.place.levels:  # 1库, 1库-03架, 1库-03架-2列, …-4层
                node_key = level.key
                node = nodes.get(node_key)
                if node is None:
                    node = QTreeWidgetItem([self._node_text(level), "0"])
                    node.setData(0, KEY_ROLE, node_key)
                    node.setData(1, KEY_ROLE, 0)
                    node.setToolTip(0, node_key)
                    if parent is None:
                        self.tree.addTopLevelItem(node)
                    else:
                        parent.addChild(node)
                    nodes[node_key] = node
                total = int(node.data(1, KEY_ROLE)) + boxes
                node.setData(1, KEY_ROLE, total)
                node.setText(1, str(total))
                parent = node
        for node in nodes.values():
            node.setTextAlignment(1, RIGHT)
        self.nodes = nodes
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            if top is not None and top.data(0, KEY_ROLE) not in (ALL, UNSHELVED):
                top.setExpanded(True)
        chosen = nodes.get(key) or everything
        parent = chosen.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.tree.setCurrentItem(chosen)
        self.tree.scrollToItem(chosen)
        self.tree.blockSignals(False)
        self._show_node(str(chosen.data(0, KEY_ROLE)))

    def _node_text(self, level: locations.PlaceLevel) -> str:
        """One level of a location (1库, 03架, 2列, 4层) in the interface language."""
        texts = (self.tr("{n}库"), self.tr("{n}架"), self.tr("{n}列"), self.tr("{n}层"))
        return texts[level.depth].format(n=level.number)

    def _node_chosen(self, current: QTreeWidgetItem | None, _previous: Any) -> None:
        if current is not None:
            self._show_node(str(current.data(0, KEY_ROLE)))

    def _show_node(self, key: str) -> None:
        """The boxes under the node, keeping (or selecting) the boxes wanted."""
        self.current_key = key
        wanted, self._wanted_boxes = self._wanted_boxes, []
        keep = wanted or ([self.current_box.code] if self.current_box else [])
        self.model.set_rows([b for b in self.boxes if within(b.location, key)])
        self._show_place()
        self._show_count()
        found = [r for r in (self.model.row_of(c) for c in keep) if r is not None]
        if not found and self.model.rows:
            found = [0]
        if not found:
            self._show_box(None)
            return
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # the box is read once, below
        selection.setCurrentIndex(
            self.model.index(found[0], 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        for row in found[1:]:
            selection.select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        selection.blockSignals(False)
        self.table.viewport().update()
        self.table.scrollTo(self.model.index(found[0], 0))
        self._show_box(self.model.rows[found[0]].code)

    def _show_place(self) -> None:
        if self.current_key == ALL:
            self.place_label.setText(self.tr("全部档案盒"))
        elif self.current_key == UNSHELVED:
            self.place_label.setText(self.tr("未上架的档案盒"))
        else:
            self.place_label.setText(self.current_key)

    def _show_count(self) -> None:
        if self.loading:
            self.count_label.setText(self.tr("读取中…"))
        else:
            self.count_label.setText(self.tr("{n} 盒").format(n=self.model.rowCount()))

    def _box_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        box = self.model.box(current.row()) if current.isValid() else None
        self._show_box(box.code if box else None)

    def _show_box(self, code: str | None) -> None:
        """Read what the box holds (on a worker thread) and show it."""
        self._box_generation += 1
        generation = self._box_generation
        if code is None:
            self.current_box = None
            self._show_contents()
            return
        self.current_box = next((b for b in self.boxes if b.code == code), None)

        def work(_ctx: TaskContext) -> BoxView:
            return boxes.show_box(self.archive, code)

        def done(view: Any) -> None:
            if generation == self._box_generation and isinstance(view, BoxView):
                self.current_box = view
                self._show_contents()

        def failed(exc: BaseException, details: str) -> None:
            if generation == self._box_generation:
                errors.show_error(self, exc, details)

        self.runner.submit(self.tr("读取档案盒"), work, on_done=done, on_error=failed, quiet=True)

    def _show_contents(self) -> None:
        box = self.current_box
        self.buttons["put"].setEnabled(box is not None)
        self.buttons["shelve"].setEnabled(box is not None)
        if box is None:
            self.box_heading.setText(
                self.tr("没有档案盒：点“新建档案盒…”")
                if not self.boxes and not self.loading
                else self.tr("未选档案盒")
            )
            self.box_facts.setText("")
            self.contents.setRowCount(0)
            self.contents.setColumnCount(0)
            return
        self.box_heading.setText(
            self.tr("第 {number} 盒　{code}").format(number=f"{box.number:04d}", code=box.code)
        )
        place = box.chain if box.location else self.tr("未上架")
        self.box_facts.setText(
            self.tr(
                "{year}年　{klass}类　保管期限 {retention}　{kind}　{count}　位置：{place}"
            ).format(
                year=box.year,
                klass=box.class_code,
                retention=retention_text(box.retention),
                kind=kind_text(box.kind),
                count=count_text(box.count, box.kind),
                place=place,
            )
        )
        held = box if isinstance(box, BoxView) else None  # what it holds, once read
        if box.kind == "volumes":
            headers = [self.tr("案卷号"), self.tr("档号"), self.tr("案卷题名"), self.tr("件数")]
            rows = [
                [f"{v.case_no:03d}", v.code, v.title, str(v.items)]
                for v in (held.volumes if held else ())
            ]
            widths: tuple[int, ...] = (64, 150, 0, 56)
        else:
            headers = [
                self.tr("盒内顺序"),
                self.tr("件号"),
                self.tr("档号"),
                self.tr("题名"),
                self.tr("日期"),
            ]
            rows = [
                [str(i.seq), i.number, i.archival_code, i.title, i.completed_on]
                for i in (held.items if held else ())
            ]
            widths = (72, 140, 190, 0, 100)
        self.contents.clear()
        self.contents.setColumnCount(len(headers))
        self.contents.setHorizontalHeaderLabels(headers)
        self.contents.setRowCount(len(rows))
        stretch = widths.index(0)
        for column, width in enumerate(widths):
            if width:
                self.contents.setColumnWidth(column, width)
        header = self.contents.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(headers)):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == stretch
                else QHeaderView.ResizeMode.Interactive,
            )
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(str(text))
                cell.setToolTip(str(text))
                self.contents.setItem(row, column, cell)

    # -- choosing ------------------------------------------------------------------------
    def selected_codes(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [b.code for b in (self.model.box(r) for r in rows) if b is not None]

    def select_box(self, code: str, location: str | None) -> None:
        """Show a box at its place in the tree (read again when it is not listed)."""
        key = location or UNSHELVED
        if any(b.code == code for b in self.boxes) and key in self.nodes:
            self._wanted_boxes = [code]
            node = self.nodes[key]
            if self.tree.currentItem() is node:
                self._show_node(key)
            else:
                self.tree.setCurrentItem(node)
            return
        self.reload(key=key, select=[code])

    # -- finding -------------------------------------------------------------------------
    def find_code(self, text: str | None = None) -> None:
        """查找位置: where an item, volume or box is (custody.where), its box selected."""
        code = (text if text is not None else self.find_field.text()).strip()
        if text is not None:
            self.find_field.setText(code)
        if not code:
            return
        self.finding = True

        def work(_ctx: TaskContext) -> Whereabouts:
            return where.where(self.archive, code)

        def done(found: Any) -> None:
            self.finding = False
            assert isinstance(found, Whereabouts)
            self.found = found
            self._show_found()
            if found.box:
                self.select_box(found.box, found.location)
            elif found.kind == "location" and found.location:
                self.reload(key=found.location)

        def failed(exc: BaseException, details: str) -> None:
            self.finding = False
            self.found = None
            if isinstance(exc, ArchivistError):
                self.found_label.setStyleSheet("color: #a11d1d;")
                self.found_label.setText(exc.message())
            else:
                errors.show_error(self, exc, details)

        self.runner.submit(self.tr("查找位置"), work, on_done=done, on_error=failed, quiet=True)

    def _show_found(self) -> None:
        found = self.found
        if found is None:
            return
        self.found_label.setStyleSheet("")
        what = {
            "item": self.tr("档案件 {code}").format(code=found.item),
            "volume": self.tr("案卷 {code}").format(code=found.volume),
            "box": self.tr("档案盒 {code}").format(code=found.box),
            "location": self.tr("位置 {code}").format(code=found.location),
        }.get(found.kind, found.code)
        if found.kind == "item" and found.volume:
            what += self.tr("（在案卷 {volume}）").format(volume=found.volume)
        status = found.status
        if status == where.WhereStatus.LOCATION:
            place = self.tr("{n} 盒").format(n=len(found.boxes))
        elif status == where.WhereStatus.UNBOXED:
            place = self.tr("未装盒")
        elif status == where.WhereStatus.BOXED:
            place = self.tr("{chain}（盒 {box} 未上架）").format(chain=found.chain, box=found.box)
        else:
            place = f"{found.chain}　{found.box}"
        self.found_label.setText(f"{what}：{place}")

    # -- commands ------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        dialog.open()
        self.dialog = dialog

    def follow_changes(self, hub: ChangesHub) -> None:
        """Hear from the window's hub when what this view shows was changed elsewhere
        (volumes built or changed, a refresh); say there what this view changes."""
        self.hub = hub
        hub.follow(self, self.SHOWS, self.reload)

    def _changed(self, key: str | None, boxes: Sequence[str], text: str) -> None:
        self.reload(key=key, select=boxes)
        if self.hub is not None:
            self.hub.announce(self.TOUCHES, source=self)
        self.changed.emit()
        self.message.emit(text)

    def _chosen_place(self) -> locations.Place | None:
        """The place of the tree node chosen (a room, shelf, column or layer), if any."""
        if self.current_key in (ALL, UNSHELVED):
            return None
        return locations.parse_place(self.current_key)

    def _place_parts(self) -> tuple[str, int, int, int]:
        """The room, shelf, column and layer of the node chosen (1s below it)."""
        chosen = self._chosen_place() or locations.Place("1")
        whole = chosen.filled(1)
        assert whole.shelf is not None and whole.column is not None and whole.layer is not None
        return whole.room, whole.shelf, whole.column, whole.layer

    def new_location(self) -> None:
        dialog = LocationDialog(self.archive, self.runner, self._place_parts(), self)
        dialog.changed.connect(
            lambda code: self._changed(code, [], self.tr("已新建位置 {code}").format(code=code))
        )
        self._open(dialog)

    def new_box(self) -> None:
        box = self.current_box
        dialog = BoxDialog(
            self.archive,
            self.runner,
            year=box.year if box else None,
            class_code=box.class_code if box else None,
            retention=box.retention if box else None,
            kind=box.kind if box else None,
            parent=self,
        )
        dialog.changed.connect(
            lambda code: self._changed(
                UNSHELVED, [code], self.tr("已新建档案盒 {code}").format(code=code)
            )
        )
        self._open(dialog)

    def shelve_boxes(self) -> None:
        codes = self.selected_codes()
        if not codes:
            return
        chosen = self._chosen_place()
        place = chosen.code if chosen is not None and chosen.complete else None
        dialog = ShelveDialog(self.archive, self.runner, codes, self.locations, place, self)
        dialog.changed.connect(
            lambda code: self._changed(
                code,
                codes,
                self.tr("已将 {n} 盒放到 {code}").format(n=len(codes), code=code),
            )
        )
        self._open(dialog)

    def put_into_box(self) -> None:
        """装盒…: unboxed volumes or items of the box's year, class, retention (read first)."""
        box = self.current_box
        if box is None:
            return
        code = box.code

        def work(_ctx: TaskContext) -> list[BoxCandidate]:
            return boxes.unboxed(self.archive, code)

        def done(candidates: Any) -> None:
            dialog = PutDialog(self.archive, self.runner, box, list(candidates), self)
            dialog.changed.connect(
                lambda changed: self._changed(
                    None,
                    [changed],
                    self.tr("已将 {n} 项装入 {code}").format(n=len(dialog.chosen()), code=changed),
                )
            )
            self._open(dialog)

        self.runner.submit(
            self.tr("读取未装盒的档案"),
            work,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
            quiet=True,
        )

    def _fill_labels_menu(self) -> None:
        menu = self.labels_menu
        menu.clear()
        chosen = self.selected_codes()
        action = menu.addAction(self.tr("选中的 {n} 个档案盒…").format(n=len(chosen)))
        action.setEnabled(bool(chosen))
        action.triggered.connect(lambda: self.export_spine_labels())
        years = sorted({b.year for b in self.boxes}, reverse=True)
        if years:
            menu.addSeparator()
        for year in years:
            menu.addAction(self.tr("{year}年的全部档案盒…").format(year=year)).triggered.connect(
                lambda _checked=False, year=year: self.export_spine_labels(
                    selection=forms.Selection(year=year)
                )
            )

    def spine_selection(self) -> forms.Selection:
        """The boxes chosen, else every box shown."""
        codes = self.selected_codes() or [b.code for b in self.model.rows]
        return forms.Selection(boxes=tuple(codes))

    def export_spine_labels(
        self, path: Path | None = None, selection: forms.Selection | None = None
    ) -> None:
        """打印盒脊标签…: the spine labels (.docx) of the boxes chosen (else those shown),
        or of a year's boxes when `selection` says so; written on a worker thread."""
        chosen = selection or self.spine_selection()
        if not chosen.boxes and chosen.year is None:
            self.message.emit(self.tr("没有档案盒"))
            return
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("保存盒脊标签"),
                str(Path.home() / self.tr("盒脊标签.docx")),
                self.tr("Word 文档 (*.docx)"),
            )
            if not name:
                return
            path = Path(name)
        if path.suffix.lower() != ".docx":
            path = path.with_suffix(".docx")
        out = path

        def work(_ctx: TaskContext) -> dict[str, Any]:
            return forms.generate(self.archive, "spine-labels", out, chosen)

        def done(result: Any) -> None:
            self.last_export = out
            self.message.emit(
                self.tr("已生成 {n} 个盒脊标签：{file}").format(n=result["rows"], file=out)
            )

        self.runner.submit(
            self.tr("生成盒脊标签"),
            work,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
        )

    def open_inventory(self) -> None:
        place = self.current_key if self.current_key not in (ALL, UNSHELVED) else ""
        dialog = InventoryDialog(self.archive, self.runner, place, self)
        dialog.finished_run.connect(lambda: self.reload())
        dialog.open()
        self.inventory_dialog = dialog

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        for key, text, tip in (
            ("location", self.tr("新建位置…"), self.tr("登记库房中的一个位置：库房-架-列-层")),
            ("box", self.tr("新建档案盒…"), self.tr("同一年度、同一类别、同一保管期限一盒")),
            ("shelve", self.tr("上架/移架…"), self.tr("把选中的档案盒放到一个位置（须填写理由）")),
            ("put", self.tr("装盒…"), self.tr("把未装盒的案卷或档案件装入选中的档案盒")),
            (
                "labels",
                self.tr("打印盒脊标签…"),
                self.tr("选中的档案盒或某年度全部档案盒的盒脊标签，保存为 Word 文档"),
            ),
            ("inventory", self.tr("盘点…"), self.tr("把在架上扫描到的条码与登记核对（账物相符）")),
        ):
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)
        self.find_label.setText(self.tr("查找位置"))
        self.find_field.setPlaceholderText(self.tr("件号、档号、案卷档号或盒号"))
        self.find_button.setText(self.tr("查找"))
        self.tree.setHeaderLabels([self.tr("库房-架-列-层"), self.tr("盒数")])
        if self.tree.topLevelItemCount():
            self._fill_tree(self.current_key)
        self.model.retranslate()
        self._show_place()
        self._show_count()
        self._show_contents()
        self._show_found()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# -- dialogs --------------------------------------------------------------------------------


class _FormDialog(QDialog):
    """A form saved through the runner (a core call on the write thread); the core's
    refusal is said in the dialog, under the form, and the dialog stays open with what
    was typed (only an internal error comes up in the error dialog)."""

    changed = Signal(str)

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self.busy = False
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.problem = QLabel()
        self.problem.setObjectName("storageProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a11d1d;")
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def refused(self, message: str) -> None:
        """The core's refusal (or "" to clear it), under the form."""
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _row(self, key: str, field: QWidget) -> None:
        label = QLabel()
        self.labels[key] = label
        self.form.addRow(label, field)

    @property
    def save_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert button is not None
        return button

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

    def retranslate_buttons(self) -> None:
        for which, text in (
            (QDialogButtonBox.StandardButton.Save, self.tr("保存")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("取消")),
        ):
            button = self.buttons.button(which)
            if button is not None:
                button.setText(text)

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


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
        """The differences: (heading, lines) for missing, misplaced, unexpected, read twice."""
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
        return [
            (self.tr("缺失（登记在架，未扫到）：{n}").format(n=len(missing)), missing),
            (self.tr("错位（扫到的位置与登记不符）：{n}").format(n=len(misplaced)), misplaced),
            (self.tr("无法识别（不是档案盒条码）：{n}").format(n=len(unexpected)), unexpected),
            (self.tr("重复扫描：{n}").format(n=len(duplicates)), duplicates),
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
