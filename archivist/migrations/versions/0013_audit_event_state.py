"""audit events carry the after-state of the rows their change wrote (issue 16, replay)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN leaves the append-only triggers and every old event's hash as they were
    # (an event without a state hashes without the field).
    op.add_column("audit_events", sa.Column("state", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("state")
