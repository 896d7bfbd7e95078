"""Matching the calls that sources hear to this kiosk's sessions, once each.

A call from the expected number verifies its session; a call from another number is
recorded and shown as a hint; a call already on record (heard before a restart, by
another kiosk, or replayed) changes nothing. Calls are handled one at a time, in
the order heard, under the sessions' lock (nothing changes a session meanwhile),
while their saves run on the database thread.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import OrderedDict

from sqlalchemy.orm import Session

from kiosk.core.notices import CallHeard, NoticeBus
from kiosk.core.sessions import REMEMBERED, LiveSessions
from kiosk.core.shared_kiosks import SharedKiosks
from kiosk.domain.events import CallEvent
from kiosk.domain.matching import CallRouting, route_call
from kiosk.domain.phone import mask
from kiosk.domain.session import CallOutcome, VerificationSession
from kiosk.store import verifications
from kiosk.store.database import Database

log = logging.getLogger("kiosk.service")


class CallMatcher:
    """Applies each heard call to the sessions (here or, sharing a database, elsewhere)."""

    def __init__(
        self,
        database: Database,
        sessions: LiveSessions,
        shared: SharedKiosks,
        notices: NoticeBus,
    ) -> None:
        self._db = database
        self._sessions = sessions
        self._shared = shared
        self._notices = notices
        self._seen_calls: OrderedDict[tuple[str, str], None] = OrderedDict()

    async def call_heard(self, event: CallEvent) -> None:
        """Match a heard call to the pending sessions and apply the outcome."""
        key = (event.source, event.call_id) if event.call_id else None
        async with self._sessions.lock:
            if key in self._seen_calls or await self._recorded_before(key):
                return
            routing = route_call(self._sessions.live(), event)
            log.info("Call from %s via %s: %s", mask(event.caller), event.source, routing.outcome)
            outcome = routing.outcome
            if (verified := routing.verifies) is not None:
                verified.verify(event)
                await self._sessions.finish(verified, call=event)  # saved, or retried until it is
            elif await self._shared.verify_started_elsewhere(event):
                outcome = CallOutcome.MATCHED
            else:
                await self._note_unmatched(event, routing)  # if this fails, it is offered again
            self._remember_call(key)
            self._notices.publish(CallHeard(event, outcome))

    async def _note_unmatched(self, event: CallEvent, routing: CallRouting) -> None:
        """Record a call that verified nothing; the sessions it may have been for count it."""
        updated = [dataclasses.replace(state) for state in routing.hints]
        for copy in updated:
            copy.note_unmatched(event)
        hinted = routing.hints[0].id if len(routing.hints) == 1 else None
        await self._db.run(
            _record_unmatched,
            event,
            updated,
            outcome=routing.outcome,
            verification_id=hinted,
            kiosk_id=self._sessions.setup.kiosk_id,
        )
        for state in routing.hints:
            state.note_unmatched(event)
            self._sessions.changed(state)

    async def _recorded_before(self, key: tuple[str, str] | None) -> bool:
        """A call already on record: heard before a restart, by another kiosk, or replayed."""
        if key is None:
            return False
        if not await self._db.run(verifications.call_recorded, *key):
            return False
        log.info("Call %s from %s is already on record: not taken again", key[1], key[0])
        self._remember_call(key)
        return True

    def _remember_call(self, key: tuple[str, str] | None) -> None:
        """Remember a handled call so a source reporting it again changes nothing."""
        if key is None:
            return
        self._seen_calls[key] = None
        while len(self._seen_calls) > REMEMBERED:
            self._seen_calls.popitem(last=False)


def _record_unmatched(
    session: Session,
    event: CallEvent,
    hinted: list[VerificationSession],
    *,
    outcome: CallOutcome,
    verification_id: str | None,
    kiosk_id: str,
) -> None:
    """Save the sessions the call counts against and the call itself, together."""
    for state in hinted:
        verifications.save_verification(session, state, kiosk_id=kiosk_id)
    verifications.record_call(
        session, event, outcome=outcome, verification_id=verification_id, kiosk_id=kiosk_id
    )
