"""补登待遇事项: a benefit event (待遇审核变更, 二次发放, 追回待遇) added to an item after
its capture, under audit with a reason
(`archivist.arrangement.benefit_events.add_benefit_event`).

The form: kind, the person (prefilled with the item's person), their ID number (checked
as it is typed, as in the capture dialog), the amount in yuan as text (exact to the fen;
the core checks it — money is never a float), the period (optional dates), a bank-account
change, the date, a note and the reason. Saving runs on the write thread; the core's
refusal is said under the field it concerns (a bad amount under 金额, a period ending
before it starts under 期间止…), anything else on the problem line, the dialog left open
with what was typed. An item whose volume is handed over is refused (the dialog says why
and does not save)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.arrangement.benefit_events import BenefitEventInput, BenefitKind
from archivist.errors import ArchivistError
from ui.capture_dialog import check_identifier
from ui.change_dialog import ChangeDialog
from ui.screen import fit_to_screen
from ui.tasks import TaskRunner
from ui.use.person_view import kind_text

KINDS = (BenefitKind.REVIEW_CHANGE, BenefitKind.REISSUE, BenefitKind.RECOVERY)
FIELDS = (
    "kind",
    "person",
    "id_number",
    "amount",
    "period_from",
    "period_to",
    "bank_change",
    "date",
    "note",
)
# the refusals that concern one field whatever the field's name in the message says
FIELD_OF_CODE = {
    "benefit.bad_kind": "kind",
    "benefit.bad_amount": "amount",
    "benefit.amount_required": "amount",
    "benefit.bad_id_number": "id_number",
    "benefit.bad_period": "period_to",
}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class OptionalDate(QWidget):
    """A date that may be left out: a tick, then the date."""

    def __init__(self, name: str, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.given = QCheckBox()
        self.given.setObjectName(name + "Given")
        self.edit = _date_edit(name, day)
        self.edit.setEnabled(False)
        self.given.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.given)
        row.addWidget(self.edit, 1)

    def value(self) -> dt.date | None:
        return _day(self.edit) if self.given.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.given.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(_qdate(day))


class BenefitDialog(ChangeDialog):
    """补登待遇事项 for item `number` (EDIT; reason audited)."""

    refusal_in_place = True

    def __init__(
        self,
        archive: Archive,
        runner: TaskRunner,
        number: str,
        parent: QWidget | None = None,
        *,
        person: str = "",
        id_number: str = "",
        locked: str = "",
    ) -> None:
        super().__init__(archive, runner, parent)
        self.setObjectName("benefitDialog")
        self.number = number
        self.locked = locked  # why the item may not change (the core's sentence), if so
        self.refused_with: ArchivistError | None = None
        self.field_names: dict[str, str] = {}
        today = dt.date.today()
        self.kind = QComboBox()
        self.kind.setObjectName("benefitKind")
        for kind in KINDS:
            self.kind.addItem(kind_text(kind), kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self.changed_input())
        self.person = self._line("benefitPerson", person)
        self.id_number = self._line("benefitIdNumber", id_number)
        self.id_number.setMaxLength(18)
        self.id_state = QLabel()
        self.id_state.setObjectName("benefitIdState")
        id_row = QWidget()
        id_layout = QHBoxLayout(id_row)
        id_layout.setContentsMargins(0, 0, 0, 0)
        id_layout.addWidget(self.id_number, 1)
        id_layout.addWidget(self.id_state, 1)
        self.amount = self._line("benefitAmount")
        self.period_from = OptionalDate("benefitPeriodFrom", today.replace(day=1))
        self.period_to = OptionalDate("benefitPeriodTo", today)
        for optional in (self.period_from, self.period_to):
            optional.given.toggled.connect(lambda _c: self.changed_input())
            optional.edit.dateChanged.connect(lambda _d: self.changed_input())
        self.bank_change = self._line("benefitBankChange")
        self.date = _date_edit("benefitDate", today)
        self.date.dateChanged.connect(lambda _d: self.changed_input())
        self.note = self._line("benefitNote")
        self.hints: dict[str, QLabel] = {}
        for key, field in (
            ("item", QLabel(number)),
            ("kind", self.kind),
            ("person", self.person),
            ("id_number", id_row),
            ("amount", self.amount),
            ("period_from", self.period_from),
            ("period_to", self.period_to),
            ("bank_change", self.bank_change),
            ("date", self.date),
            ("note", self.note),
        ):
            self._row(key, self._with_hint(key, field) if key in FIELDS else field)
        self._row("reason", self.reason)
        self.setMinimumWidth(560)
        fit_to_screen(self, 640, 560)
        self.retranslate()
        self._show_id_state()

    # -- the form ----------------------------------------------------------------------
    def _line(self, name: str, text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.textChanged.connect(lambda _t: self.changed_input())
        return edit

    def _with_hint(self, key: str, field: QWidget) -> QWidget:
        """The field with a line under it for the core's refusal about it."""
        hint = QLabel()
        hint.setObjectName(f"benefitHint_{key}")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #a11d1d;")
        hint.setVisible(False)
        self.hints[key] = hint
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(hint)
        return box

    def set_kind(self, kind: BenefitKind | str) -> None:
        self.kind.setCurrentIndex(KINDS.index(BenefitKind(kind)))

    def field_problems(self) -> dict[str, str]:
        """The refusals shown under the fields, by field."""
        return {k: h.text() for k, h in self.hints.items() if h.text()}

    def _show_id_state(self) -> None:
        ok, message = check_identifier("person", self.id_number.text())
        if ok is None:
            self.id_state.setText(message)
            self.id_state.setStyleSheet("color: #666;")
        elif ok:
            self.id_state.setText(self.tr("✓ 校验码正确"))
            self.id_state.setStyleSheet("color: #1b7a2e;")
        else:
            self.id_state.setText("✗ " + message)
            self.id_state.setStyleSheet("color: #a11d1d;")

    def changed_input(self) -> None:
        self.refused_with = None
        if hasattr(self, "id_state"):
            self._show_id_state()
        super().changed_input()

    # -- the problem line and the hints ------------------------------------------------
    def problem_text(self) -> str:
        if self.locked:
            return self.tr("不能修改：{reason}").format(reason=self.locked)
        if not self.person.text().strip():
            return self.tr("请填写姓名")
        ok, message = check_identifier("person", self.id_number.text())
        if ok is False:
            return message
        if ok is None and self.id_number.text().strip():
            return self.tr("身份证号不完整")
        return super().problem_text()

    def refused_field(self) -> str | None:
        """The field the core's last refusal concerns, if any."""
        exc = self.refused_with
        if exc is None:
            return None
        key = FIELD_OF_CODE.get(exc.code)
        if key is None:
            named = str(exc.params.get("field", ""))
            key = next((k for k, v in self.field_names.items() if v == named), None)
        return key if key in self.hints else None

    def check(self) -> None:
        key = self.refused_field() if self.refusal else None
        for name, hint in getattr(self, "hints", {}).items():
            text = self.refusal if name == key else ""
            hint.setText(text)
            hint.setVisible(bool(text))
        if key is not None:  # said under its field, not twice
            refusal, self.refusal = self.refusal, ""
            super().check()
            self.refusal = refusal
        else:
            super().check()

    # -- saving --------------------------------------------------------------------------
    def event_input(self) -> BenefitEventInput:
        return BenefitEventInput(
            kind=str(self.kind.currentData()),
            person=self.person.text().strip(),
            happened_on=_day(self.date),
            id_number=self.id_number.text().strip() or None,
            amount=self.amount.text().strip() or None,
            period_from=self.period_from.value(),
            period_to=self.period_to.value(),
            bank_change=self.bank_change.text().strip(),
            note=self.note.text().strip(),
        )

    def run(self, reason: str) -> str:
        from archivist.arrangement.benefit_events import add_benefit_event

        try:
            add_benefit_event(
                self.archive,
                self.number,
                self.event_input(),
                reason,
                fields=dict(self.field_names),
            )
        except ArchivistError as exc:
            self.refused_with = exc  # read on the window's thread after the refusal
            raise
        return self.number

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("补登待遇事项"))
        self.heading.setText(
            self.tr(
                "在件 {number} 上补登待遇审核变更、二次发放或追回待遇；"
                "金额以元为单位，精确到分；理由记入审计记录。"
            ).format(number=self.number)
        )
        self.field_names = {
            "kind": self.tr("类型"),
            "person": self.tr("姓名"),
            "id_number": self.tr("身份证号"),
            "amount": self.tr("金额（元）"),
            "period_from": self.tr("期间起"),
            "period_to": self.tr("期间止"),
            "bank_change": self.tr("银行账户变更"),
            "date": self.tr("日期"),
            "note": self.tr("备注"),
        }
        self.labels["item"].setText(self.tr("档案件"))
        for key, text in self.field_names.items():
            self.labels[key].setText(text)
        for index, kind in enumerate(KINDS):
            self.kind.setItemText(index, kind_text(kind))
        self.id_number.setPlaceholderText(self.tr("18位，输入时即校验；可不填"))
        self.amount.setPlaceholderText(self.tr("例如：1234.56（二次发放、追回待遇须填写）"))
        self.bank_change.setPlaceholderText(self.tr("例如：原账户 6222…，改为 6217…"))
        self.retranslate_common()
