"""A modem's health in numbers and words: signal, network, operator, read from its replies.

:func:`read_health` asks a ready modem ``AT+CSQ``, ``AT+CREG?`` (and ``AT+CEREG?`` for
LTE-only modems) and ``AT+COPS?``; :class:`ModemHealth` turns the answers into signal
bars, dBm and a registration state, and says (as a reason) what staff should do when
calls cannot arrive. Parsing is pure; asking goes through any object with the
AT channel's ``send_command``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from kiosk.domain.reasons import Why
from kiosk.sources.modem.errors import ModemError
from kiosk.sources.modem.reasons import ModemReason

#: +CREG/+CEREG <stat> values as reasons.
REGISTRATION = {
    0: ModemReason.NETWORK_NOT_SEARCHING,
    1: ModemReason.NETWORK_HOME,
    2: ModemReason.NETWORK_SEARCHING,
    3: ModemReason.NETWORK_DENIED,
    4: ModemReason.NETWORK_UNKNOWN,
    5: ModemReason.NETWORK_ROAMING,
}
_DENIED = 3
_REGISTERED = (1, 5)
#: CSQ rssi that means "not known or not detectable".
_RSSI_UNKNOWN = 99


class Commander(Protocol):
    """Anything that sends one AT command and returns its information lines."""

    async def send_command(self, command: str) -> list[str]:
        """Send ``command``; raise on an error or no answer."""
        ...


@dataclass(frozen=True, slots=True)
class ModemHealth:
    """What the modem said about its signal and network; ``None`` where it could not tell."""

    rssi: int | None = None
    registration: int | None = None
    operator: str | None = None

    @property
    def signal_dbm(self) -> int | None:
        """Received signal strength in dBm (-113 to -51), from the CSQ rssi."""
        if self.rssi is None or self.rssi == _RSSI_UNKNOWN or self.rssi > 31:
            return None
        return -113 + 2 * self.rssi

    @property
    def signal_bars(self) -> int | None:
        """0-4 bars: none below rssi 2, marginal below 10, OK to 14, good to 19, excellent."""
        if self.signal_dbm is None or self.rssi is None:
            return None
        return sum(self.rssi >= step for step in (2, 10, 15, 20))

    @property
    def registered(self) -> bool | None:
        """True on the home network or roaming; None when the modem did not say."""
        return None if self.registration is None else self.registration in _REGISTERED

    @property
    def network(self) -> Why:
        """The registration state (in words at the edge: "registered (home network)")."""
        if self.registration is None:
            return Why(ModemReason.NETWORK_UNKNOWN)
        return Why(REGISTRATION.get(self.registration, ModemReason.NETWORK_UNKNOWN))

    def problem(self, port: str) -> Why | None:
        """What stops calls from arriving, for staff to act on; None when fine."""
        if self.registration == _DENIED:
            return Why(ModemReason.SIM_REFUSED_BY_NETWORK, port=port)
        if self.registered is False:
            return Why(ModemReason.NO_NETWORK, port=port, network=self.network)
        return None

    def summary(self, device: Why | str, port: str) -> Why:
        """One line for the status strip: "Modem ready — Airtel" (bars are drawn beside it).

        ``device`` is what staff call the modem. The signal is put in words only when it
        is too weak to rely on.
        """
        weak = self.signal_bars == 0
        if self.operator:
            reason = ModemReason.READY_OPERATOR_WEAK_SIGNAL if weak else ModemReason.READY_OPERATOR
            return Why(reason, device=device, operator=self.operator)
        if weak:
            return Why(ModemReason.READY_WEAK_SIGNAL, device=device)
        return Why(ModemReason.READY, device=device, port=port)

    def details(self) -> dict[str, Any]:
        """Facts for the status strip and its details page (``network`` as a reason)."""
        return {
            **asdict(self),
            "signal_dbm": self.signal_dbm,
            "signal_bars": self.signal_bars,
            "registered": self.registered,
            "network": self.network,
        }


def parse_csq(lines: list[str]) -> int | None:
    """The rssi of a ``+CSQ: <rssi>,<ber>`` reply."""
    match = re.search(r"\+CSQ:\s*(\d+)", " ".join(lines))
    return int(match.group(1)) if match else None


def parse_registration(lines: list[str]) -> int | None:
    """The <stat> of a ``+CREG: <n>,<stat>[,...]`` or ``+CEREG:`` reply."""
    match = re.search(r"\+C(?:E|G)?REG:\s*\d+\s*,\s*(\d+)", " ".join(lines))
    return int(match.group(1)) if match else None


def parse_operator(lines: list[str]) -> str | None:
    """The operator name of a ``+COPS: <mode>,<format>,"<oper>"[,<act>]`` reply."""
    names = re.findall(r'"([^"]*)"', " ".join(lines))
    return names[0].strip() or None if names else None


async def read_health(modem: Commander) -> ModemHealth:
    """Ask the modem for signal, registration (CS, then LTE) and operator.

    Commands the modem refuses leave their field ``None``; a modem that does not answer
    at all makes this raise (a ModemError), which the caller treats as a
    modem that has stopped answering.
    """
    rssi = parse_csq(await _ask(modem, "AT+CSQ"))
    registration = parse_registration(await _ask(modem, "AT+CREG?"))
    if registration not in _REGISTERED:
        lte = parse_registration(await _ask(modem, "AT+CEREG?"))
        if lte is not None and (registration is None or lte in _REGISTERED):
            registration = lte  # an LTE-only modem (VoLTE) registers here, not in CREG
    operator = parse_operator(await _ask(modem, "AT+COPS?"))
    return ModemHealth(rssi=rssi, registration=registration, operator=operator)


async def _ask(modem: Commander, command: str) -> list[str]:
    """The reply to ``command``, or [] when the modem refused it (it still answered)."""
    try:
        return await modem.send_command(command)
    except ModemError as exc:
        if exc.timed_out:
            raise
        return []
