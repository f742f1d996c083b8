"""The full-text index on Whoosh (the only module that imports it), selectable as the
`whoosh` search engine.

Uses the maintained fork whoosh-reloaded (same import name `whoosh`): the original
2.7.4 has not been released since 2016. The index is derived data: it carries a schema
version, and is rebuilt from the database when the version differs or it is damaged.
Page text stays in the database (not stored here), which keeps the index small.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from whoosh import fields, index, query
from whoosh.analysis import Token as WhooshToken
from whoosh.analysis import Tokenizer
from whoosh.searching import Searcher
from whoosh.sorting import FieldFacet

from archivist.search import query as q
from archivist.search.index import Filters, IndexHit, check_sort, read_version, write_version
from archivist.search.tokens import CJK_CLASS, tokenize

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3  # 3: runs continue across wrapped lines; pages apart


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


class WhooshIndex:
    """One index folder; one writer at a time (Whoosh's lock, waited for)."""

    engine = "whoosh"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._index: Any = None
        self.checked = False  # validated (or built) by this process

    # -- lifecycle ---------------------------------------------------------------------
    def close(self) -> None:
        self._index = None

    def needs_rebuild(self) -> bool:
        if read_version(self.folder) != SCHEMA_VERSION:
            return True
        try:
            if not index.exists_in(str(self.folder)):
                return True
            with index.open_dir(str(self.folder)).searcher() as searcher:
                searcher.doc_count()
        except Exception:  # a damaged index is rebuilt, whatever Whoosh raised
            log.warning("Whoosh index in %s unreadable: rebuilt", self.folder, exc_info=True)
            return True
        return False

    def create_empty(self) -> None:
        self._index = None
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)
        self._index = index.create_in(str(self.folder), make_schema())
        write_version(self.folder, SCHEMA_VERSION)

    def _open(self) -> Any:
        if self._index is None:
            self._index = index.open_dir(str(self.folder))
        return self._index

    # -- writing -------------------------------------------------------------------------
    def add_many(self, documents: Iterable[dict[str, Any]], *, procs: int = 1) -> int:
        """Add documents to a fresh index in one (optionally multi-process) writer."""
        options: dict[str, Any] = {"limitmb": 256}
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
        """The query language (archivist.search.query) as a Whoosh query."""
        return _translate(q.parse(text))

    def search(
        self, text: str, filters: Filters, *, limit: int = 20, sort: str = "score", offset: int = 0
    ) -> tuple[int, list[IndexHit]]:
        """The total number of matches, and the best hits after the first `offset`."""
        check_sort(sort)
        parsed = self.parse(text)
        restriction = _filter_query(filters)
        with self._open().searcher() as searcher:
            results = _run(searcher, parsed, restriction, offset + limit, sort)
            hits = [
                IndexHit(hit["number"], float(hit.score or 0.0), dict(hit.fields()))
                for hit in results[offset:]
            ]
            return len(results), hits

    def document_count(self) -> int:
        with self._open().searcher() as searcher:
            return int(searcher.doc_count())

    def stored_documents(self) -> Iterator[dict[str, Any]]:
        """The stored fields of every document (for reconciling with the database)."""
        with self._open().searcher() as searcher:
            for fields_ in searcher.all_stored_fields():
                yield dict(fields_)


SORT_FIELDS = {"completed_on": "day", "year": "year"}


def _run(searcher: Searcher, parsed: Any, restriction: Any, limit: int, sort: str) -> Any:
    if sort == "score":
        return searcher.search(parsed, filter=restriction, limit=limit)
    reverse = sort.startswith("-")
    name = SORT_FIELDS[sort.lstrip("-")]
    facet = FieldFacet(name, reverse=reverse)
    return searcher.search(parsed, filter=restriction, limit=limit, sortedby=facet)


_SPACES_IN_CHINESE = re.compile(f"(?<=[{CJK_CLASS}])\\s+(?=[{CJK_CLASS}])")


def _translate(node: q.Node) -> Any:
    if isinstance(node, q.Words):
        return _words(node)
    if isinstance(node, q.Any_):
        return query.Or([_translate(p) for p in node.parts])
    if isinstance(node, q.Not):
        return query.AndNot(query.Every(), _translate(node.part))
    wanted = [_translate(p) for p in node.parts if not isinstance(p, q.Not)]
    unwanted = [_translate(p.part) for p in node.parts if isinstance(p, q.Not)]
    positive = query.And(wanted) if wanted else query.Every()
    return query.AndNot(positive, query.Or(unwanted)) if unwanted else positive


def _words(node: q.Words) -> Any:
    """A phrase of the words' tokens in any of the node's fields. Spaces between Chinese
    characters do not separate words (OCR text and typed queries both have them)."""
    text = _SPACES_IN_CHINESE.sub("", node.text)
    terms = [token.text for token in tokenize(text, for_query=True)]
    if not terms:
        return query.NullQuery
    options: list[Any] = []
    for name in node.fields:
        if len(terms) > 1:
            options.append(query.Phrase(name, terms))
        elif len(terms[0]) == 1 and ord(terms[0]) > 0x3400:
            # A lone Chinese character also matches inside bigrams (as their first half).
            options.append(query.Or([query.Term(name, terms[0]), query.Prefix(name, terms[0])]))
        else:
            options.append(query.Term(name, terms[0]))
    return options[0] if len(options) == 1 else query.Or(options)


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
