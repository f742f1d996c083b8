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
    "pikepdf": "archivist/formats/pdf.py",
    "PIL": "archivist/formats/images.py",
    "reportlab": "archivist/formats/typeset.py",
    "pytesseract": "archivist/ocr/engine.py",
    "whoosh": "archivist/search/whoosh_index.py",
    "tantivy": "archivist/search/tantivy_index.py",
    "docx": "archivist/registers/docx_writer.py",
    "openpyxl": "archivist/registers/xlsx_writer.py",
    "pypdfium2": "archivist/formats/render.py",
    "rapidocr": "archivist/ocr/rapid.py",
}

# A second module of the same package may import a library only where passing each call
# through its owner would hide the work: drawing synthetic scans (text, seals, tables) is
# Pillow's ImageDraw and ImageFont through and through, so it imports Pillow itself, beside
# formats/images.py (intake, OCR work copies, the clean-up's pixel operations for
# archivist/ocr/cleanup.py, which handles the page as an opaque value). Both in formats/.
ALSO_OWNED = {"PIL": ("archivist/formats/scan_drawing.py",)}


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
        allowed = {OWNERS[name], *ALSO_OWNED.get(name, ())}
        assert modules <= allowed, f"{name} imported in {sorted(modules)}"
        assert OWNERS[name] in modules, name


# -- one way to change the archive --------------------------------------------------------
# Where a write transaction may be opened: the unit of work itself, and the named writes
# of derived data (the OCR queue's bookkeeping and the search index's change note).
WRITE_ALLOWED = {
    "archivist/changes/unit_of_work.py:unit_of_work",
    "archivist/ocr/queue.py:_derived_write",
    "archivist/search/service.py:_derived_write",
    # the access log and sign-in bookkeeping: accesses, not changes of the archive
    "archivist/accounts/access_log.py:record",
    "archivist/accounts/signing.py:_sign_in_write",
    # replay's baseline at the first open after the upgrade (changes no row)
    "archivist/changes/replay.py:write_baseline",
}
# Where an audit event may be written: only the unit of work (and replay's baseline).
AUDIT_ALLOWED = {
    "archivist/changes/unit_of_work.py:unit_of_work",
    "archivist/changes/replay.py:write_baseline",
}


def change_sites(source: str, where: str) -> tuple[list[str], list[str]]:
    """(write transactions opened, audit events written) in `source`, each as
    'path:function' ('path:<module>' at module level)."""
    writes: list[str] = []
    records: list[str] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = child.name if function == "<module>" else function
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                owner = child.func.value
                if child.func.attr == "writing":
                    writes.append(f"{where}:{function}")
                elif (
                    child.func.attr == "record"
                    and isinstance(owner, ast.Name)
                    and owner.id == "audit"
                ):
                    records.append(f"{where}:{function}")
            visit(child, name)

    visit(ast.parse(source), "<module>")
    return writes, records


def test_every_write_goes_through_the_unit_of_work() -> None:
    writes: list[str] = []
    records: list[str] = []
    for folder in (CORE, ROOT / "ui"):
        for path in folder.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            found = change_sites(
                path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix()
            )
            writes += found[0]
            records += found[1]
    assert sorted(set(writes) - WRITE_ALLOWED) == []
    assert sorted(set(records) - AUDIT_ALLOWED) == []


def test_the_write_check_would_catch_a_service_writing_around_the_unit_of_work() -> None:
    service = (
        "from archivist import audit\n"
        "def sneaky(archive):\n"
        "    with archive.db.writing() as session:\n"
        "        audit.record(session, actor='x', action='volume.title', target='v')\n"
        "def helper(archive):\n"
        "    def inner():\n"
        "        return archive.db.writing()\n"
        "    return inner\n"
    )
    writes, records = change_sites(service, "archivist/arrangement/volumes.py")
    assert writes == [
        "archivist/arrangement/volumes.py:sneaky",
        "archivist/arrangement/volumes.py:helper",
    ]
    assert records == ["archivist/arrangement/volumes.py:sneaky"]
    assert set(writes) - WRITE_ALLOWED


def test_the_window_never_opens_the_database() -> None:
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("archivist.db"):
                offenders.append(f"{path.name}: imports {node.module}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("reading", "writing")
            ):
                offenders.append(f"{path.name}:{node.lineno}: opens a session")
    assert offenders == []


# -- a stack that reads as the archive's lifecycle -------------------------------------------
# Each package or module of archivist/ sits on a layer; it may import its own layer and
# the layers below, never one above. The kernel's parts (the opened archive, its changes,
# database, file store, formats, rules and derived data) may use one another.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"__init__", "errors", "messages", "findings", "faults", "resources"}),
    frozenset(
        {"db", "storage", "formats", "rules", "changes", "accounts", "search", "ocr", "archive"}
        | {"preferences", "settings", "logs"}
    ),
    frozenset({"capture"}),
    frozenset({"arrangement"}),
    frozenset({"use"}),  # 利用: requests and loans (custody shows what is out)
    frozenset({"disposition"}),  # 处置: holds, the due list (later appraisal, destruction)
    frozenset({"custody"}),
    frozenset({"handover"}),
    frozenset({"access"}),
    frozenset({"registers"}),
    # above the registers: the four-property check prints its report (四性检测报告)
    frozenset({"integrity"}),
    frozenset({"demo"}),
    frozenset({"cli", "launcher", "__main__"}),
)


def layer_of(part: str) -> int:
    for index, layer in enumerate(LAYERS):
        if part in layer:
            return index
    raise AssertionError(f"archivist/{part} is on no layer: add it to LAYERS")


def imports_up_the_stack(source: str, part: str) -> list[str]:
    """The archivist parts `source` (a file of archivist/<part>) imports from a higher layer."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "archivist":
                names = [alias.name for alias in node.names]
            elif node.module.startswith("archivist."):
                names = [node.module.split(".")[1]]
        elif isinstance(node, ast.Import):
            names = [a.name.split(".")[1] for a in node.names if a.name.startswith("archivist.")]
        found += [n for n in names if n != "__version__" and layer_of(n) > layer_of(part)]
    return found


def test_no_core_module_imports_up_the_stack() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        relative = path.relative_to(CORE)
        if relative.parts[0] == "migrations":
            continue
        part = relative.parts[0] if len(relative.parts) > 1 else relative.stem
        for name in imports_up_the_stack(path.read_text(encoding="utf-8"), part):
            offenders.append(f"archivist/{relative.as_posix()} imports archivist.{name}")
    assert offenders == []


def test_the_stack_check_would_catch_a_stage_importing_a_later_one() -> None:
    arrangement = "from archivist.handover import handovers\nfrom archivist import custody\n"
    assert imports_up_the_stack(arrangement, "arrangement") == ["handover", "custody"]
    assert imports_up_the_stack("from archivist.capture import pipeline\n", "arrangement") == []
