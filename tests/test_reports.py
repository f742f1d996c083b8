"""Printed registers: every layout written with realistic data and read back.

The expected columns and fields below are copied from `shared/spec/registers.md` by
hand, independently of `archivist.registers.layouts`, so a layout that drifts from the
spec fails here.
"""

from __future__ import annotations

import errno
import io
import os
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from PIL import Image

import archivist.storage.filestore as filestore
from archivist.errors import RegisterError
from archivist.formats.barcode import (
    PATTERNS,
    QUIET_ZONE,
    check_value,
    encode_code128,
    symbol_values,
)
from archivist.formats.images import barcode_png
from archivist.registers import LAYOUTS, DocumentData, Style, get_layout, write_docx, write_xlsx

SPEC_COLUMNS = {
    "item-list": ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"],
    "volume-contents": ["顺序号", "文号", "责任者", "题名", "日期", "页号", "备注"],
    "volume-list": [
        "案卷号", "档号", "案卷题名", "起止日期", "件数", "页数", "保管期限", "存放位置", "备注",
    ],
    "handover": ["序号", "档号", "案卷题名", "件数", "页数", "质量检查结果", "备注"],
}  # fmt: skip
SPEC_FIELDS = {
    "item-list": ["全宗号", "全宗名称", "年度", "保管期限", "机构(问题)"],
    "box-notes": ["盒内文件情况说明", "整理人", "整理日期", "检查人", "检查日期"],
    "volume-cover": [
        "全宗名称", "类目名称", "案卷题名", "起止时间", "保管期限", "件数", "页数", "归档号", "档号",
    ],
    "volume-contents": ["档号", "题名"],
    "volume-notes": ["本卷情况说明", "立卷人", "检查人", "立卷时间"],
    "volume-list": ["全宗", "年度", "类别"],
    "spine-labels": ["全宗号", "年度", "保管期限", "起止件号", "盒号"],
    "handover": ["交接单号", "移交部门", "接收部门", "移交人", "接收人", "日期"],
}  # fmt: skip
LANDSCAPE = {"item-list", "volume-list"}
SIGNATURES = {
    "box-notes": ["整理人", "整理日期", "检查人", "检查日期"],
    "volume-notes": ["立卷人", "立卷时间", "检查人"],
    "handover": ["移交人", "日期", "接收人", "日期"],
}

TWIPS_PER_PT = 20
PEOPLE = ("张建国", "李秀英", "王志强", "刘桂兰", "陈晓东", "杨丽华")
BUSINESS = ("养老保险待遇核定", "工伤认定", "失业保险金申领", "医疗保险参保登记", "社保卡补换")


def item_rows(count: int) -> list[list[str | None]]:
    rows: list[list[str | None]] = []
    for n in range(1, count + 1):
        rows.append(
            [
                str(n),
                f"J023-WS·2022-Y-YL-{n:04d}",
                f"测人社〔2022〕{n}号" if n % 4 else None,
                "测试市社会保险事业服务中心" if n % 2 else "测试市人力资源和社会保障局",
                f"关于{PEOPLE[n % len(PEOPLE)]}{BUSINESS[n % len(BUSINESS)]}的审批表（附身份证复印件）",
                f"2022{1 + n % 12:02d}{1 + n % 28:02d}",
                None,
                str(2 + n % 30),
                "第3页破损，已修补" if n % 25 == 0 else None,
            ]
        )
    return rows


ITEM_FIELDS = {
    "fonds_code": "J023",
    "fonds_name": "测试市社会保险事业服务中心",
    "year": "2022",
    "retention": "30年",
    "organisation": "养老保险科",
}


