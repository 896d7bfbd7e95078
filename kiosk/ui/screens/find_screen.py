"""The find screen: staff type or scan a reference, phone number or name and pick the customer.

Before anything is typed it says what to do; in demo mode it offers sample searches
to tap.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.customer import CustomerSummary
from kiosk.domain.phone import mask, try_parse_phone
from kiosk.ui.i18n import Retranslating
from kiosk.ui.style import named, stack_when_portrait
from kiosk.ui.widgets.busy_note import BusyNote
from kiosk.ui.widgets.list_rows import WholeLines

_SEARCH_DELAY_MS = 150


class FindScreen(Retranslating, QWidget):
    """Search field, result rows, and the way to start a verification.

    Emits :attr:`customer_chosen` with a :class:`CustomerSummary`, or
    :attr:`phone_chosen` with an E.164 number not on file (ad-hoc check).
    :attr:`search_requested` asks for results, which arrive (perhaps later) through
    :meth:`show_results`; results for a text no longer in the field are dropped.
    """

    customer_chosen = Signal(object)
    phone_chosen = Signal(str)
    search_requested = Signal(str)
    history_requested = Signal()
    settings_requested = Signal()

    def __init__(
        self,
        region: str,
        *,
        allow_ad_hoc: bool = True,
        samples: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        """``samples``: searches to offer on the empty screen (demo mode's sample customers)."""
        super().__init__(parent)
        self.setObjectName("findScreen")
        self._region = region
        self._ad_hoc_phone: str | None = None
        self._allow_ad_hoc = allow_ad_hoc
        self._chosen = False
        self._start_single: str | None = None  # Enter was pressed for this text

        self.title = named(QLabel(wordWrap=True), "screenTitle")  # two lines on a narrow panel
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.history_button = named(QPushButton(), "toolButton")
        self.settings_button = named(QPushButton(), "toolButton")
        self.results = named(QListWidget(), "resultList")
        self.results.setItemDelegate(WholeLines(self.results))  # names may be in Devanagari
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.busy = BusyNote(self.results)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.busy)
        header.addWidget(self.history_button)
        header.addWidget(self.settings_button)
        self.search = named(QLineEdit(), "searchField")
        self.search.setClearButtonEnabled(True)
        self.search_button = named(QPushButton(), "primaryButton")
        row = self._search_row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.search_button)

        self.message = named(QLabel(wordWrap=True), "findMessage")
        self.empty_state = self._build_empty_state(samples)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(header)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.empty_state, 1)

        self._debounce = QTimer(self, singleShot=True, interval=_SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._request_search)
        self.search.textEdited.connect(self._debounce.start)
        self.search.textChanged.connect(self._show_empty_state)
        self.search.returnPressed.connect(self._submit)
        self.search_button.clicked.connect(self._submit)
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        self.history_button.clicked.connect(self.history_requested.emit)
        self.settings_button.clicked.connect(self.settings_requested.emit)
        self._show_empty_state()
        self.retranslate()

    def _build_empty_state(self, samples: Sequence[str]) -> QWidget:
        """What staff see before typing: what to do, and in demo mode samples to tap."""
        panel = named(QWidget(), "findEmpty")
        self.empty_hint = named(QLabel(wordWrap=True), "findEmptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.samples_caption = named(QLabel(wordWrap=True), "findSamplesCaption")
        self.samples_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.samples_caption.setVisible(bool(samples))
        self.sample_buttons = [named(QPushButton(sample), "sampleButton") for sample in samples]
        chips = QHBoxLayout()
        chips.addStretch(1)
        for button in self.sample_buttons:
            button.clicked.connect(partial(self._try_sample, button.text()))
            chips.addWidget(button)
        chips.addStretch(1)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addStretch(1)
        column.addWidget(self.empty_hint)
        column.addSpacing(12)
        column.addWidget(self.samples_caption)
        column.addLayout(chips)
        column.addStretch(2)
        return panel

    def _show_empty_state(self) -> None:
        """The hint (and samples) while the field is empty; the results once something is typed."""
        empty = not self.search.text().strip()
        self.empty_state.setVisible(empty)
        self.results.setVisible(not empty)

    def _try_sample(self, sample: str) -> None:
        """A sample tapped: search for it as if it had been scanned."""
        self.search.setText(sample)
        self._submit()

    def arrange(self, portrait: bool) -> None:
        """On a portrait panel Search goes under the field, which then has the whole width."""
        stack_when_portrait(self._search_row, portrait)

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        self.title.setText(self.tr("Who is verifying?"))
        self.empty_hint.setText(self.tr("Scan the parcel or type the order number, phone or name"))
        self.samples_caption.setText(self.tr("Demo: tap a sample customer to try"))
        self.search.setPlaceholderText(self.tr("Order, member, phone or name"))
        self.search_button.setText(self.tr("Search"))
        self.history_button.setText(self.tr("History"))
        self.settings_button.setText(self.tr("Settings"))
        if self._ad_hoc_phone:
            last = self.results.item(self.results.count() - 1)
            last.setText(self._ad_hoc_text(self._ad_hoc_phone))

    def _ad_hoc_text(self, phone: str) -> str:
        return self.tr("Verify {number} (not on file)").format(number=mask(phone))

    def set_region(self, region: str) -> None:
        """Read phone numbers typed without +country code as numbers in ``region``."""
        self._region = region

    def reset(self) -> None:
        """Clear everything for the next customer and focus the search field."""
        self.search.clear()
        self.results.clear()
        self.message.clear()
        self._ad_hoc_phone = None
        self._chosen = False
        self._start_single = None
        self.search.setFocus()

    def show_error(self, text: str) -> None:
        """Show a problem in plain words above the results; staff may pick again."""
        self.message.setText(text)
        self._chosen = False

    def show_results(self, query: str, customers: Sequence[CustomerSummary]) -> None:
        """List the customers found for ``query`` (and an ad-hoc row for an unknown phone).

        After Enter (a scanned code), a single row starts at once.
        """
        if query != self.search.text():
            return  # staff typed on (or the screen was reset) while the search ran
        self.results.clear()
        for customer in customers:
            item = QListWidgetItem(
                f"{customer.name}\n{customer.reference}  ·  {mask(customer.phone)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, customer)
            self.results.addItem(item)
        phone = try_parse_phone(query, self._region)
        unknown_phone = phone if phone and not any(c.phone == phone for c in customers) else None
        self._ad_hoc_phone = unknown_phone if self._allow_ad_hoc else None
        if self._ad_hoc_phone:
            item = QListWidgetItem(self._ad_hoc_text(self._ad_hoc_phone))
            item.setData(Qt.ItemDataRole.UserRole, self._ad_hoc_phone)
            self.results.addItem(item)
        if customers or self._ad_hoc_phone:
            self.message.clear()
            self.results.setCurrentRow(0)
        elif unknown_phone:
            self.message.setText(
                self.tr(
                    "{number} is not on file. Only customers on file can be verified here."
                ).format(number=mask(unknown_phone))
            )
        elif query.strip():
            self.message.setText(self.tr("Nobody found for “{query}”.").format(query=query.strip()))
        if self._start_single == query:
            self._start_single = None
            if self.results.count() == 1:
                self._choose(self.results.item(0))

    def _request_search(self) -> None:
        self.search_requested.emit(self.search.text())

    def _submit(self) -> None:
        """Enter or Search: search now; a single exact hit (e.g. a scanned code) starts at once."""
        self._debounce.stop()
        self._start_single = self.search.text()
        self.search_requested.emit(self.search.text())

    def _choose(self, item: QListWidgetItem) -> None:
        if self._chosen:  # a tap can arrive as both click and activation
            return
        self._chosen = True
        chosen = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(chosen, str):
            self.phone_chosen.emit(chosen)
        else:
            self.customer_chosen.emit(chosen)
