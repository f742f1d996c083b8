"""The registers of appraisal, holds and destruction (issue 15), filled from the
services' views (archivist/disposition): 到期档案鉴定清单 (appraisal-list), 鉴定意见书
(appraisal-opinion), 销毁清册 (destruction; 会计档案销毁清册 chosen by itself for an
accounting register) and 保全登记簿 (holds).

    generate(archive, "appraisal-list", out, batch="JD-2026-01")
    generate(archive, "destruction", out, register="XH-2026-01")
    generate(archive, "holds", out)

The builders take views, so a register can be printed from any view (the window's
preview, the tests) and they read nothing else but what they are given. The signature
lines depend on who signs — the group's members, the supervisors of a register — so
each builder returns the layout widened for its document along with the data. A
signature or a date appears only once it was given in the archive; until then the
line is blank, to be signed on paper. Nothing is made up: what is unknown stays blank.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from archivist.changes.states import AppraisalState, DestructionState, HoldState, ItemState
from archivist.db.models import Account, ArchiveClass, Hold, Item, VolumeItem
from archivist.disposition.batch_views import BatchView, EntryView, MemberView, Opinion
from archivist.disposition.holds import HoldKind, HoldTarget, HoldView
from archivist.disposition.register_views import Duty, RegisterView, SignatureView, Unit
from archivist.errors import InputError
from archivist.registers.layouts import (
    APPRAISAL_LIST,
    APPRAISAL_OPINION,
    DESTRUCTION,
    DESTRUCTION_ACCOUNTING,
    HOLDS,
    Cell,
    DocumentData,
    Field,
    Heading,
    Layout,
    Signature,
    get_layout,
)
from archivist.rules.retention import Retention
from archivist.use.statistics import local_day

if TYPE_CHECKING:
    from archivist.archive import Archive

KINDS = ("appraisal-list", "appraisal-opinion", "destruction", "holds")
BATCH_KINDS = ("appraisal-list", "appraisal-opinion")
ACCOUNTING_CLASS = "KJ"  # the accounting archives' class (Order 79)

OPINION_LABELS = {Opinion.DESTROY: "销毁", Opinion.EXTEND: "延期", Opinion.PERMANENT: "延期"}
HOLD_KIND_LABELS = {
    HoldKind.UNSETTLED: "未结清债权债务",
    HoldKind.DISPUTE: "争议",
    HoldKind.LITIGATION: "诉讼",
    HoldKind.AUDIT: "审计",
    HoldKind.OTHER: "其他",
}
UNIT_LABELS = {
    Unit.ARCHIVES: "档案机构",
    Unit.ACCOUNTING: "会计机构",
    Unit.IT: "信息技术机构",
    Unit.OTHER: "其他",
}
LEADER_LABEL, MEMBER_LABEL = "鉴定小组组长", "鉴定小组成员"
NONE = "无"


@dataclass(frozen=True)
class PulledOut:
    """A record in a batch's scope kept out of destruction by a hold (抽出档案)."""

    hold: str
    kind: HoldKind
    reason: str
    archival_code: str
    title: str
    class_code: str
    lifted: bool


# -- small pieces ----------------------------------------------------------------------


def _ymd(day: dt.date | None) -> str | None:
    return day.strftime("%Y%m%d") if day else None


def _signed_on(moment: str | None) -> str | None:
    return _ymd(local_day(moment))


def _label(retention: str | None) -> str | None:
    return Retention(retention).label if retention else None


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value else None


def _years(years: Iterable[int]) -> str | None:
    """2001, 2002, 2003, 2005 -> 2001—2003、2005."""
    ordered = sorted(set(years))
    if not ordered:
        return None
    spans: list[tuple[int, int]] = []
    for year in ordered:
        if spans and spans[-1][1] == year - 1:
            spans[-1] = (spans[-1][0], year)
        else:
            spans.append((year, year))
    return "、".join(str(a) if a == b else f"{a}—{b}" for a, b in spans)


def _counted(labels: Iterable[str]) -> list[tuple[str, int]]:
    """Each distinct label with how many times it came, in first-seen order."""
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return list(counts.items())


def _empty(kind: str) -> InputError:
    return InputError("register.empty_selection", kind=kind, register=get_layout(kind).title)


def _need(value: str | None, option: str, kind: str) -> str:
    if value is None or not value.strip():
        raise InputError(
            "register.needs", kind=kind, register=get_layout(kind).title, option=option
        )
    return value.strip()


