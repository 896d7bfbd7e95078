"""Logging set-up: one named logger per subsystem (``kiosk.*``), numbers masked, on stderr."""

from __future__ import annotations

import logging

from kiosk.domain.phone import mask_numbers_in


class MaskPhoneNumbers(logging.Filter):
    """Mask anything that looks like a phone number before a record is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message with numbers masked; never drops a record."""
        record.msg = mask_numbers_in(record.getMessage())
        record.args = None
        return True


def configure_logging(*, verbose: bool = False) -> None:
    """Send ``kiosk.*`` logs to stderr: warnings by default, everything with ``verbose``."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskPhoneNumbers())
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, handlers=[handler])
    logging.getLogger("kiosk").setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("alembic").setLevel(logging.INFO if verbose else logging.WARNING)
