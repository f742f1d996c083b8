#!/usr/bin/env python3
"""Interface translations (Qt Linguist).

    python scripts/build_translations.py           # compile ui/i18n/*.ts to .qm (lrelease)
    python scripts/build_translations.py --update  # first refresh the .ts from ui/*.py (lupdate)

The sources are Simplified Chinese; `archivist_en.ts` holds the English translation
(edit it with pyside6-linguist). The window also compiles a missing or stale .qm at
start-up, so a checkout works without running this.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def lupdate_program() -> str:
    import PySide6

    base = Path(PySide6.__file__).parent
    for candidate in (base / "lupdate", base / "lupdate.exe", base / "Qt" / "bin" / "lupdate"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("lupdate not found (install PySide6-Essentials)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def update(ts: Path) -> None:
    subprocess.run(
        [lupdate_program(), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )


def main() -> int:
    from ui.i18n import I18N_DIR, build_qm

    parser = argparse.ArgumentParser()
    parser.add_argument("--update", action="store_true", help="refresh the .ts from the sources")
    args = parser.parse_args()
    for ts in sorted(I18N_DIR.glob("*.ts")):
        if args.update:
            update(ts)
        if not build_qm(ts, ts.with_suffix(".qm")):
            print(f"lrelease failed for {ts}", file=sys.stderr)
            return 1
        print(f"{ts.with_suffix('.qm').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
