"""The report's days as a chart draws them, and the success rate over a period."""

from datetime import date

from kiosk.domain.report import ALL_KIOSKS, DayReport, daily_totals, success_rate


def test_daily_totals_cover_every_day_and_prefer_the_all_kiosks_row() -> None:
    rows = [
        DayReport(date(2026, 11, 24), "counter-1", 4, 3, 1, 0, 31.4),
        DayReport(date(2026, 11, 26), "counter-1", 3, 2, 0, 1, 20.0),
        DayReport(date(2026, 11, 26), "counter-2", 2, 0, 1, 1, None),
        DayReport(date(2026, 11, 26), ALL_KIOSKS, 5, 2, 1, 2, 20.0),
    ]
    days = daily_totals(rows, date(2026, 11, 23), date(2026, 11, 26))
    assert [day.day.day for day in days] == [23, 24, 25, 26]
    assert [(day.total, day.verified) for day in days] == [(0, 0), (4, 3), (0, 0), (5, 2)]
    assert {day.kiosk_id for day in days} == {ALL_KIOSKS}
    assert success_rate(days) == 5 / 9
    assert success_rate(days[:1]) is None


def test_daily_totals_start_earlier_for_a_row_before_the_first_day() -> None:
    rows = [DayReport(date(2026, 11, 19), "counter-1", 1, 1, 0, 0, 10.0)]
    days = daily_totals(rows, date(2026, 11, 20), date(2026, 11, 21))
    assert [day.day.day for day in days] == [19, 20, 21]
