"""Modem checks: found, SIM ready, registered, signal, caller ID (as ``modem status`` sees it)."""

from __future__ import annotations

from kiosk.config.settings import Settings
from kiosk.domain.reasons import Why
from kiosk.ops.doctor.report import Check, Verdict
from kiosk.sources.modem.diagnosis import ModemDiagnosis, diagnose
from kiosk.sources.modem.reasons import ModemReason
from kiosk.sources.modem.setup import SIM_READY

#: The name the package's udev rule gives the AT port of a known modem.
STABLE_PORT = "/dev/kiosk-modem"

#: Problems of the SIM card: the modem answers, the SIM needs fixing.
_SIM_PROBLEMS = frozenset(
    {
        ModemReason.SIM_MISSING,
        ModemReason.SIM_NOT_READY,
        ModemReason.SIM_BLOCKED,
        ModemReason.SIM_LOCKED,
        ModemReason.SIM_PIN_REFUSED,
        ModemReason.SIM_REFUSED_BY_NETWORK,
    }
)

_MODEM_CHECKS = (
    ("modem", "Modem"),
    ("sim", "SIM card"),
    ("network", "Mobile network"),
    ("signal", "Signal"),
    ("caller_id", "Caller ID"),
)


def _modem_skipped(message: str, start: int = 0) -> list[Check]:
    return [Check(key, title, Verdict.SKIPPED, message) for key, title in _MODEM_CHECKS[start:]]


async def modem_in_use() -> list[Check]:
    return _modem_skipped("The running kiosk is using the modem; its status is shown on screen.")


async def check_modem(settings: Settings) -> list[Check]:
    """Modem found, SIM ready, registered, signal and caller ID: what ``modem status`` shows."""
    if settings.demo or settings.is_demo:
        return _modem_skipped("Demo mode: the modem is simulated.")
    if "modem" not in settings.sources or not settings.modem_port:
        return _modem_skipped("This kiosk hears calls from a provider, not a modem.")
    modem = await diagnose(settings)
    port = modem.port or ""
    if modem.problem is not None:
        return _not_ready(modem.problem, port)
    device = " ".join(part for part in (modem.manufacturer, modem.model) if part)
    return [
        Check("modem", "Modem", Verdict.OK, f"{device or 'A modem'} answers on {port}."),
        _sim_check(modem),
        _network_check(modem),
        _signal_check(modem),
        _caller_id_check(modem),
    ]


def _not_ready(problem: Why, port: str) -> list[Check]:
    """The checks for a modem that did not get ready: the SIM's fault, or the modem's."""
    if problem.reason in _SIM_PROBLEMS:
        found = Check("modem", "Modem", Verdict.OK, f"A modem answers on {port}.")
        sim = Check(
            "sim",
            "SIM card",
            Verdict.FAIL,
            str(problem),
            "Fix the SIM as described, then run the doctor again.",
        )
        return [found, sim, *_modem_skipped("Needs a ready SIM card first.", start=2)]
    if problem.reason is ModemReason.NO_NETWORK:
        found = Check("modem", "Modem", Verdict.OK, f"A modem answers on {port}.")
        sim = Check(
            "sim", "SIM card", Verdict.SKIPPED, "Not checked: the modem has no mobile network."
        )
        network = Check("network", "Mobile network", Verdict.FAIL, str(problem), _NETWORK_ACTION)
        return [found, sim, network, *_modem_skipped("Needs the mobile network first.", start=3)]
    return [
        Check("modem", "Modem", Verdict.FAIL, str(problem), _modem_action(problem, port)),
        *_modem_skipped("Needs the modem first.", start=1),
    ]


def _modem_action(problem: Why, port: str) -> str:
    if port == STABLE_PORT and problem.reason is ModemReason.NOT_FOUND:
        return (
            f"{STABLE_PORT} appears only for the modems the udev rule knows. Check that "
            "'lsusb' lists the modem; for another model add its id to the rule (README, "
            "'The modem'), or set modem_port to its /dev/serial/by-id/ name."
        )
    if problem.reason is ModemReason.NOT_ALLOWED:
        return (
            "Install the udev rule from the package (it gives the kiosk's group the modem) "
            "or add the user to the 'dialout' group, then log in again."
        )
    if problem.reason is ModemReason.IN_USE:
        return (
            "Stop the other program (or the kiosk service: sudo systemctl stop missedcall-kiosk)."
        )
    return (
        "Check the cable and the modem_port setting. 'missedcall-kiosk modem probe' lists "
        f"the ports that answer; with the udev rule installed use {STABLE_PORT}."
    )


def _sim_check(modem: ModemDiagnosis) -> Check:
    if modem.sim == SIM_READY:
        return Check("sim", "SIM card", Verdict.OK, "The SIM card is ready.")
    return Check(
        "sim",
        "SIM card",
        Verdict.WARN,
        f"The modem does not say that the SIM card is ready (it says: {modem.sim}).",
        "Check the SIM in a phone if calls do not arrive.",
    )


def _network_check(modem: ModemDiagnosis) -> Check:
    health = modem.health
    operator = f" ({health.operator})" if health.operator else ""
    if health.registered:
        return Check(
            "network",
            "Mobile network",
            Verdict.OK,
            f"{str(health.network).capitalize()}{operator}.",
        )
    return Check(
        "network",
        "Mobile network",
        Verdict.FAIL,
        f"Not registered: {health.network}.",
        _NETWORK_ACTION,
    )


_NETWORK_ACTION = (
    "Check that the SIM is active and has voice service, and that an antenna is fitted; "
    "a modem needs up to a minute after plugging in."
)


def _signal_check(modem: ModemDiagnosis) -> Check:
    bars, dbm = modem.health.signal_bars, modem.health.signal_dbm
    if dbm is None:
        return Check(
            "signal",
            "Signal",
            Verdict.WARN,
            "The modem does not report any signal.",
            "Fit the antenna and place the modem near a window.",
        )
    text = f"{bars}/4 bars ({dbm} dBm)."
    if (bars or 0) <= 1:
        return Check(
            "signal",
            "Signal",
            Verdict.WARN,
            f"Weak: {text} Calls may not reach the kiosk.",
            "Move the modem (a USB extension cable helps) or fit an external antenna.",
        )
    return Check("signal", "Signal", Verdict.OK, text)


def _caller_id_check(modem: ModemDiagnosis) -> Check:
    if modem.caller_id:
        return Check("caller_id", "Caller ID", Verdict.OK, "On: the modem shows who calls.")
    return Check(
        "caller_id",
        "Caller ID",
        Verdict.WARN,
        "The modem took the caller-ID command, but the network has not confirmed caller ID.",
        "Call the kiosk's number and watch 'missedcall-kiosk modem listen'; if no number "
        "shows, ask the mobile operator to enable caller ID (CLIP) on the SIM.",
    )
