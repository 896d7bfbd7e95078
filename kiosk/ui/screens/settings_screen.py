"""The staff settings screen (behind the PIN): modem, provider, callback, timeouts, region.

Its rows are the settings declared ``OnScreen``, built by :mod:`kiosk.ui.screens.settings_form`;
the screen adds its buttons (find the modem, send a test callback) beside them. Values
are checked by the same rules as the config file; a bad value is named in plain words
next to its field and nothing is saved. Saved values go to the TOML config file and
apply at once, except those that need the kiosk to start again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.config.editor import ON_SCREEN, SettingsProblem
from kiosk.core.live_settings import LiveSettings
from kiosk.ops.diagnostics import save_running_kiosk_bundle
from kiosk.ui.background import BackgroundWork
from kiosk.ui.i18n import Retranslating
from kiosk.ui.reason_words import reason_words
from kiosk.ui.screens.customer_import import CustomerImport
from kiosk.ui.screens.settings_form import SettingRow, wrapping_label
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
        self.rows = {info.name: SettingRow(info) for info in ON_SCREEN}
        self.detect_button = named(QPushButton(), "secondaryButton")
        self.rows["modem_port"].add_beside(self.detect_button)
        self.test_button = named(QPushButton(), "secondaryButton")
        self.test_result = wrapping_label("settingNote")
        self.rows["callback_secret"].add_beside(self.test_button)
        self.rows["callback_secret"].add_below(self.test_result)
        self.diagnostics_button = named(QPushButton(), "secondaryButton")
        self.diagnostics_result = wrapping_label("settingNote")
        self.diagnostics_result.hide()

        form = self._form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for row in self.rows.values():
            form.addRow(row.label, row.cell)
        support = QVBoxLayout()
        support.setSpacing(2)
        support.addWidget(self.diagnostics_button, 0, Qt.AlignmentFlag.AlignLeft)
        support.addWidget(self.diagnostics_result)
        self.support_label = wrapping_label("settingLabel")
        form.addRow(self.support_label, support)
        self.customers_label = wrapping_label("settingLabel")
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
        for name, value in self._live.values().items():
            self.rows[name].set_value(value)
        self.message.clear()
        self.test_result.clear()
        self.test_result.hide()
        self._show_problems({})
        next(iter(self.rows.values())).editor.setFocus()

    def typed_values(self) -> dict[str, Any]:
        """What the fields hold now."""
        return {name: row.value() for name, row in self.rows.items()}

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
            names = ", ".join(self.rows[name].label.text() for name in restart)
            self.message.setText(
                self.tr("Saved. Restart the kiosk to use: {names}").format(names=names)
            )
        else:
            self.message.setText(self.tr("Saved and in use."))
        self.saved.emit(restart)
        return True

    def arrange(self, portrait: bool) -> None:
        """On a portrait panel each label goes above its field, which gets the whole width."""
        wrap = QFormLayout.RowWrapPolicy
        self._form.setRowWrapPolicy(wrap.WrapAllRows if portrait else wrap.WrapLongRows)
        for row in self.rows.values():
            row.arrange(portrait)

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.title.setText(self.tr("Settings"))
        for row in self.rows.values():
            row.retranslate()
        self.detect_button.setText(self.tr("Find modem"))
        self.test_button.setText(self.tr("Send a test callback"))
        self.support_label.setText(self.tr("Support"))
        self.customers_label.setText(self.tr("Customers"))
        self.diagnostics_button.setText(self.tr("Save diagnostics for support"))
        self.back_button.setText(self.tr("Back"))
        self.save_button.setText(self.tr("Save"))
        self.quit_button.setText(self.tr("Leave kiosk mode"))

    def _show_problems(self, problems: dict[str, str]) -> None:
        for name, row in self.rows.items():
            row.show_problem(problems.get(name))
        other = [why for name, why in problems.items() if name not in self.rows]
        if other:
            self.message.setText(" ".join(other))

    async def finish_work(self) -> None:
        """Wait for a modem search or test callback that is still running."""
        await self._work.finish()

    async def _detect(self) -> None:
        self.detect_button.setEnabled(False)
        self.rows["modem_port"].show_problem(None)
        self.message.setText(self.tr("Looking for a modem…"))
        try:
            port = await self._live.detect_modem()
        finally:
            self.detect_button.setEnabled(True)
        if port:
            self.rows["modem_port"].set_value(port)
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
            typed = self.typed_values()
            result = await self._live.test_callback(typed["callback_url"], typed["callback_secret"])
        finally:
            self.test_button.setEnabled(True)
        self.test_result.setText(reason_words(result.why))
        set_style_state(self.test_result, "fault", not result.ok)
