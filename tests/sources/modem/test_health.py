import pytest

from kiosk.domain.health import SourceName
from kiosk.domain.reasons import Why
from kiosk.sources.modem.health import (
    ModemHealth,
    parse_csq,
    parse_operator,
    parse_registration,
)
from kiosk.sources.modem.reasons import ModemReason


@pytest.mark.parametrize(
    ("rssi", "dbm", "bars"),
    [
        (0, -113, 0),
        (1, -111, 0),
        (2, -109, 1),
        (10, -93, 2),
        (15, -83, 3),
        (20, -73, 4),
        (31, -51, 4),
        (99, None, None),
    ],
)
def test_signal(rssi: int, dbm: int | None, bars: int | None):
    health = ModemHealth(rssi=rssi)
    assert health.signal_dbm == dbm
    assert health.signal_bars == bars


def test_replies_of_several_vendors():
    assert parse_csq(["+CSQ: 17,99"]) == 17
    assert parse_csq(["+CSQ:5,0"]) == 5
    assert parse_registration(["+CREG: 0,1"]) == 1
    assert parse_registration(['+CREG: 2,5,"1A2B","01C3",7']) == 5
    assert parse_registration(["+CEREG: 0,1"]) == 1
    assert parse_registration(["+CREG: 1"]) is None  # the unsolicited form carries no <n>
    assert parse_operator(['+COPS: 0,0,"Airtel",7']) == "Airtel"
    assert parse_operator(["+COPS: 0"]) is None
    assert parse_operator(['+COPS: 0,0,"",2']) is None


def test_problem_and_summary_as_reasons_and_in_plain_words():
    fine = ModemHealth(rssi=20, registration=1, operator="Airtel")
    assert fine.problem("/dev/ttyUSB2") is None
    assert str(fine.summary("Modem", "/dev/ttyUSB2")) == "Modem ready — Airtel"
    weak = ModemHealth(rssi=1, registration=1)
    assert str(weak.summary("Modem", "/dev/ttyUSB2")) == (
        "Modem ready — very weak signal: move the modem or its antenna"
    )
    weak_airtel = ModemHealth(rssi=1, registration=1, operator="Airtel")
    assert str(weak_airtel.summary(Why(SourceName.SIMULATOR), "/dev/x")) == (
        "Simulated modem ready — Airtel, very weak signal: move the modem or its antenna"
    )
    unknown = ModemHealth()
    assert str(unknown.summary("Modem", "/dev/ttyUSB2")) == "Modem ready on /dev/ttyUSB2"
    assert unknown.problem("/dev/ttyUSB2") is None  # a modem that cannot tell is not blamed
    assert unknown.network == Why(ModemReason.NETWORK_UNKNOWN)
    searching = ModemHealth(registration=2)
    problem = searching.problem("/dev/ttyUSB2")
    assert problem == Why(
        ModemReason.NO_NETWORK, port="/dev/ttyUSB2", network=Why(ModemReason.NETWORK_SEARCHING)
    )
    assert "no mobile network (searching for a network)" in str(problem)
    refused = ModemHealth(registration=3).problem("/dev/ttyUSB2")
    assert refused == Why(ModemReason.SIM_REFUSED_BY_NETWORK, port="/dev/ttyUSB2")
    assert ModemHealth(registration=1).details()["registered"] is True
