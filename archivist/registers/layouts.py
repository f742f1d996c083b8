"""What each printed register looks like, as data (`docs: ../shared/spec/registers.md`).

A `Layout` names a register's title, paper orientation, the columns of its table in
order, the labelled fields above it (or on its cover), its signature lines and totals.
The writers (`writer.write_docx`, `sheets.write_xlsx`) know nothing about any one
register: a new register is one more entry in `LAYOUTS`.

The caller fills a `DocumentData`: field values by key, and table rows as sequences in
column order. None (or a missing field) prints as a blank cell; nothing is made up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from archivist.errors import RegisterError

Cell = str | int | None


class Orientation(StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


class Style(StrEnum):
    TABLE = "table"  # a register of rows under a repeated header row
    FORM = "form"  # a labelled grid of fields, no rows (covers, notes sheets)
    LABELS = "labels"  # a sheet of cut-out labels, one per row


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"


@dataclass(frozen=True)
class Column:
    """One table column. `weight` sets its share of the page width (the weights of the
    catalogues are millimetres on their page, so a heading fits on one line)."""

    key: str
    heading: str
    weight: float
    align: Align = Align.CENTER
    numeric: bool = False  # a count: right for sums and a number in Excel
    pattern: str | None = None  # a filled cell must match this (full match)
    pattern_hint: str | None = None  # how to say the pattern to a person
    alternatives: tuple[str, ...] = ()  # other headings the caller may choose
    barcode: bool = False  # labels: drawn as a Code 128 symbol under the fields


@dataclass(frozen=True)
class Field:
    """A labelled value: above a table, on a cover, or in a form's grid. A narrow field
    takes half a grid row; `lines` makes room for longer hand-written text."""

    key: str
    label: str
    wide: bool = True
    lines: int = 1


@dataclass(frozen=True)
class Heading:
    """A caption row inside a form grid, grouping the fields after it."""

    label: str


@dataclass(frozen=True)
class Signature:
    """A signature line (label + blank for the signature), optionally with its date."""

    key: str
    label: str
    date_key: str | None = None
    date_label: str | None = None


@dataclass(frozen=True)
class Total:
    """A total under the table: the sum of a numeric column, or (column None) the number
    of rows. Printed as `<value> <unit>`; blank if any contributing cell is blank."""

    key: str
    unit: str
    column: str | None = None


@dataclass(frozen=True)
class Layout:
    kind: str
    title: str
    orientation: Orientation
    style: Style
    columns: tuple[Column, ...] = ()
    fields: tuple[Field | Heading, ...] = ()
    fields_on_cover: bool = False  # fields on a cover page of their own, then the table
    signatures: tuple[Signature, ...] = ()
    totals: tuple[Total, ...] = ()
    spreadsheet: bool = False  # a catalogue that also exports to .xlsx
    source: str = ""  # the standard or practice it follows
    labels_across: int = 3
    labels_down: int = 2
    form_pt: float = 12.0  # text size in a form's grid (小四)
    form_line_mm: float = 9.0  # height of one line of a form's grid

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(column.heading for column in self.columns)

    @property
    def value_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if isinstance(f, Field))

    def field_keys(self) -> tuple[str, ...]:
        """Every key a `DocumentData.fields` may carry for this register."""
        keys = [f.key for f in self.value_fields]
        for signature in self.signatures:
            keys.append(signature.key)
            if signature.date_key:
                keys.append(signature.date_key)
        keys.extend(total.key for total in self.totals)
        return tuple(keys)


@dataclass(frozen=True)
class DocumentData:
    """What the caller fills: field values by key (see `Layout.field_keys`), table rows
    in column order, and, where a column offers alternatives, the heading chosen."""

    fields: Mapping[str, Cell] = field(default_factory=dict)
    rows: Sequence[Sequence[Cell]] = ()
    headings: Mapping[str, str] = field(default_factory=dict)  # column key -> heading


def text(value: Cell) -> str:
    """The printed text of a value: blank for None."""
    return "" if value is None else str(value)


def check(layout: Layout, data: DocumentData) -> None:
    """Refuse data that does not fit the layout, naming the row and column."""
    keys = layout.field_keys()
    for key in data.fields:
        if key not in keys:
            raise RegisterError(
                "register.unknown_field", register=layout.title, field=key, choices=", ".join(keys)
            )
    if layout.style is Style.FORM and data.rows:
        raise RegisterError("register.no_rows", register=layout.title)
    columns = {column.key: column for column in layout.columns}
    for key, heading in data.headings.items():
        column = columns.get(key)
        allowed = (column.heading, *column.alternatives) if column else ()
        if heading not in allowed:
            raise RegisterError(
                "register.bad_heading",
                register=layout.title,
                column=column.heading if column else key,
                heading=heading,
                choices=", ".join(allowed),
            )
    width = len(layout.columns)
    patterns = [(i, c, re.compile(c.pattern)) for i, c in enumerate(layout.columns) if c.pattern]
    for number, row in enumerate(data.rows, 1):
        if len(row) != width:
            raise RegisterError(
                "register.row_width",
                register=layout.title,
                row=number,
                count=len(row),
                expected=width,
            )
        for index, column, pattern in patterns:
            value = row[index]
            if value is not None and not pattern.fullmatch(str(value)):
                raise RegisterError(
                    "register.bad_value",
                    register=layout.title,
                    row=number,
                    column=column.heading,
                    expected=column.pattern_hint or column.pattern,
                    value=value,
                )


def headings(layout: Layout, data: DocumentData) -> list[str]:
    """Column headings as printed: the layout's, or the alternative the caller chose."""
    return [data.headings.get(column.key, column.heading) for column in layout.columns]


