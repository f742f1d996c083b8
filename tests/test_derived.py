"""Derived data reconciled (issue 16, point 5): the OCR texts, searchable copies, volume
PDFs and the search index are checked against the database and the store by `verify`,
and `archivist rebuild-derived` makes again whatever is stale."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from archivist.archive import Archive
from archivist.arrangement import items, volume_pdf, volumes
from archivist.capture.pipeline import capture_from_manifest
from archivist.db.models import Item, Material, OcrJob, PageText
from archivist.errors import AccessRefused
from archivist.integrity.derived import derived_findings, rebuild_derived
from archivist.integrity.verify import verify
from archivist.search.service import _index, documents, ensure_index

from .conftest import render_text_page, run_cli, sign_in, write_manifest

LINES = ["失业保险金申领登记表", "申请人因单位解除劳动合同而失业"]


def derived_codes(archive: Archive) -> dict[str, list[dict[str, object]]]:
    found: dict[str, list[dict[str, object]]] = {}
    for finding in verify(archive).findings:
        if finding.code.startswith(("derived.", "verify.index")):
            found.setdefault(finding.code, []).append(finding.params)
    return found


def scanned(archive: Archive, folder: Path) -> tuple[str, int]:
    """An item of one scanned page, recognised (real OCR): (number, material id)."""
    from archivist.ocr.queue import run_queue

    folder.mkdir(parents=True, exist_ok=True)
    render_text_page(folder / "form.png", LINES)
    data = {
        "class": "SY",
        "business_type": "失业保险金申领",
        "completed_on": "2005-05-12",
        "entity": {"kind": "person", "name": "赵六", "id_number": "110105198001010016"},
        "title": "赵六失业保险金申领",
        "materials": [{"file": "form.png", "role": "form", "title": "登记表"}],
    }
    (folder / "manifest.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    number = capture_from_manifest(archive, folder / "manifest.json").number
    run_queue(archive, workers=1)
    with archive.db.reading() as session:
        material_id = session.scalars(
            select(Material.id).join(Item, Item.id == Material.item_id).where(Item.number == number)
        ).one()
    return number, material_id


def raw(archive: Archive) -> sqlite3.Connection:
    return sqlite3.connect(archive.root / "archive.db")


@pytest.fixture
def volume(archive: Archive, tmp_path: Path) -> tuple[Archive, str, str, Path]:
    """An item filed in a volume whose PDF was made: (archive, number, code, pdf)."""
    number = capture_from_manifest(archive, write_manifest(tmp_path / "a")).number
    [summary] = volumes.build(archive, 2023, "SY", "year")
    pdf = volume_pdf.assemble(archive, summary.code)
    return archive, number, summary.code, pdf


def test_a_clean_archive_has_no_derived_findings(
    volume: tuple[Archive, str, str, Path],
) -> None:
    archive, _number, _code, pdf = volume
    assert pdf.is_file()
    assert derived_findings(archive) == []
    report = verify(archive)
    assert report.ok
    assert not [f for f in report.findings if f.code.startswith("derived.")]


def test_a_volume_pdf_older_than_its_items_change_is_stale_and_rebuilt(
    volume: tuple[Archive, str, str, Path],
) -> None:
    archive, number, code, pdf = volume
    before = pdf.stat().st_mtime_ns
    items.edit(archive, number, title="张三失业保险金申领（更正）", reason="题名有误")
    found = derived_codes(archive)
    assert found["derived.volume_stale"] == [{"code": code}]
    [finding] = [f for f in verify(archive).findings if f.code == "derived.volume_stale"]
    assert finding.severity == "warning"
    assert code in finding.message("zh") and "rebuild-derived" in finding.message("en")
    report = rebuild_derived(archive)
    assert report.volumes_built == 1 and report.failures == []
    assert pdf.stat().st_mtime_ns > before
    assert "derived.volume_stale" not in derived_codes(archive)


def test_a_volume_pdf_of_no_volume_is_reported_and_removed(
    volume: tuple[Archive, str, str, Path],
) -> None:
    archive, _number, _code, pdf = volume
    stray = pdf.parent / "J023-9-9999.pdf"
    stray.write_bytes(pdf.read_bytes())
    assert derived_codes(archive)["derived.volume_orphan"] == [
        {"file": "derived/volumes/J023-9-9999.pdf"}
    ]
    assert rebuild_derived(archive).removed == 1
    assert not stray.exists() and pdf.is_file()
    assert derived_findings(archive) == []


def test_ocr_texts_and_searchable_copies(archive: Archive, tmp_path: Path) -> None:
    number, material_id = scanned(archive, tmp_path / "scan")
    copy = archive.root / "derived" / "searchable" / f"{material_id}.pdf"
    assert copy.is_file()
    assert derived_findings(archive) == []

    # a searchable copy missing: reported, made again
    copy.unlink()
    [missing] = derived_codes(archive)["derived.searchable_missing"]
    assert missing["numbers"] == number
    report = rebuild_derived(archive)
    assert report.searchable_built == 1 and copy.is_file()

    # older than its page texts (the text was recognised again after the copy was made)
    os.utime(copy, (1_000_000_000, 1_000_000_000))
    assert derived_codes(archive)["derived.searchable_stale"][0]["numbers"] == number
    rebuild_derived(archive)
    assert "derived.searchable_stale" not in derived_codes(archive)

    # a copy of no scanned material
    stray = copy.parent / "999999.pdf"
    stray.write_bytes(copy.read_bytes())
    assert derived_codes(archive)["derived.searchable_orphan"] == [
        {"file": "derived/searchable/999999.pdf"}
    ]
    rebuild_derived(archive)
    assert not stray.exists()

    # a page text lost although the OCR is done; one of a page the material lacks
    with raw(archive) as db:
        [(text,)] = db.execute(
            "SELECT text FROM page_texts WHERE material_id = ?", (material_id,)
        ).fetchall()
        db.execute("DELETE FROM page_texts WHERE material_id = ?", (material_id,))
    found = derived_codes(archive)
    assert found["derived.ocr_incomplete"][0]["numbers"] == number
    report = rebuild_derived(archive)
    assert report.ocr_queued == 1
    with archive.db.reading() as session:
        job = session.scalars(select(OcrJob).where(OcrJob.material_id == material_id)).one()
        assert job.status == "pending"
    from archivist.ocr.queue import run_queue

    run_queue(archive, workers=1)
    with archive.db.reading() as session:
        again = session.scalars(select(PageText).where(PageText.material_id == material_id)).one()
        assert again.text == text
    with raw(archive) as db:
        db.execute(
            "INSERT INTO page_texts (material_id, page, status, source, engine, text, width,"
            " height, seconds, updated_at) SELECT material_id, 7, status, source, engine, text,"
            " width, height, seconds, updated_at FROM page_texts WHERE material_id = ?",
            (material_id,),
        )
    assert derived_codes(archive)["derived.ocr_extra"][0]["numbers"] == number
    rebuild_derived(archive)
    run_queue(archive, workers=1)
    assert derived_findings(archive) == []
    assert verify(archive).ok


def test_a_stale_search_index_is_brought_in_step(archive: Archive, tmp_path: Path) -> None:
    number = capture_from_manifest(archive, write_manifest(tmp_path / "a")).number
    ensure_index(archive)
    with archive.db.reading() as session:
        [doc] = list(documents(session))
    _index(archive).update([{**doc, "title": "旧的题名"}, {**doc, "number": "2023-SY-999999"}])
    found = derived_codes(archive)
    assert found["verify.index_stale"][0]["numbers"] == number
    assert found["verify.index_orphan"][0]["numbers"] == "2023-SY-999999"
    assert rebuild_derived(archive).indexed >= 1
    assert verify(archive).ok


def test_rebuilding_needs_the_right(volume: tuple[Archive, str, str, Path]) -> None:
    archive = sign_in(volume[0], "security")
    with pytest.raises(AccessRefused):
        rebuild_derived(archive)


def test_cli_rebuild_derived(volume: tuple[Archive, str, str, Path]) -> None:
    archive, number, _code, pdf = volume
    items.edit(archive, number, title="张三失业保险金申领（更正）", reason="题名有误")
    (pdf.parent / "stray.pdf").write_bytes(b"%PDF-1.4\n")
    result = run_cli("--archive", str(archive.root), "rebuild-derived", "--json", check=True)
    data = json.loads(result.stdout)
    assert data["volumes_built"] == 1 and data["removed"] == 1 and data["failures"] == []
    result = run_cli("--archive", str(archive.root), "rebuild-derived", check=True)
    assert "已重建派生数据" in result.stdout
    assert derived_findings(archive) == []
