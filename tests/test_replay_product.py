"""A clean archive verifies clean, replay included, after every kind of change the
product makes: each flow below is another module's test, run here and then verified."""

from __future__ import annotations

from pathlib import Path

from archivist.archive import Archive
from archivist.demo.accounts import DEMO_PASSWORD, DEMO_SIGN_IN
from archivist.demo.build import build_demo
from archivist.integrity.verify import verify

from .conftest import sign_in
from .test_appraisal import records  # noqa: F401  (fixture)
from .test_appraisal import test_opinions_and_signatures as appraisal_flow
from .test_handover import test_clean_volumes_pass_and_the_signed_record_freezes_them as handover
from .test_handover import vols  # noqa: F401  (fixture)
from .test_holds import test_lift_with_reason_once as hold_flow
from .test_use_lending import (
    _head,  # noqa: F401  (autouse fixture: a head to approve)
    numbers,  # noqa: F401  (fixture)
)
from .test_use_lending import test_a_loan_goes_out_comes_back_in_part_then_in_full as loan_flow
from .test_use_lending import (
    test_overdue_as_of_a_date_and_an_extension_approved_by_someone_else as extension_flow,
)


def clean(archive: Archive) -> None:
    sign_in(archive, "tester")
    report = verify(archive)
    assert report.events_replayed > 0
    assert report.ok, [f.message() for f in report.findings]


def test_capture_volumes_boxes_and_shelves(tmp_path: Path) -> None:
    build_demo(tmp_path / "demo", items=12, seed=5)
    with Archive.open(tmp_path / "demo") as archive:
        archive.sign_in(DEMO_SIGN_IN, DEMO_PASSWORD)
        report = verify(archive)
        assert report.events_replayed > 0
        assert report.ok, [f.message() for f in report.findings]


def test_handover(archive: Archive, vols: dict[str, str]) -> None:  # noqa: F811
    handover(archive, vols)
    clean(archive)


def test_loans_and_extensions(archive: Archive, numbers: list[str]) -> None:  # noqa: F811
    loan_flow(archive, numbers)
    clean(archive)
    extension_flow(archive, numbers)
    clean(archive)


def test_holds(archive: Archive, tmp_path: Path) -> None:
    hold_flow(archive, tmp_path)
    clean(archive)


def test_appraisal(archive: Archive, records: dict[str, str]) -> None:  # noqa: F811
    appraisal_flow(archive, records)
    clean(archive)
