"""SMS Gateway Center's missed-call callback through the listener, over real HTTP."""

import json
from datetime import UTC, datetime

import httpx
import pytest

from kiosk.sources.provider.inbound import InboundCallListener
from tests.sources.conftest import RecordingSink
from tests.sources.provider.notifications import CALLER, KIOSK_NUMBER, SECRET, sgc


async def test_smsgatewaycenter_get_with_national_numbers(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    before = datetime.now(UTC)
    params = sgc()
    response = await client.get(
        f"{server.url}/smsgatewaycenter/missed-call", params={**params, "secret": SECRET}
    )
    assert response.status_code == 200
    [event] = await sink.wait_calls(1)
    assert event.source == "smsgatewaycenter"
    assert event.caller == CALLER
    assert event.caller_raw == "9812345678"
    assert event.dialed == KIOSK_NUMBER
    assert before <= event.at <= datetime.now(UTC)
    assert event.call_id
    assert "9812345678" not in event.call_id
    assert json.loads(event.raw) == params


async def test_smsgatewaycenter_repeated_callback_keeps_its_call_id(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    url = f"{server.url}/smsgatewaycenter/missed-call"
    for _ in range(2):
        response = await client.get(url, params={**sgc(), "secret": SECRET})
        assert response.status_code == 200
    later = {**sgc(createTime="1795679999"), "secret": SECRET}
    assert (await client.get(url, params=later)).status_code == 200
    first, again, other = await sink.wait_calls(3)
    assert first.call_id == again.call_id != other.call_id


async def test_smsgatewaycenter_post_form_and_json(
    server: InboundCallListener, sink: RecordingSink, client: httpx.AsyncClient
) -> None:
    url = f"{server.url}/smsgatewaycenter/missed-call"
    headers = {"X-Kiosk-Secret": SECRET}
    form = await client.post(url, data=sgc(mobile="919812345678"), headers=headers)
    as_json = await client.post(url, json={**sgc(), "createTime": 1795675502}, headers=headers)
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
    response = await client.get(
        f"{server.url}/smsgatewaycenter/missed-call", params={**sgc(**changes), "secret": SECRET}
    )
    assert response.status_code == 200
    if reported:
        [event] = sink.calls
        assert event.caller is None
    else:
        assert sink.calls == []
