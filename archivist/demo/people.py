"""Synthetic, fictional people and companies for the demo archive and test fixtures.

Everything comes from a seeded `random.Random`, so a seed always yields the same
people. Region codes are real-looking prefecture districts of Inner Mongolia and
Liaoning (the provinces the rules come from); the people and companies are invented,
and their ID numbers and credit codes carry valid check characters (GB 11643, GB 32100).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from archivist.rules.identity import id_check_character, uscc_check_character


@dataclass(frozen=True)
class Region:
    code: str  # 6-digit administrative division code
    province: str
    city: str
    district: str
    area_code: str  # telephone area code of the city

    @property
    def place(self) -> str:
        return f"{self.province}{self.city}{self.district}"


REGIONS: tuple[Region, ...] = (
    Region("150102", "内蒙古自治区", "呼和浩特市", "新城区", "0471"),
    Region("150103", "内蒙古自治区", "呼和浩特市", "回民区", "0471"),
    Region("150105", "内蒙古自治区", "呼和浩特市", "赛罕区", "0471"),
    Region("150203", "内蒙古自治区", "包头市", "昆都仑区", "0472"),
    Region("150204", "内蒙古自治区", "包头市", "青山区", "0472"),
    Region("150402", "内蒙古自治区", "赤峰市", "红山区", "0476"),
    Region("150502", "内蒙古自治区", "通辽市", "科尔沁区", "0475"),
    Region("150602", "内蒙古自治区", "鄂尔多斯市", "东胜区", "0477"),
    Region("150702", "内蒙古自治区", "呼伦贝尔市", "海拉尔区", "0470"),
    Region("210102", "辽宁省", "沈阳市", "和平区", "024"),
    Region("210103", "辽宁省", "沈阳市", "沈河区", "024"),
    Region("210106", "辽宁省", "沈阳市", "铁西区", "024"),
    Region("210202", "辽宁省", "大连市", "中山区", "0411"),
    Region("210204", "辽宁省", "大连市", "沙河口区", "0411"),
    Region("210302", "辽宁省", "鞍山市", "铁东区", "0412"),
    Region("210602", "辽宁省", "丹东市", "元宝区", "0415"),
    Region("210702", "辽宁省", "锦州市", "古塔区", "0416"),
    Region("211002", "辽宁省", "辽阳市", "白塔区", "0419"),
)

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
)
GIVEN_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林洋峰建国志文斌东晨阳"
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀玲桂英红梅琳雪婷颖慧莹佳倩晶欣悦蕾璐洁玉兰丹萍瑶琪雯璇"
ETHNICITIES = ("汉", "汉", "汉", "汉", "汉", "蒙古", "满", "回", "朝鲜")
STREETS = (
    "新华",
    "人民",
    "建设",
    "解放",
    "胜利",
    "和平",
    "光明",
    "青年",
    "团结",
    "迎宾",
    "兴安",
    "长青",
)
COMMUNITIES = ("阳光", "锦绣", "康乐", "幸福", "丽景", "金桥", "枫林", "翠园", "华府", "书香")
BRAND_HEADS = "恒瑞鼎嘉盛泰安博宏裕德启维合兴远诚信昌汇融晟达卓铭"
BRAND_TAILS = "丰源通达和宇航晖新程辰科润景益川森拓楷"
INDUSTRIES = (
    ("科技有限公司", "软件开发；信息技术咨询服务；计算机系统集成"),
    ("商贸有限公司", "日用百货、五金交电、建筑材料销售"),
    ("物流有限公司", "普通道路货物运输；仓储服务（不含危险化学品）"),
    ("餐饮管理有限公司", "餐饮服务；食品销售；餐饮管理"),
    ("机械制造有限公司", "通用设备制造；机械零部件加工及销售"),
    ("建筑工程有限公司", "房屋建筑工程施工；装饰装修工程"),
    ("物业服务有限公司", "物业管理；保洁服务；停车场服务"),
    ("食品有限公司", "乳制品、肉制品加工及销售"),
    ("汽车服务有限公司", "机动车维修；汽车零配件销售"),
    ("印务有限公司", "包装装潢印刷品、其他印刷品印刷"),
)
JOB_TITLES = (
    "技术员",
    "销售专员",
    "仓库管理员",
    "会计",
    "出纳",
    "司机",
    "厨师",
    "车间操作工",
    "行政专员",
    "质检员",
    "维修工",
    "客服专员",
)
# Bank names are invented: the demo never shows a real bank's card.
BANKS = ("北疆商业银行", "草原农村商业银行", "辽东城市银行", "渤海湾农商银行", "长城联合银行")
# Card number prefixes are invented too (62 = UnionPay style, then a made-up issuer).
CARD_PREFIXES = ("621799", "622856", "623321", "625902")
HANDLER_GIVEN = ("晓东", "丽华", "建军", "春梅", "海燕", "志刚", "秀兰", "雪峰", "玉洁", "立新")
# Institutions carry the demo fonds' invented city, so no real hospital or office appears.
DEMO_CITY = "示例市"
AGENCY = f"{DEMO_CITY}社会保险事业服务中心"
HOSPITALS = ("第一人民医院", "中心医院", "第二人民医院", "妇幼保健院", "中医医院")


@dataclass(frozen=True)
class Person:
    name: str
    gender: str  # 男 | 女
    ethnicity: str
    birth_date: dt.date
    id_number: str
    region: Region
    address: str
    phone: str
    bank: str
    bank_card: str


@dataclass(frozen=True)
class Employment:
    """A person's job at a unit: the facts contracts and rosters show."""

    person: Person
    job_title: str
    start_date: dt.date
    monthly_wage: int


