import pytest

from kiosk import __version__
from kiosk.app import build_parser, main, settings_from


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
