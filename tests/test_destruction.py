"""Destruction registers (issue 15, point 4 and the accounting register of point 6):
made from a signed batch's destroy opinions, approved by a head who did not propose it,
signed by supervisors (also countersigned at the same desk with the signer's password)
and, for the accounting archives, by the five people Order 79 names; every refusal
leaves nothing changed. `archivist destruction create|approve|sign|show|list`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DBAPIError

from archivist.accounts.access_log import AccessKind
from archivist.accounts.directory import disable_account
from archivist.accounts.roles import Right
from archivist.accounts.signing import verify_person
from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.arrangement.items import renumber
from archivist.capture.pipeline import capture_from_manifest
from archivist.db.models import (
    AccessEvent,
    Account,
    AuditEvent,
    DestructionEntry,
    DestructionRegister,
    DestructionSignature,
    Item,
)
from archivist.disposition.appraisal import create_batch, set_opinion, sign_batch
from archivist.disposition.destruction import (
    approve_register,
    create_registers,
    kept_years,
    list_registers,
    load_register,
    show_register,
    sign_register,
)
from archivist.disposition.holds import lift_hold, place_hold
from archivist.disposition.register_views import Duty, RegisterView, Unit, view_of
from archivist.disposition.stubs import stub_of
from archivist.errors import AccessRefused, InputError, NotFound

from .conftest import PASSWORD, add_person, run_cli, sign_in, write_manifest

AS_OF = dt.date(2023, 1, 1)
MADE_ON = dt.date(2024, 3, 1)
MEMBERS = ("zhang", "li", "wang")
ACCOUNTING_TYPE = "会计月季度报表"  # KJ, kept 10 years
PERMANENT_TYPE = "失业保险基金支付年度汇总表"  # SY, kept for ever


def capture(archive: Archive, folder: Path, completed_on: str, **extra: object) -> str:
    path = write_manifest(folder, completed_on=completed_on, **extra)
    return capture_from_manifest(archive, path).number


@pytest.fixture
def people(archive: Archive) -> Archive:
    """The appraisal group (zhang a head), a head who approves (boss), two more
    witnesses (sup1 a handler, sup2 an archivist), the accounting register's people
    (kjhead a head, kjhandler a handler), and chief: an archivist who is also a head."""
    add_person(archive, "zhang", "appraiser", "head")
    add_person(archive, "li", "appraiser", "archivist")
    add_person(archive, "wang", "appraiser", "handler")
    add_person(archive, "boss", "head")
    add_person(archive, "sup1", "handler")
    add_person(archive, "sup2", "archivist")
    add_person(archive, "kjhead", "head")
    add_person(archive, "kjhandler", "handler")
    add_person(archive, "chief", "archivist", "head")
    return archive


def as_person(archive: Archive, user_name: str) -> Archive:
    archive.sign_in(user_name, PASSWORD)
    return archive


def signed_batch(
    archive: Archive,
    numbers: Sequence[str],
    *,
    destroy: Sequence[str] | None = None,
    extend: Sequence[str] = (),
    sign: bool = True,
) -> str:
    """A batch of `numbers` made by the group: `destroy` (default: all but `extend`)
    get the destroy opinion, `extend` 30 years; every member signs (unless not `sign`).
    The signed-in person is "tester" again afterwards."""
    as_person(archive, "zhang")
    batch = create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=numbers).number
    doomed = list(destroy) if destroy is not None else [n for n in numbers if n not in extend]
    if doomed:
        set_opinion(archive, batch, doomed, "destroy", reason="保管期满，无继续保存价值")
    if extend:
        set_opinion(archive, batch, list(extend), "extend", reason="仍有查考价值", period="D30")
    if sign:
        for member in MEMBERS:
            sign_batch(as_person(archive, member), batch)
    as_person(archive, "tester")
    return batch


@pytest.fixture
def records(people: Archive, tmp_path: Path) -> dict[str, str]:
    """Two SY claims of 2005 (one filed in a volume of its own), one of 2006, and an
    accounting (KJ) report of 2005: all due on AS_OF."""
    archive = people
    made = {
        "a": capture(archive, tmp_path / "a", "2005-05-12"),
        "b": capture(archive, tmp_path / "b", "2005-08-01", title="李四失业保险金申领"),
        "c": capture(archive, tmp_path / "c", "2006-03-01"),
        "kj": capture(
            archive,
            tmp_path / "kj",
            "2005-06-30",
            **{"class": "KJ", "business_type": ACCOUNTING_TYPE, "title": "2005年6月会计报表"},
        ),
    }
    [volume] = volumes.build(archive, 2006, "SY", "year")
    made["volume"] = volume.code
    return made


def counts(archive: Archive) -> tuple[int, int, int, int]:
    with archive.db.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(DestructionRegister)) or 0,
            session.scalar(select(func.count()).select_from(DestructionEntry)) or 0,
            session.scalar(select(func.count()).select_from(DestructionSignature)) or 0,
            session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def refused(archive: Archive, error: type[Exception], code: str, call: object) -> None:
    """`call()` raises `error` with `code`, and nothing of the registers changed."""
    assert callable(call)
    before = counts(archive)
    with pytest.raises(error) as caught:
        call()
    assert getattr(caught.value, "code", None) == code, caught.value
    assert counts(archive)[:3] == before[:3]
    assert counts(archive)[3] == before[3]  # no audit event either
    message = str(caught.value)
    assert message and code not in message  # a sentence, not the bare code


def approved(archive: Archive, number: str, by: str = "boss") -> RegisterView:
    view = approve_register(as_person(archive, by), number)
    as_person(archive, "tester")
    return view


# -- making the register ----------------------------------------------------------------


def test_register_rows_frozen_from_the_signed_batch(
    people: Archive, records: dict[str, str]
) -> None:
    archive = people
    batch = signed_batch(archive, [records["a"], records["b"], records["c"]], extend=[records["b"]])
    [view] = create_registers(archive, batch, on=MADE_ON)
    assert view.number == "XH-2024-01" and view.batch == batch and not view.accounting
    assert view.state.value == "proposed" and view.proposed_by == "tester"
    assert (view.fonds_code, view.fonds_name) == ("J023", "测试市社会保险事业服务中心")
    assert view.group_leader == "zhang" and view.group_signed_at
    assert view.batch_as_of == AS_OF
    assert [r.number for r in view.rows] == [records["a"], records["c"]]  # b was extended
    first, second = view.rows
    assert (first.seq, first.title, first.year, first.retention) == (
        1,
        "张三失业保险金申领",
        2005,
        "D10",
    )
    assert first.kept_years == 2024 - 2006 == kept_years(2005, MADE_ON)
    assert second.kept_years == 17 and second.seq == 2
    assert first.pages == 4 and view.pages == 8  # a two-page PDF and two images each
    assert first.volume is None and second.volume == records["volume"]
    assert records["volume"] in second.note and first.note == ""
    assert first.archival_code and first.class_code == "SY"
    # one audit event, naming the register and the records
    with archive.db.reading() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert event is not None and event.action == "destruction.create"
        assert event.after is not None and event.after["registers"] == ["XH-2024-01"]
        assert set(event.after["items"]) == {records["a"], records["c"]}
        assert view_of(session, load_register(session, "xh-2024-01")) == view


def test_kept_years_counts_whole_years_from_the_year_after() -> None:
    assert kept_years(2005, dt.date(2016, 1, 1)) == 10
    assert kept_years(2005, dt.date(2015, 12, 31)) == 9
    assert kept_years(2030, dt.date(2024, 1, 1)) == 0


def test_accounting_records_get_a_register_of_their_own(
    people: Archive, records: dict[str, str]
) -> None:
    archive = people
    batch = signed_batch(archive, [records["a"], records["kj"]])
    ordinary, accounting = create_registers(archive, batch, on=MADE_ON)
    assert (ordinary.number, ordinary.accounting) == ("XH-2024-01", False)
    assert (accounting.number, accounting.accounting) == ("XH-2024-02", True)
    assert [r.number for r in ordinary.rows] == [records["a"]]
    assert [(r.number, r.class_code, r.seq) for r in accounting.rows] == [(records["kj"], "KJ", 1)]
    assert accounting.rows[0].kept_years == 18
    assert [r.number for r in list_registers(archive)] == ["XH-2024-02", "XH-2024-01"]


def test_lifted_holds_are_noted(people: Archive, records: dict[str, str]) -> None:
    archive = people
    [hold] = place_hold(archive, items=[records["a"]], kind="dispute", reason="待查")
    lift_hold(archive, hold.number, "争议已解决")
    batch = signed_batch(archive, [records["a"]])
    [view] = create_registers(archive, batch, on=MADE_ON)
    note = view.rows[0].note
    assert hold.number in note and "争议" in note and "争议已解决" in note


def test_refused_from_an_unsigned_or_unknown_batch(
    people: Archive, records: dict[str, str]
) -> None:
    archive = people
    draft = signed_batch(archive, [records["a"]], sign=False)
    refused(archive, InputError, "destruction.batch_not_signed",
            lambda: create_registers(archive, draft, on=MADE_ON))  # fmt: skip
    refused(archive, NotFound, "destruction.unknown_batch",
            lambda: create_registers(archive, "JD-1999-01", on=MADE_ON))  # fmt: skip


def test_a_batch_makes_its_registers_once(people: Archive, records: dict[str, str]) -> None:
    archive = people
    batch = signed_batch(archive, [records["a"]])
    create_registers(archive, batch, on=MADE_ON)
    refused(archive, InputError, "destruction.batch_used",
            lambda: create_registers(archive, batch, on=MADE_ON))  # fmt: skip


def test_a_batch_without_destroy_opinions(people: Archive, records: dict[str, str]) -> None:
    archive = people
    batch = signed_batch(archive, [records["a"]], extend=[records["a"]])
    refused(archive, InputError, "destruction.nothing_to_destroy",
            lambda: create_registers(archive, batch, on=MADE_ON))  # fmt: skip


def test_a_record_held_since_the_batch_was_signed(people: Archive, records: dict[str, str]) -> None:
    archive = people
    batch = signed_batch(archive, [records["a"], records["c"]])
    [hold] = place_hold(archive, volume=records["volume"], kind="litigation", reason="诉讼中")
    refused(archive, InputError, "destruction.held",
            lambda: create_registers(archive, batch, on=MADE_ON))  # fmt: skip
    lift_hold(archive, hold.number, "诉讼结束")
    [view] = create_registers(archive, batch, on=MADE_ON)
    assert hold.number in view.rows[1].note


def test_a_record_made_permanent_meanwhile(people: Archive, records: dict[str, str]) -> None:
    """Corrected to a business type kept for ever after the batch was signed: a
    permanent record is never destroyed."""
    archive = people
    batch = signed_batch(archive, [records["a"]])
    renumber(archive, records["a"], reason="业务类型更正", business_type=PERMANENT_TYPE)
    refused(archive, InputError, "destruction.permanent",
            lambda: create_registers(archive, batch, on=MADE_ON))  # fmt: skip


def test_a_record_transferred_meanwhile(people: Archive, records: dict[str, str]) -> None:
    """There is no transfer service yet: the item's state is set as a transfer will."""
    archive = people
    batch = signed_batch(archive, [records["a"]])
    with archive.db.writing() as session:
        session.execute(
            update(Item).where(Item.number == records["a"]).values(status="transferred")
        )
    refused(archive, InputError, "destruction.item_gone",
            lambda: create_registers(archive, batch, on=MADE_ON))  # fmt: skip


