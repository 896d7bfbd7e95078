"""The ``doctor`` and ``diagnostics`` commands for installers and support.

Both run even when the configuration is broken: that is the first thing they report.
``doctor`` prints the checklist (``--json``: as data) and exits 1 when a check failed;
``diagnostics --output FILE.zip`` writes the support bundle.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from kiosk.cli.common import EXIT_ERROR, EXIT_OK, EXIT_PROBLEM, settings_from
from kiosk.config.paths import config_path, default_log_dir
from kiosk.config.settings import Settings
from kiosk.config.unknown import warn_about_unknown_settings
from kiosk.ops.diagnostics import default_bundle_path, write_bundle
from kiosk.ops.doctor import DoctorReport, diagnose
from kiosk.ops.logs import configure_logging

Loader = Callable[[argparse.Namespace], Settings]


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``doctor`` and ``diagnostics``; both read the settings themselves."""
    doctor = commands.add_parser(
        "doctor", parents=[common], help="check everything this kiosk needs, in plain words"
    )
    doctor.add_argument("--json", action="store_true", help="print the checklist as JSON")
    doctor.set_defaults(handler=lambda options: run_doctor(options, settings_from))
    diagnostics = commands.add_parser(
        "diagnostics", parents=[common], help="save logs and checks in a zip for support"
    )
    diagnostics.add_argument("--output", help="the zip file to write (default: a dated name)")
    diagnostics.set_defaults(handler=lambda options: run_diagnostics(options, settings_from))


def run_doctor(options: argparse.Namespace, load: Loader, *, out: TextIO | None = None) -> int:
    """Check this kiosk and print the checklist; 0 when nothing failed, 1 otherwise."""
    out = out or sys.stdout
    report, _ = _diagnose(options, load)
    if options.json:
        print(report.to_json(), file=out)
    else:
        print("Checking this kiosk…\n", file=out)
        for line in report.lines():
            print(line, file=out)
    return EXIT_OK if report.ok else EXIT_PROBLEM


def run_diagnostics(options: argparse.Namespace, load: Loader, *, out: TextIO | None = None) -> int:
    """Write the diagnostics bundle and say where it is."""
    out = out or sys.stdout
    report, settings = _diagnose(options, load)
    kiosk_id = settings.kiosk_id if settings is not None else "kiosk"
    output = Path(options.output) if options.output else default_bundle_path(kiosk_id, Path.cwd())
    try:
        written = write_bundle(
            output, report=report, settings=settings, config_file=getattr(options, "config", None)
        )
    except OSError as exc:
        print(f"Cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Diagnostics saved to {written}. Send this file to support.", file=out)
    print(f"Checklist: {report.summary}", file=out)
    return EXIT_OK


def _diagnose(options: argparse.Namespace, load: Loader) -> tuple[DoctorReport, Settings | None]:
    """Run the checks; logs go to the log file only (the checklist is the output)."""
    settings: Settings | None = None
    failure: Exception | None = None
    try:
        settings = load(options)
    except (ValidationError, OSError, ValueError) as exc:
        failure = exc

    def loaded() -> Settings:
        if settings is None:
            raise failure or ValueError("no settings")
        return settings

    verbose = bool(getattr(options, "verbose", False))
    log_dir = settings.effective_log_dir if settings is not None else default_log_dir()
    configure_logging(verbose=verbose, log_dir=log_dir, console=verbose)
    warn_about_unknown_settings(config_path(getattr(options, "config", None)))
    report = asyncio.run(diagnose(loaded, config_file=getattr(options, "config", None)))
    return report, settings
