"""Units and persons: found by their code or ID number, created when new."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.db.models import Entity
from archivist.errors import InputError


def find_or_create(
    session: Session,
    kind: str,
    name: str,
    id_number: str | None = None,
    unit_code: str | None = None,
) -> Entity:
    """The entity with this ID number / credit code, else by kind and name; new if none.

    An identifier registered to a different name is refused rather than silently merged.
    """
    key_column, key = (
        (Entity.id_number, id_number) if kind == "person" else (Entity.unit_code, unit_code)
    )
    if key:
        found = session.scalar(select(Entity).where(key_column == key))
        if found is not None:
            if found.name != name:
                raise InputError("entity.conflict", id_number=key, existing=found.name, name=name)
            return found
    else:
        found = session.scalar(
            select(Entity)
            .where(Entity.kind == kind, Entity.name == name, key_column.is_(None))
            .order_by(Entity.id)
        )
        if found is not None:
            return found
    entity = Entity(kind=kind, name=name, id_number=id_number, unit_code=unit_code)
    session.add(entity)
    session.flush()
    return entity


MAX_NAME = 200  # the column's length


def snapshot(entity: Entity) -> dict[str, str | None]:
    return {
        "kind": entity.kind,
        "name": entity.name,
        "id_number": entity.id_number,
        "unit_code": entity.unit_code,
    }


def corrected(
    session: Session,
    entity: Entity,
    *,
    name: str | None = None,
    id_number: str | None = None,
    unit_code: str | None = None,
) -> dict[str, str | None]:
    """The entity's fields after a correction, checked (GB 11643 check digit for a
    person's ID number, GB 32100 for a unit's credit code, unique), not yet applied."""
    from archivist.rules.identity import normalise_id_number, normalise_unit_code

    after = snapshot(entity)
    if name is not None:
        text = " ".join(name.split())
        if not text:
            raise InputError("entity.name_empty")
        if len(text) > MAX_NAME:
            raise InputError("entity.name_too_long", limit=MAX_NAME, length=len(text))
        after["name"] = text
    if id_number is not None:
        if entity.kind != "person":
            raise InputError("entity.wrong_identifier", kind=entity.kind, field="id_number")
        after["id_number"] = normalise_id_number(id_number)
    if unit_code is not None:
        if entity.kind != "unit":
            raise InputError("entity.wrong_identifier", kind=entity.kind, field="unit_code")
        after["unit_code"] = normalise_unit_code(unit_code)
    for column, key in ((Entity.id_number, "id_number"), (Entity.unit_code, "unit_code")):
        value = after[key]
        if value and value != getattr(entity, key):
            other = session.scalar(select(Entity).where(column == value, Entity.id != entity.id))
            if other is not None:
                raise InputError("entity.id_taken", value=value, existing=other.name)
    return after
