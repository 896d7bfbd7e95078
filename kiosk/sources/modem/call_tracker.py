"""The calls a modem announces, as a state machine without I/O: lines and a clock in, decisions out.

A modem tells of one incoming call in several lines, in the order its family likes:
``RING`` every few seconds, ``+CLIP`` with the number (after the ring, before it, or not
at all), ``+CLCC`` entries, ``NO CARRIER``, SIMCom's ``MISSED_CALL`` after the fact.
:class:`CallTracker` turns them into exactly one reported call per call, and tells the
modem source what to do next (:mod:`kiosk.sources.modem.call_decisions`): hang up now
(the caller ID is known, or a call got connected), ask ``AT+CLCC`` who it is (a ring
came without caller ID), report the call (withheld when no number is known), tell staff
that hang-ups do not stop a call, or that such a call stopped in the end.

Waits are deadlines on an injected monotonic clock: the source calls
:meth:`CallTracker.advance` at :meth:`CallTracker.next_deadline`. Nothing here does I/O
or uses asyncio, so every path is tested with a fake clock.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial

from kiosk.domain.clock import Clock, SystemClock
from kiosk.domain.events import CallEvent
from kiosk.domain.phone import DEFAULT_REGION, mask, try_parse_phone
from kiosk.sources.modem.call_decisions import (
    AskCurrentCalls,
    CallsEndingAgain,
    CallsNotEnding,
    Decision,
    HangUp,
    ReportCall,
)
from kiosk.sources.modem.protocol import (
    CLCC_DISCONNECTED,
    CallEnded,
    CallerId,
    CurrentCall,
    MissedCall,
    ModemLine,
    Ring,
    Unsolicited,
    caller_e164,
)

log = logging.getLogger("kiosk.modem")

#: The line a modem prints when a call got connected (SIMCom): it must be dropped at once.
_CALL_CONNECTED = "VOICE CALL: BEGIN"


@dataclass(frozen=True, slots=True)
class CallTimings:
    """How long the tracker waits for each thing, in seconds."""

    #: For ``+CLIP`` after a ``RING`` before asking ``AT+CLCC``.
    ring_without_clip_wait: float = 1.0
    #: Without ``RING``/``+CLIP`` after which the call counts as over.
    call_idle_timeout: float = 6.0
    #: After a caller hung up before the number was known, for ``MISSED_CALL``.
    missed_call_grace: float = 0.5
    #: After a hang-up, from which a ``RING`` means the call did not stop (rings are ~3 s apart).
    still_ringing_after: float = 1.0
    #: After such a ``RING``, for a ``+CLIP`` that shows it is another caller.
    new_caller_wait: float = 0.3
    #: A reported call is remembered, so a late ``MISSED_CALL`` for it is not a new call.
    recent_call_memory: float = 60.0
    #: Hang-ups tried on a call that keeps ringing before staff are told.
    hangup_attempts: int = 3


@dataclass(slots=True)
class _ClipWait:
    """Waiting for a caller's number: then ask AT+CLCC, or (after a hang-up) report withheld."""

    due: float
    ask_current_calls: bool
    line: str


@dataclass(eq=False, slots=True)
class _Call:
    """One incoming call, from its first line until it is over."""

    call_id: str
    started: datetime
    reported: bool = False
    number: str | None = None
    hangups: int = 0
    hanging_up: bool = False
    hung_up_at: float = 0.0
    report_after_hang_up: CallEvent | None = None
    clip_wait: _ClipWait | None = None
    idle_at: float | None = None


@dataclass(slots=True)
class _RingCheck:
    """A ring well after our hang-up: unless another caller shows up by ``due``, it is ours."""

    due: float
    call: _Call
    rang_at: float


@dataclass(slots=True)
class _RecentCall:
    number: str | None
    ended_at: float


_Timer = tuple[float, Callable[[], list[Decision]]]