def totals(layout: Layout, data: DocumentData) -> list[tuple[Total, str]]:
    """Each total as printed: the caller's value if given, else counted from the rows;
    blank if a cell it depends on is blank or not a whole number."""
    out = []
    for total in layout.totals:
        if total.key in data.fields:
            out.append((total, text(data.fields[total.key])))
        elif total.column is None:
            out.append((total, str(len(data.rows))))
        else:
            index = [column.key for column in layout.columns].index(total.column)
            cells = [text(row[index]).strip() for row in data.rows]
            known = all(cell.isdecimal() for cell in cells)
            out.append((total, str(sum(int(cell) for cell in cells)) if known else ""))
    return out


def column_weights(layout: Layout) -> list[float]:
    return [column.weight for column in layout.columns]


def field_value(data: DocumentData, key: str | None) -> str:
    return text(data.fields.get(key)) if key else ""


_DATE8 = r"\d{8}"

ITEM_LIST = Layout(
    kind="item-list",
    title="归档文件目录",
    orientation=Orientation.LANDSCAPE,
    style=Style.TABLE,
    columns=(
        Column("seq", "序号", 11, numeric=True),
        Column("code", "档号", 46),
        Column("doc_number", "文号", 30),
        Column("author", "责任者", 30, Align.LEFT),
        Column("title", "题名", 76, Align.LEFT),
        Column("date", "日期", 20, pattern=_DATE8, pattern_hint="YYYYMMDD"),
        Column("classification", "密级", 11),
        Column("pages", "页数", 11, numeric=True),
        Column("remarks", "备注", 17, Align.LEFT),
    ),
    fields=(
        Field("fonds_code", "全宗号"),
        Field("fonds_name", "全宗名称"),
        Field("year", "年度"),
        Field("retention", "保管期限"),
        Field("organisation", "机构(问题)"),
    ),
    fields_on_cover=True,
    spreadsheet=True,
    source="DA/T 22-2015",
)

BOX_NOTES = Layout(
    kind="box-notes",
    title="备考表",
    orientation=Orientation.PORTRAIT,
    style=Style.FORM,
    fields=(Field("description", "盒内文件情况说明", lines=14),),
    signatures=(
        Signature("organiser", "整理人", "organised_on", "整理日期"),
        Signature("checker", "检查人", "checked_on", "检查日期"),
    ),
    source="DA/T 22-2015",
)

VOLUME_COVER = Layout(
    kind="volume-cover",
    title="案卷封面",
    orientation=Orientation.PORTRAIT,
    style=Style.FORM,
    fields=(
        Field("fonds_name", "全宗名称", lines=2),
        Field("category", "类目名称", lines=2),
        Field("title", "案卷题名", lines=4),
        Field("period", "起止时间"),
        Field("retention", "保管期限", wide=False),
        Field("filing_number", "归档号", wide=False),
        Field("items", "件数", wide=False),
        Field("pages", "页数", wide=False),
        Field("code", "档号"),
    ),
    form_pt=16.0,  # 三号
    form_line_mm=14.0,
    source="GB/T 9705-2008",
)

