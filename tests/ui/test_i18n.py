import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from pytestqt.qtbot import QtBot

import kiosk.config.sections
import kiosk.ui
from kiosk.config.editor import ON_SCREEN
from kiosk.ui.assets import asset_file
from kiosk.ui.i18n import Languages, format_count, format_time
from kiosk.ui.widgets.status_strip import StatusStrip
from tests.reason_catalogue import reason_modules

TS = asset_file("translations", "kiosk_hi.ts")
PLACEHOLDER = re.compile(r"\{\w*(?::[^}]*)?\}")
TOOLS = Path(sys.executable).parent


def messages() -> list[tuple[str, str, str | None]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", None)
        if message.find("translation").get("type") == "unfinished"
        else (
            context.findtext("name") or "",
            message.findtext("source") or "",
            message.findtext("translation"),
        )
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_hindi_is_complete_and_keeps_every_placeholder() -> None:
    found = messages()
    assert len(found) > 100
    for context, source, translation in found:
        assert translation, f"{context}: {source!r} is not translated"
        words = re.sub(r"[^A-Za-z]", "", PLACEHOLDER.sub("", source))
        assert re.search("[\u0900-\u097f]", translation) or not words, source
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation))


def test_every_tr_string_is_in_the_ts_file_and_the_qm_is_compiled_from_it(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "kiosk_hi.ts"
    shutil.copy(TS, copy)
    screens = (
        path
        for package in (kiosk.ui, kiosk.config.sections)
        for path in Path(package.__file__).parent.rglob("*.py")
    )
    sources = sorted({*screens, *reason_modules()})  # as ``make translations`` finds them
    report = subprocess.run(
        [
            TOOLS / "pyside6-lupdate",
            *map(str, sources),
            "-no-obsolete",
            "-ts",
            str(copy),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "0 new" in report.stdout, report.stdout
    assert {m[1] for m in messages()} == {
        message.findtext("source") for message in ET.parse(copy).getroot().iter("message")
    }
    compiled = tmp_path / "kiosk_hi.qm"
    subprocess.run(
        [TOOLS / "pyside6-lrelease", str(TS), "-qm", str(compiled)], capture_output=True, check=True
    )
    assert compiled.read_bytes() == (TS.with_suffix(".qm")).read_bytes()


def test_every_settings_screen_text_is_marked_for_translation() -> None:
    marked = {source for context, source, _ in messages() if context == "SettingsScreen"}
    for info in ON_SCREEN:
        assert info.screen is not None
        words = {info.screen.example} if " " in info.screen.example else set()  # not a URL
        texts = {info.screen.label, info.screen.unit} | words
        missing = {text for text in texts if text} - marked
        assert not missing, f"{info.name}: mark {missing} with QT_TRANSLATE_NOOP"


def test_switching_language_retranslates_and_formats_for_the_locale(qtbot: QtBot) -> None:
    strip = StatusStrip(demo=True)
    qtbot.addWidget(strip)
    languages = Languages("en")
    moment = datetime(2026, 11, 26, 8, 35, 9, tzinfo=UTC)
    try:
        assert strip.demo.text() == "DEMO"
        languages.switch("hi")
        assert strip.demo.text() == "डेमो"
        assert QLocale().name() == "hi_IN"
        assert QCoreApplication.translate("Status", "Verified") == "सत्यापित"
        assert format_count(1234567) == "12,34,567"
        assert re.fullmatch(r"\d{1,2}:\d\d:09 [ap]m", format_time(moment))
        assert format_time(moment, seconds=False).count(":") == 1
        languages.switch("en")
        assert strip.demo.text() == "DEMO"
        assert QCoreApplication.translate("Status", "Verified") == "Verified"
        with pytest.raises(ValueError, match="Unknown language"):
            languages.switch("fr")
    finally:
        languages.switch("en")
