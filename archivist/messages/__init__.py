"""Every sentence the core shows a person, in Simplified Chinese and English.

Errors and explanations carry a stable code plus parameters; `render` is the one place
that turns them into text, so the CLI and the window speak alike. The catalogue is kept
per stage (one module each); a code may be defined in one of them only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from archivist.messages import (
    access,
    accounts,
    archive,
    arrangement,
    capture,
    cli,
    custody,
    disposition,
    handover,
    integrity,
    registers,
    use,
)

DEFAULT_LANGUAGE = "zh"
_language: str | None = None

STAGES = (
    archive,
    accounts,
    capture,
    arrangement,
    use,
    disposition,
    custody,
    handover,
    access,
    integrity,
    registers,
    cli,
)


def _merged() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for stage in STAGES:
        twice = merged.keys() & stage.CATALOG.keys()
        if twice:
            raise RuntimeError(f"message codes defined twice: {sorted(twice)}")
        merged.update(stage.CATALOG)
    return merged


CATALOG: dict[str, tuple[str, str]] = _merged()
# Words a parameter may name (a table, a column): a parameter whose name ends in
# "_term" is shown in the message's language ("items" -> 档案件 / item; a column as
# "table.column", e.g. "boxes.number" -> 盒号).
TERMS: dict[str, tuple[str, str]] = {**integrity.TERMS}


def set_language(lang: str | None) -> None:
    """Choose the language for this process ('zh' or 'en'); None restores the default."""
    global _language
    _language = _normalise(lang) if lang else None


def current_language() -> str:
    if _language:
        return _language
    return _normalise(os.environ.get("ARCHIVIST_LANG", DEFAULT_LANGUAGE))


def _normalise(lang: str) -> str:
    return "en" if lang.lower().startswith("en") else "zh"


def _term(value: str, language: str) -> str:
    """A term in `language`: "table.column" looked up whole, then by its column alone
    (a column's word may depend on its table: a box's number is its 盒号)."""
    column = value.split(".", 1)[-1]
    found = TERMS.get(value) or TERMS.get(column)
    if found is None:
        return column
    return found[0] if language == "zh" else found[1]


def render(code: str, params: Mapping[str, Any] | None = None, lang: str | None = None) -> str:
    """The sentence for `code` in `lang` (default: the current language)."""
    language = _normalise(lang) if lang else current_language()
    entry = CATALOG.get(code)
    values = dict(params or {})
    if entry is None:
        detail = ", ".join(f"{k}={v}" for k, v in values.items())
        return f"{code}: {detail}" if detail else code
    template = entry[0] if language == "zh" else entry[1]
    for key, value in values.items():
        if key.endswith("_term"):
            values[key] = _term(str(value), language)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
