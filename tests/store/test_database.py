import asyncio
import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from kiosk.store.database import Database
from kiosk.store.models import Customer

HEAD = "0006"


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
        "staff_lock",
        "staff_pin_events",
        "notification_keys",
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


def add_customer(db: Session, customer_id: str) -> str:
    now = datetime.now(UTC)
    db.add(Customer(id=customer_id, reference=customer_id, name="N", phone="+919812345678",
                    created_at=now, updated_at=now))  # fmt: skip
    return threading.current_thread().name


async def test_run_does_the_work_in_one_transaction_on_the_database_thread(
    database: Database,
) -> None:
    thread = await database.run(add_customer, "c4")
    assert thread.startswith("kiosk-database")
    assert thread != threading.current_thread().name  # not the event loop's
    with database.session() as db:
        assert db.get(Customer, "c4") is not None  # committed

    def add_then_crash(db: Session) -> None:
        add_customer(db, "c5")
        db.flush()
        raise RuntimeError("crash mid-write")

    with pytest.raises(RuntimeError, match="crash mid-write"):
        await database.run(add_then_crash)
    with database.session() as db:
        assert db.get(Customer, "c5") is None  # rolled back


async def test_run_does_the_work_in_the_order_asked(database: Database) -> None:
    done: list[int] = []

    def note(_db: Session, index: int) -> None:
        done.append(index)

    await asyncio.gather(*(database.run(note, index) for index in range(20)))
    assert done == list(range(20))


async def test_work_asked_for_is_finished_even_when_its_caller_stops_waiting(
    database: Database,
) -> None:
    started, release = threading.Event(), threading.Event()

    def add_when_released(db: Session) -> None:
        started.set()
        release.wait(5)
        add_customer(db, "c6")

    waiting = asyncio.create_task(database.run(add_when_released))
    assert await asyncio.to_thread(started.wait, 5)
    waiting.cancel()  # e.g. the kiosk is stopping
    release.set()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    database.dispose()  # waits for the work under way
    with database.session() as db:
        assert db.get(Customer, "c6") is not None  # the transaction was not cut in half
