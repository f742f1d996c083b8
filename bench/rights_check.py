"""Benchmark: capture and search with the rights check on versus off.

    .venv/bin/python bench/rights_check.py [--items 100] [--queries 500] [--rounds 5]

Generates `--items` small claims once (a 2-page PDF form and two JPEG vouchers each,
drawn like the test suite's documents; every item a different person with a valid ID
number), then, in each of `--rounds` rounds:

- capture: two fresh archives, signed in as an archivist; every item is captured
  (`capture_from_manifest`) into both, one right after the other (the order swapped
  every item, so both variants share the machine's load): once with the rights check
  *on* (the product as it is) and once *off*: `rights.check_action`,
  `rights.recheck_in_transaction` and `rights.require` replaced, in this process only and
  only around that call, by trivial functions;
- search: `--queries` searches (names, ID numbers, titles, business types, with
  snippets, 20 hits) on the archive of the "on" capture, each query in three variants in
  turn (order rotated): *on* (the product's search: its rights check and its access
  event), *on, no access event* (access-event writing replaced by a no-op), *off* (rights
  check and access event both replaced). If the product's search wrote no access event
  of its own, the bench would write one per search in the "on" variant, and say so.

During the "on" variants the time spent inside the check functions and inside
`access_log.record` is summed (a wrapper around them), and at the end of each round 200
access events are written alone and timed.

Prints ms per captured item and searches per second, medians over the rounds, and the
on / off ratios. Password hashing is made cheap here (this bench measures the checks, not
the sign-in; see bench/sign_in.py). Everything lives in a temporary folder, removed at
the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
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

from archive_setup import ADMINISTRATORS, FONDS, PASSWORD
from corpus import machine, table
from PIL import Image, ImageDraw
from sqlalchemy import func, select

from archivist.accounts import access_log, directory, passwords, rights
from archivist.accounts.access_log import AccessKind
from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.db.models import AccessEvent
from archivist.rules.identity import id_check_character
from archivist.search.service import search

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅"
BUSINESS = [
    ("SY", "失业保险金申领", "失业保险金申领登记表"),
    ("SY", "失业保险金申领", "解除劳动合同证明"),
]


# -- documents ----------------------------------------------------------------------


def person(rng: random.Random, index: int) -> tuple[str, str]:
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(365 * 40))
    first17 = f"110105{born:%Y%m%d}{index % 1000:03d}"
    return name, first17 + id_check_character(first17)


def make_jpeg(path: Path, seed: int) -> None:
    img = Image.new("RGB", (400, 300), (250, 250, 245))
    draw = ImageDraw.Draw(img)
    draw.rectangle((10 + seed % 50, 10, 200, 100 + seed % 80), outline=(0, 0, 0), width=3)
    draw.text((20, 120), f"page {seed}", fill=(0, 0, 0))
    img.save(path, "JPEG", quality=85)


def make_pdf(path: Path, seed: int, pages: int = 2) -> None:
    images = []
    for index in range(pages):
        img = Image.new("RGB", (400, 560), "white")
        ImageDraw.Draw(img).text((20, 20), f"form {seed} page {index}", fill="black")
        images.append(img)
    images[0].save(path, "PDF", save_all=True, append_images=images[1:])


def make_items(folder: Path, count: int) -> tuple[list[Path], list[str]]:
    """`count` item folders with their manifests, and search words drawn from them."""
    rng = random.Random(2026)
    manifests: list[Path] = []
    words: list[str] = []
    for index in range(count):
        item = folder / f"item-{index:04d}"
        item.mkdir(parents=True)
        make_pdf(item / "a.pdf", seed=index)
        make_jpeg(item / "b.jpg", seed=index * 3 + 1)
        make_jpeg(item / "c.jpg", seed=index * 3 + 2)
        name, id_number = person(rng, index)
        other, _ = person(rng, index + 500)
        day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(365 * 6))
        data = {
            "class": "SY",
            "business_type": "失业保险金申领",
            "completed_on": day.isoformat(),
            "entity": {"kind": "person", "name": name, "id_number": id_number},
            "title": f"{name}失业保险金申领",
            "handler": "王五",
            "roster": [name, other],
            "materials": [
                {
                    "file": "b.jpg",
                    "role": "voucher",
                    "importance": "secondary",
                    "person": other,
                    "title": "身份证复印件",
                },
                {"file": "c.jpg", "role": "voucher", "person": name, "title": "解除劳动合同证明"},
                {"file": "a.pdf", "role": "form", "title": "失业保险金申领登记表"},
            ],
        }
        manifest = item / "manifest.json"
        manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        manifests.append(manifest)
        words += [name, id_number, f"{name} 失业", other]
    words += ["失业保险金申领", "身份证复印件", "解除劳动合同证明", "登记表", "王五"]
    return manifests, words


# -- archives -----------------------------------------------------------------------


def new_archive(root: Path) -> Archive:
    """A fresh archive with "clerk", an archivist, signed in (the way people join)."""
    archive = Archive.init(root, *FONDS, ADMINISTRATORS)
    archive.sign_in("admin", PASSWORD)
    directory.add_account(archive, "clerk", "档案员", PASSWORD + "-first")
    archive.sign_in("security", PASSWORD)
    directory.grant_role(archive, "clerk", "archivist", "基准测试：岗位分配")
    archive.sign_in("clerk", PASSWORD + "-first")
    directory.change_own_password(archive, PASSWORD + "-first", PASSWORD)
    archive.sign_in("clerk", PASSWORD)
    return archive


def access_events(archive: Archive) -> int:
    with archive.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(AccessEvent)) or 0)


# -- switching the check off ----------------------------------------------------------


class Replaced:
    """Replace each function by its stand-in wherever a loaded module holds it (the
    module that defines it and any module that imported it by name) while in the
    `with` block, and put everything back afterwards. The places are found once (again
    when more modules have been loaded), so switching costs microseconds."""

    def __init__(self, swaps: dict[Callable[..., Any], Callable[..., Any]]) -> None:
        self.swaps = {id(original): stand_in for original, stand_in in swaps.items()}
        self.places: list[tuple[object, str, object, object]] = []
        self.modules = -1

    def _find(self) -> None:
        self.places.clear()
        for module in list(sys.modules.values()):
            names = getattr(module, "__dict__", None)
            if not isinstance(names, dict):
                continue
            for name, value in list(names.items()):
                stand_in = self.swaps.get(id(value))
                if stand_in is not None:
                    self.places.append((module, name, value, stand_in))
        self.modules = len(sys.modules)

    def __enter__(self) -> int:
        if self.modules != len(sys.modules):
            self._find()
        for holder, name, _original, stand_in in self.places:
            setattr(holder, name, stand_in)
        return len(self.places)

    def __exit__(self, *_exc: object) -> None:
        for holder, name, original, _stand_in in reversed(self.places):
            setattr(holder, name, original)


def _no_check(archive: Archive, *_args: Any) -> Any:
    return archive.person


def _no_recheck(*_args: Any) -> None:
    return None


def _no_event(*_args: Any, **_kwargs: Any) -> None:
    return None


CHECK_OFF: dict[Callable[..., Any], Callable[..., Any]] = {
    rights.check_action: _no_check,
    rights.recheck_in_transaction: _no_recheck,
    rights.require: _no_check,
}
EVENTS_OFF: dict[Callable[..., Any], Callable[..., Any]] = {
    access_log.record: _no_event,
    access_log.append: _no_event,
}


class Stopwatch:
    """Time spent inside some functions, summed over their calls."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0

    def around(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started
                self.calls += 1

        return timed


# -- measurements ---------------------------------------------------------------------


def capture_one(archive: Archive, manifest: Path, switch: Replaced) -> float:
    with switch:
        started = time.perf_counter()
        capture_from_manifest(archive, manifest)
        return time.perf_counter() - started


def search_one(archive: Archive, text: str, switch: Replaced, bench_event: bool) -> float:
    """Seconds for one search; `bench_event`: write the search's access event here."""
    with switch:
        started = time.perf_counter()
        total, _hits = search(archive, text, limit=20)
        if bench_event:
            access_log.record(archive, AccessKind.SEARCH, "search", {"query": text, "found": total})
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    facts = machine()
    print(f"machine: {facts['cpus']} cores, {facts['cpu']}, Python {facts['python']}")
    passwords.use_parameters(time_cost=1, memory_kib=8)
    work = Path(tempfile.mkdtemp(prefix="bench-rights-"))
    os.environ["ARCHIVIST_CONFIG_DIR"] = str(work / "config")
    os.environ["ARCHIVIST_LOG_DIR"] = str(work / "logs")
    capture_ms: dict[str, list[float]] = {"on": [], "off": []}
    search_qps: dict[str, list[float]] = {"on": [], "on, no access event": [], "off": []}
    event_ms: list[float] = []
    # time inside the check (and the access event) during the "on" runs
    capture_check, capture_recheck = Stopwatch(), Stopwatch()
    search_check, search_event = Stopwatch(), Stopwatch()
    capture_watched: dict[Callable[..., Any], Callable[..., Any]] = {
        rights.check_action: capture_check.around(rights.check_action),
        rights.recheck_in_transaction: capture_recheck.around(rights.recheck_in_transaction),
    }
    search_watched: dict[Callable[..., Any], Callable[..., Any]] = {
        rights.require: search_check.around(rights.require),
        access_log.record: search_event.around(access_log.record),
    }
    notes: list[str] = []
    try:
        started = time.perf_counter()
        manifests, words = make_items(work / "items", args.items)
        rng = random.Random(7)
        queries = [rng.choice(words) for _ in range(args.queries)]
        print(f"{args.items} items generated in {time.perf_counter() - started:.1f} s")
        print(f"load average before: {os.getloadavg()[0]:.2f}")

        capture_switch = {"on": Replaced(capture_watched), "off": Replaced(CHECK_OFF)}
        search_switch = {
            "on": Replaced(search_watched),
            "on, no access event": Replaced(EVENTS_OFF),
            "off": Replaced({**CHECK_OFF, **EVENTS_OFF}),
        }
        for number in range(args.rounds):
            # capture: the same item into both archives, one after the other, the order
            # swapped every item, so both variants see the same load
            archives = {v: new_archive(work / f"archive-{number}-{v}") for v in ("on", "off")}
            before = {v: access_events(a) for v, a in archives.items()}
            times: dict[str, list[float]] = {"on": [], "off": []}
            for index, manifest in enumerate(manifests):
                for variant in ("on", "off") if index % 2 == 0 else ("off", "on"):
                    times[variant].append(
                        capture_one(archives[variant], manifest, capture_switch[variant])
                    )
            if number == 0:
                for variant, archive in archives.items():
                    notes.append(
                        f"capture {variant}: {access_events(archive) - before[variant]} access "
                        f"events written for {len(manifests)} items"
                    )
                notes.append(f"check off: {len(capture_switch['off'].places)} names replaced")
            archives["off"].close()
            for variant in ("on", "off"):
                capture_ms[variant].append(statistics.median(times[variant]) * 1000)
            print(
                f"round {number + 1} capture: on {capture_ms['on'][-1]:.1f}, off "
                f"{capture_ms['off'][-1]:.1f} ms/item (medians; totals {sum(times['on']):.1f} / "
                f"{sum(times['off']):.1f} s), load {os.getloadavg()[0]:.2f}"
            )

            # search: every query in the three variants in turn, the order rotated
            archive = archives["on"]
            search(archive, queries[0], limit=20)  # the index opened, the caches warm
            before_one = access_events(archive)
            search(archive, queries[0], limit=20)
            product_event = access_events(archive) > before_one
            if number == 0:
                notes.append(
                    "the product's search writes its own access event"
                    if product_event
                    else "the product's search wrote no access event: the bench writes one "
                    "per search in the 'on' variant (access_log.record, SEARCH)"
                )
            names = list(search_switch)
            spent = dict.fromkeys(names, 0.0)
            before_one = access_events(archive)
            for index, text in enumerate(queries):
                for variant in names[index % 3 :] + names[: index % 3]:
                    spent[variant] += search_one(
                        archive,
                        text,
                        search_switch[variant],
                        bench_event=variant == "on" and not product_event,
                    )
            written = access_events(archive) - before_one
            for variant in names:
                search_qps[variant].append(len(queries) / spent[variant])
            print(
                f"round {number + 1} search q/s: "
                + ", ".join(f"{v} {search_qps[v][-1]:.0f}" for v in names)
                + f" ({written} access events for {len(queries)} x 3 searches), "
                f"load {os.getloadavg()[0]:.2f}"
            )
            for _ in range(200):  # one access event alone, as a search writes it
                started = time.perf_counter()
                access_log.record(
                    archive, AccessKind.SEARCH, "search:bench", {"query": "bench", "hits": 0}
                )
                event_ms.append((time.perf_counter() - started) * 1000)
            archive.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    for note in notes:
        print(f"note: {note}")

    def ratio(top: list[float], bottom: list[float]) -> str:
        per_round = [t / b for t, b in zip(top, bottom, strict=True)]
        return f"{statistics.median(per_round):.3f} ({min(per_round):.2f}-{max(per_round):.2f})"

    on, off = statistics.median(capture_ms["on"]), statistics.median(capture_ms["off"])
    s_on, s_off = statistics.median(search_qps["on"]), statistics.median(search_qps["off"])
    s_mid = statistics.median(search_qps["on, no access event"])
    rows: list[list[object]] = [
        [
            "capture, ms/item",
            on,
            off,
            f"{on / off:.3f}",
            ratio(capture_ms["on"], capture_ms["off"]),
        ],
        [
            "search, queries/s: on",
            s_on,
            s_off,
            f"{s_on / s_off:.3f}",
            ratio(search_qps["on"], search_qps["off"]),
        ],
        [
            "search, queries/s: on, no access event",
            s_mid,
            s_off,
            f"{s_mid / s_off:.3f}",
            ratio(search_qps["on, no access event"], search_qps["off"]),
        ],
        ["search, ms/query: on", 1000 / s_on, 1000 / s_off, f"{s_off / s_on:.3f}", ""],
    ]
    print(table(["Measure (medians of rounds)", "On", "Off", "On / off", "Per round"], rows))
    items = len(capture_ms["on"]) * args.items
    searches = len(search_qps["on"]) * args.queries
    print(
        f"\ninside the check, 'on' runs: capture: check_action "
        f"{capture_check.seconds * 1000 / items:.3f} ms/item ({capture_check.calls} calls), "
        f"recheck_in_transaction {capture_recheck.seconds * 1000 / items:.3f} ms/item "
        f"({capture_recheck.calls} calls); search: rights check "
        f"{search_check.seconds * 1000 / searches:.3f} ms/query ({search_check.calls} calls), "
        f"access event {search_event.seconds * 1000 / searches:.3f} ms/query "
        f"({search_event.calls} calls)"
    )
    event_ms.sort()
    print(
        f"\none access event (access_log.record) alone: median {statistics.median(event_ms):.2f} ms, "
        f"p95 {event_ms[int(len(event_ms) * 0.95)]:.2f} ms, {len(event_ms)} events"
    )
    print(
        "\nper round: capture ms/item on",
        [round(x, 1) for x in capture_ms["on"]],
        "off",
        [round(x, 1) for x in capture_ms["off"]],
    )
    for variant, values in search_qps.items():
        print(f"per round: search q/s {variant}: {[round(x) for x in values]}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
