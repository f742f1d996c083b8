"""use requests (consult, lend, copy, view), their targets and extensions; benefit events
(issue 14)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "use_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("borrower_kind", sa.String(length=8), nullable=False),
        sa.Column("borrower_name", sa.String(length=100), nullable=False),
        sa.Column("borrower_id_number", sa.String(length=18), nullable=True),
        sa.Column("borrower_unit", sa.String(length=200), nullable=False),
        sa.Column("borrower_phone", sa.String(length=40), nullable=False),
        sa.Column("borrower_account", sa.String(length=64), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.String(length=32), nullable=True),
        sa.Column("refusal", sa.Text(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("lent_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("closed_at", sa.String(length=32), nullable=True),
        sa.Column("effect", sa.Text(), nullable=False),
        sa.Column("effect_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_use_requests")),
        sa.UniqueConstraint("number", name=op.f("uq_use_requests_number")),
        sa.UniqueConstraint("year", "serial", name="uq_use_requests_year_serial"),
    )
    op.create_index(op.f("ix_use_requests_status"), "use_requests", ["status"])
    op.create_index(op.f("ix_use_requests_due_on"), "use_requests", ["due_on"])
    op.create_table(
        "use_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("volume_id", sa.Integer(), nullable=True),
        sa.Column("box_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("condition", sa.String(length=8), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["use_requests.id"], name=op.f("fk_use_targets_request_id_use_requests")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_use_targets_item_id_items")
        ),
        sa.ForeignKeyConstraint(
            ["volume_id"], ["volumes.id"], name=op.f("fk_use_targets_volume_id_volumes")
        ),
        sa.ForeignKeyConstraint(["box_id"], ["boxes.id"], name=op.f("fk_use_targets_box_id_boxes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_use_targets")),
    )
    for column in ("request_id", "code", "item_id", "volume_id", "box_id"):
        op.create_index(op.f(f"ix_use_targets_{column}"), "use_targets", [column])
    op.create_table(
        "use_extensions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("old_due_on", sa.Date(), nullable=False),
        sa.Column("new_due_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=False),
        sa.Column("approved_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["use_requests.id"],
            name=op.f("fk_use_extensions_request_id_use_requests"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_use_extensions")),
    )
    op.create_index(op.f("ix_use_extensions_request_id"), "use_extensions", ["request_id"])
    op.create_table(
        "benefit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("person_name", sa.String(length=100), nullable=False),
        sa.Column("person_id_number", sa.String(length=18), nullable=True),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("amount_fen", sa.Integer(), nullable=True),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("bank_change", sa.Text(), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_benefit_events_item_id_items")
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_benefit_events_entity_id_entities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benefit_events")),
    )
    for column in ("item_id", "person_id_number", "entity_id"):
        op.create_index(op.f(f"ix_benefit_events_{column}"), "benefit_events", [column])


def downgrade() -> None:
    op.drop_table("benefit_events")
    op.drop_table("use_extensions")
    op.drop_table("use_targets")
    op.drop_table("use_requests")
