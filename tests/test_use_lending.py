"""Lending out and back (issue 14, points 2–4 and `archivist use`): lent only when
approved, returned in part or in full with its condition, extended by someone else,
overdue as of any date, shown as out in `where` and the inventory; every refusal."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes.states import LoanEntryState, LoanState
from archivist.custody import boxes, locations
from archivist.custody.inventory import inventory
from archivist.custody.where import where
from archivist.errors import AccessRefused, InputError
from archivist.use import lending
from archivist.use.requests import (
    Borrower,
    BorrowerKind,
    approve,
    create_request,
    show_request,
)

from .conftest import (
    ID_LI,
    PASSWORD,
    acting_as,
    add_person,
    run_cli,
    sign_in,
    write_manifest,
)

LENT = dt.date(2026, 3, 2)


@pytest.fixture
def numbers(archive: Archive, tmp_path: Path) -> list[str]:
    """Two items (one claim each), captured."""
    return [
        capture_from_manifest(archive, write_manifest(tmp_path / name)).number
        for name in ("a", "b")
    ]


def _approved(archive: Archive, kind: str = "lend", **what: list[str]) -> str:
    """A request made by tester, approved by fuzeren (a head); tester signed in again."""
    made = create_request(
        archive, kind, Borrower("李四", id_number=ID_LI, unit="某街道", phone="123"), "核对", **what
    )
    with acting_as(archive, "fuzeren"):
        approve(archive, made.number)
    return made.number


@pytest.fixture(autouse=True)
def _head(archive: Archive) -> None:
    add_person(archive, "fuzeren", "head")


def test_a_loan_goes_out_comes_back_in_part_then_in_full(
    archive: Archive, numbers: list[str]
) -> None:
    number = _approved(archive, items=numbers)
    view = lending.lend(archive, number, note="完好，共 2 件", on=LENT)
    assert view.status is LoanState.OUT
    assert view.lent_on == LENT and view.due_on == LENT + dt.timedelta(days=30)
    assert all(t.state is LoanEntryState.OUT for t in view.targets)
    part = lending.return_targets(
        archive, number, codes=[numbers[0]], condition="损坏", note="封面撕裂", on=LENT
    )
    assert part.status is LoanState.OUT
    first, second = part.targets
    assert first.state is LoanEntryState.RETURNED and first.condition == "damaged"
    assert "封面撕裂" in first.note and second.state is LoanEntryState.OUT
    done = lending.return_targets(archive, number, condition="intact", on=LENT)
    assert done.status is LoanState.RETURNED and done.closed_at
    assert [t.condition for t in done.targets] == ["damaged", "intact"]
    damaged = lending.damaged_and_lost(archive)
    assert [(d.code, d.condition) for d in damaged] == [(numbers[0], "damaged")]
    assert damaged[0].title == "张三失业保险金申领"
    effect = lending.record_effect(archive, number, "核实待遇，补发 2 个月", on=LENT)
    assert effect.effect == "核实待遇，补发 2 个月"


def test_every_refusal_of_a_loan_changes_nothing(archive: Archive, numbers: list[str]) -> None:
    asked = create_request(archive, "lend", Borrower("李四"), "核对", items=[numbers[0]])
    with pytest.raises(AccessRefused) as own:  # approving one's own request
        approve(archive, asked.number)
    assert own.value.code == "use.own_request"
    with pytest.raises(InputError) as unapproved:  # lending without approval
        lending.lend(archive, asked.number, on=LENT)
    assert unapproved.value.code == "use.not_approved"
    with pytest.raises(InputError) as not_lent:  # returning what was not lent
        lending.return_targets(archive, asked.number, condition="intact")
    assert not_lent.value.code == "use.not_lent"
    assert show_request(archive, asked.number).status is LoanState.REQUESTED

    first = _approved(archive, items=[numbers[0]])
    second = _approved(archive, items=[numbers[0], numbers[1]])  # approved while still in
    with pytest.raises(InputError) as early:  # a due date before the loan
        lending.lend(archive, first, due_on=LENT - dt.timedelta(days=1), on=LENT)
    assert early.value.code == "use.due_before_loan"
    assert show_request(archive, first).status is LoanState.APPROVED
    lending.lend(archive, first, on=LENT)
    with pytest.raises(InputError) as busy:  # lending what is out
        lending.lend(archive, second, on=LENT)
    assert busy.value.code == "use.already_out" and numbers[0] in busy.value.message()
    assert show_request(archive, second).status is LoanState.APPROVED
    with pytest.raises(InputError) as twice:
        lending.lend(archive, first, on=LENT)
    assert twice.value.code == "use.already_lent"
    with pytest.raises(InputError) as stranger:  # returning what this loan did not lend
        lending.return_targets(archive, first, codes=[numbers[1]], condition="intact")
    assert stranger.value.code == "use.not_in_request"
    with pytest.raises(InputError) as bad:
        lending.return_targets(archive, first, condition="broken")
    assert bad.value.code == "use.bad_condition"
    with pytest.raises(InputError) as before:
        lending.return_targets(archive, first, condition="intact", on=LENT - dt.timedelta(1))
    assert before.value.code == "use.return_before_loan"
    lending.return_targets(archive, first, codes=[numbers[0]], condition="lost", on=LENT)
    with pytest.raises(InputError) as back:  # back already: the request is returned
        lending.return_targets(archive, first, codes=[numbers[0]], condition="intact")
    assert back.value.code == "use.not_lent"
    assert [d.condition for d in lending.damaged_and_lost(archive)] == ["lost"]

    consult = _approved(archive, "consult", items=[numbers[1]])
    with pytest.raises(InputError) as not_loan:
        lending.lend(archive, consult, on=LENT)
    assert not_loan.value.code == "use.not_a_loan"
    with pytest.raises(InputError) as close_loan:
        lending.close(archive, second)
    assert close_loan.value.code == "use.close_loan"
    closed = lending.close(archive, consult, effect="查清缴费年限")
    assert closed.status is LoanState.CLOSED and closed.effect == "查清缴费年限"


def test_an_accounting_record_is_not_lent_outside(archive: Archive, tmp_path: Path) -> None:
    kj = capture_from_manifest(
        archive,
        write_manifest(tmp_path / "kj", **{"class": "KJ", "business_type": "会计凭证"}),
    ).number
    with pytest.raises(InputError) as outside:
        create_request(archive, "lend", Borrower("李四", id_number=ID_LI), "审计", items=[kj])
    assert outside.value.code == "use.accounting_not_lent" and kj in outside.value.message()
    add_person(archive, "kuaiji", "archivist")
    consult = create_request(archive, "consult", Borrower("李四"), "审计", items=[kj])
    assert consult.status is LoanState.REQUESTED  # consulted with approval, not lent
    staff = create_request(
        archive, "lend", Borrower("", BorrowerKind.STAFF, account="kuaiji"), "审计", items=[kj]
    )
    assert staff.borrower_account == "kuaiji"  # inside the unit it may go


def test_overdue_as_of_a_date_and_an_extension_approved_by_someone_else(
    archive: Archive, numbers: list[str]
) -> None:
    number = _approved(archive, items=numbers)
    lending.lend(archive, number, due_on=dt.date(2026, 3, 10), on=LENT)
    assert lending.overdue(archive, dt.date(2026, 3, 10)) == []
    [late] = lending.overdue(archive, dt.date(2026, 3, 15))
    assert late.number == number and late.days_overdue == 5
    assert late.borrower_name == "李四" and late.borrower_unit == "某街道"
    assert [(k, c) for k, c, _ in late.targets] == [("item", n) for n in numbers]
    assert late.targets[0][2] == "张三失业保险金申领"
    [soon] = lending.due_soon(archive, dt.date(2026, 3, 5))
    assert soon.days_overdue == -5
    assert lending.due_soon(archive, dt.date(2026, 3, 1), within_days=3) == []
    with pytest.raises(AccessRefused) as own:  # the requester extends their own loan
        lending.extend(archive, number, 10, "尚未核完")
    assert own.value.code == "use.own_request"
    add_person(archive, "banli", "handler")
    archive.sign_in("banli", PASSWORD)
    with pytest.raises(AccessRefused):  # an extension without the right to approve
        lending.extend(archive, number, 10, "尚未核完")
    archive.sign_in("fuzeren", PASSWORD)
    with pytest.raises(InputError) as no_reason:
        lending.extend(archive, number, 10, " ")
    assert no_reason.value.code == "reason.required"
    assert show_request(archive, number).due_on == dt.date(2026, 3, 10)
    view = lending.extend(archive, number, 10, "尚未核完")
    assert view.due_on == dt.date(2026, 3, 20)
    assert view.extensions == (
        (10, dt.date(2026, 3, 10), dt.date(2026, 3, 20), "尚未核完", "fuzeren"),
    )
    assert lending.overdue(archive, dt.date(2026, 3, 15)) == []
    archive.sign_in("tester", PASSWORD)
    lending.return_targets(archive, number, condition="intact", on=dt.date(2026, 3, 16))
    assert lending.overdue(archive, dt.date(2026, 4, 1)) == []
    with pytest.raises(InputError) as back:
        archive.sign_in("fuzeren", PASSWORD)
        lending.extend(archive, number, 5, "再延")
    assert back.value.code == "use.not_lent"


def test_where_and_the_inventory_show_a_box_on_loan(
    archive: Archive, numbers: list[str], tmp_path: Path
) -> None:
    place = locations.add_location(archive, "1", 3, 2, 4).code
    box, other = boxes.fill(archive, 2023, "SY", capacity=1)  # numbers[0], numbers[1]
    for code in (box.code, other.code):
        boxes.shelve(archive, code, place, "上架")
    read = f"@{place}\n{other.code}"  # the first box is not on the shelf
    assert where(archive, box.code).on_loan is None
    assert [m.box for m in inventory(archive, read, place).missing] == [box.code]
    number = _approved(archive, boxes=[box.code])
    lending.lend(archive, number, on=LENT)
    found = where(archive, box.code)
    assert found.on_loan is not None and found.on_loan.number == number
    assert found.on_loan.borrower_name == "李四" and found.on_loan.due_on == LENT + dt.timedelta(30)
    assert found.to_json()["on_loan"]["number"] == number
    item = where(archive, numbers[0])
    assert item.on_loan is not None and item.on_loan.number == number
    assert where(archive, numbers[1]).on_loan is None
    report = inventory(archive, read, place)
    assert report.missing == () and [b.box for b in report.on_loan] == [box.code]
    assert report.on_loan[0].request == number and report.consistent
    assert report.to_json()["on_loan"][0]["borrower"] == "李四"
    scans = tmp_path / "scans.txt"
    scans.write_text(read, encoding="utf-8")
    counted = _cli(archive, "inventory", "--scans", str(scans), "--location", place)
    assert f"借出  {box.code}（{place}）：{number}，借阅人 李四" in counted
    assert "账物相符" in counted
    assert f"借出：{number}，借阅人 李四（某街道）" in _cli(archive, "where", box.code)
    lending.return_targets(archive, number, condition="intact", on=LENT)
    assert where(archive, box.code).on_loan is None
    assert where(archive, numbers[0]).to_json()["on_loan"] is None
    lent_item = _approved(archive, items=[numbers[0]])  # all the box holds lent: not missing
    lending.lend(archive, lent_item, on=LENT)
    emptied = inventory(archive, read, place)
    assert emptied.missing == () and emptied.on_loan[0].request == lent_item


def test_on_loan_covers_items_in_a_volume_lent(archive: Archive, numbers: list[str]) -> None:
    from sqlalchemy import select

    from archivist.arrangement import volumes
    from archivist.db.models import Item

    [volume] = volumes.build(archive, 2023, "SY", "year")
    number = _approved(archive, volumes=[volume.code])
    lending.lend(archive, number, on=LENT)
    with archive.db.reading() as session:
        ids = set(session.scalars(select(Item.id)))
        notes = lending.on_loan(session, ids)
    assert len(notes) == 2 and {n.number for n in notes.values()} == {number}
    found = where(archive, volume.code)
    assert found.on_loan is not None and found.on_loan.number == number
    assert where(archive, numbers[0]).on_loan is not None


def _cli(archive: Archive, *args: str, code: int = 0) -> str:
    done = run_cli("--archive", str(archive.root), *args)
    assert done.returncode == code, (args, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    return done.stdout if code == 0 else done.stderr


def test_the_command_line_lends_returns_extends_and_lists(
    archive: Archive, numbers: list[str]
) -> None:
    asked = [
        "use", "request", "--kind", "lend", "--borrower", "李四", "--id-number", ID_LI,
        "--unit", "某街道", "--phone", "123", "--purpose", "核对待遇", "--items", *numbers,
    ]  # fmt: skip
    number = _cli(archive, *asked).strip()
    assert number.startswith("LY-") and number.endswith("-0001")
    assert "自己" in _cli(archive, "use", "approve", number, code=1)
    assert "尚未审批" in _cli(archive, "use", "lend", number, code=1)
    sign_in(archive, "fuzeren")
    assert number in _cli(archive, "use", "approve", number)
    sign_in(archive, "tester")
    early = _cli(
        archive, "use", "lend", number, "--on", "2026-03-02", "--due", "2026-03-01", code=1
    )
    assert "早于" in early
    assert "2026-02-30" in _cli(archive, "use", "lend", number, "--due", "2026-02-30", code=1)
    lent = json.loads(
        _cli(archive, "use", "lend", number, "--on", "2026-03-02", "--due", "2026-03-10", "--json")
    )
    assert lent["status"] == "out" and lent["due_on"] == "2026-03-10"
    assert "已借出" in _cli(archive, "use", "lend", number, code=1)

    where_text = _cli(archive, "where", numbers[0])
    assert f"借出：{number}" in where_text and "李四" in where_text and "2026-03-10" in where_text
    assert json.loads(_cli(archive, "where", numbers[0], "--json"))["on_loan"]["number"] == number

    [late] = json.loads(_cli(archive, "use", "overdue", "--as-of", "2026-03-15", "--json"))
    assert late["number"] == number and late["days_overdue"] == 5
    assert len(late["targets"]) == 2 and late["phone"] == "123"
    english = _cli(archive, "--lang", "en", "use", "overdue", "--as-of", "2026-03-15")
    assert "5 days overdue" in english and "As of 2026-03-15: 1 loans" in english
    assert "逾期 5 天" in _cli(archive, "use", "overdue", "--as-of", "2026-03-15")
    assert json.loads(_cli(archive, "use", "overdue", "--as-of", "2026-03-10", "--json")) == []
    soon = _cli(archive, "use", "overdue", "--as-of", "2026-03-05", "--within", "7", "--json")
    assert json.loads(soon)[0]["days_overdue"] == -5

    assert "自己" in _cli(
        archive, "use", "extend", number, "--days", "10", "--reason", "未核完", code=1
    )
    sign_in(archive, "fuzeren")
    extended = _cli(archive, "use", "extend", number, "--days", "10", "--reason", "未核完")
    assert "2026-03-10 → 2026-03-20" in extended
    sign_in(archive, "tester")

    stranger = _cli(archive, "use", "return", number, "--items", "2099-SY-000009", "--condition", "intact", code=1)  # fmt: skip
    assert "不在申请" in stranger
    bad = _cli(archive, "use", "return", number, "--condition", "broken", code=1)
    assert "broken" in bad
    part = _cli(
        archive, "--lang", "en", "use", "return", number, "--items", numbers[0],
        "--condition", "damaged", "--note", "封面撕裂", "--on", "2026-03-16",
    )  # fmt: skip
    assert "returned (damaged), 1 still out" in part
    _cli(archive, "use", "return", number, "--condition", "完好", "--on", "2026-03-16")
    shown = json.loads(_cli(archive, "use", "show", number, "--json"))
    assert shown["status"] == "returned" and shown["extensions"][0]["approved_by"] == "fuzeren"
    assert shown["borrower_id_number"] == ID_LI  # an archivist sees ID numbers
    text = _cli(archive, "--lang", "en", "use", "show", number)
    assert "Borrower: 李四" in text and "(approved by fuzeren)" in text and "damaged" in text
    assert "封面撕裂" in _cli(archive, "use", "damaged")
    [listed] = json.loads(_cli(archive, "use", "list", "--status", "returned", "--json"))
    assert listed["number"] == number
    assert "没有申请状态" in _cli(archive, "use", "list", "--status", "gone", code=1)
    _cli(archive, "use", "effect", number, "--effect", "补发待遇 2 个月", "--date", "2026-03-20")
    assert json.loads(_cli(archive, "use", "show", number, "--json"))["effect"] == "补发待遇 2 个月"

    consult = _cli(
        archive, "use", "request", "--kind", "consult", "--staff", "fuzeren",
        "--purpose", "查阅", "--items", numbers[1],
    ).strip()  # fmt: skip
    assert "尚未审批" in _cli(archive, "use", "close", consult, code=1)
    sign_in(archive, "admin")  # an administrator has no right to approve use
    _cli(archive, "use", "approve", consult, code=1)
    sign_in(archive, "fuzeren")  # the staff borrower may not approve either
    assert "自己" in _cli(archive, "use", "approve", consult, code=1)
    add_person(archive, "guanli", "archivist")
    sign_in(archive, "guanli")
    _cli(archive, "use", "approve", consult)
    sign_in(archive, "tester")
    assert "已办结" in _cli(archive, "use", "close", consult, "--effect", "查清缴费年限")
    assert "借出申请" in _cli(archive, "use", "close", number, code=1)
    assert "--borrower" in _cli(
        archive, "use", "request", "--kind", "lend", "--purpose", "x", "--items", numbers[0], code=1
    )


def test_the_command_line_counts_use_for_a_period(archive: Archive, numbers: list[str]) -> None:
    consult = _approved(archive, "consult", items=numbers)
    lending.close(archive, consult, "查清")
    today = dt.date.today().isoformat()
    data = json.loads(_cli(archive, "use", "stats", "--from", today, "--to", today, "--json"))
    assert data["total"]["requests"] == 1 and data["total"]["items"] == 2
    english = _cli(archive, "--lang", "en", "use", "stats", "--from", today, "--to", today)
    assert "Total: 1 visits" in english and "consult: 1 visits" in english
    assert "2026-13-01" in _cli(
        archive, "use", "stats", "--from", "2026-13-01", "--to", today, code=1
    )


def test_the_command_line_makes_a_copy_of_an_approved_request(
    archive: Archive, numbers: list[str], tmp_path: Path
) -> None:
    copy = _approved(archive, "copy", items=[numbers[0]])
    out = tmp_path / "复制件.pdf"
    data = json.loads(
        _cli(archive, "use", "copy", copy, "--pages", "1", "--out", str(out), "--json")
    )
    assert out.is_file() and data["pages"] == 1
    english = _cli(archive, "--lang", "en", "use", "copy", copy, "--out", str(tmp_path / "b.pdf"))
    assert english.startswith("Wrote the copy") and (tmp_path / "b.pdf").is_file()
    _cli(archive, "use", "copy", copy, "--pages", "999", "--out", str(tmp_path / "c.pdf"), code=1)
    assert not (tmp_path / "c.pdf").exists()
    asked = create_request(archive, "copy", Borrower("李四"), "复印", items=[numbers[1]])
    _cli(archive, "use", "copy", asked.number, "--out", str(tmp_path / "d.pdf"), code=1)


def test_a_due_date_ahead_is_taken_and_one_too_far_is_refused(
    archive: Archive, numbers: list[str]
) -> None:
    number = _approved(archive, items=[numbers[0]])
    today = dt.date.today()
    too_far = (today + dt.timedelta(days=400)).isoformat()
    refused = _cli(archive, "use", "lend", number, "--due", too_far, code=1)
    assert too_far in refused and "续借" in refused  # past the approved 30 days
    past_period = (today + dt.timedelta(days=31)).isoformat()
    assert past_period in _cli(archive, "use", "lend", number, "--due", past_period, code=1)
    assert show_request(archive, number).status is LoanState.APPROVED
    ahead = (today + dt.timedelta(days=20)).isoformat()
    lent = json.loads(_cli(archive, "use", "lend", number, "--due", ahead, "--json"))
    assert lent["due_on"] == ahead and lent["lent_on"] == today.isoformat()
    later = (today + dt.timedelta(days=25)).isoformat()
    [late] = json.loads(_cli(archive, "use", "overdue", "--as-of", later, "--json"))
    assert late["days_overdue"] == 5
    assert "365" in _cli(archive, "use", "overdue", "--within", "100000000", code=1)
    assert _cli(archive, "use", "overdue", "--as-of", "9999-12-31", code=1)


# -- found by a hostile tester -------------------------------------------------------------


def test_a_lost_record_cannot_be_asked_for_again(archive: Archive, numbers: list[str]) -> None:
    number = _approved(archive, items=[numbers[0]])
    lending.lend(archive, number)
    lending.return_targets(archive, number, condition="lost", note="借阅人遗失")
    with pytest.raises(InputError) as refused:
        create_request(archive, "lend", Borrower("王五"), "核对", items=[numbers[0]])
    assert refused.value.code == "use.lost"


def test_a_request_is_decided_once(archive: Archive, numbers: list[str]) -> None:
    number = _approved(archive, items=[numbers[0]])
    with acting_as(archive, "fuzeren"), pytest.raises(InputError) as again:
        approve(archive, number)
    assert again.value.code == "use.already_decided"
    other = create_request(archive, "consult", Borrower("王五"), "查阅", items=[numbers[1]])
    with acting_as(archive, "fuzeren"):
        from archivist.use.requests import refuse

        refuse(archive, other.number, "不予查阅")
        with pytest.raises(InputError) as twice:
            refuse(archive, other.number, "改个理由")
    assert twice.value.code == "use.already_decided"
    assert show_request(archive, other.number).refusal == "不予查阅"


def test_a_blank_borrower_is_named_as_such(archive: Archive, numbers: list[str]) -> None:
    with pytest.raises(InputError) as refused:
        create_request(archive, "lend", Borrower("  "), "核对", items=[numbers[0]])
    assert refused.value.code == "use.borrower_missing"


def test_overdue_as_of_a_past_day_counts_what_came_back_since(
    archive: Archive, numbers: list[str]
) -> None:
    number = _approved(archive, items=[numbers[0]])
    today = dt.date.today()
    lending.lend(archive, number, due_on=today + dt.timedelta(days=5))
    later = today + dt.timedelta(days=12)
    lending.return_targets(archive, number, condition="intact", on=later)
    [then] = lending.overdue(archive, as_of=today + dt.timedelta(days=9))
    assert then.number == number and then.days_overdue == 4
    assert lending.overdue(archive, as_of=later + dt.timedelta(days=1)) == []


def test_a_register_of_a_lent_box_and_exports_never_overwrite_the_archive(
    archive: Archive, numbers: list[str], tmp_path: Path
) -> None:
    from archivist.custody import boxes
    from archivist.registers.forms import Selection, generate

    box = boxes.create_box(archive, 2023, "SY", "D10", kind="items")
    boxes.put(archive, box.code, items=[numbers[0]], reason="装盒")
    number = _approved(archive, boxes=[box.code])
    lending.lend(archive, number)
    today = dt.date.today()
    period = Selection(start=today, end=today)
    made = generate(archive, "loans", tmp_path / "loans.docx", period)
    assert made["rows"] == 1
    for bad, code in (
        (archive.root / "archive.db", "export.bad_suffix"),
        (archive.root / "files" / "x.docx", "export.inside_archive"),
        (Path("/dev/null.docx").parent / "null", "export.bad_suffix"),
    ):
        with pytest.raises(InputError) as refused:
            generate(archive, "loans", bad, period)
        assert refused.value.code == code, bad
    os.mkfifo(tmp_path / "pipe.docx")
    with pytest.raises(InputError) as pipe:
        generate(archive, "loans", tmp_path / "pipe.docx", period)
    assert pipe.value.code == "export.not_a_file"
    assert (archive.root / "archive.db").stat().st_size > 0
