"""Settings: every key declared once, with its type, default and meaning.

Values come, strongest first, from command-line options, ``KIOSK_*`` environment
variables, the TOML config file (``--config``, ``KIOSK_CONFIG``, or ``config.toml``
in the platform config directory), and the defaults below.
"""

from __future__ import annotations

import binascii
import socket
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal

import httpx
from pydantic import (
    Field,
    PrivateAttr,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from standardwebhooks import Webhook
from standardwebhooks.webhooks import EmptyWebhookSecretError

from kiosk.config.paths import config_path, data_dir, default_database_url, default_log_dir
from kiosk.domain.phone import parse_phone
from kiosk.domain.pin import is_pin_hash

DEMO_DIAL_NUMBER = "+918000000001"
SOURCES = ("modem", "twilio", "exotel", "plivo", "http-json")
LANGUAGES = ("en", "hi")

_config_file: ContextVar[Path | None] = ContextVar("_config_file", default=None)


class Settings(BaseSettings):
    """Everything an installer can set; see the README's configuration table."""

    model_config = SettingsConfigDict(env_prefix="KIOSK_", extra="ignore")

    demo: bool = Field(False, description="Run with a simulated modem and sample customers.")
    kiosk_id: str = Field(
        default_factory=socket.gethostname,
        description="Name of this kiosk, sent with every callback.",
    )
    region: str = Field("IN", description="Country for numbers written without +country code.")
    dial_number: str | None = Field(None, description="The number customers dial (the SIM's).")
    timeout: float = Field(120.0, gt=0, description="Seconds a customer has to dial.")
    modem_port: str | None = Field(None, description="Serial device or pyserial URL.")
    modem_baudrate: int = Field(115200, description="Serial speed of the modem port.")
    sim_pin: SecretStr | None = Field(None, description="PIN of the modem's SIM, if locked.")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; default: SQLite in the data directory."
    )
    callback_url: str | None = Field(None, description="Merchant backend URL for results.")
    callback_secret: SecretStr | None = Field(
        None, description="Standard Webhooks signing secret, whsec_<base64>."
    )
    callback_timeout: float = Field(10.0, gt=0, description="Seconds to wait for the backend.")
    retry_initial: float = Field(2.0, gt=0, description="First retry delay in seconds.")
    retry_max: float = Field(600.0, gt=0, description="Longest delay between retries, seconds.")
    result_seconds: float = Field(8.0, ge=0, description="Seconds the result stays on screen.")
    verbose: bool = Field(False, description="Log everything, for troubleshooting.")

    # Where calls are heard: "modem", a provider, or several ("modem,twilio").
    source: str | None = Field(
        None, description="modem, twilio, exotel, plivo or http-json (comma-separated)."
    )
    provider_base_url: str | None = Field(None, description="Provider API base URL override.")
    poll_interval: float = Field(1.0, gt=0, description="Seconds between provider polls.")
    poll_initial_delay: float = Field(0.5, ge=0, description="Wait before the first poll.")
    provider_requests_per_minute: float | None = Field(
        None, ge=1, description="Request budget; default per provider (Exotel 200, Plivo 3600)."
    )
    provider_skew_tolerance: float = Field(
        10.0, ge=0, description="Seconds of clock difference allowed with the provider."
    )
    inbound_listen: bool = Field(False, description="Accept providers' call notifications.")
    inbound_host: str = Field("127.0.0.1", description="Address the listener binds to.")
    inbound_port: int = Field(8787, ge=0, le=65535, description="Port of the listener.")
    inbound_public_url: str | None = Field(
        None, description="The exact URL configured at Twilio (behind a relay), for signatures."
    )
    inbound_secret: SecretStr | None = Field(
        None, description="Shared secret for Exotel / SMS Gateway Center notifications."
    )
    twilio_account_sid: str | None = None
    twilio_auth_token: SecretStr | None = None
    exotel_account_sid: str | None = None
    exotel_api_key: str | None = None
    exotel_api_token: SecretStr | None = None
    exotel_timezone: str = "Asia/Kolkata"
    plivo_auth_id: str | None = None
    plivo_auth_token: SecretStr | None = None
    http_json_url: str | None = Field(None, description="URL with {since}, {number}.")
    http_json_auth_header: SecretStr | None = Field(None, description="Authorization value.")
    http_json_items: str = Field("", description="Dotted path to the list of calls.")
    http_json_caller: str = Field("from", description="Dotted path to the caller number.")
    http_json_dialed: str = Field("to", description="Dotted path to the dialed number.")
    http_json_time: str = Field("start_time", description="Dotted path to the call time.")
    http_json_id: str = Field("id", description="Dotted path to the provider's call id.")
    log_dir: str | None = Field(
        None, description="Folder for the rotating log files; default: platform log folder."
    )

    # Customer data (import, retention, reports).
    import_map: dict[str, str] = Field(
        default_factory=dict,
        description="Column names for reference, name, phone, e.g. {reference = 'Order No'}.",
    )
    import_batch_size: int = Field(1000, ge=1, description="Rows written per transaction.")
    retention_days: int = Field(
        90, ge=0, description="Days verifications and calls are kept; 0 keeps them forever."
    )
    audit_dir: Path | None = Field(
        None, description="Where purged records are exported; default: 'audit' in the data dir."
    )
    audit_format: Literal["json", "csv"] = Field("json", description="Format of audit exports.")
    sync_url: str | None = Field(
        None, description="Merchant backend JSON endpoint listing customers (optional pull)."
    )
    sync_auth_header: SecretStr | None = Field(None, description="Authorization value for it.")
    sync_interval: float = Field(900.0, ge=0, description="Seconds between pulls; 0: on demand.")
    sync_items: str = Field("", description="Dotted path to the list of customers.")
    sync_reference: str = Field("reference", description="Dotted path to the reference.")
    sync_name: str = Field("name", description="Dotted path to the name.")
    sync_phone: str = Field("phone", description="Dotted path to the phone number.")
    sync_cursor: str = Field("", description="Dotted path to the next 'since' cursor, if any.")

    @property
    def effective_audit_dir(self) -> Path:
        """Where purge exports go."""
        return self.audit_dir or data_dir() / "audit"

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
    def _dial_number_e164(self) -> Settings:
        if self.dial_number:
            self.dial_number = parse_phone(self.dial_number, self.region)
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Command line, then environment, then the TOML file."""
        toml = TomlConfigSettingsSource(settings_cls, toml_file=_config_file.get())
        return (init_settings, env_settings, toml)

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

    @property
    def sources(self) -> list[str]:
        """The polled or attached call sources to run.

        Without ``source``: the modem, unless only provider notifications are used.
        """
        if self.source:
            return self.source.split(",")
        return [] if self.inbound_listen else ["modem"]

    @property
    def is_demo(self) -> bool:
        """Demo mode: asked for, or nothing to listen to has been configured."""
        return self.demo or (self.sources == ["modem"] and not self.modem_port)

    @property
    def effective_database_url(self) -> str:
        """The database to use; demo mode keeps its sample data out of the real one."""
        return self.database_url or default_database_url(demo=self.is_demo)

    @property
    def effective_log_dir(self) -> Path:
        """The folder that holds the log files."""
        return Path(self.log_dir) if self.log_dir else default_log_dir()

    @property
    def effective_dial_number(self) -> str | None:
        """The number shown to dial, in E.164 when it can be read."""
        if self.dial_number:
            return self.dial_number
        return DEMO_DIAL_NUMBER if self.is_demo else None

    # The kiosk screens: staff lock, customer screen, language.
    kiosk_mode: bool = Field(False, description="Full screen; only the staff PIN leaves it.")
    staff_pin_hash: SecretStr | None = Field(
        None, description="Hash of the staff PIN (make it with: missedcall-kiosk staff-pin)."
    )
    customer_screen: bool = Field(False, description="Customer-facing window on a 2nd monitor.")
    language: str = Field("en", description="Screen language: en (English) or hi (Hindi).")
    allow_ad_hoc: bool = Field(True, description="Staff may verify a number not on file.")
    _loaded_from: Path | None = PrivateAttr(None)

    @field_validator("staff_pin_hash")
    @classmethod
    def _pin_hash_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not is_pin_hash(value.get_secret_value()):
            raise ValueError("Not a PIN hash; make one with: missedcall-kiosk staff-pin.")
        return value

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value.lower() not in LANGUAGES:
            raise ValueError(f"Unknown language {value!r}; use {', '.join(LANGUAGES)}.")
        return value.lower()

    @property
    def config_file(self) -> Path | None:
        """The TOML file these settings were read from (settings changes are saved there)."""
        return self._loaded_from


def describe_settings_error(exc: ValidationError) -> list[str]:
    """One plain line per invalid setting."""
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "settings"
        lines.append(f"Configuration problem in {where}: {error['msg']}")
    return lines


def load_settings(config_file: Path | str | None = None, **overrides: Any) -> Settings:
    """Read the settings; ``overrides`` (command-line values) win over everything else."""
    path = config_path(config_file)
    given = {key: value for key, value in overrides.items() if value is not None}
    token = _config_file.set(path)
    try:
        settings = Settings(**given)
        settings._loaded_from = path
        return settings
    finally:
        _config_file.reset(token)
