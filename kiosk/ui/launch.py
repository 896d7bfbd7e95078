"""Starting the GUI: QApplication, fonts, stylesheet, Qt logging, and the qasync event loop.

Stopping it: closing the window, Ctrl+C (SIGINT) or ``systemctl stop`` (SIGTERM) end
the pending sessions as cancelled (their callbacks queued), close the database and
exit 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import platformdirs
import qasync
from PySide6.QtCore import QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config.paths import APP_NAME
from kiosk.config.settings import Settings
from kiosk.core.history import VerificationHistory
from kiosk.core.live_settings import LiveSettings
from kiosk.core.runtime import KioskRuntime
from kiosk.core.staff_lock import pin_check
from kiosk.ui.assets import read_stylesheet
from kiosk.ui.fonts import use_bundled_fonts
from kiosk.ui.i18n import Languages
from kiosk.ui.main_window import MainWindow
from kiosk.ui.sound import OutcomeSound

qt_log = logging.getLogger("kiosk.qt")
log = logging.getLogger("kiosk.ui")

#: Ctrl+C and ``systemctl stop``: the kiosk stops in order, as when the window closes.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
#: How long stopping may spend ending pending sessions (a hung database must not hold it).
CANCEL_SECONDS = 3.0

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), message)


def create_application() -> QApplication:
    """The one QApplication: bundled fonts, styled, Qt's messages routed into Python logging."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    use_bundled_fonts(app)
    app.setStyleSheet(read_stylesheet())
    qInstallMessageHandler(_qt_message)
    return app


def build_main_window(
    runtime: KioskRuntime, *, languages: Languages | None = None, sound: bool = False
) -> MainWindow:
    """The main window for a started runtime (the demo controls only in demo mode)."""
    simulator = runtime.simulator
    settings = runtime.settings
    return MainWindow(
        runtime.service,
        demo=settings.is_demo,
        result_seconds=settings.result_seconds,
        simulate_call=simulator.ring_soon if simulator else None,
        demo_texts=(lambda: [text for _number, text in simulator.sent_sms]) if simulator else None,
        outbox_status=runtime.dispatcher.status,
        languages=languages,
        history=VerificationHistory(runtime.database),
        report=lambda days: runtime.customer_data.report(days=days),
        export_dir=Path(platformdirs.user_documents_dir()),
        live_settings=LiveSettings(runtime),
        staff_lock=runtime.staff_lock,
        kiosk_mode=settings.kiosk_mode,
        history_needs_pin=settings.history_behind_pin,
        customer_screen=settings.customer_screen,
        allow_ad_hoc=settings.allow_ad_hoc,
        samples=runtime.sample_searches,
        sound=OutcomeSound(enabled=sound),
    )


def show_whole_screen(window: QWidget) -> None:
    """Kiosk mode: the window takes its whole screen, whatever the window system.

    Full-screen is a request a window manager carries out; on a bare X server (xinit
    on a Pi) nobody does, so the window is also placed over the screen itself, and
    follows it when the screen changes size (a rotated or re-plugged panel).
    """
    screen = window.screen()
    window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    window.setGeometry(screen.geometry())
    window.showFullScreen()
    screen.geometryChanged.connect(window.setGeometry)
    window.activateWindow()  # no window manager gives it the keyboard otherwise


@contextlib.contextmanager
def stop_on_signals(stop: Callable[[], None]) -> Iterator[None]:
    """While inside, SIGINT and SIGTERM call ``stop`` on the event loop instead of killing."""
    loop = asyncio.get_running_loop()
    installed = []
    for signum in STOP_SIGNALS:
        with contextlib.suppress(NotImplementedError):  # Windows: Ctrl+C stays Python's
            loop.add_signal_handler(signum, stop)
            installed.append(signum)
    try:
        yield
    finally:
        for signum in installed:
            loop.remove_signal_handler(signum)


async def end_pending_sessions(runtime: KioskRuntime) -> None:
    """Cancel every pending session (bounded); ones not ended in time resume at the next start."""
    try:
        async with asyncio.timeout(CANCEL_SECONDS):
            ended = await runtime.service.cancel_pending()
    except TimeoutError:
        log.warning("Could not end the pending sessions in time; they resume at the next start")
        return
    if ended:
        log.info("Stopping: %d pending session(s) ended as cancelled", ended)


async def run_window(settings: Settings, app: QApplication) -> int:
    """Run the core and the main window until the window closes or a stop signal comes."""
    stop = asyncio.Event()
    app.lastWindowClosed.connect(stop.set)
    languages = Languages(settings.language, parent=app)
    with stop_on_signals(stop.set):
        async with KioskRuntime(settings) as runtime:
            window = build_main_window(runtime, languages=languages, sound=True)
            if settings.kiosk_mode:
                show_whole_screen(window)
            else:
                window.resize(1024, 640)
                window.show()
            if window.customer_window is not None:
                window.customer_window.place()
            log.info("The kiosk screen is open")
            await stop.wait()
            await end_pending_sessions(runtime)
            window.leave()
    return 0


def run_gui(settings: Settings) -> int:
    """Open the kiosk window; returns the process exit status."""
    if settings.kiosk_mode and pin_check(settings) is None:
        # Start anyway (a kiosk service must not stay dark); the settings page says why
        # it cannot open.
        logging.getLogger("kiosk.ui").warning(
            "Kiosk mode without a staff PIN: settings stay locked until staff_pin_hash is set "
            "(missedcall-kiosk staff-pin)"
        )
    app = create_application()
    app.setQuitOnLastWindowClosed(False)  # run_window stops in order when it closes
    status: int = qasync.run(run_window(settings, app))
    return status
