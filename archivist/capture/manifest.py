"""Capture requests: read and check a manifest (or one-off flags) before any write.

Manifest (JSON, file paths relative to the manifest's folder):
{"class": "SY", "business_type": "失业保险金申领", "completed_on": "2023-05-12",
 "entity": {"kind": "person", "name": "张三", "id_number": "11010519491231002X"},
 "title": "...", "handler": "王五", "roster": ["张三", {"name": "李四", "id_number": "..."}],
 "materials": [{"file": "a.pdf", "role": "form", "title": "..."},
               {"file": "b.jpg", "role": "voucher", "importance": "secondary",
                "person": "李四", "title": "身份证复印件"}],
 "events": [{"kind": "reissue", "person": "张三", "id_number": "...", "amount": "1234.56",
             "period_from": "2023-01-01", "period_to": "2023-03-31", "bank_change": "",
             "date": "2023-05-20", "note": ""}]}
Event kinds: review_change (待遇审核变更), reissue (二次发放), recovery (追回待遇); the
amount is yuan as text, exact to the fen.
Optional material keys: origin (scan|electronic), source (agency|applicant),
nature (conclusion|evidence|reply|incoming), copy, attachment (true|false).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archivist.capture.benefit_events import BenefitEventInput, events_from_manifest
from archivist.errors import InputError
from archivist.rules.identity import normalise_id_number, normalise_unit_code
from archivist.rules.limits import (
    MAX_FILE_NAME,
    MAX_HANDLER,
    MAX_JSON_DEPTH,
    MAX_MANIFEST_BYTES,
    MAX_MATERIAL_TITLE,
    MAX_MATERIALS,
    MAX_NAME,
    MAX_ROSTER,
    MAX_TITLE,
    check_text,
    clip,
    parse_day,
)
from archivist.rules.ordering import IMPORTANCE, NATURES, ROLES, SOURCES
from archivist.storage.filestore import human_size

ORIGINS = ("scan", "electronic")


@dataclass(frozen=True)
class EntityRef:
    kind: str  # unit | person
    name: str
    id_number: str | None = None
    unit_code: str | None = None


@dataclass(frozen=True)
class RosterPerson:
    name: str
    id_number: str | None = None


@dataclass(frozen=True)
class MaterialRequest:
    path: Path
    display: str
    role: str
    title: str
    importance: str | None = None
    person: str | None = None  # name (or ID number) of a roster person
    origin: str | None = None
    source: str | None = None
    nature: str | None = None
    is_copy: bool | None = None
    is_attachment: bool | None = None


@dataclass(frozen=True)
class CaptureRequest:
    class_code: str
    business_type: str
    completed_on: dt.date
    entity: EntityRef
    title: str
    handler: str
    materials: list[MaterialRequest]
    roster: list[RosterPerson] = field(default_factory=list)
    origin_label: str = "<flags>"
    # benefit events (IM-UI 56) attached to the item, checked (capture.benefit_events)
    events: list[BenefitEventInput] = field(default_factory=list)

    def roster_position(self, person: str) -> tuple[int, RosterPerson]:
        """1-based roster place of a voucher's person (by name or ID number)."""
        matches = [
            (i, p) for i, p in enumerate(self.roster, start=1) if person in (p.name, p.id_number)
        ]
        if not matches:
            raise InputError("manifest.person_not_on_roster", person=person, file=self.origin_label)
        if len(matches) > 1:
            raise InputError("manifest.person_ambiguous", person=person, file=self.origin_label)
        return matches[0]


def parse_date(value: Any, field: str = "completed_on") -> dt.date:
    """A date field: exactly YYYY-MM-DD, a real day within the accepted range."""
    return parse_day(value, field)


