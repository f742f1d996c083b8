"""Page layouts of the paper records an agency scans: forms and review vouchers.

Each function draws one kind of page on a `PageCanvas` (millimetres, A4) and returns
it undegraded; the scenario decides how the page is scanned and saved. A small grey
footer on every page says the data is synthetic.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from archivist.demo.people import AGENCY, DEMO_CITY, Employment, Person, Unit
from archivist.demo.wording import cn_date, money
from archivist.formats.scan_drawing import MID_GREY, PALE_GREY, Cell, Colour, PageCanvas

DPI = 150
LEFT = 18.0
WIDTH = 174.0
RIGHT = LEFT + WIDTH
FOOTER = "演示数据 · 人员与单位均为虚构"
DARK_RED: Colour = (150, 30, 30)


def blank_page(*, colour: bool = True) -> PageCanvas:
    page = PageCanvas(dpi=DPI, colour=colour)
    page.text(105, 289, FOOTER, size=7, align="centre", fill=MID_GREY)
    return page


def _seed(rng: random.Random) -> int:
    return rng.randrange(1 << 30)


# ---------------------------------------------------------------------------
# Forms: a title and a bordered table of blocks, top to bottom
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Fields:
    """Rows of label | value pairs; a row's pairs share the width."""

    rows: Sequence[Sequence[tuple[str, str]]]
    height: float = 10.0
    label_width: float = 25.0


@dataclass(frozen=True)
class Heading:
    """A full-width shaded row naming the section below it."""

    text: str


@dataclass(frozen=True)
class Roster:
    """A table of people (名册): the order vouchers must follow."""

    headers: Sequence[str]
    widths: Sequence[float]  # relative; scaled to the form's width
    rows: Sequence[Sequence[str]]
    height: float = 8.5
    blank_rows: int = 0  # empty ruled rows, as printed forms leave


@dataclass(frozen=True)
class TextBox:
    """A label at the left and a box of (typed) text."""

    label: str
    text: str
    height: float = 30.0


@dataclass(frozen=True)
class Checks:
    """A label and a line of tick boxes."""

    label: str
    options: Sequence[str]
    chosen: Sequence[str]
    height: float = 10.0


@dataclass(frozen=True)
class Declaration:
    """The applicant's promise, signed by hand and, for a unit, stamped."""

    text: str
    signer_label: str
    signer: str
    signed_on: dt.date
    seal: str = ""
    height: float = 34.0


@dataclass(frozen=True)
class Opinion:
    """The agency's review: a handwritten opinion, two signatures, the agency's seal."""

    label: str
    text: str
    handler: str
    reviewer: str
    signed_on: dt.date
    seal: str = AGENCY
    height: float = 38.0


Block = Fields | Heading | Roster | TextBox | Checks | Declaration | Opinion


@dataclass(frozen=True)
class FormPage:
    title: str
    blocks: Sequence[Block]
    number: str = ""
    filled_on: dt.date | None = None
    note: str = ""


def form_page(form: FormPage, rng: random.Random, *, colour: bool = True) -> PageCanvas:
    page = blank_page(colour=colour)
    page.text(105, 16, form.title, size=17, align="centre", bold=True)
    y = 29.0
    if form.number:
        page.text(LEFT, y, f"编号：{form.number}", size=9.5)
    if form.filled_on:
        page.text(RIGHT, y, f"填表日期：{cn_date(form.filled_on)}", size=9.5, align="right")
    y += 6
    for block in form.blocks:
        y = _draw_block(page, block, y, rng)
    if form.note:
        page.paragraph(LEFT, y + 2, WIDTH, form.note, size=8.5, indent=0)
    return page


