"""Kiosks sharing one database: races between real kiosk processes, on SQLite and PostgreSQL.

Each racer is a separate Python process (tests/kiosk_process.py) with its own
service or dispatcher; they start together and compete for the same calls and the
same outbox messages. Exactly one wins each; nothing is lost.
"""

import json
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.delivery.payload import completion_message
from kiosk.domain.events import CallEvent
from kiosk.domain.session import CallOutcome, Status, VerificationSession
from kiosk.store import outbox, verifications
from kiosk.store.database import Database
from kiosk.store.models import CallRecord, OutboxMessage, Verification
from tests.kiosk_process import DIAL, kiosk_service
from tests.merchant_backend import SECRET, MerchantBackend

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def database_url(any_database_url: str) -> str:
    return any_database_url


def start_racers(*commands: list[str]) -> list[subprocess.Popen[str]]:
    racers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.kiosk_process", *command],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    for racer in racers:
        assert racer.stdout is not None
        assert racer.stdout.readline().strip() == "ready"
    for racer in racers:  # go, all together
        assert racer.stdin is not None
        racer.stdin.write("go\n")
        racer.stdin.flush()
    return racers


def results(racers: list[subprocess.Popen[str]]) -> list[object]:
    answers = []
    for racer in racers:
        out, _ = racer.communicate(timeout=60)
        assert racer.returncode == 0
        answers.append(json.loads(out.strip().splitlines()[-1]))
    return answers


def caller(index: int) -> str:
    return f"+9198{index:08d}"


async def test_a_call_verifies_a_session_started_on_another_kiosk_exactly_once(
    database: Database, database_url: str
) -> None:
    counter_1 = kiosk_service(database, "counter-1")
    sessions = [await counter_1.start_for_phone(caller(index)) for index in range(30)]
    calls = [[caller(index), f"CA{index}"] for index in range(30)]
    forwards, backwards = json.dumps(calls), json.dumps(calls[::-1])  # they meet in the middle

    racers = start_racers(
        ["calls", database_url, "counter-2", forwards],
        ["calls", database_url, "counter-3", backwards],
    )
    second, third = results(racers)

    with database.session() as session:
        rows = list(session.scalars(select(Verification).order_by(Verification.started_at)))
        assert [row.status for row in rows] == [Status.VERIFIED.value] * 30
        matched = session.scalars(
            select(CallRecord.verification_id).where(
                CallRecord.outcome == CallOutcome.MATCHED.value
            )
        )
        assert sorted(Counter(matched).values()) == [1] * 30  # one matched call each
        payloads = [json.loads(m.payload)["data"] for m in outbox.pending_messages(session)]
    assert sorted(p["verification_id"] for p in payloads) == sorted(s.id for s in sessions)
    assert {p["kiosk_id"] for p in payloads} == {"counter-1"}  # where each session started
    wins = [o == CallOutcome.MATCHED.value for o in second] + [
        o == CallOutcome.MATCHED.value for o in third
    ]
    assert sum(wins) == 30  # each call won by exactly one kiosk

    assert await counter_1.adopt_shared_outcomes() == 30  # the counter that started them learns it
    for started in sessions:
        final = await counter_1.outcome(started.id)
        assert final.status is Status.VERIFIED
    with database.session() as session:
        assert outbox.pending_count(session) == 30  # adopting queued no second callback


async def test_the_kiosk_that_started_the_session_sees_the_outcome(database: Database) -> None:
    counter_1, counter_2 = (
        kiosk_service(database, "counter-1"),
        kiosk_service(database, "counter-2"),
    )
    started = await counter_1.start_for_phone(caller(1))
    await counter_2.call_heard(
        CallEvent(caller(1), caller(1), datetime.now(UTC), "twilio", dialed=DIAL, call_id="CA1")
    )
    assert await counter_1.adopt_shared_outcomes() == 1
    final = await counter_1.outcome(started.id)
    assert final.status is Status.VERIFIED
    assert final.matched_call is not None
    assert final.matched_call.caller == caller(1)
    assert counter_1.pending_sessions() == []


async def test_a_call_to_another_number_does_not_verify_a_shared_session(
    database: Database,
) -> None:
    counter_1, counter_2 = (
        kiosk_service(database, "counter-1"),
        kiosk_service(database, "counter-2"),
    )
    started = await counter_1.start_for_phone(caller(1))
    await counter_2.call_heard(
        CallEvent(caller(1), caller(1), datetime.now(UTC), "twilio", dialed="+918000000099")
    )
    with database.session() as session:
        assert verifications.load_verification(session, started.id).status is Status.PENDING


def test_two_kiosks_send_each_outbox_message_exactly_once(
    database: Database, database_url: str, backend: MerchantBackend
) -> None:
    now = datetime.now(UTC)
    with database.session() as session:
        for index in range(60):
            state = VerificationSession.start(expected_number=caller(index), now=now)
            state.expire_if_due(state.expires_at)
            verifications.save_verification(session, state, kiosk_id="counter-1")
            outbox.add_message(session, completion_message(state, kiosk_id="counter-1", now=now))

    racers = start_racers(
        ["outbox", database_url, "counter-2", backend.url, SECRET],
        ["outbox", database_url, "counter-3", backend.url, SECRET],
    )
    sent = results(racers)

    ids = Counter(delivery.webhook_id for delivery in backend.received)
    assert len(ids) == 60
    assert set(ids.values()) == {1}  # nobody got a message twice
    assert sum(sent) == 60
    assert all(delivery.signature_ok for delivery in backend.received)
    with database.session() as session:
        assert outbox.pending_count(session) == 0
        assert (
            session.scalar(select(func.count()).where(OutboxMessage.claimed_by.is_not(None))) == 0
        )


def test_kiosks_starting_together_migrate_one_after_the_other(database_url: str) -> None:
    racers = start_racers(*[["migrate", database_url, f"counter-{n}"] for n in range(3)])
    assert len(results(racers)) == 3  # every kiosk started; none failed on the others' DDL
    database = Database(database_url)
    assert database.migrate() is None  # up to date
    database.dispose()


def test_a_claimed_message_is_left_to_its_kiosk_until_the_lease_runs_out(
    database: Database,
) -> None:
    now = datetime.now(UTC)
    state = VerificationSession.start(expected_number=caller(1), now=now)
    state.expire_if_due(state.expires_at)
    with database.session() as session:
        verifications.save_verification(session, state, kiosk_id="counter-1")
        outbox.add_message(session, completion_message(state, kiosk_id="counter-1", now=now))
    lease = now + timedelta(minutes=5)
    with database.session() as session:
        assert len(outbox.claim_due_messages(session, now, owner="a", until=lease)) == 1
    with database.session() as session:
        assert outbox.claim_due_messages(session, now, owner="b", until=lease) == []
        assert outbox.next_due_at(session) == lease  # b sleeps until then, not in a busy loop
    later = lease + timedelta(seconds=1)
    with database.session() as session:  # a died mid-send: b may take it over
        assert len(outbox.claim_due_messages(session, later, owner="b", until=later)) == 1
