"""How long does the appraisal due list take at 100,000 items?

Issue 15 asks for "the due list at 100,000 items". The bench builds the archive of
bench/person_file.py (synthetic items of 2005–2025 in bulk rows, their retention and
expiry as capture gives them), files a third of the items into year volumes of up to 50
(bulk rows, as volumes.build would), places holds on 50 items and on 5 volumes through
the service, then times, signed in as an archivist, `due_list(archive, as_of)` and
`due_list(archive, as_of, within_years=10)` — the whole call: the rights check, the
queries, the grouping and the access event — `--rounds` times each.

    .venv/bin/python bench/due_list.py                      # 100,000 items
    .venv/bin/python bench/due_list.py --items 20000 --rounds 5
    .venv/bin/python bench/due_list.py --keep /tmp/due-bench  # build once, reuse

Prints the milliseconds (median, min, max) and what was listed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from person_file import FONDS, PASSWORD, build  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from archivist.accounts import passwords  # noqa: E402
from archivist.archive import Archive  # noqa: E402
from archivist.db.models import Fonds, Item, Volume, VolumeItem  # noqa: E402
from archivist.disposition.due import due_list  # noqa: E402
from archivist.disposition.holds import place_hold  # noqa: E402

AS_OF = dt.date(2026, 1, 1)
PER_VOLUME = 50


def file_volumes(archive: Archive) -> list[str]:
    """A third of the items (every third by id) in year volumes of up to 50 items of one
    year, class and retention; returns the volumes' codes."""
    with archive.db.writing() as session:
        fonds_id = session.scalar(select(Fonds.id))
        rows = session.execute(
            select(Item.id, Item.year, Item.class_id, Item.retention)
            .where(Item.id % 3 == 0)
            .order_by(Item.class_id, Item.year, Item.retention, Item.completed_on, Item.id)
        ).all()
        groups: dict[tuple[int, int, str], list[int]] = {}
        for item_id, year, class_id, retention in rows:
            groups.setdefault((year, class_id, retention), []).append(item_id)
        volumes: list[dict[str, Any]] = []
        members: list[list[int]] = []
        for (year, class_id, retention), ids in groups.items():
            for start in range(0, len(ids), PER_VOLUME):
                case_no = len(volumes) + 1
                volumes.append(
                    {
                        "code": f"{FONDS[0]}-B-{case_no:05d}",
                        "fonds_id": fonds_id,
                        "catalogue": "B",
                        "case_no": case_no,
                        "class_id": class_id,
                        "year": year,
                        "retention": retention,
                        "period": "year",
                        "period_key": str(year),
                        "title": f"{year}年基准测试案卷{case_no}",
                        "created_at": f"{year + 1}-01-10T09:00:00+08:00",
                        "created_by": "bench",
                    }
                )
                members.append(ids[start : start + PER_VOLUME])
        session.execute(insert(Volume), volumes)
        ids_of = dict(session.execute(select(Volume.code, Volume.id)).all())
        entries = [
            {"volume_id": ids_of[volume["code"]], "item_id": item_id, "seq": seq}
            for volume, items in zip(volumes, members, strict=True)
            for seq, item_id in enumerate(items, start=1)
        ]
        session.execute(insert(VolumeItem), entries)
    return [v["code"] for v in volumes]


def place_holds(archive: Archive, volume_codes: list[str]) -> None:
    with archive.db.reading() as session:
        numbers = list(
            session.scalars(select(Item.number).where(Item.id % 3 != 0).order_by(Item.id).limit(50))
        )
    place_hold(archive, items=numbers, kind="dispute", reason="基准测试：争议未决")
    for code in volume_codes[:: max(1, len(volume_codes) // 5)][:5]:
        place_hold(archive, volume=code, kind="audit", reason="基准测试：审计")


def timed(rounds: int, call: Any) -> tuple[list[float], Any]:
    found = call()  # warm: the first call loads modules
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        found = call()
        times.append((time.perf_counter() - started) * 1000)
    return times, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None, help="build once into DIR, reuse")
    args = parser.parse_args()
    passwords.use_parameters(time_cost=1, memory_kib=8)  # this bench measures no sign-in

    temp = None
    if args.keep is not None:
        root = args.keep
    else:
        temp = Path(tempfile.mkdtemp(prefix="due-list-"))
        root = temp / "archive"
    try:
        fresh = not (root / "archive.db").exists()
        if fresh:
            started = time.perf_counter()
            print(f"building {args.items:,} items in {root} …", flush=True)
            build(root, args.items)
        archive = Archive.open(root, reconcile=False)
        archive.sign_in("clerk", PASSWORD)
        if fresh:
            place_holds(archive, file_volumes(archive))
            print(f"built in {time.perf_counter() - started:.1f} s", flush=True)
        for label, within in (("due", 0), ("due + next 10 years", 10)):
            times, found = timed(
                args.rounds, lambda w=within: due_list(archive, AS_OF, within_years=w)
            )
            print(
                f"{label} as of {AS_OF}, {args.items:,} items: {len(found.due_rows):,} due, "
                f"{len(found.planned_rows):,} planned, {len(found.groups)} groups, "
                f"{len(found.volumes):,} whole volumes, {found.held} held left out"
            )
            print(
                f"  median {statistics.median(times):.0f} ms "
                f"(min {min(times):.0f}, max {max(times):.0f}) over {args.rounds} rounds"
            )
        archive.close()
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    main()
