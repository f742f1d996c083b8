"""Settings: the archive (location, fonds, archival code), the classification scheme
(an editable table; every edit is audited with its reason), OCR (the engine, Tesseract
program and languages, workers), the hot folder and the interface language. Per-user
choices are the core's Preferences (shared with the command line); archive settings are
audited in the archive."""

from __future__ import annotations

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
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.ocr.pages import available_engines
from archivist.ocr.rapid import INSTALL_HINT as RAPIDOCR_INSTALL_HINT
from archivist.preferences import Preferences
from ui import errors
from ui.scheme_editor import SchemeEditor
from ui.tasks import TaskRunner


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
        form.addRow(self.archive_note)

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

    # -- applying --------------------------------------------------------------------------
    def apply(self) -> set[str]:
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
        settings = {
            "category_code": self.category.text().strip(),
            "archival_code_template": self.template.text().strip(),
        }
        edits = {k: v for k, v in settings.items() if v and v != self.archive.setting(k)}
        if edits:
            reason, ok = QInputDialog.getText(
                self, self.tr("修改档案库设置"), self.tr("请填写修改理由（记入审计记录）：")
            )
            if ok and reason.strip():
                try:
                    for key, value in edits.items():
                        self.archive.set_setting(key, value, reason.strip())
                    changed.add("settings")
                except Exception as exc:
                    errors.show_error(self, exc)
        if changed:
            self.applied.emit(changed)
        return changed

    def accept_changes(self) -> None:
        self.apply()
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
