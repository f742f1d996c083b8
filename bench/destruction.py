"""Benchmark: executing a destruction register of 10,000 records.

    .venv/bin/python bench/destruction.py                   # 10,000 destroyed, 2,000 kept
    .venv/bin/python bench/destruction.py --items 2000 --kept 500
    .venv/bin/python bench/destruction.py --keep /tmp/destruction-bench   # keep the folder

Builds an archive straight through the models (bulk rows, as bench/person_file.py does:
capture is measured elsewhere), but with everything an execution has to remove really
there: each item has a folder of two stored files (a 30 KB and a 10 KB scan stand-in,
random bytes, their SHA-256 recorded), a page text of OCR for each (about 400 Chinese
characters), a done OCR job, a searchable copy of its form (derived/searchable), and
its capture event in the audit chain (so `verify` sees its trace). `--items` records of
2005 are due (SY, 10 years); `--kept` records of 2020 are not and stay. The full-text
index is built, and a migration backup (backups/*.db) taken, before.

Then, through the services: an appraisal batch of the due records by a group of three,
a destroy opinion on all, three signatures; the register made, approved by the head and
signed by two supervisors; then, timed, `execute_register` — the transaction, the files,
the index built anew, the backup scrubbed, VACUUM — and `verify` afterwards (must pass).
Prints each step's seconds and the archive folder's size before and after.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive_setup import FONDS, PASSWORD, add_person, new_archive, vouch_for_rows  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from archivist.accounts import passwords  # noqa: E402
from archivist.archive import Archive  # noqa: E402
from archivist.changes import audit  # noqa: E402

PEOPLE = (  # user name, roles
    ("clerk", ("archivist",)),
    ("zhang", ("appraiser", "head")),
    ("li", ("appraiser", "archivist")),
    ("wang", ("appraiser", "handler")),
)
MEMBERS = ("zhang", "li", "wang")
BUSINESS_TYPE = "失业保险金申领"  # SY, 10 years
SIZES = (30_000, 10_000)
BATCH = 2_000
TEXT = (
    "失业保险金申领登记表申请人因单位解除劳动合同而失业现申请领取失业保险金请予审核"
    "经办机构示例市社会保险事业服务中心参保缴费满一年以上非因本人意愿中断就业"
) * 5


def folder_size(root: Path) -> int:
    total = 0
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            with contextlib.suppress(OSError):
                total += (Path(dirpath) / name).stat().st_size
    return total


def mib(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MiB"


def build(root: Path, items: int, kept: int) -> list[str]:
    """The archive; returns the numbers of the due records."""
    from archivist.db.models import (
        ArchiveClass,
        BusinessType,
        Entity,
        Fonds,
        Item,
        Material,
        NumberCounter,
        OcrJob,
        PageText,
    )
    from archivist.rules.numbering import CodeParts, archival_code, item_number
    from archivist.rules.retention import parse_retention

    archive = new_archive(root)
    for user, roles in PEOPLE:
        add_person(archive, user, user, roles)
    template = archive.setting("archival_code_template")
    category = archive.setting("category_code")
    with archive.db.reading() as session:
        fonds_id = session.scalar(select(Fonds.id))
        class_id, class_code = session.execute(
            select(ArchiveClass.id, ArchiveClass.code).where(ArchiveClass.code == "SY")
        ).one()
        type_id = session.scalar(
            select(BusinessType.id).where(
                BusinessType.name == BUSINESS_TYPE, BusinessType.class_id == class_id
            )
        )
    retention = parse_retention("D10")
    with archive.db.writing() as session:
        session.execute(
            insert(Entity),
            [{"kind": "person", "name": f"参保人{n}", "id_number": None} for n in range(200)],
        )
        entity_ids = list(session.scalars(select(Entity.id)))
    due: list[str] = []
    serials: dict[int, int] = {}
    total = items + kept
    for start in range(0, total, BATCH):
        rows: list[dict[str, Any]] = []
        for n in range(start, min(total, start + BATCH)):
            day = dt.date(2005, 5, 12) if n < items else dt.date(2020, 5, 12)
            serials[day.year] = serial = serials.get(day.year, 0) + 1
            number = item_number(day.year, class_code, serial)
            if n < items:
                due.append(number)
            rows.append(
                {
                    "capture_id": f"bench-{n:08d}",
                    "fonds_id": fonds_id,
                    "class_id": class_id,
                    "business_type_id": type_id,
                    "entity_id": entity_ids[n % len(entity_ids)],
                    "year": day.year,
                    "serial": serial,
                    "number": number,
                    "archival_code": archival_code(
                        template,
                        CodeParts(FONDS[0], category, day.year, retention.code, class_code, serial),
                    ),
                    "completed_on": day,
                    "title": f"参保人{n % 200}失业保险金申领",
                    "handler": "经办人",
                    "retention": retention.code,
                    "expires_on": retention.expires_on(day),
                    "status": "captured",
                    "folder": f"files/bench/{day.year}/{number}",
                    "captured_at": f"{day.isoformat()}T09:00:00+08:00",
                    "captured_by": "bench",
                }
            )
        materials: list[dict[str, Any]] = []
        for row in rows:
            folder = root / row["folder"]
            folder.mkdir(parents=True)
            for seq, size in enumerate(SIZES, start=1):
                data = os.urandom(size)
                (folder / f"{seq:02d}.jpg").write_bytes(data)
                materials.append(
                    {
                        "capture_id": row["capture_id"],
                        "seq": seq,
                        "capture_index": seq - 1,
                        "role": "form" if seq == 1 else "voucher",
                        "importance": "important",
                        "importance_given": False,
                        "origin": "scan",
                        "title": "申领登记表" if seq == 1 else "身份证复印件",
                        "file": f"{row['folder']}/{seq:02d}.jpg",
                        "original_name": f"{seq:02d}.jpg",
                        "media_type": "image/jpeg",
                        "pages": 1,
                        "size": size,
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "order_basis": [],
                    }
                )
        with archive.db.writing() as session:
            session.execute(insert(Item), rows)
            ids = dict(
                session.execute(
                    select(Item.capture_id, Item.id).where(
                        Item.capture_id.in_([r["capture_id"] for r in rows])
                    )
                ).all()
            )
            for material in materials:
                material["item_id"] = ids[material.pop("capture_id")]
            session.execute(insert(Material), materials)
            stored = session.execute(
                select(Material.id, Material.seq).where(Material.item_id.in_(list(ids.values())))
            ).all()
            now = "2026-01-01T00:00:00+00:00"
            session.execute(
                insert(PageText),
                [
                    {
                        "material_id": mid,
                        "page": 1,
                        "status": "done",
                        "source": "ocr",
                        "engine": "bench",
                        "text": f"{TEXT}{mid}",
                        "lines": [[TEXT[:20], 0, 0, 100, 20]],
                        "updated_at": now,
                    }
                    for mid, _seq in stored
                ],
            )
            session.execute(
                insert(OcrJob),
                [
                    {
                        "material_id": mid,
                        "status": "done",
                        "pages_total": 1,
                        "pages_done": 1,
                        "updated_at": now,
                    }
                    for mid, _seq in stored
                ],
            )
            for row in rows:
                audit.record(
                    session,
                    actor="bench",
                    action="item.capture",
                    target=f"item:{row['capture_id']}",
                    after={"number": row["number"]},
                )
        copies = root / "derived" / "searchable"
        copies.mkdir(parents=True, exist_ok=True)
        for mid, seq in stored:
            if seq == 1:
                (copies / f"{mid}.pdf").write_bytes(os.urandom(8_000))
        print(f"  {min(total, start + BATCH):,} items", flush=True)
    with archive.db.writing() as session:
        for year, last in serials.items():
            session.add(NumberCounter(year=year, class_id=class_id, last_serial=last))
    vouch_for_rows(archive)
    archive.close()
    return due


def timed(label: str, work: Any) -> Any:
    started = time.perf_counter()
    result = work()
    print(f"{label}: {time.perf_counter() - started:.1f} s", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10_000, help="records destroyed")
    parser.add_argument("--kept", type=int, default=2_000, help="records that stay")
    parser.add_argument("--keep", type=Path, help="build into this folder and leave it")
    args = parser.parse_args()
    passwords.use_parameters(time_cost=1, memory_kib=8)  # the bench measures no sign-in

    from archivist.disposition.appraisal import create_batch, set_opinion, sign_batch
    from archivist.disposition.destruction import (
        approve_register,
        create_registers,
        sign_register,
    )
    from archivist.disposition.execution import execute_register
    from archivist.integrity.verify import verify
    from archivist.search.service import rebuild

    work = args.keep or Path(tempfile.mkdtemp(prefix="archivist-destruction-"))
    root = work / "archive"
    if root.exists():
        shutil.rmtree(root)
    try:
        due = timed(f"build ({args.items:,} due + {args.kept:,} kept)", lambda: build(
            root, args.items, args.kept))  # fmt: skip
        archive = Archive.open(root)
        archive.sign_in("clerk", PASSWORD)
        timed("index built", lambda: rebuild(archive))
        archive.layout.backups.mkdir(exist_ok=True)
        with (
            sqlite3.connect(archive.layout.database) as source,
            sqlite3.connect(archive.layout.backups / "archive-before-bench.db") as copy,
        ):
            source.backup(copy)
        report = timed("verify before", lambda: verify(archive))
        assert report.ok, report.findings[:5]

        def appraise() -> str:
            archive.sign_in("li", PASSWORD)
            batch = create_batch(archive, as_of=dt.date(2020, 1, 1), members=MEMBERS)
            set_opinion(archive, batch.number, due, "destroy", reason="保管期满，已无保存价值")
            for name in MEMBERS:
                archive.sign_in(name, PASSWORD)
                sign_batch(archive, batch.number)
            return batch.number

        batch = timed("appraisal batch: made, opinions, three signatures", appraise)

        def register() -> str:
            archive.sign_in("clerk", PASSWORD)
            [made] = create_registers(archive, batch)
            archive.sign_in("zhang", PASSWORD)
            approve_register(archive, made.number)
            for name in ("li", "wang"):
                archive.sign_in(name, PASSWORD)
                sign_register(archive, made.number, "supervisor")
            archive.sign_in("clerk", PASSWORD)
            return made.number

        number = timed("register: made, approved, two supervisors", register)
        size_before = folder_size(root)
        db_before = archive.layout.database.stat().st_size
        result = timed(
            f"execute_register ({args.items:,} records)",
            lambda: execute_register(
                archive, number, supervisors=("li", "wang"), method="粉碎", place="销毁间"
            ),
        )
        size_after = folder_size(root)
        print("  steps: " + ", ".join(f"{name} {took:.1f} s" for name, took in result.seconds))
        report = timed("verify after", lambda: verify(archive))
        print(f"verify after: ok={report.ok}, files checked {report.files_checked:,}")
        assert report.ok, report.findings[:5]
        print(
            f"records {result.items:,}; files removed {result.files_removed:,}; "
            f"derived removed {result.derived_removed:,}; backups scrubbed "
            f"{result.backups_scrubbed}"
        )
        print(
            f"archive folder {mib(size_before)} -> {mib(size_after)} "
            f"(freed {mib(size_before - size_after)}; reported {mib(result.bytes_freed)}); "
            f"database {mib(db_before)} -> {mib(archive.layout.database.stat().st_size)}"
        )
        archive.close()
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
