"""Stylesheet helpers: naming widgets for it, re-applying it when a property changes, scaling."""

from __future__ import annotations

import math
import re
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QWidget

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
_PIXELS = re.compile(r"(\d+(?:\.\d+)?)px")


def scale_for(width: int, height: int) -> float:
    """How much larger than the 800×480 design a window is, in quarter steps (1 to 1.75)."""
    ratio = min(width / BASE_SIZE[0], height / BASE_SIZE[1])
    return min(max(math.floor(ratio * 4) / 4, 1.0), MAX_SCALE)


def scaled_stylesheet(sheet: str, scale: float) -> str:
    """``sheet`` with every ``px`` length multiplied by ``scale`` (type and touch targets)."""
    if scale == 1.0:
        return sheet
    return _PIXELS.sub(lambda match: f"{round(float(match.group(1)) * scale)}px", sheet)


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
