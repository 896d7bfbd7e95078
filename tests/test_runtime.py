"""The whole core over real parts: simulator on a pty, modem driver, service, outbox, HTTP."""

import asyncio

from kiosk.domain.session import Status
from kiosk.runtime import KioskRuntime
from kiosk.store.customers import count_customers
from kiosk.store.demo import SAMPLE_CUSTOMERS
from tests.merchant_backend import SECRET, MerchantBackend

ASHA = "+919812345678"


async def test_demo_missed_call_is_verified_and_the_backend_gets_it(
    make_settings, backend: MerchantBackend
) -> None:
    settings = make_settings(demo=True, callback_url=backend.url, callback_secret=SECRET)
    async with KioskRuntime(settings) as runtime:
        simulator = runtime.simulator
        assert simulator is not None
        async with asyncio.timeout(10):
            await simulator.caller_id_enabled.wait()
        session = runtime.service.start_for_reference("ORDER-1042")
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
    assert data["source"] == "simulator"
    assert data["dialed_number"] == "+918000000001"
    assert data["kiosk_id"] == "test-kiosk"


async def test_demo_seeds_sample_customers_once(make_settings) -> None:
    settings = make_settings(demo=True)
    for _ in range(2):
        async with KioskRuntime(settings) as runtime:
            with runtime.database.session() as db:
                assert count_customers(db) == len(SAMPLE_CUSTOMERS)
