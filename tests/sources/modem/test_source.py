"""The modem source over a real pty: calls reported once and rejected, ports that fail."""

import asyncio
import logging

import pytest

from kiosk.domain.health import SourceState
from kiosk.domain.reasons import Why
from kiosk.sources.modem.call_state import CallTimings
from kiosk.sources.modem.line_reader import MESSAGE_BURST
from kiosk.sources.modem.reasons import ModemReason
from kiosk.sources.modem.setup import INIT_COMMANDS
from kiosk.sources.modem.source import ModemSource
from kiosk.sources.simulator import ModemSimulator

from ..conftest import WAIT, RecordingSink, save_modem_profile
from .conftest import CALLER, FixedClock, settle


async def test_one_call_event_and_the_call_is_rejected(
    simulator: ModemSimulator, sink: RecordingSink, ready_source: ModemSource
):
    rejected = await asyncio.wait_for(simulator.ring(CALLER, rings=3, interval=2.0), WAIT)
    assert rejected is True
    [event] = await sink.wait_calls(1)
    assert event.caller == CALLER
    assert event.caller_raw == CALLER
    assert event.source == "modem"
    assert event.at == FixedClock().moment
    assert event.call_id
    assert event.raw.startswith('+CLIP: "+919812345678",145')
    await settle(ready_source)
    assert len(sink.calls) == 1
    assert simulator.hangups == 1
    assert "AT+CHUP" in simulator.commands
    assert "ATA" not in simulator.commands
    assert simulator.answered is False


async def test_repeated_rings_of_one_call_give_one_event(
    simulator: ModemSimulator, sink: RecordingSink, ready_source: ModemSource
):
    # interval=0: all three RING/+CLIP pairs and NO CARRIER arrive before the kiosk can act.
    await simulator.ring(CALLER, rings=3, interval=0)
    await asyncio.wait_for(simulator.wait_for_command("AT+CHUP"), WAIT)
    await settle(ready_source)
    assert [e.caller for e in sink.calls] == [CALLER]
    assert simulator.hangups == 1
    assert simulator.answered is False


async def test_each_call_gets_its_own_event(
    simulator: ModemSimulator, sink: RecordingSink, ready_source: ModemSource
):
    assert await asyncio.wait_for(simulator.ring(CALLER, interval=2.0), WAIT)
    await sink.wait_calls(1)
    other = "+919876543210"
    assert await asyncio.wait_for(simulator.ring(other, interval=2.0), WAIT)
    first, second = await sink.wait_calls(2)
    assert [first.caller, second.caller] == [CALLER, other]
    assert first.call_id != second.call_id


async def test_withheld_caller(
    simulator: ModemSimulator, sink: RecordingSink, ready_source: ModemSource
):
    assert await asyncio.wait_for(simulator.ring("", interval=2.0), WAIT) is True
    [event] = await sink.wait_calls(1)
    assert event.caller is None
    assert event.caller_raw == ""
    assert event.withheld


async def test_national_number_becomes_e164(
    simulator: ModemSimulator, sink: RecordingSink, ready_source: ModemSource
):
    ring = simulator.ring("09812345678", clip_type=129, interval=2.0)
    assert await asyncio.wait_for(ring, WAIT) is True
    [event] = await sink.wait_calls(1)
    assert event.caller == CALLER
    assert event.caller_raw == "09812345678"


async def test_international_number_without_plus(
    simulator: ModemSimulator, sink: RecordingSink, ready_source: ModemSource
):
    assert await asyncio.wait_for(simulator.ring("919812345678", interval=2.0), WAIT)
    [event] = await sink.wait_calls(1)
    assert event.caller == CALLER


async def test_ring_without_caller_id_is_reported_with_an_unknown_caller(
    simulator: ModemSimulator, sink: RecordingSink, start_source
):
    timings = CallTimings(ring_without_clip_wait=0.1)
    source = start_source(simulator.port, clock=FixedClock(), call_timings=timings)
    await sink.wait_status(SourceState.READY)
    simulator.clcc = False  # a modem that cannot list its calls either
    ring = simulator.ring(CALLER, clip=False, rings=3, interval=2.0)
    assert await asyncio.wait_for(ring, WAIT) is True
    [event] = await sink.wait_calls(1)
    assert event.caller is None
    assert event.caller_unknown  # nothing said the number was hidden
    assert event.raw == "RING"
    await settle(source)
    assert len(sink.calls) == 1


async def test_numbers_are_masked_in_logs(
    simulator: ModemSimulator,
    sink: RecordingSink,
    ready_source: ModemSource,
    caplog: pytest.LogCaptureFixture,
):
    caplog.set_level(logging.DEBUG, logger="kiosk.modem")
    assert await asyncio.wait_for(simulator.ring(CALLER, interval=2.0), WAIT)
    await sink.wait_calls(1)
    await settle(ready_source)
    assert "5678" in caplog.text
    assert "9812345678" not in caplog.text


