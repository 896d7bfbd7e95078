"""Every screen, in English and Hindi, at every size a kiosk has: nothing clipped or overlapping.

The sizes: the smallest landscape screen (720×400), the 7" panel (800×480), a portrait
panel (480×800) and full HD (1920×1080).

The demo kiosk is driven through the same tour as ``make screenshots``; at each stop
every visible widget is checked against its parent, its siblings and its own size
hints, and every button against the 48 px touch-target rule.
"""

import asyncio
from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.ui.i18n import LANGUAGE_NAMES
from kiosk.ui.screenshots import demo_kiosk, visit_screens
from kiosk.ui.widgets.fit_text import FitText

SIZES = (QSize(720, 400), QSize(800, 480), QSize(480, 800), QSize(1920, 1080))
TOUCH = 48


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area's content (scrolling is how those fit) or its scrollbars."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _internal(widget: QWidget) -> bool:
    """Parts of Qt's composite widgets (a line edit's clear button, a combo box's view)."""
    parent = widget.parentWidget()
    return widget.objectName().startswith("qt_") or isinstance(
        parent, QLineEdit | QComboBox | QAbstractSpinBox
    )


def fitted_width(widget: FitText) -> float:
    """How wide the big number is painted, in the font it is fitted to."""
    return QFontMetricsF(widget.fitted_font()).horizontalAdvance(widget.text())


def problems_in(window: QWidget) -> list[str]:
    """What a person would see as broken: clipped, squeezed, overlapping or tiny widgets."""
    found: list[str] = []
    shown = [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible() and not w.isWindow() and not _scrolled(w) and not _internal(w)
    ]

    def name(w: QWidget) -> str:
        text = w.text() if isinstance(w, QLabel | QAbstractButton | FitText) else ""
        return f"{type(w).__name__}#{w.objectName()} {text[:40]!r}"

    for widget in shown:
        parent = widget.parentWidget()
        if parent is not None and not parent.rect().contains(widget.geometry()):
            found.append(f"{name(widget)} sticks out of its parent: {widget.geometry()}")
        policy = widget.sizePolicy()
        hint = widget.minimumSizeHint()
        squeezed_w = policy.horizontalPolicy() != QSizePolicy.Policy.Ignored
        if squeezed_w and hint.width() > 0 and widget.width() < hint.width():
            found.append(f"{name(widget)} narrower ({widget.width()}) than it needs ({hint})")
        if hint.height() > 0 and widget.height() < hint.height():
            found.append(f"{name(widget)} lower ({widget.height()}) than it needs ({hint})")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                found.append(f"{name(widget)} cut off: needs {needed} px, has {widget.height()}")
        one_line = isinstance(widget, QLabel) and not widget.wordWrap() and widget.text()
        if one_line and widget.sizeHint().width() > widget.width() + 1:
            found.append(f"{name(widget)} text clipped: {widget.sizeHint()} > {widget.size()}")
        if isinstance(widget, FitText) and fitted_width(widget) > widget.width():
            found.append(f"{name(widget)} does not fit")
        if isinstance(widget, QAbstractButton) and (
            widget.height() < TOUCH or widget.width() < TOUCH
        ):
            found.append(f"{name(widget)} is a small touch target: {widget.size()}")

    scrolled = [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible() and not w.isWindow() and _scrolled(w) and not _internal(w)
    ]
    for widget in scrolled:  # scrolling gives height, never width: a button is never cut
        needed = widget.minimumSizeHint().width()
        if isinstance(widget, QAbstractButton) and widget.width() < needed:
            found.append(f"{name(widget)} narrower ({widget.width()}) than its words")
    for field in [w for w in shown + scrolled if isinstance(w, QLineEdit)]:
        hint = field.placeholderText()
        room = field.contentsRect().width() - 2 * field.fontMetrics().averageCharWidth()
        if hint and not field.text() and field.fontMetrics().horizontalAdvance(hint) > room:
            found.append(f"QLineEdit#{field.objectName()} placeholder {hint!r} cut")

    by_parent: dict[int, list[QWidget]] = {}
    for widget in shown:
        by_parent.setdefault(id(widget.parentWidget()), []).append(widget)
    for siblings in by_parent.values():
        for a, b in combinations(siblings, 2):
            overlap: QRect = a.geometry().intersected(b.geometry())
            if overlap.width() > 1 and overlap.height() > 1:
                found.append(f"{name(a)} overlaps {name(b)} by {overlap}")
    return found


def test_the_check_notices_clipping_and_overlap(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(200, 100)
    label = QLabel("a label far too long to fit in eighty pixels", parent)
    label.setGeometry(0, 0, 80, 30)
    other = QLabel("x", parent)
    other.setGeometry(40, 10, 100, 30)
    parent.show()
    found = problems_in(parent)
    assert any("text clipped" in problem for problem in found)
    assert any("overlaps" in problem for problem in found)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size.width()}x{size.height()}")
@pytest.mark.parametrize("language", list(LANGUAGE_NAMES))
def test_every_screen_fits(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    language: str,
    size: QSize,
    windows_may_close: None,
) -> None:
    async def scenario() -> None:
        async with demo_kiosk(str(tmp_path)) as (window, runtime):
            qtbot.addWidget(window)
            seen = []
            failures = []
            window.dial_screen.set_sms_available(True)  # the widest action row
            async for screen, shown in visit_screens(window, runtime, language):
                shown.resize(size)
                await asyncio.sleep(0)  # let a pending restyle for the size happen
                shown.resize(size)
                if shown.size() != size:
                    failures.append(f"{screen} cannot take {size}: {shown.minimumSizeHint()}")
                    continue
                layout = shown.layout()
                assert layout is not None
                layout.activate()
                for child in shown.findChildren(QWidget):
                    if child.layout() is not None and child.isVisible():
                        child.layout().activate()
                problems = problems_in(shown)
                if problems:
                    failures.append(f"{screen} ({language}): " + "\n".join(problems))
                seen.append(screen)
            assert not failures, "\n\n".join(failures)
            assert len(seen) == 13

    qloop.run_until_complete(scenario())
