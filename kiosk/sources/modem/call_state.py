"""What the call tracker keeps while a call goes on: its waits, and the state of each call.

:class:`CallTimings` are the waits (the modem source may pass its own); the rest is the
:class:`~kiosk.sources.modem.call_tracker.CallTracker`'s own bookkeeping, plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.events import CallEvent
from kiosk.sources.modem.protocol import CallerId


@dataclass(frozen=True, slots=True)
class CallTimings:
    """How long the tracker waits for each thing, in seconds."""

    #: For ``+CLIP`` after a ``RING`` before asking ``AT+CLCC``.
    ring_without_clip_wait: float = 1.0
    #: For the ``RING`` that makes a caller ID heard before it count (CLIP-before-RING
    #: dialects); also how long a ``RING`` lets a caller ID after it count.
    clip_before_ring_wait: float = 1.0
    #: Without ``RING``/``+CLIP`` after which the call counts as over.
    call_idle_timeout: float = 6.0
    #: After a caller hung up before the number was known, for ``MISSED_CALL``.
    missed_call_grace: float = 0.5
    #: After a hang-up, from which a ``RING`` means the call did not stop (rings are ~3 s apart).
    still_ringing_after: float = 1.0
    #: After such a ``RING``, for a ``+CLIP`` that shows it is another caller.
    new_caller_wait: float = 0.3
    #: Hang-ups tried on a call that keeps ringing before staff are told.
    hangup_attempts: int = 3


@dataclass(slots=True)
class ClipWait:
    """Waiting for a caller's number: then ask AT+CLCC, or (after a hang-up) report unknown."""

    due: float
    ask_current_calls: bool
    line: str


@dataclass(eq=False, slots=True)
class TrackedCall:
    """One incoming call, from its first line until it is over."""

    call_id: str
    started: datetime
    #: The ring line it started with (the raw record of a call reported without a number).
    line: str
    reported: bool = False
    number: str | None = None
    hangups: int = 0
    hanging_up: bool = False
    hung_up_at: float = 0.0
    report_after_hang_up: CallEvent | None = None
    clip_wait: ClipWait | None = None
    idle_at: float | None = None


@dataclass(slots=True)
class RingCheck:
    """A ring well after our hang-up: unless another caller shows up by ``due``, it is ours."""

    due: float
    call: TrackedCall
    rang_at: float


@dataclass(frozen=True, slots=True)
class HeldCallerId:
    """A caller ID heard while nothing rang: it counts only if a ring follows by ``due``."""

    clip: CallerId
    raw: str
    due: float
