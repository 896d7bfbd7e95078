"""Secrets from files and systemd credentials instead of a command line anybody can read."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from kiosk.app import build_parser
from kiosk.cli.common import settings_from
from kiosk.config.settings import load_settings
from kiosk.domain.pin import check_pin, hash_pin
from tests.merchant_backend import SECRET

OTHER_SECRET = "whsec_" + "b3RoZXIgc2VjcmV0IG9mIHRoZSBraW9zaw=="


def private_file(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def from_command_line(*args: str):
    return settings_from(build_parser().parse_args(["outbox", "list", *args]))


def test_callback_secret_and_sim_pin_files_on_the_command_line(tmp_path: Path, capsys) -> None:
    secret = private_file(tmp_path / "callback_secret", SECRET + "\n")
    pin = private_file(tmp_path / "sim_pin", "0000\n")
    settings = from_command_line("--callback-secret-file", str(secret), "--sim-pin-file", str(pin))
    assert settings.callback_secret is not None
    assert settings.callback_secret.get_secret_value() == SECRET
    assert settings.sim_pin is not None
    assert settings.sim_pin.get_secret_value() == "0000"
    assert capsys.readouterr().err == ""  # no warning: nothing secret on the command line


@pytest.mark.parametrize(("flag", "value"), [("--callback-secret", SECRET), ("--sim-pin", "0000")])
def test_a_secret_on_the_command_line_works_with_a_warning(flag: str, value: str, capsys) -> None:
    from_command_line(flag, value)
    err = capsys.readouterr().err
    assert f"Warning: {flag} puts a secret on the command line" in err
    assert "(ps)" in err
    assert "shell history" in err
    assert f"{flag}-file FILE" in err
    assert value not in err


def test_file_settings_from_the_environment_and_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = private_file(tmp_path / "token", "twilio-token\n")
    inbound = private_file(tmp_path / "inbound", "x" * 40)
    config = tmp_path / "config.toml"
    config.write_text(
        f'inbound_secret = "from-the-file-itself"\ninbound_secret_file = "{inbound}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("KIOSK_TWILIO_AUTH_TOKEN_FILE", str(token))
    settings = load_settings(config)
    assert settings.twilio_auth_token is not None
    assert settings.twilio_auth_token.get_secret_value() == "twilio-token"
    assert settings.inbound_secret is not None
    assert settings.inbound_secret.get_secret_value() == "x" * 40  # the file wins


def test_a_missing_or_empty_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"callback_secret_file: cannot read .*missing"):
        load_settings(callback_secret_file=str(tmp_path / "missing"))
    empty = private_file(tmp_path / "empty", "\n")
    with pytest.raises(ValidationError, match="empty; put the sim_pin in it"):
        load_settings(sim_pin_file=str(empty))


def test_a_secret_from_a_file_is_checked_like_any_other(tmp_path: Path) -> None:
    bad = private_file(tmp_path / "callback_secret", "not-a-webhook-secret")
    with pytest.raises(ValidationError, match="whsec_"):
        load_settings(callback_secret_file=str(bad))


def test_systemd_credentials_are_read_from_their_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    private_file(credentials / "callback_secret", SECRET)
    private_file(credentials / "staff_pin_hash", hash_pin("250913") + "\n")
    private_file(credentials / "timeout", "5")  # not a secret: never read from here
    config = tmp_path / "config.toml"
    config.write_text(f'callback_secret = "{OTHER_SECRET}"\ntimeout = 60\n', encoding="utf-8")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    settings = load_settings(config)
    assert settings.callback_secret is not None
    assert settings.callback_secret.get_secret_value() == SECRET  # beats the config file
    assert settings.staff_pin_hash is not None
    assert check_pin("250913", settings.staff_pin_hash.get_secret_value())
    assert settings.timeout == 60
    monkeypatch.setenv("KIOSK_CALLBACK_SECRET", OTHER_SECRET)
    settings = load_settings(config)
    assert settings.callback_secret is not None
    assert settings.callback_secret.get_secret_value() == OTHER_SECRET  # the environment wins
