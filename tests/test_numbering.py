"""Numbers are per year and class, gap-free, unique under concurrency, and stable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.arrangement.items import ItemFilter, list_items
from archivist.capture.pipeline import capture_from_manifest
from archivist.errors import InputError
from archivist.integrity.verify import verify
from archivist.rules.numbering import CodeParts, archival_code, item_number, validate_template

from .conftest import PASSWORD, ROOT, cli_init, open_archive, run_cli, write_manifest


def test_default_archival_code_follows_da_t_13() -> None:
    parts = CodeParts(
        fonds="J023", category="SB", year=2023, retention="D10", klass="SY", serial=127
    )
    assert archival_code(
        validate_template("{fonds}-{category}·{year}-{retention}-{klass}-{serial:04d}"), parts
    ) == ("J023-SB·2023-D10-SY-0127")
    assert item_number(2023, "SY", 127) == "2023-SY-000127"


@pytest.mark.parametrize(
    "template", ["{fonds}-{year}-{klass}", "{fonds}-{bogus}-{serial}", "{serial:Q}{year}{klass}"]
)
def test_templates_that_cannot_number_are_refused(template: str) -> None:
    with pytest.raises(InputError):
        validate_template(template)


def test_serials_run_per_year_and_class(archive: Archive, tmp_path: Path) -> None:
    numbers = [
        capture_from_manifest(
            archive, write_manifest(tmp_path / "a", completed_on="2023-05-12")
        ).number,
        capture_from_manifest(
            archive, write_manifest(tmp_path / "b", completed_on="2023-06-01")
        ).number,
        capture_from_manifest(
            archive, write_manifest(tmp_path / "c", completed_on="2022-12-31")
        ).number,
        capture_from_manifest(
            archive, write_manifest(tmp_path / "d", **{"class": "GS", "business_type": "工伤认定"})
        ).number,
    ]
    assert numbers == ["2023-SY-000001", "2023-SY-000002", "2022-SY-000001", "2023-GS-000001"]
    codes = [row.archival_code for row in list_items(archive, ItemFilter())]
    assert "J023-SB·2023-D50-GS-0001" in codes


def test_configured_template_is_used(archive: Archive, tmp_path: Path) -> None:
    archive.sign_in("admin", PASSWORD)
    archive.set_setting(
        "archival_code_template", "{fonds}·{year}·{klass}·{serial:05d}", reason="本馆规定"
    )
    archive.sign_in("tester", PASSWORD)
    result = capture_from_manifest(archive, write_manifest(tmp_path / "a"))
    assert result.archival_code == "J023·2023·SY·00001"


CAPTURE_MANY = """
import sys
from pathlib import Path
from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
archive = Archive.open(Path(sys.argv[1]))
archive.sign_in("tester", sys.argv[2])
for manifest in sys.argv[3:]:
    print(capture_from_manifest(archive, Path(manifest)).number, flush=True)
archive.close()
"""


def test_two_processes_capturing_at_once_get_unique_gap_free_numbers(tmp_path: Path) -> None:
    archive_dir = tmp_path / "archive"
    cli_init(archive_dir, "J1", "测试")
    per_process = 12
    batches = [
        [str(write_manifest(tmp_path / f"p{p}-{i}")) for i in range(per_process)] for p in range(2)
    ]
    env = dict(os.environ)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CAPTURE_MANY, str(archive_dir), PASSWORD, *batch],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for batch in batches
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outputs]
    numbers = [line for out, _ in outputs for line in out.split()]
    assert len(numbers) == len(set(numbers)) == 2 * per_process
    assert sorted(numbers) == [f"2023-SY-{n:06d}" for n in range(1, 2 * per_process + 1)]
    with open_archive(archive_dir) as archive:
        report = verify(archive)
        assert report.ok, [f.message() for f in report.findings]


def test_item_list_filters(archive: Archive, tmp_path: Path) -> None:
    capture_from_manifest(archive, write_manifest(tmp_path / "a", completed_on="2021-03-01"))
    capture_from_manifest(
        archive,
        write_manifest(
            tmp_path / "b",
            entity={"kind": "person", "name": "李四", "id_number": "110105198001010016"},
            roster=["李四", "张三"],
        ),
    )
    assert len(list_items(archive, ItemFilter(year=2021))) == 1
    assert len(list_items(archive, ItemFilter(class_code="sy"))) == 2
    assert [r.entity_name for r in list_items(archive, ItemFilter(entity="李"))] == ["李四"]
    out = run_cli(
        "--archive", str(archive.root), "item", "list", "--year", "2023", "--json", check=True
    )
    assert [row["number"] for row in json.loads(out.stdout)] == ["2023-SY-000001"]


def test_a_counter_pushed_far_ahead_is_one_gap_not_a_billion(
    archive: Archive, tmp_path: Path
) -> None:
    """A counter tampered up to 10**9 is reported as one run of missing serials, at
    once, with the recorded vacancies taken out."""
    import sqlite3

    capture_from_manifest(archive, write_manifest(tmp_path / "one"))
    archive.db.dispose()
    with sqlite3.connect(archive.layout.database) as conn:
        conn.execute("UPDATE number_counters SET last_serial = 1000000000")
        year, class_id = conn.execute("SELECT year, class_id FROM number_counters").fetchone()
        conn.execute(
            "INSERT INTO number_vacancies (year, class_id, serial, number, reason) "
            "VALUES (?, ?, 5, 'x', '测试')",
            (year, class_id),
        )
    gaps = [f.params["serials"] for f in verify(archive).findings if f.code == "verify.gap"]
    assert gaps == ["2-4,6-1000000000"]
