"""Setting the modem up over a real pty: the command sequence, the SIM, a modem that is silent."""

import os
import tty

import pytest

from kiosk.domain.health import SourceState
from kiosk.sources.modem.setup import INIT_COMMANDS, sim_state
from kiosk.sources.simulator import ModemSimulator

from ..conftest import RecordingSink


async def test_initialises_the_modem_and_reports_ready(
    simulator: ModemSimulator, sink: RecordingSink, start_source
):
    start_source(simulator.port)
    ready = await sink.wait_status(SourceState.READY)
    assert str(ready.why) == "Modem ready — Simulated Network"
    assert ready.source == "modem"
    assert ready.details["signal_bars"] == 4
    assert ready.details["operator"] == "Simulated Network"
    assert ready.details["registered"] is True
    assert ready.details["manufacturer"] == "SIMULATED"
    assert ready.details["sms"] is True
    assert sink.states[0] == SourceState.CONNECTING
    assert simulator.commands[: len(INIT_COMMANDS)] == list(INIT_COMMANDS)
    assert "ATS0=0" in INIT_COMMANDS  # never auto-answer
    assert simulator.caller_id_enabled.is_set()


async def test_silent_modem_is_a_fault(sink: RecordingSink, start_source):
    master, slave = os.openpty()  # a terminal nobody answers on
    try:
        tty.setraw(slave)
        start_source(os.ttyname(slave), command_timeout=0.05, reconnect_delay=0.01)
        fault = await sink.wait_status(SourceState.FAULT)
        assert "stopped answering" in str(fault.why)
        assert "did not answer AT" in fault.details["error"]
    finally:
        os.close(master)
        os.close(slave)


@pytest.mark.parametrize(
    ("reply", "state"),
    [
        (["+CPIN: READY"], "ready"),
        (["+CPIN: SIM PIN"], "PIN"),
        (["+CPIN: SIM PUK"], "PUK"),
        (["+CPIN: PH-SIM PIN"], "PIN"),
        (["+CPIN: NOT INSERTED"], "+CPIN: NOT INSERTED"),
        ([], "no answer"),
    ],
)
def test_sim_state_from_the_modems_reply(reply: list[str], state: str):
    assert sim_state(reply) == state
