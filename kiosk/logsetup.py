"""Logging set-up: one named logger per subsystem (``kiosk.*``), numbers masked, on stderr."""

from __future__ import annotations

import logging

from kiosk.domain.phone import mask_numbers_in


class MaskingFormatter(logging.Formatter):
    """Formats records, then masks anything that looks like a phone number.

    Masking the finished text covers arguments, tracebacks and third-party messages.
    """

    def format(self, record: logging.LogRecord) -> str:
        """The usual line, with phone numbers masked."""
        return mask_numbers_in(super().format(record))


def configure_logging(*, verbose: bool = False) -> None:
    """Send ``kiosk.*`` logs to stderr: warnings by default, everything with ``verbose``."""
    handler = logging.StreamHandler()
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, handlers=[handler], force=True
    )
    logging.getLogger("kiosk").setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("alembic").setLevel(logging.INFO if verbose else logging.WARNING)
