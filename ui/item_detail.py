"""Item detail: the item's description, its materials in order with the reason for
each position, page counts and hashes, and its audit history.

ID numbers come from the core as the signed-in person may see them: in full for those
who need them (archivist, handler), masked (110105********1239) for everybody else. A
person with the reveal right (appraiser, head) may show one in full with
显示完整号码…: a reason is asked and the reveal goes to the access log."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.changes import states
from archivist.changes.states import VolumeState
from archivist.errors import ArchivistError
from archivist.rules.retention import Retention
from ui import errors
from ui.reason_dialog import ask_reason

ACTIONS: dict[str, object] = {
    "item.capture": QT_TRANSLATE_NOOP("ItemDetail", "采集"),
    "item.reorder": QT_TRANSLATE_NOOP("ItemDetail", "调整顺序"),
    "item.edit": QT_TRANSLATE_NOOP("ItemDetail", "修改"),
    "item.renumber": QT_TRANSLATE_NOOP("ItemDetail", "重新编号"),
    "entity.correct": QT_TRANSLATE_NOOP("ItemDetail", "更正单位/个人"),
    "benefit.add": QT_TRANSLATE_NOOP("ItemDetail", "补登待遇事项"),
}


class ItemDetail(QWidget):
    reorder_requested = Signal(str)
    edit_requested = Signal(str)
    renumber_requested = Signal(str)
    pages_requested = Signal(str, int)  # number, item page
    use_requested = Signal(str)  # 申请利用… of the item shown
    benefit_added = Signal(str)  # a benefit event was added to this item (补登待遇事项…)

    def __init__(self, parent: QWidget | None = None, archive: Archive | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemDetail")
        self.archive = archive  # else the window's (the archive it shows)
        self.view: dict[str, Any] | None = None
        self.revealed: tuple[str, str] | None = None  # (item number, full ID number)
        self.heading = QLabel()
        self.heading.setObjectName("itemHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.fields: dict[str, QLabel] = {}
        self.form_box = QGroupBox()
        form = QFormLayout(self.form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        self.labels: dict[str, QLabel] = {}
        left, right = QFormLayout(), QFormLayout()
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        form.addRow(columns)
        for key, column in (
            ("archival_code", left),
            ("class", left),
            ("business_type", left),
            ("entity", left),
            ("volume", left),
            ("completed_on", right),
            ("retention", right),
            ("handler", right),
            ("captured", right),
            ("location", right),
            ("handover", left),
        ):
            label, value = QLabel(), QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.labels[key], self.fields[key] = label, value
            column.addRow(label, value)
        self.reveal = QPushButton()
        self.reveal.setObjectName("revealIdNumber")
        self.reveal.clicked.connect(self._reveal)
        reveal_row = QWidget()
        reveal_layout = QHBoxLayout(reveal_row)
        reveal_layout.setContentsMargins(0, 0, 0, 0)
        reveal_layout.addWidget(self.reveal)
        reveal_layout.addStretch(1)
        self.reveal_row = reveal_row
        left.insertRow(4, QLabel(), reveal_row)  # under 单位/个人
        # 一人一档…: every item of this person or unit (ui/use/person_view.py)
        self.person_file = QPushButton()
        self.person_file.setObjectName("openPersonFile")
        self.person_file.clicked.connect(self._open_person_file)
        person_row = QWidget()
        person_layout = QHBoxLayout(person_row)
        person_layout.setContentsMargins(0, 0, 0, 0)
        person_layout.addWidget(self.person_file)
        person_layout.addStretch(1)
        left.insertRow(4, QLabel(), person_row)
        # the item's benefit events (待遇审核变更, 二次发放, 追回待遇), if any
        self.events_label, self.events_value = QLabel(), QLabel()
        self.events_value.setObjectName("itemBenefitEvents")
        self.events_value.setWordWrap(True)
        self.events_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.events_label, self.events_value)
        # the holds (保全) on the item or its volume, placed or lifted, if any
        self.holds_label, self.holds_value = QLabel(), QLabel()
        self.holds_value.setObjectName("itemHolds")
        self.holds_value.setWordWrap(True)
        self.holds_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.holds_label, self.holds_value)
        # every appraisal of the item (鉴定): batch, opinion, reason
        self.appraisals_label, self.appraisals_value = QLabel(), QLabel()
        self.appraisals_value.setObjectName("itemAppraisals")
        self.appraisals_value.setWordWrap(True)
        self.appraisals_value.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        form.addRow(self.appraisals_label, self.appraisals_value)
        # destroyed (销毁): only its stub is left — the register, the day, who decided
        self.destroyed_label, self.destroyed_value = QLabel(), QLabel()
        self.destroyed_value.setObjectName("itemDestroyed")
        self.destroyed_value.setWordWrap(True)
        self.destroyed_value.setStyleSheet("color: #a11d1d;")
        self.destroyed_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.destroyed_label, self.destroyed_value)
        # 补登待遇事项…: a benefit event added later, under audit (ui/use/benefit_dialog.py)
        self.add_benefit = QPushButton()
        self.add_benefit.setObjectName("addBenefitEvent")
        self.add_benefit.clicked.connect(self._add_benefit)
        benefit_row = QWidget()
        benefit_layout = QHBoxLayout(benefit_row)
        benefit_layout.setContentsMargins(0, 0, 0, 0)
        benefit_layout.addWidget(self.add_benefit)
        benefit_layout.addStretch(1)
        form.addRow(QLabel(), benefit_row)
        self.benefit_dialog: QWidget | None = None
        self.locked = QLabel()
        self.locked.setObjectName("itemLocked")
        self.locked.setWordWrap(True)
        self.locked.setStyleSheet("color: #a11d1d;")
        self.override = QLabel()
        self.override.setWordWrap(True)
        self.override.setObjectName("overrideNote")
        self.override.setStyleSheet("color: #8a5300;")
        self.reorder = QPushButton()
        self.reorder.clicked.connect(self._reorder)
        self.materials = QTableWidget(0, 7)
        self.materials.setObjectName("materialsTable")
        self.materials.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.materials.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.materials.verticalHeader().setVisible(False)
        self.materials.setWordWrap(True)
        self.materials.cellDoubleClicked.connect(self._open_material)
        header = self.materials.horizontalHeader()
        for col, mode in enumerate(
            [
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Interactive,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.Interactive,
            ]
        ):
            header.setSectionResizeMode(col, mode)
        self.materials.setColumnWidth(1, 200)
        self.materials.setColumnWidth(6, 140)
        self.history = QTableWidget(0, 5)
        self.history.setObjectName("historyTable")
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        hheader = self.history.horizontalHeader()
        for col in range(4):
            hheader.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        hheader.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.materials_box = QGroupBox()
        mlayout = QVBoxLayout(self.materials_box)
        mlayout.addWidget(self.override)
        mlayout.addWidget(self.materials)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reorder)
        mlayout.addLayout(row)
        self.history_box = QGroupBox()
        QVBoxLayout(self.history_box).addWidget(self.history)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.materials_box)
        split.addWidget(self.history_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.edit = QPushButton()
        self.edit.setObjectName("editItem")
        self.edit.clicked.connect(lambda: self._request(self.edit_requested))
        self.renumber = QPushButton()
        self.renumber.setObjectName("renumberItem")
        self.renumber.clicked.connect(lambda: self._request(self.renumber_requested))
        self.use = QPushButton()
        self.use.setObjectName("requestUse")
        self.use.clicked.connect(lambda: self._request(self.use_requested))
        head = QWidget()
        head_row = QHBoxLayout(head)
        head_row.setContentsMargins(0, 0, 0, 0)
        head_row.addWidget(self.heading, 1)
        head_row.addWidget(self.edit, 0, Qt.AlignmentFlag.AlignTop)
        head_row.addWidget(self.renumber, 0, Qt.AlignmentFlag.AlignTop)
        head_row.addWidget(self.use, 0, Qt.AlignmentFlag.AlignTop)
        # The detail scrolls rather than squeezing its tables to nothing in a short
        # window (a 1366x768 laptop); the tables keep room for a few rows.
        self.materials.setMinimumHeight(150)
        self.history.setMinimumHeight(90)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.placeholder)
        layout.addWidget(head)
        layout.addWidget(self.locked)
        layout.addWidget(self.form_box)
        layout.addWidget(split, 1)
        scroll = QScrollArea()
        scroll.setObjectName("itemDetailScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.body = [head, self.form_box, split]
        self.change_buttons = [self.edit, self.renumber, self.reorder]
        self.button_tips: dict[QPushButton, str] = {}
        self.retranslate()
        self.show_item(None)

    def show_item(self, view: dict[str, Any] | None) -> None:
        if view is not self.view:  # a new view from the core: a revealed number goes
            self.revealed = None
        self.view = view
        self.placeholder.setVisible(view is None)
        for widget in self.body:
            widget.setVisible(view is not None)
        self._show_change(view)
        self._show_reveal(view)
        self._show_use(view)
        self._show_events(view)
        self._show_holds(view)
        self._show_appraisals(view)
        self._show_destroyed(view)
        self._show_benefit(view)
        if view is None:
            return
        self.heading.setText(f"{view['number']}　{view['title']}")
        entity = view["entity"]
        ident = entity.get("id_number") or entity.get("unit_code") or ""
        if self.revealed is not None:
            ident = self.revealed[1]
        kind = self.tr("个人") if entity["kind"] == "person" else self.tr("单位")
        expires = view.get("expires_on") or self.tr("不到期")
        values = {
            "archival_code": view["archival_code"],
            "class": f"{view['class']} {view['class_name']}",
            "business_type": view["business_type"],
            "entity": self.tr("{name}（{kind}）{id}").format(
                name=entity["name"], kind=kind, id=ident
            ),
            "completed_on": view["completed_on"],
            "retention": self.tr("{label}，{expires}起可鉴定").format(
                label=_retention(view["retention"]), expires=expires
            )
            if view.get("expires_on") and not view.get("destroyed")
            else _retention(view["retention"]),
            "handler": view.get("handler") or "—",
            "captured": f"{view['captured_by']}　{view['captured_at'][:19].replace('T', ' ')}",
            **self._custody_texts(view),
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        override = view.get("order_override")
        self.override.setVisible(bool(override))
        self.override.setText(self.tr("件内顺序经人工调整，理由：{reason}").format(reason=override))
        materials = view["materials"]
        self.materials.setRowCount(len(materials))
        for row, m in enumerate(materials):
            role = self.tr("表单") if m["role"] == "form" else self.tr("凭证")
            importance = self.tr("重要") if m["importance"] == "important" else self.tr("次要")
            cells = [
                str(m["seq"]),
                ("⚠ " if m.get("warnings") else "") + m["title"],
                role + ("" if m["role"] == "form" else f"·{importance}"),
                m.get("person") or "",
                str(m["pages"]),
                m["order_reason"],
                m["sha256"][:16] + "…",
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 6:
                    cell.setToolTip(f"SHA-256 {m['sha256']}\n{m['file']}")
                elif col == 5:
                    cell.setToolTip(text)
                elif col == 1:
                    cell.setToolTip(
                        "\n".join(
                            [
                                m["title"],
                                m["original_name"],
                                m["media_type"],
                                *m.get("warnings", []),
                            ]
                        )
                    )
                self.materials.setItem(row, col, cell)
        self.materials.resizeRowsToContents()
        history = view.get("history", [])
        self.history.setRowCount(len(history))
        for row, event in enumerate(history):
            action = ACTIONS.get(event["action"])
            cells = [
                str(event["seq"]),
                event["at"][:19].replace("T", " "),
                event["actor"],
                self.tr(str(action)) if action else event["action"],
                event.get("reason") or "",
            ]
            for col, text in enumerate(cells):
                self.history.setItem(row, col, QTableWidgetItem(text))

    def _custody_texts(self, view: dict[str, Any]) -> dict[str, str]:
        """Its volume, box and shelf place, and handover state (the core's `where`)."""
        where = view.get("where") or {}
        volume = where.get("volume")
        if where.get("chain") and where.get("location"):
            location = str(where["chain"])
        elif where.get("box"):
            location = self.tr("盒 {box}（未上架）").format(box=where["box"])
        else:
            location = self.tr("未装盒")
        state = view.get("handover")
        if state is None:
            handover = self.tr("未组卷，未移交") if not volume else self.tr("未移交")
        elif states.frozen(state["volume_status"]):
            handover = (
                self.tr("已移交（交接单 {batch}）").format(batch=state["batch"])
                if state.get("batch")
                else self.tr("已移交")
            )
        elif state["volume_status"] == VolumeState.RETURNED:
            handover = self.tr("已退回（交接单 {batch}），待整改后重新移交").format(
                batch=state.get("batch") or "—"
            )
        elif state.get("batch") and state.get("batch_status") != "signed":
            handover = self.tr("在交接单 {batch} 中，待检查移交").format(batch=state["batch"])
        else:
            handover = self.tr("未移交")
        return {
            "volume": str(volume) if volume else self.tr("未组卷"),
            "location": location,
            "handover": handover,
        }

    def _show_change(self, view: dict[str, Any] | None) -> None:
        """Changes are offered only when the core says the item may change; else the
        buttons are disabled and say why (the core's reason)."""
        change = (view or {}).get("change") or {"allowed": True, "reason": None}
        allowed = view is not None and bool(change["allowed"])
        reason = str(change.get("reason") or "")
        for button in self.change_buttons:
            button.setEnabled(allowed)
            tip = self.button_tips.get(button, "")
            button.setToolTip(
                tip
                if allowed or view is None
                else self.tr("不能修改：{reason}").format(reason=reason)
            )
        locked = view is not None and not allowed
        self.locked.setVisible(locked)
        self.locked.setText(self.tr("不能修改：{reason}").format(reason=reason) if locked else "")

    def _show_reveal(self, view: dict[str, Any] | None) -> None:
        """显示完整号码… for a masked person's number: enabled with the reveal right,
        else disabled and saying who may."""
        shown = (view or {}).get("id_numbers") or {}
        masked = (
            view is not None
            and bool(shown.get("masked"))
            and bool(view["entity"].get("id_number"))
            and self.revealed is None
        )
        self.reveal_row.setVisible(masked)
        may = bool(shown.get("may_reveal"))
        self.reveal.setEnabled(masked and may)
        self.reveal.setToolTip(
            self.tr("填写理由后显示完整身份证号（记入访问日志）")
            if may
            else self.tr("您没有显示完整号码的权限（鉴定小组成员、负责人可以，须填写理由）")
        )

    def _show_use(self, view: dict[str, Any] | None) -> None:
        """申请利用… for a person who may ask to use records."""
        from archivist.accounts.rights import permits
        from archivist.accounts.roles import Right

        archive = self._archive()
        may = archive is None or permits(archive.person, Right.USE_REQUEST)
        gone = bool((view or {}).get("destroyed"))  # a destroyed record is not used
        self.use.setVisible(view is not None)
        self.use.setEnabled(view is not None and may and not gone)
        self.use.setToolTip(
            self.tr("已销毁的档案不能利用")
            if gone
            else self.tr("登记查阅、借出、复制或电子调阅这件档案的申请")
        )

    def _show_events(self, view: dict[str, Any] | None) -> None:
        """The item's benefit events, one line each (the person file lists them too)."""
        from ui.use.person_view import kind_text

        events = (view or {}).get("events") or []
        lines = [
            "　".join(
                part
                for part in (
                    e["date"],
                    kind_text(e["kind"]),
                    e["person"],
                    self.tr("{amount} 元").format(amount=e["amount"]) if e.get("amount") else "",
                    f"{e.get('period_from') or '…'} – {e.get('period_to') or '…'}"
                    if e.get("period_from") or e.get("period_to")
                    else "",
                    e.get("bank_change") or "",
                )
                if part
            )
            for e in events
        ]
        self.events_value.setText("\n".join(lines))
        self.events_label.setVisible(bool(lines))
        self.events_value.setVisible(bool(lines))

    def _show_appraisals(self, view: dict[str, Any] | None) -> None:
        """Every appraisal of the item, oldest first: the batch, the opinion, the reason."""
        lines = []
        for a in (view or {}).get("appraisals") or []:
            opinion = a.get("opinion")
            if opinion == "destroy":
                said = self.tr("销毁")
            elif opinion == "extend":
                said = self.tr("延期至{period}（{day}起可再鉴定）").format(
                    period=_retention(a.get("new_retention") or ""),
                    day=a.get("new_expires_on") or "",
                )
            elif opinion == "permanent":
                said = self.tr("改为永久")
            else:
                said = self.tr("未定")
            state = (
                self.tr("已签字")
                if a.get("state") == "signed"
                else self.tr("已撤销")
                if a.get("state") == "canceled"
                else self.tr("鉴定中")
            )
            lines.append(
                "　".join(p for p in (a["batch"], said, a.get("reason") or "", state) if p)
            )
        self.appraisals_value.setText("\n".join(lines))
        self.appraisals_label.setVisible(bool(lines))
        self.appraisals_value.setVisible(bool(lines))

    def _show_holds(self, view: dict[str, Any] | None) -> None:
        """The holds on the item (directly or through its volume), one line each."""
        kinds = {
            "unsettled": self.tr("未结清债权债务"),
            "dispute": self.tr("争议"),
            "litigation": self.tr("诉讼"),
            "audit": self.tr("审计"),
            "other": self.tr("其他"),
        }
        lines = []
        for h in (view or {}).get("holds") or []:
            on = (
                self.tr("案卷 {code}").format(code=h["code"])
                if h["target_kind"] == "volume"
                else ""
            )
            if h["state"] == "placed":
                state = self.tr("保全中")
            else:
                state = self.tr("已解除（{reason}）").format(reason=h.get("lift_reason") or "")
            line = "　".join(
                part
                for part in (h["number"], kinds.get(h["kind"], h["kind"]), h["reason"], on, state)
                if part
            )
            lines.append(line)
        self.holds_value.setText("\n".join(lines))
        self.holds_label.setVisible(bool(lines))
        self.holds_value.setVisible(bool(lines))

    def _show_destroyed(self, view: dict[str, Any] | None) -> None:
        """A destroyed item: its files are gone, this is its stub (issue 15)."""
        gone = (view or {}).get("destroyed")
        text = ""
        if gone:
            text = self.tr(
                "已于 {day} 按销毁清册 {register} 销毁（鉴定批次 {batch}，{approver} 批准，"
                "监销人 {supervisors}）；电子文件已删除，只保留目录信息"
            ).format(
                day=gone["executed_on"],
                register=gone["register"],
                batch=gone["batch"],
                approver=gone["approved_by"],
                supervisors="、".join(gone["supervisors"]),
            )
        self.destroyed_value.setText(text)
        self.destroyed_label.setVisible(bool(text))
        self.destroyed_value.setVisible(bool(text))

    def benefit_refusal(self, view: dict[str, Any] | None) -> str:
        """Why 补登待遇事项… is not offered ("" when it is): the person's rights, or
        the core's reason the item may not change (handed over)."""
        from archivist.accounts.rights import permits
        from archivist.accounts.roles import Right, holders_of
        from ui.people.labels import roles_text

        archive = self._archive()
        if archive is not None and not permits(archive.person, Right.EDIT):
            return self.tr("您没有修改档案的权限（{roles}可以）").format(
                roles=roles_text(holders_of(Right.EDIT))
            )
        change = (view or {}).get("change") or {"allowed": True}
        if not change.get("allowed", True):
            return self.tr("不能修改：{reason}").format(reason=change.get("reason") or "")
        return ""

    def _show_benefit(self, view: dict[str, Any] | None) -> None:
        refusal = self.benefit_refusal(view)
        self.add_benefit.setEnabled(view is not None and not refusal)
        self.add_benefit.setToolTip(
            refusal
            or self.tr(
                "在这件档案上补登待遇审核变更、二次发放或追回待遇（须填写理由，记入审计记录）"
            )
        )

    def _add_benefit(self) -> None:
        """补登待遇事项…: the dialog, prefilled with the item's person; afterwards the
        detail is read again and shows the new event."""
        from ui.tasks import TaskRunner
        from ui.use.benefit_dialog import BenefitDialog

        archive = self._archive()
        view = self.view
        if view is None or archive is None or self.benefit_refusal(view):
            return
        runner = getattr(self.window(), "runner", None)
        if not isinstance(runner, TaskRunner):  # the detail on its own (not in the window)
            runner = self.findChild(TaskRunner) or TaskRunner(self)
        entity = view["entity"]
        person = entity["name"] if entity.get("kind") == "person" else ""
        ident = entity.get("id_number") or "" if person else ""
        masked = bool((view.get("id_numbers") or {}).get("masked"))
        dialog = BenefitDialog(
            archive,
            runner,
            str(view["number"]),
            self,
            person=person,
            id_number="" if masked or "*" in ident else ident,
        )
        dialog.changed.connect(self._benefit_added)
        dialog.open()
        self.benefit_dialog = dialog

    def _benefit_added(self, number: str) -> None:
        from archivist.access.item_detail import item_detail

        archive = self._archive()
        if archive is not None and self.view is not None and self.view["number"] == number:
            try:
                self.show_item(item_detail(archive, number))
            except ArchivistError as exc:
                errors.show_error(self, exc)
        self.benefit_added.emit(number)

    def _open_person_file(self) -> None:
        """一人一档…: the person file of the item's person or unit."""
        from ui.use.person_view import open_person_file

        archive = self._archive()
        if self.view is None or archive is None:
            return
        entity = self.view["entity"]
        open_person_file(self, archive, entity.get("ref") or entity["name"])

    def _archive(self) -> Archive | None:
        if self.archive is not None:
            return self.archive
        found = getattr(self.window(), "archive", None)
        return found if isinstance(found, Archive) else None

    def _reveal(self) -> None:
        archive = self._archive()
        if self.view is None or archive is None:
            return
        from archivist.access.item_detail import reveal_id_number

        number = str(self.view["number"])
        reason = ask_reason(
            self,
            self.tr("显示完整身份证号"),
            self.tr("显示件 {number} 所涉个人的完整身份证号；理由记入访问日志。").format(
                number=number
            ),
            prompt=self.tr("显示理由（记入访问日志）："),
        )
        if reason is None:
            return
        try:
            full = reveal_id_number(archive, number, reason)
        except ArchivistError as exc:
            errors.show_error(self, exc)
            return
        self.revealed = (number, full)
        self.show_item(self.view)

    def may_change(self) -> bool:
        return self.view is not None and bool((self.view.get("change") or {}).get("allowed", True))

    def _reorder(self) -> None:
        if self.view is not None:
            self.reorder_requested.emit(self.view["number"])

    def _request(self, signal: Any) -> None:
        if self.view is not None:
            signal.emit(self.view["number"])

    def _open_material(self, row: int, _column: int) -> None:
        if self.view is None:
            return
        page = 1 + sum(m["pages"] for m in self.view["materials"][:row])
        self.pages_requested.emit(self.view["number"], page)

    def retranslate(self) -> None:
        self.placeholder.setText(self.tr("在左侧选择分类，在上方表格中选择一件档案"))
        names = {
            "archival_code": self.tr("档号"),
            "class": self.tr("类别"),
            "business_type": self.tr("业务类型"),
            "entity": self.tr("单位/个人"),
            "completed_on": self.tr("办结日期"),
            "retention": self.tr("保管期限"),
            "handler": self.tr("经办人"),
            "captured": self.tr("采集人与时间"),
            "volume": self.tr("案卷"),
            "location": self.tr("存放位置"),
            "handover": self.tr("移交状态"),
        }
        for key, label in self.labels.items():
            label.setText(self.tr("{label}：").format(label=names[key]))
        self.form_box.setTitle(self.tr("件信息"))
        self.materials_box.setTitle(self.tr("件内材料（按排列顺序，附排列依据）"))
        self.history_box.setTitle(self.tr("审计记录"))
        self.reorder.setText(self.tr("调整顺序…"))
        self.edit.setText(self.tr("编辑条目…"))
        self.renumber.setText(self.tr("重新编号…"))
        self.use.setText(self.tr("申请利用…"))
        self.use.setToolTip(self.tr("登记查阅、借出、复制或电子调阅这件档案的申请"))
        self.reveal.setText(self.tr("显示完整号码…"))
        self.person_file.setText(self.tr("一人一档…"))
        self.person_file.setToolTip(
            self.tr("这个人或单位的全部档案：本人/本单位的、名册上的、凭证上的，以及待遇事项")
        )
        self.events_label.setText(self.tr("待遇事项："))
        self.holds_label.setText(self.tr("保全："))
        self.appraisals_label.setText(self.tr("鉴定："))
        self.destroyed_label.setText(self.tr("销毁："))
        self.add_benefit.setText(self.tr("补登待遇事项…"))
        self._show_benefit(self.view)
        self.button_tips = {
            self.edit: self.tr(
                "修改题名、经办人或办结日期，更正单位/个人的名称或证件号码（记入审计记录）"
            ),
            self.renumber: self.tr(
                "改变类别、业务类型或年度：件号、档号和保管期限随之改变（记入审计记录）"
            ),
            self.reorder: self.tr("调整件内材料的排列顺序（须填写理由，记入审计记录）"),
        }
        self._show_change(self.view)
        self.materials.setHorizontalHeaderLabels(
            [
                self.tr("顺序"),
                self.tr("材料题名"),
                self.tr("类型"),
                self.tr("所属人员"),
                self.tr("页数"),
                self.tr("排列依据"),
                self.tr("SHA-256"),
            ]
        )
        self.history.setHorizontalHeaderLabels(
            [self.tr("序号"), self.tr("时间"), self.tr("操作人"), self.tr("操作"), self.tr("理由")]
        )
        if self.view is not None:
            self.show_item(self.view)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _retention(code: str) -> str:
    if code == "Y":
        return QCoreApplication.translate("ItemDetail", "永久")
    years = Retention(code).years
    if years is None:
        return Retention(code).label
    return QCoreApplication.translate("ItemDetail", "{n}年").format(n=years)
