"""SMS Gateway Center's missed-call callback through the listener, over real HTTP.

Its callback carries no signature and no call id, so besides the shared secret (in the
header) the listener takes a callback once (a replay answers 409 and changes nothing)
and only with a call time (``createTime``) inside an open session.
"""

import json
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from kiosk.sources.provider.inbound import InboundCallListener
from kiosk.sources.provider.webhook import ReplayGuard
from tests.sources.conftest import RecordingSink
from tests.sources.provider.notifications import (
    CALLER,
    KIOSK_NUMBER,
    WITH_SECRET,
    listening,
    sgc,
)


def url(server: InboundCallListener) -> str:
    return f"{server.url}/smsgatewaycenter/missed-call"


async def test_smsgatewaycenter_get_with_national_numbers(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    params = sgc()
    response = await client.get(url(server), params=params, headers=WITH_SECRET)
    assert response.status_code == 200
    [event] = await sink.wait_calls(1)
    assert event.source == "smsgatewaycenter"
    assert event.caller == CALLER
    assert event.caller_raw == "9812345678"
    assert event.dialed == KIOSK_NUMBER
    assert event.at == datetime.fromtimestamp(int(params["createTime"]), UTC)  # its own time
    assert event.call_id
    assert "9812345678" not in event.call_id
    assert json.loads(event.raw) == params


async def test_smsgatewaycenter_post_form_and_json(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    now = int(time.time())
    form = await client.post(
        url(server), data=sgc(mobile="919812345678", createTime=str(now)), headers=WITH_SECRET
    )
    as_json = await client.post(
        url(server), json={**sgc(), "createTime": now - 1}, headers=WITH_SECRET
    )
    assert (form.status_code, as_json.status_code) == (200, 200)
    events = await sink.wait_calls(2)
    assert [event.caller for event in events] == [CALLER, CALLER]


@pytest.mark.parametrize(
    ("changes", "reported"),
    [
        pytest.param({"status": "fail", "reason": "Expired"}, False, id="never-dialled"),
        pytest.param({"missCallTo": "09900011122"}, False, id="other-number"),
        pytest.param({"mobile": ""}, True, id="withheld"),
    ],
)
async def test_smsgatewaycenter_outcomes(
    server: InboundCallListener,
    sink: RecordingSink,
    client: httpx.AsyncClient,
    changes: dict[str, str],
    reported: bool,
) -> None:
    response = await client.get(url(server), params=sgc(**changes), headers=WITH_SECRET)
    assert response.status_code == 200
    if reported:
        [event] = sink.calls
        assert event.caller is None
    else:
        assert sink.calls == []


# -- replays and stale callbacks (issue 12, item 2) -------------------------------------


async def test_the_same_callback_twice_counts_once(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    params = sgc()
    first = await client.get(url(server), params=params, headers=WITH_SECRET)
    again = await client.get(url(server), params=params, headers=WITH_SECRET)
    posted = await client.post(url(server), data=params, headers=WITH_SECRET)  # same, as a form
    assert first.status_code == 200
    assert (again.status_code, posted.status_code) == (409, 409)
    assert "received before" in again.text
    later = sgc(createTime=str(int(params["createTime"]) + 1))  # another verification
    assert (await client.get(url(server), params=later, headers=WITH_SECRET)).status_code == 200
    first_call, other = await sink.wait_calls(2)
    assert first_call.call_id != other.call_id
    assert len(sink.calls) == 2


async def test_a_replay_is_refused_after_a_restart_and_by_another_kiosk(
    sink: RecordingSink, replay_guard: ReplayGuard, client: httpx.AsyncClient
) -> None:
    sink.listen(datetime.now(UTC) - timedelta(seconds=60))
    params = sgc()
    async with listening(sink, replay_guard) as (first, _):
        assert (await client.get(url(first), params=params, headers=WITH_SECRET)).status_code == 200
    async with listening(sink, replay_guard) as (restarted, _):  # the same database
        response = await client.get(url(restarted), params=params, headers=WITH_SECRET)
    assert response.status_code == 409
    assert len(sink.calls) == 1


async def test_a_callback_without_create_time_is_refused(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    params = sgc()
    del params["createTime"]
    response = await client.get(url(server), params=params, headers=WITH_SECRET)
    assert (response.status_code, response.text) == (400, "createTime is missing.")
    response = await client.get(url(server), params=sgc(createTime="soon"), headers=WITH_SECRET)
    assert (response.status_code, response.text) == (
        400,
        "createTime is not a time in Unix seconds.",
    )
    assert sink.calls == []


@pytest.mark.parametrize(
    "age", [pytest.param(3600, id="an-hour-old"), pytest.param(-3600, id="an-hour-ahead")]
)
async def test_a_callback_outside_the_session_window_is_refused(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient, age: int
) -> None:
    # The attack: a callback captured earlier, sent again (with a new createTime it is no
    # longer the provider's: the shared secret is what stops that).
    params = sgc(createTime=str(int(time.time()) - age))
    response = await client.get(url(server), params=params, headers=WITH_SECRET)
    assert response.status_code == 422
    assert "outside every open verification session" in response.text
    assert sink.calls == []


async def test_a_callback_while_no_session_listens_is_refused(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    sink.listen(None)
    response = await client.get(url(server), params=sgc(), headers=WITH_SECRET)
    assert response.status_code == 422
    assert sink.calls == []
    sink.listen(datetime.now(UTC) - timedelta(seconds=5))  # then a session starts: not a replay
    assert (await client.get(url(server), params=sgc(), headers=WITH_SECRET)).status_code == 200
