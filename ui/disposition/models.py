"""The 鉴定 view's tables and texts: the due list and its groups, the appraisal batches
and their records, the destruction registers with their rows and signatures, and the
holds; the core's opinions, states, duties and kinds in the interface language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from archivist.changes.states import AppraisalState, DestructionState, HoldState
from archivist.disposition.batch_views import Opinion
from archivist.disposition.holds import HoldKind
from archivist.disposition.register_views import Duty, Unit
from ui.rows_model import Column, RowsModel
from ui.texts import retention_text

DUE_COLOUR = QColor("#a11d1d")
DONE_COLOUR = QColor("#1b6e2a")
MUTED_COLOUR = QColor("#777777")
EXTEND_COLOUR = QColor("#1f4e99")

# the tables the view shows and its changes touch (archivist/db/models.py)
DISPOSITION_TABLES = frozenset(
    {
        "holds",
        "appraisal_batches",
        "appraisal_members",
        "appraisal_entries",
        "destruction_registers",
        "destruction_entries",
        "destruction_signatures",
    }
)
# the due list is read from the items too (a new capture, an extension applied)
SHOWN_TABLES = DISPOSITION_TABLES | {"items", "volumes", "volume_items"}
TOUCHED_TABLES = DISPOSITION_TABLES | {"items"}

# the periods offered for an extension (the core takes any longer one)
PERIODS = ("D10", "D15", "D20", "D25", "D30", "D50", "D100")


# -- texts ----------------------------------------------------------------------------------


def day_text(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value or "")[:10]


def time_text(value: str | None) -> str:
    return (value or "")[:16].replace("T", " ")


def opinion_text(opinion: Opinion | str | None) -> str:
    texts: dict[str, str] = {
        Opinion.DESTROY: QCoreApplication.translate("DispositionView", "销毁"),
        Opinion.EXTEND: QCoreApplication.translate("DispositionView", "延期"),
        Opinion.PERMANENT: QCoreApplication.translate("DispositionView", "改为永久"),
    }
    if opinion is None:
        return QCoreApplication.translate("DispositionView", "未定")
    return texts.get(str(opinion), str(opinion))


def batch_state_text(state: str) -> str:
    texts: dict[str, str] = {
        AppraisalState.DRAFT: QCoreApplication.translate("DispositionView", "鉴定中"),
        AppraisalState.SIGNED: QCoreApplication.translate("DispositionView", "已签字"),
        AppraisalState.CANCELLED: QCoreApplication.translate("DispositionView", "已撤销"),
    }
    return texts.get(state, str(state))


def register_state_text(state: str) -> str:
    texts: dict[str, str] = {
        DestructionState.PROPOSED: QCoreApplication.translate("DispositionView", "待批准"),
        DestructionState.APPROVED: QCoreApplication.translate("DispositionView", "已批准"),
        DestructionState.EXECUTED: QCoreApplication.translate("DispositionView", "已销毁"),
        DestructionState.WITHDRAWN: QCoreApplication.translate("DispositionView", "已撤回"),
    }
    return texts.get(state, str(state))


def duty_text(duty: Duty | str) -> str:
    texts: dict[str, str] = {
        Duty.UNIT_HEAD: QCoreApplication.translate("DispositionView", "单位负责人"),
        Duty.ARCHIVES_HEAD: QCoreApplication.translate("DispositionView", "档案机构负责人"),
        Duty.ACCOUNTING_HEAD: QCoreApplication.translate("DispositionView", "会计机构负责人"),
        Duty.ARCHIVES_HANDLER: QCoreApplication.translate("DispositionView", "档案经办人"),
        Duty.ACCOUNTING_HANDLER: QCoreApplication.translate("DispositionView", "会计经办人"),
        Duty.SUPERVISOR: QCoreApplication.translate("DispositionView", "监销人"),
    }
    return texts.get(str(duty), str(duty))


def unit_text(unit: Unit | str | None) -> str:
    texts: dict[str, str] = {
        Unit.ARCHIVES: QCoreApplication.translate("DispositionView", "档案部门"),
        Unit.ACCOUNTING: QCoreApplication.translate("DispositionView", "会计部门"),
        Unit.IT: QCoreApplication.translate("DispositionView", "信息技术部门"),
        Unit.OTHER: QCoreApplication.translate("DispositionView", "其他部门"),
    }
    return texts.get(str(unit), str(unit)) if unit else ""


def hold_kind_text(kind: HoldKind | str) -> str:
    texts: dict[str, str] = {
        HoldKind.UNSETTLED: QCoreApplication.translate("DispositionView", "未结清债权债务"),
        HoldKind.DISPUTE: QCoreApplication.translate("DispositionView", "争议"),
        HoldKind.LITIGATION: QCoreApplication.translate("DispositionView", "诉讼"),
        HoldKind.AUDIT: QCoreApplication.translate("DispositionView", "审计"),
        HoldKind.OTHER: QCoreApplication.translate("DispositionView", "其他"),
    }
    return texts.get(str(kind), str(kind))


def hold_state_text(state: str) -> str:
    return (
        QCoreApplication.translate("DispositionView", "保全中")
        if state == HoldState.PLACED
        else QCoreApplication.translate("DispositionView", "已解除")
    )


def hold_target_text(kind: str) -> str:
    return (
        QCoreApplication.translate("DispositionView", "案卷")
        if kind == "volume"
        else QCoreApplication.translate("DispositionView", "档案件")
    )


def new_period_text(entry: Any) -> str:
    """延期至: the new period and expiry of an extension; 永久 for a permanent one."""
    if entry.opinion == Opinion.PERMANENT:
        return retention_text("Y")
    if entry.opinion == Opinion.EXTEND and entry.new_retention:
        text = retention_text(str(entry.new_retention))
        if entry.new_expires_on:
            text += QCoreApplication.translate("DispositionView", "（{day}起可鉴定）").format(
                day=day_text(entry.new_expires_on)
            )
        return text
    return ""


def scope_text(batch: Any) -> str:
    parts = [
        QCoreApplication.translate("DispositionView", "截至 {day}").format(
            day=day_text(batch.as_of)
        )
    ]
    if batch.class_code:
        parts.append(
            QCoreApplication.translate("DispositionView", "{code}类").format(code=batch.class_code)
        )
    if batch.scope_year:
        parts.append(
            QCoreApplication.translate("DispositionView", "{year}年度").format(
                year=batch.scope_year
            )
        )
    return "　".join(parts)


# -- models ----------------------------------------------------------------------------------

DUE_COLUMNS: list[Column] = [
    Column("number", QT_TRANSLATE_NOOP("DueRowsModel", "件号"), lambda r: r.number),
    Column("code", QT_TRANSLATE_NOOP("DueRowsModel", "档号"), lambda r: r.archival_code),
    Column("title", QT_TRANSLATE_NOOP("DueRowsModel", "题名"), lambda r: r.title),
    Column("class", QT_TRANSLATE_NOOP("DueRowsModel", "类别"), lambda r: r.class_code),
    Column("year", QT_TRANSLATE_NOOP("DueRowsModel", "年度"), lambda r: str(r.year), True),
    Column(
        "retention",
        QT_TRANSLATE_NOOP("DueRowsModel", "保管期限"),
        lambda r: retention_text(r.retention),
    ),
    Column(
        "expires", QT_TRANSLATE_NOOP("DueRowsModel", "到期日期"), lambda r: day_text(r.expires_on)
    ),
    Column(
        "due",
        QT_TRANSLATE_NOOP("DueRowsModel", "状态"),
        lambda r: (
            QCoreApplication.translate("DispositionView", "已到期")
            if r.due
            else QCoreApplication.translate("DispositionView", "将到期")
        ),
    ),
    Column("volume", QT_TRANSLATE_NOOP("DueRowsModel", "案卷"), lambda r: r.volume or ""),
]

GROUP_COLUMNS: list[Column] = [
    Column(
        "class",
        QT_TRANSLATE_NOOP("DueGroupsModel", "类别"),
        lambda g: g.class_code,
        tooltip=lambda g: f"{g.class_code} {g.class_name}",
    ),
    Column("year", QT_TRANSLATE_NOOP("DueGroupsModel", "年度"), lambda g: str(g.year), True),
    Column(
        "retention",
        QT_TRANSLATE_NOOP("DueGroupsModel", "保管期限"),
        lambda g: retention_text(g.retention),
    ),
    Column("due", QT_TRANSLATE_NOOP("DueGroupsModel", "已到期"), lambda g: str(g.due), True),
    Column(
        "planned", QT_TRANSLATE_NOOP("DueGroupsModel", "规划期内"), lambda g: str(g.planned), True
    ),
]

BATCH_COLUMNS: list[Column] = [
    Column("number", QT_TRANSLATE_NOOP("BatchListModel", "批次号"), lambda b: b.number),
    Column("scope", QT_TRANSLATE_NOOP("BatchListModel", "范围"), scope_text),
    Column(
        "state", QT_TRANSLATE_NOOP("BatchListModel", "状态"), lambda b: batch_state_text(b.state)
    ),
    Column(
        "items", QT_TRANSLATE_NOOP("BatchListModel", "件数"), lambda b: str(len(b.entries)), True
    ),
    Column(
        "undecided", QT_TRANSLATE_NOOP("BatchListModel", "未定"), lambda b: str(b.undecided), True
    ),
    Column(
        "signed",
        QT_TRANSLATE_NOOP("BatchListModel", "签字"),
        lambda b: f"{sum(1 for m in b.members if m.signed_at)}/{len(b.members)}",
        True,
    ),
    Column(
        "registers",
        QT_TRANSLATE_NOOP("BatchListModel", "销毁清册"),
        lambda b: "、".join(b.destruction_registers),
    ),
]

ENTRY_COLUMNS: list[Column] = [
    Column("number", QT_TRANSLATE_NOOP("EntriesModel", "件号"), lambda e: e.number),
    Column("code", QT_TRANSLATE_NOOP("EntriesModel", "档号"), lambda e: e.archival_code),
    Column("title", QT_TRANSLATE_NOOP("EntriesModel", "题名"), lambda e: e.title),
    Column("year", QT_TRANSLATE_NOOP("EntriesModel", "年度"), lambda e: str(e.year), True),
    Column(
        "retention",
        QT_TRANSLATE_NOOP("EntriesModel", "原保管期限"),
        lambda e: retention_text(e.retention),
    ),
    Column(
        "expires", QT_TRANSLATE_NOOP("EntriesModel", "到期日期"), lambda e: day_text(e.expires_on)
    ),
    Column(
        "opinion", QT_TRANSLATE_NOOP("EntriesModel", "鉴定意见"), lambda e: opinion_text(e.opinion)
    ),
    Column("new", QT_TRANSLATE_NOOP("EntriesModel", "延期至"), new_period_text),
    Column("reason", QT_TRANSLATE_NOOP("EntriesModel", "理由"), lambda e: e.reason),
    Column("holds", QT_TRANSLATE_NOOP("EntriesModel", "保全"), lambda e: "、".join(e.holds)),
]

REGISTER_COLUMNS: list[Column] = [
    Column("number", QT_TRANSLATE_NOOP("RegisterListModel", "清册号"), lambda r: r.number),
    Column("batch", QT_TRANSLATE_NOOP("RegisterListModel", "鉴定批次"), lambda r: r.batch),
    Column(
        "kind",
        QT_TRANSLATE_NOOP("RegisterListModel", "类型"),
        lambda r: (
            QCoreApplication.translate("DispositionView", "会计档案")
            if r.accounting
            else QCoreApplication.translate("DispositionView", "一般档案")
        ),
    ),
    Column(
        "state",
        QT_TRANSLATE_NOOP("RegisterListModel", "状态"),
        lambda r: register_state_text(r.state),
    ),
    Column(
        "items", QT_TRANSLATE_NOOP("RegisterListModel", "件数"), lambda r: str(len(r.rows)), True
    ),
    Column("pages", QT_TRANSLATE_NOOP("RegisterListModel", "页数"), lambda r: str(r.pages), True),
    Column(
        "executed",
        QT_TRANSLATE_NOOP("RegisterListModel", "销毁日期"),
        lambda r: day_text(r.executed_on),
    ),
]

ROW_COLUMNS: list[Column] = [
    Column("seq", QT_TRANSLATE_NOOP("RegisterRowsModel", "序号"), lambda r: str(r.seq), True),
    Column("title", QT_TRANSLATE_NOOP("RegisterRowsModel", "题名"), lambda r: r.title),
    Column("year", QT_TRANSLATE_NOOP("RegisterRowsModel", "年度"), lambda r: str(r.year), True),
    Column("code", QT_TRANSLATE_NOOP("RegisterRowsModel", "档号"), lambda r: r.archival_code),
    Column(
        "retention",
        QT_TRANSLATE_NOOP("RegisterRowsModel", "应保管期限"),
        lambda r: retention_text(r.retention),
    ),
    Column(
        "kept",
        QT_TRANSLATE_NOOP("RegisterRowsModel", "已保管期限"),
        lambda r: QCoreApplication.translate("DispositionView", "{n}年").format(n=r.kept_years),
        True,
    ),
    Column("pages", QT_TRANSLATE_NOOP("RegisterRowsModel", "页数"), lambda r: str(r.pages), True),
    Column("volume", QT_TRANSLATE_NOOP("RegisterRowsModel", "卷号"), lambda r: r.volume or ""),
    Column("note", QT_TRANSLATE_NOOP("RegisterRowsModel", "备注"), lambda r: r.note),
]

SIGNATURE_COLUMNS: list[Column] = [
    Column("duty", QT_TRANSLATE_NOOP("SignaturesModel", "职责"), lambda s: duty_text(s.duty)),
    Column("unit", QT_TRANSLATE_NOOP("SignaturesModel", "部门"), lambda s: unit_text(s.unit)),
    Column(
        "name",
        QT_TRANSLATE_NOOP("SignaturesModel", "签字人"),
        lambda s: f"{s.display_name}（{s.user_name}）",
    ),
    Column(
        "at", QT_TRANSLATE_NOOP("SignaturesModel", "签字时间"), lambda s: time_text(s.signed_at)
    ),
]

HOLD_COLUMNS: list[Column] = [
    Column("number", QT_TRANSLATE_NOOP("HoldListModel", "编号"), lambda h: h.number),
    Column(
        "target",
        QT_TRANSLATE_NOOP("HoldListModel", "对象"),
        lambda h: f"{hold_target_text(h.target_kind)} {h.code}",
    ),
    Column("kind", QT_TRANSLATE_NOOP("HoldListModel", "类型"), lambda h: hold_kind_text(h.kind)),
    Column("reason", QT_TRANSLATE_NOOP("HoldListModel", "理由"), lambda h: h.reason),
    Column("state", QT_TRANSLATE_NOOP("HoldListModel", "状态"), lambda h: hold_state_text(h.state)),
    Column(
        "placed",
        QT_TRANSLATE_NOOP("HoldListModel", "设置人/时间"),
        lambda h: f"{h.placed_by}　{time_text(h.placed_at)}",
    ),
    Column(
        "lifted",
        QT_TRANSLATE_NOOP("HoldListModel", "解除人/时间/理由"),
        lambda h: (
            f"{h.lifted_by}　{time_text(h.lifted_at)}　{h.lift_reason}" if h.lifted_by else ""
        ),
    ),
]


class DueRowsModel(RowsModel):
    """The due list's items (`disposition.due.due_list`): due now in red."""

    columns = DUE_COLUMNS

    def key_of(self, row: Any) -> str:
        return str(row.number)

    def foreground(self, row: Any, column: Column) -> Any:
        if column.key == "due":
            return DUE_COLOUR if row.due else MUTED_COLOUR
        return None


