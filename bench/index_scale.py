"""Search index at scale: build time, size, memory and query latency per engine.

    .venv/bin/python bench/index_scale.py --items 100000 [--engines tantivy,fts5,whoosh]
                                          [--queries 400] [--whoosh-queries 100]

Writes a synthetic corpus once (bench/out/index-scale/corpus-N.jsonl): N items of about
2,000 characters of Chinese form text each, in 8 business types, each type with its own
form wording (as real archives: a 失业保险金申领 form does not say 工伤认定), shared
office wording, and the varying parts (people, ID numbers, companies, addresses, sums,
dates). Then, each engine in a fresh process reading the corpus file as the product
reads the database (one document after the other):
- tantivy — the product's default engine (archivist.search.tantivy_index);
- whoosh  — the product's Whoosh engine (archivist.search.whoosh_index), 2 processes;
- fts5    — anchor: SQLite FTS5 with one token per Chinese character (phrase queries).
Prints build seconds and items/s, index size, the process's peak memory, query latency
(median, p95) over a mix of 1/4 person names, 1/4 ID-number endings and 1/2 random 2–6
character terms from the items' text, the latency of form wording that one business
type in 8 carries on every page (the worst everyday case), and recall (share of the
terms whose source item is found at all).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.rules.identity import id_check_character  # noqa: E402
from archivist.search.index import Filters, TextIndex, open_index  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志海燕红梅玉晓东春文博子涵浩然欣怡梓萱宇轩"
CITIES = [
    "呼和浩特",
    "包头",
    "乌海",
    "赤峰",
    "通辽",
    "鄂尔多斯",
    "沈阳",
    "大连",
    "鞍山",
    "抚顺",
    "本溪",
    "丹东",
    "锦州",
    "营口",
    "阜新",
    "辽阳",
]
DISTRICTS = [
    "新城区",
    "回民区",
    "玉泉区",
    "赛罕区",
    "昆都仑区",
    "青山区",
    "东河区",
    "和平区",
    "沈河区",
    "皇姑区",
    "铁西区",
    "中山区",
]
STREETS = [
    "人民路",
    "解放大街",
    "新华东街",
    "中山路",
    "建设路",
    "胜利街",
    "团结路",
    "友谊大街",
    "光明路",
    "文化街",
]
FIRM_WORDS = [
    "宏达",
    "恒信",
    "华兴",
    "金泰",
    "鑫源",
    "博远",
    "瑞丰",
    "昌盛",
    "汇通",
    "长城",
    "北方",
    "草原",
    "明珠",
    "天成",
    "同创",
]
FIRM_KINDS = [
    "建筑工程",
    "商贸",
    "物流",
    "餐饮管理",
    "机械制造",
    "物业服务",
    "电子科技",
    "食品加工",
    "纺织",
    "运输",
]
# Wording each business type's forms carry.
FORMS: dict[tuple[str, str], list[str]] = {
    ("SY", "失业保险金申领"): [
        "失业保险金申领登记表",
        "申请人因单位解除劳动合同而失业",
        "现申请领取失业保险金请予审核",
        "经审核符合领取条件",
        "按月发放失业保险金",
        "失业前用人单位和本人已经缴纳失业保险费满一年",
        "非因本人意愿中断就业",
        "已经进行失业登记并有求职要求",
        "领取期限自办理失业登记之日起计算",
        "重新就业的应当停止领取",
        "失业保险金标准不低于城市居民最低生活保障标准",
    ],
    ("GS", "工伤认定"): [
        "工伤认定申请表",
        "工作时间和工作场所内因工作原因受到事故伤害",
        "认定为工伤",
        "劳动能力鉴定委员会",
        "职工发生事故伤害之日起三十日内",
        "用人单位未按规定提出工伤认定申请",
        "医疗诊断证明书",
        "受伤害部位",
        "工伤认定决定书",
        "不服工伤认定决定的可以依法申请行政复议",
        "事故发生经过",
        "证人证言",
    ],
    ("SYU", "生育保险待遇核定"): [
        "生育保险待遇申请表",
        "生育医疗费用按规定结算",
        "生育津贴按职工所在用人单位上年度职工月平均工资计发",
        "产假天数",
        "计划生育手术医疗费用",
        "出生医学证明",
        "分娩方式",
        "住院病历首页",
        "生育津贴支付期限",
        "参保职工未就业配偶",
    ],
    ("GL", "参保人员登记"): [
        "社会保险参保人员登记表",
        "参保单位应当自用工之日起三十日内为职工办理社会保险登记",
        "基本信息变更",
        "个人身份信息",
        "户口性质",
        "参加工作时间",
        "缴费基数申报",
        "用工形式",
        "人员增减变动",
        "劳动合同起止时间",
    ],
    ("WG", "稳岗返还"): [
        "失业保险稳岗返还申请表",
        "稳岗返还资金直接拨付至企业对公账户",
        "上年度未裁员或裁员率不高于",
        "返还标准按企业及其职工上年度实际缴纳失业保险费",
        "公示期满无异议",
        "企业承诺书",
        "参保职工人数",
        "裁员率",
        "资金拨付明细",
    ],
    ("JN", "技能提升补贴"): [
        "技能提升补贴申领表",
        "职业资格证书或职业技能等级证书",
        "技能提升补贴按证书等级确定标准",
        "初级工",
        "中级工",
        "高级工",
        "取得证书之日起十二个月内申请",
        "证书编号",
        "职业工种名称",
        "发证机关",
    ],
    ("MZ", "门诊慢特病待遇"): [
        "门诊慢特病待遇资格认定申请表",
        "门诊慢特病病种",
        "高血压病",
        "糖尿病",
        "慢性肾功能衰竭",
        "定点医疗机构",
        "专家鉴定意见",
        "病历资料",
        "检查检验报告",
        "待遇享受起始日期",
    ],
    ("DW", "参保单位登记"): [
        "社会保险参保单位登记表",
        "统一社会信用代码",
        "法定代表人",
        "单位类型",
        "行业类别",
        "注册地址",
        "经营范围",
        "开户银行",
        "银行账号",
        "单位专管员",
    ],
}
SHARED = [
    "社会保险经办机构",
    "经办人签字并加盖公章",
    "复核人",
    "审核意见",
    "申请人签字",
    "以上情况属实",
    "本人承诺所提供材料真实有效",
    "联系电话",
    "受理日期",
    "办理结果",
    "银行账户信息",
    "待遇领取资格认证",
    "参保缴费记录",
    "个人账户累计储存额",
]


def make_id(rng: random.Random) -> str:
    base = (
        f"150102{rng.randint(1950, 2004)}{rng.randint(1, 12):02d}"
        f"{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    )
    return base + id_check_character(base)


def make_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def make_firm(rng: random.Random) -> str:
    return f"{rng.choice(CITIES)}市{rng.choice(FIRM_WORDS)}{rng.choice(FIRM_KINDS)}有限公司"


def varying(rng: random.Random, name: str, id_number: str) -> str:
    choice = rng.random()
    if choice < 0.2:
        return f"姓名{name}公民身份号码{id_number}"
    if choice < 0.35:
        return f"工作单位{make_firm(rng)}"
    if choice < 0.5:
        city = rng.choice(CITIES)
        return f"住址{city}市{rng.choice(DISTRICTS)}{rng.choice(STREETS)}{rng.randint(1, 300)}号"
    if choice < 0.65:
        return f"金额{rng.randint(100, 99999)}.{rng.randint(0, 99):02d}元"
    if choice < 0.8:
        return f"{rng.randint(2019, 2025)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    if choice < 0.9:
        return f"联系电话1{rng.randint(3, 9)}{rng.randint(0, 999_999_999):09d}"
    return f"经办人{make_name(rng)}复核人{make_name(rng)}"


def page_text(rng: random.Random, form: list[str], name: str, id_number: str, chars: int) -> str:
    parts: list[str] = []
    size = 0
    while size < chars:
        roll = rng.random()
        if roll < 0.45:
            part = rng.choice(form)
        elif roll < 0.6:
            part = rng.choice(SHARED)
        else:
            part = varying(rng, name, id_number)
        parts.append(part)
        size += len(part) + 1
    return "，".join(parts)[:chars]


def wrapped(text: str, width: int) -> str:
    """The text as printed: lines of `width` characters, wherever that falls."""
    if width <= 0:
        return text
    return "\n".join(text[start : start + width] for start in range(0, len(text), width))


def generate(count: int, chars: int, seed: int, wrap: int = 0) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    kinds = list(FORMS)
    for index in range(count):
        (klass, business) = kinds[index % len(kinds)]
        year = 2019 + index % 7
        name = make_name(rng)
        id_number = make_id(rng)
        number = f"{year}-{klass}-{index + 1:06d}"
        code = f"J023-SB·{year}-D10-{klass}-{index + 1:04d}"
        yield {
            "number": number,
            "archival_code": code,
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
            "codes": f"{number} {code} {id_number}",
            "content": wrapped(
                page_text(rng, FORMS[(klass, business)], name, id_number, chars), wrap
            ),
        }


def corpus_file(work: Path, count: int, chars: int, seed: int, wrap: int = 0) -> Path:
    path = work / (f"corpus-{count}-{chars}-{seed}" + (f"-wrap{wrap}" if wrap else "") + ".jsonl")
    if not path.exists():
        temp = path.with_suffix(".tmp")
        with temp.open("w", encoding="utf-8") as out:
            for document in generate(count, chars, seed, wrap):
                out.write(json.dumps(document, ensure_ascii=False) + "\n")
        temp.replace(path)
    return path


def read_corpus(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def make_queries(path: Path, count: int, seed: int, samples: int) -> dict[str, Any]:
    """Term → item it came from; names, ID endings, random terms, form wording; and
    phrases printed across a line break (when the corpus is wrapped)."""
    rng = random.Random(seed + 1)
    wanted = set(rng.sample(range(count), min(samples, count)))
    mixed: list[tuple[str, str]] = []
    across: list[tuple[str, str]] = []
    for index, doc in enumerate(read_corpus(path)):
        if index not in wanted:
            continue
        breaks = list(re.finditer(r"[\u4e00-\u9fff]{2}\n[\u4e00-\u9fff]{2}", doc["content"]))
        if breaks:
            around = rng.choice(breaks)
            left, right = around.start() + rng.randint(0, 1), around.end() - rng.randint(0, 1)
            across.append((doc["content"][left:right].replace("\n", ""), doc["number"]))
        kind = len(mixed) % 4
        if kind == 0:
            mixed.append((doc["entity"], doc["number"]))
        elif kind == 1:
            mixed.append((doc["codes"].split()[-1][-6:], doc["number"]))
        else:
            runs = re.findall(r"[\u4e00-\u9fff]{6,}", doc["content"])  # within a line
            run = rng.choice(runs)
            size = rng.randint(2, 6)
            start = rng.randrange(0, len(run) - size + 1)
            mixed.append((run[start : start + size], doc["number"]))
    wording = [rng.choice(form) for form in FORMS.values()] * 3
    return {"mixed": mixed, "wording": wording, "across": across}


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def peak_rss_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own + children


# -- engines -----------------------------------------------------------------------------


class ProductEngine:
    def __init__(self, engine: str, folder: Path, procs: int) -> None:
        self.index: TextIndex = open_index(engine, folder)
        self.procs = procs
        self.path = folder

    def build(self, documents: Iterator[dict[str, Any]]) -> None:
        self.index.create_empty()
        self.index.add_many(documents, procs=self.procs)

    def top(self, term: str, limit: int = 10) -> list[str]:
        return [hit.number for hit in self.index.search(term, Filters(), limit=limit)[1]]

    def contains(self, term: str, number: str) -> bool:
        _, hits = self.index.search(f"({term}) number:{number}", Filters(), limit=1)
        return bool(hits)


class Fts5Anchor:
    """SQLite FTS5, one token per Chinese character: the anchor to beat."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn: sqlite3.Connection | None = None

    def build(self, documents: Iterator[dict[str, Any]]) -> None:
        self.path.unlink(missing_ok=True)
        conn = sqlite3.connect(self.path)
        conn.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(number UNINDEXED, title, entity, codes, "
            "content, tokenize='unicode61')"
        )
        batch: list[tuple[str, ...]] = []
        for doc in documents:
            batch.append(
                (
                    doc["number"],
                    _spaced(doc["title"]),
                    _spaced(doc["entity"]),
                    doc["codes"] + " " + _endings(doc["codes"]),
                    _spaced(doc["content"]),
                )
            )
            if len(batch) >= 2000:
                conn.executemany("INSERT INTO docs VALUES (?,?,?,?,?)", batch)
                batch.clear()
        conn.executemany("INSERT INTO docs VALUES (?,?,?,?,?)", batch)
        conn.commit()
        self.conn = conn

    def _match(self, term: str) -> str:
        if re.match(r"[\u4e00-\u9fff]", term):
            return '"' + " ".join(term) + '"'
        return f'"{term}"'

    def top(self, term: str, limit: int = 10) -> list[str]:
        assert self.conn is not None
        rows = self.conn.execute(
            "SELECT number FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?",
            (self._match(term), limit),
        ).fetchall()
        return [r[0] for r in rows]

    def contains(self, term: str, number: str) -> bool:
        assert self.conn is not None
        return bool(
            self.conn.execute(
                "SELECT 1 FROM docs WHERE docs MATCH ? AND number = ?", (self._match(term), number)
            ).fetchone()
        )


