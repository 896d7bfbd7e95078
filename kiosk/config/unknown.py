"""Misspelt settings: keys in the config file and ``KIOSK_*`` variables that no setting has.

They are ignored when the settings are read; every start names them with a "did you
mean" (a warning, not an error), and ``doctor`` lists them in its checklist.
"""

from __future__ import annotations

import difflib
import logging
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.config.metadata import ENV_PREFIX
from kiosk.config.settings import SETTINGS

log = logging.getLogger("kiosk.config")

#: ``KIOSK_*`` variables that are not settings but are read on purpose.
OTHER_VARIABLES = {
    "KIOSK_CONFIG": "the config file to read (kiosk/config/paths.py)",
    "KIOSK_TEST_POSTGRES_URL": "a PostgreSQL database the tests may wipe (tests/conftest.py)",
    "KIOSK_PACKAGE_DEB": "the .deb that 'make package-test' checks (tests/packaging)",
}


@dataclass(frozen=True)
class UnknownSetting:
    """A key no setting has: where it was given and the setting it probably means."""

    given: str
    suggestion: str | None

    def __str__(self) -> str:
        """E.g. ``'modem_prot' in the config file (did you mean modem_port?)``."""
        if self.suggestion is None:
            return self.given
        return f"{self.given} (did you mean {self.suggestion}?)"


def unknown_settings(
    config_file: Path, environ: Mapping[str, str] | None = None
) -> list[UnknownSetting]:
    """The config file's keys and the ``KIOSK_*`` variables that are not settings.

    An unreadable config file is not looked at (reading the settings says what is wrong).
    """
    environ = os.environ if environ is None else environ
    known = [info.name for info in SETTINGS]
    given: list[tuple[str, str]] = []
    try:
        with config_file.open("rb") as toml:
            given += [(key, f"'{key}' in the config file") for key in tomllib.load(toml)]
    except (OSError, tomllib.TOMLDecodeError):
        pass
    given += [
        (name[len(ENV_PREFIX) :].lower(), name)
        for name in environ
        if name.upper().startswith(ENV_PREFIX) and name.upper() not in OTHER_VARIABLES
    ]
    return [
        UnknownSetting(shown, next(iter(difflib.get_close_matches(key, known, n=1)), None))
        for key, shown in given
        if key not in known
    ]


def warn_about_unknown_settings(config_file: Path) -> None:
    """Log a warning for each unknown key (at start, once logging is set up)."""
    for item in unknown_settings(config_file):
        log.warning("Not a setting, ignored: %s", item)
