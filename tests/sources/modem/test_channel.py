"""The AT channel over a real pty: replies, unsolicited lines routed apart, the text prompt."""

import asyncio

import pytest

from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.source import ModemSource
from kiosk.sources.simulator import ModemSimulator

from ..conftest import WAIT, RecordingSink
from .conftest import CALLER


async def test_ring_during_a_command_goes_to_the_call_handler(
    simulator: ModemSimulator, sink: RecordingSink, ready_source: ModemSource
):
    call = simulator.ring_soon(CALLER, interval=2.0)
    info = await asyncio.wait_for(ready_source.send_command("AT+CSQ"), WAIT)
    assert info == ["+CSQ: 20,99"]
    assert await asyncio.wait_for(call, WAIT) is True
    [event] = await sink.wait_calls(1)
    assert event.caller == CALLER


async def test_send_command(simulator: ModemSimulator, ready_source: ModemSource):
    assert await ready_source.send_command("AT+CGMI") == ["SIMULATED"]
    assert await ready_source.send_command("AT") == []
    with pytest.raises(ModemError, match="AT\\+NOPE"):
        await ready_source.send_command("AT+NOPE")


async def test_send_command_when_not_connected():
    with pytest.raises(ModemError, match="not connected"):
        await ModemSource("/dev/null-modem").send_command("AT")
