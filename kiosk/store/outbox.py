"""Outbox queries: callbacks waiting to be acknowledged by the merchant backend."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from kiosk.store.models import OutboxMessage


def add_message(session: Session, message: OutboxMessage) -> None:
    """Queue a message (in the caller's transaction, beside the outcome it reports)."""
    session.add(message)


def due_messages(session: Session, now: datetime, *, limit: int = 20) -> Sequence[OutboxMessage]:
    """Undelivered messages whose next attempt is due, oldest first."""
    statement = (
        select(OutboxMessage)
        .where(OutboxMessage.delivered_at.is_(None), OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.created_at)
        .limit(limit)
    )
    return list(session.scalars(statement))


def pending_messages(session: Session) -> Sequence[OutboxMessage]:
    """Every undelivered message, oldest first."""
    statement = (
        select(OutboxMessage)
        .where(OutboxMessage.delivered_at.is_(None))
        .order_by(OutboxMessage.created_at)
    )
    return list(session.scalars(statement))


def pending_count(session: Session) -> int:
    """How many messages wait for the backend."""
    statement = select(func.count()).where(OutboxMessage.delivered_at.is_(None))
    return session.scalar(statement) or 0


def next_due_at(session: Session) -> datetime | None:
    """When the earliest undelivered message is next due."""
    statement = select(func.min(OutboxMessage.next_attempt_at)).where(
        OutboxMessage.delivered_at.is_(None)
    )
    return session.scalar(statement)


def is_delivered(session: Session, message_id: str) -> bool:
    """True once the backend has acknowledged the message."""
    statement = select(OutboxMessage.delivered_at).where(OutboxMessage.id == message_id)
    return session.scalar(statement) is not None


def mark_delivered(session: Session, message_id: str, now: datetime) -> None:
    """The backend acknowledged the message."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(delivered_at=now, attempts=OutboxMessage.attempts + 1, last_error=None)
    )


def mark_failed(session: Session, message_id: str, *, error: str, retry_at: datetime) -> None:
    """An attempt failed; try again at ``retry_at``."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(attempts=OutboxMessage.attempts + 1, last_error=error, next_attempt_at=retry_at)
    )


def make_due_now(session: Session, now: datetime) -> int:
    """Make every undelivered message due now (staff asked to retry); returns the count."""
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.delivered_at.is_(None))
        .values(next_attempt_at=now)
    )
    return result.rowcount or 0
