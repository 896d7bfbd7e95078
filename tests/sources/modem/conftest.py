"""Fixtures for modem tests: start a ModemSource on a port and stop it afterwards."""

import asyncio
import contextlib

import pytest

from kiosk.sources.modem.driver import ModemSource

from ..conftest import WAIT, RecordingSink


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
