"""The calls a modem announces, as a state machine without I/O: lines and a clock in, decisions out.

A modem tells of one incoming call in several lines, in the order its family likes:
``RING`` every few seconds, ``+CLIP`` with the number (after the ring, before it, or not
at all), ``+CLCC`` entries, ``NO CARRIER``, SIMCom's ``MISSED_CALL`` after the fact.
:class:`CallTracker` turns them into exactly one reported call per call, and tells the
modem source what to do next (:mod:`kiosk.sources.modem.call_decisions`): hang up now
(the caller ID is known, or a call got connected), ask ``AT+CLCC`` who it is (a ring
came without caller ID), report the call, tell staff that hang-ups do not stop a call,
or that such a call stopped in the end.

A caller's number counts only for a call that rings. A caller ID (or ``MISSED_CALL``)
with no ring before it is held for a moment (some Huawei firmware sends ``+CLIP`` just
before its ``RING``) and dropped unless a ring follows: a line that only looks like a
caller ID — the text of a message, line noise — never verifies anyone. A summary after
a call was reported is that call, not another. A call is reported *withheld* only when
the modem says the caller hid the number; a ring that ends (or a modem that restarts)
before any number came is an *unknown* caller.

Waits are deadlines on an injected monotonic clock: the source calls
:meth:`CallTracker.advance` at :meth:`CallTracker.next_deadline`. Nothing here does I/O
or uses asyncio, so every path is tested with a fake clock.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
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
from kiosk.sources.modem.call_state import (
    CallTimings,
    ClipWait,
    HeldCallerId,
    RingCheck,
    TrackedCall,
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
        self._call: TrackedCall | None = None
        #: When the last ring came that no caller ID has claimed yet.
        self._ring_at: float | None = None
        self._held: HeldCallerId | None = None
        self._ring_checks: list[RingCheck] = []
        #: Calls whose hang-up is under way, by id (the call may be over meanwhile).
        self._hanging_up: dict[str, TrackedCall] = {}

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

    def modem_restarted(self) -> list[Decision]:
        """The modem restarted: a call that rang without a number is over, its caller unknown."""
        self._held = self._ring_at = None
        call = self._call
        if call is None or call.reported:
            return self.end_call()
        log.info("The modem restarted while a call rang, before its number came: caller unknown")
        event = self._event(call, "", None, call.line, unknown=True)
        return [ReportCall(event), *self.end_call()]

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
        if ringing is not None:
            log.info("The current-calls list shows the call without a number: withheld")
            return self._reject(call, "", None, asked.line)
        log.info("The current-calls list does not show the call: its caller is unknown")
        return self._reject(call, "", None, asked.line, unknown=True)

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
        if self._held is not None:
            timers.append((self._held.due, self._held_over))
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
        now = self.monotonic()
        held, self._held = self._held, None
        call = self._call
        if call is None:
            call = self._start_call(raw)
            log.info("Incoming call (ringing)")
            self._wait_for_clip(call, raw)
        elif call.reported and not call.hanging_up and call.hangups and self._still_ringing(call):
            # Unless a +CLIP for another caller follows (a new call), it did not stop.
            self._ring_checks.append(RingCheck(now + self.timings.new_caller_wait, call, now))
        self._ring_at = now
        self._touch(call)
        if held is not None and now <= held.due:
            return self._on_caller_id(held.clip, held.raw)  # CLIP-before-RING: now it rings
        return []

    def _still_ringing(self, call: TrackedCall) -> bool:
        """A RING well after our hang-up (not one already on its way) means it did not work."""
        return self.monotonic() - call.hung_up_at > self.timings.still_ringing_after

    def _on_caller_id(self, clip: CallerId, raw: str) -> list[Decision]:
        call = self._call
        if call is not None and call.reported and (clip.number or "") == (call.number or ""):
            self._ring_at = None
            self._touch(call)
            return []  # the call being handled, announced again
        if not clip.number and not clip.says_withheld:
            if call is not None and not call.reported:
                self._touch(call)
                self._wait_for_clip(call, raw)  # no number yet: maybe in a moment, or from CLCC
            return []  # a bare "+CLIP:" says nothing
        if not self._ringing():
            self._hold(clip, raw)
            return []
        self._ring_at = None
        decisions: list[Decision] = []
        if call is not None and call.reported:
            log.info("A different caller while a call was active: treating it as a new call")
            decisions += self.end_call()
            call = None
        if call is None:
            call = self._start_call(raw)
        self._touch(call)
        return decisions + self._reject(call, clip.number, caller_e164(clip, self.region), raw)

    def _ringing(self) -> bool:
        """True while a call rings that no caller ID has claimed yet."""
        call = self._call
        if call is not None and not call.reported:
            return True
        window = self.timings.clip_before_ring_wait
        return self._ring_at is not None and self.monotonic() - self._ring_at <= window

    def _hold(self, clip: CallerId, raw: str) -> None:
        """A caller ID while nothing rings: it counts if a ring follows in a moment."""
        log.info("A caller ID with no ring before it: waiting a moment for the ring")
        self._held = HeldCallerId(clip, raw, self.monotonic() + self.timings.clip_before_ring_wait)

    def _held_over(self) -> list[Decision]:
        self._held = None
        log.warning("A caller ID came with no ring: ignored (it may be the text of a message)")
        return []

    def _on_current_call(self, entry: CurrentCall, raw: str) -> list[Decision]:
        """An unsolicited ``+CLCC`` (SIMCom with AT+CLCC=1): a caller ID or a call end."""
        if entry.ringing and entry.number:
            return self._on_caller_id(CallerId(entry.number, entry.type), raw)
        if entry.incoming and entry.state == CLCC_DISCONNECTED:
            return self._on_call_ended()
        return []

    def _on_missed_call(self, number: str, raw: str) -> list[Decision]:
        """SIMCom's ``MISSED_CALL``: the number of the call that rang and ended unanswered."""
        call = self._call
        if call is None or call.reported:
            # The call already reported (its summary), or nothing rang: never a new call.
            log.info("A missed-call summary with no unidentified call ringing: ignored")
            return []
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
            call.clip_wait = ClipWait(due, False, call.line)
            return []
        return self.end_call()

    def _wait_for_clip(self, call: TrackedCall, raw: str) -> None:
        if call.clip_wait is None:
            due = self.monotonic() + self.timings.ring_without_clip_wait
            call.clip_wait = ClipWait(due, True, raw)

    def _touch(self, call: TrackedCall) -> None:
        call.idle_at = self.monotonic() + self.timings.call_idle_timeout

    def _clip_wait_over(self, call: TrackedCall) -> list[Decision]:
        wait, call.clip_wait = call.clip_wait, None
        if wait is None or self._call is not call or call.reported:
            return []
        if wait.ask_current_calls:
            return [AskCurrentCalls(call.call_id, wait.line)]
        log.info("The caller hung up before the number was known: caller unknown")
        event = self._event(call, "", None, wait.line, unknown=True)
        return [ReportCall(event), *self.end_call()]

    def _idle(self, call: TrackedCall) -> list[Decision]:
        call.idle_at = None
        return self.end_call() if self._call is call else []

    def _ring_check_over(self, check: RingCheck) -> list[Decision]:
        self._ring_checks.remove(check)
        call = check.call
        if self._call is call and not call.hanging_up and call.hung_up_at < check.rang_at:
            return self._hang_up_again(call)
        return []

    def _start_call(self, line: str) -> TrackedCall:
        call = TrackedCall(f"{self.source}-{uuid.uuid4().hex}", self.clock.now(), line)
        self._call = call
        return call

    def _reject(
        self,
        call: TrackedCall,
        caller_raw: str,
        caller: str | None,
        raw: str,
        *,
        unknown: bool = False,
    ) -> list[Decision]:
        """Drop the call first (it must never be answered), then report it."""
        # Reported from now on: repeated RING/CLIP lines while hanging up change nothing.
        call.report_after_hang_up = self._event(call, caller_raw, caller, raw, unknown=unknown)
        call.clip_wait = None
        log.info("Incoming call from %s", mask(caller or caller_raw or None))
        return [self._hang_up(call)]

    def _hang_up_again(self, call: TrackedCall) -> list[Decision]:
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

    def _hang_up(self, call: TrackedCall) -> HangUp:
        call.hanging_up = True
        self._hanging_up[call.call_id] = call
        return HangUp(call.call_id)

    def _event(
        self,
        call: TrackedCall,
        caller_raw: str,
        caller: str | None,
        raw: str,
        rejected: bool | None = None,
        *,
        unknown: bool = False,
    ) -> CallEvent:
        """The call's event; from now on the call counts as reported.

        ``unknown``: no number came and the modem never said it was withheld.
        """
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
            caller_unknown=unknown,
        )
