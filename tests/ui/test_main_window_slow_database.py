"""The main window over a database that takes 500 ms per statement: the screen keeps living.

The slowness is the server's (tests/slow_database.py): a statement run on the GUI
thread would freeze it for as long. The countdown ring repaints ten times a second;
its paints are counted while a save is in flight.
"""

import asyncio
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.main_window import MainWindow
from tests.slow_database import slow_statements
from tests.ui.conftest import demo_button, kiosk_window, next_emission

#: The ring repaints every 100 ms; a busy machine may drop some frames, a frozen one all.
RING_FRAMES_PER_SECOND = 10
LEAST_SHARE_PAINTED = 0.6


class EventTimes(QObject):
    """Notes when ``widget`` gets an event of one ``kind`` (painted, shown, ...)."""

    def __init__(self, widget: QWidget, kind: QEvent.Type) -> None:
        super().__init__(widget)
        self.kind = kind
        self.times: list[float] = []
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == self.kind:
            self.times.append(time.monotonic())
        return False

    def between(self, start: float, end: float) -> int:
        return sum(start <= moment <= end for moment in self.times)


async def assert_ring_paints_while(
    window: MainWindow, paints: EventTimes, action: Callable[[], None]
) -> tuple[float, float]:
    """Do ``action`` (which saves) and wait until the dial screen shows the change."""
    changed = next_emission(window.bridge.session_changed)
    start = time.monotonic()
    action()
    await changed
    end = time.monotonic()
    assert end - start >= 0.9  # the save waited for the slow server ...
    frames = RING_FRAMES_PER_SECOND * (end - start)
    assert paints.between(start, end) >= LEAST_SHARE_PAINTED * frames  # ... the ring did not
    return start, end


def test_the_countdown_ring_keeps_painting_while_a_save_waits_for_the_database(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    async def scenario() -> None:
        async with kiosk_window(qtbot, make_settings(demo=True)) as (window, runtime):
            assert runtime.simulator is not None
            async with asyncio.timeout(10):
                await runtime.simulator.caller_id_enabled.wait()
            await runtime.service.start_for_reference("ORDER-1042")
            dial = window.dial_screen
            paints = EventTimes(dial.countdown, QEvent.Type.Paint)
            busy_shown = EventTimes(dial.busy, QEvent.Type.Show)
            with slow_statements(runtime.database) as server:
                # More time: the session is saved again.
                start, end = await assert_ring_paints_while(
                    window, paints, dial.extend_button.click
                )
                assert busy_shown.between(start, end) == 1  # a wait long enough to say so
                await window.finish_work()
                assert not dial.busy.isVisible()
                assert dial.extend_button.isEnabled()
                # A call from another phone: the call and the hint are saved.
                other = demo_button(window, "Simulate call from another phone")
                await assert_ring_paints_while(window, paints, other.click)
                assert "different number" in dial.hint.text()
            assert {thread.split("_")[0] for thread in server.threads} == {"kiosk-database"}

    qloop.run_until_complete(scenario())