VOLUME_CONTENTS = Layout(
    kind="volume-contents",
    title="卷内文件目录",
    orientation=Orientation.PORTRAIT,
    style=Style.TABLE,
    columns=(
        Column("seq", "顺序号", 14, numeric=True),
        Column("doc_number", "文号", 24),
        Column("author", "责任者", 24, Align.LEFT),
        Column("title", "题名", 56, Align.LEFT),
        Column("date", "日期", 18),
        Column("page", "页号", 13),
        Column("remarks", "备注", 16, Align.LEFT),
    ),
    fields=(Field("code", "档号"), Field("title", "题名")),
    source="GB/T 9705-2008",
)

VOLUME_NOTES = Layout(
    kind="volume-notes",
    title="卷内备考表",
    orientation=Orientation.PORTRAIT,
    style=Style.FORM,
    fields=(
        Heading("本卷情况说明"),
        Field("items", "件数", wide=False),
        Field("pages", "页数", wide=False),
        Field("damage", "缺损情况", lines=3),
        Field("changes", "变更情况", lines=3),
        Field("notes", "其他说明", lines=6),
    ),
    signatures=(
        Signature("filer", "立卷人", "filed_on", "立卷时间"),
        Signature("checker", "检查人"),
    ),
    source="GB/T 9705-2008",
)

VOLUME_LIST = Layout(
    kind="volume-list",
    title="案卷目录",
    orientation=Orientation.LANDSCAPE,
    style=Style.TABLE,
    columns=(
        Column("volume_number", "案卷号", 14),
        Column("code", "档号", 34),
        Column("title", "案卷题名", 76, Align.LEFT),
        Column("period", "起止日期", 36),
        Column("items", "件数", 11, numeric=True),
        Column("pages", "页数", 11, numeric=True),
        Column("retention", "保管期限", 18),
        Column("location", "存放位置", 34),
        Column("remarks", "备注", 18, Align.LEFT),
    ),
    fields=(Field("fonds", "全宗"), Field("year", "年度"), Field("category", "类别")),
    spreadsheet=True,
    source="common practice",
)

SPINE_LABELS = Layout(
    kind="spine-labels",
    title="卷脊/盒脊标签",
    orientation=Orientation.PORTRAIT,
    style=Style.LABELS,
    columns=(
        Column("fonds_code", "全宗号", 1),
        Column("year", "年度", 1),
        Column("retention", "保管期限", 1),
        Column("range", "起止件号", 1, alternatives=("案卷号",)),
        Column("box", "盒号", 1),
        Column("barcode", "条码", 1, barcode=True),
    ),
    source="DA/T 22-2015",
)

HANDOVER = Layout(
    kind="handover",
    title="归档交接单",
    orientation=Orientation.PORTRAIT,
    style=Style.TABLE,
    columns=(
        Column("seq", "序号", 11, numeric=True),
        Column("code", "档号", 34),
        Column("title", "案卷题名", 56, Align.LEFT),
        Column("items", "件数", 11, numeric=True),
        Column("pages", "页数", 11, numeric=True),
        Column("check", "质量检查结果", 26),
        Column("remarks", "备注", 16, Align.LEFT),
    ),
    fields=(
        Field("number", "交接单号"),
        Field("from_department", "移交部门", wide=False),
        Field("to_department", "接收部门", wide=False),
    ),
    totals=(
        Total("total_volumes", "卷"),
        Total("total_items", "件", "items"),
        Total("total_pages", "页", "pages"),
    ),
    signatures=(
        Signature("handed_over_by", "移交人", "handed_over_on", "日期"),
        Signature("received_by", "接收人", "received_on", "日期"),
    ),
    source="IM-UI 57",
)

# -- use of the archive (issue 14) -----------------------------------------------------

