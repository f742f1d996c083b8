"""The assembled volume PDF: cover, contents list, the materials in volume order with
page numbers only where the retention requires them, notes sheet; originals untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw

from archivist.archive import Archive
from archivist.arrangement import items, volume_pdf, volumes
from archivist.capture.pipeline import capture_from_manifest
from archivist.errors import ArchiveError, ArchivistError, InputError
from archivist.formats.pdf import PdfAssembler, ShownSize
from archivist.ocr.queue import CancelToken

from .conftest import init_archive, make_tiff, open_archive, run_cli, stored_files, write_manifest

GS = {"class": "GS", "business_type": "工伤认定"}  # D50: page-numbered
SY = {"class": "SY", "business_type": "失业保险金申领"}  # D10: not page-numbered
PAGED = "J023-GS-001"
UNPAGED = "J023-SY-001"
MM = 72 / 25.4


def capture(archive: Archive, folder: Path, day: str, title: str, **kind: Any) -> str:
    return capture_from_manifest(
        archive, write_manifest(folder, **kind, completed_on=day, title=title)
    ).number


def with_more_images(folder: Path) -> list[dict[str, str]]:
    """A 3-frame TIFF and a PNG at 150 dpi besides the default PDF and JPEGs."""
    folder.mkdir(parents=True, exist_ok=True)
    make_tiff(folder / "d.tif", pages=3)
    png = Image.new("L", (300, 200), 255)
    ImageDraw.Draw(png).line((0, 0, 300, 200), fill=0, width=3)
    png.save(folder / "e.png", "PNG", dpi=(150, 150))
    return [
        {"file": "a.pdf", "role": "form", "title": "工伤认定申请表"},
        {"file": "b.jpg", "role": "voucher", "title": "身份证复印件"},
        {"file": "d.tif", "role": "voucher", "title": "病历"},
        {"file": "e.png", "role": "voucher", "title": "劳动合同"},
    ]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Built once: a paged GS volume of three items (one with TIFF and PNG pages) and an
    unpaged SY volume of two, captured out of time order. Each test works on a copy."""
    base = tmp_path_factory.mktemp("volume-pdf")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ARCHIVIST_CONFIG_DIR", str(base / "config"))
        archive = init_archive(base / "archive")
        src = base / "sources"
        numbers = {
            "gs_aug": capture(archive, src / "g1", "2023-08-09", "王一工伤认定", **GS),
            "gs_mar": capture(
                archive,
                src / "g2",
                "2023-03-01",
                "呼和浩特某某建筑有限公司职工赵二工伤认定",
                **GS,
                materials=with_more_images(src / "g2"),
            ),
            "gs_may": capture(archive, src / "g3", "2023-05-05", "孙三工伤认定", **GS),
            "sy_late": capture(archive, src / "s1", "2023-05-20", "李四失业保险金申领", **SY),
            "sy_early": capture(archive, src / "s2", "2023-05-02", "周五失业保险金申领", **SY),
        }
        assert [v.code for v in volumes.build(archive, 2023, "GS", "year")] == [PAGED]
        assert [v.code for v in volumes.build(archive, 2023, "SY", "month")] == [UNPAGED]
        archive.close()
    return base / "archive", numbers


@pytest.fixture
def archive(template: tuple[Path, dict[str, str]], tmp_path: Path) -> Iterator[Archive]:
    root = tmp_path / "archive"
    shutil.copytree(template[0], root)
    opened = open_archive(root)
    yield opened
    opened.close()


