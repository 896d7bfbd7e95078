"""The modem call source: talks AT commands to a GSM/LTE modem and reports incoming calls.

:class:`ModemSource` opens a serial port (a device path, a ``/dev/serial/by-id`` link,
any pyserial URL, or ``auto`` to look for the modem), sets it up (SIM, never
auto-answer, caller ID on, text-mode SMS when it can), and then listens. When a call
rings it learns the caller's number from ``+CLIP`` (or, when the modem sends none,
from ``AT+CLCC`` or SIMCom's ``MISSED_CALL``), hangs up at once (``AT+CHUP``, else
``ATH``; again if the call keeps ringing) so it is never answered and costs the caller
nothing, and reports exactly one :class:`~kiosk.domain.events.CallEvent` per call.

Health goes to the sink as :class:`~kiosk.sources.base.SourceStatus` in words staff can
act on, with signal, network and operator polled every ``health_interval`` seconds.
It recovers by itself: a port that is missing or vanishes is retried, a modem that
restarts (boot lines, echo suddenly back on) is set up again, and one that stops
answering is closed and reopened.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import uuid
from collections.abc import Coroutine
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import serial_asyncio_fast

from kiosk.domain.backoff import Backoff
from kiosk.domain.clock import Clock, SystemClock
from kiosk.domain.events import CallEvent
from kiosk.domain.health import SourceState, SourceStatus
from kiosk.domain.phone import DEFAULT_REGION, mask, mask_numbers_in, try_parse_phone
from kiosk.sources.base import CallSink
from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.health import ModemHealth, read_health
from kiosk.sources.modem.ports import AUTO, DEFAULT_PATTERNS, find_modem
from kiosk.sources.modem.protocol import (
    CallEnded,
    CallerId,
    CurrentCall,
    FinalResult,
    LineSplitter,
    MissedCall,
    ModemLine,
    Other,
    Ring,
    Unsolicited,
    caller_e164,
    parse_line,
)
from kiosk.sources.modem.sms import sms_error_words

__all__ = ["INIT_COMMANDS", "ModemError", "ModemSource"]

log = logging.getLogger("kiosk.modem")

#: Set-up after the port opens: AT+CPIN? checks (and unlocks) the SIM, ATS0=0 makes sure
#: it never answers by itself, AT+CLIP=1 (essential) switches caller ID on, and
#: AT+CMGF=1 (text-mode SMS) tells whether codes can be sent by SMS.
INIT_COMMANDS = ("AT", "ATE0", "AT+CMEE=1", "AT+CPIN?", "ATS0=0", "AT+CLIP=1", "AT+CMGF=1")
_OPTIONAL_INIT = frozenset({"ATE0", "AT+CMEE=1", "ATS0=0", "AT+CMGF=1"})
#: How often the first "AT" is tried: modems often swallow the first command after open.
_FIRST_AT_ATTEMPTS = 3
#: Seconds to wait for +CLIP after a RING before asking AT+CLCC for the caller.
RING_WITHOUT_CLIP_WAIT = 1.0
#: Seconds without RING/+CLIP after which the current call is considered over.
CALL_IDLE_TIMEOUT = 6.0
#: Seconds to wait, after a caller hung up before the number was known, for MISSED_CALL.
MISSED_CALL_GRACE = 0.5
#: Seconds a reported call is remembered, so a late MISSED_CALL for it is not a new call.
_RECENT_CALL_MEMORY = 60.0
#: Seconds after a hang-up from which a RING means the call did not stop (rings are ~3 s apart).
STILL_RINGING_AFTER = 1.0
#: Seconds to wait after such a RING for a +CLIP that shows it is another caller.
_NEW_CALLER_WAIT = 0.3
#: Hang-ups tried on a call that keeps ringing before staff are told.
_HANGUP_ATTEMPTS = 3
#: Seconds between health polls (signal, network, operator) while the modem is idle.
HEALTH_INTERVAL = 30.0
#: Health polls in a row the modem may leave unanswered before it is reopened.
_SILENT_POLLS = 2
#: Seconds of quiet after boot lines before the set-up is run again.
BOOT_SETTLE = 1.0
#: The longest wait between reconnection attempts, in multiples of reconnect_delay.
_RECONNECT_CAP = 5
#: Seconds an SMS may take (the network answers +CMGS slowly).
SMS_TIMEOUT = 60.0
_CTRL_Z, _ESC = b"\x1a", b"\x1b"


class _PortLost(Exception):
    """The serial port closed underneath us."""


@dataclass
class _PendingCommand:
    command: str
    result: asyncio.Future[FinalResult]
    info: list[str] = field(default_factory=list)
    #: Set when the modem prints the ``>`` prompt (AT+CMGS waits for the text).
    prompt: asyncio.Future[None] | None = None

    def claims(self, line: Unsolicited) -> bool:
        """True when ``line`` is this command's reply (``+CPIN: READY`` to ``AT+CPIN?``)."""
        return bool(line.prefix) and self.command.upper().startswith("AT" + line.prefix)


