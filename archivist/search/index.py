"""The full-text index on Whoosh (the only module that imports it).

Uses the maintained fork whoosh-reloaded (same import name `whoosh`): the original
2.7.4 has not been released since 2016. The index is derived data: it carries a schema
version, and is rebuilt from the database when the version differs or it is damaged.
Page text stays in the database (not stored here), which keeps the index small.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import fields, index, query
from whoosh.analysis import Token as WhooshToken
from whoosh.analysis import Tokenizer
from whoosh.qparser import AndGroup, MultifieldParser
from whoosh.searching import Searcher
from whoosh.sorting import FieldFacet

from archivist.errors import InputError
from archivist.search.tokens import tokenize

SCHEMA_VERSION = 2
VERSION_FILE = "archivist-schema.json"
SEARCH_FIELDS = ["title", "entity", "persons", "business", "codes", "content"]


class ChineseTokenizer(Tokenizer):  # type: ignore[misc]
    """Bigrams for Chinese runs, whole words (and endings) for letters and digits."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChineseTokenizer)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize_: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[WhooshToken]:
        token = WhooshToken(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for item in tokenize(value, for_query=(mode == "query")):
            token.text = item.text
            token.boost = 1.0
            if keeporiginal:
                token.original = item.text
            token.stopped = False
            if positions:
                token.pos = start_pos + item.position
            if chars:
                token.startchar = start_char + item.start
                token.endchar = start_char + item.end
            yield token


def _text(stored: bool = False, boost: float = 1.0) -> fields.TEXT:
    return fields.TEXT(
        analyzer=ChineseTokenizer(),
        stored=stored,
        phrase=True,
        multitoken_query="phrase",
        field_boost=boost,
    )


def make_schema() -> fields.Schema:
    return fields.Schema(
        number=fields.ID(stored=True, unique=True, sortable=True),
        archival_code=fields.ID(stored=True),
        klass=fields.ID(stored=True),
        business_type=fields.ID(stored=True),
        entity_kind=fields.ID(stored=True),
        completed_on=fields.ID(stored=True),
        day=fields.NUMERIC(int, sortable=True),  # yyyymmdd, for sorting by date
        year=fields.NUMERIC(int, stored=True, sortable=True),
        retention=fields.ID(stored=True),
        status=fields.ID(stored=True),
        title=_text(stored=True, boost=3.0),
        entity=_text(stored=True, boost=2.0),
        persons=_text(boost=2.0),
        business=_text(),
        codes=_text(boost=2.0),
        content=_text(),
    )


@dataclass(frozen=True)
class Filters:
    class_code: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    business_type: str | None = None
    entity: str | None = None


@dataclass(frozen=True)
class IndexHit:
    number: str
    score: float
    fields: dict[str, Any]


class SearchIndex:
    """One index folder; one writer at a time (Whoosh's lock, waited for)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._index: Any = None
        self.checked = False  # validated (or built) by this process

    # -- lifecycle ---------------------------------------------------------------------
    def needs_rebuild(self) -> bool:
        try:
            version = json.loads((self.folder / VERSION_FILE).read_text(encoding="utf-8"))[
                "version"
            ]
        except (OSError, ValueError, KeyError):
            return True
        if version != SCHEMA_VERSION:
            return True
        try:
            if not index.exists_in(str(self.folder)):
                return True
            with index.open_dir(str(self.folder)).searcher() as searcher:
                searcher.doc_count()
        except Exception:  # a damaged index is rebuilt, whatever Whoosh raised
            return True
        return False

    def create_empty(self) -> None:
        self._index = None
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)
        self._index = index.create_in(str(self.folder), make_schema())
        (self.folder / VERSION_FILE).write_text(
            json.dumps({"version": SCHEMA_VERSION}), encoding="utf-8"
        )

    def _open(self) -> Any:
        if self._index is None:
            self._index = index.open_dir(str(self.folder))
        return self._index

    # -- writing -------------------------------------------------------------------------
    def add_many(
        self, documents: Iterable[dict[str, Any]], *, procs: int = 1, batch_mb: int = 256
    ) -> int:
        """Add documents to a fresh index in one (optionally multi-process) writer."""
        options: dict[str, Any] = {"limitmb": batch_mb}
        if procs > 1:
            options.update(procs=procs, multisegment=True)
        writer = self._open().writer(**options)
        count = 0
        try:
            for document in documents:
                writer.add_document(**document)
                count += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return count

    def update(self, documents: Iterable[dict[str, Any]], remove: Iterable[str] = ()) -> None:
        writer = self._open().writer(timeout=60)
        try:
            for number in remove:
                writer.delete_by_term("number", number)
            for document in documents:
                writer.update_document(**document)
        except BaseException:
            writer.cancel()
            raise
        # The default policy merges only small segments: without merging, one segment per
        # capture piles up and every later commit and search gets slower.
        writer.commit()

    # -- searching -----------------------------------------------------------------------
    def parse(self, text: str) -> Any:
        if not text or not text.strip():
            raise InputError("search.empty")
        if text.count('"') % 2 or text.count("(") != text.count(")"):
            raise InputError(
                "search.bad_syntax", query=text, reason="unbalanced quotes or brackets"
            )
        parser = MultifieldParser(SEARCH_FIELDS, make_schema(), group=AndGroup)
        try:
            parsed = parser.parse(text)
        except Exception as exc:  # Whoosh raises assorted errors on odd syntax
            raise InputError("search.bad_syntax", query=text, reason=str(exc)) from None
        if parsed is None or parsed is query.NullQuery:
            raise InputError("search.bad_syntax", query=text, reason="nothing to search for")
        nodes = [parsed, *parsed.leaves()] if not parsed.is_leaf() else [parsed]
        for node in nodes:
            error = getattr(node, "error", None)
            if error:
                raise InputError("search.bad_syntax", query=text, reason=str(error))
        if not any(True for _ in parsed.iter_all_terms()):
            raise InputError("search.bad_syntax", query=text, reason="nothing to search for")
        return parsed.accept(_single_characters)

    def search(
        self, text: str, filters: Filters, *, limit: int = 20, sort: str = "score"
    ) -> tuple[int, list[IndexHit], set[str]]:
        """Hits, the total number of matches, and the query's terms (for marking)."""
        parsed = self.parse(text)
        restriction = _filter_query(filters)
        with self._open().searcher() as searcher:
            results = _run(searcher, parsed, restriction, limit, sort)
            hits = [
                IndexHit(hit["number"], float(hit.score or 0.0), dict(hit.fields()))
                for hit in results
            ]
            terms = {
                t.decode("utf-8") if isinstance(t, bytes) else str(t)
                for _, t in parsed.iter_all_terms()
            }
            return len(results), hits, terms

    def document_count(self) -> int:
        with self._open().searcher() as searcher:
            return int(searcher.doc_count())


SORT_FIELDS = {"completed_on": "day", "year": "year"}


def _run(searcher: Searcher, parsed: Any, restriction: Any, limit: int, sort: str) -> Any:
    if sort == "score":
        return searcher.search(parsed, filter=restriction, limit=limit)
    reverse = sort.startswith("-")
    name = SORT_FIELDS.get(sort.lstrip("-"))
    if name is None:
        raise InputError(
            "search.bad_sort", sort=sort, allowed="score, completed_on, -completed_on, year, -year"
        )
    facet = FieldFacet(name, reverse=reverse)
    return searcher.search(parsed, filter=restriction, limit=limit, sortedby=facet)


def _single_characters(node: Any) -> Any:
    """A lone Chinese character also matches inside bigrams (as their first half)."""
    if (
        isinstance(node, query.Term)
        and isinstance(node.text, str)
        and len(node.text) == 1
        and ord(node.text) > 0x3400
    ):
        return query.Or([node, query.Prefix(node.fieldname, node.text)])
    return node


def _filter_query(filters: Filters) -> Any:
    parts: list[Any] = []
    if filters.class_code:
        parts.append(query.Term("klass", filters.class_code.upper()))
    if filters.business_type:
        parts.append(query.Term("business_type", filters.business_type))
    if filters.year_from is not None or filters.year_to is not None:
        parts.append(query.NumericRange("year", filters.year_from, filters.year_to))
    if filters.entity:
        terms = [t.text for t in ChineseTokenizer()(filters.entity, mode="query")]
        if terms:
            parts.append(
                query.Phrase("entity", terms) if len(terms) > 1 else query.Term("entity", terms[0])
            )
    return query.And(parts) if parts else None
