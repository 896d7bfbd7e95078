from datetime import UTC, datetime

import pytest
from sqlalchemy import event, text

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


def executed_queries(database: Database, query: str) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", remember)
    try:
        refs(database, query)
    finally:
        event.remove(database.engine, "before_cursor_execute", remember)
    return seen


@pytest.mark.parametrize("query", ["ORDER-1", "098123 45678", "ash", "Asha V"])
def test_every_lookup_is_an_index_search(database: Database, query: str) -> None:
    add(database, "ORDER-1", "Asha Verma", "+919812345678")
    queries = executed_queries(database, query)
    assert queries
    with database.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SET enable_seqscan = off"))  # tiny tables: ask for the index
        for statement, parameters in queries:
            explain = "EXPLAIN QUERY PLAN " if connection.dialect.name == "sqlite" else "EXPLAIN "
            plan = " | ".join(
                str(row[-1]) for row in connection.exec_driver_sql(explain + statement, parameters)
            )
            assert "SCAN customers" not in plan, plan  # SQLite: a full scan
            assert "Seq Scan" not in plan, plan  # PostgreSQL: a full scan
            assert "INDEX" in plan.upper(), plan
            assert "TEMP B-TREE" not in plan, plan  # no sort of all the matches