def sample(kind: str) -> DocumentData:
    """Realistic data for each register; some cells deliberately None."""
    if kind == "item-list":
        return DocumentData(fields=ITEM_FIELDS, rows=item_rows(150))
    if kind == "box-notes":
        return DocumentData(
            fields={
                "description": "本盒共装入 2022 年养老保险待遇核定文件 50 件，共 312 页。\n"
                "第 0017 件原件缺失，以复印件代替，已注明。",
                "organiser": "李秀英",
                "organised_on": "2023年3月15日",
                "checker": None,
            }
        )
    if kind == "volume-cover":
        return DocumentData(
            fields={
                "fonds_name": "测试市社会保险事业服务中心",
                "category": "养老保险",
                "title": "2022年第一季度企业职工基本养老保险待遇核定材料",
                "period": "20220104—20220331",
                "retention": "永久",
                "items": 48,
                "pages": "516",
                "filing_number": None,
                "code": "J023-01-007",
            }
        )
    if kind == "volume-contents":
        rows: list[list[str | None]] = [
            [
                str(n),
                f"测社保〔2022〕{n}号" if n != 3 else None,
                "测试市社会保险事业服务中心",
                f"{PEOPLE[n % len(PEOPLE)]}养老保险待遇核定表",
                f"202201{n + 3:02d}",
                f"{(n - 1) * 4 + 1}-{n * 4}",
                None,
            ]
            for n in range(1, 13)
        ]
        return DocumentData(
            fields={"code": "J023-01-007", "title": "2022年1月企业职工基本养老保险待遇核定材料"},
            rows=rows,
        )
    if kind == "volume-notes":
        return DocumentData(
            fields={
                "items": "12",
                "pages": "48",
                "damage": "第5件第2页右下角破损，字迹完整。",
                "changes": None,
                "filer": "王志强",
                "filed_on": "2023年1月10日",
                "checker": "刘桂兰",
            }
        )
    if kind == "volume-list":
        rows = [
            [
                f"{n:03d}",
                f"J023-01-{n:03d}",
                f"2022年{n}月企业职工基本养老保险待遇核定材料",
                f"2022{n:02d}01-2022{n:02d}28",
                str(40 + n),
                str(400 + 7 * n),
                "永久",
                f"1号库-03架-02列-{1 + n // 5}层-{n:03d}盒" if n != 4 else None,
                None,
            ]
            for n in range(1, 13)
        ]
        return DocumentData(
            fields={
                "fonds": "J023 测试市社会保险事业服务中心",
                "year": "2022",
                "category": "养老保险",
            },
            rows=rows,
        )
    if kind == "spine-labels":
        return DocumentData(
            rows=[
                [
                    "J023",
                    "2022",
                    "30年",
                    f"{b * 50 - 49:04d}-{b * 50:04d}",
                    f"{b:03d}",
                    f"J023-2022-D30-B{b:03d}" if b != 5 else None,
                ]
                for b in range(1, 8)
            ]
        )
    if kind == "handover":
        return DocumentData(
            fields={
                "number": "GDJJ-2023-004",
                "from_department": "养老保险科",
                "to_department": "档案室",
                "handed_over_by": "陈晓东",
                "handed_over_on": "2023年4月2日",
                "received_by": None,
                "received_on": None,
            },
            rows=[
                [
                    str(n),
                    f"J023-01-{n:03d}",
                    f"2022年{n}月养老保险待遇核定材料",
                    str(40 + n),
                    str(400 + n),
                    "合格" if n != 3 else "不合格：页数不符",
                    None,
                ]
                for n in range(1, 6)
            ],
        )
    raise AssertionError(kind)


# --- reading back ---------------------------------------------------------------------


def open_docx(path: Path) -> Any:
    """Reopen with python-docx, and check the package is a well-formed OOXML zip."""
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        names = package.namelist()
        assert "[Content_Types].xml" in names and "word/document.xml" in names
        ElementTree.fromstring(package.read("word/document.xml"))
        ElementTree.fromstring(package.read("word/styles.xml"))
    return docx.Document(str(path))


def register_table(document: Any) -> Table:
    """The table whose first row repeats on every page."""
    for table in document.tables:
        if table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
            return table  # type: ignore[no-any-return]
    raise AssertionError("no table with a repeated header row")


