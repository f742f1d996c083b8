"""How long do filing a year into volumes and assembling a volume's PDF take?

Issue 5 asks for "volume build and register generation time for a year of 10,000 items".
This bench covers the volume side: it builds an archive of N items of one year and one
class straight through the SQLAlchemy models (a few big transactions, as
bench/browse_scale.py does: capture through the core is measured elsewhere), each item
with one one-page scan (a hard link to one A4 JPEG at 150 dpi, about the size of a real
greyscale scan), then times

  1. volumes.build(year, class, "month"): grouping, time order, case numbers, page
     numbers (the class is kept 50 years, so every volume is page-numbered), audit;
  2. volume_pdf.assemble for one month's volume (the biggest; --by quarter or --by year
     for bigger ones): hash check of every stored file, cover and contents list, the
     material pages, page-number stamps, notes sheet, written atomically.

    .venv/bin/python bench/volume_build.py                 # 10,000 items
    .venv/bin/python bench/volume_build.py --items 2000
    .venv/bin/python bench/volume_build.py --keep /tmp/vol10k   # build once, reuse
    .venv/bin/python bench/volume_build.py --keep /tmp/vol10k --by year   # one big volume
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.archive_setup import new_clerks_archive, open_as_clerk  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国玉志海燕红梅春"
CLASS = "GS"
PAGED_TYPES = ("工伤认定", "工伤人员登记变动", "伤残工亡待遇核定")  # all kept 50 years
BATCH = 5000
LINKS_PER_FILE = 60_000  # a file has fewer than 65,000 hard links on ext4


def _id_number(serial: int) -> str:
    from archivist.rules.identity import id_check_character

    born = dt.date(1950, 1, 1) + dt.timedelta(days=serial * 7919 % 18250)
    first17 = f"150102{born:%Y%m%d}{serial % 1000:03d}"
    return first17 + id_check_character(first17)


def _sample_scan(path: Path, seed: int) -> None:
    """A greyscale A4 form at 150 dpi with ruled boxes and scribbles (JPEG, ~150 KB)."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    img = Image.new("L", (1240, 1754), 248)
    draw = ImageDraw.Draw(img)
    draw.rectangle((90, 160, 1150, 1600), outline=30, width=3)
    for y in range(220, 1600, 70):
        draw.line((90, y, 1150, y), fill=60, width=2)
        for _ in range(rng.randint(3, 9)):
            x = rng.randint(110, 1050)
            draw.line((x, y - 40, x + rng.randint(20, 90), y - 15), fill=20, width=3)
    noise = Image.effect_noise((1240, 1754), 12).point(lambda v: v - 128)
    img = Image.blend(img, noise.convert("L"), 0.08)
    img.save(path, "JPEG", quality=75, dpi=(150, 150))


