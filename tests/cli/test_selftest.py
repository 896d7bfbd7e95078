"""``missedcall-kiosk selftest`` from the source tree (the packaged app runs it in CI too)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_selftest_renders_the_main_window_and_exits_0(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.app", "selftest", "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Qt 6.")
    assert "(offscreen platform)" in lines[0]
    assert "Fonts loaded: Noto Sans, Noto Sans Devanagari, Noto Sans Symbols2." in lines
    assert "In-memory database created and migrated." in lines
    assert "Main window rendered at 1024x640." in lines
    assert lines[-1].startswith("Self-test passed: missedcall-kiosk ")
    assert shot.stat().st_size > 10_000
