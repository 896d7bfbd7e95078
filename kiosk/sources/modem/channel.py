"""The AT command channel to a modem: one command at a time, its reply, and everything else.

:class:`AtChannel` owns the serial connection. :meth:`AtChannel.send_command` writes one
command and waits for its final result code (``OK``, ``ERROR``, ``+CME ERROR: …``),
collecting the information lines that belong to it. Every other line the modem sends —
rings, caller ID, call ends, boot lines, vendor noise — goes to the :class:`LineHandler`
the moment it arrives, even in the middle of a reply. A command that waits for text
(``AT+CMGS``) gets it written after the modem's ``>`` prompt. Lines are cut and
classified by :mod:`kiosk.sources.modem.protocol` and
:class:`~kiosk.sources.modem.line_reader.LineReader`: the text of a message pushed to
the port is payload, which goes nowhere. Commands and message bodies carry no control
characters (a Ctrl-Z or a line break inside would end them early and run the rest as
commands): :class:`ValueError` before anything is written.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

import serial_asyncio_fast

from kiosk.domain.phone import mask_numbers_in
from kiosk.domain.reasons import Why
from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.line_reader import LineReader
from kiosk.sources.modem.protocol import (
    CallEnded,
    CallerId,
    CurrentCall,
    FinalResult,
    LineSplitter,
    MissedCall,
    ModemLine,
    Other,
    Payload,
    Ring,
    Unsolicited,
)
from kiosk.sources.modem.reasons import ModemReason

log = logging.getLogger("kiosk.modem")

#: What the modem says on its own, as the handler gets it.
ModemEvent = Ring | CallerId | MissedCall | CurrentCall | CallEnded | Unsolicited

_CTRL_Z, _ESC = b"\x1a", b"\x1b"
#: Seconds the serial transport may take to close (pyserial closes in a thread).
_CLOSE_WAIT = 2.0


# --------------------------------------------------------------------- parts


def _refuse_control_characters(data: bytes) -> None:
    """A command or body with a control character would end early: refuse it."""
    if any(byte < 0x20 or byte == 0x7F for byte in data):
        raise ValueError("A modem command or message must not contain control characters.")


class PortLost(Exception):
    """The serial port closed underneath a command."""


class Exchange(Protocol):
    """Send one command (and ``body`` after its ``>`` prompt) while the channel is held."""

    def __call__(
        self, command: str, body: bytes | None = None, wait: float | None = None
    ) -> Awaitable[list[str]]:
        """The command's information lines; ``wait`` overrides the command timeout."""
        ...


class LineHandler(Protocol):
    """Who hears what the modem says on its own (the modem source)."""

    def modem_event(self, event: ModemEvent, line: str) -> None:
        """A line that is no command's reply: a ring, a caller ID, a status line."""
        ...

    def echoed(self, line: str) -> None:
        """The command just sent came back as an echo (echo is on)."""
        ...

    def connection_lost(self) -> None:
        """The open port closed underneath the channel."""
        ...


@dataclass
class _PendingCommand:
    command: str
    result: asyncio.Future[FinalResult]
    info: list[str] = field(default_factory=list)
    #: Set when the modem prints the ``>`` prompt (AT+CMGS waits for the text).
    prompt: asyncio.Future[None] | None = None

    @property
    def waiting(self) -> bool:
        return not self.result.done()

    def claims(self, line: Unsolicited) -> bool:
        """True when ``line`` is this command's reply (``+CPIN: READY`` to ``AT+CPIN?``)."""
        return bool(line.prefix) and self.command.upper().startswith("AT" + line.prefix)


class _SerialProtocol(asyncio.Protocol):
    """Feeds bytes from the serial transport to the channel, one complete line at a time."""

    def __init__(self, channel: AtChannel, lost: asyncio.Future[Exception | None]) -> None:
        self._channel = channel
        self._lost = lost
        self._splitter = LineSplitter()
        self._reader = LineReader()

    def data_received(self, data: bytes) -> None:
        now = time.monotonic()
        for line in self._splitter.feed(data):
            self._channel._on_line(line, self._reader.read(line, now))
        if self._splitter.partial.rstrip().endswith(b">"):
            self._channel._on_prompt()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self._lost.done():
            self._lost.set_result(exc)
        self._channel._on_connection_lost(self._lost)


