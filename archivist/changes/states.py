"""The states of the archive's records and their allowed transitions, in one place.

Each state is a `StrEnum` (its value is what the database column holds). `TRANSITIONS`
says which moves are allowed; `move` refuses any other with a typed error, so no service
sets a status by hand. `frozen` is the one guard for "handed over, so frozen".
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from archivist.errors import InputError


class ItemState(StrEnum):
    CAPTURED = "captured"
    # written by disposition and transfer: the record is gone from the archive room
    DESTROYED = "destroyed"
    TRANSFERRED = "transferred"


class VolumeState(StrEnum):
    OPEN = "open"  # being filed: items may be added, moved, retitled
    RETURNED = "returned"  # sent back by the archive's quality check; may change again
    HANDED_OVER = "handed_over"  # signed into the archive: frozen
    DISSOLVED = "dissolved"  # an empty volume dissolved: its row and case number stay


class HandoverState(StrEnum):
    DRAFT = "draft"
    CHECKED = "checked"
    SIGNED = "signed"


class HandoverResult(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    RETURNED = "returned"


class OcrJobState(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class OcrPageState(StrEnum):
    """A page's recognised text: written once; a retry deletes a failed page's row."""

    DONE = "done"
    FAILED = "failed"


# The use and disposition stages (lending, holds, appraisal, destruction) are built next;
# their states and transitions are fixed here first so that every stage shares one table.
class LoanState(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REFUSED = "refused"
    OUT = "out"  # lent out (or, for a view or copy, in use within its period)
    RETURNED = "returned"
    CLOSED = "closed"  # a consultation, copy or view completed


class LoanEntryState(StrEnum):
    """One thing (item, volume or box) of a use request."""

    WAITING = "waiting"  # asked for; not out (yet)
    OUT = "out"  # lent out
    RETURNED = "returned"  # back (intact or damaged) or written off as lost


class ExtensionState(StrEnum):
    APPROVED = "approved"  # an extension is granted by an approver, never asked of oneself


class HoldState(StrEnum):
    PLACED = "placed"
    LIFTED = "lifted"


class AppraisalState(StrEnum):
    DRAFT = "draft"  # members chosen, opinions being given
    SIGNED = "signed"  # every member signed
    # cancelled before it was signed (a member left, the scope was wrong): its records
    # return to the due list; the value fits the column (String(8))
    CANCELLED = "canceled"


class DestructionState(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    EXECUTED = "executed"
    # withdrawn by its proposer, or refused by a head, before approval: its rows stay
    WITHDRAWN = "withdrawn"


State = TypeVar(
    "State",
    ItemState,
    VolumeState,
    HandoverState,
    OcrJobState,
    OcrPageState,
    LoanState,
    LoanEntryState,
    ExtensionState,
    HoldState,
    AppraisalState,
    DestructionState,
)

TRANSITIONS: dict[type[StrEnum], dict[StrEnum, frozenset[StrEnum]]] = {
    ItemState: {
        ItemState.CAPTURED: frozenset({ItemState.DESTROYED, ItemState.TRANSFERRED}),
        ItemState.DESTROYED: frozenset(),
        ItemState.TRANSFERRED: frozenset(),
    },
    VolumeState: {
        VolumeState.OPEN: frozenset(
            {VolumeState.HANDED_OVER, VolumeState.RETURNED, VolumeState.DISSOLVED}
        ),
        VolumeState.RETURNED: frozenset({VolumeState.OPEN, VolumeState.DISSOLVED}),
        VolumeState.HANDED_OVER: frozenset(),
        VolumeState.DISSOLVED: frozenset(),
    },
    HandoverState: {
        HandoverState.DRAFT: frozenset({HandoverState.CHECKED}),
        # a change after the check sends the batch back to be checked again
        HandoverState.CHECKED: frozenset({HandoverState.DRAFT, HandoverState.SIGNED}),
        HandoverState.SIGNED: frozenset(),
    },
    OcrJobState: {
        OcrJobState.PENDING: frozenset({OcrJobState.RUNNING}),
        # a runner that died leaves "running": the next start puts it back to pending
        OcrJobState.RUNNING: frozenset({OcrJobState.DONE, OcrJobState.FAILED, OcrJobState.PENDING}),
        OcrJobState.DONE: frozenset({OcrJobState.PENDING}),  # re-recognise on request
        OcrJobState.FAILED: frozenset({OcrJobState.PENDING}),  # retry
    },
    OcrPageState: {OcrPageState.DONE: frozenset(), OcrPageState.FAILED: frozenset()},
    LoanState: {
        LoanState.REQUESTED: frozenset({LoanState.APPROVED, LoanState.REFUSED}),
        LoanState.APPROVED: frozenset({LoanState.OUT, LoanState.CLOSED}),
        LoanState.REFUSED: frozenset(),
        LoanState.OUT: frozenset({LoanState.RETURNED, LoanState.CLOSED}),
        LoanState.RETURNED: frozenset(),
        LoanState.CLOSED: frozenset(),
    },
    LoanEntryState: {
        LoanEntryState.WAITING: frozenset({LoanEntryState.OUT}),
        LoanEntryState.OUT: frozenset({LoanEntryState.RETURNED}),
        LoanEntryState.RETURNED: frozenset(),
    },
    ExtensionState: {ExtensionState.APPROVED: frozenset()},
    HoldState: {HoldState.PLACED: frozenset({HoldState.LIFTED}), HoldState.LIFTED: frozenset()},
    AppraisalState: {
        AppraisalState.DRAFT: frozenset({AppraisalState.SIGNED, AppraisalState.CANCELLED}),
        AppraisalState.SIGNED: frozenset(),
        AppraisalState.CANCELLED: frozenset(),
    },
    DestructionState: {
        DestructionState.PROPOSED: frozenset(
            {DestructionState.APPROVED, DestructionState.WITHDRAWN}
        ),
        DestructionState.APPROVED: frozenset({DestructionState.EXECUTED}),
        DestructionState.EXECUTED: frozenset(),
        DestructionState.WITHDRAWN: frozenset(),
    },
}


def allowed(current: StrEnum, target: StrEnum) -> bool:
    """May a record in state `current` move to `target`? (Staying put is always allowed.)"""
    if current == target:
        return True
    table = TRANSITIONS[type(current)]
    return target in table[current]


def state_label(state: StrEnum) -> str:
    """A state as people name it, in the language of the moment (已借出, on loan)."""
    from archivist.messages import CATALOG, render

    code = f"state.{type(state).__name__}.{state.value}"
    return render(code) if code in CATALOG else state.value


def move(current: str, target: State, what: str) -> State:
    """The new state, or a refusal naming `what` (a record's code) and both states."""
    kind = type(target)
    now = kind(current)
    if not allowed(now, target):
        raise InputError(
            "state.not_allowed", what=what, current=state_label(now), target=state_label(target)
        )
    return target


def frozen(volume_state: str | None) -> bool:
    """Is a record in a volume of this state frozen (handed over to the archive)?"""
    return volume_state == VolumeState.HANDED_OVER