def test_the_day_it_is_made(people: Archive, records: dict[str, str]) -> None:
    archive = people
    batch = signed_batch(archive, [records["a"]])
    refused(archive, InputError, "destruction.future_day",
            lambda: create_registers(archive, batch, on=dt.date.today() + dt.timedelta(days=1)))  # fmt: skip
    refused(archive, InputError, "destruction.before_batch",
            lambda: create_registers(archive, batch, on=dt.date(2022, 12, 31)))  # fmt: skip


def test_making_needs_the_dispose_right(people: Archive, records: dict[str, str]) -> None:
    archive = people
    batch = signed_batch(archive, [records["a"]])
    as_person(archive, "boss")  # a head: approves, does not make registers
    refused(archive, AccessRefused, "rights.refused",
            lambda: create_registers(archive, batch, on=MADE_ON))  # fmt: skip


# -- approval ---------------------------------------------------------------------------


def test_approved_by_a_head_who_did_not_propose_it(
    people: Archive, records: dict[str, str]
) -> None:
    archive = people
    batch = signed_batch(archive, [records["a"]])
    as_person(archive, "chief")  # an archivist and a head: may make and approve
    [view] = create_registers(archive, batch, on=MADE_ON)
    refused(archive, AccessRefused, "destruction.own_proposal",
            lambda: approve_register(archive, view.number))  # fmt: skip
    with archive.db.reading() as session:
        last = session.scalars(select(AccessEvent).order_by(AccessEvent.seq.desc())).first()
        assert last is not None and last.kind == AccessKind.REFUSED.value
        assert last.detail == {"code": "destruction.own_proposal"}
    as_person(archive, "tester")  # an archivist without the approve right
    refused(archive, AccessRefused, "rights.refused",
            lambda: approve_register(archive, view.number))  # fmt: skip
    done = approved(archive, view.number)
    assert done.state.value == "approved" and done.approved_by == "boss"
    assert done.approver_name == "boss" and done.approved_at
    assert done.signatures == ()  # an ordinary register: the approval is no signature
    refused(archive, InputError, "destruction.not_proposed",
            lambda: approve_register(as_person(archive, "zhang"), view.number))  # fmt: skip
    refused(archive, NotFound, "destruction.unknown",
            lambda: approve_register(archive, "XH-1999-09"))  # fmt: skip


