"""Capture requests: read and check a manifest (or one-off flags) before any write.

Manifest (JSON, file paths relative to the manifest's folder):
{"class": "SY", "business_type": "失业保险金申领", "completed_on": "2023-05-12",
 "entity": {"kind": "person", "name": "张三", "id_number": "11010519491231002X"},
 "title": "...", "handler": "王五", "roster": ["张三", {"name": "李四", "id_number": "..."}],
 "materials": [{"file": "a.pdf", "role": "form", "title": "..."},
               {"file": "b.jpg", "role": "voucher", "importance": "secondary",
                "person": "李四", "title": "身份证复印件"}]}
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

from archivist.errors import InputError
from archivist.identity import normalise_id_number, normalise_unit_code
from archivist.ordering import IMPORTANCE, NATURES, ROLES, SOURCES

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


def parse_date(value: Any, label: str) -> dt.date:
    if not isinstance(value, str):
        raise InputError("date.invalid", value=value)
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError("date.invalid", value=value) from None
    if len(value.strip()) != 10:
        raise InputError("date.invalid", value=value)
    if day > dt.date.today():
        raise InputError("date.future", value=value)
    return day


def read_manifest(path: Path) -> CaptureRequest:
    """Read a manifest file; every problem is an InputError naming the manifest."""
    label = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("file.missing", file=label) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("manifest.unreadable", file=label, reason=str(exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("manifest.invalid_json", file=label, reason=str(exc)) from None
    if not isinstance(data, dict):
        raise InputError("manifest.invalid_json", file=label, reason="not an object")
    return build_request(data, base=path.parent, label=label)


def build_request(
    data: dict[str, Any], base: Path, label: str, *, anywhere: bool = False
) -> CaptureRequest:
    """Check a request. Manifest files must stay inside `base`; one-off flags
    (`anywhere=True`) may name files anywhere."""

    def text(key: str, required: bool = True, source: dict[str, Any] = data) -> str:
        value = source.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise InputError("manifest.missing_field", field=key, file=label)
            return ""
        if not isinstance(value, str):
            raise InputError("manifest.bad_field", field=key, file=label, reason="not text")
        return value.strip()

    class_code = text("class").upper()
    business_type = text("business_type")
    completed_on = parse_date(data.get("completed_on"), label) if "completed_on" in data else None
    if completed_on is None:
        raise InputError("manifest.missing_field", field="completed_on", file=label)

    entity = _entity(data.get("entity"), label)
    roster = _roster(data.get("roster"), entity, label)
    materials_data = data.get("materials")
    if not isinstance(materials_data, list) or not materials_data:
        raise InputError("manifest.no_materials", file=label)
    base_resolved = base.resolve()
    materials: list[MaterialRequest] = []
    seen: set[Path] = set()
    for index, entry in enumerate(materials_data):
        if not isinstance(entry, dict):
            raise InputError(
                "manifest.bad_field",
                field=f"materials[{index}]",
                file=label,
                reason="not an object",
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
        title=text("title", required=False) or f"{entity.name}{business_type}",
        handler=text("handler", required=False),
        materials=materials,
        roster=roster,
        origin_label=label,
    )
    for material in materials:
        if material.person:
            request.roster_position(material.person)
    return request


def _entity(value: Any, label: str) -> EntityRef:
    if not isinstance(value, dict):
        raise InputError("manifest.missing_field", field="entity", file=label)
    kind = value.get("kind")
    name = value.get("name")
    if kind not in ("unit", "person"):
        raise InputError(
            "manifest.bad_field", field="entity.kind", file=label, reason="unit | person"
        )
    if not isinstance(name, str) or not name.strip():
        raise InputError("manifest.missing_field", field="entity.name", file=label)
    if kind == "person":
        id_number = value.get("id_number")
        return EntityRef(
            "person", name.strip(), id_number=normalise_id_number(id_number) if id_number else None
        )
    unit_code = value.get("unit_code")
    return EntityRef(
        "unit", name.strip(), unit_code=normalise_unit_code(unit_code) if unit_code else None
    )


def _roster(value: Any, entity: EntityRef, label: str) -> list[RosterPerson]:
    if value is None:
        # A person's own item: the person is its whole roster.
        return [RosterPerson(entity.name, entity.id_number)] if entity.kind == "person" else []
    if not isinstance(value, list):
        raise InputError("manifest.bad_field", field="roster", file=label, reason="not a list")
    roster: list[RosterPerson] = []
    for entry in value:
        if isinstance(entry, str) and entry.strip():
            roster.append(RosterPerson(entry.strip()))
        elif (
            isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"].strip()
        ):
            id_number = entry.get("id_number")
            roster.append(
                RosterPerson(
                    entry["name"].strip(), normalise_id_number(id_number) if id_number else None
                )
            )
        else:
            raise InputError("manifest.bad_field", field="roster", file=label, reason=repr(entry))
    return roster


def _choice(entry: dict[str, Any], key: str, allowed: tuple[str, ...], label: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if value not in allowed:
        raise InputError("manifest.bad_field", field=key, file=label, reason=" | ".join(allowed))
    return str(value)


def _flag(entry: dict[str, Any], key: str, label: str) -> bool | None:
    value = entry.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise InputError("manifest.bad_field", field=key, file=label, reason="true | false")


def _material(
    entry: dict[str, Any], index: int, base: Path, base_resolved: Path, label: str, anywhere: bool
) -> MaterialRequest:
    raw = entry.get("file")
    if not isinstance(raw, str) or not raw.strip():
        raise InputError("manifest.missing_field", field=f"materials[{index}].file", file=label)
    relative = Path(raw)
    if not anywhere and (relative.is_absolute() or relative.drive):
        raise InputError("manifest.path_escapes", file=raw)
    candidate = base / relative
    resolved = Path(os.path.realpath(candidate))
    if not anywhere and resolved != base_resolved and base_resolved not in resolved.parents:
        raise InputError("manifest.path_escapes", file=raw)
    display = str(candidate)
    role = _choice(entry, "role", ROLES, label)
    if role is None:
        raise InputError("manifest.missing_field", field=f"materials[{index}].role", file=label)
    title = entry.get("title")
    if title is not None and not isinstance(title, str):
        raise InputError("manifest.bad_field", field="title", file=label, reason="not text")
    person = entry.get("person")
    if person is not None and (not isinstance(person, str) or not person.strip()):
        raise InputError("manifest.bad_field", field="person", file=label, reason="not text")
    return MaterialRequest(
        path=resolved,
        display=display,
        role=role,
        title=(title or "").strip() or relative.stem,
        importance=_choice(entry, "importance", IMPORTANCE, label),
        person=person.strip() if person else None,
        origin=_choice(entry, "origin", ORIGINS, label),
        source=_choice(entry, "source", SOURCES, label),
        nature=_choice(entry, "nature", NATURES, label),
        is_copy=_flag(entry, "copy", label),
        is_attachment=_flag(entry, "attachment", label),
    )
