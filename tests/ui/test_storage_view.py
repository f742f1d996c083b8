"""The storage view (库房): a location and a box made from the window, volumes put in
and the box shelved (each with a reason, audited), finding where an item is, spine
labels written as .docx, and the inventory dialog with a missing and an unknown code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from PySide6.QtCore import Qt
from sqlalchemy import select

from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.custody import boxes, locations, where
from archivist.db.models import AuditEvent
from archivist.registers import forms
from ui.storage.dialogs import InventoryDialog, PutDialog
from ui.storage.view import UNSHELVED

from .conftest import capture_sample

PLACE = "1库-03架-2列-4层"
OTHER = "1库-03架-2列-5层"


def idle(qtbot: Any, win: Any) -> None:
    view = win.storage
    qtbot.waitUntil(
        lambda: not win.runner.busy() and not view.loading and not view.finding, timeout=30000
    )


def open_view(qtbot: Any, window: Any) -> Any:
    window.show_storage()
    idle(qtbot, window)
    return window.storage


def audit_reasons(archive: Archive, action: str) -> list[str]:
    with archive.db.reading() as session:
        return [
            str(e.reason)
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
            )
        ]


def save(qtbot: Any, window: Any, dialog: Any) -> None:
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.changed, timeout=30000):
        dialog.save_button.click()
    idle(qtbot, window)


def test_location_box_put_shelve_find_and_spine_labels(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    archive = window.archive
    first = window.current_number
    assert first is not None
    capture_sample(archive, tmp_path / "june", completed_on="2023-06-11", title="六月")
    made = [v.code for v in volumes.build(archive, 2023, "SY", "month")]
    assert made == ["J023-SY-001", "J023-SY-002"]
    view = open_view(qtbot, window)
    assert window.views.tabText(window.views.indexOf(view)) == "库房"
    assert view.box_heading.text() == "没有档案盒：点“新建档案盒…”"

    # 新建位置…
    view.new_location()
    dialog = view.dialog
    dialog.room.setText("1")
    dialog.numbers["shelf"].setValue(3)
    dialog.numbers["column"].setValue(2)
    dialog.numbers["layer"].setValue(4)
    assert dialog.code.text() == f"{PLACE}　LOC-1-03-2-4"
    save(qtbot, window, dialog)
    assert view.current_key == PLACE and view.nodes[PLACE].text(1) == "0"
    assert view.nodes["1库"].text(0) == "1库" and view.nodes["1库-03架"].text(0) == "03架"
    assert window.statusBar().currentMessage() == f"已新建位置 {PLACE}"

    # 新建档案盒… (a volume box of 2023, SY, 10 years): not on a shelf yet
    view.new_box()
    dialog = view.dialog
    dialog.choose(2023, "SY", "D10", "volumes")
    assert dialog.retention.currentText() == "10年"
    save(qtbot, window, dialog)
    box = "J023-2023-SY-D10-B0001"
    assert view.current_key == UNSHELVED and view.selected_codes() == [box]
    assert view.model.data(view.model.index(0, 0)) == "0001"
    assert view.model.data(view.model.index(0, 7)) == "未上架"

    # 装盒…: the unboxed volumes of the box's year, class and retention
    view.buttons["put"].click()
    qtbot.waitUntil(lambda: isinstance(view.dialog, PutDialog), timeout=10000)
    put = view.dialog
    offered = [put.list.item(r).text().split("　")[0] for r in range(put.list.count())]
    assert offered == made
    assert put.problem.text() == "请勾选要装入的档案"
    put.tick(made[0])
    put.tick(made[1])
    assert put.problem.text() == "请填写理由" and not put.save_button.isEnabled()
    put.reason.setText("2023年失业保险卷装盒")
    save(qtbot, window, put)
    qtbot.waitUntil(
        lambda: view.current_box is not None and view.current_box.count == 2, timeout=10000
    )
    assert view.contents.rowCount() == 2 and view.contents.item(0, 1).text() == made[0]
    assert view.model.data(view.model.index(0, 5)) == "案卷号 001-002"
    assert view.model.data(view.model.index(0, 6)) == "2 卷"
    assert audit_reasons(archive, "box.put") == ["2023年失业保险卷装盒"]

    # 上架/移架…
    view.shelve_boxes()
    shelve = view.dialog
    qtbot.addWidget(shelve)
    shelve.choose(PLACE)
    assert not shelve.save_button.isEnabled()
    shelve.reason.setText("新盒上架")
    save(qtbot, window, shelve)
    assert view.current_key == PLACE and view.selected_codes() == [box]
    assert view.nodes[PLACE].text(1) == "1" and view.nodes["1库"].text(1) == "1"
    assert view.nodes[UNSHELVED].text(1) == "0"
    assert where.where(archive, box).location == PLACE
    assert audit_reasons(archive, "box.shelve") == ["新盒上架"]
    assert view.box_facts.text().endswith(f"位置：{PLACE}-0001盒")

    # 查找位置: an item (in a volume, in the box) selects its box at its place
    view.tree.setCurrentItem(view.nodes[UNSHELVED])
    assert view.model.rowCount() == 0
    view.find_code(first)
    idle(qtbot, window)
    assert view.found_label.text() == (f"档案件 {first}（在案卷 {made[0]}）：{PLACE}-0001盒　{box}")
    assert view.current_key == PLACE and view.selected_codes() == [box]
    view.find_code("J023-9999")
    idle(qtbot, window)
    assert "J023-9999" in view.found_label.text()  # the core's sentence, no dialog

    # 打印盒脊标签…: the boxes chosen, as .docx
    out = tmp_path / "盒脊标签.docx"
    view.export_spine_labels(out)
    idle(qtbot, window)
    assert view.last_export == out
    text = "\n".join(
        cell.text for table in Document(str(out)).tables for row in table.rows for cell in row.cells
    )
    assert box in text and "001-002" in text
    assert window.statusBar().currentMessage() == f"已生成 1 个盒脊标签：{out}"
    # …or every box of a year, from the button's menu
    view._fill_labels_menu()
    texts = [a.text() for a in view.labels_menu.actions() if a.text()]
    assert texts == ["选中的 1 个档案盒…", "2023年的全部档案盒…"]
    year_out = tmp_path / "2023.docx"
    view.export_spine_labels(year_out, forms.Selection(year=2023))
    idle(qtbot, window)
    assert view.last_export == year_out and year_out.stat().st_size > 0


def test_inventory_reports_a_missing_box_and_an_unknown_code(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    from ui.i18n import translations

    archive = window.archive
    for layer in (4, 5):
        locations.add_location(archive, "1", 3, 2, layer)
    codes = [boxes.create_box(archive, 2023, "SY", "D10").code for _ in range(3)]
    boxes.shelve(archive, codes[0], PLACE, "上架")
    boxes.shelve(archive, codes[1], PLACE, "上架")
    boxes.shelve(archive, codes[2], OTHER, "上架")
    view = open_view(qtbot, window)
    assert view.nodes["1库-03架-2列"].text(1) == "3"
    view.tree.setCurrentItem(view.nodes[PLACE])
    assert [b.code for b in view.model.rows] == codes[:2]

    view.open_inventory()
    dialog = view.inventory_dialog
    assert isinstance(dialog, InventoryDialog)
    qtbot.addWidget(dialog)
    assert dialog.scope.text() == PLACE and not dialog.run_button.isEnabled()
    scans = tmp_path / "scans.txt"
    scans.write_text(f"@{PLACE}\n{codes[0]}\nXX-NOT-A-BOX\n", encoding="gb18030")
    dialog.load_file(scans)
    assert dialog.scans.toPlainText().splitlines()[1] == codes[0]
    with qtbot.waitSignal(dialog.finished_run, timeout=30000):
        dialog.run_button.click()
    idle(qtbot, window)
    report = dialog.report
    assert report is not None and report.matched == 1
    assert dialog.summary.text() == f"账物不符：扫描 2 条，相符 1 盒；范围：{PLACE}"
    groups = [dialog.result_tree.topLevelItem(i) for i in range(4)]
    assert [g.text(0) for g in groups] == [
        "缺失（登记在架，未扫到）：1",
        "错位（扫到的位置与登记不符）：0",
        "无法识别（不是档案盒条码）：1",
        "重复扫描：0",
    ]
    assert groups[0].child(0).text(0) == f"{codes[1]}　应在 {PLACE}，未扫到"
    assert groups[2].child(0).text(0) == report.unexpected[0].message
    assert "XX-NOT-A-BOX" in groups[2].child(0).text(0)
    out = tmp_path / "盘点结果.txt"
    dialog.export_text(out)
    exported = out.read_text(encoding="utf-8")
    assert exported.startswith("盘点结果\n账物不符") and codes[1] in exported
    assert "XX-NOT-A-BOX" in exported and codes[2] not in exported  # another layer

    translations.apply("en")
    try:
        qtbot.waitUntil(
            lambda: window.views.tabText(window.views.indexOf(view)) == "Storage", timeout=3000
        )
        assert view.buttons["location"].text() == "New location…"
        assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Box"
        assert dialog.run_button.text() == "Run inventory"
        assert dialog.summary.text().startswith("Discrepancies")
        assert view.nodes[PLACE].text(0) == "Layer 4"
    finally:
        translations.apply("zh")
    qtbot.waitUntil(lambda: view.buttons["location"].text() == "新建位置…", timeout=3000)


def test_the_view_leaves_location_codes_and_the_database_to_the_core() -> None:
    """No session opened in the window and no location code taken apart or put together
    there: the tree's levels, what a node covers and a node's place come from custody."""
    import ast

    from tests.conftest import ROOT

    source = "\n".join(
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "ui" / "storage").glob("*.py"))
    )
    tree = ast.parse(source)
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module is not None
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not {m for m in imported if m.startswith(("sqlalchemy", "archivist.db"))}
    for opened in (".db.", "reading()", "writing()", "Session"):
        assert opened not in source, opened
    for parsed in ('.split("-")', '"-".join', 'endswith("层")', "[:-1]", "startswith(key"):
        assert parsed not in source, parsed


def test_the_tree_and_the_new_location_form_follow_the_core(qtbot: Any, window: Any) -> None:
    """A room with letters, shelves past 99: the tree, what each node holds and the new
    location form's starting place are the core's reading of the codes."""
    archive = window.archive
    locations.add_location(archive, "b2", 120, 3, 7)
    locations.add_location(archive, "B2", 120, 3, 8)
    box = boxes.create_box(archive, 2023, "SY", "D10").code
    code = locations.location_code("B2", 120, 3, 7)
    shelved = boxes.shelve(archive, box, code, "上架")
    view = open_view(qtbot, window)
    shelf = locations.Place("B2", 120).code
    assert shelf == "B2库-120架" and view.nodes[shelf].text(0) == "120架"
    assert view.nodes[shelf].text(1) == "1" and view.nodes[code].text(1) == "1"
    view.tree.setCurrentItem(view.nodes[shelf])
    assert [b.code for b in view.model.rows] == [box] and shelved.location == code
    view.tree.setCurrentItem(view.nodes[locations.location_code("B2", 120, 3, 8)])
    assert view.model.rows == []
    view.tree.setCurrentItem(view.nodes[shelf])
    view.new_location()
    dialog = view.dialog
    qtbot.addWidget(dialog)
    assert dialog.values() == ("B2", 120, 1, 1)


def test_boxes_shelved_together_are_one_change(qtbot: Any, window: Any) -> None:
    """上架/移架 of several boxes: one change, one audit event, every box at the place."""
    archive = window.archive
    locations.add_location(archive, "1", 3, 2, 4)
    codes = [boxes.create_box(archive, 2023, "SY", "D10").code for _ in range(2)]
    view = open_view(qtbot, window)
    view.tree.setCurrentItem(view.nodes[UNSHELVED])
    view.table.selectAll()
    assert view.selected_codes() == codes
    view.shelve_boxes()
    shelve = view.dialog
    shelve.choose(PLACE)
    shelve.reason.setText("整批上架")
    save(qtbot, window, shelve)
    assert audit_reasons(archive, "box.shelve") == ["整批上架"]
    assert [where.where(archive, box).location for box in codes] == [PLACE, PLACE]
    assert view.current_key == PLACE and view.selected_codes() == codes
