from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.domain.customer import CustomerSummary
from kiosk.ui.screens.find_screen import FindScreen

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
ASHA = CustomerSummary(id="c1", reference="ORDER-1042", name="Asha Verma", phone="+919812345678")


def screen_answering(qtbot: QtBot, results: dict[str, list[CustomerSummary]]) -> FindScreen:
    screen = FindScreen("IN")
    qtbot.addWidget(screen)
    screen.search_requested.connect(
        lambda text: screen.show_results(text, results.get(text.strip().upper(), []))
    )
    return screen


def test_a_scanned_code_with_one_match_starts_at_once(qtbot: QtBot) -> None:
    screen = screen_answering(qtbot, {"ORDER-1042": [ASHA]})
    with qtbot.waitSignal(screen.customer_chosen) as chosen:
        qtbot.keyClicks(screen.search, "ORDER-1042")
        qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert chosen.args == [ASHA]


def test_rows_show_masked_numbers(qtbot: QtBot) -> None:
    screen = screen_answering(qtbot, {"ASHA": [ASHA]})
    screen.search.setText("Asha")
    screen.search_button.click()
    text = screen.results.item(0).text()
    assert "Asha Verma" in text
    assert "+91 ••••••5678" in text
    assert "9812345678" not in text


def test_an_unknown_phone_can_be_verified_ad_hoc(qtbot: QtBot) -> None:
    screen = screen_answering(qtbot, {})
    screen.search.setText("99000 11122")
    with qtbot.waitSignal(screen.phone_chosen) as chosen:
        screen.search_button.click()
    assert chosen.args == ["+919900011122"]


def test_ad_hoc_checks_can_be_switched_off(qtbot: QtBot) -> None:
    screen = FindScreen("IN", allow_ad_hoc=False)
    qtbot.addWidget(screen)
    screen.search_requested.connect(lambda text: screen.show_results(text, []))
    chosen: list[str] = []
    screen.phone_chosen.connect(chosen.append)
    screen.search.setText("99000 11122")
    screen.search_button.click()
    assert chosen == []
    assert screen.results.count() == 0
    assert screen.message.text() == (
        "+91 ••••••1122 is not on file. Only customers on file can be verified here."
    )


def test_typing_searches_after_a_pause(qtbot: QtBot) -> None:
    screen = screen_answering(qtbot, {"ASHA": [ASHA]})
    with qtbot.waitSignal(screen.search_requested) as searched:
        qtbot.keyClicks(screen.search, "Asha")
    assert searched.args == ["Asha"]
    assert screen.results.count() == 1


def test_reset_clears_for_the_next_customer(qtbot: QtBot) -> None:
    screen = screen_answering(qtbot, {})
    screen.search.setText("nobody")
    screen.search_button.click()
    assert screen.message.text() == "Nobody found for “nobody”."
    screen.reset()
    assert screen.search.text() == ""
    assert screen.message.text() == ""


def test_the_empty_screen_says_what_to_do_until_something_is_typed(qtbot: QtBot) -> None:
    screen = screen_answering(qtbot, {})
    screen.show()
    assert screen.empty_state.isVisible()
    assert not screen.results.isVisible()
    hint = "Scan the parcel or type the order number, phone or name"
    assert screen.empty_hint.text() == hint
    assert screen.sample_buttons == []
    assert not screen.samples_caption.isVisible()
    qtbot.keyClicks(screen.search, "As")
    assert not screen.empty_state.isVisible()
    assert screen.results.isVisible()
    screen.reset()
    assert screen.empty_state.isVisible()


def test_demo_samples_are_tapped_like_a_scan(qtbot: QtBot) -> None:
    screen = FindScreen("IN", samples=["ORDER-1042", "MEMBER-2001", "Priya"])
    qtbot.addWidget(screen)
    screen.search_requested.connect(
        lambda text: screen.show_results(text, [ASHA] if text == "ORDER-1042" else [])
    )
    screen.show()
    assert screen.samples_caption.isVisible()
    assert [b.text() for b in screen.sample_buttons] == ["ORDER-1042", "MEMBER-2001", "Priya"]
    with qtbot.waitSignal(screen.customer_chosen) as chosen:
        screen.sample_buttons[0].click()
    assert chosen.args == [ASHA]
    assert screen.search.text() == "ORDER-1042"
