"""A virtual voice modem on a real pseudo-terminal, for tests, demos and the GUI's "ring" button.

:class:`ModemSimulator` opens a pty pair and answers AT commands on the master side
like a small GSM modem would, while the kiosk opens the slave side (:attr:`port`)
exactly as it would open ``/dev/ttyUSB0``. So tests exercise the real serial path:
pyserial, termios, the asyncio transport and the line protocol. :meth:`ring` plays an
incoming call (``RING`` and ``+CLIP`` lines) until the kiosk hangs up or the caller
gives up. It runs on the current asyncio loop through ``add_reader``, so it also works
under the qasync Qt loop. POSIX only. ``python -m kiosk.sources.simulator [--dialect D]``
gives one to play with by hand.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import sys
from pathlib import Path
from types import TracebackType

from kiosk.sources.sim_dialects import DIALECTS, GENERIC, Dialect

log = logging.getLogger("kiosk.simulator")

#: CLIP type of number the simulator uses for a withheld caller.
_TYPE_ABSENT = 128
#: CLI validity "withheld by the caller".
_CLI_WITHHELD = 1

_LINE_END = re.compile(rb"[\r\n]")
_MAX_COMMAND = 512
_CTRL_Z, _ESC = 0x1A, 0x1B
_OK_COMMANDS = frozenset({"AT", "AT+CMEE=1", "ATS0=0", "AT+CMGF=1", 'AT+CSCS="GSM"'})
_REGISTRATION = {"AT+CREG?": "+CREG: 0,{stat}", "AT+CEREG?": "+CEREG: 0,{stat}"}


class _SimulatedCall:
    """One call the simulator is ringing; ``ended`` is set when the kiosk acts on it."""

    def __init__(self, caller: str, clip_type: int, stubborn: int) -> None:
        self.caller = caller
        self.clip_type = clip_type
        self.stubborn = stubborn  # hang-ups acknowledged but ignored (a stuck modem)
        self.hung_up = False
        self.answered = False
        self.ended = asyncio.Event()


class ModemSimulator:
    """A virtual AT-command modem on a pseudo-terminal; open :attr:`port` to talk to it.

    ``dialect`` picks a modem family's habits (:mod:`kiosk.sources.sim_dialects`);
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
        self.echo = echo
        self.sim_pin = sim_pin  # the SIM asks for this PIN until it is given
        self.sim_unlocked = sim_pin is None
        self.dialect = dialect
        self.link = link
        self.split_writes = split_writes
        #: Set once the kiosk switched caller ID on (AT+CLIP=1); +CLIP is only sent then.
        self.caller_id_enabled = asyncio.Event()
        #: Every command received, in order, as sent (without the line ending).
        self.commands: list[str] = []
        #: How many hang-up commands (ATH, AT+CHUP) were received.
        self.hangups = 0
        #: True once the kiosk ever answered a call (ATA) — it never should.
        self.answered = False
        #: While true, commands are heard but never answered (a hung modem).
        self.silent = False
        #: Signal (AT+CSQ rssi, 0-31, 99 unknown), registration (+CREG stat) and operator.
        self.rssi = 20
        self.registration = 1
        self.operator = "Simulated Network"
        #: +CMS error code AT+CMGS answers with instead of sending (None: it sends).
        self.sms_error: int | None = None
        #: Whether AT+CLCC (list current calls) is understood.
        self.clcc = True
        #: Every text message sent, as (number, text).
        self.sent_sms: list[tuple[str, str]] = []
        self._master_fd: int | None = None
        self._slave_fd: int | None = None
        self._pty_path: str | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._buffer = bytearray()
        self._sms_to: str | None = None
        self._call: _SimulatedCall | None = None
        self._line = asyncio.Lock()  # one call at a time; the next caller waits
        self._command_seen = asyncio.Event()
        self._tasks: set[asyncio.Task[bool]] = set()
        self._noise = 0
        self._pending_out = bytearray()
        self._draining = False

    # --------------------------------------------------------------- lifecycle

    @property
    def port(self) -> str:
        """The port to open: the ``link`` if one was given, else the pty, e.g. ``/dev/pts/7``."""
        if self.link is not None:
            return str(self.link)
        if self._pty_path is None:
            raise RuntimeError("The modem simulator is not started.")
        return self._pty_path

    @property
    def pty_path(self) -> str | None:
        """The current pseudo-terminal, or None while unplugged."""
        return self._pty_path

    @property
    def running(self) -> bool:
        """True between :meth:`start` and :meth:`stop` (and while plugged in)."""
        return self._master_fd is not None

    async def start(self) -> None:
        """Open the pseudo-terminal and start answering commands."""
        if self.running:
            return
        self._loop = asyncio.get_running_loop()
        self._open_pty()
        log.info("Modem simulator listening on %s", self._pty_path)

    def _open_pty(self) -> None:
        import tty  # POSIX only; imported here so the module still imports on Windows

        master, slave = os.openpty()
        tty.setraw(slave)  # no echo or CR/LF translation before the kiosk opens the port
        os.set_blocking(master, False)
        self._master_fd, self._slave_fd = master, slave
        self._pty_path = os.ttyname(slave)
        self._buffer.clear()
        self._pending_out.clear()
        if self.link is not None:
            temporary = self.link.with_name(self.link.name + ".new")
            temporary.unlink(missing_ok=True)
            temporary.symlink_to(self._pty_path)
            temporary.replace(self.link)  # atomic, like udev updating the by-id link
        assert self._loop is not None
        self._loop.add_reader(master, self._on_readable)

    def _close_pty(self) -> None:
        if self._master_fd is not None:
            if self._loop is not None:
                self._loop.remove_reader(self._master_fd)
            os.close(self._master_fd)
            self._master_fd = None
        if self._slave_fd is not None:
            os.close(self._slave_fd)
            self._slave_fd = None
        self._pty_path = None

    async def stop(self) -> None:
        """Stop ringing, close the pseudo-terminal; the port disappears."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._close_pty()
        if self.link is not None:
            self.link.unlink(missing_ok=True)

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

    # ------------------------------------------------------- faults and restarts

    def unplug(self) -> None:
        """Pull the modem out: the pty (and the ``link``) disappear, the kiosk's read fails."""
        if self._call is not None:
            self._call.ended.set()
        self._close_pty()
        if self.link is not None:
            self.link.unlink(missing_ok=True)
        log.info("Modem simulator unplugged")

    def replug(self) -> None:
        """Plug the modem back in: a new pty (a new ttyUSBn), a fresh boot."""
        self._reset_state()
        self._open_pty()
        self._send_boot_lines()
        log.info("Modem simulator plugged back in on %s", self._pty_path)

    def reboot(self) -> None:
        """Restart on the same port: boot lines, echo back on, caller ID off, SIM locked."""
        if self._call is not None:
            self._call.ended.set()
        self._reset_state()
        self._send_boot_lines()

    def _reset_state(self) -> None:
        self.echo = True
        self.caller_id_enabled.clear()
        self.sim_unlocked = self.sim_pin is None
        self.silent = False
        self._sms_to = None

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
            call = _SimulatedCall(caller, clip_type, stubborn)
            return await self._play_call(call, rings, interval, clip)

    async def _play_call(
        self, call: _SimulatedCall, rings: int, interval: float, clip: bool
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

    def _announce(self, call: _SimulatedCall, clip: bool) -> None:
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
        wanted = _normalise(command)
        while sum(_normalise(c) == wanted for c in self.commands) < count:
            self._command_seen.clear()
            await self._command_seen.wait()

    async def wait_for_sms(self, count: int = 1) -> list[tuple[str, str]]:
        """Wait until ``count`` text messages have been sent; returns them all."""
        while len(self.sent_sms) < count:
            self._command_seen.clear()
            await self._command_seen.wait()
        return self.sent_sms

    # --------------------------------------------------------------- the wire

    def _on_readable(self) -> None:
        if self._master_fd is None:
            return
        try:
            data = os.read(self._master_fd, 4096)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:  # EIO: no slave open (cannot happen while we hold one)
            return
        self._buffer.extend(data)
        if self._sms_to is not None:
            self._take_sms_text()
            return
        *complete, rest = _LINE_END.split(bytes(self._buffer))
        self._buffer = bytearray(rest[-_MAX_COMMAND:])
        for index, raw in enumerate(complete):
            command = raw.decode("ascii", errors="replace").strip()
            if command:
                self._handle(command)
            if self._sms_to is not None:  # the rest of this read is the message text
                text = b"\r".join([*complete[index + 1 :], rest])
                self._buffer = bytearray(text.lstrip(b"\r\n"))
                self._take_sms_text()
                return

    def _take_sms_text(self) -> None:
        """Collect a message after the ``>`` prompt until Ctrl-Z (send) or Esc (cancel)."""
        for index, byte in enumerate(self._buffer):
            if byte in (_CTRL_Z, _ESC):
                text = self._buffer[:index].decode("utf-8", errors="replace")
                self._buffer = bytearray(self._buffer[index + 1 :])
                number, self._sms_to = self._sms_to, None
                if byte == _ESC:
                    self._reply()
                elif self.sms_error is not None:
                    self._write_line(f"+CMS ERROR: {self.sms_error}")
                else:
                    assert number is not None
                    self.sent_sms.append((number, text))
                    self._command_seen.set()
                    self._reply(f"+CMGS: {len(self.sent_sms)}")
                return

    def _handle(self, command: str) -> None:
        self.commands.append(command)
        self._command_seen.set()
        if self.silent:
            return
        if self.echo:
            self._write(command.encode("ascii", errors="replace") + b"\r")
        key = _normalise(command)
        call = self._call
        if key in _OK_COMMANDS:
            self._reply()
        elif key in ("ATE0", "ATE1", "ATE"):
            self.echo = key != "ATE0"
            self._reply()
        elif key in ("AT+CLIP=1", "AT+CLIP=0"):
            if key.endswith("1"):
                self.caller_id_enabled.set()
            else:
                self.caller_id_enabled.clear()
            self._reply()
        elif key in ("ATH", "ATH0", "AT+CHUP"):
            self._hang_up(key)
        elif key == "ATA":
            self.answered = True
            if call is not None:
                call.answered = True
                call.ended.set()
                self._reply()
            else:
                self._write_line("NO CARRIER")
        elif key == "AT+CLCC" and self.clcc:
            entries = (
                [] if call is None else [f'+CLCC: 1,1,4,0,0,"{call.caller}",{call.clip_type},""']
            )
            self._reply(*entries)
        elif key.startswith("AT+CMGS="):
            self._sms_to = key.removeprefix("AT+CMGS=").strip('"')
            self._write(b"\r\n> ")
        else:
            self._answer_query(key)

    def _answer_query(self, key: str) -> None:
        dialect = self.dialect
        if key == "AT+CPIN?":
            self._reply("+CPIN: READY" if self.sim_unlocked else "+CPIN: SIM PIN")
        elif key.startswith("AT+CPIN="):
            given = key.removeprefix("AT+CPIN=").strip('"')
            if self.sim_unlocked or given != self.sim_pin:
                self._write_line("+CME ERROR: 16")  # incorrect password
            else:
                self.sim_unlocked = True
                self._reply()
        elif key == "AT+CLIP?":
            self._reply(f"+CLIP: {int(self.caller_id_enabled.is_set())},1")
        elif key == "AT+CSQ":
            self._reply(f"+CSQ: {self.rssi},99")
        elif key in _REGISTRATION:
            self._reply(_REGISTRATION[key].format(stat=self.registration))
        elif key == "AT+COPS?":
            registered = self.registration in (1, 5)
            self._reply(f'+COPS: 0,0,"{self.operator}",7' if registered else "+COPS: 0")
        elif key in ("AT+CGMI", "AT+GMI"):
            self._reply(dialect.manufacturer)
        elif key in ("AT+CGMM", "AT+GMM"):
            self._reply(dialect.model)
        elif key == "AT+CNUM":
            self._reply('+CNUM: "","+918000000001",145')
        else:
            self._write_line(dialect.unknown_command_reply)

    def _hang_up(self, key: str) -> None:
        if key not in self.dialect.hangup_commands:
            self._write_line(self.dialect.unknown_command_reply)
            return
        self.hangups += 1
        call = self._call
        self._reply()
        if call is None:
            return
        if call.stubborn > 0:
            call.stubborn -= 1
            return
        call.hung_up = True
        call.ended.set()
        for line in self.dialect.call_end_lines:
            if line != "NO CARRIER":  # after our own hang-up only the vendor lines follow
                self._write_line(line)

    def _reply(self, *info: str) -> None:
        """Information lines, then OK; a dialect with noise slips a status line in between."""
        for line in info:
            self._write_line(line)
        if info:
            self._write_noise()
        self._write_line("OK")

    def _write_noise(self) -> None:
        noise = self.dialect.noise_lines
        if noise:
            self._write_line(noise[self._noise % len(noise)])
            self._noise += 1

    def _write_line(self, line: str) -> None:
        self._write(b"\r\n" + line.encode("ascii", errors="replace") + b"\r\n")

    def _write(self, data: bytes) -> None:
        if self._master_fd is None:
            return
        if self.split_writes:
            self._pending_out.extend(data)
            if not self._draining and self._loop is not None:
                self._draining = True
                self._loop.call_soon(self._drain)
            return
        self._write_now(data)

    def _drain(self) -> None:
        """Write the next few bytes, then come back: the kiosk reads lines in pieces."""
        piece = bytes(self._pending_out[:3])
        del self._pending_out[:3]
        self._write_now(piece)
        if self._pending_out and self._loop is not None:
            self._loop.call_later(0.0005, self._drain)
        else:
            self._draining = False

    def _write_now(self, data: bytes) -> None:
        if self._master_fd is None:
            return
        try:
            os.write(self._master_fd, data)
        except BlockingIOError:
            log.debug("Nobody is reading the simulated modem; dropped %d bytes", len(data))
        except OSError:
            pass  # EIO after the pty was torn down


def _normalise(command: str) -> str:
    return command.upper().replace(" ", "")


def _clip_line(caller: str, clip_type: int) -> str:
    if caller:
        return f'+CLIP: "{caller}",{clip_type},"",,"",0'
    return f'+CLIP: "",{_TYPE_ABSENT},"",,"",{_CLI_WITHHELD}'


async def _main(caller: str, dialect: Dialect) -> None:
    """Print the port and ring ``caller`` (or the number typed) each time Enter is pressed."""
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()
    stdin = sys.stdin.fileno()
    pending = bytearray()

    def on_stdin() -> None:
        data = os.read(stdin, 1024)
        if not data:  # end of input
            loop.remove_reader(stdin)
            lines.put_nowait(None)
            return
        pending.extend(data)
        *complete, rest = pending.split(b"\n")
        pending[:] = rest
        for line in complete:
            lines.put_nowait(line.decode(errors="replace").strip())

    loop.add_reader(stdin, on_stdin)
    try:
        async with ModemSimulator(dialect=dialect) as sim:
            print(f"Simulated {dialect.manufacturer} {dialect.model} modem on {sim.port}")
            print("Enter rings; type a number (or 'withheld') first to change it. Ctrl-D quits.")
            while (line := await lines.get()) is not None:
                number = line or caller
                if number.lower() == "withheld":
                    number = ""
                outcome = "rejected" if await sim.ring(number) else "not rejected"
                print(f"Call from {number or 'a withheld number'}: {outcome}")
    finally:
        loop.remove_reader(stdin)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="A simulated voice modem on a pseudo-terminal.")
    parser.add_argument("caller", nargs="?", default="+919812345678", help="who rings")
    parser.add_argument("--dialect", choices=sorted(DIALECTS), default=GENERIC.name)
    options = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_main(options.caller, DIALECTS[options.dialect]))
