"""The modem source against each modem family the simulator plays, over a real pseudo-terminal."""

import asyncio
import contextlib

import pytest

from kiosk.domain.health import SourceState
from kiosk.sources.modem.call_state import CallTimings
from kiosk.sources.modem.source import ModemSource
from kiosk.sources.simulator import ModemSimulator
from kiosk.sources.simulator.dialects import (
    DIALECTS,
    HUAWEI_E173,
    SIMCOM_SIM800,
    TELIT_LE910,
    UBLOX_SARA,
    Dialect,
)

from ..conftest import WAIT, RecordingSink

CALLER = "+919812345678"


@contextlib.asynccontextmanager
async def listening(dialect: Dialect, timings: CallTimings | None = None, **simulator_options):
    """A simulator of ``dialect`` and a ready ModemSource on it (with the call ``timings``)."""
    sink = RecordingSink()
    async with ModemSimulator(dialect=dialect, **simulator_options) as simulator:
        source = ModemSource(simulator.port, reconnect_delay=0.01, call_timings=timings)
        task = asyncio.create_task(source.run(sink))
        try:
            await sink.wait_status(SourceState.READY)
            yield simulator, source, sink
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, WAIT)


async def settle(source: ModemSource) -> None:
    """Round-trip a command, so every line sent before its OK has been handled."""
    await asyncio.wait_for(source.send_command("AT"), WAIT)


@pytest.mark.parametrize("split_writes", [False, True], ids=["whole", "split-reads"])
@pytest.mark.parametrize("dialect", DIALECTS.values(), ids=DIALECTS.keys())
async def test_every_dialect_one_event_per_call_and_never_answered(
    dialect: Dialect, split_writes: bool
):
    async with listening(dialect, split_writes=split_writes) as (simulator, source, sink):
        ready = sink.statuses[-1]
        assert ready.details["manufacturer"] == dialect.manufacturer
        assert ready.details["model"] == dialect.model
        for caller in (CALLER, "+919876543210"):
            assert await asyncio.wait_for(simulator.ring(caller, interval=2.0), WAIT) is True
        first, second = await sink.wait_calls(2)
        await settle(source)
        assert [first.caller, second.caller] == [CALLER, "+919876543210"]
        assert first.rejected
        assert second.rejected
        assert simulator.hangups == 2  # the second caller's RING is not "still ringing"
        assert len(sink.calls) == 2
        assert simulator.answered is False
        assert "ATA" not in simulator.commands
        assert SourceState.FAULT not in sink.states


async def test_huawei_noise_inside_a_reply_is_not_part_of_it():
    async with listening(HUAWEI_E173) as (_simulator, source, _sink):
        assert await source.send_command("AT+CSQ") == ["+CSQ: 20,99"]
        assert await source.send_command("AT+CGMM") == ["E173"]


async def test_huawei_clip_before_ring_and_cend():
    async with listening(HUAWEI_E173) as (simulator, _source, sink):
        assert await asyncio.wait_for(
            simulator.ring("09812345678", clip_type=129, interval=2.0), WAIT
        )
        [event] = await sink.wait_calls(1)
        assert event.caller == CALLER
        assert event.raw.startswith('+CLIP: "09812345678",129')


async def test_telit_without_chup_falls_back_to_ath_and_remembers():
    async with listening(TELIT_LE910) as (simulator, _source, sink):
        for caller in (CALLER, "+919876543210"):
            assert await asyncio.wait_for(simulator.ring(caller, interval=2.0), WAIT) is True
        await sink.wait_calls(2)
        hangups = [c for c in simulator.commands if c in ("AT+CHUP", "ATH")]
        assert hangups == ["AT+CHUP", "ATH", "ATH"]  # the second call goes straight to ATH


async def test_ublox_call_status_lines():
    async with listening(UBLOX_SARA) as (simulator, source, sink):
        assert await asyncio.wait_for(simulator.ring(CALLER, rings=2, interval=2.0), WAIT)
        [event] = await sink.wait_calls(1)
        await settle(source)
        assert event.caller == CALLER
        assert len(sink.calls) == 1


async def test_simcom_missed_call_gives_the_number_when_clip_never_came():
    # The caller gives up before we ask AT+CLCC.
    timings = CallTimings(ring_without_clip_wait=10)
    async with listening(SIMCOM_SIM800, timings) as (simulator, source, sink):
        assert (
            await asyncio.wait_for(simulator.ring(CALLER, clip=False, rings=1, interval=0.05), WAIT)
            is False
        )
        [event] = await sink.wait_calls(1)
        await settle(source)
        assert event.caller == CALLER
        assert event.raw == f"MISSED_CALL: 10:15AM {CALLER}"
        assert event.rejected is False
        assert len(sink.calls) == 1


async def test_simcom_missed_call_for_a_call_already_reported_is_not_a_second_call():
    async with listening(SIMCOM_SIM800) as (simulator, source, sink):
        assert await asyncio.wait_for(simulator.ring(CALLER, interval=2.0), WAIT)
        await sink.wait_calls(1)
        simulator.send_line(f"MISSED_CALL: 10:15AM {CALLER}")
        await settle(source)
        assert len(sink.calls) == 1


