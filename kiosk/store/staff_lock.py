"""The staff PIN's lock per kiosk (wrong PINs in a row, until when it waits) and its log.

Kept in the database so that pulling the plug does not reset the count.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.pin_lock import (
    PinAnswer,
    PinEvent,
    PinEventKind,
    PinOutcome,
    PinPurpose,
    lock_after,
    still_locked,
)
from kiosk.store.models import StaffLockState, StaffPinEvent


def lock_state(session: Session, kiosk_id: str, now: datetime) -> PinAnswer:
    """How the kiosk's lock stands at ``now`` (``LOCKED`` or, when the pad is free, ``WRONG``)."""
    row = session.get(StaffLockState, kiosk_id)
    if row is None:
        return PinAnswer(PinOutcome.WRONG)
    until = still_locked(row.locked_until, now)
    if until is not None and until != row.locked_until:
        row.locked_until = until  # never more than the longest lock from now
    if until is None:
        return PinAnswer(PinOutcome.WRONG, row.failures)
    return PinAnswer(PinOutcome.LOCKED, row.failures, until, until - now)


def record_wrong(session: Session, kiosk_id: str, now: datetime, purpose: PinPurpose) -> PinAnswer:
    """Count a wrong PIN, lock the pad when it is time, and log both."""
    row = _row(session, kiosk_id, now)
    row.failures += 1
    lock = lock_after(row.failures)
    row.locked_until = now + lock if lock else None
    row.updated_at = now
    _log(session, kiosk_id, now, PinEventKind.WRONG, purpose, row.failures)
    if lock:
        _log(session, kiosk_id, now, PinEventKind.LOCKED, purpose, row.failures, lock.seconds)
    return PinAnswer(PinOutcome.WRONG, row.failures, row.locked_until, lock)


def record_right(session: Session, kiosk_id: str, now: datetime, purpose: PinPurpose) -> int:
    """Start the count again; log a right PIN that followed wrong ones. Returns those."""
    row = _row(session, kiosk_id, now)
    failures, row.failures, row.locked_until, row.updated_at = row.failures, 0, None, now
    if failures:
        _log(session, kiosk_id, now, PinEventKind.RIGHT_AFTER_WRONG, purpose, failures)
    return failures


def pin_events(session: Session, *, since: datetime | None, limit: int = 500) -> list[PinEvent]:
    """The staff-PIN log, newest first (every kiosk of the database)."""
    statement = select(StaffPinEvent).order_by(StaffPinEvent.at.desc(), StaffPinEvent.id.desc())
    if since is not None:
        statement = statement.where(StaffPinEvent.at >= since)
    rows: Sequence[StaffPinEvent] = session.scalars(statement.limit(limit)).all()
    return [
        PinEvent(
            at=row.at,
            kind=PinEventKind(row.kind),
            purpose=PinPurpose(row.purpose),
            kiosk_id=row.kiosk_id,
            failures=row.failures,
            lock=None if row.lock_seconds is None else timedelta(seconds=row.lock_seconds),
        )
        for row in rows
    ]


def _row(session: Session, kiosk_id: str, now: datetime) -> StaffLockState:
    row = session.get(StaffLockState, kiosk_id, with_for_update=True)
    if row is None:
        row = StaffLockState(kiosk_id=kiosk_id, failures=0, locked_until=None, updated_at=now)
        session.add(row)
    return row


def _log(
    session: Session,
    kiosk_id: str,
    now: datetime,
    kind: PinEventKind,
    purpose: PinPurpose,
    failures: int,
    lock_seconds: int | None = None,
) -> None:
    session.add(
        StaffPinEvent(
            kiosk_id=kiosk_id,
            at=now,
            kind=kind.value,
            purpose=purpose.value,
            failures=failures,
            lock_seconds=lock_seconds,
        )
    )
