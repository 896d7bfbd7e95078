"""A kiosk in its own process, for races between kiosks sharing one database.

    python -m tests.kiosk_process calls DATABASE_URL KIOSK_ID CALLS_JSON
    python -m tests.kiosk_process outbox DATABASE_URL KIOSK_ID CALLBACK_URL SECRET
    python -m tests.kiosk_process migrate DATABASE_URL KIOSK_ID

It sets up, prints "ready", waits for a line on stdin (so racers start together),
then hears the given calls (``[[caller, call_id], ...]``) through its own
VerificationService, sends due outbox messages with its own OutboxDispatcher, or
migrates the schema as a starting kiosk does, and prints a JSON result on stdout.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime, timedelta

import httpx

from kiosk.core.notices import CallHeard
from kiosk.core.service import VerificationService
from kiosk.delivery.dispatcher import OutboxDispatcher
from kiosk.domain.backoff import Backoff
from kiosk.domain.clock import SystemClock
from kiosk.domain.events import CallEvent
from kiosk.store.database import Database

DIAL = "+918000000001"


def kiosk_service(database: Database, kiosk_id: str) -> VerificationService:
    """A kiosk's service listening on the site's shared provider number."""
    return VerificationService(
        database,
        clock=SystemClock(),
        kiosk_id=kiosk_id,
        region="IN",
        dial_number=DIAL,
        timeout=timedelta(seconds=120),
        source_name="twilio",
    )


async def hear_calls(database: Database, kiosk_id: str, calls: list[list[str]]) -> object:
    service = kiosk_service(database, kiosk_id)
    outcomes: list[str] = []
    service.notices.subscribe(
        lambda notice: (
            outcomes.append(notice.outcome.value) if isinstance(notice, CallHeard) else None
        )
    )
    ready_and_wait()
    for caller, call_id in calls:
        event = CallEvent(caller, caller, datetime.now(UTC), "twilio", dialed=DIAL, call_id=call_id)
        await service.call_heard(event)
    return outcomes


async def send_outbox(database: Database, url: str, secret: str) -> object:
    dispatcher = OutboxDispatcher(
        database, url=url, secret=secret, clock=SystemClock(), backoff=Backoff(0.05, 0.2)
    )
    ready_and_wait()
    sent = 0
    async with httpx.AsyncClient(timeout=10) as client:
        while delivered := await dispatcher.deliver_due(client):
            sent += delivered
    return sent


def ready_and_wait() -> None:
    print("ready", flush=True)
    sys.stdin.readline()


def main(argv: list[str]) -> None:
    mode, url, kiosk_id, *rest = argv
    database = Database(url)
    try:
        if mode == "calls":
            result = asyncio.run(hear_calls(database, kiosk_id, json.loads(rest[0])))
        elif mode == "migrate":
            ready_and_wait()
            result = str(database.migrate())
        else:
            result = asyncio.run(send_outbox(database, rest[0], rest[1]))
    finally:
        database.dispose()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
