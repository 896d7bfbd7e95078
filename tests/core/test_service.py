"""The service facade: looking customers up, starting sessions, and a slow database."""

import asyncio

import pytest

from kiosk.core.reasons import CoreReason
from kiosk.core.service import CustomerNotFound
from kiosk.domain.phone import InvalidPhoneNumber, PhoneReason
from kiosk.domain.reasons import Why
from kiosk.domain.session import Status
from kiosk.store.database import Database
from tests.core.conftest import ASHA, make_service, texting_modem
from tests.slow_database import slow_statements


async def test_phone_in_any_format_finds_the_customer(seeded: Database) -> None:
    service = make_service(seeded)
    session = await service.start_for_phone("098123-45678")
    assert session.reference == "ORDER-1042"
    assert session.customer_id is not None


async def test_unknown_phone_is_verified_ad_hoc(seeded: Database) -> None:
    service = make_service(seeded)
    session = await service.start_for_phone("+91 99000 11122")
    assert session.customer_id is None
    assert session.expected_number == "+919900011122"


async def test_lookup_errors_say_what_was_wrong(seeded: Database) -> None:
    service = make_service(seeded)
    with pytest.raises(CustomerNotFound, match="ORDER-9999") as not_found:
        await service.start_for_reference("ORDER-9999")
    assert not_found.value.why == Why(CoreReason.CUSTOMER_NOT_FOUND, reference="ORDER-9999")
    with pytest.raises(InvalidPhoneNumber) as invalid:
        await service.start_for_phone("12")
    assert invalid.value.why == Why(PhoneReason.WRONG_LENGTH, text="12")


async def test_find_customers_by_reference_phone_and_name(seeded: Database) -> None:
    service = make_service(seeded)
    assert [c.reference for c in await service.find_customers("order-1042")] == ["ORDER-1042"]
    assert [c.reference for c in await service.find_customers("98123 45678")] == ["ORDER-1042"]
    assert [c.name for c in await service.find_customers("ra")] == ["Rahul Mehta"]
    assert [c.name for c in await service.find_customers("R")] == ["Rahul Mehta", "Rohan Das"]
    assert await service.find_customers("   ") == []
    assert await service.find_customers("nobody-here") == []


async def test_a_slow_save_never_delays_hanging_up_a_call(seeded: Database) -> None:
    # A shared database that takes 500 ms per statement, and a real modem driver on the
    # simulator's pty: the modem hangs up while the service is still saving.
    service = make_service(seeded)
    async with texting_modem(service) as simulator:
        leaving = await service.start_for_reference("ORDER-1043")
        waiting = await service.start_for_reference("ORDER-1042")
        with slow_statements(seeded) as server:
            cancelling = asyncio.create_task(service.cancel(leaving.id))
            assert await asyncio.to_thread(server.asked.wait, 5)  # the save is under way
            rejected = await simulator.ring(ASHA, rings=3, interval=2.0)
            assert rejected  # the simulator saw AT+CHUP ...
            assert not cancelling.done()  # ... before the save was done
            await cancelling
            final = await asyncio.wait_for(service.outcome(waiting.id), 20)
    assert final.status is Status.VERIFIED
    assert (await service.outcome(leaving.id)).status is Status.CANCELLED
    assert {thread.split("_")[0] for thread in server.threads} == {"kiosk-database"}