def test_approval_freezes_the_list(people: Archive, records: dict[str, str]) -> None:
    """Once approved, its rows stay as they were; the kept rows refuse deletion."""
    archive = people
    batch = signed_batch(archive, [records["a"]])
    [view] = create_registers(archive, batch, on=MADE_ON)
    done = approved(archive, view.number)
    assert done.rows == view.rows
    with pytest.raises(DBAPIError, match="kept permanently"), archive.db.writing() as session:
        session.execute(delete(DestructionEntry))
    assert show_register(archive, view.number).rows == view.rows


# -- supervisors ------------------------------------------------------------------------


@pytest.fixture
def register(people: Archive, records: dict[str, str]) -> str:
    """An approved ordinary register of record a (proposed by tester, approved by boss)."""
    batch = signed_batch(people, [records["a"]])
    [view] = create_registers(people, batch, on=MADE_ON)
    approved(people, view.number)
    return view.number


def test_supervisors_sign_as_themselves(people: Archive, register: str) -> None:
    archive = people
    view = sign_register(as_person(archive, "sup1"), register, "supervisor")
    [signature] = view.supervisors
    assert (signature.duty, signature.unit, signature.user_name) == (Duty.SUPERVISOR, None, "sup1")
    view = sign_register(as_person(archive, "sup2"), register, Duty.SUPERVISOR, unit="archives")
    assert [(s.user_name, s.unit) for s in view.supervisors] == [
        ("sup1", None),
        ("sup2", Unit.ARCHIVES),
    ]
    refused(archive, InputError, "destruction.signed_twice",
            lambda: sign_register(archive, register, "supervisor"))  # fmt: skip