def read_manifest(path: Path) -> CaptureRequest:
    """Read a manifest file; every problem is an InputError naming the manifest."""
    label = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            raise InputError(
                "manifest.too_large",
                file=label,
                size=human_size(size),
                limit=human_size(MAX_MANIFEST_BYTES),
            )
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("file.missing", file=label) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError("manifest.unreadable", file=label, reason=clip(str(exc), 200)) from None
    if _nesting_depth(text) > MAX_JSON_DEPTH:
        raise InputError("manifest.too_deep", file=label, limit=MAX_JSON_DEPTH)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("manifest.invalid_json", file=label, reason=str(exc)) from None
    except RecursionError:
        raise InputError("manifest.too_deep", file=label, limit=MAX_JSON_DEPTH) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError("manifest.invalid_json", file=label, reason=clip(str(exc), 200)) from None
    if not isinstance(data, dict):
        raise InputError("manifest.invalid_json", file=label, reason="not an object")
    return build_request(data, base=path.parent, label=label)


def _nesting_depth(text: str) -> int:
    """How deep the brackets of a JSON text nest (outside strings), without parsing it."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def build_request(
    data: dict[str, Any], base: Path, label: str, *, anywhere: bool = False
) -> CaptureRequest:
    """Check a request. Manifest files must stay inside `base`; one-off flags
    (`anywhere=True`) may name files anywhere."""

    def text(key: str, limit: int, required: bool = True) -> str:
        return check_text(data.get(key), key, limit, file=label, required=required)

    class_code = text("class", 16).upper()
    business_type = text("business_type", 100)
    if data.get("completed_on") is None:
        raise InputError("manifest.missing_field", field="completed_on", file=label)
    completed_on = parse_date(data.get("completed_on"), "completed_on")

    entity = _entity(data.get("entity"), label)
    roster = _roster(data.get("roster"), entity, label)
    materials_data = data.get("materials")
    if materials_data is not None and not isinstance(materials_data, list):
        raise InputError("manifest.not_a_list", field="materials", file=label)
    if not materials_data:
        raise InputError("manifest.no_materials", file=label)
    if len(materials_data) > MAX_MATERIALS:
        raise InputError(
            "value.too_many",
            field="materials",
            count=len(materials_data),
            limit=MAX_MATERIALS,
            file=label,
        )
    base_resolved = base.resolve()
    materials: list[MaterialRequest] = []
    seen: set[Path] = set()
    for index, entry in enumerate(materials_data):
        if not isinstance(entry, dict):
            raise InputError(
                "manifest.not_an_object",
                field=f"materials[{index}]",
                file=label,
            )
        materials.append(_material(entry, index, base, base_resolved, label, anywhere))
        resolved = materials[-1].path
        if resolved in seen:
            raise InputError("manifest.duplicate_file", file=materials[-1].display)
        seen.add(resolved)
    if not any(m.role == "form" for m in materials):
        raise InputError("manifest.no_form", file=label)

    request = CaptureRequest(
        class_code=class_code,
        business_type=business_type,
        completed_on=completed_on,
        entity=entity,
        title=text("title", MAX_TITLE, required=False)
        or f"{entity.name}{business_type}"[:MAX_TITLE],
        handler=text("handler", MAX_HANDLER, required=False),
        materials=materials,
        roster=roster,
        origin_label=label,
        events=events_from_manifest(data.get("events"), label),
    )
    for material in materials:
        if material.person:
            request.roster_position(material.person)
    return request


def _code(value: Any, field: str, label: str, check: Any) -> str | None:
    """An ID number or unit code: absent, or text that passes `check`. A JSON number
    loses leading zeros and the X, so it is refused naming the field."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise InputError("value.not_text", field=field, value=clip(value), file=label)
    return str(check(value))


def _entity(value: Any, label: str) -> EntityRef:
    if value is None:
        raise InputError("manifest.missing_field", field="entity", file=label)
    if not isinstance(value, dict):
        raise InputError("manifest.not_an_object", field="entity", file=label)
    kind = value.get("kind")
    if not isinstance(kind, str) or kind not in ("unit", "person"):
        raise InputError(
            "manifest.bad_field", field="entity.kind", file=label, reason="unit | person"
        )
    name = check_text(value.get("name"), "entity.name", MAX_NAME, file=label, required=True)
    if kind == "person":
        id_number = _code(value.get("id_number"), "entity.id_number", label, normalise_id_number)
        return EntityRef("person", name, id_number=id_number)
    unit_code = _code(value.get("unit_code"), "entity.unit_code", label, normalise_unit_code)
    return EntityRef("unit", name, unit_code=unit_code)


