"""Disposition (处置): holds, the appraisal due list. Code: (Chinese, English)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {}
