"""A virtual voice modem on a real pseudo-terminal, for tests, demos and the GUI's "ring" button.

:class:`ModemSimulator` opens a pty pair and answers AT commands on the master side
like a small GSM modem would, while the kiosk opens the slave side (:attr:`port`)
exactly as it would open ``/dev/ttyUSB0``. So tests exercise the real serial path:
pyserial, termios, the asyncio transport and the line protocol. :meth:`ring` plays an
incoming call (``RING`` and ``+CLIP`` lines) until the kiosk hangs up or the caller
gives up. It runs on the current asyncio loop through ``add_reader``, so it also works
under the qasync Qt loop. POSIX only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import sys
from types import TracebackType

log = logging.getLogger("kiosk.simulator")

#: CLIP type of number the simulator uses for a withheld caller.
_TYPE_ABSENT = 128
#: CLI validity "withheld by the caller".
_CLI_WITHHELD = 1

_LINE_END = re.compile(rb"[\r\n]")
_MAX_COMMAND = 512
_OK_COMMANDS = frozenset({"AT", "AT+CMEE=1", "ATS0=0"})
_HANGUP_COMMANDS = frozenset({"ATH", "ATH0", "AT+CHUP"})
_INFO_COMMANDS = {
    "AT+CSQ": "+CSQ: 20,99",
    "AT+CGMI": "SIMULATED",
    "AT+CGMM": "Virtual modem",
    "AT+CREG?": "+CREG: 0,1",
    "AT+COPS?": '+COPS: 0,0,"Simulated Network",7',
    "AT+CNUM": '+CNUM: "","+918000000001",145',
}


class _SimulatedCall:
    """One call the simulator is ringing; ``ended`` is set when the kiosk acts on it."""

    def __init__(self) -> None:
        self.hung_up = False
        self.answered = False
        self.ended = asyncio.Event()


class ModemSimulator:
    """A virtual AT-command modem on a pseudo-terminal; open :attr:`port` to talk to it."""

    def __init__(self, *, echo: bool = True, sim_pin: str | None = None) -> None:
        """Prepare a simulator; ``echo`` is the initial ATE state (real modems start on)."""
        self.echo = echo
        self.sim_pin = sim_pin  # the SIM asks for this PIN until it is given
        self.sim_unlocked = sim_pin is None
        #: Set once the kiosk switched caller ID on (AT+CLIP=1); +CLIP is only sent then.
        self.caller_id_enabled = asyncio.Event()
        #: Every command received, in order, as sent (without the line ending).
        self.commands: list[str] = []
        #: How many hang-up commands (ATH, AT+CHUP) were received.
        self.hangups = 0
        #: True once the kiosk ever answered a call (ATA) — it never should.
        self.answered = False
        self._master_fd: int | None = None
        self._slave_fd: int | None = None
        self._port: str | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._buffer = bytearray()
        self._call: _SimulatedCall | None = None
        self._line = asyncio.Lock()  # one call at a time; the next caller waits
        self._command_seen = asyncio.Event()
        self._tasks: set[asyncio.Task[bool]] = set()

    # --------------------------------------------------------------- lifecycle

    @property
    def port(self) -> str:
        """The device path of the slave side, e.g. ``/dev/pts/7``."""
        if self._port is None:
            raise RuntimeError("The modem simulator is not started.")
        return self._port

    @property
    def running(self) -> bool:
        """True between :meth:`start` and :meth:`stop`."""
        return self._master_fd is not None

    async def start(self) -> None:
        """Open the pseudo-terminal and start answering commands."""
        if self.running:
            return
        import tty  # POSIX only; imported here so the module still imports on Windows

        master, slave = os.openpty()
        tty.setraw(slave)  # no echo or CR/LF translation before the kiosk opens the port
        os.set_blocking(master, False)
        self._master_fd, self._slave_fd = master, slave
        self._port = os.ttyname(slave)
        self._loop = asyncio.get_running_loop()
        self._loop.add_reader(master, self._on_readable)
        log.info("Modem simulator listening on %s", self._port)

    async def stop(self) -> None:
        """Stop ringing, close the pseudo-terminal; the port disappears."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._master_fd is not None:
            if self._loop is not None:
                self._loop.remove_reader(self._master_fd)
            os.close(self._master_fd)
            self._master_fd = None
        if self._slave_fd is not None:
            os.close(self._slave_fd)
            self._slave_fd = None

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

    # ------------------------------------------------------------------ calls

    async def ring(
        self,
        caller: str,
        *,
        rings: int = 3,
        interval: float = 1.0,
        clip_type: int = 145,
        clip: bool = True,
    ) -> bool:
        """Play an incoming call from ``caller`` ("" = withheld); True if it was rejected.

        Sends ``RING`` (and ``+CLIP`` when caller ID is on and ``clip`` is true) up to
        ``rings`` times, ``interval`` seconds apart, stopping as soon as the kiosk hangs
        up (ATH / AT+CHUP) or answers (ATA). If neither happens the caller gives up one
        interval after the last ring and ``NO CARRIER`` is sent. A call asked for while
        another is ringing starts when that one has ended.
        """
        async with self._line:
            return await self._play_call(caller, rings, interval, clip_type, clip)

    async def _play_call(
        self, caller: str, rings: int, interval: float, clip_type: int, clip: bool
    ) -> bool:
        call = _SimulatedCall()
        self._call = call
        try:
            for _ in range(rings):
                if call.ended.is_set():
                    break
                self._write(b"\r\nRING\r\n")
                if clip and self.caller_id_enabled.is_set():
                    self._write(_clip_line(caller, clip_type))
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(interval):
                        await call.ended.wait()
            if not call.ended.is_set():
                self._write(b"\r\nNO CARRIER\r\n")
            return call.hung_up
        finally:
            self._call = None

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
        *complete, rest = _LINE_END.split(bytes(self._buffer))
        self._buffer = bytearray(rest[-_MAX_COMMAND:])
        for raw in complete:
            command = raw.decode("ascii", errors="replace").strip()
            if command:
                self._handle(command)

    def _handle(self, command: str) -> None:
        self.commands.append(command)
        self._command_seen.set()
        if self.echo:
            self._write(command.encode("ascii", errors="replace") + b"\r")
        key = _normalise(command)
        if key in _OK_COMMANDS:
            self._reply()
        elif key in ("ATE0", "ATE1", "ATE"):
            self.echo = key != "ATE0"
            self._reply()
        elif key == "AT+CLIP=1":
            self.caller_id_enabled.set()
            self._reply()
        elif key == "AT+CLIP=0":
            self.caller_id_enabled.clear()
            self._reply()
        elif key in _HANGUP_COMMANDS:
            self.hangups += 1
            if self._call is not None:
                self._call.hung_up = True
                self._call.ended.set()
            self._reply()
        elif key == "ATA":
            self.answered = True
            if self._call is not None:
                self._call.answered = True
                self._call.ended.set()
                self._reply()
            else:
                self._write(b"\r\nNO CARRIER\r\n")
        elif key == "AT+CPIN?":
            self._reply("+CPIN: READY" if self.sim_unlocked else "+CPIN: SIM PIN")
        elif key.startswith("AT+CPIN="):
            given = key.removeprefix("AT+CPIN=").strip('"')
            if self.sim_unlocked or given != self.sim_pin:
                self._write(b"\r\n+CME ERROR: 16\r\n")  # incorrect password
            else:
                self.sim_unlocked = True
                self._reply()
        elif key == "AT+CLIP?":
            self._reply(f"+CLIP: {int(self.caller_id_enabled.is_set())},1")
        elif key in _INFO_COMMANDS:
            self._reply(_INFO_COMMANDS[key])
        else:
            self._write(b"\r\nERROR\r\n")

    def _reply(self, *info: str) -> None:
        body = b"".join(b"\r\n" + line.encode("ascii") + b"\r\n" for line in info)
        self._write(body + b"\r\nOK\r\n")

    def _write(self, data: bytes) -> None:
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


def _clip_line(caller: str, clip_type: int) -> bytes:
    if caller:
        return f'\r\n+CLIP: "{caller}",{clip_type},"",,"",0\r\n'.encode("ascii")
    return f'\r\n+CLIP: "",{_TYPE_ABSENT},"",,"",{_CLI_WITHHELD}\r\n'.encode("ascii")


async def _main(caller: str) -> None:
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
        async with ModemSimulator() as sim:
            print(f"Simulated modem on {sim.port}")
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
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_main(sys.argv[1] if len(sys.argv) > 1 else "+919812345678"))
