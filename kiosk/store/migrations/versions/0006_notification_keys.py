"""One-time keys of provider notifications: the same push taken twice is refused (409).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "notification_keys",
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("notification_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notification_keys_received_at"), ["received_at"], unique=False
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("notification_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_keys_received_at"))
    op.drop_table("notification_keys")
