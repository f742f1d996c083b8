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


@dataclass
class FindingsReport:
    """What `check` and `verify` return: findings plus the counts of what was examined."""

    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def counts(self) -> dict[str, Any]:
        return {}

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            **self.counts(),
            "errors": sum(f.severity == "error" for f in self.findings),
            "findings": [f.to_dict() for f in self.findings],
        }