# -- the appraisal group's signatures ---------------------------------------------------


def _ordered_members(members: Sequence[MemberView]) -> list[MemberView]:
    """The group's leader (its first head) first, then the others in their order."""
    leader = next((m for m in members if m.head), None)
    return ([leader] if leader else []) + [m for m in members if m is not leader]


def _with_members(layout: Layout, members: Sequence[MemberView]) -> Layout:
    """The layout with one signature line (and date) per member, the leader first; at
    least the layout's own lines, left blank to be signed on paper."""
    ordered = _ordered_members(members)
    count = max(len(ordered), len(layout.signatures))
    lines = []
    for index in range(1, count + 1):
        leader = index == 1 and (not ordered or ordered[0].head)
        label = LEADER_LABEL if leader else MEMBER_LABEL
        lines.append(Signature(f"member_{index}", label, f"member_{index}_on", "日期"))
    return dataclasses.replace(layout, signatures=tuple(lines))


def _member_fields(members: Sequence[MemberView]) -> dict[str, Cell]:
    """Who signed, and on which day; an unsigned member's line stays blank."""
    fields: dict[str, Cell] = {}
    for index, member in enumerate(_ordered_members(members), 1):
        signed = member.signed_at is not None
        fields[f"member_{index}"] = member.display_name if signed else None
        fields[f"member_{index}_on"] = _signed_on(member.signed_at)
    return fields


def _group(members: Sequence[MemberView]) -> str | None:
    ordered = _ordered_members(members)
    names = [
        f"{m.display_name}（组长）" if i == 0 and m.head else m.display_name
        for i, m in enumerate(ordered)
    ]
    return "、".join(names) or None


def _scope(batch: BatchView, class_names: Mapping[str, str]) -> str:
    parts = []
    if batch.class_code:
        name = class_names.get(batch.class_code)
        parts.append(f"{batch.class_code} {name}" if name else batch.class_code)
    if batch.scope_year is not None:
        parts.append(f"{batch.scope_year}年度")
    return "，".join(parts) if parts else "全部类别、年度"


def _fonds(fonds: Mapping[str, str]) -> str | None:
    return " ".join(v for v in (fonds.get("code"), fonds.get("name")) if v) or None


# -- 到期档案鉴定清单 ----------------------------------------------------------------------


def _extended_to(entry: EntryView) -> str | None:
    if entry.opinion is Opinion.PERMANENT:
        return "永久"
    if entry.opinion is Opinion.EXTEND and entry.new_retention:
        label = Retention(entry.new_retention).label
        until = _ymd(entry.new_expires_on)
        return f"{label}（{until}到期）" if until else label
    return None


def appraisal_list(
    batch: BatchView,
    fonds: Mapping[str, str],
    class_names: Mapping[str, str] | None = None,
) -> tuple[Layout, DocumentData]:
    """到期档案鉴定清单: one row per record of the batch, its opinion as given so far
    (undecided rows blank), the group's members with their signatures."""
    if not batch.entries:
        raise _empty("appraisal-list")
    rows: list[list[Cell]] = []
    for seq, entry in enumerate(batch.entries, 1):
        rows.append(
            [
                seq,
                entry.archival_code,
                entry.title,
                entry.year,
                _label(entry.retention),
                _ymd(entry.expires_on),
                OPINION_LABELS[entry.opinion] if entry.opinion else None,
                _extended_to(entry),
                _blank(entry.reason) if entry.opinion else None,
            ]
        )
    fields: dict[str, Cell] = {
        "number": batch.number,
        "as_of": _ymd(batch.as_of),
        "fonds": _fonds(fonds),
        "scope": _scope(batch, class_names or {}),
        "members": _group(batch.members),
        **_member_fields(batch.members),
    }
    return _with_members(APPRAISAL_LIST, batch.members), DocumentData(fields=fields, rows=rows)


# -- 鉴定意见书 ----------------------------------------------------------------------------


def is_accounting(batch: BatchView) -> bool:
    """Whether the batch takes accounting archives (its class, or any of its records)."""
    return batch.class_code == ACCOUNTING_CLASS or any(
        e.class_code == ACCOUNTING_CLASS for e in batch.entries
    )


def _pulled_line(pulled: PulledOut) -> str:
    lifted = "（已解除）" if pulled.lifted else ""
    return (
        f"{pulled.hold} {pulled.archival_code} {pulled.title}："
        f"{HOLD_KIND_LABELS[pulled.kind]}，{pulled.reason}{lifted}"
    )


