import pytest

from kiosk import __version__
from kiosk.app import build_parser, main
from kiosk.cli.common import settings_from


def test_options_become_settings_and_unset_ones_do_not_override() -> None:
    options = build_parser().parse_args(
        ["verify", "--phone", "9812345678", "--timeout", "30", "--region", "gb", "--json"]
    )
    settings = settings_from(options)
    assert settings.timeout == 30
    assert settings.region == "GB"
    assert settings.callback_url is None
    assert options.json


def test_common_options_work_before_the_subcommand_too() -> None:
    options = build_parser().parse_args(["--kiosk-id", "counter-9", "outbox", "retry"])
    assert settings_from(options).kiosk_id == "counter-9"
    assert options.action == "retry"


def test_verify_needs_a_reference_or_a_phone(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["verify"])
    assert exited.value.code == 2
    assert "--reference" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert __version__ in capsys.readouterr().out


def test_a_bad_setting_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outbox", "--timeout", "never"]) == 2
    assert "Configuration problem in timeout" in capsys.readouterr().err


def test_kiosk_screen_flags_and_their_config_twins(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    options = build_parser().parse_args(["--kiosk", "--customer-screen", "--language", "hi"])
    settings = settings_from(options)
    assert (settings.kiosk_mode, settings.customer_screen, settings.language) == (True, True, "hi")
    config = tmp_path / "config.toml"
    config.write_text("kiosk_mode = true\ncustomer_screen = true\n", encoding="utf-8")
    from_file = settings_from(build_parser().parse_args(["--config", str(config)]))
    assert from_file.kiosk_mode
    assert from_file.customer_screen
    monkeypatch.setenv("KIOSK_KIOSK_MODE", "false")
    assert not settings_from(build_parser().parse_args(["--config", str(config)])).kiosk_mode
    assert not settings_from(build_parser().parse_args([])).customer_screen


def test_an_unknown_language_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--language", "fr", "outbox"]) == 2
    assert "Configuration problem in language" in capsys.readouterr().err
