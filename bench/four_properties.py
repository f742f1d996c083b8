"""Benchmark: the four-property tests (四性检测) on a year of 10,000 records.

    .venv/bin/python bench/four_properties.py                  # 10,000 records of 2023
    .venv/bin/python bench/four_properties.py --items 1000
    .venv/bin/python bench/four_properties.py --keep /tmp/four-bench   # keep the folder

Builds an archive straight through the models (bulk rows, as bench/destruction.py does:
capture is measured elsewhere) with real files the checks open: each record has a
2-page PDF form (about 6 KB) and two JPEG scans (about 10 KB each) that decode, their
SHA-256 and pages recorded, and its capture event in the audit chain. Then, timed,
`check_four(archive, "year 2023")` — every file re-hashed, opened with pikepdf or Pillow,
the first page of each PDF drawn by PDFium, the codes, numbering, metadata, chains, the
replay of the trail against the rows (the bulk rows are carried into the trail in chunks
of 2,000, as their capture events would carry them) —
with the report kept (.docx + JSON under reports/ and the four.check event). Prints the
seconds of each step and the figures per file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive_setup import FONDS, PASSWORD, add_person, new_archive, vouch_for_rows  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from archivist.archive import Archive  # noqa: E402
from archivist.changes import audit  # noqa: E402

BUSINESS_TYPE = "失业保险金申领"  # SY, 10 years
YEAR = 2023
BATCH = 2_000
VARIANTS = 16  # distinct files of each kind, reused round robin


def pdf_bytes(seed: int) -> bytes:
    pages = []
    for index in range(2):
        img = Image.new("L", (400, 560), 255)
        ImageDraw.Draw(img).text((20, 20), f"form {seed} page {index}", fill=0)
        pages.append(img)
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:])
    return out.getvalue()


def jpeg_bytes(seed: int) -> bytes:
    img = Image.new("RGB", (600, 400), (250, 250, 245))
    ImageDraw.Draw(img).text((30, 30 + seed), f"scan {seed}", fill=(0, 0, 0))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80)
    return out.getvalue()


def build(root: Path, items: int) -> None:
    from archivist.db.models import (
        ArchiveClass,
        BusinessType,
        Entity,
        Fonds,
        Item,
        Material,
        NumberCounter,
    )
    from archivist.rules.numbering import CodeParts, archival_code, item_number
    from archivist.rules.retention import parse_retention

    archive = new_archive(root)
    add_person(archive, "nightly", "夜间校验", ["verifier"], service=True)
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
    files = [
        ("application/pdf", 2, ".pdf", [pdf_bytes(n) for n in range(VARIANTS)]),
        ("image/jpeg", 1, ".jpg", [jpeg_bytes(n) for n in range(VARIANTS)]),
        ("image/jpeg", 1, ".jpg", [jpeg_bytes(100 + n) for n in range(VARIANTS)]),
    ]
    digests = [[hashlib.sha256(d).hexdigest() for d in kind[3]] for kind in files]
    with archive.db.writing() as session:
        session.execute(
            insert(Entity),
            [{"kind": "person", "name": f"参保人{n}", "id_number": None} for n in range(200)],
        )
        entity_ids = list(session.scalars(select(Entity.id)))
    for start in range(0, items, BATCH):
        rows: list[dict[str, Any]] = []
        for n in range(start, min(items, start + BATCH)):
            day = dt.date(YEAR, 1 + n % 12, 1 + n % 28)
            serial = n + 1
            number = item_number(YEAR, class_code, serial)
            rows.append(
                {
                    "capture_id": f"bench-{n:08d}",
                    "fonds_id": fonds_id,
                    "class_id": class_id,
                    "business_type_id": type_id,
                    "entity_id": entity_ids[n % len(entity_ids)],
                    "year": YEAR,
                    "serial": serial,
                    "number": number,
                    "archival_code": archival_code(
                        template,
                        CodeParts(FONDS[0], category, YEAR, retention.code, class_code, serial),
                    ),
                    "completed_on": day,
                    "title": f"参保人{n % 200}失业保险金申领",
                    "handler": "经办人",
                    "retention": retention.code,
                    "expires_on": retention.expires_on(day),
                    "status": "captured",
                    "folder": f"files/bench/{YEAR}/{number}",
                    "captured_at": f"{day.isoformat()}T09:00:00+08:00",
                    "captured_by": "bench",
                }
            )
        materials: list[dict[str, Any]] = []
        for n, row in enumerate(rows, start):
            folder = root / row["folder"]
            folder.mkdir(parents=True)
            for seq, (media_type, pages, suffix, variants) in enumerate(files, start=1):
                data = variants[n % VARIANTS]
                name = f"{seq:02d}{suffix}"
                (folder / name).write_bytes(data)
                materials.append(
                    {
                        "capture_id": row["capture_id"],
                        "seq": seq,
                        "capture_index": seq - 1,
                        "role": "form" if seq == 1 else "voucher",
                        "importance": "important",
                        "importance_given": False,
                        "origin": "electronic" if seq == 1 else "scan",
                        "title": "申领登记表" if seq == 1 else "证明材料",
                        "file": f"{row['folder']}/{name}",
                        "original_name": name,
                        "media_type": media_type,
                        "pages": pages,
                        "size": len(data),
                        "sha256": digests[seq - 1][n % VARIANTS],
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
            for row in rows:
                audit.record(
                    session,
                    actor="bench",
                    action="item.capture",
                    target=f"item:{row['capture_id']}",
                    after={"number": row["number"]},
                )
        print(f"  {min(items, start + BATCH):,} items", flush=True)
    with archive.db.writing() as session:
        session.add(NumberCounter(year=YEAR, class_id=class_id, last_serial=items))
    vouch_for_rows(archive)
    archive.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep", type=Path, default=None, help="build here and keep it")
    args = parser.parse_args()
    from archivist.integrity.four_properties import check_four

    base = args.keep or Path(tempfile.mkdtemp(prefix="four-bench-"))
    root = base / "archive"
    try:
        started = time.perf_counter()
        build(root, args.items)
        print(f"build: {time.perf_counter() - started:.1f} s", flush=True)
        with Archive.open(root) as archive:
            archive.sign_in("nightly", PASSWORD)
            started = time.perf_counter()
            report = check_four(archive, f"year {YEAR}", workers=args.workers)
            seconds = time.perf_counter() - started
        print(f"check_four (year {YEAR}): {seconds:.1f} s, ok={report.ok}", flush=True)
        print(
            f"  {report.records:,} records, {report.files:,} files: "
            f"{seconds / max(report.files, 1) * 1000:.2f} ms a file; kept {report.kept}"
        )
        for group in report.groups:
            for row in group.items:
                if not row.ok:
                    print(f"  {group.key}.{row.key}: {row.failed} failed: {row.explanation()}")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