def appraisal_opinion(
    batch: BatchView,
    pulled_out: Sequence[PulledOut],
    fonds: Mapping[str, str],
    class_names: Mapping[str, str] | None = None,
) -> tuple[Layout, DocumentData]:
    """鉴定意见书: the scope (years, periods, counts), what the group found, its reasons
    for destroying and for extending, the records pulled out by holds (for the
    accounting archives the unsettled matters under a heading of their own), and the
    members' signatures."""
    entries = batch.entries
    if not entries:
        raise _empty("appraisal-opinion")
    destroy = [e for e in entries if e.opinion is Opinion.DESTROY]
    extend = [e for e in entries if e.opinion is Opinion.EXTEND]
    permanent = [e for e in entries if e.opinion is Opinion.PERMANENT]
    periods = "；".join(
        f"{label} {n}件" for label, n in _counted(Retention(e.retention).label for e in entries)
    )
    counts = (
        f"共{len(entries)}件，{sum(e.pages for e in entries)}页：拟销毁{len(destroy)}件，"
        f"延期保存{len(extend)}件，改为永久保存{len(permanent)}件"
    )
    if batch.undecided:
        counts += f"，尚未提出意见{batch.undecided}件"
    if pulled_out:
        counts += f"；因保全抽出{len({p.archival_code for p in pulled_out})}件"
    signed = sum(1 for m in batch.members if m.signed_at)
    summary = (
        f"鉴定小组（{len(batch.members)}人）以{batch.as_of.isoformat()}为基准日，对"
        f"{_scope(batch, class_names or {})}已到保管期限的档案逐件进行了鉴定。"
    )
    if batch.state is AppraisalState.SIGNED:
        day = local_day(batch.signed_at)
        summary += f"全体成员已签字{f'（{day.isoformat()}）' if day else ''}。"
    else:
        summary += f"已签字{signed}人，尚有{len(batch.members) - signed}人未签字。"
    destroy_reasons = "\n".join(
        f"{reason}（{n}件）" for reason, n in _counted(e.reason.strip() for e in destroy)
    )
    extend_reasons = "\n".join(
        f"{reason}（{n}件）"
        for reason, n in _counted(
            f"{e.reason.strip()}，{'改为永久' if e.opinion is Opinion.PERMANENT else '延期至'}"
            f"{'' if e.opinion is Opinion.PERMANENT else _label(e.new_retention) or ''}"
            for e in (*extend, *permanent)
        )
    )
    fields: dict[str, Cell] = {
        "number": batch.number,
        "as_of": _ymd(batch.as_of),
        "fonds": _fonds(fonds),
        "years": _years(e.year for e in entries),
        "periods": periods,
        "counts": counts,
        "summary": summary,
        "destroy_reasons": destroy_reasons or NONE,
        "extend_reasons": extend_reasons or NONE,
        "holds": "\n".join(_pulled_line(p) for p in pulled_out) or NONE,
        **_member_fields(batch.members),
    }
    layout = _with_members(APPRAISAL_OPINION, batch.members)
    if is_accounting(batch):
        # Order 79: vouchers of unsettled matters are never destroyed — said on its own
        unsettled = [
            p
            for p in pulled_out
            if p.kind is HoldKind.UNSETTLED and p.class_code == ACCOUNTING_CLASS
        ]
        extra = Field("unsettled", "未结清债权债务的会计凭证", lines=3)
        at = [f.key if isinstance(f, Field) else None for f in layout.fields].index("holds")
        fields_with: list[Field | Heading] = list(layout.fields)
        fields_with.insert(at + 1, extra)
        layout = dataclasses.replace(layout, fields=tuple(fields_with))
        fields["unsettled"] = "\n".join(_pulled_line(p) for p in unsettled) or NONE
    return layout, DocumentData(fields=fields)


