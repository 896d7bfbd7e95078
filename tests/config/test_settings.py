from pathlib import Path

import pytest
from pydantic import ValidationError

from kiosk.config.settings import DEMO_DIAL_NUMBER, load_settings


def test_defaults_mean_demo_mode_with_its_own_database() -> None:
    settings = load_settings()
    assert settings.is_demo
    assert settings.region == "IN"
    assert settings.timeout == 120
    assert settings.effective_dial_number == DEMO_DIAL_NUMBER
    assert settings.effective_database_url.endswith("/missedcall-kiosk/demo.sqlite3")


def test_a_modem_port_ends_demo_mode() -> None:
    settings = load_settings(modem_port="/dev/ttyUSB2")
    assert not settings.is_demo
    assert settings.effective_dial_number is None
    assert settings.effective_database_url.endswith("/missedcall-kiosk/kiosk.sqlite3")


def test_command_line_beats_environment_beats_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        'region = "GB"\ntimeout = 30\nkiosk_id = "from-file"\nmodem_port = "/dev/ttyUSB0"\n'
    )
    monkeypatch.setenv("KIOSK_TIMEOUT", "45")
    monkeypatch.setenv("KIOSK_KIOSK_ID", "from-env")
    settings = load_settings(config, kiosk_id="from-cli", modem_port=None)
    assert settings.region == "GB"  # file
    assert settings.timeout == 45  # environment over file
    assert settings.kiosk_id == "from-cli"  # command line over both
    assert settings.modem_port == "/dev/ttyUSB0"  # an option not given does not erase


def test_config_file_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text('callback_url = "http://127.0.0.1:9/hook"\n')
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    assert load_settings().callback_url == "http://127.0.0.1:9/hook"


def test_dial_number_is_normalised_with_the_region() -> None:
    assert load_settings(dial_number="080000 00001").dial_number == "+918000000001"
    assert load_settings(region="gb", dial_number="07911 123456").dial_number == "+447911123456"


def test_secret_never_shows_in_repr() -> None:
    settings = load_settings(callback_secret="whsec_c2VjcmV0c2VjcmV0")
    assert "c2VjcmV0" not in repr(settings)
    assert settings.callback_secret is not None
    assert settings.callback_secret.get_secret_value() == "whsec_c2VjcmV0c2VjcmV0"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("timeout", "0"),
        ("timeout", "soon"),
        ("dial_number", "12"),
        ("callback_timeout", "-1"),
        ("callback_secret", "plain-password"),
        ("callback_secret", "whsec_a"),
        ("callback_url", "ftp://example.com/hook"),
        ("callback_url", "http://[::1/hook"),
    ],
)
def test_bad_values_are_refused(field: str, value: str) -> None:
    with pytest.raises(ValidationError):
        load_settings(**{field: value})
