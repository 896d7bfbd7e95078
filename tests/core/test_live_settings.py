from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.config.editor import SettingsProblem, current_values, validate
from kiosk.config.settings import load_settings
from kiosk.core.live_settings import LiveSettings, check_providers, detect_modem
from kiosk.core.runtime import KioskRuntime
from kiosk.sources.simulator import ModemSimulator


def test_a_provider_without_its_credentials_is_refused(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "c.toml", dial_number="+918000000001")
    with pytest.raises(SettingsProblem) as caught:
        check_providers(validate(settings, {"source": "twilio"}))
    assert "KIOSK_TWILIO_ACCOUNT_SID" in caught.value.problems["source"]
    ready = load_settings(
        tmp_path / "c.toml",
        dial_number="+918000000001",
        twilio_account_sid="AC123",
        twilio_auth_token="token",
    )
    updated = validate(ready, {"source": "twilio"})
    check_providers(updated)
    assert updated.source == "twilio"


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


async def test_detect_finds_the_port_that_answers_at(tmp_path: Path) -> None:
    async with ModemSimulator() as simulator:
        settings = load_settings(tmp_path / "c.toml", modem_port=simulator.port)
        assert await detect_modem(settings) == simulator.port
    nothing = load_settings(tmp_path / "c.toml", modem_port="/dev/no-such-port")
    assert await detect_modem(nothing) is None
