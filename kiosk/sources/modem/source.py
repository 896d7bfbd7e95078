"""The modem call source: opens the port, keeps it open, and wires the modem's parts together.

:class:`ModemSource` opens a serial port (a device path, a ``/dev/serial/by-id`` link,
any pyserial URL, or ``auto`` to look for the modem) through the AT channel
(:mod:`.channel`), sets the modem up (:mod:`.setup`), and listens: what the modem says
on its own goes to the call tracker (:mod:`.call_tracker`), whose decisions it carries
out at once. It hangs up with ``AT+CHUP``, else ``ATH`` (remembered), asks ``AT+CLCC``
when a ring comes without caller ID, and reports exactly one
:class:`~kiosk.domain.events.CallEvent` per call. Health goes to the sink as
:class:`~kiosk.domain.health.SourceStatus` with reasons staff can act on, read again by
:mod:`.health_poll`. It recovers by itself: a port that is missing or vanishes is
retried with a growing backoff, a modem that restarts (boot lines, echo suddenly back
on) is set up again, and one that stops answering is closed and reopened. It is a
:class:`~kiosk.sources.base.CallSource` and an :class:`~kiosk.sources.base.SmsSender`.
"""

from __future__ import annotations

import asyncio
import errno
import logging
from collections.abc import Coroutine
from typing import Any

from kiosk.domain.backoff import Backoff
from kiosk.domain.clock import Clock, SystemClock
from kiosk.domain.health import SourceState, SourceStatus, source_name
from kiosk.domain.phone import DEFAULT_REGION
from kiosk.domain.reasons import Why
from kiosk.sources.base import CallSink
from kiosk.sources.modem.call_decisions import CallsEndingAgain, CallsNotEnding, ReportCall
from kiosk.sources.modem.call_handler import CallHandler, Outcome
from kiosk.sources.modem.call_state import CallTimings
from kiosk.sources.modem.call_tracker import CallTracker
from kiosk.sources.modem.channel import AtChannel, ModemEvent, PortLost
from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.health import ModemHealth
from kiosk.sources.modem.health_poll import HEALTH_INTERVAL, poll_health
from kiosk.sources.modem.ports import AUTO, DEFAULT_PATTERNS, find_modem
from kiosk.sources.modem.protocol import Unsolicited
from kiosk.sources.modem.reasons import ModemReason
from kiosk.sources.modem.setup import set_up
from kiosk.sources.modem.sms import send_text

log = logging.getLogger("kiosk.modem")

#: Seconds of quiet after boot lines before the set-up is run again.
BOOT_SETTLE = 1.0
#: Seconds before reopening a port that vanished (growing while it stays missing).
RECONNECT_DELAY = 2.0
#: The longest wait between reconnection attempts, in multiples of reconnect_delay.
_RECONNECT_CAP = 5


def _open_failure(port: str, exc: OSError) -> Why:
    """Why ``port`` would not open: missing, not allowed, in use, or something else."""
    code = exc.errno
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO) or "No such file" in str(exc):
        return Why(ModemReason.NOT_FOUND, port=port)
    if code in (errno.EACCES, errno.EPERM) or "Permission denied" in str(exc):
        return Why(ModemReason.NOT_ALLOWED, port=port)
    if code == errno.EBUSY or "lock" in str(exc).lower():
        return Why(ModemReason.IN_USE, port=port)
    return Why(ModemReason.CANNOT_OPEN, port=port)


# -------------------------------------------------------------------- source


