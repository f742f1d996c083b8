"""Capture, items, the scheme and the archive's settings change the archive only through
the unit of work: one change, one audit event, the reason rule of the action registry,
the search index brought in step by the unit of work (issue 12)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlalchemy import select

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest, recognise_item
from archivist.db.models import AuditEvent
from archivist.errors import InputError
from archivist.rules import scheme
from archivist.search.service import indexing_batch, search
from archivist.settings import set_preference

from .conftest import PASSWORD, ROOT, init_archive, render_text_page, sign_in, write_manifest

CONVERTED = [
    "archivist/arrangement/items.py",
    "archivist/capture/pipeline.py",
    "archivist/rules/scheme.py",
    "archivist/archive.py",
    "ui/scheme_editor.py",
    "ui/settings_dialog.py",
]


def events(archive: Archive) -> list[AuditEvent]:
    with archive.db.reading() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def _calls(path: Path) -> list[str]:
    """Dotted names of every call and attribute access in a module, e.g. `audit.record`."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute):
            parts = [node.attr]
            value = node.value
            while isinstance(value, ast.Attribute):
                parts.append(value.attr)
                value = value.value
            if isinstance(value, ast.Name):
                parts.append(value.id)
            found.append(".".join(reversed(parts)))
        elif isinstance(node, ast.Name):
            found.append(node.id)
    return found


@pytest.mark.parametrize("module", CONVERTED)
def test_writes_go_only_through_the_unit_of_work(module: str) -> None:
    path = ROOT / module
    names = _calls(path)
    text = path.read_text(encoding="utf-8")
    assert not [n for n in names if n.endswith("audit.record")], "audit.record by hand"
    assert not [n for n in names if n.endswith(".writing")], "a write transaction by hand"
    assert "refresh_items" not in text or "index_batch" in text, "index wired by hand"
    assert "actor or archive.actor" not in text and "actor or self.archive.actor" not in text
    assert '"reason.required"' not in text, "the reason rule written by hand"
    if module.startswith("ui/"):
        # the window opens no database session at all
        assert not [n for n in names if n.endswith(".reading") or n.endswith(".db")]


def test_one_guard_for_frozen_items() -> None:
    text = (ROOT / "archivist/arrangement/items.py").read_text(encoding="utf-8")
    assert "states.frozen(" in text and '"handed_over"' not in text


def test_a_new_archive_is_one_change(tmp_path: Path) -> None:
    with init_archive(tmp_path / "a") as archive:
        trail = events(archive)
    assert [(e.action, e.target, e.actor) for e in trail[:2]] == [
        ("archive.init", "archive", "admin"),
        ("accounts.setup", "accounts", "admin"),
    ]
    after = trail[0].after
    assert after["fonds_code"] == "J023" and after["settings"]["category_code"] == "SB"
    assert "SY" in after["scheme"]["classes"]


def test_settings_changed_together_are_one_event_with_a_reason(archive: Archive) -> None:
    archive.sign_in("admin", PASSWORD)
    before = len(events(archive))
    with pytest.raises(InputError) as info:
        archive.edit_settings({"category_code": "SX"}, reason="  ")
    assert info.value.code == "reason.required" and archive.setting("category_code") == "SB"
    with pytest.raises(InputError) as info:
        archive.edit_settings({"category_code": " "}, reason="本馆门类代码")
    assert info.value.code == "settings.empty"
    template = "{fonds}-{year}-{klass}-{serial:05d}"
    done = archive.edit_settings(
        {"category_code": "SX", "archival_code_template": template}, reason="本馆规则"
    )
    assert done.touched("settings")
    trail = events(archive)[before:]
    assert len(trail) == 1 and trail[0].action == "settings.edit"
    assert trail[0].after == {"category_code": "SX", "archival_code_template": template}
    assert trail[0].before["category_code"] == "SB" and trail[0].reason == "本馆规则"
    assert archive.setting("archival_code_template") == template
    # one key keeps its target of today
    archive.set_setting("category_code", "SB", "改回")
    assert events(archive)[-1].target == "setting:category_code"


