"""Checks of this machine: the configuration, the database, the data folder, disk space."""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
import tomllib
from pathlib import Path

import platformdirs
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

from kiosk.config import APP_NAME, Settings, config_path
from kiosk.doctor.report import Check, Verdict
from kiosk.store.database import Database, alembic_config

#: Below this much free space the kiosk may stop saving results.
DISK_FAIL_BYTES = 100 * 1024 * 1024
DISK_WARN_BYTES = 1024 * 1024 * 1024


def check_config(settings: Settings, config_file: Path | str | None = None) -> Check:
    """The settings were read; say from where, and warn about demo mode or no dial number."""
    path = config_path(config_file)
    where = (
        f"Settings read from {path}."
        if path.is_file()
        else f"No config file at {path}: settings come from KIOSK_* variables and defaults."
    )
    title = "Configuration"
    unknown = unknown_settings(path)
    if unknown:
        return Check(
            "config",
            title,
            Verdict.WARN,
            f"{where} These settings are not known and are ignored: {'; '.join(unknown)}.",
            f"Correct the spelling in {path} or the KIOSK_* variable.",
        )
    if settings.is_demo:
        return Check(
            "config",
            title,
            Verdict.WARN,
            f"{where} No modem or provider is set, so the kiosk runs in DEMO mode "
            "with a simulated modem: real calls are not heard.",
            f"Set modem_port (e.g. /dev/kiosk-modem) or a provider (source) in {path}.",
        )
    if not settings.dial_number:
        return Check(
            "config",
            title,
            Verdict.WARN,
            f"{where} The number customers dial is not set, so the screen cannot show it.",
            f"Set dial_number in {path} to the SIM's or provider number.",
        )
    return Check("config", title, Verdict.OK, where)


def unknown_settings(config_file: Path) -> list[str]:
    """Keys in the config file and ``KIOSK_*`` variables that no setting has (typos)."""
    known = set(Settings.model_fields)
    given: list[tuple[str, str]] = []
    if config_file.is_file():
        with config_file.open("rb") as toml:
            given += [(key, f"'{key}' in the config file") for key in tomllib.load(toml)]
    given += [
        (name.removeprefix("KIOSK_").lower(), name)
        for name in os.environ
        if name.startswith("KIOSK_") and name != "KIOSK_CONFIG"
    ]
    found = []
    for key, shown in given:
        if key in known:
            continue
        close = difflib.get_close_matches(key, known, n=1)
        found.append(f"{shown} (did you mean {close[0]}?)" if close else shown)
    return found


# --------------------------------------------------------------------- storage


def check_database(settings: Settings) -> Check:
    """The database opens and its schema is the one this version of the kiosk expects."""
    url = make_url(settings.effective_database_url)
    shown = url.render_as_string(hide_password=True)
    title = "Database"
    if _sqlite_file(url) and not Path(url.database or "").exists():
        return Check(
            "database",
            title,
            Verdict.OK,
            f"No database yet at {url.database}; the kiosk creates it when it first starts.",
        )
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    try:
        database = Database(url)
    except ModuleNotFoundError as exc:
        return Check(
            "database",
            title,
            Verdict.FAIL,
            f"The database driver '{exc.name}' is not installed.",
            "For PostgreSQL install the postgres extra (pip install 'missedcall-kiosk[postgres]').",
        )
    try:
        with database.engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return Check(
            "database",
            title,
            Verdict.FAIL,
            f"Cannot open the database {shown}: {reason}",
            "Check database_url; for PostgreSQL check that the server runs and accepts this "
            "user and password.",
        )
    finally:
        database.dispose()
    if current == head:
        return Check("database", title, Verdict.OK, f"Reachable and up to date ({shown}).")
    if current is None:
        return Check(
            "database",
            title,
            Verdict.WARN,
            f"Reachable but empty ({shown}).",
            "Start the kiosk once: it creates the tables.",
        )
    known = {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }
    if current not in known:
        return Check(
            "database",
            title,
            Verdict.FAIL,
            f"The database was set up by a newer version of the kiosk (schema {current}).",
            "Update the kiosk app on this machine to the version the other kiosks run.",
        )
    return Check(
        "database",
        title,
        Verdict.WARN,
        f"Reachable; its schema ({current}) is older than this app's ({head}).",
        "Start the kiosk: it upgrades the database by itself.",
    )


def _sqlite_file(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")


def _data_dir(settings: Settings | None) -> Path:
    if settings is not None:
        url = make_url(settings.effective_database_url)
        if _sqlite_file(url):
            return Path(url.database or "").parent
    return Path(platformdirs.user_data_dir(APP_NAME))


def check_data_dir(settings: Settings | None) -> Check:
    """The kiosk can write where it keeps its database and its logs."""
    folders = [_data_dir(settings)]
    if settings is not None:
        folders.append(settings.effective_log_dir)
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
                pass
        except OSError as exc:
            return Check(
                "data_dir",
                "Data folder",
                Verdict.FAIL,
                f"Cannot write to {folder} ({exc.strerror or exc}).",
                f"Give the kiosk's user that folder: sudo chown -R <kiosk user>: {folder}",
            )
    return Check(
        "data_dir",
        "Data folder",
        Verdict.OK,
        "Writable: " + ", ".join(str(folder) for folder in folders) + ".",
    )


def check_disk_space(settings: Settings | None) -> Check:
    """Enough free space where the data lives."""
    folder = _data_dir(settings)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    free = shutil.disk_usage(folder).free
    text = f"{free / 1024**3:.1f} GB free on the disk that holds {folder}."
    if free < DISK_FAIL_BYTES:
        return Check(
            "disk",
            "Disk space",
            Verdict.FAIL,
            f"Only {free / 1024**2:.0f} MB free on the disk that holds {folder}; results may "
            "not be saved.",
            "Free some space (delete old files or downloads) or use a bigger card or disk.",
        )
    if free < DISK_WARN_BYTES:
        return Check(
            "disk", "Disk space", Verdict.WARN, text, "Free some space soon: less than 1 GB left."
        )
    return Check("disk", "Disk space", Verdict.OK, text)
