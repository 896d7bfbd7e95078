"""Settings: the one model every key is declared in, and reading it.

Values come, strongest first, from command-line options, ``KIOSK_*`` environment
variables, systemd credentials (secrets only, :mod:`kiosk.config.secret_files`), the TOML
config file (``--config``, ``KIOSK_CONFIG``, or ``config.toml``
in the platform config directory), and the defaults. Each setting is declared once, in
its section (:mod:`kiosk.config.sections`), with its type, default, meaning and what
:mod:`kiosk.config.metadata` says about it; :data:`SETTINGS` lists them all.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import Any

from pydantic import PrivateAttr, ValidationError, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from kiosk.config.metadata import ENV_PREFIX, SettingInfo, describe
from kiosk.config.paths import config_path, default_database_url, default_log_dir
from kiosk.config.secret_files import CredentialsSource, read_secret_files
from kiosk.config.sections.basic import BasicSettings
from kiosk.config.sections.customers import CustomerDataSettings, SyncSettings
from kiosk.config.sections.providers import InboundSettings, ProviderSettings
from kiosk.config.sections.screen import ScreenSettings

DEMO_DIAL_NUMBER = "+918000000001"

_config_file: ContextVar[Path | None] = ContextVar("_config_file", default=None)


class Settings(
    BasicSettings,
    ScreenSettings,
    ProviderSettings,
    InboundSettings,
    CustomerDataSettings,
    SyncSettings,
    BaseSettings,
):
    """Everything an installer can set; see the README's settings tables."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")
    _loaded_from: Path | None = PrivateAttr(None)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Command line, then environment, then systemd credentials, then the TOML file."""
        toml = TomlConfigSettingsSource(settings_cls, toml_file=_config_file.get())
        return (init_settings, env_settings, CredentialsSource(settings_cls), toml)

    @model_validator(mode="before")
    @classmethod
    def _secrets_from_files(cls, data: Any) -> Any:
        """A secret whose ``*_file`` setting is given is read from that file."""
        return read_secret_files(cls, data)

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

    @property
    def config_file(self) -> Path | None:
        """The TOML file these settings were read from (settings changes are saved there)."""
        return self._loaded_from


#: Every setting with what is declared about it, section by section.
SETTINGS: tuple[SettingInfo, ...] = describe(Settings)


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
