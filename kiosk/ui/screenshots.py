"""Render every screen offscreen to PNG files (``make screenshots``), from a demo run.

Usage: ``python -m kiosk.ui.screenshots OUTPUT_DIR``. Uses a throwaway database, with
a past week of verifications run through the service on a shifted clock, so the
report has days to draw.
Every screen is saved at 800×480, 1920×1080, 720×400 and 480×800 (portrait), in
English and in Hindi, as
``<n>-<screen>-<language>-<width>x<height>.png``.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import qasync
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from kiosk.config.settings import Settings, load_settings
from kiosk.core.runtime import KioskRuntime
from kiosk.domain.events import CallEvent
from kiosk.domain.health import SourceState
from kiosk.domain.pin import DEMO_PIN
from kiosk.ui.i18n import LANGUAGE_NAMES, Languages
from kiosk.ui.launch import build_main_window, create_application
from kiosk.ui.main_window import MainWindow

SIZES = (QSize(800, 480), QSize(1920, 1080), QSize(720, 400), QSize(480, 800))
#: The past week as the screenshots' report shows it: (verified, not verified) per day,
#: six days ago first.
PAST_WEEK = ((5, 1), (7, 2), (4, 0), (8, 3), (6, 1), (9, 2))
_REFERENCES = ("ORDER-1044", "ORDER-1045", "ORDER-1046", "MEMBER-2002", "MEMBER-2003")


class ShiftedClock:
    """The wall clock moved by :attr:`offset` (to run sessions on past days)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def now(self) -> datetime:
        """The shifted time, in UTC."""
        return datetime.now(UTC) + self.offset


async def run_past_week(settings: Settings) -> None:
    """Verify and cancel sessions on each of the past six days, through the service.

    A kiosk of its own, on a shifted clock, that sends nothing: the kiosk started
    next sends the results, signed at the right time.
    """
    clock = ShiftedClock()
    async with KioskRuntime(settings, clock=clock) as runtime:
        runtime.dispatcher.reconfigure(url=None, secret=None)
        await _sessions_on_past_days(runtime, clock)


async def _sessions_on_past_days(runtime: KioskRuntime, clock: ShiftedClock) -> None:
    service = runtime.service
    for days_ago, (verified, not_verified) in zip(range(6, 0, -1), PAST_WEEK, strict=True):
        for index in range(verified + not_verified):
            clock.offset = -timedelta(days=days_ago, hours=index % 5)
            session = await service.start_for_reference(_REFERENCES[index % len(_REFERENCES)])
            if index < verified:
                phone = session.expected_number
                heard = clock.now() + timedelta(seconds=12 + 5 * index)
                call = CallEvent(phone, phone, heard, "simulator", dialed=session.dialed_number)
                await service.call_heard(call)
            else:
                await service.cancel(session.id)


def file_name(screen: str, language: str, size: QSize) -> str:
    """The PNG name of one screen in one language at one size."""
    return f"{screen}-{language}-{size.width()}x{size.height()}.png"


async def _ready(window: MainWindow) -> None:
    """Wait until the status strip says the (simulated) modem is ready."""
    ready = asyncio.Event()
    window.bridge.source_status.connect(
        lambda status: ready.set() if status.state is SourceState.READY else None
    )
    if not any(s.state is SourceState.READY for s in window.status_strip.sources):
        await asyncio.wait_for(ready.wait(), 15)


async def _all_sent(window: MainWindow, runtime: KioskRuntime) -> None:
    """Wait until the past week's results have reached the demo backend (the strip says so)."""
    sent = asyncio.Event()
    window.bridge.outbox_status.connect(lambda status: sent.set() if not status.pending else None)
    if (await runtime.dispatcher.status()).pending:
        await asyncio.wait_for(sent.wait(), 30)


async def _save(widget: QWidget, out: Path, name: str, language: str) -> None:
    for size in SIZES:
        for _attempt in range(5):  # a larger window's scaled-up style may hold it back
            widget.resize(size)  # until it is restyled for the smaller size
            await asyncio.sleep(0.1)
            if widget.size() == size:
                break
        await asyncio.sleep(0.2)  # let Qt lay out and paint at the new size
        if widget.size() != size:
            raise RuntimeError(f"{name} does not fit {size.width()}x{size.height()}")
        path = out / file_name(name, language, size)
        QWidget.grab(widget).save(str(path))
        print(path)


