"""Providers' notifications as they arrive at the listener, and a listener running for a test.

Builders for Twilio's voice webhook (signed independently of the module), Exotel's
Passthru request and SMS Gateway Center's callback, shared by the listener's tests
and each provider's notification tests.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest

from kiosk.sources.provider.inbound import InboundCallListener
from kiosk.sources.provider.webhook import ReplayGuard
from tests.sources.conftest import WAIT, RecordingSink

KIOSK_NUMBER = "+918040001234"
CALLER = "+919812345678"
OTHER_NUMBER = "+919900011122"
AUTH_TOKEN = "test-auth-token-0123456789abcdef"
SECRET = "kiosk-shared-secret-0123456789abcdef-42"
#: How Exotel's and SMS Gateway Center's requests carry the secret (through a relay).
WITH_SECRET = {"X-Kiosk-Secret": SECRET}
CALL_SID = "CA" + "0123456789abcdef" * 2


def signed(token: str, url: str, params: dict[str, str]) -> str:
    """Twilio's documented signature, written out independently of the module.

    https://www.twilio.com/docs/usage/webhooks/webhooks-security: the full URL, then
    each POST parameter sorted by name, name and value appended without delimiters;
    HMAC-SHA1 keyed with the auth token; base64.
    """
    data = url
    for name in sorted(params):
        data += name + params[name]
    mac = hmac.new(token.encode(), data.encode(), hashlib.sha1)
    return base64.b64encode(mac.digest()).decode()


def twilio_params(**changes: str) -> dict[str, str]:
    """A voice webhook for a call from CALLER to the kiosk."""
    params = {
        "AccountSid": "AC" + "f" * 32,
        "ApiVersion": "2010-04-01",
        "CallSid": CALL_SID,
        "CallStatus": "ringing",
        "Direction": "inbound",
        "From": CALLER,
        "To": KIOSK_NUMBER,
        "CallerName": "",
    }
    params.update(changes)
    return params


def passthru(**changes: str) -> dict[str, str]:
    """The shape of a captured Exotel Passthru request; numbers written nationally."""
    params = {
        "CallSid": "d50e19c31e3911190a7e601f1056d69a",
        "CallFrom": "09812345678",
        "CallTo": "8040001234",
        "CallStatus": "ringing",
        "Direction": "incoming",
        "Created": "Thu, 26 Nov 2026 15:45:02",
        "StartTime": "2026-11-26 15:45:02",
        "EndTime": "0000-00-00 00:00:00",
        "CallType": "call-attempt",
        "DialWhomNumber": "",
        "From": "09812345678",
        "To": "08040001234",
        "CurrentTime": "2026-11-26 15:45:03",
    }
    params.update(changes)
    return params


def sgc(**changes: str) -> dict[str, str]:
    """SMS Gateway Center's callback for a successful missed-call verification, just now."""
    now = int(time.time())
    params = {
        "mobile": "9812345678",
        "missCallTo": "08040001234",
        "createTime": str(now),
        "expiryTime": str(now + 300),
        "retryAfter": str(now + 30),
        "type": "new",
        "method": "generate",
        "status": "success",
        "reason": "",
    }
    params.update(changes)
    return params


@asynccontextmanager
async def listening(
    sink: RecordingSink, replay_guard: ReplayGuard, **options: object
) -> AsyncIterator[tuple[InboundCallListener, asyncio.Task[None]]]:
    """A listener for KIOSK_NUMBER with Twilio's token and the shared secret, running.

    ``replay_guard`` remembers the notifications taken (a real database's).
    """
    settings: dict[str, object] = {
        "host": "127.0.0.1",
        "port": 0,
        "number": KIOSK_NUMBER,
        "twilio_auth_token": AUTH_TOKEN,
        "shared_secret": SECRET,
        "replay_guard": replay_guard,
    }
    settings.update(options)
    listener = InboundCallListener(**settings)  # type: ignore[arg-type]
    task = asyncio.create_task(listener.run(sink))
    try:
        if settings["port"] == 0:
            await asyncio.wait_for(listener.ready.wait(), WAIT)
        yield listener, task
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


def voice_url(listener: InboundCallListener) -> str:
    """Where Twilio posts its voice webhook."""
    return f"{listener.url}/twilio/voice"


async def post_twilio(
    client: httpx.AsyncClient,
    listener: InboundCallListener,
    params: dict[str, str],
    *,
    token: str = AUTH_TOKEN,
    signed_url: str | None = None,
    signature: str | None = None,
) -> httpx.Response:
    """Post ``params`` as Twilio would, signed for ``signed_url`` (default: where it goes)."""
    url = voice_url(listener)
    if signature is None:
        signature = signed(token, signed_url or url, params)
    return await client.post(url, data=params, headers={"X-Twilio-Signature": signature})
