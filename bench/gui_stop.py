"""How fast the kiosk screen stops on Ctrl+C and ``systemctl stop``, and what a report PDF costs.

Starts the GUI (demo mode, offscreen, a throwaway database holding one session left
waiting) RUNS times per signal, waits until the screen is open, sends SIGINT or SIGTERM
and times the way to exit status 0 (the session cancelled, the database closed). Then
renders a 30-day report as a PDF RUNS times. Prints median and max of each.

    .venv/bin/python -m bench.gui_stop [RUNS]
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta

from kiosk.domain.report import DayReport
from kiosk.domain.session import VerificationSession
from kiosk.store.database import Database
from kiosk.store.verifications import save_verification

OPEN = "The kiosk screen is open"


def one_stop(signum: signal.Signals) -> float:
    """Seconds from ``signum`` to the GUI's exit (which must be 0)."""
    with tempfile.TemporaryDirectory() as data:
        url = f"sqlite:///{data}/kiosk.sqlite3"
        database = Database(url)
        database.migrate()
        waiting = VerificationSession.start(
            expected_number="+919812345678", now=datetime.now(UTC), timeout=timedelta(minutes=10)
        )
        with database.session() as db:
            save_verification(db, waiting, kiosk_id="bench")
        database.dispose()
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": data}
        gui = subprocess.Popen(
            [sys.executable, "-m", "kiosk.app", "--demo", "--database-url", url,
             "--kiosk-id", "bench", "-v"],
            env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert gui.stderr is not None
        for line in gui.stderr:
            if OPEN in line:
                break
        sent = time.perf_counter()
        gui.send_signal(signum)
        gui.stderr.read()  # to the end: the process has closed it
        status = gui.wait(timeout=30)
        took = time.perf_counter() - sent
        gui.stderr.close()
        if status != 0:
            raise SystemExit(f"{signum.name}: exit status {status}")
        return took


def pdf_times(runs: int) -> list[float]:
    """Seconds to render a 30-day, two-kiosk report as a PDF."""
    from kiosk.ui.background import BackgroundWork
    from kiosk.ui.launch import create_application
    from kiosk.ui.screens.report_pdf import pdf_bytes
    from kiosk.ui.screens.report_screen import ReportScreen

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    create_application()
    today = date.today()
    rows = [
        DayReport(today - timedelta(days=n), kiosk, 9 + n % 5, 7 + n % 3, 1, 1, 20.0)
        for n in range(30)
        for kiosk in ("counter-1", "counter-2")
    ]

    async def load(_days: int) -> list[DayReport]:
        return rows

    async def render() -> list[float]:
        work = BackgroundWork()
        screen = ReportScreen(load, work, kiosk_id=lambda: "counter-1")
        screen.show_days(30)
        await work.finish()
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            pdf_bytes(screen.document())
            times.append(time.perf_counter() - started)
        return times

    import qasync

    return list(qasync.run(render()))


def main() -> None:
    """Print the numbers."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for signum in (signal.SIGINT, signal.SIGTERM):
        times = [one_stop(signum) for _ in range(runs)]
        print(
            f"{signum.name} to exit 0: median {statistics.median(times):.2f} s,"
            f" max {max(times):.2f} s ({runs} runs)"
        )
    times = pdf_times(runs)
    print(
        f"30-day report PDF: median {statistics.median(times) * 1000:.0f} ms,"
        f" max {max(times) * 1000:.0f} ms ({runs} runs)"
    )


if __name__ == "__main__":
    main()
