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
