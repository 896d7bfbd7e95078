"""Secrets from files instead of a command line: ``*_file`` settings and systemd credentials.

A secret given as an option (``--callback-secret whsec_…``) can be read by every user
of the computer (``ps``) and stays in the shell history. Every secret setting can come
from a file instead:

- its ``<name>_file`` setting (``--callback-secret-file``, ``KIOSK_CALLBACK_SECRET_FILE``
  or ``callback_secret_file`` in the config file) names a file holding it; the file wins
  over the secret written anywhere else;
- a systemd credential named like the setting (``LoadCredential=callback_secret:…``,
  ``LoadCredentialEncrypted=``, ``SetCredentialEncrypted=``), which systemd hands to the
  service in ``$CREDENTIALS_DIRECTORY``; it wins over the config file, and the
  environment and the command line win over it.

Trailing whitespace (the newline an editor adds) is dropped. The words for a secret
flag that was used anyway are in the command line (:func:`secrets_on_command_line`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, SecretsSettingsSource

from kiosk.config.metadata import SettingInfo, is_secret

FILE_SUFFIX = "_file"
CREDENTIALS_VARIABLE = "CREDENTIALS_DIRECTORY"


class CredentialsSource(SecretsSettingsSource):
    """The secret settings found in ``$CREDENTIALS_DIRECTORY`` (each file named like one)."""

    def __init__(self, settings_cls: type[BaseSettings]) -> None:
        """Read from the folder systemd names in ``$CREDENTIALS_DIRECTORY``, if any."""
        super().__init__(
            settings_cls,
            secrets_dir=os.environ.get(CREDENTIALS_VARIABLE) or None,
            case_sensitive=True,
            env_prefix="",
        )

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        """A credential's content for a secret setting; nothing for the others."""
        if not is_secret(field):
            return None, field_name, False
        return super().get_field_value(field, field_name)


def read_secret_files(model: type[BaseModel], data: Any) -> Any:
    """``data`` (a settings model's input) with each secret named by a ``*_file`` read in.

    Raises ValueError naming the setting when a file cannot be read or is empty.
    """
    if not isinstance(data, Mapping):
        return data
    values = dict(data)
    for name, field in model.model_fields.items():
        path = values.get(name + FILE_SUFFIX)
        if not is_secret(field) or path in (None, ""):
            continue
        try:
            secret = Path(path).expanduser().read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise ValueError(f"{name}{FILE_SUFFIX}: cannot read {path}: {reason}.") from None
        if not secret:
            raise ValueError(f"{name}{FILE_SUFFIX}: {path} is empty; put the {name} in it.")
        values[name] = secret
    return values


def secrets_on_command_line(
    settings: tuple[SettingInfo, ...], given: Mapping[str, object]
) -> list[SettingInfo]:
    """The secret settings among ``given`` (parsed options) that have a flag of their own."""
    return [info for info in settings if info.secret and info.flag and info.name in given]
