"""The files in ``kiosk/assets`` (style, icons, sounds, translations, fonts).

They are package data read through :mod:`importlib.resources`, so they are found wherever
the package is: a source tree, an installed wheel, a PyInstaller build. Whatever needs a
real file (a sound player, Qt's translator, an icon in the stylesheet) gets one from
:func:`asset_file`: the file itself, or for a package kept in a zip a copy that lasts
until the process exits.
"""

from __future__ import annotations

import atexit
import re
from contextlib import ExitStack
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

_ASSETS = resources.files("kiosk") / "assets"
#: ``@assets@/icons/x.svg`` in the stylesheet names a file in ``kiosk/assets``.
_ASSET_URL = re.compile(r"@assets@/([\w./-]+)")

_copies = ExitStack()
atexit.register(_copies.close)


def asset(*parts: str) -> Traversable:
    """One file or folder in ``kiosk/assets`` (``asset("sounds", "verified.wav")``)."""
    return _ASSETS.joinpath(*parts)


@cache
def asset_file(*parts: str) -> Path:
    """A real path to one asset file, valid until the process exits."""
    return _copies.enter_context(resources.as_file(asset(*parts)))


def read_stylesheet() -> str:
    """The application's one stylesheet, its ``@assets@/…`` names made real paths."""
    sheet = asset("style.qss").read_text(encoding="utf-8")
    return _ASSET_URL.sub(lambda found: asset_file(*found[1].split("/")).as_posix(), sheet)
