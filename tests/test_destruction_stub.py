"""What is left of a destroyed record (issue 15 point 5, archive-rules §11): a stub found
by its number, code and title — never the people named in it, their ID numbers, the
page text, its roster or its benefit events."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from archivist.archive import Archive
from archivist.db.models import BenefitEvent, Item, RosterEntry
from archivist.search.service import search

from .conftest import ID_ZHANG
from .test_destruction_execution import approved_register, capture, execute, group

__all__ = ["group"]  # the fixture, used by name


def test_the_index_keeps_only_the_stub(group: Archive, tmp_path: Path) -> None:
    archive = group
    gone = capture(archive, tmp_path / "gone")
    assert search(archive, ID_ZHANG)[0] == 1 and search(archive, "李四")[0] == 1  # before
    execute(archive, approved_register(archive, [gone]))
    assert search(archive, ID_ZHANG)[0] == 0
    assert search(archive, "李四")[0] == 0  # a person of the roster
    assert search(archive, "解除劳动合同证明")[0] == 0  # a material's title
    total, hits = search(archive, gone)
    assert total == 1 and hits[0].number == gone  # the stub is found by its number


def test_roster_and_benefit_events_go_with_the_record(group: Archive, tmp_path: Path) -> None:
    archive = group
    gone = capture(archive, tmp_path / "gone")
    kept = capture(archive, tmp_path / "kept", completed_on="2020-05-12")
    with archive.db.reading() as session:
        ids = {n: i for n, i in session.execute(select(Item.number, Item.id))}
        assert session.scalar(
            select(func.count()).select_from(RosterEntry).where(RosterEntry.item_id == ids[gone])
        )
    execute(archive, approved_register(archive, [gone]))
    with archive.db.reading() as session:
        for table in (RosterEntry, BenefitEvent):
            assert not session.scalar(
                select(func.count()).select_from(table).where(table.item_id == ids[gone])
            )
        assert session.scalar(
            select(func.count()).select_from(RosterEntry).where(RosterEntry.item_id == ids[kept])
        )


def test_the_stub_names_people_by_their_names(archive: Archive, tmp_path: Path) -> None:
    """The detail of a destroyed record says who approved and who supervised by the
    names people know them by, not their user names."""
    from archivist.access.item_detail import item_detail

    from .conftest import add_person

    for name, display, role in (
        ("zhang", "张组长", "head"),
        ("li", "李档案", "archivist"),
        ("wang", "王经办", "handler"),
    ):
        add_person(archive, name, "appraiser", role, display_name=display)
    gone = capture(archive, tmp_path / "gone")
    execute(archive, approved_register(archive, [gone]))
    shown = item_detail(archive, gone)["destroyed"]
    assert shown["approved_by"] == "张组长"
    assert shown["supervisors"] == ["李档案", "王经办"]
