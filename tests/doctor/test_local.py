"""Doctor checks of this machine: configuration, database, data folder, disk; the report."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy

from kiosk.config import load_settings
from kiosk.doctor import Verdict, diagnose, run_checks
from tests.doctor.support import DIAL


async def test_demo_mode_is_a_warning_not_a_failure(make_settings) -> None:
    report = await run_checks(make_settings())
    assert report.check("config").status is Verdict.WARN
    assert "DEMO mode" in report.check("config").message
    assert report.ok  # warnings only


async def test_a_missing_dial_number_is_a_warning(make_settings) -> None:
    report = await run_checks(make_settings(modem_port="/dev/no-such-modem"))
    config = report.check("config")
    assert config.status is Verdict.WARN
    assert "number customers dial is not set" in config.message


async def test_a_config_file_in_use_is_named(make_settings, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'dial_number = "{DIAL}"\nsource = "plivo"\n')
    report = await run_checks(load_settings(config), config_file=config)
    assert report.check("config").status is Verdict.OK
    assert report.check("config").message == f"Settings read from {config}."


async def test_misspelt_settings_are_named_with_a_suggestion(tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'dial_number = "{DIAL}"\nsource = "plivo"\nmodem_prot = "/dev/ttyUSB2"\n')
    monkeypatch.setenv("KIOSK_CALLBACK_SECERT", "x")
    report = await run_checks(load_settings(config), config_file=config)
    check = report.check("config")
    assert check.status is Verdict.WARN
    assert "'modem_prot' in the config file (did you mean modem_port?)" in check.message
    assert "KIOSK_CALLBACK_SECERT (did you mean callback_secret?)" in check.message


async def test_an_invalid_configuration_is_the_first_finding(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('timeout = "never"\n')
    report = await diagnose(lambda: load_settings(config), config_file=config)
    first = report.checks[0]
    assert (first.key, first.status) == ("config", Verdict.FAIL)
    assert first.message.startswith("Configuration problem in timeout")
    assert str(config) in (first.action or "")
    assert report.check("disk").status is Verdict.OK
    assert report.check("callback").status is Verdict.SKIPPED
    assert not report.ok


async def test_an_unreadable_config_file_is_explained(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("modem_port = \n")
    report = await diagnose(lambda: load_settings(config), config_file=config)
    assert report.checks[0].status is Verdict.FAIL
    assert report.checks[0].message.startswith("The config file cannot be read")


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


async def test_json_has_every_check(make_settings) -> None:
    report = await run_checks(make_settings())
    data = report.as_dict()
    assert data["ok"] is True
    assert [check["key"] for check in data["checks"]][:4] == [
        "config", "database", "data_dir", "disk",
    ]  # fmt: skip
    assert {check["status"] for check in data["checks"]} <= {"ok", "warn", "fail", "skipped"}
