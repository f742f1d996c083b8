"""Holds (保全): a record that must not be disposed of while a matter is open — an
unsettled accounting matter (未结清债权债务), a dispute, litigation, an audit, or another
reason. Numbered BQ-年度-流水号 without gaps; placed on items or on a volume (which covers
its items) by someone with the HOLD right, with a kind and a reason; lifted with a reason.
While placed, the record cannot be destroyed, transferred or have its retention
shortened (other stages ask `held_item_ids`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.changes.actions import Action
from archivist.changes.audit import now_text
from archivist.changes.states import HoldState, ItemState, move, state_label
from archivist.db.models import Hold, Item, Volume, VolumeItem
from archivist.disposition.records import item_by_code
from archivist.disposition.words import check_words
from archivist.errors import InputError, NotFound

if TYPE_CHECKING:
    from archivist.archive import Archive

PREFIX = "BQ"
MAX_REASON = 500
MAX_TARGETS = 500


class HoldKind(StrEnum):
    UNSETTLED = "unsettled"  # 未结清债权债务 (accounting)
    DISPUTE = "dispute"  # 争议
    LITIGATION = "litigation"  # 诉讼
    AUDIT = "audit"  # 审计
    OTHER = "other"  # 其他


class HoldTarget(StrEnum):
    ITEM = "item"
    VOLUME = "volume"


@dataclass(frozen=True)
class HoldView:
    number: str
    kind: HoldKind
    reason: str
    target_kind: HoldTarget
    code: str
    state: HoldState
    placed_by: str
    placed_at: str
    lifted_by: str | None
    lifted_at: str | None
    lift_reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            key: str(value) if isinstance(value, StrEnum) else value
            for key, value in asdict(self).items()
        }


def hold_number(year: int, serial: int) -> str:
    return f"{PREFIX}-{year}-{serial:04d}"


def _target(number: str) -> str:
    return f"hold:{number}"[:200]


def _kind(kind: HoldKind | str) -> HoldKind:
    try:
        return HoldKind(str(kind).strip().lower())
    except ValueError:
        raise InputError(
            "hold.unknown_kind", kind=str(kind)[:20], kinds=", ".join(k.value for k in HoldKind)
        ) from None


def view_of(hold: Hold) -> HoldView:
    return HoldView(
        number=hold.number,
        kind=HoldKind(hold.kind),
        reason=hold.reason,
        target_kind=HoldTarget(hold.target_kind),
        code=hold.code,
        state=HoldState(hold.state),
        placed_by=hold.placed_by,
        placed_at=hold.placed_at,
        lifted_by=hold.lifted_by,
        lifted_at=hold.lifted_at,
        lift_reason=hold.lift_reason or "",
    )


def load_hold(session: Session, number: str) -> Hold:
    hold = session.scalars(select(Hold).where(Hold.number == number.strip().upper())).first()
    if hold is None:
        raise NotFound("hold.unknown", number=number.strip()[:40])
    return hold


def _item(session: Session, code: str) -> Item:
    return item_by_code(session, code)


def _volume_ids_of(session: Session, item_ids: Iterable[int]) -> dict[int, list[int]]:
    """item id -> the ids of the volumes it is filed in."""
    ids = list(item_ids)
    out: dict[int, list[int]] = {}
    if not ids:
        return out
    for item_id, volume_id in session.execute(
        select(VolumeItem.item_id, VolumeItem.volume_id).where(VolumeItem.item_id.in_(ids))
    ):
        out.setdefault(item_id, []).append(volume_id)
    return out


def held_item_ids(session: Session, item_ids: Iterable[int]) -> dict[int, list[str]]:
    """item id -> the numbers of the holds placed on it, directly or through its volume
    (only the items held appear). Holds are few and item lists long (the due list), so
    the placed holds are read first and matched here: no IN over the items asked."""
    wanted = set(item_ids)
    if not wanted:
        return {}
    rows = session.execute(
        select(Hold.number, Hold.item_id, Hold.volume_id)
        .where(Hold.state == HoldState.PLACED.value)
        .order_by(Hold.year, Hold.serial)
    ).all()
    if not rows:
        return {}
    by_volume: dict[int, list[str]] = {}
    for number, _item_id, volume_id in rows:
        if volume_id is not None:
            by_volume.setdefault(volume_id, []).append(number)
    members: dict[int, set[int]] = {}
    if by_volume:
        for item_id, volume_id in session.execute(
            select(VolumeItem.item_id, VolumeItem.volume_id).where(
                VolumeItem.volume_id.in_(list(by_volume))
            )
        ):
            if item_id in wanted:
                members.setdefault(item_id, set()).add(volume_id)
    held: dict[int, list[str]] = {}
    for number, direct, _volume in rows:
        if direct is not None and direct in wanted:
            held.setdefault(direct, []).append(number)
    for member, volume_ids in members.items():
        for number, _item, volume_id in rows:
            if volume_id in volume_ids:
                held.setdefault(member, []).append(number)
    return {key: sorted(numbers, key=_order) for key, numbers in held.items()}


def _order(number: str) -> tuple[int, int]:
    """BQ-2026-0012 -> (2026, 12): hold numbers in the order they were given."""
    _prefix, year, serial = number.split("-")
    return int(year), int(serial)


def holds_on_item(session: Session, item_id: int) -> list[HoldView]:
    """Every hold (placed or lifted) on the item directly or through its volumes, newest
    first — for the item's detail."""
    volume_ids = _volume_ids_of(session, [item_id]).get(item_id, [])
    conditions = [Hold.item_id == item_id]
    if volume_ids:
        conditions.append(Hold.volume_id.in_(volume_ids))
    rows = session.scalars(
        select(Hold).where(or_(*conditions)).order_by(Hold.year.desc(), Hold.serial.desc())
    ).all()
    return [view_of(h) for h in rows]


