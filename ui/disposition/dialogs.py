"""The 鉴定 view's dialogs: a new appraisal batch (新建鉴定批次), an opinion for several
records at once with its reason (鉴定意见), a signature on a destruction register by
the person signed in or countersigned at the same desk by another person who types
their own user name and password (签字 / 他人签字), the execution of a register
(销毁) with a confirmation that names what goes and a progress dialog, and placing and
lifting holds (保全).

Each runs its core call through the window's task runner on the write thread; what is
missing and the core's refusal are said on the problem line, the field concerned
marked, the dialog left open with what was typed (ui.change_dialog.RecordFormDialog)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.disposition import appraisal, destruction, execution, holds
from archivist.disposition.appraisers import Appraiser
from archivist.disposition.batch_views import BatchView, Opinion
from archivist.disposition.destruction import ACCOUNTING_DUTIES
from archivist.disposition.holds import HoldKind, HoldView
from archivist.disposition.register_views import Duty, RegisterView, Unit
from archivist.errors import ArchivistError
from ui import errors
from ui.change_dialog import RecordFormDialog
from ui.disposition.models import (
    PERIODS,
    duty_text,
    hold_kind_text,
    opinion_text,
    unit_text,
)
from ui.screen import fit_to_screen
from ui.tasks import TaskContext, TaskHandle, TaskRunner
from ui.texts import retention_text
from ui.use.dialogs import split_codes

DATA = Qt.ItemDataRole.UserRole
SHOWN_NUMBERS = 12  # numbers named in a summary before "…共 N 件"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def wrapped(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def numbers_text(numbers: Sequence[str]) -> str:
    shown = "、".join(numbers[:SHOWN_NUMBERS])
    if len(numbers) > SHOWN_NUMBERS:
        shown += "……"
    return shown


class DispositionDialog(RecordFormDialog):
    """What the dialogs of the 鉴定 view share: the form, the problem line with the field
    marked, the core call on the write thread."""

    mark_missing = True
    # a form of short fields: the room a taller dialog has goes under it, not into
    # blank bands around the heading (a dialog with a list lets the list take it)
    top_aligned = True

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(archive, runner, parent, problem_name="dispositionProblem")
        layout = self.layout()
        if self.top_aligned and isinstance(layout, QVBoxLayout):
            layout.insertStretch(layout.indexOf(self.buttons), 1)


# -- a new batch -----------------------------------------------------------------------------


class NewBatchDialog(DispositionDialog):
    """新建鉴定批次: the day the scope is taken, the class and year (or the records chosen
    in the due list), and the group — at least three members with the appraiser role,
    one of them a head — ticked from the accounts that hold it."""

    top_aligned = False  # the list of members takes the room

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        candidates: Sequence[Appraiser],
        as_of: dt.date,
        class_code: str | None = None,
        year: int | None = None,
        classes: Sequence[tuple[str, str]] = (),
        numbers: Sequence[str] = (),
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("newBatchDialog")
        self.numbers = list(numbers)
        self.candidates = list(candidates)
        self.as_of = date_edit("batchAsOf", as_of)
        self.as_of.dateChanged.connect(lambda _d: self.typed())
        self.klass = QComboBox()
        self.klass.setObjectName("batchClass")
        self.klass.addItem("", None)
        for code, name in classes:
            self.klass.addItem(f"{code} {name}", code)
        if class_code and self.klass.findData(class_code) < 0:
            self.klass.addItem(class_code, class_code)
        self.klass.setCurrentIndex(max(0, self.klass.findData(class_code)) if class_code else 0)
        self.klass.currentIndexChanged.connect(lambda _i: self.typed())
        self.year = QSpinBox()
        self.year.setObjectName("batchYear")
        self.year.setRange(0, 2200)
        self.year.setValue(year or 0)
        self.year.valueChanged.connect(lambda _v: self.typed())
        self.scope = wrapped(numbers_text(self.numbers), "batchNumbers")
        self.members = QListWidget()
        self.members.setObjectName("batchMembers")
        for person in self.candidates:
            entry = QListWidgetItem()
            entry.setData(DATA, person.user_name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.members.addItem(entry)
        if archive.person is not None:  # who makes the batch sits on the group, usually
            self.set_members([archive.person.user_name])
        self.members.itemChanged.connect(lambda _i: self.typed())
        self.members.setMinimumHeight(120)
        self._row("as_of", self.as_of)
        if self.numbers:
            self._row("numbers", self.scope)
        else:
            self._row("class", self.klass)
            self._row("year", self.year)
        self._row("members", self.members)
        fit_to_screen(self, 640, 520)
        self.retranslate()

    def chosen_members(self) -> list[str]:
        found = []
        for row in range(self.members.count()):
            entry = self.members.item(row)
            if entry.checkState() == Qt.CheckState.Checked:
                found.append(str(entry.data(DATA)))
        return found

    def set_members(self, user_names: Sequence[str]) -> None:
        wanted = set(user_names)
        for row in range(self.members.count()):
            entry = self.members.item(row)
            entry.setCheckState(
                Qt.CheckState.Checked if entry.data(DATA) in wanted else Qt.CheckState.Unchecked
            )

    def problem_text(self) -> str:
        chosen = set(self.chosen_members())
        if not self.candidates:
            return self.tr("没有持“鉴定小组成员”角色的账户：请安全保密员先授予角色")
        if len(chosen) < appraisal.MIN_MEMBERS:
            return self.tr("鉴定小组至少 {n} 人（已选 {k} 人）").format(
                n=appraisal.MIN_MEMBERS, k=len(chosen)
            )
        if not any(p.head for p in self.candidates if p.user_name in chosen):
            return self.tr("鉴定小组须有一名负责人")
        return ""

    def problem_field(self) -> QWidget | None:
        code = self.refusal_code
        if code.endswith("members") or "member" in code or "head" in code:
            return self.members
        if "class" in code:
            return self.klass
        if "year" in code:
            return self.year
        if code:
            return self.as_of
        return None

    def run(self) -> str:
        code = self.klass.currentData()
        made = appraisal.create_batch(
            self.archive,
            as_of=pydate(self.as_of.date()),
            members=self.chosen_members(),
            class_code=str(code) if code and not self.numbers else None,
            year=self.year.value() or None if not self.numbers else None,
            numbers=self.numbers,
        )
        return made.number

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("新建鉴定批次"))
        self.heading.setText(
            self.tr(
                "批次号自动编排（JD-年度-流水号）。收入截至当日已到期、未保全、"
                "未在其他批次或销毁清册中的档案；永久档案不收入。"
            )
        )
        for key, text in (
            ("as_of", self.tr("截至日期")),
            ("numbers", self.tr("所选档案")),
            ("class", self.tr("类别")),
            ("year", self.tr("年度")),
            ("members", self.tr("鉴定小组")),
        ):
            if key in self.labels:
                self.labels[key].setText(text)
        self.klass.setItemText(0, self.tr("全部类别"))
        self.year.setSpecialValueText(self.tr("全部年度"))
        if self.numbers:
            self.labels["numbers"].setText(self.tr("所选 {n} 件").format(n=len(self.numbers)))
        for row, person in enumerate(self.candidates):
            self.members.item(row).setText(
                self.tr("{name}（{user}）　负责人").format(
                    name=person.display_name, user=person.user_name
                )
                if person.head
                else self.tr("{name}（{user}）").format(
                    name=person.display_name, user=person.user_name
                )
            )
        self.retranslate_common(self.tr("建立批次"))


# -- opinions ---------------------------------------------------------------------------------

OPINIONS = (Opinion.DESTROY, Opinion.EXTEND, Opinion.PERMANENT)


class OpinionDialog(DispositionDialog):
    """鉴定意见: one opinion — destroy, extend (the new period) or keep permanently — for
    the records chosen or every undecided one, with the reason."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        batch: BatchView,
        parent: QWidget | None = None,
        *,
        chosen: Sequence[str] = (),
        opinion: Opinion = Opinion.DESTROY,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("opinionDialog")
        self.batch = batch.number
        self.chosen = list(chosen)
        self.undecided = [e.number for e in batch.entries if e.opinion is None]
        self.which = QComboBox()
        self.which.setObjectName("opinionWhich")
        self.which.addItems(["", ""])
        if not self.chosen:
            self.which.setCurrentIndex(1)
        self.which.currentIndexChanged.connect(lambda _i: self._which_changed())
        self.which_list = wrapped("", "opinionNumbers")
        self.opinion = QComboBox()
        self.opinion.setObjectName("opinionKind")
        for kind in OPINIONS:
            self.opinion.addItem("", kind.value)
        self.opinion.setCurrentIndex(OPINIONS.index(opinion))
        self.opinion.currentIndexChanged.connect(lambda _i: self._opinion_changed())
        self.period = QComboBox()
        self.period.setObjectName("opinionPeriod")
        self.period.setEditable(True)
        for code in PERIODS:
            self.period.addItem(retention_text(code), code)
        self.period.setCurrentIndex(PERIODS.index("D30"))
        self.period.currentTextChanged.connect(lambda _t: self.typed())
        self.reason = self._line("opinionReason")
        self._row("which", self.which)
        self._row("numbers", self.which_list)
        self._row("opinion", self.opinion)
        self._row("period", self.period)
        self._row("reason", self.reason)
        fit_to_screen(self, 620, 340)
        self.retranslate()
        self._opinion_changed()

    def numbers(self) -> list[str]:
        return self.chosen if self.which.currentIndex() == 0 else self.undecided

    def current_opinion(self) -> Opinion:
        return Opinion(str(self.opinion.currentData()))

    def set_opinion(self, opinion: Opinion) -> None:
        self.opinion.setCurrentIndex(OPINIONS.index(opinion))

    def period_value(self) -> str:
        index = self.period.findText(self.period.currentText())
        if index >= 0:
            return str(self.period.itemData(index))
        return self.period.currentText().strip()

    def _which_changed(self) -> None:
        self.which_list.setText(numbers_text(self.numbers()))
        self.typed()

    def _opinion_changed(self) -> None:
        extend = self.current_opinion() is Opinion.EXTEND
        self.period.setVisible(extend)
        self.labels["period"].setVisible(extend)
        self.typed()

    def problem_text(self) -> str:
        if not self.numbers():
            return (
                self.tr("未选档案：在表中选择要给出意见的档案")
                if self.which.currentIndex() == 0
                else self.tr("没有未定的档案")
            )
        if self.current_opinion() is Opinion.EXTEND and not self.period_value():
            return self.tr("请选择延期后的保管期限")
        if not self.reason.text().strip():
            return self.tr("请填写理由")
        return ""

    def problem_field(self) -> QWidget | None:
        code = self.refusal_code
        if "period" in code or "retention" in code or "shorter" in code:
            return self.period
        if "reason" in code or code.startswith("limit"):
            return self.reason
        if code:
            return self.which
        return None

    def run(self) -> str:
        opinion = self.current_opinion()
        appraisal.set_opinion(
            self.archive,
            self.batch,
            self.numbers(),
            opinion,
            reason=self.reason.text().strip(),
            period=self.period_value() if opinion is Opinion.EXTEND else None,
        )
        return self.batch

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("鉴定意见 — {batch}").format(batch=self.batch))
        self.heading.setText(
            self.tr(
                "同一意见和理由给所选档案；已签字后再改意见，已有的签字作废，须重新签字。"
                "保全中的档案不能给销毁意见；延期须比原保管期限长。"
            )
        )
        self.which.setItemText(0, self.tr("所选 {n} 件").format(n=len(self.chosen)))
        self.which.setItemText(1, self.tr("全部未定的 {n} 件").format(n=len(self.undecided)))
        self.which_list.setText(numbers_text(self.numbers()))
        for index, kind in enumerate(OPINIONS):
            self.opinion.setItemText(index, opinion_text(kind))
        for key, text in (
            ("which", self.tr("档案")),
            ("numbers", ""),
            ("opinion", self.tr("鉴定意见")),
            ("period", self.tr("延期后保管期限")),
            ("reason", self.tr("理由")),
        ):
            self.labels[key].setText(text)
        self.reason.setPlaceholderText(self.tr("必须填写（记入鉴定清单和审计记录）"))
        self.retranslate_common(self.tr("确定"))


