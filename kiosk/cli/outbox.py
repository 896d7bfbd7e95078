"""The ``outbox`` command: results waiting for the merchant backend; send them now."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import sys
from typing import TextIO

import httpx

from kiosk.cli.common import EXIT_ERROR, EXIT_OK, EXIT_PROBLEM, with_settings
from kiosk.config.settings import Settings
from kiosk.core.runtime import KioskRuntime


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``outbox [list|retry]``."""
    box = commands.add_parser(
        "outbox", parents=[common], help="results waiting to be sent to the backend"
    )
    box.add_argument("action", nargs="?", choices=["list", "retry"], default="list")
    box.add_argument("--json", action="store_true", help="print the list as JSON")
    box.set_defaults(
        handler=with_settings(
            lambda options, settings: run_outbox(
                settings, action=options.action, as_json=options.json
            )
        )
    )


def run_outbox(settings: Settings, *, action: str, as_json: bool, out: TextIO = sys.stdout) -> int:
    """List the callbacks waiting for the backend, or retry them all now."""
    return asyncio.run(_outbox(settings, action, as_json, out))


async def _outbox(settings: Settings, action: str, as_json: bool, out: TextIO) -> int:
    runtime = KioskRuntime(settings, resume_sessions=False)
    runtime.database.migrate()
    dispatcher = runtime.dispatcher
    try:
        if action == "retry":
            if problem := dispatcher.configuration_problem():
                print(problem, file=out)
                return EXIT_ERROR
            await dispatcher.retry_now()
            async with httpx.AsyncClient(timeout=settings.callback_timeout) as client:
                sent = await dispatcher.deliver_due(client)
            status = await dispatcher.status()
            print(f"Sent {sent}; {status.pending} still waiting.", file=out)
            if status.pending and status.last_error:
                print(f"Last problem: {status.last_error}", file=out)
            return EXIT_OK if status.pending == 0 else EXIT_PROBLEM
        rows = [dataclasses.asdict(callback) for callback in await dispatcher.pending()]
        if as_json:
            print(json.dumps(rows, indent=2), file=out)
        elif not rows:
            print("No results are waiting to be sent.", file=out)
        else:
            for row in rows:
                print(
                    f"{row['webhook_id']}  {row['status']:<9}  {row['reference'] or '-':<14}"
                    f"  tries {row['attempts']}  {row['last_error'] or ''}",
                    file=out,
                )
        return EXIT_OK
    finally:
        runtime.database.dispose()
