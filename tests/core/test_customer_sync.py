"""Pulling customers from a real merchant backend on 127.0.0.1: pages, cursor, ETag, failures."""

import asyncio
from typing import Any

import httpx
import pytest

from kiosk.app import main
from kiosk.core.customer_sync import CustomerSync, SyncFailed, SyncMapping
from kiosk.core.notices import CustomersSynced, NoticeBus
from kiosk.domain.backoff import Backoff
from kiosk.domain.clock import SystemClock
from kiosk.store import sync_state
from kiosk.store.customers import count_customers, customer_by_reference
from kiosk.store.database import Database
from tests.customer_backend import CustomerBackend, customer

MAPPING = SyncMapping(
    items="data.customers", reference="order.id", name="name", phone="contact.mobile", cursor="next"
)


def puller(database: Database, url: str, **options: Any) -> CustomerSync:
    values: dict[str, Any] = {
        "clock": SystemClock(),
        "region": "IN",
        "mapping": MAPPING,
        "headers": {"Authorization": "Bearer t0ken"},
    }
    values.update(options)
    return CustomerSync(database, url=url, **values)


async def test_pages_are_followed_and_the_cursor_makes_the_next_pull_incremental(
    database: Database, customer_backend: CustomerBackend
) -> None:
    customer_backend.customers = [
        customer("O-1", "Asha Verma", "098123 45678"),
        customer("O-2", "Rahul", "+91 98223 34455"),
        customer("O-3", "No Number", ""),
        customer("O-4", "Priya", "9833445566"),
    ]
    sync = puller(database, customer_backend.url)
    async with httpx.AsyncClient() as client:
        first = await sync.sync_once(client)
        assert (first.pages, first.received, first.added, first.skipped) == (3, 4, 3, 1)
        assert [r["since"] for r in customer_backend.requests] == ["", "2", "4"]
        assert customer_backend.requests[0]["authorization"] == "Bearer t0ken"

        customer_backend.customers.append(customer("o-1", "Asha V", "9899001122"))
        second = await sync.sync_once(client)
    assert (second.received, second.added, second.updated) == (1, 0, 1)
    assert customer_backend.requests[3]["since"] == "4"  # only what changed since
    with database.session() as session:
        assert count_customers(session) == 3
        asha = customer_by_reference(session, "O-1")
        assert asha is not None
        assert (asha.name, asha.phone) == ("Asha V", "+919899001122")


async def test_an_unchanged_list_answers_304_by_etag(
    database: Database, customer_backend: CustomerBackend
) -> None:
    customer_backend.customers = [customer("O-1", "Asha", "9812345678")]
    sync = puller(database, customer_backend.url, mapping=SyncMapping(items="data.customers",
                  reference="order.id", phone="contact.mobile"))  # fmt: skip
    async with httpx.AsyncClient() as client:
        await sync.sync_once(client)
        again = await sync.sync_once(client)
    assert again.unchanged
    assert customer_backend.requests[-1]["if-none-match"] == '"v1"'


async def test_a_backend_that_is_down_changes_nothing_and_is_retried(
    database: Database, customer_backend: CustomerBackend
) -> None:
    customer_backend.customers = [customer("O-1", "Asha", "9812345678")]
    customer_backend.fail_with = 503
    notices = NoticeBus()
    outcomes: list[CustomersSynced] = []
    succeeded = asyncio.Event()

    def heard(notice: object) -> None:
        assert isinstance(notice, CustomersSynced)
        outcomes.append(notice)
        if notice.problem is not None:
            customer_backend.fail_with = None  # the backend comes back after a failed try
        else:
            succeeded.set()

    notices.subscribe(heard)
    sync = puller(
        database, customer_backend.url, interval=0, backoff=Backoff(0.01, 0.05), notices=notices
    )
    async with httpx.AsyncClient() as client:
        with pytest.raises(SyncFailed, match="having problems"):
            await sync.sync_once(client)
    with database.session() as session:
        state = sync_state.load_state(session)
        assert state is not None
        assert "HTTP 503" in (state.last_error or "")
        assert count_customers(session) == 0

    customer_backend.fail_with = 503  # down again when the schedule starts
    task = asyncio.create_task(sync.run())  # the schedule keeps trying, with backoff
    try:
        async with asyncio.timeout(10):
            await succeeded.wait()
        await task  # no interval: the schedule ends after its first good pull
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    failed, failed_again, worked = outcomes
    assert "HTTP 503" in str(failed.problem)
    assert "HTTP 503" in str(failed_again.problem)
    assert (worked.added, worked.updated, worked.problem) == (1, 0, None)
    with database.session() as session:
        assert count_customers(session) == 1
    with database.session() as session:
        state = sync_state.load_state(session)
        assert state is not None
        assert state.last_error is None


async def test_no_server_and_a_bad_answer_are_plain_words(
    database: Database, customer_backend: CustomerBackend
) -> None:
    async with httpx.AsyncClient() as client:
        with pytest.raises(SyncFailed, match="no connection"):
            await puller(database, "http://127.0.0.1:9/none").sync_once(client)
        bad = puller(database, customer_backend.url, mapping=SyncMapping(items="nowhere"))
        with pytest.raises(SyncFailed, match="without a list of customers"):
            await bad.sync_once(client)


async def test_records_with_control_characters_are_skipped(
    database: Database, customer_backend: CustomerBackend
) -> None:
    customer_backend.customers = [
        customer("O-1\x1aAT+CFUN=0\r", "Asha Verma", "098123 45678"),
        customer("O-2", "Rahul\r\nMehta", "+91 98223 34455"),
        customer("O-3", "Priya", "9833445566"),
    ]
    sync = puller(database, customer_backend.url)
    async with httpx.AsyncClient() as client:
        result = await sync.sync_once(client)
    assert (result.received, result.added, result.skipped) == (3, 1, 2)
    with database.session() as session:
        assert count_customers(session) == 1
        assert customer_by_reference(session, "O-3") is not None


def test_customers_sync_command(
    database_url: str,
    customer_backend: CustomerBackend,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    customer_backend.customers = [customer("O-1", "Asha", "9812345678")]
    monkeypatch.setenv("KIOSK_SYNC_URL", customer_backend.url)
    monkeypatch.setenv("KIOSK_SYNC_ITEMS", "data.customers")
    monkeypatch.setenv("KIOSK_SYNC_REFERENCE", "order.id")
    monkeypatch.setenv("KIOSK_SYNC_PHONE", "contact.mobile")
    assert main(["customers", "sync", "--database-url", database_url]) == 0
    assert "1 customers received: 1 added" in capsys.readouterr().out
    customer_backend.fail_with = 500
    assert main(["customers", "sync", "--database-url", database_url]) == 1
    assert "customers on file are unchanged" in capsys.readouterr().err
