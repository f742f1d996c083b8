"""OCR quality floors on generated pages with known text (real Tesseract, real RapidOCR).

The floors are the accuracies measured on these small pages (bench/ocr_quality.py and
docs/benchmarks.md measure full pages) minus a margin, so a regression in the clean-up
steps, the engines or the page pipeline fails here.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from archivist.demo import ocr_corpus
from archivist.demo.ocr_corpus import CorpusPage, Degradation
from archivist.errors import ArchiveError
from archivist.ocr import cleanup
from archivist.ocr.engine import OcrLine, TesseractEngine
from archivist.ocr.pages import (
    EngineSettings,
    PageTask,
    create_engine,
    plan_cleanup,
    process_page,
    to_original,
)
from archivist.ocr.rapid import RapidOcrEngine

SMALL_PAGE_MM = (160.0, 80.0)  # six lines: a title and five fields or sentences


def small_page(tmp_path: Path, degradation: Degradation, seed: int = 1) -> tuple[CorpusPage, Path]:
    page = ocr_corpus.render_page(seed, degradation, size_mm=SMALL_PAGE_MM, max_lines=6)
    return page, page.save(tmp_path)


def product_accuracy(page: CorpusPage, path: Path) -> tuple[float, str]:
    outcome = process_page(PageTask(1, 1, str(path), "image/png"))
    assert outcome.status == "done", outcome.error
    return ocr_corpus.character_accuracy(page.text, outcome.text), outcome.engine


def test_the_corpus_is_deterministic_and_scored_by_edit_distance() -> None:
    first = ocr_corpus.render_page(5, ocr_corpus.POOR_150, size_mm=SMALL_PAGE_MM, max_lines=4)
    again = ocr_corpus.render_page(5, ocr_corpus.POOR_150, size_mm=SMALL_PAGE_MM, max_lines=4)
    assert first.text == again.text and first.image.tobytes() == again.image.tobytes()
    assert len(first.text.splitlines()) == 4
    speckled = ocr_corpus.render_page(5, ocr_corpus.SPECKLED_1BIT, size_mm=SMALL_PAGE_MM)
    assert speckled.image.mode == "1" and speckled.image.info["dpi"][0] == pytest.approx(200)
    assert ocr_corpus.edit_distance("社会保险", "社保险费") == 2
    assert ocr_corpus.character_accuracy("姓名：张三\n性别：男", "姓名:张三 性别:男") == 1.0
    assert ocr_corpus.character_accuracy("失业保险金", "失业金") == pytest.approx(0.6)
    assert ocr_corpus.character_accuracy("失业", "完全不同的很长的一段文字") == 0.0


def test_measures_find_grain_specks_and_tilt(tmp_path: Path) -> None:
    _, clean = small_page(tmp_path, ocr_corpus.CLEAN)
    _, poor = small_page(tmp_path, ocr_corpus.POOR_200)
    _, dusty = small_page(tmp_path, ocr_corpus.SPECKLED_1BIT)
    clean_m, poor_m, dusty_m = (cleanup.measure_page(p) for p in (clean, poor, dusty))
    assert clean_m.grain < 1 and clean_m.speckle < 1 and clean_m.skew_degrees == 0
    assert poor_m.grain >= 6 and poor_m.paper < 235
    assert dusty_m.bilevel and dusty_m.grain < 1 and dusty_m.speckle > 20
    # degrade_like_scan tilts by random.Random(seed).uniform(-max, max) degrees.
    true_angle = random.Random(1).uniform(-2.5, 2.5)
    assert poor_m.skew_degrees == pytest.approx(true_angle, abs=0.3)
    assert clean_m.line_height > poor_m.line_height > 0  # 300 dpi vs 200 dpi


def test_clean_and_moderately_degraded_pages_read_well(tmp_path: Path) -> None:
    page, path = small_page(tmp_path, ocr_corpus.CLEAN)
    accuracy, engine = product_accuracy(page, path)
    assert accuracy >= 0.93 and engine == "tesseract:chi_sim"  # nothing to clean up
    page, path = small_page(tmp_path, ocr_corpus.SCAN, seed=2)  # tilted by 0.9 degrees
    accuracy, engine = product_accuracy(page, path)
    assert accuracy >= 0.93 and engine.startswith("tesseract:chi_sim+deskew(")


def test_cleanup_does_not_make_clean_pages_worse(tmp_path: Path) -> None:
    page, path = small_page(tmp_path, ocr_corpus.CLEAN, seed=2)
    assert not plan_cleanup(cleanup.measure_page(path), "tesseract").any
    engine = TesseractEngine()
    plain = ocr_corpus.character_accuracy(page.text, engine.recognise(path).text)
    for steps in (
        cleanup.CleanupSteps(denoise=True, contrast=True),
        cleanup.CleanupSteps(despeckle=True, speck_area=16),
    ):
        cleaned = cleanup.clean_page(path, tmp_path / "cleaned.png", steps).path
        accuracy = ocr_corpus.character_accuracy(page.text, engine.recognise(cleaned).text)
        assert accuracy >= plain - 0.02, (steps.summary, accuracy, plain)


def test_poor_low_resolution_scans_are_cleaned_before_tesseract(tmp_path: Path) -> None:
    for degradation, floor in ((ocr_corpus.POOR_150, 0.85), (ocr_corpus.POOR_200, 0.88)):
        page, path = small_page(tmp_path, degradation)
        plain = ocr_corpus.character_accuracy(page.text, TesseractEngine().recognise(path).text)
        accuracy, engine = product_accuracy(page, path)
        assert plain < 0.5  # the corpus stays as hard as the scans it stands for
        assert accuracy >= floor, (degradation.name, accuracy)
        assert engine.startswith("tesseract:chi_sim+denoise,contrast,deskew(")


def test_speckled_bilevel_page_is_despeckled(tmp_path: Path) -> None:
    page, path = small_page(tmp_path, ocr_corpus.SPECKLED_1BIT)
    accuracy, engine = product_accuracy(page, path)
    assert engine.startswith("tesseract:chi_sim+despeckle")
    assert accuracy >= 0.80


def test_boxes_are_mapped_back_onto_the_stored_page(tmp_path: Path) -> None:
    _, path = small_page(tmp_path, ocr_corpus.SCAN, seed=3)
    measures = cleanup.measure_page(path)
    steps = cleanup.CleanupSteps(deskew_degrees=measures.skew_degrees, scale=2.0)
    cleaned = cleanup.clean_page(path, tmp_path / "cleaned.png", steps)
    assert (cleaned.width, cleaned.height) == (measures.width * 2, measures.height * 2)
    plain = TesseractEngine().recognise(path).lines
    mapped = [
        to_original(line, steps, measures.width, measures.height)
        for line in TesseractEngine().recognise(cleaned.path).lines
    ]
    assert len(mapped) == len(plain)
    for before, after in zip(plain, mapped, strict=True):
        # Same line, same place within a few pixels (the deskewed box is a little wider).
        assert abs((before.top + before.height / 2) - (after.top + after.height / 2)) <= 6
        assert abs(before.left - after.left) <= 8
    centre = OcrLine("字", 100, 50, 20, 10, 90.0)
    assert to_original(centre, cleanup.CleanupSteps(scale=2.0), 400, 300) == OcrLine(
        "字", 50, 25, 10, 5, 90.0
    )


def test_rapidocr_reads_a_poor_scan(tmp_path: Path) -> None:
    page, path = small_page(tmp_path, ocr_corpus.POOR_150)
    engine = create_engine(EngineSettings(engine="rapidocr"))
    engine.check()
    result = engine.recognise(path)
    assert engine.label == "rapidocr:PP-OCRv6"
    assert ocr_corpus.character_accuracy(page.text, result.text) >= 0.95
    assert len(result.lines) == len(page.text.splitlines())
    assert all(line.width > 0 and line.height > 0 for line in result.lines)
    assert " " not in result.text


def test_missing_rapidocr_and_unknown_engines_are_clear_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # import now fails as if absent
    with pytest.raises(ArchiveError) as info:
        RapidOcrEngine().check()
    assert info.value.code == "ocr.rapidocr_missing"
    assert "archivist[rapidocr]" in info.value.message()
    with pytest.raises(ArchiveError) as unknown:
        create_engine(EngineSettings(engine="abbyy"))
    assert unknown.value.code == "ocr.unknown_engine" and "rapidocr" in unknown.value.message()
