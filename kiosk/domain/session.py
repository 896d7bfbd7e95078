"""The verification session as a pure state machine: pending → verified | expired | cancelled.

Nothing here reads a clock or touches I/O: every transition takes the current time
as an argument, so the rules are tested in milliseconds.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from kiosk.domain.customer import check_details
from kiosk.domain.events import CallEvent

DEFAULT_TIMEOUT = timedelta(seconds=120)


class Status(StrEnum):
    """Where a session stands; every status but ``PENDING`` is final."""

    PENDING = "pending"
    VERIFIED = "verified"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


class Method(StrEnum):
    """How a session was verified: the missed call, or a code sent by SMS instead."""

    MISSED_CALL = "missed_call"
    SMS_CODE = "sms_code"


class CallOutcome(StrEnum):
    """What a heard call meant for the sessions (stored with every call record)."""

    MATCHED = "matched"
    UNMATCHED = "unmatched"
    WITHHELD = "withheld"
    #: No number came, and none was said to be withheld (a ring cut short).
    UNKNOWN_CALLER = "unknown_caller"
    OUTSIDE_WINDOW = "outside_window"
    NO_SESSION = "no_session"


class SessionClosed(RuntimeError):
    """A transition was asked of a session that has already finished."""


@dataclass
class VerificationSession:
    """One attempt to prove that the holder of ``expected_number`` is present."""

    expected_number: str
    started_at: datetime
    expires_at: datetime
    dialed_number: str | None = None
    reference: str | None = None
    customer_id: str | None = None
    customer_name: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    status: Status = Status.PENDING
    completed_at: datetime | None = None
    matched_call: CallEvent | None = None
    unmatched_calls: int = 0
    last_unmatched_caller: str | None = None
    #: The last such call was cut short before its number came (not a hidden number).
    last_unmatched_unknown: bool = False
    #: How it was verified; until then, how the customer is asked to (a code once sent).
    method: Method = Method.MISSED_CALL
    #: Until when the SMS code sent for this session is valid (None: none sent).
    code_expires_at: datetime | None = None

    @classmethod
    def start(
        cls,
        *,
        expected_number: str,
        now: datetime,
        timeout: timedelta = DEFAULT_TIMEOUT,
        dialed_number: str | None = None,
        reference: str | None = None,
        customer_id: str | None = None,
        customer_name: str | None = None,
    ) -> VerificationSession:
        """Open a session that accepts calls from ``now`` until ``now + timeout``.

        Raises :class:`~kiosk.domain.customer.ControlCharacters` for a reference or a
        name with a control character in it (it would reach the SMS a modem sends).
        """
        if timeout <= timedelta(0):
            raise ValueError("The time to dial must be positive.")
        check_details(reference, customer_name)
        return cls(
            expected_number=expected_number,
            started_at=now,
            expires_at=now + timeout,
            dialed_number=dialed_number,
            reference=reference,
            customer_id=customer_id,
            customer_name=customer_name,
        )

    @property
    def pending(self) -> bool:
        """True until the session reaches a final status."""
        return self.status is Status.PENDING

    def in_window(self, moment: datetime, tolerance: timedelta = timedelta(0)) -> bool:
        """True when a call at ``moment`` falls inside this session's time window.

        ``tolerance`` widens the window at both ends for clocks that are not ours.
        """
        return self.started_at - tolerance <= moment <= self.expires_at + tolerance

    def remaining(self, now: datetime) -> timedelta:
        """Time left to dial (never negative)."""
        return max(self.expires_at - now, timedelta(0))

    def verify(self, call: CallEvent) -> None:
        """Finish as verified by ``call`` (which must come from the expected number)."""
        self._require_pending()
        if call.caller != self.expected_number:
            raise ValueError("Only a call from the expected number verifies a session.")
        if not self.in_window(call.at, timedelta(seconds=call.tolerance)):
            raise ValueError("The call is outside the session's time window.")
        self.status = Status.VERIFIED
        self.method = Method.MISSED_CALL  # a call still counts after a code was sent
        self.matched_call = call
        self.completed_at = call.at

    def verify_by_code(self, now: datetime) -> None:
        """Finish as verified by the SMS code the customer read out (checked elsewhere)."""
        self._require_pending()
        self.status = Status.VERIFIED
        self.method = Method.SMS_CODE
        self.completed_at = now

    def code_sent(self, expires_at: datetime) -> None:
        """An SMS code went out: keep the session open at least as long as the code."""
        self._require_pending()
        self.method = Method.SMS_CODE
        self.code_expires_at = expires_at
        self.expires_at = max(self.expires_at, expires_at)

    def note_unmatched(self, call: CallEvent) -> None:
        """Count a call from another (or a withheld) number; the session stays open."""
        self._require_pending()
        self.unmatched_calls += 1
        self.last_unmatched_caller = call.caller
        self.last_unmatched_unknown = call.caller_unknown

    def expire_if_due(self, now: datetime) -> bool:
        """Finish as expired when the deadline has passed; True if that happened now."""
        if not self.pending or now < self.expires_at:
            return False
        self.status = Status.EXPIRED
        self.completed_at = now
        return True

    def cancel(self, now: datetime) -> None:
        """Finish as cancelled by staff."""
        self._require_pending()
        self.status = Status.CANCELLED
        self.completed_at = now

    def extend(self, by: timedelta) -> None:
        """Give the customer more time to dial."""
        self._require_pending()
        if by <= timedelta(0):
            raise ValueError("An extension must be positive.")
        self.expires_at += by

    def _require_pending(self) -> None:
        if not self.pending:
            raise SessionClosed(f"Session {self.id} is already {self.status}.")
