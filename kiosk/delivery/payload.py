"""The callback body for a finished verification (Standard Webhooks' recommended envelope)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from kiosk.domain.clock import isoformat_utc
from kiosk.domain.session import VerificationSession
from kiosk.store.models import OutboxMessage

EVENT_TYPE = "verification.completed"


def verification_data(
    session: VerificationSession, *, kiosk_id: str, default_source: str | None = None
) -> dict[str, Any]:
    """The ``data`` object of the callback; also what ``verify --json`` prints.

    ``source`` is the source that heard the matching call, else ``default_source``
    (what the kiosk was listening on).
    """
    call = session.matched_call
    return {
        "verification_id": session.id,
        "status": session.status.value,
        "method": session.method.value,
        "reference": session.reference,
        "customer_id": session.customer_id,
        "expected_number": session.expected_number,
        "caller_number": call.caller if call else None,
        "dialed_number": session.dialed_number,
        "source": call.source if call else default_source,
        "started_at": isoformat_utc(session.started_at),
        "expires_at": isoformat_utc(session.expires_at),
        "completed_at": isoformat_utc(session.completed_at),
        "call_at": isoformat_utc(call.at) if call else None,
        "unmatched_calls": session.unmatched_calls,
        "kiosk_id": kiosk_id,
    }


def message_id(verification_id: str) -> str:
    """The ``webhook-id`` for a verification's outcome: one outcome, one id, ever."""
    return f"msg_{verification_id.replace('-', '')}"


def completion_message(
    session: VerificationSession,
    *,
    kiosk_id: str,
    now: datetime,
    default_source: str | None = None,
) -> OutboxMessage:
    """An outbox message carrying the outcome of ``session``, due at once."""
    body = {
        "type": EVENT_TYPE,
        "timestamp": isoformat_utc(now),
        "data": verification_data(session, kiosk_id=kiosk_id, default_source=default_source),
    }
    return OutboxMessage(
        id=message_id(session.id),
        verification_id=session.id,
        event_type=EVENT_TYPE,
        payload=json.dumps(body, separators=(",", ":"), ensure_ascii=False),
        created_at=now,
        attempts=0,
        next_attempt_at=now,
        kiosk_id=kiosk_id,
    )
