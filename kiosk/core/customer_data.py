"""Customer records and statistics for both front-ends: import, sync, report, purge.

The screen and the command line call the same methods. The report runs on the database
thread; importing and purging block (the GUI imports in a worker thread of its own).
Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path

import httpx

from kiosk.config.paths import data_dir
from kiosk.config.settings import Settings
from kiosk.core.customer_sync import CustomerSync, SyncResult, customer_sync
from kiosk.core.notices import NoticeBus
from kiosk.domain.clock import Clock
from kiosk.store.database import Database
from kiosk.store.importing.columns import ColumnProblem
from kiosk.store.importing.files import UnreadableFile
from kiosk.store.importing.importer import (
    ImportProgress,
    ImportResult,
    ProgressCallback,
    import_customers,
)
from kiosk.store.reports import DayReport, verification_report
from kiosk.store.retention import PurgeResult, export_path, purge_before

#: What a front-end needs to show an import: its progress, its result, why it failed.
__all__ = [
    "ColumnProblem",
    "CustomerData",
    "ImportProgress",
    "ImportResult",
    "ProgressCallback",
    "UnreadableFile",
]


class CustomerData:
    """What staff do with customer data, on one database and one set of settings."""

    def __init__(
        self,
        database: Database,
        settings: Settings,
        clock: Clock,
        sync: CustomerSync | None = None,
        notices: NoticeBus | None = None,
    ) -> None:
        """``sync`` is the running pull, if any (default: one made from the settings).

        A pull made from the settings publishes its outcome on ``notices``.
        """
        self._db = database
        self._settings = settings
        self._clock = clock
        self.sync = sync or customer_sync(database, settings, clock, notices)

    def import_file(
        self,
        path: Path,
        *,
        overrides: Mapping[str, str] | None = None,
        encoding: str | None = None,
        report: Path | None = None,
        progress: ProgressCallback | None = None,
    ) -> ImportResult:
        """Import a CSV or XLSX file; rejected rows go to ``report``.

        By default the report goes beside the file, or into the data directory when
        the file's folder cannot be written (a read-only USB stick).
        """
        settings = self._settings
        return import_customers(
            self._db,
            path,
            region=settings.region,
            kiosk_id=settings.kiosk_id,
            overrides={**settings.import_map, **(overrides or {})},
            encoding=encoding,
            batch_size=settings.import_batch_size,
            report=report or _report_path(path),
            progress=progress,
            clock=self._clock,
        )

    async def sync_now(self) -> SyncResult | None:
        """Pull from the merchant backend now; None when no ``sync_url`` is set.

        Raises :class:`~kiosk.core.customer_sync.SyncFailed` in plain words.
        """
        if self.sync is None:
            return None
        async with httpx.AsyncClient(timeout=30) as client:
            return await self.sync.sync_once(client)

    async def report(self, *, days: int = 7, kiosk_id: str | None = None) -> list[DayReport]:
        """Verifications per day and kiosk over the last ``days`` days (on the database thread)."""
        since = self._clock.now() - timedelta(days=days)
        return await self._db.run(verification_report, since=since, kiosk_id=kiosk_id)

    def purge(self, *, export: Path | None = None) -> PurgeResult | None:
        """Purge what is older than ``retention_days`` (None when that is 0: keep all)."""
        settings = self._settings
        if not settings.retention_days:
            return None
        now = self._clock.now()
        target = export or export_path(settings.effective_audit_dir, now, settings.audit_format)
        with self._db.session() as session:
            return purge_before(
                session,
                now - timedelta(days=settings.retention_days),
                export=target,
                export_format=settings.audit_format,
            )


def _report_path(path: Path) -> Path:
    name = f"{path.stem}.rejected.csv"
    beside = path.with_name(name)
    existed = beside.exists()
    try:
        beside.open("a", encoding="utf-8").close()  # can a report be written here?
    except OSError:
        pass
    else:
        if not existed:
            beside.unlink()
        return beside
    folder = data_dir() / "import-reports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
