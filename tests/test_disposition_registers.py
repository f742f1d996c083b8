"""The registers of appraisal, holds and destruction (issue 15): 到期档案鉴定清单,
鉴定意见书, 销毁清册, 会计档案销毁清册 and 保全登记簿, written as .docx and read back with
python-docx: the spec's exact columns (../shared/spec/registers.md), the orientation,
the repeated header row and the signature blocks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from sqlalchemy import select

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes.states import AppraisalState, DestructionState, HoldState
from archivist.db.models import AccessEvent, Item
from archivist.disposition.batch_views import BatchView, EntryView, MemberView, Opinion
from archivist.disposition.holds import HoldKind, HoldTarget, HoldView, lift_hold, place_hold
from archivist.disposition.register_views import (
    Duty,
    RegisterRow,
    RegisterView,
    SignatureView,
    Unit,
)
from archivist.errors import InputError
from archivist.registers import disposition_registers as dr
from archivist.registers.docx_writer import write_docx
from archivist.registers.layouts import get_layout

from .conftest import PASSWORD, add_person, run_cli, write_manifest

# the spec's columns, in order (../shared/spec/registers.md)
APPRAISAL_COLUMNS = [
    "序号", "档号", "题名", "年度", "原保管期限", "到期日期", "鉴定意见", "延期至", "理由",
]  # fmt: skip
DESTRUCTION_COLUMNS = ["序号", "题名", "年度", "档号", "应保管期限", "已保管期限", "页数", "备注"]
ACCOUNTING_COLUMNS = [
    "名称", "卷号", "册数", "起止年度", "档案编号", "应保管期限", "已保管期限", "销毁时间",
]  # fmt: skip
HOLD_COLUMNS = [
    "编号", "对象", "类型", "理由", "设置人", "设置时间", "解除人", "解除时间", "解除理由",
]  # fmt: skip
FIVE = ["单位负责人", "档案机构负责人", "会计机构负责人", "档案经办人", "会计经办人"]

SIGNED = "2026-01-05T02:00:00.000000+00:00"  # 10:00 in Beijing, the same day anywhere near
SIGNED_DAY = "20260105"


# --- reading back ---------------------------------------------------------------------


def open_docx(path: Path) -> Any:
    return docx.Document(str(path))


def cells(table: Table) -> list[list[str]]:
    """Each row's cells (a merged cell once), their text with line breaks."""
    return [[_Cell(tc, table).text for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def register_table(document: Any) -> Table:
    """The table whose first row repeats on every page."""
    found = [
        t
        for t in document.tables
        if t.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    ]
    assert len(found) == 1
    return found[0]  # type: ignore[no-any-return]


def header_repeats(table: Table) -> bool:
    trs = table._tbl.tr_lst
    marks = [tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in trs]
    return marks == [True] + [False] * (len(trs) - 1)


def landscape(document: Any) -> bool:
    section = document.sections[0]
    assert round(min(section.page_width, section.page_height).mm) == 210
    assert round(max(section.page_width, section.page_height).mm) == 297
    return bool(section.page_width > section.page_height)


def signature_lines(document: Any) -> list[str]:
    """The signature paragraphs under a table: `label：value　　日期：value`, stripped."""
    return [
        " ".join(p.text.split())
        for p in document.paragraphs
        if "：" in p.text and not p.text.startswith("合计")
    ]


def value_after(table: Table, label: str, occurrence: int = 0) -> str:
    """The value beside a label in a grid (or under it where the label is a caption)."""
    rows = cells(table)
    seen = 0
    for number, row in enumerate(rows):
        for at, text in enumerate(row):
            if text == label:
                if seen == occurrence:
                    return row[at + 1] if at + 1 < len(row) else rows[number + 1][0]
                seen += 1
    raise AssertionError(f"no label {label} ({occurrence})")


def written(layout_data: tuple[Any, Any], path: Path) -> Any:
    layout, data = layout_data
    assert write_docx(layout, data, path) == path
    return open_docx(path)


# --- views as the services give them --------------------------------------------------


def member(name: str, display: str, head: bool = False, signed: bool = True) -> MemberView:
    return MemberView(name, display, head, SIGNED if signed else None)


def entry(n: int, opinion: Opinion | None, **extra: Any) -> EntryView:
    values: dict[str, Any] = {
        "number": f"SY-2005-{n:04d}",
        "archival_code": f"J023-SY·2005-D10-{n:04d}",
        "title": f"职工{n}失业保险金申领",
        "class_code": "SY",
        "year": 2005,
        "retention": "D10",
        "expires_on": dt.date(2016, 1, 1),
        "volume": None,
        "pages": 4,
        "opinion": opinion,
        "new_retention": None,
        "new_expires_on": None,
        "reason": "",
        "decided_by": None,
        "holds": (),
    }
    values.update(extra)
    return EntryView(**values)


def batch_view(
    entries: tuple[EntryView, ...], members: tuple[MemberView, ...], **extra: Any
) -> BatchView:
    values: dict[str, Any] = {
        "number": "JD-2026-01",
        "as_of": dt.date(2026, 1, 1),
        "class_code": "SY",
        "scope_year": 2005,
        "state": AppraisalState.DRAFT,
        "created_by": "tester",
        "created_at": "2026-01-02T01:00:00+00:00",
        "signed_at": None,
        "members": members,
        "entries": entries,
        "destruction_registers": (),
    }
    values.update(extra)
    return BatchView(**values)


FONDS = {"code": "J023", "name": "测试市社会保险事业服务中心"}

ENTRIES = (
    entry(1, Opinion.DESTROY, reason="已无查考价值", decided_by="li"),
    entry(
        2,
        Opinion.EXTEND,
        new_retention="D30",
        new_expires_on=dt.date(2036, 1, 1),
        reason="涉及未结待遇追回",
        decided_by="li",
    ),
    entry(3, Opinion.PERMANENT, new_retention="Y", reason="典型案例", decided_by="li"),
    entry(4, None),
)
# the head is listed second: the leader still signs first
MEMBERS = (
    member("li", "李四"),
    member("zhang", "张三", head=True),
    member("wang", "王五", signed=False),
    member("zhao", "赵六"),
)


def test_appraisal_list_has_the_specs_columns_and_every_members_signature(
    tmp_path: Path,
) -> None:
    batch = batch_view(ENTRIES, MEMBERS)
    document = written(dr.appraisal_list(batch, FONDS, {"SY": "失业保险"}), tmp_path / "a.docx")
    assert landscape(document)
    assert document.paragraphs[0].text == "到期档案鉴定清单"
    table = register_table(document)
    assert header_repeats(table)
    rows = cells(table)
    assert rows[0] == APPRAISAL_COLUMNS
    assert rows[1:] == [
        ["1", "J023-SY·2005-D10-0001", "职工1失业保险金申领", "2005", "10年", "20160101",
         "销毁", "", "已无查考价值"],
        ["2", "J023-SY·2005-D10-0002", "职工2失业保险金申领", "2005", "10年", "20160101",
         "延期", "30年（20360101到期）", "涉及未结待遇追回"],
        ["3", "J023-SY·2005-D10-0003", "职工3失业保险金申领", "2005", "10年", "20160101",
         "延期", "永久", "典型案例"],
        # not yet decided: blank, nothing made up
        ["4", "J023-SY·2005-D10-0004", "职工4失业保险金申领", "2005", "10年", "20160101",
         "", "", ""],
    ]  # fmt: skip
    fields = document.tables[0]
    assert value_after(fields, "鉴定批次") == "JD-2026-01"
    assert value_after(fields, "鉴定基准日") == "20260101"
    assert value_after(fields, "鉴定范围") == "SY 失业保险，2005年度"
    assert value_after(fields, "鉴定小组") == "张三（组长）、李四、王五、赵六"
    # one line per member, the leader first; who has not signed leaves a line to sign on
    assert signature_lines(document) == [
        f"鉴定小组组长： 张三 日期： {SIGNED_DAY}",
        f"鉴定小组成员： 李四 日期： {SIGNED_DAY}",
        "鉴定小组成员： 日期：",
        f"鉴定小组成员： 赵六 日期： {SIGNED_DAY}",
    ]


def test_appraisal_list_of_an_empty_batch_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        dr.appraisal_list(batch_view((), MEMBERS), FONDS)
    assert caught.value.code == "register.empty_selection"
    assert "到期档案鉴定清单" in caught.value.message()


PULLED = (
    dr.PulledOut(
        hold="BQ-2026-0001",
        kind=HoldKind.LITIGATION,
        reason="劳动争议诉讼未结",
        archival_code="J023-SY·2005-D10-0009",
        title="职工9失业保险金申领",
        class_code="SY",
        lifted=False,
    ),
)


def test_appraisal_opinion_says_scope_reasons_holds_and_has_the_members_signatures(
    tmp_path: Path,
) -> None:
    batch = batch_view(ENTRIES, MEMBERS)
    document = written(
        dr.appraisal_opinion(batch, PULLED, FONDS, {"SY": "失业保险"}), tmp_path / "o.docx"
    )
    assert not landscape(document)
    assert document.paragraphs[0].text == "鉴定意见书"
    [form] = document.tables
    assert value_after(form, "鉴定批次") == "JD-2026-01"
    assert value_after(form, "年度") == "2005"
    assert value_after(form, "保管期限") == "10年 4件"
    counts = value_after(form, "数量")
    assert counts.startswith("共4件，16页：拟销毁1件，延期保存1件，改为永久保存1件")
    assert "尚未提出意见1件" in counts and "因保全抽出1件" in counts
    assert "SY 失业保险，2005年度" in value_after(form, "鉴定情况")
    assert value_after(form, "销毁理由") == "已无查考价值（1件）"
    assert value_after(form, "延期保存理由") == (
        "涉及未结待遇追回，延期至30年（1件）\n典型案例，改为永久（1件）"
    )
    assert value_after(form, "抽出档案（保全）") == (
        "BQ-2026-0001 J023-SY·2005-D10-0009 职工9失业保险金申领：诉讼，劳动争议诉讼未结"
    )
    # not an accounting batch: no unsettled-matter section
    assert "未结清债权债务的会计凭证" not in [c for row in cells(form) for c in row]
    signatures = [row for row in cells(form) if row and row[0].startswith("鉴定小组")]
    assert signatures == [
        ["鉴定小组组长", "张三", "日期", SIGNED_DAY],
        ["鉴定小组成员", "李四", "日期", SIGNED_DAY],
        ["鉴定小组成员", "", "日期", ""],
        ["鉴定小组成员", "赵六", "日期", SIGNED_DAY],
    ]


def test_an_accounting_opinion_names_the_unsettled_matters(tmp_path: Path) -> None:
    kj = (
        entry(1, Opinion.DESTROY, class_code="KJ", retention="D30", reason="保管期满"),
        entry(2, Opinion.DESTROY, class_code="KJ", retention="D30", reason="保管期满"),
    )
    unsettled = dr.PulledOut(
        hold="BQ-2026-0002",
        kind=HoldKind.UNSETTLED,
        reason="应收账款未结清",
        archival_code="J023-KJ·2005-D30-0003",
        title="2005年3月会计凭证",
        class_code="KJ",
        lifted=False,
    )
    batch = batch_view(kj, MEMBERS, class_code="KJ", state=AppraisalState.SIGNED)
    document = written(dr.appraisal_opinion(batch, (unsettled,), FONDS), tmp_path / "kj.docx")
    [form] = document.tables
    assert value_after(form, "未结清债权债务的会计凭证") == (
        "BQ-2026-0002 J023-KJ·2005-D30-0003 2005年3月会计凭证：未结清债权债务，应收账款未结清"
    )
    assert value_after(form, "延期保存理由") == "无"
    # nothing unsettled is still said, never left out
    document = written(dr.appraisal_opinion(batch, (), FONDS), tmp_path / "kj2.docx")
    assert value_after(document.tables[0], "未结清债权债务的会计凭证") == "无"
    assert value_after(document.tables[0], "抽出档案（保全）") == "无"


def sig(duty: Duty, user: str, display: str, unit: Unit | None = None) -> SignatureView:
    return SignatureView(duty, unit, user, display, SIGNED)


def row(seq: int, **extra: Any) -> RegisterRow:
    values: dict[str, Any] = {
        "seq": seq,
        "number": f"SY-2005-{seq:04d}",
        "archival_code": f"J023-SY·2005-D10-{seq:04d}",
        "title": f"职工{seq}失业保险金申领",
        "class_code": "SY",
        "year": 2005,
        "retention": "D10",
        "kept_years": 20,
        "pages": 3 + seq,
        "volume": None,
        "note": "",
    }
    values.update(extra)
    return RegisterRow(**values)


def register_view(rows: tuple[RegisterRow, ...], **extra: Any) -> RegisterView:
    values: dict[str, Any] = {
        "number": "XH-2026-01",
        "batch": "JD-2026-01",
        "accounting": False,
        "state": DestructionState.EXECUTED,
        "fonds_code": "J023",
        "fonds_name": "测试市社会保险事业服务中心",
        "proposed_by": "tester",
        "proposed_at": SIGNED,
        "group_leader": "张三",
        "group_signed_at": SIGNED,
        "approved_by": "boss",
        "approved_at": SIGNED,
        "executed_by": "tester",
        "executed_at": SIGNED,
        "executed_on": dt.date(2026, 1, 20),
        "method": "粉碎",
        "place": "档案室销毁间",
        "rows": rows,
        "signatures": (),
    }
    values.update(extra)
    return RegisterView(**values)


def test_destruction_register_cover_rows_and_notes(tmp_path: Path) -> None:
    view = register_view(
        (row(1), row(2, note="保全BQ-2026-0001已于20251201解除")),
        signatures=(
            sig(Duty.SUPERVISOR, "sun", "孙七", Unit.ARCHIVES),
            sig(Duty.SUPERVISOR, "zhou", "周八", Unit.OTHER),
        ),
    )
    document = written(dr.destruction_register(view, {"boss": "钱局长"}), tmp_path / "x.docx")
    assert landscape(document)
    cover, table = document.tables
    assert value_after(cover, "全宗号") == "J023"
    assert value_after(cover, "清册编号") == "XH-2026-01"
    assert value_after(cover, "销毁数量") == "2件，9页"
    assert value_after(cover, "鉴定小组负责人") == "张三"
    assert value_after(cover, "日期", 0) == SIGNED_DAY
    assert value_after(cover, "批准人") == "钱局长"
    assert value_after(cover, "日期", 1) == SIGNED_DAY
    assert value_after(cover, "监销人", 0) == "孙七（档案机构）"
    assert value_after(cover, "监销人", 1) == "周八"
    assert value_after(cover, "销毁日期") == "20260120"
    assert value_after(cover, "销毁方式") == "粉碎"
    assert value_after(cover, "销毁地点") == "档案室销毁间"
    assert table._tbl is register_table(document)._tbl and header_repeats(table)
    assert cells(table) == [
        DESTRUCTION_COLUMNS,
        ["1", "职工1失业保险金申领", "2005", "J023-SY·2005-D10-0001", "10年", "20年", "4", ""],
        ["2", "职工2失业保险金申领", "2005", "J023-SY·2005-D10-0002", "10年", "20年", "5",
         "保全BQ-2026-0001已于20251201解除"],
    ]  # fmt: skip
    assert any(" ".join(p.text.split()) == "合计： 2 件 9 页" for p in document.paragraphs)


def test_a_proposed_register_leaves_the_later_lines_blank_and_widens_for_supervisors(
    tmp_path: Path,
) -> None:
    proposed = register_view(
        (row(1),),
        state=DestructionState.PROPOSED,
        approved_by=None,
        approved_at=None,
        executed_by=None,
        executed_at=None,
        executed_on=None,
        method="",
        place="",
    )
    cover = written(dr.destruction_register(proposed), tmp_path / "p.docx").tables[0]
    for label in ("批准人", "销毁日期", "销毁方式", "销毁地点"):
        assert value_after(cover, label) == "", label
    assert value_after(cover, "监销人", 0) == value_after(cover, "监销人", 1) == ""
    three = register_view(
        (row(1),),
        signatures=tuple(
            sig(Duty.SUPERVISOR, u, d) for u, d in (("a", "甲"), ("b", "乙"), ("c", "丙"))
        ),
    )
    cover = written(dr.destruction_register(three), tmp_path / "t.docx").tables[0]
    assert [value_after(cover, "监销人", i) for i in range(3)] == ["甲", "乙", "丙"]


def test_an_accounting_register_prints_order_79s_columns_and_five_signatures(
    tmp_path: Path,
) -> None:
    view = register_view(
        (
            row(
                1,
                title="2005年1月会计凭证",
                class_code="KJ",
                retention="D30",
                kept_years=30,
                volume="J023-KJ·2005-D30-001",
            ),
            row(2, title="2005年2月会计凭证", class_code="KJ", retention="D30", kept_years=30),
        ),
        accounting=True,
        signatures=(
            sig(Duty.UNIT_HEAD, "boss", "钱局长"),
            sig(Duty.ARCHIVES_HEAD, "zhang", "张三"),
            sig(Duty.ACCOUNTING_HEAD, "kuaiji", "吴会计"),
            sig(Duty.ARCHIVES_HANDLER, "li", "李四"),
            # the accounting handler has not signed yet
            sig(Duty.SUPERVISOR, "sun", "孙七", Unit.ARCHIVES),
            sig(Duty.SUPERVISOR, "zheng", "郑九", Unit.IT),
            sig(Duty.SUPERVISOR, "feng", "冯十", Unit.ACCOUNTING),
            sig(Duty.SUPERVISOR, "chen", "陈一", Unit.OTHER),
        ),
    )
    document = written(dr.destruction_register(view), tmp_path / "kj.docx")
    assert landscape(document)
    assert document.paragraphs[0].text == "会计档案销毁清册"
    table = register_table(document)
    assert header_repeats(table)
    assert cells(table) == [
        ACCOUNTING_COLUMNS,
        ["2005年1月会计凭证", "J023-KJ·2005-D30-001", "1", "2005", "J023-SY·2005-D10-0001",
         "30年", "30年", "20260120"],
        ["2005年2月会计凭证", "", "1", "2005", "J023-SY·2005-D10-0002", "30年", "30年",
         "20260120"],
    ]  # fmt: skip
    assert signature_lines(document) == [
        f"单位负责人： 钱局长 日期： {SIGNED_DAY}",
        f"档案机构负责人： 张三 日期： {SIGNED_DAY}",
        f"会计机构负责人： 吴会计 日期： {SIGNED_DAY}",
        f"档案经办人： 李四 日期： {SIGNED_DAY}",
        "会计经办人： 日期：",
        f"监销人（档案机构）： 孙七 日期： {SIGNED_DAY}",
        f"监销人（会计机构）： 冯十 日期： {SIGNED_DAY}",
        f"监销人（信息技术机构）： 郑九 日期： {SIGNED_DAY}",
        f"监销人（其他）： 陈一 日期： {SIGNED_DAY}",
    ]
    fields = document.tables[0]
    assert value_after(fields, "清册编号") == "XH-2026-01"
    assert value_after(fields, "销毁方式") == "粉碎"


def test_the_approval_stands_for_the_unit_heads_signature(tmp_path: Path) -> None:
    view = register_view((row(1, class_code="KJ"),), accounting=True, signatures=())
    document = written(dr.destruction_register(view, {"boss": "钱局长"}), tmp_path / "a.docx")
    lines = signature_lines(document)
    assert lines[0] == f"单位负责人： 钱局长 日期： {SIGNED_DAY}"
    assert lines[1:] == [f"{label}： 日期：" for label in FIVE[1:]] + [
        "监销人（档案机构）： 日期：",
        "监销人（会计机构）： 日期：",
        "监销人（信息技术机构）： 日期：",
    ]


def test_holds_register_from_views(tmp_path: Path) -> None:
    views = [
        HoldView(
            number="BQ-2026-0002",
            kind=HoldKind.UNSETTLED,
            reason="应收账款未结清",
            target_kind=HoldTarget.VOLUME,
            code="J023-KJ·2005-D30-001",
            state=HoldState.PLACED,
            placed_by="li",
            placed_at=SIGNED,
            lifted_by=None,
            lifted_at=None,
            lift_reason="",
        ),
        HoldView(
            number="BQ-2026-0001",
            kind=HoldKind.LITIGATION,
            reason="劳动争议诉讼",
            target_kind=HoldTarget.ITEM,
            code="SY-2005-0009",
            state=HoldState.LIFTED,
            placed_by="li",
            placed_at=SIGNED,
            lifted_by="zhang",
            lifted_at=SIGNED,
            lift_reason="判决已生效",
        ),
    ]
    layout_data = dr.holds_register(
        views,
        codes={"SY-2005-0009": "J023-SY·2005-D10-0009"},
        names={"li": "李四", "zhang": "张三"},
        as_of=dt.date(2026, 2, 1),
    )
    document = written(layout_data, tmp_path / "h.docx")
    assert landscape(document)
    table = register_table(document)
    assert header_repeats(table)
    assert cells(table) == [
        HOLD_COLUMNS,
        ["BQ-2026-0001", "J023-SY·2005-D10-0009（件）", "诉讼", "劳动争议诉讼", "李四",
         SIGNED_DAY, "张三", SIGNED_DAY, "判决已生效"],
        ["BQ-2026-0002", "J023-KJ·2005-D30-001（卷）", "未结清债权债务", "应收账款未结清",
         "李四", SIGNED_DAY, "", "", ""],
    ]  # fmt: skip
    assert value_after(document.tables[0], "截至日期") == "20260201"
    assert value_after(document.tables[0], "在保全") == "1条"


def test_the_layouts_follow_the_spec() -> None:
    assert list(get_layout("appraisal-list").headings) == APPRAISAL_COLUMNS
    assert list(get_layout("destruction").headings) == DESTRUCTION_COLUMNS
    assert list(get_layout("destruction-accounting").headings) == ACCOUNTING_COLUMNS
    assert list(get_layout("holds").headings) == HOLD_COLUMNS
    cover = [f.label for f in get_layout("destruction").value_fields]
    for label in ("全宗号", "销毁数量", "鉴定小组负责人", "批准人", "销毁日期", "销毁方式",
                  "销毁地点"):  # fmt: skip
        assert label in cover
    assert cover.count("监销人") == 2 and cover.count("日期") == 2
    signers = [s.label for s in get_layout("destruction-accounting").signatures]
    assert signers[:5] == FIVE and all(s.startswith("监销人") for s in signers[5:])
    assert get_layout("appraisal-opinion").orientation == "portrait"


# --- from the archive, through the command line ----------------------------------------


def capture(archive: Archive, folder: Path, completed_on: str, **extra: object) -> str:
    path = write_manifest(folder, completed_on=completed_on, **extra)
    return capture_from_manifest(archive, path).number


def cli(archive: Archive, *args: str) -> Any:
    return run_cli("--archive", str(archive.root), "register", *args)


def test_holds_register_from_the_command_line(archive: Archive, tmp_path: Path) -> None:
    first = capture(archive, tmp_path / "a", "2005-05-12")
    second = capture(archive, tmp_path / "b", "2006-05-12")
    [held] = place_hold(archive, items=[first], kind="litigation", reason="劳动争议诉讼")
    place_hold(archive, items=[second], kind="audit", reason="审计检查")
    lift_hold(archive, held.number, "判决已生效")
    out = tmp_path / "out" / "保全登记簿.docx"
    out.parent.mkdir()
    done = cli(archive, "holds", "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"] == 2
    rows = cells(register_table(open_docx(out)))
    assert rows[0] == HOLD_COLUMNS
    assert [r[0] for r in rows[1:]] == [held.number, held.number[:-1] + "2"]
    assert rows[1][2:4] == ["诉讼", "劳动争议诉讼"] and rows[1][8] == "判决已生效"
    assert rows[1][1].endswith("（件）") and rows[1][1] != f"{first}（件）"  # the archival code
    assert rows[1][4] == rows[1][6] == "tester" and rows[2][6:] == ["", "", ""]
    with archive.db.reading() as session:
        printed = session.query(AccessEvent).filter(AccessEvent.kind == "print").all()
        assert [e.target for e in printed] == ["register:holds"]


def test_the_command_line_refuses_what_it_cannot_print(archive: Archive, tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    empty = cli(archive, "holds", "--out", str(out))
    assert empty.returncode == 1 and "保全登记簿" in empty.stderr
    for kind, option in (
        ("appraisal-list", "--batch"),
        ("appraisal-opinion", "--batch"),
        ("destruction", "--register"),
    ):
        missing = cli(archive, kind, "--out", str(out))
        assert missing.returncode == 1 and option in missing.stderr, missing.stderr
    for kind in ("appraisal-list", "appraisal-opinion"):
        unknown = cli(archive, kind, "--batch", "JD-1999-09", "--out", str(out))
        assert unknown.returncode == 1 and "JD-1999-09" in unknown.stderr, unknown.stderr
    inside = cli(archive, "holds", "--out", str(archive.root / "x.docx"))
    assert inside.returncode == 1 and "Traceback" not in inside.stderr
    xlsx = cli(
        archive, "destruction", "--register", "XH-2026-01", "--out", str(tmp_path / "x.xlsx")
    )
    assert xlsx.returncode == 1 and ".docx" in xlsx.stderr
    assert not out.exists()


# --- end to end: a real batch and its registers ------------------------------------------

AS_OF = dt.date(2023, 1, 1)
KJ = {"class": "KJ", "business_type": "会计凭证"}


def day_of(moment: str | None) -> str:
    assert moment
    return dt.datetime.fromisoformat(moment).astimezone().strftime("%Y%m%d")


@pytest.fixture
def flow(archive: Archive, tmp_path: Path) -> dict[str, Any]:
    """SY claims of 2005/2006 and KJ vouchers of 1990, all due on 2023-01-01: one SY
    claim held for litigation and one voucher for an unsettled matter (both pulled out),
    one claim held and lifted before the batch (it goes in, its register row says so).
    The group zhang (head), li, wang destroys two claims and a voucher and extends one
    claim; "tester" proposes the registers, zhang approves them, li and wang supervise
    the ordinary one, which is executed."""
    from archivist.disposition import appraisal, destruction
    from archivist.disposition.execution import execute_register

    made = {
        "a": capture(archive, tmp_path / "a", "2005-05-12"),
        "b": capture(archive, tmp_path / "b", "2006-05-12"),
        "held": capture(archive, tmp_path / "c", "2005-06-01"),
        "lifted": capture(archive, tmp_path / "d", "2005-07-01"),
        "k": capture(archive, tmp_path / "k", "1990-06-30", title="1990年6月会计凭证", **KJ),
        "k2": capture(archive, tmp_path / "k2", "1990-07-30", title="1990年7月会计凭证", **KJ),
    }
    [litigation] = place_hold(archive, items=[made["held"]], kind="litigation", reason="劳动争议")
    [unsettled] = place_hold(archive, items=[made["k2"]], kind="unsettled", reason="应收款未结")
    [gone] = place_hold(archive, items=[made["lifted"]], kind="audit", reason="审计检查")
    lift_hold(archive, gone.number, "审计结束")
    for name, *roles in (
        ("zhang", "appraiser", "head"),
        ("li", "appraiser", "archivist"),
        ("wang", "appraiser", "handler"),
    ):
        add_person(archive, name, *roles)
    archive.sign_in("zhang", PASSWORD)
    batch = appraisal.create_batch(archive, as_of=AS_OF, members=["zhang", "li", "wang"])
    destroy = [made["a"], made["lifted"], made["k"]]
    appraisal.set_opinion(archive, batch.number, destroy, "destroy", reason="已无查考价值")
    appraisal.set_opinion(
        archive, batch.number, [made["b"]], "extend", reason="待遇追回未完", period="D30"
    )
    for name in ("zhang", "li", "wang"):
        archive.sign_in(name, PASSWORD)
        appraisal.sign_batch(archive, batch.number)
    archive.sign_in("tester", PASSWORD)
    registers = destruction.create_registers(archive, batch.number)
    [ordinary] = [r.number for r in registers if not r.accounting]
    [accounting] = [r.number for r in registers if r.accounting]
    archive.sign_in("zhang", PASSWORD)
    for number in (ordinary, accounting):
        destruction.approve_register(archive, number)
    archive.sign_in("li", PASSWORD)
    destruction.sign_register(archive, ordinary, "supervisor")
    archive.sign_in("wang", PASSWORD)
    destruction.sign_register(archive, ordinary, "supervisor", unit="accounting")
    archive.sign_in("tester", PASSWORD)
    execute_register(
        archive, ordinary, supervisors=("li", "wang"), method="粉碎", place="档案室销毁间"
    )
    return {
        **made,
        "batch": batch.number,
        "ordinary": ordinary,
        "accounting": accounting,
        "holds": (litigation.number, unsettled.number, gone.number),
    }


def code_of(archive: Archive, number: str) -> str:
    with archive.db.reading() as session:
        return str(session.scalars(select(Item.archival_code).where(Item.number == number)).one())


def test_the_appraisal_registers_of_a_real_batch(
    archive: Archive, flow: dict[str, Any], tmp_path: Path
) -> None:
    from archivist.disposition.appraisal import show_batch

    batch = show_batch(archive, flow["batch"])
    signed = {m.user_name: day_of(m.signed_at) for m in batch.members}
    worksheet = tmp_path / "鉴定清单.docx"
    done = cli(archive, "appraisal-list", "--batch", flow["batch"], "--out", str(worksheet))
    assert done.returncode == 0, done.stderr
    document = open_docx(worksheet)
    assert landscape(document)
    rows = cells(register_table(document))
    assert rows[0] == APPRAISAL_COLUMNS
    by_code = {r[1]: r for r in rows[1:]}
    assert set(by_code) == {code_of(archive, flow[k]) for k in ("a", "b", "lifted", "k")}
    a = by_code[code_of(archive, flow["a"])]
    assert a[3:] == ["2005", "10年", "20160101", "销毁", "", "已无查考价值"]
    b = by_code[code_of(archive, flow["b"])]
    assert b[3:] == ["2006", "10年", "20170101", "延期", "30年（20370101到期）", "待遇追回未完"]
    assert by_code[code_of(archive, flow["k"])][4:7] == ["30年", "20210101", "销毁"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4"]
    assert signature_lines(document) == [
        f"鉴定小组组长： zhang 日期： {signed['zhang']}",
        f"鉴定小组成员： li 日期： {signed['li']}",
        f"鉴定小组成员： wang 日期： {signed['wang']}",
    ]

    opinion = tmp_path / "鉴定意见书.docx"
    done = cli(archive, "appraisal-opinion", "--batch", flow["batch"], "--out", str(opinion))
    assert done.returncode == 0, done.stderr
    document = open_docx(opinion)
    assert not landscape(document)
    [form] = document.tables
    litigation, unsettled, _lifted = flow["holds"]
    pulled = value_after(form, "抽出档案（保全）").split("\n")
    assert [line.split(" ")[:2] for line in pulled] == [
        [litigation, code_of(archive, flow["held"])],
        [unsettled, code_of(archive, flow["k2"])],
    ]  # the hold lifted before the batch pulled nothing out
    assert value_after(form, "未结清债权债务的会计凭证") == pulled[1]
    assert "未结清债权债务，应收款未结" in pulled[1]
    assert value_after(form, "年度") == "1990、2005—2006"
    assert value_after(form, "销毁理由") == "已无查考价值（3件）"
    assert "因保全抽出2件" in value_after(form, "数量")
    assert [r for r in cells(form) if r[0].startswith("鉴定小组")] == [
        ["鉴定小组组长", "zhang", "日期", signed["zhang"]],
        ["鉴定小组成员", "li", "日期", signed["li"]],
        ["鉴定小组成员", "wang", "日期", signed["wang"]],
    ]
    with archive.db.reading() as session:
        targets = session.scalars(
            select(AccessEvent.target).where(AccessEvent.kind == "print")
        ).all()
    assert targets == [f"appraisal:{flow['batch']}"] * 2


def test_the_destruction_registers_of_a_real_batch(
    archive: Archive, flow: dict[str, Any], tmp_path: Path
) -> None:
    from archivist.disposition.destruction import show_register

    executed = show_register(archive, flow["ordinary"])
    out = tmp_path / "销毁清册.docx"
    done = cli(archive, "destruction", "--register", flow["ordinary"], "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["layout"] == "destruction"
    document = open_docx(out)
    assert landscape(document)
    cover, table = document.tables
    assert value_after(cover, "全宗号") == "J023"
    assert value_after(cover, "销毁数量") == f"2件，{executed.pages}页"
    assert value_after(cover, "鉴定小组负责人") == "zhang"
    assert value_after(cover, "批准人") == "zhang"
    assert value_after(cover, "日期", 1) == day_of(executed.approved_at)
    assert [value_after(cover, "监销人", i) for i in (0, 1)] == ["li", "wang（会计机构）"]
    assert executed.executed_on is not None
    assert value_after(cover, "销毁日期") == executed.executed_on.strftime("%Y%m%d")
    assert value_after(cover, "销毁方式") == "粉碎"
    assert value_after(cover, "销毁地点") == "档案室销毁间"
    rows = cells(table)
    assert rows[0] == DESTRUCTION_COLUMNS
    assert [r[3] for r in rows[1:]] == [code_of(archive, flow[k]) for k in ("a", "lifted")]
    assert rows[1][:3] == ["1", "张三失业保险金申领", "2005"] and rows[1][4] == "10年"
    # the hold lifted before the batch is in the notes
    _, _, lifted = flow["holds"]
    assert lifted in rows[2][7] and rows[1][7] == ""

    out = tmp_path / "会计档案销毁清册.docx"
    done = cli(archive, "destruction", "--register", flow["accounting"], "--out", str(out))
    assert done.returncode == 0, done.stderr
    document = open_docx(out)
    assert landscape(document) and document.paragraphs[0].text == "会计档案销毁清册"
    rows = cells(register_table(document))
    assert rows == [
        ACCOUNTING_COLUMNS,
        ["1990年6月会计凭证", "", "1", "1990", code_of(archive, flow["k"]), "30年",
         rows[1][6], ""],
    ]  # fmt: skip
    assert rows[1][6].endswith("年") and int(rows[1][6][:-1]) >= 34
    accounting = show_register(archive, flow["accounting"])
    lines = signature_lines(document)
    assert lines[0] == f"单位负责人： zhang 日期： {day_of(accounting.approved_at)}"
    assert lines[1:5] == [f"{label}： 日期：" for label in FIVE[1:]]
    assert len(lines) == 8 and all(line.startswith("监销人") for line in lines[5:])

    missing = cli(archive, "destruction", "--register", "XH-1999-09", "--out", str(out))
    assert missing.returncode != 0 and "XH-1999-09" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_a_withdrawn_register_says_so_on_its_paper(tmp_path: Path) -> None:
    """A withdrawn register is kept, but its paper must never read as an order to destroy."""
    for accounting in (False, True):
        view = register_view(
            (row(1),),
            state=DestructionState.WITHDRAWN,
            accounting=accounting,
            approved_by=None,
            approved_at=None,
            executed_on=None,
        )
        made = dr.destruction_register(view)
        document = written(made, tmp_path / f"w{accounting}.docx")
        assert value_after(document.tables[0], "清册编号") == "XH-2026-01（已撤回，不予销毁）"
