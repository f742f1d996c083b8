"""Search index at scale: build time, size, memory and query latency.

Generates N synthetic items (default 100,000) with about 2,000 characters of realistic
Chinese page text each, then measures in the same run:
- the product's Whoosh index (archivist.search.index.SearchIndex, multi-process writer);
- the anchor: SQLite FTS5 with one token per Chinese character (phrase queries).
Prints items/s, build seconds, index size, peak memory, query latency (median, p95) and
recall (share of known 2–6 character terms whose source item is found).

    .venv/bin/python bench/index_scale.py --items 100000
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.identity import id_check_character  # noqa: E402
from archivist.search.index import Filters, SearchIndex  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红梅玉兰晓东春梅文博子涵浩然欣怡梓萱宇轩"
PHRASES = [
    "申请人因单位解除劳动合同而失业",
    "现申请领取失业保险金请予审核",
    "经审核符合领取条件",
    "按月发放失业保险金",
    "缴费年限累计满一年",
    "工作时间和工作场所内因工作原因受到事故伤害",
    "认定为工伤",
    "劳动能力鉴定委员会",
    "生育医疗费用按规定结算",
    "生育津贴按职工所在用人单位上年度职工月平均工资计发",
    "参保单位应当自用工之日起三十日内为职工办理社会保险登记",
    "稳岗返还资金直接拨付至企业对公账户",
    "职业资格证书或职业技能等级证书",
    "技能提升补贴按证书等级确定标准",
    "门诊慢特病待遇资格认定",
    "社会保险经办机构",
    "个人账户累计储存额",
    "基本养老保险关系转移接续",
    "经办人签字并加盖公章",
    "银行账户信息变更",
    "待遇领取资格认证",
    "参保缴费记录",
    "统一社会信用代码",
    "法定代表人",
]
CITIES = "呼和浩特包头乌海赤峰通辽鄂尔多斯沈阳大连鞍山抚顺本溪丹东锦州营口阜新辽阳"


def make_id(rng: random.Random) -> str:
    base = f"150102{rng.randint(1950, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    return base + id_check_character(base)


def make_name(rng: random.Random) -> str:
    given = GIVEN[rng.randrange(len(GIVEN))] + (
        GIVEN[rng.randrange(len(GIVEN))] if rng.random() < 0.7 else ""
    )
    return SURNAMES[rng.randrange(len(SURNAMES))] + given


def page_text(rng: random.Random, name: str, id_number: str, chars: int) -> str:
    parts: list[str] = []
    while sum(len(p) for p in parts) < chars:
        choice = rng.random()
        if choice < 0.6:
            parts.append(rng.choice(PHRASES))
        elif choice < 0.75:
            parts.append(f"姓名{name}身份证号码{id_number}")
        elif choice < 0.9:
            start = rng.randrange(0, len(CITIES) - 3)
            parts.append(f"{CITIES[start : start + 3]}市社会保险事业服务中心")
        else:
            parts.append(f"{rng.randint(2019, 2025)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日")
    return "，".join(parts)[:chars]


def documents(count: int, chars: int, seed: int) -> Iterator[dict[str, object]]:
    rng = random.Random(seed)
    classes = [
        ("SY", "失业保险金申领"),
        ("GS", "工伤认定"),
        ("SYU", "生育保险待遇核定"),
        ("GL", "参保人员登记"),
    ]
    for index in range(count):
        klass, business = classes[index % len(classes)]
        year = 2019 + index % 7
        name = make_name(rng)
        id_number = make_id(rng)
        number = f"{year}-{klass}-{index + 1:06d}"
        yield {
            "number": number,
            "archival_code": f"J023-SB·{year}-D10-{klass}-{index + 1:04d}",
            "klass": klass,
            "business_type": business,
            "entity_kind": "person",
            "completed_on": f"{year}-05-12",
            "day": year * 10000 + 512,
            "year": year,
            "retention": "D10",
            "status": "captured",
            "title": f"{name}{business}",
            "entity": name,
            "persons": name,
            "business": business,
            "codes": f"{number} J023-SB·{year}-D10-{klass}-{index + 1:04d} {id_number}",
            "content": page_text(rng, name, id_number, chars),
        }


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def peak_rss_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def sample_queries(count: int, chars: int, seed: int, samples: int) -> list[tuple[str, str]]:
    """(term, number of the item it came from): 2–6 character substrings, names, ID endings."""
    rng = random.Random(seed + 1)
    picks = sorted(rng.sample(range(count), min(samples, count)))
    wanted = set(picks)
    queries: list[tuple[str, str]] = []
    for index, doc in enumerate(documents(count, chars, seed)):
        if index not in wanted:
            continue
        text = str(doc["content"])
        kind = len(queries) % 4
        if kind == 0:
            queries.append((str(doc["entity"]), str(doc["number"])))
        elif kind == 1:
            queries.append((str(doc["codes"]).split()[-1][-6:], str(doc["number"])))
        else:
            runs = [r for r in re.findall(r"[\u4e00-\u9fff]{6,}", text)]
            run = rng.choice(runs)
            size = rng.randint(2, 6)
            start = rng.randrange(0, len(run) - size + 1)
            queries.append((run[start : start + size], str(doc["number"])))
    return queries


def bench_whoosh(
    folder: Path, count: int, chars: int, seed: int, procs: int, queries: list[tuple[str, str]]
) -> dict[str, float]:
    index = SearchIndex(folder)
    index.create_empty()
    started = time.perf_counter()
    index.add_many(documents(count, chars, seed), procs=procs, batch_mb=256)
    build = time.perf_counter() - started
    latencies: list[float] = []
    found = 0
    for term, number in queries:
        t0 = time.perf_counter()
        _total, hits, _ = index.search(term, Filters(), limit=10)
        latencies.append(time.perf_counter() - t0)
        if any(h.number == number for h in hits) or _contains(index, term, number):
            found += 1
    return _figures(build, count, folder_size(folder), latencies, found, len(queries))


def _contains(index: SearchIndex, term: str, number: str) -> bool:
    """Recall is about finding the item at all, not about its rank among many."""
    _, hits, _ = index.search(f'({term}) AND number:"{number}"', Filters(), limit=1)
    return bool(hits)


def spaced(text: str) -> str:
    return re.sub(r"([\u4e00-\u9fff])", r" \1 ", text)


def bench_fts5(
    path: Path, count: int, chars: int, seed: int, queries: list[tuple[str, str]]
) -> dict[str, float]:
    if path.exists():
        path.unlink()
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(number UNINDEXED, title, entity, codes, content, tokenize='unicode61')"
    )
    started = time.perf_counter()
    batch: list[tuple[str, str, str, str, str]] = []
    for doc in documents(count, chars, seed):
        batch.append(
            (
                str(doc["number"]),
                spaced(str(doc["title"])),
                spaced(str(doc["entity"])),
                str(doc["codes"]),
                spaced(str(doc["content"])),
            )
        )
        if len(batch) >= 2000:
            conn.executemany("INSERT INTO docs VALUES (?,?,?,?,?)", batch)
            batch.clear()
    conn.executemany("INSERT INTO docs VALUES (?,?,?,?,?)", batch)
    conn.commit()
    build = time.perf_counter() - started
    latencies: list[float] = []
    found = 0
    for term, number in queries:
        phrase = '"' + " ".join(term) + '"' if re.match(r"[\u4e00-\u9fff]", term) else f'"{term}"*'
        t0 = time.perf_counter()
        rows = conn.execute(
            "SELECT number FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10", (phrase,)
        ).fetchall()
        latencies.append(time.perf_counter() - t0)
        hit = any(r[0] == number for r in rows) or bool(
            conn.execute(
                "SELECT 1 FROM docs WHERE docs MATCH ? AND number = ?", (phrase, number)
            ).fetchone()
        )
        found += hit
    conn.close()
    return _figures(build, count, path.stat().st_size, latencies, found, len(queries))


def _figures(
    build: float, count: int, size: int, latencies: list[float], found: int, total: int
) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "build_s": build,
        "items_per_s": count / build,
        "size_mib": size / 2**20,
        "median_ms": statistics.median(ordered) * 1000,
        "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000,
        "recall": found / total,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--chars", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--procs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "index-scale")
    parser.add_argument("--skip-whoosh", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    queries = sample_queries(args.items, args.chars, args.seed, args.queries)
    print(f"items {args.items:,} × ~{args.chars} chars; {len(queries)} queries; procs {args.procs}")
    fts = bench_fts5(args.work / "fts5.db", args.items, args.chars, args.seed, queries)
    print(
        "fts5  ",
        {k: round(v, 3) for k, v in fts.items()},
        "peak RSS MiB (self, children)",
        peak_rss_mib(),
    )
    if not args.skip_whoosh:
        folder = args.work / "whoosh"
        shutil.rmtree(folder, ignore_errors=True)
        whoosh = bench_whoosh(folder, args.items, args.chars, args.seed, args.procs, queries)
        print(
            "whoosh",
            {k: round(v, 3) for k, v in whoosh.items()},
            "peak RSS MiB (self, children)",
            peak_rss_mib(),
        )
        print(
            f"whoosh/fts5 build time ratio {whoosh['build_s'] / fts['build_s']:.1f}×, p95 ratio {whoosh['p95_ms'] / fts['p95_ms']:.1f}×"
        )


if __name__ == "__main__":
    main()
