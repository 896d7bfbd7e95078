"""The GUI end to end: find → dial → simulated call → result → signed callback."""

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.domain.session import Status
from kiosk.runtime import KioskRuntime
from kiosk.ui.launch import build_main_window
from kiosk.ui.main_window import MainWindow
from tests.merchant_backend import SECRET, MerchantBackend
from tests.ui.conftest import next_emission


def demo_button(window: MainWindow, text: str) -> QPushButton:
    assert window.dial_screen.demo_bar is not None
    [button] = [
        b for b in window.dial_screen.demo_bar.findChildren(QPushButton) if b.text() == text
    ]
    return button


def test_find_dial_call_result_and_callback(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings, backend: MerchantBackend
) -> None:
    settings = make_settings(
        demo=True, callback_url=backend.url, callback_secret=SECRET, result_seconds=0
    )

    async def scenario() -> None:
        async with KioskRuntime(settings) as runtime:
            window = build_main_window(runtime)
            qtbot.addWidget(window)
            window.show()
            assert runtime.simulator is not None
            async with asyncio.timeout(10):
                await runtime.simulator.caller_id_enabled.wait()

            qtbot.keyClicks(window.find_screen.search, "ORDER-1042")
            started = next_emission(window.bridge.session_started)
            qtbot.keyClick(window.find_screen.search, Qt.Key.Key_Return)
            (session,) = await started
            assert window.stack.currentWidget() is window.dial_screen
            assert "ending 5678" in window.dial_screen.who.text()
            assert window.dial_screen.number.text() == "080000 00001"

            changed = next_emission(window.bridge.session_changed)
            demo_button(window, "Simulate call from another phone").click()
            await changed
            assert window.dial_screen.hint.isVisibleTo(window)
            assert "different number" in window.dial_screen.hint.text()

            finished = next_emission(window.bridge.session_finished)
            demo_button(window, "Simulate call from this phone").click()
            (final,) = await finished
            assert final.status is Status.VERIFIED
            assert window.stack.currentWidget() is window.result_screen
            assert window.result_screen.headline.text() == "Verified"
            assert "Asha Verma" in window.result_screen.who.text()
            assert "ORDER-1042" in window.result_screen.who.text()

            async with asyncio.timeout(10):
                [delivery] = await backend.wait_for(1)
            assert delivery.signature_ok
            assert delivery.payload["data"]["verification_id"] == session.id
            assert delivery.payload["data"]["status"] == "verified"
            assert delivery.payload["data"]["unmatched_calls"] == 1

            window.result_screen.done_button.click()
            assert window.stack.currentWidget() is window.find_screen
            assert window.find_screen.search.text() == ""

    qloop.run_until_complete(scenario())


def test_cancel_shows_not_verified_and_sends_cancelled(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings, backend: MerchantBackend
) -> None:
    settings = make_settings(demo=True, callback_url=backend.url, callback_secret=SECRET)

    async def scenario() -> None:
        async with KioskRuntime(settings) as runtime:
            window = build_main_window(runtime)
            qtbot.addWidget(window)
            window.find_screen.search.setText("Rahul")
            window.find_screen.search_button.click()
            assert window.stack.currentWidget() is window.dial_screen
            finished = next_emission(window.bridge.session_finished)
            window.dial_screen.cancel_button.click()
            (final,) = await finished
            assert final.status is Status.CANCELLED
            assert window.result_screen.headline.text() == "Not verified: cancelled"
            async with asyncio.timeout(10):
                [delivery] = await backend.wait_for(1)
            assert delivery.payload["data"]["status"] == "cancelled"
            assert delivery.payload["data"]["reference"] == "ORDER-1043"

    qloop.run_until_complete(scenario())


def test_unknown_search_says_nobody_found(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    async def scenario() -> None:
        async with KioskRuntime(make_settings(demo=True)) as runtime:
            window = build_main_window(runtime)
            qtbot.addWidget(window)
            window.find_screen.search.setText("Zebedee")
            window.find_screen.search_button.click()
            assert window.stack.currentWidget() is window.find_screen
            assert window.find_screen.message.text() == "Nobody found for “Zebedee”."
            assert window.find_screen.results.count() == 0

    qloop.run_until_complete(scenario())