def test_the_approver_never_supervises(people: Archive, register: str) -> None:
    archive = people
    refused(archive, AccessRefused, "destruction.approver_supervises",
            lambda: sign_register(as_person(archive, "boss"), register, "supervisor"))  # fmt: skip
    as_person(archive, "tester")
    refused(archive, AccessRefused, "destruction.approver_supervises",
            lambda: sign_register(archive, register, "supervisor", user_name="boss",
                                  password=PASSWORD))  # fmt: skip


def test_supervisors_sign_only_an_approved_register(
    people: Archive, records: dict[str, str]
) -> None:
    archive = people
    batch = signed_batch(archive, [records["a"]])
    [view] = create_registers(archive, batch, on=MADE_ON)
    refused(archive, InputError, "destruction.supervise_unapproved",
            lambda: sign_register(as_person(archive, "sup1"), view.number, "supervisor"))  # fmt: skip


def test_countersigned_at_the_same_desk(people: Archive, register: str) -> None:
    """tester is signed in; sup1 types their own password: sup1's signature, written by
    tester (the audit event says both); tester stays signed in."""
    archive = people
    view = sign_register(archive, register, "supervisor", user_name="SUP1", password=PASSWORD)
    assert [s.user_name for s in view.supervisors] == ["sup1"]
    assert archive.person is not None and archive.person.user_name == "tester"
    with archive.db.reading() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert event is not None and event.actor == "tester"
        assert event.action == "destruction.sign" and event.after is not None
        assert event.after["signer"] == "sup1"
        assert event.after["countersigned_at_desk_of"] == "tester"
        checked = session.scalars(
            select(AccessEvent).where(AccessEvent.kind == AccessKind.SIGN_IN.value)
            .order_by(AccessEvent.seq.desc())
        ).first()  # fmt: skip
        assert checked is not None and checked.user_name == "sup1"
        assert checked.detail == {"for": "countersign"}


def test_wrong_password_at_countersign_counts_towards_the_lockout(
    people: Archive, register: str
) -> None:
    archive = people
    refused(archive, AccessRefused, "auth.wrong_password",
            lambda: sign_register(archive, register, "supervisor", user_name="sup1",
                                  password="wrong"))  # fmt: skip
    with archive.db.reading() as session:
        account = session.scalars(select(Account).where(Account.user_name == "sup1")).one()
        assert account.failed_attempts == 1
        failed = session.scalars(
            select(AccessEvent).where(AccessEvent.kind == AccessKind.SIGN_IN_FAILED.value)
            .order_by(AccessEvent.seq.desc())
        ).first()  # fmt: skip
        assert failed is not None and failed.user_name == "sup1"
        assert failed.detail is not None and failed.detail["for"] == "countersign"
    code = ""
    for _ in range(20):
        try:
            sign_register(archive, register, "supervisor", user_name="sup1", password="wrong")
        except AccessRefused as error:
            code = error.code
        if code == "auth.locked":
            break
    assert code == "auth.locked"
    # locked: even the right password is refused now, and nothing was signed
    refused(archive, AccessRefused, "auth.locked",
            lambda: sign_register(archive, register, "supervisor", user_name="sup1",
                                  password=PASSWORD))  # fmt: skip
    assert archive.person is not None and archive.person.user_name == "tester"
    assert show_register(archive, register).signatures == ()


def test_verify_person_checks_without_signing_in(people: Archive, register: str) -> None:
    """The countersign check (archivist.accounts.signing.verify_person): the person whose
    password it is, the signed-in person unchanged; a disabled account refused."""
    archive = people
    checked = verify_person(archive, "Sup2", PASSWORD)
    assert checked.user_name == "sup2" and checked.may(Right.WITNESS)
    assert archive.person is not None and archive.person.user_name == "tester"
    as_person(archive, "admin")
    disable_account(archive, "sup2", "调离")
    as_person(archive, "tester")
    refused(archive, AccessRefused, "auth.disabled",
            lambda: sign_register(archive, register, "supervisor", user_name="sup2",
                                  password=PASSWORD))  # fmt: skip
    assert archive.person is not None and archive.person.user_name == "tester"


def test_countersign_needs_a_password_and_the_witness_right(people: Archive, register: str) -> None:
    archive = people
    refused(archive, InputError, "destruction.password_required",
            lambda: sign_register(archive, register, "supervisor", user_name="sup1"))  # fmt: skip
    refused(archive, InputError, "destruction.user_required",
            lambda: sign_register(archive, register, "supervisor", password=PASSWORD))  # fmt: skip
    refused(archive, AccessRefused, "auth.wrong_password",
            lambda: sign_register(archive, register, "supervisor", user_name="nobody",
                                  password=PASSWORD))  # fmt: skip
    # the auditor (an administrator) witnesses nothing
    refused(archive, AccessRefused, "rights.refused",
            lambda: sign_register(archive, register, "supervisor", user_name="auditor",
                                  password=PASSWORD))  # fmt: skip


