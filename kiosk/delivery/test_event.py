"""The signed ``verification.test`` event, which asks whether the backend takes our callbacks.

``doctor`` and the settings screen's "Send a test callback" both send it; it carries no
customer, only which kiosk asks (``data``: ``kiosk_id`` and ``message``).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from kiosk.delivery.reasons import DeliveryReason
from kiosk.delivery.signing import signed_headers
from kiosk.domain.clock import isoformat_utc
from kiosk.domain.reasons import Why

TEST_EVENT = "verification.test"


@dataclass(frozen=True, slots=True)
class TestCallbackResult:
    """What the backend said to a test callback: accepted or not, and why."""

    ok: bool
    why: Why


def test_event_body(kiosk_id: str, now: datetime, message: str) -> str:
    """The JSON body of a ``verification.test`` event."""
    body = {
        "type": TEST_EVENT,
        "timestamp": isoformat_utc(now),
        "data": {"kiosk_id": kiosk_id, "message": message},
    }
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)


def test_event_headers(secret: str, now: datetime, body: str) -> dict[str, str]:
    """Standard Webhooks headers for a test event (a fresh ``webhook-id`` each time)."""
    return signed_headers(
        secret, message_id=f"msg_test_{uuid.uuid4().hex}", timestamp=now, body=body
    )


async def send_test_callback(
    url: str | None, secret: str | None, *, kiosk_id: str, wait: float = 10.0
) -> TestCallbackResult:
    """Post one signed ``verification.test`` event; what the backend answered."""
    if not url:
        return TestCallbackResult(False, Why(DeliveryReason.ENTER_URL))
    if not secret:
        return TestCallbackResult(False, Why(DeliveryReason.ENTER_SECRET))
    now = datetime.now(UTC)
    body = test_event_body(
        kiosk_id, now, "Connection test from the kiosk's settings screen; no customer involved."
    )
    try:
        async with httpx.AsyncClient(timeout=wait) as client:
            response = await client.post(
                url, content=body.encode(), headers=test_event_headers(secret, now, body)
            )
    except httpx.TimeoutException:
        return TestCallbackResult(False, Why(DeliveryReason.NO_ANSWER, seconds=wait))
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        return TestCallbackResult(False, Why(DeliveryReason.UNREACHABLE, error=type(exc).__name__))
    code = response.status_code
    if response.is_success:
        return TestCallbackResult(True, Why(DeliveryReason.TEST_ACCEPTED, status=code))
    phrase = response.reason_phrase
    return TestCallbackResult(False, Why(DeliveryReason.HTTP_STATUS, status=code, phrase=phrase))
