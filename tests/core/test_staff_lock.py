"""The staff lock on a real database: wrong PINs count, lock, log, and survive a restart."""

import logging
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.config.settings import load_settings
from kiosk.core.staff_lock import StaffLock, pin_check
from kiosk.domain.pin import DEMO_PIN, check_pin, hash_pin
from kiosk.domain.pin_lock import PinOutcome, PinPurpose
from kiosk.store.database import Database
from tests.core.conftest import ManualClock

STORED = hash_pin("250913")
T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def make_lock(database: Database, clock: ManualClock) -> StaffLock:
    return StaffLock(
        database, kiosk_id="counter-1", check=lambda pin: check_pin(pin, STORED), clock=clock
    )


def test_configured_pin_hash_wins_over_the_demo_pin() -> None:
    check = pin_check(load_settings(demo=True, staff_pin_hash=hash_pin("975318")))
    assert check is not None
    assert check("975318")
    assert not check(DEMO_PIN)


def test_demo_mode_has_a_documented_default_pin_and_real_kiosks_none() -> None:
    demo = pin_check(load_settings(demo=True))
    assert demo is not None
    assert demo(DEMO_PIN)
    assert not demo("0000")
    assert pin_check(load_settings(modem_port="/dev/ttyUSB2")) is None


async def test_a_locked_pad_refuses_even_the_right_pin(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    clock = ManualClock(T0)
    lock = make_lock(database, clock)
    with caplog.at_level(logging.WARNING, logger="kiosk.staff"):
        for _ in range(5):
            answer = await lock.try_pin("111111", PinPurpose.SETTINGS)
    assert answer.outcome is PinOutcome.WRONG
    assert answer.wait == timedelta(seconds=30)
    assert len([r for r in caplog.records if "Wrong staff PIN" in r.getMessage()]) == 5
    assert "111111" not in caplog.text  # never the PIN itself
    assert "(5 in a row); the pad waits until 10:00:30 UTC" in caplog.text
    locked = await lock.try_pin("250913", PinPurpose.SETTINGS)
    assert locked.outcome is PinOutcome.LOCKED
    clock.current = T0 + timedelta(seconds=31)
    assert (await lock.try_pin("250913", PinPurpose.SETTINGS)).outcome is PinOutcome.ACCEPTED


async def test_restarting_the_app_keeps_the_lock(database_url: str) -> None:
    clock = ManualClock(T0)
    first = Database(database_url)
    first.migrate()
    for _ in range(5):
        await make_lock(first, clock).try_pin("000000", PinPurpose.HISTORY)
    clock.current = T0 + timedelta(seconds=31)  # the first wait is over; one more wrong PIN
    await make_lock(first, clock).try_pin("000000", PinPurpose.HISTORY)
    first.dispose()  # the kiosk stops (a power cut, a restart)

    clock.current = T0 + timedelta(seconds=51)
    again = Database(database_url)
    again.migrate()
    lock = make_lock(again, clock)
    state = await lock.state()
    assert state.outcome is PinOutcome.LOCKED
    assert state.failures == 6
    assert state.wait == timedelta(seconds=40)  # the 6th wrong PIN locked for a minute
    assert (await lock.try_pin("250913", PinPurpose.HISTORY)).outcome is PinOutcome.LOCKED
    again.dispose()


async def test_without_a_pin_nothing_unlocks(database: Database) -> None:
    lock = StaffLock(database, kiosk_id="k", check=None, clock=ManualClock(T0))
    assert not lock.has_pin
    assert (await lock.try_pin(DEMO_PIN, PinPurpose.SETTINGS)).outcome is PinOutcome.WRONG
