"""Upgrading a database made by an earlier version, backups, and refusing newer schemas."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from kiosk.app import main
from kiosk.store.customers import find_customers
from kiosk.store.database import Database, SchemaTooNew, alembic_config

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
HEAD = "0006"


def at_revision(database: Database, revision: str) -> None:
    with database.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def revision_of(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return connection.execute(text("select version_num from alembic_version")).scalar()


@pytest.fixture
def first_schema(database_url: str):
    database = Database(database_url)
    at_revision(database, "0001")
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "insert into customers (id, reference, name, phone, created_at, updated_at) "
                "values ('c1', 'Order-7', '  ÁSHA   Verma', '+919812345678', :now, :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "insert into outbox (id, event_type, payload, created_at, attempts, "
                "next_attempt_at, kiosk_id) values ('msg_1', 'verification.completed', '{}', "
                ":now, 0, :now, 'counter-1')"
            ),
            {"now": NOW},
        )
    yield database
    database.dispose()


def test_a_first_schema_database_is_migrated_with_its_data(first_schema: Database) -> None:
    backup = first_schema.migrate()
    assert revision_of(first_schema) == HEAD
    with first_schema.session() as session:
        found = find_customers(session, "order-7", region="IN")
        assert [(c.reference, c.reference_key, c.name_key) for c in found] == [
            ("Order-7", "ORDER-7", "ásha verma")
        ]
        assert [c.reference for c in find_customers(session, "Ásh", region="IN")] == ["Order-7"]
        pending = session.execute(text("select id, claimed_by from outbox")).all()
        assert [tuple(row) for row in pending] == [("msg_1", None)]
    if first_schema.engine.dialect.name == "sqlite":
        assert backup is not None
        assert backup.name.startswith("kiosk.sqlite3.before-upgrade-0001-")
        copy = Database(f"sqlite:///{backup}")
        assert revision_of(copy) == "0001"  # the backup is the database as it was
        copy.dispose()
    else:
        assert backup is None  # a PostgreSQL server is backed up by its administrator


def test_no_backup_when_nothing_is_to_migrate(database: Database, tmp_path: Path) -> None:
    assert database.migrate() is None
    assert not list(tmp_path.glob("*.before-upgrade-*"))


def test_a_new_database_gets_no_backup(database_url: str, tmp_path: Path) -> None:
    database = Database(database_url)
    assert database.migrate() is None
    database.dispose()
    assert not list(tmp_path.glob("*.before-upgrade-*"))


def test_a_newer_schema_is_refused_and_left_alone(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("update alembic_version set version_num = '0099'"))
    with pytest.raises(SchemaTooNew, match="newer version of missedcall-kiosk") as refused:
        database.migrate()
    assert "0099" in str(refused.value)
    assert revision_of(database) == "0099"


def test_the_command_line_refuses_a_newer_schema_with_exit_2(
    database: Database, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("update alembic_version set version_num = '0099'"))
    assert main(["customers", "find", "x", "--database-url", database_url]) == 2
    assert "set up by a newer version" in capsys.readouterr().err


def test_downgrade_to_the_first_schema_and_back(database: Database) -> None:
    at_revision(database, "head")
    with database.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert revision_of(database) == "0001"
    database.migrate()
    assert revision_of(database) == HEAD
