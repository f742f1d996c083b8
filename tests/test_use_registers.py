"""The registers of use (借阅登记簿, 催还通知, 利用效果登记, benefit events) and the
statistics of use (issue 14), made from real requests and loans and read back.

The expected columns are copied from `shared/spec/registers.md` by hand."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import docx
import openpyxl
import pytest
from sqlalchemy import select

from archivist.accounts.access_log import AccessKind
from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.db.models import AccessEvent, Item
from archivist.errors import AccessRefused, InputError
from archivist.registers.forms import Selection, generate
from archivist.use import lending
from archivist.use.requests import Borrower, UseKind, approve, create_request
from archivist.use.statistics import UseCount, use_statistics

from .conftest import ID_LI, ID_ZHANG, PASSWORD, add_person, run_cli, write_manifest

LOAN_COLUMNS = [
    "序号", "借阅日期", "借阅人", "单位", "证件号码", "借阅事由", "档号", "题名", "利用方式",
    "应还日期", "归还日期", "归还状态", "审批人", "经办人",
]  # fmt: skip
NOTICE_COLUMNS = ["档号", "题名", "借出日期", "应还日期", "逾期天数"]
EFFECT_COLUMNS = ["序号", "利用日期", "利用人", "单位", "利用目的", "档号", "利用效果"]
BENEFIT_COLUMNS = [
    "序号", "日期", "类别", "姓名", "证件号码", "金额", "期间", "银行账户变更", "档号", "备注",
]  # fmt: skip
MASKED_LI = "110105********0016"
TODAY = dt.date.today()
DAY0 = TODAY - dt.timedelta(days=30)  # the loan goes out on this day


def ymd(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def table_rows(path: Path) -> list[list[str]]:
    document = docx.Document(str(path))
    return [[cell.text for cell in row.cells] for row in document.tables[-1].rows]


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def sheet_rows(path: Path) -> list[list[str]]:
    """The table of a register's sheet from its header row (序号) on, as text."""
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    start = next(i for i, row in enumerate(rows) if row and row[0] == "序号")
    return rows[start:]


def code_title(archive: Archive, number: str) -> tuple[str, str]:
    with archive.db.reading() as session:
        row = session.execute(
            select(Item.archival_code, Item.title).where(Item.number == number)
        ).one()
    return row[0], row[1]


def as_head(archive: Archive, *numbers: str) -> None:
    """Approve `numbers` as the head (someone other than the requester), then tester again."""
    archive.sign_in("fuzeren", PASSWORD)
    for number in numbers:
        approve(archive, number)
    archive.sign_in("tester", PASSWORD)


@pytest.fixture
def items(archive: Archive, tmp_path: Path) -> list[str]:
    add_person(archive, "fuzeren", "head")
    return [
        capture_from_manifest(
            archive, write_manifest(tmp_path / name, title=f"{name}失业保险金申领")
        ).number
        for name in ("张三", "赵六")
    ]


@pytest.fixture
def used(archive: Archive, items: list[str]) -> tuple[str, str]:
    """A loan of both items (out on DAY0 for ten days; the second back damaged on day
    3) and a consultation of the first (approved today)."""
    loan = create_request(
        archive,
        "lend",
        Borrower("李四", id_number=ID_LI, unit="示例市某公司", phone="13800000000"),
        "核对待遇",
        items=items,
    ).number
    consult = create_request(
        archive, "consult", Borrower("王五", unit="劳动监察大队"), "查阅", items=items[:1]
    ).number
    as_head(archive, loan, consult)
    lending.lend(archive, loan, on=DAY0, due_on=DAY0 + dt.timedelta(days=10))
    lending.return_targets(
        archive,
        loan,
        codes=[items[1]],
        condition="damaged",
        note="水渍",
        on=DAY0 + dt.timedelta(days=3),
    )
    return loan, consult


