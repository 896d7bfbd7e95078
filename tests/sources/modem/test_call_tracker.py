"""The call tracker alone: modem lines and a fake clock in, decisions out; no pty, no asyncio."""

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.sources.modem.call_decisions import (
    AskCurrentCalls,
    CallsEndingAgain,
    CallsNotEnding,
    Decision,
    HangUp,
    ReportCall,
)
from kiosk.sources.modem.call_tracker import CallTracker
from kiosk.sources.modem.protocol import CurrentCall, parse_line

CALLER = "+919812345678"
OTHER = "+919876543210"
CLIP = f'+CLIP: "{CALLER}",145,"",,"",0'
OTHER_CLIP = f'+CLIP: "{OTHER}",145,"",,"",0'
WITHHELD_CLIP = '+CLIP: "",128,"",,"",1'
STARTED = datetime(2024, 5, 1, 10, 30, tzinfo=UTC)


class FakeClock:
    """Wall time and monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def now(self) -> datetime:
        return STARTED + timedelta(seconds=self.seconds)

    def monotonic(self) -> float:
        return 1000.0 + self.seconds


class Line:
    """A tracker on a fake clock, fed the way the modem source feeds it."""

    def __init__(self) -> None:
        self.clock = FakeClock()
        self.tracker = CallTracker(
            source="modem", region="IN", clock=self.clock, monotonic=self.clock.monotonic
        )

    def hear(self, *lines: str) -> list[Decision]:
        decisions: list[Decision] = []
        for raw in lines:
            decisions += self.tracker.hear(parse_line(raw), raw)
        return decisions

    def at(self, seconds: float) -> list[Decision]:
        """Move the clock to ``seconds`` after the start and let the waits that ended act."""
        assert seconds >= self.clock.seconds
        self.clock.seconds = seconds
        return self.tracker.advance()

    def hang_up(self, decisions: list[Decision], rejected: bool = True) -> list[Decision]:
        """Carry out the one hang-up among ``decisions``; what the tracker says next."""
        [hang_up] = [d for d in decisions if isinstance(d, HangUp)]
        return self.tracker.hung_up(hang_up, rejected)

    def reported(self, rejected: bool = True) -> list[Decision]:
        """A call from CALLER that rang, was hung up at once and was reported."""
        [report] = self.hang_up(self.hear("RING", CLIP), rejected)
        assert isinstance(report, ReportCall)
        return [report]


@pytest.fixture
def line() -> Line:
    return Line()


def only_report(decisions: list[Decision]) -> ReportCall:
    [report] = decisions
    assert isinstance(report, ReportCall)
    return report


def test_the_caller_id_line_hangs_up_at_once_then_the_call_is_reported(line: Line):
    assert line.hear("RING") == []
    line.clock.seconds = 0.2
    [hang_up] = line.hear(CLIP)
    assert isinstance(hang_up, HangUp)
    assert line.hear("RING", CLIP) == []  # repeats while hanging up change nothing
    event = only_report(line.tracker.hung_up(hang_up, True)).event
    assert event.caller == CALLER
    assert event.caller_raw == CALLER
    assert event.call_id == hang_up.call_id
    assert event.call_id.startswith("modem-")
    assert event.at == STARTED  # when it started ringing
    assert event.raw == CLIP
    assert event.rejected is True
    assert event.source == "modem"


def test_a_hang_up_the_modem_refused_is_reported_as_not_rejected(line: Line):
    [report] = line.reported(rejected=False)
    assert isinstance(report, ReportCall)
    assert report.event.rejected is False


def test_clip_before_ring_dialect(line: Line):
    assert line.hear(CLIP) == []  # some Huawei firmware: +CLIP, then RING
    line.clock.seconds = 0.05
    [hang_up] = line.hear("RING")  # the ring makes the caller ID count
    assert isinstance(hang_up, HangUp)
    event = only_report(line.tracker.hung_up(hang_up, True)).event
    assert (event.caller, event.raw) == (CALLER, CLIP)
    line.clock.seconds = 0.5
    assert line.hear(CLIP, "RING", "^CEND:1,0,104,16") == []
    assert not line.tracker.busy
    assert line.at(60) == []


def test_a_national_number_is_read_in_the_region(line: Line):
    raw = '+CLIP: "09812345678",129,"",,"",0'
    event = only_report(line.hang_up(line.hear("RING", raw))).event
    assert (event.caller, event.caller_raw) == (CALLER, "09812345678")


def test_a_withheld_caller_id_is_reported_withheld(line: Line):
    event = only_report(line.hang_up(line.hear("RING", WITHHELD_CLIP))).event
    assert event.caller is None
    assert event.caller_raw == ""
    assert event.withheld


def test_ring_without_caller_id_asks_the_current_calls_after_one_second(line: Line):
    assert line.hear("RING") == []
    assert line.tracker.next_deadline() == line.clock.monotonic() + 1.0
    assert line.at(0.99) == []
    [asked] = line.at(1.0)
    assert asked == AskCurrentCalls(asked.call_id, "RING")
    assert line.tracker.still_asking(asked)
    entry = CurrentCall(1, True, 4, "09812345678", 129)
    decisions = line.tracker.current_calls(asked, [CurrentCall(2, False, 0, OTHER), entry])
    event = only_report(line.hang_up(decisions)).event
    assert (event.caller, event.caller_raw) == (CALLER, "09812345678")
    assert event.raw == "RING"
    assert event.call_id == asked.call_id


def test_a_call_the_current_calls_do_not_show_has_an_unknown_caller(line: Line):
    assert line.hear("+CRING: VOICE") == []
    [asked] = line.at(1.0)
    assert isinstance(asked, AskCurrentCalls)
    event = only_report(line.hang_up(line.tracker.current_calls(asked, []))).event
    assert event.caller is None
    assert event.caller_unknown
    assert not event.withheld
    assert event.raw == "+CRING: VOICE"
    assert event.rejected is True


def test_a_ringing_entry_without_a_number_is_withheld(line: Line):
    line.hear("RING")
    [asked] = line.at(1.0)
    assert isinstance(asked, AskCurrentCalls)
    entries = [CurrentCall(1, True, 4, "")]
    event = only_report(line.hang_up(line.tracker.current_calls(asked, entries))).event
    assert event.withheld
    assert not event.caller_unknown


def test_a_number_arriving_while_the_current_calls_are_asked_wins(line: Line):
    line.hear("RING")
    [asked] = line.at(1.0)
    assert isinstance(asked, AskCurrentCalls)
    [hang_up] = line.hear(CLIP)
    assert isinstance(hang_up, HangUp)
    assert not line.tracker.still_asking(asked)
    assert line.tracker.current_calls(asked, [CurrentCall(1, True, 4, OTHER)]) == []


def test_a_bare_clip_waits_for_the_number(line: Line):
    assert line.hear("RING", "+CLIP:") == []
    [hang_up] = line.hear(CLIP)
    assert only_report(line.tracker.hung_up(hang_up, True)).event.caller == CALLER


def test_caller_hanging_up_before_the_number_waits_half_a_second_for_missed_call(line: Line):
    line.hear("RING")
    line.clock.seconds = 0.6
    assert line.hear("NO CARRIER") == []
    assert line.tracker.next_deadline() == line.clock.monotonic() + 0.5
    assert line.at(1.09) == []  # no AT+CLCC for a call that is over
    event = only_report(line.at(1.1)).event
    assert event.caller is None
    assert event.caller_unknown  # no number came, and none was said to be hidden
    assert event.raw == "RING"
    assert event.rejected is None  # it ended by itself: nothing to say about a hang-up
    assert not line.tracker.busy


def test_missed_call_within_the_grace_gives_the_number(line: Line):
    line.hear("RING", "NO CARRIER")
    line.clock.seconds = 0.3
    missed = f"MISSED_CALL: 10:15AM {CALLER}"
    event = only_report(line.hear(missed)).event
    assert event.caller == CALLER
    assert event.raw == missed
    assert event.rejected is False
    assert line.at(5) == []  # no second, withheld report


def test_missed_call_for_the_call_just_reported_is_not_a_new_call(line: Line):
    line.reported()
    line.hear("NO CARRIER")
    line.clock.seconds = 59
    assert line.hear(f"MISSED_CALL: 10:15AM {CALLER}") == []
    line.clock.seconds = 61
    assert line.hear(f"MISSED_CALL: 10:15AM {CALLER}") == []  # nothing rang: never a call
    assert not line.tracker.busy


def test_simcom_summary_in_another_form_after_the_call_is_the_same_call(line: Line):
    # SIMCom gave the caller ID nationally, then sums the call up internationally.
    [hang_up] = line.hear("RING", '+CLIP: "09812345678",129,"",,"",0')
    assert only_report(line.tracker.hung_up(hang_up, True)).event.caller == CALLER
    line.clock.seconds = 0.4
    assert line.hear("NO CARRIER") == []
    line.clock.seconds = 2
    assert line.hear(f"MISSED_CALL: 10:15AM {CALLER}") == []
    assert line.at(30) == []
    assert not line.tracker.busy


def test_missed_call_from_another_number_with_no_ring_is_not_a_call(line: Line):
    line.reported()
    line.hear("NO CARRIER")
    assert line.hear(f"MISSED_CALL: 10:15AM {OTHER}") == []
    assert line.at(30) == []


def test_missed_call_after_a_withheld_call_is_that_call(line: Line):
    line.hang_up(line.hear("RING", WITHHELD_CLIP))
    line.hear("NO CARRIER")
    assert line.hear(f"MISSED_CALL: 10:15AM {CALLER}") == []


def test_missed_call_while_a_reported_call_rings_changes_nothing(line: Line):
    line.reported()
    assert line.hear(f"MISSED_CALL: 10:15AM {OTHER}") == []


def test_a_stubborn_call_is_hung_up_again(line: Line):
    [report] = line.reported()  # hung up at 0 s
    assert isinstance(report, ReportCall)
    line.clock.seconds = 0.5
    assert line.hear("RING") == []  # a ring already on its way: not a sign
    assert line.at(3) == []
    assert line.hear("RING") == []  # well after the hang-up: unless another caller shows up…
    assert line.at(3.29) == []
    [again] = line.at(3.3)
    assert again == HangUp(report.event.call_id)
    assert line.tracker.hung_up(again, True) == []  # reported once only


def test_another_caller_ringing_right_after_is_a_new_call(line: Line):
    [report] = line.reported()
    assert isinstance(report, ReportCall)
    line.clock.seconds = 3
    assert line.hear("RING") == []
    [hang_up] = line.hear(OTHER_CLIP)  # a new call, not the old one still ringing
    assert isinstance(hang_up, HangUp)
    assert hang_up.call_id != report.event.call_id
    assert line.at(3.3) == []
    assert only_report(line.tracker.hung_up(hang_up, True)).event.caller == OTHER


def test_a_call_that_does_not_end_is_given_up_on_after_three_hang_ups(line: Line):
    line.reported()  # the first hang-up
    decisions: list[Decision] = []
    for ring in range(1, 5):
        line.at(3.0 * ring)
        assert line.hear("RING") == []
        decisions = line.at(3.0 * ring + 0.3)
        if ring < 3:
            line.hang_up(decisions)
        elif ring == 3:
            assert decisions == [CallsNotEnding()]
        else:
            assert decisions == []  # staff were told once
    line.at(13)
    assert line.hear("NO CARRIER") == [CallsEndingAgain()]  # it stopped in the end
    assert not line.tracker.busy


def test_voice_call_begin_hangs_up_at_once(line: Line):
    assert line.hear("VOICE CALL: BEGIN") == [HangUp(None)]
    assert line.tracker.hung_up(HangUp(None), True) == []


def test_a_call_without_lines_for_six_seconds_is_over(line: Line):
    [first] = line.reported()
    assert isinstance(first, ReportCall)
    assert line.at(5.9) == []
    assert line.tracker.busy
    assert line.at(6.0) == []
    assert not line.tracker.busy
    assert line.tracker.next_deadline() is None
    [hang_up] = line.hear("RING", CLIP)
    assert isinstance(hang_up, HangUp)
    assert hang_up.call_id != first.event.call_id


def test_a_different_caller_while_a_call_is_handled_is_a_new_call(line: Line):
    [first] = line.reported()
    assert isinstance(first, ReportCall)
    assert line.hear("+CLIP:") == []  # a bare +CLIP says nothing
    line.clock.seconds = 3
    [hang_up] = line.hear("RING", OTHER_CLIP)
    assert isinstance(hang_up, HangUp)
    assert hang_up.call_id != first.event.call_id


def test_unsolicited_current_calls_give_the_number_and_the_end(line: Line):
    [hang_up] = line.hear("RING", f'+CLCC: 1,1,4,0,0,"{CALLER}",145')
    assert only_report(line.tracker.hung_up(hang_up, True)).event.caller == CALLER
    assert line.hear(f'+CLCC: 1,1,6,0,0,"{CALLER}",145') == []
    assert not line.tracker.busy


def test_the_port_closing_ends_the_call(line: Line):
    line.hear("RING")
    assert line.tracker.end_call() == []
    assert not line.tracker.busy
    assert line.at(10) == []  # no AT+CLCC, no report for a call on a closed port


# -- caller IDs that do not come with a ring (issue 12, item 1) ----------------------


def test_a_caller_id_with_no_ring_is_never_a_call(line: Line):
    assert line.hear(CLIP) == []  # e.g. the text of a message pushed to the port
    assert line.tracker.next_deadline() == line.clock.monotonic() + 1.0
    assert line.at(1.0) == []
    assert not line.tracker.busy
    line.clock.seconds = 1.5
    assert line.hear("RING") == []  # a real call later waits for its own caller ID
    [hang_up] = line.hear(OTHER_CLIP)
    assert only_report(line.hang_up([hang_up])).event.caller == OTHER


def test_a_ring_long_after_a_caller_id_does_not_make_it_count(line: Line):
    assert line.hear(CLIP) == []
    line.clock.seconds = 1.01
    assert line.hear("RING") == []  # too late: a call of its own, number still to come
    [asked] = line.at(2.01)
    assert isinstance(asked, AskCurrentCalls)
    entries = [CurrentCall(1, True, 4, OTHER)]
    assert (
        only_report(line.hang_up(line.tracker.current_calls(asked, entries))).event.caller == OTHER
    )


def test_a_missed_call_summary_with_no_ring_is_never_a_call(line: Line):
    assert line.hear(f"MISSED_CALL: 10:15AM {CALLER}") == []
    assert line.at(60) == []
    assert not line.tracker.busy


def test_unsolicited_current_calls_with_no_ring_are_never_a_call(line: Line):
    assert line.hear(f'+CLCC: 1,1,4,0,0,"{CALLER}",145') == []
    assert line.at(5) == []
    assert not line.tracker.busy


# -- a ring cut short (issue 12, item 17) -----------------------------------------------


def test_a_modem_restart_while_it_rings_without_a_number_is_an_unknown_caller(line: Line):
    assert line.hear("RING") == []
    line.clock.seconds = 0.4
    event = only_report(line.tracker.modem_restarted()).event
    assert event.caller is None
    assert event.caller_unknown
    assert not event.withheld
    assert event.raw == "RING"
    assert event.rejected is None
    assert not line.tracker.busy
    assert line.at(10) == []  # no AT+CLCC on a modem that restarted


def test_a_modem_restart_after_the_call_was_reported_reports_nothing_more(line: Line):
    line.reported()
    assert line.tracker.modem_restarted() == []
    assert not line.tracker.busy
