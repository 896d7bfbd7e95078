from pathlib import Path

from kiosk.config.unknown import OTHER_VARIABLES, unknown_settings


def test_misspelt_keys_are_named_with_the_setting_they_probably_mean(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('modem_prot = "/dev/ttyUSB2"\ntimeout = 30\nflavour = "x"\n')
    environ = {"KIOSK_CALLBACK_SECERT": "x", "KIOSK_TIMEOUT": "9", "HOME": "/root"}
    found = [str(item) for item in unknown_settings(config, environ)]
    assert found == [
        "'modem_prot' in the config file (did you mean modem_port?)",
        "'flavour' in the config file",
        "KIOSK_CALLBACK_SECERT (did you mean callback_secret?)",
    ]


def test_variables_read_on_purpose_are_not_settings_gone_wrong(tmp_path: Path) -> None:
    environ = dict.fromkeys(OTHER_VARIABLES, "x") | {"kiosk_region": "GB"}
    assert unknown_settings(tmp_path / "none.toml", environ) == []


def test_an_unreadable_config_file_is_left_to_the_settings_reader(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("modem_port = \n")
    assert unknown_settings(config, {}) == []
