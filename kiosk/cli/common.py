"""What every command shares: the setting options, reading settings, and exit codes.

A command's handler takes the parsed options and returns the process exit status;
:func:`with_settings` turns a handler that needs :class:`Settings` into one that reads
them first and explains a bad configuration (exit 2) instead of a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from pydantic import ValidationError

from kiosk.config.settings import Settings, describe_settings_error, load_settings
from kiosk.ops.logs import configure_logging

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_ERROR = 2

Handler = Callable[[argparse.Namespace], int]
SettingsHandler = Callable[[argparse.Namespace, Settings], int]

# Options every subcommand accepts; each maps to the Settings field of the same name.
SETTING_OPTIONS: tuple[tuple[str, str], ...] = (
    ("--source", "where calls are heard: modem, twilio, exotel, plivo, http-json"),
    ("--modem-port", "serial device or pyserial URL of the modem"),
    ("--sim-pin", "PIN of the modem's SIM card, if it is locked"),
    ("--provider-base-url", "telephony provider API base URL (for sandboxes and tests)"),
    ("--dial-number", "the number customers dial (shown on screen)"),
    ("--region", "country for numbers written without +country code (default IN)"),
    ("--callback-url", "merchant backend URL that receives results"),
    ("--callback-secret", "Standard Webhooks signing secret, whsec_..."),
    ("--timeout", "seconds a customer has to dial (default 120)"),
    ("--database-url", "SQLAlchemy database URL (default: SQLite in the data directory)"),
    ("--kiosk-id", "name of this kiosk, sent with every result"),
)


def common_options(without: set[str] | frozenset[str] = frozenset()) -> argparse.ArgumentParser:
    """Options every command takes; each maps to the Settings field of the same name."""
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--config", help="TOML config file (default: in the config directory)")
    for flag, text in SETTING_OPTIONS:
        if flag not in without:
            common.add_argument(flag, help=text)
    common.add_argument("--demo", action="store_true", help="simulated modem and sample customers")
    common.add_argument("-v", "--verbose", action="store_true", help="log everything (to stderr)")
    return common


def settings_from(options: argparse.Namespace) -> Settings:
    """Settings from the config file and environment, overridden by given options."""
    given = vars(options)
    overrides = {field: given[field] for field in Settings.model_fields if field in given}
    return load_settings(given.get("config"), **overrides)


def with_settings(run: SettingsHandler) -> Handler:
    """A handler that reads the settings and sets up logging before ``run``.

    A bad configuration is explained on stderr with exit 2, as is an unexpected error
    (its traceback goes to the log file).
    """

    def handler(options: argparse.Namespace) -> int:
        try:
            settings = settings_from(options)
        except ValidationError as exc:
            for line in describe_settings_error(exc):
                print(line, file=sys.stderr)
            return EXIT_ERROR
        except (OSError, ValueError) as exc:  # an unreadable or malformed config file
            print(f"Could not read the configuration: {exc}", file=sys.stderr)
            return EXIT_ERROR
        configure_logging(verbose=settings.verbose, log_dir=settings.effective_log_dir)
        try:
            return run(options, settings)
        except Exception as exc:
            logging.getLogger("kiosk").debug("Stopped by an error", exc_info=True)
            print(f"Error: {exc}", file=sys.stderr)
            return EXIT_ERROR

    return handler