class AtChannel:
    """One serial connection to a modem: commands in turn, unsolicited lines to a handler."""

    def __init__(
        self, handler: LineHandler, *, command_timeout: float, where: Callable[[], str]
    ) -> None:
        """Talk for ``handler``; a command may take ``command_timeout`` seconds.

        ``where`` names the port for messages (it may change while ``auto`` looks).
        """
        self.command_timeout = command_timeout
        self._handler = handler
        self._where = where
        self._transport: asyncio.Transport | None = None
        self._lost: asyncio.Future[Exception | None] | None = None
        self._pending: _PendingCommand | None = None
        self._lock = asyncio.Lock()

    @property
    def connected(self) -> bool:
        """True while the port is open."""
        return self._transport is not None

    @property
    def lost(self) -> bool:
        """True once the port opened last has closed (underneath us or on purpose)."""
        return self._lost is not None and self._lost.done()

    async def open(self, port: str, baudrate: int) -> None:
        """Open ``port``; raises ValueError for a bad URL, OSError when it cannot open."""
        loop = asyncio.get_running_loop()
        lost: asyncio.Future[Exception | None] = loop.create_future()
        self._lost = lost
        transport, _ = await serial_asyncio_fast.create_serial_connection(
            loop, lambda: _SerialProtocol(self, lost), url=port, baudrate=baudrate
        )
        self._transport = transport

    async def closed(self) -> Exception | None:
        """Wait until the port closes; the error that closed it, if any."""
        assert self._lost is not None, "open() first"
        exc = await asyncio.shield(self._lost)  # a cancelled wait must not cancel ``lost``
        self._transport = None
        return exc

    def drop(self) -> None:
        """Close the port on purpose; :meth:`closed` then returns."""
        if self._transport is not None:
            self._transport.close()

    async def close(self) -> None:
        """Close the port and wait (briefly) until it is closed."""
        transport, lost = self._transport, self._lost
        self._transport = None
        if transport is None:
            return
        transport.close()
        if lost is not None and not lost.cancelled():
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(_CLOSE_WAIT):
                    await asyncio.shield(lost)

    # ------------------------------------------------------------- commands

    async def send_command(self, command: str) -> list[str]:
        """Send one AT command and return its information lines (without echo or ``OK``).

        Raises :class:`ModemError` when the modem answers with an error, does not
        answer within ``command_timeout`` seconds, or is not connected. Commands are
        sent one at a time; unsolicited lines (RING, +CLIP, vendor noise) are never
        part of the reply.
        """
        async with self._lock:
            return await self._exchange(command)

    @contextlib.asynccontextmanager
    async def held(self) -> AsyncIterator[Exchange]:
        """Hold the channel for several commands in a row (no other command between them).

        Yields ``send(command, body=None, wait=None)``: ``body`` is written after the
        ``>`` prompt and ended with Ctrl-Z; ``wait`` overrides the command timeout.
        """
        async with self._lock:
            yield self._exchange

    async def _exchange(
        self, command: str, body: bytes | None = None, wait: float | None = None
    ) -> list[str]:
        """Send ``command`` (and ``body`` after the ``>`` prompt); the lock is held."""
        _refuse_control_characters(command.encode("ascii", errors="replace"))
        if body is not None:
            _refuse_control_characters(body)
        transport = self._transport
        if transport is None or transport.is_closing():
            raise ModemError(Why(ModemReason.NOT_CONNECTED, port=self._where()))
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
            raise ModemError(Why(ModemReason.NO_ANSWER, command=command), timed_out=True) from None
        finally:
            self._pending = None
        if not result.ok:
            raise ModemError(Why(ModemReason.REFUSED, command=command, reply=result.text))
        return pending.info

    # -------------------------------------------------------- incoming lines

    def _on_line(self, line: str, parsed: ModemLine) -> None:
        try:
            if isinstance(parsed, Payload):
                log.debug("<< (%d characters of a message's text)", len(line))
            else:
                log.debug("<< %s", mask_numbers_in(line))
            self._route(parsed, line)
        except Exception:
            log.exception("Could not handle the modem line %r", mask_numbers_in(line))

    def _route(self, parsed: ModemLine, line: str) -> None:
        """A command's reply goes to the command; the rest goes to the handler."""
        pending = self._pending if self._pending is not None and self._pending.waiting else None
        match parsed:
            case CurrentCall() if pending is not None and pending.command == "AT+CLCC":
                pending.info.append(line)
            case FinalResult() if pending is not None:
                pending.result.set_result(parsed)
            case FinalResult():
                log.debug("Ignoring a result nobody waited for: %s", line)
            case Unsolicited() if pending is not None and pending.claims(parsed):
                pending.info.append(parsed.text)
            case Other(text) if pending is not None:
                if text.upper() != pending.command.upper():
                    pending.info.append(text)
                else:
                    self._handler.echoed(text)
            case Other() | Payload():
                pass  # a line nobody asked for, or a message's text: never an event
            case Ring() | CallerId() | MissedCall() | CurrentCall() | CallEnded() | Unsolicited():
                self._handler.modem_event(parsed, line)

    def _on_prompt(self) -> None:
        pending = self._pending
        if pending is not None and pending.prompt is not None and not pending.prompt.done():
            pending.prompt.set_result(None)

    def _on_connection_lost(self, lost: asyncio.Future[Exception | None]) -> None:
        if lost is not self._lost:
            return  # a port closed earlier, reported late
        self._transport = None
        pending = self._pending
        if pending is not None and pending.waiting:
            pending.result.set_exception(ModemError(Why(ModemReason.PORT_CLOSED)))
        self._handler.connection_lost()
