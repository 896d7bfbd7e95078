"""The GUI end to end: find → dial → simulated call → result → signed callback."""

import asyncio
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.core.runtime import KioskRuntime
from kiosk.domain.health import SourceName, SourceState, SourceStatus
from kiosk.domain.pin import DEMO_PIN, hash_pin
from kiosk.domain.reasons import Why
from kiosk.domain.session import Status, VerificationSession
from kiosk.sources.modem.reasons import ModemReason
from kiosk.ui.i18n import format_count
from kiosk.ui.launch import build_main_window
from kiosk.ui.main_window import MainWindow
from tests.merchant_backend import SECRET, MerchantBackend
from tests.ui.conftest import demo_button, kiosk_window, next_emission

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def test_find_dial_call_result_and_callback(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings, backend: MerchantBackend
) -> None:
    """The demo's whole loop; its callback goes to the built-in backend, not the configured one."""
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
            arrived = next_emission(window.bridge.callback_received)
            demo_button(window, "Simulate call from this phone").click()
            (final,) = await finished
            assert final.status is Status.VERIFIED
            assert window.stack.currentWidget() is window.result_screen
            assert window.result_screen.headline.text() == "Verified"
            assert "Asha Verma" in window.result_screen.who.text()
            assert "ORDER-1042" in window.result_screen.who.text()

            (received,) = await arrived
            assert received.signature_valid
            assert received.event_type == "verification.completed"
            assert received.data["verification_id"] == session.id
            assert received.data["status"] == "verified"
            assert received.data["unmatched_calls"] == 1
            assert backend.received == []  # demo results never reach a configured backend
            strip = window.status_strip
            strip.details_requested.emit()  # open while the result may still be on its way
            while strip.outbox.text() != "All results sent to the demo backend":
                await next_emission(window.bridge.outbox_status)
            assert strip.outbox.property("fault") is False
            shown = re.sub("<[^>]+>", "", window.status_details.body.text())
            assert "All results sent to the demo backend" in shown  # the page follows the strip
            assert "Received verification.completed at" in shown
            assert "✓ signature valid" in shown
            assert "reference: ORDER-1042" in shown
            assert "caller_number: +91 ••••••5678" in shown
            window.status_details.back_button.click()

            window.result_screen.done_button.click()
            assert window.stack.currentWidget() is window.find_screen
            assert window.find_screen.search.text() == ""

    qloop.run_until_complete(scenario())


