"""ID numbers in the item detail by need (issue 13, point 6): in full for an archivist,
masked for an appraiser, who may reveal one with a reason (logged)."""

from __future__ import annotations

from typing import Any

import pytest

from archivist.access.item_detail import item_detail
from archivist.accounts import access_log
from archivist.accounts.access_log import AccessEntry
from archivist.archive import Archive
from archivist.rules.identity import mask_id_number
from ui import item_detail as item_detail_ui

from ..conftest import ID_ZHANG, add_person, sign_in


def reveals(archive: Archive) -> list[AccessEntry]:
    with archive.db.reading() as session:
        return access_log.query(session, kind="reveal")


def as_appraiser(window: Any) -> str:
    add_person(window.archive, "jianding", "appraiser")
    sign_in(window.archive, "jianding")
    number = str(window.current_number)
    window._show_number(number)
    return number


def test_an_archivist_sees_the_number_in_full_and_no_reveal(window: Any) -> None:
    detail = window.detail
    assert detail.view is not None
    assert ID_ZHANG in detail.fields["entity"].text()
    assert detail.reveal_row.isHidden()


def test_an_appraiser_sees_it_masked_and_reveals_it_with_a_reason(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = as_appraiser(window)
    detail = window.detail
    assert ID_ZHANG not in detail.fields["entity"].text()
    assert mask_id_number(ID_ZHANG) in detail.fields["entity"].text()
    assert not detail.reveal_row.isHidden() and detail.reveal.isEnabled()
    assert detail.reveal.text() == "显示完整号码…"
    asked: list[str] = []

    def ask(
        _parent: Any, title: str, change: str = "", text: str = "", prompt: str = ""
    ) -> str | None:
        asked.append(change)
        return None  # cancelled: nothing revealed, nothing logged

    monkeypatch.setattr(item_detail_ui, "ask_reason", ask)
    detail.reveal.click()
    assert asked and number in asked[0] and "访问日志" in asked[0]
    assert ID_ZHANG not in detail.fields["entity"].text() and reveals(window.archive) == []
    monkeypatch.setattr(item_detail_ui, "ask_reason", lambda *_a, **_k: "核对待遇申请")
    detail.reveal.click()
    assert ID_ZHANG in detail.fields["entity"].text()
    assert detail.reveal_row.isHidden()
    event = reveals(window.archive)[0]
    assert (event.user_name, event.target, event.detail) == (
        "jianding",
        f"item:{number}",
        {"reason": "核对待遇申请"},
    )
    # another item, or the same one shown again later: masked again
    window._show_number(number)
    assert ID_ZHANG not in detail.fields["entity"].text()


def test_without_the_reveal_right_the_button_is_disabled_and_says_why(window: Any) -> None:
    number = as_appraiser(window)
    view = item_detail(window.archive, number)
    view["id_numbers"] = {"masked": True, "may_reveal": False}
    window.detail.show_item(view)
    assert not window.detail.reveal_row.isHidden()
    assert not window.detail.reveal.isEnabled()
    assert "没有显示完整号码的权限" in window.detail.reveal.toolTip()
