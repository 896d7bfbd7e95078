"""A short sound for each outcome: a rising chime for verified, a falling one otherwise.

PySide6-Essentials has no QtMultimedia, so the WAV files in ``kiosk/assets/sounds`` are
played by the system's own player (PulseAudio/PipeWire ``paplay``/``pw-play``, ALSA
``aplay``, macOS ``afplay``, Windows ``winsound``) without waiting for it; with none
available the kiosk falls back to the system beep.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections import deque
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.ui.assets import asset_file

log = logging.getLogger("kiosk.ui")

PLAYERS = ("paplay", "pw-play", "aplay", "afplay")


def sound_file(verified: bool) -> Path:
    """The WAV file for an outcome."""
    return asset_file("sounds", "verified.wav" if verified else "not_verified.wav")


class OutcomeSound:
    """Plays the outcome sound; ``enabled=False`` keeps quiet (tests, screenshots)."""

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled
        self.played: deque[bool] = deque(maxlen=16)  # the latest outcomes played, newest last
        self._player = next((found for name in PLAYERS if (found := shutil.which(name))), None)

    def play(self, verified: bool) -> None:
        """Start the sound for ``verified`` and return at once."""
        self.played.append(verified)
        if not self.enabled:
            return
        path = sound_file(verified)
        try:
            if sys.platform == "win32":
                import winsound

                winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
            elif self._player:
                subprocess.Popen(
                    [self._player, str(path)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            else:
                QApplication.beep()
        except OSError:
            log.warning("Could not play the outcome sound", exc_info=True)
            QApplication.beep()
