"""Heard calls matched to sessions: verified once, hinted, recorded, never taken twice."""

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from kiosk.core.notices import CallHeard, SessionChanged, SessionFinished, SessionStarted
from kiosk.domain.events import CallEvent
from kiosk.domain.session import CallOutcome, Status
from kiosk.store.database import Database
from kiosk.store.models import CallRecord, Verification
from tests.core.conftest import ASHA, RAHUL, ManualClock, heard, make_service, queued_payloads


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


async def test_a_call_cut_short_is_recorded_as_an_unknown_caller_not_a_hidden_number(
    seeded: Database,
) -> None:
    service = make_service(seeded)
    seen: list[object] = []
    service.notices.subscribe(seen.append)
    session = await service.start_for_reference("ORDER-1042")
    cut_short = CallEvent("", None, datetime.now(UTC), "modem", call_id="m1", caller_unknown=True)

    await service.call_heard(cut_short)

    [pending] = service.pending_sessions()
    assert (pending.unmatched_calls, pending.last_unmatched_caller) == (1, None)
    assert pending.last_unmatched_unknown
    assert seen[-1].outcome is CallOutcome.UNKNOWN_CALLER
    with seeded.session() as db:
        [call] = db.scalars(select(CallRecord)).all()
        assert (call.outcome, call.verification_id) == ("unknown_caller", session.id)
    await service.call_heard(heard(None))  # then a hidden number: that hint again
    [pending] = service.pending_sessions()
    assert not pending.last_unmatched_unknown
    assert seen[-1].outcome is CallOutcome.WITHHELD
