"""Appraisal batches (issue 15, points 2 and 7): the group, opinions, signatures, and
the extensions and permanent opinions applied on the last signature."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from archivist.accounts import directory
from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes.states import AppraisalState
from archivist.db.models import (
    AppraisalBatch,
    AppraisalEntry,
    AuditEvent,
    DestructionEntry,
    DestructionRegister,
    Item,
)
from archivist.disposition.appraisal import (
    appraisal_history,
    create_batch,
    list_batches,
    parse_period,
    set_opinion,
    show_batch,
    sign_batch,
)
from archivist.disposition.batch_views import BatchView, Opinion
from archivist.disposition.due import due_list
from archivist.disposition.holds import lift_hold, place_hold
from archivist.errors import AccessRefused, ArchivistError, InputError, NotFound

from .conftest import PASSWORD, add_person, write_manifest

PERMANENT_TYPE = "失业保险基金支付年度汇总表"  # SY, kept for ever
AS_OF = dt.date(2023, 1, 1)
MEMBERS = ("zhang", "li", "wang")


def capture(archive: Archive, folder: Path, completed_on: str, **extra: object) -> str:
    path = write_manifest(folder, completed_on=completed_on, **extra)
    return capture_from_manifest(archive, path).number


@pytest.fixture
def records(archive: Archive, tmp_path: Path) -> dict[str, str]:
    """SY claims kept 10 years: 2005 (due from 2016-01-01), 2006 (from 2017-01-01),
    2012 (from 2023-01-01), 2020 (from 2031-01-01: not due) and a permanent one; the
    appraisal group zhang (appraiser, head), li (appraiser, archivist), wang (appraiser,
    handler); "tester" (an archivist) signed in."""
    made = {
        "a": capture(archive, tmp_path / "a", "2005-05-12"),
        "b": capture(archive, tmp_path / "b", "2006-02-01"),
        "c": capture(archive, tmp_path / "c", "2012-03-01"),
        "late": capture(archive, tmp_path / "late", "2020-03-01"),
        "permanent": capture(archive, tmp_path / "p", "2005-12-20", business_type=PERMANENT_TYPE),
    }
    add_person(archive, "zhang", "appraiser", "head")
    add_person(archive, "li", "appraiser", "archivist")
    add_person(archive, "wang", "appraiser", "handler")
    return made


def as_(archive: Archive, name: str) -> Archive:
    archive.sign_in(name, PASSWORD)
    return archive


def new_batch(archive: Archive, **extra: object) -> BatchView:
    as_(archive, "zhang")
    return create_batch(archive, as_of=AS_OF, members=MEMBERS, **extra)  # type: ignore[arg-type]


def item_of(archive: Archive, number: str) -> Item:
    with archive.db.reading() as session:
        item = session.scalars(select(Item).where(Item.number == number)).one()
        session.expunge(item)
        return item


def counts(archive: Archive) -> tuple[int, int, int]:
    with archive.db.reading() as session:
        return (
            session.scalar(select(func.count(AppraisalBatch.id))) or 0,
            session.scalar(select(func.count(AppraisalEntry.id))) or 0,
            session.scalar(select(func.count(AuditEvent.seq))) or 0,
        )


def test_create_takes_the_due_list(archive: Archive, records: dict[str, str]) -> None:
    batch = new_batch(archive)
    assert batch.number == f"JD-{dt.date.today().year}-01"
    assert batch.state is AppraisalState.DRAFT and batch.as_of == AS_OF
    assert [e.number for e in batch.entries] == [records[k] for k in ("a", "b", "c")]
    assert [(m.user_name, m.head, m.signed_at) for m in batch.members] == [
        ("zhang", True, None),
        ("li", False, None),
        ("wang", False, None),
    ]
    entry = batch.entries[0]
    assert (entry.retention, entry.expires_on, entry.year, entry.class_code) == (
        "D10",
        dt.date(2016, 1, 1),
        2005,
        "SY",
    )
    assert entry.opinion is None and entry.pages > 0 and entry.title == "张三失业保险金申领"
    assert batch.undecided == 3 and batch.created_by == "zhang"


def test_scope_by_class_and_year(archive: Archive, records: dict[str, str]) -> None:
    batch = new_batch(archive, class_code="sy", year=2006)
    assert [e.number for e in batch.entries] == [records["b"]]
    assert (batch.class_code, batch.scope_year) == ("SY", 2006)


def test_numbers_given(archive: Archive, records: dict[str, str]) -> None:
    code = item_of(archive, records["c"]).archival_code
    batch = new_batch(archive, numbers=[records["a"], code])
    assert [e.number for e in batch.entries] == [records["a"], records["c"]]


def test_the_due_list_leaves_out_what_is_being_appraised(
    archive: Archive, records: dict[str, str]
) -> None:
    new_batch(archive, numbers=[records["a"]])
    found = due_list(archive, AS_OF)
    assert {r.number for r in found.rows} == {records["b"], records["c"]}
    assert found.in_appraisal == 1
    second = create_batch(archive, as_of=AS_OF, members=MEMBERS)  # what is left
    assert [e.number for e in second.entries] == [records["b"], records["c"]]
    assert second.number.endswith("-02")
    with pytest.raises(InputError) as refused:
        create_batch(archive, as_of=AS_OF, members=MEMBERS)
    assert refused.value.code == "appraisal.nothing_due"
    with pytest.raises(InputError) as taken:
        create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[records["a"]])
    assert taken.value.code == "appraisal.in_batch"
    assert "JD-" in taken.value.message()


@pytest.mark.parametrize(
    ("members", "code"),
    [
        (("zhang", "li"), "appraisal.too_few_members"),
        (("zhang", "li", "LI"), "appraisal.too_few_members"),
        (("li", "wang", "tester"), "appraisal.member_not_appraiser"),
        (("zhang", "li", "nobody"), "appraisal.unknown_member"),
        (("li", "wang", "chen"), "appraisal.no_head"),
        (("zhang", "li", "admin"), "appraisal.member_not_appraiser"),
    ],
)
def test_the_group_refused(
    archive: Archive, records: dict[str, str], members: tuple[str, ...], code: str
) -> None:
    add_person(archive, "chen", "appraiser")
    before = counts(archive)
    as_(archive, "zhang")
    with pytest.raises(InputError) as refused:
        create_batch(archive, as_of=AS_OF, members=members)
    assert refused.value.code == code
    assert refused.value.message("zh") and refused.value.message("en")
    assert counts(archive) == before


def test_a_disabled_member_refused(archive: Archive, records: dict[str, str]) -> None:
    as_(archive, "admin")
    directory.disable_account(archive, "wang", "调离")
    as_(archive, "zhang")
    with pytest.raises(InputError) as refused:
        create_batch(archive, as_of=AS_OF, members=MEMBERS)
    assert refused.value.code == "appraisal.member_inactive"


def test_creator_needs_the_appraise_right(archive: Archive, records: dict[str, str]) -> None:
    before = counts(archive)
    with pytest.raises(AccessRefused):  # tester: an archivist
        create_batch(archive, as_of=AS_OF, members=MEMBERS)
    assert counts(archive)[:2] == before[:2]


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("late", "appraisal.not_due"),
        ("permanent", "appraisal.permanent"),
    ],
)
def test_numbers_not_due_or_permanent_refused(
    archive: Archive, records: dict[str, str], key: str, code: str
) -> None:
    as_(archive, "zhang")
    with pytest.raises(InputError) as refused:
        create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[records["a"], records[key]])
    assert refused.value.code == code
    assert counts(archive)[:2] == (0, 0)


def test_permanent_never_enters(archive: Archive, records: dict[str, str]) -> None:
    as_(archive, "zhang")
    batch = create_batch(archive, as_of=dt.date.today(), members=MEMBERS)
    assert records["permanent"] not in {e.number for e in batch.entries}
    assert records["late"] not in {e.number for e in batch.entries}


def test_bad_scope_refused(archive: Archive, records: dict[str, str]) -> None:
    as_(archive, "zhang")
    cases = [
        ({"as_of": dt.date.today() + dt.timedelta(days=1)}, "appraisal.future_as_of"),
        ({"as_of": AS_OF, "class_code": "ZZ"}, "class.unknown"),
        ({"as_of": AS_OF, "year": 1800}, "disposition.bad_year"),
        ({"as_of": AS_OF, "numbers": ["2005-SY-9999"]}, "item.not_found"),
        ({"as_of": AS_OF, "class_code": "SY", "year": 2030}, "appraisal.nothing_due"),
        ({"as_of": AS_OF, "year": 2005, "numbers": [records["b"]]}, "appraisal.out_of_scope"),
    ]
    for kwargs, code in cases:
        with pytest.raises(ArchivistError) as refused:
            create_batch(archive, members=MEMBERS, **kwargs)  # type: ignore[arg-type]
        assert refused.value.code == code, kwargs
    assert counts(archive)[:2] == (0, 0)


def test_held_records_left_out(archive: Archive, records: dict[str, str]) -> None:
    [hold] = place_hold(archive, items=[records["a"]], kind="dispute", reason="争议未决")
    [volume] = volumes.build(archive, 2006, "SY", "year")
    [covering] = place_hold(archive, volume=volume.code, kind="unsettled", reason="债权未结清")
    batch = new_batch(archive)
    assert [e.number for e in batch.entries] == [records["c"]]
    assert [(p.number, p.holds, p.kinds) for p in batch.pulled_out] == [
        (records["a"], (hold.number,), ("dispute",)),
        (records["b"], (covering.number,), ("unsettled",)),
    ]
    for number in (records["a"], records["b"]):
        with pytest.raises(InputError) as refused:
            create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[number])
        assert refused.value.code == "appraisal.held_out"
    assert hold.number in str(refused.value) or covering.number in str(refused.value)
    as_(archive, "tester")
    lift_hold(archive, hold.number, "争议已解决")
    assert [p.number for p in show_batch(archive, batch.number).pulled_out] == [records["b"]]


def give_all(archive: Archive, batch: BatchView, opinion: Opinion, **extra: str) -> BatchView:
    return set_opinion(
        archive, batch.number, [e.number for e in batch.entries], opinion,
        reason=extra.pop("reason", "已到期，无保存价值"), **extra,
    )  # fmt: skip


def test_opinions_and_signatures(archive: Archive, records: dict[str, str]) -> None:
    batch = new_batch(archive)
    as_(archive, "li")
    view = set_opinion(archive, batch.number, [records["a"]], "destroy", reason="无保存价值")
    assert view.entries[0].opinion is Opinion.DESTROY and view.entries[0].decided_by == "li"
    view = set_opinion(
        archive, batch.number, [records["b"]], Opinion.EXTEND, reason="涉及未结争议", period="30年"
    )
    extended = view.entries[1]
    assert (extended.new_retention, extended.new_expires_on) == ("D30", dt.date(2037, 1, 1))
    view = set_opinion(archive, batch.number, [records["c"]], "permanent", reason="典型案例")
    assert view.entries[2].new_retention == "Y" and view.entries[2].new_expires_on is None
    assert view.undecided == 0
    assert (view.count(Opinion.DESTROY), view.count(Opinion.EXTEND)) == (1, 1)
    for name in MEMBERS:
        as_(archive, name)
        view = sign_batch(archive, batch.number)
        assert {m.user_name for m in view.members if m.signed_at} >= {name}
        if name != MEMBERS[-1]:
            assert view.state is AppraisalState.DRAFT
            assert item_of(archive, records["b"]).retention == "D10"
    assert view.state is AppraisalState.SIGNED and view.signed_at
    b = item_of(archive, records["b"])
    assert (b.retention, b.expires_on) == ("D30", dt.date(2037, 1, 1))
    c = item_of(archive, records["c"])
    assert (c.retention, c.expires_on) == ("Y", None)
    a = item_of(archive, records["a"])
    assert (a.retention, a.expires_on, a.status) == ("D10", dt.date(2016, 1, 1), "captured")
    with archive.db.reading() as session:
        event = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "appraisal.sign")
            .order_by(AuditEvent.seq.desc())
        ).first()
        assert event is not None
        assert event.actor == "wang"
        assert event.after["state"] == "signed"
        assert event.after["applied"][records["b"]] == {
            "retention": ["D10", "D30"],
            "expires_on": ["2017-01-01", "2037-01-01"],
        }
        assert event.after["applied"][records["c"]]["expires_on"] == ["2023-01-01", None]
    # the extended record falls due again later; the destroy row awaits its register
    found = due_list(archive, dt.date(2023, 6, 1))
    assert {r.number for r in found.rows} == set()
    assert found.in_appraisal == 1
    later = due_list(archive, dt.date(2037, 1, 1))
    assert records["b"] in {r.number for r in later.rows}
    assert records["c"] not in {r.number for r in later.rows}


def signed_batch(archive: Archive, records: dict[str, str]) -> BatchView:
    batch = new_batch(archive)
    give_all(archive, batch, Opinion.DESTROY)
    for name in MEMBERS:
        as_(archive, name)
        batch = sign_batch(archive, batch.number)
    return batch


def test_signed_batch_is_frozen(archive: Archive, records: dict[str, str]) -> None:
    batch = signed_batch(archive, records)
    before = counts(archive)
    for attempt in (
        lambda: sign_batch(archive, batch.number),
        lambda: set_opinion(archive, batch.number, [records["a"]], "permanent", reason="改"),
    ):
        with pytest.raises(InputError) as refused:
            attempt()
        assert refused.value.code == "appraisal.signed"
    assert counts(archive) == before


def test_signing_refusals(archive: Archive, records: dict[str, str]) -> None:
    batch = new_batch(archive)
    with pytest.raises(InputError) as undecided:
        sign_batch(archive, batch.number)
    assert undecided.value.code == "appraisal.undecided"
    assert "3" in undecided.value.message()
    give_all(archive, batch, Opinion.DESTROY)
    sign_batch(archive, batch.number)
    with pytest.raises(InputError) as twice:
        sign_batch(archive, batch.number)
    assert twice.value.code == "appraisal.already_signed"
    add_person(archive, "chen", "appraiser")
    as_(archive, "chen")
    with pytest.raises(AccessRefused) as outsider:
        sign_batch(archive, batch.number)
    assert outsider.value.code == "appraisal.not_member_sign"
    with pytest.raises(AccessRefused) as outsider_opinion:
        set_opinion(archive, batch.number, [records["a"]], "destroy", reason="x")
    assert outsider_opinion.value.code == "appraisal.not_member_opinion"
    as_(archive, "tester")  # no APPRAISE right
    with pytest.raises(AccessRefused):
        sign_batch(archive, batch.number)
    view = show_batch(archive, batch.number)
    assert [m.user_name for m in view.members if m.signed_at] == ["zhang"]
    with pytest.raises(NotFound):
        show_batch(archive, "JD-1999-01")


def test_changed_opinion_clears_signatures(archive: Archive, records: dict[str, str]) -> None:
    batch = new_batch(archive)
    give_all(archive, batch, Opinion.DESTROY)
    sign_batch(archive, batch.number)
    as_(archive, "li")
    sign_batch(archive, batch.number)
    view = set_opinion(archive, batch.number, [records["a"]], "permanent", reason="重新研究")
    assert all(m.signed_at is None for m in view.members)
    with archive.db.reading() as session:
        event = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "appraisal.opinion")
            .order_by(AuditEvent.seq.desc())
        ).first()
        assert event is not None and event.after["signatures_cleared"] == ["zhang", "li"]
        assert event.after["numbers"] == [records["a"]]
        assert event.after["opinion"] == "permanent" and event.after["retention"] == "Y"
        assert event.before["opinions"][records["a"]]["opinion"] == "destroy"


def test_opinion_refusals(archive: Archive, records: dict[str, str]) -> None:
    batch = new_batch(archive, numbers=[records["a"], records["b"]])
    cases: list[tuple[dict[str, object], str]] = [
        ({"numbers": [records["c"]], "opinion": "destroy"}, "appraisal.not_in_batch"),
        ({"numbers": [], "opinion": "destroy"}, "appraisal.no_numbers"),
        ({"opinion": "burn"}, "appraisal.unknown_opinion"),
        ({"opinion": "extend"}, "appraisal.period_required"),
        ({"opinion": "extend", "period": "D10"}, "appraisal.not_longer"),
        ({"opinion": "extend", "period": "5年"}, "appraisal.not_longer"),
        ({"opinion": "extend", "period": "forever"}, "appraisal.bad_period"),
        ({"opinion": "extend", "period": "永久"}, "appraisal.extend_to_permanent"),
        ({"opinion": "destroy", "period": "D30"}, "appraisal.period_only_extend"),
        # 2005 + 1 + 15 = 2021: not after the appraisal day 2023-01-01
        ({"opinion": "extend", "period": "D15"}, "appraisal.expiry_not_after"),
        ({"opinion": "destroy", "reason": "  "}, "disposition.text_required"),
    ]
    before = counts(archive)
    for case, code in cases:
        kwargs = {"reason": "理由", "numbers": [records["a"]], **case}
        with pytest.raises(InputError) as refused:
            set_opinion(
                archive,
                batch.number,
                kwargs.pop("numbers"),  # type: ignore[arg-type]
                kwargs.pop("opinion"),  # type: ignore[arg-type]
                **kwargs,  # type: ignore[arg-type]
            )
        assert refused.value.code == code, case
        assert refused.value.message("en") != code
    assert counts(archive) == before
    assert show_batch(archive, batch.number).undecided == 2


def test_opinion_on_a_record_no_longer_due(archive: Archive, records: dict[str, str]) -> None:
    batch = new_batch(archive, numbers=[records["a"]])
    with archive.db.writing() as session:  # as a correction of its date would leave it
        item = session.scalars(select(Item).where(Item.number == records["a"])).one()
        item.expires_on = dt.date(2030, 1, 1)
    with pytest.raises(InputError) as refused:
        set_opinion(archive, batch.number, [records["a"]], "destroy", reason="x")
    assert refused.value.code == "appraisal.not_due"


def test_held_record_cannot_get_a_destroy_opinion(
    archive: Archive, records: dict[str, str]
) -> None:
    batch = new_batch(archive, numbers=[records["a"], records["b"]])
    as_(archive, "tester")
    [hold] = place_hold(archive, items=[records["a"]], kind="unsettled", reason="债权未结清")
    as_(archive, "zhang")
    with pytest.raises(InputError) as refused:
        set_opinion(archive, batch.number, [records["a"]], "destroy", reason="到期")
    assert refused.value.code == "appraisal.held_destroy"
    assert hold.number in refused.value.message()
    view = set_opinion(archive, batch.number, [records["a"]], "extend", reason="未结", period="D30")
    assert view.entries[0].holds == (hold.number,)
    # a hold placed after the destroy opinion stops the signature
    set_opinion(archive, batch.number, [records["b"]], "destroy", reason="到期")
    as_(archive, "tester")
    [second] = place_hold(archive, items=[records["b"]], kind="audit", reason="审计")
    as_(archive, "zhang")
    with pytest.raises(InputError) as stopped:
        sign_batch(archive, batch.number)
    assert stopped.value.code == "appraisal.held_destroy"
    as_(archive, "tester")
    lift_hold(archive, second.number, "审计结束")
    as_(archive, "zhang")
    assert sign_batch(archive, batch.number).members[0].signed_at


def test_signed_destroy_rows_wait_for_their_register(
    archive: Archive, records: dict[str, str]
) -> None:
    batch = signed_batch(archive, records)
    as_(archive, "zhang")
    with pytest.raises(InputError) as refused:
        create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[records["a"]])
    assert refused.value.code == "appraisal.awaiting_register"
    # a register made (here as the destruction service will leave it) takes them over;
    # a row left out of it comes back to the due list
    with archive.db.writing() as session:
        found = session.scalars(
            select(AppraisalBatch).where(AppraisalBatch.number == batch.number)
        ).one()
        register = DestructionRegister(
            number="XH-2026-01", year=2026, serial=1, batch_id=found.id, accounting=False,
            state="proposed", proposed_by="tester", proposed_at="2026-01-01T00:00:00",
            method="", place="",
        )  # fmt: skip
        session.add(register)
        session.flush()
        item = session.scalars(select(Item).where(Item.number == records["a"])).one()
        session.add(
            DestructionEntry(
                register_id=register.id, item_id=item.id, seq=1, number=item.number,
                archival_code=item.archival_code, title=item.title, class_code="SY",
                year=item.year, retention=item.retention, kept_years=20, pages=4,
                volume=None, note="",
            )
        )  # fmt: skip
    with pytest.raises(InputError) as listed:
        create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[records["a"]])
    assert listed.value.code == "appraisal.in_register"
    assert show_batch(archive, batch.number).destruction_registers == ("XH-2026-01",)
    again = create_batch(archive, as_of=AS_OF, members=MEMBERS)
    assert [e.number for e in again.entries] == [records["b"], records["c"]]


def test_history_and_list(archive: Archive, records: dict[str, str]) -> None:
    batch = new_batch(archive, numbers=[records["b"]])
    give_all(archive, batch, Opinion.EXTEND, period="D30")
    for name in MEMBERS:
        as_(archive, name)
        sign_batch(archive, batch.number)
    # appraised again when it falls due again
    as_(archive, "zhang")
    with archive.db.writing() as session:  # the later appraisal day has not come yet
        item = session.scalars(select(Item).where(Item.number == records["b"])).one()
        item.expires_on = dt.date(2020, 1, 1)
    second = create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[records["b"]])
    assert second.entries[0].retention == "D30"
    history = appraisal_history(archive, records["b"])
    assert [(number, e.opinion, e.retention) for number, e in history] == [
        (batch.number, Opinion.EXTEND, "D10"),
        (second.number, None, "D30"),
    ]
    assert [b.number for b in list_batches(archive)] == [second.number, batch.number]
    assert appraisal_history(archive, records["c"]) == []
    with pytest.raises(NotFound):
        appraisal_history(archive, "2099-SY-0001")


def test_reading_needs_the_read_right(archive: Archive, records: dict[str, str]) -> None:
    batch = new_batch(archive)
    as_(archive, "admin")
    for attempt in (
        lambda: show_batch(archive, batch.number),
        lambda: list_batches(archive),
        lambda: appraisal_history(archive, records["a"]),
    ):
        with pytest.raises(AccessRefused):
            attempt()


def test_parse_period() -> None:
    assert parse_period("D30").code == "D30"
    assert parse_period("30年").code == "D30"
    assert parse_period(" d50 ").code == "D50"
    assert parse_period("永久").is_permanent
    for bad in ("", "D0", "三十年", "D1000", "Y30"):
        with pytest.raises(InputError):
            parse_period(bad)


def test_signing_refused_when_a_period_changed_since(
    archive: Archive, records: dict[str, str]
) -> None:
    """Extended to 30 years in the batch, then corrected to a business type kept for
    ever: the last signature must not bring the record down to 30 years."""
    from archivist.arrangement.items import renumber

    batch = new_batch(archive, numbers=[records["a"]])
    as_(archive, "li")
    set_opinion(
        archive, batch.number, [records["a"]], "extend", reason="仍有查考价值", period="D30"
    )
    as_(archive, "tester")
    renumber(archive, records["a"], reason="业务类型更正", business_type=PERMANENT_TYPE)
    permanent = item_of(archive, records["a"])
    assert permanent.retention == "Y"
    before = counts(archive)
    as_(archive, "zhang")
    with pytest.raises(InputError) as refused:
        sign_batch(archive, batch.number)
    assert refused.value.code == "appraisal.changed_since"
    assert permanent.number in str(refused.value)
    assert counts(archive) == before
    after = item_of(archive, permanent.number)
    assert (after.retention, after.expires_on) == ("Y", None)


def test_records_gone_from_the_room_refused(archive: Archive, records: dict[str, str]) -> None:
    batch = new_batch(archive, numbers=[records["a"]])
    # No transfer service exists yet: the item's state is set as it will leave it.
    with archive.db.writing() as session:
        for key in ("a", "b"):
            item = session.scalars(select(Item).where(Item.number == records[key])).one()
            item.status = "transferred"
    with pytest.raises(InputError) as opinion:
        set_opinion(archive, batch.number, [records["a"]], "destroy", reason="到期")
    assert opinion.value.code == "appraisal.not_captured"
    with pytest.raises(InputError) as taken:
        create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[records["b"]])
    assert taken.value.code == "appraisal.not_captured" and records["b"] in str(taken.value)
    assert [e.number for e in create_batch(archive, as_of=AS_OF, members=MEMBERS).entries] == [
        records["c"]
    ]


def test_reasons_refused_in_plain_words(archive: Archive, records: dict[str, str]) -> None:
    """A reason missing, too long or with control characters (an opinion, a hold placed
    or lifted): a Chinese sentence about the reason, not a manifest's English field."""
    from archivist.messages import render

    batch = new_batch(archive, numbers=[records["a"]])
    calls = [
        lambda reason: set_opinion(archive, batch.number, [records["a"]], "destroy", reason=reason),
        lambda reason: place_hold(archive, items=[records["b"]], kind="audit", reason=reason),
    ]
    as_(archive, "zhang")
    before = counts(archive)
    for call in calls:
        for reason, code in (
            ("  ", "disposition.text_required"),
            ("长" * 501, "disposition.text_too_long"),
            ("理由\x1b[2J", "disposition.text_control"),
        ):
            with pytest.raises(InputError) as refused:
                call(reason)
            assert refused.value.code == code
            message = refused.value.message("zh")
            assert "理由" in message and "reason" not in message and "清单" not in message
            assert "\x1b" not in message
    assert counts(archive) == before
    [hold] = place_hold(archive, items=[records["b"]], kind="audit", reason="审计")
    with pytest.raises(InputError) as lifted:
        lift_hold(archive, hold.number, "\x00")
    assert lifted.value.code == "disposition.text_control"
    assert render("disposition.field.reason", lang="zh") in lifted.value.message("zh")