def test_scheme_changes_take_the_archive_and_its_unit_of_work(archive: Archive) -> None:
    before = len(events(archive))
    with pytest.raises(InputError) as info:
        scheme.set_retention(archive, "ZJ", "D30", reason=" ")
    assert info.value.code == "reason.required" and len(events(archive)) == before
    done = scheme.set_retention(archive, "ZJ", "D30", reason="本省规定")
    assert done.target == "class:ZJ" and done.touched("archive_classes")
    added = scheme.add_type(archive, "ZJ", "缴费基数核定", "D30", reason="本省规定")
    assert added.target == "business_type:ZJ/缴费基数核定"
    scheme.set_retention(archive, "GL", "Y", business_type="参保人员登记", reason="北京做法：永久")
    trail = events(archive)[before:]
    assert [(e.action, e.actor) for e in trail] == [
        ("scheme.edit", "tester"),
        ("scheme.add", "tester"),
        ("scheme.edit", "tester"),
    ]
    assert trail[-1].before == {"retention": "D100"} and trail[-1].after == {"retention": "Y"}


def test_captures_in_a_batch_are_indexed_at_its_end(archive: Archive, tmp_path: Path) -> None:
    search(archive, "失业")  # the index exists and is checked in this process
    with indexing_batch(archive):
        first = capture_from_manifest(archive, write_manifest(tmp_path / "a", title="甲乙丙审核"))
        second = capture_from_manifest(
            archive, write_manifest(tmp_path / "b", title="丁戊己审核", completed_on="2024-03-02")
        )
    _total, hits = search(archive, "审核")
    assert {first.number, second.number} <= {hit.number for hit in hits}


def test_preferences_are_parsed_in_the_core() -> None:
    from archivist.preferences import Preferences

    prefs = Preferences.load()
    set_preference(prefs, "ocr_cleanup", " OFF ")
    assert prefs.ocr_cleanup is False
    with pytest.raises(InputError) as info:
        set_preference(prefs, "ocr_cleanup", "maybe")
    assert info.value.code == "settings.not_a_switch"
    with pytest.raises(InputError) as info:
        set_preference(prefs, "search_engine", "x")
    assert info.value.code == "settings.unknown"


def test_capture_then_recognise_now_is_a_core_function(archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    page = render_text_page(tmp_path / "in" / "form.png", ["失业保险金申领登记表"] * 4)
    manifest = write_manifest(
        tmp_path / "in",
        materials=[{"file": page.name, "role": "form", "title": "失业保险金申领登记表"}],
    )
    result = capture_from_manifest(archive, manifest)
    report = recognise_item(archive, result.number)
    assert report.pages_done == 1 and report.pages_failed == 0


def test_settings_command_refuses_unknown_names_and_a_missing_reason(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    from archivist.cli import main

    at = ["--archive", str(archive.root)]
    sign_in(archive, "admin")
    archive.close()
    assert main([*at, "settings", "bogus"]) == 1  # was an internal error (KeyError)
    assert "未知的设置项：bogus" in capsys.readouterr().err
    assert main([*at, "settings", "category_code", "SX"]) == 1
    assert "必须填写理由" in capsys.readouterr().err
    assert main([*at, "settings", "category_code", "SX", "--reason", "本馆代码"]) == 0
    assert main([*at, "settings", "category_code"]) == 0
    assert capsys.readouterr().out.strip().endswith("category_code = SX")


def test_capture_with_ocr_now_from_the_command_line(
    archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from archivist.cli import main
    from archivist.ocr.queue import queue_status

    (tmp_path / "in").mkdir()
    page = render_text_page(tmp_path / "in" / "form.png", ["失业保险金申领登记表"] * 4)
    manifest = write_manifest(
        tmp_path / "in",
        materials=[{"file": page.name, "role": "form", "title": "失业保险金申领登记表"}],
    )
    at = ["--archive", str(archive.root)]
    assert main([*at, "capture", "--manifest", str(manifest), "--ocr", "now"]) == 0
    number = capsys.readouterr().out.strip()
    status = queue_status(archive)
    assert number == "2023-SY-000001"
    assert status["pages_done"] == 1 and status["pages_failed"] == 0
