"""Business scenarios: each writes ONE item (one transaction) as files plus manifest.json.

An item is what a caseworker collects when a transaction is completed: the business
forms and the review vouchers (archive-rules.md §2). The files mix what arrives at a
real agency: scan-like JPEGs (most vouchers), a PNG, multi-page black-and-white TIFFs,
scanned multi-page PDFs and born-digital PDFs with a text layer.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archivist.demo import electronic as el
from archivist.demo import pages
from archivist.demo.pages import (
    Checks,
    Declaration,
    Fields,
    FormPage,
    Heading,
    Opinion,
    Roster,
    TextBox,
)
from archivist.demo.people import AGENCY, DEMO_CITY, Employment, PeopleFactory, Person, Unit
from archivist.demo.wording import cn_date, money
from archivist.formats.scan_drawing import (
    PageCanvas,
    degrade_like_scan,
    save_image_pdf,
    save_jpeg,
    save_png,
    save_tiff,
)

FIRST_YEAR, LAST_YEAR = 2019, 2025
LATEST_DAY = dt.date(LAST_YEAR, 12, 31)
HRSS_BUREAU = f"{DEMO_CITY}人力资源和社会保障局"
MANIFEST_NAME = "manifest.json"


# ---------------------------------------------------------------------------
# Who appears in the records: a population shared by the items of one batch
# ---------------------------------------------------------------------------


class Population:
    """People, units and caseworkers that recur across the items of a batch.

    A company that registers with the agency later registers staff and claims a
    stability refund; its former employee later claims unemployment benefit. Sharing
    one factory also keeps names and ID numbers unique across the batch.
    """

    def __init__(self, rng: random.Random) -> None:
        self.factory = PeopleFactory(rng)
        self.units: list[Unit] = []
        self.caseworkers = [self.factory.handler() for _ in range(6)]
        self._claimed: set[str] = set()  # ID numbers of people already given a storyline

    def unit(self, rng: random.Random, on: dt.date, *, reuse: float = 0.4, staff: int = 3) -> Unit:
        """A company that existed for over a year by `on`: an earlier one or a new one."""
        settled = on - dt.timedelta(days=400)
        known = [unit for unit in self.units if unit.founded_on <= settled]
        if known and rng.random() < reuse:
            return rng.choice(known)
        founded = dt.date(2003, 1, 1) + dt.timedelta(
            days=rng.randrange((settled - dt.date(2003, 1, 1)).days)
        )
        unit = self.factory.unit(founded_on=founded)
        for _ in range(staff):
            unit.staff.append(self._long_standing_job(rng, unit, on))
        self.units.append(unit)
        return unit

    def employee(
        self,
        rng: random.Random,
        unit: Unit,
        on: dt.date,
        *,
        gender: str | None = None,
        born_between: tuple[int, int] | None = None,
    ) -> Employment:
        """An employee of `unit` for at least half a year by `on`, not used by another item."""
        low, high = born_between or (1966, on.year - 22)
        free = [
            job
            for job in unit.staff
            if job.person.id_number not in self._claimed
            and job.start_date <= on - dt.timedelta(days=180)
            and (gender is None or job.person.gender == gender)
            and low <= job.person.birth_date.year <= high
        ]
        if free:
            job = rng.choice(free)
        else:
            job = self._long_standing_job(rng, unit, on, gender=gender, born_between=(low, high))
            unit.staff.append(job)
        self._claimed.add(job.person.id_number)
        return job

    def _long_standing_job(
        self,
        rng: random.Random,
        unit: Unit,
        on: dt.date,
        *,
        gender: str | None = None,
        born_between: tuple[int, int] | None = None,
    ) -> Employment:
        low, high = born_between or (1966, on.year - 22)
        person = self.factory.person(
            gender=gender,
            born_between=(low, min(high, 2001)),
            region=unit.region if rng.random() < 0.7 else None,
        )
        # Hired after the company was founded and at 19 or older.
        earliest = max(
            unit.founded_on, dt.date(2010, 1, 1), dt.date(person.birth_date.year + 19, 1, 1)
        )
        span = (on - dt.timedelta(days=200) - earliest).days
        start = earliest + dt.timedelta(days=rng.randrange(span) if span > 0 else 0)
        return self.factory.employment(unit, person=person, start_date=start)

    def new_hire(self, unit: Unit, start_date: dt.date) -> Employment:
        job = self.factory.employment(unit, start_date=start_date)
        unit.staff.append(job)
        self._claimed.add(job.person.id_number)
        return job

    def handler_and_reviewer(self, rng: random.Random) -> tuple[str, str]:
        """Two different caseworkers: the one who handles never reviews their own case."""
        handler, reviewer = rng.sample(self.caseworkers, 2)
        return handler, reviewer


# ---------------------------------------------------------------------------
# Writing an item's files and its manifest
# ---------------------------------------------------------------------------


@dataclass
class Material:
    """One manifest entry; `file` is filled in when the material is written."""

    role: str  # form | voucher
    title: str
    importance: str | None = None
    person: str | None = None
    origin: str | None = None  # scan | electronic
    source: str | None = None  # agency | applicant
    copy: bool | None = None
    attachment: bool | None = None
    file: str = ""

    def to_json(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"file": self.file, "role": self.role}
        for key in ("importance", "person", "origin", "source", "copy", "attachment"):
            value = getattr(self, key)
            if value is not None:
                entry[key] = value
        entry["title"] = self.title
        return entry


@dataclass(frozen=True)
class ScanStyle:
    """How a paper was scanned and saved."""

    kind: str  # jpeg | png | tiff | pdf
    bits: int = 24
    noise: float = 4.0
    blur: float = 0.5
    skew: float = 0.5
    quality: int = 60


# Blur costs more than everything else on a colour page, so only grey copies get it.
FORM_PDF = ScanStyle("pdf", bits=24, noise=3.0, blur=0.0, quality=55)
COPY_JPEG = ScanStyle("jpeg", bits=8, noise=5.0, blur=0.5, quality=60)
COLOUR_JPEG = ScanStyle("jpeg", bits=24, noise=3.0, blur=0.0, quality=60)
PHONE_PNG = ScanStyle("png", bits=24, noise=0.0, blur=0.0, skew=0.0)  # a flattened app scan
BW_TIFF = ScanStyle("tiff", bits=1, noise=0.0, blur=0.0, skew=0.3)
# Contracts scanned to PDF in black and white (CCITT G4 page images, as office scanners do).
BW_PDF = ScanStyle("pdf", bits=1, noise=0.0, blur=0.0, skew=0.3, quality=55)


@dataclass
class ItemWriter:
    """One item being written: files go into `folder`, materials into the manifest."""

    folder: Path
    rng: random.Random
    completed_on: dt.date
    materials: list[Material] = field(default_factory=list)

    def scan(
        self,
        drawn: PageCanvas | Sequence[PageCanvas],
        name: str,
        style: ScanStyle,
        material: Material,
    ) -> None:
        canvases = [drawn] if isinstance(drawn, PageCanvas) else list(drawn)
        scans = [
            degrade_like_scan(
                canvas,
                seed=self.rng.randrange(1 << 30),
                skew_degrees=style.skew,
                noise=style.noise,
                blur=style.blur,
                bits=style.bits,
            )
            for canvas in canvases
        ]
        suffix = {"jpeg": ".jpg", "png": ".png", "tiff": ".tif", "pdf": ".pdf"}[style.kind]
        path = self.folder / f"{name}{suffix}"
        if style.kind == "jpeg":
            save_jpeg(scans[0], path, quality=style.quality)
        elif style.kind == "png":
            save_png(scans[0], path)
        elif style.kind == "tiff":
            save_tiff(scans, path)
        else:
            scanned_at = dt.datetime.combine(self.completed_on, dt.time(9, 30))
            save_image_pdf(
                scans, path, quality=style.quality, title=material.title, created=scanned_at
            )
        material.file = path.name
        material.origin = material.origin or "scan"
        self.materials.append(material)

    def electronic(self, write: Callable[[Path], None], name: str, material: Material) -> None:
        path = self.folder / f"{name}.pdf"
        write(path)
        material.file = path.name
        material.origin = "electronic"
        self.materials.append(material)


@dataclass(frozen=True)
class ItemHeader:
    class_code: str
    business_type: str
    entity: dict[str, str]
    title: str
    handler: str
    roster: list[str]


def _write_manifest(writer: ItemWriter, header: ItemHeader) -> Path:
    manifest = {
        "class": header.class_code,
        "business_type": header.business_type,
        "completed_on": writer.completed_on.isoformat(),
        "entity": header.entity,
        "title": header.title,
        "handler": header.handler,
        "roster": header.roster,
        "materials": [m.to_json() for m in writer.materials],
    }
    path = writer.folder / MANIFEST_NAME
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def _person_entity(person: Person) -> dict[str, str]:
    return {"kind": "person", "name": person.name, "id_number": person.id_number}


def _unit_entity(unit: Unit) -> dict[str, str]:
    return {"kind": "unit", "name": unit.name, "unit_code": unit.unit_code}


def _days_before(day: dt.date, low: int, high: int, rng: random.Random) -> dt.date:
    return day - dt.timedelta(days=rng.randint(low, high))


def _form_number(prefix: str, day: dt.date, rng: random.Random) -> str:
    return f"{prefix}{day:%Y%m%d}{rng.randrange(1, 9999):04d}"


def _light_shuffle(materials: list[Material], rng: random.Random) -> None:
    """Scan order as papers come off the counter: sometimes the vouchers went first."""
    if rng.random() < 0.35:
        rng.shuffle(materials)


def _id_copy(
    writer: ItemWriter, person: Person, purpose: str, *, importance: str = "important"
) -> None:
    issued = dt.date(max(person.birth_date.year + 16, 2006), 1, 1) + dt.timedelta(
        days=writer.rng.randrange(3000)
    )
    issued = min(issued, writer.completed_on - dt.timedelta(days=400))
    note = f"此复印件仅供办理{purpose}使用"
    page = pages.id_card_copy(person, issued, note, writer.completed_on, writer.rng)
    writer.scan(
        page,
        f"身份证复印件-{person.name}",
        COPY_JPEG,
        Material("voucher", "身份证复印件", importance, person.name, source="applicant", copy=True),
    )


def _bank_copy(writer: ItemWriter, person: Person, purpose: str) -> None:
    branch = f"{person.region.district}支行"
    page = pages.bank_card_copy(
        person, branch, f"本人银行卡，用于{purpose}", writer.completed_on, writer.rng
    )
    writer.scan(
        page,
        f"银行卡复印件-{person.name}",
        PHONE_PNG,
        Material(
            "voucher", "银行卡复印件", "secondary", person.name, source="applicant", copy=True
        ),
    )


# ---------------------------------------------------------------------------
# The scenarios
# ---------------------------------------------------------------------------


def _contribution_months(start: dt.date, end: dt.date) -> int:
    return max(12, (end.year - start.year) * 12 + end.month - start.month)


def _unemployment_benefit(writer: ItemWriter, people: Population) -> ItemHeader:
    """SY 失业保险金申领: a person who lost their job claims unemployment benefit."""
    rng, done = writer.rng, writer.completed_on
    left_on = _days_before(done, 20, 70, rng)
    unit = people.unit(rng, left_on)
    job = people.employee(rng, unit, left_on)
    person = job.person
    applied_on = _days_before(done, 3, 15, rng)
    handler, reviewer = people.handler_and_reviewer(rng)
    months = _contribution_months(job.start_date, left_on)
    years = months // 12
    entitled = 12 if years < 5 else 18 if years < 10 else 24
    monthly = rng.randrange(1620, 2010, 10)
    reasons = ("劳动合同期满终止", "用人单位提出解除", "协商一致解除", "用人单位破产或撤销")
    reason = rng.choice(reasons[:3])

    form = FormPage(
        "失业保险金申领登记表",
        number=_form_number("SY", applied_on, rng),
        filled_on=applied_on,
        blocks=[
            Fields(
                [
                    [("姓名", person.name), ("性别", person.gender)],
                    [("公民身份号码", person.id_number), ("出生日期", cn_date(person.birth_date))],
                    [("民族", person.ethnicity), ("联系电话", person.phone)],
                    [("户籍地址", person.address)],
                    [("原工作单位", unit.name)],
                    [("统一社会信用代码", unit.unit_code), ("从事岗位", job.job_title)],
                    [("参加工作时间", cn_date(job.start_date)), ("解除合同时间", cn_date(left_on))],
                    [
                        ("累计缴费月数", f"{months}个月"),
                        ("失业登记日期", cn_date(left_on + dt.timedelta(days=5))),
                    ],
                ]
            ),
            Checks("失业原因", reasons, [reason]),
            Fields([[("开户银行", person.bank), ("银行卡号", person.bank_card)]]),
            Declaration(
                "本人承诺：以上填写内容及所提供的材料真实有效，如有虚假，愿承担相应法律责任。"
                "领取失业保险金期间重新就业、应征服兵役、移居境外或出现其他停止领取情形的，"
                "及时告知经办机构。",
                "申请人（签字）",
                person.name,
                applied_on,
            ),
            Opinion(
                "经办机构审核意见",
                f"经审核，符合领取条件，核定领取{entitled}个月。",
                handler,
                reviewer,
                done,
            ),
        ],
        note="注：本表一式两份，经办机构、申请人各留存一份。",
    )
    writer.scan(
        pages.form_page(form, rng),
        "失业保险金申领登记表",
        FORM_PDF,
        Material("form", "失业保险金申领登记表"),
    )
    if rng.random() < 0.5:
        doc = el.TableDocument(
            title="失业保险待遇核定表",
            issuer=AGENCY,
            number=_form_number("SYHD", done, rng),
            printed_on=done,
            rows=[
                [("姓名", person.name), ("性别", person.gender)],
                [("公民身份号码", person.id_number), ("累计缴费", f"{months}个月")],
                [("原工作单位", unit.name)],
                [("领取期限", f"{entitled}个月"), ("月标准（元）", money(monthly * 100))],
                [("开户银行", person.bank), ("银行卡号", person.bank_card)],
            ],
            detail_headers=("项目", "起始年月", "终止年月", "月标准（元）", "合计（元）"),
            detail_rows=[
                (
                    "失业保险金",
                    f"{done:%Y-%m}",
                    f"{_add_months(done, entitled - 1):%Y-%m}",
                    money(monthly * 100),
                    money(monthly * entitled * 100),
                ),
                (
                    "代缴基本医疗保险费",
                    f"{done:%Y-%m}",
                    f"{_add_months(done, entitled - 1):%Y-%m}",
                    "按规定",
                    "由失业保险基金支付",
                ),
            ],
            remarks="失业保险金按月发放至本人银行账户；领取期间重新就业的，停止发放。",
            handler=handler,
            reviewer=reviewer,
            seal_text=AGENCY,
        )
        writer.electronic(
            lambda path: el.write_table_pdf(doc, path),
            "失业保险待遇核定表",
            Material("form", "失业保险待遇核定表", source="agency"),
        )
    _id_copy(writer, person, "失业保险金申领")
    proof = pages.letter_page(
        title="解除（终止）劳动合同证明书",
        paragraphs=[
            f"兹证明{person.name}（公民身份号码：{person.id_number}）自{cn_date(job.start_date)}起"
            f"在我单位从事{job.job_title}工作。因{reason}，双方劳动关系于{cn_date(left_on)}解除（终止）。",
            "我单位已为其缴纳社会保险费至解除劳动合同当月，档案及社会保险关系转移手续按规定办理。",
            "特此证明。",
        ],
        signer=unit.name,
        signed_on=left_on,
        seal=unit.name,
        rng=rng,
    )
    writer.scan(
        proof,
        "解除劳动合同证明",
        COLOUR_JPEG,
        Material("voucher", "解除劳动合同证明", "important", person.name, source="applicant"),
    )
    _bank_copy(writer, person, "领取失业保险金")
    _light_shuffle(writer.materials, rng)
    return ItemHeader(
        "SY",
        "失业保险金申领",
        _person_entity(person),
        f"{person.name}失业保险金申领",
        handler,
        [person.name],
    )


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _stability_refund(writer: ItemWriter, people: Population) -> ItemHeader:
    """SY 稳岗返还: a company that kept its staff gets part of its contributions back."""
    rng, done = writer.rng, writer.completed_on
    unit = people.unit(rng, done)
    handler, reviewer = people.handler_and_reviewer(rng)
    applied_on = _days_before(done, 10, 40, rng)
    insured = rng.randint(8, 160)
    base = rng.randrange(3800, 6500, 10)  # average monthly contribution base per person, yuan
    year = applied_on.year - 1
    # Last year's monthly headcounts; the unit pays 0.5 % of the base (amounts in cents).
    monthly = [max(1, insured + rng.randint(-3, 3)) for _ in range(12)]
    paid = sum(count * base * 100 * 5 // 1000 for count in monthly)
    ratio = 60 if insured < 100 else 30
    refund = paid * ratio // 100
    contact = people.employee(rng, unit, done).person
    form = FormPage(
        "失业保险稳岗返还申请表",
        number=_form_number("WG", applied_on, rng),
        filled_on=applied_on,
        blocks=[
            Fields(
                [
                    [("单位名称", unit.name)],
                    [
                        ("统一社会信用代码", unit.unit_code),
                        ("法定代表人", unit.legal_representative.name),
                    ],
                    [("单位地址", unit.address)],
                    [("联系人", contact.name), ("联系电话", contact.phone)],
                    [
                        ("上年度平均参保人数", f"{round(sum(monthly) / 12)}人"),
                        ("上年末参保人数", f"{monthly[-1]}人"),
                    ],
                    [("上年度缴纳失业保险费（元）", money(paid)), ("返还比例", f"{ratio}%")],
                    [
                        ("申请返还金额（元）", money(refund)),
                        ("裁员率", f"{rng.randint(0, 4)}.{rng.randint(0, 9)}%"),
                    ],
                    [("开户银行", unit.bank), ("银行账号", unit.bank_account)],
                ],
                label_width=30,
            ),
            Declaration(
                "本单位承诺：上年度未裁员或裁员率低于规定标准，依法足额缴纳失业保险费，"
                "所填信息及提供的材料真实、准确、完整，如有虚假，愿退回返还资金并承担相应责任。",
                "单位（盖章）",
                "",
                applied_on,
                seal=unit.name,
                height=38,
            ),
            Opinion(
                "经办机构审核意见",
                f"经审核，符合稳岗返还条件，同意返还{money(refund)}元。",
                handler,
                reviewer,
                done,
            ),
        ],
    )
    writer.scan(
        pages.form_page(form, rng),
        "稳岗返还申请表",
        FORM_PDF,
        Material("form", "稳岗返还申请表"),
    )
    licence = pages.business_licence_copy(unit, unit.founded_on, "与原件一致", rng)
    writer.scan(
        licence,
        "营业执照复印件",
        COLOUR_JPEG,
        Material("voucher", "营业执照复印件", "important", source="applicant", copy=True),
    )
    rows = [
        (
            f"{year}-{month:02d}",
            str(count),
            money(count * base * 100),
            money(count * base * 100 * 5 // 1000),
        )
        for month, count in enumerate(monthly, start=1)
    ]
    statement = pages.table_page(
        title=f"{year}年度单位参保缴费明细",
        subtitle=[f"单位名称：{unit.name}", f"统一社会信用代码：{unit.unit_code}"],
        headers=("费款所属期", "参保人数", "缴费基数（元）", "单位缴纳失业保险费（元）"),
        widths=(1, 1, 1.4, 1.6),
        rows=rows,
        footer=[f"合计单位缴纳失业保险费：{money(paid)}元", f"打印机构：{AGENCY}"],
        seal=AGENCY,
        seal_bottom="业务专用章",
        rng=rng,
    )
    writer.scan(
        statement,
        "单位参保缴费明细",
        COPY_JPEG,
        Material("voucher", "单位参保缴费明细", "secondary", source="agency"),
    )
    receipt = el.BankReceipt(
        bank="北疆商业银行",
        serial=f"{done:%Y%m%d}{rng.randrange(10**9, 10**10)}",
        paid_at=dt.datetime.combine(
            done, dt.time(rng.randint(9, 16), rng.randrange(60), rng.randrange(60))
        ),
        payer=el.Account(
            f"{DEMO_CITY}失业保险基金支出户",
            f"1501{rng.randrange(10**11, 10**12)}",
            f"北疆商业银行{DEMO_CITY}分行",
        ),
        payee=el.Account(unit.name, unit.bank_account, f"{unit.bank}{unit.region.district}支行"),
        amount_cents=refund,
        purpose="失业保险稳岗返还",
        remark=f"{year}年度稳岗返还",
    )
    writer.electronic(
        lambda path: el.write_bank_receipt_pdf(receipt, path),
        "稳岗返还支付回单",
        Material("voucher", "稳岗返还支付回单", "secondary", source="agency"),
    )
    _light_shuffle(writer.materials, rng)
    return ItemHeader("SY", "稳岗返还", _unit_entity(unit), f"{unit.name}稳岗返还", handler, [])


OCCUPATIONS = (
    ("电工", "维修电工"),
    ("焊工", "焊工"),
    ("育婴员", "育婴员"),
    ("中式烹调师", "中式烹调师"),
    ("养老护理员", "养老护理员"),
    ("汽车维修工", "汽车维修工"),
    ("企业人力资源管理师", "企业人力资源管理师"),
    ("电子商务师", "电子商务师"),
)
LEVELS = (("五级/初级工", 1000), ("四级/中级工", 1500), ("三级/高级工", 2000))


def _skills_subsidy(writer: ItemWriter, people: Population) -> ItemHeader:
    """SY 技能提升补贴: an insured employee who gained a skills certificate gets a subsidy."""
    rng, done = writer.rng, writer.completed_on
    unit = people.unit(rng, done)
    job = people.employee(rng, unit, done)
    person = job.person
    handler, reviewer = people.handler_and_reviewer(rng)
    applied_on = _days_before(done, 5, 30, rng)
    certified_on = _days_before(applied_on, 20, 300, rng)
    # Skill-level certificates replaced vocational qualification certificates around 2020.
    certificate_title = "职业资格证书" if certified_on.year <= 2020 else "职业技能等级证书"
    occupation, work = rng.choice(OCCUPATIONS)
    level, subsidy = rng.choice(LEVELS)
    cert_number = f"S{certified_on:%Y}{person.region.code}{rng.randrange(10**7, 10**8)}"
    form = FormPage(
        "技能提升补贴申领表",
        number=_form_number("JN", applied_on, rng),
        filled_on=applied_on,
        blocks=[
            Fields(
                [
                    [("姓名", person.name), ("性别", person.gender)],
                    [("公民身份号码", person.id_number), ("联系电话", person.phone)],
                    [("参保单位", unit.name)],
                    [
                        ("参保起始时间", cn_date(job.start_date)),
                        ("累计缴费月数", f"{_contribution_months(job.start_date, applied_on)}个月"),
                    ],
                    [("证书名称", certificate_title), ("职业（工种）", work)],
                    [("证书等级", level), ("证书编号", cert_number)],
                    [("发证日期", cn_date(certified_on)), ("补贴标准（元）", money(subsidy * 100))],
                    [("开户银行", person.bank), ("银行卡号", person.bank_card)],
                ]
            ),
            Declaration(
                "本人承诺：所填信息真实，同一职业同一等级证书只申领一次补贴；如有虚假，愿退回补贴资金并承担相应责任。",
                "申请人（签字）",
                person.name,
                applied_on,
                height=30,
            ),
            Opinion(
                "经办机构审核意见",
                f"经审核，符合条件，同意发放补贴{subsidy}元。",
                handler,
                reviewer,
                done,
            ),
        ],
    )
    writer.scan(
        pages.form_page(form, rng),
        "技能提升补贴申领表",
        FORM_PDF,
        Material("form", "技能提升补贴申领表"),
    )
    certificate = pages.certificate_page(
        person,
        title=certificate_title,
        rows=(
            ("姓名", person.name),
            ("性别", person.gender),
            ("证件号码", person.id_number),
            ("职业（工种）", occupation),
            ("等级", level),
            ("证书编号", cert_number),
        ),
        issuer=f"{DEMO_CITY}职业技能鉴定中心",
        issued_on=certified_on,
        rng=rng,
    )
    # The agency scanned the original certificate, so no photocopy is needed (LN-UI 85).
    writer.scan(
        certificate,
        certificate_title,
        COLOUR_JPEG,
        Material(
            "voucher", certificate_title, "important", person.name, source="agency", copy=False
        ),
    )
    _id_copy(writer, person, "技能提升补贴申领")
    _bank_copy(writer, person, "领取技能提升补贴")
    _light_shuffle(writer.materials, rng)
    return ItemHeader(
        "SY",
        "技能提升补贴",
        _person_entity(person),
        f"{person.name}技能提升补贴",
        handler,
        [person.name],
    )


INSURANCES = ("养老保险", "医疗保险", "失业保险", "工伤保险", "生育保险")


def _unit_registration(writer: ItemWriter, people: Population) -> ItemHeader:
    """GL 参保单位登记: a newly founded company registers for social insurance."""
    rng, done = writer.rng, writer.completed_on
    unit = people.factory.unit(founded_on=_days_before(done, 20, 120, rng))
    people.units.append(unit)
    handler, reviewer = people.handler_and_reviewer(rng)
    applied_on = _days_before(done, 1, 10, rng)
    legal = unit.legal_representative
    form = FormPage(
        "社会保险参保登记表（单位）",
        number=_form_number("DW", applied_on, rng),
        filled_on=applied_on,
        blocks=[
            Heading("单位基本信息"),
            Fields(
                [
                    [("单位名称", unit.name)],
                    [("统一社会信用代码", unit.unit_code), ("单位类型", "企业")],
                    [("法定代表人", legal.name), ("身份证号码", legal.id_number)],
                    [("注册地址", unit.address)],
                    [("成立日期", cn_date(unit.founded_on)), ("联系电话", unit.phone)],
                    [("经营范围", unit.business_scope)],
                    [("开户银行", unit.bank), ("银行账号", unit.bank_account)],
                ]
            ),
            Checks("参保险种", INSURANCES, INSURANCES),
            Declaration(
                "本单位承诺：所填信息真实、准确，自用工之日起三十日内为职工办理社会保险登记，按时足额缴纳社会保险费。",
                "单位（盖章）",
                legal.name,
                applied_on,
                seal=unit.name,
                height=38,
            ),
            Opinion("经办机构审核意见", "经审核，材料齐全，予以登记。", handler, reviewer, done),
        ],
        note="注：单位名称、统一社会信用代码应与营业执照一致。",
    )
    writer.scan(
        pages.form_page(form, rng),
        "社会保险参保登记表",
        FORM_PDF,
        Material("form", "社会保险参保登记表（单位）"),
    )
    licence = pages.business_licence_copy(unit, unit.founded_on, "与原件一致", rng)
    writer.scan(
        licence,
        "营业执照复印件",
        COLOUR_JPEG,
        Material("voucher", "营业执照复印件", "important", source="applicant", copy=True),
    )
    issued = dt.date(max(legal.birth_date.year + 16, 2006), 3, 1)
    page = pages.id_card_copy(legal, issued, "此复印件仅供办理社会保险登记使用", done, rng)
    writer.scan(
        page,
        "法定代表人身份证复印件",
        COPY_JPEG,
        Material("voucher", "法定代表人身份证复印件", "important", source="applicant", copy=True),
    )
    account = pages.letter_page(
        title="基本存款账户信息",
        paragraphs=[
            f"账户名称：{unit.name}",
            f"账号：{unit.bank_account}",
            f"开户银行：{unit.bank}{unit.region.district}支行",
            f"基本存款账户编号：J{unit.region.code}{rng.randrange(10**7, 10**8)}",
            f"开户日期：{cn_date(unit.founded_on + dt.timedelta(days=rng.randint(3, 15)))}",
        ],
        signer=f"{unit.bank}{unit.region.district}支行",
        signed_on=unit.founded_on + dt.timedelta(days=15),
        seal=f"{unit.bank}{unit.region.district}支行",
        seal_bottom="业务专用章",
        rng=rng,
        colour=False,
    )
    writer.scan(
        account,
        "基本存款账户信息",
        COPY_JPEG,
        Material("voucher", "基本存款账户信息复印件", "secondary", source="applicant", copy=True),
    )
    _light_shuffle(writer.materials, rng)
    return ItemHeader(
        "GL", "参保单位登记", _unit_entity(unit), f"{unit.name}参保单位登记", handler, []
    )


def _staff_registration(writer: ItemWriter, people: Population) -> ItemHeader:
    """GL 参保人员登记: a unit registers 2-5 new employees on one roster."""
    rng, done = writer.rng, writer.completed_on
    unit = people.unit(rng, done, reuse=0.6)
    handler, reviewer = people.handler_and_reviewer(rng)
    applied_on = _days_before(done, 1, 8, rng)
    hires = [
        people.new_hire(unit, _days_before(applied_on, 0, 25, rng))
        for _ in range(rng.randint(2, 5))
    ]
    hires.sort(key=lambda job: job.start_date)
    roster_rows = [
        (
            str(index),
            job.person.name,
            job.person.gender,
            job.person.id_number,
            "五险",
            f"{job.start_date:%Y-%m-%d}",
            money(job.monthly_wage * 100),
        )
        for index, job in enumerate(hires, start=1)
    ]
    form = FormPage(
        "社会保险参保人员增加表",
        number=_form_number("ZY", applied_on, rng),
        filled_on=applied_on,
        blocks=[
            Fields(
                [
                    [("单位名称", unit.name)],
                    [("统一社会信用代码", unit.unit_code), ("单位联系电话", unit.phone)],
                ],
                label_width=30,
            ),
            Heading("增加人员名册"),
            Roster(
                (
                    "序号",
                    "姓名",
                    "性别",
                    "公民身份号码",
                    "参保险种",
                    "用工起始日期",
                    "月缴费工资（元）",
                ),
                (0.6, 1.2, 0.6, 2.6, 0.9, 1.5, 1.5),
                roster_rows,
                blank_rows=6 - len(hires),
            ),
            Declaration(
                "本单位承诺：上述人员与本单位建立劳动关系，所填信息与居民身份证、劳动合同一致，"
                "如有虚假，由本单位承担相应责任。",
                "单位（盖章）",
                "",
                applied_on,
                seal=unit.name,
                height=36,
            ),
            Opinion(
                "经办机构审核意见",
                f"经审核，同意为上述{len(hires)}人办理参保登记。",
                handler,
                reviewer,
                done,
            ),
        ],
    )
    writer.scan(
        pages.form_page(form, rng),
        "社会保险参保人员增加表",
        FORM_PDF,
        Material("form", "社会保险参保人员增加表"),
    )
    for job in hires:
        _id_copy(writer, job.person, "社会保险参保登记")
        if rng.random() < 0.6:
            contract = pages.contract_pages(
                unit, job, job.start_date, rng.choice((1, 3, 3, 5)), rng
            )
            style = BW_TIFF if rng.random() < 0.7 else BW_PDF
            writer.scan(
                contract,
                f"劳动合同-{job.person.name}",
                style,
                Material("voucher", "劳动合同", "secondary", job.person.name, source="applicant"),
            )
    # Papers arrive in any order; the archive's ordering engine must put them right.
    rng.shuffle(writer.materials)
    return ItemHeader(
        "GL",
        "参保人员登记",
        _unit_entity(unit),
        f"{unit.name}参保人员登记（{len(hires)}人）",
        handler,
        [job.person.name for job in hires],
    )


INJURIES = (
    (
        "左手食指",
        "左手食指末节指骨骨折",
        "在车间操作冲压设备时，左手食指被模具压伤",
        "（一）",
        "手外科",
    ),
    ("右足", "右足跟骨骨折", "在仓库整理货物时，从货架梯子上跌落，右足着地受伤", "（一）", "骨科"),
    ("腰部", "腰1椎体压缩性骨折", "搬运设备时货物倾倒，被砸中腰背部", "（一）", "骨科"),
    ("右前臂", "右尺骨中段骨折", "维修设备时被传送带卷入，右前臂受伤", "（一）", "骨科"),
    (
        "头部",
        "头皮裂伤、轻度脑震荡",
        "在下班途中骑电动自行车被机动车撞伤，交警部门认定本人无责任",
        "（六）",
        "神经外科",
    ),
)


def _injury_recognition(writer: ItemWriter, people: Population) -> ItemHeader:
    """GS 工伤认定: a worker hurt at work; the bureau decides it is an industrial injury."""
    rng, done = writer.rng, writer.completed_on
    unit = people.unit(rng, done)
    job = people.employee(rng, unit, done)
    person = job.person
    handler, reviewer = people.handler_and_reviewer(rng)
    injured_on = _days_before(done, 35, 75, rng)
    applied_on = injured_on + dt.timedelta(days=rng.randint(5, 20))
    part, diagnosis, how, article, department = rng.choice(INJURIES)
    hour, minute = rng.randint(8, 16), rng.randrange(0, 60, 5)
    commuting = article == "（六）"
    if commuting:
        hour = rng.choice((7, 17, 18))
        where = person.name
    else:
        where = f"{person.name}在{unit.name}从事{job.job_title}工作期间，"
    story = (
        f"{cn_date(injured_on)}{hour}时{minute}分左右，{where}{how}。事故发生后，"
        f"{'本人' if commuting else '其'}被送往{DEMO_CITY}第一人民医院救治，经诊断为{diagnosis}。"
        f"{'交警部门事故认定书、' if commuting else ''}单位负责人及现场同事可以证明上述经过。"
    )
    page_one = FormPage(
        "工伤认定申请表",
        number=_form_number("GS", applied_on, rng),
        filled_on=applied_on,
        blocks=[
            Fields(
                [
                    [("职工姓名", person.name), ("性别", person.gender)],
                    [("出生日期", cn_date(person.birth_date)), ("公民身份号码", person.id_number)],
                    [("联系电话", person.phone), ("职业（工种）", job.job_title)],
                    [("家庭地址", person.address)],
                    [("工作单位", unit.name)],
                    [("单位地址", unit.address)],
                    [("单位联系电话", unit.phone), ("参加工作时间", cn_date(job.start_date))],
                    [
                        ("事故时间", f"{cn_date(injured_on)}{hour}时"),
                        ("诊断时间", cn_date(injured_on)),
                    ],
                    [("受伤害部位", part), ("职业病名称", "—")],
                ],
                height=12,
            ),
            TextBox("受伤害经过简述", story, height=76),
        ],
        note="第 1 页 共 2 页",
    )
    page_two = FormPage(
        "工伤认定申请表（续）",
        blocks=[
            Declaration(
                "申请人意见：以上情况属实，申请工伤认定。",
                "申请人（签字）",
                person.name,
                applied_on,
                height=40,
            ),
            Declaration(
                "用人单位意见：情况属实，该职工系本单位职工，事故发生在工作时间和工作场所内（或上下班途中）。",
                "用人单位（盖章）",
                "",
                applied_on,
                seal=unit.name,
                height=50,
            ),
            Opinion(
                "社会保险行政部门审查资料和受理意见",
                "材料齐全，予以受理。",
                handler,
                reviewer,
                applied_on + dt.timedelta(days=rng.randint(1, 5)),
                seal=HRSS_BUREAU,
                height=56,
            ),
            TextBox("备注", "提交材料：劳动关系证明、医疗诊断证明书、身份证复印件。", height=30),
        ],
        note="第 2 页 共 2 页",
    )
    writer.scan(
        [pages.form_page(page_one, rng), pages.form_page(page_two, rng)],
        "工伤认定申请表",
        FORM_PDF,
        Material("form", "工伤认定申请表", source="applicant"),
    )
    year_number = rng.randrange(1, 999)
    decision = el.LetterDocument(
        issuer=HRSS_BUREAU,
        title="工伤认定决定书",
        doc_number=f"示人社工认字〔{done.year}〕第{year_number:04d}号",
        addressee=unit.name,
        paragraphs=(
            f"{person.name}（公民身份号码：{person.id_number}）工伤认定申请已于{cn_date(applied_on)}受理。",
            f"经查：{story}",
            f"{person.name}同志受到的事故伤害，符合《工伤保险条例》第十四条第{article}项之规定，"
            "属于工伤认定范围，现予以认定为工伤。",
            "如对本工伤认定决定不服，可自收到本决定书之日起60日内向"
            f"{DEMO_CITY}人民政府申请行政复议，或者在6个月内向人民法院提起行政诉讼。",
        ),
        signed_on=done,
        seal_text=HRSS_BUREAU,
        copy_to=f"{AGENCY}，{person.name}",
    )
    writer.electronic(
        lambda path: el.write_letter_pdf(decision, path),
        "工伤认定决定书",
        Material("form", "工伤认定决定书", source="agency"),
    )
    hospital = f"{DEMO_CITY}第一人民医院"
    doctor = people.factory.person(born_between=(1965, 1990)).name
    advice = rng.choice(
        ("建议休息一个月，定期复查。", "建议住院治疗，休息两个月。", "建议休息六周，避免负重。")
    )
    diagnosis_page = pages.diagnosis_page(
        person,
        hospital=hospital,
        department=department,
        diagnosis=diagnosis,
        advice=advice,
        doctor=doctor,
        on=injured_on,
        rng=rng,
    )
    writer.scan(
        diagnosis_page,
        "诊断证明书",
        COLOUR_JPEG,
        Material("voucher", "医疗诊断证明书", "important", person.name, source="applicant"),
    )
    if rng.random() < 0.5:
        contract = pages.contract_pages(unit, job, job.start_date, 5, rng)
        writer.scan(
            contract,
            "劳动合同",
            BW_TIFF,
            Material(
                "voucher",
                "劳动合同（劳动关系证明）",
                "important",
                person.name,
                source="applicant",
                copy=True,
            ),
        )
    else:
        proof = pages.letter_page(
            title="劳动关系证明",
            paragraphs=[
                f"兹证明{person.name}（公民身份号码：{person.id_number}）自{cn_date(job.start_date)}起在我单位工作，"
                f"从事{job.job_title}岗位，与我单位存在劳动关系，我单位已为其参加工伤保险。",
                "特此证明。",
            ],
            signer=unit.name,
            signed_on=applied_on,
            seal=unit.name,
            rng=rng,
        )
        writer.scan(
            proof,
            "劳动关系证明",
            COLOUR_JPEG,
            Material("voucher", "劳动关系证明", "important", person.name, source="applicant"),
        )
    _id_copy(writer, person, "工伤认定", importance="secondary")
    if rng.random() < 0.5:
        witness = people.employee(rng, unit, done).person
        statement = pages.record_pages(
            header=unit.name,
            title="证人证言",
            fields=(("证人", witness.name), ("性别", witness.gender), ("联系电话", witness.phone)),
            sections=(
                (
                    "证言",
                    f"本人是{unit.name}职工，与{person.name}系同事关系。{story}以上情况属实。",
                ),
            ),
            signer_label="证人（签字）",
            signer=witness.name,
            on=applied_on,
            rng=rng,
        )
        writer.scan(
            statement,
            "证人证言",
            COPY_JPEG,
            Material("voucher", "证人证言", "secondary", person.name, source="applicant"),
        )
    _light_shuffle(writer.materials, rng)
    return ItemHeader(
        "GS", "工伤认定", _person_entity(person), f"{person.name}工伤认定", handler, [person.name]
    )


def _maternity_benefit(writer: ItemWriter, people: Population) -> ItemHeader:
    """SYU 生育保险待遇核定: an insured mother's maternity allowance and medical costs."""
    rng, done = writer.rng, writer.completed_on
    unit = people.unit(rng, done)
    job = people.employee(
        rng, unit, done, gender="女", born_between=(done.year - 40, done.year - 23)
    )
    mother = job.person
    father = people.factory.person(
        gender="男", born_between=(mother.birth_date.year - 4, mother.birth_date.year + 2)
    )
    handler, reviewer = people.handler_and_reviewer(rng)
    born_on = _days_before(done, 25, 100, rng)
    caesarean = rng.random() < 0.35
    stay = rng.randint(5, 9) if caesarean else rng.randint(2, 4)
    leave_days = 98 + 60 + (15 if caesarean else 0)  # national 98 + typical provincial bonus
    wage = job.monthly_wage
    allowance = wage * 100 * leave_days // 30
    medical = rng.randrange(3200, 9800) * 100 if caesarean else rng.randrange(1800, 4500) * 100
    lump = 250000 if caesarean else 150000
    applied_on = _days_before(done, 3, 20, rng)
    hospital = f"{DEMO_CITY}妇幼保健院"
    form = FormPage(
        "生育保险待遇申领表",
        number=_form_number("SYU", applied_on, rng),
        filled_on=applied_on,
        blocks=[
            Fields(
                [
                    [("姓名", mother.name), ("公民身份号码", mother.id_number)],
                    [("参保单位", unit.name)],
                    [("联系电话", mother.phone), ("配偶姓名", father.name)],
                    [("生育日期", cn_date(born_on)), ("胎次", rng.choice(("第一胎", "第二胎")))],
                    [("分娩医院", hospital)],
                    [("住院天数", f"{stay}天"), ("医疗费用（元）", money(medical))],
                ]
            ),
            Checks(
                "分娩方式",
                ("顺产", "剖宫产", "难产", "多胞胎"),
                ["剖宫产" if caesarean else "顺产"],
            ),
            Fields([[("开户银行", mother.bank), ("银行卡号", mother.bank_card)]]),
            Declaration(
                "本人承诺：所填信息及提供的材料真实有效，如有虚假，愿退回已领待遇并承担相应法律责任。",
                "申请人（签字）",
                mother.name,
                applied_on,
                height=30,
            ),
            Opinion(
                "经办机构审核意见", "经审核，符合生育保险待遇支付条件。", handler, reviewer, done
            ),
        ],
    )
    writer.scan(
        pages.form_page(form, rng),
        "生育保险待遇申领表",
        FORM_PDF,
        Material("form", "生育保险待遇申领表"),
    )
    assessment = el.TableDocument(
        title="生育保险待遇核定表",
        issuer=AGENCY,
        number=_form_number("SYUHD", done, rng),
        printed_on=done,
        rows=[
            [("姓名", mother.name), ("公民身份号码", mother.id_number)],
            [("参保单位", unit.name)],
            [("生育日期", cn_date(born_on)), ("分娩方式", "剖宫产" if caesarean else "顺产")],
            [("产假天数", f"{leave_days}天"), ("月缴费基数（元）", money(wage * 100))],
        ],
        detail_headers=("待遇项目", "计算方法", "核定金额（元）"),
        detail_rows=[
            ("生育津贴", f"{money(wage * 100)}÷30×{leave_days}天", money(allowance)),
            ("生育医疗费用", "定额支付", money(lump)),
            ("合计", "", money(allowance + lump)),
        ],
        remarks="生育津贴发放至参保单位，由单位按规定支付给职工本人。",
        handler=handler,
        reviewer=reviewer,
        seal_text=AGENCY,
    )
    writer.electronic(
        lambda path: el.write_table_pdf(assessment, path),
        "生育保险待遇核定表",
        Material("form", "生育保险待遇核定表", source="agency"),
    )
    _id_copy(writer, mother, "生育保险待遇申领")
    child = f"{father.name[0]}{rng.choice('子梓一若欣浩睿思语')}{rng.choice('涵轩萱辰怡航宁')}"
    born_at = dt.datetime.combine(born_on, dt.time(rng.randrange(24), rng.randrange(60)))
    certificate = pages.birth_certificate_copy(
        mother,
        father,
        child_name=child,
        child_gender=rng.choice(("男", "女")),
        born_at=born_at,
        hospital=hospital,
        number=f"{chr(65 + born_on.year % 26)}{rng.randrange(10**8, 10**9)}",
        rng=rng,
    )
    writer.scan(
        certificate,
        "出生医学证明复印件",
        COPY_JPEG,
        Material(
            "voucher",
            "出生医学证明复印件",
            "important",
            mother.name,
            source="applicant",
            copy=True,
        ),
    )
    items = [
        ("床位费", stay * 4000),
        ("护理费", stay * 3000),
        ("检查费", rng.randrange(30000, 90000)),
        ("化验费", rng.randrange(20000, 60000)),
        ("药品费", rng.randrange(40000, 200000)),
    ]
    items.append(
        ("手术费" if caesarean else "接生费", max(10000, medical - sum(c for _, c in items)))
    )
    bill = pages.table_page(
        title="住院费用结算单",
        subtitle=[
            f"医院：{hospital}",
            f"患者：{mother.name}    住院号：{rng.randrange(10**6, 10**7)}",
            f"住院日期：{cn_date(born_on - dt.timedelta(days=1))} 至 {cn_date(born_on + dt.timedelta(days=stay - 1))}",
        ],
        headers=("费用项目", "金额（元）"),
        widths=(1, 1),
        rows=[(name, money(cents)) for name, cents in items],
        footer=[f"费用合计：{money(sum(c for _, c in items))}元"],
        seal=hospital,
        seal_bottom="收费专用章",
        rng=rng,
    )
    writer.scan(
        bill,
        "住院费用结算单",
        COPY_JPEG,
        Material("voucher", "住院费用结算单", "secondary", mother.name, source="applicant"),
    )
    if rng.random() < 0.5:
        doctor = people.factory.person(born_between=(1965, 1990)).name
        record = pages.record_pages(
            header=hospital,
            title="出院记录",
            fields=(("姓名", mother.name), ("科室", "产科"), ("住院天数", f"{stay}天")),
            sections=(
                ("入院情况", f"孕{rng.randint(38, 40)}周，规律宫缩入院。生命体征平稳，胎心正常。"),
                (
                    "诊疗经过",
                    f"入院后完善相关检查，于{cn_date(born_on)}行{'剖宫产术' if caesarean else '阴道分娩'}，母婴平安。术后给予对症支持治疗，恢复良好。",
                ),
                ("出院诊断", f"宫内孕足月{'剖宫产' if caesarean else '顺产'}单活婴。"),
                ("出院医嘱", "注意休息，加强营养，产后42天门诊复查，不适随诊。"),
            ),
            signer_label="医师签名",
            signer=doctor,
            on=born_on + dt.timedelta(days=stay - 1),
            rng=rng,
            per_page=2,
        )
        writer.scan(
            record,
            "出院记录",
            BW_TIFF,
            Material(
                "voucher", "出院记录", "secondary", mother.name, source="applicant", copy=True
            ),
        )
    _light_shuffle(writer.materials, rng)
    return ItemHeader(
        "SYU",
        "生育保险待遇核定",
        _person_entity(mother),
        f"{mother.name}生育保险待遇核定",
        handler,
        [mother.name],
    )


