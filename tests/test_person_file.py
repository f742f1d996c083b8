"""The person file (一人一档) and benefit events (issue 14, points 7 and 8): a person found
as an item's person, on a roster and as a voucher's person; one person per ID number
whatever the name; units by credit code; ID numbers masked by need; an access event;
benefit events from a manifest and added later with a reason, refused where bad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from archivist.access.item_detail import item_detail
from archivist.access.person_file import person_file
from archivist.accounts import access_log
from archivist.archive import Archive
from archivist.arrangement.benefit_events import BenefitEventInput, add_benefit_event
from archivist.capture.pipeline import capture_from_manifest
from archivist.db.models import AuditEvent, BenefitEvent, Volume
from archivist.errors import InputError, NotFound

from .conftest import ID_LI, ID_ZHANG, PASSWORD, add_person, run_cli, write_manifest

UNIT_CODE = "91350100M000100Y43"
ID_WANG = "110105197001010011"  # another valid number (check digit 1)


def _capture(archive: Archive, folder: Path, **overrides: object) -> str:
    return capture_from_manifest(archive, write_manifest(folder, **overrides)).number


@pytest.fixture
def three(archive: Archive, tmp_path: Path) -> dict[str, str]:
    """张三's own claim (李四 on its roster and as a voucher's person, no ID number); a unit's
    item with 李四 (ID) on its roster and a voucher; 张三 again in another year and class."""
    own = _capture(archive, tmp_path / "own")
    unit = _capture(
        archive,
        tmp_path / "unit",
        entity={"kind": "unit", "name": "示例市宏达机械制造有限公司", "unit_code": UNIT_CODE},
        title="宏达机械失业保险金申领",
        roster=[{"name": "李四", "id_number": ID_LI}, {"name": "张三", "id_number": ID_ZHANG}],
        materials=[
            {"file": "b.jpg", "role": "voucher", "person": "李四", "title": "身份证复印件"},
            {"file": "a.pdf", "role": "form", "title": "失业保险金申领登记表"},
        ],
    )
    later = _capture(archive, tmp_path / "later", completed_on="2024-03-01")
    return {"own": own, "unit": unit, "later": later}


def test_a_person_is_found_as_entity_on_a_roster_and_as_a_voucher(
    archive: Archive, three: dict[str, str]
) -> None:
    zhang = person_file(archive, ID_ZHANG)
    assert zhang.who.kind == "person" and zhang.who.names == ("张三",)
    assert zhang.who.id_number == ID_ZHANG  # an archivist needs ID numbers
    hows = {e.number: e.how for e in zhang.entries}
    assert hows == {three["own"]: "entity", three["later"]: "entity", three["unit"]: "roster"}
    first = zhang.entries[0]
    assert first.class_code == "SY" and first.business_type == "失业保险金申领"
    assert first.retention and first.completed_on.isoformat() == "2023-05-12"
    assert first.volume is None and first.box is None and first.on_loan is None
    li = person_file(archive, ID_LI)
    assert {e.number: e.how for e in li.entries} == {three["unit"]: "roster"}
    # by name: 李四 is also on 张三's roster and a voucher's person there, without ID number
    by_name = person_file(archive, "李四")
    assert {e.number: e.how for e in by_name.entries} == {
        three["unit"]: "roster",
        three["own"]: "roster",
        three["later"]: "roster",
    }
    assert by_name.who.ref is not None and by_name.who.id_number == ID_LI


def test_a_voucher_person_without_roster_link_is_found_by_name(
    archive: Archive, tmp_path: Path
) -> None:
    number = _capture(
        archive,
        tmp_path / "v",
        entity={"kind": "unit", "name": "示例市宏达机械制造有限公司", "unit_code": UNIT_CODE},
        roster=[{"name": "王五", "id_number": ID_WANG}],
        materials=[
            {"file": "b.jpg", "role": "voucher", "person": "王五", "title": "身份证复印件"},
            {"file": "a.pdf", "role": "form", "title": "登记表"},
        ],
    )
    with archive.db.writing() as session:  # a roster that lost its link: only the voucher
        from archivist.db.models import RosterEntry

        for entry in session.scalars(select(RosterEntry)):
            session.delete(entry)
    wang = person_file(archive, ID_WANG)
    assert [(e.number, e.how) for e in wang.entries] == [(number, "voucher")]


def test_a_unit_is_found_by_its_credit_code(archive: Archive, three: dict[str, str]) -> None:
    unit = person_file(archive, UNIT_CODE)
    assert unit.who.kind == "unit" and unit.who.unit_code == UNIT_CODE
    assert [e.number for e in unit.entries] == [three["unit"]]
    assert [e.number for e in person_file(archive, "示例市宏达机械制造有限公司").entries] == [
        three["unit"]
    ]


def test_a_mistyped_name_with_the_same_id_number_is_one_person(
    archive: Archive, three: dict[str, str]
) -> None:
    add_benefit_event(
        archive,
        three["own"],
        BenefitEventInput("reissue", "张山", "2023-06-01", id_number=ID_ZHANG, amount="100"),
        "补录二次发放",
    )
    for query in (ID_ZHANG, "张山", "张三"):
        found = person_file(archive, query)
        assert found.who.names == ("张三", "张山"), query
        assert {e.number for e in found.entries} == set(three.values())
        assert [e.person for e in found.events] == ["张山"]


def test_bad_queries_are_refused_in_one_line(archive: Archive, three: dict[str, str]) -> None:
    with pytest.raises(InputError) as bad:
        person_file(archive, ID_ZHANG[:-1] + "1")  # wrong check digit
    assert bad.value.code == "id_number.invalid"
    with pytest.raises(NotFound) as none:
        person_file(archive, "不存在的人")
    assert none.value.code == "person.not_found"
    with pytest.raises(InputError) as empty:
        person_file(archive, "  ")
    assert empty.value.code == "person.bad_query"


def test_a_name_of_two_people_is_ambiguous(archive: Archive, tmp_path: Path) -> None:
    form_only = [{"file": "a.pdf", "role": "form", "title": "登记表"}]
    _capture(archive, tmp_path / "a", roster=["张三"], materials=form_only)
    _capture(
        archive,
        tmp_path / "b",
        entity={"kind": "person", "name": "张三", "id_number": ID_WANG},
        roster=["张三"],
        materials=form_only,
    )
    with pytest.raises(InputError) as two:
        person_file(archive, "张三")
    assert two.value.code == "person.ambiguous" and ID_WANG not in two.value.message()
    ref = two.value.message().split("@")[1].split("（")[0]
    assert len(person_file(archive, "@" + ref).entries) == 1


def test_id_numbers_are_masked_for_those_who_do_not_need_them_and_the_file_is_logged(
    archive: Archive, three: dict[str, str]
) -> None:
    add_benefit_event(
        archive,
        three["own"],
        BenefitEventInput("recovery", "张三", "2023-07-01", id_number=ID_ZHANG, amount="5.5"),
        "追回多发待遇",
    )
    add_person(archive, "jianding", "appraiser")
    archive.sign_in("jianding", PASSWORD)
    seen = person_file(archive, ID_ZHANG)
    assert seen.who.id_number == "110105********002X"
    assert seen.events[0].id_number == "110105********002X" and seen.events[0].amount == "5.50"
    assert ID_ZHANG not in json.dumps(seen.to_json(), ensure_ascii=False)
    with archive.db.reading() as session:
        events = access_log.query(session, user_name="jianding", kind="view_list")
    assert [e.target for e in events] == ["person:110105********002X"]
    assert events[0].detail == {"items": 3, "events": 1, "query": "110105********002X"}
    person_file(archive, "张三")  # by name: logged as the person it found
    with archive.db.reading() as session:
        again = access_log.query(session, user_name="jianding", kind="view_list")
    assert again[0].target == "person:110105********002X"
    assert again[0].detail is not None and again[0].detail["query"] == "张三"


def test_benefit_events_come_with_a_manifest(archive: Archive, tmp_path: Path) -> None:
    number = _capture(
        archive,
        tmp_path / "e",
        events=[
            {
                "kind": "review_change",
                "person": "张三",
                "id_number": ID_ZHANG,
                "amount": "1234.56",
                "period_from": "2023-01-01",
                "period_to": "2023-03-31",
                "bank_change": "6222****1234 → 6217****5678",
                "date": "2023-05-20",
                "note": "复核后调整",
            }
        ],
    )
    with archive.db.reading() as session:
        [row] = session.scalars(select(BenefitEvent))
        assert row.amount_fen == 123456 and row.entity_id is not None
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "item.capture")).one()
        assert audit.after is not None and audit.after["events"][0]["amount"] == "1234.56"
    view = item_detail(archive, number)
    [event] = view["events"]
    assert event["kind"] == "review_change" and event["kind_label"] == "待遇审核变更"
    assert event["period_to"] == "2023-03-31" and event["bank_change"].startswith("6222")
    assert [e.amount for e in person_file(archive, ID_ZHANG).events] == ["1234.56"]


@pytest.mark.parametrize(
    ("event", "code", "field"),
    [
        ({"kind": "bonus", "person": "张三", "date": "2023-05-20"}, "benefit.bad_kind", "kind"),
        (
            {"kind": "reissue", "person": "张三", "amount": 12.5, "date": "2023-05-20"},
            "benefit.bad_amount",
            "amount",
        ),
        (
            {"kind": "reissue", "person": "张三", "amount": "12.345", "date": "2023-05-20"},
            "benefit.bad_amount",
            "amount",
        ),
        (
            {"kind": "recovery", "person": "张三", "date": "2023-05-20"},
            "benefit.amount_required",
            "amount",
        ),
        (
            {"kind": "review_change", "person": "张三", "date": "2023-02-30"},
            "date.invalid",
            "date",
        ),
        (
            {
                "kind": "review_change",
                "person": "张三",
                "date": "2023-05-20",
                "period_from": "2023-03-01",
                "period_to": "2023-01-01",
            },
            "benefit.bad_period",
            "period_to",
        ),
        (
            {
                "kind": "review_change",
                "person": "张三",
                "date": "2023-05-20",
                "id_number": ID_ZHANG[:-1] + "1",
            },
            "benefit.bad_id_number",
            "id_number",
        ),
        ({"kind": "review_change", "date": "2023-05-20"}, "manifest.missing_field", "person"),
    ],
)
def test_bad_events_in_a_manifest_are_refused_naming_the_field(
    archive: Archive, tmp_path: Path, event: dict[str, object], code: str, field: str
) -> None:
    with pytest.raises(InputError) as bad:
        _capture(archive, tmp_path / "bad", events=[event])
    assert bad.value.code == code
    message = bad.value.message()
    assert f"events[0].{field}" in message and "\n" not in message
    with archive.db.reading() as session:
        assert session.scalars(select(BenefitEvent)).first() is None


def test_an_event_added_later_is_audited_with_its_reason(
    archive: Archive, three: dict[str, str]
) -> None:
    view = add_benefit_event(
        archive,
        three["own"],
        BenefitEventInput(
            "reissue", "张三", "2023-06-30", amount="800", period_from="2023-04-01",
            period_to="2023-04-30", bank_change="改为 6217****5678",
        ),
        "补发四月待遇",
    )  # fmt: skip
    assert view.amount == "800.00" and view.item_number == three["own"]
    with archive.db.reading() as session:
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "benefit.add")).one()
    assert audit.reason == "补发四月待遇" and audit.after is not None
    assert audit.after["event"]["amount"] == "800.00"
    with pytest.raises(InputError) as no_reason:
        add_benefit_event(
            archive,
            three["own"],
            BenefitEventInput("reissue", "张三", "2023-06-30", amount="1"),
            "",
        )
    assert no_reason.value.code == "reason.required"
    for bad, code in (
        (BenefitEventInput("reissue", "张三", "2023-06-30", amount="-1"), "benefit.bad_amount"),
        (BenefitEventInput("nope", "张三", "2023-06-30"), "benefit.bad_kind"),
        (BenefitEventInput("reissue", "张三", "2023-13-01", amount="1"), "date.invalid"),
        (
            BenefitEventInput("reissue", "张三", "2023-06-30", amount="1", id_number="123"),
            "benefit.bad_id_number",
        ),
    ):
        with pytest.raises(InputError) as refused:
            add_benefit_event(archive, three["own"], bad, "试")
        assert refused.value.code == code
    with archive.db.reading() as session:
        assert len(list(session.scalars(select(BenefitEvent)))) == 1


def test_an_event_is_refused_once_the_volume_is_handed_over(
    archive: Archive, three: dict[str, str]
) -> None:
    from archivist.arrangement import volumes

    made = volumes.build(archive, 2023, "SY", "year")
    with archive.db.writing() as session:
        for volume in session.scalars(
            select(Volume).where(Volume.code.in_([m.code for m in made]))
        ):
            volume.status = "handed_over"
    with pytest.raises(InputError) as frozen:
        add_benefit_event(
            archive,
            three["own"],
            BenefitEventInput("reissue", "张三", "2023-06-30", amount="1"),
            "补录",
        )
    assert frozen.value.code == "volume.handed_over"


def test_the_command_line_shows_the_person_file_and_adds_events(
    archive: Archive, three: dict[str, str]
) -> None:
    root = str(archive.root)
    added = run_cli(
        "--archive", root, "item", "event", "add", three["own"], "--kind", "reissue",
        "--person", "张三", "--id-number", ID_ZHANG, "--amount", "1234.56",
        "--from", "2023-01-01", "--to", "2023-03-31", "--date", "2023-05-20",
        "--reason", "补发", "--json",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["amount"] == "1234.56"
    bad = run_cli(
        "--archive", root, "item", "event", "add", three["own"], "--kind", "reissue",
        "--person", "张三", "--amount", "1.234", "--date", "2023-05-20", "--reason", "补发",
    )  # fmt: skip
    assert bad.returncode == 1 and "--amount" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    shown = run_cli("--archive", root, "person", ID_ZHANG, "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert len(data["entries"]) == 3 and data["events"][0]["amount"] == "1234.56"
    text = run_cli("--archive", root, "person", "张三")
    assert text.returncode == 0 and three["unit"] in text.stdout and "1234.56" in text.stdout
    missing = run_cli("--archive", root, "person", "无此人")
    assert missing.returncode == 1 and "无此人" in missing.stderr


def test_the_file_says_where_each_item_is_and_who_has_it_on_loan(
    archive: Archive, three: dict[str, str]
) -> None:
    import datetime as dt

    from archivist.arrangement import volumes
    from archivist.custody import boxes, locations, where
    from archivist.use.lending import lend
    from archivist.use.requests import Borrower, approve, create_request

    [made] = volumes.build(archive, 2023, "SY", "year")
    place = locations.add_location(archive, "1", 2, 3, 4).code
    box = boxes.create_box(archive, year=2023, class_code="SY", retention="D10", kind="volumes")
    boxes.put(archive, box.code, volumes=[made.code], reason="装盒")
    boxes.shelve(archive, box.code, place, reason="上架")
    request = create_request(archive, "lend", Borrower("李四"), "核对待遇", items=[three["later"]])
    add_person(archive, "fuzeren", "head")
    archive.sign_in("fuzeren", PASSWORD)
    approve(archive, request.number)
    archive.sign_in("tester", PASSWORD)
    lend(archive, request.number, due_on=dt.date(2026, 12, 31), on=dt.date(2026, 12, 1))
    entries = {e.number: e for e in person_file(archive, ID_ZHANG).entries}
    own = entries[three["own"]]
    located = where.where(archive, three["own"])
    assert (own.volume, own.box, own.location) == (located.volume, located.box, located.location)
    assert own.location == place and own.on_loan is None
    later = entries[three["later"]]
    assert later.on_loan is not None and "李四" in later.on_loan
    assert request.number in later.on_loan and "2026-12-31" in later.on_loan


def test_the_person_file_needs_the_read_right(archive: Archive, three: dict[str, str]) -> None:
    from archivist.errors import AccessRefused

    archive.sign_in("admin", PASSWORD)  # the system administrator reads no records
    with pytest.raises(AccessRefused):
        person_file(archive, ID_ZHANG)
    with archive.db.reading() as session:
        [refused] = access_log.query(session, user_name="admin", kind="refused")
    assert refused.target == "person:110105********002X"


def test_an_event_under_the_id_number_of_someone_else_is_refused(
    archive: Archive, tmp_path: Path
) -> None:
    """An ID number that belongs to a person this item does not concern would merge two
    people in the person file (found by a hostile tester)."""
    mine = _capture(archive, tmp_path / "a")
    _capture(
        archive,
        tmp_path / "b",
        entity={"kind": "person", "name": "王五", "id_number": ID_WANG},
        roster=["王五"],
        materials=[{"file": "a.pdf", "role": "form", "title": "登记表"}],
    )
    with pytest.raises(InputError) as refused:
        add_benefit_event(
            archive,
            mine,
            BenefitEventInput("recovery", "张三", "2023-06-01", id_number=ID_WANG, amount="10"),
            "追回",
        )
    assert refused.value.code == "entity.conflict"
