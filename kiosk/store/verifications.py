"""Verification and call-record queries: the durable side of the service's sessions."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.events import CallEvent
from kiosk.domain.session import CallOutcome, Status, VerificationSession
from kiosk.store.models import CallRecord, Verification


def save_verification(session: Session, state: VerificationSession, *, kiosk_id: str) -> None:
    """Insert or update the row for ``state``."""
    row = session.get(Verification, state.id) or Verification(id=state.id, kiosk_id=kiosk_id)
    call = state.matched_call
    row.customer_id = state.customer_id
    row.reference = state.reference
    row.customer_name = state.customer_name
    row.expected_number = state.expected_number
    row.dialed_number = state.dialed_number
    row.status = state.status.value
    row.started_at = state.started_at
    row.expires_at = state.expires_at
    row.completed_at = state.completed_at
    row.call_at = call.at if call else None
    row.caller_number = call.caller if call else None
    row.source = call.source if call else None
    row.unmatched_calls = state.unmatched_calls
    session.add(row)


def record_call(
    session: Session,
    event: CallEvent,
    *,
    outcome: CallOutcome,
    verification_id: str | None,
    kiosk_id: str,
) -> None:
    """Keep a record of a heard call, whatever it meant."""
    session.add(
        CallRecord(
            verification_id=verification_id,
            caller_raw=event.caller_raw[:64],
            caller_number=event.caller,
            dialed_number=event.dialed,
            received_at=event.at,
            source=event.source,
            source_call_id=event.call_id,
            outcome=outcome.value,
            raw=event.raw,
            kiosk_id=kiosk_id,
        )
    )


def pending_verifications(session: Session, *, kiosk_id: str) -> list[VerificationSession]:
    """Sessions this kiosk left pending (e.g. it crashed or was switched off mid-session)."""
    statement = select(Verification).where(
        Verification.status == Status.PENDING.value, Verification.kiosk_id == kiosk_id
    )
    return [
        VerificationSession(
            id=row.id,
            expected_number=row.expected_number,
            dialed_number=row.dialed_number,
            started_at=row.started_at,
            expires_at=row.expires_at,
            reference=row.reference,
            customer_id=row.customer_id,
            customer_name=row.customer_name,
            unmatched_calls=row.unmatched_calls,
        )
        for row in session.scalars(statement)
    ]


def calls_for(session: Session, verification_id: str) -> Sequence[CallRecord]:
    """The calls heard during one verification, oldest first."""
    statement = (
        select(CallRecord)
        .where(CallRecord.verification_id == verification_id)
        .order_by(CallRecord.received_at)
    )
    return list(session.scalars(statement))
