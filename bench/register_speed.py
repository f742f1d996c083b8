"""How long does a year's 归档文件目录 take to write?

Writes an item list of 10,000 rows (a year of a busy agency) as .docx and as .xlsx,
each a few times, and prints the best and median seconds and the file size. Pure
layout + data: no archive is built, the rows are synthetic.

    .venv/bin/python bench/register_speed.py
    .venv/bin/python bench/register_speed.py --rows 50000 --repeat 1
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.registers import DocumentData, get_layout, write_docx, write_xlsx  # noqa: E402

UNITS = ("测试市社会保险事业服务中心", "测试市人力资源和社会保障局", "养老保险科", "工伤保险科")
WHAT = ("养老保险待遇核定审批表", "工伤认定申请材料", "失业保险金申领登记", "参保登记变更")


def rows(count: int) -> list[list[str | None]]:
    out: list[list[str | None]] = []
    for n in range(1, count + 1):
        month, day = 1 + n * 12 // (count + 1), 1 + n % 28
        out.append(
            [
                str(n),
                f"J023-WS·2022-Y-XZ-{n:05d}",
                f"测人社〔2022〕{n}号" if n % 3 else None,
                UNITS[n % len(UNITS)],
                f"关于参保人员第{n}号{WHAT[n % len(WHAT)]}（含身份证明、申请表、审核意见）",
                f"2022{month:02d}{day:02d}",
                None,
                str(1 + n % 40),
                "缺第3页" if n % 97 == 0 else None,
            ]
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    layout = get_layout("item-list")
    data = DocumentData(
        fields={
            "fonds_code": "J023",
            "fonds_name": "测试市社会保险事业服务中心",
            "year": "2022",
            "retention": "30年",
            "organisation": "养老保险科",
        },
        rows=rows(args.rows),
    )
    print(f"item-list (归档文件目录), {args.rows:,} rows, best of {args.repeat}")
    with tempfile.TemporaryDirectory() as folder:
        for name, write in (("docx", write_docx), ("xlsx", write_xlsx)):
            out = Path(folder) / f"item-list.{name}"
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                write(layout, data, out)
                times.append(time.perf_counter() - start)
            print(
                f"  {name}: best {min(times):.2f} s, median {statistics.median(times):.2f} s,"
                f" {out.stat().st_size / 1e6:.1f} MB"
            )


if __name__ == "__main__":
    main()
