"""The sessions this kiosk runs: starting them, more time, cancelling, expiry and outcomes.

Every save goes to the database thread (:meth:`Database.run`), so the event loop (the
GUI thread under Qt) never waits for the database. Changes to the sessions happen
one at a time under :attr:`LiveSessions.lock`, held across their saves, so what is
in memory and what is stored never disagree. An outcome is saved with its matched
call and its callback in one transaction before anyone hears of it; one that
cannot be saved is tried again every few seconds until it is.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime, timedelta

from kiosk.core.notices import NoticeBus, SessionChanged, SessionFinished, SessionStarted
from kiosk.core.outcomes import save_outcome
from kiosk.domain.clock import Clock
from kiosk.domain.events import CallEvent
from kiosk.domain.phone import mask
from kiosk.domain.session import VerificationSession
from kiosk.store import verifications
from kiosk.store.database import Database

log = logging.getLogger("kiosk.service")

#: Finished outcomes kept for :meth:`LiveSessions.outcome` (older ones are forgotten).
REMEMBERED = 256
_SAVE_RETRY_SECONDS = 2.0
#: A call that rang just before the deadline is reported a moment later (the modem
#: sends the caller's number after the first RING); wait this long before expiring.
EXPIRY_GRACE = timedelta(seconds=3)
#: How long after a session ends its calls are still looked for (and only recorded).
LATE_WINDOW = timedelta(seconds=15)


@dataclasses.dataclass(slots=True)
class SessionSetup:
    """What this kiosk's sessions get; staff may change the kiosk id and time while it runs."""

    kiosk_id: str
    dial_number: str | None
    timeout: timedelta
    #: The source named in a callback when no call was heard (expired, cancelled).
    source_name: str | None = None
    expiry_grace: timedelta = EXPIRY_GRACE
    late_window: timedelta = LATE_WINDOW


