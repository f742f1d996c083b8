"""How long does the overdue list take with 10,000 loans out?

Issue 14 asks for "the overdue list at 10,000 loans". The bench makes an archive, captures
one generated claim and copies its item row `--loans` times (bulk rows: the list reads
items' titles, not their files), then files `--loans` loans of one item each: the first
`--through-services` made through the services (request by an archivist, approval by a
head, `lend`), the rest as bulk rows of the same shape (status out, lent on a day of the
past year, due 30 days later, one target out). Then it times, `--rounds` times each,
`archivist.use.lending.overdue(archive, as_of)` (about two thirds of the loans overdue,
with their borrower, phone and the titles of what is out; one access event) and
`due_soon(archive, as_of, 7)`.

    .venv/bin/python bench/overdue_list.py                  # 10,000 loans
    .venv/bin/python bench/overdue_list.py --loans 50000 --rounds 3

Prints the milliseconds (median, min, max over the rounds) and the number listed.
Everything lives in a temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sized
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from archive_setup import ADMINISTRATORS, PASSWORD  # noqa: E402
from corpus import machine, table  # noqa: E402
from PIL import Image  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from archivist.accounts import directory, passwords  # noqa: E402
from archivist.archive import Archive  # noqa: E402
from archivist.capture.pipeline import capture_from_manifest  # noqa: E402
from archivist.db.models import Item, UseRequest, UseTarget  # noqa: E402
from archivist.use import lending  # noqa: E402
from archivist.use.requests import Borrower, approve, create_request  # noqa: E402

AS_OF = dt.date(2026, 1, 1)


def add_person(archive: Archive, name: str, role: str) -> None:
    archive.sign_in("admin", PASSWORD)
    directory.add_account(archive, name, name, PASSWORD + "-first")
    archive.sign_in("security", PASSWORD)
    directory.grant_role(archive, name, role, "基准测试：岗位分配")
    archive.sign_in(name, PASSWORD + "-first")
    directory.change_own_password(archive, PASSWORD + "-first", PASSWORD)


def one_claim(folder: Path) -> Path:
    folder.mkdir(parents=True)
    Image.new("L", (600, 800), 255).save(folder / "form.jpg", "JPEG")
    manifest = {
        "class": "SY",
        "business_type": "失业保险金申领",
        "completed_on": "2023-05-12",
        "entity": {"kind": "person", "name": "张三", "id_number": "11010519491231002X"},
        "title": "张三失业保险金申领",
        "handler": "王五",
        "materials": [{"file": "form.jpg", "role": "form", "title": "失业保险金申领登记表"}],
    }
    path = folder / "manifest.json"
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return path


def copy_items(archive: Archive, count: int) -> list[tuple[int, str]]:
    """`count` item rows like the one captured (numbers 2023-SY-000002 …)."""
    with archive.db.writing() as session:
        first = session.scalars(select(Item)).one()
        columns = {c.key: getattr(first, c.key) for c in Item.__table__.columns if c.key != "id"}
        rows = []
        for serial in range(2, count + 1):
            row = dict(columns)
            row.update(
                capture_id=str(uuid.uuid4()),
                serial=serial,
                number=f"2023-SY-{serial:06d}",
                archival_code=f"{first.archival_code}-{serial:06d}",
                title=f"{first.title}（{serial}）",
            )
            rows.append(row)
        for at in range(0, len(rows), 5000):
            session.execute(insert(Item), rows[at : at + 5000])
        session.flush()
        return [(r.id, r.number) for r in session.execute(select(Item.id, Item.number))]


def bulk_loans(archive: Archive, item_ids: list[int], start_serial: int) -> None:
    """One loan per item, out since a day of 2025, due 30 days later."""
    requests: list[dict[str, Any]] = []
    targets: list[dict[str, Any]] = []
    for offset in range(len(item_ids)):
        serial = start_serial + offset
        lent = dt.date(2025, 1, 1) + dt.timedelta(days=offset % 365)
        requests.append(
            {
                "number": f"LY-2025-{serial:05d}",
                "year": 2025,
                "serial": serial,
                "kind": "lend",
                "status": "out",
                "requested_by": "clerk",
                "borrower_kind": "person",
                "borrower_name": f"借阅人{serial}",
                "borrower_id_number": None,
                "borrower_unit": "某街道",
                "borrower_phone": "0000",
                "borrower_account": None,
                "purpose": "核对待遇",
                "days": 30,
                "created_at": f"{lent.isoformat()}T09:00:00+08:00",
                "decided_by": "fuzeren",
                "decided_at": f"{lent.isoformat()}T09:30:00+08:00",
                "refusal": "",
                "lent_on": lent,
                "due_on": lent + dt.timedelta(days=30),
                "effect": "",
            }
        )
    with archive.db.writing() as session:
        for at in range(0, len(requests), 5000):
            session.execute(insert(UseRequest), requests[at : at + 5000])
        ids = dict(
            session.execute(
                select(UseRequest.number, UseRequest.id).where(UseRequest.year == 2025)
            ).all()
        )
        for request, item_id in zip(requests, item_ids, strict=True):
            targets.append(
                {
                    "request_id": ids[request["number"]],
                    "seq": 1,
                    "kind": "item",
                    "code": f"item-{item_id}",
                    "item_id": item_id,
                    "state": "out",
                    "note": "",
                }
            )
        for at in range(0, len(targets), 5000):
            session.execute(insert(UseTarget), targets[at : at + 5000])


def timed(rounds: int, work: Callable[[], Sized]) -> tuple[list[float], int]:
    times: list[float] = []
    count = 0
    for _ in range(rounds):
        began = time.perf_counter()
        count = len(work())
        times.append((time.perf_counter() - began) * 1000)
    return times, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--loans", type=int, default=10_000)
    parser.add_argument("--through-services", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    passwords.use_parameters(time_cost=1, memory_kib=8)  # this bench times the list
    folder = Path(tempfile.mkdtemp(prefix="overdue-bench-"))
    try:
        archive = Archive.init(folder / "archive", "B001", "基准测试全宗", ADMINISTRATORS)
        add_person(archive, "clerk", "archivist")
        add_person(archive, "fuzeren", "head")
        archive.sign_in("clerk", PASSWORD)
        capture_from_manifest(archive, one_claim(folder / "claim"))
        began = time.perf_counter()
        items = copy_items(archive, args.loans)
        served = min(args.through_services, len(items))
        for _item_id, number in items[:served]:
            made = create_request(archive, "lend", Borrower("李四"), "核对", items=[number])
            archive.sign_in("fuzeren", PASSWORD)
            approve(archive, made.number)
            archive.sign_in("clerk", PASSWORD)
            lending.lend(archive, made.number, on=dt.date(2025, 6, 1))
        bulk_loans(archive, [item_id for item_id, _ in items[served:]], served + 1)
        built = time.perf_counter() - began
        late_ms, late = timed(args.rounds, lambda: lending.overdue(archive, AS_OF))
        soon_ms, soon = timed(args.rounds, lambda: lending.due_soon(archive, AS_OF, 7))
        archive.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{args.loans} loans out ({served} through the services), built in {built:.1f} s")
    print(f"as of {AS_OF.isoformat()}, {args.rounds} rounds; {machine()['cpu']}")
    rows = [
        (
            name,
            count,
            round(statistics.median(ms), 1),
            round(min(ms), 1),
            round(max(ms), 1),
        )
        for name, count, ms in (
            ("overdue", late, late_ms),
            ("due_soon (7 days)", soon, soon_ms),
        )
    ]
    print(table(("list", "loans listed", "median ms", "min ms", "max ms"), rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