def _draw_block(page: PageCanvas, block: Block, y: float, rng: random.Random) -> float:
    if isinstance(block, Fields):
        for row in block.rows:
            value_width = (WIDTH - block.label_width * len(row)) / len(row)
            cells: list[Cell] = []
            for label, value in row:
                cells += [Cell(label, block.label_width, "centre"), Cell(value, value_width)]
            y = page.row(LEFT, y, cells, height=block.height, size=10)
        return y
    if isinstance(block, Heading):
        page.rect(LEFT, y, WIDTH, 8, fill=PALE_GREY)
        page.cell(LEFT, y, WIDTH, 8, block.text, size=10, align="centre", bold=True, border=False)
        return y + 8
    if isinstance(block, Roster):
        total = sum(block.widths)
        widths = [WIDTH * w / total for w in block.widths]
        rows = [list(block.headers), *map(list, block.rows)]
        rows += [[""] * len(widths) for _ in range(block.blank_rows)]
        return page.table(LEFT, y, widths, rows, height=block.height, size=9)
    if isinstance(block, TextBox):
        page.cell(LEFT, y, 25, block.height, block.label, size=10, align="centre")
        page.rect(LEFT + 25, y, WIDTH - 25, block.height)
        page.paragraph(LEFT + 27, y + 2.5, WIDTH - 29, block.text, size=9.5, leading=1.6)
        return y + block.height
    if isinstance(block, Checks):
        page.cell(LEFT, y, 25, block.height, block.label, size=10, align="centre")
        page.rect(LEFT + 25, y, WIDTH - 25, block.height)
        x = LEFT + 28
        for option in block.options:
            page.checkbox(x, y + block.height / 2 - 1.6, checked=option in block.chosen)
            page.text(x + 4.5, y + block.height / 2 - 2.1, option, size=9.5)
            x += 9 + page.text_width(option, 9.5)
        return y + block.height
    if isinstance(block, Declaration):
        page.rect(LEFT, y, WIDTH, block.height)
        page.paragraph(LEFT + 3, y + 3, WIDTH - 6, block.text, size=9.5, leading=1.6)
        sign_y = y + block.height - 15
        label_x = LEFT + WIDTH * 0.5
        page.text(label_x, sign_y, f"{block.signer_label}：", size=10)
        after = label_x + page.text_width(f"{block.signer_label}：", 10) + 2
        if block.signer:
            page.handwriting(after, sign_y - 1.5, block.signer, size=14, seed=_seed(rng))
        page.handwriting(
            label_x + 22, sign_y + 7, cn_date(block.signed_on), size=11, seed=_seed(rng)
        )
        if block.seal:
            # Stamped over the "(盖章)" label, leaving a signature beside it readable.
            centre = (label_x + after) / 2 + rng.uniform(-3, 3)
            page.seal(centre, sign_y + 1, block.seal, diameter=36, rotation=rng.uniform(-20, 20))
        return y + block.height
    # Opinion
    page.cell(LEFT, y, 25, block.height, block.label, size=10, align="centre")
    page.rect(LEFT + 25, y, WIDTH - 25, block.height)
    page.handwriting(LEFT + 30, y + 4, block.text, size=12, seed=_seed(rng))
    sign_y = y + block.height - 17
    page.text(LEFT + 30, sign_y, "经办人：", size=10)
    page.handwriting(LEFT + 45, sign_y - 1.5, block.handler, size=13, seed=_seed(rng))
    page.text(LEFT + 75, sign_y, "复核人：", size=10)
    page.handwriting(LEFT + 90, sign_y - 1.5, block.reviewer, size=13, seed=_seed(rng))
    page.handwriting(LEFT + 122, sign_y + 7, cn_date(block.signed_on), size=11, seed=_seed(rng))
    page.seal(
        LEFT + 138,
        sign_y + 2,
        block.seal,
        bottom_text="业务专用章",
        diameter=38,
        rotation=rng.uniform(-15, 15),
    )
    return y + block.height


# ---------------------------------------------------------------------------
# Vouchers
# ---------------------------------------------------------------------------


