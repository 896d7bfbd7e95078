"""Composition root: the command line, settings, logging, and the choice of front-end."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from kiosk import __version__
from kiosk.config import Settings, describe_settings_error, load_settings
from kiosk.logsetup import configure_logging

# Options every subcommand accepts; each maps to the Settings field of the same name.
_SETTING_OPTIONS: tuple[tuple[str, str], ...] = (
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


def build_parser() -> argparse.ArgumentParser:
    """The ``missedcall-kiosk`` command line."""
    common = _common_options()

    parser = argparse.ArgumentParser(
        prog="missedcall-kiosk",
        description="Verify that a customer holds a phone number with a missed call. "
        "Without a subcommand, opens the kiosk screen.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    screen = parser.add_argument_group("kiosk screen")
    for flag, field, text in (
        ("--kiosk", "kiosk_mode", "full screen; only the staff PIN leaves it"),
        ("--customer-screen", "customer_screen", "customer-facing window on the second monitor"),
    ):
        screen.add_argument(
            flag, dest=field, action="store_true", default=argparse.SUPPRESS, help=text
        )
    screen.add_argument("--language", default=argparse.SUPPRESS, help="en or hi")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    verify = commands.add_parser(
        "verify", parents=[common], help="one verification without a screen"
    )
    who = verify.add_mutually_exclusive_group(required=True)
    who.add_argument("--reference", help="order or member reference of the customer")
    who.add_argument("--phone", help="phone number to verify (any format)")
    verify.add_argument("--json", action="store_true", help="print the result as JSON")
    verify.add_argument(
        "--sms",
        action="store_true",
        help="also send a one-time code by SMS and read the code typed on standard input",
    )

    box = commands.add_parser(
        "outbox", parents=[common], help="results waiting to be sent to the backend"
    )
    box.add_argument("action", nargs="?", choices=["list", "retry"], default="list")

    modem = commands.add_parser("modem", help="modem diagnostics for installers")
    modem_actions = modem.add_subparsers(dest="modem_action", metavar="ACTION", required=True)
    # --timeout means "listen this long" here, not the time to dial.
    modem_common = _common_options(without={"--timeout"})
    modem_common.add_argument("--port", dest="modem_port", help="the modem's serial port")
    modem_common.add_argument("--json", action="store_true", default=False, help="print JSON")
    modem_actions.add_parser("probe", parents=[modem_common], help="find ports that answer AT")
    modem_actions.add_parser(
        "status", parents=[modem_common], help="SIM, network, signal, caller ID"
    )
    listen = modem_actions.add_parser(
        "listen", parents=[modem_common], help="print each incoming call as it is rejected"
    )
    listen.add_argument("--count", type=int, help="stop after this many calls")
    listen.add_argument(
        "--timeout", dest="listen_timeout", type=float, help="stop after this many seconds"
    )
    box.add_argument("--json", action="store_true", help="print the list as JSON")

    doctor = commands.add_parser(
        "doctor", parents=[common], help="check everything this kiosk needs, in plain words"
    )
    doctor.add_argument("--json", action="store_true", help="print the checklist as JSON")
    diagnostics = commands.add_parser(
        "diagnostics", parents=[common], help="save logs and checks in a zip for support"
    )
    diagnostics.add_argument("--output", help="the zip file to write (default: a dated name)")
    selftest = commands.add_parser(
        "selftest", help="check that the installed app has all its parts (no screen needed)"
    )
    selftest.add_argument("--screenshot", help="save the rendered main window as PNG")

    from kiosk.cli_customers import add_parser as add_customers_parser

    add_customers_parser(commands, common)

    from kiosk.cli_reports import add_parsers as add_report_parsers

    add_report_parsers(commands, common)
    commands.add_parser("staff-pin", help="make the staff_pin_hash line for the config file")
    return parser


def _common_options(without: set[str] | frozenset[str] = frozenset()) -> argparse.ArgumentParser:
    """Options every command takes; each maps to the Settings field of the same name."""
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--config", help="TOML config file (default: in the config directory)")
    for flag, text in _SETTING_OPTIONS:
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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``missedcall-kiosk`` console script; 2 means an error."""
    options = build_parser().parse_args(argv)
    if getattr(options, "command", None) == "selftest":
        from kiosk.selftest import run_selftest

        return run_selftest(options.screenshot)
    if getattr(options, "command", None) in ("doctor", "diagnostics"):
        from kiosk.cli_doctor import run_diagnostics, run_doctor  # report a bad config too

        run = run_doctor if options.command == "doctor" else run_diagnostics
        return run(options, settings_from)
    try:
        settings = settings_from(options)
    except ValidationError as exc:
        for line in describe_settings_error(exc):
            print(line, file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:  # an unreadable or malformed config file
        print(f"Could not read the configuration: {exc}", file=sys.stderr)
        return 2
    configure_logging(verbose=settings.verbose, log_dir=settings.effective_log_dir)
    try:
        return _run(options, settings)
    except Exception as exc:
        logging.getLogger("kiosk").debug("Stopped by an error", exc_info=True)
        print(f"Error: {exc}", file=sys.stderr)
        return 2


def _run(options: argparse.Namespace, settings: Settings) -> int:
    command = getattr(options, "command", None)
    if command == "staff-pin":
        from kiosk.cli_pin import run_staff_pin

        return run_staff_pin()
    if command == "verify":
        from kiosk.cli import run_verify

        return run_verify(
            settings,
            reference=options.reference,
            phone=options.phone,
            as_json=options.json,
            sms=options.sms,
        )
    if command == "modem":
        from kiosk.cli_modem import run_modem

        return run_modem(settings, action=options.modem_action, options=options)
    if command == "outbox":
        from kiosk.cli import run_outbox

        return run_outbox(settings, action=options.action, as_json=options.json)

    if command == "customers":
        from kiosk.cli_customers import run_customers

        return run_customers(settings, options)
    if command == "report":
        from kiosk.cli_reports import run_report

        return run_report(
            settings, days=options.days, only_kiosk=options.only_kiosk, as_json=options.json
        )
    if command == "purge":
        from kiosk.cli_reports import run_purge

        return run_purge(settings, export=options.export)

    from kiosk.ui.launch import run_gui

    return run_gui(settings)


if __name__ == "__main__":
    logging.captureWarnings(True)
    sys.exit(main())
