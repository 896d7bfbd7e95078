"""Editing the config file: validate changed values, then save them to the TOML file.

Values are checked by the same :class:`~kiosk.config.settings.Settings` model that reads
them at start-up, so the settings screen can never save something the next start would
refuse. Applying them to a running kiosk is :mod:`kiosk.core.live_settings`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import phonenumbers
import tomlkit
from pydantic import SecretStr, ValidationError

from kiosk.config.metadata import SettingInfo
from kiosk.config.settings import SETTINGS, Settings

#: The settings staff may change on screen, in the order the screen shows them.
ON_SCREEN: tuple[SettingInfo, ...] = tuple(
    sorted((info for info in SETTINGS if info.screen), key=lambda info: info.place)
)
EDITABLE = tuple(info.name for info in ON_SCREEN)
#: Settings that only take effect when the kiosk starts again.
NEED_RESTART = frozenset(info.name for info in ON_SCREEN if info.restart)


class SettingsProblem(ValueError):
    """Values that cannot be used; ``problems`` maps each setting to a plain-words reason."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {why}" for name, why in problems.items()))
        self.problems = dict(problems)


def current_values(settings: Settings) -> dict[str, Any]:
    """The editable settings as plain values (secrets revealed, for the masked field)."""
    values = {}
    for name in EDITABLE:
        value = getattr(settings, name)
        values[name] = value.get_secret_value() if isinstance(value, SecretStr) else value
    return values


def validate(settings: Settings, changes: Mapping[str, Any]) -> Settings:
    """The settings with ``changes`` applied; raises :class:`SettingsProblem` if any is bad.

    An empty text means "not set".
    """
    cleaned = {name: blank_to_none(value) for name, value in changes.items()}
    values = settings.model_dump() | cleaned
    try:
        updated = Settings.model_validate(values)
    except ValidationError as exc:
        problems: dict[str, str] = {}
        for error in exc.errors():
            # The one whole-model check reads the dial number in the region's format.
            name = str(error["loc"][0]) if error["loc"] else "dial_number"
            problems.setdefault(name, _plain(error["msg"]))
        raise SettingsProblem(problems) from None
    if updated.region not in phonenumbers.SUPPORTED_REGIONS:
        raise SettingsProblem({"region": f"'{updated.region}' is not a country code such as IN."})
    updated._loaded_from = settings.config_file
    return updated


def save(settings: Settings, names: Iterable[str], path: Path | None = None) -> Path:
    """Write the named settings to the TOML file (other keys and comments are kept)."""
    target = path or settings.config_file
    if target is None:
        raise SettingsProblem({"settings": "No configuration file is known to save to."})
    document = tomlkit.parse(target.read_text(encoding="utf-8")) if target.exists() else None
    document = document or tomlkit.document()
    for name in names:
        value = getattr(settings, name)
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if value is None:
            document.pop(name, None)
        else:
            document[name] = value
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp"
    ) as handle:
        handle.write(tomlkit.dumps(document))
    os.replace(handle.name, target)
    return target


def blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


def _plain(message: str) -> str:
    """Pydantic's message without its "Value error, " prefix."""
    return message.removeprefix("Value error, ")
