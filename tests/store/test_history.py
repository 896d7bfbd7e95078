from datetime import UTC, datetime, timedelta

from kiosk.domain.session import Status, VerificationSession
from kiosk.store.database import Database
from kiosk.store.history import recent_verifications
from kiosk.store.verifications import save_verification

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def add(database: Database, minutes: int, reference: str, name: str, phone: str, status: Status):
    session = VerificationSession.start(
        expected_number=phone,
        now=T0 + timedelta(minutes=minutes),
        reference=reference,
        customer_name=name,
    )
    session.status = status
    with database.session() as db:
        save_verification(db, session, kiosk_id="k1")


def refs(database: Database, **filters: object) -> list[str | None]:
    with database.session() as db:
        return [row.reference for row in recent_verifications(db, **filters)]


def test_newest_first_and_filtered_by_time_status_and_text(database: Database) -> None:
    add(database, 0, "ORDER-1", "Asha Verma", "+919812345678", Status.VERIFIED)
    add(database, 60, "ORDER-2", "Rahul Mehta", "+919822334455", Status.CANCELLED)
    add(database, 120, "MEMBER-7", "Asha Rao", "+919833445566", Status.EXPIRED)
    assert refs(database) == ["MEMBER-7", "ORDER-2", "ORDER-1"]
    assert refs(database, since=T0 + timedelta(minutes=30)) == ["MEMBER-7", "ORDER-2"]
    assert refs(database, until=T0 + timedelta(minutes=30)) == ["ORDER-1"]
    assert refs(database, status="cancelled") == ["ORDER-2"]
    assert refs(database, text="order") == ["ORDER-2", "ORDER-1"]
    assert refs(database, text="asha") == ["MEMBER-7", "ORDER-1"]
    assert refs(database, text="5566") == ["MEMBER-7"]
    assert refs(database, text="ORDER-1") == ["ORDER-1"]  # its digit is not a phone ending
    assert refs(database, text="  ") == ["MEMBER-7", "ORDER-2", "ORDER-1"]
    assert refs(database, limit=1) == ["MEMBER-7"]


def test_wildcards_in_the_filter_are_literal(database: Database) -> None:
    add(database, 0, "ORDER-1", "Asha Verma", "+919812345678", Status.VERIFIED)
    assert refs(database, text="%") == []
    assert refs(database, text="_RDER") == []
