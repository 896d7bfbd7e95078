"""The basic settings: the modem, the number to dial, the callback, the database, logs."""

from __future__ import annotations

import binascii
import socket
from pathlib import Path
from typing import Annotated, Self

import httpx
from pydantic import Field, SecretStr, field_validator, model_validator
from standardwebhooks import Webhook
from standardwebhooks.webhooks import EmptyWebhookSecretError

from kiosk.config.metadata import DefaultText, Flag, OnScreen, Section
from kiosk.domain.phone import parse_phone
from kiosk.domain.translatable import QT_TRANSLATE_NOOP

#: The unit after a number of seconds on the settings screen.
_SECONDS = QT_TRANSLATE_NOOP("SettingsScreen", " s")


class BasicSettings(Section):
    """Where calls come from, what customers dial, where results go."""

    key = "basic"
    title = "The kiosk: modem, number to dial, callback, database, logs"

    demo: Annotated[bool, Flag("--demo")] = Field(
        False, description="simulated modem and sample customers"
    )
    modem_port: Annotated[
        str | None,
        Flag("--modem-port"),
        OnScreen(
            1,
            QT_TRANSLATE_NOOP("SettingsScreen", "Modem port"),
            QT_TRANSLATE_NOOP("SettingsScreen", "e.g. /dev/ttyUSB2, COM3 or auto"),
            restart=True,
        ),
    ] = Field(
        None,
        description="serial device (`/dev/ttyUSB2`, `/dev/serial/by-id/…`), any pyserial URL, "
        "or `auto` (look for the port that answers `AT`, again after every replug); "
        "none means demo mode",
    )
    modem_baudrate: int = Field(115200, description="serial speed")
    sim_pin: Annotated[SecretStr | None, Flag("--sim-pin")] = Field(
        None, description="PIN of the modem's SIM, if it is locked"
    )
    sim_pin_file: Annotated[Path | None, Flag("--sim-pin-file")] = Field(
        None, description="`sim_pin` read from this file (this wins)"
    )
    dial_number: Annotated[
        str | None,
        Flag("--dial-number"),
        OnScreen(
            3,
            QT_TRANSLATE_NOOP("SettingsScreen", "Number customers dial"),
            QT_TRANSLATE_NOOP("SettingsScreen", "the SIM's number, e.g. +91 80000 00001"),
            restart=True,
        ),
        DefaultText("none (demo: +918000000001)"),
    ] = Field(None, description="the number customers dial (the SIM's number), any format")
    region: Annotated[
        str,
        Flag("--region"),
        OnScreen(8, QT_TRANSLATE_NOOP("SettingsScreen", "Country (region)"), "IN", max_length=2),
    ] = Field("IN", description="country for numbers written without `+country code`")
    timeout: Annotated[
        float,
        Flag("--timeout"),
        OnScreen(
            6,
            QT_TRANSLATE_NOOP("SettingsScreen", "Time to dial"),
            low=10,
            high=900,
            unit=_SECONDS,
        ),
    ] = Field(120.0, gt=0, description="seconds a customer has to dial")
    kiosk_id: Annotated[
        str,
        Flag("--kiosk-id"),
        OnScreen(9, QT_TRANSLATE_NOOP("SettingsScreen", "Kiosk name")),
        DefaultText("host name"),
    ] = Field(
        default_factory=socket.gethostname, description="name of this kiosk, sent with every result"
    )
    database_url: Annotated[
        str | None, Flag("--database-url"), DefaultText("SQLite in the data directory")
    ] = Field(None, description="the database: any SQLAlchemy URL")
    callback_url: Annotated[
        str | None,
        Flag("--callback-url"),
        OnScreen(
            4,
            QT_TRANSLATE_NOOP("SettingsScreen", "Callback URL"),
            "https://shop.example/hooks/kiosk",
        ),
    ] = Field(None, description="the merchant backend's address that results are posted to")
    callback_secret: Annotated[
        SecretStr | None,
        Flag("--callback-secret"),
        OnScreen(5, QT_TRANSLATE_NOOP("SettingsScreen", "Callback secret"), "whsec_…"),
    ] = Field(None, description="Standard Webhooks secret, `whsec_<base64>`")
    callback_secret_file: Annotated[Path | None, Flag("--callback-secret-file")] = Field(
        None, description="`callback_secret` read from this file (this wins)"
    )
    callback_timeout: float = Field(10.0, gt=0, description="seconds to wait for the backend")
    retry_initial: float = Field(2.0, gt=0, description="first retry delay, seconds")
    retry_max: float = Field(600.0, gt=0, description="longest delay between retries, seconds")
    result_seconds: Annotated[
        float,
        OnScreen(
            7,
            QT_TRANSLATE_NOOP("SettingsScreen", "Result shown for"),
            low=0,
            high=120,
            unit=_SECONDS,
        ),
    ] = Field(8.0, ge=0, description="seconds the result stays on screen")
    verbose: Annotated[bool, Flag("-v", "--verbose")] = Field(
        False, description="log everything (phone numbers stay masked)"
    )
    log_dir: Annotated[str | None, DefaultText("`~/.local/state/missedcall-kiosk/log`")] = Field(
        None, description="folder of the rotating log files"
    )

    @field_validator("region")
    @classmethod
    def _upper_region(cls, value: str) -> str:
        return value.upper()

    @field_validator("callback_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            url = httpx.URL(value)
        except httpx.InvalidURL as exc:
            raise ValueError(f"'{value}' is not a web address: {exc}") from None
        if url.scheme not in ("http", "https") or not url.host:
            raise ValueError(f"'{value}' must be an http:// or https:// address.")
        return value

    @field_validator("callback_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        secret = value.get_secret_value()
        if not secret.startswith("whsec_"):
            raise ValueError("The callback secret must look like whsec_<base64>.")
        try:
            Webhook(secret)
        except (binascii.Error, ValueError, EmptyWebhookSecretError):
            raise ValueError("The callback secret is not valid base64 after whsec_.") from None
        return value

    @model_validator(mode="after")
    def _dial_number_e164(self) -> Self:
        if self.dial_number:
            self.dial_number = parse_phone(self.dial_number, self.region)
        return self
