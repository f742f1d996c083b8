"""Free text people type in appraisal, holds and destruction (a reason, the method and
place of destruction): stripped, without control characters, not too long — refused
with a sentence that names the field in the reader's words (the shared
`rules.limits.check_text` speaks of a manifest's fields)."""

from __future__ import annotations

from typing import Any

from archivist.accounts.signing import shown
from archivist.errors import InputError


def field_label(field: str) -> str:
    """理由, 销毁方式, 销毁地点 … (field: reason, method, place, lift_reason)."""
    from archivist.messages import render

    return render(f"disposition.field.{field}")


def check_words(value: Any, field: str, limit: int, *, required: bool = False) -> str:
    """`value` stripped; refused: missing (when required), not text, longer than `limit`,
    with control characters (tabs and line breaks are kept)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InputError("disposition.text_required", field=field_label(field))
        return ""
    if not isinstance(value, str):
        raise InputError("disposition.text_required", field=field_label(field))
    text = value.strip()
    if len(text) > limit:
        raise InputError(
            "disposition.text_too_long", field=field_label(field), length=len(text), limit=limit
        )
    if any((ord(c) < 32 and c not in "\t\n\r") or ord(c) == 127 for c in text):
        raise InputError("disposition.text_control", field=field_label(field), value=shown(text))
    return text