def _spaced(text: str) -> str:
    return re.sub(r"([\u4e00-\u9fff])", r" \1 ", text)


def _endings(codes: str) -> str:
    runs = [r.lower() for r in re.findall(r"[0-9A-Za-z]{8,}", codes)]
    return " ".join(r[cut:] for r in runs for cut in range(1, len(r) - 3))


def measure(
    engine: str, corpus: Path, queries: dict[str, Any], work: Path, procs: int, limit: int
) -> dict[str, Any]:
    target = work / (f"{engine}.db" if engine == "fts5" else engine)
    if target.is_dir():
        shutil.rmtree(target)
    runner: Any = Fts5Anchor(target) if engine == "fts5" else ProductEngine(engine, target, procs)
    started = time.perf_counter()
    count = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal count
        for document in read_corpus(corpus):
            count += 1
            yield document

    runner.build(counted())
    build = time.perf_counter() - started
    mixed = queries["mixed"][:limit]
    latencies: list[float] = []
    found = 0
    for term, number in mixed:
        t0 = time.perf_counter()
        numbers = runner.top(term)
        latencies.append(time.perf_counter() - t0)
        found += number in numbers or runner.contains(term, number)
    wording: list[float] = []
    for term in queries["wording"][: max(4, limit // 10)]:
        t0 = time.perf_counter()
        runner.top(term)
        wording.append(time.perf_counter() - t0)
    across = queries.get("across", [])[:limit]
    found_across = sum(
        number in runner.top(term) or runner.contains(term, number) for term, number in across
    )
    latencies.sort()
    wording.sort()
    return {
        "engine": engine,
        "items": count,
        "build_s": round(build, 1),
        "items_per_s": round(count / build),
        "size_mib": round(folder_size(target) / 2**20),
        "peak_rss_mib": round(peak_rss_mib()),
        "queries": len(latencies),
        "median_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(latencies[max(0, int(len(latencies) * 0.95) - 1)] * 1000, 1),
        "wording_median_ms": round(statistics.median(wording) * 1000, 1),
        "wording_max_ms": round(wording[-1] * 1000, 1),
        "recall": round(found / len(mixed), 3),
        "recall_across": f"{found_across}/{len(across)}" if across else "—",
        "recall_all": round((found + found_across) / (len(mixed) + len(across)), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--chars", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--wrap", type=int, default=0, help="print the text in lines of this many characters"
    )
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--whoosh-queries", type=int, default=100)
    parser.add_argument("--engines", default="tantivy,fts5,whoosh")
    parser.add_argument("--procs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "index-scale")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # run one engine (child process)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    corpus = corpus_file(args.work, args.items, args.chars, args.seed, args.wrap)
    queries_path = corpus.with_suffix(f".queries-{args.queries}.json")
    if args.one:
        queries = json.loads(queries_path.read_text(encoding="utf-8"))
        limit = args.whoosh_queries if args.one == "whoosh" else args.queries
        print(json.dumps(measure(args.one, corpus, queries, args.work, args.procs, limit)))
        return
    if not queries_path.exists():
        queries_path.write_text(
            json.dumps(
                make_queries(corpus, args.items, args.seed, args.queries), ensure_ascii=False
            ),
            encoding="utf-8",
        )
    print(
        f"corpus: {args.items:,} items × ~{args.chars} characters ({corpus.stat().st_size / 2**20:.0f} MiB "
        f"of JSON lines, ready in {time.perf_counter() - started:.0f} s); {args.queries} mixed "
        f"queries ({args.whoosh_queries} for whoosh); {args.procs} cores"
    )
    print(
        "| engine | build s | items/s | size MiB | peak RSS MiB | median ms | p95 ms | form wording median / max ms | recall | across a line break | recall, all |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for engine in args.engines.split(","):
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                "--items",
                str(args.items),
                "--chars",
                str(args.chars),
                "--seed",
                str(args.seed),
                "--wrap",
                str(args.wrap),
                "--queries",
                str(args.queries),
                "--whoosh-queries",
                str(args.whoosh_queries),
                "--procs",
                str(args.procs),
                "--work",
                str(args.work),
                "--one",
                engine,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode:
            print(f"| {engine} | failed: {child.stderr.strip().splitlines()[-1:]} |")
            continue
        r = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"| {r['engine']} | {r['build_s']} | {r['items_per_s']} | {r['size_mib']} | "
            f"{r['peak_rss_mib']} | {r['median_ms']} | {r['p95_ms']} | "
            f"{r['wording_median_ms']} / {r['wording_max_ms']} | {r['recall']} | "
            f"{r['recall_across']} | {r['recall_all']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