async def visit_screens(
    window: MainWindow, runtime: KioskRuntime, language: str
) -> AsyncIterator[tuple[str, QWidget]]:
    """Put a demo kiosk into each screen in turn; yields the screen's name and its window.

    The caller looks at (or photographs) each one before asking for the next.
    """
    simulator = runtime.simulator
    assert simulator is not None
    window.staff_language = language
    window.languages.switch(language)
    window.show_find()
    yield "13-find-empty", window

    window.find_screen.search.setText("R")
    window.find_screen.search_button.click()
    await window.finish_work()
    yield "1-find", window

    session = await runtime.service.start_for_reference("ORDER-1042")
    hinted = asyncio.Event()
    window.bridge.session_changed.connect(lambda _session: hinted.set())
    await simulator.ring("+919900011122", rings=1, interval=0.2)
    await asyncio.wait_for(hinted.wait(), 10)
    yield "2-dial", window
    assert window.customer_window is not None
    window.customer_window.show()
    yield "10-customer-screen", window.customer_window
    window.customer_window.hide()

    window.send_code(session.id)
    await window.finish_work()
    for digit in "123450":  # a wrong code, so the answer shows too
        window.code_screen.pad.keys[digit].click()
    window.code_screen.pad.ok_key.click()
    await window.finish_work()
    yield "11-sms-code", window
    window.code_screen.back_button.click()

    await simulator.ring(session.expected_number, rings=1, interval=0.2)
    await runtime.service.outcome(session.id)
    yield "3-result-verified", window

    window.show_find()
    other = await runtime.service.start_for_reference("ORDER-1043")
    await runtime.service.cancel(other.id)
    yield "4-result-not-verified", window

    window.show_history()
    await window.finish_work()
    yield "5-history", window
    assert window.history_screen is not None
    first = window.history_screen.list.item(window.history_screen.list.count() - 1)
    window.history_screen.list.itemActivated.emit(first)
    await window.finish_work()
    yield "6-history-detail", window
    window.show_report()
    await window.finish_work()
    yield "12-report", window

    window.show_status_details()
    yield "7-status-details", window

    window.ask_pin()
    await window.finish_work()
    window.pin_screen.pin.setText(DEMO_PIN[:2])
    yield "8-staff-pin", window
    window.pin_screen.pin.setText(DEMO_PIN)
    window.pin_screen.submit()
    await window.finish_work()
    yield "9-settings", window


@asynccontextmanager
async def demo_kiosk(data_dir: str) -> AsyncIterator[tuple[MainWindow, KioskRuntime]]:
    """A running demo kiosk with its main and customer windows, ready for :func:`visit_screens`."""
    settings = load_settings(
        demo=True,
        database_url=f"sqlite:///{data_dir}/kiosk.sqlite3",
        result_seconds=0,
        customer_screen=True,
        kiosk_id="counter-1",
    )
    await run_past_week(settings)
    async with KioskRuntime(settings) as runtime:
        window = build_main_window(runtime, languages=Languages("en"))
        window.show()
        simulator = runtime.simulator
        assert simulator is not None
        await asyncio.wait_for(simulator.caller_id_enabled.wait(), 10)
        await _ready(window)
        await _all_sent(window, runtime)
        try:
            yield window, runtime
        finally:
            window.leave()


async def render(out: Path) -> None:
    """Drive a demo session through every screen, in each language, and save each one."""
    with tempfile.TemporaryDirectory() as data:
        async with demo_kiosk(data) as (window, runtime):
            for language in LANGUAGE_NAMES:
                async for name, shown in visit_screens(window, runtime, language):
                    await _save(shown, out, name, language)


def main() -> int:
    """Write the screenshots into the folder named on the command line."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    app = create_application()
    app.setQuitOnLastWindowClosed(False)
    qasync.run(render(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