def test_a_bad_year_is_a_sentence(archive: Archive, records: dict[str, str]) -> None:
    for call in (
        lambda: new_batch(archive, year=99999),
        lambda: due_list(archive, AS_OF, year=1800),
        lambda: due_list(archive, AS_OF, within_years=-5),
    ):
        with pytest.raises(InputError) as refused:
            call()
        message = refused.value.message("zh")
        assert not message.startswith("disposition."), message
        assert "{" not in message


def test_the_hold_right_has_a_name() -> None:
    """The refusal for want of a right names it in words (every right but the two no
    role holds)."""
    from archivist.accounts.roles import Right
    from archivist.messages import CATALOG

    unnamed = [r for r in Right if r not in (Right.FOUND, Right.SYSTEM)]
    assert [r.value for r in unnamed if f"right.{r.value}" not in CATALOG] == []


def test_a_destroyed_record_is_not_held(archive: Archive, records: dict[str, str]) -> None:
    """A hold keeps a record from being destroyed: there is nothing to hold once it is
    gone (destroyed or transferred); refused, nothing written."""
    with archive.db.writing() as session:
        item = session.scalars(select(Item).where(Item.number == records["a"])).one()
        item.status = "destroyed"
    before = counts(archive)
    with pytest.raises(InputError) as refused:
        place_hold(archive, items=[records["a"]], kind="litigation", reason="诉讼")
    assert refused.value.code == "hold.not_in_room" and records["a"] in str(refused.value)
    assert counts(archive) == before


