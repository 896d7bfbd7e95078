"""The bridge: notices from the core arrive as Qt signals, and reach the screen."""

import asyncio
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from kiosk.core.notices import CustomersSynced, NoticeBus
from kiosk.ui.bridge import ServiceBridge
from tests.customer_backend import CustomerBackend, customer
from tests.ui.conftest import kiosk_window, next_emission


def test_a_customer_sync_notice_becomes_a_signal(qtbot: QtBot) -> None:
    notices = NoticeBus()
    bridge = ServiceBridge(notices)
    synced = CustomersSynced(datetime(2026, 11, 26, 10, 15, tzinfo=UTC), added=2)
    with qtbot.waitSignal(bridge.customers_synced) as caught:
        notices.publish(synced)
    assert caught.args == [synced]


def test_a_real_pull_reaches_the_status_strip_and_the_details(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    make_settings,
    customer_backend: CustomerBackend,
) -> None:
    customer_backend.customers = [customer("O-77", "Meera", "9812345678")]
    settings = make_settings(
        demo=True,
        sync_url=customer_backend.url,
        sync_items="data.customers",
        sync_reference="order.id",
        sync_phone="contact.mobile",
    )

    async def scenario() -> None:
        async with kiosk_window(qtbot, settings) as (window, _runtime):
            if window.status_strip.sync_status is None:  # the first pull runs at start
                await next_emission(window.bridge.customers_synced)
            strip = window.status_strip
            assert strip.sync.isVisible()
            assert strip.sync.text() == "Customer list updated: 1 new, 0 changed"
            window.show_status_details()
            assert "1 new, 0 changed." in window.status_details.body.text()

    qloop.run_until_complete(scenario())
