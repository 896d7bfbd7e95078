from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.list_rows import WholeLines


def lowest_ink(rows: QListWidget) -> int:
    """The lowest pixel row of the list's drawing with dark (text) pixels in it."""
    image = rows.viewport().grab().toImage()
    return max(
        (
            y
            for y in range(image.height())
            if any(image.pixelColor(x, y).lightness() < 100 for x in range(image.width()))
        ),
        default=-1,
    )


def test_a_row_whose_first_line_is_taller_shows_its_second_line(qtbot: QtBot) -> None:
    rows = QListWidget()
    qtbot.addWidget(rows)
    rows.setStyleSheet("QListWidget { font-size: 20px; border: none; }")
    rows.setItemDelegate(WholeLines(rows))
    rows.addItem("✔ सत्यापित\nORDER-1042")  # a symbol and Devanagari above plain Latin
    rows.resize(300, 200)
    rows.show()
    qtbot.waitExposed(rows)
    latin_line = QFontMetrics(rows.font()).lineSpacing()
    assert rows.visualItemRect(rows.item(0)).height() > 2 * latin_line
    assert lowest_ink(rows) > 1.5 * latin_line  # the second line is drawn, not elided away