def id_card_copy(
    person: Person, issued_on: dt.date, note: str, copied_on: dt.date, rng: random.Random
) -> PageCanvas:
    """A photocopy of both sides of a resident ID card, with the holder's note on its use."""
    page = blank_page(colour=False)
    card_w, card_h = 85.6, 54.0
    x = (210 - card_w) / 2
    front_y, back_y = 38.0, 108.0
    # Front (the holder's side)
    page.rect(x, front_y, card_w, card_h, radius=3.5, weight=0.4, fill=(246, 246, 246))
    page.photo_placeholder(x + 56, front_y + 8, 26, 33)
    grey: Colour = (110, 110, 110)
    rows = (
        ("姓名", person.name, 7.0),
        ("性别", f"{person.gender}      民族  {person.ethnicity}", 15.0),
        (
            "出生",
            f"{person.birth_date.year} 年 {person.birth_date.month} 月 {person.birth_date.day} 日",
            23.0,
        ),
    )
    for label, value, dy in rows:
        page.text(x + 4, front_y + dy, label, size=7.5, fill=grey)
        page.text(x + 13, front_y + dy - 0.3, value, size=9)
    page.text(x + 4, front_y + 31, "住址", size=7.5, fill=grey)
    address_lines = page.wrap(person.address, 40, 8.5)
    for index, line in enumerate(address_lines[:3]):
        page.text(x + 13, front_y + 30.7 + index * 4.2, line, size=8.5)
    page.text(x + 4, front_y + 47, "公民身份号码", size=7.5, fill=grey)
    page.text(x + 25, front_y + 46.4, person.id_number, size=11)
    # Back (the issuing side)
    page.rect(x, back_y, card_w, card_h, radius=3.5, weight=0.4, fill=(246, 246, 246))
    page.rect(x + 6, back_y + 5, 15, 15, radius=7.5, weight=0.5)  # where the emblem is
    page.text(x + 50, back_y + 10, "中华人民共和国", size=13, align="centre", bold=True)
    page.text(x + 50, back_y + 20, "居民身份证", size=17, align="centre", bold=True)
    # Validity by age at issue (居民身份证法 art. 5): 16-25 ten years, 26-45 twenty, 46+ for life.
    age = issued_on.year - person.birth_date.year
    validity = "长期" if age >= 46 else f"{_add_years(issued_on, 10 if age <= 25 else 20):%Y.%m.%d}"
    page.text(x + 14, back_y + 38, "签发机关", size=7.5, fill=grey)
    page.text(x + 28, back_y + 37.7, f"{DEMO_CITY}公安局", size=9)
    page.text(x + 14, back_y + 45, "有效期限", size=7.5, fill=grey)
    page.text(x + 28, back_y + 44.7, f"{issued_on:%Y.%m.%d}-{validity}", size=9)
    # The holder writes what the copy is for, signs and dates it.
    page.handwriting(x - 6, back_y + card_h + 14, note, size=13, seed=_seed(rng))
    end = page.handwriting(x + 20, back_y + card_h + 26, person.name, size=14, seed=_seed(rng))
    page.handwriting(end + 8, back_y + card_h + 27, cn_date(copied_on), size=11, seed=_seed(rng))
    return page


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def bank_card_copy(
    person: Person, branch: str, note: str, signed_on: dt.date, rng: random.Random
) -> PageCanvas:
    """A copy of the front of a debit card, with the account details written beneath."""
    page = blank_page(colour=True)
    card_w, card_h = 85.6, 54.0
    x, y = (210 - card_w) / 2, 40.0
    page.rect(x, y, card_w, card_h, radius=3.5, weight=0.3, fill=(206, 222, 236))
    page.rect(x, y + 39, card_w, 4, outline=None, fill=(170, 196, 222))
    page.text(x + 5, y + 5, person.bank, size=12, bold=True, fill=(20, 50, 110))
    page.text(x + 5, y + 12, "借记卡  DEBIT CARD", size=7, fill=(60, 80, 120))
    page.rect(x + 8, y + 19, 11, 8.5, radius=1.2, weight=0.3, fill=(214, 190, 120))  # the chip
    groups = " ".join(person.bank_card[i : i + 4] for i in range(0, len(person.bank_card), 4))
    page.text(x + 6, y + 30.5, groups, size=12.5, fill=(30, 30, 40))
    page.rect(x + card_w - 20, y + card_h - 12, 16, 9, radius=1, weight=0.3, fill=(255, 255, 255))
    page.text(
        x + card_w - 12,
        y + card_h - 10,
        "银联",
        size=8,
        align="centre",
        bold=True,
        fill=(200, 30, 40),
    )
    lines = (
        f"户名：{person.name}",
        f"卡号：{person.bank_card}",
        f"开户行：{person.bank}{branch}",
    )
    line_y = y + card_h + 14
    for line in lines:
        page.text(x - 10, line_y, line, size=11)
        line_y += 8
    page.handwriting(x - 10, line_y + 4, note, size=13, seed=_seed(rng))
    end = page.handwriting(x + 30, line_y + 16, person.name, size=14, seed=_seed(rng))
    page.handwriting(end + 8, line_y + 17, cn_date(signed_on), size=11, seed=_seed(rng))
    return page


