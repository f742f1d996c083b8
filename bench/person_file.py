"""Benchmark: the person file (一人一档) of one ID number in an archive of 100,000 items.

    .venv/bin/python bench/person_file.py [--items 100000] [--repeats 20] [--keep DIR]

Builds an archive of synthetic items straight through the models in a few big
transactions (bulk rows, as bench/browse_scale.py does: capture through the core is
measured elsewhere): persons and units, each item with its person or unit, a form and a
voucher, a roster of one to three people (the voucher's person among them), and a
benefit event on every twentieth item. One person — the one measured — is the subject of
a dozen items, on the roster of a dozen more and the voucher's person of some, spread
over years and classes, with benefit events under a mistyped name; a third of their
items are boxed and shelved.

Then, signed in as an archivist, it times `person_file(archive, ID)` — the whole call:
the rights check, the queries, where each item is, what is on loan, and the access event
it writes — `--repeats` times, and prints the median and the slowest (target: under
100 ms), with the build time and what the file found. `--keep DIR` builds once into DIR
and reuses it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive_setup import ADMINISTRATORS, FONDS, PASSWORD  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from archivist.accounts import directory, passwords  # noqa: E402
from archivist.archive import Archive  # noqa: E402
from archivist.rules.identity import id_check_character, uscc_check_character  # noqa: E402

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文斌宇浩然"
BATCH = 20_000
SUBJECT_NAME = "贺晓东"
SUBJECT_TYPO = "贺晓冬"


def id_number(serial: int) -> str:
    born = dt.date(1950, 1, 1) + dt.timedelta(days=serial % 18_000)
    first17 = f"150102{born:%Y%m%d}{serial // 18_000 % 1000:03d}"
    return first17 + id_check_character(first17)


def unit_code(serial: int) -> str:
    first17 = f"911501{serial:011d}"
    return first17 + uscc_check_character(first17)


def build(root: Path, count: int, seed: int = 14) -> str:
    """The archive; returns the measured person's ID number."""
    from archivist.db.models import (
        ArchiveClass,
        BenefitEvent,
        Box,
        BoxItem,
        BusinessType,
        Entity,
        Fonds,
        Item,
        Location,
        Material,
        NumberCounter,
        RosterEntry,
    )
    from archivist.rules.numbering import CodeParts, archival_code, item_number
    from archivist.rules.retention import parse_retention

    rng = random.Random(seed)
    archive = Archive.init(root, *FONDS, ADMINISTRATORS)
    template = archive.setting("archival_code_template")
    category = archive.setting("category_code")
    with archive.db.reading() as session:
        fonds_id = session.scalar(select(Fonds.id))
        types: list[tuple[int, str, int, str, str]] = []
        for klass in session.scalars(select(ArchiveClass)):
            for bt in session.scalars(
                select(BusinessType).where(BusinessType.class_id == klass.id)
            ):
                code = bt.retention or klass.default_retention
                if code is None or code == "ACCOUNTING":
                    continue
                types.append((klass.id, klass.code, bt.id, bt.name, parse_retention(code).code))

    people = max(100, count // 3)
    units = max(10, count // 50)
    entities: list[dict[str, Any]] = [
        {"kind": "person", "name": SUBJECT_NAME, "id_number": id_number(0)}
    ]
    for n in range(1, people):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        entities.append({"kind": "person", "name": name, "id_number": id_number(n)})
    for n in range(units):
        entities.append(
            {"kind": "unit", "name": f"示例市第{n}号有限公司", "unit_code": unit_code(n)}
        )
    with archive.db.writing() as session:
        for start in range(0, len(entities), BATCH):
            session.execute(insert(Entity), entities[start : start + BATCH])
        rows = session.execute(select(Entity.id, Entity.kind, Entity.name, Entity.id_number))
        person_ids: list[tuple[int, str]] = []
        unit_ids: list[int] = []
        subject = 0
        for eid, kind, name, number in rows:
            if kind == "unit":
                unit_ids.append(eid)
            else:
                person_ids.append((eid, name))
                if number == id_number(0):
                    subject = eid
    subject_items = set(rng.sample(range(count), 12))
    subject_roster = set(rng.sample(range(count), 12)) - subject_items
    serials: dict[tuple[int, int], int] = {}
    first = dt.date(2005, 1, 1)
    span = (dt.date(2025, 12, 31) - first).days
    made = 0
    for start in range(0, count, BATCH):
        size = min(BATCH, count - start)
        days = sorted(first + dt.timedelta(days=rng.randrange(span)) for _ in range(size))
        items: list[dict[str, Any]] = []
        plans: list[tuple[list[tuple[int | None, str]], int]] = []
        for n, day in enumerate(days, start=start):
            class_id, class_code, bt_id, bt_name, retention = rng.choice(types)
            key = (day.year, class_id)
            serials[key] = serial = serials.get(key, 0) + 1
            if n in subject_items:
                owner, owner_name, kind = subject, SUBJECT_NAME, "person"
            elif rng.random() < 0.3:
                owner, owner_name, kind = rng.choice(unit_ids), "单位", "unit"
            else:
                owner, owner_name = rng.choice(person_ids)
                kind = "person"
            roster: list[tuple[int | None, str]] = []
            if kind == "person":
                roster.append((owner, owner_name))
            for _ in range(rng.randint(0 if kind == "person" else 1, 2)):
                roster.append(rng.choice(person_ids))
            if n in subject_roster:
                roster.append((subject, SUBJECT_NAME))
            plans.append((roster, len(roster) - 1 if n in subject_roster else 0))
            items.append(
                {
                    "capture_id": f"bench-{n:08d}",
                    "fonds_id": fonds_id,
                    "class_id": class_id,
                    "business_type_id": bt_id,
                    "entity_id": owner,
                    "year": day.year,
                    "serial": serial,
                    "number": item_number(day.year, class_code, serial),
                    "archival_code": archival_code(
                        template,
                        CodeParts(FONDS[0], category, day.year, retention, class_code, serial),
                    ),
                    "completed_on": day,
                    "title": f"{owner_name}{bt_name}",
                    "handler": rng.choice(SURNAMES) + rng.choice(GIVEN),
                    "retention": retention,
                    "expires_on": parse_retention(retention).expires_on(day),
                    "status": "captured",
                    "folder": f"files/bench/{n:08d}",
                    "captured_at": f"{day.isoformat()}T09:00:00+08:00",
                    "captured_by": "bench",
                }
            )
        with archive.db.writing() as session:
            session.execute(insert(Item), items)
            ids = dict(
                session.execute(
                    select(Item.capture_id, Item.id).where(
                        Item.capture_id.in_([r["capture_id"] for r in items])
                    )
                ).all()
            )
            materials: list[dict[str, Any]] = []
            rosters: list[dict[str, Any]] = []
            events: list[dict[str, Any]] = []
            for row, (roster, voucher_at) in zip(items, plans, strict=True):
                item_id = ids[row["capture_id"]]
                for seq, role in ((1, "form"), (2, "voucher")):
                    person_id, person_name = roster[voucher_at] if roster else (None, None)
                    materials.append(
                        {
                            "item_id": item_id,
                            "seq": seq,
                            "capture_index": seq - 1,
                            "role": role,
                            "importance": "important",
                            "importance_given": False,
                            "person_entity_id": person_id if role == "voucher" else None,
                            "person_name": person_name if role == "voucher" else None,
                            "origin": "scan",
                            "title": "申请表" if role == "form" else "身份证复印件",
                            "file": f"{row['folder']}/{seq}.jpg",
                            "original_name": f"{seq}.jpg",
                            "media_type": "image/jpeg",
                            "pages": 1,
                            "size": 1000,
                            "sha256": f"{item_id:064x}",
                            "order_basis": [],
                        }
                    )
                is_subject = row["entity_id"] == subject
                for position, (person_id, person_name) in enumerate(roster, start=1):
                    # half the rosters naming the subject lost the link: the voucher keeps it
                    unlinked = person_id == subject and not is_subject and item_id % 2 == 1
                    rosters.append(
                        {
                            "item_id": item_id,
                            "position": position,
                            "name": person_name,
                            "entity_id": None if unlinked else person_id,
                        }
                    )
                if is_subject or made % 20 == 0:
                    person_id, person_name = roster[0] if roster else (None, "某人")
                    events.append(
                        {
                            "item_id": item_id,
                            "kind": rng.choice(("review_change", "reissue", "recovery")),
                            "person_name": SUBJECT_TYPO if is_subject else person_name,
                            "person_id_number": id_number(0) if is_subject else None,
                            "entity_id": person_id,
                            "amount_fen": rng.randrange(10_000, 500_000),
                            "period_from": None,
                            "period_to": None,
                            "bank_change": "",
                            "happened_on": row["completed_on"],
                            "note": "",
                            "created_at": row["captured_at"],
                        }
                    )
                made += 1
            session.execute(insert(Material), materials)
            session.execute(insert(RosterEntry), rosters)
            if events:
                session.execute(insert(BenefitEvent), events)
        print(f"  {start + size:,} items", flush=True)
    with archive.db.writing() as session:
        for (year, class_id), last in serials.items():
            session.add(NumberCounter(year=year, class_id=class_id, last_serial=last))
        # a third of the subject's own items boxed and shelved
        location = Location(room="1", shelf=1, column_no=1, layer=1, code="1-01-01-01")
        session.add(location)
        session.flush()
        own = list(session.scalars(select(Item).where(Item.entity_id == subject)))[:4]
        for index, item in enumerate(own, start=1):
            box = Box(
                fonds_id=fonds_id,
                number=index,
                code=f"{FONDS[0]}-{item.year}-{index:04d}",
                year=item.year,
                class_id=item.class_id,
                retention=item.retention,
                kind="items",
                location_id=location.id,
                created_at=item.captured_at,
            )
            session.add(box)
            session.flush()
            session.add(BoxItem(box_id=box.id, item_id=item.id, seq=1))
    archive.sign_in("admin", PASSWORD)
    directory.add_account(archive, "clerk", "档案员", PASSWORD + "-first")
    archive.sign_in("security", PASSWORD)
    directory.grant_role(archive, "clerk", "archivist", "基准测试：岗位分配")
    archive.sign_in("clerk", PASSWORD + "-first")
    directory.change_own_password(archive, PASSWORD + "-first", PASSWORD)
    archive.close()
    return id_number(0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--keep", type=Path, default=None, help="build once into DIR, reuse")
    args = parser.parse_args()
    passwords.use_parameters(time_cost=1, memory_kib=8)  # this bench measures no sign-in

    from archivist.access.person_file import person_file

    temp = None
    if args.keep is not None:
        root = args.keep
    else:
        temp = Path(tempfile.mkdtemp(prefix="person-file-"))
        root = temp / "archive"
    try:
        if not (root / "archive.db").exists():
            started = time.perf_counter()
            print(f"building {args.items:,} items in {root} …", flush=True)
            build(root, args.items)
            print(f"built in {time.perf_counter() - started:.1f} s", flush=True)
        subject = id_number(0)
        archive = Archive.open(root, reconcile=False)
        archive.sign_in("clerk", PASSWORD)
        found = person_file(archive, subject)  # warm: the first call loads modules
        times = []
        for _ in range(args.repeats):
            started = time.perf_counter()
            found = person_file(archive, subject)
            times.append((time.perf_counter() - started) * 1000)
        hows = {
            how: sum(1 for e in found.entries if e.how == how)
            for how in ("entity", "roster", "voucher")
        }
        print(
            f"person file of one ID number, {args.items:,} items: "
            f"{len(found.entries)} items ({hows}), {len(found.events)} benefit events, "
            f"names {'、'.join(found.who.names)}"
        )
        print(
            f"  median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms "
            f"over {args.repeats} calls (target: under 100 ms)"
        )
        by_name = []
        for _ in range(max(3, args.repeats // 4)):
            started = time.perf_counter()
            person_file(archive, SUBJECT_NAME)
            by_name.append((time.perf_counter() - started) * 1000)
        print(f"  by name ({SUBJECT_NAME}): median {statistics.median(by_name):.1f} ms")
        archive.close()
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    main()