def place_hold(
    archive: Archive,
    *,
    items: Sequence[str] = (),
    volume: str | None = None,
    kind: HoldKind | str,
    reason: str,
) -> list[HoldView]:
    """One hold per item, or one for the volume. Refused: an unknown kind or record,
    nothing or both chosen, a record already held for the same kind."""
    hold_kind = _kind(kind)
    text = check_words(reason, "reason", MAX_REASON, required=True)
    codes = list(dict.fromkeys(str(c).strip() for c in items if str(c).strip()))
    volume_code = (volume or "").strip()
    if bool(codes) == bool(volume_code):
        raise InputError("hold.choose_target")
    if len(codes) > MAX_TARGETS:
        raise InputError("hold.too_many", limit=MAX_TARGETS)
    numbers: list[str] = []
    with archive.change(Action.HOLD_PLACE, "hold:", reason=text) as change:
        session = change.session
        targets: list[tuple[HoldTarget, str, int]] = []
        if volume_code:
            found = session.scalars(select(Volume).where(Volume.code == volume_code)).first()
            if found is None:
                raise NotFound("volume.not_found", code=volume_code[:60])
            same = session.scalars(
                select(Hold.number).where(
                    Hold.volume_id == found.id,
                    Hold.kind == hold_kind.value,
                    Hold.state == HoldState.PLACED.value,
                )
            ).first()
            if same:
                raise InputError("hold.already_held", code=found.code, number=same)
            targets.append((HoldTarget.VOLUME, found.code, found.id))
            covered = set(
                session.scalars(select(VolumeItem.item_id).where(VolumeItem.volume_id == found.id))
            )
        else:
            found_items = [_item(session, code) for code in codes]
            seen: set[int] = set()
            for item in found_items:
                if item.id in seen:
                    continue
                if item.status != ItemState.CAPTURED.value:  # destroyed or transferred
                    raise InputError(
                        "hold.not_in_room",
                        number=item.number,
                        state=state_label(ItemState(item.status)),
                    )
                seen.add(item.id)
                targets.append((HoldTarget.ITEM, item.number, item.id))
            covered = seen
            held = held_item_ids(session, covered)
            for _kind_of, code, item_id in targets:
                for number in held.get(item_id, []):
                    if load_hold(session, number).kind == hold_kind.value:
                        raise InputError("hold.already_held", code=code, number=number)
        year = dt.date.today().year
        serial = session.scalar(select(func.max(Hold.serial)).where(Hold.year == year)) or 0
        placed_at = now_text()
        for target_kind, code, row_id in targets:
            serial += 1
            number = hold_number(year, serial)
            session.add(
                Hold(
                    number=number,
                    year=year,
                    serial=serial,
                    kind=hold_kind.value,
                    reason=text,
                    target_kind=target_kind.value,
                    code=code,
                    item_id=row_id if target_kind is HoldTarget.ITEM else None,
                    volume_id=row_id if target_kind is HoldTarget.VOLUME else None,
                    state=HoldState.PLACED.value,
                    placed_by=change.actor,
                    placed_at=placed_at,
                    lift_reason="",
                )
            )
            numbers.append(number)
        session.flush()
        change.target = _target(numbers[0] if len(numbers) == 1 else f"{numbers[0]}..{numbers[-1]}")
        change.touch_items(covered)
        change.after = {
            "holds": numbers,
            "kind": hold_kind.value,
            "targets": [f"{t}:{c}" for t, c, _ in targets],
        }
    with archive.db.reading() as session:
        rows = session.scalars(
            select(Hold).where(Hold.number.in_(numbers)).order_by(Hold.serial)
        ).all()
        return [view_of(h) for h in rows]