CHRONIC = (
    ("高血压病（Ⅲ级）", "心内科", "血压", "165/105 mmHg"),
    ("2型糖尿病", "内分泌科", "空腹血糖", "9.8 mmol/L"),
    ("慢性阻塞性肺疾病", "呼吸内科", "FEV1/FVC", "0.62"),
    ("冠状动脉粥样硬化性心脏病", "心内科", "心电图", "ST-T改变"),
    ("类风湿关节炎", "风湿免疫科", "类风湿因子", "86 IU/mL"),
)


def _outpatient_benefit(writer: ItemWriter, people: Population) -> ItemHeader:
    """YB 门诊待遇核定: a chronic-disease patient is recognised for outpatient benefits."""
    rng, done = writer.rng, writer.completed_on
    unit = people.unit(rng, done)
    person = people.employee(rng, unit, done).person
    handler, reviewer = people.handler_and_reviewer(rng)
    applied_on = _days_before(done, 10, 40, rng)
    disease, department, measure, value = rng.choice(CHRONIC)
    hospital = f"{DEMO_CITY}中心医院"
    since = applied_on.year - rng.randint(2, 9)
    history = (
        f"患者{since}年确诊{disease}，长期门诊规律治疗，{measure}控制欠佳（{value}），"
        "需长期门诊用药及定期复查。"
    )
    form = FormPage(
        "门诊慢特病待遇认定申请表",
        number=_form_number("MZ", applied_on, rng),
        filled_on=applied_on,
        blocks=[
            Fields(
                [
                    [("姓名", person.name), ("性别", person.gender)],
                    [("公民身份号码", person.id_number), ("参保类别", "职工基本医疗保险")],
                    [("参保单位", unit.name)],
                    [("联系电话", person.phone), ("申请病种", disease)],
                    [("定点医疗机构", hospital)],
                ]
            ),
            TextBox("病史摘要", history, height=34),
            Declaration(
                "本人承诺：所提供的病历资料真实，如有虚假，愿承担相应责任并退回已享受的待遇。",
                "申请人（签字）",
                person.name,
                applied_on,
                height=30,
            ),
            Opinion(
                "经办机构审核意见",
                "经专家评审，符合认定标准，同意享受门诊慢特病待遇。",
                handler,
                reviewer,
                done,
                height=40,
            ),
        ],
    )
    writer.scan(
        pages.form_page(form, rng),
        "门诊慢特病待遇认定申请表",
        FORM_PDF,
        Material("form", "门诊慢特病待遇认定申请表"),
    )
    doctor = people.factory.person(born_between=(1965, 1990)).name
    certificate = pages.diagnosis_page(
        person,
        hospital=hospital,
        department=department,
        diagnosis=disease,
        advice="需长期门诊治疗，定期复查。",
        doctor=doctor,
        on=applied_on - dt.timedelta(days=2),
        rng=rng,
    )
    writer.scan(
        certificate,
        "诊断证明书",
        COLOUR_JPEG,
        Material("voucher", "诊断证明书", "important", person.name, source="applicant"),
    )
    record = pages.record_pages(
        header=hospital,
        title="门诊病历",
        fields=(("姓名", person.name), ("性别", person.gender), ("科别", department)),
        sections=(
            ("主诉", f"{disease}病史{applied_on.year - since}年，复诊。"),
            ("现病史", history + "近期无明显不适，饮食睡眠可。"),
            ("查体", f"神志清，精神可。{measure}：{value}。心肺听诊未见明显异常。"),
            ("诊断", disease),
            ("处理", "继续规律用药，低盐低脂饮食，适量运动，三个月后复查。"),
        ),
        signer_label="医师签名",
        signer=doctor,
        on=applied_on - dt.timedelta(days=2),
        rng=rng,
    )
    writer.scan(
        record,
        "门诊病历",
        BW_TIFF,
        Material("voucher", "门诊病历", "secondary", person.name, source="applicant", copy=True),
    )
    rows = [
        (measure, value, "异常"),
        ("血常规", "未见明显异常", "正常"),
        ("肝功能", "未见明显异常", "正常"),
        ("肾功能", rng.choice(("未见明显异常", "肌酐轻度升高")), "—"),
    ]
    report = pages.table_page(
        title="检查报告单",
        subtitle=[
            f"医院：{hospital}",
            f"姓名：{person.name}    科别：{department}    报告日期：{cn_date(applied_on - dt.timedelta(days=3))}",
        ],
        headers=("检查项目", "结果", "提示"),
        widths=(1.2, 1.6, 0.8),
        rows=rows,
        footer=["本报告仅对所检标本负责。"],
        seal=hospital,
        seal_bottom="检验专用章",
        rng=rng,
    )
    writer.scan(
        report,
        "检查报告单",
        COPY_JPEG,
        Material("voucher", "检查报告单", "secondary", person.name, source="applicant", copy=True),
    )
    _id_copy(writer, person, "门诊慢特病待遇认定", importance="secondary")
    _light_shuffle(writer.materials, rng)
    return ItemHeader(
        "YB",
        "门诊待遇核定",
        _person_entity(person),
        f"{person.name}门诊待遇核定",
        handler,
        [person.name],
    )


