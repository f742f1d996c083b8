"""How Chinese business papers write dates and sums of money."""

from __future__ import annotations

import datetime as dt

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def cn_date(day: dt.date) -> str:
    """2023年5月12日"""
    return f"{day.year}年{day.month}月{day.day}日"


def money(cents: int) -> str:
    """12,345.60"""
    return f"{cents // 100:,}.{cents % 100:02d}"


def amount_in_words(cents: int) -> str:
    """The sum in the capital numerals cheques and receipts use: 壹万零伍元贰角整."""
    if cents < 0:
        return "负" + amount_in_words(-cents)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    words = _integer_words(yuan) + "元" if yuan else ""
    if not jiao and not fen:
        return (words or "零元") + "整"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif yuan:
        words += "零"
    return words + (_DIGITS[fen] + "分" if fen else "整")


def _integer_words(number: int) -> str:
    groups: list[int] = []
    while number:
        number, group = divmod(number, 10_000)
        groups.append(group)
    words = ""
    skipped_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            skipped_zero = bool(words)
            continue
        if words and (group < 1000 or skipped_zero):
            words += "零"
        words += _group_words(group) + _GROUPS[index]
        skipped_zero = False
    return words


def _group_words(group: int) -> str:
    words = ""
    zero = False
    for place in (3, 2, 1, 0):
        digit = group // 10**place % 10
        if digit == 0:
            zero = bool(words)
            continue
        if zero:
            words += "零"
            zero = False
        words += _DIGITS[digit] + _PLACES[place]
    return words
