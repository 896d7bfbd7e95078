"""Logging set-up: one named logger per subsystem (``kiosk.*``), plain lines on stderr."""

from __future__ import annotations

import logging


def configure_logging(*, verbose: bool = False) -> None:
    """Send ``kiosk.*`` logs to stderr: warnings by default, everything with ``verbose``."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("kiosk").setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("alembic").setLevel(logging.INFO if verbose else logging.WARNING)
