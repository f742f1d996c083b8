"""The use view's tables and texts: the requests, the targets of the one chosen, and the
overdue loans; the core's kinds and states in the interface language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from archivist.changes.states import LoanEntryState, LoanState
from archivist.use.requests import BorrowerKind, RequestView, TargetKind, TargetView, UseKind
from ui.rows_model import Column, RowsModel

OVERDUE_COLOUR = QColor("#a11d1d")
DONE_COLOUR = QColor("#1b6e2a")
MUTED_COLOUR = QColor("#777777")

# the tables the view shows and its changes touch (archivist/db/models.py)
USE_TABLES = frozenset({"use_requests", "use_targets", "use_extensions"})

CONDITIONS = ("intact", "damaged", "lost")


# -- texts ----------------------------------------------------------------------------------


def kind_text(kind: str) -> str:
    texts: dict[str, str] = {
        UseKind.CONSULT: QCoreApplication.translate("UseView", "查阅"),
        UseKind.LEND: QCoreApplication.translate("UseView", "借出"),
        UseKind.COPY: QCoreApplication.translate("UseView", "复制"),
        UseKind.VIEW: QCoreApplication.translate("UseView", "电子调阅"),
    }
    return texts.get(kind, str(kind))


def status_text(status: str) -> str:
    texts: dict[str, str] = {
        LoanState.REQUESTED: QCoreApplication.translate("UseView", "待审批"),
        LoanState.APPROVED: QCoreApplication.translate("UseView", "已批准"),
        LoanState.REFUSED: QCoreApplication.translate("UseView", "已拒绝"),
        LoanState.OUT: QCoreApplication.translate("UseView", "已借出"),
        LoanState.RETURNED: QCoreApplication.translate("UseView", "已归还"),
        LoanState.CLOSED: QCoreApplication.translate("UseView", "已办结"),
    }
    return texts.get(status, str(status))


def borrower_kind_text(kind: str) -> str:
    texts: dict[str, str] = {
        BorrowerKind.STAFF: QCoreApplication.translate("UseView", "本单位人员"),
        BorrowerKind.PERSON: QCoreApplication.translate("UseView", "个人"),
        BorrowerKind.UNIT: QCoreApplication.translate("UseView", "单位"),
    }
    return texts.get(kind, str(kind))


def target_kind_text(kind: str) -> str:
    texts: dict[str, str] = {
        TargetKind.ITEM: QCoreApplication.translate("UseView", "档案件"),
        TargetKind.VOLUME: QCoreApplication.translate("UseView", "案卷"),
        TargetKind.BOX: QCoreApplication.translate("UseView", "盒"),
    }
    return texts.get(kind, str(kind))


def entry_state_text(state: str) -> str:
    texts: dict[str, str] = {
        LoanEntryState.WAITING: QCoreApplication.translate("UseView", "未借出"),
        LoanEntryState.OUT: QCoreApplication.translate("UseView", "已借出"),
        LoanEntryState.RETURNED: QCoreApplication.translate("UseView", "已归还"),
    }
    return texts.get(state, str(state))


def condition_text(condition: str | None) -> str:
    texts = {
        "intact": QCoreApplication.translate("UseView", "完好"),
        "damaged": QCoreApplication.translate("UseView", "损坏"),
        "lost": QCoreApplication.translate("UseView", "丢失"),
    }
    return texts.get(condition or "", condition or "")


def borrower_text(view: Any) -> str:
    """The borrower's name, with the unit when there is one."""
    name = str(view.borrower_name)
    unit = str(getattr(view, "borrower_unit", "") or "")
    return f"{name}（{unit}）" if unit and unit != name else name


def day_text(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value or "")[:10]


def is_overdue(view: RequestView, today: dt.date | None = None) -> bool:
    """Out, and its due date passed."""
    today = today or dt.date.today()
    return view.status == LoanState.OUT and view.due_on is not None and view.due_on < today


# -- models ----------------------------------------------------------------------------------

REQUEST_COLUMNS: list[Column] = [
    Column("number", QT_TRANSLATE_NOOP("RequestListModel", "申请号"), lambda r: r.number),
    Column("kind", QT_TRANSLATE_NOOP("RequestListModel", "方式"), lambda r: kind_text(r.kind)),
    Column("borrower", QT_TRANSLATE_NOOP("RequestListModel", "利用人"), borrower_text),
    Column(
        "purpose",
        QT_TRANSLATE_NOOP("RequestListModel", "目的"),
        lambda r: r.purpose,
        tooltip=lambda r: r.purpose,
    ),
    Column(
        "status", QT_TRANSLATE_NOOP("RequestListModel", "状态"), lambda r: status_text(r.status)
    ),
    Column(
        "created",
        QT_TRANSLATE_NOOP("RequestListModel", "申请日期"),
        lambda r: day_text(r.created_at),
    ),
    Column(
        "lent_on", QT_TRANSLATE_NOOP("RequestListModel", "借出日期"), lambda r: day_text(r.lent_on)
    ),
    Column(
        "due_on", QT_TRANSLATE_NOOP("RequestListModel", "应还日期"), lambda r: day_text(r.due_on)
    ),
]

