import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.style import follow_window_size, scale_for, scaled_stylesheet


@pytest.mark.parametrize(
    ("size", "scale"),
    [
        ((800, 480), 1.0),
        ((720, 400), 0.875),
        ((480, 800), 0.875),
        ((1024, 640), 1.25),
        ((1920, 1080), 1.75),
    ],
)
def test_scale_grows_in_quarter_steps_up_to_a_limit(size: tuple[int, int], scale: float) -> None:
    assert scale_for(*size) == scale


def test_shrunk_touch_targets_stay_fingertip_sized() -> None:
    sheet = "QPushButton { min-height: 56px; min-width: 52px; font-size: 20px; }"
    assert scaled_stylesheet(sheet, 0.875) == (
        "QPushButton { min-height: 49px; min-width: 48px; font-size: 18px; }"
    )


def test_every_pixel_length_scales() -> None:
    sheet = "QPushButton { min-height: 56px; font-size: 20px; border: 2px solid #123456; }"
    assert scaled_stylesheet(sheet, 1.5) == (
        "QPushButton { min-height: 84px; font-size: 30px; border: 3px solid #123456; }"
    )
    assert scaled_stylesheet(sheet, 1.0) == sheet


def test_a_window_restyles_only_when_its_step_changes(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    follow_window_size(window, 1920, 1080)
    assert "min-height: 98px" in window.styleSheet()  # 56 px × 1.75
    window.setStyleSheet("marker")
    follow_window_size(window, 1900, 1070)  # same step: left alone
    assert window.styleSheet() == "marker"
    assert window.property("styleScale") == 1.75
    follow_window_size(window, 800, 480)
    assert "min-height: 56px" in window.styleSheet()
