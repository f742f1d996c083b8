"""The window's queries: navigation counts, id lists sorted and filtered in the
database, rows in blocks, pages, entity completion, OCR failures."""

from __future__ import annotations

from pathlib import Path

from archivist.access import browse
from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest

from .conftest import ID_LI, write_manifest


def _two_items(archive: Archive, tmp_path: Path) -> list[str]:
    first = capture_from_manifest(archive, write_manifest(tmp_path / "one")).number
    second = capture_from_manifest(
        archive,
        write_manifest(
            tmp_path / "two",
            completed_on="2022-03-04",
            title="李四失业保险金申领",
            entity={"kind": "person", "name": "李四", "id_number": ID_LI},
            roster=["李四"],
            materials=[{"file": "a.pdf", "role": "form", "title": "登记表"}],
        ),
    ).number
    return [first, second]


def test_navigation_counts_classes_years_months_entities(archive: Archive, tmp_path: Path) -> None:
    _two_items(archive, tmp_path)
    classes = browse.nav_children(archive)
    assert [(n.scope.class_code, n.count) for n in classes] == [("SY", 2)]
    years = browse.nav_children(archive, classes[0].scope)
    assert [(n.scope.year, n.count) for n in years] == [(2023, 1), (2022, 1)]
    months = browse.nav_children(archive, years[0].scope)
    assert [(n.scope.month, n.count) for n in months] == [(5, 1)]
    people = browse.nav_children(archive, months[0].scope)
    assert [(n.label, n.kind, n.count) for n in people] == [("张三", "person", 1)]
    ids = browse.item_ids(archive, browse.ItemQuery(scope=people[0].scope))
    assert len(ids) == 1


def test_item_ids_sort_and_filter_in_the_database(archive: Archive, tmp_path: Path) -> None:
    first, second = _two_items(archive, tmp_path)
    ids = browse.item_ids(archive, browse.ItemQuery(sort="completed_on"))
    rows = browse.item_rows(archive, ids)
    assert [rows[i].number for i in ids] == [second, first]
    ids = browse.item_ids(archive, browse.ItemQuery(sort="completed_on", descending=True))
    assert [rows[i].number for i in ids] == [first, second]
    only = browse.item_ids(archive, browse.ItemQuery(text="李四"))
    assert [rows[i].number for i in only] == [second]
    assert browse.item_ids(archive, browse.ItemQuery(text="100%_")) == []
    row = rows[ids[0]]
    assert (row.materials, row.pages, row.retention_label) == (3, 4, "10年")
    assert browse.item_id(archive, first) == ids[0]
    assert browse.item_id(archive, "2000-XX-000001") is None


def test_pages_pixels_and_text(archive: Archive, tmp_path: Path) -> None:
    first, _ = _two_items(archive, tmp_path)
    pages = browse.item_pages(archive, first)
    assert [p.item_page for p in pages] == [1, 2, 3, 4]
    assert [(p.material_seq, p.page) for p in pages] == [(1, 1), (1, 2), (2, 1), (3, 1)]
    pdf = browse.page_pixels(pages[1], dpi=50)
    # decoded in the core: packed rows of the page's size, never an image file
    assert pdf.mode == "L" and len(pdf.raw) == pdf.width * pdf.height
    sharper = browse.page_pixels(pages[1], dpi=100)
    assert abs(sharper.width - 2 * pdf.width) <= 2
    jpeg = browse.page_pixels(pages[2])
    assert jpeg.mode in ("L", "RGB")
    assert len(jpeg.raw) == jpeg.width * jpeg.height * (3 if jpeg.mode == "RGB" else 1)
    small = browse.page_pixels(pages[2], fit=(168, 224))
    assert small.width <= 168 and small.height <= 224 and small.width < jpeg.width
    text = browse.page_text(archive, pages[0].material_id, 1)
    assert text.status == "pending"
    # capture order: the form was captured third, it comes first
    assert browse.capture_order(archive, first) == [2, 1, 0]


def test_tiff_frames_come_as_pixels(archive: Archive, tmp_path: Path) -> None:
    from .conftest import make_tiff

    folder = tmp_path / "tif"
    folder.mkdir()
    make_tiff(folder / "scan.tif", pages=2)
    write_manifest(
        folder,
        materials=[{"file": "scan.tif", "role": "form", "title": "登记表"}],
        roster=["张三"],
    )
    number = capture_from_manifest(archive, folder / "manifest.json").number
    pages = browse.item_pages(archive, number)
    pixels = browse.page_pixels(pages[1])
    assert pixels.raw is not None and (pixels.width, pixels.height) == (300, 400)


def test_entities_like_and_scheme(archive: Archive, tmp_path: Path) -> None:
    _two_items(archive, tmp_path)
    found = browse.entities_like(archive, "李")
    assert [(e.name, e.id_number) for e in found] == [("李四", ID_LI)]
    assert browse.entities_like(archive, " ") == []
    assert any(c["code"] == "SY" for c in browse.scheme_table(archive))
    assert browse.ocr_failures(archive) == []


def test_every_table_sort_reads_an_index_not_a_sort_of_the_table(archive: Archive) -> None:
    """Migration 0004: the item table's sorts (and a class in the tree) are read from
    an index in order, so SQLite never sorts 100,000 rows (bench/browse_scale.py)."""
    from sqlalchemy.dialects import sqlite

    def plan(query: browse.ItemQuery) -> str:
        sql = str(
            browse.item_ids_statement(query).compile(
                dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
            )
        )
        with archive.db.reading() as session:
            rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
        return " | ".join(str(r[3]) for r in rows)

    for sort in ("number", "title", "completed_on", "retention", "archival_code", "class"):
        for descending in (False, True):
            found = plan(browse.ItemQuery(sort=sort, descending=descending))
            assert "TEMP B-TREE" not in found, (sort, found)
    klass = plan(browse.ItemQuery(scope=browse.Scope(class_code="SY")))
    assert "ix_items_class_number" in klass and "TEMP B-TREE" not in klass
    # an entity's items, then by number: the entity index, a small sort at most
    assert "ix_items_entity_number" in plan(browse.ItemQuery(sort="entity"))
