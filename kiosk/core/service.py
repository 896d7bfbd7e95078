"""The verification service: the one facade the front-ends use to run verifications.

Plain asyncio, no Qt. Sources report calls here; front-ends look customers up, start,
extend and cancel sessions, and subscribe to :attr:`VerificationService.notices`.
Every method that reads or saves is a coroutine: the database work runs on the
database thread (:meth:`~kiosk.store.database.Database.run`), never on the event loop,
which under Qt is the GUI thread. The jobs live in their own modules:

- :mod:`kiosk.core.sessions`: starting and ending sessions, their timers, outcomes;
- :mod:`kiosk.core.call_matching`: matching heard calls to sessions;
- :mod:`kiosk.core.sms_fallback`: the one-time code by SMS;
- :mod:`kiosk.core.shared_kiosks`: kiosks sharing one database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from kiosk.core.call_matching import CallMatcher
from kiosk.core.notices import NoticeBus
from kiosk.core.reasons import CoreReason
from kiosk.core.sessions import EXPIRY_GRACE, LATE_WINDOW, LiveSessions, SessionSetup
from kiosk.core.shared_kiosks import SharedKiosks
from kiosk.core.sms_fallback import SmsFallback, SmsNotSent
from kiosk.domain.clock import Clock
from kiosk.domain.customer import CustomerSummary
from kiosk.domain.events import CallEvent
from kiosk.domain.health import SourceStatus
from kiosk.domain.phone import parse_phone
from kiosk.domain.reasons import Why
from kiosk.domain.session import VerificationSession
from kiosk.domain.sms_code import CodeCheck
from kiosk.sources.base import SmsSender
from kiosk.store import customers
from kiosk.store.database import Database
from kiosk.store.models import Customer

#: What front-ends catch besides :class:`CustomerNotFound`.
__all__ = ["CustomerNotFound", "SmsNotSent", "VerificationService"]


class CustomerNotFound(LookupError):
    """No customer matches what staff asked for; ``why`` says what was looked for."""

    def __init__(self, why: Why) -> None:
        """Keep the reason; ``str()`` gives its English words."""
        super().__init__(str(why))
        self.why = why


class VerificationService:
    """Runs verification sessions against the calls that sources hear."""

    def __init__(
        self,
        database: Database,
        *,
        clock: Clock,
        kiosk_id: str,
        region: str,
        dial_number: str | None,
        timeout: timedelta,
        source_name: str | None = None,
        expiry_grace: timedelta = EXPIRY_GRACE,
        late_window: timedelta = LATE_WINDOW,
        on_outbox_queued: Callable[[], None] = lambda: None,
        sms_sender: SmsSender | None = None,
    ) -> None:
        self.notices = NoticeBus()
        self.region = region
        self._db = database
        setup = SessionSetup(kiosk_id, dial_number, timeout, source_name, expiry_grace, late_window)
        self._sessions = LiveSessions(
            database, setup, clock=clock, notices=self.notices, on_outbox_queued=on_outbox_queued
        )
        self._shared = SharedKiosks(
            database, self._sessions, clock=clock, on_outbox_queued=on_outbox_queued
        )
        self._calls = CallMatcher(database, self._sessions, self._shared, self.notices)
        self._sms = SmsFallback(database, self._sessions, clock=clock, sender=sms_sender)

    @property
    def kiosk_id(self) -> str:
        """This kiosk's name in records and callbacks (staff may change it while running)."""
        return self._sessions.setup.kiosk_id

    @kiosk_id.setter
    def kiosk_id(self, kiosk_id: str) -> None:
        self._sessions.setup.kiosk_id = kiosk_id

    @property
    def timeout(self) -> timedelta:
        """How long a new session waits for its call (staff may change it while running)."""
        return self._sessions.setup.timeout

    @timeout.setter
    def timeout(self, timeout: timedelta) -> None:
        self._sessions.setup.timeout = timeout

    @property
    def source_name(self) -> str | None:
        """The source a callback names when no call was heard."""
        return self._sessions.setup.source_name

    # Looking customers up

    async def find_customers(self, text: str, limit: int = 20) -> list[CustomerSummary]:
        """Customers matching a reference, a phone number in any format, or a name prefix."""
        return await self._db.run(_find, text, region=self.region, limit=limit)

    # Sessions

    async def start_for_customer(self, customer: CustomerSummary) -> VerificationSession:
        """Ask ``customer`` to dial; returns the new pending session."""
        async with self._sessions.lock:
            return await self._sessions.start(
                expected_number=customer.phone,
                reference=customer.reference,
                customer_id=customer.id,
                customer_name=customer.name,
            )

    async def start_for_reference(self, reference: str) -> VerificationSession:
        """Start a session for the customer with this order or member reference."""
        found = await self._db.run(_by_reference, reference)
        if found is None:
            raise CustomerNotFound(Why(CoreReason.CUSTOMER_NOT_FOUND, reference=reference))
        return await self.start_for_customer(found)

    async def start_for_phone(self, phone: str) -> VerificationSession:
        """Start a session for a phone number: the customer on file, or an ad-hoc check."""
        expected = parse_phone(phone, self.region)
        known = await self._db.run(_by_phone, expected)
        if known:
            return await self.start_for_customer(known[0])
        async with self._sessions.lock:
            return await self._sessions.start(expected_number=expected)

    async def cancel(self, session_id: str) -> None:
        """Staff cancelled the session; the backend hears ``cancelled``."""
        await self._sessions.cancel(session_id)

    async def cancel_pending(self) -> int:
        """The kiosk is stopping: every pending session ends cancelled (its callback queued)."""
        return await self._sessions.cancel_all()

    async def extend(self, session_id: str, seconds: float) -> None:
        """Give the customer more time."""
        await self._sessions.extend(session_id, seconds)

    def pending_sessions(self) -> list[VerificationSession]:
        """Snapshots of every pending session, oldest first."""
        return self._sessions.snapshots()

    async def outcome(self, session_id: str) -> VerificationSession:
        """Wait until the session finishes and return its final state."""
        return await self._sessions.outcome(session_id)

    async def resume(self) -> int:
        """Pick up sessions left pending by an earlier run; expired ones are finished now."""
        return await self._sessions.resume()

    def close(self) -> None:
        """Stop the session timers (the kiosk is stopping; pending sessions resume next time).

        An orderly stop calls :meth:`cancel_pending` first.
        """
        self._sessions.close()

    # The SMS-code fallback

    @property
    def sms_sender(self) -> SmsSender | None:
        """Where codes go out (a modem that can text), if anywhere."""
        return self._sms.sender

    @sms_sender.setter
    def sms_sender(self, sender: SmsSender | None) -> None:
        self._sms.sender = sender

    @property
    def sms_available(self) -> bool:
        """True when a code can be sent by SMS right now (a ready modem that can text)."""
        return self._sms.available

    async def send_sms_code(self, session_id: str) -> VerificationSession:
        """Text a one-time code to the session's number (see :mod:`kiosk.core.sms_fallback`)."""
        return await self._sms.send_code(session_id)

    async def check_sms_code(self, session_id: str, code: str) -> tuple[CodeCheck, int]:
        """Check a code the customer read out; returns the result and the tries left."""
        return await self._sms.check_code(session_id, code)

    # Call sink: what sources report

    async def call_heard(self, event: CallEvent) -> None:
        """Match a heard call to the pending sessions and apply the outcome."""
        await self._calls.call_heard(event)

    def source_status(self, status: SourceStatus) -> None:
        """Pass a source's health on to the front-ends."""
        self.notices.publish(status)

    def listening_since(self) -> datetime | None:
        """When the oldest session still worth hearing calls for started; None when idle."""
        return self._sessions.listening_since()

    def sessions_pending(self) -> bool:
        """True while at least one session waits for its call."""
        return self._sessions.any_pending()

    async def wait_until_listening(self) -> None:
        """Return as soon as calls are worth hearing (polling sources sleep until then)."""
        await self._sessions.wait_until_listening()

    # Kiosks sharing one database

    async def adopt_shared_outcomes(self) -> int:
        """Finish this kiosk's sessions that another kiosk finished; returns how many."""
        return await self._shared.adopt_outcomes()

    async def follow_shared_sessions(self, interval: float = 1.0) -> None:
        """While sessions are pending, look for outcomes stored by other kiosks; until cancelled."""
        await self._shared.follow(interval)


def _find(session: Session, text: str, *, region: str, limit: int) -> list[CustomerSummary]:
    found = customers.find_customers(session, text, region=region, limit=limit)
    return [_summary(row) for row in found]


def _by_reference(session: Session, reference: str) -> CustomerSummary | None:
    customer = customers.customer_by_reference(session, reference)
    return _summary(customer) if customer is not None else None


def _by_phone(session: Session, phone: str) -> list[CustomerSummary]:
    return [_summary(row) for row in customers.customers_by_phone(session, phone)]


def _summary(row: Customer) -> CustomerSummary:
    return CustomerSummary(id=row.id, reference=row.reference, name=row.name, phone=row.phone)
