"""core schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archive_classes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("insurance_type", sa.String(length=50), nullable=False),
        sa.Column("default_retention", sa.String(length=16), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_classes")),
        sa.UniqueConstraint("code", name=op.f("uq_archive_classes_code")),
    )
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_op_id"), ["op_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_target"), ["target"], unique=False)

    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("unit_code", sa.String(length=18), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
        sa.UniqueConstraint("id_number", name=op.f("uq_entities_id_number")),
        sa.UniqueConstraint("unit_code", name=op.f("uq_entities_unit_code")),
    )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entities_name"), ["name"], unique=False)

    op.create_table(
        "fonds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fonds")),
        sa.UniqueConstraint("code", name=op.f("uq_fonds_code")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "business_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("retention", sa.String(length=16), nullable=True),
        sa.Column("schedule_item", sa.String(length=32), nullable=False),
        sa.Column("material", sa.Text(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["archive_classes.id"],
            name=op.f("fk_business_types_class_id_archive_classes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business_types")),
        sa.UniqueConstraint("class_id", "name", name="uq_business_types_class_name"),
    )
    op.create_table(
        "number_counters",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("last_serial", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["archive_classes.id"],
            name=op.f("fk_number_counters_class_id_archive_classes"),
        ),
        sa.PrimaryKeyConstraint("year", "class_id", name=op.f("pk_number_counters")),
    )
    op.create_table(
        "number_vacancies",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["archive_classes.id"],
            name=op.f("fk_number_vacancies_class_id_archive_classes"),
        ),
        sa.PrimaryKeyConstraint("year", "class_id", "serial", name=op.f("pk_number_vacancies")),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("capture_id", sa.String(length=36), nullable=False),
        sa.Column("fonds_id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("business_type_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("archival_code", sa.String(length=80), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("handler", sa.String(length=100), nullable=False),
        sa.Column("retention", sa.String(length=16), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("folder", sa.Text(), nullable=False),
        sa.Column("order_override", sa.Text(), nullable=True),
        sa.Column("captured_at", sa.String(length=32), nullable=False),
        sa.Column("captured_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_type_id"],
            ["business_types.id"],
            name=op.f("fk_items_business_type_id_business_types"),
        ),
        sa.ForeignKeyConstraint(
            ["class_id"], ["archive_classes.id"], name=op.f("fk_items_class_id_archive_classes")
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_items_entity_id_entities")
        ),
        sa.ForeignKeyConstraint(["fonds_id"], ["fonds.id"], name=op.f("fk_items_fonds_id_fonds")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
        sa.UniqueConstraint("archival_code", name=op.f("uq_items_archival_code")),
        sa.UniqueConstraint("capture_id", name=op.f("uq_items_capture_id")),
        sa.UniqueConstraint("number", name=op.f("uq_items_number")),
        sa.UniqueConstraint("year", "class_id", "serial", name="uq_items_year_class_serial"),
    )
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_items_business_type_id"), ["business_type_id"], unique=False
        )
        batch_op.create_index("ix_items_class_year", ["class_id", "year"], unique=False)
        batch_op.create_index(batch_op.f("ix_items_completed_on"), ["completed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_items_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "materials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("capture_index", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("importance", sa.String(length=10), nullable=False),
        sa.Column("importance_given", sa.Boolean(), nullable=False),
        sa.Column("person_entity_id", sa.Integer(), nullable=True),
        sa.Column("person_name", sa.String(length=200), nullable=True),
        sa.Column("origin", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=True),
        sa.Column("nature", sa.String(length=12), nullable=True),
        sa.Column("is_copy", sa.Boolean(), nullable=True),
        sa.Column("is_attachment", sa.Boolean(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("order_basis", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_materials_item_id_items")),
        sa.ForeignKeyConstraint(
            ["person_entity_id"],
            ["entities.id"],
            name=op.f("fk_materials_person_entity_id_entities"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_materials")),
        sa.UniqueConstraint("file", name=op.f("uq_materials_file")),
        sa.UniqueConstraint("item_id", "seq", name="uq_materials_item_seq"),
    )
    with op.batch_alter_table("materials", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_materials_sha256"), ["sha256"], unique=False)

    op.create_table(
        "roster_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("form_material_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_roster_entries_entity_id_entities")
        ),
        sa.ForeignKeyConstraint(
            ["form_material_id"],
            ["materials.id"],
            name=op.f("fk_roster_entries_form_material_id_materials"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_roster_entries_item_id_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_entries")),
        sa.UniqueConstraint("item_id", "position", name="uq_roster_item_position"),
    )


def downgrade() -> None:
    op.drop_table("roster_entries")
    with op.batch_alter_table("materials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_materials_sha256"))

    op.drop_table("materials")
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_items_entity_id"))
        batch_op.drop_index(batch_op.f("ix_items_completed_on"))
        batch_op.drop_index("ix_items_class_year")
        batch_op.drop_index(batch_op.f("ix_items_business_type_id"))

    op.drop_table("items")
    op.drop_table("number_vacancies")
    op.drop_table("number_counters")
    op.drop_table("business_types")
    op.drop_table("settings")
    op.drop_table("fonds")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entities_name"))

    op.drop_table("entities")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_target"))
        batch_op.drop_index(batch_op.f("ix_audit_events_op_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_action"))

    op.drop_table("audit_events")
    op.drop_table("archive_classes")
