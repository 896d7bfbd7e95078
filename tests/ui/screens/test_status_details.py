"""The details page: the call sources and the customer list's last pull, in words."""

import re
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from kiosk.core.notices import CustomersSynced
from kiosk.core.reasons import CoreReason
from kiosk.domain.health import Backend, OutboxStatus, ReceivedCallback, SourceState, SourceStatus
from kiosk.domain.reasons import Why
from kiosk.sources.modem.reasons import ModemReason
from kiosk.sources.provider.reasons import ProviderReason
from kiosk.ui.i18n import Languages, format_date, format_time
from kiosk.ui.screens.status_details import StatusDetails

T0 = datetime(2026, 11, 26, 10, 15, tzinfo=UTC)


def when() -> str:
    """T0 as the page writes it, in the current language's locale."""
    return f"{format_date(T0)} {format_time(T0)}"


def test_without_a_pull_there_is_no_customer_list_section(qtbot: QtBot) -> None:
    details = StatusDetails()
    qtbot.addWidget(details)
    details.show_status([], None, "")
    assert "Customer list" not in details.body.text()


def test_a_pull_that_changed_customers_says_how_many_and_when(qtbot: QtBot) -> None:
    details = StatusDetails()
    qtbot.addWidget(details)
    details.show_status([], None, "", CustomersSynced(T0, added=3, updated=2))
    text = details.body.text()
    assert "Customer list from the merchant backend" in text
    assert f"Updated at {when()}: 3 new, 2 changed." in text
    details.show_status([], None, "", CustomersSynced(T0))
    assert f"Checked at {when()}: no changes." in details.body.text()


def test_a_failed_pull_gives_the_reason_and_what_happens_meanwhile(qtbot: QtBot) -> None:
    details = StatusDetails()
    qtbot.addWidget(details)
    cause = Why(ProviderReason.NO_CONNECTION_TO, host="<shop>")
    problem = Why(
        ProviderReason.UNREACHABLE, provider=Why(CoreReason.MERCHANT_BACKEND), cause=cause
    )
    details.show_status([], None, "", CustomersSynced(T0, problem=problem))
    text = details.body.text()
    assert f"Not updated at {when()}: Cannot reach the merchant backend" in text
    assert "(no connection to &lt;shop&gt;)." in text  # the reason is text, never markup
    assert "The customers already on this kiosk are used; it tries again by itself." in text
    languages = Languages("hi")
    try:
        text = details.body.text()
        assert "व्यापारी के बैकएंड से ग्राहक सूची" in text
        assert (
            f"{when()} पर अपडेट नहीं हुई: व्यापारी के बैकएंड तक नहीं पहुँच पा रहे "
            "(&lt;shop&gt; से कनेक्शन नहीं हुआ)।"
        ) in text
        assert "अपने-आप फिर से कोशिश करता है" in text
    finally:
        languages.switch("en")


def test_the_demo_backend_section_shows_what_arrived_newest_first(qtbot: QtBot) -> None:
    details = StatusDetails()
    qtbot.addWidget(details)
    demo = OutboxStatus(0, backend=Backend.DEMO)
    details.show_status([], demo, "All results sent to the demo backend")
    assert "The demo's merchant backend" in details.body.text()
    assert "Nothing received yet." in details.body.text()
    data = {
        "status": "verified",
        "reference": "<ORDER-1042>",
        "caller_number": "+919812345678",
        "dialed_number": "+918000000001",
        "call_at": None,
        "sim_swap": {"checked": False},
    }
    details.add_received(ReceivedCallback(T0, "msg_1", True, "verification.completed", data))
    details.add_received(ReceivedCallback(T0, "msg_forged", False))
    text = re.sub("<[^>]+>", "", details.body.text())
    assert f"Received verification.completed at {format_time(T0)}: ✓ signature valid" in text
    assert "status: verified" in text
    assert "reference: &lt;ORDER-1042&gt;" in text  # text, never markup
    assert "caller_number: +91 ••••••5678" in text  # customers' numbers masked
    assert "dialed_number: +918000000001" in text  # the kiosk's own number in full
    assert "call_at" not in text
    assert 'sim_swap: {"checked": false}' in text.replace("&quot;", '"')
    assert text.index("Refused at") < text.index("Received"), "newest first"
    assert "the signature is not valid" in text


def test_no_demo_backend_section_outside_demo_mode(qtbot: QtBot) -> None:
    details = StatusDetails()
    qtbot.addWidget(details)
    details.show_status([], OutboxStatus(0), "All results sent")
    assert "demo" not in details.body.text()


def test_in_hindi_the_sources_and_their_facts_are_in_hindi(qtbot: QtBot) -> None:
    details = StatusDetails()
    qtbot.addWidget(details)
    facts = {
        "operator": "Airtel",
        "network": Why(ModemReason.NETWORK_SEARCHING),
        "signal_bars": 1,
        "port": "/dev/ttyUSB2",
    }
    no_network = Why(ModemReason.NO_NETWORK, port="/dev/ttyUSB2", network=facts["network"])
    modem = SourceStatus("simulator", SourceState.FAULT, no_network, facts)
    listening = Why(ProviderReason.INBOUND_LISTENING, url="http://127.0.0.1:8787")
    inbound = SourceStatus("inbound", SourceState.READY, listening)
    details.show_status([modem, inbound], None, "")
    text = details.body.text()
    assert "<b>Simulated modem</b>: problem" in text
    assert "The modem on /dev/ttyUSB2 has no mobile network (searching for a network)." in text
    assert "Network: searching for a network" in text
    assert "Listening for provider notifications on http://127.0.0.1:8787" in text
    languages = Languages("hi")
    try:
        text = details.body.text()
        assert "<b>डेमो मॉडेम</b>: समस्या" in text
        assert ("/dev/ttyUSB2 वाले मॉडेम को मोबाइल नेटवर्क नहीं मिल रहा (नेटवर्क खोज रहा है)।") in text
        assert "नेटवर्क: नेटवर्क खोज रहा है" in text
        assert "http://127.0.0.1:8787 पर प्रदाता की सूचनाएँ सुनी जा रही हैं" in text
        assert "searching" not in text
    finally:
        languages.switch("en")
