"""Fixtures for the provider tests: an HTTP client, and the notification listener running."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from kiosk.core.notification_keys import StoredNotificationKeys
from kiosk.domain.clock import SystemClock
from kiosk.sources.provider.inbound import InboundCallListener
from kiosk.store.database import Database
from tests.sources.conftest import WAIT, RecordingSink
from tests.sources.provider.notifications import listening


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=WAIT) as http:
        yield http


@pytest.fixture
def replay_guard(database: Database) -> StoredNotificationKeys:
    """The notifications taken, remembered in a real (SQLite) database."""
    return StoredNotificationKeys(database, SystemClock())


@pytest.fixture
async def server(
    sink: RecordingSink, replay_guard: StoredNotificationKeys
) -> AsyncIterator[InboundCallListener]:
    sink.listen(datetime.now(UTC) - timedelta(seconds=60))  # a session is waiting
    async with listening(sink, replay_guard) as (listener, _):
        yield listener
