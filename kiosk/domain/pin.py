"""Staff PINs: stored only as a salted scrypt hash, checked in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets

#: The PIN that unlocks a demo kiosk when no ``staff_pin_hash`` is configured.
DEMO_PIN = "1234"
_SCHEME = "scrypt"
_N, _R, _P = 2**14, 8, 1


class InvalidPin(ValueError):
    """A PIN that cannot be used; the message says why in plain words."""


def hash_pin(pin: str) -> str:
    """A storable hash of ``pin``: ``scrypt$<salt hex>$<hash hex>``."""
    if not pin.isdigit() or not 4 <= len(pin) <= 12:
        raise InvalidPin("The PIN must be 4 to 12 digits.")
    salt = secrets.token_bytes(16)
    return f"{_SCHEME}${salt.hex()}${_derive(pin, salt).hex()}"


def check_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches a hash made by :func:`hash_pin`."""
    try:
        scheme, salt, expected = stored.split("$")
        salt_bytes, expected_bytes = bytes.fromhex(salt), bytes.fromhex(expected)
    except ValueError:
        return False
    if scheme != _SCHEME:
        return False
    return hmac.compare_digest(_derive(pin, salt_bytes), expected_bytes)


def is_pin_hash(value: str) -> bool:
    """True when ``value`` has the shape of a :func:`hash_pin` result."""
    parts = value.split("$")
    if len(parts) != 3 or parts[0] != _SCHEME:
        return False
    try:
        bytes.fromhex(parts[1])
        bytes.fromhex(parts[2])
    except ValueError:
        return False
    return bool(parts[1] and parts[2])


def _derive(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