LOANS = Layout(
    kind="loans",
    title="借阅登记簿",
    orientation=Orientation.LANDSCAPE,
    style=Style.TABLE,
    columns=(  # millimetres on the landscape page, as the catalogues'
        Column("seq", "序号", 9, numeric=True),
        Column("used_on", "借阅日期", 18, pattern=_DATE8, pattern_hint="YYYYMMDD"),
        Column("borrower", "借阅人", 14),
        Column("unit", "单位", 19, Align.LEFT),
        Column("id_number", "证件号码", 34),
        Column("purpose", "借阅事由", 17, Align.LEFT),
        Column("code", "档号", 25),
        Column("title", "题名", 22, Align.LEFT),
        Column("kind", "利用方式", 17),
        Column("due_on", "应还日期", 18, pattern=_DATE8, pattern_hint="YYYYMMDD"),
        Column("returned_on", "归还日期", 18, pattern=_DATE8, pattern_hint="YYYYMMDD"),
        Column("return_state", "归还状态", 17),
        Column("approver", "审批人", 12),
        Column("handler", "经办人", 12),
    ),
    fields=(Field("span", "起止日期"),),
    spreadsheet=True,
    source="IM-UI 57, product practice",
)

OVERDUE_NOTICE = Layout(
    kind="overdue-notice",
    title="催还通知",
    orientation=Orientation.PORTRAIT,
    style=Style.TABLE,
    columns=(
        Column("code", "档号", 34),
        Column("title", "题名", 56, Align.LEFT),
        Column("lent_on", "借出日期", 20, pattern=_DATE8, pattern_hint="YYYYMMDD"),
        Column("due_on", "应还日期", 20, pattern=_DATE8, pattern_hint="YYYYMMDD"),
        Column("days", "逾期天数", 16, numeric=True),
    ),
    fields=(
        Field("borrower", "借阅人", wide=False),
        Field("unit", "单位", wide=False),
        Field("contact", "联系电话", wide=False),
        Field("number", "申请编号", wide=False),
        Field("as_of", "截至日期", wide=False),
        Field("notice", "通知事项", lines=2),
    ),
    signatures=(Signature("handler", "经办人", "notified_on", "通知日期"),),
    source="product practice",
)

USE_EFFECT = Layout(
    kind="use-effect",
    title="利用效果登记",
    orientation=Orientation.LANDSCAPE,
    style=Style.TABLE,
    columns=(
        Column("seq", "序号", 9, numeric=True),
        Column("used_on", "利用日期", 18, pattern=_DATE8, pattern_hint="YYYYMMDD"),
        Column("user", "利用人", 18),
        Column("unit", "单位", 30, Align.LEFT),
        Column("purpose", "利用目的", 40, Align.LEFT),
        Column("code", "档号", 36),
        Column("effect", "利用效果", 70, Align.LEFT),
    ),
    fields=(Field("span", "起止日期"),),
    spreadsheet=True,
    source="IM-UI 57, product practice",
)

BENEFIT_EVENTS = Layout(
    kind="benefit-events",
    title="待遇事项登记簿",
    orientation=Orientation.LANDSCAPE,
    style=Style.TABLE,
    columns=(
        Column("seq", "序号", 9, numeric=True),
        Column("on", "日期", 17, pattern=_DATE8, pattern_hint="YYYYMMDD"),
        Column("kind", "类别", 20),
        Column("name", "姓名", 16),
        Column("id_number", "证件号码", 34),
        Column("amount", "金额", 18),
        Column("period", "期间", 36),
        Column("bank_change", "银行账户变更", 30, Align.LEFT),
        Column("code", "档号", 30),
        Column("remarks", "备注", 18, Align.LEFT),
    ),
    fields=(Field("span", "起止日期"),),
    spreadsheet=True,
    source="IM-UI 56",
)

PERSON_FILE = Layout(
    kind="person-file",
    title="一人一档档案清单",
    orientation=Orientation.LANDSCAPE,
    style=Style.TABLE,
    columns=(
        Column("seq", "序号", 9, numeric=True),
        Column("number", "件号", 30),
        Column("title", "题名", 56, Align.LEFT),
        Column("category", "类别", 24),
        Column("business_type", "业务类型", 28),
        Column("date", "日期", 18, pattern=_DATE8, pattern_hint="YYYYMMDD"),
        Column("retention", "保管期限", 14),
        Column("how", "关联方式", 14),
        Column("location", "存放位置", 36, Align.LEFT),
        Column("on_loan", "借出情况", 30, Align.LEFT),
    ),
    fields=(
        Field("names", "姓名/名称"),
        Field("id_number", "证件号码", wide=False),
        Field("unit_code", "统一社会信用代码", wide=False),
    ),
    spreadsheet=True,
    source="IM-UI 56, product practice",
)

