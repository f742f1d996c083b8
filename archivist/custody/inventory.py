"""Inventory (盘点): do the shelves match the register (账物相符)?

The input is what a barcode scanner read at the shelves: box spine barcodes, one a line.
A scan file is UTF-8 (a byte order mark is fine; GB18030 is tried when it is not
UTF-8); blank lines, surrounding whitespace and lines starting with `#` are ignored.
Where each box was read can be told three ways:

    @1库-03架-2列-4层              a section: the lines below were read at this location
    LOC-1-03-2-4                    a location's own barcode on a line does the same
    1库-03架-2列-4层<Tab>BOX_CODE    one box read at one location (spaces work as well)
    BOX_CODE                        read at the current section, else at `location`

The part of the shelves counted is `location` (a full location, or a room / shelf /
column like `1库-03架`) together with the locations the file names; a file with no
locations at all, and no `location`, counts the whole collection.

The report (`InventoryReport`): `matched` (boxes read where the register has them),
`missing` (registered in the part counted but not read), `misplaced` (read somewhere else
than registered, or read but not shelved in the register), `unexpected` (codes that are
no box: each with its message), `duplicates` (boxes read more than once) and `on_loan`
(not read because out on loan: the box lent, or all it holds; not missing). A run is
one change of the archive whose `inventory.run` audit event keeps the summary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.archive import Archive
from archivist.changes.actions import Action
from archivist.custody.boxes import box_of_item, find_box, find_item, find_volume, volume_of
from archivist.custody.locations import find_location, locations_within
from archivist.db.models import Box, Location
from archivist.errors import InputError
from archivist.messages import render
from archivist.use.lending import box_out_note


@dataclass(frozen=True)
class Scan:
    line: int
    code: str
    location: Location | None  # where it was read, when the file says


@dataclass(frozen=True)
class MissingBox:
    """Registered in the part counted, not read."""

    box: str
    location: str | None


@dataclass(frozen=True)
class OnLoanBox:
    """Registered in the part counted, not read, because it is out on loan (借出): the
    box lent, or everything in it lent. Not missing."""

    box: str
    location: str | None
    request: str
    borrower: str
    due_on: str | None  # ISO date


@dataclass(frozen=True)
class MisplacedBox:
    """Read somewhere else than registered (or read, but not shelved in the register)."""

    box: str
    registered: str | None
    scanned_at: str | None
    line: int


@dataclass(frozen=True)
class UnexpectedCode:
    """A code read that is no box: `reason` the message code, `message` its sentence."""

    code: str
    line: int
    location: str | None
    reason: str
    message: str


@dataclass(frozen=True)
class InventoryReport:
    """Do the shelves match the register? `scope` the locations counted (none when
    `whole`: the whole collection was counted)."""

    scans: str
    whole: bool
    scope: tuple[str, ...]
    scanned: int
    matched: int
    missing: tuple[MissingBox, ...]
    misplaced: tuple[MisplacedBox, ...]
    unexpected: tuple[UnexpectedCode, ...]
    duplicates: tuple[str, ...]
    on_loan: tuple[OnLoanBox, ...] = ()

    @property
    def consistent(self) -> bool:
        return not (self.missing or self.misplaced or self.unexpected)

    def to_json(self) -> dict[str, Any]:
        return {
            "scans": self.scans,
            "scope": "all" if self.whole else list(self.scope),
            "scanned": self.scanned,
            "matched": self.matched,
            "missing": [asdict(m) for m in self.missing],
            "misplaced": [asdict(m) for m in self.misplaced],
            "unexpected": [asdict(u) for u in self.unexpected],
            "duplicates": list(self.duplicates),
            "on_loan": [asdict(b) for b in self.on_loan],
            "consistent": self.consistent,
        }


def read_lines(source: Path | str | Iterable[str]) -> tuple[list[str], str]:
    """The lines of a scan file (a Path), of a text (a str) or a list of codes, and the
    name to show in messages."""
    if isinstance(source, Path):
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise InputError(
                "inventory.unreadable", file=str(source), reason=exc.strerror or str(exc)
            ) from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError as exc:
                raise InputError(
                    "inventory.unreadable", file=str(source), reason=str(exc)
                ) from None
        return text.splitlines(), str(source)
    if isinstance(source, str):
        return source.splitlines(), "—"
    lines: list[str] = []
    for entry in source:
        lines.extend(str(entry).splitlines() or [""])
    return lines, "—"


def _clean(line: str) -> str:
    return line.replace("\ufeff", "").strip()


def parse_scans(session: Session, lines: list[str], default: Location | None) -> list[Scan]:
    """Each box code read and where, following sections and LOCATION<Tab>CODE lines."""
    scans: list[Scan] = []
    current = default
    for number, raw in enumerate(lines, start=1):
        line = _clean(raw)
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            current = _section(session, line[1:].strip(), number)
            continue
        parts = re.split(r"\s+", line)
        if len(parts) == 2:
            scans.append(Scan(number, parts[1], _section(session, parts[0], number)))
            continue
        if len(parts) > 2:
            raise InputError("inventory.bad_line", line=number, text=line)
        place = find_location(session, line)
        if place is not None:  # a shelf's own label read before its boxes
            current = place
            continue
        scans.append(Scan(number, line, current))
    return scans


def _section(session: Session, text: str, line: int) -> Location:
    place = find_location(session, text)
    if place is None:
        raise InputError("inventory.unknown_location", code=text or "@", line=line)
    return place


def _unexpected(session: Session, scan: Scan) -> UnexpectedCode:
    """Why a code read at the shelves is not a box, as a message."""
    params: dict[str, Any] = {"code": scan.code, "line": scan.line}
    volume = find_volume(session, scan.code)
    item = find_item(session, scan.code) if volume is None else None
    if volume is not None:
        holder = session.get(Box, volume.box_id) if volume.box_id else None
        key, params["box"] = "inventory.volume_not_box", holder.code if holder else "—"
    elif item is not None:
        in_volume = volume_of(session, item.id)
        if in_volume is not None:
            holder = session.get(Box, in_volume.box_id) if in_volume.box_id else None
        else:
            holder = box_of_item(session, item.id)
        key, params["box"] = "inventory.item_not_box", holder.code if holder else "—"
    else:
        key = "inventory.unknown_code"
    return UnexpectedCode(
        code=scan.code,
        line=scan.line,
        location=scan.location.code if scan.location else None,
        reason=key,
        message=render(key, params),
    )


def inventory(
    archive: Archive,
    scanned_codes: Path | str | Iterable[str],
    location: str | None = None,
) -> InventoryReport:
    """Compare the barcodes read on the shelves with the register; audited."""
    lines, name = read_lines(scanned_codes)
    target = f"inventory:{location or 'file'}"
    with archive.change(Action.INVENTORY_RUN, target) as change:
        session = change.session
        scope_given = locations_within(session, location) if location else []
        default = find_location(session, location) if location else None
        scans = parse_scans(session, lines, default)
        if not scans:
            raise InputError("inventory.empty", file=name)
        scope: dict[int, Location] = {loc.id: loc for loc in scope_given}
        for scan in scans:
            if scan.location is not None:
                scope.setdefault(scan.location.id, scan.location)
        whole = not scope  # no location anywhere: the whole collection was counted

        read_at: dict[int, list[Scan]] = {}
        boxes: dict[int, Box] = {}
        unexpected: list[UnexpectedCode] = []
        for scan in scans:
            box = find_box(session, scan.code)
            if box is None:
                unexpected.append(_unexpected(session, scan))
                continue
            boxes[box.id] = box
            read_at.setdefault(box.id, []).append(scan)

        matched = 0
        misplaced: list[MisplacedBox] = []
        for box_id, seen in read_at.items():
            box = boxes[box_id]
            registered = box.location_id
            here = any(
                (s.location is not None and s.location.id == registered)
                or (
                    s.location is None and registered is not None and (whole or registered in scope)
                )
                for s in seen
            )
            if here:
                matched += 1
                continue
            at = [s.location.code for s in seen if s.location is not None]
            misplaced.append(
                MisplacedBox(
                    box=box.code,
                    registered=box.location.code if box.location else None,
                    scanned_at=at[0] if at else None,
                    line=seen[0].line,
                )
            )

        stmt = select(Box).where(Box.location_id.is_not(None)).order_by(Box.code)
        if not whole:
            stmt = stmt.where(Box.location_id.in_(list(scope)))
        missing: list[MissingBox] = []
        lent: list[OnLoanBox] = []
        for box in session.scalars(stmt):
            if box.id in read_at:
                continue
            place = box.location.code if box.location else None
            loan = box_out_note(session, box)
            if loan is None:
                missing.append(MissingBox(box=box.code, location=place))
            else:
                lent.append(
                    OnLoanBox(
                        box=box.code,
                        location=place,
                        request=loan.number,
                        borrower=loan.borrower_name,
                        due_on=loan.due_on.isoformat() if loan.due_on else None,
                    )
                )
        duplicates = sorted(boxes[i].code for i, seen in read_at.items() if len(seen) > 1)
        report = InventoryReport(
            scans=name,
            whole=whole,
            scope=() if whole else tuple(sorted(loc.code for loc in scope.values())),
            scanned=len(scans),
            matched=matched,
            missing=tuple(missing),
            misplaced=tuple(misplaced),
            unexpected=tuple(unexpected),
            duplicates=tuple(duplicates),
            on_loan=tuple(lent),
        )
        summary = report.to_json()
        change.after = {
            "scans": name,
            "scope": summary["scope"],
            "scanned": report.scanned,
            "matched": matched,
            "missing": [m.box for m in missing],
            "on_loan": [b.box for b in lent],
            "misplaced": [m.box for m in misplaced],
            "unexpected": [u.code for u in unexpected],
            "consistent": report.consistent,
        }
    return report