@dataclass(frozen=True)
class Unit:
    name: str
    unit_code: str  # unified social credit code
    region: Region
    address: str
    legal_representative: Person
    phone: str
    business_scope: str
    founded_on: dt.date
    registered_capital: int  # 万元
    bank: str
    bank_account: str
    staff: list[Employment] = field(default_factory=list)


class PeopleFactory:
    """Invents people, units and handlers from one seeded generator.

    Names are unique within a factory, so a roster never holds two people of the
    same name (the manifest names roster people by name).
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._names: set[str] = set()
        self._units: set[str] = set()
        self._id_numbers: set[str] = set()

    # -- people -------------------------------------------------------------
    def person(
        self,
        *,
        gender: str | None = None,
        born_between: tuple[int, int] = (1966, 2001),
        region: Region | None = None,
    ) -> Person:
        rng = self.rng
        gender = gender or rng.choice(("男", "女"))
        name = self._unique_name(gender)
        region = region or rng.choice(REGIONS)
        birth = dt.date(rng.randint(*born_between), 1, 1) + dt.timedelta(days=rng.randrange(365))
        id_number = self._id_number(region, birth, gender)
        bank = rng.choice(BANKS)
        return Person(
            name=name,
            gender=gender,
            ethnicity=rng.choice(ETHNICITIES),
            birth_date=birth,
            id_number=id_number,
            region=region,
            address=self.address(region),
            phone=self.phone(),
            bank=bank,
            bank_card=self.bank_card(),
        )

    def _unique_name(self, gender: str) -> str:
        pool = GIVEN_MALE if gender == "男" else GIVEN_FEMALE
        for _ in range(200):
            given = "".join(self.rng.sample(pool, self.rng.choice((1, 2, 2))))
            name = self.rng.choice(SURNAMES) + given
            if name not in self._names:
                self._names.add(name)
                return name
        raise RuntimeError("ran out of distinct names")  # needs tens of thousands of people

    def _id_number(self, region: Region, birth: dt.date, gender: str) -> str:
        while True:
            # The 17th digit is odd for men, even for women (GB 11643).
            order = self.rng.randrange(0, 100) * 10 + self.rng.choice(
                (1, 3, 5, 7, 9) if gender == "男" else (0, 2, 4, 6, 8)
            )
            first17 = f"{region.code}{birth:%Y%m%d}{order:03d}"
            number = first17 + id_check_character(first17)
            if number not in self._id_numbers:
                self._id_numbers.add(number)
                return number

    def address(self, region: Region) -> str:
        rng = self.rng
        street = rng.choice(STREETS)
        if rng.random() < 0.6:
            community = rng.choice(COMMUNITIES)
            return (
                f"{region.place}{street}街{rng.randint(1, 199)}号{community}小区"
                f"{rng.randint(1, 30)}号楼{rng.randint(1, 6)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}室"
            )
        return f"{region.place}{street}路{rng.randint(1, 399)}号"

    def phone(self) -> str:
        return f"1{self.rng.choice('3578')}{self.rng.randrange(10)}{self.rng.randrange(10**8):08d}"

    def bank_card(self) -> str:
        body = self.rng.choice(CARD_PREFIXES) + "".join(
            str(self.rng.randrange(10)) for _ in range(12)
        )
        return body + luhn_check_digit(body)

    def handler(self) -> str:
        """An agency caseworker (经办人)."""
        for _ in range(200):
            name = self.rng.choice(SURNAMES) + self.rng.choice(HANDLER_GIVEN)
            if name not in self._names:
                self._names.add(name)
                return name
        raise RuntimeError("ran out of distinct names")

    # -- units --------------------------------------------------------------
    def unit(
        self, *, staff: int = 0, region: Region | None = None, founded_on: dt.date | None = None
    ) -> Unit:
        rng = self.rng
        region = region or rng.choice(REGIONS)
        suffix, scope = rng.choice(INDUSTRIES)
        for _ in range(200):
            brand = rng.choice(BRAND_HEADS) + rng.choice(BRAND_TAILS)
            name = f"{region.city}{brand}{suffix}"
            if name not in self._units:
                self._units.add(name)
                break
        else:
            raise RuntimeError("ran out of distinct unit names")
        founded = founded_on or dt.date(rng.randint(2003, 2018), 1, 1) + dt.timedelta(
            days=rng.randrange(365)
        )
        unit = Unit(
            name=name,
            unit_code=self.credit_code(region),
            region=region,
            address=self.address(region),
            legal_representative=self.person(born_between=(1960, 1985), region=region),
            phone=f"{region.area_code}-{rng.randrange(2000000, 8999999)}",
            business_scope=scope,
            founded_on=founded,
            registered_capital=rng.choice((50, 100, 200, 300, 500, 1000, 2000)),
            bank=rng.choice(BANKS),
            bank_account="".join(str(rng.randrange(10)) for _ in range(rng.choice((16, 19, 20)))),
        )
        for _ in range(staff):
            unit.staff.append(self.employment(unit))
        return unit

    def employment(
        self,
        unit: Unit,
        *,
        person: Person | None = None,
        start_date: dt.date | None = None,
        gender: str | None = None,
    ) -> Employment:
        """A job at `unit`; by default one that began between 2012 and 2018."""
        rng = self.rng
        if start_date is None:
            earliest = max(unit.founded_on, dt.date(2012, 1, 1))
            days = (dt.date(2018, 12, 31) - earliest).days
            start_date = earliest + dt.timedelta(days=rng.randrange(days) if days > 0 else 30)
        region = unit.region if rng.random() < 0.7 else None
        return Employment(
            person=person or self.person(region=region, gender=gender),
            job_title=rng.choice(JOB_TITLES),
            start_date=start_date,
            monthly_wage=rng.randrange(2600, 9800, 50),
        )

    def credit_code(self, region: Region) -> str:
        """A unified social credit code: 9 (market regulator) 1 (company), region, body."""
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        while True:
            body8 = "MA" + "".join(self.rng.choice(alphabet) for _ in range(6))
            organisation = body8 + organisation_check_character(body8)
            if organisation[-1] in alphabet:
                break
        first17 = f"91{region.code}{organisation}"
        return first17 + uscc_check_character(first17)

    def hospital(self) -> str:
        return f"{DEMO_CITY}{self.rng.choice(HOSPITALS)}"


def luhn_check_digit(body: str) -> str:
    """The Luhn check digit bank card numbers end with."""
    total = 0
    for position, char in enumerate(reversed(body)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            digit -= 9 if digit > 9 else 0
        total += digit
    return str((10 - total % 10) % 10)


def organisation_check_character(body8: str) -> str:
    """GB 11714 check character of an organisation code (the 9 characters inside a USCC)."""
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c, 36) * w for c, w in zip(body8, weights, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))