# -- signatures on a register ---------------------------------------------------------------

UNITS = (Unit.ARCHIVES, Unit.ACCOUNTING, Unit.IT, Unit.OTHER)


class SignDialog(DispositionDialog):
    """签字 on a destruction register: a supervisor (监销人) with their unit, or for an
    accounting register one of the duties of Order 79. The person signed in signs as
    themselves; with `countersign` another person at the same desk types their own user
    name and password (checked as at sign-in: failures count towards the lockout)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        register: RegisterView,
        parent: QWidget | None = None,
        *,
        countersign: bool = False,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("countersignDialog" if countersign else "signDialog")
        self.number = register.number
        self.countersign = countersign
        self.duties: list[Duty] = [Duty.SUPERVISOR]
        if register.accounting:
            self.duties += [d for d in ACCOUNTING_DUTIES if d is not Duty.UNIT_HEAD]
        self.duty = QComboBox()
        self.duty.setObjectName("signDuty")
        for duty in self.duties:
            self.duty.addItem("", duty.value)
        self.duty.currentIndexChanged.connect(lambda _i: self._duty_changed())
        self.unit = QComboBox()
        self.unit.setObjectName("signUnit")
        for unit in UNITS:
            self.unit.addItem("", unit.value)
        self.unit.currentIndexChanged.connect(lambda _i: self.typed())
        self.user = self._line("signUser")
        self.password = self._line("signPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self._row("register", wrapped(f"{register.number}　{register.fonds_name}"))
        self._row("duty", self.duty)
        self._row("unit", self.unit)
        if countersign:
            self._row("user", self.user)
            self._row("password", self.password)
        fit_to_screen(self, 560, 300)
        self.retranslate()
        self._duty_changed()

    def current_duty(self) -> Duty:
        return Duty(str(self.duty.currentData()))

    def set_duty(self, duty: Duty | str) -> None:
        self.duty.setCurrentIndex(self.duties.index(Duty(duty)))

    def set_unit(self, unit: Unit | str) -> None:
        self.unit.setCurrentIndex(UNITS.index(Unit(unit)))

    def _duty_changed(self) -> None:
        supervisor = self.current_duty() is Duty.SUPERVISOR
        self.unit.setVisible(supervisor)
        self.labels["unit"].setVisible(supervisor)
        self.typed()

    def problem_text(self) -> str:
        if self.countersign:
            if not self.user.text().strip():
                return self.tr("请签字人输入自己的用户名")
            if not self.password.text():
                return self.tr("请签字人输入自己的密码")
        return ""

    def problem_field(self) -> QWidget | None:
        code = self.refusal_code
        if not self.countersign or not code:
            return None
        if "password" in code or "sign_in" in code or "locked" in code:
            return self.password
        if "user" in code or "account" in code:
            return self.user
        return None

    def refused(self, message: str, code: str = "") -> None:
        self.password.clear()  # a refused password is never kept in the form
        super().refused(message, code)

    def run(self) -> str:
        duty = self.current_duty()
        destruction.sign_register(
            self.archive,
            self.number,
            duty,
            unit=str(self.unit.currentData()) if duty is Duty.SUPERVISOR else None,
            user_name=self.user.text().strip() if self.countersign else None,
            password=self.password.text() if self.countersign else None,
        )
        return self.number

    def retranslate(self) -> None:
        if self.countersign:
            self.setWindowTitle(self.tr("他人签字 — {number}").format(number=self.number))
            self.heading.setText(
                self.tr(
                    "请签字人本人在此输入自己的用户名和密码（按登录规则核对，"
                    "输错计入锁定次数）；签字记在其本人名下，由当前登录人办理。"
                )
            )
        else:
            person = self.archive.person
            self.setWindowTitle(self.tr("签字 — {number}").format(number=self.number))
            self.heading.setText(
                self.tr("以 {name} 本人的名义签字。批准人不能担任监销人。").format(
                    name=person.display_name if person else "—"
                )
            )
        for index, duty in enumerate(self.duties):
            self.duty.setItemText(index, duty_text(duty))
        for index, unit in enumerate(UNITS):
            self.unit.setItemText(index, unit_text(unit))
        for key, text in (
            ("register", self.tr("销毁清册")),
            ("duty", self.tr("签字身份")),
            ("unit", self.tr("所在部门")),
            ("user", self.tr("签字人用户名")),
            ("password", self.tr("签字人密码")),
        ):
            if key in self.labels:
                self.labels[key].setText(text)
        self.retranslate_common(self.tr("签字"))


# -- execution --------------------------------------------------------------------------------

METHODS = ("粉碎", "焚毁", "化浆", "电子档案彻底删除")


def destroyed_text(register: RegisterView) -> str:
    """What the execution destroys: the count, the pages and the numbers."""
    numbers = [r.number for r in register.rows]
    return QCoreApplication.translate("DispositionView", "{n} 件、{pages} 页：{numbers}").format(
        n=len(numbers), pages=register.pages, numbers=numbers_text(numbers)
    )


class ExecuteDialog(DispositionDialog):
    """销毁: the supervisors present (of those who signed), the method, place and date;
    确定 asks once more, naming what will be destroyed, then runs on the write thread
    with a progress dialog. What is destroyed cannot be brought back."""

    top_aligned = False  # the list of supervisors takes the room

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        register: RegisterView,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("executeDialog")
        self.register = register
        self.number = register.number
        self.handle: TaskHandle | None = None
        self.progress: QProgressDialog | None = None
        self.confirmation: QMessageBox | None = None
        self.result_of: execution.ExecutionResult | None = None
        day = today or dt.date.today()
        self.what = wrapped(destroyed_text(register), "executeWhat")
        self.what.setStyleSheet("color: #a11d1d;")
        self.supervisors = QListWidget()
        self.supervisors.setObjectName("executeSupervisors")
        seen: set[str] = set()
        for signature in register.supervisors:
            if signature.user_name in seen:
                continue
            seen.add(signature.user_name)
            entry = QListWidgetItem(
                f"{signature.display_name}（{signature.user_name}）　{unit_text(signature.unit)}"
            )
            entry.setData(DATA, signature.user_name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.supervisors.addItem(entry)
        self.supervisors.itemChanged.connect(lambda _i: self.typed())
        self.supervisors.setMaximumHeight(4 * (self.fontMetrics().height() + 8))
        self.method = QComboBox()
        self.method.setObjectName("executeMethod")
        self.method.setEditable(True)
        self.method.addItems(list(METHODS))
        self.method.setCurrentIndex(-1)
        self.method.currentTextChanged.connect(lambda _t: self.typed())
        self.place = self._line("executePlace")
        self.day = date_edit("executeDate", day)
        self.day.setMaximumDate(qdate(day))
        self.day.dateChanged.connect(lambda _d: self.typed())
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):  # under the heading, the width of the dialog
            layout.insertWidget(1, self.what)
        self._row("supervisors", self.supervisors)
        self._row("method", self.method)
        self._row("place", self.place)
        self._row("date", self.day)
        fit_to_screen(self, 680, 380)
        self.retranslate()

    def chosen_supervisors(self) -> tuple[str, ...]:
        found = []
        for row in range(self.supervisors.count()):
            entry = self.supervisors.item(row)
            if entry.checkState() == Qt.CheckState.Checked:
                found.append(str(entry.data(DATA)))
        return tuple(found)

    def problem_text(self) -> str:
        if len(self.chosen_supervisors()) < 2:
            return self.tr("须有两名以上已签字的监销人在场")
        if not self.method.currentText().strip():
            return self.tr("请填写销毁方式")
        if not self.place.text().strip():
            return self.tr("请填写销毁地点")
        return ""

    def problem_field(self) -> QWidget | None:
        code = self.refusal_code
        if "supervisor" in code:
            return self.supervisors
        if "method" in code:
            return self.method
        if "place" in code:
            return self.place
        if "date" in code or "day" in code:
            return self.day
        return None

    def confirm(self) -> bool:
        """The last word before anything goes: what will be destroyed, by name."""
        box = QMessageBox(self)
        box.setObjectName("executeConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("确认销毁"))
        box.setText(
            self.tr("按销毁清册 {number} 销毁以下档案，销毁后无法恢复：").format(number=self.number)
        )
        box.setInformativeText(
            destroyed_text(self.register)
            + "\n"
            + self.tr("电子文件、可检索副本、识别文本、索引和组卷 PDF 将一并删除，只保留目录信息。")
        )
        go = box.addButton(self.tr("销毁"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)
        self.confirmation = box
        box.exec()
        return box.clickedButton() is go

    def save(self) -> None:
        if self.problem_text() or self.busy or not self.confirm():
            return
        self.busy = True
        self.check()
        number, supervisors = self.number, self.chosen_supervisors()
        method, place = self.method.currentText().strip(), self.place.text().strip()
        day = pydate(self.day.date())
        progress = QProgressDialog(self)
        progress.setObjectName("executeProgress")
        progress.setWindowTitle(self.tr("销毁"))
        progress.setLabelText(self.tr("正在销毁 {number} 中的档案…").format(number=number))
        progress.setCancelButton(None)  # the removal finishes (or rolls back on next open)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setRange(0, 0)
        self.progress = progress

        def work(ctx: TaskContext) -> execution.ExecutionResult:
            return execution.execute_register(
                self.archive,
                number,
                supervisors=supervisors,
                method=method,
                place=place,
                on=day,
                progress=lambda done, total: ctx.progress(done, total, ""),
            )

        def progressed(done: int, total: int, _what: str) -> None:
            if total:
                progress.setRange(0, total)
                progress.setValue(min(done, total))
                progress.setLabelText(
                    self.tr("正在销毁 {number}：{done}/{total} 件").format(
                        number=number, done=done, total=total
                    )
                )

        def done(result: object) -> None:
            progress.close()
            self.busy = False
            if isinstance(result, execution.ExecutionResult):
                self.result_of = result
            self.done_with.emit(number)
            self.accept()

        def failed(exc: BaseException, details: str) -> None:
            progress.close()
            self.busy = False
            if isinstance(exc, ArchivistError):
                self.refused(exc.message(), exc.code)
                return
            self.check()
            errors.show_error(self, exc, details)

        progress.show()
        self.handle = self.runner.submit(
            self.tr("销毁 {number}").format(number=number),
            work,
            write=True,
            on_done=done,
            on_error=failed,
            on_progress=progressed,
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("销毁 — {number}").format(number=self.number))
        self.heading.setText(
            self.tr(
                "须经批准，两名以上监销人（不含批准人）签字并在场。"
                "销毁后只保留档案的目录信息和销毁清册，档案号不再使用。"
            )
        )
        self.what.setText(self.tr("将销毁：{what}").format(what=destroyed_text(self.register)))
        for key, text in (
            ("supervisors", self.tr("在场监销人")),
            ("method", self.tr("销毁方式")),
            ("place", self.tr("销毁地点")),
            ("date", self.tr("销毁日期")),
        ):
            self.labels[key].setText(text)
        self.place.setPlaceholderText(self.tr("例如：本单位档案室"))
        self.retranslate_common(self.tr("销毁…"))


# -- holds ------------------------------------------------------------------------------------

KINDS = (HoldKind.UNSETTLED, HoldKind.DISPUTE, HoldKind.LITIGATION, HoldKind.AUDIT, HoldKind.OTHER)


class PlaceHoldDialog(DispositionDialog):
    """设置保全: on items (their numbers) or on one volume (which covers its items), with
    the kind and the reason."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        items: Sequence[str] = (),
        volume: str | None = None,
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("placeHoldDialog")
        self.target = QComboBox()
        self.target.setObjectName("holdTarget")
        self.target.addItems(["", ""])
        self.target.setCurrentIndex(1 if volume else 0)
        self.target.currentIndexChanged.connect(lambda _i: self._target_changed())
        self.items = self._line("holdItems", " ".join(items))
        self.volume = self._line("holdVolume", volume or "")
        self.kind = QComboBox()
        self.kind.setObjectName("holdKind")
        for kind in KINDS:
            self.kind.addItem("", kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self.typed())
        self.reason = self._line("holdReason")
        self._row("target", self.target)
        self._row("items", self.items)
        self._row("volume", self.volume)
        self._row("kind", self.kind)
        self._row("reason", self.reason)
        fit_to_screen(self, 600, 300)
        self.retranslate()
        self._target_changed()

    def on_volume(self) -> bool:
        return self.target.currentIndex() == 1

    def set_kind(self, kind: HoldKind | str) -> None:
        self.kind.setCurrentIndex(KINDS.index(HoldKind(kind)))

    def _target_changed(self) -> None:
        volume = self.on_volume()
        self.items.setVisible(not volume)
        self.labels["items"].setVisible(not volume)
        self.volume.setVisible(volume)
        self.labels["volume"].setVisible(volume)
        self.typed()

    def problem_text(self) -> str:
        if self.on_volume() and not self.volume.text().strip():
            return self.tr("请填写案卷档号")
        if not self.on_volume() and not split_codes(self.items.text()):
            return self.tr("请填写件号")
        if not self.reason.text().strip():
            return self.tr("请填写保全理由")
        return ""

    def problem_field(self) -> QWidget | None:
        code = self.refusal_code
        if code.startswith("item") or code in ("hold.already_held", "hold.too_many"):
            return self.volume if self.on_volume() else self.items
        if code.startswith("volume"):
            return self.volume
        if "reason" in code or code.startswith("limit"):
            return self.reason
        return None

    def run(self) -> str:
        made: list[HoldView] = holds.place_hold(
            self.archive,
            items=[] if self.on_volume() else split_codes(self.items.text()),
            volume=self.volume.text().strip() if self.on_volume() else None,
            kind=str(self.kind.currentData()),
            reason=self.reason.text().strip(),
        )
        return made[0].number if made else ""

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("设置保全"))
        self.heading.setText(
            self.tr(
                "保全中的档案不能销毁、移交或缩短保管期限；保全案卷即保全卷内全部档案。"
                "编号自动编排（BQ-年度-流水号）。"
            )
        )
        self.target.setItemText(0, self.tr("档案件"))
        self.target.setItemText(1, self.tr("整个案卷"))
        for index, kind in enumerate(KINDS):
            self.kind.setItemText(index, hold_kind_text(kind))
        for key, text in (
            ("target", self.tr("保全对象")),
            ("items", self.tr("件号")),
            ("volume", self.tr("案卷档号")),
            ("kind", self.tr("保全类型")),
            ("reason", self.tr("理由")),
        ):
            self.labels[key].setText(text)
        self.items.setPlaceholderText(self.tr("件号或档号，多个以空格分隔"))
        self.reason.setPlaceholderText(self.tr("必须填写，例如：劳动争议仲裁未结"))
        self.retranslate_common(self.tr("设置保全"))


