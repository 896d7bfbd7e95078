import asyncio
import contextlib
import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from kiosk.core.notices import CallHeard, SessionChanged, SessionFinished, SessionStarted
from kiosk.core.service import CustomerNotFound, SmsNotSent, VerificationService
from kiosk.domain.clock import Clock, SystemClock
from kiosk.domain.events import CallEvent
from kiosk.domain.phone import InvalidPhoneNumber
from kiosk.domain.session import CallOutcome, Method, Status, VerificationSession
from kiosk.domain.sms_code import MAX_SENDS, CodeCheck
from kiosk.sources.modem.driver import ModemSource
from kiosk.sources.simulator import ModemSimulator
from kiosk.store import outbox, verifications
from kiosk.store.database import Database
from kiosk.store.demo import seed_demo_customers
from kiosk.store.models import CallRecord, Verification

ASHA = "+919812345678"  # ORDER-1042 in the demo data
RAHUL = "+919822334455"  # ORDER-1043


@pytest.fixture
def seeded(database: Database) -> Database:
    with database.session() as db:
        seed_demo_customers(db, datetime.now(UTC))
    return database


class ManualClock:
    def __init__(self, now: datetime) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current


def make_service(
    database: Database, timeout: float = 60, clock: Clock | None = None
) -> VerificationService:
    return VerificationService(
        database,
        clock=clock or SystemClock(),
        kiosk_id="counter-1",
        region="IN",
        dial_number="+918000000001",
        timeout=timedelta(seconds=timeout),
        source_name="modem",
        expiry_grace=timedelta(0),
    )


def heard(caller: str | None, call_id: str | None = None) -> CallEvent:
    return CallEvent(
        caller_raw=caller or "",
        caller=caller,
        at=datetime.now(UTC),
        source="modem",
        call_id=call_id,
        raw=f'+CLIP: "{caller or ""}",145',
    )


def queued_payloads(database: Database) -> list[dict]:
    with database.session() as db:
        return [json.loads(m.payload)["data"] for m in outbox.pending_messages(db)]


async def test_matching_call_verifies_and_queues_the_callback(seeded: Database) -> None:
    service = make_service(seeded)
    seen: list[object] = []
    service.notices.subscribe(seen.append)
    session = await service.start_for_reference("order-1042")
    assert session.customer_name == "Asha Verma"
    assert session.dialed_number == "+918000000001"

    await service.call_heard(heard(ASHA))
    final = await service.outcome(session.id)

    assert final.status is Status.VERIFIED
    assert [type(n) for n in seen] == [SessionStarted, SessionFinished, CallHeard]
    assert seen[-1].outcome is CallOutcome.MATCHED
    [data] = queued_payloads(seeded)
    assert data["status"] == "verified"
    assert data["caller_number"] == ASHA
    assert data["reference"] == "ORDER-1042"
    assert data["source"] == "modem"
    with seeded.session() as db:
        row = db.get(Verification, session.id)
        assert row is not None
        assert row.status == "verified"
        [call] = db.scalars(select(CallRecord)).all()
        assert (call.outcome, call.verification_id) == ("matched", session.id)


async def test_other_number_is_recorded_and_the_session_stays_open(seeded: Database) -> None:
    service = make_service(seeded)
    seen: list[object] = []
    service.notices.subscribe(seen.append)
    session = await service.start_for_reference("ORDER-1042")

    await service.call_heard(heard("+919900011122"))

    [pending] = service.pending_sessions()
    assert pending.unmatched_calls == 1
    assert pending.last_unmatched_caller == "+919900011122"
    assert [type(n) for n in seen[-2:]] == [SessionChanged, CallHeard]
    assert seen[-1].outcome is CallOutcome.UNMATCHED
    with seeded.session() as db:
        [call] = db.scalars(select(CallRecord)).all()
        assert (call.outcome, call.verification_id) == ("unmatched", session.id)
    assert queued_payloads(seeded) == []

    await service.call_heard(heard(ASHA))
    final = await service.outcome(session.id)
    assert final.status is Status.VERIFIED
    assert queued_payloads(seeded)[0]["unmatched_calls"] == 1


