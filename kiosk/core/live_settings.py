"""The running kiosk's settings as the settings screen changes them: check, save, apply.

Plain Python (no Qt): the screen calls :class:`LiveSettings`, which validates with the
config editor, saves to the file the kiosk read, and applies what can change live.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from kiosk.config.editor import (
    NEED_RESTART,
    SettingsProblem,
    blank_to_none,
    current_values,
    save,
    validate,
)
from kiosk.config.settings import Settings
from kiosk.core.customer_data import ImportResult, ProgressCallback
from kiosk.core.runtime import KioskRuntime
from kiosk.delivery.test_event import TestCallbackResult, send_test_callback
from kiosk.sources.modem.ports import AUTO, answers_at, find_modem
from kiosk.sources.provider.factory import ProviderSetupError, provider_adapter


def apply_live(runtime: KioskRuntime, updated: Settings) -> list[str]:
    """Use ``updated`` from now on where that works; returns the settings needing a restart."""
    old = runtime.settings
    service = runtime.service
    service.timeout = timedelta(seconds=updated.timeout)
    service.region = updated.region
    service.kiosk_id = updated.kiosk_id
    runtime.use_callback_settings(updated)  # demo mode keeps its built-in backend
    runtime.settings = updated
    return [name for name in sorted(NEED_RESTART) if getattr(old, name) != getattr(updated, name)]


def check_providers(settings: Settings) -> None:
    """Raise :class:`SettingsProblem` when a chosen provider lacks a setting it needs."""
    for name in settings.sources:
        if name != "modem":
            try:
                provider_adapter(settings, name)  # builds nothing but checks its settings
            except ProviderSetupError as exc:
                raise SettingsProblem({"source": str(exc)}) from None


async def detect_modem(settings: Settings) -> str | None:
    """The serial port that answers ``AT``: the configured one if it does, else the first."""
    port = settings.modem_port
    if port and port != AUTO and await asyncio.to_thread(answers_at, port, settings.modem_baudrate):
        return port
    return await asyncio.to_thread(find_modem, baudrate=settings.modem_baudrate)


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
        cleaned = {name: blank_to_none(value) for name, value in changes.items()}
        changed = {name: value for name, value in cleaned.items() if value != current.get(name)}
        if not changed:
            return []
        updated = validate(self._runtime.settings, changed)
        check_providers(updated)
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

    async def detect_modem(self) -> str | None:
        """The first serial port that answers ``AT``."""
        return await detect_modem(self._runtime.settings)