@dataclass
class _Call:
    """The call currently ringing, so that repeated RING/+CLIP lines count once."""

    call_id: str
    started: datetime
    reported: bool = False
    number: str | None = None
    hangups: int = 0
    hanging_up: bool = False
    hung_up_at: float = 0.0
    clip_timer: asyncio.TimerHandle | None = None
    idle_timer: asyncio.TimerHandle | None = None

    def cancel_timers(self) -> None:
        for timer in (self.clip_timer, self.idle_timer):
            if timer is not None:
                timer.cancel()


@dataclass
class _RecentCall:
    """A call already reported, so a late ``MISSED_CALL`` for it changes nothing."""

    number: str | None
    ended_at: float


class _ModemProtocol(asyncio.Protocol):
    """Feeds bytes from the serial transport to the source, one complete line at a time."""

    def __init__(self, source: ModemSource, lost: asyncio.Future[Exception | None]) -> None:
        self._source = source
        self._lost = lost
        self._splitter = LineSplitter()

    def data_received(self, data: bytes) -> None:
        for line in self._splitter.feed(data):
            self._source._on_line(line)
        if self._splitter.partial.rstrip().endswith(b">"):
            self._source._on_prompt()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self._lost.done():
            self._lost.set_result(exc)
        self._source._on_connection_lost(self._lost)


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
        reconnect_delay: float = 2.0,
        name: str = "modem",
        label: str = "Modem",
        sim_pin: str | None = None,
        health_interval: float = HEALTH_INTERVAL,
        probe_patterns: tuple[str, ...] = DEFAULT_PATTERNS,
    ) -> None:
        """Prepare to listen on ``port`` (a device path, pyserial URL or ``auto``).

        ``region`` is used to read national caller numbers; ``command_timeout`` is how
        long one AT command may take; ``reconnect_delay`` is the pause between attempts
        to open a missing or lost port (growing, with jitter, while it stays missing).
        ``name`` is the ``source`` of the call events; ``label`` is what status messages
        call the device. ``health_interval`` is how often signal and network are read;
        ``probe_patterns`` are where ``auto`` looks. Nothing opens yet.
        """
        self.port = port
        self.region = region
        self.clock: Clock = clock or SystemClock()
        self.baudrate = baudrate
        self.command_timeout = command_timeout
        self.reconnect_delay = reconnect_delay
        self.name = name
        self.label = label
        self.sim_pin = sim_pin
        self.health_interval = health_interval
        self.probe_patterns = probe_patterns
        #: Seconds to wait for +CLIP after a bare RING before asking AT+CLCC.
        self.ring_without_clip_wait = RING_WITHOUT_CLIP_WAIT
        #: Seconds of silence (no RING/+CLIP) after which a call counts as over.
        self.call_idle_timeout = CALL_IDLE_TIMEOUT
        #: Seconds to wait for MISSED_CALL after a caller hung up before CLIP.
        self.missed_call_grace = MISSED_CALL_GRACE
        #: Seconds after a hang-up from which a RING means the call is still ringing.
        self.still_ringing_after = STILL_RINGING_AFTER
        #: Seconds of quiet after boot lines before set-up runs again.
        self.boot_settle = BOOT_SETTLE
        #: The port in use: ``port``, or what ``auto`` found.
        self.active_port: str | None = None
        #: Last signal/network reading (None until the first one).
        self.health: ModemHealth | None = None
        self._sink: CallSink | None = None
        self._transport: asyncio.Transport | None = None
        self._lost: asyncio.Future[Exception | None] | None = None
        self._pending: _PendingCommand | None = None
        self._command_lock = asyncio.Lock()
        self._call: _Call | None = None
        self._recent: _RecentCall | None = None
        self._tasks: set[asyncio.Task[object]] = set()
        self._last_status: tuple[SourceState, str] | None = None
        self._hangups: tuple[str, ...] = ("AT+CHUP", "ATH")
        self._echo_off = False
        self._ready = False
        self._sms_ready = False
        self._boot_timer: asyncio.TimerHandle | None = None
        self._end_reason: str | None = None
        self._identity: dict[str, str] = {}
        #: Waits between reconnection attempts grow (with jitter) up to 5 × reconnect_delay.
        self._backoff = Backoff(reconnect_delay, reconnect_delay * _RECONNECT_CAP)
        self._ready_once = False

    @property
    def sms_available(self) -> bool:
        """True while the modem is ready and accepted text-mode SMS at set-up."""
        return self._ready and self._sms_ready and self._transport is not None

    # ------------------------------------------------------------------ running

    async def run(self, sink: CallSink) -> None:
        """Listen until cancelled, reporting calls and health to ``sink``."""
        self._sink = sink
        failures = 0
        try:
            while True:
                if self._last_status is None or self._last_status[0] != SourceState.FAULT:
                    self._report(
                        SourceState.CONNECTING, f"Connecting to the modem on {self._where()}…"
                    )
                message, error = await self._session()
                failures = 1 if self._ready_once else failures + 1
                self._ready_once = False
                delay = self._backoff.delay(failures).total_seconds()
                log.warning("Modem on %s: %s (%s)", self._where(), message, error)
                self._report(SourceState.FAULT, message, error=error, retry_in=round(delay, 1))
                await asyncio.sleep(delay)
        finally:
            await self._close()
            for task in list(self._tasks):
                task.cancel()
            self._report(SourceState.STOPPED, "The modem is not being used.")

    def _where(self) -> str:
        return self.active_port or self.port

    async def _session(self) -> tuple[str, str]:
        """Open the port, set up, listen until the port is lost; return why it ended."""
        port = await self._resolve_port()
        if port is None:
            return "No modem found. Check that it is plugged in; looking again…", "auto: none"
        loop = asyncio.get_running_loop()
        lost: asyncio.Future[Exception | None] = loop.create_future()
        self._lost = lost
        try:
            transport, _ = await serial_asyncio_fast.create_serial_connection(
                loop, lambda: _ModemProtocol(self, lost), url=port, baudrate=self.baudrate
            )
        except ValueError as exc:
            return f"'{port}' is not a valid modem port. Check the modem setting.", str(exc)
        except OSError as exc:
            return self._open_failure(exc), str(exc)
        self._transport = transport
        self._end_reason = None
        try:
            await self._set_up()
        except _PortLost as exc:
            return self._lost_message(), str(exc)
        except ModemError as exc:
            await self._close()
            return str(exc), str(exc.__cause__ or exc)
        watcher = asyncio.create_task(self._watch_health())
        try:
            cause = await asyncio.shield(lost)  # a cancelled run must not cancel ``lost``
        finally:
            watcher.cancel()
            self._ready = False
        self._transport = None
        if self._end_reason:
            return self._end_reason, "no answer"
        return self._lost_message(), str(cause) if cause else "port closed"

    async def _resolve_port(self) -> str | None:
        if self.port.lower() != AUTO:
            self.active_port = self.port
            return self.port
        self._report(SourceState.CONNECTING, "Looking for the modem…")
        found = await asyncio.to_thread(find_modem, self.probe_patterns, self.baudrate)
        if found:
            log.info("Found the modem on %s", found)
        self.active_port = found
        return found

    async def _set_up(self) -> None:
        """Initialise, read identity and health, and report ready."""
        self._ready = False
        await self._initialise()
        await self._identify()
        health = await self._read_health()
        self._ready = self._ready_once = True
        self._publish_health(health)
        log.info("Modem ready on %s", self._where())

    async def _initialise(self) -> None:
        self._echo_off = False
        self._sms_ready = False
        for command in INIT_COMMANDS:
            if command == "AT+CPIN?":
                await self._unlock_sim()  # the SIM check, with its own messages
                continue
            attempts = _FIRST_AT_ATTEMPTS if command == "AT" else 1
            for attempt in range(1, attempts + 1):
                try:
                    await self.send_command(command)
                    self._echo_off = self._echo_off or command == "ATE0"
                    self._sms_ready = self._sms_ready or command == "AT+CMGF=1"
                    break
                except ModemError as exc:
                    if self._lost is not None and self._lost.done():
                        raise _PortLost(str(exc)) from exc
                    if command in _OPTIONAL_INIT and not exc.timed_out:
                        log.info("Modem on %s refused %s; carrying on", self._where(), command)
                        break
                    if attempt < attempts:
                        continue
                    if command == "AT+CLIP=1" and not exc.timed_out:
                        raise ModemError(
                            f"The modem on {self._where()} cannot show caller numbers "
                            "(it refused AT+CLIP=1). It may not support voice calls."
                        ) from exc
                    raise ModemError(self._silent_message()) from exc

    async def _identify(self) -> None:
        """Who made the modem (for the status strip and diagnostics); optional."""
        for key, command in (("manufacturer", "AT+CGMI"), ("model", "AT+CGMM")):
            with contextlib.suppress(ModemError):
                reply = " ".join(await self.send_command(command)).strip()
                if reply:
                    self._identity[key] = reply.split(":")[-1].strip()

    def _silent_message(self) -> str:
        return (
            f"The modem on {self._where()} stopped answering. Unplug it, wait ten seconds "
            "and plug it back in."
        )

    async def _unlock_sim(self) -> None:
        """Check the SIM (``AT+CPIN?``) and give its PIN when it asks and one is set."""
        try:
            state = " ".join(await self.send_command("AT+CPIN?")).upper()
        except ModemError as exc:
            if "CME ERROR: 10" in str(exc).upper():
                raise ModemError(
                    f"No SIM card in the modem on {self._where()}. Insert the SIM and plug "
                    "the modem in again."
                ) from exc
            if exc.timed_out:
                raise ModemError(self._silent_message()) from exc
            return  # a modem that cannot tell: carry on
        if "READY" in state:
            return
        if "PUK" in state:
            raise ModemError(
                "The SIM card is blocked and needs its PUK code. Unblock it in a phone, "
                "then put it back in the modem."
            )
        if "SIM PIN" not in state:
            raise ModemError(f"The SIM card is not ready ({state.strip() or 'no answer'}).")
        if not self.sim_pin:
            raise ModemError(
                "The SIM card is locked with a PIN. Set sim_pin in the settings "
                "(or --sim-pin) to the SIM's PIN."
            )
        try:
            await self.send_command(f'AT+CPIN="{self.sim_pin}"')
        except ModemError as exc:
            raise ModemError(
                "The SIM card refused the PIN in the settings. Check sim_pin; after three "
                "wrong tries the SIM needs its PUK."
            ) from exc
        log.info("SIM unlocked on %s", self._where())

    def _open_failure(self, exc: OSError) -> str:
        port = self._where()
        code = exc.errno
        if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO) or "No such file" in str(exc):
            return f"Modem not found on {port}. Check that it is plugged in."
        if code in (errno.EACCES, errno.EPERM) or "Permission denied" in str(exc):
            return (
                f"Not allowed to open the modem on {port}. Ask your administrator "
                "to give this user access to serial ports (the 'dialout' group)."
            )
        if code == errno.EBUSY or "lock" in str(exc).lower():
            return (
                f"The modem on {port} is in use by another program. Close that "
                "program and try again."
            )
        return f"Could not open the modem on {port}. Check that it is plugged in."

    def _lost_message(self) -> str:
        return (
            f"Lost the connection to the modem on {self._where()}. Check the cable; trying again…"
        )

    async def _close(self) -> None:
        transport, lost = self._transport, self._lost
        self._transport = None
        self._ready = False
        self._end_call()
        if self._boot_timer is not None:
            self._boot_timer.cancel()
        if transport is None:
            return
        transport.close()
        if lost is not None and not lost.cancelled():
            with contextlib.suppress(TimeoutError):  # pyserial closes in a thread
                async with asyncio.timeout(2.0):
                    await asyncio.shield(lost)

    def _report(self, state: SourceState, message: str, **details: object) -> None:
        if self._sink is None or self._last_status == (state, message):
            return
        self._last_status = (state, message)
        self._sink.source_status(
            SourceStatus(self.name, state, message, {"port": self._where(), **details})
        )

    # ------------------------------------------------------------------ health

    async def _read_health(self) -> ModemHealth:
        try:
            return await read_health(self)
        except ModemError as exc:
            if self._lost is not None and self._lost.done():
                raise _PortLost(str(exc)) from exc
            raise ModemError(self._silent_message()) from exc

    def _publish_health(self, health: ModemHealth) -> None:
        self.health = health
        details = {
            **health.details(),
            **self._identity,
            "caller_id": True,
            "sms": self._sms_ready,
        }
        problem = health.problem(self._where())
        if problem:
            self._report(SourceState.FAULT, problem, **details)
        else:
            self._report(SourceState.READY, health.summary(self.label, self._where()), **details)

    async def _watch_health(self) -> None:
        """Poll signal and network; reopen a modem that stops answering."""
        silent = 0
        while True:
            await asyncio.sleep(self.health_interval)
            if self._call is not None or not self._ready:
                continue  # never delay a hang-up; a set-up is running
            try:
                health = await read_health(self)
            except ModemError:
                silent += 1
                log.warning("The modem did not answer a health check (%d in a row)", silent)
                if silent >= _SILENT_POLLS:
                    self._drop_connection(self._silent_message())
                    return
                continue
            silent = 0
            self._publish_health(health)

    def _drop_connection(self, reason: str) -> None:
        """Close the port on purpose; the run loop then reopens it."""
        self._end_reason = reason
        if self._transport is not None:
            self._transport.close()

    # --------------------------------------------------------------- restarts

    def _on_boot_line(self, line: str) -> None:
        """The modem printed a boot line: once it is quiet, set it up again."""
        if not self._ready:
            return  # during set-up (or before it), the set-up itself takes care
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
        self._report(SourceState.CONNECTING, "The modem restarted; setting it up again…")
        try:
            await self._set_up()
        except (ModemError, _PortLost) as exc:
            log.warning("Setting the modem up again failed: %s", exc)
            self._drop_connection(str(exc) if isinstance(exc, ModemError) else self._lost_message())

    # ---------------------------------------------------------------- commands

    async def send_command(self, command: str) -> list[str]:
        """Send one AT command and return its information lines (without echo or ``OK``).

        Raises :class:`ModemError` when the modem answers with an error, does not
        answer within ``command_timeout`` seconds, or is not connected. Commands are
        sent one at a time; unsolicited lines (RING, +CLIP, vendor noise) are never
        part of the reply.
        """
        async with self._command_lock:
            return await self._exchange(command)

    async def _exchange(
        self, command: str, body: bytes | None = None, wait: float | None = None
    ) -> list[str]:
        """Send ``command`` (and ``body`` after the ``>`` prompt); the lock is held."""
        transport = self._transport
        if transport is None or transport.is_closing():
            raise ModemError(f"The modem on {self._where()} is not connected.")
        loop = asyncio.get_running_loop()
        pending = _PendingCommand(command, loop.create_future())
        if body is not None:
            pending.prompt = loop.create_future()
        self._pending = pending
        log.debug(">> %s", mask_numbers_in(command))
        try:
            transport.write(command.encode("ascii", errors="replace") + b"\r")
            if pending.prompt is not None and body is not None:
                async with asyncio.timeout(self.command_timeout):
                    await asyncio.wait(
                        (pending.prompt, pending.result), return_when=asyncio.FIRST_COMPLETED
                    )
                if not pending.result.done():
                    transport.write(body + _CTRL_Z)
            async with asyncio.timeout(wait or self.command_timeout):
                result = await pending.result
        except TimeoutError:
            if pending.prompt is not None and transport is self._transport:
                transport.write(_ESC)  # leave the text prompt, or the modem stays stuck in it
            raise ModemError(f"The modem did not answer {command}.", timed_out=True) from None
        finally:
            self._pending = None
        if not result.ok:
            raise ModemError(f"The modem refused {command}: {result.text}")
        return pending.info

    async def send_sms(self, number: str, text: str) -> None:
        """Send ``text`` to ``number`` (E.164) as a text message; raise with plain words.

        Raises :class:`ModemError` whose message says what went wrong (no network, no
        SIM credit centre, modem not ready ...).
        """
        if not self.sms_available:
            raise ModemError("The modem cannot send text messages right now.")
        body = text.encode("ascii", errors="replace")
        async with self._command_lock:
            try:
                await self._exchange("AT+CMGF=1")
                await self._exchange(f'AT+CMGS="{number}"', body=body, wait=SMS_TIMEOUT)
            except ModemError as exc:
                if exc.timed_out:
                    raise ModemError(
                        "The text message was not sent: the modem did not answer in time."
                    ) from exc
                raise ModemError(sms_error_words(str(exc))) from exc
        log.info("Text message sent to %s", mask(number))

    # ------------------------------------------------------------ incoming lines

    def _on_line(self, line: str) -> None:
        try:
            parsed = parse_line(line)
            log.debug("<< %s", mask_numbers_in(line))
            self._dispatch(parsed, line)
        except Exception:
            log.exception("Could not handle the modem line %r", mask_numbers_in(line))

    def _on_prompt(self) -> None:
        pending = self._pending
        if pending is not None and pending.prompt is not None and not pending.prompt.done():
            pending.prompt.set_result(None)

    def _dispatch(self, parsed: ModemLine, line: str) -> None:
        pending = self._pending
        waiting = pending is not None and not pending.result.done()
        match parsed:
            case Ring():
                self._on_ring(line)
            case CallerId():
                self._on_caller_id(parsed, line)
            case MissedCall(number):
                self._on_missed_call(number, line)
            case CurrentCall() if waiting and pending is not None and pending.command == "AT+CLCC":
                pending.info.append(line)
            case CurrentCall():
                self._on_current_call(parsed, line)
            case CallEnded():
                self._on_call_ended()
            case FinalResult():
                if waiting and pending is not None:
                    pending.result.set_result(parsed)
                else:
                    log.debug("Ignoring a result nobody waited for: %s", line)
            case Unsolicited() if waiting and pending is not None and pending.claims(parsed):
                pending.info.append(parsed.text)
            case Unsolicited(text, boot=True):
                self._on_boot_line(text)
            case Unsolicited(text):
                if text.upper().startswith("VOICE CALL: BEGIN"):
                    log.warning("The modem says a call was connected; hanging up")
                    self._spawn(self._hang_up())
                else:
                    log.debug("Modem status line: %s", mask_numbers_in(text))
            case Other(text):
                if waiting and pending is not None:
                    if text.upper() != pending.command.upper():
                        pending.info.append(text)
                    elif self._echo_off and self._ready:
                        self._on_boot_line(f"echo is back on ({text})")
                else:
                    log.debug("Ignoring an unsolicited line: %s", mask_numbers_in(line))

    def _on_connection_lost(self, lost: asyncio.Future[Exception | None]) -> None:
        if lost is not self._lost:
            return  # a port closed earlier, reported late
        self._transport = None
        self._ready = False
        pending = self._pending
        if pending is not None and not pending.result.done():
            pending.result.set_exception(ModemError("The modem connection was lost."))
        self._end_call()

    # ------------------------------------------------------------------- calls

    def _start_call(self) -> _Call:
        call = _Call(call_id=f"{self.name}-{uuid.uuid4().hex}", started=self.clock.now())
        self._call = call
        return call

    def _touch(self, call: _Call) -> None:
        if call.idle_timer is not None:
            call.idle_timer.cancel()
        call.idle_timer = asyncio.get_running_loop().call_later(
            self.call_idle_timeout, self._on_call_idle, call
        )

    def _on_ring(self, line: str) -> None:
        call = self._call
        if call is None:
            call = self._start_call()
            log.info("Incoming call (ringing)")
            self._wait_for_clip(call, line)
        elif call.reported and not call.hanging_up and call.hangups and self._still_ringing(call):
            # Unless a +CLIP for another caller follows (a new call), it did not stop.
            loop = asyncio.get_running_loop()
            loop.call_later(_NEW_CALLER_WAIT, self._check_still_ringing, call, loop.time())
        self._touch(call)

    def _check_still_ringing(self, call: _Call, rang_at: float) -> None:
        if self._call is call and not call.hanging_up and call.hung_up_at < rang_at:
            self._spawn(self._hang_up_again(call))

    def _still_ringing(self, call: _Call) -> bool:
        """A RING well after our hang-up (not one already on its way) means it did not work."""
        return asyncio.get_running_loop().time() - call.hung_up_at > self.still_ringing_after

    def _wait_for_clip(self, call: _Call, line: str) -> None:
        if call.clip_timer is None:
            call.clip_timer = asyncio.get_running_loop().call_later(
                self.ring_without_clip_wait,
                lambda: self._spawn(self._ask_current_calls(call, line)),
            )

    def _on_caller_id(self, clip: CallerId, line: str) -> None:
        call = self._call
        if call is not None and call.reported and (clip.number or "") != (call.number or ""):
            if not clip.number and not clip.says_withheld:
                return  # a bare "+CLIP:" while the call is handled says nothing
            log.info("A different caller while a call was active: treating it as a new call")
            self._end_call()
            call = None
        if call is None:
            call = self._start_call()
        self._touch(call)
        if call.reported:
            return
        if not clip.number and not clip.says_withheld:
            self._wait_for_clip(call, line)  # no number yet: maybe in a moment, or from CLCC
            return
        caller = caller_e164(clip, self.region)
        self._reject_and_report(call, caller_raw=clip.number, caller=caller, raw=line)

    def _on_current_call(self, entry: CurrentCall, line: str) -> None:
        """An unsolicited ``+CLCC`` (SIMCom with AT+CLCC=1): a caller ID or a call end."""
        if entry.ringing and entry.number:
            self._on_caller_id(CallerId(entry.number, entry.type), line)
        elif entry.incoming and entry.state == 6:
            self._on_call_ended()

    async def _ask_current_calls(self, call: _Call, line: str) -> None:
        """A RING came without +CLIP: ask the modem who is calling (``AT+CLCC``)."""
        call.clip_timer = None
        if self._call is not call or call.reported:
            return
        entries: list[CurrentCall] = []
        with contextlib.suppress(ModemError):
            replies = await self.send_command("AT+CLCC")
            entries = [e for e in map(parse_line, replies) if isinstance(e, CurrentCall)]
        if self._call is not call or call.reported:
            return
        ringing = next((e for e in entries if e.ringing), None)
        if ringing is not None and ringing.number:
            log.info("No caller ID line; the current-calls list gave the number")
            clip = CallerId(ringing.number, ringing.type)
            self._reject_and_report(
                call, caller_raw=ringing.number, caller=caller_e164(clip, self.region), raw=line
            )
            return
        log.info("Incoming call without caller ID: reporting it as withheld")
        self._reject_and_report(call, caller_raw="", caller=None, raw=line)

    def _on_missed_call(self, number: str, line: str) -> None:
        """SIMCom's ``MISSED_CALL``: the number of a call that ended unanswered."""
        call, recent = self._call, self._recent
        if call is not None and not call.reported:
            self._report_call(
                call, caller_raw=number, caller=self._e164(number), raw=line, rejected=False
            )
            self._end_call()
            return
        loop_time = asyncio.get_running_loop().time()
        if call is not None or (
            recent is not None
            and loop_time - recent.ended_at < _RECENT_CALL_MEMORY
            and recent.number in (number, None, "")
        ):
            return  # the call we already reported
        log.info("A missed call the modem did not ring for: reporting it")
        self._report_call(
            self._start_call(),
            caller_raw=number,
            caller=self._e164(number),
            raw=line,
            rejected=False,
        )
        self._end_call()

    def _e164(self, number: str) -> str | None:
        return try_parse_phone(number, self.region) if number else None

    def _on_call_ended(self) -> None:
        call = self._call
        if call is None:
            return
        if not call.reported:
            # Hung up before the number was known; SIMCom may still say who it was.
            if call.clip_timer is not None:
                call.clip_timer.cancel()
            call.clip_timer = asyncio.get_running_loop().call_later(
                self.missed_call_grace, self._on_hung_up_unknown, call
            )
            return
        self._end_call()

    def _on_hung_up_unknown(self, call: _Call) -> None:
        if self._call is call and not call.reported:
            log.info("The caller hung up before the number was known: reporting it as withheld")
            self._report_call(call, caller_raw="", caller=None, raw="RING")
            self._end_call()

    def _on_call_idle(self, call: _Call) -> None:
        if self._call is call:
            self._end_call()

    def _end_call(self) -> None:
        call = self._call
        if call is not None:
            call.cancel_timers()
            self._call = None
            if call.reported:
                self._recent = _RecentCall(call.number, asyncio.get_running_loop().time())
            if call.hangups > _HANGUP_ATTEMPTS and self._ready and self.health is not None:
                self._publish_health(self.health)  # it stopped in the end: clear the fault

    def _reject_and_report(
        self, call: _Call, *, caller_raw: str, caller: str | None, raw: str
    ) -> None:
        call.reported = True  # repeated RING/CLIP lines while hanging up change nothing
        call.number = caller_raw
        if call.clip_timer is not None:
            call.clip_timer.cancel()
            call.clip_timer = None
        log.info("Incoming call from %s", mask(caller or caller_raw or None))
        self._spawn(self._reject_then_report(call, caller_raw, caller, raw))

    async def _reject_then_report(
        self, call: _Call, caller_raw: str, caller: str | None, raw: str
    ) -> None:
        """Drop the call first (it must never be answered), then report it."""
        call.hanging_up = True
        try:
            rejected = await self._hang_up()
        finally:
            self._hung_up(call)
        self._report_call(call, caller_raw=caller_raw, caller=caller, raw=raw, rejected=rejected)

    async def _hang_up_again(self, call: _Call) -> None:
        """The call still rings after a hang-up: try again, and tell staff if it will not stop."""
        if call.hangups >= _HANGUP_ATTEMPTS:
            if call.hangups == _HANGUP_ATTEMPTS:
                call.hangups += 1
                log.error("The modem does not drop calls")
                self._report(
                    SourceState.FAULT,
                    f"The modem on {self._where()} does not end calls. Unplug it, wait ten "
                    "seconds and plug it back in.",
                )
            return
        call.hanging_up = True
        try:
            log.warning("The call is still ringing after a hang-up; hanging up again")
            await self._hang_up()
        finally:
            self._hung_up(call)

    def _hung_up(self, call: _Call) -> None:
        call.hanging_up = False
        call.hangups += 1
        call.hung_up_at = asyncio.get_running_loop().time()

    def _report_call(
        self,
        call: _Call,
        *,
        caller_raw: str,
        caller: str | None,
        raw: str,
        rejected: bool | None = None,
    ) -> None:
        call.reported = True
        call.number = caller_raw
        event = CallEvent(
            caller_raw=caller_raw,
            caller=caller,
            at=call.started,
            source=self.name,
            call_id=call.call_id,
            raw=raw,
            rejected=rejected,
        )
        if self._sink is not None:
            self._spawn(self._sink.call_heard(event))

    async def _hang_up(self) -> bool:
        """Reject the ringing call: AT+CHUP, or ATH for modems without it (remembered)."""
        for command in self._hangups:
            try:
                await self.send_command(command)
                log.info("Call rejected")
                if command != self._hangups[0]:
                    self._hangups = (command, *(c for c in self._hangups if c != command))
                return True
            except ModemError as exc:
                if self._transport is None:
                    log.info("The port closed before the call could be rejected")
                    return False
                log.warning("Could not reject the call with %s: %s", command, exc)
        return False

    def _spawn(self, coro: Coroutine[Any, Any, object]) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[object]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("A modem task failed", exc_info=task.exception())
