"""Pages with known text for measuring OCR: social-insurance forms and letters in
Chinese, rendered with a CJK font and degraded like the scans archive rooms hold.

Everything comes from a seed, so a seed always gives the same pages and texts. The
degradation classes go from a clean 300-dpi render to the poor scans that are the
norm for old files: 150-200 dpi, tilted, noisy, faded, JPEG-damaged, or reduced to
black and white with dust specks.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from archivist.formats import scan_drawing
from archivist.rules.identity import id_check_character


@dataclass(frozen=True)
class Degradation:
    """How a scan of the page went wrong (see `scan_drawing.degrade_like_scan`)."""

    name: str
    dpi: int
    skew_degrees: float  # the page is tilted by up to this, either way
    noise: float  # gaussian grain, standard deviation in grey levels
    blur: float  # box blur radius in pixels
    jpeg_quality: int | None
    bits: int = 8  # 8 greyscale, 1 black and white
    paper: int = 255  # grey of the paper after fading
    ink: int = 0  # grey of the print after fading
    speckle: float = 0.0  # share of pixels that start a dust speck (1-bit pages)


CLEAN = Degradation("clean", 300, 0.0, 0.0, 0.0, None)
# An office flatbed scan: a little tilt, grain and JPEG.
SCAN = Degradation("scan-300", 300, 1.0, 8.0, 0.6, 80)
# A quick 150-dpi office scan of a yellowed page: tilted, some grain, JPEG.
LOW_150 = Degradation("low-150", 150, 2.5, 12.0, 0.6, 60, paper=222, ink=70)
# Old files scanned in bulk at low resolution: tilted, heavy grain, faded, heavy JPEG.
POOR_200 = Degradation("poor-200", 200, 2.5, 24.0, 0.8, 45, paper=222, ink=70)
POOR_150 = Degradation("poor-150", 150, 2.5, 24.0, 0.6, 45, paper=222, ink=70)
# Bilevel scans with dust: what many archive scanners produce by default.
SPECKLED_1BIT = Degradation(
    "1bit-speckled-200", 200, 1.5, 14.0, 0.6, None, bits=1, paper=235, ink=40, speckle=0.006
)

CLASSES: tuple[Degradation, ...] = (CLEAN, SCAN, LOW_150, POOR_200, POOR_150, SPECKLED_1BIT)
CLASS_BY_NAME = {degradation.name: degradation for degradation in CLASSES}


@dataclass(frozen=True)
class CorpusPage:
    name: str
    degradation: Degradation
    image: scan_drawing.PageImage
    text: str  # what is printed, one line per printed line

    def save(self, folder: Path) -> Path:
        """Write the page as PNG (lossless: the JPEG damage is already in the pixels)."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.name}.png"
        scan_drawing.save_png(self.image, path)
        return path


# -- text -------------------------------------------------------------------------