@pytest.fixture
def filed(template: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return template[1]


def digests(archive: Archive) -> dict[Path, tuple[str, int]]:
    return {
        p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in stored_files(archive)
    }


def page_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(str(textpage.get_text_range()))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def top_right_text(page: Any) -> str:
    """Text in the top-right corner (the right 40 %, top 25 % of the page)."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        return str(
            textpage.get_text_bounded(
                left=width * 0.6, bottom=height * 0.75, right=width, top=height
            )
        ).strip()
    finally:
        textpage.close()


def page_column_of_row(page: Any, title: str) -> str:
    """The 页号 cell of the contents-list row whose 题名 is `title`."""
    textpage = page.get_textpage()
    try:
        searcher = textpage.search(title)
        found = searcher.get_next()
        assert found is not None, f"{title} not on the contents page"
        _left, bottom, _right, top = textpage.get_charbox(found[0])
        searcher.close()
        left = volume_pdf.MARGIN + sum(w for _n, w in volume_pdf.CONTENTS_COLUMNS[:5])
        right = left + volume_pdf.CONTENTS_COLUMNS[5][1]
        return str(
            textpage.get_text_bounded(left=left, bottom=bottom - 2, right=right, top=top + 2)
        ).strip()
    finally:
        textpage.close()


@pytest.fixture
def pdf_pages() -> Iterator[Any]:
    documents: list[Any] = []

    def open_pages(path: Path) -> list[Any]:
        document = pdfium.PdfDocument(str(path))
        documents.append(document)
        return [document[i] for i in range(len(document))]

    yield open_pages
    for document in documents:
        document.close()


def test_paged_volume_has_cover_contents_numbered_materials_and_notes(
    archive: Archive, filed: dict[str, str], pdf_pages: Any
) -> None:
    before = digests(archive)
    view = volumes.show(archive, PAGED)
    seen: list[tuple[int, int]] = []
    made = volume_pdf.assemble_volume(
        archive, PAGED, progress=lambda done, total, _what: seen.append((done, total))
    )
    path = made.path
    assert path == archive.root / "derived" / "volumes" / f"{PAGED}.pdf"
    assert digests(archive) == before  # the originals are untouched
    assert [v.name for v in path.parent.iterdir()] == [path.name]  # no partial file left

    materials = 4 + 3 + 3
    assert seen[0] == (0, materials) and seen[-1] == (materials, materials)
    assert [d for d, _t in seen[1:-1]] == list(range(1, materials + 1))  # per material

    texts = page_texts(path)
    contents = [i for i, t in enumerate(texts) if t.startswith("卷内文件目录")]
    assert contents == [1]
    material_pages = view.pages
    assert material_pages == 2 + 1 + 3 + 1 + 4 + 4 == made.material_pages
    assert len(texts) == 1 + len(contents) + material_pages + 1 == made.pages

    cover = squeeze(texts[0])
    assert PAGED in cover and squeeze(view.title) in cover
    assert "测试市社会保险事业服务中心" in cover and "工伤保险待遇类" in cover
    assert "20230301—20230809" in cover and "50年" in cover
    assert f"{view.items}件" in cover and f"{material_pages}页" in cover

    pages = pdf_pages(path)
    # contents list: each item's title, and its first page (the last item: first-last)
    entries = view.entries
    assert [e.title for e in entries] == [
        "呼和浩特某某建筑有限公司职工赵二工伤认定",
        "孙三工伤认定",
        "王一工伤认定",
    ]
    assert [(e.first_page, e.last_page) for e in entries] == [(1, 7), (8, 11), (12, 15)]
    for entry in entries:
        assert squeeze(entry.title) in squeeze(texts[1])
        assert entry.completed_on.isoformat().replace("-", "") in texts[1]
    assert [page_column_of_row(pages[1], e.title) for e in entries] == ["1", "8", "12-15"]

    # a number top right on every material page, 1..N, and nowhere else
    first = 1 + len(contents)
    for n in range(1, material_pages + 1):
        assert top_right_text(pages[first + n - 1]) == str(n)
        assert texts[first + n - 1].strip() == str(n)  # the scans carry no other text
    assert not any(top_right_text(pages[i]).isdigit() for i in (0, 1, len(pages) - 1))

    # each item's pages start where the volume says: its JPEG is on the expected page
    with pikepdf.open(path) as pdf:
        for entry in entries:
            detail = items.show(archive, entry.number)
            page_no = entry.first_page
            for material in detail["materials"]:
                if material["media_type"] == "image/jpeg":
                    stored = (archive.root / material["file"]).read_bytes()
                    page = pdf.pages[first + page_no - 1]
                    [image] = [
                        x
                        for x in page.obj.Resources.XObject.values()
                        if x.get("/Subtype") == pikepdf.Name.Image
                    ]
                    assert image.read_raw_bytes() == stored
                page_no += material["pages"]
            assert page_no - 1 == entry.last_page
        # images at their real size: the 150-dpi PNG (300×200 px) is 144×96 pt; the
        # TIFF (no dpi recorded) at 200 dpi
        real_size = {
            "application/pdf": [(400, 560)] * 2,
            "image/jpeg": [(144, 108)],
            "image/tiff": [(108, 144)] * 3,
            "image/png": [(144, 96)],
        }
        detail = items.show(archive, filed["gs_mar"])
        expected = [size for m in detail["materials"] for size in real_size[m["media_type"]]]
        sizes = [
            tuple(round(float(v)) for v in pdf.pages[first + n].mediabox[2:])
            for n in range(len(expected))
        ]
        assert sizes == expected and len(expected) == 7

    notes = squeeze(texts[-1])
    assert notes.startswith("卷内备考表") and PAGED in notes
    assert "本卷共3件，15页" in notes and "第1页至第15页" in notes
    for label in ("立卷人", "检查人", "立卷时间"):
        assert label in notes
    assert "SHA-256" in notes


def test_unpaged_volume_has_no_page_numbers(
    archive: Archive, filed: dict[str, str], pdf_pages: Any
) -> None:
    volumes.set_title(archive, UNPAGED, "2023年5月失业保险金申领", "题名过长，按实际内容更正")
    before = digests(archive)
    path = volume_pdf.assemble(archive, UNPAGED)
    assert digests(archive) == before
    view = volumes.show(archive, UNPAGED)
    texts = page_texts(path)
    assert len(texts) == 1 + 1 + view.pages + 1
    assert "2023年5月失业保险金申领" in squeeze(texts[0]) and UNPAGED in texts[0]
    assert "10年" in texts[0]
    for n in range(2, 2 + view.pages):
        assert texts[n].strip() == ""  # not a number anywhere
    pages = pdf_pages(path)
    assert [page_column_of_row(pages[1], e.title) for e in view.entries] == ["", ""]
    notes = squeeze(texts[-1])
    assert "本卷共2件，8页" in notes and "不编页号" in notes
    assert "修改案卷题名（题名过长，按实际内容更正）" in notes  # changes since filing


def test_out_path_and_rebuild(archive: Archive, filed: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "out" / "卷.pdf"
    with pytest.raises(InputError) as info:
        volume_pdf.assemble(archive, PAGED, target)
    assert info.value.code == "volume_pdf.folder_missing"
    target.parent.mkdir()
    assert volume_pdf.assemble(archive, PAGED, target) == target
    count = len(page_texts(target))
    volume_pdf.assemble(archive, PAGED, target)  # replaced, not appended to
    assert len(page_texts(target)) == count == 18
    assert sorted(p.name for p in target.parent.iterdir()) == ["卷.pdf"]
    with pytest.raises(InputError) as info:
        volume_pdf.assemble(archive, PAGED, target.parent)
    assert info.value.code == "volume_pdf.target_is_folder"


def test_cancel_leaves_no_output(archive: Archive, filed: dict[str, str]) -> None:
    token = CancelToken()

    def progress(done: int, _total: int, _what: str) -> None:
        if done == 2:
            token.cancel()

    target = volume_pdf.default_path(archive, PAGED)
    with pytest.raises(volume_pdf.AssemblyCancelled) as info:
        volume_pdf.assemble(archive, PAGED, progress=progress, cancel=token)
    assert "未生成任何文件" in info.value.message("zh")
    assert not target.exists() and list(target.parent.iterdir()) == []

    # an earlier PDF survives a cancelled rebuild unchanged
    volume_pdf.assemble(archive, PAGED)
    earlier = target.read_bytes()
    token = CancelToken()
    with pytest.raises(volume_pdf.AssemblyCancelled):
        volume_pdf.assemble(archive, PAGED, progress=progress, cancel=token)
    assert target.read_bytes() == earlier
    assert list(target.parent.iterdir()) == [target]


def _stored(archive: Archive, number: str, suffix: str) -> Path:
    detail = items.show(archive, number)
    [rel] = [m["file"] for m in detail["materials"] if m["file"].endswith(suffix)][:1]
    return archive.root / rel


def test_missing_or_damaged_stored_file_is_named_and_nothing_written(
    archive: Archive, filed: dict[str, str]
) -> None:
    target = volume_pdf.default_path(archive, PAGED)
    missing = _stored(archive, filed["gs_may"], ".jpg")
    hidden = missing.with_name("moved-away")
    missing.rename(hidden)
    with pytest.raises(ArchiveError) as info:
        volume_pdf.assemble(archive, PAGED)
    assert info.value.code == "volume_pdf.file_missing"
    rel = missing.relative_to(archive.root).as_posix()
    assert info.value.file == rel and rel in info.value.message("zh")
    assert filed["gs_may"] in info.value.message("en")
    assert not target.exists() and list(target.parent.iterdir()) == []
    hidden.rename(missing)

    damaged = _stored(archive, filed["gs_aug"], ".pdf")
    data = damaged.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])
    with pytest.raises(ArchiveError) as info:
        volume_pdf.assemble(archive, PAGED)
    assert info.value.code == "volume_pdf.file_changed"
    assert info.value.file == damaged.relative_to(archive.root).as_posix()
    assert "archivist verify" in info.value.message("zh")
    assert not target.exists() and list(target.parent.iterdir()) == []


def test_unknown_and_empty_volumes(archive: Archive, filed: dict[str, str]) -> None:
    with pytest.raises(ArchivistError) as info:
        volume_pdf.assemble(archive, "J023-XX-999")
    assert info.value.code == "volume.not_found"
    volumes.remove_items(archive, UNPAGED, [filed["sy_late"], filed["sy_early"]], "误组")
    with pytest.raises(InputError) as info2:
        volume_pdf.assemble(archive, UNPAGED)
    assert info2.value.code == "volume_pdf.empty"


def _sheet(entries: int) -> volume_pdf.VolumeSheet:
    return volume_pdf.VolumeSheet(
        code="J023-GS-009",
        title="测试市社会保险事业服务中心2023年工伤保险待遇类（工伤认定）业务档案",
        fonds_name="测试市社会保险事业服务中心",
        class_name="工伤保险待遇类",
        retention_label="50年",
        start=dt.date(2023, 1, 1),
        end=dt.date(2023, 12, 31),
        paged=True,
        entries=tuple(
            volume_pdf.Entry(
                seq=n,
                number=f"2023-GS-{n:06d}",
                title=f"第{n}号" + "某某有限责任公司职工工伤认定" * (1 + n % 3),
                completed_on=dt.date(2023, 1, 1) + dt.timedelta(days=n),
                first_page=2 * n - 1,
                last_page=2 * n,
                materials=(),
            )
            for n in range(1, entries + 1)
        ),
    )


def test_long_contents_list_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    sheet = _sheet(70)
    pages = volume_pdf.write_front(sheet, tmp_path / "front.pdf")
    texts = page_texts(tmp_path / "front.pdf")
    assert pages > 1 and len(texts) == 1 + pages
    contents = [squeeze(t) for t in texts[1:]]
    assert contents[0].startswith("卷内文件目录") and all(
        t.startswith("卷内文件目录（续）") for t in contents[1:]
    )
    header = "顺序号文号责任者题名日期页号备注"
    assert all(header in t and sheet.code in t for t in contents)
    text = "".join(contents)
    for entry in sheet.entries:  # every row once, none lost at a page break
        assert text.count(squeeze(entry.title)) == 1


def test_stamps_stand_upright_top_right_on_rotated_pages(tmp_path: Path) -> None:
    """A number stamped on a page shown turned (/Rotate) is upright in the corner a
    reader sees as top right."""
    blank = Image.new("L", (400, 560), 255)
    source = tmp_path / "rotated.pdf"
    blank.save(source, "PDF", save_all=True, append_images=[blank.copy(), blank.copy()])
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        pdf.pages[1].obj.Rotate = 90
        pdf.pages[2].obj.Rotate = 270
        pdf.save(source)
    stamps, out = tmp_path / "stamps.pdf", tmp_path / "out.pdf"
    with PdfAssembler() as book:
        sizes = book.append_pdf(source, "rotated.pdf")
        assert sizes == [ShownSize(400, 560), ShownSize(560, 400), ShownSize(560, 400)]
        volume_pdf.write_page_numbers(sizes, stamps, first=7)
        for n in range(3):
            book.stamp(n, stamps, n)
        book.save(out)
    document = pdfium.PdfDocument(str(out))
    try:
        for n in range(3):
            page = document[n]
            image = page.render(scale=1, grayscale=True).to_pil().convert("L")
            page.close()
            ink = image.point(lambda v: 255 if v < 128 else 0).getbbox()
            assert ink is not None
            left, top, right, bottom = ink
            assert left > image.width * 0.8 and bottom < image.height * 0.15, (n, ink)
            assert bottom - top > right - left  # "7", "8", "9" stand taller than wide
    finally:
        document.close()


def items_file(archive: Archive, number: str) -> str:
    return str(items.show(archive, number)["materials"][0]["file"])


def test_volume_pdf_cli(archive: Archive, filed: dict[str, str], tmp_path: Path) -> None:
    root = str(archive.root)
    result = run_cli("--archive", root, "volume", "pdf", PAGED, "--json", check=True)
    data = json.loads(result.stdout)
    assert data["code"] == PAGED and data["paged"] is True
    assert data["material_pages"] == 15 and data["pages"] == 18
    assert Path(data["file"]) == Path(root) / "derived" / "volumes" / f"{PAGED}.pdf"
    missing = Path(root) / items_file(archive, filed["sy_late"])
    missing.unlink()
    out = tmp_path / "sy.pdf"
    result = run_cli("--archive", root, "volume", "pdf", UNPAGED, "--out", str(out))
    assert result.returncode == 1 and not out.exists()
    assert missing.relative_to(root).as_posix() in result.stderr
