"""Stylesheet helpers: re-applying the stylesheet after a dynamic property changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


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
