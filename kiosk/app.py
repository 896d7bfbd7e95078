"""Composition root: builds the command line from the registry and runs what was asked.

With no subcommand the kiosk screen opens; every subcommand lives in :mod:`kiosk.cli`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from kiosk import __version__
from kiosk.cli.commands import COMMAND_GROUPS
from kiosk.cli.common import add_setting_options, common_options, with_settings
from kiosk.config.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    """The ``missedcall-kiosk`` command line."""
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="missedcall-kiosk",
        description="Verify that a customer holds a phone number with a missed call. "
        "Without a subcommand, opens the kiosk screen.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_setting_options(parser.add_argument_group("kiosk screen"), kiosk_screen=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``missedcall-kiosk`` console script; 2 means an error."""
    options = build_parser().parse_args(argv)
    handler = getattr(options, "handler", None) or with_settings(_run_gui)
    return handler(options)


def _run_gui(_options: argparse.Namespace, settings: Settings) -> int:
    from kiosk.ui.launch import run_gui

    return run_gui(settings)


if __name__ == "__main__":
    logging.captureWarnings(True)
    sys.exit(main())
