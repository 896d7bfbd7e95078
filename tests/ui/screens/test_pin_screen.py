"""The PIN pad on a real database: unlocking, wrong PINs, the wait, and a restart that keeps it."""

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.core.staff_lock import StaffLock
from kiosk.domain.clock import SystemClock
from kiosk.domain.pin import check_pin, hash_pin
from kiosk.domain.pin_lock import PinPurpose
from kiosk.store.database import Database
from kiosk.store.models import StaffLockState
from kiosk.ui.background import BackgroundWork
from kiosk.ui.screens.pin_screen import PinScreen
from tests.ui.conftest import next_emission

STORED = hash_pin("250913")
Scenario = Callable[[PinScreen, BackgroundWork], Awaitable[None]]


def staff_lock(database: Database) -> StaffLock:
    check = lambda pin: check_pin(pin, STORED)  # noqa: E731
    return StaffLock(database, kiosk_id="counter-1", check=check, clock=SystemClock())


def run_with_screen(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    lock: StaffLock | None,
    scenario: Scenario,
    purpose: PinPurpose = PinPurpose.SETTINGS,
) -> None:
    async def opened() -> None:
        work = BackgroundWork()
        screen = PinScreen(lock, work)
        qtbot.addWidget(screen)
        screen.show()
        screen.ask(purpose)
        await work.finish()
        await scenario(screen, work)

    qloop.run_until_complete(opened())


async def type_pin(qtbot: QtBot, screen: PinScreen, work: BackgroundWork, pin: str) -> None:
    qtbot.keyClicks(screen.pin, pin)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    await work.finish()


def test_the_right_pin_typed_on_the_pad_unlocks_for_its_purpose(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database
) -> None:
    async def scenario(screen: PinScreen, work: BackgroundWork) -> None:
        assert screen.why.text() == "Enter the staff PIN to open the history."
        for digit in "250913":
            screen.keys[digit].click()
        assert screen.pin.echoMode() == screen.pin.EchoMode.Password
        unlocked = next_emission(screen.unlocked)
        screen.ok_key.click()
        assert await unlocked == (PinPurpose.HISTORY,)
        assert screen.pin.text() == ""

    run_with_screen(qtbot, qloop, staff_lock(database), scenario, PinPurpose.HISTORY)


def test_a_wrong_pin_says_how_many_tries_are_left(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database
) -> None:
    async def scenario(screen: PinScreen, work: BackgroundWork) -> None:
        unlocked: list[object] = []
        screen.unlocked.connect(unlocked.append)
        await type_pin(qtbot, screen, work, "111111")
        assert unlocked == []
        assert screen.message.text() == "Wrong PIN. Tries left before the pad waits: 4."
        assert screen.pin.text() == ""
        assert screen.ok_key.isEnabled()

    run_with_screen(qtbot, qloop, staff_lock(database), scenario)


def test_five_wrong_pins_lock_the_pad_with_a_countdown(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database
) -> None:
    async def scenario(screen: PinScreen, work: BackgroundWork) -> None:
        for _ in range(5):
            await type_pin(qtbot, screen, work, "000000")
        assert screen.waiting
        assert screen.message.text() == "Wrong PIN. Too many wrong tries. Try again in 0:30."
        assert not screen.ok_key.isEnabled()
        assert not screen.keys["2"].isEnabled()
        unlocked: list[object] = []
        screen.unlocked.connect(unlocked.append)
        screen.pin.setText("250913")
        screen.submit()  # even the right PIN waits
        await work.finish()
        assert unlocked == []

    run_with_screen(qtbot, qloop, staff_lock(database), scenario)


def test_restarting_the_app_keeps_the_lock(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database_url: str
) -> None:
    before = Database(database_url)
    before.migrate()

    async def fail_five_times(screen: PinScreen, work: BackgroundWork) -> None:
        for _ in range(5):
            await type_pin(qtbot, screen, work, "000000")
        assert screen.waiting

    run_with_screen(qtbot, qloop, staff_lock(before), fail_five_times)
    before.dispose()  # the kiosk is switched off and on again

    after = Database(database_url)
    after.migrate()

    async def still_waiting(screen: PinScreen, work: BackgroundWork) -> None:
        assert screen.waiting
        assert screen.message.text().startswith("Too many wrong tries. Try again in 0:")
        assert not screen.ok_key.isEnabled()

    run_with_screen(qtbot, qloop, staff_lock(after), still_waiting)
    after.dispose()


def test_when_the_wait_ends_the_pad_takes_a_pin_again(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database
) -> None:
    with database.session() as session:  # a wait that ends in a second
        now = datetime.now(UTC)
        session.add(
            StaffLockState(
                kiosk_id="counter-1",
                failures=5,
                locked_until=now + timedelta(seconds=1),
                updated_at=now,
            )
        )

    async def scenario(screen: PinScreen, work: BackgroundWork) -> None:
        assert screen.waiting
        qtbot.waitUntil(screen.ok_key.isEnabled, timeout=5000)
        assert screen.message.text() == "You can try again."
        unlocked = next_emission(screen.unlocked)
        await type_pin(qtbot, screen, work, "250913")
        assert await unlocked == (PinPurpose.SETTINGS,)

    run_with_screen(qtbot, qloop, staff_lock(database), scenario)


def test_back_leaves_without_unlocking(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database
) -> None:
    async def scenario(screen: PinScreen, _work: BackgroundWork) -> None:
        with qtbot.waitSignal(screen.cancelled):
            screen.cancel_button.click()

    run_with_screen(qtbot, qloop, staff_lock(database), scenario)


def test_without_a_configured_pin_the_pad_explains_how_to_set_one(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    async def scenario(screen: PinScreen, work: BackgroundWork) -> None:
        assert not screen.ok_key.isEnabled()
        assert not screen.pin.isEnabled()
        assert "missedcall-kiosk staff-pin" in screen.message.text()
        unlocked: list[object] = []
        screen.unlocked.connect(unlocked.append)
        screen.submit()
        await work.finish()
        assert unlocked == []
        with qtbot.waitSignal(screen.cancelled):
            screen.cancel_button.click()

    run_with_screen(qtbot, qloop, None, scenario)
