"""The whole core over real parts: simulator on a pty, modem driver, service, outbox, HTTP."""

import asyncio

from sqlalchemy import select

from kiosk.core.live_settings import LiveSettings, apply_live
from kiosk.core.notices import CallHeard
from kiosk.core.runtime import KioskRuntime
from kiosk.delivery.payload import message_id
from kiosk.domain.health import Backend, ReceivedCallback
from kiosk.domain.session import CallOutcome, Status
from kiosk.sources.simulator import ModemSimulator
from kiosk.store.customers import count_customers
from kiosk.store.demo import SAMPLE_CUSTOMERS
from kiosk.store.models import CallRecord, Verification
from tests.merchant_backend import SECRET, MerchantBackend
from tests.sources.provider.fake_call_log import NUMBER, FakeCallLog

ASHA = "+919812345678"


async def test_a_missed_call_is_verified_and_the_backend_gets_it(
    make_settings, backend: MerchantBackend
) -> None:
    async with ModemSimulator() as simulator:
        settings = make_settings(
            modem_port=simulator.port,
            dial_number="+918000000001",
            callback_url=backend.url,
            callback_secret=SECRET,
        )
        async with KioskRuntime(settings) as runtime:
            async with asyncio.timeout(10):
                await simulator.caller_id_enabled.wait()
            session = await runtime.service.start_for_phone(ASHA)
            rejected = await simulator.ring(ASHA, rings=3, interval=0.3)
            async with asyncio.timeout(10):
                final = await runtime.service.outcome(session.id)
                [delivery] = await backend.wait_for(1)
    assert rejected
    assert not simulator.answered
    assert final.status is Status.VERIFIED
    assert delivery.signature_ok
    data = delivery.payload["data"]
    assert data["status"] == "verified"
    assert data["caller_number"] == ASHA
    assert data["source"] == "modem"
    assert data["dialed_number"] == "+918000000001"
    assert data["kiosk_id"] == "test-kiosk"


async def test_demo_results_go_to_the_built_in_backend_never_the_configured_one(
    make_settings, backend: MerchantBackend
) -> None:
    settings = make_settings(demo=True, callback_url=backend.url, callback_secret=SECRET)
    received: asyncio.Queue[ReceivedCallback] = asyncio.Queue()
    async with KioskRuntime(settings) as runtime:
        runtime.service.notices.subscribe(
            lambda notice: (
                received.put_nowait(notice) if isinstance(notice, ReceivedCallback) else None
            )
        )
        simulator = runtime.simulator
        assert simulator is not None
        async with asyncio.timeout(10):
            await simulator.caller_id_enabled.wait()
        session = await runtime.service.start_for_reference("ORDER-1042")
        await simulator.ring(ASHA, rings=1, interval=0.2)
        async with asyncio.timeout(10):
            final = await runtime.service.outcome(session.id)
            got = await received.get()
            await runtime.dispatcher.wait_delivered(message_id(session.id))
        status = await runtime.dispatcher.status()
        live = LiveSettings(runtime)  # staff save the settings: still the built-in backend
        apply_live(runtime, live.settings)
        other = await runtime.service.start_for_reference("ORDER-1043")
        await runtime.service.cancel(other.id)
        async with asyncio.timeout(10):
            cancelled = await received.get()
    assert final.status is Status.VERIFIED
    assert got.signature_valid
    assert got.event_type == "verification.completed"
    assert got.data["status"] == "verified"
    assert got.data["source"] == "simulator"
    assert cancelled.data["status"] == "cancelled"
    assert status.pending == 0
    assert status.backend is Backend.DEMO
    assert status.last_error is None
    assert backend.received == []


async def test_without_a_callback_url_results_are_sent_nowhere(make_settings) -> None:
    async with ModemSimulator() as simulator:
        settings = make_settings(modem_port=simulator.port, dial_number="+918000000001")
        async with KioskRuntime(settings) as runtime:
            status = await runtime.dispatcher.status()
    assert status.backend is Backend.NONE


async def test_demo_seeds_sample_customers_once(make_settings) -> None:
    settings = make_settings(demo=True)
    for _ in range(2):
        async with KioskRuntime(settings) as runtime:
            with runtime.database.session() as db:
                assert count_customers(db) == len(SAMPLE_CUSTOMERS)


async def test_a_provider_record_listed_after_the_session_ended_is_kept_but_changes_nothing(
    make_settings,
) -> None:
    call_log = FakeCallLog()
    settings = make_settings(
        source="http-json",
        dial_number=NUMBER,
        http_json_url=call_log.url,
        http_json_auth_header="Bearer s3cret",
        http_json_items="data.calls",
        http_json_caller="caller.number",
        http_json_time="started",
        http_json_id="sid",
        poll_interval=0.05,
        poll_initial_delay=0,
    )
    try:
        async with KioskRuntime(settings) as runtime:
            heard: asyncio.Queue[CallHeard] = asyncio.Queue()
            runtime.service.notices.subscribe(
                lambda notice: heard.put_nowait(notice) if isinstance(notice, CallHeard) else None
            )
            session = await runtime.service.start_for_phone(ASHA)
            await runtime.service.cancel(session.id)
            call_log.add("late", ASHA, session.started_at)  # listed only now
            async with asyncio.timeout(10):
                late = await heard.get()
            assert late.outcome is CallOutcome.NO_SESSION
            with runtime.database.session() as db:
                [call] = db.scalars(select(CallRecord)).all()
                assert call.outcome == "no_session"
                assert call.source_call_id == "late"
                row = db.get(Verification, session.id)
                assert row is not None
                assert row.status == "cancelled"
    finally:
        call_log.stop()