def pulled_out(session: Session, batch: BatchView) -> list[PulledOut]:
    """The holds that kept records of the batch's scope (due on its day, of its class and
    year) from destruction: every hold in force at any time since the batch was made, on
    an item or on its volume — the records it left out, and those in it that cannot be
    destroyed. In hold order, then by archival code."""
    holds = session.scalars(
        select(Hold)
        .where(
            or_(
                Hold.state == HoldState.PLACED.value,
                Hold.lifted_at.is_(None),
                Hold.lifted_at > batch.created_at,
            )
        )
        .order_by(Hold.year, Hold.serial)
    ).all()
    if not holds:
        return []
    volume_ids = {h.volume_id for h in holds if h.volume_id is not None}
    members: dict[int, list[int]] = {}
    if volume_ids:
        for item_id, volume_id in session.execute(
            select(VolumeItem.item_id, VolumeItem.volume_id).where(
                VolumeItem.volume_id.in_(volume_ids)
            )
        ):
            members.setdefault(volume_id, []).append(item_id)
    covered: dict[int, list[Hold]] = {}
    for hold in holds:
        ids = [hold.item_id] if hold.item_id is not None else members.get(hold.volume_id or 0, [])
        for item_id in ids:
            covered.setdefault(item_id, []).append(hold)
    in_batch = {e.number for e in batch.entries}
    stmt = (
        select(Item, ArchiveClass.code)
        .join(ArchiveClass, ArchiveClass.id == Item.class_id)
        .where(Item.id.in_(list(covered)))
    )
    found: list[PulledOut] = []
    for item, class_code in session.execute(stmt).tuples():
        if item.number not in in_batch:
            in_scope = (
                item.status == ItemState.CAPTURED.value
                and item.expires_on is not None
                and item.expires_on <= batch.as_of
                and (batch.class_code is None or class_code == batch.class_code)
                and (batch.scope_year is None or item.year == batch.scope_year)
            )
            if not in_scope:
                continue
        for hold in covered[item.id]:
            found.append(
                PulledOut(
                    hold=hold.number,
                    kind=HoldKind(hold.kind),
                    reason=hold.reason,
                    archival_code=item.archival_code,
                    title=item.title,
                    class_code=class_code,
                    lifted=hold.state != HoldState.PLACED.value,
                )
            )
    return sorted(found, key=lambda p: (_hold_order(p.hold), p.archival_code))


def _hold_order(number: str) -> tuple[int, int]:
    try:
        _prefix, year, serial = number.split("-")
        return int(year), int(serial)
    except ValueError:
        return (0, 0)


# -- 销毁清册 / 会计档案销毁清册 --------------------------------------------------------------


def _signer(signature: SignatureView, with_unit: bool) -> str:
    if with_unit and signature.unit is not None and signature.unit is not Unit.OTHER:
        return f"{signature.display_name}（{UNIT_LABELS[signature.unit]}）"
    return signature.display_name


def _approver(register: RegisterView, names: Mapping[str, str]) -> str | None:
    if not register.approved_by:
        return None
    return register.approver_name or names.get(register.approved_by, register.approved_by)


def _register_number(register: RegisterView) -> str:
    """The register's number; a withdrawn one says so, so that its paper is never taken
    for an order to destroy."""
    if register.state is DestructionState.WITHDRAWN:
        return f"{register.number}（已撤回，不予销毁）"
    return register.number


def destruction_register(
    register: RegisterView, names: Mapping[str, str] | None = None
) -> tuple[Layout, DocumentData]:
    """The register as printed: the 会计档案销毁清册 for an accounting register, else the
    销毁清册 with its cover. `names`: display names by user name (the approver)."""
    if register.accounting:
        return accounting_register(register, names)
    if not register.rows:
        raise _empty("destruction")
    names = names or {}
    rows: list[list[Cell]] = [
        [
            row.seq,
            row.title,
            row.year,
            row.archival_code,
            _label(row.retention),
            f"{row.kept_years}年",
            row.pages,
            _blank(row.note),
        ]
        for row in register.rows
    ]
    supervisors = register.supervisors
    fields: dict[str, Cell] = {
        "number": _register_number(register),
        "fonds_code": register.fonds_code,
        "count": f"{len(register.rows)}件，{register.pages}页",
        "group_leader": _blank(register.group_leader),
        "group_signed_on": _signed_on(register.group_signed_at),
        "approver": _approver(register, names),
        "approved_on": _signed_on(register.approved_at),
        "executed_on": _ymd(register.executed_on),
        "method": _blank(register.method),
        "place": _blank(register.place),
    }
    layout = DESTRUCTION
    extra = len(supervisors) - 2
    if extra > 0:
        more = [Field(f"supervisor_{3 + i}", "监销人", wide=False) for i in range(extra)]
        keys = [f.key if isinstance(f, Field) else None for f in layout.fields]
        at = keys.index("supervisor_2") + 1
        widened: list[Field | Heading] = list(layout.fields)
        widened[at:at] = more
        layout = dataclasses.replace(layout, fields=tuple(widened))
    for index in range(max(2, len(supervisors))):
        fields[f"supervisor_{index + 1}"] = (
            _signer(supervisors[index], True) if index < len(supervisors) else None
        )
    return layout, DocumentData(fields=fields, rows=rows)


