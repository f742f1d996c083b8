"""indexes for the window's item table

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

The item table sorts by a column and then by the number. An index on (column, number)
lets SQLite read the ids in that order from the index instead of sorting the whole
table: with 100,000 items a sort by title went from about 170 to 40 ms of SQLite time,
a class from 50 to 10 ms (bench/browse_scale.py, docs/ui-performance.md).
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_items_title_number": ["title", "number"],
    "ix_items_retention_number": ["retention", "number"],
    "ix_items_completed_on_number": ["completed_on", "number"],
    "ix_items_class_number": ["class_id", "number"],
    "ix_items_business_type_number": ["business_type_id", "number"],
    "ix_items_entity_number": ["entity_id", "number"],
}


def upgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        for name, columns in INDEXES.items():
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        for name in INDEXES:
            batch_op.drop_index(name)
