"""Finding the files in ``resources/`` (styles, icons, sounds, translations)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package, or inside a frozen (PyInstaller) build."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def read_stylesheet() -> str:
    """The application's one stylesheet (``@resources@`` in it names the resources folder)."""
    sheet = (resources_dir() / "style.qss").read_text(encoding="utf-8")
    return sheet.replace("@resources@", resources_dir().as_posix())
