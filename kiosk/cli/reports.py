"""The ``report`` and ``purge`` commands: verification statistics, and retention on demand.

``report`` prints, per day and kiosk, how many verifications finished, how many were
verified (success rate) and the median time from start to call; ``--json`` for
machines. ``purge`` removes records older than the retention period after writing an
audit export (phone numbers masked); it keeps any result not yet sent.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from kiosk.cli.common import EXIT_OK, with_settings
from kiosk.config.settings import Settings
from kiosk.core.customer_data import CustomerData
from kiosk.domain.clock import SystemClock
from kiosk.domain.report import DayReport
from kiosk.store.database import Database
from kiosk.store.retention import EXPORT_FORMATS


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``report`` and ``purge``."""
    report = commands.add_parser(
        "report", parents=[common], help="verifications per day and kiosk: success rate, speed"
    )
    report.add_argument("--days", type=int, default=7, help="how many days back (default 7)")
    report.add_argument("--only-kiosk", dest="only_kiosk", help="one kiosk only")
    report.add_argument("--json", action="store_true", help="print JSON")
    report.set_defaults(
        handler=with_settings(
            lambda options, settings: run_report(
                settings, days=options.days, only_kiosk=options.only_kiosk, as_json=options.json
            )
        )
    )
    purge = commands.add_parser(
        "purge", parents=[common], help="delete old records after an audit export"
    )
    purge.add_argument(
        "--days", dest="retention_days", type=int, help="keep this many days (default: setting)"
    )
    purge.add_argument("--export", type=Path, help="audit export file (default: in audit_dir)")
    purge.add_argument("--format", dest="audit_format", choices=EXPORT_FORMATS)
    purge.set_defaults(
        handler=with_settings(lambda options, settings: run_purge(settings, export=options.export))
    )


def run_report(
    settings: Settings,
    *,
    days: int,
    only_kiosk: str | None,
    as_json: bool,
    out: TextIO | None = None,
) -> int:
    """Print the report; returns the exit status."""
    out = out or sys.stdout
    with _customer_data(settings) as data:
        rows = asyncio.run(data.report(days=days, kiosk_id=only_kiosk))
    if as_json:
        print(json.dumps([_as_dict(row) for row in rows], indent=2), file=out)
        return EXIT_OK
    if not rows:
        print(f"No finished verifications in the last {days} days.", file=out)
        return EXIT_OK
    print(f"{'day':<10}  {'kiosk':<16} {'total':>6} {'verified':>8} {'success':>8} "
          f"{'median time':>11} {'expired':>7} {'cancelled':>9}", file=out)  # fmt: skip
    for row in rows:
        rate = f"{row.success_rate:.0%}" if row.success_rate is not None else "-"
        median = row.median_seconds_to_verify
        took = f"{median:.1f} s" if median is not None else "-"
        print(
            f"{row.day.isoformat():<10}  {row.kiosk_id[:16]:<16} {row.total:>6} {row.verified:>8} "
            f"{rate:>8} {took:>11} {row.expired:>7} {row.cancelled:>9}",
            file=out,
        )
    return EXIT_OK


def run_purge(settings: Settings, *, export: Path | None, out: TextIO | None = None) -> int:
    """Purge records older than ``retention_days``; returns the exit status."""
    out = out or sys.stdout
    with _customer_data(settings) as data:
        result = data.purge(export=export)
    if result is None:
        print("retention_days is 0: records are kept forever, nothing was purged.", file=out)
        return EXIT_OK
    print(
        f"Purged {result.verifications} verifications and {result.calls} call records older "
        f"than {settings.retention_days} days.",
        file=out,
    )
    if result.export:
        print(f"Audit export (numbers masked): {result.export}", file=out)
    if result.kept_unsent:
        print(f"Kept {result.kept_unsent} old results not yet sent to the backend.", file=out)
    return EXIT_OK


@contextlib.contextmanager
def _customer_data(settings: Settings) -> Iterator[CustomerData]:
    database = Database(settings.effective_database_url)
    try:
        database.migrate()
        yield CustomerData(database, settings, SystemClock())
    finally:
        database.dispose()


def _as_dict(row: DayReport) -> dict[str, object]:
    data = dataclasses.asdict(row)
    data["day"] = row.day.isoformat()
    data["success_rate"] = row.success_rate
    return data
