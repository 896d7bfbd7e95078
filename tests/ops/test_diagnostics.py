"""The diagnostics bundle: what goes in, and that no secret does."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from kiosk.config.settings import SETTINGS
from kiosk.ops.diagnostics import create_bundle, default_bundle_path, redact_toml, redact_urls
from tests.merchant_backend import SECRET


def test_urls_lose_passwords_and_query_values_but_keep_the_rest() -> None:
    text = "post to https://shop:hunter22@shop.example/hooks?token=abc&x=1 now"
    assert (
        redact_urls(text)
        == "post to https://shop:removed@shop.example/hooks?token=removed&x=removed now"
    )
    assert redact_urls("postgresql+psycopg://kiosk:pw1234@db/kiosk") == (
        "postgresql+psycopg://kiosk:removed@db/kiosk"
    )
    assert redact_urls("sqlite:////var/lib/kiosk.sqlite3") == "sqlite:////var/lib/kiosk.sqlite3"


def test_secret_keys_are_removed_from_the_config_file_and_comments_kept() -> None:
    text = (
        "# counter by the door\n"
        'callback_secret = "whsec_abc"\n'
        'twilio_auth_token = "tok"\n'
        'sim_pin = "1234"\n'
        'modem_port = "/dev/kiosk-modem"\n'
    )
    assert redact_toml(text) == (
        "# counter by the door\n"
        'callback_secret = "<removed>"\n'
        'twilio_auth_token = "<removed>"\n'
        'sim_pin = "<removed>"\n'
        'modem_port = "/dev/kiosk-modem"\n'
    )


@pytest.mark.parametrize("name", [info.name for info in SETTINGS if info.secret])
def test_every_setting_declared_secret_is_removed(name: str) -> None:
    assert redact_toml(f'{name} = "s3cret-value"\n') == f'{name} = "<removed>"\n'


def test_the_default_name_says_which_kiosk(tmp_path: Path) -> None:
    path = default_bundle_path("counter 1/door", tmp_path)
    assert path.parent == tmp_path
    assert path.name.startswith("missedcall-kiosk-diagnostics-counter-1-door-")
    assert path.suffix == ".zip"


async def test_the_gui_can_make_a_bundle_without_touching_the_modem(
    make_settings, tmp_path: Path
) -> None:
    settings = make_settings(
        modem_port="/dev/no-such-modem", callback_secret=SECRET, log_dir=str(tmp_path / "log")
    )
    (tmp_path / "log").mkdir()
    (tmp_path / "log" / "kiosk.log").write_text(f"oops {SECRET}\n")
    path = await create_bundle(settings, tmp_path / "bundle.zip")
    with zipfile.ZipFile(path) as bundle:
        doctor = json.loads(bundle.read("doctor.json"))
        log = bundle.read("logs/kiosk.log").decode()
    modem = next(check for check in doctor["checks"] if check["key"] == "modem")
    assert modem["status"] == "skipped"
    assert SECRET not in log
    assert "oops <removed>" in log
