import asyncio
import shutil
import stat
import subprocess
import unicodedata
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from kiosk.domain.report import ALL_KIOSKS, DayReport
from kiosk.ui.background import BackgroundWork
from kiosk.ui.screens.report_screen import ReportScreen
from kiosk.ui.widgets.day_chart import VERIFIED


async def shown(
    qtbot: QtBot, load: Callable[[int], Awaitable[list[DayReport]]], days: int
) -> tuple[ReportScreen, BackgroundWork]:
    """A report screen showing ``days`` days, loaded."""
    work = BackgroundWork()
    screen = ReportScreen(load, work)
    qtbot.addWidget(screen)
    screen.show_days(days)
    await work.finish()
    return screen, work


def test_shows_each_day_and_kiosk_for_the_period_asked(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    asked: list[int] = []

    async def load(days: int) -> list[DayReport]:
        asked.append(days)
        return [
            DayReport(date(2026, 11, 26), "counter-1", 4, 3, 1, 0, 31.4),
            DayReport(date(2026, 11, 25), "counter-2", 2, 0, 1, 1, None),
        ]

    async def scenario() -> None:
        screen, work = await shown(qtbot, load, 30)
        assert asked == [30]
        assert screen.period_buttons[30].isChecked()
        assert not screen.period_buttons[7].isChecked()
        assert screen.table.rowCount() == 2
        first = [screen.table.item(0, column).text() for column in range(5)]
        assert first[1:] == ["counter-1", "3 of 4", "75 %", "31 s"]
        second = [screen.table.item(1, column).text() for column in range(5)]
        assert second[2:] == ["0 of 2", "0 %", "–"]
        assert screen.summary.text() == "3 of 6 verified in the last 30 days."
        screen.period_buttons[7].click()
        await work.finish()
        assert asked == [30, 7]
        with qtbot.waitSignal(screen.closed):
            screen.back_button.click()

    qloop.run_until_complete(scenario())


def test_an_empty_period_says_so(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> None:
    async def nothing(_days: int) -> list[DayReport]:
        return []

    async def scenario() -> None:
        screen, _work = await shown(qtbot, nothing, 7)
        assert screen.table.rowCount() == 0
        assert screen.summary.text() == "No verifications in the last 7 days."

    qloop.run_until_complete(scenario())


TWO_KIOSKS = [
    DayReport(date(2026, 11, 24), "counter-1", 4, 3, 1, 0, 31.4),
    DayReport(date(2026, 11, 26), "counter-1", 3, 2, 0, 1, 20.0),
    DayReport(date(2026, 11, 26), "counter-2", 2, 0, 1, 1, None),
    DayReport(date(2026, 11, 26), ALL_KIOSKS, 5, 2, 1, 2, 20.0),
]


def test_the_chart_has_every_day_of_the_period_and_the_rate(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    async def load(_days: int) -> list[DayReport]:
        return TWO_KIOSKS

    async def scenario() -> None:
        work = BackgroundWork()
        screen = ReportScreen(load, work, today=lambda: date(2026, 11, 26))
        qtbot.addWidget(screen)
        screen.show_days(7)
        await work.finish()
        days = screen.chart.days
        assert days[0].day == date(2026, 11, 20)
        assert len(days) == 7
        assert [(day.total, day.verified) for day in days[-3:]] == [(4, 3), (0, 0), (5, 2)]
        assert screen.chart.words.day_labels[-1] == "26 Nov"
        assert screen.rate.text() == "Success rate: 56 %"
        assert screen.summary.text() == "5 of 9 verified in the last 7 days."

    qloop.run_until_complete(scenario())


def test_save_as_pdf_has_the_kiosk_the_numbers_and_the_chart(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    async def load(_days: int) -> list[DayReport]:
        return TWO_KIOSKS

    async def scenario() -> Path | None:
        work = BackgroundWork()
        screen = ReportScreen(
            load,
            work,
            kiosk_id=lambda: "counter-1",
            export_dir=tmp_path / "exports",
            today=lambda: date(2026, 11, 26),
        )
        qtbot.addWidget(screen)
        screen.show_days(7)
        await work.finish()
        path = screen.save_pdf()
        assert screen.message.text() == f"Saved to {path}"
        return path

    path = qloop.run_until_complete(scenario())
    assert path is not None
    assert path.parent == tmp_path / "exports"
    assert path.name.startswith("report-counter-1-7-days-")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = pdf_text(path)
    assert "Verification report" in text
    assert "Kiosk: counter-1" in text
    assert "Success rate: 56 %" in text
    assert "5 of 9 verified in the last 7 days." in text
    for cells in ("3 of 4", "75 %", "31 s", "0 of 2", "counter-2", "all kiosks", "2 of 5"):
        assert cells in text, cells
    assert "Not verified" in text  # the chart's legend
    if shutil.which("pdftoppm"):  # the chart's bars are drawn, not only its words
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(path),
             str(tmp_path / "page")],
            check=True,
        )  # fmt: skip
        [page] = tmp_path.glob("page*.png")
        assert colour_share(QImage(str(page)), QColor(VERIFIED)) > 0.001


def test_a_folder_that_cannot_be_written_is_said_in_words(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")

    async def nothing(_days: int) -> list[DayReport]:
        return []

    async def scenario() -> None:
        work = BackgroundWork()
        screen = ReportScreen(nothing, work, export_dir=blocker)
        qtbot.addWidget(screen)
        screen.show_days(7)
        await work.finish()
        assert screen.save_pdf() is None
        assert screen.message.text().startswith("Could not save the file:")

    qloop.run_until_complete(scenario())


def pdf_text(path: Path) -> str:
    """The PDF's text with ligatures undone and runs of white space as one space."""
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def colour_share(image: QImage, colour: QColor) -> float:
    """How much of ``image`` is (close to) ``colour``."""
    hits = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
                < 40
            ):
                hits += 1
    return hits / ((image.width() // 2) * (image.height() // 2))
