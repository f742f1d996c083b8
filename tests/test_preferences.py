from __future__ import annotations

from pathlib import Path

import pytest

from archivist.archive import default_archive_dir
from archivist.errors import ArchiveError
from archivist.preferences import Preferences, preferences_file


def test_preferences_round_trip_and_choose_the_default_archive(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ARCHIVIST_ARCHIVE", raising=False)
    assert Preferences.load() == Preferences()
    prefs = Preferences(archive=str(tmp_path / "档案 库"), ocr_workers=3, language="en")
    prefs.save()
    assert preferences_file().is_file()
    assert Preferences.load() == prefs
    assert default_archive_dir() == tmp_path / "档案 库"
    monkeypatch.setenv("ARCHIVIST_ARCHIVE", str(tmp_path / "env"))
    assert default_archive_dir() == tmp_path / "env"


def test_damaged_preferences_fall_back_to_defaults() -> None:
    preferences_file().parent.mkdir(parents=True, exist_ok=True)
    preferences_file().write_text("{broken", encoding="utf-8")
    assert Preferences.load() == Preferences()


def test_the_ocr_engine_preference_is_checked_when_used() -> None:
    assert Preferences().engine_settings().engine == "tesseract"
    Preferences(ocr_engine="rapidocr", ocr_languages="chi_sim+eng").save()
    prefs = Preferences.load()
    settings = prefs.engine_settings()
    assert (settings.engine, settings.languages, settings.timeout) == (
        "rapidocr",
        "chi_sim+eng",
        120.0,
    )
    assert prefs.engine_settings(engine="tesseract", languages="eng").languages == "eng"
    with pytest.raises(ArchiveError) as info:
        Preferences(ocr_engine="abbyy").engine_settings()
    assert info.value.code == "ocr.unknown_engine"
    assert "tesseract, rapidocr" in info.value.message("en")
