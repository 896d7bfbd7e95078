"""Where a customer pull from the merchant backend stands: cursor, ETag, last result."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.store.models import SyncState

CUSTOMERS = "customers"


def load_state(session: Session, name: str = CUSTOMERS) -> SyncState | None:
    """The stored state of a pull, if it ever ran."""
    return session.get(SyncState, name)


def save_progress(
    session: Session, now: datetime, *, cursor: str | None, etag: str | None, name: str = CUSTOMERS
) -> None:
    """A page (or an unchanged answer) was taken in: remember where to carry on."""
    state = session.get(SyncState, name) or SyncState(name=name)
    state.cursor, state.etag = cursor, etag
    state.last_success_at, state.last_error, state.updated_at = now, None, now
    session.add(state)


def save_error(session: Session, now: datetime, error: str, *, name: str = CUSTOMERS) -> None:
    """A pull failed; the cursor stays where it was."""
    state = session.get(SyncState, name) or SyncState(name=name)
    state.last_error, state.updated_at = error, now
    session.add(state)
