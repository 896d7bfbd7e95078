"""Memory of a spreadsheet bomb: refused by the archive check, and opened without it.

Writes a real XLSX whose shared strings unpack to MIB MiB (default 361: about 370 KB on
disk), then, each in a fresh process, measures the peak memory (``ru_maxrss``) and the
time of: starting Python with the importer loaded (the baseline), the importer refusing
the file (``open_table``, the archive check), and openpyxl opening and reading it as the
importer did before the check.

    .venv/bin/python -m bench.xlsx_bomb [MIB]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.store.importing.bombs import write_bomb

_PRELUDE = "import resource, sys; from pathlib import Path; import openpyxl\n"
_PRELUDE += "from kiosk.store.importing.files import UnreadableFile, open_table\n"
_PEAK = "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
CASES = {
    "baseline (importer loaded)": "",
    "refused by the archive check": (
        "try:\n    open_table(Path(sys.argv[1]))\nexcept UnreadableFile:\n    pass\n"
    ),
    "openpyxl without the check": (
        "book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)\n"
        "rows = list(book.worksheets[0].iter_rows(values_only=True))\n"
    ),
}


def measure(code: str, path: Path) -> tuple[float, float]:
    """Peak resident memory (MiB) and wall seconds of ``code`` in a fresh interpreter."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _PRELUDE + code + _PEAK, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.split()[-1]) / 1024, time.perf_counter() - started


def main() -> None:
    """Write the bomb, run each case, print a table."""
    mib = int(sys.argv[1]) if len(sys.argv) > 1 else 361
    with tempfile.TemporaryDirectory() as folder:
        path = write_bomb(Path(folder) / "customers.xlsx", unpacked_mib=mib)
        print(f"bomb: {path.stat().st_size / 1024:.0f} KB on disk, {mib} MiB unpacked")
        for name, code in CASES.items():
            peak, seconds = measure(code, path)
            print(f"{name:<30} peak {peak:7.1f} MiB  {seconds:6.2f} s")


if __name__ == "__main__":
    main()