def test_an_extension_is_at_most_a_hundred_years() -> None:
    """Fixed terms are 10, 30, 50 or 100 years (archive-rules §4): an extension to 999
    years is a slip of the keyboard, refused with the way to keep a record for ever."""
    assert parse_period("100年").code == "D100"
    for bad in ("999", "D101", "200年"):
        with pytest.raises(InputError) as refused:
            parse_period(bad)
        assert refused.value.code == "appraisal.period_too_long"
        assert "永久" in refused.value.message("zh")


# -- cancelling a draft batch ------------------------------------------------------------


def test_a_member_cancels_a_draft_batch_and_its_records_return(
    archive: Archive, records: dict[str, str]
) -> None:
    from archivist.disposition.appraisal import cancel_batch

    batch = new_batch(archive).number
    everything = [records[k] for k in ("a", "b", "c")]
    set_opinion(archive, batch, everything, "destroy", reason="保管期满")
    sign_batch(archive, batch)  # zhang signed; li left the group, the batch stays open
    assert due_list(archive, AS_OF).due_rows == ()
    view = cancel_batch(as_(archive, "wang"), batch, "李四调离，鉴定小组重组")
    assert view.state is AppraisalState.CANCELLED and view.number == batch
    assert view.cancelled_by == "wang" and view.cancel_reason == "李四调离，鉴定小组重组"
    assert [r.number for r in due_list(archive, AS_OF).due_rows] == [
        records[k] for k in ("a", "b", "c")
    ]
    with archive.db.reading() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "appraisal.cancel")
        ).one()
        assert (event.actor, event.reason) == ("wang", "李四调离，鉴定小组重组")
        assert event.after is not None and event.after["state"] == "canceled"
    again = new_batch(archive)  # the same records go into a new batch
    assert [e.number for e in again.entries] == [records[k] for k in ("a", "b", "c")]
    assert show_batch(archive, batch).state is AppraisalState.CANCELLED
    for call in (
        lambda: set_opinion(archive, batch, [records["a"]], "destroy", reason="再议"),
        lambda: sign_batch(archive, batch),
    ):
        with pytest.raises(InputError) as caught:
            call()
        assert caught.value.code == "appraisal.cancelled"


