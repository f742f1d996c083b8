"""The search box's query language, parsed without any search library, so that every
index engine answers the same queries.

    失业 审核            both words (AND is implied)
    "劳动合同"           a phrase
    张三 OR 李四         either
    失业 NOT 工伤        without (also: -工伤)
    (张三 OR 李四) 2023  grouping
    number:2021-GS-000001   one field: number, code, title, entity, person, content
    title:"劳动 合同"       a phrase in one field

A word in Chinese is matched as a phrase of its characters wherever it occurs, so
quoting matters only for words with spaces between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archivist.errors import InputError
from archivist.search.tokens import CJK_CLASS

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

# A field may be followed by a quoted phrase: title:"劳动 合同".
_TOKEN = re.compile(r'\s+|"[^"]*"|\(|\)|[^\s()"]+(?:"[^"]*")?')
_FIELD_NAME = re.compile(r"[A-Za-z_]+")
_SEARCHABLE = re.compile(rf"[{CJK_CLASS}0-9A-Za-z]")
# Brackets and NOTs inside each other; deeper is no real query (and would exhaust the stack).
MAX_DEPTH = 32


SHOWN_QUERY = 60  # characters of a malformed query repeated in the message


def _bad(text: str, code: str, reason: str, **params: str | int) -> InputError:
    """A malformed query: a catalogue sentence per kind; the parser's own words in `reason`."""
    shown = " ".join(text.split())
    if len(shown) > SHOWN_QUERY:
        shown = shown[:SHOWN_QUERY] + "…"
    return InputError(code, query=shown, reason=reason, **params)


def parse(text: str) -> Node:
    """The query as a tree; InputError with a plain reason for anything malformed."""
    if not text or not text.strip():
        raise InputError("search.empty")
    if text.count('"') % 2:
        raise _bad(text, "search.unbalanced_quotes", "unbalanced quotes")
    tokens = [t for t in _TOKEN.findall(text) if t.strip()]
    parser = _Parser(text, tokens)
    node = parser.any_of()
    if parser.position != len(tokens):
        token = tokens[parser.position]
        if token == ")":
            raise _bad(text, "search.unbalanced_brackets", "unbalanced brackets")
        raise _bad(text, "search.unexpected", f"unexpected {token!r}", token=token)
    found = _searchable(node)
    if found is None:
        raise _bad(text, "search.nothing_to_find", "nothing to search for")
    if not _has_positive(found):
        raise _bad(text, "search.only_excluded", "nothing to search for")
    return found


class _Parser:
    def __init__(self, text: str, tokens: list[str]) -> None:
        self.text = text
        self.tokens = tokens
        self.position = 0
        self.depth = 0

    def _peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _bad(self.text, "search.too_deep", "too deeply nested", limit=MAX_DEPTH)

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
            raise _bad(self.text, "search.ends_early", "the query ends too early")
        negated = False
        if token == "NOT" or (token == "-" and self.position + 1 < len(self.tokens)):
            self.position += 1
            negated = True
        elif token.startswith("-") and len(token) > 1:
            self.tokens[self.position] = token[1:]
            negated = True
        if negated:
            self._deeper()
            node: Node = Not(self.unary())
            self.depth -= 1
            return node
        return self.primary()

    def primary(self) -> Node:
        token = self._peek()
        assert token is not None
        self.position += 1
        if token == "(":
            self._deeper()
            if self._peek() is None:
                raise _bad(self.text, "search.unbalanced_brackets", "unbalanced brackets")
            node = self.any_of()
            if self._peek() != ")":
                raise _bad(self.text, "search.unbalanced_brackets", "unbalanced brackets")
            self.position += 1
            self.depth -= 1
            return node
        if token == ")":
            raise _bad(self.text, "search.unbalanced_brackets", "unbalanced brackets")
        if token in ("AND", "OR"):
            raise _bad(self.text, "search.unexpected", f"unexpected {token!r}", token=token)
        name, colon, rest = token.partition(":")
        if colon and _FIELD_NAME.fullmatch(name):
            return self.field(name, rest)
        return Words(token.strip('"'))

    def field(self, name: str, rest: str) -> Node:
        known = FIELDS.get(name.lower())
        if known is None:
            raise _bad(
                self.text,
                "search.unknown_field",
                f"unknown field {name!r}",
                field=name,
                fields=", ".join(FIELDS),
            )
        value = rest.strip('"')
        if not _SEARCHABLE.search(value):
            raise _bad(self.text, "search.empty_field", f"nothing after {name}:", field=name)
        return Words(value, known)


def _searchable(node: Node) -> Node | None:
    """The query without words that hold nothing to search for (punctuation alone)."""
    if isinstance(node, Words):
        return node if _SEARCHABLE.search(node.text) else None
    if isinstance(node, Not):
        part = _searchable(node.part)
        return Not(part) if part is not None else None
    parts = tuple(p for p in (_searchable(p) for p in node.parts) if p is not None)
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return All(parts) if isinstance(node, All) else Any_(parts)


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
