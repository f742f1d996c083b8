"""`archivist demo` builds a realistic archive through the real capture pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from archivist.archive import Archive
from archivist.arrangement.check import check
from archivist.demo.accounts import DEMO_PASSWORD, DEMO_SIGN_IN
from archivist.demo.build import build_demo
from archivist.integrity.verify import verify

from .conftest import run_cli


def test_demo_archive_is_valid_and_varied(tmp_path: Path) -> None:
    summary = build_demo(tmp_path / "demo", items=16, seed=11)
    assert summary["items"] == 16
    assert len(summary["by_class"]) >= 4
    assert summary["pages"] > 16
    with Archive.open(tmp_path / "demo") as archive:
        archive.sign_in(DEMO_SIGN_IN, DEMO_PASSWORD)
        assert verify(archive).ok
        report = check(archive)
        assert report.ok, [f.message() for f in report.findings]
        media = {p.suffix for p in archive.layout.files.rglob("*") if p.is_file()}
        assert {".pdf", ".jpg"} <= media


def test_demo_command_prints_a_summary(tmp_path: Path) -> None:
    out = run_cli("--archive", str(tmp_path / "demo"), "demo", "--items", "8", "--json", check=True)
    data = json.loads(out.stdout)
    assert data["items"] == 8 and data["fonds"]["code"] == "J023"
