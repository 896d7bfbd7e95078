"""Index on calls (source, source_call_id): a call already recorded is never taken twice.

A provider lists a call again after a restart, a kiosk sharing the number hears the
same call, a notification is replayed: the service looks the call id up here first.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_index("ix_calls_source_call_id", "calls", ["source", "source_call_id"])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_calls_source_call_id", table_name="calls")