def print_events(archive: Archive, target: str) -> list[AccessEvent]:
    with archive.db.reading() as session:
        return list(
            session.scalars(
                select(AccessEvent).where(
                    AccessEvent.kind == AccessKind.PRINT.value, AccessEvent.target == target
                )
            )
        )


def test_loan_register_lists_each_thing_of_each_use_with_the_specs_columns(
    archive: Archive, items: list[str], used: tuple[str, str], tmp_path: Path
) -> None:
    code1, title1 = code_title(archive, items[0])
    code2, title2 = code_title(archive, items[1])
    due = ymd(DAY0 + dt.timedelta(days=10))
    expected = [
        LOAN_COLUMNS,
        ["1", ymd(DAY0), "李四", "示例市某公司", MASKED_LI, "核对待遇", code1, title1, "借出",
         due, "", "未还", "fuzeren", "tester"],
        ["2", ymd(DAY0), "李四", "示例市某公司", MASKED_LI, "核对待遇", code2, title2, "借出",
         due, ymd(DAY0 + dt.timedelta(days=3)), "损坏", "fuzeren", "tester"],
        ["3", ymd(TODAY), "王五", "劳动监察大队", "", "查阅", code1, title1, "查阅",
         "", "", "", "fuzeren", "tester"],
    ]  # fmt: skip
    selection = Selection(start=DAY0 - dt.timedelta(days=1), end=TODAY)
    out = tmp_path / "借阅登记簿.docx"
    result = generate(archive, "loans", out, selection)
    assert result["rows"] == 3
    assert table_rows(out) == expected
    text = document_text(out)
    assert ID_LI not in text  # always masked, whoever prints
    assert f"{ymd(DAY0 - dt.timedelta(days=1))}—{ymd(TODAY)}" in text
    xlsx = tmp_path / "借阅登记簿.xlsx"
    generate(archive, "loans", xlsx, selection)
    assert sheet_rows(xlsx) == expected
    assert len(print_events(archive, "register:loans")) == 2
    # a period before the loan: nothing to list, nothing written
    with pytest.raises(InputError) as empty:
        generate(
            archive,
            "loans",
            tmp_path / "none.docx",
            Selection(start=DAY0 - dt.timedelta(days=9), end=DAY0 - dt.timedelta(days=1)),
        )
    assert empty.value.code == "register.empty_selection"
    assert not (tmp_path / "none.docx").exists()


def test_overdue_notice_lists_what_is_still_out_as_of_a_day(
    archive: Archive, items: list[str], used: tuple[str, str], tmp_path: Path
) -> None:
    loan, consult = used
    code1, title1 = code_title(archive, items[0])
    out = tmp_path / "催还通知.docx"
    as_of = DAY0 + dt.timedelta(days=15)
    generate(archive, "overdue-notice", out, Selection(request=loan, as_of=as_of))
    due = DAY0 + dt.timedelta(days=10)
    assert table_rows(out) == [
        NOTICE_COLUMNS,
        [code1, title1, ymd(DAY0), ymd(due), "5"],  # the second item is back
    ]
    document = docx.Document(str(out))
    assert document.sections[0].page_width < document.sections[0].page_height  # portrait
    text = document_text(out)
    for value in ("借阅人", "李四", "单位", "示例市某公司", "联系电话", "13800000000", loan):
        assert value in text
    assert len(print_events(archive, f"use:{loan}")) == 1
    # an extension granted today moves the due date from today on, not before
    archive.sign_in("fuzeren", PASSWORD)
    lending.extend(archive, loan, 10, "仍需核对")
    archive.sign_in("tester", PASSWORD)
    generate(archive, "overdue-notice", out, Selection(request=loan, as_of=TODAY))
    assert table_rows(out)[1][3:] == [ymd(due + dt.timedelta(days=10)), "10"]
    generate(archive, "overdue-notice", out, Selection(request=loan, as_of=as_of))
    assert table_rows(out)[1][3:] == [ymd(due), "5"]
    with pytest.raises(InputError) as early:
        generate(archive, "overdue-notice", out, Selection(request=loan, as_of=DAY0))
    assert early.value.code == "register.not_overdue"
    with pytest.raises(InputError) as not_loan:
        generate(archive, "overdue-notice", out, Selection(request=consult, as_of=TODAY))
    assert not_loan.value.code == "register.not_a_loan"
    with pytest.raises(InputError) as needs:
        generate(archive, "overdue-notice", out, Selection())
    assert needs.value.code == "register.needs"
    lending.return_targets(archive, loan, condition="intact", on=TODAY)
    with pytest.raises(InputError) as back:
        generate(archive, "overdue-notice", out, Selection(request=loan, as_of=TODAY))
    assert back.value.code == "register.not_overdue"