async def test_missing_port_is_a_fault_in_plain_words(sink: RecordingSink, start_source):
    start_source("/dev/ttyKIOSK-DOES-NOT-EXIST", reconnect_delay=0.01)
    fault = await sink.wait_status(SourceState.FAULT)
    assert fault.why == Why(ModemReason.NOT_FOUND, port="/dev/ttyKIOSK-DOES-NOT-EXIST")
    assert str(fault.why) == (
        "Modem not found on /dev/ttyKIOSK-DOES-NOT-EXIST. Check that it is plugged in."
    )
    assert "Errno" not in str(fault.why)
    assert fault.details["port"] == "/dev/ttyKIOSK-DOES-NOT-EXIST"
    assert "No such file" in fault.details["error"]


async def test_invalid_url_is_a_fault(sink: RecordingSink, start_source):
    start_source("nosuchscheme://modem", reconnect_delay=0.01)
    fault = await sink.wait_status(SourceState.FAULT)
    assert "not a valid modem port" in str(fault.why)


async def test_keeps_retrying_until_the_modem_appears(
    tmp_path, simulator: ModemSimulator, sink: RecordingSink, start_source
):
    link = tmp_path / "ttyMODEM"
    start_source(str(link), reconnect_delay=0.01)
    await sink.wait_status(SourceState.FAULT)
    link.symlink_to(simulator.port)
    ready = await sink.wait_status(SourceState.READY)
    assert ready.details["port"] == str(link)


async def test_lost_port_is_reported_and_recovered(tmp_path, sink: RecordingSink, start_source):
    link = tmp_path / "ttyMODEM"
    first = ModemSimulator()
    await first.start()
    link.symlink_to(first.port)
    start_source(str(link), reconnect_delay=0.01)
    await sink.wait_status(SourceState.READY)
    seen = len(sink.statuses)
    await first.stop()
    fault = await sink.wait_status(SourceState.FAULT, after=seen)
    assert str(fault.why).startswith(f"Lost the connection to the modem on {link}.")
    async with ModemSimulator() as second:
        link.unlink()
        link.symlink_to(second.port)
        await sink.wait_status(SourceState.READY, after=seen)
        assert second.commands[: len(INIT_COMMANDS)] == list(INIT_COMMANDS)


async def test_cancel_reports_stopped(simulator: ModemSimulator, sink: RecordingSink):
    source = ModemSource(simulator.port)
    task = asyncio.create_task(source.run(sink))
    await sink.wait_status(SourceState.READY)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, WAIT)
    assert sink.states[-1] == SourceState.STOPPED


# -- a caller ID in a text message (issue 12, item 1) ----------------------------------

FORGED = '+CLIP: "+919812345678",145,,,,0'
ATTACKER = "+919900011122"


@pytest.mark.parametrize(
    "text", [FORGED, f"RING\r\n{FORGED}", f"Hi\nRING\n{FORGED}\nRING\r\n{FORGED}"]
)
async def test_a_caller_id_texted_to_the_modem_is_stored_not_heard(
    simulator: ModemSimulator, sink: RecordingSink, start_source, text: str
):
    await asyncio.to_thread(save_modem_profile, simulator.port, "AT+CNMI=2,2,0,0,0", "AT&W")
    simulator.reboot()  # it starts pushing messages to the port
    assert simulator.message_indications[:2] == (2, 2)
    source = start_source(simulator.port, clock=FixedClock())
    await sink.wait_status(SourceState.READY)
    assert "AT+CNMI=2,1,0,0,0" in simulator.commands
    assert simulator.message_indications[:2] == (2, 1)  # stored, a +CMTI notice at most
    simulator.receive_sms(ATTACKER, text)
    await settle(source)
    assert simulator.stored_sms == [(ATTACKER, text)]
    assert await asyncio.wait_for(simulator.ring(ATTACKER, interval=2.0), WAIT)
    [event] = await sink.wait_calls(1)  # only the attacker's own call
    assert event.caller == ATTACKER


@pytest.mark.parametrize("header_details", [True, False], ids=["with-length", "no-length"])
@pytest.mark.parametrize(
    "text", [FORGED, f"RING\r\n{FORGED}", f"Hi\nRING\n{FORGED}\nRING\r\n{FORGED}"]
)
async def test_a_caller_id_in_a_message_pushed_to_the_port_is_text_not_a_call(
    simulator: ModemSimulator, sink: RecordingSink, start_source, text: str, header_details: bool
):
    await asyncio.to_thread(save_modem_profile, simulator.port, "AT+CNMI=2,2", "AT&W")
    simulator.cnmi = False  # and it refuses the kiosk's AT+CNMI: it keeps pushing them
    source = start_source(simulator.port, clock=FixedClock())
    await sink.wait_status(SourceState.READY)
    simulator.sms_header_details = header_details  # no length: a modem refusing AT+CSDH=1
    simulator.receive_sms(ATTACKER, text)
    # Without a length, every line of the burst is text (an answer to a command sent
    # meanwhile too): let the modem go quiet first.
    await asyncio.sleep(MESSAGE_BURST)
    await settle(source)
    assert simulator.stored_sms == []  # the text went to the port
    assert await asyncio.wait_for(simulator.ring(ATTACKER, interval=2.0), WAIT)
    [event] = await sink.wait_calls(1)
    await settle(source)
    assert event.caller == ATTACKER
    assert len(sink.calls) == 1