def all_text(document: Any) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def grid_rows(table: Table) -> list[list[str]]:
    """Cell texts per row, a merged cell counted once."""
    out = []
    for tr in table._tbl.tr_lst:
        out.append(["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.tc_lst])
    return out


def value_after(table: Table, label: str) -> str:
    """The value cell beside a label, or under it where the label is a caption."""
    rows = grid_rows(table)
    for number, row in enumerate(rows):
        if label in row:
            at = row.index(label)
            return row[at + 1] if at + 1 < len(row) else rows[number + 1][0]
    raise AssertionError(f"no label {label}")


def east_asian(rpr_holder: Any) -> str | None:
    fonts = rpr_holder.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def written(kind: str, tmp_path: Path, data: DocumentData | None = None) -> tuple[Any, Path]:
    path = tmp_path / f"{kind}.docx"
    assert write_docx(get_layout(kind), data or sample(kind), path) == path
    return open_docx(path), path


# --- layouts against the spec -----------------------------------------------------------


def test_layouts_follow_the_spec() -> None:
    assert set(LAYOUTS) >= set(SPEC_FIELDS)
    for kind, headings in SPEC_COLUMNS.items():
        assert list(get_layout(kind).headings) == headings, kind
    for kind, labels in SPEC_FIELDS.items():
        layout = get_layout(kind)
        printed = [f.label for f in layout.fields]
        printed += [x for s in layout.signatures for x in (s.label, s.date_label) if x]
        printed += list(layout.headings)
        for label in labels:
            assert label in printed, (kind, label)
    for kind, layout in LAYOUTS.items():
        keys = layout.field_keys()
        assert len(keys) == len(set(keys)), kind
        assert len({c.key for c in layout.columns}) == len(layout.columns), kind


def test_unknown_kind_names_the_choices() -> None:
    with pytest.raises(RegisterError) as caught:
        get_layout("borrow-book")
    assert caught.value.code == "register.unknown_kind"
    assert "item-list" in caught.value.message()


# --- registers of rows ------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(SPEC_COLUMNS))
def test_table_register_reads_back(kind: str, tmp_path: Path) -> None:
    data = sample(kind)
    document, _ = written(kind, tmp_path)
    section = document.sections[0]
    if kind in LANDSCAPE:
        assert section.page_width > section.page_height
    else:
        assert section.page_width < section.page_height
    assert round(min(section.page_width, section.page_height).mm) == 210
    assert round(max(section.page_width, section.page_height).mm) == 297

    table = register_table(document)
    rows = grid_rows(table)
    assert rows[0] == SPEC_COLUMNS[kind]
    assert rows[1:] == [["" if v is None else str(v) for v in row] for row in data.rows]
    trs = table._tbl.tr_lst
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in trs)
    headers = [tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in trs]
    assert headers == [True] + [False] * (len(trs) - 1)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        assert borders.find(qn(f"w:{side}")).get(qn("w:val")) == "single"

    # widths: fill the page, title column widest, every heading on one line
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    usable = (section.page_width - section.left_margin - section.right_margin) / 635  # twips
    assert 0.97 * usable < sum(widths) <= usable
    title_index = next(i for i, h in enumerate(SPEC_COLUMNS[kind]) if h.endswith("题名"))
    assert widths[title_index] == max(widths)
    for heading, width in zip(SPEC_COLUMNS[kind], widths, strict=True):
        assert width - 2 * 57 >= len(heading) * 10.5 * TWIPS_PER_PT, heading

    # fonts: East Asian face named on the styles and on every run
    normal = document.styles["Normal"].element
    assert east_asian(normal) == "宋体"
    assert normal.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:ascii")) == "SimSun"
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
    assert east_asian(defaults) == "宋体"
    header_runs = trs[0].findall(f".//{qn('w:r')}")
    assert header_runs and all(east_asian(r) == "黑体" for r in header_runs)
    body_runs = [r for tr in trs[1:] for r in tr.iter(qn("w:r"))]
    assert body_runs and all(east_asian(r) == "宋体" for r in body_runs)
    title = document.paragraphs[0] if kind != "item-list" else None
    if title is not None:
        assert title.text == get_layout(kind).title
        assert all(east_asian(r._r) == "黑体" for r in title.runs)

    # page numbers: 第 X 页 共 Y 页 from PAGE and NUMPAGES fields
    footer = section.footer._element
    instructions = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    footer_text = "".join(t.text for t in footer.iter(qn("w:t")))
    assert (
        footer_text.startswith("第 ") and " 页 共 " in footer_text and footer_text.endswith(" 页")
    )


def test_item_list_has_a_cover_and_several_pages(tmp_path: Path) -> None:
    document, path = written("item-list", tmp_path)
    cover = document.tables[0]
    for label, key in zip(SPEC_FIELDS["item-list"], ITEM_FIELDS, strict=True):
        assert value_after(cover, label) == ITEM_FIELDS[key]
    assert document.paragraphs[0].text == "归档文件目录"
    # 150 rows at ~9 mm each are far more than one landscape page: the header repeats
    assert len(register_table(document).rows) == 151
    assert os.listdir(tmp_path) == [path.name]  # no temporary file left over


def test_table_register_header_fields(tmp_path: Path) -> None:
    document, _ = written("volume-list", tmp_path)
    fields = document.tables[0]
    assert value_after(fields, "全宗") == "J023 测试市社会保险事业服务中心"
    assert value_after(fields, "年度") == "2022"
    assert value_after(fields, "类别") == "养老保险"
    document, _ = written("volume-contents", tmp_path)
    assert value_after(document.tables[0], "档号") == "J023-01-007"
    assert value_after(document.tables[0], "题名") == "2022年1月企业职工基本养老保险待遇核定材料"


def test_handover_totals_and_signatures(tmp_path: Path) -> None:
    document, _ = written("handover", tmp_path)
    grid = document.tables[0]
    assert value_after(grid, "交接单号") == "GDJJ-2023-004"
    assert value_after(grid, "移交部门") == "养老保险科"
    assert value_after(grid, "接收部门") == "档案室"
    text = [p.text for p in document.paragraphs]
    total = next(t for t in text if t.startswith("合计"))
    items = sum(40 + n for n in range(1, 6))
    pages = sum(400 + n for n in range(1, 6))
    assert " 5 " in total and f" {items} " in total and f" {pages} " in total
    assert "卷" in total and "件" in total and "页" in total
    handed = next(t for t in text if t.startswith("移交人："))
    assert "陈晓东" in handed and "日期：" in handed and "2023年4月2日" in handed
    received = next(t for t in text if t.startswith("接收人："))
    assert received.replace("\u3000", "").replace(" ", "") == "接收人：日期："  # blank, not made up


def test_a_total_over_a_blank_cell_is_blank(tmp_path: Path) -> None:
    data = sample("handover")
    rows = [list(r) for r in data.rows]
    rows[1][4] = None  # pages unknown for one volume
    document, _ = written("handover", tmp_path, DocumentData(fields=data.fields, rows=rows))
    total = next(p.text for p in document.paragraphs if p.text.startswith("合计"))
    items = sum(40 + n for n in range(1, 6))
    assert f" {items} " in total
    assert total.rstrip().endswith("\u3000\u3000\u3000 页")


# --- forms ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["box-notes", "volume-cover", "volume-notes"])
def test_form_reads_back(kind: str, tmp_path: Path) -> None:
    data = sample(kind)
    layout = get_layout(kind)
    document, _ = written(kind, tmp_path)
    section = document.sections[0]
    assert section.page_width < section.page_height
    assert document.paragraphs[0].text == layout.title
    assert len(document.tables) == 1
    grid = document.tables[0]
    # a labelled grid, not a register: no repeated header row
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for tr in grid._tbl.tr_lst)
    for f in layout.value_fields:
        given = data.fields.get(f.key)
        shown = "" if given is None else str(given).replace("\n", "")  # a break is a w:br
        assert value_after(grid, f.label) == shown, f.label
    labels = [cell for row in grid_rows(grid) for cell in row]
    for label in SPEC_FIELDS[kind]:
        assert label in labels
    for label in SIGNATURES.get(kind, []):
        assert label in labels
    for signature in layout.signatures:
        given = data.fields.get(signature.key)
        assert value_after(grid, signature.label) == ("" if given is None else str(given))
    runs = list(grid._tbl.iter(qn("w:r")))
    assert runs and all(east_asian(r) in ("宋体", "黑体") for r in runs)