class DueGroupsModel(RowsModel):
    """The due list by class, year and retention."""

    columns = GROUP_COLUMNS

    def key_of(self, row: Any) -> str:
        return f"{row.class_code}:{row.year}:{row.retention}"


class BatchListModel(RowsModel):
    columns = BATCH_COLUMNS

    def key_of(self, row: Any) -> str:
        return str(row.number)

    def foreground(self, row: Any, column: Column) -> Any:
        if column.key == "state" and row.state == AppraisalState.SIGNED:
            return DONE_COLOUR
        if column.key == "undecided" and row.undecided:
            return DUE_COLOUR
        return None


class EntriesModel(RowsModel):
    """The records of one batch with their opinions (the 到期档案鉴定清单's rows)."""

    columns = ENTRY_COLUMNS

    def key_of(self, row: Any) -> str:
        return str(row.number)

    def foreground(self, row: Any, column: Column) -> Any:
        if column.key == "opinion":
            if row.opinion is None:
                return MUTED_COLOUR
            if row.opinion == Opinion.DESTROY:
                return DUE_COLOUR
            return EXTEND_COLOUR
        if column.key == "holds" and row.holds:
            return DUE_COLOUR
        return None


class RegisterListModel(RowsModel):
    columns = REGISTER_COLUMNS

    def key_of(self, row: Any) -> str:
        return str(row.number)

    def foreground(self, row: Any, column: Column) -> Any:
        if column.key == "state":
            if row.state == DestructionState.EXECUTED:
                return MUTED_COLOUR
            if row.state == DestructionState.APPROVED:
                return DONE_COLOUR
        return None


class RegisterRowsModel(RowsModel):
    """A register's rows, frozen when it was made."""

    columns = ROW_COLUMNS

    def key_of(self, row: Any) -> str:
        return str(row.number)


class SignaturesModel(RowsModel):
    columns = SIGNATURE_COLUMNS

    def key_of(self, row: Any) -> str:
        return f"{row.duty}:{row.user_name}"


class HoldListModel(RowsModel):
    """Every hold (the 保全登记簿's rows), newest first; lifted ones greyed."""

    columns = HOLD_COLUMNS

    def key_of(self, row: Any) -> str:
        return str(row.number)

    def foreground(self, row: Any, column: Column) -> Any:
        if row.state != HoldState.PLACED:
            return MUTED_COLOUR
        return DUE_COLOUR if column.key == "state" else None