def test_unknown_duty_unit_or_register(people: Archive, register: str) -> None:
    archive = people
    refused(archive, InputError, "destruction.unknown_duty",
            lambda: sign_register(archive, register, "cook"))  # fmt: skip
    refused(archive, InputError, "destruction.unknown_unit",
            lambda: sign_register(archive, register, "supervisor", unit="kitchen"))  # fmt: skip
    refused(archive, NotFound, "destruction.unknown",
            lambda: sign_register(archive, "XH-2024-77", "supervisor"))  # fmt: skip


def test_accounting_duties_only_on_an_accounting_register(people: Archive, register: str) -> None:
    archive = people
    refused(archive, InputError, "destruction.not_accounting",
            lambda: sign_register(archive, register, "archives_handler"))  # fmt: skip
    refused(archive, InputError, "destruction.unit_head_by_approval",
            lambda: sign_register(archive, register, "unit_head"))  # fmt: skip


# -- the accounting register (Order 79) -------------------------------------------------


@pytest.fixture
def accounting(people: Archive, records: dict[str, str]) -> str:
    """An accounting register of the KJ record, proposed by tester."""
    batch = signed_batch(people, [records["kj"]])
    [view] = create_registers(people, batch, on=MADE_ON)
    assert view.accounting
    return view.number


def test_accounting_register_five_signatures(people: Archive, accounting: str) -> None:
    archive = people
    view = approved(archive, accounting)
    [unit_head] = view.signatures
    assert (unit_head.duty, unit_head.user_name) == (Duty.UNIT_HEAD, "boss")
    sign_register(archive, accounting, "archives_handler")  # tester, who made it
    sign_register(archive, accounting, "archives_head", user_name="chief", password=PASSWORD)
    sign_register(archive, accounting, "accounting_head", user_name="kjhead", password=PASSWORD)
    view = sign_register(
        archive, accounting, "accounting_handler", user_name="kjhandler", password=PASSWORD
    )
    assert [(s.duty.value, s.user_name) for s in view.signatures] == [
        ("unit_head", "boss"),
        ("archives_handler", "tester"),
        ("archives_head", "chief"),
        ("accounting_head", "kjhead"),
        ("accounting_handler", "kjhandler"),
    ]
    for user, unit in (("sup1", "archives"), ("wang", "accounting"), ("sup2", "it")):
        view = sign_register(archive, accounting, "supervisor", unit=unit, user_name=user,
                             password=PASSWORD)  # fmt: skip
    assert [(s.user_name, s.unit) for s in view.supervisors] == [
        ("sup1", Unit.ARCHIVES),
        ("wang", Unit.ACCOUNTING),
        ("sup2", Unit.IT),
    ]


def test_accounting_duties_by_different_people(people: Archive, accounting: str) -> None:
    archive = people
    approved(archive, accounting)
    sign_register(archive, accounting, "archives_handler")
    refused(archive, AccessRefused, "destruction.one_duty_each",
            lambda: sign_register(archive, accounting, "accounting_handler"))  # fmt: skip
    refused(archive, AccessRefused, "destruction.one_duty_each",  # the unit head (approver)
            lambda: sign_register(archive, accounting, "archives_head", user_name="boss",
                                  password=PASSWORD))  # fmt: skip
    refused(archive, InputError, "destruction.duty_signed",
            lambda: sign_register(archive, accounting, "archives_handler", user_name="sup2",
                                  password=PASSWORD))  # fmt: skip
    refused(archive, InputError, "destruction.unit_head_by_approval",
            lambda: sign_register(archive, accounting, "unit_head", user_name="chief",
                                  password=PASSWORD))  # fmt: skip
    refused(archive, InputError, "destruction.unit_for_supervisors",
            lambda: sign_register(archive, accounting, "accounting_head", unit="accounting",
                                  user_name="kjhead", password=PASSWORD))  # fmt: skip


def test_accounting_supervisors_name_their_unit(people: Archive, accounting: str) -> None:
    archive = people
    approved(archive, accounting)
    refused(archive, InputError, "destruction.unit_required",
            lambda: sign_register(archive, accounting, "supervisor", user_name="sup1",
                                  password=PASSWORD))  # fmt: skip


def test_accounting_heads_may_sign_before_approval(people: Archive, accounting: str) -> None:
    archive = people
    view = sign_register(archive, accounting, "archives_handler")
    assert view.state.value == "proposed"
    assert [s.duty for s in view.signatures] == [Duty.ARCHIVES_HANDLER]
    done = approved(archive, accounting)
    assert [s.duty for s in done.signatures] == [Duty.ARCHIVES_HANDLER, Duty.UNIT_HEAD]