def build(root: Path, count: int, year: int, seed: int = 11) -> None:
    """An archive of `count` items of one year and class, each with one one-page scan."""
    from sqlalchemy import insert, select

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
    from archivist.rules.ordering import OrderInput, arrange
    from archivist.rules.retention import parse_retention

    rng = random.Random(seed)
    archive = new_clerks_archive(root, ("J023", "呼和浩特市社会保险事业服务中心"))
    template = archive.setting("archival_code_template")
    category = archive.setting("category_code")
    basis = arrange([OrderInput(capture_index=0, role="form", title="申请表")])[0].basis
    sample = root / "files" / "sample.jpg"
    sample.parent.mkdir(parents=True, exist_ok=True)
    _sample_scan(sample, seed)
    sample_size = sample.stat().st_size
    sample_sha = hashlib.sha256(sample.read_bytes()).hexdigest()
    bench_files = root / "files" / "bench"
    bench_files.mkdir()

    with archive.db.writing() as session:
        fonds_id = session.scalar(select(Fonds.id))
        klass = session.scalars(select(ArchiveClass).where(ArchiveClass.code == CLASS)).one()
        class_id = klass.id
        types = [
            (bt.id, bt.name, parse_retention(bt.retention or klass.default_retention or "").code)
            for bt in session.scalars(
                select(BusinessType).where(
                    BusinessType.class_id == class_id, BusinessType.name.in_(PAGED_TYPES)
                )
            )
        ]
    people = [
        {
            "kind": "person",
            "name": rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2)),
            "id_number": _id_number(n),
        }
        for n in range(max(10, count // 3))
    ]
    with archive.db.writing() as session:
        for start in range(0, len(people), BATCH):
            session.execute(insert(Entity), people[start : start + BATCH])
        entities = list(session.execute(select(Entity.id, Entity.name)))

    first = dt.date(year, 1, 1)
    days = sorted(first + dt.timedelta(days=rng.randrange(365)) for _ in range(count))
    source = sample
    for start in range(0, count, BATCH):
        rows: list[dict[str, Any]] = []
        for serial, day in enumerate(days[start : start + BATCH], start=start + 1):
            bt_id, bt_name, retention = rng.choice(types)
            entity_id, entity_name = rng.choice(entities)
            rows.append(
                {
                    "capture_id": f"bench-{serial:08d}",
                    "fonds_id": fonds_id,
                    "class_id": class_id,
                    "business_type_id": bt_id,
                    "entity_id": entity_id,
                    "year": year,
                    "serial": serial,
                    "number": item_number(year, CLASS, serial),
                    "archival_code": archival_code(
                        template, CodeParts("J023", category, year, retention, CLASS, serial)
                    ),
                    "completed_on": day,
                    "title": f"{entity_name}{bt_name}",
                    "handler": rng.choice(SURNAMES) + rng.choice(GIVEN),
                    "retention": retention,
                    "expires_on": parse_retention(retention).expires_on(day),
                    "status": "captured",
                    "folder": f"files/bench/{serial:08d}",
                    "captured_at": f"{day.isoformat()}T09:00:00+08:00",
                    "captured_by": "bench",
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
            materials = []
            for index, row in enumerate(rows, start=start):
                if index % LINKS_PER_FILE == 0:
                    source = bench_files.parent / f"sample-{index}.jpg"
                    shutil.copyfile(sample, source)
                name = f"{row['capture_id']}.jpg"
                os.link(source, bench_files / name)
                materials.append(
                    {
                        "item_id": ids[row["capture_id"]],
                        "seq": 1,
                        "capture_index": 0,
                        "role": "form",
                        "importance": "important",
                        "importance_given": False,
                        "origin": "scan",
                        "title": "申请表",
                        "file": f"files/bench/{name}",
                        "original_name": "申请表.jpg",
                        "media_type": "image/jpeg",
                        "pages": 1,
                        "size": sample_size,
                        "sha256": sample_sha,
                        "order_basis": basis,
                    }
                )
            session.execute(insert(Material), materials)
        print(f"  {start + len(rows):,} items", flush=True)
    with archive.db.writing() as session:
        session.add(NumberCounter(year=year, class_id=class_id, last_serial=count))
    archive.close()


def _registers(archive: Any, year: int, volume: str, out: Path) -> list[tuple[str, int, float]]:
    """Seconds to generate each register from the archive: (kind, rows, seconds)."""
    from archivist.registers.forms import Selection, generate

    timed: list[tuple[str, int, float]] = []
    for kind, selection, suffix in (
        ("item-list", Selection(year=year, class_code=CLASS), ".docx"),
        ("item-list", Selection(year=year, class_code=CLASS), ".xlsx"),
        ("volume-list", Selection(year=year, class_code=CLASS), ".docx"),
        ("volume-cover", Selection(volume=volume), ".docx"),
        ("volume-contents", Selection(volume=volume), ".docx"),
        ("volume-notes", Selection(volume=volume), ".docx"),
    ):
        started = time.perf_counter()
        result = generate(archive, kind, out / f"bench-{kind}{suffix}", selection)
        timed.append((f"{kind}{suffix}", int(result["rows"]), time.perf_counter() - started))
    return timed


def measure(root: Path, year: int, by: str) -> dict[str, Any]:
    from archivist.arrangement import volume_pdf, volumes

    facts: dict[str, Any] = {}
    with open_as_clerk(root) as archive:
        facts["items"] = archive.summary()["items"]
        started = time.perf_counter()
        made = volumes.build(archive, year, CLASS, by)
        facts["build_s"] = time.perf_counter() - started
        facts["volumes"] = len(made)
        biggest = max(made, key=lambda v: v.items)
        facts["volume"] = biggest
        started = time.perf_counter()
        result = volume_pdf.assemble_volume(archive, biggest.code)
        facts["assemble_s"] = time.perf_counter() - started
        facts["result"] = result
        facts["pdf_mb"] = result.path.stat().st_size / 1e6
        out = root.parent / "registers"  # never inside the archive folder
        out.mkdir(exist_ok=True)
        facts["registers"] = _registers(archive, year, biggest.code, out)
        facts["sample_kb"] = (root / "files" / "sample.jpg").stat().st_size / 1e3
    facts["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return facts


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--year", type=int, default=2023)
    parser.add_argument("--keep", type=Path, default=None, help="build here once and reuse it")
    parser.add_argument(
        "--by", choices=("month", "quarter", "year"), default="month", help="volumes by"
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="archivist-volume-bench-"))
    os.environ["ARCHIVIST_CONFIG_DIR"] = str(work / "config")
    root = args.keep or work / "archive"
    try:
        if args.keep and (root / "archive.json").exists():
            # reuse: drop the volumes a previous run made (build files unfiled items only)
            from sqlalchemy import delete

            from archivist.db.models import Volume, VolumeItem

            with open_as_clerk(root) as archive, archive.db.writing() as session:
                session.execute(delete(VolumeItem))
                session.execute(delete(Volume))
        else:
            print(f"building an archive of {args.items:,} items in {root} …", flush=True)
            started = time.perf_counter()
            build(root, args.items, args.year)
            print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
        print("measuring …", flush=True)
        facts = measure(root, args.year, args.by)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # with --keep it holds only the config

    result = facts["result"]
    volume = facts["volume"]
    print()
    print(
        f"cores {os.cpu_count()}, load {os.getloadavg()[0]:.1f}; {facts['items']:,} items of "
        f"{args.year}, class {CLASS} (kept 50 years: page-numbered), one one-page "
        f"{facts['sample_kb']:.0f} KB JPEG scan each"
    )
    print(
        f"volumes.build by {args.by}: {facts['build_s']:.2f} s for {facts['items']:,} items → "
        f"{facts['volumes']} volumes ({facts['items'] / facts['build_s']:,.0f} items/s)"
    )
    print(
        f"volume_pdf.assemble {volume.code} ({volume.items:,} items, "
        f"{result.material_pages:,} material pages, {result.contents_pages} contents pages, "
        f"{result.pages:,} pages in all): {facts['assemble_s']:.2f} s "
        f"({result.pages / facts['assemble_s']:,.0f} pages/s, "
        f"{volume.items / facts['assemble_s']:,.0f} items/s); "
        f"{facts['pdf_mb']:.0f} MB written"
    )
    for kind, rows, seconds in facts["registers"]:
        print(f"register {kind}: {rows:,} rows in {seconds:.2f} s")
    print(f"peak memory (RSS) {facts['max_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