_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
_GIVEN = "秀英桂兰玉珍凤华建国志强海燕红梅丽娟春生德明文杰晓东金凤淑芬振华立新永刚丽萍小平国庆秋菊宝山长青雪梅俊峰慧敏素琴树林广才玉兰"
_PLACES = (
    ("150102", "呼和浩特市新城区"),
    ("150203", "包头市昆都仑区"),
    ("150402", "赤峰市红山区"),
    ("210102", "沈阳市和平区"),
    ("210106", "沈阳市铁西区"),
    ("210202", "大连市中山区"),
    ("210302", "鞍山市铁东区"),
    ("211002", "辽阳市白塔区"),
)
_TRADES = ("商贸", "机械制造", "建筑工程", "物流", "食品加工", "物业服务", "纺织", "电子科技")
_STREETS = ("解放路", "人民大街", "新华路", "中山路", "胜利街", "建设大街", "和平路", "团结巷")
_TITLES = (
    "失业保险金申领登记表",
    "基本养老保险关系转移接续申请表",
    "社会保险参保人员信息变更登记表",
    "工伤保险待遇核定通知书",
    "关于办理退休手续的函",
    "职工基本养老保险待遇审批表",
    "社会保险费缴费情况证明",
)
_REASONS = (
    "因单位解除劳动合同而失业",
    "因劳动合同期满未续订而失业",
    "因单位经济性裁员而失业",
    "因本人达到法定退休年龄",
)
_PARAGRAPHS = (
    "经审核，该同志于{joined}参加基本养老保险，累计缴费年限为{years}年，"
    "视同缴费年限为{extra}年，符合按月领取基本养老金的条件，自{start}起按月发放。",
    "申请人{name}{reason}，已办理失业登记并有求职要求，非因本人意愿中断就业，"
    "失业前参加失业保险并累计缴费满{years}年，现申请领取失业保险金，请予审核。",
    "根据《社会保险法》和《工伤保险条例》的有关规定，经调查核实，"
    "{name}于{injured}在工作时间和工作场所内因工作原因受到事故伤害，认定为工伤。",
    "请于收到本通知之日起六十日内到{district}社会保险事业服务中心办理相关手续，"
    "逾期未办理的，视为放弃申请。联系电话{phone}。",
    "参保单位{unit}已按规定为该职工足额缴纳{period}期间的各项社会保险费，"
    "月缴费基数为{base}元，无欠费记录，特此证明。",
    "本人承诺以上所填信息及提供的材料真实有效，如有虚假，愿意承担由此产生的一切法律责任，"
    "并退还已领取的待遇。",
)


def _name(rng: random.Random) -> str:
    given = "".join(rng.sample(_GIVEN, rng.choice((1, 2))))
    return rng.choice(_SURNAMES) + given


def _id_number(rng: random.Random, region: str, born: dt.date) -> str:
    body = f"{region}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return body + id_check_character(body)


def _date(rng: random.Random, first: int, last: int) -> dt.date:
    start = dt.date(first, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randrange(start, dt.date(last, 12, 31).toordinal()))


