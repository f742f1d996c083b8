"""Settings: the archive (location, fonds, archival code), the classification scheme
(an editable table; every edit is audited with its reason), OCR (the engine, Tesseract
program and languages, workers), the hot folder and the interface language. Per-user
choices are the core's Preferences (shared with the command line); archive settings are
audited in the archive."""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archivist.accounts.rights import permits
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.ocr.pages import available_engines
from archivist.ocr.rapid import INSTALL_HINT as RAPIDOCR_INSTALL_HINT
from archivist.preferences import Preferences
from archivist.rules.numbering import CodeParts, preview_template
from ui import errors
from ui.reason_dialog import ask_reason
from ui.scheme_editor import SchemeEditor
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def _path_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


class SettingsDialog(QDialog):
    applied = Signal(object)  # set of what changed

    def __init__(
        self,
        archive: Archive,
        prefs: Preferences,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.archive = archive
        self.prefs = prefs
        self.runner = runner
        self.tabs = QTabWidget()
        self.labels: dict[str, QLabel] = {}

        # -- archive ---------------------------------------------------------------------
        self.archive_path = QLineEdit(str(archive.root))
        self.archive_path.setObjectName("archivePath")
        self.archive_browse = QPushButton()
        self.archive_browse.clicked.connect(lambda: self._choose_folder(self.archive_path))
        fonds = archive.fonds()
        self.fonds = QLabel(f"{fonds['code']}　{fonds['name']}")
        self.fonds.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.category = QLineEdit(archive.setting("category_code"))
        self.template = QLineEdit(archive.setting("archival_code_template"))
        self.template.setObjectName("codeTemplate")
        self.category.setObjectName("categoryCode")
        # next to the template: what is wrong with it, or a real code as it would read
        self.template_problem = QLabel()
        self.template_problem.setObjectName("templateProblem")
        self.template_problem.setWordWrap(True)
        self.template_problem.setStyleSheet("color: #a11d1d;")
        self.template_problem.setVisible(False)
        self.template_preview = QLabel()
        self.template_preview.setObjectName("templatePreview")
        self.template_preview.setWordWrap(True)
        self.template_preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.settings_problem = QLabel()
        self.settings_problem.setObjectName("settingsProblem")
        self.settings_problem.setWordWrap(True)
        self.settings_problem.setStyleSheet("color: #a11d1d;")
        self.settings_problem.setVisible(False)
        self._fonds_code = str(fonds["code"])
        self._newest: tuple[CodeParts, str] | None = None
        try:
            self._newest = archive.newest_code_parts()
        except Exception:  # only the preview falls back to a sample
            log.warning("newest archival code not read for the preview", exc_info=True)
            self._newest = None
        self.template.textChanged.connect(lambda _t: self.show_template())
        self.category.textChanged.connect(lambda _t: self.show_template())
        self.archive_note = QLabel()
        self.archive_note.setWordWrap(True)
        self.archive_note.setStyleSheet("color: #666;")
        archive_tab = QWidget()
        form = QFormLayout(archive_tab)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, "archive", _path_row(self.archive_path, self.archive_browse))
        self._row(form, "fonds", self.fonds)
        self._row(form, "category", self.category)
        self._row(form, "template", self.template)
        form.addRow("", self.template_problem)
        form.addRow("", self.template_preview)
        form.addRow(self.archive_note)
        form.addRow(self.settings_problem)

        # -- classification scheme ---------------------------------------------------------
        self.scheme_editor = SchemeEditor(archive, runner)
        self.scheme_editor.changed.connect(lambda: self.applied.emit({"scheme"}))
        self.scheme = self.scheme_editor.table
        scheme_tab = self.scheme_editor

        # -- OCR ------------------------------------------------------------------------------
        self.engine = QComboBox()
        self.engine.setObjectName("ocrEngine")
        self.engine.addItem("", "tesseract")
        self.engine.addItem("", "rapidocr")
        self.rapidocr_installed = "rapidocr" in available_engines()
        if not self.rapidocr_installed:
            model = self.engine.model()
            rapid = model.item(1) if isinstance(model, QStandardItemModel) else None
            if rapid is not None:
                rapid.setEnabled(False)  # shown, with how to install it in its tooltip
        chosen = self.engine.findData(prefs.ocr_engine or "tesseract")
        if chosen < 0 or (chosen == 1 and not self.rapidocr_installed):
            chosen = 0
        self.engine.setCurrentIndex(chosen)
        self.tesseract = QLineEdit(prefs.tesseract or "")
        self.tesseract.setObjectName("tesseractPath")
        self.tesseract_browse = QPushButton()
        self.tesseract_browse.clicked.connect(self._choose_tesseract)
        self.languages = QLineEdit(prefs.ocr_languages or "chi_sim")
        self.languages.setObjectName("ocrLanguages")
        self.workers = QSpinBox()
        self.workers.setObjectName("ocrWorkers")
        self.workers.setRange(0, max(1, os.cpu_count() or 1) * 2)
        self.workers.setValue(prefs.ocr_workers or 0)
        self.cleanup = QCheckBox()
        self.cleanup.setObjectName("ocrCleanup")
        self.cleanup.setChecked(prefs.ocr_cleanup)
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(10, 3600)
        self.timeout.setValue(float(prefs.ocr_timeout or 120.0))
        ocr_tab = QWidget()
        oform = QFormLayout(ocr_tab)
        oform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(oform, "engine", self.engine)
        self._row(oform, "tesseract", _path_row(self.tesseract, self.tesseract_browse))
        self._row(oform, "languages", self.languages)
        self._row(oform, "workers", self.workers)
        self._row(oform, "cleanup", self.cleanup)
        self._row(oform, "timeout", self.timeout)

        # -- hot folder and language -------------------------------------------------------------
        self.hot_folder = QLineEdit(prefs.hot_folder or "")
        self.hot_folder.setObjectName("hotFolderPath")
        self.hot_browse = QPushButton()
        self.hot_browse.clicked.connect(lambda: self._choose_folder(self.hot_folder))
        self.hot_quarantine = QLineEdit(prefs.hot_quarantine or "")
        self.hot_quarantine.setObjectName("hotQuarantinePath")
        self.quarantine_browse = QPushButton()
        self.quarantine_browse.clicked.connect(lambda: self._choose_folder(self.hot_quarantine))
        self.hot_note = QLabel()
        self.hot_note.setWordWrap(True)
        self.hot_note.setStyleSheet("color: #666;")
        self.language = QComboBox()
        self.language.setObjectName("uiLanguage")
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language or "zh")))
        other_tab = QWidget()
        hform = QFormLayout(other_tab)
        hform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(hform, "hot", _path_row(self.hot_folder, self.hot_browse))
        self._row(hform, "quarantine", _path_row(self.hot_quarantine, self.quarantine_browse))
        hform.addRow(self.hot_note)
        self._row(hform, "language", self.language)

        for tab in (archive_tab, scheme_tab, ocr_tab, other_tab):
            self.tabs.addTab(tab, "")
        person = archive.person
        if not permits(person, Right.SETTINGS):
            # archive-wide settings are the system administrator's (the core refuses
            # others anyway): shown, not editable
            for field in (self.category, self.template):
                field.setReadOnly(True)
                field.setToolTip(self.tr("档案库设置由系统管理员修改"))
        if not permits(person, Right.READ):
            self.tabs.setTabVisible(1, False)  # the scheme lists the archive's classes
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.accepted.connect(self.accept_changes)
        self.buttons.rejected.connect(self.reject)
        apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        if apply_button is not None:
            apply_button.clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(920, 620)
        self.retranslate()

    def _row(self, form: QFormLayout, key: str, field: Any) -> None:
        label = QLabel()
        self.labels[key] = label
        form.addRow(label, field)

    # -- the archival code ------------------------------------------------------------------
    def template_problem_text(self) -> str:
        """What is wrong with the template typed (the core's sentence), or ""."""
        try:
            preview_template(
                self.template.text().strip(),
                category=self.category.text().strip(),
                newest=self._newest,
                fonds=self._fonds_code,
            )
        except ArchivistError as exc:
            return exc.message()
        return ""

    def show_template(self) -> None:
        """The problem next to the field, or the code of the newest item as it would read."""
        template = self.template.text().strip()
        try:
            shown = preview_template(
                template,
                category=self.category.text().strip(),
                newest=self._newest,
                fonds=self._fonds_code,
            )
        except ArchivistError as exc:
            self.template_problem.setText(exc.message())
            self.template_problem.setVisible(True)
            self.template_preview.setText("")
            self.template_preview.setVisible(False)
            return
        self.template_problem.setText("")
        self.template_problem.setVisible(False)
        self.template_preview.setVisible(True)
        if shown.number is None:
            self.template_preview.setText(
                self.tr("示例：{code}（档案库中还没有档案，按示例数据）").format(code=shown.code)
            )
        else:
            self.template_preview.setText(
                self.tr("示例：{code}（最新一件 {number} 按此格式的档号）").format(
                    code=shown.code, number=shown.number
                )
            )

    # -- applying --------------------------------------------------------------------------
    def apply(self) -> set[str] | None:
        """Save what changed. None when nothing could be saved yet: the template is wrong
        (said next to it) or the reason was not given; the dialog stays as it was."""
        settings = {
            "category_code": self.category.text().strip(),
            "archival_code_template": self.template.text().strip(),
        }
        edits = {k: v for k, v in settings.items() if v != self.archive.setting(k)}
        self.settings_problem.setVisible(False)
        if "category_code" in edits and not edits["category_code"]:
            self._settings_refused(self.tr("请填写门类代码"), self.category)
            return None
        if "archival_code_template" in edits:
            problem = self.template_problem_text()
            if problem:
                self.show_template()
                self.tabs.setCurrentIndex(0)
                self.template.setFocus()
                return None
        reason: str | None = None
        if edits:
            names = {
                "category_code": self.tr("门类代码"),
                "archival_code_template": self.tr("档号格式"),
            }
            change = "\n".join(
                self.tr("{what}：{before} → {after}").format(
                    what=names[k], before=self.archive.setting(k), after=v
                )
                for k, v in edits.items()
            )
            reason = ask_reason(self, self.tr("修改档案库设置"), change)
            if reason is None:
                return None  # back to the dialog, everything typed kept
        changed: set[str] = set()
        prefs = self.prefs
        archive_path = self.archive_path.text().strip()
        if archive_path and os.path.normcase(archive_path) != os.path.normcase(
            str(self.archive.root)
        ):
            prefs.archive = archive_path
            changed.add("archive")
        values: dict[str, Any] = {
            "ocr_engine": str(self.engine.currentData()),
            "tesseract": self.tesseract.text().strip() or None,
            "ocr_languages": self.languages.text().strip() or "chi_sim",
            "ocr_workers": self.workers.value() or None,
            "ocr_timeout": float(self.timeout.value()),
            "ocr_cleanup": self.cleanup.isChecked(),
            "hot_folder": self.hot_folder.text().strip() or None,
            "hot_quarantine": self.hot_quarantine.text().strip() or None,
            "language": str(self.language.currentData()),
        }
        for key, value in values.items():
            if getattr(prefs, key) != value:
                setattr(prefs, key, value)
                changed.add(key)
        if changed:
            try:
                prefs.save()
            except OSError as exc:
                errors.show_error(self, exc)
        if edits and reason is not None:
            try:
                self.archive.edit_settings(edits, reason)  # one audited change
                changed.add("settings")
            except ArchivistError as exc:
                field = self.template if "template" in exc.code else self.category
                self._settings_refused(exc.message(), field)
                if changed:
                    self.applied.emit(changed)
                return None
            except Exception as exc:
                errors.show_error(self, exc)
        if changed:
            self.applied.emit(changed)
        return changed

    def _settings_refused(self, message: str, field: QWidget) -> None:
        self.settings_problem.setText(message)
        self.settings_problem.setVisible(True)
        self.tabs.setCurrentIndex(0)
        field.setFocus()

    def accept_changes(self) -> None:
        if self.apply() is not None:
            self.accept()

    def _choose_folder(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择文件夹"), edit.text())
        if folder:
            edit.setText(folder)

    def _choose_tesseract(self) -> None:
        name, _f = QFileDialog.getOpenFileName(
            self, self.tr("选择 Tesseract 程序"), self.tesseract.text()
        )
        if name:
            self.tesseract.setText(name)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("设置"))
        for index, text in enumerate(
            (self.tr("档案库"), self.tr("分类方案"), self.tr("文字识别"), self.tr("热文件夹与界面"))
        ):
            self.tabs.setTabText(index, text)
        names = {
            "archive": self.tr("档案库位置"),
            "fonds": self.tr("全宗"),
            "category": self.tr("门类代码"),
            "template": self.tr("档号格式"),
            "engine": self.tr("OCR 引擎"),
            "tesseract": self.tr("Tesseract 程序"),
            "languages": self.tr("识别语言"),
            "workers": self.tr("并行识别数"),
            "timeout": self.tr("每页时限（秒）"),
            "cleanup": self.tr("识别前清理"),
            "hot": self.tr("热文件夹"),
            "quarantine": self.tr("隔离文件夹"),
            "language": self.tr("界面语言"),
        }
        for key, label in self.labels.items():
            label.setText(names[key])
        for button in (
            self.archive_browse,
            self.tesseract_browse,
            self.hot_browse,
            self.quarantine_browse,
        ):
            button.setText(self.tr("浏览…"))
        self.hot_quarantine.setPlaceholderText(self.tr("留空：热文件夹中的“隔离”"))
        self.tesseract.setPlaceholderText(self.tr("留空：随程序安装的或系统中的 tesseract"))
        self.engine.setItemText(0, self.tr("Tesseract（默认）"))
        self.engine.setItemText(1, "RapidOCR")
        self.engine.setItemData(
            0,
            self.tr("默认引擎；有颗粒、污点或歪斜的扫描件先自动清理再识别"),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.engine.setItemData(
            1,
            self.tr("差的扫描件识别得更准，每页用时更长")
            if self.rapidocr_installed
            else self.tr("未安装。安装方法：{hint}").format(hint=RAPIDOCR_INSTALL_HINT),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.workers.setSpecialValueText(self.tr("自动（按处理器核数）"))
        self.cleanup.setText(self.tr("逐页测量，只在能提高准确率时去噪、去污点、纠斜"))
        self.cleanup.setToolTip(
            self.tr("差的扫描件识别得更准；识别速度约慢两成。扫描质量都好时可关闭。")
        )
        self.show_template()
        self.archive_note.setText(
            self.tr(
                "更换档案库位置后窗口将打开该档案库。全宗在建库时确定，不能在此修改。门类代码与档号格式的修改记入审计记录，只影响之后采集的档案。"
            )
        )
        self.hot_note.setText(
            self.tr(
                "扫描工作站把每件档案放成一个文件夹（内含 manifest.json 采集清单）。采集后移入“已采集”，有问题的移入隔离文件夹并附“原因.txt”，不删除任何文件。隔离文件夹可放在热文件夹之外（如由专人处理的共享文件夹）。"
            )
        )
        for which, text in (
            (QDialogButtonBox.StandardButton.Ok, self.tr("确定")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("取消")),
            (QDialogButtonBox.StandardButton.Apply, self.tr("应用")),
        ):
            widget = self.buttons.button(which)
            if widget is not None:
                widget.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
