"""Changing settings while the kiosk runs: validate, save to the TOML file, apply live.

Used by the staff settings screen; plain Python (no Qt). Values are checked by the
same :class:`~kiosk.config.Settings` model that reads them at start-up, so the screen
can never save something the next start would refuse.
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import phonenumbers
import platformdirs
import tomlkit
from pydantic import SecretStr, ValidationError

from kiosk.config import Settings
from kiosk.customer_data import ImportResult, ProgressCallback
from kiosk.delivery.signing import signed_headers
from kiosk.diagnostics import create_bundle, default_bundle_path
from kiosk.domain.clock import isoformat_utc
from kiosk.runtime import KioskRuntime
from kiosk.sources.modem.ports import AUTO, answers_at, find_modem
from kiosk.sources.provider.factory import ProviderSetupError, provider_adapter

#: The settings staff may change on screen, in the order the screen shows them.
EDITABLE = (
    "modem_port",
    "source",
    "dial_number",
    "callback_url",
    "callback_secret",
    "timeout",
    "result_seconds",
    "region",
    "kiosk_id",
    "language",
)
#: Settings that only take effect when the kiosk starts again.
NEED_RESTART = frozenset({"modem_port", "source", "dial_number"})
TEST_EVENT = "verification.test"


class SettingsProblem(ValueError):
    """Values that cannot be used; ``problems`` maps each setting to a plain-words reason."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {why}" for name, why in problems.items()))
        self.problems = dict(problems)


@dataclass(frozen=True, slots=True)
class TestCallbackResult:
    """What the backend said to a test callback, in plain words."""

    ok: bool
    message: str


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
    cleaned = {name: _blank_to_none(value) for name, value in changes.items()}
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
    for name in updated.sources:
        if name != "modem":
            try:
                provider_adapter(updated, name)  # builds nothing but checks its settings
            except ProviderSetupError as exc:
                raise SettingsProblem({"source": str(exc)}) from None
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


def apply_live(runtime: KioskRuntime, updated: Settings) -> list[str]:
    """Use ``updated`` from now on where that works; returns the settings needing a restart."""
    old = runtime.settings
    service = runtime.service
    service.timeout = timedelta(seconds=updated.timeout)
    service.region = updated.region
    service.kiosk_id = updated.kiosk_id
    secret = updated.callback_secret.get_secret_value() if updated.callback_secret else None
    runtime.dispatcher.reconfigure(url=updated.callback_url, secret=secret)
    runtime.settings = updated
    return [name for name in sorted(NEED_RESTART) if getattr(old, name) != getattr(updated, name)]


async def send_test_callback(
    url: str | None, secret: str | None, *, kiosk_id: str, wait: float = 10.0
) -> TestCallbackResult:
    """Post one signed ``verification.test`` event; the answer in plain words."""
    if not url:
        return TestCallbackResult(False, "Enter the callback URL first.")
    if not secret:
        return TestCallbackResult(False, "Enter the callback secret first.")
    now = datetime.now(UTC)
    body = json.dumps(
        {"type": TEST_EVENT, "timestamp": isoformat_utc(now), "data": {"kiosk_id": kiosk_id}}
    )
    headers = signed_headers(
        secret, message_id=f"msg_test_{uuid.uuid4().hex}", timestamp=now, body=body
    )
    try:
        async with httpx.AsyncClient(timeout=wait) as client:
            response = await client.post(url, content=body.encode(), headers=headers)
    except httpx.TimeoutException:
        return TestCallbackResult(False, f"The backend did not answer within {wait:g} s.")
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        return TestCallbackResult(False, f"Cannot reach the backend ({type(exc).__name__}).")
    if response.is_success:
        return TestCallbackResult(True, f"The backend accepted the test ({response.status_code}).")
    return TestCallbackResult(
        False, f"The backend answered {response.status_code} {response.reason_phrase}."
    )


async def detect_modem(settings: Settings) -> str | None:
    """The serial port that answers ``AT``: the configured one if it does, else the first."""
    port = settings.modem_port
    configured = port and port != AUTO
    if configured and await asyncio.to_thread(answers_at, port, settings.modem_baudrate):
        return port
    return await asyncio.to_thread(find_modem, baudrate=settings.modem_baudrate)


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


def _plain(message: str) -> str:
    """Pydantic's message without its "Value error, " prefix."""
    return message.removeprefix("Value error, ")


class LiveSettings:
    """The running kiosk's settings as the settings screen edits them."""

    def __init__(self, runtime: KioskRuntime) -> None:
        self._runtime = runtime

    @property
    def settings(self) -> Settings:
        """The settings in use now."""
        return self._runtime.settings

    def values(self) -> dict[str, Any]:
        """The editable values in use now."""
        return current_values(self._runtime.settings)

    def change(self, changes: Mapping[str, Any]) -> list[str]:
        """Validate, save and apply ``changes``; returns the settings that need a restart.

        Raises :class:`SettingsProblem` (nothing saved) when a value cannot be used.
        """
        current = current_values(self._runtime.settings)
        cleaned = {name: _blank_to_none(value) for name, value in changes.items()}
        changed = {name: value for name, value in cleaned.items() if value != current.get(name)}
        if not changed:
            return []
        updated = validate(self._runtime.settings, changed)
        save(updated, changed)
        return apply_live(self._runtime, updated)

    async def test_callback(self, url: str, secret: str) -> TestCallbackResult:
        """Send a signed test event with the values typed (not yet saved)."""
        return await send_test_callback(
            url.strip() or None,
            secret.strip() or None,
            kiosk_id=self._runtime.settings.kiosk_id,
            wait=self._runtime.settings.callback_timeout,
        )

    def import_customers(
        self, path: Path, *, progress: ProgressCallback | None = None
    ) -> ImportResult:
        """Import a customer file (blocking: run it in a worker thread)."""
        return self._runtime.customer_data.import_file(path, progress=progress)

    async def save_diagnostics(self, folder: Path | None = None) -> Path:
        """The support bundle (logs, checklist, settings without secrets) as a zip.

        Saved in ``folder`` (default: the Documents folder); the modem is left alone,
        since the running kiosk holds its port.
        """
        settings = self._runtime.settings
        target = default_bundle_path(
            settings.kiosk_id, folder or Path(platformdirs.user_documents_dir())
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        return await create_bundle(settings, target, config_file=settings.config_file)

    async def detect_modem(self) -> str | None:
        """The first serial port that answers ``AT``."""
        return await detect_modem(self._runtime.settings)
