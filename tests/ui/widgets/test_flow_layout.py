"""A row of buttons that wraps instead of squeezing its buttons' words."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.flow_layout import FlowLayout


def test_buttons_wrap_onto_a_new_line_and_keep_their_size(qtbot: QtBot) -> None:
    row = QWidget()
    qtbot.addWidget(row)
    flow = FlowLayout(row, spacing=8)
    buttons = [QPushButton(text) for text in ("Cancel", "Send a code by SMS instead", "+60 s")]
    for button in buttons:
        flow.addWidget(button)
    widest = max(button.sizeHint().width() for button in buttons)
    one_line = sum(button.sizeHint().width() for button in buttons) + 16
    assert flow.minimumSize().width() == widest
    assert flow.sizeHint().width() == one_line
    tall = buttons[0].sizeHint().height()
    assert flow.heightForWidth(one_line) == tall
    assert flow.heightForWidth(widest) == 3 * tall + 2 * 8  # one button a line

    row.resize(one_line - 1, flow.heightForWidth(one_line - 1))
    row.show()
    flow.activate()
    assert buttons[2].y() > buttons[0].y()  # the last one moved to the next line
    for button in buttons:
        assert button.width() == button.sizeHint().width()  # nothing squeezed


def test_hidden_buttons_take_no_room_and_lines_can_be_centred(qtbot: QtBot) -> None:
    row = QWidget()
    qtbot.addWidget(row)
    flow = FlowLayout(row, align=Qt.AlignmentFlag.AlignHCenter)
    shown, hidden = QPushButton("Priya"), QPushButton("MEMBER-2001")
    flow.addWidget(shown)
    flow.addWidget(hidden)
    hidden.hide()
    assert flow.sizeHint().width() == shown.sizeHint().width()
    row.resize(400, 60)
    row.show()
    flow.activate()
    assert shown.x() == (400 - shown.width()) // 2
