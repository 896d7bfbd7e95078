"""Modem checks: found, SIM ready, registered, signal, caller ID (as ``modem status`` sees it)."""

from __future__ import annotations

from kiosk.config.settings import Settings
from kiosk.ops.doctor.report import Check, Verdict
from kiosk.sources.modem.diagnosis import ModemDiagnosis, diagnose
from kiosk.sources.modem.setup import SIM_READY

#: The name the package's udev rule gives the AT port of a known modem.
STABLE_PORT = "/dev/kiosk-modem"

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
        problem = modem.problem
        if "SIM" in problem:
            found = Check("modem", "Modem", Verdict.OK, f"A modem answers on {port}.")
            sim = Check(
                "sim",
                "SIM card",
                Verdict.FAIL,
                problem,
                "Fix the SIM as described, then run the doctor again.",
            )
            return [found, sim, *_modem_skipped("Needs a ready SIM card first.", start=2)]
        return [
            Check("modem", "Modem", Verdict.FAIL, problem, _modem_action(problem, port)),
            *_modem_skipped("Needs the modem first.", start=1),
        ]
    device = " ".join(part for part in (modem.manufacturer, modem.model) if part)
    return [
        Check("modem", "Modem", Verdict.OK, f"{device or 'A modem'} answers on {port}."),
        _sim_check(modem),
        _network_check(modem),
        _signal_check(modem),
        _caller_id_check(modem),
    ]


def _modem_action(problem: str, port: str) -> str:
    if port == STABLE_PORT and "not found" in problem.lower():
        return (
            f"{STABLE_PORT} appears only for the modems the udev rule knows. Check that "
            "'lsusb' lists the modem; for another model add its id to the rule (README, "
            "'The modem'), or set modem_port to its /dev/serial/by-id/ name."
        )
    if "not allowed" in problem.lower():
        return (
            "Install the udev rule from the package (it gives the kiosk's group the modem) "
            "or add the user to the 'dialout' group, then log in again."
        )
    if "in use" in problem.lower():
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
            "network", "Mobile network", Verdict.OK, f"{health.network.capitalize()}{operator}."
        )
    return Check(
        "network",
        "Mobile network",
        Verdict.FAIL,
        f"Not registered: {health.network}.",
        "Check that the SIM is active and has voice service, and that an antenna is fitted; "
        "a modem needs up to a minute after plugging in.",
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
