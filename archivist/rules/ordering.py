"""The ordering engine: where each material goes inside an item, and why.

Rules, in precedence (archive-rules.md §2):
1. business forms before review vouchers;
2. important vouchers before secondary ones;
3. vouchers in the order of the people on the form's roster;
4. general arrangement (DA/T 22): the agency's own before the applicant's; conclusion
   before evidence; original before copy; main text before attachment; reply before
   the incoming letter;
5. capture order.
Each placement carries its basis as message codes, so it can be explained in any
language and re-checked later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from archivist.messages import current_language, render

ROLES = ("form", "voucher")
IMPORTANCE = ("important", "secondary")
SOURCES = ("agency", "applicant")
NATURES = ("conclusion", "evidence", "reply", "incoming")

# Title words that tell an attribute the manifest did not give.
_COPY_WORDS = ("复印件", "复印")
_ATTACHMENT_WORDS = ("附件",)
_NATURE_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("reply", ("批复", "复函", "答复", "回复")),
    ("incoming", ("来函", "来文", "请示")),
    ("conclusion", ("决定书", "认定书", "结论", "核定表", "审批表", "鉴定书", "审核表")),
    ("evidence", ("证明", "证书", "合同", "诊断", "复印件", "病历", "发票", "执照")),
]


@dataclass(frozen=True)
class OrderInput:
    """What the engine needs to know of one material."""

    capture_index: int  # 0-based position in which the material was captured
    role: str
    title: str
    importance: str | None = None
    person_position: int | None = None  # 1-based place on the roster
    person_name: str | None = None
    source: str | None = None
    nature: str | None = None
    is_copy: bool | None = None
    is_attachment: bool | None = None


@dataclass(frozen=True)
class Placement:
    capture_index: int
    seq: int
    basis: list[dict[str, Any]]


def _find_word(title: str, words: Sequence[str]) -> str | None:
    return next((w for w in words if w in title), None)


def _attributes(m: OrderInput) -> tuple[tuple[int, ...], list[dict[str, Any]]]:
    """The sort key of one material and the basis explaining it."""
    basis: list[dict[str, Any]] = [{"code": f"order.role.{m.role}"}]
    role_rank = ROLES.index(m.role)
    importance_rank = person_rank = 0
    if m.role == "voucher":
        importance = m.importance or "important"
        importance_rank = IMPORTANCE.index(importance)
        basis.append({"code": f"order.importance.{importance}"})
        if m.importance is None:
            basis.append({"code": "order.importance.default"})
        if m.person_position is None:
            person_rank = 0
            basis.append({"code": "order.person.none"})
        else:
            person_rank = m.person_position
            basis.append(
                {
                    "code": "order.person.roster",
                    "position": m.person_position,
                    "name": m.person_name,
                }
            )

    source_rank = 1
    if m.source:
        source_rank = 0 if m.source == "agency" else 2
        basis.append({"code": f"order.source.{m.source}"})

    nature, nature_word = m.nature, None
    if nature is None:
        for candidate, words in _NATURE_WORDS:
            nature_word = _find_word(m.title, words)
            if nature_word:
                nature = candidate
                break
    conclusion_rank = {"conclusion": 0, "evidence": 2}.get(nature or "", 1)
    reply_rank = {"reply": 0, "incoming": 2}.get(nature or "", 1)
    if nature:
        basis.append({"code": f"order.nature.{nature}", **_inferred(nature_word)})

    is_copy, copy_word = m.is_copy, None
    if is_copy is None:
        copy_word = _find_word(m.title, _COPY_WORDS)
        is_copy = copy_word is not None
    if is_copy or m.is_copy is not None:
        basis.append(
            {"code": f"order.copy.{'copy' if is_copy else 'original'}", **_inferred(copy_word)}
        )

    is_attachment, attachment_word = m.is_attachment, None
    if is_attachment is None:
        attachment_word = _find_word(m.title, _ATTACHMENT_WORDS)
        is_attachment = attachment_word is not None
    if is_attachment:
        basis.append({"code": "order.attachment.attachment", **_inferred(attachment_word)})

    basis.append({"code": "order.capture", "position": m.capture_index + 1})
    key = (
        role_rank,
        importance_rank,
        person_rank,
        source_rank,
        conclusion_rank,
        int(is_copy),
        int(is_attachment),
        reply_rank,
        m.capture_index,
    )
    return key, basis


def _inferred(word: str | None) -> dict[str, Any]:
    return {"inferred_from": word} if word else {}


def arrange(materials: Sequence[OrderInput]) -> list[Placement]:
    """Place materials by the rules; returns placements in their new order."""
    keyed = [(_attributes(m), m) for m in materials]
    keyed.sort(key=lambda pair: pair[0][0])
    return [
        Placement(capture_index=m.capture_index, seq=seq, basis=basis)
        for seq, ((_, basis), m) in enumerate(keyed, start=1)
    ]


def override_basis(reason: str, rule_seq: int) -> list[dict[str, Any]]:
    return [{"code": "order.override", "reason": reason, "rule_seq": rule_seq}]


def explain(basis: Sequence[dict[str, Any]], lang: str | None = None) -> str:
    """One sentence explaining a material's position."""
    parts = []
    for entry in basis:
        params = {k: v for k, v in entry.items() if k not in ("code", "inferred_from")}
        text = render(str(entry["code"]), params, lang)
        if entry.get("inferred_from"):
            text += render("order.inferred", {"word": entry["inferred_from"]}, lang)
        parts.append(text)
    english = (lang or current_language()).startswith("en")
    return ("; " if english else "；").join(parts)
