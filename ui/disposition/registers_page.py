"""销毁清册: the registers; the one chosen shows its cover, its frozen rows and the
signatures; 批准 (a head who did not propose it), 撤回清册…, 签字… (the person signed in)
and 他人签字… (another person at the same desk, with their password), 销毁… (the
supervisors present, method, place and date; a confirmation that names what goes;
progress off the UI thread)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QWidget

from archivist.accounts import directory
from archivist.accounts.rights import permits
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.changes.states import DestructionState
from archivist.disposition import destruction
from archivist.disposition.register_views import Duty, RegisterView
from ui import errors
from ui.disposition.dialogs import ExecuteDialog, SignDialog, WithdrawRegisterDialog
from ui.disposition.models import (
    RegisterListModel,
    RegisterRowsModel,
    SignaturesModel,
    day_text,
    duty_text,
    register_state_text,
    time_text,
    unit_text,
)
from ui.disposition.page import (
    BATCHES,
    DUE,
    REGISTERS,
    DispositionPage,
    Reader,
    facts,
    heading,
    split,
    stack,
    table,
)
from ui.tasks import TaskContext, TaskRunner

REGISTER_BUTTONS = ("approve", "withdraw", "sign_self", "countersign", "execute")


class RegistersPage(DispositionPage):
    KEYS = (*REGISTER_BUTTONS, "register_docx")

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.today = today  # the day offered for a destruction; None: the day it is
        self.register: RegisterView | None = None
        self.register_count = QLabel()
        self.registers = RegisterListModel(self)
        self.register_table = table("registerTable", self.registers, (110, 110, 80, 72, 56, 56))
        self.register_table.selectionModel().currentRowChanged.connect(self._register_chosen)
        self.register_heading = heading("registerHeading")
        self.register_facts = facts("registerFacts")
        actions = QHBoxLayout()
        commands: list[tuple[str, Callable[[], Any]]] = [
            ("approve", self.approve),
            ("withdraw", lambda: self.withdraw_register()),
            ("sign_self", self.sign_register),
            ("countersign", lambda: self.sign_register(countersign=True)),
            ("execute", self.execute),
        ]
        for key, slot in commands:
            actions.addWidget(self._button(key, slot))
            if key == "countersign":
                actions.addSpacing(16)
        actions.addStretch(1)
        actions.addWidget(self._button("register_docx", lambda: self.document.emit("destruction")))
        self.register_rows = RegisterRowsModel(self)
        self.row_table = table(
            "registerRows", self.register_rows, (48, 240, 48, 200, 80, 80, 48, 110)
        )
        self.row_table.doubleClicked.connect(
            lambda i: self.open_item(self.register_rows.row(i.row()))
        )
        self.signatures = SignaturesModel(self)
        self.signature_table = table("registerSignatures", self.signatures, (130, 110, 200))
        self.register_tabs = QTabWidget()
        self.register_tabs.setObjectName("registerTabs")
        self.register_tabs.addTab(self.row_table, "")
        self.register_tabs.addTab(self.signature_table, "")
        bar = QHBoxLayout()
        bar.addWidget(self.register_count)
        bar.addStretch(1)
        self.register_table.setMinimumHeight(5 * (self.fontMetrics().height() + 10))
        stack(
            self,
            split(
                stack(QWidget(), bar, self.register_table),
                stack(
                    QWidget(),
                    self.register_heading,
                    self.register_facts,
                    actions,
                    self.register_tabs,
                    top=4,
                ),
            ),
        )

    def reader(self) -> Reader:
        archive = self.archive

        def read_registers(_ctx: TaskContext) -> list[RegisterView]:
            # who executed or withdrew it by name (the user names stay for the checks)
            names = directory.display_names(archive)
            return [
                replace(
                    r,
                    executed_by=names.get(r.executed_by, r.executed_by) if r.executed_by else None,
                    withdrawn_by=names.get(r.withdrawn_by, r.withdrawn_by)
                    if r.withdrawn_by
                    else None,
                )
                for r in destruction.list_registers(archive)
            ]

        return (
            read_registers,
            self._set_registers,
            QCoreApplication.translate("DispositionView", "读取销毁清册"),
        )

    def _set_registers(self, rows: Any) -> None:
        current = self.register.number if self.register is not None else None
        # the list's view is current: shown again even when the same row stays chosen
        self._show_register(self.refill(self.registers, self.register_table, list(rows), current))

    def _register_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_register(self.registers.row(current.row()) if current.isValid() else None)

    def _show_register(self, view: RegisterView | None) -> None:
        self.register = view
        self.register_rows.set_rows(list(view.rows) if view else [])
        self.signatures.set_rows(list(view.signatures) if view else [])
        self._show_register_heading()

    def _show_register_heading(self) -> None:
        view = self.register
        self.show_buttons()
        if view is None:
            self.register_heading.setText(
                QCoreApplication.translate(
                    "DispositionView",
                    "没有销毁清册：鉴定批次全体签字后，在“鉴定批次”中点“生成销毁清册”",
                )
                if not self.registers.rowCount() and not self.loading
                else QCoreApplication.translate("DispositionView", "未选销毁清册")
            )
            self.register_facts.setText("")
            return
        kind = (
            QCoreApplication.translate("DispositionView", "会计档案销毁清册")
            if view.accounting
            else QCoreApplication.translate("DispositionView", "档案销毁清册")
        )
        self.register_heading.setText(
            QCoreApplication.translate("DispositionView", "{number}　{kind}　{state}").format(
                number=view.number, kind=kind, state=register_state_text(view.state)
            )
        )
        lines = [
            QCoreApplication.translate(
                "DispositionView",
                "全宗 {code} {name}　鉴定批次 {batch}　销毁数量 {n} 件 {pages} 页",
            ).format(
                code=view.fonds_code,
                name=view.fonds_name,
                batch=view.batch,
                n=len(view.rows),
                pages=view.pages,
            ),
            QCoreApplication.translate(
                "DispositionView", "鉴定小组负责人 {leader} {day}　拟制 {who} {at}"
            ).format(
                leader=view.group_leader,
                day=day_text(view.group_signed_at),
                who=view.proposer_name or view.proposed_by,
                at=time_text(view.proposed_at),
            ),
        ]
        if view.approved_by:
            lines.append(
                QCoreApplication.translate("DispositionView", "批准人 {who} {at}").format(
                    who=view.approver_name or view.approved_by, at=time_text(view.approved_at)
                )
            )
        supervisors = [
            f"{s.display_name}（{unit_text(s.unit)}）" if s.unit else s.display_name
            for s in view.supervisors
        ]
        if supervisors:
            lines.append(
                QCoreApplication.translate("DispositionView", "监销人 {names}").format(
                    names="、".join(supervisors)
                )
            )
        if view.accounting:
            duties = {s.duty: s.display_name for s in view.signatures}
            unsigned = QCoreApplication.translate("DispositionView", "未签")
            lines.append(
                "　".join(
                    f"{duty_text(d)} {duties.get(d, unsigned)}"
                    for d in destruction.ACCOUNTING_DUTIES
                )
            )
        if view.state == DestructionState.WITHDRAWN:
            lines.append(
                QCoreApplication.translate(
                    "DispositionView", "已由 {who} 于 {at} 撤回，理由：{reason}"
                ).format(
                    who=view.withdrawn_by or "",
                    at=time_text(view.withdrawn_at),
                    reason=view.withdraw_reason,
                )
            )
        if view.state == DestructionState.EXECUTED:
            lines.append(
                QCoreApplication.translate(
                    "DispositionView", "销毁日期 {day}　方式 {method}　地点 {place}　执行 {who}"
                ).format(
                    day=day_text(view.executed_on),
                    method=view.method,
                    place=view.place,
                    who=view.executed_by or "",
                )
            )
        self.register_facts.setText("\n".join(lines))

    # -- what the person may do ------------------------------------------------------------
    def why_not(self, key: str) -> str:
        view = self.register
        person = self.archive.person
        if view is None:
            return QCoreApplication.translate("DispositionView", "未选销毁清册")
        if key == "register_docx":
            return ""
        if view.state == DestructionState.EXECUTED:
            return QCoreApplication.translate("DispositionView", "已按本清册销毁（{day}）").format(
                day=day_text(view.executed_on)
            )
        if view.state == DestructionState.WITHDRAWN:
            return QCoreApplication.translate("DispositionView", "清册已撤回（{at}）").format(
                at=time_text(view.withdrawn_at)
            )
        user = person.user_name if person else None
        if key == "withdraw":
            if view.state != DestructionState.PROPOSED:
                return QCoreApplication.translate("DispositionView", "清册已批准，不能撤回")
            if permits(person, Right.APPROVE):
                return ""
            if user == view.proposed_by and permits(person, Right.DISPOSE):
                return ""
            return QCoreApplication.translate(
                "DispositionView", "只有清册的拟制人或负责人（审批人）才能撤回清册"
            )
        if key == "approve":
            if view.state != DestructionState.PROPOSED:
                return QCoreApplication.translate("DispositionView", "清册已批准")
            if not permits(person, Right.APPROVE):
                return self.refusal(Right.APPROVE)
            if user == view.proposed_by:
                return QCoreApplication.translate(
                    "DispositionView", "拟制清册的人不能批准本清册，须由另一位负责人批准"
                )
            return ""
        if key in ("sign_self", "countersign"):
            if view.state != DestructionState.APPROVED and not view.accounting:
                return QCoreApplication.translate(
                    "DispositionView", "清册须经批准后，监销人才能签字"
                )
            if not permits(person, Right.WITNESS):
                return self.refusal(Right.WITNESS)
            if key == "sign_self" and user == view.approved_by and not view.accounting:
                return QCoreApplication.translate("DispositionView", "批准人不能担任监销人")
            if key == "sign_self" and not view.accounting:
                signed = next((s for s in view.supervisors if s.user_name == user), None)
                if signed is not None:
                    return QCoreApplication.translate(
                        "DispositionView", "您已作为监销人签字（{at}）"
                    ).format(at=time_text(signed.signed_at))
            return ""
        # execute
        if view.state != DestructionState.APPROVED:
            return QCoreApplication.translate("DispositionView", "清册须经批准后才能销毁")
        if not permits(person, Right.DISPOSE):
            return self.refusal(Right.DISPOSE)
        names = {s.user_name for s in view.supervisors if s.user_name != view.approved_by}
        if len(names) < 2:
            return QCoreApplication.translate(
                "DispositionView", "须有两名以上监销人签字（现有 {n} 名）"
            ).format(n=len(names))
        if view.accounting:
            missing = [
                duty_text(d)
                for d in destruction.ACCOUNTING_DUTIES
                if d is not Duty.UNIT_HEAD and d not in {s.duty for s in view.signatures}
            ]
            if missing:
                return QCoreApplication.translate(
                    "DispositionView", "会计档案销毁清册还须签字：{duties}"
                ).format(duties="、".join(missing))
        return ""

    # -- the commands ----------------------------------------------------------------------
    def approve(self) -> None:
        """批准: a head who did not propose the register; its list is then frozen."""
        view = self.register
        if view is None or self.why_not("approve"):
            return
        number = view.number
        self.runner.submit(
            QCoreApplication.translate("DispositionView", "批准 {number}").format(number=number),
            lambda _ctx: destruction.approve_register(self.archive, number),
            write=True,
            on_done=lambda _v: self.done.emit(
                REGISTERS,
                number,
                QCoreApplication.translate("DispositionView", "已批准销毁清册 {number}").format(
                    number=number
                ),
            ),
            on_error=lambda e, d: errors.show_error(self, e, d),
        )

    def withdraw_register(self) -> WithdrawRegisterDialog | None:
        """撤回清册…: a proposed register, by its proposer or a head who refuses it."""
        view = self.register
        if view is None or self.why_not("withdraw"):
            return None
        dialog = WithdrawRegisterDialog(self.archive, self.runner, view, self)
        dialog.done_with.connect(self._register_withdrawn)
        self.open_dialog(dialog)
        return dialog

    def _register_withdrawn(self, number: str) -> None:
        self.outdated.emit({DUE, BATCHES})
        self.done.emit(
            REGISTERS,
            number,
            QCoreApplication.translate("DispositionView", "已撤回销毁清册 {number}").format(
                number=number
            ),
        )

    def sign_register(self, *, countersign: bool = False) -> SignDialog | None:
        """签字… as the person signed in, or 他人签字… by another person at this desk."""
        view = self.register
        if view is None or self.why_not("countersign" if countersign else "sign_self"):
            return None
        dialog = SignDialog(self.archive, self.runner, view, self, countersign=countersign)
        dialog.done_with.connect(
            lambda number: self.done.emit(
                REGISTERS,
                number,
                QCoreApplication.translate(
                    "DispositionView", "已在销毁清册 {number} 上签字（{duty}）"
                ).format(number=number, duty=duty_text(dialog.current_duty())),
            )
        )
        self.open_dialog(dialog)
        return dialog

    def execute(self) -> ExecuteDialog | None:
        """销毁…: the supervisors present, method, place and date; confirmed by name."""
        view = self.register
        if view is None or self.why_not("execute"):
            return None
        dialog = ExecuteDialog(self.archive, self.runner, view, self, today=self.today)
        dialog.done_with.connect(lambda number: self._executed(number, view))
        self.open_dialog(dialog)
        return dialog

    def _executed(self, number: str, view: RegisterView) -> None:
        self.outdated.emit({DUE, BATCHES})
        self.done.emit(
            REGISTERS,
            number,
            QCoreApplication.translate(
                "DispositionView", "已按 {number} 销毁 {n} 件档案（{pages} 页），只保留目录信息"
            ).format(number=number, n=len(view.rows), pages=view.pages),
        )

    # -- language --------------------------------------------------------------------------
    def show_count(self) -> None:
        self.register_count.setText(
            QCoreApplication.translate("DispositionView", "读取中…")
            if self.loading
            else QCoreApplication.translate("DispositionView", "{n} 份销毁清册").format(
                n=self.registers.rowCount()
            )
        )

    def retranslate(self) -> None:
        for key, text in (
            ("approve", QCoreApplication.translate("DispositionView", "批准")),
            ("withdraw", QCoreApplication.translate("DispositionView", "撤回清册…")),
            ("sign_self", QCoreApplication.translate("DispositionView", "签字…")),
            ("countersign", QCoreApplication.translate("DispositionView", "他人签字…")),
            ("execute", QCoreApplication.translate("DispositionView", "销毁…")),
            ("register_docx", QCoreApplication.translate("DispositionView", "打印清册…")),
        ):
            self.buttons[key].setText(text)
        self.tips = {
            "approve": QCoreApplication.translate(
                "DispositionView", "批准销毁清册；批准后清册内容不能再改"
            ),
            "withdraw": QCoreApplication.translate(
                "DispositionView",
                "拟制人撤回或负责人退回尚未批准的销毁清册，须填写理由；清册保留备查",
            ),
            "sign_self": QCoreApplication.translate(
                "DispositionView", "以本人名义签字（监销人或会计档案的签字身份）"
            ),
            "countersign": QCoreApplication.translate(
                "DispositionView", "另一人在本机输入自己的用户名和密码签字"
            ),
            "execute": QCoreApplication.translate(
                "DispositionView", "在监销人监督下销毁：删除电子文件及其全部副本，只保留目录"
            ),
            "register_docx": QCoreApplication.translate(
                "DispositionView", "生成销毁清册（.docx；会计档案用会计档案销毁清册）"
            ),
        }
        self.register_tabs.setTabText(0, QCoreApplication.translate("DispositionView", "清册条目"))
        self.register_tabs.setTabText(1, QCoreApplication.translate("DispositionView", "签字"))
        self.registers.retranslate()
        self.register_rows.retranslate()
        self.signatures.retranslate()
        self.show_count()
        self._show_register_heading()
