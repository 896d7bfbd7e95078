"""Search keys for lookups at scale, resumable customer imports, outbox claims.

- customers.reference_key (unique) and customers.name_key (indexed, "C" collation on
  PostgreSQL) so lookups by reference and name prefix use an index;
- customer_imports: how far each import got, so a killed import resumes;
- outbox.claimed_by / claimed_until: a kiosk leases a message while it sends it, so
  kiosks sharing a database never send the same callback twice at once;
- sync_state: cursor and ETag of the customer pull from the merchant backend.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.domain.search import name_key, reference_key

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SEARCH_KEY = sa.String(length=200).with_variant(sa.String(200, collation="C"), "postgresql")
_BATCH = 5000


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reference_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("name_key", _SEARCH_KEY, nullable=True))
    _fill_search_keys()
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.alter_column("reference_key", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("name_key", existing_type=_SEARCH_KEY, nullable=False)
        batch_op.create_index("ix_customers_reference_key", ["reference_key"], unique=True)
        batch_op.create_index("ix_customers_name_key", ["name_key"], unique=False)

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))

    op.create_table(
        "customer_imports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_line", sa.Integer(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_customer_imports_file", "customer_imports", ["file_sha256", "finished_at"])
    op.create_table(
        "sync_state",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("cursor", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("sync_state")
    op.drop_index("ix_customer_imports_file", table_name="customer_imports")
    op.drop_table("customer_imports")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("claimed_until")
        batch_op.drop_column("claimed_by")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index("ix_customers_name_key")
        batch_op.drop_index("ix_customers_reference_key")
        batch_op.drop_column("name_key")
        batch_op.drop_column("reference_key")


def _fill_search_keys() -> None:
    """Compute the keys in Python, exactly as the application does for new rows."""
    connection = op.get_bind()
    customers = sa.table(
        "customers",
        sa.column("id", sa.String),
        sa.column("reference", sa.String),
        sa.column("name", sa.String),
        sa.column("reference_key", sa.String),
        sa.column("name_key", sa.String),
    )
    rows = connection.execute(
        sa.select(customers.c.id, customers.c.reference, customers.c.name)
    ).all()  # read first: SQLite must not update a table it is still reading
    update = (
        sa.update(customers)
        .where(customers.c.id == sa.bindparam("row_id"))
        .values(reference_key=sa.bindparam("rk"), name_key=sa.bindparam("nk"))
    )
    for start in range(0, len(rows), _BATCH):
        keys = [
            {"row_id": row.id, "rk": reference_key(row.reference), "nk": name_key(row.name)}
            for row in rows[start : start + _BATCH]
        ]
        connection.execute(update, keys)