def test_an_accounting_handler_cannot_approve_what_they_signed(
    people: Archive, accounting: str
) -> None:
    """The unit head is one of five different people: chief signed as head of archives,
    so chief's approval would give one person two of the five signatures."""
    archive = people
    sign_register(archive, accounting, "archives_head", user_name="chief", password=PASSWORD)
    refused(archive, AccessRefused, "destruction.one_duty_each",
            lambda: approve_register(as_person(archive, "chief"), accounting))  # fmt: skip


# -- reading ----------------------------------------------------------------------------


def test_show_and_list_leave_access_events(people: Archive, register: str) -> None:
    archive = people
    view = show_register(archive, register.lower())
    assert view.number == register and len(view.rows) == 1
    assert [v.number for v in list_registers(archive)] == [register]
    with archive.db.reading() as session:
        targets = session.scalars(
            select(AccessEvent.target).where(AccessEvent.kind == AccessKind.VIEW_LIST.value)
        ).all()
    assert f"destruction:{register}" in targets and "destruction:list" in targets
    as_person(archive, "admin")  # a system administrator reads no records
    with pytest.raises(AccessRefused):
        show_register(archive, register)


def test_no_stub_before_execution(people: Archive, records: dict[str, str], register: str) -> None:
    assert stub_of(people, records["a"]) is None
    with pytest.raises(NotFound):
        stub_of(people, "XH-2024-01")


def test_reading_a_stub_leaves_an_access_event(
    people: Archive, records: dict[str, str], register: str
) -> None:
    assert stub_of(people, records["a"]) is None
    with people.db.reading() as session:
        targets = session.scalars(
            select(AccessEvent.target).where(AccessEvent.kind == AccessKind.VIEW_ITEM.value)
        ).all()
    assert f"item:{records['a']}" in targets


# -- the command line -------------------------------------------------------------------


def cli(archive: Archive, *args: str) -> tuple[int, str, str]:
    result = run_cli("--archive", str(archive.root), *args)
    return result.returncode, result.stdout, result.stderr


def test_cli_create_approve_sign_show_list(
    people: Archive, records: dict[str, str], tmp_path: Path
) -> None:
    archive = people
    batch = signed_batch(archive, [records["a"], records["kj"]])
    sign_in(archive, "tester")
    code, out, err = cli(archive, "destruction", "create", "--batch", batch.lower(),
                         "--on", "2024-03-01", "--json")  # fmt: skip
    assert code == 0, err
    made = json.loads(out)
    assert [(m["number"], m["accounting"], m["count"]) for m in made] == [
        ("XH-2024-01", False, 1),
        ("XH-2024-02", True, 1),
    ]
    assert made[0]["rows"][0]["number"] == records["a"] and made[0]["state"] == "proposed"
    code, _out, err = cli(archive, "destruction", "approve", "XH-2024-01")
    assert code == 1 and "审批" in err  # tester holds no approve right
    sign_in(archive, "boss")
    code, out, err = cli(archive, "destruction", "approve", "XH-2024-01")
    assert code == 0 and "XH-2024-01" in out, err
    code, _out, err = cli(archive, "destruction", "sign", "XH-2024-01", "--duty", "supervisor")
    assert code == 1 and "监销人" in err  # the approver
    sign_in(archive, "sup1")
    code, out, err = cli(archive, "destruction", "sign", "XH-2024-01", "--duty", "supervisor")
    assert code == 0 and "sup1" in out, err
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    code, out, err = cli(archive, "destruction", "sign", "XH-2024-01", "--duty", "supervisor",
                         "--unit", "archives", "--user", "sup2", "--password-file", str(secret),
                         "--json")  # fmt: skip
    assert code == 0, err
    signed = json.loads(out)
    assert [(s["user_name"], s["unit"]) for s in signed["signatures"]] == [
        ("sup1", None),
        ("sup2", "archives"),
    ]
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not-it\n", encoding="utf-8")
    code, _out, err = cli(archive, "destruction", "sign", "XH-2024-02", "--duty",
                          "archives_head", "--user", "chief", "--password-file", str(wrong))  # fmt: skip
    assert code == 1 and "密码" in err
    code, _out, err = cli(archive, "destruction", "sign", "XH-2024-02", "--duty",
                          "archives_head", "--user", "chief", "--password-file",
                          str(tmp_path / "missing.txt"))  # fmt: skip
    assert code == 1 and "missing.txt" in err
    code, out, err = cli(archive, "destruction", "show", "XH-2024-01")
    assert code == 0, err
    assert "XH-2024-01" in out and "张三失业保险金申领" in out and "已保管18年" in out
    assert "sup1" in out and "sup2" in out
    code, out, err = cli(archive, "destruction", "show", "XH-2024-01", "--json")
    shown = json.loads(out)
    assert shown["state"] == "approved" and shown["approved_by"] == "boss"
    assert shown["rows"][0]["kept_years"] == 18 and shown["pages"] == 4
    code, out, err = cli(archive, "destruction", "list", "--json")
    assert code == 0 and [r["number"] for r in json.loads(out)] == ["XH-2024-02", "XH-2024-01"]
    code, out, err = cli(archive, "destruction", "list")
    assert code == 0 and "XH-2024-02" in out and "2" in out.splitlines()[-1]
    code, _out, err = cli(archive, "destruction", "show", "XH-1999-01")
    assert code == 1 and "XH-1999-01" in err
    sign_in(archive, "tester")
    code, _out, err = cli(archive, "--lang", "en", "destruction", "create", "--batch", batch)
    assert code == 1 and "already" in err


