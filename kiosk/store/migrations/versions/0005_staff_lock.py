"""The staff PIN's lock per kiosk and its log: wrong PINs survive a restart.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "staff_lock",
        sa.Column("kiosk_id", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "staff_pin_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("lock_seconds", sa.Integer(), nullable=True),
    )
    op.create_index("ix_staff_pin_events_at", "staff_pin_events", ["at"])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_staff_pin_events_at", table_name="staff_pin_events")
    op.drop_table("staff_pin_events")
    op.drop_table("staff_lock")
