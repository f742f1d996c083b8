"""The main window: navigation tree, item table, item detail and page viewer, the
search panel, the OCR queue and hot folder panels, and a status bar with the archive,
its counts and the background work."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archivist.access import browse
from archivist.access.item_detail import item_detail
from archivist.accounts.rights import permits
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.preferences import Preferences
from ui import errors
from ui.changes_hub import ChangesHub
from ui.disposition.view import DispositionView
from ui.handover.view import HandoverView
from ui.hot_folder import HotFolderPanel
from ui.item_detail import ItemDetail
from ui.item_table import ItemTableModel
from ui.nav_tree import NavTree
from ui.ocr_panel import OcrPanel
from ui.page_viewer import PageViewer
from ui.people.signed_in_window import SignedInWindow
from ui.search_panel import SearchPanel
from ui.storage.view import StorageView
from ui.tasks import TaskContext, TaskRunner
from ui.use.view import UseView
from ui.volumes.view import VolumesView

# The first-start window size where the screen has room (also the smoke default).
DEFAULT_SIZE = (1440, 900)


class MainWindow(SignedInWindow):
    """The window of a person who reads the archive (see ui.people.signed_in_window for
    who is signed in, the 账户 menu and the idle lock)."""

    archive_changed = Signal()

    def __init__(
        self,
        archive: Archive,
        prefs: Preferences,
        *,
        runner: TaskRunner | None = None,
        watch_hot_folder: bool = True,
        auto_ocr: bool = True,
    ) -> None:
        super().__init__(archive, prefs)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.archive = archive
        self.prefs = prefs
        self.runner = runner or TaskRunner(self)
        self.runner.unhandled.connect(lambda exc, details: errors.show_error(self, exc, details))
        self.current_number: str | None = None

        # -- centre: tree | (filter + table) / (detail | pages) -----------------------
        self.nav = NavTree(archive)
        self.nav.scope_chosen.connect(self._scope_chosen)
        self.filter = QLineEdit()
        self.filter.setObjectName("tableFilter")
        self.filter.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.count_label = QLabel()
        self.model = ItemTableModel(archive, self, runner=self.runner)
        self.model.loaded.connect(self._table_reloaded)
        self.model.failed.connect(lambda exc, details: errors.show_error(self, exc, details))
        self._reshow = False  # after a refresh the loaded table re-reads the item shown
        self._wanted: str | None = None  # an item to select once the table has loaded
        self.table = QTableView()
        self.table.setObjectName("itemTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(6 * (self.fontMetrics().height() + 10))  # a few rows at least
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 260, 50, 150, 170, 95, 75, 50, 200)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)

        table_box = QWidget()
        tlayout = QVBoxLayout(table_box)
        tlayout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count_label)
        tlayout.addLayout(bar)
        tlayout.addWidget(self.table, 1)

        self.detail = ItemDetail()
        self.detail.reorder_requested.connect(self.reorder_item)
        self.detail.edit_requested.connect(self.edit_item)
        self.detail.renumber_requested.connect(self.renumber_item)
        self.detail.use_requested.connect(self.request_use)
        self.detail.pages_requested.connect(
            lambda number, page: self.select_item(number, page=page, show_pages=True)
        )
        self.viewer = PageViewer(archive, self.runner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self.tabs.addTab(self.detail, "")
        self.tabs.addTab(self.viewer, "")
        self.table.doubleClicked.connect(self._show_pages)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(table_box)
        right.addWidget(self.tabs)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setSizes([330, 520])
        self.right_split = right
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(self.nav)
        self.main_split.addWidget(right)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([260, 1000])
        # the views: items (tree, table, detail) and volumes (案卷)
        # what changed, told to every view that shows it (ui.changes_hub)
        self.changes_hub = ChangesHub(self)
        self.volumes = VolumesView(archive, self.runner)
        self.volumes.follow_changes(self.changes_hub)
        self.volumes.item_opened.connect(self.open_item_from_volume)
        self.volumes.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.views = QTabWidget()
        self.views.setObjectName("viewTabs")
        self.views.setDocumentMode(True)
        self.views.addTab(self.main_split, "")
        self.views.addTab(self.volumes, "")
        self.storage = StorageView(archive, self.runner)  # 库房: locations and boxes
        self.storage.follow_changes(self.changes_hub)
        self.storage.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.views.addTab(self.storage, "")
        self.handover = HandoverView(archive, self.runner)
        self.handover.follow_changes(self.changes_hub)
        self.handover.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.views.addTab(self.handover, "")
        # 利用: use requests, approvals, loans, the overdue list
        self.use = UseView(archive, self.runner, selection=self.use_selection)
        self.use.follow_changes(self.changes_hub)
        self.use.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.use.item_opened.connect(self.open_item_from_volume)
        self.use.pages_opened.connect(lambda number, page: self.open_search_hit(number, page, []))
        self.views.addTab(self.use, "")
        # 鉴定: the due list, appraisal batches, destruction registers, holds
        self.disposition = DispositionView(archive, self.runner)
        self.disposition.follow_changes(self.changes_hub)
        self.disposition.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.disposition.item_opened.connect(self.open_item_from_volume)
        self.disposition.changed.connect(self.refresh_items)
        self.views.addTab(self.disposition, "")
        # 校验: the last verify results, verify and the four-property check (issue 16)
        from ui.integrity.view import IntegrityView

        self.integrity = IntegrityView(archive, self.runner)
        self.integrity.item_opened.connect(self.open_item_from_volume)
        self.integrity.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.views.addTab(self.integrity, "")
        self._last_view: QWidget | None = None  # the tab shown before 利用
        self.views.currentChanged.connect(self._view_changed)
        self.setCentralWidget(self.views)

        # -- docks ------------------------------------------------------------------
        self.search = SearchPanel(archive, self.runner)
        self.search.hit_opened.connect(self.open_search_hit)
        self.search_dock = QDockWidget()
        self.search_dock.setObjectName("searchDock")
        self.search_dock.setWidget(self.search)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_dock)

        captures = permits(archive.person, Right.CAPTURE)  # OCR and the hot folder capture
        self.ocr = OcrPanel(archive, prefs, self.runner, auto_start=auto_ocr and captures)
        self.ocr.items_changed.connect(self.refresh)
        self.hot = HotFolderPanel(
            archive, prefs, self.runner, enabled=watch_hot_folder and captures
        )
        self.hot.captured.connect(lambda _number: self.refresh())
        self.work_tabs = QTabWidget()
        self.work_tabs.addTab(self.ocr, "")
        self.work_tabs.addTab(self.hot, "")
        self.work_dock = QDockWidget()
        self.work_dock.setObjectName("workDock")
        self.work_dock.setWidget(self.work_tabs)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.work_dock)
        self.resizeDocks([self.work_dock], [240], Qt.Orientation.Vertical)
        self.work_dock.hide()

        # -- actions, menus, status bar ------------------------------------------------
        self.commands: dict[str, QAction] = {}
        for key, shortcut, slot in (
            ("capture", QKeySequence.StandardKey.New, self.open_capture),
            ("new_archive", None, self.new_archive),
            ("open", QKeySequence.StandardKey.Open, self.choose_archive),
            ("settings", QKeySequence.StandardKey.Preferences, self.open_settings),
            ("quit", QKeySequence.StandardKey.Quit, self.close),
            ("search", QKeySequence.StandardKey.Find, self.focus_search),
            ("ocr", None, self.show_ocr),
            ("hot", None, self.show_hot_folder),
            ("volumes", None, self.show_volumes),
            ("build_volumes", None, self.build_volumes),
            ("storage", None, self.show_storage),
            ("registers", None, self.open_registers),
            ("handover", None, self.show_handover),
            ("use", None, self.show_use),
            ("disposition", None, self.show_disposition),
            ("refresh", QKeySequence.StandardKey.Refresh, self.refresh),
            ("verify", None, self.open_verify),
            ("about", None, self.about),
            ("logs", None, self.open_log_folder),
        ):
            action = QAction(self)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.commands[key] = action
        self.menus = {
            name: self.menuBar().addMenu("") for name in ("file", "view", "tools", "help")
        }
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_keys = ("capture", "build_volumes", "registers", "new_archive", "open")
        for key in (*file_keys, "settings", "quit"):
            if key in ("new_archive", "quit"):
                self.menus["file"].addSeparator()
            self.menus["file"].addAction(self.commands[key])
            if key == "open":
                self.menus["file"].addMenu(self.recent_menu)
        for key in ("volumes", "handover", "use", "disposition", "search", "ocr", "hot", "refresh"):
            self.menus["view"].addAction(self.commands[key])
        self.menus["view"].insertAction(self.commands["search"], self.commands["storage"])
        self.menus["tools"].addAction(self.commands["verify"])
        self.menus["help"].addAction(self.commands["logs"])
        self.menus["help"].addAction(self.commands["about"])
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for key in ("capture", "build_volumes", "search", "ocr", "hot", "settings"):
            self.toolbar.addAction(self.commands[key])

        self.archive_label = QLabel()
        self.counts_label = QLabel()
        self.work_label = QLabel()
        self.work_bar = QProgressBar()
        self.work_bar.setMaximumWidth(180)
        self.work_bar.setTextVisible(False)
        self.work_cancel = QToolButton()
        self.work_cancel.clicked.connect(self.runner.cancel_all)
        status = self.statusBar()
        status.addWidget(self.archive_label)
        status.addWidget(self.counts_label)
        status.addPermanentWidget(self.work_label)
        status.addPermanentWidget(self.work_bar)
        status.addPermanentWidget(self.work_cancel)
        self.setup_people(before=self.menus["help"].menuAction())
        for key, needed in (
            ("capture", Right.CAPTURE),
            ("build_volumes", Right.ARRANGE),
            ("registers", Right.ARRANGE),
            ("verify", Right.VERIFY),
            ("hot", Right.CAPTURE),
        ):
            self.gate(self.commands[key], needed)
        self.runner.changed.connect(self._work_changed)
        self.archive_changed.connect(self._refresh_counts)
        # the views re-read what they show (a hidden view when it is next shown)
        self.archive_changed.connect(self.changes_hub.announce_everything)
        self.archive_changed.connect(lambda: self.ocr.refresh())  # new pages: recognise them

        self.retranslate()
        self._work_changed()
        self.model.reload()  # on a worker thread; the first row is chosen when it is in
        self._refresh_counts()
        self.remember_layout = True  # off for smoke runs: they must not touch user settings
        self._restore_geometry()

    # -- selection -----------------------------------------------------------------
    def _scope_chosen(self, scope: object) -> None:
        if isinstance(scope, browse.Scope):
            q = self.model.query
            self.model.set_query(browse.ItemQuery(scope, q.text, q.sort, q.descending))
            self._show_count()

    def _apply_filter(self) -> None:
        q = self.model.query
        self.model.set_query(browse.ItemQuery(q.scope, self.filter.text(), q.sort, q.descending))
        self._show_count()

    def _show_count(self) -> None:
        if self.model.loading:
            self.count_label.setText(self.tr("读取中…"))
        else:
            self.count_label.setText(self.tr("{n} 件").format(n=self.model.rowCount()))

    def _table_reloaded(self) -> None:
        """The table has the ids of its query: keep the item shown selected if it is
        among them (re-reading it after a refresh), else show the first row."""
        self._show_count()
        reshow, self._reshow = self._reshow, False
        wanted, self._wanted = self._wanted, None
        if self.current_number:
            item_id = browse.item_id(self.archive, self.current_number)
            row = self.model.row_of(item_id) if item_id is not None else None
            if row is not None:
                self._select_row(row, quiet=True)
                if reshow:
                    self._show_number(
                        self.current_number, max(1, self.viewer.current + 1), self.viewer.words
                    )
                return
            if item_id is not None and wanted == self.current_number:
                self._show_all()  # not in the scope chosen: selected once all are in
                return
        if self.model.rowCount():
            self._select_row(0)
        else:
            self._show_number(None)

    def _select_row(self, row: int, *, quiet: bool = False) -> None:
        """Select a row; `quiet` keeps the detail as it is (the item is shown already)."""
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        selection.blockSignals(quiet)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)
        self.table.scrollTo(index)
        if quiet:
            self.table.viewport().update()

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.item(current.row()) if current.isValid() else None
        self._show_number(row.number if row else None)

    def _show_number(
        self, number: str | None, page: int = 1, words: list[str] | None = None
    ) -> None:
        self.current_number = number
        view: dict[str, Any] | None = None
        if number is not None:
            try:
                view = item_detail(self.archive, number)
            except Exception as exc:
                errors.show_error(self, exc)
        self.detail.show_item(view)
        self.viewer.show_item(number, page, words)

    def select_item(
        self,
        number: str,
        *,
        page: int = 1,
        words: list[str] | None = None,
        show_pages: bool = False,
    ) -> None:
        """Show an item (from a search hit, a capture, the hot folder)."""
        item_id = browse.item_id(self.archive, number)
        row = self.model.row_of(item_id) if item_id is not None else None
        if row is None and item_id is not None:
            if self.model.loading:
                self._wanted = number  # the table decides when its ids are in
            else:
                self._show_all()  # not in the current scope (selected when loaded)
        if row is not None:
            self._select_row(row, quiet=True)
        self._show_number(number, page, words)
        if show_pages:
            self.tabs.setCurrentWidget(self.viewer)

    def _show_all(self) -> None:
        """Show the whole archive in the table: the tree's root, no filter text."""
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.blockSignals(False)
        self.nav.blockSignals(True)
        self.nav.setCurrentItem(self.nav.root)
        self.nav.blockSignals(False)
        q = self.model.query
        self.model.set_query(browse.ItemQuery(browse.Scope(), "", q.sort, q.descending))
        self._show_count()

    # -- changes -------------------------------------------------------------------
    def refresh(self) -> None:
        """Something changed in the archive: every view redraws what it shows."""
        self.nav.reload()
        self._reshow = True
        self.model.reload()
        self._show_count()
        self.search.reload_filters()
        self.archive_changed.emit()

    def _refresh_counts(self) -> None:
        def count(_ctx: TaskContext) -> dict[str, Any]:
            return self.archive.summary()

        def shown(summary: object) -> None:
            if isinstance(summary, dict):
                self.summary = summary
                self._show_counts()

        self.runner.submit(self.tr("统计"), count, on_done=shown, quiet=True)

    def _show_counts(self) -> None:
        summary = getattr(self, "summary", None)
        fonds = summary["fonds"] if summary else self.archive.fonds()
        self.archive_label.setText(
            self.tr("档案库：{path}　全宗 {code} {name}").format(
                path=self.archive.root, code=fonds["code"], name=fonds["name"]
            )
        )
        if summary:
            self.counts_label.setText(
                self.tr("{items} 件　{materials} 份材料　{pages} 页").format(
                    items=summary["items"], materials=summary["materials"], pages=summary["pages"]
                )
            )

    def _work_changed(self) -> None:
        active = list(self.runner.active.values())
        ocr = self.ocr.running_text()
        if not active and not ocr:
            self.work_label.setText(self.tr("空闲"))
            self.work_bar.hide()
            self.work_cancel.hide()
            return
        texts = [h.name for h in active] + ([ocr] if ocr else [])
        self.work_label.setText(self.tr("后台：{work}").format(work="、".join(texts)))
        handle = active[0] if active else None
        self.work_bar.show()
        if handle is not None and handle.total:
            self.work_bar.setRange(0, handle.total)
            self.work_bar.setValue(handle.done)
        else:
            self.work_bar.setRange(0, 0)
        self.work_cancel.setVisible(bool(active))

    # -- commands ------------------------------------------------------------------
    def open_capture(self, files: list[Path] | None = None) -> None:
        from ui.capture_dialog import CaptureDialog

        dialog = CaptureDialog(self.archive, self.runner, self, files=files or [])
        dialog.captured.connect(self._captured)
        dialog.open()
        self.capture_dialog = dialog

    def _captured(self, number: str) -> None:
        self.refresh()
        self.select_item(number)
        self.statusBar().showMessage(self.tr("已采集 {number}").format(number=number), 8000)

    def reorder_item(self, number: str) -> None:
        from ui.reorder_dialog import ReorderDialog

        dialog = ReorderDialog(self.archive, self.runner, number, self)
        dialog.reordered.connect(self._reordered)
        dialog.open()
        self.reorder_dialog = dialog

    def edit_item(self, number: str) -> None:
        """Correct an item's title, handler or completion date (audited)."""
        from ui.item_edit_dialog import ItemEditDialog

        dialog = ItemEditDialog(self.archive, self.runner, number, self)
        dialog.changed.connect(self._item_changed)
        dialog.renumber_instead.connect(self.renumber_item)
        dialog.open()
        self.edit_dialog = dialog

    def renumber_item(self, number: str) -> None:
        """Change an item's class, business type or year: a new number (audited)."""
        from ui.item_edit_dialog import RenumberDialog

        dialog = RenumberDialog(self.archive, self.runner, number, self)
        dialog.changed.connect(self._item_changed)
        dialog.open()
        self.renumber_dialog = dialog

    def _item_changed(self, number: str) -> None:
        """After an edit or a renumbering: every view shows the item as it is now
        (under its new number); the core has updated the search index."""
        old = self.current_number
        self.current_number = number
        self.refresh()
        self._wanted = number  # still shown in the table if it left the scope
        self._show_number(number, max(1, self.viewer.current + 1), self.viewer.words)
        text = (
            self.tr("已修改 {number}").format(number=number)
            if old == number
            else self.tr("已重新编号：{old} → {number}").format(old=old, number=number)
        )
        self.statusBar().showMessage(text, 8000)

    def _table_menu(self, point: Any) -> None:
        from PySide6.QtWidgets import QMenu

        index = self.table.indexAt(point)
        row = self.model.item(index.row()) if index.isValid() else None
        if row is None:
            return
        if row.number != self.current_number:
            self._select_row(index.row())
        menu = QMenu(self.table)
        menu.setObjectName("itemMenu")
        # the core said why (shown in the detail); or the person's roles do not edit
        locked = not self.detail.may_change() or not permits(self.archive.person, Right.EDIT)
        for position, (text, slot) in enumerate(
            (
                (self.tr("编辑条目…"), lambda: self.edit_item(row.number)),
                (self.tr("重新编号…"), lambda: self.renumber_item(row.number)),
                (self.tr("调整顺序…"), lambda: self.reorder_item(row.number)),
                (self.tr("查看页面"), lambda: self.tabs.setCurrentWidget(self.viewer)),
            )
        ):
            action = menu.addAction(text)
            action.setEnabled(not (locked and position < 3))
            action.triggered.connect(slot)
        menu.addSeparator()  # 保全: the 鉴定 view's dialog, prefilled with the item
        menu.setToolTipsVisible(True)
        hold = menu.addAction(self.tr("设置保全…"))
        hold.setObjectName("holdItem")
        why = self.disposition.why_not("place_hold")
        hold.setEnabled(not why)
        hold.setToolTip(why or self.tr("保全期间不能销毁、移交或缩短保管期限"))
        hold.triggered.connect(lambda: self.disposition.place_hold(items=[row.number]))
        self.item_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(point))

    def _show_pages(self, _index: QModelIndex) -> None:
        self.tabs.setCurrentWidget(self.viewer)

    def _reordered(self, number: str) -> None:
        self.refresh()
        self.select_item(number)

    def open_verify(self) -> None:
        """工具 → 校验档案库…: `verify` on a worker, its findings in a table."""
        from ui.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.archive, self.runner, self)
        dialog.finished_run.connect(self.integrity.take_report)  # the 校验 tab's last results
        dialog.open()
        self.verify_dialog = dialog
        dialog.start()

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.archive, self.prefs, self.runner, self)
        dialog.applied.connect(self._settings_applied)
        dialog.open()
        self.settings_dialog = dialog

    def _settings_applied(self, changes: object) -> None:
        changed = set(changes) if isinstance(changes, (set, list, tuple)) else set()
        if changed & {"hot_folder", "hot_quarantine"}:
            self.hot.restart()
        if "scheme" in changed or "settings" in changed:
            self.refresh()
        if "language" in changed:
            self.language_changed.emit(self.prefs.language)
        if "archive" in changed and self.prefs.archive:
            self.reopen_requested.emit(self.prefs.archive)

    def new_archive(self) -> None:
        """文件 → 新建档案库…: the welcome dialog's form; the window reopens on it."""
        self._welcome("new")

    def choose_archive(self) -> None:
        """文件 → 打开档案库…: a folder without an archive is refused in the dialog."""
        self._welcome("open")

    def _welcome(self, page: str) -> None:
        from archivist.archive import default_archive_dir
        from ui.welcome_dialog import WelcomeDialog, free_folder

        dialog = WelcomeDialog(
            self.prefs,
            folder=free_folder(default_archive_dir()),
            first_start=False,
            page=page,
            parent=self,
        )
        dialog.finished.connect(lambda _code: self._welcome_done(dialog))
        self.welcome_dialog = dialog
        dialog.open()

    def _welcome_done(self, dialog: Any) -> None:
        archive = dialog.archive
        dialog.deleteLater()
        if archive is not None:
            root = str(archive.root)
            archive.close()  # the window's owner opens it again for the new window
            self.reopen_requested.emit(root)

    def _fill_recent(self) -> None:
        """文件 → 最近打开的档案库: a folder whose archive is gone is shown greyed."""
        from archivist.preferences import same_folder
        from ui.welcome_dialog import is_archive

        menu = self.recent_menu
        menu.clear()
        for path in self.prefs.recent:
            action = menu.addAction(path)
            if same_folder(path, str(self.archive.root)):
                action.setText(self.tr("{path}（当前）").format(path=path))
                action.setEnabled(False)
            elif not is_archive(Path(path)):
                action.setText(self.tr("{path}（已不存在）").format(path=path))
                action.setToolTip(self.tr("这个文件夹里已经没有档案库"))
                action.setEnabled(False)
            else:
                action.triggered.connect(lambda _c=False, p=path: self.reopen_requested.emit(p))
        if not self.prefs.recent:
            menu.addAction(self.tr("（无）")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("清除列表"))
        clear.setEnabled(len(self.prefs.recent) > 1)
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        self.prefs.recent = [str(self.archive.root)]
        with contextlib.suppress(OSError):  # the list is cleared for this session at least
            self.prefs.save()

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search.query.setFocus()
        self.search.query.selectAll()

    def show_ocr(self) -> None:
        self.work_dock.show()
        self.work_tabs.setCurrentWidget(self.ocr)
        self.ocr.refresh()

    def show_hot_folder(self) -> None:
        self.work_dock.show()
        self.work_tabs.setCurrentWidget(self.hot)

    def show_volumes(self) -> None:
        self.views.setCurrentWidget(self.volumes)

    def build_volumes(self) -> None:
        """组卷…: file a year's unfiled items of a class into volumes."""
        self.show_volumes()
        self.volumes.open_build()

    def show_storage(self) -> None:
        self.views.setCurrentWidget(self.storage)

    def show_handover(self) -> None:
        self.views.setCurrentWidget(self.handover)

    def show_use(self) -> None:
        self.views.setCurrentWidget(self.use)

    def show_disposition(self) -> None:
        self.views.setCurrentWidget(self.disposition)

    def refresh_items(self) -> None:
        """A change of the 鉴定 view (retention extended, records destroyed, holds): the
        items view and the item shown are read again."""
        self._reshow = True
        self.model.reload()
        self._refresh_counts()

    def _view_changed(self, _index: int) -> None:
        shown = self.views.currentWidget()
        if shown is not self.use:
            self._last_view = shown

    def use_selection(self) -> tuple[list[str], list[str], list[str]]:
        """What a new use request asks for: the volume or box chosen when the 案卷 or
        库房 tab was the last shown, else the item chosen (items, volumes, boxes)."""
        last = self._last_view
        if last is self.volumes and self.volumes.current_code:
            return [], [self.volumes.current_code], []
        box = self.storage.current_box
        if last is self.storage and box is not None:
            return [], [], [box.code]
        return ([self.current_number] if self.current_number else []), [], []

    def request_use(self, number: str) -> None:
        """申请利用… of an item (from its detail): the 利用 tab with a new request."""
        self.show_use()
        self.use.new_request([number])

    def open_registers(self) -> None:
        """登记表…: the volume chosen in the 案卷 tab, if any, is preselected."""
        self.volumes.open_registers()

    def open_search_hit(self, number: str, page: int, words: list[str]) -> None:
        """A search hit, from whichever tab is shown: the item's page in the items view."""
        self.views.setCurrentWidget(self.main_split)
        self.select_item(number, page=page or 1, words=words, show_pages=True)

    def open_item_from_volume(self, number: str) -> None:
        """An item row of the volumes view: its detail in the items view."""
        self.views.setCurrentWidget(self.main_split)
        self.select_item(number)
        self.tabs.setCurrentWidget(self.detail)

    def about(self) -> None:
        from archivist import __version__

        QMessageBox.about(
            self,
            self.tr("关于档案室"),
            self.tr("档案室 Archivist {version}\n社会保险经办机构业务档案管理").format(
                version=__version__
            ),
        )

    def open_log_folder(self) -> None:
        """Help → the folder of the program's log (archivist.logs), in the file manager."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from archivist.logs import log_folder

        folder = log_folder()
        with contextlib.suppress(OSError):  # not there and not creatable: say where
            folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(
                self, self.tr("日志文件夹"), self.tr("日志文件在：{folder}").format(folder=folder)
            )

    # -- language, geometry, closing -------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("档案室 — {name}").format(name=self.archive.root.name) + self.people_title()
        )
        self.filter.setPlaceholderText(self.tr("筛选：件号、档号、题名或单位/个人"))
        self.tabs.setTabText(0, self.tr("件详情"))
        self.tabs.setTabText(1, self.tr("页面"))
        self.views.setTabText(0, self.tr("档案件"))
        self.views.setTabText(1, self.tr("案卷"))
        self.views.setTabText(self.views.indexOf(self.storage), self.tr("库房"))
        self.views.setTabText(self.views.indexOf(self.handover), self.tr("交接"))
        self.views.setTabText(self.views.indexOf(self.use), self.tr("利用"))
        self.views.setTabText(self.views.indexOf(self.disposition), self.tr("鉴定"))
        self.views.setTabText(self.views.indexOf(self.integrity), self.tr("校验"))
        self.search_dock.setWindowTitle(self.tr("全文检索"))
        self.work_dock.setWindowTitle(self.tr("后台工作"))
        self.work_tabs.setTabText(0, self.tr("识别队列"))
        self.work_tabs.setTabText(1, self.tr("热文件夹"))
        texts = {
            "capture": self.tr("采集…"),
            "new_archive": self.tr("新建档案库…"),
            "open": self.tr("打开档案库…"),
            "settings": self.tr("设置…"),
            "quit": self.tr("退出"),
            "search": self.tr("检索"),
            "ocr": self.tr("识别队列"),
            "hot": self.tr("热文件夹"),
            "volumes": self.tr("案卷"),
            "build_volumes": self.tr("组卷…"),
            "storage": self.tr("库房"),
            "registers": self.tr("登记表…"),
            "handover": self.tr("交接"),
            "use": self.tr("利用"),
            "disposition": self.tr("鉴定"),
            "refresh": self.tr("刷新"),
            "verify": self.tr("校验档案库…"),
            "about": self.tr("关于档案室"),
            "logs": self.tr("打开日志文件夹"),
        }
        for key, text in texts.items():
            self.commands[key].setText(text)
        self.commands["capture"].setToolTip(self.tr("采集一件档案（也可把文件拖到窗口上）"))
        self.commands["build_volumes"].setToolTip(
            self.tr("把一个年度、一个类别中未组卷的档案件组成案卷")
        )
        self.menus["file"].setTitle(self.tr("文件(&F)"))
        self.menus["view"].setTitle(self.tr("查看(&V)"))
        self.menus["tools"].setTitle(self.tr("工具(&T)"))
        self.menus["help"].setTitle(self.tr("帮助(&H)"))
        self.recent_menu.setTitle(self.tr("最近打开的档案库"))
        self.toolbar.setWindowTitle(self.tr("工具栏"))
        self.work_cancel.setText(self.tr("取消"))
        self.retranslate_people()
        self.model.retranslate()
        self._show_count()
        self._show_counts()
        self._work_changed()
        if self.current_number:
            self._show_number(
                self.current_number, max(1, self.viewer.current + 1), self.viewer.words
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_to_screen()
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def _fit_to_screen(self) -> None:
        """First start: DEFAULT_SIZE where the screen has room, else nine tenths of it,
        centred (a 1366x768 laptop gets a window that fits)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(*DEFAULT_SIZE)
            return
        room = screen.availableGeometry()
        width = min(DEFAULT_SIZE[0], int(room.width() * 0.9))
        height = min(DEFAULT_SIZE[1], int(room.height() * 0.9))
        self.resize(width, height)
        self.move(room.x() + (room.width() - width) // 2, room.y() + (room.height() - height) // 2)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_layout:
            settings = QSettings()
            settings.setValue("window/geometry", self.saveGeometry())
            settings.setValue("window/state", self.saveState())
        self.hot.stop()
        self.ocr.stop()
        self.runner.cancel_all()
        self.runner.wait(60000)
        super().closeEvent(event)

    # -- drag and drop: files dropped on the window open the capture dialog ----------
    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.open_capture(files)
