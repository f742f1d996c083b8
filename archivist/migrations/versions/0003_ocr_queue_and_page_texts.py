"""ocr queue and page texts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ocr_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("pages_total", sa.Integer(), nullable=False),
        sa.Column("pages_done", sa.Integer(), nullable=False),
        sa.Column("pages_failed", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["material_id"], ["materials.id"], name=op.f("fk_ocr_jobs_material_id_materials")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ocr_jobs")),
        sa.UniqueConstraint("material_id", name=op.f("uq_ocr_jobs_material_id")),
    )
    with op.batch_alter_table("ocr_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ocr_jobs_status"), ["status"], unique=False)

    op.create_table(
        "page_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("engine", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Double(), nullable=True),
        sa.Column("seconds", sa.Double(), nullable=False),
        sa.Column("error_code", sa.String(length=40), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["material_id"], ["materials.id"], name=op.f("fk_page_texts_material_id_materials")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_page_texts")),
        sa.UniqueConstraint("material_id", "page", name="uq_page_texts_material_page"),
    )
    with op.batch_alter_table("page_texts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_page_texts_material_id"), ["material_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("page_texts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_page_texts_material_id"))

    op.drop_table("page_texts")
    with op.batch_alter_table("ocr_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ocr_jobs_status"))

    op.drop_table("ocr_jobs")
