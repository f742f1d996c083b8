"""The review of issue 15's disposition code: one set of "fit to destroy" rules for making
a register and for carrying it out (a register is not made of records not due or out on
loan), the lists read in a fixed number of queries, and every read of a volume's
destroyed records or of a batch's signatures checked and logged."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from archivist.accounts.access_log import AccessKind
from archivist.archive import Archive
from archivist.arrangement.items import renumber
from archivist.db.models import AccessEvent
from archivist.disposition import appraisal, destruction
from archivist.disposition.appraisal import signed_members
from archivist.disposition.destruction import approve_register, create_registers
from archivist.disposition.holds import place_hold
from archivist.disposition.stubs import destroyed_in_volume
from archivist.errors import AccessRefused, InputError

from .test_destruction import (
    MADE_ON,
    as_person,
    capture,
    people,
    records,
    refused,
    signed_batch,
)

__all__ = ["people", "records"]  # the fixtures, used by name


def access_targets(archive: Archive, kind: AccessKind) -> list[str]:
    with archive.db.reading() as session:
        return list(session.scalars(select(AccessEvent.target).where(AccessEvent.kind == kind)))


@contextmanager
def statements(archive: Archive) -> Iterator[list[str]]:
    """The SQL statements sent to the archive's database inside the block."""
    sent: list[str] = []

    def count(*args: Any) -> None:
        sent.append(str(args[2]))

    engine = archive.db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", count)


# -- 1. the register refuses what the execution would --------------------------------------


def test_a_register_is_not_made_of_a_record_no_longer_due(
    people: Archive, records: dict[str, str]
) -> None:
    """Renumbered to a later year after the batch was signed: its period now runs to
    2031, so it is not listed for destruction (before: listed, refused only later)."""
    archive = people
    batch = signed_batch(archive, [records["a"]])
    renumber(archive, records["a"], reason="年度更正", completed_on=MADE_ON.replace(year=2020))
    refused(archive, InputError, "destruction.not_due",
            lambda: create_registers(archive, batch, on=MADE_ON))  # fmt: skip
    with pytest.raises(InputError) as caught:
        create_registers(archive, batch, on=MADE_ON)
    assert "2031-01-01" in str(caught.value)  # renumbered: a number of 2020 now


def test_a_register_is_not_made_of_a_record_on_loan(
    people: Archive, records: dict[str, str]
) -> None:
    from archivist.use.lending import lend, return_targets
    from archivist.use.requests import Borrower, approve, create_request

    archive = people
    batch = signed_batch(archive, [records["a"]])
    loan = create_request(archive, "lend", Borrower("李四"), "查考", items=[records["a"]]).number
    approve(as_person(archive, "zhang"), loan)
    lend(as_person(archive, "tester"), loan)
    refused(archive, InputError, "destruction.on_loan",
            lambda: create_registers(archive, batch, on=MADE_ON))  # fmt: skip
    with pytest.raises(InputError) as caught:
        create_registers(archive, batch, on=MADE_ON)
    assert records["a"] in str(caught.value) and loan in str(caught.value)
    return_targets(archive, loan, condition="intact")
    [view] = create_registers(archive, batch, on=MADE_ON)
    assert [r.number for r in view.rows] == [records["a"]]


# -- 3. the lists in a fixed number of queries ----------------------------------------------

BATCHES = 20
MAX_STATEMENTS = 20  # whatever the number of batches and registers (before: 147)


def test_the_lists_take_a_fixed_number_of_queries(people: Archive, tmp_path: Path) -> None:
    archive = people
    numbers = [
        capture(archive, tmp_path / f"r{n}", f"2005-0{1 + n % 9}-1{n % 10}") for n in range(BATCHES)
    ]
    held = capture(archive, tmp_path / "held", "2005-12-01")  # due, kept out by a hold
    place_hold(archive, items=[held], kind="dispute", reason="争议未决")
    batches = [signed_batch(archive, [number]) for number in numbers]
    made = [create_registers(archive, b, on=MADE_ON)[0].number for b in batches[:-2]]
    for register in made[:3]:
        approve_register(as_person(archive, "boss"), register)
    as_person(archive, "tester")

    with statements(archive) as sent:
        listed = appraisal.list_batches(archive)
    assert len(listed) == BATCHES
    assert len(sent) <= MAX_STATEMENTS, len(sent)
    assert listed == [appraisal.show_batch(archive, b) for b in reversed(batches)]
    assert all([p.number for p in view.pulled_out] == [held] for view in listed)

    with statements(archive) as sent:
        registers = destruction.list_registers(archive)
    assert len(registers) == BATCHES - 2
    assert len(sent) <= MAX_STATEMENTS, len(sent)
    assert registers == [destruction.show_register(archive, r) for r in reversed(made)]


# -- 4. reads checked and logged ------------------------------------------------------------


def test_a_volumes_destroyed_records_are_read_with_an_access_event(
    people: Archive, records: dict[str, str]
) -> None:
    archive = people
    assert destroyed_in_volume(archive, records["volume"]) == {}
    assert f"volume:{records['volume']}" in access_targets(archive, AccessKind.VIEW_LIST)
    as_person(archive, "admin")  # a system administrator reads no records
    with pytest.raises(AccessRefused):
        destroyed_in_volume(archive, records["volume"])


def test_a_batchs_signatures_are_read_with_the_right_and_an_access_event(
    people: Archive, records: dict[str, str]
) -> None:
    archive = people
    batch = signed_batch(archive, [records["a"]])
    assert set(signed_members(archive, batch)) == {"zhang", "li", "wang"}
    assert f"appraisal:{batch}" in access_targets(archive, AccessKind.VIEW_LIST)
    as_person(archive, "admin")
    with pytest.raises(AccessRefused):
        signed_members(archive, batch)
    assert f"appraisal:{batch}" in access_targets(archive, AccessKind.REFUSED)