def certificate_page(
    person: Person,
    *,
    title: str,
    rows: Sequence[tuple[str, str]],
    issuer: str,
    issued_on: dt.date,
    rng: random.Random,
) -> PageCanvas:
    """A certificate (职业资格证书、职业技能等级证书) scanned in colour."""
    page = blank_page(colour=True)
    x, y, w, h = 22.0, 30.0, 166.0, 118.0
    page.rect(x, y, w, h, weight=1.2, outline=DARK_RED, fill=(252, 247, 236))
    page.rect(x + 3, y + 3, w - 6, h - 6, weight=0.35, outline=DARK_RED)
    page.text(105, y + 11, title, size=22, align="centre", bold=True, fill=DARK_RED)
    page.photo_placeholder(x + 12, y + 32, 28, 36)
    field_y = y + 32
    for label, value in rows:
        page.text(x + 50, field_y, f"{label}：", size=10.5, fill=(90, 60, 40))
        page.text(x + 50 + page.text_width(f"{label}：", 10.5) + 1, field_y, value, size=10.5)
        field_y += 9
    page.text(x + 12, y + h - 20, f"发证机构：{issuer}", size=10)
    page.text(x + 12, y + h - 12, f"发证日期：{cn_date(issued_on)}", size=10)
    page.seal(
        x + w - 38,
        y + h - 24,
        issuer,
        bottom_text="证书专用章",
        diameter=36,
        rotation=rng.uniform(-10, 10),
    )
    page.qr_placeholder(x + w - 34, y + 30, 22, seed=_seed(rng))
    page.text(x + w - 23, y + 54, "扫码查验", size=7, align="centre")
    return page


def business_licence_copy(
    unit: Unit, issued_on: dt.date, note: str, rng: random.Random
) -> PageCanvas:
    """A photocopy of a business licence (营业执照副本), stamped by the company."""
    page = blank_page(colour=True)
    x, y, w, h = 16.0, 18.0, 178.0, 200.0
    page.rect(x, y, w, h, weight=1.5)
    page.rect(x + 3, y + 3, w - 6, h - 6, weight=0.4)
    page.text(105, y + 16, "营 业 执 照", size=30, align="centre", bold=True)
    page.text(105, y + 33, "（副      本）", size=12, align="centre")
    page.text(x + 10, y + 42, f"统一社会信用代码  {unit.unit_code}", size=10.5)
    page.qr_placeholder(x + w - 36, y + 10, 26, seed=_seed(rng))
    fields = (
        ("名        称", unit.name),
        ("类        型", "有限责任公司（自然人投资或控股）"),
        ("法定代表人", unit.legal_representative.name),
        ("注册资本", f"人民币{unit.registered_capital}万元"),
        ("成立日期", cn_date(unit.founded_on)),
        ("营业期限", f"{cn_date(unit.founded_on)}至长期"),
        ("住        所", unit.address),
        (
            "经营范围",
            f"{unit.business_scope}。（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
        ),
    )
    field_y = y + 56
    for label, value in fields:
        page.text(x + 12, field_y, label, size=10.5, bold=True)
        lines = page.wrap(value, w - 60, 10.5)
        for line in lines:
            page.text(x + 42, field_y, line, size=10.5)
            field_y += 6.5
        field_y += 4
    page.text(x + w - 60, y + h - 34, "登记机关", size=11, bold=True)
    page.text(x + w - 60, y + h - 20, cn_date(issued_on), size=11)
    page.seal(
        x + w - 45,
        y + h - 28,
        f"{DEMO_CITY}市场监督管理局",
        diameter=38,
        rotation=rng.uniform(-8, 8),
    )
    page.text(x + 10, y + h - 8, "国家企业信用信息公示系统网址：（演示）", size=8)
    # The company certifies its copy.
    page.handwriting(x + 10, y + h + 12, note, size=14, seed=_seed(rng))
    page.seal(x + 60, y + h + 20, unit.name, diameter=40, rotation=rng.uniform(-25, 25))
    return page


def letter_page(
    *,
    title: str,
    paragraphs: Sequence[str],
    signer: str,
    signed_on: dt.date,
    seal: str,
    rng: random.Random,
    addressee: str = "",
    colour: bool = True,
    seal_bottom: str = "",
) -> PageCanvas:
    """A certificate letter (证明): title, text, the issuer's name, date and seal."""
    page = blank_page(colour=colour)
    page.text(105, 30, title, size=20, align="centre", bold=True)
    y = 50.0
    if addressee:
        page.text(LEFT + 4, y, f"{addressee}：", size=12)
        y += 10
    y = page.paragraph(LEFT + 4, y, WIDTH - 8, "\n".join(paragraphs), size=12, leading=1.9)
    y = max(y + 18, 150.0)
    page.text(RIGHT - 10, y, signer, size=12, align="right")
    page.text(RIGHT - 10, y + 10, cn_date(signed_on), size=12, align="right")
    width = page.text_width(signer, 12)
    page.seal(
        RIGHT - 10 - width / 2,
        y + 5,
        seal,
        bottom_text=seal_bottom,
        diameter=40,
        rotation=rng.uniform(-12, 12),
    )
    return page