class ModemSource:
    """A :class:`~kiosk.sources.base.CallSource` listening on an AT-command voice modem."""

    def __init__(
        self,
        port: str,
        *,
        region: str = DEFAULT_REGION,
        clock: Clock | None = None,
        baudrate: int = 115200,
        command_timeout: float = 3.0,
        reconnect_delay: float = RECONNECT_DELAY,
        name: str = "modem",
        sim_pin: str | None = None,
        health_interval: float = HEALTH_INTERVAL,
        probe_patterns: tuple[str, ...] = DEFAULT_PATTERNS,
        call_timings: CallTimings | None = None,
    ) -> None:
        """Prepare to listen on ``port`` (a device path, pyserial URL or ``auto``).

        ``region`` is used to read national caller numbers; ``command_timeout`` is how
        long one AT command may take; ``reconnect_delay`` is the pause between attempts
        to open a missing or lost port (growing, with jitter, while it stays missing).
        ``name`` is the ``source`` of the call events and says what staff call the device
        (:func:`~kiosk.domain.health.source_name`). ``health_interval`` is how often signal
        and network are read; ``probe_patterns`` are where ``auto`` looks; ``call_timings``
        are the call tracker's waits. Nothing opens yet.
        """
        self.port = port
        self.clock: Clock = clock or SystemClock()
        self.baudrate = baudrate
        self.name = name
        self.sim_pin = sim_pin
        self.health_interval = health_interval
        self.probe_patterns = probe_patterns
        #: Seconds of quiet after boot lines before set-up runs again.
        self.boot_settle = BOOT_SETTLE
        #: The port in use: ``port``, or what ``auto`` found.
        self.active_port: str | None = None
        #: Last signal/network reading (None until the first one).
        self.health: ModemHealth | None = None
        #: Who made the modem, as it said at set-up: ``manufacturer`` and ``model``.
        self.identity: dict[str, str] = {}
        self._channel = AtChannel(self, command_timeout=command_timeout, where=self._where)
        tracker = CallTracker(source=name, region=region, clock=self.clock, timings=call_timings)
        self._calls = CallHandler(
            self._channel, tracker, outcome=self._on_outcome, spawn=self._spawn
        )
        self._sink: CallSink | None = None
        self._tasks: set[asyncio.Task[object]] = set()
        self._last_status: tuple[SourceState, Why] | None = None
        self._echo_off = False
        self._ready = False
        self._sms_ready = False
        self._boot_timer: asyncio.TimerHandle | None = None
        self._end_reason: Why | None = None
        #: Waits between reconnection attempts grow (with jitter) up to 5 × reconnect_delay.
        self._backoff = Backoff(reconnect_delay, reconnect_delay * _RECONNECT_CAP)
        self._ready_once = False

    @property
    def sms_available(self) -> bool:
        """True while the modem is ready and accepted text-mode SMS at set-up."""
        return self._ready and self._sms_ready and self._channel.connected

    async def send_command(self, command: str) -> list[str]:
        """Send one AT command and return its information lines (see :class:`AtChannel`)."""
        return await self._channel.send_command(command)

    async def send_sms(self, number: str, text: str) -> None:
        """Send ``text`` to ``number`` (E.164) as a text message.

        Raises :class:`ModemError` whose reason says what went wrong (no network, no
        SIM message centre, modem not ready ...).
        """
        if not self.sms_available:
            raise ModemError(Why(ModemReason.NO_SMS))
        await send_text(self._channel, number, text)

    # ---------------------------------------------------------------- running

    async def run(self, sink: CallSink) -> None:
        """Listen until cancelled, reporting calls and health to ``sink``."""
        self._sink = sink
        failures = 0
        try:
            while True:
                if self._last_status is None or self._last_status[0] != SourceState.FAULT:
                    self._report(
                        SourceState.CONNECTING, Why(ModemReason.CONNECTING, port=self._where())
                    )
                why, error = await self._session()
                failures = 1 if self._ready_once else failures + 1
                self._ready_once = False
                delay = self._backoff.delay(failures).total_seconds()
                log.warning("Modem on %s: %s (%s)", self._where(), why, error)
                self._report(SourceState.FAULT, why, error=error, retry_in=round(delay, 1))
                await asyncio.sleep(delay)
        finally:
            await self._close()
            for task in list(self._tasks):
                task.cancel()
            self._report(SourceState.STOPPED, Why(ModemReason.NOT_USED))

    def _where(self) -> str:
        return self.active_port or self.port

    async def _session(self) -> tuple[Why, str]:
        """Open the port, set up, listen until the port is lost; return why it ended.

        The reason is for staff; the text beside it is the cause for the log.
        """
        port = await self._resolve_port()
        if port is None:
            return Why(ModemReason.NONE_FOUND), "auto: none"
        try:
            await self._channel.open(port, self.baudrate)
        except ValueError as exc:
            return Why(ModemReason.INVALID_PORT, port=port), str(exc)
        except OSError as exc:
            return _open_failure(self._where(), exc), str(exc)
        self._end_reason = None
        try:
            await self._set_up()
        except PortLost as exc:
            return self._connection_lost(), str(exc)
        except ModemError as exc:
            await self._close()
            return exc.why, str(exc.__cause__ or exc)
        watcher = asyncio.create_task(
            poll_health(
                self._channel,
                interval=self.health_interval,
                idle=lambda: not self._calls.busy and self._ready,
                publish=self._publish_health,
                silent=lambda: self._drop_connection(
                    Why(ModemReason.STOPPED_ANSWERING, port=self._where())
                ),
            )
        )
        try:
            cause = await self._channel.closed()
        finally:
            watcher.cancel()
            self._ready = False
        if self._end_reason:
            return self._end_reason, "no answer"
        return self._connection_lost(), str(cause) if cause else "port closed"

    async def _resolve_port(self) -> str | None:
        if self.port.lower() != AUTO:
            self.active_port = self.port
            return self.port
        self._report(SourceState.CONNECTING, Why(ModemReason.LOOKING))
        found = await asyncio.to_thread(find_modem, self.probe_patterns, self.baudrate)
        if found:
            log.info("Found the modem on %s", found)
        self.active_port = found
        return found

    async def _set_up(self) -> None:
        """Initialise, read identity and health, and report ready."""
        self._ready = self._echo_off = self._sms_ready = False
        setup = await set_up(self._channel, port=self._where(), sim_pin=self.sim_pin)
        self._echo_off, self._sms_ready = setup.echo_off, setup.sms_ready
        self.identity.update(setup.identity)
        self._ready = self._ready_once = True
        self._publish_health(setup.health)
        log.info("Modem ready on %s", self._where())

    async def _close(self) -> None:
        self._ready = False
        self._calls.end_call()
        if self._boot_timer is not None:
            self._boot_timer.cancel()
        await self._channel.close()

    def _connection_lost(self) -> Why:
        return Why(ModemReason.CONNECTION_LOST, port=self._where())

    def _drop_connection(self, why: Why) -> None:
        """Close the port on purpose; the run loop then reopens it."""
        self._end_reason = why
        self._channel.drop()

    def _report(self, state: SourceState, why: Why, **details: object) -> None:
        if self._sink is None or self._last_status == (state, why):
            return
        self._last_status = (state, why)
        self._sink.source_status(
            SourceStatus(self.name, state, why, {"port": self._where(), **details})
        )

    def _publish_health(self, health: ModemHealth) -> None:
        self.health = health
        details = {**health.details(), **self.identity, "caller_id": True, "sms": self._sms_ready}
        problem = health.problem(self._where())
        if problem:
            self._report(SourceState.FAULT, problem, **details)
        else:
            ready = health.summary(source_name(self.name), self._where())
            self._report(SourceState.READY, ready, **details)

    # ------------------------------------------------- what the channel hears

    def modem_event(self, event: ModemEvent, line: str) -> None:
        """A line the modem sent on its own: a restart, or something for the call tracker."""
        if isinstance(event, Unsolicited) and event.boot:
            self._on_boot_line(event.text)
        else:
            self._calls.hear(event, line)

    def echoed(self, line: str) -> None:
        """A command came back as echo: after set-up switched it off, the modem restarted."""
        if self._echo_off and self._ready:
            self._on_boot_line(f"echo is back on ({line})")

    def connection_lost(self) -> None:
        """The port closed underneath us: the run loop reopens it."""
        self._ready = False
        self._calls.end_call()

    def _on_boot_line(self, line: str) -> None:
        """The modem printed a boot line: once it is quiet, set it up again."""
        if not self._ready:
            return  # during set-up (or before it), the set-up itself takes care
        self._calls.modem_restarted()
        log.info("The modem restarted (%s); setting it up again", line)
        if self._boot_timer is not None:
            self._boot_timer.cancel()
        self._boot_timer = asyncio.get_running_loop().call_later(
            self.boot_settle, lambda: self._spawn(self._set_up_again())
        )

    async def _set_up_again(self) -> None:
        if not self._ready:
            return  # already being set up
        self._ready = False
        self._report(SourceState.CONNECTING, Why(ModemReason.RESTARTED))
        try:
            await self._set_up()
        except (ModemError, PortLost) as exc:
            log.warning("Setting the modem up again failed: %s", exc)
            self._drop_connection(
                exc.why if isinstance(exc, ModemError) else self._connection_lost()
            )

    # ---------------------------------------------------------------- calls

    def _on_outcome(self, outcome: Outcome) -> None:
        """What the call handler passes on: a call to report, or a call that will not end."""
        match outcome:
            case ReportCall(event) if self._sink is not None:
                self._spawn(self._sink.call_heard(event))
            case CallsNotEnding():
                self._report(
                    SourceState.FAULT, Why(ModemReason.NOT_ENDING_CALLS, port=self._where())
                )
            case CallsEndingAgain() if self._ready and self.health is not None:
                self._publish_health(self.health)  # it stopped in the end: clear the fault

    def _spawn(self, coro: Coroutine[Any, Any, object]) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[object]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("A modem task failed", exc_info=task.exception())
