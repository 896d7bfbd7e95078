"""What every command shares: the setting options, reading settings, and exit codes.

A command's handler takes the parsed options and returns the process exit status;
:func:`with_settings` turns a handler that needs :class:`Settings` into one that reads
them first, warns about unknown keys in the config file and ``KIOSK_*`` variables, and
explains a bad configuration (exit 2) instead of a traceback. Every setting's option is
generated from its declaration (:data:`kiosk.config.settings.SETTINGS`).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from pydantic import ValidationError

from kiosk.config.metadata import SettingInfo
from kiosk.config.secret_files import FILE_SUFFIX, secrets_on_command_line
from kiosk.config.settings import SETTINGS, Settings, describe_settings_error, load_settings
from kiosk.config.unknown import warn_about_unknown_settings
from kiosk.ops.logs import configure_logging

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_ERROR = 2

Handler = Callable[[argparse.Namespace], int]
SettingsHandler = Callable[[argparse.Namespace, Settings], int]


def common_options(without: set[str] | frozenset[str] = frozenset()) -> argparse.ArgumentParser:
    """Options every command takes: ``--config``, and each setting's flag (but ``without``)."""
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--config", help="TOML config file (default: in the config directory)")
    add_setting_options(common, kiosk_screen=False, without=without)
    return common


def add_setting_options(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup,
    *,
    kiosk_screen: bool,
    without: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Add the flag of every setting that has one, for every command or the kiosk screen.

    An option not given is absent from the parsed options (``SUPPRESS``), so it never
    overrides the environment or the config file; a yes/no setting is a switch.
    """
    for info in SETTINGS:
        flag = info.flag
        if flag is None or flag.kiosk_screen != kiosk_screen or without & set(flag.names):
            continue
        parser.add_argument(
            *flag.names,
            dest=info.name,
            action="store_true" if info.switch else "store",
            default=argparse.SUPPRESS,
            help=help_text(info),
        )


def help_text(info: SettingInfo) -> str:
    """The ``--help`` line of a setting: its meaning and default, without Markdown."""
    text = info.meaning
    if not info.switch and not info.shown_default.startswith("none"):
        text += f" (default: {info.shown_default})"
    return text.replace("`", "").replace("%", "%%")


def settings_from(options: argparse.Namespace) -> Settings:
    """Settings from the config file and environment, overridden by given options.

    A secret given as an option is used, with a warning on stderr: ``ps`` shows it.
    """
    given = vars(options)
    overrides = {field: given[field] for field in Settings.model_fields if field in given}
    for info in secrets_on_command_line(SETTINGS, overrides):
        assert info.flag is not None
        flag = info.flag.names[-1]
        print(
            f"Warning: {flag} puts a secret on the command line, where every user of this "
            "computer can read it (ps) and the shell history keeps it. Use "
            f"{flag}{FILE_SUFFIX.replace('_', '-')} FILE, the {info.env} variable or a systemd "
            "credential instead (see the README).",
            file=sys.stderr,
        )
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
        if settings.config_file is not None:
            warn_about_unknown_settings(settings.config_file)
        try:
            return run(options, settings)
        except Exception as exc:
            logging.getLogger("kiosk").debug("Stopped by an error", exc_info=True)
            print(f"Error: {exc}", file=sys.stderr)
            return EXIT_ERROR

    return handler
