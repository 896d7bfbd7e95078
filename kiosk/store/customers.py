"""Customer queries: lookup by reference, phone (any format) or name prefix, and upsert.

Every lookup is an index search (reference key, phone, name key range), so it stays
instant with a million customers; ``upsert_customers`` writes an import batch with one
statement.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Insert, Table, func, select
from sqlalchemy.orm import Session

from kiosk.domain.phone import try_parse_phone
from kiosk.domain.search import PREFIX_END, name_key, reference_key
from kiosk.store.database import conflict_insert
from kiosk.store.models import Customer


class NewCustomer(NamedTuple):
    """A customer record to write: reference, name and phone in E.164."""

    reference: str
    name: str
    phone: str


def find_customers(
    session: Session, text: str, *, region: str, limit: int = 20
) -> Sequence[Customer]:
    """Customers matching ``text``, exact matches (reference, phone) first.

    ``text`` may be a reference, a phone number in any format, or a name prefix.
    """
    query = text.strip()
    if not query:
        return []
    exact = list(
        session.scalars(select(Customer).where(Customer.reference_key == reference_key(query)))
    )
    phone = try_parse_phone(query, region)
    if phone:
        exact += customers_by_phone(session, phone, limit=limit)
    exact.sort(key=lambda customer: customer.name_key)
    found = {customer.id: customer for customer in exact}
    if not query.lstrip("+").replace(" ", "").isdigit():
        for customer in customers_by_name_prefix(session, query, limit=limit):
            found.setdefault(customer.id, customer)
    return list(found.values())[:limit]


def customers_by_name_prefix(
    session: Session, prefix: str, *, limit: int = 20
) -> Sequence[Customer]:
    """Customers whose name starts with ``prefix`` (any case), in name order."""
    key = name_key(prefix)
    if not key:
        return []
    statement = (
        select(Customer)
        .where(Customer.name_key >= key, Customer.name_key < key + PREFIX_END)
        .order_by(Customer.name_key)
        .limit(limit)
    )
    return list(session.scalars(statement))


def customer_by_reference(session: Session, reference: str) -> Customer | None:
    """The customer with exactly this reference (case-insensitive), if any."""
    statement = select(Customer).where(Customer.reference_key == reference_key(reference))
    return session.scalars(statement).first()


def customers_by_phone(
    session: Session, phone_e164: str, *, limit: int | None = None
) -> list[Customer]:
    """Customers on file with this E.164 number."""
    statement = select(Customer).where(Customer.phone == phone_e164).limit(limit)
    return list(session.scalars(statement))


def upsert_customer(
    session: Session, *, reference: str, name: str, phone: str, now: datetime
) -> Customer:
    """Insert a customer, or update the one with the same reference."""
    customer = customer_by_reference(session, reference)
    if customer is None:
        customer = Customer(id=str(uuid.uuid4()), reference=reference, created_at=now)
        session.add(customer)
    customer.name = name
    customer.phone = phone
    customer.updated_at = now
    return customer


def upsert_customers(
    session: Session, rows: Sequence[NewCustomer], *, now: datetime
) -> tuple[int, int]:
    """Insert or update (by reference) a batch of customers; returns (added, updated).

    One ``INSERT … ON CONFLICT`` statement on SQLite and PostgreSQL; a batch must not
    hold the same reference twice. A stored reference keeps its original spelling.
    """
    if not rows:
        return 0, 0
    keys = [reference_key(row.reference) for row in rows]
    existing = set(
        session.scalars(select(Customer.reference_key).where(Customer.reference_key.in_(keys)))
    )
    statement = _upsert_statement(session)
    if statement is None:  # another database: the portable way, row by row
        for row in rows:
            upsert_customer(
                session, reference=row.reference, name=row.name, phone=row.phone, now=now
            )
    else:
        session.execute(statement, list(_values(rows, keys, now)))
    updated = sum(1 for key in keys if key in existing)
    return len(rows) - updated, updated


def count_customers(session: Session) -> int:
    """How many customers are on file."""
    return session.scalar(select(func.count()).select_from(Customer)) or 0


def _upsert_statement(session: Session) -> Insert | None:
    table = Customer.__table__
    assert isinstance(table, Table)  # a declared class's table (typed as any FROM clause)
    insert = conflict_insert(session, table)
    if insert is None:
        return None
    new = insert.excluded
    return insert.on_conflict_do_update(
        index_elements=[table.c.reference_key],
        set_={
            "name": new.name,
            "name_key": new.name_key,
            "phone": new.phone,
            "updated_at": new.updated_at,
        },
    )


def _values(
    rows: Iterable[NewCustomer], keys: Iterable[str], now: datetime
) -> Iterable[dict[str, Any]]:
    for row, key in zip(rows, keys, strict=True):
        yield {
            "id": str(uuid.uuid4()),
            "reference": row.reference,
            "reference_key": key,
            "name": row.name,
            "name_key": name_key(row.name),
            "phone": row.phone,
            "created_at": now,
            "updated_at": now,
        }
