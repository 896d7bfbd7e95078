from pydantic import SecretStr

from kiosk.config.metadata import Flag, OnScreen, describe
from kiosk.config.settings import SETTINGS, Settings


def test_every_setting_is_described_once_with_a_meaning() -> None:
    assert sorted(info.name for info in SETTINGS) == sorted(Settings.model_fields)
    for info in SETTINGS:
        assert info.meaning, f"{info.name} says nothing about what it means"
    assert describe(Settings) == SETTINGS


def test_what_each_field_declares_is_read_back() -> None:
    infos = {info.name: info for info in SETTINGS}
    timeout = infos["timeout"]
    assert (timeout.section, timeout.env, timeout.default) == ("basic", "KIOSK_TIMEOUT", 120)
    assert timeout.flag == Flag("--timeout")
    assert isinstance(timeout.screen, OnScreen)
    assert (timeout.screen.low, timeout.screen.high, timeout.number) == (10, 900, True)
    assert infos["verbose"].flag == Flag("-v", "--verbose")
    assert infos["verbose"].switch
    assert infos["kiosk_mode"].flag == Flag("--kiosk", kiosk_screen=True)
    assert infos["modem_port"].restart
    assert not infos["callback_url"].restart
    assert infos["kiosk_id"].shown_default == "host name"
    assert infos["region"].shown_default == "`IN`"
    assert infos["http_json_items"].shown_default == '`""`'
    assert infos["allow_ad_hoc"].shown_default == "true"
    assert infos["source"].optional
    assert infos["staff_pin_hash"].section == "screen"


def test_secrets_are_the_secret_typed_settings() -> None:
    secrets = {info.name for info in SETTINGS if info.secret}
    assert secrets == {
        name for name, field in Settings.model_fields.items() if SecretStr in _types(field)
    }
    assert {"callback_secret", "sim_pin", "staff_pin_hash", "twilio_auth_token"} <= secrets


def test_flags_and_screen_places_are_unique() -> None:
    flags = [name for info in SETTINGS if info.flag for name in info.flag.names]
    assert len(flags) == len(set(flags))
    places = [info.place for info in SETTINGS if info.screen]
    assert len(places) == len(set(places))


def _types(field) -> set[type]:
    annotation = field.annotation
    return set(getattr(annotation, "__args__", (annotation,)))
