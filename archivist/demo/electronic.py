"""Born-digital PDFs with a real Chinese text layer, typeset through archivist.formats.typeset.

An agency's system issues some records electronically (decisions, benefit assessments,
bank receipts). These are drawn as vector text with an embedded TrueType subset of the
CJK font, so the text can be searched and copied, and stamped with a drawn e-seal.
Every file is byte-for-byte reproducible: reportlab's invariant mode fixes the document
ID, and the document dates are the record's own date.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archivist.demo.wording import amount_in_words, cn_date, money
from archivist.formats.typeset import A4, FONT_NAME, MM, new_canvas
from archivist.formats.typeset import fitting_size as _fitting_size
from archivist.formats.typeset import paragraphs as _paragraphs
from archivist.formats.typeset import text as _text
from archivist.formats.typeset import width as _width

mm = MM
PAGE_W, PAGE_H = A4
MARGIN = 20 * mm
RED = (0.82, 0.1, 0.12)
DEMO_FOOTER = "演示数据 · 人员与单位均为虚构"


@dataclass(frozen=True)
class LetterDocument:
    """A decision or notice (决定书、通知书) on the issuer's red letterhead."""

    issuer: str
    title: str
    doc_number: str
    addressee: str
    paragraphs: Sequence[str]
    signed_on: dt.date
    seal_text: str
    copy_to: str = ""


@dataclass(frozen=True)
class TableDocument:
    """An assessment form (核定表) printed by the agency's system."""

    title: str
    issuer: str
    number: str
    printed_on: dt.date
    rows: Sequence[Sequence[tuple[str, str]]]
    detail_headers: Sequence[str] = ()
    detail_rows: Sequence[Sequence[str]] = ()
    remarks: str = ""
    handler: str = ""
    reviewer: str = ""
    seal_text: str = ""


@dataclass(frozen=True)
class Account:
    name: str
    number: str
    bank: str


@dataclass(frozen=True)
class BankReceipt:
    """An electronic bank receipt (电子回单) of one payment."""

    bank: str
    serial: str
    paid_at: dt.datetime
    payer: Account
    payee: Account
    amount_cents: int
    purpose: str
    remark: str = ""
    extra: Sequence[tuple[str, str]] = field(default_factory=tuple)


def _new_canvas(path: Path, title: str, subject: str, on: dt.date) -> Any:
    return new_canvas(
        path,
        title=title,
        subject=subject,
        author="Archivist demo data",
        creator="Archivist demo data",
        on=on,
    )


def _footer(pdf: Any) -> None:
    _text(pdf, PAGE_W / 2, 10 * mm, DEMO_FOOTER, 7.5, align="centre", colour=(0.55, 0.55, 0.55))


def _seal(
    pdf: Any, cx: float, cy: float, ring_text: str, bottom_text: str = "", radius: float = 21 * mm
) -> None:
    """A round e-seal: red ring, the issuer's name around the top, a star, a bottom line."""
    pdf.saveState()
    pdf.setStrokeColorRGB(*RED)
    pdf.setFillColorRGB(*RED)
    pdf.setFillAlpha(0.88)
    pdf.setStrokeAlpha(0.88)
    pdf.setLineWidth(radius * 0.05)
    pdf.circle(cx, cy, radius, stroke=1, fill=0)
    count = max(1, len(ring_text))
    span = min(260.0, 24.0 * count + 30)
    size = min(radius * 0.27, math.radians(span / count) * radius * 0.78 / 0.75)
    text_radius = radius * 0.9 - size
    for index, char in enumerate(ring_text):
        angle = -span / 2 + span * (index + 0.5) / count  # clockwise from the top
        pdf.saveState()
        pdf.translate(cx, cy)
        pdf.rotate(-angle)
        glyph = pdf.beginText()
        glyph.setFont(FONT_NAME, size)
        glyph.setHorizScale(75)  # seal lettering is condensed
        glyph.setTextOrigin(-_width(char, size) * 0.75 / 2, text_radius)
        glyph.textOut(char)
        pdf.drawText(glyph)
        pdf.restoreState()
    star = pdf.beginPath()
    star_radius = radius * 0.3
    for k in range(10):
        r = star_radius if k % 2 == 0 else star_radius * 0.38
        a = math.radians(90 + 36 * k)
        point = (cx + r * math.cos(a), cy + r * math.sin(a))
        if k == 0:
            star.moveTo(*point)
        else:
            star.lineTo(*point)
    star.close()
    pdf.drawPath(star, stroke=0, fill=1)
    if bottom_text:
        pdf.setFont(FONT_NAME, min(radius * 0.2, radius * 1.2 / len(bottom_text)))
        pdf.drawCentredString(cx, cy - radius * 0.6, bottom_text)
    pdf.restoreState()


