"""Starting and stopping the kiosk screen as a real process: stop signals, a bare X server."""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.delivery.payload import message_id
from kiosk.domain.session import Status, VerificationSession
from kiosk.store.database import Database
from kiosk.store.models import OutboxMessage
from kiosk.store.verifications import load_verification, save_verification
from tests.gui_process import GuiProcess


def pending_session(database_url: str, kiosk_id: str) -> VerificationSession:
    """A session left waiting for its call in the kiosk's database (the kiosk resumes it)."""
    database = Database(database_url)
    database.migrate()
    session = VerificationSession.start(
        expected_number="+919812345678",
        now=datetime.now(UTC),
        timeout=timedelta(minutes=10),
        reference="ORDER-1042",
    )
    with database.session() as db:
        save_verification(db, session, kiosk_id=kiosk_id)
    database.dispose()
    return session


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "stop"])
def test_a_stop_signal_cancels_pending_sessions_and_exits_cleanly(
    tmp_path: Path, signum: signal.Signals
) -> None:
    database_file = tmp_path / "kiosk.sqlite3"
    url = f"sqlite:///{database_file}"
    waiting = pending_session(url, "counter-1")
    with GuiProcess(["--demo", "--database-url", url, "--kiosk-id", "counter-1"]) as gui:
        gui.wait_for_line("The kiosk screen is open")
        sent = time.monotonic()
        gui.process.send_signal(signum)
        status = gui.process.wait(timeout=10)
        took = time.monotonic() - sent
    assert status == 0, gui.output()
    assert took < 5, f"stopping took {took:.1f} s"
    assert not Path(f"{database_file}-wal").exists(), "the database was not closed"
    database = Database(url)
    try:
        with database.session() as db:
            stored = load_verification(db, waiting.id)
            message = db.get(OutboxMessage, message_id(waiting.id))
            assert stored is not None
            assert stored.status is Status.CANCELLED
            assert message is not None, "no callback was queued"
            assert json.loads(message.payload)["data"]["status"] == "cancelled"
    finally:
        database.dispose()


@contextlib.contextmanager
def bare_x_server(width: int, height: int) -> Iterator[str]:
    """A real X server (Xvfb) with no window manager, as xinit starts on a Pi; its DISPLAY."""
    if shutil.which("Xvfb") is None or shutil.which("xwininfo") is None:
        # A developer's machine may lack an X server; CI installs one, so this runs there.
        pytest.skip("needs Xvfb and xwininfo: apt-get install xvfb x11-utils (.ci/run does)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    try:
        with os.fdopen(read) as numbers:
            display = f":{numbers.readline().strip()}"
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def window_geometry(display: str, title: str) -> tuple[int, int, int, int] | None:
    """Where the X server has the window called ``title`` (x, y, width, height), if anywhere."""
    found = subprocess.run(
        ["xwininfo", "-display", display, "-name", title],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if found.returncode != 0:
        return None
    values = dict(line.strip().split(": ", 1) for line in found.stdout.splitlines() if ": " in line)
    return (
        int(values["Absolute upper-left X"]),
        int(values["Absolute upper-left Y"]),
        int(values["Width"]),
        int(values["Height"]),
    )


@pytest.mark.parametrize("size", [(800, 480), (720, 400), (480, 800)], ids=str)
def test_kiosk_mode_takes_the_whole_screen_without_a_window_manager(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    width, height = size
    url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    with bare_x_server(width, height) as display:
        environment = {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        with GuiProcess(["--demo", "--kiosk", "--database-url", url], environment) as gui:
            gui.wait_for_line("The kiosk screen is open")
            deadline = time.monotonic() + 10
            geometry = None
            while time.monotonic() < deadline:  # the X server maps the window a moment later
                geometry = window_geometry(display, "Missed-call verification")
                if geometry == (0, 0, width, height):
                    break
                time.sleep(0.1)
            gui.process.send_signal(signal.SIGTERM)
            assert gui.process.wait(timeout=10) == 0, gui.output()
    assert geometry == (0, 0, width, height)
