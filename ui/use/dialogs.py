"""The use view's dialogs: a new request (新建申请), a refusal with its reason, lending
out (借出), a return with the condition (归还), an extension (续借) and closing (办结).

Each runs its core call through the window's task runner on the write thread. What is
missing is said on the problem line; the core's refusal (an empty selection, an
accounting record lent outside, something already out, a bad ID number…) is said there
too, the field concerned marked, the dialog left open with what was typed. Only an
internal error comes up in the error dialog."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from archivist.archive import Archive
from archivist.changes.states import LoanEntryState
from archivist.errors import ArchivistError
from archivist.rules.identity import normalise_id_number
from archivist.use import requests
from archivist.use.requests import (
    DEFAULT_DAYS,
    MAX_DAYS,
    Borrower,
    BorrowerKind,
    RequestView,
    UseKind,
)
from ui.change_dialog import RecordFormDialog
from ui.screen import fit_to_screen
from ui.tasks import TaskRunner
from ui.use.models import (
    CONDITIONS,
    borrower_kind_text,
    borrower_text,
    condition_text,
    kind_text,
    target_kind_text,
)

CODE_ROLE = Qt.ItemDataRole.UserRole


def split_codes(text: str) -> list[str]:
    """Codes typed one a line, or separated by spaces, commas or 、."""
    return [c for c in re.split(r"[\s,，、;；]+", text) if c]


class UseDialog(RecordFormDialog):
    """What the use dialogs share (ui.change_dialog.RecordFormDialog): the form, the
    problem line with the field marked, the core call on the write thread."""

    mark_missing = True

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(archive, runner, parent, problem_name="useProblem")


# -- a new request ------------------------------------------------------------------------

KINDS = (UseKind.CONSULT, UseKind.LEND, UseKind.COPY, UseKind.VIEW)
BORROWERS = (BorrowerKind.STAFF, BorrowerKind.PERSON, BorrowerKind.UNIT)
TARGET_CODES = ("item.not_found", "volume.not_found", "box.not_found")


class NewRequestDialog(UseDialog):
    """新建申请: kind, borrower (a staff account by user name, a person with the ID
    number checked as typed, a unit), phone, purpose, period, and what (items, volumes,
    boxes; prefilled from what was chosen in the window, codes may be typed)."""

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        items: Sequence[str] = (),
        volumes: Sequence[str] = (),
        boxes: Sequence[str] = (),
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("newUseRequestDialog")
        self.kind = QComboBox()
        self.kind.setObjectName("useKind")
        for kind in KINDS:
            self.kind.addItem("", kind.value)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.borrower_kind = QComboBox()
        self.borrower_kind.setObjectName("useBorrowerKind")
        for who in BORROWERS:
            self.borrower_kind.addItem("", who.value)
        self.borrower_kind.setCurrentIndex(BORROWERS.index(BorrowerKind.PERSON))
        self.borrower_kind.currentIndexChanged.connect(lambda _i: self._borrower_changed())
        self.name = self._line("useBorrowerName")
        self.id_number = self._line("useIdNumber")
        self.unit = self._line("useUnit")
        self.phone = self._line("usePhone")
        self.purpose = self._line("usePurpose")
        self.days = QSpinBox()
        self.days.setObjectName("useDays")
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(DEFAULT_DAYS[UseKind.CONSULT])
        self.days.valueChanged.connect(lambda _v: self.typed())
        self.items = self._line("useItems", " ".join(items))
        self.volumes = self._line("useVolumes", " ".join(volumes))
        self.boxes = self._line("useBoxes", " ".join(boxes))
        for key, field in (
            ("kind", self.kind),
            ("borrower_kind", self.borrower_kind),
            ("name", self.name),
            ("id_number", self.id_number),
            ("unit", self.unit),
            ("phone", self.phone),
            ("purpose", self.purpose),
            ("days", self.days),
            ("items", self.items),
            ("volumes", self.volumes),
            ("boxes", self.boxes),
        ):
            self._row(key, field)
        self.setMinimumWidth(640)
        fit_to_screen(self, 720, 560)
        self.retranslate()
        self._borrower_changed()

    # -- the form ----------------------------------------------------------------------
    def current_kind(self) -> UseKind:
        return UseKind(str(self.kind.currentData()))

    def current_borrower_kind(self) -> BorrowerKind:
        return BorrowerKind(str(self.borrower_kind.currentData()))

    def set_kind(self, kind: UseKind | str) -> None:
        self.kind.setCurrentIndex(KINDS.index(UseKind(kind)))

    def set_borrower_kind(self, kind: BorrowerKind | str) -> None:
        self.borrower_kind.setCurrentIndex(BORROWERS.index(BorrowerKind(kind)))

    def _kind_changed(self, _index: int) -> None:
        self.days.setValue(DEFAULT_DAYS[self.current_kind()])
        self.typed()

    def _borrower_changed(self) -> None:
        who = self.current_borrower_kind()
        person = who is BorrowerKind.PERSON
        self.id_number.setVisible(person)
        self.labels["id_number"].setVisible(person)
        self.retranslate_borrower()
        self.typed()

    def id_problem(self) -> str:
        """The ID number checked as it is typed (the core's sentence)."""
        text = self.id_number.text().strip()
        if self.current_borrower_kind() is not BorrowerKind.PERSON or not text:
            return ""
        try:
            normalise_id_number(text)
        except ArchivistError as exc:
            return exc.message()
        return ""

    def problem_text(self) -> str:
        who = self.current_borrower_kind()
        if not self.name.text().strip():
            if who is BorrowerKind.STAFF:
                return self.tr("请填写借阅人员的用户名")
            if who is BorrowerKind.UNIT:
                return self.tr("请填写单位名称")
            return self.tr("请填写利用人姓名")
        id_problem = self.id_problem()
        if id_problem:
            return id_problem
        if not self.purpose.text().strip():
            return self.tr("请填写利用目的")
        return ""

    def problem_field(self) -> QWidget | None:
        if not self.name.text().strip():
            return None  # what is missing is said, not marked
        if self.id_problem():
            return self.id_number
        code = self.refusal_code
        if not code:
            return None
        if code.startswith("id_number"):
            return self.id_number
        if code in ("use.unknown_staff", "use.unit_needs_name"):
            return self.name
        if code == "use.bad_days":
            return self.days
        if code in ("use.empty_selection", "use.too_many", *TARGET_CODES):
            return {"volume.not_found": self.volumes, "box.not_found": self.boxes}.get(
                code, self.items
            )
        if code in ("use.accounting_not_lent", "use.already_out"):
            return self.items
        if code.startswith("limit") or "purpose" in code:
            return self.purpose
        return None

    def borrower(self) -> Borrower:
        who = self.current_borrower_kind()
        name = self.name.text().strip()
        if who is BorrowerKind.STAFF:
            return Borrower(
                name, who, None, self.unit.text().strip(), self.phone.text().strip(), name
            )
        return Borrower(
            name,
            who,
            self.id_number.text().strip() or None if who is BorrowerKind.PERSON else None,
            self.unit.text().strip(),
            self.phone.text().strip(),
        )

    def run(self) -> str:
        made = requests.create_request(
            self.archive,
            self.current_kind(),
            self.borrower(),
            self.purpose.text().strip(),
            items=split_codes(self.items.text()),
            volumes=split_codes(self.volumes.text()),
            boxes=split_codes(self.boxes.text()),
            days=self.days.value(),
        )
        return made.number

    # -- language ------------------------------------------------------------------------
    def retranslate_borrower(self) -> None:
        who = self.current_borrower_kind()
        if who is BorrowerKind.STAFF:
            self.labels["name"].setText(self.tr("用户名"))
            self.name.setPlaceholderText(self.tr("本单位人员的登录用户名"))
        elif who is BorrowerKind.UNIT:
            self.labels["name"].setText(self.tr("单位名称"))
            self.name.setPlaceholderText(self.tr("例如：某某有限公司"))
        else:
            self.labels["name"].setText(self.tr("姓名"))
            self.name.setPlaceholderText(self.tr("利用人姓名"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("新建利用申请"))
        self.heading.setText(
            self.tr(
                "申请号自动编排（LY-年度-流水号）；须经负责人或有审批权限的档案员批准，"
                "申请人不能审批自己的申请。会计档案不外借。"
            )
        )
        for index, kind in enumerate(KINDS):
            self.kind.setItemText(index, kind_text(kind))
        for index, who in enumerate(BORROWERS):
            self.borrower_kind.setItemText(index, borrower_kind_text(who))
        for key, text in (
            ("kind", self.tr("利用方式")),
            ("borrower_kind", self.tr("利用人类型")),
            ("id_number", self.tr("身份证号")),
            ("unit", self.tr("工作单位")),
            ("phone", self.tr("联系电话")),
            ("purpose", self.tr("利用目的")),
            ("days", self.tr("期限（天）")),
            ("items", self.tr("档案件")),
            ("volumes", self.tr("案卷")),
            ("boxes", self.tr("盒")),
        ):
            self.labels[key].setText(text)
        self.retranslate_borrower()
        self.id_number.setPlaceholderText(self.tr("18位，输入时即校验"))
        self.purpose.setPlaceholderText(self.tr("例如：核对失业保险待遇"))
        self.items.setPlaceholderText(self.tr("件号或档号，多个以空格分隔"))
        self.volumes.setPlaceholderText(self.tr("案卷档号，多个以空格分隔"))
        self.boxes.setPlaceholderText(self.tr("盒号，多个以空格分隔"))
        self.retranslate_common(self.tr("提交申请"))


# -- decisions and loans ------------------------------------------------------------------


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _summary(view: RequestView) -> str:
    return f"{view.number}　{kind_text(view.kind)}　{borrower_text(view)}"


class RefuseDialog(UseDialog):
    """拒绝: the reason goes into the audit trail and onto the request."""

    def __init__(
        self, archive: Archive, runner: TaskRunner, view: RequestView, parent: QWidget | None = None
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("refuseUseDialog")
        self.number = view.number
        self.reason = self._line("useRefuseReason")
        self._row("request", _wrapped(_summary(view)))
        self._row("reason", self.reason)
        self.retranslate()

    def problem_text(self) -> str:
        return "" if self.reason.text().strip() else self.tr("请填写拒绝理由")

    def run(self) -> str:
        requests.refuse(self.archive, self.number, self.reason.text().strip())
        return self.number

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("拒绝申请"))
        self.heading.setText(self.tr("拒绝理由记入申请和审计记录。"))
        self.labels["request"].setText(self.tr("申请"))
        self.labels["reason"].setText(self.tr("理由"))
        self.reason.setPlaceholderText(self.tr("必须填写（记入审计记录）"))
        self.retranslate_common(self.tr("拒绝"))


def _date(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class LendDialog(UseDialog):
    """借出: the due date (the period asked, from today) and the condition as it leaves."""

    def __init__(
        self, archive: Archive, runner: TaskRunner, view: RequestView, parent: QWidget | None = None
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("lendDialog")
        self.number = view.number
        today = dt.date.today()
        self.due = _date_edit("lendDue", today + dt.timedelta(days=view.days))
        self.due.dateChanged.connect(lambda _d: self.typed())
        self.note = self._line("lendNote")
        listing = QLabel("\n".join(f"{target_kind_text(t.kind)}　{t.code}" for t in view.targets))
        listing.setWordWrap(True)
        self._row("request", _wrapped(_summary(view)))
        self._row("targets", listing)
        self._row("due", self.due)
        self._row("note", self.note)
        self.retranslate()

    def problem_field(self) -> QWidget | None:
        return self.due if self.refusal_code.startswith("use.due") else None

    def run(self) -> str:
        from archivist.use import lending

        lending.lend(
            self.archive, self.number, due_on=_date(self.due), note=self.note.text().strip()
        )
        return self.number

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("借出"))
        self.heading.setText(self.tr("登记借出：应还日期和借出时的状况；逾期未还的列入逾期清单。"))
        for key, text in (
            ("request", self.tr("申请")),
            ("targets", self.tr("借出档案")),
            ("due", self.tr("应还日期")),
            ("note", self.tr("借出状况")),
        ):
            self.labels[key].setText(text)
        self.note.setPlaceholderText(self.tr("例如：完好，共 12 页"))
        self.retranslate_common(self.tr("借出"))


class ReturnDialog(UseDialog):
    """归还: the targets coming back (all that is out, or some), their condition
    (完好 / 损坏 / 丢失) and a note."""

    def __init__(
        self, archive: Archive, runner: TaskRunner, view: RequestView, parent: QWidget | None = None
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("returnUseDialog")
        self.number = view.number
        self.list = QListWidget()
        self.list.setObjectName("returnTargets")
        for target in view.targets:
            if target.state != LoanEntryState.OUT:
                continue
            entry = QListWidgetItem(f"{target_kind_text(target.kind)}　{target.code}")
            entry.setData(CODE_ROLE, target.code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(entry)
        self.list.setMaximumHeight(180)
        self.list.itemChanged.connect(lambda _i: self.typed())
        self.condition = QComboBox()
        self.condition.setObjectName("returnCondition")
        for value in CONDITIONS:
            self.condition.addItem("", value)
        self.condition.currentIndexChanged.connect(lambda _i: self.typed())
        self.note = self._line("returnNote")
        self._row("request", _wrapped(_summary(view)))
        self._row("targets", self.list)
        self._row("condition", self.condition)
        self._row("note", self.note)
        self.retranslate()

    def entries(self) -> list[QListWidgetItem]:
        return [i for i in (self.list.item(r) for r in range(self.list.count())) if i is not None]

    def tick(self, code: str, checked: bool = True) -> None:
        for entry in self.entries():
            if entry.data(CODE_ROLE) == code:
                entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [
            str(e.data(CODE_ROLE))
            for e in self.entries()
            if e.checkState() == Qt.CheckState.Checked
        ]

    def set_condition(self, condition: str) -> None:
        self.condition.setCurrentIndex(CONDITIONS.index(condition))

    def problem_text(self) -> str:
        if not self.list.count():
            return self.tr("没有借出未还的档案")
        if not self.chosen():
            return self.tr("请勾选归还的档案")
        if self.condition.currentData() != "intact" and not self.note.text().strip():
            return self.tr("损坏或丢失须填写说明")
        return ""

    def problem_field(self) -> QWidget | None:
        if self.list.count() and self.chosen() and not self.note.text().strip():
            return self.note if self.condition.currentData() != "intact" else None
        return None

    def run(self) -> str:
        from archivist.use import lending

        codes = self.chosen()
        everything = len(codes) == self.list.count()
        lending.return_targets(
            self.archive,
            self.number,
            codes=() if everything else codes,
            condition=str(self.condition.currentData()),
            note=self.note.text().strip(),
        )
        return self.number

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("归还"))
        self.heading.setText(
            self.tr("勾选归还的档案（可部分归还），登记归还时的状况；损坏、丢失的列入损毁清单。")
        )
        for key, text in (
            ("request", self.tr("申请")),
            ("targets", self.tr("归还档案")),
            ("condition", self.tr("状况")),
            ("note", self.tr("说明")),
        ):
            self.labels[key].setText(text)
        for index, value in enumerate(CONDITIONS):
            self.condition.setItemText(index, condition_text(value))
        self.retranslate_common(self.tr("归还"))


class ExtendDialog(UseDialog):
    """续借: more days, with the reason; granted by an approver (never oneself)."""

    def __init__(
        self, archive: Archive, runner: TaskRunner, view: RequestView, parent: QWidget | None = None
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("extendDialog")
        self.number = view.number
        self.days = QSpinBox()
        self.days.setObjectName("extendDays")
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(15)
        self.days.valueChanged.connect(lambda _v: self.typed())
        self.reason = self._line("extendReason")
        due = view.due_on.isoformat() if view.due_on else "—"
        self._row("request", _wrapped(f"{_summary(view)}　{due}"))
        self._row("days", self.days)
        self._row("reason", self.reason)
        self.retranslate()

    def problem_text(self) -> str:
        return "" if self.reason.text().strip() else self.tr("请填写续借理由")

    def problem_field(self) -> QWidget | None:
        return self.days if self.refusal_code.endswith("days") else None

    def run(self) -> str:
        from archivist.use import lending

        lending.extend(self.archive, self.number, self.days.value(), self.reason.text().strip())
        return self.number

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("续借"))
        self.heading.setText(
            self.tr("续借须由有审批权限的人员批准（申请人、借阅人本人不能批准）。")
        )
        for key, text in (
            ("request", self.tr("申请（应还日期）")),
            ("days", self.tr("延长天数")),
            ("reason", self.tr("理由")),
        ):
            self.labels[key].setText(text)
        self.reason.setPlaceholderText(self.tr("必须填写（记入审计记录）"))
        self.retranslate_common(self.tr("续借"))


class CloseDialog(UseDialog):
    """办结: a consultation, copy or screen view done, with the effect of the use."""

    def __init__(
        self, archive: Archive, runner: TaskRunner, view: RequestView, parent: QWidget | None = None
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("closeUseDialog")
        self.number = view.number
        self.effect = QPlainTextEdit(view.effect)
        self.effect.setObjectName("useEffect")
        self.effect.setMaximumHeight(120)
        self._row("request", _wrapped(_summary(view)))
        self._row("effect", self.effect)
        self.retranslate()

    def run(self) -> str:
        from archivist.use import lending

        lending.close(self.archive, self.number, self.effect.toPlainText().strip())
        return self.number

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("办结"))
        self.heading.setText(
            self.tr("查阅、复制、电子调阅完毕：登记利用效果（记入利用效果登记）。")
        )
        self.labels["request"].setText(self.tr("申请"))
        self.labels["effect"].setText(self.tr("利用效果"))
        self.effect.setPlaceholderText(self.tr("例如：核实了待遇领取情况，解决了争议"))
        self.retranslate_common(self.tr("办结"))
