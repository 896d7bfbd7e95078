"""One-time keys of provider notifications: each push is taken once, across restarts and kiosks.

The listener for provider notifications asks :func:`take_key` before it passes a call
on: a key already on record is a replay (the same request sent again, by the provider
or by someone who copied it), and the listener answers 409 without changing anything.
The insert is one ``INSERT … ON CONFLICT DO NOTHING``, so two kiosks sharing a database
cannot both take the same key. Keys older than :data:`KEEP` are forgotten: by then the
call time a notification carries is outside every session anyway.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from kiosk.store.database import conflict_insert, rows_changed
from kiosk.store.models import NotificationKey

#: How long a key is remembered.
KEEP = timedelta(days=7)


def take_key(session: Session, key: str, now: datetime) -> bool:
    """Record ``key`` as taken now; False when it was already taken (a replay)."""
    session.execute(delete(NotificationKey).where(NotificationKey.received_at < now - KEEP))
    table = NotificationKey.__table__
    assert isinstance(table, Table)  # a declared class's table (typed as any FROM clause)
    insert = conflict_insert(session, table)
    if insert is None:  # another database: the portable way
        if session.scalar(select(NotificationKey.key).where(NotificationKey.key == key)):
            return False
        session.add(NotificationKey(key=key, received_at=now))
        return True
    statement = insert.values(key=key, received_at=now).on_conflict_do_nothing()
    return session.execute(statement.returning(table.c.key)).first() is not None


def give_key_back(session: Session, key: str) -> None:
    """The notification could not be recorded after all: its sender may send it again."""
    rows_changed(session, delete(NotificationKey).where(NotificationKey.key == key))