ACCOUNTING_KEYS = {
    Duty.UNIT_HEAD: "unit_head",
    Duty.ARCHIVES_HEAD: "archives_head",
    Duty.ACCOUNTING_HEAD: "accounting_head",
    Duty.ARCHIVES_HANDLER: "archives_handler",
    Duty.ACCOUNTING_HANDLER: "accounting_handler",
}
SUPERVISOR_SLOTS = (Unit.ARCHIVES, Unit.ACCOUNTING, Unit.IT)  # supervisor_1, _2, _3


def accounting_register(
    register: RegisterView, names: Mapping[str, str] | None = None
) -> tuple[Layout, DocumentData]:
    """会计档案销毁清册 (Order 79 art. 18): its columns, the five signatures (the unit
    head's is the approval) and the supervisors of archives, accounting and IT, then
    any other supervisor."""
    if not register.rows:
        raise _empty("destruction")
    names = names or {}
    destroyed_on = _ymd(register.executed_on)
    rows: list[list[Cell]] = [
        [
            row.title,
            _blank(row.volume),
            1,  # one record, one book (册)
            str(row.year),
            row.archival_code,
            _label(row.retention),
            f"{row.kept_years}年",
            destroyed_on,
        ]
        for row in register.rows
    ]
    fields: dict[str, Cell] = {
        "number": _register_number(register),
        "fonds": " ".join(v for v in (register.fonds_code, register.fonds_name) if v) or None,
        "count": f"{len(register.rows)}件，{register.pages}页",
        "method": _blank(register.method),
        "place": _blank(register.place),
    }
    by_duty: dict[Duty, SignatureView] = {
        s.duty: s for s in register.signatures if s.duty is not Duty.SUPERVISOR
    }
    for duty, key in ACCOUNTING_KEYS.items():
        signature = by_duty.get(duty)
        fields[key] = signature.display_name if signature else None
        fields[f"{key}_on"] = _signed_on(signature.signed_at) if signature else None
    if Duty.UNIT_HEAD not in by_duty and register.approved_by:
        # the approval is the unit head's signature
        fields["unit_head"] = _approver(register, names)
        fields["unit_head_on"] = _signed_on(register.approved_at)
    slots: dict[int, SignatureView] = {}
    others: list[SignatureView] = []
    for signature in register.supervisors:
        unit = signature.unit
        index = SUPERVISOR_SLOTS.index(unit) + 1 if unit in SUPERVISOR_SLOTS else None
        if index is not None and index not in slots:
            slots[index] = signature
        else:
            others.append(signature)
    for index in range(1, len(SUPERVISOR_SLOTS) + 1):
        signature = slots.get(index)
        fields[f"supervisor_{index}"] = signature.display_name if signature else None
        fields[f"supervisor_{index}_on"] = _signed_on(signature.signed_at) if signature else None
    layout = DESTRUCTION_ACCOUNTING
    if others:
        more: list[Signature] = []
        for offset, signature in enumerate(others):
            index = len(SUPERVISOR_SLOTS) + 1 + offset
            unit_label = UNIT_LABELS[signature.unit] if signature.unit else None
            label = f"监销人（{unit_label}）" if unit_label else "监销人"
            more.append(Signature(f"supervisor_{index}", label, f"supervisor_{index}_on", "日期"))
            fields[f"supervisor_{index}"] = signature.display_name
            fields[f"supervisor_{index}_on"] = _signed_on(signature.signed_at)
        layout = dataclasses.replace(layout, signatures=(*layout.signatures, *more))
    return layout, DocumentData(fields=fields, rows=rows)


# -- 保全登记簿 ----------------------------------------------------------------------------