Scenario = Callable[[ItemWriter, Population], ItemHeader]

SCENARIOS: dict[str, Scenario] = {
    "失业保险金申领": _unemployment_benefit,
    "稳岗返还": _stability_refund,
    "技能提升补贴": _skills_subsidy,
    "参保单位登记": _unit_registration,
    "参保人员登记": _staff_registration,
    "工伤认定": _injury_recognition,
    "生育保险待遇核定": _maternity_benefit,
    "门诊待遇核定": _outpatient_benefit,
}


# ---------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------


def latest_completion_day() -> dt.date:
    """Items are never completed in the future, nor after the demo's last year."""
    return min(dt.date.today(), LATEST_DAY)


def completion_day(rng: random.Random, year: int | None = None) -> dt.date:
    latest = latest_completion_day()
    year = rng.randint(FIRST_YEAR, latest.year) if year is None else min(year, latest.year)
    first = dt.date(year, 1, 1)
    last = min(dt.date(year, 12, 31), latest)
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def generate_item(
    rng: random.Random,
    out_dir: Path,
    *,
    year: int | None = None,
    scenario: str | None = None,
    population: Population | None = None,
) -> Path:
    """Write one item (files + manifest.json) into `out_dir`; return the manifest's path.

    `scenario` is a business type from SCENARIOS (default: chosen by `rng`);
    `population` lets a batch share its people and companies across items.
    """
    business_type = scenario or rng.choice(sorted(SCENARIOS))
    if business_type not in SCENARIOS:
        raise ValueError(f"unknown scenario {business_type!r}; choose one of {sorted(SCENARIOS)}")
    people = population or Population(random.Random(rng.randrange(1 << 62)))
    out_dir.mkdir(parents=True, exist_ok=True)
    writer = ItemWriter(out_dir, rng, completion_day(rng, year))
    header = SCENARIOS[business_type](writer, people)
    return _write_manifest(writer, header)


