"""indexes for the person file (一人一档): roster names and people, voucher people,
benefit-event names (issue 14)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

Without them, finding one person in an archive of 100,000 items scanned the roster and
materials tables (about 28 of 40 ms, bench/person_file.py).
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES = (
    ("roster_entries", "name"),
    ("roster_entries", "entity_id"),
    ("materials", "person_entity_id"),
    ("materials", "person_name"),
    ("benefit_events", "person_name"),
)


def upgrade() -> None:
    for table, column in INDEXES:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column])


def downgrade() -> None:
    for table, column in INDEXES:
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
