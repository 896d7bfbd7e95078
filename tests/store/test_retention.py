import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.delivery.payload import completion_message
from kiosk.domain.events import CallEvent
from kiosk.domain.session import CallOutcome, VerificationSession
from kiosk.store import outbox, verifications
from kiosk.store.database import Database
from kiosk.store.models import CallRecord, OutboxMessage, Verification
from kiosk.store.retention import purge_before

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
OLD = NOW - timedelta(days=100)
CUTOFF = NOW - timedelta(days=90)
ASHA = "+919812345678"


def verified_at(database: Database, start: datetime, *, delivered: bool) -> str:
    state = VerificationSession.start(expected_number=ASHA, now=start)
    call = CallEvent(ASHA, ASHA, start + timedelta(seconds=9), "modem")
    state.verify(call)
    message = completion_message(state, kiosk_id="counter-1", now=start)
    with database.session() as session:
        verifications.save_verification(session, state, kiosk_id="counter-1")
        verifications.record_call(
            session, call, outcome=CallOutcome.MATCHED, verification_id=state.id, kiosk_id="k"
        )
        outbox.add_message(session, message)
    if delivered:
        with database.session() as session:
            outbox.mark_delivered(session, message.id, start)
    return state.id


def stray_call(database: Database, at: datetime) -> None:
    with database.session() as session:
        event = CallEvent("+919800000000", "+919800000000", at, "modem")
        verifications.record_call(
            session, event, outcome=CallOutcome.NO_SESSION, verification_id=None, kiosk_id="k"
        )


def count(database: Database, model: type) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize("export_format", ["json", "csv"])
def test_old_records_are_exported_then_purged(
    database: Database, tmp_path: Path, export_format: str
) -> None:
    old = verified_at(database, OLD, delivered=True)
    unsent = verified_at(database, OLD, delivered=False)
    recent = verified_at(database, NOW, delivered=True)
    stray_call(database, OLD)
    stray_call(database, NOW)
    export = tmp_path / f"audit.{export_format}"
    with database.session() as session:
        result = purge_before(session, CUTOFF, export=export, export_format=export_format)
    assert (result.verifications, result.calls, result.kept_unsent) == (1, 2, 1)
    with database.session() as session:
        left = set(session.scalars(select(Verification.id)))
        assert left == {unsent, recent}  # an unsent result is never lost
    assert count(database, CallRecord) == 3
    assert count(database, OutboxMessage) == 2
    text = export.read_text(encoding="utf-8")
    assert ASHA not in text  # numbers masked
    if export_format == "json":
        records = json.loads(text)["records"]
    else:
        records = list(csv.DictReader(text.splitlines()))
    assert sorted(r["record"] for r in records) == ["call", "call", "verification"]
    assert {r["verification_id"] for r in records if r["verification_id"]} == {old}
    assert any(r["expected_number"] == "+91 ••••••5678" for r in records)


def test_nothing_old_means_no_export(database: Database, tmp_path: Path) -> None:
    verified_at(database, NOW, delivered=True)
    with database.session() as session:
        result = purge_before(session, CUTOFF, export=tmp_path / "a.json")
    assert (result.verifications, result.calls, result.export) == (0, 0, None)
    assert not (tmp_path / "a.json").exists()


def test_if_the_export_cannot_be_written_nothing_is_deleted(
    database: Database, tmp_path: Path
) -> None:
    verified_at(database, OLD, delivered=True)
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(FileExistsError), database.session() as session:
        purge_before(session, CUTOFF, export=blocker / "audit.json")
    assert count(database, Verification) == 1


def test_a_formula_in_a_reference_is_exported_as_text(database: Database, tmp_path: Path) -> None:
    state = VerificationSession.start(
        expected_number=ASHA, now=OLD, reference="-2+3+cmd|'/C calc'!A0"
    )
    state.cancel(OLD + timedelta(minutes=5))
    with database.session() as session:
        verifications.save_verification(session, state, kiosk_id="counter-1")
    export = tmp_path / "audit.csv"
    with database.session() as session:
        purge_before(session, CUTOFF, export=export, export_format="csv")
    [record] = list(csv.DictReader(export.read_text(encoding="utf-8").splitlines()))
    assert record["reference"] == "'-2+3+cmd|'/C calc'!A0"
    assert record["expected_number"] == "+91 ••••••5678"
