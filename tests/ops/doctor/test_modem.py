"""Doctor modem checks through the simulated modem over a real pty, and a silent port."""

from __future__ import annotations

import os
import tty
from collections.abc import Iterator

import pytest

from kiosk.delivery.test_event import TEST_EVENT
from kiosk.domain.pin import hash_pin
from kiosk.ops.doctor import Verdict, run_checks
from kiosk.sources.simulator import ModemSimulator
from tests.merchant_backend import MerchantBackend
from tests.ops.doctor.support import DIAL, statuses


@pytest.fixture
def silent_port() -> Iterator[str]:
    """A serial port nobody answers on (the wrong ttyUSB of a modem, say)."""
    master, slave = os.openpty()
    tty.setraw(slave)
    yield os.ttyname(slave)
    os.close(slave)
    os.close(master)


async def test_a_good_modem_site_passes_every_check(
    make_settings, database, backend: MerchantBackend, callback_secret: str
) -> None:
    async with ModemSimulator() as simulator:
        settings = make_settings(
            modem_port=simulator.port,
            dial_number=DIAL,
            callback_url=backend.url,
            callback_secret=callback_secret,
            staff_pin_hash=hash_pin("250913"),
        )
        report = await run_checks(settings)
    assert statuses(report) == {
        "config": Verdict.OK,
        "staff_pin": Verdict.OK,
        "database": Verdict.OK,
        "data_dir": Verdict.OK,
        "disk": Verdict.OK,
        "modem": Verdict.OK,
        "sim": Verdict.OK,
        "network": Verdict.OK,
        "signal": Verdict.OK,
        "caller_id": Verdict.OK,
        "callback": Verdict.OK,
        "outbox": Verdict.OK,
        "clock": Verdict.OK,
    }, report.lines()
    assert report.ok
    assert report.summary == "Everything checked is in order."
    assert "SIMULATED Virtual modem answers on" in report.check("modem").message
    assert report.check("network").message == "Registered (home network) (Simulated Network)."
    assert report.check("signal").message == "4/4 bars (-73 dBm)."
    assert "accepted a signed test event (HTTP 200)" in report.check("callback").message
    assert report.check("clock").message == "In step with the backend's clock."
    [delivery] = backend.received
    assert delivery.signature_ok
    assert delivery.payload["type"] == TEST_EVENT
    assert delivery.payload["data"]["kiosk_id"] == "test-kiosk"


async def test_no_modem_at_the_port_is_a_failure_with_what_to_do(make_settings) -> None:
    report = await run_checks(make_settings(modem_port="/dev/no-such-modem", dial_number=DIAL))
    modem = report.check("modem")
    assert modem.status is Verdict.FAIL
    assert modem.message == "Modem not found on /dev/no-such-modem. Check that it is plugged in."
    assert "missedcall-kiosk modem probe" in (modem.action or "")
    assert report.check("sim").status is Verdict.SKIPPED
    assert report.check("caller_id").message == "Needs the modem first."
    assert not report.ok
    assert "[FAIL] Modem: Modem not found" in "\n".join(report.lines())


async def test_no_modem_at_the_stable_name_points_at_the_udev_rule(make_settings) -> None:
    report = await run_checks(make_settings(modem_port="/dev/kiosk-modem", dial_number=DIAL))
    modem = report.check("modem")
    assert modem.status is Verdict.FAIL
    assert "appears only for the modems the udev rule knows" in (modem.action or "")


async def test_the_wrong_port_is_a_failure(make_settings, silent_port: str) -> None:
    report = await run_checks(make_settings(modem_port=silent_port, dial_number=DIAL))
    modem = report.check("modem")
    assert modem.status is Verdict.FAIL
    assert "stopped answering" in modem.message
    assert "modem probe" in (modem.action or "")


async def test_a_locked_sim_is_found_and_explained(make_settings) -> None:
    async with ModemSimulator(sim_pin="4321") as simulator:
        report = await run_checks(make_settings(modem_port=simulator.port, dial_number=DIAL))
    assert report.check("modem").status is Verdict.OK
    sim = report.check("sim")
    assert sim.status is Verdict.FAIL
    assert "locked with a PIN" in sim.message
    assert report.check("network").status is Verdict.SKIPPED


async def test_a_sim_the_network_refuses_is_a_sim_problem(make_settings) -> None:
    async with ModemSimulator() as simulator:
        simulator.registration = 3  # registration denied
        report = await run_checks(make_settings(modem_port=simulator.port, dial_number=DIAL))
    assert report.check("modem").status is Verdict.OK
    sim = report.check("sim")
    assert sim.status is Verdict.FAIL
    assert "refused the modem's SIM" in sim.message
    assert report.check("network").message == "Needs a ready SIM card first."


async def test_no_network_is_a_network_problem(make_settings) -> None:
    async with ModemSimulator() as simulator:
        simulator.registration = 2  # still searching
        report = await run_checks(make_settings(modem_port=simulator.port, dial_number=DIAL))
    assert report.check("modem").status is Verdict.OK
    assert report.check("sim").status is Verdict.SKIPPED
    network = report.check("network")
    assert network.status is Verdict.FAIL
    assert "has no mobile network (searching for a network)" in network.message
    assert "antenna" in (network.action or "")
    assert report.check("signal").message == "Needs the mobile network first."


async def test_a_modem_that_cannot_tell_the_sim_state_is_a_warning(make_settings) -> None:
    async with ModemSimulator() as simulator:
        simulator.cpin = False  # set-up carries on; the doctor does not claim a ready SIM
        report = await run_checks(make_settings(modem_port=simulator.port, dial_number=DIAL))
    assert report.check("modem").status is Verdict.OK
    sim = report.check("sim")
    assert sim.status is Verdict.WARN
    assert sim.message == "The modem does not say that the SIM card is ready (it says: unknown)."
    assert report.check("network").status is Verdict.OK


async def test_demo_mode_skips_the_modem(make_settings) -> None:
    report = await run_checks(make_settings())
    assert report.check("modem").status is Verdict.SKIPPED
    assert report.check("modem").message == "Demo mode: the modem is simulated."


async def test_the_gui_does_not_open_the_modem_it_is_using(make_settings) -> None:
    report = await run_checks(
        make_settings(modem_port="/dev/no-such-modem", dial_number=DIAL), probe_modem=False
    )
    assert report.check("modem").status is Verdict.SKIPPED
    assert "running kiosk is using the modem" in report.check("modem").message
