"""Volumes built, items added, removed and moved, a volume retitled: the archive still
verifies clean with replay (the flow is test_volumes', on its own copy of the archive)."""

from __future__ import annotations

from archivist.archive import Archive
from archivist.integrity.verify import verify

from .test_volumes import archive, filed, template  # noqa: F401  (fixtures)
from .test_volumes import test_a_corrected_date_puts_the_item_back_in_time_order as redate_flow
from .test_volumes import test_add_remove_move_within_year_and_class_audited as volume_flow


def test_volume_changes_replay_clean(archive: Archive, filed: dict[str, str]) -> None:  # noqa: F811
    volume_flow(archive, filed)
    report = verify(archive)
    assert report.events_replayed > 0
    assert report.ok, [f.message() for f in report.findings]


def test_an_item_edit_inside_a_volume_replays_clean(
    archive: Archive,  # noqa: F811
    filed: dict[str, str],  # noqa: F811
) -> None:
    redate_flow(archive, filed)
    report = verify(archive)
    assert report.ok, [f.message() for f in report.findings]
