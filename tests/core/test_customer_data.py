"""The front-ends' entry to customer data: import, sync, report, purge on one database."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.core.customer_data import CustomerData
from kiosk.domain.clock import SystemClock
from kiosk.domain.events import CallEvent
from kiosk.domain.session import VerificationSession
from kiosk.store import verifications
from kiosk.store.database import Database
from kiosk.store.importing.importer import ImportProgress

ASHA = "+919812345678"


async def test_import_report_and_purge_through_one_object(
    database: Database, make_settings, tmp_path: Path
) -> None:
    data = CustomerData(
        database,
        make_settings(import_map={"reference": "Docket"}, retention_days=30),
        SystemClock(),
    )
    path = tmp_path / "day.csv"
    path.write_text("Docket,Name,Mobile\nD-1,Asha,098123 45678\nD-2,Bad,1\n")
    seen: list[ImportProgress] = []
    result = data.import_file(path, progress=seen.append)
    assert (result.added, result.rejected) == (1, 1)
    assert result.report == tmp_path / "day.rejected.csv"  # beside the file
    clean = tmp_path / "clean.csv"
    clean.write_text("Docket,Name,Mobile\nD-3,Rahul,9822334455\n")
    assert data.import_file(clean).report is None
    assert not (tmp_path / "clean.rejected.csv").exists()  # no empty report left behind
    assert seen[-1].fraction == 1.0
    assert await data.sync_now() is None  # no sync_url set

    old = datetime.now(UTC) - timedelta(days=40)
    state = VerificationSession.start(expected_number=ASHA, now=old)
    state.verify(CallEvent(ASHA, ASHA, old + timedelta(seconds=8), "modem"))
    with database.session() as session:
        verifications.save_verification(session, state, kiosk_id="test-kiosk")
    assert [row.verified for row in await data.report(days=60)] == [1]
    purged = data.purge(export=tmp_path / "audit.json")
    assert purged is not None
    assert purged.verifications == 1
    assert await data.report(days=60) == []


def test_retention_0_keeps_everything(database: Database, make_settings) -> None:
    data = CustomerData(database, make_settings(retention_days=0), SystemClock())
    assert data.purge() is None


def test_a_report_that_cannot_go_beside_the_file_goes_to_the_data_directory(
    database: Database, make_settings, tmp_path: Path
) -> None:
    path = tmp_path / "day.csv"
    path.write_text("ref,name,phone\nR-1,Asha,1\n")
    (tmp_path / "day.rejected.csv").mkdir()  # in the way, like a read-only stick
    result = CustomerData(database, make_settings(), SystemClock()).import_file(path)
    assert result.report is not None
    assert result.report.parent.name == "import-reports"
    assert result.report.read_text(encoding="utf-8-sig").startswith("line,column,value,reason")
