"""The OCR queue's states are the enums of archivist.changes.states, and its own writes (and
the search service's note pruning) go through one named derived-write helper each."""

from __future__ import annotations

import ast
from pathlib import Path

from archivist.archive import Archive
from archivist.changes.states import OcrJobState
from archivist.db.models import OcrJob
from archivist.ocr.queue import _plan, _reset_stale, retry_failed

from .conftest import ROOT, write_manifest

BARE_STATES = {"pending", "running", "done", "failed"}
# module -> the one function allowed to open a write transaction of its own
DERIVED_WRITES = {
    "archivist/ocr/queue.py": "_derived_write",
    "archivist/search/service.py": "_derived_write",
}


def _writing_calls(path: Path) -> list[str]:
    """Names of the functions in `path` that call `<something>.db.writing()`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "writing"
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "db"
            ):
                found.append(func.name)
    return found


def test_derived_writes_are_opened_in_their_named_helper_only() -> None:
    for module, helper in DERIVED_WRITES.items():
        calls = _writing_calls(ROOT / module)
        assert calls == [helper], f"{module} opens write transactions in {calls}"
        source = (ROOT / module).read_text(encoding="utf-8")
        tree = ast.parse(source)
        defined = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == helper]
        assert defined and "unit of work" in (ast.get_docstring(defined[0]) or "")


def test_the_queue_names_no_bare_state() -> None:
    tree = ast.parse((ROOT / "archivist/ocr/queue.py").read_text(encoding="utf-8"))
    bare = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in BARE_STATES
    ]
    assert bare == []


def test_a_job_moves_through_its_states(archive: Archive, tmp_path: Path) -> None:
    from archivist.capture.pipeline import capture_from_manifest

    capture_from_manifest(archive, write_manifest(tmp_path / "drop"))
    with archive.db.reading() as session:
        states = {job.status for job in session.query(OcrJob)}
    assert states == {OcrJobState.PENDING}
    assert _plan(archive, None)
    with archive.db.reading() as session:
        assert {job.status for job in session.query(OcrJob)} == {OcrJobState.RUNNING}
    _reset_stale(archive)  # the runner died: its jobs wait again
    with archive.db.reading() as session:
        assert {job.status for job in session.query(OcrJob)} == {OcrJobState.PENDING}
    assert retry_failed(archive) == 0