class LiveSessions:
    """Pending sessions in memory, their expiry timers, and how each one ended."""

    def __init__(
        self,
        database: Database,
        setup: SessionSetup,
        *,
        clock: Clock,
        notices: NoticeBus,
        on_outbox_queued: Callable[[], None],
    ) -> None:
        self.setup = setup
        #: Held by every change to the sessions, across its saves (not reentrant).
        self.lock = asyncio.Lock()
        self._db = database
        self._clock = clock
        self._notices = notices
        self._on_outbox_queued = on_outbox_queued
        self._sessions: dict[str, VerificationSession] = {}
        #: What each session waits for next: its expiry, or another try at saving its outcome.
        self._timers: dict[str, asyncio.Task[None]] = {}
        self._outcomes: dict[str, asyncio.Future[VerificationSession]] = {}
        self._recent: deque[tuple[datetime, datetime]] = deque()  # (ended, started)
        self._listening = asyncio.Event()

    def pending(self, session_id: str) -> VerificationSession | None:
        """The live state of a pending session; None once it has finished (or is unknown)."""
        state = self._sessions.get(session_id)
        return state if state is not None and state.pending else None

    def live(self) -> Iterable[VerificationSession]:
        """Every session still held: pending, or finishing while its outcome is saved."""
        return self._sessions.values()

    def snapshots(self) -> list[VerificationSession]:
        """Copies of every pending session, oldest first."""
        pending = [dataclasses.replace(s) for s in self._sessions.values() if s.pending]
        return sorted(pending, key=lambda s: s.started_at)

    async def start(self, *, expected_number: str, **details: str | None) -> VerificationSession:
        """Save a new session and wait for its call (the caller holds :attr:`lock`)."""
        state = VerificationSession.start(
            expected_number=expected_number,
            now=self._clock.now(),
            timeout=self.setup.timeout,
            dialed_number=self.setup.dial_number,
            **details,
        )
        await self.save(state)
        self._track(state)
        self._schedule_expiry(state)
        log.info("Session %s started: waiting for a call from %s", state.id, mask(expected_number))
        self._notices.publish(SessionStarted(dataclasses.replace(state)))
        return dataclasses.replace(state)

    async def save(self, state: VerificationSession) -> None:
        """Store a pending session as it is now."""
        copy = dataclasses.replace(state)  # the loop may change ``state`` meanwhile
        await self._db.run(verifications.save_verification, copy, kiosk_id=self.setup.kiosk_id)

    async def cancel(self, session_id: str) -> None:
        """Staff cancelled the session; the backend hears ``cancelled``."""
        async with self.lock:
            if (state := self.pending(session_id)) is not None:
                state.cancel(self._clock.now())
                await self.finish(state)

    async def cancel_all(self) -> int:
        """The kiosk is stopping: every pending session ends cancelled; returns how many."""
        async with self.lock:
            pending = [state for state in self._sessions.values() if state.pending]
            for state in pending:
                state.cancel(self._clock.now())
                await self.finish(state)
        return len(pending)

    async def extend(self, session_id: str, seconds: float) -> None:
        """Give the customer more time."""
        async with self.lock:
            if (state := self.pending(session_id)) is None:
                return
            state.extend(timedelta(seconds=seconds))
            await self.save(state)
            self.changed(state)

    def changed(self, state: VerificationSession) -> None:
        """A pending session changed (and is saved): move its deadline, tell everyone."""
        self._schedule_expiry(state)
        self._notices.publish(SessionChanged(dataclasses.replace(state)))

    async def outcome(self, session_id: str) -> VerificationSession:
        """Wait until the session finishes and return its final state."""
        return await asyncio.shield(self._outcomes[session_id])

    async def resume(self) -> int:
        """Pick up sessions left pending by an earlier run; expired ones are finished now."""
        async with self.lock:
            kiosk_id = self.setup.kiosk_id
            left = await self._db.run(verifications.pending_verifications, kiosk_id=kiosk_id)
            now = self._clock.now()
            for state in left:
                self._track(state)
                if state.expire_if_due(now):
                    await self.finish(state)
                else:
                    self._schedule_expiry(state)
        if left:
            log.info("Resumed %d session(s) left pending by an earlier run", len(left))
        return len(left)

    async def finish(self, state: VerificationSession, call: CallEvent | None = None) -> None:
        """Save the outcome with its call and callback, then tell everyone.

        The caller holds :attr:`lock`. A save that fails is tried again in the
        background until it works; nobody hears of the outcome before that.
        """
        try:
            stored = await self._db.run(
                save_outcome,
                dataclasses.replace(state),
                call,
                kiosk_id=self.setup.kiosk_id,
                now=self._clock.now(),
                default_source=self.setup.source_name,
            )
        except Exception:
            log.exception("Could not save the outcome of session %s; trying again", state.id)
            self._after(state.id, _SAVE_RETRY_SECONDS, lambda: self._finish_again(state, call))
            return
        if stored is not None:
            log.warning("Session %s was already finished elsewhere: %s", state.id, stored.status)
            state = stored
        self.finished(state)

    def finished(self, state: VerificationSession) -> None:
        """The outcome of ``state`` is stored (here or by another kiosk): tell everyone."""
        self._stop_timer(state.id)
        self._sessions.pop(state.id, None)
        self._forget_ended_sessions()
        self._recent.append((self._clock.now(), state.started_at))
        log.info("Session %s finished: %s", state.id, state.status)
        snapshot = dataclasses.replace(state)
        self._outcomes[state.id].set_result(snapshot)
        self._forget_old_outcomes()
        self._on_outbox_queued()
        self._notices.publish(SessionFinished(snapshot))

    def listening_since(self) -> datetime | None:
        """When the oldest session still worth hearing calls for started; None when idle.

        That is every pending session (and one whose outcome is being saved), and for
        ``late_window`` after it ended, every finished one: a provider may list a call
        late, and such calls are recorded (they never change an outcome).
        """
        self._forget_ended_sessions()
        starts = [s.started_at for s in self._sessions.values()]
        starts += [started for _ended, started in self._recent]
        return min(starts) if starts else None

    def any_pending(self) -> bool:
        """True while at least one session waits for its call."""
        return any(s.pending for s in self._sessions.values())

    async def wait_until_listening(self) -> None:
        """Return as soon as calls are worth hearing (polling sources sleep until then)."""
        while self.listening_since() is None:
            self._listening.clear()
            await self._listening.wait()

    def close(self) -> None:
        """Stop the expiry timers and the saves still being tried (the kiosk is stopping).

        Sessions left pending (a stop without :meth:`cancel_all`, such as a power cut) are
        picked up by :meth:`resume` on the next start.
        """
        for session_id in list(self._timers):
            self._stop_timer(session_id)

    def _track(self, state: VerificationSession) -> None:
        self._sessions[state.id] = state
        self._listening.set()
        self._outcomes[state.id] = asyncio.get_running_loop().create_future()

    def _schedule_expiry(self, state: VerificationSession) -> None:
        delay = (state.remaining(self._clock.now()) + self.setup.expiry_grace).total_seconds()
        self._after(state.id, delay, lambda: self._expire(state.id))

    def _after(self, session_id: str, delay: float, then: Callable[[], Awaitable[None]]) -> None:
        """Run ``then()`` in ``delay`` seconds, instead of what the session waited for."""
        self._stop_timer(session_id)
        timer = asyncio.create_task(_after(delay, then))
        timer.add_done_callback(_log_failure)
        self._timers[session_id] = timer

    def _stop_timer(self, session_id: str) -> None:
        timer = self._timers.pop(session_id, None)
        if timer is not None and timer is not asyncio.current_task():  # not from within
            timer.cancel()

    async def _expire(self, session_id: str) -> None:
        async with self.lock:
            if (state := self.pending(session_id)) is None:
                return
            if state.expire_if_due(self._clock.now()):
                await self.finish(state)
            else:
                self._schedule_expiry(state)

    async def _finish_again(self, state: VerificationSession, call: CallEvent | None) -> None:
        async with self.lock:
            await self.finish(state, call)

    def _forget_ended_sessions(self) -> None:
        now = self._clock.now()
        while self._recent and self._recent[0][0] + self.setup.late_window < now:
            self._recent.popleft()

    def _forget_old_outcomes(self) -> None:
        done = [key for key, future in self._outcomes.items() if future.done()]
        for key in done[: max(len(done) - REMEMBERED, 0)]:
            del self._outcomes[key]


async def _after(delay: float, then: Callable[[], Awaitable[None]]) -> None:
    await asyncio.sleep(delay)
    await then()


def _log_failure(timer: asyncio.Task[None]) -> None:
    if not timer.cancelled() and timer.exception() is not None:
        log.error("A session timer failed", exc_info=timer.exception())
