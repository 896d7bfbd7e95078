"""The diagnostics bundle for support: logs, the doctor's findings and the config, no secrets.

:func:`create_bundle` is what a front-end calls (the GUI's "copy diagnostics" action, the
``diagnostics`` command); :func:`write_bundle` writes a bundle from a report already made.
Secrets never enter the zip: secret settings, passwords in URLs and query strings are
replaced by ``<removed>``, and any secret value that still turns up in a file is blanked.
Phone numbers in logs are masked as the log files were written, and masked again here.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import platformdirs
from pydantic import SecretStr
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from kiosk import __version__
from kiosk.config.metadata import ENV_PREFIX
from kiosk.config.paths import config_path, default_log_dir
from kiosk.config.settings import SETTINGS, Settings
from kiosk.domain.phone import mask_numbers_in
from kiosk.ops.doctor import DoctorReport, run_checks
from kiosk.ops.logs import log_files

REMOVED = "<removed>"
_URL_REMOVED = "removed"  # inside URLs, where <> would be percent-encoded
#: Setting names whose values are secrets wherever they appear (TOML keys, KIOSK_* names):
#: those declared secret, and names that look like one (a misspelt key is still secret).
_SECRET_SETTINGS = frozenset(info.name for info in SETTINGS if info.secret)
_SECRET_NAME = re.compile(r"secret|token|password|passwd|pin\b|_pin|auth|api_key|credential", re.I)
_TOML_LINE = re.compile(r"^(\s*)([A-Za-z0-9_.\-\"']+)(\s*=\s*)(.*)$")
_URL = re.compile(r"\b[a-z][a-z0-9+.\-]*://[^\s\"']+", re.I)


def default_bundle_path(kiosk_id: str, folder: Path | None = None) -> Path:
    """A file name that says which kiosk and when: ``…-counter-1-20261126-101502.zip``."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", kiosk_id).strip("-") or "kiosk"
    return (folder or Path.home()) / f"missedcall-kiosk-diagnostics-{safe}-{stamp}.zip"


