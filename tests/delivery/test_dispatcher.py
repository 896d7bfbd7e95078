import asyncio
import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from kiosk.delivery.dispatcher import OutboxDispatcher
from kiosk.delivery.payload import completion_message
from kiosk.domain.backoff import Backoff
from kiosk.domain.clock import SystemClock
from kiosk.domain.events import CallEvent
from kiosk.domain.health import OutboxStatus
from kiosk.domain.session import VerificationSession
from kiosk.store import outbox, verifications
from kiosk.store.database import Database
from kiosk.store.models import OutboxMessage
from tests.merchant_backend import SECRET, MerchantBackend


def queue_outcome(database: Database) -> OutboxMessage:
    now = datetime.now(UTC)
    session = VerificationSession.start(
        expected_number="+919812345678",
        now=now,
        dialed_number="+918000000001",
        reference="ORDER-1042",
    )
    session.verify(CallEvent("+919812345678", "+919812345678", now, "modem"))
    message = completion_message(session, kiosk_id="counter-1", now=now)
    with database.session() as db:
        verifications.save_verification(db, session, kiosk_id="counter-1")
        outbox.add_message(db, message)
    return message


def dispatcher(database: Database, url: str | None, **kwargs: object) -> OutboxDispatcher:
    options: dict = {
        "secret": SECRET,
        "clock": SystemClock(),
        "backoff": Backoff(0.05, 0.2),
        "timeout": 2.0,
    }
    options.update(kwargs)
    return OutboxDispatcher(database, url=url, **options)


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections but never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield sock.getsockname()[1]
    sock.close()


@pytest.fixture
def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


async def run_until_empty(sender: OutboxDispatcher) -> None:
    """Run ``sender`` until the status it publishes says no message is waiting."""
    empty = asyncio.Event()
    sender.on_status = lambda status: empty.set() if status.pending == 0 else None
    task = asyncio.create_task(sender.run())
    try:
        async with asyncio.timeout(10):
            await empty.wait()
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def test_delivers_a_signed_event_that_the_backend_verifies(
    database: Database, backend: MerchantBackend
) -> None:
    message = queue_outcome(database)
    await run_until_empty(dispatcher(database, backend.url))
    [delivery] = backend.received
    assert delivery.signature_ok
    assert delivery.webhook_id == message.id
    assert delivery.headers["content-type"] == "application/json"
    body = delivery.payload
    assert body["type"] == "verification.completed"
    assert body["data"]["status"] == "verified"
    assert body["data"]["reference"] == "ORDER-1042"
    assert body["data"]["caller_number"] == "+919812345678"
    assert body["data"]["kiosk_id"] == "counter-1"
    with database.session() as db:
        assert outbox.pending_count(db) == 0


async def test_503_twice_then_200_sends_the_same_id_three_times(
    database: Database, backend: MerchantBackend
) -> None:
    message = queue_outcome(database)
    backend.answer(503, 503)
    await run_until_empty(dispatcher(database, backend.url))
    assert [d.answered for d in backend.received] == [503, 503, 200]
    assert {d.webhook_id for d in backend.received} == {message.id}
    assert len({d.body for d in backend.received}) == 1
    assert all(d.signature_ok for d in backend.received)
    with database.session() as db:
        assert outbox.pending_count(db) == 0
        stored = db.get(OutboxMessage, message.id)
        assert stored is not None
        assert stored.attempts == 3
        assert stored.delivered_at is not None


async def test_retry_after_is_honoured(database: Database, backend: MerchantBackend) -> None:
    message = queue_outcome(database)
    backend.answer(429, headers={"Retry-After": "30"})
    sender = dispatcher(database, backend.url, backoff=Backoff(0.05, 120))
    before = datetime.now(UTC)
    async with httpx.AsyncClient() as client:
        assert await sender.deliver_due(client) == 0
        assert await sender.deliver_due(client) == 0  # held back: nothing sent
    assert len(backend.received) == 1
    with database.session() as db:
        stored = db.get(OutboxMessage, message.id)
        assert stored is not None
        assert stored.next_attempt_at >= before + timedelta(seconds=30)
        assert stored.last_error == "The backend answered 429 Too Many Requests."


async def test_unreachable_backend_keeps_the_message_with_a_plain_reason(
    database: Database, closed_port: int
) -> None:
    queue_outcome(database)
    seen: list[OutboxStatus] = []
    sender = dispatcher(database, f"http://127.0.0.1:{closed_port}/", on_status=seen.append)
    async with httpx.AsyncClient() as client:
        assert await sender.deliver_due(client) == 0
    assert seen[-1].pending == 1
    assert seen[-1].last_error is not None
    assert str(seen[-1].last_error).startswith("Cannot reach the backend")


async def test_a_backend_that_never_answers_times_out(database: Database, silent_port: int) -> None:
    queue_outcome(database)
    sender = dispatcher(database, f"http://127.0.0.1:{silent_port}/", timeout=0.3)
    async with httpx.AsyncClient(timeout=0.3) as client:
        assert await sender.deliver_due(client) == 0
    status = await sender.status()
    assert status.pending == 1
    assert str(status.last_error) == "The backend did not answer within 0.3 s."


async def test_a_restart_resends_what_was_pending(
    database: Database, backend: MerchantBackend, closed_port: int
) -> None:
    message = queue_outcome(database)
    async with httpx.AsyncClient() as client:
        await dispatcher(database, f"http://127.0.0.1:{closed_port}/").deliver_due(client)
    database.dispose()

    reopened = Database(database.url)
    try:
        with reopened.session() as db:
            outbox.make_due_now(db, datetime.now(UTC))
        await run_until_empty(dispatcher(reopened, backend.url))
    finally:
        reopened.dispose()
    [delivery] = backend.received
    assert delivery.webhook_id == message.id
    assert json.loads(delivery.body) == json.loads(message.payload)


async def test_without_a_url_nothing_is_sent_and_the_result_is_kept(database: Database) -> None:
    queue_outcome(database)
    sender = dispatcher(database, None)
    async with httpx.AsyncClient() as client:
        assert await sender.deliver_due(client) == 0
    assert str(sender.configuration_problem()) == (
        "No callback URL is set: results are kept until one is."
    )
    assert (await sender.status()).pending == 1


async def test_wrong_secret_is_refused_by_the_backend(
    database: Database, backend: MerchantBackend
) -> None:
    queue_outcome(database)
    other = "whsec_" + "QUJD" * 8
    async with httpx.AsyncClient() as client:
        await dispatcher(database, backend.url, secret=other).deliver_due(client)
    [delivery] = backend.received
    assert not delivery.signature_ok
    assert delivery.answered == 401
