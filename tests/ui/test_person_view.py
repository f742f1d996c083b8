"""The person file window (一人一档): search by ID number or name, the items with where
they are, the benefit events below, a double-click opens the item; opened from the item
detail and from a search hit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from archivist.archive import Archive
from archivist.arrangement.benefit_events import BenefitEventInput, add_benefit_event
from ui.use.person_view import PersonFileDialog, open_dialogs, open_person_file

from ..conftest import ID_LI, ID_ZHANG
from .conftest import capture_sample


def _close_all() -> None:
    for dialog in open_dialogs():
        dialog.close()


def test_the_person_file_lists_items_and_events_and_opens_an_item(
    qtbot: Any, archive: Archive, tmp_path: Path
) -> None:
    own = capture_sample(archive, tmp_path / "a")
    other = capture_sample(
        archive,
        tmp_path / "b",
        entity={"kind": "person", "name": "李四", "id_number": ID_LI},
        roster=[{"name": "李四", "id_number": ID_LI}, {"name": "张三", "id_number": ID_ZHANG}],
        materials=[{"file": "a.pdf", "role": "form", "title": "登记表"}],
    )
    add_benefit_event(
        archive,
        own,
        BenefitEventInput("reissue", "张山", "2023-06-01", id_number=ID_ZHANG, amount="88.8"),
        "补录",
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[str] = []
    open_person_file(parent, archive, ID_ZHANG, open_item=opened.append)
    [dialog] = open_dialogs()
    try:
        assert isinstance(dialog, PersonFileDialog) and dialog.isVisible()
        assert dialog.entries.rowCount() == 2 and dialog.events.rowCount() == 1
        assert "张三、张山" in dialog.who.text() and ID_ZHANG in dialog.who.text()
        rows = {dialog.entries.row(r).number: r for r in range(2)}
        assert set(rows) == {own, other}
        how = dialog.entries.index(rows[other], 6).data()
        assert how == "名册"
        assert dialog.events.index(0, 4).data() == "88.80"
        assert dialog.events.index(0, 1).data() == "二次发放"
        dialog.table.doubleClicked.emit(dialog.entries.index(rows[other], 0))
        assert opened == [other]
        dialog.events_table.doubleClicked.emit(dialog.events.index(0, 0))
        assert opened == [other, own]
        # another person from the search box; a bad one said in place
        dialog.query.setText("李四")
        dialog.run()
        assert dialog.entries.rowCount() == 2 and dialog.problem.isHidden()
        dialog.query.setText(ID_ZHANG[:-1] + "1")
        dialog.run()
        assert dialog.entries.rowCount() == 0 and dialog.problem.isVisibleTo(dialog)
        assert "身份证号码无效" in dialog.problem.text()
        dialog.query.setText("无此人")
        dialog.run()
        assert "无此人" in dialog.problem.text()
    finally:
        _close_all()


def test_the_item_detail_and_a_search_hit_open_the_person_file(
    qtbot: Any, window: Any, shown_errors: list[tuple[str, str]]
) -> None:
    number = window.model.item(0).number
    window.select_item(number)
    detail = window.detail
    assert detail.person_file.isVisibleTo(detail) and detail.person_file.text() == "一人一档…"
    detail.person_file.click()
    try:
        [dialog] = open_dialogs()
        assert dialog.entries.rowCount() == 1 and dialog.entries.row(0).number == number
        dialog.table.doubleClicked.emit(dialog.entries.index(0, 0))
        assert window.current_number == number
    finally:
        _close_all()
    window.search.open_person_file(number)
    try:
        [dialog] = open_dialogs()
        assert dialog.query.text().startswith("@") and dialog.entries.rowCount() == 1
    finally:
        _close_all()
    assert shown_errors == []


def test_the_item_detail_lists_the_items_benefit_events(
    qtbot: Any, window: Any, archive: Archive
) -> None:
    number = window.model.item(0).number
    add_benefit_event(
        archive,
        number,
        BenefitEventInput("recovery", "张三", "2023-07-01", amount="1234.56"),
        "追回多发待遇",
    )
    window.select_item(number)
    text = window.detail.events_value.text()
    assert "追回待遇" in text and "1234.56" in text
    assert window.detail.events_value.isVisibleTo(window.detail)


def test_the_person_file_prints_its_list(
    qtbot: Any, archive: Archive, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    capture_sample(archive, tmp_path / "a")
    out = tmp_path / "清单.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    parent = QWidget()
    qtbot.addWidget(parent)
    open_person_file(parent, archive, "张三")
    [dialog] = open_dialogs()
    try:
        assert dialog.print_list.isEnabled()
        dialog.print_list.click()
        assert out.exists() and out.stat().st_size > 0
        assert str(out) in dialog.saved.text()
    finally:
        _close_all()
