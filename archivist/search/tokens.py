"""Chinese-aware tokens for full-text search (no search library needed here).

A default tokenizer keeps a run of Chinese characters as one token, so a two-character
word inside a sentence is never found. Here a run of Chinese characters becomes
overlapping bigrams (失业保险 -> 失业 业保 保险) at consecutive positions, so any word of
two or more characters is a phrase of bigrams; the last character of each run is also
kept alone, so a single character can be found too. Letter/digit runs are one token;
long ones (ID numbers, serials) also yield their endings, so "the last digits" of an ID
number find it.

Chinese text wraps anywhere, so a line break between two Chinese characters (in OCR
text and PDF text layers) does not end a run: "失业保险\n金申领" gives the bigram 险金 and
the phrase 失业保险金申领 is found. A blank line, or PAGE_BREAK between pages, does end it,
and leaves a gap in the positions, so no phrase is found across two pages.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # a regex character class's inside
PAGE_BREAK = "\f"  # between the pages (and titles) of an item's content
# One line break, with the spaces around it: where printed Chinese text wraps.
WRAP = r"[ \t\u3000]*(?:\r\n|\n|\r)[ \t\u3000]*"
CJK_RUN = rf"[{CJK_CLASS}]+(?:{WRAP}[{CJK_CLASS}]+)*"
_RUNS = re.compile(rf"({CJK_RUN})|([0-9A-Za-z]+)|({PAGE_BREAK})")
_WRAP_IN_CHINESE = re.compile(rf"(?<=[{CJK_CLASS}]){WRAP}(?=[{CJK_CLASS}])")
_NOT_CJK = re.compile(rf"[^{CJK_CLASS}]")
MIN_SUFFIX = 4
LONG_RUN = 8


@dataclass(frozen=True)
class Token:
    text: str
    position: int
    start: int
    end: int


def join_wrapped(text: str) -> str:
    """The text with the line breaks inside Chinese runs removed (where a line wrapped)."""
    return _WRAP_IN_CHINESE.sub("", text)


def tokenize(text: str, *, for_query: bool = False) -> Iterator[Token]:
    position = 0
    for match in _RUNS.finditer(text):
        start = match.start()
        if match.group(3):
            position += 1  # a gap: no phrase spans two pages
            continue
        if match.group(1):
            run = match.group(1)
            # the run's characters and where each stands (a wrapped line skips the break)
            places = [start + i for i, c in enumerate(run) if not _NOT_CJK.match(c)]
            chars = [text[i] for i in places]
            if len(chars) == 1:
                yield Token(chars[0], position, start, start + 1)
                position += 1
                continue
            for offset in range(len(chars) - 1):
                yield Token(
                    chars[offset] + chars[offset + 1],
                    position + offset,
                    places[offset],
                    places[offset + 1] + 1,
                )
            if not for_query:
                yield Token(chars[-1], position + len(chars) - 1, places[-1], places[-1] + 1)
            position += len(chars)
        else:
            word = match.group(2).lower()
            yield Token(word, position, start, match.end())
            if not for_query and len(word) >= LONG_RUN:
                for cut in range(1, len(word) - MIN_SUFFIX + 1):
                    yield Token(word[cut:], position, start + cut, match.end())
            position += 1


def query_words(query: str) -> list[str]:
    """The literal words of a query (for finding and marking them in page text)."""
    words = re.findall(rf"[{CJK_CLASS}]+|[0-9A-Za-z]+", query)
    return [w.lower() for w in words if w.lower() not in ("and", "or", "not")]


def word_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where any of the words occurs in the text (ignoring case), also where a line
    wrapped inside it: (start, end) character offsets, sorted, overlaps merged."""
    spans: list[tuple[int, int]] = []
    for word in {w for w in words if w}:
        pattern = re.escape(word[0])
        for before, char in itertools.pairwise(word):
            wraps = not _NOT_CJK.match(before) and not _NOT_CJK.match(char)
            pattern += (f"(?:{WRAP})?" if wraps else "") + re.escape(char)
        spans.extend(m.span() for m in re.finditer(pattern, text, re.IGNORECASE))
    merged: list[tuple[int, int]] = []
    for begin, finish in sorted(spans):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], finish))
        else:
            merged.append((begin, finish))
    return merged