def lift_hold(archive: Archive, number: str, reason: str) -> HoldView:
    """Lift a placed hold, with the reason; refused when it is already lifted."""
    text = check_words(reason, "reason", MAX_REASON, required=True)
    with archive.change(Action.HOLD_LIFT, _target(number.strip().upper()), reason=text) as change:
        session = change.session
        hold = load_hold(session, number)
        if hold.state != HoldState.PLACED.value:
            raise InputError("hold.already_lifted", number=hold.number, by=hold.lifted_by or "-")
        hold.state = move(hold.state, HoldState.LIFTED, hold.number)
        hold.lifted_by = change.actor
        hold.lifted_at = now_text()
        hold.lift_reason = change.reason
        if hold.item_id is not None:
            change.touch_items({hold.item_id})
        elif hold.volume_id is not None:
            change.touch_items(
                set(
                    session.scalars(
                        select(VolumeItem.item_id).where(VolumeItem.volume_id == hold.volume_id)
                    )
                )
            )
        change.before = {"state": HoldState.PLACED.value}
        change.after = {"state": hold.state, "lift_reason": hold.lift_reason}
        view = view_of(hold)
    return view


def list_holds(archive: Archive, *, state: str | None = None) -> list[HoldView]:
    """Holds, newest first, optionally only those placed or lifted (READ; an access
    event)."""
    from archivist.accounts.access_log import AccessKind, record

    require(archive, Right.READ, "hold.list")
    stmt = select(Hold)
    if state:
        try:
            wanted = HoldState(state.strip().lower())
        except ValueError:
            raise InputError(
                "hold.unknown_state",
                state=state[:20],
                states=", ".join(s.value for s in HoldState),
            ) from None
        stmt = stmt.where(Hold.state == wanted.value)
    with archive.db.reading() as session:
        rows = session.scalars(stmt.order_by(Hold.year.desc(), Hold.serial.desc())).all()
        views = [view_of(h) for h in rows]
    record(
        archive, AccessKind.VIEW_LIST, "hold:list" + (f":{state.strip().lower()}" if state else "")
    )
    return views


def holds_of_item(archive: Archive, number: str) -> list[HoldView]:
    """The holds on one item (directly or through its volume), newest first (READ; an
    access event)."""
    from archivist.accounts.access_log import AccessKind, record

    require(archive, Right.READ, f"item:{number}"[:200])
    with archive.db.reading() as session:
        item = _item(session, number.strip())
        item_number = item.number
        views = holds_on_item(session, item.id)
    record(archive, AccessKind.VIEW_LIST, f"hold:item:{item_number}"[:200])
    return views


def holds_of_volume(archive: Archive, code: str) -> list[HoldView]:
    """The holds on a volume and on the items filed in it, placed or lifted, newest
    first — for the volume's detail (READ; an access event)."""
    from archivist.accounts.access_log import AccessKind, record

    wanted = code.strip()
    require(archive, Right.READ, f"volume:{wanted}"[:200])
    with archive.db.reading() as session:
        volume = session.scalars(select(Volume).where(Volume.code == wanted)).first()
        if volume is None:
            raise NotFound("volume.not_found", code=wanted[:60])
        item_ids = list(
            session.scalars(select(VolumeItem.item_id).where(VolumeItem.volume_id == volume.id))
        )
        conditions = [Hold.volume_id == volume.id]
        if item_ids:
            conditions.append(Hold.item_id.in_(item_ids))
        rows = session.scalars(
            select(Hold).where(or_(*conditions)).order_by(Hold.year.desc(), Hold.serial.desc())
        ).all()
        views = [view_of(h) for h in rows]
        shown = volume.code
    record(archive, AccessKind.VIEW_LIST, f"hold:volume:{shown}"[:200])
    return views
