"""Per-user preferences shared by the command line and the window (not per archive):
the OCR engine, where Tesseract is, OCR languages and workers, the hot folder (and where
its bad drops go), the UI language, and the archives opened recently in the window."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_config_dir

from archivist.storage.filestore import write_json_atomic

if TYPE_CHECKING:
    from archivist.ocr.pages import EngineSettings

RECENT_LIMIT = 8  # archives listed under 文件 → 最近打开的档案库


def preferences_file() -> Path:
    env = os.environ.get("ARCHIVIST_CONFIG_DIR")
    folder = Path(env) if env else Path(user_config_dir("Archivist", appauthor=False))
    return folder / "preferences.json"


@dataclass
class Preferences:
    archive: str | None = None
    tesseract: str | None = None
    ocr_languages: str = "chi_sim"
    ocr_workers: int | None = None
    ocr_timeout: float = 120.0
    hot_folder: str | None = None
    hot_quarantine: str | None = None  # bad drops go here; None: the hot folder's 隔离
    language: str = "zh"
    ocr_engine: str = "tesseract"  # one of archivist.ocr.pages.ENGINES
    ocr_cleanup: bool = True  # measured clean-up of poor scans before OCR
    recent: list[str] = field(default_factory=list)  # archive folders, the latest first
    # the user name last signed in with, per archive folder (never a password)
    sign_in_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Preferences:
        try:
            data = json.loads(preferences_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        prefs = cls(**{k: v for k, v in data.items() if k in known})
        recent = prefs.recent if isinstance(prefs.recent, list) else []
        prefs.recent = [p for p in recent if isinstance(p, str) and p.strip()][:RECENT_LIMIT]
        names = prefs.sign_in_names if isinstance(prefs.sign_in_names, dict) else {}
        prefs.sign_in_names = {
            k: v for k, v in names.items() if isinstance(k, str) and isinstance(v, str)
        }
        return prefs

    def sign_in_name(self, root: Path | str) -> str:
        """The user name last signed in with on this archive ("" if none)."""
        return self.sign_in_names.get(os.path.normcase(os.path.normpath(str(root))), "")

    def remember_sign_in_name(self, root: Path | str, user_name: str) -> None:
        self.sign_in_names[os.path.normcase(os.path.normpath(str(root)))] = user_name[:64]

    def remember_archive(self, root: Path | str) -> None:
        """Put an archive folder first in the recent list (once, at most RECENT_LIMIT)."""
        path = str(Path(root))
        self.recent = [path, *(p for p in self.recent if not same_folder(p, path))]
        del self.recent[RECENT_LIMIT:]

    def forget_archive(self, root: Path | str) -> None:
        """Drop an archive folder from the recent list (it is gone or was moved)."""
        self.recent = [p for p in self.recent if not same_folder(p, str(root))]

    def engine_settings(
        self,
        *,
        engine: str | None = None,
        languages: str | None = None,
        tesseract: str | None = None,
        timeout: float | None = None,
        cleanup: bool | None = None,
    ) -> EngineSettings:
        """The OCR settings these preferences choose; the arguments given (command-line
        flags) override them. ArchiveError naming the choices for an unknown engine."""
        from archivist.ocr.pages import EngineSettings, check_engine

        return EngineSettings(
            languages=languages or self.ocr_languages or "chi_sim",
            tesseract=tesseract or self.tesseract or None,
            timeout=float(timeout or self.ocr_timeout or 120.0),
            engine=check_engine(engine or self.ocr_engine or "tesseract"),
            cleanup=self.ocr_cleanup if cleanup is None else cleanup,
        )

    def save(self) -> None:
        path = preferences_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        write_json_atomic(path, asdict(self))


def same_folder(a: str, b: str) -> bool:
    """Two spellings of one folder (case-insensitive where the system is)."""
    return os.path.normcase(os.path.normpath(a)) == os.path.normcase(os.path.normpath(b))
