"""The fonts that travel with the app: Noto Sans, Noto Sans Devanagari, Noto Sans Symbols2.

They are loaded from ``kiosk/assets/fonts`` at start and made the application font, so
every kiosk draws the same screens whatever fonts its system has: Latin text in Noto
Sans, Devanagari (the Hindi screens) falling back to Noto Sans Devanagari, and the few
symbols neither has (✔ ✖ ⚠ ⌫) to Noto Sans Symbols2. The text families come in the two
weights the screens use (regular, and bold for the stylesheet's 600 and 700); the symbols
in regular only (Qt emboldens them). Their licence (SIL OFL 1.1) is
``kiosk/assets/fonts/OFL.txt``.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from kiosk.ui.assets import asset

log = logging.getLogger("kiosk.ui")

#: The application font's families, in the order Qt tries them for each character.
FAMILIES = ("Noto Sans", "Noto Sans Devanagari", "Noto Sans Symbols2")
FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "NotoSansDevanagari-Bold.ttf",
    "NotoSansSymbols2-Regular.ttf",
)


@cache
def load_bundled_fonts() -> frozenset[str]:
    """Add the bundled font files to Qt's font database (once); returns their families."""
    loaded: set[str] = set()
    for name in FONT_FILES:
        data = QByteArray(asset("fonts", name).read_bytes())
        font_id = QFontDatabase.addApplicationFontFromData(data)
        if font_id == -1:
            log.error("Could not load the bundled font %s; screens use system fonts", name)
            continue
        loaded.update(QFontDatabase.applicationFontFamilies(font_id))
    return frozenset(loaded)


def use_bundled_fonts(app: QGuiApplication) -> frozenset[str]:
    """Load the bundled fonts and make them ``app``'s font; returns the families loaded."""
    loaded = load_bundled_fonts()
    font = QFont(app.font())
    font.setFamilies([family for family in FAMILIES if family in loaded] or font.families())
    app.setFont(font)
    return loaded
