"""Site checks for installers: is everything this kiosk needs in place, and if not, what to do.

:func:`diagnose` runs every check and returns a :class:`DoctorReport`: one
:class:`Check` per item (configuration, database, data folder, disk space, modem, SIM,
network, signal, caller ID, provider accounts, callback URL, clock), each ``ok``,
``warn``, ``fail`` or ``skipped`` with a message an installer understands and what to do
about it. The ``doctor`` command prints it; the GUI and the diagnostics bundle call it
too. No Qt here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from kiosk.config.paths import config_path
from kiosk.config.settings import Settings, describe_settings_error
from kiosk.domain.clock import Clock, SystemClock
from kiosk.ops.doctor.modem import check_modem, modem_in_use
from kiosk.ops.doctor.remote import (
    ServerDates,
    check_callback,
    check_clock,
    check_providers,
)
from kiosk.ops.doctor.report import Check, DoctorReport, Verdict
from kiosk.ops.doctor.settings import check_config, check_staff_lock
from kiosk.ops.doctor.storage import (
    check_data_dir,
    check_database,
    check_disk_space,
    check_outbox,
)

__all__ = ["Check", "DoctorReport", "Verdict", "diagnose", "run_checks"]


async def diagnose(
    load: Callable[[], Settings],
    *,
    config_file: Path | str | None = None,
    clock: Clock | None = None,
    probe_modem: bool = True,
) -> DoctorReport:
    """Run every check; ``load`` reads the settings (a failure there is the first finding).

    ``probe_modem`` is off where the running kiosk holds the modem (the GUI): the modem
    is then not opened a second time. ``clock`` is the kiosk's own time (injectable).
    """
    clock = clock or SystemClock()
    try:
        settings = load()
    except ValidationError as exc:
        return _without_settings("; ".join(describe_settings_error(exc)), config_file)
    except (OSError, ValueError) as exc:
        return _without_settings(f"The config file cannot be read: {exc}", config_file)
    return await run_checks(settings, config_file=config_file, clock=clock, probe_modem=probe_modem)


async def run_checks(
    settings: Settings,
    *,
    config_file: Path | str | None = None,
    clock: Clock | None = None,
    probe_modem: bool = True,
) -> DoctorReport:
    """Every check for valid ``settings`` (see :func:`diagnose`)."""
    clock = clock or SystemClock()
    dates = ServerDates()
    database, waiting, modem, providers, callback = await asyncio.gather(
        asyncio.to_thread(check_database, settings),
        asyncio.to_thread(check_outbox, settings),
        check_modem(settings) if probe_modem else modem_in_use(),
        check_providers(settings, dates, clock),
        check_callback(settings, dates, clock),
    )
    checks = [
        check_config(settings, config_file),
        check_staff_lock(settings),
        database,
        check_data_dir(settings),
        check_disk_space(settings),
        *modem,
        *providers,
        callback,
        waiting,
        await check_clock(dates),
    ]
    return DoctorReport(checks, clock.now())


def _without_settings(problem: str, config_file: Path | str | None) -> DoctorReport:
    path = config_path(config_file)
    checks = [
        Check(
            "config",
            "Configuration",
            Verdict.FAIL,
            problem,
            f"Correct {path} (or the KIOSK_* setting named), then run the doctor again.",
        ),
        check_data_dir(None),
        check_disk_space(None),
    ]
    skipped = "Needs a valid configuration first."
    for key, title in (
        ("database", "Database"),
        ("callback", "Callback URL"),
        ("outbox", "Results waiting"),
    ):
        checks.append(Check(key, title, Verdict.SKIPPED, skipped))
    return DoctorReport(checks)
