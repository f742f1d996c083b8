"""Use requests (issue 14): numbered without gaps, approved by someone else, refused where
the rules say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes.states import LoanState
from archivist.errors import AccessRefused, InputError, NotFound
from archivist.use.requests import Borrower, BorrowerKind, approve, create_request, refuse

from .conftest import ID_LI, PASSWORD, add_person, write_manifest


@pytest.fixture
def number(archive: Archive, tmp_path: Path) -> str:
    return capture_from_manifest(archive, write_manifest(tmp_path / "a")).number


def test_a_request_is_numbered_and_approved_by_someone_else(archive: Archive, number: str) -> None:
    first = create_request(
        archive, "lend", Borrower("李四", id_number=ID_LI), "核对待遇", items=[number]
    )
    second = create_request(archive, "consult", Borrower("李四"), "查阅", items=[number])
    assert first.number.endswith("-0001") and second.number.endswith("-0002")
    assert first.status is LoanState.REQUESTED and first.requested_by == "tester"
    with pytest.raises(AccessRefused) as own:
        approve(archive, first.number)
    assert own.value.code == "use.own_request"
    add_person(archive, "fuzeren", "head")
    archive.sign_in("fuzeren", PASSWORD)
    done = approve(archive, first.number)
    assert done.status is LoanState.APPROVED and done.decided_by == "fuzeren"
    refused = refuse(archive, second.number, "与业务无关")
    assert refused.status is LoanState.REFUSED and refused.refusal == "与业务无关"


def test_bad_requests_are_refused_and_nothing_is_numbered(archive: Archive, number: str) -> None:
    with pytest.raises(InputError) as empty:
        create_request(archive, "lend", Borrower("李四"), "核对")
    assert empty.value.code == "use.empty_selection"
    with pytest.raises(InputError) as bad_id:
        create_request(
            archive,
            "lend",
            Borrower("李四", id_number="110105198001010017"),
            "核对",
            items=[number],
        )
    assert bad_id.value.code == "id_number.invalid"
    with pytest.raises(NotFound):
        create_request(archive, "lend", Borrower("李四"), "核对", items=["2099-SY-000001"])
    with pytest.raises(InputError) as staff:
        create_request(
            archive,
            "lend",
            Borrower("", BorrowerKind.STAFF, account="nobody"),
            "核对",
            items=[number],
        )
    assert staff.value.code == "use.unknown_staff"
    made = create_request(archive, "lend", Borrower("李四"), "核对", items=[number])
    assert made.number.endswith("-0001")


def test_a_destroyed_or_transferred_record_cannot_be_requested_or_lent(
    archive: Archive, number: str, tmp_path: Path
) -> None:
    """Disposition and transfer (issues 15–) mark an item destroyed or transferred through
    the unit of work; here the same row state is set the same way."""
    from sqlalchemy import select

    from archivist.changes.actions import Action
    from archivist.changes.states import ItemState, move
    from archivist.db.models import Item

    other = capture_from_manifest(archive, write_manifest(tmp_path / "b")).number
    lend_first = create_request(archive, "lend", Borrower("李四"), "核对", items=[other])
    for gone, state in ((number, ItemState.DESTROYED), (other, ItemState.TRANSFERRED)):
        with archive.change(Action.ITEM_EDIT, f"item:{gone}", reason="测试：标记为已处置") as work:
            item = work.session.scalars(select(Item).where(Item.number == gone)).one()
            item.status = move(item.status, state, gone)
    for kind in ("consult", "lend", "copy"):
        with pytest.raises(InputError) as refused:
            create_request(archive, kind, Borrower("李四"), "核对", items=[number])
        assert refused.value.code == "use.gone"
    add_person(archive, "fuzeren", "head")
    archive.sign_in("fuzeren", PASSWORD)
    with pytest.raises(InputError) as at_approval:
        approve(archive, lend_first.number)
    assert at_approval.value.code == "use.gone"
