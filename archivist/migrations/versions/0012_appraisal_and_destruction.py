"""appraisal batches, members and opinions; destruction registers, their rows and
signatures (issue 15)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appraisal_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("class_code", sa.String(length=20), nullable=True),
        sa.Column("scope_year", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("signed_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal_batches")),
        sa.UniqueConstraint("number", name=op.f("uq_appraisal_batches_number")),
        sa.UniqueConstraint("year", "serial", name="uq_appraisal_batches_year_serial"),
    )
    op.create_index(op.f("ix_appraisal_batches_state"), "appraisal_batches", ["state"])
    op.create_table(
        "appraisal_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("head", sa.Boolean(), nullable=False),
        sa.Column("signed_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["appraisal_batches.id"],
            name=op.f("fk_appraisal_members_batch_id_appraisal_batches"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal_members")),
        sa.UniqueConstraint("batch_id", "user_name", name="uq_appraisal_members_user"),
    )
    op.create_index(op.f("ix_appraisal_members_batch_id"), "appraisal_members", ["batch_id"])
    op.create_table(
        "appraisal_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("retention", sa.String(length=20), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("opinion", sa.String(length=10), nullable=True),
        sa.Column("new_retention", sa.String(length=20), nullable=True),
        sa.Column("new_expires_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["appraisal_batches.id"],
            name=op.f("fk_appraisal_entries_batch_id_appraisal_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_appraisal_entries_item_id_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal_entries")),
        sa.UniqueConstraint("batch_id", "item_id", name="uq_appraisal_entries_item"),
    )
    op.create_index(op.f("ix_appraisal_entries_batch_id"), "appraisal_entries", ["batch_id"])
    op.create_index(op.f("ix_appraisal_entries_item_id"), "appraisal_entries", ["item_id"])
    op.create_table(
        "destruction_registers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("accounting", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("proposed_by", sa.String(length=64), nullable=False),
        sa.Column("proposed_at", sa.String(length=32), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", sa.String(length=32), nullable=True),
        sa.Column("executed_by", sa.String(length=64), nullable=True),
        sa.Column("executed_at", sa.String(length=32), nullable=True),
        sa.Column("executed_on", sa.Date(), nullable=True),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["appraisal_batches.id"],
            name=op.f("fk_destruction_registers_batch_id_appraisal_batches"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_registers")),
        sa.UniqueConstraint("number", name=op.f("uq_destruction_registers_number")),
        sa.UniqueConstraint("year", "serial", name="uq_destruction_registers_year_serial"),
    )
    op.create_index(
        op.f("ix_destruction_registers_batch_id"), "destruction_registers", ["batch_id"]
    )
    op.create_index(op.f("ix_destruction_registers_state"), "destruction_registers", ["state"])
    op.create_table(
        "destruction_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("archival_code", sa.String(length=100), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("class_code", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("retention", sa.String(length=20), nullable=False),
        sa.Column("kept_years", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("volume", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["register_id"],
            ["destruction_registers.id"],
            name=op.f("fk_destruction_entries_register_id_destruction_registers"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_destruction_entries_item_id_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_entries")),
        sa.UniqueConstraint("register_id", "seq", name="uq_destruction_entries_seq"),
    )
    op.create_index(
        op.f("ix_destruction_entries_register_id"), "destruction_entries", ["register_id"]
    )
    op.create_index(op.f("ix_destruction_entries_item_id"), "destruction_entries", ["item_id"])
    op.create_table(
        "destruction_signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.Integer(), nullable=False),
        sa.Column("duty", sa.String(length=20), nullable=False),
        sa.Column("unit", sa.String(length=12), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("signed_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["register_id"],
            ["destruction_registers.id"],
            name=op.f("fk_destruction_signatures_register_id_destruction_registers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_signatures")),
        sa.UniqueConstraint("register_id", "duty", "user_name", name="uq_destruction_signatures"),
    )
    op.create_index(
        op.f("ix_destruction_signatures_register_id"), "destruction_signatures", ["register_id"]
    )
    # A destruction register is kept for ever: the database refuses to delete its rows
    # through ordinary SQL (the hash chain of the audit trail records them too).
    dialect = op.get_bind().dialect.name
    for table in KEPT:
        if dialect == "sqlite":
            op.execute(
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'destruction registers are kept permanently'); END"
            )
        elif dialect == "postgresql":
            op.execute(
                f"CREATE FUNCTION {table}_kept() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION "
                "'destruction registers are kept permanently'; END; $$ LANGUAGE plpgsql"
            )
            op.execute(
                f"CREATE TRIGGER {table}_kept BEFORE DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_kept()"
            )


KEPT = ("destruction_registers", "destruction_entries", "destruction_signatures")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in KEPT:
        if dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_kept ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_kept()")
    for table in (
        "destruction_signatures",
        "destruction_entries",
        "destruction_registers",
        "appraisal_entries",
        "appraisal_members",
        "appraisal_batches",
    ):
        op.drop_table(table)
