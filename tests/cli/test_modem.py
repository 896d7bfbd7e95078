"""The ``modem`` command end to end, as subprocesses, against the simulated modem."""

import asyncio
import json
import sys
from pathlib import Path

import pytest

from kiosk.sources.simulator import ModemSimulator
from kiosk.sources.simulator.dialects import DIALECTS

CALLER = "+919812345678"


async def modem(*args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "kiosk.app", "modem", *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    async with asyncio.timeout(30):
        out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_status_in_plain_words_and_json() -> None:
    async with ModemSimulator() as simulator:
        code, out, _ = await modem("status", "--port", simulator.port)
        assert code == 0
        assert f"Modem on {simulator.port}: ready" in out
        assert "registered (home network) — Simulated Network" in out
        assert "4/4 bars (-73 dBm)" in out
        assert "Caller ID: on" in out
        assert "+91 ••••••0001" in out
        code, out, _ = await modem("status", "--port", simulator.port, "--json")
    report = json.loads(out)
    assert code == 0
    assert report["registered"] is True
    assert (report["signal_dbm"], report["signal_bars"]) == (-73, 4)
    assert report["manufacturer"] == "SIMULATED"
    assert report["caller_id"] is True


async def test_a_locked_sim_is_explained_and_the_pin_unlocks_it() -> None:
    async with ModemSimulator(sim_pin="4321") as simulator:
        code, out, _ = await modem("status", "--port", simulator.port)
        assert code == 1
        assert "The SIM card is locked with a PIN" in out
        code, out, _ = await modem("status", "--port", simulator.port, "--sim-pin", "1111")
        assert code == 1
        assert "refused the PIN" in out
        assert not simulator.sim_unlocked
        code, out, _ = await modem("status", "--port", simulator.port, "--sim-pin", "4321")
        assert code == 0, out
        assert simulator.sim_unlocked


async def test_a_missing_modem_is_explained() -> None:
    code, out, _ = await modem("status", "--port", "/dev/no-such-modem")
    assert code == 1
    assert "Modem not found on /dev/no-such-modem. Check that it is plugged in." in out


@pytest.mark.parametrize("dialect", ["generic", "huawei-e173", "quectel-ec25"])
async def test_listen_prints_each_call_as_it_is_rejected(dialect: str) -> None:
    async with ModemSimulator(dialect=DIALECTS[dialect], split_writes=True) as simulator:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "kiosk.app", "modem", "listen", "--port", simulator.port,
            "--count", "2", "--timeout", "30", "--json", "--region", "IN",
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert process.stderr is not None
        async with asyncio.timeout(30):
            while b"Listening on" not in await process.stderr.readline():
                pass
            assert await simulator.ring("09812345678", clip_type=129, interval=0.5)
            assert await simulator.ring("", interval=0.5)
            out, _ = await process.communicate()
    assert process.returncode == 0
    first, second = (json.loads(line) for line in out.decode().splitlines())
    assert first["caller"] == CALLER
    assert first["withheld"] is False
    assert first["raw_number"] == "09812345678"
    assert first["number_type"] == 129
    assert first["rejected"] is True
    assert first["at"].endswith("Z")
    assert second["caller"] is None
    assert second["withheld"] is True
    assert second["unknown"] is False
    assert simulator.hangups >= 2
    assert not simulator.answered


async def test_listen_stops_after_its_timeout() -> None:
    async with ModemSimulator() as simulator:
        code, out, _ = await modem("listen", "--port", simulator.port, "--timeout", "0.5")
    assert code == 0
    assert out == ""


async def read_until(stream: asyncio.StreamReader, text: str) -> str:
    while text not in (line := (await stream.readline()).decode()):
        assert line, f"stream ended before {text!r}"
    return line


@pytest.mark.parametrize("pin_from", ["--sim-pin", "--sim-pin-file"])
async def test_listen_reconnects_when_the_port_comes_back_and_gives_the_sim_pin_again(
    tmp_path: Path, pin_from: str
) -> None:
    link = tmp_path / "ttyModem"  # like /dev/serial/by-id/…, following the modem
    pin_file = tmp_path / "sim-pin"
    pin_file.write_text("4321\n")
    pin = str(pin_file) if pin_from == "--sim-pin-file" else "4321"
    async with ModemSimulator(sim_pin="4321", link=link) as simulator:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "kiosk.app", "modem", "listen", "--port", str(link),
            pin_from, pin, "--count", "2", "--timeout", "60", "--json",
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert process.stderr is not None
        async with asyncio.timeout(60):
            await read_until(process.stderr, "Listening on")
            assert await simulator.ring(CALLER, interval=0.5)
            simulator.unplug()
            lost = await read_until(process.stderr, "trying again")
            simulator.replug()  # a new pty behind the link, and the SIM locked again
            ready = await read_until(process.stderr, "Modem ready —")
            assert simulator.sim_unlocked
            assert await simulator.ring("+919876543210", interval=0.5)
            out, _ = await process.communicate()
    assert "Lost the connection to the modem" in lost
    assert "Simulated Network" in ready
    assert process.returncode == 0
    first, second = (json.loads(line) for line in out.decode().splitlines())
    assert (first["caller"], second["caller"]) == (CALLER, "+919876543210")
