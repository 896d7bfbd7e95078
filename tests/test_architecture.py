"""The layering in docs/ARCHITECTURE.md, checked: imports point downwards only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kiosk"

#: For each layer (a folder of kiosk/), the layers of ours it may import.
BELOW_CORE = {"domain", "config", "store", "delivery", "sources"}
MAY_IMPORT: dict[str, set[str]] = {
    "domain": {"domain"},
    "config": {"domain", "config"},
    "store": {"domain", "store"},
    "delivery": {"domain", "store", "delivery"},
    "sources": {"domain", "config", "sources"},
    "core": BELOW_CORE | {"core"},
    "ops": BELOW_CORE | {"core", "ops"},
    "ui": {"domain", "config", "core", "ops", "ui", "assets"},
    "cli": BELOW_CORE | {"core", "ops", "cli", "ui"},
    "assets": set(),
}
#: Third-party libraries that mean Qt or I/O.
QT = {"PySide6", "qasync", "shiboken6"}
IO = QT | {"sqlalchemy", "alembic", "httpx", "aiohttp", "serial", "serial_asyncio_fast"}


def _modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts)


def _layer(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else None


def _imports(path: Path) -> set[str]:
    """Every module name ``path`` imports, at the top or inside functions."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_downwards(path: Path) -> None:
    layer = _layer(path)
    if layer is None:
        return  # the composition root may import anything
    ours = {name.split(".")[1] for name in _imports(path) if name.startswith("kiosk.")}
    ours.discard("__version__")
    assert ours <= MAY_IMPORT[layer], f"{layer}/ may not import {sorted(ours - MAY_IMPORT[layer])}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_qt_below_the_front_ends_and_no_io_in_the_domain(path: Path) -> None:
    layer = _layer(path)
    top = {name.split(".")[0] for name in _imports(path)}
    if layer in MAY_IMPORT["core"]:
        assert not top & QT, "the core and everything below it run without Qt"
    if layer == "domain":
        assert not top & IO, "domain/ is pure: no I/O libraries"


def test_the_package_root_holds_at_most_five_modules() -> None:
    assert len(list(PACKAGE.glob("*.py"))) <= 5


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_400_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400
