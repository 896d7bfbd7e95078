"""The modem call source: talks AT commands to a GSM/LTE modem and reports incoming calls.

:class:`ModemSource` opens a serial port (a device path or any pyserial URL), switches
on caller ID, and then listens. When a call rings it learns the caller's number from
``+CLIP``, hangs up at once (the call is never answered, so it costs the caller
nothing) and reports exactly one :class:`~kiosk.domain.events.CallEvent` per call to
the sink. Health goes to the sink as :class:`~kiosk.sources.base.SourceStatus` in words
staff can act on; when the port is missing or vanishes it reports a fault and tries
again until it is cancelled.
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

from kiosk.domain.clock import Clock, SystemClock
from kiosk.domain.events import CallEvent
from kiosk.domain.health import SourceState, SourceStatus
from kiosk.domain.phone import DEFAULT_REGION, mask, mask_numbers_in
from kiosk.sources.base import CallSink
from kiosk.sources.modem.protocol import (
    CallEnded,
    CallerId,
    FinalResult,
    LineSplitter,
    ModemLine,
    Other,
    Ring,
    caller_e164,
    parse_line,
)

log = logging.getLogger("kiosk.modem")

#: Set-up after the port opens: AT+CPIN? checks (and unlocks) the SIM; AT+CLIP=1 is essential.
INIT_COMMANDS = ("AT", "ATE0", "AT+CMEE=1", "AT+CPIN?", "AT+CLIP=1")
_OPTIONAL_INIT = frozenset({"ATE0", "AT+CMEE=1"})
#: How often the first "AT" is tried: modems often swallow the first command after open.
_FIRST_AT_ATTEMPTS = 3
#: Seconds to wait for +CLIP after a RING before reporting the call as withheld.
RING_WITHOUT_CLIP_WAIT = 2.0
#: Seconds without RING/+CLIP after which the current call is considered over.
CALL_IDLE_TIMEOUT = 6.0


class ModemError(Exception):
    """A command the modem refused, did not answer, or could not be sent.

    ``timed_out`` is true when the modem did not answer at all.
    """

    def __init__(self, message: str, *, timed_out: bool = False) -> None:
        """Keep the plain-words ``message`` and whether the modem stayed silent."""
        super().__init__(message)
        self.timed_out = timed_out


class _PortLost(Exception):
    """The serial port closed underneath us."""


@dataclass
class _PendingCommand:
    command: str
    result: asyncio.Future[FinalResult]
    info: list[str] = field(default_factory=list)


@dataclass
class _Call:
    """The call currently ringing, so that repeated RING/+CLIP lines count once."""

    call_id: str
    started: datetime
    reported: bool = False
    number: str | None = None
    clip_timer: asyncio.TimerHandle | None = None
    idle_timer: asyncio.TimerHandle | None = None

    def cancel_timers(self) -> None:
        for timer in (self.clip_timer, self.idle_timer):
            if timer is not None:
                timer.cancel()


class _ModemProtocol(asyncio.Protocol):
    """Feeds bytes from the serial transport to the source, one complete line at a time."""

    def __init__(self, source: ModemSource, lost: asyncio.Future[Exception | None]) -> None:
        self._source = source
        self._lost = lost
        self._splitter = LineSplitter()

    def data_received(self, data: bytes) -> None:
        for line in self._splitter.feed(data):
            self._source._on_line(line)

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
    ) -> None:
        """Prepare to listen on ``port`` (a device path or pyserial URL); nothing opens yet.

        ``region`` is used to read national caller numbers; ``command_timeout`` is how
        long one AT command may take; ``reconnect_delay`` is the pause between attempts
        to open a missing or lost port. ``name`` is the ``source`` of the call events;
        ``label`` is what status messages call the device.
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
        #: Seconds to wait for +CLIP after a bare RING before reporting a withheld call.
        self.ring_without_clip_wait = RING_WITHOUT_CLIP_WAIT
        #: Seconds of silence (no RING/+CLIP) after which a call counts as over.
        self.call_idle_timeout = CALL_IDLE_TIMEOUT
        self._sink: CallSink | None = None
        self._transport: asyncio.Transport | None = None
        self._lost: asyncio.Future[Exception | None] | None = None
        self._pending: _PendingCommand | None = None
        self._command_lock = asyncio.Lock()
        self._call: _Call | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._last_status: tuple[SourceState, str] | None = None

    # ------------------------------------------------------------------ running

    async def run(self, sink: CallSink) -> None:
        """Listen until cancelled, reporting calls and health to ``sink``."""
        self._sink = sink
        try:
            while True:
                if self._last_status is None or self._last_status[0] != SourceState.FAULT:
                    self._report(SourceState.CONNECTING, f"Connecting to the modem on {self.port}…")
                message, error = await self._session()
                log.warning("Modem on %s: %s (%s)", self.port, message, error)
                self._report(
                    SourceState.FAULT,
                    message,
                    error=error,
                    retry_in=self.reconnect_delay,
                )
                await asyncio.sleep(self.reconnect_delay)
        finally:
            await self._close()
            for task in list(self._tasks):
                task.cancel()
            self._report(SourceState.STOPPED, "The modem is not being used.")

    async def _session(self) -> tuple[str, str]:
        """Open the port, initialise, listen until the port is lost; return why it ended."""
        loop = asyncio.get_running_loop()
        lost: asyncio.Future[Exception | None] = loop.create_future()
        self._lost = lost
        try:
            transport, _ = await serial_asyncio_fast.create_serial_connection(
                loop, lambda: _ModemProtocol(self, lost), url=self.port, baudrate=self.baudrate
            )
        except ValueError as exc:
            return (
                f"'{self.port}' is not a valid modem port. Check the modem setting.",
                str(exc),
            )
        except OSError as exc:
            return self._open_failure(exc), str(exc)
        self._transport = transport
        try:
            await self._initialise()
        except _PortLost as exc:
            return self._lost_message(), str(exc)
        except ModemError as exc:
            await self._close()
            return str(exc), str(exc.__cause__ or exc)
        self._report(SourceState.READY, f"{self.label} ready on {self.port}", caller_id=True)
        log.info("Modem ready on %s", self.port)
        exc = await asyncio.shield(lost)  # a cancelled run must not cancel ``lost``
        self._transport = None
        return self._lost_message(), str(exc) if exc else "port closed"

    async def _initialise(self) -> None:
        for command in INIT_COMMANDS:
            if command == "AT+CPIN?":
                await self._unlock_sim()  # the SIM check, with its own messages
                continue
            attempts = _FIRST_AT_ATTEMPTS if command == "AT" else 1
            for attempt in range(1, attempts + 1):
                try:
                    await self.send_command(command)
                    break
                except ModemError as exc:
                    if self._lost is not None and self._lost.done():
                        raise _PortLost(str(exc)) from exc
                    if command in _OPTIONAL_INIT and not exc.timed_out:
                        log.info("Modem on %s refused %s; carrying on", self.port, command)
                        break
                    if attempt < attempts:
                        continue
                    if command == "AT+CLIP=1" and not exc.timed_out:
                        raise ModemError(
                            f"The modem on {self.port} cannot show caller numbers "
                            "(it refused AT+CLIP=1). It may not support voice calls."
                        ) from exc
                    raise ModemError(
                        f"The modem on {self.port} stopped answering. Unplug it, wait "
                        "ten seconds and plug it back in."
                    ) from exc

    async def _unlock_sim(self) -> None:
        """Check the SIM (``AT+CPIN?``) and give its PIN when it asks and one is set."""
        try:
            state = " ".join(await self.send_command("AT+CPIN?")).upper()
        except ModemError as exc:
            if "CME ERROR: 10" in str(exc).upper():
                raise ModemError(
                    f"No SIM card in the modem on {self.port}. Insert the SIM and plug the "
                    "modem in again."
                ) from exc
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
        log.info("SIM unlocked on %s", self.port)

    def _open_failure(self, exc: OSError) -> str:
        code = exc.errno
        if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO) or "No such file" in str(exc):
            return f"Modem not found on {self.port}. Check that it is plugged in."
        if code in (errno.EACCES, errno.EPERM) or "Permission denied" in str(exc):
            return (
                f"Not allowed to open the modem on {self.port}. Ask your administrator "
                "to give this user access to serial ports (the 'dialout' group)."
            )
        if code == errno.EBUSY or "lock" in str(exc).lower():
            return (
                f"The modem on {self.port} is in use by another program. Close that "
                "program and try again."
            )
        return f"Could not open the modem on {self.port}. Check that it is plugged in."

    def _lost_message(self) -> str:
        return f"Lost the connection to the modem on {self.port}. Check the cable; trying again…"

    async def _close(self) -> None:
        transport, lost = self._transport, self._lost
        self._transport = None
        self._end_call()
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
            SourceStatus(self.name, state, message, {"port": self.port, **details})
        )

    # ---------------------------------------------------------------- commands

    async def send_command(self, command: str) -> list[str]:
        """Send one AT command and return its information lines (without echo or ``OK``).

        Raises :class:`ModemError` when the modem answers with an error, does not
        answer within ``command_timeout`` seconds, or is not connected. Commands are
        sent one at a time; unsolicited lines (RING, +CLIP ...) are never part of the
        reply.
        """
        async with self._command_lock:
            transport = self._transport
            if transport is None or transport.is_closing():
                raise ModemError(f"The modem on {self.port} is not connected.")
            pending = _PendingCommand(command, asyncio.get_running_loop().create_future())
            self._pending = pending
            log.debug(">> %s", command)
            try:
                transport.write(command.encode("ascii", errors="replace") + b"\r")
                async with asyncio.timeout(self.command_timeout):
                    result = await pending.result
            except TimeoutError:
                raise ModemError(f"The modem did not answer {command}.", timed_out=True) from None
            finally:
                self._pending = None
        if not result.ok:
            raise ModemError(f"The modem refused {command}: {result.text}")
        return pending.info

    # ------------------------------------------------------------ incoming lines

    def _on_line(self, line: str) -> None:
        try:
            parsed = parse_line(line)
            log.debug("<< %s", mask_numbers_in(line))
            self._dispatch(parsed, line)
        except Exception:
            log.exception("Could not handle the modem line %r", mask_numbers_in(line))

    def _dispatch(self, parsed: ModemLine, line: str) -> None:
        pending = self._pending
        match parsed:
            case Ring():
                self._on_ring(line)
            case CallerId():
                self._on_caller_id(parsed, line)
            case CallEnded():
                self._on_call_ended()
            case FinalResult():
                if pending is not None and not pending.result.done():
                    pending.result.set_result(parsed)
                else:
                    log.debug("Ignoring a result nobody waited for: %s", line)
            case Other(text):
                if pending is not None and not pending.result.done():
                    if text.upper() != pending.command.upper():  # drop the echo
                        pending.info.append(text)
                else:
                    log.debug("Ignoring an unsolicited line: %s", mask_numbers_in(line))

    def _on_connection_lost(self, lost: asyncio.Future[Exception | None]) -> None:
        if lost is not self._lost:
            return  # a port closed earlier, reported late
        self._transport = None
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
            call.clip_timer = asyncio.get_running_loop().call_later(
                self.ring_without_clip_wait, self._on_no_clip, call, line
            )
        self._touch(call)

    def _on_caller_id(self, clip: CallerId, line: str) -> None:
        call = self._call
        if call is not None and call.reported and (clip.number or "") != (call.number or ""):
            log.info("A different caller while a call was active: treating it as a new call")
            self._end_call()
            call = None
        if call is None:
            call = self._start_call()
        self._touch(call)
        if call.reported:
            return
        if call.clip_timer is not None:
            call.clip_timer.cancel()
            call.clip_timer = None
        caller = caller_e164(clip, self.region)
        call.number = clip.number
        log.info("Incoming call from %s", mask(caller or clip.number or None))
        self._reject_and_report(call, caller_raw=clip.number, caller=caller, raw=line)

    def _on_no_clip(self, call: _Call, line: str) -> None:
        if self._call is call and not call.reported:
            log.info("Incoming call without caller ID: reporting it as withheld")
            self._reject_and_report(call, caller_raw="", caller=None, raw=line)

    def _on_call_ended(self) -> None:
        call = self._call
        if call is None:
            return
        if not call.reported:
            log.info("The caller hung up before the number was known: reporting it as withheld")
            self._report_call(call, caller_raw="", caller=None, raw="RING")
        self._end_call()

    def _on_call_idle(self, call: _Call) -> None:
        if self._call is call:
            self._end_call()

    def _end_call(self) -> None:
        if self._call is not None:
            self._call.cancel_timers()
            self._call = None

    def _reject_and_report(
        self, call: _Call, *, caller_raw: str, caller: str | None, raw: str
    ) -> None:
        call.reported = True  # repeated RING/CLIP lines while hanging up change nothing
        self._spawn(self._reject_then_report(call, caller_raw, caller, raw))

    async def _reject_then_report(
        self, call: _Call, caller_raw: str, caller: str | None, raw: str
    ) -> None:
        """Drop the call first (it must never be answered), then report it."""
        rejected = await self._hang_up()
        self._report_call(call, caller_raw=caller_raw, caller=caller, raw=raw, rejected=rejected)

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
        """Reject the ringing call: ATH, or AT+CHUP for modems whose ATH does not."""
        for command in ("ATH", "AT+CHUP"):
            try:
                await self.send_command(command)
                log.info("Call rejected")
                return True
            except ModemError as exc:
                if self._transport is None:
                    log.info("The port closed before the call could be rejected")
                    return False
                log.warning("Could not reject the call with %s: %s", command, exc)
        return False

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("Reporting a call failed", exc_info=task.exception())
