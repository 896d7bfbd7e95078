"""Fixtures for modem tests: start a ModemSource on a port and stop it afterwards."""

import asyncio
import contextlib
from datetime import UTC, datetime

import pytest

from kiosk.domain.health import SourceState
from kiosk.sources.modem.source import ModemSource
from kiosk.sources.simulator import ModemSimulator

from ..conftest import WAIT, RecordingSink

CALLER = "+919812345678"


class FixedClock:
    """A wall clock that always says the same moment."""

    def __init__(self) -> None:
        self.moment = datetime(2024, 5, 1, 10, 30, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment


async def settle(source: ModemSource) -> None:
    """Round-trip a command, so every line the modem sent before it has been handled."""
    await asyncio.wait_for(source.send_command("AT"), WAIT)


@pytest.fixture
async def start_source(sink: RecordingSink):
    tasks: list[asyncio.Task[None]] = []

    def start(port: str, **options) -> ModemSource:
        source = ModemSource(port, **options)
        tasks.append(asyncio.create_task(source.run(sink)))
        return source

    yield start
    for task in tasks:
        task.cancel()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, WAIT)


@pytest.fixture
async def ready_source(simulator: ModemSimulator, sink: RecordingSink, start_source):
    source = start_source(simulator.port, clock=FixedClock())
    await sink.wait_status(SourceState.READY)
    return source
