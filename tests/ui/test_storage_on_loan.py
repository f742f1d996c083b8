"""The storage view shows what is out on loan (issue 14, point 3): a box lent is marked 借出
with its request in the box list and the box's facts, an item lent within a box in the
box's contents, and 查找位置 says who has it and until when."""

from __future__ import annotations

import datetime as dt
from typing import Any

from archivist.custody import boxes, locations
from archivist.use import lending
from archivist.use.requests import Borrower, approve, create_request
from ui.storage.dialogs import InventoryDialog

from ..conftest import acting_as, add_person
from .test_storage_view import open_view

LENT = dt.date(2026, 3, 2)


def test_a_box_and_an_item_on_loan_are_marked_in_the_storage_view(qtbot: Any, window: Any) -> None:
    archive = window.archive
    number = window.current_number
    assert number is not None
    place = locations.add_location(archive, "1", 3, 2, 4).code
    [box] = boxes.fill(archive, 2023, "SY")
    boxes.shelve(archive, box.code, place, "上架")
    add_person(archive, "fuzeren", "head")
    made = create_request(
        archive, "lend", Borrower("李四", unit="某街道"), "核对", boxes=[box.code]
    )
    with acting_as(archive, "fuzeren"):
        approve(archive, made.number)
    lending.lend(archive, made.number, due_on=dt.date(2026, 4, 1), on=LENT)

    view = open_view(qtbot, window)
    row = view.model.row_of(box.code)
    assert row is not None
    location = view.model.data(view.model.index(row, 7))
    assert location == f"{place}（借出 {made.number}）"
    view.find_code(number)
    qtbot.waitUntil(lambda: not view.finding and not window.runner.busy(), timeout=30000)
    assert f"借出：{made.number}，李四，应还 2026-04-01" in view.found_label.text()
    qtbot.waitUntil(
        lambda: view.current_box is not None and view.contents.rowCount() == 1, timeout=10000
    )
    qtbot.waitUntil(lambda: "借出" in view.box_facts.text(), timeout=10000)
    assert view.contents.item(0, 1).text() == f"{number}（借出 {made.number}）"

    extra = boxes.create_box(archive, 2023, "SY", "D10").code  # on the shelf, read
    boxes.shelve(archive, extra, place, "上架")
    view.open_inventory()
    dialog = view.inventory_dialog
    assert isinstance(dialog, InventoryDialog)
    qtbot.addWidget(dialog)
    dialog.scans.setPlainText(f"@{place}\n{extra}\n")
    with qtbot.waitSignal(dialog.finished_run, timeout=30000):
        dialog.run_button.click()
    tree = dialog.result_tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert groups[0].text(0) == "缺失（登记在架，未扫到）：0"
    assert groups[-1].text(0) == "借出（未在架，不是缺失）：1"
    assert groups[-1].child(0).text(0).startswith(f"{box.code}　借出 {made.number}，李四")
    assert dialog.summary.text().startswith("账物相符")

    lending.return_targets(archive, made.number, condition="intact", on=LENT)
    view.reload()
    qtbot.waitUntil(lambda: not view.loading, timeout=30000)
    assert view.model.data(view.model.index(row, 7)) == place
