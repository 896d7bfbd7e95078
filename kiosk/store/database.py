"""Opening the database: engine set-up (SQLite in WAL mode), sessions and migrations.

Code on the event loop (which under Qt is the GUI thread) reaches the database only
through :meth:`Database.run`: the work runs on the database's own worker thread, so a
slow shared server, a row another kiosk holds locked, or a busy SQLite file never
freezes the screen or holds up the modem. Commands without an event loop use
:meth:`Database.session` directly.

Migrating backs the SQLite file up first (only when a migration is due) and refuses a
database whose schema is newer than this version of the program knows.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    Connection,
    CursorResult,
    Delete,
    Table,
    Update,
    create_engine,
    event,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("kiosk.store")

P = ParamSpec("P")
T = TypeVar("T")

#: Key of the PostgreSQL advisory lock that lets one kiosk of a site migrate at a time.
_MIGRATION_LOCK = 0x6B696F736B  # "kiosk"


class SchemaTooNew(RuntimeError):
    """The database was set up by a newer version of the program; nothing was changed."""


class Database:
    """An engine and its session factory; ``migrate()`` brings the schema up to date."""

    def __init__(self, url: str | URL) -> None:
        self.url = _with_driver(make_url(url))
        self.engine = _create_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._worker: ThreadPoolExecutor | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self._sessions.begin() as session:
            yield session

    async def run(
        self, work: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """``work(session, *args, **kwargs)`` in one transaction, on the database thread.

        The event loop carries on while it runs. There is one such thread per
        database, so work runs one transaction at a time in the order it was asked
        for: two saves of one session never overtake each other, and this process
        never competes with itself for SQLite's single writer (other processes are
        waited for, up to the busy timeout). Work that waits for a row another kiosk
        holds locked waits there, not on the loop. Once asked, work runs to its end
        even if the caller stops waiting (a cancelled task, shutting down): a
        transaction is never cut in half, and :meth:`dispose` waits for it.
        ``work`` returns plain values (or detached rows read in full), never lazy ones.
        """
        call = functools.partial(self._in_transaction, work, *args, **kwargs)
        done = asyncio.wrap_future(self._thread().submit(call))
        done.add_done_callback(_consume)  # nobody may be left waiting for it
        return await asyncio.shield(done)

    def _in_transaction(
        self, work: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        with self.session() as session:
            return work(session, *args, **kwargs)

    def _thread(self) -> ThreadPoolExecutor:
        if self._worker is None:
            self._worker = ThreadPoolExecutor(1, thread_name_prefix="kiosk-database")
        return self._worker

    def migrate(self) -> Path | None:
        """Apply every Alembic migration not yet applied; returns the backup made, if any.

        Raises :class:`SchemaTooNew` (and changes nothing) when the database carries a
        schema revision this version does not know.
        """
        config = alembic_config()
        script = ScriptDirectory.from_config(config)
        with self.engine.begin() as connection:
            # One process migrates at a time: kiosks of a site start together, and a
            # command may start beside a running kiosk.
            if connection.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
                )
            elif connection.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock, taken now
            current = schema_revisions(connection)
            _refuse_unknown(current, script)
            if set(current) == set(script.get_heads()):
                return None
            backup = self._backup(current) if current else None
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        log.info("Database schema brought up to %s", script.get_current_head())
        return backup

    def _backup(self, revisions: Sequence[str]) -> Path | None:
        """Copy the SQLite file (consistently, WAL included) before it is migrated."""
        if self.url.get_backend_name() != "sqlite" or self.url.database in (None, "", ":memory:"):
            return None
        source = Path(self.url.database)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = source.with_name(f"{source.name}.before-upgrade-{'-'.join(revisions)}-{stamp}")
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
        log.info("Backed the database up to %s before upgrading it", target)
        return target

    def dispose(self) -> None:
        """Finish the work already asked of :meth:`run`, then close every pooled connection."""
        if self._worker is not None:
            self._worker.shutdown(wait=True)
            self._worker = None
        self.engine.dispose()


def conflict_insert(session: Session, table: Table) -> sqlite.Insert | postgresql.Insert | None:
    """An ``INSERT`` into ``table`` that can say ``ON CONFLICT`` (SQLite, PostgreSQL), else None."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return sqlite.insert(table)
    if dialect == "postgresql":
        return postgresql.insert(table)
    return None


def rows_changed(session: Session, statement: Update | Delete) -> int:
    """Run an UPDATE or DELETE in ``session``; how many rows it changed.

    The ORM answers such statements with a cursor result, which its types do not say.
    """
    return cast(CursorResult[Any], session.execute(statement)).rowcount


def _consume(done: asyncio.Future[Any]) -> None:
    """Retrieve the outcome of work whose caller stopped waiting (asyncio would complain)."""
    if not done.cancelled():
        done.exception()


def alembic_config() -> Config:
    """Alembic configuration pointing at the migrations shipped inside the package."""
    config = Config()
    location = resources.files("kiosk.store") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


def schema_revisions(connection: Connection) -> tuple[str, ...]:
    """The Alembic revisions the database is at (empty for a new database)."""
    return MigrationContext.configure(connection).get_current_heads()


def _refuse_unknown(current: Sequence[str], script: ScriptDirectory) -> None:
    known = {revision.revision for revision in script.walk_revisions()}
    unknown = [revision for revision in current if revision not in known]
    if unknown:
        raise SchemaTooNew(
            f"This database was set up by a newer version of missedcall-kiosk (schema "
            f"{', '.join(unknown)}; this version knows up to {script.get_current_head()}). "
            "Nothing was changed. Install the newer version again, or point database_url "
            "at another database."
        )


def _with_driver(url: URL) -> URL:
    """``postgresql://`` means psycopg 3 here (SQLAlchemy would pick psycopg2)."""
    if url.drivername in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    return url


def _create_engine(url: URL) -> Engine:
    options: dict[str, Any] = {}
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        options["connect_args"] = {"timeout": 15}
    try:
        engine = create_engine(url, hide_parameters=True, **options)  # no numbers in errors
    except ModuleNotFoundError as exc:
        raise RuntimeError(
            f"The database driver for {url.get_backend_name()} is not installed ({exc.name}). "
            "For PostgreSQL: .venv/bin/pip install -e '.[postgres]'."
        ) from None
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


#: Tries (0.1 s apart) to switch a new SQLite file to WAL while another process holds it.
_WAL_ATTEMPTS = 150


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL once (it stays so); wait while another process holds it.

    Changing the journal mode needs the file to itself and SQLite answers "database is
    locked" at once instead of waiting, so kiosks starting together try again briefly.
    """
    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    for attempt in range(_WAL_ATTEMPTS):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == _WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.1)
