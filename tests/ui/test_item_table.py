"""The item table reads its ids on a worker thread: the window never waits for a sort
or a filter, and an answer to a query that has been replaced is dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archivist.access import browse
from archivist.archive import Archive
from ui.item_table import ItemTableModel
from ui.tasks import TaskRunner

from ..conftest import ID_LI
from .conftest import capture_sample


def _two_items(archive: Archive, tmp_path: Path) -> tuple[str, str]:
    first = capture_sample(archive, tmp_path / "a")
    second = capture_sample(
        archive,
        tmp_path / "b",
        completed_on="2022-03-04",
        title="李四失业保险金申领",
        entity={"kind": "person", "name": "李四", "id_number": ID_LI},
        roster=["李四"],
        materials=[{"file": "a.pdf", "role": "form", "title": "登记表"}],
    )
    return first, second


def test_ids_are_read_off_the_ui_thread_and_stale_answers_dropped(
    qtbot: Any, archive: Archive, tmp_path: Path
) -> None:
    _two_items(archive, tmp_path)
    runner = TaskRunner()
    model = ItemTableModel(archive, runner=runner)
    loads: list[int] = []
    model.loaded.connect(lambda: loads.append(model.rowCount()))
    model.reload()
    assert model.loading and model.rowCount() == 0  # nothing read on this thread yet
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10000)
    assert not model.loading and model.rowCount() == 2 and loads == [2]
    # two queries one after the other: only the last one's ids are taken
    model.set_query(browse.ItemQuery(text="不存在"))
    model.set_query(browse.ItemQuery(text="李四"))
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10000)
    assert loads == [2, 1]
    row = model.item(0)
    assert row is not None and row.entity_name == "李四"
    # without a runner (the command line, scripts) the ids are read at once
    direct = ItemTableModel(archive)
    direct.reload()
    assert direct.rowCount() == 2 and not direct.loading


def test_opening_an_item_outside_the_scope_while_the_table_loads(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    first = window.model.item(0).number
    _, second = _two_items(window.archive, tmp_path)
    classes = window.nav.root
    window.nav.expandItem(classes.child(0))
    year_2023 = next(
        classes.child(0).child(i)
        for i in range(classes.child(0).childCount())
        if classes.child(0).child(i).text(0) == "2023年"
    )
    window.nav.setCurrentItem(year_2023)  # the table starts reading 2023's items
    assert window.model.loading
    window.select_item(second, page=1)  # a 2022 item: shown at once, selected when in
    assert window.detail.heading.text().startswith(second)
    qtbot.waitUntil(lambda: not window.runner.busy() and not window.model.loading, timeout=10000)
    assert window.model.rowCount() == 3  # the whole archive, to show it in the table
    row = window.table.currentIndex().row()
    assert window.model.item(row).number == second
    assert window.detail.heading.text().startswith(second)
    assert first != second
