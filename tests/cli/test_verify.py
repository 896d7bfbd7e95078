"""The ``verify`` and ``outbox`` commands end to end, as subprocesses, against real parts."""

import asyncio
import json
import re
import subprocess
import sys
from datetime import UTC, datetime

import httpx
import pytest

from kiosk.sources.simulator import ModemSimulator
from tests.merchant_backend import SECRET, MerchantBackend
from tests.sources.provider.fake_call_log import FakeCallLog
from tests.sources.provider.fake_exotel import FakeExotel
from tests.sources.provider.fake_plivo import FakePlivo
from tests.sources.provider.fake_twilio import ACCOUNT_SID as TWILIO_SID
from tests.sources.provider.fake_twilio import AUTH_TOKEN as TWILIO_TOKEN
from tests.sources.provider.fake_twilio import FakeTwilio, call_record

CALLER = "+919812345678"
DIAL = "+918000000001"
INBOUND_SECRET = "a-shared-secret-of-at-least-32-characters"


async def start_verify(*args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "kiosk.app",
        "verify",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def wait_for_line(stream: asyncio.StreamReader, text: str) -> str:
    while True:
        line = (await stream.readline()).decode()
        if not line:
            raise AssertionError(f"stream ended before {text!r}")
        if text in line:
            return line


async def wait_for_lines(stream: asyncio.StreamReader, *texts: str) -> None:
    """Wait until every text has appeared on a line, in any order."""
    missing = set(texts)
    while missing:
        line = (await stream.readline()).decode()
        if not line:
            raise AssertionError(f"stream ended before {missing!r}")
        missing = {text for text in missing if text not in line}


async def test_verify_by_phone_against_the_simulated_modem(
    database_url: str, backend: MerchantBackend
) -> None:
    async with ModemSimulator() as simulator:
        process = await start_verify(
            "--phone", "098123 45678",
            "--modem-port", simulator.port,
            "--dial-number", "080000 00001",
            "--callback-url", backend.url,
            "--callback-secret", SECRET,
            "--timeout", "30",
            "--database-url", database_url,
            "--kiosk-id", "cli-test",
            "--json",
        )  # fmt: skip
        assert process.stdout is not None
        assert process.stderr is not None
        async with asyncio.timeout(20):
            await simulator.caller_id_enabled.wait()
            waiting = await wait_for_line(process.stderr, "Waiting for a missed call")
            assert await simulator.ring(CALLER, rings=3, interval=0.3)
            out, err = await process.communicate()
    assert "ending 5678" in waiting
    assert CALLER not in waiting
    assert process.returncode == 0, err.decode()
    data = json.loads(out)
    assert data["status"] == "verified"
    assert data["caller_number"] == CALLER
    assert data["expected_number"] == CALLER
    assert data["customer_id"] is None  # not on file: verified ad hoc
    assert data["dialed_number"] == "+918000000001"
    assert data["kiosk_id"] == "cli-test"
    [delivery] = backend.received
    assert delivery.signature_ok
    assert delivery.payload["data"] == data


async def test_verify_exits_1_when_nobody_dials(
    database_url: str, backend: MerchantBackend
) -> None:
    async with ModemSimulator() as simulator:
        process = await start_verify(
            "--phone", CALLER,
            "--modem-port", simulator.port,
            "--callback-url", backend.url,
            "--callback-secret", SECRET,
            "--timeout", "1",
            "--database-url", database_url,
            "--json",
        )  # fmt: skip
        async with asyncio.timeout(20):
            out, err = await process.communicate()
    assert process.returncode == 1, err.decode()
    assert json.loads(out)["status"] == "expired"
    assert backend.received[0].payload["data"]["status"] == "expired"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reference", "ORDER-404"], "No customer has the reference 'ORDER-404'."),
        (["--phone", "12"], "'12' has the wrong number of digits."),
        (["--phone", CALLER, "--timeout", "-5"], "Configuration problem in timeout"),
    ],
)
def test_verify_errors_exit_2_with_a_plain_message(
    database_url: str, args: list[str], message: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.app", "verify", *args, "--database-url", database_url,
         "--modem-port", "/dev/nonexistent-modem"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert message in result.stderr


def test_outbox_lists_and_retries_results(database_url: str, backend: MerchantBackend) -> None:
    def outbox(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kiosk.app", "outbox", *args, "--database-url", database_url],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    cancelled = subprocess.run(
        [sys.executable, "-m", "kiosk.app", "verify", "--phone", CALLER, "--timeout", "0.5",
         "--modem-port", "/dev/nonexistent-modem", "--database-url", database_url],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert cancelled.returncode == 1
    assert "not sent to the backend yet" in cancelled.stderr

    listed = json.loads(outbox("list", "--json").stdout)
    assert [row["status"] for row in listed] == ["expired"]

    retried = outbox("retry", "--callback-url", backend.url, "--callback-secret", SECRET)
    assert retried.returncode == 0, retried.stderr
    assert "Sent 1; 0 still waiting." in retried.stdout
    assert backend.received[0].webhook_id == listed[0]["webhook_id"]
    assert "No results are waiting" in outbox().stdout


def test_verify_without_a_modem_refuses_instead_of_pretending(database_url: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.app", "verify", "--phone", CALLER,
         "--database-url", database_url],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "No modem is configured" in result.stderr
    assert "--demo" in result.stderr


async def test_verify_by_polling_a_json_provider(
    database_url: str, backend: MerchantBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    call_log = FakeCallLog()
    try:
        monkeypatch.setenv("KIOSK_HTTP_JSON_URL", call_log.url)
        monkeypatch.setenv("KIOSK_HTTP_JSON_AUTH_HEADER", "Bearer s3cret")
        monkeypatch.setenv("KIOSK_HTTP_JSON_ITEMS", "data.calls")
        monkeypatch.setenv("KIOSK_HTTP_JSON_CALLER", "caller.number")
        monkeypatch.setenv("KIOSK_HTTP_JSON_TIME", "started")
        monkeypatch.setenv("KIOSK_HTTP_JSON_ID", "sid")
        process = await start_verify(
            "--source", "http-json",
            "--phone", CALLER,
            "--dial-number", "+918000000001",
            "--callback-url", backend.url,
            "--callback-secret", SECRET,
            "--timeout", "30",
            "--database-url", database_url,
            "--json",
        )  # fmt: skip
        assert process.stderr is not None
        async with asyncio.timeout(20):
            await wait_for_line(process.stderr, "Waiting for a missed call")
            call_log.add("CA1", "098123 45678", datetime.now(UTC))
            out, err = await process.communicate()
    finally:
        call_log.stop()
    assert process.returncode == 0, err.decode()
    data = json.loads(out)
    assert (data["status"], data["source"], data["caller_number"]) == (
        "verified", "http-json", CALLER,
    )  # fmt: skip
    assert call_log.requests  # it polled while the session was pending
    assert backend.received[0].payload["data"] == data


def _twilio() -> tuple[object, dict[str, str], object]:
    fake = FakeTwilio()
    fake.start()
    env = {"KIOSK_TWILIO_ACCOUNT_SID": TWILIO_SID, "KIOSK_TWILIO_AUTH_TOKEN": TWILIO_TOKEN}
    return fake, env, lambda at: fake.add(call_record("CA1", CALLER, DIAL, at, status="busy"))


def _exotel() -> tuple[object, dict[str, str], object]:
    fake = FakeExotel().start()
    env = {
        "KIOSK_EXOTEL_ACCOUNT_SID": fake.account_sid,
        "KIOSK_EXOTEL_API_KEY": fake.api_key,
        "KIOSK_EXOTEL_API_TOKEN": fake.api_token,
    }
    return fake, env, lambda at: fake.add_call("e1", caller="09812345678", at=at, exophone=DIAL)


def _plivo() -> tuple[object, dict[str, str], object]:
    fake = FakePlivo().start()
    env = {"KIOSK_PLIVO_AUTH_ID": fake.auth_id, "KIOSK_PLIVO_AUTH_TOKEN": fake.auth_token}
    return fake, env, lambda at: fake.add_call("p1", caller="919812345678", at=at, to=DIAL[1:])


@pytest.mark.parametrize(("source", "make_fake"), [
    ("twilio", _twilio), ("exotel", _exotel), ("plivo", _plivo),
])  # fmt: skip
async def test_verify_by_polling_each_provider(
    database_url: str, monkeypatch: pytest.MonkeyPatch, source: str, make_fake
) -> None:
    fake, env, place_call = make_fake()
    try:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        process = await start_verify(
            "--source", source,
            "--provider-base-url", fake.base_url,
            "--phone", CALLER,
            "--dial-number", DIAL,
            "--timeout", "30",
            "--database-url", database_url,
            "--json",
        )  # fmt: skip
        assert process.stderr is not None
        async with asyncio.timeout(20):
            await wait_for_line(process.stderr, "Waiting for a missed call")
            place_call(datetime.now(UTC))
            out, err = await process.communicate()
    finally:
        fake.stop()
    assert process.returncode == 0, err.decode()
    data = json.loads(out)
    assert (data["status"], data["source"], data["caller_number"]) == ("verified", source, CALLER)
    token = next(value for key, value in env.items() if key.endswith("TOKEN"))
    assert token not in err.decode()


async def test_verify_from_a_provider_notification(
    database_url: str, monkeypatch: pytest.MonkeyPatch, unused_tcp_port: int
) -> None:
    monkeypatch.setenv("KIOSK_INBOUND_LISTEN", "true")
    monkeypatch.setenv("KIOSK_INBOUND_PORT", str(unused_tcp_port))
    monkeypatch.setenv("KIOSK_INBOUND_SECRET", INBOUND_SECRET)
    process = await start_verify(
        "--phone", CALLER, "--dial-number", DIAL, "--timeout", "30",
        "--database-url", database_url, "--json",
    )  # fmt: skip
    assert process.stderr is not None
    async with asyncio.timeout(20):
        await wait_for_lines(
            process.stderr, "Waiting for a missed call", "Listening for provider notifications"
        )
        async with httpx.AsyncClient() as client:
            answer = await client.get(
                f"http://127.0.0.1:{unused_tcp_port}/exotel/passthru",
                params={"CallSid": "ex1", "CallFrom": "09812345678", "CallTo": "08000000001",
                        "Direction": "incoming"},
                headers={"X-Kiosk-Secret": INBOUND_SECRET},
            )  # fmt: skip
        out, err = await process.communicate()
    assert answer.status_code == 200
    assert process.returncode == 0, err.decode()
    data = json.loads(out)
    assert (data["status"], data["source"], data["caller_number"]) == ("verified", "exotel", CALLER)


async def test_verify_by_sms_code_end_to_end(database_url: str, backend: MerchantBackend) -> None:
    async with ModemSimulator() as simulator:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "kiosk.app", "verify",
            "--phone", CALLER, "--sms",
            "--modem-port", simulator.port,
            "--callback-url", backend.url,
            "--callback-secret", SECRET,
            "--timeout", "60",
            "--database-url", database_url,
            "--json",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert process.stdin is not None
        assert process.stderr is not None
        async with asyncio.timeout(30):
            sent = await wait_for_line(process.stderr, "Code sent by SMS")
            [(number, message)] = await simulator.wait_for_sms()
            code = re.search(r"\b(\d{6})\b", message)
            assert code is not None
            process.stdin.write(b"999999\n" if code.group(1) != "999999" else b"000000\n")
            await process.stdin.drain()
            wrong = await wait_for_line(process.stderr, "Wrong code")
            process.stdin.write(code.group(1).encode() + b"\n")
            await process.stdin.drain()
            out, err = await process.communicate()
    assert "phone ending 5678" in sent
    assert number == CALLER
    assert wrong.strip() == "Wrong code. 4 tries left."
    assert process.returncode == 0, err.decode()
    assert "Code accepted." in err.decode()
    data = json.loads(out)
    assert data["status"] == "verified"
    assert data["method"] == "sms_code"
    [delivery] = backend.received
    assert delivery.signature_ok
    assert delivery.payload["data"]["method"] == "sms_code"
