from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.config import load_settings
from kiosk.runtime import KioskRuntime
from kiosk.settings_editor import (
    TEST_EVENT,
    LiveSettings,
    SettingsProblem,
    current_values,
    detect_modem,
    save,
    send_test_callback,
    validate,
)
from kiosk.sources.simulator import ModemSimulator
from tests.merchant_backend import SECRET, MerchantBackend


def test_bad_values_are_named_in_plain_words(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "config.toml", demo=True)
    with pytest.raises(SettingsProblem) as caught:
        validate(
            settings,
            {"callback_url": "ftp://shop", "callback_secret": "abc", "timeout": -1},
        )
    problems = caught.value.problems
    assert problems["callback_url"] == "'ftp://shop' must be an http:// or https:// address."
    assert problems["callback_secret"] == "The callback secret must look like whsec_<base64>."
    assert "greater than 0" in problems["timeout"]
    with pytest.raises(SettingsProblem) as caught:
        validate(settings, {"region": "XX"})
    assert caught.value.problems == {"region": "'XX' is not a country code such as IN."}
    with pytest.raises(SettingsProblem) as caught:
        validate(settings, {"dial_number": "12"})
    assert "dial_number" in caught.value.problems


def test_a_provider_without_its_credentials_is_refused(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "c.toml", dial_number="+918000000001")
    with pytest.raises(SettingsProblem) as caught:
        validate(settings, {"source": "twilio"})
    assert "KIOSK_TWILIO_ACCOUNT_SID" in caught.value.problems["source"]
    ready = load_settings(
        tmp_path / "c.toml",
        dial_number="+918000000001",
        twilio_account_sid="AC123",
        twilio_auth_token="token",
    )
    assert validate(ready, {"source": "twilio"}).source == "twilio"


def test_empty_text_means_not_set(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "c.toml", callback_url="https://shop.example/hook")
    assert validate(settings, {"callback_url": "  "}).callback_url is None


def test_saving_keeps_other_keys_and_comments(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('# installer notes\nmodem_port = "/dev/ttyUSB2"\ntimeout = 90\n', "utf-8")
    settings = load_settings(config)
    updated = validate(settings, {"kiosk_id": "counter-9", "timeout": 45, "modem_port": ""})
    assert save(updated, ["kiosk_id", "timeout", "modem_port"]) == config
    text = config.read_text("utf-8")
    assert "# installer notes" in text
    assert "modem_port" not in text
    reread = load_settings(config)
    assert (reread.kiosk_id, reread.timeout, reread.modem_port) == ("counter-9", 45, None)


async def test_changes_apply_live_and_name_what_needs_a_restart(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    settings = load_settings(config, demo=True, database_url=f"sqlite:///{tmp_path / 'k.sqlite3'}")
    async with KioskRuntime(settings) as runtime:
        live = LiveSettings(runtime)
        assert live.change(live.values()) == []  # nothing changed, nothing saved
        assert not config.exists()
        restart = live.change(
            {"timeout": 30, "kiosk_id": "counter-2", "dial_number": "+91 80000 00002"}
        )
        assert restart == ["dial_number"]
        assert runtime.service.timeout == timedelta(seconds=30)
        assert runtime.service.kiosk_id == "counter-2"
        assert live.settings.kiosk_id == "counter-2"
        assert current_values(load_settings(config))["dial_number"] == "+918000000002"
        with pytest.raises(SettingsProblem):
            live.change({"timeout": 0})
        assert runtime.service.timeout == timedelta(seconds=30)


async def test_test_callback_is_signed_and_reported(backend: MerchantBackend) -> None:
    result = await send_test_callback(backend.url, SECRET, kiosk_id="k1")
    assert result.ok
    assert "accepted" in result.message
    [delivery] = backend.received
    assert delivery.signature_ok
    assert delivery.payload["type"] == TEST_EVENT
    assert delivery.payload["data"] == {"kiosk_id": "k1"}
    backend.answer(503)
    result = await send_test_callback(backend.url, SECRET, kiosk_id="k1")
    assert not result.ok
    assert result.message == "The backend answered 503 Service Unavailable."
    wrong = await send_test_callback(backend.url, "whsec_" + "QUJD" * 8, kiosk_id="k1")
    assert wrong.message == "The backend answered 401 Unauthorized."


async def test_test_callback_needs_url_and_secret_and_a_reachable_backend() -> None:
    assert (await send_test_callback(None, SECRET, kiosk_id="k")).message == (
        "Enter the callback URL first."
    )
    assert (await send_test_callback("http://x", None, kiosk_id="k")).message == (
        "Enter the callback secret first."
    )
    down = await send_test_callback("http://127.0.0.1:9/hook", SECRET, kiosk_id="k", wait=2)
    assert not down.ok
    assert down.message.startswith("Cannot reach the backend")


async def test_detect_finds_the_port_that_answers_at(tmp_path: Path) -> None:
    async with ModemSimulator() as simulator:
        settings = load_settings(tmp_path / "c.toml", modem_port=simulator.port)
        assert await detect_modem(settings) == simulator.port
    nothing = load_settings(tmp_path / "c.toml", modem_port="/dev/no-such-port")
    assert await detect_modem(nothing) is None