def write_letter_pdf(doc: LetterDocument, path: Path) -> None:
    """A one-page decision on red letterhead, signed and sealed."""
    pdf = _new_canvas(path, doc.title, doc.doc_number, doc.signed_on)
    top = PAGE_H - 28 * mm
    _text(pdf, PAGE_W / 2, top, doc.issuer, 22, align="centre", bold=True, colour=RED)
    _text(pdf, PAGE_W / 2, top - 14 * mm, doc.doc_number, 11, align="centre")
    pdf.setStrokeColorRGB(*RED)
    pdf.setLineWidth(1.6)
    pdf.line(MARGIN, top - 18 * mm, PAGE_W - MARGIN, top - 18 * mm)
    pdf.setStrokeGray(0)
    _text(pdf, PAGE_W / 2, top - 32 * mm, doc.title, 18, align="centre", bold=True)
    y = top - 46 * mm
    _text(pdf, MARGIN, y, f"{doc.addressee}：", 12)
    y -= 12 * 1.9
    y = _paragraphs(pdf, MARGIN, y, PAGE_W - 2 * MARGIN, doc.paragraphs, 12)
    y = min(y - 14 * mm, 95 * mm)
    right = PAGE_W - MARGIN - 8 * mm
    _text(pdf, right, y, doc.issuer, 12, align="right")
    _text(pdf, right, y - 9 * mm, cn_date(doc.signed_on), 12, align="right")
    # The seal covers the issuer's name and the date, as the rules for official papers ask.
    _seal(pdf, right - _width(doc.issuer, 12) / 2, y - 3 * mm, doc.seal_text)
    if doc.copy_to:
        pdf.line(MARGIN, 30 * mm, PAGE_W - MARGIN, 30 * mm)
        _text(pdf, MARGIN, 24 * mm, f"抄送：{doc.copy_to}", 10)
    _footer(pdf)
    pdf.showPage()
    pdf.save()


def write_table_pdf(doc: TableDocument, path: Path) -> None:
    """A system-printed assessment form: labelled fields, an optional detail table."""
    pdf = _new_canvas(path, doc.title, doc.number, doc.printed_on)
    width = PAGE_W - 2 * MARGIN
    y = PAGE_H - 26 * mm
    _text(pdf, PAGE_W / 2, y, doc.title, 18, align="centre", bold=True)
    y -= 11 * mm
    _text(pdf, MARGIN, y, f"经办机构：{doc.issuer}", 9.5)
    _text(pdf, PAGE_W - MARGIN, y, f"编号：{doc.number}", 9.5, align="right")
    y -= 4 * mm
    row_h = 9.5 * mm
    label_w = 27 * mm
    pdf.setLineWidth(0.6)
    for row in doc.rows:
        value_w = (width - label_w * len(row)) / len(row)
        x = MARGIN
        for label, value in row:
            pdf.setFillGray(0.93)
            pdf.rect(x, y - row_h, label_w, row_h, stroke=1, fill=1)
            pdf.setFillGray(0)
            label_size = _fitting_size(label, label_w - 2 * mm, 9.5)
            _text(pdf, x + label_w / 2, y - row_h + 3.3 * mm, label, label_size, align="centre")
            pdf.rect(x + label_w, y - row_h, value_w, row_h, stroke=1, fill=0)
            size = _fitting_size(value, value_w - 3 * mm, 9.5)
            _text(pdf, x + label_w + 1.5 * mm, y - row_h + 3.3 * mm, value, size)
            x += label_w + value_w
        y -= row_h
    if doc.detail_headers:
        y -= 6 * mm
        column_w = width / len(doc.detail_headers)
        detail_h = 8 * mm
        for index, values in enumerate([list(doc.detail_headers), *map(list, doc.detail_rows)]):
            for column, value in enumerate(values):
                x = MARGIN + column * column_w
                pdf.rect(x, y - detail_h, column_w, detail_h, stroke=1, fill=0)
                _text(
                    pdf,
                    x + column_w / 2,
                    y - detail_h + 2.8 * mm,
                    value,
                    9,
                    align="centre",
                    bold=index == 0,
                )
            y -= detail_h
    if doc.remarks:
        y -= 8 * mm
        y = _paragraphs(pdf, MARGIN, y, width, [f"备注：{doc.remarks}"], 9.5)
    y -= 18 * mm
    _text(pdf, MARGIN, y, f"经办人：{doc.handler}", 10.5)
    _text(pdf, MARGIN + 55 * mm, y, f"复核人：{doc.reviewer}", 10.5)
    _text(pdf, PAGE_W - MARGIN, y, f"打印日期：{cn_date(doc.printed_on)}", 10.5, align="right")
    if doc.seal_text:
        _seal(
            pdf, PAGE_W - MARGIN - 32 * mm, y + 4 * mm, doc.seal_text, "业务专用章", radius=19 * mm
        )
    _footer(pdf)
    pdf.showPage()
    pdf.save()


