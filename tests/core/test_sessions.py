"""Sessions: expiry, cancel, more time, resuming after a crash, outcomes saved until they are."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from kiosk.domain.customer import ControlCharacters, DetailField
from kiosk.domain.session import Status, VerificationSession
from kiosk.store import verifications
from kiosk.store.customers import NewCustomer, upsert_customers
from kiosk.store.database import Database
from tests.core.conftest import ASHA, RAHUL, heard, make_service, queued_payloads


async def test_nobody_dials_and_the_backend_still_hears_expired(seeded: Database) -> None:
    service = make_service(seeded, timeout=0.2)
    session = await service.start_for_reference("ORDER-1042")
    final = await service.outcome(session.id)
    assert final.status is Status.EXPIRED
    [data] = queued_payloads(seeded)
    assert data["status"] == "expired"
    assert data["caller_number"] is None
    assert data["call_at"] is None
    assert data["source"] == "modem"  # what the kiosk was listening on


async def test_cancel_sends_cancelled(seeded: Database) -> None:
    service = make_service(seeded)
    session = await service.start_for_reference("ORDER-1042")
    await service.cancel(session.id)
    assert (await service.outcome(session.id)).status is Status.CANCELLED
    assert queued_payloads(seeded)[0]["status"] == "cancelled"
    await service.cancel(session.id)  # a second tap does nothing
    assert len(queued_payloads(seeded)) == 1


async def test_extend_gives_more_time(seeded: Database) -> None:
    service = make_service(seeded, timeout=60)
    session = await service.start_for_reference("ORDER-1042")
    await service.extend(session.id, 30)
    [pending] = service.pending_sessions()
    assert pending.expires_at - pending.started_at == timedelta(seconds=90)


async def test_sessions_left_by_a_crash_are_finished_or_resumed(seeded: Database) -> None:
    now = datetime.now(UTC)
    stale = VerificationSession.start(
        expected_number=ASHA, now=now - timedelta(minutes=10), reference="ORDER-1042"
    )
    live = VerificationSession.start(
        expected_number=RAHUL, now=now, timeout=timedelta(minutes=5), reference="ORDER-1043"
    )
    with seeded.session() as db:
        verifications.save_verification(db, stale, kiosk_id="counter-1")
        verifications.save_verification(db, live, kiosk_id="counter-1")

    service = make_service(seeded)
    assert await service.resume() == 2

    assert (await service.outcome(stale.id)).status is Status.EXPIRED
    assert [s.id for s in service.pending_sessions()] == [live.id]
    await service.call_heard(heard(RAHUL))
    assert (await service.outcome(live.id)).status is Status.VERIFIED
    assert sorted(d["status"] for d in queued_payloads(seeded)) == ["expired", "verified"]


async def test_a_failed_save_is_retried_and_nothing_is_lost(seeded: Database) -> None:
    service = make_service(seeded)
    session = await service.start_for_reference("ORDER-1042")
    with seeded.engine.begin() as connection:
        connection.execute(text("ALTER TABLE outbox RENAME TO outbox_away"))
    await service.call_heard(heard(ASHA))
    outcome = asyncio.ensure_future(service.outcome(session.id))
    assert not outcome.done()  # not reported while it is not saved
    with seeded.session() as db:  # outcome, call and callback: all or nothing
        assert verifications.load_verification(db, session.id).status is Status.PENDING
        assert verifications.calls_for(db, session.id) == []
    with seeded.engine.begin() as connection:
        connection.execute(text("ALTER TABLE outbox_away RENAME TO outbox"))
    async with asyncio.timeout(10):
        assert (await outcome).status is Status.VERIFIED
    [data] = queued_payloads(seeded)
    assert data["status"] == "verified"


async def test_a_session_finished_elsewhere_gets_no_second_callback(seeded: Database) -> None:
    counter = make_service(seeded)
    session = await counter.start_for_reference("ORDER-1042")
    command_line = make_service(seeded)
    assert await command_line.resume() == 1  # e.g. a second process with the same kiosk id

    await counter.call_heard(heard(ASHA))
    assert (await counter.outcome(session.id)).status is Status.VERIFIED
    await command_line.cancel(session.id)

    assert (await command_line.outcome(session.id)).status is Status.VERIFIED
    assert [d["status"] for d in queued_payloads(seeded)] == ["verified"]


async def test_a_stored_reference_with_control_characters_starts_nothing(
    seeded: Database,
) -> None:
    # A customer written before references were checked (or straight into the database).
    with seeded.session() as session:
        upsert_customers(
            session,
            [NewCustomer("ORDER-9\x1aAT+CFUN=0\r", "Mallory", ASHA)],
            now=datetime.now(UTC),
        )
    service = make_service(seeded)
    with pytest.raises(ControlCharacters) as refused:
        await service.start_for_reference("ORDER-9\x1aAT+CFUN=0\r")
    assert refused.value.field is DetailField.REFERENCE
    assert service.pending_sessions() == []
    assert queued_payloads(seeded) == []
    with seeded.session() as session:
        assert session.execute(text("SELECT count(*) FROM verifications")).scalar_one() == 0