def diagnosis_page(
    person: Person,
    *,
    hospital: str,
    department: str,
    diagnosis: str,
    advice: str,
    doctor: str,
    on: dt.date,
    rng: random.Random,
) -> PageCanvas:
    """A hospital's diagnosis certificate (诊断证明书)."""
    page = blank_page(colour=True)
    page.text(105, 20, hospital, size=16, align="centre", bold=True)
    page.text(105, 31, "诊 断 证 明 书", size=20, align="centre", bold=True)
    page.text(RIGHT, 44, f"门诊号：{rng.randrange(10**7, 10**8)}", size=9.5, align="right")
    age = (
        on.year
        - person.birth_date.year
        - ((on.month, on.day) < (person.birth_date.month, person.birth_date.day))
    )
    y = page.row(
        LEFT,
        50,
        [
            Cell("姓名", 18, "centre"),
            Cell(person.name, 32),
            Cell("性别", 16, "centre"),
            Cell(person.gender, 16, "centre"),
            Cell("年龄", 16, "centre"),
            Cell(f"{age}岁", 18, "centre"),
            Cell("科别", 18, "centre"),
            Cell(department, 40),
        ],
        height=10,
    )
    page.cell(LEFT, y, 25, 45, "诊断", size=11, align="centre")
    page.rect(LEFT + 25, y, WIDTH - 25, 45)
    page.handwriting(LEFT + 30, y + 6, diagnosis, size=14, seed=_seed(rng))
    y += 45
    page.cell(LEFT, y, 25, 45, "处理意见", size=11, align="centre")
    page.rect(LEFT + 25, y, WIDTH - 25, 45)
    page.handwriting(LEFT + 30, y + 6, advice, size=13, seed=_seed(rng))
    y += 57
    page.text(LEFT + 90, y, "医师签名：", size=11)
    page.handwriting(LEFT + 112, y - 1.5, doctor, size=14, seed=_seed(rng))
    page.text(LEFT + 90, y + 10, f"日期：{cn_date(on)}", size=11)
    page.seal(
        LEFT + 60,
        y + 4,
        hospital,
        bottom_text="诊断证明专用章",
        diameter=38,
        rotation=rng.uniform(-15, 15),
    )
    page.paragraph(
        LEFT, y + 28, WIDTH, "注：本证明涂改无效，须加盖诊断证明专用章。", size=9, indent=0
    )
    return page


def table_page(
    *,
    title: str,
    subtitle: Sequence[str],
    headers: Sequence[str],
    widths: Sequence[float],
    rows: Sequence[Sequence[str]],
    footer: Sequence[str],
    seal: str,
    seal_bottom: str,
    rng: random.Random,
    colour: bool = False,
) -> PageCanvas:
    """A printed list with a header line and a total: pay lists, fee statements."""
    page = blank_page(colour=colour)
    page.text(105, 18, title, size=16, align="centre", bold=True)
    y = 30.0
    for line in subtitle:
        page.text(LEFT, y, line, size=9.5)
        y += 6
    total = sum(widths)
    scaled = [WIDTH * w / total for w in widths]
    y = page.table(LEFT, y + 2, scaled, [list(headers), *map(list, rows)], height=8, size=9)
    y += 8
    for line in footer:
        page.text(LEFT, y, line, size=10)
        y += 7
    page.seal(
        RIGHT - 35, y + 4, seal, bottom_text=seal_bottom, diameter=38, rotation=rng.uniform(-15, 15)
    )
    return page


