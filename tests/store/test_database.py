from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import StatementError

from kiosk.store.database import Database
from kiosk.store.models import Customer

HEAD = "0004"


def test_migrate_creates_every_table_and_is_repeatable(database: Database) -> None:
    database.migrate()  # a second run changes nothing
    tables = set(inspect(database.engine).get_table_names())
    assert {
        "customers",
        "verifications",
        "calls",
        "outbox",
        "sms_codes",
        "customer_imports",
        "sync_state",
        "alembic_version",
    } <= tables
    with database.engine.connect() as connection:
        assert connection.execute(text("select version_num from alembic_version")).scalar() == HEAD


def test_sqlite_runs_in_wal_mode_with_foreign_keys(database: Database) -> None:
    if database.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with database.engine.connect() as connection:
        assert connection.execute(text("pragma journal_mode")).scalar() == "wal"
        assert connection.execute(text("pragma foreign_keys")).scalar() == 1


def test_times_come_back_as_utc(database: Database) -> None:
    local = datetime(2026, 11, 26, 15, 45, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    with database.session() as db:
        db.add(Customer(id="c1", reference="R1", name="N", phone="+919812345678",
                        created_at=local, updated_at=local))  # fmt: skip
    with database.session() as db:
        stored = db.get(Customer, "c1")
        assert stored is not None
        assert stored.created_at == datetime(2026, 11, 26, 10, 15, tzinfo=UTC)
        assert stored.created_at.tzinfo is UTC


def test_naive_times_are_refused(database: Database) -> None:
    naive = datetime(2026, 11, 26, 10, 0)
    with pytest.raises(StatementError, match="naive datetime"), database.session() as db:
        db.add(Customer(id="c2", reference="R2", name="N", phone="+919812345678",
                        created_at=naive, updated_at=naive))  # fmt: skip


def test_a_failed_transaction_leaves_nothing(database: Database) -> None:
    now = datetime.now(UTC)

    def write_then_crash() -> None:
        with database.session() as db:
            db.add(Customer(id="c3", reference="R3", name="N", phone="+919812345678",
                            created_at=now, updated_at=now))  # fmt: skip
            db.flush()
            raise RuntimeError("crash mid-write")

    with pytest.raises(RuntimeError):
        write_then_crash()
    with database.session() as db:
        assert db.get(Customer, "c3") is None


def test_the_data_directory_is_created(tmp_path) -> None:
    target = tmp_path / "deep" / "er" / "kiosk.sqlite3"
    database = Database(f"sqlite:///{target}")
    database.migrate()
    database.dispose()
    assert target.exists()


def test_a_plain_postgresql_url_uses_psycopg_3() -> None:
    database = Database("postgresql://kiosk@db.example/kiosk")  # nothing is connected yet
    assert database.engine.dialect.driver == "psycopg"
    database.dispose()


def test_a_missing_driver_is_explained() -> None:
    with pytest.raises(RuntimeError, match="driver for mysql is not installed"):
        Database("mysql://kiosk@db.example/kiosk")
