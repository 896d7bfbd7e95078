"""``missedcall-kiosk selftest``: proves an installed (or packaged) app has all its parts.

It loads Qt and the bundled fonts, migrates an in-memory database (the migrations are in
the build), starts a demo kiosk on a throwaway database with the simulated modem (pty and
serial code work), renders the main window offscreen (styles and Qt plugins are there) and
exits 0; any missing part makes it print what failed and exit 1. It needs no screen and no
modem.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

from kiosk import __version__
from kiosk.cli.common import EXIT_OK
from kiosk.config.settings import load_settings

EXIT_FAILED = 1
_MODEM_READY_WAIT = 15.0


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``selftest`` (no settings: it builds its own demo kiosk)."""
    del common
    selftest = commands.add_parser(
        "selftest", help="check that the installed app has all its parts (no screen needed)"
    )
    selftest.add_argument("--screenshot", help="save the rendered main window as PNG")
    selftest.set_defaults(handler=lambda options: run_selftest(options.screenshot))


def run_selftest(screenshot: str | None = None, *, out: TextIO | None = None) -> int:
    """Run every step; ``screenshot`` saves the rendered main window as PNG."""
    out = out or sys.stdout
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        import qasync
        from PySide6 import __version__ as qt_version

        from kiosk.store.database import Database
        from kiosk.ui.fonts import FAMILIES, load_bundled_fonts
        from kiosk.ui.launch import create_application

        app = create_application()
        print(f"Qt {qt_version} loaded ({app.platformName()} platform).", file=out)
        missing = set(FAMILIES) - load_bundled_fonts()
        if missing:
            raise RuntimeError(f"bundled fonts missing: {', '.join(sorted(missing))}")
        print(f"Fonts loaded: {', '.join(FAMILIES)}.", file=out)
        database = Database("sqlite://")
        database.migrate()
        database.dispose()
        print("In-memory database created and migrated.", file=out)
        size = qasync.run(_render(screenshot))
    except Exception as exc:
        print(f"Self-test FAILED: {type(exc).__name__}: {exc}", file=out)
        return EXIT_FAILED
    print(f"Main window rendered at {size[0]}x{size[1]}.", file=out)
    elapsed = time.perf_counter() - started
    print(f"Self-test passed: missedcall-kiosk {__version__} in {elapsed:.1f} s.", file=out)
    return EXIT_OK


async def _render(screenshot: str | None) -> tuple[int, int]:
    from PySide6.QtWidgets import QWidget

    from kiosk.core.runtime import KioskRuntime
    from kiosk.domain.health import SourceState, SourceStatus
    from kiosk.ui.launch import build_main_window

    with tempfile.TemporaryDirectory(prefix="kiosk-selftest-") as folder:
        settings = load_settings(
            Path(folder) / "none.toml", demo=True, database_url=f"sqlite:///{folder}/k.sqlite3"
        )
        async with KioskRuntime(settings) as runtime:
            ready = asyncio.Event()
            runtime.service.notices.subscribe(
                lambda notice: (
                    ready.set()
                    if isinstance(notice, SourceStatus) and notice.state is SourceState.READY
                    else None
                )
            )
            window = build_main_window(runtime)
            window.resize(1024, 640)
            window.show()
            async with asyncio.timeout(_MODEM_READY_WAIT):
                await ready.wait()
            image = QWidget.grab(window)
            if image.isNull():
                raise RuntimeError("the main window could not be drawn")
            if screenshot:
                image.save(screenshot)
            return image.width(), image.height()
