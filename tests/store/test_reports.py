from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.domain.events import CallEvent
from kiosk.domain.session import VerificationSession
from kiosk.store import verifications
from kiosk.store.database import Database
from kiosk.store.reports import ALL_KIOSKS, verification_report

DAY = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def finished(
    database: Database, kiosk: str, start: datetime, outcome: str, took: float = 0
) -> None:
    state = VerificationSession.start(expected_number="+919812345678", now=start)
    if outcome == "verified":
        at = start + timedelta(seconds=took)
        state.verify(CallEvent("+919812345678", "+919812345678", at, "modem"))
    elif outcome == "expired":
        state.expire_if_due(state.expires_at)
    elif outcome == "cancelled":
        state.cancel(start + timedelta(seconds=5))
    with database.session() as session:
        verifications.save_verification(session, state, kiosk_id=kiosk)


def test_per_day_and_kiosk_with_success_rate_and_median(database: Database) -> None:
    finished(database, "counter-1", DAY, "verified", took=10)
    finished(database, "counter-1", DAY + timedelta(minutes=5), "verified", took=30)
    finished(database, "counter-1", DAY + timedelta(minutes=9), "expired")
    finished(database, "counter-2", DAY + timedelta(hours=1), "verified", took=20)
    finished(database, "counter-2", DAY + timedelta(days=1), "cancelled")
    finished(database, "counter-2", DAY - timedelta(days=30), "verified", took=1)  # too old
    pending = VerificationSession.start(expected_number="+919812345678", now=DAY)
    with database.session() as session:
        verifications.save_verification(session, pending, kiosk_id="counter-1")  # not counted
        rows = verification_report(session, since=DAY - timedelta(days=1), timezone=UTC)
    table = [
        (r.day.isoformat(), r.kiosk_id, r.total, r.verified, r.expired, r.cancelled,
         r.median_seconds_to_verify)
        for r in rows
    ]  # fmt: skip
    assert table == [
        ("2026-11-20", ALL_KIOSKS, 4, 3, 1, 0, 20.0),
        ("2026-11-20", "counter-1", 3, 2, 1, 0, 20.0),
        ("2026-11-20", "counter-2", 1, 1, 0, 0, 20.0),
        ("2026-11-21", "counter-2", 1, 0, 0, 1, None),
    ]
    assert rows[1].success_rate == 2 / 3
    assert rows[3].success_rate == 0


def test_days_are_local_days(database: Database) -> None:
    late = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)  # 01:30 next day in India
    finished(database, "counter-1", late, "verified", took=5)
    with database.session() as session:
        rows = verification_report(session, since=DAY, timezone=ZoneInfo("Asia/Kolkata"))
    assert [r.day.isoformat() for r in rows] == ["2026-11-21"]