async def test_withheld_caller_never_verifies(seeded: Database) -> None:
    service = make_service(seeded)
    session = await service.start_for_reference("ORDER-1042")
    await service.call_heard(heard(None))
    assert service.pending_sessions()[0].id == session.id
    assert service.pending_sessions()[0].unmatched_calls == 1


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


async def test_several_sessions_each_get_their_own_caller(seeded: Database) -> None:
    service = make_service(seeded)
    asha = await service.start_for_reference("ORDER-1042")
    rahul = await service.start_for_reference("ORDER-1043")
    await service.call_heard(heard(RAHUL))
    assert (await service.outcome(rahul.id)).status is Status.VERIFIED
    assert [s.id for s in service.pending_sessions()] == [asha.id]


async def test_a_repeated_call_id_counts_once(seeded: Database) -> None:
    service = make_service(seeded)
    await service.start_for_reference("ORDER-1042")
    await service.call_heard(heard("+919900011122", call_id="call-1"))
    await service.call_heard(heard("+919900011122", call_id="call-1"))
    assert service.pending_sessions()[0].unmatched_calls == 1


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
    with pytest.raises(CustomerNotFound, match="ORDER-9999"):
        await service.start_for_reference("ORDER-9999")
    with pytest.raises(InvalidPhoneNumber):
        await service.start_for_phone("12")


async def test_find_customers_by_reference_phone_and_name(seeded: Database) -> None:
    service = make_service(seeded)
    assert [c.reference for c in await service.find_customers("order-1042")] == ["ORDER-1042"]
    assert [c.reference for c in await service.find_customers("98123 45678")] == ["ORDER-1042"]
    assert [c.name for c in await service.find_customers("ra")] == ["Rahul Mehta"]
    assert [c.name for c in await service.find_customers("R")] == ["Rahul Mehta", "Rohan Das"]
    assert await service.find_customers("   ") == []
    assert await service.find_customers("nobody-here") == []


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


async def test_a_call_that_rang_before_the_deadline_but_arrives_after_it_verifies(
    seeded: Database,
) -> None:
    clock = ManualClock(datetime.now(UTC))
    service = make_service(seeded, timeout=60, clock=clock)
    session = await service.start_for_reference("ORDER-1042")
    clock.current = session.expires_at + timedelta(seconds=1)  # reported late
    late = CallEvent(ASHA, ASHA, session.expires_at - timedelta(seconds=1), "modem")
    await service.call_heard(late)
    assert (await service.outcome(session.id)).status is Status.VERIFIED


async def test_a_failed_save_is_retried_and_nothing_is_lost(seeded: Database) -> None:
    service = make_service(seeded)
    session = await service.start_for_reference("ORDER-1042")
    with seeded.engine.begin() as connection:
        connection.execute(text("ALTER TABLE outbox RENAME TO outbox_away"))
    await service.call_heard(heard(ASHA))
    outcome = asyncio.ensure_future(service.outcome(session.id))
    assert not outcome.done()  # not reported while it is not saved
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


# The SMS-code fallback, through a real modem driver on the simulator's pty.


@contextlib.asynccontextmanager
async def texting_modem(service: VerificationService):
    """A ready simulated modem that sends the service's SMS codes."""
    async with ModemSimulator() as simulator:
        modem = ModemSource(simulator.port, reconnect_delay=0.01)
        service.sms_sender = modem
        ready = asyncio.Event()
        unsubscribe = service.notices.subscribe(
            lambda _notice: ready.set() if service.sms_available else None
        )
        task = asyncio.create_task(modem.run(service))
        try:
            await asyncio.wait_for(ready.wait(), 5)
            yield simulator
        finally:
            unsubscribe()
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


def sent_code(simulator: ModemSimulator) -> str:
    [(_number, message)] = simulator.sent_sms[-1:]
    match = re.search(r"\b(\d{6})\b", message)
    assert match is not None, message
    return match.group(1)


