import asyncio
from collections.abc import Awaitable, Callable
from datetime import date

from pytestqt.qtbot import QtBot

from kiosk.domain.report import DayReport
from kiosk.ui.background import BackgroundWork
from kiosk.ui.screens.report_screen import ReportScreen


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
