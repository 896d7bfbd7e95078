"""The staff lock's count and log, on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.domain.pin_lock import PinEventKind, PinOutcome, PinPurpose
from kiosk.store.database import Database
from kiosk.store.staff_lock import lock_state, pin_events, record_right, record_wrong

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


@pytest.fixture
def db(any_database_url: str):
    database = Database(any_database_url)
    database.migrate()
    yield database
    database.dispose()


def wrong(db: Database, times: int, at: datetime = T0, kiosk: str = "counter-1"):
    for _ in range(times):
        with db.session() as session:
            answer = record_wrong(session, kiosk, at, PinPurpose.SETTINGS)
    return answer


def test_the_fifth_wrong_pin_locks_for_30_seconds_and_each_next_doubles(db: Database) -> None:
    assert wrong(db, 4).locked_until is None
    fifth = wrong(db, 1)
    assert fifth.failures == 5
    assert fifth.locked_until == T0 + timedelta(seconds=30)
    assert fifth.wait == timedelta(seconds=30)
    with db.session() as session:
        state = lock_state(session, "counter-1", T0 + timedelta(seconds=10))
    assert state.outcome is PinOutcome.LOCKED
    assert state.wait == timedelta(seconds=20)
    later = T0 + timedelta(seconds=31)
    assert wrong(db, 1, later).locked_until == later + timedelta(minutes=1)
    with db.session() as session:
        assert lock_state(session, "other-kiosk", T0).outcome is PinOutcome.WRONG  # per kiosk


def test_a_right_pin_starts_again_and_every_step_is_logged(db: Database) -> None:
    wrong(db, 5)
    with db.session() as session:
        assert (
            record_right(session, "counter-1", T0 + timedelta(minutes=1), PinPurpose.HISTORY) == 5
        )
    with db.session() as session:
        state = lock_state(session, "counter-1", T0 + timedelta(minutes=1))
        events = pin_events(session, since=None)
    assert (state.outcome, state.failures, state.locked_until) == (PinOutcome.WRONG, 0, None)
    assert [(e.kind, e.failures) for e in events[:3]] == [
        (PinEventKind.RIGHT_AFTER_WRONG, 5),
        (PinEventKind.LOCKED, 5),
        (PinEventKind.WRONG, 5),
    ]
    assert events[0].purpose is PinPurpose.HISTORY
    assert events[1].lock == timedelta(seconds=30)
    assert sum(e.kind is PinEventKind.WRONG for e in events) == 5
    with db.session() as session:
        assert pin_events(session, since=T0 + timedelta(seconds=1))[0].kind is (
            PinEventKind.RIGHT_AFTER_WRONG
        )
