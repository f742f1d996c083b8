"""Chinese full-text search: words inside sentences, names, ID numbers, codes, filters."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from archivist.archive import Archive
from archivist.arrangement.items import renumber
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes.audit import now_text
from archivist.db.models import Item, Material, PageText
from archivist.errors import InputError
from archivist.search.index import ENGINES, VERSION_FILE, Filters, open_index
from archivist.search.service import index_folder, make_snippet, rebuild, refresh_items, search
from archivist.search.tokens import tokenize

from .conftest import PASSWORD, acting_as, init_archive, open_archive, run_cli, write_manifest

PAGES = {
    "张三": [
        "失业保险金申领登记表",
        "申请人因单位解除劳动合同而失业，现申请领取失业保险金，请予审核。",
    ],
    "李四": ["工伤认定申请表", "职工在工作时间和工作场所内，因工作原因受到事故伤害。"],
    "王五": ["技能提升补贴申领表", "取得职业资格证书，申请技能提升补贴。"],
}
IDS = {"张三": "11010519491231002X", "李四": "110105198001010016", "王五": "110101199003074477"}
KINDS = {
    "张三": ("SY", "失业保险金申领", "2023-05-12"),
    "李四": ("GS", "工伤认定", "2021-03-02"),
    "王五": ("SY", "技能提升补贴", "2019-11-30"),
}


def tokens(text: str, **kwargs: Any) -> list[tuple[str, int]]:
    return [(t.text, t.position) for t in tokenize(text, **kwargs)]


def test_chinese_runs_become_positioned_bigrams() -> None:
    assert tokens("失业保险", for_query=True) == [("失业", 0), ("业保", 1), ("保险", 2)]
    assert tokens("张三 AB12") == [("张三", 0), ("三", 1), ("ab12", 2)]
    endings = [t for t, _ in tokens("11010519491231002X")]
    assert "11010519491231002x" in endings and "002x" in endings and "1002x" in endings


def put_pages(archive: Archive, number: str, pages: list[str]) -> None:
    with archive.db.writing() as session:
        item = session.scalar(select(Item).where(Item.number == number))
        assert item is not None
        material = session.scalars(
            select(Material).where(Material.item_id == item.id).order_by(Material.seq)
        ).first()
        assert material is not None
        for page, text in enumerate(pages, start=1):
            session.add(
                PageText(
                    material_id=material.id,
                    page=page,
                    status="done",
                    source="ocr",
                    text=text,
                    updated_at=now_text(),
                )
            )


@pytest.fixture(scope="module", params=ENGINES)
def filled_template(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Path:
    """Three items with page text, indexed by each engine in turn: made once per engine
    and module, each test works on its own copy (`filled`)."""
    base = tmp_path_factory.mktemp(f"filled-{request.param}")
    archive = init_archive(base / "archive")
    if request.param != archive.setting("search_engine"):
        with acting_as(archive, "admin"):
            archive.set_setting("search_engine", request.param, "test")
    for name, pages in PAGES.items():
        klass, business, day = KINDS[name]
        manifest = write_manifest(
            base / name,
            **{
                "class": klass,
                "business_type": business,
                "completed_on": day,
                "entity": {"kind": "person", "name": name, "id_number": IDS[name]},
                "roster": None,
                "title": f"{name}{business}",
            },
            materials=[{"file": "a.pdf", "role": "form", "title": pages[0]}],
        )
        number = capture_from_manifest(archive, manifest).number
        put_pages(archive, number, pages)
    rebuild(archive)
    archive.close()
    return base / "archive"


@pytest.fixture
def filled(filled_template: Path, tmp_path: Path) -> Iterator[Archive]:
    root = tmp_path / "archive"
    shutil.copytree(filled_template, root)
    archive = open_archive(root)
    search(archive, "申请")  # the index open and checked, as right after it was built
    yield archive
    archive.close()


def numbers(
    archive: Archive, text: str, filters: Filters | None = None, **kwargs: Any
) -> list[str]:
    return [hit.number for hit in search(archive, text, filters, **kwargs)[1]]


def test_two_character_word_inside_a_sentence(filled: Archive) -> None:
    assert numbers(filled, "解除") == ["2023-SY-000001"]
    # 失业 is in the SY class name too, but the item whose pages say it ranks first.
    assert numbers(filled, "失业")[0] == "2023-SY-000001"
    assert numbers(filled, "审核") == ["2023-SY-000001"]
    assert numbers(filled, "事故") == ["2021-GS-000001"]


def test_four_character_phrases_and_single_characters(filled: Archive) -> None:
    assert numbers(filled, "劳动合同") == ["2023-SY-000001"]
    assert numbers(filled, "合同劳动") == []  # a phrase, not a bag of bigrams
    assert numbers(filled, "伤") == ["2021-GS-000001"]


def test_names_ids_numbers_and_codes(filled: Archive) -> None:
    assert numbers(filled, "李四") == ["2021-GS-000001"]
    assert numbers(filled, IDS["王五"]) == ["2019-SY-000001"]
    assert numbers(filled, "4477") == ["2019-SY-000001"]  # the last digits of an ID number
    assert numbers(filled, "2021-GS-000001") == ["2021-GS-000001"]
    assert numbers(filled, "J023-SB·2023-D10-SY-0001") == ["2023-SY-000001"]


def test_filters_and_sorting(filled: Archive) -> None:
    assert numbers(filled, "申请", Filters(class_code="SY"), sort="completed_on") == [
        "2019-SY-000001",
        "2023-SY-000001",
    ]
    assert numbers(filled, "申请", Filters(year_from=2020, year_to=2022)) == ["2021-GS-000001"]
    assert numbers(filled, "申请", Filters(business_type="技能提升补贴")) == ["2019-SY-000001"]
    assert numbers(filled, "申请", Filters(entity="张三")) == ["2023-SY-000001"]
    assert numbers(filled, "申请", sort="-completed_on") == [
        "2023-SY-000001",
        "2021-GS-000001",
        "2019-SY-000001",
    ]


def test_hits_carry_a_marked_snippet_and_the_page(filled: Archive) -> None:
    _, hits = search(filled, "审核")
    assert hits[0].page == 2 and hits[0].material == 1
    assert "【审核】" in hits[0].snippet
    assert make_snippet("失业保险金", ["失业", "失业保险"]) == "【失业保险】金"


# (query, error code, what the message must name) — issue 11, point 12
MALFORMED = [
    ("失业 (", "search.unbalanced_brackets", "括号没有成对"),
    ("(失业", "search.unbalanced_brackets", "括号没有成对"),
    ("失业)", "search.unbalanced_brackets", "括号没有成对"),
    ('"未闭合', "search.unbalanced_quotes", "引号没有成对"),
    ("   ", "search.empty", "请输入"),
    ("失业 OR", "search.ends_early", "末尾缺少"),
    ("OR 失业", "search.unexpected", "“OR”"),
    ("(" * 500 + "失业" + ")" * 500, "search.too_deep", "32"),
    ("NOT " * 500 + "失业", "search.too_deep", "32"),
    ("-" * 2000 + "失业", "search.too_deep", "32"),
    ("-工伤", "search.only_excluded", "排除"),
    ("！！ ，。", "search.nothing_to_find", "没有可查找"),
    ("foo:bar", "search.unknown_field", "foo"),
    ("失业 Foo:bar", "search.unknown_field", "title"),  # the known fields are named
    ("title:", "search.empty_field", "title"),
    ('title:""', "search.empty_field", "title"),
]


@pytest.mark.parametrize(("bad", "code", "named"), MALFORMED)
def test_malformed_queries_get_a_clear_message(
    archive: Archive, bad: str, code: str, named: str
) -> None:
    with pytest.raises(InputError) as info:
        search(archive, bad)
    assert info.value.code == code
    message = info.value.message()
    assert named in message and "\n" not in message and len(message) < 200
    # the parser's own words stay in the details, never in the sentence
    english = info.value.message("en")
    for raw in ("unbalanced", "unexpected", "ends too early", "nothing to search", "deeply"):
        assert raw not in message and f"({raw}" not in english


def test_index_is_rebuilt_when_the_schema_changes_or_it_is_damaged(filled: Archive) -> None:
    folder = index_folder(filled)
    engine = filled.setting("search_engine")
    assert folder == filled.root / "index" / engine
    (folder / VERSION_FILE).write_text(json.dumps({"version": 0}), encoding="utf-8")
    assert open_index(engine, folder).needs_rebuild()
    filled.search_index.checked = False  # as a newly started program finds it
    assert numbers(filled, "解除") == ["2023-SY-000001"]
    filled.close()
    for path in folder.iterdir():
        if path.is_file() and path.name != VERSION_FILE and path.stat().st_size > 0:
            path.write_bytes(b"damaged")
    assert open_index(engine, folder).needs_rebuild()
    reopened = open_archive(filled.root)
    try:
        assert numbers(reopened, "解除") == ["2023-SY-000001"]
    finally:
        reopened.close()


def test_changing_the_engine_rebuilds_and_clears_the_other(filled: Archive) -> None:
    before = filled.setting("search_engine")
    other = next(e for e in ENGINES if e != before)
    with acting_as(filled, "admin"):
        filled.set_setting("search_engine", other, "measured faster")
    filled.close()
    reopened = open_archive(filled.root)
    try:
        assert numbers(reopened, "劳动合同") == ["2023-SY-000001"]
        assert sorted(p.name for p in (reopened.root / "index").iterdir()) == [other]
    finally:
        reopened.close()
    filled.sign_in("admin", PASSWORD)
    with pytest.raises(InputError) as info:
        filled.set_setting("search_engine", "lucene")
    assert info.value.code == "search.unknown_engine"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张三 OR 李四", ["2021-GS-000001", "2023-SY-000001"]),
        ("申请 NOT 工伤", ["2019-SY-000001", "2023-SY-000001"]),
        ("申请 -失业", ["2021-GS-000001"]),  # 失业 is in the SY class's name
        ('"劳动 合同"', ["2023-SY-000001"]),
        ('"合同 劳动"', []),
        ("(张三 OR 王五) 申请", ["2019-SY-000001", "2023-SY-000001"]),
        ("title:李四", ["2021-GS-000001"]),
        ('title:"失业 保险"', ["2023-SY-000001"]),  # a phrase in one field
        ("-工伤 申请", ["2019-SY-000001", "2023-SY-000001"]),  # a leading "-" excludes
        ("失业 - (张三 OR 王五)", []),
        ("10:30 申请", []),  # a time is words, not a field
        ("申请 ！！", ["2019-SY-000001", "2021-GS-000001", "2023-SY-000001"]),
    ],
)
def test_query_language(filled: Archive, text: str, expected: list[str]) -> None:
    assert sorted(numbers(filled, text)) == expected


def test_capture_and_renumber_update_the_index(filled: Archive, tmp_path: Path) -> None:
    number = capture_from_manifest(
        filled, write_manifest(tmp_path / "new", title="赵六失业保险金申领")
    ).number
    assert number in numbers(filled, "赵六")
    moved = renumber(filled, number, class_code="GS", business_type="工伤认定", reason="误归")[
        "number"
    ]
    assert numbers(filled, "赵六") == [moved]
    assert not (index_folder(filled) / ".stale").exists()
    refresh_items(filled, [])  # nothing to do is fine


def test_search_cli(filled: Archive) -> None:
    out = run_cli("--archive", str(filled.root), "search", "解除", "--json", check=True)
    data = json.loads(out.stdout)
    assert data["total"] == 1
    hit = data["hits"][0]
    assert {"number", "title", "score", "page", "snippet"} <= set(hit)
    bad = run_cli("--archive", str(filled.root), "search", "失业 (")
    assert (
        bad.returncode == 1
        and len(bad.stderr.strip().splitlines()) == 1
        and "查询语句有误" in bad.stderr
    )
    rebuilt = run_cli("--archive", str(filled.root), "reindex", "--json", check=True)
    assert json.loads(rebuilt.stdout) == {"indexed": 3}


# -- phrases that wrap across a line (issue 11, point 11) ---------------------------------

WRAPPED_PHRASE = "失业保险金申领"
OTHER_IDS = {"赵六": IDS["张三"], "钱七": IDS["王五"]}


def capture_with_pages(archive: Archive, tmp_path: Path, name: str, pages: list[str]) -> str:
    manifest = write_manifest(  # a class whose names do not say 失业保险金申领
        tmp_path / name,
        **{"class": "GS", "business_type": "工伤认定"},
        entity={"kind": "person", "name": name, "id_number": OTHER_IDS[name]},
        roster=None,
        title=f"{name}的申请",
        materials=[{"file": "a.pdf", "role": "form", "title": "登记表"}],
    )
    number = capture_from_manifest(archive, manifest).number
    put_pages(archive, number, pages)
    return number


@pytest.fixture(params=ENGINES)
def engine_archive(archive: Archive, request: pytest.FixtureRequest) -> Archive:
    if request.param != archive.setting("search_engine"):
        with acting_as(archive, "admin"):
            archive.set_setting("search_engine", request.param, "test")
    return archive


def test_a_phrase_wrapped_across_a_line_is_found_but_never_across_pages(
    engine_archive: Archive, tmp_path: Path
) -> None:
    wrapped = capture_with_pages(
        engine_archive, tmp_path, "赵六", ["申请人现申请领取失业保险\n金申领表所列待遇"]
    )
    split = capture_with_pages(
        engine_archive, tmp_path, "钱七", ["申请人现申请领取失业保险", "金申领表所列待遇"]
    )
    rebuild(engine_archive)
    _, hits = search(engine_archive, WRAPPED_PHRASE)
    assert [h.number for h in hits] == [wrapped]
    assert hits[0].page == 1 and f"【{WRAPPED_PHRASE}】" in hits[0].snippet
    assert numbers(engine_archive, "险金") == [wrapped]  # the two characters either side
    assert split not in numbers(engine_archive, "保险金申")
    # a phrase of words apart on two pages is not a phrase either
    assert numbers(engine_archive, '"失业保险 金申领"') == [wrapped]


def test_a_wrapped_phrase_in_a_real_scan_is_found(engine_archive: Archive, tmp_path: Path) -> None:
    from archivist.ocr.pages import PageTask, process_page

    from .conftest import render_text_page

    scan = render_text_page(
        tmp_path / "wrapped.png", ["申请人因单位解除劳动合同现申请领取失业保险", "金申领所列待遇"]
    )
    outcome = process_page(PageTask(1, 1, str(scan), "image/png"))
    assert outcome.status == "done" and "\n" in outcome.text
    assert WRAPPED_PHRASE not in outcome.text  # printed on two lines
    number = capture_with_pages(engine_archive, tmp_path, "赵六", [outcome.text])
    rebuild(engine_archive)
    assert numbers(engine_archive, WRAPPED_PHRASE) == [number]


def test_a_wrapped_phrase_in_a_pdf_text_layer_is_found(
    engine_archive: Archive, tmp_path: Path
) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from archivist.ocr.pages import PageTask, process_page

    from .conftest import TEXT_FONT

    pdfmetrics.registerFont(TTFont("WQY", TEXT_FONT, subfontIndex=0))
    path = tmp_path / "layer.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("WQY", 14)
    pdf.drawString(72, 720, "申请人因单位解除劳动合同现申请领取失业保险")
    pdf.drawString(72, 700, "金申领所列待遇，经审核符合条件。")
    pdf.showPage()
    pdf.setFont("WQY", 14)
    pdf.drawString(72, 720, "第二页：经办机构审核意见")
    pdf.save()
    first = process_page(PageTask(1, 1, str(path), "application/pdf"))
    second = process_page(PageTask(1, 2, str(path), "application/pdf"))
    assert first.source == "text-layer" and WRAPPED_PHRASE not in first.text
    number = capture_with_pages(engine_archive, tmp_path, "赵六", [first.text, second.text])
    rebuild(engine_archive)
    assert numbers(engine_archive, WRAPPED_PHRASE) == [number]
    assert numbers(engine_archive, "条件第二页") == []  # the end of page 1 + page 2


def test_cli_takes_a_leading_dash_as_part_of_the_query(archive: Archive, tmp_path: Path) -> None:
    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    root = ["--archive", str(archive.root)]
    for words in (
        ["search", "--", "-工伤", "失业"],
        ["search", "-工伤", "失业", "--json"],
        ["search", "-工伤 失业", "--json"],
        ["search", "--json", "--sort", "-completed_on", "失业", "-工伤"],
        ["search", "--lim", "5", "-工伤", "失业", "--json"],
    ):
        result = run_cli(*root, *words)
        assert result.returncode == 0, (words, result.stderr)
        if "--json" in words:
            assert [h["number"] for h in json.loads(result.stdout)["hits"]] == [number]
    # a query that only excludes is refused in one line, with what to do about it
    only = run_cli(*root, "search", "-工伤")
    assert only.returncode == 1 and len(only.stderr.strip().splitlines()) == 1
    assert "排除" in only.stderr
    years = run_cli(*root, "search", "失业", "--year-range", "去年")
    assert years.returncode == 1 and "年度范围无效" in years.stderr


@pytest.mark.parametrize(("bad", "code", "named"), MALFORMED[:4] + MALFORMED[7:8] + MALFORMED[12:])
def test_cli_refuses_malformed_queries_in_one_line(
    archive: Archive, bad: str, code: str, named: str
) -> None:
    result = run_cli("--archive", str(archive.root), "search", bad, "--json")
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0] and "内部错误" not in lines[0]
    assert json.loads(result.stdout)["error"]["code"] == code


# -- paging and masking (issue 11, point 9, the core's part) ------------------------------


@pytest.mark.parametrize("sort", ["score", "completed_on"])
def test_offset_pages_through_every_hit(filled: Archive, sort: str) -> None:
    total, everything = search(filled, "申请", limit=10, sort=sort)
    assert total == 3
    pages = [search(filled, "申请", limit=2, offset=offset, sort=sort) for offset in (0, 2, 4)]
    assert [t for t, _ in pages] == [3, 3, 3]
    assert [len(hits) for _, hits in pages] == [2, 1, 0]
    assert [h.number for _, hits in pages for h in hits] == [h.number for h in everything]
    with pytest.raises(InputError) as info:
        search(filled, "申请", offset=-1)
    assert info.value.code == "search.bad_page"


def test_full_id_numbers_are_masked_in_snippets() -> None:
    text = f"公民身份号码{IDS['张三']}，联系电话13800000000"
    assert make_snippet(text, ["002x"]) == "公民身份号码110105********【002X】，联系电话13800000000"
    assert make_snippet(text, [IDS["张三"].lower()]) == (
        "公民身份号码【110105********002X】，联系电话13800000000"
    )
    assert "11010519491231【002X】" in make_snippet(text, ["002x"], reveal_ids=True)
    # a longer run of digits is no ID number
    assert make_snippet("编号1101051949123100212345", ["2345"]) == "编号110105194912310021【2345】"