def test_use_effect_register(
    archive: Archive, items: list[str], used: tuple[str, str], tmp_path: Path
) -> None:
    loan, _ = used
    lending.record_effect(archive, loan, "查明待遇差额，补发三个月", on=DAY0 + dt.timedelta(days=4))
    code1, _ = code_title(archive, items[0])
    code2, _ = code_title(archive, items[1])
    expected = [
        EFFECT_COLUMNS,
        ["1", ymd(DAY0), "李四", "示例市某公司", "核对待遇", f"{code1}\n{code2}",
         "查明待遇差额，补发三个月"],
        ["2", ymd(TODAY), "王五", "劳动监察大队", "查阅", code1, ""],  # no effect recorded
    ]  # fmt: skip
    selection = Selection(start=DAY0, end=TODAY)
    out = tmp_path / "利用效果.docx"
    generate(archive, "use-effect", out, selection)
    assert table_rows(out) == expected
    xlsx = tmp_path / "利用效果.xlsx"
    generate(archive, "use-effect", xlsx, selection)
    assert sheet_rows(xlsx) == expected
    assert len(print_events(archive, "register:use-effect")) == 2


def test_benefit_event_register(archive: Archive, items: list[str], tmp_path: Path) -> None:
    from archivist.arrangement.benefit_events import add_benefit_event
    from archivist.capture.benefit_events import BenefitEventInput

    add_benefit_event(
        archive,
        items[0],
        BenefitEventInput(
            kind="reissue",
            person="张三",
            id_number=ID_ZHANG,
            happened_on="2024-03-05",
            amount="1234.50",
            period_from="2023-06-01",
            period_to="2023-08-31",
            bank_change="6222****1111 → 6222****2222",
        ),
        "补发登记",
    )
    add_benefit_event(
        archive,
        items[1],
        BenefitEventInput(kind="review_change", person="赵六", happened_on="2024-02-01"),
        "审核变更登记",
    )
    add_benefit_event(
        archive,
        items[1],
        BenefitEventInput(kind="recovery", person="赵六", happened_on="2024-05-01", amount="10"),
        "不在期间内",
    )
    code1, _ = code_title(archive, items[0])
    code2, _ = code_title(archive, items[1])
    expected = [
        BENEFIT_COLUMNS,
        ["1", "20240201", "待遇审核变更", "赵六", "", "", "", "", code2, ""],
        ["2", "20240305", "二次发放", "张三", "110105********002X", "1234.50",
         "20230601—20230831", "6222****1111 → 6222****2222", code1, ""],
    ]  # fmt: skip
    selection = Selection(start=dt.date(2024, 1, 1), end=dt.date(2024, 3, 31))
    out = tmp_path / "待遇.docx"
    generate(archive, "benefit-events", out, selection)
    assert table_rows(out) == expected
    assert ID_ZHANG not in document_text(out)
    xlsx = tmp_path / "待遇.xlsx"
    generate(archive, "benefit-events", xlsx, selection)
    assert sheet_rows(xlsx) == expected