def test_the_creator_cancels_others_are_refused(archive: Archive, records: dict[str, str]) -> None:
    from archivist.disposition.appraisal import cancel_batch

    add_person(archive, "zhao", "appraiser")
    as_(archive, "zhao")
    batch = create_batch(archive, as_of=AS_OF, members=MEMBERS).number  # zhao not a member
    add_person(archive, "qian", "appraiser")
    before = counts(archive)
    with pytest.raises(AccessRefused) as caught:
        cancel_batch(as_(archive, "qian"), batch, "不需要了")
    assert caught.value.code == "appraisal.not_member_cancel"
    with pytest.raises(AccessRefused):  # the archivist holds no appraise right
        cancel_batch(as_(archive, "tester"), batch, "不需要了")
    with pytest.raises(InputError) as missing:
        cancel_batch(as_(archive, "zhao"), batch, "  ")
    assert counts(archive) == before and missing.value.code != ""
    view = cancel_batch(as_(archive, "zhao"), batch, "范围有误，重新建立")
    assert view.state is AppraisalState.CANCELLED
    with pytest.raises(InputError) as twice:
        cancel_batch(archive, batch, "再撤销")
    assert twice.value.code == "appraisal.cancelled"
    with pytest.raises(NotFound):
        cancel_batch(archive, "JD-1999-01", "没有")


def test_a_signed_batch_is_not_cancelled(archive: Archive, records: dict[str, str]) -> None:
    from archivist.disposition.appraisal import cancel_batch

    batch = new_batch(archive, numbers=[records["a"]]).number
    set_opinion(archive, batch, [records["a"]], "destroy", reason="保管期满")
    for name in MEMBERS:
        sign_batch(as_(archive, name), batch)
    before = counts(archive)
    with pytest.raises(InputError) as caught:
        cancel_batch(archive, batch, "不想销毁了")
    assert caught.value.code == "appraisal.signed_not_cancelled"
    assert "签署" in caught.value.message("zh") and counts(archive) == before
    assert show_batch(archive, batch).state is AppraisalState.SIGNED
