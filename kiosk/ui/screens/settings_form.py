"""One row of the settings screen, built from what the setting's field declares.

The declaration (:class:`~kiosk.config.metadata.OnScreen`) picks the editor: a drop-down
for choices, a number box with large − and + buttons for numbers, a masked field for
secrets, else a line of text. Its label and example are English marked for Qt Linguist
in the context ``SettingsScreen``, and translated here when shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.config.metadata import OnScreen, SettingInfo
from kiosk.ui.style import named, set_style_state, stack_when_portrait

_CONTEXT = "SettingsScreen"


def _translated(text: str) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP in the settings) in the current language."""
    return QCoreApplication.translate(_CONTEXT, text) if text else ""


class SettingRow:
    """A setting's label, editor, problem text and, for a restart-only setting, a note.

    The note shows while the value differs from the one in use.
    """

    def __init__(self, info: SettingInfo) -> None:
        assert info.screen is not None, f"{info.name} is not on the settings screen"
        self.info = info
        self._screen: OnScreen = info.screen
        self.label = wrapping_label("settingLabel")
        self.editor = self._make_editor()
        self.error = wrapping_label("settingError")
        self.error.hide()
        self.restart_note = wrapping_label("settingHint") if info.restart else None
        self._in_use: Any = None
        self._button_beside = False
        self._line = QHBoxLayout()
        self._line.addWidget(self.editor, 1)
        if isinstance(self.editor, QDoubleSpinBox):
            self._line.addWidget(_step_button(self.editor, "−", -self._screen.step))
            self._line.addWidget(_step_button(self.editor, "+", self._screen.step))
        self.cell = QVBoxLayout()
        self.cell.setSpacing(2)
        self.cell.addLayout(self._line)
        if self.restart_note is not None:
            self.restart_note.hide()
            self.cell.addWidget(self.restart_note)
            _on_change(self.editor, self._note_restart)
        self.cell.addWidget(self.error)

    def add_beside(self, widget: QWidget) -> None:
        """Put a button (or other widget) to the right of the editor."""
        self._line.addWidget(widget)
        self._button_beside = True

    def arrange(self, portrait: bool) -> None:
        """On a portrait panel a button beside the editor goes under it (the editor keeps room)."""
        if self._button_beside:
            stack_when_portrait(self._line, portrait)

    def add_below(self, widget: QWidget) -> None:
        """Put a widget under the editor, above the problem text."""
        self.cell.insertWidget(self.cell.indexOf(self.error), widget)

    def value(self) -> Any:
        """What the editor holds (the text as typed, the chosen value, the number)."""
        editor = self.editor
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QDoubleSpinBox):
            return int(editor.value()) if self.info.value_type is int else editor.value()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def set_value(self, value: Any) -> None:
        """Show ``value`` (None: empty, or the "not set" choice)."""
        editor = self.editor
        if isinstance(editor, QComboBox):
            index = editor.findData(value)
            if index < 0 and value is not None:  # a value the list lacks ("modem,twilio")
                editor.addItem(str(value), value)
                index = editor.count() - 1
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(value)
        else:
            assert isinstance(editor, QLineEdit)
            editor.setText("" if value is None else str(value))
        self._in_use = self.value()
        self._note_restart()

    def show_problem(self, problem: str | None) -> None:
        """Name what is wrong with the value under it, and mark the editor (None: clear)."""
        self.error.setText(problem or "")
        self.error.setVisible(problem is not None)
        set_style_state(self.editor, "fault", problem is not None)

    def retranslate(self) -> None:
        """Re-read the texts in the current language."""
        screen = self._screen
        self.label.setText(_translated(screen.label))
        editor = self.editor
        if isinstance(editor, QComboBox) and self.info.optional:
            editor.setItemText(0, _translated(screen.example))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setSuffix(_translated(screen.unit))
        elif isinstance(editor, QLineEdit):
            editor.setPlaceholderText(_translated(screen.example))
        if self.restart_note is not None:
            self.restart_note.setText(
                QCoreApplication.translate("SettingsScreen", "Applies after a restart.")
            )

    def _note_restart(self) -> None:
        """Say that a changed value of a restart-only setting waits for the next start."""
        if self.restart_note is not None:
            self.restart_note.setVisible(self.value() != self._in_use)

    def _make_editor(self) -> QWidget:
        screen = self._screen
        if screen.choices is not None:
            combo = named(QComboBox(), "settingField")
            if self.info.optional:
                combo.addItem("", None)
            for value, name in screen.choices.items():
                combo.addItem(name, value)
            return combo
        if self.info.number:
            box = named(QDoubleSpinBox(decimals=0), "settingField")
            box.setRange(screen.low, screen.high)
            return box
        line = named(QLineEdit(), "settingField")
        if screen.max_length:
            line.setMaxLength(screen.max_length)
        if self.info.secret:
            line.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        return line


def _on_change(editor: QWidget, react: Callable[[], None]) -> None:
    """Call ``react`` whenever the editor's value changes."""
    if isinstance(editor, QComboBox):
        editor.currentIndexChanged.connect(react)
    elif isinstance(editor, QDoubleSpinBox):
        editor.valueChanged.connect(react)
    elif isinstance(editor, QLineEdit):
        editor.textChanged.connect(react)


def _step_button(box: QDoubleSpinBox, symbol: str, step: float) -> QPushButton:
    """A touch-sized button that changes ``box`` by ``step``."""
    button = named(QPushButton(symbol), "stepButton")
    button.setAutoRepeat(True)
    button.clicked.connect(lambda: box.setValue(box.value() + step))
    return button


def wrapping_label(name: str) -> QLabel:
    """A label that wraps its words, styled by ``name``."""
    return named(QLabel(wordWrap=True), name)
