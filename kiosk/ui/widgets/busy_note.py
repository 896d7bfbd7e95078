"""A "Please wait…" sign for a screen that waits for the database (a slow shared server).

Hidden until :meth:`BusyNote.set_busy` shows it; meanwhile the controls it guards are
disabled, so a second tap does not ask again. :class:`~kiosk.ui.background.BackgroundWork`
shows it only once a wait is long enough to be noticed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.i18n import Retranslating


class BusyNote(Retranslating, QLabel):
    """A hidden label that says "Please wait…" while the screen waits."""

    def __init__(self, *guarded: QWidget, parent: QWidget | None = None) -> None:
        """``guarded`` controls are disabled while the note shows."""
        super().__init__(parent)
        self.setObjectName("busyNote")
        self._guarded = guarded
        self.hide()
        self.retranslate()

    def set_busy(self, busy: bool) -> None:
        """Show the note and disable the guarded controls, or the other way round."""
        self.setVisible(busy)
        for widget in self._guarded:
            widget.setEnabled(not busy)

    def retranslate(self) -> None:
        """Re-read the text in the current language."""
        self.setText(self.tr("Please wait…"))
