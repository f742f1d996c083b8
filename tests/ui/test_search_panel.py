"""The search dock (issue 11, point 9): paging through every hit, opening a hit from
another tab, and full ID numbers masked in snippets and in the OCR text pane."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from archivist.archive import Archive
from archivist.arrangement import items
from archivist.changes.audit import now_text
from archivist.db.models import Item, Material, PageText
from archivist.search.service import refresh_items, search
from ui import search_panel

from ..conftest import ID_ZHANG, add_person, sign_in
from .conftest import capture_sample


def idle(qtbot: Any, win: Any, timeout: int = 30000) -> None:
    qtbot.waitUntil(lambda: not win.runner.busy(), timeout=timeout)


def put_text(archive: Archive, number: str, text: str) -> None:
    """OCR text for the first page of the item's first material, and the index told."""
    with archive.db.writing() as session:
        item = session.scalar(select(Item).where(Item.number == number))
        assert item is not None
        material = session.scalars(
            select(Material).where(Material.item_id == item.id).order_by(Material.seq)
        ).first()
        assert material is not None
        lines = [[line, 20, 20 + 40 * row, 300, 30] for row, line in enumerate(text.split("\n"))]
        session.add(
            PageText(
                material_id=material.id,
                page=1,
                status="done",
                source="ocr",
                text=text,
                lines=lines,  # boxes of each line, as OCR gives them
                width=400,
                height=560,
                updated_at=now_text(),
            )
        )
        item_id = item.id
    refresh_items(archive, [item_id])


def test_results_page_through_every_hit(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_panel, "PAGE", 3)
    for n in range(6):
        capture_sample(window.archive, tmp_path / f"more-{n}")
    everything = {hit.number for hit in search(window.archive, "失业", limit=100)[1]}
    assert len(everything) == 7
    panel = window.search
    panel.query.setText("失业")
    panel.run()
    idle(qtbot, window)
    assert len(panel.hits) == 3 and panel.total == 7
    assert panel.summary.text() == "找到 7 件，已显示 3 件"
    assert panel.more.isVisible() and "共 7 件" in panel.more.text()
    panel.more.click()
    idle(qtbot, window)
    assert len(panel.hits) == 6 and panel.results.count() == 6
    panel.more.click()
    idle(qtbot, window)
    assert {hit.number for hit in panel.hits} == everything
    assert panel.results.count() == 7 and not panel.more.isVisible()
    assert panel.summary.text() == "找到 7 件"
    # a new search starts again from its first page
    panel.query.setText("张三")
    panel.run()
    idle(qtbot, window)
    assert len(panel.hits) == 3 and panel.more.isVisible()


def test_a_hit_opened_from_another_tab_shows_the_item(qtbot: Any, window: Any) -> None:
    number = window.model.item(0).number
    window.views.setCurrentWidget(window.storage)  # 库房
    panel = window.search
    panel.query.setText("劳动合同")
    panel.run()
    idle(qtbot, window)
    assert panel.hits and panel.hits[0].number == number
    panel._open(panel.results.item(0))
    idle(qtbot, window)
    assert window.views.currentWidget() is window.main_split
    assert window.tabs.currentWidget() is window.viewer
    assert window.detail.view is not None and window.detail.view["number"] == number
    assert window.viewer.number == number


def test_id_numbers_are_masked_in_snippets_and_the_text_pane(qtbot: Any, window: Any) -> None:
    archive = window.archive
    number = window.model.item(0).number
    put_text(archive, number, f"申请人张三\n公民身份号码{ID_ZHANG}\n现申请领取失业保险\n金申领")
    # an appraiser does not need ID numbers: masked for them (an archivist sees them in full)
    add_person(archive, "jianding", "appraiser")
    sign_in(archive, "jianding")
    masked = items.show(archive, number)["entity"]["id_number"]  # as the item detail shows it
    assert masked != ID_ZHANG and masked.endswith("002X")
    panel = window.search
    panel.query.setText("002X")  # the last digits of the ID number
    panel.run()
    idle(qtbot, window)
    hit = panel.hits[0]
    assert hit.number == number and ID_ZHANG not in hit.snippet
    assert f"{masked[:-4]}【002X】" in hit.snippet
    label = panel.results.itemWidget(panel.results.item(0))
    assert ID_ZHANG not in label.text() and masked[:-4] in label.text()
    panel._open(panel.results.item(0))
    idle(qtbot, window)
    qtbot.waitUntil(lambda: window.viewer.loaded is not None, timeout=10000)
    shown = window.viewer.text.toPlainText()
    assert ID_ZHANG not in shown and masked in shown
    marked = [s.cursor.selectedText() for s in window.viewer.text.extraSelections()]
    assert marked == ["002X"]
    # a phrase wrapped onto the next line is found, and marked on both lines
    panel.query.setText("失业保险金申领")
    panel.run()
    idle(qtbot, window)
    assert "【失业保险金申领】" in panel.hits[0].snippet
    panel._open(panel.results.item(0))
    idle(qtbot, window)
    qtbot.waitUntil(lambda: len(window.viewer.text.extraSelections()) == 1, timeout=10000)
    selections = window.viewer.text.extraSelections()
    selected = selections[0].cursor.selectedText()
    assert selected.replace("\u2029", "") == "失业保险金申领"  # across the line's end
    assert len(window.viewer.view.marks) == 2  # both lines marked on the page


def test_an_archivist_sees_id_numbers_in_full_in_snippets_and_the_text_pane(
    qtbot: Any, window: Any
) -> None:
    archive = window.archive
    number = window.model.item(0).number
    put_text(archive, number, f"申请人张三\n公民身份号码{ID_ZHANG}\n现申请领取失业保险\n金申领")
    panel = window.search
    panel.query.setText("002X")
    panel.run()
    idle(qtbot, window)
    assert f"{ID_ZHANG[:-4]}【002X】" in panel.hits[0].snippet
    panel._open(panel.results.item(0))
    idle(qtbot, window)
    qtbot.waitUntil(lambda: window.viewer.loaded is not None, timeout=10000)
    assert ID_ZHANG in window.viewer.text.toPlainText()
    assert [s.cursor.selectedText() for s in window.viewer.text.extraSelections()] == ["002X"]
