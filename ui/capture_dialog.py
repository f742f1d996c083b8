"""The capture workflow: files dragged in or chosen; class, business type,
completion date and entity (completed from existing entities, the ID number's check
digit validated as you type); each material marked form/voucher, important/secondary
and its person; the rule order shown live with its reasons; dragging a material
overrides the order and asks for the reason. Saving goes through the core capture
(atomic), then the audited reorder when the order was overridden."""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QRect, QSettings, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from archivist.access import browse
from archivist.archive import Archive
from archivist.arrangement import items
from archivist.capture.manifest import build_request
from archivist.capture.pipeline import CaptureResult, capture
from archivist.errors import ArchivistError, FileRejected, InputError
from archivist.formats.media import inspect_file
from archivist.rules.identity import normalise_id_number, normalise_unit_code
from archivist.rules.ordering import OrderInput, Placement, arrange, explain
from ui import errors, screen
from ui.tasks import TaskContext, TaskRunner

log = logging.getLogger(__name__)

ACCEPTED = (".pdf", ".tif", ".tiff", ".jpg", ".jpeg", ".jpe", ".png", ".jp2", ".j2k", ".jpf")
INDEX_ROLE = Qt.ItemDataRole.UserRole
CHECK_COLUMN = 5
CHECK_BATCH = 4  # files checked by one background task
PREFERRED_SIZE = (1180, 780)
LAST_CLASS_KEY = "capture/last_class"
LAST_BUSINESS_KEY = "capture/last_business_type"
# Which field a refusal from the core concerns: it is shown next to that field.
FIELD_OF_CODE = {
    "class.unknown": "class",
    "business_type.unknown": "business",
    "retention.unset": "business",
    "retention.accounting": "business",
    "date.invalid": "date",
    "date.future": "date",
    "entity.invalid": "entity",
    "entity.conflict": "entity",
    "id_number.invalid": "identifier",
    "unit_code.invalid": "identifier",
    "manifest.person_not_on_roster": "roster",
    "manifest.person_ambiguous": "roster",
}


@dataclass
class Draft:
    """One material as the dialog holds it before capture."""

    path: Path
    title: str
    role: str = "voucher"
    importance: str = "important"
    person: str = ""
    check: str = "pending"  # pending | ok | bad: the preflight capture also runs
    problem: BaseException | None = None
    details: str = ""


@dataclass(frozen=True)
class CaptureOutcome:
    number: str
    result: CaptureResult
    reordered: bool


def check_identifier(kind: str, value: str) -> tuple[bool | None, str]:
    """(valid?, message) for an ID number or credit code as typed: None while incomplete."""
    text = value.strip().upper()
    if not text:
        return None, ""
    if len(text) < 18:
        return None, f"{len(text)}/18"
    try:
        (normalise_id_number if kind == "person" else normalise_unit_code)(text)
    except InputError as exc:
        return False, exc.message()
    return True, ""


