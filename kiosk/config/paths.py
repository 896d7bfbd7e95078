"""Where the kiosk keeps its files: config file, data, logs, the default database."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "missedcall-kiosk"


def default_config_file() -> Path:
    """Where the config file lives when none is named."""
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def config_path(config_file: Path | str | None = None) -> Path:
    """The config file in use: the one named, else ``$KIOSK_CONFIG``, else the default."""
    return Path(config_file or os.environ.get("KIOSK_CONFIG") or default_config_file())


def data_dir() -> Path:
    """The platform data folder (database, audit exports, import reports)."""
    return Path(platformdirs.user_data_dir(APP_NAME))


def default_log_dir() -> Path:
    """Where log files go when ``log_dir`` is not set (``~/.local/state/…/log`` on Linux)."""
    return Path(platformdirs.user_log_dir(APP_NAME))


def default_database_url(*, demo: bool = False) -> str:
    """A SQLite file in the platform data directory (a separate one for demo mode)."""
    name = "demo.sqlite3" if demo else "kiosk.sqlite3"
    return f"sqlite:///{data_dir() / name}"
