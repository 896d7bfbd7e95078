"""Doctor storage checks: database schema, waiting results, data folder, disk space."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy

from kiosk.ops.doctor import Verdict, run_checks
from kiosk.store import outbox
from tests.delivery.test_dispatcher import queue_outcome


async def test_a_migrated_database_is_up_to_date(make_settings, database) -> None:
    report = await run_checks(make_settings())
    assert report.check("database").status is Verdict.OK
    assert report.check("database").message.startswith("Reachable and up to date")


async def test_a_database_not_created_yet_is_fine(make_settings, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'later' / 'kiosk.sqlite3'}"
    report = await run_checks(make_settings(database_url=url))
    assert report.check("database").status is Verdict.OK
    assert "creates it when it first starts" in report.check("database").message


async def test_a_database_from_a_newer_kiosk_fails(make_settings, database) -> None:
    with database.engine.begin() as connection:
        connection.execute(sqlalchemy.text("UPDATE alembic_version SET version_num = '9999'"))
    report = await run_checks(make_settings())
    check = report.check("database")
    assert check.status is Verdict.FAIL
    assert "newer version of the kiosk (schema 9999)" in check.message


async def test_an_older_schema_is_upgraded_at_start(make_settings, database) -> None:
    with database.engine.begin() as connection:
        connection.execute(sqlalchemy.text("UPDATE alembic_version SET version_num = '0001'"))
    report = await run_checks(make_settings())
    check = report.check("database")
    assert check.status is Verdict.WARN
    assert "older than this app's" in check.message


async def test_an_empty_database_is_a_warning(make_settings, database_url: str) -> None:
    engine = sqlalchemy.create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(sqlalchemy.text("CREATE TABLE unrelated (id INTEGER)"))
    engine.dispose()
    report = await run_checks(make_settings())
    assert report.check("database").status is Verdict.WARN
    assert "empty" in report.check("database").message


async def test_an_unreachable_database_fails_without_its_password(make_settings) -> None:
    url = "postgresql+psycopg://kiosk:hunter22@127.0.0.1:9/kiosk"
    report = await run_checks(make_settings(database_url=url))
    check = report.check("database")
    assert check.status is Verdict.FAIL
    assert "hunter22" not in check.message


async def test_a_data_folder_that_cannot_be_written_fails(make_settings, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    report = await run_checks(make_settings(log_dir=str(blocker / "log")))
    check = report.check("data_dir")
    assert check.status is Verdict.FAIL
    assert f"Cannot write to {blocker / 'log'}" in check.message
    assert "chown" in (check.action or "")


async def test_disk_space_is_reported(make_settings) -> None:
    check = (await run_checks(make_settings())).check("disk")
    assert check.status in (Verdict.OK, Verdict.WARN)
    assert "GB free on the disk that holds" in check.message


async def test_results_waiting_for_the_backend_are_counted(make_settings, database) -> None:
    assert (await run_checks(make_settings())).check("outbox").status is Verdict.OK
    message = queue_outcome(database)
    with database.session() as session:
        outbox.mark_failed(
            session,
            message.id,
            error="The backend answered 401 Unauthorized.",
            retry_at=datetime.now(UTC) + timedelta(minutes=5),
        )
    check = (await run_checks(make_settings())).check("outbox")
    assert check.status is Verdict.WARN
    assert check.message.startswith("1 result not yet sent, the oldest since ")
    assert check.message.endswith("Last problem: The backend answered 401 Unauthorized.")
    assert "outbox retry" in (check.action or "")


async def test_no_database_means_nothing_waits(make_settings, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'later' / 'kiosk.sqlite3'}"
    check = (await run_checks(make_settings(database_url=url))).check("outbox")
    assert check.status is Verdict.SKIPPED
