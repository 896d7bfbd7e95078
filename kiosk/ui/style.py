"""Stylesheet helpers: naming widgets for it, re-applying it when a property changes, scaling.

Also how screens follow the panel's shape: side by side on a landscape panel, one
above the other on a portrait one (:class:`Arranged`, :func:`stack_when_portrait`).
"""

from __future__ import annotations

import math
import re
from typing import Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLayout, QMainWindow, QWidget

from kiosk.ui.assets import read_stylesheet

_Widget = TypeVar("_Widget", bound=QWidget)


def named(widget: _Widget, object_name: str) -> _Widget:
    """``widget``, given the object name the stylesheet (and tests) select it by.

    Qt takes ``objectName=`` in any constructor, but PySide6's type stubs list only each
    class's own properties there, so the name is set here instead.
    """
    widget.setObjectName(object_name)
    return widget


def set_style_state(widget: QWidget, name: str, value: object) -> None:
    """Set a property the stylesheet selects on (``[outcome="verified"]``) and repaint.

    Children are re-polished too, so descendant selectors follow the change.
    """
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    for each in (widget, *widget.findChildren(QWidget)):
        each.style().unpolish(each)
        each.style().polish(each)
        each.update()


def styled_background(widget: QWidget) -> None:
    """Let the stylesheet paint this plain QWidget subclass's background."""
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)


#: The size the stylesheet is written for; bigger windows scale every pixel length up.
BASE_SIZE = (800, 480)
MAX_SCALE = 1.75
#: Smaller panels (720×400, a 480-wide portrait one) get slightly smaller type.
SMALL_SCALE = 0.875
#: No touch target shrinks below this (a fingertip), whatever the scale.
TOUCH_PIXELS = 48
_PIXELS = re.compile(r"(\d+(?:\.\d+)?)px")
_TOUCH = re.compile(r"(min-(?:height|width):\s*)(\d+(?:\.\d+)?)px")


def scale_for(width: int, height: int) -> float:
    """How much larger than the 800×480 design a window is, in quarter steps (up to 1.75).

    A window smaller than the design gets :data:`SMALL_SCALE`.
    """
    ratio = min(width / BASE_SIZE[0], height / BASE_SIZE[1])
    if ratio < 1:
        return SMALL_SCALE
    return min(math.floor(ratio * 4) / 4, MAX_SCALE)


def scaled_stylesheet(sheet: str, scale: float) -> str:
    """``sheet`` with every ``px`` length multiplied by ``scale`` (type and touch targets).

    Shrunk, a minimum size stays at least :data:`TOUCH_PIXELS` if it was that large.
    """
    if scale == 1.0:
        return sheet

    def touch(match: re.Match[str]) -> str:
        pixels = float(match.group(2))
        scaled = max(round(pixels * scale), round(min(pixels, TOUCH_PIXELS)))
        return f"{match.group(1)}{scaled}PX"  # upper case: not scaled again below

    kept = _TOUCH.sub(touch, sheet)
    scaled = _PIXELS.sub(lambda match: f"{round(float(match.group(1)) * scale)}px", kept)
    return scaled.replace("PX", "px")


def follow_window_size(window: QWidget, width: int, height: int) -> None:
    """Give ``window`` the stylesheet scaled for its size (only when the step changes).

    The window carries the stylesheet itself, so it looks the same in any application.
    """
    scale = scale_for(width, height)
    if window.property("styleScale") == scale:
        return
    window.setProperty("styleScale", scale)
    window.setStyleSheet(scaled_stylesheet(read_stylesheet(), scale))
    for layout in window.findChildren(QLayout):  # hidden screens keep stale sizes otherwise
        layout.invalidate()


@runtime_checkable
class Arranged(Protocol):
    """A screen that lays itself out differently on a portrait panel."""

    def arrange(self, portrait: bool) -> None:
        """Lay out for a portrait (taller than wide) or a landscape window."""


def stack_when_portrait(layout: QBoxLayout, portrait: bool) -> None:
    """``layout``'s parts side by side on a landscape panel, one above the other on a portrait."""
    direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
    if layout.direction() != direction:
        layout.setDirection(direction)


#: The smallest screen the kiosk is laid out for: a portrait panel's width, a small
#: landscape panel's height (720×400 and 480×800 both fit).
SMALLEST_PANEL = (480, 400)


def take_any_panel_size(window: QMainWindow) -> None:
    """Let ``window`` take any size from :data:`SMALLEST_PANEL` up.

    Below its layouts' own minimum it still takes the size it is given (a window
    manager, or none, decides it); each screen then arranges itself for that size.
    """
    layout = window.layout()
    assert layout is not None  # a QMainWindow always has its own
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    window.setMinimumSize(*SMALLEST_PANEL)