def test_cancel_shows_not_verified_and_sends_cancelled(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    settings = make_settings(demo=True)

    async def scenario() -> None:
        async with KioskRuntime(settings) as runtime:
            window = build_main_window(runtime)
            qtbot.addWidget(window)
            window.find_screen.search.setText("Rahul")
            window.find_screen.search_button.click()
            await window.finish_work()
            assert window.stack.currentWidget() is window.dial_screen
            finished = next_emission(window.bridge.session_finished)
            arrived = next_emission(window.bridge.callback_received)
            window.dial_screen.cancel_button.click()
            (final,) = await finished
            assert final.status is Status.CANCELLED
            assert window.result_screen.headline.text() == "Not verified: cancelled"
            (received,) = await arrived
            assert received.signature_valid
            assert received.data["status"] == "cancelled"
            assert received.data["reference"] == "ORDER-1043"

    qloop.run_until_complete(scenario())


def test_demo_offers_sample_customers_on_the_empty_find_screen(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    async def scenario() -> None:
        async with kiosk_window(qtbot, make_settings(demo=True)) as (window, _runtime):
            find = window.find_screen
            assert find.empty_state.isVisible()
            samples = [button.text() for button in find.sample_buttons]
            assert samples == ["ORDER-1042", "MEMBER-2001", "Priya"]
            for sample in samples[1:]:  # each one finds a sample customer
                find.search.setText(sample)
                find.search_requested.emit(sample)  # as typing does, after a pause
                await window.finish_work()
                assert find.results.count() >= 1, sample
            find.reset()
            started = next_emission(window.bridge.session_started)
            find.sample_buttons[0].click()
            (session,) = await started
            assert session.reference == "ORDER-1042"
            assert window.stack.currentWidget() is window.dial_screen

    qloop.run_until_complete(scenario())


def test_a_real_kiosk_offers_no_samples(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    async def scenario() -> None:
        settings = make_settings(modem_port="/dev/no-such-modem", dial_number="+918000000001")
        async with kiosk_window(qtbot, settings) as (window, _runtime):
            assert window.find_screen.empty_state.isVisible()
            assert window.find_screen.sample_buttons == []

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
            await window.finish_work()
            assert window.stack.currentWidget() is window.find_screen
            assert window.find_screen.message.text() == "Nobody found for “Zebedee”."
            assert window.find_screen.results.count() == 0

    qloop.run_until_complete(scenario())


@pytest.mark.usefixtures("windows_may_close")
def test_staff_pin_guards_settings_and_kiosk_mode_only_closes_from_there(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    settings = make_settings(
        demo=True, kiosk_mode=True, staff_pin_hash=hash_pin("250913"), customer_screen=True
    )

    async def scenario() -> None:
        async with kiosk_window(qtbot, settings) as (window, _runtime):
            assert window.settings_screen is not None
            assert window.settings_screen.quit_button.isVisibleTo(window.settings_screen)
            customer = window.customer_window
            assert customer is not None
            customer.place()
            window.close()
            customer.close()
            assert window.isVisible()  # kiosk mode: closing either window is refused
            assert customer.isVisible()

            window.find_screen.settings_button.click()
            assert window.stack.currentWidget() is window.pin_screen
            qtbot.keyClicks(window.pin_screen.pin, "1234")  # the demo PIN is not this kiosk's
            qtbot.keyClick(window.pin_screen.pin, Qt.Key.Key_Return)
            await window.finish_work()
            assert window.stack.currentWidget() is window.pin_screen
            qtbot.keyClicks(window.pin_screen.pin, "250913")
            qtbot.keyClick(window.pin_screen.pin, Qt.Key.Key_Return)
            await window.finish_work()
            assert window.stack.currentWidget() is window.settings_screen

            window.settings_screen.back_button.click()
            assert window.stack.currentWidget() is window.find_screen
            window.ask_pin()
            window.pin_screen.cancel_button.click()
            assert window.stack.currentWidget() is window.find_screen

            window.ask_pin()
            window.pin_screen.pin.setText("250913")
            window.pin_screen.submit()
            await window.finish_work()
            window.settings_screen.quit_button.click()
            assert not window.isVisible()
            assert not customer.isVisible()

    qloop.run_until_complete(scenario())


@pytest.mark.usefixtures("windows_may_close")
def test_in_kiosk_mode_the_history_and_its_export_open_only_behind_the_pin(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    settings = make_settings(demo=True, kiosk_mode=True, staff_pin_hash=hash_pin("250913"))
    assert settings.history_behind_pin

    async def scenario() -> None:
        async with kiosk_window(qtbot, settings) as (window, _runtime):
            window.find_screen.history_button.click()
            assert window.stack.currentWidget() is window.pin_screen
            assert window.pin_screen.why.text() == "Enter the staff PIN to open the history."
            qtbot.keyClicks(window.pin_screen.pin, "000000")
            qtbot.keyClick(window.pin_screen.pin, Qt.Key.Key_Return)
            await window.finish_work()
            assert window.stack.currentWidget() is window.pin_screen  # no history, no export
            window.pin_screen.cancel_button.click()
            assert window.stack.currentWidget() is window.find_screen
            window.find_screen.history_button.click()
            qtbot.keyClicks(window.pin_screen.pin, "250913")
            qtbot.keyClick(window.pin_screen.pin, Qt.Key.Key_Return)
            await window.finish_work()
            history = window.history_screen
            assert history is not None
            assert window.stack.currentWidget() is history
            assert history.pin_log_button.text() == "⚠ Wrong PINs: 1"  # the guess is on record
            history.pin_log_button.click()
            assert history.pin_log.rows[0].startswith("✔ Right PIN — ")
            assert history.pin_log.rows[1].startswith("✖ Wrong PIN — ")
            assert "for the history" in history.pin_log.rows[1]

    qloop.run_until_complete(scenario())


@pytest.mark.usefixtures("windows_may_close")
def test_outside_kiosk_mode_the_history_opens_at_once(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    settings = make_settings(demo=True)
    assert not settings.history_behind_pin
    assert (
        make_settings(demo=True, kiosk_mode=True, history_needs_pin=False).history_behind_pin
        is False
    )

    async def scenario() -> None:
        async with kiosk_window(qtbot, settings) as (window, _runtime):
            window.find_screen.history_button.click()
            assert window.stack.currentWidget() is window.history_screen
            await window.finish_work()

    qloop.run_until_complete(scenario())


def test_settings_change_applies_at_once(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings, tmp_path
) -> None:
    settings = make_settings(demo=True)

    async def scenario() -> None:
        async with kiosk_window(qtbot, settings) as (window, _runtime):
            window.ask_pin()
            window.pin_screen.pin.setText(DEMO_PIN)
            window.pin_screen.submit()
            await window.finish_work()
            assert window.settings_screen is not None
            window.settings_screen.rows["result_seconds"].set_value(3)
            window.settings_screen.rows["language"].set_value("hi")
            assert window.settings_screen.save()
            shown = VerificationSession.start(expected_number="+919812345678", now=T0)
            window.result_screen.show_session(replace(shown, status=Status.CANCELLED))
            assert window.result_screen.done_button.text().endswith(f"({format_count(3)})")
            window.result_screen.done_button.click()
            assert window.languages.current == "hi"
            assert window.staff_language == "hi"
            window.settings_screen.back_button.click()
            assert window.find_screen.search_button.text() == "खोजें"
            window.languages.switch("en")

    qloop.run_until_complete(scenario())


def test_customer_switches_language_on_the_dial_screen_until_the_next_customer(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    async def scenario() -> None:
        settings = make_settings(demo=True, result_seconds=0)
        async with kiosk_window(qtbot, settings) as (window, runtime):
            await runtime.service.start_for_reference("ORDER-1042")
            assert window.stack.currentWidget() is window.dial_screen
            assert window.dial_screen.language_button.text() == "हिन्दी"
            window.dial_screen.language_button.click()
            assert window.languages.current == "hi"
            assert window.dial_screen.instructions.text() == (
                "कॉल उठने से पहले अपने-आप कट जाएगी। इसका कोई पैसा नहीं लगेगा।"
            )
            assert window.dial_screen.countdown.caption == "बाकी"
            assert window.dial_screen.cancel_button.text() == "रद्द करें"
            assert window.dial_screen.language_button.text() == "English"
            assert window.status_strip.demo.text() == "डेमो"
            finished = next_emission(window.bridge.session_finished)
            window.dial_screen.cancel_button.click()
            await finished
            assert window.result_screen.headline.text() == "सत्यापित नहीं: रद्द किया गया"
            window.result_screen.done_button.click()
            assert window.languages.current == "en"
            assert window.find_screen.search_button.text() == "Search"

    qloop.run_until_complete(scenario())


def test_status_strip_opens_details_and_back_returns(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    async def scenario() -> None:
        settings = make_settings(demo=True)
        async with kiosk_window(qtbot, settings) as (window, runtime):
            await window.finish_work()  # the results waiting, read at start
            details = {
                "signal_bars": 2,
                "operator": "Airtel",
                "network": Why(ModemReason.NETWORK_HOME),
                "port": "/dev/x",
            }
            ready = Why(ModemReason.READY, device=Why(SourceName.MODEM), port="/dev/x")
            status = SourceStatus("modem", SourceState.READY, ready, details)
            runtime.service.source_status(status)
            window.show_history()
            qtbot.mouseClick(window.status_strip, Qt.MouseButton.LeftButton)
            assert window.stack.currentWidget() is window.status_details
            text = window.status_details.body.text()
            assert "Modem ready on /dev/x" in text
            assert "Operator: Airtel" in text
            assert "Network: registered (home network)" in text
            assert "Signal: 2 of 4 bars" in text
            assert "All results sent" in text
            window.status_details.back_button.click()
            assert window.stack.currentWidget() is window.history_screen
            await window.finish_work()

    qloop.run_until_complete(scenario())


def test_keyboard_only_from_search_to_result_and_back(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    async def scenario() -> None:
        settings = make_settings(demo=True, result_seconds=0)
        async with kiosk_window(qtbot, settings) as (window, _runtime):
            assert window.focusWidget() is window.find_screen.search
            started = next_emission(window.bridge.session_started)
            qtbot.keyClicks(window.focusWidget(), "ORDER-1043")  # as a barcode scanner types
            qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
            await started
            assert window.focusWidget() is window.dial_screen.cancel_button
            finished = next_emission(window.bridge.session_finished)
            qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)
            await finished
            assert window.focusWidget() is window.result_screen.done_button
            qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)
            assert window.stack.currentWidget() is window.find_screen

    qloop.run_until_complete(scenario())


@pytest.mark.usefixtures("windows_may_close")
def test_customer_window_follows_the_session(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    async def scenario() -> None:
        settings = make_settings(demo=True, customer_screen=True)
        async with kiosk_window(qtbot, settings) as (window, runtime):
            customer = window.customer_window
            assert customer is not None
            window.show()
            customer.place()  # one offscreen monitor: a second, normal window
            assert customer.isVisible()
            assert customer.isWindow()
            assert customer.pages.currentWidget() is customer.idle
            session = await runtime.service.start_for_reference("ORDER-1042")
            assert customer.pages.currentWidget() is customer.dial
            assert customer.dial.number.text() == "080000 00001"
            assert customer.dial.qr.text == "tel:+918000000001"
            assert not customer.dial.action_bar.isVisible()
            finished = next_emission(window.bridge.session_finished)
            await runtime.service.cancel(session.id)
            await finished
            assert customer.pages.currentWidget() is customer.idle
            window.close()
            assert not customer.isVisible()

    qloop.run_until_complete(scenario())


async def until_sms_available(window: MainWindow) -> None:
    """Wait for the (simulated) modem to be ready to send texts."""
    while not window.service.sms_available:
        await next_emission(window.bridge.source_status)


def type_on_pad(window: MainWindow, code: str) -> None:
    for digit in code:
        window.code_screen.pad.keys[digit].click()
    window.code_screen.pad.ok_key.click()


def test_sms_code_instead_of_a_call(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    settings = make_settings(demo=True, result_seconds=0)

    async def scenario() -> None:
        async with kiosk_window(qtbot, settings) as (window, runtime):
            simulator = runtime.simulator
            assert simulator is not None
            window.find_screen.search.setText("ORDER-1042")
            window.find_screen.search_button.click()
            await window.finish_work()
            await until_sms_available(window)
            sms = window.dial_screen.sms_button
            assert sms.isVisibleTo(window)
            sms.click()
            assert window.stack.currentWidget() is window.code_screen
            assert "Sending a code to the phone ending 5678" in window.code_screen.message.text()
            assert not window.code_screen.pad.ok_key.isEnabled()
            await window.finish_work()
            [(_number, text)] = simulator.sent_sms
            code = text.split("is ")[1][:6]
            shown = window.code_screen.message.text()
            assert "Code sent to the phone ending 5678" in shown
            assert f"Demo: the simulated phone got the code {code}." in shown

            type_on_pad(window, "12")  # too short: nothing is checked
            assert window.code_screen.answer.text() == ""
            window.code_screen.code.clear()
            type_on_pad(window, "000000" if code != "000000" else "111111")
            await window.finish_work()
            assert window.code_screen.answer.text() == "Wrong code. Tries left: 4."
            assert window.code_screen.code.text() == ""

            finished = next_emission(window.bridge.session_finished)
            arrived = next_emission(window.bridge.callback_received)
            type_on_pad(window, code)
            (final,) = await finished
            assert final.status is Status.VERIFIED
            assert window.stack.currentWidget() is window.result_screen
            assert window.result_screen.how.text().startswith("Code sent by SMS, typed in at")
            (received,) = await arrived
            assert received.signature_valid
            assert received.data["method"] == "sms_code"

    qloop.run_until_complete(scenario())


def test_sms_not_sent_says_why_and_back_returns_to_the_call(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_settings
) -> None:
    async def scenario() -> None:
        async with kiosk_window(qtbot, make_settings(demo=True)) as (window, runtime):
            assert runtime.simulator is not None
            runtime.simulator.sms_error = 330
            window.find_screen.search.setText("ORDER-1042")
            window.find_screen.search_button.click()
            await window.finish_work()
            await until_sms_available(window)
            window.dial_screen.sms_button.click()
            await window.finish_work()
            message = window.code_screen.message.text()
            assert message.startswith("The code was not sent.")
            assert "no message-centre number" in message
            window.languages.switch("hi")  # the customer's language: the reason follows it
            assert window.code_screen.message.text() == (
                "कोड नहीं भेजा गया। SMS नहीं भेजा गया: SIM में मैसेज-सेंटर नंबर नहीं है (त्रुटि 330)।"
            )
            window.languages.switch("en")
            assert window.code_screen.resend_button.isVisibleTo(window)
            assert not window.code_screen.pad.ok_key.isEnabled()
            window.code_screen.back_button.click()
            assert window.stack.currentWidget() is window.dial_screen
            assert window.dial_screen.session is not None  # the call still counts

    qloop.run_until_complete(scenario())
