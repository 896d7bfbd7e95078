"""Checks of what the kiosk keeps on this machine: database, waiting results, folders, disk."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

from kiosk.config.paths import data_dir
from kiosk.config.settings import Settings
from kiosk.ops.doctor.report import Check, Verdict
from kiosk.store import outbox
from kiosk.store.database import Database, alembic_config

#: Below this much free space the kiosk may stop saving results.
DISK_FAIL_BYTES = 100 * 1024 * 1024
DISK_WARN_BYTES = 1024 * 1024 * 1024


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


def check_outbox(settings: Settings) -> Check:
    """Results still waiting for the merchant backend, how long, and why."""
    title = "Results waiting"
    url = make_url(settings.effective_database_url)
    if _sqlite_file(url) and not Path(url.database or "").exists():
        return Check("outbox", title, Verdict.SKIPPED, "No database yet, so nothing waits.")
    try:
        database = Database(url)
    except ModuleNotFoundError:
        return Check("outbox", title, Verdict.SKIPPED, "Needs a database driver first.")
    try:
        with database.session() as session:
            waiting = outbox.pending_messages(session)
    except SQLAlchemyError:
        return Check(
            "outbox", title, Verdict.SKIPPED, "Needs a reachable, up-to-date database first."
        )
    finally:
        database.dispose()
    if not waiting:
        return Check("outbox", title, Verdict.OK, "None: every result reached the backend.")
    oldest = waiting[0]
    since = oldest.created_at.strftime("%Y-%m-%d %H:%M UTC")
    why = f" Last problem: {oldest.last_error}" if oldest.last_error else ""
    return Check(
        "outbox",
        title,
        Verdict.WARN,
        f"{len(waiting)} result{'s' if len(waiting) > 1 else ''} not yet sent, the oldest "
        f"since {since}.{why}",
        "They are sent by themselves once the callback check passes; "
        "'missedcall-kiosk outbox retry' sends them at once.",
    )


def _sqlite_file(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")


def _data_dir(settings: Settings | None) -> Path:
    if settings is not None:
        url = make_url(settings.effective_database_url)
        if _sqlite_file(url):
            return Path(url.database or "").parent
    return data_dir()


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
