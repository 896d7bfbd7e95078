"""One look at the modem for installers, over the simulated modem's real pty."""

from pathlib import Path

from kiosk.config.settings import load_settings
from kiosk.sources.modem.diagnosis import diagnose
from kiosk.sources.modem.reasons import ModemReason
from kiosk.sources.simulator import ModemSimulator

#: The keys of 'modem status --json' for a ready modem, in their order.
READY_KEYS = [
    "port",
    "ready",
    "manufacturer",
    "model",
    "sim",
    "network",
    "registered",
    "operator",
    "signal_dbm",
    "signal_bars",
    "caller_id",
    "sms",
    "own_number",
]


async def test_a_ready_modem_is_described_from_what_it_says(tmp_path: Path):
    async with ModemSimulator() as simulator:
        port = simulator.port
        modem = await diagnose(load_settings(tmp_path / "c.toml", modem_port=port))
    assert modem.ready
    assert modem.problem is None
    assert (modem.manufacturer, modem.model) == ("SIMULATED", "Virtual modem")
    assert modem.sim == "ready"
    assert modem.health.registered is True
    assert modem.health.operator == "Simulated Network"
    assert modem.caller_id is True
    assert modem.sms is True
    assert modem.own_number == "+918000000001"
    # Maker and model are what set-up read: asked once.
    assert simulator.commands.count("AT+CGMI") == 1
    assert simulator.commands.count("AT+CGMM") == 1
    assert simulator.commands.count("AT+CPIN?") == 2  # set-up's check, then the look
    report = modem.report()
    assert list(report) == READY_KEYS
    assert report["port"] == port
    assert (report["signal_dbm"], report["signal_bars"]) == (-73, 4)
    assert report["network"] == "registered (home network)"


async def test_a_modem_that_is_not_ready_says_why(tmp_path: Path):
    async with ModemSimulator(sim_pin="4321") as simulator:
        port = simulator.port
        modem = await diagnose(load_settings(tmp_path / "c.toml", modem_port=port))
    assert not modem.ready
    assert modem.problem is not None
    assert modem.problem.reason is ModemReason.SIM_LOCKED
    assert "The SIM card is locked with a PIN" in str(modem.problem)
    assert modem.report() == {
        "port": port,
        "ready": False,
        "problem": str(modem.problem),
        "reason": "sim_locked",
    }


async def test_the_sim_state_comes_from_the_modem(tmp_path: Path):
    async with ModemSimulator() as simulator:
        simulator.cpin = False  # a modem that cannot tell: set-up carries on
        modem = await diagnose(load_settings(tmp_path / "c.toml", modem_port=simulator.port))
    assert modem.ready
    assert modem.sim == "unknown"
