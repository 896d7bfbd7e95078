import asyncio
import csv
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.core.history import VerificationHistory
from kiosk.domain.events import CallEvent
from kiosk.domain.pin_lock import PinPurpose
from kiosk.domain.session import CallOutcome, VerificationSession
from kiosk.store.database import Database
from kiosk.store.staff_lock import record_right, record_wrong
from kiosk.store.verifications import record_call, save_verification
from kiosk.ui.background import BackgroundWork
from kiosk.ui.screens.history_screen import HistoryScreen
from tests.core.test_history import verified_session


def pending_today(database: Database) -> VerificationSession:
    session = VerificationSession.start(
        expected_number="+919822334455", now=datetime.now(UTC), reference="ORDER-1043"
    )
    with database.session() as db:
        save_verification(db, session, kiosk_id="counter-1")
    return session


def run_with_screen(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    database: Database,
    export_dir: Path,
    scenario: Callable[[HistoryScreen, BackgroundWork], Awaitable[None]],
) -> None:
    """Open a history screen on ``database`` and run ``scenario`` on the shared loop."""

    async def opened() -> None:
        work = BackgroundWork()
        screen = HistoryScreen(VerificationHistory(database), export_dir, work)
        qtbot.addWidget(screen)
        screen.show()
        screen.open()
        await work.finish()
        await scenario(screen, work)

    qloop.run_until_complete(opened())


def test_today_first_then_everything_with_a_filter(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database, tmp_path: Path
) -> None:
    verified_session(database, at=datetime.now(UTC) - timedelta(days=3))
    pending_today(database)

    async def scenario(screen: HistoryScreen, work: BackgroundWork) -> None:
        assert [e.reference for e in screen.entries] == ["ORDER-1043"]
        first = screen.list.item(0).text()
        assert first.startswith("… Waiting for the call — Not on file")
        assert "+91 ••••••4455" in first
        screen.period.setCurrentIndex(2)  # all
        await work.finish()
        assert [e.reference for e in screen.entries] == ["ORDER-1043", "ORDER-1042"]
        assert screen.list.item(1).text().startswith("✔ Verified — Asha Verma")
        screen.status.setCurrentIndex(screen.status.findData("verified"))
        await work.finish()
        assert [e.reference for e in screen.entries] == ["ORDER-1042"]
        screen.status.setCurrentIndex(0)
        screen.search.setText("5678")
        await work.finish()
        assert [e.reference for e in screen.entries] == ["ORDER-1042"]
        screen.search.setText("nobody")
        await work.finish()
        assert screen.entries == []
        assert screen.message.text() == "No verifications match."

    run_with_screen(qtbot, qloop, database, tmp_path, scenario)


def test_detail_lists_the_calls_heard_and_back_returns(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database, tmp_path: Path
) -> None:
    verified_session(database)

    async def scenario(screen: HistoryScreen, work: BackgroundWork) -> None:
        screen.period.setCurrentIndex(2)
        await work.finish()
        screen.list.setCurrentRow(0)
        qtbot.keyClick(screen.list, Qt.Key.Key_Return)
        await work.finish()
        assert screen.pages.currentWidget() is screen.detail_scroll
        assert screen.export_button.isHidden()
        text = screen.detail.text()
        assert "Asha Verma" in text
        assert "+91 ••••••1122" in text
        assert "a different number" in text
        assert "+91 ••••••5678" in text
        assert "the right phone" in text
        assert "9812345678" not in text
        closed: list[bool] = []
        screen.closed.connect(lambda: closed.append(True))
        screen.back_button.click()
        assert screen.pages.currentIndex() == 0
        assert not screen.export_button.isHidden()
        assert closed == []
        screen.back_button.click()
        assert closed == [True]

    run_with_screen(qtbot, qloop, database, tmp_path, scenario)


def test_export_writes_the_listed_rows_to_csv(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database, tmp_path: Path
) -> None:
    session = verified_session(database)

    async def scenario(screen: HistoryScreen, work: BackgroundWork) -> None:
        screen.period.setCurrentIndex(2)
        await work.finish()
        path = screen.export()
        assert path is not None
        assert path.parent == tmp_path / "exports"
        assert screen.message.text() == f"Saved 1 rows to {path}"
        with path.open(encoding="utf-8", newline="") as handle:
            [row] = list(csv.DictReader(handle))
        assert row["verification_id"] == session.id
        assert row["status"] == "verified"
        assert row["expected_number"] == "+91 ••••••5678"

    run_with_screen(qtbot, qloop, database, tmp_path / "exports", scenario)


