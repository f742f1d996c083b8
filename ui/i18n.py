"""Interface languages. The sources are Simplified Chinese (the default); the English
translation is `ui/i18n/archivist_en.ts` (Qt Linguist), compiled to `.qm` by
`scripts/build_translations.py` or, when missing or stale, here at start-up with the
`lrelease` that PySide6 ships. The core's own messages follow the same switch."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from platformdirs import user_cache_dir
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from archivist.messages import set_language

I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES = ("zh", "en")


def ts_file(lang: str) -> Path:
    return I18N_DIR / f"archivist_{lang}.ts"


def lrelease_program() -> str | None:
    """PySide6's lrelease (PySide6-Essentials ships it next to the Python package)."""
    try:
        import PySide6

        base = Path(PySide6.__file__).parent
    except ImportError:  # pragma: no cover
        return None
    for candidate in (base / "lrelease", base / "lrelease.exe", base / "Qt" / "bin" / "lrelease"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return found
    scripts = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (scripts / name).is_file():
            return str(scripts / name)
    return None


def build_qm(ts: Path, qm: Path) -> bool:
    program = lrelease_program()
    if program is None or not ts.is_file():
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [program, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True
    )
    return result.returncode == 0 and qm.is_file()


def qm_file(lang: str) -> Path | None:
    """The compiled translation, built when missing or older than its source."""
    ts = ts_file(lang)
    if not ts.is_file():
        return None
    for qm in (
        ts.with_suffix(".qm"),
        Path(user_cache_dir("Archivist")) / "i18n" / ts.with_suffix(".qm").name,
    ):
        if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
            return qm
        try:
            if build_qm(ts, qm):
                return qm
        except OSError:
            continue  # a read-only install folder: try the per-user cache
    return None


class Translations:
    """Installs the translators for one language and switches between languages."""

    def __init__(self) -> None:
        self.language = "zh"
        self._installed: list[QTranslator] = []

    def apply(self, lang: str) -> str:
        lang = "en" if lang.lower().startswith("en") else "zh"
        app = QCoreApplication.instance()
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if lang == "en":
            qm = qm_file("en")
            if qm is not None:
                self._load(str(qm))
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        else:
            self._load(str(Path(qt_dir) / "qtbase_zh_CN.qm"))
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        set_language(lang)
        self.language = lang
        if app is not None:
            app.setProperty("archivistLanguage", lang)
        return lang

    def _load(self, path: str) -> None:
        translator = QTranslator()
        if translator.load(path):
            QCoreApplication.installTranslator(translator)
            self._installed.append(translator)


translations = Translations()
