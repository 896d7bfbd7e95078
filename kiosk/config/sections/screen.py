"""The kiosk screens: staff lock, customer screen, language, numbers not on file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator

from kiosk.config.metadata import DefaultText, Flag, OnScreen, Section
from kiosk.domain.pin import is_pin_hash
from kiosk.domain.translatable import QT_TRANSLATE_NOOP

# The screen languages, each by its own name (as a customer looking for it reads it).
LANGUAGES = {"en": "English", "hi": "हिन्दी"}


class ScreenSettings(Section):
    """How the screens behave for staff and customers."""

    key = "screen"
    title = "Kiosk screens"

    kiosk_mode: Annotated[bool, Flag("--kiosk", kiosk_screen=True)] = Field(
        False, description="full screen, only the staff PIN leaves it"
    )
    staff_pin_hash: Annotated[SecretStr | None, DefaultText("none (demo: PIN 1234)")] = Field(
        None, description="from `missedcall-kiosk staff-pin`"
    )
    staff_pin_hash_file: Annotated[Path | None, Flag("--staff-pin-hash-file")] = Field(
        None, description="`staff_pin_hash` read from this file (this wins)"
    )
    history_needs_pin: Annotated[bool | None, DefaultText("true in kiosk mode, else false")] = (
        Field(None, description="the history and its export open only after the staff PIN")
    )
    customer_screen: Annotated[bool, Flag("--customer-screen", kiosk_screen=True)] = Field(
        False, description="customer window on a second monitor"
    )
    language: Annotated[
        str,
        Flag("--language", kiosk_screen=True),
        OnScreen(10, QT_TRANSLATE_NOOP("SettingsScreen", "Staff language"), choices=LANGUAGES),
    ] = Field("en", description="the staff's language on screen: `en` or `hi`")
    allow_ad_hoc: bool = Field(
        True, description="the find screen offers to verify a number not on file"
    )

    @property
    def history_behind_pin(self) -> bool:
        """Whether the history asks for the staff PIN (by default: in kiosk mode)."""
        return self.kiosk_mode if self.history_needs_pin is None else self.history_needs_pin

    @field_validator("staff_pin_hash")
    @classmethod
    def _pin_hash_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not is_pin_hash(value.get_secret_value()):
            hint = (
                " (its $ signs were probably replaced by a shell: the hashes staff-pin prints "
                "now have none)"
                if value.get_secret_value().startswith("scrypt")
                else ""
            )
            raise ValueError(f"Not a PIN hash{hint}; make one with: missedcall-kiosk staff-pin.")
        return value

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value.lower() not in LANGUAGES:
            raise ValueError(f"Unknown language {value!r}; use {', '.join(LANGUAGES)}.")
        return value.lower()
