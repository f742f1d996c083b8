"""The volumes view (案卷): the volumes of a year and class, and the items of the volume
chosen in their order (顺序号, page numbers where the volume is paged).

- 组卷…: a year's unfiled items of a class are filed by month, quarter or year; the
  plan (`archivist.arrangement.volumes.plan_volumes`) shows live, building runs off the UI thread
  and the new volumes are selected;
- items are moved by dragging them onto another volume, or from the context menu
  (移到其他案卷…, 移出案卷), unfiled items of the same year and class are added
  (加入案卷…) and a title corrected (修改题名…).

Every change goes through the core's audited services with a reason; the core decides
what may go where (same year, class and retention) and its refusal is shown in the
error dialog. Lists are read on worker threads.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archivist.access import browse
from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.arrangement.volumes import (
    VolumeSummary,
    VolumeView,
)
from archivist.registers import forms
from ui import errors
from ui.changes_hub import VOLUME_TABLES, ChangesHub
from ui.registers_dialog import RegistersDialog
from ui.rows_model import table_look
from ui.tasks import LatestRead, TaskContext, TaskRunner
from ui.texts import (
    bold,
    dates_text,
    editable,
    retention_text,
    status_text,
)
from ui.volumes.dialogs import (
    AddItemsDialog,
    MoveItemsDialog,
    RemoveItemsDialog,
    VolumeBuildDialog,
    VolumeDissolveDialog,
    VolumeTitleDialog,
)
from ui.volumes.models import VolumeItemsModel, VolumeListModel
from ui.volumes.pdf_job import VolumePdfJob

# -- the view ----------------------------------------------------------------------------


class VolumesView(QWidget):
    item_opened = Signal(str)  # an item's number: show it in the item detail
    message = Signal(str)  # a sentence for the status bar
    changed = Signal()  # volumes were built or changed
    # what it shows and what its changes touch (ui.changes_hub)
    SHOWS = VOLUME_TABLES | {"items"}
    TOUCHES = VOLUME_TABLES | {"items"}
    hub: ChangesHub | None = None

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volumesView")
        self.archive = archive
        self.runner = runner
        self.classes: list[tuple[str, str]] = []  # (code, name) of classes with items
        self.years: list[int] = []  # years with items, latest first
        self.loading = False
        self._stale = True  # reload when next shown
        self._generation = 0
        self._items_read = LatestRead(self.runner, lambda e, d: errors.show_error(self, e, d))
        self._wanted: list[str] = []  # volumes to select once the list is in
        self.current_code: str | None = None
        self.change_dialog: QDialog | None = None
        self.build_dialog: VolumeBuildDialog | None = None
        self.pdf_job: VolumePdfJob | None = None
        self.holds: list[Any] = []  # the holds on the volume shown and its items

        # -- filters ---------------------------------------------------------------------
        self.year_label = QLabel()
        self.year = QComboBox()
        self.year.setObjectName("volumeYear")
        self.year.setMinimumContentsLength(8)
        self.class_label = QLabel()
        self.klass = QComboBox()
        self.klass.setObjectName("volumeClass")
        self.klass.setMinimumContentsLength(14)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.klass.currentIndexChanged.connect(lambda _i: self.reload())
        self.count_label = QLabel()
        self.build_button = QPushButton()
        self.build_button.setObjectName("volumeBuildButton")
        self.build_button.clicked.connect(self.open_build)
        bar = QHBoxLayout()
        bar.addWidget(self.year_label)
        bar.addWidget(self.year)
        bar.addSpacing(12)
        bar.addWidget(self.class_label)
        bar.addWidget(self.klass)
        bar.addSpacing(12)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.build_button)

        # -- the volume list: a drop target for items ------------------------------------
        self.model = VolumeListModel(self)
        self.model.items_dropped.connect(self._items_dropped)
        self.table = QTableView()
        self.table.setObjectName("volumeTable")
        self.table.setModel(self.model)
        table_look(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAcceptDrops(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.table.setDragDropOverwriteMode(True)  # items land on a volume, not between
        self.table.setDropIndicatorShown(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate((120, 420, 56, 56, 80, 160, 56, 56, 72)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(self._volume_chosen)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._volume_menu)

        # -- the chosen volume and its items ---------------------------------------------
        self.heading = QLabel()
        self.heading.setObjectName("volumeHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold(self.heading)
        self.facts = QLabel()
        self.facts.setObjectName("volumeFacts")
        self.facts.setWordWrap(True)
        self.title_button = QPushButton()
        self.title_button.setObjectName("volumeTitleButton")
        self.title_button.clicked.connect(self.edit_title)
        self.add_button = QPushButton()
        self.add_button.setObjectName("volumeAddButton")
        self.add_button.clicked.connect(self.add_items)
        self.items = VolumeItemsModel(self)
        self.item_table = QTableView()
        self.item_table.setObjectName("volumeItemTable")
        self.item_table.setModel(self.items)
        table_look(self.item_table)
        self.item_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.item_table.setDragEnabled(True)
        self.item_table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.item_table.setDefaultDropAction(Qt.DropAction.MoveAction)
        for column, width in enumerate((64, 140, 460, 100, 56, 90)):
            self.item_table.setColumnWidth(column, width)
        self.item_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.item_table.horizontalHeader().setStretchLastSection(False)
        self.item_table.doubleClicked.connect(lambda index: self.open_item(index.row()))
        self.item_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.item_table.customContextMenuRequested.connect(self._item_menu)
        self.hint = QLabel()
        self.hint.setObjectName("volumeHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

        top = QWidget()
        tlayout = QVBoxLayout(top)
        tlayout.setContentsMargins(0, 0, 0, 0)
        tlayout.addLayout(bar)
        tlayout.addWidget(self.table, 1)
        bottom = QWidget()
        blayout = QVBoxLayout(bottom)
        blayout.setContentsMargins(0, 4, 0, 0)
        head = QHBoxLayout()
        texts = QVBoxLayout()
        texts.addWidget(self.heading)
        texts.addWidget(self.facts)
        head.addLayout(texts, 1)
        head.addWidget(self.title_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        blayout.addLayout(head)
        blayout.addWidget(self.item_table, 1)
        blayout.addWidget(self.hint)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(bottom)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.split)
        self.retranslate()

    # -- loading -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def filters(self) -> tuple[int | None, str | None]:
        year, klass = self.year.currentData(), self.klass.currentData()
        return (
            int(year) if isinstance(year, int) else None,
            str(klass) if isinstance(klass, str) else None,
        )

    def reload(self, select: Sequence[str] = ()) -> None:
        """Read the volumes again (on a worker thread) and select `select`, else the
        volume shown; a hidden view only notes that it must read them when shown."""
        if select:
            self._wanted = list(select)
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        year, klass = self.filters()
        self.loading = True
        self._show_count()

        def work(
            _ctx: TaskContext,
        ) -> tuple[list[tuple[str, str]], list[int], list[VolumeSummary]]:
            classes = browse.nav_children(self.archive)
            years = {
                node.scope.year
                for c in classes
                for node in browse.nav_children(self.archive, c.scope)
                if node.scope.year is not None
            }
            rows = volumes.list_volumes(self.archive, year, klass)
            return (
                [(str(c.scope.class_code), c.label) for c in classes],
                sorted(years, reverse=True),
                rows,
            )

        def done(result: Any) -> None:
            if generation != self._generation:
                return
            self.loading = False
            classes, years, rows = result
            self._set_filters(classes, years)
            self._set_rows(rows)

        def failed(exc: BaseException, details: str) -> None:
            if generation == self._generation:
                self.loading = False
                self._show_count()
                errors.show_error(self, exc, details)

        self.runner.submit(self.tr("读取案卷"), work, on_done=done, on_error=failed, quiet=True)

    def _set_filters(self, classes: list[tuple[str, str]], years: list[int]) -> None:
        """Refill the filters, keeping what is chosen."""
        year, klass = self.filters()
        self.classes, self.years = classes, years
        self.year.blockSignals(True)
        self.klass.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("全部年度"), None)
        for value in sorted({*years, *([year] if year is not None else [])}, reverse=True):
            self.year.addItem(self.tr("{year}年").format(year=value), value)
        self.year.setCurrentIndex(max(0, self.year.findData(year)) if year is not None else 0)
        self.klass.clear()
        self.klass.addItem(self.tr("全部类别"), None)
        for code, name in classes:
            self.klass.addItem(f"{code} {name}", code)
        if klass is not None and self.klass.findData(klass) < 0:
            self.klass.addItem(klass, klass)
        self.klass.setCurrentIndex(max(0, self.klass.findData(klass)) if klass else 0)
        self.year.blockSignals(False)
        self.klass.blockSignals(False)

    def choose(self, year: int | None, class_code: str | None) -> None:
        """Set the filters (a year or a class not listed yet is added)."""
        self.year.blockSignals(True)
        self.klass.blockSignals(True)
        if year is not None and self.year.findData(year) < 0:
            self.year.addItem(self.tr("{year}年").format(year=year), year)
        if class_code and self.klass.findData(class_code) < 0:
            self.klass.addItem(class_code, class_code)
        self.year.setCurrentIndex(max(0, self.year.findData(year)) if year is not None else 0)
        self.klass.setCurrentIndex(max(0, self.klass.findData(class_code)) if class_code else 0)
        self.year.blockSignals(False)
        self.klass.blockSignals(False)

    def _set_rows(self, rows: list[VolumeSummary]) -> None:
        wanted, self._wanted = self._wanted, []
        keep = wanted or ([self.current_code] if self.current_code else [])
        self.model.set_rows(rows)
        self._show_count()
        found = [r for r in (self.model.row_of(c) for c in keep) if r is not None]
        if not found and rows:
            found = [0]
        if not found:
            self._show_volume(None)
            return
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(
            self.model.index(found[0], 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        for row in found[1:]:
            selection.select(self.model.index(row, 0), flags)
        self.table.scrollTo(self.model.index(found[0], 0))

    def _show_count(self) -> None:
        if self.loading:
            self.count_label.setText(self.tr("读取中…"))
        else:
            self.count_label.setText(self.tr("{n} 卷").format(n=self.model.rowCount()))

    def _volume_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        volume = self.model.volume(current.row()) if current.isValid() else None
        self._show_volume(volume.code if volume else None)

    def _show_volume(self, code: str | None) -> None:
        """Read the volume's items (on a worker thread) and show them."""
        self.current_code = code
        if code is None:
            self._items_read.drop()
            self.holds = []
            self.items.gone = {}
            self.items.set_volume(None)
            self._show_heading()
            return

        def work(_ctx: TaskContext) -> tuple[VolumeView, list[Any], dict[str, str]]:
            from archivist.disposition.holds import holds_of_volume
            from archivist.disposition.stubs import destroyed_in_volume

            return (
                volumes.show(self.archive, code),
                holds_of_volume(self.archive, code),
                destroyed_in_volume(self.archive, code),
            )

        def show(result: Any) -> None:
            view, self.holds, self.items.gone = result
            if isinstance(view, VolumeView):
                self.items.set_volume(view)
                self.item_table.setColumnHidden(5, not view.paged)
                self._show_heading()

        self._items_read.read(self.tr("读取案卷"), work, show)

    def _show_heading(self) -> None:
        view = self.items.view
        changeable = editable(view)
        self.title_button.setEnabled(changeable)
        self.add_button.setEnabled(changeable)
        if view is None:
            self.heading.setText(
                self.tr("没有案卷：点“组卷…”把未组卷的档案件组成案卷")
                if not self.model.rowCount() and not self.loading
                else self.tr("未选案卷")
            )
            self.facts.setText("")
            return
        self.heading.setText(f"{view.code}　{view.title}")
        if view.dissolved:
            self.facts.setText(
                self.tr("{status}：{note}").format(status=status_text(view.status), note=view.note)
            )
            return
        paging = self.tr("编页号（保管期限30年以上）") if view.paged else self.tr("不编页号")
        self.facts.setText(
            self.tr(
                "{year}年　{klass}类　保管期限 {retention}　{dates}　{items} 件 {pages} 页　{paging}　{status}"
            ).format(
                year=view.year,
                klass=view.class_code,
                retention=retention_text(view.retention),
                dates=dates_text(view.start, view.end),
                items=view.items,
                pages=view.pages,
                paging=paging,
                status=status_text(view.status),
            )
        )
        held = self.holds_text()  # the holds placed now on the volume or its items
        if held:
            self.facts.setText(self.facts.text() + "\n" + held)
        gone = self.items.gone  # destroyed items: stubs, their content gone
        if gone:
            self.facts.setText(
                self.facts.text()
                + "\n"
                + self.tr("其中 {n} 件已销毁（{registers}），只保留目录信息").format(
                    n=len(gone), registers="、".join(sorted(set(gone.values())))
                )
            )

    def current_volume(self) -> VolumeView | None:
        return self.items.view

    def selected_numbers(self) -> list[str]:
        rows = sorted({i.row() for i in self.item_table.selectionModel().selectedRows()})
        if not rows and self.item_table.currentIndex().isValid():
            rows = [self.item_table.currentIndex().row()]
        return [e.number for e in (self.items.entry(r) for r in rows) if e is not None]

    def select_volume(self, code: str) -> None:
        """Show a volume (listed or not: the filters open to its year and class)."""
        row = self.model.row_of(code)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            return
        self.choose(None, None)
        self.reload(select=[code])

    # -- commands ------------------------------------------------------------------------
    def open_item(self, row: int | None = None) -> None:
        entry = self.items.entry(row if row is not None else self.item_table.currentIndex().row())
        if entry is not None:
            self.item_opened.emit(entry.number)

    def open_build(self) -> None:
        year, klass = self.filters()
        volume = self.current_volume()
        dialog = VolumeBuildDialog(
            self.archive,
            self.runner,
            self.classes,
            self.years,
            year=year or (volume.year if volume else None),
            class_code=klass or (volume.class_code if volume else None),
            parent=self,
        )
        dialog.built.connect(self._built)
        dialog.open()
        self.build_dialog = dialog

    def _built(self, made: list[VolumeSummary]) -> None:
        if not made:
            return
        self.choose(made[0].year, made[0].class_code)
        codes = [v.code for v in made]
        self.reload(select=codes)
        self._announce()
        self.changed.emit()
        text = (
            self.tr("已组成 1 卷：{first}").format(first=codes[0])
            if len(codes) == 1
            else self.tr("已组成 {n} 卷：{first} 至 {last}").format(
                n=len(codes), first=codes[0], last=codes[-1]
            )
        )
        self.message.emit(text)

    def _items_dropped(self, numbers: list[str], source: str, target: str) -> None:
        row = self.model.row_of(target)
        volume = self.model.volume(row) if row is not None else None
        if volume is None or not numbers:
            return
        self._open_move(numbers, source, [volume], target)

    def move_items(self) -> None:
        """移到其他案卷…: the volumes of the same year and class are read first."""
        view, numbers = self.current_volume(), self.selected_numbers()
        if view is None or not numbers:
            return
        source = view.code

        def work(_ctx: TaskContext) -> list[VolumeSummary]:
            rows = volumes.list_volumes(self.archive, view.year, view.class_code)
            return [r for r in rows if r.code != source and r.editable]

        def done(targets: Any) -> None:
            self._open_move(numbers, source, list(targets), None)

        self.runner.submit(
            self.tr("读取案卷"),
            work,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
            quiet=True,
        )

    def _open_move(
        self, numbers: list[str], source: str, targets: list[VolumeSummary], target: str | None
    ) -> None:
        titles = self._titles(numbers) if self.items.code == source else {}
        dialog = MoveItemsDialog(
            self.archive, self.runner, numbers, titles, source, targets, target, self
        )
        dialog.changed.connect(
            lambda code: self._changed(
                code,
                self.tr("已将 {n} 件移到 {target}").format(
                    n=len(numbers), target=dialog.target_code() or ""
                ),
            )
        )
        self._open(dialog)

    def remove_items(self) -> None:
        """移出案卷: the items become unfiled again."""
        view, numbers = self.current_volume(), self.selected_numbers()
        if view is None or not numbers:
            return
        dialog = RemoveItemsDialog(
            self.archive, self.runner, numbers, self._titles(numbers), view, self
        )
        dialog.changed.connect(
            lambda code: self._changed(
                code,
                self.tr("已将 {n} 件移出 {code}").format(n=len(numbers), code=code),
            )
        )
        self._open(dialog)

    def add_items(self) -> None:
        """加入案卷…: unfiled items of the volume's year and class (read first)."""
        view = self.current_volume()
        if view is None:
            return

        def work(_ctx: TaskContext) -> list[browse.ItemRow]:
            ids = volumes.unfiled(self.archive, view.year, view.class_code)
            rows = browse.item_rows(self.archive, ids)
            return [rows[i] for i in ids if i in rows]

        def done(candidates: Any) -> None:
            dialog = AddItemsDialog(self.archive, self.runner, view, list(candidates), self)
            dialog.changed.connect(
                lambda code: self._changed(
                    code,
                    self.tr("已将 {n} 件加入 {code}").format(n=len(dialog.chosen()), code=code),
                )
            )
            self._open(dialog)

        self.runner.submit(
            self.tr("读取未组卷的件"),
            work,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
            quiet=True,
        )

    def dissolve(self, volume: VolumeSummary | None = None) -> None:
        """撤销案卷…: an empty volume, with a reason; its row stays, marked 已撤销."""
        volume = volume or self.current_volume()
        if volume is None:
            return
        dialog = VolumeDissolveDialog(self.archive, self.runner, volume, self)
        dialog.changed.connect(
            lambda code: self._changed(
                code, self.tr("已撤销案卷 {code}（案卷号保留不用）").format(code=code)
            )
        )
        self._open(dialog)

    def edit_title(self) -> None:
        view = self.current_volume()
        if view is None:
            return
        dialog = VolumeTitleDialog(self.archive, self.runner, view, self)
        dialog.changed.connect(
            lambda code: self._changed(code, self.tr("已修改 {code} 的题名").format(code=code))
        )
        self._open(dialog)

    def open_registers(self, kind: str | None = None) -> RegistersDialog:
        """登记表…: the volume shown is preselected (its 卷内文件目录), else the year
        and class of the filters (the 归档文件目录)."""
        view = self.current_volume()
        year, klass = self.filters()
        if view is not None:
            selection = forms.Selection(
                volume=view.code, year=view.year, class_code=view.class_code
            )
        else:
            selection = forms.Selection(year=year, class_code=klass)
        chosen = kind or ("volume-contents" if view is not None else "item-list")
        dialog = RegistersDialog(self.archive, self.runner, self, kind=chosen, selection=selection)
        self._open(dialog)
        return dialog

    def assemble_pdf(self, out_path: Path | None = None) -> VolumePdfJob | None:
        """生成组卷 PDF…: the volume shown, built in the background (progress, cancel)."""
        view = self.current_volume()
        if view is None:
            return None
        job = VolumePdfJob(self.archive, self.runner, view.code, self, out_path)
        job.finished.connect(
            lambda path: (
                self.message.emit(self.tr("已生成组卷 PDF：{file}").format(file=path))
                if path
                else None
            )
        )
        self.pdf_job = job
        job.start()
        return job

    def holds_text(self) -> str:
        """The holds placed now on the volume shown or its items (lifted ones left out)."""
        from ui.disposition.models import hold_kind_text

        lines = []
        for h in self.holds:
            if h.state != "placed":
                continue
            on = self.tr("本卷") if h.target_kind == "volume" else h.code
            lines.append(
                self.tr("保全 {number}（{on}，{kind}）：{reason}").format(
                    number=h.number, on=on, kind=hold_kind_text(h.kind), reason=h.reason
                )
            )
        return "\n".join(lines)

    def hold_refusal(self) -> str:
        """Why 设置保全… is not offered ("" when it is)."""
        from archivist.accounts.rights import permits
        from archivist.accounts.roles import Right, holders_of
        from ui.people.labels import roles_text

        if permits(self.archive.person, Right.HOLD):
            return ""
        return self.tr("需要：{holders}").format(holders=roles_text(holders_of(Right.HOLD)))

    def place_hold(self) -> Any:
        """设置保全…: a hold on the whole volume shown (its kind and reason asked); the
        dialog (ui.disposition.dialogs.PlaceHoldDialog), None when not offered."""
        from ui.disposition.dialogs import PlaceHoldDialog

        code = self.current_code
        if code is None or self.hold_refusal():
            return None
        dialog = PlaceHoldDialog(self.archive, self.runner, self, volume=code)
        dialog.done_with.connect(lambda number: self._held(code, number))
        self._open(dialog)
        return dialog

    def _held(self, code: str, number: str) -> None:
        self._changed(code, self.tr("已设置保全 {number}").format(number=number))
        if self.hub is not None:
            self.hub.announce({"holds"}, source=self)

    def _titles(self, numbers: list[str]) -> dict[str, str]:
        wanted = set(numbers)
        return {e.number: e.title for e in self.items.entries if e.number in wanted}

    def _open(self, dialog: QDialog) -> None:
        dialog.open()
        self.change_dialog = dialog

    def follow_changes(self, hub: ChangesHub) -> None:
        """Hear from the window's hub when what this view shows was changed elsewhere
        (a handover, storage, a refresh); say there what this view changes."""
        self.hub = hub
        hub.follow(self, self.SHOWS, self.reload)

    def _announce(self) -> None:
        if self.hub is not None:
            self.hub.announce(self.TOUCHES, source=self)

    def _changed(self, code: str, text: str) -> None:
        self.reload(select=[code])
        self._announce()
        self.changed.emit()
        self.message.emit(text)

    # -- menus ---------------------------------------------------------------------------
    def _item_menu(self, point: QPoint) -> None:
        index = self.item_table.indexAt(point)
        if not index.isValid():
            return
        selection = self.item_table.selectionModel()
        if not selection.isRowSelected(index.row(), QModelIndex()):
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        changeable = editable(self.current_volume())
        menu = QMenu(self.item_table)
        menu.setObjectName("volumeItemMenu")
        menu.addAction(self.tr("查看件详情")).triggered.connect(lambda: self.open_item())
        menu.addSeparator()
        for text, slot in (
            (self.tr("移到其他案卷…"), self.move_items),
            (self.tr("移出案卷…"), self.remove_items),
        ):
            action = menu.addAction(text)
            action.setEnabled(changeable)
            action.triggered.connect(slot)
        self.item_menu = menu
        menu.popup(self.item_table.viewport().mapToGlobal(point))

    def _volume_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        menu = QMenu(self.table)
        menu.setObjectName("volumeMenu")
        if index.isValid():
            volume = self.model.volume(index.row())
            if volume is not None and volume.code != self.current_code:
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            changeable = editable(volume)
            for text, slot in (
                (self.tr("修改题名…"), self.edit_title),
                (self.tr("加入案卷…"), self.add_items),
            ):
                action = menu.addAction(text)
                action.setEnabled(changeable)
                action.triggered.connect(slot)
            dissolve = menu.addAction(self.tr("撤销案卷…"))
            dissolve.setObjectName("dissolveVolume")
            dissolve.setEnabled(changeable and volume is not None and not volume.items)
            dissolve.setToolTip(self.tr("只能撤销空卷：案卷号保留不用，撤销理由记入案卷目录备注"))
            dissolve.triggered.connect(lambda: self.dissolve(volume))
            menu.addSeparator()
            menu.addAction(self.tr("登记表…")).triggered.connect(lambda: self.open_registers())
            menu.addAction(self.tr("生成组卷 PDF…")).triggered.connect(lambda: self.assemble_pdf())
            hold = menu.addAction(self.tr("设置保全…"))
            hold.setObjectName("holdVolume")
            why = self.hold_refusal()
            hold.setEnabled(volume is not None and not why)
            hold.setToolTip(why or self.tr("保全整个案卷：保全期间卷内档案不能销毁、移交"))
            hold.triggered.connect(lambda: self.place_hold())
            menu.addSeparator()
        menu.addAction(self.tr("组卷…")).triggered.connect(self.open_build)
        self.volume_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(point))

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.year_label.setText(self.tr("年度"))
        self.class_label.setText(self.tr("类别"))
        self.build_button.setText(self.tr("组卷…"))
        self.build_button.setToolTip(
            self.tr("把一个年度、一个类别中未组卷的档案件按月、季度或年组成案卷")
        )
        self.title_button.setText(self.tr("修改题名…"))
        self.add_button.setText(self.tr("加入案卷…"))
        self.add_button.setToolTip(self.tr("把同年度、同类别中未组卷的档案件加入本卷"))
        self.hint.setText(
            self.tr(
                "把件拖到上方另一个案卷上即可移卷（同年度、同类别、同保管期限）；"
                "右键菜单可移出案卷或移到其他案卷；每次修改都须填写理由，记入审计记录。"
            )
        )
        if self.year.count():
            self.year.setItemText(0, self.tr("全部年度"))
            for index in range(1, self.year.count()):
                self.year.setItemText(
                    index, self.tr("{year}年").format(year=self.year.itemData(index))
                )
        if self.klass.count():
            self.klass.setItemText(0, self.tr("全部类别"))
        self.model.retranslate()
        self.items.retranslate()
        self._show_count()
        self._show_heading()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