class EndingDialog(DispositionDialog):
    """Ending something with a reason (a hold lifted, a batch cancelled, a register
    withdrawn; unlike the window's one-line prompt, ui/reason_dialog.py, it makes the
    core call itself and shows its refusal in place): the thing named on one line (its
    number, what it holds), the reason, and OK greyed until a reason is given. A subclass
    names its row (`subject`), says what is missing, makes the core call (`end`) and
    words the rest in `retranslate`."""

    subject = ""  # the key of the row that names the thing
    # the object names of the dialog, its reason field and the line naming the thing
    names = ("", "", "")

    def __init__(
        self, archive: Archive, runner: TaskRunner, number: str, parent: QWidget | None
    ) -> None:
        super().__init__(archive, runner, parent)
        dialog, reason, what = self.names
        self.setObjectName(dialog)
        self.number = number
        self.reason = self._line(reason)
        self.what = wrapped("", what)
        self._row(self.subject, self.what)
        self._row("reason", self.reason)
        fit_to_screen(self, 560, 220)

    def missing_reason(self) -> str:
        raise NotImplementedError

    def end(self, reason: str) -> None:
        raise NotImplementedError

    def problem_text(self) -> str:
        return "" if self.reason.text().strip() else self.missing_reason()

    def problem_field(self) -> QWidget | None:
        return self.reason if self.refusal_code else None

    def run(self) -> str:
        self.end(self.reason.text().strip())
        return self.number


