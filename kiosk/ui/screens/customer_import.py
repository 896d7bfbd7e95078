"""Importing a customer file from the screen: pick the file, watch the bar, read the outcome.

A small panel for the settings screen. The import itself is the same one as
``missedcall-kiosk customers import`` (CSV or XLSX, per-row rejection report); it runs
in a worker thread so the screen stays alive, and its progress reaches the bar
through the event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from kiosk.core.customer_data import ColumnProblem, ImportProgress, ImportResult, UnreadableFile
from kiosk.ui.i18n import Retranslating, format_count
from kiosk.ui.reason_words import reason_words
from kiosk.ui.style import named, set_style_state

Importer = Callable[..., ImportResult]


class CustomerImport(Retranslating, QWidget):
    """A button that imports a file, a progress bar and a plain-words outcome."""

    finished = Signal()

    def __init__(self, importer: Importer, parent: QWidget | None = None) -> None:
        """``importer(path, progress=callback)`` does the import (blocking)."""
        super().__init__(parent)
        self._importer = importer
        self.button = named(QPushButton(), "secondaryButton")
        self.bar = named(QProgressBar(), "importBar")
        self.bar.setRange(0, 1000)
        self.bar.hide()
        self.result = named(QLabel(wordWrap=True), "settingNote")
        self.result.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.button)
        layout.addWidget(self.bar)
        layout.addWidget(self.result)
        self.button.clicked.connect(self._choose)
        self.retranslate()

    async def import_file(self, path: Path) -> ImportResult | None:
        """Import ``path`` while the bar moves; returns the result (None if unreadable)."""
        loop = asyncio.get_running_loop()
        self.button.setEnabled(False)
        self.bar.setValue(0)
        self.bar.show()
        self.result.setText(self.tr("Importing {name}…").format(name=path.name))
        self.result.show()

        def progress(step: ImportProgress) -> None:  # called from the worker thread
            loop.call_soon_threadsafe(self.bar.setValue, round(step.fraction * 1000))

        try:
            result = await asyncio.to_thread(self._importer, path, progress=progress)
        except (UnreadableFile, ColumnProblem, OSError) as exc:
            why = exc.why if isinstance(exc, UnreadableFile) else None
            reason = reason_words(why) if why is not None else str(exc)
            self.result.setText(self.tr("Nothing was imported. {reason}").format(reason=reason))
            set_style_state(self.result, "fault", True)
            return None
        finally:
            self.button.setEnabled(True)
            self.bar.hide()
            self.finished.emit()
        self.result.setText(self._outcome(result))
        set_style_state(self.result, "fault", bool(result.rejected))
        return result

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.button.setText(self.tr("Import customers from a file…"))

    def _outcome(self, result: ImportResult) -> str:
        text = self.tr("Customers added: {added}, updated: {updated}.").format(
            added=format_count(result.added), updated=format_count(result.updated)
        )
        if result.rejected or result.duplicates:
            text += " " + self.tr(
                "Rows not imported: {rejected}; the reasons are in {report}."
            ).format(
                rejected=format_count(result.rejected + result.duplicates),
                report=result.report or "",
            )
        return text

    def _choose(self) -> None:
        dialog = QFileDialog(self, self.tr("Customer file"))
        dialog.setNameFilter(self.tr("Customer lists (*.csv *.xlsx)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(
            lambda name: asyncio.ensure_future(self.import_file(Path(name)))
        )
        dialog.open()  # not exec(): the event loop keeps running
