"""Kiosks sharing one database: calls for sessions another kiosk started, and its outcomes.

Kiosks of a site may share one database and one provider number, so the kiosk that
hears a call may not be the one whose customer dialed, and a session this kiosk
shows may be finished by another. The claimed row stays locked (on the database
thread) while it is finished, so each call verifies one session exactly once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection
from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.core.outcomes import queue_outcome
from kiosk.core.sessions import LiveSessions
from kiosk.domain.clock import Clock
from kiosk.domain.events import CallEvent
from kiosk.domain.phone import mask
from kiosk.domain.session import VerificationSession
from kiosk.store import verifications
from kiosk.store.database import Database

log = logging.getLogger("kiosk.service")


class SharedKiosks:
    """What this kiosk does for, and learns from, the other kiosks on its database."""

    def __init__(
        self,
        database: Database,
        sessions: LiveSessions,
        *,
        clock: Clock,
        on_outbox_queued: Callable[[], None],
    ) -> None:
        self._db = database
        self._sessions = sessions
        self._clock = clock
        self._on_outbox_queued = on_outbox_queued

    async def verify_started_elsewhere(self, event: CallEvent) -> bool:
        """Verify a pending session another kiosk (or process) started; True if one was.

        The caller holds the sessions' lock. The callback carries the kiosk where the
        session was started.
        """
        setup = self._sessions.setup
        claimed = await self._db.run(
            _claim_and_finish,
            event,
            exclude=[state.id for state in self._sessions.live()],
            heard_on=setup.kiosk_id,
            now=self._clock.now(),
            default_source=setup.source_name,
        )
        if claimed is None:
            return False
        state, started_on = claimed
        log.info("Call from %s verified session %s of %s", mask(event.caller), state.id, started_on)
        self._on_outbox_queued()
        return True

    async def adopt_outcomes(self) -> int:
        """Finish this kiosk's sessions that another kiosk finished; returns how many."""
        async with self._sessions.lock:
            pending = [state.id for state in self._sessions.snapshots()]
            if not pending:
                return 0
            finished = await self._db.run(verifications.finished_among, pending)
            for stored in finished:
                self._sessions.finished(stored)  # already stored: adopted, no second callback
        return len(finished)

    async def follow(self, interval: float = 1.0) -> None:
        """While sessions are pending, look for outcomes stored by other kiosks; until cancelled."""
        while True:
            await self._sessions.wait_until_listening()
            await asyncio.sleep(interval)
            try:
                await self.adopt_outcomes()
            except Exception:
                log.exception("Could not check for outcomes from other kiosks; trying again")


def _claim_and_finish(
    session: Session,
    event: CallEvent,
    *,
    exclude: Collection[str],
    heard_on: str,
    now: datetime,
    default_source: str | None,
) -> tuple[VerificationSession, str] | None:
    """Lock, verify and finish the session ``event`` verifies; returns it and where it started."""
    claimed = verifications.claim_pending_for_call(session, event, exclude=exclude)
    if claimed is None:
        return None
    state, started_on = claimed
    state.verify(event)
    if not verifications.finish_verification(session, state):
        return None
    queue_outcome(
        session,
        state,
        event,
        heard_on=heard_on,
        started_on=started_on,
        now=now,
        default_source=default_source,
    )
    return state, started_on
