"""`archivist appraisal create|opinion|sign|show|list|history` (issue 15, point 8)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.db.models import AppraisalBatch, AppraisalEntry, Item
from archivist.disposition.holds import place_hold

from .conftest import add_person, run_cli, sign_in, write_manifest

PERMANENT_TYPE = "失业保险基金支付年度汇总表"
TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()


@pytest.fixture
def records(archive: Archive, tmp_path: Path) -> dict[str, str]:
    """Three SY claims due by 2023-01-01, one not due, one permanent; the group zhang
    (appraiser, head), li, wang (appraisers); zhang signed in for the command line."""
    made: dict[str, str] = {}
    for key, day, extra in (
        ("a", "2005-05-12", {}),
        ("b", "2006-02-01", {}),
        ("c", "2012-03-01", {}),
        ("late", "2020-03-01", {}),
        ("permanent", "2005-12-20", {"business_type": PERMANENT_TYPE}),
    ):
        path = write_manifest(tmp_path / key, completed_on=day, **extra)
        made[key] = capture_from_manifest(archive, path).number
    add_person(archive, "zhang", "appraiser", "head")
    add_person(archive, "li", "appraiser", "archivist")
    add_person(archive, "wang", "appraiser", "handler")
    sign_in(archive, "zhang")
    return made


def cli(archive: Archive, *args: str, lang: str | None = None) -> Any:
    front = ["--archive", str(archive.root)] + (["--lang", lang] if lang else [])
    return run_cli(*front, "appraisal", *args)


def ok_json(archive: Archive, *args: str) -> Any:
    done = cli(archive, *args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def refused(archive: Archive, *args: str, code: int = 1) -> str:
    done = cli(archive, *args)
    assert done.returncode == code, (done.stdout, done.stderr)
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    if code == 1:
        assert len(done.stderr.strip().splitlines()) == 1
    return str(done.stderr)


def rows(archive: Archive) -> tuple[int, int]:
    with archive.db.reading() as session:
        return (
            session.scalar(select(func.count(AppraisalBatch.id))) or 0,
            session.scalar(select(func.count(AppraisalEntry.id))) or 0,
        )


def test_a_batch_from_creation_to_signature(archive: Archive, records: dict[str, str]) -> None:
    made = ok_json(archive, "create", "--as-of", "2023-01-01", "--members", "zhang,li，wang")
    number = made["number"]
    assert made["state"] == "draft" and made["count"] == 3 and made["undecided"] == 3
    assert [e["number"] for e in made["entries"]] == [records[k] for k in ("a", "b", "c")]
    assert [m["user_name"] for m in made["members"]] == ["zhang", "li", "wang"]
    assert made["members"][0]["head"] is True
    done = cli(
        archive, "opinion", number, records["a"], "--destroy", "--reason", "已到期，无保存价值"
    )
    assert done.returncode == 0, done.stderr
    assert f"鉴定批次 {number}：1 件的鉴定意见为“销毁”" in done.stdout
    done = cli(
        archive, "opinion", number, records["b"], "--extend", "30年", "--reason", "仍有查考价值",
        lang="en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "given the opinion 'extend to 30 years'" in done.stdout
    data = ok_json(archive, "opinion", number, "--all", "--permanent", "--reason", "典型案例")
    assert data["opinions"] == {"destroy": 1, "extend": 1, "permanent": 1}
    assert data["undecided"] == 0 and data["signatures_cleared"] == []
    extended = next(e for e in data["entries"] if e["number"] == records["b"])
    assert (extended["new_retention"], extended["new_expires_on"]) == ("D30", "2037-01-01")
    for name in ("zhang", "li", "wang"):
        sign_in(archive, name)
        done = cli(archive, "sign", number)
        assert done.returncode == 0, done.stderr
        assert f"{name} 已在鉴定批次 {number} 上签字" in done.stdout
    assert "全体成员已签字：销毁 1 件，延期 1 件，改为永久 1 件" in done.stdout
    shown = ok_json(archive, "show", number)
    assert shown["state"] == "signed" and all(m["signed_at"] for m in shown["members"])
    with archive.db.reading() as session:
        item = session.scalars(select(Item).where(Item.number == records["b"])).one()
        assert (item.retention, item.expires_on.isoformat() if item.expires_on else None) == (
            "D30",
            "2037-01-01",
        )
    text = cli(archive, "show", number)
    assert text.returncode == 0, text.stderr
    assert "（已签署）" in text.stdout and "意见：延期至30年（2037-01-01起可再鉴定）" in text.stdout
    assert "组长 zhang（zhang）：已签字" in text.stdout
    english = cli(archive, "show", number, lang="en")
    assert "opinion: keep permanently" in english.stdout and "head zhang (zhang): signed" in (
        english.stdout
    )
    listed = ok_json(archive, "list")
    assert [b["number"] for b in listed] == [number] and "entries" not in listed[0]
    assert number in cli(archive, "list").stdout
    history = ok_json(archive, "history", records["b"])
    assert [(h["batch"], h["opinion"], h["retention"]) for h in history] == [
        (number, "extend", "D10")
    ]
    assert "延期至30年" in cli(archive, "history", records["b"]).stdout
    assert "尚未鉴定过" in cli(archive, "history", records["late"]).stdout


def test_changing_an_opinion_says_the_signatures_were_cleared(
    archive: Archive, records: dict[str, str]
) -> None:
    number = ok_json(archive, "create", "--as-of", "2023-01-01", "--members", "zhang,li,wang")[
        "number"
    ]
    assert cli(archive, "opinion", number, "--all", "--destroy", "--reason", "到期").returncode == 0
    assert cli(archive, "sign", number).returncode == 0
    done = cli(archive, "opinion", number, records["c"], "--permanent", "--reason", "重新研究")
    assert done.returncode == 0, done.stderr
    assert "原有签字（zhang）已清除" in done.stdout


def test_create_with_scope_and_numbers(archive: Archive, records: dict[str, str]) -> None:
    made = ok_json(
        archive, "create", "--as-of", "2023-01-01", "--class", "SY", "--year", "2006",
        "--members", "zhang,li,wang",
    )  # fmt: skip
    assert [e["number"] for e in made["entries"]] == [records["b"]]
    chosen = ok_json(
        archive, "create", "--as-of", "2023-01-01", "--members", "zhang,li,wang", records["c"]
    )
    assert [e["number"] for e in chosen["entries"]] == [records["c"]]
    text = cli(
        archive, "create", "--as-of", "2023-01-01", "--members", "zhang,li,wang", records["a"]
    )
    assert text.returncode == 0 and "已建立鉴定批次 JD-" in text.stdout


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("create", "--as-of", "2023-01-01", "--members", "zhang,li"), 1, "至少需要 3 名成员"),
        (("create", "--as-of", "2023-01-01", "--members", "li,wang,tester"), 1, "没有鉴定人员角色"),
        (("create", "--as-of", "2023-13-01", "--members", "zhang,li,wang"), 1, ""),
        (("create", "--as-of", "2023-01-01", "--members", "zhang,li,wang", "--class", "ZZ"), 1, ""),
        (("create", "--members", "zhang,li,wang"), 2, ""),
        (("create", "--as-of", "2023-01-01", "--members", "zhang,li,wang", "--year", "x"), 2, ""),
        (("create", "--as-of", "2099-01-01", "--members", "zhang,li,wang"), 1, "2099-01-01"),
        (("create", "--as-of", TOMORROW, "--members", "zhang,li,wang"), 1, "晚于今天"),
        (("show", "JD-1999-01"), 1, "找不到鉴定批次"),
        (("history", "2099-SY-000001"), 1, ""),
        (("sign", "JD-1999-01"), 1, "找不到鉴定批次"),
    ],
)
def test_bad_input_refused(
    archive: Archive, records: dict[str, str], args: tuple[str, ...], code: int, words: str
) -> None:
    message = refused(archive, *args, code=code)
    assert words in message
    assert rows(archive) == (0, 0)


def test_opinion_and_sign_refusals(archive: Archive, records: dict[str, str]) -> None:
    number = ok_json(
        archive, "create", "--as-of", "2023-01-01", "--members", "zhang,li,wang", records["a"]
    )["number"]
    assert "未给出鉴定意见" in refused(archive, "sign", number)
    cases = [
        ((number, "--destroy", "--reason", "x"), 1, "--all"),
        ((number, records["a"], "--all", "--destroy", "--reason", "x"), 1, "--all"),
        ((number, records["c"], "--destroy", "--reason", "x"), 1, "不在鉴定批次"),
        ((number, records["a"], "--extend", "D5", "--reason", "x"), 1, "延期须长于现期限"),
        ((number, records["a"], "--extend", "abc", "--reason", "x"), 1, "不是保管期限"),
        ((number, records["a"], "--destroy", "--permanent", "--reason", "x"), 2, ""),
        ((number, records["a"], "--destroy"), 2, ""),
    ]
    for args, code, words in cases:
        assert words in refused(archive, "opinion", *args, code=code), args
    sign_in(archive, "tester")  # an archivist: no appraise right
    assert refused(archive, "opinion", number, records["a"], "--destroy", "--reason", "x")
    with archive.db.reading() as session:
        assert session.scalars(select(AppraisalEntry.opinion)).all() == [None]
    sign_in(archive, "zhang")
    assert cli(archive, "opinion", number, "--all", "--destroy", "--reason", "到期").returncode == 0
    assert "没有未给出意见的档案" in refused(
        archive, "opinion", number, "--all", "--permanent", "--reason", "x"
    )
    assert cli(archive, "sign", number).returncode == 0
    assert "不能重复签字" in refused(archive, "sign", number)


def test_show_names_the_records_held_out(archive: Archive, records: dict[str, str]) -> None:
    sign_in(archive, "tester")
    [hold] = place_hold(archive, items=[records["a"]], kind="litigation", reason="诉讼中")
    sign_in(archive, "zhang")
    number = ok_json(archive, "create", "--as-of", "2023-01-01", "--members", "zhang,li,wang")[
        "number"
    ]
    shown = ok_json(archive, "show", number)
    assert [(p["number"], p["holds"], p["kinds"]) for p in shown["pulled_out"]] == [
        (records["a"], [hold.number], ["litigation"])
    ]
    text = cli(archive, "show", number)
    assert f"保全中未列入：{records['a']}" in text.stdout and hold.number in text.stdout


def test_cancel_a_batch(archive: Archive, records: dict[str, str]) -> None:
    made = ok_json(archive, "create", "--as-of", "2023-01-01", "--members", "zhang,li,wang")
    number = made["number"]
    refused(archive, "cancel", number, code=2)  # the reason is required
    assert "JD-1999-01" in refused(archive, "cancel", "JD-1999-01", "--reason", "没有")
    done = cli(archive, "cancel", number.lower(), "--reason", "李四调离，小组重组")
    assert done.returncode == 0, done.stderr
    assert f"已撤销鉴定批次 {number}：3 件档案回到到期档案清单" in done.stdout
    shown = ok_json(archive, "show", number)
    assert shown["state"] == "canceled" and shown["cancelled_by"] == "zhang"
    assert shown["cancel_reason"] == "李四调离，小组重组"
    text = cli(archive, "show", number).stdout
    assert "（已撤销）" in text and "已由 zhang 于" in text and "李四调离" in text
    done = cli(archive, "cancel", number, "--reason", "again", lang="en")
    assert done.returncode == 1 and "was cancelled" in done.stderr
    again = ok_json(archive, "create", "--as-of", "2023-01-01", "--members", "zhang,li,wang")
    assert again["count"] == 3
    ok_json(archive, "opinion", again["number"], "--all", "--destroy", "--reason", "到期")
    for name in ("zhang", "li", "wang"):
        sign_in(archive, name)
        assert cli(archive, "sign", again["number"]).returncode == 0
    message = refused(archive, "cancel", again["number"], "--reason", "不销毁了")
    assert "不能撤销" in message
