"""统计… in the 利用 view: the statistics of use for a period (this year unless chosen),
read off the window's thread — the total, by kind and by purpose, 人次 counting one
person once a day, 件次 each item used, copies by the pages of the originals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.use import lending, requests
from archivist.use.requests import Borrower
from archivist.use.statistics import use_statistics
from ui.use.stats_dialog import UseStatsDialog

from ..conftest import ID_LI, PASSWORD, add_person, write_manifest


def idle(qtbot: Any, window: Any, dialog: UseStatsDialog | None = None) -> None:
    qtbot.waitUntil(
        lambda: not window.runner.busy() and not (dialog is not None and dialog.loading),
        timeout=30000,
    )


def used(archive: Archive, tmp_path: Path, first: str) -> dict[str, str]:
    """Today: 李四 consults two items (two requests, one person), a unit borrows both,
    李四 asks for a copy of one (made on paper: its original pages count)."""
    second = capture_from_manifest(
        archive, write_manifest(tmp_path / "second", title="张三失业保险金申领（二）")
    ).number
    li = Borrower("李四", id_number=ID_LI)
    made = {
        "consult1": requests.create_request(archive, "consult", li, "核对待遇", items=[first]),
        "consult2": requests.create_request(archive, "consult", li, "核对待遇", items=[second]),
        "lend": requests.create_request(
            archive,
            "lend",
            Borrower("某某有限公司", kind="unit", unit="某某有限公司"),
            "查询工龄",
            items=[first, second],
        ),
        "copy": requests.create_request(archive, "copy", li, "核对待遇", items=[first]),
        "refused": requests.create_request(archive, "consult", li, "其他", items=[first]),
    }
    add_person(archive, "fuzeren", "head")
    archive.sign_in("fuzeren", PASSWORD)
    for key in ("consult1", "consult2", "lend", "copy"):
        requests.approve(archive, made[key].number)
    requests.refuse(archive, made["refused"].number, "目的不明")
    archive.sign_in("tester", PASSWORD)
    today = dt.date.today()
    lending.lend(archive, made["lend"].number, due_on=today + dt.timedelta(days=30), on=today)
    return {key: view.number for key, view in made.items()}


def test_statistics_of_use_from_the_use_view(
    qtbot: Any, window: Any, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    archive = window.archive
    used(archive, tmp_path, window.current_number)
    window.show_use()
    idle(qtbot, window)
    view = window.use
    assert view.stats_button.text() == "统计…" and view.stats_button.isEnabled()
    view.stats_button.click()
    dialog = view.dialog
    assert isinstance(dialog, UseStatsDialog)
    qtbot.addWidget(dialog)
    assert dialog.loading  # read on a worker, not the window's thread
    idle(qtbot, window, dialog)
    today = dt.date.today()
    # this year by default
    assert dialog.period() == (dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
    core = use_statistics(archive, dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
    assert dialog.stats == core
    # the headings
    headers = [
        dialog.by_kind.horizontalHeaderItem(c).text() for c in range(dialog.by_kind.columnCount())
    ]
    assert headers == ["利用方式", "人次", "卷次", "件次", "页数（复制）", "申请数"]
    labels = [dialog.by_kind.item(r, 0).text() for r in range(dialog.by_kind.rowCount())]
    assert labels == ["合计", "查阅", "借出", "复制", "电子调阅"]
    # 李四 and the unit: two people today, whatever they asked for; the refusal not counted
    assert dialog.row_values(dialog.by_kind, 0) == {
        "persons": 2,
        "volumes": 0,
        "items": 4,  # 李四: two items; the unit: two items
        "pages": core.total.pages,
        "requests": 4,
    }
    assert dialog.kind_row("consult") == {
        "persons": 1,
        "volumes": 0,
        "items": 2,
        "pages": 0,
        "requests": 2,
    }
    assert dialog.kind_row("lend") == {
        "persons": 1,
        "volumes": 0,
        "items": 2,
        "pages": 0,
        "requests": 1,
    }
    copy = dialog.kind_row("copy")
    assert copy["persons"] == 1 and copy["requests"] == 1 and copy["pages"] > 0
    assert dialog.kind_row("view") == dict.fromkeys(
        ("persons", "volumes", "items", "pages", "requests"), 0
    )
    purposes = {
        dialog.by_purpose.item(r, 0).text(): dialog.row_values(dialog.by_purpose, r)
        for r in range(dialog.by_purpose.rowCount())
    }
    assert set(purposes) == {"核对待遇", "查询工龄"}
    assert purposes["核对待遇"]["persons"] == 1 and purposes["核对待遇"]["requests"] == 3
    assert purposes["查询工龄"]["requests"] == 1
    assert "4 份申请" in dialog.state.text()
    # another period: nothing used then
    dialog.start.setDate(QDate(today.year - 1, 1, 1))
    dialog.end.setDate(QDate(today.year - 1, 12, 31))
    idle(qtbot, window, dialog)
    assert dialog.row_values(dialog.by_kind, 0)["requests"] == 0
    assert dialog.by_purpose.rowCount() == 0
    # a period ending before it starts: the core's refusal in the dialog, no error dialog
    dialog.start.setDate(QDate(today.year, 6, 1))
    dialog.end.setDate(QDate(today.year, 5, 1))
    idle(qtbot, window, dialog)
    assert dialog.problem.isVisible() and dialog.problem.text()
    assert dialog.by_kind.rowCount() == 0 and shown_errors == []
    dialog.end.setDate(QDate(today.year, 12, 31))
    idle(qtbot, window, dialog)
    assert not dialog.problem.isVisible()
    assert dialog.row_values(dialog.by_kind, 0)["requests"] == 4
