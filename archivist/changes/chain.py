"""Hash chains: the audit trail and the access log each link every event to the one
before by SHA-256 over the event's fields in one canonical JSON form."""

from __future__ import annotations

import hashlib
import json
from typing import Any

GENESIS = "0" * 64  # the link of the first event


def plain(value: Any) -> Any:
    """JSON-safe copy (dates to ISO text) so a stored value hashes the same read back."""
    if value is None:
        return None
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def digest(fields: dict[str, Any]) -> str:
    canonical = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