TARGET_COLUMNS: list[Column] = [
    Column(
        "kind", QT_TRANSLATE_NOOP("UseTargetsModel", "类型"), lambda t: target_kind_text(t.kind)
    ),
    Column("code", QT_TRANSLATE_NOOP("UseTargetsModel", "件号/档号/盒号"), lambda t: t.code),
    Column(
        "state", QT_TRANSLATE_NOOP("UseTargetsModel", "状态"), lambda t: entry_state_text(t.state)
    ),
    Column(
        "returned_on",
        QT_TRANSLATE_NOOP("UseTargetsModel", "归还日期"),
        lambda t: day_text(t.returned_on),
    ),
    Column(
        "condition",
        QT_TRANSLATE_NOOP("UseTargetsModel", "归还状况"),
        lambda t: condition_text(t.condition),
    ),
    Column("note", QT_TRANSLATE_NOOP("UseTargetsModel", "备注"), lambda t: t.note or ""),
]

OVERDUE_COLUMNS: list[Column] = [
    Column("number", QT_TRANSLATE_NOOP("OverdueModel", "申请号"), lambda o: o.number),
    Column("borrower", QT_TRANSLATE_NOOP("OverdueModel", "借阅人"), lambda o: o.borrower_name),
    Column("unit", QT_TRANSLATE_NOOP("OverdueModel", "单位"), lambda o: o.borrower_unit or ""),
    Column("phone", QT_TRANSLATE_NOOP("OverdueModel", "电话"), lambda o: o.borrower_phone or ""),
    Column("lent_on", QT_TRANSLATE_NOOP("OverdueModel", "借出日期"), lambda o: day_text(o.lent_on)),
    Column("due_on", QT_TRANSLATE_NOOP("OverdueModel", "应还日期"), lambda o: day_text(o.due_on)),
    Column(
        "days",
        QT_TRANSLATE_NOOP("OverdueModel", "逾期天数"),
        lambda o: str(o.days_overdue),
        True,
    ),
    Column(
        "targets",
        QT_TRANSLATE_NOOP("OverdueModel", "借出档案"),
        lambda o: "、".join(str(t[1]) for t in o.targets),
        tooltip=lambda o: "\n".join(
            f"{t[1]}　{t[2]}" if len(t) > 2 and t[2] else str(t[1]) for t in o.targets
        ),
    ),
]


class RequestListModel(RowsModel):
    """The requests (as `use.requests.list_requests` gives them); overdue loans in red."""

    columns = REQUEST_COLUMNS
    rows: list[RequestView]

    def key_of(self, row: Any) -> str:
        return str(row.number)

    def request(self, row: int) -> RequestView | None:
        found: RequestView | None = self.row(row)
        return found

    def foreground(self, row: Any, column: Column) -> Any:
        if is_overdue(row):
            return OVERDUE_COLOUR
        if row.status in (LoanState.REFUSED,):
            return MUTED_COLOUR
        if column.key == "status" and row.status in (LoanState.RETURNED, LoanState.CLOSED):
            return DONE_COLOUR
        return None

    def tooltip(self, row: Any, column: Column) -> str | None:
        if is_overdue(row):
            return self.tr("逾期未还：应于 {day} 归还").format(day=day_text(row.due_on))
        return super().tooltip(row, column)


class UseTargetsModel(RowsModel):
    """What one request covers: items, volumes, boxes, each with its loan state."""

    columns = TARGET_COLUMNS
    rows: list[TargetView]

    def key_of(self, row: Any) -> str:
        return f"{row.kind}:{row.code}"

    def foreground(self, row: Any, column: Column) -> Any:
        if column.key == "condition" and row.condition in ("damaged", "lost"):
            return OVERDUE_COLOUR
        if row.state == LoanEntryState.RETURNED:
            return MUTED_COLOUR
        return None


class OverdueModel(RowsModel):
    """The loans past their due date (`use.lending.overdue`)."""

    columns = OVERDUE_COLUMNS

    def key_of(self, row: Any) -> str:
        return str(row.number)

    def display(self, row: Any, column: Column) -> str:
        if column.key == "days" and row.days_overdue <= 0:  # the reminders: days to go
            return self.tr("还有 {n} 天").format(n=-row.days_overdue)
        return super().display(row, column)

    def foreground(self, row: Any, column: Column) -> Any:
        return OVERDUE_COLOUR if column.key == "days" and row.days_overdue > 0 else None