def write_bank_receipt_pdf(doc: BankReceipt, path: Path) -> None:
    """A bank's electronic receipt, two to an A4 page as banks print them (one used)."""
    pdf = _new_canvas(path, f"{doc.bank}电子回单", doc.serial, doc.paid_at.date())
    width = PAGE_W - 2 * MARGIN
    top = PAGE_H - 22 * mm
    _text(pdf, PAGE_W / 2, top, f"{doc.bank}  电子回单", 16, align="centre", bold=True)
    _text(pdf, MARGIN, top - 9 * mm, f"回单编号：{doc.serial}", 9)
    _text(
        pdf,
        PAGE_W - MARGIN,
        top - 9 * mm,
        f"交易日期：{doc.paid_at:%Y-%m-%d %H:%M:%S}",
        9,
        align="right",
    )
    y = top - 12 * mm
    row_h = 8.5 * mm
    half = width / 2
    label_w = 20 * mm
    pdf.setLineWidth(0.6)
    # Payer on the left, payee on the right, as on every Chinese bank receipt.
    for label, left, right in (
        ("户名", doc.payer.name, doc.payee.name),
        ("账号", doc.payer.number, doc.payee.number),
        ("开户行", doc.payer.bank, doc.payee.bank),
    ):
        for column, value in enumerate((left, right)):
            x = MARGIN + column * half
            pdf.rect(x, y - row_h, label_w, row_h)
            _text(
                pdf,
                x + label_w / 2,
                y - row_h + 3 * mm,
                ("付款人" if column == 0 else "收款人") + label,
                8.5,
                align="centre",
            )
            pdf.rect(x + label_w, y - row_h, half - label_w, row_h)
            size = _fitting_size(value, half - label_w - 3 * mm, 9.0)
            _text(pdf, x + label_w + 1.5 * mm, y - row_h + 3 * mm, value, size)
        y -= row_h
    rows = [
        ("金额（小写）", f"￥{money(doc.amount_cents)}"),
        ("金额（大写）", amount_in_words(doc.amount_cents)),
        ("用途", doc.purpose),
        *doc.extra,
        ("附言", doc.remark or "无"),
    ]
    for label, value in rows:
        pdf.rect(MARGIN, y - row_h, label_w * 1.4, row_h)
        _text(pdf, MARGIN + label_w * 0.7, y - row_h + 3 * mm, label, 8.5, align="centre")
        pdf.rect(MARGIN + label_w * 1.4, y - row_h, width - label_w * 1.4, row_h)
        _text(pdf, MARGIN + label_w * 1.4 + 2 * mm, y - row_h + 3 * mm, value, 9.5)
        y -= row_h
    _text(
        pdf,
        MARGIN,
        y - 6 * mm,
        "本回单为电子回单，可通过回单编号在本行网站验证真伪；重复打印无效。",
        8,
    )
    _seal(pdf, PAGE_W - MARGIN - 28 * mm, y + 10 * mm, doc.bank, "电子回单专用章", radius=16 * mm)
    pdf.setDash(3, 3)
    pdf.line(MARGIN - 5 * mm, PAGE_H / 2, PAGE_W - MARGIN + 5 * mm, PAGE_H / 2)
    _footer(pdf)
    pdf.showPage()
    pdf.save()