def test_box_notes_keeps_line_breaks(tmp_path: Path) -> None:
    document, _ = written("box-notes", tmp_path)
    cell = next(
        tc for tc in document.tables[0]._tbl.iter(qn("w:tc")) if "本盒共装入" in "".join(
            t.text for t in tc.iter(qn("w:t")))
    )  # fmt: skip
    assert len(list(cell.iter(qn("w:br")))) == 1


# --- labels -----------------------------------------------------------------------------


def decode_png(png: bytes, module_px: int = 4) -> str:
    """Read a Code 128 B symbol back from the drawn bars (a test-only decoder)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    row = [image.getpixel((x, image.height // 2)) for x in range(image.width)]
    modules = "".join("1" if row[x] < 128 else "0" for x in range(0, len(row), module_px))
    assert modules.startswith("0" * QUIET_ZONE) and modules.endswith("0" * QUIET_ZONE)
    core = modules.strip("0")
    runs: list[int] = []
    for bit in core:
        if runs and (len(runs) % 2 == 1) == (bit == "1"):
            runs[-1] += 1
        else:
            runs.append(1)
    widths = "".join(str(r) for r in runs)
    lookup = {p: v for v, p in enumerate(PATTERNS)}
    symbols = [lookup[widths[i : i + 6]] for i in range(0, len(widths) - 7, 6)]
    assert widths[-7:] == PATTERNS[106]
    start, *data, check = symbols
    assert start == 104 and check == check_value(data)
    return "".join(chr(v + 32) for v in data)


def test_spine_labels(tmp_path: Path) -> None:
    data = sample("spine-labels")
    document, path = written("spine-labels", tmp_path)
    section = document.sections[0]
    assert section.page_width < section.page_height
    table = document.tables[0]
    cells = [tc for tr in table._tbl.tr_lst for tc in tr.tc_lst]
    assert len(cells) == 9  # 7 labels, 3 across: the last row padded with blanks
    for tc, row in zip(cells, data.rows, strict=False):
        texts = ["".join(t.text for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))]
        texts = [t for t in texts if t]
        expected = []
        for label, value in zip(SPEC_FIELDS["spine-labels"], row, strict=False):
            expected += [label, value]
        if row[5] is not None:
            expected.append(row[5])
        assert texts == expected
        runs = list(tc.iter(qn("w:r")))
        assert all(east_asian(r) in ("宋体", "黑体") for r in runs if r.find(qn("w:t")) is not None)
    with zipfile.ZipFile(path) as package:
        images = [n for n in package.namelist() if n.startswith("word/media/")]
        decoded = sorted(decode_png(package.read(n)) for n in images)
    assert decoded == sorted(str(r[5]) for r in data.rows if r[5] is not None)
    # bordered cells, several to a page, rows of a fixed height
    assert table._tbl.tblPr.find(f"{qn('w:tblBorders')}/{qn('w:insideV')}") is not None
    heights = table._tbl.findall(f".//{qn('w:trHeight')}")
    assert heights and all(h.get(qn("w:hRule")) == "exact" for h in heights)


def test_spine_labels_for_volumes_say_case_number(tmp_path: Path) -> None:
    data = DocumentData(rows=[["J023", "2022", "永久", "001-010", "003", "J023-2022-B003"]],
                        headings={"range": "案卷号"})  # fmt: skip
    document, _ = written("spine-labels", tmp_path, data)
    text = all_text(document)
    assert "案卷号" in text and "起止件号" not in text
    with pytest.raises(RegisterError) as caught:
        write_docx(get_layout("spine-labels"), DocumentData(headings={"range": "卷号"}),
                   tmp_path / "x.docx")  # fmt: skip
    assert caught.value.code == "register.bad_heading"


# --- barcode ----------------------------------------------------------------------------


def test_code128_check_digit() -> None:
    # the textbook example: "PJJ123C" in code set B has check value 55
    assert encode_code128("PJJ123C").check_value == 55
    assert check_value(symbol_values("AB")) == (104 + 1 * 33 + 2 * 34) % 103 == 102
    symbol = encode_code128("J023-2022-B001")
    assert symbol.values[0] == 104 and symbol.values[-1] == 106
    assert symbol.values[-2] == check_value(list(symbol.values[1:-2]))


def test_code128_patterns_and_quiet_zones() -> None:
    assert len(PATTERNS) == 107
    for value, pattern in enumerate(PATTERNS[:106]):
        assert len(pattern) == 6 and sum(map(int, pattern)) == 11, value
    assert sum(map(int, PATTERNS[106])) == 13
    from reportlab.graphics.barcode.code128 import _patterns  # an independent table

    for value, pattern in enumerate(PATTERNS):
        assert pattern == "".join(str(ord(c.upper()) - 64) for c in _patterns[value])
    text = "A182-2022"
    symbol = encode_code128(text)
    assert symbol.modules.startswith("0" * QUIET_ZONE + "1")
    assert symbol.modules.endswith("1" + "0" * QUIET_ZONE)
    assert len(symbol.modules) == 2 * QUIET_ZONE + 11 * (len(text) + 2) + 13
    assert decode_png(barcode_png(symbol.modules)) == text


def test_code128_refuses_what_it_cannot_encode() -> None:
    with pytest.raises(RegisterError) as caught:
        encode_code128("A182-WS·2022")
    assert caught.value.code == "barcode.unencodable" and "·" in caught.value.message()
    with pytest.raises(RegisterError):
        encode_code128("")


# --- spreadsheets -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["item-list", "volume-list"])
def test_catalogue_xlsx_reads_back(kind: str, tmp_path: Path) -> None:
    data = sample(kind)
    path = tmp_path / f"{kind}.xlsx"
    write_xlsx(get_layout(kind), data, path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet["A1"].value == get_layout(kind).title
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header_at = next(
        i for i, row in enumerate(values) if row[: len(SPEC_COLUMNS[kind])] == SPEC_COLUMNS[kind]
    )
    fields = {row[0]: row[1] for row in values[1:header_at] if row[0]}
    for f in get_layout(kind).value_fields:
        assert fields[f.label] == data.fields.get(f.key)
    body = values[header_at + 1 :]
    assert [[None if v is None else str(v) for v in row] for row in body] == [
        [None if v is None else str(v) for v in row] for row in data.rows
    ]
    header_row = header_at + 1
    assert all(c.font.b for c in sheet[header_row])
    assert sheet.freeze_panes == f"A{header_row + 1}"
    assert sheet.print_title_rows == f"${header_row}:${header_row}"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    widths = [sheet.column_dimensions[chr(65 + i)].width for i in range(len(SPEC_COLUMNS[kind]))]
    title_index = next(i for i, h in enumerate(SPEC_COLUMNS[kind]) if h.endswith("题名"))
    assert widths[title_index] == max(widths)
    if kind == "item-list":  # dates stay text with their zeros; counts are numbers
        assert isinstance(sheet.cell(row=header_row + 1, column=6).value, str)
        assert isinstance(sheet.cell(row=header_row + 1, column=8).value, int)


def test_only_catalogues_export_to_xlsx(tmp_path: Path) -> None:
    with pytest.raises(RegisterError) as caught:
        write_xlsx(get_layout("handover"), sample("handover"), tmp_path / "h.xlsx")
    assert caught.value.code == "register.no_spreadsheet"
    assert not (tmp_path / "h.xlsx").exists()


# --- bad data ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "data", "code"),
    [
        ("item-list", DocumentData(rows=[["1", "J023", None]]), "register.row_width"),
        ("item-list", DocumentData(fields={"fonds": "J023"}), "register.unknown_field"),
        ("item-list", DocumentData(rows=[item_rows(1)[0][:5] + ["2022-03-01"] + [None] * 3]),
         "register.bad_value"),
        ("volume-cover", DocumentData(rows=[["x"]]), "register.no_rows"),
    ],
)  # fmt: skip
def test_data_that_does_not_fit_is_refused(
    kind: str, data: DocumentData, code: str, tmp_path: Path
) -> None:
    for write in (write_docx, write_xlsx):
        if write is write_xlsx and not get_layout(kind).spreadsheet:
            continue
        with pytest.raises(RegisterError) as caught:
            write(get_layout(kind), data, tmp_path / "out")
        assert caught.value.code == code
        assert caught.value.message()  # a sentence, not a code
    assert os.listdir(tmp_path) == []


def test_date_must_be_yyyymmdd_and_says_so(tmp_path: Path) -> None:
    row = item_rows(1)[0]
    row[5] = "2022-03-01"
    with pytest.raises(RegisterError) as caught:
        write_docx(get_layout("item-list"), DocumentData(rows=[row]), tmp_path / "x.docx")
    message = caught.value.message()
    assert "YYYYMMDD" in message and "日期" in message and "第 1 行" in message


# --- where the file goes ----------------------------------------------------------------


def test_a_path_under_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "报表"
    blocker.write_text("not a folder")
    for target in (blocker / "目录.docx", blocker / "sub" / "目录.docx"):
        with pytest.raises(RegisterError) as caught:
            write_docx(get_layout("item-list"), sample("item-list"), target)
        assert caught.value.code == "register.not_a_folder"
        assert str(blocker) in caught.value.message()
    with pytest.raises(RegisterError) as caught:
        write_xlsx(get_layout("item-list"), sample("item-list"), blocker / "目录.xlsx")
    assert caught.value.code == "register.not_a_folder"
    assert sorted(os.listdir(tmp_path)) == ["报表"]
    assert blocker.read_text() == "not a folder"


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RegisterError) as caught:
        write_docx(get_layout("handover"), sample("handover"), tmp_path / "无此目录" / "h.docx")
    assert caught.value.code == "register.folder_missing"
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_folder_is_refused() -> None:
    """A real read-only folder; as root (who writes anywhere), the writer runs as an
    unprivileged user."""
    import shutil
    import subprocess
    import sys
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="ro-register-"))
    try:
        base.chmod(0o755)
        folder = base / "只读"
        folder.mkdir()
        folder.chmod(0o555)
        script = (
            "import sys\n"
            "from archivist.errors import RegisterError\n"
            "from archivist.registers import DocumentData, get_layout, write_docx\n"
            "data = DocumentData(fields={'year': 2023}, rows=[[1, 'A-1', None, '某中心', '题名',"
            " '20230512', None, 3, None]])\n"
            "try:\n"
            "    write_docx(get_layout('item-list'), data, sys.argv[1])\n"
            "except RegisterError as exc:\n"
            "    print(exc.code)\n"
        )
        prefix = (
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            if os.geteuid() == 0
            else []
        )
        result = subprocess.run(
            [*prefix, sys.executable, "-c", script, str(folder / "目录.docx")],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
            env={**os.environ, "HOME": str(base)},
            timeout=60,
        )
        assert result.stdout.strip() == "register.not_writable", result.stderr
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.parametrize(
    ("error", "code"),
    [(errno.EACCES, "register.not_writable"), (errno.EROFS, "register.not_writable"),
     (errno.ENOSPC, "register.disk_full"), (errno.EIO, "register.write_failed")],
)  # fmt: skip
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_a_failed_write_leaves_no_file(
    error: int, code: str, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever stops the write half way (a read-only folder as seen by root, a full
    disk), the target is untouched and no temporary file is left."""
    target = tmp_path / f"目录.{fmt}"
    target.write_bytes(b"the previous register")
    written_bytes: list[int] = []

    def failing(handle: Any, data: bytes) -> None:
        handle.write(data[:1000])
        written_bytes.append(1000)
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(filestore, "write_chunk", failing)
    write = write_docx if fmt == "docx" else write_xlsx
    with pytest.raises(RegisterError) as caught:
        write(get_layout("volume-list"), sample("volume-list"), target)
    assert written_bytes  # the failure really happened mid-write
    assert caught.value.code == code
    assert str(target) in caught.value.message()
    assert os.listdir(tmp_path) == [target.name]
    assert target.read_bytes() == b"the previous register"


def test_rewriting_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "案卷目录.docx"
    target.write_bytes(b"old")
    write_docx(get_layout("volume-list"), sample("volume-list"), target)
    assert open_docx(target).paragraphs[0].text == "案卷目录"
    assert os.listdir(tmp_path) == [target.name]


def test_every_layout_writes_blank(tmp_path: Path) -> None:
    """Every entry of LAYOUTS (later registers included) prints blank, with nothing
    filled in: a form to complete by hand. Catalogues make a workbook too."""
    for kind, layout in LAYOUTS.items():
        document, _ = written(kind, tmp_path, DocumentData())
        if layout.style is not Style.LABELS:
            assert layout.title in [p.text for p in document.paragraphs]
        if layout.style is Style.TABLE:
            assert len(register_table(document).rows) == 1
        if layout.spreadsheet:
            write_xlsx(layout, DocumentData(), tmp_path / f"{kind}.xlsx")
