"""The staff settings screen (behind the PIN): modem, provider, callback, timeouts, region.

Values are checked by the same rules as the config file; a bad value is named in
plain words next to its field and nothing is saved. Saved values go to the TOML
config file and apply at once, except those that need the kiosk to start again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.config.editor import SettingsProblem
from kiosk.config.settings import SOURCES
from kiosk.core.live_settings import LiveSettings
from kiosk.ops.diagnostics import save_running_kiosk_bundle
from kiosk.ui.background import BackgroundWork
from kiosk.ui.customer_import import CustomerImport
from kiosk.ui.i18n import LANGUAGE_NAMES, Retranslating
from kiosk.ui.reason_words import reason_words
from kiosk.ui.style import named, set_style_state, styled_background


class SettingsScreen(Retranslating, QWidget):
    """Edits :class:`LiveSettings`; emits :attr:`closed`, :attr:`saved`, :attr:`quit_requested`."""

    closed = Signal()
    saved = Signal(list)  # names of the settings that need a restart
    quit_requested = Signal()

    def __init__(
        self, live: LiveSettings, *, kiosk_mode: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsScreen")
        styled_background(self)
        self._live = live
        self._work = BackgroundWork()

        self.title = named(QLabel(), "screenTitle")
        self.modem_port = named(QLineEdit(), "settingField")
        self.detect_button = named(QPushButton(), "secondaryButton")
        self.source = named(QComboBox(), "settingField")
        self.source.addItem("", None)
        for name in SOURCES:
            self.source.addItem(name, name)
        self.dial_number = named(QLineEdit(), "settingField")
        self.callback_url = named(QLineEdit(), "settingField")
        self.callback_secret = named(QLineEdit(), "settingField")
        self.callback_secret.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.test_button = named(QPushButton(), "secondaryButton")
        self.test_result = named(QLabel(wordWrap=True), "settingNote")
        self.diagnostics_button = named(QPushButton(), "secondaryButton")
        self.diagnostics_result = named(QLabel(wordWrap=True), "settingNote")
        self.diagnostics_result.hide()
        self.timeout = _seconds_box(10, 900)
        self.result_seconds = _seconds_box(0, 120)
        self.region = named(QLineEdit(maxLength=2), "settingField")
        self.kiosk_id = named(QLineEdit(), "settingField")
        self.language = named(QComboBox(), "settingField")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)

        self.fields: dict[str, QWidget] = {
            "modem_port": self.modem_port,
            "source": self.source,
            "dial_number": self.dial_number,
            "callback_url": self.callback_url,
            "callback_secret": self.callback_secret,
            "timeout": self.timeout,
            "result_seconds": self.result_seconds,
            "region": self.region,
            "kiosk_id": self.kiosk_id,
            "language": self.language,
        }
        self.labels = {name: _wrapping("settingLabel") for name in self.fields}
        self.errors = {name: _wrapping("settingError") for name in self.fields}

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, field in self.fields.items():
            cell = QVBoxLayout()
            cell.setSpacing(2)
            row = QHBoxLayout()
            row.addWidget(field, 1)
            if name == "modem_port":
                row.addWidget(self.detect_button)
            if name == "callback_secret":
                row.addWidget(self.test_button)
            if isinstance(field, QDoubleSpinBox):
                row.addWidget(_step_button(field, "−", -5))
                row.addWidget(_step_button(field, "+", 5))
            cell.addLayout(row)
            if name == "callback_secret":
                cell.addWidget(self.test_result)
            cell.addWidget(self.errors[name])
            self.errors[name].hide()
            form.addRow(self.labels[name], cell)
        support = QVBoxLayout()
        support.setSpacing(2)
        support.addWidget(self.diagnostics_button, 0, Qt.AlignmentFlag.AlignLeft)
        support.addWidget(self.diagnostics_result)
        self.support_label = _wrapping("settingLabel")
        form.addRow(self.support_label, support)
        self.customers_label = _wrapping("settingLabel")
        self.customer_import = CustomerImport(live.import_customers)
        form.addRow(self.customers_label, self.customer_import)
        body = named(QWidget(), "settingsBody")
        body.setLayout(form)
        scroll = named(QScrollArea(widgetResizable=True), "settingsScroll")
        scroll.setWidget(body)

        self.message = named(QLabel(wordWrap=True), "settingsMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.back_button = named(QPushButton(), "secondaryButton")
        self.save_button = named(QPushButton(), "primaryButton")
        self.quit_button = named(QPushButton(), "dangerButton")
        self.quit_button.setVisible(kiosk_mode)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self.back_button.clicked.connect(self.closed.emit)
        self.save_button.clicked.connect(self.save)
        self.quit_button.clicked.connect(self.quit_requested.emit)
        self.detect_button.clicked.connect(lambda: self._work.run(self._detect()))
        self.test_button.clicked.connect(lambda: self._work.run(self._test_callback()))
        self.diagnostics_button.clicked.connect(lambda: self._work.run(self._save_diagnostics()))
        self.retranslate()

    def open(self) -> None:
        """Show the values in use now, with no messages."""
        values = self._live.values()
        self.modem_port.setText(values["modem_port"] or "")
        self.source.setCurrentIndex(max(self.source.findData(values["source"]), 0))
        self.dial_number.setText(values["dial_number"] or "")
        self.callback_url.setText(values["callback_url"] or "")
        self.callback_secret.setText(values["callback_secret"] or "")
        self.timeout.setValue(values["timeout"])
        self.result_seconds.setValue(values["result_seconds"])
        self.region.setText(values["region"])
        self.kiosk_id.setText(values["kiosk_id"])
        self.language.setCurrentIndex(max(self.language.findData(values["language"]), 0))
        self.message.clear()
        self.test_result.clear()
        self.test_result.hide()
        self._show_problems({})
        self.modem_port.setFocus()

    def typed_values(self) -> dict[str, Any]:
        """What the fields hold now."""
        return {
            "modem_port": self.modem_port.text(),
            "source": self.source.currentData(),
            "dial_number": self.dial_number.text(),
            "callback_url": self.callback_url.text(),
            "callback_secret": self.callback_secret.text(),
            "timeout": self.timeout.value(),
            "result_seconds": self.result_seconds.value(),
            "region": self.region.text().upper(),
            "kiosk_id": self.kiosk_id.text(),
            "language": self.language.currentData(),
        }

    def save(self) -> bool:
        """Check, save and apply the typed values; True when they were saved."""
        try:
            restart = self._live.change(self.typed_values())
        except SettingsProblem as problem:
            self._show_problems(problem.problems)
            self.message.setText(self.tr("Nothing was saved. Please correct the marked fields."))
            set_style_state(self.message, "fault", True)
            return False
        except OSError as exc:
            self.message.setText(
                self.tr("Could not save the settings: {reason}").format(reason=exc.strerror or exc)
            )
            set_style_state(self.message, "fault", True)
            return False
        self._show_problems({})
        set_style_state(self.message, "fault", False)
        if restart:
            names = ", ".join(self.labels[name].text() for name in restart)
            self.message.setText(
                self.tr("Saved. Restart the kiosk to use: {names}").format(names=names)
            )
        else:
            self.message.setText(self.tr("Saved and in use."))
        self.saved.emit(restart)
        return True

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.title.setText(self.tr("Settings"))
        names = {
            "modem_port": self.tr("Modem port"),
            "source": self.tr("Where calls are heard"),
            "dial_number": self.tr("Number customers dial"),
            "callback_url": self.tr("Callback URL"),
            "callback_secret": self.tr("Callback secret"),
            "timeout": self.tr("Time to dial"),
            "result_seconds": self.tr("Result shown for"),
            "region": self.tr("Country (region)"),
            "kiosk_id": self.tr("Kiosk name"),
            "language": self.tr("Staff language"),
        }
        for name, text in names.items():
            self.labels[name].setText(text)
        self.source.setItemText(0, self.tr("modem (default)"))
        self.modem_port.setPlaceholderText(self.tr("e.g. /dev/ttyUSB2, COM3 or auto"))
        self.dial_number.setPlaceholderText(self.tr("the SIM's number, e.g. +91 80000 00001"))
        self.callback_url.setPlaceholderText("https://shop.example/hooks/kiosk")
        self.callback_secret.setPlaceholderText("whsec_…")
        self.region.setPlaceholderText("IN")
        for box in (self.timeout, self.result_seconds):
            box.setSuffix(self.tr(" s"))
        self.detect_button.setText(self.tr("Find modem"))
        self.test_button.setText(self.tr("Send a test callback"))
        self.support_label.setText(self.tr("Support"))
        self.customers_label.setText(self.tr("Customers"))
        self.diagnostics_button.setText(self.tr("Save diagnostics for support"))
        self.back_button.setText(self.tr("Back"))
        self.save_button.setText(self.tr("Save"))
        self.quit_button.setText(self.tr("Leave kiosk mode"))

    def _show_problems(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)
            set_style_state(self.fields[name], "fault", name in problems)
        other = [why for name, why in problems.items() if name not in self.errors]
        if other:
            self.message.setText(" ".join(other))

    async def finish_work(self) -> None:
        """Wait for a modem search or test callback that is still running."""
        await self._work.finish()

    async def _detect(self) -> None:
        self.detect_button.setEnabled(False)
        self.errors["modem_port"].hide()
        self.message.setText(self.tr("Looking for a modem…"))
        try:
            port = await self._live.detect_modem()
        finally:
            self.detect_button.setEnabled(True)
        if port:
            self.modem_port.setText(port)
            self.message.setText(self.tr("Found a modem on {port}.").format(port=port))
        else:
            self.message.setText(self.tr("No modem answered. Is it plugged in?"))

    async def _save_diagnostics(self) -> None:
        self.diagnostics_button.setEnabled(False)
        self.diagnostics_result.setText(self.tr("Checking the kiosk and collecting its logs…"))
        self.diagnostics_result.show()
        try:
            path = await save_running_kiosk_bundle(self._live.settings)
        except OSError as exc:
            self.diagnostics_result.setText(
                self.tr("Could not save the diagnostics: {reason}").format(reason=exc.strerror)
            )
            set_style_state(self.diagnostics_result, "fault", True)
            return
        finally:
            self.diagnostics_button.setEnabled(True)
        self.diagnostics_result.setText(
            self.tr("Saved {path}. Send this file to support; it holds no passwords.").format(
                path=path
            )
        )
        set_style_state(self.diagnostics_result, "fault", False)

    async def _test_callback(self) -> None:
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Sending…"))
        self.test_result.show()
        try:
            result = await self._live.test_callback(
                self.callback_url.text(), self.callback_secret.text()
            )
        finally:
            self.test_button.setEnabled(True)
        self.test_result.setText(reason_words(result.why))
        set_style_state(self.test_result, "fault", not result.ok)


def _seconds_box(low: int, high: int) -> QDoubleSpinBox:
    """A number of seconds, typed or stepped with the large − and + buttons beside it."""
    box = named(QDoubleSpinBox(decimals=0), "settingField")
    box.setRange(low, high)
    return box


def _step_button(box: QDoubleSpinBox, symbol: str, step: float) -> QPushButton:
    """A touch-sized button that changes ``box`` by ``step``."""
    button = named(QPushButton(symbol), "stepButton")
    button.setAutoRepeat(True)
    button.clicked.connect(lambda: box.setValue(box.value() + step))
    return button


def _wrapping(name: str) -> QLabel:
    return named(QLabel(wordWrap=True), name)
