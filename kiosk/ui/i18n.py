"""Screen languages: the Qt Linguist translations in ``kiosk/assets`` and locale formats.

Switching installs the compiled ``.qm`` file; Qt then sends every widget a
``LanguageChange`` event and each screen re-reads its texts (``retranslate()``).
Times and numbers follow the language's locale (India: ``en_IN``, ``hi_IN``).
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from kiosk.config.sections.screen import LANGUAGES
from kiosk.ui.assets import asset_file

log = logging.getLogger("kiosk.ui")

#: Each language's own name, as a customer looking for it would read it (declared with
#: the ``language`` setting).
LANGUAGE_NAMES = LANGUAGES
_LOCALES = {"en": "en_IN", "hi": "hi_IN"}


def translation_file(language: str) -> str:
    """The compiled translation for ``language``."""
    return str(asset_file("translations", f"kiosk_{language}.qm"))


class Languages(QObject):
    """The application's current language; :attr:`changed` fires after a switch."""

    changed = Signal(str)

    def __init__(self, language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current = "en"
        self._translator: QTranslator | None = None
        self.switch(language)

    def switch(self, language: str) -> None:
        """Show every screen in ``language`` (``en`` or ``hi``) from now on."""
        if language not in LANGUAGE_NAMES:
            raise ValueError(f"Unknown language {language!r}")
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        if language != "en":
            translator = QTranslator(self)
            if translator.load(translation_file(language)):
                self._translator = translator
                if app is not None:
                    app.installTranslator(translator)
            else:
                log.error("No translation file for %s; showing English", language)
        QLocale.setDefault(QLocale(_LOCALES[language]))
        # Qt posts the LanguageChange events; deliver them now so every screen reads
        # the new language before anything else happens.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.current = language
        self.changed.emit(language)

    def other(self) -> str:
        """The language a customer would switch to (the kiosk offers two)."""
        return "hi" if self.current == "en" else "en"


def format_time(moment: datetime, *, seconds: bool = True) -> str:
    """A local clock time in the current locale ("2:05:09 pm")."""
    locale = QLocale()
    shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).time()
    pattern = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds:
        pattern = pattern.replace("mm", "mm:ss")
    return locale.toString(shown, pattern)


def format_date(moment: datetime) -> str:
    """A local date in the current locale's short form ("26/11/26")."""
    shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).date()
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


def format_count(count: int) -> str:
    """A whole number grouped the way the locale writes it ("12,34,567")."""
    return QLocale().toString(count)


class Retranslating:
    """Mixin for widgets with a ``retranslate()`` method: re-run it when the language changes.

    List it before the Qt base class: ``class FindScreen(Retranslating, QWidget)``.
    """

    def retranslate(self) -> None:
        """Re-read every text in the current language (each widget defines its own)."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Follow language switches."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