class CallTracker:
    """The call state machine of one modem: feed it lines, carry out its decisions."""

    def __init__(
        self,
        *,
        source: str,
        region: str = DEFAULT_REGION,
        clock: Clock | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        timings: CallTimings | None = None,
    ) -> None:
        """Track calls for the source named ``source``; numbers are read in ``region``.

        ``clock`` stamps each call's start; ``monotonic`` (seconds) measures the waits.
        """
        self.source = source
        self.region = region
        self.clock: Clock = clock or SystemClock()
        self.timings = timings or CallTimings()
        #: Seconds on the clock the deadlines are on.
        self.monotonic = monotonic
        self._call: _Call | None = None
        self._recent: _RecentCall | None = None
        self._ring_checks: list[_RingCheck] = []
        #: Calls whose hang-up is under way, by id (the call may be over meanwhile).
        self._hanging_up: dict[str, _Call] = {}

    @property
    def busy(self) -> bool:
        """True while a call is in progress."""
        return self._call is not None

    def hear(self, line: ModemLine, raw: str) -> list[Decision]:
        """A line the modem sent on its own (``raw`` as received, ``line`` parsed)."""
        match line:
            case Ring():
                return self._on_ring(raw)
            case CallerId():
                return self._on_caller_id(line, raw)
            case MissedCall(number):
                return self._on_missed_call(number, raw)
            case CurrentCall():
                return self._on_current_call(line, raw)
            case CallEnded():
                return self._on_call_ended()
            case Unsolicited(text) if text.upper().startswith(_CALL_CONNECTED):
                log.warning("The modem says a call was connected; hanging up")
                return [HangUp(None)]
        return []

    def still_asking(self, asked: AskCurrentCalls) -> bool:
        """True while the answer to ``asked`` is still wanted (nobody gave the number since)."""
        call = self._call
        return call is not None and call.call_id == asked.call_id and not call.reported

    def current_calls(self, asked: AskCurrentCalls, entries: list[CurrentCall]) -> list[Decision]:
        """The modem's current-calls list, in answer to ``asked`` ([] if it gave none)."""
        call = self._call
        if call is None or not self.still_asking(asked):
            return []
        ringing = next((entry for entry in entries if entry.ringing), None)
        if ringing is not None and ringing.number:
            log.info("No caller ID line; the current-calls list gave the number")
            clip = CallerId(ringing.number, ringing.type)
            return self._reject(call, ringing.number, caller_e164(clip, self.region), asked.line)
        log.info("Incoming call without caller ID: reporting it as withheld")
        return self._reject(call, "", None, asked.line)

    def hung_up(self, hang_up: HangUp, rejected: bool) -> list[Decision]:
        """The source tried ``hang_up``; ``rejected`` says whether the modem took it."""
        call = self._hanging_up.pop(hang_up.call_id or "", None)
        if call is None:
            return []
        call.hanging_up = False
        call.hangups += 1
        call.hung_up_at = self.monotonic()
        event, call.report_after_hang_up = call.report_after_hang_up, None
        return [] if event is None else [ReportCall(replace(event, rejected=rejected))]

    def end_call(self) -> list[Decision]:
        """Forget the call in progress (it is over, or the port closed)."""
        call = self._call
        if call is None:
            return []
        self._call = None
        call.clip_wait = call.idle_at = None
        self._ring_checks = [check for check in self._ring_checks if check.call is not call]
        if call.reported:
            self._recent = _RecentCall(call.number, self.monotonic())
        if call.hangups > self.timings.hangup_attempts:
            return [CallsEndingAgain()]
        return []

    def next_deadline(self) -> float | None:
        """When :meth:`advance` has something to do (on the monotonic clock), or None."""
        return min((due for due, _fire in self._timers()), default=None)

    def advance(self) -> list[Decision]:
        """Act on every wait that is over by now, earliest first."""
        now = self.monotonic()
        decisions: list[Decision] = []
        while timers := self._timers():
            due, fire = min(timers, key=lambda timer: timer[0])
            if due > now:
                break
            decisions += fire()
        return decisions

    def _timers(self) -> list[_Timer]:
        timers: list[_Timer] = []
        call = self._call
        if call is not None and call.clip_wait is not None:
            timers.append((call.clip_wait.due, partial(self._clip_wait_over, call)))
        if call is not None and call.idle_at is not None:
            timers.append((call.idle_at, partial(self._idle, call)))
        timers += [
            (check.due, partial(self._ring_check_over, check)) for check in self._ring_checks
        ]
        return timers

    def _on_ring(self, raw: str) -> list[Decision]:
        call = self._call
        if call is None:
            call = self._start_call()
            log.info("Incoming call (ringing)")
            self._wait_for_clip(call, raw)
        elif call.reported and not call.hanging_up and call.hangups and self._still_ringing(call):
            # Unless a +CLIP for another caller follows (a new call), it did not stop.
            now = self.monotonic()
            self._ring_checks.append(_RingCheck(now + self.timings.new_caller_wait, call, now))
        self._touch(call)
        return []

    def _still_ringing(self, call: _Call) -> bool:
        """A RING well after our hang-up (not one already on its way) means it did not work."""
        return self.monotonic() - call.hung_up_at > self.timings.still_ringing_after

    def _on_caller_id(self, clip: CallerId, raw: str) -> list[Decision]:
        call = self._call
        decisions: list[Decision] = []
        if call is not None and call.reported and (clip.number or "") != (call.number or ""):
            if not clip.number and not clip.says_withheld:
                return []  # a bare "+CLIP:" while the call is handled says nothing
            log.info("A different caller while a call was active: treating it as a new call")
            decisions += self.end_call()
            call = None
        if call is None:
            call = self._start_call()
        self._touch(call)
        if call.reported:
            return decisions
        if not clip.number and not clip.says_withheld:
            self._wait_for_clip(call, raw)  # no number yet: maybe in a moment, or from CLCC
            return decisions
        return decisions + self._reject(call, clip.number, caller_e164(clip, self.region), raw)

    def _on_current_call(self, entry: CurrentCall, raw: str) -> list[Decision]:
        """An unsolicited ``+CLCC`` (SIMCom with AT+CLCC=1): a caller ID or a call end."""
        if entry.ringing and entry.number:
            return self._on_caller_id(CallerId(entry.number, entry.type), raw)
        if entry.incoming and entry.state == CLCC_DISCONNECTED:
            return self._on_call_ended()
        return []

    def _on_missed_call(self, number: str, raw: str) -> list[Decision]:
        """SIMCom's ``MISSED_CALL``: the number of a call that ended unanswered."""
        call, recent = self._call, self._recent
        if call is not None and call.reported:
            return []  # the call being handled
        if call is None:
            if (
                recent is not None
                and self.monotonic() - recent.ended_at < self.timings.recent_call_memory
                and recent.number in (number, None, "")
            ):
                return []  # the call we already reported
            log.info("A missed call the modem did not ring for: reporting it")
            call = self._start_call()
        caller = try_parse_phone(number, self.region) if number else None
        event = self._event(call, number, caller, raw, rejected=False)
        return [ReportCall(event), *self.end_call()]

    def _on_call_ended(self) -> list[Decision]:
        call = self._call
        if call is None:
            return []
        if not call.reported:
            # Hung up before the number was known; SIMCom may still say who it was.
            due = self.monotonic() + self.timings.missed_call_grace
            call.clip_wait = _ClipWait(due, False, "RING")  # reported as a bare RING
            return []
        return self.end_call()

    def _wait_for_clip(self, call: _Call, raw: str) -> None:
        if call.clip_wait is None:
            due = self.monotonic() + self.timings.ring_without_clip_wait
            call.clip_wait = _ClipWait(due, True, raw)

    def _touch(self, call: _Call) -> None:
        call.idle_at = self.monotonic() + self.timings.call_idle_timeout

    def _clip_wait_over(self, call: _Call) -> list[Decision]:
        wait, call.clip_wait = call.clip_wait, None
        if wait is None or self._call is not call or call.reported:
            return []
        if wait.ask_current_calls:
            return [AskCurrentCalls(call.call_id, wait.line)]
        log.info("The caller hung up before the number was known: reporting it as withheld")
        return [ReportCall(self._event(call, "", None, wait.line)), *self.end_call()]

    def _idle(self, call: _Call) -> list[Decision]:
        call.idle_at = None
        return self.end_call() if self._call is call else []

    def _ring_check_over(self, check: _RingCheck) -> list[Decision]:
        self._ring_checks.remove(check)
        call = check.call
        if self._call is call and not call.hanging_up and call.hung_up_at < check.rang_at:
            return self._hang_up_again(call)
        return []

    def _start_call(self) -> _Call:
        call = _Call(call_id=f"{self.source}-{uuid.uuid4().hex}", started=self.clock.now())
        self._call = call
        return call

    def _reject(self, call: _Call, caller_raw: str, caller: str | None, raw: str) -> list[Decision]:
        """Drop the call first (it must never be answered), then report it."""
        # Reported from now on: repeated RING/CLIP lines while hanging up change nothing.
        call.report_after_hang_up = self._event(call, caller_raw, caller, raw)
        call.clip_wait = None
        log.info("Incoming call from %s", mask(caller or caller_raw or None))
        return [self._hang_up(call)]

    def _hang_up_again(self, call: _Call) -> list[Decision]:
        """The call still rings after a hang-up: try again, and tell staff if it will not stop."""
        attempts = self.timings.hangup_attempts
        if call.hangups >= attempts:
            if call.hangups == attempts:
                call.hangups += 1
                log.error("The modem does not drop calls")
                return [CallsNotEnding()]
            return []
        log.warning("The call is still ringing after a hang-up; hanging up again")
        return [self._hang_up(call)]

    def _hang_up(self, call: _Call) -> HangUp:
        call.hanging_up = True
        self._hanging_up[call.call_id] = call
        return HangUp(call.call_id)

    def _event(
        self,
        call: _Call,
        caller_raw: str,
        caller: str | None,
        raw: str,
        rejected: bool | None = None,
    ) -> CallEvent:
        """The call's event; from now on the call counts as reported."""
        call.reported = True
        call.number = caller_raw
        return CallEvent(
            caller_raw=caller_raw,
            caller=caller,
            at=call.started,
            source=self.source,
            call_id=call.call_id,
            raw=raw,
            rejected=rejected,
        )