# -- appraisal, holds and destruction (issue 15) ------------------------------------------
# The signature lines of the appraisal group and of a register's signers depend on who
# they are: these layouts print the minimum (three members; two supervisors; the three
# units of an accounting register) and `disposition_registers` widens them per document.

APPRAISAL_LIST = Layout(
    kind="appraisal-list",
    title="到期档案鉴定清单",
    orientation=Orientation.LANDSCAPE,
    style=Style.TABLE,
    columns=(
        Column("seq", "序号", 9, numeric=True),
        Column("code", "档号", 36),
        Column("title", "题名", 60, Align.LEFT),
        Column("year", "年度", 11),
        Column("retention", "原保管期限", 18),
        Column("expires_on", "到期日期", 18, pattern=_DATE8, pattern_hint="YYYYMMDD"),
        Column("opinion", "鉴定意见", 16),
        Column("extended_to", "延期至", 24),
        Column("reason", "理由", 55, Align.LEFT),
    ),
    fields=(
        Field("number", "鉴定批次", wide=False),
        Field("as_of", "鉴定基准日", wide=False),
        Field("fonds", "全宗", wide=False),
        Field("scope", "鉴定范围", wide=False),
        Field("members", "鉴定小组"),
    ),
    signatures=(
        Signature("member_1", "鉴定小组组长", "member_1_on", "日期"),
        Signature("member_2", "鉴定小组成员", "member_2_on", "日期"),
        Signature("member_3", "鉴定小组成员", "member_3_on", "日期"),
    ),
    source="IM-UI 59",
)

APPRAISAL_OPINION = Layout(
    kind="appraisal-opinion",
    title="鉴定意见书",
    orientation=Orientation.PORTRAIT,
    style=Style.FORM,
    fields=(
        Field("number", "鉴定批次", wide=False),
        Field("as_of", "鉴定基准日", wide=False),
        Field("fonds", "全宗"),
        Heading("鉴定范围"),
        Field("years", "年度"),
        Field("periods", "保管期限"),
        Field("counts", "数量", lines=2),
        Field("summary", "鉴定情况", lines=3),
        Field("destroy_reasons", "销毁理由", lines=3),
        Field("extend_reasons", "延期保存理由", lines=3),
        Field("holds", "抽出档案（保全）", lines=3),
    ),
    signatures=(
        Signature("member_1", "鉴定小组组长", "member_1_on", "日期"),
        Signature("member_2", "鉴定小组成员", "member_2_on", "日期"),
        Signature("member_3", "鉴定小组成员", "member_3_on", "日期"),
    ),
    form_line_mm=10.0,
    source="Order 79, practice",
)

DESTRUCTION = Layout(
    kind="destruction",
    title="销毁清册",
    orientation=Orientation.LANDSCAPE,
    style=Style.TABLE,
    columns=(
        Column("seq", "序号", 9, numeric=True),
        Column("title", "题名", 80, Align.LEFT),
        Column("year", "年度", 12),
        Column("code", "档号", 40),
        Column("retention", "应保管期限", 20),
        Column("kept", "已保管期限", 20),
        Column("pages", "页数", 12, numeric=True),
        Column("remarks", "备注", 54, Align.LEFT),
    ),
    fields=(
        Field("number", "清册编号", wide=False),
        Field("fonds_code", "全宗号", wide=False),
        Field("count", "销毁数量"),
        Field("group_leader", "鉴定小组负责人", wide=False),
        Field("group_signed_on", "日期", wide=False),
        Field("approver", "批准人", wide=False),
        Field("approved_on", "日期", wide=False),
        Field("supervisor_1", "监销人", wide=False),
        Field("supervisor_2", "监销人", wide=False),
        Field("executed_on", "销毁日期"),
        Field("method", "销毁方式"),
        Field("place", "销毁地点"),
    ),
    fields_on_cover=True,
    totals=(Total("total_items", "件"), Total("total_pages", "页", "pages")),
    source="Order 3, practice",
)

