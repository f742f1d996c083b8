"""Findings of `check` and `verify`: a stable code, parameters, and a severity."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archivist.messages import render


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # error | warning | info
    params: dict[str, Any] = field(default_factory=dict)
    item: str | None = None

    def message(self, lang: str | None = None) -> str:
        return render(self.code, self.params, lang)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "item": self.item,
            "message": self.message(),
            "params": self.params,
        }
