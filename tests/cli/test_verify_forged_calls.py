"""Forged, replayed and injected calls against the real command line (issue 12, items 1, 2, 7).

Each test plays the attacker against ``python -m kiosk.app`` in its own process: the
simulated modem over a real pty, the notification listener over real HTTP, a real
SQLite database and a merchant backend that checks every callback's signature.
"""

import asyncio
import csv
import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from kiosk.sources.simulator import ModemSimulator
from kiosk.store.customers import NewCustomer, upsert_customers
from kiosk.store.database import Database
from tests.cli.test_verify import start_verify, wait_for_line, wait_for_lines
from tests.merchant_backend import SECRET, MerchantBackend
from tests.sources.conftest import save_modem_profile

VICTIM = "+919812345678"
ATTACKER = "+919900011122"
DIAL = "+918000000001"
#: What the attacker texts to the kiosk's number (it is on the screen).
FORGED_CLIP = f'+CLIP: "{VICTIM}",145,,,,0'
INBOUND_SECRET = "a-shared-secret-of-at-least-32-characters"
#: A reference that would end the SMS early and run the rest as modem commands.
INJECTED = "ORDER-9\x1aAT+CFUN=0\r"


def verify_args(database_url: str, backend: MerchantBackend, *args: str) -> list[str]:
    return [
        *args,
        "--dial-number", DIAL,
        "--callback-url", backend.url,
        "--callback-secret", SECRET,
        "--database-url", database_url,
        "--json",
    ]  # fmt: skip


# -- item 1: a caller ID inside a text message ------------------------------------------


@pytest.mark.parametrize("modem_takes_cnmi", [True, False], ids=["stores-texts", "pushes-texts"])
async def test_a_caller_id_texted_to_the_kiosk_does_not_verify_the_victim(
    database_url: str, backend: MerchantBackend, modem_takes_cnmi: bool
) -> None:
    async with ModemSimulator() as simulator:
        # Someone once set the modem to push texts to the port and saved it.
        await asyncio.to_thread(save_modem_profile, simulator.port, "AT+CNMI=2,2", "AT&W")
        simulator.cnmi = modem_takes_cnmi  # a modem that refuses the kiosk's AT+CNMI keeps pushing
        process = await start_verify(
            *verify_args(database_url, backend, "--phone", VICTIM, "--modem-port", simulator.port,
                         "--timeout", "4")
        )  # fmt: skip
        assert process.stderr is not None
        async with asyncio.timeout(40):
            await wait_for_line(process.stderr, "Waiting for a missed call")
            await simulator.wait_for_command("AT+CSDH=1")  # the kiosk has set the modem up
            simulator.receive_sms(ATTACKER, FORGED_CLIP)
            simulator.receive_sms(ATTACKER, f"Hi\r\nRING\r\n{FORGED_CLIP}\r\nRING")
            out, err = await process.communicate()
    assert process.returncode == 1, err.decode()
    data = json.loads(out)
    assert (data["status"], data["caller_number"]) == ("expired", None)
    assert backend.received[0].payload["data"]["status"] == "expired"
    assert len(simulator.stored_sms) == (2 if modem_takes_cnmi else 0)


# -- item 2: a replayed provider push ---------------------------------------------------


def _listener_env(monkeypatch: pytest.MonkeyPatch, port: int, secret: str) -> None:
    monkeypatch.setenv("KIOSK_INBOUND_LISTEN", "true")
    monkeypatch.setenv("KIOSK_INBOUND_PORT", str(port))
    monkeypatch.setenv("KIOSK_INBOUND_SECRET", secret)


async def _verify_by_push(
    database_url: str,
    backend: MerchantBackend,
    port: int,
    push: tuple[dict[str, str], dict[str, str]],
) -> tuple[int, dict[str, object], httpx.Response]:
    """One ``verify`` listening for pushes; ``push`` (query, headers) is sent once it listens."""
    process = await start_verify(
        *verify_args(database_url, backend, "--phone", VICTIM, "--timeout", "3")
    )
    assert process.stderr is not None
    async with asyncio.timeout(40):
        await wait_for_lines(
            process.stderr, "Waiting for a missed call", "Listening for provider notifications"
        )
        async with httpx.AsyncClient() as client:
            params, headers = push
            answer = await client.get(
                f"http://127.0.0.1:{port}/smsgatewaycenter/missed-call",
                params=params,
                headers=headers,
            )
        out, err = await process.communicate()
    assert process.returncode in (0, 1), err.decode()
    return process.returncode, json.loads(out), answer


