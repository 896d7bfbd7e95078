"""The registry of command groups: ``app.py`` builds the parser from it.

Each module registers its subcommands with ``register(commands, common)`` and sets the
handler the parsed options dispatch to (``options.handler``); adding a command is adding
a module here, never another branch in ``app.py``.
"""

from __future__ import annotations

import argparse
from typing import Protocol

from kiosk.cli import customers, doctor, modem, outbox, reports, selftest, staff_pin, verify


class CommandGroup(Protocol):
    """A module of commands."""

    def register(
        self,
        commands: argparse._SubParsersAction[argparse.ArgumentParser],
        common: argparse.ArgumentParser,
    ) -> None:
        """Add this group's subcommands, each with ``handler`` in its defaults."""


#: In the order ``--help`` lists them.
COMMAND_GROUPS: tuple[CommandGroup, ...] = (
    verify,
    outbox,
    modem,
    doctor,
    selftest,
    customers,
    reports,
    staff_pin,
)
