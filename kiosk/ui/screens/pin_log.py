"""The staff-PIN log, a page of the history screen: every wrong PIN and every wait, newest first.

A manager opening the history sees at once whether someone has been guessing: the
history's **PIN log** button turns red and counts the wrong PINs of the last week.
Each row says what happened, when, for what (settings or history) and on which kiosk,
in words big enough for a touch screen.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.pin_lock import PinEvent, PinEventKind, PinPurpose
from kiosk.ui.i18n import Retranslating, format_count, format_date, format_time
from kiosk.ui.style import named
from kiosk.ui.widgets.list_rows import WholeLines

SYMBOLS = {
    PinEventKind.WRONG: "✖",
    PinEventKind.LOCKED: "⚠",
    PinEventKind.RIGHT_AFTER_WRONG: "✔",
}


class PinLog(Retranslating, QWidget):
    """The list of staff-PIN events; filled by :meth:`show_events`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._events: list[PinEvent] = []
        self.heading = named(QLabel(wordWrap=True), "historyMessage")
        self.list = named(QListWidget(), "historyList")
        self.list.setWordWrap(True)
        self.list.setItemDelegate(WholeLines(self.list))
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        self.retranslate()

    @property
    def rows(self) -> list[str]:
        """The rows' texts, as shown."""
        return [self.list.item(index).text() for index in range(self.list.count())]

    def show_events(self, events: list[PinEvent]) -> None:
        """List ``events`` (newest first)."""
        self._events = list(events)
        self.list.clear()
        for event in self._events:
            text = self._row_text(event)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            self.list.addItem(item)
        self._heading()

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.show_events(self._events)

    def _heading(self) -> None:
        self.heading.setText(
            self.tr("Wrong staff PINs and waits, newest first (last 30 days).")
            if self._events
            else self.tr("No wrong staff PIN in the last 30 days.")
        )

    def _row_text(self, event: PinEvent) -> str:
        when = f"{format_date(event.at)} {format_time(event.at, seconds=False)}"
        count = format_count(event.failures)
        if event.kind is PinEventKind.WRONG:
            what = self.tr("Wrong PIN")
            detail = self.tr("{count} in a row").format(count=count)
        elif event.kind is PinEventKind.LOCKED:
            what = self.tr("Pad locked for {time}").format(time=self._duration(event.lock))
            detail = self.tr("after {count} wrong PINs in a row").format(count=count)
        else:
            what = self.tr("Right PIN")
            detail = self.tr("after {count} wrong PINs").format(count=count)
        purpose = (
            self.tr("for the history")
            if event.purpose is PinPurpose.HISTORY
            else self.tr("for the settings")
        )
        kiosk = self.tr("Kiosk: {kiosk}").format(kiosk=event.kiosk_id)
        return f"{SYMBOLS[event.kind]} {what} — {when}\n{detail}  ·  {purpose}  ·  {kiosk}"

    def _duration(self, lock: timedelta | None) -> str:
        seconds = int(lock.total_seconds()) if lock else 0
        if seconds < 60:
            return self.tr("{count} s").format(count=format_count(seconds))
        return self.tr("{count} min").format(count=format_count(seconds // 60))
