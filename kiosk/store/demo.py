"""Sample customers for demo mode: orders and members with plausible Indian numbers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.store.customers import count_customers, upsert_customer

SAMPLE_CUSTOMERS: tuple[tuple[str, str, str], ...] = (
    ("ORDER-1042", "Asha Verma", "+919812345678"),
    ("ORDER-1043", "Rahul Mehta", "+919822334455"),
    ("ORDER-1044", "Priya Nair", "+919833445566"),
    ("ORDER-1045", "Vikram Singh", "+919844556677"),
    ("ORDER-1046", "Fatima Sheikh", "+919855667788"),
    ("ORDER-1047", "Arjun Rao", "+919866778899"),
    ("ORDER-1048", "Meera Iyer", "+919877889900"),
    ("ORDER-1049", "Sanjay Gupta", "+919888990011"),
    ("ORDER-1050", "Neha Kapoor", "+919899001122"),
    ("ORDER-1051", "Imran Khan", "+917012345678"),
    ("ORDER-1052", "Kavya Reddy", "+917023456789"),
    ("ORDER-1053", "Rohan Das", "+917034567890"),
    ("MEMBER-2001", "Anita Joseph", "+918045671234"),
    ("MEMBER-2002", "Deepak Kumar", "+918123456789"),
    ("MEMBER-2003", "Lakshmi Menon", "+918234567890"),
    ("MEMBER-2004", "Gurpreet Kaur", "+916012345678"),
    ("MEMBER-2005", "Tenzin Dorje", "+916123456789"),
    ("MEMBER-2006", "Pooja Shah", "+916234567890"),
    ("MEMBER-2007", "Suresh Pillai", "+916345678901"),
    ("MEMBER-2008", "Emma Watson", "+447911123456"),
)


def sample_searches() -> list[str]:
    """What a first-time user can search for: an order number, a member number, a name."""
    order = next(ref for ref, _name, _phone in SAMPLE_CUSTOMERS if ref.startswith("ORDER-"))
    member = next(ref for ref, _name, _phone in SAMPLE_CUSTOMERS if ref.startswith("MEMBER-"))
    first_name = SAMPLE_CUSTOMERS[2][1].split()[0]
    return [order, member, first_name]


def seed_demo_customers(session: Session, now: datetime) -> int:
    """Add the sample customers if the table is empty; returns how many were added."""
    if count_customers(session):
        return 0
    for reference, name, phone in SAMPLE_CUSTOMERS:
        upsert_customer(session, reference=reference, name=name, phone=phone, now=now)
    return len(SAMPLE_CUSTOMERS)
