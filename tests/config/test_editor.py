from pathlib import Path

import pytest

from kiosk.config.editor import SettingsProblem, save, validate
from kiosk.config.settings import load_settings


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