async def test_missed_call_without_any_ring_is_never_a_call():
    async with listening(SIMCOM_SIM800) as (simulator, source, sink):
        simulator.send_line("MISSED_CALL: 10:15AM +919876543210")  # nothing rang
        await settle(source)
        assert await asyncio.wait_for(simulator.ring(CALLER, interval=2.0), WAIT)
        [event] = await sink.wait_calls(1)
        await settle(source)
        assert event.caller == CALLER
        assert len(sink.calls) == 1


async def test_ring_without_clip_asks_the_current_calls_list():
    timings = CallTimings(ring_without_clip_wait=0.05)
    async with listening(DIALECTS["generic"], timings) as (simulator, _source, sink):
        assert (
            await asyncio.wait_for(simulator.ring(CALLER, clip=False, interval=2.0), WAIT) is True
        )
        [event] = await sink.wait_calls(1)
        assert event.caller == CALLER
        assert "AT+CLCC" in simulator.commands


async def test_caller_hanging_up_before_the_number_is_an_unknown_caller():
    timings = CallTimings(ring_without_clip_wait=10, missed_call_grace=0.05)
    async with listening(DIALECTS["generic"], timings) as (simulator, _source, sink):
        await asyncio.wait_for(simulator.ring(CALLER, clip=False, rings=1, interval=0.05), WAIT)
        [event] = await sink.wait_calls(1)
        assert event.caller is None
        assert event.caller_unknown
        assert event.rejected is None


async def test_a_ring_cut_short_by_a_reboot_is_an_unknown_caller_not_a_hidden_number():
    timings = CallTimings(ring_without_clip_wait=10)
    async with listening(SIMCOM_SIM800, timings) as (simulator, source, sink):
        source.boot_settle = 0.05
        ring = asyncio.create_task(simulator.ring(CALLER, clip=False, rings=5, interval=1.0))
        await asyncio.sleep(0)  # the simulator sends its first RING
        await settle(source)  # … and the kiosk has read it
        simulator.reboot()  # before any caller ID
        [event] = await sink.wait_calls(1)
        assert await asyncio.wait_for(ring, WAIT) is False
        assert event.caller is None
        assert event.caller_unknown is True
        assert event.withheld is False
        assert event.raw == "RING"


async def test_a_call_that_keeps_ringing_is_hung_up_again():
    timings = CallTimings(still_ringing_after=0.1)
    async with listening(DIALECTS["generic"], timings) as (simulator, source, sink):
        ring = simulator.ring(CALLER, rings=6, interval=0.3, stubborn=1)
        assert await asyncio.wait_for(ring, WAIT) is True
        [event] = await sink.wait_calls(1)
        await settle(source)
        assert simulator.hangups == 2
        assert len(sink.calls) == 1
        assert event.rejected is True


async def test_a_modem_that_never_drops_the_call_is_reported_to_staff():
    timings = CallTimings(still_ringing_after=0.05)
    async with listening(DIALECTS["generic"], timings) as (simulator, _source, sink):
        seen = len(sink.statuses)
        ring = asyncio.create_task(simulator.ring(CALLER, rings=30, interval=0.1, stubborn=99))
        fault = await sink.wait_status(SourceState.FAULT, after=seen)
        assert "does not end calls" in str(fault.why)
        assert simulator.hangups == 3
        assert await asyncio.wait_for(ring, WAIT) is False  # the caller gave up in the end


@pytest.mark.parametrize("sim_pin", [None, "1234"])
async def test_reboot_is_detected_and_the_modem_set_up_again(sim_pin: str | None):
    sink = RecordingSink()
    async with ModemSimulator(dialect=SIMCOM_SIM800, sim_pin=sim_pin) as simulator:
        source = ModemSource(simulator.port, sim_pin=sim_pin, reconnect_delay=0.01)
        source.boot_settle = 0.05
        task = asyncio.create_task(source.run(sink))
        try:
            await sink.wait_status(SourceState.READY)
            seen = len(sink.statuses)
            simulator.reboot()
            assert not simulator.caller_id_enabled.is_set()
            restarting = await sink.wait_status(SourceState.CONNECTING, after=seen)
            assert str(restarting.why) == "The modem restarted; setting it up again…"
            await sink.wait_status(SourceState.READY, after=seen)
            assert simulator.caller_id_enabled.is_set()
            assert simulator.sim_unlocked
            assert await asyncio.wait_for(simulator.ring(CALLER, interval=2.0), WAIT)
            [event] = await sink.wait_calls(1)
            assert event.caller == CALLER
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, WAIT)


async def test_echo_coming_back_means_a_reboot():
    async with listening(DIALECTS["generic"]) as (simulator, source, sink):
        source.boot_settle = 0.05
        seen = len(sink.statuses)
        simulator.reboot()  # the generic modem prints nothing: only its echo gives it away
        await source.send_command("AT+CSQ")
        await sink.wait_status(SourceState.CONNECTING, after=seen)
        await sink.wait_status(SourceState.READY, after=seen)
        assert simulator.caller_id_enabled.is_set()
        assert simulator.echo is False