def _cn(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def page_lines(rng: random.Random) -> tuple[str, list[str], list[str]]:
    """A title, the filled-in fields and the paragraphs of one record page."""
    region, district = rng.choice(_PLACES)
    born = _date(rng, 1958, 1998)
    name = _name(rng)
    unit = (
        f"{district}{''.join(rng.sample('鑫达宏远华泰恒通金盛', 2))}{rng.choice(_TRADES)}有限公司"
    )
    phone = f"0{rng.randrange(410, 480)}-{rng.randrange(2000000, 8999999)}"
    joined = _date(rng, 1995, 2015)
    fields = [
        f"姓名：{name}　性别：{rng.choice('男女')}　民族：汉族",
        f"公民身份号码：{_id_number(rng, region, born)}",
        f"出生日期：{_cn(born)}　参加工作时间：{_cn(joined)}",
        f"单位名称：{unit}",
        f"个人编号：{rng.randrange(10**11, 10**12)}　联系电话：{phone}",
        f"家庭住址：{district}{rng.choice(_STREETS)}{rng.randrange(1, 300)}号"
        f"{rng.randrange(1, 20)}单元{rng.randrange(101, 1800)}室",
    ]
    values = {
        "name": name,
        "reason": rng.choice(_REASONS),
        "joined": _cn(joined),
        "years": str(rng.randrange(3, 35)),
        "extra": str(rng.randrange(0, 12)),
        "start": _cn(_date(rng, 2019, 2025)),
        "injured": _cn(_date(rng, 2016, 2024)),
        "district": district,
        "phone": phone,
        "unit": unit,
        "period": f"{rng.randrange(2005, 2015)}年1月至{rng.randrange(2018, 2025)}年12月",
        "base": f"{rng.randrange(2800, 9800)}",
    }
    paragraphs = [p.format(**values) for p in rng.sample(_PARAGRAPHS, 4)]
    return rng.choice(_TITLES), fields, paragraphs


# -- pages ------------------------------------------------------------------------


def render_page(
    seed: int,
    degradation: Degradation,
    *,
    size_mm: tuple[float, float] = scan_drawing.A4_MM,
    max_lines: int | None = None,
    font_size: float = 10.5,
) -> CorpusPage:
    """One record page; `max_lines` cuts it short (small pages keep tests fast)."""
    rng = random.Random(f"ocr-corpus:{seed}")
    title, fields, paragraphs = page_lines(rng)
    canvas = scan_drawing.PageCanvas(dpi=degradation.dpi, colour=False, size_mm=size_mm)
    margin = 18.0 if size_mm[1] > 150 else 8.0
    width = size_mm[0] - 2 * margin
    line_step = font_size * 25.4 / 72 * 1.8
    printed: list[str] = []
    y = margin
    limit = max_lines if max_lines is not None else 10**6

    def draw(text: str, size: float, *, centred: bool = False) -> None:
        nonlocal y
        if len(printed) >= limit or y + line_step > size_mm[1] - margin:
            return
        if centred:
            canvas.text(size_mm[0] / 2, y, text, size=size, align="centre", bold=True)
        else:
            canvas.text(margin, y, text, size=size)
        printed.append(text)
        y += size * 25.4 / 72 * 1.8

    draw(title, font_size * 1.6, centred=True)
    y += 2.0
    for field in fields:
        for line in canvas.wrap(field, width, font_size):
            draw(line, font_size)
    y += 2.0
    for paragraph in paragraphs:
        for line in canvas.wrap(paragraph, width, font_size, indent=2):
            draw(line, font_size)
    return CorpusPage(
        f"{degradation.name}-{seed:04d}",
        degradation,
        degrade(canvas, degradation, seed),
        "\n".join(printed),
    )


def degrade(
    canvas: scan_drawing.PageCanvas, degradation: Degradation, seed: int
) -> scan_drawing.PageImage:
    page: scan_drawing.PageCanvas | scan_drawing.PageImage = canvas
    if degradation.paper != 255 or degradation.ink != 0:
        page = scan_drawing.fade(canvas, paper=degradation.paper, ink=degradation.ink)
    scanned = scan_drawing.degrade_like_scan(
        page,
        seed=seed,
        skew_degrees=degradation.skew_degrees,
        noise=degradation.noise,
        blur=degradation.blur,
        jpeg_quality=degradation.jpeg_quality,
        bits=degradation.bits,
    )
    if degradation.speckle > 0:
        scanned = scan_drawing.add_speckle(scanned, density=degradation.speckle, seed=seed)
    return scanned


def corpus(
    seed: int, pages_per_class: int, classes: Sequence[Degradation] = CLASSES
) -> Iterator[CorpusPage]:
    """`pages_per_class` A4 pages of each class; the same texts in every class, so the
    classes differ only in how the scan went wrong."""
    for degradation in classes:
        for index in range(pages_per_class):
            yield render_page(seed * 1000 + index, degradation)


# -- scoring ----------------------------------------------------------------------


def comparable(text: str) -> str:
    """Text reduced to what OCR is asked to get right: NFKC (full-width punctuation and
    digits as ASCII, so '：' and ':' agree) without any whitespace or line breaks."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def edit_distance(left: str, right: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions each cost 1)."""
    if len(left) < len(right):
        left, right = right, left
    previous = list(range(len(right) + 1))
    for i, char in enumerate(left, 1):
        current = [i]
        for j, other in enumerate(right, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        previous = current
    return previous[-1]


def character_accuracy(expected: str, actual: str) -> float:
    """1 - edit distance / expected length, at least 0, after `comparable`: the share of
    the printed characters read correctly, with every extra character counted too."""
    truth, read = comparable(expected), comparable(actual)
    if not truth:
        return 1.0 if not read else 0.0
    return max(0.0, 1.0 - edit_distance(truth, read) / len(truth))
