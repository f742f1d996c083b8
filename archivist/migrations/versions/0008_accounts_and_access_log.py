"""personal accounts, roles, sign-in sessions and the access log (issue 13)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

An archive from before accounts gets empty tables: its history keeps the actor names it
has, and opening it asks for the three administrator accounts (archivist.accounts).
The access log is append-only like the audit trail (0002).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("password_changed_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("user_name", name=op.f("uq_accounts_user_name")),
    )
    op.create_table(
        "account_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("granted_at", sa.String(length=32), nullable=False),
        sa.Column("granted_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_account_roles_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_roles")),
        sa.UniqueConstraint("account_id", "role", name="uq_account_roles_pair"),
    )
    op.create_index(op.f("ix_account_roles_account_id"), "account_roles", ["account_id"])
    op.create_table(
        "sign_in_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("os_user", sa.String(length=100), nullable=False),
        sa.Column("seat", sa.String(length=200), nullable=False),
        sa.Column("started_at", sa.String(length=32), nullable=False),
        sa.Column("last_seen_at", sa.String(length=32), nullable=False),
        sa.Column("ended_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_sign_in_sessions_account_id_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_sign_in_sessions_token_hash")),
    )
    op.create_index(op.f("ix_sign_in_sessions_account_id"), "sign_in_sessions", ["account_id"])
    op.create_table(
        "access_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("seat", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_access_events")),
    )
    op.create_index(op.f("ix_access_events_at"), "access_events", ["at"])
    op.create_index(op.f("ix_access_events_user_name"), "access_events", ["user_name"])
    op.create_index(op.f("ix_access_events_target"), "access_events", ["target"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER access_events_no_{verb.lower()} BEFORE {verb} ON access_events "
                "BEGIN SELECT RAISE(ABORT, 'access events are append-only'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION access_events_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'access events are append-only'; END; $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER access_events_append_only BEFORE UPDATE OR DELETE ON access_events "
            "FOR EACH ROW EXECUTE FUNCTION access_events_append_only()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS access_events_no_update")
        op.execute("DROP TRIGGER IF EXISTS access_events_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS access_events_append_only ON access_events")
        op.execute("DROP FUNCTION IF EXISTS access_events_append_only()")
    op.drop_table("access_events")
    op.drop_table("sign_in_sessions")
    op.drop_table("account_roles")
    op.drop_table("accounts")
