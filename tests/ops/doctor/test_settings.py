"""Doctor configuration checks: where settings come from, demo mode, typos, broken files."""

from __future__ import annotations

from pathlib import Path

from kiosk.config.settings import load_settings
from kiosk.core.staff_lock import pin_check
from kiosk.domain.pin import hash_pin
from kiosk.ops.doctor import Verdict, diagnose, run_checks
from tests.domain.test_pin import LEGACY_2468
from tests.ops.doctor.support import DIAL


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


async def test_kiosk_mode_without_a_staff_pin_fails(make_settings) -> None:
    locked_out = await run_checks(make_settings(modem_port="/dev/no-modem", kiosk_mode=True))
    check = locked_out.check("staff_pin")
    assert check.status is Verdict.FAIL
    assert "nobody can open the settings" in check.message
    assert not locked_out.ok
    guarded = await run_checks(
        make_settings(
            modem_port="/dev/no-modem", kiosk_mode=True, staff_pin_hash=hash_pin("250913")
        )
    )
    assert guarded.check("staff_pin").status is Verdict.OK
    assert (await run_checks(make_settings())).check("staff_pin").message == (
        "Demo mode: the staff PIN is 1234."
    )


async def test_an_old_four_digit_pin_hash_unlocks_but_the_doctor_asks_for_a_longer_pin(
    make_settings,
) -> None:
    settings = make_settings(
        modem_port="/dev/no-modem", kiosk_mode=True, staff_pin_hash=LEGACY_2468
    )
    assert pin_check(settings) is not None
    assert pin_check(settings)("2468")  # the installed kiosk does not go dark
    check = (await run_checks(settings)).check("staff_pin")
    assert check.status is Verdict.WARN
    assert "4 digits" in check.message
    assert "missedcall-kiosk staff-pin" in check.action
    assert "6 or more digits" in check.action