DESTRUCTION_ACCOUNTING = Layout(
    kind="destruction-accounting",
    title="会计档案销毁清册",
    orientation=Orientation.LANDSCAPE,
    style=Style.TABLE,
    columns=(
        Column("name", "名称", 70, Align.LEFT),
        Column("volume", "卷号", 30),
        Column("books", "册数", 12, numeric=True),
        Column("years", "起止年度", 20),
        Column("code", "档案编号", 40),
        Column("retention", "应保管期限", 20),
        Column("kept", "已保管期限", 20),
        Column("destroyed_on", "销毁时间", 20, pattern=_DATE8, pattern_hint="YYYYMMDD"),
    ),
    fields=(
        Field("number", "清册编号", wide=False),
        Field("fonds", "单位名称", wide=False),
        Field("count", "销毁数量", wide=False),
        Field("method", "销毁方式", wide=False),
        Field("place", "销毁地点"),
    ),
    totals=(Total("total_books", "册", "books"),),
    signatures=(
        Signature("unit_head", "单位负责人", "unit_head_on", "日期"),
        Signature("archives_head", "档案机构负责人", "archives_head_on", "日期"),
        Signature("accounting_head", "会计机构负责人", "accounting_head_on", "日期"),
        Signature("archives_handler", "档案经办人", "archives_handler_on", "日期"),
        Signature("accounting_handler", "会计经办人", "accounting_handler_on", "日期"),
        Signature("supervisor_1", "监销人（档案机构）", "supervisor_1_on", "日期"),
        Signature("supervisor_2", "监销人（会计机构）", "supervisor_2_on", "日期"),
        Signature("supervisor_3", "监销人（信息技术机构）", "supervisor_3_on", "日期"),
    ),
    source="Order 79 art. 18",
)

HOLDS = Layout(
    kind="holds",
    title="保全登记簿",
    orientation=Orientation.LANDSCAPE,
    style=Style.TABLE,
    columns=(
        Column("number", "编号", 26),
        Column("target", "对象", 40),
        Column("kind", "类型", 22),
        Column("reason", "理由", 50, Align.LEFT),
        Column("placed_by", "设置人", 15),
        Column("placed_on", "设置时间", 18, pattern=_DATE8, pattern_hint="YYYYMMDD"),
        Column("lifted_by", "解除人", 15),
        Column("lifted_on", "解除时间", 18, pattern=_DATE8, pattern_hint="YYYYMMDD"),
        Column("lift_reason", "解除理由", 43, Align.LEFT),
    ),
    fields=(Field("as_of", "截至日期", wide=False), Field("placed", "在保全", wide=False)),
    totals=(Total("total_holds", "条"),),
    source="product practice",
)

FOUR_PROPERTIES = Layout(
    kind="four-properties",
    title="四性检测报告",
    orientation=Orientation.PORTRAIT,
    style=Style.TABLE,
    columns=(
        Column("item", "检测项", 50, Align.LEFT),
        Column("objects", "对象数", 18, numeric=True),
        Column("passed", "通过", 16, numeric=True),
        Column("failed", "不通过", 16, numeric=True),
        Column("note", "说明", 70, Align.LEFT),
    ),
    fields=(
        Field("fonds", "全宗"),
        Field("scope", "检测范围"),
        Field("checked_at", "检测时间", wide=False),
        Field("operator", "检测人", wide=False),
        Field("result", "结论"),
    ),
    source="DA/T 70-2018",
)

LAYOUTS: Mapping[str, Layout] = {
    layout.kind: layout
    for layout in (
        ITEM_LIST,
        BOX_NOTES,
        VOLUME_COVER,
        VOLUME_CONTENTS,
        VOLUME_NOTES,
        VOLUME_LIST,
        SPINE_LABELS,
        HANDOVER,
        LOANS,
        OVERDUE_NOTICE,
        USE_EFFECT,
        BENEFIT_EVENTS,
        PERSON_FILE,
        APPRAISAL_LIST,
        APPRAISAL_OPINION,
        DESTRUCTION,
        DESTRUCTION_ACCOUNTING,
        HOLDS,
        FOUR_PROPERTIES,
    )
}


def get_layout(kind: str) -> Layout:
    try:
        return LAYOUTS[kind]
    except KeyError:
        raise RegisterError(
            "register.unknown_kind", kind=kind, choices=", ".join(LAYOUTS)
        ) from None
