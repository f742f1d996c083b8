"""The unit of work: one transaction, one audit event, the reason rule, the rights hook,
what changed, and the search index brought in step after the commit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes import states
from archivist.changes.actions import BY_CODE, Action, action_named
from archivist.db.models import AuditEvent, Item, Setting
from archivist.errors import InputError
from archivist.search.service import search

from .conftest import write_manifest


def events(archive: Archive) -> list[AuditEvent]:
    with archive.db.reading() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def setting(archive: Archive, key: str) -> str | None:
    with archive.db.reading() as session:
        row = session.get(Setting, key)
        return row.value if row else None


def test_one_change_is_one_transaction_and_one_event(archive: Archive) -> None:
    before = len(events(archive))
    with archive.change(Action.VOLUME_TITLE, "settings:demo", reason="  试一试  ") as work:
        work.session.add(Setting(key="demo", value="1"))
        work.before, work.after = None, {"demo": "1"}
    trail = events(archive)
    assert len(trail) == before + 1
    event = trail[-1]
    assert (event.action, event.target, event.reason) == (
        "volume.title",
        "settings:demo",
        "试一试",
    )
    assert event.actor == "tester" and event.after == {"demo": "1"}
    assert work.changes is not None and work.changes.seq == event.seq
    assert work.changes.touched("settings") and not work.changes.items
    assert setting(archive, "demo") == "1"


def test_a_missing_reason_is_refused_before_anything_is_written(archive: Archive) -> None:
    before = len(events(archive))
    for reason in (None, "", "   "):
        with (
            pytest.raises(InputError) as info,
            archive.change(Action.VOLUME_TITLE, "settings:demo", reason=reason) as work,
        ):
            work.session.add(Setting(key="demo", value="1"))
        assert info.value.code == "reason.required"
    assert len(events(archive)) == before and setting(archive, "demo") is None
    # an action that needs no reason goes through without one
    with archive.change(Action.LOCATION_ADD, "location:test") as work:
        work.session.add(Setting(key="demo", value="2"))
    assert events(archive)[-1].reason == ""


def test_a_failure_inside_leaves_no_row_and_no_event(archive: Archive) -> None:
    before = len(events(archive))
    with (
        pytest.raises(RuntimeError),
        archive.change(Action.VOLUME_TITLE, "settings:demo", reason="r") as work,
    ):
        work.session.add(Setting(key="demo", value="1"))
        work.session.flush()
        raise RuntimeError("half-way")
    assert len(events(archive)) == before and setting(archive, "demo") is None


def test_the_rights_check_comes_first_and_nothing_is_written(archive: Archive) -> None:
    """A person whose roles lack the action's right is refused before the reason is
    looked at and before any transaction; the refusal is in the access log."""
    from archivist.errors import AccessRefused

    from .conftest import PASSWORD, add_person

    add_person(archive, "jianding", "appraiser")
    archive.sign_in("jianding", PASSWORD)
    with (
        pytest.raises(AccessRefused) as refused,
        archive.change(Action.SETTINGS_EDIT, "settings:x", reason="") as work,
    ):
        work.session.add(Setting(key="demo", value="1"))
    assert refused.value.code == "rights.refused" and setting(archive, "demo") is None


def test_items_touched_are_reported_and_indexed_after_the_commit(
    archive: Archive, tmp_path: Path
) -> None:
    number = capture_from_manifest(archive, write_manifest(tmp_path / "drop")).number
    with archive.db.reading() as session:
        item_id = session.scalar(select(Item.id).where(Item.number == number))
    assert search(archive, "鸿雁传书")[0] == 0
    with archive.change(Action.ITEM_EDIT, f"item:{number}", reason="题名更正") as work:
        item = work.session.get(Item, item_id)
        assert item is not None
        work.before, item.title = {"title": item.title}, "鸿雁传书的申领"
        work.after = {"title": item.title}
    assert work.changes is not None
    assert work.changes.items == frozenset({item_id}) and work.changes.touched("items")
    assert [hit.number for hit in search(archive, "鸿雁传书")[1]] == [number]


def test_every_action_is_named_once_as_stage_dot_verb() -> None:
    codes = [action.code for action in Action]
    assert len(codes) == len(set(codes)) == len(BY_CODE)
    assert all(re.fullmatch(r"[a-z_]+\.[a-z_]+", code) for code in codes)
    assert action_named("volume.title") is Action.VOLUME_TITLE
    assert Action.SETTINGS_EDIT.needs_reason and not Action.ITEM_CAPTURE.needs_reason


def test_every_event_the_product_writes_names_a_registered_action(archive: Archive) -> None:
    with archive.db.reading() as session:
        names = set(session.scalars(select(AuditEvent.action).distinct()))
        assert session.scalar(select(func.count()).select_from(AuditEvent))
    assert names and names <= set(BY_CODE)


def test_states_move_only_along_allowed_transitions() -> None:
    volume = states.VolumeState
    assert states.move("open", volume.HANDED_OVER, "J023-SY-001") is volume.HANDED_OVER
    assert states.move("returned", volume.OPEN, "J023-SY-001") is volume.OPEN
    for current, target in (
        ("handed_over", volume.OPEN),
        ("dissolved", volume.OPEN),
        ("handed_over", volume.DISSOLVED),
    ):
        with pytest.raises(InputError) as info:
            states.move(current, target, "J023-SY-001")
        assert info.value.code == "state.not_allowed"
        assert "J023-SY-001" in info.value.message()
    handover = states.HandoverState
    assert states.allowed(handover.CHECKED, handover.SIGNED)
    assert not states.allowed(handover.DRAFT, handover.SIGNED)
    assert not states.allowed(handover.SIGNED, handover.DRAFT)
    assert states.frozen("handed_over") and not states.frozen("open") and not states.frozen(None)
    # every state of every machine has its row of allowed moves
    for machine, table in states.TRANSITIONS.items():
        assert set(table) == set(machine)


def test_a_change_that_changes_nothing_writes_nothing(archive: Archive) -> None:
    before = len(events(archive))
    with archive.change(Action.VOLUME_TITLE, "settings:demo", reason="r") as work:
        work.session.add(Setting(key="demo", value="1"))
        work.session.flush()
        work.nothing_changed()
    assert work.changes is None
    assert len(events(archive)) == before and setting(archive, "demo") is None
