"""Demo mode's built-in merchant backend: a real server that checks signatures and says so."""

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest

from kiosk.delivery.demo_backend import DemoBackend
from kiosk.delivery.signing import signed_headers
from kiosk.domain.clock import SystemClock
from kiosk.domain.health import ReceivedCallback
from tests.merchant_backend import SECRET

BODY = json.dumps(
    {
        "type": "verification.completed",
        "timestamp": "2026-11-26T10:15:02Z",
        "data": {"status": "verified", "reference": "ORDER-1042", "caller_number": "+919812345678"},
    }
)


@pytest.fixture
async def demo() -> AsyncIterator[tuple[DemoBackend, asyncio.Queue[ReceivedCallback]]]:
    received: asyncio.Queue[ReceivedCallback] = asyncio.Queue()
    backend = DemoBackend(SystemClock(), received.put_nowait)
    await backend.start()
    yield backend, received
    await backend.stop()


async def post(url: str, body: str, headers: dict[str, str]) -> httpx.Response:
    async with httpx.AsyncClient(timeout=5) as client:
        return await client.post(url, content=body.encode(), headers=headers)


async def test_a_signed_callback_is_taken_and_reported_with_its_fields(demo) -> None:
    backend, received = demo
    assert backend.url.startswith("http://127.0.0.1:")
    headers = signed_headers(
        backend.secret, message_id="msg_1", timestamp=datetime.now(UTC), body=BODY
    )
    response = await post(backend.url, BODY, headers)
    assert response.status_code == 204
    got = received.get_nowait()
    assert got.signature_valid
    assert got.webhook_id == "msg_1"
    assert got.event_type == "verification.completed"
    assert got.data == {
        "status": "verified",
        "reference": "ORDER-1042",
        "caller_number": "+919812345678",
    }


@pytest.mark.parametrize("attack", ["another secret", "body changed", "no signature"])
async def test_a_forged_callback_is_refused_and_its_fields_never_shown(demo, attack: str) -> None:
    backend, received = demo
    secret = SECRET if attack == "another secret" else backend.secret
    headers = signed_headers(secret, message_id="msg_2", timestamp=datetime.now(UTC), body=BODY)
    body = BODY.replace("ORDER-1042", "ORDER-9999") if attack == "body changed" else BODY
    if attack == "no signature":
        del headers["webhook-signature"]
    response = await post(backend.url, body, headers)
    assert response.status_code == 401
    got = received.get_nowait()
    assert not got.signature_valid
    assert got.event_type is None
    assert got.data == {}


async def test_a_replayed_old_callback_is_refused(demo) -> None:
    backend, received = demo
    old = datetime(2026, 1, 1, tzinfo=UTC)
    headers = signed_headers(backend.secret, message_id="msg_3", timestamp=old, body=BODY)
    response = await post(backend.url, BODY, headers)
    assert response.status_code == 401
    assert not received.get_nowait().signature_valid


async def test_each_run_has_its_own_secret_and_port() -> None:
    first = DemoBackend(SystemClock(), lambda _received: None)
    second = DemoBackend(SystemClock(), lambda _received: None)
    await first.start()
    await second.start()
    try:
        assert first.secret != second.secret
        assert first.secret.startswith("whsec_")
        assert first.url != second.url
    finally:
        await first.stop()
        await second.stop()
    assert not first.started
