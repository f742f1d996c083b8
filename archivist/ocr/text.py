"""Normalising OCR text: Tesseract separates Chinese characters with spaces."""

from __future__ import annotations

import re

# CJK ideographs, CJK punctuation and full-width forms: no spaces belong between them.
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])")
_SPACE_CJK_DIGIT = re.compile(
    rf"(?<=[{_CJK}])[ \t]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])[ \t]+(?=[{_CJK}])"
)
# Tesseract puts spaces around ASCII punctuation it reads inside Chinese text ("姓名 : 张三").
_SPACE_AROUND_PUNCT = re.compile(
    rf"(?<=[{_CJK}])[ \t]*([:;,.!?()%])[ \t]*|[ \t]*([:;,.!?()%])[ \t]*(?=[{_CJK}])"
)
_RUNS_OF_SPACES = re.compile(r"[ \t]{2,}")
_BLANK_LINES = re.compile(r"\n{3,}")


def is_cjk(char: str) -> bool:
    return bool(re.match(rf"[{_CJK}]", char))


def normalise_line(line: str) -> str:
    """Remove spaces between Chinese characters (and between them and digits, as
    Tesseract inserts them around every glyph); keep spaces between Latin words."""
    text = _SPACE_BETWEEN_CJK.sub("", line.strip())
    text = _SPACE_CJK_DIGIT.sub("", text)
    text = _SPACE_AROUND_PUNCT.sub(lambda m: m.group(1) or m.group(2), text)
    return _RUNS_OF_SPACES.sub(" ", text)


def normalise_page(text: str) -> str:
    lines = [normalise_line(line) for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
