"""warnings recorded on a material at capture (issue 11)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

A PDF carrying JavaScript or embedded files may be a real record, so it is stored as
it is, but the item shows a warning: the codes are kept on the material (a JSON list
of message codes, empty for every material captured before).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


# Plain ALTER TABLE (SQLite 3.35+ drops columns in place): a batch copy of `materials`
# would trip the foreign keys that point at it.
def upgrade() -> None:
    op.add_column(
        "materials",
        sa.Column("warnings", sa.JSON(), nullable=False, server_default=sa.text("'[]'")),
    )


def downgrade() -> None:
    op.drop_column("materials", "warnings")
