"""The verification service: sessions, matching calls to them, outcomes and callbacks.

Plain asyncio, no Qt. Sources report calls here; front-ends start and cancel
sessions and subscribe to :attr:`VerificationService.notices`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections import OrderedDict, deque
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from kiosk.core.notices import (
    CallHeard,
    NoticeBus,
    SessionChanged,
    SessionFinished,
    SessionStarted,
)
from kiosk.delivery.payload import completion_message
from kiosk.domain.clock import Clock
from kiosk.domain.customer import CustomerSummary
from kiosk.domain.events import CallEvent
from kiosk.domain.health import SourceStatus
from kiosk.domain.matching import route_call
from kiosk.domain.phone import mask, parse_phone
from kiosk.domain.session import CallOutcome, VerificationSession
from kiosk.domain.sms_code import MAX_SENDS, CodeCheck, issue_code, message_text
from kiosk.sources.base import SmsSender
from kiosk.store import customers, outbox, sms_codes, verifications
from kiosk.store.database import Database
from kiosk.store.models import Customer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger("kiosk.service")

_REMEMBERED = 256
_SAVE_RETRY_SECONDS = 2.0
#: A call that rang just before the deadline is reported a moment later (the modem
#: sends the caller's number after the first RING); wait this long before expiring.
EXPIRY_GRACE = timedelta(seconds=3)
#: How long after a session ends its calls are still looked for (and only recorded).
LATE_WINDOW = timedelta(seconds=15)


class CustomerNotFound(LookupError):
    """No customer matches what staff asked for; the message says what was looked for."""


class SmsNotSent(RuntimeError):
    """A code could not be sent by SMS; the message says why in plain words."""


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
        self.sms_sender = sms_sender
        self.kiosk_id = kiosk_id
        self.region = region
        self.dial_number = dial_number
        self.timeout = timeout
        self.source_name = source_name
        self._expiry_grace = expiry_grace
        self._late_window = late_window
        self._recent: deque[tuple[datetime, datetime]] = deque()  # (ended, started)
        self._db = database
        self._clock = clock
        self._on_outbox_queued = on_outbox_queued
        self._sessions: dict[str, VerificationSession] = {}
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._outcomes: dict[str, asyncio.Future[VerificationSession]] = {}
        self._seen_calls: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._listening = asyncio.Event()

    # Looking customers up

    def find_customers(self, text: str, limit: int = 20) -> list[CustomerSummary]:
        """Customers matching a reference, a phone number in any format, or a name prefix."""
        with self._db.session() as session:
            found = customers.find_customers(session, text, region=self.region, limit=limit)
            return [_summary(row) for row in found]

    # Sessions

    def start_for_customer(self, customer: CustomerSummary) -> VerificationSession:
        """Ask ``customer`` to dial; returns the new pending session."""
        return self._start(
            expected_number=customer.phone,
            reference=customer.reference,
            customer_id=customer.id,
            customer_name=customer.name,
        )

    def start_for_reference(self, reference: str) -> VerificationSession:
        """Start a session for the customer with this order or member reference."""
        with self._db.session() as session:
            customer = customers.customer_by_reference(session, reference)
            if customer is None:
                raise CustomerNotFound(f"No customer has the reference '{reference}'.")
            found = _summary(customer)
        return self.start_for_customer(found)

    def start_for_phone(self, phone: str) -> VerificationSession:
        """Start a session for a phone number: the customer on file, or an ad-hoc check."""
        expected = parse_phone(phone, self.region)
        with self._db.session() as session:
            known = [_summary(row) for row in customers.customers_by_phone(session, expected)]
        if known:
            return self.start_for_customer(known[0])
        return self._start(expected_number=expected)

    def cancel(self, session_id: str) -> None:
        """Staff cancelled the session; the backend hears ``cancelled``."""
        state = self._sessions.get(session_id)
        if state is None or not state.pending:
            return
        state.cancel(self._clock.now())
        self._finish(state)

    def extend(self, session_id: str, seconds: float) -> None:
        """Give the customer more time."""
        state = self._sessions.get(session_id)
        if state is None or not state.pending:
            return
        state.extend(timedelta(seconds=seconds))
        with self._db.session() as session:
            verifications.save_verification(session, state, kiosk_id=self.kiosk_id)
        self._schedule_expiry(state)
        self.notices.publish(SessionChanged(dataclasses.replace(state)))

    # The SMS-code fallback

    @property
    def sms_available(self) -> bool:
        """True when a code can be sent by SMS right now (a ready modem that can text)."""
        return self.sms_sender is not None and self.sms_sender.sms_available

    async def send_sms_code(self, session_id: str) -> VerificationSession:
        """Text a one-time code to the session's number; the session waits for it too.

        The missed call still counts while the code is out. Raises :class:`SmsNotSent`
        in plain words (no modem that can text, too many codes, the network refused).
        """
        state = self._sessions.get(session_id)
        if state is None or not state.pending:
            raise SmsNotSent("This verification has already finished.")
        if self.sms_sender is None or not self.sms_sender.sms_available:
            raise SmsNotSent("Codes cannot be sent by SMS right now: the modem is not ready.")
        with self._db.session() as session:
            if sms_codes.codes_sent(session, session_id) >= MAX_SENDS:
                raise SmsNotSent(
                    f"{MAX_SENDS} codes were already sent. Ask the customer to call instead."
                )
        code, issued = issue_code(session_id, self._clock.now())
        try:
            await self.sms_sender.send_sms(
                state.expected_number, message_text(code, state.reference)
            )
        except Exception as exc:
            log.warning("The SMS code for session %s was not sent: %s", session_id, exc)
            raise SmsNotSent(str(exc)) from exc
        if not state.pending:  # the call came while the message was going out
            return dataclasses.replace(state)
        state.code_sent(issued.expires_at)
        with self._db.session() as session:
            sms_codes.add_code(session, issued, kiosk_id=self.kiosk_id)
            verifications.save_verification(session, state, kiosk_id=self.kiosk_id)
        self._schedule_expiry(state)
        log.info("Session %s: code sent by SMS to %s", session_id, mask(state.expected_number))
        self.notices.publish(SessionChanged(dataclasses.replace(state)))
        return dataclasses.replace(state)

    def check_sms_code(self, session_id: str, code: str) -> tuple[CodeCheck, int]:
        """Check a code the customer read out; returns the result and the tries left.

        An accepted code verifies the session (method ``sms_code``) and sends the
        callback like any other outcome.
        """
        state = self._sessions.get(session_id)
        if state is None or not state.pending:
            return CodeCheck.NO_CODE, 0
        now = self._clock.now()
        with self._db.session() as session:
            found = sms_codes.latest_code(session, session_id)
            if found is None:
                return CodeCheck.NO_CODE, 0
            row_id, issued = found
            result = issued.check(code, now)
            sms_codes.save_tries(session, row_id, issued)
        log.info("Session %s: SMS code %s", session_id, result)
        if result is CodeCheck.ACCEPTED:
            state.verify_by_code(now)
            self._finish(state)
        return result, issued.attempts_left

    def pending_sessions(self) -> list[VerificationSession]:
        """Snapshots of every pending session, oldest first."""
        pending = [dataclasses.replace(s) for s in self._sessions.values() if s.pending]
        return sorted(pending, key=lambda s: s.started_at)

    async def outcome(self, session_id: str) -> VerificationSession:
        """Wait until the session finishes and return its final state."""
        return await asyncio.shield(self._outcomes[session_id])

    def resume(self) -> int:
        """Pick up sessions left pending by an earlier run; expired ones are finished now."""
        with self._db.session() as session:
            left = verifications.pending_verifications(session, kiosk_id=self.kiosk_id)
        now = self._clock.now()
        for state in left:
            self._track(state)
            if state.expire_if_due(now):
                self._finish(state)
            else:
                self._schedule_expiry(state)
        if left:
            log.info("Resumed %d session(s) left pending by an earlier run", len(left))
        return len(left)

    # Call sink: what sources report

    async def call_heard(self, event: CallEvent) -> None:
        """Match a heard call to the pending sessions and apply the outcome."""
        key = (event.source, event.call_id) if event.call_id else None
        if key in self._seen_calls or self._recorded_before(key):
            return
        routing = route_call(self._sessions.values(), event)
        log.info("Call from %s via %s: %s", mask(event.caller), event.source, routing.outcome)
        verified = routing.verifies
        if verified is not None:
            verified.verify(event)
            self._finish(verified, call=event)  # saved, or retried until it is
            self._remember_call(key)
            self.notices.publish(CallHeard(event, routing.outcome))
            return
        if self._verify_shared_session(event):  # started by another kiosk sharing the number
            self._remember_call(key)
            self.notices.publish(CallHeard(event, CallOutcome.MATCHED))
            return
        updated = [dataclasses.replace(state) for state in routing.hints]
        for copy in updated:
            copy.note_unmatched(event)
        with self._db.session() as session:  # if this fails, the source offers it again
            for copy in updated:
                verifications.save_verification(session, copy, kiosk_id=self.kiosk_id)
            hinted = routing.hints[0].id if len(routing.hints) == 1 else None
            verifications.record_call(
                session,
                event,
                outcome=routing.outcome,
                verification_id=hinted,
                kiosk_id=self.kiosk_id,
            )
        self._remember_call(key)
        for state in routing.hints:
            state.note_unmatched(event)
            self.notices.publish(SessionChanged(dataclasses.replace(state)))
        self.notices.publish(CallHeard(event, routing.outcome))

    def _verify_shared_session(self, event: CallEvent) -> bool:
        """Verify a pending session that another kiosk (or process) started; True if one was.

        Kiosks of a site share one database and may share one provider number, so the
        kiosk that hears a call may not be the one whose customer dialed. The session's
        row is locked while it is finished, so each call verifies it exactly once; the
        callback carries the kiosk where the session was started.
        """
        with self._db.session() as session:
            claimed = verifications.claim_pending_for_call(session, event, exclude=self._sessions)
            if claimed is None:
                return False
            state, started_on = claimed
            state.verify(event)
            if not verifications.finish_verification(session, state):
                return False
            self._queue_outcome(session, state, event, kiosk_id=started_on)
        log.info("Call from %s verified session %s of %s", mask(event.caller), state.id, started_on)
        self._on_outbox_queued()
        return True

    def adopt_shared_outcomes(self) -> int:
        """Finish this kiosk's sessions that another kiosk finished; returns how many."""
        pending = [state.id for state in self._sessions.values() if state.pending]
        if not pending:
            return 0
        with self._db.session() as session:
            finished = verifications.finished_among(session, pending)
        for stored in finished:
            self._finish(stored)  # already stored: adopted, no second callback
        return len(finished)

    async def follow_shared_sessions(self, interval: float = 1.0) -> None:
        """While sessions are pending, look for outcomes stored by other kiosks; until cancelled."""
        while True:
            await self.wait_until_listening()
            await asyncio.sleep(interval)
            try:
                self.adopt_shared_outcomes()
            except Exception:
                log.exception("Could not check for outcomes from other kiosks; trying again")

    def _recorded_before(self, key: tuple[str, str] | None) -> bool:
        """A call already on record: heard before a restart, by another kiosk, or replayed."""
        if key is None:
            return False
        with self._db.session() as session:
            if not verifications.call_recorded(session, *key):
                return False
        log.info("Call %s from %s is already on record: not taken again", key[1], key[0])
        self._remember_call(key)
        return True

    def _remember_call(self, key: tuple[str, str] | None) -> None:
        """Remember a handled call so a source reporting it again changes nothing."""
        if key is None:
            return
        self._seen_calls[key] = None
        while len(self._seen_calls) > _REMEMBERED:
            self._seen_calls.popitem(last=False)

    def source_status(self, status: SourceStatus) -> None:
        """Pass a source's health on to the front-ends."""
        self.notices.publish(status)

    def listening_since(self) -> datetime | None:
        """When the oldest session still worth hearing calls for started; None when idle.

        That is every pending session, and for ``late_window`` after it ended, every
        finished one: a provider may list a call late, and such calls are recorded
        (they never change an outcome).
        """
        self._forget_ended_sessions()
        starts = [s.started_at for s in self._sessions.values() if s.pending]
        starts += [started for _ended, started in self._recent]
        return min(starts) if starts else None

    def sessions_pending(self) -> bool:
        """True while at least one session waits for its call."""
        return any(s.pending for s in self._sessions.values())

    async def wait_until_listening(self) -> None:
        """Return as soon as calls are worth hearing (polling sources sleep until then)."""
        while self.listening_since() is None:
            self._listening.clear()
            await self._listening.wait()

    # Internals

    def _start(self, *, expected_number: str, **details: str | None) -> VerificationSession:
        state = VerificationSession.start(
            expected_number=expected_number,
            now=self._clock.now(),
            timeout=self.timeout,
            dialed_number=self.dial_number,
            **details,
        )
        with self._db.session() as session:
            verifications.save_verification(session, state, kiosk_id=self.kiosk_id)
        self._track(state)
        self._schedule_expiry(state)
        log.info("Session %s started: waiting for a call from %s", state.id, mask(expected_number))
        self.notices.publish(SessionStarted(dataclasses.replace(state)))
        return dataclasses.replace(state)

    def _track(self, state: VerificationSession) -> None:
        self._sessions[state.id] = state
        self._listening.set()
        self._outcomes[state.id] = asyncio.get_running_loop().create_future()

    def _schedule_expiry(self, state: VerificationSession) -> None:
        if timer := self._timers.pop(state.id, None):
            timer.cancel()
        delay = (state.remaining(self._clock.now()) + self._expiry_grace).total_seconds()
        loop = asyncio.get_running_loop()
        self._timers[state.id] = loop.call_later(delay, self._expire, state.id)

    def _expire(self, session_id: str) -> None:
        state = self._sessions.get(session_id)
        if state is None or not state.pending:
            return
        if state.expire_if_due(self._clock.now()):
            self._finish(state)
        else:
            self._schedule_expiry(state)

    def _forget_ended_sessions(self) -> None:
        now = self._clock.now()
        while self._recent and self._recent[0][0] + self._late_window < now:
            self._recent.popleft()

    def _forget_old_outcomes(self) -> None:
        done = [key for key, future in self._outcomes.items() if future.done()]
        for key in done[: max(len(done) - _REMEMBERED, 0)]:
            del self._outcomes[key]

    def _finish(self, state: VerificationSession, call: CallEvent | None = None) -> None:
        """Persist the outcome with its callback, then tell everyone; retried until saved."""
        try:
            stored = self._save_outcome(state, call)
        except Exception:
            log.exception("Could not save the outcome of session %s; trying again", state.id)
            loop = asyncio.get_running_loop()
            loop.call_later(_SAVE_RETRY_SECONDS, self._finish, state, call)
            return
        if stored is not None:
            log.warning("Session %s was already finished elsewhere: %s", state.id, stored.status)
            state = stored
        if timer := self._timers.pop(state.id, None):
            timer.cancel()
        self._sessions.pop(state.id, None)
        self._forget_ended_sessions()
        self._recent.append((self._clock.now(), state.started_at))
        log.info("Session %s finished: %s", state.id, state.status)
        snapshot = dataclasses.replace(state)
        self._outcomes[state.id].set_result(snapshot)
        self._forget_old_outcomes()
        self._on_outbox_queued()
        self.notices.publish(SessionFinished(snapshot))

    def _save_outcome(
        self, state: VerificationSession, call: CallEvent | None
    ) -> VerificationSession | None:
        """Save outcome, matched call and callback in one transaction.

        Returns the stored state instead when another process finished the session
        first; then no second callback is queued.
        """
        with self._db.session() as session:
            if not verifications.finish_verification(session, state):
                return verifications.load_verification(session, state.id)
            self._queue_outcome(session, state, call, kiosk_id=self.kiosk_id)
        return None

    def _queue_outcome(
        self, session: Session, state: VerificationSession, call: CallEvent | None, *, kiosk_id: str
    ) -> None:
        """Record the matched call and queue the callback (``kiosk_id``: where it started)."""
        if call is not None:
            verifications.record_call(
                session,
                call,
                outcome=CallOutcome.MATCHED,
                verification_id=state.id,
                kiosk_id=self.kiosk_id,
            )
        message = completion_message(
            state,
            kiosk_id=kiosk_id,
            now=self._clock.now(),
            default_source=self.source_name,
        )
        outbox.add_message(session, message)


def _summary(row: Customer) -> CustomerSummary:
    return CustomerSummary(id=row.id, reference=row.reference, name=row.name, phone=row.phone)
