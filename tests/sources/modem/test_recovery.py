"""Recovery over a real pty: silent modem, unplug/replug as a new tty, auto-detect, no network."""

import asyncio
import contextlib
import os

from kiosk.domain.health import SourceState
from kiosk.sources.modem.reasons import ModemReason
from kiosk.sources.modem.source import ModemSource
from kiosk.sources.simulator import ModemSimulator

from ..conftest import WAIT, RecordingSink

CALLER = "+919812345678"


@contextlib.asynccontextmanager
async def running(source: ModemSource, sink: RecordingSink):
    task = asyncio.create_task(source.run(sink))
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, WAIT)


def hold_pty_name(name: str | None) -> list[int]:
    """Open ptys until one has ``name`` (freed a moment ago), so the next pty gets another."""
    held: list[int] = []
    for _ in range(64):
        master, slave = os.openpty()
        held += [master, slave]
        if os.ttyname(slave) == name:
            break
    return held


async def test_a_modem_that_stops_answering_is_reopened(sink: RecordingSink):
    async with ModemSimulator() as simulator:
        source = ModemSource(
            simulator.port, health_interval=0.05, command_timeout=0.2, reconnect_delay=0.01
        )
        async with running(source, sink):
            await sink.wait_status(SourceState.READY)
            seen = len(sink.statuses)
            simulator.silent = True
            fault = await sink.wait_status(SourceState.FAULT, after=seen)
            assert str(fault.why) == (
                f"The modem on {simulator.port} stopped answering. Unplug it, wait ten seconds "
                "and plug it back in."
            )
            simulator.silent = False
            await sink.wait_status(SourceState.READY, after=seen)
            assert await asyncio.wait_for(simulator.ring(CALLER, interval=2.0), WAIT)
            [event] = await sink.wait_calls(1)
            assert event.caller == CALLER


async def test_unplug_and_replug_under_a_new_tty_through_a_by_id_link(
    tmp_path, sink: RecordingSink
):
    link = tmp_path / "usb-SimTech_SIM7600-if02-port0"
    async with ModemSimulator(link=link) as simulator:
        source = ModemSource(str(link), reconnect_delay=0.02)
        async with running(source, sink):
            await sink.wait_status(SourceState.READY)
            first_tty = simulator.pty_path
            seen = len(sink.statuses)
            simulator.unplug()
            assert not link.exists()
            await sink.wait_status(SourceState.FAULT, after=seen)
            held = hold_pty_name(first_tty)  # the modem must come back under another name
            try:
                simulator.replug()
            finally:
                for fd in held:
                    os.close(fd)
            assert simulator.pty_path != first_tty
            ready = await sink.wait_status(SourceState.READY, after=seen)
            assert ready.details["port"] == str(link)
            assert await asyncio.wait_for(simulator.ring(CALLER, interval=2.0), WAIT)
            [event] = await sink.wait_calls(1)
            assert event.caller == CALLER


async def test_auto_finds_the_modem_and_finds_it_again_after_a_replug(
    tmp_path, sink: RecordingSink
):
    (tmp_path / "ttyUSB0").touch()  # something that is not a modem
    async with ModemSimulator(link=tmp_path / "ttyUSB2") as simulator:
        source = ModemSource("auto", probe_patterns=(f"{tmp_path}/ttyUSB*",), reconnect_delay=0.02)
        async with running(source, sink):
            ready = await sink.wait_status(SourceState.READY)
            assert ready.details["port"] == str(tmp_path / "ttyUSB2")
            seen = len(sink.statuses)
            simulator.unplug()
            simulator.link = tmp_path / "ttyUSB3"  # it comes back under another name
            fault = await sink.wait_status(SourceState.FAULT, after=seen)
            assert "ttyUSB2" in str(fault.why)
            simulator.replug()
            ready = await sink.wait_status(SourceState.READY, after=seen)
            assert ready.details["port"] == str(tmp_path / "ttyUSB3")
            assert source.active_port == str(tmp_path / "ttyUSB3")


async def test_auto_without_a_modem_says_so(tmp_path, sink: RecordingSink):
    source = ModemSource("auto", probe_patterns=(f"{tmp_path}/ttyUSB*",), reconnect_delay=0.02)
    async with running(source, sink):
        fault = await sink.wait_status(SourceState.FAULT)
        assert str(fault.why) == "No modem found. Check that it is plugged in; looking again…"


async def test_no_network_is_a_fault_until_the_modem_registers(sink: RecordingSink):
    async with ModemSimulator() as simulator:
        simulator.registration = 2
        simulator.rssi = 99
        source = ModemSource(simulator.port, health_interval=0.05, reconnect_delay=0.01)
        async with running(source, sink):
            fault = await sink.wait_status(SourceState.FAULT)
            assert str(fault.why).startswith(f"The modem on {simulator.port} has no mobile network")
            assert "searching for a network" in str(fault.why)
            assert fault.details["registered"] is False
            simulator.registration, simulator.rssi = 5, 12
            ready = await sink.wait_status(SourceState.READY)
            assert str(ready.why) == "Modem ready — Simulated Network"
            assert str(ready.details["network"]) == "registered (roaming)"
            assert ready.details["signal_dbm"] == -89
            assert ready.details["signal_bars"] == 2


async def test_registration_refused_names_the_sim(sink: RecordingSink):
    async with ModemSimulator() as simulator:
        simulator.registration = 3
        source = ModemSource(simulator.port, reconnect_delay=0.01)
        async with running(source, sink):
            fault = await sink.wait_status(SourceState.FAULT)
            assert fault.why.reason is ModemReason.SIM_REFUSED_BY_NETWORK
            assert "refused the modem's SIM" in str(fault.why)