async def test_sms_code_verifies_and_the_callback_says_so(seeded: Database) -> None:
    service = make_service(seeded)
    assert not service.sms_available  # no modem yet
    async with texting_modem(service) as simulator:
        session = await service.start_for_reference("ORDER-1042")
        changed = await service.send_sms_code(session.id)
        assert changed.code_expires_at is not None
        assert changed.expires_at >= changed.code_expires_at  # time to type it
        [(number, message)] = simulator.sent_sms
        assert number == ASHA
        assert "ORDER-1042" in message
        code = sent_code(simulator)
        wrong = "000000" if code != "000000" else "111111"
        assert await service.check_sms_code(session.id, wrong) == (CodeCheck.WRONG, 4)
        assert await service.check_sms_code(session.id, code) == (CodeCheck.ACCEPTED, 3)
        final = await asyncio.wait_for(service.outcome(session.id), 5)
    assert final.status is Status.VERIFIED
    assert final.method is Method.SMS_CODE
    [data] = queued_payloads(seeded)
    assert data["method"] == "sms_code"
    assert data["status"] == "verified"
    assert data["caller_number"] is None
    with seeded.session() as db:
        stored = db.get(Verification, session.id)
        assert stored is not None
        assert stored.method == "sms_code"
        assert code not in db.scalar(text("select group_concat(code_hash) from sms_codes"))


async def test_a_missed_call_still_verifies_after_a_code_was_sent(seeded: Database) -> None:
    service = make_service(seeded)
    async with texting_modem(service) as simulator:
        session = await service.start_for_reference("ORDER-1042")
        await service.send_sms_code(session.id)
        assert await asyncio.wait_for(simulator.ring(ASHA, interval=2.0), 5)
        final = await asyncio.wait_for(service.outcome(session.id), 5)
        code = sent_code(simulator)
    assert final.method is Method.MISSED_CALL
    assert queued_payloads(seeded)[0]["method"] == "missed_call"
    assert await service.check_sms_code(session.id, code) == (CodeCheck.NO_CODE, 0)


async def test_sms_refused_by_the_network_is_said_in_plain_words(seeded: Database) -> None:
    service = make_service(seeded)
    async with texting_modem(service) as simulator:
        session = await service.start_for_reference("ORDER-1042")
        simulator.sms_error = 331
        with pytest.raises(SmsNotSent, match="there is no mobile network"):
            await service.send_sms_code(session.id)
        assert service.pending_sessions()[0].code_expires_at is None
        assert await service.check_sms_code(session.id, "123456") == (CodeCheck.NO_CODE, 0)


async def test_sms_limits(seeded: Database) -> None:
    service = make_service(seeded)
    session = await service.start_for_reference("ORDER-1042")
    with pytest.raises(SmsNotSent, match="the modem is not ready"):
        await service.send_sms_code(session.id)
    async with texting_modem(service):
        for _ in range(MAX_SENDS):
            await service.send_sms_code(session.id)
        with pytest.raises(SmsNotSent, match="Ask the customer to call instead"):
            await service.send_sms_code(session.id)
        await service.cancel(session.id)
        with pytest.raises(SmsNotSent, match="already finished"):
            await service.send_sms_code(session.id)


async def test_a_call_already_on_record_is_not_taken_again(seeded: Database) -> None:
    # Heard by an earlier run (or another kiosk on the same database), then offered again:
    # a provider listing it after a restart, or a captured notification replayed later.
    first = make_service(seeded)
    await first.call_heard(heard(ASHA, call_id="CA123"))
    later = make_service(seeded)
    session = await later.start_for_reference("ORDER-1042")
    await later.call_heard(heard(ASHA, call_id="CA123"))
    assert later.pending_sessions()[0].id == session.id  # still waiting: not verified by it
    await later.call_heard(heard(ASHA, call_id="CA124"))  # a new call does verify
    final = await asyncio.wait_for(later.outcome(session.id), 5)
    assert final.status is Status.VERIFIED
    with seeded.session() as db:
        ids = db.scalars(select(CallRecord.source_call_id)).all()
    assert sorted(ids) == ["CA123", "CA124"]
