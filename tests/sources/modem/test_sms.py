"""Text messages through the modem source over a real pty, and the words for +CMS errors."""

import asyncio

import pytest

from kiosk.domain.health import SourceState
from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.sms import gsm7_text, sms_problem
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


# -- modem command injection (issue 12, item 7) -----------------------------------------

INJECTION = "ORDER-1\x1aAT+CFUN=0\rATD+19005550100;\r\x1b"


async def test_control_characters_in_a_message_never_reach_the_modem_as_commands(
    simulator: ModemSimulator, sink: RecordingSink, start_source
):
    source: ModemSource = start_source(simulator.port)
    await sink.wait_status(SourceState.READY)
    before = len(simulator.commands)
    await asyncio.wait_for(source.send_sms(NUMBER, f"Your code for {INJECTION} is 1"), WAIT)
    await source.send_command("AT")  # anything injected would have been read by now
    assert simulator.commands[before:] == [
        "AT+CMGF=1",
        f'AT+CMGS="{NUMBER}"',
        "AT",
    ]
    [(number, text)] = simulator.sent_sms
    assert number == NUMBER
    assert text == "Your code for ORDER-1?AT+CFUN=0?ATD+19005550100;?? is 1"


@pytest.mark.parametrize(
    ("text", "sent"),
    [
        ("Code 123456 for ORDER-1042.", b"Code 123456 for ORDER-1042."),
        ("a\x1ab\x1bc\rd\ne\tf\x00g\x7fh", b"a?b?c?d?e?f?g?h"),
        ("[x]{y}~|^\\`", b"?x??y??????"),  # need an escape in GSM 7-bit
        ("आशा €5 Ünal", b"??? ?5 ?nal"),
    ],
)
def test_only_printable_gsm_characters_are_written(text: str, sent: bytes):
    assert gsm7_text(text) == sent
