"""A synthetic, scan-like corpus for the benchmarks, built once and cached.

Each item is one 失业保险金申领 (SY) transaction of one person:

- a scanned application form: a PDF of ``form_pages`` greyscale JPEG pages (A4, 150 dpi);
- ``pages_per_item - form_pages`` JPEG vouchers (A4 colour scans of an ID card copy, a
  bank card copy, a termination certificate, ...), one page each;
- a ``manifest.json`` in the format `archivist.capture.manifest` reads.

Pages carry per-item text, a random skew and sensor-like noise, so every file is unique
and JPEG sizes are those of real scans (about 100-200 KB a page). Items are written to
``<work>/corpus-v<N>-p<pages>/items/<NNNNN>/`` through a temporary folder that is renamed
into place when complete, so an interrupted build resumes and a finished one is reused.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from archivist.errors import ArchivistError
from archivist.formats.fonts import find_cjk_font, preferred_face_index
from archivist.rules.identity import id_check_character

GENERATOR_VERSION = 1
DPI = 150
PAGE = (1240, 1754)  # A4 at 150 dpi
FORM_PAGES = 2
JPEG_QUALITY = 75
NOISE_SIGMA = 3.0
NOISE_POOL = 4

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅文斌宇浩然子轩欣怡雨萱"
REGIONS = ("110105", "310104", "440106", "320102", "510107", "330106", "420102", "610113")
COMPANIES = (
    "示例市宏达机械制造有限公司",
    "示例市新纪元商贸有限公司",
    "示例市恒通物流有限公司",
    "示例市明珠餐饮管理有限公司",
    "示例市华信电子科技有限公司",
    "示例市远航建筑工程有限公司",
)
STREETS = ("人民路", "解放路", "建设大道", "中山路", "长江路", "和平街", "新华路", "文化路")
BANKS = ("中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "交通银行")
FORM_LABELS = (
    "姓名",
    "性别",
    "公民身份号码",
    "出生日期",
    "联系电话",
    "户籍地址",
    "现居住地址",
    "原工作单位",
    "参保缴费起始时间",
    "累计缴费年限",
    "解除劳动合同日期",
    "失业原因",
    "申领银行",
    "银行账号",
    "申领人签字",
    "受理日期",
    "经办人",
    "审核意见",
)
VOUCHERS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("身份证复印件", "id_card", {"importance": "important"}),
    ("银行卡复印件", "bank_card", {"importance": "secondary"}),
    ("解除劳动合同证明", "letter", {"importance": "important", "source": "applicant"}),
    ("户口簿复印件", "letter", {"importance": "secondary"}),
)


@dataclass(frozen=True)
class CorpusItem:
    manifest: Path
    files: tuple[Path, ...]
    bytes: int
    pages: int


@dataclass(frozen=True)
class Corpus:
    root: Path
    items: tuple[CorpusItem, ...]
    build_seconds: float
    built_now: int  # items generated in this run (0: everything came from the cache)

    @property
    def manifests(self) -> list[Path]:
        return [i.manifest for i in self.items]

    @property
    def files(self) -> list[Path]:
        return [f for i in self.items for f in i.files]

    @property
    def bytes(self) -> int:
        return sum(i.bytes for i in self.items)

    @property
    def pages(self) -> int:
        return sum(i.pages for i in self.items)


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str
    sex: str
    birth: dt.date
    address: str
    company: str
    bank: str
    account: str


# -- people -----------------------------------------------------------------------------


def make_person(index: int, rng: random.Random) -> Person:
    """A person with a valid GB 11643 ID number, unique for each item index."""
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=(index * 7919) % 14000)  # 7919 is prime
    sequence = f"{index % 1000:03d}"
    sex = "男" if int(sequence[-1]) % 2 else "女"
    first17 = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{sequence}"
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
    address = f"示例市{rng.choice(STREETS)}{rng.randint(1, 999)}号{rng.randint(1, 30)}栋"
    account = "6222" + "".join(str(rng.randint(0, 9)) for _ in range(15))
    return Person(
        name=name,
        id_number=first17 + id_check_character(first17),
        sex=sex,
        birth=birth,
        address=address,
        company=rng.choice(COMPANIES),
        bank=rng.choice(BANKS),
        account=account,
    )


# -- drawing ------------------------------------------------------------------------------


@cache
def _font(size: int) -> Font:
    try:
        path = find_cjk_font()
        return ImageFont.truetype(str(path), size, index=preferred_face_index(path))
    except (ArchivistError, OSError):  # no CJK font: boxes instead of glyphs, sizes similar
        return ImageFont.load_default(size)


@cache
def _noise_pool(mode: str) -> tuple[Image.Image, ...]:
    """A few full-page noise fields per process; pages take them at random offsets."""
    fields = []
    for _ in range(NOISE_POOL):
        noise = Image.effect_noise(PAGE, NOISE_SIGMA).filter(ImageFilter.GaussianBlur(0.6))
        fields.append(noise.convert(mode) if mode != "L" else noise)
    return tuple(fields)


def _scan(page: Image.Image, rng: random.Random, paper: int | tuple[int, int, int]) -> Image.Image:
    """Skew a clean page a little and add scanner noise."""
    skewed = page.rotate(
        rng.uniform(-0.8, 0.8), resample=Image.Resampling.BILINEAR, fillcolor=paper
    )
    noise = ImageChops.offset(
        rng.choice(_noise_pool(page.mode)), rng.randrange(PAGE[0]), rng.randrange(PAGE[1])
    )
    return ImageChops.add(skewed, noise, scale=1.0, offset=-128)


@cache
def _form_template(page: int) -> Image.Image:
    """The printed (fixed) part of a form page; per-item entries are drawn on a copy."""
    image = Image.new("L", PAGE, 246)
    draw = ImageDraw.Draw(image)
    title, label_font = _font(40), _font(24)
    top = 240
    rows: tuple[str, ...]
    if page == 0:
        draw.text((PAGE[0] // 2, 120), "失业保险金申领登记表", font=title, fill=15, anchor="mm")
        draw.text((100, 190), "申领编号：", font=label_font, fill=30)
        rows = FORM_LABELS
    else:
        draw.text((PAGE[0] // 2, 120), "申领人承诺书及审核意见", font=title, fill=15, anchor="mm")
        rows = ("承诺事项", "申领人签字", "经办意见", "复核意见", "审批意见", "备注")
    height = 72 if page == 0 else 200
    for row, label in enumerate(rows):
        y = top + row * height
        draw.line((90, y, PAGE[0] - 90, y), fill=35, width=2)
        draw.text((105, y + 20), label, font=label_font, fill=25)
    bottom = top + len(rows) * height
    draw.line((90, bottom, PAGE[0] - 90, bottom), fill=35, width=2)
    for x in (90, 420, PAGE[0] - 90):
        draw.line((x, top, x, bottom), fill=35, width=2)
    draw.text((100, PAGE[1] - 120), "示例市社会保险事业服务中心制", font=_font(20), fill=60)
    return image


def _scribble(draw: ImageDraw.ImageDraw, rng: random.Random, x: int, y: int, fill: Any) -> None:
    """A handwritten signature: a few connected strokes."""
    points = [(x + i * 18 + rng.randint(-6, 6), y + rng.randint(-18, 18)) for i in range(12)]
    draw.line(points, fill=fill, width=3, joint="curve")


def _stamp(draw: ImageDraw.ImageDraw, x: int, y: int, text: str, fill: Any) -> None:
    draw.ellipse((x - 110, y - 110, x + 110, y + 110), outline=fill, width=6)
    draw.regular_polygon((x, y, 26), 5, fill=fill)
    draw.text((x, y + 60), text[:8], font=_font(20), fill=fill, anchor="mm")


def form_pages(person: Person, number: str, day: dt.date, rng: random.Random) -> list[Image.Image]:
    values = [
        person.name,
        person.sex,
        person.id_number,
        f"{person.birth:%Y年%m月%d日}",
        f"1{rng.randint(3, 9)}{rng.randint(0, 999999999):09d}",
        person.address,
        person.address,
        person.company,
        f"{rng.randint(2005, 2016)}年{rng.randint(1, 12)}月",
        f"{rng.randint(2, 18)}年",
        f"{day - dt.timedelta(days=rng.randint(10, 60)):%Y年%m月%d日}",
        rng.choice(("劳动合同期满终止", "用人单位解除", "协商一致解除", "单位破产关闭")),
        person.bank,
        person.account,
        "",
        f"{day:%Y年%m月%d日}",
        rng.choice(("王经办", "李经办", "赵经办")),
        "符合申领条件，同意。",
    ]
    pages = []
    hand = _font(26)
    first = _form_template(0).copy()
    draw = ImageDraw.Draw(first)
    draw.text((230, 190), number, font=_font(24), fill=40)
    for row, value in enumerate(values):
        y = 240 + row * 72 + 20 + rng.randint(-4, 4)
        if value:
            draw.text((440 + rng.randint(0, 30), y), value, font=hand, fill=rng.randint(30, 70))
    _scribble(draw, rng, 460, 240 + 14 * 72 + 36, 40)
    _stamp(draw, 950, 1500, "示例市社会保险事业服务中心", 80)
    pages.append(_scan(first, rng, 246))
    second = _form_template(1).copy()
    draw = ImageDraw.Draw(second)
    promise = "本人承诺所提供的材料真实有效，如有虚假愿承担相应法律责任。"
    draw.text((440, 270), promise[:20], font=hand, fill=50)
    draw.text((440, 310), promise[20:], font=hand, fill=50)
    _scribble(draw, rng, 460, 480, 40)
    for row in range(2, 5):
        y = 240 + row * 200 + 60
        draw.text((440, y), "同意。" + f"{day:%Y.%m.%d}", font=hand, fill=rng.randint(30, 70))
        _scribble(draw, rng, 800, y + 20, 40)
    pages.append(_scan(second, rng, 246))
    return pages


def voucher_page(kind: str, title: str, person: Person, rng: random.Random) -> Image.Image:
    paper = (238, 238, 236)
    image = Image.new("RGB", PAGE, paper)
    draw = ImageDraw.Draw(image)
    text = _font(22)
    if kind == "id_card":
        for side in range(2):
            x, y = 330, 260 + side * 520
            tint = (rng.randint(200, 225), rng.randint(215, 235), rng.randint(225, 245))
            draw.rounded_rectangle((x, y, x + 580, y + 366), radius=24, fill=tint, outline=120)
            if side == 0:
                lines = [
                    f"姓名  {person.name}",
                    f"性别  {person.sex}    民族  汉",
                    f"出生  {person.birth:%Y年%m月%d日}",
                    f"住址  {person.address}",
                    f"公民身份号码  {person.id_number}",
                ]
                for n, line in enumerate(lines):
                    draw.text((x + 30, y + 40 + n * 60), line, font=text, fill=(40, 40, 50))
                face = (rng.randint(150, 200), rng.randint(120, 160), rng.randint(100, 140))
                draw.rectangle((x + 410, y + 50, x + 550, y + 230), fill=(200, 210, 230))
                draw.ellipse((x + 440, y + 70, x + 520, y + 170), fill=face)
                draw.pieslice((x + 420, y + 160, x + 540, y + 290), 180, 360, fill=(50, 50, 70))
            else:
                draw.text((x + 150, y + 60), "中华人民共和国", font=_font(34), fill=(60, 60, 60))
                draw.text((x + 200, y + 120), "居民身份证", font=_font(40), fill=(60, 60, 60))
                draw.text((x + 60, y + 250), "签发机关  示例市公安局", font=text, fill=(40, 40, 50))
                start = rng.randint(2012, 2020)
                valid = f"有效期限  {start}.0{rng.randint(1, 9)}.1{rng.randint(0, 9)}-长期"
                draw.text((x + 60, y + 300), valid, font=text, fill=(40, 40, 50))
    elif kind == "bank_card":
        x, y = 330, 360
        base = (rng.randint(120, 200), rng.randint(20, 80), rng.randint(20, 80))
        for band in range(0, 366, 6):  # a gradient, as printed cards have
            shade = tuple(min(255, c + band // 4) for c in base)
            draw.rectangle((x, y + band, x + 580, y + band + 6), fill=shade)
        draw.text((x + 30, y + 30), person.bank, font=_font(30), fill=(250, 240, 200))
        draw.rectangle((x + 40, y + 120, x + 120, y + 180), fill=(210, 180, 90))
        groups = " ".join(person.account[i : i + 4] for i in range(0, len(person.account), 4))
        draw.text((x + 40, y + 230), groups, font=_font(32), fill=(245, 245, 245))
        draw.text((x + 40, y + 300), "UnionPay  银联", font=text, fill=(245, 245, 245))
        draw.text((330, 820), f"持卡人：{person.name}", font=_font(26), fill=(40, 40, 40))
        _scribble(draw, rng, 700, 830, (30, 30, 90))
    else:
        draw.text((PAGE[0] // 2, 140), title, font=_font(40), fill=(20, 20, 20), anchor="mm")
        body = [
            f"兹证明{person.name}（公民身份号码：{person.id_number}）",
            f"原系{person.company}职工，",
            f"于{rng.randint(2008, 2018)}年{rng.randint(1, 12)}月入职，",
            "双方劳动关系已依法解除（终止）。",
            "特此证明。",
        ]
        for n, line in enumerate(body):
            draw.text((140, 260 + n * 56), line, font=_font(28), fill=(30, 30, 30))
        for n in range(rng.randint(8, 14)):  # smaller print below
            line = "".join(rng.choice(GIVEN + SURNAMES) for _ in range(rng.randint(18, 34)))
            draw.text((140, 600 + n * 44), line, font=text, fill=(70, 70, 70))
        _stamp(draw, 900, 1350, person.company, (200, 40, 40))
    return _scan(image, rng, paper)


# -- items --------------------------------------------------------------------------------


def _completed_on(rng: random.Random) -> dt.date:
    start = dt.date(2019, 1, 1)
    return start + dt.timedelta(days=rng.randrange((dt.date(2025, 12, 31) - start).days + 1))


def build_item(folder: Path, index: int, pages_per_item: int) -> None:
    """Write one item (files + manifest) into `folder`, which must not exist yet."""
    rng = random.Random(f"archivist-bench-{GENERATOR_VERSION}-{index}")
    person = make_person(index, rng)
    day = _completed_on(rng)
    folder.mkdir(parents=True)
    form_name = "失业保险金申领登记表.pdf"
    first, *rest = form_pages(person, f"SQ{day:%Y%m%d}{index:05d}", day, rng)
    first.save(
        folder / form_name,
        "PDF",
        save_all=True,
        append_images=rest,
        resolution=DPI,
        quality=JPEG_QUALITY,
        title="失业保险金申领登记表",
    )
    materials: list[dict[str, Any]] = [
        {"file": form_name, "role": "form", "title": "失业保险金申领登记表", "origin": "scan"}
    ]
    for n in range(pages_per_item - FORM_PAGES):
        title, kind, extra = VOUCHERS[n % len(VOUCHERS)]
        name = f"{title}.jpg" if n < len(VOUCHERS) else f"{title}-{n + 1}.jpg"
        voucher_page(kind, title, person, rng).save(
            folder / name, "JPEG", quality=JPEG_QUALITY, dpi=(DPI, DPI)
        )
        materials.append(
            {"file": name, "role": "voucher", "title": title, "person": person.name, **extra}
        )
    manifest = {
        "class": "SY",
        "business_type": "失业保险金申领",
        "completed_on": day.isoformat(),
        "entity": {"kind": "person", "name": person.name, "id_number": person.id_number},
        "title": f"{person.name}失业保险金申领",
        "handler": rng.choice(("王经办", "李经办", "赵经办")),
        "roster": [{"name": person.name, "id_number": person.id_number}],
        "materials": materials,
    }
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def _build_range(args: tuple[str, Sequence[int], int]) -> int:
    items_dir, indexes, pages_per_item = args
    for index in indexes:
        final = Path(items_dir) / f"{index:05d}"
        if final.is_dir():
            continue
        temporary = Path(items_dir) / f".{index:05d}.tmp"
        if temporary.exists():
            for leftover in temporary.iterdir():
                leftover.unlink()
            temporary.rmdir()
        build_item(temporary, index, pages_per_item)
        os.replace(temporary, final)
    return len(indexes)


def _chunks(values: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def corpus_dir(work: Path, pages_per_item: int) -> Path:
    return work / f"corpus-v{GENERATOR_VERSION}-p{pages_per_item}"


def build_corpus(
    work: Path, items: int, pages_per_item: int = 5, workers: int | None = None
) -> Corpus:
    """Items 1..`items` of the corpus, generating only those not cached yet."""
    if pages_per_item <= FORM_PAGES:
        raise ValueError(f"pages per item must be more than {FORM_PAGES} (the form's pages)")
    root = corpus_dir(work, pages_per_item)
    items_dir = root / "items"
    items_dir.mkdir(parents=True, exist_ok=True)
    wanted = list(range(1, items + 1))
    missing = [i for i in wanted if not (items_dir / f"{i:05d}").is_dir()]
    started = time.perf_counter()
    if missing:
        print(f"generating {len(missing)} corpus items in {root} ...", file=sys.stderr)
        jobs = [(str(items_dir), chunk, pages_per_item) for chunk in _chunks(missing, 25)]
        done = 0
        with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
            for count in pool.map(_build_range, jobs):
                done += count
                print(f"  {done}/{len(missing)}", file=sys.stderr, end="\r")
        print(file=sys.stderr)
    seconds = time.perf_counter() - started
    found = []
    for index in wanted:
        folder = items_dir / f"{index:05d}"
        manifest = folder / "manifest.json"
        data = json.loads(manifest.read_text(encoding="utf-8"))
        files = tuple(folder / m["file"] for m in data["materials"])
        found.append(
            CorpusItem(
                manifest=manifest,
                files=files,
                bytes=sum(f.stat().st_size for f in files),
                pages=pages_per_item,
            )
        )
    return Corpus(root=root, items=tuple(found), build_seconds=seconds, built_now=len(missing))


# -- shared measuring helpers ----------------------------------------------------------------


def read_all(paths: Sequence[Path]) -> int:
    """Read every file once (puts them in the OS page cache); return the bytes read."""
    total = 0
    for path in paths:
        with path.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                total += len(chunk)
    return total


def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": str(os.cpu_count()),
        "cpu": model,
        "python": sys.version.split()[0],
    }


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain aligned text table (numbers right-aligned)."""
    cells = [[str(c) for c in headers]] + [[_cell(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    numeric = [all(_is_number(r[i]) for r in cells[1:]) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if num else c.ljust(w)
            for c, w, num in zip(row, widths, numeric, strict=True)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _is_number(text: str) -> bool:
    return text.replace(",", "").replace(".", "", 1).replace("x", "").strip().isdigit() or text in (
        "",
        "-",
    )


MB = 1_000_000
