"""The main window: find → dial → result, plus history and settings (behind the PIN), status.

Driven by the service through the bridge. What staff ask for (a search, a start, more
time, a cancel, a code) runs in the background: the service waits for the database
on its own thread, so the screen keeps painting and a screen that waits says so. In
kiosk mode the window cannot be closed except from the settings screen, which only
the staff PIN opens; the history (and its export) asks for the PIN too when
``history_needs_pin`` (by default in kiosk mode).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from kiosk.core.history import VerificationHistory
from kiosk.core.live_settings import LiveSettings
from kiosk.core.service import CustomerNotFound, SmsNotSent, VerificationService
from kiosk.core.staff_lock import StaffLock
from kiosk.domain.customer import ControlCharacters
from kiosk.domain.health import OutboxStatus
from kiosk.domain.phone import InvalidPhoneNumber
from kiosk.domain.pin_lock import PinPurpose
from kiosk.domain.report import DayReport
from kiosk.domain.session import VerificationSession
from kiosk.domain.sms_code import CodeCheck
from kiosk.ui.background import BackgroundWork
from kiosk.ui.bridge import ServiceBridge
from kiosk.ui.i18n import Languages, Retranslating
from kiosk.ui.reason_words import reason_words
from kiosk.ui.screens.code_screen import CodeScreen
from kiosk.ui.screens.customer_window import CustomerWindow
from kiosk.ui.screens.dial_screen import EXTEND_SECONDS, DialScreen
from kiosk.ui.screens.find_screen import FindScreen
from kiosk.ui.screens.history_screen import HistoryScreen
from kiosk.ui.screens.pin_screen import PinScreen
from kiosk.ui.screens.report_screen import ReportScreen
from kiosk.ui.screens.result_screen import ResultScreen
from kiosk.ui.screens.settings_screen import SettingsScreen
from kiosk.ui.screens.status_details import StatusDetails
from kiosk.ui.sound import OutcomeSound
from kiosk.ui.style import follow_window_size, named, take_any_panel_size
from kiosk.ui.widgets.screen_stack import ScreenStack
from kiosk.ui.widgets.status_strip import StatusStrip

log = logging.getLogger("kiosk.ui")


class MainWindow(Retranslating, QMainWindow):
    """The kiosk window: its screens over a status strip."""

    def __init__(
        self,
        service: VerificationService,
        *,
        demo: bool,
        result_seconds: float,
        simulate_call: Callable[[str], object] | None = None,
        demo_texts: Callable[[], list[str]] | None = None,
        outbox_status: Callable[[], Awaitable[OutboxStatus]] | None = None,
        languages: Languages | None = None,
        history: VerificationHistory | None = None,
        report: Callable[[int], Awaitable[list[DayReport]]] | None = None,
        export_dir: Path | None = None,
        live_settings: LiveSettings | None = None,
        staff_lock: StaffLock | None = None,
        kiosk_mode: bool = False,
        history_needs_pin: bool = False,
        customer_screen: bool = False,
        allow_ad_hoc: bool = True,
        samples: Sequence[str] = (),
        sound: OutcomeSound | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.bridge = ServiceBridge(service.notices, self)
        self.languages = languages or Languages(parent=self)
        self.staff_language = self.languages.current
        self.kiosk_mode = kiosk_mode
        self.history_needs_pin = history_needs_pin
        self._may_close = not kiosk_mode
        self._before_details: QWidget | None = None

        self.find_screen = FindScreen(
            service.region, allow_ad_hoc=allow_ad_hoc, samples=samples if demo else ()
        )
        self.dial_screen = DialScreen(
            region=service.region, simulate_call=simulate_call if demo else None
        )
        self.result_screen = ResultScreen(result_seconds, sound=sound)
        self.code_screen = CodeScreen(demo_texts=demo_texts if demo else None)
        self._work = BackgroundWork()
        self.status_details = StatusDetails()
        self.pin_screen = PinScreen(staff_lock, self._work)
        self.history_screen = (
            HistoryScreen(history, export_dir or Path.home(), self._work)
            if history is not None
            else None
        )
        self.report_screen = (
            ReportScreen(
                report,
                self._work,
                kiosk_id=lambda: service.kiosk_id,
                export_dir=export_dir or Path.home(),
            )
            if report is not None
            else None
        )
        if self.history_screen is not None and self.report_screen is not None:
            self.history_screen.offer_report()
        self.settings_screen = (
            SettingsScreen(live_settings, kiosk_mode=kiosk_mode)
            if live_settings is not None
            else None
        )
        self.stack = named(ScreenStack(), "screens")
        for screen in (
            self.find_screen,
            self.dial_screen,
            self.code_screen,
            self.result_screen,
            self.status_details,
            self.pin_screen,
            self.history_screen,
            self.report_screen,
            self.settings_screen,
        ):
            if screen is not None:
                self.stack.addWidget(screen)
        self.find_screen.history_button.setVisible(self.history_screen is not None)
        self.find_screen.settings_button.setVisible(self.settings_screen is not None)
        self.status_strip = StatusStrip(demo=demo)
        if outbox_status is not None:  # later changes come through the bridge
            self._work.run(self._show_outbox(outbox_status()))
        self.customer_window = CustomerWindow(region=service.region) if customer_screen else None
        if self.customer_window is not None:
            self.customer_window.locked = kiosk_mode

        central = named(QWidget(), "central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_strip)
        self.setCentralWidget(central)
        take_any_panel_size(self)

        self._connect()
        self.dial_screen.set_current_language(self.languages.current)
        self.retranslate()
        self.show_find()

    def _connect(self) -> None:
        service = self.service
        self.find_screen.search_requested.connect(self._search)
        self.find_screen.customer_chosen.connect(
            lambda customer: self._start(service.start_for_customer(customer))
        )
        self.find_screen.phone_chosen.connect(
            lambda phone: self._start(service.start_for_phone(phone))
        )
        self.find_screen.history_requested.connect(self.open_history)
        self.find_screen.settings_requested.connect(self.ask_pin)
        dial_busy = self.dial_screen.busy.set_busy
        self.dial_screen.cancel_requested.connect(
            lambda session_id: self._work.run(service.cancel(session_id), busy=dial_busy)
        )
        self.dial_screen.extend_requested.connect(
            lambda session_id: self._work.run(
                service.extend(session_id, EXTEND_SECONDS), busy=dial_busy
            )
        )
        self.dial_screen.language_requested.connect(self.languages.switch)
        self.dial_screen.sms_requested.connect(self.send_code)
        self.code_screen.resend_requested.connect(self.send_code)
        self.code_screen.code_entered.connect(self._check_code)
        self.code_screen.back_requested.connect(self._back_to_call)
        self.languages.changed.connect(self.dial_screen.set_current_language)
        self.result_screen.done.connect(self.show_find)
        self.status_strip.details_requested.connect(self.show_status_details)
        self.status_details.closed.connect(self._close_details)
        self.pin_screen.unlocked.connect(self._unlocked)
        self.pin_screen.cancelled.connect(self.show_find)
        if self.history_screen is not None:
            self.history_screen.closed.connect(self.show_find)
            self.history_screen.report_requested.connect(self.show_report)
        if self.report_screen is not None:
            self.report_screen.closed.connect(self.show_history)
        if self.settings_screen is not None:
            self.settings_screen.closed.connect(self.show_find)
            self.settings_screen.saved.connect(self._settings_saved)
            self.settings_screen.quit_requested.connect(self.leave)
        self.bridge.session_started.connect(self._on_started)
        self.bridge.session_changed.connect(self._on_changed)
        self.bridge.session_finished.connect(self._on_finished)
        self.bridge.source_status.connect(self.status_strip.show_source)
        self.bridge.source_status.connect(self._offer_sms)
        self.bridge.outbox_status.connect(self.status_strip.show_outbox)
        self.bridge.customers_synced.connect(self.status_strip.show_sync)
        self.bridge.callback_received.connect(self.status_details.add_received)
        for changed in (self.bridge.source_status, self.bridge.outbox_status):
            changed.connect(self._refresh_details)

    def show_find(self) -> None:
        """Back to the find screen, ready for the next customer (in the staff's language)."""
        if self.languages.current != self.staff_language:
            self.languages.switch(self.staff_language)
        self.find_screen.reset()
        self.stack.setCurrentWidget(self.find_screen)
        self.find_screen.search.setFocus()

    def open_history(self) -> None:
        """The history, behind the staff PIN when ``history_needs_pin``."""
        if self.history_needs_pin:
            self.ask_pin(PinPurpose.HISTORY)
        else:
            self.show_history()

    def show_history(self) -> None:
        """Open the history screen at today's verifications (the PIN, if needed, was right)."""
        if self.history_screen is not None:
            self.stack.setCurrentWidget(self.history_screen)
            self.history_screen.open()

    def show_report(self) -> None:
        """The per-day report (from the history screen)."""
        if self.report_screen is not None:
            self.report_screen.show_days(self.report_screen.days)
            self.stack.setCurrentWidget(self.report_screen)

    def ask_pin(self, purpose: PinPurpose = PinPurpose.SETTINGS) -> None:
        """Ask for the staff PIN before the settings (or the history) open."""
        self.stack.setCurrentWidget(self.pin_screen)
        self.pin_screen.ask(purpose)  # once visible, so the PIN field takes the focus

    def _unlocked(self, purpose: PinPurpose) -> None:
        if purpose is PinPurpose.HISTORY:
            self.show_history()
        else:
            self.show_settings()

    def show_settings(self) -> None:
        """Open the settings (the PIN was right)."""
        if self.settings_screen is not None:
            self.stack.setCurrentWidget(self.settings_screen)
            self.settings_screen.open()

    def show_status_details(self) -> None:
        """Open the details behind the status strip; Back returns to where staff were."""
        if self.stack.currentWidget() is not self.status_details:
            self._before_details = self.stack.currentWidget()
        self.status_details.show_strip(self.status_strip)
        self.stack.setCurrentWidget(self.status_details)
        self.status_details.back_button.setFocus()

    def _refresh_details(self, _status: object) -> None:
        """The details page, while open, follows the strip."""
        if self.stack.currentWidget() is self.status_details:
            self.status_details.show_strip(self.status_strip)

    def leave(self) -> None:
        """Close the kiosk (staff chose to leave kiosk mode)."""
        self._may_close = True
        self.close()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Larger screens get larger type and touch targets; portrait panels stacked screens."""
        width, height = event.size().width(), event.size().height()
        follow_window_size(self, width, height)
        self.stack.arrange(portrait=height > width)
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """In kiosk mode only :meth:`leave` closes the window."""
        if not self._may_close:
            event.ignore()
            return
        if self.customer_window is not None:
            self.customer_window.locked = False
            self.customer_window.close()
        super().closeEvent(event)

    def retranslate(self) -> None:
        """Re-read the window's own texts in the current language."""
        self.setWindowTitle(self.tr("Missed-call verification"))

    def _close_details(self) -> None:
        self.stack.setCurrentWidget(self._before_details or self.find_screen)

    def _settings_saved(self, _restart: list[str]) -> None:
        assert self.settings_screen is not None
        values = self.settings_screen.typed_values()
        self.result_screen.set_return_after(values["result_seconds"])
        self.dial_screen.set_region(self.service.region)
        self.find_screen.set_region(self.service.region)
        if values["language"] != self.staff_language:
            self.staff_language = values["language"]
            self.languages.switch(self.staff_language)

    def send_code(self, session_id: str) -> None:
        """Text the customer a one-time code and show the screen that takes it."""
        session = self.dial_screen.session
        if session is None or session.id != session_id:
            return
        self.code_screen.show_sending(session_id, session.expected_number)
        self.stack.setCurrentWidget(self.code_screen)
        self._work.run(self._send_code(session_id))

    async def finish_work(self) -> None:
        """Wait for everything staff asked for to be done: searches, saves, loads, codes."""
        await self._work.finish()

    async def _send_code(self, session_id: str) -> None:
        try:
            session = await self.service.send_sms_code(session_id)
        except SmsNotSent as exc:
            self.code_screen.show_not_sent(exc.why)
            return
        if session.pending:
            self.code_screen.show_sent(session.code_expires_at)

    def _check_code(self, session_id: str, code: str) -> None:
        self._work.run(self._checking(session_id, code), busy=self.code_screen.busy.set_busy)

    async def _checking(self, session_id: str, code: str) -> None:
        result, left = await self.service.check_sms_code(session_id, code)
        if result is not CodeCheck.ACCEPTED:  # accepted: the session finishes → result screen
            self.code_screen.show_answer(result, left)

    def _back_to_call(self) -> None:
        if self.dial_screen.session is not None:
            self.stack.setCurrentWidget(self.dial_screen)

    async def _show_outbox(self, status: Awaitable[OutboxStatus]) -> None:
        self.status_strip.show_outbox(await status)

    def _offer_sms(self, _status: object = None) -> None:
        self.dial_screen.set_sms_available(self.service.sms_available)

    def _search(self, text: str) -> None:
        self._work.run(self._searching(text), busy=self.find_screen.busy.set_busy)

    async def _searching(self, text: str) -> None:
        self.find_screen.show_results(text, await self.service.find_customers(text))

    def _start(self, starting: Coroutine[Any, Any, VerificationSession]) -> None:
        self._work.run(self._starting(starting), busy=self.find_screen.busy.set_busy)

    async def _starting(self, starting: Coroutine[Any, Any, VerificationSession]) -> None:
        try:
            await starting  # the dial screen opens when the service says it started
        except (CustomerNotFound, InvalidPhoneNumber, ControlCharacters) as exc:
            self.find_screen.show_error(reason_words(exc.why))
        except Exception:
            log.exception("Could not start a verification")
            self.find_screen.show_error(
                self.tr("Could not start the verification. Please try again.")
            )

    def _on_started(self, session: VerificationSession) -> None:
        if self.dial_screen.session is None:
            self._offer_sms()
            self.dial_screen.show_session(session)
            self.stack.setCurrentWidget(self.dial_screen)
            self.dial_screen.cancel_button.setFocus()
            if self.customer_window is not None:
                self.customer_window.show_session(session)

    def _on_changed(self, session: VerificationSession) -> None:
        if self.dial_screen.session and self.dial_screen.session.id == session.id:
            self.dial_screen.show_session(session)
            if self.customer_window is not None:
                self.customer_window.show_session(session)

    def _on_finished(self, session: VerificationSession) -> None:
        if self.dial_screen.session and self.dial_screen.session.id == session.id:
            self.dial_screen.stop()
            if self.customer_window is not None:
                self.customer_window.show_idle()
            self.result_screen.show_session(session)
            self.stack.setCurrentWidget(self.result_screen)
