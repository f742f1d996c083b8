"""The registers of use in 文件 → 登记表… (issue 14): 借阅登记簿, 利用效果登记, 待遇事项登记簿
(a period), 催还通知 (a request and a day) and 一人一档清单 (a query) are offered with
the inputs they need, previewed and exported like the older registers, and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import openpyxl
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from archivist.archive import Archive
from archivist.db.models import Item
from archivist.registers import forms
from archivist.use import lending
from archivist.use.requests import Borrower, approve, create_request

from ..conftest import ID_LI, ID_ZHANG, PASSWORD, add_person

LOAN_COLUMNS = [
    "序号", "借阅日期", "借阅人", "单位", "证件号码", "借阅事由", "档号", "题名", "利用方式",
    "应还日期", "归还日期", "归还状态", "审批人", "经办人",
]  # fmt: skip
MASKED_LI = "110105********0016"
TODAY = dt.date.today()


def ymd(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def idle(qtbot: Any, win: Any, dialog: Any = None) -> None:
    qtbot.waitUntil(
        lambda: (
            not win.runner.busy()
            and not win.model.loading
            and (dialog is None or (not dialog.previewing and not dialog.exporting))
        ),
        timeout=30000,
    )


def lent(archive: Archive, item: str) -> str:
    """A loan of `item` to 李四, approved by the head, lent out today for ten days."""
    number = create_request(
        archive,
        "lend",
        Borrower("李四", id_number=ID_LI, unit="示例市某公司", phone="13800000000"),
        "核对待遇",
        items=[item],
    ).number
    add_person(archive, "fuzeren", "head")
    archive.sign_in("fuzeren", PASSWORD)
    approve(archive, number)
    archive.sign_in("tester", PASSWORD)
    lending.lend(archive, number, due_on=TODAY + dt.timedelta(days=10))
    return number


def headings(dialog: Any) -> list[str]:
    return [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]


def preview_rows(dialog: Any) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def docx_rows(path: Path) -> list[list[str]]:
    document = docx.Document(str(path))
    return [[cell.text for cell in row.cells] for row in document.tables[-1].rows]


def test_the_loan_register_previewed_and_exported(
    qtbot: Any, window: Any, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    from ui.registers_dialog import RegistersDialog

    archive = window.archive
    item = window.current_number
    assert item
    lent(archive, item)
    dialog = RegistersDialog(archive, window.runner, window, kind="loans")
    qtbot.addWidget(dialog)
    idle(qtbot, window, dialog)
    # every kind the core prints is offered
    offered = {dialog.kind.itemData(i) for i in range(dialog.kind.count())}
    assert offered == set(forms.KINDS)
    assert dialog.kind.currentText() == "借阅登记簿"
    # the period (this month) is asked for; nothing else
    first = TODAY.replace(day=1)
    assert dialog.start.date() == qdate(first)
    assert dialog.end.date().month() == TODAY.month and dialog.end.date() >= qdate(TODAY)
    assert dialog.start.isEnabled() and dialog.end.isEnabled()
    for widget in (dialog.volume, dialog.year, dialog.box, dialog.batch, dialog.request,
                   dialog.as_of, dialog.query):  # fmt: skip
        assert not widget.isEnabled()
    assert dialog.selection() == forms.Selection(start=first, end=dialog.end_date())
    code = archive_code(window, item)
    # the preview: the spec's columns, one row for the loan, the ID number masked
    assert dialog.preview_error == ""
    assert headings(dialog) == LOAN_COLUMNS
    [row] = preview_rows(dialog)
    assert row[1:9] == [
        ymd(TODAY),
        "李四",
        "示例市某公司",
        MASKED_LI,
        "核对待遇",
        code,
        row[7],
        "借出",
    ]
    assert row[9] == ymd(TODAY + dt.timedelta(days=10)) and row[11] == "未还"
    assert row[12:] == ["fuzeren", "tester"]
    assert dialog.field_values["span"].text() == f"{ymd(first)}—{dialog.end_date():%Y%m%d}"
    assert "借阅登记簿" in dialog.default_name(".docx") and ymd(first) in dialog.default_name("")
    # exported to Word, read back with the same columns
    assert dialog.word_button.isEnabled() and dialog.excel_button.isEnabled()
    out = tmp_path / "借阅登记簿.docx"
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.export(out)
    assert not shown_errors
    rows = docx_rows(out)
    assert rows[0] == LOAN_COLUMNS
    assert rows[1] == ["1", *row[1:]]
    assert ID_LI not in "".join(c for r in rows for c in r)
    # and to Excel (a register of use is a list)
    xlsx = tmp_path / "借阅登记簿.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.export(xlsx)
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet is not None
    values = [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]
    assert LOAN_COLUMNS in values and any("李四" in r for r in values)
    # a period before the loan: the core's sentence, nothing to export
    dialog.start.setDate(qdate(TODAY - dt.timedelta(days=60)))
    dialog.end.setDate(qdate(TODAY - dt.timedelta(days=40)))
    dialog.refresh_preview()
    idle(qtbot, window, dialog)
    assert "没有" in dialog.preview_error or "借阅登记簿" in dialog.preview_error
    assert dialog.status.text() == dialog.preview_error
    assert not dialog.word_button.isEnabled()
    assert not shown_errors
    dialog.reject()


def archive_code(window: Any, item: str) -> str:
    with window.archive.db.reading() as session:
        return str(session.scalar(select(Item.archival_code).where(Item.number == item)))


def test_the_other_registers_of_use_ask_for_what_they_need(
    qtbot: Any, window: Any, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    from ui.registers_dialog import RegistersDialog

    archive = window.archive
    item = window.current_number
    assert item
    number = lent(archive, item)
    dialog = RegistersDialog(archive, window.runner, window, kind="use-effect")
    qtbot.addWidget(dialog)
    idle(qtbot, window, dialog)
    # 利用效果登记: the period
    assert dialog.kind.currentText() == "利用效果登记"
    assert dialog.start.isEnabled() and not dialog.request.isEnabled()
    assert headings(dialog)[:3] == ["序号", "利用日期", "利用人"]
    assert [r[2] for r in preview_rows(dialog)] == ["李四"]
    # 待遇事项登记簿: the period; none recorded this month, said in place
    dialog.choose_kind("benefit-events")
    dialog.refresh_preview()
    idle(qtbot, window, dialog)
    assert dialog.start.isEnabled() and not dialog.query.isEnabled()
    assert dialog.preview_error and not dialog.word_button.isEnabled()

    # 催还通知: a request and the day it is overdue on
    dialog.choose_kind("overdue-notice")
    assert dialog.request.isEnabled() and dialog.as_of.isEnabled()
    assert not dialog.start.isEnabled() and not dialog.query.isEnabled()
    assert not dialog.excel_button.isEnabled()  # a notice: Word only
    dialog.refresh_preview()
    idle(qtbot, window, dialog)
    assert dialog.preview_error == "请填写申请编号（借出未还的申请）"
    assert not dialog.word_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.request.findData(number) >= 0, timeout=30000)  # the loans out
    dialog.request.setCurrentIndex(dialog.request.findData(number))
    dialog.as_of.setDate(qdate(TODAY + dt.timedelta(days=15)))
    dialog.refresh_preview()
    idle(qtbot, window, dialog)
    assert dialog.selection() == forms.Selection(
        request=number, as_of=TODAY + dt.timedelta(days=15)
    )
    assert dialog.preview_error == ""
    assert dialog.field_values["number"].text() == number
    [row] = preview_rows(dialog)
    assert row[0] == archive_code(window, item) and row[-1] == "5"
    out = tmp_path / "催还通知.docx"
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.export(out)
    assert docx_rows(out)[0] == ["档号", "题名", "借出日期", "应还日期", "逾期天数"]
    assert number in dialog.default_name(".docx")
    # not overdue today: the core says so
    dialog.as_of.setDate(qdate(TODAY))
    dialog.refresh_preview()
    idle(qtbot, window, dialog)
    assert number in dialog.preview_error

    # 一人一档清单: a query (the person of the item)
    dialog.choose_kind("person-file")
    assert dialog.query.isEnabled() and not dialog.request.isEnabled()
    assert not dialog.start.isEnabled()
    dialog.refresh_preview()
    idle(qtbot, window, dialog)
    assert dialog.preview_error == "请填写要查的姓名、身份证号或统一社会信用代码"
    dialog.query.setText(ID_ZHANG)  # looked up when Enter is pressed, not at each key
    assert dialog.preview_error == "输入完后按回车键查询" and not dialog.word_button.isEnabled()
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    idle(qtbot, window, dialog)
    assert dialog.preview_error == ""
    assert item in [r[1] for r in preview_rows(dialog)]
    assert ID_ZHANG not in dialog.default_name(".docx")  # no ID number in a file name
    out = tmp_path / "一人一档.docx"
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.export(out)
    assert docx_rows(out)[0][:3] == ["序号", "件号", "题名"]
    assert not shown_errors
    dialog.reject()