# A backlog of older records with ten-year periods, so that the demo's appraisal due list
# (archivist/disposition/due.py) is not empty: due from 2023-01-01 to 2026-01-01.
BACKLOG_YEARS = (2012, 2013, 2014, 2015)
BACKLOG_KINDS = ("失业保险金申领", "门诊待遇核定", "稳岗返还", "技能提升补贴")


def backlog_size(count: int) -> int:
    """How many of a batch of `count` items are older records: one in nine, so that a
    batch of eight still shows every scenario once."""
    return count // 9


def generate_batch(
    out_root: Path,
    count: int,
    seed: int = 2024,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Write `count` items under `out_root`, spread over every scenario and 2019-2025,
    one in nine of them (`backlog_size`) older ten-year records of 2012-2015.

    Folders follow the archive's own layout (archive-rules.md §3):
    `<business type>/<year-month>/<unit or person>/manifest.json`.
    """
    batch_rng = random.Random(seed)
    population = Population(random.Random(batch_rng.randrange(1 << 62)))
    latest = latest_completion_day()
    years = list(range(FIRST_YEAR, latest.year + 1))
    batch_rng.shuffle(years)
    kinds = sorted(SCENARIOS)
    batch_rng.shuffle(kinds)
    out_root.mkdir(parents=True, exist_ok=True)
    manifests: list[Path] = []
    backlog = backlog_size(count)
    for index in range(count):
        # Scenarios take turns, and each scenario walks through the years from its own
        # starting point, so even a small batch covers every scenario and many years.
        round_number, position = divmod(index, len(kinds))
        business_type = kinds[position]
        year = years[(round_number + position) % len(years)]
        if index >= count - backlog:
            older = count - 1 - index
            business_type = BACKLOG_KINDS[older % len(BACKLOG_KINDS)]
            year = BACKLOG_YEARS[older % len(BACKLOG_YEARS)]
        item_rng = random.Random(f"{seed}:{index}")
        staging = out_root / f".item-{index:05d}"
        if staging.exists():
            shutil.rmtree(staging)
        manifest = generate_item(
            item_rng, staging, year=year, scenario=business_type, population=population
        )
        manifests.append(_move_into_layout(manifest, out_root))
        if progress is not None:
            progress(index + 1, count)
    return manifests


def _move_into_layout(manifest: Path, out_root: Path) -> Path:
    data = json.loads(manifest.read_text(encoding="utf-8"))
    business_type: str = data["business_type"]
    month: str = data["completed_on"][:7]
    entity_name: str = data["entity"]["name"]
    base = out_root / business_type / month / entity_name
    target = base
    suffix = 2
    while target.exists():
        target = base.with_name(f"{base.name}-{suffix}")
        suffix += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    manifest.parent.rename(target)
    return target / MANIFEST_NAME
