"""Staff PINs: which PINs are allowed, and their salted scrypt hash, checked in constant time.

A new PIN has 6 to 12 digits and is not a run (123456, 987654) or a repetition (111111,
121212, 123123). Its hash reads ``scrypt:N:r:p:<salt hex>:<hash hex>``: only letters,
digits and colons, so it survives a shell, an ``Environment=`` line or an environment.d
file of systemd and a ``.env`` file unchanged (none of them touches those characters; a
``$`` or ``%`` would be expanded). Hashes of the first format, ``scrypt$<salt>$<hash>``,
still unlock (an installed kiosk must not go dark), but :func:`is_legacy_pin_hash` tells
the doctor to ask for a new one: they were made when four digits were enough.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import secrets
from enum import Enum

#: The PIN that unlocks a demo kiosk when no ``staff_pin_hash`` is configured.
DEMO_PIN = "1234"
MIN_DIGITS, MAX_DIGITS = 6, 12
_SCHEME = "scrypt"
_N, _R, _P = 2**14, 8, 1
_MAX_MEMORY = 64 * 2**20  # scrypt needs 128·N·r bytes; a hash asking for more is refused
_FEWEST_DIFFERENT_DIGITS = 3


class PinProblem(Enum):
    """Why a new PIN is refused."""

    NOT_DIGITS = "not_digits"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    SEQUENCE = "sequence"  # 123456, 987654, 890123
    REPEATED = "repeated"  # 111111, 121212, 123123, 100100


class InvalidPin(ValueError):
    """A PIN that cannot be used; :attr:`problem` says why."""

    def __init__(self, problem: PinProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def pin_problem(pin: str) -> PinProblem | None:
    """Why ``pin`` may not become the staff PIN, or None when it may."""
    if not pin.isascii() or not pin.isdigit():
        return PinProblem.NOT_DIGITS
    if len(pin) < MIN_DIGITS:
        return PinProblem.TOO_SHORT
    if len(pin) > MAX_DIGITS:
        return PinProblem.TOO_LONG
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {9}):
        return PinProblem.SEQUENCE
    if len(set(pin)) < _FEWEST_DIFFERENT_DIGITS or _one_block_repeated(pin):
        return PinProblem.REPEATED
    return None


def hash_pin(pin: str) -> str:
    """A storable hash of an allowed ``pin``; raises :class:`InvalidPin` otherwise."""
    if (problem := pin_problem(pin)) is not None:
        raise InvalidPin(problem)
    salt = secrets.token_bytes(16)
    derived = _derive(pin, salt, _N, _R, _P)
    return ":".join((_SCHEME, str(_N), str(_R), str(_P), salt.hex(), derived.hex()))


def check_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored`` (either format)."""
    parsed = _parse(stored)
    if parsed is None or not pin:
        return False
    n, r, p, salt, expected = parsed
    return hmac.compare_digest(_derive(pin, salt, n, r, p), expected)


def is_pin_hash(value: str) -> bool:
    """True when ``value`` has the shape of a PIN hash (either format)."""
    return _parse(value) is not None


def is_legacy_pin_hash(value: str) -> bool:
    """True for a hash of the first format (``$``-separated, made when 4 digits were allowed)."""
    return value.startswith(_SCHEME + "$") and is_pin_hash(value)


def _parse(value: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = value.split("$") if "$" in value else value.split(":")
    if len(parts) == 3:
        parts = [parts[0], str(_N), str(_R), str(_P), parts[1], parts[2]]
    if len(parts) != 6 or parts[0] != _SCHEME or not all(parts[4:]):
        return None
    try:
        n, r, p = (int(part) for part in parts[1:4])
        salt, expected = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        return None
    if n < 2 or n & (n - 1) or not 1 <= r <= 32 or not 1 <= p <= 16 or 128 * n * r > _MAX_MEMORY:
        return None
    return n, r, p, salt, expected


def _one_block_repeated(pin: str) -> bool:
    return any(
        pin == pin[:size] * (len(pin) // size)
        for size in range(1, len(pin) // 2 + 1)
        if len(pin) % size == 0
    )


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=_MAX_MEMORY + 2**20, dklen=32
    )
