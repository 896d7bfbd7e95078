"""The ``staff-pin`` command: ask for a new staff PIN and print its hash for the config file."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TextIO

from kiosk.domain.pin import MAX_DIGITS, MIN_DIGITS, InvalidPin, PinProblem, hash_pin

#: Why a PIN is refused, in the words the installer reads.
REFUSALS = {
    PinProblem.NOT_DIGITS: "The PIN must be digits only.",
    PinProblem.TOO_SHORT: f"The PIN needs at least {MIN_DIGITS} digits.",
    PinProblem.TOO_LONG: f"The PIN can have at most {MAX_DIGITS} digits.",
    PinProblem.SEQUENCE: "Digits counting up or down (like 123456 or 987654) are the first "
    "ones anybody tries. Choose digits in no order.",
    PinProblem.REPEATED: "Repeated digits (like 111111, 121212 or 123123) are the first ones "
    "anybody tries. Use at least three different digits in no pattern.",
}


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``staff-pin`` (it needs no settings)."""
    del common
    pin = commands.add_parser("staff-pin", help="make the staff_pin_hash line for the config file")
    pin.set_defaults(handler=lambda _options: run_staff_pin())


def run_staff_pin(ask: Callable[[str], str] = getpass.getpass, out: TextIO = sys.stdout) -> int:
    """Ask twice for the PIN; print ``staff_pin_hash = "..."``. 0 on success, 2 otherwise."""
    pin = ask(f"New staff PIN ({MIN_DIGITS} to {MAX_DIGITS} digits): ")
    if ask("The same PIN again: ") != pin:
        print("The two PINs differ; nothing changed.", file=sys.stderr)
        return 2
    try:
        hashed = hash_pin(pin)
    except InvalidPin as exc:
        print(f"{REFUSALS[exc.problem]} Nothing changed.", file=sys.stderr)
        return 2
    print(
        "Put this line in the config file, or the part after '=' in KIOSK_STAFF_PIN_HASH "
        "or the systemd credential staff_pin_hash (see the README):",
        file=sys.stderr,
    )
    print(f'staff_pin_hash = "{hashed}"', file=out)
    return 0
