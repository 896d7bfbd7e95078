"""Render every screen offscreen to PNG files (``make screenshots``), from a demo run.

Usage: ``python -m kiosk.ui.screenshots OUTPUT_DIR``. Uses a throwaway database.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from kiosk.config import load_settings
from kiosk.domain.health import SourceState
from kiosk.runtime import KioskRuntime
from kiosk.ui.launch import build_main_window, create_application
from kiosk.ui.main_window import MainWindow

SIZES = (QSize(800, 480), QSize(1024, 640))


async def _ready(window: MainWindow) -> None:
    """Wait until the status strip says the (simulated) modem is ready."""
    ready = asyncio.Event()
    window.bridge.source_status.connect(
        lambda status: ready.set() if status.state is SourceState.READY else None
    )
    if "ready" not in window.status_strip.source.text():
        await asyncio.wait_for(ready.wait(), 15)


async def _save(window: MainWindow, out: Path, name: str) -> None:
    for size in SIZES:
        window.resize(size)
        await asyncio.sleep(0.2)  # let Qt lay out and paint at the new size
        path = out / f"{name}-{size.width()}x{size.height()}.png"
        QWidget.grab(window).save(str(path))
        print(path)


async def render(out: Path) -> None:
    """Drive a demo session through every screen and save each one."""
    with tempfile.TemporaryDirectory() as data:
        settings = load_settings(
            demo=True, database_url=f"sqlite:///{data}/kiosk.sqlite3", result_seconds=0
        )
        async with KioskRuntime(settings) as runtime:
            window = build_main_window(runtime)
            window.show()
            simulator = runtime.simulator
            assert simulator is not None
            await asyncio.wait_for(simulator.caller_id_enabled.wait(), 10)
            await _ready(window)

            window.find_screen.search.setText("R")
            window.find_screen.search_button.click()
            await _save(window, out, "1-find")

            session = runtime.service.start_for_reference("ORDER-1042")
            hinted = asyncio.Event()
            window.bridge.session_changed.connect(lambda _session: hinted.set())
            await simulator.ring("+919900011122", rings=1, interval=0.2)
            await asyncio.wait_for(hinted.wait(), 10)
            await _save(window, out, "2-dial")

            await simulator.ring(session.expected_number, rings=1, interval=0.2)
            await runtime.service.outcome(session.id)
            await _save(window, out, "3-result-verified")

            window.show_find()
            other = runtime.service.start_for_reference("ORDER-1043")
            runtime.service.cancel(other.id)
            await _save(window, out, "4-result-not-verified")
            window.close()


def main() -> int:
    """Write the screenshots into the folder named on the command line."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    app.setQuitOnLastWindowClosed(False)
    qasync.run(render(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
