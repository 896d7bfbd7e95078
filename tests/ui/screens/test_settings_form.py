from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.config.editor import ON_SCREEN
from kiosk.config.settings import SETTINGS
from kiosk.ui.i18n import Languages
from kiosk.ui.screens.settings_form import SettingRow

INFOS = {info.name: info for info in SETTINGS}


@pytest.fixture
def make_row(qtbot: QtBot) -> Callable[[str], SettingRow]:
    """Builds a setting's row in a window of its own, shown and in English."""
    windows: list[QWidget] = []  # kept by ``make``, alive until the test ends

    def make(name: str) -> SettingRow:
        row = SettingRow(INFOS[name])
        window = QWidget()
        window.setLayout(row.cell)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        row.retranslate()
        return row

    return make


def test_the_editor_follows_the_declaration(make_row) -> None:
    editors = {info.name: type(make_row(info.name).editor) for info in ON_SCREEN}
    assert editors["source"] is QComboBox
    assert editors["language"] is QComboBox
    assert editors["timeout"] is QDoubleSpinBox
    assert editors["kiosk_id"] is QLineEdit
    secret = make_row("callback_secret").editor
    assert isinstance(secret, QLineEdit)
    assert secret.echoMode() is QLineEdit.EchoMode.PasswordEchoOnEdit


def test_numbers_stay_in_the_screens_range(make_row) -> None:
    row = make_row("timeout")
    row.set_value(5000)
    assert row.value() == 900
    assert row.editor.suffix() == " s"


def test_a_choice_not_set_and_a_choice_not_listed(make_row) -> None:
    row = make_row("source")
    row.set_value(None)
    assert (row.value(), row.editor.currentText()) == (None, "modem (default)")
    row.set_value("plivo")
    assert row.value() == "plivo"
    row.set_value("modem,twilio")  # kept as it is, not turned into "not set"
    assert row.value() == "modem,twilio"


def test_a_restart_only_setting_says_so_once_changed(qtbot: QtBot, make_row) -> None:
    row = make_row("modem_port")
    row.set_value("/dev/ttyUSB2")
    assert row.restart_note is not None
    assert not row.restart_note.isVisible()
    qtbot.keyClicks(row.editor, "x")
    assert row.restart_note.isVisible()
    assert row.restart_note.text() == "Applies after a restart."
    row.set_value("/dev/ttyUSB2x")
    assert not row.restart_note.isVisible()
    assert make_row("callback_url").restart_note is None


def test_a_problem_is_shown_under_the_field(make_row) -> None:
    row = make_row("callback_url")
    row.show_problem("not a web address")
    assert row.error.isVisible()
    assert row.editor.property("fault") is True
    row.show_problem(None)
    assert not row.error.isVisible()
    assert row.editor.property("fault") is False


def test_labels_and_examples_are_translated(make_row) -> None:
    row = make_row("dial_number")
    languages = Languages("hi")
    row.retranslate()  # the screen does this on a language change
    try:
        assert row.label.text() == "ग्राहक किस नंबर पर कॉल करें"
        assert row.editor.placeholderText().startswith("SIM का नंबर")
    finally:
        languages.switch("en")
    row.retranslate()
    assert row.label.text() == "Number customers dial"
