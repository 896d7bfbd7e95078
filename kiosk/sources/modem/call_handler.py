"""Carrying out the call tracker's decisions over the AT channel, the moment they are made.

:class:`CallHandler` feeds what the modem says on its own to the
:class:`~kiosk.sources.modem.call_tracker.CallTracker` and acts on its answers: it
hangs up (``AT+CHUP``, else ``ATH`` for modems without it, remembered), asks ``AT+CLCC``
who is calling, and wakes the tracker when its next wait is over. Reports and staff
alerts go on to the modem source, which owns the sink and the status.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from kiosk.sources.modem.call_decisions import (
    AskCurrentCalls,
    CallsEndingAgain,
    CallsNotEnding,
    Decision,
    HangUp,
    ReportCall,
)
from kiosk.sources.modem.call_tracker import CallTracker
from kiosk.sources.modem.channel import AtChannel
from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.protocol import CurrentCall, ModemLine, parse_line

log = logging.getLogger("kiosk.modem")

#: Decisions for the modem source: a call to report, or a call that will (not) end.
Outcome = ReportCall | CallsNotEnding | CallsEndingAgain


class CallHandler:
    """Hangs up, asks who is calling, and passes calls on, as the call tracker decides."""

    def __init__(
        self,
        channel: AtChannel,
        tracker: CallTracker,
        *,
        outcome: Callable[[Outcome], None],
        spawn: Callable[[Coroutine[Any, Any, None]], None],
    ) -> None:
        """Send commands on ``channel``; ``outcome`` takes what the source must act on.

        ``spawn`` runs a coroutine as a task the source keeps (and cancels when it stops).
        """
        self._channel = channel
        self._tracker = tracker
        self._outcome = outcome
        self._spawn = spawn
        self._hangups: tuple[str, ...] = ("AT+CHUP", "ATH")
        self._timer: asyncio.TimerHandle | None = None
        self._timer_due: float | None = None

    @property
    def busy(self) -> bool:
        """True while a call is in progress (health polls wait, so a hang-up is never late)."""
        return self._tracker.busy

    def hear(self, line: ModemLine, raw: str) -> None:
        """A line the modem sent on its own."""
        self._act(self._tracker.hear(line, raw))

    def end_call(self) -> None:
        """The call in progress is over whatever it says (the port closed)."""
        self._act(self._tracker.end_call())

    def modem_restarted(self) -> None:
        """The modem restarted: a call still ringing without a number is over."""
        self._act(self._tracker.modem_restarted())

    def _act(self, decisions: list[Decision]) -> None:
        for decision in decisions:
            match decision:
                case HangUp():
                    self._spawn(self._hang_up(decision))
                case AskCurrentCalls():
                    self._spawn(self._ask_current_calls(decision))
                case ReportCall() | CallsNotEnding() | CallsEndingAgain():
                    self._outcome(decision)
        self._wake_tracker()

    def _wake_tracker(self) -> None:
        """Have the tracker called at its next deadline (one timer, moved as it changes)."""
        due = self._tracker.next_deadline()
        if due == self._timer_due:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer, self._timer_due = None, due
        if due is not None:
            delay = max(due - self._tracker.monotonic(), 0.0)
            self._timer = asyncio.get_running_loop().call_later(delay, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = self._timer_due = None
        self._act(self._tracker.advance())

    async def _hang_up(self, decision: HangUp) -> None:
        """Drop the call (it must never be answered), then act on what follows."""
        rejected = False
        try:
            rejected = await self._send_hang_up()
        finally:
            after = self._tracker.hung_up(decision, rejected)
        self._act(after)

    async def _send_hang_up(self) -> bool:
        """Reject the ringing call: AT+CHUP, or ATH for modems without it (remembered)."""
        for command in self._hangups:
            try:
                await self._channel.send_command(command)
                log.info("Call rejected")
                if command != self._hangups[0]:
                    self._hangups = (command, *(c for c in self._hangups if c != command))
                return True
            except ModemError as exc:
                if not self._channel.connected:
                    log.info("The port closed before the call could be rejected")
                    return False
                log.warning("Could not reject the call with %s: %s", command, exc)
        return False

    async def _ask_current_calls(self, asked: AskCurrentCalls) -> None:
        """A RING came without +CLIP: ask the modem who is calling (``AT+CLCC``)."""
        if not self._tracker.still_asking(asked):
            return
        entries: list[CurrentCall] = []
        with contextlib.suppress(ModemError):
            replies = await self._channel.send_command("AT+CLCC")
            entries = [e for e in map(parse_line, replies) if isinstance(e, CurrentCall)]
        self._act(self._tracker.current_calls(asked, entries))
