"""Is the window smooth with 100,000 items?

Builds an archive of synthetic items straight through the SQLAlchemy models (a few
big transactions: capture through the core would take hours and is measured
elsewhere), each with its entity (units and persons) and one material (a hard link
to one small JPEG, so the page viewer has something real to show). Then opens the
real main window (offscreen unless a display is set) and times what a person does:
open the window and see the first page of the table, load the table's ids, scroll to
the end and to the middle, sort by each sortable column both ways, filter by class,
year, month and unit/person in the navigation tree and by text in the filter box.

Each step is started from the event loop; its time runs until the table has its new
rows and has painted them. A 10 ms timer measures the event loop meanwhile: a tick
that comes late is a stall. The target is no stall over 100 ms.

    .venv/bin/python bench/browse_scale.py --items 100000
    .venv/bin/python bench/browse_scale.py --keep /tmp/browse100k   # build once, reuse
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.archive_setup import new_clerks_archive  # noqa: E402
from bench.ui_responsiveness import StallMeter  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰志强海燕红梅春"
CITIES = [
    "呼和浩特",
    "包头",
    "乌海",
    "赤峰",
    "通辽",
    "鄂尔多斯",
    "呼伦贝尔",
    "巴彦淖尔",
    "乌兰察布",
]
TRADES = [
    "建筑",
    "机械",
    "食品",
    "纺织",
    "化工",
    "物流",
    "商贸",
    "电子",
    "能源",
    "乳业",
    "农牧",
    "医药",
]
FORMS = ["有限公司", "有限责任公司", "股份有限公司", "厂", "合作社"]
BATCH = 20000


def _id_number(serial: int) -> str:
    """Distinct for up to 73,000 serials (birth day and sequence both follow it)."""
    from archivist.rules.identity import id_check_character

    born = dt.date(1950, 1, 1) + dt.timedelta(days=serial * 7919 % 18250)
    first17 = f"150102{born:%Y%m%d}{serial % 1000:03d}"
    return first17 + id_check_character(first17)


def _unit_code(serial: int) -> str:
    from archivist.rules.identity import uscc_check_character

    first17 = f"911501{serial:011d}"
    return first17 + uscc_check_character(first17)


def build(root: Path, count: int, seed: int = 7) -> None:
    """An archive of `count` items, each with an entity and one one-page material."""
    from PIL import Image
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
    Image.new("L", (850, 1200), 250).save(sample, "JPEG", quality=60)
    sample_size = sample.stat().st_size
    sample_sha = hashlib.sha256(sample.read_bytes()).hexdigest()
    bench_files = root / "files" / "bench"
    bench_files.mkdir()

    with archive.db.writing() as session:
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

    entity_count = max(10, count // 4)
    units = entity_count // 5
    entities: list[dict[str, Any]] = []
    for n in range(entity_count):
        if n < units:
            name = f"{rng.choice(CITIES)}市{rng.choice(SURNAMES)}{rng.choice(TRADES)}{rng.choice(FORMS)}{n}"
            entities.append({"kind": "unit", "name": name, "unit_code": _unit_code(n)})
        else:
            name = rng.choice(SURNAMES) + "".join(
                rng.choice(GIVEN) for _ in range(rng.randint(1, 2))
            )
            entities.append({"kind": "person", "name": name, "id_number": _id_number(n)})
    with archive.db.writing() as session:
        for start in range(0, len(entities), BATCH):
            session.execute(insert(Entity), entities[start : start + BATCH])
        entity_ids = list(session.scalars(select(Entity.id).order_by(Entity.id)))
        names = {eid: name for eid, name in session.execute(select(Entity.id, Entity.name))}

    serials: dict[tuple[int, int], int] = {}
    today = dt.date.today()
    first = dt.date(2012, 1, 1)
    span = (today - first).days
    for start in range(0, count, BATCH):
        item_rows: list[dict[str, Any]] = []
        days = sorted(
            first + dt.timedelta(days=rng.randrange(span)) for _ in range(min(BATCH, count - start))
        )
        for n, day in enumerate(days, start=start):
            class_id, class_code, bt_id, bt_name, retention = rng.choice(types)
            entity_id = rng.choice(entity_ids)
            key = (day.year, class_id)
            serials[key] = serial = serials.get(key, 0) + 1
            number = item_number(day.year, class_code, serial)
            item_rows.append(
                {
                    "capture_id": f"bench-{n:08d}",
                    "fonds_id": fonds_id,
                    "class_id": class_id,
                    "business_type_id": bt_id,
                    "entity_id": entity_id,
                    "year": day.year,
                    "serial": serial,
                    "number": number,
                    "archival_code": archival_code(
                        template,
                        CodeParts("J023", category, day.year, retention, class_code, serial),
                    ),
                    "completed_on": day,
                    "title": f"{names[entity_id]}{bt_name}",
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
            session.execute(insert(Item), item_rows)
            ids = {
                capture_id: item_id
                for capture_id, item_id in session.execute(
                    select(Item.capture_id, Item.id).where(
                        Item.capture_id.in_([r["capture_id"] for r in item_rows])
                    )
                )
            }
            materials = []
            source = bench_files.parent / f"sample-{start}.jpg"  # a file has < 65,000 links
            shutil.copyfile(sample, source)
            for row in item_rows:
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
        print(f"  {start + len(item_rows):,} items", flush=True)
    with archive.db.writing() as session:
        for (year, class_id), last in serials.items():
            session.add(NumberCounter(year=year, class_id=class_id, last_serial=last))
    archive.close()


class Bench:
    def __init__(self, archive: Any, settle_ms: float) -> None:
        from PySide6.QtWidgets import QApplication

        from archivist.preferences import Preferences
        from ui import errors
        from ui.app import make_app

        app = make_app()
        assert isinstance(app, QApplication)
        self.app = app
        self.archive = archive
        self.prefs = Preferences(ocr_workers=1)
        self.settle = settle_ms / 1000
        self.meter = StallMeter()
        self.results: list[tuple[str, float, float]] = []
        self.errors: list[str] = []
        errors.show_error = lambda _parent, exc, details="": self.errors.append(str(exc))  # type: ignore[assignment,misc]
        self.window: Any = None

    def pump(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.app.processEvents()
            time.sleep(0.001)

    def settled(self) -> bool:
        window = self.window
        if window is None:
            return False
        model = window.model
        return not window.runner.busy() and not getattr(model, "loading", False)

    def summarise(self, name: str, label: str) -> None:
        """Fold the repeated quiet steps called `name` into one line (median, longest stall)."""
        same = [r for r in self.results if r[0] == name]
        self.results = [r for r in self.results if r[0] != name]
        elapsed = statistics.median(r[1] for r in same)
        stall = max(r[2] for r in same)
        self.results.append((label, elapsed, stall))
        print(f"  {label:<44} {elapsed:8.1f} ms   longest stall {stall:7.1f} ms", flush=True)

    def step(
        self, name: str, action: Callable[[], None], timeout: float = 120.0, quiet: bool = False
    ) -> float:
        """Start `action` from the event loop; time it until the table has its rows and
        has painted them; record the longest event-loop stall meanwhile."""
        from PySide6.QtCore import QTimer

        self.pump(0.05)
        ran: list[bool] = []

        def run() -> None:
            action()
            ran.append(True)

        self.meter.start()
        started = time.perf_counter()
        QTimer.singleShot(0, run)
        deadline = started + timeout
        while not (ran and self.settled()) and time.perf_counter() < deadline:
            self.app.processEvents()
            time.sleep(0.0005)
        self.app.processEvents()
        if self.window is not None:
            self.window.table.viewport().repaint()
        elapsed = (time.perf_counter() - started) * 1000
        self.pump(self.settle)
        stall = self.meter.stop()["max_ms"]
        self.results.append((name, elapsed, stall))
        if not quiet:
            print(f"  {name:<44} {elapsed:8.1f} ms   longest stall {stall:7.1f} ms", flush=True)
        return elapsed


def measure(root: Path, settle_ms: float, repeat: int) -> tuple[Bench, dict[str, Any]]:
    from PySide6.QtCore import Qt

    from archivist.access import browse
    from bench.archive_setup import open_as_clerk
    from ui.item_table import COLUMNS
    from ui.main_window import MainWindow

    archive = open_as_clerk(root)
    bench = Bench(archive, settle_ms)
    facts: dict[str, Any] = {"items": archive.summary()["items"]}

    # the core query alone, off the window
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        ids = browse.item_ids(archive, browse.ItemQuery())
        times.append((time.perf_counter() - started) * 1000)
    facts["item_ids_ms"] = statistics.median(times)
    facts["ids"] = len(ids)
    started = time.perf_counter()
    browse.item_rows(archive, ids[:200])
    facts["item_rows_200_ms"] = (time.perf_counter() - started) * 1000

    # start-up: the window is built before it is on screen (nothing to freeze yet)
    started = time.perf_counter()
    window = MainWindow(archive, bench.prefs, watch_hot_folder=False, auto_ocr=False)
    window.resize(1440, 900)
    facts["build_window_ms"] = (time.perf_counter() - started) * 1000
    bench.window = window
    bench.step("show the window, first page of the table painted", window.show)
    facts["open_ms"] = facts["build_window_ms"] + bench.results[-1][1]
    bench.pump(1.0)
    bench.meter.start()
    bench.pump(3.0)  # nothing to do: what the machine itself costs the event loop
    facts["idle_stall_ms"] = bench.meter.stop()["max_ms"]
    table = window.table
    facts["fetches_after_open"] = window.model.fetches
    bench.step("reload the table (all items)", window.model.reload)
    bench.step("scroll to the end", table.scrollToBottom)
    bench.step(
        "scroll to the middle",
        lambda: table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2),
    )

    bar = table.verticalScrollBar()
    for _ in range(20):
        bench.step("page down", lambda: bar.setValue(bar.value() + bar.pageStep()), quiet=True)
    bench.summarise("page down", "page down ×20 (each)")
    bench.step("scroll to the top", table.scrollToTop)
    for column, (key, _label) in enumerate(COLUMNS):
        if key not in browse.SORT_COLUMNS:
            continue
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            arrow = "↑" if order == Qt.SortOrder.AscendingOrder else "↓"
            bench.step(
                f"sort by {key} {arrow}",
                lambda c=column, o=order: table.sortByColumn(c, o),
            )
    bench.step(
        "sort by number ↑ (back)", lambda: table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    )

    nav = window.nav
    root_node = nav.root
    biggest = max(
        (root_node.child(i) for i in range(root_node.childCount())), key=lambda n: int(n.text(1))
    )
    bench.step(
        f"tree: class {biggest.text(0)} ({biggest.text(1)} items)",
        lambda: nav.setCurrentItem(biggest),
    )
    bench.step("tree: open the class (years)", lambda: nav.expandItem(biggest))
    year = biggest.child(0)
    bench.step(
        f"tree: year {year.text(0)} ({year.text(1)} items)", lambda: nav.setCurrentItem(year)
    )
    bench.step("tree: open the year (months)", lambda: nav.expandItem(year))
    month = year.child(0)
    bench.step(
        f"tree: month {month.text(0)} ({month.text(1)} items)", lambda: nav.setCurrentItem(month)
    )
    bench.step("tree: open the month (units/persons)", lambda: nav.expandItem(month))
    entity = month.child(0)
    bench.step(f"tree: unit/person ({entity.text(1)} items)", lambda: nav.setCurrentItem(entity))
    bench.step("tree: back to all records", lambda: nav.setCurrentItem(root_node))
    sample_name = window.model.item(window.model.rowCount() // 3).entity_name
    for text in (sample_name[:1], sample_name, "不存在的名称"):
        bench.step(
            f"filter box: “{text}”",
            lambda t=text: (
                window.filter.setText(t),
                window._filter_timer.stop(),
                window._apply_filter(),
            ),
        )
    bench.step(
        "filter box: cleared",
        lambda: (window.filter.setText(""), window._filter_timer.stop(), window._apply_filter()),
    )
    bench.step("refresh (after a capture)", window.refresh)
    facts["rows_shown"] = window.model.rowCount()
    facts["errors"] = bench.errors
    window.close()
    archive.close()
    return bench, facts


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="build here once and reuse it")
    parser.add_argument("--settle-ms", type=float, default=300.0, help="watch after each step")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="archivist-browse-bench-"))
    os.environ["ARCHIVIST_CONFIG_DIR"] = str(work / "config")
    root = args.keep or work / "archive"
    try:
        if not (root / "archive.json").exists():
            print(f"building an archive of {args.items:,} items in {root} …", flush=True)
            started = time.perf_counter()
            build(root, args.items)
            print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
        print("measuring …", flush=True)
        bench, facts = measure(root, args.settle_ms, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"cores {os.cpu_count()}, load {os.getloadavg()[0]:.1f}, {facts['items']:,} items")
    print(
        f"browse.item_ids (all items, by number): {facts['item_ids_ms']:.1f} ms for {facts['ids']:,} ids"
    )
    print(f"browse.item_rows (a block of 200 rows):  {facts['item_rows_200_ms']:.1f} ms")
    print(
        f"start-up: window built in {facts['build_window_ms']:.1f} ms (before it is on screen); "
        f"open to first page painted {facts['open_ms']:.1f} ms"
    )
    print(f"idle baseline (3 s doing nothing): longest stall {facts['idle_stall_ms']:.1f} ms")
    worst = max(bench.results, key=lambda r: r[2])
    over = [r for r in bench.results if r[2] > 100]
    print(
        f"longest stall: {worst[2]:.1f} ms ({worst[0]}); steps with a stall over 100 ms: {len(over)}"
    )
    for name, _elapsed, stall in over:
        print(f"  over 100 ms: {name} ({stall:.0f} ms)")
    if facts["errors"]:
        print("errors shown:", *facts["errors"], sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