def test_register_command_line(
    archive: Archive, items: list[str], used: tuple[str, str], tmp_path: Path
) -> None:
    loan, _ = used
    root = str(archive.root)
    out = tmp_path / "loans.xlsx"
    done = run_cli(
        "--archive", root, "register", "loans", "--from", DAY0.isoformat(),
        "--to", TODAY.isoformat(), "--out", str(out), "--json", check=True,
    )  # fmt: skip
    assert json.loads(done.stdout)["rows"] == 3 and sheet_rows(out)[0] == LOAN_COLUMNS
    notice = tmp_path / "notice.docx"
    run_cli(
        "--archive", root, "register", "overdue-notice", "--request", loan,
        "--as-of", (DAY0 + dt.timedelta(days=12)).isoformat(), "--out", str(notice), check=True,
    )  # fmt: skip
    assert table_rows(notice)[1][-1] == "2"
    effect = tmp_path / "effect.docx"
    run_cli(
        "--archive", root, "register", "use-effect", "--from", TODAY.isoformat(),
        "--to", TODAY.isoformat(), "--out", str(effect), check=True,
    )  # fmt: skip
    assert [row[2] for row in table_rows(effect)] == ["利用人", "王五"]
    missing = run_cli("--archive", root, "register", "loans", "--out", str(tmp_path / "x.docx"))
    assert missing.returncode == 1 and "--from" in missing.stderr
    bad = run_cli(
        "--archive", root, "register", "loans", "--from", "2024-13-01", "--to", "2024-12-31",
        "--out", str(tmp_path / "x.docx"),
    )  # fmt: skip
    assert bad.returncode == 1 and "2024-13-01" in bad.stderr
    backwards = run_cli(
        "--archive", root, "register", "use-effect", "--from", "2024-12-31", "--to", "2024-01-01",
        "--out", str(tmp_path / "x.docx"),
    )  # fmt: skip
    assert backwards.returncode == 1 and not (tmp_path / "x.docx").exists()


# -- statistics -------------------------------------------------------------------------


def kinds(stats_by_kind: Sequence[tuple[UseKind, UseCount]]) -> dict[str, UseCount]:
    return {kind.value: count for kind, count in stats_by_kind}


def test_one_person_counts_once_a_day(archive: Archive, items: list[str]) -> None:
    first = create_request(
        archive, "consult", Borrower("王五", unit="劳动监察大队"), "查阅", items=items[:1]
    ).number
    second = create_request(
        archive, "consult", Borrower("王五", unit="劳动监察大队"), "查阅", items=items
    ).number
    other = create_request(
        archive, "consult", Borrower("李四", id_number=ID_LI), "核对", items=items[:1]
    ).number
    create_request(archive, "consult", Borrower("钱七"), "查阅", items=items)  # never approved
    as_head(archive, first, second, other)
    stats = use_statistics(archive, TODAY, TODAY)
    consult = kinds(stats.by_kind)["consult"]
    # 王五 twice (first item twice: once), 李四 once; the unapproved request not at all
    assert (consult.persons, consult.items, consult.requests) == (2, 3, 3)
    assert stats.total == consult
    purposes = dict(stats.by_purpose)
    assert purposes["查阅"].persons == 1 and purposes["查阅"].items == 2
    assert purposes["核对"].persons == 1
    assert json.loads(json.dumps(stats.as_dict()))["by_kind"][0]["label"] == "查阅"
    assert (
        use_statistics(archive, TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=2)).total
        == UseCount()
    )


def test_a_multi_day_loan_counts_once_on_the_day_it_went_out(
    archive: Archive, items: list[str], used: tuple[str, str]
) -> None:
    whole = kinds(use_statistics(archive, DAY0, DAY0 + dt.timedelta(days=20)).by_kind)
    assert (whole["lend"].persons, whole["lend"].items, whole["lend"].requests) == (1, 2, 1)
    later = kinds(
        use_statistics(archive, DAY0 + dt.timedelta(days=1), DAY0 + dt.timedelta(days=20)).by_kind
    )
    assert later["lend"] == UseCount()
    both = use_statistics(archive, DAY0, TODAY)
    assert (both.total.persons, both.total.items, both.total.requests) == (2, 3, 2)