def test_cli_usage_errors(people: Archive, register: str) -> None:
    archive = people
    sign_in(archive, "sup1")
    code, _out, err = cli(archive, "destruction", "sign", register, "--duty", "cook")
    assert code == 2 and "cook" in err
    code, _out, err = cli(archive, "destruction", "create")
    assert code == 2


# -- after execution (archivist/disposition/execution.py) -------------------------------


def test_after_execution_the_register_takes_no_more_and_the_stub_remains(
    people: Archive, records: dict[str, str], register: str
) -> None:
    from archivist.disposition.execution import execute_register

    archive = people
    sign_register(archive, register, "supervisor", user_name="sup1", password=PASSWORD)
    sign_register(archive, register, "supervisor", user_name="sup2", password=PASSWORD)
    today = dt.date.today()
    execute_register(
        archive, register, supervisors=("sup1", "sup2"), method="粉碎", place="档案室", on=today
    )
    refused(archive, InputError, "destruction.executed",
            lambda: sign_register(archive, register, "supervisor", user_name="wang",
                                  password=PASSWORD))  # fmt: skip
    refused(archive, InputError, "destruction.not_proposed",
            lambda: approve_register(as_person(archive, "chief"), register))  # fmt: skip
    as_person(archive, "tester")
    stub = stub_of(archive, records["a"])
    assert stub is not None
    assert (stub.number, stub.register, stub.executed_on) == (records["a"], register, today)
    assert stub.title == "张三失业保险金申领" and stub.year == 2005 and stub.retention == "D10"
    assert stub.approved_by == "boss" and stub.supervisors == ("sup1", "sup2")
    view = show_register(archive, register)
    assert view.state.value == "executed" and view.executed_on == today
    assert (view.method, view.place, view.executed_by) == ("粉碎", "档案室", "tester")
    assert [r.number for r in view.rows] == [records["a"]]  # the register is kept


def test_an_accounting_duty_refused_in_words(people: Archive, register: str) -> None:
    """The refusal names the duty as people say it (档案经办人), not its code."""
    archive = people
    with pytest.raises(InputError) as caught:
        sign_register(archive, register, "archives_handler")
    message = caught.value.message("zh")
    assert "archives_handler" not in message and "档案" in message


# -- withdrawing a register (the proposer's change of mind, or the head's refusal) --------


def withdrawn_events(archive: Archive) -> list[AuditEvent]:
    with archive.db.reading() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "destruction.withdraw")
        ).all()
        for event in events:
            session.expunge(event)
        return list(events)


def test_the_proposer_withdraws_and_a_new_register_is_made_from_the_batch(
    people: Archive, records: dict[str, str]
) -> None:
    from archivist.changes.states import DestructionState
    from archivist.disposition.appraisal import show_batch
    from archivist.disposition.destruction import withdraw_register

    archive = people
    batch = signed_batch(archive, [records["a"], records["c"]])
    [first] = create_registers(archive, batch, on=MADE_ON)
    view = withdraw_register(archive, first.number, "清册题名有误，重新编制")
    assert view.state is DestructionState.WITHDRAWN and view.rows == first.rows  # kept
    assert view.withdrawn_by == "tester" and view.withdraw_reason == "清册题名有误，重新编制"
    [event] = withdrawn_events(archive)
    assert (event.actor, event.reason) == ("tester", "清册题名有误，重新编制")
    assert event.after is not None and event.after["state"] == "withdrawn"
    assert event.after["refused_by_head"] is False
    with pytest.raises(DBAPIError, match="kept permanently"), archive.db.writing() as session:
        session.execute(delete(DestructionRegister))
    [second] = create_registers(archive, batch, on=MADE_ON)  # the batch was not used up
    assert second.number != first.number and second.rows == first.rows
    assert show_batch(archive, batch).destruction_registers == (first.number, second.number)
    assert [r.number for r in list_registers(archive)] == [second.number, first.number]
    refused(archive, InputError, "destruction.batch_used",
            lambda: create_registers(archive, batch, on=MADE_ON))  # fmt: skip