def holds_register(
    holds: Sequence[HoldView],
    *,
    codes: Mapping[str, str] | None = None,
    names: Mapping[str, str] | None = None,
    as_of: dt.date | None = None,
) -> tuple[Layout, DocumentData]:
    """保全登记簿: every hold, placed or lifted, in the order given (BQ-年度-流水号).
    `codes`: an item's archival code by its number; `names`: display names by user."""
    if not holds:
        raise _empty("holds")
    codes = codes or {}
    names = names or {}
    ordered = sorted(holds, key=lambda h: _hold_order(h.number))
    rows: list[list[Cell]] = []
    for hold in ordered:
        if hold.target_kind is HoldTarget.VOLUME:
            target = f"{hold.code}（卷）"
        else:
            target = f"{codes.get(hold.code, hold.code)}（件）"
        rows.append(
            [
                hold.number,
                target,
                HOLD_KIND_LABELS[hold.kind],
                hold.reason,
                names.get(hold.placed_by, hold.placed_by),
                _signed_on(hold.placed_at),
                names.get(hold.lifted_by, hold.lifted_by) if hold.lifted_by else None,
                _signed_on(hold.lifted_at),
                _blank(hold.lift_reason),
            ]
        )
    placed = sum(1 for h in holds if h.state is HoldState.PLACED)
    fields: dict[str, Cell] = {"as_of": _ymd(as_of or dt.date.today()), "placed": f"{placed}条"}
    return HOLDS, DocumentData(fields=fields, rows=rows)


# -- from the archive ------------------------------------------------------------------


def _names(session: Session, users: Iterable[str | None]) -> dict[str, str]:
    wanted = {u for u in users if u}
    if not wanted:
        return {}
    rows = session.execute(
        select(Account.user_name, Account.display_name).where(Account.user_name.in_(wanted))
    )
    return {user: display or user for user, display in rows}


def _class_names(session: Session) -> dict[str, str]:
    return {
        code: name for code, name in session.execute(select(ArchiveClass.code, ArchiveClass.name))
    }


def collect(
    archive: Archive,
    kind: str,
    *,
    batch: str | None = None,
    register: str | None = None,
) -> tuple[Layout, DocumentData, str]:
    """The layout, data and what the register is of (its access-log target), read
    through the services (their rights checks and access events apply)."""
    from archivist.accounts.rights import require
    from archivist.accounts.roles import Right
    from archivist.disposition import appraisal, destruction, holds

    if kind not in KINDS:
        raise InputError("register.unknown_kind", kind=kind, choices=", ".join(KINDS))
    require(archive, Right.READ, f"register:{kind}")
    if kind in BATCH_KINDS:
        number = _need(batch, "--batch", kind)
        view = appraisal.show_batch(archive, number)
        fonds = archive.fonds()
        with archive.db.reading() as session:
            classes = _class_names(session)
            if kind == "appraisal-list":
                layout, data = appraisal_list(view, fonds, classes)
            else:
                layout, data = appraisal_opinion(view, pulled_out(session, view), fonds, classes)
        return layout, data, f"appraisal:{view.number}"
    if kind == "destruction":
        number = _need(register, "--register", kind)
        found = destruction.show_register(archive, number)
        with archive.db.reading() as session:
            names = _names(session, [found.approved_by])
        layout, data = destruction_register(found, names)
        return layout, data, f"destruction:{found.number}"
    views = holds.list_holds(archive)
    with archive.db.reading() as session:
        numbers = [h.code for h in views if h.target_kind is HoldTarget.ITEM]
        codes: dict[str, str] = {}
        for start in range(0, len(numbers), 900):
            chunk = numbers[start : start + 900]
            for number, archival_code in session.execute(
                select(Item.number, Item.archival_code).where(Item.number.in_(chunk))
            ):
                codes[number] = archival_code
        names = _names(session, [u for h in views for u in (h.placed_by, h.lifted_by)])
    layout, data = holds_register(views, codes=codes, names=names)
    return layout, data, "register:holds"


def generate(
    archive: Archive,
    kind: str,
    out: Path,
    *,
    batch: str | None = None,
    register: str | None = None,
) -> dict[str, Any]:
    """Write the register to `out` (.docx, outside the archive) and log the printing."""
    from archivist.accounts.access_log import AccessKind, record
    from archivist.registers.docx_writer import write_docx
    from archivist.storage.filestore import check_export_path

    out = check_export_path(out, archive.root, (".docx",))
    from archivist.changes.anchor import register_footer

    layout, data, target = collect(archive, kind, batch=batch, register=register)
    path = write_docx(layout, data, out, chain=register_footer(archive))
    record(
        archive,
        AccessKind.PRINT,
        target[:200],
        {"kind": kind, "layout": layout.kind, "file": str(path), "rows": len(data.rows)},
    )
    return {"kind": kind, "layout": layout.kind, "file": str(path), "rows": len(data.rows)}
