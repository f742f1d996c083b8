"""The full-text index behind one interface, whichever engine keeps it.

Two engines answer the same queries (archivist.search.query) over the same fields:
- `tantivy` (default): one token per Chinese character, phrase queries, in Rust;
  measured at 100,000 items to meet the build and latency targets (docs/benchmarks.md);
- `whoosh`: overlapping bigrams in pure Python; kept selectable and measured beside it,
  but it is minutes to rebuild and seconds to answer at that scale.
The index is derived data: each engine keeps a schema version beside its files and is
rebuilt from the database when the version differs or the index is damaged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from archivist.errors import InputError

ENGINES = ("tantivy", "whoosh")
DEFAULT_ENGINE = "tantivy"
VERSION_FILE = "archivist-schema.json"


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


SORTS = ("score", "completed_on", "-completed_on", "year", "-year")


class TextIndex(Protocol):
    """What the search service needs of an index engine. One writer at a time."""

    folder: Path
    checked: bool  # validated (or built) by this process

    def needs_rebuild(self) -> bool: ...

    def create_empty(self) -> None: ...

    def add_many(self, documents: Iterable[dict[str, Any]], *, procs: int = 1) -> int: ...

    def update(self, documents: Iterable[dict[str, Any]], remove: Iterable[str] = ()) -> None: ...

    def search(
        self, text: str, filters: Filters, *, limit: int = 20, sort: str = "score", offset: int = 0
    ) -> tuple[int, list[IndexHit]]: ...

    def document_count(self) -> int: ...

    def stored_documents(self) -> Iterator[dict[str, Any]]: ...

    def close(self) -> None: ...


def check_engine(name: str) -> str:
    if name not in ENGINES:
        raise InputError("search.unknown_engine", engine=name, choices=", ".join(ENGINES))
    return name


def check_sort(sort: str) -> str:
    if sort not in SORTS:
        raise InputError("search.bad_sort", sort=sort, allowed=", ".join(SORTS))
    return sort


def open_index(engine: str, folder: Path) -> TextIndex:
    """The engine's index in `folder` (not opened until first used)."""
    if check_engine(engine) == "tantivy":
        from archivist.search.tantivy_index import TantivyIndex

        return TantivyIndex(folder)
    from archivist.search.whoosh_index import WhooshIndex

    return WhooshIndex(folder)


def read_version(folder: Path) -> int | None:
    try:
        value = json.loads((folder / VERSION_FILE).read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return value if isinstance(value, int) else None


def write_version(folder: Path, version: int) -> None:
    (folder / VERSION_FILE).write_text(json.dumps({"version": version}), encoding="utf-8")
