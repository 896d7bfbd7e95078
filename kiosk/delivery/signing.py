"""Standard Webhooks signatures, made with the reference ``standardwebhooks`` library."""

from __future__ import annotations

from datetime import datetime
from math import floor

from standardwebhooks import Webhook


def signed_headers(
    secret: str, *, message_id: str, timestamp: datetime, body: str
) -> dict[str, str]:
    """The ``webhook-*`` headers for ``body`` (content type included)."""
    signature = Webhook(secret).sign(msg_id=message_id, timestamp=timestamp, data=body)
    return {
        "content-type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(floor(timestamp.timestamp())),
        "webhook-signature": signature,
    }
