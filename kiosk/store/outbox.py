"""Outbox queries: callbacks waiting to be acknowledged by the merchant backend."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import case, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from kiosk.store.database import rows_changed
from kiosk.store.models import OutboxMessage


def add_message(session: Session, message: OutboxMessage) -> None:
    """Queue a message (in the caller's transaction, beside the outcome it reports)."""
    session.add(message)


def claim_due_messages(
    session: Session, now: datetime, *, owner: str, until: datetime, limit: int = 20
) -> Sequence[OutboxMessage]:
    """Lease due messages to ``owner`` until ``until``, so no other kiosk sends them meanwhile.

    Kiosks sharing a database each claim different messages: rows another kiosk is
    claiming are skipped (``FOR UPDATE SKIP LOCKED`` on PostgreSQL), and the claim is
    a conditional update, so of two kiosks only one gets a message. A lease that ran
    out (its kiosk died mid-send) can be claimed again.
    """
    free = or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until <= now)
    candidates = (
        select(OutboxMessage.id)
        .where(OutboxMessage.delivered_at.is_(None), OutboxMessage.next_attempt_at <= now, free)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.created_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    ids = list(session.scalars(candidates))
    if not ids:
        return []
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), free)
        .values(claimed_by=owner, claimed_until=until)
        .execution_options(synchronize_session=False)
    )
    claimed = (
        select(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), OutboxMessage.claimed_by == owner)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.created_at)
        .execution_options(populate_existing=True)
    )
    return list(session.scalars(claimed))


def release_claims(session: Session, ids: Collection[str], *, owner: str) -> None:
    """Give back messages ``owner`` claimed but did not try (the backend went down)."""
    if ids:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(list(ids)), OutboxMessage.claimed_by == owner)
            .values(claimed_by=None, claimed_until=None)
        )


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
    """When the earliest undelivered message is next due (or its lease runs out)."""
    due: ColumnElement[datetime] = case(
        (OutboxMessage.claimed_until > OutboxMessage.next_attempt_at, OutboxMessage.claimed_until),
        else_=OutboxMessage.next_attempt_at,
    )
    statement = select(func.min(due)).where(OutboxMessage.delivered_at.is_(None))
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
        .values(
            delivered_at=now,
            attempts=OutboxMessage.attempts + 1,
            last_error=None,
            claimed_by=None,
            claimed_until=None,
        )
    )


def mark_failed(session: Session, message_id: str, *, error: str, retry_at: datetime) -> None:
    """An attempt failed; try again at ``retry_at``."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(
            attempts=OutboxMessage.attempts + 1,
            last_error=error,
            next_attempt_at=retry_at,
            claimed_by=None,
            claimed_until=None,
        )
    )


def make_due_now(session: Session, now: datetime) -> int:
    """Make every undelivered message due now (staff asked to retry); returns the count."""
    return rows_changed(
        session,
        update(OutboxMessage)
        .where(OutboxMessage.delivered_at.is_(None))
        .values(next_attempt_at=now),
    )
