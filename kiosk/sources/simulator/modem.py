"""A virtual voice modem on a real pseudo-terminal, for tests, demos and the GUI's "ring" button.

:class:`ModemSimulator` answers AT commands (:mod:`.commands`) on a pty
(:mod:`.terminal`) while the kiosk opens the far end (:attr:`ModemSimulator.port`)
exactly as it would open ``/dev/ttyUSB0``, so tests exercise the real serial path:
pyserial, termios, the asyncio transport and the line protocol. It also plays what
happens to a modem: :meth:`~ModemSimulator.ring` plays an incoming call (``RING`` and
``+CLIP`` lines, in the manner of its dialect) until the kiosk hangs up or the caller
gives up; :meth:`~ModemSimulator.unplug`, :meth:`~ModemSimulator.replug` and
:meth:`~ModemSimulator.reboot` play the faults, :meth:`~ModemSimulator.send_line` and
:meth:`~ModemSimulator.send_bytes` inject lines and line noise. It runs on the current
asyncio loop through ``add_reader``, so it also works under the qasync Qt loop. POSIX
only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path
from types import TracebackType

from kiosk.sources.simulator.commands import AtCommandSet, SimulatedCall, normalise
from kiosk.sources.simulator.dialects import GENERIC, Dialect
from kiosk.sources.simulator.terminal import PseudoTerminal

log = logging.getLogger("kiosk.simulator")

#: CLIP type of number the simulator uses for a withheld caller.
_TYPE_ABSENT = 128
#: CLI validity "withheld by the caller".
_CLI_WITHHELD = 1


class ModemSimulator(AtCommandSet):
    """A virtual AT-command modem on a pseudo-terminal; open :attr:`port` to talk to it.

    ``dialect`` picks a modem family's habits (:mod:`kiosk.sources.simulator.dialects`);
    ``link`` makes :attr:`port` a symlink to the pty, kept pointing at the current one
    across :meth:`unplug`/:meth:`replug` the way ``/dev/serial/by-id/...`` follows a
    modem that comes back as another ``/dev/ttyUSBn``; ``split_writes`` sends every
    line a few bytes at a time, so the kiosk reads lines in pieces.
    """

    def __init__(
        self,
        *,
        echo: bool = True,
        sim_pin: str | None = None,
        dialect: Dialect = GENERIC,
        link: Path | None = None,
        split_writes: bool = False,
    ) -> None:
        """Prepare a simulator; ``echo`` is the initial ATE state (real modems start on)."""
        super().__init__(echo=echo, sim_pin=sim_pin, dialect=dialect)
        self.link = link
        self._terminal = PseudoTerminal(self._receive, split_writes=split_writes)
        self._line = asyncio.Lock()  # one call at a time; the next caller waits
        self._tasks: set[asyncio.Task[bool]] = set()

    # --------------------------------------------------------------- lifecycle

    @property
    def port(self) -> str:
        """The port to open: the ``link`` if one was given, else the pty, e.g. ``/dev/pts/7``."""
        if self.link is not None:
            return str(self.link)
        if self._terminal.path is None:
            raise RuntimeError("The modem simulator is not started.")
        return self._terminal.path

    @property
    def pty_path(self) -> str | None:
        """The current pseudo-terminal, or None while unplugged."""
        return self._terminal.path

    @property
    def running(self) -> bool:
        """True between :meth:`start` and :meth:`stop` (and while plugged in)."""
        return self._terminal.is_open

    async def start(self) -> None:
        """Open the pseudo-terminal and start answering commands."""
        if self.running:
            return
        self._plug_in()
        log.info("Modem simulator listening on %s", self.pty_path)

    async def stop(self) -> None:
        """Stop ringing, close the pseudo-terminal; the port disappears."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._terminal.close()

    async def __aenter__(self) -> ModemSimulator:
        """Start the simulator for an ``async with`` block."""
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop the simulator at the end of an ``async with`` block."""
        await self.stop()

    def _plug_in(self) -> None:
        self._buffer.clear()
        self._terminal.open(asyncio.get_running_loop(), self.link)

    def _write(self, data: bytes) -> None:
        self._terminal.write(data)

    # ------------------------------------------------------- faults and restarts

    def unplug(self) -> None:
        """Pull the modem out: the pty (and the ``link``) disappear, the kiosk's read fails."""
        if self._call is not None:
            self._call.ended.set()
        self._terminal.close()
        log.info("Modem simulator unplugged")

    def replug(self) -> None:
        """Plug the modem back in: a new pty (a new ttyUSBn), a fresh boot."""
        self._reset_state()
        self._plug_in()
        self._send_boot_lines()
        log.info("Modem simulator plugged back in on %s", self.pty_path)

    def reboot(self) -> None:
        """Restart on the same port: boot lines, echo back on, caller ID off, SIM locked."""
        if self._call is not None:
            self._call.ended.set()
        self._reset_state()
        self._send_boot_lines()

    def send_line(self, line: str) -> None:
        """Send ``line`` on its own, as the modem would (``MISSED_CALL: …``, a status line)."""
        self._write_line(line)

    def send_bytes(self, data: bytes) -> None:
        """Send raw bytes: line noise, garbage, half lines."""
        self._write(data)

    def _send_boot_lines(self) -> None:
        for line in self.dialect.boot_lines:
            self._write_line(line)

    # ------------------------------------------------------------------ calls

    async def ring(
        self,
        caller: str,
        *,
        rings: int = 3,
        interval: float = 1.0,
        clip_type: int = 145,
        clip: bool = True,
        stubborn: int = 0,
    ) -> bool:
        """Play an incoming call from ``caller`` ("" = withheld); True if it was rejected.

        Sends the dialect's ring lines (and ``+CLIP`` when caller ID is on and ``clip``
        is true) up to ``rings`` times, ``interval`` seconds apart, stopping as soon as
        the kiosk hangs up (ATH / AT+CHUP) or answers (ATA). The first ``stubborn``
        hang-ups are acknowledged but the call goes on ringing. If nobody hangs up the
        caller gives up one interval after the last ring and the call-end lines are
        sent. A call asked for while another is ringing starts when that one has ended.
        """
        async with self._line:
            call = SimulatedCall(caller, clip_type, stubborn)
            return await self._play_call(call, rings, interval, clip)

    async def _play_call(
        self, call: SimulatedCall, rings: int, interval: float, clip: bool
    ) -> bool:
        self._call = call
        try:
            for _ in range(rings):
                if call.ended.is_set():
                    break
                self._announce(call, clip)
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(interval):
                        await call.ended.wait()
            if not call.ended.is_set():
                for line in self.dialect.call_end_lines:
                    self._write_line(line)
                if self.dialect.missed_call_line:
                    self._write_line(f"MISSED_CALL: 10:15AM {call.caller}")
            return call.hung_up
        finally:
            self._call = None

    def _announce(self, call: SimulatedCall, clip: bool) -> None:
        clip_line = _clip_line(call.caller, call.clip_type) if clip else None
        if not self.caller_id_enabled.is_set():
            clip_line = None
        if clip_line and self.dialect.clip_before_ring:
            self._write_line(clip_line)
        for line in self.dialect.ring_lines:
            self._write_line(line)
        if clip_line and not self.dialect.clip_before_ring:
            self._write_line(clip_line)
        self._write_noise()

    def ring_soon(
        self,
        caller: str,
        *,
        rings: int = 3,
        interval: float = 1.0,
        clip_type: int = 145,
        clip: bool = True,
    ) -> asyncio.Task[bool]:
        """Start :meth:`ring` in the background (for a button); the task is kept alive."""
        task = asyncio.get_running_loop().create_task(
            self.ring(caller, rings=rings, interval=interval, clip_type=clip_type, clip=clip)
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def wait_for_command(self, command: str, count: int = 1) -> None:
        """Wait until ``command`` has been received at least ``count`` times."""
        wanted = normalise(command)
        while sum(normalise(c) == wanted for c in self.commands) < count:
            self._command_seen.clear()
            await self._command_seen.wait()

    async def wait_for_sms(self, count: int = 1) -> list[tuple[str, str]]:
        """Wait until ``count`` text messages have been sent; returns them all."""
        while len(self.sent_sms) < count:
            self._command_seen.clear()
            await self._command_seen.wait()
        return self.sent_sms


def _clip_line(caller: str, clip_type: int) -> str:
    if caller:
        return f'+CLIP: "{caller}",{clip_type},"",,"",0'
    return f'+CLIP: "",{_TYPE_ABSENT},"",,"",{_CLI_WITHHELD}'
