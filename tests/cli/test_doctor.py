"""The ``doctor`` and ``diagnostics`` commands end to end, as the installer runs them."""

from __future__ import annotations

import asyncio
import json
import sys
import zipfile
from pathlib import Path

import pytest

from kiosk.app import main
from kiosk.sources.simulator import ModemSimulator
from tests.merchant_backend import MerchantBackend

SECRET_PIN = "4321"


async def kiosk(*args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "kiosk.app", *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    async with asyncio.timeout(40):
        out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_doctor_passes_on_a_good_site(
    backend: MerchantBackend, callback_secret: str, database_url: str, tmp_path: Path
) -> None:
    secret_file = tmp_path / "callback_secret"
    secret_file.write_text(callback_secret, encoding="utf-8")
    async with ModemSimulator() as simulator:
        code, out, err = await kiosk(
            "doctor", "--modem-port", simulator.port, "--dial-number", "+918000000001",
            "--callback-url", backend.url, "--callback-secret-file", str(secret_file),
            "--database-url", database_url,
        )  # fmt: skip
    assert code == 0, out + err
    assert "[ OK ] Modem: SIMULATED Virtual modem answers on" in out
    assert "[ OK ] Callback URL: 127.0.0.1 accepted a signed test event (HTTP 200)." in out
    assert "[FAIL]" not in out
    assert err == ""  # the checklist is the output; logs go to the log file


async def test_doctor_json_and_exit_status_on_a_failure(database_url: str) -> None:
    code, out, _ = await kiosk(
        "doctor", "--json", "--modem-port", "/dev/no-such-modem", "--database-url", database_url
    )
    report = json.loads(out)
    assert code == 1
    assert report["ok"] is False
    modem = next(check for check in report["checks"] if check["key"] == "modem")
    assert modem["status"] == "fail"
    assert modem["message"] == "Modem not found on /dev/no-such-modem. Check that it is plugged in."


def test_doctor_reports_a_broken_config_instead_of_stopping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('timeout = "never"\n')
    assert main(["doctor", "--config", str(config)]) == 1
    out = capsys.readouterr().out
    assert "[FAIL] Configuration: Configuration problem in timeout" in out
    assert f"What to do: Correct {config}" in out


def test_diagnostics_bundle_has_logs_checks_and_no_secrets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    (log_dir / "kiosk.log").write_text("INFO kiosk.core.service: verified ORDER-1042\n")
    (log_dir / "kiosk.log.1").write_text('INFO kiosk.modem: << +CLIP: "+919812345678",145\n')
    config = tmp_path / "config.toml"
    config.write_text(
        f'callback_url = "https://user:hunter22@shop.example/hooks?token=abc123"\n'
        f'callback_secret = "{secret}"\n'
        f'sim_pin = "{SECRET_PIN}"\n'
        f'log_dir = "{log_dir}"\n'
        f'kiosk_id = "counter 1"\n'
    )
    monkeypatch.setenv("KIOSK_TWILIO_AUTH_TOKEN", "tok-should-not-leak")
    output = tmp_path / "out" / "diag.zip"
    assert main(["diagnostics", "--config", str(config), "--output", str(output)]) == 0
    assert f"Diagnostics saved to {output}" in capsys.readouterr().out
    with zipfile.ZipFile(output) as bundle:
        names = set(bundle.namelist())
        texts = {name: bundle.read(name).decode() for name in names}
    assert {"doctor.txt", "doctor.json", "settings.json", "config.toml", "environment.txt",
            "about.txt", "README.txt", "logs/kiosk.log", "logs/kiosk.log.1"} <= names  # fmt: skip
    everything = "\n".join(texts.values())
    for leak in (secret, "hunter22", "abc123", "tok-should-not-leak", "+919812345678"):
        assert leak not in everything, leak
    assert 'sim_pin = "<removed>"' in texts["config.toml"]
    assert "verified ORDER-1042" in texts["logs/kiosk.log"]
    assert "+91 ••••••5678" in texts["logs/kiosk.log.1"]
    settings = json.loads(texts["settings.json"])
    assert settings["callback_secret"] == "<removed>"
    assert settings["kiosk_id"] == "counter 1"
    assert json.loads(texts["doctor.json"])["checks"][0]["key"] == "config"
    assert "KIOSK_TWILIO_AUTH_TOKEN=<removed>" in texts["environment.txt"]
