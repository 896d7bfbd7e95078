from pathlib import Path

import pytest

from kiosk.app import build_parser, main
from kiosk.cli.common import common_options, help_text
from kiosk.config.settings import SETTINGS

VALUES = {"--region": "GB", "--timeout": "30", "--language": "hi", "--source": "twilio"}


@pytest.mark.parametrize("info", [info for info in SETTINGS if info.flag], ids=lambda i: i.name)
def test_every_flag_sets_its_setting(info) -> None:
    assert info.flag is not None
    flag = info.flag.names[-1]
    given = [flag] if info.switch else [flag, VALUES.get(flag, "x")]
    expected = True if info.switch else VALUES.get(flag, "x")
    if info.flag.kiosk_screen:
        assert vars(build_parser().parse_args(given))[info.name] == expected
    else:  # before or after the subcommand
        for line in (["outbox", "list", *given], [*given, "outbox", "list"]):
            assert vars(build_parser().parse_args(line))[info.name] == expected


def test_options_not_given_are_absent_so_they_never_override() -> None:
    options = vars(build_parser().parse_args(["outbox", "list"]))
    assert not {info.name for info in SETTINGS} & set(options)


def test_the_modem_commands_take_the_common_options_without_timeout() -> None:
    flags = {
        flag
        for action in common_options(without={"--timeout"})._actions
        for flag in action.option_strings
    }
    assert "--modem-port" in flags
    assert "--timeout" not in flags
    options = build_parser().parse_args(["modem", "listen", "--timeout", "5", "--region", "GB"])
    assert (options.listen_timeout, options.region) == (5.0, "GB")
    assert "timeout" not in vars(options)


def test_help_says_the_meaning_and_the_default_in_plain_text() -> None:
    infos = {info.name: info for info in SETTINGS}
    assert help_text(infos["timeout"]) == "seconds a customer has to dial (default: 120)"
    assert help_text(infos["demo"]) == "simulated modem and sample customers"
    assert "`" not in help_text(infos["modem_port"])


def test_an_unknown_setting_is_warned_about_at_start_and_the_command_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('modem_prot = "/dev/ttyUSB2"\n')
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setenv("KIOSK_CALLBACK_SECERT", "x")
    database = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    assert main(["--config", str(config), "--database-url", database, "outbox", "list"]) == 0
    err = capsys.readouterr().err
    assert "'modem_prot' in the config file (did you mean modem_port?)" in err
    assert "KIOSK_CALLBACK_SECERT (did you mean callback_secret?)" in err
    log = (tmp_path / "log" / "kiosk.log").read_text(encoding="utf-8")
    assert "WARNING kiosk.config: Not a setting, ignored: 'modem_prot'" in log
