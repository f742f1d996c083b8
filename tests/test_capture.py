"""Capture stores the originals byte-for-byte, in the rule order and folder layout."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pikepdf

from archivist.archive import Archive
from archivist.arrangement.items import show
from archivist.capture.pipeline import capture_from_manifest

from .conftest import (
    make_jpeg,
    make_pdf,
    make_png,
    make_tiff,
    run_cli,
    stored_files,
    write_manifest,
)


def test_capture_copies_bytes_and_records_facts(archive: Archive, tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in")
    result = capture_from_manifest(archive, manifest)
    assert result.number == "2023-SY-000001"
    assert result.archival_code == "J023-SB·2023-D10-SY-0001"
    view = show(archive, result.number)
    assert view["folder"] == "files/失业保险金申领/2023-05/张三/2023-SY-000001"
    assert view["retention"] == "D10"
    assert view["expires_on"] == "2034-01-01"
    assert view["entity"] == {
        "kind": "person",
        "name": "张三",
        "id_number": "11010519491231002X",  # in full: "tester" is an archivist
        "unit_code": None,
    }
    titles = [m["title"] for m in view["materials"]]
    assert titles == ["失业保险金申领登记表", "解除劳动合同证明", "身份证复印件"]
    assert [m["pages"] for m in view["materials"]] == [2, 1, 1]
    assert [Path(m["file"]).name for m in view["materials"]] == [
        "01-表单-a.pdf",
        "02-凭证-c.jpg",
        "03-凭证-b.jpg",
    ]
    for material in view["materials"]:
        original = tmp_path / "in" / material["original_name"]
        stored = archive.root / material["file"]
        assert stored.read_bytes() == original.read_bytes()
        assert material["sha256"] == hashlib.sha256(original.read_bytes()).hexdigest()
        assert material["order_reason"]
    assert view["history"][0]["action"] == "item.capture"


def test_originals_are_never_modified(archive: Archive, tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (tmp_path / "in").iterdir()}
    capture_from_manifest(archive, manifest)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (tmp_path / "in").iterdir()}
    assert before == after


def test_page_counts_come_from_the_files(archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    make_tiff(folder / "contract.tif", pages=4)
    make_png(folder / "card.png")
    manifest = write_manifest(
        folder,
        materials=[
            {"file": "a.pdf", "role": "form", "title": "登记表"},
            {"file": "contract.tif", "role": "voucher", "person": "张三", "title": "劳动合同"},
            {
                "file": "card.png",
                "role": "voucher",
                "person": "张三",
                "title": "银行卡",
                "importance": "secondary",
            },
        ],
    )
    view = show(archive, capture_from_manifest(archive, manifest).number)
    pages = {m["title"]: m["pages"] for m in view["materials"]}
    assert pages == {"登记表": 2, "劳动合同": 4, "银行卡": 1}
    media = {m["title"]: m["media_type"] for m in view["materials"]}
    assert media == {"登记表": "application/pdf", "劳动合同": "image/tiff", "银行卡": "image/png"}
    assert view["pages"] == 7


def test_duplicate_content_is_reported(archive: Archive, tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in")
    first = capture_from_manifest(archive, manifest)
    second = capture_from_manifest(archive, manifest)
    assert second.number == "2023-SY-000002"
    assert {d.number for d in second.duplicates} == {first.number}
    assert len(second.duplicates) == 3


def test_unit_item_with_roster_orders_vouchers_by_roster(archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "unit"
    folder.mkdir()
    for index in range(5):
        make_jpeg(folder / f"v{index}.jpg", seed=index + 10)
    manifest = write_manifest(
        folder,
        **{
            "class": "GL",
            "business_type": "参保人员登记",
            "entity": {
                "kind": "unit",
                "name": "示例科技有限公司",
                "unit_code": "91350100M000100Y43",
            },
            "roster": ["王一", "赵二", "钱三"],
            "materials": [
                {"file": "v0.jpg", "role": "voucher", "person": "钱三", "title": "身份证复印件"},
                {
                    "file": "v1.jpg",
                    "role": "voucher",
                    "person": "王一",
                    "title": "劳动合同",
                    "importance": "secondary",
                },
                {"file": "v2.jpg", "role": "voucher", "person": "王一", "title": "身份证复印件"},
                {"file": "v3.jpg", "role": "voucher", "person": "赵二", "title": "身份证复印件"},
                {"file": "a.pdf", "role": "form", "title": "参保人员增加表"},
                {"file": "v4.jpg", "role": "voucher", "title": "营业执照复印件"},
            ],
        },
    )
    view = show(archive, capture_from_manifest(archive, manifest).number)
    order = [(m["title"], m["person"]) for m in view["materials"]]
    assert order == [
        ("参保人员增加表", None),
        ("营业执照复印件", None),
        ("身份证复印件", "王一"),
        ("身份证复印件", "赵二"),
        ("身份证复印件", "钱三"),
        ("劳动合同", "王一"),
    ]
    assert view["retention"] == "D100"
    assert view["folder"].startswith("files/参保人员登记/2023-05/示例科技有限公司/2023-GL-000001")
    assert len(stored_files(archive)) == 6


# -- issue 11 ----------------------------------------------------------------------------


def _pdf_with_javascript(path: Path) -> Path:
    make_pdf(path.with_name("plain-" + path.name))
    with pikepdf.open(path.with_name("plain-" + path.name)) as pdf:
        action = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        pdf.Root.OpenAction = action
        pdf.save(path)
    return path


def _pdf_with_attachment(path: Path) -> Path:
    make_pdf(path.with_name("plain-" + path.name))
    with pikepdf.open(path.with_name("plain-" + path.name)) as pdf:
        pdf.attachments["data.xml"] = pikepdf.AttachedFileSpec(pdf, b"<record/>")
        pdf.save(path)
    return path


def test_pdf_with_javascript_or_attachments_is_stored_with_a_warning(
    archive: Archive, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _pdf_with_javascript(folder / "script.pdf")
    _pdf_with_attachment(folder / "attached.pdf")
    manifest = write_manifest(
        folder,
        materials=[
            {"file": "script.pdf", "role": "form", "title": "登记表"},
            {"file": "attached.pdf", "role": "voucher", "person": "张三", "title": "电子凭证"},
            {"file": "b.jpg", "role": "voucher", "person": "李四", "title": "身份证复印件"},
        ],
    )
    result = capture_from_manifest(archive, manifest)
    assert any("JavaScript" in w and "script.pdf" in w for w in result.warnings)
    assert any("嵌入文件" in w and "attached.pdf" in w for w in result.warnings)
    view = show(archive, result.number)
    warned = {m["original_name"]: m["warnings"] for m in view["materials"]}
    assert len(warned["script.pdf"]) == 1 and "JavaScript" in warned["script.pdf"][0]
    assert len(warned["attached.pdf"]) == 1 and "嵌入文件" in warned["attached.pdf"][0]
    assert warned["b.jpg"] == []
    assert len(view["warnings"]) == 2
    stored = {Path(m["original_name"]): archive.root / m["file"] for m in view["materials"]}
    assert stored[Path("script.pdf")].read_bytes() == (folder / "script.pdf").read_bytes()
    archive.close()

    shown = run_cli("--archive", str(archive.root), "item", "show", result.number, check=True)
    assert "JavaScript" in shown.stdout and "嵌入文件" in shown.stdout
    as_json = run_cli(
        "--archive", str(archive.root), "item", "show", result.number, "--json", check=True
    )
    assert len(json.loads(as_json.stdout)["warnings"]) == 2


def test_plain_pdf_has_no_warning(archive: Archive, tmp_path: Path) -> None:
    view = show(archive, capture_from_manifest(archive, write_manifest(tmp_path / "in")).number)
    assert view["warnings"] == [] and all(m["warnings"] == [] for m in view["materials"])


def test_large_complete_png_is_accepted(archive: Archive, tmp_path: Path) -> None:
    """Above the full-decode size a PNG is checked by streaming its data, not decoded."""
    from .test_bad_input import write_big_png

    folder = tmp_path / "in"
    folder.mkdir()
    write_big_png(folder / "plan.png", 11000, 11000)
    manifest = write_manifest(
        folder,
        materials=[
            {"file": "a.pdf", "role": "form", "title": "登记表"},
            {"file": "plan.png", "role": "voucher", "person": "张三", "title": "大幅图纸"},
        ],
    )
    view = show(archive, capture_from_manifest(archive, manifest).number)
    assert [m["media_type"] for m in view["materials"]] == ["application/pdf", "image/png"]
