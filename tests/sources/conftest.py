"""Shared helpers for call-source tests: a recording sink and a running simulator."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime

import pytest
import serial

from kiosk.domain.events import CallEvent
from kiosk.domain.health import SourceState, SourceStatus
from kiosk.sources.simulator import ModemSimulator

WAIT = 5.0


class RecordingSink:
    """A CallSink that remembers everything and lets tests await it."""

    def __init__(self) -> None:
        self.calls: list[CallEvent] = []
        self.statuses: list[SourceStatus] = []
        self._changed = asyncio.Event()
        self.since: datetime | None = None
        self._listening = asyncio.Event()

    def listen(self, since: datetime | None) -> None:
        """Pretend a session is pending since ``since`` (None: the kiosk is idle)."""
        self.since = since
        if since is None:
            self._listening.clear()
        else:
            self._listening.set()

    def listening_since(self) -> datetime | None:
        return self.since

    def sessions_pending(self) -> bool:
        return self.since is not None

    async def wait_until_listening(self) -> None:
        await self._listening.wait()

    async def call_heard(self, event: CallEvent) -> None:
        self.calls.append(event)
        self._changed.set()

    def source_status(self, status: SourceStatus) -> None:
        self.statuses.append(status)
        self._changed.set()

    @property
    def states(self) -> list[SourceState]:
        return [s.state for s in self.statuses]

    async def _until(self, found):
        async def poll():
            while (result := found()) is None:
                self._changed.clear()
                await self._changed.wait()
            return result

        return await asyncio.wait_for(poll(), WAIT)

    async def wait_status(self, state: SourceState, *, after: int = 0) -> SourceStatus:
        """The first status with ``state`` at index ``after`` or later."""
        return await self._until(
            lambda: next((s for s in self.statuses[after:] if s.state == state), None)
        )

    async def wait_calls(self, count: int = 1) -> list[CallEvent]:
        return await self._until(lambda: self.calls if len(self.calls) >= count else None)


def save_modem_profile(port: str, *commands: str) -> None:
    """What someone did before: set the modem up by hand and save it with AT&W (blocking)."""
    with serial.Serial(port, 115200, timeout=WAIT) as modem:
        for command in commands:
            modem.write(command.encode() + b"\r")
            assert modem.read_until(b"OK\r\n").endswith(b"OK\r\n")


@pytest.fixture
def sink() -> RecordingSink:
    return RecordingSink()


@pytest.fixture
async def simulator() -> AsyncIterator[ModemSimulator]:
    async with ModemSimulator() as sim:
        yield sim
