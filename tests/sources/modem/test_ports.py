import asyncio

from kiosk.sources.modem.ports import answers_at, candidate_ports, find_modem
from kiosk.sources.simulator import ModemSimulator


async def test_answers_at_on_a_modem_and_not_elsewhere(tmp_path):
    assert not await asyncio.to_thread(answers_at, "/dev/no-such-port")
    async with ModemSimulator() as simulator:
        assert await asyncio.to_thread(answers_at, simulator.port)
    silent = ModemSimulator()
    async with silent:
        silent.silent = True
        assert not await asyncio.to_thread(answers_at, silent.port, 115200, 0.2)


def test_candidates_stable_names_first_without_repeats(tmp_path):
    by_id, kernel = tmp_path / "by-id", tmp_path / "dev"
    by_id.mkdir()
    kernel.mkdir()
    (kernel / "ttyUSB1").touch()
    (kernel / "ttyUSB0").touch()
    (by_id / "usb-Quectel_EC25-if02-port0").symlink_to(kernel / "ttyUSB1")
    patterns = (f"{by_id}/*", f"{kernel}/ttyUSB*", f"{kernel}/ttyUSB*")
    assert candidate_ports(patterns) == [
        f"{by_id}/usb-Quectel_EC25-if02-port0",
        f"{kernel}/ttyUSB0",
        f"{kernel}/ttyUSB1",
    ]


async def test_find_modem_skips_ports_that_do_not_answer(tmp_path):
    (tmp_path / "a-dead-port").touch()  # not a terminal: cannot be opened as one
    async with ModemSimulator(link=tmp_path / "b-modem") as simulator:
        found = await asyncio.to_thread(find_modem, (f"{tmp_path}/*",))
        assert found == simulator.port
    assert await asyncio.to_thread(find_modem, (f"{tmp_path}/nothing*",)) is None
