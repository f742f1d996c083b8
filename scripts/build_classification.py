"""Build resources/classification.json from the retention schedule.

The facts (classes, material rows, periods, basis, confidence) come from
shared/spec/retention-schedule.csv. What this script adds is named as such: the
insurance type of each class and the common business types that file under a
schedule row ("mapped by product"). Rows marked NOT FOUND stay empty for the agency
to fill; they are never guessed.

Usage: python scripts/build_classification.py [path/to/retention-schedule.csv]
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "spec" / "retention-schedule.csv"
OUT = ROOT / "resources" / "classification.json"

INSURANCE_TYPE = {
    "GL": "综合",
    "ZJ": "综合",
    "YL": "养老保险",
    "YB": "医疗保险",
    "SY": "失业保险",
    "GS": "工伤保险",
    "SYU": "生育保险",
    "TJ": "综合",
    "JH": "综合",
    "KJ": "会计",
}

# Business-type names for each schedule row: (class, item) -> names. The first name is
# the row's own short name; further names are everyday business types that file
# under that row (mapped by product, for the agency to confirm).
BUSINESS_TYPES: dict[tuple[str, str], list[str]] = {
    ("GL", "1"): ["参保单位登记"],
    ("GL", "2"): ["参保人员登记"],
    ("GL", "3"): ["个人账户管理"],
    ("GL", "4"): ["社会保险登记证管理"],
    ("GL", "5"): ["社会保障卡管理"],
    ("GL", "6"): ["待遇领取资格认证"],
    ("YB", "4"): ["门诊待遇核定"],
    ("YB", "5"): ["医疗保险付款凭证及会计资料"],
    ("YB", "6"): ["医疗保险支付明细表和汇总表"],
    ("YB", "7"): ["医疗保险基金支付年度汇总表"],
    ("SY", "1"): ["失业登记"],
    ("SY", "2"): ["失业保险关系转移"],
    ("SY", "3"): ["失业保险待遇核定", "失业保险金申领"],
    ("SY", "4"): ["促进就业补贴核定", "技能提升补贴", "稳岗返还"],
    ("SY", "5"): ["失业保险付款凭证及会计资料"],
    ("SY", "6"): ["失业保险支付明细表和汇总表"],
    ("SY", "7"): ["失业保险基金支付年度汇总表"],
    ("GS", "1"): ["工伤备案"],
    ("GS", "2"): ["工伤认定"],
    ("GS", "3"): ["工伤人员登记变动"],
    ("GS", "4"): ["伤残工亡待遇核定"],
    ("SYU", "2"): ["计划生育手术并发症登记"],
    ("SYU", "3"): ["生育保险待遇核定"],
    ("SYU", "4"): ["生育保险付款凭证及会计资料"],
    ("SYU", "5"): ["生育保险支付明细表和汇总表"],
    ("SYU", "6"): ["生育保险基金支付年度汇总表"],
    ("TJ", "1"): ["社会保险年度统计报表"],
    ("TJ", "2"): ["社会保险数据和分析报告"],
    ("TJ", "3"): ["社会保险月季统计报表"],
    ("TJ", "4"): ["社会保险基金年度预决算表"],
    ("JH", "1"): ["社会保险稽核"],
    ("JH", "2"): ["社会保险监察"],
    ("JH", "3"): ["经办机构内部控制"],
    ("KJ", "1"): ["会计凭证"],
    ("KJ", "2"): ["总账"],
    ("KJ", "3"): ["明细分类账"],
    ("KJ", "4"): ["日记账"],
    ("KJ", "5"): ["固定资产卡片"],
    ("KJ", "6"): ["会计月季度报表"],
    ("KJ", "7"): ["年度财务报告"],
    ("KJ", "8"): ["银行存款余额调节表"],
    ("KJ", "9"): ["银行对账单"],
    ("KJ", "10"): ["会计档案移交清册"],
    ("KJ", "11"): ["会计档案保管清册"],
    ("KJ", "12"): ["会计档案销毁清册"],
    ("KJ", "13"): ["会计档案鉴定意见书"],
}

FIXED = {"Y": 10_000, "D100": 100, "D50": 50, "D30": 30, "D10": 10}


def class_name(section: str) -> str:
    """'五 失业保险待遇类' -> '失业保险待遇类'; '会计档案（事业单位）' stays."""
    head, _, rest = section.partition(" ")
    return rest if rest else head


def default_retention(periods: list[str]) -> str | None:
    """The most common fixed period of a class's rows; a tie goes to the longer one."""
    fixed = [p for p in periods if p in FIXED]
    if not fixed:
        return None
    counts = Counter(fixed)
    return max(counts, key=lambda p: (counts[p], FIXED[p]))


def build(csv_path: Path) -> dict[str, object]:
    classes: dict[str, dict[str, object]] = {}
    with csv_path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["suggested_code"]
            entry = classes.setdefault(
                code,
                {
                    "code": code,
                    "name": class_name(row["section"]),
                    "section": row["section"],
                    "insurance_type": INSURANCE_TYPE.get(code, ""),
                    "default_retention": None,
                    "status": "ok",
                    "business_types": [],
                },
            )
            if row["confidence"] == "NOT FOUND":
                entry["status"] = "not_found"
                entry["note"] = (
                    "本类条目未查到，由本机构填写 / rows not found: the agency must enter them"
                )
                continue
            names = BUSINESS_TYPES.get((code, row["item"]))
            if not names:
                raise SystemExit(f"no business-type name for {code}-{row['item']}")
            for index, name in enumerate(names):
                entry["business_types"].append(
                    {  # type: ignore[union-attr]
                        "name": name,
                        "schedule_item": f"{code}-{row['item']}",
                        "material": row["material"],
                        "retention": row["period"],
                        "basis": row["basis"],
                        "confidence": row["confidence"]
                        if index == 0
                        else f"mapped by product to {code}-{row['item']} (agency to confirm)",
                    }
                )
    for entry in classes.values():
        periods = [bt["retention"] for bt in entry["business_types"]]  # type: ignore[union-attr]
        entry["default_retention"] = default_retention(periods)
    return {
        "source": "shared/spec/retention-schedule.csv",
        "note": "Built by scripts/build_classification.py; the agency edits its copy in the archive.",
        "classes": list(classes.values()),
    }


def main() -> None:
    csv_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CSV
    data = build(csv_path)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['classes'])} classes")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
