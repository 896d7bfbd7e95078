"""The running core, shared by both front-ends: database, call sources, outbox, service.

``KioskRuntime`` is an async context manager: entering it migrates the database,
seeds demo data, starts the simulator and the built-in merchant backend (demo mode),
the call sources and the outbox dispatcher; leaving it stops them all. In demo mode
results go to the built-in backend, never to a configured one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from datetime import timedelta
from types import TracebackType
from typing import Any

from kiosk.config.settings import Settings
from kiosk.core.customer_data import CustomerData
from kiosk.core.notification_keys import StoredNotificationKeys
from kiosk.core.service import VerificationService
from kiosk.core.sessions import EXPIRY_GRACE
from kiosk.core.staff_lock import StaffLock, pin_check
from kiosk.delivery.demo_backend import DemoBackend
from kiosk.delivery.dispatcher import OutboxDispatcher
from kiosk.domain.backoff import Backoff
from kiosk.domain.clock import Clock, SystemClock
from kiosk.sources.base import CallSource
from kiosk.sources.modem.source import ModemSource
from kiosk.sources.provider.factory import (
    REQUESTS_PER_MINUTE,
    inbound_listener,
    provider_adapter,
)
from kiosk.sources.provider.poller import ProviderSource
from kiosk.sources.simulator import ModemSimulator
from kiosk.store.database import Database
from kiosk.store.demo import sample_searches, seed_demo_customers
from kiosk.store.retention import keep_purging

log = logging.getLogger("kiosk.runtime")


class KioskRuntime:
    """Everything below the front-ends, wired from :class:`Settings`."""

    def __init__(
        self, settings: Settings, *, clock: Clock | None = None, resume_sessions: bool = True
    ) -> None:
        """Wire everything from ``settings``; nothing starts until :meth:`start`.

        ``resume_sessions`` is off for one-shot commands, which must not take over
        sessions that a kiosk screen left open.
        """
        self.settings = settings
        self._resume_sessions = resume_sessions
        self.clock = clock or SystemClock()
        self.database = Database(settings.effective_database_url)
        self.simulator: ModemSimulator | None = None
        self.sources: list[CallSource] = [  # providers first: a setting missing fails here
            ProviderSource(
                provider_adapter(settings, name),
                interval=settings.poll_interval,
                initial_delay=settings.poll_initial_delay,
                requests_per_minute=settings.provider_requests_per_minute
                or REQUESTS_PER_MINUTE[name],
                skew_tolerance=settings.provider_skew_tolerance,
            )
            for name in settings.sources
            if name != "modem"
        ]
        if settings.inbound_listen:
            keys = StoredNotificationKeys(self.database, self.clock)
            self.sources.append(inbound_listener(settings, keys))
        self.dispatcher = OutboxDispatcher(
            self.database,
            url=None,  # set by use_callback_settings()
            secret=None,
            clock=self.clock,
            backoff=Backoff(settings.retry_initial, settings.retry_max),
            timeout=settings.callback_timeout,
        )
        self.service = VerificationService(
            self.database,
            clock=self.clock,
            kiosk_id=settings.kiosk_id,
            region=settings.region,
            dial_number=settings.effective_dial_number,
            timeout=timedelta(seconds=settings.timeout),
            source_name="simulator" if settings.is_demo else (settings.sources or ["inbound"])[0],
            expiry_grace=_expiry_grace(settings),
            on_outbox_queued=self.dispatcher.wake,
        )
        self.customer_data = CustomerData(
            self.database, settings, self.clock, notices=self.service.notices
        )
        self.staff_lock = StaffLock(
            self.database, kiosk_id=settings.kiosk_id, check=pin_check(settings), clock=self.clock
        )
        #: Demo mode's merchant backend, in this process (None outside demo mode).
        self.demo_backend = (
            DemoBackend(self.clock, self.service.notices.publish) if settings.is_demo else None
        )
        self.use_callback_settings(settings)
        self._tasks: list[asyncio.Task[None]] = []

    async def __aenter__(self) -> KioskRuntime:
        """Open the database and start listening and delivering."""
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop everything started by :meth:`start`."""
        await self.stop()

    @property
    def sample_searches(self) -> list[str]:
        """Searches that find sample customers, to offer in demo mode (none otherwise)."""
        return sample_searches() if self.settings.is_demo else []

    def use_callback_settings(self, settings: Settings) -> None:
        """Send results where ``settings`` say; a running demo, always to its built-in backend.

        (A runtime that is never started, as the ``outbox`` command uses, has no demo backend
        running and follows the settings.)
        """
        backend = self.demo_backend
        if backend is not None and backend.started:
            self.dispatcher.reconfigure(url=backend.url, secret=backend.secret, demo=True)
            return
        secret = settings.callback_secret.get_secret_value() if settings.callback_secret else None
        self.dispatcher.reconfigure(url=settings.callback_url, secret=secret)

    async def start(self) -> None:
        """Migrate, seed (demo), start sources and the dispatcher, resume open sessions."""
        self.database.migrate()
        port = self.settings.modem_port
        if "modem" not in self.settings.sources:
            port = None
        if self.settings.is_demo:
            added = await self.database.run(seed_demo_customers, self.clock.now())
            if added:
                log.info("Demo mode: added %d sample customers", added)
            self.simulator = ModemSimulator()
            await self.simulator.start()
            port = self.simulator.port
        if self.demo_backend is not None:
            await self.demo_backend.start()
            self.use_callback_settings(self.settings)
        if port:
            modem = ModemSource(
                port,
                region=self.settings.region,
                clock=self.clock,
                baudrate=self.settings.modem_baudrate,
                name="simulator" if self.simulator else "modem",
                sim_pin=self.settings.sim_pin.get_secret_value() if self.settings.sim_pin else None,
            )
            self.sources.append(modem)
            self.service.sms_sender = modem  # the SMS-code fallback goes out through it
        self.dispatcher.on_status = self.service.notices.publish
        for source in self.sources:
            self._spawn(source.run(self.service), f"source {source.name}")
        self._spawn(self.dispatcher.run(), "outbox dispatcher")
        self._spawn(self.service.follow_shared_sessions(), "outcomes from other kiosks")
        if self.settings.retention_days:
            purging = keep_purging(
                self.database,
                days=self.settings.retention_days,
                directory=self.settings.effective_audit_dir,
                export_format=self.settings.audit_format,
                clock=self.clock,
            )
            self._spawn(purging, "retention")
        if self.customer_data.sync is not None:
            self._spawn(self.customer_data.sync.run(), "customer sync")
        if self._resume_sessions:
            await self.service.resume()

    async def stop(self) -> None:
        """Cancel the background tasks, stop the simulator, close the database."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        self.service.close()
        if self.simulator is not None:
            await self.simulator.stop()
        if self.demo_backend is not None:
            await self.demo_backend.stop()
        self.database.dispose()

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.create_task(work, name=name)
        task.add_done_callback(self._report_crash)
        self._tasks.append(task)

    @staticmethod
    def _report_crash(task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("%s stopped unexpectedly", task.get_name(), exc_info=task.exception())


def _expiry_grace(settings: Settings) -> timedelta:
    """How long after the deadline a session waits for a call that rang in time.

    A modem reports within a moment; a provider lists a call on a later poll, and
    Exotel and Plivo list a call only once it has ended, so polling waits longer.
    """
    if any(name != "modem" for name in settings.sources) or settings.inbound_listen:
        return EXPIRY_GRACE + timedelta(seconds=2 * settings.poll_interval + 5)
    return EXPIRY_GRACE
