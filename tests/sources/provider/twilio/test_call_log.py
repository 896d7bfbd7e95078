"""Twilio's call log adapter against a fake Twilio on 127.0.0.1 (polling: test_poller.py)."""

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from kiosk.sources.provider.base import ProviderError
from kiosk.sources.provider.twilio.call_log import TwilioAdapter
from tests.sources.conftest import WAIT
from tests.sources.provider.fake_twilio import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    KIOSK_NUMBER,
    FakeTwilio,
    call_record,
)

CALLER = "+919812345678"
OTHER_CALLER = "+919900011122"
T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    fake = FakeTwilio()
    fake.start()
    yield fake
    fake.stop()


def make_adapter(fake: FakeTwilio, **options: object) -> TwilioAdapter:
    settings: dict[str, object] = {
        "account_sid": ACCOUNT_SID,
        "auth_token": AUTH_TOKEN,
        "number": KIOSK_NUMBER,
        "base_url": fake.base_url,
    }
    settings.update(options)
    return TwilioAdapter(**settings)  # type: ignore[arg-type]


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


# -- reading the call log -------------------------------------------------------------


async def test_follows_next_page_uri_across_several_pages(
    twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    twilio.add(*(call_record(f"CA{i:032d}", CALLER, KIOSK_NUMBER, at(i)) for i in range(5)))

    events = await make_adapter(twilio, page_size=2).fetch(client, T0)

    assert [e.call_id for e in events] == [f"CA{i:032d}" for i in range(5)]  # oldest first
    assert twilio.request_count == 3
    first, *later = twilio.requests
    assert first.path == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Calls.json"
    assert first.query == {"To": KIOSK_NUMBER, "StartTime>": "2026-11-26", "PageSize": "2"}
    assert all(r.query["PageToken"].startswith("PA") for r in later)
    assert all(r.query["To"] == KIOSK_NUMBER for r in later)  # filters kept on every page


async def test_since_is_exact_to_the_second_within_the_day(
    twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    twilio.add(
        call_record("CAyesterday", CALLER, KIOSK_NUMBER, at(-86_400)),
        call_record("CAearlier", CALLER, KIOSK_NUMBER, at(-1)),
        call_record("CAexactly", CALLER, KIOSK_NUMBER, at(0)),
        call_record("CAlater", CALLER, KIOSK_NUMBER, at(1)),
    )

    events = await make_adapter(twilio).fetch(client, T0)

    assert [e.call_id for e in events] == ["CAexactly", "CAlater"]


async def test_stops_paging_once_the_calls_are_older_than_since(
    twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    twilio.add(*(call_record(f"CAold{i}", CALLER, KIOSK_NUMBER, at(-100 + i)) for i in range(6)))
    twilio.add(call_record("CAnew1", CALLER, KIOSK_NUMBER, at(5)))
    twilio.add(call_record("CAnew2", CALLER, KIOSK_NUMBER, at(6)))

    events = await make_adapter(twilio, page_size=2).fetch(client, T0)

    assert [e.call_id for e in events] == ["CAnew1", "CAnew2"]
    assert twilio.request_count == 2  # of four pages: the second one already ends before T0


async def test_a_call_to_another_number_is_not_returned(
    twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    twilio.add(
        call_record("CAours", CALLER, KIOSK_NUMBER, at(1)),
        call_record("CAtheirs", OTHER_CALLER, "+918000000002", at(2)),
    )
    adapter = make_adapter(twilio)

    assert [e.call_id for e in await adapter.fetch(client, T0)] == ["CAours"]

    twilio.filter_by_to = False  # even if Twilio sent it, the adapter drops it
    sent = await client.get(adapter.calls_url, auth=(ACCOUNT_SID, AUTH_TOKEN))
    assert {record["sid"] for record in sent.json()["calls"]} == {"CAours", "CAtheirs"}
    assert [e.call_id for e in await adapter.fetch(client, T0)] == ["CAours"]


async def test_the_kiosk_number_may_be_written_nationally(
    twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    twilio.add(call_record("CAours", CALLER, KIOSK_NUMBER, at(1)))
    adapter = make_adapter(twilio, number="080000 00001", region="IN")

    events = await adapter.fetch(client, T0)

    assert adapter.number == KIOSK_NUMBER
    assert [e.dialed for e in events] == [KIOSK_NUMBER]
    assert twilio.requests[0].query["To"] == KIOSK_NUMBER


@pytest.mark.parametrize("direction", ["outbound-api", "outbound-dial"])
async def test_outbound_calls_are_ignored(
    twilio: FakeTwilio, client: httpx.AsyncClient, direction: str
) -> None:
    twilio.add(
        call_record("CAout", CALLER, KIOSK_NUMBER, at(1), status="completed", direction=direction),
        call_record("CAin", CALLER, KIOSK_NUMBER, at(2)),
    )

    events = await make_adapter(twilio).fetch(client, T0)

    assert [e.call_id for e in events] == ["CAin"]


@pytest.mark.parametrize(
    "status",
    ["busy", "no-answer", "canceled", "failed", "completed", "ringing", "in-progress", "queued"],
)
async def test_every_status_counts_as_a_call_attempt(
    twilio: FakeTwilio, client: httpx.AsyncClient, status: str
) -> None:
    twilio.add(call_record("CAattempt", CALLER, KIOSK_NUMBER, at(1), status=status))

    events = await make_adapter(twilio).fetch(client, T0)

    assert [e.call_id for e in events] == ["CAattempt"]


@pytest.mark.parametrize(
    "raw",
    [
        "anonymous",
        "Anonymous",
        "+266696687",
        "+7378742833",
        "restricted",
        "client:alice",
        "sip:bob@example.com",
        "",
    ],
)
async def test_a_withheld_caller_is_reported_as_withheld(
    twilio: FakeTwilio, client: httpx.AsyncClient, raw: str
) -> None:
    twilio.add(call_record("CAhidden", raw, KIOSK_NUMBER, at(1)))

    [event] = await make_adapter(twilio).fetch(client, T0)

    assert event.withheld
    assert event.caller is None
    assert event.caller_raw == raw


async def test_the_event_carries_the_record(twilio: FakeTwilio, client: httpx.AsyncClient) -> None:
    record = call_record("CA" + "a" * 32, CALLER, KIOSK_NUMBER, at(2), status="busy")
    twilio.add(record)

    [event] = await make_adapter(twilio).fetch(client, T0)

    assert event.caller == CALLER
    assert event.caller_raw == CALLER
    assert event.dialed == KIOSK_NUMBER
    assert event.call_id == "CA" + "a" * 32
    assert event.source == "twilio"
    assert event.at == at(2)
    assert json.loads(event.raw) == record


async def test_rfc_2822_times_are_read_as_utc(
    twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    twilio.add(
        call_record("CAist", CALLER, KIOSK_NUMBER, "Thu, 26 Nov 2026 15:45:02 +0530"),
        call_record("CAgmt", CALLER, KIOSK_NUMBER, "Thu, 26 Nov 2026 10:20:00 +0000"),
        call_record(
            "CAnotdialed",
            CALLER,
            KIOSK_NUMBER,
            None,
            status="queued",
            date_created="Thu, 26 Nov 2026 10:30:00 +0000",
        ),
    )

    events = await make_adapter(twilio).fetch(client, T0)

    assert [(e.call_id, e.at) for e in events] == [
        ("CAist", datetime(2026, 11, 26, 10, 15, 2, tzinfo=UTC)),
        ("CAgmt", datetime(2026, 11, 26, 10, 20, tzinfo=UTC)),
        ("CAnotdialed", datetime(2026, 11, 26, 10, 30, tzinfo=UTC)),
    ]
    assert all(e.at.utcoffset() == timedelta(0) for e in events)


# -- failures, in plain words ---------------------------------------------------------


async def test_wrong_credentials_give_plain_words_without_the_token(
    twilio: FakeTwilio, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong_token = "not-the-token-9c8b7a"
    adapter = make_adapter(twilio, auth_token=wrong_token)

    with pytest.raises(ProviderError) as caught:
        await adapter.fetch(client, T0)

    message = str(caught.value)
    assert message == "Twilio refused the account SID or auth token. Check the Twilio settings."
    assert twilio.requests[0].answered == 401
    for secret in (wrong_token, AUTH_TOKEN):
        assert secret not in message
        assert secret not in repr(adapter)
        assert secret not in caplog.text


async def test_an_account_twilio_does_not_have_is_named(client: httpx.AsyncClient) -> None:
    # The credentials are accepted, but the account in the path is not there (404).
    fake = FakeTwilio(account_sid="AC" + "9" * 32, username=ACCOUNT_SID)
    fake.start()
    try:
        with pytest.raises(ProviderError) as caught:
            await make_adapter(fake).fetch(client, T0)
    finally:
        fake.stop()

    assert fake.requests[0].answered == 404
    assert str(caught.value) == (
        f"Twilio has no account {ACCOUNT_SID}. Check the account SID in the Twilio settings."
    )


async def test_429_passes_on_retry_after(twilio: FakeTwilio, client: httpx.AsyncClient) -> None:
    twilio.answer(429, headers={"Retry-After": "7"})

    with pytest.raises(ProviderError) as caught:
        await make_adapter(twilio).fetch(client, T0)

    assert caught.value.retry_after == 7.0
    assert "HTTP 429" in str(caught.value)


async def test_503_passes_on_a_retry_after_date(
    twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    later = datetime.now(UTC) + timedelta(seconds=120)
    twilio.answer(503, headers={"Retry-After": later.strftime("%a, %d %b %Y %H:%M:%S GMT")})

    with pytest.raises(ProviderError) as caught:
        await make_adapter(twilio).fetch(client, T0)

    assert caught.value.retry_after is not None
    assert 100 < caught.value.retry_after <= 120
    assert "HTTP 503" in str(caught.value)


async def test_a_server_error_is_reported_and_the_next_poll_works(
    twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    twilio.add(call_record("CAafter", CALLER, KIOSK_NUMBER, at(1)))
    twilio.answer(500)
    adapter = make_adapter(twilio)

    with pytest.raises(ProviderError) as caught:
        await adapter.fetch(client, T0)

    assert str(caught.value) == "Twilio is having problems (HTTP 500); retrying."
    assert caught.value.retry_after is None
    assert [e.call_id for e in await adapter.fetch(client, T0)] == ["CAafter"]


async def test_a_timeout_says_twilio_cannot_be_reached(twilio: FakeTwilio) -> None:
    twilio.stall(WAIT * 2)

    async with httpx.AsyncClient(timeout=0.2) as impatient:
        with pytest.raises(ProviderError) as caught:
            await make_adapter(twilio).fetch(impatient, T0)

    assert str(caught.value).startswith("Cannot reach Twilio (")


async def test_a_refused_connection_says_twilio_cannot_be_reached(
    client: httpx.AsyncClient,
) -> None:
    gone = FakeTwilio()
    address = gone.base_url
    gone.stop()  # nothing listens on that port any more

    with pytest.raises(ProviderError) as caught:
        await make_adapter(gone, base_url=address).fetch(client, T0)

    assert str(caught.value) == "Cannot reach Twilio (no connection to 127.0.0.1)."


async def test_an_unreadable_answer_is_reported(
    twilio: FakeTwilio, client: httpx.AsyncClient
) -> None:
    twilio.garble()

    with pytest.raises(ProviderError) as caught:
        await make_adapter(twilio).fetch(client, T0)

    assert str(caught.value) == "Twilio sent an answer that could not be read."


async def test_a_next_page_on_another_server_is_not_followed(
    twilio: FakeTwilio, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    twilio.add(*(call_record(f"CA{i}", CALLER, KIOSK_NUMBER, at(i)) for i in range(3)))
    original = FakeTwilio._page

    def elsewhere(self: FakeTwilio, *args: object) -> dict:
        page = original(self, *args)
        if page["next_page_uri"]:
            page["next_page_uri"] = "https://attacker.example" + page["next_page_uri"]
        return page

    monkeypatch.setattr(FakeTwilio, "_page", elsewhere)

    with pytest.raises(ProviderError) as caught:
        await make_adapter(twilio, page_size=2).fetch(client, T0)

    assert str(caught.value) == "Twilio sent an answer that could not be read."
    assert twilio.request_count == 1
