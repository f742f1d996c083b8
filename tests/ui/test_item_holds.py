"""The item detail's 保全 line: the holds on the item or its volume, placed or lifted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archivist.access.item_detail import item_detail
from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.disposition.holds import lift_hold, place_hold
from ui.item_detail import ItemDetail

from ..conftest import write_manifest


def test_the_detail_lists_the_holds(qtbot: Any, archive: Archive, tmp_path: Path) -> None:
    number = capture_from_manifest(archive, write_manifest(tmp_path / "drop")).number
    detail = ItemDetail(archive=archive)
    qtbot.addWidget(detail)
    detail.show_item(item_detail(archive, number))
    assert detail.holds_value.isHidden()  # no holds yet
    assert detail.holds_label.text() == "保全："
    [hold] = place_hold(archive, items=[number], kind="litigation", reason="行政诉讼待判")
    detail.show_item(item_detail(archive, number))
    assert not detail.holds_value.isHidden()
    assert detail.holds_value.text() == f"{hold.number}　诉讼　行政诉讼待判　保全中"
    lift_hold(archive, hold.number, "已判决")
    detail.show_item(item_detail(archive, number))
    assert detail.holds_value.text().endswith("已解除（已判决）")
