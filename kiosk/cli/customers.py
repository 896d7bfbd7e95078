"""The ``customers`` command: import a file (CSV or XLSX), pull from the backend, look up.

``customers import FILE`` shows a progress bar on a terminal, prints a summary, and
writes the rejected rows (line, column, value, reason) to a CSV report. Exit 0 when
every row was imported, 1 when some were rejected, 2 when the file could not be read.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import sys
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from kiosk.cli.common import EXIT_ERROR, EXIT_OK, with_settings
from kiosk.config.settings import Settings
from kiosk.core.customer_data import CustomerData
from kiosk.core.customer_sync import SyncFailed
from kiosk.domain.clock import SystemClock
from kiosk.domain.phone import mask
from kiosk.store.customers import find_customers
from kiosk.store.database import Database
from kiosk.store.importing.columns import ColumnProblem, parse_overrides
from kiosk.store.importing.files import UnreadableFile
from kiosk.store.importing.importer import ImportProgress, ImportResult

EXIT_REJECTED = 1


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``customers import|sync|find``."""
    customers = commands.add_parser("customers", help="import and look up customer records")
    actions = customers.add_subparsers(dest="customers_action", metavar="ACTION", required=True)
    load = actions.add_parser(
        "import", parents=[common], help="import a CSV or XLSX file (e.g. a day's manifest)"
    )
    load.add_argument("file", type=Path, help="the .csv or .xlsx file")
    load.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="which column holds a field (reference, name, phone), e.g. 'reference=Order No'",
    )
    load.add_argument("--report", type=Path, help="where to write rejected rows (CSV)")
    load.add_argument("--encoding", help="text encoding of a CSV file (default: detected)")
    load.add_argument("--json", action="store_true", help="print the summary as JSON")
    sync = actions.add_parser(
        "sync", parents=[common], help="pull customers from the merchant backend now"
    )
    sync.add_argument("--json", action="store_true", help="print the summary as JSON")
    find = actions.add_parser("find", parents=[common], help="look customers up")
    find.add_argument("text", help="reference, phone number (any format) or start of a name")
    find.add_argument("--json", action="store_true", help="print JSON (numbers masked)")
    customers.set_defaults(handler=with_settings(run_customers))


def run_customers(
    options: argparse.Namespace,
    settings: Settings,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the chosen ``customers`` action; returns the exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    database = Database(settings.effective_database_url)
    try:
        database.migrate()
        data = CustomerData(database, settings, SystemClock())
        if options.customers_action == "import":
            return _import(data, options, out, err)
        if options.customers_action == "sync":
            return asyncio.run(_sync(data, options.json, out, err))
        return _find(database, settings, options.text, options.json, out)
    finally:
        database.dispose()


def _import(data: CustomerData, options: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path: Path = options.file
    try:
        overrides = parse_overrides(options.map)
        with tqdm(
            total=1.0,
            file=err,
            disable=None,  # only on a terminal
            desc=f"Importing {path.name}",
            bar_format="{desc} {percentage:3.0f}%|{bar}| [{elapsed}<{remaining}]",
        ) as bar:

            def show(progress: ImportProgress) -> None:
                bar.set_description_str(
                    f"Importing {path.name}: {progress.rows:,} rows, "
                    f"{progress.rejected:,} rejected",
                    refresh=False,
                )
                bar.update(progress.fraction - bar.n)

            result = data.import_file(
                path,
                overrides=overrides,
                encoding=options.encoding,
                report=options.report,
                progress=show,
            )
    except (UnreadableFile, ColumnProblem) as exc:
        print(f"Nothing was imported. {exc}", file=err)
        return EXIT_ERROR
    for note in result.notes:
        print(f"Note: {note}", file=err)
    if options.json:
        print(json.dumps(_summary(result), indent=2), file=out)
    else:
        print(_sentence(result), file=out)
    return EXIT_REJECTED if result.rejected else EXIT_OK


async def _sync(data: CustomerData, as_json: bool, out: TextIO, err: TextIO) -> int:
    try:
        result = await data.sync_now()
    except SyncFailed as exc:
        print(f"{exc} The customers on file are unchanged; try again later.", file=err)
        return EXIT_REJECTED
    if result is None:
        print("No sync_url is set (KIOSK_SYNC_URL): there is nothing to pull from.", file=err)
        return EXIT_ERROR
    if as_json:
        print(json.dumps(dataclasses.asdict(result), indent=2), file=out)
    elif result.unchanged:
        print("Nothing new from the backend.", file=out)
    else:
        print(
            f"{result.received:,} customers received: {result.added:,} added, "
            f"{result.updated:,} updated, {result.skipped:,} skipped (no reference or no valid "
            "number).",
            file=out,
        )
    return EXIT_OK


def _summary(result: ImportResult) -> dict[str, object]:
    return {
        "file": str(result.file),
        "rows": result.rows,
        "added": result.added,
        "updated": result.updated,
        "duplicates": result.duplicates,
        "rejected": result.rejected,
        "resumed_after_line": result.resumed_after_line,
        "columns": result.columns,
        "report": str(result.report) if result.report else None,
    }


def _sentence(result: ImportResult) -> str:
    columns = ", ".join(
        f"{field} = '{header}'" for field, header in result.columns.items() if header
    )
    lines = [
        f"{result.rows:,} rows read ({columns}): {result.added:,} customers added, "
        f"{result.updated:,} updated, {result.rejected:,} rejected"
        + (f", {result.duplicates:,} duplicate rows skipped." if result.duplicates else ".")
    ]
    if result.resumed_after_line:
        lines.insert(
            0,
            f"Carried on from line {result.resumed_after_line:,}, where an earlier import stopped.",
        )
    if result.report:
        lines.append(f"Rows not imported, with the reason: {result.report}")
    return "\n".join(lines)


def _find(database: Database, settings: Settings, text: str, as_json: bool, out: TextIO) -> int:
    with database.session() as session:
        found = find_customers(session, text, region=settings.region)
        rows = [{"reference": c.reference, "name": c.name, "phone": mask(c.phone)} for c in found]
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False), file=out)
    elif not rows:
        print(f"No customer matches '{text}'.", file=out)
    for row in [] if as_json else rows:
        print(f"{row['reference']:<20} {row['name']:<30} {row['phone']}", file=out)
    return EXIT_OK if rows else EXIT_REJECTED
