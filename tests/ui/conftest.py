import asyncio
from collections.abc import AsyncIterator, Awaitable, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
import qasync
from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

import kiosk.ui  # noqa: F401 - selects the Qt binding for qasync
from kiosk.config.settings import Settings
from kiosk.core.runtime import KioskRuntime
from kiosk.ui.launch import build_main_window
from kiosk.ui.main_window import MainWindow


@pytest.fixture(scope="session")
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """One qasync event loop for the session: asyncio and Qt events run together.

    qasync does not cope with a second loop on the same QApplication, so tests share one.
    """
    loop = qasync.QEventLoop(qapp)
    yield loop
    loop.close()


@pytest.fixture
def windows_may_close(qapp: QApplication) -> Iterator[None]:
    """Closing the last window must not stop the shared event loop during a test."""
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(True)


def next_emission(signal: SignalInstance) -> Awaitable[tuple[Any, ...]]:
    """Start listening to ``signal`` now; await the result (at most 10 s) for its arguments.

    Connecting before the action that emits matters: Qt emits synchronously.
    """
    future: asyncio.Future[tuple[Any, ...]] = asyncio.get_running_loop().create_future()

    def catch(*args: Any) -> None:
        if not future.done():
            future.set_result(args)

    signal.connect(catch)
    future.add_done_callback(lambda _: signal.disconnect(catch))
    return asyncio.wait_for(future, 10)


@asynccontextmanager
async def kiosk_window(
    qtbot: QtBot, settings: Settings
) -> AsyncIterator[tuple[MainWindow, KioskRuntime]]:
    """A started runtime and its main window, shown (closed by qtbot afterwards)."""
    async with KioskRuntime(settings) as runtime:
        window = build_main_window(runtime)
        qtbot.addWidget(window)
        window.show()
        yield window, runtime


def demo_button(window: MainWindow, text: str) -> QPushButton:
    """One of the dial screen's demo buttons (demo mode), by its text."""
    assert window.dial_screen.demo_bar is not None
    [button] = [
        b for b in window.dial_screen.demo_bar.findChildren(QPushButton) if b.text() == text
    ]
    return button
