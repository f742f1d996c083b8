"""The search box's query language, parsed without any search library, so that every
index engine answers the same queries.

    失业 审核            both words (AND is implied)
    "劳动合同"           a phrase
    张三 OR 李四         either
    失业 NOT 工伤        without (also: -工伤)
    (张三 OR 李四) 2023  grouping
    number:2021-GS-000001   one field: number, code, title, entity, person, content

A word in Chinese is matched as a phrase of its characters wherever it occurs, so
quoting matters only for words with spaces between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archivist.errors import InputError

# Field names a query may use, and the index fields each one searches.
FIELDS: dict[str, tuple[str, ...]] = {
    "number": ("codes",),
    "code": ("codes",),
    "id": ("codes",),
    "title": ("title",),
    "entity": ("entity",),
    "person": ("persons",),
    "persons": ("persons",),
    "business": ("business",),
    "content": ("content",),
}
ALL_FIELDS = ("title", "entity", "persons", "business", "codes", "content")
KEYWORDS = ("AND", "OR", "NOT")


@dataclass(frozen=True)
class Words:
    """Text to find as one run of words (a phrase), in the given index fields."""

    text: str
    fields: tuple[str, ...] = ALL_FIELDS


@dataclass(frozen=True)
class All:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Any_:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    part: Node


Node = Words | All | Any_ | Not

_TOKEN = re.compile(r'\s+|"[^"]*"|\(|\)|[^\s()"]+')


def _bad(text: str, reason: str) -> InputError:
    return InputError("search.bad_syntax", query=text, reason=reason)


def parse(text: str) -> Node:
    """The query as a tree; InputError with a plain reason for anything malformed."""
    if not text or not text.strip():
        raise InputError("search.empty")
    if text.count('"') % 2:
        raise _bad(text, "unbalanced quotes")
    tokens = [t for t in _TOKEN.findall(text) if t.strip()]
    parser = _Parser(text, tokens)
    node = parser.any_of()
    if parser.position != len(tokens):
        raise _bad(text, f"unexpected {tokens[parser.position]!r}")
    if not _has_positive(node):
        raise _bad(text, "nothing to search for")
    return node


class _Parser:
    def __init__(self, text: str, tokens: list[str]) -> None:
        self.text = text
        self.tokens = tokens
        self.position = 0

    def _peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def any_of(self) -> Node:
        parts = [self.all_of()]
        while self._peek() == "OR":
            self.position += 1
            parts.append(self.all_of())
        return parts[0] if len(parts) == 1 else Any_(tuple(parts))

    def all_of(self) -> Node:
        parts = [self.unary()]
        while (token := self._peek()) is not None and token not in (")", "OR"):
            if token == "AND":
                self.position += 1
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def unary(self) -> Node:
        token = self._peek()
        if token is None:
            raise _bad(self.text, "the query ends too early")
        if token == "NOT":
            self.position += 1
            return Not(self.unary())
        if token.startswith("-") and len(token) > 1:
            self.tokens[self.position] = token[1:]
            return Not(self.unary())
        return self.primary()

    def primary(self) -> Node:
        token = self._peek()
        assert token is not None
        self.position += 1
        if token == "(":
            node = self.any_of()
            if self._peek() != ")":
                raise _bad(self.text, "unbalanced brackets")
            self.position += 1
            return node
        if token in (")", "AND", "OR"):
            raise _bad(self.text, f"unexpected {token!r}")
        name, colon, rest = token.partition(":")
        if colon and name.lower() in FIELDS and rest:
            return Words(rest.strip('"'), FIELDS[name.lower()])
        return Words(token.strip('"'))


def _has_positive(node: Node) -> bool:
    if isinstance(node, Words):
        return bool(node.text.strip())
    if isinstance(node, Not):
        return False
    if isinstance(node, All):
        return any(_has_positive(p) for p in node.parts)
    return all(_has_positive(p) for p in node.parts)


def literal_words(node: Node) -> list[str]:
    """The positive words of a query, for marking them in snippets."""
    if isinstance(node, Words):
        return [node.text]
    if isinstance(node, Not):
        return []
    return [w for part in node.parts for w in literal_words(part)]
