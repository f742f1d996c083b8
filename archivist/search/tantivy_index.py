"""The full-text index on tantivy (the only module that imports it).

A run of Chinese characters is indexed as its overlapping bigrams at consecutive
positions (失业保险 -> 失业 业保 保险); a word is found as a phrase of its bigrams, so a
two-character word inside a sentence, a four-character phrase and a name are all found,
and never a word whose characters merely occur apart. Bigrams rather than single
characters because at 100,000 items a phrase of common characters had to walk the
positions of nearly every item (p95 82 ms; bigrams: see docs/benchmarks.md). A single
character is looked up among the bigrams that hold it. Letter and digit runs are one
lower-cased token; the endings of long runs (ID numbers, item numbers) go to their own
field, so the last digits of an ID number find it. Page text is indexed, not stored: it stays in the
database, which keeps the index small.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import operator
import re
import shutil
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import tantivy

from archivist.errors import ArchiveError
from archivist.search import query as q
from archivist.search.index import (
    Filters,
    IndexHit,
    check_sort,
    read_version,
    write_version,
)
from archivist.search.tokens import CJK_CLASS, CJK_RUN, LONG_RUN, MIN_SUFFIX, PAGE_BREAK

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3  # 3: runs continue across wrapped lines; pages apart
TOKENIZER = "whitespace"  # the text arrives as bigrams and words (bigram_text)
_RUNS = re.compile(f"({CJK_RUN})|[0-9a-z]+|({PAGE_BREAK})")
_NOT_CJK = re.compile(f"[^{CJK_CLASS}]+")
# Stands between two pages in the index: a token no query has, so no phrase spans pages.
PAGE_GAP = "\u00b6"
_LONG_RUNS = re.compile(f"[0-9A-Za-z]{{{LONG_RUN},}}")
TEXT_FIELDS = {"title": 3.0, "entity": 2.0, "persons": 2.0, "business": 1.0, "codes": 2.0}
KEYWORD_FIELDS = ("number", "archival_code", "klass", "business_type", "entity_kind")
STORED = ("completed_on", "retention", "status")
WRITER_WAIT_SECONDS = 60.0
BUILD_HEAP = 256_000_000
UPDATE_HEAP = 32_000_000


def _schema() -> Any:
    builder = tantivy.SchemaBuilder()
    for name in KEYWORD_FIELDS:
        builder.add_text_field(name, stored=True, tokenizer_name="raw")
    for name in STORED:
        builder.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("year", stored=True, indexed=True, fast=True)
    builder.add_integer_field("day", indexed=False, fast=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name=TOKENIZER)
    builder.add_text_field("content", stored=False, tokenizer_name=TOKENIZER)
    builder.add_text_field("endings", stored=False, tokenizer_name=TOKENIZER, index_option="freq")
    for name in ("title_shown", "entity_shown"):  # as written, for the hit list
        builder.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    return builder.build()


def _bigrams(run: str) -> str:
    return " ".join(map(operator.add, run[:-1], run[1:])) if len(run) > 1 else run


def _piece(match: re.Match[str]) -> str:
    if match.group(1):
        return _bigrams(_NOT_CJK.sub("", match.group(1)))  # a wrapped line joins the run
    return PAGE_GAP if match.group(2) else match.group(0)


def tokens(text: str) -> list[str]:
    """Lower-cased words and the overlapping bigrams of Chinese runs, in order."""
    return bigram_text(text).split()


def bigram_text(text: str) -> str:
    """The text as the index takes it: tokens separated by single spaces."""
    return " ".join(_piece(m) for m in _RUNS.finditer(text.lower()))


def endings(*texts: str) -> str:
    """The endings (at least MIN_SUFFIX long) of every long letter/digit run."""
    found: list[str] = []
    for text in texts:
        for run in _LONG_RUNS.findall(text):
            run = run.lower()
            found.extend(run[cut:] for cut in range(1, len(run) - MIN_SUFFIX + 1))
    return " ".join(found)


_SPACES_IN_CHINESE = re.compile(f"(?<=[{CJK_CLASS}])\\s+(?=[{CJK_CLASS}])")


def _holding(character: str) -> str:
    """A regular expression for the terms that hold this Chinese character."""
    return f"{character}.?|.{character}"


class TantivyIndex:
    """One index folder; one writer at a time (tantivy's lock file, waited for)."""

    engine = "tantivy"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.checked = False
        self._schema = _schema()
        self._index: Any = None

    # -- lifecycle ---------------------------------------------------------------------
    def _open(self) -> Any:
        if self._index is None:
            self._index = tantivy.Index.open(str(self.folder))
        return self._index

    def close(self) -> None:
        self._index = None
        gc.collect()  # memory maps must go before Windows lets the files be removed

    def needs_rebuild(self) -> bool:
        if read_version(self.folder) != SCHEMA_VERSION:
            return True
        try:
            if not tantivy.Index.exists(str(self.folder)):
                return True
            index = self._open()
            index.reload()
            searcher = index.searcher()
            searcher.search(tantivy.Query.all_query(), 1)
            return False
        except Exception:  # a damaged index is rebuilt, whatever tantivy raised
            log.warning("tantivy index in %s unreadable: rebuilt", self.folder, exc_info=True)
            self.close()
            return True

    def create_empty(self) -> None:
        self.close()
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)
        self._index = tantivy.Index(self._schema, path=str(self.folder))
        write_version(self.folder, SCHEMA_VERSION)

    # -- writing -------------------------------------------------------------------------
    @contextlib.contextmanager
    def _writer(self, heap: int, threads: int) -> Iterator[Any]:
        index = self._open()
        deadline = time.monotonic() + WRITER_WAIT_SECONDS
        while True:
            try:
                writer = index.writer(heap, threads)
                break
            except ValueError as exc:  # another process is writing: wait for it
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise ArchiveError("search.index_busy", folder=str(self.folder)) from exc
                time.sleep(0.2)
        try:
            yield writer
        except BaseException:
            writer.rollback()
            raise
        writer.commit()
        writer.wait_merging_threads()
        index.reload()

    def _document(self, fields: dict[str, Any]) -> Any:
        document = tantivy.Document()
        for name in (*KEYWORD_FIELDS, *STORED):
            value = fields.get(name)
            if value:
                document.add_text(name, str(value))
        for name in (*TEXT_FIELDS, "content"):
            value = fields.get(name)
            if value:
                document.add_text(name, bigram_text(str(value)))
        document.add_text("title_shown", str(fields.get("title") or ""))
        document.add_text("entity_shown", str(fields.get("entity") or ""))
        document.add_integer("year", int(fields["year"]))
        document.add_integer("day", int(fields["day"]))
        document.add_text("endings", endings(str(fields["codes"]), str(fields["content"])))
        return document

    def add_many(self, documents: Iterable[dict[str, Any]], *, procs: int = 1) -> int:
        """Add documents to a fresh index; tantivy indexes on `procs` threads while
        Python reads the next documents from the database."""
        count = 0
        with self._writer(BUILD_HEAP, max(1, procs)) as writer:
            for fields in documents:
                writer.add_document(self._document(fields))
                count += 1
        return count

    def update(self, documents: Iterable[dict[str, Any]], remove: Iterable[str] = ()) -> None:
        with self._writer(UPDATE_HEAP, 1) as writer:
            for number in remove:
                writer.delete_documents_by_term("number", number)
            for fields in documents:
                writer.delete_documents_by_term("number", str(fields["number"]))
                writer.add_document(self._document(fields))

    # -- searching -----------------------------------------------------------------------
    def search(
        self, text: str, filters: Filters, *, limit: int = 20, sort: str = "score", offset: int = 0
    ) -> tuple[int, list[IndexHit]]:
        check_sort(sort)
        wanted = self._query(q.parse(text))
        parts = [(tantivy.Occur.Must, wanted)]
        parts += [(tantivy.Occur.Must, f) for f in self._filters(filters)]
        combined = tantivy.Query.boolean_query(parts) if len(parts) > 1 else wanted
        index = self._open()
        index.reload()  # see what other processes committed
        searcher = index.searcher()
        if sort == "score":
            result = searcher.search(combined, limit, count=True, offset=offset)
        else:
            field = "day" if sort.lstrip("-") == "completed_on" else "year"
            order = tantivy.Order.Desc if sort.startswith("-") else tantivy.Order.Asc
            result = searcher.search(
                combined, limit, count=True, order_by_field=field, order=order, offset=offset
            )
        hits: list[IndexHit] = []
        for key, address in result.hits:
            stored = {name: values[0] for name, values in searcher.doc(address).to_dict().items()}
            stored["title"] = stored.pop("title_shown", "")
            stored["entity"] = stored.pop("entity_shown", "")
            score = float(key) if sort == "score" else 0.0
            hits.append(IndexHit(str(stored["number"]), score, stored))
        return int(result.count or 0), hits

    def document_count(self) -> int:
        index = self._open()
        index.reload()
        return int(index.searcher().num_docs)

    def stored_documents(self) -> Iterator[dict[str, Any]]:
        """The stored fields of every document (for reconciling with the database)."""
        index = self._open()
        index.reload()
        searcher = index.searcher()
        total = int(searcher.num_docs)
        if not total:
            return
        for _score, address in searcher.search(tantivy.Query.all_query(), total).hits:
            stored = {name: values[0] for name, values in searcher.doc(address).to_dict().items()}
            stored["title"] = stored.pop("title_shown", "")
            stored["entity"] = stored.pop("entity_shown", "")
            yield stored

    # -- query building ------------------------------------------------------------------
    def _query(self, node: q.Node) -> Any:
        if isinstance(node, q.Words):
            return self._words(node)
        if isinstance(node, q.Any_):
            return tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, self._query(p)) for p in node.parts]
            )
        if isinstance(node, q.Not):
            return tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Must, tantivy.Query.all_query()),
                    (tantivy.Occur.MustNot, self._query(node.part)),
                ]
            )
        parts = [
            (tantivy.Occur.MustNot, self._query(p.part))
            if isinstance(p, q.Not)
            else (tantivy.Occur.Must, self._query(p))
            for p in node.parts
        ]
        if all(occur == tantivy.Occur.MustNot for occur, _ in parts):
            parts.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        return tantivy.Query.boolean_query(parts)

    def _words(self, node: q.Words) -> Any:
        # Spaces between Chinese characters do not separate words (OCR text has them).
        words = tokens(_SPACES_IN_CHINESE.sub("", node.text))
        if not words:
            return tantivy.Query.empty_query()
        options: list[Any] = []
        for name in node.fields:
            boost = TEXT_FIELDS.get(name, 1.0)
            if len(words) > 1:
                phrase: list[str | tuple[int, str]] = list(words)
                one = tantivy.Query.phrase_query(self._schema, name, phrase)
            elif len(words[0]) == 1 and not words[0].isascii():
                # A lone character: itself, or any bigram that holds it.
                one = tantivy.Query.regex_query(self._schema, name, _holding(words[0]))
            else:
                one = tantivy.Query.term_query(self._schema, name, words[0])
            options.append(tantivy.Query.boost_query(one, boost) if boost != 1.0 else one)
        alnum = words[0].isascii()
        if len(words) == 1 and alnum and len(words[0]) >= MIN_SUFFIX and "codes" in node.fields:
            options.append(tantivy.Query.term_query(self._schema, "endings", words[0]))
        if len(options) == 1:
            return options[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, o) for o in options])

    def _filters(self, filters: Filters) -> list[Any]:
        schema = self._schema
        parts: list[Any] = []
        if filters.class_code:
            parts.append(tantivy.Query.term_query(schema, "klass", filters.class_code.upper()))
        if filters.business_type:
            parts.append(tantivy.Query.term_query(schema, "business_type", filters.business_type))
        if filters.year_from is not None or filters.year_to is not None:
            parts.append(
                tantivy.Query.range_query(
                    schema,
                    "year",
                    tantivy.FieldType.Integer,
                    filters.year_from,
                    filters.year_to,
                )
            )
        if filters.entity:
            parts.append(self._words(q.Words(filters.entity, ("entity",))))
        return [tantivy.Query.const_score_query(p, 0.0) for p in parts]
