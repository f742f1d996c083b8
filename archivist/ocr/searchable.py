"""Searchable copies: for every scanned material, a PDF of the same pages with an
invisible text layer. The original file stays untouched and remains the record; the
copy is derived data and can be rebuilt from the original and the stored OCR text."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sqlalchemy import select

from archivist.archive import Archive
from archivist.db.models import Material, PageText
from archivist.formats.images import embeddable_frame
from archivist.formats.pdf import LayerPage, TextLine, write_searchable_copy


def searchable_path(archive: Archive, material_id: int) -> Path:
    return archive.root / "derived" / "searchable" / f"{material_id}.pdf"


def build_searchable_copy(archive: Archive, material_id: int) -> Path | None:
    """Write (or rewrite) the searchable copy of a scanned material; None if the
    material is electronic (its own text is already searchable)."""
    with archive.db.reading() as session:
        material = session.get(Material, material_id)
        if material is None or material.origin != "scan":
            return None
        source = archive.root / material.file
        is_pdf = material.media_type == "application/pdf"
        page_count = material.pages
        texts = {
            p.page: p
            for p in session.scalars(select(PageText).where(PageText.material_id == material_id))
        }
    pages: list[LayerPage] = []
    for number in range(1, page_count + 1):
        text = texts.get(number)
        lines = [TextLine(*entry) for entry in (text.lines or [])] if text is not None else []
        if is_pdf:
            width = text.width if text is not None else 0
            height = text.height if text is not None else 0
            pages.append(LayerPage(lines, width, height, source_index=number - 1))
        else:
            image = embeddable_frame(source, number - 1)
            width = text.width if text is not None and text.width else image.width
            height = text.height if text is not None and text.height else image.height
            pages.append(LayerPage(lines, width, height, image=image))
    target = searchable_path(archive, material_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    try:
        write_searchable_copy(pages, partial, original=source if is_pdf else None)
        os.replace(partial, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return target
