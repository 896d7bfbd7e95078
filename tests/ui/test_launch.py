from kiosk.config.settings import load_settings
from kiosk.domain.pin import DEMO_PIN, hash_pin
from kiosk.ui.launch import staff_pin_check


def test_configured_pin_hash_wins_over_the_demo_pin() -> None:
    check = staff_pin_check(load_settings(demo=True, staff_pin_hash=hash_pin("975318")))
    assert check is not None
    assert check("975318")
    assert not check(DEMO_PIN)


def test_demo_mode_has_a_documented_default_pin_and_real_kiosks_none() -> None:
    demo = staff_pin_check(load_settings(demo=True))
    assert demo is not None
    assert demo(DEMO_PIN)
    assert not demo("0000")
    assert staff_pin_check(load_settings(modem_port="/dev/ttyUSB2")) is None
