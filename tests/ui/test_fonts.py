import ast
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics, QTextLayout
from PySide6.QtWidgets import QApplication

import kiosk.ui
from kiosk.ui.assets import asset_file
from kiosk.ui.fonts import FAMILIES
from tests.ui.test_i18n import messages


def drawn_with(text: str, font: QFont) -> set[str]:
    """The font families Qt picks to draw ``text`` in ``font`` (fallbacks included)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def screen_strings() -> set[str]:
    """Every string literal in the screens' code (docstrings left out) and every translation."""
    found: set[str] = set()
    for source in Path(kiosk.ui.__file__).parent.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        found |= {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        }
    found |= {translation for _context, _source, translation in messages() if translation}
    return found


def test_the_bundled_fonts_are_the_app_font_and_cover_devanagari(qapp: QApplication) -> None:
    font = qapp.font()
    assert tuple(font.families()) == FAMILIES
    assert QFontInfo(font).family() == "Noto Sans"
    assert "Noto Sans Devanagari" in QFontDatabase.families(QFontDatabase.WritingSystem.Devanagari)
    for family in FAMILIES[:2]:
        assert QFontDatabase.styles(family) == ["Regular", "Bold"], family
    assert QFontMetrics(QFont("Noto Sans Devanagari")).inFontUcs4(ord("स"))
    assert drawn_with("Verified", font) == {"Noto Sans"}
    assert drawn_with("सत्यापित 12:05", font) == {"Noto Sans Devanagari"}
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)  # the stylesheet's font-weight: 600
    assert drawn_with("Verified सत्यापित ✔", bold) == set(FAMILIES)
    assert QFontInfo(bold).bold()


def test_every_character_on_the_screens_is_drawn_by_a_bundled_font(qapp: QApplication) -> None:
    characters = {char for text in screen_strings() for char in text if char.isprintable()}
    assert {"✔", "✖", "⚠", "⌫", "स"} <= characters
    font = qapp.font()
    system = {
        char: families
        for char in sorted(characters)
        if not (families := drawn_with(char, font)) <= set(FAMILIES)
    }
    assert system == {}, "drawn with a system font (add a bundled font that has them)"


def test_the_licence_travels_with_the_fonts() -> None:
    licence = asset_file("fonts", "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    for family in FAMILIES:
        assert family in licence
