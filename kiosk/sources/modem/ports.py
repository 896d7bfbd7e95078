"""Finding the modem: which serial ports exist, and which of them answer ``AT``.

Used by ``modem probe`` and by the modem source when the port is set to ``auto`` (the modem
came back as another ``/dev/ttyUSBn``). ``/dev/serial/by-id/...`` names come first: they
stay the same when the modem is re-plugged, so they are the ones to write in the config.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable

import serial
from serial.tools import list_ports

#: The port setting that asks the modem source to look for the modem itself.
AUTO = "auto"
#: Where modems appear: stable by-id links first, then the kernel names.
DEFAULT_PATTERNS = ("/dev/serial/by-id/*", "/dev/ttyUSB*", "/dev/ttyACM*")
_KERNEL_KINDS = ("ttyUSB", "ttyACM", "COM", "cu.")


def candidate_ports(patterns: Iterable[str] = DEFAULT_PATTERNS) -> list[str]:
    """Serial ports that may be a modem, stable names first, without repeats."""
    found: list[str] = []
    for pattern in patterns:
        found.extend(sorted(glob.glob(pattern)))
    if tuple(patterns) == DEFAULT_PATTERNS:  # also what pyserial knows (Windows, macOS)
        found.extend(
            p.device for p in list_ports.comports() if any(k in p.device for k in _KERNEL_KINDS)
        )
    return list(dict.fromkeys(found))


def answers_at(port: str, baudrate: int = 115200, timeout: float = 1.0) -> bool:
    """True when ``port`` opens and answers ``AT`` with ``OK`` (blocking; run in a thread)."""
    try:
        with serial.serial_for_url(port, baudrate, timeout=timeout) as link:
            link.reset_input_buffer()
            link.write(b"AT\r")
            return b"OK" in link.read_until(b"OK", 256)
    except (OSError, serial.SerialException, ValueError):
        return False


def find_modem(patterns: Iterable[str] = DEFAULT_PATTERNS, baudrate: int = 115200) -> str | None:
    """The first candidate port that answers ``AT``, or None (blocking; run in a thread)."""
    return next((port for port in candidate_ports(patterns) if answers_at(port, baudrate)), None)
