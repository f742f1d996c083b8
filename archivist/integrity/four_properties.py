"""The four-property tests (四性检测, DA/T 70-2018; archive-rules §14) as one check and
one report.

    report = check_four(archive, "year 2023")      # all | handover BATCH | volume V | year Y
    write_four_report(report, "四性检测报告.docx")
    report.to_json()

Four groups, each of items counted over their objects (检测项, 对象数, 通过, 不通过, 说明):

- authenticity (真实性): stored digests match, the records match what the audit trail
  says (replay, the whole archive), the audit chain holds and agrees with its
  checkpoints outside the database, archival codes well-formed and unique;
- integrity (完整性): metadata complete, numbering gap-free or explained by a recorded
  vacancy, every record has its content, page counts match the files;
- usability (可用性): every file opens and its first page renders, an allowed long-term
  format matching its record, no encryption, no JavaScript or embedded files in PDFs
  (archivist/formats/usability.py, shared with the handover quality check);
- security (安全性): access control on (each administrator role held by an active
  account), the access log's chain intact, nothing changed outside the recorded
  procedures (the audit chain verifies, the replay finds no row changed behind the
  product's back, every record in scope has its capture event).

The scope narrows the record checks (codes, metadata, numbering of the years and
classes concerned, content, files, capture traces); the chains and the replay are of
the whole archive, since the trail is one.

`check_four` keeps the report in the archive (unless keep=False): the .docx and the
JSON under reports/ in the archive folder, their SHA-256 in the check's own audit event
(`four.check`, right VERIFY: the auditor, an archivist or the `verifier` service
account of a scheduled run).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.accounts import access_log
from archivist.accounts.access_log import AccessKind
from archivist.accounts.rights import require
from archivist.accounts.roles import ADMINISTRATOR_ROLES, Right
from archivist.archive import Archive
from archivist.changes import audit
from archivist.changes.actions import Action
from archivist.changes.states import ItemState
from archivist.db.models import (
    Account,
    AccountRole,
    ArchiveClass,
    AuditEvent,
    Fonds,
    Handover,
    HandoverVolume,
    Item,
    Material,
    Volume,
    VolumeItem,
)
from archivist.errors import InputError, NotFound
from archivist.findings import Finding
from archivist.formats.usability import Examined, StoredFile, examine_all, problems
from archivist.integrity.anchors import check_anchors
from archivist.integrity.replay import replay_findings
from archivist.integrity.verify import numbering_gaps, runs_text
from archivist.messages import render
from archivist.rules.numbering import MAX_CODE_LENGTH, item_number

GROUPS = ("authenticity", "integrity", "usability", "security")
ITEMS: dict[str, tuple[str, ...]] = {
    "authenticity": ("digests", "replay", "chain", "codes"),
    "integrity": ("metadata", "numbering", "content", "pages"),
    "usability": ("opens", "format", "encryption", "active"),
    "security": ("access_control", "access_log", "procedures"),
}
REPORTS_FOLDER = "reports"
SHOWN = 5  # findings named in a row's 说明
SCOPE_KINDS = ("all", "handover", "volume", "year")


# -- the scope -------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    kind: str  # all | handover | volume | year
    value: str = ""

    @classmethod
    def parse(cls, text: str | Scope | None) -> Scope:
        """ "all", "handover JJ-2026-01", "volume CODE", "year 2023" (or kind:value)."""
        if isinstance(text, Scope):
            return text
        raw = (text or "all").strip()
        kind, _, value = raw.replace(":", " ", 1).partition(" ")
        kind, value = kind.strip().lower(), value.strip()
        if kind not in SCOPE_KINDS or (kind == "all") != (not value):
            raise InputError(
                "four.bad_scope", scope=raw[:80], choices="all | handover BATCH | volume V | year Y"
            )
        if kind == "year" and not (value.isdigit() and len(value) == 4):
            raise InputError("four.bad_scope", scope=raw[:80], choices="year YYYY")
        return cls(kind, value)

    def label(self) -> str:
        if self.kind == "all":
            return "全部档案"
        names = {"handover": "交接批次", "volume": "案卷", "year": "年度"}
        return f"{names[self.kind]} {self.value}"

    def __str__(self) -> str:
        return self.kind if self.kind == "all" else f"{self.kind} {self.value}"


# -- the report ------------------------------------------------------------------------


@dataclass
class CheckItem:
    """One row of the report (检测项): how many objects, how many passed and failed."""

    group: str
    key: str
    objects: int = 0
    failed_objects: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)

    @property
    def code(self) -> str:
        return f"four.item.{self.key}"

    @property
    def failed(self) -> int:
        return len(self.failed_objects)

    @property
    def passed(self) -> int:
        return max(self.objects - self.failed, 0)

    @property
    def ok(self) -> bool:
        return not self.failed_objects and not self.findings

    def label(self, lang: str | None = None) -> str:
        return render(self.code, None, lang)

    def fail(self, obj: str, finding: Finding) -> None:
        self.failed_objects.add(obj)
        self.findings.append(finding)

    def explanation(self, lang: str | None = None) -> str:
        if not self.findings:  # what the row covers (说明), in the language asked
            return render(f"four.note.{self.key}", None, lang)
        shown = "；".join(f.message(lang) for f in self.findings[:SHOWN])
        more = len(self.findings) - SHOWN
        return shown + (render("four.more", {"count": more}, lang) if more > 0 else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label(),
            "objects": self.objects,
            "passed": self.passed,
            "failed": self.failed,
            "ok": self.ok,
            "note": self.explanation(),
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class FourGroup:
    key: str
    items: list[CheckItem]

    def label(self, lang: str | None = None) -> str:
        return render(f"four.group.{self.key}", None, lang)

    @property
    def ok(self) -> bool:
        return all(i.ok for i in self.items)

    def item(self, key: str) -> CheckItem:
        return next(i for i in self.items if i.key == key)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label(),
            "ok": self.ok,
            "items": [i.to_json() for i in self.items],
        }


@dataclass
class FourReport:
    scope: Scope
    checked_at: str  # ISO 8601, UTC
    operator: str  # user name
    operator_name: str  # display name
    groups: list[FourGroup]
    records: int = 0
    files: int = 0
    seconds: float = 0.0
    kept: list[str] = field(default_factory=list)  # files under reports/, once kept
    event_seq: int | None = None  # the four.check audit event
    fonds: str = ""  # 全宗号 and name, as the report's heading prints them
    chain: str = ""  # the audit chain's head when the report was printed (its footer)

    @property
    def ok(self) -> bool:
        return all(g.ok for g in self.groups)

    def group(self, key: str) -> FourGroup:
        return next(g for g in self.groups if g.key == key)

    def codes(self, group: str) -> set[str]:
        """Finding codes of one group (for tests and quick looks)."""
        return {f.code for i in self.group(group).items for f in i.findings}

    @property
    def findings(self) -> list[Finding]:
        return [f for g in self.groups for i in g.items for f in i.findings]

    def to_json(self) -> dict[str, Any]:
        return {
            "report": "四性检测报告",
            "standard": "DA/T 70-2018",
            "scope": str(self.scope),
            "scope_label": self.scope.label(),
            "checked_at": self.checked_at,
            "operator": self.operator,
            "operator_name": self.operator_name,
            "fonds": self.fonds,
            "ok": self.ok,
            "records": self.records,
            "files": self.files,
            "seconds": round(self.seconds, 3),
            "groups": [g.to_json() for g in self.groups],
            "kept": list(self.kept),
            "event_seq": self.event_seq,
        }


# -- what is in scope ------------------------------------------------------------------


@dataclass(frozen=True)
class _Record:
    id: int
    number: str
    archival_code: str
    year: int
    class_id: int
    serial: int
    title: str
    completed_on: dt.date | None
    retention: str
    captured_by: str
    capture_id: str
    fonds: str
    klass: str
    destroyed: bool


def _scoped_item_ids(session: Session, scope: Scope) -> Any:
    """A select of the ids of the items in scope (NotFound for an unknown batch/volume)."""
    if scope.kind == "all":
        return select(Item.id)
    if scope.kind == "year":
        return select(Item.id).where(Item.year == int(scope.value))
    if scope.kind == "volume":
        volume = session.scalar(select(Volume.id).where(Volume.code == scope.value))
        if volume is None:
            raise NotFound("four.no_volume", volume=scope.value)
        return select(VolumeItem.item_id).where(VolumeItem.volume_id == volume)
    batch = session.scalar(select(Handover.id).where(Handover.number == scope.value.upper()))
    if batch is None:
        raise NotFound("four.no_handover", batch=scope.value)
    return (
        select(VolumeItem.item_id)
        .join(HandoverVolume, HandoverVolume.volume_id == VolumeItem.volume_id)
        .where(HandoverVolume.handover_id == batch)
    )


def _records(session: Session, ids: Any) -> list[_Record]:
    rows = session.execute(
        select(
            Item.id,
            Item.number,
            Item.archival_code,
            Item.year,
            Item.class_id,
            Item.serial,
            Item.title,
            Item.completed_on,
            Item.retention,
            Item.captured_by,
            Item.capture_id,
            Fonds.code,
            ArchiveClass.code,
            Item.status,
        )
        .join(Fonds, Fonds.id == Item.fonds_id)
        .join(ArchiveClass, ArchiveClass.id == Item.class_id)
        .where(Item.id.in_(ids))
        .order_by(Item.number)
    ).all()
    return [
        _Record(
            id=row[0],
            number=row[1],
            archival_code=row[2],
            year=row[3],
            class_id=row[4],
            serial=row[5],
            title=row[6],
            completed_on=row[7],
            retention=row[8],
            captured_by=row[9],
            capture_id=row[10],
            fonds=row[11],
            klass=row[12],
            destroyed=row[13] == ItemState.DESTROYED.value,
        )
        for row in rows
    ]


def _files(session: Session, ids: Any) -> dict[int, list[StoredFile]]:
    out: dict[int, list[StoredFile]] = defaultdict(list)
    for item_id, number, file, sha256, size, media_type, pages in session.execute(
        select(
            Material.item_id,
            Item.number,
            Material.file,
            Material.sha256,
            Material.size,
            Material.media_type,
            Material.pages,
        )
        .join(Item, Item.id == Material.item_id)
        .where(Material.item_id.in_(ids))
        .order_by(Material.item_id, Material.seq)
    ):
        out[item_id].append(StoredFile(file, sha256, size, number, media_type, pages))
    return out


# -- the check -------------------------------------------------------------------------


def check_four(
    archive: Archive,
    scope: Scope | str | None = "all",
    *,
    keep: bool = True,
    workers: int | None = None,
) -> FourReport:
    """Run the four-property tests on the records in `scope` and (keep) keep the report
    in the archive with its own audit event. Needs the VERIFY right."""
    started = dt.datetime.now(dt.UTC)
    clock = _perf()
    person = require(archive, Right.VERIFY, "check-four")
    chosen = Scope.parse(scope)
    items = {g: [CheckItem(g, k) for k in keys] for g, keys in ITEMS.items()}
    fonds = archive.fonds()
    report = FourReport(
        scope=chosen,
        checked_at=started.isoformat(timespec="seconds").replace("+00:00", "Z"),
        operator=person.user_name,
        operator_name=person.display_name or person.user_name,
        groups=[FourGroup(g, items[g]) for g in GROUPS],
        fonds=f"{fonds['code']} {fonds['name']}",
    )
    with archive.db.reading() as session:
        ids = _scoped_item_ids(session, chosen)
        records = _records(session, ids)
        files = _files(session, ids)
        _codes(session, report, records)
        _metadata(report, records)
        _numbering(session, report, records)
        _procedures_traces(session, report, records)
        _access_control(session, report)
    report.records = len(records)
    flat = [(rec, f) for rec in records for f in files.get(rec.id, [])]
    report.files = len(flat)
    _content(report, records, files)
    examined = examine_all(archive.root, [f for _rec, f in flat], workers)
    _file_items(report, flat, examined)
    with archive.db.reading() as session:
        _chains(session, report)
    with archive.db.reading() as session:
        _replay(session, report)
    _anchors(archive, report)
    report.seconds = _perf() - clock
    access_log.record(
        archive,
        AccessKind.VERIFY,
        f"four:{chosen}",
        {"ok": report.ok, "records": report.records, "findings": len(report.findings)},
    )
    if keep:
        keep_report(archive, report)
    return report


def _perf() -> float:
    import time

    return time.perf_counter()


def _codes(session: Session, report: FourReport, records: Sequence[_Record]) -> None:
    row = report.group("authenticity").item("codes")
    row.objects = len(records)
    duplicates: set[str] = set()
    for column in (Item.archival_code, Item.number):
        counted: dict[str, int] = defaultdict(int)
        for (value,) in session.execute(select(column)):
            counted[value] += 1
        duplicates |= {v for v, n in counted.items() if n > 1}
    for rec in records:
        if rec.archival_code in duplicates or rec.number in duplicates:
            code = rec.archival_code if rec.archival_code in duplicates else rec.number
            row.fail(
                rec.number, Finding("verify.duplicate_code", "error", {"code": code}, rec.number)
            )
        if not _well_formed(rec):
            row.fail(
                rec.number,
                Finding(
                    "four.code_malformed",
                    "error",
                    {"number": rec.number, "code": rec.archival_code},
                    rec.number,
                ),
            )


_BAD_CHARS = re.compile(r"[\s\x00-\x1f]")


def _well_formed(rec: _Record) -> bool:
    """The item number is the one its year, class and serial make; the archival code is
    one line without blanks, fits its column, and shows the year, the class and the
    serial (the fields every code template must hold; templates change, so old codes
    are not held to today's template)."""
    code = rec.archival_code or ""
    return (
        rec.number == item_number(rec.year, rec.klass, rec.serial)
        and 0 < len(code) <= MAX_CODE_LENGTH
        and not _BAD_CHARS.search(code)
        and str(rec.year) in code
        and rec.klass in code
        and str(rec.serial) in code
    )


def _metadata(report: FourReport, records: Sequence[_Record]) -> None:
    row = report.group("integrity").item("metadata")
    row.objects = len(records)
    for rec in records:
        missing = [
            name
            for name, value in (
                ("title", rec.title),
                ("archival_code", rec.archival_code),
                ("completed_on", rec.completed_on),
                ("retention", rec.retention),
                ("captured_by", rec.captured_by),
            )
            if value is None or (isinstance(value, str) and not value.strip())
        ]
        if missing:
            row.fail(
                rec.number,
                Finding(
                    "four.metadata_missing",
                    "error",
                    {"number": rec.number, "fields": ", ".join(missing)},
                    rec.number,
                ),
            )


def _numbering(session: Session, report: FourReport, records: Sequence[_Record]) -> None:
    """Serials 1..top of each (year, class) in scope: each held by a record or a
    recorded vacancy (an audited renumbering's gap) — verify's own gap check."""
    row = report.group("integrity").item("numbering")
    keys = {(r.year, r.class_id) for r in records}
    klass = {(r.year, r.class_id): r.klass for r in records}
    row.objects = len(keys)
    for (year, class_id), runs in numbering_gaps(session, keys).items():
        row.fail(
            f"{year}-{class_id}",
            Finding(
                "verify.gap",
                "error",
                {"klass": klass[(year, class_id)], "year": year, "serials": runs_text(runs)},
            ),
        )


def _content(
    report: FourReport, records: Sequence[_Record], files: dict[int, list[StoredFile]]
) -> None:
    row = report.group("integrity").item("content")
    living = [r for r in records if not r.destroyed]
    row.objects = len(living)
    for rec in living:
        if not files.get(rec.id):
            row.fail(
                rec.number, Finding("four.no_content", "error", {"number": rec.number}, rec.number)
            )


def _file_items(
    report: FourReport,
    flat: Sequence[tuple[_Record, StoredFile]],
    examined: Sequence[Examined],
) -> None:
    auth = report.group("authenticity")
    integ = report.group("integrity")
    usab = report.group("usability")
    auth.item("digests").objects = len(flat)
    integ.item("pages").objects = len(flat)
    for key in ITEMS["usability"]:
        usab.item(key).objects = len(flat)
    content = integ.item("content")
    for (_rec, f), result in zip(flat, examined, strict=True):
        stored = result.stored
        if stored is not None:
            if stored.code == "verify.missing":
                content.fail(f.number, stored)
            else:
                auth.item("digests").fail(f.file, stored)
        for key, finding in problems(f, result):
            target = integ.item("pages") if key == "pages" else usab.item(key)
            target.fail(f.file, finding)


def _chains(session: Session, report: FourReport) -> None:
    events, breaks = audit.verify_chain(session)
    chain = report.group("authenticity").item("chain")
    chain.objects = events
    procedures = report.group("security").item("procedures")
    for b in breaks:
        finding = Finding(
            "verify.audit_broken", "error", {"seq": b.seq, "reason": render(b.reason)}
        )
        chain.fail(str(b.seq), finding)
        procedures.fail(f"seq:{b.seq}", finding)
    accesses, access_breaks = access_log.verify_chain(session)
    row = report.group("security").item("access_log")
    row.objects = accesses
    for gap in access_breaks:
        row.fail(str(gap.seq), Finding(gap.reason, "error", {"seq": gap.seq}))


def _replay(session: Session, report: FourReport) -> None:
    """The rows against what the audit trail says they are (the whole archive: the
    trail is one): a row changed, added or removed outside the product is found."""
    events, findings = replay_findings(session)
    row = report.group("authenticity").item("replay")
    row.objects = events
    procedures = report.group("security").item("procedures")
    for finding in findings:
        record = str(finding.params.get("record") or finding.item or finding.code)
        row.fail(record, finding)
        procedures.fail(record, finding)


def _anchors(archive: Archive, report: FourReport) -> None:
    """The chains' heads kept outside the database (checkpoints, backups) still match."""
    anchored = check_anchors(archive)
    chain = report.group("authenticity").item("chain")
    for finding in anchored.findings:
        chain.fail(f"anchor:{len(chain.findings)}", finding)


def _procedures_traces(session: Session, report: FourReport, records: Sequence[_Record]) -> None:
    """Every record in scope came in through capture (its event is in the trail)."""
    row = report.group("security").item("procedures")
    row.objects = len(records)
    targets = [f"item:{r.capture_id}" for r in records]
    traced: set[str] = set()
    for start in range(0, len(targets), 500):
        traced.update(
            session.scalars(
                select(AuditEvent.target).where(
                    AuditEvent.action == "item.capture",
                    AuditEvent.target.in_(targets[start : start + 500]),
                )
            )
        )
    for rec in records:
        if f"item:{rec.capture_id}" not in traced:
            row.fail(
                rec.number,
                Finding(
                    "verify.audit_missing", "error", {"reason": f"{rec.number} capture"}, rec.number
                ),
            )


def _access_control(session: Session, report: FourReport) -> None:
    """Personal accounts are on: each administrator role (三员) held by an active account."""
    row = report.group("security").item("access_control")
    row.objects = len(ADMINISTRATOR_ROLES)
    held = set(
        session.scalars(
            select(AccountRole.role)
            .join(Account, Account.id == AccountRole.account_id)
            .where(Account.active.is_(True))
        )
    )
    for role in sorted(r.value for r in ADMINISTRATOR_ROLES):
        if role not in held:
            row.fail(role, Finding("four.no_administrator", "error", {"role": role}))


# -- the printed report and keeping it -------------------------------------------------


def report_data(report: FourReport) -> Any:
    """The register data (layout FOUR_PROPERTIES): a heading row per group, then its items."""
    from archivist.registers.layouts import DocumentData

    rows: list[list[str | int | None]] = []
    for group in report.groups:
        rows.append([f"{group.label('zh')}", None, None, None, None])
        for row in group.items:
            rows.append(
                [f"  {row.label('zh')}", row.objects, row.passed, row.failed, row.explanation("zh")]
            )
    local = dt.datetime.fromisoformat(report.checked_at.replace("Z", "+00:00")).astimezone()
    verdict = "通过" if report.ok else f"不通过（{len(report.findings)} 项问题）"
    return DocumentData(
        fields={
            "fonds": report.fonds,
            "scope": f"{report.scope.label()}（{report.records} 件，{report.files} 个文件）",
            "checked_at": local.strftime("%Y-%m-%d %H:%M"),
            "operator": report.operator_name,
            "result": verdict,
        },
        rows=rows,
    )


def write_four_report(report: FourReport, path: Path | str) -> Path:
    """Print the report (四性检测报告, portrait) as a .docx at `path`, atomically."""
    from archivist.registers.docx_writer import write_docx
    from archivist.registers.layouts import FOUR_PROPERTIES

    return write_docx(FOUR_PROPERTIES, report_data(report), path, chain=report.chain)


def export_four_report(archive: Archive, report: FourReport, path: Path | str) -> Path:
    """The report as a .docx at `path` outside the archive folder: the very file kept
    under reports/ (so its SHA-256 is the one in the check's audit event), or printed
    anew when the report was not kept."""
    from archivist.registers.output import save
    from archivist.storage.filestore import check_export_path

    target = check_export_path(Path(path), archive.root, (".docx",))
    kept = [archive.root / rel for rel in report.kept if rel.endswith(".docx")]
    if kept and kept[0].is_file():
        save(kept[0].read_bytes(), target)
        return target
    return write_four_report(report, target)


def write_four_json(report: FourReport, path: Path | str) -> Path:
    from archivist.registers.output import save

    out = Path(path)
    data = json.dumps(report.to_json(), ensure_ascii=False, indent=2).encode("utf-8")
    save(data, out)
    return out


def keep_report(archive: Archive, report: FourReport) -> None:
    """Write the .docx and the JSON under reports/ and record their SHA-256 in the
    check's audit event (four.check)."""
    folder = archive.root / REPORTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stamp = report.checked_at.replace("-", "").replace(":", "")
    stem = f"four-properties-{stamp}"
    n = 1
    while (folder / f"{stem}.docx").exists() or (folder / f"{stem}.json").exists():
        n += 1
        stem = f"four-properties-{stamp}-{n}"
    from archivist.changes.anchor import register_footer

    report.chain = register_footer(archive)  # the chain up to this report, on paper
    docx = write_four_report(report, folder / f"{stem}.docx")
    written: list[Path] = [docx]
    try:
        written.append(write_four_json(report, folder / f"{stem}.json"))
        kept = {p.relative_to(archive.root).as_posix(): _sha256(p) for p in written}
        with archive.change(Action.FOUR_CHECK, f"four:{report.scope}") as change:
            change.after = {
                "scope": str(report.scope),
                "ok": report.ok,
                "records": report.records,
                "files": report.files,
                "failed": {
                    f"{g.key}.{i.key}": i.failed for g in report.groups for i in g.items if i.failed
                },
                "reports": kept,
            }
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    report.kept = list(kept)
    report.event_seq = change.changes.seq if change.changes else None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
