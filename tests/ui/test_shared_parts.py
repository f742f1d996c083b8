"""The window's shared parts: the rows model under the views' tables, the change dialog
with its reason and problem line, and the hub that tells the views what changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QColor

from archivist.errors import InputError
from ui.change_dialog import ChangeDialog
from ui.changes_hub import HANDOVER_TABLES, STORAGE_TABLES, VOLUME_TABLES, ChangesHub, Touched
from ui.rows_model import RIGHT, Column, RowsModel

DISPLAY = Qt.ItemDataRole.DisplayRole


@dataclass(frozen=True)
class Shelf:
    code: str
    boxes: int
    full: bool


class ShelfModel(RowsModel):
    columns = (
        Column("code", QT_TRANSLATE_NOOP("ShelfModel", "架号"), lambda s: s.code),
        Column(
            "boxes",
            QT_TRANSLATE_NOOP("ShelfModel", "盒数"),
            lambda s: str(s.boxes),
            True,
            tooltip=lambda s: f"{s.boxes} boxes",
        ),
    )

    def key_of(self, row: Any) -> str:
        return str(row.code)

    def foreground(self, row: Any, column: Column) -> Any:
        return QColor("#888888") if row.full else None


def test_rows_model_gives_headings_cells_alignment_tooltips_and_colours(qapp: Any) -> None:
    model = ShelfModel()
    model.set_rows([Shelf("A-01", 3, False), Shelf("A-02", 12, True)])
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["架号", "盒数"]
    assert model.data(model.index(1, 0)) == "A-02"
    assert model.data(model.index(1, 1)) == "12"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "3 boxes"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "A-01"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) == QColor("#888888")
    assert model.row_of("A-02") == 1 and model.row_of("B-01") is None
    assert model.row(5) is None and model.data(model.index(5, 0)) is None
    heard: list[tuple[int, int]] = []
    model.headerDataChanged.connect(lambda _o, first, last: heard.append((first, last)))
    model.retranslate()
    assert heard == [(0, 1)]


def test_the_views_tables_are_rows_models(window: Any) -> None:
    assert isinstance(window.volumes.model, RowsModel)
    assert isinstance(window.volumes.items, RowsModel)
    assert isinstance(window.storage.model, RowsModel)
    assert isinstance(window.handover.model, RowsModel)


class _Refused(ChangeDialog):
    def __init__(self, window: Any, in_place: bool) -> None:
        super().__init__(window.archive, window.runner, window)
        self.refusal_in_place = in_place
        self._row("reason", self.reason)
        self.retranslate()

    def run(self, reason: str) -> str:
        raise InputError("reason.required")

    def retranslate(self) -> None:
        self.setWindowTitle("refused")
        self.retranslate_common()


def test_change_dialog_asks_a_reason_and_says_a_refusal_in_place_or_in_the_error_dialog(
    qtbot: Any, window: Any, shown_errors: list[tuple[str, str]]
) -> None:
    for in_place in (True, False):
        dialog = _Refused(window, in_place)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.save_button.isEnabled()
        assert dialog.problem.text() == "请填写理由"
        dialog.reason.setText("  为何  ")
        assert dialog.save_button.isEnabled() and not dialog.problem.isVisibleTo(dialog)
        before = len(shown_errors)
        dialog.save_button.click()
        qtbot.waitUntil(lambda d=dialog: not d.busy, timeout=20000)
        assert dialog.isVisible()  # stays open with what was typed
        assert dialog.reason.text() == "  为何  "
        if in_place:
            assert dialog.problem.text() and dialog.problem.isVisibleTo(dialog)
            assert len(shown_errors) == before
            dialog.changed_input()
            assert not dialog.problem.isVisibleTo(dialog)
        else:
            assert len(shown_errors) == before + 1
        dialog.close()


def test_hub_tells_a_follower_only_of_the_tables_it_shows_and_not_its_own_change(
    qapp: Any,
) -> None:
    hub = ChangesHub()
    view, other = QObject(), QObject()
    heard: list[str] = []
    hub.follow(view, {"boxes"}, lambda: heard.append("reload"))
    hub.announce({"handovers"}, source=other)
    assert heard == []
    hub.announce({"boxes", "box_items"}, source=view)  # its own: it has redrawn
    assert heard == []
    hub.announce({"boxes"}, source=other)
    assert heard == ["reload"]
    hub.announce_everything()
    assert heard == ["reload", "reload"]
    assert hub.last == Touched(everything=True)
    del view  # the follower gone: the hub goes on without it
    hub.announce({"boxes"})


def test_window_views_follow_the_hub(qtbot: Any, window: Any) -> None:
    hub = window.changes_hub
    assert window.views.currentIndex() == 0  # the items: the three views are hidden
    for view in (window.volumes, window.storage, window.handover):
        view._stale = False
    # a change made in the volumes view: storage (boxes hold volumes) and handover re-read
    hub.announce(VOLUME_TABLES, source=window.volumes)
    assert not window.volumes._stale
    assert window.storage._stale and window.handover._stale
    window.storage._stale = window.handover._stale = False
    # storage only: the volumes and handover views are left alone
    hub.announce(STORAGE_TABLES, source=window.storage)
    assert not window.volumes._stale and not window.handover._stale
    # a handover change touches the volumes' states
    hub.announce(HANDOVER_TABLES | VOLUME_TABLES, source=window.handover)
    assert window.volumes._stale and not window.handover._stale
    for view in (window.volumes, window.storage, window.handover):
        view._stale = False
    # the window's refresh (F5): everything
    window.refresh()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=20000)
    assert window.volumes._stale and window.storage._stale and window.handover._stale
