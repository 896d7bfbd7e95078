"""The ``report`` and ``purge`` commands."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.app import main
from kiosk.domain.events import CallEvent
from kiosk.domain.session import VerificationSession
from kiosk.store import verifications
from kiosk.store.database import Database

ASHA = "+919812345678"


def verified(database: Database, start: datetime, kiosk: str = "counter-1") -> None:
    state = VerificationSession.start(expected_number=ASHA, now=start)
    state.verify(CallEvent(ASHA, ASHA, start + timedelta(seconds=12), "modem"))
    with database.session() as session:
        verifications.save_verification(session, state, kiosk_id=kiosk)


def test_report_plain_and_json(
    database: Database, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    verified(database, datetime.now(UTC) - timedelta(hours=1))
    assert main(["report", "--database-url", database_url]) == 0
    out = capsys.readouterr().out
    assert "success" in out
    assert "counter-1" in out
    assert "100%" in out
    assert "12.0 s" in out
    assert main(["report", "--json", "--database-url", database_url]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["kiosk_id"], row["total"], row["success_rate"]) == ("counter-1", 1, 1.0)
    assert row["median_seconds_to_verify"] == 12.0


def test_purge_writes_the_export_where_told(
    database: Database, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    verified(database, datetime.now(UTC) - timedelta(days=40))
    verified(database, datetime.now(UTC))
    export = tmp_path / "audit.csv"
    args = ["purge", "--days", "30", "--format", "csv", "--export", str(export)]
    assert main([*args, "--database-url", database_url]) == 0
    out = capsys.readouterr().out
    assert "Purged 1 verifications" in out
    assert str(export) in out
    assert export.read_text().startswith("record,id,")


def test_purge_defaults_to_the_audit_dir_setting(
    database: Database,
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KIOSK_AUDIT_DIR", str(tmp_path / "audit"))
    monkeypatch.setenv("KIOSK_RETENTION_DAYS", "30")
    verified(database, datetime.now(UTC) - timedelta(days=40))
    assert main(["purge", "--database-url", database_url]) == 0
    (export,) = (tmp_path / "audit").glob("purged-*.json")
    assert json.loads(export.read_text())["records"][0]["record"] == "verification"
