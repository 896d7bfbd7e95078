from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.core.notices import CustomersSynced
from kiosk.core.reasons import CoreReason
from kiosk.delivery.reasons import DeliveryReason
from kiosk.domain.health import Backend, OutboxStatus, SourceName, SourceState, SourceStatus
from kiosk.domain.reasons import Why
from kiosk.sources.modem.reasons import ModemReason
from kiosk.sources.provider.reasons import ProviderReason
from kiosk.ui.i18n import Languages
from kiosk.ui.widgets.status_strip import StatusStrip

T0 = datetime(2026, 11, 26, 10, 15, tzinfo=UTC)
MODEM = Why(SourceName.MODEM)
NOT_FOUND = Why(ModemReason.NOT_FOUND, port="/dev/ttyUSB2")
READY = Why(ModemReason.READY, device=MODEM, port="/dev/ttyUSB2")
AIRTEL = Why(ModemReason.READY_OPERATOR, device=MODEM, operator="Airtel")
TWILIO_DOWN = Why(
    ProviderReason.POLL_FAILED,
    provider="Twilio",
    problem=Why(ProviderReason.NO_ANSWER, provider="Twilio"),
)
BACKEND_503 = Why(DeliveryReason.HTTP_STATUS, status=503, phrase="Service Unavailable")


def test_source_fault_is_shown_in_plain_words(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=False)
    qtbot.addWidget(strip)
    strip.show_source(SourceStatus("modem", SourceState.FAULT, NOT_FOUND))
    assert strip.source.text() == "⚠ Modem not found on /dev/ttyUSB2. Check that it is plugged in."
    assert strip.source.property("fault") is True
    strip.show_source(SourceStatus("modem", SourceState.READY, READY))
    assert strip.source.property("fault") is False
    assert strip.demo.isHidden()


def test_waiting_results_and_the_reason(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=True)
    qtbot.addWidget(strip)
    strip.show_outbox(OutboxStatus(pending=0))
    assert strip.outbox.text() == "All results sent"
    strip.show_outbox(OutboxStatus(pending=1, last_error=BACKEND_503))
    assert strip.outbox.text() == (
        "⚠ 1 result waiting to be sent: The backend answered 503 Service Unavailable."
    )
    assert strip.outbox.property("fault") is True
    strip.show_outbox(OutboxStatus(pending=3))
    assert strip.outbox.text() == "3 results waiting to be sent"
    assert not strip.demo.isHidden()


def test_all_results_sent_only_when_there_is_a_backend(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=False)
    qtbot.addWidget(strip)
    no_url = Why(DeliveryReason.NO_URL)
    strip.show_outbox(OutboxStatus(pending=0, last_error=no_url, backend=Backend.NONE))
    assert strip.outbox.text() == "Results are not sent: no callback URL is set"
    assert strip.outbox.property("fault") is not True  # a choice, not a breakdown
    strip.show_outbox(OutboxStatus(pending=1, last_error=no_url, backend=Backend.NONE))
    assert strip.outbox.text() == (
        "⚠ 1 result waiting to be sent: No callback URL is set: results are kept until one is."
    )
    strip.show_outbox(OutboxStatus(pending=0, backend=Backend.DEMO))
    assert strip.outbox.text() == "All results sent to the demo backend"
    assert strip.outbox.property("fault") is False


def test_each_source_keeps_its_own_line(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=False)
    qtbot.addWidget(strip)
    strip.show_source(SourceStatus("modem", SourceState.READY, READY))
    strip.show_source(SourceStatus("twilio", SourceState.FAULT, TWILIO_DOWN))
    assert strip.source.text() == (
        "Modem ready on /dev/ttyUSB2  ·  ⚠ Twilio: Cannot reach Twilio (no answer in time)."
    )
    assert strip.source.property("fault") is True
    reachable = Why(ProviderReason.REACHABLE, provider="Twilio")
    strip.show_source(SourceStatus("twilio", SourceState.READY, reachable))
    assert strip.source.text() == "Modem ready on /dev/ttyUSB2  ·  Twilio reachable"
    assert strip.source.property("fault") is False


def test_signal_bars_when_the_modem_reports_them(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=False)
    qtbot.addWidget(strip)
    strip.show()
    strip.show_source(SourceStatus("modem", SourceState.READY, READY))
    assert not strip.bars.isVisible()
    unknown = {"signal_bars": None, "operator": None}
    strip.show_source(SourceStatus("modem", SourceState.READY, READY, unknown))
    assert not strip.bars.isVisible()
    details = {"signal_bars": 3, "operator": "Airtel", "network": Why(ModemReason.NETWORK_HOME)}
    strip.show_source(SourceStatus("modem", SourceState.READY, AIRTEL, details))
    assert strip.bars.isVisible()
    assert strip.bars.bars == 3
    assert strip.bars.toolTip() == "Signal: 3 of 4 bars"
    assert strip.source.text() == "Modem ready — Airtel"
    strip.show_source(SourceStatus("modem", SourceState.READY, READY, {"signal_bars": 9}))
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


def test_in_hindi_the_strip_says_the_reasons_in_hindi(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=False)
    qtbot.addWidget(strip)
    strip.show_source(SourceStatus("modem", SourceState.READY, AIRTEL))
    strip.show_source(SourceStatus("twilio", SourceState.FAULT, TWILIO_DOWN))
    strip.show_outbox(OutboxStatus(pending=2, last_error=BACKEND_503))
    languages = Languages("hi")
    try:
        assert strip.source.text() == (
            "मॉडेम तैयार — Airtel  ·  ⚠ Twilio: Twilio तक नहीं पहुँच पा रहे (समय पर जवाब नहीं मिला)।"
        )
        strip.show_source(SourceStatus("modem", SourceState.FAULT, NOT_FOUND))
        assert strip.source.text().startswith("⚠ /dev/ttyUSB2 पर मॉडेम नहीं मिला। देखें कि वह लगा हुआ है।")
        assert strip.outbox.text() == (
            "⚠ 2 नतीजे भेजे जाने बाकी: बैकएंड ने 503 Service Unavailable जवाब दिया।"
        )
    finally:
        languages.switch("en")
    assert strip.source.text().startswith(
        "⚠ Modem not found on /dev/ttyUSB2. Check that it is plugged in."
    )


def test_a_customer_sync_that_changed_or_failed_is_shown_in_plain_words(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=False)
    qtbot.addWidget(strip)
    strip.show()
    assert not strip.sync.isVisible()  # no pull yet: nothing to say
    strip.show_sync(CustomersSynced(T0, added=3, updated=2))
    assert strip.sync.isVisible()
    assert strip.sync.text() == "Customer list updated: 3 new, 2 changed"
    assert strip.sync.property("fault") is False
    refused = Why(CoreReason.BACKEND_REFUSED, provider=Why(CoreReason.MERCHANT_BACKEND))
    strip.show_sync(CustomersSynced(T0, problem=refused))
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
