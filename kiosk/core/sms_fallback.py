"""The SMS-code fallback: text a one-time code when the customer cannot call, and check it.

The missed call still counts while the code is out. An accepted code verifies the
session (method ``sms_code``) and sends the callback like any other outcome.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.core.reasons import CoreReason
from kiosk.core.sessions import LiveSessions
from kiosk.domain.clock import Clock
from kiosk.domain.phone import mask
from kiosk.domain.reasons import Why
from kiosk.domain.session import VerificationSession
from kiosk.domain.sms_code import MAX_SENDS, CodeCheck, IssuedCode, issue_code, message_text
from kiosk.sources.base import SmsSender
from kiosk.sources.modem.errors import ModemError
from kiosk.store import sms_codes, verifications
from kiosk.store.database import Database

log = logging.getLogger("kiosk.service")


class SmsNotSent(RuntimeError):
    """A code could not be sent by SMS; ``why`` says why (``str()``: in English)."""

    def __init__(self, why: Why) -> None:
        """Keep the reason; ``str()`` gives its English words."""
        super().__init__(str(why))
        self.why = why


class SmsFallback:
    """Codes by SMS for this kiosk's sessions, sent through :attr:`sender` (a modem)."""

    def __init__(
        self,
        database: Database,
        sessions: LiveSessions,
        *,
        clock: Clock,
        sender: SmsSender | None = None,
    ) -> None:
        self.sender = sender
        self._db = database
        self._sessions = sessions
        self._clock = clock

    @property
    def available(self) -> bool:
        """True when a code can be sent by SMS right now (a ready modem that can text)."""
        return self.sender is not None and self.sender.sms_available

    async def send_code(self, session_id: str) -> VerificationSession:
        """Text a one-time code to the session's number; the session waits for it too.

        Raises :class:`SmsNotSent` saying why (no modem that can text, too many codes,
        the network refused).
        """
        state = self._sessions.pending(session_id)
        if state is None:
            raise SmsNotSent(Why(CoreReason.SESSION_FINISHED))
        if self.sender is None or not self.sender.sms_available:
            raise SmsNotSent(Why(CoreReason.SMS_MODEM_NOT_READY))
        if await self._db.run(sms_codes.codes_sent, session_id) >= MAX_SENDS:
            raise SmsNotSent(Why(CoreReason.SMS_LIMIT, count=MAX_SENDS))
        code, issued = issue_code(session_id, self._clock.now())
        try:
            await self.sender.send_sms(state.expected_number, message_text(code, state.reference))
        except Exception as exc:
            log.warning("The SMS code for session %s was not sent: %s", session_id, exc)
            if isinstance(exc, ModemError):
                raise SmsNotSent(exc.why) from exc
            raise SmsNotSent(Why(CoreReason.SMS_FAILED, error=type(exc).__name__)) from exc
        async with self._sessions.lock:
            if not state.pending:  # the call came while the message was going out
                return dataclasses.replace(state)
            state.code_sent(issued.expires_at)
            await self._db.run(
                _record_sent,
                issued,
                dataclasses.replace(state),
                kiosk_id=self._sessions.setup.kiosk_id,
            )
            self._sessions.changed(state)
        log.info("Session %s: code sent by SMS to %s", session_id, mask(state.expected_number))
        return dataclasses.replace(state)

    async def check_code(self, session_id: str, code: str) -> tuple[CodeCheck, int]:
        """Check a code the customer read out; returns the result and the tries left."""
        async with self._sessions.lock:
            state = self._sessions.pending(session_id)
            if state is None:
                return CodeCheck.NO_CODE, 0
            now = self._clock.now()
            result, left = await self._db.run(_check, session_id, code, now)
            log.info("Session %s: SMS code %s", session_id, result)
            if result is CodeCheck.ACCEPTED:
                state.verify_by_code(now)
                await self._sessions.finish(state)
        return result, left


def _record_sent(
    session: Session, issued: IssuedCode, state: VerificationSession, *, kiosk_id: str
) -> None:
    sms_codes.add_code(session, issued, kiosk_id=kiosk_id)
    verifications.save_verification(session, state, kiosk_id=kiosk_id)


def _check(session: Session, session_id: str, code: str, now: datetime) -> tuple[CodeCheck, int]:
    """Check ``code`` against the latest one sent and count the try, in one transaction."""
    found = sms_codes.latest_code(session, session_id)
    if found is None:
        return CodeCheck.NO_CODE, 0
    row_id, issued = found
    result = issued.check(code, now)
    sms_codes.save_tries(session, row_id, issued)
    return result, issued.attempts_left
