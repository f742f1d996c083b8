"""Texts the views share: labels of the core's states and codes in the interface
language, dates and page ranges, and a bold heading.

The strings keep the translation context of the view they were first written in
(`VolumesView`, `HandoverView`, `StorageView`), so the catalogue's keys stay as they are.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from archivist.arrangement.volumes import VolumeSummary
from archivist.changes.states import HandoverResult, HandoverState, VolumeState
from archivist.handover.handovers import Reason
from archivist.rules.retention import Retention

QUARTERS_CN = "一二三四"


# -- volumes ------------------------------------------------------------------------------


def retention_text(code: str) -> str:
    if code == "Y":
        return QCoreApplication.translate("VolumesView", "永久")
    if code.startswith("D") and code[1:].isdigit():
        return QCoreApplication.translate("VolumesView", "{n}年").format(n=int(code[1:]))
    return Retention(code).label


def period_text(key: str) -> str:
    """2023-05, 2023-Q2, 2023 in the interface language."""
    year, _, rest = key.partition("-")
    if not rest:
        return QCoreApplication.translate("VolumesView", "{year}年").format(year=year)
    if rest.startswith("Q"):
        quarter = int(rest[1:])
        return QCoreApplication.translate("VolumesView", "{year}年第{quarter_cn}季度").format(
            year=year, quarter=quarter, quarter_cn=QUARTERS_CN[quarter - 1]
        )
    month = int(rest)
    return QCoreApplication.translate("VolumesView", "{year}年{month}月").format(
        year=year, month=month, month_name=calendar.month_name[month]
    )


def status_text(status: VolumeState) -> str:
    texts = {
        VolumeState.OPEN: QCoreApplication.translate("VolumesView", "整理中"),
        VolumeState.RETURNED: QCoreApplication.translate("VolumesView", "已退回"),
        VolumeState.HANDED_OVER: QCoreApplication.translate("VolumesView", "已移交"),
        VolumeState.DISSOLVED: QCoreApplication.translate("VolumesView", "已撤销"),
    }
    return texts.get(status, str(status))


def editable(volume: VolumeSummary | None) -> bool:
    """A volume may still change (the core's rule: neither handed over nor dissolved)."""
    return volume is not None and volume.editable


def dates_text(start: dt.date | None, end: dt.date | None) -> str:
    """2023-05-02～05-20 (a volume never spans years, so the end drops its year)."""
    if start is None or end is None:
        return ""
    first, last = start.isoformat(), end.isoformat()
    if start == end:
        return first
    return f"{first}～{last[5:]}" if start.year == end.year else f"{first}～{last}"


def iso_text(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def pages_text(first: int | None, last: int | None) -> str:
    if first is None or last is None:
        return ""
    return str(first) if first == last else f"{first}–{last}"


def bold(label: QLabel, scale: float = 1.15) -> None:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)


# -- handover ------------------------------------------------------------------------------


def batch_status_text(status: str) -> str:
    texts: dict[str, str] = {
        HandoverState.DRAFT: QCoreApplication.translate("HandoverView", "待检查"),
        HandoverState.CHECKED: QCoreApplication.translate("HandoverView", "已检查"),
        HandoverState.SIGNED: QCoreApplication.translate("HandoverView", "已签收"),
    }
    return texts.get(status, status)


def result_text(result: str | None) -> str:
    texts: dict[str, str] = {
        HandoverResult.PASS: QCoreApplication.translate("HandoverView", "合格"),
        HandoverResult.FAIL: QCoreApplication.translate("HandoverView", "不合格"),
        HandoverResult.RETURNED: QCoreApplication.translate("HandoverView", "已退回"),
    }
    return texts.get(result or "", QCoreApplication.translate("HandoverView", "未检查"))


def reasons_text(reasons: Sequence[Reason]) -> str:
    """The check's reasons in the interface language (the core renders them)."""
    return "；".join(r.text() for r in reasons)


# -- storage -------------------------------------------------------------------------------


def heading_text(heading: str) -> str:
    """起止件号 / 案卷号 (the core's range heading) in the interface language."""
    if heading == "案卷号":
        return QCoreApplication.translate("StorageView", "案卷号")
    return QCoreApplication.translate("StorageView", "起止件号")


def count_text(count: int, kind: str) -> str:
    if kind == "volumes":
        return QCoreApplication.translate("StorageView", "{n} 卷").format(n=count)
    return QCoreApplication.translate("StorageView", "{n} 件").format(n=count)


def kind_text(kind: str) -> str:
    if kind == "volumes":
        return QCoreApplication.translate("StorageView", "按卷（装案卷）")
    return QCoreApplication.translate("StorageView", "按件（装档案件）")
