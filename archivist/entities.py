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
