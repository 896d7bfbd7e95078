"""Fixtures for the provider tests: an HTTP client, and the notification listener running."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from kiosk.sources.provider.inbound import InboundCallListener
from tests.sources.conftest import WAIT, RecordingSink
from tests.sources.provider.notifications import listening


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=WAIT) as http:
        yield http


@pytest.fixture
async def server(sink: RecordingSink) -> AsyncIterator[InboundCallListener]:
    async with listening(sink) as (listener, _):
        yield listener