class LiftHoldDialog(EndingDialog):
    """解除保全: the hold and the reason it no longer holds."""

    subject = "hold"
    names = ("liftHoldDialog", "liftReason", "")

    def __init__(
        self, archive: Archive, runner: TaskRunner, hold: HoldView, parent: QWidget | None = None
    ) -> None:
        super().__init__(archive, runner, hold.number, parent)
        self.what.setText(f"{hold.number}　{hold_kind_text(hold.kind)}　{hold.code}　{hold.reason}")
        self.retranslate()

    def missing_reason(self) -> str:
        return self.tr("请填写解除理由")

    def end(self, reason: str) -> None:
        holds.lift_hold(self.archive, self.number, reason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("解除保全"))
        self.heading.setText(self.tr("解除理由记入保全登记簿和审计记录。"))
        self.labels["hold"].setText(self.tr("保全"))
        self.labels["reason"].setText(self.tr("理由"))
        self.reason.setPlaceholderText(self.tr("必须填写，例如：争议已裁决"))
        self.retranslate_common(self.tr("解除保全"))


# -- cancelling a batch, withdrawing a register ---------------------------------------------


class CancelBatchDialog(EndingDialog):
    """撤销批次: a batch not yet signed, cancelled by a member or its maker with a reason;
    its records return to the due list."""

    subject = "batch"
    names = ("cancelBatchDialog", "cancelReason", "cancelWhat")

    def __init__(
        self, archive: Archive, runner: TaskRunner, batch: BatchView, parent: QWidget | None = None
    ) -> None:
        super().__init__(archive, runner, batch.number, parent)
        self.count = len(batch.entries)
        self.retranslate()

    def missing_reason(self) -> str:
        return self.tr("请填写撤销理由")

    def end(self, reason: str) -> None:
        appraisal.cancel_batch(self.archive, self.number, reason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("撤销鉴定批次"))
        self.heading.setText(
            self.tr(
                "撤销后本批次不能再填写意见或签字，其中的档案回到到期档案清单；理由记入审计记录。"
            )
        )
        self.what.setText(self.tr("{number}，共 {n} 件").format(number=self.number, n=self.count))
        self.labels["batch"].setText(self.tr("鉴定批次"))
        self.labels["reason"].setText(self.tr("理由"))
        self.reason.setPlaceholderText(self.tr("必须填写，例如：小组成员调离，重新组成鉴定小组"))
        self.retranslate_common(self.tr("撤销批次"))


class WithdrawRegisterDialog(EndingDialog):
    """撤回清册: a proposed register withdrawn by its proposer, or refused by a head, with a
    reason; the register and its rows are kept and read 已撤回."""

    subject = "register"
    names = ("withdrawRegisterDialog", "withdrawReason", "withdrawWhat")

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        register: RegisterView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(archive, runner, register.number, parent)
        self.count = len(register.rows)
        self.retranslate()

    def missing_reason(self) -> str:
        return self.tr("请填写撤回理由")

    def end(self, reason: str) -> None:
        destruction.withdraw_register(self.archive, self.number, reason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("撤回销毁清册"))
        self.heading.setText(
            self.tr(
                "撤回后清册保留备查，不能再批准、签字或销毁；其中的档案可重新编制清册或重新鉴定。"
                "理由记入审计记录。"
            )
        )
        self.what.setText(self.tr("{number}，共 {n} 件").format(number=self.number, n=self.count))
        self.labels["register"].setText(self.tr("销毁清册"))
        self.labels["reason"].setText(self.tr("理由"))
        self.reason.setPlaceholderText(self.tr("必须填写，例如：仍有查考价值，不同意销毁"))
        self.retranslate_common(self.tr("撤回清册"))