async def save_running_kiosk_bundle(settings: Settings, folder: Path | None = None) -> Path:
    """The support bundle of a running kiosk, saved in ``folder`` (default: Documents).

    The modem is left alone, since the running kiosk holds its port.
    """
    target = default_bundle_path(
        settings.kiosk_id, folder or Path(platformdirs.user_documents_dir())
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    return await create_bundle(settings, target, config_file=settings.config_file)


async def create_bundle(
    settings: Settings,
    output: Path | None = None,
    *,
    config_file: Path | str | None = None,
    probe_modem: bool = False,
) -> Path:
    """Run the doctor and write the bundle; returns the zip's path.

    For a running kiosk (the GUI) keep ``probe_modem`` off: the kiosk holds the modem.
    """
    report = await run_checks(settings, config_file=config_file, probe_modem=probe_modem)
    target = output or default_bundle_path(settings.kiosk_id)
    return write_bundle(target, report=report, settings=settings, config_file=config_file)


def write_bundle(
    output: Path,
    *,
    report: DoctorReport,
    settings: Settings | None,
    config_file: Path | str | None = None,
) -> Path:
    """Write the zip: doctor output, settings and config file without secrets, logs."""
    secrets = _secret_values(settings)
    log_dir = settings.effective_log_dir if settings is not None else default_log_dir()
    files: dict[str, str] = {
        "README.txt": _readme(report),
        "doctor.txt": "\n".join(report.lines()) + "\n",
        "doctor.json": report.to_json() + "\n",
        "about.txt": _about(),
        "environment.txt": _environment(),
    }
    if settings is not None:
        files["settings.json"] = json.dumps(redacted_settings(settings), indent=2) + "\n"
    path = config_path(config_file)
    if path.is_file():
        files["config.toml"] = redact_toml(path.read_text(encoding="utf-8", errors="replace"))
    for log_file in log_files(log_dir):
        text = log_file.read_text(encoding="utf-8", errors="replace")
        files[f"logs/{log_file.name}"] = mask_numbers_in(text)
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name, text in files.items():
            bundle.writestr(name, _blank(text, secrets))
    return output


def redacted_settings(settings: Settings) -> dict[str, Any]:
    """Every setting, with secrets replaced and URLs stripped of passwords and queries."""
    result: dict[str, Any] = {}
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if isinstance(value, SecretStr):
            result[name] = REMOVED
        elif isinstance(value, str):
            result[name] = redact_urls(value)
        else:
            result[name] = value
    result["effective_database_url"] = redact_urls(settings.effective_database_url)
    result["demo_mode"] = settings.is_demo
    return result


def redact_urls(text: str) -> str:
    """Replace passwords and query strings in every URL in ``text``."""
    return _URL.sub(lambda match: _redact_url(match.group()), text)


def _redact_url(url: str) -> str:
    if not url.lower().startswith(("http://", "https://")):
        try:  # database URLs: postgresql+psycopg://user:password@host/db
            parsed = make_url(url)
        except (ArgumentError, ValueError):
            return REMOVED
        if parsed.password is not None:
            parsed = parsed.set(password=_URL_REMOVED)
        parsed = parsed.set(query={key: _URL_REMOVED for key in parsed.query})
        return parsed.render_as_string(hide_password=False)
    try:
        parsed_http = httpx.URL(url)
    except httpx.InvalidURL:
        return REMOVED
    if parsed_http.password:
        parsed_http = parsed_http.copy_with(username=parsed_http.username, password=_URL_REMOVED)
    if parsed_http.query:
        keys = [key for key, _ in parsed_http.params.multi_items()]
        parsed_http = parsed_http.copy_with(params={key: _URL_REMOVED for key in keys})
    return str(parsed_http)


def redact_toml(text: str) -> str:
    """The config file with secret values removed and URLs cleaned, comments kept."""
    lines = []
    for line in text.splitlines():
        match = _TOML_LINE.match(line)
        if match and _is_secret_name(match.group(2)):
            lines.append(f'{match.group(1)}{match.group(2)}{match.group(3)}"{REMOVED}"')
        else:
            lines.append(redact_urls(line))
    return "\n".join(lines) + "\n"


def _environment() -> str:
    lines = []
    for name in sorted(os.environ):
        if not name.startswith("KIOSK_"):
            continue
        value = REMOVED if _is_secret_name(name) else redact_urls(os.environ[name])
        lines.append(f"{name}={value}")
    return "\n".join(lines) + "\n" if lines else "(no KIOSK_* variables)\n"


def _is_secret_name(name: str) -> bool:
    key = name.strip("\"'").lower().removeprefix(ENV_PREFIX.lower())
    return key in _SECRET_SETTINGS or _SECRET_NAME.search(name) is not None


def _secret_values(settings: Settings | None) -> list[str]:
    if settings is None:
        return []
    values = [
        value.get_secret_value()
        for name in type(settings).model_fields
        if isinstance(value := getattr(settings, name), SecretStr)
    ]
    return [value for value in values if len(value) >= 4]


def _blank(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, REMOVED)
    return text


def _about() -> str:
    frozen = "yes (packaged build)" if getattr(sys, "frozen", False) else "no"
    return (
        f"missedcall-kiosk {__version__}\n"
        f"Python {platform.python_version()} on {platform.platform()}\n"
        f"Machine: {platform.machine()}, host {platform.node()}\n"
        f"Packaged: {frozen}\n"
        f"Made: {datetime.now(UTC).isoformat(timespec='seconds')}\n"
    )


def _readme(report: DoctorReport) -> str:
    return (
        "Diagnostics from a missed-call verification kiosk, for support.\n"
        "doctor.txt: the installer checklist (doctor.json: the same as data).\n"
        "settings.json / config.toml / environment.txt: the configuration, secrets removed.\n"
        "logs/: the kiosk's recent log files (phone numbers masked).\n\n"
        f"Summary: {report.summary}\n"
    )
