"""The first start: when the chosen folder holds no archive, the window offers to create
one (全宗号, 全宗名称, a folder), to open an existing one, or to build and open the demo
archive. The File menu's 新建档案库… / 打开档案库… open the same dialog.

Problems are shown next to the field they concern, never in a modal box. Creating,
opening and building run on a worker thread; the dialog's `archive` is the opened
archive once it is accepted (the caller owns and closes it)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import ARCHIVE_FILE, Archive
from archivist.errors import ArchivistError
from archivist.preferences import Preferences
from archivist.storage.filestore import translate_os_error
from ui import errors
from ui.people.administrators_dialog import AdministratorsForm
from ui.screen import fit_to_screen
from ui.tasks import TaskContext, TaskRunner

DEMO_ITEMS = 30  # the demo archive the window builds: enough to browse, quick to make
FONDS_CODE = re.compile(r"[A-Za-z0-9]{1,16}")
NAME_LIMIT = 100
PAGES = ("choices", "new", "open", "demo")
PROBLEM_STYLE = "color: #a11d1d;"
HINT_STYLE = "color: #555;"


def demo_archive_dir() -> Path:
    """Where the window builds the demo archive: a per-user folder of its own."""
    return Path(user_data_dir("Archivist", appauthor=False)) / "demo"


def is_archive(folder: Path) -> bool:
    try:
        return (folder / ARCHIVE_FILE).is_file()
    except OSError:
        return False


def is_empty_folder(folder: Path) -> bool:
    try:
        return folder.is_dir() and not any(folder.iterdir())
    except OSError:
        return False


def archive_below(folder: Path) -> Path | None:
    """An archive in a direct subfolder (the user chose the folder above it)."""
    try:
        return next((p for p in sorted(folder.iterdir()) if p.is_dir() and is_archive(p)), None)
    except OSError:
        return None


def free_folder(folder: Path) -> Path:
    """`folder` when it is new or empty, else the first free `folder-2`, `folder-3`…"""
    candidate, n = folder, 1
    while candidate.exists() and not is_empty_folder(candidate):
        n += 1
        candidate = folder.with_name(f"{folder.name}-{n}")
    return candidate


class DemoCancelled(Exception):
    """The person stopped the demo build; its folder is removed."""


class WelcomeDialog(QDialog):
    def __init__(
        self,
        prefs: Preferences,
        *,
        folder: Path,
        problem: ArchivistError | None = None,
        first_start: bool = True,
        page: str = "choices",
        demo_folder: Path | None = None,
        demo_items: int = DEMO_ITEMS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.prefs = prefs
        self.folder = folder
        self.problem = problem  # why the chosen folder could not be opened
        # after creating: the system administrator's user name (signs in first); after
        # the demo: True (the launcher signs in as the demo archivist)
        self.created_user = ""
        self.demo_opened = False
        self.first_start = first_start
        self.demo_folder = demo_folder or demo_archive_dir()
        self.demo_items = demo_items
        self.archive: Archive | None = None
        self.runner = TaskRunner(self)
        self.runner.unhandled.connect(lambda exc, details: errors.show_error(self, exc, details))
        self._task: Any = None  # the handle of the running create/open/build
        self._close_requested = False

        # -- the three choices ---------------------------------------------------------
        self.heading = QLabel()
        self.heading.setObjectName("welcomeHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.note = QLabel()
        self.note.setObjectName("welcomeNote")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_button = QCommandLinkButton()
        self.new_button.setObjectName("welcomeNew")
        self.open_button = QCommandLinkButton()
        self.open_button.setObjectName("welcomeOpen")
        self.demo_button = QCommandLinkButton()
        self.demo_button.setObjectName("welcomeDemo")
        self.new_button.clicked.connect(lambda: self.show_page("new"))
        self.open_button.clicked.connect(lambda: self.show_page("open"))
        self.demo_button.clicked.connect(self.open_demo)
        self.quit_button = QPushButton()
        self.quit_button.setObjectName("welcomeQuit")
        self.quit_button.clicked.connect(self.reject)
        self.choice_page = QWidget()
        choices = QVBoxLayout(self.choice_page)
        choices.addWidget(self.heading)
        choices.addWidget(self.note)
        choices.addSpacing(6)
        for button in (self.new_button, self.open_button, self.demo_button):
            choices.addWidget(button)
        choices.addStretch(1)
        choices.addLayout(_buttons(None, self.quit_button))

        # -- new archive ---------------------------------------------------------------
        self.fonds_code = QLineEdit()
        self.fonds_code.setObjectName("fondsCode")
        self.fonds_code.setMaxLength(40)
        self.fonds_name = QLineEdit()
        self.fonds_name.setObjectName("fondsName")
        self.fonds_name.setMaxLength(NAME_LIMIT + 20)
        self.new_folder = QLineEdit(str(free_folder(folder)))
        self.new_folder.setObjectName("newFolder")
        self.new_browse = QPushButton()
        self.new_browse.clicked.connect(self._browse_new)
        self.fonds_code_problem = _problem_label("fondsCodeProblem")
        self.fonds_name_problem = _problem_label("fondsNameProblem")
        self.new_folder_problem = _problem_label("newFolderProblem")
        self.new_folder_hint = QLabel()
        self.new_folder_hint.setWordWrap(True)
        self.new_folder_hint.setStyleSheet(HINT_STYLE)
        self.new_title = QLabel()
        self.new_title.setFont(font)
        self.new_intro = QLabel()
        self.new_intro.setWordWrap(True)
        self.new_status = QLabel()
        self.new_status.setStyleSheet(HINT_STYLE)
        self.create_button = QPushButton()
        self.create_button.setObjectName("createArchive")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_archive)
        self.new_back = QPushButton()
        self.new_back.clicked.connect(lambda: self.show_page("choices"))
        self.new_page = QWidget()
        new_layout = QVBoxLayout(self.new_page)
        new_layout.addWidget(self.new_title)
        new_layout.addWidget(self.new_intro)
        self.new_form = QFormLayout()
        self.new_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.new_labels = [QLabel() for _ in range(3)]
        self.new_form.addRow(self.new_labels[0], _stack(self.fonds_code, self.fonds_code_problem))
        self.new_form.addRow(self.new_labels[1], _stack(self.fonds_name, self.fonds_name_problem))
        self.new_form.addRow(
            self.new_labels[2],
            _stack(
                _row(self.new_folder, self.new_browse),
                self.new_folder_problem,
                self.new_folder_hint,
            ),
        )
        new_layout.addLayout(self.new_form)
        self.admin_title = QLabel()
        bold = self.admin_title.font()
        bold.setBold(True)
        self.admin_title.setFont(bold)
        new_layout.addWidget(self.admin_title)
        self.admin_form = AdministratorsForm()
        new_layout.addWidget(self.admin_form)
        for edit in self.admin_form.edits.values():
            edit.returnPressed.connect(self.create_archive)
        new_layout.addStretch(1)
        new_layout.addWidget(self.new_status)
        new_layout.addLayout(_buttons(self.new_back, self.create_button))
        for edit, label in (
            (self.fonds_code, self.fonds_code_problem),
            (self.fonds_name, self.fonds_name_problem),
            (self.new_folder, self.new_folder_problem),
        ):
            edit.textEdited.connect(lambda _t, label=label: _clear(label))
            edit.returnPressed.connect(self.create_archive)

        # -- open an existing archive ----------------------------------------------------
        self.open_title = QLabel()
        self.open_title.setFont(font)
        self.open_intro = QLabel()
        self.open_intro.setWordWrap(True)
        self.open_folder = QLineEdit()
        self.open_folder.setObjectName("openFolder")
        self.open_folder_problem = _problem_label("openFolderProblem")
        self.open_folder.textEdited.connect(lambda _t: _clear(self.open_folder_problem))
        self.open_folder.returnPressed.connect(self.open_existing)
        self.open_browse = QPushButton()
        self.open_browse.clicked.connect(self._browse_open)
        self.recent_label = QLabel()
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("welcomeRecent")
        self.recent_list.currentItemChanged.connect(self._recent_chosen)
        self.recent_list.itemActivated.connect(lambda _i: self.open_existing())
        self.open_status = QLabel()
        self.open_status.setStyleSheet(HINT_STYLE)
        self.open_confirm = QPushButton()
        self.open_confirm.setObjectName("openArchive")
        self.open_confirm.setDefault(True)
        self.open_confirm.clicked.connect(self.open_existing)
        self.open_back = QPushButton()
        self.open_back.clicked.connect(lambda: self.show_page("choices"))
        self.open_page = QWidget()
        open_layout = QVBoxLayout(self.open_page)
        open_layout.addWidget(self.open_title)
        open_layout.addWidget(self.open_intro)
        open_layout.addWidget(_row(self.open_folder, self.open_browse))
        open_layout.addWidget(self.open_folder_problem)
        open_layout.addWidget(self.recent_label)
        open_layout.addWidget(self.recent_list, 1)
        open_layout.addWidget(self.open_status)
        open_layout.addLayout(_buttons(self.open_back, self.open_confirm))

        # -- the demo archive ------------------------------------------------------------
        self.demo_title = QLabel()
        self.demo_title.setFont(font)
        self.demo_status = QLabel()
        self.demo_status.setObjectName("demoStatus")
        self.demo_status.setWordWrap(True)
        self.demo_progress = QProgressBar()
        self.demo_progress.setObjectName("demoProgress")
        self.demo_progress.setRange(0, 0)
        self.demo_problem = _problem_label("demoProblem")
        self.demo_cancel = QPushButton()
        self.demo_cancel.setObjectName("demoCancel")
        self.demo_cancel.clicked.connect(self.cancel_demo)
        self.demo_back = QPushButton()
        self.demo_back.clicked.connect(lambda: self.show_page("choices"))
        self.demo_page = QWidget()
        demo_layout = QVBoxLayout(self.demo_page)
        demo_layout.addWidget(self.demo_title)
        self.demo_where = QLabel()
        self.demo_where.setWordWrap(True)
        self.demo_where.setStyleSheet(HINT_STYLE)
        self.demo_where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        demo_layout.addWidget(self.demo_where)
        demo_layout.addWidget(self.demo_status)
        demo_layout.addWidget(self.demo_progress)
        demo_layout.addWidget(self.demo_problem)
        demo_layout.addStretch(1)
        demo_layout.addLayout(_buttons(self.demo_back, self.demo_cancel))

        self.pages = QStackedWidget()
        self.new_scroll = QScrollArea()  # the form with its three accounts fits small screens
        self.new_scroll.setWidgetResizable(True)
        self.new_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.new_scroll.setWidget(self.new_page)
        for widget in (self.choice_page, self.new_scroll, self.open_page, self.demo_page):
            self.pages.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setMinimumWidth(760)
        self.retranslate()
        # tall enough for the new-archive form with its three accounts, where it fits
        fit_to_screen(self, 800, 640)
        self._fill_recent()
        self._update_buttons()
        if page == "demo":
            self.open_demo()
        else:
            self.show_page(page)

    # -- pages -------------------------------------------------------------------------
    def page(self) -> str:
        return PAGES[self.pages.currentIndex()]

    def show_page(self, name: str) -> None:
        if self._task is not None:
            return
        self.pages.setCurrentIndex(PAGES.index(name))
        if name == "new":
            (self.fonds_code if not self.fonds_code.text() else self.create_button).setFocus()
        elif name == "open":
            self._fill_recent()
            self.open_folder.setFocus()
        elif name == "choices":
            self.new_button.setFocus()

    def _fill_recent(self) -> None:
        self.recent_list.clear()
        for path in self.prefs.recent:
            entry = QListWidgetItem(path)
            entry.setData(Qt.ItemDataRole.UserRole, path)
            if not is_archive(Path(path)):
                entry.setText(self.tr("{path}（已不存在）").format(path=path))
                entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                entry.setToolTip(self.tr("这个文件夹里已经没有档案库"))
            self.recent_list.addItem(entry)
        shown = self.recent_list.count() > 0
        self.recent_label.setVisible(shown)
        self.recent_list.setVisible(shown)

    def _recent_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None and current.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.open_folder.setText(str(current.data(Qt.ItemDataRole.UserRole)))
            _clear(self.open_folder_problem)

    # -- new archive -------------------------------------------------------------------
    def _browse_new(self) -> None:
        start = Path(self.new_folder.text().strip() or str(self.folder))
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("选择存放档案库的文件夹"), str(_existing_parent(start))
        )
        if not chosen:
            return
        folder = Path(chosen)
        _clear(self.new_folder_problem)
        if folder.is_dir() and not is_empty_folder(folder) and not is_archive(folder):
            # A folder with other things in it (Documents, D:\): the archive gets its own.
            folder = free_folder(folder / self.tr("档案库"))
            self.new_folder_hint.setText(
                self.tr("所选文件夹不是空的，将在其中新建文件夹“{name}”。").format(name=folder.name)
            )
        self.new_folder.setText(str(folder))

    def validate_new(self) -> tuple[str, str, Path] | None:
        """(fonds code, fonds name, folder) when all are usable; else each problem is
        shown under its field and None returned."""
        code = self.fonds_code.text().strip()
        name = self.fonds_name.text().strip()
        text = self.new_folder.text().strip()
        folder = Path(text).expanduser() if text else None
        problems: dict[QLabel, str] = {}
        if not code:
            problems[self.fonds_code_problem] = self.tr("请填写全宗号（如 J023）")
        elif len(code) > 16:
            problems[self.fonds_code_problem] = self.tr("全宗号太长（最多 16 个字母或数字）")
        elif not FONDS_CODE.fullmatch(code):
            problems[self.fonds_code_problem] = self.tr(
                "全宗号只能由字母和数字组成（如 J023）：它是每个档号的第一段"
            )
        if not name:
            problems[self.fonds_name_problem] = self.tr("请填写全宗名称（立档单位的名称）")
        elif len(name) > NAME_LIMIT:
            problems[self.fonds_name_problem] = self.tr("全宗名称太长（最多 {n} 个字）").format(
                n=NAME_LIMIT
            )
        if folder is None:
            problems[self.new_folder_problem] = self.tr("请选择存放档案库的文件夹")
        elif not folder.is_absolute():
            problems[self.new_folder_problem] = self.tr(
                "请填写完整的文件夹路径（如 D:\\档案库），或点“浏览…”选择"
            )
        elif is_archive(folder):
            problems[self.new_folder_problem] = self.tr(
                "这个文件夹里已经有档案库；要使用它，请返回并选择“打开已有档案库”"
            )
        elif folder.exists() and not folder.is_dir():
            problems[self.new_folder_problem] = self.tr("这是一个文件，不是文件夹")
        elif folder.exists() and not is_empty_folder(folder):
            problems[self.new_folder_problem] = self.tr(
                "这个文件夹不是空的；请选择一个空文件夹，或填写一个新文件夹的名字"
            )
        for label in (self.fonds_code_problem, self.fonds_name_problem, self.new_folder_problem):
            _show(label, problems.get(label, ""))
        if problems or folder is None:
            first = next(iter(problems))
            edit = {
                self.fonds_code_problem: self.fonds_code,
                self.fonds_name_problem: self.fonds_name,
            }.get(first, self.new_folder)
            edit.setFocus()
            return None
        return code, name, folder

    def create_archive(self) -> None:
        """Create the archive with the core call `archivist init` uses."""
        if self._task is not None or self.page() != "new":
            return
        checked = self.validate_new()
        admins = self.admin_form.administrators()
        if checked is None or admins is None:
            if checked is None:
                self.validate_new()  # the focus on the first field with a problem
            return
        code, name, folder = checked
        self.created_user = admins.sysadmin.user_name

        def create(_ctx: TaskContext) -> Archive:
            try:
                return Archive.init(folder, code, name, admins)
            except OSError as exc:
                raise translate_os_error(exc, folder) from None

        self.new_status.setText(self.tr("正在创建档案库……"))
        self._run(
            self.tr("创建档案库"),
            create,
            lambda exc, details: self._failed(exc, details, self.new_folder_problem),
            write=True,
        )

    # -- open an existing archive ------------------------------------------------------
    def _browse_open(self) -> None:
        start = Path(self.open_folder.text().strip() or str(self.folder))
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("选择档案库所在的文件夹"), str(_existing_parent(start))
        )
        if chosen:
            self.open_folder.setText(str(Path(chosen)))
            _clear(self.open_folder_problem)
            self.open_existing()

    def validate_open(self) -> Path | None:
        text = self.open_folder.text().strip()
        folder = Path(text).expanduser() if text else None
        problem = ""
        if folder is None:
            problem = self.tr("请选择档案库所在的文件夹")
        elif not folder.exists():
            problem = self.tr("文件夹不存在：{path}").format(path=folder)
        elif not folder.is_dir():
            problem = self.tr("这是一个文件，不是文件夹：{path}").format(path=folder)
        elif not is_archive(folder):
            problem = self.tr(
                "这个文件夹里没有档案库（档案库的文件夹中有 {file} 文件）。"
                "请选择档案库所在的文件夹，或返回新建档案库。"
            ).format(file=ARCHIVE_FILE)
            below = archive_below(folder)
            if below is not None:
                problem += self.tr("其中的子文件夹“{name}”是一个档案库。").format(name=below.name)
        _show(self.open_folder_problem, problem)
        if problem or folder is None:
            self.open_folder.setFocus()
            return None
        return folder

    def open_existing(self) -> None:
        if self._task is not None or self.page() != "open":
            return
        folder = self.validate_open()
        if folder is None:
            return
        self.open_status.setText(self.tr("正在打开档案库……"))
        self._run(
            self.tr("打开档案库"),
            lambda _ctx: Archive.open(folder),
            lambda exc, details: self._failed(exc, details, self.open_folder_problem),
        )

    # -- the demo archive ----------------------------------------------------------------
    def open_demo(self) -> None:
        """Open the demo archive, building it first (off the UI thread) if needed."""
        if self._task is not None:
            return
        folder, items = self.demo_folder, self.demo_items
        self.show_page("demo")
        _clear(self.demo_problem)
        self.demo_progress.setRange(0, 0)
        self.demo_progress.setValue(0)
        if is_archive(folder):
            self.demo_status.setText(self.tr("正在打开示例档案库：{path}").format(path=folder))
            self._run(
                self.tr("打开示例档案库"),
                self._demo_opening(lambda _ctx: Archive.open(folder)),
                lambda exc, details: self._failed(exc, details, self.demo_problem),
            )
            return
        if folder.exists() and not is_empty_folder(folder):
            _show(
                self.demo_problem,
                self.tr(
                    "示例档案库的文件夹已存在，但里面不是档案库：{path}。请移走或删除它后再试。"
                ).format(path=folder),
            )
            self.demo_progress.setRange(0, 1)
            self.demo_status.setText("")
            self._update_buttons()
            return
        self.demo_status.setText(
            self.tr("正在生成示例档案库（{n} 件合成的示例档案），请稍候……").format(n=items)
        )

        def build(ctx: TaskContext) -> Archive:
            from archivist.demo.build import build_demo

            def progress(done: int, total: int, what: str) -> None:
                if ctx.cancel.cancelled:
                    raise DemoCancelled
                ctx.progress(done, total, what)

            existed = folder.exists()
            try:
                build_demo(folder, items=items, progress=progress)
            except BaseException:
                if existed:  # an empty folder was there: leave it empty
                    for child in folder.iterdir():
                        _remove(child)
                else:
                    _remove(folder)
                raise
            return Archive.open(folder)

        self._run(
            self.tr("生成示例档案库"),
            self._demo_opening(build),
            lambda exc, details: self._failed(exc, details, self.demo_problem),
            write=True,
            long=True,
            on_progress=self._demo_progress,
        )

    def _demo_opening(self, fn: Any) -> Any:
        """The demo archive, marked so that its archivist is signed in."""

        def opening(ctx: TaskContext) -> Archive:
            archive = fn(ctx)
            assert isinstance(archive, Archive)
            self.demo_opened = True
            return archive

        return opening

    def _demo_progress(self, done: int, total: int, what: str) -> None:
        self.demo_progress.setRange(0, max(total, 1))
        self.demo_progress.setValue(done)
        if what:
            self.demo_status.setText(self.tr("正在采集示例档案：{number}").format(number=what))
        else:
            self.demo_status.setText(self.tr("正在生成示例材料……"))

    def cancel_demo(self) -> None:
        if self._task is not None:
            self._task.cancel.cancel()
            self.demo_status.setText(self.tr("正在取消……"))
            self.demo_cancel.setEnabled(False)

    # -- running and finishing -----------------------------------------------------------
    def _run(
        self,
        name: str,
        fn: Any,
        on_error: Any,
        *,
        write: bool = False,
        long: bool = False,
        on_progress: Any = None,
    ) -> None:
        self._task = self.runner.submit(
            name,
            fn,
            write=write,
            long=long,
            on_done=self._opened,
            on_error=on_error,
            on_progress=on_progress,
        )
        self._update_buttons()

    def _opened(self, archive: object) -> None:
        self._task = None
        assert isinstance(archive, Archive)
        if self._close_requested:
            archive.close()
            super().reject()
            return
        if self.created_user:  # the system administrator signs in first
            self.prefs.remember_sign_in_name(archive.root, self.created_user)
        self.archive = archive
        self.accept()

    def _failed(self, exc: BaseException, details: str, where: QLabel) -> None:
        self._task = None
        for status in (self.new_status, self.open_status):
            status.setText("")
        self.demo_progress.setRange(0, 1)
        self.demo_progress.setValue(0)
        if self._close_requested:
            super().reject()
            return
        self._update_buttons()
        if isinstance(exc, DemoCancelled):
            self.show_page("choices")
            self._set_note(self.tr("已取消生成示例档案库，没有留下任何文件。"))
            return
        if isinstance(exc, ArchivistError):
            _show(where, exc.message())  # next to the field it concerns
            if where is self.demo_problem:
                self.demo_status.setText("")
            return
        errors.show_error(self, exc, details)  # not the person's doing: a defect

    def _update_buttons(self) -> None:
        busy = self._task is not None
        for widget in (
            self.create_button,
            self.new_back,
            self.new_browse,
            self.open_confirm,
            self.open_back,
            self.open_browse,
            self.recent_list,
            self.fonds_code,
            self.fonds_name,
            self.new_folder,
            self.open_folder,
        ):
            widget.setEnabled(not busy)
        self.admin_form.set_enabled(not busy)
        building = busy and self.page() == "demo"
        self.demo_cancel.setVisible(building)
        self.demo_cancel.setEnabled(building)
        self.demo_back.setVisible(not busy)
        self.demo_progress.setVisible(busy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape on a form goes back to the three choices; on the choices it closes."""
        if (
            event.key() == Qt.Key.Key_Escape
            and self._task is None
            and self.page() in ("new", "open")
        ):
            self.show_page("choices")
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Cancel, Escape or the close box: while work runs, stop what can be stopped
        and close once it has ended."""
        if self._task is not None:
            self._close_requested = True
            self._task.cancel.cancel()
            return
        super().reject()

    # -- language ------------------------------------------------------------------------
    def _set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("档案室 — 选择档案库"))
        self.heading.setText(self.tr("欢迎使用档案室"))
        if self.first_start and self.problem is not None and self.problem.code != "archive.missing":
            note = self.tr("无法打开 {path} 的档案库：{reason}").format(
                path=self.folder, reason=self.problem.message()
            )
        elif self.first_start:
            note = self.tr("在 {path} 还没有档案库。请选择：").format(path=self.folder)
        else:
            note = self.tr("请选择：")
        self._set_note(note)
        self.new_button.setText(self.tr("新建档案库"))
        self.new_button.setDescription(
            self.tr(
                "为本单位建立档案库：填写全宗号和全宗名称，选择存放的文件夹，设置三个管理员账户。"
            )
        )
        self.open_button.setText(self.tr("打开已有档案库"))
        self.open_button.setDescription(
            self.tr("选择已有档案库所在的文件夹（如从别的电脑复制来的）。")
        )
        self.demo_button.setText(self.tr("打开示例档案库"))
        self.demo_button.setDescription(
            self.tr("生成一个装有合成示例档案的档案库，先熟悉操作；与正式档案分开存放。")
        )
        self.quit_button.setText(self.tr("退出") if self.first_start else self.tr("取消"))
        self.new_title.setText(self.tr("新建档案库"))
        self.new_intro.setText(
            self.tr("一个档案库对应一个全宗。档案库的数据库和全部原件都存放在所选的文件夹中。")
        )
        labels = (self.tr("全宗号："), self.tr("全宗名称："), self.tr("文件夹："))
        for label, text in zip(self.new_labels, labels, strict=True):
            label.setText(text)
        self.fonds_code.setPlaceholderText(self.tr("如 J023"))
        self.fonds_name.setPlaceholderText(self.tr("如 示例市社会保险事业服务中心"))
        self.new_browse.setText(self.tr("浏览…"))
        self.create_button.setText(self.tr("创建档案库"))
        self.admin_title.setText(self.tr("三个管理员账户"))
        self.new_back.setText(self.tr("返回"))
        self.open_title.setText(self.tr("打开已有档案库"))
        self.open_intro.setText(self.tr("档案库所在的文件夹："))
        self.open_browse.setText(self.tr("浏览…"))
        self.recent_label.setText(self.tr("最近打开的档案库："))
        self.open_confirm.setText(self.tr("打开"))
        self.open_back.setText(self.tr("返回"))
        self.demo_title.setText(self.tr("示例档案库"))
        self.demo_where.setText(
            self.tr("示例档案库存放在 {path}，与正式档案分开。").format(path=self.demo_folder)
        )
        self.demo_cancel.setText(self.tr("取消生成"))
        self.demo_back.setText(self.tr("返回"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _problem_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _clear(label: QLabel) -> None:
    _show(label, "")


def _stack(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def _row(edit: QWidget, button: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return box


def _buttons(left: QWidget | None, right: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout()
    if left is not None:
        layout.addWidget(left)
    layout.addStretch(1)
    layout.addWidget(right)
    return layout


def _existing_parent(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.is_dir():
            return candidate
    return Path.home()


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
