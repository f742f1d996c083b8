"""Registers filled from a real archive, written, and read back against the data."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest
from sqlalchemy import select

from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.capture.pipeline import capture_from_manifest
from archivist.custody import boxes
from archivist.db.models import AuditEvent
from archivist.errors import InputError
from archivist.handover import handovers
from archivist.registers.forms import Selection, collect, generate

from .conftest import run_cli, write_manifest

GS = {"class": "GS", "business_type": "工伤认定"}  # D50: page-numbered volumes


@pytest.fixture
def filed(archive: Archive, tmp_path: Path) -> list[str]:
    numbers = []
    for name, day in (("张三", "2023-03-09"), ("李四", "2023-03-02"), ("王五", "2023-07-15")):
        manifest = write_manifest(tmp_path / name, **GS, completed_on=day, title=f"{name}工伤认定")
        numbers.append(capture_from_manifest(archive, manifest).number)
    volumes.build(archive, 2023, "GS", "quarter")
    return numbers


def table_rows(path: Path) -> list[list[str]]:
    document = docx.Document(str(path))
    table = document.tables[-1]
    return [[cell.text for cell in row.cells] for row in table.rows]


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_volume_contents_lists_items_in_order_with_page_numbers(
    archive: Archive, filed: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "contents.docx"
    result = generate(archive, "volume-contents", out, Selection(volume="J023-GS-001"))
    assert result["rows"] == 2
    rows = table_rows(out)
    assert rows[0] == ["顺序号", "文号", "责任者", "题名", "日期", "页号", "备注"]
    assert rows[1] == ["1", "", "测试市社会保险事业服务中心", "李四工伤认定", "20230302", "1", ""]
    assert rows[2][:5] == ["2", "", "测试市社会保险事业服务中心", "张三工伤认定", "20230309"]
    assert rows[2][5] == "5-8"  # the last item: its first and the volume's last page
    text = document_text(out)
    assert "J023-GS-001" in text
    with archive.db.reading() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "register.generate")
        ).all()
    assert [e.target for e in events] == ["volume:J023-GS-001"]


def test_cover_notes_and_volume_list(archive: Archive, filed: list[str], tmp_path: Path) -> None:
    cover = generate(archive, "volume-cover", tmp_path / "c.docx", Selection(volume="J023-GS-001"))
    text = document_text(Path(cover["file"]))
    for value in (
        "测试市社会保险事业服务中心",
        "工伤保险待遇类",
        "50年",
        "J023-GS-001",
        "20230302",
    ):
        assert value in text
    volumes.move_items(archive, [filed[2]], "J023-GS-001", "并卷")
    notes = collect(archive, "volume-notes", Selection(volume="J023-GS-001"))
    assert notes.fields["items"] == 3 and notes.fields["pages"] == 12
    assert "并卷" in str(notes.fields["changes"])
    out = tmp_path / "list.docx"
    generate(archive, "volume-list", out, Selection(year=2023, class_code="GS"))
    rows = table_rows(out)
    assert rows[0] == [
        "案卷号", "档号", "案卷题名", "起止日期", "件数", "页数", "保管期限", "存放位置", "备注",
    ]  # fmt: skip
    assert rows[1][:3] == ["001", "J023-GS-001", volumes.show(archive, "J023-GS-001").title]
    assert rows[1][3:7] == ["20230302-20230715", "3", "12", "50年"]
    assert rows[2][1] == "J023-GS-002" and rows[2][4] == "0"
    xlsx = tmp_path / "list.xlsx"
    generate(archive, "volume-list", xlsx, Selection(year=2023, class_code="GS"))
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet is not None
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    assert ["J023-GS-001" in [str(v) for v in row] for row in values].count(True) == 1


def test_item_list_and_boxes(archive: Archive, filed: list[str], tmp_path: Path) -> None:
    out = tmp_path / "items.docx"
    generate(archive, "item-list", out, Selection(year=2023, class_code="GS"))
    rows = table_rows(out)
    assert rows[0] == ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"]
    assert [r[4] for r in rows[1:]] == ["张三工伤认定", "李四工伤认定", "王五工伤认定"]
    assert all(r[2] == "" and r[6] == "" for r in rows[1:])  # 文号 and 密级 unknown: blank
    box = boxes.create_box(archive, year=2023, class_code="GS", retention="D50", kind="volumes")
    boxes.put(archive, box.code, volumes=["J023-GS-001", "J023-GS-002"], reason="装盒")
    labels = collect(archive, "spine-labels", Selection(box=box.code))
    assert labels.rows[0][0] == "J023" and labels.rows[0][-1] == box.code
    assert labels.headings == {"range": "案卷号"}
    generate(archive, "spine-labels", tmp_path / "labels.docx", Selection(box=box.code))
    other = boxes.create_box(archive, year=2023, class_code="GS", retention="D50")
    several = collect(archive, "spine-labels", Selection(boxes=(other.code, box.code)))
    assert [row[-1] for row in several.rows] == [other.code, box.code]
    assert several.headings == {}  # an item box among them: 起止件号
    notes = collect(archive, "box-notes", Selection(box=box.code))
    assert "本盒共2卷" in str(notes.fields["description"])


def test_handover_record(archive: Archive, filed: list[str], tmp_path: Path) -> None:
    batch = handovers.create(archive, "工伤保险科", "赵六")
    handovers.add_volumes(archive, batch.number, ["J023-GS-001"])
    for kind in ("volume-cover", "volume-contents"):
        generate(archive, kind, tmp_path / f"{kind}.docx", Selection(volume="J023-GS-001"))
    assert handovers.check(archive, batch.number).ok
    out = tmp_path / "handover.docx"
    generate(archive, "handover", out, Selection(handover=batch.number))
    rows = table_rows(out)
    header = ["序号", "档号", "案卷题名", "件数", "页数", "质量检查结果", "备注"]
    body = [r for r in rows if r != header]
    assert rows[0] == header and body[0][:2] == ["1", "J023-GS-001"]
    assert body[0][3:6] == ["2", "8", "合格"]
    assert batch.number in document_text(out)


@pytest.mark.parametrize(
    ("kind", "selection", "code"),
    [
        ("item-list", Selection(year=2019), "register.empty_selection"),
        ("volume-cover", Selection(), "register.needs"),
        ("volume-list", Selection(year=2020), "register.empty_selection"),
        ("box-notes", Selection(box="NO-SUCH-BOX"), None),
    ],
)
def test_bad_selections_get_a_clear_message(
    archive: Archive,
    filed: list[str],
    tmp_path: Path,
    kind: str,
    selection: Selection,
    code: str | None,
) -> None:
    out = tmp_path / "x.docx"
    with pytest.raises(Exception) as info:
        generate(archive, kind, out, selection)
    assert not out.exists()
    if code:
        assert isinstance(info.value, InputError) and info.value.code == code


def test_register_cli(archive: Archive, filed: list[str], tmp_path: Path) -> None:
    out = tmp_path / "contents.docx"
    done = run_cli(
        "--archive", str(archive.root), "register", "volume-contents", "--volume", "J023-GS-001",
        "--out", str(out), "--json", check=True,
    )  # fmt: skip
    assert json.loads(done.stdout)["rows"] == 2 and out.exists()
    empty = run_cli(
        "--archive", str(archive.root), "register", "item-list", "--year", "2019",
        "--out", str(tmp_path / "none.docx"),
    )  # fmt: skip
    assert empty.returncode == 1 and "没有可登记的内容" in empty.stderr
