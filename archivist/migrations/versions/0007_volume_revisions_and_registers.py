"""volume revisions, registers generated and the revision each handover volume was
checked at (issue 12)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

Until now the handover check asked the audit trail whether a volume's registers were
generated after its last change (events named `volume.*`, `item.*` and
`register.generate`) and compared the trail's length at check and at signing. Business
rules no longer read audit action names: a volume carries a revision that moves on
with every change of it, its entries or its items' rows (archivist.db.engine), the
registers generated are rows with the revision they were generated from, and each
volume of a batch keeps the revision it was checked at.

This migration is the one place that reads that history, once: every volume starts at
revision 1; a register generated after the volume's last recorded change is taken at
revision 1, one generated before it at 0 (stale); a volume checked in a batch after its
last change at 1, otherwise at 0 (to be checked again before signing).

Downgrade drops the rows; nothing is lost, because a register's generation is still
recorded in the audit trail (`register.generate`, with its kind).
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _after(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


# Plain ALTER TABLE (as in 0006): a batch copy of `volumes` would trip the foreign keys
# that point at it.
def upgrade() -> None:
    op.add_column(
        "volumes",
        sa.Column("revision", sa.Integer(), nullable=False, server_default=sa.text("0")),
    )
    op.add_column("handover_volumes", sa.Column("checked_revision", sa.Integer(), nullable=True))
    op.create_table(
        "volume_registers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volume_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("generated_at", sa.String(length=32), nullable=False),
        sa.Column("generated_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["volume_id"], ["volumes.id"], name=op.f("fk_volume_registers_volume_id_volumes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volume_registers")),
        sa.UniqueConstraint("volume_id", "kind", name="uq_volume_registers_volume_kind"),
    )
    _backfill(op.get_bind())


def _backfill(conn: sa.Connection) -> None:
    conn.execute(sa.text("UPDATE volumes SET revision = 1"))
    volumes = conn.execute(sa.text("SELECT id, code FROM volumes")).all()
    last_change: dict[int, int] = {}
    for volume_id, code in volumes:
        target = f"volume:{code}"
        # the volume's own changes, and those of the items in it (a changed item
        # changes the contents list), as the check before 0007 counted them
        latest = int(
            conn.execute(
                sa.text(
                    "SELECT MAX(seq) FROM audit_events WHERE "
                    "(target = :t AND action LIKE 'volume.%') OR "
                    "(action LIKE 'item.%' AND target IN ("
                    "  SELECT 'item:' || items.capture_id FROM volume_items"
                    "  JOIN items ON items.id = volume_items.item_id"
                    "  WHERE volume_items.volume_id = :v))"
                ),
                {"t": target, "v": volume_id},
            ).scalar()
            or 0
        )
        last_change[volume_id] = latest

        generated: dict[str, tuple[int, str, str]] = {}
        for event_seq, at, actor, after in conn.execute(
            sa.text(
                "SELECT seq, at, actor, after FROM audit_events "
                "WHERE target = :t AND action = 'register.generate' ORDER BY seq"
            ),
            {"t": target},
        ):
            kind = str(_after(after).get("kind", ""))
            if kind:
                generated[kind] = (int(event_seq), str(at), str(actor))
        for kind, (event_seq, at, actor) in generated.items():
            conn.execute(
                sa.text(
                    "INSERT INTO volume_registers "
                    "(volume_id, kind, revision, generated_at, generated_by) "
                    "VALUES (:v, :k, :r, :at, :by)"
                ),
                {
                    "v": volume_id,
                    "k": kind[:24],
                    "r": 1 if event_seq >= latest else 0,
                    "at": at,
                    "by": actor,
                },
            )

    # each checked volume of a batch: checked after its last change, or not
    checked_at: dict[str, int] = {}
    for event_seq, target, after in conn.execute(
        sa.text(
            "SELECT seq, target, after FROM audit_events "
            "WHERE action = 'handover.check' ORDER BY seq"
        )
    ):
        checked_at[str(target)] = int(_after(after).get("as_of", event_seq))
    for entry_id, volume_id, number in conn.execute(
        sa.text(
            "SELECT handover_volumes.id, handover_volumes.volume_id, handovers.number "
            "FROM handover_volumes JOIN handovers ON handovers.id = handover_volumes.handover_id "
            "WHERE handover_volumes.result IS NOT NULL"
        )
    ):
        as_of = checked_at.get(f"handover:{number}", 0)
        fresh = last_change.get(volume_id, 0) <= as_of
        conn.execute(
            sa.text("UPDATE handover_volumes SET checked_revision = :r WHERE id = :id"),
            {"r": 1 if fresh else 0, "id": entry_id},
        )


def downgrade() -> None:
    op.drop_table("volume_registers")
    op.drop_column("handover_volumes", "checked_revision")
    op.drop_column("volumes", "revision")
