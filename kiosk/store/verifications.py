"""Verification and call-record queries: the durable side of the service's sessions."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from kiosk.domain.events import CallEvent
from kiosk.domain.session import CallOutcome, Method, Status, VerificationSession
from kiosk.store.database import rows_changed
from kiosk.store.models import CallRecord, Verification


def save_verification(session: Session, state: VerificationSession, *, kiosk_id: str) -> None:
    """Insert or update the row for ``state`` (a new or still pending session)."""
    row = session.get(Verification, state.id) or Verification(id=state.id, kiosk_id=kiosk_id)
    for column, value in _columns(state).items():
        setattr(row, column, value)
    session.add(row)


def finish_verification(session: Session, state: VerificationSession) -> bool:
    """Store the outcome of ``state``; False if its row was already finished.

    Another process sharing the database (a second kiosk, the command line) may have
    finished the same session first; then nothing is written.
    """
    statement = (
        update(Verification)
        .where(Verification.id == state.id, Verification.status == Status.PENDING.value)
        .values(**_columns(state))
    )
    return rows_changed(session, statement) == 1


def load_verification(session: Session, verification_id: str) -> VerificationSession | None:
    """The stored state of one verification, if it exists."""
    row = session.get(Verification, verification_id)
    return _to_state(row) if row else None


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


def call_recorded(session: Session, source: str, call_id: str) -> bool:
    """True when this source's call is already on record (heard before, here or elsewhere)."""
    statement = select(CallRecord.id).where(
        CallRecord.source == source, CallRecord.source_call_id == call_id
    )
    return session.scalars(statement.limit(1)).first() is not None


def pending_verifications(session: Session, *, kiosk_id: str) -> list[VerificationSession]:
    """Sessions this kiosk left pending (e.g. it crashed or was switched off mid-session)."""
    statement = select(Verification).where(
        Verification.status == Status.PENDING.value, Verification.kiosk_id == kiosk_id
    )
    return [_to_state(row) for row in session.scalars(statement)]


def claim_pending_for_call(
    session: Session, event: CallEvent, *, exclude: Collection[str] = ()
) -> tuple[VerificationSession, str] | None:
    """Lock the oldest pending session (of any kiosk) that ``event`` verifies.

    For kiosks sharing one database and one dial number: the call may belong to a
    session another kiosk started. The row stays locked until the transaction ends
    (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so a second kiosk handling the same
    call does not wait for it; SQLite has one writer anyway). Returns the session and
    the kiosk that started it; ``exclude`` are sessions the caller already routed.
    """
    if event.caller is None:
        return None
    tolerance = timedelta(seconds=event.tolerance)
    statement = (
        select(Verification)
        .where(
            Verification.status == Status.PENDING.value,
            Verification.expected_number == event.caller,
            Verification.started_at <= event.at + tolerance,
            Verification.expires_at >= event.at - tolerance,
        )
        .order_by(Verification.started_at)
        .with_for_update(skip_locked=True)
    )
    if event.dialed is not None:
        statement = statement.where(
            or_(Verification.dialed_number.is_(None), Verification.dialed_number == event.dialed)
        )
    if exclude:
        statement = statement.where(Verification.id.not_in(list(exclude)))
    row = session.scalars(statement.limit(1)).first()
    return (_to_state(row), row.kiosk_id) if row else None


def finished_among(session: Session, ids: Collection[str]) -> list[VerificationSession]:
    """Those of ``ids`` that are no longer pending (another process finished them)."""
    if not ids:
        return []
    statement = select(Verification).where(
        Verification.id.in_(list(ids)), Verification.status != Status.PENDING.value
    )
    return [_to_state(row) for row in session.scalars(statement)]


def calls_for(session: Session, verification_id: str) -> Sequence[CallRecord]:
    """The calls heard during one verification, oldest first."""
    statement = (
        select(CallRecord)
        .where(CallRecord.verification_id == verification_id)
        .order_by(CallRecord.received_at)
    )
    return list(session.scalars(statement))


def _columns(state: VerificationSession) -> dict[str, Any]:
    call = state.matched_call
    return {
        "customer_id": state.customer_id,
        "reference": state.reference,
        "customer_name": state.customer_name,
        "expected_number": state.expected_number,
        "dialed_number": state.dialed_number,
        "status": state.status.value,
        "started_at": state.started_at,
        "expires_at": state.expires_at,
        "completed_at": state.completed_at,
        "call_at": call.at if call else None,
        "caller_number": call.caller if call else None,
        "source": call.source if call else None,
        "unmatched_calls": state.unmatched_calls,
        "method": state.method.value,
    }


def _to_state(row: Verification) -> VerificationSession:
    matched = None
    if row.call_at is not None and row.caller_number:
        matched = CallEvent(
            caller_raw=row.caller_number,
            caller=row.caller_number,
            at=row.call_at,
            source=row.source or "",
        )
    return VerificationSession(
        id=row.id,
        expected_number=row.expected_number,
        dialed_number=row.dialed_number,
        started_at=row.started_at,
        expires_at=row.expires_at,
        reference=row.reference,
        customer_id=row.customer_id,
        customer_name=row.customer_name,
        status=Status(row.status),
        completed_at=row.completed_at,
        matched_call=matched,
        unmatched_calls=row.unmatched_calls,
        method=Method(row.method),
    )