def test_the_head_refuses_the_register(people: Archive, records: dict[str, str]) -> None:
    from archivist.disposition.destruction import withdraw_register
    from archivist.disposition.due import due_list
    from archivist.disposition.execution import execute_register

    archive = people
    batch = signed_batch(archive, [records["a"]])
    [view] = create_registers(archive, batch, on=MADE_ON)
    assert records["a"] not in [r.number for r in due_list(archive, AS_OF).due_rows]
    done = withdraw_register(as_person(archive, "boss"), view.number, "仍有查考价值，不同意销毁")
    assert done.state.value == "withdrawn" and done.withdrawn_by == "boss"
    [event] = withdrawn_events(archive)
    assert event.actor == "boss" and event.after is not None
    assert event.after["refused_by_head"] is True
    # the group may appraise the record again: it is back on the due list
    assert records["a"] in [r.number for r in due_list(archive, AS_OF).due_rows]
    as_person(archive, "zhang")
    again = create_batch(archive, as_of=AS_OF, members=MEMBERS, numbers=[records["a"]])
    as_person(archive, "tester")
    refused(archive, InputError, "destruction.reappraised",
            lambda: create_registers(archive, batch, on=MADE_ON))  # fmt: skip
    assert again.number != batch
    # nothing more happens to the withdrawn register
    refused(archive, InputError, "destruction.not_proposed",
            lambda: approve_register(as_person(archive, "chief"), view.number))  # fmt: skip
    refused(archive, InputError, "destruction.withdrawn",
            lambda: sign_register(as_person(archive, "sup1"), view.number, "supervisor"))  # fmt: skip
    as_person(archive, "tester")
    refused(archive, InputError, "removal.unapproved",
            lambda: execute_register(archive, view.number, supervisors=("sup1", "sup2"),
                                     method="粉碎", place="档案室"))  # fmt: skip
    refused(archive, InputError, "destruction.not_withdrawable",
            lambda: withdraw_register(archive, view.number, "再撤回"))  # fmt: skip


def test_withdrawal_refused(people: Archive, records: dict[str, str]) -> None:
    from archivist.disposition.destruction import withdraw_register

    archive = people
    batch = signed_batch(archive, [records["a"]])
    [view] = create_registers(archive, batch, on=MADE_ON)
    refused(archive, AccessRefused, "destruction.withdraw_not_allowed",
            lambda: withdraw_register(as_person(archive, "sup2"), view.number, "不要了"))  # fmt: skip
    refused(archive, AccessRefused, "destruction.withdraw_not_allowed",  # a handler
            lambda: withdraw_register(as_person(archive, "sup1"), view.number, "不要了"))  # fmt: skip
    refused(archive, AccessRefused, "rights.refused",  # the auditor holds no such right
            lambda: withdraw_register(as_person(archive, "auditor"), view.number, "不要了"))  # fmt: skip
    as_person(archive, "tester")
    with pytest.raises(InputError):
        withdraw_register(archive, view.number, " ")
    refused(archive, NotFound, "destruction.unknown",
            lambda: withdraw_register(archive, "XH-1999-01", "不要了"))  # fmt: skip
    approved(archive, view.number)
    refused(archive, InputError, "destruction.not_withdrawable",
            lambda: withdraw_register(archive, view.number, "不要了"))  # fmt: skip
    with pytest.raises(InputError) as caught:
        withdraw_register(archive, view.number, "不要了")
    assert "已批准" in caught.value.message("zh")


def test_one_of_two_registers_withdrawn_is_made_again(
    people: Archive, records: dict[str, str]
) -> None:
    from archivist.disposition.destruction import withdraw_register

    archive = people
    batch = signed_batch(archive, [records["a"], records["kj"]])
    ordinary, accounting = create_registers(archive, batch, on=MADE_ON)
    withdraw_register(as_person(archive, "boss"), accounting.number, "会计机构尚未会签")
    as_person(archive, "tester")
    [again] = create_registers(archive, batch, on=MADE_ON)
    assert again.accounting and [r.number for r in again.rows] == [records["kj"]]
    assert show_register(archive, ordinary.number).state.value == "proposed"


def test_cli_withdraw(people: Archive, records: dict[str, str]) -> None:
    archive = people
    batch = signed_batch(archive, [records["a"]])
    [view] = create_registers(archive, batch, on=MADE_ON)
    sign_in(archive, "boss")
    code, _out, err = cli(archive, "destruction", "withdraw", view.number)
    assert code == 2 and "--reason" in err
    code, out, err = cli(archive, "destruction", "withdraw", view.number.lower(),
                         "--reason", "不同意销毁")  # fmt: skip
    assert code == 0, err
    assert f"已撤回销毁清册 {view.number}：1 件档案" in out
    code, out, err = cli(archive, "destruction", "show", view.number)
    assert code == 0 and "已撤回" in out and "已由 boss 于" in out and "不同意销毁" in out
    code, out, err = cli(archive, "destruction", "show", view.number, "--json")
    shown = json.loads(out)
    assert (shown["state"], shown["withdrawn_by"]) == ("withdrawn", "boss")
    code, _out, err = cli(archive, "--lang", "en", "destruction", "withdraw", view.number,
                          "--reason", "again")  # fmt: skip
    assert code == 1 and "only a proposed register" in err
    sign_in(archive, "tester")
    code, out, err = cli(archive, "destruction", "create", "--batch", batch, "--on",
                         "2024-03-01", "--json")  # fmt: skip
    assert code == 0, err
    [again] = json.loads(out)
    assert again["number"] != view.number and again["state"] == "proposed"
    code, out, err = cli(archive, "destruction", "withdraw", again["number"], "--reason",
                         "重新编制", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["withdraw_reason"] == "重新编制", err
