from datetime import UTC, datetime

from kiosk.store.customers import (
    count_customers,
    customer_by_reference,
    customers_by_phone,
    find_customers,
    upsert_customer,
)
from kiosk.store.database import Database

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def add(database: Database, reference: str, name: str, phone: str) -> None:
    with database.session() as db:
        upsert_customer(db, reference=reference, name=name, phone=phone, now=NOW)


def refs(database: Database, query: str) -> list[str]:
    with database.session() as db:
        return [c.reference for c in find_customers(db, query, region="IN")]


def test_find_by_reference_phone_or_name_prefix(database: Database) -> None:
    add(database, "ORDER-1", "Asha Verma", "+919812345678")
    add(database, "ORDER-2", "Ashok Rao", "+919822334455")
    add(database, "MEMBER-7", "Bala", "+919833445566")
    assert refs(database, "order-1") == ["ORDER-1"]
    assert refs(database, "(098123) 45678") == ["ORDER-1"]
    assert refs(database, "+91 98223 34455") == ["ORDER-2"]
    assert refs(database, "ash") == ["ORDER-1", "ORDER-2"]
    assert refs(database, "Verma") == []  # a prefix, not a substring
    assert refs(database, "") == []


def test_like_wildcards_in_a_query_are_literal(database: Database) -> None:
    add(database, "ORDER-1", "Asha Verma", "+919812345678")
    assert refs(database, "%") == []
    assert refs(database, "_sha") == []


def test_exact_reference_comes_first(database: Database) -> None:
    add(database, "ANU", "Anuradha", "+919812345678")
    add(database, "X-1", "Anu", "+919822334455")
    assert refs(database, "anu")[0] == "ANU"


def test_upsert_updates_by_reference(database: Database) -> None:
    add(database, "ORDER-1", "Asha Verma", "+919812345678")
    add(database, "order-1", "Asha V.", "+919899001122")
    with database.session() as db:
        assert count_customers(db) == 1
        customer = customer_by_reference(db, "ORDER-1")
        assert customer is not None
        assert (customer.name, customer.phone) == ("Asha V.", "+919899001122")
        assert [c.reference for c in customers_by_phone(db, "+919899001122")] == ["ORDER-1"]
