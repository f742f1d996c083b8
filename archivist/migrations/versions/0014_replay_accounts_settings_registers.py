"""replay also covers accounts and their roles, the archive's settings and the volume
registers' generation records (issue 16): an archive whose trail already carries state
gets baseline events for these four tables once, at its next open

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

NEWLY_REPLAYED = ("settings", "accounts", "account_roles", "volume_registers")


def upgrade() -> None:
    op.create_table(
        "replay_baselines_due",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_replay_baselines_due")),
    )
    # A fresh archive has no events yet: its first event records these rows itself.
    # An archive whose newest event carries no state gets a baseline of every table.
    carries_state = (
        op.get_bind()
        .execute(sa.text("SELECT state IS NOT NULL FROM audit_events ORDER BY seq DESC LIMIT 1"))
        .scalar()
    )
    if carries_state:
        op.bulk_insert(
            sa.table("replay_baselines_due", sa.column("table_name", sa.String)),
            [{"table_name": name} for name in NEWLY_REPLAYED],
        )


def downgrade() -> None:
    op.drop_table("replay_baselines_due")
