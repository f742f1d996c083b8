"""Chinese-aware tokens for full-text search (no search library needed here).

A default tokenizer keeps a run of Chinese characters as one token, so a two-character
word inside a sentence is never found. Here a run of Chinese characters becomes
overlapping bigrams (失业保险 -> 失业 业保 保险) at consecutive positions, so any word of
two or more characters is a phrase of bigrams; the last character of each run is also
kept alone, so a single character can be found too. Letter/digit runs are one token;
long ones (ID numbers, serials) also yield their endings, so "the last digits" of an ID
number find it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # a regex character class's inside
_RUNS = re.compile(rf"([{CJK_CLASS}]+)|([0-9A-Za-z]+)")
MIN_SUFFIX = 4
LONG_RUN = 8


@dataclass(frozen=True)
class Token:
    text: str
    position: int
    start: int
    end: int


def tokenize(text: str, *, for_query: bool = False) -> Iterator[Token]:
    position = 0
    for match in _RUNS.finditer(text):
        start = match.start()
        if match.group(1):
            run = match.group(1)
            if len(run) == 1:
                yield Token(run, position, start, start + 1)
                position += 1
                continue
            for offset in range(len(run) - 1):
                yield Token(
                    run[offset : offset + 2], position + offset, start + offset, start + offset + 2
                )
            if not for_query:
                yield Token(
                    run[-1], position + len(run) - 1, start + len(run) - 1, start + len(run)
                )
            position += len(run)
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
