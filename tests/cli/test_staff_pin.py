import io

import pytest

from kiosk.cli.staff_pin import run_staff_pin
from kiosk.config.settings import load_settings
from kiosk.domain.pin import check_pin


def test_prints_a_config_line_that_the_settings_accept(tmp_path) -> None:
    out = io.StringIO()
    answers = iter(["2468", "2468"])
    assert run_staff_pin(ask=lambda _prompt: next(answers), out=out) == 0
    line = out.getvalue().strip()
    assert line.startswith('staff_pin_hash = "scrypt$')
    config = tmp_path / "config.toml"
    config.write_text(line + "\n", encoding="utf-8")
    settings = load_settings(config)
    assert settings.staff_pin_hash is not None
    assert check_pin("2468", settings.staff_pin_hash.get_secret_value())


@pytest.mark.parametrize(("first", "second"), [("2468", "2469"), ("12", "12")])
def test_mismatch_or_bad_pin_changes_nothing(first: str, second: str, capsys) -> None:
    answers = iter([first, second])
    assert run_staff_pin(ask=lambda _prompt: next(answers), out=io.StringIO()) == 2
    assert capsys.readouterr().err.strip()


def test_config_refuses_a_plain_pin_as_hash(tmp_path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('staff_pin_hash = "1234"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="staff-pin"):
        load_settings(config)
