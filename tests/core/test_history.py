import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.core.history import CSV_COLUMNS, VerificationHistory, export_csv
from kiosk.domain.events import CallEvent
from kiosk.domain.session import CallOutcome, VerificationSession
from kiosk.store.database import Database
from kiosk.store.verifications import finish_verification, record_call, save_verification

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def verified_session(database: Database, at: datetime = T0) -> VerificationSession:
    session = VerificationSession.start(
        expected_number="+919812345678",
        now=at,
        reference="ORDER-1042",
        customer_name="Asha Verma",
        dialed_number="+918000000001",
    )
    wrong = CallEvent("09900011122", "+919900011122", at + timedelta(seconds=5), "modem")
    right = CallEvent("09812345678", "+919812345678", at + timedelta(seconds=9), "modem")
    with database.session() as db:
        save_verification(db, session, kiosk_id="counter-1")
        record_call(
            db, wrong, outcome=CallOutcome.UNMATCHED, verification_id=session.id, kiosk_id="k"
        )
    session.note_unmatched(wrong)
    session.verify(right)
    with database.session() as db:
        finish_verification(db, session)
        record_call(
            db, right, outcome=CallOutcome.MATCHED, verification_id=session.id, kiosk_id="k"
        )
    return session


async def test_entries_and_calls_come_masked(database: Database) -> None:
    session = verified_session(database)
    history = VerificationHistory(database)
    [entry] = await history.entries()
    assert entry.id == session.id
    assert entry.status == "verified"
    assert entry.expected_number == "+91 ••••••5678"
    assert entry.caller_number == "+91 ••••••5678"
    assert entry.unmatched_calls == 1
    assert await history.entries(status="expired") == []
    calls = await history.calls(session.id)
    assert [(c.caller, c.outcome) for c in calls] == [
        ("+91 ••••••1122", "unmatched"),
        ("+91 ••••••5678", "matched"),
    ]


async def test_csv_export_has_a_header_and_one_masked_row_each(database: Database, tmp_path: Path):
    session = verified_session(database)
    path = tmp_path / "out.csv"
    assert export_csv(await VerificationHistory(database).entries(), path) == 1
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows == [
        {
            "started_at": "2026-11-26T10:00:00Z",
            "status": "verified",
            "reference": "ORDER-1042",
            "customer_name": "Asha Verma",
            "expected_number": "+91 ••••••5678",
            "caller_number": "+91 ••••••5678",
            "call_at": "2026-11-26T10:00:09Z",
            "source": "modem",
            "unmatched_calls": "1",
            "kiosk_id": "counter-1",
            "verification_id": session.id,
        }
    ]
    assert "9812345678" not in path.read_text(encoding="utf-8")


async def test_a_formula_as_customer_name_is_exported_as_text(
    database: Database, tmp_path: Path
) -> None:
    attack = '=HYPERLINK("http://x","y")'
    session = VerificationSession.start(
        expected_number="+919812345678", now=T0, reference="@SUM(1+1)", customer_name=attack
    )
    with database.session() as db:
        save_verification(db, session, kiosk_id="counter-1")
    path = tmp_path / "out.csv"
    export_csv(await VerificationHistory(database).entries(), path)
    with path.open(encoding="utf-8", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["customer_name"] == "'" + attack
    assert row["reference"] == "'@SUM(1+1)"
    assert row["expected_number"] == "+91 ••••••5678"  # a phone number stays readable