def test_copies_count_by_original_pages(archive: Archive, items: list[str], tmp_path: Path) -> None:
    from archivist.use.copies import make_copy

    asked = create_request(
        archive, "copy", Borrower("李四", id_number=ID_LI), "复印", items=items[:1]
    )
    paper = create_request(archive, "copy", Borrower("王五"), "复印", items=items)
    as_head(archive, asked.number, paper.number)
    make_copy(archive, asked.number, tmp_path / "a.pdf", "1-2")
    make_copy(archive, asked.number, tmp_path / "b.pdf", "2-3")  # page 2 again: once
    copy = kinds(use_statistics(archive, TODAY, TODAY).by_kind)["copy"]
    # 3 pages copied in the program; the paper copy: both items' 4 pages each
    assert copy.pages == 3 + 8
    assert (copy.persons, copy.items, copy.requests) == (2, 3, 2)


def test_statistics_need_a_reader_and_a_real_period(archive: Archive) -> None:
    with pytest.raises(InputError) as backwards:
        use_statistics(archive, TODAY, TODAY - dt.timedelta(days=1))
    assert backwards.value.code == "use.bad_period"
    archive.sign_out()
    with pytest.raises(AccessRefused):
        use_statistics(archive, TODAY, TODAY)


PERSON_COLUMNS = [
    "序号", "件号", "题名", "类别", "业务类型", "日期", "保管期限", "关联方式", "存放位置",
    "借出情况",
]  # fmt: skip


def test_person_file_prints_the_persons_items_and_what_is_out(
    archive: Archive, items: list[str], used: tuple[str, str], tmp_path: Path
) -> None:
    loan, _ = used
    out = tmp_path / "一人一档.docx"
    result = generate(archive, "person-file", out, Selection(query=ID_ZHANG))
    rows = table_rows(out)
    assert rows[0] == PERSON_COLUMNS and result["rows"] == 2
    by_number = {row[1]: row for row in rows[1:]}
    assert set(by_number) == set(items)
    first = by_number[items[0]]
    assert first[2] == "张三失业保险金申领" and first[5] == "20230512" and first[7] == "档案主体"
    assert "李四" in first[9] and loan in first[9]  # out on loan: to whom
    assert by_number[items[1]][9] == ""  # the second item is back
    assert "张三" in document_text(out)
    with archive.db.reading() as session:
        printed = session.scalars(
            select(AccessEvent).where(AccessEvent.kind == AccessKind.PRINT.value)
        ).all()
    assert printed and all(
        ID_ZHANG not in json.dumps(e.detail, ensure_ascii=False) for e in printed
    )
    xlsx = tmp_path / "一人一档.xlsx"
    done = run_cli(
        "--archive", str(archive.root), "register", "person-file", "--query", "张三",
        "--out", str(xlsx), check=True,
    )  # fmt: skip
    assert done.returncode == 0 and sheet_rows(xlsx)[0] == PERSON_COLUMNS


def test_a_volume_is_listed_by_its_code_and_counted_as_a_volume(
    archive: Archive, tmp_path: Path
) -> None:
    from archivist.arrangement import volumes

    add_person(archive, "fuzeren", "head")
    for name in ("张三", "李四"):
        manifest = write_manifest(
            tmp_path / name, **{"class": "GS", "business_type": "工伤认定"}, title=f"{name}工伤认定"
        )
        capture_from_manifest(archive, manifest)
    volumes.build(archive, 2023, "GS", "quarter")
    code = "J023-GS-001"
    number = create_request(
        archive, "view", Borrower("王五"), "核对工伤认定", volumes=[code]
    ).number
    as_head(archive, number)
    out = tmp_path / "loans.docx"
    generate(archive, "loans", out, Selection(start=TODAY, end=TODAY))
    row = table_rows(out)[1]
    assert row[6:9] == [code, volumes.show(archive, code).title, "电子调阅"]
    view = kinds(use_statistics(archive, TODAY, TODAY).by_kind)["view"]
    assert (view.persons, view.volumes, view.items) == (1, 1, 0)