def _roster(value: Any, entity: EntityRef, label: str) -> list[RosterPerson]:
    if value is None:
        # A person's own item: the person is its whole roster.
        return [RosterPerson(entity.name, entity.id_number)] if entity.kind == "person" else []
    if not isinstance(value, list):
        raise InputError("manifest.not_a_list", field="roster", file=label)
    if len(value) > MAX_ROSTER:
        raise InputError(
            "value.too_many", field="roster", count=len(value), limit=MAX_ROSTER, file=label
        )
    roster: list[RosterPerson] = []
    for index, entry in enumerate(value):
        field_name = f"roster[{index}]"
        if isinstance(entry, str):
            roster.append(
                RosterPerson(check_text(entry, field_name, MAX_NAME, file=label, required=True))
            )
        elif isinstance(entry, dict):
            name = check_text(
                entry.get("name"), f"{field_name}.name", MAX_NAME, file=label, required=True
            )
            id_number = _code(
                entry.get("id_number"), f"{field_name}.id_number", label, normalise_id_number
            )
            roster.append(RosterPerson(name, id_number))
        else:
            raise InputError("manifest.bad_field", field=field_name, file=label, reason=clip(entry))
    return roster


def _choice(
    entry: dict[str, Any], key: str, allowed: tuple[str, ...], label: str, prefix: str = ""
) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or value not in allowed:
        raise InputError(
            "manifest.bad_field", field=prefix + key, file=label, reason=" | ".join(allowed)
        )
    return value


def _flag(entry: dict[str, Any], key: str, label: str, prefix: str = "") -> bool | None:
    value = entry.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise InputError("manifest.bad_field", field=prefix + key, file=label, reason="true | false")


def _material(
    entry: dict[str, Any], index: int, base: Path, base_resolved: Path, label: str, anywhere: bool
) -> MaterialRequest:
    prefix = f"materials[{index}]."
    value = entry.get("file")
    if isinstance(value, str) and "\x00" in value:
        raise InputError(
            "manifest.bad_file_name",
            field=prefix + "file",
            value=clip(value),
            reason="含 NUL 字符 / contains a NUL character",
            file=label,
        )
    raw = check_text(value, prefix + "file", MAX_FILE_NAME, file=label, required=True)
    relative = Path(raw)
    if not anywhere and (relative.is_absolute() or relative.drive):
        raise InputError("manifest.path_escapes", file=raw)
    candidate = base / relative
    try:
        resolved = Path(os.path.realpath(candidate))
    except (OSError, ValueError) as exc:
        raise InputError(
            "manifest.bad_file_name",
            field=prefix + "file",
            value=clip(raw),
            reason=clip(str(exc), 120),
            file=label,
        ) from None
    if not anywhere and resolved != base_resolved and base_resolved not in resolved.parents:
        raise InputError("manifest.path_escapes", file=raw)
    display = str(candidate)
    role = _choice(entry, "role", ROLES, label, prefix)
    if role is None:
        raise InputError("manifest.missing_field", field=prefix + "role", file=label)
    title = check_text(entry.get("title"), prefix + "title", MAX_MATERIAL_TITLE, file=label)
    person = entry.get("person")
    if person is not None and (not isinstance(person, str) or not person.strip()):
        raise InputError("manifest.not_text", field=prefix + "person", file=label)
    person_text = check_text(person, prefix + "person", MAX_NAME, file=label) if person else ""
    return MaterialRequest(
        path=resolved,
        display=display,
        role=role,
        title=title or relative.stem[:MAX_MATERIAL_TITLE],
        importance=_choice(entry, "importance", IMPORTANCE, label, prefix),
        person=person_text or None,
        origin=_choice(entry, "origin", ORIGINS, label, prefix),
        source=_choice(entry, "source", SOURCES, label, prefix),
        nature=_choice(entry, "nature", NATURES, label, prefix),
        is_copy=_flag(entry, "copy", label, prefix),
        is_attachment=_flag(entry, "attachment", label, prefix),
    )
