from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.core.notices import CustomersSynced
from kiosk.domain.health import Backend, OutboxStatus, SourceState, SourceStatus
from kiosk.ui.i18n import Languages
from kiosk.ui.widgets.status_strip import StatusStrip

T0 = datetime(2026, 11, 26, 10, 15, tzinfo=UTC)


def test_source_fault_is_shown_in_plain_words(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=False)
    qtbot.addWidget(strip)
    message = "Modem not found on /dev/ttyUSB2. Check that it is plugged in."
    strip.show_source(SourceStatus("modem", SourceState.FAULT, message))
    assert strip.source.text() == f"⚠ {message}"
    assert strip.source.property("fault") is True
    strip.show_source(SourceStatus("modem", SourceState.READY, "Modem ready on /dev/ttyUSB2"))
    assert strip.source.property("fault") is False
    assert strip.demo.isHidden()


def test_waiting_results_and_the_reason(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=True)
    qtbot.addWidget(strip)
    strip.show_outbox(OutboxStatus(pending=0))
    assert strip.outbox.text() == "All results sent"
    strip.show_outbox(OutboxStatus(pending=1, last_error="The backend answered 503."))
    assert strip.outbox.text() == "⚠ 1 result waiting to be sent: The backend answered 503."
    assert strip.outbox.property("fault") is True
    strip.show_outbox(OutboxStatus(pending=3))
    assert strip.outbox.text() == "3 results waiting to be sent"
    assert not strip.demo.isHidden()


def test_all_results_sent_only_when_there_is_a_backend(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=False)
    qtbot.addWidget(strip)
    no_url = "No callback URL is set: results are kept until one is."
    strip.show_outbox(OutboxStatus(pending=0, last_error=no_url, backend=Backend.NONE))
    assert strip.outbox.text() == "Results are not sent: no callback URL is set"
    assert strip.outbox.property("fault") is not True  # a choice, not a breakdown
    strip.show_outbox(OutboxStatus(pending=1, last_error=no_url, backend=Backend.NONE))
    assert strip.outbox.text() == f"⚠ 1 result waiting to be sent: {no_url}"
    strip.show_outbox(OutboxStatus(pending=0, backend=Backend.DEMO))
    assert strip.outbox.text() == "All results sent to the demo backend"
    assert strip.outbox.property("fault") is False


def test_each_source_keeps_its_own_line(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=False)
    qtbot.addWidget(strip)
    strip.show_source(SourceStatus("modem", SourceState.READY, "Modem ready on /dev/ttyUSB2"))
    strip.show_source(SourceStatus("twilio", SourceState.FAULT, "Twilio: cannot reach Twilio"))
    assert strip.source.text() == "Modem ready on /dev/ttyUSB2  ·  ⚠ Twilio: cannot reach Twilio"
    assert strip.source.property("fault") is True
    strip.show_source(SourceStatus("twilio", SourceState.READY, "Twilio reachable"))
    assert strip.source.text() == "Modem ready on /dev/ttyUSB2  ·  Twilio reachable"
    assert strip.source.property("fault") is False


def test_signal_bars_when_the_modem_reports_them(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=False)
    qtbot.addWidget(strip)
    strip.show()
    strip.show_source(SourceStatus("modem", SourceState.READY, "Modem ready on /dev/ttyUSB2"))
    assert not strip.bars.isVisible()
    unknown = {"signal_bars": None, "operator": None}
    strip.show_source(SourceStatus("modem", SourceState.READY, "Modem ready", unknown))
    assert not strip.bars.isVisible()
    details = {"signal_bars": 3, "operator": "Airtel", "network": "registered (home network)"}
    message = "Modem ready — Airtel, signal 3/4"
    strip.show_source(SourceStatus("modem", SourceState.READY, message, details))
    assert strip.bars.isVisible()
    assert strip.bars.bars == 3
    assert strip.bars.toolTip() == "Signal: 3 of 4 bars"
    assert strip.source.text() == message
    strip.show_source(SourceStatus("modem", SourceState.READY, "Modem ready", {"signal_bars": 9}))
    assert strip.bars.bars == 4


def test_tap_or_enter_asks_for_details(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=True)
    qtbot.addWidget(strip)
    strip.show()
    with qtbot.waitSignal(strip.details_requested):
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton)
    strip.setFocus()
    with qtbot.waitSignal(strip.details_requested):
        qtbot.keyClick(strip, Qt.Key.Key_Return)


def test_outside_english_the_strip_names_source_and_state_in_that_language(
    qtbot: QtBot,
) -> None:
    strip = StatusStrip(demo=False)
    qtbot.addWidget(strip)
    details = {"operator": "Airtel", "network": "registered (home network)"}
    strip.show_source(SourceStatus("modem", SourceState.READY, "Modem ready — Airtel", details))
    languages = Languages("hi")
    strip.set_language("hi")
    try:
        assert strip.source.text() == "मॉडेम: तैयार (Airtel)"
        strip.show_source(SourceStatus("modem", SourceState.FAULT, "Modem not found on /dev/x"))
        assert strip.source.text() == "⚠ मॉडेम: समस्या"
    finally:
        languages.switch("en")
    strip.set_language("en")
    assert strip.source.text() == "⚠ Modem not found on /dev/x"


def test_a_customer_sync_that_changed_or_failed_is_shown_in_plain_words(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=False)
    qtbot.addWidget(strip)
    strip.show()
    assert not strip.sync.isVisible()  # no pull yet: nothing to say
    strip.show_sync(CustomersSynced(T0, added=3, updated=2))
    assert strip.sync.isVisible()
    assert strip.sync.text() == "Customer list updated: 3 new, 2 changed"
    assert strip.sync.property("fault") is False
    strip.show_sync(CustomersSynced(T0, problem="The merchant backend answered HTTP 503."))
    assert strip.sync.text() == "⚠ Customer list not updated"  # the reason is in the details
    assert strip.sync.property("fault") is True
    languages = Languages("hi")
    try:
        assert strip.sync.text() == "⚠ ग्राहक सूची अपडेट नहीं हुई"
        strip.show_sync(CustomersSynced(T0, added=1))
        assert strip.sync.text() == "ग्राहक सूची अपडेट हुई — नए: 1, बदले गए: 0"
    finally:
        languages.switch("en")
    strip.show_sync(CustomersSynced(T0))  # a pull that changed nothing clears the strip
    assert not strip.sync.isVisible()
    assert strip.sync_status == CustomersSynced(T0)
