"""Build a demo archive: synthetic people and companies, rendered scan-like pages,
captured through the same pipeline as real records."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archivist.archive import Archive, Layout
from archivist.capture.pipeline import capture_from_manifest
from archivist.demo.accounts import (
    DEMO_PASSWORD,
    DEMO_SIGN_IN,
    add_demo_staff,
    demo_administrators,
)
from archivist.search.service import indexing_batch

DEMO_FONDS = ("J023", "示例市社会保险事业服务中心")


def build_demo(
    root: Path,
    *,
    items: int = 60,
    seed: int = 2024,
    progress: Callable[[int, int, str], None] | None = None,
) -> dict[str, Any]:
    """Create (or add to) the archive at `root` with `items` generated items, captured
    and filed by the demo archivist (archivist.demo.accounts)."""
    from archivist.demo import generate_batch

    if Layout(root.resolve()).config.exists():
        archive = Archive.open(root)
    else:
        archive = Archive.init(root, *DEMO_FONDS, demo_administrators())
        try:
            add_demo_staff(archive)
        except BaseException:
            archive.close()
            raise
    with archive:
        archive.sign_in(DEMO_SIGN_IN, DEMO_PASSWORD)
        archive.layout.work.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix="demo-", dir=archive.layout.work))
        try:
            report = progress or (lambda done, total, what: None)
            manifests = generate_batch(
                scratch, items, seed=seed, progress=lambda done, total: report(done, total * 2, "")
            )
            with indexing_batch(archive):
                for index, manifest in enumerate(manifests, start=1):
                    result = capture_from_manifest(archive, manifest)
                    report(items + index, items * 2, result.number)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        file_past_years(archive)
        return archive.summary()


def file_past_years(archive: Archive) -> int:
    """As an archive room would have done: the items of past years filed into volumes by
    year, the volumes boxed by year, class and retention, the boxes on the shelves of
    room 1. The latest year stays open. Returns the number of volumes made."""
    from sqlalchemy import func, select

    from archivist.arrangement import volumes
    from archivist.custody import boxes, locations
    from archivist.db.models import ArchiveClass, Item, Volume, VolumeItem
    from archivist.errors import InputError

    with archive.db.reading() as session:
        latest = session.scalar(select(func.max(Item.year)))
        groups = session.execute(
            select(Item.year, ArchiveClass.code)
            .join(ArchiveClass, ArchiveClass.id == Item.class_id)
            .where(Item.year < (latest or 0), Item.id.not_in(select(VolumeItem.item_id)))
            .group_by(Item.year, ArchiveClass.code)
            .order_by(Item.year, ArchiveClass.code)
        ).all()
    made = 0
    for year, klass in groups:
        try:
            made += len(volumes.build(archive, year, klass, "year"))
        except InputError:
            continue
    with archive.db.reading() as session:
        unboxed = session.execute(
            select(Volume.code, Volume.year, ArchiveClass.code, Volume.retention)
            .join(ArchiveClass, ArchiveClass.id == Volume.class_id)
            .where(Volume.box_id.is_(None))
            .order_by(Volume.year, ArchiveClass.code, Volume.case_no)
        ).all()
    to_box: dict[tuple[int, str, str], list[str]] = {}
    for code, year, klass, retention in unboxed:
        to_box.setdefault((year, klass, retention), []).append(code)
    for position, ((year, klass, retention), codes) in enumerate(to_box.items()):
        box = boxes.create_box(archive, year, klass, retention, kind="volumes")
        boxes.put(archive, box.code, volumes=codes, reason="示例：整理装盒")
        shelf, level = divmod(position, 5)
        place = locations.location_code("1", shelf + 1, 1, level + 1)
        try:
            locations.add_location(archive, "1", shelf + 1, 1, level + 1)
        except InputError as exc:
            if exc.code != "location.exists":
                raise
        boxes.shelve(archive, box.code, place, "示例：上架")
    return made
