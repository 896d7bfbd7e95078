"""Checks of the configuration: read without errors, from where, no misspelt settings."""

from __future__ import annotations

from pathlib import Path

from kiosk.config.paths import config_path
from kiosk.config.settings import Settings
from kiosk.config.unknown import unknown_settings
from kiosk.domain.pin import DEMO_PIN, MIN_DIGITS, is_legacy_pin_hash
from kiosk.ops.doctor.report import Check, Verdict


def check_config(settings: Settings, config_file: Path | str | None = None) -> Check:
    """The settings were read; say from where, and warn about demo mode or no dial number."""
    path = config_path(config_file)
    where = (
        f"Settings read from {path}."
        if path.is_file()
        else f"No config file at {path}: settings come from KIOSK_* variables and defaults."
    )
    title = "Configuration"
    unknown = "; ".join(map(str, unknown_settings(path)))
    if unknown:
        return Check(
            "config",
            title,
            Verdict.WARN,
            f"{where} These settings are not known and are ignored: {unknown}.",
            f"Correct the spelling in {path} or the KIOSK_* variable.",
        )
    if settings.is_demo:
        return Check(
            "config",
            title,
            Verdict.WARN,
            f"{where} No modem or provider is set, so the kiosk runs in DEMO mode "
            "with a simulated modem: real calls are not heard.",
            f"Set modem_port (e.g. /dev/kiosk-modem) or a provider (source) in {path}.",
        )
    if not settings.dial_number:
        return Check(
            "config",
            title,
            Verdict.WARN,
            f"{where} The number customers dial is not set, so the screen cannot show it.",
            f"Set dial_number in {path} to the SIM's or provider number.",
        )
    return Check("config", title, Verdict.OK, where)


def check_staff_lock(settings: Settings) -> Check:
    """Kiosk mode needs a staff PIN, or staff can never reach settings or leave it."""
    title = "Staff PIN"
    if settings.staff_pin_hash and is_legacy_pin_hash(settings.staff_pin_hash.get_secret_value()):
        return Check(
            "staff_pin",
            title,
            Verdict.WARN,
            "The staff PIN still unlocks, but its hash was made when 4 digits were enough: "
            f"a short PIN is guessed in hours. New PINs have at least {MIN_DIGITS} digits.",
            "Run 'missedcall-kiosk staff-pin', choose a PIN of 6 or more digits, and put the "
            "line it prints into the config file in place of the old staff_pin_hash.",
        )
    if settings.staff_pin_hash:
        return Check("staff_pin", title, Verdict.OK, "A staff PIN guards settings.")
    if settings.is_demo:
        return Check("staff_pin", title, Verdict.OK, f"Demo mode: the staff PIN is {DEMO_PIN}.")
    if settings.kiosk_mode:
        return Check(
            "staff_pin",
            title,
            Verdict.FAIL,
            "Kiosk mode is on but no staff PIN is set: nobody can open the settings or "
            "leave the kiosk screen.",
            "Run 'missedcall-kiosk staff-pin' and put the line it prints into the config file.",
        )
    return Check(
        "staff_pin",
        title,
        Verdict.WARN,
        "No staff PIN is set, so the settings screen cannot be opened.",
        "Run 'missedcall-kiosk staff-pin' and put the line it prints into the config file.",
    )