class CaptureDialog(QDialog):
    captured = Signal(str)

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        files: list[Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("captureDialog")
        self.setAcceptDrops(True)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.archive = archive
        self.runner = runner
        self.drafts: list[Draft] = []
        self.override: list[int] | None = None  # capture indices in the chosen order
        self.override_reason = ""
        self.placements: list[Placement] = []
        self.known: dict[str, browse.KnownEntity] = {}
        self.scheme = browse.scheme_table(archive)
        self.busy = False
        self._filling_order = False

        # -- the item ----------------------------------------------------------------
        self.klass = QComboBox()
        self.klass.setObjectName("captureClass")
        self.business = QComboBox()
        self.business.setObjectName("captureBusinessType")
        for entry in self.scheme:
            self.klass.addItem(f"{entry['code']} {entry['name']}", entry["code"])
        self.klass.currentIndexChanged.connect(self._class_changed)
        self.date = QDateEdit()
        self.date.setObjectName("captureDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate.currentDate())
        self.date.setDate(QDate.currentDate())
        self.person_kind = QRadioButton()
        self.unit_kind = QRadioButton()
        self.person_kind.setChecked(True)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.person_kind)
        self.kind_group.addButton(self.unit_kind)
        self.person_kind.toggled.connect(self._kind_changed)
        self.entity = QLineEdit()
        self.entity.setObjectName("captureEntity")
        self.completer_model = QStringListModel(self)
        self.completer = QCompleter(self.completer_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entity.setCompleter(self.completer)
        self.entity.textEdited.connect(self._entity_typed)
        self.completer.activated.connect(self._entity_chosen)
        self.entity.textChanged.connect(self._changed)
        self.identifier = QLineEdit()
        self.identifier.setObjectName("captureIdNumber")
        self.identifier.setMaxLength(18)
        self.identifier.textChanged.connect(self._check_identifier)
        self.identifier_state = QLabel()
        self.identifier_state.setObjectName("idState")
        self.title = QLineEdit()
        self.title.setObjectName("captureTitle")
        self.handler = QLineEdit()
        self.roster = QLineEdit()
        self.roster.setObjectName("captureRoster")
        self.roster.textChanged.connect(self._roster_changed)

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.person_kind)
        kind_row.addWidget(self.unit_kind)
        kind_row.addStretch(1)
        id_row = QHBoxLayout()
        id_row.addWidget(self.identifier, 1)
        id_row.addWidget(self.identifier_state, 1)
        self.form_labels: dict[str, QLabel] = {}
        self.field_hints: dict[str, QLabel] = {}
        # two columns of fields: the dialog must fit a 1280×720 screen
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setVerticalSpacing(4)
        self.hint_forms: dict[str, QFormLayout] = {}
        for key, field in (
            ("class", self.klass),
            ("business", self.business),
            ("date", self.date),
            ("handler", self.handler),
            ("kind", kind_row),
            ("entity", self.entity),
            ("identifier", id_row),
            ("title", self.title),
            ("roster", self.roster),
        ):
            label = QLabel()
            self.form_labels[key] = label
            form = left if key in ("class", "business", "date", "handler") else right
            if isinstance(field, QHBoxLayout):
                form.addRow(label, field)
            else:
                form.addRow(label, field)
            # a refusal concerning this field is shown right under it
            hint = QLabel()
            hint.setObjectName(f"hint_{key}")
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #a11d1d;")
            self.field_hints[key] = hint
            self.hint_forms[key] = form
            form.addRow(QLabel(), hint)
            form.setRowVisible(hint, False)
        self.business.currentIndexChanged.connect(lambda _i: self._clear_hints("business"))
        self.klass.currentIndexChanged.connect(lambda _i: self._clear_hints("class", "business"))
        self.date.dateChanged.connect(lambda _d: self._clear_hints("date"))
        self.entity.textChanged.connect(lambda _t: self._clear_hints("entity"))
        self.identifier.textChanged.connect(lambda _t: self._clear_hints("identifier", "entity"))
        self.title.textChanged.connect(lambda _t: self._clear_hints("title"))
        self.roster.textChanged.connect(lambda _t: self._clear_hints("roster"))
        self.item_box = QGroupBox()
        columns = QHBoxLayout(self.item_box)
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)

        # -- materials -----------------------------------------------------------------
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("captureMaterials")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3, 4, CHECK_COLUMN):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 150)
        self.table.setColumnWidth(CHECK_COLUMN, 150)
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(self._title_edited)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addFiles")
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.drop_hint = QLabel()
        self.drop_hint.setObjectName("dropHint")
        self.drop_hint.setStyleSheet("color: #666;")
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_button)
        buttons_row.addWidget(self.remove_button)
        buttons_row.addWidget(self.drop_hint, 1)
        self.materials_box = QGroupBox()
        mlayout = QVBoxLayout(self.materials_box)
        mlayout.addWidget(self.table, 1)
        mlayout.addLayout(buttons_row)

        # -- the order ------------------------------------------------------------------
        self.order = QListWidget()
        self.order.setObjectName("captureOrder")
        self.order.setWordWrap(True)
        self.order.setMinimumHeight(110)
        self.order.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.order.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.order.model().rowsMoved.connect(self._order_dragged)
        self.order_state = QLabel()
        self.order_state.setWordWrap(True)
        self.order_state.setObjectName("orderState")
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_rule_order)
        self.order_box = QGroupBox()
        olayout = QVBoxLayout(self.order_box)
        olayout.addWidget(self.order_state)
        olayout.addWidget(self.order, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.restore_button)
        olayout.addLayout(row)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.problem = QLabel()
        self.problem.setObjectName("captureProblem")
        self.problem.setStyleSheet("color: #a11d1d;")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Every problem is listed; a long list scrolls instead of pushing the buttons away.
        self.problem_area = QScrollArea()
        self.problem_area.setObjectName("captureProblems")
        self.problem_area.setWidgetResizable(True)
        self.problem_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.problem_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problem_area.setWidget(self.problem)
        self.problem_area.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.materials_box)
        lower.addWidget(self.order_box)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setChildrenCollapsible(False)
        # The fields and the materials scroll when the screen is too small for them;
        # the problem line and the buttons stay in view.
        body = QWidget()
        body.setObjectName("captureBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.item_box)
        body_layout.addWidget(lower, 1)
        self.body_area = QScrollArea()
        self.body_area.setObjectName("captureScroll")
        self.body_area.setWidgetResizable(True)
        self.body_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body_area, 1)
        layout.addWidget(self.problem_area)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.fit_to_screen()
        self._class_changed()
        self._preselect_last_class()
        self.retranslate()
        if files:
            self.add_files(files)
        self._changed()

    # -- size ------------------------------------------------------------------------
    def fit_to_screen(self, available: QRect | None = None) -> None:
        """Size the dialog to the screen's free area (without the taskbar), at most its
        preferred size, and centre it there: its buttons never fall off the screen."""
        if available is None:
            available = screen.available_area(self.parentWidget() or self)
            if available is None:
                self.resize(*PREFERRED_SIZE)
                return
        frame_w, frame_h = screen.FRAME  # before it is shown, the frame is not known
        if self.isVisible():
            frame_w = max(0, self.frameGeometry().width() - self.width())
            frame_h = max(0, self.frameGeometry().height() - self.height())
        width = min(PREFERRED_SIZE[0], available.width() - frame_w)
        height = min(PREFERRED_SIZE[1], available.height() - frame_h)
        self.resize(width, height)
        self.move(
            available.x() + (available.width() - width - frame_w) // 2,
            available.y() + (available.height() - height - frame_h) // 2,
        )

    # -- the last class and business type (a per-user preference) ------------------
    def _preselect_last_class(self) -> None:
        settings = QSettings()
        code = settings.value(LAST_CLASS_KEY, "", type=str)
        business = settings.value(LAST_BUSINESS_KEY, "", type=str)
        if code and self.klass.findData(code) >= 0:
            self.klass.setCurrentIndex(self.klass.findData(code))
            if business and self.business.findData(business) >= 0:
                self.business.setCurrentIndex(self.business.findData(business))

    def _remember_class(self, code: str, business: str) -> None:
        settings = QSettings()
        settings.setValue(LAST_CLASS_KEY, code)
        settings.setValue(LAST_BUSINESS_KEY, business)

    # -- refusals next to their field ------------------------------------------------
    def show_field_problem(self, key: str, message: str) -> None:
        hint = self.field_hints[key]
        hint.setText(message)
        self.hint_forms[key].setRowVisible(hint, bool(message))
        if message:
            self.body_area.ensureWidgetVisible(hint)

    def _clear_hints(self, *keys: str) -> None:
        for key in keys:
            if self.field_hints[key].text():
                self.show_field_problem(key, "")

    def field_problems(self) -> dict[str, str]:
        return {k: h.text() for k, h in self.field_hints.items() if h.text()}

    # -- the item fields ---------------------------------------------------------------
    def _class_changed(self) -> None:
        code = self.klass.currentData()
        self.business.clear()
        for entry in self.scheme:
            if entry["code"] == code:
                for bt in entry["business_types"]:
                    retention = bt["retention"] or entry["default_retention"]
                    self.business.addItem(bt["name"], bt["name"])
                    if not retention or retention == "ACCOUNTING":
                        index = self.business.count() - 1
                        self.business.setItemData(
                            index, self.tr("未设定保管期限，不能采集"), Qt.ItemDataRole.ToolTipRole
                        )
        self._changed()

    def set_class(self, code: str, business_type: str) -> None:
        self.klass.setCurrentIndex(self.klass.findData(code))
        self.business.setCurrentIndex(self.business.findData(business_type))

    def _kind_changed(self) -> None:
        self.identifier.clear()
        self.retranslate()
        self._roster_default()
        self._changed()

    def kind(self) -> str:
        return "person" if self.person_kind.isChecked() else "unit"

    def _entity_typed(self, text: str) -> None:
        found = browse.entities_like(self.archive, text, limit=20)
        self.known = {e.name: e for e in found}
        self.completer_model.setStringList([e.name for e in found])

    def _entity_chosen(self, name: str) -> None:
        known = self.known.get(name)
        if known is None:
            return
        (self.person_kind if known.kind == "person" else self.unit_kind).setChecked(True)
        self.entity.setText(known.name)
        self.identifier.setText(known.id_number or known.unit_code or "")

    def _check_identifier(self) -> None:
        ok, message = check_identifier(self.kind(), self.identifier.text())
        if ok is None:
            self.identifier_state.setText(message)
            self.identifier_state.setStyleSheet("color: #666;")
        elif ok:
            self.identifier_state.setText(self.tr("✓ 校验码正确"))
            self.identifier_state.setStyleSheet("color: #1b7a2e;")
        else:
            self.identifier_state.setText("✗ " + message)
            self.identifier_state.setStyleSheet("color: #a11d1d;")
        self._changed()

    def roster_names(self) -> list[str]:
        text = self.roster.text().replace("，", ",").replace("、", ",").replace(";", ",")
        return [n.strip() for n in text.split(",") if n.strip()]

    def _roster_default(self) -> None:
        if not self.roster.isModified() and self.kind() == "person":
            self.roster.setText(self.entity.text().strip())

    def _roster_changed(self) -> None:
        self._refresh_table_people()
        self._size_columns()
        self._changed()

    # -- materials ---------------------------------------------------------------------
    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择要采集的文件"),
            "",
            self.tr("档案文件 (*.pdf *.tif *.tiff *.jpg *.jpeg *.png *.jp2);;所有文件 (*)"),
        )
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        added = self._add_drafts(paths)
        self._reset_override()
        self._fill_table()
        self._changed()
        if added:
            self._check_files(added)

    def _add_drafts(self, paths: list[Path]) -> list[Draft]:
        known = {d.path.resolve() for d in self.drafts}
        added: list[Draft] = []
        for path in paths:
            if path.is_dir():
                added += self._add_drafts(
                    sorted(p for p in path.iterdir() if p.suffix.lower() in ACCEPTED)
                )
                known = {d.path.resolve() for d in self.drafts}
                continue
            if path.resolve() in known:
                continue
            role = "form" if not any(d.role == "form" for d in self.drafts) else "voucher"
            draft = Draft(path, path.stem, role)
            self.drafts.append(draft)
            added.append(draft)
            known.add(path.resolve())
        return added

    # -- checking the files as they come (the preflight capture runs) --------------
    def _check_files(self, drafts: list[Draft]) -> None:
        """Run capture's own file check on each new file, off the window's thread; every
        problem is marked on its row as soon as it is known, all of them listed together.
        A few files a task: rows are marked as checking goes on, two files at a time."""
        all_paths = [d.path for d in drafts]
        for start in range(0, len(all_paths), CHECK_BATCH):
            paths = all_paths[start : start + CHECK_BATCH]

            def work(
                _ctx: TaskContext, paths: list[Path] = paths
            ) -> list[tuple[Path, BaseException | None, str]]:
                results: list[tuple[Path, BaseException | None, str]] = []
                for path in paths:
                    try:
                        inspect_file(path, path.name)
                    except Exception as exc:  # each file's problem is kept with its row
                        if not isinstance(exc, ArchivistError):  # a defect, not a refusal
                            log.exception("checking %s failed", path.name)
                        results.append((path, exc, "".join(traceback.format_exception(exc))))
                    else:
                        results.append((path, None, ""))
                return results

            def failed(exc: BaseException, details: str, paths: list[Path] = paths) -> None:
                self._checked([(path, exc, details) for path in paths])

            self.runner.submit(
                self.tr("检查文件"), work, on_done=self._checked, on_error=failed, quiet=True
            )

    def _checked(self, results: object) -> None:
        if not Shiboken.isValid(self) or not isinstance(results, list):
            return
        by_path = {d.path: d for d in self.drafts}
        for path, problem, details in results:
            draft = by_path.get(path)
            if draft is None or draft.check != "pending":
                continue  # removed meanwhile
            draft.check = "ok" if problem is None else "bad"
            draft.problem, draft.details = problem, details
        self._show_checks()
        self._changed()

    def checking(self) -> bool:
        """True while some added file is still being checked."""
        return any(d.check == "pending" for d in self.drafts)

    def bad_files(self) -> list[Draft]:
        return [d for d in self.drafts if d.check == "bad"]

    def file_problem(self, draft: Draft) -> str:
        """The sentence for a file's problem, in the interface language."""
        if draft.problem is None:
            return ""
        return errors.describe(draft.problem, draft.details)[0]

    def file_problem_details(self, draft: Draft) -> str:
        """What is under 详细信息: the code and the library's own words."""
        if draft.problem is None:
            return ""
        return errors.describe(draft.problem, draft.details)[1]

    def _show_checks(self) -> None:
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row, draft in enumerate(self.drafts):
            name = self.table.item(row, 0)
            cell = self.table.item(row, CHECK_COLUMN)
            if name is None or cell is None:
                continue
            self.table.blockSignals(True)
            if draft.check == "bad":
                message = self.file_problem(draft)
                cell.setText("✗ " + message)
                cell.setToolTip(message)
                cell.setForeground(QBrush(QColor("#a11d1d")))
                name.setIcon(warn)
                name.setForeground(QBrush(QColor("#a11d1d")))
                name.setToolTip(f"{draft.path}\n{message}")
            elif draft.check == "ok":
                cell.setText(self.tr("✓ 可以采集"))
                cell.setToolTip("")
                cell.setForeground(QBrush(QColor("#1b7a2e")))
            else:
                cell.setText(self.tr("正在检查…"))
                cell.setForeground(QBrush(QColor("#666666")))
            self.table.blockSignals(False)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            del self.drafts[row]
        self._reset_override()
        self._fill_table()
        self._changed()

    def _fill_table(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.drafts))
        for row, draft in enumerate(self.drafts):
            name = QTableWidgetItem(draft.path.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setToolTip(str(draft.path))
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(draft.title))
            role = QComboBox()
            role.addItem(self.tr("表单"), "form")
            role.addItem(self.tr("凭证"), "voucher")
            role.setCurrentIndex(role.findData(draft.role))
            role.currentIndexChanged.connect(
                lambda _i, r=row, w=role: self._set(r, "role", w.currentData())
            )
            self.table.setCellWidget(row, 2, role)
            importance = QComboBox()
            importance.addItem(self.tr("重要"), "important")
            importance.addItem(self.tr("次要"), "secondary")
            importance.setCurrentIndex(importance.findData(draft.importance))
            importance.currentIndexChanged.connect(
                lambda _i, r=row, w=importance: self._set(r, "importance", w.currentData())
            )
            self.table.setCellWidget(row, 3, importance)
            person = QComboBox()
            self.table.setCellWidget(row, 4, person)
            check = QTableWidgetItem()
            check.setFlags(check.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, CHECK_COLUMN, check)
        self.table.blockSignals(False)
        self._refresh_table_people()
        self._size_columns()
        self._show_checks()

    def _size_columns(self) -> None:
        """Cell widgets do not size their columns: fit the longest choice."""
        metrics = self.fontMetrics()
        choices = {
            2: [self.tr("表单"), self.tr("凭证"), self.tr("类型")],
            3: [self.tr("重要"), self.tr("次要"), self.tr("重要性")],
            4: [self.tr("（无）"), self.tr("所属人员"), *self.roster_names()],
        }
        for col, texts in choices.items():
            width = max(metrics.horizontalAdvance(t) for t in texts) + 44
            self.table.setColumnWidth(col, min(width, 220))

    def _refresh_table_people(self) -> None:
        names = self.roster_names()
        for row, draft in enumerate(self.drafts):
            combo = self.table.cellWidget(row, 4)
            if not isinstance(combo, QComboBox):
                continue
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("（无）"), "")
            for name in names:
                combo.addItem(name, name)
            if draft.person and draft.person not in names:
                draft.person = ""
            combo.setCurrentIndex(max(0, combo.findData(draft.person)))
            combo.blockSignals(False)
            if not combo.property("wired"):
                combo.setProperty("wired", True)
                combo.currentIndexChanged.connect(
                    lambda _i, r=row, w=combo: self._set(r, "person", w.currentData() or "")
                )
            importance = self.table.cellWidget(row, 3)
            if isinstance(importance, QWidget):
                importance.setEnabled(draft.role == "voucher")
            combo.setEnabled(draft.role == "voucher")

    def set_material(self, row: int, **values: str) -> None:
        """Set a material's role, importance, person or title (as the widgets do)."""
        for key, value in values.items():
            setattr(self.drafts[row], key, value)
        draft = self.drafts[row]
        self.table.blockSignals(True)
        title = self.table.item(row, 1)
        if title is not None:
            title.setText(draft.title)
        for col, value in ((2, draft.role), (3, draft.importance)):
            combo = self.table.cellWidget(row, col)
            if isinstance(combo, QComboBox):
                combo.blockSignals(True)
                combo.setCurrentIndex(max(0, combo.findData(value)))
                combo.blockSignals(False)
        self.table.blockSignals(False)
        self._refresh_table_people()
        self._changed()

    def _set(self, row: int, key: str, value: Any) -> None:
        if 0 <= row < len(self.drafts):
            setattr(self.drafts[row], key, str(value or ""))
            if key == "role":
                self._refresh_table_people()
            self._changed()

    def _title_edited(self, cell: QTableWidgetItem) -> None:
        if cell.column() == 1 and 0 <= cell.row() < len(self.drafts):
            self.drafts[cell.row()].title = cell.text().strip() or self.drafts[cell.row()].path.stem
            self._changed()

    # -- the order ---------------------------------------------------------------------
    def rule_placements(self) -> list[Placement]:
        names = self.roster_names()
        inputs = []
        for index, draft in enumerate(self.drafts):
            position = names.index(draft.person) + 1 if draft.person in names else None
            inputs.append(
                OrderInput(
                    capture_index=index,
                    role=draft.role,
                    title=draft.title,
                    importance=draft.importance if draft.role == "voucher" else None,
                    person_position=position if draft.role == "voucher" else None,
                    person_name=draft.person if position and draft.role == "voucher" else None,
                )
            )
        return arrange(inputs)

    def current_order(self) -> list[int]:
        """Capture indices in the order the item will have."""
        if self.override is not None:
            return list(self.override)
        return [p.capture_index for p in self.placements]

    def _show_order(self) -> None:
        self.placements = self.rule_placements()
        reasons = {p.capture_index: explain(p.basis) for p in self.placements}
        rule_seq = {p.capture_index: p.seq for p in self.placements}
        # The model's signals are never blocked: the view lays out and repaints from
        # them (blocked, the panel stayed blank or showed an older order).
        self._filling_order = True
        self.order.clear()
        for seq, index in enumerate(self.current_order(), start=1):
            draft = self.drafts[index]
            if self.override is not None and rule_seq[index] != seq:
                reason = self.tr("人工调整（按规则应为第{n}位）：{reason}").format(
                    n=rule_seq[index], reason=self.override_reason
                )
            else:
                reason = reasons[index]
            item = QListWidgetItem(f"{seq}. {draft.title}\n    {reason}")
            item.setData(INDEX_ROLE, index)
            item.setToolTip(reason)
            self.order.addItem(item)
        self._filling_order = False
        if self.override is not None:
            self.order_state.setText(
                self.tr("顺序已人工调整，理由：{reason}").format(reason=self.override_reason)
            )
            self.order_state.setStyleSheet("color: #8a5300;")
        else:
            self.order_state.setText(self.tr("按排列规则自动排序；拖动可调整（需填写理由）"))
            self.order_state.setStyleSheet("")
        self.restore_button.setEnabled(self.override is not None)

    def _order_dragged(self, *_args: object) -> None:
        if self._filling_order:
            return
        order = [int(self.order.item(r).data(INDEX_ROLE)) for r in range(self.order.count())]
        QTimer.singleShot(0, lambda: self.override_order(order))

    def override_order(self, order: list[int], reason: str | None = None) -> bool:
        """Put the materials in `order` (capture indices); asks for the reason."""
        if order == [p.capture_index for p in self.placements]:
            self.override, self.override_reason = None, ""
            self._show_order()
            return True
        if reason is None:
            text, ok = QInputDialog.getText(
                self,
                self.tr("调整件内顺序"),
                self.tr("与排列规则不同的顺序必须说明理由（记入审计记录）："),
                text=self.override_reason,
            )
            reason = text.strip() if ok else ""
        if not reason:
            self._show_order()  # back to the order before the drag
            return False
        self.override, self.override_reason = list(order), reason
        self._show_order()
        return True

    def restore_rule_order(self) -> None:
        self.override, self.override_reason = None, ""
        self._show_order()

    def _reset_override(self) -> None:
        if self.override is not None and sorted(self.override) != list(range(len(self.drafts))):
            self.override, self.override_reason = None, ""

    # -- checking and saving ---------------------------------------------------------
    def _changed(self) -> None:
        if self.kind() == "person" and not self.roster.isModified():
            self.roster.blockSignals(True)
            self.roster.setText(self.entity.text().strip())
            self.roster.blockSignals(False)
            self._refresh_table_people()
        self.title.setPlaceholderText(f"{self.entity.text().strip()}{self.business.currentText()}")
        self._show_order()
        problem = self.problem_text()
        self.problem.setText(problem)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setEnabled(not problem and not self.busy)

    def problem_text(self) -> str:
        if not self.drafts:
            return self.tr("请添加文件（拖入窗口或点“添加文件”）")
        bad = self.bad_files()
        if bad:
            lines = [self.tr("{n} 个文件不能采集，请移除或换成完好的文件：").format(n=len(bad))]
            lines += ["• " + self.file_problem(d) for d in bad]
            return "\n".join(lines)
        if not any(d.role == "form" for d in self.drafts):
            return self.tr("至少要有一份业务表单")
        if not self.business.currentData():
            return self.tr("请选择业务类型")
        if not self.entity.text().strip():
            return self.tr("请填写单位或个人名称")
        ok, message = check_identifier(self.kind(), self.identifier.text())
        if ok is False:
            return message
        if ok is None and self.identifier.text().strip():
            return self.tr("证件号码不完整")
        if self.checking():
            return self.tr("正在检查文件…")
        return ""

    def request_data(self) -> dict[str, Any]:
        entity: dict[str, Any] = {"kind": self.kind(), "name": self.entity.text().strip()}
        ident = self.identifier.text().strip().upper()
        if ident:
            entity["id_number" if self.kind() == "person" else "unit_code"] = ident
        data: dict[str, Any] = {
            "class": self.klass.currentData(),
            "business_type": self.business.currentData(),
            "completed_on": self.date.date().toString("yyyy-MM-dd"),
            "entity": entity,
            "handler": self.handler.text().strip(),
            "materials": [
                {
                    "file": str(d.path),
                    "role": d.role,
                    "title": d.title,
                    **(
                        {"importance": d.importance, **({"person": d.person} if d.person else {})}
                        if d.role == "voucher"
                        else {}
                    ),
                }
                for d in self.drafts
            ],
        }
        if self.title.text().strip():
            data["title"] = self.title.text().strip()
        roster = self.roster_names()
        if roster or self.kind() == "unit":
            data["roster"] = roster
        return data

    def save(self) -> None:
        if self.busy or self.problem_text():
            return
        data = self.request_data()
        chosen = (str(data["class"]), str(data["business_type"]))
        order = self.current_order() if self.override is not None else None
        reason = self.override_reason
        self.busy = True
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self._changed()

        def work(ctx: TaskContext) -> CaptureOutcome:
            request = build_request(data, base=Path.cwd(), label=self.tr("采集窗口"), anywhere=True)
            result = capture(self.archive, request, progress=ctx.progress)
            reordered = False
            if order is not None:
                stored = browse.capture_order(self.archive, result.number)
                seq_of = {index: seq for seq, index in enumerate(stored, start=1)}
                wanted = [seq_of[index] for index in order]
                if wanted != sorted(wanted):
                    items.reorder(self.archive, result.number, wanted, reason)
                    reordered = True
            return CaptureOutcome(result.number, result, reordered)

        def progress(done: int, total: int, _what: str) -> None:
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(done)

        def done(outcome: object) -> None:
            self.busy = False
            self.progress.setVisible(False)
            if isinstance(outcome, CaptureOutcome):
                self.outcome = outcome
                self._remember_class(*chosen)
                self.captured.emit(outcome.number)
                self.accept()

        def failed(exc: BaseException, details: str) -> None:
            self.busy = False
            self.progress.setVisible(False)
            if not self.show_refusal(exc, details):
                errors.show_error(self, exc, details, title=self.tr("未能采集"))
            self._changed()

        self.runner.submit(
            self.tr("采集"), work, write=True, on_done=done, on_error=failed, on_progress=progress
        )

    def show_refusal(self, exc: BaseException, details: str) -> bool:
        """Show a refusal next to what it concerns (a field, or a file's row); False
        when it concerns neither and needs the error dialog."""
        if not isinstance(exc, ArchivistError):
            return False
        key = FIELD_OF_CODE.get(exc.code)
        if key is None and exc.code == "manifest.bad_field":
            field = str(exc.params.get("field", ""))
            key = {"title": "title", "roster": "roster", "person": "roster"}.get(field)
        if key is not None:
            self.show_field_problem(key, exc.message())
            return True
        if isinstance(exc, FileRejected) and exc.file:
            for draft in self.drafts:
                if exc.file in (draft.path.name, str(draft.path)):
                    draft.check, draft.problem, draft.details = "bad", exc, details
                    self._show_checks()
                    return True
        return False

    # -- closing -----------------------------------------------------------------------
    def is_filled(self) -> bool:
        """Whether closing would throw away something the clerk entered."""
        return bool(
            self.drafts
            or self.entity.text().strip()
            or self.identifier.text().strip()
            or self.title.text().strip()
            or self.handler.text().strip()
            or self.roster.text().strip()
        )

    def reject(self) -> None:
        """Escape, 取消 and closing the window: a filled dialog asks first."""
        if self.result() != QDialog.DialogCode.Accepted and self.is_filled() and not self.busy:
            answer = QMessageBox.question(
                self,
                self.tr("放弃本次采集"),
                self.tr("已填写的内容和添加的文件将被放弃，确定关闭吗？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def discard(self) -> None:
        """Close without asking (the program itself closing the dialog)."""
        super().reject()

    # -- drag and drop of files ----------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_files(files)
        event.acceptProposedAction()

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("采集一件档案"))
        labels = {
            "class": self.tr("类别"),
            "business": self.tr("业务类型"),
            "date": self.tr("办结日期"),
            "kind": self.tr("对象"),
            "entity": self.tr("单位/个人名称"),
            "identifier": self.tr("身份证号")
            if self.kind() == "person"
            else self.tr("统一社会信用代码"),
            "title": self.tr("题名"),
            "handler": self.tr("经办人"),
            "roster": self.tr("名册人员"),
        }
        for key, label in self.form_labels.items():
            label.setText(labels[key])
        self.person_kind.setText(self.tr("个人"))
        self.unit_kind.setText(self.tr("单位"))
        self.entity.setPlaceholderText(self.tr("输入名称，可从已有单位/个人中选择"))
        self.identifier.setPlaceholderText(self.tr("18位，输入时即校验"))
        self.title.setToolTip(self.tr("留空则由名称和业务类型组成"))
        self.roster.setPlaceholderText(self.tr("业务表单上的人员，按表上顺序，用逗号分隔"))
        self.item_box.setTitle(self.tr("件信息"))
        self.materials_box.setTitle(self.tr("材料"))
        self.order_box.setTitle(self.tr("件内顺序（实时按规则排列）"))
        self.add_button.setText(self.tr("添加文件…"))
        self.remove_button.setText(self.tr("移除"))
        self.restore_button.setText(self.tr("恢复规则顺序"))
        self.drop_hint.setText(self.tr("也可以把文件或文件夹拖到此窗口"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("文件"),
                self.tr("材料题名"),
                self.tr("类型"),
                self.tr("重要性"),
                self.tr("所属人员"),
                self.tr("检查结果"),
            ]
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setText(self.tr("采集"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("取消"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fill_table()
            self._changed()
        super().changeEvent(event)


__all__ = ["ArchivistError", "CaptureDialog", "check_identifier", "dt"]
