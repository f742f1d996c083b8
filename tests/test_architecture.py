"""The core stays Qt-free and each third-party library lives in one core module."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from .conftest import ROOT

CORE = ROOT / "archivist"
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "shiboken2")
# library -> the one core module allowed to import it
OWNERS = {
    "pikepdf": "archivist/pdf.py",
    "PIL": "archivist/images.py",
    "reportlab": "archivist/typeset.py",
    "pytesseract": "archivist/ocr/engine.py",
    "whoosh": "archivist/search/whoosh_index.py",
    "tantivy": "archivist/search/tantivy_index.py",
    "docx": "archivist/reports/writer.py",
    "openpyxl": "archivist/reports/sheets.py",
    "pypdfium2": "archivist/render.py",
    "rapidocr": "archivist/ocr/rapid.py",
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_source_never_imports_qt() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in CORE.rglob("*.py")
        if imported_modules(path) & set(QT)
    ]
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt() -> None:
    script = (
        "import importlib, pkgutil, sys, archivist\n"
        "for m in pkgutil.walk_packages(archivist.__path__, 'archivist.'):\n"
        "    if '.migrations' in m.name or m.name.endswith('__main__'): continue\n"
        "    importlib.import_module(m.name)\n"
        f"bad = [n for n in sys.modules if n.split('.')[0] in {QT!r}]\n"
        "print(len(sys.modules)); raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr


def test_each_library_is_imported_in_one_core_module() -> None:
    users: dict[str, set[str]] = defaultdict(set)
    for path in CORE.rglob("*.py"):
        for name in imported_modules(path) & set(OWNERS):
            users[name].add(path.relative_to(ROOT).as_posix())
    for name, modules in users.items():
        assert modules == {OWNERS[name]}, f"{name} imported in {sorted(modules)}"
