"""校验: the integrity view (issue 16, point 6) — the last results of `verify` (kept for
this seat in the per-user folder, so they are there at the next start), a button to run
it again off the UI thread, and the four-property check (四性检测, `check_four`) with
its report (saved as the very .docx kept in the archive, `export_four_report`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.accounts.roles import Right, holders_of
from archivist.archive import Archive
from archivist.errors import InputError
from archivist.findings import Finding
from archivist.integrity.anchors import parse_anchor
from archivist.integrity.four_properties import FourReport, check_four, export_four_report
from archivist.integrity.verify import VerifyCancelled, VerifyReport, verify
from archivist.preferences import preferences_file
from ui import errors
from ui.people.labels import roles_text
from ui.tasks import TaskContext, TaskHandle, TaskRunner
from ui.verify_dialog import kind_text, what_text

log = logging.getLogger(__name__)
EXPANDED_UP_TO = 30  # findings shown opened; more: one row per kind, opened on demand


def last_results_file(archive: Archive) -> Path:
    """Where this seat keeps the archive's last verify results (per user, per archive)."""
    key = hashlib.sha256(str(archive.root.resolve()).encode("utf-8")).hexdigest()[:16]
    return preferences_file().parent / "verify" / f"{key}.json"


def save_last(archive: Archive, report: VerifyReport, person: str) -> None:
    data = {
        "at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "person": person,
        **report.to_dict(),
    }
    path = last_results_file(archive)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        partial.replace(path)
    except OSError:  # a convenience of this seat: not keeping it loses nothing
        log.warning("last verify results not kept", exc_info=True)