def contract_pages(
    unit: Unit, job: Employment, signed_on: dt.date, term_years: int, rng: random.Random
) -> list[PageCanvas]:
    """A two-page labour contract (劳动合同书) of dense text, signed and stamped."""
    person = job.person
    end = _add_years(signed_on, term_years) - dt.timedelta(days=1)
    first = blank_page(colour=False)
    first.text(105, 22, "劳 动 合 同 书", size=22, align="centre", bold=True)
    parties = (
        ("甲方（用人单位）", unit.name),
        ("统一社会信用代码", unit.unit_code),
        ("法定代表人", unit.legal_representative.name),
        ("注册地址", unit.address),
        ("乙方（劳动者）", person.name),
        ("性别", person.gender),
        ("公民身份号码", person.id_number),
        ("户籍地址", person.address),
        ("联系电话", person.phone),
    )
    y = 40.0
    for label, value in parties:
        first.text(LEFT + 4, y, f"{label}：", size=10.5)
        first.text(LEFT + 42, y, value, size=10.5)
        first.line(LEFT + 41, y + 5.2, RIGHT - 4, y + 5.2, weight=0.2)
        y += 8
    clauses_one = (
        "根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》及有关法律法规的规定，甲乙双方遵循合法、公平、平等自愿、协商一致、诚实信用的原则，签订本合同，共同遵守本合同所列条款。",
        "第一条  合同期限",
        f"本合同为固定期限劳动合同，期限自{cn_date(signed_on)}起至{cn_date(end)}止。其中试用期自{cn_date(signed_on)}起至{cn_date(signed_on + dt.timedelta(days=89))}止。",
        "第二条  工作内容和工作地点",
        f"乙方同意根据甲方工作需要，担任{job.job_title}岗位工作。工作地点为{unit.region.city}。乙方应按照甲方的要求，按时完成规定的工作数量，达到规定的质量标准。",
        "第三条  工作时间和休息休假",
        "甲方安排乙方执行标准工时制度，乙方每日工作时间不超过八小时，每周工作时间不超过四十小时。甲方保证乙方每周至少休息一日。甲方因工作需要安排乙方延长工作时间的，应依法支付加班工资或安排补休。乙方依法享有法定节假日、年休假、婚丧假、产假等假期。",
    )
    first.paragraph(LEFT + 4, y + 4, WIDTH - 8, "\n".join(clauses_one), size=10.5, leading=1.75)
    first.text(105, 281, "第 1 页 共 2 页", size=8.5, align="centre")

    second = blank_page(colour=False)
    clauses_two = (
        "第四条  劳动报酬",
        f"乙方月工资为人民币{money(job.monthly_wage * 100)}元，试用期工资不低于转正工资的百分之八十。甲方于每月十五日前以货币形式足额支付乙方上月工资，不得克扣或者无故拖欠。甲方支付的工资不低于当地最低工资标准。",
        "第五条  社会保险和福利待遇",
        "甲乙双方依法参加基本养老、医疗、失业、工伤、生育等社会保险，按时足额缴纳社会保险费，乙方个人应缴部分由甲方代扣代缴。乙方患病或非因工负伤、因工负伤或患职业病的待遇，按国家和地方有关规定执行。",
        "第六条  劳动保护、劳动条件和职业危害防护",
        "甲方为乙方提供符合国家规定的劳动安全卫生条件和必要的劳动防护用品，对乙方进行安全生产教育培训。乙方应严格遵守安全操作规程，拒绝违章指挥和强令冒险作业。",
        "第七条  劳动合同的变更、解除和终止",
        "经甲乙双方协商一致，可以变更本合同约定的内容，变更应当采用书面形式。本合同的解除和终止，按《中华人民共和国劳动合同法》的有关规定执行。甲方应在解除或者终止本合同时出具解除或者终止劳动合同的证明，并在十五日内为乙方办理档案和社会保险关系转移手续。",
        "第八条  其他",
        "本合同未尽事宜，按国家和地方有关规定执行。本合同一式两份，甲乙双方各执一份，经双方签字盖章后生效。",
    )
    y = second.paragraph(LEFT + 4, 22, WIDTH - 8, "\n".join(clauses_two), size=10.5, leading=1.75)
    y = max(y + 14, 200.0)
    second.text(LEFT + 4, y, "甲方（盖章）：", size=11)
    second.text(LEFT + 100, y, "乙方（签字）：", size=11)
    second.handwriting(LEFT + 128, y - 1.5, person.name, size=15, seed=_seed(rng))
    second.text(LEFT + 4, y + 14, "法定代表人或委托代理人：", size=11)
    second.handwriting(
        LEFT + 56, y + 12.5, unit.legal_representative.name, size=14, seed=_seed(rng)
    )
    second.text(LEFT + 4, y + 28, f"签订日期：{cn_date(signed_on)}", size=11)
    second.text(LEFT + 100, y + 28, f"签订日期：{cn_date(signed_on)}", size=11)
    second.seal(LEFT + 40, y + 8, unit.name, diameter=40, rotation=rng.uniform(-20, 20))
    second.text(105, 281, "第 2 页 共 2 页", size=8.5, align="centre")
    return [first, second]


