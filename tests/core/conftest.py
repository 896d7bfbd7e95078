"""Helpers for the verification core's tests: a seeded database, a service, heard calls."""

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.core.service import VerificationService
from kiosk.domain.clock import Clock, SystemClock
from kiosk.domain.events import CallEvent
from kiosk.sources.modem.source import ModemSource
from kiosk.sources.simulator import ModemSimulator
from kiosk.store import outbox
from kiosk.store.database import Database
from kiosk.store.demo import seed_demo_customers

ASHA = "+919812345678"  # ORDER-1042 in the demo data
RAHUL = "+919822334455"  # ORDER-1043


@pytest.fixture
def seeded(database: Database) -> Database:
    with database.session() as db:
        seed_demo_customers(db, datetime.now(UTC))
    return database


class ManualClock:
    def __init__(self, now: datetime) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current


def make_service(
    database: Database, timeout: float = 60, clock: Clock | None = None
) -> VerificationService:
    return VerificationService(
        database,
        clock=clock or SystemClock(),
        kiosk_id="counter-1",
        region="IN",
        dial_number="+918000000001",
        timeout=timedelta(seconds=timeout),
        source_name="modem",
        expiry_grace=timedelta(0),
    )


def heard(caller: str | None, call_id: str | None = None) -> CallEvent:
    return CallEvent(
        caller_raw=caller or "",
        caller=caller,
        at=datetime.now(UTC),
        source="modem",
        call_id=call_id,
        raw=f'+CLIP: "{caller or ""}",145',
    )


def queued_payloads(database: Database) -> list[dict]:
    with database.session() as db:
        return [json.loads(m.payload)["data"] for m in outbox.pending_messages(db)]


@contextlib.asynccontextmanager
async def texting_modem(service: VerificationService) -> AsyncIterator[ModemSimulator]:
    """A ready simulated modem that sends the service's SMS codes."""
    async with ModemSimulator() as simulator:
        modem = ModemSource(simulator.port, reconnect_delay=0.01)
        service.sms_sender = modem
        ready = asyncio.Event()
        unsubscribe = service.notices.subscribe(
            lambda _notice: ready.set() if service.sms_available else None
        )
        task = asyncio.create_task(modem.run(service))
        try:
            await asyncio.wait_for(ready.wait(), 5)
            yield simulator
        finally:
            unsubscribe()
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
