"""Telephony providers (no modem): which to poll, their accounts, their notifications."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator

from kiosk.config.metadata import DefaultText, Flag, OnScreen, Section
from kiosk.domain.translatable import QT_TRANSLATE_NOOP

SOURCES = ("modem", "twilio", "exotel", "plivo", "http-json")


class ProviderSettings(Section):
    """Where calls are heard, and the provider accounts polled for them."""

    key = "providers"
    title = "Telephony providers"

    source: Annotated[
        str | None,
        Flag("--source"),
        OnScreen(
            2,
            QT_TRANSLATE_NOOP("SettingsScreen", "Where calls are heard"),
            QT_TRANSLATE_NOOP("SettingsScreen", "modem (default)"),
            restart=True,
            choices={name: name for name in SOURCES},
        ),
    ] = Field(
        None,
        description="where calls are heard: `modem`, `twilio`, `exotel`, `plivo`, `http-json`, "
        "or several separated by commas (`modem,twilio`); none: the modem (or, with "
        "`inbound_listen`, only provider notifications)",
    )
    provider_base_url: Annotated[str | None, Flag("--provider-base-url")] = Field(
        None, description="the provider's API address, for a sandbox or a local test server"
    )
    poll_interval: float = Field(
        1.0, gt=0, description="seconds between polls of the provider's call log"
    )
    poll_initial_delay: float = Field(0.5, ge=0, description="seconds before the first poll")
    provider_requests_per_minute: Annotated[
        float | None, DefaultText("per provider (see the table above)")
    ] = Field(None, ge=1, description="the request budget")
    provider_skew_tolerance: float = Field(
        10.0, ge=0, description="seconds the provider's clock may differ from the kiosk's"
    )
    twilio_account_sid: str | None = Field(None, description="Twilio account SID")
    twilio_auth_token: SecretStr | None = Field(
        None, description="Twilio auth token (also checks Twilio's notifications)"
    )
    twilio_auth_token_file: Annotated[Path | None, Flag("--twilio-auth-token-file")] = Field(
        None, description="`twilio_auth_token` read from this file (this wins)"
    )
    exotel_account_sid: str | None = Field(None, description="Exotel account SID")
    exotel_api_key: str | None = Field(None, description="Exotel API key")
    exotel_api_token: SecretStr | None = Field(None, description="Exotel API token")
    exotel_api_token_file: Annotated[Path | None, Flag("--exotel-api-token-file")] = Field(
        None, description="`exotel_api_token` read from this file (this wins)"
    )
    exotel_timezone: str = Field(
        "Asia/Kolkata", description="time zone of the Exotel account's call times"
    )
    plivo_auth_id: str | None = Field(None, description="Plivo auth ID")
    plivo_auth_token: SecretStr | None = Field(None, description="Plivo auth token")
    plivo_auth_token_file: Annotated[Path | None, Flag("--plivo-auth-token-file")] = Field(
        None, description="`plivo_auth_token` read from this file (this wins)"
    )
    http_json_url: str | None = Field(
        None,
        description="any JSON API's call log: URL with `{since}`, `{since_epoch}`, `{number}`",
    )
    http_json_auth_header: SecretStr | None = Field(
        None, description="`Authorization` value sent with each request to it"
    )
    http_json_auth_header_file: Annotated[Path | None, Flag("--http-json-auth-header-file")] = (
        Field(
            None,
            description="`http_json_auth_header` read from this file (this wins)",
        )
    )
    http_json_items: str = Field(
        "", description="dotted path to the list of calls (empty: the answer is the list)"
    )
    http_json_caller: str = Field("from", description="dotted path to the caller's number")
    http_json_dialed: str = Field(
        "to",
        description="dotted path to the number dialed (a call without a readable one is "
        "ignored; empty: the API lists only calls to `{number}`)",
    )
    http_json_time: str = Field("start_time", description="dotted path to the call's time")
    http_json_id: str = Field("id", description="dotted path to the provider's call id")

    @field_validator("source")
    @classmethod
    def _known_sources(cls, value: str | None) -> str | None:
        if value is None:
            return None
        names = [name.strip().lower() for name in value.split(",") if name.strip()]
        unknown = [name for name in names if name not in SOURCES]
        if unknown or not names:
            raise ValueError(f"Unknown call source {unknown or value!r}; use {', '.join(SOURCES)}.")
        return ",".join(names)


#: The shortest shared secret for provider notifications (it is all that authenticates them).
INBOUND_SECRET_MIN = 32


class InboundSettings(Section):
    """Providers' own call notifications, where the provider (or a relay) reaches the kiosk."""

    key = "inbound"
    title = "Receiving provider notifications"

    inbound_listen: bool = Field(False, description="switch the listener on")
    inbound_host: str = Field("127.0.0.1", description="address it listens on")
    inbound_port: int = Field(8787, ge=0, le=65535, description="port it listens on")
    inbound_public_url: Annotated[str | None, DefaultText("the request URL")] = Field(
        None, description="the exact URL configured at Twilio (behind a relay), for signatures"
    )
    inbound_secret: SecretStr | None = Field(
        None,
        description="shared secret for Exotel and SMS Gateway Center, at least "
        f"{INBOUND_SECRET_MIN} characters, sent in the `X-Kiosk-Secret` header",
    )
    inbound_secret_file: Annotated[Path | None, Flag("--inbound-secret-file")] = Field(
        None, description="`inbound_secret` read from this file (this wins)"
    )
    inbound_allow_query_secret: bool = Field(
        False,
        description="also take the shared secret as `?secret=` in the address, for a provider "
        "that cannot send a header (it then shows in proxy and access logs)",
    )

    @field_validator("inbound_secret")
    @classmethod
    def _long_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < INBOUND_SECRET_MIN:
            raise ValueError(
                f"The shared secret for provider notifications must be at least "
                f"{INBOUND_SECRET_MIN} characters long (it has "
                f"{len(value.get_secret_value())}). Make one with: python3 -c "
                "'import secrets; print(secrets.token_urlsafe(32))'"
            )
        return value
