"""`check`: flag items whose content breaks the arrangement rules.

An order that differs from the rules is an error unless a person changed it with a
recorded reason (then it is reported for information).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from archivist.accounts.rights import require
from archivist.accounts.roles import Right
from archivist.archive import Archive
from archivist.arrangement.items import rule_order
from archivist.db.models import Item
from archivist.findings import Finding, FindingsReport
from archivist.storage.filestore import material_filename, seq_width


@dataclass
class CheckReport(FindingsReport):
    items_checked: int = 0

    def counts(self) -> dict[str, Any]:
        return {"items_checked": self.items_checked}


def check_item(item: Item) -> list[Finding]:
    findings: list[Finding] = []
    materials = list(item.materials)
    if not any(m.role == "form" for m in materials):
        findings.append(Finding("check.no_form", "error", item=item.number))
    roster = {r.name for r in item.roster}
    for m in materials:
        if m.role == "voucher" and m.person_name and m.person_name not in roster:
            findings.append(
                Finding(
                    "check.person_not_on_roster",
                    "error",
                    {"seq": m.seq, "person": m.person_name},
                    item.number,
                )
            )
    stored = [m.id for m in materials]
    expected = rule_order(item)
    if stored != expected:
        seq_of = {m.id: m.seq for m in materials}
        if item.order_override:
            findings.append(
                Finding(
                    "check.order_overridden", "info", {"reason": item.order_override}, item.number
                )
            )
        else:
            findings.append(
                Finding(
                    "check.order_broken",
                    "error",
                    {
                        "expected": ",".join(str(seq_of[i]) for i in expected),
                        "actual": ",".join(str(seq_of[i]) for i in stored),
                    },
                    item.number,
                )
            )
    width = seq_width(len(materials))
    for m in materials:
        name = PurePosixPath(m.file).name
        if name != material_filename(m.seq, m.role, m.original_name, width):
            findings.append(
                Finding(
                    "check.file_name_mismatch", "error", {"seq": m.seq, "file": m.file}, item.number
                )
            )
    return findings


def check(archive: Archive, progress: Callable[[int, int, str], None] | None = None) -> CheckReport:
    require(archive, Right.READ, "check")
    report = CheckReport()
    last_id = 0
    with archive.db.reading() as session:
        while True:
            batch = session.scalars(
                select(Item)
                .where(Item.id > last_id)
                .order_by(Item.id)
                .limit(500)
                .options(selectinload(Item.materials), selectinload(Item.roster))
            ).all()
            if not batch:
                break
            for item in batch:
                report.items_checked += 1
                report.findings.extend(check_item(item))
            last_id = batch[-1].id
            if progress:
                progress(report.items_checked, 0, batch[-1].number)
            session.expunge_all()
    return report
