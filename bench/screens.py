"""What the kiosk screens cost: a dial-screen frame, a language switch, the history list.

The dial screen repaints its countdown ring ten times a second, so one frame must stay
far below 100 ms on a small kiosk PC; switching language retranslates every screen; the
history screen lists up to 500 of possibly tens of thousands of verifications and
exports them to CSV. Prints median, p95 and max of each.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.screens [ROWS]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from bench.call_latency import summary
from kiosk.core.history import VerificationHistory, export_csv
from kiosk.domain.session import Status, VerificationSession
from kiosk.store.database import Database
from kiosk.store.verifications import save_verification
from kiosk.ui.i18n import Languages
from kiosk.ui.launch import create_application
from kiosk.ui.screens.dial_screen import DialScreen
from kiosk.ui.style import follow_window_size

NOW = datetime.now(UTC)
STATUSES = (Status.VERIFIED, Status.EXPIRED, Status.CANCELLED)


def timed(work: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return samples


def seed(database: Database, rows: int) -> None:
    with database.session() as db:
        for index in range(rows):
            session = VerificationSession.start(
                expected_number=f"+9198{index:08d}",
                now=NOW - timedelta(minutes=index),
                reference=f"ORDER-{index}",
                customer_name=f"Customer {index}",
                dialed_number="+918000000001",
            )
            session.status = STATUSES[index % 3]
            save_verification(db, session, kiosk_id="bench")


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    create_application()
    session = VerificationSession.start(
        expected_number="+919812345678",
        now=NOW,
        dialed_number="+918000000001",
        customer_name="Asha Verma",
    )
    screens = []
    for size in (QSize(800, 480), QSize(1920, 1080)):
        screen = DialScreen(now=lambda: NOW + timedelta(seconds=30))
        follow_window_size(screen, size.width(), size.height())
        screen.resize(size)
        screen.show()
        screen.show_session(session)
        grab = timed(lambda screen=screen: QWidget.grab(screen), 50)
        print(summary(f"dial frame {size.width()}x{size.height()}", grab))
        screens.append(screen)

    languages = Languages("en")
    switch = timed(lambda: languages.switch(languages.other()), 20)
    print(summary("switch language (2 screens)", switch))
    assert screens[0].cancel_button.text() == "Cancel"
    for screen in screens:
        screen.stop()

    with tempfile.TemporaryDirectory() as data:
        database = Database(f"sqlite:///{data}/bench.sqlite3")
        database.migrate()
        seed(database, rows)
        history = VerificationHistory(database)
        today = NOW.replace(hour=0, minute=0, second=0, microsecond=0)
        print(f"history of {rows} verifications:")
        for label, query in (
            ("  today (≤500 rows)", lambda: history.entries(since=today)),
            ("  all (500 rows)", history.entries),
            ("  search '1234'", lambda: history.entries(text="1234")),
        ):
            print(summary(label, timed(lambda query=query: asyncio.run(query()), 20)))
        entries = asyncio.run(history.entries())
        out = Path(data) / "export.csv"
        print(summary("  export 500 rows to CSV", timed(lambda: export_csv(entries, out), 20)))
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
