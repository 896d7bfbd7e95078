"""The simulator's wire: a real pseudo-terminal pair, read and written on the asyncio loop.

:class:`PseudoTerminal` opens a pty pair in raw mode; the kiosk opens the far end
(:attr:`PseudoTerminal.path`, e.g. ``/dev/pts/7``) exactly as it would open
``/dev/ttyUSB0``, so tests go through pyserial, termios and the asyncio transport.
Bytes the kiosk writes arrive through ``add_reader`` (which the qasync Qt loop also
offers); a ``link`` can follow the pty the way ``/dev/serial/by-id/...`` follows a modem
that comes back as another ``/dev/ttyUSBn``. POSIX only.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("kiosk.simulator")

#: Bytes written at a time, and the pause between them, when writes are split.
_PIECE = 3
_PIECE_PAUSE = 0.0005


class PseudoTerminal:
    """One pty pair: :meth:`write` sends to the kiosk, what it sends goes to ``on_data``."""

    def __init__(self, on_data: Callable[[bytes], None], *, split_writes: bool = False) -> None:
        """Hand received bytes to ``on_data``; ``split_writes`` sends a few bytes at a time."""
        self._on_data = on_data
        self._split_writes = split_writes
        self._loop: asyncio.AbstractEventLoop | None = None
        self._master_fd: int | None = None
        self._slave_fd: int | None = None
        self._path: str | None = None
        self._link: Path | None = None
        self._pending_out = bytearray()
        self._draining = False

    @property
    def path(self) -> str | None:
        """The far end's device, or None while closed."""
        return self._path

    @property
    def is_open(self) -> bool:
        """True between :meth:`open` and :meth:`close`."""
        return self._master_fd is not None

    def open(self, loop: asyncio.AbstractEventLoop, link: Path | None = None) -> None:
        """Open a new pty pair on ``loop``; point ``link`` (if given) at its far end."""
        import tty  # POSIX only; imported here so the module still imports on Windows

        master, slave = os.openpty()
        tty.setraw(slave)  # no echo or CR/LF translation before the kiosk opens the port
        os.set_blocking(master, False)
        self._loop = loop
        self._master_fd, self._slave_fd = master, slave
        self._path = os.ttyname(slave)
        self._pending_out.clear()
        self._link = link
        if link is not None:
            temporary = link.with_name(link.name + ".new")
            temporary.unlink(missing_ok=True)
            temporary.symlink_to(self._path)
            temporary.replace(link)  # atomic, like udev updating the by-id link
        loop.add_reader(master, self._on_readable)

    def close(self) -> None:
        """Close both ends (the kiosk's reads fail) and remove the ``link``."""
        if self._master_fd is not None:
            if self._loop is not None:
                self._loop.remove_reader(self._master_fd)
            os.close(self._master_fd)
            self._master_fd = None
        if self._slave_fd is not None:
            os.close(self._slave_fd)
            self._slave_fd = None
        self._path = None
        if self._link is not None:
            self._link.unlink(missing_ok=True)

    def write(self, data: bytes) -> None:
        """Send ``data`` to the kiosk (dropped while closed or while nobody reads)."""
        if self._master_fd is None:
            return
        if self._split_writes:
            self._pending_out.extend(data)
            if not self._draining and self._loop is not None:
                self._draining = True
                self._loop.call_soon(self._drain)
            return
        self._write_now(data)

    def _on_readable(self) -> None:
        if self._master_fd is None:
            return
        try:
            data = os.read(self._master_fd, 4096)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:  # EIO: no slave open (cannot happen while we hold one)
            return
        self._on_data(data)

    def _drain(self) -> None:
        """Write the next few bytes, then come back: the kiosk reads lines in pieces."""
        piece = bytes(self._pending_out[:_PIECE])
        del self._pending_out[:_PIECE]
        self._write_now(piece)
        if self._pending_out and self._loop is not None:
            self._loop.call_later(_PIECE_PAUSE, self._drain)
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
