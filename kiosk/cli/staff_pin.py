"""The ``staff-pin`` command: ask for a new staff PIN and print its hash for the config file."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TextIO

from kiosk.domain.pin import InvalidPin, hash_pin


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``staff-pin`` (it needs no settings)."""
    del common
    pin = commands.add_parser("staff-pin", help="make the staff_pin_hash line for the config file")
    pin.set_defaults(handler=lambda _options: run_staff_pin())


def run_staff_pin(ask: Callable[[str], str] = getpass.getpass, out: TextIO = sys.stdout) -> int:
    """Ask twice for the PIN; print ``staff_pin_hash = "..."``. 0 on success, 2 otherwise."""
    pin = ask("New staff PIN (4 to 12 digits): ")
    if ask("The same PIN again: ") != pin:
        print("The two PINs differ; nothing changed.", file=sys.stderr)
        return 2
    try:
        hashed = hash_pin(pin)
    except InvalidPin as exc:
        print(exc, file=sys.stderr)
        return 2
    print("Put this line in the config file (or set KIOSK_STAFF_PIN_HASH):", file=sys.stderr)
    print(f'staff_pin_hash = "{hashed}"', file=out)
    return 0