def load_last(archive: Archive) -> dict[str, Any] | None:
    """The last results kept by this seat, their findings as Finding objects."""
    try:
        data = json.loads(last_results_file(archive).read_text(encoding="utf-8"))
        data["findings"] = [
            Finding(f["code"], f["severity"], dict(f.get("params") or {}), f.get("item"))
            for f in data.get("findings", [])
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return data if isinstance(data, dict) else None


def _tr(text: str) -> str:
    return QCoreApplication.translate("IntegrityView", text)


class IntegrityView(QWidget):
    message = Signal(str)
    verified = Signal(object)  # the VerifyReport, or None when cancelled or failed
    four_checked = Signal(object)  # the FourReport, or None when it failed
    item_opened = Signal(str)  # a finding's item, double-clicked: shown in the items view

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("integrityView")
        self.archive = archive
        self.runner = runner
        self.handle: TaskHandle | None = None
        self.running = False
        self.last: dict[str, Any] | None = load_last(archive)
        self.four_report: FourReport | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("integritySummary")
        self.summary.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        # findings grouped by kind: a tampered archive can have hundreds of one kind
        self.findings = QTreeWidget()
        self.findings.setObjectName("integrityFindings")
        self.findings.setColumnCount(3)
        self.findings.setUniformRowHeights(True)
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.findings.header().resizeSection(0, 200)
        self.findings.header().resizeSection(1, 260)
        self.findings.itemDoubleClicked.connect(self._open_finding)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.findings)
        copy.activated.connect(self.copy_findings)
        self.four_summary = QLabel()
        self.four_summary.setObjectName("fourSummary")
        self.four_summary.setWordWrap(True)
        self.four_table = self._table("fourTable", 6)
        header = self.four_table.horizontalHeader()
        header.resizeSection(1, 190)  # 检测项 whole; the counts need little room
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.verify_button = QPushButton()
        self.verify_button.setObjectName("integrityVerify")
        self.verify_button.clicked.connect(self.run_verify)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.four_button = QPushButton()
        self.four_button.setObjectName("integrityFour")
        self.four_button.clicked.connect(self.run_four)
        self.save_button = QPushButton()
        self.save_button.setObjectName("integrityFourSave")
        self.save_button.clicked.connect(self.save_four_report)
        # a chain head read off a signed paper register (its footer): checked as well
        self.paper_anchor = QLineEdit()
        self.paper_anchor.setObjectName("integrityPaperAnchor")
        self.paper_anchor.setMinimumWidth(260)
        self.anchor_note = QLabel()
        self.anchor_note.setObjectName("integrityAnchorNote")
        self.anchor_note.setWordWrap(True)
        self.anchor_note.setStyleSheet("color: #a11d1d;")
        self.anchor_note.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.paper_anchor)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.four_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.anchor_note)
        layout.addWidget(self.bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.four_summary)
        layout.addWidget(self.four_table, 1)
        self.retranslate()

    def _table(self, name: str, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.setObjectName(name)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
        return table

    # -- verify ----------------------------------------------------------------------------
    def run_verify(self) -> None:
        if self.running:
            return
        typed = self.paper_anchor.text().strip()
        try:
            anchors = [parse_anchor(typed)] if typed else []
        except InputError as exc:  # said beside the field, before anything runs
            self.anchor_note.setText(exc.message())
            self.anchor_note.show()
            self.paper_anchor.setFocus()
            return
        self.anchor_note.hide()
        self.running = True
        archive = self.archive
        person = archive.person.display_name if archive.person else ""

        def work(ctx: TaskContext) -> VerifyReport:
            return verify(archive, progress=ctx.progress, cancel=ctx.cancel, anchors=anchors)

        def progressed(done: int, total: int, _what: str) -> None:
            if total:
                self.bar.setRange(0, total)
                self.bar.setValue(min(done, total))

        def done(report: Any) -> None:
            self.running = False
            self.take_report(report, person)
            self.verified.emit(report if isinstance(report, VerifyReport) else None)

        def failed(exc: BaseException, details: str) -> None:
            self.running = False
            self._show()
            if not isinstance(exc, VerifyCancelled):
                errors.show_error(self, exc, details)
            self.verified.emit(None)

        self.bar.setRange(0, 0)
        self._show()
        self.handle = self.runner.submit(
            self.tr("校验档案库"),
            work,
            long=True,
            on_done=done,
            on_error=failed,
            on_progress=progressed,
        )

    def take_report(self, report: object, person: str | None = None) -> None:
        """Keep and show a verify report (also one of 工具 → 校验档案库…)."""
        if isinstance(report, VerifyReport):
            if person is None:
                person = self.archive.person.display_name if self.archive.person else ""
            save_last(self.archive, report, person)
            # a four-property result from before this check no longer stands beside it
            self.four_report = None
            self.last = load_last(self.archive) or {
                "at": "",
                "person": person,
                **report.counts(),
                "findings": report.findings,
            }
        self._show()

    def cancel(self) -> None:
        if self.running and self.handle is not None:
            self.handle.cancel.cancel()

    # -- the four-property check -----------------------------------------------------------
    def run_four(self) -> None:
        if self.running:
            return
        self.running = True
        archive = self.archive

        def work(_ctx: TaskContext) -> FourReport:
            return check_four(archive, "all")

        def done(report: object) -> None:
            self.running = False
            self.four_report = report if isinstance(report, FourReport) else None
            self._show()
            self.four_checked.emit(report)

        def failed(exc: BaseException, details: str) -> None:
            self.running = False
            self._show()
            errors.show_error(self, exc, details)
            self.four_checked.emit(None)

        self.bar.setRange(0, 0)
        self._show()
        self.handle = self.runner.submit(
            self.tr("四性检测"), work, write=True, on_done=done, on_error=failed
        )

    def save_four_report(self) -> None:
        if self.four_report is None:
            return
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("保存四性检测报告"),
            self.tr("四性检测报告-{stamp}.docx").format(stamp=stamp),
            self.tr("Word 文档 (*.docx)"),
        )
        if not path:
            return
        try:
            export_four_report(self.archive, self.four_report, Path(path))
        except Exception as exc:
            errors.show_error(self, exc)
            return
        self.message.emit(self.tr("已保存四性检测报告：{path}").format(path=path))

    def copy_findings(self) -> None:
        """The chosen findings (all when none is chosen) to the clipboard, a line each,
        columns separated by tabs: to paste into a report or an e-mail."""
        chosen = self.findings.selectedItems()
        rows = (
            [
                [r.text(0) or str(r.data(0, Qt.ItemDataRole.UserRole) or ""), r.text(1), r.text(2)]
                for r in chosen
            ]
            if chosen
            else self.rows()
        )
        QGuiApplication.clipboard().setText("\n".join("\t".join(r) for r in rows))

    def _open_finding(self, row: QTreeWidgetItem, _column: int) -> None:
        number = row.data(1, Qt.ItemDataRole.UserRole)
        if isinstance(number, str) and number:
            self.item_opened.emit(number)

    # -- showing ---------------------------------------------------------------------------
    def _show(self) -> None:
        busy = self.running
        person = self.archive.person
        allowed = person is not None and person.may(Right.VERIFY)
        refused = "" if allowed else self.tr("需要“校验”权限")
        self.verify_button.setEnabled(allowed and not busy)
        self.verify_button.setToolTip(refused)
        self.cancel_button.setEnabled(busy)
        self.four_button.setEnabled(allowed and not busy)
        self.four_button.setToolTip(refused)
        self.save_button.setEnabled(self.four_report is not None)
        self.bar.setTextVisible(busy)  # a percentage only while something runs
        if not busy:
            self.bar.setRange(0, 1)
            self.bar.setValue(0 if self.last is None else 1)
        self._show_verify()
        self._show_four()

    def _show_verify(self) -> None:
        if self.running:
            self.summary.setText(self.tr("正在运行…"))
            self.summary.setStyleSheet("")
            return
        last = self.last
        person = self.archive.person
        allowed = person is not None and person.may(Right.VERIFY)
        if last is None:
            self.summary.setText(
                self.tr("本机尚无校验结果：点“运行校验”")
                if allowed
                else self.tr("本机尚无校验结果；运行校验需要“校验”权限（{roles}）").format(
                    roles=roles_text(holders_of(Right.VERIFY))
                )
            )
            self.summary.setStyleSheet("")
            self.findings.clear()
            return
        findings: list[Finding] = list(last.get("findings") or [])
        problems = [f for f in findings if f.severity in ("error", "warning")]
        errors_found = sum(f.severity == "error" for f in problems)
        when = self.tr("上次校验：{at}（{person}），{files} 个文件、{events} 条审计事件").format(
            at=str(last.get("at", "")).replace("T", " ")[:19],
            person=last.get("person", ""),
            files=last.get("files_checked", 0),
            events=last.get("events_checked", 0),
        )
        if not problems:
            self.summary.setText(self.tr("{when}：未发现问题").format(when=when))
            self.summary.setStyleSheet("color: #1d6b2a;")
        else:
            advice = (
                self.tr(
                    "这说明档案库在本系统之外被改动过或已损坏：请不要继续修改档案，保存本结果，"
                    "报告档案室负责人和安全审计员，再与最近的备份核对。"
                )
                if errors_found
                else self.tr(
                    "只是派生数据过时，可运行 archivist rebuild-derived 重建，原件与记录无碍。"
                )
            )
            self.summary.setText(
                self.tr("{when}：发现 {n} 个问题，其中错误 {errors} 个").format(
                    when=when, n=len(problems), errors=errors_found
                )
                + "\n"
                + advice
            )
            self.summary.setStyleSheet("color: #a11d1d;" if errors_found else "")
        self._fill_findings(findings)

    def _fill_findings(self, findings: list[Finding]) -> None:
        """One row per kind (errors first, then warnings, then notes) with its count; the
        findings under it. A kind met once is shown as the finding itself."""
        self.findings.clear()
        groups: dict[str, list[Finding]] = {}
        for finding in findings:
            groups.setdefault(finding.code, []).append(finding)
        order = {"error": 0, "warning": 1}
        red, amber = QBrush(QColor("#a11d1d")), QBrush(QColor("#8a5a00"))
        for code in sorted(groups, key=lambda c: order.get(groups[c][0].severity, 2)):
            members = groups[code]
            first = members[0]
            if len(members) == 1:
                top = self._finding_row(first, kind_text(first))
            else:
                top = QTreeWidgetItem(
                    [
                        kind_text(first),
                        self.tr("{n} 处").format(n=len(members)),
                        first.message() + "…",
                    ]
                )
                top.addChildren([self._finding_row(f, "") for f in members])
            brush = {"error": red, "warning": amber}.get(first.severity)
            if brush is not None:
                top.setForeground(0, brush)
            self.findings.addTopLevelItem(top)
        if len(findings) <= EXPANDED_UP_TO:
            self.findings.expandAll()

    def _finding_row(self, finding: Finding, kind: str) -> QTreeWidgetItem:
        row = QTreeWidgetItem([kind, what_text(finding), finding.message()])
        row.setData(0, Qt.ItemDataRole.UserRole, kind_text(finding))
        for column in range(3):
            row.setToolTip(column, row.text(column))
        number = finding_item(finding)
        if number:
            row.setData(1, Qt.ItemDataRole.UserRole, number)
            row.setToolTip(1, self.tr("双击打开档案件 {number}").format(number=number))
        return row

    def _show_four(self) -> None:
        report = self.four_report
        if report is None:
            self.four_summary.setText(self.tr("尚未运行四性检测"))
            self.four_table.setRowCount(0)
            return
        # rendered now, in the window's language (a switch shows every row anew)
        rows = [
            (
                group.label(),
                item.label(),
                str(item.objects),
                str(item.passed),
                str(item.failed),
                item.explanation(),
            )
            for group in report.groups
            for item in group.items
        ]
        failed = sum(1 for r in rows if r[4] != "0")
        self.four_summary.setText(
            self.tr("四性检测：{n} 项，{failed} 项有不通过的对象").format(
                n=len(rows), failed=failed
            )
        )
        self.four_table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for col, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.four_table.setItem(row, col, cell)

    def rows(self, table: QTableWidget | None = None) -> list[list[str]]:
        """The rows of a table (the four-property table), or by default the findings:
        each finding as (kind, object, explanation), in the order shown."""
        if table is not None:
            return [
                [
                    cell.text() if (cell := table.item(r, c)) is not None else ""
                    for c in range(table.columnCount())
                ]
                for r in range(table.rowCount())
            ]
        out: list[list[str]] = []
        for index in range(self.findings.topLevelItemCount()):
            top = self.findings.topLevelItem(index)
            if top is None:
                continue
            children = (top.child(c) for c in range(top.childCount()))
            leaves = [c for c in children if c is not None] or [top]
            for leaf in leaves:
                kind = str(leaf.data(0, Qt.ItemDataRole.UserRole) or leaf.text(0))
                out.append([kind, leaf.text(1), leaf.text(2)])
        return out

    # -- language --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(
            self.tr(
                "校验重新计算每个文件的 SHA-256，检查编号、档号、审计链与访问日志，并核对检索索引、"
                "识别文本、可检索副本和案卷 PDF 等派生数据；派生数据过时可运行 "
                "archivist rebuild-derived 重建。四性检测按 DA/T 70 检查真实性、完整性、可用性、安全性。"
            )
        )
        self.findings.setHeaderLabels([self.tr("类型"), self.tr("对象"), self.tr("说明")])
        self.four_table.setHorizontalHeaderLabels(
            [
                self.tr("类别"),
                self.tr("检测项"),
                self.tr("对象数"),
                self.tr("通过"),
                self.tr("不通过"),
                self.tr("说明"),
            ]
        )
        self.verify_button.setText(self.tr("运行校验"))
        self.paper_anchor.setPlaceholderText(self.tr("纸面链头（可选）：审计链 第 N 条 哈希"))
        self.paper_anchor.setToolTip(
            self.tr("照登记表页脚所印填入“审计链 第 N 条 哈希”（或 N:哈希），校验时一并核对")
        )
        self.cancel_button.setText(self.tr("取消"))
        self.four_button.setText(self.tr("四性检测"))
        self.save_button.setText(self.tr("保存报告…"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def finding_item(finding: Finding) -> str | None:
    """The item a finding is about, where it names one (to open it)."""
    if finding.item:
        return str(finding.item)
    params = finding.params
    if params.get("table_term") == "items" and params.get("label"):
        return str(params["label"])
    return None
