"""Logging set-up: one named logger per subsystem (``kiosk.*``), numbers masked.

Lines go to stderr and to rotating log files in the platform log folder
(``~/.local/state/missedcall-kiosk/log/kiosk.log`` on Linux), which the diagnostics
bundle collects for support.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from kiosk.domain.phone import mask_numbers_in

LOG_FILE_NAME = "kiosk.log"
#: Each file holds up to 2 MB; five older ones are kept (``kiosk.log.1`` … ``.5``).
LOG_FILE_BYTES = 2_000_000
LOG_FILE_BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class MaskingFormatter(logging.Formatter):
    """Formats records, then masks anything that looks like a phone number.

    Masking the finished text covers arguments, tracebacks and third-party messages.
    """

    def format(self, record: logging.LogRecord) -> str:
        """The usual line, with phone numbers masked."""
        return mask_numbers_in(super().format(record))


def configure_logging(
    *, verbose: bool = False, log_dir: Path | None = None, console: bool = True
) -> Path | None:
    """Send ``kiosk.*`` logs to stderr (unless ``console`` is off) and to files in ``log_dir``.

    Warnings from other libraries by default, everything with ``verbose``. Returns the
    log file, or None when there is none (no ``log_dir``, or it cannot be written, which
    is said on stderr and does not stop the kiosk).
    """
    formatter = MaskingFormatter(_FORMAT)
    handlers: list[logging.Handler] = []
    if console:
        handlers.append(logging.StreamHandler())
    log_file = _file_handler(log_dir, handlers) if log_dir is not None else None
    for handler in handlers:
        handler.setFormatter(formatter)
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, handlers=handlers, force=True
    )
    logging.getLogger("kiosk").setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("alembic").setLevel(logging.INFO if verbose else logging.WARNING)
    return log_file


def _file_handler(log_dir: Path, handlers: list[logging.Handler]) -> Path | None:
    log_file = log_dir / LOG_FILE_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_file, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_BACKUPS, encoding="utf-8"
            )
        )
    except OSError as exc:
        print(
            f"Cannot write log files in {log_dir} ({exc.strerror}); logging to the screen only.",
            file=sys.stderr,
        )
        return None
    return log_file


def log_files(log_dir: Path) -> list[Path]:
    """The current log file and its rotated predecessors, newest first."""
    names = [LOG_FILE_NAME] + [f"{LOG_FILE_NAME}.{n}" for n in range(1, LOG_FILE_BACKUPS + 1)]
    return [log_dir / name for name in names if (log_dir / name).is_file()]
