"""Saving how a session ended: the outcome, its matched call and its callback, together.

These functions run on the database thread inside one transaction (through
:meth:`~kiosk.store.database.Database.run`), so either all three are stored or none
is, and a callback is never queued for an outcome that was not saved.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.delivery.payload import completion_message
from kiosk.domain.events import CallEvent
from kiosk.domain.session import CallOutcome, VerificationSession
from kiosk.store import outbox, verifications


def save_outcome(
    session: Session,
    state: VerificationSession,
    call: CallEvent | None,
    *,
    kiosk_id: str,
    now: datetime,
    default_source: str | None,
) -> VerificationSession | None:
    """Store the outcome of ``state`` with its matched call and its callback.

    Returns the stored state instead when another process finished the session
    first; then no second callback is queued.
    """
    if not verifications.finish_verification(session, state):
        return verifications.load_verification(session, state.id)
    queue_outcome(
        session,
        state,
        call,
        heard_on=kiosk_id,
        started_on=kiosk_id,
        now=now,
        default_source=default_source,
    )
    return None


def queue_outcome(
    session: Session,
    state: VerificationSession,
    call: CallEvent | None,
    *,
    heard_on: str,
    started_on: str,
    now: datetime,
    default_source: str | None,
) -> None:
    """Record the matched call (heard on ``heard_on``) and queue the callback.

    The callback names ``started_on``, the kiosk where the session was started.
    """
    if call is not None:
        verifications.record_call(
            session,
            call,
            outcome=CallOutcome.MATCHED,
            verification_id=state.id,
            kiosk_id=heard_on,
        )
    message = completion_message(state, kiosk_id=started_on, now=now, default_source=default_source)
    outbox.add_message(session, message)
