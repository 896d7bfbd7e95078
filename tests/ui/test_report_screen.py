from datetime import date

from pytestqt.qtbot import QtBot

from kiosk.domain.report import DayReport
from kiosk.ui.report_screen import ReportScreen


def test_shows_each_day_and_kiosk_for_the_period_asked(qtbot: QtBot) -> None:
    asked: list[int] = []

    def load(days: int) -> list[DayReport]:
        asked.append(days)
        return [
            DayReport(date(2026, 11, 26), "counter-1", 4, 3, 1, 0, 31.4),
            DayReport(date(2026, 11, 25), "counter-2", 2, 0, 1, 1, None),
        ]

    screen = ReportScreen(load)
    qtbot.addWidget(screen)
    screen.show_days(30)
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
    assert asked == [30, 7]
    with qtbot.waitSignal(screen.closed):
        screen.back_button.click()


def test_an_empty_period_says_so(qtbot: QtBot) -> None:
    screen = ReportScreen(lambda _days: [])
    qtbot.addWidget(screen)
    screen.show_days(7)
    assert screen.table.rowCount() == 0
    assert screen.summary.text() == "No verifications in the last 7 days."
