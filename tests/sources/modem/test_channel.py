"""The AT channel over a real pty: replies, unsolicited lines routed apart, the text prompt."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest

from kiosk.sources.modem.channel import AtChannel, ModemEvent
from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.protocol import Ring, Unsolicited
from kiosk.sources.modem.source import ModemSource
from kiosk.sources.simulator import ModemSimulator
from kiosk.sources.simulator.dialects import HUAWEI_E173

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


class Heard:
    """A LineHandler that remembers what the channel passed on."""

    def __init__(self) -> None:
        self.events: list[ModemEvent] = []
        self.echoes: list[str] = []
        self.lost = 0

    def modem_event(self, event: ModemEvent, line: str) -> None:
        self.events.append(event)

    def echoed(self, line: str) -> None:
        self.echoes.append(line)

    def connection_lost(self) -> None:
        self.lost += 1


@contextlib.asynccontextmanager
async def channel_on(simulator: ModemSimulator) -> AsyncIterator[tuple[AtChannel, Heard]]:
    heard = Heard()
    channel = AtChannel(heard, command_timeout=WAIT, where=lambda: simulator.port)
    await channel.open(simulator.port, 115200)
    try:
        yield channel, heard
    finally:
        await channel.close()


async def test_a_reply_keeps_its_lines_and_everything_else_goes_to_the_handler():
    async with (
        ModemSimulator(dialect=HUAWEI_E173) as simulator,
        channel_on(simulator) as (
            channel,
            heard,
        ),
    ):
        # Echo is on, and Huawei slips "^RSSI:18" in between the reply and its OK.
        assert await channel.send_command("AT+CSQ") == ["+CSQ: 20,99"]
        assert heard.echoes == ["AT+CSQ"]
        assert heard.events == [Unsolicited("^RSSI:18", prefix="^RSSI")]
        # "+CPIN: READY" answers AT+CPIN?; on its own it is a boot line.
        assert await channel.send_command("AT+CPIN?") == ["+CPIN: READY"]
        simulator.send_line("+CPIN: READY")
        simulator.send_line("RING")
        assert await channel.send_command("ATE0") == []
        assert heard.events[-2:] == [Unsolicited("+CPIN: READY", boot=True, prefix="+CPIN"), Ring()]


async def test_losing_the_port_fails_the_waiting_command(simulator: ModemSimulator):
    async with channel_on(simulator) as (channel, heard):
        simulator.silent = True
        waiting = asyncio.create_task(channel.send_command("AT"))
        await asyncio.wait_for(simulator.wait_for_command("AT"), WAIT)
        simulator.unplug()
        with pytest.raises(ModemError, match="connection was lost"):
            await asyncio.wait_for(waiting, WAIT)
        assert heard.lost == 1
        assert channel.lost
        assert not channel.connected


async def test_a_message_text_pushed_mid_reply_is_neither_an_event_nor_the_reply(
    simulator: ModemSimulator,
):
    async with channel_on(simulator) as (channel, heard):
        simulator.sms_header_details = True
        simulator.receive_sms("+919900011122", f'RING\r\n+CLIP: "{CALLER}",145,,,,0')
        assert await channel.send_command("AT+CSQ") == ["+CSQ: 20,99"]
        assert [type(event).__name__ for event in heard.events] == ["Unsolicited"]  # +CMTI


@pytest.mark.parametrize(
    ("command", "body"),
    [
        ('AT+CPIN="1234"\rAT+CFUN=0', None),
        ('AT+CMGS="+919812345678"', b"code 1\x1aAT+CFUN=0\r"),
        ('AT+CMGS="+919812345678"', b"code 1\x1b"),
    ],
)
async def test_control_characters_never_go_out(
    simulator: ModemSimulator, command: str, body: bytes | None
):
    async with channel_on(simulator) as (channel, _heard):
        async with channel.held() as send:
            with pytest.raises(ValueError, match="control characters"):
                await send(command, body)
        assert await channel.send_command("AT") == []
    assert simulator.commands == ["AT"]
