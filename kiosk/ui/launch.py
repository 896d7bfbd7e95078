"""Starting the GUI: QApplication, stylesheet, Qt logging, and the qasync event loop."""

from __future__ import annotations

import asyncio
import logging
import sys

import qasync
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from kiosk.config import APP_NAME, Settings
from kiosk.runtime import KioskRuntime
from kiosk.ui.assets import read_stylesheet
from kiosk.ui.main_window import MainWindow

qt_log = logging.getLogger("kiosk.qt")

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
    """The one QApplication, styled, with Qt's messages routed into Python logging."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setStyleSheet(read_stylesheet())
    qInstallMessageHandler(_qt_message)
    return app


def build_main_window(runtime: KioskRuntime) -> MainWindow:
    """The main window for a started runtime (the demo controls only in demo mode)."""
    simulator = runtime.simulator
    return MainWindow(
        runtime.service,
        demo=runtime.settings.is_demo,
        result_seconds=runtime.settings.result_seconds,
        simulate_call=simulator.ring_soon if simulator else None,
        outbox_status=runtime.dispatcher.status(),
    )


async def run_window(settings: Settings, app: QApplication) -> int:
    """Run the core and the main window until the window is closed."""
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    async with KioskRuntime(settings) as runtime:
        window = build_main_window(runtime)
        window.resize(1024, 640)
        window.show()
        await closed.wait()
    return 0


def run_gui(settings: Settings) -> int:
    """Open the kiosk window; returns the process exit status."""
    app = create_application()
    return qasync.run(run_window(settings, app))