def record_pages(
    *,
    header: str,
    title: str,
    fields: Sequence[tuple[str, str]],
    sections: Sequence[tuple[str, str]],
    signer_label: str,
    signer: str,
    on: dt.date,
    rng: random.Random,
    per_page: int = 3,
) -> list[PageCanvas]:
    """A typed record of several sections (病历、事故经过), split over pages as needed."""
    pages: list[PageCanvas] = []
    chunks = [sections[i : i + per_page] for i in range(0, len(sections), per_page)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        page = blank_page(colour=False)
        page.text(105, 18, header, size=13, align="centre")
        page.text(105, 28, title, size=18, align="centre", bold=True)
        y = 42.0
        if number == 1:
            for index in range(0, len(fields), 3):
                x = LEFT
                for label, value in fields[index : index + 3]:
                    page.text(x, y, f"{label}：{value}", size=10)
                    x += WIDTH / 3
                y += 7
            page.line(LEFT, y, RIGHT, y, weight=0.4)
            y += 5
        for heading, text in chunk:
            page.text(LEFT, y, f"【{heading}】", size=11, bold=True)
            y = page.paragraph(LEFT, y + 7, WIDTH, text, size=10.5, leading=1.7) + 4
        if number == len(chunks):
            y = max(y + 6, 220.0)
            page.text(LEFT + 100, y, f"{signer_label}：", size=11)
            page.handwriting(
                LEFT + 100 + page.text_width(f"{signer_label}：", 11) + 2,
                y - 1.5,
                signer,
                size=14,
                seed=_seed(rng),
            )
            page.text(LEFT + 100, y + 10, cn_date(on), size=11)
        page.text(105, 281, f"第 {number} 页 共 {len(chunks)} 页", size=8.5, align="centre")
        pages.append(page)
    return pages


def birth_certificate_copy(
    mother: Person,
    father: Person,
    *,
    child_name: str,
    child_gender: str,
    born_at: dt.datetime,
    hospital: str,
    number: str,
    rng: random.Random,
) -> PageCanvas:
    """A greyscale copy of a birth medical certificate (出生医学证明)."""
    page = blank_page(colour=False)
    x, y, w, h = 20.0, 24.0, 170.0, 150.0
    page.rect(x, y, w, h, weight=1.0)
    page.text(105, y + 10, "出 生 医 学 证 明", size=20, align="centre", bold=True)
    page.text(x + w - 8, y + 22, f"编号：{number}", size=9.5, align="right")
    rows = (
        ("新生儿姓名", child_name, "性别", child_gender),
        (
            "出生时间",
            f"{born_at.year}年{born_at.month}月{born_at.day}日{born_at.hour}时{born_at.minute}分",
            "出生孕周",
            f"{rng.randint(37, 41)}周",
        ),
        ("出生体重", f"{rng.randint(2700, 4000)}克", "出生身长", f"{rng.randint(47, 53)}厘米"),
        ("出生地点", f"{mother.region.place}", "", ""),
        ("母亲姓名", mother.name, "年龄", f"{born_at.year - mother.birth_date.year}岁"),
        ("母亲身份证件号码", mother.id_number, "", ""),
        ("父亲姓名", father.name, "年龄", f"{born_at.year - father.birth_date.year}岁"),
        ("父亲身份证件号码", father.id_number, "", ""),
    )
    row_y = y + 28
    for label, value, label2, value2 in rows:
        page.text(x + 10, row_y, f"{label}：{value}", size=10.5)
        if label2:
            page.text(x + 110, row_y, f"{label2}：{value2}", size=10.5)
        row_y += 10
    page.text(x + 10, row_y + 4, f"接生机构名称：{hospital}", size=10.5)
    page.text(x + w - 60, y + h - 14, f"签发日期：{cn_date(born_at.date())}", size=10)
    page.seal(
        x + w - 40,
        y + h - 22,
        hospital,
        bottom_text="出生医学证明专用章",
        diameter=36,
        rotation=rng.uniform(-10, 10),
    )
    return page
