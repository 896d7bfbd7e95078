"""Customer queries: lookup by reference, phone (any format) or name prefix, and upsert."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kiosk.domain.phone import try_parse_phone
from kiosk.store.models import Customer


def find_customers(
    session: Session, text: str, *, region: str, limit: int = 20
) -> Sequence[Customer]:
    """Customers matching ``text``, exact matches first.

    ``text`` may be a reference, a phone number in any format, or a name prefix.
    """
    query = text.strip()
    if not query:
        return []
    conditions = [func.upper(Customer.reference) == query.upper()]
    phone = try_parse_phone(query, region)
    if phone:
        conditions.append(Customer.phone == phone)
    if not query.lstrip("+").replace(" ", "").isdigit():
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(Customer.name.ilike(f"{escaped}%", escape="\\"))
    statement = select(Customer).where(or_(*conditions)).order_by(Customer.name).limit(limit)
    found = list(session.scalars(statement))
    found.sort(key=lambda c: c.reference.upper() != query.upper() and c.phone != phone)
    return found


def customer_by_reference(session: Session, reference: str) -> Customer | None:
    """The customer with exactly this reference (case-insensitive), if any."""
    statement = select(Customer).where(func.upper(Customer.reference) == reference.upper())
    return session.scalars(statement).first()


def customers_by_phone(session: Session, phone_e164: str) -> Sequence[Customer]:
    """Every customer on file with this E.164 number."""
    return list(session.scalars(select(Customer).where(Customer.phone == phone_e164)))


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


def count_customers(session: Session) -> int:
    """How many customers are on file."""
    return session.scalar(select(func.count()).select_from(Customer)) or 0
