"""Start-up time and size of the packaged app (``python -m bench.package_startup [APP]``).

APP is the packaged executable (default: dist/missedcall-kiosk/missedcall-kiosk from
``make package``). Prints the median wall time of ``--version`` (the bare process start)
and of ``selftest`` (Qt up, database migrated, a demo kiosk started and its main window
rendered offscreen), and the size of the build folder and of the newest .deb.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_APP = ROOT / "dist" / "missedcall-kiosk" / "missedcall-kiosk"


def timed(app: Path, *args: str, runs: int) -> float:
    """Median seconds for ``app args`` over ``runs`` runs (each must exit 0)."""
    times = []
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "XDG_STATE_HOME": f"{home}/state",
               "XDG_DATA_HOME": f"{home}/data", "XDG_CONFIG_HOME": f"{home}/config",
               "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([str(app), *args], env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def folder_size(folder: Path) -> int:
    """Bytes in the files under ``folder``."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> None:
    """Measure and print."""
    app = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_APP
    if not app.is_file():
        raise SystemExit(f"No packaged app at {app}: run 'make package' first.")
    print(f"build folder: {folder_size(app.parent) / 1024**2:.0f} MB ({app.parent})")
    debs = sorted(ROOT.glob("dist/missedcall-kiosk_*.deb"), key=lambda p: p.stat().st_mtime)
    if debs:
        print(f"package: {debs[-1].stat().st_size / 1024**2:.1f} MB ({debs[-1].name})")
    print(f"--version: {timed(app, '--version', runs=5):.2f} s (median of 5)")
    print(f"selftest (start to main window rendered): {timed(app, 'selftest', runs=3):.2f} s"
          " (median of 3)")  # fmt: skip


if __name__ == "__main__":
    main()
