"""Every reason the kiosk declares, found in its source (for catalogue-wide tests)."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import kiosk
from kiosk.domain.reasons import Reason


def declared_reasons() -> list[type[Reason]]:
    """Each :class:`Reason` subclass declared in ``kiosk/`` (its modules are imported first)."""
    root = Path(kiosk.__file__).parent
    for path in sorted(root.rglob("*.py")):
        if "(Reason):" in path.read_text(encoding="utf-8"):
            relative = path.relative_to(root.parent).with_suffix("")
            import_module(".".join(relative.parts))
    return [cls for cls in Reason.__subclasses__() if cls.__module__.startswith("kiosk.")]
