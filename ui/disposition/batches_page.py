"""鉴定批次: the batches; the one chosen shows its group with who has signed and its
records with their opinions; 销毁… / 延期… / 改为永久… give one opinion with a reason to
the records chosen (or every undecided one), 签字 signs as the person signed in,
撤销批次… cancels a batch not yet signed, 生成销毁清册 makes the register(s) of a signed
batch's destroy opinions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from archivist.accounts import directory
from archivist.accounts.rights import permits
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.changes.states import AppraisalState
from archivist.disposition import appraisal, destruction
from archivist.disposition.batch_views import BatchView, MemberView, Opinion
from ui import errors
from ui.disposition.dialogs import CancelBatchDialog, OpinionDialog
from ui.disposition.models import (
    ENTRY_COLUMNS,
    BatchListModel,
    EntriesModel,
    batch_state_text,
    opinion_text,
    scope_text,
    time_text,
)
from ui.disposition.page import (
    BATCHES,
    DUE,
    REGISTERS,
    DispositionPage,
    Reader,
    chosen_rows,
    facts,
    heading,
    select_rows,
    split,
    stack,
    table,
)
from ui.tasks import TaskContext, TaskRunner
from ui.texts import retention_text

BATCH_BUTTONS = ("destroy", "extend", "permanent", "sign", "register", "cancel_batch")
ENTRY_NEW_COLUMN = next(i for i, c in enumerate(ENTRY_COLUMNS) if c.key == "new")  # 延期至


class BatchesPage(DispositionPage):
    KEYS = (*BATCH_BUTTONS, "list_docx", "opinion_docx")

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(archive, runner, parent)
        self.batch: BatchView | None = None
        self.batch_count = QLabel()
        self.batches = BatchListModel(self)
        self.batch_table = table("batchTable", self.batches, (110, 260, 72, 56, 56, 56))
        self.batch_table.selectionModel().currentRowChanged.connect(self._batch_chosen)
        self.batch_heading = heading("batchHeading")
        self.batch_facts = facts("batchFacts")
        self.members_label = facts("batchMembers")
        actions = QHBoxLayout()
        for key, slot in (
            ("destroy", lambda: self.give_opinion(Opinion.DESTROY)),
            ("extend", lambda: self.give_opinion(Opinion.EXTEND)),
            ("permanent", lambda: self.give_opinion(Opinion.PERMANENT)),
            ("sign", lambda: self.sign_batch()),
            ("register", lambda: self.make_registers()),
            ("cancel_batch", lambda: self.cancel_batch()),
        ):
            if key == "cancel_batch":
                actions.addSpacing(16)
            actions.addWidget(self._button(key, slot))
            if key == "permanent":
                actions.addSpacing(16)
        actions.addStretch(1)
        actions.addWidget(self._button("list_docx", lambda: self.document.emit("appraisal-list")))
        actions.addWidget(
            self._button("opinion_docx", lambda: self.document.emit("appraisal-opinion"))
        )
        self.entries = EntriesModel(self)
        self.entry_table = table(
            "entryTable",
            self.entries,
            (116, 184, 180, 48, 72, 88, 64, 110, 160),
            many=True,
        )
        self.entry_table.doubleClicked.connect(lambda i: self.open_item(self.entries.row(i.row())))
        self.entry_table.selectionModel().selectionChanged.connect(
            lambda _s, _d: self.show_buttons()
        )
        bar = QHBoxLayout()
        bar.addWidget(self.batch_count)
        bar.addStretch(1)
        self.batch_table.setMinimumHeight(5 * (self.fontMetrics().height() + 10))
        stack(
            self,
            split(
                stack(QWidget(), bar, self.batch_table),
                stack(
                    QWidget(),
                    self.batch_heading,
                    self.batch_facts,
                    self.members_label,
                    actions,
                    self.entry_table,
                    top=4,
                ),
            ),
        )

    def reader(self) -> Reader:
        archive = self.archive

        def read_batches(_ctx: TaskContext) -> list[BatchView]:
            names = directory.display_names(archive)
            return [
                replace(b, created_by=names.get(b.created_by, b.created_by))
                for b in appraisal.list_batches(archive)
            ]

        return (
            read_batches,
            self._set_batches,
            QCoreApplication.translate("DispositionView", "读取鉴定批次"),
        )

    def _set_batches(self, rows: Any) -> None:
        current = self.batch.number if self.batch is not None else None
        # the list's view is current: shown again even when the same row stays chosen
        self._show_batch(self.refill(self.batches, self.batch_table, list(rows), current))

    def _batch_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_batch(self.batches.row(current.row()) if current.isValid() else None)

    def _show_batch(self, view: BatchView | None) -> None:
        same = view is not None and self.batch is not None and view.number == self.batch.number
        keep = self.chosen_entries() if same else []
        self.batch = view
        self.entries.set_rows(list(view.entries) if view else [])
        rows = [self.entries.row_of(number) for number in keep]
        select_rows(self.entry_table, [row for row in rows if row is not None])
        self._show_batch_heading()

    def chosen_entries(self) -> list[str]:
        found = [self.entries.row(r) for r in chosen_rows(self.entry_table)]
        return [e.number for e in found if e is not None]

    def _show_batch_heading(self) -> None:
        view = self.batch
        self.show_buttons()
        if view is None:
            self.batch_heading.setText(
                QCoreApplication.translate(
                    "DispositionView", "没有鉴定批次：在“到期档案”中选择档案，点“建立鉴定批次…”"
                )
                if not self.batches.rowCount() and not self.loading
                else QCoreApplication.translate("DispositionView", "未选鉴定批次")
            )
            self.batch_facts.setText("")
            self.members_label.setText("")
            return
        self.batch_heading.setText(
            QCoreApplication.translate("DispositionView", "{number}　{scope}　{state}").format(
                number=view.number, scope=scope_text(view), state=batch_state_text(view.state)
            )
        )
        counts = QCoreApplication.translate(
            "DispositionView", "共 {n} 件：销毁 {d} 件，延期 {e} 件，改为永久 {p} 件，未定 {u} 件"
        ).format(
            n=len(view.entries),
            d=view.count(Opinion.DESTROY),
            e=view.count(Opinion.EXTEND),
            p=view.count(Opinion.PERMANENT),
            u=view.undecided,
        )
        made = QCoreApplication.translate("DispositionView", "{who} 建立于 {at}").format(
            who=view.created_by, at=time_text(view.created_at)
        )
        lines = [f"{counts}　{made}"]
        if view.destruction_registers:
            lines.append(
                QCoreApplication.translate("DispositionView", "销毁清册：{numbers}").format(
                    numbers="、".join(
                        QCoreApplication.translate("DispositionView", "{number}（已撤回）").format(
                            number=n
                        )
                        if n in view.withdrawn_registers
                        else n
                        for n in view.destruction_registers
                    )
                )
            )
        if view.state == AppraisalState.CANCELLED:
            lines.append(
                QCoreApplication.translate(
                    "DispositionView", "已由 {who} 于 {at} 撤销，理由：{reason}"
                ).format(
                    who=view.cancelled_by or "",
                    at=time_text(view.cancelled_at),
                    reason=view.cancel_reason,
                )
            )
        self.batch_facts.setText("\n".join(lines))
        members = []
        for m in view.members:
            name = m.display_name + (
                QCoreApplication.translate("DispositionView", "（负责人）") if m.head else ""
            )
            signed = (
                QCoreApplication.translate("DispositionView", "已签 {at}").format(
                    at=time_text(m.signed_at)
                )
                if m.signed_at
                else QCoreApplication.translate("DispositionView", "未签")
            )
            members.append(f"{name} {signed}")
        self.members_label.setText(
            QCoreApplication.translate("DispositionView", "鉴定小组：{members}").format(
                members="；".join(members)
            )
        )

    # -- what the person may do ------------------------------------------------------------
    def _member(self, view: BatchView) -> MemberView | None:
        person = self.archive.person
        user = person.user_name if person else None
        return next((m for m in view.members if m.user_name == user), None)

    def why_not(self, key: str) -> str:
        view = self.batch
        person = self.archive.person
        if view is None:
            return QCoreApplication.translate("DispositionView", "未选鉴定批次")
        if key in ("list_docx", "opinion_docx"):
            return ""
        if view.state == AppraisalState.CANCELLED:
            return QCoreApplication.translate("DispositionView", "鉴定批次已撤销（{at}）").format(
                at=time_text(view.cancelled_at)
            )
        if key == "cancel_batch":
            if view.state == AppraisalState.SIGNED:
                return QCoreApplication.translate(
                    "DispositionView",
                    "鉴定批次已经全体成员签字，不能撤销；未批准的销毁清册可以撤回",
                )
            if not permits(person, Right.APPRAISE):
                return self.refusal(Right.APPRAISE)
            user = person.user_name if person else None
            if self._member(view) is None and user != view.created_by:
                return QCoreApplication.translate(
                    "DispositionView", "只有鉴定小组成员或建立人才能撤销本批次"
                )
            return ""
        if key == "register":
            if view.state != AppraisalState.SIGNED:
                return QCoreApplication.translate(
                    "DispositionView", "鉴定批次须经全体成员签字后才能生成销毁清册"
                )
            active = [n for n in view.destruction_registers if n not in view.withdrawn_registers]
            if active:
                return QCoreApplication.translate(
                    "DispositionView", "已生成销毁清册：{numbers}"
                ).format(numbers="、".join(active))
            if not view.count(Opinion.DESTROY):
                return QCoreApplication.translate("DispositionView", "本批次没有销毁意见")
            return "" if permits(person, Right.DISPOSE) else self.refusal(Right.DISPOSE)
        if view.state == AppraisalState.SIGNED:
            return QCoreApplication.translate("DispositionView", "鉴定批次已签字，意见不能再改")
        if not permits(person, Right.APPRAISE):
            return self.refusal(Right.APPRAISE)
        member = self._member(view)
        if member is None:
            return QCoreApplication.translate(
                "DispositionView", "只有鉴定小组成员才能填写意见和签字"
            )
        if key == "sign":
            if member.signed_at:
                return QCoreApplication.translate("DispositionView", "您已签字（{at}）").format(
                    at=time_text(member.signed_at)
                )
            if view.undecided:
                return QCoreApplication.translate(
                    "DispositionView", "还有 {n} 件未给出意见，不能签字"
                ).format(n=view.undecided)
            return ""
        if not view.entries:
            return QCoreApplication.translate("DispositionView", "本批次没有档案")
        return ""

    # -- the commands ----------------------------------------------------------------------
    def give_opinion(self, opinion: Opinion) -> OpinionDialog | None:
        """销毁… / 延期… / 改为永久…: the records chosen (or every undecided one)."""
        view = self.batch
        key = {Opinion.DESTROY: "destroy", Opinion.EXTEND: "extend"}.get(opinion, "permanent")
        if view is None or self.why_not(key):
            return None
        dialog = OpinionDialog(
            self.archive, self.runner, view, self, chosen=self.chosen_entries(), opinion=opinion
        )
        dialog.done_with.connect(
            lambda number: self.done.emit(
                BATCHES,
                number,
                QCoreApplication.translate(
                    "DispositionView", "{number}：已填写鉴定意见（{opinion}）"
                ).format(number=number, opinion=opinion_text(dialog.current_opinion())),
            )
        )
        self.open_dialog(dialog)
        return dialog

    def sign_batch(self) -> None:
        """签字: the member signed in signs the batch as themselves."""
        view = self.batch
        if view is None or self.why_not("sign"):
            return
        number = view.number

        def done(signed: Any) -> None:
            text = (
                QCoreApplication.translate(
                    "DispositionView", "{number} 全体成员已签字，延期和改为永久的意见已生效"
                ).format(number=number)
                if getattr(signed, "state", None) == AppraisalState.SIGNED
                else QCoreApplication.translate("DispositionView", "已在 {number} 上签字").format(
                    number=number
                )
            )
            self.outdated.emit({DUE})
            self.done.emit(BATCHES, number, text)

        self.runner.submit(
            QCoreApplication.translate("DispositionView", "签字 {number}").format(number=number),
            lambda _ctx: appraisal.sign_batch(self.archive, number),
            write=True,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
        )

    def cancel_batch(self) -> CancelBatchDialog | None:
        """撤销批次…: a batch not yet signed, by a member or its maker, with a reason."""
        view = self.batch
        if view is None or self.why_not("cancel_batch"):
            return None
        dialog = CancelBatchDialog(self.archive, self.runner, view, self)
        dialog.done_with.connect(self._batch_cancelled)
        self.open_dialog(dialog)
        return dialog

    def _batch_cancelled(self, number: str) -> None:
        self.outdated.emit({DUE})
        self.done.emit(
            BATCHES,
            number,
            QCoreApplication.translate(
                "DispositionView", "已撤销鉴定批次 {number}，其中的档案回到到期档案"
            ).format(number=number),
        )

    def make_registers(self) -> None:
        """生成销毁清册: the register(s) of the signed batch's destroy opinions."""
        view = self.batch
        if view is None or self.why_not("register"):
            return
        number = view.number

        def done(made: Any) -> None:
            numbers = [r.number for r in made]
            self.outdated.emit({BATCHES})
            self.turn_to.emit(REGISTERS)
            self.done.emit(
                REGISTERS,
                numbers[0] if numbers else "",
                QCoreApplication.translate(
                    "DispositionView", "已由 {batch} 生成销毁清册 {numbers}"
                ).format(batch=number, numbers="、".join(numbers)),
            )

        self.runner.submit(
            QCoreApplication.translate("DispositionView", "生成销毁清册 {number}").format(
                number=number
            ),
            lambda _ctx: destruction.create_registers(self.archive, number),
            write=True,
            on_done=done,
            on_error=lambda e, d: errors.show_error(self, e, d),
        )

    # -- language --------------------------------------------------------------------------
    def show_count(self) -> None:
        self.batch_count.setText(
            QCoreApplication.translate("DispositionView", "读取中…")
            if self.loading
            else QCoreApplication.translate("DispositionView", "{n} 个鉴定批次").format(
                n=self.batches.rowCount()
            )
        )

    def retranslate(self) -> None:
        for key, text in (
            ("destroy", QCoreApplication.translate("DispositionView", "销毁…")),
            ("extend", QCoreApplication.translate("DispositionView", "延期…")),
            ("permanent", QCoreApplication.translate("DispositionView", "改为永久…")),
            ("sign", QCoreApplication.translate("DispositionView", "签字")),
            ("register", QCoreApplication.translate("DispositionView", "生成销毁清册")),
            ("cancel_batch", QCoreApplication.translate("DispositionView", "撤销批次…")),
            ("list_docx", QCoreApplication.translate("DispositionView", "鉴定清单…")),
            ("opinion_docx", QCoreApplication.translate("DispositionView", "鉴定意见书…")),
        ):
            self.buttons[key].setText(text)
        self.tips = {
            "destroy": QCoreApplication.translate(
                "DispositionView", "所选档案（或全部未定的）鉴定为销毁，须填写理由"
            ),
            "extend": QCoreApplication.translate(
                "DispositionView", "所选档案延长保管期限（须比原期限长），须填写理由"
            ),
            "permanent": QCoreApplication.translate(
                "DispositionView", "所选档案改为永久保管，须填写理由"
            ),
            "sign": QCoreApplication.translate(
                "DispositionView", "以本人名义在鉴定清单上签字；全体签字后意见生效"
            ),
            "register": QCoreApplication.translate(
                "DispositionView", "把销毁意见的档案列入销毁清册（会计档案单独成册）"
            ),
            "cancel_batch": QCoreApplication.translate(
                "DispositionView",
                "撤销尚未签署的鉴定批次（如小组成员调离），须填写理由；其中的档案回到到期档案",
            ),
            "list_docx": QCoreApplication.translate(
                "DispositionView", "生成本批次的到期档案鉴定清单（.docx），供打印签字"
            ),
            "opinion_docx": QCoreApplication.translate(
                "DispositionView", "生成本批次的鉴定意见书（.docx）"
            ),
        }
        # 件号 whole, a three-letter class too (2019-SYU-000001)
        metrics = self.entry_table.fontMetrics()
        self.entry_table.setColumnWidth(0, metrics.horizontalAdvance("0000-SYU-000000") + 16)
        # 延期至 whole: the longest period and the day the record falls due again
        longest = retention_text("D100") + QCoreApplication.translate(
            "DispositionView", "（{day}起可鉴定）"
        ).format(day="2099-12-31")
        self.entry_table.setColumnWidth(ENTRY_NEW_COLUMN, metrics.horizontalAdvance(longest) + 16)
        self.batches.retranslate()
        self.entries.retranslate()
        self.show_count()
        self._show_batch_heading()
