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

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.custody import boxes, locations, where
from archivist.custody.boxes import BoxCandidate, BoxSummary, BoxView
from archivist.custody.locations import LocationView
from archivist.custody.where import Whereabouts
from archivist.errors import ArchivistError
from archivist.registers import forms
from archivist.use import lending
from ui import errors
from ui.changes_hub import STORAGE_TABLES, VOLUME_TABLES, ChangesHub
from ui.rows_model import RIGHT, table_look
from ui.storage.dialogs import (
    BoxDialog,
    InventoryDialog,
    LocationDialog,
    PutDialog,
    ShelveDialog,
)
from ui.storage.models import BoxListModel
from ui.tasks import LatestRead, TaskContext, TaskRunner
from ui.texts import bold as _bold
from ui.texts import count_text, kind_text, retention_text

KEY_ROLE = Qt.ItemDataRole.UserRole
ALL = ""  # the tree's node for every box
UNSHELVED = "-"  # the tree's node for boxes not on a shelf yet


def within(location: str | None, key: str) -> bool:
    """Is a box at `location` under the tree node `key`? (A place: the core says.)"""
    if key == ALL:
        return True
    if key == UNSHELVED:
        return location is None
    return locations.place_covers(key, location)


class StorageView(QWidget):
    message = Signal(str)  # a sentence for the status bar
    changed = Signal()  # boxes or locations changed
    # what it shows (boxes hold items and volumes) and what its changes touch
    SHOWS = STORAGE_TABLES | VOLUME_TABLES | {"items", "use_requests", "use_targets"}
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
        self._box_read = LatestRead(self.runner, lambda e, d: errors.show_error(self, e, d))
        self.locations: list[LocationView] = []
        self.boxes: list[BoxSummary] = []  # every box; the list shows those at the node
        self.current_key = ALL
        self.current_box: BoxSummary | None = None  # the box chosen (a BoxView once read)
        self.box_loans: dict[str, lending.LoanNote] = {}  # what of that box is out on loan
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
        table_look(self.table)
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
        table_look(self.contents)

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

        def work(
            _ctx: TaskContext,
        ) -> tuple[list[LocationView], list[BoxSummary], dict[str, lending.LoanNote]]:
            return (
                locations.list_locations(self.archive),
                boxes.list_boxes(self.archive),
                lending.boxes_on_loan(self.archive),
            )

        def done(result: Any) -> None:
            if generation != self._generation:
                return
            self.loading = False
            self.locations, self.boxes, self.model.lent = result
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
        if code is None:
            self._box_read.drop()
            self.current_box = None
            self._show_contents()
            return
        self.current_box = next((b for b in self.boxes if b.code == code), None)

        def work(_ctx: TaskContext) -> tuple[BoxView, dict[str, lending.LoanNote]]:
            return boxes.show_box(self.archive, code), lending.loans_in_box(self.archive, code)

        def show(result: Any) -> None:
            view, loans = result
            if isinstance(view, BoxView):
                self.current_box, self.box_loans = view, loans
                self._show_contents()

        self._box_read.read(self.tr("读取档案盒"), work, show)

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
        loan = self.model.lent.get(box.code)
        if loan is not None:
            place += self.tr("　借出：{number}，{borrower}，应还 {due}").format(
                number=loan.number, borrower=loan.borrower_name, due=loan.due_on or "—"
            )
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
        held_loans = self.box_loans if held is not None and held.code == box.code else {}
        for cells in rows:  # what is out on loan: 借出 and the request after its code
            loaned = held_loans.get(cells[1])
            if loaned is not None:
                cells[1] = self.tr("{code}（借出 {number}）").format(
                    code=cells[1], number=loaned.number
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
        if found.on_loan is not None:
            place += self.tr("　借出：{number}，{borrower}，应还 {due}").format(
                number=found.on_loan.number,
                borrower=found.on_loan.borrower_name,
                due=found.on_loan.due_on or "—",
            )
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