def test_export_problem_is_shown_in_plain_words(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")

    async def scenario(screen: HistoryScreen, _work: BackgroundWork) -> None:
        assert screen.export() is None
        assert screen.message.text().startswith("Could not save the file:")

    run_with_screen(qtbot, qloop, database, blocker, scenario)


def test_a_call_cut_short_shows_as_such(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database, tmp_path: Path
) -> None:
    session = verified_session(database)
    cut_short = CallEvent("", None, session.started_at, "modem", caller_unknown=True)
    with database.session() as db:
        record_call(
            db, cut_short, outcome=CallOutcome.UNKNOWN_CALLER, verification_id=session.id,
            kiosk_id="k",
        )  # fmt: skip

    async def scenario(screen: HistoryScreen, work: BackgroundWork) -> None:
        screen.period.setCurrentIndex(2)
        await work.finish()
        screen.list.setCurrentRow(0)
        qtbot.keyClick(screen.list, Qt.Key.Key_Return)
        await work.finish()
        text = screen.detail.text()
        assert "no number via modem — call cut short before a number came" in text
        assert "hidden" not in text
        assert "withheld" not in text

    run_with_screen(qtbot, qloop, database, tmp_path, scenario)


def test_a_formula_as_customer_name_is_exported_as_text(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database, tmp_path: Path
) -> None:
    attack = '=HYPERLINK("http://x","y")'
    session = VerificationSession.start(
        expected_number="+919822334455", now=datetime.now(UTC), customer_name=attack
    )
    with database.session() as db:
        save_verification(db, session, kiosk_id="counter-1")

    async def scenario(screen: HistoryScreen, _work: BackgroundWork) -> None:
        assert attack in screen.list.item(0).text()  # on screen it is just a name
        path = screen.export()
        assert path is not None
        with path.open(encoding="utf-8", newline="") as handle:
            [row] = list(csv.DictReader(handle))
        assert row["customer_name"] == "'" + attack  # a spreadsheet shows it, never runs it
        assert row["expected_number"] == "+91 ••••••4455"

    run_with_screen(qtbot, qloop, database, tmp_path, scenario)


def test_wrong_staff_pins_turn_the_pin_log_button_red_and_are_listed(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    with database.session() as db:
        for _ in range(5):
            record_wrong(db, "counter-2", now - timedelta(minutes=3), PinPurpose.HISTORY)
        record_right(db, "counter-2", now, PinPurpose.SETTINGS)

    async def scenario(screen: HistoryScreen, _work: BackgroundWork) -> None:
        assert screen.pin_log_button.text() == "⚠ Wrong PINs: 5"
        assert screen.pin_log_button.objectName() == "dangerButton"
        screen.pin_log_button.click()
        assert screen.pages.currentWidget() is screen.pin_log
        assert screen.export_button.isHidden()  # the export belongs to the list
        rows = screen.pin_log.rows
        assert len(rows) == 7  # five wrong, one wait, the right PIN after them
        assert rows[0].startswith("✔ Right PIN — ")
        assert "after 5 wrong PINs  ·  for the settings  ·  Kiosk: counter-2" in rows[0]
        assert rows[1].startswith("⚠ Pad locked for 30 s — ")
        assert rows[2].startswith("✖ Wrong PIN — ")
        assert "5 in a row  ·  for the history" in rows[2]
        screen.back_button.click()
        assert screen.pages.currentIndex() == 0

    run_with_screen(qtbot, qloop, database, tmp_path, scenario)


def test_without_wrong_pins_the_pin_log_is_calm(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, database: Database, tmp_path: Path
) -> None:
    async def scenario(screen: HistoryScreen, _work: BackgroundWork) -> None:
        assert screen.pin_log_button.text() == "PIN log"
        assert screen.pin_log_button.objectName() == "secondaryButton"
        screen.show_pin_log()
        assert screen.pin_log.heading.text() == "No wrong staff PIN in the last 30 days."

    run_with_screen(qtbot, qloop, database, tmp_path, scenario)
