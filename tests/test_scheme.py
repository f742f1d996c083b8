"""The classification scheme is built from the retention schedule and edited under audit."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from archivist.archive import Archive
from archivist.changes import audit
from archivist.resources import resource
from archivist.rules import scheme

from .conftest import ROOT, run_cli

SCHEDULE = ROOT.parent / "shared" / "spec" / "retention-schedule.csv"


def test_shipped_scheme_keeps_every_fact_of_the_schedule() -> None:
    data = json.loads(resource("classification.json").read_text(encoding="utf-8"))
    classes = {c["code"]: c for c in data["classes"]}
    rows = list(csv.DictReader(SCHEDULE.open(encoding="utf-8"))) if SCHEDULE.exists() else []
    for row in rows:
        klass = classes[row["suggested_code"]]
        if row["confidence"] == "NOT FOUND":
            assert klass["status"] == "not_found" and klass["business_types"] == []
            continue
        item = f"{row['suggested_code']}-{row['item']}"
        matching = [bt for bt in klass["business_types"] if bt["schedule_item"] == item]
        assert matching and all(bt["retention"] == row["period"] for bt in matching)
        assert matching[0]["confidence"] == row["confidence"]
    assert classes["ZJ"]["default_retention"] is None
    assert classes["SY"]["default_retention"] == "D10"


def test_scheme_edits_are_audited(archive: Archive) -> None:
    scheme.set_retention(archive, "ZJ", "D30", reason="本省规定")
    scheme.add_type(archive, "ZJ", "缴费基数核定", "D30", reason="本省规定")
    scheme.set_retention(
        archive,
        "GL",
        "Y",
        business_type="参保人员登记",
        reason="北京做法：永久",
    )
    with archive.db.reading() as session:
        described = {c["code"]: c for c in scheme.describe(session)}
        assert described["ZJ"]["default_retention"] == "D30"
        assert described["ZJ"]["status"] == "ok"
        gl = {bt["name"]: bt["retention"] for bt in described["GL"]["business_types"]}
        assert gl["参保人员登记"] == "Y"
        events = audit.history(session, "business_type:GL/参保人员登记")
        assert events[-1]["before"] == {"retention": "D100"} and events[-1]["after"] == {
            "retention": "Y"
        }
        assert events[-1]["actor"] == "tester" and events[-1]["reason"] == "北京做法：永久"


def test_scheme_cli(archive: Archive) -> None:
    listed = run_cli("--archive", str(archive.root), "scheme", "list", "--json", check=True)
    assert any(c["code"] == "SYU" for c in json.loads(listed.stdout))
    refused = run_cli(
        "--archive", str(archive.root), "scheme", "set-retention", "SY", "D7x", "--reason", "x"
    )
    assert refused.returncode == 1 and "保管期限无效" in refused.stderr
    run_cli(
        "--archive",
        str(archive.root),
        "scheme",
        "add-type",
        "YL",
        "基本养老金核定",
        "--retention",
        "Y",
        "--reason",
        "本机构补充",
        check=True,
    )


def test_build_script_reproduces_the_shipped_file(tmp_path: Path) -> None:
    if not SCHEDULE.exists():
        return
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_classification", ROOT / "scripts" / "build_classification.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(SCHEDULE)
    shipped = json.loads(resource("classification.json").read_text(encoding="utf-8"))
    assert built == shipped
