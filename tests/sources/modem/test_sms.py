"""Text messages through the modem source over a real pty, and the words for +CMS errors."""

import asyncio

import pytest

from kiosk.domain.health import SourceState
from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.sms import sms_problem
from kiosk.sources.modem.source import ModemSource
from kiosk.sources.simulator import ModemSimulator

from ..conftest import WAIT, RecordingSink

NUMBER = "+919812345678"


async def test_sends_a_text_message(simulator: ModemSimulator, sink: RecordingSink, start_source):
    source: ModemSource = start_source(simulator.port)
    await sink.wait_status(SourceState.READY)
    assert source.sms_available
    await asyncio.wait_for(source.send_sms(NUMBER, "Your code is 123456"), WAIT)
    assert simulator.sent_sms == [(NUMBER, "Your code is 123456")]
    assert f'AT+CMGS="{NUMBER}"' in simulator.commands
    # The port is back to normal commands afterwards.
    assert await source.send_command("AT+CSQ") == ["+CSQ: 20,99"]


async def test_a_refused_message_says_why(
    simulator: ModemSimulator, sink: RecordingSink, start_source
):
    source: ModemSource = start_source(simulator.port)
    await sink.wait_status(SourceState.READY)
    simulator.sms_error = 330
    with pytest.raises(ModemError, match="no message-centre number"):
        await asyncio.wait_for(source.send_sms(NUMBER, "Your code is 123456"), WAIT)
    assert simulator.sent_sms == []
    assert await source.send_command("AT") == []


async def test_no_sms_when_the_modem_is_not_ready():
    source = ModemSource("/dev/no-such-modem")
    assert not source.sms_available
    with pytest.raises(ModemError, match="cannot send text messages"):
        await source.send_sms(NUMBER, "x")


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (
            "+CMS ERROR: 331",
            "The text message was not sent: there is no mobile network (error 331).",
        ),
        (
            "+CMS ERROR: 999",
            "The text message was not sent: the modem refused to send it (error 999).",
        ),
        ("ERROR", "The text message was not sent: the modem refused to send it."),
    ],
)
def test_error_words(reply: str, words: str):
    assert str(sms_problem(reply)) == words