def _push(create_time: int) -> tuple[dict[str, str], dict[str, str]]:
    """SMS Gateway Center's callback for a call from the victim, with the secret in the header."""
    params = {
        "mobile": "9812345678",
        "missCallTo": "08000000001",
        "createTime": str(create_time),
        "status": "success",
    }
    return params, {"X-Kiosk-Secret": INBOUND_SECRET}


async def test_the_same_push_twice_verifies_one_session_only(
    database_url: str,
    backend: MerchantBackend,
    monkeypatch: pytest.MonkeyPatch,
    unused_tcp_port: int,
) -> None:
    _listener_env(monkeypatch, unused_tcp_port, INBOUND_SECRET)
    push = _push(int(time.time()) + 2)  # made while the first session waits
    code, first, answer = await _verify_by_push(database_url, backend, unused_tcp_port, push)
    assert (code, first["status"], answer.status_code) == (0, "verified", 200)
    # The attacker captured it and sends the very same request for the next customer.
    code, second, replayed = await _verify_by_push(database_url, backend, unused_tcp_port, push)
    assert replayed.status_code == 409
    assert (code, second["status"], second["caller_number"]) == (1, "expired", None)
    assert [d.payload["data"]["status"] for d in backend.received] == ["verified", "expired"]


async def test_a_secret_in_the_address_and_an_old_push_do_not_verify(
    database_url: str,
    backend: MerchantBackend,
    monkeypatch: pytest.MonkeyPatch,
    unused_tcp_port: int,
) -> None:
    _listener_env(monkeypatch, unused_tcp_port, INBOUND_SECRET)
    params, _header = _push(int(time.time()) + 1)
    in_address = ({**params, "secret": INBOUND_SECRET}, {})
    code, data, answer = await _verify_by_push(database_url, backend, unused_tcp_port, in_address)
    assert (answer.status_code, code, data["status"]) == (403, 1, "expired")
    assert "X-Kiosk-Secret" in answer.text
    old = _push(int(time.time()) - 3600)  # an hour old: captured earlier, sent now
    code, data, answer = await _verify_by_push(database_url, backend, unused_tcp_port, old)
    assert (answer.status_code, code, data["status"]) == (422, 1, "expired")


def test_a_short_shared_secret_is_a_settings_error_naming_it(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_INBOUND_LISTEN", "true")
    monkeypatch.setenv("KIOSK_INBOUND_SECRET", "shh-123")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.app", "verify", "--phone", VICTIM, "--dial-number", DIAL,
         "--timeout", "1", "--database-url", database_url],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "inbound_secret" in result.stderr
    assert "at least 32 characters" in result.stderr
    assert "shh-123" not in result.stderr + result.stdout


# -- item 7: modem commands in a reference ----------------------------------------------


def test_an_import_refuses_a_reference_with_control_characters(
    database_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text(f'Order No,Name,Mobile\r\n"{INJECTED}",Mallory,9812345678\r\n')
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.app", "customers", "import", str(path),
         "--database-url", database_url],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "0 customers added, 0 updated, 1 rejected" in result.stdout
    with (tmp_path / "manifest.rejected.csv").open(encoding="utf-8-sig", newline="") as report:
        [row] = list(csv.DictReader(report))
    assert row["value"] == "ORDER-9␚AT+CFUN=0"
    assert row["reason"].startswith("The reference holds a control character")


async def test_a_stored_reference_with_modem_commands_starts_nothing_and_sends_nothing(
    database_url: str, backend: MerchantBackend
) -> None:
    database = Database(database_url)
    database.migrate()
    with database.session() as session:  # written before references were checked
        upsert_customers(session, [NewCustomer(INJECTED, "Mallory", VICTIM)], now=datetime.now(UTC))
    database.dispose()
    async with ModemSimulator() as simulator:
        process = await start_verify(
            *verify_args(database_url, backend, "--reference", INJECTED, "--sms",
                         "--modem-port", simulator.port, "--timeout", "30")
        )  # fmt: skip
        async with asyncio.timeout(40):
            out, err = await process.communicate()
        commands = list(simulator.commands)
    assert process.returncode == 2
    assert "reference holds a hidden control character" in err.decode()
    assert out == b""
    assert not [command for command in commands if "CFUN" in command or "CMGS" in command]
    assert simulator.sent_sms == []
    assert backend.received == []
