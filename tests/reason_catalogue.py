"""Every reason the kiosk declares, found in its source (for catalogue-wide tests)."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import kiosk
from kiosk.domain.reasons import Reason


def reason_modules() -> list[Path]:
    """The files that declare reasons, found as ``make translations`` finds them."""
    root = Path(kiosk.__file__).parent
    return [path for path in sorted(root.rglob("*.py")) if "(Reason):" in path.read_text("utf-8")]


def declared_reasons() -> list[type[Reason]]:
    """Each :class:`Reason` subclass declared in ``kiosk/`` (its modules are imported first)."""
    root = Path(kiosk.__file__).parents[1]
    for path in reason_modules():
        import_module(".".join(path.relative_to(root).with_suffix("").parts))
    return [cls for cls in Reason.__subclasses__() if cls.__module__.startswith("kiosk.")]
